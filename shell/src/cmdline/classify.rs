//! The line classifier: Perl or command line, decided statically from the
//! line's text and what names exist (see docs/command-lines.md).

/// What the classifier may ask about names. The answers depend only on
/// definitions (subs, built-in commands, programs on `PATH`), never on the
/// values of variables.
pub trait Known {
    /// A Perl sub with this name is defined (in `main` or fully qualified).
    fn is_sub(&self, name: &str) -> bool;
    /// A psh built-in command (`cd`, `jobs`, …) or an alias.
    fn is_builtin(&self, name: &str) -> bool;
    /// An executable program: on `PATH`, or a path to an executable file.
    fn is_program(&self, name: &str) -> bool;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Perl,
    Command,
}

/// Decide whether `line` (the start of an interactive statement) is Perl or
/// a command line.
pub fn classify(line: &str, known: &dyn Known) -> LineKind {
    let _ = (line, known);
    todo!("classifier")
}

/// The first word of a line as the classifier sees it, with its byte range
/// (for the highlighter): `None` when the line does not start with a word.
pub fn first_word(line: &str) -> Option<(usize, usize)> {
    let _ = line;
    todo!("first word")
}
