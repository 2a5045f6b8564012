//! Symbol tables as hashes: `%main::`, `%Foo::Bar::`, `$Pkg::{name}`.
//!
//! psh keeps its globs in one table keyed by full name, so a package's
//! stash is a view of it: the hash of a glob named `Pkg::` is tied (see
//! `crate::tie`) to a native class whose methods read and change that
//! table. Reading an entry gives the glob (`*Pkg::name`), a nested
//! package shows as `Name::`, and storing a reference installs it as perl
//! does: a scalar reference where no sub is makes a constant sub (what
//! `Errno` and `constant` do for speed), other values go through glob
//! assignment.

use std::rc::Rc;

use crate::convert::to_bytes;
use crate::interp::{Interp, Want, R};
use crate::value::*;

const CLASS: &str = "Internals::Stash";

/// The native methods of the stash tie class.
pub const SUBS: &[(&str, NativeFn)] = &[
    ("Internals::Stash::FETCH", fetch),
    ("Internals::Stash::STORE", store),
    ("Internals::Stash::EXISTS", exists),
    ("Internals::Stash::DELETE", delete),
    ("Internals::Stash::CLEAR", clear),
    ("Internals::Stash::FIRSTKEY", firstkey),
    ("Internals::Stash::NEXTKEY", nextkey),
    ("Internals::Stash::SCALAR", scalar),
];

/// The package prefix a stash glob's name stands for (`main::Foo::` and
/// `Foo::` are the same package; `main::` is main's).
fn prefix_of(glob_name: &str) -> String {
    let mut n = glob_name;
    while let Some(rest) = n.strip_prefix("main::") {
        if rest.is_empty() {
            return "main::".into();
        }
        n = rest;
    }
    if n == "::" {
        "main::".into()
    } else {
        n.to_string()
    }
}

/// Tie the hash of a new glob named `NAME::` to its package's symbols.
pub fn attach(it: &mut Interp, g: &Gv) {
    let obj = Scalar::new(Value::string(prefix_of(&g.name)));
    obj.bless(Rc::from(CLASS));
    g.hv().set_tie(Some(Tied::Var(Value::ScalarRef(obj))));
    crate::tie::enter(it);
}

fn prefix_arg(args: &[Elem]) -> String {
    match args.first().map(Elem::get) {
        Some(Value::ScalarRef(sv)) => String::from_utf8_lossy(&to_bytes(&sv.raw())).into_owned(),
        _ => "main::".into(),
    }
}

/// The glob's full name for `key` in the package `prefix`.
fn full_name(prefix: &str, key: &str) -> String {
    format!("{prefix}{key}")
}

/// The entries of a package, sorted: its own names, and `Name::` for each
/// package below it.
fn entries(it: &Interp, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let main = prefix == "main::";
    for name in it.symbols.keys() {
        let rest = match name.strip_prefix(prefix) {
            Some(r) => r,
            // Every top-level package is an entry of main.
            None if main => name.as_str(),
            None => continue,
        };
        if rest.is_empty() {
            continue;
        }
        let entry = match rest.find("::") {
            Some(p) => &rest[..p + 2],
            None if main && !name.starts_with("main::") => continue,
            None => rest,
        };
        out.push(entry.to_string());
    }
    out.sort();
    out.dedup();
    out
}

fn fetch(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R<Value> {
    let (prefix, key) = (prefix_arg(args), crate::native::arg_string(args, 1));
    let full = full_name(&prefix, &key);
    if let Some(g) = it.glob_opt(&full) {
        return Ok(Value::Glob(g));
    }
    // A package below this one: its stash glob, made on first look.
    if key.ends_with("::") && entries(it, &prefix).contains(&key) {
        return Ok(Value::Glob(it.glob(&full)));
    }
    Ok(Value::Undef)
}

fn store(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R<Value> {
    let (prefix, key) = (prefix_arg(args), crate::native::arg_string(args, 1));
    let v = args.get(2).map(Elem::get).unwrap_or_default();
    let full = full_name(&prefix, &key);
    let g = it.glob(&full);
    match &v {
        // `$Pkg::{NAME} = \$value`: a constant sub, as perl makes of it.
        Value::ScalarRef(sv) if g.code().is_none() => {
            let c = Code::new(
                CodeKind::Const(vec![sv.get()]),
                Some(Rc::from(full.as_str())),
            );
            g.set_code(Some(c));
            it.method_cache.clear();
        }
        _ => it.glob_assign(&g, v.clone())?,
    }
    Ok(Value::Undef)
}

fn exists(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R<Value> {
    let (prefix, key) = (prefix_arg(args), crate::native::arg_string(args, 1));
    let found = it.glob_opt(&full_name(&prefix, &key)).is_some()
        || (key.ends_with("::") && entries(it, &prefix).contains(&key));
    Ok(crate::interp::bool_value(found))
}

fn delete(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R<Value> {
    let (prefix, key) = (prefix_arg(args), crate::native::arg_string(args, 1));
    let full = full_name(&prefix, &key);
    let removed = it.symbols.remove(&full);
    it.method_cache.clear();
    Ok(removed.map(Value::Glob).unwrap_or_default())
}

fn clear(_: &mut Interp, _: &[Elem], _: Want, _: &mut Vec<Value>) -> R<Value> {
    Ok(Value::Undef)
}

fn firstkey(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R<Value> {
    let prefix = prefix_arg(args);
    Ok(entries(it, &prefix)
        .into_iter()
        .next()
        .map(Value::string)
        .unwrap_or_default())
}

fn nextkey(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R<Value> {
    let (prefix, last) = (prefix_arg(args), crate::native::arg_string(args, 1));
    let all = entries(it, &prefix);
    let next = match all.binary_search(&last) {
        Ok(i) => i + 1,
        Err(i) => i,
    };
    Ok(all
        .get(next)
        .cloned()
        .map(Value::string)
        .unwrap_or_default())
}

fn scalar(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R<Value> {
    let prefix = prefix_arg(args);
    Ok(Value::Int(entries(it, &prefix).len() as i64))
}
