//! `sort`, `map` and `grep`.

use std::cmp::Ordering;

use super::expr::{num_cmp, str_cmp};
use super::lower::LoweredBody;
use super::{Flow, Interp, Want, R};
use crate::ast::{well_known as wk, Block, Expr, FastSort, GlobalId, SortCmp};
use crate::convert;
use crate::parallel::{Items, Outcome, PureSub};
use crate::value::*;
use std::rc::Rc;
use std::sync::Arc;

impl Interp {
    pub fn sort(
        &mut self,
        cmp: &SortCmp,
        list: &Expr,
        a: GlobalId,
        b: GlobalId,
        out: &mut Vec<Value>,
    ) -> R<()> {
        let mut items = Vec::new();
        self.list(list, &mut items)?;
        if items.len() > 8 {
            if let Some(perm) = self.key_order(cmp, &items, a, b) {
                let mut src = items;
                out.extend(perm.into_iter().map(|i| std::mem::take(&mut src[i])));
                return Ok(());
            }
        }
        if let SortCmp::None | SortCmp::Fast(_) = cmp {
            if items.iter().any(|v| v.blessed().is_some()) {
                return self.sort_objects(cmp, items, out);
            }
        }
        match cmp {
            SortCmp::None => items.sort_by(str_cmp),
            SortCmp::Fast(f) => match f {
                FastSort::StrAsc => items.sort_by(str_cmp),
                FastSort::StrDesc => items.sort_by(|x, y| str_cmp(y, x)),
                FastSort::NumAsc | FastSort::NumDesc
                    if self.warnings_on() && items.iter().any(Value::is_undef) =>
                {
                    // perl numifies every element first and again at each
                    // comparison, warning each time it meets an undef.
                    let mut warnings = items.iter().filter(|v| v.is_undef()).count();
                    let mut keyed: Vec<(crate::numeric::Num, bool, Value)> = items
                        .into_iter()
                        .map(|v| (convert::to_num(&v), v.is_undef(), v))
                        .collect();
                    let desc = *f == FastSort::NumDesc;
                    keyed.sort_by(|x, y| {
                        warnings += x.1 as usize + y.1 as usize;
                        let (x, y) = if desc { (y, x) } else { (x, y) };
                        num_cmp(x.0, y.0).unwrap_or(Ordering::Equal)
                    });
                    for _ in 0..warnings {
                        self.warn_uninit_op("sort");
                    }
                    items = keyed.into_iter().map(|(_, _, v)| v).collect();
                }
                FastSort::NumAsc | FastSort::NumDesc => {
                    if self.warnings_on() {
                        self.warn_non_numeric_sort(&items);
                    }
                    // Convert once, then sort the numbers with their values.
                    let mut keyed: Vec<(crate::numeric::Num, Value)> = items
                        .into_iter()
                        .map(|v| (convert::to_num(&v), v))
                        .collect();
                    if *f == FastSort::NumAsc {
                        keyed.sort_by(|x, y| num_cmp(x.0, y.0).unwrap_or(Ordering::Equal));
                    } else {
                        keyed.sort_by(|x, y| num_cmp(y.0, x.0).unwrap_or(Ordering::Equal));
                    }
                    items = keyed.into_iter().map(|(_, v)| v).collect();
                }
            },
            SortCmp::Block(body) => {
                let ga = self.gv(a).clone();
                let gb = self.gv(b).clone();
                let sa = ga.set_sv(Scalar::new(Value::Undef));
                let sb = gb.set_sv(Scalar::new(Value::Undef));
                let mut err = None;
                let (ca, cb) = (ga.sv(), gb.sv());
                // A `return` in the block gives the comparison's value.
                let saved_want = std::mem::replace(&mut self.want, Want::Scalar);
                let low = self.lowered_block(body);
                merge_sort_by(&mut items, |x, y| {
                    if err.is_some() {
                        return Ordering::Equal;
                    }
                    ca.set(x.clone());
                    cb.set(y.clone());
                    match self.sort_block_value(body, low.as_deref()) {
                        Ok(v) => ord_of(&v),
                        Err(f) => {
                            err = Some(f);
                            Ordering::Equal
                        }
                    }
                });
                self.want = saved_want;
                ga.set_sv(sa);
                gb.set_sv(sb);
                if let Some(f) = err {
                    return Err(f);
                }
            }
            SortCmp::Sub(e) => {
                let v = self.sv(e)?;
                let cv = match &v {
                    Value::CodeRef(c) => c.clone(),
                    _ => {
                        let name = String::from_utf8_lossy(&convert::to_bytes(&v)).into_owned();
                        let full = self.qualify(&name);
                        match self.find_sub(&full) {
                            Some(c) => c,
                            None => return Err(self.die_msg("Undefined subroutine in sort")),
                        }
                    }
                };
                // $a/$b of the package `sort` is called from (a comparator
                // compiled elsewhere sees its own package's, unset).
                let ga = self.gv(a).clone();
                let gb = self.gv(b).clone();
                let proto_two = cv.body().and_then(|b| b.prototype.as_deref()) == Some("$$");
                let sa = ga.set_sv(Scalar::new(Value::Undef));
                let sb = gb.set_sv(Scalar::new(Value::Undef));
                let (ca, cb) = (ga.sv(), gb.sv());
                let mut err = None;
                merge_sort_by(&mut items, |x, y| {
                    if err.is_some() {
                        return Ordering::Equal;
                    }
                    let args = if proto_two {
                        vec![Elem::V(x.clone()), Elem::V(y.clone())]
                    } else {
                        ca.set(x.clone());
                        cb.set(y.clone());
                        Vec::new()
                    };
                    let mut o = Vec::new();
                    match self.call_sub(&cv, args, Want::Scalar, &mut o) {
                        Ok(v) => ord_of(&v),
                        Err(f) => {
                            err = Some(f);
                            Ordering::Equal
                        }
                    }
                });
                ga.set_sv(sa);
                gb.set_sv(sb);
                if let Some(f) = err {
                    return Err(f);
                }
            }
        }
        out.extend(items);
        Ok(())
    }

    /// The order of a sort whose comparator only compares keys
    /// (`crate::parallel::keysort`): native, and parallel on big lists.
    /// Built-in comparisons already sort natively; they go this way only
    /// to run in parallel.
    fn key_order(
        &mut self,
        cmp: &SortCmp,
        items: &[Value],
        a: GlobalId,
        b: GlobalId,
    ) -> Option<Vec<usize>> {
        use crate::parallel::keysort;
        let keys = match cmp {
            SortCmp::Block(body) => {
                let key = &**body as *const Block as usize;
                match self.sort_keys.get(&key) {
                    Some(k) => k.clone(),
                    None => {
                        let k = keysort::analyse(body, a, b).map(Rc::new);
                        self.sort_keys.insert(key, k.clone());
                        self.note_cache_key(key);
                        k
                    }
                }?
            }
            _ if !self.worker
                && crate::parallel::wanted(items.len())
                && crate::parallel::threads() > 1 =>
            {
                Rc::new(keysort::simple(cmp)?)
            }
            _ => return None,
        };
        let r = keysort::order(items, &keys, self.warnings_on(), !self.worker);
        let how = match r {
            Some(_) => "native keys",
            None => "a key failed its guard, comparator block",
        };
        self.trace_parallel("sort", items.len(), how);
        r
    }

    /// `sort @objects` and `sort { $a <=> $b } @objects`: the comparisons
    /// go through the objects' overloaded operators.
    #[cold]
    fn sort_objects(
        &mut self,
        cmp: &SortCmp,
        mut items: Vec<Value>,
        out: &mut Vec<Value>,
    ) -> R<()> {
        let (op, desc) = match cmp {
            SortCmp::Fast(FastSort::NumAsc) => (crate::ast::BinOp::NumCmp, false),
            SortCmp::Fast(FastSort::NumDesc) => (crate::ast::BinOp::NumCmp, true),
            SortCmp::Fast(FastSort::StrDesc) => (crate::ast::BinOp::StrCmp, true),
            _ => (crate::ast::BinOp::StrCmp, false),
        };
        let mut err = None;
        items.sort_by(|x, y| {
            if err.is_some() {
                return Ordering::Equal;
            }
            let (x, y) = if desc { (y, x) } else { (x, y) };
            match self.binop(op, x, y) {
                Ok(v) => ord_of(&v),
                Err(f) => {
                    err = Some(f);
                    Ordering::Equal
                }
            }
        });
        if let Some(f) = err {
            return Err(f);
        }
        out.extend(items);
        Ok(())
    }

    /// perl numifies each element once (the number is cached), warning
    /// for those that are not numbers.
    #[cold]
    fn warn_non_numeric_sort(&mut self, items: &[Value]) {
        for v in items {
            if let Value::Str(s) = v {
                if !crate::numeric::parse_number(&s.bytes).1 {
                    let msg = format!(
                        "Argument \"{}\" isn't numeric in sort",
                        super::expr::display_for_warning(s)
                    );
                    self.warn_str(&msg);
                }
            }
        }
    }

    /// A sort block runs in the current pad; a `return` inside it is an
    /// error in perl, so only its last value matters.
    fn sort_block_value(&mut self, body: &Block, low: Option<&LoweredBody>) -> R<Value> {
        let mut out = Vec::new();
        match self.run_block(body, low, Want::Scalar, &mut out) {
            Err(Flow::Return) => Ok(std::mem::take(&mut self.ret_val)),
            r => r,
        }
    }

    /// `grep`/`map` over a big list with a pure block: in parallel
    /// (`crate::parallel`); `None` to run it here.
    fn try_parallel(&mut self, body: &Block, items: Items, map: bool) -> Option<Outcome> {
        // Workers do not start workers of their own: the outer list is
        // already spread over the threads.
        if self.worker || !crate::parallel::wanted(items.len()) {
            return None;
        }
        let key = body as *const Block as usize;
        let plan = match self.parallel_plans.get(&key) {
            Some(p) => p.clone(),
            None => {
                let plan = crate::parallel::purity::analyse(body);
                self.cache_plan(key, plan, None)
            }
        };
        let what = if map { "map" } else { "grep" };
        let Some(plan) = plan else {
            crate::parallel::trace(format_args!(
                "{what} at {} line {}: block not pure, sequential",
                self.file, self.line
            ));
            return None;
        };
        // A block the workers keep giving up on (it warns, dies, returns
        // its inputs) is not worth another attempt.
        if plan.gave_up.get() >= 2 {
            return None;
        }
        let Some(called) = self.pure_subs(&plan.plan) else {
            self.trace_parallel(
                what,
                items.len(),
                "calls a sub that is not pure, sequential",
            );
            return None;
        };
        // (`pure_subs` keeps Perl subs only.)
        let subs: Vec<PureSub> = called
            .iter()
            .filter_map(|(name, cv, p)| match &cv.kind {
                CodeKind::Perl { body, captured, .. } => Some(PureSub {
                    name,
                    body,
                    captured: crate::parallel::share::Frozen(&captured[..]),
                    plan: &p.plan,
                }),
                _ => None,
            })
            .collect();
        let r = self.run_parallel(body, &plan.plan, &subs, items, map);
        let how = match r {
            Some(_) => "parallel",
            None => "workers gave up, sequential",
        };
        self.trace_parallel(what, items.len(), how);
        if r.is_none() {
            plan.gave_up.set(plan.gave_up.get() + 1);
        }
        r
    }

    /// The subs a parallel block calls, directly or through each other, when
    /// all are Perl subs of this program with pure bodies (by name, with
    /// their code and plan); `None` otherwise.
    fn pure_subs(
        &mut self,
        plan: &crate::parallel::purity::Plan,
    ) -> Option<Vec<(String, Cv, Rc<super::ParallelPlan>)>> {
        let mut found: Vec<(String, Cv, Rc<super::ParallelPlan>)> = Vec::new();
        let mut todo: Vec<String> = plan.calls.clone();
        while let Some(name) = todo.pop() {
            if found.iter().any(|(n, _, _)| *n == name) {
                continue;
            }
            let cv = self.find_sub(&name)?;
            let CodeKind::Perl { body, unit, .. } = &cv.kind else {
                return None;
            };
            // Global ids are per program: the workers' table is this one's.
            if !Rc::ptr_eq(unit, &self.unit) {
                return None;
            }
            let key = Arc::as_ptr(body) as usize;
            // The address names this body only while the body lives (a
            // redefined sub's old body may be freed and the memory reused).
            let cached = self.parallel_plans.get(&key).filter(|p| {
                p.as_ref().is_none_or(|p| {
                    p.body
                        .as_ref()
                        .and_then(|w| w.upgrade())
                        .is_some_and(|b| Arc::ptr_eq(&b, body))
                })
            });
            let p = match cached {
                Some(p) => p.clone(),
                None => {
                    let plan = crate::parallel::purity::analyse_sub(body);
                    self.cache_plan(key, plan, Some(Arc::downgrade(body)))
                }
            }?;
            todo.extend(p.plan.calls.iter().cloned());
            found.push((name, cv, p));
        }
        Some(found)
    }

    /// Remember a block's or sub's parallel plan (`None`: not pure).
    fn cache_plan(
        &mut self,
        key: usize,
        plan: Option<crate::parallel::purity::Plan>,
        body: Option<std::sync::Weak<crate::ast::SubBody>>,
    ) -> Option<Rc<super::ParallelPlan>> {
        let p = plan.map(|plan| {
            Rc::new(super::ParallelPlan {
                plan,
                gave_up: Default::default(),
                body,
            })
        });
        self.parallel_plans.insert(key, p.clone());
        self.note_cache_key(key);
        p
    }

    /// The array a `grep`/`map` list is, when it is one named array
    /// (`@a`, `(@a)`, `@$r`): parallel workers read its elements where they
    /// are, without a container for each.
    fn plain_array(&mut self, list: &Expr) -> R<Option<Av>> {
        match list {
            Expr::List(xs) if xs.len() == 1 => self.plain_array(&xs[0]),
            Expr::MyArray(_) | Expr::GlobalArray(_) => {
                let av = self.array_of(list, true)?;
                Ok(av.tied().is_none().then_some(av))
            }
            Expr::ArrayDeref(inner) if matches!(**inner, Expr::My(_) | Expr::Global(_)) => {
                let av = self.array_of(list, true)?;
                Ok(av.tied().is_none().then_some(av))
            }
            _ => Ok(None),
        }
    }

    /// `PSH_PARALLEL_TRACE`: what became of a big `grep`/`map`/`sort`.
    fn trace_parallel(&self, what: &str, n: usize, how: &str) {
        crate::parallel::trace(format_args!(
            "{what} at {} line {} over {n} values: {how}",
            self.file, self.line
        ));
    }

    /// A block's value, in closure form when there is one.
    #[inline]
    pub(crate) fn run_block(
        &mut self,
        body: &Block,
        low: Option<&LoweredBody>,
        want: Want,
        out: &mut Vec<Value>,
    ) -> R<Value> {
        match low {
            Some(l) => l.run(self, want, out),
            None => self.block_value(body, want, out),
        }
    }

    pub fn map(&mut self, body: &Block, list: &Expr, out: &mut Vec<Value>) -> R<()> {
        let (src, done) = self.grep_map_input(body, list, true)?;
        if let Some(Outcome::Map(vals)) = done {
            out.extend(vals);
            return Ok(());
        }
        let items = src.into_items();
        let g = self.gv(wk::UNDERSCORE).clone();
        let saved = g.sv();
        let low = self.lowered_block(body);
        let r = (|| -> R<()> {
            for sv in items {
                g.set_sv(sv);
                self.run_block(body, low.as_deref(), Want::List, out)?;
            }
            Ok(())
        })();
        g.set_sv(saved);
        r
    }

    pub fn grep(&mut self, body: &Block, list: &Expr, out: &mut Vec<Value>) -> R<()> {
        let (src, done) = self.grep_map_input(body, list, false)?;
        if let Some(Outcome::Grep(keep)) = done {
            src.selected_values(&keep, out);
            return Ok(());
        }
        let mut svs = Vec::new();
        self.grep_sequential(body, src.into_items(), &mut svs)?;
        out.extend(svs.iter().map(|sv| sv.get()));
        Ok(())
    }

    /// `grep` yielding the selected elements themselves (for `foreach` and
    /// other aliasing contexts).
    pub fn grep_aliases(&mut self, body: &Block, list: &Expr, out: &mut Vec<Sv>) -> R<()> {
        let (src, done) = self.grep_map_input(body, list, false)?;
        match done {
            Some(Outcome::Grep(keep)) => {
                out.extend(
                    src.into_items()
                        .into_iter()
                        .zip(keep)
                        .filter(|(_, k)| *k)
                        .map(|(sv, _)| sv),
                );
                Ok(())
            }
            _ => self.grep_sequential(body, src.into_items(), out),
        }
    }

    /// The list of a `grep`/`map`, evaluated once, and the workers' result
    /// when the block ran in parallel over it.
    fn grep_map_input(
        &mut self,
        body: &Block,
        list: &Expr,
        map: bool,
    ) -> R<(GrepInput, Option<Outcome>)> {
        if let Some(av) = self.plain_array(list)? {
            // SAFETY: nothing runs on this thread while the workers read it.
            let elems = unsafe { av.shared_elems() };
            let done = self.try_parallel(body, Items::Elems(elems), map);
            return Ok((GrepInput::Array(av), done));
        }
        let items = self.alias_list(list)?;
        let done = self.try_parallel(body, Items::Svs(&items), map);
        Ok((GrepInput::Items(items), done))
    }

    fn grep_sequential(&mut self, body: &Block, items: Vec<Sv>, out: &mut Vec<Sv>) -> R<()> {
        let g = self.gv(wk::UNDERSCORE).clone();
        let saved = g.sv();
        let low = self.lowered_block(body);
        let r = (|| -> R<()> {
            for sv in items {
                g.set_sv(sv.clone());
                let mut o = Vec::new();
                if self
                    .run_block(body, low.as_deref(), Want::Scalar, &mut o)?
                    .truthy()
                {
                    out.push(sv);
                }
            }
            Ok(())
        })();
        g.set_sv(saved);
        r
    }

    pub fn grep_count(&mut self, body: &Block, list: &Expr) -> R<usize> {
        let mut out = Vec::new();
        self.grep(body, list, &mut out)?;
        Ok(out.len())
    }
}

/// What a `grep`/`map` runs over: one named array, or the element
/// containers of any other list.
enum GrepInput {
    Array(Av),
    Items(Vec<Sv>),
}

impl GrepInput {
    /// The element containers `$_` is aliased to (an array's elements get
    /// theirs now, as `alias_list` gives them).
    fn into_items(self) -> Vec<Sv> {
        match self {
            GrepInput::Array(av) => av.with(|v| v.iter_mut().map(Elem::container).collect()),
            GrepInput::Items(items) => items,
        }
    }

    /// The values of the elements `keep` selects.
    fn selected_values(&self, keep: &[bool], out: &mut Vec<Value>) {
        match self {
            GrepInput::Array(av) => av.with(|v| {
                out.extend(
                    v.iter()
                        .zip(keep)
                        .filter(|(_, k)| **k)
                        .map(|(e, _)| e.get()),
                )
            }),
            GrepInput::Items(items) => out.extend(
                items
                    .iter()
                    .zip(keep)
                    .filter(|(_, k)| **k)
                    .map(|(sv, _)| sv.get()),
            ),
        }
    }
}

fn ord_of(v: &Value) -> Ordering {
    let n = convert::to_i64(v);
    n.cmp(&0)
}

/// A stable merge sort that compares as perl's does for small lists:
/// adjacent pairs first (`cmp(v[0], v[1])`, `cmp(v[2], v[3])`, ...), then
/// runs merged left to right, always comparing an element of the left run
/// with one of the right run in that order. A comparator with side effects
/// (warnings, output, `die`) sees the calls perl makes.
///
/// Only short lists (where this order is known to be perl's) take this
/// path; longer ones use the standard library's faster sort.
pub(crate) fn merge_sort_by<T: Clone>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    if n < 2 {
        return;
    }
    if n > 8 {
        v.sort_by(cmp);
        return;
    }
    let mut i = 0;
    while i + 1 < n {
        if cmp(&v[i], &v[i + 1]) == Ordering::Greater {
            v.swap(i, i + 1);
        }
        i += 2;
    }
    let mut width = 2;
    let mut buf: Vec<T> = Vec::with_capacity(n);
    while width < n {
        buf.clear();
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            // perl takes the element waiting to be placed (`e`, first
            // argument) and counts the other run's elements that go before
            // it; when there are none the runs swap roles.
            let (mut a, mut b) = (lo, mid);
            let mut e_left = true;
            while a < mid && b < hi {
                if e_left {
                    let mut moved = 0;
                    while b < hi && cmp(&v[a], &v[b]) == Ordering::Greater {
                        buf.push(v[b].clone());
                        b += 1;
                        moved += 1;
                    }
                    buf.push(v[a].clone());
                    a += 1;
                    if moved == 0 {
                        e_left = false;
                    }
                } else {
                    let mut moved = 0;
                    while a < mid && cmp(&v[b], &v[a]) != Ordering::Less {
                        buf.push(v[a].clone());
                        a += 1;
                        moved += 1;
                    }
                    buf.push(v[b].clone());
                    b += 1;
                    if moved == 0 {
                        e_left = true;
                    }
                }
            }
            buf.extend_from_slice(&v[a..mid]);
            buf.extend_from_slice(&v[b..hi]);
            lo = hi;
        }
        std::mem::swap(v, &mut buf);
        width *= 2;
    }
}
