//! Compile errors, printed the way perl prints them.

use std::fmt;

/// A compile-time error. `Display` gives perl's text (ending in a newline);
/// the caller appends "Execution of FILE aborted due to compilation errors."
/// where perl would.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub file: String,
    pub line: u32,
    pub col: u32,
    /// The message without location, e.g. `syntax error` or
    /// `Global symbol "$x" requires explicit package name (...)`.
    pub message: String,
    /// The text of the offending source line (for editors and the REPL).
    pub source_line: String,
    /// perl's `near "…"` excerpt, when the error is a syntax error.
    pub near: Option<String>,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.near {
            Some(near) => writeln!(
                f,
                "{} at {} line {}, near \"{}\"",
                self.message, self.file, self.line, near
            ),
            None => writeln!(f, "{} at {} line {}.", self.message, self.file, self.line),
        }
    }
}

impl std::error::Error for ParseError {}
