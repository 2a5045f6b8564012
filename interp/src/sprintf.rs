//! Perl's `sprintf`: format parsing (explicit indexes, flags, vector flag,
//! `*` widths and precisions, size modifiers), the integer, string and
//! floating-point conversions, and perl's warnings and fatal errors.
//!
//! Floating-point conversions other than `%a` go through the C library's
//! `snprintf`, as perl's do, so digits and rounding are identical; `%a` is
//! formatted here because perl uses its own hexadecimal-float code.

use crate::numeric::Num;
use std::borrow::Cow;

pub trait FormatArg {
    fn to_f64(&self) -> f64;
    fn to_num(&self) -> Num;
    fn to_bytes(&self) -> Cow<'_, [u8]>;
    fn is_utf8(&self) -> bool;
}

/// Stands in for a missing argument (perl uses its read-only empty string).
struct Missing;

impl FormatArg for Missing {
    fn to_f64(&self) -> f64 {
        0.0
    }
    fn to_num(&self) -> Num {
        Num::Int(0)
    }
    fn to_bytes(&self) -> Cow<'_, [u8]> {
        Cow::Borrowed(b"")
    }
    fn is_utf8(&self) -> bool {
        false
    }
}

/// Widths and precisions beyond this are refused with perl's overflow error
/// instead of allocating gigabytes (perl itself goes on up to its memory).
const MAX_FIELD: u64 = 1 << 26;

/// Result of a successful sprintf: bytes, utf8 flag, warnings (texts without
/// " at FILE line N.").
pub type SprintfOut = (Vec<u8>, bool, Vec<String>);

/// A fatal sprintf error (perl dies): its text without " at FILE line N.",
/// and the warnings perl had already emitted before dying.
#[derive(Debug, Clone, PartialEq)]
pub struct SprintfError {
    pub message: String,
    pub warnings: Vec<String>,
}

/// Perl's sprintf. Err is what perl dies with.
pub fn sprintf(
    fmt: &[u8],
    fmt_utf8: bool,
    args: &[&dyn FormatArg],
) -> Result<SprintfOut, SprintfError> {
    sprintf_named(fmt, fmt_utf8, args, "sprintf")
}

/// Output accumulator that upgrades to utf8 the way perl's SV does.
struct Out {
    buf: Vec<u8>,
    utf8: bool,
}

impl Out {
    fn upgrade_latin1(src: &[u8], dst: &mut Vec<u8>) {
        for &b in src {
            if b < 0x80 {
                dst.push(b);
            } else {
                dst.push(0xC0 | (b >> 6));
                dst.push(0x80 | (b & 0x3F));
            }
        }
    }

    fn push(&mut self, bytes: &[u8], is_utf8: bool) {
        if is_utf8 && !self.utf8 {
            if self.buf.iter().any(|&b| b >= 0x80) {
                let old = std::mem::take(&mut self.buf);
                Self::upgrade_latin1(&old, &mut self.buf);
            }
            self.utf8 = true;
        }
        if self.utf8 && !is_utf8 {
            Self::upgrade_latin1(bytes, &mut self.buf);
        } else {
            self.buf.extend_from_slice(bytes);
        }
    }
}

/// Perl's extended UTF-8 for any code point up to 2**63-1.
fn encode_utf8_ext(cp: u64, out: &mut Vec<u8>) {
    if cp < 0x80 {
        out.push(cp as u8);
        return;
    }
    let (len, lead): (usize, u8) = if cp < 0x800 {
        (2, 0xC0)
    } else if cp < 0x10000 {
        (3, 0xE0)
    } else if cp < 0x20_0000 {
        (4, 0xF0)
    } else if cp < 0x400_0000 {
        (5, 0xF8)
    } else if cp < 0x8000_0000 {
        (6, 0xFC)
    } else if cp < 1u64 << 36 {
        (7, 0xFE)
    } else {
        (13, 0xFF)
    };
    let mut tail = Vec::with_capacity(len);
    let mut v = cp;
    for _ in 1..len {
        tail.push(0x80 | (v & 0x3F) as u8);
        v >>= 6;
    }
    out.push(if len >= 7 { lead } else { lead | v as u8 });
    out.extend(tail.iter().rev());
}

/// Decodes one (possibly extended) UTF-8 character; malformed bytes are
/// taken one at a time.
fn decode_utf8_ext(s: &[u8]) -> (u64, usize) {
    let b0 = s[0];
    let len = match b0 {
        0x00..=0x7F => return (b0 as u64, 1),
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        0xF8..=0xFB => 5,
        0xFC..=0xFD => 6,
        0xFE => 7,
        0xFF => 13,
        _ => return (b0 as u64, 1),
    };
    if s.len() < len || s[1..len].iter().any(|&b| b & 0xC0 != 0x80) {
        return (b0 as u64, 1);
    }
    let mut v: u64 = if len >= 7 {
        0
    } else {
        (b0 & (0x7F >> len)) as u64
    };
    for &b in &s[1..len] {
        v = (v << 6) | (b & 0x3F) as u64;
    }
    (v, len)
}

fn utf8_char_count(s: &[u8]) -> usize {
    s.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// Byte offset just after the first `n` characters (sticks at the end).
fn utf8_byte_pos(s: &[u8], n: usize) -> usize {
    let mut chars = 0;
    for (i, &b) in s.iter().enumerate() {
        if b & 0xC0 != 0x80 {
            if chars == n {
                return i;
            }
            chars += 1;
        }
    }
    s.len()
}

/// The argument at 1-based explicit index `ix`, or the next one in sequence
/// when `ix` is 0; a missing one reads as perl's empty string.
fn fetch_arg<'a>(
    args: &[&'a dyn FormatArg],
    missing: &'a Missing,
    ix: usize,
    svix: &mut usize,
    arg_missing: &mut bool,
) -> &'a dyn FormatArg {
    let i = if ix > 0 {
        ix - 1
    } else {
        *svix += 1;
        *svix - 1
    };
    match args.get(i) {
        Some(a) => *a,
        None => {
            *arg_missing = true;
            missing
        }
    }
}

fn overflow_err(name: &str) -> String {
    format!("Integer overflow in format string for {}", name)
}

/// Reads a decimal number in the format, refusing absurd ones.
fn expect_number(fmt: &[u8], q: &mut usize, name: &str) -> Result<u64, String> {
    let mut v: u64 = 0;
    while *q < fmt.len() && fmt[*q].is_ascii_digit() {
        v = v
            .checked_mul(10)
            .and_then(|x| x.checked_add((fmt[*q] - b'0') as u64))
            .filter(|&x| x <= i64::MAX as u64)
            .ok_or_else(|| overflow_err(name))?;
        *q += 1;
    }
    Ok(v)
}

fn infnan_text(f: f64, plus: u8) -> Vec<u8> {
    if f.is_nan() {
        b"NaN".to_vec()
    } else if f < 0.0 {
        b"-Inf".to_vec()
    } else if plus != 0 {
        b"+Inf".to_vec()
    } else {
        b"Inf".to_vec()
    }
}

fn is_infnan(n: Num) -> Option<f64> {
    match n {
        Num::Float(f) if !f.is_finite() => Some(f),
        _ => None,
    }
}

#[derive(Clone, Copy)]
struct Spec {
    left: bool,
    fill: bool,
    alt: bool,
    plus: u8,
    width: usize,
    precis: usize,
    has_precis: bool,
}

/// The C library's rendering of one floating-point conversion.
fn c_float(spec: &Spec, c: u8, f: f64) -> Vec<u8> {
    let mut cf = vec![b'%'];
    if spec.left {
        cf.push(b'-');
    }
    if spec.plus != 0 {
        cf.push(spec.plus);
    }
    if spec.alt {
        cf.push(b'#');
    }
    if spec.fill {
        cf.push(b'0');
    }
    if spec.width > 0 {
        cf.extend_from_slice(spec.width.to_string().as_bytes());
    }
    let precis = if spec.has_precis { spec.precis } else { 6 };
    cf.push(b'.');
    cf.extend_from_slice(precis.to_string().as_bytes());
    cf.push(c);
    cf.push(0);
    let mut size = spec.width + precis + 400;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `cf` is a NUL-terminated format with exactly one double
        // conversion, and snprintf writes at most `size` bytes into `buf`.
        let n = unsafe {
            libc::snprintf(
                buf.as_mut_ptr() as *mut libc::c_char,
                size,
                cf.as_ptr() as *const libc::c_char,
                f,
            )
        };
        if n < 0 {
            return Vec::new();
        }
        let n = n as usize;
        if n < size {
            buf.truncate(n);
            return buf;
        }
        size = n + 1;
    }
}

/// Perl's own `%a`/`%A`: normalised mantissa (subnormals too), trailing
/// zeros dropped without a precision, round-half-even with a precision and
/// no renormalisation after a carry ("0x2.0p+0").
fn hex_float(spec: &Spec, upper: bool, f: f64) -> Vec<u8> {
    let bits = f.to_bits();
    let neg = bits >> 63 == 1;
    let biased = ((bits >> 52) & 0x7FF) as i64;
    let mut frac = bits & ((1u64 << 52) - 1);
    let (mut lead, exp): (u64, i64) = if biased == 0 && frac == 0 {
        (0, 0)
    } else if biased == 0 {
        let mut e = -1022;
        while frac & (1u64 << 52) == 0 {
            frac <<= 1;
            e -= 1;
        }
        frac &= (1u64 << 52) - 1;
        (1, e)
    } else {
        (1, biased - 1023)
    };
    let mut digits: Vec<u8> = Vec::new();
    let hexd = |d: u64| -> u8 {
        let s = if upper {
            b"0123456789ABCDEF"
        } else {
            b"0123456789abcdef"
        };
        s[d as usize]
    };
    if spec.has_precis && spec.precis < 13 {
        let p = spec.precis as u32;
        let total = (lead << 52) | frac;
        let shift = 4 * (13 - p);
        let mut keep = total >> shift;
        let rem = total & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        if rem > half || (rem == half && keep & 1 == 1) {
            keep += 1;
        }
        lead = keep >> (4 * p);
        let kf = keep & ((1u64 << (4 * p)) - 1);
        for i in (0..p).rev() {
            digits.push(hexd((kf >> (4 * i)) & 0xF));
        }
    } else {
        for i in (0..13).rev() {
            digits.push(hexd((frac >> (4 * i)) & 0xF));
        }
        if spec.has_precis {
            digits.resize(spec.precis, b'0');
        } else {
            while digits.last() == Some(&b'0') {
                digits.pop();
            }
        }
    }
    let mut sign = Vec::new();
    if neg {
        sign.push(b'-');
    } else if spec.plus != 0 {
        sign.push(spec.plus);
    }
    sign.push(b'0');
    sign.push(if upper { b'X' } else { b'x' });
    let mut body = Vec::new();
    body.extend_from_slice(lead.to_string().as_bytes());
    if !digits.is_empty() || spec.alt {
        body.push(b'.');
        body.extend_from_slice(&digits);
    }
    body.push(if upper { b'P' } else { b'p' });
    body.push(if exp < 0 { b'-' } else { b'+' });
    body.extend_from_slice(exp.unsigned_abs().to_string().as_bytes());
    let have = sign.len() + body.len();
    let gap = spec.width.saturating_sub(have);
    let mut out = Vec::with_capacity(have + gap);
    if gap > 0 && !spec.left && !spec.fill {
        out.resize(gap, b' ');
    }
    out.extend_from_slice(&sign);
    if gap > 0 && !spec.left && spec.fill {
        out.resize(out.len() + gap, b'0');
    }
    out.extend_from_slice(&body);
    if gap > 0 && spec.left {
        out.resize(out.len() + gap, b' ');
    }
    out
}

fn push_digits(mut uv: u64, base: u32, upper: bool, buf: &mut Vec<u8>) {
    let digits: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let start = buf.len();
    loop {
        buf.push(digits[(uv % base as u64) as usize]);
        uv /= base as u64;
        if uv == 0 {
            break;
        }
    }
    buf[start..].reverse();
}

/// As `sprintf`, with the operator name used in messages ("printf" for
/// printf: "Invalid conversion in printf: ...").
pub fn sprintf_named(
    fmt: &[u8],
    fmt_utf8: bool,
    args: &[&dyn FormatArg],
    name: &str,
) -> Result<SprintfOut, SprintfError> {
    let mut out = Out {
        buf: Vec::with_capacity(fmt.len() + 16),
        utf8: fmt_utf8,
    };
    let mut warnings: Vec<String> = Vec::new();
    match format_into(fmt, fmt_utf8, args, name, &mut out, &mut warnings) {
        Ok(()) => Ok((out.buf, out.utf8, warnings)),
        Err(message) => Err(SprintfError { message, warnings }),
    }
}

fn format_into(
    fmt: &[u8],
    fmt_utf8: bool,
    args: &[&dyn FormatArg],
    name: &str,
    out: &mut Out,
    warnings: &mut Vec<String>,
) -> Result<(), String> {
    let missing = Missing;
    let mut uv_cached = vec![false; args.len()];
    let (mut esign_buf, mut body_buf) = (Vec::new(), Vec::new());
    let mut svix: usize = 0;
    let mut no_redundant = false;
    let at = |q: usize| -> u8 { fmt.get(q).copied().unwrap_or(0) };
    let mut p = 0;
    while p < fmt.len() {
        let pct = match fmt[p..].iter().position(|&b| b == b'%') {
            Some(i) => p + i,
            None => fmt.len(),
        };
        if pct > p {
            out.push(&fmt[p..pct], fmt_utf8);
        }
        if pct >= fmt.len() {
            break;
        }
        let fmtstart = pct + 1;
        let mut q = fmtstart;
        let osvix = svix;
        let mut arg_missing = false;
        let mut efix: usize = 0;
        let mut spec = Spec {
            left: false,
            fill: false,
            alt: false,
            plus: 0,
            width: 0,
            precis: 0,
            has_precis: false,
        };
        let mut vectorize = false;
        let mut dotstr: Vec<u8> = b".".to_vec();
        let mut dot_utf8 = false;
        let mut intsize: u8 = 0;

        let fetch = |ix: usize, svix: &mut usize, arg_missing: &mut bool| {
            fetch_arg(args, &missing, ix, svix, arg_missing)
        };
        // Index of the argument `fetch` would return, for the UV cache.
        let peek = |ix: usize, svix: usize| if ix > 0 { ix - 1 } else { svix };

        // A field taken from an argument: perl's SvIV, negative meaning
        // left-justify (width) or "no precision".
        let field_val = |a: &dyn FormatArg,
                         idx: usize,
                         uv_cached: &mut Vec<bool>|
         -> Result<(usize, bool), String> {
            let n = a.to_num();
            // Perl refuses UV values above IV_MAX, including a double that
            // an earlier conversion in this call cached as such a UV; a
            // fresh double goes through the IV cast.
            if let Num::UInt(_) = n {
                return Err(overflow_err(name));
            }
            if let Some(c) = uv_cached.get_mut(idx) {
                if *c {
                    return Err(overflow_err(name));
                }
                if let Num::Float(f) = n {
                    *c = f >= 9223372036854775808.0;
                }
            }
            let iv = n.to_i64();
            let neg = iv < 0;
            let uv = iv.unsigned_abs();
            if uv > MAX_FIELD {
                return Err(overflow_err(name));
            }
            Ok((uv as usize, neg))
        };

        let parsed: Result<bool, String> = (|| {
            let mut goto_gotwidth = false;
            if (b'1'..=b'9').contains(&at(q)) {
                let n = expect_number(fmt, &mut q, name)?;
                if at(q) == b'$' {
                    q += 1;
                    efix = n.min(usize::MAX as u64 / 2) as usize;
                    no_redundant = true;
                } else {
                    if n > MAX_FIELD {
                        return Err(overflow_err(name));
                    }
                    spec.width = n as usize;
                    goto_gotwidth = true;
                }
            }
            if !goto_gotwidth {
                loop {
                    match at(q) {
                        b' ' | b'+' => {
                            if !(spec.plus == b'+' && at(q) == b' ') {
                                spec.plus = at(q);
                            }
                            q += 1;
                        }
                        b'-' => {
                            spec.left = true;
                            q += 1;
                        }
                        b'0' => {
                            spec.fill = true;
                            q += 1;
                        }
                        b'#' => {
                            spec.alt = true;
                            q += 1;
                        }
                        _ => break,
                    }
                }
                loop {
                    if at(q) == b'*' {
                        q += 1;
                        let mut ix = 0usize;
                        if (b'1'..=b'9').contains(&at(q)) {
                            let n = expect_number(fmt, &mut q, name)?;
                            let c = at(q);
                            q += 1;
                            if c == b'$' {
                                no_redundant = true;
                                ix = n.min(usize::MAX as u64 / 2) as usize;
                            } else {
                                return Ok(false);
                            }
                        }
                        if at(q) == b'v' {
                            q += 1;
                            if vectorize {
                                return Ok(false);
                            }
                            let a = fetch(ix, &mut svix, &mut arg_missing);
                            dotstr = a.to_bytes().into_owned();
                            dot_utf8 = a.is_utf8();
                            vectorize = true;
                            continue;
                        }
                        let idx = peek(ix, svix);
                        let a = fetch(ix, &mut svix, &mut arg_missing);
                        let (w, neg) = field_val(a, idx, &mut uv_cached)?;
                        spec.width = w;
                        if neg {
                            spec.left = true;
                        }
                    } else if at(q) == b'v' {
                        q += 1;
                        if vectorize {
                            return Ok(false);
                        }
                        vectorize = true;
                        dotstr = b".".to_vec();
                        dot_utf8 = false;
                        continue;
                    } else {
                        if at(q) == b'0' {
                            spec.fill = true;
                            q += 1;
                        }
                        if (b'1'..=b'9').contains(&at(q)) {
                            let n = expect_number(fmt, &mut q, name)?;
                            if n > MAX_FIELD {
                                return Err(overflow_err(name));
                            }
                            spec.width = n as usize;
                        }
                    }
                    break;
                }
            }
            if at(q) == b'.' {
                q += 1;
                if at(q) == b'*' {
                    q += 1;
                    let mut ix = 0usize;
                    if (b'1'..=b'9').contains(&at(q)) {
                        let n = expect_number(fmt, &mut q, name)?;
                        let c = at(q);
                        q += 1;
                        if c == b'$' {
                            no_redundant = true;
                            ix = n.min(usize::MAX as u64 / 2) as usize;
                        } else {
                            return Ok(false);
                        }
                    }
                    let idx = peek(ix, svix);
                    let a = fetch(ix, &mut svix, &mut arg_missing);
                    let (pr, neg) = field_val(a, idx, &mut uv_cached)?;
                    spec.has_precis = !neg;
                    spec.precis = if neg { 0 } else { pr };
                } else {
                    while at(q) == b'0' {
                        q += 1;
                    }
                    let n = if (b'1'..=b'9').contains(&at(q)) {
                        expect_number(fmt, &mut q, name)?
                    } else {
                        0
                    };
                    if n > MAX_FIELD {
                        return Err(overflow_err(name));
                    }
                    spec.precis = n as usize;
                    spec.has_precis = true;
                }
            }
            match at(q) {
                b'L' | b'q' => {
                    intsize = b'q';
                    q += 1;
                }
                b'l' => {
                    q += 1;
                    if at(q) == b'l' {
                        intsize = b'q';
                        q += 1;
                    } else {
                        intsize = b'l';
                    }
                }
                b'h' => {
                    q += 1;
                    if at(q) == b'h' {
                        intsize = b'c';
                        q += 1;
                    } else {
                        intsize = b'h';
                    }
                }
                b'V' | b'z' | b't' | b'j' => {
                    intsize = at(q);
                    q += 1;
                }
                _ => {}
            }
            Ok(true)
        })();
        let mut valid = parsed?;
        // An early rejection leaves q where perl's message ends.
        let c = if valid { at(q) } else { 0 };
        if valid {
            q += 1;
        }

        // The formatted field: sign/prefix, zeros, body; padded below.
        let mut esign: Vec<u8> = std::mem::take(&mut esign_buf);
        let mut zeros: usize = 0;
        let mut body: Vec<u8> = std::mem::take(&mut body_buf);
        let mut body_utf8 = false;
        let mut emit = true;
        let mut done = false;

        if valid {
            if c == b'%' {
                if vectorize {
                    valid = false;
                } else {
                    // '%' goes through perl's string path: a precision
                    // truncates it.
                    if !(spec.has_precis && spec.precis == 0) {
                        body.push(b'%');
                    }
                }
            } else if vectorize && !b"BbDdiOouUXx".contains(&c) {
                valid = false;
            }
        }
        if valid && c != b'%' {
            let is_float = b"eEfFgGaA".contains(&c);
            let known = is_float || b"csdiDuUoObBxXpn".contains(&c);
            if !known || c == 0 || (is_float && matches!(intsize, b'h' | b'c' | b'z' | b't' | b'j'))
            {
                valid = false;
            }
        }
        if valid && c != b'%' {
            let arg_idx = peek(efix, svix);
            let arg = fetch(efix, &mut svix, &mut arg_missing);
            match c {
                b's' => {
                    let bytes = arg.to_bytes();
                    let mut elen = bytes.len();
                    if arg.is_utf8() {
                        let old_precis = spec.precis;
                        if spec.has_precis && spec.precis < elen {
                            let ulen = utf8_char_count(&bytes);
                            let pch = spec.precis.min(ulen);
                            spec.precis = utf8_byte_pos(&bytes, pch);
                        }
                        if spec.width > 0 {
                            if spec.has_precis && spec.precis < elen {
                                spec.width += spec.precis - old_precis.min(spec.precis);
                            } else {
                                spec.width += elen - utf8_char_count(&bytes);
                            }
                        }
                        body_utf8 = true;
                    }
                    if spec.has_precis && spec.precis < elen {
                        elen = spec.precis;
                    }
                    body.extend_from_slice(&bytes[..elen]);
                }
                b'c' => {
                    let n = arg.to_num();
                    if let Some(f) = is_infnan(n) {
                        return Err(format!(
                            "Cannot printf {} with 'c'",
                            String::from_utf8_lossy(&infnan_text(f, 0))
                        ));
                    }
                    let uv = n.to_u64();
                    if uv > i64::MAX as u64 {
                        return Err(format!(
                            "Use of code point 0x{:X} is not allowed; the permissible max is 0x7FFFFFFFFFFFFFFF",
                            uv
                        ));
                    }
                    if uv < 256 {
                        body.push(uv as u8);
                    } else {
                        encode_utf8_ext(uv, &mut body);
                        body_utf8 = true;
                    }
                    if spec.has_precis && spec.precis < body.len() {
                        body.truncate(spec.precis);
                    }
                }
                b'n' => {
                    // Perl stores the length so far into the argument; the
                    // caller owns the variable, so nothing is printed here.
                    emit = false;
                }
                b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'a' | b'A' => {
                    let f = arg.to_f64();
                    if !f.is_finite() {
                        body = infnan_text(f, spec.plus);
                    } else if c == b'a' || c == b'A' {
                        body = hex_float(&spec, c == b'A', f);
                        spec.width = 0;
                    } else {
                        body = c_float(&spec, c, f);
                        spec.width = 0;
                    }
                }
                _ => {
                    // Integer conversions, possibly vectorised.
                    if matches!(c, b'D' | b'U' | b'O') {
                        intsize = b'l';
                    }
                    let (base, signed, upper) = match c {
                        b'd' | b'i' | b'D' => (10u32, true, false),
                        b'u' | b'U' => (10, false, false),
                        b'o' | b'O' => (8, false, false),
                        b'b' => (2, false, false),
                        b'B' => (2, false, true),
                        b'x' => (16, false, false),
                        b'X' => (16, false, true),
                        _ => (16, false, false), // 'p'
                    };
                    if vectorize {
                        if signed && spec.plus != 0 {
                            esign.push(spec.plus);
                        }
                        let vbytes = arg.to_bytes();
                        let vutf8 = arg.is_utf8();
                        let mut i = 0;
                        let mut first = true;
                        while i < vbytes.len() {
                            let (uv, l) = if vutf8 {
                                decode_utf8_ext(&vbytes[i..])
                            } else {
                                (vbytes[i] as u64, 1)
                            };
                            i += l;
                            if !first {
                                esign.clear();
                            }
                            first = false;
                            let mut sp = spec;
                            let mut z = 0;
                            let mut b = Vec::new();
                            int_body(&mut sp, c, uv, base, upper, &mut esign, &mut z, &mut b);
                            let mut piece = Vec::new();
                            assemble(&sp, &esign, z, &b, &mut piece);
                            out.push(&piece, false);
                            if i < vbytes.len() {
                                out.push(&dotstr, dot_utf8);
                            } else if dot_utf8 {
                                // A utf8 join string flags the result even
                                // when it is never used.
                                out.push(b"", true);
                            }
                        }
                        done = true;
                    } else {
                        let n = arg.to_num();
                        if let Some(f) = is_infnan(n) {
                            body = infnan_text(f, spec.plus);
                        } else {
                            if let (Num::Float(f), Some(c)) = (n, uv_cached.get_mut(arg_idx)) {
                                *c |= f >= 9223372036854775808.0;
                            }
                            let uv = if c == b'p' {
                                arg as *const dyn FormatArg as *const u8 as usize as u64
                            } else if signed {
                                let iv = n.to_i64();
                                let iv = match intsize {
                                    b'c' => iv as i8 as i64,
                                    b'h' => iv as i16 as i64,
                                    _ => iv,
                                };
                                if iv >= 0 {
                                    if spec.plus != 0 {
                                        esign.push(spec.plus);
                                    }
                                } else {
                                    esign.push(b'-');
                                }
                                iv.unsigned_abs()
                            } else {
                                let uv = n.to_u64();
                                match intsize {
                                    b'c' => uv as u8 as u64,
                                    b'h' => uv as u16 as u64,
                                    _ => uv,
                                }
                            };
                            int_body(
                                &mut spec, c, uv, base, upper, &mut esign, &mut zeros, &mut body,
                            );
                        }
                    }
                }
            }
        }

        if !valid {
            let fmtend = q.min(fmt.len());
            let mut msg = format!("Invalid conversion in {}: ", name);
            if fmtstart < fmt.len() {
                msg.push_str("\"%");
                for &b in &fmt[fmtstart..fmtend] {
                    if (0x20..0x7F).contains(&b) {
                        msg.push(b as char);
                    } else {
                        msg.push_str(&format!("\\{:03o}", b));
                    }
                }
                msg.push('"');
            } else {
                msg.push_str("end of string");
            }
            warnings.push(msg);
            out.push(b"%", false);
            p = fmtstart;
            svix = osvix;
            no_redundant = true;
            continue;
        }
        if !done && emit {
            if body_utf8 == out.utf8 {
                // No re-encoding needed: build the field in place.
                assemble(&spec, &esign, zeros, &body, &mut out.buf);
            } else {
                let mut piece = Vec::new();
                assemble(&spec, &esign, zeros, &body, &mut piece);
                out.push(&piece, body_utf8);
            }
        }
        // Keep the buffers for the next conversion.
        body.clear();
        esign.clear();
        body_buf = body;
        esign_buf = esign;
        if arg_missing {
            warnings.push(format!("Missing argument in {}", name));
        }
        p = q;
    }
    if !no_redundant && args.len() > svix {
        warnings.push(format!("Redundant argument in {}", name));
    }
    Ok(())
}

/// Digits of an integer conversion with its '#' prefix and precision zeros.
#[allow(clippy::too_many_arguments)]
fn int_body(
    spec: &mut Spec,
    c: u8,
    uv: u64,
    base: u32,
    upper: bool,
    esign: &mut Vec<u8>,
    zeros: &mut usize,
    body: &mut Vec<u8>,
) {
    push_digits(uv, base, upper, body);
    if spec.alt && body[0] != b'0' {
        match base {
            16 | 2 if c != b'p' => {
                esign.push(b'0');
                esign.push(c);
            }
            8 => body.insert(0, b'0'),
            _ => {}
        }
    }
    if spec.has_precis {
        if spec.precis > body.len() {
            *zeros = spec.precis - body.len();
        } else if spec.precis == 0 && body.len() == 1 && body[0] == b'0' && !(base == 8 && spec.alt)
        {
            body.clear();
        }
        spec.fill = false;
    }
}

/// Sign, padding, zeros and body in perl's order.
fn assemble(spec: &Spec, esign: &[u8], zeros: usize, body: &[u8], out: &mut Vec<u8>) {
    let have = esign.len() + zeros + body.len();
    let gap = spec.width.saturating_sub(have);
    out.reserve(have + gap);
    if spec.fill {
        out.extend_from_slice(esign);
    }
    if gap > 0 && !spec.left {
        out.resize(out.len() + gap, if spec.fill { b'0' } else { b' ' });
    }
    if !spec.fill {
        out.extend_from_slice(esign);
    }
    out.resize(out.len() + zeros, b'0');
    out.extend_from_slice(body);
    if gap > 0 && spec.left {
        out.resize(out.len() + gap, b' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeric::perl_oracle::{perl_str, run_perl};
    use crate::numeric::{format_num, parse_number};

    #[derive(Clone)]
    enum A {
        S(&'static [u8]),
        U(&'static str),
        I(i64),
        N(u64),
        F(f64),
    }
    use A::*;

    struct TA {
        bytes: Vec<u8>,
        utf8: bool,
        num: Num,
    }

    impl FormatArg for TA {
        fn to_f64(&self) -> f64 {
            self.num.to_f64()
        }
        fn to_num(&self) -> Num {
            self.num
        }
        fn to_bytes(&self) -> Cow<'_, [u8]> {
            Cow::Borrowed(&self.bytes)
        }
        fn is_utf8(&self) -> bool {
            self.utf8
        }
    }

    fn make(a: &A) -> TA {
        match a {
            S(b) => TA {
                bytes: b.to_vec(),
                utf8: false,
                num: parse_number(b).0,
            },
            U(s) => TA {
                bytes: s.as_bytes().to_vec(),
                utf8: true,
                num: parse_number(s.as_bytes()).0,
            },
            I(_) | N(_) | F(_) => {
                let num = match a {
                    I(i) => Num::Int(*i),
                    N(u) => Num::UInt(*u),
                    F(f) => Num::Float(*f),
                    _ => unreachable!(),
                };
                let mut bytes = Vec::new();
                format_num(num, &mut bytes);
                TA {
                    bytes,
                    utf8: false,
                    num,
                }
            }
        }
    }

    fn perl_utf8(s: &str) -> String {
        let mut o = String::from("do { my $s = \"");
        for ch in s.chars() {
            if ch.is_ascii_alphanumeric() || " .,:;_+-=()[]<>/!?#&*'|~^".contains(ch) {
                o.push(ch);
            } else {
                o.push_str(&format!("\\x{{{:x}}}", ch as u32));
            }
        }
        o.push_str("\"; utf8::upgrade($s); $s }");
        o
    }

    fn perl_arg(a: &A) -> String {
        match a {
            S(b) => perl_str(b),
            U(s) => perl_utf8(s),
            I(i) => format!("({})", i),
            N(u) => format!("({})", u),
            F(f) => {
                if f.is_nan() {
                    "(-sin(9**9**9))".into()
                } else if f.is_infinite() {
                    if *f > 0.0 {
                        "(9**9**9)".into()
                    } else {
                        "(-9**9**9)".into()
                    }
                } else if *f == 0.0 {
                    if f.is_sign_negative() {
                        "(-0.0)".into()
                    } else {
                        "(0.0)".into()
                    }
                } else {
                    format!("unpack('d', pack('Q', {}))", f.to_bits())
                }
            }
        }
    }

    fn hexs(b: &[u8]) -> String {
        b.iter().map(|x| format!("{:02x}", x)).collect()
    }

    fn run_cases(cases: &[(&[u8], bool, Vec<A>)]) {
        let mut src = String::from(
            "use strict; use warnings;\n\
             sub clean { my $m = shift; $m =~ s/ at - line \\d+\\.\\n\\z//; $m }\n\
             sub t { my ($f, @a) = @_; my @w; local $SIG{__WARN__} = sub { push @w, clean($_[0]) };\n\
               my $r = eval { sprintf($f, @a) }; my $e = $@;\n\
               @w = grep { !/isn't numeric|uninitialized/ } @w;\n\
               if ($e) { print 'E:', clean($e) } else { my $u = utf8::is_utf8($r) ? 1 : 0; utf8::encode($r) if $u; print \"R:$u:\", unpack('H*', $r) }\n\
               print ':', join('|', @w), \"\\n\"; }\n",
        );
        for (fmt, futf8, args) in cases {
            let f = if *futf8 {
                perl_utf8(std::str::from_utf8(fmt).unwrap())
            } else {
                perl_str(fmt)
            };
            let a: Vec<String> = args.iter().map(perl_arg).collect();
            src.push_str(&format!("t({}, {});\n", f, a.join(", ")));
        }
        let out = run_perl(&src);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), cases.len(), "perl output lines");
        let mut bad = Vec::new();
        for (i, ((fmt, futf8, args), exp)) in cases.iter().zip(lines).enumerate() {
            let tas: Vec<TA> = args.iter().map(make).collect();
            let refs: Vec<&dyn FormatArg> = tas.iter().map(|t| t as &dyn FormatArg).collect();
            let got = match sprintf(fmt, *futf8, &refs) {
                Ok((b, u, w)) => format!("R:{}:{}:{}", u as u8, hexs(&b), w.join("|")),
                Err(e) => format!("E:{}:{}", e.message, e.warnings.join("|")),
            };
            if got != exp {
                let a: Vec<String> = args.iter().map(perl_arg).collect();
                bad.push(format!(
                    "#{} {:?} ({}) perl={} ours={}",
                    i,
                    String::from_utf8_lossy(fmt),
                    a.join(", "),
                    exp,
                    got
                ));
            }
        }
        assert!(
            bad.is_empty(),
            "{} mismatches:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }

    fn c(f: &'static str, a: &[A]) -> (&'static [u8], bool, Vec<A>) {
        (f.as_bytes(), false, a.to_vec())
    }
    fn cu(f: &'static str, a: &[A]) -> (&'static [u8], bool, Vec<A>) {
        (f.as_bytes(), true, a.to_vec())
    }

    #[test]
    fn sprintf_matches_perl() {
        let inf = f64::INFINITY;
        let nan = f64::NAN;
        let mut cases = vec![
            c("plain", &[]),
            c("plain", &[I(1)]),
            c("%%", &[]),
            c("%5%|%-5%|%05%", &[]),
            c("%s", &[S(b"abc")]),
            c(
                "%5s|%-5s|%05s|%-05s|",
                &[S(b"ab"), S(b"ab"), S(b"ab"), S(b"ab")],
            ),
            c(
                "%.2s|%5.1s|%-5.0s|%.10s",
                &[S(b"abc"), S(b"abc"), S(b"abc"), S(b"abc")],
            ),
            c("%s %s", &[S(b"a")]),
            c("%s", &[S(b"a"), S(b"b")]),
            c("%s%s%s", &[]),
            c("%y %s", &[S(b"a")]),
            c("%y", &[S(b"a"), S(b"b")]),
            c("%2$s %s", &[S(b"a"), S(b"b")]),
            c("%2$s %s %s", &[S(b"a"), S(b"b"), S(b"c")]),
            c("%s %1$s %s", &[S(b"a"), S(b"b")]),
            c("%3$s %s %s", &[S(b"a"), S(b"b"), S(b"c")]),
            c("%1$s%1$s", &[S(b"x")]),
            c("%2$s", &[S(b"a"), S(b"b"), S(b"c")]),
            c("%3$s", &[S(b"a")]),
            c("%0$s", &[S(b"a")]),
            c("%999999999999$s", &[S(b"a")]),
            c("%*3$d|", &[I(5), I(0), I(4)]),
            c("%2$*1$d|", &[I(3), I(1)]),
            c("%*2$d|%-*2$d|%.*2$d|", &[I(3), I(1)]),
            c(
                "%-*d|%*d|%.*d|%.*f|",
                &[I(-4), I(7), I(-4), I(7), I(-4), I(7), I(-1), F(2.5)],
            ),
            c("%*d|", &[S(b"abc"), I(1)]),
            c("%*d|", &[F(1e30), I(1)]),
            c("%*d", &[]),
            c("%0*d", &[I(5), I(3)]),
            c("%*1$s|", &[I(3), I(4)]),
            c("%v02x", &[S(b"1.2.3")]),
            c("%vd", &[S(b"")]),
            c("%5vd|", &[S(b"")]),
            c("%vd", &[S(b"1.22.333")]),
            c("%vd", &[U("1.\u{100}.3")]),
            c("%vX", &[U("\u{1234}\u{ff}")]),
            c("%#vx|%#vo|%#vb", &[S(b"10.20"), S(b"10.20"), S(b"\x05")]),
            c("%+vd|% vd", &[S(b"1.2"), S(b"1.2")]),
            c("%*v02x", &[S(b":"), S(b"ab")]),
            c("%*vd", &[U("\u{263a}"), S(b"ab")]),
            c(
                "%-v3d|%0v3d|%v.3d|%v3d",
                &[S(b"1.2"), S(b"1.2"), S(b"1.2"), S(b"1.2")],
            ),
            c("%v-3d|", &[S(b"1.2")]),
            c("%3$*v2$d %s", &[S(b"a"), S(b":"), S(b"1.2")]),
            c("%*2$vd %s", &[S(b"x"), S(b"-"), S(b"z")]),
            c("%v*d", &[S(b"1.2")]),
            c("%vd%vd", &[S(b"1.2")]),
            c("%v d|%vs|%vc|%ve", &[S(b"1"), S(b"1"), S(b"1"), S(b"1")]),
            c("%v%", &[]),
            c("%*v%", &[]),
            c("%vvd", &[S(b"1")]),
            c("%", &[S(b"x")]),
            c("abc%", &[]),
            c("%.", &[S(b"x")]),
            c("\x01%\x01", &[]),
            c("%z]", &[I(1)]),
            c("%hhhd|%lll|%ql|%hf", &[I(5), I(5), I(5), F(1.5)]),
            c(
                "%hhf %zf %jf %tf %Vf %Lf %llf %lf %qf",
                &[
                    F(1.5),
                    F(1.5),
                    F(1.5),
                    F(1.5),
                    F(1.5),
                    F(1.5),
                    F(1.5),
                    F(1.5),
                    F(1.5),
                ],
            ),
            c(
                "%hd %ld %qd %Ld %Vd %zd %td %jd %lld %hhd",
                &[
                    I(70000),
                    I(70000),
                    I(70000),
                    I(70000),
                    I(70000),
                    I(70000),
                    I(70000),
                    I(70000),
                    I(70000),
                    I(70000),
                ],
            ),
            c(
                "%hu %hx %ho %hb %hhx %hhd %hhu",
                &[
                    I(70000),
                    I(70000),
                    I(70000),
                    I(70000),
                    I(70000),
                    I(255),
                    I(511),
                ],
            ),
            c("%hd|%hhd", &[I(-70000), I(-129)]),
            c(
                "%hc %lc %qc %hs %ls %qs",
                &[I(65), I(66), I(67), S(b"a"), S(b"b"), S(b"c")],
            ),
            c(
                "%d|%i|%5d|%-5d|%05d|%+d|% d|%+ d|% +d",
                &[
                    I(42),
                    I(42),
                    I(42),
                    I(42),
                    I(42),
                    I(42),
                    I(42),
                    I(42),
                    I(42),
                ],
            ),
            c(
                "%d|%5d|%-5d|%05d|%+d|% d",
                &[I(-42), I(-42), I(-42), I(-42), I(-42), I(-42)],
            ),
            c(
                "%.3d|%5.3d|%-5.3d|%05.3d|%.3d|%+.3d|% .3d",
                &[I(7), I(7), I(7), I(7), I(-5), I(1), I(1)],
            ),
            c(
                "%.0d|%+.0d|% .0d|%5.0d|%.0u|%.0b|%.0x|%#.0x|%#.0o|%.0o|%#5.0o|",
                &[
                    I(0),
                    I(0),
                    I(0),
                    I(0),
                    I(0),
                    I(0),
                    I(0),
                    I(0),
                    I(0),
                    I(0),
                    I(0),
                ],
            ),
            c(
                "%03d %03d %+05d % 05d %-+5d| %0-5d| %-010d|",
                &[I(-1), I(1), I(1), I(-1), I(1), I(1), I(5)],
            ),
            c("%-+ #0d|", &[I(5)]),
            c("%d %d %d %d", &[F(3.99), F(-3.99), F(1e20), F(-1e20)]),
            c("%d %d %d", &[F(1e19), F(-1e19), F(1e30)]),
            c(
                "%d %i %u %d",
                &[
                    N(18446744073709551615),
                    N(9223372036854775808),
                    N(18446744073709551615),
                    I(i64::MIN),
                ],
            ),
            c(
                "%d %u %d",
                &[
                    S(b"9999999999999999999999"),
                    S(b"9999999999999999999999"),
                    S(b"-9999999999999999999999"),
                ],
            ),
            c("%d %d %d %i", &[S(b"abc"), S(b"3abc"), S(b"-0"), S(b"1e3")]),
            c("%u %u %u %+u", &[I(-1), F(1e20), F(-1e20), I(5)]),
            c("%x %X %o %b %B", &[I(255), I(255), I(8), I(5), I(5)]),
            c("%#x %#X %#o %#b %#B", &[I(255), I(255), I(8), I(5), I(5)]),
            c("%#x %#X %#o %#b", &[I(0), I(0), I(0), I(0)]),
            c(
                "%#.3x %#.3o %#5o %#10.4x| %-#10x| %#010x",
                &[I(1), I(1), I(8), I(255), I(255), I(255)],
            ),
            c("%x %o %b", &[I(-1), I(-1), I(-1)]),
            c(
                "%x %x %x %x %o",
                &[F(1e20), F(-1e20), F(2.5), F(-2.5), F(1.9)],
            ),
            c("%+x %+o % b %+X", &[I(5), I(5), I(5), I(5)]),
            c("%D %U %O", &[I(-5), I(5), I(8)]),
            c("%c%c%c", &[I(65), I(0x263a), I(0xe9)]),
            c("%c", &[I(200)]),
            c("%c%c", &[I(0xe9), I(0x100)]),
            c("%c", &[F(65.9)]),
            c("%c", &[S(b"66")]),
            c("%c", &[I(0)]),
            c("%3c|%-3c|%03c", &[I(0x100), I(0x100), I(65)]),
            c("%.1c|%.0c|", &[I(65), I(65)]),
            c("%c", &[I(-1)]),
            c("%c", &[F(inf)]),
            c("%c", &[F(nan)]),
            c("%c", &[I(0x110000)]),
            c("%c", &[I(0xD800)]),
            c("%c", &[I(0x7FFFFFFF)]),
            c("%c", &[I(0x80000000)]),
            c("%c", &[I(i64::MAX)]),
            c("%s%c", &[U("\u{100}"), I(200)]),
            c("%5s|", &[U("\u{100}b")]),
            c("%.1s|%.2s|", &[U("\u{100}b"), U("\u{263a}bc")]),
            c("%.3s", &[U("\u{263a}\u{263b}\u{263c}\u{263d}")]),
            c(
                "%5.3s|%5.1s|%-4s|%5.0s|",
                &[
                    U("\u{100}\u{101}"),
                    U("\u{100}\u{101}"),
                    U("\u{100}"),
                    U("\u{100}"),
                ],
            ),
            c("%s", &[S(b"\xe9")]),
            c("%c%s", &[I(233), U("\u{100}")]),
            c("%.2s%s", &[U("\u{100}\u{101}\u{102}"), S(b"\xe9")]),
            c("%s|%s", &[S(b"\xe9\xff"), U("x")]),
            c("%s", &[U("abc")]),
            cu("\u{263a}%s", &[S(b"\xe9")]),
            cu("%s", &[S(b"abc")]),
            cu("\u{e9}%d", &[I(1)]),
            cu("%5s|%y", &[S(b"ab")]),
            c(
                "%e %E %f %F %g %G",
                &[F(1.5), F(1.5), F(1.5), F(1.5), F(1.5), F(1.5)],
            ),
            c(
                "%g %g %g %g %g %g",
                &[
                    F(100000.0),
                    F(1000000.0),
                    F(1e-4),
                    F(1e-5),
                    F(0.0001234),
                    F(123456789.0),
                ],
            ),
            c(
                "%#g|%#G|%#e|%#f|%#.0e|%#.0f|%#.3g|%#g",
                &[
                    F(1.0),
                    F(1e-10),
                    F(0.0),
                    F(1.0),
                    F(1.0),
                    F(1.0),
                    F(1.0),
                    F(100000.0),
                ],
            ),
            c(
                "%.15g %.17g %.16g %.0g %.1g",
                &[F(0.1), F(0.1), F(0.1), F(0.1), F(0.15)],
            ),
            c("%G %E %e", &[F(1e-10), F(1e100), F(0.0)]),
            c(
                "%.0f %.0f %.0f %.0f %.0f %.0f",
                &[F(0.5), F(1.5), F(2.5), F(-0.5), F(3.5), F(-2.5)],
            ),
            c(
                "%5.0f|%-5.0f|%+.0f|% .0f|%#.0f|%05.1f",
                &[F(2.5), F(2.5), F(2.5), F(2.5), F(2.5), F(2.45)],
            ),
            c("%.0f", &[F(1e300)]),
            c("%.0f", &[F(4503599627370497.0)]),
            c(
                "%.2f %.2f %.2f %.3f",
                &[F(1.005), F(2.675), F(1.115), F(1.0005)],
            ),
            c(
                "%10.4f|%-10.4f|%+10.4f|%010.4f|% 010.4f",
                &[F(3.14158), F(3.14158), F(3.14158), F(-3.14158), F(3.14158)],
            ),
            c("%.100f", &[F(1.0)]),
            c("%.500g", &[F(0.1)]),
            c("%.0e %.2e %.10e", &[F(12345.0), F(1.005), F(1.0 / 3.0)]),
            c("%f %e %g", &[F(-0.0), F(-0.0), F(-0.0)]),
            c("%s %s %s", &[F(-0.0), F(0.1 + 0.2), F(1e15)]),
            c("%f %g %e", &[I(3), N(18446744073709551615), I(-7)]),
            c(
                "%f|%g|%e|%s",
                &[S(b"1.5x"), S(b"inf"), S(b"nan"), S(b"inf")],
            ),
            c(
                "%a %a %a %.0a %.1a %.20a",
                &[F(1.5), F(-2.0), F(1e300), F(1.5), F(1.96875), F(1.0)],
            ),
            c(
                "%A %#a %+a % a %010a %-10a|",
                &[F(255.0), F(1.0), F(1.0), F(1.0), F(1.0), F(1.0)],
            ),
            c(
                "%.3a %.0a %.0a %.13a %.14a",
                &[F(1.99999), F(2.5), F(3.5), F(0.1), F(0.1)],
            ),
            c(
                "%a %a %a %a %a",
                &[
                    F(2f64.powi(-1023)),
                    F(2f64.powi(-1060)),
                    F(5e-324),
                    F(0.0),
                    F(-0.0),
                ],
            ),
            c(
                "%.1a %.2a %.1a %.1a %.1a %.1a",
                &[
                    F(5e-324),
                    F(3.0 * 2f64.powi(-1073)),
                    F(1.15625),
                    F(1.09375),
                    F(1.03125),
                    F(1.21875),
                ],
            ),
            c(
                "%08.3a|%-8.3a|%+08a|% 08a|%20a|%-+#a",
                &[F(1.0), F(1.0), F(1.0), F(1.0), F(3.0), F(1.0)],
            ),
            c("%a %A", &[F(f64::MAX), F(f64::MIN_POSITIVE)]),
            c("%a", &[I(10)]),
        ];
        let infs = [F(inf), F(-inf), F(nan)];
        for f in [
            "%d", "%5d", "%-6d|", "%x", "%o", "%b", "%e", "%.2f", "%g", "%a", "%u", "%+d", "%05d",
            "%i", "%X", "%#x", "%s", "%+.3e", "% g", "%010f", "%-010f|", "%.2d", "%.1s", "%#o",
            "%+5.1f", "%E", "%G", "%A", "%F", "%hd", "%vd", "% d",
        ] {
            for a in &infs {
                cases.push(c(f, std::slice::from_ref(a)));
            }
        }
        // A spread of values through each numeric conversion.
        let vals = [
            I(0),
            I(1),
            I(-1),
            I(255),
            I(-255),
            I(i64::MAX),
            I(i64::MIN),
            N(u64::MAX),
            F(0.5),
            F(-0.5),
            F(1e10),
            F(123.456),
            F(-123.456),
            F(1e-300),
            F(1e300),
            F(2.5e-7),
            S(b"12abc"),
            S(b" 0x1f"),
            S(b"1_000"),
            S(b""),
        ];
        for f in [
            "%d", "%u", "%x", "%o", "%b", "%e", "%f", "%g", "%.3g", "%10.2e", "%-12.4f|", "%s",
            "%#x", "%+d", "%.10g", "%a", "%08.3f", "%G", "%#b", "%5.3d",
        ] {
            for v in &vals {
                cases.push(c(f, std::slice::from_ref(v)));
            }
        }
        run_cases(&cases);
    }

    /// Pseudo-random formats built from perl's grammar, checked against perl.
    #[test]
    fn random_formats_match_perl() {
        let mut seed: u64 = 0x9E3779B97F4A7C15;
        let mut rnd = |n: u64| -> u64 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let pieces: [&[&str]; 7] = [
            &["", "", "1$", "2$", "3$"],
            &["", "", "-", "+", " ", "0", "#", "-0", "+ ", "#0", "0+"],
            &["", "", "", "v", "*v", "*2$v"],
            &["", "", "3", "10", "*", "*1$", "0", "05"],
            &["", "", ".", ".0", ".2", ".*", ".*2$", ".12"],
            &["", "", "", "h", "l", "hh", "q", "V", "z", "ll", "L"],
            &[
                "d", "i", "u", "o", "x", "X", "b", "B", "e", "E", "f", "F", "g", "G", "a", "A",
                "c", "s", "%", "D", "U", "O", "y", "",
            ],
        ];
        let argpool = [
            I(0),
            I(7),
            I(-7),
            I(255),
            I(65),
            I(-1),
            F(1.5),
            F(-2.25),
            F(12345.678),
            F(0.1),
            S(b"3"),
            S(b"1.2.3"),
            S(b"abc"),
            U("\u{263a}x"),
            N(u64::MAX),
            F(f64::INFINITY),
            S(b"-5"),
            I(300),
            F(-0.0),
            I(2),
        ];
        let mut cases: Vec<(&'static [u8], bool, Vec<A>)> = Vec::new();
        for _ in 0..600 {
            let mut f = String::new();
            let nconv = 1 + rnd(3);
            for k in 0..nconv {
                if rnd(3) == 0 {
                    f.push_str(["<", "ab", " ", "|"][rnd(4) as usize]);
                }
                f.push('%');
                for (pi, pc) in pieces.iter().enumerate() {
                    // Keep the literal-to-conversion ratio sane.
                    if pi == 6 && k == nconv - 1 && rnd(10) == 0 {
                        break;
                    }
                    f.push_str(pc[rnd(pc.len() as u64) as usize]);
                }
            }
            let nargs = rnd(5);
            let args: Vec<A> = (0..nargs)
                .map(|_| argpool[rnd(argpool.len() as u64) as usize].clone())
                .collect();
            let leaked: &'static str = Box::leak(f.into_boxed_str());
            cases.push((leaked.as_bytes(), false, args));
        }
        run_cases(&cases);
    }

    #[test]
    fn huge_fields_do_not_allocate() {
        let one = make(&I(1));
        let args: [&dyn FormatArg; 1] = [&one];
        for f in [
            &b"%99999999999999999999s"[..],
            b"%.999999999999999999999f",
            b"%9999999999s",
            b"%.9999999999f",
            b"%*d",
        ] {
            let big = make(&I(i64::MAX));
            let a2: [&dyn FormatArg; 2] = [&big, &one];
            let r = if f == b"%*d" {
                sprintf(f, false, &a2)
            } else {
                sprintf(f, false, &args)
            };
            assert_eq!(
                r.unwrap_err().message,
                "Integer overflow in format string for sprintf"
            );
        }
        let big = make(&I(i64::MIN));
        let a2: [&dyn FormatArg; 2] = [&big, &one];
        assert!(sprintf(b"%*d", false, &a2).is_err());
        assert!(sprintf(b"%.*d", false, &a2).is_err());
    }
}
