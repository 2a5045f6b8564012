//! Perl regular expressions on top of PCRE2, plus `tr///` and `quotemeta`.
//!
//! A pattern is translated once (see `translate`) and compiled lazily in up
//! to six PCRE2 variants, one per matching mode, each optionally with the
//! "not empty at the start offset" restriction that perl's `//g` needs after
//! a zero-length match:
//! - byte mode: perl's native 8-bit semantics (ASCII rules for `\w`, `/i` …
//!   on bytes above 0x7F), for an 8-bit pattern against an 8-bit subject;
//! - Latin-1 mode (byte mode with UCP): Unicode rules on an 8-bit subject,
//!   when the pattern asks for them (utf8 pattern, `/a`, `(?u)` …) but names
//!   no character above 0xFF, so the subject needs no upgrade;
//! - UTF mode with UCP: for utf8 subjects, and for patterns with characters
//!   above 0xFF (an 8-bit subject is then upgraded and offsets mapped back).

mod blocks;
pub mod tr;
pub mod translate;

#[cfg(test)]
mod tests;

use crate::ast::ReFlags;
use pcre2::bytes::{CaptureLocations, Regex as PcreRegex, RegexBuilder};
use std::sync::{Mutex, OnceLock};

pub use tr::Trans;

/// Largest JIT stack a match may grow; it is reserved lazily, so a big limit
/// only costs address space, and it keeps deep backtracking from failing
/// where perl would succeed.
const JIT_STACK_MAX: usize = 64 << 20;

/// Matching modes; a variant's index is `mode * 2 + notempty`.
const M_BYTE: usize = 0;
const M_LATIN: usize = 1;
const M_UNI: usize = 2;

struct Variant {
    re: PcreRegex,
    /// Reused match data; `try_lock` failure (re-entrant use) falls back to a
    /// fresh one.
    locs: Mutex<Option<CaptureLocations>>,
}

/// Latin-1 subject upgraded to UTF-8 for a UTF-mode match, kept so that a
/// `//g` loop over the same string converts it once.
struct Upgrade {
    orig: Vec<u8>,
    up: Vec<u8>,
    /// `ckpt[k]`: offset in `up` of byte `k * CKPT` of `orig`.
    ckpt: Vec<usize>,
}

const CKPT: usize = 64;

impl Upgrade {
    fn new(orig: &[u8]) -> Upgrade {
        let mut up = Vec::with_capacity(orig.len() + orig.len() / 8);
        let mut ckpt = Vec::with_capacity(orig.len() / CKPT + 1);
        for (i, &b) in orig.iter().enumerate() {
            if i % CKPT == 0 {
                ckpt.push(up.len());
            }
            push_utf8(&mut up, b as u32);
        }
        if orig.len().is_multiple_of(CKPT) {
            ckpt.push(up.len());
        }
        Upgrade {
            orig: orig.to_vec(),
            up,
            ckpt,
        }
    }

    fn to_up(&self, o: usize) -> usize {
        let k = o / CKPT;
        let base = k * CKPT;
        self.ckpt[k] + (o - base) + self.orig[base..o].iter().filter(|&&b| b >= 0x80).count()
    }

    fn to_orig(&self, u: usize) -> usize {
        let k = self.ckpt.partition_point(|&c| c <= u).saturating_sub(1);
        let mut o = k * CKPT;
        let mut p = self.ckpt[k];
        while p < u && o < self.orig.len() {
            p += if self.orig[o] >= 0x80 { 2 } else { 1 };
            o += 1;
        }
        o
    }
}

/// Appends the UTF-8 encoding of `cp` (perl's lax form: any value up to
/// 0x7FFFFFFF, surrogates included).
pub fn push_utf8(out: &mut Vec<u8>, cp: u32) {
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.push(0xC0 | (cp >> 6) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else if cp < 0x10000 {
        out.push(0xE0 | (cp >> 12) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else if cp < 0x200000 {
        out.push(0xF0 | (cp >> 18) as u8);
        out.push(0x80 | ((cp >> 12) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else if cp < 0x4000000 {
        out.push(0xF8 | (cp >> 24) as u8);
        out.push(0x80 | ((cp >> 18) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 12) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else {
        out.push(0xFC | ((cp >> 30) & 0x01) as u8);
        out.push(0x80 | ((cp >> 24) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 18) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 12) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    }
}

/// Upgrades a Latin-1 byte string to UTF-8 (perl's `utf8::upgrade`).
pub fn upgrade_latin1(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() + s.len() / 4);
    for &b in s {
        push_utf8(&mut out, b as u32);
    }
    out
}

/// A compiled Perl regex.
pub struct Regex {
    src: Vec<u8>,
    src_utf8: bool,
    flags: ReFlags,
    /// Pattern requires Unicode rules whatever the subject.
    unicode: bool,
    /// Pattern can only be compiled in UTF mode.
    needs_utf: bool,
    /// The pattern contains a character above 0xFF.
    wide: bool,
    body: String,
    posmap: Vec<(usize, usize)>,
    /// Indexed by `mode * 2 + notempty`.
    variants: [OnceLock<Result<Variant, String>>; 6],
    ncaps: usize,
    names: Vec<(String, Vec<usize>)>,
    upgrade: Mutex<Option<Upgrade>>,
    /// Per group (index 0 unused): offset of its `)` in `body`, for `$^N`.
    close_pos: OnceLock<Vec<usize>>,
    gpos: bool,
}

impl std::fmt::Debug for Regex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Regex({:?} => {:?})",
            String::from_utf8_lossy(&self.src),
            self.body
        )
    }
}

/// The result of a successful match: byte offsets into the subject as the
/// caller passed it, for group 0 (the whole match) through `capture_count()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captures {
    offsets: Vec<Option<(usize, usize)>>,
}

impl Captures {
    /// Offsets of group `i` (0 = whole match); `None` if it did not take part.
    pub fn get(&self, i: usize) -> Option<(usize, usize)> {
        self.offsets.get(i).copied().flatten()
    }
    /// Number of groups including group 0.
    pub fn len(&self) -> usize {
        self.offsets.len()
    }
    pub fn is_empty(&self) -> bool {
        self.offsets.is_empty()
    }
    pub fn start(&self) -> usize {
        self.get(0).map_or(0, |m| m.0)
    }
    pub fn end(&self) -> usize {
        self.get(0).map_or(0, |m| m.1)
    }
    pub fn offsets(&self) -> &[Option<(usize, usize)>] {
        &self.offsets
    }
    /// `$+`: the highest-numbered group that participated.
    pub fn last_paren(&self) -> Option<usize> {
        (1..self.offsets.len())
            .rev()
            .find(|&i| self.offsets[i].is_some())
    }
}

/// Compiles a Perl pattern (already interpolated) with native rules: an
/// 8-bit pattern matched against an 8-bit subject uses ASCII rules for
/// characters above 0x7F, as perl does without `use feature 'unicode_strings'`.
pub fn compile(pattern: &[u8], utf8: bool, flags: &ReFlags) -> Result<Regex, String> {
    compile_with(pattern, utf8, flags, flags.u)
}

/// Like `compile`; `unicode_rules` forces Unicode semantics even for
/// 8-bit strings (perl's `/u`, `use feature 'unicode_strings'`, `use utf8`).
pub fn compile_with(
    pattern: &[u8],
    utf8: bool,
    flags: &ReFlags,
    unicode_rules: bool,
) -> Result<Regex, String> {
    let tr = translate::translate(pattern, utf8, flags.x || flags.xx)
        .map_err(|e| format_error(&e.msg, pattern, utf8, e.at))?;
    let unicode = utf8 || tr.wide || tr.unicode_flag || tr.force_utf || flags.a || unicode_rules;
    let mut re = Regex {
        src: pattern.to_vec(),
        src_utf8: utf8,
        flags: *flags,
        unicode,
        needs_utf: tr.wide || tr.force_utf,
        wide: tr.wide,
        body: tr.body,
        posmap: tr.posmap,
        variants: Default::default(),
        ncaps: 0,
        names: Vec::new(),
        upgrade: Mutex::new(None),
        close_pos: OnceLock::new(),
        gpos: tr.gpos,
    };
    let primary = if utf8 || tr.wide || tr.force_utf {
        M_UNI
    } else if unicode {
        M_LATIN
    } else {
        M_BYTE
    } * 2;
    let v = re.variant(primary)?;
    let names = v.re.capture_names();
    let ncaps = v.re.captures_len().saturating_sub(1);
    let mut grouped: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, n) in names.iter().enumerate() {
        if let Some(n) = n {
            match grouped.iter_mut().find(|(m, _)| m == n) {
                Some((_, v)) => v.push(i),
                None => grouped.push((n.clone(), vec![i])),
            }
        }
    }
    re.ncaps = ncaps;
    re.names = grouped;
    Ok(re)
}

impl Regex {
    /// The pattern contains `\G`.
    pub fn uses_gpos(&self) -> bool {
        self.gpos
    }

    /// Number of capture groups, not counting group 0.
    pub fn capture_count(&self) -> usize {
        self.ncaps
    }

    /// Named groups: name -> group indices in ascending order, names in order
    /// of their first group (for `%+` and `%-`).
    pub fn capture_names(&self) -> &[(String, Vec<usize>)] {
        &self.names
    }

    /// For each group (index 0 unused), where its closing parenthesis is in
    /// the pattern: of two groups that ended at the same offset, the one
    /// closing later in the pattern closed last (`$^N`). Groups the scan
    /// cannot place get 0.
    pub fn group_close_positions(&self) -> &[usize] {
        self.close_pos.get_or_init(|| {
            let b = self.body.as_bytes();
            let mut out = vec![0; self.ncaps + 1];
            let mut stack: Vec<Option<usize>> = Vec::new();
            let mut next_group = 1;
            let mut i = 0;
            while i < b.len() {
                match b[i] {
                    b'\\' => i += 1,
                    b'[' => {
                        i += 1;
                        if b.get(i) == Some(&b'^') {
                            i += 1;
                        }
                        if b.get(i) == Some(&b']') {
                            i += 1;
                        }
                        while i < b.len() && b[i] != b']' {
                            if b[i] == b'\\' {
                                i += 1;
                            } else if b[i] == b'[' && b.get(i + 1) == Some(&b':') {
                                while i < b.len() && !(b[i] == b':' && b.get(i + 1) == Some(&b']'))
                                {
                                    i += 1;
                                }
                                i += 1;
                            }
                            i += 1;
                        }
                    }
                    b'#' if self.flags.x => {
                        while i < b.len() && b[i] != b'\n' {
                            i += 1;
                        }
                    }
                    b'(' => {
                        let rest = &b[i + 1..];
                        let capturing = if rest.first() == Some(&b'?') {
                            if rest.starts_with(b"?#") {
                                while i < b.len() && b[i] != b')' {
                                    i += 1;
                                }
                                i += 1;
                                continue;
                            }
                            (rest.starts_with(b"?<")
                                && !rest.starts_with(b"?<=")
                                && !rest.starts_with(b"?<!"))
                                || rest.starts_with(b"?'")
                                || rest.starts_with(b"?P<")
                        } else {
                            rest.first() != Some(&b'*') && !self.flags.n
                        };
                        if capturing {
                            stack.push(Some(next_group));
                            next_group += 1;
                        } else {
                            stack.push(None);
                        }
                    }
                    b')' => {
                        if let Some(Some(g)) = stack.pop() {
                            if let Some(slot) = out.get_mut(g) {
                                *slot = i;
                            }
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            out
        })
    }

    /// The source as given to `compile`.
    pub fn pattern(&self) -> (&[u8], bool) {
        (&self.src, self.src_utf8)
    }

    pub fn flags(&self) -> &ReFlags {
        &self.flags
    }

    /// What `"" . qr/…/` gives for this regex, and whether that string is
    /// utf8.
    pub fn stringify(&self) -> (Vec<u8>, bool) {
        let utf8 = self.src_utf8 || self.wide;
        (qr_string(&self.src, utf8, &self.flags), utf8)
    }

    /// Whether the pattern matches anywhere in `subject`.
    pub fn is_match(&self, subject: &[u8], utf8_subject: bool) -> bool {
        self.find_at(subject, utf8_subject, 0).is_some()
    }

    /// Searches from byte offset `start` (where `\G` anchors).
    pub fn find_at(&self, subject: &[u8], utf8_subject: bool, start: usize) -> Option<Captures> {
        self.try_find_at(subject, utf8_subject, start, false)
            .ok()
            .flatten()
    }

    /// The full search: `not_empty_at_start` rejects a zero-length match at
    /// `start` (perl's rule for the next `//g` iteration after an empty
    /// match; matches further on may be empty).  Errors are PCRE2 resource
    /// failures (e.g. the backtracking limit) or a compile failure of a
    /// lazily built variant.
    pub fn try_find_at(
        &self,
        subject: &[u8],
        utf8_subject: bool,
        start: usize,
        not_empty_at_start: bool,
    ) -> Result<Option<Captures>, String> {
        if start > subject.len() {
            return Ok(None);
        }
        let mode = if utf8_subject || self.needs_utf {
            M_UNI
        } else if self.unicode {
            M_LATIN
        } else {
            M_BYTE
        };
        let v = self.variant(mode * 2 + not_empty_at_start as usize)?;
        if mode != M_UNI || utf8_subject {
            return run(v, subject, start, self.ncaps);
        }
        // An 8-bit subject against a pattern with wide characters: match
        // its UTF-8 upgrade.  Like perl, this costs O(length) per call; the
        // cache at least saves re-encoding during a `//g` loop.
        let mut guard = self.upgrade.lock().unwrap_or_else(|e| e.into_inner());
        if guard.as_ref().is_none_or(|u| u.orig != subject) {
            if subject.is_ascii() {
                drop(guard);
                return run(v, subject, start, self.ncaps);
            }
            *guard = Some(Upgrade::new(subject));
        }
        let up = guard.as_ref().expect("just filled");
        let caps = run(v, &up.up, up.to_up(start), self.ncaps)?;
        Ok(caps.map(|c| Captures {
            offsets: c
                .offsets
                .into_iter()
                .map(|o| o.map(|(s, e)| (up.to_orig(s), up.to_orig(e))))
                .collect(),
        }))
    }

    fn variant(&self, idx: usize) -> Result<&Variant, String> {
        let res = self.variants[idx].get_or_init(|| self.build(idx));
        res.as_ref().map_err(|e| e.clone())
    }

    fn build(&self, idx: usize) -> Result<Variant, String> {
        let mode = idx / 2;
        let uni = mode == M_UNI;
        let notempty = idx % 2 == 1;
        let f = &self.flags;
        let mut pat = String::with_capacity(self.body.len() + 32);
        if mode == M_LATIN {
            pat.push_str("(*UCP)");
        }
        // Perl allows the same name on several groups; PCRE2 needs (?J).
        pat.push_str("(?J");
        for (on, c) in [(f.i, "i"), (f.m, "m"), (f.s, "s"), (f.n, "n")] {
            if on {
                pat.push_str(c);
            }
        }
        if f.xx {
            pat.push_str("xx");
        } else if f.x {
            pat.push('x');
        }
        if f.a && mode != M_BYTE {
            pat.push('a');
        }
        pat.push(')');
        if notempty {
            pat.push_str("(?:");
        }
        let prefix = pat.len();
        pat.push_str(&self.body);
        if notempty {
            // The match may not end at the start offset, which (as it cannot
            // start before it) means: not empty there.
            pat.push_str(")(?!\\G)");
        }
        let mut b = RegexBuilder::new();
        b.ucp(uni)
            .jit_if_available(true)
            .max_jit_stack_size(Some(JIT_STACK_MAX));
        match b.build(&pat) {
            Ok(re) => Ok(Variant {
                re,
                locs: Mutex::new(None),
            }),
            Err(e) => Err(self.pcre_error(&e, prefix)),
        }
    }

    fn pcre_error(&self, e: &pcre2::Error, prefix: usize) -> String {
        let at = e.offset().map(|o| {
            let o = o.saturating_sub(prefix);
            let k = self.posmap.partition_point(|&(out, _)| out <= o);
            if k == 0 {
                0
            } else {
                let (out, src) = self.posmap[k - 1];
                // Inside a token: if the PCRE2 offset is past the token start,
                // mark after it; a rough position is all perl users get anyway.
                if o > out {
                    self.posmap.get(k).map_or(self.src.len(), |p| p.1)
                } else {
                    src
                }
            }
        });
        let full = e.to_string();
        let pmsg = full
            .rsplit_once(": ")
            .map_or(full.as_str(), |(_, m)| m)
            .to_string();
        let before = |at: usize| &self.src[..at.min(self.src.len())];
        // PCRE2 points at the start of the offending item; perl marks the
        // position after it.
        let next = |a: usize| -> usize {
            if a >= self.src.len() {
                a
            } else if self.src_utf8 {
                a + translate::decode_one(&self.src[a..]).1
            } else {
                a + 1
            }
        };
        let (msg, at) = match e.code() {
            101 => ("Trailing \\".to_string(), None),
            106 => ("Unmatched [".to_string(), at),
            108 | 150 => {
                let a = next(at.unwrap_or(0));
                let pre = before(a);
                let txt = pre.rsplitn(2, |&c| c == b'[').next().unwrap_or(pre);
                let range = &txt[txt.len().saturating_sub(3)..];
                let range = show_pattern(range, self.src_utf8);
                (format!("Invalid [] range \"{}\"", range), Some(a))
            }
            109 => {
                let pre = before(at.unwrap_or(0));
                let n = pre.len();
                let nested = n > 1
                    && matches!(pre[n - 1], b'*' | b'+' | b'?' | b'}')
                    && !matches!(pre[n - 2], b'\\' | b'(' | b'|');
                let m = if nested {
                    "Nested quantifiers"
                } else {
                    "Quantifier follows nothing"
                };
                (m.to_string(), at.map(next))
            }
            114 => ("Unmatched (".to_string(), at),
            115 => {
                let a = at.unwrap_or(0);
                let pre = before(a);
                let tail = match pre.iter().rposition(|&c| c == b'\\' || c == b'(') {
                    Some(k) => &pre[k..],
                    None => pre,
                };
                let named = tail.starts_with(b"\\k")
                    || tail.starts_with(b"(?&")
                    || tail.starts_with(b"(?P=")
                    || tail.starts_with(b"(?P>")
                    || (tail.starts_with(b"\\g{")
                        && tail
                            .get(3)
                            .is_some_and(|c| !c.is_ascii_digit() && *c != b'-'));
                if named {
                    let mut e = a;
                    while e < self.src.len()
                        && (self.src[e].is_ascii_alphanumeric()
                            || self.src[e] == b'_'
                            || self.src[e] >= 0x80)
                    {
                        e += 1;
                    }
                    ("Reference to nonexistent named group".to_string(), Some(e))
                } else {
                    ("Reference to nonexistent group".to_string(), at)
                }
            }
            111 => {
                let a = next(at.unwrap_or(0));
                let c = show_pattern(
                    &self.src[at.unwrap_or(0).min(self.src.len())..a],
                    self.src_utf8,
                );
                (format!("Sequence (?{}...) not recognized", c), Some(a))
            }
            122 => ("Unmatched )".to_string(), at),
            125 | 187 => (
                "Lookbehind longer than 255 not implemented".to_string(),
                None,
            ),
            130 => {
                let pre = before(at.unwrap_or(0));
                let name = match pre.windows(2).rposition(|w| w == b"[:") {
                    Some(k) => show_pattern(&pre[k..], self.src_utf8),
                    None => "[::]".to_string(),
                };
                (format!("POSIX class {} unknown", name), at)
            }
            146 | 147 => {
                let pre = before(at.unwrap_or(0));
                let name = match pre.iter().rposition(|&c| c == b'{') {
                    Some(k) => show_pattern(&pre[k + 1..], self.src_utf8),
                    None => String::new(),
                };
                let name = name.trim_end_matches('}').trim().to_string();
                (
                    format!("Can't find Unicode property definition \"{}\"", name),
                    at,
                )
            }
            _ => (format!("{} (PCRE2)", pmsg), at),
        };
        format_error(&msg, &self.src, self.src_utf8, at)
    }
}

fn run(
    v: &Variant,
    subject: &[u8],
    start: usize,
    ncaps: usize,
) -> Result<Option<Captures>, String> {
    let mut fresh = None;
    let mut guard = v.locs.try_lock().ok();
    let locs: &mut CaptureLocations = match guard.as_deref_mut() {
        Some(slot) => slot.get_or_insert_with(|| v.re.capture_locations()),
        None => fresh.insert(v.re.capture_locations()),
    };
    match v.re.captures_read_at(locs, subject, start) {
        Ok(Some(_)) => {
            let offsets = (0..=ncaps).map(|i| locs.get(i)).collect();
            Ok(Some(Captures { offsets }))
        }
        Ok(None) => Ok(None),
        Err(e) => {
            let full = e.to_string();
            Err(full
                .rsplit_once(": ")
                .map_or(full.clone(), |(_, m)| m.to_string()))
        }
    }
}

fn show_pattern(src: &[u8], utf8: bool) -> String {
    if utf8 {
        String::from_utf8_lossy(src).into_owned()
    } else {
        src.iter().map(|&b| b as char).collect()
    }
}

/// Perl's layout: `MSG in regex; marked by <-- HERE in m/BEFORE <-- HERE AFTER/`
/// (the interpreter appends ` at FILE line N.`).
fn format_error(msg: &str, src: &[u8], utf8: bool, at: Option<usize>) -> String {
    match at {
        Some(at) => {
            let at = at.min(src.len());
            format!(
                "{} in regex; marked by <-- HERE in m/{} <-- HERE {}/",
                msg,
                show_pattern(&src[..at], utf8),
                show_pattern(&src[at..], utf8)
            )
        }
        None => format!("{} in regex m/{}/", msg, show_pattern(src, utf8)),
    }
}

fn qr_string(pattern: &[u8], unicode: bool, f: &ReFlags) -> Vec<u8> {
    let mut out = b"(?^".to_vec();
    if f.p {
        out.push(b'p');
    }
    if f.a {
        out.push(b'a');
    } else if unicode || f.u {
        out.push(b'u');
    }
    for (on, c) in [(f.m, b'm'), (f.s, b's'), (f.i, b'i')] {
        if on {
            out.push(c);
        }
    }
    if f.xx {
        out.extend_from_slice(b"xx");
    } else if f.x {
        out.push(b'x');
    }
    if f.n {
        out.push(b'n');
    }
    out.push(b':');
    out.extend_from_slice(pattern);
    out.push(b')');
    out
}

/// `"" . qr/PATTERN/FLAGS`; the result has the pattern's utf8 flag.
pub fn stringify_qr(pattern: &[u8], utf8: bool, flags: &ReFlags) -> Vec<u8> {
    let wide =
        !utf8 && translate::translate(pattern, false, flags.x || flags.xx).is_ok_and(|t| t.wide);
    qr_string(pattern, utf8 || wide, flags)
}

/// Code points at or above 0x80 that perl's `quotemeta` escapes in a utf8
/// string (Pattern_Syntax, Pattern_White_Space, White_Space,
/// Default_Ignorable_Code_Point, controls; all of 0x80–0xFF that are not
/// word-like), as perl 5.36 computes them.
const QUOTE_RANGES: &[(u32, u32)] = &[
    (0x80, 0xA7),
    (0xA9, 0xA9),
    (0xAB, 0xAE),
    (0xB0, 0xB1),
    (0xB6, 0xB6),
    (0xBB, 0xBB),
    (0xBF, 0xBF),
    (0xD7, 0xD7),
    (0xF7, 0xF7),
    (0x34F, 0x34F),
    (0x61C, 0x61C),
    (0x115F, 0x1160),
    (0x1680, 0x1680),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x2000, 0x203E),
    (0x2041, 0x2053),
    (0x2055, 0x206F),
    (0x2190, 0x245F),
    (0x2500, 0x2775),
    (0x2794, 0x2BFF),
    (0x2E00, 0x2E7F),
    (0x3000, 0x3003),
    (0x3008, 0x3020),
    (0x3030, 0x3030),
    (0x3164, 0x3164),
    (0xFD3E, 0xFD3F),
    (0xFE00, 0xFE0F),
    (0xFE45, 0xFE46),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
];

/// Perl's `quotemeta`; the result has the input's utf8 flag.
pub fn quotemeta(s: &[u8], utf8: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 2);
    if !utf8 {
        for &b in s {
            if !(b.is_ascii_alphanumeric() || b == b'_') {
                out.push(b'\\');
            }
            out.push(b);
        }
        return out;
    }
    let mut i = 0;
    while i < s.len() {
        let (cp, len) = translate::decode_one(&s[i..]);
        let quote = if cp < 0x80 {
            !((cp as u8).is_ascii_alphanumeric() || cp == 0x5F)
        } else {
            let k = QUOTE_RANGES.partition_point(|&(lo, _)| lo <= cp);
            k > 0 && cp <= QUOTE_RANGES[k - 1].1
        };
        if quote {
            out.push(b'\\');
        }
        out.extend_from_slice(&s[i..i + len]);
        i += len;
    }
    out
}
