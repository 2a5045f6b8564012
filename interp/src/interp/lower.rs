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

use super::expr::{bool_val, float_result};
use super::{BlockRun, Interp, Want, R};
use crate::ast::{self, BinOp, Block, Expr, LogOp, Statement, Stmt, SubBody};
use crate::value::*;

/// A node of the immutable tree, by address. Valid while the tree's owner
/// (see the module comment) is alive.
struct Node<T>(*const T);

impl<T> Node<T> {
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

/// A lowered sub body: its statements, and the last one in each context
/// (a sub's value is its last statement's).
pub struct LoweredSub {
    init: Vec<Void>,
    last: Last,
    has_local: bool,
}

enum Last {
    Empty,
    /// `EXPR` or `return EXPR` as the final statement.
    Expr {
        line: u32,
        hints: u32,
        scalar: Scalar,
        void: Void,
        list: Option<Node<Expr>>,
    },
    /// Any other statement: the tree walker knows its value.
    Stmt(Node<Statement>),
}

impl LoweredSub {
    /// Run the body as a call in context `want` (list values go to `out`).
    pub fn run(&self, it: &mut Interp, want: Want, out: &mut Vec<Value>) -> R<Value> {
        let mark = it.savestack.len();
        let saved_match = it.last_match.clone();
        let r = self.run_inner(it, want, out);
        it.last_match = saved_match;
        if self.has_local {
            it.unwind(mark);
        }
        r
    }

    #[inline]
    fn run_inner(&self, it: &mut Interp, want: Want, out: &mut Vec<Value>) -> R<Value> {
        for s in &self.init {
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
                prologue(it, *line, *hints)?;
                match want {
                    Want::Scalar => scalar(it),
                    Want::Void => void(it).map(|_| Value::Undef),
                    Want::List => {
                        if let Some(e) = list {
                            it.list(e.get(), out)?;
                        }
                        Ok(Value::Undef)
                    }
                }
            }
            Last::Stmt(s) => it.stmt_value(s.get(), want, out),
        }
    }
}

/// What every statement does first: pending `die` from a warn handler, the
/// line for messages, the lexical hints, deferred destructors.
#[inline(always)]
fn prologue(it: &mut Interp, line: u32, hints: u32) -> R<()> {
    it.raise_warn_die()?;
    it.line = line;
    it.hints = hints;
    if crate::destroy::pending() {
        it.run_destructors();
    }
    Ok(())
}

/// Lower a sub body.
pub fn lower_sub(body: &SubBody) -> LoweredSub {
    let b = &body.body;
    let mut lw = Lower { hints: 0 };
    let (init, last) = match b.stmts.split_last() {
        None => (&b.stmts[..], Last::Empty),
        Some((last, init)) => (init, lw.last(last)),
    };
    LoweredSub {
        init: init.iter().map(|s| lw.stmt(s)).collect(),
        last,
        has_local: b.has_local,
    }
}

/// Lower a list of statements run in void context (the main program).
pub fn lower_stmts(stmts: &[Statement]) -> Vec<Void> {
    let mut lw = Lower { hints: 0 };
    stmts.iter().map(|s| lw.stmt(s)).collect()
}

struct Lower {
    /// Hints of the statement being lowered.
    hints: u32,
}

impl Lower {
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
                    list: None,
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
            list: Some(Node::new(e)),
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
                    prologue(it, line, hints)?;
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
                    prologue(it, line, hints)?;
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
                let b = self.block(body);
                let k = cont.as_ref().map(|c| self.block(c));
                let label = label.clone();
                Box::new(move |it| {
                    prologue(it, line, hints)?;
                    in_loop(it, |it| loop {
                        if let Some(c) = &c {
                            it.line = line;
                            if !c(it)? {
                                return Ok(());
                            }
                        }
                        if it.loop_iter(&label, &*b, k.as_deref())? {
                            return Ok(());
                        }
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
                    prologue(it, line, hints)?;
                    in_loop(it, |it| {
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
                    prologue(it, line, hints)?;
                    in_loop(it, |it| {
                        it.foreach(&label, var.get(), list.get(), &*b, k.as_deref())
                    })
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
        Box::new(move |it| {
            let mark = it.savestack.len();
            let saved_match = it.last_match.clone();
            let mut r = Ok(());
            for s in &stmts {
                r = s(it);
                if r.is_err() {
                    break;
                }
            }
            it.last_match = saved_match;
            if !my_slots.is_empty() {
                it.release_my(&my_slots);
            }
            if has_local {
                it.unwind(mark);
            }
            r
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
                if let Expr::MyDecl { vars, .. } = &**lhs {
                    if let [(ast::PadKind::Scalar, s)] = &vars[..] {
                        if !matches!(&**rhs, Expr::Func { .. }) {
                            let s = *s as usize;
                            let v = self.scalar(rhs);
                            let vars = Node::new(vars);
                            return Box::new(move |it| {
                                let v = v(it)?;
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
                let n = Node::new(e);
                Box::new(move |it| {
                    let mut out = Vec::new();
                    it.call_expr(n.get(), Want::Void, &mut out).map(|_| ())
                })
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

    fn void_walk(&mut self, e: &Expr) -> Void {
        let n = Node::new(e);
        Box::new(move |it| it.void(n.get()))
    }

    /// `++`/`--` on a lexical: integers in place; anything else (strings,
    /// overflow, magic) through the general code.
    fn incdec(&mut self, t: &Expr, inc: bool, pre: bool, void: bool) -> Void {
        let n = Node::new(t);
        if let Expr::My(s) = t {
            let s = *s as usize;
            return Box::new(move |it| {
                if let PadSlot::Scalar(sv) = &it.pad[s] {
                    let done = sv.with_mut(|v| {
                        if let Value::Int(i) = v {
                            if let Some(n) = if inc {
                                i.checked_add(1)
                            } else {
                                i.checked_sub(1)
                            } {
                                *i = n;
                                return true;
                            }
                        }
                        false
                    });
                    if done {
                        return Ok(());
                    }
                }
                it.incdec(n.get(), inc, pre || void).map(|_| ())
            });
        }
        Box::new(move |it| it.incdec(n.get(), inc, pre || void).map(|_| ()))
    }

    // ------------------------------------------------------------ conditions

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
                let a = self.scalar(l);
                if let Expr::Int(k) = &**r {
                    let k = *k;
                    return Box::new(move |it| {
                        let x = a(it)?;
                        if let Value::Int(i) = x {
                            return Ok(int_cmp(op, i, k));
                        }
                        let v = it.binop_values(op, ln.get(), rn.get(), x, Value::Int(k))?;
                        Ok(v.truthy())
                    });
                }
                let b = self.scalar(r);
                Box::new(move |it| {
                    let x = a(it)?;
                    let y = b(it)?;
                    match (&x, &y) {
                        (Value::Int(i), Value::Int(j)) => return Ok(int_cmp(op, *i, *j)),
                        (Value::Num(i), Value::Num(j)) => return Ok(num_cmp(op, *i, *j)),
                        _ => {}
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

    fn scalar(&mut self, e: &Expr) -> Scalar {
        match e {
            Expr::My(s) => {
                let s = *s as usize;
                Box::new(move |it| {
                    Ok(match &it.pad[s] {
                        PadSlot::Scalar(sv) => sv.get(),
                        _ => Value::Undef,
                    })
                })
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
                    Ok(match &it.pad[s] {
                        PadSlot::Scalar(sv) => sv.get(),
                        _ => Value::Undef,
                    })
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
            Expr::Call { .. } | Expr::CallRef { .. } | Expr::Method { .. } => {
                let n = Node::new(e);
                Box::new(move |it| {
                    let mut out = Vec::new();
                    it.call_expr(n.get(), Want::Scalar, &mut out)
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
        let a = self.scalar(l);
        // A literal integer on the right (`$i + 1`, `$n % 10`) is folded in.
        if let Expr::Int(k) = r {
            let k = *k;
            macro_rules! with_const {
                ($fast:expr) => {
                    Box::new(move |it| {
                        let x = a(it)?;
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
                        let x = a(it)?;
                        if let Value::Int(i) = x {
                            return Ok(bool_val(int_cmp(op, i, k)));
                        }
                        it.binop_values(op, ln.get(), rn.get(), x, Value::Int(k))
                    })
                }
                _ => {}
            }
        }
        let b = self.scalar(r);
        macro_rules! arith {
            ($int:expr, $num:expr) => {
                Box::new(move |it| {
                    let x = a(it)?;
                    let y = b(it)?;
                    match (&x, &y) {
                        (Value::Int(i), Value::Int(j)) => {
                            let f: fn(i64, i64) -> Option<Value> = $int;
                            if let Some(v) = f(*i, *j) {
                                return Ok(v);
                            }
                        }
                        (Value::Num(i), Value::Num(j)) => {
                            let f: fn(f64, f64) -> Option<Value> = $num;
                            if let Some(v) = f(*i, *j) {
                                return Ok(v);
                            }
                        }
                        _ => {}
                    }
                    it.binop_values(op, ln.get(), rn.get(), x, y)
                })
            };
        }
        match op {
            BinOp::Add => arith!(|i, j| i.checked_add(j).map(Value::Int), |i, j| Some(
                float_result(i + j)
            )),
            BinOp::Sub => arith!(|i, j| i.checked_sub(j).map(Value::Int), |i, j| Some(
                float_result(i - j)
            )),
            BinOp::Mul => arith!(|i, j| i.checked_mul(j).map(Value::Int), |i, j| Some(
                float_result(i * j)
            )),
            BinOp::Mod => arith!(
                |i, j| (i >= 0 && j > 0).then(|| Value::Int(i % j)),
                |_, _| None
            ),
            _ => Box::new(move |it| {
                let x = a(it)?;
                let y = b(it)?;
                it.binop_values(op, ln.get(), rn.get(), x, y)
            }),
        }
    }
}

/// Run a loop: it is a scope for the match variables (its condition
/// included), and `next`/`last` inside it are legal.
#[inline(always)]
fn in_loop(it: &mut Interp, f: impl FnOnce(&mut Interp) -> R<()>) -> R<()> {
    let saved_match = it.last_match.clone();
    it.loop_depth += 1;
    let r = f(it);
    it.loop_depth -= 1;
    it.last_match = saved_match;
    r
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
