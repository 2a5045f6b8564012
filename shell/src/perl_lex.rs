//! A small tokenizer for Perl source as typed at the prompt, shared by the
//! highlighter and the validator.
//!
//! It runs on every keystroke, so it is a single forward pass with no
//! backtracking beyond a few bytes of lookahead, and it is total: any byte
//! sequence yields tokens that lie on char boundaries, in order, without
//! overlap. It does not try to be the interpreter's parser; where Perl
//! itself guesses (`/` as division or regex), it guesses the same way from
//! the previous token.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Keyword,
    Ident,
    Variable,
    Number,
    String,
    Regex,
    /// The body lines of a heredoc, terminator line included.
    Heredoc,
    Comment,
    Operator,
    Open,
    Close,
    /// The program a command line (or one of its stages) runs.
    Command {
        exists: bool,
    },
    /// A plain word of a command line.
    Word,
    /// A `-x` / `--long` option word of a command line.
    Flag,
}

/// A byte range of the source with what it is. Whitespace and anything the
/// lexer leaves uncoloured fall between tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// The tokens of a text and what is still open at its end.
#[derive(Debug, Default)]
pub struct Lexed {
    pub tokens: Vec<Token>,
    /// Brackets opened and not closed, innermost last.
    pub open: Vec<u8>,
    /// A string, quote-like construct, regex or heredoc marker runs to the
    /// end of the text.
    pub unterminated: bool,
    /// A heredoc's terminator line has not arrived.
    pub heredoc_pending: bool,
    /// A closing bracket with no matching opener: no further line can make
    /// the text valid, so it is complete (and the parser reports the error).
    pub mismatched: bool,
    /// Where lexing stopped: the end of the text, or for a pipeline stage
    /// the separator that ends it.
    pub end: usize,
}

impl Lexed {
    /// Whether the text, as Perl, needs more lines before it can run.
    pub fn needs_more(&self, text: &str) -> bool {
        if self.mismatched {
            return false;
        }
        if self.unterminated || self.heredoc_pending || !self.open.is_empty() {
            return true;
        }
        match self.tokens.last() {
            Some(t) if t.kind == Kind::Operator => {
                let op = text.get(t.start..t.end).unwrap_or("");
                // A trailing backslash continues the line only when it is
                // the very last character, as in sh.
                (op == "\\" && t.end == text.len()) || matches!(op, "|" | "||" | "&&")
            }
            _ => false,
        }
    }
}

/// Lexes all of `text` as Perl.
pub fn lex(text: &str) -> Lexed {
    Lexer::new(text, 0, false).run()
}

/// Lexes the Perl stage of a command line that starts at `start`
/// (`grep { /x/ }` after a `|`): it ends at a `|`, `&&`, `;` or newline
/// outside brackets, which belong to the command line.
pub fn lex_stage(text: &str, start: usize) -> Lexed {
    Lexer::new(text, start, true).run()
}

/// Named operators and keywords coloured as keywords.
const KEYWORDS: &[&str] = &[
    "BEGIN",
    "CHECK",
    "END",
    "INIT",
    "UNITCHECK",
    "__DATA__",
    "__END__",
    "__FILE__",
    "__LINE__",
    "__PACKAGE__",
    "__SUB__",
    "abs",
    "and",
    "binmode",
    "bless",
    "caller",
    "chdir",
    "chmod",
    "chomp",
    "chop",
    "chown",
    "chr",
    "close",
    "closedir",
    "cmp",
    "continue",
    "default",
    "defined",
    "delete",
    "die",
    "do",
    "each",
    "else",
    "elsif",
    "eof",
    "eq",
    "eval",
    "exec",
    "exists",
    "exit",
    "for",
    "foreach",
    "fork",
    "ge",
    "given",
    "glob",
    "gmtime",
    "goto",
    "grep",
    "gt",
    "if",
    "index",
    "int",
    "join",
    "keys",
    "kill",
    "last",
    "lc",
    "lcfirst",
    "le",
    "length",
    "local",
    "localtime",
    "lock",
    "lstat",
    "lt",
    "map",
    "mkdir",
    "my",
    "ne",
    "next",
    "no",
    "not",
    "open",
    "opendir",
    "or",
    "ord",
    "our",
    "package",
    "pop",
    "pos",
    "print",
    "printf",
    "push",
    "quotemeta",
    "rand",
    "read",
    "readdir",
    "readline",
    "redo",
    "ref",
    "rename",
    "require",
    "return",
    "reverse",
    "rindex",
    "rmdir",
    "say",
    "scalar",
    "select",
    "shift",
    "sleep",
    "sort",
    "splice",
    "split",
    "sprintf",
    "sqrt",
    "stat",
    "state",
    "sub",
    "substr",
    "system",
    "time",
    "uc",
    "ucfirst",
    "undef",
    "unless",
    "unlink",
    "unshift",
    "until",
    "use",
    "values",
    "wait",
    "waitpid",
    "wantarray",
    "warn",
    "when",
    "while",
    "xor",
];

/// Keywords that are terms themselves, so a `/` after them divides.
const TERM_KEYWORDS: &[&str] = &[
    "__FILE__",
    "__LINE__",
    "__PACKAGE__",
    "__SUB__",
    "pop",
    "shift",
    "time",
    "wait",
    "wantarray",
];

/// Multi-character operators, longest first where one is a prefix of
/// another.
const OPERATORS: &[&str] = &[
    "<=>", "**=", "||=", "&&=", "//=", "<<=", ">>=", "...", "->", "++", "--", "**", "=~", "!~",
    "==", "!=", "<=", ">=", "&&", "||", "//", "..", "::", "<<", ">>", "+=", "-=", "*=", "/=", ".=",
    "%=", "|=", "&=", "^=", "=>",
];

pub fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

pub fn is_ident_char(c: u8) -> bool {
    is_ident_start(c) || c.is_ascii_digit()
}

fn closer_of(open: u8) -> u8 {
    match open {
        b'(' => b')',
        b'[' => b']',
        b'{' => b'}',
        b'<' => b'>',
        c => c,
    }
}

/// Scans a delimited construct whose opening delimiter is at `open_at`;
/// returns the index just past its closing delimiter. Bracket delimiters
/// nest, backslash escapes the next byte. Delimiters are ASCII, so the
/// returned index is a char boundary.
pub fn delimited(src: &[u8], open_at: usize) -> Option<usize> {
    let open = *src.get(open_at)?;
    let close = closer_of(open);
    let nests = close != open;
    let mut depth = 0usize;
    let mut i = open_at + 1;
    while i < src.len() {
        let c = src[i];
        if c == b'\\' {
            i += 2;
            continue;
        }
        if c == close {
            if depth == 0 {
                return Some(i + 1);
            }
            depth -= 1;
        } else if nests && c == open {
            depth += 1;
        }
        i += 1;
    }
    None
}

struct Heredoc {
    term: Vec<u8>,
    indented: bool,
}

struct Lexer<'a> {
    text: &'a str,
    src: &'a [u8],
    pos: usize,
    /// A term (value) may start here, as opposed to an operator: decides
    /// whether `/` is a regex or division, `%` a hash or modulus, `<<` a
    /// heredoc or a shift.
    expect_term: bool,
    stage: bool,
    heredocs: Vec<Heredoc>,
    /// The last token other than a comment, for the few places where the
    /// token before decides (`->s`, `sub q`, `-s $file`).
    prev: Option<Token>,
    out: Lexed,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str, start: usize, stage: bool) -> Self {
        let start = if text.is_char_boundary(start) {
            start
        } else {
            text.len()
        };
        Lexer {
            text,
            src: text.as_bytes(),
            pos: start,
            expect_term: true,
            stage,
            heredocs: Vec::new(),
            prev: None,
            out: Lexed::default(),
        }
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.src.get(i).copied()
    }

    fn push(&mut self, kind: Kind, start: usize, end: usize) {
        let end = end.min(self.src.len());
        if start >= end {
            return;
        }
        let t = Token { kind, start, end };
        self.out.tokens.push(t);
        if kind != Kind::Comment {
            self.prev = Some(t);
        }
    }

    fn prev_text(&self) -> &'a str {
        match self.prev {
            Some(t) => self.text.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }

    fn run(mut self) -> Lexed {
        while self.pos < self.src.len() {
            let c = self.src[self.pos];
            if self.stage && self.out.open.is_empty() && self.at_stage_end(c) {
                break;
            }
            match c {
                b'\n' => {
                    self.pos += 1;
                    if !self.heredocs.is_empty() {
                        self.heredoc_bodies();
                    }
                }
                b' ' | b'\t' | b'\r' | 0x0b | 0x0c => self.pos += 1,
                b'#' => self.comment(),
                _ => self.token(c),
            }
        }
        if !self.heredocs.is_empty() {
            self.out.heredoc_pending = true;
        }
        self.out.end = self.pos;
        self.out
    }

    fn at_stage_end(&self, c: u8) -> bool {
        match c {
            b'|' | b';' | b'\n' => true,
            b'&' => self.byte(self.pos + 1) == Some(b'&'),
            _ => false,
        }
    }

    fn comment(&mut self) {
        let start = self.pos;
        let end = self.line_end(start);
        self.push(Kind::Comment, start, end);
        self.pos = end;
    }

    fn line_end(&self, from: usize) -> usize {
        self.src[from.min(self.src.len())..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(self.src.len(), |p| from + p)
    }

    /// After the newline that ends a line with heredoc markers: their
    /// bodies follow, one after another, each up to its terminator line.
    fn heredoc_bodies(&mut self) {
        let start = self.pos;
        for doc in std::mem::take(&mut self.heredocs) {
            loop {
                if self.pos >= self.src.len() {
                    self.out.heredoc_pending = true;
                    self.push(Kind::Heredoc, start, self.src.len());
                    return;
                }
                let end = self.line_end(self.pos);
                let mut line = &self.src[self.pos..end];
                if let Some(stripped) = line.strip_suffix(b"\r") {
                    line = stripped;
                }
                if doc.indented {
                    while let Some(rest) = line.strip_prefix(b" ").or(line.strip_prefix(b"\t")) {
                        line = rest;
                    }
                }
                let found = line == doc.term.as_slice();
                self.pos = (end + 1).min(self.src.len());
                if found {
                    break;
                }
            }
        }
        self.push(Kind::Heredoc, start, self.pos);
    }

    fn token(&mut self, c: u8) {
        let next = self.byte(self.pos + 1);
        match c {
            b'0'..=b'9' => self.number(),
            b'.' if self.expect_term && next.is_some_and(|n| n.is_ascii_digit()) => self.number(),
            b'$' => self.dollar(),
            b'@' => self.sigil(),
            b'%' | b'&' | b'*' if self.expect_term && self.sigil_body(self.pos + 1).is_some() => {
                self.sigil()
            }
            b'\'' | b'"' | b'`' => self.quoted(self.pos, self.pos, Kind::String, 1),
            b'/' if self.expect_term => self.quoted(self.pos, self.pos, Kind::Regex, 1),
            b'<' if self.expect_term => self.angle(),
            b'(' | b'[' | b'{' => {
                self.out.open.push(c);
                self.push(Kind::Open, self.pos, self.pos + 1);
                self.pos += 1;
                self.expect_term = true;
            }
            b')' | b']' | b'}' => {
                match self.out.open.last() {
                    Some(&o) if closer_of(o) == c => {
                        self.out.open.pop();
                    }
                    _ => self.out.mismatched = true,
                }
                self.push(Kind::Close, self.pos, self.pos + 1);
                self.pos += 1;
                self.expect_term = false;
            }
            c if is_ident_start(c) => self.word(),
            _ => self.operator(),
        }
    }

    fn digits(&mut self, ok: impl Fn(u8) -> bool) {
        while self.byte(self.pos).is_some_and(|c| ok(c) || c == b'_') {
            self.pos += 1;
        }
    }

    fn number(&mut self) {
        let start = self.pos;
        let radix = match (self.byte(self.pos), self.byte(self.pos + 1)) {
            (Some(b'0'), Some(b'x' | b'X')) => Some(16),
            (Some(b'0'), Some(b'b' | b'B')) => Some(2),
            (Some(b'0'), Some(b'o' | b'O')) => Some(8),
            _ => None,
        };
        if let Some(radix) = radix {
            self.pos += 2;
            self.digits(|c| (c as char).is_digit(radix));
        } else {
            self.digits(|c| c.is_ascii_digit());
            // `1..3` is a range, not the float `1.`.
            if self.byte(self.pos) == Some(b'.') && self.byte(self.pos + 1) != Some(b'.') {
                self.pos += 1;
                self.digits(|c| c.is_ascii_digit());
            }
            if matches!(self.byte(self.pos), Some(b'e' | b'E')) {
                let d = match self.byte(self.pos + 1) {
                    Some(b'+' | b'-') => self.pos + 2,
                    _ => self.pos + 1,
                };
                if self.byte(d).is_some_and(|c| c.is_ascii_digit()) {
                    self.pos = d;
                    self.digits(|c| c.is_ascii_digit());
                }
            }
        }
        self.push(Kind::Number, start, self.pos);
        self.expect_term = false;
    }

    /// The end of a name starting at `i`, with `::` package separators.
    fn ident_end(&self, mut i: usize) -> usize {
        loop {
            match self.byte(i) {
                Some(c) if is_ident_char(c) => i += 1,
                Some(b':') if self.byte(i + 1) == Some(b':') => i += 2,
                _ => return i,
            }
        }
    }

    /// `${name}`, `${ name }`, `${^NAME}` starting at the `{` at `i`: the
    /// index past the `}`, or None when the braces hold an expression.
    fn braced_name(&self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        while matches!(self.byte(j), Some(b' ' | b'\t')) {
            j += 1;
        }
        if self.byte(j) == Some(b'^') {
            j += 1;
        }
        let name_end = self.ident_end(j);
        if name_end == j {
            return None;
        }
        j = name_end;
        while matches!(self.byte(j), Some(b' ' | b'\t')) {
            j += 1;
        }
        (self.byte(j) == Some(b'}')).then_some(j + 1)
    }

    /// What may follow `@`, `%`, `&` or `*` to make a variable: a name,
    /// `$ref` (dereference), or `{`; returns the end of the variable token.
    fn sigil_body(&self, i: usize) -> Option<usize> {
        match self.byte(i)? {
            c if is_ident_start(c) => Some(self.ident_end(i)),
            b':' if self.byte(i + 1) == Some(b':') => Some(self.ident_end(i)),
            b'$' => {
                let mut j = i;
                while self.byte(j) == Some(b'$') {
                    j += 1;
                }
                match self.byte(j) {
                    Some(c) if is_ident_start(c) || c == b':' => Some(self.ident_end(j)),
                    _ => Some(j),
                }
            }
            b'{' => Some(self.braced_name(i).unwrap_or(i)),
            _ => None,
        }
    }

    fn dollar(&mut self) {
        let start = self.pos;
        let n = start + 1;
        let end = match self.byte(n) {
            // `$#array`, `$#{expr}`, `$#$ref`: never a comment.
            Some(b'#') => match self.byte(n + 1) {
                Some(c) if is_ident_start(c) || c == b':' => self.ident_end(n + 1),
                _ => n + 1,
            },
            Some(b'{') => self.braced_name(n).unwrap_or(n),
            Some(b'$') => {
                let mut j = n;
                while self.byte(j) == Some(b'$') {
                    j += 1;
                }
                // `$$name` derefs; a bare run (`$$`, the pid) is one token
                // so that a long run is not rescanned from each `$`.
                match self.byte(j) {
                    Some(c) if is_ident_start(c) || c == b':' => self.ident_end(j),
                    _ => j,
                }
            }
            Some(b':') if self.byte(n + 1) == Some(b':') => self.ident_end(n),
            Some(c) if is_ident_start(c) => self.ident_end(n),
            Some(c) if c.is_ascii_digit() => {
                let mut j = n;
                while self.byte(j).is_some_and(|c| c.is_ascii_digit()) {
                    j += 1;
                }
                j
            }
            Some(b'^') => match self.byte(n + 1) {
                Some(c) if c.is_ascii_uppercase() || matches!(c, b'[' | b']' | b'_' | b'?') => {
                    n + 2
                }
                _ => n + 1,
            },
            // `$(`, `$)`, `$[`, `$]` are left out: a prototype like
            // `sub f($)` is far more common than the gid variables.
            Some(c) if b"&`'+!@/\\,;.<>:?-~=*%|\"".contains(&c) => n + 1,
            _ => n,
        };
        self.push(Kind::Variable, start, end);
        self.pos = end;
        self.expect_term = false;
    }

    /// `@x`, `@$r`, `@{`, `@-`, `@*`; and `%h`, `&f`, `*glob` where a term
    /// may start.
    fn sigil(&mut self) {
        let start = self.pos;
        let n = start + 1;
        let end = match self.sigil_body(n) {
            Some(e) => e,
            None if self.src[start] == b'@' && matches!(self.byte(n), Some(b'-' | b'+' | b'*')) => {
                n + 1
            }
            None => {
                // A lone `@` (as in the prototype `(\@)`) is punctuation.
                self.push(Kind::Operator, start, n);
                self.pos = n;
                return;
            }
        };
        self.push(Kind::Variable, start, end);
        self.pos = end;
        self.expect_term = false;
    }

    /// A string, regex or quote-like construct: the token starts at `start`,
    /// its first delimiter is at `open_at`, and it has `parts` delimited
    /// parts (2 for `s` and `tr`). Regexes take trailing flags.
    fn quoted(&mut self, start: usize, open_at: usize, kind: Kind, parts: usize) {
        let Some(mut end) = delimited(self.src, open_at) else {
            return self.unterminated(start, kind);
        };
        if parts == 2 {
            let open = self.src[open_at];
            let second = if closer_of(open) != open {
                // `s{a} {b}`: the second part has its own delimiters.
                let mut j = end;
                while self.byte(j).is_some_and(|c| c.is_ascii_whitespace()) {
                    j += 1;
                }
                j
            } else {
                end - 1
            };
            if second >= self.src.len() {
                return self.unterminated(start, kind);
            }
            match delimited(self.src, second) {
                Some(e) => end = e,
                None => return self.unterminated(start, kind),
            }
        }
        if kind == Kind::Regex {
            while self.byte(end).is_some_and(|c| c.is_ascii_alphabetic()) {
                end += 1;
            }
        }
        self.push(kind, start, end);
        self.pos = end;
        self.expect_term = false;
    }

    fn unterminated(&mut self, start: usize, kind: Kind) {
        self.out.unterminated = true;
        self.push(kind, start, self.src.len());
        self.pos = self.src.len();
    }

    /// `<` where a term may start: a heredoc marker, `<<>>`, `<$fh>`,
    /// `<STDIN>`, or just the operator.
    fn angle(&mut self) {
        let start = self.pos;
        if self.src[start..].starts_with(b"<<>>") {
            self.push(Kind::String, start, start + 4);
            self.pos = start + 4;
            self.expect_term = false;
            return;
        }
        if self.byte(start + 1) == Some(b'<') {
            let mut i = start + 2;
            let indented = self.byte(i) == Some(b'~');
            if indented {
                i += 1;
            }
            let marker = match self.byte(i) {
                Some(b'"' | b'\'') => match delimited(self.src, i) {
                    Some(e) => Some((self.src[i + 1..e - 1].to_vec(), e)),
                    None => return self.unterminated(start, Kind::String),
                },
                Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
                    let mut e = i;
                    while self
                        .byte(e)
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
                    {
                        e += 1;
                    }
                    Some((self.src[i..e].to_vec(), e))
                }
                _ => None,
            };
            if let Some((term, end)) = marker {
                self.heredocs.push(Heredoc { term, indented });
                self.push(Kind::String, start, end);
                self.pos = end;
                self.expect_term = false;
                return;
            }
            return self.operator();
        }
        let mut j = start + 1;
        if self.byte(j) == Some(b'$') {
            j += 1;
        }
        while self
            .byte(j)
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b':')
        {
            j += 1;
        }
        if self.byte(j) == Some(b'>') {
            self.push(Kind::String, start, j + 1);
            self.pos = j + 1;
            self.expect_term = false;
        } else {
            self.operator();
        }
    }

    fn operator(&mut self) {
        let start = self.pos;
        let rest = &self.src[start..];
        let len = OPERATORS
            .iter()
            .find(|op| rest.starts_with(op.as_bytes()))
            .map_or(1, |op| op.len());
        let len = if self.src[start] >= 0x80 {
            // Not reached (such bytes start names), but stay on a char
            // boundary whatever happens.
            self.text[start..].chars().next().map_or(1, char::len_utf8)
        } else {
            len
        };
        self.push(Kind::Operator, start, start + len);
        self.pos = start + len;
        let op = &self.src[start..start + len];
        // `$i++ / 2` divides, `++$i` starts a term: either way the
        // increment leaves the position as it was.
        if op != b"++" && op != b"--" {
            self.expect_term = true;
        }
    }

    fn word(&mut self) {
        let start = self.pos;
        let end = self.ident_end(start);
        let word = self.text.get(start..end).unwrap_or("");
        let after_arrow = self.prev_text() == "->";
        let after_sub = matches!(self.prev, Some(t) if t.kind == Kind::Keyword)
            && matches!(
                self.prev_text(),
                "sub" | "package" | "use" | "no" | "require"
            );
        let at_line_start = start == 0 || self.src[start - 1] == b'\n';

        if matches!(word, "__END__" | "__DATA__") && at_line_start {
            self.push(Kind::Comment, start, self.src.len());
            self.pos = self.src.len();
            return;
        }
        self.pos = end;
        if self.fat_comma_follows(end) || after_arrow || after_sub {
            self.push(Kind::Ident, start, end);
            self.expect_term = false;
            return;
        }
        if let Some(parts) = quote_parts(word) {
            // `-s $file` is a file test, not a substitution.
            let file_test = word == "s"
                && matches!(self.prev, Some(t) if t.end == start)
                && self.prev_text() == "-";
            if !file_test {
                if let Some(open_at) = self.quote_delimiter(end) {
                    let kind = if matches!(word, "q" | "qq" | "qw") {
                        Kind::String
                    } else {
                        Kind::Regex
                    };
                    return self.quoted(start, open_at, kind, parts);
                }
            }
        }
        if !self.expect_term && (word == "x" || is_repeat(word)) {
            self.push(Kind::Operator, start, end);
            self.expect_term = true;
            return;
        }
        if KEYWORDS.binary_search(&word).is_ok() {
            self.push(Kind::Keyword, start, end);
            self.expect_term = TERM_KEYWORDS.binary_search(&word).is_err();
        } else {
            self.push(Kind::Ident, start, end);
            self.expect_term = false;
        }
    }

    fn fat_comma_follows(&self, mut i: usize) -> bool {
        while self.byte(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        self.src[i.min(self.src.len())..].starts_with(b"=>")
    }

    /// The opening delimiter of a quote-like construct whose keyword ends
    /// at `i`, if one follows.
    fn quote_delimiter(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while self.byte(j).is_some_and(|c| c.is_ascii_whitespace()) {
            j += 1;
        }
        let c = self.byte(j)?;
        let adjacent = j == i;
        let ok = c.is_ascii_punctuation()
            && c != b'_'
            && !matches!(c, b',' | b';' | b')' | b']' | b'}' | b'>')
            // After a space `#` starts a comment and `=` an assignment.
            && (adjacent || !matches!(c, b'#' | b'='));
        ok.then_some(j)
    }
}

fn quote_parts(word: &str) -> Option<usize> {
    match word {
        "q" | "qq" | "qw" | "qr" | "m" => Some(1),
        "s" | "tr" | "y" => Some(2),
        _ => None,
    }
}

/// `x3`: the repetition operator glued to its count.
fn is_repeat(word: &str) -> bool {
    word.len() > 1 && word.starts_with('x') && word[1..].bytes().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        lex(text)
            .tokens
            .iter()
            .map(|t| (t.kind, &text[t.start..t.end]))
            .collect()
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(KEYWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(TERM_KEYWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(TERM_KEYWORDS.iter().all(|k| KEYWORDS.contains(k)));
    }

    #[test]
    fn tokens_of_a_statement() {
        assert_eq!(
            kinds("my $x = $h{a} / 2; # c"),
            vec![
                (Kind::Keyword, "my"),
                (Kind::Variable, "$x"),
                (Kind::Operator, "="),
                (Kind::Variable, "$h"),
                (Kind::Open, "{"),
                (Kind::Ident, "a"),
                (Kind::Close, "}"),
                (Kind::Operator, "/"),
                (Kind::Number, "2"),
                (Kind::Operator, ";"),
                (Kind::Comment, "# c"),
            ]
        );
    }

    #[test]
    fn repetition_and_fat_comma() {
        assert_eq!(
            kinds("'a' x 3, if => 1"),
            vec![
                (Kind::String, "'a'"),
                (Kind::Operator, "x"),
                (Kind::Number, "3"),
                (Kind::Operator, ","),
                (Kind::Ident, "if"),
                (Kind::Operator, "=>"),
                (Kind::Number, "1"),
            ]
        );
    }

    #[test]
    fn heredoc_marker_and_body() {
        let text = "f(<<~\"END\", 2);\n  a\n  END\nx";
        assert_eq!(
            kinds(text),
            vec![
                (Kind::Ident, "f"),
                (Kind::Open, "("),
                (Kind::String, "<<~\"END\""),
                (Kind::Operator, ","),
                (Kind::Number, "2"),
                (Kind::Close, ")"),
                (Kind::Operator, ";"),
                (Kind::Heredoc, "  a\n  END\n"),
                (Kind::Ident, "x"),
            ]
        );
    }

    #[test]
    fn stage_stops_at_top_level_separator() {
        let text = "ls | grep { /a|b/ } | wc";
        let lexed = lex_stage(text, 5);
        assert_eq!(&text[5..lexed.end], "grep { /a|b/ } ");
        assert!(lexed.open.is_empty());
    }

    #[test]
    fn tokens_are_ordered_and_on_char_boundaries() {
        let pieces = [
            "q{", "é", "s/", "日", "$#", "<<E", "\n", "'", "🙂", "/", " ", "#",
        ];
        let mut seed = 1u64;
        for _ in 0..5_000 {
            let mut text = String::new();
            for _ in 0..(seed % 17) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let lexed = lex(&text);
            let mut last = 0;
            for t in &lexed.tokens {
                assert!(
                    last <= t.start && t.start < t.end && t.end <= text.len(),
                    "{text:?}"
                );
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                last = t.end;
            }
        }
    }
}
