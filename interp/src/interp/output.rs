//! Printing, warnings and exceptions, reading lines, filehandle resolution,
//! `open`, file tests and globbing.

use std::rc::Rc;

use super::{Flow, Interp, Want, R};
use crate::ast::{self, well_known as wk, Expr, PrintKind};
use crate::convert::{self, to_bytes};
use crate::io::{Backend, Handle, Sep};
use crate::value::*;

impl Interp {
    // ------------------------------------------------------------ warnings

    #[inline]
    pub fn warnings_on(&self) -> bool {
        use crate::parse::{warnings_switch, WarningsSwitch};
        match warnings_switch() {
            WarningsSwitch::All => return true,
            WarningsSwitch::None => return false,
            WarningsSwitch::AsWritten => {}
        }
        if self.hints & ast::hints::LEXICAL_WARNINGS != 0 {
            self.hints & ast::hints::WARNINGS != 0
        } else {
            self.global_warnings
        }
    }

    /// Emit a warning (message without location).
    /// Give the warnings queued while a BEGIN block ran (perl gives them
    /// when it compiles what comes after).
    #[cold]
    pub fn flush_begin_warnings(&mut self) {
        for w in std::mem::take(&mut self.begin_warnings) {
            self.emit_warning(Value::string(w));
        }
    }

    pub fn warn_str(&mut self, msg: &str) {
        self.warn_cat(warning_category(msg), msg)
    }

    /// Emit a warning of category `cat` (a `hints::NO_WARN_*` bit) unless
    /// `no warnings` turned that category off.
    #[cold]
    pub fn warn_cat(&mut self, cat: u32, msg: &str) {
        use crate::parse::{warnings_switch, WarningsSwitch};
        use ast::hints as h;
        // An exception waiting to be thrown (a tie method or restricted
        // hash that died) means perl never got this far.
        if self.pending_flow.is_some() {
            return;
        }
        match warnings_switch() {
            WarningsSwitch::None => return,
            WarningsSwitch::All => {}
            WarningsSwitch::AsWritten => {
                if self.hints & cat != 0 && self.hints & h::LEXICAL_WARNINGS != 0 {
                    return;
                }
            }
        }
        if self.worker {
            self.worker_abort = true;
            return;
        }
        let full = format!("{}{}.\n", msg, self.location());
        let fatal = self.hints & h::FATAL_WARNINGS != 0
            || (cat == h::NO_WARN_UNINIT && self.hints & h::FATAL_UNINIT != 0)
            || (cat == h::NO_WARN_NUMERIC && self.hints & h::FATAL_NUMERIC != 0);
        if fatal {
            if self.pending_flow.is_none() {
                self.die_value = Value::string(full);
                let _ = self.throw();
                self.pending_flow = Some(Flow::Die);
            }
            return;
        }
        self.emit_warning(Value::string(full));
    }

    /// Send a finished warning to `$SIG{__WARN__}` or STDERR. A handler that
    /// dies leaves the exception pending in `pending_flow`.
    pub fn emit_warning(&mut self, v: Value) {
        if self.worker {
            self.worker_abort = true;
            return;
        }
        if !self.in_warn_handler {
            let sig = self.gv(wk::SIG).hv();
            if let Value::CodeRef(cv) = sig.get(b"__WARN__") {
                self.in_warn_handler = true;
                let mut out = Vec::new();
                let r = self.call_sub(&cv, vec![Elem::V(v)], Want::Void, &mut out);
                self.in_warn_handler = false;
                if let Err(Flow::Die) = r {
                    self.pending_flow = Some(Flow::Die);
                }
                return;
            }
        }
        if self.handles_tied {
            // A tied STDERR gets warnings through its PRINT.
            if let Some(obj) = self.gv(wk::STDERR).tied() {
                let mut out = Vec::new();
                if let Err(Flow::Die) =
                    self.tie_method_elems(&obj, "PRINT", vec![Elem::V(v)], Want::Scalar, &mut out)
                {
                    self.pending_flow = Some(Flow::Die);
                }
                return;
            }
        }
        let b = to_bytes(&v).into_owned();
        self.stdout_flush_if_tty();
        self.stderr.io.borrow_mut().write(&b);
    }

    fn stdout_flush_if_tty(&mut self) {
        // Keep terminal output ordered like perl's line-buffered stdout.
        let mut o = self.stdout.io.borrow_mut();
        if o.is_tty {
            o.flush();
        }
    }

    /// "Use of uninitialized value[ $name] in OP" for an operand expression.
    #[cold]
    pub fn warn_uninit(&mut self, e: &Expr, op: &str) {
        if !self.warnings_on() {
            return;
        }
        let name = self.var_name(e);
        let msg = match name {
            Some(n) => format!("Use of uninitialized value {n} in {op}"),
            None => format!("Use of uninitialized value in {op}"),
        };
        self.warn_cat(ast::hints::NO_WARN_UNINIT, &msg);
    }

    /// Evaluate `args` in list context; beside each value, the index of the
    /// argument that produced it when that argument gave exactly one value
    /// (so warnings can name the variable).
    pub fn list_with_owners(&mut self, args: &[Expr]) -> R<(Vec<Value>, Vec<Option<usize>>)> {
        let mut vals = Vec::new();
        let mut owners = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let n0 = vals.len();
            self.list(a, &mut vals)?;
            let single = vals.len() == n0 + 1;
            owners.extend((n0..vals.len()).map(|_| single.then_some(i)));
        }
        Ok((vals, owners))
    }

    pub fn warn_uninit_op(&mut self, op: &str) {
        if !self.warnings_on() {
            return;
        }
        self.warn_cat(
            ast::hints::NO_WARN_UNINIT,
            &format!("Use of uninitialized value in {op}"),
        );
    }

    pub fn check_uninit_str(&mut self, a: &Value, b: &Value, op: &str) {
        if !self.warnings_on() {
            return;
        }
        if a.is_undef() {
            self.warn_uninit_op(op);
        }
        if b.is_undef() {
            self.warn_uninit_op(op);
        }
    }

    /// A package variable's name as warnings show it (`main::` dropped),
    /// behind a placeholder sigil.
    fn global_display(&self, id: ast::GlobalId) -> String {
        let n = &self.unit.program.globals[id as usize];
        format!("*{}", n.strip_prefix("main::").unwrap_or(n))
    }

    /// The name perl shows for a variable in warnings (`$x`, `$h{"k"}`,
    /// `$a[2]`), when it can be told statically.
    pub fn var_name(&mut self, e: &Expr) -> Option<String> {
        let body = self.cur_sub.as_ref().and_then(|c| c.body().cloned());
        let pad_name = |s: u32| {
            body.as_ref()
                .and_then(|b| b.pad.get(s as usize).map(|p| p.name.clone()))
        };
        match e {
            Expr::My(s) => pad_name(*s),
            Expr::Special(ast::SpecialVar::Capture(n)) => Some(format!("${n}")),
            Expr::Global(id) => {
                let n = &self.unit.program.globals[*id as usize];
                Some(format!("${}", n.strip_prefix("main::").unwrap_or(n)))
            }
            Expr::Index { array, index } => {
                let n = match array {
                    ast::ArrayPlace::My(s) => pad_name(*s)?,
                    ast::ArrayPlace::Global(id) => self.global_display(*id),
                    _ => return None,
                };
                let i = match &**index {
                    Expr::Int(i) => *i,
                    Expr::My(_) | Expr::Global(_) => {
                        let v = self.sv(index).ok()?;
                        convert::to_i64(&v)
                    }
                    _ => return None,
                };
                Some(format!("${}[{}]", &n[1..], i))
            }
            Expr::Elem { hash, key } => {
                let n = match hash {
                    ast::HashPlace::My(s) => pad_name(*s)?,
                    ast::HashPlace::Global(id) => self.global_display(*id),
                    _ => return None,
                };
                let k = match &**key {
                    Expr::Str { bytes, .. } => String::from_utf8_lossy(bytes).into_owned(),
                    Expr::My(_) | Expr::Global(_) => {
                        let v = self.sv(key).ok()?;
                        String::from_utf8_lossy(&to_bytes(&v)).into_owned()
                    }
                    _ => return None,
                };
                Some(format!("${}{{\"{}\"}}", &n[1..], k))
            }
            _ => None,
        }
    }

    /// "Use of uninitialized value $a[i] in OP" for each undef among the
    /// values `e` gave in list context (naming the element where perl
    /// does: a named array, or a slice of one with constant subscripts).
    #[cold]
    pub fn warn_uninit_items(&mut self, e: &Expr, vals: &[Value], op: &str) {
        if !self.warnings_on() || !vals.iter().any(Value::is_undef) {
            return;
        }
        let names = self.list_item_names(e, vals.len());
        for (k, v) in vals.iter().enumerate() {
            if v.is_undef() {
                let msg = match names
                    .as_ref()
                    .and_then(|n| n.get(k))
                    .and_then(|n| n.as_ref())
                {
                    Some(n) => format!("Use of uninitialized value {n} in {op}"),
                    None => format!("Use of uninitialized value in {op}"),
                };
                self.warn_cat(ast::hints::NO_WARN_UNINIT, &msg);
            }
        }
    }

    /// The names of the `n` elements a list expression gives, when they
    /// can be told statically.
    fn array_place_len(&mut self, p: &ast::ArrayPlace) -> i64 {
        match p {
            ast::ArrayPlace::My(s) => match &self.pad[*s as usize] {
                crate::value::PadSlot::Array(av) => av.len() as i64,
                _ => 0,
            },
            ast::ArrayPlace::Global(id) => self.gv(*id).av().len() as i64,
            _ => 0,
        }
    }

    pub(crate) fn list_item_names_pub(
        &mut self,
        e: &Expr,
        n: usize,
    ) -> Option<Vec<Option<String>>> {
        self.list_item_names(e, n)
    }

    fn list_item_names(&mut self, e: &Expr, n: usize) -> Option<Vec<Option<String>>> {
        fn const_list(e: &Expr, out: &mut Vec<String>) -> Option<()> {
            match e {
                Expr::Int(i) => out.push(i.to_string()),
                Expr::Unary {
                    op: ast::UnOp::Neg,
                    e,
                } => match &**e {
                    Expr::Int(i) => out.push((-*i).to_string()),
                    _ => return None,
                },
                Expr::Str { bytes, .. } => out.push(String::from_utf8_lossy(bytes).into_owned()),
                Expr::List(items) => {
                    for i in items {
                        const_list(i, out)?;
                    }
                }
                Expr::Range { l, r, .. } => match (&**l, &**r) {
                    (Expr::Int(a), Expr::Int(b)) if b - a < 10_000 => {
                        out.extend((*a..=*b).map(|i| i.to_string()))
                    }
                    _ => return None,
                },
                _ => return None,
            }
            Some(())
        }
        let body = self.cur_sub.as_ref().and_then(|c| c.body().cloned());
        let pad_name = |s: u32| {
            body.as_ref()
                .and_then(|b| b.pad.get(s as usize).map(|p| p.name.clone()))
        };
        let arr_name = |me: &Self, p: &ast::ArrayPlace| -> Option<String> {
            match p {
                ast::ArrayPlace::My(s) => pad_name(*s).map(|n| n[1..].to_string()),
                ast::ArrayPlace::Global(id) => Some(me.global_display(*id)[1..].to_string()),
                _ => None,
            }
        };
        let names: Vec<Option<String>> = match e {
            Expr::MyArray(s) => {
                let nm = pad_name(*s)?;
                (0..n)
                    .map(|i| Some(format!("${}[{}]", &nm[1..], i)))
                    .collect()
            }
            Expr::GlobalArray(id) => {
                let nm = self.global_display(*id);
                (0..n)
                    .map(|i| Some(format!("${}[{}]", &nm[1..], i)))
                    .collect()
            }
            Expr::Slice { array, indices } => {
                let nm = arr_name(self, array)?;
                let mut ix = Vec::new();
                const_list(indices, &mut ix)?;
                // An element that does not exist goes unnamed.
                let len = self.array_place_len(array);
                ix.iter()
                    .map(|i| {
                        let i: i64 = i.parse().unwrap_or(0);
                        let i = if i < 0 { i + len } else { i };
                        (i >= 0 && i < len).then(|| format!("${nm}[{i}]"))
                    })
                    .collect()
            }
            Expr::HashSlice { hash, keys } => {
                let nm = match hash {
                    ast::HashPlace::My(s) => pad_name(*s)?[1..].to_string(),
                    ast::HashPlace::Global(id) => self.global_display(*id)[1..].to_string(),
                    _ => return None,
                };
                let mut ks = Vec::new();
                const_list(keys, &mut ks)?;
                let hv = self.hash_place(hash, false).ok();
                ks.iter()
                    .map(|k| {
                        hv.as_ref()
                            .is_some_and(|h| h.exists(k.as_bytes()))
                            .then(|| format!("${nm}{{\"{k}\"}}"))
                    })
                    .collect()
            }
            _ => return None,
        };
        (names.len() == n).then_some(names)
    }

    // ------------------------------------------------------------ die / warn

    /// Build the message of `die LIST` / `warn LIST`.
    fn die_warn_value(&mut self, args: &[Expr], is_die: bool) -> R<Value> {
        let mut vals = Vec::new();
        for a in args {
            self.list(a, &mut vals)?;
        }
        if vals.len() == 1 && vals[0].is_ref() {
            return Ok(vals.pop().unwrap());
        }
        if vals.iter().any(|v| v.is_undef()) && self.warnings_on() {
            let op = if is_die { "die" } else { "warn" };
            for _ in vals.iter().filter(|v| v.is_undef()) {
                self.warn_uninit_op(op);
            }
        }
        let mut s = PStr::default();
        for v in &vals {
            convert::concat_into(&mut s, &to_bytes(v), convert::is_utf8(v));
        }
        if s.bytes.is_empty() {
            let err = self.gv(wk::EVAL_ERROR).sv().get();
            if is_die {
                if err.is_ref() {
                    return Ok(err);
                }
                let eb = to_bytes(&err).into_owned();
                if !eb.is_empty() {
                    s.bytes = eb;
                    s.bytes.extend_from_slice(b"\t...propagated");
                } else {
                    s.bytes = b"Died".to_vec();
                }
            } else {
                let eb = to_bytes(&err).into_owned();
                if !eb.is_empty() {
                    s.bytes = eb;
                    s.bytes.extend_from_slice(b"\t...caught");
                } else {
                    s.bytes = b"Warning: something's wrong".to_vec();
                }
            }
        }
        if !s.bytes.ends_with(b"\n") {
            s.bytes.extend_from_slice(self.location().as_bytes());
            s.bytes.extend_from_slice(b".\n");
        }
        Ok(Value::Str(Rc::new(s)))
    }

    pub fn do_die(&mut self, args: &[Expr]) -> R<Value> {
        let v = self.die_warn_value(args, true)?;
        self.die_value = v;
        Err(self.throw())
    }

    pub fn do_warn(&mut self, args: &[Expr]) -> R<Value> {
        let v = self.die_warn_value(args, false)?;
        self.emit_warning(v);
        self.raise_warn_die()?;
        Ok(Value::Int(1))
    }

    /// Throw the exception of a fatal warning or of a `__WARN__` handler
    /// that died. Most warnings are issued where no error can be returned,
    /// so they are raised here, at the next statement boundary.
    #[inline]
    pub fn raise_warn_die(&mut self) -> R<()> {
        if let Some(f) = self.pending_flow.take() {
            return Err(f);
        }
        Ok(())
    }

    // ------------------------------------------------------------ handles

    /// The handle an expression names (bareword glob, glob, glob ref, IO
    /// object, or a string naming a handle).
    pub fn handle_of(&mut self, v: &Value) -> Option<Rc<Handle>> {
        match v {
            Value::Glob(g) | Value::GlobRef(g) => g.io(),
            Value::Str(_) => {
                let name = String::from_utf8_lossy(&to_bytes(v)).into_owned();
                let full = self.qualify(&name);
                self.glob_opt(&full).and_then(|g| g.io())
            }
            Value::HashRef(h) => {
                // IO::Handle-like objects built on a hash holding a glob.
                match h.get(b"fh") {
                    Value::Undef => None,
                    inner => self.handle_of(&inner),
                }
            }
            _ => None,
        }
    }

    /// The handle and its display name for a handle expression.
    pub fn handle_expr(&mut self, e: &Expr) -> R<(Option<Rc<Handle>>, Rc<str>)> {
        match e {
            Expr::Handle(id) => {
                let g = self.gv(*id).clone();
                let name = g.name.rsplit("::").next().unwrap_or("").to_string();
                Ok((g.io(), Rc::from(name.as_str())))
            }
            Expr::My(s) => {
                let v = self.pad_sv(*s).get();
                let name = self
                    .cur_sub
                    .as_ref()
                    .and_then(|c| {
                        c.body()
                            .and_then(|b| b.pad.get(*s as usize).map(|p| p.name.clone()))
                    })
                    .unwrap_or_else(|| "$fh".into());
                Ok((self.handle_of(&v), Rc::from(name.as_str())))
            }
            _ => {
                let v = self.sv(e)?;
                let name = match &v {
                    Value::Glob(g) | Value::GlobRef(g) => {
                        g.name.rsplit("::").next().unwrap_or("").to_string()
                    }
                    _ => String::from_utf8_lossy(&to_bytes(&v)).into_owned(),
                };
                Ok((self.handle_of(&v), Rc::from(name.as_str())))
            }
        }
    }

    // ------------------------------------------------------------ print

    pub fn print(&mut self, kind: PrintKind, fh: Option<&Expr>, args: &[Expr]) -> R<Value> {
        if self.handles_tied {
            if let Some(obj) = self.tied_handle(fh)? {
                return self.tied_print(&obj, kind, args);
            }
        }
        let (h, name) = match fh {
            Some(e) => self.handle_expr(e)?,
            None => (self.selected.io(), Rc::from("STDOUT")),
        };
        let mut buf = PStr::default();
        match kind {
            PrintKind::Printf => {
                let mut vals = Vec::new();
                for a in args {
                    self.list(a, &mut vals)?;
                }
                if vals.is_empty() {
                    return Ok(Value::Int(1));
                }
                let fmt = vals.remove(0);
                let s = self.sprintf_values(&fmt, &vals, "printf", args.get(1..).unwrap_or(&[]))?;
                buf = s;
            }
            _ => {
                let ofs = self.gv(wk::OFS).sv_ref().get();
                let (mut vals, owners) = self.list_with_owners(args)?;
                for v in vals.iter_mut() {
                    if v.is_ref() {
                        if let Some(s) = self.overload_string(v)? {
                            *v = s;
                        }
                    }
                }
                for (i, v) in vals.iter().enumerate() {
                    if i > 0 && !ofs.is_undef() {
                        convert::concat_into(&mut buf, &to_bytes(&ofs), convert::is_utf8(&ofs));
                    }
                    match v {
                        Value::Str(s) if !s.utf8 && !buf.utf8 => {
                            buf.bytes.extend_from_slice(&s.bytes)
                        }
                        Value::Int(i) => crate::numeric::format_int(*i, &mut buf.bytes),
                        Value::Undef => {
                            if self.warnings_on() {
                                let n = match owners[i] {
                                    Some(a) => self.var_name(&args[a]),
                                    None => None,
                                };
                                let op = if kind == PrintKind::Say {
                                    "say"
                                } else {
                                    "print"
                                };
                                match n {
                                    Some(n) => self.warn_str(&format!(
                                        "Use of uninitialized value {n} in {op}"
                                    )),
                                    None => self
                                        .warn_str(&format!("Use of uninitialized value in {op}")),
                                }
                            }
                        }
                        _ => convert::concat_into(&mut buf, &to_bytes(v), convert::is_utf8(v)),
                    }
                }
                // `say` is `print` with `$\` localised to "\n".
                if kind == PrintKind::Say {
                    buf.bytes.push(b'\n');
                }
                let ors = self.gv(wk::ORS).sv_ref().get();
                if !ors.is_undef() && kind != PrintKind::Say {
                    convert::concat_into(&mut buf, &to_bytes(&ors), convert::is_utf8(&ors));
                }
            }
        }
        // A read that died (a tie's FETCH, a restricted hash) stops the
        // print before it writes, as perl's would.
        self.raise_warn_die()?;
        let op = match kind {
            PrintKind::Print => "print",
            PrintKind::Say => "say",
            PrintKind::Printf => "printf",
        };
        let Some(h) = h else {
            if self.warnings_on() {
                self.warn_str(&format!("{op}() on unopened filehandle {name}"));
            }
            self.errno = libc::EBADF;
            return Ok(Value::Undef);
        };
        if !h.io.borrow().writable_open() {
            self.unusable_handle(&h, &name, op);
            self.errno = libc::EBADF;
            return Ok(Value::Undef);
        }
        let ok = self.write_to(&h, &buf, kind);
        Ok(if ok { Value::Int(1) } else { Value::Int(0) })
    }

    /// Warns (under warnings) that `op` cannot use the closed or
    /// wrong-direction handle `h`.
    #[cold]
    fn unusable_handle(&mut self, h: &Rc<Handle>, name: &str, op: &str) {
        if !self.warnings_on() {
            return;
        }
        let (open, readable) = {
            let io = h.io.borrow();
            (io.is_open(), io.readable)
        };
        let msg = if !open {
            format!("{op}() on closed filehandle {name}")
        } else if op == "readline" {
            format!("Filehandle {name} opened only for output")
        } else if readable {
            format!("Filehandle {name} opened only for input")
        } else {
            format!("{op}() on closed filehandle {name}")
        };
        self.warn_str(&msg);
    }

    /// Write a string to a handle, encoding as the handle's layer wants.
    pub fn write_to(&mut self, h: &Rc<Handle>, s: &PStr, kind: PrintKind) -> bool {
        let layer_utf8 = h.io.borrow().utf8;
        let bytes: std::borrow::Cow<[u8]> = if s.utf8 && !layer_utf8 {
            match downgrade(&s.bytes) {
                Some(d) => d.into(),
                None => {
                    if !self.in_warn_handler {
                        let op = match kind {
                            PrintKind::Print => "print",
                            PrintKind::Say => "say",
                            PrintKind::Printf => "printf",
                        };
                        self.warn_str(&format!("Wide character in {op}"));
                    }
                    (&s.bytes[..]).into()
                }
            }
        } else if !s.utf8 && layer_utf8 && !s.bytes.is_ascii() {
            upgrade(&s.bytes).into()
        } else {
            (&s.bytes[..]).into()
        };
        if Rc::ptr_eq(h, &self.stderr) {
            // Perl's stderr is unbuffered, but stdout written earlier to a
            // terminal must appear first.
            self.stdout_flush_if_tty();
        }
        let ok = h.io.borrow_mut().write(&bytes);
        if Rc::ptr_eq(h, &self.stdout) && self.gv(wk::AUTOFLUSH).sv_ref().get().truthy() {
            h.io.borrow_mut().flush();
        }
        ok
    }

    /// Makes `g` the default output handle. `$|` belongs to the selected
    /// handle: its value is stored into the old handle (flushing it if set)
    /// and loaded from the new one.
    pub fn select_handle(&mut self, g: Gv) {
        let af = self.gv(wk::AUTOFLUSH).sv_ref().get().truthy();
        if let Some(h) = self.selected.io() {
            let mut io = h.io.borrow_mut();
            io.autoflush = af;
            if af {
                io.flush();
            }
        }
        let old = std::mem::replace(&mut self.selected, g);
        let new = self.selected.clone();
        self.swap_format_vars(&old, &new);
        let naf = self.selected.io().is_some_and(|h| h.io.borrow().autoflush);
        self.gv(wk::AUTOFLUSH).sv_ref().set(Value::Int(naf as i64));
    }

    // ------------------------------------------------------------ reading

    fn record_sep(&self) -> (Option<Vec<u8>>, Option<usize>) {
        let rs = self.gv(wk::RS).sv_ref().get();
        match &rs {
            Value::Undef => (None, None),
            Value::ScalarRef(r) => (None, Some(convert::to_i64(&r.get()).max(1) as usize)),
            _ => (Some(to_bytes(&rs).into_owned()), None),
        }
    }

    pub fn read_one(&mut self, h: &Rc<Handle>) -> Option<Value> {
        let (term, fixed) = self.record_sep();
        let sep = match (&term, fixed) {
            (_, Some(n)) => Sep::Fixed(n),
            (None, None) => Sep::Slurp,
            (Some(t), None) if t.is_empty() => Sep::Paragraph,
            (Some(t), None) => Sep::Term(t),
        };
        let mut io = h.io.borrow_mut();
        let utf8 = io.utf8;
        let rec = io.read_record(&sep)?;
        drop(io);
        Some(Value::str_from(rec, utf8))
    }

    /// The handle for `<FH>`, or the next file of `<>`.
    fn readline_handle(&mut self, fh: Option<&Expr>) -> R<Option<(Rc<Handle>, Rc<str>)>> {
        match fh {
            Some(e) => {
                let (h, name) = self.handle_expr(e)?;
                if h.is_none() && self.warnings_on() {
                    self.warn_str(&format!("readline() on unopened filehandle {name}"));
                }
                Ok(h.map(|h| (h, name)))
            }
            None => Ok(self.argv_handle()),
        }
    }

    /// `<>`: iterate over the files in @ARGV (or STDIN when none were given).
    fn argv_handle(&mut self) -> Option<(Rc<Handle>, Rc<str>)> {
        let argv_glob = self.gv(wk::ARGV).clone();
        loop {
            if let Some(h) = argv_glob.io() {
                if !h.io.borrow_mut().eof() {
                    return Some((h, Rc::from("ARGV")));
                }
                if !self.argv_started {
                    return Some((h, Rc::from("ARGV")));
                }
            }
            let av = argv_glob.av();
            if av.is_empty() {
                if !self.argv_started {
                    self.argv_started = true;
                    let stdin = self.gv(wk::STDIN).io()?;
                    argv_glob.set_io(Some(stdin.clone()));
                    argv_glob.sv().set(Value::bytes(b"-"));
                    return Some((stdin, Rc::from("ARGV")));
                }
                return argv_glob.io().map(|h| (h, Rc::from("ARGV")));
            }
            self.argv_started = true;
            let f = av.with(|v| v.remove(0)).get();
            let path = to_bytes(&f).into_owned();
            self.gv(wk::ARGV).sv().set(f.clone());
            use std::os::unix::ffi::OsStrExt;
            let lines = argv_glob.io().map(|h| h.io.borrow().lines).unwrap_or(0);
            if path == b"-" {
                let stdin = self.gv(wk::STDIN).io()?;
                argv_glob.set_io(Some(stdin));
                continue;
            }
            match std::fs::File::open(std::ffi::OsStr::from_bytes(&path)) {
                Ok(file) => {
                    // As perl's open: asking whether it is a terminal leaves
                    // ENOTTY in `$!`, which a later `die` exits with.
                    use std::os::unix::io::AsRawFd;
                    if unsafe { libc::isatty(file.as_raw_fd()) } == 0 {
                        self.errno = libc::ENOTTY;
                    }
                    let h = Handle::new(Backend::File(file), true, false, "ARGV");
                    // $. continues across files of <>.
                    h.io.borrow_mut().lines = lines;
                    argv_glob.set_io(Some(h));
                    if self.inplace_ext().is_some() && !self.inplace_start(&path) {
                        // perl skips a file it cannot rewrite.
                        if let Some(h) = argv_glob.io() {
                            h.io.borrow_mut().close();
                            h.io.borrow_mut().lines = lines;
                        }
                        continue;
                    }
                }
                Err(e) => {
                    let msg = format!(
                        "Can't open {}: {}",
                        String::from_utf8_lossy(&path),
                        super::expr::errno_text(e.raw_os_error().unwrap_or(0))
                    );
                    self.warn_str(&msg);
                }
            }
        }
    }

    pub fn readline_scalar(&mut self, fh: Option<&Expr>, _double: bool) -> R<Value> {
        if self.handles_tied && fh.is_some() {
            if let Some(obj) = self.tied_handle(fh)? {
                let mut out = Vec::new();
                return self.tie_method_elems(&obj, "READLINE", vec![], Want::Scalar, &mut out);
            }
        }
        loop {
            let Some((h, name)) = self.readline_handle(fh)? else {
                return Ok(Value::Undef);
            };
            if !h.io.borrow().readable_open() {
                self.unusable_handle(&h, &name, "readline");
                return Ok(Value::Undef);
            }
            let v = self.read_one(&h);
            self.last_read = Some((h.clone(), name));
            match v {
                Some(v) => return Ok(v),
                None => {
                    // <> moves on to the next file in @ARGV.
                    if fh.is_none() && !self.gv(wk::ARGV).av().is_empty() {
                        continue;
                    }
                    if fh.is_none() {
                        self.inplace_finish();
                    }
                    return Ok(Value::Undef);
                }
            }
        }
    }

    /// `$^I` (set by `-i`): the backup extension of in-place editing, an
    /// empty one meaning no backup; `None` when `<>` only reads.
    fn inplace_ext(&mut self) -> Option<Vec<u8>> {
        let v = self.glob("main::^I").sv().get();
        (!v.is_undef()).then(|| to_bytes(&v).into_owned())
    }

    /// In-place editing of `path`, just opened as ARGV: the previous file
    /// is finished, and a work file beside `path`, with its permissions,
    /// becomes ARGVOUT, selected for output; it replaces `path` when the
    /// file is done. `false` (with perl's warning) when that is impossible.
    fn inplace_start(&mut self, path: &[u8]) -> bool {
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        self.inplace_finish();
        let ext = self.inplace_ext().unwrap_or_default();
        let os = std::ffi::OsStr::from_bytes(path);
        let shown = String::from_utf8_lossy(path).into_owned();
        let meta = match std::fs::metadata(os) {
            Ok(m) if m.is_file() => m,
            Ok(_) => {
                self.warn_str(&format!(
                    "Can't do inplace edit: {shown} is not a regular file"
                ));
                return false;
            }
            Err(e) => {
                self.warn_str(&format!(
                    "Can't open {shown}: {}",
                    super::expr::errno_text(e.raw_os_error().unwrap_or(0))
                ));
                return false;
            }
        };
        let (dir, base) = match path.iter().rposition(|&c| c == b'/') {
            Some(i) => (&path[..=i], &path[i + 1..]),
            None => (&b""[..], path),
        };
        let mut work = dir.to_vec();
        work.extend_from_slice(b".");
        work.extend_from_slice(base);
        work.extend_from_slice(format!(".psh-i{}", std::process::id()).as_bytes());
        let out = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(meta.permissions().mode() & 0o7777)
            .open(std::ffi::OsStr::from_bytes(&work));
        match out {
            Ok(f) => {
                // The mode given to open is filtered by the umask.
                let _ = f.set_permissions(meta.permissions());
                let h = Handle::new(Backend::File(f), false, true, "ARGVOUT");
                let g = self.gv(wk::ARGVOUT).clone();
                g.set_io(Some(h));
                self.select_handle(g);
                let backup = (!ext.is_empty()).then(|| inplace_backup_name(path, &ext));
                self.inplace_work = Some(super::InplaceWork {
                    work,
                    orig: path.to_vec(),
                    backup,
                });
                true
            }
            Err(e) => {
                self.warn_str(&format!(
                    "Can't do inplace edit on {shown}: Cannot make temp name: {}",
                    super::expr::errno_text(e.raw_os_error().unwrap_or(0))
                ));
                false
            }
        }
    }

    /// ARGVOUT closed, STDOUT the default output again; the work file.
    fn inplace_close(&mut self) -> Option<super::InplaceWork> {
        let g = self.gv(wk::ARGVOUT).clone();
        if let Some(h) = g.io() {
            if Rc::ptr_eq(&self.selected, &g) {
                self.select_handle(self.gv(wk::STDOUT).clone());
            }
            h.io.borrow_mut().close();
            g.set_io(None);
        }
        self.inplace_work.take()
    }

    /// The end of one file's in-place edit: the original goes to its
    /// backup name, if any, and the work file takes its place.
    pub fn inplace_finish(&mut self) {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let Some(super::InplaceWork { work, orig, backup }) = self.inplace_close() else {
            return;
        };
        let mut r = Ok(());
        if let Some(b) = &backup {
            r = std::fs::rename(OsStr::from_bytes(&orig), OsStr::from_bytes(b));
        }
        if r.is_ok() {
            r = std::fs::rename(OsStr::from_bytes(&work), OsStr::from_bytes(&orig));
        }
        if let Err(e) = r {
            let _ = std::fs::remove_file(OsStr::from_bytes(&work));
            self.warn_str(&format!(
                "Can't rename in-place work file to '{}': {}",
                String::from_utf8_lossy(&orig),
                super::expr::errno_text(e.raw_os_error().unwrap_or(0))
            ));
        }
    }

    /// A program that died leaves the file being edited untouched.
    pub fn inplace_abandon(&mut self) {
        if let Some(w) = self.inplace_close() {
            use std::os::unix::ffi::OsStrExt;
            let _ = std::fs::remove_file(std::ffi::OsStr::from_bytes(&w.work));
        }
    }

    pub fn readline_list(
        &mut self,
        fh: Option<&Expr>,
        double: bool,
        out: &mut Vec<Value>,
    ) -> R<()> {
        if self.handles_tied && fh.is_some() {
            if let Some(obj) = self.tied_handle(fh)? {
                self.tie_method_elems(&obj, "READLINE", vec![], Want::List, out)?;
                return Ok(());
            }
        }
        loop {
            let v = self.readline_scalar(fh, double)?;
            if v.is_undef() {
                return Ok(());
            }
            out.push(v);
        }
    }

    // ------------------------------------------------------------ files

    pub fn file_test(&mut self, op: u8, arg: Option<&Expr>) -> R<Value> {
        // `-f -r $f` is `-r $f && -f _`; `_` reuses the last stat.
        let stacked = match arg {
            Some(Expr::FileTest { op: iop, arg: iarg }) => {
                let v = self.file_test(*iop, iarg.as_deref())?;
                if !v.truthy() {
                    return Ok(v);
                }
                true
            }
            Some(Expr::Str { bytes, .. }) => &bytes[..] == b"_",
            _ => false,
        };
        if stacked && op != b't' {
            let Some((path, res)) = self.last_stat.clone() else {
                return Ok(Value::Undef);
            };
            return match res {
                Ok(m) => self.file_test_meta(op, &Value::bytes(&path), m),
                Err(e) => {
                    self.errno = e;
                    Ok(Value::Undef)
                }
            };
        }
        let target = match arg {
            Some(e) => self.sv(e)?,
            None => self.gv(wk::UNDERSCORE).sv().get(),
        };
        let meta = if let Some(h) = self
            .handle_of(&target)
            .filter(|_| matches!(target, Value::Glob(_) | Value::GlobRef(_)))
        {
            let fd = h.io.borrow().fileno();
            match fd {
                Some(fd) => {
                    if op == b't' {
                        return Ok(super::expr::bool_val(unsafe { libc::isatty(fd) } == 1));
                    }
                    let f = unsafe {
                        std::mem::ManuallyDrop::new(
                            <std::fs::File as std::os::unix::io::FromRawFd>::from_raw_fd(fd),
                        )
                    };
                    f.metadata()
                }
                None => return Ok(Value::Undef),
            }
        } else {
            let path = to_bytes(&target).into_owned();
            use std::os::unix::ffi::OsStrExt;
            let p = std::ffi::OsStr::from_bytes(&path);
            if op == b'l' {
                std::fs::symlink_metadata(p)
            } else {
                std::fs::metadata(p)
            }
        };
        let path = to_bytes(&target).into_owned();
        let m = match meta {
            Ok(m) => {
                self.last_stat = Some((path, Ok(m.clone())));
                m
            }
            Err(e) => {
                self.errno = e.raw_os_error().unwrap_or(0);
                self.last_stat = Some((path, Err(self.errno)));
                return Ok(Value::Undef);
            }
        };
        self.file_test_meta(op, &target, m)
    }

    fn file_test_meta(&mut self, op: u8, target: &Value, m: std::fs::Metadata) -> R<Value> {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let yes = super::expr::bool_val(true);
        let no = super::expr::bool_val(false);
        let mode = m.permissions().mode();
        let access = |bits: u32| -> bool {
            let uid = unsafe { libc::geteuid() };
            if uid == 0 {
                // root reads and writes anything; executes if any x bit.
                return bits != 1 || mode & 0o111 != 0 || m.is_dir();
            }
            let shift = if m.uid() == uid {
                6
            } else if m.gid() == unsafe { libc::getegid() } {
                3
            } else {
                0
            };
            (mode >> shift) & bits != 0
        };
        Ok(match op {
            b'e' => yes,
            b'f' => super::expr::bool_val(m.is_file()),
            b'd' => super::expr::bool_val(m.is_dir()),
            b'l' => super::expr::bool_val(m.file_type().is_symlink()),
            b's' => Value::Int(m.len() as i64),
            b'z' => super::expr::bool_val(m.len() == 0),
            b'r' | b'R' => super::expr::bool_val(access(4)),
            b'w' | b'W' => super::expr::bool_val(access(2)),
            b'x' | b'X' => super::expr::bool_val(access(1)),
            b'o' | b'O' => super::expr::bool_val(m.uid() == unsafe { libc::geteuid() }),
            b'p' => super::expr::bool_val(mode & 0o170000 == 0o010000),
            b'S' => super::expr::bool_val(mode & 0o170000 == 0o140000),
            b'b' => super::expr::bool_val(mode & 0o170000 == 0o060000),
            b'c' => super::expr::bool_val(mode & 0o170000 == 0o020000),
            b'u' => super::expr::bool_val(mode & 0o4000 != 0),
            b'g' => super::expr::bool_val(mode & 0o2000 != 0),
            b'k' => super::expr::bool_val(mode & 0o1000 != 0),
            b'M' | b'A' | b'C' => {
                let t = match op {
                    b'M' => m.mtime(),
                    b'A' => m.atime(),
                    _ => m.ctime(),
                };
                Value::Num((self.start_time - t) as f64 / 86400.0)
            }
            b't' => no,
            b'T' | b'B' => {
                let path = to_bytes(target).into_owned();
                use std::os::unix::ffi::OsStrExt;
                let data = std::fs::read(std::ffi::OsStr::from_bytes(&path)).unwrap_or_default();
                let head = &data[..data.len().min(512)];
                let binary = head.contains(&0) || {
                    let odd = head
                        .iter()
                        .filter(|&&b| b < 32 && !matches!(b, b'\n' | b'\r' | b'\t' | 8 | 12 | 27))
                        .count();
                    odd * 3 > head.len()
                };
                super::expr::bool_val(if op == b'T' {
                    !binary
                } else {
                    binary || head.is_empty()
                })
            }
            _ => no,
        })
    }

    pub fn glob_list(&mut self, p: &Expr, out: &mut Vec<Value>) -> R<()> {
        let pat = self.sv(p)?;
        let pat = String::from_utf8_lossy(&to_bytes(&pat)).into_owned();
        for word in pat.split_whitespace() {
            let mut matches = crate::glob::expand(word);
            if matches.is_empty() && !word.contains(['*', '?', '[']) {
                matches.push(word.as_bytes().to_vec());
            }
            out.extend(matches.into_iter().map(|m| Value::str_from(m, false)));
        }
        Ok(())
    }

    pub fn set_errno_from(&mut self, e: &std::io::Error) {
        self.errno = e.raw_os_error().unwrap_or(libc::EIO);
    }

    pub fn die_flow(&mut self) -> Flow {
        Flow::Die
    }
}

/// The `hints::NO_WARN_*` category of a run-time warning, told from its text
/// (warnings are rare, so this costs nothing on the normal path).
fn warning_category(msg: &str) -> u32 {
    use ast::hints as h;
    if msg.starts_with("Use of uninitialized value") {
        h::NO_WARN_UNINIT
    } else if msg.starts_with("Argument \"") {
        h::NO_WARN_NUMERIC
    } else if msg.starts_with("Odd number of elements")
        || msg.starts_with("Reference found where even-sized")
        || msg.starts_with("splice() offset past end")
    {
        h::NO_WARN_MISC
    } else if msg.starts_with("substr outside of string") {
        h::NO_WARN_SUBSTR
    } else if msg.starts_with("Deep recursion") {
        h::NO_RECURSION_WARN
    } else if msg.starts_with("Useless use") {
        h::NO_WARN_VOID
    } else {
        h::NO_WARN_OTHER
    }
}

/// The backup name of in-place editing: an extension with `*` in it is a
/// pattern where each `*` stands for the file's name (which may put the
/// backup in another folder); otherwise the extension is appended.
fn inplace_backup_name(path: &[u8], ext: &[u8]) -> Vec<u8> {
    if !ext.contains(&b'*') {
        let mut b = path.to_vec();
        b.extend_from_slice(ext);
        return b;
    }
    let (dir, base) = match path.iter().rposition(|&c| c == b'/') {
        Some(i) => (&path[..=i], &path[i + 1..]),
        None => (&b""[..], path),
    };
    let mut name = Vec::new();
    for &c in ext {
        if c == b'*' {
            name.extend_from_slice(base);
        } else {
            name.push(c);
        }
    }
    // A pattern without a folder names a backup beside the file.
    if name.contains(&b'/') {
        name
    } else {
        let mut b = dir.to_vec();
        b.extend_from_slice(&name);
        b
    }
}
