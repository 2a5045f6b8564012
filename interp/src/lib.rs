//! The Perl 5 engine of psh: the compiled tree (`ast`), the parser that
//! produces it (`parse`), runtime values (`value`), the interpreter
//! (`interp`) and the pieces they share (numeric semantics, sprintf, regexes,
//! filehandles).

pub mod ast;
pub mod carp;
pub mod casemap;
pub mod charnames;
pub mod convert;
pub mod cwd;
pub mod destroy;
pub mod digest;
pub mod dumper;
pub mod encode;
pub mod format;
pub mod glob;
pub mod hashutil;
pub mod inc;
pub mod interp;
pub mod io;
pub mod iohandle;
pub mod listutil;
pub mod mro;
pub mod native;
pub mod normalize;
pub mod numeric;
pub mod pack;
pub mod parallel;
pub mod parse;
pub mod posix;
pub mod process;
pub mod regex;
pub mod signals;
pub mod sprintf;
pub mod stash;
pub mod storable;
pub mod tie;
pub mod value;
