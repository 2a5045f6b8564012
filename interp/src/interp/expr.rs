//! Expression evaluation in scalar, list and void context.

use std::rc::Rc;

use super::{Flow, Interp, Want, R};
use crate::ast::{self, well_known as wk, BinOp, Expr, LogOp, UnOp};
use crate::convert::{self, num_to_value, to_bytes, to_num};
use crate::numeric::Num;
use crate::value::*;

impl Interp {
    /// Evaluate in void context.
    pub fn void(&mut self, e: &Expr) -> R<()> {
        match e {
            Expr::Assign { lhs, rhs } => {
                // `my $x = shift;`, the usual first line of a sub.
                if let (
                    Expr::MyDecl { vars, .. },
                    Expr::Func {
                        f: ast::Func::Shift,
                        args,
                    },
                ) = (&**lhs, &**rhs)
                {
                    if let ([(ast::PadKind::Scalar, slot)], [Expr::Args]) = (&vars[..], &args[..]) {
                        self.my_shift(vars, *slot);
                        return Ok(());
                    }
                }
                let v = self.sv(rhs)?;
                self.assign(lhs, v)?;
            }
            Expr::OpAssign { .. } | Expr::PreInc(_) | Expr::PreDec(_) | Expr::Print { .. } => {
                self.sv(e)?;
            }
            // perl turns a post-increment whose value is unused into a
            // pre-increment (visible in warnings' operator names).
            Expr::PostInc(t) => {
                self.incdec(t, true, true)?;
            }
            Expr::PostDec(t) => {
                self.incdec(t, false, true)?;
            }
            Expr::ListAssign { lhs, rhs } => {
                self.list_assign(lhs, rhs)?;
            }
            Expr::Call { .. } | Expr::CallRef { .. } | Expr::Method { .. } => {
                let mut out = Vec::new();
                self.call_expr(e, Want::Void, &mut out)?;
            }
            // `do FILE;`: the file's code runs in void context.
            Expr::Func {
                f: ast::Func::DoFile,
                args,
            } => {
                let mut out = Vec::new();
                self.do_file(args, Want::Void, &mut out)?;
            }
            Expr::Logical { op, l, r } => {
                let lv = self.sv(l)?;
                let go = match op {
                    LogOp::And => lv.truthy(),
                    LogOp::Or => !lv.truthy(),
                    LogOp::Dor => lv.is_undef(),
                };
                if go {
                    self.void(r)?;
                }
            }
            Expr::Cond { c, t, f } => {
                if self.cond(c)? {
                    self.void(t)?
                } else {
                    self.void(f)?
                }
            }
            Expr::List(items) => {
                for i in items {
                    self.void(i)?;
                }
            }
            Expr::DoBlock(b) | Expr::EvalBlock(b) => {
                let mut out = Vec::new();
                if let Expr::EvalBlock(_) = e {
                    self.eval_block(b, Want::Void, &mut out)?;
                } else {
                    self.do_block(b, Want::Void, &mut out)?;
                }
            }
            Expr::Map { .. } | Expr::Grep { .. } | Expr::Sort { .. } => {
                let mut out = Vec::new();
                self.list(e, &mut out)?;
            }
            Expr::EvalStr { .. } => {
                let mut out = Vec::new();
                self.eval_string(e, Want::Void, &mut out)?;
            }
            // A tied array's push and unshift ask for the new size only
            // when it is used.
            Expr::Func {
                f: f @ (ast::Func::Push | ast::Func::Unshift),
                args,
            } => {
                self.func(*f, args, Want::Void, &mut Vec::new())?;
            }
            _ => {
                self.sv(e)?;
            }
        }
        Ok(())
    }

    /// `my $x = shift;` (`vars` is `$x`, in `slot`).
    #[inline]
    pub(super) fn my_shift(&mut self, vars: &[(ast::PadKind, ast::Slot)], slot: ast::Slot) {
        let v = self.args.with(|a| {
            if a.is_empty() {
                None
            } else {
                Some(a.remove(0))
            }
        });
        let v = v.map(|e| e.get()).unwrap_or_default();
        self.intro_my(vars);
        if let Some(PadSlot::Scalar(sv)) = self.pad.get(slot as usize) {
            sv.set(v);
        }
    }

    /// `[…]` or `{…}` of the values `out`.
    #[inline]
    pub(super) fn anon_from(&mut self, hash: bool, out: Vec<Value>) -> Value {
        if hash {
            // Sized up front: record-building code makes millions of
            // small hashes, and growing each one costs reallocations.
            let hv = Hash::with_capacity(out.len() / 2);
            self.fill_hash(&hv, out);
            Value::HashRef(hv)
        } else {
            Value::ArrayRef(Array::from_values(out))
        }
    }

    /// Evaluate in scalar context.
    pub fn sv(&mut self, e: &Expr) -> R<Value> {
        // The nodes of arithmetic loops, kept in a small function with a
        // small stack frame; everything else goes through `sv_general`.
        match e {
            Expr::My(s) => Ok(self.pad_value(*s as usize)),
            Expr::Int(i) => Ok(Value::Int(*i)),
            Expr::Num(n) => Ok(Value::Num(*n)),
            Expr::Binary { op, l, r }
                if !matches!(**l, Expr::Special(_)) && !matches!(**r, Expr::Special(_)) =>
            {
                self.sv_binary(*op, l, r)
            }
            _ => self.sv_general(e),
        }
    }

    /// A binary operator node. Kept out of `sv` so that `sv` itself needs
    /// no stack frame for the variable and constant cases.
    #[inline(never)]
    fn sv_binary(&mut self, op: BinOp, l: &Expr, r: &Expr) -> R<Value> {
        // Arithmetic on plain numbers held in lexicals and literals: computed
        // straight from the pad, without building intermediate values. The
        // operands are pure reads, so when the shortcut declines (a string,
        // an overflow) evaluating again the general way is safe.
        if self.hints & ast::hints::INTEGER == 0 {
            if let (Some(x), Some(y)) = (self.num_tree(l, 0), self.num_tree(r, 0)) {
                if let Some(v) = num_leaf_op(op, x, y) {
                    return Ok(v);
                }
            }
        }
        let a = self.sv(l)?;
        let b = self.sv(r)?;
        self.binop_values(op, l, r, a, b)
    }

    /// A binary operator on its evaluated operands `a` (of `l`) and `b` (of
    /// `r`), warning about undefined ones by name.
    #[inline]
    pub(super) fn binop_values(
        &mut self,
        op: BinOp,
        l: &Expr,
        r: &Expr,
        a: Value,
        b: Value,
    ) -> R<Value> {
        if (a.is_undef() || b.is_undef()) && op != BinOp::Isa && self.warnings_on() {
            let (a, b) = self.uninit_operands(op, l, r, a, b);
            return self.binop(op, &a, &b);
        }
        let res = self.binop(op, &a, &b);
        a.release();
        b.release();
        res
    }

    /// A numeric comparison of two plain-number leaves, as a boolean.
    #[inline]
    pub(crate) fn num_leaf_cmp(&self, op: BinOp, l: &Expr, r: &Expr) -> Option<bool> {
        if !matches!(
            op,
            BinOp::NumLt | BinOp::NumGt | BinOp::NumLe | BinOp::NumGe | BinOp::NumEq | BinOp::NumNe
        ) {
            return None;
        }
        let (x, y) = (self.num_leaf(l)?, self.num_leaf(r)?);
        num_leaf_op(op, x, y).map(|v| v.truthy())
    }

    /// The value of a pure arithmetic expression over plain-number leaves,
    /// if every step stays exact the way perl's would.
    fn num_tree(&self, e: &Expr, depth: u32) -> Option<NumLeaf> {
        match e {
            Expr::Binary { op, l, r } if depth < 8 => {
                let x = self.num_tree(l, depth + 1)?;
                let y = self.num_tree(r, depth + 1)?;
                num_arith(*op, x, y)
            }
            _ => self.num_leaf(e),
        }
    }

    /// The number a leaf expression holds, if it is a plain number.
    #[inline(always)]
    fn num_leaf(&self, e: &Expr) -> Option<NumLeaf> {
        match e {
            Expr::My(s) => match self.pad.get(*s as usize) {
                Some(PadSlot::Scalar(sv)) => sv.peek(|v| match v {
                    Value::Int(i) => Some(NumLeaf::I(*i)),
                    Value::Num(n) => Some(NumLeaf::F(*n)),
                    _ => None,
                }),
                _ => None,
            },
            Expr::Int(i) => Some(NumLeaf::I(*i)),
            Expr::Num(n) => Some(NumLeaf::F(*n)),
            _ => None,
        }
    }

    #[inline(never)]
    fn sv_general(&mut self, e: &Expr) -> R<Value> {
        Ok(match e {
            Expr::Undef => Value::Undef,
            Expr::Int(i) => Value::Int(*i),
            Expr::UInt(u) => Value::UInt(*u),
            Expr::Num(n) => Value::Num(*n),
            Expr::Str { bytes, utf8 } => {
                // Each literal is allocated once and then shared (copy on
                // write), so hash keys and constants cost no allocation.
                let key = e as *const Expr as usize;
                match self.const_strs.get(&key) {
                    Some(s) => Value::Str(s.clone()),
                    None => {
                        let s = Rc::new(PStr {
                            bytes: bytes.to_vec(),
                            utf8: *utf8,
                        });
                        self.const_strs.insert(key, s.clone());
                        self.note_cache_key(key);
                        Value::Str(s)
                    }
                }
            }
            Expr::Interp(parts) => self.interp_string(parts)?,
            Expr::JoinList(inner) => {
                let mut items = Vec::new();
                self.list(inner, &mut items)?;
                if items.iter().any(Value::is_ref) {
                    self.stringify_overloaded(&mut items)?;
                }
                if self.warnings_on() && items.iter().any(Value::is_undef) {
                    self.warn_uninit_items(inner, &items, "join or string");
                }
                let sep = self.gv(wk::LIST_SEP).sv().get();
                self.join_values(&sep, &items)
            }
            Expr::My(s) => self.pad_value(*s as usize),
            Expr::MyArray(s) => match &self.pad[*s as usize] {
                PadSlot::Array(av) => Value::Int(av.len() as i64),
                _ => Value::Int(0),
            },
            Expr::MyHash(s) => match &self.pad[*s as usize] {
                PadSlot::Hash(hv) => Value::Int(hv.len() as i64),
                _ => Value::Int(0),
            },
            Expr::Global(id) => self.gv(*id).sv_ref().get(),
            Expr::GlobalArray(id) => Value::Int(self.gv(*id).av().len() as i64),
            Expr::GlobalHash(id) => Value::Int(self.gv(*id).hv().len() as i64),
            Expr::Args => Value::Int(self.args.len() as i64),
            Expr::Special(sp) => self.special_get(*sp),
            Expr::Deref(inner) => {
                let r = self.sv(inner)?;
                self.deref_scalar_value(&r)?
            }
            Expr::ArrayDeref(_) => {
                let av = self.array_of(e, false)?;
                Value::Int(av.len() as i64)
            }
            Expr::HashDeref(_) => {
                let hv = self.hash_of(e, false)?;
                Value::Int(hv.len() as i64)
            }
            Expr::CodeDeref(_) => {
                let mut out = Vec::new();
                self.call_expr(e, Want::Scalar, &mut out)?
            }
            Expr::Glob(id) => Value::Glob(self.gv(*id).clone()),
            Expr::GlobDeref(inner) => {
                let v = self.sv(inner)?;
                Value::Glob(self.glob_deref(&v)?)
            }
            Expr::GlobSlotDyn { glob, slot } => {
                let v = self.sv(glob)?;
                let g = self.glob_of_value(&v)?;
                let slot = self.sv(slot)?;
                let slot = String::from_utf8_lossy(&to_bytes(&slot)).into_owned();
                glob_slot(&g, &slot)
            }
            Expr::GlobSlot { glob, slot } => {
                let v = self.sv(glob)?;
                let g = self.glob_deref(&v)?;
                glob_slot(&g, slot)
            }
            Expr::LastIndex(p) => {
                let av = self.array_place(p, false)?;
                Value::Int(av.len() as i64 - 1)
            }
            Expr::Index { array, index } => {
                let av = self.array_place(array, true)?;
                let i = self.index_value(index)?;
                av.get(i)
            }
            Expr::Elem { hash, key } => {
                let hv = self.hash_place(hash, true)?;
                let k = self.key_sv(key)?;
                if let ast::HashPlace::Global(id) = hash {
                    if &*self.gv(*id).name == "main::!" {
                        return Ok(errno_hash_value(self.errno, &to_bytes(&k)));
                    }
                }
                hash_get(&hv, &k)
            }
            Expr::Slice { .. }
            | Expr::HashSlice { .. }
            | Expr::KvHashSlice { .. }
            | Expr::KvSlice { .. }
            | Expr::ListSlice { .. } => {
                let mut out = Vec::new();
                self.list(e, &mut out)?;
                out.pop().unwrap_or_default()
            }
            Expr::MyDecl { vars, .. } => {
                self.intro_my(vars);
                match vars.last() {
                    Some((ast::PadKind::Scalar, s)) => self.pad_sv(*s).get(),
                    Some((ast::PadKind::Array, s)) => Value::Int(self.pad_av(*s).len() as i64),
                    Some((ast::PadKind::Hash, s)) => Value::Int(self.pad_hv(*s).len() as i64),
                    None => Value::Undef,
                }
            }
            Expr::Local(inner) => {
                self.localize(inner)?;
                self.sv(inner)?
            }
            Expr::Assign { lhs, rhs } => {
                let v = self.sv(rhs)?;
                self.assign(lhs, v.clone())?;
                // The value of an assignment is its left side; for plain
                // scalars that is the value just stored.
                v
            }
            Expr::ListAssign { lhs, rhs } => Value::Int(self.list_assign(lhs, rhs)? as i64),
            Expr::OpAssign { op, lhs, rhs } => self.op_assign(*op, lhs, rhs)?,
            Expr::LogAssign { op, lhs, rhs } => {
                let sv = self.lv_sv(lhs)?;
                let cur = sv.get();
                let go = match op {
                    LogOp::And => cur.truthy(),
                    LogOp::Or => !cur.truthy(),
                    LogOp::Dor => cur.is_undef(),
                };
                if go {
                    let v = self.sv(rhs)?;
                    self.assign_container(lhs, &sv, v.clone())?;
                    v
                } else {
                    cur
                }
            }
            Expr::Binary { op, l, r } => {
                let a = match &**l {
                    Expr::Special(ast::SpecialVar::Errno) => self.errno_operand(*op),
                    _ => self.sv(l)?,
                };
                let b = match &**r {
                    Expr::Special(ast::SpecialVar::Errno) => self.errno_operand(*op),
                    _ => self.sv(r)?,
                };
                if (a.is_undef() || b.is_undef()) && *op != BinOp::Isa && self.warnings_on() {
                    let (a, b) = self.uninit_operands(*op, l, r, a, b);
                    return self.binop(*op, &a, &b);
                }
                self.binop(*op, &a, &b)?
            }
            Expr::Logical { op, l, r } => {
                let lv = self.sv(l)?;
                let go = match op {
                    LogOp::And => lv.truthy(),
                    LogOp::Or => !lv.truthy(),
                    LogOp::Dor => lv.is_undef(),
                };
                if go {
                    self.sv(r)?
                } else {
                    lv
                }
            }
            Expr::Unary { op, e } => {
                let v = self.sv(e)?;
                if v.is_undef() && self.warnings_on() {
                    match op {
                        UnOp::Neg => {
                            self.warn_uninit(e, "negation (-)");
                            return Ok(Value::Int(0));
                        }
                        UnOp::BitNot => {
                            self.warn_uninit(e, "1's complement (~)");
                            // undef is no number: the string complement
                            // of "" (unless `~` is always numeric).
                            if self.hints & ast::hints::NUMERIC_BITWISE != 0 {
                                return self.unop(*op, &Value::Int(0));
                            }
                            return Ok(Value::bytes(b""));
                        }
                        _ => {}
                    }
                }
                self.unop(*op, &v)?
            }
            Expr::Not(e) => bool_val(!self.cond(e)?),
            Expr::Xor(a, b) => {
                let x = self.sv(a)?.truthy();
                let y = self.sv(b)?.truthy();
                bool_val(x != y)
            }
            Expr::PreInc(t) => self.incdec(t, true, true)?,
            Expr::PreDec(t) => self.incdec(t, false, true)?,
            Expr::PostInc(t) => self.incdec(t, true, false)?,
            Expr::PostDec(t) => self.incdec(t, false, false)?,
            Expr::ChainedCmp { first, rest } => {
                let mut a = self.sv(first)?;
                for (op, r) in rest {
                    let b = self.sv(r)?;
                    let res = self.binop(*op, &a, &b)?;
                    if !res.truthy() {
                        return Ok(res);
                    }
                    a = b;
                }
                Value::Int(1)
            }
            Expr::Cond { c, t, f } => {
                if self.cond(c)? {
                    self.sv(t)?
                } else {
                    self.sv(f)?
                }
            }
            Expr::Range {
                l,
                r,
                three_dot,
                state,
            } => self.flip_flop(l, r, *three_dot, *state)?,
            Expr::Repeat { l, r, .. } => {
                // In scalar context even `(LIST) x N` repeats a string: the
                // list's scalar value.
                let v = self.sv(l)?;
                let n = self.sv(r)?;
                if v.is_ref() || n.is_ref() {
                    if let Some(r) = self.overload_binop(BinOp::Repeat, &v, &n)? {
                        return Ok(r);
                    }
                }
                if (v.is_undef() || n.is_undef()) && self.warnings_on() {
                    let (v, n) = self.uninit_operands(BinOp::Repeat, l, r, v, n);
                    return self.repeat_str(&v, &n);
                }
                self.repeat_str(&v, &n)?
            }
            Expr::List(items) => {
                // The comma operator: evaluate all, yield the last.
                let mut last = Value::Undef;
                for (i, it) in items.iter().enumerate() {
                    if i + 1 == items.len() {
                        last = self.sv(it)?;
                    } else {
                        self.void(it)?;
                    }
                }
                last
            }
            Expr::Ref(inner) => {
                let mut out = Vec::new();
                self.make_refs(inner, &mut out)?;
                out.pop().unwrap_or_default()
            }
            Expr::AnonArray(items) | Expr::AnonHash(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    self.list(i, &mut out)?;
                }
                self.anon_from(matches!(e, Expr::AnonHash(_)), out)
            }
            Expr::AnonSub(body) => {
                let unit = self.unit.clone();
                Value::CodeRef(self.instantiate(body, &unit))
            }
            Expr::SubRef(name) => match self.find_sub(name) {
                Some(cv) => Value::CodeRef(cv),
                None => {
                    // \&undefined creates a stub, as perl does.
                    let g = self.glob(name);
                    let cv = Code::new(CodeKind::Stub, Some(Rc::from(name.as_str())));
                    g.set_code(Some(cv.clone()));
                    Value::CodeRef(cv)
                }
            },
            Expr::Call { .. } | Expr::CallRef { .. } | Expr::Method { .. } => {
                let mut out = Vec::new();
                self.call_expr(e, Want::Scalar, &mut out)?
            }
            Expr::Func { f, args } => self.func(*f, args, Want::Scalar, &mut Vec::new())?,
            Expr::Print { kind, fh, args } => self.print(*kind, fh.as_deref(), args)?,
            Expr::Sort { list, .. } => {
                // perl's sort in scalar context sorts nothing: undef.
                let mut out = Vec::new();
                self.list(list, &mut out)?;
                Value::Undef
            }
            Expr::Map { .. } => {
                let mut out = Vec::new();
                self.list(e, &mut out)?;
                Value::Int(out.len() as i64)
            }
            Expr::Grep { body, list } => Value::Int(self.grep_count(body, list)? as i64),
            Expr::DoBlock(b) => {
                let mut out = Vec::new();
                self.do_block(b, Want::Scalar, &mut out)?
            }
            Expr::EvalBlock(b) => {
                let mut out = Vec::new();
                self.eval_block(b, Want::Scalar, &mut out)?
            }
            Expr::EvalStr { .. } => {
                let mut out = Vec::new();
                self.eval_string(e, Want::Scalar, &mut out)?
            }
            Expr::Return(v) => return self.do_return(v.as_deref()),
            Expr::LoopCtlDyn { kind, label } => {
                let l = self.sv(label)?;
                let l = String::from_utf8_lossy(&to_bytes(&l)).into_owned();
                let label = (!l.is_empty()).then(|| std::sync::Arc::from(l.as_str()));
                return Err(self.loop_ctl(*kind, label));
            }
            Expr::LoopCtl { kind, label } => return Err(self.loop_ctl(*kind, label.clone())),
            Expr::Wantarray => match self.want {
                Want::List => Value::Int(1),
                Want::Scalar => Value::Int(0),
                Want::Void => Value::Undef,
            },
            Expr::CurrentSub => match &self.cur_sub {
                Some(cv)
                    if cv
                        .body()
                        .is_some_and(|b| b.name.is_some() || !self.frames.is_empty()) =>
                {
                    Value::CodeRef(cv.clone())
                }
                _ => Value::Undef,
            },
            Expr::FileTest { op, arg } => self.file_test(*op, arg.as_deref())?,
            Expr::ReadLine { fh, double } => self.readline_scalar(fh.as_deref(), *double)?,
            Expr::GlobPat(p) => {
                let mut out = Vec::new();
                self.glob_list(p, &mut out)?;
                out.into_iter().next().unwrap_or_default()
            }
            Expr::Handle(id) => Value::Glob(self.gv(*id).clone()),
            Expr::Match {
                target,
                pat,
                negate,
            } => self.do_match(
                target.as_deref(),
                pat,
                *negate,
                Want::Scalar,
                &mut Vec::new(),
            )?,
            Expr::Subst { target, pat, repl } => self.do_subst(target.as_deref(), pat, repl)?,
            Expr::Trans {
                target,
                from,
                to,
                flags,
            } => self.do_trans(target.as_deref(), from, to, *flags)?,
            Expr::Qr(pat) => self.make_qr(pat)?,
            Expr::Split { .. } => {
                let mut out = Vec::new();
                self.do_split(e, &mut out)?;
                Value::Int(out.len() as i64)
            }
            Expr::SigCheck { min, max, odd_hash } => {
                self.sig_check(*min, *max)?;
                if let Some(npos) = odd_hash {
                    let n = self.args.len();
                    if n > *npos as usize && (n - *npos as usize) % 2 == 1 {
                        self.sig_odd_hash()?;
                    }
                }
                Value::Undef
            }
            Expr::StateInit { state, assign } => {
                if !self.op_state(*state) {
                    self.set_op_state(*state, true);
                    let v = self.sv(assign)?;
                    self.keep_state_vars(assign);
                    v
                } else {
                    Value::Undef
                }
            }
            Expr::Die(msg) => return Err(self.die_msg(msg)),
            Expr::GotoTarget(e) => {
                let v = self.sv(e)?;
                if matches!(v, Value::CodeRef(_)) {
                    v
                } else {
                    let name = crate::convert::to_bytes(&v);
                    let name = String::from_utf8_lossy(&name).into_owned();
                    return Err(self.goto_label(&name));
                }
            }
            Expr::GotoLabel(name) => return Err(self.goto_label(name)),
            Expr::GotoSub(target) => {
                let t = self.sv(target)?;
                // `goto &$name` is exempt from strict refs.
                let cv = match &t {
                    Value::Str(_) => {
                        let saved = self.hints;
                        self.hints &= !ast::hints::STRICT_REFS;
                        let r = self.code_of(&t);
                        self.hints = saved;
                        r?
                    }
                    _ => self.code_of(&t)?,
                };
                let args = self.args.clone();
                let want = self.want;
                let mut out = Vec::new();
                let v = self.goto_sub(&cv, args, want, &mut out)?;
                self.ret_list = out;
                self.ret_val = v;
                return Err(Flow::Return);
            }
        })
    }

    /// Evaluate in list context, appending the values to `out`.
    pub fn list(&mut self, e: &Expr, out: &mut Vec<Value>) -> R<()> {
        match e {
            Expr::List(items) => {
                for i in items {
                    self.list(i, out)?;
                }
            }
            Expr::MyArray(s) => {
                let av = self.pad_av(*s);
                av.values_into(out);
            }
            Expr::MyHash(s) => {
                let hv = self.pad_hv(*s);
                hv.pairs_into(out);
            }
            Expr::GlobalArray(id) => {
                let av = self.gv(*id).av();
                av.values_into(out);
            }
            Expr::GlobalHash(id) => {
                let hv = self.gv(*id).hv();
                hv.pairs_into(out);
            }
            Expr::Args => {
                let av = self.args.clone();
                av.values_into(out);
            }
            Expr::ArrayDeref(_) => {
                let av = self.array_of(e, false)?;
                av.values_into(out);
            }
            Expr::HashDeref(_) => {
                let hv = self.hash_of(e, false)?;
                hv.pairs_into(out);
            }
            Expr::Special(
                sp @ (ast::SpecialVar::NamedCaptures | ast::SpecialVar::NamedCaptureLists),
            ) => {
                let hv = self.named_captures_hv(*sp == ast::SpecialVar::NamedCaptureLists);
                hv.pairs_into(out);
            }
            Expr::Special(ast::SpecialVar::Captures) => {
                let offs = self.last_match.offs.clone();
                let subj = self.last_match.subject.clone();
                for o in offs.iter().skip(1) {
                    out.push(match o {
                        Some((s, e)) => sub_pstr(&subj, *s, *e),
                        None => Value::Undef,
                    });
                }
            }
            Expr::Special(ast::SpecialVar::MatchStart)
            | Expr::Special(ast::SpecialVar::MatchEnd) => {
                let start = matches!(e, Expr::Special(ast::SpecialVar::MatchStart));
                let offs = self.last_match.offs.clone();
                let subj = self.last_match.subject.clone();
                // `@+` has an entry for every group of the pattern, `@-` stops
                // at the last group that matched.
                let n = if start {
                    offs.iter()
                        .rposition(|o| o.is_some())
                        .map(|i| i + 1)
                        .unwrap_or(0)
                } else {
                    offs.len()
                };
                for o in offs.iter().take(n) {
                    out.push(match o {
                        Some((s, e)) => {
                            Value::Int(char_offset(&subj, if start { *s } else { *e }) as i64)
                        }
                        None => Value::Undef,
                    });
                }
            }
            Expr::Slice { array, indices } => {
                let av = self.array_place(array, false)?;
                let mut idx = Vec::new();
                self.list(indices, &mut idx)?;
                for i in idx {
                    out.push(av.get(convert::to_i64(&i)));
                }
            }
            Expr::KvSlice { array, indices } => {
                let av = self.array_place(array, false)?;
                let mut idx = Vec::new();
                self.list(indices, &mut idx)?;
                for i in idx {
                    let v = av.get(convert::to_i64(&i));
                    out.push(i);
                    out.push(v);
                }
            }
            Expr::HashSlice { hash, keys } => {
                let hv = self.hash_place(hash, false)?;
                let mut ks = Vec::new();
                self.list(keys, &mut ks)?;
                for k in ks {
                    out.push(hv.get(&key_of(&k).0.bytes));
                }
            }
            Expr::KvHashSlice { hash, keys } => {
                let hv = self.hash_place(hash, false)?;
                let mut ks = Vec::new();
                self.list(keys, &mut ks)?;
                for k in ks {
                    let v = hv.get(&key_of(&k).0.bytes);
                    out.push(k);
                    out.push(v);
                }
            }
            Expr::ListSlice { list, indices } => {
                let mut items = Vec::new();
                self.list(list, &mut items)?;
                let mut idx = Vec::new();
                self.list(indices, &mut idx)?;
                if items.is_empty() {
                    return Ok(());
                }
                let n = items.len() as i64;
                for i in idx {
                    let i = convert::to_i64(&i);
                    let j = if i < 0 { i + n } else { i };
                    out.push(if j >= 0 && j < n {
                        items[j as usize].clone()
                    } else {
                        Value::Undef
                    });
                }
            }
            Expr::MyDecl { vars, .. } => {
                self.intro_my(vars);
                for (k, s) in vars {
                    match k {
                        ast::PadKind::Scalar => out.push(self.pad_sv(*s).get()),
                        ast::PadKind::Array => out.extend(self.pad_av(*s).values()),
                        ast::PadKind::Hash => self.pad_hv(*s).pairs_into(out),
                    }
                }
            }
            Expr::Local(inner) => {
                self.localize(inner)?;
                self.list(inner, out)?;
            }
            Expr::ListAssign { lhs, rhs } => {
                self.list_assign(lhs, rhs)?;
                // In list context the value is the left side's elements
                // (variables `my` just declared are read, not declared again).
                match strip_decl(lhs) {
                    Expr::MyDecl { vars, .. } => {
                        for (k, s) in vars {
                            match k {
                                ast::PadKind::Scalar => out.push(self.pad_sv(*s).get()),
                                ast::PadKind::Array => out.extend(self.pad_av(*s).values()),
                                ast::PadKind::Hash => self.pad_hv(*s).pairs_into(out),
                            }
                        }
                    }
                    l => self.list(l, out)?,
                }
            }
            Expr::Cond { c, t, f } => {
                if self.cond(c)? {
                    self.list(t, out)?
                } else {
                    self.list(f, out)?
                }
            }
            Expr::Logical { op, l, r } => {
                let lv = self.sv(l)?;
                let go = match op {
                    LogOp::And => lv.truthy(),
                    LogOp::Or => !lv.truthy(),
                    LogOp::Dor => lv.is_undef(),
                };
                if go {
                    self.list(r, out)?;
                } else {
                    out.push(lv);
                }
            }
            Expr::Range { l, r, .. } => {
                let lv = self.sv(l)?;
                let rv = self.sv(r)?;
                self.range_list(&lv, &rv, out)?;
            }
            Expr::Repeat { l, r, list: true } => {
                let mut items = Vec::new();
                self.list(l, &mut items)?;
                let nv = self.sv(r)?;
                if nv.is_undef() && self.warnings_on() {
                    self.warn_uninit(r, "repeat (x)");
                }
                let n = self.repeat_count(&nv);
                if n < 0 && self.warnings_on() {
                    self.warn_str("Negative repeat count does nothing");
                }
                let n = n.max(0) as usize;
                let total = items.len().checked_mul(n);
                if total.is_none_or(|t| out.try_reserve(t).is_err()) {
                    return Err(self.die_msg("Out of memory!"));
                }
                for _ in 0..n {
                    out.extend(items.iter().cloned());
                }
            }
            Expr::Ref(inner) => self.make_refs(inner, out)?,
            Expr::Call { .. } | Expr::CallRef { .. } | Expr::Method { .. } | Expr::CodeDeref(_) => {
                self.call_expr(e, Want::List, out)?;
            }
            Expr::Func { f, args } => {
                if super::builtins::returns_list(*f) {
                    self.func(*f, args, Want::List, out)?;
                } else {
                    let v = self.func(*f, args, Want::Scalar, out)?;
                    out.push(v);
                }
            }
            Expr::Sort { cmp, list, a, b } => self.sort(cmp, list, *a, *b, out)?,
            Expr::Map { body, list } => self.map(body, list, out)?,
            Expr::Grep { body, list } => self.grep(body, list, out)?,
            Expr::DoBlock(b) => {
                self.do_block(b, Want::List, out)?;
            }
            Expr::EvalBlock(b) => {
                self.eval_block(b, Want::List, out)?;
            }
            Expr::EvalStr { .. } => {
                self.eval_string(e, Want::List, out)?;
            }
            Expr::ReadLine { fh, double } => self.readline_list(fh.as_deref(), *double, out)?,
            Expr::GlobPat(p) => self.glob_list(p, out)?,
            Expr::Match {
                target,
                pat,
                negate,
            } => {
                self.do_match(target.as_deref(), pat, *negate, Want::List, out)?;
            }
            Expr::Split { .. } => self.do_split(e, out)?,
            Expr::Return(v) => {
                self.do_return(v.as_deref())?;
            }
            Expr::Undef => out.push(Value::Undef),
            _ => out.push(self.sv(e)?),
        }
        Ok(())
    }

    /// Containers for `foreach` aliasing and `map`/`grep` `$_`.
    pub fn alias_list(&mut self, e: &Expr) -> R<Vec<Sv>> {
        let mut out = Vec::new();
        self.alias_into(e, &mut out)?;
        Ok(out)
    }

    pub(crate) fn alias_into(&mut self, e: &Expr, out: &mut Vec<Sv>) -> R<()> {
        match e {
            Expr::List(items) => {
                for i in items {
                    self.alias_into(i, out)?;
                }
            }
            Expr::My(s) => out.push(self.pad_sv(*s)),
            Expr::Global(id) => out.push(self.gv(*id).sv()),
            Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::Args | Expr::ArrayDeref(_) => {
                let av = self.array_of(e, true)?;
                av.for_each_container(|sv| out.push(sv));
            }
            Expr::MyHash(_) | Expr::GlobalHash(_) | Expr::HashDeref(_) => {
                // Keys are copies, values are aliased.
                let hv = self.hash_of(e, true)?;
                hv.alias_pairs_into(out, false);
            }
            Expr::Index { .. }
            | Expr::Elem { .. }
            | Expr::Func {
                f: ast::Func::Substr,
                ..
            } => out.push(self.lv_sv(e)?),
            Expr::Func {
                f: ast::Func::Values,
                args,
            } if args.len() == 1
                && matches!(
                    args[0],
                    Expr::MyHash(_) | Expr::GlobalHash(_) | Expr::HashDeref(_)
                ) =>
            {
                let hv = self.hash_of(&args[0], true)?;
                hv.alias_pairs_into(out, true);
            }
            Expr::Grep { body, list } => self.grep_aliases(body, list, out)?,
            // `for (my @a = LIST)`: the assigned variables themselves.
            Expr::ListAssign { lhs, rhs } => {
                self.list_assign(lhs, rhs)?;
                match &**lhs {
                    Expr::MyDecl { vars, .. } => {
                        for (_, s) in vars {
                            match &self.pad[*s as usize] {
                                PadSlot::Scalar(sv) => out.push(sv.clone()),
                                PadSlot::Array(av) => av.for_each_container(|sv| out.push(sv)),
                                PadSlot::Hash(hv) => hv.alias_pairs_into(out, false),
                                _ => {}
                            }
                        }
                    }
                    Expr::List(_) | Expr::MyArray(_) | Expr::GlobalArray(_) => {
                        self.alias_into(lhs, out)?
                    }
                    lhs => {
                        let mut vals = Vec::new();
                        self.list(lhs, &mut vals)?;
                        out.extend(vals.into_iter().map(Scalar::new));
                    }
                }
            }
            _ => {
                let mut vals = Vec::new();
                self.list(e, &mut vals)?;
                out.extend(vals.into_iter().map(Scalar::new));
            }
        }
        Ok(())
    }

    /// `"…$x…"`: concatenate the parts' string forms.
    fn interp_string(&mut self, parts: &[Expr]) -> R<Value> {
        let mut s = PStr::default();
        let op = Self::interp_op(parts.len());
        let several = Self::interp_several(parts);
        for p in parts {
            let v = self.sv(p)?;
            self.interp_part(&mut s, p, v, op, several)?;
        }
        Ok(Value::Str(Rc::new(s)))
    }

    /// More than one interpolated part could be the undefined one.
    pub(super) fn interp_several(parts: &[Expr]) -> bool {
        parts.iter().filter(|q| !is_const_expr(q)).count() > 1
    }

    /// The warning operator name of an interpolated string of `n` parts.
    pub(super) fn interp_op(n: usize) -> &'static str {
        // A lone `"$x"` is perl's stringify op, not a concatenation.
        if n == 1 {
            "string"
        } else {
            "concatenation (.) or string"
        }
    }

    /// Append the value `v` of the interpolated part `p` to `s`.
    #[inline]
    pub(super) fn interp_part(
        &mut self,
        s: &mut PStr,
        p: &Expr,
        mut v: Value,
        op: &str,
        several: bool,
    ) -> R<()> {
        if let Value::Str(x) = &v {
            if x.utf8 == s.utf8 {
                s.bytes.extend_from_slice(&x.bytes);
                return Ok(());
            }
        }
        if v.is_undef() {
            if several && self.warnings_on() && self.elem_missing(p) {
                // As for binary operators: a missing element among
                // several candidates goes unnamed.
                self.warn_uninit_op(op);
            } else {
                self.warn_uninit(p, op);
            }
        } else if v.is_ref() {
            if let Some(s) = self.overload_string(&v)? {
                v = s;
            }
        }
        let b = to_bytes(&v);
        convert::concat_into(s, &b, convert::is_utf8(&v));
        Ok(())
    }

    pub fn join_values(&mut self, sep: &Value, items: &[Value]) -> Value {
        let mut s = PStr::default();
        let sb = to_bytes(sep);
        let su = convert::is_utf8(sep);
        for (i, v) in items.iter().enumerate() {
            if i > 0 {
                convert::concat_into(&mut s, &sb, su);
            }
            let b = to_bytes(v);
            convert::concat_into(&mut s, &b, convert::is_utf8(v));
        }
        Value::Str(Rc::new(s))
    }

    pub fn fill_hash(&mut self, hv: &Hv, items: Vec<Value>) {
        if items.len() % 2 == 1 && self.warnings_on() {
            self.warn_str("Odd number of elements in anonymous hash");
        }
        let mut it = items.into_iter();
        while let Some(k) = it.next() {
            let v = it.next().unwrap_or_default();
            hv.set(key_of(&k), v);
        }
    }

    /// A hash subscript's value; an undefined one warns, as in perl.
    #[inline]
    pub fn key_sv(&mut self, e: &Expr) -> R<Value> {
        let k = self.sv(e)?;
        if k.is_undef() {
            self.warn_uninit(e, "hash element");
        }
        Ok(k)
    }

    pub fn index_value(&mut self, e: &Expr) -> R<i64> {
        Ok(match e {
            Expr::Int(i) => *i,
            _ => {
                let v = self.sv(e)?;
                self.index_of(e, v)
            }
        })
    }

    /// The array index that the value `v` of `e` gives.
    #[inline]
    pub(super) fn index_of(&mut self, e: &Expr, v: Value) -> i64 {
        match &v {
            Value::Int(i) => return *i,
            Value::Undef => self.warn_uninit(e, "array element"),
            Value::Str(s) if !crate::numeric::parse_number(&s.bytes).1 && self.warnings_on() => {
                self.warn_not_numeric(s, "array or hash lookup");
            }
            _ => {}
        }
        convert::to_i64(&v)
    }

    // ------------------------------------------------------------ operators

    #[inline]
    pub fn binop(&mut self, op: BinOp, a: &Value, b: &Value) -> R<Value> {
        use BinOp::*;
        if self.hints & ast::hints::INTEGER == 0 {
            match (a, b) {
                (Value::Int(x), Value::Int(y)) => {
                    let (x, y) = (*x, *y);
                    match op {
                        Add => {
                            if let Some(r) = x.checked_add(y) {
                                return Ok(Value::Int(r));
                            }
                        }
                        Sub => {
                            if let Some(r) = x.checked_sub(y) {
                                return Ok(Value::Int(r));
                            }
                        }
                        Mul => {
                            if let Some(r) = x.checked_mul(y) {
                                return Ok(Value::Int(r));
                            }
                        }
                        Mod if x >= 0 && y > 0 => return Ok(Value::Int(x % y)),
                        NumCmp => return Ok(Value::Int((x > y) as i64 - (x < y) as i64)),
                        NumLt => return Ok(bool_val(x < y)),
                        NumGt => return Ok(bool_val(x > y)),
                        NumLe => return Ok(bool_val(x <= y)),
                        NumGe => return Ok(bool_val(x >= y)),
                        NumEq => return Ok(bool_val(x == y)),
                        NumNe => return Ok(bool_val(x != y)),
                        _ => {}
                    }
                }
                (Value::Str(x), Value::Str(y)) if op == Concat && x.utf8 == y.utf8 => {
                    let mut b = Vec::with_capacity(x.bytes.len() + y.bytes.len());
                    b.extend_from_slice(&x.bytes);
                    b.extend_from_slice(&y.bytes);
                    return Ok(Value::str_from(b, x.utf8));
                }
                (Value::Num(x), Value::Num(y)) => {
                    let (x, y) = (*x, *y);
                    match op {
                        Add => return Ok(float_add(x, y, None, None)),
                        Sub => return Ok(float_sub(x, y, None, None)),
                        Mul => return Ok(float_mul(x, y, None, None)),
                        NumLt => return Ok(bool_val(x < y)),
                        NumGt => return Ok(bool_val(x > y)),
                        NumLe => return Ok(bool_val(x <= y)),
                        NumGe => return Ok(bool_val(x >= y)),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        self.binop_general(op, a, b)
    }

    #[inline(never)]
    fn binop_general(&mut self, op: BinOp, a: &Value, b: &Value) -> R<Value> {
        use BinOp::*;
        // Two integers were tried by `binop` already (unless `use integer`,
        // which `integer_op` below handles).
        // Floating-point fast paths (mandelbrot-style loops).
        let fl = match (a, b) {
            (Value::Num(x), Value::Num(y)) => Some((*x, *y)),
            (Value::Num(x), Value::Int(y)) => Some((*x, *y as f64)),
            (Value::Int(x), Value::Num(y)) => Some((*x as f64, *y)),
            _ => None,
        };
        if let Some((x, y)) = fl {
            if self.hints & ast::hints::INTEGER == 0 {
                match op {
                    Add => return Ok(float_add(x, y, int_hint(a), int_hint(b))),
                    Sub => return Ok(float_sub(x, y, int_hint(a), int_hint(b))),
                    Mul => return Ok(float_mul(x, y, int_hint(a), int_hint(b))),
                    Div if y != 0.0 => return Ok(float_div(x, y, int_hint(a), int_hint(b))),
                    NumLt => return Ok(bool_val(x < y)),
                    NumGt => return Ok(bool_val(x > y)),
                    NumLe => return Ok(bool_val(x <= y)),
                    NumGe => return Ok(bool_val(x >= y)),
                    NumEq => return Ok(bool_val(x == y)),
                    NumNe => return Ok(bool_val(x != y)),
                    _ => {}
                }
            }
        }
        if self.hints & ast::hints::INTEGER != 0 {
            if let Some(v) = self.integer_op(op, a, b)? {
                return Ok(v);
            }
        }
        if let Some(r) = self.overload_binop(op, a, b)? {
            return Ok(r);
        }
        Ok(match op {
            // perl converts the right operand first (its warnings come
            // first).
            Add | Sub | Mul | Div | Mod | Pow => {
                let y = self.num_operand(b, op);
                let x = self.num_operand(a, op);
                match arith(op, x, y) {
                    Ok(n) => num_to_value(n),
                    Err(msg) => return Err(self.die_msg(msg)),
                }
            }
            NumEq | NumNe | NumLt | NumGt | NumLe | NumGe | NumCmp => {
                let y = self.num_operand(b, op);
                let x = self.num_operand(a, op);
                let ord = num_cmp(x, y);
                match op {
                    NumEq => bool_val(ord == Some(std::cmp::Ordering::Equal)),
                    NumNe => bool_val(ord != Some(std::cmp::Ordering::Equal)),
                    NumLt => bool_val(ord == Some(std::cmp::Ordering::Less)),
                    NumGt => bool_val(ord == Some(std::cmp::Ordering::Greater)),
                    NumLe => bool_val(matches!(
                        ord,
                        Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)
                    )),
                    NumGe => bool_val(matches!(
                        ord,
                        Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)
                    )),
                    _ => match ord {
                        Some(o) => Value::Int(o as i64),
                        None => Value::Undef,
                    },
                }
            }
            Concat => {
                self.check_uninit_str(a, b, "concatenation (.) or string");
                let mut s = convert::to_pstr(a).into_owned();
                let bb = to_bytes(b);
                convert::concat_into(&mut s, &bb, convert::is_utf8(b));
                Value::Str(Rc::new(s))
            }
            StrEq | StrNe | StrLt | StrGt | StrLe | StrGe | StrCmp => {
                let opname = match op {
                    StrEq => "string eq",
                    StrNe => "string ne",
                    StrCmp => "string comparison (cmp)",
                    StrLt => "string lt",
                    StrGt => "string gt",
                    StrLe => "string le",
                    _ => "string ge",
                };
                self.check_uninit_str(a, b, opname);
                str_cmp_value(op, str_cmp(a, b))
            }
            BitAnd | BitOr | BitXor | ShiftL | ShiftR => {
                let both_str = matches!(a, Value::Str(_))
                    && matches!(b, Value::Str(_))
                    && self.hints & ast::hints::NUMERIC_BITWISE == 0;
                if both_str && !matches!(op, ShiftL | ShiftR) {
                    return Ok(str_bitop(op, a, b));
                }
                let (x, y) = if matches!(op, ShiftL | ShiftR) {
                    let y = self.num_operand(b, op);
                    (self.num_operand(a, op), y)
                } else {
                    let x = self.num_operand(a, op);
                    (x, self.num_operand(b, op))
                };
                use crate::numeric as n;
                num_to_value(match op {
                    BitAnd => n::bit_and(x, y),
                    BitOr => n::bit_or(x, y),
                    BitXor => n::bit_xor(x, y),
                    ShiftL => n::shl(x, y),
                    _ => n::shr(x, y),
                })
            }
            SBitAnd | SBitOr | SBitXor => str_bitop(
                match op {
                    SBitAnd => BitAnd,
                    SBitOr => BitOr,
                    _ => BitXor,
                },
                a,
                b,
            ),
            Repeat => self.repeat_str(a, b)?,
            Isa => {
                let cls = to_bytes(b).into_owned();
                let cls = String::from_utf8_lossy(&cls).into_owned();
                match a.blessed() {
                    Some(c) => bool_val(self.isa(&c, &cls)),
                    None => bool_val(false),
                }
            }
        })
    }

    fn integer_op(&mut self, op: BinOp, a: &Value, b: &Value) -> R<Option<Value>> {
        use BinOp::*;
        let x = convert::to_i64(a);
        let y = convert::to_i64(b);
        Ok(Some(match op {
            Add => Value::Int(x.wrapping_add(y)),
            Sub => Value::Int(x.wrapping_sub(y)),
            Mul => Value::Int(x.wrapping_mul(y)),
            Div => {
                if y == 0 {
                    return Err(self.die_msg("Illegal division by zero"));
                }
                Value::Int(x.wrapping_div(y))
            }
            Mod => {
                if y == 0 {
                    return Err(self.die_msg("Illegal modulus zero"));
                }
                Value::Int(x.wrapping_rem(y))
            }
            BitAnd => Value::Int(x & y),
            BitOr => Value::Int(x | y),
            BitXor => Value::Int(x ^ y),
            ShiftL => Value::Int(x.wrapping_shl(y as u32)),
            ShiftR => Value::Int(x.wrapping_shr(y as u32)),
            _ => return Ok(None),
        }))
    }

    /// Warn about undef operands of a binary operator, naming the variables
    /// as perl does and in its order (numeric operators look at the right
    /// operand first), and give the undefs their neutral value so `binop`
    /// does not warn again.
    fn uninit_operands(
        &mut self,
        op: BinOp,
        l: &Expr,
        r: &Expr,
        a: Value,
        b: Value,
    ) -> (Value, Value) {
        use BinOp::*;
        let string_op = matches!(
            op,
            Concat
                | StrEq
                | StrNe
                | StrLt
                | StrGt
                | StrLe
                | StrGe
                | StrCmp
                | SBitAnd
                | SBitOr
                | SBitXor
        );
        let right_first = !string_op && !matches!(op, BitAnd | BitOr | BitXor | Repeat);
        let name = opname(op);
        let (a_undef, b_undef) = (a.is_undef(), b.is_undef());
        // With two operands that could be the undefined value, perl names
        // one only by finding the very scalar: an element that does not
        // exist has none.
        let both = !is_const_expr(l) && !is_const_expr(r);
        let lmiss = both && a_undef && self.elem_missing(l);
        let rmiss = both && b_undef && self.elem_missing(r);
        let warn_one = |me: &mut Self, e: &Expr, missing: bool| {
            if missing {
                me.warn_uninit_op(name);
            } else {
                me.warn_uninit(e, name);
            }
        };
        if right_first && b_undef {
            warn_one(self, r, rmiss);
        }
        if a_undef {
            warn_one(self, l, lmiss);
        }
        if !right_first && b_undef {
            warn_one(self, r, rmiss);
        }
        let neutral = |v: Value, left: bool| {
            if !v.is_undef() {
                v
            } else if string_op || (op == Repeat && left) {
                Value::bytes(b"")
            } else {
                Value::Int(0)
            }
        };
        (neutral(a, true), neutral(b, false))
    }

    /// Is `e` an element (of a named array or hash, with a simple
    /// subscript) that does not exist?
    #[cold]
    fn elem_missing(&mut self, e: &Expr) -> bool {
        match e {
            Expr::Index { array, index }
                if matches!(array, ast::ArrayPlace::My(_) | ast::ArrayPlace::Global(_))
                    && matches!(**index, Expr::Int(_) | Expr::My(_) | Expr::Global(_)) =>
            {
                let Ok(av) = self.array_place(array, false) else {
                    return false;
                };
                let Ok(i) = self.sv(index) else { return false };
                let i = convert::to_i64(&i);
                av.resolve(i).is_none_or(|j| j >= av.len())
            }
            Expr::Elem { hash, key }
                if matches!(hash, ast::HashPlace::My(_) | ast::HashPlace::Global(_))
                    && matches!(**key, Expr::Str { .. } | Expr::My(_) | Expr::Global(_)) =>
            {
                let Ok(hv) = self.hash_place(hash, false) else {
                    return false;
                };
                let Ok(k) = self.sv(key) else { return false };
                !hv.exists(&key_of(&k).0.bytes)
            }
            _ => false,
        }
    }

    /// `$!` as an operand: perl's `$!` is a dualvar, a number to numeric
    /// operators and the message to string ones.
    fn errno_operand(&mut self, op: BinOp) -> Value {
        use BinOp::*;
        match op {
            Concat | StrEq | StrNe | StrLt | StrGt | StrLe | StrGe | StrCmp | SBitAnd | SBitOr
            | SBitXor | Repeat | Isa => self.special_get(ast::SpecialVar::Errno),
            _ => Value::Int(self.errno as i64),
        }
    }

    /// Numeric value of an operand, warning about undef and non-numeric
    /// strings under `use warnings`.
    pub fn num_operand(&mut self, v: &Value, op: BinOp) -> Num {
        self.num_operand_in(v, opname(op))
    }

    /// `num_operand` for an operator named `opname` in warnings.
    pub fn num_operand_in(&mut self, v: &Value, opname: &str) -> Num {
        match v {
            Value::Int(i) => Num::Int(*i),
            Value::Num(n) => Num::Float(*n),
            Value::Undef => {
                if self.warnings_on() {
                    self.warn_uninit_op(opname);
                }
                Num::Int(0)
            }
            Value::Str(s) => {
                let (n, ok) = crate::numeric::parse_number(&s.bytes);
                if !ok && self.warnings_on() && !is_sv_no(s) {
                    self.warn_not_numeric(s, opname);
                }
                n
            }
            _ => to_num(v),
        }
    }

    /// Whether a non-numeric string was already warned about as a number.
    pub fn is_numified(&self, s: &Rc<PStr>) -> bool {
        let key = Rc::as_ptr(s) as usize;
        self.numified
            .get(&key)
            .is_some_and(|w| w.upgrade().is_some_and(|r| Rc::ptr_eq(&r, s)))
    }

    /// Remember that a string was numified (with its warning).
    pub fn mark_numified(&mut self, s: &Rc<PStr>) {
        if self.numified.len() >= 1024 {
            self.numified.retain(|_, w| w.strong_count() > 0);
        }
        self.numified
            .insert(Rc::as_ptr(s) as usize, Rc::downgrade(s));
    }

    /// "Argument … isn't numeric", once per string: perl caches the number
    /// in the scalar, so later numeric uses of the same value stay quiet.
    #[cold]
    pub fn warn_not_numeric(&mut self, s: &Rc<PStr>, opname: &str) {
        let key = Rc::as_ptr(s) as usize;
        if let Some(w) = self.numified.get(&key) {
            if w.upgrade().is_some() {
                return;
            }
        }
        if self.numified.len() >= 1024 {
            self.numified.retain(|_, w| w.strong_count() > 0);
        }
        self.numified.insert(key, Rc::downgrade(s));
        let shown = display_for_warning(s);
        self.warn_str(&format!(
            "Argument \"{}\" isn't numeric in {}",
            shown, opname
        ));
    }

    pub fn unop(&mut self, op: UnOp, v: &Value) -> R<Value> {
        Ok(match op {
            UnOp::Neg => match v {
                Value::Int(i) if *i != i64::MIN => Value::Int(-*i),
                Value::Str(s) => {
                    let b = &s.bytes;
                    if b.is_empty() {
                        Value::Int(0)
                    } else if b[0].is_ascii_alphabetic() || b[0] == b'_' {
                        let mut out = b"-".to_vec();
                        out.extend_from_slice(b);
                        Value::str_from(out, s.utf8)
                    } else if (b[0] == b'-' || b[0] == b'+')
                        && b.len() > 1
                        && !crate::numeric::looks_like_number(b)
                    {
                        let mut out = if b[0] == b'-' {
                            b"+".to_vec()
                        } else {
                            b"-".to_vec()
                        };
                        out.extend_from_slice(&b[1..]);
                        Value::str_from(out, s.utf8)
                    } else {
                        let n = self.num_operand_in(v, "negation (-)");
                        neg_num(n)
                    }
                }
                Value::Undef => {
                    if self.warnings_on() {
                        self.warn_uninit_op("negation (-)");
                    }
                    Value::Int(0)
                }
                _ => {
                    if let Some(r) = self.overload_unop("neg", v)? {
                        return Ok(r);
                    }
                    if v.is_ref() {
                        if let Some(n) = self.overload_number(v)? {
                            return Ok(neg_num(to_num(&n)));
                        }
                    }
                    neg_num(to_num(v))
                }
            },
            UnOp::BitNot => {
                if let (Value::Undef, 0) = (v, self.hints & ast::hints::NUMERIC_BITWISE) {
                    return Ok(Value::bytes(b""));
                }
                if let (Value::Str(s), 0) = (v, self.hints & ast::hints::NUMERIC_BITWISE) {
                    if !crate::numeric::looks_like_number(&s.bytes) || s.bytes.is_empty() {
                        return Ok(Value::str_from(s.bytes.iter().map(|b| !b).collect(), false));
                    }
                }
                if self.hints & ast::hints::INTEGER != 0 {
                    return Ok(Value::Int(!convert::to_i64(v)));
                }
                num_to_value(crate::numeric::bit_not(to_num(v)))
            }
            UnOp::SBitNot => {
                let b = to_bytes(v);
                Value::str_from(b.iter().map(|b| !b).collect(), false)
            }
        })
    }

    /// A repeat count; a string that is not a number warns.
    fn repeat_count(&mut self, n: &Value) -> i64 {
        let num = match n {
            Value::Str(_) if self.warnings_on() => self.num_operand_in(n, "repeat (x)"),
            _ => convert::to_num(n),
        };
        if let crate::numeric::Num::Float(f) = num {
            if !f.is_finite() {
                if self.warnings_on() {
                    self.warn_str("Non-finite repeat count does nothing");
                }
                return 0;
            }
        }
        convert::to_i64(&num_to_value(num))
    }

    pub fn repeat_str(&mut self, v: &Value, n: &Value) -> R<Value> {
        let n = self.repeat_count(n);
        if n <= 0 {
            if n < 0 && self.warnings_on() {
                self.warn_str("Negative repeat count does nothing");
            }
            return Ok(Value::bytes(b""));
        }
        let s = convert::to_pstr(v);
        // A size the allocator refuses is perl's "Out of memory!", not an
        // abort of the whole shell.
        let mut out = Vec::new();
        let total = s.bytes.len().checked_mul(n as usize);
        if total.is_none_or(|t| out.try_reserve_exact(t).is_err()) {
            return Err(self.die_msg("Out of memory!"));
        }
        for _ in 0..n {
            out.extend_from_slice(&s.bytes);
        }
        Ok(Value::str_from(out, s.utf8))
    }

    /// `++`/`--`, pre or post.
    pub(super) fn incdec(&mut self, t: &Expr, inc: bool, pre: bool) -> R<Value> {
        // Lexical integer fast path.
        if let Expr::My(s) = t {
            if let PadSlot::Scalar(sv) = &self.pad[*s as usize] {
                if let Some(r) = sv.step_int(inc, pre) {
                    return Ok(Value::Int(r));
                }
            }
        }
        let sv = self.lv_sv(t)?;
        self.incdec_sv(t, &sv, inc, pre)
    }

    /// `++`/`--` on the container `sv` of `t` (named in warnings).
    pub(super) fn incdec_sv(&mut self, t: &Expr, sv: &Sv, inc: bool, pre: bool) -> R<Value> {
        let old = sv.get();
        let opname = match (inc, pre) {
            (true, true) => "preincrement (++)",
            (true, false) => "postincrement (++)",
            (false, true) => "predecrement (--)",
            (false, false) => "postdecrement (--)",
        };
        let step = |n: Num| {
            if inc {
                crate::numeric::add(n, Num::Int(1))
            } else {
                crate::numeric::sub(n, Num::Int(1))
            }
        };
        let new = match &old {
            Value::Int(i) => match if inc {
                i.checked_add(1)
            } else {
                i.checked_sub(1)
            } {
                Some(r) => Value::Int(r),
                None => {
                    // IV_MAX + 1 still fits an unsigned integer.
                    if !inc {
                        self.warn_lost_precision(*i as f64, inc);
                    }
                    num_to_value(step(Num::Int(*i)))
                }
            },
            Value::Num(f) => {
                self.warn_lost_precision(*f, inc);
                num_to_value(step(Num::Float(*f)))
            }
            // perl never warns for `++`/`--` on undef.
            Value::Undef => Value::Int(if inc { 1 } else { -1 }),
            Value::Str(s)
                if inc && !s.bytes.is_empty() && !crate::numeric::looks_like_number(&s.bytes) =>
            {
                match crate::numeric::magic_increment(&s.bytes) {
                    Some(b) => Value::str_from(b, false),
                    None if self.warnings_on() && inc_treated_as_zero(&s.bytes) => {
                        // perl's own wording for these (the value is
                        // incremented all the same).
                        let msg = format!(
                            "Argument \"{}\" treated as 0 in increment (++)",
                            display_for_warning(s)
                        );
                        self.warn_str(&msg);
                        let n = crate::numeric::parse_number(&s.bytes).0;
                        num_to_value(step(n))
                    }
                    None => {
                        // The variable gets a new value: the string itself
                        // is not marked numified (copies of it still warn).
                        if self.warnings_on() && !is_sv_no(s) && !self.is_numified(s) {
                            let msg = format!(
                                "Argument \"{}\" isn't numeric in {opname}",
                                display_for_warning(s)
                            );
                            self.warn_str(&msg);
                        }
                        num_to_value(step(crate::numeric::parse_number(&s.bytes).0))
                    }
                }
            }
            // `--` on a string and `++` on "" never warn in perl.
            Value::Str(s) => num_to_value(step(crate::numeric::parse_number(&s.bytes).0)),
            _ => {
                if let Some(r) = self.overload_unop(if inc { "++" } else { "--" }, &old)? {
                    r
                } else {
                    num_to_value(step(to_num(&old)))
                }
            }
        };
        self.assign_container(t, sv, new.clone())?;
        Ok(if pre {
            new
        } else if old.is_undef() {
            if inc {
                Value::Int(0)
            } else {
                Value::Undef
            }
        } else {
            old
        })
    }

    /// "Lost precision when incrementing %f by 1" for a float too large
    /// for `++`/`--` to change.
    fn warn_lost_precision(&mut self, was: f64, inc: bool) {
        const LIMIT: f64 = 9007199254740992.0;
        // Where adding or subtracting 1 gives the same float back (written
        // as comparisons so that NaN is never `lost`).
        #[allow(clippy::manual_range_contains)]
        let lost = if inc {
            was >= LIMIT || was < -LIMIT
        } else {
            was > LIMIT || was <= -LIMIT
        };
        if lost && was.is_finite() && self.warnings_on() {
            let what = if inc { "incrementing" } else { "decrementing" };
            self.warn_str(&format!("Lost precision when {what} {was:.6} by 1"));
        }
    }

    /// `..` in list context.
    pub fn range_list(&mut self, l: &Value, r: &Value, out: &mut Vec<Value>) -> R<()> {
        if self.range_is_numeric(l, r) {
            let (lo, hi) = self.range_ends(l, r, false)?;
            if hi >= lo && (hi - lo) as u64 > 1 << 31 {
                return Err(self.die_msg("Out of memory during list extend"));
            }
            for i in lo..=hi {
                out.push(Value::Int(i));
            }
            return Ok(());
        }
        // Magic string range: increment until equal or longer than the end.
        let start = to_bytes(l).into_owned();
        let end = to_bytes(r).into_owned();
        if start.len() > end.len() {
            return Ok(());
        }
        let mut cur = start;
        let mut guard = 0usize;
        loop {
            out.push(Value::str_from(cur.clone(), false));
            if cur == end {
                break;
            }
            match crate::numeric::magic_increment(&cur) {
                Some(n) => cur = n,
                None => break,
            }
            if cur.len() > end.len() {
                break;
            }
            guard += 1;
            if guard > 100_000_000 {
                break;
            }
        }
        Ok(())
    }

    /// The integer ends of a numeric range. A `foreach` range refuses ends
    /// that are not integers it can count with (infinite, NaN, beyond 64
    /// bits); a list range, as perl's, only a start below or an end above
    /// that range.
    pub fn range_ends(&mut self, l: &Value, r: &Value, foreach: bool) -> R<(i64, i64)> {
        let (l, r) = (convert::to_num(l), convert::to_num(r));
        let below = |n: Num| matches!(n, Num::Float(f) if f < i64::MIN as f64);
        let above = |n: Num| match n {
            Num::Int(_) => false,
            Num::UInt(u) => u > i64::MAX as u64,
            Num::Float(f) => f >= i64::MAX as f64,
        };
        let nan = |n: Num| matches!(n, Num::Float(f) if f.is_nan());
        let outside = if foreach {
            [l, r].into_iter().any(|n| below(n) || above(n) || nan(n))
        } else {
            below(l) || above(r)
        };
        if outside {
            return Err(self.die_msg("Range iterator outside integer range"));
        }
        Ok((convert::num_i64(l), convert::num_i64(r)))
    }

    pub fn range_is_numeric(&self, l: &Value, r: &Value) -> bool {
        let looks = |v: &Value| match v {
            Value::Str(s) => crate::numeric::looks_like_number(&s.bytes) || s.bytes.is_empty(),
            _ => true,
        };
        // perl: if both look like numbers (or the left does and is not a
        // string starting with 0), count numerically.
        if let Value::Str(s) = l {
            if s.bytes.is_empty() {
                return !matches!(r, Value::Str(_)) || looks(r);
            }
            if s.bytes.len() > 1
                && s.bytes[0] == b'0'
                && crate::numeric::looks_like_number(&s.bytes)
            {
                // "01".."03" is a string range.
                return !matches!(r, Value::Str(_));
            }
        }
        looks(l) && looks(r) || !matches!(l, Value::Str(_))
    }

    /// `..`/`...` in scalar context: the flip-flop.
    fn flip_flop(&mut self, l: &Expr, r: &Expr, three: bool, state: u32) -> R<Value> {
        let on = self.op_state(state);
        let test = |this: &mut Interp, e: &Expr| -> R<bool> {
            // A constant operand compares with $. (the current line number).
            match e {
                Expr::Int(n) => Ok(this.input_line_number() == *n),
                _ => this.cond(e),
            }
        };
        let counter_slot = state;
        if !on {
            if test(self, l)? {
                self.set_op_state(state, true);
                self.set_op_counter(counter_slot, 1);
                if !three && test(self, r)? {
                    self.set_op_state(state, false);
                    return Ok(Value::bytes(b"1E0"));
                }
                return Ok(Value::Int(1));
            }
            Ok(Value::bytes(b""))
        } else {
            let n = self.op_counter(counter_slot) + 1;
            self.set_op_counter(counter_slot, n);
            if test(self, r)? {
                self.set_op_state(state, false);
                return Ok(Value::string(format!("{n}E0")));
            }
            Ok(Value::Int(n))
        }
    }

    /// `\EXPR`: references (a list of them for `\(@a)` / `\(LIST)`).
    pub fn make_refs(&mut self, e: &Expr, out: &mut Vec<Value>) -> R<()> {
        match e {
            Expr::List(items) => {
                // \(@a) gives refs to each element; \(LIST) refs to each item.
                for i in items {
                    match i {
                        Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::ArrayDeref(_) => {
                            let av = self.array_of(i, true)?;
                            av.for_each_container(|sv| out.push(Value::ScalarRef(sv)));
                        }
                        _ => self.make_refs(i, out)?,
                    }
                }
            }
            Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::ArrayDeref(_) | Expr::Args => {
                out.push(Value::ArrayRef(self.array_of(e, true)?))
            }
            Expr::MyHash(_) | Expr::GlobalHash(_) | Expr::HashDeref(_) => {
                out.push(Value::HashRef(self.hash_of(e, true)?))
            }
            Expr::SubRef(_) => out.push(self.sv(e)?),
            Expr::CodeDeref(inner) => {
                let v = self.sv(inner)?;
                // `\&{"name"}` (allowed under strict refs) and `\&$glob` of
                // a sub not defined yet make a stub, as `\&name` does.
                let name = match &v {
                    Value::Str(_) => {
                        let n = String::from_utf8_lossy(&to_bytes(&v)).into_owned();
                        let full = self.qualify(n.strip_prefix('&').unwrap_or(&n));
                        Some(full)
                    }
                    Value::Glob(g) | Value::GlobRef(g) if g.code().is_none() => {
                        Some(g.name.to_string())
                    }
                    _ => None,
                };
                let cv = match name {
                    Some(full) => match self.find_sub(&full) {
                        Some(c) => c,
                        None => {
                            let g = self.glob(&full);
                            let cv = Code::new(CodeKind::Stub, Some(Rc::from(full.as_str())));
                            g.set_code(Some(cv.clone()));
                            cv
                        }
                    },
                    None => self.code_of(&v)?,
                };
                out.push(Value::CodeRef(cv));
            }
            Expr::Special(
                ast::SpecialVar::MatchStart | ast::SpecialVar::MatchEnd | ast::SpecialVar::Captures,
            ) => {
                let mut vals = Vec::new();
                self.list(e, &mut vals)?;
                out.push(Value::ArrayRef(Array::from_values(vals)));
            }
            Expr::Special(
                sp @ (ast::SpecialVar::NamedCaptures | ast::SpecialVar::NamedCaptureLists),
            ) => {
                out.push(Value::HashRef(
                    self.named_captures_hv(*sp == ast::SpecialVar::NamedCaptureLists),
                ));
            }
            Expr::Glob(id) => out.push(Value::GlobRef(self.gv(*id).clone())),
            Expr::GlobDeref(inner) => {
                let v = self.sv(inner)?;
                out.push(Value::GlobRef(self.glob_deref(&v)?));
            }
            Expr::Handle(id) => out.push(Value::GlobRef(self.gv(*id).clone())),
            Expr::MyDecl { vars, paren } => {
                self.intro_my(vars);
                if *paren || vars.len() > 1 {
                    for (k, s) in vars {
                        out.push(self.slot_ref(*k, *s));
                    }
                } else if let Some((k, s)) = vars.first() {
                    out.push(self.slot_ref(*k, *s));
                }
            }
            Expr::AnonSub(_) => {
                // \sub {…} is a ref to a code ref.
                let v = self.sv(e)?;
                out.push(Value::ScalarRef(Scalar::new(v)));
            }
            Expr::Slice { .. } | Expr::HashSlice { .. } => {
                let svs = self.lv_list_containers(e)?;
                out.extend(svs.into_iter().map(Value::ScalarRef));
            }
            Expr::Func {
                f: ast::Func::Substr,
                args,
            } if args.len() < 4 => out.push(Value::ScalarRef(self.substr_lvalue(args)?)),
            Expr::Call { .. } | Expr::Func { .. } | Expr::Method { .. } => {
                let mut vals = Vec::new();
                self.list(e, &mut vals)?;
                if vals.len() == 1 {
                    out.push(Value::ScalarRef(Scalar::new(vals.pop().unwrap())));
                } else {
                    out.extend(vals.into_iter().map(|v| Value::ScalarRef(Scalar::new(v))));
                }
            }
            _ => out.push(Value::ScalarRef(self.lv_sv(e)?)),
        }
        Ok(())
    }

    fn slot_ref(&self, k: ast::PadKind, s: u32) -> Value {
        match k {
            ast::PadKind::Scalar => Value::ScalarRef(self.pad_sv(s)),
            ast::PadKind::Array => Value::ArrayRef(self.pad_av(s)),
            ast::PadKind::Hash => Value::HashRef(self.pad_hv(s)),
        }
    }

    pub fn input_line_number(&self) -> i64 {
        match &self.last_read {
            Some((h, _)) => h.io.borrow().lines,
            None => 0,
        }
    }

    // ------------------------------------------------------------ op state

    pub fn op_state(&self, i: u32) -> bool {
        match &self.cur_sub {
            Some(cv) => unsafe {
                (&*cv.opstate.get())
                    .get(i as usize * 2)
                    .copied()
                    .unwrap_or(false)
            },
            None => false,
        }
    }

    pub fn set_op_state(&self, i: u32, v: bool) {
        if let Some(cv) = &self.cur_sub {
            let st = unsafe { &mut *cv.opstate.get() };
            let need = i as usize * 2 + 2;
            if st.len() < need {
                st.resize(need, false);
            }
            st[i as usize * 2] = v;
        }
    }

    /// After its first initialisation, a `state` variable's container is
    /// kept with the closure, so later calls find it in their pad.
    fn keep_state_vars(&mut self, assign: &Expr) {
        let lhs = match assign {
            Expr::Assign { lhs, .. } | Expr::ListAssign { lhs, .. } => &**lhs,
            _ => return,
        };
        let Expr::MyDecl { vars, .. } = lhs else {
            return;
        };
        let Some(cv) = self.cur_sub.clone() else {
            return;
        };
        let st = unsafe { &mut *cv.state.get() };
        for (_, s) in vars {
            if let Some(c) = self.pad.get(*s as usize) {
                st.retain(|(k, _)| k != s);
                st.push((*s, c.clone()));
            }
        }
    }

    /// Flip-flop sequence numbers live in the closure's state vector too
    /// (as extra entries keyed by slot).
    fn op_counter(&self, i: u32) -> i64 {
        match &self.cur_sub {
            Some(cv) => {
                let st = unsafe { &*cv.state.get() };
                st.iter()
                    .find(|(k, _)| *k == u32::MAX - i)
                    .and_then(|(_, s)| match s {
                        PadSlot::Scalar(sv) => Some(convert::to_i64(&sv.get())),
                        _ => None,
                    })
                    .unwrap_or(0)
            }
            None => 0,
        }
    }

    fn set_op_counter(&self, i: u32, n: i64) {
        if let Some(cv) = &self.cur_sub {
            let st = unsafe { &mut *cv.state.get() };
            match st.iter().find(|(k, _)| *k == u32::MAX - i) {
                Some((_, PadSlot::Scalar(sv))) => sv.set(Value::Int(n)),
                _ => st.push((u32::MAX - i, PadSlot::Scalar(Scalar::new(Value::Int(n))))),
            }
        }
    }

    // ------------------------------------------------------------ pad access

    /// The value of the lexical scalar in slot `s`.
    #[inline(always)]
    pub(crate) fn pad_value(&self, s: usize) -> Value {
        match &self.pad[s] {
            PadSlot::Scalar(sv) => sv.get(),
            _ => Value::Undef,
        }
    }

    #[inline]
    pub fn pad_sv(&self, s: u32) -> Sv {
        match &self.pad[s as usize] {
            PadSlot::Scalar(sv) => sv.clone(),
            _ => Scalar::new(Value::Undef),
        }
    }

    #[inline]
    pub fn pad_av(&self, s: u32) -> Av {
        match &self.pad[s as usize] {
            PadSlot::Array(av) => av.clone(),
            _ => Array::new(),
        }
    }

    #[inline]
    pub fn pad_hv(&self, s: u32) -> Hv {
        match &self.pad[s as usize] {
            PadSlot::Hash(hv) => hv.clone(),
            _ => Hash::new(),
        }
    }

    /// `my`: reset the slots. perl abandons a container at scope exit when
    /// something else still holds it (a closure, a reference) and gives the
    /// slot a new one; we decide at the next `my` instead. A container that
    /// is shared but still empty is kept: that is the first `my` of a
    /// file-level variable a named sub captured before it ran.
    pub fn intro_my(&mut self, vars: &[(ast::PadKind, u32)]) {
        for (k, s) in vars {
            // `state @x;` declares once per closure: its value persists.
            if let Some(body) = self.cur_sub.as_ref().and_then(|c| c.body()) {
                if body.pad.get(*s as usize).is_some_and(|p| p.is_state) {
                    continue;
                }
            }
            // A variable only this pad holds keeps its value: scopes clear
            // their variables as they end, so what is there was put by a
            // BEGIN block (`my %h; BEGIN { %h = … }`), as perl keeps it.
            let slot = &mut self.pad[*s as usize];
            match (k, &*slot) {
                (ast::PadKind::Scalar, PadSlot::Scalar(sv)) => {
                    let own = Rc::strong_count(sv) == 1 && sv.blessed().is_none();
                    if !own && sv.blessed().is_some() {
                        *slot = PadSlot::Scalar(Scalar::new(Value::Undef));
                    }
                }
                (ast::PadKind::Scalar, _) => *slot = PadSlot::Scalar(Scalar::new(Value::Undef)),
                (ast::PadKind::Array, PadSlot::Array(av)) => {
                    let own = Rc::strong_count(av) == 1 && av.blessed().is_none();
                    if !own && av.blessed().is_some() {
                        *slot = PadSlot::Array(Array::new());
                    }
                }
                (ast::PadKind::Array, _) => *slot = PadSlot::Array(Array::new()),
                (ast::PadKind::Hash, PadSlot::Hash(hv)) => {
                    let own = Rc::strong_count(hv) == 1 && hv.blessed().is_none();
                    if !own && hv.blessed().is_some() {
                        *slot = PadSlot::Hash(Hash::new());
                    }
                }
                (ast::PadKind::Hash, _) => *slot = PadSlot::Hash(Hash::new()),
            }
        }
    }

    pub fn special_get(&mut self, sp: ast::SpecialVar) -> Value {
        use ast::SpecialVar::*;
        match sp {
            Capture(n) => self.capture_value(n as usize),
            Match => self.capture_value(0),
            PreMatch => match self.last_match.offs.first().copied().flatten() {
                Some((s, _)) => sub_pstr(&self.last_match.subject, 0, s),
                None => Value::Undef,
            },
            PostMatch => match self.last_match.offs.first().copied().flatten() {
                Some((_, e)) => {
                    let len = self.last_match.subject.bytes.len();
                    sub_pstr(&self.last_match.subject, e, len)
                }
                None => Value::Undef,
            },
            LastParen => {
                let n = self
                    .last_match
                    .offs
                    .iter()
                    .rposition(|o| o.is_some())
                    .unwrap_or(0);
                if n == 0 {
                    Value::Undef
                } else {
                    self.capture_value(n)
                }
            }
            LastClosedParen => {
                // The group that closed last ends furthest right; of groups
                // ending together, the one whose `)` comes later in the
                // pattern closed last.
                let offs = &self.last_match.offs;
                let close = self
                    .last_match
                    .re
                    .as_ref()
                    .map(|r| r.group_close_positions())
                    .unwrap_or(&[]);
                let cp = |i: usize| close.get(i).copied().unwrap_or(0);
                let mut best: Option<(usize, usize, usize)> = None;
                for (i, o) in offs.iter().enumerate().skip(1) {
                    if let Some((_, e)) = *o {
                        if best.is_none_or(|(bi, _, be)| e > be || (e == be && cp(i) > cp(bi))) {
                            best = Some((i, 0, e));
                        }
                    }
                }
                match best {
                    Some((i, _, _)) => self.capture_value(i),
                    None => Value::Undef,
                }
            }
            MatchStart | MatchEnd | Captures => {
                let mut out = Vec::new();
                let _ = self.list(&Expr::Special(sp), &mut out);
                Value::Int(out.len() as i64)
            }
            NamedCaptures | NamedCaptureLists => Value::Undef,
            Errno => {
                let e = self.errno;
                if e == 0 {
                    return bool_val(false);
                }
                let text = errno_text(e);
                Value::Dual(Rc::new(crate::value::Dual {
                    num: Value::Int(e as i64),
                    str: PStr::new(text.as_bytes().to_vec(), !text.is_ascii()),
                }))
            }
            ChildStatus => Value::Int(self.child_status),
            Pid => Value::Int(std::process::id() as i64),
            InputLine => match &self.last_read {
                Some((h, _)) => Value::Int(h.io.borrow().lines),
                None => Value::Undef,
            },
            Warnings => Value::Int(self.global_warnings as i64),
            PerlVersion => Value::from_str("5.036000"),
            // A version object in perl; its string form is what scripts see.
            PerlVersionV => Value::bytes(b"v5.36.0"),
            ExecPath => Value::string(self.exec_path.clone()),
            OsName => Value::bytes(b"linux"),
            BaseTime => Value::Int(self.start_time),
            InEval => bool_val(self.frames.iter().any(|f| f.is_eval)),
            ExtendedError => self.special_get(Errno),
            Uid => Value::Int(unsafe { libc::getuid() } as i64),
            Euid => Value::Int(unsafe { libc::geteuid() } as i64),
            Gid => Value::string(gid_list(unsafe { libc::getgid() })),
            Egid => Value::string(gid_list(unsafe { libc::getegid() })),
        }
    }

    /// A snapshot of `%+` (`lists: false`: each name that matched, with the
    /// value of its leftmost matching group) or `%-` (every name, with the
    /// values of all its groups).
    pub fn named_captures_hv(&self, lists: bool) -> Hv {
        let hv = Hash::new();
        let Some(re) = self.last_match.re.clone() else {
            return hv;
        };
        for (name, groups) in re.capture_names() {
            let key = make_key(name.as_bytes(), !name.is_ascii());
            if lists {
                let vals = groups.iter().map(|&g| self.capture_value(g)).collect();
                hv.set(key, Value::ArrayRef(Array::from_values(vals)));
            } else if let Some(&g) = groups
                .iter()
                .find(|&&g| self.last_match.offs.get(g).copied().flatten().is_some())
            {
                hv.set(key, self.capture_value(g));
            }
        }
        hv
    }

    /// `last`/`next`/`redo` (to `label`): the flow that unwinds to the loop.
    fn loop_ctl(&mut self, kind: ast::LoopCtlKind, label: Option<std::sync::Arc<str>>) -> Flow {
        self.flow_label = label;
        self.flow_line = self.line;
        self.flow_file = self.file.clone();
        // `no warnings 'exiting'` where the `last` is silences it.
        use ast::hints as h;
        let off = h::NO_WARN_OTHER | h::LEXICAL_WARNINGS;
        self.flow_warn = self.warnings_on() && self.hints & off != off;
        if self.loop_depth == 0 {
            return self.no_loop_for(kind);
        }
        match kind {
            ast::LoopCtlKind::Last => Flow::Last,
            ast::LoopCtlKind::Next => Flow::Next,
            ast::LoopCtlKind::Redo => Flow::Redo,
        }
    }

    pub fn capture_value(&self, n: usize) -> Value {
        match self.last_match.offs.get(n).copied().flatten() {
            Some((s, e)) => sub_pstr(&self.last_match.subject, s, e),
            None => Value::Undef,
        }
    }

    pub fn die_msg(&mut self, msg: impl AsRef<str>) -> Flow {
        let m = format!("{}{}.\n", msg.as_ref(), self.location());
        self.die_value = Value::string(m);
        self.throw()
    }

    /// ` at FILE line N` plus the `, <FH> line M` part when a handle was read.
    pub fn location(&self) -> String {
        // perl names no place for code at line 0: the loop that -n and -p
        // put around a program.
        if self.line == 0 {
            return String::new();
        }
        let mut s = format!(" at {} line {}", self.file, self.line);
        if let Some((h, name)) = &self.last_read {
            let n = h.io.borrow().lines;
            if n > 0 {
                s.push_str(&format!(
                    ", <{}> {} {}",
                    // perl shows the ARGV handle as `<>`.
                    if &**name == "ARGV" { "" } else { name },
                    if self.is_chunk_mode() {
                        "chunk"
                    } else {
                        "line"
                    },
                    n
                ));
            }
        }
        s
    }

    fn is_chunk_mode(&self) -> bool {
        let rs = self.gv(wk::RS).sv().get();
        !matches!(&rs, Value::Str(s) if s.bytes == b"\n")
    }
}

// ---------------------------------------------------------------- helpers

#[derive(Clone, Copy)]
enum NumLeaf {
    I(i64),
    F(f64),
}

/// One arithmetic step of `num_tree`, with the result kept unboxed; `None`
/// where perl's general rules are needed (overflow, division by zero,
/// negative modulus, other operators).
#[inline(always)]
fn num_arith(op: BinOp, x: NumLeaf, y: NumLeaf) -> Option<NumLeaf> {
    use BinOp::*;
    if !matches!(op, Add | Sub | Mul | Div | Mod) {
        return None;
    }
    match num_leaf_op(op, x, y)? {
        Value::Int(i) => Some(NumLeaf::I(i)),
        Value::Num(f) => Some(NumLeaf::F(f)),
        _ => None,
    }
}

/// Arithmetic and comparison on two plain numbers, when the result needs no
/// general handling (no overflow, no division by zero).
#[inline(always)]
fn num_leaf_op(op: BinOp, x: NumLeaf, y: NumLeaf) -> Option<Value> {
    use BinOp::*;
    match (x, y) {
        (NumLeaf::I(a), NumLeaf::I(b)) => match op {
            Add => a.checked_add(b).map(Value::Int),
            Sub => a.checked_sub(b).map(Value::Int),
            Mul => a.checked_mul(b).map(Value::Int),
            Mod if a >= 0 && b > 0 => Some(Value::Int(a % b)),
            NumLt => Some(bool_val(a < b)),
            NumGt => Some(bool_val(a > b)),
            NumLe => Some(bool_val(a <= b)),
            NumGe => Some(bool_val(a >= b)),
            NumEq => Some(bool_val(a == b)),
            NumNe => Some(bool_val(a != b)),
            _ => None,
        },
        _ => {
            let f = |n: NumLeaf| match n {
                NumLeaf::I(i) => i as f64,
                NumLeaf::F(f) => f,
            };
            let hint = |n: NumLeaf| match n {
                NumLeaf::I(i) => Some(i),
                NumLeaf::F(_) => None,
            };
            let (xi, yi) = (hint(x), hint(y));
            let (a, b) = (f(x), f(y));
            match op {
                Add => Some(float_add(a, b, xi, yi)),
                Sub => Some(float_sub(a, b, xi, yi)),
                Mul => Some(float_mul(a, b, xi, yi)),
                Div if b != 0.0 => Some(float_div(a, b, xi, yi)),
                NumLt => Some(bool_val(a < b)),
                NumGt => Some(bool_val(a > b)),
                NumLe => Some(bool_val(a <= b)),
                NumGe => Some(bool_val(a >= b)),
                NumEq => Some(bool_val(a == b)),
                NumNe => Some(bool_val(a != b)),
                _ => None,
            }
        }
    }
}

/// perl does arithmetic on integers whenever both operands are integers,
/// floats with integral values included (`1e15 * 10` is the integer
/// 10000000000000000, printed in full). Below 1e15 a float result prints
/// the same either way (`float_result`); above, the operands decide.
///
/// `xi`/`yi` are the operands themselves when they were integers.
#[inline]
pub(super) fn float_add(x: f64, y: f64, xi: Option<i64>, yi: Option<i64>) -> Value {
    float_op(x + y, [(x, xi), (y, yi)], i64::checked_add)
}

#[inline]
pub(super) fn float_sub(x: f64, y: f64, xi: Option<i64>, yi: Option<i64>) -> Value {
    float_op(x - y, [(x, xi), (y, yi)], i64::checked_sub)
}

#[inline]
pub(super) fn float_mul(x: f64, y: f64, xi: Option<i64>, yi: Option<i64>) -> Value {
    float_op(x * y, [(x, xi), (y, yi)], i64::checked_mul)
}

/// Division stays integral only when it is exact.
pub(super) fn float_div(x: f64, y: f64, xi: Option<i64>, yi: Option<i64>) -> Value {
    float_op(x / y, [(x, xi), (y, yi)], |a, b| {
        (b != 0 && a.checked_rem(b) == Some(0)).then(|| a / b)
    })
}

/// The integer a plain number is, for `float_add` and friends.
#[inline(always)]
pub(super) fn int_hint(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        _ => None,
    }
}

type Operand = (f64, Option<i64>);

#[inline(always)]
fn float_op(f: f64, ops: [Operand; 2], int_op: fn(i64, i64) -> Option<i64>) -> Value {
    if f.abs() < 1e15 {
        return float_result(f);
    }
    big_float_result(f, ops, int_op)
}

#[cold]
#[inline(never)]
fn big_float_result(f: f64, ops: [Operand; 2], int_op: fn(i64, i64) -> Option<i64>) -> Value {
    // perl takes a float as an integer only when it is exactly one that a
    // double holds without loss (below 2**53).
    let int = |(v, i): Operand| {
        i.or_else(|| (v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0).then_some(v as i64))
    };
    if let (Some(a), Some(b)) = (int(ops[0]), int(ops[1])) {
        if let Some(r) = int_op(a, b) {
            return Value::Int(r);
        }
    }
    Value::Num(f)
}

/// A float result, kept as an integer when it is integral and exactly
/// representable, as perl's arithmetic does (so `0.5 + 0.5` prints `1` and
/// later integer operations stay on the fast path).
#[inline]
pub(super) fn float_result(f: f64) -> Value {
    if f.abs() < 1e15 && (f as i64) as f64 == f && !(f == 0.0 && f.is_sign_negative()) {
        Value::Int(f as i64)
    } else {
        Value::Num(f)
    }
}

#[inline]
pub fn bool_val(b: bool) -> Value {
    if b {
        Value::Int(1)
    } else {
        Value::Str(empty_str())
    }
}

thread_local! {
    static EMPTY: Rc<PStr> = Rc::new(PStr::default());
}

pub fn empty_str() -> Rc<PStr> {
    EMPTY.with(|e| e.clone())
}

/// Whether a string is perl's false value (`!1`), which is also the number
/// 0 and so never warns as non-numeric.
#[inline]
pub fn is_sv_no(s: &Rc<PStr>) -> bool {
    s.bytes.is_empty() && EMPTY.with(|e| Rc::ptr_eq(e, s))
}

/// The value of `$h{k}` (undef when missing; nothing is created).
#[inline]
pub fn hash_get(hv: &Hv, k: &Value) -> Value {
    if let Value::Str(s) = k {
        if !s.utf8 {
            return hv.get(&s.bytes);
        }
    }
    let kb = to_bytes(k);
    if convert::is_utf8(k) && !kb.is_ascii() {
        let key = make_key(&kb, true);
        hv.get(&key.0.bytes)
    } else {
        hv.get(&kb)
    }
}

/// Hash key of a value.
#[inline]
pub fn key_of(v: &Value) -> Key {
    match v {
        Value::Str(s) if !s.utf8 || s.bytes.is_ascii() => {
            if s.utf8 {
                Key(Rc::new(PStr {
                    bytes: s.bytes.clone(),
                    utf8: false,
                }))
            } else {
                Key(s.clone())
            }
        }
        _ => {
            let b = to_bytes(v);
            make_key(&b, convert::is_utf8(v))
        }
    }
}

/// The part of a string between byte offsets, keeping its utf8 flag.
pub fn sub_pstr(s: &PStr, a: usize, b: usize) -> Value {
    let a = a.min(s.bytes.len());
    let b = b.clamp(a, s.bytes.len());
    Value::str_from(s.bytes[a..b].to_vec(), s.utf8)
}

/// Byte offset to character offset.
pub fn char_offset(s: &PStr, byte: usize) -> usize {
    if s.utf8 {
        utf8_char_count(&s.bytes[..byte.min(s.bytes.len())])
    } else {
        byte
    }
}

/// `*glob{SLOT}`.
fn glob_slot(g: &Gv, slot: &str) -> Value {
    match slot {
        "SCALAR" => Value::ScalarRef(g.sv()),
        "ARRAY" if g.has_av() => Value::ArrayRef(g.av()),
        "HASH" if g.has_hv() => Value::HashRef(g.hv()),
        "CODE" => g.code().map(Value::CodeRef).unwrap_or_default(),
        // The handle itself, apart from the glob (it outlives a `local
        // *FH` that ends), as an IO::File object.
        "IO" | "FILEHANDLE" if g.io().is_some() => {
            let io = Glob::new(g.name.clone());
            io.set_io(g.io());
            io.bless(Rc::from("IO::File"));
            Value::GlobRef(io)
        }
        "GLOB" => Value::GlobRef(g.clone()),
        "NAME" => Value::from_str(g.name.rsplit("::").next().unwrap_or("")),
        "PACKAGE" => Value::from_str(g.name.rsplit_once("::").map(|(p, _)| p).unwrap_or("main")),
        _ => Value::Undef,
    }
}

fn strip_decl(e: &Expr) -> &Expr {
    match e {
        Expr::Local(inner) => inner,
        _ => e,
    }
}

/// The value of the string comparison `op` whose operands compare `o`.
#[inline]
pub fn str_cmp_value(op: BinOp, o: std::cmp::Ordering) -> Value {
    match op {
        BinOp::StrCmp => Value::Int(o as i64),
        BinOp::StrEq => bool_val(o.is_eq()),
        BinOp::StrNe => bool_val(o.is_ne()),
        BinOp::StrLt => bool_val(o.is_lt()),
        BinOp::StrGt => bool_val(o.is_gt()),
        BinOp::StrLe => bool_val(o.is_le()),
        _ => bool_val(o.is_ge()),
    }
}

pub fn str_cmp(a: &Value, b: &Value) -> std::cmp::Ordering {
    if let (Value::Str(x), Value::Str(y)) = (a, b) {
        if x.utf8 == y.utf8 {
            return x.bytes.cmp(&y.bytes);
        }
    }
    let x = convert::to_pstr(a);
    let y = convert::to_pstr(b);
    if x.utf8 == y.utf8 {
        // UTF-8 byte order equals code point order.
        x.bytes.cmp(&y.bytes)
    } else if x.utf8 {
        x.bytes.cmp(&upgrade(&y.bytes))
    } else {
        upgrade(&x.bytes).cmp(&y.bytes)
    }
}

fn str_bitop(op: BinOp, a: &Value, b: &Value) -> Value {
    let x = to_bytes(a);
    let y = to_bytes(b);
    let n = x.len().max(y.len());
    let mut out = Vec::with_capacity(n);
    match op {
        BinOp::BitAnd => {
            for i in 0..x.len().min(y.len()) {
                out.push(x[i] & y[i]);
            }
        }
        _ => {
            for i in 0..n {
                let p = x.get(i).copied().unwrap_or(0);
                let q = y.get(i).copied().unwrap_or(0);
                out.push(if op == BinOp::BitOr { p | q } else { p ^ q });
            }
        }
    }
    Value::str_from(out, false)
}

pub fn neg_num(n: Num) -> Value {
    num_to_value(crate::numeric::neg(n))
}

pub fn num_cmp(x: Num, y: Num) -> Option<std::cmp::Ordering> {
    crate::numeric::num_cmp(x, y)
}

/// Perl arithmetic on numbers (integers while exact, floats otherwise).
pub fn arith(op: BinOp, x: Num, y: Num) -> Result<Num, &'static str> {
    use crate::numeric as n;
    Ok(match op {
        BinOp::Add => n::add(x, y),
        BinOp::Sub => n::sub(x, y),
        BinOp::Mul => n::mul(x, y),
        BinOp::Div => n::div(x, y)?,
        BinOp::Mod => n::modulo(x, y)?,
        BinOp::Pow => n::pow(x, y),
        _ => Num::Int(0),
    })
}

pub fn opname(op: BinOp) -> &'static str {
    use BinOp::*;
    match op {
        Add => "addition (+)",
        Sub => "subtraction (-)",
        Mul => "multiplication (*)",
        Div => "division (/)",
        Mod => "modulus (%)",
        Pow => "exponentiation (**)",
        NumEq => "numeric eq (==)",
        NumNe => "numeric ne (!=)",
        NumLt => "numeric lt (<)",
        NumGt => "numeric gt (>)",
        NumLe => "numeric le (<=)",
        NumGe => "numeric ge (>=)",
        NumCmp => "numeric comparison (<=>)",
        BitAnd => "bitwise and (&)",
        BitOr => "bitwise or (|)",
        BitXor => "bitwise xor (^)",
        ShiftL => "left bitshift (<<)",
        ShiftR => "right bitshift (>>)",
        Concat => "concatenation (.) or string",
        Repeat => "repeat (x)",
        StrEq => "string eq",
        StrNe => "string ne",
        StrCmp => "string comparison (cmp)",
        StrLt => "string lt",
        StrGt => "string gt",
        StrLe => "string le",
        StrGe => "string ge",
        _ => "operator",
    }
}

/// How perl shows a string inside a warning: non-printables escaped.
pub fn display_for_warning(s: &PStr) -> String {
    let mut out = String::new();
    if s.utf8 {
        // perl shows wide strings as code points, cut after 32 bytes.
        for c in convert::chars_of(s) {
            if out.len() > 32 {
                out.push_str("...");
                break;
            }
            match char::from_u32(c) {
                Some(ch) if c < 256 && (ch.is_ascii_graphic() || ch == ' ') => out.push(ch),
                _ => out.push_str(&format!("\\x{{{:x}}}", c)),
            }
        }
        return out;
    }
    let bytes = &s.bytes;
    let mut i = 0;
    while i < bytes.len() && out.len() < 56 {
        let mut c = bytes[i];
        if c >= 0x80 {
            out.push_str("M-");
            c &= 0x7f;
        }
        match c {
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x0c => out.push_str("\\f"),
            b'\\' => out.push_str("\\\\"),
            0 => out.push_str("\\0"),
            0x20..=0x7e => out.push(c as char),
            _ => {
                out.push('^');
                out.push((c ^ 64) as char);
            }
        }
        i += 1;
    }
    if i < bytes.len() {
        out.push_str("...");
    }
    out
}

/// `$!{NAME}`: the errno value when `$!` currently is that error, 0 for
/// another known error name, undef for an unknown name.
fn errno_hash_value(errno: i32, name: &[u8]) -> Value {
    const NAMES: &[(&str, i32)] = &[
        ("EPERM", libc::EPERM),
        ("ENOENT", libc::ENOENT),
        ("ESRCH", libc::ESRCH),
        ("EINTR", libc::EINTR),
        ("EIO", libc::EIO),
        ("ENXIO", libc::ENXIO),
        ("E2BIG", libc::E2BIG),
        ("ENOEXEC", libc::ENOEXEC),
        ("EBADF", libc::EBADF),
        ("ECHILD", libc::ECHILD),
        ("EAGAIN", libc::EAGAIN),
        ("EWOULDBLOCK", libc::EWOULDBLOCK),
        ("ENOMEM", libc::ENOMEM),
        ("EACCES", libc::EACCES),
        ("EFAULT", libc::EFAULT),
        ("EBUSY", libc::EBUSY),
        ("EEXIST", libc::EEXIST),
        ("EXDEV", libc::EXDEV),
        ("ENODEV", libc::ENODEV),
        ("ENOTDIR", libc::ENOTDIR),
        ("EISDIR", libc::EISDIR),
        ("EINVAL", libc::EINVAL),
        ("ENFILE", libc::ENFILE),
        ("EMFILE", libc::EMFILE),
        ("ENOTTY", libc::ENOTTY),
        ("EFBIG", libc::EFBIG),
        ("ENOSPC", libc::ENOSPC),
        ("ESPIPE", libc::ESPIPE),
        ("EROFS", libc::EROFS),
        ("EMLINK", libc::EMLINK),
        ("EPIPE", libc::EPIPE),
        ("EDOM", libc::EDOM),
        ("ERANGE", libc::ERANGE),
        ("ENAMETOOLONG", libc::ENAMETOOLONG),
        ("ENOTEMPTY", libc::ENOTEMPTY),
        ("ELOOP", libc::ELOOP),
        ("ETIMEDOUT", libc::ETIMEDOUT),
        ("ECONNREFUSED", libc::ECONNREFUSED),
    ];
    match NAMES.iter().find(|(n, _)| n.as_bytes() == name) {
        Some(&(_, v)) if v == errno && errno != 0 => Value::Int(v as i64),
        Some(_) => Value::Int(0),
        None => Value::Undef,
    }
}

/// Whether `name` is an errno name (`exists $!{ENOENT}`).
pub(crate) fn errno_name_known(name: &[u8]) -> bool {
    !errno_hash_value(0, name).is_undef()
}

pub fn errno_text(e: i32) -> String {
    let s = unsafe { std::ffi::CStr::from_ptr(libc::strerror(e)) };
    s.to_string_lossy().into_owned()
}

fn gid_list(g: libc::gid_t) -> String {
    let mut groups = vec![0 as libc::gid_t; 256];
    let n = unsafe { libc::getgroups(256, groups.as_mut_ptr()) };
    let mut s = g.to_string();
    if n > 0 {
        for gg in &groups[..n as usize] {
            s.push(' ');
            s.push_str(&gg.to_string());
        }
    }
    s
}

/// perl says "treated as 0 in increment (++)" rather than "isn't numeric"
/// for a number followed (after optional spaces) by at least three
/// characters starting with `i` or `n` (its infinity/NaN scan rejects
/// them).
fn inc_treated_as_zero(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    let digits_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut any = i > digits_start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let f = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        any |= i > f;
    }
    if !any {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'-' || b[j] == b'+') {
            j += 1;
        }
        let e = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > e {
            i = j;
        }
    }
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    b.len() - i >= 3 && matches!(b[i], b'i' | b'I' | b'n' | b'N')
}

fn is_const_expr(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Int(_) | Expr::UInt(_) | Expr::Num(_) | Expr::Str { .. }
    )
}
