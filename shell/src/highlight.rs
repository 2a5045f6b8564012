//! Syntax highlighting for the line editor.
