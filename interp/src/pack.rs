//! `pack` and `unpack`: the common template letters (strings, bit and hex
//! strings, integers of every size and byte order, floats, BER, `U`, and the
//! positioning letters `x X @`), with repeat counts, `*`, `[N]`, the `<` `>`
//! `!` modifiers and `%` checksums.  Groups and `/` counts are not supported
//! and die with perl's message for an unknown type.

use crate::convert::{to_bytes, to_f64, to_i64};
use crate::value::{PStr, Value};

#[derive(Clone, Copy, PartialEq)]
enum Count {
    One,
    N(usize),
    Star,
}

struct Item {
    letter: u8,
    little: Option<bool>,
    count: Count,
    /// `%N` checksum prefix (unpack only).
    checksum: Option<u32>,
}

fn parse_template(t: &[u8], func: &str) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let c = t[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        if c == b'#' {
            while i < t.len() && t[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        let mut checksum = None;
        let mut letter = c;
        if c == b'%' {
            let s = i;
            while i < t.len() && t[i].is_ascii_digit() {
                i += 1;
            }
            checksum = Some(
                std::str::from_utf8(&t[s..i])
                    .ok()
                    .and_then(|d| d.parse().ok())
                    .unwrap_or(16),
            );
            match t.get(i) {
                Some(&l) => {
                    letter = l;
                    i += 1;
                }
                None => return Err(format!("Invalid type '%' in {func}")),
            }
        }
        if !b"aAZbBhHcCWUsSlLqQjJiInNvVfdFwxX@".contains(&letter) {
            return Err(format!("Invalid type '{}' in {func}", letter as char));
        }
        let mut little = None;
        while let Some(&m) = t.get(i) {
            match m {
                b'<' => little = Some(true),
                b'>' => little = Some(false),
                b'!' => {}
                _ => break,
            }
            i += 1;
        }
        let count = match t.get(i) {
            Some(b'*') => {
                i += 1;
                Count::Star
            }
            Some(b'[') => {
                let s = i + 1;
                let mut e = s;
                while e < t.len() && t[e] != b']' {
                    e += 1;
                }
                let n = std::str::from_utf8(&t[s..e])
                    .ok()
                    .and_then(|d| d.parse().ok())
                    .unwrap_or(1);
                i = (e + 1).min(t.len());
                Count::N(n)
            }
            Some(d) if d.is_ascii_digit() => {
                let s = i;
                while i < t.len() && t[i].is_ascii_digit() {
                    i += 1;
                }
                Count::N(
                    std::str::from_utf8(&t[s..i])
                        .ok()
                        .and_then(|d| d.parse().ok())
                        .unwrap_or(usize::MAX),
                )
            }
            _ => Count::One,
        };
        items.push(Item {
            letter,
            little,
            count,
            checksum,
        });
    }
    Ok(items)
}

/// Size in bytes and signedness of an integer letter (`None` otherwise).
fn int_kind(l: u8) -> Option<(usize, bool)> {
    Some(match l {
        b'c' => (1, true),
        b'C' => (1, false),
        b's' => (2, true),
        b'S' | b'n' | b'v' => (2, false),
        b'l' | b'i' => (4, true),
        b'L' | b'I' | b'N' | b'V' => (4, false),
        b'q' | b'j' => (8, true),
        b'Q' | b'J' => (8, false),
        _ => return None,
    })
}

/// Whether an integer letter is stored little-endian.
fn is_little(it: &Item) -> bool {
    match it.letter {
        b'n' | b'N' => false,
        b'v' | b'V' => true,
        _ => it.little.unwrap_or(cfg!(target_endian = "little")),
    }
}

fn put_int(out: &mut Vec<u32>, v: u64, size: usize, little: bool) {
    let bytes = v.to_le_bytes();
    if little {
        out.extend(bytes[..size].iter().map(|&b| b as u32));
    } else {
        out.extend(bytes[..size].iter().rev().map(|&b| b as u32));
    }
}

/// Packs with every value `*` count already made explicit.
fn pack_items(template: &[u8], args: &[Value]) -> Result<PStr, String> {
    let items = parse_template(template, "pack")?;
    let char_mode = items.first().is_some_and(|it| it.letter == b'U');
    // Code points in char mode, bytes otherwise.
    let mut out: Vec<u32> = Vec::new();
    let mut args = args.iter();
    let mut next = || args.next().cloned().unwrap_or(Value::Undef);
    for it in &items {
        match it.letter {
            b'a' | b'A' | b'Z' => {
                let v = next();
                let s = to_bytes(&v);
                let (take, width) = match it.count {
                    Count::Star => {
                        let w = s.len() + (it.letter == b'Z') as usize;
                        (s.len(), w)
                    }
                    Count::One => (s.len().min(1), 1),
                    Count::N(n) => {
                        let room = if it.letter == b'Z' {
                            n.saturating_sub(1)
                        } else {
                            n
                        };
                        (s.len().min(room), n)
                    }
                };
                out.extend(s[..take].iter().map(|&b| b as u32));
                let pad = if it.letter == b'A' { b' ' } else { 0 } as u32;
                out.extend(std::iter::repeat_n(pad, width - take));
            }
            b'b' | b'B' => {
                let v = next();
                let s = to_bytes(&v);
                let n = match it.count {
                    Count::Star => s.len(),
                    Count::One => 1,
                    Count::N(n) => n,
                };
                let mut byte = 0u32;
                for k in 0..n {
                    let bit = s.get(k).is_some_and(|&c| c & 1 == 1) as u32;
                    if it.letter == b'b' {
                        byte |= bit << (k % 8);
                    } else {
                        byte |= bit << (7 - k % 8);
                    }
                    if k % 8 == 7 {
                        out.push(byte);
                        byte = 0;
                    }
                }
                if n % 8 != 0 {
                    out.push(byte);
                }
            }
            b'h' | b'H' => {
                let v = next();
                let s = to_bytes(&v);
                let n = match it.count {
                    Count::Star => s.len(),
                    Count::One => 1,
                    Count::N(n) => n,
                };
                let mut byte = 0u32;
                for k in 0..n {
                    let nyb = match s.get(k) {
                        Some(&c) if c.is_ascii_alphabetic() => ((c & 0x0F) + 9) as u32 & 0x0F,
                        Some(&c) => (c & 0x0F) as u32,
                        None => 0,
                    };
                    let high = (k % 2 == 0) == (it.letter == b'H');
                    byte |= if high { nyb << 4 } else { nyb };
                    if k % 2 == 1 {
                        out.push(byte);
                        byte = 0;
                    }
                }
                if n % 2 == 1 {
                    out.push(byte);
                }
            }
            b'x' => {
                let n = match it.count {
                    Count::N(n) => n,
                    _ => 1,
                };
                out.extend(std::iter::repeat_n(0, n));
            }
            b'X' => {
                let n = match it.count {
                    Count::N(n) => n,
                    _ => 1,
                };
                if n > out.len() {
                    return Err("'X' outside of string in pack".into());
                }
                out.truncate(out.len() - n);
            }
            b'@' => {
                let n = match it.count {
                    Count::N(n) => n,
                    _ => 0,
                };
                out.resize(n, 0);
            }
            l => {
                let reps = match it.count {
                    Count::One => 1,
                    Count::N(n) => n,
                    // `pack` expanded value `*` counts already.
                    Count::Star => 0,
                };
                for _ in 0..reps.min(1 << 24) {
                    let v = next();
                    pack_number(&mut out, it, l, &v, char_mode)?;
                }
            }
        }
    }
    if char_mode {
        let mut bytes = Vec::with_capacity(out.len());
        for c in out {
            crate::convert::push_utf8(c, &mut bytes);
        }
        Ok(PStr { bytes, utf8: true })
    } else {
        Ok(PStr {
            bytes: out.into_iter().map(|c| c as u8).collect(),
            utf8: false,
        })
    }
}

fn pack_number(
    out: &mut Vec<u32>,
    it: &Item,
    l: u8,
    v: &Value,
    char_mode: bool,
) -> Result<(), String> {
    if let Some((size, _)) = int_kind(l) {
        let n = if let Value::Num(f) = v {
            if *f >= 9.2e18 {
                *f as u64
            } else {
                *f as i64 as u64
            }
        } else {
            to_i64(v) as u64
        };
        put_int(out, n, size, is_little(it));
        return Ok(());
    }
    match l {
        b'W' => out.push(to_i64(v) as u32),
        b'U' => {
            let c = to_i64(v) as u32;
            if char_mode {
                out.push(c);
            } else {
                let mut b = Vec::new();
                crate::convert::push_utf8(c, &mut b);
                out.extend(b.into_iter().map(|x| x as u32));
            }
        }
        b'f' => {
            let b = (to_f64(v) as f32).to_bits() as u64;
            put_int(
                out,
                b,
                4,
                it.little.unwrap_or(cfg!(target_endian = "little")),
            );
        }
        b'd' | b'F' => {
            let b = to_f64(v).to_bits();
            put_int(
                out,
                b,
                8,
                it.little.unwrap_or(cfg!(target_endian = "little")),
            );
        }
        b'w' => {
            let mut n = to_i64(v) as u64;
            let mut tmp = vec![(n & 0x7F) as u32];
            n >>= 7;
            while n > 0 {
                tmp.push(((n & 0x7F) | 0x80) as u32);
                n >>= 7;
            }
            out.extend(tmp.into_iter().rev());
        }
        _ => return Err(format!("Invalid type '{}' in pack", l as char)),
    }
    Ok(())
}

/// `pack TEMPLATE, LIST`: a character (utf8) string for templates starting
/// with `U`, bytes otherwise.
pub fn pack(template: &[u8], args: &[Value]) -> Result<PStr, String> {
    // A value letter's `*` takes all remaining arguments: rewrite it as an
    // explicit count.
    let items = parse_template(template, "pack")?;
    if !items
        .iter()
        .any(|it| it.count == Count::Star && !b"aAZbBhHx@X".contains(&it.letter))
    {
        return pack_items(template, args);
    }
    let mut used = 0usize;
    let mut t = Vec::new();
    for it in &items {
        let per = if b"xX@".contains(&it.letter) { 0 } else { 1 };
        let n = match it.count {
            Count::One => 1,
            Count::N(n) => n,
            Count::Star if per == 1 && !b"aAZbBhH".contains(&it.letter) => {
                args.len().saturating_sub(used)
            }
            Count::Star => {
                used += per;
                t.push(it.letter);
                push_mods(&mut t, it);
                t.push(b'*');
                continue;
            }
        };
        used += if b"aAZbBhH".contains(&it.letter) {
            1
        } else {
            per * n
        };
        t.push(it.letter);
        push_mods(&mut t, it);
        t.extend_from_slice(n.to_string().as_bytes());
    }
    pack_items(&t, args)
}

fn push_mods(t: &mut Vec<u8>, it: &Item) {
    match it.little {
        Some(true) => t.push(b'<'),
        Some(false) => t.push(b'>'),
        None => {}
    }
}

fn get_int(data: &[u8], size: usize, little: bool, signed: bool) -> Value {
    let mut b = [0u8; 8];
    if little {
        b[..size].copy_from_slice(data);
    } else {
        for (k, &x) in data.iter().rev().enumerate() {
            b[k] = x;
        }
    }
    let u = u64::from_le_bytes(b);
    if signed {
        let shift = 64 - size * 8;
        Value::Int(((u << shift) as i64) >> shift)
    } else if u > i64::MAX as u64 {
        Value::Num(u as f64)
    } else {
        Value::Int(u as i64)
    }
}

/// `unpack TEMPLATE, EXPR`.
pub fn unpack(template: &[u8], input: &PStr) -> Result<Vec<Value>, String> {
    let items = parse_template(template, "unpack")?;
    let data: &[u8] = &input.bytes;
    let mut pos = 0usize;
    let mut out = Vec::new();
    for it in &items {
        let rest = data.len().saturating_sub(pos);
        let start_len = out.len();
        match it.letter {
            b'a' | b'A' | b'Z' => {
                let n = match it.count {
                    Count::Star => rest,
                    Count::One => 1.min(rest),
                    Count::N(n) => n.min(rest),
                };
                let mut field = &data[pos..pos + n];
                let mut adv = n;
                match it.letter {
                    b'Z' => {
                        if let Some(z) = field.iter().position(|&c| c == 0) {
                            field = &field[..z];
                            if it.count == Count::Star {
                                adv = z + 1;
                            }
                        }
                    }
                    b'A' => {
                        let e = field
                            .iter()
                            .rposition(|&c| !matches!(c, 0 | b' ' | b'\t' | b'\n' | b'\r' | 0x0c))
                            .map_or(0, |e| e + 1);
                        field = &field[..e];
                    }
                    _ => {}
                }
                out.push(Value::str_from(field.to_vec(), false));
                pos += adv;
            }
            b'b' | b'B' => {
                let n = match it.count {
                    Count::Star => rest * 8,
                    Count::One => 1,
                    Count::N(n) => n.min(rest * 8),
                };
                let mut s = Vec::with_capacity(n);
                for k in 0..n {
                    let byte = data[pos + k / 8];
                    let bit = if it.letter == b'b' {
                        (byte >> (k % 8)) & 1
                    } else {
                        (byte >> (7 - k % 8)) & 1
                    };
                    s.push(b'0' + bit);
                }
                pos += n.div_ceil(8);
                out.push(Value::str_from(s, false));
            }
            b'h' | b'H' => {
                let n = match it.count {
                    Count::Star => rest * 2,
                    Count::One => 1,
                    Count::N(n) => n.min(rest * 2),
                };
                let mut s = Vec::with_capacity(n);
                for k in 0..n {
                    let byte = data[pos + k / 2];
                    let high = (k % 2 == 0) == (it.letter == b'H');
                    let nyb = if high { byte >> 4 } else { byte & 0x0F };
                    s.push(b"0123456789abcdef"[nyb as usize]);
                }
                pos += n.div_ceil(2);
                out.push(Value::str_from(s, false));
            }
            b'x' => {
                let n = match it.count {
                    Count::N(n) => n,
                    Count::Star => 0,
                    Count::One => 1,
                };
                if n > rest {
                    return Err("'x' outside of string in unpack".into());
                }
                pos += n;
            }
            b'X' => {
                let n = match it.count {
                    Count::N(n) => n,
                    Count::Star => 0,
                    Count::One => 1,
                };
                if n > pos {
                    return Err("'X' outside of string in unpack".into());
                }
                pos -= n;
            }
            b'@' => {
                let n = match it.count {
                    Count::N(n) => n,
                    _ => 0,
                };
                if n > data.len() {
                    return Err("'@' outside of string in unpack".into());
                }
                pos = n;
            }
            l => {
                let max = match it.count {
                    Count::One => 1,
                    Count::N(n) => n,
                    Count::Star => usize::MAX,
                };
                let mut k = 0;
                while k < max && pos < data.len() {
                    if let Some((size, signed)) = int_kind(l) {
                        if pos + size > data.len() {
                            break;
                        }
                        out.push(get_int(&data[pos..pos + size], size, is_little(it), signed));
                        pos += size;
                    } else {
                        match l {
                            b'W' => {
                                out.push(Value::Int(data[pos] as i64));
                                pos += 1;
                            }
                            b'U' => {
                                let (c, len) = decode_one(&data[pos..]);
                                out.push(Value::Int(c as i64));
                                pos += len;
                            }
                            b'f' => {
                                if pos + 4 > data.len() {
                                    break;
                                }
                                let little = it.little.unwrap_or(cfg!(target_endian = "little"));
                                let Value::Int(b) = get_int(&data[pos..pos + 4], 4, little, false)
                                else {
                                    break;
                                };
                                out.push(Value::Num(f32::from_bits(b as u32) as f64));
                                pos += 4;
                            }
                            b'd' | b'F' => {
                                if pos + 8 > data.len() {
                                    break;
                                }
                                let mut b = [0u8; 8];
                                b.copy_from_slice(&data[pos..pos + 8]);
                                let little = it.little.unwrap_or(cfg!(target_endian = "little"));
                                let bits = if little {
                                    u64::from_le_bytes(b)
                                } else {
                                    u64::from_be_bytes(b)
                                };
                                out.push(Value::Num(f64::from_bits(bits)));
                                pos += 8;
                            }
                            b'w' => {
                                let mut n: u64 = 0;
                                while pos < data.len() {
                                    let b = data[pos];
                                    pos += 1;
                                    n = (n << 7) | (b & 0x7F) as u64;
                                    if b & 0x80 == 0 {
                                        break;
                                    }
                                }
                                out.push(Value::Int(n as i64));
                            }
                            _ => return Err(format!("Invalid type '{}' in unpack", l as char)),
                        }
                    }
                    k += 1;
                }
            }
        }
        if let Some(bits) = it.checksum {
            let vals = out.split_off(start_len);
            let mut sum: f64 = 0.0;
            for v in &vals {
                sum += match v {
                    Value::Str(s) => s.bytes.iter().filter(|&&c| c == b'1').count() as f64,
                    other => to_f64(other),
                };
            }
            let v = if bits < 64 {
                let m = 2f64.powi(bits as i32);
                sum.rem_euclid(m)
            } else {
                sum
            };
            out.push(if v.fract() == 0.0 && v < 9.2e18 {
                Value::Int(v as i64)
            } else {
                Value::Num(v)
            });
        }
    }
    Ok(out)
}

fn decode_one(b: &[u8]) -> (u32, usize) {
    let c0 = b[0] as u32;
    let len = match b[0] {
        0x00..=0x7F => return (c0, 1),
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => return (c0, 1),
    };
    if b.len() < len {
        return (c0, 1);
    }
    let mut c = c0 & (0x7F >> len);
    for &x in &b[1..len] {
        c = (c << 6) | (x & 0x3F) as u32;
    }
    (c, len)
}
