//! TEMPORARY stub, replaced by the parser branch.
use crate::ast;
pub struct ParseError { pub file: String, pub line: u32, pub col: u32, pub message: String, pub source_line: String }
impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { write!(f, "{}", self.message) }
}
pub struct EvalScope { pub package: String, pub lexicals: Vec<(String, ast::Slot)>, pub hints: u8 }
pub fn parse_program(_src: &[u8], file: &str) -> Result<ast::Program, ParseError> {
    Err(ParseError { file: file.into(), line: 1, col: 1, message: "parser missing".into(), source_line: String::new() })
}
pub fn parse_eval(src: &[u8], file: &str, _scope: &EvalScope) -> Result<ast::Program, ParseError> { parse_program(src, file) }
