//! Byte-level scanning: whitespace, comments, POD, identifiers, numbers.

use super::{PResult, ParseError, Parser};
use crate::ast::Expr;

pub(crate) fn compute_line_starts(src: &[u8]) -> Vec<usize> {
    let mut v = vec![0];
    for (i, &c) in src.iter().enumerate() {
        if c == b'\n' {
            v.push(i + 1);
        }
    }
    v
}

pub(crate) fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

pub(crate) fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// Words that are operators when an operator is expected.
pub(crate) fn is_op_word(w: &str) -> bool {
    matches!(
        w,
        "x" | "lt"
            | "gt"
            | "le"
            | "ge"
            | "eq"
            | "ne"
            | "cmp"
            | "and"
            | "or"
            | "xor"
            | "not"
            | "isa"
    )
}

impl Parser {
    pub fn line_of(&self, pos: usize) -> u32 {
        let idx = match self.line_starts.binary_search(&pos) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        self.line_base + idx as u32
    }

    pub fn cur_line(&self) -> u32 {
        self.line_of(self.pos)
    }

    fn line_text(&self, pos: usize) -> (String, u32) {
        let pos = pos.min(self.src.len());
        let idx = match self.line_starts.binary_search(&pos) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self
            .line_starts
            .get(idx)
            .copied()
            .unwrap_or(0)
            .min(self.src.len());
        let end = self.src[start..]
            .iter()
            .position(|&c| c == b'\n')
            .map(|e| start + e)
            .unwrap_or(self.src.len());
        (
            String::from_utf8_lossy(&self.src[start..end]).into_owned(),
            (pos - start) as u32 + 1,
        )
    }

    pub fn error_at(&self, pos: usize, msg: &str, near: bool) -> ParseError {
        let (source_line, col) = self.line_text(pos);
        let pos = pos.min(self.src.len());
        if near && self.src[pos..].iter().all(|c| c.is_ascii_whitespace()) {
            if unclosed_brace(&self.src) {
                let line = self.line_of(self.src.len().saturating_sub(1));
                return self.lexer_error(line, "Missing right curly or square bracket", "");
            }
            // Nothing left: perl says `at EOF`, on the line of the last token.
            let last = self.src[..pos]
                .iter()
                .rposition(|c| !c.is_ascii_whitespace())
                .unwrap_or(0);
            return ParseError {
                file: self.file.to_string(),
                line: self.line_of(last),
                col,
                message: msg.to_string(),
                source_line,
                near: Some(String::new()),
                eol: false,
                then: None,
            };
        }
        if near && self.file.starts_with("(eval ") {
            // Code of a string eval: perl reports an error at a `;` token as
            // `at EOF` (not so for `-e` code).
            let t = next_token(&self.src, self.pos.max(pos));
            if &self.src[t.0..t.1] == b";" {
                return ParseError {
                    file: self.file.to_string(),
                    line: self.line_of(pos),
                    col,
                    message: msg.to_string(),
                    source_line,
                    near: Some(String::new()),
                    eol: false,
                    then: None,
                };
            }
        }
        let in_string = self.file.starts_with("(eval ") || &*self.file == "-e";
        let near = if near && in_string {
            // One buffer, no line resets: perl shows from the token before the
            // offending one through the offending one.
            let (tok, mut tok_end) = next_token(&self.src, self.pos.max(pos));
            // perl's lexer looks past the blanks after these.
            if matches!(
                &self.src[tok..tok_end],
                b"my" | b"our" | b"local" | b"state"
            ) {
                while matches!(self.src.get(tok_end), Some(b' ' | b'\t')) {
                    tok_end += 1;
                }
            }
            let from = if next_token(&self.src, pos).0 == tok {
                prev_token_start(&self.src, tok).unwrap_or(tok)
            } else {
                pos
            };
            Some(String::from_utf8_lossy(&self.src[from..tok_end.max(from)]).into_owned())
        } else if near {
            let mut end = self.src[pos..]
                .iter()
                .position(|&c| c == b'\n')
                .map(|e| pos + e + 1)
                .unwrap_or(self.src.len());
            if end == pos + 1 || end == pos {
                // perl shows the next line when the error is at a line end.
                if let Some(e2) = self
                    .src
                    .get(end..)
                    .and_then(|r| r.iter().position(|&c| c == b'\n'))
                {
                    end += e2 + 1;
                } else {
                    end = self.src.len();
                }
            }
            Some(String::from_utf8_lossy(&self.src[pos..end]).into_owned())
        } else {
            None
        };
        ParseError {
            file: self.file.to_string(),
            line: self.line_of(pos),
            col,
            message: msg.to_string(),
            source_line,
            near,
            eol: false,
            then: None,
        }
    }

    /// An error the lexer reports `at end of line`, followed by the syntax
    /// error perl's parser then gives (`near` as in `error_at`'s: empty for
    /// `at EOF`).
    pub fn lexer_error(&self, line: u32, msg: &str, near: &str) -> ParseError {
        let (source_line, col) = self.line_text(self.pos);
        let then = if near.is_empty() {
            format!("syntax error at {} line {line}, at EOF\n", self.file)
        } else {
            format!(
                "syntax error at {} line {line}, near \"{near}\"\n",
                self.file
            )
        };
        ParseError {
            file: self.file.to_string(),
            line,
            col,
            message: msg.to_string(),
            source_line,
            near: None,
            eol: true,
            then: Some(then),
        }
    }

    /// An error with perl's `at FILE line N.` form.
    pub fn error_msg(&self, msg: &str) -> ParseError {
        self.error_at(self.pos, msg, false)
    }

    /// `syntax error at … near "…"`, or perl's lexer error when a token
    /// would start with a character no token starts with.
    pub fn syntax_error(&self) -> ParseError {
        self.syntax_error_at(self.pos)
    }

    pub fn syntax_error_at(&self, pos: usize) -> ParseError {
        self.unrecognized_near(pos)
            .unwrap_or_else(|| self.error_at(pos, "syntax error", true))
    }

    /// perl's lexer stops at the first character that cannot begin a token
    /// (a control character, a non-ASCII one in byte source, a non-XID_Start
    /// one in character source). Where the parser gave up — at `pos` or the
    /// cursor, or just after a sigil or `{` there — such a character is the
    /// reason, and perl reports it as "Unrecognized character".
    fn unrecognized_near(&self, pos: usize) -> Option<ParseError> {
        let skip_ws = |mut i: usize| {
            while self.src.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
                i += 1;
            }
            i
        };
        for at in [self.pos, pos] {
            let mut i = skip_ws(at);
            for _ in 0..3 {
                let Some((c, _)) = self.char_at(i) else { break };
                if self.cannot_start_token(c) {
                    return Some(self.unrecognized_at(i, c));
                }
                // Look past a sigil or a brace: `$\x{2000}`, `${☭}`.
                if !matches!(char::from_u32(c), Some('$' | '@' | '%' | '&' | '*' | '{')) {
                    break;
                }
                i = skip_ws(i + 1);
            }
        }
        None
    }

    fn cannot_start_token(&self, c: u32) -> bool {
        match c {
            0x09 | 0x0A | 0x0C | 0x0D => false,
            0..=0x1F | 0x7F => true,
            0x80.. => {
                !self.utf8_source() || !char::from_u32(c).is_some_and(unicode_ident::is_xid_start)
            }
            _ => false,
        }
    }

    /// `Unrecognized character \x{2000}; marked by <-- HERE after …` for the
    /// character `c` at byte `at`. The text before it (at most ten
    /// characters) and the column count from where perl's lexer buffer
    /// line starts: the line in a file, the whole string for `-e` and
    /// string-eval code.
    fn unrecognized_at(&self, at: usize, c: u32) -> ParseError {
        let shown = if c < 0x80 || !self.utf8_source() {
            format!("\\x{c:02X}")
        } else {
            format!("\\x{{{c:x}}}")
        };
        let one_buffer = self.file.starts_with("(eval ") || &*self.file == "-e";
        let from = if one_buffer {
            0
        } else {
            self.src[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1)
        };
        let before = &self.src[from..at];
        let (count, tail) = if self.utf8_source() {
            let text = String::from_utf8_lossy(before);
            let n = text.chars().count();
            let tail: String = text.chars().skip(n.saturating_sub(10)).collect();
            (n, tail)
        } else {
            let tail = &before[before.len().saturating_sub(10)..];
            (before.len(), String::from_utf8_lossy(tail).into_owned())
        };
        let msg = format!(
            "Unrecognized character {shown}; marked by <-- HERE after {tail}<-- HERE near column {}",
            count + 1
        );
        let mut e = self.error_at(at, &msg, false);
        e.line = self.line_of(at);
        e
    }

    pub fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    /// The unread source (empty, never a panic, if the cursor ran past the
    /// end).
    pub fn rest(&self) -> &[u8] {
        self.src.get(self.pos..).unwrap_or(&[])
    }

    pub fn peek_at(&self, off: usize) -> Option<u8> {
        self.src.get(self.pos + off).copied()
    }

    pub fn at_eof(&self) -> bool {
        self.pos >= self.src.len()
    }

    fn after_newline(&mut self) {
        // Jump over heredoc bodies that start right after this newline.
        let mut again = true;
        while again {
            again = false;
            for &(s, e) in &self.skips {
                if s == self.pos && e > self.pos {
                    self.pos = e;
                    again = true;
                    break;
                }
            }
        }
    }

    /// Skip whitespace, comments and POD.
    pub fn skip_ws(&mut self) {
        loop {
            let Some(c) = self.peek() else { return };
            match c {
                b' ' | b'\t' | b'\r' | 0x0c => self.pos += 1,
                b'\n' => {
                    self.pos += 1;
                    self.after_newline();
                    if !self.sub_buffer
                        && self.peek() == Some(b'=')
                        && self.peek_at(1).is_some_and(|c| c.is_ascii_alphabetic())
                    {
                        self.skip_pod();
                    }
                }
                b'#' => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                b'=' if self.pos == 0
                    && !self.sub_buffer
                    && self.peek_at(1).is_some_and(|c| c.is_ascii_alphabetic()) =>
                {
                    self.skip_pod();
                }
                _ => return,
            }
        }
    }

    fn skip_pod(&mut self) {
        // From a `=word` line through the `=cut` line.
        loop {
            let line_start = self.pos;
            let end = self
                .rest()
                .iter()
                .position(|&c| c == b'\n')
                .map(|e| self.pos + e + 1)
                .unwrap_or(self.src.len());
            self.pos = end;
            let line = &self.src[line_start..end];
            if line.starts_with(b"=cut") && line.get(4).is_none_or(|c| !c.is_ascii_alphanumeric()) {
                return;
            }
            if self.pos >= self.src.len() {
                return;
            }
        }
    }

    /// Is the source text characters (`use utf8`, or a string eval of a
    /// character string) rather than bytes?
    pub fn utf8_source(&self) -> bool {
        self.prag.hints & crate::ast::hints::UTF8 != 0
    }

    /// The character at byte `i` and its length in bytes: a UTF-8 sequence
    /// in character source, else the byte itself.
    pub fn char_at(&self, i: usize) -> Option<(u32, usize)> {
        let c = *self.src.get(i)?;
        if c < 0x80 || !self.utf8_source() {
            return Some((c as u32, 1));
        }
        Some(crate::convert::decode_one(&self.src[i..]))
    }

    /// Length of the character at `i` if an identifier can start with it:
    /// ASCII letters and `_`, and in character source perl's XID_Start.
    /// (In byte source, identifiers are ASCII.)
    pub fn ident_start_len(&self, i: usize) -> Option<usize> {
        self.ident_char_len(i, true)
    }

    /// Length of the character at `i` if an identifier can go on with it.
    pub fn ident_cont_len(&self, i: usize) -> Option<usize> {
        self.ident_char_len(i, false)
    }

    fn ident_char_len(&self, i: usize, start: bool) -> Option<usize> {
        let (c, n) = self.char_at(i)?;
        let ok = match (c < 0x80, start) {
            (true, true) => is_ident_start(c as u8),
            (true, false) => is_ident_char(c as u8),
            (false, _) if !self.utf8_source() => false,
            (false, true) => char::from_u32(c).is_some_and(unicode_ident::is_xid_start),
            (false, false) => char::from_u32(c).is_some_and(unicode_ident::is_xid_continue),
        };
        ok.then_some(n)
    }

    /// The end of the identifier characters from `i` on.
    pub fn ident_end(&self, mut i: usize) -> usize {
        while let Some(n) = self.ident_cont_len(i) {
            i += n;
        }
        i
    }

    /// Scan an identifier (with `::` package separators) starting at `at`.
    pub fn scan_ident_at(&self, at: usize) -> Option<(String, usize)> {
        let mut i = at;
        let src = &self.src;
        if src.get(i) == Some(&b':')
            && src.get(i + 1) == Some(&b':')
            && self.ident_start_len(i + 2).is_some()
        {
            i += 2;
        }
        self.ident_start_len(i)?;
        loop {
            i = self.ident_end(i);
            if src.get(i) == Some(&b':') && src.get(i + 1) == Some(&b':') {
                i += 2;
                continue;
            }
            break;
        }
        Some((String::from_utf8_lossy(&src[at..i]).into_owned(), i))
    }

    /// The identifier at the cursor (after whitespace), not consumed.
    pub fn take_ident(&mut self) -> Option<String> {
        self.skip_ws();
        let (s, e) = self.scan_ident_at(self.pos)?;
        self.pos = e;
        Some(s)
    }

    /// A plain word (no `::`) at the cursor, not consumed.
    pub fn peek_word(&mut self) -> Option<String> {
        self.skip_ws();
        let start = self.pos;
        self.ident_start_len(start)?;
        let i = self.ident_end(start);
        if self.src.get(i) == Some(&b':') && self.src.get(i + 1) == Some(&b':') {
            return None;
        }
        Some(String::from_utf8_lossy(&self.src[start..i]).into_owned())
    }

    /// Consume word `w` if it is the next token.
    pub fn eat_word(&mut self, w: &str) -> bool {
        if self.peek_word().as_deref() == Some(w) {
            self.pos += w.len();
            true
        } else {
            false
        }
    }

    /// Does punctuation `s` come next (after whitespace)?
    pub fn peek_str(&mut self, s: &str) -> bool {
        self.skip_ws();
        self.rest().starts_with(s.as_bytes())
    }

    pub fn eat(&mut self, s: &str) -> bool {
        if self.peek_str(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    pub fn expect(&mut self, s: &str) -> PResult<()> {
        if self.eat(s) {
            Ok(())
        } else {
            Err(self.syntax_error())
        }
    }

    /// After optional whitespace, is the next thing `=>`?
    pub fn next_is_fat_comma(&self, mut i: usize) -> bool {
        while let Some(&c) = self.src.get(i) {
            if c == b' ' || c == b'\t' || c == b'\n' || c == b'\r' {
                i += 1;
            } else {
                break;
            }
        }
        self.src.get(i) == Some(&b'=') && self.src.get(i + 1) == Some(&b'>')
    }

    /// Scan a numeric literal at the cursor.
    pub fn scan_number(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let src = &self.src;
        let c0 = src[start];
        if c0 == b'0' && start + 1 < src.len() {
            let (radix, skip) = match src[start + 1] {
                b'x' | b'X' => (16, 2),
                b'b' | b'B' => (2, 2),
                b'o' | b'O' => (8, 2),
                b'0'..=b'9' | b'_' => (8, 1),
                _ => (0, 0),
            };
            if radix != 0 {
                let mut i = start + skip;
                let mut v: u128 = 0;
                let mut overflow = false;
                while let Some(&c) = src.get(i) {
                    let d = match c {
                        b'_' => {
                            i += 1;
                            continue;
                        }
                        b'0'..=b'9' => (c - b'0') as u32,
                        b'a'..=b'f' => (c - b'a' + 10) as u32,
                        b'A'..=b'F' => (c - b'A' + 10) as u32,
                        _ => break,
                    };
                    if d >= radix {
                        if radix == 8 && d < 10 {
                            self.pos = i;
                            return Err(
                                self.error_msg(&format!("Illegal octal digit '{}'", c as char))
                            );
                        }
                        if radix == 2 && d < 10 {
                            self.pos = i;
                            return Err(
                                self.error_msg(&format!("Illegal binary digit '{}'", c as char))
                            );
                        }
                        break;
                    }
                    v = v.saturating_mul(radix as u128).saturating_add(d as u128);
                    if v > u64::MAX as u128 {
                        overflow = true;
                    }
                    i += 1;
                }
                if radix == 16 {
                    if let Some((f, end)) = hex_float(src, start + skip, i) {
                        self.pos = end;
                        return Ok(Expr::Num(f));
                    }
                }
                self.pos = i;
                if v > u32::MAX as u128
                    && self.prag.hints & crate::ast::hints::WARNINGS != 0
                    && self.prag.hints & crate::ast::hints::NO_WARN_OTHER == 0
                {
                    let what = match radix {
                        16 => "Hexadecimal number > 0xffffffff",
                        2 => "Binary number > 0b11111111111111111111111111111111",
                        _ => "Octal number > 037777777777",
                    };
                    if overflow {
                        let name = match radix {
                            16 => "hexadecimal",
                            2 => "binary",
                            _ => "octal",
                        };
                        self.compile_warning(start, &format!("Integer overflow in {name} number"));
                    }
                    self.compile_warning(start, &format!("{what} non-portable"));
                }
                return Ok(if overflow {
                    Expr::Num(v as f64)
                } else if v > i64::MAX as u128 {
                    Expr::UInt(v as u64)
                } else {
                    Expr::Int(v as i64)
                });
            }
        }
        let mut i = start;
        let mut text = String::new();
        let mut is_float = false;
        while let Some(&c) = src.get(i) {
            if c.is_ascii_digit() {
                text.push(c as char);
            } else if c != b'_' {
                break;
            }
            i += 1;
        }
        self.check_underscores(&src[start..i], false, i);
        if src.get(i) == Some(&b'.') && src.get(i + 1) != Some(&b'.') {
            // `1.` is a number, but `1.method`-like things do not exist; `1..2` is a range.
            is_float = true;
            text.push('.');
            i += 1;
            let frac = i;
            while let Some(&c) = src.get(i) {
                if c.is_ascii_digit() {
                    text.push(c as char);
                } else if c != b'_' {
                    break;
                }
                i += 1;
            }
            self.check_underscores(&src[frac..i], true, i);
        }
        if matches!(src.get(i), Some(b'e') | Some(b'E')) {
            let mut j = i + 1;
            if matches!(src.get(j), Some(b'+') | Some(b'-')) {
                j += 1;
            }
            if src.get(j).is_some_and(|c| c.is_ascii_digit()) {
                is_float = true;
                text.push('e');
                if src[i + 1] == b'-' {
                    text.push('-');
                }
                i = j;
                while let Some(&c) = src.get(i) {
                    if c.is_ascii_digit() {
                        text.push(c as char);
                    } else if c != b'_' {
                        break;
                    }
                    i += 1;
                }
            }
        }
        self.pos = i;
        if text == "." || text.is_empty() {
            return Err(self.syntax_error_at(start));
        }
        if !is_float {
            if let Ok(v) = text.parse::<i64>() {
                return Ok(Expr::Int(v));
            }
            if let Ok(v) = text.parse::<u64>() {
                return Ok(Expr::UInt(v));
            }
        }
        let t = if text.starts_with('.') {
            format!("0{}", text)
        } else {
            text
        };
        let t = if t.ends_with('.') {
            format!("{}0", t)
        } else {
            t
        };
        Ok(Expr::Num(t.parse::<f64>().unwrap_or(0.0)))
    }
}

/// The (start, end) of the token at or after `pos` (roughly as perl's lexer
/// splits: a word, a variable, a quoted string, an operator or one
/// punctuation character); empty at the end of the source.
pub(crate) fn next_token(src: &[u8], pos: usize) -> (usize, usize) {
    let mut i = pos.min(src.len());
    while i < src.len() && src[i].is_ascii_whitespace() {
        i += 1;
    }
    let start = i;
    let Some(&c) = src.get(i) else {
        return (start, start);
    };
    let word = |j: usize| {
        let mut j = j;
        while j < src.len() && (src[j].is_ascii_alphanumeric() || src[j] == b'_' || src[j] >= 0x80)
        {
            j += 1;
        }
        j
    };
    let end = if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
        word(i)
    } else if matches!(c, b'$' | b'@' | b'%')
        && src
            .get(i + 1)
            .is_some_and(|&d| d.is_ascii_alphabetic() || d == b'_')
    {
        word(i + 1)
    } else if c == b'"' || c == b'\'' {
        let mut j = i + 1;
        while j < src.len() && src[j] != c {
            j += if src[j] == b'\\' { 2 } else { 1 };
        }
        (j + 1).min(src.len())
    } else if b"=<>!~+-*/.&|^?:".contains(&c) {
        let mut j = i + 1;
        while j < src.len() && j < i + 3 && b"=<>~+-*/.&|".contains(&src[j]) {
            j += 1;
        }
        j
    } else {
        i + 1
    };
    (start, end)
}

/// The start of the token ending before `pos` (whitespace skipped).
fn prev_token_start(src: &[u8], pos: usize) -> Option<usize> {
    let mut j = pos.min(src.len());
    while j > 0 && src[j - 1].is_ascii_whitespace() {
        j -= 1;
    }
    if j == 0 {
        return None;
    }
    let c = src[j - 1];
    let is_word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    let mut k = j - 1;
    if is_word(c) {
        while k > 0 && is_word(src[k - 1]) {
            k -= 1;
        }
        if k > 0 && matches!(src[k - 1], b'$' | b'@' | b'%') {
            k -= 1;
        }
    } else if c == b'"' || c == b'\'' {
        while k > 0 && src[k - 1] != c {
            k -= 1;
        }
        k = k.saturating_sub(1);
    } else if b"=<>!~+-*/.&|^?:".contains(&c) {
        while k > 0 && j - k < 3 && b"=<>!~+-*/.&|^?:".contains(&src[k - 1]) {
            k -= 1;
        }
    }
    Some(k)
}

/// Whether `src` leaves a `{` or `[` open (strings and comments skipped,
/// roughly).
fn unclosed_brace(src: &[u8]) -> bool {
    let mut depth = 0i64;
    let mut i = 0;
    while i < src.len() {
        match src[i] {
            b'#' if i == 0 || src[i - 1] != b'$' => {
                while i < src.len() && src[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'"' | b'\'') if i == 0 || src[i - 1] != b'\\' => {
                i += 1;
                while i < src.len() && src[i] != q {
                    i += if src[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    depth > 0
}

impl Parser {
    /// perl's "Misplaced _ in number" for a run of digits with two
    /// underscores together or one at its end (or, after the decimal point,
    /// at its start).
    fn check_underscores(&self, digits: &[u8], fraction: bool, pos: usize) {
        if !digits.contains(&b'_') || self.prag.hints & crate::ast::hints::WARNINGS == 0 {
            return;
        }
        let bad = digits.ends_with(b"_")
            || digits.windows(2).any(|w| w == b"__")
            || (fraction && digits.starts_with(b"_"));
        if bad {
            self.compile_warning(pos, "Misplaced _ in number");
        }
    }
}

/// A hexadecimal floating literal (`0x1.8p1`, `0x10p-2`, `0x.8p0`): the
/// digits from `digits` (the integer part ending at `int_end`), an optional
/// fraction, and a binary exponent, which is what makes it one. The value
/// and where it ends.
fn hex_float(src: &[u8], digits: usize, int_end: usize) -> Option<(f64, usize)> {
    let hex = |c: u8| (c as char).to_digit(16);
    let mut mantissa: u128 = 0;
    let mut lost_bits = 0i32;
    let mut frac_digits = 0i32;
    let mut push = |d: u32, frac: bool| {
        if mantissa >> 120 == 0 {
            mantissa = mantissa * 16 + d as u128;
            if frac {
                frac_digits += 1;
            }
        } else if !frac {
            // Past 120 bits, integer digits only scale the value.
            lost_bits += 4;
        }
    };
    for &c in &src[digits..int_end] {
        if let Some(d) = hex(c) {
            push(d, false);
        }
    }
    let mut i = int_end;
    if src.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&c) = src.get(i) {
            match hex(c) {
                Some(d) => push(d, true),
                None if c == b'_' => {}
                None => break,
            }
            i += 1;
        }
    }
    if !matches!(src.get(i), Some(b'p' | b'P')) || (i == int_end + 1 && int_end == digits) {
        return None;
    }
    i += 1;
    let neg = match src.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let exp_start = i;
    let mut exp: i32 = 0;
    while let Some(&c) = src.get(i) {
        match c {
            b'0'..=b'9' => exp = exp.saturating_mul(10).saturating_add((c - b'0') as i32),
            b'_' => {}
            _ => break,
        }
        i += 1;
    }
    if i == exp_start {
        return None;
    }
    let exp = if neg { -exp } else { exp };
    let shift = exp + lost_bits - 4 * frac_digits;
    // Scaled in steps: 2^shift alone may not be representable where the
    // result is (subnormals, or a big mantissa with a big negative shift).
    let mut v = mantissa as f64;
    let mut e = shift;
    while e != 0 {
        let step = e.clamp(-1000, 1000);
        v *= 2f64.powi(step);
        e -= step;
    }
    Some((v, i))
}
