//! Sub calls, method dispatch, `return`, `do`/`eval` blocks, string eval.

use std::rc::Rc;
use std::sync::Arc;

use super::{Flow, Interp, Unit, Want, R};
use crate::ast::{self, well_known as wk, Block, Expr, MethodName, Statement, Stmt};
use crate::convert::to_bytes;
use crate::value::*;

/// One entry of the call stack, for `caller`.
#[derive(Clone)]
pub struct CallInfo {
    /// Fully qualified name of the called sub (`main::__ANON__` for
    /// anonymous ones, `(eval)` for eval frames).
    pub sub: Rc<str>,
    /// Where the call happened.
    pub package: Rc<str>,
    pub file: Rc<str>,
    pub line: u32,
    pub want: Want,
    pub has_args: bool,
    pub is_eval: bool,
    /// The call's `@_`, kept only once Carp is loaded (for its backtraces).
    pub args: Option<Rc<[Value]>>,
}

/// Deep recursion is bounded by the interpreter thread's stack; beyond this
/// many nested calls we die cleanly instead of overflowing.
const MAX_DEPTH: usize = 1_500_000;

impl Interp {
    /// Evaluate a call expression (`foo(…)`, `$f->(…)`, `$o->m(…)`).
    pub fn call_expr(&mut self, e: &Expr, want: Want, out: &mut Vec<Value>) -> R<Value> {
        match e {
            Expr::Call { name, args, amp } => {
                let cv = match self.call_target(e, name) {
                    Some(cv) => cv,
                    None => match self.stub_autoload(name) {
                        Some(cv) => cv,
                        None => {
                            if self.program_calls {
                                // psh's record commands (`ps()`, `ls()`)
                                // live in PSH::Cmd so that `ps aux` stays a
                                // command line; then programs on PATH.
                                let short = name.strip_prefix("main::").unwrap_or(name);
                                let cmd = self
                                    .glob_opt(&format!("PSH::Cmd::{short}"))
                                    .and_then(|g| g.code());
                                if let Some(cv) = cmd {
                                    let vals = match args {
                                        Some(a) => self.all_args(a)?,
                                        None => Vec::new(),
                                    };
                                    let elems = vals.into_iter().map(Elem::V).collect();
                                    return self.call_sub(&cv, elems, want, out);
                                }
                                if let Some(r) = self.call_program(name, args.as_deref(), want, out)
                                {
                                    return r;
                                }
                            }
                            return Err(
                                self.die_msg(format!("Undefined subroutine &{name} called"))
                            );
                        }
                    },
                };
                match args {
                    None if *amp => {
                        // `&foo;` shares the caller's @_.
                        let args = self.args.clone();
                        self.amp_call = true;
                        self.call_with_av(&cv, args, want, out)
                    }
                    None => self.call_sub(&cv, Vec::new(), want, out),
                    Some(a) if matches!(cv.kind, CodeKind::Perl { .. }) => {
                        let av = self.args_av(a)?;
                        self.call_with_av(&cv, av, want, out)
                    }
                    Some(a) => {
                        let args = self.call_args(a)?;
                        self.call_sub(&cv, args, want, out)
                    }
                }
            }
            Expr::CallRef { target, args } => {
                let t = self.sv(target)?;
                let cv = self.code_of(&t)?;
                if matches!(cv.kind, CodeKind::Perl { .. }) {
                    let av = self.args_av(args)?;
                    return self.call_with_av(&cv, av, want, out);
                }
                let args = self.call_args(args)?;
                self.call_sub(&cv, args, want, out)
            }
            Expr::CodeDeref(inner) => {
                let t = self.sv(inner)?;
                let cv = self.code_of(&t)?;
                let args = self.args.clone();
                self.amp_call = true;
                self.call_with_av(&cv, args, want, out)
            }
            Expr::Method {
                invocant,
                method,
                args,
                maybe_class,
            } => {
                let inv = self.sv(invocant)?;
                let mut argv = self.vec_pool.pop().unwrap_or_default();
                argv.push(Elem::V(inv.clone()));
                self.push_call_args(args, &mut argv)?;
                match method {
                    MethodName::Static(name) => {
                        self.call_method(&inv, name, argv, want, out, *maybe_class)
                    }
                    MethodName::Dynamic(m) => {
                        let mv = self.sv(m)?;
                        if let Value::CodeRef(cv) = &mv {
                            return self.call_sub(cv, argv, want, out);
                        }
                        let name = String::from_utf8_lossy(&to_bytes(&mv)).into_owned();
                        self.call_method(&inv, &name, argv, want, out, false)
                    }
                }
            }
            _ => {
                let v = self.sv(e)?;
                if want == Want::List {
                    out.push(v.clone());
                }
                Ok(v)
            }
        }
    }

    /// `@_` for a call of a Perl sub, in a recycled array.
    fn args_av(&mut self, args: &[Expr]) -> R<Av> {
        let av = self.args_pool.pop().unwrap_or_else(Array::new);
        let mut v = av.with(std::mem::take);
        let r = self.push_call_args(args, &mut v);
        // The vector left in `av` by `take` is empty and unallocated.
        av.with(|x| std::mem::forget(std::mem::replace(x, v)));
        r.map(|_| av)
    }

    /// Build `@_`: variables and elements are passed as their containers
    /// (aliasing), everything else as values.
    pub fn call_args(&mut self, args: &[Expr]) -> R<Vec<Elem>> {
        let mut v = Vec::with_capacity(args.len());
        self.push_call_args(args, &mut v)?;
        Ok(v)
    }

    pub(super) fn push_call_args(&mut self, args: &[Expr], v: &mut Vec<Elem>) -> R<()> {
        for a in args {
            match a {
                Expr::My(s) => v.push(Elem::C(self.pad_sv(*s))),
                Expr::Global(id) => v.push(Elem::C(self.gv(*id).sv())),
                Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::Args => {
                    let av = self.array_of(a, false)?;
                    av.for_each_container(|sv| v.push(Elem::C(sv)));
                }
                Expr::List(items) => self.push_call_args(items, v)?,
                // An existing element is aliased; a missing one is created
                // only if the sub assigns to it, as perl defers it.
                Expr::Elem { hash, key } => {
                    let hv = self.hash_place(hash, true)?;
                    let k = self.sv(key)?;
                    let k = super::expr::key_of(&k);
                    let found = hv.existing_container(&k);
                    v.push(Elem::C(match found {
                        Some(sv) => sv,
                        None => Scalar::new_proxy(Value::Undef, Lv::HashElem(hv, k)),
                    }));
                }
                Expr::Index { array, index } => {
                    let av = self.array_place(array, true)?;
                    let i = self.index_value(index)?;
                    let found = if av.tied().is_some() {
                        av.elem_container(i)
                    } else {
                        match av.resolve(i) {
                            Some(j) => av.existing_container(j),
                            None => None,
                        }
                    };
                    v.push(match found {
                        Some(sv) => Elem::C(sv),
                        None if i >= 0 => {
                            Elem::C(Scalar::new_proxy(Value::Undef, Lv::ArrayElem(av, i)))
                        }
                        None => Elem::V(Value::Undef),
                    });
                }
                Expr::Int(_)
                | Expr::Num(_)
                | Expr::Str { .. }
                | Expr::Interp(_)
                | Expr::Binary { .. }
                | Expr::Unary { .. }
                | Expr::Not(_)
                | Expr::Deref(_)
                | Expr::AnonArray(_)
                | Expr::AnonHash(_)
                | Expr::AnonSub(_)
                | Expr::PreInc(_)
                | Expr::PostInc(_)
                | Expr::PreDec(_)
                | Expr::PostDec(_) => {
                    let val = self.sv(a)?;
                    v.push(Elem::V(val));
                }
                _ => {
                    let mut vals = Vec::new();
                    self.list(a, &mut vals)?;
                    v.extend(vals.into_iter().map(Elem::V));
                }
            }
        }
        Ok(())
    }

    pub fn call_sub(
        &mut self,
        cv: &Cv,
        args: Vec<Elem>,
        want: Want,
        out: &mut Vec<Value>,
    ) -> R<Value> {
        match &cv.kind {
            CodeKind::Native(f) => {
                let f = *f;
                let start = out.len();
                let r = f(self, &args, want, out);
                if want != Want::List {
                    out.truncate(start);
                }
                r
            }
            CodeKind::Perl { .. } => {
                // Reuse a spare @_ (and keep the vector it had for the next
                // argument list).
                let av = match self.args_pool.pop() {
                    Some(a) => {
                        let old = a.with(|x| std::mem::replace(x, args));
                        if old.capacity() > 0 && self.vec_pool.len() < 64 {
                            self.vec_pool.push(old);
                        }
                        a
                    }
                    None => Array::from_elems(args),
                };
                self.call_with_av(cv, av, want, out)
            }
            CodeKind::Const(vals) => {
                if want == Want::List {
                    out.extend(vals.iter().cloned());
                    Ok(Value::Undef)
                } else {
                    Ok(vals.last().cloned().unwrap_or_default())
                }
            }
            CodeKind::Stub => {
                let name = cv.name.clone().unwrap_or_else(|| Rc::from("__ANON__"));
                if let Some(al) = self.autoload_for(&name) {
                    return self.call_sub(&al, args, want, out);
                }
                Err(self.die_msg(format!("Undefined subroutine &{name} called")))
            }
        }
    }

    /// `goto &sub`: the new sub replaces the current one, so while it runs
    /// the current frame is hidden and `caller` sees the original caller.
    #[cold]
    pub(crate) fn goto_sub(
        &mut self,
        cv: &Cv,
        args: Av,
        want: Want,
        out: &mut Vec<Value>,
    ) -> R<Value> {
        let hide = matches!(self.frames.last(), Some(f) if !f.is_eval);
        if !hide {
            return self.call_with_av(cv, args, want, out);
        }
        let frame = self.frames.pop().expect("frame checked above");
        let saved_pkg = std::mem::replace(&mut self.package, frame.package.clone());
        let saved_file = std::mem::replace(&mut self.file, frame.file.clone());
        let saved_line = std::mem::replace(&mut self.line, frame.line);
        let r = self.call_with_av(cv, args, want, out);
        self.package = saved_pkg;
        self.file = saved_file;
        self.line = saved_line;
        self.frames.push(frame);
        r
    }

    /// Call with a given `@_` array (shared for `&foo;` and `goto &foo`).
    pub fn call_with_av(
        &mut self,
        cv: &Cv,
        args: Av,
        want: Want,
        out: &mut Vec<Value>,
    ) -> R<Value> {
        let has_args = !std::mem::take(&mut self.amp_call);
        let (body, unit) = match &cv.kind {
            CodeKind::Perl { body, unit, .. } => (body, unit),
            _ => {
                let elems = args.with(|a| a.clone());
                return self.call_sub(cv, elems, want, out);
            }
        };
        if self.depth >= MAX_DEPTH {
            return Err(self.die_msg("Deep recursion limit exceeded"));
        }
        if self.lower_enabled && cv.lowered.get().is_none() {
            let low = self.lowered_sub(body, unit);
            let _ = cv.lowered.set(low);
        }
        let low = cv.lowered.get();
        let pad = match unsafe { (*cv.pads.get()).pop() } {
            Some(p) => p,
            None => self.fresh_pad(cv),
        };
        let sub_name: Rc<str> = match (&cv.name, low) {
            (Some(n), _) => n.clone(),
            (None, Some(l)) => l.anon_name.clone(),
            (None, None) => self.anon_name(body),
        };
        let frame_args = if self.track_args {
            Some(Rc::from(args.values()))
        } else {
            None
        };
        let frame = CallInfo {
            sub: sub_name,
            package: self.package.clone(),
            file: self.file.clone(),
            line: self.line,
            want,
            has_args,
            is_eval: false,
            args: frame_args,
        };
        self.push_frame(frame);
        let cv_depth = cv.depth.get() + 1;
        cv.depth.set(cv_depth);
        if cv_depth == 100 {
            self.deep_recursion_warning(cv);
        }
        let saved_pad = std::mem::replace(&mut self.pad, pad);
        let saved_args = std::mem::replace(&mut self.args, args);
        let saved_sub = self.cur_sub.replace(cv.clone());
        let saved_want = std::mem::replace(&mut self.want, want);
        let saved_unit = if Rc::ptr_eq(&self.unit, unit) {
            None
        } else {
            Some(std::mem::replace(&mut self.unit, unit.clone()))
        };
        let saved_file = if Rc::ptr_eq(&self.file, &unit.file) {
            None
        } else {
            Some(std::mem::replace(&mut self.file, unit.file.clone()))
        };
        let saved_pkg = match low {
            Some(l) if Rc::ptr_eq(&self.package, &l.package) => None,
            _ if *self.package == *body.package => None,
            Some(l) => Some(std::mem::replace(&mut self.package, l.package.clone())),
            None => {
                let p = self.package_name(&body.package);
                Some(std::mem::replace(&mut self.package, p))
            }
        };
        let saved_line = self.line;
        let saved_hints = self.hints;
        let mark = self.savestack.len();
        self.depth += 1;
        let start = out.len();
        let r = match low {
            Some(low) => low.body.run(self, want, out),
            None => self.body_value(&body.body, want, out),
        };
        self.depth -= 1;
        cv.depth.set(cv_depth - 1);
        self.unwind(mark);
        let pad = std::mem::replace(&mut self.pad, saved_pad);
        self.recycle_pad(cv, pad);
        let args = std::mem::replace(&mut self.args, saved_args);
        if Rc::strong_count(&args) == 1 && self.args_pool.len() < 64 {
            args.clear();
            self.args_pool.push(args);
        }
        self.cur_sub = saved_sub;
        self.want = saved_want;
        if let Some(u) = saved_unit {
            self.unit = u;
        }
        if let Some(f) = saved_file {
            self.file = f;
        }
        if let Some(p) = saved_pkg {
            self.package = p;
        }
        self.line = saved_line;
        self.hints = saved_hints;
        self.frames.pop();
        match r {
            Ok(v) => Ok(v),
            Err(f @ (Flow::Last | Flow::Next | Flow::Redo)) => {
                self.exiting_via("subroutine", &f);
                Err(f)
            }
            Err(Flow::Return) => Ok(self.returned(want, out, start)),
            Err(f) => Err(f),
        }
    }

    /// The value a `return` left (in `ret_val`/`ret_list`), for a call in
    /// context `want` whose list values start at `out[start]`.
    pub(super) fn returned(&mut self, want: Want, out: &mut Vec<Value>, start: usize) -> Value {
        out.truncate(start);
        if want == Want::List {
            out.append(&mut self.ret_list);
            Value::Undef
        } else {
            std::mem::take(&mut self.ret_val)
        }
    }

    /// The closure form of a sub body, shared by every closure of it.
    #[cold]
    pub(super) fn lowered_sub(
        &mut self,
        body: &Arc<ast::SubBody>,
        unit: &Rc<Unit>,
    ) -> Rc<super::lower::LoweredSub> {
        let key = Arc::as_ptr(body) as usize;
        if let Some((w, low)) = self.lowered_subs.get(&key) {
            if w.strong_count() > 0 {
                return low.clone();
            }
        }
        let anon_name = self.anon_name(body);
        let package = self.package_name(&body.package);
        let low = Rc::new(super::lower::lower_sub(
            self, unit, body, anon_name, package,
        ));
        self.lowered_subs
            .insert(key, (Arc::downgrade(body), low.clone()));
        self.note_cache_key(key);
        low
    }

    /// The closure form of a block whose value is used, if lowering is on.
    pub(crate) fn lowered_block(&mut self, b: &Block) -> Option<Rc<super::lower::LoweredBody>> {
        if !self.lower_enabled {
            return None;
        }
        // (Entries of freed string-eval code were purged when any newer
        // code was loaded, see `load_unit`.)
        let key = b as *const Block as usize;
        if let Some(low) = self.lowered_blocks.get(&key) {
            return Some(low.clone());
        }
        let low = Rc::new(super::lower::lower_block(self, b));
        self.lowered_blocks.insert(key, low.clone());
        self.note_cache_key(key);
        Some(low)
    }

    /// Push a call frame. Field by field into the vector's memory: built
    /// on the stack and copied, the frame's small fields (written one byte
    /// at a time) are read back as one word, which stalls the CPU's store
    /// forwarding on every call.
    #[inline(always)]
    fn push_frame(&mut self, f: CallInfo) {
        let len = self.frames.len();
        if len == self.frames.capacity() {
            self.frames.reserve(64);
        }
        let CallInfo {
            sub,
            package,
            file,
            line,
            want,
            has_args,
            is_eval,
            args,
        } = f;
        // SAFETY: capacity was reserved above; every field is written
        // before the length covers the slot.
        unsafe {
            let p = self.frames.as_mut_ptr().add(len);
            std::ptr::addr_of_mut!((*p).sub).write(sub);
            std::ptr::addr_of_mut!((*p).package).write(package);
            std::ptr::addr_of_mut!((*p).file).write(file);
            std::ptr::addr_of_mut!((*p).line).write(line);
            std::ptr::addr_of_mut!((*p).want).write(want);
            std::ptr::addr_of_mut!((*p).has_args).write(has_args);
            std::ptr::addr_of_mut!((*p).is_eval).write(is_eval);
            std::ptr::addr_of_mut!((*p).args).write(args);
            self.frames.set_len(len + 1);
        }
    }

    /// A new pad for a call of `cv`: fresh containers, the closure's captured
    /// ones, and its `state` variables (created once per closure).
    fn fresh_pad(&mut self, cv: &Cv) -> Vec<PadSlot> {
        let CodeKind::Perl { body, captured, .. } = &cv.kind else {
            return Vec::new();
        };
        let mut pad = super::new_pad(body);
        for (slot, c) in captured {
            pad[*slot as usize] = c.clone();
        }
        let state = unsafe { &mut *cv.state.get() };
        for (i, e) in body.pad.iter().enumerate() {
            if !e.is_state {
                continue;
            }
            match state.iter().find(|(s, _)| *s as usize == i) {
                Some((_, c)) => pad[i] = c.clone(),
                None => state.push((i as u32, pad[i].clone())),
            }
        }
        pad
    }

    /// After a call: reset the pad's own variables and keep it for the next
    /// call (perl likewise reuses a sub's pad). Containers something else
    /// still holds (a closure, a reference) are left to it and replaced.
    fn recycle_pad(&mut self, cv: &Cv, mut pad: Vec<PadSlot>) {
        let CodeKind::Perl { body, captured, .. } = &cv.kind else {
            return;
        };
        let pool = unsafe { &mut *cv.pads.get() };
        if pool.len() >= 8 {
            return;
        }
        if let Some(low) = cv.lowered.get() {
            // Latest declared first, as perl's save stack unwinds.
            for &i in low.reset_slots.iter().rev() {
                pad[i as usize].release();
            }
        } else {
            for (i, slot) in pad.iter_mut().enumerate().rev() {
                if body.pad[i].is_state || captured.iter().any(|(s, _)| *s as usize == i) {
                    continue;
                }
                slot.release();
            }
        }
        pool.push(pad);
        // Objects the sub's variables held are destroyed before the caller
        // goes on, as perl frees a sub's pad on return.
        if crate::destroy::pending() {
            self.run_destructors();
        }
    }

    #[cold]
    fn deep_recursion_warning(&mut self, cv: &Cv) {
        if !self.warnings_on() || self.hints & ast::hints::NO_RECURSION_WARN != 0 {
            return;
        }
        let msg = match &cv.name {
            Some(n) => format!("Deep recursion on subroutine \"{n}\""),
            None => "Deep recursion on anonymous subroutine".to_string(),
        };
        self.warn_str(&msg);
    }

    /// `Pkg::__ANON__`, built once per anonymous sub body.
    fn anon_name(&mut self, body: &Arc<ast::SubBody>) -> Rc<str> {
        let key = Arc::as_ptr(body) as usize;
        if let Some(n) = self.anon_names.get(&key) {
            return n.clone();
        }
        let n: Rc<str> = Rc::from(format!("{}::__ANON__", body.package));
        self.anon_names.insert(key, n.clone());
        self.note_cache_key(key);
        n
    }

    /// Run a block and yield the value of its last statement in `want`
    /// context (a sub's implicit return value, `do BLOCK`).
    pub fn block_value(&mut self, b: &Block, want: Want, out: &mut Vec<Value>) -> R<Value> {
        self.in_scope(&b.my_slots, b.has_local, |it| it.seq_value(b, want, out))
    }

    /// A block's statements (without its scope) and the value of the last,
    /// `goto`'s labels honoured.
    fn seq_value(&mut self, b: &Block, want: Want, out: &mut Vec<Value>) -> R<Value> {
        let start = out.len();
        self.with_labels(&b.labels, |it, from| {
            out.truncate(start);
            it.block_value_inner(&b.stmts[from..], want, out)
        })
    }

    /// A sub body: its pad is dropped on return, so its `my` variables need
    /// no release.
    pub(super) fn body_value(&mut self, b: &Block, want: Want, out: &mut Vec<Value>) -> R<Value> {
        self.in_scope(&[], b.has_local, |it| match b.stmts.split_last() {
            _ if !b.labels.is_empty() => it.seq_value(b, want, out),
            // A final `return EXPR` is just the body's value: no unwinding.
            Some((
                Statement {
                    kind: Stmt::Expr(Expr::Return(e)),
                    line,
                    hints,
                },
                init,
            )) => {
                for s in init {
                    it.exec_stmt(s)?;
                }
                it.enter_stmt(*line, *hints)?;
                match e {
                    None => Ok(Value::Undef),
                    Some(e) => it.expr_in(e, want, out),
                }
            }
            _ => it.block_value_inner(&b.stmts, want, out),
        })
    }

    /// The value of `e` in context `want` (list values go to `out`).
    #[inline]
    fn expr_in(&mut self, e: &Expr, want: Want, out: &mut Vec<Value>) -> R<Value> {
        match want {
            Want::List => {
                self.list(e, out)?;
                Ok(Value::Undef)
            }
            Want::Scalar => self.sv(e),
            Want::Void => {
                self.void(e)?;
                Ok(Value::Undef)
            }
        }
    }

    fn block_value_inner(
        &mut self,
        stmts: &[Statement],
        want: Want,
        out: &mut Vec<Value>,
    ) -> R<Value> {
        let Some((last, init)) = stmts.split_last() else {
            return Ok(Value::Undef);
        };
        for s in init {
            self.exec_stmt(s)?;
        }
        self.stmt_value(last, want, out)
    }

    pub(super) fn stmt_value(
        &mut self,
        s: &Statement,
        want: Want,
        out: &mut Vec<Value>,
    ) -> R<Value> {
        match &s.kind {
            Stmt::Expr(e) => {
                self.enter_stmt(s.line, s.hints)?;
                self.expr_in(e, want, out)
            }
            Stmt::If {
                conds,
                otherwise,
                unless,
            } => {
                self.line = s.line;
                self.hints = s.hints;
                let mut last_cond = Value::Undef;
                for (i, (c, b)) in conds.iter().enumerate() {
                    // `unless (X)`: the value left is X's own.
                    let v = match c {
                        Expr::Not(inner) if *unless && i == 0 => {
                            let x = self.sv(inner)?;
                            if !x.truthy() {
                                return self.block_value(b, want, out);
                            }
                            last_cond = x;
                            continue;
                        }
                        c => self.sv(c)?,
                    };
                    if v.truthy() {
                        return self.block_value(b, want, out);
                    }
                    last_cond = v;
                }
                if let Some(b) = otherwise {
                    return self.block_value(b, want, out);
                }
                if want == Want::List {
                    out.push(last_cond.clone());
                }
                Ok(last_cond)
            }
            Stmt::Block {
                label: None,
                body,
                cont: None,
            } => self.block_value(body, want, out),
            Stmt::While { .. } | Stmt::ForC { .. } | Stmt::Foreach { .. } => {
                // A loop left as a sub's last statement yields perl's
                // false value ("").
                self.exec_stmt(s)?;
                let v = Value::bytes(b"");
                if want == Want::List {
                    out.push(v.clone());
                }
                Ok(v)
            }
            _ => {
                self.exec_stmt(s)?;
                Ok(Value::Undef)
            }
        }
    }

    /// `return EXPR`: evaluate in the sub's context and unwind.
    pub fn do_return(&mut self, e: Option<&Expr>) -> R<Value> {
        match self.want {
            Want::List => {
                let mut vals = Vec::new();
                if let Some(e) = e {
                    self.list(e, &mut vals)?;
                }
                self.ret_list = vals;
            }
            Want::Scalar => {
                self.ret_val = match e {
                    Some(e) => self.sv(e)?,
                    None => Value::Undef,
                };
            }
            Want::Void => {
                if let Some(e) = e {
                    self.void(e)?;
                }
            }
        }
        Err(Flow::Return)
    }

    pub fn do_block(&mut self, b: &Block, want: Want, out: &mut Vec<Value>) -> R<Value> {
        self.block_value(b, want, out)
    }

    /// `last` etc. with no loop running: perl warns for each sub and eval
    /// it would leave, then dies where the `last` is.
    #[cold]
    pub fn no_loop_for(&mut self, kind: ast::LoopCtlKind) -> Flow {
        let word = match kind {
            ast::LoopCtlKind::Last => "last",
            ast::LoopCtlKind::Next => "next",
            ast::LoopCtlKind::Redo => "redo",
        };
        let evals: Vec<bool> = self.frames.iter().rev().map(|f| f.is_eval).collect();
        for is_eval in evals {
            let what = if is_eval { "eval" } else { "subroutine" };
            if self.warnings_on() {
                self.warn_str(&format!("Exiting {what} via {word}"));
            }
        }
        let label = match &self.flow_label {
            Some(l) => format!("Label not found for \"{word} {l}\""),
            None => format!("Can't \"{word}\" outside a loop block"),
        };
        self.flow_label = None;
        self.die_msg(label)
    }

    /// A `next`/`last`/`redo` leaving a sub or eval for an enclosing loop.
    #[cold]
    fn exiting_via(&mut self, what: &str, f: &Flow) {
        if !self.flow_warn {
            return;
        }
        let word = match f {
            Flow::Last => "last",
            Flow::Next => "next",
            _ => "redo",
        };
        let line = std::mem::replace(&mut self.line, self.flow_line);
        let file = std::mem::replace(&mut self.file, self.flow_file.clone());
        self.warn_str(&format!("Exiting {what} via {word}"));
        self.line = line;
        self.file = file;
    }

    /// `eval BLOCK`: catch `die`, set `$@`.
    pub fn eval_block(&mut self, b: &Block, want: Want, out: &mut Vec<Value>) -> R<Value> {
        let start = out.len();
        let mark = self.savestack.len();
        let depth = self.depth;
        let frames = self.frames.len();
        self.frames.push(CallInfo {
            sub: Rc::from("(eval)"),
            package: self.package.clone(),
            file: self.file.clone(),
            line: self.line,
            want,
            has_args: false,
            is_eval: true,
            args: None,
        });
        let line = self.line;
        // `$@` is cleared on entry (a bare `die` inside sees it empty), and
        // `return` leaves the eval, not the enclosing sub, in the eval's
        // context.
        self.gv(wk::EVAL_ERROR).sv().set(Value::bytes(b""));
        let saved_want = std::mem::replace(&mut self.want, want);
        let mut r = self
            .block_value(b, want, out)
            .and_then(|v| self.raise_warn_die().map(|_| v));
        self.want = saved_want;
        self.frames.truncate(frames);
        if let Err(f @ (Flow::Last | Flow::Next | Flow::Redo)) = &r {
            self.exiting_via("eval", f);
        }
        if let Err(Flow::Return) = r {
            r = Ok(self.returned(want, out, start));
        }
        match r {
            Ok(v) => {
                self.gv(wk::EVAL_ERROR).sv().set(Value::bytes(b""));
                Ok(v)
            }
            Err(Flow::Die) => {
                self.unwind(mark);
                self.depth = depth;
                self.line = line;
                out.truncate(start);
                let err = std::mem::take(&mut self.die_value);
                self.gv(wk::EVAL_ERROR).sv().set(err);
                Ok(Value::Undef)
            }
            Err(f) => Err(f),
        }
    }

    /// `eval STRING`.
    pub fn eval_string(&mut self, e: &Expr, want: Want, out: &mut Vec<Value>) -> R<Value> {
        let Expr::EvalStr {
            code,
            scope,
            ours,
            package,
            strict,
            features,
            bytes,
        } = e
        else {
            unreachable!("eval_string on a non-eval node")
        };
        let mut src = self.sv(code)?;
        let mut hints = self.hints;
        if *bytes {
            // evalbytes: the code is a byte string, and the caller's
            // `use utf8` does not apply to it.
            if crate::convert::is_utf8(&src) {
                match crate::value::downgrade(&to_bytes(&src)) {
                    Some(b) => src = Value::bytes(&b),
                    None => return Err(self.die_msg("Wide character in evalbytes")),
                }
            }
            hints &= !ast::hints::UTF8;
        }
        let src_utf8 = crate::convert::is_utf8(&src);
        if src_utf8 {
            // A character string is character source.
            hints |= ast::hints::UTF8;
        }
        let src = to_bytes(&src).into_owned();
        self.eval_counter += 1;
        let file = format!("(eval {})", self.eval_counter);
        let es = crate::parse::EvalScope {
            package: package.to_string(),
            lexicals: scope.as_ref().clone(),
            ours: ours.as_ref().clone(),
            hints,
            features: *features,
            strict_vars: strict & 1 != 0,
            strict_subs: strict & 2 != 0,
            in_sub: !self.frames.is_empty(),
        };
        let prog = match self.compile_eval(&src, &file, &es) {
            Ok(p) => p,
            Err(e) => {
                let msg = e.to_string();
                self.gv(wk::EVAL_ERROR).sv().set(Value::string(msg));
                return Ok(Value::Undef);
            }
        };
        let (unit, _) = self.load_unit(prog, true);
        let prog = unit.program.clone();
        if self.warnings_on() {
            self.warn_eval_redefined(&prog.subs);
        }
        self.install_subs_from(&unit, &prog.subs);
        self.install_formats(&unit, &prog.formats);
        if !prog.begin.is_empty() {
            // BEGIN blocks (and `use`) run as the eval compiles.
            if let Some(err) = self.eval_begin_blocks(&unit, &prog)? {
                self.gv(wk::EVAL_ERROR).sv().set(err);
                return Ok(Value::Undef);
            }
        }
        let mut cv = self.instantiate(&prog.main, &unit);
        // `caller` names the eval's frame `(eval)`.
        if let Some(c) = Rc::get_mut(&mut cv) {
            c.name = Some(Rc::from("(eval)"));
        }
        let start = out.len();
        let frames = self.frames.len();
        let depth = self.depth;
        let mark = self.savestack.len();
        let args = self.args.clone();
        self.eval_texts.push(Rc::new(PStr {
            bytes: src,
            utf8: src_utf8,
        }));
        let r = self
            .call_eval_body(&cv, args, want, out)
            .and_then(|v| self.raise_warn_die().map(|_| v));
        self.eval_texts.pop();
        self.frames.truncate(frames);
        match r {
            Ok(v) => {
                self.gv(wk::EVAL_ERROR).sv().set(Value::bytes(b""));
                Ok(v)
            }
            Err(Flow::Die) => {
                self.unwind(mark);
                self.depth = depth;
                out.truncate(start);
                let err = std::mem::take(&mut self.die_value);
                self.gv(wk::EVAL_ERROR).sv().set(err);
                Ok(Value::Undef)
            }
            Err(f) => Err(f),
        }
    }

    /// Compile code for a string eval (or an interactive entry) where
    /// `scope` describes; its compile-time warnings go through `warn`
    /// handlers like run-time ones.
    // The parser's own result type (see parse/mod.rs), passed on as it is.
    #[allow(clippy::result_large_err)]
    pub(super) fn compile_eval(
        &mut self,
        src: &[u8],
        file: &str,
        scope: &crate::parse::EvalScope,
    ) -> Result<ast::Program, crate::parse::ParseError> {
        let outer = crate::parse::capture_compile_warnings(true);
        let parsed = crate::parse::parse_eval(src, file, scope);
        let warnings = crate::parse::capture_compile_warnings(false);
        if let Some(o) = outer {
            // Compiled while another string eval compiles.
            crate::parse::capture_compile_warnings(true);
            for w in o {
                crate::parse::emit_compile_warning(w);
            }
        }
        for w in warnings.unwrap_or_default() {
            self.emit_warning(Value::string(w));
        }
        parsed
    }

    /// Run a string eval's main code like a sub (so `return` leaves the
    /// eval) but keeping the caller's `@_` and `wantarray`.
    fn call_eval_body(&mut self, cv: &Cv, args: Av, want: Want, out: &mut Vec<Value>) -> R<Value> {
        let r = self.call_with_av(cv, args, want, out);
        // The frame pushed for the call reads as an eval frame to `caller`.
        r
    }

    /// Run a string eval's BEGIN blocks; `Some(error)` when one died (the
    /// eval then fails, as a compilation error).
    pub(super) fn eval_begin_blocks(
        &mut self,
        unit: &Rc<Unit>,
        prog: &ast::Program,
    ) -> R<Option<Value>> {
        let saved_unit = std::mem::replace(&mut self.unit, unit.clone());
        let saved_pad = std::mem::replace(&mut self.pad, super::new_pad(&prog.main));
        let saved_line = self.line;
        let saved_file = std::mem::replace(&mut self.file, unit.file.clone());
        let mark = self.savestack.len();
        let mut failed = None;
        let mut other = None;
        for b in &prog.begin {
            match self.exec_block(b) {
                Ok(()) => {}
                Err(Flow::Die) => {
                    failed = Some(b.stmts.last().map_or(1, |s| s.line));
                    break;
                }
                Err(f) => {
                    other = Some(f);
                    break;
                }
            }
        }
        self.unwind(mark);
        self.pad = saved_pad;
        self.unit = saved_unit;
        self.line = saved_line;
        self.file = saved_file;
        if let Some(f) = other {
            return Err(f);
        }
        Ok(failed.map(|line| {
            // Even a reference is stringified, as in perl.
            let err = std::mem::take(&mut self.die_value);
            let mut s = to_bytes(&err).into_owned();
            s.extend_from_slice(
                format!(
                    "BEGIN failed--compilation aborted at {} line {line}.\n",
                    prog.file
                )
                .as_bytes(),
            );
            Value::bytes(&s)
        }))
    }

    /// "Subroutine %s redefined" for the subs a string eval defines again.
    #[cold]
    pub(super) fn warn_eval_redefined(&mut self, subs: &[Arc<ast::SubBody>]) {
        if self.hints & ast::hints::NO_WARN_OTHER != 0 {
            return;
        }
        for s in subs {
            let Some(name) = &s.name else { continue };
            let Some(g) = self.glob_opt(name) else {
                continue;
            };
            let Some(old) = g.code() else { continue };
            let prefix = format!("{}::", s.package);
            let shown = name.strip_prefix(&prefix).unwrap_or(name);
            let at = format!("at {} line {}.\n", s.file, s.line);
            match &old.kind {
                CodeKind::Perl { .. } => {
                    let msg = format!("Subroutine {shown} redefined {at}");
                    self.emit_warning(Value::string(msg));
                }
                CodeKind::Const(_) => {
                    let new_proto = match &s.prototype {
                        Some(p) => format!("({p})"),
                        None => "none".to_string(),
                    };
                    if new_proto != "()" {
                        let msg = format!("Prototype mismatch: sub {name} () vs {new_proto} {at}");
                        self.emit_warning(Value::string(msg));
                    }
                    let msg = format!("Constant subroutine {shown} redefined {at}");
                    self.emit_warning(Value::string(msg));
                }
                _ => {}
            }
        }
    }

    /// Formats are compiled subs, kept by their qualified names (perl's
    /// glob FORMAT slot).
    pub fn install_formats(&mut self, unit: &Rc<Unit>, formats: &[Arc<ast::SubBody>]) {
        for f in formats {
            let Some(name) = &f.name else { continue };
            let cv = self.instantiate(f, unit);
            self.formats.insert(name.clone(), cv);
        }
    }

    pub fn install_subs_from(&mut self, unit: &Rc<Unit>, subs: &[Arc<ast::SubBody>]) {
        for s in subs {
            let Some(name) = &s.name else { continue };
            let cv = self.instantiate(s, unit);
            let g = self.glob(name);
            g.set_code(Some(cv));
        }
        self.method_cache.clear();
    }

    /// A signature's arity check.
    /// A signature's slurpy hash got an odd number of arguments.
    pub fn sig_odd_hash(&mut self) -> R<()> {
        let name = self
            .frames
            .last()
            .map(|f| f.sub.to_string())
            .unwrap_or_else(|| "main::__ANON__".into());
        let caller = self.frames.last().map(|f| (f.file.clone(), f.line));
        let (file, line) = caller.unwrap_or((self.file.clone(), self.line));
        let msg =
            format!("Odd name/value argument for subroutine '{name}' at {file} line {line}.\n");
        self.die_value = Value::string(msg);
        Err(self.throw())
    }

    pub fn sig_check(&mut self, min: u32, max: Option<u32>) -> R<()> {
        let n = self.args.len();
        let name = self
            .frames
            .last()
            .map(|f| f.sub.to_string())
            .unwrap_or_else(|| "main::__ANON__".into());
        if n < min as usize {
            let caller = self.frames.last().map(|f| (f.file.clone(), f.line));
            let (file, line) = caller.unwrap_or((self.file.clone(), self.line));
            let msg = format!(
                "Too few arguments for subroutine '{name}' (got {n}; expected {}{min}) at {file} line {line}.\n",
                if max == Some(min) { "" } else { "at least " }
            );
            self.die_value = Value::string(msg);
            return Err(self.throw());
        }
        if let Some(m) = max {
            if n > m as usize {
                let caller = self.frames.last().map(|f| (f.file.clone(), f.line));
                let (file, line) = caller.unwrap_or((self.file.clone(), self.line));
                let msg = format!(
                    "Too many arguments for subroutine '{name}' (got {n}; expected {}{m}) at {file} line {line}.\n",
                    if Some(min) == max { "" } else { "at most " }
                );
                self.die_value = Value::string(msg);
                return Err(self.throw());
            }
        }
        Ok(())
    }

    // ------------------------------------------------------------ lookup

    /// The sub a named call refers to. The glob is found once per call site
    /// (keyed by the node's address: the tree is immutable and outlives the
    /// cache) and its code read on every call, so redefinitions are seen.
    #[inline]
    fn call_target(&mut self, node: &Expr, name: &str) -> Option<Cv> {
        let key = node as *const Expr as usize;
        let g = match self.call_cache.get(&key) {
            Some(g) => g.clone(),
            None => {
                let g = self.glob(name);
                self.call_cache.insert(key, g.clone());
                self.note_cache_key(key);
                g
            }
        };
        match g.code() {
            Some(c) if !matches!(c.kind, CodeKind::Stub) => Some(c),
            _ => None,
        }
    }

    pub fn find_sub(&mut self, name: &str) -> Option<Cv> {
        let g = self.symbols.get(name)?;
        let c = g.code()?;
        if matches!(c.kind, CodeKind::Stub) {
            return None;
        }
        Some(c)
    }

    /// For a call of `name` that has no body: the `AUTOLOAD` of the package
    /// its stub came from (an imported `\&Other::name` not yet defined),
    /// else that of `name`'s own package.
    #[cold]
    fn stub_autoload(&mut self, name: &str) -> Option<Cv> {
        let stub_name = self
            .symbols
            .get(name)
            .and_then(|g| g.code())
            .and_then(|c| c.name.clone());
        if let Some(sn) = stub_name {
            if &*sn != name {
                // The stub may have been defined since it was imported.
                if let Some(cv) = self.find_sub(&sn) {
                    return Some(cv);
                }
                if let Some(cv) = self.autoload_for(&sn) {
                    return Some(cv);
                }
            }
        }
        self.autoload_for(name)
    }

    /// The `AUTOLOAD` sub that would handle a call to the undefined sub
    /// `name`, with `$AUTOLOAD` set.
    fn autoload_for(&mut self, name: &str) -> Option<Cv> {
        let (pkg, _) = name.rsplit_once("::")?;
        let al = self.find_sub(&format!("{pkg}::AUTOLOAD"))?;
        let g = self.glob(&format!("{pkg}::AUTOLOAD"));
        g.sv().set(Value::from_str(name));
        Some(al)
    }

    /// Method resolution order of a class (depth-first, as perl's default).
    /// The classes a method is looked for in, in order: C3 for classes
    /// that asked for it (`use mro 'c3'`), else depth-first.
    pub fn mro(&mut self, class: &str) -> Vec<String> {
        if self.c3_classes.contains(class) {
            if let Ok(lin) = self.c3_linearize(class, 0) {
                return lin;
            }
        }
        self.dfs_linearize(class)
    }

    /// Depth-first, left to right, each class once (perl's default).
    pub fn dfs_linearize(&mut self, class: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.mro_into(class, &mut out, 0);
        out
    }

    fn mro_into(&mut self, class: &str, out: &mut Vec<String>, depth: usize) {
        if depth > 100 || out.iter().any(|c| c == class) {
            return;
        }
        out.push(class.to_string());
        for p in self.parents(class) {
            self.mro_into(&p, out, depth + 1);
        }
    }

    pub fn find_method(&mut self, class: &str, name: &str) -> Option<Cv> {
        if let Some(c) = self.method_cache.get(class, name) {
            return c;
        }
        let mut found = None;
        for c in self.mro(class) {
            if let Some(cv) = self.find_sub(&format!("{c}::{name}")) {
                found = Some(cv);
                break;
            }
        }
        if found.is_none() {
            found = self.find_sub(&format!("UNIVERSAL::{name}"));
        }
        self.method_cache.insert(class, name, found.clone());
        found
    }

    pub fn isa(&mut self, class: &str, target: &str) -> bool {
        target == "UNIVERSAL" || self.mro(class).iter().any(|c| c == target)
    }

    /// The class a method call dispatches on, or an error message.
    pub fn invocant_class(&mut self, inv: &Value, method: &str) -> R<Rc<str>> {
        if let Some(c) = inv.blessed() {
            return Ok(c);
        }
        match inv {
            Value::Undef => Err(self.die_msg(format!(
                "Can't call method \"{method}\" on an undefined value"
            ))),
            Value::Str(s) if s.bytes.is_empty() => Err(self.die_msg(format!(
                "Can't call method \"{method}\" without a package or object reference"
            ))),
            Value::Str(_) | Value::Int(_) | Value::Num(_) => {
                let s = String::from_utf8_lossy(&to_bytes(inv)).into_owned();
                // perl takes any non-empty string (even "3" or "a b") as a
                // package name here, unless it names an open filehandle
                // (`STDOUT->autoflush`).
                let s = s.strip_prefix("::").unwrap_or(&s).to_string();
                if matches!(inv, Value::Str(_))
                    && !self.package_exists(&s)
                    && self.handle_of(inv).is_some()
                {
                    return Ok(Rc::from("IO::File"));
                }
                Ok(Rc::from(s.as_str()))
            }
            Value::Glob(g) | Value::GlobRef(g) => {
                // Methods on filehandles go to IO::File.
                let _ = g;
                Ok(Rc::from("IO::File"))
            }
            _ => Err(self.die_msg(format!(
                "Can't call method \"{method}\" on unblessed reference"
            ))),
        }
    }

    pub fn call_method(
        &mut self,
        inv: &Value,
        name: &str,
        args: Vec<Elem>,
        want: Want,
        out: &mut Vec<Value>,
        _maybe_class: bool,
    ) -> R<Value> {
        let class = self.invocant_class(inv, name)?;
        // Plain method names (the common case) skip the qualified-name
        // handling below.
        if !name.as_bytes().contains(&b':') {
            if let Some(cv) = self.find_method(&class, name) {
                return self.call_sub(&cv, args, want, out);
            }
        }
        let (start_class, meth): (String, &str) = if let Some(m) = name.strip_prefix("SUPER::") {
            // SUPER:: is relative to the package the calling sub was compiled in.
            let pkg = self
                .cur_sub
                .as_ref()
                .and_then(|c| c.body().map(|b| b.package.clone()))
                .unwrap_or_else(|| self.package.to_string());
            for p in self.parents(&pkg) {
                if let Some(cv) = self.find_method(&p, m) {
                    return self.call_sub(&cv, args, want, out);
                }
            }
            return Err(self.die_msg(format!(
                "Can't locate object method \"{m}\" via package \"{pkg}\""
            )));
        } else if let Some((pkg, m)) = name.rsplit_once("::") {
            (pkg.to_string(), m)
        } else {
            if let Some(cv) = self.find_method(&class, name) {
                return self.call_sub(&cv, args, want, out);
            }
            (class.to_string(), name)
        };
        if let Some(cv) = self.find_method(&start_class, meth) {
            return self.call_sub(&cv, args, want, out);
        }
        // Universal methods implemented natively.
        if let Some(r) = self.universal_method(&class, meth, &args, want, out)? {
            return Ok(r);
        }
        if let Some(al) = self.find_method(&start_class, "AUTOLOAD") {
            let owner = al
                .name
                .as_deref()
                .and_then(|n| n.rsplit_once("::").map(|(p, _)| p.to_string()));
            let owner = owner.unwrap_or_else(|| start_class.clone());
            let g = self.glob(&format!("{owner}::AUTOLOAD"));
            g.sv().set(Value::string(format!("{class}::{meth}")));
            return self.call_sub(&al, args, want, out);
        }
        let known = self.package_exists(&class);
        Err(self.die_msg(format!(
            "Can't locate object method \"{meth}\" via package \"{class}\"{}",
            if known || inv.blessed().is_some() {
                String::new()
            } else {
                format!(" (perhaps you forgot to load \"{class}\"?)")
            }
        )))
    }

    pub fn package_exists(&self, pkg: &str) -> bool {
        if self.blessed_pkgs.contains(pkg) || self.mro_declared.contains(pkg) {
            return true;
        }
        let prefix = format!("{pkg}::");
        self.symbols.keys().any(|k| k.starts_with(&prefix))
    }

    /// `VERSION`, `import` and `unimport` when no Perl definition exists
    /// (`isa`, `can` and `DOES` are native subs in `UNIVERSAL`).
    fn universal_method(
        &mut self,
        class: &str,
        meth: &str,
        args: &[Elem],
        want: Want,
        out: &mut Vec<Value>,
    ) -> R<Option<Value>> {
        let r = match meth {
            "VERSION" => {
                let existed = self.package_exists(class);
                let have = self.glob(&format!("{class}::VERSION")).sv().get();
                if let Some(want_v) = args.get(1).map(Elem::get) {
                    if have.is_undef() {
                        let msg = if existed {
                            format!(
                                "{class} does not define ${class}::VERSION--version check failed"
                            )
                        } else {
                            format!(
                                "{class} defines neither package nor VERSION--version check failed"
                            )
                        };
                        return Err(self.die_msg(msg));
                    }
                    // Decimal versions compare as numbers (dotted v-strings
                    // are not supported here).
                    if crate::convert::to_f64(&want_v) > crate::convert::to_f64(&have) {
                        let msg = format!(
                            "{class} version {} required--this is only version {}",
                            String::from_utf8_lossy(&to_bytes(&want_v)),
                            String::from_utf8_lossy(&to_bytes(&have))
                        );
                        return Err(self.die_msg(msg));
                    }
                }
                have
            }
            "new" if class == "IO::File" || class == "IO::Handle" => return Ok(None),
            "import" | "unimport" => Value::Undef,
            _ => return Ok(None),
        };
        if want == Want::List {
            out.push(r.clone());
        }
        Ok(Some(r))
    }

    // ------------------------------------------------------------ overload

    /// Operator overloading hooks: filled in by the overload support; with no
    /// `use overload` in the program these return `None` quickly.
    pub fn overload_binop(&mut self, op: ast::BinOp, a: &Value, b: &Value) -> R<Option<Value>> {
        if a.blessed().is_none() && b.blessed().is_none() {
            return Ok(None);
        }
        use ast::BinOp::*;
        let sym = match op {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Mod => "%",
            Pow => "**",
            Concat => ".",
            NumEq => "==",
            NumNe => "!=",
            NumLt => "<",
            NumGt => ">",
            NumLe => "<=",
            NumGe => ">=",
            NumCmp => "<=>",
            StrEq => "eq",
            StrNe => "ne",
            StrLt => "lt",
            StrGt => "gt",
            StrLe => "le",
            StrGe => "ge",
            StrCmp => "cmp",
            Repeat => "x",
            _ => return Ok(None),
        };
        // A handler of either operand, called with (self, other, swapped).
        for (obj, other, swapped) in [(a, b, false), (b, a, true)] {
            let Some(class) = obj.blessed() else { continue };
            if let Some(cv) = self.find_method(&class, &format!("({sym}")) {
                return self
                    .call_handler(&cv, obj, other.clone(), super::expr::bool_val(swapped))
                    .map(Some);
            }
        }
        // Comparisons perl derives from `<=>` and `cmp`.
        let derived = match op {
            NumEq | NumNe | NumLt | NumGt | NumLe | NumGe => Some("(<=>"),
            StrEq | StrNe | StrLt | StrGt | StrLe | StrGe => Some("(cmp"),
            _ => None,
        };
        if let Some(name) = derived {
            for (obj, other, swapped) in [(a, b, false), (b, a, true)] {
                let Some(class) = obj.blessed() else { continue };
                if let Some(cv) = self.find_method(&class, name) {
                    let c =
                        self.call_handler(&cv, obj, other.clone(), super::expr::bool_val(swapped))?;
                    let c = crate::convert::to_f64(&c);
                    let c = if swapped { -c } else { c };
                    let r = match op {
                        NumEq | StrEq => c == 0.0,
                        NumNe | StrNe => c != 0.0,
                        NumLt | StrLt => c < 0.0,
                        NumGt | StrGt => c > 0.0,
                        NumLe | StrLe => c <= 0.0,
                        _ => c >= 0.0,
                    };
                    return Ok(Some(super::expr::bool_val(r)));
                }
            }
        }
        // No handler and none derived: `nomethod`, given the operator.
        for (obj, other, swapped) in [(a, b, false), (b, a, true)] {
            if let Some(r) = self.overload_nomethod(obj, other, swapped, sym)? {
                return Ok(Some(r));
            }
        }
        // With `fallback` undef (or false) an operator with no handler and
        // none derived is an error, except `.` and `x` (with `fallback`
        // undef), which use the `""` conversion.
        let fa = self.overload_fallback(a);
        let fb = self.overload_fallback(b);
        let strict = |f: &Option<Value>| match f {
            Some(v) if v.is_undef() => !matches!(op, Concat | Repeat),
            Some(v) => !v.truthy(),
            None => false,
        };
        if strict(&fa) || strict(&fb) {
            let side = |f: &Option<Value>, v: &Value, which: &str| match f {
                Some(_) => format!(
                    "{which} argument in overloaded package {}",
                    v.blessed().unwrap_or_else(|| Rc::from(""))
                ),
                None => format!("{which} argument has no overloaded magic"),
            };
            let msg = format!(
                "Operation \"{sym}\": no method found,\n\t{},\n\t{}",
                side(&fa, a, "left"),
                side(&fb, b, "right")
            );
            return Err(self.die_msg(msg));
        }
        // Otherwise string operators work on the `""` conversion.
        if matches!(
            op,
            Concat | StrEq | StrNe | StrLt | StrGt | StrLe | StrGe | StrCmp | Repeat
        ) {
            let sa = self.overload_string(a)?;
            let sb = self.overload_string(b)?;
            if sa.is_some() || sb.is_some() {
                let sa = sa.unwrap_or_else(|| a.clone());
                let sb = sb.unwrap_or_else(|| b.clone());
                return self.binop(op, &sa, &sb).map(Some);
            }
            return Ok(None);
        }
        // and numeric ones on the `0+` (or `""`) conversion.
        let na = self.overload_number(a)?;
        let nb = self.overload_number(b)?;
        if na.is_some() || nb.is_some() {
            let na = na.unwrap_or_else(|| a.clone());
            let nb = nb.unwrap_or_else(|| b.clone());
            return self.binop(op, &na, &nb).map(Some);
        }
        Ok(None)
    }

    /// Call an overload handler as perl does: the object, the other
    /// operand, and whether they were swapped (or the conversions' ""), in
    /// scalar context.
    fn call_handler(&mut self, cv: &Cv, obj: &Value, other: Value, third: Value) -> R<Value> {
        let args = vec![Elem::V(obj.clone()), Elem::V(other), Elem::V(third)];
        let mut out = Vec::new();
        self.call_sub(cv, args, Want::Scalar, &mut out)
    }

    /// `nomethod(obj, other, swapped, op)` of `obj`'s class, if it has one.
    pub(crate) fn overload_nomethod(
        &mut self,
        obj: &Value,
        other: &Value,
        swapped: bool,
        sym: &str,
    ) -> R<Option<Value>> {
        let Some(class) = obj.blessed() else {
            return Ok(None);
        };
        let Some(cv) = self.find_method(&class, "(nomethod") else {
            return Ok(None);
        };
        let args = vec![
            Elem::V(obj.clone()),
            Elem::V(other.clone()),
            Elem::V(super::expr::bool_val(swapped)),
            Elem::V(Value::from_str(sym)),
        ];
        let mut out = Vec::new();
        self.call_sub(&cv, args, Want::Scalar, &mut out).map(Some)
    }

    /// Before a mutator (`++`, `--`) changes an object other variables
    /// also refer to: the copy its `=` handler makes (perl's copy
    /// constructor), or the object itself.
    pub(crate) fn overload_copy(&mut self, v: &Value) -> R<Value> {
        let Some(class) = v.blessed() else {
            return Ok(v.clone());
        };
        // The variable and `v` hold two references; more means shared.
        if v.referent_refs() <= 2 {
            return Ok(v.clone());
        }
        let Some(cv) = self.find_method(&class, "(=") else {
            return Ok(v.clone());
        };
        self.call_handler(&cv, v, Value::Undef, Value::bytes(b""))
    }

    /// For an object whose class has an overload table, its `fallback`
    /// setting (undef when not given); `None` for anything else.
    fn overload_fallback(&mut self, v: &Value) -> Option<Value> {
        let class = v.blessed()?;
        self.find_method(&class, "((")?;
        for c in self.mro(&class) {
            if self.find_sub(&format!("{c}::((")).is_some() {
                return Some(match self.glob_opt(&format!("{c}::()")) {
                    Some(g) => g.sv().get(),
                    None => Value::Undef,
                });
            }
        }
        Some(Value::Undef)
    }

    /// The `""` conversion of an object whose class overloads it.
    pub fn overload_string(&mut self, v: &Value) -> R<Option<Value>> {
        let Some(class) = v.blessed() else {
            return Ok(None);
        };
        let Some(cv) = self
            .find_method(&class, "(\"\"")
            .or_else(|| self.find_method(&class, "(0+"))
            .or_else(|| self.find_method(&class, "(bool"))
        else {
            return Ok(None);
        };
        let r = self.call_handler(&cv, v, Value::Undef, Value::bytes(b""))?;
        // A handler returning the object itself would recurse forever.
        if r.blessed().is_some() {
            return Ok(None);
        }
        Ok(Some(r))
    }

    /// `neg`, `abs`, `++`, `--` of an object: its handler, or for `neg` and
    /// `abs` the ones perl derives from subtraction and comparison.
    pub fn overload_unop(&mut self, op: &str, v: &Value) -> R<Option<Value>> {
        let Some(class) = v.blessed() else {
            return Ok(None);
        };
        if let Some(cv) = self.find_method(&class, &format!("({op}")) {
            // A mutator works on a copy when the object is shared.
            let v = if matches!(op, "++" | "--") {
                self.overload_copy(v)?
            } else {
                v.clone()
            };
            let r = self.call_handler(&cv, &v, Value::Undef, super::expr::bool_val(false))?;
            // `++`/`--` change their operand; that is the new value.
            return Ok(Some(if matches!(op, "++" | "--") { v } else { r }));
        }
        let zero = Value::Int(0);
        let has = |it: &mut Self, m: &str| it.find_method(&class, m).is_some();
        let derivable = match op {
            "neg" => has(self, "(-"),
            "abs" => {
                (has(self, "(<") || has(self, "(<=>")) && (has(self, "(neg") || has(self, "(-"))
            }
            "++" => has(self, "(+"),
            "--" => has(self, "(-"),
            _ => true,
        };
        if !derivable {
            if let Some(r) = self.overload_nomethod(v, &Value::Undef, false, op)? {
                return Ok(Some(r));
            }
            // With `fallback` undef or false there is no numeric conversion
            // to fall back on.
            return match self.overload_fallback(v) {
                Some(f) if !f.truthy() => Err(self.die_msg(format!(
                    "Operation \"{op}\": no method found, argument in overloaded package {class}"
                ))),
                _ => Ok(None),
            };
        }
        match op {
            "neg" => self.overload_binop(ast::BinOp::Sub, &zero, v),
            "abs" => {
                let Some(lt) = self.overload_binop(ast::BinOp::NumLt, v, &zero)? else {
                    return Ok(None);
                };
                if self.ref_truth(&lt)? {
                    self.overload_unop("neg", v)
                } else {
                    Ok(Some(v.clone()))
                }
            }
            _ => Ok(None),
        }
    }

    /// The truth of a reference: an object may overload `bool` (or give it
    /// through `""` or `0+`); any other reference is true.
    #[cold]
    pub fn ref_truth(&mut self, v: &Value) -> R<bool> {
        let Some(class) = v.blessed() else {
            return Ok(true);
        };
        for op in ["(bool", "(\"\"", "(0+"] {
            if let Some(cv) = self.find_method(&class, op) {
                let r = self.call_handler(&cv, v, Value::Undef, super::expr::bool_val(false))?;
                if r.blessed().is_some() {
                    return Ok(true);
                }
                return Ok(r.truthy());
            }
        }
        Ok(true)
    }

    /// Replaces objects by their `""` conversion, for joins.
    #[cold]
    pub fn stringify_overloaded(&mut self, items: &mut [Value]) -> R<()> {
        for v in items.iter_mut() {
            if v.is_ref() {
                if let Some(s) = self.overload_string(v)? {
                    *v = s;
                }
            }
        }
        Ok(())
    }

    /// The number an object stands for in arithmetic: its `0+` handler, or
    /// its `""` conversion.
    /// `sqrt`, `sin`, `cos`, `exp`, `log` of an object: its handler for the
    /// function, else its `nomethod`; `None` leaves it to the numeric
    /// conversion.
    pub(crate) fn overload_math(&mut self, op: &str, v: &Value) -> R<Option<Value>> {
        let Some(class) = v.blessed() else {
            return Ok(None);
        };
        if let Some(cv) = self.find_method(&class, &format!("({op}")) {
            return self
                .call_handler(&cv, v, Value::Undef, super::expr::bool_val(false))
                .map(Some);
        }
        self.overload_nomethod(v, &Value::Undef, false, op)
    }

    pub fn overload_number(&mut self, v: &Value) -> R<Option<Value>> {
        let Some(class) = v.blessed() else {
            return Ok(None);
        };
        if let Some(cv) = self.find_method(&class, "(0+") {
            let r = self.call_handler(&cv, v, Value::Undef, super::expr::bool_val(false))?;
            return Ok(if r.blessed().is_some() { None } else { Some(r) });
        }
        self.overload_string(v)
    }

    pub fn overload_deref(&mut self, _v: &Value, _op: &str) -> R<Option<Value>> {
        Ok(None)
    }

    /// Mark the current exception as thrown (running `$SIG{__DIE__}`).
    pub fn throw(&mut self) -> Flow {
        if !self.in_die_handler {
            let sig = self.gv(wk::SIG).hv();
            let h = sig.get(b"__DIE__");
            if let Value::CodeRef(cv) = h {
                self.in_die_handler = true;
                let v = self.die_value.clone();
                let mut out = Vec::new();
                let r = self.call_sub(&cv, vec![Elem::V(v)], Want::Void, &mut out);
                self.in_die_handler = false;
                if let Err(f) = r {
                    return f;
                }
            }
        }
        Flow::Die
    }
}
