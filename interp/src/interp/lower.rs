//! The closure form: sub bodies lowered to trees of Rust closures.
//!
//! The tree walker (`sv`, `void`, `exec_stmt`, …) decides at every node, on
//! every execution, what kind of node it is and which of its shapes applies.
//! Lowering makes those decisions once: each node becomes a closure that
//! already knows its operator, its operands' shapes and its context, so the
//! hot path of, say, `$i + 1` is a pad read, an integer add and an overflow
//! check. This is the specialiser kept apart from the interpreter: it reads
//! the immutable `Program` and never changes it, and every closure guards its
//! fast path explicitly and falls back to the shared general code (the same
//! functions the tree walker calls), so both forms behave identically. Nodes
//! it has no special form for become a closure that runs the tree walker on
//! them, so any program can be lowered whole.
//!
//! Lowered code lives per interpreter (closures hold `Rc`s of constants) and
//! refers to the tree by pointer; the tree outlives it because the code that
//! runs it (a `Cv`, the running program) holds the tree's `Arc`.

use std::rc::Rc;

use super::expr::{
    bool_val, float_add, float_div, float_mul, float_sub, hash_get, int_hint, key_of, str_cmp_value,
};
use super::goto::Labels;
use super::{BlockRun, Interp, Unit, Want, R};
use crate::ast::{
    self, ArrayPlace, BinOp, Block, Expr, Func, HashPlace, LogOp, MethodName, Statement, Stmt,
    SubBody,
};
use crate::value::*;

/// A node of the immutable tree, by address. Valid while the tree's owner
/// (see the module comment) is alive.
struct Node<T: ?Sized>(*const T);

impl<T: ?Sized> Node<T> {
    fn new(t: &T) -> Node<T> {
        Node(t as *const T)
    }
    #[inline(always)]
    fn get(&self) -> &T {
        // SAFETY: lowered code only runs while the tree it was made from is
        // held by the running `Cv` or program.
        unsafe { &*self.0 }
    }
}

type Scalar = Box<dyn Fn(&mut Interp) -> R<Value>>;
type Void = Box<BlockRun>;
type Cond = Box<dyn Fn(&mut Interp) -> R<bool>>;
type AvPlace = Box<dyn Fn(&mut Interp) -> R<Av>>;
type HvPlace = Box<dyn Fn(&mut Interp) -> R<Hv>>;
/// A hash reference found without side effects, if there is one.
type HvPeek = Box<dyn Fn(&mut Interp) -> Option<Hv>>;
/// Appends one argument's elements to `@_` being built.
type Arg = Box<dyn Fn(&mut Interp, &mut Vec<Elem>) -> R<()>>;
/// A call in a known context.
type Call = Box<dyn Fn(&mut Interp, &mut Vec<Value>) -> R<Value>>;
/// An expression in list context: appends its values.
type List = Box<dyn Fn(&mut Interp, &mut Vec<Value>) -> R<()>>;

/// A lowered sub body: its statements, and the last one in each context
/// (a sub's value is its last statement's).
pub struct LoweredBody {
    init: Vec<Void>,
    last: Last,
    has_local: bool,
    /// `my` variables to release at the end (blocks; a sub's pad is
    /// recycled by the call instead).
    my_slots: Vec<ast::Slot>,
    /// The labels `goto` may resume at (`ast::Block::labels`).
    labels: Node<Labels>,
}

/// A sub in closure form: its body and what each call needs to know.
pub struct LoweredSub {
    pub body: LoweredBody,
    /// Its name when anonymous (`PKG::__ANON__`, for `caller`).
    pub anon_name: Rc<str>,
    /// The package it was compiled in (the shared name).
    pub package: Rc<str>,
    /// The pad slots a finished call resets: all but `state` variables and
    /// closure captures, which belong to the closure instance.
    pub reset_slots: Vec<u32>,
}

enum Last {
    Empty,
    /// `EXPR` or `return EXPR` as the final statement.
    Expr {
        line: u32,
        hints: u32,
        scalar: Scalar,
        void: Void,
        list: List,
    },
    /// Any other statement: the tree walker knows its value.
    Stmt(Node<Statement>),
}

impl LoweredBody {
    /// Run the body as a call in context `want` (list values go to `out`).
    pub fn run(&self, it: &mut Interp, want: Want, out: &mut Vec<Value>) -> R<Value> {
        it.in_scope(&self.my_slots, self.has_local, |it| {
            let start = out.len();
            it.with_labels(self.labels.get(), |it, from| {
                out.truncate(start);
                self.run_from(it, from, want, out)
            })
        })
    }

    /// Run from the `from`-th statement on.
    #[inline]
    fn run_from(&self, it: &mut Interp, from: usize, want: Want, out: &mut Vec<Value>) -> R<Value> {
        for s in &self.init[from..] {
            s(it)?;
        }
        match &self.last {
            Last::Empty => Ok(Value::Undef),
            Last::Expr {
                line,
                hints,
                scalar,
                void,
                list,
            } => {
                it.enter_stmt(*line, *hints)?;
                match want {
                    Want::Scalar => scalar(it),
                    Want::Void => void(it).map(|_| Value::Undef),
                    Want::List => {
                        list(it, out)?;
                        Ok(Value::Undef)
                    }
                }
            }
            Last::Stmt(s) => it.stmt_value(s.get(), want, out),
        }
    }
}

/// Lower a sub body. `it` is the interpreter that will run it, `unit` the
/// body's program unit (globals are resolved now); `anon_name` and
/// `package` are the shared names the interpreter keeps for the body.
pub fn lower_sub(
    it: &mut Interp,
    unit: &Rc<Unit>,
    body: &SubBody,
    anon_name: Rc<str>,
    package: Rc<str>,
) -> LoweredSub {
    LoweredSub {
        body: lower_body(it, unit, &body.body, false),
        anon_name,
        package,
        reset_slots: (0..body.pad.len() as u32)
            .filter(|&i| {
                !body.pad[i as usize].is_state && !body.captures.iter().any(|c| c.inner == i)
            })
            .collect(),
    }
}

/// Lower a block whose value is used (`sort`, `map`, `grep` blocks).
pub fn lower_block(it: &mut Interp, b: &Block) -> LoweredBody {
    let unit = it.unit.clone();
    lower_body(it, &unit, b, true)
}

fn lower_body(it: &mut Interp, unit: &Rc<Unit>, b: &Block, release: bool) -> LoweredBody {
    let mut lw = Lower {
        it,
        unit: unit.clone(),
        hints: 0,
    };
    let (init, last) = match b.stmts.split_last() {
        None => (&b.stmts[..], Last::Empty),
        Some((last, init)) => (init, lw.last(last)),
    };
    LoweredBody {
        init: init.iter().map(|s| lw.stmt(s)).collect(),
        last,
        has_local: b.has_local,
        my_slots: if release {
            b.my_slots.clone()
        } else {
            Vec::new()
        },
        labels: Node::new(&b.labels[..]),
    }
}

/// Run lowered statements, resuming at one of `labels` when a `goto`
/// names it (the main program and blocks with labels).
pub fn run_seq(it: &mut Interp, stmts: &[Void], labels: &Labels) -> R<()> {
    it.with_labels(labels, |it, from| {
        for s in &stmts[from..] {
            s(it)?;
        }
        Ok(())
    })
}

/// Lower a list of statements run in void context (the main program).
pub fn lower_stmts(it: &mut Interp, stmts: &[Statement]) -> Vec<Void> {
    let unit = it.unit.clone();
    let mut lw = Lower { it, unit, hints: 0 };
    stmts.iter().map(|s| lw.stmt(s)).collect()
}

struct Lower<'a> {
    it: &'a mut Interp,
    /// The program unit the code belongs to (its globals).
    unit: Rc<Unit>,
    /// Hints of the statement being lowered.
    hints: u32,
}

impl Lower<'_> {
    fn gv(&self, id: ast::GlobalId) -> &Gv {
        &self.unit.globals[id as usize]
    }

    fn integer(&self) -> bool {
        self.hints & ast::hints::INTEGER != 0
    }

    fn last(&mut self, s: &Statement) -> Last {
        self.hints = s.hints;
        let e = match &s.kind {
            Stmt::Expr(Expr::Return(Some(e))) => e,
            Stmt::Expr(Expr::Return(None)) => {
                return Last::Expr {
                    line: s.line,
                    hints: s.hints,
                    scalar: Box::new(|_| Ok(Value::Undef)),
                    void: Box::new(|_| Ok(())),
                    list: Box::new(|_, _| Ok(())),
                }
            }
            Stmt::Expr(e) if !matches!(e, Expr::Return(_)) => e,
            _ => return Last::Stmt(Node::new(s)),
        };
        Last::Expr {
            line: s.line,
            hints: s.hints,
            scalar: self.scalar(e),
            void: self.void(e),
            list: self.list(e),
        }
    }

    // ------------------------------------------------------------ statements

    fn stmt(&mut self, s: &Statement) -> Void {
        self.hints = s.hints;
        let (line, hints) = (s.line, s.hints);
        match &s.kind {
            Stmt::Expr(e) => {
                let f = self.void(e);
                Box::new(move |it| {
                    it.enter_stmt(line, hints)?;
                    f(it)
                })
            }
            Stmt::If {
                conds, otherwise, ..
            } => {
                let arms: Vec<(Cond, Void)> = conds
                    .iter()
                    .map(|(c, b)| {
                        self.hints = hints;
                        (self.cond(c), self.block(b))
                    })
                    .collect();
                let other = otherwise.as_ref().map(|b| self.block(b));
                Box::new(move |it| {
                    it.enter_stmt(line, hints)?;
                    for (c, b) in &arms {
                        if c(it)? {
                            return b(it);
                        }
                    }
                    match &other {
                        Some(b) => b(it),
                        None => Ok(()),
                    }
                })
            }
            Stmt::While {
                label,
                cond,
                body,
                cont,
            } => {
                let c = cond.as_ref().map(|c| self.cond(c));
                let decl = cond.as_ref().map(super::cond_my_slots).unwrap_or_default();
                let b = self.block(body);
                let k = cont.as_ref().map(|c| self.block(c));
                let label = label.clone();
                Box::new(move |it| {
                    it.enter_stmt(line, hints)?;
                    it.in_loop(|it| loop {
                        if let Some(c) = &c {
                            it.line = line;
                            if !c(it)? {
                                return Ok(());
                            }
                        }
                        if it.loop_iter(&label, &*b, k.as_deref())? {
                            return Ok(());
                        }
                        it.release_my(&decl);
                    })
                })
            }
            Stmt::ForC {
                label,
                init,
                cond,
                step,
                body,
            } => {
                let i = init.as_ref().map(|e| self.void(e));
                let c = cond.as_ref().map(|c| self.cond(c));
                let st = step.as_ref().map(|e| self.void(e));
                let b = self.block(body);
                let label = label.clone();
                Box::new(move |it| {
                    it.enter_stmt(line, hints)?;
                    it.in_loop(|it| {
                        if let Some(i) = &i {
                            i(it)?;
                        }
                        loop {
                            if let Some(c) = &c {
                                if !c(it)? {
                                    return Ok(());
                                }
                            }
                            if it.loop_iter(&label, &*b, None::<&BlockRun>)? {
                                return Ok(());
                            }
                            if let Some(st) = &st {
                                st(it)?;
                            }
                        }
                    })
                })
            }
            Stmt::Foreach {
                label,
                var,
                list,
                body,
                cont,
            } => {
                let b = self.block(body);
                let k = cont.as_ref().map(|c| self.block(c));
                let label = label.clone();
                let var = Node::new(var);
                let list = Node::new(list);
                Box::new(move |it| {
                    it.enter_stmt(line, hints)?;
                    it.in_loop(|it| it.foreach(&label, var.get(), list.get(), &*b, k.as_deref()))
                })
            }
            _ => {
                let n = Node::new(s);
                Box::new(move |it| it.exec_stmt(n.get()))
            }
        }
    }

    fn block(&mut self, b: &Block) -> Void {
        let stmts: Vec<Void> = b.stmts.iter().map(|s| self.stmt(s)).collect();
        let my_slots = b.my_slots.clone();
        let has_local = b.has_local;
        if !b.labels.is_empty() {
            let labels = Node::new(&b.labels[..]);
            return Box::new(move |it| {
                it.in_scope(&my_slots, has_local, |it| run_seq(it, &stmts, labels.get()))
            });
        }
        Box::new(move |it| {
            it.in_scope(&my_slots, has_local, |it| {
                for s in &stmts {
                    s(it)?;
                }
                Ok(())
            })
        })
    }

    // ------------------------------------------------------------ void

    fn void(&mut self, e: &Expr) -> Void {
        match e {
            Expr::Assign { lhs, rhs } => {
                if let Expr::My(s) = &**lhs {
                    let s = *s as usize;
                    let v = self.scalar(rhs);
                    return Box::new(move |it| {
                        let v = v(it)?;
                        if let PadSlot::Scalar(sv) = &it.pad[s] {
                            sv.set(v);
                        }
                        Ok(())
                    });
                }
                // `$h{k} = v`, `$a[i] = v`: the value first, then the place.
                if let Expr::Elem { hash, key } = &**lhs {
                    if !self.is_errno_hash(hash) {
                        let v = self.scalar(rhs);
                        let place = self.hash_place(hash, true);
                        let k = self.key(key);
                        return Box::new(move |it| {
                            let v = v(it)?;
                            let hv = place(it)?;
                            let k = k(it)?;
                            hv.set(key_of(&k), v);
                            Ok(())
                        });
                    }
                }
                if let Expr::Index { array, index } = &**lhs {
                    let v = self.scalar(rhs);
                    let place = self.array_place(array, true);
                    let idx = self.scalar(index);
                    let n = Node::new(&**index);
                    return Box::new(move |it| {
                        let v = v(it)?;
                        let av = place(it)?;
                        let i = match idx(it)? {
                            Value::Int(i) => i,
                            x => it.index_of(n.get(), x),
                        };
                        if !av.set(i, v) {
                            return Err(it.die_msg(format!(
                                "Modification of non-creatable array value attempted, subscript {i}"
                            )));
                        }
                        Ok(())
                    });
                }
                if let (
                    Expr::MyDecl { vars, .. },
                    Expr::Func {
                        f: Func::Shift,
                        args,
                    },
                ) = (&**lhs, &**rhs)
                {
                    if let ([(ast::PadKind::Scalar, s)], [Expr::Args]) = (&vars[..], &args[..]) {
                        let s = *s;
                        let vars = Node::new(&vars[..]);
                        return Box::new(move |it| {
                            it.my_shift(vars.get(), s);
                            Ok(())
                        });
                    }
                }
                if let Expr::MyDecl { vars, .. } = &**lhs {
                    if let [(ast::PadKind::Scalar, s)] = &vars[..] {
                        // (`my $x = shift;` has its own path in the walker.)
                        if !matches!(&**rhs, Expr::Func { f: Func::Shift, .. }) {
                            let s = *s as usize;
                            let v = self.scalar(rhs);
                            let vars = Node::new(vars);
                            return Box::new(move |it| {
                                let v = v(it)?;
                                // A variable only the pad holds is fresh
                                // once it gets its new value.
                                if let PadSlot::Scalar(sv) = &it.pad[s] {
                                    if Rc::strong_count(sv) == 1 && sv.is_plain() {
                                        sv.set(v);
                                        return Ok(());
                                    }
                                }
                                it.intro_my(vars.get());
                                if let PadSlot::Scalar(sv) = &it.pad[s] {
                                    sv.set(v);
                                }
                                Ok(())
                            });
                        }
                    }
                }
                self.void_walk(e)
            }
            Expr::PostInc(t) | Expr::PreInc(t) => self.incdec(t, true, true, true),
            Expr::PostDec(t) | Expr::PreDec(t) => self.incdec(t, false, true, true),
            Expr::Call { .. } | Expr::CallRef { .. } | Expr::Method { .. } => {
                let c = self.call(e, Want::Void);
                Box::new(move |it| {
                    let mut out = Vec::new();
                    c(it, &mut out).map(|_| ())
                })
            }
            Expr::Func {
                f: Func::Push,
                args,
            } if !args.is_empty() => {
                let f = match self.push(e, &args[0], &args[1..], true) {
                    Some(f) => f,
                    None => {
                        let n = Node::new(e);
                        Box::new(move |it: &mut Interp| it.void(n.get()).map(|_| Value::Undef))
                    }
                };
                Box::new(move |it| f(it).map(Value::release))
            }
            // `do FILE;` runs the file in void context.
            Expr::Func {
                f: Func::DoFile, ..
            } => self.void_walk(e),
            // The walker's void context for these is its scalar context.
            Expr::OpAssign { .. } | Expr::Func { .. } => {
                let f = self.scalar(e);
                Box::new(move |it| f(it).map(Value::release))
            }
            Expr::Logical { op, l, r } => {
                let c = self.cond(l);
                let r = self.void(r);
                match op {
                    LogOp::And => Box::new(move |it| if c(it)? { r(it) } else { Ok(()) }),
                    LogOp::Or => Box::new(move |it| if c(it)? { Ok(()) } else { r(it) }),
                    LogOp::Dor => self.void_walk(e),
                }
            }
            Expr::Cond { c, t, f } => {
                let c = self.cond(c);
                let t = self.void(t);
                let f = self.void(f);
                Box::new(move |it| if c(it)? { t(it) } else { f(it) })
            }
            _ => self.void_walk(e),
        }
    }

    /// An expression in list context: one that always gives exactly its
    /// scalar value is lowered as such; others go to the tree walker.
    fn list(&mut self, e: &Expr) -> List {
        let one = match e {
            Expr::My(_)
            | Expr::Int(_)
            | Expr::Num(_)
            | Expr::Str { .. }
            | Expr::Interp(_)
            | Expr::Not(_)
            | Expr::Index { .. }
            | Expr::Elem { .. }
            | Expr::AnonArray(_)
            | Expr::AnonHash(_) => true,
            Expr::Binary { op, .. } => *op != BinOp::Repeat,
            _ => false,
        };
        if one {
            let f = self.scalar(e);
            return Box::new(move |it, out| {
                out.push(f(it)?);
                Ok(())
            });
        }
        let n = Node::new(e);
        Box::new(move |it, out| it.list(n.get(), out))
    }

    fn void_walk(&mut self, e: &Expr) -> Void {
        let n = Node::new(e);
        Box::new(move |it| it.void(n.get()))
    }

    /// `++`/`--` on a lexical: integers in place; anything else (strings,
    /// overflow, magic) through the general code.
    fn incdec(&mut self, t: &Expr, inc: bool, pre: bool, void: bool) -> Void {
        let f = self.incdec_value(t, inc, pre || void);
        Box::new(move |it| f(it).map(Value::release))
    }

    /// `++`/`--` on a lexical: integers in place; anything else (strings,
    /// overflow, magic) through the general code. Gives the new value when
    /// `pre`, else the old one.
    fn incdec_value(&mut self, t: &Expr, inc: bool, pre: bool) -> Scalar {
        let n = Node::new(t);
        if let Expr::My(s) = t {
            let s = *s as usize;
            return Box::new(move |it| {
                if let PadSlot::Scalar(sv) = &it.pad[s] {
                    if let Some(r) = sv.step_int(inc, pre) {
                        return Ok(Value::Int(r));
                    }
                }
                it.incdec(n.get(), inc, pre)
            });
        }
        if let Expr::Elem { hash, key } = t {
            return self.elem_incdec(t, hash, key, inc, pre);
        }
        Box::new(move |it| it.incdec(n.get(), inc, pre))
    }

    /// `$h{k}++` and friends: a plain integer is stepped in place and a
    /// missing element created; anything else goes through the general
    /// code on the element's container.
    fn elem_incdec(
        &mut self,
        t: &Expr,
        hash: &HashPlace,
        key: &Expr,
        inc: bool,
        pre: bool,
    ) -> Scalar {
        let place = self.hash_place(hash, true);
        let k = self.key(key);
        let n = Node::new(t);
        let step: i64 = if inc { 1 } else { -1 };
        Box::new(move |it| {
            let hv = place(it)?;
            let key = key_of(&k(it)?);
            if hv.tied().is_some() || hv.is_restricted() {
                let sv = hv.elem_container(key);
                return it.incdec_sv(n.get(), &sv, inc, pre);
            }
            let fast = hv.with(|m| match m.get_mut(&key.0.bytes[..]) {
                Some(Elem::V(Value::Int(i))) => {
                    let old = *i;
                    let new = old.checked_add(step)?;
                    *i = new;
                    Some(Value::Int(if pre { new } else { old }))
                }
                Some(_) => None,
                None => {
                    m.insert(key.clone(), Elem::V(Value::Int(step)));
                    Some(match (pre, inc) {
                        (true, _) => Value::Int(step),
                        (false, true) => Value::Int(0),
                        (false, false) => Value::Undef,
                    })
                }
            });
            match fast {
                Some(v) => Ok(v),
                None => {
                    let sv = hv.elem_container(key);
                    it.incdec_sv(n.get(), &sv, inc, pre)
                }
            }
        })
    }

    /// A hash key, warning when undefined.
    fn key(&mut self, key: &Expr) -> Scalar {
        if let Expr::Str { .. } = key {
            return self.scalar(key);
        }
        let k = self.scalar(key);
        let n = Node::new(key);
        Box::new(move |it| {
            let v = k(it)?;
            if v.is_undef() {
                it.warn_uninit(n.get(), "hash element");
            }
            Ok(v)
        })
    }

    fn array_place(&mut self, p: &ArrayPlace, autoviv: bool) -> AvPlace {
        let n = Node::new(p);
        match p {
            ArrayPlace::My(s) => {
                let s = *s;
                Box::new(move |it| Ok(it.pad_av(s)))
            }
            ArrayPlace::Global(id) => {
                let g = self.gv(*id).clone();
                Box::new(move |_| Ok(g.av()))
            }
            ArrayPlace::Args => Box::new(|it| Ok(it.args.clone())),
            // `$r->[…]` with `$r` a lexical holding an array reference.
            ArrayPlace::Deref(e) => match &**e {
                Expr::My(s) => {
                    let s = *s as usize;
                    Box::new(move |it| {
                        if let PadSlot::Scalar(sv) = &it.pad[s] {
                            if let Some(a) = sv.peek(|v| match v {
                                Value::ArrayRef(a) => Some(a.clone()),
                                _ => None,
                            }) {
                                return Ok(a);
                            }
                        }
                        it.array_place(n.get(), autoviv)
                    })
                }
                _ => Box::new(move |it| it.array_place(n.get(), autoviv)),
            },
        }
    }

    fn hash_place(&mut self, p: &HashPlace, autoviv: bool) -> HvPlace {
        let n = Node::new(p);
        match p {
            HashPlace::My(s) => {
                let s = *s;
                Box::new(move |it| Ok(it.pad_hv(s)))
            }
            HashPlace::Global(id) => {
                let g = self.gv(*id).clone();
                Box::new(move |_| Ok(g.hv()))
            }
            HashPlace::Deref(e) => {
                // `$r->{…}` with `$r` a lexical, or `$_[0]{…}` in a method.
                let get: Option<HvPeek> = match &**e {
                    Expr::My(s) => {
                        let s = *s as usize;
                        Some(Box::new(move |it| match &it.pad[s] {
                            PadSlot::Scalar(sv) => sv.peek(|v| match v {
                                Value::HashRef(h) => Some(h.clone()),
                                _ => None,
                            }),
                            _ => None,
                        }))
                    }
                    Expr::Global(id) => {
                        // `$a->{…}` in sort blocks, `$_->{…}` in grep/map.
                        let g = self.gv(*id).clone();
                        Some(Box::new(move |_| {
                            g.sv_ref().peek(|v| match v {
                                Value::HashRef(h) => Some(h.clone()),
                                _ => None,
                            })
                        }))
                    }
                    Expr::Index {
                        array: ArrayPlace::Args,
                        index,
                    } => match &**index {
                        Expr::Int(i) if *i >= 0 => {
                            let i = *i;
                            Some(Box::new(move |it| match it.args.get(i) {
                                Value::HashRef(h) => Some(h),
                                _ => None,
                            }))
                        }
                        _ => None,
                    },
                    _ => None,
                };
                match get {
                    Some(get) => Box::new(move |it| match get(it) {
                        Some(h) => Ok(h),
                        None => it.hash_place(n.get(), autoviv),
                    }),
                    None => Box::new(move |it| it.hash_place(n.get(), autoviv)),
                }
            }
        }
    }

    /// `@_` for a call: each argument appends its elements (variables and
    /// elements as their containers, for aliasing).
    fn arg(&mut self, a: &Expr) -> Arg {
        match a {
            Expr::My(s) => {
                let s = *s;
                Box::new(move |it, v| {
                    v.push(Elem::C(it.pad_sv(s)));
                    Ok(())
                })
            }
            Expr::Int(_)
            | Expr::Num(_)
            | Expr::Str { .. }
            | Expr::Interp(_)
            | Expr::Binary { .. }
            | Expr::Not(_)
            | Expr::AnonArray(_)
            | Expr::AnonHash(_)
            | Expr::AnonSub(_)
            | Expr::Call { .. }
            | Expr::Method { .. } => {
                let f = if matches!(a, Expr::Call { .. } | Expr::Method { .. }) {
                    // A call as an argument gives a list.
                    return self.arg_walk(a);
                } else {
                    self.scalar(a)
                };
                Box::new(move |it, v| {
                    v.push(Elem::V(f(it)?));
                    Ok(())
                })
            }
            _ => self.arg_walk(a),
        }
    }

    fn arg_walk(&mut self, a: &Expr) -> Arg {
        let n = Node::new(a);
        Box::new(move |it, v| it.push_call_args(std::slice::from_ref(n.get()), v))
    }

    /// A sub or method call in context `want`.
    fn call(&mut self, e: &Expr, want: Want) -> Call {
        let n = Node::new(e);
        match e {
            Expr::Call {
                name,
                args: Some(args),
                amp: false,
            } => {
                let g = self.it.glob(name);
                let args: Vec<Arg> = args.iter().map(|a| self.arg(a)).collect();
                Box::new(move |it, out| {
                    let cv = match g.code() {
                        Some(cv) if matches!(cv.kind, CodeKind::Perl { .. }) => cv,
                        // Natives, constants, stubs and AUTOLOAD: the general path.
                        _ => return it.call_expr(n.get(), want, out),
                    };
                    let av = args_av(it, &args)?;
                    it.call_with_av(&cv, av, want, out)
                })
            }
            Expr::CallRef { target, args } => {
                let t = self.scalar(target);
                let args: Vec<Arg> = args.iter().map(|a| self.arg(a)).collect();
                Box::new(move |it, out| {
                    let cv = match t(it)? {
                        Value::CodeRef(c) => c,
                        other => it.code_of(&other)?,
                    };
                    if matches!(cv.kind, CodeKind::Perl { .. }) {
                        let av = args_av(it, &args)?;
                        return it.call_with_av(&cv, av, want, out);
                    }
                    let mut argv = Vec::new();
                    for a in &args {
                        a(it, &mut argv)?;
                    }
                    it.call_sub(&cv, argv, want, out)
                })
            }
            Expr::Method {
                invocant,
                method: MethodName::Static(name),
                args,
                maybe_class,
            } => {
                let inv = self.scalar(invocant);
                let args: Vec<Arg> = args.iter().map(|a| self.arg(a)).collect();
                let name: Rc<str> = Rc::from(name.as_str());
                let maybe_class = *maybe_class;
                // The last resolutions at this site (a small polymorphic
                // cache): (class, method-cache generation, sub).
                let site: std::cell::RefCell<Vec<(Rc<str>, u64, Cv)>> = Default::default();
                let plain = !name.contains(':');
                Box::new(move |it, out| {
                    let inv = inv(it)?;
                    if let (true, Some(class)) = (plain, inv.blessed()) {
                        let gen = it.method_cache.gen;
                        let hit = site
                            .borrow()
                            .iter()
                            .find(|(c, g, _)| *g == gen && (Rc::ptr_eq(c, &class) || *c == class))
                            .map(|(_, _, cv)| cv.clone());
                        let cv = match hit {
                            Some(cv) => Some(cv),
                            None => {
                                let found = it.find_method(&class, &name);
                                if let Some(cv) = &found {
                                    let mut site = site.borrow_mut();
                                    site.retain(|(_, g, _)| *g == gen);
                                    if site.len() >= 4 {
                                        site.remove(0);
                                    }
                                    site.push((class, gen, cv.clone()));
                                }
                                found
                            }
                        };
                        if let Some(cv) = cv.filter(|c| matches!(c.kind, CodeKind::Perl { .. })) {
                            let av = args_av_with(it, Some(inv), &args)?;
                            return it.call_with_av(&cv, av, want, out);
                        }
                    }
                    let mut argv = it.vec_pool.pop().unwrap_or_default();
                    argv.push(Elem::V(inv.clone()));
                    for a in &args {
                        a(it, &mut argv)?;
                    }
                    it.call_method(&inv, &name, argv, want, out, maybe_class)
                })
            }
            _ => Box::new(move |it, out| it.call_expr(n.get(), want, out)),
        }
    }

    // ------------------------------------------------------------ conditions

    /// Builtins whose arguments are plain scalars (or a plain array and a
    /// list, for `push`); others run in the tree walker.
    /// `push @a, LIST` onto a named array (not `@ISA`), its items lowered;
    /// `void` when its value is unused (a tied array's push then skips
    /// `FETCHSIZE`, as perl's does).
    fn push(&mut self, e: &Expr, arr: &Expr, items: &[Expr], void: bool) -> Option<Scalar> {
        let place = match arr {
            Expr::MyArray(s) => self.array_place(&ArrayPlace::My(*s), true),
            Expr::GlobalArray(id) if !self.gv(*id).name.ends_with("::ISA") => {
                self.array_place(&ArrayPlace::Global(*id), true)
            }
            _ => return None,
        };
        let items: Vec<List> = items.iter().map(|i| self.list(i)).collect();
        let n = Node::new(e);
        Some(Box::new(move |it| {
            let av = place(it)?;
            if av.tied().is_some() {
                return if void {
                    it.void(n.get()).map(|_| Value::Undef)
                } else {
                    it.sv(n.get())
                };
            }
            let mut vals = Vec::new();
            for i in &items {
                i(it, &mut vals)?;
            }
            av.with(|a| a.extend(vals.into_iter().map(Elem::V)));
            Ok(Value::Int(av.len() as i64))
        }))
    }

    fn func(&mut self, e: &Expr, f: Func, args: &[Expr]) -> Scalar {
        let n0 = args.first().map(Node::new);
        match (f, args) {
            (Func::Length, [a]) => {
                let a = self.scalar(a);
                return Box::new(move |it| {
                    let v = a(it)?;
                    it.length_of(v)
                });
            }
            (Func::Int, [a]) => {
                let a = self.scalar(a);
                return Box::new(move |it| {
                    let v = a(it)?;
                    if let Value::Int(_) = v {
                        return Ok(v);
                    }
                    let n = it.num_arg(&v, n0.as_ref().map(Node::get), "int")?;
                    Ok(crate::convert::num_to_value(crate::numeric::int(n)))
                });
            }
            (Func::Chr, [a]) => {
                let a = self.scalar(a);
                return Box::new(move |it| {
                    let v = a(it)?;
                    it.chr_of(&v, n0.as_ref().map(Node::get))
                });
            }
            (Func::Uc | Func::Lc | Func::Ucfirst | Func::Lcfirst | Func::Fc, [a]) => {
                let a = self.scalar(a);
                return Box::new(move |it| {
                    let v = a(it)?;
                    it.case_of(f, v, n0.as_ref().map(Node::get))
                });
            }
            (Func::Substr, [s, off, rest @ ..]) if rest.len() <= 1 => {
                let ne = Node::new(off);
                let le = rest.first().map(Node::new);
                let s = self.scalar(s);
                let off = self.scalar(off);
                let len = rest.first().map(|l| self.scalar(l));
                return Box::new(move |it| {
                    let sv = s(it)?;
                    let st = it.str_arg(sv, n0.as_ref().map(Node::get), "substr")?;
                    let o = off(it)?;
                    let l = match &len {
                        Some(l) => Some(l(it)?),
                        None => None,
                    };
                    let (oe, le) = (ne.get(), le.as_ref().map(Node::get));
                    Ok(it.substr_of(&st, &o, l.as_ref(), Some(oe), le))
                });
            }
            (Func::Sprintf, [_, ..]) => {
                let items: Vec<List> = args.iter().map(|i| self.list(i)).collect();
                let rest = Node::new(&args[1..]);
                return Box::new(move |it| {
                    let mut vals = Vec::with_capacity(items.len());
                    for i in &items {
                        i(it, &mut vals)?;
                    }
                    if vals.is_empty() {
                        return Ok(Value::bytes(b""));
                    }
                    let fmt = vals.remove(0);
                    let s = it.sprintf_values(&fmt, &vals, "sprintf", rest.get())?;
                    Ok(Value::Str(Rc::new(s)))
                });
            }
            (Func::Join, [_, ..]) => {
                let items: Vec<List> = args.iter().map(|i| self.list(i)).collect();
                let args = Node::new(args);
                return Box::new(move |it| {
                    let mut vals = Vec::with_capacity(items.len());
                    let mut spans = Vec::with_capacity(items.len());
                    for f in &items {
                        let n0 = vals.len();
                        f(it, &mut vals)?;
                        spans.push((n0, vals.len()));
                    }
                    it.join_result(args.get(), vals, &spans)
                });
            }
            (Func::Push, [arr, items @ ..]) => {
                if let Some(f) = self.push(e, arr, items, false) {
                    return f;
                }
            }
            _ => {}
        }
        let n = Node::new(e);
        Box::new(move |it| it.sv(n.get()))
    }

    /// `%!`, whose elements are computed from `$!`.
    fn is_errno_hash(&mut self, h: &HashPlace) -> bool {
        matches!(h, HashPlace::Global(id) if &*self.gv(*id).name == "main::!")
    }

    fn cond(&mut self, e: &Expr) -> Cond {
        match e {
            Expr::Logical {
                op: LogOp::And,
                l,
                r,
            } => {
                let l = self.cond(l);
                let r = self.cond(r);
                Box::new(move |it| Ok(l(it)? && r(it)?))
            }
            Expr::Logical {
                op: LogOp::Or,
                l,
                r,
            } => {
                let l = self.cond(l);
                let r = self.cond(r);
                Box::new(move |it| Ok(l(it)? || r(it)?))
            }
            Expr::Not(inner) => {
                let c = self.cond(inner);
                Box::new(move |it| Ok(!c(it)?))
            }
            Expr::Binary { op, l, r } if self.plain_binary(l, r) && is_num_cmp(*op) => {
                let (op, ln, rn) = (*op, Node::new(&**l), Node::new(&**r));
                let a = self.operand(l);
                if let Expr::Int(k) = &**r {
                    let k = *k;
                    return Box::new(move |it| {
                        let x = a.get(it)?;
                        match x {
                            Value::Int(i) => return Ok(int_cmp(op, i, k)),
                            Value::Num(f) => return Ok(num_cmp(op, f, k as f64)),
                            _ => {}
                        }
                        let v = it.binop_values(op, ln.get(), rn.get(), x, Value::Int(k))?;
                        Ok(v.truthy())
                    });
                }
                let b = self.operand(r);
                Box::new(move |it| {
                    let x = a.get(it)?;
                    let y = b.get(it)?;
                    if let (Value::Int(i), Value::Int(j)) = (&x, &y) {
                        return Ok(int_cmp(op, *i, *j));
                    }
                    if let Some((i, j)) = floats(&x, &y) {
                        return Ok(num_cmp(op, i, j));
                    }
                    let v = it.binop_values(op, ln.get(), rn.get(), x, y)?;
                    Ok(v.truthy())
                })
            }
            _ => {
                let f = self.scalar(e);
                Box::new(move |it| {
                    let v = f(it)?;
                    if v.is_ref() {
                        return it.ref_truth(&v);
                    }
                    Ok(v.truthy())
                })
            }
        }
    }

    // ------------------------------------------------------------ scalars

    /// Operands the fast binary forms can take: anything but the special
    /// variables (`$!` has its own operand rules), outside `use integer`.
    fn plain_binary(&self, l: &Expr, r: &Expr) -> bool {
        !self.integer() && !matches!(l, Expr::Special(_)) && !matches!(r, Expr::Special(_))
    }

    fn operand(&mut self, e: &Expr) -> Operand {
        match e {
            Expr::My(s) => Operand::My(*s as usize),
            Expr::Int(i) => Operand::Int(*i),
            Expr::Num(n) => Operand::Num(*n),
            _ => Operand::Other(self.scalar(e)),
        }
    }

    fn scalar(&mut self, e: &Expr) -> Scalar {
        match e {
            Expr::My(s) => {
                let s = *s as usize;
                Box::new(move |it| Ok(it.pad_value(s)))
            }
            Expr::Int(i) => {
                let i = *i;
                Box::new(move |_| Ok(Value::Int(i)))
            }
            Expr::Num(n) => {
                let n = *n;
                Box::new(move |_| Ok(Value::Num(n)))
            }
            Expr::Str { bytes, utf8 } => {
                let s = Rc::new(PStr {
                    bytes: bytes.to_vec(),
                    utf8: *utf8,
                });
                Box::new(move |_| Ok(Value::Str(s.clone())))
            }
            Expr::Binary { op, l, r } if self.plain_binary(l, r) => self.binary(*op, l, r),
            Expr::Assign { lhs, .. } if matches!(&**lhs, Expr::My(_)) => {
                let Expr::My(s) = &**lhs else { unreachable!() };
                let s = *s as usize;
                let set = self.void(e);
                Box::new(move |it| {
                    set(it)?;
                    Ok(it.pad_value(s))
                })
            }
            Expr::Cond { c, t, f } => {
                let c = self.cond(c);
                let t = self.scalar(t);
                let f = self.scalar(f);
                Box::new(move |it| if c(it)? { t(it) } else { f(it) })
            }
            Expr::Logical { op, l, r } => {
                let l = self.scalar(l);
                let r = self.scalar(r);
                let op = *op;
                Box::new(move |it| {
                    let v = l(it)?;
                    let go_right = match op {
                        LogOp::And => v.truthy(),
                        LogOp::Or => !v.truthy(),
                        LogOp::Dor => v.is_undef(),
                    };
                    if go_right {
                        v.release();
                        r(it)
                    } else {
                        Ok(v)
                    }
                })
            }
            Expr::Not(inner) => {
                let c = self.cond(inner);
                Box::new(move |it| Ok(bool_val(!c(it)?)))
            }
            Expr::PreInc(t) => self.incdec_value(t, true, true),
            Expr::PostInc(t) => self.incdec_value(t, true, false),
            Expr::PreDec(t) => self.incdec_value(t, false, true),
            Expr::PostDec(t) => self.incdec_value(t, false, false),
            Expr::Call { .. } | Expr::CallRef { .. } | Expr::Method { .. } => {
                let c = self.call(e, Want::Scalar);
                Box::new(move |it| {
                    let mut out = Vec::new();
                    c(it, &mut out)
                })
            }
            Expr::Func { f, args } => self.func(e, *f, args),
            Expr::Interp(parts) => {
                let op = Interp::interp_op(parts.len());
                let several = Interp::interp_several(parts);
                let parts: Vec<(Scalar, Node<Expr>)> = parts
                    .iter()
                    .map(|p| (self.scalar(p), Node::new(p)))
                    .collect();
                Box::new(move |it| {
                    let mut s = PStr::default();
                    for (f, n) in &parts {
                        let v = f(it)?;
                        it.interp_part(&mut s, n.get(), v, op, several)?;
                    }
                    Ok(Value::Str(Rc::new(s)))
                })
            }
            Expr::MyArray(s) => {
                let s = *s as usize;
                Box::new(move |it| {
                    Ok(Value::Int(match &it.pad[s] {
                        PadSlot::Array(av) => av.len() as i64,
                        _ => 0,
                    }))
                })
            }
            Expr::AnonArray(items) | Expr::AnonHash(items) => {
                let items: Vec<List> = items.iter().map(|i| self.list(i)).collect();
                let hash = matches!(e, Expr::AnonHash(_));
                Box::new(move |it| {
                    let mut out = Vec::with_capacity(items.len());
                    for i in &items {
                        i(it, &mut out)?;
                    }
                    Ok(it.anon_from(hash, out))
                })
            }
            Expr::Index { array, index } => {
                let place = self.array_place(array, true);
                if let Expr::Int(i) = &**index {
                    let i = *i;
                    return Box::new(move |it| Ok(place(it)?.get(i)));
                }
                let idx = self.scalar(index);
                let n = Node::new(&**index);
                Box::new(move |it| {
                    let av = place(it)?;
                    let i = match idx(it)? {
                        Value::Int(i) => i,
                        v => it.index_of(n.get(), v),
                    };
                    Ok(av.get(i))
                })
            }
            Expr::Elem { hash, key } if !self.is_errno_hash(hash) => {
                let place = self.hash_place(hash, true);
                let k = self.key(key);
                Box::new(move |it| {
                    let hv = place(it)?;
                    let k = k(it)?;
                    Ok(hash_get(&hv, &k))
                })
            }
            Expr::OpAssign { op, lhs, rhs }
                if matches!(&**lhs, Expr::My(_))
                    && matches!(op, BinOp::Concat | BinOp::Add | BinOp::Sub) =>
            {
                let Expr::My(s) = &**lhs else { unreachable!() };
                let (s, op) = (*s, *op);
                let r = self.scalar(rhs);
                let (ln, rn) = (Node::new(&**lhs), Node::new(&**rhs));
                Box::new(move |it| {
                    let v = r(it)?;
                    if let (Value::Int(y), BinOp::Add | BinOp::Sub) = (&v, op) {
                        if let PadSlot::Scalar(sv) = &it.pad[s as usize] {
                            if let Some(n) = sv.add_int(*y, op == BinOp::Sub) {
                                return Ok(Value::Int(n));
                            }
                        }
                    }
                    it.op_assign_my(op, s, ln.get(), rn.get(), v)
                })
            }
            _ => {
                let n = Node::new(e);
                Box::new(move |it| it.sv(n.get()))
            }
        }
    }

    /// A binary operator: the operator is fixed now, so each closure tests
    /// only its operands' types before the general path.
    fn binary(&mut self, op: BinOp, l: &Expr, r: &Expr) -> Scalar {
        let (ln, rn) = (Node::new(l), Node::new(r));
        let a = self.operand(l);
        // A literal integer on the right (`$i + 1`, `$n % 10`) is folded in.
        if let Expr::Int(k) = r {
            let k = *k;
            macro_rules! with_const {
                ($fast:expr) => {
                    Box::new(move |it| {
                        let x = a.get(it)?;
                        if let Value::Int(i) = x {
                            let f: fn(i64, i64) -> Option<Value> = $fast;
                            if let Some(v) = f(i, k) {
                                return Ok(v);
                            }
                        }
                        it.binop_values(op, ln.get(), rn.get(), x, Value::Int(k))
                    })
                };
            }
            match op {
                BinOp::Add => return with_const!(|i, k| i.checked_add(k).map(Value::Int)),
                BinOp::Sub => return with_const!(|i, k| i.checked_sub(k).map(Value::Int)),
                BinOp::Mul => return with_const!(|i, k| i.checked_mul(k).map(Value::Int)),
                BinOp::Mod => {
                    return with_const!(|i, k| (i >= 0 && k > 0).then(|| Value::Int(i % k)))
                }
                _ if is_num_cmp(op) => {
                    return Box::new(move |it| {
                        let x = a.get(it)?;
                        match x {
                            Value::Int(i) => return Ok(bool_val(int_cmp(op, i, k))),
                            Value::Num(f) => return Ok(bool_val(num_cmp(op, f, k as f64))),
                            _ => {}
                        }
                        it.binop_values(op, ln.get(), rn.get(), x, Value::Int(k))
                    })
                }
                _ => {}
            }
        }
        let b = self.operand(r);
        macro_rules! arith {
            ($int:expr, $num:expr) => {
                Box::new(move |it| {
                    let x = a.get(it)?;
                    let y = b.get(it)?;
                    match (&x, &y) {
                        (Value::Int(i), Value::Int(j)) => {
                            let f: fn(i64, i64) -> Option<Value> = $int;
                            if let Some(v) = f(*i, *j) {
                                // Plain numbers: nothing to drop.
                                std::mem::forget((x, y));
                                return Ok(v);
                            }
                        }
                        _ => {
                            if let Some((i, j)) = floats(&x, &y) {
                                let f: fn(f64, f64, Option<i64>, Option<i64>) -> Option<Value> =
                                    $num;
                                if let Some(v) = f(i, j, int_hint(&x), int_hint(&y)) {
                                    std::mem::forget((x, y));
                                    return Ok(v);
                                }
                            }
                        }
                    }
                    it.binop_values(op, ln.get(), rn.get(), x, y)
                })
            };
        }
        match op {
            BinOp::Add => arith!(|i, j| i.checked_add(j).map(Value::Int), |i, j, a, b| Some(
                float_add(i, j, a, b)
            )),
            BinOp::Sub => arith!(|i, j| i.checked_sub(j).map(Value::Int), |i, j, a, b| Some(
                float_sub(i, j, a, b)
            )),
            BinOp::Mul => arith!(|i, j| i.checked_mul(j).map(Value::Int), |i, j, a, b| Some(
                float_mul(i, j, a, b)
            )),
            BinOp::Mod => arith!(
                |i, j| (i >= 0 && j > 0).then(|| Value::Int(i % j)),
                |_, _, _, _| None
            ),
            BinOp::Div => arith!(|_, _| None, |i, j, a, b| (j != 0.0)
                .then(|| float_div(i, j, a, b))),
            BinOp::NumCmp => arith!(
                |i, j| Some(Value::Int((i > j) as i64 - (i < j) as i64)),
                |i, j, _, _| i.partial_cmp(&j).map(|o| Value::Int(o as i64))
            ),
            BinOp::StrCmp
            | BinOp::StrEq
            | BinOp::StrNe
            | BinOp::StrLt
            | BinOp::StrGt
            | BinOp::StrLe
            | BinOp::StrGe => Box::new(move |it| {
                let x = a.get(it)?;
                let y = b.get(it)?;
                if let (Value::Str(p), Value::Str(q)) = (&x, &y) {
                    if p.utf8 == q.utf8 {
                        return Ok(str_cmp_value(op, p.bytes.cmp(&q.bytes)));
                    }
                }
                it.binop_values(op, ln.get(), rn.get(), x, y)
            }),
            _ if is_num_cmp(op) => Box::new(move |it| {
                let x = a.get(it)?;
                let y = b.get(it)?;
                if let (Value::Int(i), Value::Int(j)) = (&x, &y) {
                    return Ok(bool_val(int_cmp(op, *i, *j)));
                }
                if let Some((i, j)) = floats(&x, &y) {
                    return Ok(bool_val(num_cmp(op, i, j)));
                }
                it.binop_values(op, ln.get(), rn.get(), x, y)
            }),
            _ => Box::new(move |it| {
                let x = a.get(it)?;
                let y = b.get(it)?;
                it.binop_values(op, ln.get(), rn.get(), x, y)
            }),
        }
    }
}

/// `@_` for a call of a Perl sub, in a recycled array.
#[inline]
fn args_av(it: &mut Interp, args: &[Arg]) -> R<Av> {
    args_av_with(it, None, args)
}

/// `args_av` with a first element (a method's invocant).
#[inline]
fn args_av_with(it: &mut Interp, first: Option<Value>, args: &[Arg]) -> R<Av> {
    let av = it.args_pool.pop().unwrap_or_else(Array::new);
    let mut v = av.with(std::mem::take);
    if let Some(f) = first {
        v.push(Elem::V(f));
    }
    let mut r = Ok(());
    for a in args {
        r = a(it, &mut v);
        if r.is_err() {
            break;
        }
    }
    // The vector left in `av` by `take` is empty and unallocated.
    av.with(|x| std::mem::forget(std::mem::replace(x, v)));
    r.map(|_| av)
}

/// An operand of a binary operator: lexicals and literals are read in place
/// (no call), anything else through its closure.
enum Operand {
    My(usize),
    Int(i64),
    Num(f64),
    Other(Scalar),
}

impl Operand {
    #[inline(always)]
    fn get(&self, it: &mut Interp) -> R<Value> {
        match self {
            Operand::My(s) => Ok(it.pad_value(*s)),
            Operand::Int(i) => Ok(Value::Int(*i)),
            Operand::Num(n) => Ok(Value::Num(*n)),
            Operand::Other(f) => f(it),
        }
    }
}

/// Two numbers at least one of which is a float, as floats (perl computes
/// such pairs in floating point).
#[inline(always)]
fn floats(x: &Value, y: &Value) -> Option<(f64, f64)> {
    match (x, y) {
        (Value::Num(i), Value::Num(j)) => Some((*i, *j)),
        (Value::Num(i), Value::Int(j)) => Some((*i, *j as f64)),
        (Value::Int(i), Value::Num(j)) => Some((*i as f64, *j)),
        _ => None,
    }
}

fn is_num_cmp(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::NumLt | BinOp::NumGt | BinOp::NumLe | BinOp::NumGe | BinOp::NumEq | BinOp::NumNe
    )
}

#[inline(always)]
fn int_cmp(op: BinOp, i: i64, j: i64) -> bool {
    match op {
        BinOp::NumLt => i < j,
        BinOp::NumGt => i > j,
        BinOp::NumLe => i <= j,
        BinOp::NumGe => i >= j,
        BinOp::NumEq => i == j,
        _ => i != j,
    }
}

#[inline(always)]
fn num_cmp(op: BinOp, i: f64, j: f64) -> bool {
    match op {
        BinOp::NumLt => i < j,
        BinOp::NumGt => i > j,
        BinOp::NumLe => i <= j,
        BinOp::NumGe => i >= j,
        BinOp::NumEq => i == j,
        _ => i != j,
    }
}
