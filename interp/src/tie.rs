//! `tie`, `tied` and `untie`, and the method calls a tied variable's reads
//! and writes turn into.
//!
//! A tied container carries its tie object in its metadata (`Tied`), and
//! the container's own accessors (`Scalar::get`/`set`, `Array::get`/`len`/
//! `push`, `Hash::get`/`exists`/`delete`, …) call the functions here
//! instead of touching their storage. Putting the switch in the value layer
//! makes every path that reads or writes a variable (the tree walker, the
//! closure form, builtins, natives) honour the tie without each of them
//! knowing about it; the plain path pays one test of the metadata pointer.
//!
//! Those accessors have no interpreter at hand and return plain values, so
//! the methods run on the interpreter registered with `enter`, and a method
//! that dies leaves its exception pending: `Interp::raise_warn_die` throws
//! it at the next statement, print or call, as a dying `__WARN__` handler's
//! is thrown. The registered interpreter is the one that ran `tie` (or last
//! started running code): one interpreter per thread runs Perl code, and
//! parallel workers never see tied data (their copier refuses it).
//!
//! Calling back into the interpreter from under one of its own `&mut self`
//! frames is the same re-entrancy perl's magic has. Every method call
//! leaves the interpreter's stacks as it found them; what it may change for
//! good (a pending exception, new globals) the caller reads afresh after
//! its next call that takes `&mut self`.

use std::cell::Cell;
use std::rc::Rc;

use crate::convert::{to_bytes, to_i64};
use crate::interp::{Flow, Interp, Want, R};
use crate::value::*;

thread_local! {
    static INTERP: Cell<*mut Interp> = const { Cell::new(std::ptr::null_mut()) };
}

/// Make `interp` the one that tie methods on this thread run on.
pub fn enter(interp: &mut Interp) {
    INTERP.with(|p| p.set(interp as *mut Interp));
}

/// Forget `interp` if it is the registered one (it is going away).
pub fn leave(interp: &mut Interp) {
    INTERP.with(|p| {
        if std::ptr::eq(p.get(), interp) {
            p.set(std::ptr::null_mut());
        }
    });
}

/// Run `f` on the registered interpreter; `None` when there is none.
fn with_interp<T>(f: impl FnOnce(&mut Interp) -> T) -> Option<T> {
    let p = INTERP.with(|p| p.get());
    if p.is_null() {
        return None;
    }
    // SAFETY: the registered interpreter is alive (it unregisters when
    // dropped) and only this thread uses it; see the module comment for
    // the re-entrancy.
    Some(f(unsafe { &mut *p }))
}

/// Call `method` on a tie object with `args`; its scalar result, or its
/// list with `Want::List`. A method that dies (or exits) leaves that
/// pending on the interpreter and gives nothing.
fn call(obj: &Value, method: &str, args: Vec<Value>, want: Want) -> Vec<Value> {
    with_interp(|interp| {
        if interp.pending_flow.is_some() {
            // An earlier method of this statement died: run nothing more.
            return Vec::new();
        }
        match interp.tie_method(obj, method, args, want) {
            Ok(v) => v,
            Err(f @ (Flow::Die | Flow::Exit)) => {
                interp.pending_flow = Some(f);
                Vec::new()
            }
            Err(_) => Vec::new(),
        }
    })
    .unwrap_or_default()
}

fn call1(obj: &Value, method: &str, args: Vec<Value>) -> Value {
    call(obj, method, args, Want::Scalar)
        .pop()
        .unwrap_or_default()
}

/// Run `f` with a tied scalar's own tie switched off (perl turns a
/// variable's magic off while its magic method runs, so `FETCH` reading
/// the variable it serves sees the stored value).
pub fn with_tie_off<T>(sv: &Scalar, t: Tied, f: impl FnOnce(&Tied) -> T) -> T {
    if !matches!(t, Tied::Var(_)) {
        return f(&t);
    }
    sv.set_tie(None);
    let r = f(&t);
    if sv.tie().is_none() {
        sv.set_tie(Some(t));
    }
    r
}

pub fn fetch(t: &Tied) -> Value {
    match t {
        Tied::Var(obj) => call1(obj, "FETCH", vec![]),
        Tied::Index(obj, i) => call1(obj, "FETCH", vec![Value::Int(*i)]),
        Tied::Key(obj, k) => call1(obj, "FETCH", vec![k.clone()]),
    }
}

pub fn store(t: &Tied, v: Value) {
    match t {
        Tied::Var(obj) => call(obj, "STORE", vec![v], Want::Void),
        Tied::Index(obj, i) => call(obj, "STORE", vec![Value::Int(*i), v], Want::Void),
        Tied::Key(obj, k) => call(obj, "STORE", vec![k.clone(), v], Want::Void),
    };
}

// ------------------------------------------------------------ arrays

pub fn array_size(obj: &Value) -> usize {
    let n = to_i64(&call1(obj, "FETCHSIZE", vec![]));
    if n < 0 {
        die_pending("FETCHSIZE returned a negative value");
        return 0;
    }
    n as usize
}

/// Die (at the next statement) with perl's message for `msg`.
pub(crate) fn die_pending(msg: &str) {
    with_interp(|interp| {
        if interp.pending_flow.is_none() {
            interp.die_msg(msg);
            interp.pending_flow = Some(Flow::Die);
        }
    });
}

/// Whether the tie class takes negative indices as they are (its
/// `$NEGATIVE_INDICES` is true) rather than counted from `FETCHSIZE`.
fn negative_indices(obj: &Value) -> bool {
    let Some(class) = obj.blessed() else {
        return false;
    };
    with_interp(|interp| {
        interp
            .glob_opt(&format!("{class}::NEGATIVE_INDICES"))
            .is_some_and(|g| g.sv().raw().truthy())
    })
    .unwrap_or(false)
}

/// A perl index into a tied array: negative ones count from `FETCHSIZE`.
pub fn array_index(obj: &Value, i: i64) -> Option<i64> {
    if i >= 0 || negative_indices(obj) {
        return Some(i);
    }
    let j = i + array_size(obj) as i64;
    (j >= 0).then_some(j)
}

pub fn array_fetch(obj: &Value, i: i64) -> Value {
    match array_index(obj, i) {
        Some(j) => call1(obj, "FETCH", vec![Value::Int(j)]),
        None => Value::Undef,
    }
}

pub fn array_store(obj: &Value, i: i64, v: Value) -> bool {
    match array_index(obj, i) {
        Some(j) => {
            call(obj, "STORE", vec![Value::Int(j), v], Want::Void);
            true
        }
        None => false,
    }
}

pub fn array_elem(obj: &Value, i: i64) -> Option<Sv> {
    let j = array_index(obj, i)?;
    Some(Scalar::new_tied_elem(Tied::Index(obj.clone(), j)))
}

pub fn array_delete(obj: &Value, i: i64) -> Value {
    match array_index(obj, i) {
        Some(j) => call1(obj, "DELETE", vec![Value::Int(j)]),
        None => Value::Undef,
    }
}

pub fn array_push(obj: &Value, vals: Vec<Value>) {
    call(obj, "PUSH", vals, Want::Void);
}

pub fn array_values(obj: &Value) -> Vec<Value> {
    let n = array_size(obj);
    (0..n)
        .map(|i| call1(obj, "FETCH", vec![Value::Int(i as i64)]))
        .collect()
}

/// `@tied = LIST`: `CLEAR`, `EXTEND` (when the class has it), then a
/// `STORE` per element.
pub fn array_assign(obj: &Value, vals: Vec<Value>) {
    clear(obj);
    if !vals.is_empty() && can(obj, "EXTEND") {
        call(
            obj,
            "EXTEND",
            vec![Value::Int(vals.len() as i64)],
            Want::Void,
        );
    }
    for (i, v) in vals.into_iter().enumerate() {
        call(obj, "STORE", vec![Value::Int(i as i64), v], Want::Void);
    }
}

pub fn clear(obj: &Value) {
    call(obj, "CLEAR", vec![], Want::Void);
}

/// Whether the tie object's class has `method`.
fn can(obj: &Value, method: &str) -> bool {
    let Some(class) = obj.blessed() else {
        return false;
    };
    with_interp(|interp| interp.find_method(&class, method).is_some()).unwrap_or(false)
}

// ------------------------------------------------------------ hashes

fn key_value(k: &[u8]) -> Value {
    Value::bytes(k)
}

pub fn hash_fetch(obj: &Value, k: &[u8]) -> Value {
    call1(obj, "FETCH", vec![key_value(k)])
}

pub fn hash_store(obj: &Value, k: &Key, v: Value) {
    call(obj, "STORE", vec![Value::Str(k.0.clone()), v], Want::Void);
}

pub fn hash_exists(obj: &Value, k: &[u8]) -> bool {
    call1(obj, "EXISTS", vec![key_value(k)]).truthy()
}

pub fn hash_delete(obj: &Value, k: &[u8]) -> Value {
    call1(obj, "DELETE", vec![key_value(k)])
}

pub fn hash_elem(obj: &Value, k: &Key) -> Sv {
    Scalar::new_tied_elem(Tied::Key(obj.clone(), Value::Str(k.0.clone())))
}

/// The keys, by `FIRSTKEY` and then `NEXTKEY` with the last key until it
/// gives undef.
pub fn hash_keys(obj: &Value) -> Vec<Value> {
    let mut keys = Vec::new();
    let mut k = call1(obj, "FIRSTKEY", vec![]);
    while !k.is_undef() {
        keys.push(k.clone());
        k = call1(obj, "NEXTKEY", vec![k]);
    }
    keys
}

// ------------------------------------------------------------ the builtins

/// What a `tie`/`tied`/`untie` operand names.
enum Target {
    Scalar(Sv),
    Array(Av),
    Hash(Hv),
    Handle(Gv),
}

impl Interp {
    /// Call a tie method with the object as its first argument: its
    /// scalar result, or its list with `Want::List`.
    pub(crate) fn tie_method(
        &mut self,
        obj: &Value,
        method: &str,
        args: Vec<Value>,
        want: Want,
    ) -> R<Vec<Value>> {
        let mut out = Vec::new();
        let elems = args.into_iter().map(Elem::V).collect();
        let v = self.tie_method_elems(obj, method, elems, want, &mut out)?;
        Ok(if want == Want::List { out } else { vec![v] })
    }

    fn tie_target(&mut self, e: &crate::ast::Expr) -> R<Target> {
        let mut refs = Vec::new();
        self.make_refs(e, &mut refs)?;
        Ok(match refs.pop().unwrap_or_default() {
            Value::ScalarRef(sv) => Target::Scalar(sv),
            Value::ArrayRef(av) => Target::Array(av),
            Value::HashRef(hv) => Target::Hash(hv),
            Value::GlobRef(g) | Value::Glob(g) => Target::Handle(g),
            _ => return Err(self.die_msg("Can't modify non-lvalue subroutine call in tie")),
        })
    }

    /// `tie VARIABLE, CLASS, LIST`: `CLASS->TIESCALAR/TIEARRAY/TIEHASH/
    /// TIEHANDLE(LIST)`, whose object the variable then calls.
    pub(crate) fn tie_builtin(&mut self, args: &[crate::ast::Expr]) -> R<Value> {
        let Some((target, rest)) = args.split_first() else {
            return Err(self.die_msg("Not enough arguments for tie"));
        };
        let target = self.tie_target(target)?;
        let mut vals = Vec::new();
        for a in rest {
            self.list(a, &mut vals)?;
        }
        if vals.is_empty() {
            return Err(self.die_msg("Not enough arguments for tie"));
        }
        let class = vals[0].clone();
        let method = match target {
            Target::Scalar(_) => "TIESCALAR",
            Target::Array(_) => "TIEARRAY",
            Target::Hash(_) => "TIEHASH",
            Target::Handle(_) => "TIEHANDLE",
        };
        let mut class = class;
        let class_name: Rc<str> = match class.blessed() {
            Some(c) => c,
            None => {
                let name = String::from_utf8_lossy(&to_bytes(&class)).into_owned();
                if name.is_empty() {
                    // perl's empty class name is main.
                    class = Value::from_str("main");
                    Rc::from("main")
                } else {
                    Rc::from(name.as_str())
                }
            }
        };
        if self.find_method(&class_name, method).is_none() {
            let hint = if self.package_exists(&class_name) {
                String::new()
            } else {
                format!(" (perhaps you forgot to load \"{class_name}\"?)")
            };
            return Err(self.die_msg(format!(
                "Can't locate object method \"{method}\" via package \"{class_name}\"{hint}"
            )));
        }
        let mut elems: Vec<Elem> = vals.into_iter().map(Elem::V).collect();
        elems[0] = Elem::V(class.clone());
        let mut out = Vec::new();
        let obj = self.call_method(&class, method, elems, Want::Scalar, &mut out, true)?;
        enter(self);
        let t = Some(Tied::Var(obj.clone()));
        match target {
            Target::Scalar(sv) => drop(sv.set_tie(t)),
            Target::Array(av) => drop(av.set_tie(t)),
            Target::Hash(hv) => drop(hv.set_tie(t)),
            Target::Handle(g) => {
                self.handles_tied = true;
                drop(g.set_tie(t))
            }
        }
        Ok(obj)
    }

    fn current_tie(&mut self, target: &Target) -> Option<Tied> {
        match target {
            Target::Scalar(sv) => sv.tie(),
            Target::Array(av) => av.tied().map(Tied::Var),
            Target::Hash(hv) => hv.tied().map(Tied::Var),
            Target::Handle(g) => g.tied().map(Tied::Var),
        }
    }

    /// `tied VARIABLE`: the tie object, or undef.
    pub(crate) fn tied_builtin(&mut self, args: &[crate::ast::Expr]) -> R<Value> {
        let Some(e) = args.first() else {
            return Ok(Value::Undef);
        };
        let target = self.tie_target(e)?;
        Ok(match self.current_tie(&target) {
            Some(Tied::Var(obj)) | Some(Tied::Index(obj, _)) | Some(Tied::Key(obj, _)) => obj,
            None => Value::Undef,
        })
    }

    /// `untie VARIABLE`: `UNTIE` (when the class has it) with the count of
    /// other references to the object, then the variable is plain again.
    pub(crate) fn untie_builtin(&mut self, args: &[crate::ast::Expr]) -> R<Value> {
        let Some(e) = args.first() else {
            return Ok(Value::Int(1));
        };
        let target = self.tie_target(e)?;
        let Some(Tied::Var(obj)) = self.current_tie(&target) else {
            return Ok(Value::Int(1));
        };
        // The tie holds one reference and `obj` another; perl counts the
        // references beyond the tie's.
        let extra = obj.referent_refs().saturating_sub(2);
        if let Some(class) = obj.blessed() {
            if self.find_method(&class, "UNTIE").is_some() {
                self.tie_method(&obj, "UNTIE", vec![Value::Int(extra as i64)], Want::Void)?;
            } else if extra > 0 && self.warnings_on() {
                self.warn_str(&format!(
                    "untie attempted while {extra} inner references still exist"
                ));
            }
        }
        let old = match &target {
            Target::Scalar(sv) => sv.set_tie(None),
            Target::Array(av) => av.set_tie(None),
            Target::Hash(hv) => hv.set_tie(None),
            Target::Handle(g) => g.set_tie(None),
        };
        drop(old);
        drop(obj);
        if crate::destroy::pending() {
            self.run_destructors();
        }
        Ok(Value::Int(1))
    }
}

// ------------------------------------------------------------ handles

impl Interp {
    /// The tie object of the handle `fh` names (the selected handle when
    /// `None`), for handle expressions that name a handle without side
    /// effects (a bareword, `$fh`, `*FH`, a glob's name). Only consulted
    /// once some handle has been tied.
    pub(crate) fn tied_handle(&mut self, fh: Option<&crate::ast::Expr>) -> R<Option<Value>> {
        use crate::ast::Expr;
        if !self.handles_tied {
            return Ok(None);
        }
        let g = match fh {
            None => Some(self.selected.clone()),
            Some(Expr::Handle(id)) | Some(Expr::Glob(id)) => Some(self.gv(*id).clone()),
            Some(e @ (Expr::My(_) | Expr::Global(_) | Expr::Str { .. })) => match self.sv(e)? {
                Value::Glob(g) | Value::GlobRef(g) => Some(g),
                Value::ScalarRef(sv) => match sv.raw() {
                    Value::Glob(g) => Some(g),
                    _ => None,
                },
                v @ Value::Str(_) => {
                    let name = String::from_utf8_lossy(&to_bytes(&v)).into_owned();
                    let full = self.qualify(&name);
                    self.glob_opt(&full)
                }
                _ => None,
            },
            _ => None,
        };
        Ok(g.and_then(|g| g.tied()))
    }

    /// Call a tied handle's method with arguments that may be containers
    /// (`READ` writes into its buffer argument).
    pub(crate) fn tie_method_elems(
        &mut self,
        obj: &Value,
        method: &str,
        args: Vec<Elem>,
        want: Want,
        out: &mut Vec<Value>,
    ) -> R<Value> {
        let mut elems = Vec::with_capacity(args.len() + 1);
        elems.push(Elem::V(obj.clone()));
        elems.extend(args);
        let start = out.len();
        let v = self.call_method(obj, method, elems, want, out, false)?;
        if want != Want::List {
            out.truncate(start);
        }
        Ok(v)
    }

    /// `print`/`printf`/`say` to a tied handle: `PRINT` or `PRINTF` with
    /// the list (`say` runs `PRINT` with `$\` set to a newline, as perl).
    pub(crate) fn tied_print(
        &mut self,
        obj: &Value,
        kind: crate::ast::PrintKind,
        args: &[crate::ast::Expr],
    ) -> R<Value> {
        use crate::ast::{well_known as wk, PrintKind};
        let mut vals = Vec::new();
        for a in args {
            self.list(a, &mut vals)?;
        }
        let elems = vals.into_iter().map(Elem::V).collect();
        let mut out = Vec::new();
        match kind {
            PrintKind::Printf => {
                self.tie_method_elems(obj, "PRINTF", elems, Want::Scalar, &mut out)
            }
            PrintKind::Print => self.tie_method_elems(obj, "PRINT", elems, Want::Scalar, &mut out),
            PrintKind::Say => {
                let ors = self.gv(wk::ORS).sv();
                let saved = ors.get();
                ors.set(Value::from_str("\n"));
                let r = self.tie_method_elems(obj, "PRINT", elems, Want::Scalar, &mut out);
                ors.set(saved);
                r
            }
        }
    }

    /// The handle builtins on a tied handle; `None` for the others.
    pub(crate) fn tied_handle_func(
        &mut self,
        f: crate::ast::Func,
        args: &[crate::ast::Expr],
        want: Want,
        out: &mut Vec<Value>,
    ) -> R<Option<Value>> {
        use crate::ast::Func;
        let method = match f {
            Func::Close => "CLOSE",
            Func::Binmode => "BINMODE",
            Func::Eof => "EOF",
            Func::Getc => "GETC",
            Func::Read | Func::Sysread => "READ",
            Func::Syswrite => "WRITE",
            Func::Seek => "SEEK",
            Func::Tell => "TELL",
            Func::Fileno => "FILENO",
            Func::Open => "OPEN",
            Func::Readline => "READLINE",
            _ => return Ok(None),
        };
        let fh = args.first();
        // With no handle, `eof`, `getc` and `tell` use what perl does:
        // STDIN for getc, the last read handle otherwise (not tied here).
        let obj = match (f, fh) {
            (Func::Getc, None) => {
                let g = self.gv(crate::ast::well_known::STDIN).clone();
                match g.tied() {
                    Some(o) => o,
                    None => return Ok(None),
                }
            }
            (_, None) => return Ok(None),
            (_, Some(e)) => match self.tied_handle(Some(e))? {
                Some(o) => o,
                None => return Ok(None),
            },
        };
        let mut elems = Vec::new();
        match f {
            Func::Read | Func::Sysread => {
                // READ this, $buf, len[, offset]: the buffer is aliased.
                if let Some(b) = args.get(1) {
                    elems.push(Elem::C(self.lv_sv(b)?));
                }
                for a in args.iter().skip(2) {
                    elems.push(Elem::V(self.sv(a)?));
                }
            }
            Func::Eof => elems.push(Elem::V(Value::Int(1))),
            Func::Readline => {
                let w = if want == Want::List {
                    Want::List
                } else {
                    Want::Scalar
                };
                return self.tie_method_elems(&obj, method, elems, w, out).map(Some);
            }
            _ => {
                let mut vals = Vec::new();
                for a in args.iter().skip(1) {
                    self.list(a, &mut vals)?;
                }
                // `syswrite FH, BUF` writes it all: WRITE gets its length.
                if f == Func::Syswrite && vals.len() == 1 {
                    let s = crate::convert::to_pstr(&vals[0]);
                    let n = if s.utf8 {
                        utf8_char_count(&s.bytes)
                    } else {
                        s.bytes.len()
                    };
                    vals.push(Value::Int(n as i64));
                }
                elems.extend(vals.into_iter().map(Elem::V));
            }
        }
        let v = self.tie_method_elems(&obj, method, elems, Want::Scalar, out)?;
        Ok(Some(v))
    }
}
