//! The command-line parser: words, quotes, redirections, pipes, `&&`,
//! `||`, `;`, `&`.

use super::CommandList;

/// A command line that does not parse: the message and the byte offset
/// where the problem is.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub msg: String,
    pub offset: usize,
}

/// Parse a whole command line (it may span lines through `\`-newline or
/// quotes).
pub fn parse(line: &str) -> Result<CommandList, ParseError> {
    let _ = line;
    todo!("command-line parser")
}
