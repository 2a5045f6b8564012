//! The XS parts of `MIME::Base64`, `Digest::MD5` and `Sys::Hostname`: the
//! modules' `.pm` files load from disk and `XSLoader::load` finds
//! `bootstrap` here.

use std::rc::Rc;

use crate::convert::to_bytes;
use crate::interp::{Flow, Interp, Want};
use crate::value::*;

type R = Result<Value, Flow>;

pub const SUBS: &[(&str, NativeFn)] = &[
    ("MIME::Base64::bootstrap", bootstrap),
    ("MIME::Base64::encode_base64", encode_base64),
    ("MIME::Base64::decode_base64", decode_base64),
    ("MIME::Base64::encoded_base64_length", encoded_base64_length),
    ("MIME::Base64::decoded_base64_length", decoded_base64_length),
    ("Sys::Hostname::bootstrap", bootstrap),
    ("Sys::Hostname::ghname", ghname),
    ("Digest::MD5::bootstrap", bootstrap),
    ("Digest::MD5::md5", md5_fn),
    ("Digest::MD5::md5_hex", md5_hex_fn),
    ("Digest::MD5::md5_base64", md5_base64_fn),
    ("Digest::MD5::new", md5_new),
    ("Digest::MD5::add", md5_add),
    ("Digest::MD5::addfile", md5_addfile),
    ("Digest::MD5::digest", md5_digest),
    ("Digest::MD5::hexdigest", md5_hexdigest),
    ("Digest::MD5::b64digest", md5_b64digest),
    ("Digest::MD5::clone", md5_clone),
    ("Digest::MD5::context", md5_context),
];

fn bootstrap(_: &mut Interp, _: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Ok(Value::Undef)
}

fn one(want: Want, out: &mut Vec<Value>, v: Value) -> R {
    crate::listutil::one_value(want, out, v)
}

/// The argument as bytes; a string with characters above 255 dies as the
/// XS code does.
fn byte_arg(it: &mut Interp, v: &Value, what: &str) -> Result<Vec<u8>, Flow> {
    let s = crate::convert::to_pstr(v).into_owned();
    if !s.utf8 {
        return Ok(s.bytes);
    }
    match downgrade(&s.bytes) {
        Some(b) => Ok(b),
        None => Err(it.die_msg(format!("Wide character in {what}"))),
    }
}

// ---------------------------------------------------------------- base64

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_encode(data: &[u8], eol: &[u8], pad: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 4 / 3 + 4);
    let mut line = 0;
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        let idx = [n >> 18, n >> 12 & 63, n >> 6 & 63, n & 63];
        for (k, &i) in idx.iter().enumerate() {
            if k <= chunk.len() {
                out.push(B64[i as usize]);
            } else if pad {
                out.push(b'=');
            }
        }
        line += 4;
        if line >= 76 && !eol.is_empty() {
            out.extend_from_slice(eol);
            line = 0;
        }
    }
    if line > 0 && !eol.is_empty() {
        out.extend_from_slice(eol);
    }
    out
}

fn b64_decode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &c in data {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = acc << 6 | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn encode_base64(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = args.first().map(Elem::get).unwrap_or_default();
    let data = byte_arg(it, &v, "subroutine entry")?;
    let eol = match args.get(1) {
        Some(e) => to_bytes(&e.get()).into_owned(),
        None => b"\n".to_vec(),
    };
    one(
        want,
        out,
        Value::str_from(b64_encode(&data, &eol, true), false),
    )
}

fn decode_base64(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = args.first().map(Elem::get).unwrap_or_default();
    let data = byte_arg(it, &v, "subroutine entry")?;
    one(want, out, Value::str_from(b64_decode(&data), false))
}

fn encoded_base64_length(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = args.first().map(Elem::get).unwrap_or_default();
    let data = byte_arg(it, &v, "subroutine entry")?;
    let eol = match args.get(1) {
        Some(e) => to_bytes(&e.get()).into_owned(),
        None => b"\n".to_vec(),
    };
    let n = b64_encode(&data, &eol, true).len();
    one(want, out, Value::Int(n as i64))
}

fn decoded_base64_length(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = args.first().map(Elem::get).unwrap_or_default();
    let data = byte_arg(it, &v, "subroutine entry")?;
    one(want, out, Value::Int(b64_decode(&data).len() as i64))
}

// ---------------------------------------------------------------- hostname

fn ghname(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let mut buf = [0u8; 256];
    let r = unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    let v = if r == 0 {
        let n = buf.iter().position(|&c| c == 0).unwrap_or(buf.len());
        Value::bytes(&buf[..n])
    } else {
        Value::Undef
    };
    one(want, out, v)
}

// ---------------------------------------------------------------- MD5

/// MD5 (RFC 1321) of `data`.
pub fn md5(data: &[u8]) -> [u8; 16] {
    const S: [u32; 64] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5,
        9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10,
        15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];
    let k: Vec<u32> = (0..64)
        .map(|i| ((i as f64 + 1.0).sin().abs() * 4294967296.0) as u32)
        .collect();
    let mut a0: u32 = 0x67452301;
    let mut b0: u32 = 0xefcdab89;
    let mut c0: u32 = 0x98badcfe;
    let mut d0: u32 = 0x10325476;
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_le_bytes());
    for block in msg.chunks(64) {
        let m: Vec<u32> = block
            .chunks(4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
            .collect();
        let (mut a, mut b, mut c, mut d) = (a0, b0, c0, d0);
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let f = f.wrapping_add(a).wrapping_add(k[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(f.rotate_left(S[i]));
        }
        a0 = a0.wrapping_add(a);
        b0 = b0.wrapping_add(b);
        c0 = c0.wrapping_add(c);
        d0 = d0.wrapping_add(d);
    }
    let mut out = [0u8; 16];
    for (i, w) in [a0, b0, c0, d0].iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&w.to_le_bytes());
    }
    out
}

fn hex(d: &[u8]) -> Vec<u8> {
    d.iter()
        .flat_map(|b| format!("{b:02x}").into_bytes())
        .collect()
}

fn joined_bytes(it: &mut Interp, args: &[Elem], what: &str) -> Result<Vec<u8>, Flow> {
    let mut data = Vec::new();
    for a in args {
        let v = a.get();
        data.extend(byte_arg(it, &v, what)?);
    }
    Ok(data)
}

fn md5_fn(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let data = joined_bytes(it, args, "subroutine entry")?;
    one(want, out, Value::bytes(&md5(&data)))
}

fn md5_hex_fn(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let data = joined_bytes(it, args, "subroutine entry")?;
    one(want, out, Value::str_from(hex(&md5(&data)), false))
}

fn md5_base64_fn(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let data = joined_bytes(it, args, "subroutine entry")?;
    one(
        want,
        out,
        Value::str_from(b64_encode(&md5(&data), b"", false), false),
    )
}

/// The object is a blessed scalar holding the bytes added so far.
fn md5_state(it: &mut Interp, args: &[Elem]) -> Result<Sv, Flow> {
    match args.first().map(Elem::get) {
        Some(Value::ScalarRef(sv)) => Ok(sv),
        _ => Err(it.die_msg("Not a reference to a Digest::MD5 object")),
    }
}

fn md5_new(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let first = args.first().map(Elem::get).unwrap_or_default();
    // `$ctx->new` (and `reset`) clears an existing object.
    if let Value::ScalarRef(sv) = &first {
        sv.set(Value::bytes(b""));
        return one(want, out, first);
    }
    let class = String::from_utf8_lossy(&to_bytes(&first)).into_owned();
    let sv = Scalar::new(Value::bytes(b""));
    sv.bless(Rc::from(if class.is_empty() {
        "Digest::MD5"
    } else {
        &class
    }));
    one(want, out, Value::ScalarRef(sv))
}

fn md5_add(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let sv = md5_state(it, args)?;
    let data = joined_bytes(it, &args[1..], "subroutine entry")?;
    let mut cur = to_bytes(&sv.get()).into_owned();
    cur.extend(data);
    sv.set(Value::str_from(cur, false));
    one(want, out, args[0].get())
}

fn md5_addfile(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let sv = md5_state(it, args)?;
    let fh = args.get(1).map(Elem::get).unwrap_or_default();
    let Some(h) = it.handle_of(&fh) else {
        return Err(it.die_msg("No filehandle passed"));
    };
    let data =
        h.io.borrow_mut()
            .read_record(&crate::io::Sep::Slurp)
            .unwrap_or_default();
    let mut cur = to_bytes(&sv.get()).into_owned();
    cur.extend(data);
    sv.set(Value::str_from(cur, false));
    one(want, out, args[0].get())
}

/// The digest of what was added; the object starts over.
fn md5_take(it: &mut Interp, args: &[Elem]) -> Result<[u8; 16], Flow> {
    let sv = md5_state(it, args)?;
    let d = md5(&to_bytes(&sv.get()));
    sv.set(Value::bytes(b""));
    Ok(d)
}

fn md5_digest(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let d = md5_take(it, args)?;
    one(want, out, Value::bytes(&d))
}

fn md5_hexdigest(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let d = md5_take(it, args)?;
    one(want, out, Value::str_from(hex(&d), false))
}

fn md5_b64digest(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let d = md5_take(it, args)?;
    one(
        want,
        out,
        Value::str_from(b64_encode(&d, b"", false), false),
    )
}

fn md5_clone(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let sv = md5_state(it, args)?;
    let n = Scalar::new(sv.get());
    if let Some(c) = sv.blessed() {
        n.bless(c);
    }
    one(want, out, Value::ScalarRef(n))
}

fn md5_context(it: &mut Interp, _: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Err(it.die_msg("Digest::MD5::context is not supported by psh"))
}
