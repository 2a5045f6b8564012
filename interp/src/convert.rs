//! Conversions between value kinds with perl's rules: stringification of
//! numbers and references, numification of strings and references.

use std::borrow::Cow;

use crate::numeric::{self, Num};
use crate::value::{PStr, Value};

/// The string form of a value (no warnings; the interpreter checks undef
/// itself where perl warns).
pub fn to_pstr(v: &Value) -> Cow<'_, PStr> {
    match v {
        Value::Str(s) => Cow::Borrowed(&**s),
        Value::Dual(d) => Cow::Borrowed(&d.str),
        _ => Cow::Owned(PStr {
            bytes: to_bytes_owned(v),
            utf8: is_utf8(v),
        }),
    }
}

/// The bytes of the string form.
pub fn to_bytes(v: &Value) -> Cow<'_, [u8]> {
    match v {
        Value::Str(s) => Cow::Borrowed(&s.bytes[..]),
        Value::Dual(d) => Cow::Borrowed(&d.str.bytes[..]),
        _ => Cow::Owned(to_bytes_owned(v)),
    }
}

pub fn is_utf8(v: &Value) -> bool {
    match v {
        Value::Str(s) => s.utf8,
        Value::Dual(d) => d.str.utf8,
        Value::Glob(g) => !g.name.is_ascii(),
        Value::Regex(q) => q.stringified.utf8,
        // A reference blessed into a package with a non-ASCII name.
        _ if v.is_ref() => v.blessed().is_some_and(|p| !p.is_ascii()),
        _ => false,
    }
}

/// Append the string form of `v` to `out`.
pub fn append_bytes(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Str(s) => out.extend_from_slice(&s.bytes),
        Value::Int(i) => numeric::format_int(*i, out),
        Value::Undef => {}
        _ => out.extend_from_slice(&to_bytes_owned(v)),
    }
}

fn to_bytes_owned(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    match v {
        Value::Undef => {}
        Value::Int(i) => numeric::format_int(*i, &mut out),
        Value::UInt(u) => out.extend_from_slice(u.to_string().as_bytes()),
        Value::Num(n) => numeric::format_float(*n, &mut out),
        Value::Str(s) => out.extend_from_slice(&s.bytes),
        Value::Glob(g) => {
            out.push(b'*');
            let name = g.name.strip_prefix("main::").map(|n| format!("main::{n}"));
            out.extend_from_slice(name.as_deref().unwrap_or(&g.name).as_bytes());
        }
        // Whatever class it is blessed into, a regex is its pattern.
        Value::Regex(q) => out.extend_from_slice(&q.stringified.bytes),
        Value::Weak(w) => return to_bytes_owned(&w.upgrade()),
        Value::Dual(d) => out.extend_from_slice(&d.str.bytes),
        _ => {
            let kind = match v {
                Value::ScalarRef(sv) => {
                    if sv.peek(|x| x.is_ref()) {
                        "REF"
                    } else if sv.is_lvalue() {
                        "LVALUE"
                    } else {
                        "SCALAR"
                    }
                }
                Value::ArrayRef(_) => "ARRAY",
                Value::HashRef(_) => "HASH",
                Value::CodeRef(_) => "CODE",
                Value::GlobRef(_) => "GLOB",
                _ => "SCALAR",
            };
            let addr = v.ref_addr().unwrap_or(0);
            let s = match v.blessed() {
                Some(p) => format!("{p}={kind}(0x{addr:x})"),
                None => format!("{kind}(0x{addr:x})"),
            };
            out.extend_from_slice(s.as_bytes());
        }
    }
    out
}

/// The numeric value, with whether the conversion was clean (for the
/// "isn't numeric" warning).
pub fn to_num_checked(v: &Value) -> (Num, bool) {
    match v {
        Value::Int(i) => (Num::Int(*i), true),
        Value::UInt(u) => (Num::UInt(*u), true),
        Value::Num(n) => (Num::Float(*n), true),
        Value::Undef => (Num::Int(0), true),
        Value::Str(s) => numeric::parse_number(&s.bytes),
        Value::Glob(_) => (Num::Int(0), false),
        Value::Weak(w) => to_num_checked(&w.upgrade()),
        Value::Dual(d) => to_num_checked(&d.num),
        _ => (Num::UInt(v.ref_addr().unwrap_or(0) as u64), true),
    }
}

#[inline]
pub fn to_num(v: &Value) -> Num {
    match v {
        Value::Int(i) => Num::Int(*i),
        Value::Num(n) => Num::Float(*n),
        _ => to_num_checked(v).0,
    }
}

#[inline]
pub fn to_f64(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Num(n) => *n,
        _ => num_f64(to_num(v)),
    }
}

#[inline]
pub fn num_f64(n: Num) -> f64 {
    match n {
        Num::Int(i) => i as f64,
        Num::UInt(u) => u as f64,
        Num::Float(f) => f,
    }
}

/// Integer value (truncating floats toward zero, saturating as perl's IV
/// cast does).
#[inline]
pub fn to_i64(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        _ => num_i64(to_num(v)),
    }
}

pub fn num_i64(n: Num) -> i64 {
    match n {
        Num::Int(i) => i,
        Num::UInt(u) => u as i64,
        Num::Float(f) => {
            if f.is_nan() {
                0
            } else if f >= 9.223372036854776e18 {
                i64::MAX
            } else if f <= -9.223372036854776e18 {
                i64::MIN
            } else {
                f as i64
            }
        }
    }
}

/// Unsigned view used by bitwise operators (negative integers wrap, as perl
/// casts IV to UV).
pub fn num_u64(n: Num) -> u64 {
    match n {
        Num::Int(i) => i as u64,
        Num::UInt(u) => u,
        Num::Float(f) => {
            if f.is_nan() {
                0
            } else if f < 0.0 {
                (f as i64) as u64
            } else if f >= 1.8446744073709552e19 {
                u64::MAX
            } else {
                f as u64
            }
        }
    }
}

pub fn num_to_value(n: Num) -> Value {
    match n {
        Num::Int(i) => Value::Int(i),
        Num::UInt(u) => {
            if u <= i64::MAX as u64 {
                Value::Int(u as i64)
            } else {
                Value::UInt(u)
            }
        }
        Num::Float(f) => Value::Num(f),
    }
}

/// Decode a string's characters (for ord, chr, substr on utf8 strings …).
pub fn chars_of(s: &PStr) -> Vec<u32> {
    if s.utf8 {
        decode_utf8_lossy(&s.bytes)
    } else {
        s.bytes.iter().map(|&b| b as u32).collect()
    }
}

/// Decode perl's extended UTF-8 (surrogates and code points beyond
/// Unicode included, as `push_utf8` writes them); see `decode_one` for
/// malformed bytes.
pub fn decode_utf8_lossy(b: &[u8]) -> Vec<u32> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let (c, n) = decode_one(&b[i..]);
        out.push(c);
        i += n;
    }
    out
}

/// The first character of non-empty UTF-8 in perl's lax form (surrogates
/// and values above 0x10FFFF are code points) and its length in bytes. A
/// malformed byte reads as the Latin-1 character it is, one byte long,
/// which is what perl shows for such bytes and keeps decoding total.
pub fn decode_one(s: &[u8]) -> (u32, usize) {
    let b0 = s[0];
    let (len, init) = match b0 {
        0x00..=0x7F => return (b0 as u32, 1),
        0xC2..=0xDF => (2, (b0 & 0x1F) as u32),
        0xE0..=0xEF => (3, (b0 & 0x0F) as u32),
        0xF0..=0xF7 => (4, (b0 & 0x07) as u32),
        _ => return (b0 as u32, 1),
    };
    if s.len() < len || !s[1..len].iter().all(|&b| b & 0xC0 == 0x80) {
        return (b0 as u32, 1);
    }
    let cp = s[1..len]
        .iter()
        .fold(init, |cp, &b| (cp << 6) | (b & 0x3F) as u32);
    // Overlong forms are malformed.
    let min = [0, 0, 0x80, 0x800, 0x10000][len];
    if cp < min {
        return (b0 as u32, 1);
    }
    (cp, len)
}

/// Build a string from code points: Latin-1 bytes when all fit, else UTF-8.
pub fn from_chars(cs: &[u32]) -> PStr {
    if cs.iter().all(|&c| c < 0x100) {
        PStr {
            bytes: cs.iter().map(|&c| c as u8).collect(),
            utf8: false,
        }
    } else {
        let mut bytes = Vec::with_capacity(cs.len() * 2);
        for &c in cs {
            push_utf8(c, &mut bytes);
        }
        PStr { bytes, utf8: true }
    }
}

/// Encode a code point as (perl's extended) UTF-8.
pub fn push_utf8(c: u32, out: &mut Vec<u8>) {
    match char::from_u32(c) {
        Some(ch) => {
            let mut b = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut b).as_bytes());
        }
        None => {
            // Surrogates and values beyond Unicode: encode structurally as
            // perl does, so they round-trip through ord/chr.
            if c < 0x10000 {
                out.push(0xE0 | (c >> 12) as u8);
                out.push(0x80 | ((c >> 6) & 0x3F) as u8);
                out.push(0x80 | (c & 0x3F) as u8);
            } else {
                out.push(0xF0 | ((c >> 18) & 0x07) as u8);
                out.push(0x80 | ((c >> 12) & 0x3F) as u8);
                out.push(0x80 | ((c >> 6) & 0x3F) as u8);
                out.push(0x80 | (c & 0x3F) as u8);
            }
        }
    }
}

/// Concatenate two strings, upgrading the Latin-1 one when flags differ.
pub fn concat_into(dst: &mut PStr, src: &[u8], src_utf8: bool) {
    if dst.utf8 == src_utf8 {
        dst.bytes.extend_from_slice(src);
    } else if dst.utf8 {
        dst.bytes.extend_from_slice(&crate::value::upgrade(src));
    } else {
        dst.bytes = crate::value::upgrade(&dst.bytes);
        dst.utf8 = true;
        dst.bytes.extend_from_slice(src);
    }
}
