//! The command-line parser: words, quotes, redirections, pipes, `&&`,
//! `||`, `;`, `&`.

use std::fmt;

use super::{
    AndOr, CommandList, Connector, ListItem, Pipeline, Redir, RedirOp, SimpleCommand, Stage, Word,
    WordPart,
};

/// A command line that does not parse: the message and the byte offset
/// where the problem is.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub msg: String,
    pub offset: usize,
    /// More input could complete the line (an open quote, a trailing `|`,
    /// `&&` or `\`): the line editor then asks for another line instead
    /// of reporting the error.
    pub incomplete: bool,
}

impl ParseError {
    fn new(msg: impl Into<String>, offset: usize) -> Self {
        ParseError {
            msg: msg.into(),
            offset,
            incomplete: false,
        }
    }

    fn unfinished(msg: impl Into<String>, offset: usize) -> Self {
        ParseError {
            msg: msg.into(),
            offset,
            incomplete: true,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for ParseError {}

type Result<T> = std::result::Result<T, ParseError>;

/// Parse a whole command line (it may span lines through `\`-newline or
/// quotes).
pub fn parse(line: &str) -> Result<CommandList> {
    Parser {
        src: line,
        b: line.as_bytes(),
        pos: 0,
    }
    .list()
}

/// Blocks of these list functions make a stage after `|` Perl code.
const PERL_STAGE_WORDS: &[&str] = &["grep", "map", "sort", "first", "any"];

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Characters that end an unquoted word.
fn ends_word(c: u8) -> bool {
    matches!(
        c,
        b' ' | b'\t' | b'\n' | b'\r' | b';' | b'&' | b'|' | b'<' | b'>' | b'(' | b')'
    )
}

/// Before these an `@` is part of an address (`user@host`,
/// `first.last@example.com`, `git@github.com:x`), not an array.
fn glues_at_sign(c: u8) -> bool {
    is_ident_char(c) || matches!(c, b'.' | b'+' | b'-')
}

/// The parts of a word being built; adjacent literal text of the same
/// quoting merges into one part.
#[derive(Default)]
struct Parts(Vec<WordPart>);

impl Parts {
    fn lit(&mut self, s: &str, quoted: bool) {
        if let Some(WordPart::Lit { text, quoted: q }) = self.0.last_mut() {
            if *q == quoted {
                text.push_str(s);
                return;
            }
        }
        self.0.push(WordPart::Lit {
            text: s.to_string(),
            quoted,
        });
    }

    /// `""` and `''` are words of their own even though they hold no text.
    fn quoted_empty(&mut self) {
        self.0.push(WordPart::Lit {
            text: String::new(),
            quoted: true,
        });
    }

    fn finish(mut self, span: (usize, usize)) -> Word {
        if self.0.len() > 1 {
            self.0
                .retain(|p| !matches!(p, WordPart::Lit { text, .. } if text.is_empty()));
        }
        Word {
            parts: self.0,
            span,
        }
    }
}

struct Parser<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn at(&self, k: usize) -> Option<u8> {
        self.b.get(self.pos + k).copied()
    }

    fn starts(&self, s: &str) -> bool {
        self.b[self.pos..].starts_with(s.as_bytes())
    }

    /// The character at `pos` (the input is UTF-8; only ASCII is special).
    fn char_here(&self) -> &'a str {
        let len = self.src[self.pos..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        &self.src[self.pos..self.pos + len]
    }

    /// Spaces, tabs and `\`-newline joins.
    fn skip_blanks(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\r') => self.pos += 1,
                Some(b'\\') if self.at(1) == Some(b'\n') => self.pos += 2,
                _ => break,
            }
        }
    }

    fn skip_comment(&mut self) {
        while self.peek().is_some_and(|c| c != b'\n') {
            self.pos += 1;
        }
    }

    /// Blanks, newlines and comments: where a line may go on after `|`,
    /// `&&` or `||`, and between list items.
    fn skip_space_nl(&mut self) {
        loop {
            self.skip_blanks();
            match self.peek() {
                Some(b'\n') => self.pos += 1,
                Some(b'#') => self.skip_comment(),
                _ => break,
            }
        }
    }

    /// Nothing that could start a command here.
    fn at_command_end(&self) -> bool {
        match self.peek() {
            None | Some(b';' | b'|' | b'\n') => true,
            Some(b'&') => self.at(1) != Some(b'>'),
            _ => false,
        }
    }

    fn missing_after(&self, op: &str, op_at: usize) -> ParseError {
        let msg = format!("missing command after '{op}'");
        if self.peek().is_none() {
            ParseError::unfinished(msg, op_at)
        } else {
            ParseError::new(msg, op_at)
        }
    }

    fn list(&mut self) -> Result<CommandList> {
        let mut items = Vec::new();
        loop {
            self.skip_space_nl();
            let Some(c) = self.peek() else { break };
            let before = match c {
                b';' => Some(";"),
                b'&' if self.at(1) == Some(b'&') => Some("&&"),
                b'&' if self.at(1) != Some(b'>') => Some("&"),
                b'|' if self.at(1) == Some(b'|') => Some("||"),
                b'|' => Some("|"),
                _ => None,
            };
            if let Some(op) = before {
                return Err(ParseError::new(
                    format!("missing command before '{op}'"),
                    self.pos,
                ));
            }
            let and_or = self.and_or()?;
            self.skip_blanks();
            let background = match self.peek() {
                None => false,
                Some(b'&') => {
                    self.pos += 1;
                    true
                }
                Some(b';' | b'\n') => {
                    self.pos += 1;
                    false
                }
                Some(_) => {
                    return Err(ParseError::new(
                        format!("unexpected '{}'", self.char_here()),
                        self.pos,
                    ))
                }
            };
            items.push(ListItem { and_or, background });
        }
        Ok(CommandList { items })
    }

    fn and_or(&mut self) -> Result<AndOr> {
        let first = self.pipeline()?;
        let mut rest = Vec::new();
        loop {
            self.skip_blanks();
            let (conn, op) = if self.starts("&&") {
                (Connector::And, "&&")
            } else if self.starts("||") {
                (Connector::Or, "||")
            } else {
                break;
            };
            let op_at = self.pos;
            self.pos += 2;
            self.skip_space_nl();
            if self.at_command_end() {
                return Err(self.missing_after(op, op_at));
            }
            rest.push((conn, self.pipeline()?));
        }
        Ok(AndOr { first, rest })
    }

    fn pipeline(&mut self) -> Result<Pipeline> {
        let mut stages = vec![Stage::Command(self.command()?)];
        loop {
            self.skip_blanks();
            if self.peek() != Some(b'|') || self.at(1) == Some(b'|') {
                break;
            }
            let op_at = self.pos;
            self.pos += 1;
            self.skip_space_nl();
            if self.at_command_end() {
                return Err(self.missing_after("|", op_at));
            }
            match self.perl_stage()? {
                Some(text) => stages.push(Stage::Perl(text)),
                None => stages.push(Stage::Command(self.command()?)),
            }
        }
        Ok(Pipeline { stages })
    }

    /// `grep {…}`, `map {…}`, `sort {…}`, `first {…}`, `any {…}` after a
    /// `|`: the stage's Perl source, up to the next top-level `|`, `;`,
    /// `&`, `&&`, `||` or newline.
    fn perl_stage(&mut self) -> Result<Option<String>> {
        let start = self.pos;
        let mut i = start;
        while i < self.b.len() && is_ident_char(self.b[i]) {
            i += 1;
        }
        if !PERL_STAGE_WORDS.contains(&&self.src[start..i]) {
            return Ok(None);
        }
        while i < self.b.len() && matches!(self.b[i], b' ' | b'\t') {
            i += 1;
        }
        if self.b.get(i) != Some(&b'{') {
            return Ok(None);
        }
        let end = scan_perl(self.src, start)?;
        self.pos = end;
        Ok(Some(self.src[start..end].trim_end().to_string()))
    }

    fn command(&mut self) -> Result<SimpleCommand> {
        let start = self.pos;
        let mut cmd = SimpleCommand {
            assigns: Vec::new(),
            words: Vec::new(),
            redirs: Vec::new(),
            force_program: false,
        };
        let mut first_redir = None;
        loop {
            self.skip_blanks();
            let Some(c) = self.peek() else { break };
            match c {
                b'\n' | b';' | b'|' => break,
                b'&' if self.at(1) != Some(b'>') => break,
                b'#' => self.skip_comment(),
                b'(' | b')' => {
                    return Err(ParseError::new(
                        format!(
                            "unexpected '{}' (quote it to pass it to a program)",
                            c as char
                        ),
                        self.pos,
                    ))
                }
                b'&' | b'<' | b'>' => {
                    first_redir.get_or_insert(self.pos);
                    let r = self.redir(None, self.pos)?;
                    cmd.redirs.push(r);
                }
                b'0'..=b'9' if self.fd_prefix().is_some() => {
                    first_redir.get_or_insert(self.pos);
                    let (fd, len) = self.fd_prefix().unwrap_or_default();
                    let fd_at = self.pos;
                    self.pos += len;
                    let fd = i32::try_from(fd)
                        .map_err(|_| ParseError::new("file descriptor number too large", fd_at))?;
                    let r = self.redir(Some(fd), fd_at)?;
                    cmd.redirs.push(r);
                }
                _ => {
                    if cmd.words.is_empty() {
                        if let Some(name_len) = self.assignment_name() {
                            let name = self.src[self.pos..self.pos + name_len].to_string();
                            self.pos += name_len + 1;
                            let value = self.assign_value()?;
                            cmd.assigns.push((name, value));
                            continue;
                        }
                        if c == b'^'
                            && !cmd.force_program
                            && self.at(1).is_some_and(|d| !ends_word(d))
                        {
                            cmd.force_program = true;
                            self.pos += 1;
                        }
                    }
                    let w = self.word()?;
                    cmd.words.push(w);
                }
            }
        }
        if cmd.words.is_empty() && cmd.assigns.is_empty() {
            return Err(ParseError::new(
                "missing command name",
                first_redir.unwrap_or(start),
            ));
        }
        Ok(cmd)
    }

    /// Digits directly followed by `<` or `>` (`2>`, `10<`): the descriptor
    /// and the digits' length.
    fn fd_prefix(&self) -> Option<(u64, usize)> {
        let mut i = self.pos;
        while i < self.b.len() && self.b[i].is_ascii_digit() {
            i += 1;
        }
        if i == self.pos || !matches!(self.b.get(i), Some(b'<' | b'>')) {
            return None;
        }
        let fd = self.src[self.pos..i].parse().unwrap_or(u64::MAX);
        Some((fd, i - self.pos))
    }

    /// A descriptor number after `>&` or `<&`.
    fn dup_target(&mut self) -> Option<Result<i32>> {
        let start = self.pos;
        let mut i = start;
        while i < self.b.len() && self.b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start || self.b.get(i).is_some_and(|c| !ends_word(*c)) {
            return None;
        }
        self.pos = i;
        Some(
            self.src[start..i]
                .parse()
                .map_err(|_| ParseError::new("file descriptor number too large", start)),
        )
    }

    /// A redirection at `pos`, after any descriptor digits (whose value is
    /// `fd`) that start at `op_at`.
    fn redir(&mut self, fd: Option<i32>, op_at: usize) -> Result<Redir> {
        if self.starts("&>>") {
            return Err(ParseError::new(
                "'&>>' is not supported: use '>> file 2>&1'",
                op_at,
            ));
        }
        if self.starts("&>") {
            self.pos += 2;
            let w = self.target("&>", op_at)?;
            return Ok(Redir {
                fd: 1,
                op: RedirOp::OutErr(w),
            });
        }
        if self.starts("<<") {
            return Err(ParseError::new(
                "here-documents ('<<') are not supported in command lines",
                op_at,
            ));
        }
        if self.starts("<&") {
            self.pos += 2;
            self.skip_blanks();
            return match self.dup_target() {
                Some(n) => Ok(Redir {
                    fd: fd.unwrap_or(0),
                    op: RedirOp::Dup(n?),
                }),
                None => Err(ParseError::new(
                    "'<&' needs a descriptor number (as in '<&3')",
                    op_at,
                )),
            };
        }
        if self.starts("<") {
            self.pos += 1;
            let w = self.target("<", op_at)?;
            return Ok(Redir {
                fd: fd.unwrap_or(0),
                op: RedirOp::In(w),
            });
        }
        if self.starts(">>") {
            self.pos += 2;
            let w = self.target(">>", op_at)?;
            return Ok(Redir {
                fd: fd.unwrap_or(1),
                op: RedirOp::Append(w),
            });
        }
        if self.starts(">&") {
            self.pos += 2;
            self.skip_blanks();
            if let Some(n) = self.dup_target() {
                return Ok(Redir {
                    fd: fd.unwrap_or(1),
                    op: RedirOp::Dup(n?),
                });
            }
            if self.peek() == Some(b'-') {
                return Err(ParseError::new(
                    "closing a descriptor with '>&-' is not supported",
                    op_at,
                ));
            }
            // `>& file` is the old spelling of `&> file`.
            if fd.is_some() {
                return Err(ParseError::new(
                    "'>&' after a descriptor needs a descriptor number (as in '2>&1')",
                    op_at,
                ));
            }
            let w = self.target(">&", op_at)?;
            return Ok(Redir {
                fd: 1,
                op: RedirOp::OutErr(w),
            });
        }
        // `>|` overrides noclobber in other shells; psh has no noclobber.
        self.pos += 1;
        if self.peek() == Some(b'|') {
            self.pos += 1;
        }
        let w = self.target(">", op_at)?;
        Ok(Redir {
            fd: fd.unwrap_or(1),
            op: RedirOp::Out(w),
        })
    }

    /// The file name after a redirection operator.
    fn target(&mut self, op: &str, op_at: usize) -> Result<Word> {
        self.skip_blanks();
        match self.peek() {
            Some(c) if !ends_word(c) && c != b'#' => self.word(),
            _ => Err(ParseError::new(
                format!("missing file name after '{op}'"),
                op_at,
            )),
        }
    }

    /// `NAME=` at `pos`: the length of NAME.
    fn assignment_name(&self) -> Option<usize> {
        if !self.peek().is_some_and(is_ident_start) {
            return None;
        }
        let mut i = self.pos + 1;
        while i < self.b.len() && is_ident_char(self.b[i]) {
            i += 1;
        }
        (self.b.get(i) == Some(&b'=')).then_some(i - self.pos)
    }

    /// The value of `NAME=value` (possibly empty: `FOO= cmd`).
    fn assign_value(&mut self) -> Result<Word> {
        match self.peek() {
            Some(c) if !ends_word(c) => self.word(),
            _ => Ok(Word {
                parts: Vec::new(),
                span: (self.pos, self.pos),
            }),
        }
    }

    /// One word starting at `pos`, which holds a character that does not
    /// end a word.
    fn word(&mut self) -> Result<Word> {
        let start = self.pos;
        let mut parts = Parts::default();
        self.tilde(&mut parts);
        while let Some(c) = self.peek() {
            if ends_word(c) {
                break;
            }
            match c {
                b'\\' => match self.at(1) {
                    Some(b'\n') => self.pos += 2,
                    None => {
                        return Err(ParseError::unfinished(
                            "'\\' at the end of the line (the line goes on)",
                            self.pos,
                        ))
                    }
                    Some(_) => {
                        self.pos += 1;
                        let ch = self.char_here();
                        parts.lit(ch, true);
                        self.pos += ch.len();
                    }
                },
                b'\'' => self.single_quoted(&mut parts)?,
                b'"' => self.double_quoted(&mut parts)?,
                b'`' => {
                    return Err(ParseError::new(
                        "command substitution with '`' is not supported in command \
                         lines (quote the '`', or compute the value in Perl first)",
                        self.pos,
                    ))
                }
                b'$' | b'@' => {
                    if !self.variable(&mut parts, false)? {
                        parts.lit(if c == b'$' { "$" } else { "@" }, false);
                        self.pos += 1;
                    }
                }
                _ => {
                    let ch = self.char_here();
                    parts.lit(ch, false);
                    self.pos += ch.len();
                }
            }
        }
        Ok(parts.finish((start, self.pos)))
    }

    /// `~` or `~user` at the start of a word, before `/` or the word's end.
    fn tilde(&mut self, parts: &mut Parts) {
        if self.peek() != Some(b'~') {
            return;
        }
        let mut i = self.pos + 1;
        while i < self.b.len() && (is_ident_char(self.b[i]) || matches!(self.b[i], b'.' | b'-')) {
            i += 1;
        }
        if self.b.get(i).is_some_and(|c| *c != b'/' && !ends_word(*c)) {
            return;
        }
        let user = (i > self.pos + 1).then(|| self.src[self.pos + 1..i].to_string());
        parts.0.push(WordPart::Tilde(user));
        self.pos = i;
    }

    fn single_quoted(&mut self, parts: &mut Parts) -> Result<()> {
        let open = self.pos;
        let body = open + 1;
        match self.src[body..].find('\'') {
            Some(len) => {
                if len == 0 {
                    parts.quoted_empty();
                } else {
                    parts.lit(&self.src[body..body + len], true);
                }
                self.pos = body + len + 1;
                Ok(())
            }
            None => Err(ParseError::unfinished("unterminated single quote", open)),
        }
    }

    fn double_quoted(&mut self, parts: &mut Parts) -> Result<()> {
        let open = self.pos;
        self.pos += 1;
        let mut empty = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(ParseError::unfinished("unterminated double quote", open));
            };
            match c {
                b'"' => {
                    self.pos += 1;
                    break;
                }
                b'\\' => match self.at(1) {
                    Some(b'\n') => self.pos += 2,
                    Some(e @ (b'"' | b'\\' | b'$' | b'@' | b'`')) => {
                        parts.lit(&(e as char).to_string(), true);
                        self.pos += 2;
                        empty = false;
                    }
                    _ => {
                        parts.lit("\\", true);
                        self.pos += 1;
                        empty = false;
                    }
                },
                b'$' | b'@' => {
                    if !self.variable(parts, true)? {
                        parts.lit(if c == b'$' { "$" } else { "@" }, true);
                        self.pos += 1;
                    }
                    empty = false;
                }
                _ => {
                    let ch = self.char_here();
                    parts.lit(ch, true);
                    self.pos += ch.len();
                    empty = false;
                }
            }
        }
        if empty {
            parts.quoted_empty();
        }
        Ok(())
    }

    /// A `$` or `@` variable at `pos`: pushes its part and returns true, or
    /// returns false when the sigil is literal text.
    fn variable(&mut self, parts: &mut Parts, quoted: bool) -> Result<bool> {
        let at = self.pos;
        if self.b[at] == b'$' {
            if self.at(1) == Some(b'(') {
                let Some(close) = substitution_end(self.b, at + 2) else {
                    return Err(ParseError::unfinished("unterminated '$('", at));
                };
                parts.0.push(WordPart::Command {
                    text: self.src[at + 2..close].to_string(),
                    quoted,
                });
                self.pos = close + 1;
                return Ok(true);
            }
            let Some(end) = scalar_end(self.b, at, quoted)? else {
                return Ok(false);
            };
            parts.0.push(WordPart::Scalar {
                expr: self.src[at..end].to_string(),
                quoted,
            });
            self.pos = end;
            return Ok(true);
        }
        if at > 0 && glues_at_sign(self.b[at - 1]) {
            return Ok(false);
        }
        let Some(end) = array_end(self.b, at, quoted)? else {
            return Ok(false);
        };
        parts.0.push(WordPart::Array {
            expr: self.src[at..end].to_string(),
            quoted,
        });
        self.pos = end;
        Ok(true)
    }
}

/// The `)` that closes a `$(` whose text starts at `i`: brackets nest,
/// quotes and backslashes hide them.
fn substitution_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'\'' => {
                i += 1;
                while i < b.len() && b[i] != b'\'' {
                    i += 1;
                }
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// End of a Perl name at `i` (`name`, `Foo::bar`, `::x`), or `i` when
/// there is none.
fn name_end(b: &[u8], mut i: usize) -> usize {
    let start = i;
    loop {
        if b.get(i).is_some_and(|c| is_ident_char(*c)) && (i > start || is_ident_start(b[i])) {
            while i < b.len() && is_ident_char(b[i]) {
                i += 1;
            }
        } else if b[i..].starts_with(b"::") && b.get(i + 2).is_some_and(|c| is_ident_start(*c)) {
            i += 2;
        } else {
            return i;
        }
    }
}

/// The index after the bracket matching the one at `open`, skipping quoted
/// strings and escapes. Inside a double-quoted word the word's closing `"`
/// cannot be crossed, so no match is found there.
fn match_bracket(b: &[u8], open: usize, in_dquote: bool) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'{' | b'[' | b'(' => depth += 1,
            b'}' | b']' | b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            b'\\' => i += 1,
            b'"' if in_dquote => return None,
            q @ (b'\'' | b'"') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if i >= b.len() {
                    return None;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A `${`/`@{` without its `}`. Inside double quotes, a closing `"` that
/// comes first makes it a plain error; running out of input means the
/// line may go on.
fn unclosed(msg: &str, b: &[u8], at: usize, in_dquote: bool) -> ParseError {
    if in_dquote && b[at..].contains(&b'"') {
        ParseError::new(msg, at)
    } else {
        ParseError::unfinished(msg, at)
    }
}

/// `[…]` directly after a scalar's name is an element only when it looks
/// like an index (`[0]`, `[-1]`, `[$i]`, `[$i+1]`); `$dir[a-z]*` stays a
/// glob.
fn looks_like_index(inner: &[u8]) -> bool {
    match inner.first() {
        Some(b'$') => inner
            .iter()
            .all(|c| is_ident_char(*c) || matches!(c, b'$' | b'#' | b':' | b'+' | b'-' | b'*')),
        Some(_) => {
            let digits = inner.strip_prefix(b"-").unwrap_or(inner);
            !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
        }
        None => false,
    }
}

/// Subscripts after a scalar: `{key}`, `[1]`, `->{k}`, `->[0]`, chained.
fn subscripts_end(b: &[u8], mut i: usize, in_dquote: bool) -> usize {
    let mut first = true;
    loop {
        let arrow = b[i..].starts_with(b"->") && matches!(b.get(i + 2), Some(b'[' | b'{'));
        let open = if arrow { i + 2 } else { i };
        let Some(&c) = b.get(open) else { return i };
        if c != b'[' && c != b'{' {
            return i;
        }
        let Some(end) = match_bracket(b, open, in_dquote) else {
            return i;
        };
        if c == b'[' && first && !arrow && !looks_like_index(&b[open + 1..end - 1]) {
            return i;
        }
        first = false;
        i = end;
    }
}

/// The end of the scalar expression starting with the `$` at `at`, or
/// `None` when the `$` is literal.
fn scalar_end(b: &[u8], at: usize, in_dquote: bool) -> Result<Option<usize>> {
    let mut i = at + 1;
    // `$$name`, `$$$ref{k}`: dereferences; a lone `$$` is the process id.
    while b.get(i) == Some(&b'$') {
        i += 1;
    }
    let derefs = i - at - 1;
    let Some(&c) = b.get(i) else {
        return Ok((derefs > 0).then_some(at + 2));
    };
    if c == b'{' {
        let Some(end) = match_bracket(b, i, in_dquote) else {
            return Err(unclosed(
                "unterminated '${' (a '}' is missing)",
                b,
                at,
                in_dquote,
            ));
        };
        let inner = &b[i + 1..end - 1];
        let plain =
            !inner.is_empty() && is_ident_start(inner[0]) && name_end(inner, 0) == inner.len();
        // `${name}` delimits a name as in other shells (`${x}y`, and
        // `${x}[1]` is `$x` then `[1]`); a block `${ \ ... }` may take
        // subscripts.
        return Ok(Some(if plain && derefs == 0 {
            end
        } else {
            subscripts_end(b, end, in_dquote)
        }));
    }
    let e = name_end(b, i);
    if e > i {
        return Ok(Some(subscripts_end(b, e, in_dquote)));
    }
    if derefs > 0 {
        return Ok(Some(at + 2));
    }
    Ok(match c {
        b'0'..=b'9' => {
            let mut e = i;
            while b.get(e).is_some_and(u8::is_ascii_digit) {
                e += 1;
            }
            Some(e)
        }
        b'?' | b'!' | b'@' => Some(i + 1),
        b'#' => {
            // `$#array`, `$#{expr}`, `$#$ref`: the last index.
            let j = i + 1;
            match b.get(j) {
                Some(b'{') => match_bracket(b, j, in_dquote),
                Some(b'$') if name_end(b, j + 1) > j + 1 => Some(name_end(b, j + 1)),
                _ if name_end(b, j) > j => Some(name_end(b, j)),
                _ => None,
            }
        }
        _ => None,
    })
}

/// The end of `@name`, `@{…}` or `@$ref` at `at`, or `None` when the `@`
/// is literal.
fn array_end(b: &[u8], at: usize, in_dquote: bool) -> Result<Option<usize>> {
    let i = at + 1;
    match b.get(i) {
        Some(b'{') => match match_bracket(b, i, in_dquote) {
            Some(end) => Ok(Some(end)),
            None => Err(unclosed(
                "unterminated '@{' (a '}' is missing)",
                b,
                at,
                in_dquote,
            )),
        },
        Some(b'$') => {
            let e = name_end(b, i + 1);
            Ok((e > i + 1).then_some(e))
        }
        _ => {
            let e = name_end(b, i);
            Ok((e > i).then_some(e))
        }
    }
}

/// Words after which a `/` starts a regex rather than dividing.
const REGEX_AFTER: &[&str] = &[
    "and", "or", "not", "xor", "if", "unless", "while", "until", "return", "split", "grep", "map",
    "join", "push", "unshift", "x", "lt", "gt", "le", "ge", "eq", "ne", "cmp", "when", "print",
    "say", "first", "any",
];

/// Skip a delimited Perl string whose opening delimiter is at `open`;
/// the index after its closing delimiter.
fn skip_delimited(b: &[u8], open: usize) -> Result<usize> {
    let o = b[open];
    let close = match o {
        b'(' => b')',
        b'[' => b']',
        b'{' => b'}',
        b'<' => b'>',
        _ => o,
    };
    let mut depth = 0usize;
    let mut i = open + 1;
    while i < b.len() {
        let c = b[i];
        if c == b'\\' {
            i += 2;
            continue;
        }
        if c == close {
            if depth == 0 {
                return Ok(i + 1);
            }
            depth -= 1;
        } else if c == o && o != close {
            depth += 1;
        }
        i += 1;
    }
    Err(ParseError::unfinished(
        "unterminated string in a Perl block",
        open,
    ))
}

/// Scan the Perl stage starting at `start` to the first `|`, `;`, `&` or
/// newline outside brackets, strings and regexes; its end offset.
fn scan_perl(src: &str, start: usize) -> Result<usize> {
    let b = src.as_bytes();
    let mut stack: Vec<usize> = Vec::new();
    // Whether the previous token ends an operand, so that a `/` divides.
    let mut after_term = false;
    let mut i = start;
    while i < b.len() {
        let c = b[i];
        match c {
            b'|' | b';' | b'&' | b'\n' if stack.is_empty() => break,
            b'{' | b'[' | b'(' => {
                stack.push(i);
                after_term = false;
                i += 1;
            }
            b'}' | b']' | b')' => {
                if stack.pop().is_none() {
                    return Err(ParseError::new(
                        format!("unexpected '{}' in a Perl stage", c as char),
                        i,
                    ));
                }
                after_term = true;
                i += 1;
            }
            b'\'' | b'"' | b'`' => {
                i = skip_delimited(b, i)?;
                after_term = true;
            }
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'$' | b'@' | b'%' => {
                // A variable is an operand; its name must not be read as
                // a word like `x` or `s`, and punctuation variables (`$"`,
                // `$'`, `$#`, `$/`) must not open strings or comments.
                i += 1;
                let e = name_end(b, i);
                if e > i {
                    i = e;
                    after_term = true;
                } else if c == b'$'
                    && b.get(i)
                        .is_some_and(|d| d.is_ascii_punctuation() && !matches!(d, b'{' | b'$'))
                {
                    i += 1;
                    after_term = true;
                } else {
                    // `%` alone is modulus; `@{`, `${`, `$$x` go on.
                    after_term = false;
                }
            }
            b'/' if !after_term => {
                i = skip_delimited(b, i)?;
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                after_term = true;
            }
            b'0'..=b'9' => {
                while i < b.len() && (is_ident_char(b[i]) || b[i] == b'.') {
                    i += 1;
                }
                after_term = true;
            }
            _ if is_ident_start(c) => {
                let e = name_end(b, i);
                let word = &src[i..e];
                i = e;
                let parts = match word {
                    "q" | "qq" | "qw" | "qr" | "m" => 1,
                    "s" | "tr" | "y" => 2,
                    _ => 0,
                };
                let delim = b.get(i).copied();
                let quote_like = parts > 0
                    && delim.is_some_and(|d| {
                        d.is_ascii_punctuation()
                            && !matches!(d, b'=' | b',' | b';' | b')' | b'}' | b']' | b'_')
                    });
                if quote_like {
                    i = skip_delimited(b, i)?;
                    if parts == 2 {
                        if matches!(delim, Some(b'(' | b'[' | b'{' | b'<')) {
                            while i < b.len() && b[i].is_ascii_whitespace() {
                                i += 1;
                            }
                            if i >= b.len() {
                                return Err(ParseError::unfinished(
                                    "unterminated substitution in a Perl block",
                                    i,
                                ));
                            }
                            i = skip_delimited(b, i)?;
                        } else {
                            i = skip_delimited(b, i - 1)?;
                        }
                    }
                    while i < b.len() && b[i].is_ascii_alphabetic() {
                        i += 1;
                    }
                    after_term = true;
                } else {
                    after_term = !REGEX_AFTER.contains(&word);
                }
            }
            _ if c.is_ascii_whitespace() => i += 1,
            _ => {
                after_term = false;
                i += 1;
            }
        }
    }
    if let Some(&open) = stack.first() {
        return Err(ParseError::unfinished(
            format!("unterminated '{}' in a Perl stage", b[open] as char),
            open,
        ));
    }
    Ok(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word in a compact notation: unquoted text as is, quoted text in
    /// «», `S(expr)` / `qS(expr)` for scalars, `A(…)` / `qA(…)` for arrays,
    /// `C(…)` / `qC(…)` for command substitutions, `⟨~⟩` / `⟨~user⟩` for
    /// tildes.
    fn show(w: &Word) -> String {
        let mut out = String::new();
        for p in &w.parts {
            match p {
                WordPart::Lit {
                    text,
                    quoted: false,
                } => out.push_str(text),
                WordPart::Lit { text, quoted: true } => out.push_str(&format!("«{text}»")),
                WordPart::Scalar { expr, quoted } => {
                    out.push_str(&format!("{}S({expr})", if *quoted { "q" } else { "" }))
                }
                WordPart::Array { expr, quoted } => {
                    out.push_str(&format!("{}A({expr})", if *quoted { "q" } else { "" }))
                }
                WordPart::Command { text, quoted } => {
                    out.push_str(&format!("{}C({text})", if *quoted { "q" } else { "" }))
                }
                WordPart::Tilde(None) => out.push_str("⟨~⟩"),
                WordPart::Tilde(Some(u)) => out.push_str(&format!("⟨~{u}⟩")),
            }
        }
        out
    }

    fn only_command(line: &str) -> SimpleCommand {
        let list = parse(line).unwrap_or_else(|e| panic!("{line:?}: {e:?}"));
        assert_eq!(list.items.len(), 1, "{line:?}");
        let item = &list.items[0];
        assert!(item.and_or.rest.is_empty(), "{line:?}");
        assert_eq!(item.and_or.first.stages.len(), 1, "{line:?}");
        match &item.and_or.first.stages[0] {
            Stage::Command(c) => c.clone(),
            Stage::Perl(t) => panic!("{line:?}: Perl stage {t:?}"),
        }
    }

    fn words(line: &str) -> Vec<String> {
        only_command(line).words.iter().map(show).collect()
    }

    fn err(line: &str) -> ParseError {
        match parse(line) {
            Err(e) => e,
            Ok(l) => panic!("{line:?} parsed: {l:?}"),
        }
    }

    fn stages(line: &str) -> Vec<Stage> {
        let list = parse(line).unwrap();
        assert_eq!(list.items.len(), 1);
        list.items[0].and_or.first.stages.clone()
    }

    #[test]
    fn plain_words() {
        assert_eq!(words("ls -la /tmp"), ["ls", "-la", "/tmp"]);
        assert_eq!(words("  ls\t -la  "), ["ls", "-la"]);
        assert_eq!(words("echo *.rs a?[bc]"), ["echo", "*.rs", "a?[bc]"]);
        assert_eq!(words("echo héllo wörld"), ["echo", "héllo", "wörld"]);
    }

    #[test]
    fn empty_line() {
        assert_eq!(parse("").unwrap().items, vec![]);
        assert_eq!(parse("   \n  # only a comment").unwrap().items, vec![]);
    }

    #[test]
    fn quotes() {
        assert_eq!(words("ls \"-la\""), ["ls", "«-la»"]);
        assert_eq!(words("echo 'a b' \"c d\""), ["echo", "«a b»", "«c d»"]);
        assert_eq!(words("echo foo\"bar\"'baz'"), ["echo", "foo«barbaz»"]);
        assert_eq!(words("echo 'it''s'"), ["echo", "«its»"]);
        assert_eq!(words("echo '$x \\n'"), ["echo", "«$x \\n»"]);
        assert_eq!(words("echo \"*.rs\" *.rs"), ["echo", "«*.rs»", "*.rs"]);
        assert_eq!(words("echo a'*'b"), ["echo", "a«*»b"]);
        assert_eq!(words("echo 'multi\nline'"), ["echo", "«multi\nline»"]);
    }

    #[test]
    fn empty_quotes_make_a_word() {
        let c = only_command("echo '' \"\" x");
        assert_eq!(c.words.len(), 4);
        assert_eq!(
            c.words[1].parts,
            vec![WordPart::Lit {
                text: String::new(),
                quoted: true
            }]
        );
        assert_eq!(words("echo a\"\""), ["echo", "a"]);
    }

    #[test]
    fn backslashes() {
        assert_eq!(words("echo a\\ b"), ["echo", "a« »b"]);
        assert_eq!(words("echo \\*"), ["echo", "«*»"]);
        // Only the next character is escaped.
        assert_eq!(words("echo \\$x"), ["echo", "«$»x"]);
        assert_eq!(words("echo \\'"), ["echo", "«'»"]);
        assert_eq!(
            words(r#"echo "a\"b\\c\$d\@e\`f\n""#),
            ["echo", "«a\"b\\c$d@e`f\\n»"]
        );
        assert_eq!(words("echo a\\\nb c"), ["echo", "ab", "c"]);
        assert_eq!(words("echo a \\\n  b"), ["echo", "a", "b"]);
        assert_eq!(words("echo \"a\\\nb\""), ["echo", "«ab»"]);
    }

    #[test]
    fn scalars() {
        assert_eq!(words("rm $f"), ["rm", "S($f)"]);
        assert_eq!(words("echo $h{a}"), ["echo", "S($h{a})"]);
        assert_eq!(words("echo $h{$k}x"), ["echo", "S($h{$k})x"]);
        assert_eq!(words("echo ${x}y"), ["echo", "S(${x})y"]);
        assert_eq!(words("echo ${x}[1]"), ["echo", "S(${x})[1]"]);
        assert_eq!(words("echo $x->{a}[1]"), ["echo", "S($x->{a}[1])"]);
        assert_eq!(words("echo $x->[0]{k}"), ["echo", "S($x->[0]{k})"]);
        assert_eq!(
            words("echo $a[1] $a[-1] $a[$i]"),
            ["echo", "S($a[1])", "S($a[-1])", "S($a[$i])"]
        );
        assert_eq!(
            words("echo $::x $Foo::bar"),
            ["echo", "S($::x)", "S($Foo::bar)"]
        );
        assert_eq!(
            words("echo $? $$ $0 $1 $12 $! $@"),
            ["echo", "S($?)", "S($$)", "S($0)", "S($1)", "S($12)", "S($!)", "S($@)"]
        );
        assert_eq!(words("echo $_"), ["echo", "S($_)"]);
        assert_eq!(words("echo $$ref{k}"), ["echo", "S($$ref{k})"]);
        assert_eq!(words("echo $#a"), ["echo", "S($#a)"]);
        assert_eq!(
            words("echo ${ \\ join ',', @a }"),
            ["echo", "S(${ \\ join ',', @a })"]
        );
    }

    #[test]
    fn subscript_spaces_stay_in_the_word() {
        assert_eq!(words("echo $h{ 'a b' } x"), ["echo", "S($h{ 'a b' })", "x"]);
        assert_eq!(words("echo $h{\"}\"}"), ["echo", "S($h{\"}\"})"]);
    }

    #[test]
    fn not_subscripts() {
        assert_eq!(words("ls $dir[a-z]*"), ["ls", "S($dir)[a-z]*"]);
        assert_eq!(words("echo $x->method"), ["echo", "S($x)-"]);
        assert_eq!(words("echo $x:y"), ["echo", "S($x):y"]);
        assert_eq!(words("echo $x::"), ["echo", "S($x)::"]);
    }

    #[test]
    fn literal_dollars() {
        assert_eq!(words("echo $ x"), ["echo", "$", "x"]);
        assert_eq!(words("echo a$"), ["echo", "a$"]);
        assert_eq!(words("echo $% $,"), ["echo", "$%", "$,"]);
        assert_eq!(words("echo \"cost: $\""), ["echo", "«cost: $»"]);
    }

    #[test]
    fn arrays() {
        assert_eq!(words("echo @x"), ["echo", "A(@x)"]);
        assert_eq!(words("echo @{[ 1+1 ]}"), ["echo", "A(@{[ 1+1 ]})"]);
        assert_eq!(words("echo @$r"), ["echo", "A(@$r)"]);
        assert_eq!(words("echo \"$x/@y\""), ["echo", "qS($x)«/»qA(@y)"]);
        assert_eq!(words("echo \"@x\""), ["echo", "qA(@x)"]);
        assert_eq!(words("echo @ @1"), ["echo", "@", "@1"]);
    }

    #[test]
    fn at_signs_in_addresses_are_literal() {
        assert_eq!(words("ssh user@host"), ["ssh", "user@host"]);
        assert_eq!(
            words("git clone git@github.com:x/y"),
            ["git", "clone", "git@github.com:x/y"]
        );
        assert_eq!(
            words("mail first.last@ex.com"),
            ["mail", "first.last@ex.com"]
        );
        assert_eq!(words("ssh $user@$host"), ["ssh", "S($user)@S($host)"]);
        assert_eq!(
            words("echo \"me@example.com\""),
            ["echo", "«me@example.com»"]
        );
    }

    #[test]
    fn double_quoted_interpolation() {
        assert_eq!(
            words("echo \"$h{a} and ${x}s\""),
            ["echo", "qS($h{a})« and »qS(${x})«s»"]
        );
        assert_eq!(words("echo \"$x\""), ["echo", "qS($x)"]);
        // The word's own closing quote ends a subscript search.
        assert_eq!(words("echo \"$h{\" x"), ["echo", "qS($h)«{»", "x"]);
        assert_eq!(words("echo \"a `b`\""), ["echo", "«a `b`»"]);
    }

    #[test]
    fn tilde() {
        assert_eq!(words("cd ~"), ["cd", "⟨~⟩"]);
        assert_eq!(words("cd ~/src"), ["cd", "⟨~⟩/src"]);
        assert_eq!(words("cd ~user"), ["cd", "⟨~user⟩"]);
        assert_eq!(words("cd ~user/x"), ["cd", "⟨~user⟩/x"]);
        assert_eq!(words("cd ~a.b-c"), ["cd", "⟨~a.b-c⟩"]);
        assert_eq!(words("echo ~;"), ["echo", "⟨~⟩"]);
        assert_eq!(
            words("echo a~ '~' \"~\" ~\"x\""),
            ["echo", "a~", "«~»", "«~»", "~«x»"]
        );
        let c = only_command("cd ~user/x");
        assert_eq!(c.words[1].parts[0], WordPart::Tilde(Some("user".into())));
        assert_eq!(
            c.words[1].parts[1],
            WordPart::Lit {
                text: "/x".into(),
                quoted: false
            }
        );
    }

    #[test]
    fn spans() {
        let line = "ls  \"a b\" c'd'  $x";
        let c = only_command(line);
        let spans: Vec<_> = c.words.iter().map(|w| &line[w.span.0..w.span.1]).collect();
        assert_eq!(spans, ["ls", "\"a b\"", "c'd'", "$x"]);
        let c = only_command("^grep x > out");
        assert_eq!(c.words[0].span, (1, 5));
        match &c.redirs[0].op {
            RedirOp::Out(w) => assert_eq!(w.span, (10, 13)),
            op => panic!("{op:?}"),
        }
    }

    fn redirs(line: &str) -> Vec<(i32, String)> {
        only_command(line)
            .redirs
            .iter()
            .map(|r| {
                let op = match &r.op {
                    RedirOp::In(w) => format!("<{}", show(w)),
                    RedirOp::Out(w) => format!(">{}", show(w)),
                    RedirOp::Append(w) => format!(">>{}", show(w)),
                    RedirOp::Dup(n) => format!(">&{n}"),
                    RedirOp::OutErr(w) => format!("&>{}", show(w)),
                };
                (r.fd, op)
            })
            .collect()
    }

    fn r(fd: i32, op: &str) -> (i32, String) {
        (fd, op.to_string())
    }

    #[test]
    fn redirections() {
        assert_eq!(redirs("sort < in > out"), [r(0, "<in"), r(1, ">out")]);
        assert_eq!(redirs("sort <in >>log"), [r(0, "<in"), r(1, ">>log")]);
        assert_eq!(redirs("make 2> err"), [r(2, ">err")]);
        assert_eq!(redirs("make 2>>err"), [r(2, ">>err")]);
        assert_eq!(redirs("make > out 2>&1"), [r(1, ">out"), r(2, ">&1")]);
        assert_eq!(redirs("echo x >&2"), [r(1, ">&2")]);
        assert_eq!(redirs("cat 3<in"), [r(3, "<in")]);
        assert_eq!(redirs("cat <&3"), [r(0, ">&3")]);
        assert_eq!(redirs("make &> all"), [r(1, "&>all")]);
        assert_eq!(redirs("make >& all"), [r(1, "&>all")]);
        assert_eq!(redirs("make >| out"), [r(1, ">out")]);
        assert_eq!(redirs("echo x > \"a b\""), [r(1, ">«a b»")]);
        assert_eq!(redirs("echo x > $f"), [r(1, ">S($f)")]);
        assert_eq!(redirs("echo x > ~/o"), [r(1, ">⟨~⟩/o")]);
        assert_eq!(redirs("make 10>x"), [r(10, ">x")]);
    }

    #[test]
    fn redirections_do_not_swallow_words() {
        let c = only_command("echo a>b c 2 >d a2>e");
        assert_eq!(
            c.words.iter().map(show).collect::<Vec<_>>(),
            ["echo", "a", "c", "2", "a2"]
        );
        assert_eq!(c.redirs.len(), 3);
        assert!(c.redirs.iter().all(|r| r.fd == 1));
        assert_eq!(words("echo '2>x' 2\\>x"), ["echo", "«2>x»", "2«>»x"]);
    }

    #[test]
    fn redirection_errors() {
        let e = err("ls >");
        assert_eq!(
            (e.msg.as_str(), e.offset),
            ("missing file name after '>'", 3)
        );
        let e = err("ls 2>> ; x");
        assert_eq!(
            (e.msg.as_str(), e.offset),
            ("missing file name after '>>'", 3)
        );
        assert_eq!(err("ls < | x").msg, "missing file name after '<'");
        assert_eq!(err("ls &>").msg, "missing file name after '&>'");
        assert_eq!(err("ls 2>&x").offset, 3);
        assert_eq!(err("ls &>> f").offset, 3);
        assert_eq!(err("cat << EOF").offset, 4);
        assert_eq!(err("ls >&-").offset, 3);
        assert_eq!(
            err("ls 99999999999>x").msg,
            "file descriptor number too large"
        );
        let e = err("> out");
        assert_eq!((e.msg.as_str(), e.offset), ("missing command name", 0));
    }

    #[test]
    fn assignments() {
        let c = only_command("FOO=1 BAR=\"a b\" make -j2");
        let a: Vec<_> = c
            .assigns
            .iter()
            .map(|(n, w)| (n.as_str(), show(w)))
            .collect();
        assert_eq!(a, [("FOO", "1".to_string()), ("BAR", "«a b»".to_string())]);
        assert_eq!(
            c.words.iter().map(show).collect::<Vec<_>>(),
            ["make", "-j2"]
        );
        let c = only_command("EMPTY= env");
        assert_eq!(c.assigns[0].1.parts, vec![]);
        let c = only_command("P=~/bin:$PATH x");
        assert_eq!(show(&c.assigns[0].1), "⟨~⟩/bin:S($PATH)");
        // Only before the command name.
        assert_eq!(words("make CC=gcc"), ["make", "CC=gcc"]);
        let c = only_command("FOO=1");
        assert!(c.words.is_empty());
        assert_eq!(c.assigns.len(), 1);
        // Not a name: a word.
        assert_eq!(words("1A=2 x"), ["1A=2", "x"]);
    }

    #[test]
    fn force_program() {
        let c = only_command("^grep foo file");
        assert!(c.force_program);
        assert_eq!(
            c.words.iter().map(show).collect::<Vec<_>>(),
            ["grep", "foo", "file"]
        );
        let c = only_command("X=1 ^sort f");
        assert!(c.force_program);
        assert_eq!(show(&c.words[0]), "sort");
        let c = only_command("echo ^x");
        assert!(!c.force_program);
        assert_eq!(show(&c.words[1]), "^x");
        assert!(!only_command("grep x").force_program);
    }

    #[test]
    fn lists_and_connectors() {
        let l = parse("a && b || c; d &").unwrap();
        assert_eq!(l.items.len(), 2);
        let first = &l.items[0];
        assert!(!first.background);
        assert_eq!(
            first
                .and_or
                .rest
                .iter()
                .map(|(c, _)| *c)
                .collect::<Vec<_>>(),
            [Connector::And, Connector::Or]
        );
        assert!(l.items[1].background);
        assert!(l.items[1].and_or.rest.is_empty());
        let l = parse("a & b\nc;").unwrap();
        assert_eq!(l.items.len(), 3);
        assert_eq!(
            l.items.iter().map(|i| i.background).collect::<Vec<_>>(),
            [true, false, false]
        );
        let l = parse("a &&\n  b").unwrap();
        assert_eq!(l.items[0].and_or.rest.len(), 1);
        let l = parse("a&&b||c").unwrap();
        assert_eq!(l.items[0].and_or.rest.len(), 2);
    }

    #[test]
    fn comments() {
        assert_eq!(words("ls -l # the list"), ["ls", "-l"]);
        assert_eq!(words("echo a#b"), ["echo", "a#b"]);
        assert_eq!(words("echo '#x'"), ["echo", "«#x»"]);
        let l = parse("a # c\nb").unwrap();
        assert_eq!(l.items.len(), 2);
    }

    #[test]
    fn pipes() {
        let s = stages("ps aux | grep sshd | wc -l");
        assert_eq!(s.len(), 3);
        match &s[1] {
            Stage::Command(c) => {
                assert_eq!(
                    c.words.iter().map(show).collect::<Vec<_>>(),
                    ["grep", "sshd"]
                )
            }
            st => panic!("{st:?}"),
        }
        assert_eq!(stages("a|b").len(), 2);
        assert_eq!(stages("a |\n b").len(), 2);
        // `sort` without a block is the program.
        assert!(matches!(&stages("ls | sort -u")[1], Stage::Command(_)));
    }

    #[test]
    fn perl_stages() {
        let s = stages("ps aux | grep { /sshd/ } | wc -l");
        assert_eq!(s[1], Stage::Perl("grep { /sshd/ }".into()));
        assert!(matches!(&s[2], Stage::Command(_)));
        let s = stages("cat f | grep { $_ =~ /a|b/ } | map { uc }");
        assert_eq!(s[1], Stage::Perl("grep { $_ =~ /a|b/ }".into()));
        assert_eq!(s[2], Stage::Perl("map { uc }".into()));
        let s = stages("ls | sort { $a cmp $b }");
        assert_eq!(s[1], Stage::Perl("sort { $a cmp $b }".into()));
        let s = stages("ls | first{ /x/ }");
        assert_eq!(s[1], Stage::Perl("first{ /x/ }".into()));
        let s = stages("ls | any { $_ eq \"}|\" }");
        assert_eq!(s[1], Stage::Perl("any { $_ eq \"}|\" }".into()));
        let s = stages("ls | grep { m{a|b} || /\\}/ }");
        assert_eq!(s[1], Stage::Perl("grep { m{a|b} || /\\}/ }".into()));
        let s = stages("ls | map { s/x|y/}/r }");
        assert_eq!(s[1], Stage::Perl("map { s/x|y/}/r }".into()));
        let s = stages("ls | map { $_ / 2 } | x");
        assert_eq!(s[1], Stage::Perl("map { $_ / 2 }".into()));
        let s = stages("ls | grep { $x / 2 } | x");
        assert_eq!(s[1], Stage::Perl("grep { $x / 2 }".into()));
        let s = stages("ls | grep { join $\", 1 } | x");
        assert_eq!(s[1], Stage::Perl("grep { join $\", 1 }".into()));
        let s = stages("ls | grep {\n  /a/ # a } comment\n}");
        assert_eq!(s[1], Stage::Perl("grep {\n  /a/ # a } comment\n}".into()));
    }

    #[test]
    fn perl_stage_ends_at_top_level_operators() {
        let l = parse("ls | grep { /a/ } && echo ok; ls | map { 1 } &").unwrap();
        assert_eq!(l.items.len(), 2);
        assert_eq!(
            l.items[0].and_or.first.stages[1],
            Stage::Perl("grep { /a/ }".into())
        );
        assert_eq!(l.items[0].and_or.rest.len(), 1);
        assert!(l.items[1].background);
        assert_eq!(
            l.items[1].and_or.first.stages[1],
            Stage::Perl("map { 1 }".into())
        );
    }

    #[test]
    fn first_stage_is_never_perl() {
        let s = stages("grep { x } f");
        assert!(matches!(&s[0], Stage::Command(_)));
    }

    #[test]
    fn perl_stage_errors() {
        let e = err("ls | grep { /a/");
        assert!(e.incomplete);
        assert_eq!(e.offset, 10);
        let e = err("ls | grep { \"a }");
        assert!(e.incomplete);
        assert_eq!(e.offset, 12);
        let e = err("ls | grep { 1 } }");
        assert_eq!(e.offset, 16);
    }

    #[test]
    fn quote_errors() {
        let e = err("echo \"abc");
        assert_eq!(
            (e.msg.as_str(), e.offset, e.incomplete),
            ("unterminated double quote", 5, true)
        );
        let e = err("echo x 'abc");
        assert_eq!(
            (e.msg.as_str(), e.offset, e.incomplete),
            ("unterminated single quote", 7, true)
        );
        let e = err("echo x\\");
        assert_eq!((e.offset, e.incomplete), (6, true));
        let e = err("echo ${x");
        assert_eq!((e.offset, e.incomplete), (5, true));
        let e = err("echo \"${x\" y");
        assert_eq!((e.offset, e.incomplete), (6, false));
        let e = err("echo \"${x");
        assert_eq!((e.offset, e.incomplete), (6, true));
        let e = err("echo @{[ 1 ]");
        assert_eq!((e.offset, e.incomplete), (5, true));
    }

    #[test]
    fn operator_errors() {
        let e = err("ls |");
        assert_eq!(
            (e.msg.as_str(), e.offset, e.incomplete),
            ("missing command after '|'", 3, true)
        );
        let e = err("ls | ; x");
        assert_eq!(
            (e.msg.as_str(), e.incomplete),
            ("missing command after '|'", false)
        );
        let e = err("&& ls");
        assert_eq!(
            (e.msg.as_str(), e.offset),
            ("missing command before '&&'", 0)
        );
        let e = err("  | ls");
        assert_eq!(
            (e.msg.as_str(), e.offset),
            ("missing command before '|'", 2)
        );
        let e = err("ls && ");
        assert_eq!(
            (e.msg.as_str(), e.offset, e.incomplete),
            ("missing command after '&&'", 3, true)
        );
        let e = err("ls || # nothing");
        assert_eq!(
            (e.msg.as_str(), e.offset),
            ("missing command after '||'", 3)
        );
        assert_eq!(err("ls ;; x").offset, 4);
        assert_eq!(err("; ls").msg, "missing command before ';'");
        assert_eq!(err("ls & & x").msg, "missing command before '&'");
        assert_eq!(err("ls | | x").msg, "missing command after '|'");
    }

    #[test]
    fn unsupported_syntax_errors() {
        assert_eq!(err("echo (x)").offset, 5);
        assert_eq!(err("echo `date`").offset, 5);
    }

    #[test]
    fn command_substitution() {
        let l = parse("echo $(date +%s) \"x$(echo 'a)b' | tr a b)y\"").unwrap();
        let Stage::Command(c) = &l.items[0].and_or.first.stages[0] else {
            panic!()
        };
        assert_eq!(
            c.words[1].parts,
            vec![WordPart::Command {
                text: "date +%s".into(),
                quoted: false
            }]
        );
        assert_eq!(
            c.words[2].parts[1],
            WordPart::Command {
                text: "echo 'a)b' | tr a b".into(),
                quoted: true
            }
        );
        let e = err("echo $(date");
        assert!(e.incomplete);
        assert_eq!(e.offset, 5);
    }

    /// Random lines over the parser's special characters: parsing (and
    /// classifying) must never panic, spans must lie on character
    /// boundaries, and errors must point inside the line.
    #[test]
    fn never_panics() {
        use crate::cmdline::{classify, first_word, Known};
        struct All;
        impl Known for All {
            fn is_sub(&self, n: &str) -> bool {
                n.len() == 1
            }
            fn is_builtin(&self, n: &str) -> bool {
                n.len() == 2
            }
            fn is_program(&self, n: &str) -> bool {
                n.len() > 2
            }
        }
        let alphabet: Vec<&str> = vec![
            "a", "b", "1", "2", " ", "\t", "\n", "\\", "'", "\"", "`", "$", "@", "%", "{", "}",
            "[", "]", "(", ")", "<", ">", "&", "|", ";", "#", "~", "/", "^", "=", "-", ":", ",",
            "é", "→", "*", "?", ".", "_", "grep {", "| map { ", "$x->", "2>&", "s/", "qw(", "${",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..30_000 {
            let len = (next() % 16) as usize;
            let line: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let _ = classify(&line, &All);
            if let Some((a, b)) = first_word(&line) {
                assert!(line.get(a..b).is_some(), "{line:?}");
            }
            match parse(&line) {
                Ok(list) => {
                    for item in &list.items {
                        let stages = std::iter::once(&item.and_or.first)
                            .chain(item.and_or.rest.iter().map(|(_, p)| p))
                            .flat_map(|p| p.stages.iter());
                        for st in stages {
                            if let Stage::Command(c) = st {
                                for w in &c.words {
                                    assert!(line.get(w.span.0..w.span.1).is_some(), "{line:?}");
                                }
                            }
                        }
                    }
                }
                Err(e) => assert!(e.offset <= line.len(), "{line:?}: {e:?}"),
            }
        }
    }
}
