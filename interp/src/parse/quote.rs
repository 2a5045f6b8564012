//! Strings, quote-like operators, heredocs, interpolation, regex and `tr`
//! literals.

use super::expr::underscore;
use super::lexer::{is_ident_char, is_ident_start};
use super::{PResult, Parser};
use crate::ast::*;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `"…"`, `qq`, heredocs: escapes processed, variables interpolated.
    Dq,
    /// Patterns: escapes kept for the regex engine, variables interpolated.
    Regex,
}

pub(crate) fn closing(open: u8) -> u8 {
    match open {
        b'(' => b')',
        b'[' => b']',
        b'{' => b'}',
        b'<' => b'>',
        c => c,
    }
}

/// A string constant from code points.
pub(crate) fn cps_to_str(cps: &[u32], utf8_source: bool) -> Expr {
    let wide = cps.iter().any(|&c| c > 0xFF) || (utf8_source && cps.iter().any(|&c| c > 0x7F));
    if wide {
        let mut s = String::new();
        for &c in cps {
            s.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
        }
        Expr::Str {
            bytes: Arc::from(s.into_bytes()),
            utf8: true,
        }
    } else {
        let v: Vec<u8> = cps.iter().map(|&c| c as u8).collect();
        Expr::Str {
            bytes: Arc::from(v),
            utf8: false,
        }
    }
}

fn is_regex_meta(c: u8) -> bool {
    b"{}[]()<>|.*+?^$#\\".contains(&c)
}

/// Decode one UTF-8 character at `i` (or one byte when invalid).
fn decode_utf8(s: &[u8], i: usize) -> (u32, usize) {
    crate::convert::decode_one(&s[i..])
}

struct Frame {
    func: Option<Func>,
    /// `\u`/`\l`: ends with its enclosing frame rather than at `\E`.
    oneshot: bool,
    parts: Vec<Expr>,
}

impl Parser {
    /// Read up to the closing delimiter (cursor just after the opening one);
    /// returns the raw contents.
    pub fn read_delimited(&mut self, open: u8) -> PResult<Vec<u8>> {
        let close = closing(open);
        let start = self.pos;
        let mut depth = 0usize;
        let mut i = self.pos;
        loop {
            let Some(&c) = self.src.get(i) else {
                // perl quotes the terminator with `"`, or `'` when it is `"`.
                let q = if close == b'"' { '\'' } else { '"' };
                let msg = format!(
                    "Can't find string terminator {q}{}{q} anywhere before EOF",
                    close as char
                );
                return Err(self.error_at(start.saturating_sub(1), &msg, false));
            };
            // A backslash escapes, unless it is the delimiter (`qr\…\`).
            if c == b'\\' && close != b'\\' && i + 1 < self.src.len() {
                i += 2;
                continue;
            }
            if open != close && c == open {
                depth += 1;
            } else if c == close {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            i += 1;
        }
        let content = self.src[start..i].to_vec();
        self.pos = i + 1;
        Ok(content)
    }

    /// Single-quoted contents: only `\\` and `\DELIM` are escapes.
    fn unescape_single(&self, raw: &[u8], open: u8) -> Expr {
        let close = closing(open);
        let mut cps = Vec::with_capacity(raw.len());
        let mut i = 0;
        let utf8 = self.utf8_source();
        while i < raw.len() {
            let c = raw[i];
            if c == b'\\'
                && i + 1 < raw.len()
                && (raw[i + 1] == b'\\' || raw[i + 1] == open || raw[i + 1] == close)
            {
                cps.push(raw[i + 1] as u32);
                i += 2;
                continue;
            }
            if utf8 && c >= 0x80 {
                let (cp, n) = decode_utf8(raw, i);
                cps.push(cp);
                i += n;
            } else {
                cps.push(c as u32);
                i += 1;
            }
        }
        cps_to_str(&cps, utf8)
    }

    pub fn parse_q_string(&mut self, open: u8) -> PResult<Expr> {
        let raw = self.read_delimited(open)?;
        Ok(self.unescape_single(&raw, open))
    }

    pub fn parse_qq_string(&mut self, open: u8) -> PResult<Expr> {
        let line = self.cur_line();
        let raw = self.read_delimited(open)?;
        self.interpolate(&raw, line, Mode::Dq, Some(open))
    }

    /// The delimiter after `q`, `s`, … or None when the word is not a quote
    /// operator here (`s => 1`, `y = …`).
    fn quote_delim(&mut self) -> Option<u8> {
        let c = self.peek()?;
        if c == b'#' {
            self.pos += 1;
            return Some(c);
        }
        let save = self.pos;
        let had_ws = c.is_ascii_whitespace();
        self.skip_ws();
        let c = self.peek()?;
        if is_ident_char(c) && had_ws
            || c.is_ascii_whitespace()
            || (had_ws && matches!(c, b',' | b';'))
            || c == b')'
            || (c == b'=' && (had_ws || self.peek_at(1) == Some(b'>')))
        {
            self.pos = save;
            return None;
        }
        if is_ident_char(c) {
            self.pos = save;
            return None;
        }
        self.pos += 1;
        Some(c)
    }

    pub fn parse_quote_like(&mut self, word: &str) -> PResult<Option<Expr>> {
        let line = self.cur_line();
        let Some(open) = self.quote_delim() else {
            return Ok(None);
        };
        let e = match word {
            "q" => self.parse_q_string(open)?,
            "qq" => self.parse_qq_string(open)?,
            "qw" => {
                let raw = self.read_delimited(open)?;
                if self.prag.hints & crate::ast::hints::WARNINGS != 0
                    && raw.iter().any(|&c| c == b',' || c == b'#')
                {
                    self.qw_warnings(&raw);
                }
                let mut items = Vec::new();
                for w in raw
                    .split(|c| c.is_ascii_whitespace())
                    .filter(|w| !w.is_empty())
                {
                    items.push(self.unescape_single(w, open));
                }
                Expr::List(items)
            }
            "qx" => {
                let raw = self.read_delimited(open)?;
                let s = if open == b'\'' {
                    self.unescape_single(&raw, open)
                } else {
                    self.interpolate(&raw, line, Mode::Dq, Some(open))?
                };
                Expr::Func {
                    f: Func::Readpipe,
                    args: vec![s],
                }
            }
            "m" => self.parse_match(open, false)?,
            "qr" => self.parse_match(open, true)?,
            "s" => self.parse_subst(open)?,
            _ => self.parse_trans(open)?,
        };
        Ok(Some(e))
    }

    fn parse_re_flags(&mut self, allowed: &[u8]) -> PResult<ReFlags> {
        let mut f = ReFlags::default();
        while let Some(c) = self.peek() {
            if !allowed.contains(&c) {
                if c.is_ascii_alphanumeric() {
                    return Err(
                        self.error_msg(&format!("Unknown regexp modifier \"/{}\"", c as char))
                    );
                }
                break;
            }
            match c {
                b'i' => f.i = true,
                b'm' => f.m = true,
                b's' => f.s = true,
                b'x' => {
                    if f.x {
                        f.xx = true
                    }
                    f.x = true
                }
                b'g' => f.g = true,
                b'c' => f.c = true,
                b'o' => f.o = true,
                b'e' => f.e += 1,
                b'r' => f.r = true,
                b'n' => f.n = true,
                b'p' => f.p = true,
                b'a' => f.a = true,
                b'u' => f.u = true,
                _ => {}
            }
            self.pos += 1;
        }
        if self.prag.features & super::features::UNICODE_STRINGS != 0 {
            f.u = true;
        }
        Ok(f)
    }

    fn pattern_src(&mut self, raw: &[u8], open: u8, line: u32) -> PResult<Expr> {
        if open == b'\'' {
            return Ok(cps_to_str(
                &raw.iter().map(|&c| c as u32).collect::<Vec<_>>(),
                false,
            ));
        }
        self.interpolate(raw, line, Mode::Regex, Some(open))
    }

    /// `m…` / `/…/` / `qr…` after the opening delimiter.
    pub fn parse_match(&mut self, open: u8, qr: bool) -> PResult<Expr> {
        let line = self.cur_line();
        let raw = self.read_delimited(open).map_err(|mut e| {
            if !qr {
                e.message = "Search pattern not terminated".into();
            }
            e
        })?;
        let mut flags = self.parse_re_flags(if qr { b"msixpnoadlu" } else { b"msixpnogcadlu" })?;
        flags.once = !qr && open == b'?';
        self.pat_x = flags.x;
        let src = self.pattern_src(&raw, open, line)?;
        self.pat_x = false;
        let id = self.new_pattern_id();
        let pat = Pattern {
            src: Box::new(src),
            flags,
            id,
        };
        Ok(if qr {
            Expr::Qr(pat)
        } else {
            Expr::Match {
                target: None,
                pat,
                negate: false,
            }
        })
    }

    /// The second part of `s{…}{…}` / `tr[…][…]` or `s/…/…/`.
    fn read_second_part(&mut self, open: u8) -> PResult<(Vec<u8>, u8, u32)> {
        if open != closing(open) {
            self.skip_ws();
            let line = self.cur_line();
            let o2 = self
                .peek()
                .ok_or_else(|| self.error_msg("Substitution replacement not terminated"))?;
            self.pos += 1;
            Ok((self.read_delimited(o2)?, o2, line))
        } else {
            let line = self.cur_line();
            Ok((self.read_delimited(open)?, open, line))
        }
    }

    fn parse_subst(&mut self, open: u8) -> PResult<Expr> {
        let line = self.cur_line();
        let raw = self.read_delimited(open).map_err(|mut e| {
            e.message = "Substitution pattern not terminated".into();
            e
        })?;
        let (repl_raw, o2, rline) = self.read_second_part(open).map_err(|mut e| {
            e.message = "Substitution replacement not terminated".into();
            e.near = None;
            e
        })?;
        let flags = self.parse_re_flags(b"msixpnogcedrlua")?;
        self.pat_x = flags.x;
        let src = self.pattern_src(&raw, open, line)?;
        self.pat_x = false;
        let id = self.new_pattern_id();
        let repl = if flags.e > 0 {
            // As code, a backslashed delimiter is just the delimiter.
            let close = closing(o2);
            let mut code = Vec::with_capacity(repl_raw.len());
            let mut i = 0;
            while i < repl_raw.len() {
                let c = repl_raw[i];
                if c == b'\\' && i + 1 < repl_raw.len() {
                    let n = repl_raw[i + 1];
                    if n != o2 && n != close {
                        code.push(c);
                    }
                    code.push(n);
                    i += 2;
                    continue;
                }
                code.push(c);
                i += 1;
            }
            let saved = self.switch_to_buffer(code, rline);
            let r = self.parse_code_block_in_buffer();
            self.restore_buffer(saved);
            let code = Expr::DoBlock(Box::new(r?));
            if flags.e > 1 {
                let scope = Arc::new(self.visible_lexicals());
                Expr::EvalStr {
                    code: Box::new(code),
                    scope,
                    ours: Arc::new(self.visible_ours()),
                    package: self.package.clone(),
                    strict: self.prag.strict_vars as u8 | (self.prag.strict_subs as u8) << 1,
                    features: self.prag.features,
                    bytes: false,
                }
            } else {
                code
            }
        } else if o2 == b'\'' {
            self.unescape_single(&repl_raw, o2)
        } else {
            self.interpolate(&repl_raw, rline, Mode::Dq, Some(o2))?
        };
        Ok(Expr::Subst {
            target: None,
            pat: Pattern {
                src: Box::new(src),
                flags,
                id,
            },
            repl: Box::new(repl),
        })
    }

    /// Statements of a sub-buffer, as a block running in the current pad.
    fn parse_code_block_in_buffer(&mut self) -> PResult<Block> {
        self.push_scope();
        self.pending.push(Vec::new());
        self.local_flags.push(false);
        let r = self.parse_statements_until_end();
        let has_local = self.local_flags.pop().unwrap_or(false);
        self.pending.pop();
        self.pop_scope();
        let (stmts, labels) = r?;
        Ok(Block {
            stmts,
            has_local,
            my_slots: Vec::new(),
            labels,
        })
    }

    fn parse_trans(&mut self, open: u8) -> PResult<Expr> {
        let from_raw = self.read_delimited(open).map_err(|mut e| {
            e.message = "Transliteration pattern not terminated".into();
            e
        })?;
        let (to_raw, _, _) = self.read_second_part(open).map_err(|mut e| {
            e.message = "Transliteration replacement not terminated".into();
            e.near = None;
            e
        })?;
        let mut flags = TrFlags::default();
        while let Some(c) = self.peek() {
            match c {
                b'c' => flags.c = true,
                b'd' => flags.d = true,
                b's' => flags.s = true,
                b'r' => flags.r = true,
                _ => break,
            }
            self.pos += 1;
        }
        let from = self.expand_tr(&from_raw, open)?;
        let mut to = self.expand_tr(&to_raw, open)?;
        if !flags.c && !flags.d {
            if to.is_empty() {
                to = from.clone();
            } else if to.len() < from.len() {
                let last = *to.last().unwrap();
                to.resize(from.len(), last);
            }
        }
        Ok(Expr::Trans {
            target: None,
            from: Arc::from(from),
            to: Arc::from(to),
            flags,
        })
    }

    fn expand_tr(&self, raw: &[u8], open: u8) -> PResult<Vec<u32>> {
        let close = closing(open);
        let mut items: Vec<(u32, bool)> = Vec::new();
        let mut i = 0;
        let utf8 = self.utf8_source();
        while i < raw.len() {
            let c = raw[i];
            if c == b'\\' && i + 1 < raw.len() {
                let n = raw[i + 1];
                if n == b'-' || n == b'\\' || n == open || n == close {
                    items.push((n as u32, true));
                    i += 2;
                    continue;
                }
                let (cp, used) = self.dq_escape(raw, i + 1)?;
                items.push((cp.unwrap_or(n as u32), true));
                i = i + 1 + used;
                continue;
            }
            if utf8 && c >= 0x80 {
                let (cp, n) = decode_utf8(raw, i);
                items.push((cp, false));
                i += n;
            } else {
                items.push((c as u32, false));
                i += 1;
            }
        }
        let mut out = Vec::new();
        let mut k = 0;
        while k < items.len() {
            if k + 2 < items.len() && items[k + 1] == (b'-' as u32, false) {
                let (a, b) = (items[k].0, items[k + 2].0);
                if b < a {
                    return Err(self.error_msg(&format!(
                        "Invalid range \"{}-{}\" in transliteration operator",
                        char::from_u32(a).unwrap_or('?'),
                        char::from_u32(b).unwrap_or('?')
                    )));
                }
                if b - a > 0x10FFFF {
                    return Err(self.error_msg("Invalid range in transliteration operator"));
                }
                out.extend(a..=b);
                k += 3;
            } else {
                out.push(items[k].0);
                k += 1;
            }
        }
        Ok(out)
    }

    /// A double-quote escape: `s[i]` is the character after the backslash.
    /// Returns the code point (None: the character stands for itself) and
    /// the number of bytes used after the backslash.
    fn dq_escape(&self, s: &[u8], i: usize) -> PResult<(Option<u32>, usize)> {
        let n = s[i];
        Ok(match n {
            b't' => (Some(9), 1),
            b'n' => (Some(10), 1),
            b'r' => (Some(13), 1),
            b'f' => (Some(12), 1),
            b'b' => (Some(8), 1),
            b'a' => (Some(7), 1),
            b'e' => (Some(27), 1),
            b'0'..=b'7' => {
                let mut v = 0u32;
                let mut k = 0;
                while k < 3 && i + k < s.len() && (b'0'..=b'7').contains(&s[i + k]) {
                    v = v * 8 + (s[i + k] - b'0') as u32;
                    k += 1;
                }
                (Some(v), k)
            }
            b'o' if s.get(i + 1) == Some(&b'{') => {
                let end = s[i..].iter().position(|&c| c == b'}').map(|e| i + e);
                let Some(end) = end else {
                    return Err(self.error_msg("Missing right brace on \\o{"));
                };
                let digits: String = s[i + 2..end]
                    .iter()
                    .filter(|c| !c.is_ascii_whitespace() && **c != b'_')
                    .map(|&c| c as char)
                    .collect();
                (
                    Some(u32::from_str_radix(&digits, 8).unwrap_or(0)),
                    end + 1 - i,
                )
            }
            b'x' => {
                if s.get(i + 1) == Some(&b'{') {
                    let end = s[i..].iter().position(|&c| c == b'}').map(|e| i + e);
                    let Some(end) = end else {
                        return Err(self.error_msg("Missing right brace on \\x{}"));
                    };
                    let digits: String = s[i + 2..end]
                        .iter()
                        .filter(|c| c.is_ascii_hexdigit())
                        .map(|&c| c as char)
                        .collect();
                    let v = u32::from_str_radix(&digits, 16)
                        .unwrap_or(0)
                        .min(0x7FFF_FFFF);
                    (Some(v), end + 1 - i)
                } else {
                    let mut v = 0u32;
                    let mut k = 1;
                    while k < 3 && i + k < s.len() && s[i + k].is_ascii_hexdigit() {
                        v = v * 16 + (s[i + k] as char).to_digit(16).unwrap_or(0);
                        k += 1;
                    }
                    (Some(v), k)
                }
            }
            b'c' => {
                let Some(&x) = s.get(i + 1) else {
                    return Ok((Some(b'c' as u32), 1));
                };
                (Some((x.to_ascii_uppercase() ^ 64) as u32), 2)
            }
            b'N' if s.get(i + 1) == Some(&b'{') => {
                let end = s[i..].iter().position(|&c| c == b'}').map(|e| i + e);
                let Some(end) = end else {
                    return Err(self.error_msg("Missing right brace on \\N{}"));
                };
                let name = String::from_utf8_lossy(&s[i + 2..end]).into_owned();
                if let Some(hex) = name.strip_prefix("U+") {
                    let v = u32::from_str_radix(hex.trim(), 16).unwrap_or(0xFFFD);
                    (Some(v), end + 1 - i)
                } else if let Some(v) = crate::charnames::lookup(&name) {
                    (Some(v), end + 1 - i)
                } else {
                    return Err(self.error_msg(&format!("Unknown charname '{}'", name)));
                }
            }
            _ => (None, 1),
        })
    }

    /// Interpolate `content` (from source line `line`).
    pub fn interpolate(
        &mut self,
        content: &[u8],
        line: u32,
        mode: Mode,
        delim: Option<u8>,
    ) -> PResult<Expr> {
        // fast path: nothing to interpolate or unescape
        if mode == Mode::Dq
            && !content
                .iter()
                .any(|&c| c == b'$' || c == b'@' || c == b'\\')
        {
            let cps: Vec<u32> = if self.utf8_source() {
                let mut v = Vec::new();
                let mut i = 0;
                while i < content.len() {
                    let (cp, n) = decode_utf8(content, i);
                    v.push(cp);
                    i += n;
                }
                v
            } else {
                content.iter().map(|&c| c as u32).collect()
            };
            return Ok(cps_to_str(&cps, self.utf8_source()));
        }
        // An escaped delimiter means the delimiter itself, also inside code
        // such as `"$h{\"key\"}"`; in literal text the result is the same.
        let mut buf = content.to_vec();
        if let (Mode::Dq, Some(o)) = (mode, delim) {
            let c = closing(o);
            if !o.is_ascii_alphanumeric()
                && content
                    .windows(2)
                    .any(|w| w[0] == b'\\' && (w[1] == o || w[1] == c))
            {
                buf.clear();
                let mut i = 0;
                while i < content.len() {
                    if content[i] == b'\\' && i + 1 < content.len() {
                        let n = content[i + 1];
                        if n != o && n != c {
                            buf.push(b'\\');
                        }
                        buf.push(n);
                        i += 2;
                    } else {
                        buf.push(content[i]);
                        i += 1;
                    }
                }
            }
        }
        let saved = self.switch_to_buffer(buf, line);
        let r = self.interp_loop(mode, delim);
        self.restore_buffer(saved);
        r
    }

    fn interp_loop(&mut self, mode: Mode, delim: Option<u8>) -> PResult<Expr> {
        let utf8 = self.utf8_source();
        let mut frames: Vec<Frame> = vec![Frame {
            func: None,
            oneshot: false,
            parts: Vec::new(),
        }];
        let mut lit: Vec<u32> = Vec::new();
        let (open, close) = match delim {
            Some(o) => (o, closing(o)),
            None => (0, 0),
        };
        fn flush(lit: &mut Vec<u32>, frames: &mut [Frame], utf8: bool) {
            if !lit.is_empty() {
                let s = cps_to_str(lit, utf8);
                frames.last_mut().unwrap().parts.push(s);
                lit.clear();
            }
        }
        fn close_frame(frames: &mut Vec<Frame>) {
            if frames.len() < 2 {
                return;
            }
            let f = frames.pop().unwrap();
            let inner = if f.parts.len() == 1 {
                f.parts.into_iter().next().unwrap()
            } else {
                Expr::Interp(f.parts)
            };
            frames.last_mut().unwrap().parts.push(Expr::Func {
                f: f.func.unwrap(),
                args: vec![inner],
            });
        }
        // Under /x, `#` outside a character class starts a comment that
        // runs to the end of the line: nothing in it is interpolated.
        let extended = mode == Mode::Regex && std::mem::take(&mut self.pat_x);
        let mut in_class = false;
        while self.pos < self.src.len() {
            let c = self.src[self.pos];
            if extended {
                if in_class {
                    if c == b']' {
                        in_class = false;
                    }
                } else if c == b'[' {
                    in_class = true;
                    // `[]…]` and `[^]…]`: a leading `]` is literal.
                    let mut k = self.pos + 1;
                    if self.src.get(k) == Some(&b'^') {
                        k += 1;
                    }
                    if self.src.get(k) == Some(&b']') {
                        for &b in &self.src[self.pos..=k] {
                            lit.push(b as u32);
                        }
                        self.pos = k + 1;
                        continue;
                    }
                } else if c == b'#' {
                    while self.pos < self.src.len() && self.src[self.pos] != b'\n' {
                        if utf8 && self.src[self.pos] >= 0x80 {
                            let (cp, k) = decode_utf8(&self.src, self.pos);
                            lit.push(cp);
                            self.pos += k;
                        } else {
                            lit.push(self.src[self.pos] as u32);
                            self.pos += 1;
                        }
                    }
                    continue;
                }
            }
            if c == b'\\' && self.pos + 1 < self.src.len() {
                let n = self.src[self.pos + 1];
                // case modifiers apply in strings and patterns alike
                let cm = match n {
                    b'U' => Some((Func::Uc, false)),
                    b'L' => Some((Func::Lc, false)),
                    b'Q' => Some((Func::Quotemeta, false)),
                    b'F' => Some((Func::Fc, false)),
                    b'u' => Some((Func::Ucfirst, true)),
                    b'l' => Some((Func::Lcfirst, true)),
                    _ => None,
                };
                if let Some((f, oneshot)) = cm {
                    flush(&mut lit, &mut frames, utf8);
                    self.pos += 2;
                    // `\L…\U…` ends the `\L` (and what is inside it) first.
                    if matches!(f, Func::Uc | Func::Lc | Func::Fc) {
                        while frames
                            .iter()
                            .skip(1)
                            .any(|fr| matches!(fr.func, Some(Func::Uc | Func::Lc | Func::Fc)))
                        {
                            close_frame(&mut frames);
                        }
                    }
                    // `\L\u` means `\u\L`
                    if !oneshot
                        && (self.rest().starts_with(b"\\u") || self.rest().starts_with(b"\\l"))
                    {
                        let f2 = if self.src[self.pos + 1] == b'u' {
                            Func::Ucfirst
                        } else {
                            Func::Lcfirst
                        };
                        self.pos += 2;
                        frames.push(Frame {
                            func: Some(f2),
                            oneshot: true,
                            parts: Vec::new(),
                        });
                    }
                    frames.push(Frame {
                        func: Some(f),
                        oneshot,
                        parts: Vec::new(),
                    });
                    continue;
                }
                if n == b'E' {
                    flush(&mut lit, &mut frames, utf8);
                    if frames.len() == 1
                        && self.prag.hints & crate::ast::hints::WARNINGS != 0
                        && self.prag.hints & crate::ast::hints::NO_WARN_OTHER == 0
                    {
                        self.compile_warning(self.pos, "Useless use of \\E");
                    }
                    self.pos += 2;
                    while frames.len() > 1 && frames.last().unwrap().oneshot {
                        close_frame(&mut frames);
                    }
                    close_frame(&mut frames);
                    continue;
                }
                if mode == Mode::Regex {
                    if delim.is_some() && (n == open || n == close) && !is_regex_meta(n) {
                        lit.push(n as u32);
                    } else {
                        lit.push(b'\\' as u32);
                        if utf8 && n >= 0x80 {
                            let (cp, k) = decode_utf8(&self.src, self.pos + 1);
                            lit.push(cp);
                            self.pos += 1 + k;
                            continue;
                        }
                        lit.push(n as u32);
                    }
                    self.pos += 2;
                    continue;
                }
                let src = std::mem::take(&mut self.src);
                let r = self.dq_escape(&src, self.pos + 1);
                self.src = src;
                let (cp, used) = r?;
                match cp {
                    Some(cp) => lit.push(cp),
                    None => {
                        if utf8 && n >= 0x80 {
                            let (cp, k) = decode_utf8(&self.src, self.pos + 1);
                            lit.push(cp);
                            self.pos += 1 + k;
                            continue;
                        }
                        lit.push(n as u32);
                    }
                }
                self.pos += 1 + used;
                continue;
            }
            if c == b'$' {
                let save = self.pos;
                if let Some(e) = self.interp_scalar(mode)? {
                    flush(&mut lit, &mut frames, utf8);
                    frames.last_mut().unwrap().parts.push(e);
                    continue;
                }
                self.pos = save + 1;
                lit.push(b'$' as u32);
                continue;
            }
            if c == b'@' {
                let save = self.pos;
                if let Some(e) = self.interp_array(mode)? {
                    flush(&mut lit, &mut frames, utf8);
                    frames
                        .last_mut()
                        .unwrap()
                        .parts
                        .push(Expr::JoinList(Box::new(e)));
                    continue;
                }
                self.pos = save + 1;
                lit.push(b'@' as u32);
                continue;
            }
            if utf8 && c >= 0x80 {
                let (cp, k) = decode_utf8(&self.src, self.pos);
                lit.push(cp);
                self.pos += k;
            } else {
                lit.push(c as u32);
                self.pos += 1;
            }
        }
        flush(&mut lit, &mut frames, utf8);
        while frames.len() > 1 {
            close_frame(&mut frames);
        }
        let mut parts = frames.pop().unwrap().parts;
        Ok(match parts.len() {
            0 => cps_to_str(&[], false),
            1 if matches!(parts[0], Expr::Str { .. } | Expr::Func { .. }) => parts.pop().unwrap(),
            _ => Expr::Interp(parts),
        })
    }

    /// Does a `[` at the cursor start an array subscript (rather than a
    /// character class or literal bracket)?
    fn interp_bracket_is_subscript(&self, mode: Mode) -> bool {
        let s = &self.src[self.pos + 1..];
        match mode {
            // Outside patterns perl always takes `[` as a subscript.
            Mode::Dq => !matches!(s.first(), Some(b']') | None),
            Mode::Regex => {
                let mut i = 0;
                if s.first() == Some(&b'-') {
                    i += 1;
                }
                if s.get(i) == Some(&b'$') {
                    i += 1;
                    if !s.get(i).is_some_and(|&c| is_ident_start(c)) {
                        return false;
                    }
                    while s.get(i).is_some_and(|&c| is_ident_char(c)) {
                        i += 1;
                    }
                } else {
                    let d = i;
                    while s.get(i).is_some_and(|c| c.is_ascii_digit()) {
                        i += 1;
                    }
                    if i == d {
                        return false;
                    }
                }
                s.get(i) == Some(&b']')
            }
        }
    }

    fn interp_brace_is_subscript(&self, mode: Mode) -> bool {
        match mode {
            Mode::Dq => true,
            Mode::Regex => {
                let n = self.src.get(self.pos + 1).copied().unwrap_or(b'}');
                !(n.is_ascii_digit() || n == b',' || n == b'}')
            }
        }
    }

    /// Subscripts after an interpolated variable: `[…]`, `{…}`, `->[…]`,
    /// `->{…}`, chained.
    fn interp_subscripts(&mut self, mut e: Expr, mode: Mode, mut chained: bool) -> PResult<Expr> {
        loop {
            let arrow = self.rest().starts_with(b"->");
            let at = if arrow { self.pos + 2 } else { self.pos };
            let c = self.src.get(at).copied().unwrap_or(0);
            if !arrow && !chained {
                return Ok(e);
            }
            let save = self.pos;
            self.pos = at;
            if c == b'[' && self.interp_bracket_is_subscript(mode) {
                self.pos += 1;
                let idx = self.parse_bracket_list(b']')?;
                e = Expr::Index {
                    array: ArrayPlace::Deref(Box::new(e)),
                    index: Box::new(idx),
                };
            } else if c == b'{' && self.interp_brace_is_subscript(mode) {
                self.pos += 1;
                let k = self.parse_hash_key_inner()?;
                e = Expr::Elem {
                    hash: HashPlace::Deref(Box::new(e)),
                    key: Box::new(k),
                };
            } else if arrow
                && c == b'@'
                && self.src.get(at + 1) == Some(&b'*')
                && self.prag.features & super::features::POSTDEREF_QQ != 0
            {
                self.pos += 2;
                return Ok(Expr::JoinList(Box::new(Expr::ArrayDeref(Box::new(e)))));
            } else if arrow
                && c == b'@'
                && matches!(self.src.get(at + 1), Some(b'[' | b'{'))
                && self.prag.features & super::features::POSTDEREF_QQ != 0
            {
                let open = self.src[at + 1];
                self.pos += 2;
                let slice = if open == b'[' {
                    let idx = self.parse_bracket_list(b']')?;
                    Expr::Slice {
                        array: ArrayPlace::Deref(Box::new(e)),
                        indices: Box::new(idx),
                    }
                } else {
                    let k = self.parse_slice_keys_inner()?;
                    Expr::HashSlice {
                        hash: HashPlace::Deref(Box::new(e)),
                        keys: Box::new(k),
                    }
                };
                return Ok(Expr::JoinList(Box::new(slice)));
            } else if arrow
                && self.src[at..].starts_with(b"$#*")
                && self.prag.features & super::features::POSTDEREF_QQ != 0
            {
                self.pos += 3;
                return Ok(Expr::LastIndex(ArrayPlace::Deref(Box::new(e))));
            } else {
                self.pos = save;
                return Ok(e);
            }
            chained = true;
        }
    }

    /// `$…` inside a string; None when the `$` is literal.
    fn interp_scalar(&mut self, mode: Mode) -> PResult<Option<Expr>> {
        let start = self.pos;
        let n = self.src.get(self.pos + 1).copied().unwrap_or(0);
        let n2 = self.src.get(self.pos + 2).copied().unwrap_or(0);
        let named = is_ident_start(n)
            || (n == b':'
                && n2 == b':'
                && self
                    .src
                    .get(self.pos + 3)
                    .is_some_and(|&c| is_ident_start(c)));
        if named || n.is_ascii_digit() {
            self.pos += 1;
            let name = self.scan_var_name(false).unwrap_or_default();
            let e = match self.src.get(self.pos) {
                Some(b'[') if self.interp_bracket_is_subscript(mode) => {
                    self.pos += 1;
                    let array = self.array_place(&name, start)?;
                    let idx = self.parse_bracket_list(b']')?;
                    let e = Expr::Index {
                        array,
                        index: Box::new(idx),
                    };
                    return Ok(Some(self.interp_subscripts(e, mode, true)?));
                }
                Some(b'{') if self.interp_brace_is_subscript(mode) => {
                    self.pos += 1;
                    let hash = self.hash_place(&name, start)?;
                    let key = self.parse_hash_key_inner()?;
                    let e = Expr::Elem {
                        hash,
                        key: Box::new(key),
                    };
                    return Ok(Some(self.interp_subscripts(e, mode, true)?));
                }
                _ => self.scalar_var(&name, start)?,
            };
            return Ok(Some(self.interp_subscripts(e, mode, false)?));
        }
        match n {
            b'{' => {
                if n2 == b'^' {
                    self.pos += 1;
                    let name = self.scan_var_name(false).unwrap_or_default();
                    return Ok(Some(self.scalar_var(&name, start)?));
                }
                if let Some((name, end)) = self.braced_ident(self.pos + 1) {
                    // `"${name}[1]"`: the braces end the variable; what
                    // follows is not a subscript.
                    if mode == Mode::Dq {
                        self.pos = end;
                        return Ok(Some(self.scalar_var(&name, start)?));
                    }
                }
                let e = self.parse_scalar_term()?;
                let chained = matches!(e, Expr::Index { .. } | Expr::Elem { .. });
                Ok(Some(self.interp_subscripts(e, mode, chained)?))
            }
            b'$' if is_ident_start(n2) || n2 == b'{' || n2 == b'$' => {
                let e = self.parse_scalar_term()?;
                let chained = matches!(e, Expr::Index { .. } | Expr::Elem { .. });
                Ok(Some(self.interp_subscripts(e, mode, chained)?))
            }
            b'#' if mode == Mode::Dq
                && (is_ident_start(n2) || matches!(n2, b'{' | b'$' | b'-' | b'+')) =>
            {
                Ok(Some(self.parse_scalar_term()?))
            }
            b'^' if mode == Mode::Dq && n2.is_ascii_uppercase() => {
                self.pos += 1;
                let name = self.scan_var_name(false).unwrap_or_default();
                Ok(Some(self.scalar_var(&name, start)?))
            }
            _ if mode == Mode::Dq
                && n != 0
                && (b"&`'+!@/\\,;.<>$0]|?~=%:-".contains(&n)
                    || n == b'^' && !b"[]^_?\\".contains(&n2)) =>
            {
                self.pos += 2;
                let name = (n as char).to_string();
                if matches!(n, b'+' | b'-') && n2 == b'[' {
                    self.pos += 1;
                    let array = self.array_place(&name, start)?;
                    let idx = self.parse_bracket_list(b']')?;
                    return Ok(Some(Expr::Index {
                        array,
                        index: Box::new(idx),
                    }));
                }
                if matches!(n, b'+' | b'-') && self.src.get(self.pos) == Some(&b'{') {
                    self.pos += 1;
                    let hash = self.hash_place(&name, start)?;
                    let key = self.parse_hash_key_inner()?;
                    return Ok(Some(Expr::Elem {
                        hash,
                        key: Box::new(key),
                    }));
                }
                let e = self.scalar_var(&name, start)?;
                Ok(Some(self.interp_subscripts(e, mode, false)?))
            }
            b'&' if mode == Mode::Regex => Ok(None),
            _ => Ok(None),
        }
    }

    /// `@…` inside a string; None when the `@` is literal.
    fn interp_array(&mut self, mode: Mode) -> PResult<Option<Expr>> {
        let start = self.pos;
        let n = self.src.get(self.pos + 1).copied().unwrap_or(0);
        let n2 = self.src.get(self.pos + 2).copied().unwrap_or(0);
        let named = is_ident_start(n) || (n == b':' && n2 == b':');
        if mode == Mode::Dq && matches!(n, b'-' | b'+') {
            // `@-` and `@+` are the only punctuation arrays perl interpolates.
            self.pos += 2;
            let name = (n as char).to_string();
            return Ok(Some(super::expr::array_expr(
                self.array_place(&name, start)?,
            )));
        }
        if !(named || n == b'{' || (n == b'$' && (is_ident_start(n2) || n2 == b'{'))) {
            return Ok(None);
        }
        if named {
            self.pos += 1;
            let name = self.scan_var_name(false).unwrap_or_default();
            let hash =
                self.src.get(self.pos) == Some(&b'{') && self.interp_brace_is_subscript(mode);
            self.check_unintended_interpolation(&name, hash, start);
            return Ok(Some(match self.src.get(self.pos) {
                Some(b'[')
                    if self.interp_bracket_is_subscript(mode)
                        || mode == Mode::Dq
                            && self.src.get(self.pos + 1).is_some_and(|c| *c != b']') =>
                {
                    self.pos += 1;
                    let array = self.array_place(&name, start)?;
                    let idx = self.parse_bracket_list(b']')?;
                    if mode == Mode::Dq {
                        self.scalar_slice_warning(&name, '[', ']', &idx, start);
                    }
                    Expr::Slice {
                        array,
                        indices: Box::new(idx),
                    }
                }
                Some(b'{') if self.interp_brace_is_subscript(mode) => {
                    self.pos += 1;
                    let hash = self.hash_place(&name, start)?;
                    let k = self.parse_slice_keys_inner()?;
                    if mode == Mode::Dq {
                        self.scalar_slice_warning(&name, '{', '}', &k, start);
                    }
                    Expr::HashSlice {
                        hash,
                        keys: Box::new(k),
                    }
                }
                _ => super::expr::array_expr(self.array_place(&name, start)?),
            }));
        }
        if mode == Mode::Dq && n == b'{' {
            if let Some((name, end)) = self.braced_ident(self.pos + 1) {
                self.pos = end;
                return Ok(Some(super::expr::array_expr(
                    self.array_place(&name, start)?,
                )));
            }
        }
        Ok(Some(self.parse_array_term()?))
    }

    /// perl's "Possible unintended interpolation of @name in string" for a
    /// package array (or hash, for a slice) not seen before in the code.
    fn check_unintended_interpolation(&mut self, name: &str, hash: bool, pos: usize) {
        use crate::ast::hints;
        if self.prag.hints & hints::WARNINGS == 0 || self.prag.hints & hints::NO_WARN_OTHER != 0 {
            return;
        }
        let sigil = if hash { '%' } else { '@' };
        if !name.contains("::") && self.lookup(&format!("{sigil}{name}")).is_some() {
            return;
        }
        let special = if hash {
            matches!(
                name,
                "ENV" | "INC" | "SIG" | "main::ENV" | "main::INC" | "main::SIG"
            )
        } else {
            matches!(
                name,
                "ARGV" | "INC" | "_" | "ISA" | "main::ARGV" | "main::INC" | "main::ISA"
            )
        };
        if special {
            return;
        }
        let fq = self.qualify(name);
        if self.seen_containers.contains(&format!("{sigil}{fq}"))
            || self.declared_globals.contains(&format!("{sigil}{fq}"))
        {
            return;
        }
        self.compile_warning(
            pos,
            &format!("Possible unintended interpolation of {sigil}{name} in string"),
        );
    }

    /// `{ name }` at `open` (a plain identifier in braces): the name and
    /// the position after the `}`.
    fn braced_ident(&self, open: usize) -> Option<(String, usize)> {
        let src = &self.src;
        let mut i = open + 1;
        while matches!(src.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        let (name, end) = self.scan_ident_at(i)?;
        let mut j = end;
        while matches!(src.get(j), Some(b' ' | b'\t')) {
            j += 1;
        }
        (src.get(j) == Some(&b'}')).then(|| (name, j + 1))
    }

    /// `<<"EOT"`, `<<'EOT'`, `<<EOT`, `<<~EOT` (cursor after `<<`).
    pub fn parse_heredoc(&mut self) -> PResult<Expr> {
        let op_pos = self.pos - 2;
        let indent = if self.peek() == Some(b'~') {
            self.pos += 1;
            true
        } else {
            false
        };
        while self.peek() == Some(b' ')
            && matches!(self.src.get(self.pos + 1), Some(b' ' | b'"' | b'\''))
        {
            self.pos += 1;
        }
        let (term, kind) = match self.peek() {
            Some(q @ (b'"' | b'\'' | b'`')) => {
                self.pos += 1;
                let start = self.pos;
                while self.peek().is_some_and(|c| c != q && c != b'\n') {
                    self.pos += 1;
                }
                if self.peek() != Some(q) {
                    return Err(self.syntax_error_at(op_pos));
                }
                let t = self.src[start..self.pos].to_vec();
                self.pos += 1;
                (t, q)
            }
            Some(c) if is_ident_start(c) => {
                let start = self.pos;
                while self.peek().is_some_and(is_ident_char) {
                    self.pos += 1;
                }
                (self.src[start..self.pos].to_vec(), b'"')
            }
            _ => return Err(self.syntax_error_at(op_pos)),
        };
        let not_found = || {
            let msg = format!(
                "Can't find string terminator \"{}\" anywhere before EOF",
                String::from_utf8_lossy(&term)
            );
            self.error_at(op_pos, &msg, false)
        };
        let Some(nl) = self
            .rest()
            .iter()
            .position(|&c| c == b'\n')
            .map(|e| self.pos + e)
        else {
            return Err(not_found());
        };
        let skip_idx = self.skips.iter().position(|&(s, _)| s == nl + 1);
        let body_start = match skip_idx {
            Some(k) => self.skips[k].1,
            None => nl + 1,
        };
        let mut ls = body_start;
        let mut found: Option<(usize, usize, Vec<u8>)> = None;
        while ls < self.src.len() {
            let le = self.src[ls..]
                .iter()
                .position(|&c| c == b'\n')
                .map(|e| ls + e)
                .unwrap_or(self.src.len());
            let mut line = &self.src[ls..le];
            if line.last() == Some(&b'\r') {
                line = &line[..line.len() - 1];
            }
            let ws_len = if indent {
                line.iter()
                    .take_while(|c| **c == b' ' || **c == b'\t')
                    .count()
            } else {
                0
            };
            if line[ws_len..] == term[..] {
                found = Some((ls, (le + 1).min(self.src.len()), line[..ws_len].to_vec()));
                break;
            }
            ls = le + 1;
        }
        let Some((body_end, after, ws)) = found else {
            return Err(not_found());
        };
        match skip_idx {
            Some(k) => self.skips[k].1 = after,
            None => self.skips.push((nl + 1, after)),
        }
        let mut body = self.src[body_start..body_end].to_vec();
        if indent && !ws.is_empty() {
            let mut out = Vec::with_capacity(body.len());
            for line in body.split_inclusive(|&c| c == b'\n') {
                if line.starts_with(&ws) {
                    out.extend_from_slice(&line[ws.len()..]);
                } else {
                    let k = line
                        .iter()
                        .take_while(|c| **c == b' ' || **c == b'\t')
                        .count();
                    out.extend_from_slice(&line[k..]);
                }
            }
            body = out;
        }
        let line = self.line_of(body_start);
        let s = match kind {
            b'\'' => {
                let cps: Vec<u32> = body.iter().map(|&c| c as u32).collect();
                if self.utf8_source() {
                    let st = String::from_utf8_lossy(&body).into_owned();
                    cps_to_str(&st.chars().map(|c| c as u32).collect::<Vec<_>>(), true)
                } else {
                    cps_to_str(&cps, false)
                }
            }
            _ => self.interpolate(&body, line, Mode::Dq, None)?,
        };
        if kind == b'`' {
            return Ok(Expr::Func {
                f: Func::Readpipe,
                args: vec![s],
            });
        }
        Ok(s)
    }
}

#[allow(dead_code)]
fn _unused() -> Expr {
    underscore()
}

impl Parser {
    /// perl's warnings for commas and `#` inside `qw()`, each at most once,
    /// in the order they first appear.
    #[cold]
    fn qw_warnings(&self, raw: &[u8]) {
        let (mut comma, mut comment) = (false, false);
        for &c in raw {
            if c == b',' && !comma {
                comma = true;
                self.compile_warning(self.pos, "Possible attempt to separate words with commas");
            } else if c == b'#' && !comment {
                comment = true;
                self.compile_warning(self.pos, "Possible attempt to put comments in qw() list");
            }
        }
    }
}
