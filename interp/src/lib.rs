//! The Perl 5 engine of psh.

pub mod ast;
pub mod parse;
