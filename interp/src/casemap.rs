//! `uc`, `lc`, `ucfirst`, `lcfirst` and `fc` under perl's rule sets:
//! ASCII for native strings (perl without `unicode_strings`, and any
//! string under `use bytes`), Unicode's full mappings (character strings,
//! `use feature 'unicode_strings'`, `use locale` in a UTF-8 locale), and
//! the C library's byte mappings (`use locale` in an 8-bit locale).

use crate::value::PStr;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Upper,
    Lower,
    UpperFirst,
    LowerFirst,
    Fold,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    Ascii,
    Unicode,
    /// The current LC_CTYPE locale's `toupper`/`tolower` on each byte.
    Locale8,
    /// `use bytes`: ASCII rules on the string's bytes, even a character
    /// string's.
    Bytes,
}

/// The rules the pragmas in `hints` (a statement's `hints::*` bits) call
/// for.
pub fn rules(hints: u32) -> Rules {
    use crate::ast::hints;
    if hints & hints::BYTES != 0 {
        Rules::Bytes
    } else if hints & hints::LOCALE != 0 {
        if locale_is_utf8() {
            Rules::Unicode
        } else {
            Rules::Locale8
        }
    } else if hints & hints::UNICODE_STRINGS != 0 {
        Rules::Unicode
    } else {
        Rules::Ascii
    }
}

/// Is the current LC_CTYPE locale a UTF-8 one?
fn locale_is_utf8() -> bool {
    // SAFETY: nl_langinfo returns a pointer to a static NUL-terminated
    // string, valid until the next call in this thread.
    let cs = unsafe { std::ffi::CStr::from_ptr(libc::nl_langinfo(libc::CODESET)) };
    let cs = cs.to_bytes();
    cs.eq_ignore_ascii_case(b"UTF-8") || cs.eq_ignore_ascii_case(b"utf8")
}

pub fn case_map(s: &PStr, op: Op, rules: Rules) -> PStr {
    if rules == Rules::Bytes || !s.utf8 && rules != Rules::Unicode {
        return bytes_map(&s.bytes, op, rules);
    }
    let chars = crate::convert::chars_of(s);
    let mut out: Vec<u32> = Vec::with_capacity(chars.len() + 2);
    if op == Op::Fold {
        fold_into(&chars, &mut out);
    } else {
        for (i, &c) in chars.iter().enumerate() {
            let Some(ch) = char::from_u32(c) else {
                out.push(c);
                continue;
            };
            match op {
                Op::Upper => out.extend(ch.to_uppercase().map(u32::from)),
                // Per character: perl's lc has no final-sigma rule.
                Op::Lower => out.extend(ch.to_lowercase().map(u32::from)),
                Op::UpperFirst if i == 0 => title_into(ch, &mut out),
                Op::LowerFirst if i == 0 => out.extend(ch.to_lowercase().map(u32::from)),
                _ => out.push(c),
            }
        }
    }
    let mut r = crate::convert::from_chars(&out);
    if s.utf8 && !r.utf8 {
        r = PStr {
            bytes: crate::value::upgrade(&r.bytes),
            utf8: true,
        };
    }
    r
}

/// Unicode's full case folding (CaseFolding.txt, statuses C and F) of
/// `chars`, through unicase, a run of real characters at a time (code
/// points that are no `char`, such as surrogates, stay as they are).
fn fold_into(chars: &[u32], out: &mut Vec<u32>) {
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut Vec<u32>| {
        let folded = unicase::UniCase::unicode(run.as_str()).to_folded_case();
        out.extend(folded.chars().map(u32::from));
        run.clear();
    };
    for &c in chars {
        match char::from_u32(c) {
            Some(ch) => run.push(ch),
            None => {
                flush(&mut run, out);
                out.push(c);
            }
        }
    }
    flush(&mut run, out);
}

fn bytes_map(b: &[u8], op: Op, rules: Rules) -> PStr {
    let up = matches!(op, Op::Upper | Op::UpperFirst);
    let map = |c: u8| -> u8 {
        match (rules, up) {
            (Rules::Locale8, true) => unsafe { libc::toupper(c as i32) as u8 },
            (Rules::Locale8, false) => unsafe { libc::tolower(c as i32) as u8 },
            (_, true) => c.to_ascii_uppercase(),
            (_, false) => c.to_ascii_lowercase(),
        }
    };
    let mut out = b.to_vec();
    let n = match op {
        Op::UpperFirst | Op::LowerFirst => 1,
        _ => out.len(),
    };
    out.iter_mut().take(n).for_each(|c| *c = map(*c));
    PStr {
        bytes: out,
        utf8: false,
    }
}

/// Unicode's titlecase of `c` (what `ucfirst` gives): the uppercase but for
/// the digraphs, the ligatures and the Greek letters with iota subscript,
/// whose titlecase differs (UnicodeData.txt and SpecialCasing.txt).
fn title_into(c: char, out: &mut Vec<u32>) {
    let cp = c as u32;
    let special: &[u32] = match cp {
        0x01C4..=0x01C6 => &[0x01C5],
        0x01C7..=0x01C9 => &[0x01C8],
        0x01CA..=0x01CC => &[0x01CB],
        0x01F1..=0x01F3 => &[0x01F2],
        0x00DF => &[0x53, 0x73],
        0xFB00 => &[0x46, 0x66],
        0xFB01 => &[0x46, 0x69],
        0xFB02 => &[0x46, 0x6C],
        0xFB03 => &[0x46, 0x66, 0x69],
        0xFB04 => &[0x46, 0x66, 0x6C],
        0xFB05 | 0xFB06 => &[0x53, 0x74],
        0x0587 => &[0x0535, 0x0582],
        0xFB13 => &[0x0544, 0x0576],
        0xFB14 => &[0x0544, 0x0565],
        0xFB15 => &[0x0544, 0x056B],
        0xFB16 => &[0x054E, 0x0576],
        0xFB17 => &[0x0544, 0x056D],
        0x0149 => &[0x02BC, 0x4E],
        0x01F0 => &[0x4A, 0x030C],
        0x1E96 => &[0x48, 0x0331],
        0x1E97 => &[0x54, 0x0308],
        0x1E98 => &[0x57, 0x030A],
        0x1E99 => &[0x59, 0x030A],
        0x1E9A => &[0x41, 0x02BE],
        0x1FB2 => &[0x1FBA, 0x0345],
        0x1FB4 => &[0x0386, 0x0345],
        0x1FC2 => &[0x1FCA, 0x0345],
        0x1FC4 => &[0x0389, 0x0345],
        0x1FF2 => &[0x1FFA, 0x0345],
        0x1FF4 => &[0x038F, 0x0345],
        0x1FB7 => &[0x0391, 0x0342, 0x0345],
        0x1FC7 => &[0x0397, 0x0342, 0x0345],
        0x1FF7 => &[0x03A9, 0x0342, 0x0345],
        0x1FB3 | 0x1FBC => &[0x1FBC],
        0x1FC3 | 0x1FCC => &[0x1FCC],
        0x1FF3 | 0x1FFC => &[0x1FFC],
        _ => &[],
    };
    if !special.is_empty() {
        out.extend_from_slice(special);
        return;
    }
    // The iota-subscript letters: their titlecase is the capital with
    // prosgegrammeni, one character (their uppercase is two).
    if let 0x1F80..=0x1FAF = cp {
        out.push(cp | 0x08);
        return;
    }
    c.to_uppercase().for_each(|u| out.push(u as u32));
}
