//! `pack`, `unpack` and `vec`: binary structures in strings.
//!
//! Templates support the common letters (`a A Z b B h H c C W U s S l L q Q
//! j J i I n N v V f d F w x X @`), `<`/`>`/`!` modifiers, counts (`N`,
//! `*`, `[N]`), groups `(…)` with counts, and whitespace/comments. Errors
//! are returned as perl's message text (without location).

use crate::convert::{self, to_bytes};
use crate::numeric::Num;
use crate::value::{PStr, Value};

#[derive(Clone, Copy, PartialEq)]
enum Count {
    One,
    N(usize),
    Star,
}

#[derive(Clone)]
struct Item {
    letter: u8,
    /// `<` little-endian, `>` big-endian, otherwise native (little).
    big: bool,
    count: Count,
    /// For groups: the template of the group.
    group: Option<Vec<u8>>,
    /// `!` given: `x!N`/`X!N` align to a multiple of N.
    bang: bool,
    /// `LEN/ITEM`: this item is the length of the next one.
    slash: bool,
}

fn parse_template(t: &[u8], for_pack: bool) -> Result<Vec<Item>, String> {
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
        let mut group = None;
        if c == b'(' {
            let start = i;
            let mut depth = 1;
            while i < t.len() && depth > 0 {
                match t[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth != 0 {
                return Err("No group ending character ')' found in template".into());
            }
            group = Some(t[start..i - 1].to_vec());
        } else if c == b'%' && for_pack {
            return Err("'%' may not be used in pack".into());
        } else if !b"aAZbBhHucCWUsSlLqQjJiInNvVfdFwxX@%".contains(&c) {
            return Err(format!("Invalid type '{}' in pack", c as char));
        }
        let mut big = false;
        let mut bang = false;
        while i < t.len() && matches!(t[i], b'<' | b'>' | b'!') {
            if t[i] == b'>' {
                big = true;
            }
            bang |= t[i] == b'!';
            i += 1;
        }
        let mut count = Count::One;
        if i < t.len() && t[i] == b'*' {
            count = Count::Star;
            i += 1;
        } else if i < t.len() && t[i] == b'[' {
            let s = i + 1;
            while i < t.len() && t[i] != b']' {
                i += 1;
            }
            // `[N]` is a count; `[L]` the size of one L (`x[N]` skips 4).
            let inner = std::str::from_utf8(&t[s..i]).unwrap_or("");
            let n = match inner.parse() {
                Ok(n) => n,
                Err(_) => template_size(inner.as_bytes()),
            };
            i += 1;
            count = Count::N(n);
        } else if i < t.len() && t[i].is_ascii_digit() {
            let s = i;
            while i < t.len() && t[i].is_ascii_digit() {
                i += 1;
            }
            let n = std::str::from_utf8(&t[s..i])
                .ok()
                .and_then(|x| x.parse().ok())
                .unwrap_or(1);
            count = Count::N(n);
        }
        // A huge count cannot be packed; unpacking stops at the data's end.
        if let Count::N(n) = count {
            if n > 1 << 31 {
                if for_pack {
                    return Err("Out of memory during pack()".into());
                }
                count = Count::Star;
            }
        }
        while i < t.len() && t[i].is_ascii_whitespace() {
            i += 1;
        }
        let slash = i < t.len() && t[i] == b'/';
        if slash {
            i += 1;
        }
        items.push(Item {
            letter: c,
            big,
            count,
            group,
            bang,
            slash,
        });
    }
    Ok(items)
}

/// The bytes one of each item of a template takes (for `[TEMPLATE]`
/// counts).
fn template_size(t: &[u8]) -> usize {
    let Ok(items) = parse_template(t, true) else {
        return 1;
    };
    items
        .iter()
        .map(|it| {
            let n = match it.count {
                Count::N(n) => n,
                _ => 1,
            };
            let each = match it.letter {
                b'a' | b'A' | b'Z' | b'x' | b'C' | b'c' | b'U' | b'W' => 1,
                b'f' => 4,
                b'd' | b'F' => 8,
                c if is_int(c) => int_size(c),
                _ => 1,
            };
            n * each
        })
        .sum()
}

fn int_size(c: u8) -> usize {
    match c {
        b'c' | b'C' => 1,
        b's' | b'S' | b'n' | b'v' => 2,
        b'l' | b'L' | b'N' | b'V' | b'i' | b'I' => 4,
        _ => 8,
    }
}

fn is_int(c: u8) -> bool {
    b"sSlLqQjJiInNvV".contains(&c)
}

fn big_endian(c: u8, big: bool) -> bool {
    matches!(c, b'n' | b'N') || big && !matches!(c, b'v' | b'V')
}

/// `pack TEMPLATE, LIST`.
pub fn pack(template: &[u8], args: &[Value]) -> Result<PStr, String> {
    let mut out = PStr::default();
    let mut next = 0usize;
    // A template that starts with U makes a character string; otherwise
    // U gives the bytes of the character's UTF-8 encoding.
    let utf8_mode = template.trim_ascii_start().first() == Some(&b'U');
    pack_into(template, args, &mut next, &mut out, utf8_mode)?;
    Ok(out)
}

fn pack_into(
    template: &[u8],
    args: &[Value],
    next: &mut usize,
    out: &mut PStr,
    utf8_mode: bool,
) -> Result<(), String> {
    let mut items = parse_template(template, true)?;
    pack_items(&mut items, args, next, out, utf8_mode)
}

fn pack_items(
    items: &mut [Item],
    args: &[Value],
    next: &mut usize,
    out: &mut PStr,
    utf8_mode: bool,
) -> Result<(), String> {
    let take = |next: &mut usize| -> Value {
        let v = args.get(*next).cloned().unwrap_or_default();
        *next += 1;
        v
    };
    let mut idx = 0;
    while idx < items.len() {
        let it = &items[idx];
        idx += 1;
        let c = it.letter;
        if it.slash {
            // LEN/ITEM: the length (or count) of the next item, packed
            // with this item's letter, then the item itself.
            let Some(nx) = items.get(idx) else {
                return Err("Code missing after '/' in pack".into());
            };
            let string = matches!(nx.letter, b'a' | b'A' | b'Z') && nx.group.is_none();
            let n = match (string, nx.count) {
                (_, Count::N(n)) => n,
                (true, _) => {
                    let v = args.get(*next).cloned().unwrap_or_default();
                    to_bytes(&v).len() + usize::from(nx.letter == b'Z')
                }
                (false, _) => {
                    // The next item (or group) packed as often as the
                    // arguments allow; the length is how many it took.
                    let mut body = PStr {
                        bytes: Vec::new(),
                        utf8: out.utf8,
                    };
                    let n = if let Some(g) = nx.group.clone() {
                        let mut reps = 0;
                        while *next < args.len() {
                            pack_into(&g, args, next, &mut body, utf8_mode)?;
                            reps += 1;
                        }
                        reps
                    } else {
                        let n = args.len().saturating_sub(*next);
                        let mut star = nx.clone();
                        star.count = Count::N(n);
                        star.slash = false;
                        pack_items(&mut [star], args, next, &mut body, utf8_mode)?;
                        n
                    };
                    pack_one(c, it.big, &Value::Int(n as i64), out, utf8_mode)?;
                    convert::concat_into(out, &body.bytes, body.utf8);
                    idx += 1;
                    continue;
                }
            };
            pack_one(c, it.big, &Value::Int(n as i64), out, utf8_mode)?;
            items[idx].count = Count::N(n);
            continue;
        }
        if let Some(g) = &it.group {
            let reps = match it.count {
                Count::One => 1,
                Count::N(n) => n,
                Count::Star => usize::MAX,
            };
            let mut k = 0;
            while k < reps && (it.count != Count::Star || *next < args.len()) {
                let before = *next;
                pack_into(g, args, next, out, utf8_mode)?;
                k += 1;
                if it.count == Count::Star && *next == before {
                    break;
                }
            }
            continue;
        }
        match c {
            b'a' | b'A' | b'Z' => {
                let v = take(next);
                let ps = convert::to_pstr(&v);
                // Characters above 0xFF make the result a character string.
                let wide = ps.utf8 && crate::value::downgrade(&ps.bytes).is_none();
                let s: Vec<u32> = if ps.utf8 {
                    convert::chars_of(&ps)
                } else {
                    ps.bytes.iter().map(|&b| b as u32).collect()
                };
                let n = match it.count {
                    Count::Star => s.len() + usize::from(c == b'Z'),
                    Count::N(n) => n,
                    Count::One => 1,
                };
                let pad = if c == b'A' { b' ' } else { 0 } as u32;
                let mut field: Vec<u32> = s.iter().copied().take(n).collect();
                field.resize(n, pad);
                if c == b'Z' && n > 0 {
                    field[n - 1] = 0;
                }
                if wide && !out.utf8 {
                    out.bytes = crate::value::upgrade(&out.bytes);
                    out.utf8 = true;
                }
                if out.utf8 {
                    for ch in field {
                        convert::push_utf8(ch, &mut out.bytes);
                    }
                } else {
                    out.bytes.extend(field.iter().map(|&ch| ch as u8));
                }
            }
            b'b' | b'B' | b'h' | b'H' => {
                let v = take(next);
                let s = to_bytes(&v);
                let n = match it.count {
                    Count::Star => s.len(),
                    Count::N(n) => n,
                    Count::One => 1,
                }
                .min(s.len());
                let per = if matches!(c, b'b' | b'B') { 8 } else { 2 };
                let mut byte = 0u8;
                for (k, &ch) in s[..n].iter().enumerate() {
                    let pos = k % per;
                    let val = if per == 8 {
                        ch & 1
                    } else if ch.is_ascii_alphabetic() {
                        ((ch & 0x0f) + 9) & 0x0f
                    } else {
                        ch & 0x0f
                    };
                    byte |= match c {
                        b'b' => val << pos,
                        b'B' => val << (7 - pos),
                        b'h' => val << (4 * pos),
                        _ => val << (4 * (1 - pos)),
                    };
                    if pos == per - 1 {
                        out.bytes.push(byte);
                        byte = 0;
                    }
                }
                if n % per != 0 {
                    out.bytes.push(byte);
                }
            }
            b'u' => {
                let v = take(next);
                // Bytes per line: a multiple of 3 up to 63, 45 by default.
                let per = match it.count {
                    Count::N(n) if n >= 3 => n.min(63) / 3 * 3,
                    _ => 45,
                };
                uuencode(&to_bytes(&v), per, &mut out.bytes);
            }
            b'x' => {
                let mut n = match it.count {
                    Count::N(n) => n,
                    Count::One => 1,
                    Count::Star => 0,
                };
                if it.bang {
                    // `x!N`: zeros up to the next multiple of N.
                    n = if n == 0 {
                        0
                    } else {
                        (n - out.bytes.len() % n) % n
                    };
                }
                if n > 1 << 32 {
                    return Err("Out of memory during pack()".into());
                }
                out.bytes.extend(std::iter::repeat_n(0, n));
            }
            b'X' => {
                let mut n = match it.count {
                    Count::N(n) => n,
                    Count::One => 1,
                    Count::Star => 0,
                };
                if it.bang {
                    n = if n == 0 { 0 } else { out.bytes.len() % n };
                }
                if n > out.bytes.len() {
                    return Err("'X' outside of string in pack".into());
                }
                out.bytes.truncate(out.bytes.len() - n);
            }
            b'@' => {
                let n = match it.count {
                    Count::N(n) => n,
                    _ => 0,
                };
                if n > 1 << 32 {
                    return Err("Out of memory during pack()".into());
                }
                // perl fills up to the position; it does not cut back.
                if out.bytes.len() < n {
                    out.bytes.resize(n, 0);
                }
            }
            _ => {
                let reps = match it.count {
                    Count::One => 1,
                    Count::N(n) => n,
                    Count::Star => args.len().saturating_sub(*next),
                };
                for _ in 0..reps {
                    let v = take(next);
                    pack_one(c, it.big, &v, out, utf8_mode)?;
                }
            }
        }
    }
    Ok(())
}

fn pack_one(c: u8, big: bool, v: &Value, out: &mut PStr, utf8_mode: bool) -> Result<(), String> {
    match c {
        b'f' => {
            let f = convert::to_f64(v) as f32;
            push_raw(
                out,
                &if big {
                    f.to_be_bytes()
                } else {
                    f.to_le_bytes()
                },
            );
        }
        b'd' | b'F' => {
            let f = convert::to_f64(v);
            push_raw(
                out,
                &if big {
                    f.to_be_bytes()
                } else {
                    f.to_le_bytes()
                },
            );
        }
        b'w' | b'U' | b'W' | b'c' | b'C' => pack_int(c, big, convert::to_num(v), out, utf8_mode)?,
        _ if is_int(c) => pack_int(c, big, convert::to_num(v), out, utf8_mode)?,
        _ => {}
    }
    Ok(())
}

/// The formats that take an integer (a code point, a BER number).
fn pack_int(c: u8, big: bool, n: Num, out: &mut PStr, utf8_mode: bool) -> Result<(), String> {
    if let Some(name) = n.non_finite_name() {
        return Err(if c == b'w' {
            format!("Cannot compress {name} in pack")
        } else {
            format!("Cannot pack {name} with '{}'", c as char)
        });
    }
    match c {
        b'U' if !utf8_mode => {
            let mut enc = Vec::new();
            convert::push_utf8(convert::num_u64(n) as u32, &mut enc);
            push_raw(out, &enc);
        }
        b'U' | b'W' => {
            let cp = convert::num_u64(n) as u32;
            if cp > 0xFF || c == b'U' {
                if !out.utf8 {
                    out.bytes = crate::value::upgrade(&out.bytes);
                    out.utf8 = true;
                }
                convert::push_utf8(cp, &mut out.bytes);
            } else if out.utf8 {
                convert::push_utf8(cp, &mut out.bytes);
            } else {
                out.bytes.push(cp as u8);
            }
        }
        b'w' => {
            if matches!(n, Num::Int(i) if i < 0) || matches!(n, Num::Float(f) if f < 0.0) {
                return Err("Cannot compress negative numbers in pack".into());
            }
            let mut n = convert::num_u64(n);
            let mut tmp = vec![(n & 0x7f) as u8];
            n >>= 7;
            while n > 0 {
                tmp.push((n & 0x7f) as u8 | 0x80);
                n >>= 7;
            }
            tmp.reverse();
            push_raw(out, &tmp);
        }
        _ => {
            let bits: u64 = match n {
                Num::Int(i) => i as u64,
                Num::UInt(u) => u,
                Num::Float(f) => {
                    if f < 0.0 {
                        crate::numeric::cast_iv(f) as u64
                    } else {
                        crate::numeric::cast_uv(f)
                    }
                }
            };
            let size = int_size(c);
            let le = bits.to_le_bytes();
            let mut b = le[..size].to_vec();
            if big_endian(c, big) {
                b.reverse();
            }
            push_raw(out, &b);
        }
    }
    Ok(())
}

fn push_raw(out: &mut PStr, b: &[u8]) {
    if out.utf8 {
        for &x in b {
            convert::push_utf8(x as u32, &mut out.bytes);
        }
    } else {
        out.bytes.extend_from_slice(b);
    }
}

/// `unpack TEMPLATE, EXPR`.
pub fn unpack(template: &[u8], data: &PStr) -> Result<Vec<Value>, String> {
    // Characters, not bytes: a UTF-8 string is unpacked by code point (as
    // long as they fit in a byte, like perl's downgrade).
    let (bytes, chars): (Vec<u8>, Option<Vec<u32>>) = if data.utf8 {
        let cs = convert::chars_of(data);
        (cs.iter().map(|&c| c as u8).collect(), Some(cs))
    } else {
        (data.bytes.clone(), None)
    };
    let mut out = Vec::new();
    let mut pos = 0usize;
    unpack_from(template, &bytes, chars.as_deref(), &mut pos, &mut out)?;
    Ok(out)
}

fn unpack_from(
    template: &[u8],
    b: &[u8],
    chars: Option<&[u32]>,
    pos: &mut usize,
    out: &mut Vec<Value>,
) -> Result<(), String> {
    let mut items = parse_template(template, false)?;
    unpack_items(&mut items, b, chars, pos, out)
}

fn unpack_items(
    items: &mut [Item],
    b: &[u8],
    chars: Option<&[u32]>,
    pos: &mut usize,
    out: &mut Vec<Value>,
) -> Result<(), String> {
    // `%BITS` before an item: its values are summed (bits of `b`/`B`
    // strings counted) into one number modulo 2**BITS. (bits, where the
    // item's values start, whether the item has run.)
    let mut checksum: Option<(u32, usize, bool)> = None;
    let mut idx = 0;
    while idx < items.len() {
        let it = &items[idx];
        idx += 1;
        if it.slash {
            // LEN/ITEM: a length read with this item's letter is the next
            // item's count.
            let mut len = Vec::new();
            // The length item keeps its own count (`a3/A` reads three
            // characters and takes them as a number).
            let mut one = [Item {
                letter: it.letter,
                big: it.big,
                count: it.count,
                group: it.group.clone(),
                bang: it.bang,
                slash: false,
            }];
            unpack_items(&mut one, b, chars, pos, &mut len)?;
            let n = len.first().map(convert::to_i64).unwrap_or(0).max(0) as usize;
            if let Some(nx) = items.get_mut(idx) {
                if matches!(nx.count, Count::N(_)) {
                    return Err("Count after length/code in unpack".into());
                }
                nx.count = Count::N(n);
            }
            continue;
        }
        if let Some((bits, mark, ran)) = checksum {
            if ran {
                sum_values(out, mark, bits);
                checksum = None;
            } else {
                checksum = Some((bits, mark, true));
            }
        }
        let c = it.letter;
        if c == b'%' {
            let bits = match it.count {
                Count::N(n) => n.min(128) as u32,
                _ => 16,
            };
            checksum = Some((bits, out.len(), false));
            continue;
        }
        if let Some(g) = &it.group {
            let reps = match it.count {
                Count::One => 1,
                Count::N(n) => n,
                Count::Star => usize::MAX,
            };
            let mut k = 0;
            while k < reps && (it.count != Count::Star || *pos < b.len()) {
                let before = *pos;
                unpack_from(g, b, chars, pos, out)?;
                k += 1;
                if it.count == Count::Star && *pos == before {
                    break;
                }
            }
            continue;
        }
        let rest = b.len().saturating_sub(*pos);
        match c {
            b'a' | b'A' | b'Z' => {
                let n = match it.count {
                    Count::Star => rest,
                    Count::N(n) => n.min(rest),
                    Count::One => 1.min(rest),
                };
                let mut f = b[*pos..*pos + n].to_vec();
                *pos += n;
                if c == b'Z' {
                    if let Some(z) = f.iter().position(|&x| x == 0) {
                        f.truncate(z);
                        if it.count == Count::Star {
                            *pos = *pos - n + z + 1;
                        }
                    }
                } else if c == b'A' {
                    while f.last().is_some_and(|&x| x == 0 || x.is_ascii_whitespace()) {
                        f.pop();
                    }
                }
                out.push(Value::str_from(f, false));
            }
            // Nothing left to decode gives no value at all.
            b'u' if rest > 0 => {
                let (s, used) = uudecode(&b[*pos..]);
                *pos += used;
                out.push(Value::str_from(s, false));
            }
            b'u' => {}
            b'b' | b'B' | b'h' | b'H' => {
                let per = if matches!(c, b'b' | b'B') { 8 } else { 2 };
                let n = match it.count {
                    Count::Star => rest * per,
                    Count::N(n) => n.min(rest * per),
                    Count::One => 1.min(rest * per),
                };
                let mut s = Vec::with_capacity(n);
                for k in 0..n {
                    let byte = b[*pos + k / per];
                    let p = k % per;
                    s.push(match c {
                        b'b' => b'0' + ((byte >> p) & 1),
                        b'B' => b'0' + ((byte >> (7 - p)) & 1),
                        b'h' => b"0123456789abcdef"[((byte >> (4 * p)) & 0xf) as usize],
                        _ => b"0123456789abcdef"[((byte >> (4 * (1 - p))) & 0xf) as usize],
                    });
                }
                *pos += n.div_ceil(per);
                out.push(Value::str_from(s, false));
            }
            b'x' => {
                let n = match it.count {
                    Count::N(n) => n,
                    Count::One => 1,
                    Count::Star => 0,
                };
                if n > rest {
                    return Err("'x' outside of string in unpack".into());
                }
                *pos += n;
            }
            b'X' => {
                let n = match it.count {
                    Count::N(n) => n,
                    Count::One => 1,
                    Count::Star => 0,
                };
                if n > *pos {
                    return Err("'X' outside of string in unpack".into());
                }
                *pos -= n;
            }
            b'@' => {
                let n = match it.count {
                    Count::N(n) => n,
                    _ => 0,
                };
                if n > b.len() {
                    return Err("'@' outside of string in unpack".into());
                }
                *pos = n;
            }
            _ => {
                let size = match c {
                    b'U' | b'W' | b'w' => 1,
                    b'f' => 4,
                    b'd' | b'F' => 8,
                    _ => int_size(c),
                };
                let reps = match it.count {
                    Count::One => 1,
                    Count::N(n) => n,
                    Count::Star => usize::MAX,
                };
                let mut k = 0;
                while k < reps && *pos + size <= b.len() {
                    if c == b'w' {
                        let mut n: u64 = 0;
                        while *pos < b.len() {
                            let x = b[*pos];
                            *pos += 1;
                            n = (n << 7) | (x & 0x7f) as u64;
                            if x & 0x80 == 0 {
                                break;
                            }
                        }
                        out.push(convert::num_to_value(Num::UInt(n)));
                        k += 1;
                        continue;
                    }
                    if matches!(c, b'U' | b'W') {
                        let cp = match chars {
                            Some(cs) => cs[*pos],
                            None if c == b'U' => {
                                // A byte string unpacked with U is read as UTF-8.
                                let (cp, n) = decode_one(&b[*pos..]);
                                *pos += n - 1;
                                cp
                            }
                            None => b[*pos] as u32,
                        };
                        *pos += 1;
                        out.push(Value::Int(cp as i64));
                        k += 1;
                        continue;
                    }
                    let mut raw = b[*pos..*pos + size].to_vec();
                    *pos += size;
                    let be = if is_int(c) || matches!(c, b'c' | b'C') {
                        big_endian(c, it.big)
                    } else {
                        it.big
                    };
                    if be {
                        raw.reverse();
                    }
                    let mut le = [0u8; 8];
                    le[..size].copy_from_slice(&raw);
                    let u = u64::from_le_bytes(le);
                    out.push(match c {
                        b'f' => Value::Num(f32::from_le_bytes([le[0], le[1], le[2], le[3]]) as f64),
                        b'd' | b'F' => Value::Num(f64::from_le_bytes(le)),
                        b'c' | b's' | b'l' | b'q' | b'j' | b'i' => {
                            let shift = 64 - 8 * size as u32;
                            Value::Int(((u << shift) as i64) >> shift)
                        }
                        _ => convert::num_to_value(Num::UInt(u)),
                    });
                    k += 1;
                }
            }
        }
    }
    if let Some((bits, mark, true)) = checksum {
        sum_values(out, mark, bits);
    }
    Ok(())
}

fn decode_one(b: &[u8]) -> (u32, usize) {
    let n = match b[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
    .min(b.len());
    match std::str::from_utf8(&b[..n])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(ch) => (ch as u32, n),
        None => (b[0] as u32, 1),
    }
}

/// `vec(STR, OFFSET, BITS)` read.
pub fn vec_get(s: &[u8], off: u64, bits: u32) -> u64 {
    if bits < 8 {
        let bit = off.saturating_mul(bits as u64);
        let byte = (bit / 8) as usize;
        match s.get(byte) {
            Some(&x) => ((x >> (bit % 8)) as u64) & ((1u64 << bits) - 1),
            None => 0,
        }
    } else {
        let n = (bits / 8) as usize;
        let start = (off as usize).saturating_mul(n);
        if start >= s.len() {
            return 0;
        }
        let mut v = 0u64;
        for k in 0..n {
            v = (v << 8) | s.get(start + k).copied().unwrap_or(0) as u64;
        }
        v
    }
}

/// `vec(STR, OFFSET, BITS) = VAL`: the string grows with zero bytes.
/// Fails when the string would have to grow beyond reason.
pub fn vec_set(s: &mut Vec<u8>, off: u64, bits: u32, val: u64) -> Result<(), String> {
    let end = off
        .checked_mul(bits as u64)
        .map(|b| b / 8 + 8)
        .filter(|&e| e < 1 << 32);
    if end.is_none() {
        return Err("Out of memory during vec in lvalue context".into());
    }
    if bits < 8 {
        let bit = off * bits as u64;
        let byte = (bit / 8) as usize;
        if s.len() <= byte {
            s.resize(byte + 1, 0);
        }
        let mask = (((1u16 << bits) - 1) as u8) << (bit % 8);
        s[byte] = (s[byte] & !mask) | (((val as u8) << (bit % 8)) & mask);
    } else {
        let n = (bits / 8) as usize;
        let start = off as usize * n;
        if s.len() < start + n {
            s.resize(start + n, 0);
        }
        for k in 0..n {
            s[start + k] = (val >> (8 * (n - 1 - k))) as u8;
        }
    }
    Ok(())
}

/// Whether `bits` is a legal `vec` width.
pub fn vec_bits_ok(bits: i64) -> bool {
    matches!(bits, 1 | 2 | 4 | 8 | 16 | 32 | 64)
}

/// One uuencoded character for six bits (0 is written as a backquote).
fn uu_char(v: u8) -> u8 {
    if v == 0 {
        b'`'
    } else {
        v + 32
    }
}

/// `pack 'u'`: lines of up to `per` bytes, each a length character, the
/// bytes three at a time as four characters, and a newline.
fn uuencode(data: &[u8], per: usize, out: &mut Vec<u8>) {
    for line in data.chunks(per) {
        out.push(uu_char(line.len() as u8));
        for g in line.chunks(3) {
            let b = [g[0], *g.get(1).unwrap_or(&0), *g.get(2).unwrap_or(&0)];
            out.push(uu_char(b[0] >> 2));
            out.push(uu_char(((b[0] & 3) << 4) | (b[1] >> 4)));
            out.push(uu_char(((b[1] & 0xf) << 2) | (b[2] >> 6)));
            out.push(uu_char(b[2] & 0x3f));
        }
        out.push(b'\n');
    }
}

/// `unpack 'u'`: the decoded bytes and how much input they used.
fn uudecode(b: &[u8]) -> (Vec<u8>, usize) {
    let six = |c: u8| (c.wrapping_sub(32)) & 0x3f;
    let mut out = Vec::new();
    let mut i = 0;
    // A line starts with its length, a character from ' ' to '`'.
    while i < b.len() && (b' '..=b'`').contains(&b[i]) {
        let len = six(b[i]) as usize;
        if len == 0 {
            break;
        }
        i += 1;
        let mut got = 0;
        while got < len && i < b.len() && b[i] != b'\n' {
            let q: Vec<u8> = (0..4)
                .map(|k| b.get(i + k).map_or(0, |&c| six(c)))
                .collect();
            let bytes = [
                (q[0] << 2) | (q[1] >> 4),
                (q[1] << 4) | (q[2] >> 2),
                (q[2] << 6) | q[3],
            ];
            for &x in bytes.iter().take(len - got) {
                out.push(x);
            }
            got = (got + 3).min(len);
            i += 4;
        }
        // The rest of the line (padding, the newline).
        while i < b.len() && b[i] != b'\n' {
            i += 1;
        }
        i += 1;
    }
    (out, i.min(b.len()))
}

/// The checksum of the values from `mark` on, replacing them: their sum
/// modulo 2**bits (a string of `0`/`1` digits, from `b`/`B`, counts its
/// ones).
fn sum_values(out: &mut Vec<Value>, mark: usize, bits: u32) {
    let vals = out.split_off(mark.min(out.len()));
    let mut int: u128 = 0;
    let mut float = 0f64;
    let mut is_float = false;
    for v in &vals {
        match v {
            Value::Num(f) => {
                is_float = true;
                float += f;
            }
            Value::Str(s) => {
                int = int.wrapping_add(s.bytes.iter().filter(|&&c| c == b'1').count() as u128)
            }
            Value::Int(i) => int = int.wrapping_add(*i as i128 as u128),
            Value::UInt(u) => int = int.wrapping_add(*u as u128),
            _ => {}
        }
    }
    if is_float || bits > 64 {
        let total = float + int as i128 as f64;
        let m = 2f64.powi(bits as i32);
        let r = total % m;
        out.push(Value::Num(if r < 0.0 { r + m } else { r }));
    } else {
        let masked = if bits == 64 {
            int as u64
        } else {
            (int as u64) & ((1u64 << bits) - 1)
        };
        out.push(if masked > i64::MAX as u64 {
            Value::UInt(masked)
        } else {
            Value::Int(masked as i64)
        });
    }
}
