//! Unicode character names: `\N{NAME}` in strings and patterns, and the
//! `charnames::` functions. The name table is the `unicode_names2` crate's
//! (names and the formal aliases such as `NEL` and `LF`).

use crate::interp::{Interp, Want, R};
use crate::value::*;

/// The code point `\N{name}` stands for: `U+HEX`, a Unicode name or alias
/// (exactly, as perl's default `:full`/`:short` matching is), or the
/// `script:letter` short form (`greek:alpha`).
pub fn lookup(name: &str) -> Option<u32> {
    let name = name.trim();
    if let Some(hex) = name.strip_prefix("U+") {
        return u32::from_str_radix(hex, 16).ok();
    }
    if let Some((script, letter)) = name.split_once(':') {
        let script = script.trim().to_ascii_uppercase();
        let letter = letter.trim();
        let case = if letter.chars().all(|c| !c.is_uppercase()) {
            "SMALL"
        } else {
            "CAPITAL"
        };
        let full = format!("{script} {case} LETTER {}", letter.to_uppercase());
        return unicode_names2::character(&full).map(|c| c as u32);
    }
    // perl's names are upper case; `\N{latin small letter a}` is unknown.
    if name.chars().any(|c| c.is_lowercase()) {
        return None;
    }
    unicode_names2::character(name).map(|c| c as u32)
}

pub const SUBS: &[(&str, NativeFn)] = &[
    ("charnames::viacode", viacode),
    ("charnames::vianame", vianame),
    ("charnames::string_vianame", string_vianame),
];

/// `charnames::viacode(CODE)`: the name of a code point (`0x263A`,
/// `"U+263A"` or a number).
fn viacode(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R<Value> {
    let s = crate::native::arg_string(args, 0);
    let t = s.trim();
    let cp = if let Some(h) = t.strip_prefix("U+").or_else(|| t.strip_prefix("0x")) {
        u32::from_str_radix(h, 16).ok()
    } else {
        Some(crate::convert::to_i64(&args.first().map(Elem::get).unwrap_or_default()) as u32)
    };
    let name = cp
        .and_then(char::from_u32)
        .and_then(unicode_names2::name)
        .map(|n| Value::string(n.to_string()))
        .unwrap_or_default();
    crate::listutil::one_value(want, out, name)
}

/// `charnames::vianame(NAME)`: its code point.
fn vianame(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R<Value> {
    let v = lookup(&crate::native::arg_string(args, 0))
        .map(|c| Value::Int(c as i64))
        .unwrap_or_default();
    crate::listutil::one_value(want, out, v)
}

/// `charnames::string_vianame(NAME)`: the character itself.
fn string_vianame(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R<Value> {
    let v = lookup(&crate::native::arg_string(args, 0))
        .map(|c| Value::Str(std::rc::Rc::new(crate::convert::from_chars(&[c]))))
        .unwrap_or_default();
    crate::listutil::one_value(want, out, v)
}
