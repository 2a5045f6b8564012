//! Command lines: the static rule that decides whether an interactive line
//! is Perl or a command line (`classify`), and the parser that turns a
//! command line into pipelines of words (`parse`). Expansion of the words
//! (Perl-scope interpolation, `~`, globs) happens when the line runs, in
//! `crate::exec`, because it needs the interpreter.

mod classify;
mod parse;

pub use classify::{classify, first_word, is_perl_keyword, Known, LineKind};
pub use parse::{parse, ParseError};

/// `a ; b & c`: and-or lists in order, each run in the foreground or in the
/// background.
#[derive(Debug, Clone, PartialEq)]
pub struct CommandList {
    pub items: Vec<ListItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    pub and_or: AndOr,
    /// Ended by `&`.
    pub background: bool,
}

/// `p1 && p2 || p3`.
#[derive(Debug, Clone, PartialEq)]
pub struct AndOr {
    pub first: Pipeline,
    pub rest: Vec<(Connector, Pipeline)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connector {
    And,
    Or,
}

/// `s1 | s2 | s3`: the stages run at once, joined by OS pipes.
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    pub stages: Vec<Stage>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// A program, psh built-in command or alias with its words.
    Command(SimpleCommand),
    /// A stage after `|` that holds a Perl block (`grep { /sshd/ }`,
    /// `map { uc }`): its source text, run by Perl over the lines of the
    /// previous stage's output.
    Perl(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SimpleCommand {
    /// `NAME=value` words before the command name: set in the program's
    /// environment only.
    pub assigns: Vec<(String, Word)>,
    /// The command name and its arguments (never empty when parsing
    /// succeeded, except for a stage made only of assignments).
    pub words: Vec<Word>,
    pub redirs: Vec<Redir>,
    /// `^name`: run the program even if a keyword, sub or built-in has the
    /// name.
    pub force_program: bool,
}

/// One shell word, made of parts that expand differently.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Word {
    pub parts: Vec<WordPart>,
    /// Byte range of the word in the line (for error messages and the
    /// highlighter).
    pub span: (usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum WordPart {
    /// Literal text after quote removal. `quoted` text is never globbed.
    Lit { text: String, quoted: bool },
    /// `~` or `~user` at the start of a word (unquoted): the home folder.
    Tilde(Option<String>),
    /// `$name`, `${name}`, `$h{key}`, `$a[1]`, `$x->{k}`, `$?`, `$$`: a Perl
    /// scalar expression (its source text, sigil included), interpolated
    /// as in a double-quoted string. Always one word, never split.
    Scalar { expr: String, quoted: bool },
    /// `@name`, `@{...}`: unquoted, each element becomes its own word;
    /// inside double quotes, the elements joined by spaces.
    Array { expr: String, quoted: bool },
    /// `$(command line)`: its output, trailing newlines removed; unquoted,
    /// split into words at whitespace.
    Command { text: String, quoted: bool },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Redir {
    /// The descriptor redirected (0 for `<`, 1 for `>`, 2 for `2>`).
    pub fd: i32,
    pub op: RedirOp,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RedirOp {
    /// `< file`
    In(Word),
    /// `> file`
    Out(Word),
    /// `>> file`
    Append(Word),
    /// `2>&1`: make `fd` a copy of the given descriptor.
    Dup(i32),
    /// `&> file`: stdout and stderr to the file.
    OutErr(Word),
}
