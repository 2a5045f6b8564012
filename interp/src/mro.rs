//! Method resolution order: perl's default depth-first search and C3
//! (`use mro 'c3'`), the `mro::` functions, and `next::method`.

use crate::convert::to_bytes;
use crate::interp::{Flow, Interp, Want, R};
use crate::native::arg_string;
use crate::value::*;

pub const SUBS: &[(&str, NativeFn)] = &[
    ("mro::import", import),
    ("mro::set_mro", set_mro),
    ("mro::get_mro", get_mro),
    ("mro::get_linear_isa", get_linear_isa),
    ("mro::get_isarev", get_isarev),
    ("mro::is_universal", is_universal),
    ("mro::method_changed_in", invalidate),
    ("mro::invalidate_all_method_caches", invalidate),
    ("mro::get_pkg_gen", get_pkg_gen),
    ("next::method", next_method),
    ("next::can", next_can),
    ("maybe::next::method", maybe_next_method),
];

fn ret(want: Want, out: &mut Vec<Value>, v: Value) -> R<Value> {
    crate::listutil::one_value(want, out, v)
}

impl Interp {
    /// The direct parents of `class` (its `@ISA`).
    pub(crate) fn parents(&self, class: &str) -> Vec<String> {
        self.package_list(class, "ISA")
    }

    /// The package array `@class::name` as strings (`@ISA`, `@CARP_NOT`);
    /// empty when there is none.
    pub(crate) fn package_list(&self, class: &str, name: &str) -> Vec<String> {
        match self.symbols.get(&format!("{class}::{name}")) {
            Some(g) if g.has_av() => g
                .av()
                .values()
                .iter()
                .map(|p| String::from_utf8_lossy(&to_bytes(p)).into_owned())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The C3 linearization of `class`, or the class whose hierarchy has
    /// none (perl's "Inconsistent hierarchy").
    pub(crate) fn c3_linearize(&self, class: &str, depth: usize) -> Result<Vec<String>, String> {
        if depth > 100 {
            return Err(class.to_string());
        }
        let parents = self.parents(class);
        let mut seqs: Vec<Vec<String>> = Vec::new();
        for p in &parents {
            seqs.push(self.c3_linearize(p, depth + 1)?);
        }
        seqs.push(parents);
        let mut out = vec![class.to_string()];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            // The first head that is in no other sequence's tail.
            let head = seqs
                .iter()
                .map(|s| &s[0])
                .find(|h| !seqs.iter().any(|s| s[1..].contains(h)))
                .cloned();
            let Some(h) = head else {
                return Err(class.to_string());
            };
            for s in seqs.iter_mut() {
                if s[0] == h {
                    s.remove(0);
                }
            }
            out.push(h);
        }
    }
}

fn import(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R<Value> {
    let kind = arg_string(args, 1);
    if !kind.is_empty() {
        let pkg = it.package.to_string();
        set_kind(it, &pkg, &kind)?;
    }
    Ok(Value::Undef)
}

fn set_kind(it: &mut Interp, class: &str, kind: &str) -> R<()> {
    it.mro_declared.insert(class.to_string());
    match kind {
        "c3" => {
            it.c3_classes.insert(class.to_string());
        }
        "dfs" => {
            it.c3_classes.remove(class);
        }
        _ => return Err(it.die_msg(format!("Invalid mro name: '{kind}'"))),
    }
    it.method_cache.clear();
    Ok(())
}

fn set_mro(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R<Value> {
    let (class, kind) = (arg_string(args, 0), arg_string(args, 1));
    set_kind(it, &class, &kind)?;
    Ok(Value::Undef)
}

fn get_mro(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R<Value> {
    let class = arg_string(args, 0);
    let kind = if it.c3_classes.contains(&class) {
        "c3"
    } else {
        "dfs"
    };
    ret(want, out, Value::from_str(kind))
}

fn get_linear_isa(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R<Value> {
    let class = arg_string(args, 0);
    let lin = match arg_string(args, 1).as_str() {
        "c3" => it
            .c3_linearize(&class, 0)
            .map_err(|c| inconsistent(it, &c))?,
        "dfs" => it.dfs_linearize(&class),
        _ => it.mro(&class),
    };
    let av = Array::from_values(lin.into_iter().map(Value::string).collect());
    ret(want, out, Value::ArrayRef(av))
}

fn inconsistent(it: &mut Interp, class: &str) -> Flow {
    it.die_msg(format!(
        "Inconsistent hierarchy during C3 merge of class '{class}'"
    ))
}

fn get_isarev(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R<Value> {
    let class = arg_string(args, 0);
    let classes: Vec<String> = it
        .symbols
        .keys()
        .filter_map(|k| k.strip_suffix("::ISA").map(str::to_string))
        .collect();
    let mut found: Vec<Value> = classes
        .into_iter()
        .filter(|c| *c != class && it.mro(c).contains(&class))
        .map(Value::string)
        .collect();
    found.sort_by(|a, b| to_bytes(a).cmp(&to_bytes(b)));
    ret(want, out, Value::ArrayRef(Array::from_values(found)))
}

fn is_universal(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R<Value> {
    let class = arg_string(args, 0);
    let u = class == "UNIVERSAL" || it.mro("UNIVERSAL").contains(&class);
    ret(want, out, crate::interp::bool_value(u))
}

fn invalidate(it: &mut Interp, _: &[Elem], _: Want, _: &mut Vec<Value>) -> R<Value> {
    it.method_cache.clear();
    Ok(Value::Undef)
}

fn get_pkg_gen(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R<Value> {
    ret(want, out, Value::Int(1))
}

/// The method `next::method` would call from the running method: the
/// next class after the method's own in the invocant's C3 order that
/// defines a method of that name.
fn next_target(it: &mut Interp, args: &[Elem]) -> R<Option<Cv>> {
    let caller = current_method(it);
    let Some((pkg, meth)) = caller.rsplit_once("::") else {
        return Err(
            it.die_msg("next::method/next::can/maybe::next::method cannot find enclosing method")
        );
    };
    let inv = args.first().map(Elem::get).unwrap_or_default();
    let class = match inv.blessed() {
        Some(c) => c.to_string(),
        None => String::from_utf8_lossy(&to_bytes(&inv)).into_owned(),
    };
    let lin = it
        .c3_linearize(&class, 0)
        .map_err(|c| inconsistent(it, &c))?;
    let Some(at) = lin.iter().position(|c| c == pkg) else {
        return Ok(None);
    };
    for c in &lin[at + 1..] {
        if let Some(cv) = it.find_sub(&format!("{c}::{meth}")) {
            return Ok(Some(cv));
        }
    }
    Ok(None)
}

/// The full name of the method `next::` continues: the innermost named
/// sub running (anonymous subs inside a method count as the method).
fn current_method(it: &Interp) -> String {
    it.frames
        .iter()
        .rev()
        .find(|f| !f.is_eval && !f.sub.ends_with("::__ANON__"))
        .map(|f| f.sub.to_string())
        .unwrap_or_default()
}

fn call_next(
    it: &mut Interp,
    args: &[Elem],
    want: Want,
    out: &mut Vec<Value>,
    must: bool,
) -> R<Value> {
    match next_target(it, args)? {
        Some(cv) => it.call_sub(&cv, args.to_vec(), want, out),
        None if must => {
            let caller = current_method(it);
            let inv = args.first().map(Elem::get).unwrap_or_default();
            let class = inv.blessed().map(|c| c.to_string()).unwrap_or_default();
            let meth = caller.rsplit("::").next().unwrap_or("");
            Err(it.die_msg(format!("No next::method '{meth}' found for {class}")))
        }
        None => Ok(Value::Undef),
    }
}

fn next_method(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R<Value> {
    call_next(it, args, want, out, true)
}

fn maybe_next_method(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R<Value> {
    call_next(it, args, want, out, false)
}

fn next_can(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R<Value> {
    let v = next_target(it, args)?
        .map(Value::CodeRef)
        .unwrap_or_default();
    ret(want, out, v)
}
