//! The encoding of a source file, as perl detects it before lexing: a
//! UTF-8 byte-order mark is skipped; UTF-16 (with a mark, or without one
//! when the file starts with two ASCII characters in 16-bit form) is
//! decoded to UTF-8 and read as characters (as under `use utf8`); UTF-32
//! is refused.

use std::borrow::Cow;

/// The source as the lexer reads it, and whether it holds characters
/// (UTF-8 decoded from UTF-16). `Err` carries perl's message.
pub fn decode_source(src: &[u8]) -> Result<(Cow<'_, [u8]>, bool), String> {
    let unsupported = |enc: &str| Err(format!("Unsupported script encoding {enc}"));
    match src {
        [0xFF, 0xFE, 0, 0, ..] => unsupported("UTF-32LE"),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, false, "UTF-16LE"),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, true, "UTF-16BE"),
        [0xEF, 0xBB, 0xBF, rest @ ..] => Ok((Cow::Borrowed(rest), false)),
        [0, 0, 0xFE, 0xFF, ..] => unsupported("UTF-32BE"),
        // Two ASCII characters as 16-bit units: 00 xx 00 xx is big-endian,
        // xx 00 xx 00 little-endian.
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => utf16(src, true, "UTF-16BE"),
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => utf16(src, false, "UTF-16LE"),
        _ => Ok((Cow::Borrowed(src), false)),
    }
}

fn utf16(src: &[u8], big: bool, enc: &str) -> Result<(Cow<'static, [u8]>, bool), String> {
    let units: Vec<u16> = src
        .chunks(2)
        .map(|c| {
            let (hi, lo) = match c {
                [a, b] if big => (*a, *b),
                [a, b] => (*b, *a),
                // An odd trailing byte: perl's filter ignores it.
                _ => (0, 0),
            };
            u16::from_be_bytes([hi, lo])
        })
        .collect();
    let units = if src.len() % 2 == 1 {
        &units[..units.len() - 1]
    } else {
        &units[..]
    };
    let mut out = String::with_capacity(units.len());
    for c in char::decode_utf16(units.iter().copied()) {
        match c {
            Ok(c) => out.push(c),
            Err(e) => {
                return Err(format!(
                    "Malformed {enc} surrogate {:x}",
                    e.unpaired_surrogate()
                ))
            }
        }
    }
    Ok((Cow::Owned(out.into_bytes()), true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFF, 0xFE] } else { vec![] };
        for u in s.encode_utf16() {
            v.extend_from_slice(&u.to_le_bytes());
        }
        v
    }

    #[test]
    fn encodings() {
        assert_eq!(
            decode_source(b"print 1").unwrap(),
            (Cow::Borrowed(&b"print 1"[..]), false)
        );
        assert_eq!(decode_source(b"\xEF\xBB\xBF1").unwrap().0.as_ref(), b"1");
        let src = le(" '\u{10000}'", true);
        let (s, chars) = decode_source(&src).unwrap();
        assert!(chars);
        assert_eq!(s.as_ref(), " '\u{10000}'".as_bytes());
        let src = le("12", false);
        assert_eq!(decode_source(&src).unwrap().0.as_ref(), b"12");
        let be: Vec<u8> = "(1)".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode_source(&be).unwrap().0.as_ref(), b"(1)");
        assert!(decode_source(b"\xFF\xFE\0\0x\0\0\0")
            .unwrap_err()
            .contains("UTF-32LE"));
    }
}
