//! Places (lvalues), dereferencing with autovivification, assignment and
//! `local`.

use std::rc::Rc;

use super::expr::{arith, key_of};
use super::{Flow, Interp, Saved, R};
use crate::ast::{self, ArrayPlace, BinOp, Expr, HashPlace, PadKind};
use crate::convert::{self, num_to_value, to_bytes};
use crate::value::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Scalar,
    Array,
    Hash,
}

impl Interp {
    // ------------------------------------------------------------ arrays

    /// The array an array-valued expression denotes (`@x`, `@$r`, `@_`).
    pub fn array_of(&mut self, e: &Expr, autoviv: bool) -> R<Av> {
        match e {
            Expr::MyArray(s) => Ok(self.pad_av(*s)),
            Expr::GlobalArray(id) => Ok(self.gv(*id).av()),
            Expr::Args => Ok(self.args.clone()),
            Expr::ArrayDeref(inner) => self.deref_av_expr(inner, autoviv),
            Expr::Special(
                ast::SpecialVar::MatchStart | ast::SpecialVar::MatchEnd | ast::SpecialVar::Captures,
            ) => {
                let mut vals = Vec::new();
                self.list(e, &mut vals)?;
                Ok(Array::from_values(vals))
            }
            Expr::MyDecl { vars, .. } => {
                self.intro_my(vars);
                match vars.first() {
                    Some((PadKind::Array, s)) => Ok(self.pad_av(*s)),
                    _ => Err(self.die_msg("Not an ARRAY reference")),
                }
            }
            Expr::Local(inner) => {
                self.localize(inner)?;
                self.array_of(inner, autoviv)
            }
            _ => {
                let v = self.sv(e)?;
                self.av_from_ref(&v)
            }
        }
    }

    pub fn array_place(&mut self, p: &ArrayPlace, autoviv: bool) -> R<Av> {
        match p {
            ArrayPlace::My(s) => Ok(self.pad_av(*s)),
            ArrayPlace::Global(id) => Ok(self.gv(*id).av()),
            ArrayPlace::Args => Ok(self.args.clone()),
            ArrayPlace::Deref(e) => self.deref_av_expr(e, autoviv),
        }
    }

    pub fn hash_of(&mut self, e: &Expr, autoviv: bool) -> R<Hv> {
        match e {
            Expr::MyHash(s) => Ok(self.pad_hv(*s)),
            Expr::GlobalHash(id) => Ok(self.gv(*id).hv()),
            Expr::HashDeref(inner) => self.deref_hv_expr(inner, autoviv),
            Expr::Special(
                sp @ (ast::SpecialVar::NamedCaptures | ast::SpecialVar::NamedCaptureLists),
            ) => Ok(self.named_captures_hv(*sp == ast::SpecialVar::NamedCaptureLists)),
            Expr::MyDecl { vars, .. } => {
                self.intro_my(vars);
                match vars.first() {
                    Some((PadKind::Hash, s)) => Ok(self.pad_hv(*s)),
                    _ => Err(self.die_msg("Not a HASH reference")),
                }
            }
            Expr::Local(inner) => {
                self.localize(inner)?;
                self.hash_of(inner, autoviv)
            }
            _ => {
                let v = self.sv(e)?;
                self.hv_from_ref(&v)
            }
        }
    }

    pub fn hash_place(&mut self, p: &HashPlace, autoviv: bool) -> R<Hv> {
        match p {
            HashPlace::My(s) => Ok(self.pad_hv(*s)),
            HashPlace::Global(id) => Ok(self.gv(*id).hv()),
            HashPlace::Deref(e) => self.deref_hv_expr(e, autoviv),
        }
    }

    fn deref_av_expr(&mut self, e: &Expr, autoviv: bool) -> R<Av> {
        let v = if autoviv {
            self.autoviv(e, RefKind::Array)?
        } else {
            self.sv(e)?
        };
        if v.is_undef() && !autoviv {
            if self.hints & ast::hints::STRICT_REFS != 0 {
                return Err(self.die_msg("Can't use an undefined value as an ARRAY reference"));
            }
            self.warn_uninit(e, "array dereference");
            return Ok(Array::new());
        }
        self.av_from_ref(&v)
    }

    fn deref_hv_expr(&mut self, e: &Expr, autoviv: bool) -> R<Hv> {
        let v = if autoviv {
            self.autoviv(e, RefKind::Hash)?
        } else {
            self.sv(e)?
        };
        if v.is_undef() && !autoviv {
            if self.hints & ast::hints::STRICT_REFS != 0 {
                return Err(self.die_msg("Can't use an undefined value as a HASH reference"));
            }
            self.warn_uninit(e, "hash dereference");
            return Ok(Hash::new());
        }
        self.hv_from_ref(&v)
    }

    pub fn av_from_ref(&mut self, v: &Value) -> R<Av> {
        match v {
            Value::ArrayRef(a) => Ok(a.clone()),
            Value::Glob(g) | Value::GlobRef(g) => Ok(g.av()),
            Value::Str(_) | Value::Int(_) | Value::Num(_) => {
                let g = self.symbolic_glob(v, "an ARRAY")?;
                Ok(g.av())
            }
            Value::Undef => Err(self.die_msg("Can't use an undefined value as an ARRAY reference")),
            _ => {
                if let Some(r) = self.overload_deref(v, "@{}")? {
                    return self.av_from_ref(&r);
                }
                Err(self.die_msg("Not an ARRAY reference"))
            }
        }
    }

    pub fn hv_from_ref(&mut self, v: &Value) -> R<Hv> {
        match v {
            Value::HashRef(h) => Ok(h.clone()),
            Value::Glob(g) | Value::GlobRef(g) => Ok(g.hv()),
            Value::Str(_) | Value::Int(_) | Value::Num(_) => {
                let g = self.symbolic_glob(v, "a HASH")?;
                Ok(g.hv())
            }
            Value::Undef => Err(self.die_msg("Can't use an undefined value as a HASH reference")),
            _ => {
                if let Some(r) = self.overload_deref(v, "%{}")? {
                    return self.hv_from_ref(&r);
                }
                Err(self.die_msg("Not a HASH reference"))
            }
        }
    }

    /// Resolve a symbolic reference (a string used as a reference), dying
    /// under `strict refs`.
    pub fn symbolic_glob(&mut self, v: &Value, what: &str) -> R<Gv> {
        let name = String::from_utf8_lossy(&to_bytes(v)).into_owned();
        if self.hints & ast::hints::STRICT_REFS != 0 {
            return Err(self.die_msg(format!(
                "Can't use string ({}) as {} ref while \"strict refs\" in use",
                quote32(&name),
                what
            )));
        }
        let full = self.qualify(&name);
        Ok(self.glob(&full))
    }

    /// Fully qualify a symbol name against the current package, with perl's
    /// rules for names forced into `main::`.
    pub fn qualify(&self, name: &str) -> String {
        let name = name.strip_prefix('*').unwrap_or(name);
        if let Some(rest) = name.strip_prefix("::") {
            return format!("main::{rest}");
        }
        if name.contains("::") {
            return name.to_string();
        }
        if name.contains('\'') {
            return name.replace('\'', "::");
        }
        let forced = matches!(
            name,
            "ENV" | "INC" | "ARGV" | "ARGVOUT" | "SIG" | "STDIN" | "STDOUT" | "STDERR" | "_"
        ) || !name.starts_with(|c: char| c.is_alphabetic() || c == '_');
        if forced {
            format!("main::{name}")
        } else {
            format!("{}::{}", self.package, name)
        }
    }

    /// Evaluate `e` for use as a reference of `kind`, storing a new empty
    /// referent into it first when it is an undefined lvalue.
    pub fn autoviv(&mut self, e: &Expr, kind: RefKind) -> R<Value> {
        // A parallel worker must not create what would be created in an
        // input (`$_->{a}{b}` makes `$_->{a}`): it gives up instead.
        let worker = self.worker;
        let fresh = || match kind {
            RefKind::Array => Value::ArrayRef(Array::new()),
            RefKind::Hash => Value::HashRef(Hash::new()),
            RefKind::Scalar => Value::ScalarRef(Scalar::new(Value::Undef)),
        };
        let fresh = || {
            if worker {
                return Err(Flow::Die);
            }
            Ok(fresh())
        };
        match e {
            Expr::My(s) => {
                let sv = self.pad_sv(*s);
                let v = sv.get();
                if v.is_undef() {
                    let n = fresh().inspect_err(|_| self.worker_abort = true)?;
                    sv.set(n.clone());
                    return Ok(n);
                }
                Ok(v)
            }
            Expr::Global(id) => {
                let sv = self.gv(*id).sv();
                let v = sv.get();
                if v.is_undef() {
                    let n = fresh().inspect_err(|_| self.worker_abort = true)?;
                    sv.set(n.clone());
                    return Ok(n);
                }
                Ok(v)
            }
            Expr::Index { array, index } => {
                let av = self.array_place(array, true)?;
                let i = self.index_value(index)?;
                let v = av.get(i);
                if v.is_undef() {
                    let n = fresh().inspect_err(|_| self.worker_abort = true)?;
                    if !av.set(i, n.clone()) {
                        return Err(self.die_msg(
                            "Modification of non-creatable array value attempted, subscript "
                                .to_string()
                                + &i.to_string(),
                        ));
                    }
                    return Ok(n);
                }
                Ok(v)
            }
            Expr::Elem { hash, key } => {
                let hv = self.hash_place(hash, true)?;
                let k = self.key_sv(key)?;
                let key = key_of(&k);
                let v = hv.get(&key.0.bytes);
                if v.is_undef() {
                    let n = fresh().inspect_err(|_| self.worker_abort = true)?;
                    hv.set(key, n.clone());
                    return Ok(n);
                }
                Ok(v)
            }
            Expr::Deref(inner) => {
                let r = self.autoviv(inner, RefKind::Scalar)?;
                let sv = self.deref_sv(&r)?;
                let v = sv.get();
                if v.is_undef() {
                    let n = fresh().inspect_err(|_| self.worker_abort = true)?;
                    sv.set(n.clone());
                    return Ok(n);
                }
                Ok(v)
            }
            _ => self.sv(e),
        }
    }

    /// The scalar container a reference value points to.
    pub fn deref_sv(&mut self, r: &Value) -> R<Sv> {
        match r {
            Value::ScalarRef(sv) => Ok(sv.clone()),
            Value::Glob(g) | Value::GlobRef(g) => Ok(g.sv()),
            Value::Str(_) | Value::Int(_) | Value::Num(_) => {
                let g = self.symbolic_glob(r, "a SCALAR")?;
                Ok(g.sv())
            }
            Value::Undef => Err(self.die_msg("Can't use an undefined value as a SCALAR reference")),
            _ => {
                if let Some(v) = self.overload_deref(r, "${}")? {
                    return self.deref_sv(&v);
                }
                Err(self.die_msg("Not a SCALAR reference"))
            }
        }
    }

    pub fn deref_scalar_value(&mut self, r: &Value) -> R<Value> {
        match r {
            Value::ScalarRef(sv) => Ok(sv.get()),
            _ => Ok(self.deref_sv(r)?.get()),
        }
    }

    /// `*{EXPR}`: a string is a symbolic reference (an error under
    /// `strict refs`).
    pub fn glob_deref(&mut self, v: &Value) -> R<Gv> {
        if let Value::Str(_) = v {
            if self.hints & ast::hints::STRICT_REFS != 0 {
                return self.symbolic_glob(v, "a symbol");
            }
        }
        self.glob_of_value(v)
    }

    pub fn glob_of_value(&mut self, v: &Value) -> R<Gv> {
        match v {
            Value::Glob(g) | Value::GlobRef(g) => Ok(g.clone()),
            // A name, also a number's (`*{"1"}` is `*main::1`).
            Value::Str(_) | Value::Int(_) | Value::UInt(_) | Value::Num(_) => {
                let name = String::from_utf8_lossy(&to_bytes(v)).into_owned();
                let full = self.qualify(&name);
                Ok(self.glob(&full))
            }
            // A reference to a scalar holding a glob (`\do { local *FH }`).
            Value::ScalarRef(sv) => match sv.raw() {
                Value::Glob(g) => Ok(g),
                _ => Err(self.die_msg("Not a GLOB reference")),
            },
            _ => Err(self.die_msg("Not a GLOB reference")),
        }
    }

    pub fn code_of(&mut self, v: &Value) -> R<Cv> {
        match v {
            Value::CodeRef(c) => Ok(c.clone()),
            Value::Glob(g) | Value::GlobRef(g) => match g.code() {
                Some(c) => Ok(c),
                None => Err(self.die_msg(format!("Undefined subroutine &{} called", g.name))),
            },
            // A number is a symbolic reference too (`1->()` calls &main::1).
            Value::Str(_) | Value::Int(_) | Value::Num(_) | Value::UInt(_) => {
                let name = String::from_utf8_lossy(&to_bytes(v)).into_owned();
                if self.hints & ast::hints::STRICT_REFS != 0 {
                    return Err(self.die_msg(format!(
                        "Can't use string ({}) as a subroutine ref while \"strict refs\" in use",
                        quote32(&name)
                    )));
                }
                let full = self.qualify(&name);
                match self.find_sub(&full) {
                    Some(c) => Ok(c),
                    None => Err(self.die_msg(format!("Undefined subroutine &{full} called"))),
                }
            }
            Value::Undef => {
                Err(self.die_msg("Can't use an undefined value as a subroutine reference"))
            }
            _ => {
                if let Some(r) = self.overload_deref(v, "&{}")? {
                    return self.code_of(&r);
                }
                Err(self.die_msg("Not a CODE reference"))
            }
        }
    }

    // ------------------------------------------------------------ lvalues

    /// The container of a scalar lvalue (creating elements as needed).
    pub fn lv_sv(&mut self, e: &Expr) -> R<Sv> {
        match e {
            Expr::My(s) => Ok(self.pad_sv(*s)),
            Expr::Global(id) => Ok(self.gv(*id).sv()),
            Expr::Index { array, index } => {
                let av = self.array_place(array, true)?;
                let i = self.index_value(index)?;
                match av.elem_container(i) {
                    Some(sv) => Ok(sv),
                    None => Err(self.die_msg(format!(
                        "Modification of non-creatable array value attempted, subscript {i}"
                    ))),
                }
            }
            Expr::Elem { hash, key } => {
                let hv = self.hash_place(hash, true)?;
                let k = self.key_sv(key)?;
                Ok(hv.elem_container(key_of(&k)))
            }
            Expr::Deref(inner) => {
                let r = self.autoviv(inner, RefKind::Scalar)?;
                self.deref_sv(&r)
            }
            Expr::MyDecl { vars, .. } => {
                self.intro_my(vars);
                match vars.first() {
                    Some((PadKind::Scalar, s)) => Ok(self.pad_sv(*s)),
                    _ => Ok(Scalar::new(Value::Undef)),
                }
            }
            Expr::Local(inner) => {
                self.localize(inner)?;
                self.lv_sv(inner)
            }
            Expr::Cond { c, t, f } => {
                if self.cond(c)? {
                    self.lv_sv(t)
                } else {
                    self.lv_sv(f)
                }
            }
            Expr::Assign { lhs, rhs } => {
                let v = self.sv(rhs)?;
                self.assign(lhs, v)?;
                self.container_after(lhs)
            }
            Expr::OpAssign { lhs, .. } | Expr::LogAssign { lhs, .. } => {
                self.sv(e)?;
                self.container_after(lhs)
            }
            Expr::PreInc(t) | Expr::PreDec(t) => {
                self.sv(e)?;
                self.lv_sv(t)
            }
            Expr::List(items) if items.len() == 1 => self.lv_sv(&items[0]),
            Expr::Glob(id) => Ok(self.gv(*id).sv()),
            Expr::Func {
                f: ast::Func::Substr,
                args,
            } if args.len() < 4 => self.substr_lvalue(args),
            _ => Ok(Scalar::new(self.sv(e)?)),
        }
    }

    fn container_after(&mut self, lhs: &Expr) -> R<Sv> {
        match declared(lhs) {
            Expr::MyDecl { vars, .. } => match vars.first() {
                Some((PadKind::Scalar, s)) => Ok(self.pad_sv(*s)),
                _ => Ok(Scalar::new(Value::Undef)),
            },
            other => self.lv_sv(other),
        }
    }

    /// Containers for each element of a slice lvalue.
    pub fn lv_list_containers(&mut self, e: &Expr) -> R<Vec<Sv>> {
        let mut out = Vec::new();
        match e {
            Expr::Slice { array, indices } => {
                let av = self.array_place(array, true)?;
                let mut idx = Vec::new();
                self.list(indices, &mut idx)?;
                for i in idx {
                    let i = convert::to_i64(&i);
                    match av.elem_container(i) {
                        Some(sv) => out.push(sv),
                        None => {
                            return Err(
                                self.die_msg("Modification of non-creatable array value attempted")
                            )
                        }
                    }
                }
            }
            Expr::HashSlice { hash, keys } => {
                let hv = self.hash_place(hash, true)?;
                let mut ks = Vec::new();
                self.list(keys, &mut ks)?;
                for k in ks {
                    out.push(hv.elem_container(key_of(&k)));
                }
            }
            _ => out.push(self.lv_sv(e)?),
        }
        Ok(out)
    }

    /// Scalar assignment of `v` to the place `lhs`.
    pub fn assign(&mut self, lhs: &Expr, v: Value) -> R<()> {
        match lhs {
            Expr::My(s) => {
                if let crate::value::PadSlot::Scalar(sv) = &self.pad[*s as usize] {
                    sv.set(v);
                }
                Ok(())
            }
            Expr::Global(id) => {
                self.gv(*id).sv_ref().set(v);
                Ok(())
            }
            Expr::Index { array, index } => {
                let av = self.array_place(array, true)?;
                let i = self.index_value(index)?;
                if !av.set(i, v) {
                    return Err(self.die_msg(format!(
                        "Modification of non-creatable array value attempted, subscript {i}"
                    )));
                }
                Ok(())
            }
            Expr::Elem { hash, key } => {
                let hv = self.hash_place(hash, true)?;
                let k = self.key_sv(key)?;
                hv.set(key_of(&k), v);
                Ok(())
            }
            Expr::MyDecl { vars, .. } => {
                self.intro_my(vars);
                match vars.first() {
                    Some((PadKind::Scalar, s)) => self.pad_sv(*s).set(v),
                    Some((PadKind::Array, s)) => self.pad_av(*s).assign(vec![v]),
                    Some((PadKind::Hash, s)) => {
                        let hv = self.pad_hv(*s);
                        self.fill_hash(&hv, vec![v]);
                    }
                    None => {}
                }
                Ok(())
            }
            Expr::Local(inner) => {
                self.localize(inner)?;
                self.assign(inner, v)
            }
            Expr::Cond { c, t, f } => {
                if self.cond(c)? {
                    self.assign(t, v)
                } else {
                    self.assign(f, v)
                }
            }
            Expr::LastIndex(p) => {
                let av = self.array_place(p, true)?;
                let n = convert::to_i64(&v) + 1;
                if let Some(obj) = av.tied() {
                    self.tie_method(&obj, "STORESIZE", vec![Value::Int(n)], super::Want::Void)?;
                    return Ok(());
                }
                av.with(|a| a.resize_with(n.max(0) as usize, Elem::default));
                Ok(())
            }
            Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::ArrayDeref(_) => {
                let av = self.array_of(lhs, true)?;
                av.assign(vec![v]);
                Ok(())
            }
            Expr::MyHash(_) | Expr::GlobalHash(_) | Expr::HashDeref(_) => {
                let hv = self.hash_of(lhs, true)?;
                hv.clear();
                self.fill_hash(&hv, vec![v]);
                Ok(())
            }
            Expr::Glob(_) | Expr::GlobDeref(_) => {
                let g = match lhs {
                    Expr::Glob(id) => self.gv(*id).clone(),
                    Expr::GlobDeref(inner) => {
                        let n = self.sv(inner)?;
                        self.glob_deref(&n)?
                    }
                    _ => unreachable!(),
                };
                self.glob_assign(&g, v)
            }
            Expr::Func {
                f: ast::Func::Substr,
                args,
            } => self.substr_assign(args, v),
            Expr::Func {
                f: ast::Func::Pos,
                args,
            } => {
                let sv = match args.first() {
                    Some(e) => self.lv_sv(e)?,
                    None => self.gv(ast::well_known::UNDERSCORE).sv(),
                };
                if v.is_undef() {
                    sv.set_pos(None);
                } else {
                    // A character offset, negative from the end, clamped to
                    // the string.
                    let cur = sv.get();
                    let s = convert::to_pstr(&cur);
                    let nchars = if s.utf8 {
                        utf8_char_count(&s.bytes)
                    } else {
                        s.bytes.len()
                    } as i64;
                    let mut n = convert::to_i64(&v);
                    if n < 0 {
                        n += nchars;
                    }
                    let n = n.clamp(0, nchars) as usize;
                    let byte = if s.utf8 {
                        s.bytes
                            .iter()
                            .enumerate()
                            .filter(|(_, &b)| b & 0xC0 != 0x80)
                            .nth(n)
                            .map_or(s.bytes.len(), |(i, _)| i)
                    } else {
                        n
                    };
                    sv.set_pos(Some(byte));
                }
                self.empty_match_at = None;
                Ok(())
            }
            Expr::Func {
                f: ast::Func::Vec,
                args,
            } if args.len() == 3 => {
                let sv = self.lv_sv(&args[0])?;
                let off = convert::to_i64(&self.sv(&args[1])?);
                let bits = convert::to_i64(&self.sv(&args[2])?);
                if !crate::pack::vec_bits_ok(bits) {
                    return Err(self.die_msg("Illegal number of bits in vec"));
                }
                if off < 0 {
                    return Err(self.die_msg("Negative offset to vec in lvalue context"));
                }
                let cur = sv.get();
                let mut b = if cur.is_undef() {
                    Vec::new()
                } else {
                    convert::to_bytes(&cur).into_owned()
                };
                let n = convert::num_u64(convert::to_num(&v));
                if let Err(m) = crate::pack::vec_set(&mut b, off as u64, bits as u32, n) {
                    return Err(self.die_msg(m));
                }
                sv.set(Value::str_from(b, false));
                Ok(())
            }
            Expr::Special(sp) => self.special_set(*sp, v),
            _ => {
                let sv = self.lv_sv(lhs)?;
                sv.set(v);
                Ok(())
            }
        }
    }

    /// Store into a container obtained earlier (for `||=` and friends that
    /// read then maybe write), with the special places handled.
    pub fn assign_container(&mut self, lhs: &Expr, sv: &Sv, v: Value) -> R<()> {
        if sv.is_lvalue() {
            sv.set(v);
            return Ok(());
        }
        match lhs {
            Expr::Special(_) | Expr::Func { .. } | Expr::LastIndex(_) => self.assign(lhs, v),
            _ => {
                sv.set(v);
                Ok(())
            }
        }
    }

    /// An import (`*name = \&sub` while a BEGIN block or `use` runs) into
    /// a glob whose sub the file being compiled defines further down: perl
    /// compiles that definition after the import, so it wins (with perl's
    /// "redefined" warnings); psh installed it first, so the import is
    /// skipped.
    #[cold]
    fn defined_later(&mut self, g: &Gv, incoming: &Cv) -> bool {
        let Some((file, line)) = self.begin_ctx.clone() else {
            return false;
        };
        let Some(cur) = g.code() else {
            return false;
        };
        let CodeKind::Perl { body, .. } = &cur.kind else {
            return false;
        };
        if *body.file != *file || body.line <= line || Rc::ptr_eq(&cur, incoming) {
            return false;
        }
        // `no warnings 'redefine'` around the definition is a category
        // (among those psh keeps as "other") turned off.
        let hints = body.body.stmts.first().map_or(self.hints, |s| s.hints);
        let warn = hints & ast::hints::WARNINGS != 0 && hints & ast::hints::NO_WARN_OTHER == 0;
        if warn {
            let short = g.name.rsplit("::").next().unwrap_or("").to_string();
            let theirs = match &incoming.kind {
                CodeKind::Perl { body, .. } => body.prototype.clone(),
                CodeKind::Const(_) => Some(String::new()),
                CodeKind::Native(_) => incoming
                    .name
                    .as_deref()
                    .and_then(crate::listutil::native_prototype)
                    .map(str::to_string),
                CodeKind::Stub => None,
            };
            let mine = body.prototype.clone();
            if theirs != mine {
                let show = |p: &Option<String>| match p {
                    Some(p) => format!("({p})"),
                    None => "none".to_string(),
                };
                self.begin_warnings.push(format!(
                    "Prototype mismatch: sub {} {} vs {} at {} line {}.\n",
                    g.name,
                    show(&theirs),
                    show(&mine),
                    body.file,
                    body.line
                ));
            }
            self.begin_warnings.push(format!(
                "Subroutine {short} redefined at {} line {}.\n",
                body.file, body.line
            ));
        }
        true
    }

    /// `*name = VALUE`: aliasing a glob slot (or the whole glob).
    pub fn glob_assign(&mut self, g: &Gv, v: Value) -> R<()> {
        match v {
            Value::CodeRef(c) => {
                if self.defined_later(g, &c) {
                    return Ok(());
                }
                if self.warnings_on() && self.hints & crate::ast::hints::NO_WARN_OTHER == 0 {
                    if let Some(old) = g.code() {
                        if !Rc::ptr_eq(&old, &c) && matches!(old.kind, CodeKind::Perl { .. }) {
                            self.warn_str(&format!("Subroutine {} redefined", g.name));
                        }
                    }
                }
                g.set_code(Some(c));
                self.method_cache.clear();
            }
            Value::ScalarRef(s) => {
                g.set_sv(s);
            }
            Value::ArrayRef(a) => {
                g.set_av(Some(a));
            }
            Value::HashRef(h) => {
                g.set_hv(Some(h));
            }
            // `local(*F) = *F` (a glob passed to a sub that localises it):
            // perl's glob value still points at the outer variables, so F
            // is the outer one again, and what it opens outlives the scope.
            Value::Glob(src) | Value::GlobRef(src) if Rc::ptr_eq(g, &src) => {
                self.unlocalize_glob(g);
            }
            Value::Glob(src) | Value::GlobRef(src) => {
                g.set_sv(src.sv());
                g.set_av(Some(src.av()));
                g.set_hv(Some(src.hv()));
                g.set_code(src.code());
                g.set_io(src.io());
                g.set_tie(src.tied().map(Tied::Var));
                self.method_cache.clear();
            }
            Value::Str(_) => {
                let name = String::from_utf8_lossy(&to_bytes(&v)).into_owned();
                let full = self.qualify(&name);
                let src = self.glob(&full);
                return self.glob_assign(g, Value::Glob(src));
            }
            _ => {}
        }
        Ok(())
    }

    /// Give a glob localised in this scope its outer variables back (and
    /// drop the handle's restore, so a handle opened now stays).
    fn unlocalize_glob(&mut self, g: &Gv) {
        // `local *F` saved the scalar, array, hash, code and handle slots,
        // in that order, the handle last.
        let Some(j) = self
            .savestack
            .iter()
            .rposition(|e| matches!(e, Saved::Handle(s, ..) if Rc::ptr_eq(s, g)))
        else {
            return;
        };
        for e in &self.savestack[j.saturating_sub(4)..j] {
            match e {
                Saved::Scalar(s, sv) if Rc::ptr_eq(s, g) => drop(g.set_sv(sv.clone())),
                Saved::Array(s, av) if Rc::ptr_eq(s, g) => drop(g.set_av(av.clone())),
                Saved::Hash(s, hv) if Rc::ptr_eq(s, g) => drop(g.set_hv(hv.clone())),
                Saved::Code(s, cv) if Rc::ptr_eq(s, g) => drop(g.set_code(cv.clone())),
                _ => {}
            }
        }
        if let Saved::Handle(_, io, tie) = self.savestack.remove(j) {
            g.set_io(io);
            g.set_tie(tie);
        }
        self.method_cache.clear();
    }

    /// `LHS op= RHS`.
    /// `$x .= v`, `$x += v`, `$x -= v` on the lexical in slot `s` (the
    /// expression `lhs`), with `r` the value of `rhs`.
    pub(super) fn op_assign_my(
        &mut self,
        op: BinOp,
        s: ast::Slot,
        lhs: &Expr,
        rhs: &Expr,
        r: Value,
    ) -> R<Value> {
        let sv = self.pad_sv(s);
        if !sv.is_plain() && sv.tie().is_some() {
            // One FETCH and one STORE, as perl makes.
            let mut cur = sv.get();
            if cur.is_undef() {
                cur = if op == BinOp::Concat {
                    Value::from_str("")
                } else {
                    Value::Int(0)
                };
            }
            let res = self.binop(op, &cur, &r)?;
            sv.set(res.clone());
            return Ok(res);
        }
        if op == BinOp::Concat {
            // `$s .= …` appends in place when the string is not shared.
            let sv = self.pad_sv(s);
            if !sv.peek(|v| matches!(v, Value::Str(_))) {
                let cur = sv.get();
                if cur.is_ref() && cur.blessed().is_some() {
                    let res = self.binop(op, &cur, &r)?;
                    sv.set(res.clone());
                    return Ok(res);
                }
                let mut s = convert::to_pstr(&cur).into_owned();
                if r.is_undef() {
                    self.warn_uninit(rhs, "concatenation (.) or string");
                }
                convert::concat_into(&mut s, &to_bytes(&r), convert::is_utf8(&r));
                sv.set(Value::Str(Rc::new(s)));
                return Ok(sv.get());
            }
            if r.is_undef() {
                self.warn_uninit(rhs, "concatenation (.) or string");
            }
            let rb = to_bytes(&r);
            let ru = convert::is_utf8(&r);
            sv.with_mut(|v| {
                if let Value::Str(rc) = v {
                    let s = Rc::make_mut(rc);
                    convert::concat_into(s, &rb, ru);
                }
            });
            return Ok(sv.get());
        }
        if let Value::Int(y) = r {
            if let Some(n) = self.pad_sv(s).add_int(y, op == BinOp::Sub) {
                return Ok(Value::Int(n));
            }
        }
        let mut cur = self.sv(lhs)?;
        if cur.is_undef() {
            // `+=`/`-=` on undef do not warn.
            cur = Value::Int(0);
        }
        let res = self.binop(op, &cur, &r)?;
        self.assign(lhs, res.clone())?;
        Ok(res)
    }

    pub fn op_assign(&mut self, op: BinOp, lhs: &Expr, rhs: &Expr) -> R<Value> {
        // Array repetition `@a x= 3` and pushes are rare; handle scalars.
        if let (Expr::My(s), BinOp::Concat | BinOp::Add | BinOp::Sub) = (lhs, op) {
            let r = self.sv(rhs)?;
            return self.op_assign_my(op, *s, lhs, rhs, r);
        }
        match lhs {
            Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::ArrayDeref(_)
                if op == BinOp::Repeat =>
            {
                let av = self.array_of(lhs, true)?;
                let items = av.values();
                let n = convert::to_i64(&self.sv(rhs)?);
                let mut out = Vec::new();
                for _ in 0..n.max(0) {
                    out.extend(items.iter().cloned());
                }
                av.assign(out);
                return Ok(Value::Int(av.len() as i64));
            }
            _ => {}
        }
        let sv = self.lv_sv(lhs)?;
        let r = self.sv(rhs)?;
        let cur = sv.get();
        if cur.is_undef()
            && self.warnings_on()
            && !matches!(
                op,
                BinOp::Concat | BinOp::Add | BinOp::Sub | BinOp::BitOr | BinOp::BitXor
            )
        {
            self.warn_uninit(lhs, super::expr::opname(op));
        }
        // `.=`, `+=`, `-=`, `|=`, `^=` on undef do not warn in perl.
        let cur_for_op = if cur.is_undef() && matches!(op, BinOp::Concat) {
            Value::bytes(b"")
        } else if cur.is_undef()
            && matches!(op, BinOp::Add | BinOp::Sub | BinOp::BitOr | BinOp::BitXor)
        {
            Value::Int(0)
        } else if cur.is_undef() && !cur.is_ref() {
            // Warned above (naming the variable): the operator itself must
            // not warn again.
            if op == BinOp::Repeat {
                Value::bytes(b"")
            } else {
                Value::Int(0)
            }
        } else {
            cur
        };
        let res = self.binop(op, &cur_for_op, &r)?;
        self.assign_container(lhs, &sv, res.clone())?;
        Ok(res)
    }

    /// List assignment; returns the number of right-hand elements.
    pub fn list_assign(&mut self, lhs: &Expr, rhs: &Expr) -> R<usize> {
        // `my ($a, $b) = @_;` — the most common list assignment.
        if let (Expr::MyDecl { vars, .. }, Expr::Args) = (lhs, rhs) {
            if vars.iter().all(|(k, _)| *k == PadKind::Scalar) {
                let args = self.args.clone();
                let n = args.len();
                self.intro_my(vars);
                args.with(|a| {
                    for (i, (_, s)) in vars.iter().enumerate() {
                        let v = a.get(i).map(Elem::get).unwrap_or_default();
                        if let crate::value::PadSlot::Scalar(sv) = &self.pad[*s as usize] {
                            sv.set(v);
                        }
                    }
                });
                return Ok(n);
            }
        }
        let mut vals = Vec::new();
        if self.warnings_on() {
            let items = match rhs {
                Expr::List(v) => &v[..],
                other => std::slice::from_ref(other),
            };
            let owners;
            (vals, owners) = self.list_with_owners(items)?;
            self.warn_undef_hash_keys(lhs, items, &vals, &owners);
        } else {
            self.list(rhs, &mut vals)?;
        }
        let n = vals.len();
        self.assign_list_values(lhs, vals)?;
        Ok(n)
    }

    /// "Use of uninitialized value in list assignment" for each undef that
    /// becomes a hash key.
    fn warn_undef_hash_keys(
        &mut self,
        lhs: &Expr,
        items: &[Expr],
        vals: &[Value],
        owners: &[Option<usize>],
    ) {
        let mut targets: Vec<&Expr> = Vec::new();
        flatten_targets(lhs, &mut targets);
        let mut kinds: Vec<PadKind> = Vec::new();
        for t in targets {
            match t {
                Expr::MyDecl { vars, .. } => kinds.extend(vars.iter().map(|(k, _)| *k)),
                Expr::Local(inner) => match &**inner {
                    Expr::MyHash(_) | Expr::GlobalHash(_) | Expr::HashDeref(_) => {
                        kinds.push(PadKind::Hash)
                    }
                    Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::ArrayDeref(_) => {
                        kinds.push(PadKind::Array)
                    }
                    _ => kinds.push(PadKind::Scalar),
                },
                Expr::MyHash(_) | Expr::GlobalHash(_) | Expr::HashDeref(_) => {
                    kinds.push(PadKind::Hash)
                }
                Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::ArrayDeref(_) | Expr::Args => {
                    kinds.push(PadKind::Array)
                }
                _ => kinds.push(PadKind::Scalar),
            }
        }
        let mut start = 0;
        for k in kinds {
            match k {
                PadKind::Scalar => start += 1,
                PadKind::Array => return,
                PadKind::Hash => break,
            }
        }
        if !kinds_has_hash(lhs) {
            return;
        }
        let mut i = start;
        while i < vals.len() {
            if vals[i].is_undef() {
                match owners[i] {
                    Some(o) => self.warn_uninit(&items[o], "list assignment"),
                    None => self.warn_uninit_op("list assignment"),
                }
            }
            i += 2;
        }
    }

    /// Distribute values over the targets of a list assignment.
    pub fn assign_list_values(&mut self, lhs: &Expr, vals: Vec<Value>) -> R<()> {
        let mut targets: Vec<&Expr> = Vec::new();
        flatten_targets(lhs, &mut targets);
        // Declarations and `local` happen before the values are stored.
        if let Expr::MyDecl { vars, .. } = lhs {
            self.intro_my(vars);
            let mut it = vals.into_iter();
            for (k, s) in vars {
                match k {
                    PadKind::Scalar => self.pad_sv(*s).set(it.next().unwrap_or_default()),
                    PadKind::Array => {
                        self.pad_av(*s).assign(it.by_ref().collect());
                    }
                    PadKind::Hash => {
                        let hv = self.pad_hv(*s);
                        let rest: Vec<Value> = it.by_ref().collect();
                        self.assign_hash(&hv, rest);
                    }
                }
            }
            return Ok(());
        }
        if let Expr::Local(inner) = lhs {
            self.localize(inner)?;
            return self.assign_list_values(inner, vals);
        }
        let mut it = vals.into_iter();
        for t in targets {
            match t {
                Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::ArrayDeref(_) | Expr::Args => {
                    let av = self.array_of(t, true)?;
                    av.assign(it.by_ref().collect());
                    if let Expr::GlobalArray(id) = t {
                        if self.gv(*id).name.ends_with("::ISA") {
                            self.method_cache.clear();
                        }
                    }
                }
                Expr::MyHash(_) | Expr::GlobalHash(_) | Expr::HashDeref(_) => {
                    let hv = self.hash_of(t, true)?;
                    let rest: Vec<Value> = it.by_ref().collect();
                    self.assign_hash(&hv, rest);
                }
                Expr::MyDecl { vars, .. } => {
                    self.intro_my(vars);
                    for (k, s) in vars {
                        match k {
                            PadKind::Scalar => self.pad_sv(*s).set(it.next().unwrap_or_default()),
                            PadKind::Array => self.pad_av(*s).assign(it.by_ref().collect()),
                            PadKind::Hash => {
                                let hv = self.pad_hv(*s);
                                let rest: Vec<Value> = it.by_ref().collect();
                                self.assign_hash(&hv, rest);
                            }
                        }
                    }
                }
                Expr::Slice { .. } | Expr::HashSlice { .. } => {
                    let svs = self.lv_list_containers(t)?;
                    for sv in svs {
                        sv.set(it.next().unwrap_or_default());
                    }
                }
                Expr::Undef => {
                    it.next();
                }
                Expr::Local(inner) => {
                    self.localize(inner)?;
                    match &**inner {
                        Expr::MyArray(_)
                        | Expr::GlobalArray(_)
                        | Expr::MyHash(_)
                        | Expr::GlobalHash(_) => {
                            let rest: Vec<Value> = it.by_ref().collect();
                            self.assign_list_values(inner, rest)?;
                        }
                        _ => {
                            let v = it.next().unwrap_or_default();
                            self.assign(inner, v)?;
                        }
                    }
                }
                _ => {
                    let v = it.next().unwrap_or_default();
                    self.assign(t, v)?;
                }
            }
        }
        Ok(())
    }

    pub fn assign_hash(&mut self, hv: &Hv, vals: Vec<Value>) {
        if vals.len() % 2 == 1 && self.warnings_on() {
            if vals.len() == 1 && vals[0].is_ref() {
                self.warn_str("Reference found where even-sized list expected");
            } else {
                self.warn_str("Odd number of elements in hash assignment");
            }
        }
        hv.clear();
        let mut it = vals.into_iter();
        while let Some(k) = it.next() {
            let v = it.next().unwrap_or_default();
            hv.set(key_of(&k), v);
        }
    }

    // ------------------------------------------------------------ local

    /// `local $a[i]`: save the element (or note that it did not exist).
    fn localize_array_elem(&mut self, av: &Av, i: i64) {
        let len = av.len();
        match av.resolve(i) {
            Some(j) if j >= len => {
                self.savestack.push(Saved::ArrayElemNew(av.clone(), j, len));
            }
            _ => {
                let old = av.get(i);
                self.savestack.push(Saved::ArrayElem(av.clone(), i, old));
            }
        }
        av.set(i, Value::Undef);
    }

    /// `local PLACE`: save the current value, install a fresh one; restored
    /// by `unwind`.
    pub fn localize(&mut self, e: &Expr) -> R<()> {
        match e {
            Expr::Global(id) => {
                let g = self.gv(*id).clone();
                let old = g.set_sv(Scalar::new(Value::Undef));
                self.savestack.push(Saved::Scalar(g, old));
            }
            Expr::GlobalArray(id) => {
                let g = self.gv(*id).clone();
                let old = g.set_av(Some(Array::new()));
                self.savestack.push(Saved::Array(g, old));
            }
            Expr::GlobalHash(id) => {
                let g = self.gv(*id).clone();
                let old = g.set_hv(Some(Hash::new()));
                self.savestack.push(Saved::Hash(g, old));
            }
            Expr::Elem { hash, key } => {
                let hv = self.hash_place(hash, true)?;
                let k = self.key_sv(key)?;
                let key = key_of(&k);
                let old = if hv.exists(&key.0.bytes) {
                    Some(hv.get(&key.0.bytes))
                } else {
                    None
                };
                self.savestack
                    .push(Saved::HashElem(hv.clone(), key.clone(), old));
                // The element gets a new container so aliases of the old
                // value are unaffected.
                hv.with(|m| m.insert(key, Elem::V(Value::Undef)));
            }
            Expr::Index { array, index } => {
                let av = self.array_place(array, true)?;
                let i = self.index_value(index)?;
                self.localize_array_elem(&av, i);
            }
            Expr::List(items) => {
                for i in items {
                    self.localize(i)?;
                }
            }
            Expr::HashSlice { hash, keys } => {
                let hv = self.hash_place(hash, true)?;
                let mut ks = Vec::new();
                self.list(keys, &mut ks)?;
                for k in ks {
                    let key = key_of(&k);
                    let old = if hv.exists(&key.0.bytes) {
                        Some(hv.get(&key.0.bytes))
                    } else {
                        None
                    };
                    self.savestack
                        .push(Saved::HashElem(hv.clone(), key.clone(), old));
                    hv.with(|m| m.insert(key, Elem::V(Value::Undef)));
                }
            }
            Expr::Slice { array, indices } => {
                let av = self.array_place(array, true)?;
                let mut idx = Vec::new();
                self.list(indices, &mut idx)?;
                for i in idx {
                    let i = convert::to_i64(&i);
                    self.localize_array_elem(&av, i);
                }
            }
            Expr::Deref(inner) | Expr::ArrayDeref(inner) | Expr::HashDeref(inner) => {
                // `local ${"name"}`: a symbolic reference names a global.
                let v = self.sv(inner)?;
                let g = match &v {
                    Value::Glob(g) | Value::GlobRef(g) => g.clone(),
                    Value::Str(_) | Value::Int(_) | Value::Num(_) => {
                        let what = match e {
                            Expr::Deref(_) => "a SCALAR",
                            Expr::ArrayDeref(_) => "an ARRAY",
                            _ => "a HASH",
                        };
                        self.symbolic_glob(&v, what)?
                    }
                    _ => return Err(self.die_msg("Can't localize through a reference")),
                };
                match e {
                    Expr::Deref(_) => {
                        let old = g.set_sv(Scalar::new(Value::Undef));
                        self.savestack.push(Saved::Scalar(g, old));
                    }
                    Expr::ArrayDeref(_) => {
                        let old = g.set_av(Some(Array::new()));
                        self.savestack.push(Saved::Array(g, old));
                    }
                    _ => {
                        let old = g.set_hv(Some(Hash::new()));
                        self.savestack.push(Saved::Hash(g, old));
                    }
                }
            }
            Expr::Glob(id) => {
                let g = self.gv(*id).clone();
                let sv = g.set_sv(Scalar::new(Value::Undef));
                self.savestack.push(Saved::Scalar(g.clone(), sv));
                let av = g.set_av(None);
                self.savestack.push(Saved::Array(g.clone(), av));
                let hv = g.set_hv(None);
                self.savestack.push(Saved::Hash(g.clone(), hv));
                let cv = g.set_code(None);
                self.savestack.push(Saved::Code(g.clone(), cv));
                let io = g.set_io(None);
                let tie = g.set_tie(None);
                self.savestack.push(Saved::Handle(g, io, tie));
            }
            Expr::Special(
                sp @ (ast::SpecialVar::Warnings
                | ast::SpecialVar::Errno
                | ast::SpecialVar::ExtendedError),
            ) => {
                let old = self.special_get(*sp);
                self.savestack.push(Saved::Special(*sp, old));
            }
            Expr::Special(_) => {
                // $/ and friends are plain globals; the rest are computed and
                // cannot be localised meaningfully.
            }
            Expr::Assign { lhs, .. } => self.localize(lhs)?,
            _ => return Err(self.die_msg("Can't localize lexical variable")),
        }
        Ok(())
    }

    pub fn special_set(&mut self, sp: ast::SpecialVar, v: Value) -> R<()> {
        use ast::SpecialVar::*;
        match sp {
            // On Unix `$^E` is `$!`.
            Errno | ExtendedError => self.errno = convert::to_i64(&v) as i32,
            ChildStatus => self.child_status = convert::to_i64(&v),
            InputLine => {
                if let Some((h, _)) = &self.last_read {
                    h.io.borrow_mut().lines = convert::to_i64(&v);
                }
            }
            Warnings => self.global_warnings = v.truthy(),
            _ => {
                return Err(self.die_msg("Modification of a read-only value attempted"));
            }
        }
        Ok(())
    }

    /// `substr(…) = VALUE` / 4-argument substr.
    pub fn substr_assign(&mut self, args: &[Expr], v: Value) -> R<()> {
        let sv = self.lv_sv(&args[0])?;
        let off = convert::to_i64(&self.sv(&args[1])?);
        let len = match args.get(2) {
            Some(e) => Some(convert::to_i64(&self.sv(e)?)),
            None => None,
        };
        let cur = sv.get();
        match super::builtins::substr_replace(&cur, off, len, &v) {
            Some((new, _old)) => {
                sv.set(new);
                Ok(())
            }
            None => Err(self.die_msg("substr outside of string")),
        }
    }

    /// The proxy scalar of an lvalue `substr(EXPR, OFF, LEN)`.
    pub fn substr_lvalue(&mut self, args: &[Expr]) -> R<Sv> {
        let target = self.lv_sv(&args[0])?;
        let off = convert::to_i64(&self.sv(&args[1])?);
        let len = match args.get(2) {
            Some(e) => Some(convert::to_i64(&self.sv(e)?)),
            None => None,
        };
        let cur = target.get();
        let s = convert::to_pstr(&cur);
        let Some((a, b)) = super::builtins::substr_range(&s, off, len) else {
            return Err(self.die_msg("substr outside of string"));
        };
        let (coff, clen) = if s.utf8 {
            (
                crate::value::utf8_char_count(&s.bytes[..a]),
                crate::value::utf8_char_count(&s.bytes[a..b]),
            )
        } else {
            (a, b - a)
        };
        let part = Value::str_from(s.bytes[a..b].to_vec(), s.utf8);
        Ok(Scalar::new_lvalue(part, target, coff, clen))
    }

    pub fn num_add_one(&self, v: &Value) -> Value {
        num_to_value(
            arith(BinOp::Add, convert::to_num(v), crate::numeric::Num::Int(1))
                .unwrap_or(crate::numeric::Num::Int(0)),
        )
    }
}

/// After `my $x = …` or `local $x = …` ran, the place itself (so taking
/// its container does not declare or localise a second time).
fn declared(e: &Expr) -> &Expr {
    match e {
        Expr::Local(inner) => declared(inner),
        _ => e,
    }
}

/// The individual targets of a list assignment's left side.
/// Whether a list-assignment target list contains a hash.
fn kinds_has_hash(e: &Expr) -> bool {
    match e {
        Expr::List(items) => items.iter().any(kinds_has_hash),
        Expr::MyDecl { vars, .. } => vars.iter().any(|(k, _)| *k == PadKind::Hash),
        Expr::Local(inner) => kinds_has_hash(inner),
        Expr::MyHash(_) | Expr::GlobalHash(_) | Expr::HashDeref(_) => true,
        _ => false,
    }
}

fn flatten_targets<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    match e {
        Expr::List(items) => {
            for i in items {
                flatten_targets(i, out);
            }
        }
        _ => out.push(e),
    }
}

/// A string quoted for an error message, cut to 32 characters as perl does:
/// `"abc"` or `"abcdefghijklmnopqrstuvwxyzabcdef"...`.
pub fn quote32(s: &str) -> String {
    if s.chars().count() > 32 {
        let t: String = s.chars().take(32).collect();
        format!("\"{t}\"...")
    } else {
        format!("\"{s}\"")
    }
}
