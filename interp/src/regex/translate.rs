//! Rewrites Perl regex source into PCRE2 source.
//!
//! The output is always valid UTF-8 and never contains a raw non-ASCII
//! character outside comments: every such character becomes `\x{…}`, so the
//! same translation works for PCRE2's byte mode and its UTF mode.  Most of
//! Perl's syntax is passed through untouched; only the constructs PCRE2
//! lacks or reads differently are rewritten.

use super::blocks::BLOCKS;
use std::fmt::Write;

/// The result of translating a pattern.
pub struct Translated {
    pub body: String,
    /// Pairs (output offset, source byte offset), ascending, one per source
    /// token, so a PCRE2 error offset can be mapped back to the user's text.
    pub posmap: Vec<(usize, usize)>,
    /// The pattern contains a character above 0xFF (literally or by an
    /// escape), which makes perl compile it with Unicode rules.
    pub wide: bool,
    /// An inline `u` or `a` flag asks for Unicode rules; PCRE2 cannot switch
    /// modes inside a pattern, so the whole pattern gets them.
    pub unicode_flag: bool,
    /// The pattern names code points above 0xFF (a block range) and so can
    /// only be compiled in UTF mode.
    pub force_utf: bool,
    /// The pattern has `\G`: a match without /g starts at pos() too.
    pub gpos: bool,
}

/// A translation failure: message and the source byte offset to mark.
pub struct TransError {
    pub msg: String,
    /// `Some(off)`: "marked by <-- HERE" after byte `off`; `None`: the
    /// message is complete without a marker (perl prints the whole pattern).
    pub at: Option<usize>,
}

/// Decodes the pattern into (code point, byte offset) pairs.  Malformed
/// UTF-8 is taken one byte at a time as Latin-1, which is what perl shows
/// for such bytes and keeps translation total.
pub fn decode(src: &[u8], utf8: bool) -> Vec<(u32, usize)> {
    let mut out = Vec::with_capacity(src.len());
    if !utf8 {
        for (i, &b) in src.iter().enumerate() {
            out.push((b as u32, i));
        }
        return out;
    }
    let mut i = 0;
    while i < src.len() {
        let (cp, len) = decode_one(&src[i..]);
        out.push((cp, i));
        i += len;
    }
    out
}

pub use crate::convert::decode_one;

struct Tr<'a> {
    chars: &'a [(u32, usize)],
    src_len: usize,
    i: usize,
    out: String,
    posmap: Vec<(usize, usize)>,
    wide: bool,
    unicode_flag: bool,
    force_utf: bool,
    gpos: bool,
    /// /x state per open group; the last entry is the current one.
    xstack: Vec<bool>,
    /// Source offsets of open parentheses (for "Unmatched (").
    parens: Vec<usize>,
}

/// Perl's long General_Category names (loose form) to PCRE2's short ones.
fn gc_short(v: &str) -> Option<&'static str> {
    Some(match v {
        "letter" => "L",
        "casedletter" => "L&",
        "uppercaseletter" => "Lu",
        "lowercaseletter" => "Ll",
        "titlecaseletter" => "Lt",
        "modifierletter" => "Lm",
        "otherletter" => "Lo",
        "mark" | "combiningmark" => "M",
        "nonspacingmark" => "Mn",
        "spacingmark" => "Mc",
        "enclosingmark" => "Me",
        "number" => "N",
        "decimalnumber" => "Nd",
        "letternumber" => "Nl",
        "othernumber" => "No",
        "punctuation" => "P",
        "connectorpunctuation" => "Pc",
        "dashpunctuation" => "Pd",
        "openpunctuation" => "Ps",
        "closepunctuation" => "Pe",
        "initialpunctuation" => "Pi",
        "finalpunctuation" => "Pf",
        "otherpunctuation" => "Po",
        "symbol" => "S",
        "mathsymbol" => "Sm",
        "currencysymbol" => "Sc",
        "modifiersymbol" => "Sk",
        "othersymbol" => "So",
        "separator" => "Z",
        "spaceseparator" => "Zs",
        "lineseparator" => "Zl",
        "paragraphseparator" => "Zp",
        "other" => "C",
        "control" => "Cc",
        "format" => "Cf",
        "surrogate" => "Cs",
        "privateuse" => "Co",
        "unassigned" => "Cn",
        _ => return None,
    })
}

/// Pattern_White_Space outside ASCII: ignorable under /x.
fn is_pattern_ws_wide(c: u32) -> bool {
    matches!(c, 0x85 | 0x200E | 0x200F | 0x2028 | 0x2029)
}

fn is_alpha_assertion(name: &str) -> bool {
    matches!(
        name,
        "pla"
            | "plb"
            | "nla"
            | "nlb"
            | "positive_lookahead"
            | "positive_lookbehind"
            | "negative_lookahead"
            | "negative_lookbehind"
            | "atomic"
            | "sr"
            | "asr"
            | "script_run"
            | "atomic_script_run"
            | "napla"
            | "naplb"
            | "non_atomic_positive_lookahead"
            | "non_atomic_positive_lookbehind"
    )
}

pub fn translate(src: &[u8], utf8: bool, x: bool) -> Result<Translated, TransError> {
    let chars = decode(src, utf8);
    let mut t = Tr {
        chars: &chars,
        src_len: src.len(),
        i: 0,
        out: String::with_capacity(src.len() + 16),
        posmap: Vec::new(),
        wide: false,
        unicode_flag: false,
        force_utf: false,
        gpos: false,
        xstack: vec![x],
        parens: Vec::new(),
    };
    t.run()?;
    Ok(Translated {
        body: t.out,
        posmap: t.posmap,
        wide: t.wide,
        unicode_flag: t.unicode_flag,
        force_utf: t.force_utf,
        gpos: t.gpos,
    })
}

impl<'a> Tr<'a> {
    fn peek(&self, k: usize) -> Option<u32> {
        self.chars.get(self.i + k).map(|c| c.0)
    }

    fn peek_is(&self, k: usize, ch: char) -> bool {
        self.peek(k) == Some(ch as u32)
    }

    fn src_off(&self, idx: usize) -> usize {
        self.chars.get(idx).map_or(self.src_len, |c| c.1)
    }

    fn mark(&mut self) {
        let so = self.src_off(self.i);
        self.posmap.push((self.out.len(), so));
    }

    fn xmode(&self) -> bool {
        *self.xstack.last().unwrap_or(&false)
    }

    fn err_here(&self, msg: impl Into<String>, idx: usize) -> TransError {
        TransError {
            msg: msg.into(),
            at: Some(self.src_off(idx)),
        }
    }

    /// Emits a code point as an escape (or as itself when it is plain ASCII
    /// that needs no quoting).
    fn emit_cp_escaped(&mut self, cp: u32) {
        if cp > 0xFF {
            self.wide = true;
        }
        let _ = write!(self.out, "\\x{{{:X}}}", cp);
    }

    /// Copies a character into a comment, where its value is irrelevant but
    /// the output must stay valid UTF-8.
    fn emit_comment_char(&mut self, cp: u32) {
        self.out.push(char::from_u32(cp).unwrap_or('?'));
    }

    fn run(&mut self) -> Result<(), TransError> {
        while self.i < self.chars.len() {
            self.mark();
            let c = self.chars[self.i].0;
            match c {
                0x5C => self.escape(false)?,
                0x23 if self.xmode() => {
                    // A /x comment runs to the end of the line.
                    while self.i < self.chars.len() {
                        let c = self.chars[self.i].0;
                        self.emit_comment_char(c);
                        self.i += 1;
                        if c == 0x0A {
                            break;
                        }
                    }
                    if !self.out.ends_with('\n') {
                        // Keep whatever PCRE2 appends after the body out of
                        // the comment.
                        self.out.push('\n');
                    }
                }
                0x28 => self.open_paren()?,
                0x29 => {
                    if self.parens.pop().is_none() {
                        return Err(self.err_here("Unmatched )", self.i + 1));
                    }
                    if self.xstack.len() > 1 {
                        self.xstack.pop();
                    }
                    self.out.push(')');
                    self.i += 1;
                }
                0x5B => self.class()?,
                0x7B => self.brace(),
                _ if c >= 0x80 => {
                    if self.xmode() && is_pattern_ws_wide(c) {
                        self.out.push(' ');
                    } else if self.in_group_name() {
                        // PCRE2 reads names literally (UTF mode allows
                        // Unicode letters in them).
                        self.force_utf = true;
                        self.emit_comment_char(c);
                    } else {
                        self.emit_cp_escaped(c);
                    }
                    self.i += 1;
                }
                _ => {
                    self.out.push(c as u8 as char);
                    self.i += 1;
                }
            }
        }
        if let Some(&open) = self.parens.first() {
            let idx = self.chars.iter().position(|c| c.1 == open).unwrap_or(0);
            return Err(self.err_here("Unmatched (", idx + 1));
        }
        Ok(())
    }

    /// A `{` in the main context: a quantifier with min > max never matches
    /// in perl (it only warns), whereas PCRE2 rejects it.
    fn brace(&mut self) {
        let mut j = self.i + 1;
        let mut nums: [Option<u64>; 2] = [None, None];
        let mut k = 0;
        let mut comma = false;
        let mut ok = false;
        while let Some(&(c, _)) = self.chars.get(j) {
            match c {
                0x30..=0x39 => {
                    let d = (c - 0x30) as u64;
                    nums[k] = Some(nums[k].unwrap_or(0).saturating_mul(10).saturating_add(d));
                }
                0x20 | 0x09 => {}
                0x2C if !comma => {
                    comma = true;
                    k = 1;
                }
                0x7D => {
                    ok = true;
                    break;
                }
                _ => break,
            }
            j += 1;
        }
        if ok && comma {
            if let (Some(min), Some(max)) = (nums[0], nums[1]) {
                if min > max {
                    self.out.push_str("{0}(?!)");
                    self.i = j + 1;
                    // A following `?` or `+` modifier would now apply to
                    // `(?!)`, which PCRE2 accepts and which changes nothing.
                    return;
                }
            }
        }
        self.out.push('{');
        self.i += 1;
    }

    fn open_paren(&mut self) -> Result<(), TransError> {
        let start = self.i;
        if self.peek_is(1, '*') {
            // `(*VERB…)` or a `(*alpha_assertion:` group.
            let mut j = self.i + 2;
            let mut name = String::new();
            while let Some(&(c, _)) = self.chars.get(j) {
                if (c as u8 as char).is_ascii_alphanumeric() && c < 0x80 || c == 0x5F {
                    name.push(c as u8 as char);
                    j += 1;
                } else {
                    break;
                }
            }
            if self.peek(j - self.i) == Some(0x7B) {
                return Err(TransError {
                    msg: "Eval-group (*{ ... }) is not supported".into(),
                    at: None,
                });
            }
            if self.chars.get(j).map(|c| c.0) == Some(0x3A) && is_alpha_assertion(&name) {
                self.out.push_str("(*");
                self.out.push_str(&name);
                self.out.push(':');
                self.i = j + 1;
                self.push_group(start, self.xmode());
                return Ok(());
            }
            // A verb: copy through the closing parenthesis.
            while self.i < self.chars.len() {
                let c = self.chars[self.i].0;
                if c >= 0x80 {
                    self.emit_cp_escaped(c);
                } else {
                    self.out.push(c as u8 as char);
                }
                self.i += 1;
                if c == 0x29 {
                    return Ok(());
                }
            }
            return Err(self.err_here("Unterminated verb pattern", self.i));
        }
        if !self.peek_is(1, '?') {
            self.out.push('(');
            self.i += 1;
            self.push_group(start, self.xmode());
            return Ok(());
        }
        // `(?…`
        match self.peek(2) {
            Some(0x23) => {
                // (?# comment )
                while self.i < self.chars.len() {
                    let c = self.chars[self.i].0;
                    self.emit_comment_char(c);
                    self.i += 1;
                    if c == 0x29 {
                        return Ok(());
                    }
                }
                return Err(self.err_here("Sequence (?#... not terminated", self.i));
            }
            Some(0x7B) => {
                return Err(TransError {
                    msg: "Eval-group (?{ ... }) is not supported".into(),
                    at: None,
                })
            }
            Some(0x3F) if self.peek_is(3, '{') => {
                return Err(TransError {
                    msg: "Eval-group (??{ ... }) is not supported".into(),
                    at: None,
                })
            }
            Some(0x5B) => {
                return Err(self.err_here(
                    "Extended bracketed character classes (?[...]) are not supported",
                    self.i + 3,
                ))
            }
            _ => {}
        }
        if let Some(()) = self.try_flag_group(start)? {
            return Ok(());
        }
        // Every other `(?` construct is the same in PCRE2; the characters
        // after `(?` are copied by the main loop.
        self.out.push_str("(?");
        self.i += 2;
        self.push_group(start, self.xmode());
        Ok(())
    }

    /// The output ends inside a group name (`(?<name`, `\k<name`, …).
    fn in_group_name(&self) -> bool {
        let b = self.out.as_bytes();
        let mut k = b.len();
        while k > 0 && (b[k - 1].is_ascii_alphanumeric() || b[k - 1] == b'_' || b[k - 1] >= 0x80) {
            k -= 1;
        }
        let head = &self.out[..k];
        [
            "(?<", "(?'", "(?P<", "\\k<", "\\k'", "\\k{", "\\g{", "(?&", "(?P=", "(?P>", "(?(",
        ]
        .iter()
        .any(|p| head.ends_with(p))
    }

    fn push_group(&mut self, src_idx: usize, x: bool) {
        let off = self.src_off(src_idx);
        self.parens.push(off);
        self.xstack.push(x);
    }

    /// Handles `(?^aluimsxnp-imsxn:` and `(?flags)`.  Returns `None` when
    /// the text is not a flag group.
    fn try_flag_group(&mut self, start: usize) -> Result<Option<()>, TransError> {
        let mut j = self.i + 2;
        let mut caret = false;
        if self.chars.get(j).map(|c| c.0) == Some(0x5E) {
            caret = true;
            j += 1;
        }
        let mut on = String::new();
        let mut off = String::new();
        let mut negate = false;
        let mut end = None;
        while let Some(&(c, _)) = self.chars.get(j) {
            let ch = if c < 0x80 { c as u8 as char } else { '\0' };
            match ch {
                'a' | 'd' | 'l' | 'u' | 'i' | 'm' | 's' | 'x' | 'n' | 'p' | 'o' => {
                    if negate {
                        off.push(ch)
                    } else {
                        on.push(ch)
                    }
                }
                '-' if !negate && !caret => negate = true,
                ':' | ')' => {
                    end = Some(ch);
                    break;
                }
                _ => return Ok(None),
            }
            j += 1;
        }
        let Some(end) = end else { return Ok(None) };
        if negate && off.is_empty() && end == ')' && on.is_empty() {
            // `(?-)`: not a flag group; let PCRE2 judge it.
            return Ok(None);
        }
        if on.contains('u') || on.contains('a') {
            self.unicode_flag = true;
        }
        let mut x = if caret { false } else { self.xmode() };
        let mut out = String::from("(?");
        if caret {
            out.push('^');
        }
        let count = |s: &str, c: char| s.chars().filter(|&d| d == c).count();
        for f in ['i', 'm', 's', 'n'] {
            if on.contains(f) {
                out.push(f);
            }
        }
        match count(&on, 'x') {
            0 => {}
            1 => {
                out.push('x');
                x = true;
            }
            _ => {
                out.push_str("xx");
                x = true;
            }
        }
        match count(&on, 'a') {
            0 => {}
            1 => out.push('a'),
            _ => out.push_str("ar"),
        }
        if !off.is_empty() {
            let mut neg = String::new();
            for f in ['i', 'm', 's', 'n', 'x'] {
                if off.contains(f) {
                    neg.push(f);
                }
            }
            if off.contains('x') {
                x = false;
            }
            if !neg.is_empty() {
                out.push('-');
                out.push_str(&neg);
            }
        }
        self.i = j + 1;
        if end == ':' {
            out.push(':');
            self.out.push_str(&out);
            self.push_group(start, x);
        } else {
            if out != "(?" {
                out.push(')');
                self.out.push_str(&out);
            }
            if let Some(top) = self.xstack.last_mut() {
                *top = x;
            }
        }
        Ok(Some(()))
    }

    fn class(&mut self) -> Result<(), TransError> {
        let open = self.i;
        self.out.push('[');
        self.i += 1;
        if self.peek_is(0, '^') {
            self.out.push('^');
            self.i += 1;
        }
        // A `]` right after the opening is literal.
        if self.peek_is(0, ']') {
            self.out.push_str("\\]");
            self.i += 1;
        }
        // Perl takes `-` next to a class escape (`[a-\d]`) literally, where
        // PCRE2 reports a bad range.
        let is_set_escape = |c: Option<u32>| {
            matches!(
                c.and_then(char::from_u32),
                Some('d' | 'D' | 'w' | 'W' | 's' | 'S' | 'h' | 'H' | 'v' | 'V' | 'p' | 'P')
            )
        };
        let mut after_set = false;
        loop {
            let Some(c) = self.peek(0) else {
                return Err(self.err_here("Unmatched [", open + 1));
            };
            self.mark();
            let was_after_set = after_set;
            after_set = c == 0x5C && is_set_escape(self.peek(1))
                || c == 0x5B && matches!(self.peek(1), Some(0x3A));
            match c {
                0x2D if was_after_set
                    || (self.peek(1) == Some(0x5C) && is_set_escape(self.peek(2))) =>
                {
                    self.out.push_str("\\-");
                    self.i += 1;
                }
                0x5D => {
                    self.out.push(']');
                    self.i += 1;
                    return Ok(());
                }
                0x5C => self.escape(true)?,
                0x5B if matches!(self.peek(1), Some(0x3A | 0x3D | 0x2E)) => {
                    // POSIX class `[:name:]` (and the unsupported `[=…=]`,
                    // `[.….]`, which PCRE2 reports).
                    let delim = self.peek(1).unwrap();
                    let mut j = self.i + 2;
                    let mut found = None;
                    while let Some(&(d, _)) = self.chars.get(j) {
                        if d == delim && self.chars.get(j + 1).map(|c| c.0) == Some(0x5D) {
                            found = Some(j + 2);
                            break;
                        }
                        if d == 0x5D {
                            break;
                        }
                        j += 1;
                    }
                    match found {
                        Some(end) => {
                            for k in self.i..end {
                                let d = self.chars[k].0;
                                if d >= 0x80 {
                                    self.emit_comment_char(d);
                                } else {
                                    self.out.push(d as u8 as char);
                                }
                            }
                            self.i = end;
                        }
                        None => {
                            self.out.push_str("\\[");
                            self.i += 1;
                        }
                    }
                }
                0x5B => {
                    self.out.push_str("\\[");
                    self.i += 1;
                }
                _ if c >= 0x80 => {
                    self.emit_cp_escaped(c);
                    self.i += 1;
                }
                _ => {
                    self.out.push(c as u8 as char);
                    self.i += 1;
                }
            }
        }
    }

    /// Reads `{…}` right after the current position; returns the contents
    /// and moves past the `}`.
    fn braced(&mut self, what: &str) -> Result<String, TransError> {
        debug_assert!(self.peek_is(0, '{'));
        let open = self.i;
        let mut s = String::new();
        let mut j = self.i + 1;
        while let Some(&(c, _)) = self.chars.get(j) {
            if c == 0x7D {
                self.i = j + 1;
                return Ok(s);
            }
            s.push(char::from_u32(c).unwrap_or('?'));
            j += 1;
        }
        Err(self.err_here(format!("Missing right brace on \\{}{{}}", what), open + 1))
    }

    fn escape(&mut self, in_class: bool) -> Result<(), TransError> {
        let Some(c) = self.peek(1) else {
            return Err(TransError {
                msg: "Trailing \\".into(),
                at: None,
            });
        };
        self.i += 2;
        if c >= 0x80 {
            self.emit_cp_escaped(c);
            return Ok(());
        }
        let ch = c as u8 as char;
        match ch {
            // Case-changing and quoting escapes are interpolation-time
            // constructs; perl's regex engine sees a leftover one as the
            // plain letter (as for a pattern built at run time).
            'Q' | 'E' | 'U' | 'L' | 'u' | 'l' | 'F' => self.out.push(ch),
            'N' if self.peek_is(0, '{') => {
                let body = self.braced("N")?;
                let trimmed = body.trim();
                if let Some(hex) = trimmed.strip_prefix("U+") {
                    for part in hex.split('.') {
                        let digits: String = part.chars().filter(|c| *c != '_').collect();
                        match u32::from_str_radix(&digits, 16) {
                            Ok(v) => self.emit_cp_escaped(v),
                            Err(_) => {
                                return Err(self
                                    .err_here("Invalid hexadecimal number in \\N{U+...}", self.i))
                            }
                        }
                    }
                } else if let Some(v) = crate::charnames::lookup(trimmed) {
                    self.emit_cp_escaped(v);
                } else if !in_class
                    && !trimmed.is_empty()
                    && trimmed
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == ' ')
                {
                    // `\N{3}`: a quantified \N.
                    self.out.push_str("\\N{");
                    self.out.push_str(&body);
                    self.out.push('}');
                } else {
                    return Err(TransError {
                        msg: format!("Unknown charname '{}'", body),
                        at: Some(self.src_off(self.i - 1)),
                    });
                }
            }
            'x' => {
                let v = if self.peek_is(0, '{') {
                    let body = self.braced("x")?;
                    let digits: String = body
                        .trim()
                        .chars()
                        .filter(|c| *c != '_')
                        .take_while(|c| c.is_ascii_hexdigit())
                        .collect();
                    if digits.is_empty() {
                        0
                    } else {
                        u32::from_str_radix(&digits, 16).unwrap_or(u32::MAX)
                    }
                } else {
                    let mut v = 0u32;
                    for _ in 0..2 {
                        match self.peek(0).and_then(|d| char::from_u32(d)?.to_digit(16)) {
                            Some(d) => {
                                v = v * 16 + d;
                                self.i += 1;
                            }
                            None => break,
                        }
                    }
                    v
                };
                self.emit_cp_escaped(v);
            }
            'o' => {
                if !self.peek_is(0, '{') {
                    return Err(self.err_here("Missing braces on \\o{}", self.i));
                }
                let body = self.braced("o")?;
                let digits: String = body
                    .trim()
                    .chars()
                    .filter(|c| *c != '_')
                    .take_while(|c| ('0'..='7').contains(c))
                    .collect();
                if digits.is_empty() {
                    return Err(self.err_here("Empty \\o{}", self.i));
                }
                let v = u32::from_str_radix(&digits, 8).unwrap_or(u32::MAX);
                self.emit_cp_escaped(v);
            }
            '0' => {
                let mut v = 0u32;
                for _ in 0..2 {
                    match self.peek(0) {
                        Some(d @ 0x30..=0x37) => {
                            v = v * 8 + (d - 0x30);
                            self.i += 1;
                        }
                        _ => break,
                    }
                }
                self.emit_cp_escaped(v);
            }
            'c' => {
                let Some(x) = self.peek(0).filter(|&x| (0x20..0x7F).contains(&x)) else {
                    return Err(self.err_here(
                        "Character following \"\\c\" must be printable ASCII",
                        self.i,
                    ));
                };
                self.i += 1;
                if x == 0x7B {
                    return Err(self.err_here("Use \"\\c{\" is not allowed", self.i));
                }
                let up = (x as u8).to_ascii_uppercase() as u32;
                self.emit_cp_escaped(up ^ 0x40);
            }
            'b' | 'B' if !in_class && self.peek_is(0, '{') => {
                let kind = self.braced(&ch.to_string())?;
                let kind = kind.trim();
                // PCRE2 has no Unicode boundary types; these are the closest
                // plain assertions.
                let rep = match (ch, kind) {
                    ('b', "wb") | ('b', "sb") | ('b', "lb") => "\\b",
                    ('B', "wb") | ('B', "sb") | ('B', "lb") => "\\B",
                    ('b', "gcb") | ('b', "g") => "(?:)",
                    ('B', "gcb") | ('B', "g") => "(?!)",
                    _ => {
                        return Err(self
                            .err_here(format!("'{}' is an unknown bound type", kind), self.i - 1))
                    }
                };
                self.out.push_str(rep);
            }
            'p' | 'P' => {
                let name = if self.peek_is(0, '{') {
                    self.braced(&ch.to_string())?
                } else if let Some(n) = self.peek(0) {
                    self.i += 1;
                    char::from_u32(n).unwrap_or('?').to_string()
                } else {
                    return Err(TransError {
                        msg: "Empty \\p".into(),
                        at: None,
                    });
                };
                self.property(ch == 'P', &name, in_class);
            }
            'C' => {
                return Err(self.err_here("\\C no longer supported", self.i));
            }
            'K'
            | 'G'
            | 'A'
            | 'z'
            | 'Z'
            | 'd'
            | 'D'
            | 'w'
            | 'W'
            | 's'
            | 'S'
            | 'h'
            | 'H'
            | 'v'
            | 'V'
            | 'R'
            | 'X'
            | 'n'
            | 't'
            | 'r'
            | 'f'
            | 'e'
            | 'a'
            | 'b'
            | 'B'
            | 'g'
            | 'k'
            | 'N'
            | '1'..='9' => {
                if ch == 'G' && !in_class {
                    self.gpos = true;
                }
                self.out.push('\\');
                self.out.push(ch);
            }
            _ if ch.is_ascii_alphabetic() => {
                // Perl passes an unknown letter escape through as the letter.
                self.out.push(ch);
            }
            _ if ch.is_ascii_graphic() || ch == ' ' => {
                self.out.push('\\');
                self.out.push(ch);
            }
            _ => self.emit_cp_escaped(c),
        }
        Ok(())
    }

    /// Emits `\p{…}` with perl's property names mapped onto PCRE2's.
    fn property(&mut self, negated: bool, name: &str, in_class: bool) {
        let mut n = name.trim().to_string();
        let mut neg = negated;
        if let Some(rest) = n.strip_prefix('^') {
            neg = !neg;
            n = rest.trim().to_string();
        }
        let key: String = n
            .chars()
            .filter(|c| !matches!(c, ' ' | '_' | '-'))
            .collect::<String>()
            .to_ascii_lowercase();
        let key = key
            .strip_prefix("is")
            .filter(|k| !k.is_empty())
            .unwrap_or(&key)
            .to_string();
        let key = key
            .strip_prefix("xposix")
            .map(|s| s.to_string())
            .unwrap_or(key);
        // Classes perl offers that PCRE2 spells differently (or lacks).
        let set: Option<&str> = match key.as_str() {
            "word" | "w" => Some("\\p{L}\\p{M}\\p{Nd}\\p{Pc}"),
            "alnum" => Some("\\p{L}\\p{M}\\p{Nd}"),
            "space" | "spaceperl" | "perlspace" => Some("\\t-\\r\\x85\\p{Zs}\\p{Zl}\\p{Zp}"),
            "blank" => Some("\\h"),
            "digit" => Some("\\p{Nd}"),
            "punct" => Some("\\p{P}"),
            "cntrl" => Some("\\p{Cc}"),
            "posixalpha" => Some("A-Za-z"),
            "posixalnum" => Some("A-Za-z0-9"),
            "posixdigit" => Some("0-9"),
            "posixupper" => Some("A-Z"),
            "posixlower" => Some("a-z"),
            "posixword" | "perlword" => Some("A-Za-z0-9_"),
            "posixspace" => Some("\\t\\n\\x0B\\f\\r "),
            "posixblank" => Some("\\t "),
            "posixpunct" => Some("!-/:-@\\[-`{-~"),
            "posixcntrl" => Some("\\x00-\\x1F\\x7F"),
            "posixxdigit" | "xdigit" | "hexdigit" | "hex" => Some("0-9A-Fa-f"),
            "posixprint" => Some("\\x20-\\x7E"),
            "posixgraph" => Some("\\x21-\\x7E"),
            "ascii" => Some("\\x00-\\x7F"),
            "any" | "all" | "unicode" => Some("\\s\\S"),
            "assigned" => Some("\\P{Cn}"),
            // perl's internal identifier classes (`_Perl_IDStart`, …).
            "perlidstart" => Some("_\\p{XID_Start}"),
            "perlidcont" => Some("\\p{XID_Continue}"),
            _ => None,
        };
        let block = match key.split_once(['=', ':']) {
            Some(("blk" | "block" | "in", v)) => Some(v.to_string()),
            Some(_) => None,
            None => key.strip_prefix("in").map(|s| s.to_string()),
        };
        let block_range = block.and_then(|b| {
            let b = match b.as_str() {
                "greek" => "greekandcoptic",
                "latin1" => "latin1supplement",
                "cyrillicsupplementary" => "cyrillicsupplement",
                "combiningmarksforsymbols" => "combiningdiacriticalmarksforsymbols",
                other => other,
            };
            BLOCKS
                .iter()
                .find(|e| e.0 == b)
                .map(|e| format!("\\x{{{:X}}}-\\x{{{:X}}}", e.1, e.2))
        });
        let set = match &block_range {
            Some(r) => {
                // PCRE2's byte mode cannot name code points above 0xFF.
                self.force_utf = true;
                Some(r.as_str())
            }
            None => set,
        };
        if let Some(set) = set {
            if in_class && !neg {
                self.out.push_str(set);
            } else {
                self.out.push_str(if neg { "[^" } else { "[" });
                self.out.push_str(set);
                self.out.push(']');
            }
            return;
        }
        let gc = match key.split_once(['=', ':']) {
            Some(("gc" | "generalcategory" | "category", v)) => Some(v),
            Some(_) => None,
            None => Some(key.as_str()),
        };
        if let Some(short) = gc.and_then(gc_short) {
            self.out.push_str(if neg { "\\P{" } else { "\\p{" });
            self.out.push_str(short);
            self.out.push('}');
            return;
        }
        let pname = match key.as_str() {
            "alpha" | "alphabetic" => "Alphabetic".to_string(),
            "upper" | "uppercase" => "Uppercase".to_string(),
            "lower" | "lowercase" => "Lowercase".to_string(),
            "title" | "titlecase" => "Lt".to_string(),
            "l&" | "lc" | "casedletter" => "L&".to_string(),
            "print" | "graph" => {
                // Approximations: everything but separators/controls.
                let s = if key == "print" {
                    "[^\\p{C}\\p{Zl}\\p{Zp}]"
                } else {
                    "[^\\p{C}\\p{Z}]"
                };
                if in_class && !neg {
                    // Inside a class a nested class is not possible; use
                    // the negated categories' complement via a property.
                    self.out.push_str("\\P{C}");
                } else if neg {
                    self.out.push_str("(?!");
                    self.out.push_str(s);
                    self.out.push_str(")[\\s\\S]");
                } else {
                    self.out.push_str(s);
                }
                return;
            }
            _ => match n.strip_prefix("Is") {
                Some(rest) if !rest.is_empty() => rest.to_string(),
                _ => n.clone(),
            },
        };
        self.out.push_str(if neg { "\\P{" } else { "\\p{" });
        for ch in pname.chars() {
            if ch.is_ascii() {
                self.out.push(ch);
            }
        }
        self.out.push('}');
    }
}
