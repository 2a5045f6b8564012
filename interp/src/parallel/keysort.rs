//! `sort { $b->{score} <=> $a->{score} || $a->{id} <=> $b->{id} } LIST`
//! as a sort of native keys.
//!
//! A comparator made only of key comparisons (`KEY($a) <=> KEY($b)` or
//! `cmp`, either direction, chained with `||`/`or`), where a key is `$a`
//! itself or a path of constant subscripts below it (`$a->{k}`,
//! `$a->[0]`, `$a->{k}[1]`), says everything about the order: each
//! element's keys are read once, and the elements are sorted by them with
//! a stable sort (in parallel on big lists), which gives what running the
//! block for every comparison gives. The guards: the keys must be plain
//! numbers or strings (no objects, whose comparisons may be overloaded),
//! no subscript on the way may be missing (perl would autovivify it), and
//! under warnings no key may be undef or, for `<=>`, a non-number (perl
//! would warn at each comparison). When a guard fails the block runs as
//! usual.

use std::cmp::Ordering;
use std::sync::Arc;

use rayon::slice::ParallelSliceMut;

use crate::ast::ArrayPlace;
use crate::ast::{BinOp, Block, Expr, GlobalId, HashPlace, LogOp, Stmt};
use crate::numeric::Num;
use crate::value::*;

/// One subscript on the way from an element to its key.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Elem(Arc<[u8]>),
    Index(i64),
}

/// One comparison of the chain.
#[derive(Debug, Clone)]
pub struct SortKey {
    path: Vec<Step>,
    numeric: bool,
    /// `KEY($b) <=> KEY($a)`.
    desc: bool,
}

/// The keys of a comparator block, or `None` when it is not only key
/// comparisons (`a`, `b`: the ids of the package's `$a`/`$b`).
pub fn analyse(body: &Block, a: GlobalId, b: GlobalId) -> Option<Vec<SortKey>> {
    if body.has_local || body.stmts.len() != 1 {
        return None;
    }
    let Stmt::Expr(e) = &body.stmts[0].kind else {
        return None;
    };
    let mut keys = Vec::new();
    chain(e, a, b, &mut keys)?;
    Some(keys)
}

fn chain(e: &Expr, a: GlobalId, b: GlobalId, keys: &mut Vec<SortKey>) -> Option<()> {
    match e {
        Expr::Logical {
            op: LogOp::Or,
            l,
            r,
        } => {
            chain(l, a, b, keys)?;
            chain(r, a, b, keys)
        }
        Expr::Binary { op, l, r } if matches!(op, BinOp::NumCmp | BinOp::StrCmp) => {
            let (lv, lp) = path(l)?;
            let (rv, rp) = path(r)?;
            if lp != rp {
                return None;
            }
            let desc = match (lv, rv) {
                (x, y) if x == a && y == b => false,
                (x, y) if x == b && y == a => true,
                _ => return None,
            };
            keys.push(SortKey {
                path: lp,
                numeric: *op == BinOp::NumCmp,
                desc,
            });
            Some(())
        }
        _ => None,
    }
}

/// `$v`, `$v->{k}`, `$v->[i]`, … : the variable and the subscripts.
fn path(e: &Expr) -> Option<(GlobalId, Vec<Step>)> {
    match e {
        Expr::Global(g) => Some((*g, Vec::new())),
        Expr::Elem {
            hash: HashPlace::Deref(base),
            key,
        } => {
            let Expr::Str { bytes, utf8: false } = &**key else {
                return None;
            };
            let (g, mut p) = path(base)?;
            p.push(Step::Elem(bytes.clone()));
            Some((g, p))
        }
        Expr::Index {
            array: ArrayPlace::Deref(base),
            index,
        } => {
            let Expr::Int(i) = &**index else {
                return None;
            };
            let (g, mut p) = path(base)?;
            p.push(Step::Index(*i));
            Some((g, p))
        }
        _ => None,
    }
}

/// A key read from an element.
#[derive(Clone, Copy)]
enum KeyVal {
    Num(Num),
    /// Points into a string the element (or `Keys::owned`) holds for the
    /// whole sort.
    Str(*const PStr),
}

/// The keys of all elements, row by row.
struct Keys {
    vals: Vec<KeyVal>,
    /// Strings made for keys that were numbers (boxed: `KeyVal::Str`
    /// points at them while more are pushed).
    #[allow(clippy::vec_box)]
    _owned: Vec<Box<PStr>>,
}

// SAFETY: the `Str` pointers point into strings that nothing writes or
// frees while the sort runs (the main thread waits in it).
unsafe impl Sync for Keys {}
unsafe impl Send for Keys {}

/// The order of `items` under `keys` (a permutation: position → index),
/// or `None` when a guard fails.
pub fn order(
    items: &[Value],
    keys: &[SortKey],
    warnings: bool,
    parallel: bool,
) -> Option<Vec<usize>> {
    let width = keys.len();
    let mut vals = Vec::with_capacity(items.len() * width);
    let mut owned: Vec<Box<PStr>> = Vec::new();
    for it in items {
        for k in keys {
            let v = walk(it, &k.path)?;
            vals.push(key_val(v, k.numeric, warnings, &mut owned)?);
        }
    }
    let table = Keys {
        vals,
        _owned: owned,
    };
    // The whole table, not its fields: `Keys` is what is `Sync`.
    let table = &table;
    let cmp = |x: &usize, y: &usize| -> Ordering {
        let (rx, ry) = (
            &table.vals[x * width..(x + 1) * width],
            &table.vals[y * width..(y + 1) * width],
        );
        for (i, k) in keys.iter().enumerate() {
            let o = compare(rx[i], ry[i]);
            let o = if k.desc { o.reverse() } else { o };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    };
    let mut perm: Vec<usize> = (0..items.len()).collect();
    if parallel && super::wanted(items.len()) && super::threads() > 1 {
        pool()?.install(|| perm.par_sort_by(cmp));
    } else {
        perm.sort_by(cmp);
    }
    Some(perm)
}

/// The sorting threads (keys are plain data, so a lasting pool is fine
/// here, unlike `grep`/`map` workers, see `worker`).
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(super::threads())
            .thread_name(|i| format!("psh-sort-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// The key of a built-in comparison (`sort LIST`, `sort { $a <=> $b }`
/// and the other forms the parser recognises).
pub fn simple(cmp: &crate::ast::SortCmp) -> Option<Vec<SortKey>> {
    use crate::ast::{FastSort as F, SortCmp as C};
    let (numeric, desc) = match cmp {
        C::None | C::Fast(F::StrAsc) => (false, false),
        C::Fast(F::StrDesc) => (false, true),
        C::Fast(F::NumAsc) => (true, false),
        C::Fast(F::NumDesc) => (true, true),
        _ => return None,
    };
    Some(vec![SortKey {
        path: Vec::new(),
        numeric,
        desc,
    }])
}

/// The value at `path` below `v`; `None` where a subscript meets
/// something that is not a plain container, or a missing level.
fn walk<'v>(v: &'v Value, path: &[Step]) -> Option<&'v Value> {
    let mut cur = v;
    for (i, step) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        let next: &Value = match (step, cur) {
            (Step::Elem(_), Value::HashRef(h)) if unsafe { h.shared_is_tied() } => return None,
            (Step::Index(_), Value::ArrayRef(a)) if unsafe { a.shared_is_tied() } => return None,
            (Step::Elem(k), Value::HashRef(h)) => unsafe {
                match h.shared_map().get(&k[..]) {
                    Some(e) => e.shared_value(),
                    None if last => &Value::Undef,
                    None => return None,
                }
            },
            (Step::Index(i), Value::ArrayRef(a)) => unsafe {
                let els = a.shared_elems();
                let j = if *i < 0 { *i + els.len() as i64 } else { *i };
                match usize::try_from(j).ok().and_then(|j| els.get(j)) {
                    Some(e) => e.shared_value(),
                    None if last => &Value::Undef,
                    None => return None,
                }
            },
            _ => return None,
        };
        if !last && next.is_undef() {
            return None;
        }
        cur = next;
    }
    Some(cur)
}

#[allow(clippy::vec_box)]
fn key_val(v: &Value, numeric: bool, warnings: bool, owned: &mut Vec<Box<PStr>>) -> Option<KeyVal> {
    if v.ref_addr().is_some() || matches!(v, Value::Glob(_)) {
        return None;
    }
    if v.is_undef() && warnings {
        return None;
    }
    if numeric {
        if let Value::Str(s) = v {
            if warnings && !crate::numeric::parse_number(&s.bytes).1 {
                return None;
            }
        }
        return Some(KeyVal::Num(crate::convert::to_num(v)));
    }
    Some(match v {
        Value::Str(s) => KeyVal::Str(&**s as *const PStr),
        _ => {
            let b = Box::new(crate::convert::to_pstr(v).into_owned());
            let p = &*b as *const PStr;
            owned.push(b);
            KeyVal::Str(p)
        }
    })
}

fn compare(x: KeyVal, y: KeyVal) -> Ordering {
    match (x, y) {
        (KeyVal::Num(a), KeyVal::Num(b)) => {
            crate::numeric::num_cmp(a, b).unwrap_or(Ordering::Equal)
        }
        (KeyVal::Str(a), KeyVal::Str(b)) => {
            let (a, b) = unsafe { (&*a, &*b) };
            if a.utf8 == b.utf8 {
                a.bytes.cmp(&b.bytes)
            } else if a.utf8 {
                a.bytes[..].cmp(&upgrade(&b.bytes)[..])
            } else {
                upgrade(&a.bytes)[..].cmp(&b.bytes[..])
            }
        }
        // One comparison is either numeric or not for every element.
        _ => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_of(code: &str) -> Option<Vec<SortKey>> {
        let prog = crate::parse::parse_program(code.as_bytes(), "t").expect("parses");
        let Stmt::Expr(Expr::Sort {
            cmp: crate::ast::SortCmp::Block(b),
            a,
            b: bb,
            ..
        }) = &prog.main.body.stmts.last()?.kind
        else {
            return None;
        };
        analyse(b, *a, *bb)
    }

    #[test]
    fn key_comparators() {
        let k =
            keys_of("sort { $b->{score} <=> $a->{score} || $a->{id} <=> $b->{id} } @x").unwrap();
        assert_eq!(k.len(), 2);
        assert!(k[0].desc && k[0].numeric && !k[1].desc);
        let k = keys_of("sort { $a->[1]{n} cmp $b->[1]{n} } @x").unwrap();
        assert_eq!(
            k[0].path,
            vec![Step::Index(1), Step::Elem(Arc::from(&b"n"[..]))]
        );
        assert!(keys_of("sort { $a->{x} <=> $b->{y} } @x").is_none());
        assert!(keys_of("sort { $a->{x} <=> $a->{x} } @x").is_none());
        assert!(keys_of("sort { lc($a) cmp lc($b) } @x").is_none());
        assert!(keys_of("sort { $a->{x} <=> $b->{x} && 1 } @x").is_none());
    }
}
