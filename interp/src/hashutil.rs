//! The XS half of `Hash::Util`: perl's Hash/Util.pm loads from disk (the
//! `lock_*` wrappers, exports) and `XSLoader::load` finds `bootstrap` here.
//! A restricted hash (`Internals::SvREADONLY(%h, 1)`, see `Hash`) keeps
//! its allowed but absent keys as placeholders: the hidden keys here.

use crate::interp::{Flow, Interp, Want};
use crate::value::*;

type R = Result<Value, Flow>;

pub const SUBS: &[(&str, NativeFn)] = &[
    ("Hash::Util::bootstrap", crate::native::noop),
    ("Hash::Util::_clear_placeholders", clear_placeholders),
    ("Internals::hv_clear_placeholders", clear_placeholders),
    ("Hash::Util::all_keys", all_keys),
    ("Hash::Util::legal_ref_keys", legal_ref_keys),
    ("Hash::Util::hidden_ref_keys", hidden_ref_keys),
    ("Hash::Util::hv_store", hv_store),
    ("Hash::Util::hash_seed", hash_seed),
    ("Hash::Util::hash_value", hash_value),
    ("Hash::Util::hash_traversal_mask", zero),
    ("Hash::Util::bucket_ratio", bucket_ratio),
    ("Hash::Util::num_buckets", num_buckets),
    ("Hash::Util::used_buckets", used_buckets),
];

fn hash_arg(args: &[Elem], i: usize) -> Option<Hv> {
    match args.get(i).map(Elem::get) {
        Some(Value::HashRef(h)) => Some(h),
        _ => None,
    }
}

fn keys_of(h: &Hv) -> Vec<Value> {
    let mut kv = Vec::new();
    h.pairs_into(&mut kv);
    kv.into_iter().step_by(2).collect()
}

/// `all_keys(%h, @keys, @hidden)`: fills the arrays, returns the hash ref.
fn all_keys(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = args.first().map(Elem::get).unwrap_or_default();
    if let (Some(h), Some(Value::ArrayRef(keys))) = (hash_arg(args, 0), args.get(1).map(Elem::get))
    {
        keys.clear();
        for k in keys_of(&h) {
            keys.push(k);
        }
        if let Some(Value::ArrayRef(hidden)) = args.get(2).map(Elem::get) {
            hidden.assign(placeholder_keys(&h));
        }
    }
    crate::listutil::one_value(want, out, v)
}

fn placeholder_keys(h: &Hv) -> Vec<Value> {
    h.placeholders()
        .into_iter()
        .map(|k| Value::Str(k.0))
        .collect()
}

fn legal_ref_keys(_: &mut Interp, args: &[Elem], _: Want, out: &mut Vec<Value>) -> R {
    if let Some(h) = hash_arg(args, 0) {
        out.extend(keys_of(&h));
        out.extend(placeholder_keys(&h));
    }
    Ok(Value::Undef)
}

fn hidden_ref_keys(_: &mut Interp, args: &[Elem], _: Want, out: &mut Vec<Value>) -> R {
    if let Some(h) = hash_arg(args, 0) {
        out.extend(placeholder_keys(&h));
    }
    Ok(Value::Undef)
}

fn clear_placeholders(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    if let Some(h) = hash_arg(args, 0) {
        h.clear_placeholders();
    }
    Ok(Value::Undef)
}

fn hv_store(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    if let Some(h) = hash_arg(args, 0) {
        let k = args.get(1).map(Elem::get).unwrap_or_default();
        let v = args.get(2).map(Elem::get).unwrap_or_default();
        h.set(
            make_key(&crate::convert::to_bytes(&k), crate::convert::is_utf8(&k)),
            v,
        );
    }
    crate::listutil::one_value(want, out, Value::Int(1))
}

fn hash_seed(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    crate::listutil::one_value(want, out, Value::bytes(&[0u8; 8]))
}

/// `hash_value(STRING)`: a number that depends only on the string.
fn hash_value(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    use std::hash::{Hash, Hasher};
    let s = args.first().map(Elem::get).unwrap_or_default();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    crate::convert::to_bytes(&s).hash(&mut h);
    let v = Value::Int((h.finish() >> 33) as i64);
    crate::listutil::one_value(want, out, v)
}

fn zero(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    crate::listutil::one_value(want, out, Value::Int(0))
}

/// perl's bucket count for `n` keys: a power of two, at least 8, grown
/// when the keys outnumber the buckets.
fn buckets_for(n: usize) -> usize {
    n.next_power_of_two().max(8)
}

fn bucket_ratio(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = match hash_arg(args, 0) {
        Some(h) if !h.is_empty() => {
            let n = h.len();
            let b = buckets_for(n);
            Value::string(format!("{}/{}", n.min(b), b))
        }
        Some(_) => Value::Int(0),
        None => Value::Undef,
    };
    crate::listutil::one_value(want, out, v)
}

fn num_buckets(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = hash_arg(args, 0).map_or(Value::Undef, |h| Value::Int(buckets_for(h.len()) as i64));
    crate::listutil::one_value(want, out, v)
}

fn used_buckets(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = hash_arg(args, 0).map_or(Value::Undef, |h| {
        Value::Int(h.len().min(buckets_for(h.len())) as i64)
    });
    crate::listutil::one_value(want, out, v)
}
