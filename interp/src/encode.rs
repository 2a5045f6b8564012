//! The conversions behind psh's built-in `Encode` (perl/Encode.pm): UTF-8
//! (strict and lax), ISO-8859-1 and ASCII, with Encode's CHECK behaviours
//! (replacement, PERLQQ/HTMLCREF/XMLCREF escapes, stopping, dying).

use crate::convert::{push_utf8, to_pstr};
use crate::interp::{Flow, Interp, Want};
use crate::value::*;

type R = Result<Value, Flow>;

pub const SUBS: &[(&str, NativeFn)] = &[
    ("Encode::_psh_encode", encode),
    ("Encode::_psh_decode", decode),
    ("Encode::_psh_flag", flag),
];

const DIE_ON_ERR: i64 = 0x1;
const RETURN_ON_ERR: i64 = 0x4;
const PERLQQ: i64 = 0x100;
const HTMLCREF: i64 = 0x200;
const XMLCREF: i64 = 0x400;

fn arg(args: &[Elem], i: usize) -> Value {
    args.get(i).map(Elem::get).unwrap_or_default()
}

fn name_of(args: &[Elem]) -> String {
    String::from_utf8_lossy(&crate::convert::to_bytes(&arg(args, 0))).into_owned()
}

/// (result, rest of the input, error message) as a list.
fn triple(want: Want, out: &mut Vec<Value>, res: Value, rest: Value, err: Option<String>) -> R {
    let err = err.map(Value::string).unwrap_or_default();
    if want == Want::List {
        out.push(res);
        out.push(rest);
        out.push(err);
        return Ok(Value::Undef);
    }
    Ok(res)
}

fn encode(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let name = name_of(args);
    let s = to_pstr(&arg(args, 1)).into_owned();
    let check = crate::convert::to_i64(&arg(args, 2));
    let chars = crate::convert::chars_of(&s);
    let limit: u32 = match name.as_str() {
        "iso-8859-1" => 0xff,
        "ascii" => 0x7f,
        _ => u32::MAX,
    };
    let mut res = Vec::with_capacity(chars.len());
    let mut err = None;
    let mut stop = chars.len();
    for (i, &c) in chars.iter().enumerate() {
        if limit == u32::MAX {
            push_utf8(c, &mut res);
        } else if c <= limit {
            res.push(c as u8);
        } else if check & DIE_ON_ERR != 0 {
            err = Some(format!("\"\\x{{{c:04x}}}\" does not map to {name}"));
            stop = i;
            break;
        } else if check & RETURN_ON_ERR != 0 {
            stop = i;
            break;
        } else if check & PERLQQ != 0 {
            res.extend_from_slice(format!("\\x{{{c:04x}}}").as_bytes());
        } else if check & HTMLCREF != 0 {
            res.extend_from_slice(format!("&#{c};").as_bytes());
        } else if check & XMLCREF != 0 {
            res.extend_from_slice(format!("&#x{c:x};").as_bytes());
        } else {
            res.push(b'?');
        }
    }
    let rest = crate::convert::from_chars(&chars[stop.min(chars.len())..]);
    let rest = Value::str_from(rest.bytes, rest.utf8);
    triple(want, out, Value::str_from(res, false), rest, err)
}

/// Length of the valid UTF-8 sequence at the start of `b`, or of the
/// malformed prefix to replace (at least 1) as `Err`.
fn utf8_seq(b: &[u8]) -> Result<usize, usize> {
    match std::str::from_utf8(&b[..b.len().min(4)]) {
        Ok(s) => Ok(s.chars().next().map_or(1, char::len_utf8)),
        Err(e) if e.valid_up_to() > 0 => {
            let s = std::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or("");
            Ok(s.chars().next().map_or(1, char::len_utf8))
        }
        Err(e) => Err(e.error_len().unwrap_or(b.len().min(4)).max(1)),
    }
}

fn decode(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let name = name_of(args);
    let v = arg(args, 1);
    let s = to_pstr(&v).into_owned();
    let bytes = if s.utf8 {
        match downgrade(&s.bytes) {
            Some(b) => b,
            None => return Err(it.die_msg("Wide character")),
        }
    } else {
        s.bytes
    };
    let check = crate::convert::to_i64(&arg(args, 2));
    let shown = match name.as_str() {
        "utf-8-strict" => "UTF-8",
        n => n,
    };
    let mut res = Vec::with_capacity(bytes.len());
    let mut err = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let bad = match name.as_str() {
            "iso-8859-1" => {
                push_utf8(b as u32, &mut res);
                i += 1;
                continue;
            }
            "ascii" => {
                if b < 0x80 {
                    res.push(b);
                    i += 1;
                    continue;
                }
                1
            }
            _ => match utf8_seq(&bytes[i..]) {
                Ok(n) => {
                    res.extend_from_slice(&bytes[i..i + n]);
                    i += n;
                    continue;
                }
                Err(n) => n,
            },
        };
        let shown_bytes: String = bytes[i..i + bad]
            .iter()
            .map(|c| format!("\\x{c:02X}"))
            .collect();
        if check & DIE_ON_ERR != 0 {
            err = Some(format!("{shown} \"{shown_bytes}\" does not map to Unicode"));
            break;
        } else if check & RETURN_ON_ERR != 0 {
            break;
        } else if check & PERLQQ != 0 {
            res.extend_from_slice(shown_bytes.as_bytes());
        } else if check & HTMLCREF != 0 {
            for &c in &bytes[i..i + bad] {
                res.extend_from_slice(format!("&#{c};").as_bytes());
            }
        } else if check & XMLCREF != 0 {
            for &c in &bytes[i..i + bad] {
                res.extend_from_slice(format!("&#x{c:x};").as_bytes());
            }
        } else {
            push_utf8(0xFFFD, &mut res);
        }
        i += bad;
    }
    let rest = Value::str_from(bytes[i.min(bytes.len())..].to_vec(), false);
    triple(want, out, Value::str_from(res, true), rest, err)
}

/// `_utf8_on` / `_utf8_off`: the flag alone changes, in place.
fn flag(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let on = arg(args, 1).truthy();
    if let Some(Elem::C(sv)) = args.first() {
        let v = sv.get();
        if !v.is_undef() && !v.is_ref() {
            let s = to_pstr(&v).into_owned();
            sv.set(Value::str_from(s.bytes, on));
        }
    }
    Ok(Value::Undef)
}
