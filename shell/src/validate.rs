//! Whether the text in the editor is a complete statement (Enter runs it)
//! or needs more lines (open brackets, quotes, heredocs).
