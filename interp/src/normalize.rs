//! The XS half of `Unicode::Normalize`, on the unicode-normalization
//! crate: perl's Normalize.pm loads from disk (exports, `normalize`,
//! `check`) and `XSLoader::load` finds `bootstrap` here. FCD and FCC are
//! given as NFD and NFC, which satisfy them.

use unicode_normalization::char as uc;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

use crate::interp::{Flow, Interp, Want};
use crate::value::*;

type R = Result<Value, Flow>;

pub const SUBS: &[(&str, NativeFn)] = &[
    ("Unicode::Normalize::bootstrap", crate::native::noop),
    ("Unicode::Normalize::NFD", nfd),
    ("Unicode::Normalize::NFC", nfc),
    ("Unicode::Normalize::NFKD", nfkd),
    ("Unicode::Normalize::NFKC", nfkc),
    ("Unicode::Normalize::FCC", nfc),
    ("Unicode::Normalize::compose", nfc),
    ("Unicode::Normalize::composeContiguous", nfc),
    ("Unicode::Normalize::decompose", decompose),
    ("Unicode::Normalize::reorder", reorder),
    ("Unicode::Normalize::checkNFD", check_nfd),
    ("Unicode::Normalize::checkFCD", check_nfd),
    ("Unicode::Normalize::checkNFKD", check_nfkd),
    ("Unicode::Normalize::checkNFC", check_nfc),
    ("Unicode::Normalize::checkFCC", check_nfc),
    ("Unicode::Normalize::checkNFKC", check_nfkc),
    ("Unicode::Normalize::getCombinClass", get_combin_class),
    ("Unicode::Normalize::getCanon", get_canon),
    ("Unicode::Normalize::getCompat", get_compat),
    ("Unicode::Normalize::getComposite", get_composite),
    ("Unicode::Normalize::isNFD_NO", is_nfd_no),
    ("Unicode::Normalize::isNFKD_NO", is_nfkd_no),
    ("Unicode::Normalize::isComp_Ex", is_comp_ex),
    ("Unicode::Normalize::isSingleton", is_singleton),
    ("Unicode::Normalize::isNonStDecomp", is_non_st_decomp),
    ("Unicode::Normalize::isExclusion", is_exclusion),
    ("Unicode::Normalize::isNFC_NO", is_comp_ex),
    ("Unicode::Normalize::isNFKC_NO", is_nfkc_no),
    ("Unicode::Normalize::isComp2nd", is_comp2nd),
    ("Unicode::Normalize::isNFC_MAYBE", is_comp2nd),
    ("Unicode::Normalize::isNFKC_MAYBE", is_comp2nd),
    (
        "Unicode::Normalize::splitOnLastStarter",
        split_on_last_starter,
    ),
];

/// The argument's characters (code points that are no `char`, such as
/// surrogates, are left out).
fn text(args: &[Elem], i: usize) -> String {
    let v = args.get(i).map(Elem::get).unwrap_or_default();
    let s = crate::convert::to_pstr(&v);
    crate::convert::chars_of(&s)
        .into_iter()
        .filter_map(char::from_u32)
        .collect()
}

fn code_arg(args: &[Elem], i: usize) -> Option<char> {
    let v = args.get(i).map(Elem::get).unwrap_or_default();
    char::from_u32(crate::convert::to_i64(&v) as u32)
}

fn ret(want: Want, out: &mut Vec<Value>, v: Value) -> R {
    crate::listutil::one_value(want, out, v)
}

fn truth(b: bool) -> Value {
    crate::interp::bool_value(b)
}

fn nfd(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    ret(w, o, Value::string(text(a, 0).nfd().collect::<String>()))
}
fn nfc(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    ret(w, o, Value::string(text(a, 0).nfc().collect::<String>()))
}
fn nfkd(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    ret(w, o, Value::string(text(a, 0).nfkd().collect::<String>()))
}
fn nfkc(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    ret(w, o, Value::string(text(a, 0).nfkc().collect::<String>()))
}

/// `decompose(STR, COMPAT)`: each character's full decomposition, not
/// reordered.
fn decompose(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    let compat = a.get(1).is_some_and(|e| e.get().truthy());
    let mut s = String::new();
    for c in text(a, 0).chars() {
        if compat {
            uc::decompose_compatible(c, |d| s.push(d));
        } else {
            uc::decompose_canonical(c, |d| s.push(d));
        }
    }
    ret(w, o, Value::string(s))
}

/// `reorder(STR)`: runs of non-starters in canonical order.
fn reorder(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    let mut cs: Vec<char> = text(a, 0).chars().collect();
    let mut i = 0;
    while i < cs.len() {
        if uc::canonical_combining_class(cs[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < cs.len() && uc::canonical_combining_class(cs[i]) != 0 {
            i += 1;
        }
        cs[start..i].sort_by_key(|&c| uc::canonical_combining_class(c));
    }
    ret(w, o, Value::string(cs.into_iter().collect::<String>()))
}

fn quick(q: IsNormalized) -> Value {
    match q {
        IsNormalized::Yes => Value::Int(1),
        IsNormalized::No => Value::bytes(b""),
        IsNormalized::Maybe => Value::Undef,
    }
}

fn check_nfd(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    ret(w, o, truth(unicode_normalization::is_nfd(&text(a, 0))))
}
fn check_nfkd(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    ret(w, o, truth(unicode_normalization::is_nfkd(&text(a, 0))))
}
fn check_nfc(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    ret(
        w,
        o,
        quick(unicode_normalization::is_nfc_quick(text(a, 0).chars())),
    )
}
fn check_nfkc(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    ret(
        w,
        o,
        quick(unicode_normalization::is_nfkc_quick(text(a, 0).chars())),
    )
}

fn get_combin_class(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    let v = code_arg(a, 0).map_or(0, uc::canonical_combining_class);
    ret(w, o, Value::Int(v as i64))
}

fn decomposition(c: char, compat: bool) -> Option<String> {
    let mut s = String::new();
    if compat {
        uc::decompose_compatible(c, |d| s.push(d));
    } else {
        uc::decompose_canonical(c, |d| s.push(d));
    }
    (s.chars().ne(std::iter::once(c))).then_some(s)
}

fn get_canon(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    let v = code_arg(a, 0).and_then(|c| decomposition(c, false));
    ret(w, o, v.map_or(Value::Undef, Value::string))
}
fn get_compat(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    let v = code_arg(a, 0).and_then(|c| decomposition(c, true));
    ret(w, o, v.map_or(Value::Undef, Value::string))
}
fn get_composite(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    let v = match (code_arg(a, 0), code_arg(a, 1)) {
        (Some(x), Some(y)) => uc::compose(x, y).map_or(Value::Undef, |c| Value::Int(c as i64)),
        _ => Value::Undef,
    };
    ret(w, o, v)
}

fn char_test(a: &[Elem], w: Want, o: &mut Vec<Value>, f: impl Fn(char) -> bool) -> R {
    ret(w, o, truth(code_arg(a, 0).is_some_and(f)))
}

/// Decomposes canonically but does not come back under NFC.
fn comp_ex(c: char) -> bool {
    decomposition(c, false).is_some() && c.to_string().nfc().ne(std::iter::once(c))
}
fn singleton(c: char) -> bool {
    decomposition(c, false).is_some_and(|d| d.chars().count() == 1)
}
fn non_st_decomp(c: char) -> bool {
    decomposition(c, false)
        .and_then(|d| d.chars().next())
        .is_some_and(|f| uc::canonical_combining_class(f) != 0)
}

fn is_nfd_no(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    char_test(a, w, o, |c| decomposition(c, false).is_some())
}
fn is_nfkd_no(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    char_test(a, w, o, |c| decomposition(c, true).is_some())
}
fn is_comp_ex(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    char_test(a, w, o, comp_ex)
}
fn is_singleton(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    char_test(a, w, o, singleton)
}
fn is_non_st_decomp(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    char_test(a, w, o, non_st_decomp)
}
fn is_exclusion(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    char_test(a, w, o, |c| {
        comp_ex(c) && !singleton(c) && !non_st_decomp(c)
    })
}
fn is_nfkc_no(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    char_test(a, w, o, |c| {
        unicode_normalization::is_nfkc_quick(std::iter::once(c)) == IsNormalized::No
    })
}
fn is_comp2nd(_: &mut Interp, a: &[Elem], w: Want, o: &mut Vec<Value>) -> R {
    char_test(a, w, o, |c| {
        unicode_normalization::is_nfc_quick(std::iter::once(c)) == IsNormalized::Maybe
    })
}

/// `splitOnLastStarter(STR)`: the text before the last starter, and the
/// rest.
fn split_on_last_starter(_: &mut Interp, a: &[Elem], _: Want, o: &mut Vec<Value>) -> R {
    let s = text(a, 0);
    let at = s
        .char_indices()
        .rev()
        .find(|&(_, c)| uc::canonical_combining_class(c) == 0)
        .map_or(0, |(i, _)| i);
    o.push(Value::string(s[..at].to_string()));
    o.push(Value::string(s[at..].to_string()));
    Ok(Value::Undef)
}
