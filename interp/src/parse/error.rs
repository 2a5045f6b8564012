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
    /// perl's `near "…"` excerpt, when the error is a syntax error (empty:
    /// perl's `at EOF`).
    pub near: Option<String>,
    /// perl's `, at end of line` instead of `.` after the location (errors
    /// the lexer reports), followed by `then`: a second complete message.
    pub eol: bool,
    pub then: Option<String>,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.eol {
            writeln!(
                f,
                "{} at {} line {}, at end of line",
                self.message, self.file, self.line
            )?;
            return f.write_str(self.then.as_deref().unwrap_or(""));
        }
        match &self.near {
            Some(near) if near.is_empty() => writeln!(
                f,
                "{} at {} line {}, at EOF",
                self.message, self.file, self.line
            ),
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
