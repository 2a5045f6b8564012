//! Static purity of `grep`/`map` blocks: may the block run on copies of
//! its inputs in worker threads, with the same result as running it here?
//!
//! A block qualifies when nothing it does can be seen outside it except its
//! value: no I/O, no calls (subs, methods, string eval), no writes except to
//! variables it declares itself, no `local`, no `return`/`next`/`last` out
//! of it, no references taken (`\`), no closures, no regex state kept
//! between calls (`//g` on an outer string, `m??`). What the analysis cannot
//! see statically (autovivification by a read of `$x->{a}{b}`, a warning, a
//! `die`) is caught at run time in the worker, which then gives up, and the
//! caller runs the block sequentially instead (see `worker`).
//!
//! The rules are a whitelist: anything not named here is impure.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::ast::{
    well_known as wk, ArrayPlace, Block, Expr, Func, GlobalId, HashPlace, LoopVar, SortCmp,
    SpecialVar, Statement, Stmt,
};

type Slot = crate::ast::Slot;

/// What a worker needs to run a pure block.
#[derive(Debug, Default)]
pub struct Plan {
    /// Lexicals of the enclosing pad the block reads (copied in).
    pub outer_slots: Vec<Slot>,
    /// Package variables the block reads, `$_` excepted (copied in).
    pub globals: Vec<GlobalId>,
    /// Set when the block uses `$_` only as `$_->{KEY}` with constant keys
    /// (read, or tested with `exists`/`defined`): a worker then copies just
    /// those entries of each input record, not the whole record.
    pub projection: Option<Vec<Arc<[u8]>>>,
    /// Named subs the code calls (fully qualified): each must be pure too,
    /// which is checked when the block runs (subs can be redefined).
    pub calls: Vec<String>,
    /// The code reads `$_` other than as `$_->{KEY}` (for a sub: reads it
    /// at all, so a caller's projection would not do).
    pub reads_underscore: bool,
}

/// The plan for running `block` in workers, or `None` when it is not pure.
pub fn analyse(block: &Block) -> Option<Plan> {
    let mut locals = BTreeSet::new();
    declared_block(block, &mut locals);
    Purity::new(locals, false).run(block)
}

/// The plan for calling a named sub from a worker, or `None` when its body
/// is not pure. In a sub, `@_` is the call's own (reading it, `shift` and
/// `return` are fine; writing `$_[0]` writes the caller's value and is
/// not), and its variables are its own except those it captured.
pub fn analyse_sub(body: &crate::ast::SubBody) -> Option<Plan> {
    let captured: BTreeSet<Slot> = body.captures.iter().map(|c| c.inner).collect();
    let locals = (0..body.pad.len() as Slot)
        .filter(|s| !captured.contains(s))
        .collect();
    if body.pad.iter().any(|p| p.is_state) {
        return None;
    }
    Purity::new(locals, true).run(&body.body)
}

/// Slots declared anywhere inside a block (`my`, loop variables).
fn declared_block(b: &Block, out: &mut BTreeSet<Slot>) {
    out.extend(b.my_slots.iter().copied());
    for s in &b.stmts {
        declared_stmt(s, out);
    }
}

fn declared_stmt(s: &Statement, out: &mut BTreeSet<Slot>) {
    match &s.kind {
        Stmt::Expr(e) => declared_expr(e, out),
        Stmt::If {
            conds, otherwise, ..
        } => {
            for (c, b) in conds {
                declared_expr(c, out);
                declared_block(b, out);
            }
            if let Some(b) = otherwise {
                declared_block(b, out);
            }
        }
        Stmt::While {
            cond, body, cont, ..
        } => {
            if let Some(c) = cond {
                declared_expr(c, out);
            }
            declared_block(body, out);
            if let Some(b) = cont {
                declared_block(b, out);
            }
        }
        Stmt::DoWhile { body, cond, .. } => {
            declared_block(body, out);
            declared_expr(cond, out);
        }
        Stmt::ForC {
            init,
            cond,
            step,
            body,
            ..
        } => {
            for e in [init, cond, step].into_iter().flatten() {
                declared_expr(e, out);
            }
            declared_block(body, out);
        }
        Stmt::Foreach {
            var,
            list,
            body,
            cont,
            ..
        } => {
            match var {
                LoopVar::My(s) => {
                    out.insert(*s);
                }
                LoopVar::MyList(v) => out.extend(v.iter().copied()),
                _ => {}
            }
            declared_expr(list, out);
            declared_block(body, out);
            if let Some(b) = cont {
                declared_block(b, out);
            }
        }
        Stmt::Block { body, .. } => declared_block(body, out),
        _ => {}
    }
}

fn declared_expr(e: &Expr, out: &mut BTreeSet<Slot>) {
    visit(e, &mut |e| {
        if let Expr::MyDecl { vars, .. } = e {
            out.extend(vars.iter().map(|(_, s)| *s));
        }
        if let Expr::DoBlock(b) | Expr::Map { body: b, .. } | Expr::Grep { body: b, .. } = e {
            declared_block(b, out);
        }
    });
}

/// Calls `f` on `e` and its sub-expressions (not on nested blocks'
/// statements; `declared_expr` handles those it needs).
fn visit(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    for c in children(e) {
        visit(c, f);
    }
}

/// The direct sub-expressions of `e` (blocks excepted).
fn children(e: &Expr) -> Vec<&Expr> {
    fn place_a(p: &ArrayPlace) -> Option<&Expr> {
        match p {
            ArrayPlace::Deref(e) => Some(e),
            _ => None,
        }
    }
    fn place_h(p: &HashPlace) -> Option<&Expr> {
        match p {
            HashPlace::Deref(e) => Some(e),
            _ => None,
        }
    }
    let mut v: Vec<&Expr> = Vec::new();
    match e {
        Expr::Interp(xs) | Expr::List(xs) | Expr::AnonArray(xs) | Expr::AnonHash(xs) => {
            v.extend(xs.iter())
        }
        Expr::JoinList(x)
        | Expr::Deref(x)
        | Expr::ArrayDeref(x)
        | Expr::HashDeref(x)
        | Expr::Local(x)
        | Expr::Not(x)
        | Expr::PreInc(x)
        | Expr::PreDec(x)
        | Expr::PostInc(x)
        | Expr::PostDec(x)
        | Expr::Ref(x)
        | Expr::Unary { e: x, .. } => v.push(x),
        Expr::Index { array, index } => {
            v.extend(place_a(array));
            v.push(index);
        }
        Expr::Elem { hash, key } => {
            v.extend(place_h(hash));
            v.push(key);
        }
        Expr::Slice { array, indices } | Expr::KvSlice { array, indices } => {
            v.extend(place_a(array));
            v.push(indices);
        }
        Expr::HashSlice { hash, keys } | Expr::KvHashSlice { hash, keys } => {
            v.extend(place_h(hash));
            v.push(keys);
        }
        Expr::LastIndex(p) => v.extend(place_a(p)),
        Expr::ListSlice { list, indices } => {
            v.push(list);
            v.push(indices);
        }
        Expr::Assign { lhs, rhs }
        | Expr::ListAssign { lhs, rhs }
        | Expr::OpAssign { lhs, rhs, .. }
        | Expr::LogAssign { lhs, rhs, .. } => {
            v.push(lhs);
            v.push(rhs);
        }
        Expr::Binary { l, r, .. }
        | Expr::Logical { l, r, .. }
        | Expr::Range { l, r, .. }
        | Expr::Repeat { l, r, .. }
        | Expr::Xor(l, r) => {
            v.push(l);
            v.push(r);
        }
        Expr::ChainedCmp { first, rest } => {
            v.push(first);
            v.extend(rest.iter().map(|(_, e)| e));
        }
        Expr::Cond { c, t, f } => {
            v.push(c);
            v.push(t);
            v.push(f);
        }
        Expr::Func { args, .. } => v.extend(args.iter()),
        Expr::Sort { list, .. } | Expr::Map { list, .. } | Expr::Grep { list, .. } => v.push(list),
        Expr::Match { target, pat, .. } => {
            v.extend(target.as_deref());
            v.push(&pat.src);
        }
        Expr::Subst { target, pat, repl } => {
            v.extend(target.as_deref());
            v.push(&pat.src);
            v.push(repl);
        }
        Expr::Trans { target, .. } => v.extend(target.as_deref()),
        Expr::Split { pat, expr, limit } => {
            if let crate::ast::SplitPat::Regex(p) = pat {
                v.push(&p.src);
            }
            if let crate::ast::SplitPat::Expr(e) = pat {
                v.push(e);
            }
            v.extend(expr.as_deref());
            v.extend(limit.as_deref());
        }
        _ => {}
    }
    v
}

struct Purity {
    /// Slots the block declares.
    locals: BTreeSet<Slot>,
    outer: BTreeSet<Slot>,
    globals: BTreeSet<GlobalId>,
    /// Labels of the loops the walk is inside (`None` for unlabelled).
    loops: Vec<Option<Arc<str>>>,
    /// Constant keys of `$_->{KEY}` reads.
    keys: Vec<Arc<[u8]>>,
    /// `$_` used other than as `$_->{KEY}`: no projection.
    bare_underscore: bool,
    calls: BTreeSet<String>,
    /// Analysing a sub's body (see `analyse_sub`).
    sub: bool,
}

impl Purity {
    fn new(locals: BTreeSet<Slot>, sub: bool) -> Purity {
        Purity {
            locals,
            outer: BTreeSet::new(),
            globals: BTreeSet::new(),
            loops: Vec::new(),
            keys: Vec::new(),
            bare_underscore: false,
            calls: BTreeSet::new(),
            sub,
        }
    }

    fn run(mut self, block: &Block) -> Option<Plan> {
        self.block(block).then_some(())?;
        let reads_underscore = self.bare_underscore || (self.sub && !self.keys.is_empty());
        Some(Plan {
            outer_slots: self.outer.into_iter().collect(),
            globals: self.globals.into_iter().collect(),
            projection: (!self.bare_underscore && !self.sub).then_some(self.keys),
            calls: self.calls.into_iter().collect(),
            reads_underscore,
        })
    }

    fn block(&mut self, b: &Block) -> bool {
        !b.has_local && b.stmts.iter().all(|s| self.stmt(s))
    }

    fn in_loop(&mut self, label: &Option<Arc<str>>, f: impl FnOnce(&mut Self) -> bool) -> bool {
        self.loops.push(label.clone());
        let r = f(self);
        self.loops.pop();
        r
    }

    fn stmt(&mut self, s: &Statement) -> bool {
        match &s.kind {
            Stmt::Expr(e) => self.expr(e),
            Stmt::Nop => true,
            Stmt::If {
                conds, otherwise, ..
            } => {
                conds.iter().all(|(c, b)| self.expr(c) && self.block(b))
                    && otherwise.as_ref().is_none_or(|b| self.block(b))
            }
            Stmt::While {
                label,
                cond,
                body,
                cont,
            } => {
                cond.as_ref().is_none_or(|c| self.expr(c))
                    && self.in_loop(label, |p| {
                        p.block(body) && cont.as_ref().is_none_or(|b| p.block(b))
                    })
            }
            Stmt::DoWhile { body, cond, .. } => self.block(body) && self.expr(cond),
            Stmt::ForC {
                label,
                init,
                cond,
                step,
                body,
            } => {
                [init, cond, step]
                    .into_iter()
                    .flatten()
                    .all(|e| self.expr(e))
                    && self.in_loop(label, |p| p.block(body))
            }
            Stmt::Foreach {
                label,
                var,
                list,
                body,
                cont,
            } => {
                let var_ok = match var {
                    LoopVar::My(_) | LoopVar::MyList(_) => true,
                    // The loop localises `$_` (the worker's own) and
                    // aliases it to the elements: inside, `$_` is no
                    // longer the record.
                    LoopVar::Global(g) if *g == wk::UNDERSCORE => {
                        self.bare_underscore = true;
                        true
                    }
                    LoopVar::Lexical(s) => self.locals.contains(s),
                    LoopVar::Global(_) => false,
                };
                // The list is aliased: elements are lvalues, and `@$x`
                // autovivifies (caught at run time).
                var_ok
                    && self.list_expr(list)
                    && self.in_loop(label, |p| {
                        p.block(body) && cont.as_ref().is_none_or(|b| p.block(b))
                    })
            }
            Stmt::Block { label, body, cont } => self.in_loop(label, |p| {
                p.block(body) && cont.as_ref().is_none_or(|b| p.block(b))
            }),
            Stmt::Package { .. } => false,
        }
    }

    /// A list in list context (`foreach`, `map`/`grep`/`sort`, `[…]`):
    /// ranges are lists there, not flip-flops.
    fn list_expr(&mut self, e: &Expr) -> bool {
        match e {
            Expr::Range { l, r, .. } => self.expr(l) && self.expr(r),
            Expr::List(xs) => xs.iter().all(|x| self.list_expr(x)),
            _ => self.expr(e),
        }
    }

    fn read_slot(&mut self, s: Slot) -> bool {
        if !self.locals.contains(&s) {
            self.outer.insert(s);
        }
        true
    }

    fn read_global(&mut self, g: GlobalId) -> bool {
        if g == wk::UNDERSCORE {
            self.bare_underscore = true;
        } else {
            self.globals.insert(g);
        }
        true
    }

    fn array_place(&mut self, p: &ArrayPlace) -> bool {
        match p {
            ArrayPlace::My(s) => self.read_slot(*s),
            ArrayPlace::Global(g) => self.read_global(*g),
            ArrayPlace::Args => self.sub,
            ArrayPlace::Deref(e) => self.expr(e),
        }
    }

    fn hash_place(&mut self, p: &HashPlace) -> bool {
        match p {
            HashPlace::My(s) => self.read_slot(*s),
            HashPlace::Global(g) => self.read_global(*g),
            HashPlace::Deref(e) => self.expr(e),
        }
    }

    /// `$_->{KEY}` with a constant key: noted for the projection.
    fn underscore_elem(&mut self, e: &Expr) -> bool {
        if let Expr::Elem {
            hash: HashPlace::Deref(base),
            key,
        } = e
        {
            if let (Expr::Global(g), Expr::Str { bytes, .. }) = (&**base, &**key) {
                if *g == wk::UNDERSCORE {
                    if !self.keys.iter().any(|k| k == bytes) {
                        self.keys.push(bytes.clone());
                    }
                    return true;
                }
            }
        }
        false
    }

    /// A place the block may write: its own variables and their elements.
    fn local_place(&mut self, e: &Expr) -> bool {
        match e {
            Expr::My(s) | Expr::MyArray(s) | Expr::MyHash(s) => self.locals.contains(s),
            Expr::MyDecl { .. } | Expr::Undef => true,
            Expr::Index {
                array: ArrayPlace::My(s),
                index,
            }
            | Expr::Slice {
                array: ArrayPlace::My(s),
                indices: index,
            } => self.locals.contains(s) && self.expr(index),
            Expr::Elem {
                hash: HashPlace::My(s),
                key,
            }
            | Expr::HashSlice {
                hash: HashPlace::My(s),
                keys: key,
            } => self.locals.contains(s) && self.expr(key),
            Expr::List(xs) => xs.iter().all(|x| self.local_place(x)),
            Expr::Cond { c, t, f } => self.expr(c) && self.local_place(t) && self.local_place(f),
            // A sub's own `@_` as a whole (`shift`, `pop`), not its
            // elements, which alias the caller's values.
            Expr::Args => self.sub,
            _ => false,
        }
    }

    fn exprs(&mut self, xs: &[Expr]) -> bool {
        xs.iter().all(|x| self.expr(x))
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match e {
            Expr::Undef
            | Expr::Int(_)
            | Expr::UInt(_)
            | Expr::Num(_)
            | Expr::Str { .. }
            | Expr::Die(_) => true,
            Expr::Interp(xs) | Expr::List(xs) | Expr::AnonHash(xs) => self.exprs(xs),
            // Always list context: a range there is a list, not a flip-flop.
            Expr::AnonArray(xs) => xs.iter().all(|x| self.list_expr(x)),
            Expr::JoinList(x) => {
                self.globals.insert(wk::LIST_SEP);
                self.expr(x)
            }
            Expr::My(s) | Expr::MyArray(s) | Expr::MyHash(s) => self.read_slot(*s),
            Expr::Global(g) | Expr::GlobalArray(g) | Expr::GlobalHash(g) => self.read_global(*g),
            Expr::Special(v) => matches!(
                v,
                SpecialVar::Capture(_)
                    | SpecialVar::Match
                    | SpecialVar::PreMatch
                    | SpecialVar::PostMatch
                    | SpecialVar::LastParen
                    | SpecialVar::LastClosedParen
                    | SpecialVar::MatchStart
                    | SpecialVar::MatchEnd
                    | SpecialVar::Captures
                    | SpecialVar::NamedCaptures
                    | SpecialVar::NamedCaptureLists
                    | SpecialVar::PerlVersion
                    | SpecialVar::OsName
            ),
            Expr::Deref(x) | Expr::ArrayDeref(x) | Expr::HashDeref(x) => self.expr(x),
            Expr::LastIndex(p) => self.array_place(p),
            Expr::Elem { .. } if self.underscore_elem(e) => true,
            Expr::Index { array, index } => self.array_place(array) && self.expr(index),
            Expr::Elem { hash, key } => {
                self.globals.insert(wk::SUBSEP);
                self.hash_place(hash) && self.expr(key)
            }
            Expr::Slice { array, indices } | Expr::KvSlice { array, indices } => {
                self.array_place(array) && self.expr(indices)
            }
            Expr::HashSlice { hash, keys } | Expr::KvHashSlice { hash, keys } => {
                self.hash_place(hash) && self.expr(keys)
            }
            Expr::ListSlice { list, indices } => self.expr(list) && self.expr(indices),
            Expr::MyDecl { vars, .. } => vars.iter().all(|(_, s)| self.locals.contains(s)),
            Expr::Assign { lhs, rhs } | Expr::ListAssign { lhs, rhs } => {
                self.local_place(lhs) && self.expr(rhs)
            }
            Expr::OpAssign { lhs, rhs, .. } | Expr::LogAssign { lhs, rhs, .. } => {
                self.local_place(lhs) && self.expr(lhs) && self.expr(rhs)
            }
            Expr::PreInc(x) | Expr::PreDec(x) | Expr::PostInc(x) | Expr::PostDec(x) => {
                self.local_place(x) && self.expr(x)
            }
            Expr::Binary { l, r, .. } | Expr::Logical { l, r, .. } | Expr::Xor(l, r) => {
                self.expr(l) && self.expr(r)
            }
            Expr::Repeat { l, r, .. } => self.expr(l) && self.expr(r),
            Expr::Unary { e, .. } | Expr::Not(e) => self.expr(e),
            Expr::ChainedCmp { first, rest } => {
                self.expr(first) && rest.iter().all(|(_, x)| self.expr(x))
            }
            Expr::Cond { c, t, f } => self.expr(c) && self.expr(t) && self.expr(f),
            Expr::DoBlock(b) => self.block(b),
            Expr::Func { f, args } => self.func(*f, args),
            Expr::Sort { cmp, list, a, b } => {
                self.globals.insert(*a);
                self.globals.insert(*b);
                let cmp_ok = match cmp {
                    SortCmp::None | SortCmp::Fast(_) => true,
                    SortCmp::Block(body) => self.block(body),
                    SortCmp::Sub(_) => false,
                };
                cmp_ok && self.list_expr(list)
            }
            Expr::Map { body, list } | Expr::Grep { body, list } => {
                // Inside, `$_` is the inner list's element.
                self.bare_underscore = true;
                self.block(body) && self.list_expr(list)
            }
            Expr::Match { target, pat, .. } => {
                // `//g` in scalar context moves `pos` of its target, and
                // `m??` remembers that it matched.
                let target_ok = match target {
                    Some(t) => (!pat.flags.g || self.local_place(t)) && self.expr(t),
                    None => {
                        self.bare_underscore = true;
                        !pat.flags.g
                    }
                };
                target_ok && !pat.flags.once && self.expr(&pat.src)
            }
            Expr::Subst { target, pat, repl } => {
                let target_ok = match target {
                    Some(t) => (pat.flags.r || self.local_place(t)) && self.expr(t),
                    None => {
                        self.bare_underscore = true;
                        pat.flags.r
                    }
                };
                // `s///e` runs code: its replacement is a block like any.
                target_ok && self.expr(&pat.src) && self.expr(repl)
            }
            Expr::Trans {
                target,
                from,
                to,
                flags,
            } => {
                // Counting (`tr/a-z//`, the replacement list made the
                // search list) leaves the string alone.
                let counts = (to.is_empty() || to == from) && !flags.d && !flags.s;
                match target {
                    Some(t) => (flags.r || counts || self.local_place(t)) && self.expr(t),
                    None => {
                        self.bare_underscore = true;
                        flags.r || counts
                    }
                }
            }
            Expr::Split { pat, expr, limit } => {
                let pat_ok = match pat {
                    crate::ast::SplitPat::Whitespace => true,
                    crate::ast::SplitPat::Regex(p) => self.expr(&p.src),
                    crate::ast::SplitPat::Expr(e) => self.expr(e),
                };
                if expr.is_none() {
                    self.bare_underscore = true;
                }
                pat_ok
                    && expr.as_deref().is_none_or(|x| self.expr(x))
                    && limit.as_deref().is_none_or(|x| self.expr(x))
            }
            Expr::Args | Expr::Wantarray | Expr::SigCheck { .. } => self.sub,
            Expr::Return(e) => self.sub && e.as_deref().is_none_or(|x| self.expr(x)),
            Expr::Call {
                name,
                args: Some(args),
                ..
            } => {
                self.calls.insert(name.clone());
                self.exprs(args)
            }
            Expr::LoopCtl { label, .. } => match label {
                None => !self.loops.is_empty(),
                Some(l) => self.loops.iter().any(|x| x.as_ref() == Some(l)),
            },
            _ => false,
        }
    }

    fn func(&mut self, f: Func, args: &[Expr]) -> bool {
        use Func as F;
        match f {
            F::Length
            | F::Index
            | F::Rindex
            | F::Uc
            | F::Lc
            | F::Ucfirst
            | F::Lcfirst
            | F::Fc
            | F::Chr
            | F::Ord
            | F::Reverse
            | F::Join
            | F::Sprintf
            | F::Quotemeta
            | F::Hex
            | F::Oct
            | F::Abs
            | F::Int
            | F::Sqrt
            | F::Sin
            | F::Cos
            | F::Atan2
            | F::Exp
            | F::Log
            | F::Defined
            | F::Scalar
            | F::Ref
            | F::Pack
            | F::Unpack
            | F::Die => {
                // Implicit `$_` operands are explicit in the tree.
                self.exprs(args)
            }
            // Four-argument substr writes into its string.
            F::Substr => args.len() < 4 && self.exprs(args),
            F::Exists => match args.first() {
                Some(e) if self.underscore_elem(e) => true,
                _ => self.exprs(args),
            },
            // `keys` resets the hash's iterator: only the block's own.
            F::Keys | F::Values => args.iter().all(|a| self.local_place(a)),
            F::Chop | F::Chomp | F::Undef => args.iter().all(|a| self.local_place(a)),
            F::Push | F::Unshift | F::Pop | F::Shift | F::Splice | F::Delete => match args {
                [first, rest @ ..] => self.local_place(first) && self.exprs(rest),
                [] => false,
            },
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_of(code: &str) -> Block {
        let prog = crate::parse::parse_program(code.as_bytes(), "t").expect("parses");
        for s in &prog.main.body.stmts {
            if let Stmt::Expr(e) = &s.kind {
                let mut found = None;
                visit(e, &mut |x| {
                    if let Expr::Grep { body, .. } | Expr::Map { body, .. } = x {
                        if found.is_none() {
                            found = Some((**body).clone());
                        }
                    }
                });
                if let Some(b) = found {
                    return b;
                }
            }
        }
        panic!("no grep/map in {code}");
    }

    fn pure(code: &str) -> bool {
        analyse(&block_of(code)).is_some()
    }

    #[test]
    fn pure_blocks() {
        assert!(pure("my @x = grep { $_ % 3 == 0 } @a;"));
        assert!(pure("my @x = grep { /ERROR/ } @a;"));
        assert!(pure("my @x = map { my $y = $_ * 2; $y + 1 } @a;"));
        assert!(pure("my $k = 3; my @x = map { [$_, $_ * $k] } @a;"));
        assert!(pure("my @x = map { { id => $_, n => \"n$_\" } } @a;"));
        assert!(pure(
            "my @x = map { my %h; $h{$_}++; join ',', keys %h } @a;"
        ));
        assert!(pure(
            "my @x = map { my $s = 0; for my $i (1 .. $_) { $s += $i } $s } @a;"
        ));
        assert!(pure("my @x = map { s/a/b/r } @a;"));
        assert!(pure("my @x = grep { tr/a-z// > 2 } @a;"));
    }

    #[test]
    fn impure_blocks() {
        assert!(!pure("my @x = grep { print $_; 1 } @a;"));
        assert!(!pure("my $n; my @x = grep { $n++ } @a;"));
        assert!(!pure("my @x = map { s/a/b/; $_ } @a;"));
        assert!(!pure("my @x = map { $_->{seen} = 1 } @a;"));
        // A call is decided when the block runs (the sub must be pure).
        let p = analyse(&block_of("my @x = map { f($_) } @a;")).unwrap();
        assert_eq!(p.calls, vec!["main::f".to_string()]);
        assert!(!pure("my @x = map { &f } @a;"));
        assert!(!pure("my @x = map { $_->name } @a;"));
        assert!(!pure("my @x = map { \\$_ } @a;"));
        assert!(!pure("my @x = map { sub { $_ } } @a;"));
        assert!(!pure("my @x = grep { /x/g } @a;"));
        assert!(!pure("my @x = grep { rand() < 0.5 } @a;"));
        assert!(!pure("our $t; my @x = map { local $t = $_; $t } @a;"));
        assert!(!pure("my @x = grep { last } @a;"));
        assert!(pure(
            "my @x = grep { my $n = 0; for (@$_) { last if $n++ > 2 } $n } @a;"
        ));
        assert!(!pure("my @x = grep { chomp; 1 } @a;"));
        assert!(!pure("my @x = map { keys %$_ } @a;"));
    }

    fn sub_pure(code: &str, name: &str) -> bool {
        let prog = crate::parse::parse_program(code.as_bytes(), "t").expect("parses");
        let body = prog
            .subs
            .iter()
            .find(|b| b.name.as_deref() == Some(name))
            .expect("sub defined");
        analyse_sub(body).is_some()
    }

    #[test]
    fn pure_subs() {
        assert!(sub_pure(
            "sub f { my $x = shift; return $x * 2 }",
            "main::f"
        ));
        assert!(sub_pure(
            "sub f { my ($a, $b) = @_; $a + g($b) }",
            "main::f"
        ));
        assert!(sub_pure("my %t = (a => 1); sub f { $t{$_[0]} }", "main::f"));
        assert!(!sub_pure("sub f { $_[0]++ }", "main::f"));
        assert!(!sub_pure("my $n; sub f { $n++ }", "main::f"));
        assert!(!sub_pure("sub f { print @_ }", "main::f"));
        assert!(!sub_pure("sub f { state $n = 0; $n }", "main::f"));
        assert!(!sub_pure("sub f { local $_ = shift; lc }", "main::f"));
    }

    #[test]
    fn outer_reads_and_projection() {
        let p = analyse(&block_of(
            "my $k = 3; my @x = grep { $_->{score} % $k == 0 } @a;",
        ))
        .unwrap();
        assert_eq!(p.outer_slots.len(), 1);
        assert_eq!(p.projection.as_deref().map(|k| k.len()), Some(1));
        let p = analyse(&block_of("my @x = grep { ref $_ && $_->{a} } @a;")).unwrap();
        assert!(p.projection.is_none());
    }
}
