//! `List::Util` and `Scalar::Util`, whose functions perl implements in C
//! (ListUtil.xs): the modules' own `.pm` files load from disk as usual (for
//! `import`, `@EXPORT_OK`), and `XSLoader::load` finds `bootstrap` here, so
//! the functions below stand in for the XS ones.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::convert::{to_bytes, to_num};
use crate::interp::{Flow, Interp, Want};
use crate::numeric::{self, Num};
use crate::value::*;

type R = Result<Value, Flow>;

pub const SUBS: &[(&str, NativeFn)] = &[
    ("List::Util::bootstrap", bootstrap),
    ("List::Util::first", s_first),
    ("List::Util::any", s_any),
    ("List::Util::all", s_all),
    ("List::Util::none", s_none),
    ("List::Util::notall", s_notall),
    ("List::Util::reduce", s_reduce),
    ("List::Util::reductions", reductions),
    ("List::Util::sum", s_sum),
    ("List::Util::sum0", s_sum0),
    ("List::Util::product", s_product),
    ("List::Util::min", s_min),
    ("List::Util::max", s_max),
    ("List::Util::minstr", s_minstr),
    ("List::Util::maxstr", s_maxstr),
    ("List::Util::uniq", uniq),
    ("List::Util::uniqstr", uniqstr),
    ("List::Util::uniqnum", uniqnum),
    ("List::Util::uniqint", uniqint),
    ("List::Util::shuffle", shuffle),
    ("List::Util::pairs", pairs),
    ("List::Util::unpairs", unpairs),
    ("List::Util::pairkeys", pairkeys),
    ("List::Util::pairvalues", pairvalues),
    ("List::Util::pairmap", pairmap),
    ("List::Util::pairgrep", pairgrep),
    ("List::Util::pairfirst", pairfirst),
    ("List::Util::sample", sample),
    ("Scalar::Util::dualvar", dualvar),
    ("Scalar::Util::isdual", isdual),
    ("Scalar::Util::isvstring", s_false),
    ("Scalar::Util::tainted", s_false),
    ("List::Util::head", head),
    ("List::Util::tail", tail),
    ("List::Util::zip", zip),
    ("List::Util::zip_longest", zip),
    ("List::Util::zip_shortest", zip_shortest),
    ("List::Util::mesh", mesh),
    ("List::Util::mesh_longest", mesh),
    ("List::Util::mesh_shortest", mesh_shortest),
    ("Scalar::Util::blessed", s_blessed),
    ("Scalar::Util::reftype", s_reftype),
    ("Scalar::Util::refaddr", s_refaddr),
    ("Scalar::Util::looks_like_number", s_looks_like_number),
    ("Scalar::Util::weaken", weaken),
    ("Scalar::Util::unweaken", unweaken),
    ("Scalar::Util::isweak", s_isweak),
    ("Scalar::Util::readonly", s_isweak),
    ("Scalar::Util::openhandle", s_openhandle),
    ("builtin::import", builtin_import),
    ("builtin::blessed", s_blessed),
    ("builtin::reftype", s_reftype),
    ("builtin::refaddr", s_refaddr),
    ("builtin::weaken", weaken),
    ("builtin::unweaken", unweaken),
    ("builtin::is_weak", s_isweak),
    ("builtin::true", builtin_true),
    ("builtin::false", builtin_false),
    ("builtin::is_bool", builtin_is_bool),
    ("builtin::ceil", builtin_ceil),
    ("builtin::floor", builtin_floor),
    ("builtin::trim", builtin_trim),
    ("builtin::indexed", builtin_indexed),
    ("Sub::Util::subname", sub_subname),
    ("Sub::Util::set_subname", sub_set),
    ("Sub::Util::set_prototype", sub_set),
    ("Sub::Util::prototype", sub_prototype),
];

/// `use builtin qw(NAMES)`: perl imports them lexically; psh puts them in
/// the importing package.
fn builtin_import(it: &mut Interp, a: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let pkg = it.package.to_string();
    for n in a.iter().skip(1) {
        let name = String::from_utf8_lossy(&to_bytes(&n.get())).into_owned();
        let Some(cv) = it.find_sub(&format!("builtin::{name}")) else {
            return Err(it.die_msg(format!("'{name}' is not recognised as a builtin function")));
        };
        it.glob(&format!("{pkg}::{name}")).set_code(Some(cv));
    }
    it.method_cache.clear();
    Ok(Value::Undef)
}

fn builtin_true(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    one_value(want, out, crate::interp::bool_value(true))
}

fn builtin_false(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    one_value(want, out, crate::interp::bool_value(false))
}

/// psh has no boolean flag on values: none counts as a boolean.
fn builtin_is_bool(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    one_value(want, out, crate::interp::bool_value(false))
}

fn builtin_ceil(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let x = crate::convert::to_f64(&a.first().map(Elem::get).unwrap_or_default());
    one_value(want, out, Value::Num(x.ceil()))
}

fn builtin_floor(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let x = crate::convert::to_f64(&a.first().map(Elem::get).unwrap_or_default());
    one_value(want, out, Value::Num(x.floor()))
}

fn builtin_trim(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = a.first().map(Elem::get).unwrap_or_default();
    let s = crate::convert::to_pstr(&v).into_owned();
    let b = &s.bytes;
    let ws = |c: &u8| c.is_ascii_whitespace();
    let start = b.iter().position(|c| !ws(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !ws(c)).map_or(start, |e| e + 1);
    one_value(want, out, Value::str_from(b[start..end].to_vec(), s.utf8))
}

fn builtin_indexed(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    if want != Want::List {
        return Ok(Value::Int(a.len() as i64 * 2));
    }
    for (i, e) in a.iter().enumerate() {
        out.push(Value::Int(i as i64));
        out.push(e.get());
    }
    Ok(Value::Undef)
}

/// `Sub::Util::subname($code)`: the sub's full name.
fn sub_subname(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = a.first().map(Elem::get).unwrap_or_default();
    let Value::CodeRef(cv) = v else {
        return Err(it.die_msg("Not a subroutine reference"));
    };
    let name = cv
        .name
        .clone()
        .unwrap_or_else(|| Rc::from("main::__ANON__"));
    one_value(want, out, Value::from_str(&name))
}

/// `set_subname(NAME, $code)` / `set_prototype(PROTO, $code)`: psh keeps
/// names and prototypes with the compiled body, so the sub comes back as is.
fn sub_set(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = a.get(1).map(Elem::get).unwrap_or_default();
    one_value(want, out, v)
}

fn sub_prototype(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = a.first().map(Elem::get).unwrap_or_default();
    let p = match &v {
        Value::CodeRef(cv) => match &cv.kind {
            CodeKind::Perl { body, .. } => body.prototype.clone().map(|p| Value::from_str(&p)),
            CodeKind::Const(_) => Some(Value::bytes(b"")),
            _ => None,
        },
        _ => None,
    };
    one_value(want, out, p.unwrap_or_default())
}

/// The prototypes of the List::Util / Scalar::Util / Hash::Util functions
/// (as the XS ones declare them), by full name.
pub fn native_prototype(name: &str) -> Option<&'static str> {
    let (pkg, f) = name.rsplit_once("::")?;
    match pkg {
        "List::Util" => Some(match f {
            "first" | "any" | "all" | "none" | "notall" | "reduce" | "reductions" | "pairmap"
            | "pairgrep" | "pairfirst" => "&@",
            "head" | "tail" => "$@",
            "bootstrap" => return None,
            _ => "@",
        }),
        "Scalar::Util" => Some("$"),
        "Hash::Util" => Some(match f {
            "all_keys" => "\\%\\@\\@",
            "hv_store" => "\\%$$",
            "_clear_placeholders" => "\\%",
            "legal_ref_keys" | "hidden_ref_keys" | "bucket_ratio" | "num_buckets"
            | "used_buckets" => "$",
            _ => return None,
        }),
        _ => None,
    }
}

/// A native sub's single value: in list context it goes to the list.
pub(crate) fn one_value(want: Want, out: &mut Vec<Value>, v: Value) -> R {
    if want == Want::List {
        out.push(v);
        return Ok(Value::Undef);
    }
    Ok(v)
}

/// The functions below give one scalar; in list context it is the list.
macro_rules! scalar_subs {
    ($($w:ident => $f:ident),* $(,)?) => {
        $(fn $w(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
            let v = $f(it, a, want, out)?;
            one_value(want, out, v)
        })*
    };
}

scalar_subs!(s_first => first, s_any => any, s_all => all, s_none => none, s_notall => notall, s_reduce => reduce, s_sum => sum, s_sum0 => sum0, s_product => product, s_min => min, s_max => max, s_minstr => minstr, s_maxstr => maxstr, s_blessed => blessed, s_reftype => reftype, s_refaddr => refaddr, s_looks_like_number => looks_like_number, s_isweak => isweak, s_openhandle => openhandle);

fn bootstrap(_: &mut Interp, _: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Ok(Value::Undef)
}

fn block_arg(it: &mut Interp, args: &[Elem], name: &str) -> Result<Cv, Flow> {
    match args.first().map(Elem::get) {
        Some(Value::CodeRef(cv)) => Ok(cv),
        _ => Err(it.die_msg(format!("Not a subroutine reference in List::Util::{name}"))),
    }
}

/// Runs `cv` once per element with `$_` aliased to it, until `stop` says
/// so; gives the index it stopped at.
fn scan(
    it: &mut Interp,
    cv: &Cv,
    items: &[Elem],
    stop: impl Fn(bool) -> bool,
) -> Result<Option<usize>, Flow> {
    let g = it.glob("main::_");
    let saved = g.sv();
    let mut found = None;
    let mut err = None;
    for (i, e) in items.iter().enumerate() {
        let sv = match e {
            Elem::C(sv) => sv.clone(),
            Elem::V(v) => Scalar::new(v.clone()),
        };
        g.set_sv(sv);
        let mut o = Vec::new();
        match it.call_sub(cv, Vec::new(), Want::Scalar, &mut o) {
            Ok(v) => {
                if stop(v.truthy()) {
                    found = Some(i);
                    break;
                }
            }
            Err(f) => {
                err = Some(f);
                break;
            }
        }
    }
    g.set_sv(saved);
    match err {
        Some(f) => Err(f),
        None => Ok(found),
    }
}

fn first(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let cv = block_arg(it, args, "first")?;
    let items = &args[1..];
    Ok(match scan(it, &cv, items, |t| t)? {
        Some(i) => items[i].get(),
        None => Value::Undef,
    })
}

fn yes_no(b: bool) -> Value {
    crate::interp::bool_value(b)
}

fn any(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let cv = block_arg(it, args, "any")?;
    Ok(yes_no(scan(it, &cv, &args[1..], |t| t)?.is_some()))
}

fn all(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let cv = block_arg(it, args, "all")?;
    Ok(yes_no(scan(it, &cv, &args[1..], |t| !t)?.is_none()))
}

fn none(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let cv = block_arg(it, args, "none")?;
    Ok(yes_no(scan(it, &cv, &args[1..], |t| t)?.is_none()))
}

fn notall(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let cv = block_arg(it, args, "notall")?;
    Ok(yes_no(scan(it, &cv, &args[1..], |t| !t)?.is_some()))
}

/// `$a` and `$b` of the calling package, given fresh containers for the
/// duration (restored by the caller with the returned originals).
fn ab_globs(it: &mut Interp) -> (Gv, Gv, Sv, Sv) {
    let pkg = it.package.to_string();
    let ga = it.glob(&format!("{pkg}::a"));
    let gb = it.glob(&format!("{pkg}::b"));
    let sa = ga.set_sv(Scalar::new(Value::Undef));
    let sb = gb.set_sv(Scalar::new(Value::Undef));
    (ga, gb, sa, sb)
}

fn fold(it: &mut Interp, args: &[Elem], name: &str, all_steps: bool, out: &mut Vec<Value>) -> R {
    let cv = block_arg(it, args, name)?;
    let items = &args[1..];
    let Some(first) = items.first() else {
        return Ok(Value::Undef);
    };
    let mut acc = first.get();
    if all_steps {
        out.push(acc.clone());
    }
    let (ga, gb, sa, sb) = ab_globs(it);
    let (ca, cb) = (ga.sv(), gb.sv());
    let mut err = None;
    for e in &items[1..] {
        ca.set(acc.clone());
        cb.set(e.get());
        let mut o = Vec::new();
        match it.call_sub(&cv, Vec::new(), Want::Scalar, &mut o) {
            Ok(v) => acc = v,
            Err(f) => {
                err = Some(f);
                break;
            }
        }
        if all_steps {
            out.push(acc.clone());
        }
    }
    ga.set_sv(sa);
    gb.set_sv(sb);
    match err {
        Some(f) => Err(f),
        None => Ok(acc),
    }
}

fn reduce(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    fold(it, args, "reduce", false, &mut Vec::new())
}

fn reductions(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let start = out.len();
    fold(it, args, "reductions", true, out)?;
    let _ = want;
    Ok(Value::Int((out.len() - start) as i64))
}

fn arith(args: &[Elem], init: Option<Num>, op: fn(Num, Num) -> Num) -> Value {
    let mut acc = init;
    for e in args {
        let n = e.peek(to_num);
        acc = Some(match acc {
            Some(a) => op(a, n),
            None => n,
        });
    }
    match acc {
        Some(n) => crate::convert::num_to_value(n),
        None => Value::Undef,
    }
}

fn sum(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Ok(arith(args, None, numeric::add))
}

fn sum0(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Ok(arith(args, Some(Num::Int(0)), numeric::add))
}

fn product(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Ok(arith(args, Some(Num::Int(1)), numeric::mul))
}

/// The element that wins every comparison (`keep(new, best)` says whether
/// the new one replaces the best so far); the element itself is returned,
/// not its number.
fn pick(args: &[Elem], better: impl Fn(&Value, &Value) -> bool) -> Value {
    let mut best: Option<Value> = None;
    for e in args {
        let v = e.get();
        best = match best {
            Some(b) if !better(&v, &b) => Some(b),
            _ => Some(v),
        };
    }
    best.unwrap_or_default()
}

fn num_order(x: &Value, y: &Value) -> Option<Ordering> {
    numeric::num_cmp(to_num(x), to_num(y))
}

fn min(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Ok(pick(args, |x, y| num_order(x, y) == Some(Ordering::Less)))
}

fn max(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Ok(pick(args, |x, y| {
        num_order(x, y) == Some(Ordering::Greater)
    }))
}

fn minstr(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Ok(pick(args, |x, y| {
        crate::interp::str_cmp(x, y) == Ordering::Less
    }))
}

fn maxstr(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Ok(pick(args, |x, y| {
        crate::interp::str_cmp(x, y) == Ordering::Greater
    }))
}

/// Keeps the first element of each key; `key` gives `None` for undef when
/// undef is its own key.
fn uniq_by(
    args: &[Elem],
    want: Want,
    out: &mut Vec<Value>,
    key: impl Fn(&Value) -> Option<Vec<u8>>,
) -> R {
    let mut seen = std::collections::HashSet::new();
    let mut seen_undef = false;
    let mut n = 0;
    for e in args {
        let v = e.get();
        let fresh = match key(&v) {
            Some(k) => seen.insert(k),
            None => !std::mem::replace(&mut seen_undef, true),
        };
        if fresh {
            n += 1;
            if want == Want::List {
                out.push(v);
            }
        }
    }
    Ok(Value::Int(n))
}

fn uniq(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    uniq_by(args, want, out, |v| {
        if v.is_undef() {
            None
        } else {
            Some(to_bytes(v).into_owned())
        }
    })
}

fn uniqstr(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    uniq_by(args, want, out, |v| Some(to_bytes(v).into_owned()))
}

fn num_key(n: Num) -> Vec<u8> {
    let n = match n {
        // -0.0 too.
        Num::Float(0.0) => Num::Int(0),
        Num::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Num::Int(f as i64),
        n => n,
    };
    let mut b = Vec::new();
    match n {
        Num::Float(f) => b.extend_from_slice(format!("f{:x}", f.to_bits()).as_bytes()),
        n => numeric::format_num(n, &mut b),
    }
    b
}

fn uniqnum(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    uniq_by(args, want, out, |v| Some(num_key(to_num(v))))
}

fn uniqint(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let ints: Vec<Elem> = args
        .iter()
        .map(|e| Elem::V(crate::convert::num_to_value(numeric::int(e.peek(to_num)))))
        .collect();
    uniq_by(&ints, want, out, |v| Some(num_key(to_num(v))))
}

/// perl's algorithm with perl's `rand`, so `srand N` gives the same order.
fn shuffle(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let mut v: Vec<Value> = args.iter().map(Elem::get).collect();
    let mut index = v.len();
    while index > 1 {
        let swap = (it.drand48() * index as f64) as usize;
        index -= 1;
        v.swap(swap, index);
    }
    let n = v.len() as i64;
    if want == Want::List {
        out.extend(v);
    }
    Ok(Value::Int(n))
}

fn list_result(want: Want, out: &mut Vec<Value>, items: Vec<Value>) -> R {
    let n = items.len() as i64;
    if want == Want::List {
        out.extend(items);
    }
    Ok(Value::Int(n))
}

fn pairs(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let items: Vec<Value> = args
        .chunks(2)
        .map(|c| {
            let av = Array::from_values(vec![
                c[0].get(),
                c.get(1).map(Elem::get).unwrap_or_default(),
            ]);
            av.bless(Rc::from("List::Util::_Pair"));
            Value::ArrayRef(av)
        })
        .collect();
    list_result(want, out, items)
}

fn unpairs(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let mut items = Vec::new();
    for e in args {
        if let Value::ArrayRef(av) = e.get() {
            let v: Vec<Value> = av.with(|x| x.iter().map(Elem::get).collect());
            let a = v.first().cloned().unwrap_or_default();
            let b = v.get(1).cloned().unwrap_or_default();
            items.push(a);
            items.push(b);
        }
    }
    list_result(want, out, items)
}

fn pairkeys(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let items = args.chunks(2).map(|c| c[0].get()).collect();
    list_result(want, out, items)
}

fn pairvalues(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let items = args
        .chunks(2)
        .map(|c| c.get(1).map(Elem::get).unwrap_or_default())
        .collect();
    list_result(want, out, items)
}

/// `pairmap`/`pairgrep`: the block sees each pair as `$a`, `$b`.
fn pair_walk(it: &mut Interp, args: &[Elem], name: &str, grep: bool) -> Result<Vec<Value>, Flow> {
    let cv = block_arg(it, args, name)?;
    let (ga, gb, sa, sb) = ab_globs(it);
    let (ca, cb) = (ga.sv(), gb.sv());
    let mut items = Vec::new();
    let mut err = None;
    for c in args[1..].chunks(2) {
        let (k, v) = (c[0].get(), c.get(1).map(Elem::get).unwrap_or_default());
        ca.set(k.clone());
        cb.set(v.clone());
        let want = if grep { Want::Scalar } else { Want::List };
        let mut o = Vec::new();
        match it.call_sub(&cv, Vec::new(), want, &mut o) {
            Ok(r) if grep => {
                if r.truthy() {
                    items.push(k);
                    items.push(v);
                }
            }
            Ok(_) => items.extend(o),
            Err(f) => {
                err = Some(f);
                break;
            }
        }
    }
    ga.set_sv(sa);
    gb.set_sv(sb);
    match err {
        Some(f) => Err(f),
        None => Ok(items),
    }
}

fn pairmap(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let items = pair_walk(it, args, "pairmap", false)?;
    list_result(want, out, items)
}

fn pairgrep(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let items = pair_walk(it, args, "pairgrep", true)?;
    if want != Want::List {
        return Ok(Value::Int(items.len() as i64 / 2));
    }
    list_result(want, out, items)
}

/// `pairfirst { BLOCK } LIST`: the first pair the block accepts.
fn pairfirst(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let items = pair_walk(it, args, "pairfirst", true)?;
    if want != Want::List {
        return Ok(crate::interp::bool_value(!items.is_empty()));
    }
    out.extend(items.into_iter().take(2));
    Ok(Value::Undef)
}

/// `sample COUNT, LIST`: COUNT random elements.
fn sample(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let n = args
        .first()
        .map(|e| e.peek(crate::convert::to_i64))
        .unwrap_or(0)
        .max(0) as usize;
    let mut v: Vec<Value> = args.iter().skip(1).map(Elem::get).collect();
    let mut picked = Vec::new();
    while picked.len() < n && !v.is_empty() {
        let i = (it.drand48() * v.len() as f64) as usize;
        picked.push(v.swap_remove(i.min(v.len() - 1)));
    }
    list_result(want, out, picked)
}

/// `dualvar(NUM, STR)`: a value that is NUM to numeric operators and STR
/// to string ones.
fn dualvar(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let n = args.first().map(Elem::get).unwrap_or_default();
    let s = args.get(1).map(Elem::get).unwrap_or_default();
    let v = Value::Dual(Rc::new(crate::value::Dual {
        num: crate::convert::num_to_value(crate::convert::to_num(&n)),
        str: crate::convert::to_pstr(&s).into_owned(),
    }));
    one_value(want, out, v)
}

fn isdual(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = args.first().map(Elem::get).unwrap_or_default();
    one_value(want, out, yes_no(matches!(v, Value::Dual(_))))
}

fn s_false(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    one_value(want, out, crate::interp::bool_value(false))
}

/// `head N, LIST` / `tail N, LIST`: a negative N counts what to leave out.
fn head_tail(args: &[Elem], from_end: bool) -> Vec<Value> {
    let n = args
        .first()
        .map(|e| e.peek(crate::convert::to_i64))
        .unwrap_or(0);
    let list = args.get(1..).unwrap_or(&[]);
    let len = list.len() as i64;
    let take = if n >= 0 { n.min(len) } else { (len + n).max(0) } as usize;
    let range = if from_end {
        list.len() - take..list.len()
    } else {
        0..take
    };
    list[range].iter().map(Elem::get).collect()
}

fn head(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    list_result(want, out, head_tail(args, false))
}

fn tail(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    list_result(want, out, head_tail(args, true))
}

fn columns(args: &[Elem], shortest: bool) -> (Vec<Vec<Value>>, usize) {
    let cols: Vec<Vec<Value>> = args
        .iter()
        .map(|e| match e.get() {
            Value::ArrayRef(av) => av.with(|x| x.iter().map(Elem::get).collect()),
            _ => Vec::new(),
        })
        .collect();
    let lens = cols.iter().map(Vec::len);
    let n = if shortest {
        lens.min().unwrap_or(0)
    } else {
        lens.max().unwrap_or(0)
    };
    (cols, n)
}

fn zip_rows(args: &[Elem], shortest: bool) -> Vec<Value> {
    let (cols, n) = columns(args, shortest);
    (0..n)
        .map(|i| {
            let row = cols
                .iter()
                .map(|c| c.get(i).cloned().unwrap_or_default())
                .collect();
            Value::ArrayRef(Array::from_values(row))
        })
        .collect()
}

fn mesh_rows(args: &[Elem], shortest: bool) -> Vec<Value> {
    let (cols, n) = columns(args, shortest);
    let mut out = Vec::new();
    for i in 0..n {
        out.extend(cols.iter().map(|c| c.get(i).cloned().unwrap_or_default()));
    }
    out
}

fn zip(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    list_result(want, out, zip_rows(args, false))
}

fn zip_shortest(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    list_result(want, out, zip_rows(args, true))
}

fn mesh(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    list_result(want, out, mesh_rows(args, false))
}

fn mesh_shortest(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    list_result(want, out, mesh_rows(args, true))
}

// ---------------------------------------------------------------- Scalar::Util

fn arg0(args: &[Elem]) -> Value {
    args.first().map(Elem::get).unwrap_or_default()
}

fn blessed(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let v = arg0(args);
    if !v.is_ref() {
        return Ok(Value::Undef);
    }
    Ok(match v.blessed() {
        Some(p) => Value::from_str(&p),
        None => Value::Undef,
    })
}

/// What a reference refers to, blessed or not (`Scalar::Util::reftype`).
pub(crate) fn reftype_name(v: &Value) -> Option<&'static str> {
    Some(match v {
        Value::ScalarRef(sv) if sv.peek(|x| x.is_ref()) => "REF",
        Value::ScalarRef(_) => "SCALAR",
        Value::ArrayRef(_) => "ARRAY",
        Value::HashRef(_) => "HASH",
        Value::CodeRef(_) => "CODE",
        Value::GlobRef(_) => "GLOB",
        Value::Regex(_) => "REGEXP",
        _ => return None,
    })
}

fn reftype(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Ok(reftype_name(&arg0(args)).map_or(Value::Undef, Value::from_str))
}

fn refaddr(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Ok(match arg0(args).ref_addr() {
        Some(a) => Value::Int(a as i64),
        None => Value::Undef,
    })
}

fn looks_like_number(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let v = arg0(args);
    let b = match &v {
        Value::Undef => false,
        Value::Int(_) | Value::UInt(_) | Value::Num(_) => true,
        Value::Str(s) => numeric::looks_like_number(&s.bytes),
        _ => false,
    };
    Ok(yes_no(b))
}

/// `weaken REF`: the container stops keeping its referent alive (see
/// `Value::Weak`). Undef is left alone; any other non-reference dies.
fn weaken(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    set_weak(it, args, true)
}

fn unweaken(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    set_weak(it, args, false)
}

fn set_weak(it: &mut Interp, args: &[Elem], weak: bool) -> R {
    let Some(e) = args.first() else {
        return Ok(Value::Undef);
    };
    let v = e.get();
    if v.is_undef() {
        return Ok(Value::Undef);
    }
    if !v.is_ref() {
        let what = if weak { "weaken" } else { "unweaken" };
        return Err(it.die_msg(format!("Can't {what} a nonreference")));
    }
    if let Elem::C(sv) = e {
        if weak && sv.is_weak() && it.warnings_on() {
            it.warn_str("Reference is already weak");
        }
        sv.set_weak(weak);
    }
    Ok(Value::Undef)
}

fn isweak(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Ok(yes_no(
        matches!(args.first(), Some(Elem::C(sv)) if sv.is_weak()),
    ))
}

fn openhandle(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let v = arg0(args);
    Ok(match &v {
        Value::Glob(_) | Value::GlobRef(_) => v,
        _ => Value::Undef,
    })
}
