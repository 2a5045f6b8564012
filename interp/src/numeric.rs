//! Perl's numeric semantics: string→number conversion, number stringification,
//! the integer-preserving arithmetic of the `+ - * / % **` operators, bitwise
//! operators, `hex`/`oct` and the magic string increment.
//!
//! Perl keeps integers (IV/UV) exact for as long as possible and falls back to
//! doubles (NV) on overflow; a double holding an integral value below 2**53 is
//! treated as an integer again by the next arithmetic operator.  The helpers
//! here reproduce those rules so that results print byte-identically.

use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Int(i64),
    UInt(u64),
    Float(f64),
}

/// 2**53: below this a double converts to an integer "precisely" and perl
/// flags it as an integer (NV_PRESERVES_UV_BITS).
const PRESERVE_LIMIT: u64 = 1 << 53;
const IV_MAX_P1: f64 = 9223372036854775808.0;
const UV_MAX_P1: f64 = 18446744073709551616.0;

impl Num {
    /// perl's name for an infinite or NaN number (in its errors), if it
    /// is one.
    pub fn non_finite_name(self) -> Option<&'static str> {
        match self {
            Num::Float(f) if f.is_nan() => Some("NaN"),
            Num::Float(f) if f.is_infinite() => Some(if f < 0.0 { "-Inf" } else { "Inf" }),
            _ => None,
        }
    }

    pub fn to_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::UInt(u) => u as f64,
            Num::Float(f) => f,
        }
    }

    /// Perl's SvIV of a number (C cast semantics with perl's clamping).
    pub fn to_i64(self) -> i64 {
        match self {
            Num::Int(i) => i,
            Num::UInt(u) => u as i64,
            Num::Float(f) => cast_iv(f),
        }
    }

    /// Perl's SvUV of a number.
    pub fn to_u64(self) -> u64 {
        match self {
            Num::Int(i) => i as u64,
            Num::UInt(u) => u,
            Num::Float(f) => {
                // sv_2uv goes through the IV slot for values below IV_MAX.
                if f < IV_MAX_P1 {
                    cast_iv(f) as u64
                } else {
                    cast_uv(f)
                }
            }
        }
    }

    /// Normalises an unsigned result: perl stores non-negative values that
    /// fit an IV as IVs.
    fn from_u64(u: u64) -> Num {
        if u <= i64::MAX as u64 {
            Num::Int(u as i64)
        } else {
            Num::UInt(u)
        }
    }

    /// A negated magnitude, or a float when it does not fit an IV.
    fn from_neg_mag(m: u64) -> Num {
        if m <= 1u64 << 63 {
            Num::Int((m as i64).wrapping_neg())
        } else {
            Num::Float(-(m as f64))
        }
    }

    /// Sign and magnitude when perl would do integer arithmetic on the value
    /// (SvIV_please): integers always, doubles only when integral and small.
    fn int_like(self) -> Option<(bool, u64)> {
        match self {
            Num::Int(i) => Some((i < 0, i.unsigned_abs())),
            Num::UInt(u) => Some((false, u)),
            Num::Float(f) => {
                if f.is_nan() || !(f < IV_MAX_P1 && f > -IV_MAX_P1) {
                    return None;
                }
                let i = f as i64;
                if i as f64 == f && i.unsigned_abs() < PRESERVE_LIMIT {
                    Some((i < 0, i.unsigned_abs()))
                } else {
                    None
                }
            }
        }
    }
}

/// Perl_cast_iv: C's cast made total.
pub fn cast_iv(f: f64) -> i64 {
    if f < IV_MAX_P1 {
        if f < -IV_MAX_P1 {
            i64::MIN
        } else {
            f as i64
        }
    } else if f < UV_MAX_P1 {
        (f as u64) as i64
    } else if f > 0.0 {
        -1
    } else {
        0
    }
}

/// Perl_cast_uv.
pub fn cast_uv(f: f64) -> u64 {
    if f < 0.0 {
        if f < -IV_MAX_P1 {
            1u64 << 63
        } else {
            (f as i64) as u64
        }
    } else if f < UV_MAX_P1 {
        f as u64
    } else if f > 0.0 {
        u64::MAX
    } else {
        0
    }
}

#[inline]
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn eq_fold(s: &[u8], pat: &[u8]) -> bool {
    s.len() >= pat.len() && s[..pat.len()].eq_ignore_ascii_case(pat)
}

/// Recognises the infinity/NaN spellings perl's grok_infnan accepts.
/// Returns the value and whether the rest (after `rest_from`) is trailing
/// whitespace only.
fn parse_infnan(s: &[u8], neg: bool) -> Option<(f64, bool)> {
    let sign = if neg { -1.0 } else { 1.0 };
    let rest_ok = |r: &[u8]| r.iter().all(|&c| is_space(c));
    if eq_fold(s, b"1.#") {
        let r = &s[3..];
        for (pat, v) in [
            (&b"INF"[..], f64::INFINITY * sign),
            (b"IND", f64::NAN),
            (b"QNAN", f64::NAN),
            (b"SNAN", f64::NAN),
        ] {
            if eq_fold(r, pat) {
                let mut r = &r[pat.len()..];
                while let Some(&c) = r.first() {
                    if c == b'0' {
                        r = &r[1..];
                    } else {
                        break;
                    }
                }
                return Some((v, rest_ok(r)));
            }
        }
        return None;
    }
    if eq_fold(s, b"inf") {
        let r = &s[3..];
        let r = if eq_fold(r, b"inity") { &r[5..] } else { r };
        return Some((f64::INFINITY * sign, rest_ok(r)));
    }
    let nan_rest = if eq_fold(s, b"qnan") || eq_fold(s, b"snan") {
        Some(&s[4..])
    } else if eq_fold(s, b"nan") {
        let r = &s[3..];
        Some(if eq_fold(r, b"q") || eq_fold(r, b"s") {
            &r[1..]
        } else {
            r
        })
    } else {
        None
    };
    if let Some(mut r) = nan_rest {
        if r.first() == Some(&b'(') {
            if let Some(p) = r.iter().position(|&c| c == b')') {
                r = &r[p + 1..];
            }
        }
        return Some((f64::NAN, rest_ok(r)));
    }
    None
}

/// A double parsed from a string: perl caches it as a (public) integer when
/// it is integral and within the IV/UV range, whatever its magnitude, so the
/// arithmetic operators then work on it as an integer.
fn string_double(f: f64) -> Num {
    if f.fract() != 0.0 || f.is_nan() || (f == 0.0 && f.is_sign_negative()) {
        return Num::Float(f);
    }
    if (-IV_MAX_P1..IV_MAX_P1).contains(&f) {
        Num::Int(f as i64)
    } else if (IV_MAX_P1..UV_MAX_P1).contains(&f) {
        Num::UInt(f as u64)
    } else {
        Num::Float(f)
    }
}

/// Perl's string→number conversion. The bool is looks_like_number.
pub fn parse_number(s: &[u8]) -> (Num, bool) {
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut neg = false;
    if i < s.len() && (s[i] == b'-' || s[i] == b'+') {
        neg = s[i] == b'-';
        i += 1;
    }
    let num_start = i;
    let int_start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let int_end = i;
    let mut frac_digits = 0;
    let mut has_point = false;
    if i < s.len() && s[i] == b'.' {
        let j = i + 1;
        let mut k = j;
        while k < s.len() && s[k].is_ascii_digit() {
            k += 1;
        }
        frac_digits = k - j;
        if int_end > int_start || frac_digits > 0 {
            has_point = true;
            i = k;
        }
    }
    if eq_fold(&s[num_start..], b"1.#") {
        if let Some((v, ok)) = parse_infnan(&s[num_start..], neg) {
            return (Num::Float(v), ok);
        }
    }
    if int_end == int_start && frac_digits == 0 {
        if let Some((v, ok)) = parse_infnan(&s[num_start..], neg) {
            return (Num::Float(v), ok);
        }
        let zero_but_true = s == b"0 but true";
        return (Num::Int(0), zero_but_true);
    }
    let mut has_exp = false;
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut k = i + 1;
        if k < s.len() && (s[k] == b'-' || s[k] == b'+') {
            k += 1;
        }
        let ds = k;
        while k < s.len() && s[k].is_ascii_digit() {
            k += 1;
        }
        if k > ds {
            has_exp = true;
            i = k;
        }
    }
    let num_end = i;
    let is_exp = has_exp;
    let mut j = i;
    while j < s.len() && is_space(s[j]) {
        j += 1;
    }
    let looks = j == s.len() || s == b"0 but true";
    if !has_point && !has_exp {
        let mut v: u64 = 0;
        let mut overflow = false;
        for &c in &s[int_start..int_end] {
            match v
                .checked_mul(10)
                .and_then(|x| x.checked_add((c - b'0') as u64))
            {
                Some(x) => v = x,
                None => {
                    overflow = true;
                    break;
                }
            }
        }
        if !overflow {
            if !neg {
                return (Num::from_u64(v), looks);
            }
            if v == 0 {
                // "-0" numifies to an integer zero in integer context but
                // to -0.0 as a double; a Float(-0.0) reproduces both.
                return (Num::Float(-0.0), looks);
            }
            if v <= 1u64 << 63 {
                return (Num::Int((v as i64).wrapping_neg()), looks);
            }
        }
    }
    let text = std::str::from_utf8(&s[num_start..num_end]).unwrap_or("0");
    let mut f: f64 = text.parse().unwrap_or(0.0);
    if neg {
        f = -f;
    }
    // Only a string with an exponent becomes a public integer; "1.0" keeps
    // the integer part in a private slot and is used as a double.
    let overflowed_int = !has_point && !is_exp;
    if is_exp && !overflowed_int {
        (string_double(f), looks)
    } else {
        (Num::Float(f), looks)
    }
}

pub fn looks_like_number(s: &[u8]) -> bool {
    parse_number(s).1
}

/// Perl's stringification of a double (`%.15g`, "Inf", "NaN", zero as "0").
pub fn format_float(f: f64, out: &mut Vec<u8>) {
    if f.is_nan() {
        out.extend_from_slice(b"NaN");
    } else if f.is_infinite() {
        out.extend_from_slice(if f < 0.0 { b"-Inf" } else { b"Inf" });
    } else if f == 0.0 {
        out.push(b'0');
    } else if f.fract() == 0.0 && f.abs() < 1e15 {
        // Exactly what %.15g prints for these, without the libc call.
        format_int(f as i64, out);
    } else {
        let mut buf = [0u8; 40];
        // SAFETY: the buffer is large enough for any %.15g output and
        // snprintf never writes beyond the size given.
        let n = unsafe {
            libc::snprintf(
                buf.as_mut_ptr() as *mut libc::c_char,
                buf.len(),
                c"%.15g".as_ptr(),
                f,
            )
        };
        let n = (n.max(0) as usize).min(buf.len() - 1);
        out.extend_from_slice(&buf[..n]);
    }
}

pub fn format_int(i: i64, out: &mut Vec<u8>) {
    if i < 0 {
        out.push(b'-');
    }
    format_uint(i.unsigned_abs(), out);
}

pub fn format_uint(mut u: u64, out: &mut Vec<u8>) {
    let mut buf = [0u8; 20];
    let mut p = buf.len();
    loop {
        p -= 1;
        buf[p] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[p..]);
}

/// Stringifies any Num the way `print` does.
pub fn format_num(n: Num, out: &mut Vec<u8>) {
    match n {
        Num::Int(i) => format_int(i, out),
        Num::UInt(u) => format_uint(u, out),
        Num::Float(f) => format_float(f, out),
    }
}

/// Perl's magic string increment for strings matching /^[a-zA-Z]*[0-9]*$/.
pub fn magic_increment(s: &[u8]) -> Option<Vec<u8>> {
    if s.is_empty() {
        return None;
    }
    let mut i = 0;
    while i < s.len() && s[i].is_ascii_alphabetic() {
        i += 1;
    }
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    if i != s.len() {
        return None;
    }
    let mut v = s.to_vec();
    let mut k = v.len();
    while k > 0 {
        k -= 1;
        let c = v[k];
        let (next, wrap) = match c {
            b'z' => (b'a', true),
            b'Z' => (b'A', true),
            b'9' => (b'0', true),
            _ => (c + 1, false),
        };
        v[k] = next;
        if !wrap {
            return Some(v);
        }
    }
    // Every position carried: prepend the "one" of the leading class.
    let first = match s[0] {
        b'0'..=b'9' => b'1',
        b'a'..=b'z' => b'a',
        _ => b'A',
    };
    v.insert(0, first);
    Some(v)
}

fn scan_radix(
    s: &[u8],
    shift: u32,
    name: &str,
    cap_name: &str,
    max_text: &str,
    warnings: &mut Vec<String>,
) -> Num {
    let base = 1u64 << shift;
    let digit = |c: u8| -> Option<u64> {
        let d = (c as char).to_digit(16)? as u64;
        if d < base {
            Some(d)
        } else {
            None
        }
    };
    let mut value: u64 = 0;
    let mut nv: f64 = 0.0;
    let mut overflowed = false;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        let d = match digit(c) {
            Some(d) => d,
            None => {
                if c == b'_' && i + 1 < s.len() && digit(s[i + 1]).is_some() {
                    i += 1;
                    continue;
                }
                if shift != 3 {
                    warnings.push(format!("Illegal {} digit '{}' ignored", name, c as char));
                } else if c == b'8' || c == b'9' {
                    warnings.push(format!("Illegal octal digit '{}' ignored", c as char));
                }
                break;
            }
        };
        if !overflowed {
            if value >> (64 - shift) == 0 {
                value = (value << shift) | d;
                i += 1;
                continue;
            }
            overflowed = true;
            nv = value as f64;
            warnings.push(format!("Integer overflow in {} number", name));
        }
        nv = nv * base as f64 + d as f64;
        i += 1;
    }
    if overflowed || value > 0xffff_ffff {
        warnings.push(format!("{} number > {} non-portable", cap_name, max_text));
    }
    if overflowed {
        Num::Float(nv)
    } else {
        Num::from_u64(value)
    }
}

fn scan_hex(s: &[u8], w: &mut Vec<String>) -> Num {
    scan_radix(s, 4, "hexadecimal", "Hexadecimal", "0xffffffff", w)
}
fn scan_bin(s: &[u8], w: &mut Vec<String>) -> Num {
    scan_radix(
        s,
        1,
        "binary",
        "Binary",
        "0b11111111111111111111111111111111",
        w,
    )
}
fn scan_oct(s: &[u8], w: &mut Vec<String>) -> Num {
    scan_radix(s, 3, "octal", "Octal", "037777777777", w)
}

fn strip_prefix_fold(s: &[u8], c: u8) -> Option<&[u8]> {
    match s.first() {
        Some(&x) if x.to_ascii_lowercase() == c => Some(&s[1..]),
        _ => None,
    }
}

/// Perl's hex(): optional "0x"/"x" prefix, underscores between digits.
/// Returns the value and the warnings perl would emit, in order.
pub fn hex(s: &[u8]) -> (Num, Vec<String>) {
    let mut w = Vec::new();
    let mut t = s;
    if t.first() == Some(&b'0') && matches!(t.get(1), Some(b'x') | Some(b'X')) {
        t = &t[2..];
    } else if let Some(r) = strip_prefix_fold(t, b'x') {
        t = r;
    }
    let n = scan_hex(t, &mut w);
    (n, w)
}

/// Perl's oct(): leading whitespace, then "0x"/"x" hex, "0b"/"b" binary,
/// "0o"/"o" or plain octal.
pub fn oct(s: &[u8]) -> (Num, Vec<String>) {
    let mut w = Vec::new();
    let mut t = s;
    while let Some(&c) = t.first() {
        if is_space(c) {
            t = &t[1..];
        } else {
            break;
        }
    }
    if t.first() == Some(&b'0') {
        t = &t[1..];
    }
    let n = if let Some(r) = strip_prefix_fold(t, b'x') {
        scan_hex(r, &mut w)
    } else if let Some(r) = strip_prefix_fold(t, b'b') {
        scan_bin(r, &mut w)
    } else {
        let r = strip_prefix_fold(t, b'o').unwrap_or(t);
        scan_oct(r, &mut w)
    };
    (n, w)
}

pub const DIV_ZERO: &str = "Illegal division by zero";
pub const MOD_ZERO: &str = "Illegal modulus zero";

/// Adds signed magnitudes, or None on overflow (then perl uses doubles).
fn add_mag(an: bool, a: u64, bn: bool, b: u64) -> Option<Num> {
    if an == bn {
        let r = a.checked_add(b)?;
        Some(if an {
            if r > 1u64 << 63 {
                return None;
            }
            Num::from_neg_mag(r)
        } else {
            Num::from_u64(r)
        })
    } else {
        // Signs differ: the result has the sign of the larger magnitude.
        let (r, neg) = if a >= b { (a - b, an) } else { (b - a, bn) };
        Some(if neg {
            if r > 1u64 << 63 {
                return None;
            }
            Num::from_neg_mag(r)
        } else {
            Num::from_u64(r)
        })
    }
}

pub fn add(a: Num, b: Num) -> Num {
    if let (Some((an, am)), Some((bn, bm))) = (a.int_like(), b.int_like()) {
        if let Some(r) = add_mag(an, am, bn, bm) {
            return r;
        }
    }
    Num::Float(a.to_f64() + b.to_f64())
}

pub fn sub(a: Num, b: Num) -> Num {
    if let (Some((an, am)), Some((bn, bm))) = (a.int_like(), b.int_like()) {
        if let Some(r) = add_mag(an, am, !bn && bm != 0, bm) {
            return r;
        }
    }
    Num::Float(a.to_f64() - b.to_f64())
}

pub fn mul(a: Num, b: Num) -> Num {
    if let (Some((an, am)), Some((bn, bm))) = (a.int_like(), b.int_like()) {
        if let Some(p) = am.checked_mul(bm) {
            if an == bn || p == 0 {
                return Num::from_u64(p);
            }
            if p <= 1u64 << 63 {
                return Num::from_neg_mag(p);
            }
        }
    }
    Num::Float(a.to_f64() * b.to_f64())
}

pub fn div(a: Num, b: Num) -> Result<Num, &'static str> {
    if let (Some((an, am)), Some((bn, bm))) = (a.int_like(), b.int_like()) {
        if bm == 0 {
            return Err(DIV_ZERO);
        }
        // Perl only divides as integers where a double could lose bits.
        if am >= bm && (am > PRESERVE_LIMIT || bm > PRESERVE_LIMIT) {
            let q = am / bm;
            if q * bm == am {
                if an == bn {
                    return Ok(Num::from_u64(q));
                }
                if q <= 1u64 << 63 {
                    return Ok(Num::from_neg_mag(q));
                }
                return Ok(Num::Float(-(q as f64)));
            }
        }
    }
    let d = b.to_f64();
    if d == 0.0 {
        return Err(DIV_ZERO);
    }
    Ok(Num::Float(a.to_f64() / d))
}

pub fn modulo(a: Num, b: Num) -> Result<Num, &'static str> {
    let mut use_double = false;
    let mut dright_valid = false;
    let (rneg, mut right, mut dright) = match b.int_like() {
        Some((n, m)) => (n, m, m as f64),
        None => {
            let f = b.to_f64();
            let neg = f < 0.0;
            let d = f.abs();
            if d < UV_MAX_P1 {
                dright_valid = true;
                (neg, d as u64, d)
            } else {
                use_double = true;
                (neg, 0, d)
            }
        }
    };
    let (lneg, left, dleft) = match (use_double, a.int_like()) {
        (false, Some((n, m))) => (n, m, m as f64),
        _ => {
            let f = a.to_f64();
            let neg = f < 0.0;
            let d = f.abs();
            if use_double {
                (neg, 0, d)
            } else if d < UV_MAX_P1 {
                (neg, d as u64, d)
            } else {
                // Perl rounds both operands to integers (5.6 behaviour)
                // when only the left one is out of the UV range.
                use_double = true;
                if dright_valid {
                    dright = (dright + 0.5).floor();
                }
                (neg, 0, (d + 0.5).floor())
            }
        }
    };
    if use_double {
        if dright == 0.0 {
            return Err(MOD_ZERO);
        }
        let mut ans = dleft % dright;
        if lneg != rneg && ans != 0.0 {
            ans = dright - ans;
        }
        if rneg {
            ans = -ans;
        }
        return Ok(Num::Float(ans));
    }
    if right == 0 {
        return Err(MOD_ZERO);
    }
    let mut ans = left % right;
    if lneg != rneg && ans != 0 {
        ans = right - ans;
    }
    right = ans;
    if rneg {
        if right <= 1u64 << 63 {
            Ok(Num::Int((right as i64).wrapping_neg()))
        } else {
            Ok(Num::Float(-(right as f64)))
        }
    } else {
        Ok(Num::from_u64(right))
    }
}

pub fn pow(a: Num, b: Num) -> Num {
    if let (Some((an, am)), Some((bn, bm))) = (a.int_like(), b.int_like()) {
        if !bn {
            let power = bm;
            if am & am.wrapping_sub(1) == 0 {
                // Powers of two are exact in doubles by repeated squaring.
                let mut result = 1.0f64;
                let mut base = if an { -(am as f64) } else { am as f64 };
                let mut p = power;
                while p != 0 {
                    if p & 1 == 1 {
                        result *= base;
                    }
                    p >>= 1;
                    if p != 0 {
                        base *= base;
                    }
                }
                return Num::Float(result);
            }
            let highbit = 64 - am.leading_zeros() as u64;
            // Perl's guard multiplies in a UV and so wraps for huge powers;
            // the wrapped comparison (and the wrapping products) are kept.
            if power.wrapping_mul(highbit) <= 64 {
                let mut result: u64 = 1;
                let mut base = am;
                let odd = power & 1 == 1;
                if odd {
                    result = base;
                }
                let mut p = power;
                loop {
                    p >>= 1;
                    if p == 0 {
                        break;
                    }
                    base = base.wrapping_mul(base);
                    if p & 1 == 1 {
                        result = result.wrapping_mul(base);
                    }
                }
                if !an || !odd {
                    return Num::from_u64(result);
                }
                return Num::from_neg_mag(result);
            }
        }
    }
    Num::Float(a.to_f64().powf(b.to_f64()))
}

pub fn neg(a: Num) -> Num {
    match a {
        Num::Int(i) if i != i64::MIN => Num::Int(-i),
        Num::Int(_) => Num::UInt(1u64 << 63),
        Num::UInt(u) if u == 1u64 << 63 => Num::Int(i64::MIN),
        Num::UInt(u) => Num::Float(-(u as f64)),
        Num::Float(f) => Num::Float(-f),
    }
}

pub fn num_cmp(a: Num, b: Num) -> Option<Ordering> {
    if let (Some((an, am)), Some((bn, bm))) = (a.int_like(), b.int_like()) {
        return Some(match (an, bn) {
            (false, false) => am.cmp(&bm),
            (true, true) => bm.cmp(&am),
            (true, false) => {
                if am == 0 && bm == 0 {
                    Ordering::Equal
                } else {
                    Ordering::Less
                }
            }
            (false, true) => {
                if am == 0 && bm == 0 {
                    Ordering::Equal
                } else {
                    Ordering::Greater
                }
            }
        });
    }
    a.to_f64().partial_cmp(&b.to_f64())
}

/// int(): truncation toward zero, keeping integers exact and Inf/NaN as is.
pub fn int(a: Num) -> Num {
    match a {
        Num::Float(f) => {
            if f.is_nan() || f.is_infinite() {
                Num::Float(f)
            } else if f >= 0.0 {
                if f < UV_MAX_P1 {
                    Num::from_u64(f as u64)
                } else {
                    Num::Float(f.floor())
                }
            } else if f > -IV_MAX_P1 - 0.5 {
                Num::Int(f as i64)
            } else {
                Num::Float(f.ceil())
            }
        }
        n => n,
    }
}

pub fn abs(a: Num) -> Num {
    match a {
        Num::Int(i) if i >= 0 => Num::Int(i),
        Num::Int(i) if i != i64::MIN => Num::Int(-i),
        Num::Int(_) => Num::UInt(1u64 << 63),
        Num::UInt(u) => Num::UInt(u),
        Num::Float(f) => Num::Float(if f < 0.0 { -f } else { f }),
    }
}

pub fn bit_and(a: Num, b: Num) -> Num {
    Num::from_u64(a.to_u64() & b.to_u64())
}
pub fn bit_or(a: Num, b: Num) -> Num {
    Num::from_u64(a.to_u64() | b.to_u64())
}
pub fn bit_xor(a: Num, b: Num) -> Num {
    Num::from_u64(a.to_u64() ^ b.to_u64())
}
pub fn bit_not(a: Num) -> Num {
    Num::from_u64(!a.to_u64())
}

fn shift_count(b: Num) -> i64 {
    // Counts beyond IV_MAX shift everything out rather than wrapping negative.
    match b {
        Num::UInt(_) => i64::MAX,
        Num::Float(f) if f >= IV_MAX_P1 => i64::MAX,
        _ => b.to_i64(),
    }
}

fn uv_shift(u: u64, shift: i64, left: bool) -> u64 {
    let (s, left) = if shift < 0 {
        (shift.unsigned_abs(), !left)
    } else {
        (shift as u64, left)
    };
    if s >= 64 {
        0
    } else if left {
        u << s
    } else {
        u >> s
    }
}

fn iv_shift(i: i64, shift: i64, left: bool) -> i64 {
    let (s, left) = if shift < 0 {
        (shift.unsigned_abs(), !left)
    } else {
        (shift as u64, left)
    };
    if s >= 64 {
        if i < 0 && !left {
            -1
        } else {
            0
        }
    } else if left {
        ((i as u64) << s) as i64
    } else {
        i >> s
    }
}

pub fn shl(a: Num, b: Num) -> Num {
    Num::from_u64(uv_shift(a.to_u64(), shift_count(b), true))
}
pub fn shr(a: Num, b: Num) -> Num {
    Num::from_u64(uv_shift(a.to_u64(), shift_count(b), false))
}

/// The `use integer` variants: signed 64-bit, wrapping.
pub fn int_bit_and(a: Num, b: Num) -> Num {
    Num::Int(a.to_i64() & b.to_i64())
}
pub fn int_bit_or(a: Num, b: Num) -> Num {
    Num::Int(a.to_i64() | b.to_i64())
}
pub fn int_bit_xor(a: Num, b: Num) -> Num {
    Num::Int(a.to_i64() ^ b.to_i64())
}
pub fn int_bit_not(a: Num) -> Num {
    Num::Int(!a.to_i64())
}
pub fn int_shl(a: Num, b: Num) -> Num {
    Num::Int(iv_shift(a.to_i64(), shift_count(b), true))
}
pub fn int_shr(a: Num, b: Num) -> Num {
    Num::Int(iv_shift(a.to_i64(), shift_count(b), false))
}

#[cfg(test)]
pub(crate) mod perl_oracle {
    use std::io::Write;
    use std::process::{Command, Stdio};

    /// Runs a perl program (source on stdin) and returns its stdout.
    pub fn run_perl(src: &str) -> Vec<u8> {
        let mut child = Command::new("/usr/bin/perl")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("perl");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(src.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        out.stdout
    }

    /// A perl double-quoted literal for arbitrary bytes.
    pub fn perl_str(b: &[u8]) -> String {
        let mut s = String::from("\"");
        for &c in b {
            if c.is_ascii_alphanumeric() || b" .,:;_+-=()[]<>/!?#&*'|~^".contains(&c) {
                s.push(c as char);
            } else {
                s.push_str(&format!("\\x{:02x}", c));
            }
        }
        s.push('"');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::perl_oracle::*;
    use super::*;

    fn show(n: Num) -> String {
        let mut v = Vec::new();
        format_num(n, &mut v);
        String::from_utf8(v).unwrap()
    }

    fn g17(f: f64) -> String {
        let mut buf = [0u8; 64];
        let n = unsafe {
            libc::snprintf(
                buf.as_mut_ptr() as *mut libc::c_char,
                64,
                c"%.17g".as_ptr(),
                f,
            )
        };
        let s = String::from_utf8_lossy(&buf[..n as usize]).into_owned();
        match s.as_str() {
            "inf" => "Inf".into(),
            "-inf" => "-Inf".into(),
            "nan" | "-nan" => "NaN".into(),
            _ => s,
        }
    }

    fn compare(label: &str, expected: &[u8], got: &[String]) {
        let exp: Vec<&str> = std::str::from_utf8(expected).unwrap().lines().collect();
        assert_eq!(exp.len(), got.len(), "{}: line count", label);
        let mut bad = Vec::new();
        for (i, (e, g)) in exp.iter().zip(got).enumerate() {
            if e != g {
                bad.push(format!("#{} perl={:?} ours={:?}", i, e, g));
            }
        }
        assert!(bad.is_empty(), "{} mismatches:\n{}", label, bad.join("\n"));
    }

    const STRINGS: &[&str] = &[
        "1",
        "1 ",
        " 1",
        "1\n",
        "1\n\n",
        "\n1",
        " 1 \n",
        "1.",
        "..5",
        ".5",
        ".",
        "+.5",
        "-",
        "+",
        "1e",
        "1e+",
        "1e5",
        "1E-5",
        "0x10",
        "1_000",
        "Inf",
        "inf",
        "Infinity",
        "-inf",
        "+Inf",
        "infin",
        "nan",
        "NaN",
        "nanq",
        "nans",
        "qnan",
        "snan",
        "nan(123)",
        "1.#INF",
        "1.#IND",
        "-nan",
        "Inf ",
        "  +3.25e2  ",
        "1 2",
        "\t3\x0c",
        "\x0b3",
        "00012",
        "-0",
        "--1",
        "1a",
        "e5",
        "0 but true",
        "0 but true ",
        "infinityx",
        "1.5e3x",
        "",
        " ",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "123456789012345678901234567890",
        "0.1",
        "-0.0",
        "1.0",
        "3.14159265358979323846",
        "1e308",
        "1e309",
        "-1e309",
        "4.9e-324",
        "1e-400",
        "12abc",
        " 12abc",
        "0e0",
        "0.000001",
        "1.23456789012345678",
        "-.5e1",
        "5.e2",
        "1.5E+3",
        "\r7\r",
    ];

    #[test]
    fn parse_number_matches_perl() {
        let mut src = String::from(
            "use Scalar::Util 'looks_like_number'; no warnings;\n\
             sub g { my $s = sprintf('%.17g', $_[0]); $s =~ s/^-?nan$/NaN/i; $s =~ s/^inf$/Inf/i; $s =~ s/^-inf$/-Inf/i; $s }\n",
        );
        for s in STRINGS {
            src.push_str(&format!(
                "{{ my $s = {}; my $t = \"$s\"; print looks_like_number($s) ? 1 : 0, ' ', g($t), ' ', 0+\"$s\", \"\\n\"; }}\n",
                perl_str(s.as_bytes())
            ));
        }
        let out = run_perl(&src);
        let got: Vec<String> = STRINGS
            .iter()
            .map(|s| {
                let (n, l) = parse_number(s.as_bytes());
                format!(
                    "{} {} {}",
                    l as u8,
                    g17(n.to_f64()),
                    show(add(Num::Int(0), n))
                )
            })
            .collect();
        compare("parse_number", &out, &got);
    }

    #[test]
    fn format_float_matches_perl() {
        let exprs = [
            "0.1+0.2",
            "1e21",
            "1/3",
            "-1/3",
            "1e15",
            "1e16",
            "123456789012345678.0",
            "0.0001",
            "1e-5",
            "1.5e-7",
            "2**-1074",
            "9**9**9",
            "-9**9**9",
            "-sin(9**9**9)",
            "-0.0*1",
            "0.1*3",
            "1e100",
            "3.14159265358979",
            "2**53",
            "2**63",
            "2**64",
            "-2**63",
            "1234567.891",
            "999999999999999.9",
            "99999999999999.99",
            "0.000123456789",
            "1.0000000000000002",
            "4.35",
            "100*1.1",
            "1e15+0.3",
            "-1e-300",
            "6.02214076e23",
            "1.7976931348623157e308",
            "2.2250738585072014e-308",
            "255/256",
            "1e14",
            "-1e15",
            "123456789.123456789",
            "0.5",
            "-0.5",
            "1.5",
            "25.0",
        ];
        let mut src = String::from("no warnings;\n");
        for e in exprs {
            src.push_str(&format!(
                "{{ my $v = {}; $v += 0.0 if 0; my $s = sprintf('%.17g', $v); print $s, ' ', $v, \"\\n\"; }}\n",
                e
            ));
        }
        let out = run_perl(&src);
        let text = String::from_utf8(out).unwrap();
        for line in text.lines() {
            let (repr, printed) = line.split_once(' ').unwrap();
            let f: f64 = match repr {
                "inf" | "Inf" => f64::INFINITY,
                "-inf" | "-Inf" => f64::NEG_INFINITY,
                "nan" | "-nan" | "NaN" => f64::NAN,
                r => r.parse().unwrap(),
            };
            let mut v = Vec::new();
            format_float(f, &mut v);
            // Integral values in perl may be printed from the IV slot; both
            // must agree anyway.
            assert_eq!(std::str::from_utf8(&v).unwrap(), printed, "repr {}", repr);
        }
    }

    #[test]
    fn magic_increment_matches_perl() {
        let cases = [
            "0009", "Zz", "zZ9", "a", "z", "Az", "zz", "a9", "9", "99", "Z", "A99", "zz99", "Aa0",
            "aZ", "Zz99", "zzzz", "b", "AbC", "09", "a0b", "",
        ];
        let mut src = String::new();
        for c in &cases {
            if magic_increment(c.as_bytes()).is_some() {
                src.push_str(&format!("{{ my $x = '{}'; $x++; print \"$x\\n\"; }}\n", c));
            }
        }
        let out = run_perl(&src);
        let got: Vec<String> = cases
            .iter()
            .filter_map(|c| magic_increment(c.as_bytes()))
            .map(|v| String::from_utf8(v).unwrap())
            .collect();
        compare("magic_increment", &out, &got);
        assert!(magic_increment(b"a0b").is_none());
        assert!(magic_increment(b"").is_none());
        assert!(magic_increment(b"-1").is_none());
        assert!(magic_increment(b"1.5").is_none());
    }

    #[test]
    fn hex_oct_match_perl() {
        let cases = [
            "  1f",
            "0x1F",
            "x1f",
            "1_f",
            "1__f",
            "_1f",
            "1g",
            "100000000",
            "ffffffff",
            "ffffffffffffffff",
            "10000000000000000",
            "123456789abcdef0123",
            "f_",
            "0X_ff",
            "",
            "0",
            "deadbeef",
            "DEADBEEF",
            "0b101",
            "1 2",
            "fffffffffffffffff0",
            " 0x1f",
            "x1f",
            "b101",
            "o17",
            "0o17",
            "789",
            "1_7",
            "0b1_01",
            "12 ",
            " 12",
            "8",
            "1a",
            "0b12",
            "0x_1",
            "0b11111111111111111111111111111111111111111111111111111111111111111",
            "777777777777777777777777777777",
            "0o777_777",
            "017777777777",
            "040000000000",
            "0b100000000000000000000000000000000",
            "0xg",
            "\t\n 0b11",
            "O17",
            "0B11",
        ];
        let mut src = String::from(
            "use warnings; $SIG{__WARN__} = sub { my $m = shift; $m =~ s/ at - line \\d+\\.\\n//; print \"W:$m|\" };\n",
        );
        for c in &cases {
            let lit = perl_str(c.as_bytes());
            src.push_str(&format!(
                "{{ my $r = hex({lit}); print \"$r\\n\"; $r = oct({lit}); print \"$r\\n\"; }}\n"
            ));
        }
        let out = run_perl(&src);
        let mut got = Vec::new();
        for c in &cases {
            for f in [hex as fn(&[u8]) -> (Num, Vec<String>), oct] {
                let (n, w) = f(c.as_bytes());
                let mut s = String::new();
                for m in w {
                    s.push_str(&format!("W:{}|", m));
                }
                s.push_str(&show(n));
                got.push(s);
            }
        }
        compare("hex/oct", &out, &got);
    }

    const VALUES: &[&str] = &[
        "0",
        "1",
        "-1",
        "2",
        "3",
        "-3",
        "7",
        "-7",
        "10",
        "-2",
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "18446744073709551615",
        "4611686018427387904",
        "-4611686018427387904",
        "1.5",
        "-2.5",
        "7.5",
        "1e3",
        "0.1",
        "1e20",
        "-1e20",
        "4294967296",
        "4294967295",
        "9007199254740992",
        "9007199254740993",
        "9007199254740991",
        "1e15",
        "64",
        "63",
        "-64",
        "65",
        "0.5",
        "-0.5",
        "-0",
        "inf",
        "-inf",
        "nan",
        "3037000499",
        "3037000500",
        "18446744073709551614",
        "1e19",
    ];

    type BinOp = fn(Num, Num) -> Result<Num, &'static str>;

    fn binops() -> Vec<(&'static str, BinOp)> {
        vec![
            ("+", |a, b| Ok(add(a, b))),
            ("-", |a, b| Ok(sub(a, b))),
            ("*", |a, b| Ok(mul(a, b))),
            ("/", div),
            ("%", modulo),
            ("**", |a, b| Ok(pow(a, b))),
            ("&", |a, b| Ok(bit_and(a, b))),
            ("|", |a, b| Ok(bit_or(a, b))),
            ("^", |a, b| Ok(bit_xor(a, b))),
            ("<<", |a, b| Ok(shl(a, b))),
            (">>", |a, b| Ok(shr(a, b))),
        ]
    }

    #[test]
    fn arithmetic_matches_perl() {
        let mut src = String::from("no warnings;\nmy @v = (");
        for v in VALUES {
            src.push_str(&format!("'{}',", v));
        }
        src.push_str(");\n");
        for (op, _) in binops() {
            src.push_str(&format!(
                "for my $a (@v) {{ for my $b (@v) {{ my ($x, $y) = (\"$a\", \"$b\"); my $r = eval {{ (0+$x) {op} (0+$y) }}; if ($@) {{ ($r = $@) =~ s/ at .*//s; $r = \"E:$r\"; }} print \"$r\\n\"; }} }}\n"
            ));
        }
        src.push_str(
            "for my $a (@v) { for my $b (@v) { my ($x, $y) = (\"$a\", \"$b\"); my $r = (0+$x) <=> (0+$y); print defined $r ? $r : 'undef', \"\\n\"; } }\n\
             for my $a (@v) { my $x = \"$a\"; print -(0+$x), ' ', int(0+$x), ' ', abs(0+$x), ' ', ~(0+$x), \"\\n\"; }\n\
             { use integer; for my $a (@v) { for my $b (@v) { my ($x, $y) = (\"$a\", \"$b\"); print ((0+$x) & (0+$y)); print ' '; print ((0+$x) << (0+$y)); print ' '; print ((0+$x) >> (0+$y)); print ' ', ~(0+$x), \"\\n\"; } } }\n",
        );
        let out = run_perl(&src);
        let vals: Vec<Num> = VALUES
            .iter()
            .map(|v| add(Num::Int(0), parse_number(v.as_bytes()).0))
            .collect();
        let mut got = Vec::new();
        for (_, f) in binops() {
            for &a in &vals {
                for &b in &vals {
                    got.push(match f(a, b) {
                        Ok(n) => show(n),
                        Err(e) => format!("E:{}", e),
                    });
                }
            }
        }
        for &a in &vals {
            for &b in &vals {
                got.push(match num_cmp(a, b) {
                    None => "undef".into(),
                    Some(o) => (o as i8).to_string(),
                });
            }
        }
        for &a in &vals {
            got.push(format!(
                "{} {} {} {}",
                show(neg(a)),
                show(int(a)),
                show(abs(a)),
                show(bit_not(a))
            ));
        }
        // Under `use integer` the test's `0+$x` is an integer add.
        let ivals: Vec<Num> = vals.iter().map(|v| Num::Int(v.to_i64())).collect();
        for &a in &ivals {
            for &b in &ivals {
                got.push(format!(
                    "{} {} {} {}",
                    show(int_bit_and(a, b)),
                    show(int_shl(a, b)),
                    show(int_shr(a, b)),
                    show(int_bit_not(a))
                ));
            }
        }
        compare("arithmetic", &out, &got);
    }
}
