//! The editor's view of a whole buffer: Perl, or a command line whose words
//! split like a shell's. Which one it is, and where each stage's program
//! name lies, is the shell's decision, asked through a lookup; this module
//! only scans. Both the highlighter and the validator use it.

use std::sync::Arc;

use crate::perl_lex::{self, is_ident_char, is_ident_start, Kind, Token};

/// The program name of a command line (or of one of its stages): a byte
/// range of the text the lookup was given, and whether such a program,
/// built-in or alias exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandWord {
    pub start: usize,
    pub end: usize,
    pub exists: bool,
}

/// Where the text handed to the lookup starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The whole buffer: the lookup classifies the line. `Some` when it is a
    /// command line, or when its first word looks like a command that does
    /// not exist (so a typo shows red); `None` for Perl.
    Line,
    /// A stage after `|`, `&&`, `||`, `;`, `&` or a newline inside a command
    /// line, with leading blanks skipped: its first word names a program
    /// (keywords included: `ps | grep x`). `None` when the stage is Perl
    /// (`grep { /x/ }`), which is then scanned as Perl up to the next
    /// separator outside brackets.
    Stage,
}

/// The shell's answer to "is this a command, and where is its name".
pub type CommandLookup = Arc<dyn Fn(&str, Place) -> Option<CommandWord> + Send + Sync>;

/// The lookup as the scanners call it.
pub type LookupFn<'f> = dyn Fn(&str, Place) -> Option<CommandWord> + 'f;

/// Tokens of a buffer and whether Enter should add a line rather than run
/// it.
#[derive(Debug, Default)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    pub needs_more: bool,
}

/// Scans `text` as a command line when the lookup says so, else as Perl.
pub fn analyse(text: &str, lookup: Option<&LookupFn<'_>>) -> Analysis {
    let first = lookup.and_then(|f| checked(text, 0, f(text, Place::Line)));
    match (first, lookup) {
        (Some(word), Some(f)) => CommandLexer::new(text, f).run(word),
        _ => {
            let lexed = perl_lex::lex(text);
            let needs_more = lexed.needs_more(text);
            Analysis {
                tokens: lexed.tokens,
                needs_more,
            }
        }
    }
}

/// A lookup's answer for `text[base..]` made absolute, or None when the
/// range does not lie inside that text on char boundaries (a buggy lookup
/// must not make the editor panic).
fn checked(text: &str, base: usize, word: Option<CommandWord>) -> Option<CommandWord> {
    let w = word?;
    let (start, end) = (base.checked_add(w.start)?, base.checked_add(w.end)?);
    let ok = start <= end
        && end <= text.len()
        && text.is_char_boundary(start)
        && text.is_char_boundary(end);
    ok.then_some(CommandWord {
        start,
        end,
        exists: w.exists,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    /// `|`, `&&`, `||`: a command must follow.
    Joining,
    /// `;`, `&`, newline.
    Ending,
}

struct CommandLexer<'a> {
    text: &'a str,
    src: &'a [u8],
    pos: usize,
    lookup: &'a LookupFn<'a>,
    tokens: Vec<Token>,
    unterminated: bool,
    continued: bool,
    dangling: bool,
    perl_open: bool,
    mismatched: bool,
    /// No `}` follows this offset.
    no_brace_from: usize,
}

impl<'a> CommandLexer<'a> {
    fn new(text: &'a str, lookup: &'a LookupFn<'a>) -> Self {
        CommandLexer {
            text,
            src: text.as_bytes(),
            pos: 0,
            lookup,
            tokens: Vec::new(),
            unterminated: false,
            continued: false,
            dangling: false,
            perl_open: false,
            mismatched: false,
            no_brace_from: usize::MAX,
        }
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.src.get(i).copied()
    }

    fn push(&mut self, kind: Kind, start: usize, end: usize) {
        let end = end.min(self.src.len());
        if start < end {
            self.tokens.push(Token { kind, start, end });
        }
    }

    fn run(mut self, first: CommandWord) -> Analysis {
        let mut word = Some(first);
        loop {
            match word {
                Some(w) => {
                    // Words before the name (`FOO=1 make`) stay plain.
                    self.push(Kind::Command { exists: w.exists }, w.start, w.end);
                    self.pos = w.end.max(self.pos);
                    self.words();
                }
                None => self.perl_stage(),
            }
            if self.pos >= self.src.len() {
                break;
            }
            let sep = self.separator();
            self.skip_blanks();
            if self.pos >= self.src.len() {
                self.dangling = sep == Sep::Joining;
                break;
            }
            let rest = &self.text[self.pos..];
            word = checked(self.text, self.pos, (self.lookup)(rest, Place::Stage));
        }
        let needs_more = !self.mismatched
            && (self.unterminated || self.continued || self.dangling || self.perl_open);
        Analysis {
            tokens: self.tokens,
            needs_more,
        }
    }

    fn perl_stage(&mut self) {
        let lexed = perl_lex::lex_stage(self.text, self.pos);
        self.perl_open |= lexed.unterminated || lexed.heredoc_pending || !lexed.open.is_empty();
        self.mismatched |= lexed.mismatched;
        self.tokens.extend(lexed.tokens);
        self.pos = lexed.end.max(self.pos);
    }

    /// Consumes the separator at `pos` (where `words` or a Perl stage
    /// stopped).
    fn separator(&mut self) -> Sep {
        let start = self.pos;
        let rest = &self.src[start..];
        let (len, sep) = if rest.starts_with(b"||") || rest.starts_with(b"&&") {
            (2, Sep::Joining)
        } else if rest.starts_with(b"|") {
            (1, Sep::Joining)
        } else if rest.starts_with(b";") || rest.starts_with(b"&") {
            (1, Sep::Ending)
        } else if rest.starts_with(b"\n") {
            self.pos += 1;
            return Sep::Ending;
        } else {
            // Not reached: both scanners stop only at separators. Step over
            // one char all the same so that the loop always advances.
            let n = self.text[start..].chars().next().map_or(1, char::len_utf8);
            self.pos += n;
            return Sep::Ending;
        };
        self.push(Kind::Operator, start, start + len);
        self.pos += len;
        sep
    }

    /// Skips blanks, newlines and backslash-newlines; a backslash that ends
    /// the text asks for another line.
    fn skip_blanks(&mut self) {
        loop {
            match self.byte(self.pos) {
                Some(b' ' | b'\t' | b'\r' | b'\n') => self.pos += 1,
                Some(b'\\') if self.byte(self.pos + 1) == Some(b'\n') => self.pos += 2,
                Some(b'\\') if self.pos + 1 == self.src.len() => {
                    self.continued = true;
                    self.push(Kind::Operator, self.pos, self.pos + 1);
                    self.pos += 1;
                }
                _ => return,
            }
        }
    }

    fn is_special(c: u8) -> bool {
        matches!(
            c,
            b' ' | b'\t'
                | b'\r'
                | b'\n'
                | b';'
                | b'|'
                | b'&'
                | b'<'
                | b'>'
                | b'\''
                | b'"'
                | b'$'
                | b'\\'
        )
    }

    /// The end of a run of ordinary word bytes from `i`.
    fn run_end(&self, mut i: usize) -> usize {
        while self.byte(i).is_some_and(|c| !Self::is_special(c)) {
            i += 1;
        }
        i
    }

    /// Scans the words after a program name up to a separator or the end.
    fn words(&mut self) {
        let mut word_start = true;
        while let Some(c) = self.byte(self.pos) {
            let start = self.pos;
            match c {
                b' ' | b'\t' | b'\r' => {
                    self.pos += 1;
                    word_start = true;
                    continue;
                }
                b'\n' | b';' | b'|' => return,
                b'&' if self.byte(start + 1) != Some(b'>') => return,
                b'#' if word_start => {
                    let end = self.src[start..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .map_or(self.src.len(), |p| start + p);
                    self.push(Kind::Comment, start, end);
                    self.pos = end;
                }
                b'\'' | b'"' => {
                    // In single quotes a backslash is literal.
                    let end = if c == b'"' {
                        perl_lex::delimited(self.src, start)
                    } else {
                        self.src[start + 1..]
                            .iter()
                            .position(|&b| b == b'\'')
                            .map(|p| start + p + 2)
                    };
                    let end = end.unwrap_or_else(|| {
                        self.unterminated = true;
                        self.src.len()
                    });
                    self.push(Kind::String, start, end);
                    self.pos = end;
                }
                b'$' => self.variable(),
                b'@' if word_start && self.byte(start + 1).is_some_and(is_ident_start) => {
                    self.variable()
                }
                b'<' | b'>' | b'&' => self.redirect(),
                b'0'..=b'9' if word_start && self.fd_redirect() => self.redirect(),
                b'\\' => match self.text[start + 1..].chars().next() {
                    Some(ch) => self.pos += 1 + ch.len_utf8(),
                    None => {
                        self.continued = true;
                        self.push(Kind::Operator, start, start + 1);
                        self.pos += 1;
                    }
                },
                b'-' if word_start => {
                    let end = self.run_end(start + 1);
                    self.push(Kind::Flag, start, end);
                    self.pos = end;
                }
                _ => {
                    // Specials are ASCII, so the run ends on a char boundary.
                    let end = self.run_end(start + 1);
                    self.push(Kind::Word, start, end);
                    self.pos = end;
                }
            }
            word_start = false;
        }
    }

    /// `2>`, `2>&1`, `10<`: digits glued to a redirection.
    fn fd_redirect(&self) -> bool {
        let mut i = self.pos;
        while self.byte(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        matches!(self.byte(i), Some(b'<' | b'>'))
    }

    /// `>`, `>>`, `<`, `2>&1`, `&>`, `>&-`, `<<<`.
    fn redirect(&mut self) {
        let start = self.pos;
        let mut i = start;
        while self.byte(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        if self.byte(i) == Some(b'&') {
            i += 1;
        }
        match self.byte(i) {
            Some(b'>') => {
                i += 1;
                if matches!(self.byte(i), Some(b'>' | b'|')) {
                    i += 1;
                }
            }
            Some(b'<') => {
                i += 1;
                while self.byte(i) == Some(b'<') && i < start + 3 {
                    i += 1;
                }
            }
            _ => {}
        }
        if self.byte(i) == Some(b'&') {
            i += 1;
            while self.byte(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
            if self.byte(i) == Some(b'-') {
                i += 1;
            }
        }
        let end = i.max(start + 1);
        self.push(Kind::Operator, start, end);
        self.pos = end;
    }

    /// `$name`, `${name}`, `$1`, `$?`, `@name`; a lone `$` is a word.
    fn variable(&mut self) {
        let start = self.pos;
        let n = start + 1;
        let end = match self.byte(n) {
            Some(c) if is_ident_start(c) => {
                let mut i = n;
                loop {
                    match self.byte(i) {
                        Some(c) if is_ident_char(c) => i += 1,
                        Some(b':') if self.byte(i + 1) == Some(b':') => i += 2,
                        _ => break i,
                    }
                }
            }
            Some(c) if c.is_ascii_digit() => n + 1,
            Some(b'{') if n < self.no_brace_from => {
                match self.src[n..].iter().position(|&c| c == b'}') {
                    Some(p) => n + p + 1,
                    None => {
                        // Remembered so that `${${${…` is not rescanned.
                        self.no_brace_from = n;
                        n
                    }
                }
            }
            Some(b'?' | b'$' | b'!' | b'#' | b'@' | b'*' | b'-') => n + 1,
            _ => {
                self.push(Kind::Word, start, n);
                self.pos = n;
                return;
            }
        };
        self.push(Kind::Variable, start, end);
        self.pos = end;
    }
}

/// A stand-in for the shell's lookup in tests: a few programs exist, Perl
/// keywords and calls with parentheses are Perl, and other lone words look
/// like (missing) commands.
#[cfg(test)]
pub fn test_lookup() -> CommandLookup {
    const PROGRAMS: &[&str] = &[
        "cat", "cd", "echo", "git", "grep", "ls", "ps", "sort", "uniq", "wc",
    ];
    const PERL: &[&str] = &[
        "for", "foreach", "grep", "if", "map", "my", "our", "print", "say", "sort", "sub", "while",
    ];
    Arc::new(|text: &str, place: Place| {
        let start = text.len() - text.trim_start().len();
        let len = text[start..]
            .find(|c: char| !(c.is_alphanumeric() || "_./-".contains(c)))
            .unwrap_or(text.len() - start);
        if len == 0 {
            return None;
        }
        let end = start + len;
        let word = &text[start..end];
        let after = text[end..].trim_start();
        let exists = PROGRAMS.contains(&word);
        match place {
            Place::Stage if after.starts_with('{') => None,
            Place::Stage => Some(CommandWord { start, end, exists }),
            Place::Line => {
                let perl_like = PERL.contains(&word)
                    || word.starts_with(|c: char| c == '-' || c.is_ascii_digit())
                    || !text[end..].starts_with(char::is_whitespace) && end < text.len()
                    || text[end..].starts_with('(')
                    || ["=", "->", ";", "::"].iter().any(|p| after.starts_with(p));
                (!perl_like).then_some(CommandWord { start, end, exists })
            }
        }
    })
}
