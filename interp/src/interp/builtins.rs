//! Perl's built-in functions (`ast::Func`).

use std::borrow::Cow;
use std::rc::Rc;

use super::expr::{bool_val, key_of};
use super::{Flow, Interp, Want, R};
use crate::ast::{well_known as wk, Expr, Func};
use crate::convert::{self, num_to_value, to_bytes, to_f64, to_i64};
use crate::io::{Backend, Handle};
use crate::numeric::Num;
use crate::value::*;

/// A sprintf argument that records the warnings perl gives when sprintf
/// uses it: undefined, or a string that is not a number used as one.
struct WarnWatch<'a> {
    v: &'a Value,
    warned: std::cell::Cell<bool>,
    name: &'a str,
    /// The variable the value came from, as warnings name it.
    var: Option<String>,
    log: &'a std::cell::RefCell<Vec<String>>,
    /// The strings already warned about in this call.
    seen: &'a std::cell::RefCell<Vec<usize>>,
}

impl WarnWatch<'_> {
    fn note(&self, numeric: bool) {
        if self.warned.get() {
            return;
        }
        let msg = match self.v {
            Value::Undef => match &self.var {
                Some(n) => format!("Use of uninitialized value {} in {}", n, self.name),
                None => format!("Use of uninitialized value in {}", self.name),
            },
            Value::Str(s) if numeric && !crate::numeric::parse_number(&s.bytes).1 => {
                // The same string given twice warns once.
                let key = Rc::as_ptr(s) as usize;
                if self.seen.borrow().contains(&key) {
                    self.warned.set(true);
                    return;
                }
                self.seen.borrow_mut().push(key);
                format!(
                    "Argument \"{}\" isn't numeric in {}",
                    super::expr::display_for_warning(s),
                    self.name
                )
            }
            _ => return,
        };
        self.warned.set(true);
        self.log.borrow_mut().push(msg);
    }
}

impl crate::sprintf::FormatArg for WarnWatch<'_> {
    fn to_f64(&self) -> f64 {
        self.note(true);
        self.v.to_f64()
    }
    fn to_num(&self) -> crate::numeric::Num {
        self.note(true);
        crate::sprintf::FormatArg::to_num(self.v)
    }
    fn to_bytes(&self) -> std::borrow::Cow<'_, [u8]> {
        self.note(false);
        crate::sprintf::FormatArg::to_bytes(self.v)
    }
    fn is_utf8(&self) -> bool {
        crate::sprintf::FormatArg::is_utf8(self.v)
    }
}

impl crate::sprintf::FormatArg for Value {
    fn to_f64(&self) -> f64 {
        convert::to_f64(self)
    }
    fn to_num(&self) -> Num {
        convert::to_num(self)
    }
    fn to_bytes(&self) -> Cow<'_, [u8]> {
        convert::to_bytes(self)
    }
    fn is_utf8(&self) -> bool {
        convert::is_utf8(self)
    }
}

fn os(b: &[u8]) -> &std::ffi::OsStr {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::OsStr::from_bytes(b)
}

impl Interp {
    /// `exprs`: the argument expressions after the format, to name the
    /// variables in warnings when each gave one value.
    pub fn sprintf_values(
        &mut self,
        fmt: &Value,
        vals: &[Value],
        name: &str,
        exprs: &[Expr],
    ) -> R<PStr> {
        let converted = if vals.iter().any(Value::is_ref) {
            Some(self.overloaded_args(vals)?)
        } else {
            None
        };
        let vals = converted.as_deref().unwrap_or(vals);
        let f = convert::to_pstr(fmt).into_owned();
        let warn = self.warnings_on();
        let log = std::cell::RefCell::new(Vec::new());
        let seen = std::cell::RefCell::new(Vec::new());
        let named = warn && exprs.len() == vals.len() && vals.iter().any(|v| v.is_undef());
        let mut watched: Vec<WarnWatch> = Vec::with_capacity(vals.len());
        for (i, v) in vals.iter().enumerate() {
            let var = if named && v.is_undef() {
                self.var_name(&exprs[i])
            } else {
                None
            };
            // A string already numified (and warned about) stays quiet.
            let quiet = matches!(v, Value::Str(s) if self.is_numified(s));
            watched.push(WarnWatch {
                v,
                warned: std::cell::Cell::new(quiet),
                name,
                var,
                log: &log,
                seen: &seen,
            });
        }
        let args: Vec<&dyn crate::sprintf::FormatArg> = if warn {
            watched
                .iter()
                .map(|w| w as &dyn crate::sprintf::FormatArg)
                .collect()
        } else {
            vals.iter()
                .map(|v| v as &dyn crate::sprintf::FormatArg)
                .collect()
        };
        let r = crate::sprintf::sprintf_named(&f.bytes, f.utf8, &args, name);
        let to_mark: Vec<Rc<PStr>> = if log.borrow().is_empty() {
            Vec::new()
        } else {
            watched
                .iter()
                .filter_map(|w| match (w.v, w.warned.get()) {
                    (Value::Str(s), true) => Some(s.clone()),
                    _ => None,
                })
                .collect()
        };
        drop(args);
        drop(watched);
        for s in &to_mark {
            self.mark_numified(s);
        }
        for w in log.into_inner() {
            self.warn_str(&w);
        }
        match r {
            Ok((bytes, utf8, warnings)) => {
                if self.warnings_on() {
                    for w in warnings {
                        self.warn_str(&w);
                    }
                }
                Ok(PStr { bytes, utf8 })
            }
            Err(e) => {
                if self.warnings_on() {
                    for w in e.warnings {
                        self.warn_str(&w);
                    }
                }
                Err(self.die_msg(e.message))
            }
        }
    }

    fn arg_sv(&mut self, args: &[Expr], i: usize) -> R<Value> {
        match args.get(i) {
            Some(e) => self.sv(e),
            None => Ok(self.gv(wk::UNDERSCORE).sv().get()),
        }
    }

    /// A numeric argument of the builtin `op`, with perl's warnings for an
    /// undefined or non-numeric value.
    fn arg_num(&mut self, args: &[Expr], i: usize, op: &str) -> R<crate::numeric::Num> {
        let v = self.arg_sv(args, i)?;
        self.num_arg(&v, args.get(i), op)
    }

    /// The number `v` (the value of `e`, `$_` when absent) gives as an
    /// argument of `op`, with perl's warnings.
    pub(super) fn num_arg(
        &mut self,
        v: &Value,
        e: Option<&Expr>,
        op: &str,
    ) -> R<crate::numeric::Num> {
        use crate::numeric::Num;
        Ok(match v {
            Value::Int(n) => Num::Int(*n),
            Value::Num(f) => Num::Float(*f),
            Value::Str(s) => {
                let (n, ok) = crate::numeric::parse_number(&s.bytes);
                if !ok {
                    self.warn_num_arg(v, e, op);
                }
                n
            }
            Value::Undef => {
                self.warn_num_arg(v, e, op);
                Num::Int(0)
            }
            _ if v.is_ref() => match self.overload_number(v)? {
                Some(n) => convert::to_num(&n),
                None => convert::to_num(v),
            },
            _ => convert::to_num(v),
        })
    }

    #[cold]
    fn warn_num_arg(&mut self, v: &Value, e: Option<&Expr>, op: &str) {
        if !self.warnings_on() {
            return;
        }
        match (v, e) {
            (Value::Str(s), _) if !super::expr::is_sv_no(s) => self.warn_not_numeric(s, op),
            (Value::Undef, Some(e)) => self.warn_uninit(e, op),
            (Value::Undef, None) => {
                self.warn_str(&format!("Use of uninitialized value $_ in {op}"))
            }
            _ => {}
        }
    }

    /// `arg_str` for the builtin `op`, warning when the value is undef.
    fn arg_str_in(&mut self, args: &[Expr], i: usize, op: &str) -> R<Rc<PStr>> {
        let v = self.arg_sv(args, i)?;
        self.str_arg(v, args.get(i), op)
    }

    /// The string `v` (the value of `e`) gives as an argument of `op`,
    /// warning when it is undef.
    pub(super) fn str_arg(&mut self, v: Value, e: Option<&Expr>, op: &str) -> R<Rc<PStr>> {
        match v {
            Value::Str(s) => Ok(s),
            other => {
                if other.is_undef() {
                    self.warn_num_arg(&other, e, op);
                }
                self.str_of_value(other)
            }
        }
    }

    /// `join` of the values of `args` (the separator first); `spans[i]` is
    /// where argument `i`'s values are, for warnings' names.
    pub(super) fn join_result(
        &mut self,
        args: &[Expr],
        mut vals: Vec<Value>,
        spans: &[(usize, usize)],
    ) -> R<Value> {
        if vals.is_empty() {
            return Ok(Value::bytes(b""));
        }
        let warn = self.warnings_on();
        if vals[0].is_undef() && warn {
            self.warn_uninit(&args[0], "join or string");
        }
        if warn && vals[1..].iter().any(Value::is_undef) {
            for (a, &(from, s1)) in args.iter().zip(spans) {
                // The separator is not checked here.
                let s0 = from.max(1);
                if s0 >= s1 || !vals[s0..s1].iter().any(Value::is_undef) {
                    continue;
                }
                if s1 - from == 1 && !matches!(a, Expr::MyArray(_) | Expr::GlobalArray(_)) {
                    self.warn_uninit(a, "join or string");
                    continue;
                }
                let names = self.list_item_names_pub(a, s1 - from);
                for (k, v) in vals.iter().enumerate().take(s1).skip(s0) {
                    if !v.is_undef() {
                        continue;
                    }
                    match names
                        .as_ref()
                        .and_then(|n| n.get(k - from))
                        .and_then(|n| n.as_ref())
                    {
                        Some(n) => {
                            let msg = format!("Use of uninitialized value {n} in join or string");
                            self.warn_cat(crate::ast::hints::NO_WARN_UNINIT, &msg);
                        }
                        None => self.warn_uninit_op("join or string"),
                    }
                }
            }
        }
        for v in vals.iter_mut() {
            if v.is_ref() {
                if let Some(s) = self.overload_string(v)? {
                    *v = s;
                }
            }
        }
        let sep = vals.remove(0);
        Ok(self.join_values(&sep, &vals))
    }

    /// `length` of a value.
    #[inline]
    pub(super) fn length_of(&mut self, v: Value) -> R<Value> {
        Ok(match &v {
            Value::Undef => Value::Undef,
            Value::Str(s) if self.hints & crate::ast::hints::BYTES != 0 => {
                Value::Int(s.bytes.len() as i64)
            }
            Value::Str(s) => Value::Int(s.char_len() as i64),
            _ => Value::Int(self.str_of_value(v)?.char_len() as i64),
        })
    }

    /// `substr STR, OFF[, LEN]` as an rvalue.
    /// (`off_e` and `len_e` are the offset and length expressions, named in
    /// warnings.)
    pub(super) fn substr_of(
        &mut self,
        s: &PStr,
        off: &Value,
        len: Option<&Value>,
        off_e: Option<&Expr>,
        len_e: Option<&Expr>,
    ) -> Value {
        if off.is_undef() {
            self.warn_num_arg(off, off_e, "substr");
        }
        let off = to_i64(off);
        let len = len.map(|v| {
            if v.is_undef() {
                // An undefined length is 0 (and warns).
                self.warn_num_arg(v, len_e, "substr");
            }
            to_i64(v)
        });
        match substr_range(s, off, len) {
            Some((a, b)) => Value::str_from(s.bytes[a..b].to_vec(), s.utf8),
            None => {
                if self.warnings_on() {
                    self.warn_str("substr outside of string");
                }
                Value::Undef
            }
        }
    }

    /// `uc`, `lc`, `ucfirst`, `lcfirst`, `fc` of `v` (the value of `e`).
    pub(super) fn case_of(&mut self, f: Func, v: Value, e: Option<&Expr>) -> R<Value> {
        if let (Value::Undef, Some(e)) = (&v, e) {
            if self.warnings_on() {
                let op = match f {
                    Func::Uc => "uc",
                    Func::Lc => "lc",
                    Func::Ucfirst => "ucfirst",
                    Func::Lcfirst => "lcfirst",
                    _ => "fc",
                };
                self.warn_uninit(e, op);
            }
        }
        let s = match v {
            Value::Str(s) => s,
            other => self.str_of_value(other)?,
        };
        use crate::casemap::{case_map, rules, Op};
        let op = match f {
            Func::Uc => Op::Upper,
            Func::Lc => Op::Lower,
            Func::Ucfirst => Op::UpperFirst,
            Func::Lcfirst => Op::LowerFirst,
            _ => Op::Fold,
        };
        Ok(Value::Str(Rc::new(case_map(&s, op, rules(self.hints)))))
    }

    /// `chr` of `v` (the value of `e`).
    pub(super) fn chr_of(&mut self, v: &Value, e: Option<&Expr>) -> R<Value> {
        let num = self.num_arg(v, e, "chr")?;
        if let Some(name) = num.non_finite_name() {
            return Err(self.die_msg(format!("Cannot chr {name}")));
        }
        let n = convert::num_f64(num);
        let c = if n < 0.0 || n.is_nan() {
            if n < 0.0 && self.warnings_on() {
                let mut shown = Vec::new();
                crate::numeric::format_num(num, &mut shown);
                self.warn_str(&format!(
                    "Invalid negative number ({}) in chr",
                    String::from_utf8_lossy(&shown)
                ));
            }
            0xFFFD
        } else {
            n as u32
        };
        if c < 0x100 {
            return Ok(Value::Str(self.byte_str(c as u8)));
        }
        Ok(Value::Str(Rc::new(convert::from_chars(&[c]))))
    }

    /// The one-byte string `b`, shared (strings are copy-on-write), so
    /// `chr` in a loop allocates nothing.
    #[inline]
    pub(super) fn byte_str(&mut self, b: u8) -> Rc<PStr> {
        if self.byte_strs.is_empty() {
            self.byte_strs = (0..=255u8)
                .map(|c| Rc::new(PStr::new(vec![c], false)))
                .collect();
        }
        self.byte_strs[b as usize].clone()
    }

    /// A non-string value as a string, through an object's `""` overload.
    pub(super) fn str_of_value(&mut self, v: Value) -> R<Rc<PStr>> {
        if v.is_ref() {
            if let Some(s) = self.overload_string(&v)? {
                return Ok(Rc::new(convert::to_pstr(&s).into_owned()));
            }
        }
        Ok(Rc::new(convert::to_pstr(&v).into_owned()))
    }

    /// A string argument, shared rather than copied (substr/index on a
    /// long string must not copy it per call).
    fn arg_str(&mut self, args: &[Expr], i: usize) -> R<Rc<PStr>> {
        Ok(match self.arg_sv(args, i)? {
            Value::Str(s) => s,
            other => self.str_of_value(other)?,
        })
    }

    pub(crate) fn all_args(&mut self, args: &[Expr]) -> R<Vec<Value>> {
        let mut v = Vec::new();
        for a in args {
            self.list(a, &mut v)?;
        }
        Ok(v)
    }

    /// Return a list result according to context.
    fn ret_list(&mut self, vals: Vec<Value>, want: Want, out: &mut Vec<Value>) -> Value {
        if want == Want::List {
            out.extend(vals);
            Value::Undef
        } else {
            vals.into_iter().last().unwrap_or_default()
        }
    }

    pub fn func(&mut self, f: Func, args: &[Expr], want: Want, out: &mut Vec<Value>) -> R<Value> {
        if self.handles_tied {
            if let Some(v) = self.tied_handle_func(f, args, want, out)? {
                return Ok(v);
            }
        }
        Ok(match f {
            Func::Length => {
                let v = self.arg_sv(args, 0)?;
                self.length_of(v)?
            }
            Func::Substr => {
                if args.len() >= 4 {
                    let repl = self.sv(&args[3])?;
                    let sv = self.lv_sv(&args[0])?;
                    let off = to_i64(&self.sv(&args[1])?);
                    let len = to_i64(&self.sv(&args[2])?);
                    let cur = sv.get();
                    match substr_replace(&cur, off, Some(len), &repl) {
                        Some((new, old)) => {
                            sv.set(new);
                            old
                        }
                        None => return Err(self.die_msg("substr outside of string")),
                    }
                } else {
                    let s = self.arg_str_in(args, 0, "substr")?;
                    let off = self.arg_sv(args, 1)?;
                    let len = match args.get(2) {
                        Some(e) => Some(self.sv(e)?),
                        None => None,
                    };
                    self.substr_of(&s, &off, len.as_ref(), args.get(1), args.get(2))
                }
            }
            Func::Index | Func::Rindex => {
                let op = if f == Func::Index { "index" } else { "rindex" };
                let s = self.arg_str_in(args, 0, op)?;
                let t = self.arg_str_in(args, 1, op)?;
                let pos = match args.get(2) {
                    Some(e) => Some(to_i64(&self.sv(e)?)),
                    None => None,
                };
                Value::Int(str_index(&s, &t, pos, f == Func::Rindex))
            }
            Func::Uc | Func::Lc | Func::Ucfirst | Func::Lcfirst | Func::Fc => {
                let v = self.arg_sv(args, 0)?;
                self.case_of(f, v, args.first())?
            }
            Func::Chop => {
                let mut n = Value::bytes(b"");
                for a in args {
                    for sv in self.lv_targets(a)? {
                        let s = convert::to_pstr(&sv.get()).into_owned();
                        let mut cs = convert::chars_of(&s);
                        if let Some(c) = cs.pop() {
                            n = Value::Str(Rc::new(convert::from_chars(&[c])));
                        }
                        let mut ns = convert::from_chars(&cs);
                        if s.utf8 && !ns.utf8 {
                            ns = PStr {
                                bytes: upgrade(&ns.bytes),
                                utf8: true,
                            };
                        }
                        sv.set(Value::Str(Rc::new(ns)));
                    }
                }
                n
            }
            Func::Chomp => {
                let rs = self.gv(wk::RS).sv().get();
                if rs.is_undef() || matches!(rs, Value::ScalarRef(_)) {
                    return Ok(Value::Int(0));
                }
                let rs = to_bytes(&rs).into_owned();
                let mut count = 0;
                for a in args {
                    for sv in self.lv_targets(a)? {
                        let v = sv.get();
                        if v.is_undef() {
                            continue;
                        }
                        let s = convert::to_pstr(&v);
                        let mut b = s.bytes.clone();
                        if rs.is_empty() {
                            while b.last() == Some(&b'\n') {
                                b.pop();
                                count += 1;
                            }
                        } else if b.ends_with(&rs) {
                            b.truncate(b.len() - rs.len());
                            count += rs.len() as i64;
                        } else {
                            continue;
                        }
                        let u = s.utf8;
                        sv.set(Value::str_from(b, u));
                    }
                }
                Value::Int(count)
            }
            Func::Chr => {
                let v = self.arg_sv(args, 0)?;
                self.chr_of(&v, args.first())?
            }
            Func::Ord => {
                let s = self.arg_str_in(args, 0, "ord")?;
                if s.bytes.is_empty() {
                    Value::Int(0)
                } else if s.utf8 {
                    Value::Int(
                        convert::decode_utf8_lossy(&s.bytes[..s.bytes.len().min(4)])
                            .first()
                            .copied()
                            .unwrap_or(0) as i64,
                    )
                } else {
                    Value::Int(s.bytes[0] as i64)
                }
            }
            Func::Reverse => {
                let mut vals = self.all_args(args)?;
                if want == Want::List {
                    vals.reverse();
                    out.extend(vals);
                    Value::Undef
                } else {
                    let vals = if args.is_empty() {
                        vec![self.gv(wk::UNDERSCORE).sv().get()]
                    } else {
                        vals
                    };
                    let mut s = PStr::default();
                    for v in &vals {
                        if v.is_undef() {
                            self.warn_uninit_op("reverse");
                        }
                        convert::concat_into(&mut s, &to_bytes(v), convert::is_utf8(v));
                    }
                    let mut cs = convert::chars_of(&s);
                    cs.reverse();
                    let mut r = convert::from_chars(&cs);
                    if s.utf8 && !r.utf8 {
                        r = PStr {
                            bytes: upgrade(&r.bytes),
                            utf8: true,
                        };
                    }
                    Value::Str(Rc::new(r))
                }
            }
            Func::Join => {
                let mut vals = Vec::new();
                // Where each argument's values are, for warnings' names.
                let mut spans = Vec::with_capacity(args.len());
                for a in args {
                    let n0 = vals.len();
                    self.list(a, &mut vals)?;
                    spans.push((n0, vals.len()));
                }
                self.join_result(args, vals, &spans)?
            }
            Func::Sprintf => {
                let mut vals = self.all_args(args)?;
                if vals.is_empty() {
                    return Ok(Value::bytes(b""));
                }
                let fmt = vals.remove(0);
                let rest = args.get(1..).unwrap_or(&[]);
                Value::Str(Rc::new(self.sprintf_values(&fmt, &vals, "sprintf", rest)?))
            }
            Func::Quotemeta => {
                let s = self.arg_str_in(args, 0, "quotemeta")?;
                Value::str_from(crate::regex::quotemeta(&s.bytes, s.utf8), s.utf8)
            }
            Func::Hex | Func::Oct => {
                let s = self.arg_str_in(args, 0, if f == Func::Hex { "hex" } else { "oct" })?;
                let (n, warns) = if f == Func::Hex {
                    crate::numeric::hex(&s.bytes)
                } else {
                    crate::numeric::oct(&s.bytes)
                };
                if self.warnings_on() {
                    for w in warns {
                        self.warn_str(&w);
                    }
                }
                num_to_value(n)
            }
            Func::Abs => {
                let v = self.arg_sv(args, 0)?;
                if v.is_ref() {
                    if let Some(r) = self.overload_unop("abs", &v)? {
                        return Ok(r);
                    }
                    if let Some(n) = self.overload_number(&v)? {
                        return Ok(num_to_value(crate::numeric::abs(convert::to_num(&n))));
                    }
                    num_to_value(crate::numeric::abs(convert::to_num(&v)))
                } else {
                    num_to_value(crate::numeric::abs(self.num_arg(
                        &v,
                        args.first(),
                        "abs",
                    )?))
                }
            }
            Func::Int => num_to_value(crate::numeric::int(self.arg_num(args, 0, "int")?)),
            Func::Sqrt | Func::Sin | Func::Cos | Func::Exp | Func::Log => {
                let op = match f {
                    Func::Sqrt => "sqrt",
                    Func::Sin => "sin",
                    Func::Cos => "cos",
                    Func::Exp => "exp",
                    _ => "log",
                };
                let v = self.arg_sv(args, 0)?;
                if v.blessed().is_some() {
                    // The object's own `sqrt` (…) handler, else its
                    // nomethod, else its numeric value.
                    if let Some(r) = self.overload_math(op, &v)? {
                        return Ok(r);
                    }
                }
                let x = convert::num_f64(self.num_arg(&v, args.first(), op)?);
                match f {
                    Func::Sqrt => {
                        if x < 0.0 {
                            return Err(self.die_msg(format!("Can't take sqrt of {}", fmt_num(x))));
                        }
                        Value::Num(x.sqrt())
                    }
                    Func::Sin => Value::Num(x.sin()),
                    Func::Cos => Value::Num(x.cos()),
                    Func::Exp => Value::Num(x.exp()),
                    _ => {
                        if x <= 0.0 {
                            return Err(self.die_msg(format!("Can't take log of {}", fmt_num(x))));
                        }
                        Value::Num(x.ln())
                    }
                }
            }
            Func::Atan2 => {
                let y = convert::num_f64(self.arg_num(args, 0, "atan2")?);
                let x = convert::num_f64(self.arg_num(args, 1, "atan2")?);
                Value::Num(y.atan2(x))
            }
            Func::Rand => {
                let m = match args.first() {
                    Some(e) => to_f64(&self.sv(e)?),
                    None => 1.0,
                };
                let m = if m == 0.0 { 1.0 } else { m };
                Value::Num(self.drand48() * m)
            }
            Func::Srand => {
                let seed = match args.first() {
                    Some(e) => to_i64(&self.sv(e)?) as u64,
                    None => {
                        std::time::SystemTime::now()
                            .duration_since(std::time::UNIX_EPOCH)
                            .map(|d| d.as_nanos() as u64)
                            .unwrap_or(42)
                            & 0xFFFF_FFFF
                    }
                };
                self.seed_rand(seed);
                Value::Int(seed as i64)
            }
            Func::Defined => match args.first() {
                None => bool_val(!self.gv(wk::UNDERSCORE).sv().get().is_undef()),
                Some(Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::ArrayDeref(_)) => {
                    let av = self.array_of(&args[0], false)?;
                    bool_val(!av.is_empty())
                }
                Some(Expr::MyHash(_) | Expr::GlobalHash(_) | Expr::HashDeref(_)) => {
                    let hv = self.hash_of(&args[0], false)?;
                    bool_val(!hv.is_empty())
                }
                Some(Expr::SubRef(name)) => bool_val(self.find_sub(name).is_some()),
                Some(Expr::Elem { hash, key }) => {
                    let hv = self.hash_place(hash, true)?;
                    let k = self.sv(key)?;
                    bool_val(!hv.get(&key_of(&k).0.bytes).is_undef())
                }
                Some(e) => bool_val(!self.sv(e)?.is_undef()),
            },
            Func::DefinedSub => match args.first() {
                Some(Expr::SubRef(name)) => bool_val(self.find_sub(name).is_some()),
                Some(e) => {
                    let v = self.sv(e)?;
                    bool_val(match v {
                        Value::CodeRef(c) => !matches!(c.kind, CodeKind::Stub),
                        Value::Undef => false,
                        v if !v.is_ref() => self.symbolic_sub_defined(&v),
                        _ => false,
                    })
                }
                None => bool_val(false),
            },
            Func::ExistsSub => match args.first() {
                Some(Expr::SubRef(name)) => bool_val(
                    self.symbols
                        .get(name.as_str())
                        .and_then(|g| g.code())
                        .is_some(),
                ),
                _ => bool_val(false),
            },
            Func::Undef => {
                if let Some(a) = args.first() {
                    match a {
                        Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::ArrayDeref(_) => {
                            self.array_of(a, true)?.clear()
                        }
                        Expr::MyHash(_) | Expr::GlobalHash(_) | Expr::HashDeref(_) => {
                            self.hash_of(a, true)?.clear()
                        }
                        Expr::SubRef(name) => {
                            if let Some(g) = self.glob_opt(name) {
                                g.set_code(None);
                                self.method_cache.clear();
                            }
                        }
                        // `undef *name` empties every slot of the glob.
                        Expr::Glob(_) | Expr::GlobDeref(_) => {
                            let v = self.sv(a)?;
                            let g = self.glob_of_value(&v)?;
                            g.set_sv(Scalar::new(Value::Undef));
                            g.set_av(None);
                            g.set_hv(None);
                            g.set_code(None);
                            g.set_io(None);
                            self.method_cache.clear();
                        }
                        _ => self.assign(a, Value::Undef)?,
                    }
                }
                Value::Undef
            }
            Func::Scalar => match args.first() {
                Some(e) => self.sv(e)?,
                None => Value::Undef,
            },
            Func::Ref => {
                let v = self.arg_sv(args, 0)?;
                ref_type(&v)
            }
            Func::Bless => {
                let r = self.arg_sv(args, 0)?;
                let class: Rc<str> = match args.get(1) {
                    Some(e) => {
                        let c = self.sv(e)?;
                        if let Some(b) = c.blessed() {
                            b
                        } else if c.is_ref() {
                            return Err(self.die_msg("Attempt to bless into a reference"));
                        } else {
                            let s = String::from_utf8_lossy(&to_bytes(&c)).into_owned();
                            // One shared name per class, so method call
                            // sites compare classes by pointer.
                            self.package_name(if s.is_empty() { "main" } else { &s })
                        }
                    }
                    None => self.package.clone(),
                };
                // Blessing makes the package exist (remembered once per
                // package; the last one is checked first).
                if self.last_blessed.as_deref() != Some(&*class) {
                    if !self.blessed_pkgs.contains(&class) {
                        self.blessed_pkgs.insert(class.clone());
                    }
                    self.last_blessed = Some(class.clone());
                }
                match &r {
                    Value::HashRef(h) => h.bless(class),
                    Value::ArrayRef(a) => a.bless(class),
                    Value::ScalarRef(s) => s.bless(class),
                    Value::CodeRef(c) => c.bless(class),
                    Value::GlobRef(g) => g.bless(class),
                    Value::Regex(q) => *q.blessed.borrow_mut() = Some(class),
                    _ => return Err(self.die_msg("Can't bless non-reference value")),
                }
                r
            }
            Func::Die => return self.do_die(args),
            Func::Warn => self.do_warn(args)?,
            Func::Exit => {
                let code = match args.first() {
                    Some(e) => to_i64(&self.sv(e)?),
                    None => 0,
                };
                self.exit_code = code as i32;
                return Err(Flow::Exit);
            }
            Func::Pos => {
                let sv = match args.first() {
                    Some(e) => self.lv_sv(e)?,
                    None => self.gv(wk::UNDERSCORE).sv(),
                };
                match sv.pos() {
                    Some(p) => {
                        let v = sv.get();
                        let s = convert::to_pstr(&v);
                        Value::Int(super::expr::char_offset(&s, p) as i64)
                    }
                    None => Value::Undef,
                }
            }
            Func::Push | Func::Unshift => {
                let av = self.array_of(&args[0], true)?;
                let vals = self.all_args(&args[1..])?;
                if let Some(obj) = av.tied() {
                    let m = if f == Func::Push { "PUSH" } else { "UNSHIFT" };
                    self.tie_method(&obj, m, vals, Want::Void)?;
                    if want == Want::Void {
                        return Ok(Value::Undef);
                    }
                    return Ok(Value::Int(av.len() as i64));
                }
                if f == Func::Push {
                    av.with(|a| a.extend(vals.into_iter().map(Elem::V)));
                } else {
                    av.with(|a| {
                        a.splice(0..0, vals.into_iter().map(Elem::V));
                    });
                }
                if let Expr::GlobalArray(id) = &args[0] {
                    if self.gv(*id).name.ends_with("::ISA") {
                        self.method_cache.clear();
                    }
                }
                Value::Int(av.len() as i64)
            }
            Func::Pop | Func::Shift => {
                let av = match args.first() {
                    Some(a) => self.array_of(a, true)?,
                    None => self.args.clone(),
                };
                if let Some(obj) = av.tied() {
                    let m = if f == Func::Pop { "POP" } else { "SHIFT" };
                    let mut r = self.tie_method(&obj, m, vec![], Want::Scalar)?;
                    return Ok(r.pop().unwrap_or_default());
                }
                let e = av.with(|a| {
                    if f == Func::Pop {
                        a.pop()
                    } else if a.is_empty() {
                        None
                    } else {
                        Some(a.remove(0))
                    }
                });
                e.map(|e| e.get()).unwrap_or_default()
            }
            Func::Splice => {
                let av = self.array_of(&args[0], true)?;
                if let Some(obj) = av.tied() {
                    let mut vals = Vec::new();
                    for (i, a) in args[1..].iter().enumerate() {
                        if i < 2 {
                            vals.push(self.sv(a)?);
                        } else {
                            self.list(a, &mut vals)?;
                        }
                    }
                    let w = if want == Want::List {
                        Want::List
                    } else {
                        Want::Scalar
                    };
                    let removed = self.tie_method(&obj, "SPLICE", vals, w)?;
                    return Ok(self.ret_list(removed, want, out));
                }
                let len = av.len() as i64;
                let off = match args.get(1) {
                    Some(e) => to_i64(&self.sv(e)?),
                    None => 0,
                };
                if off > len && args.len() > 2 && self.warnings_on() {
                    self.warn_str("splice() offset past end of array");
                }
                let off = if off < 0 {
                    (len + off).max(0)
                } else {
                    off.min(len)
                } as usize;
                let cnt = match args.get(2) {
                    Some(e) => {
                        let c = to_i64(&self.sv(e)?);
                        if c < 0 {
                            ((len - off as i64) + c).max(0) as usize
                        } else {
                            (c as usize).min(len as usize - off)
                        }
                    }
                    None => len as usize - off,
                };
                let repl = self.all_args(args.get(3..).unwrap_or(&[]))?;
                let removed: Vec<Value> = av.with(|a| {
                    a.splice(off..off + cnt, repl.into_iter().map(Elem::V))
                        .map(|e| e.get())
                        .collect()
                });
                self.ret_list(removed, want, out)
            }
            Func::Keys | Func::Values | Func::Each => {
                return self.keys_values(f, &args[0], want, out)
            }
            Func::Delete => return self.delete(&args[0], want, out),
            Func::Exists => match &args[0] {
                Expr::Elem { hash, key } => {
                    if let crate::ast::HashPlace::Global(id) = hash {
                        if &*self.gv(*id).name == "main::!" {
                            let k = self.sv(key)?;
                            return Ok(bool_val(super::expr::errno_name_known(&to_bytes(&k))));
                        }
                    }
                    let hv = self.hash_place(hash, true)?;
                    let k = self.sv(key)?;
                    bool_val(hv.exists(&key_of(&k).0.bytes))
                }
                Expr::Index { array, index } => {
                    let av = self.array_place(array, true)?;
                    let i = self.index_value(index)?;
                    if let Some(obj) = av.tied() {
                        let Some(j) = crate::tie::array_index(&obj, i) else {
                            return Ok(bool_val(false));
                        };
                        let r =
                            self.tie_method(&obj, "EXISTS", vec![Value::Int(j)], Want::Scalar)?;
                        return Ok(bool_val(r.last().is_some_and(Value::truthy)));
                    }
                    bool_val(av.resolve(i).is_some_and(|j| j < av.len()))
                }
                Expr::SubRef(name) => bool_val(
                    self.symbols
                        .get(name.as_str())
                        .and_then(|g| g.code())
                        .is_some(),
                ),
                Expr::Call { name, .. } => bool_val(
                    self.symbols
                        .get(name.as_str())
                        .and_then(|g| g.code())
                        .is_some(),
                ),
                _ => {
                    return Err(self
                        .die_msg("exists argument is not a HASH or ARRAY element or a subroutine"))
                }
            },
            Func::Open => return self.open(args),
            Func::Close => {
                let (h, _) = match args.first() {
                    Some(e) => self.handle_expr(e)?,
                    None => (self.selected.io(), Rc::from("")),
                };
                match h {
                    Some(h) => {
                        let mut io = h.io.borrow_mut();
                        let ok = io.close();
                        let st = io.last_status;
                        drop(io);
                        if st != 0 {
                            self.child_status = st as i64;
                        }
                        if !ok {
                            self.errno = libc::EBADF;
                        }
                        bool_val(ok)
                    }
                    None => {
                        self.errno = libc::EBADF;
                        bool_val(false)
                    }
                }
            }
            Func::Binmode => {
                let (h, _) = self.handle_expr(&args[0])?;
                let layer = match args.get(1) {
                    Some(e) => to_bytes(&self.sv(e)?).into_owned(),
                    None => b":raw".to_vec(),
                };
                if let Some(h) = h {
                    bool_val(h.io.borrow_mut().apply_layers(&layer))
                } else {
                    bool_val(false)
                }
            }
            Func::Eof => {
                if let Some(Expr::List(v)) = args.first() {
                    if v.is_empty() {
                        // The end of the last file `<>` reads.
                        let g = self.gv(wk::ARGV).clone();
                        let at_end = g.io().is_none_or(|h| h.io.borrow_mut().eof());
                        return Ok(bool_val(at_end && g.av().is_empty()));
                    }
                }
                let h = match args.first() {
                    Some(e) => self.handle_expr(e)?.0,
                    None => self.last_read.as_ref().map(|(h, _)| h.clone()),
                };
                match h {
                    Some(h) => bool_val(h.io.borrow_mut().eof()),
                    None => bool_val(true),
                }
            }
            Func::Readline => {
                let fh = args.first();
                if want == Want::List {
                    self.readline_list(fh, false, out)?;
                    Value::Undef
                } else {
                    self.readline_scalar(fh, false)?
                }
            }
            Func::Getc => {
                let h = match args.first() {
                    Some(e) => self.handle_expr(e)?.0,
                    None => self.gv(wk::STDIN).io(),
                };
                match h.and_then(|h| h.io.borrow_mut().getc()) {
                    Some(b) => Value::str_from(vec![b], false),
                    None => Value::Undef,
                }
            }
            Func::Read | Func::Sysread => {
                let (h, _) = self.handle_expr(&args[0])?;
                let n = to_i64(&self.sv(&args[2])?).max(0) as usize;
                let off = match args.get(3) {
                    Some(e) => Some(to_i64(&self.sv(e)?)),
                    None => None,
                };
                let Some(h) = h else { return Ok(Value::Undef) };
                // On a `:utf8` handle the length counts characters.
                let utf8_handle = h.io.borrow().utf8 && f == Func::Read;
                let data: Vec<u32> = if utf8_handle {
                    read_chars(&h, n)
                } else {
                    h.io.borrow_mut()
                        .read_bytes(n)
                        .into_iter()
                        .map(u32::from)
                        .collect()
                };
                let got = data.len();
                let sv = self.lv_sv(&args[1])?;
                // The buffer, its offset and its length are in characters.
                let old = sv.get();
                let was_utf8 = convert::is_utf8(&old);
                let mut cur = convert::chars_of(&convert::to_pstr(&old));
                let o = match off {
                    Some(o) if o < 0 => {
                        let o = cur.len() as i64 + o;
                        if o < 0 {
                            return Err(self.die_msg("Offset outside string"));
                        }
                        o as usize
                    }
                    Some(o) => o as usize,
                    None => 0,
                };
                cur.resize(o, 0);
                cur.extend_from_slice(&data);
                let mut out = convert::from_chars(&cur);
                if (was_utf8 || utf8_handle) && !out.utf8 {
                    out.bytes = crate::value::upgrade(&out.bytes);
                    out.utf8 = true;
                }
                sv.set(Value::Str(Rc::new(out)));
                Value::Int(got as i64)
            }
            Func::Syswrite => {
                let (h, _) = self.handle_expr(&args[0])?;
                let s = self.arg_str(args, 1)?;
                let total = s.bytes.len() as i64;
                let len = match args.get(2) {
                    Some(e) => to_i64(&self.sv(e)?),
                    None => total,
                };
                let off = match args.get(3) {
                    Some(e) => to_i64(&self.sv(e)?),
                    None => 0,
                };
                if len < 0 {
                    return Err(self.die_msg("Negative length"));
                }
                let off = if off < 0 { total + off } else { off };
                if off < 0 || (off > total && total > 0) || (off > 0 && total == 0) {
                    return Err(self.die_msg("Offset outside string"));
                }
                let end = (off + len).min(total);
                let part = &s.bytes[off as usize..end as usize];
                match h {
                    Some(h) if h.io.borrow().writable_open() => {
                        let mut io = h.io.borrow_mut();
                        io.write(part);
                        io.flush();
                        Value::Int(part.len() as i64)
                    }
                    _ => {
                        self.errno = libc::EBADF;
                        Value::Undef
                    }
                }
            }
            Func::Seek => {
                let (h, _) = self.handle_expr(&args[0])?;
                let pos = to_i64(&self.sv(&args[1])?);
                let wh = to_i64(&self.sv(&args[2])?) as i32;
                bool_val(h.is_some_and(|h| h.io.borrow_mut().seek(pos, wh)))
            }
            Func::Sysseek => {
                let (h, _) = self.handle_expr(&args[0])?;
                let pos = to_i64(&self.sv(&args[1])?);
                let wh = to_i64(&self.sv(&args[2])?) as i32;
                match h {
                    Some(h) if h.io.borrow_mut().seek(pos, wh) => {
                        let p = h.io.borrow_mut().tell();
                        if p == 0 {
                            Value::string("0 but true".to_string())
                        } else {
                            Value::Int(p)
                        }
                    }
                    _ => Value::Undef,
                }
            }
            Func::Tell => {
                let h = match args.first() {
                    Some(e) => self.handle_expr(e)?.0,
                    None => self.last_read.as_ref().map(|(h, _)| h.clone()),
                };
                Value::Int(h.map(|h| h.io.borrow_mut().tell()).unwrap_or(-1))
            }
            Func::Select => {
                if args.len() >= 4 {
                    // select(undef, undef, undef, $t) sleeps.
                    let t = to_f64(&self.sv(&args[3])?);
                    if t > 0.0 {
                        std::thread::sleep(std::time::Duration::from_secs_f64(t));
                    }
                    return Ok(Value::Int(0));
                }
                // perl gives the name of a named handle's glob, and the glob
                // itself for an anonymous one (`open my $fh`).
                let old = if self.selected.name.contains('$') {
                    Value::Glob(self.selected.clone())
                } else {
                    Value::string(self.selected.name.to_string())
                };
                if let Some(e) = args.first() {
                    let v = self.sv(e)?;
                    let g = match &v {
                        Value::Glob(g) | Value::GlobRef(g) => g.clone(),
                        _ => self.glob_of_value(&v)?,
                    };
                    self.select_handle(g);
                }
                old
            }
            Func::Fileno => {
                let (h, _) = self.handle_expr(&args[0])?;
                match h.and_then(|h| h.io.borrow().fileno()) {
                    Some(n) => Value::Int(n as i64),
                    None => Value::Undef,
                }
            }
            Func::Unlink => {
                let vals = self.all_args(args)?;
                let mut n = 0;
                for v in vals {
                    match std::fs::remove_file(os(&to_bytes(&v))) {
                        Ok(()) => n += 1,
                        Err(e) => self.set_errno_from(&e),
                    }
                }
                Value::Int(n)
            }
            Func::Mkdir => {
                let p = self.arg_str(args, 0)?;
                let mode = match args.get(1) {
                    Some(e) => to_i64(&self.sv(e)?) as u32,
                    None => 0o777,
                };
                use std::os::unix::fs::DirBuilderExt;
                match std::fs::DirBuilder::new().mode(mode).create(os(&p.bytes)) {
                    Ok(()) => bool_val(true),
                    Err(e) => {
                        self.set_errno_from(&e);
                        bool_val(false)
                    }
                }
            }
            Func::Rmdir => {
                let p = self.arg_str(args, 0)?;
                match std::fs::remove_dir(os(&p.bytes)) {
                    Ok(()) => bool_val(true),
                    Err(e) => {
                        self.set_errno_from(&e);
                        bool_val(false)
                    }
                }
            }
            Func::Rename => {
                let a = self.arg_str(args, 0)?;
                let b = self.arg_str(args, 1)?;
                match std::fs::rename(os(&a.bytes), os(&b.bytes)) {
                    Ok(()) => bool_val(true),
                    Err(e) => {
                        self.set_errno_from(&e);
                        bool_val(false)
                    }
                }
            }
            Func::Chdir => {
                let p = match args.first() {
                    Some(e) => to_bytes(&self.sv(e)?).into_owned(),
                    None => std::env::var("HOME").unwrap_or_default().into_bytes(),
                };
                match std::env::set_current_dir(os(&p)) {
                    Ok(()) => bool_val(true),
                    Err(e) => {
                        self.set_errno_from(&e);
                        bool_val(false)
                    }
                }
            }
            Func::Chmod => {
                let vals = self.all_args(args)?;
                let mut n = 0;
                if let Some((mode, files)) = vals.split_first() {
                    use std::os::unix::fs::PermissionsExt;
                    let m = to_i64(mode) as u32;
                    for f in files {
                        if std::fs::set_permissions(
                            os(&to_bytes(f)),
                            std::fs::Permissions::from_mode(m),
                        )
                        .is_ok()
                        {
                            n += 1;
                        }
                    }
                }
                Value::Int(n)
            }
            Func::Opendir => {
                let p = self.arg_str(args, 1)?;
                match std::fs::read_dir(os(&p.bytes)) {
                    Ok(rd) => {
                        use std::os::unix::ffi::OsStrExt;
                        let mut names: Vec<Vec<u8>> = vec![b".".to_vec(), b"..".to_vec()];
                        names.extend(
                            rd.filter_map(|e| e.ok())
                                .map(|e| e.file_name().as_bytes().to_vec()),
                        );
                        let h = Handle::new(Backend::Dir(names), false, false, "DIR");
                        self.bind_handle(&args[0], h)?;
                        bool_val(true)
                    }
                    Err(e) => {
                        self.set_errno_from(&e);
                        bool_val(false)
                    }
                }
            }
            Func::Readdir => {
                let (h, _) = self.handle_expr(&args[0])?;
                let Some(h) = h else { return Ok(Value::Undef) };
                let mut io = h.io.borrow_mut();
                let pos = io.dir_pos;
                let names = match &io.backend {
                    Backend::Dir(n) => n.clone(),
                    _ => Vec::new(),
                };
                if want == Want::List {
                    io.dir_pos = names.len();
                    out.extend(
                        names[pos.min(names.len())..]
                            .iter()
                            .map(|n| Value::str_from(n.clone(), false)),
                    );
                    Value::Undef
                } else if pos < names.len() {
                    io.dir_pos += 1;
                    Value::str_from(names[pos].clone(), false)
                } else {
                    Value::Undef
                }
            }
            Func::Closedir => {
                let (h, _) = self.handle_expr(&args[0])?;
                bool_val(h.is_some_and(|h| {
                    h.io.borrow_mut().backend = Backend::Closed;
                    true
                }))
            }
            Func::Rewinddir => {
                let (h, _) = self.handle_expr(&args[0])?;
                if let Some(h) = h {
                    h.io.borrow_mut().dir_pos = 0;
                }
                bool_val(true)
            }
            Func::Stat | Func::Lstat => {
                let v = self.arg_sv(args, 0)?;
                let p = to_bytes(&v).into_owned();
                let fh = if matches!(v, Value::Glob(_) | Value::GlobRef(_)) {
                    self.handle_of(&v)
                } else {
                    None
                };
                let m = if let Some(h) = fh {
                    match h.io.borrow().fileno() {
                        Some(fd) => {
                            let f = unsafe {
                                std::mem::ManuallyDrop::new(
                                    <std::fs::File as std::os::unix::io::FromRawFd>::from_raw_fd(
                                        fd,
                                    ),
                                )
                            };
                            f.metadata()
                        }
                        None => Err(std::io::Error::from_raw_os_error(libc::EBADF)),
                    }
                } else if f == Func::Lstat {
                    std::fs::symlink_metadata(os(&p))
                } else {
                    std::fs::metadata(os(&p))
                };
                self.last_stat = Some((
                    p.clone(),
                    m.as_ref()
                        .map(|m| m.clone())
                        .map_err(|e| e.raw_os_error().unwrap_or(0)),
                ));
                match m {
                    Ok(m) => {
                        use std::os::unix::fs::MetadataExt;
                        let vals = vec![
                            Value::Int(m.dev() as i64),
                            Value::Int(m.ino() as i64),
                            Value::Int(m.mode() as i64),
                            Value::Int(m.nlink() as i64),
                            Value::Int(m.uid() as i64),
                            Value::Int(m.gid() as i64),
                            Value::Int(m.rdev() as i64),
                            Value::Int(m.size() as i64),
                            Value::Int(m.atime()),
                            Value::Int(m.mtime()),
                            Value::Int(m.ctime()),
                            Value::Int(m.blksize() as i64),
                            Value::Int(m.blocks() as i64),
                        ];
                        if want == Want::List {
                            out.extend(vals);
                            Value::Undef
                        } else {
                            bool_val(true)
                        }
                    }
                    Err(e) => {
                        self.set_errno_from(&e);
                        if want == Want::List {
                            Value::Undef
                        } else {
                            bool_val(false)
                        }
                    }
                }
            }
            Func::Symlink | Func::Link => {
                let a = self.arg_str(args, 0)?;
                let b = self.arg_str(args, 1)?;
                let r = if f == Func::Symlink {
                    std::os::unix::fs::symlink(os(&a.bytes), os(&b.bytes))
                } else {
                    std::fs::hard_link(os(&a.bytes), os(&b.bytes))
                };
                bool_val(r.is_ok())
            }
            Func::Readlink => {
                let a = self.arg_str(args, 0)?;
                match std::fs::read_link(os(&a.bytes)) {
                    Ok(p) => {
                        use std::os::unix::ffi::OsStrExt;
                        Value::str_from(p.as_os_str().as_bytes().to_vec(), false)
                    }
                    Err(e) => {
                        self.set_errno_from(&e);
                        Value::Undef
                    }
                }
            }
            Func::Glob => {
                let mut v = Vec::new();
                self.glob_list(&args[0], &mut v)?;
                self.ret_list(v, want, out)
            }
            Func::Time => Value::Int(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs() as i64)
                    .unwrap_or(0),
            ),
            Func::Times => {
                let mut t: libc::tms = unsafe { std::mem::zeroed() };
                unsafe { libc::times(&mut t) };
                let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
                let v = vec![
                    Value::Num(t.tms_utime as f64 / hz),
                    Value::Num(t.tms_stime as f64 / hz),
                    Value::Num(t.tms_cutime as f64 / hz),
                    Value::Num(t.tms_cstime as f64 / hz),
                ];
                self.ret_list(v, want, out)
            }
            Func::Localtime | Func::Gmtime => {
                let t = match args.first() {
                    Some(e) => to_i64(&self.sv(e)?),
                    None => std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.as_secs() as i64)
                        .unwrap_or(0),
                };
                let tt = t as libc::time_t;
                let mut tm: libc::tm = unsafe { std::mem::zeroed() };
                unsafe {
                    if f == Func::Localtime {
                        libc::localtime_r(&tt, &mut tm);
                    } else {
                        libc::gmtime_r(&tt, &mut tm);
                    }
                }
                if want == Want::List {
                    out.extend(
                        [
                            tm.tm_sec,
                            tm.tm_min,
                            tm.tm_hour,
                            tm.tm_mday,
                            tm.tm_mon,
                            tm.tm_year,
                            tm.tm_wday,
                            tm.tm_yday,
                            tm.tm_isdst,
                        ]
                        .iter()
                        .map(|&x| Value::Int(x as i64)),
                    );
                    Value::Undef
                } else {
                    const D: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
                    const M: [&str; 12] = [
                        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                        "Nov", "Dec",
                    ];
                    Value::string(format!(
                        "{} {} {:2} {:02}:{:02}:{:02} {}",
                        D[tm.tm_wday as usize % 7],
                        M[tm.tm_mon as usize % 12],
                        tm.tm_mday,
                        tm.tm_hour,
                        tm.tm_min,
                        tm.tm_sec,
                        tm.tm_year as i64 + 1900
                    ))
                }
            }
            Func::Sleep => {
                let n = match args.first() {
                    Some(e) => to_f64(&self.sv(e)?),
                    None => 1e9,
                };
                self.flush_all();
                crate::signals::sync(self);
                // In slices, so that a caught signal ends the sleep.
                let start = std::time::Instant::now();
                let total = std::time::Duration::from_secs_f64(n.max(0.0));
                while !crate::signals::attention() {
                    let left = total.saturating_sub(start.elapsed());
                    if left.is_zero() {
                        break;
                    }
                    std::thread::sleep(left.min(std::time::Duration::from_millis(10)));
                }
                let slept = start.elapsed().as_secs_f64().round();
                crate::signals::dispatch(self)?;
                Value::Int(slept as i64)
            }
            Func::System | Func::Exec => return self.system(f, args),
            Func::Readpipe => {
                let cmd = self.arg_str(args, 0)?;
                self.flush_all();
                let mut c = std::process::Command::new("/bin/sh");
                c.arg("-c").arg(os(&cmd.bytes));
                self.child_env(&mut c);
                let o = c.stderr(std::process::Stdio::inherit()).output();
                match o {
                    Ok(o) => {
                        use std::os::unix::process::ExitStatusExt;
                        self.child_status = o.status.into_raw() as i64;
                        if want == Want::List {
                            for line in o.stdout.split_inclusive(|&b| b == b'\n') {
                                out.push(Value::str_from(line.to_vec(), false));
                            }
                            Value::Undef
                        } else {
                            Value::str_from(o.stdout, false)
                        }
                    }
                    Err(e) => {
                        self.set_errno_from(&e);
                        self.child_status = -1;
                        Value::Undef
                    }
                }
            }
            Func::Fork => {
                self.flush_all();
                let pid = unsafe { libc::fork() };
                if pid < 0 {
                    Value::Undef
                } else {
                    Value::Int(pid as i64)
                }
            }
            Func::Wait => {
                let mut st = 0;
                let pid = unsafe { libc::wait(&mut st) };
                self.child_status = st as i64;
                Value::Int(pid as i64)
            }
            Func::Waitpid => {
                let pid = to_i64(&self.arg_sv(args, 0)?) as i32;
                let flags = to_i64(&self.arg_sv(args, 1)?) as i32;
                let mut st = 0;
                let r = unsafe { libc::waitpid(pid, &mut st, flags) };
                if r > 0 {
                    self.child_status = st as i64;
                }
                Value::Int(r as i64)
            }
            Func::Kill => {
                let vals = self.all_args(args)?;
                let Some((sig, pids)) = vals.split_first() else {
                    return Ok(Value::Int(0));
                };
                let signo = signal_number(sig);
                crate::signals::sync(self);
                let mut n = 0;
                for p in pids {
                    if unsafe { libc::kill(to_i64(p) as i32, signo) } == 0 {
                        n += 1;
                    }
                }
                if signo != 0 {
                    // A signal sent to this process arrives on another thread
                    // possibly: give it a moment.
                    for _ in 0..100 {
                        if crate::signals::pending() {
                            break;
                        }
                        if !pids.iter().any(|p| to_i64(p) == std::process::id() as i64) {
                            break;
                        }
                        std::thread::sleep(std::time::Duration::from_micros(100));
                    }
                    crate::signals::dispatch(self)?;
                }
                Value::Int(n)
            }
            Func::Getppid => Value::Int(unsafe { libc::getppid() } as i64),
            Func::Caller => return self.caller(args, want, out),
            Func::Require => return self.require(args),
            Func::DoFile => return self.do_file(args, want, out),
            Func::Umask => Value::Int(0o022),
            Func::Prototype => {
                let v = self.arg_sv(args, 0)?;
                let cv =
                    match &v {
                        Value::CodeRef(c) => Some(c.clone()),
                        _ => {
                            let n = String::from_utf8_lossy(&to_bytes(&v)).into_owned();
                            let n = n.strip_prefix('&').unwrap_or(&n).to_string();
                            if let Some(op) = n.strip_prefix("CORE::") {
                                return match core_prototype(op) {
                                    Some(Some(p)) => Ok(Value::from_str(p)),
                                    Some(None) => Ok(Value::Undef),
                                    None => Err(self
                                        .die_msg(format!("Can't find an opnumber for \"{op}\""))),
                                };
                            }
                            let full = self.qualify(&n);
                            self.glob_opt(&full).and_then(|g| g.code())
                        }
                    };
                match cv.as_deref().map(|c| &c.kind) {
                    Some(CodeKind::Perl { body, .. }) => match &body.prototype {
                        Some(p) => Value::from_str(p),
                        None => Value::Undef,
                    },
                    Some(CodeKind::Const(_)) => Value::bytes(b""),
                    _ => Value::Undef,
                }
            }
            Func::Reset => {
                self.all_args(args)?;
                self.once_matched.clear();
                Value::Int(1)
            }
            Func::Alarm => {
                let n = match args.first() {
                    Some(e) => to_f64(&self.sv(e)?),
                    None => to_f64(&self.gv(wk::UNDERSCORE).sv().get()),
                };
                crate::signals::sync(self);
                let prev = unsafe { libc::alarm(n.max(0.0) as u32) };
                Value::Int(prev as i64)
            }
            Func::Lock | Func::Study | Func::Dump => Value::Undef,
            Func::Pipe => return self.pipe(args),
            Func::Truncate | Func::Flock => return self.fd_or_path_op(f, args),
            Func::Utime | Func::Chown => return self.file_list_op(f, args),
            Func::Crypt => return Err(self.die_msg("crypt() is not supported by psh yet")),
            Func::Getpwnam | Func::Getpwuid | Func::Getgrgid | Func::Getgrnam => {
                let key = self.arg_sv(args, 0)?;
                let rec = user_db(f, &key);
                let Some(rec) = rec else {
                    return Ok(Value::Undef);
                };
                // In scalar context the by-name lookups give the id and
                // the by-id lookups the name.
                let scalar = match f {
                    Func::Getpwnam => rec[2].clone(),
                    Func::Getgrnam => rec[2].clone(),
                    _ => rec[0].clone(),
                };
                if want == Want::List {
                    out.extend(rec);
                    return Ok(Value::Undef);
                }
                scalar
            }
            Func::Getlogin => {
                let p = unsafe { libc::getlogin() };
                if p.is_null() {
                    Value::Undef
                } else {
                    let s = unsafe { std::ffi::CStr::from_ptr(p) };
                    Value::bytes(s.to_bytes())
                }
            }
            Func::Pack => {
                let vals = self.all_args(args)?;
                let Some((t, rest)) = vals.split_first() else {
                    return Err(self.die_msg("Not enough arguments for pack"));
                };
                let t = to_bytes(t).into_owned();
                match crate::pack::pack(&t, rest) {
                    Ok(s) => Value::Str(Rc::new(s)),
                    Err(m) => return Err(self.die_msg(m)),
                }
            }
            Func::Unpack => {
                let t = self.arg_str(args, 0)?;
                let data = match args.get(1) {
                    Some(e) => self.sv(e)?,
                    None => self.gv(wk::UNDERSCORE).sv().get(),
                };
                let data = convert::to_pstr(&data).into_owned();
                let vals = match crate::pack::unpack(&t.bytes, &data) {
                    Ok(v) => v,
                    Err(m) => return Err(self.die_msg(m)),
                };
                if want == Want::List {
                    out.extend(vals);
                    Value::Undef
                } else {
                    vals.into_iter().next().unwrap_or_default()
                }
            }
            Func::Vec => {
                let s = self.arg_str(args, 0)?;
                let off = to_i64(&self.arg_sv(args, 1)?);
                let bits = to_i64(&self.arg_sv(args, 2)?);
                if !crate::pack::vec_bits_ok(bits) {
                    return Err(self.die_msg("Illegal number of bits in vec"));
                }
                if off < 0 {
                    return Err(self.die_msg("Negative offset to vec in lvalue context"));
                }
                let v = crate::pack::vec_get(&s.bytes, off as u64, bits as u32);
                convert::num_to_value(Num::UInt(v))
            }
            Func::SystemProg | Func::ExecProg => {
                return self.system(
                    if f == Func::SystemProg {
                        Func::System
                    } else {
                        Func::Exec
                    },
                    args,
                )
            }
            Func::Sysopen => return self.sysopen(args),
            Func::Tie => return self.tie_builtin(args),
            Func::Formline => return self.formline_builtin(args),
            Func::Write => return self.write_builtin(args),
            Func::Tied => return self.tied_builtin(args),
            Func::Untie => return self.untie_builtin(args),
            // Not implemented yet: a clear error rather than a wrong result.
            _ => {
                let name = format!("{f:?}").to_lowercase();
                return Err(self.die_msg(format!("{name}() is not supported by psh yet")));
            }
        })
    }

    /// Each scalar container named by a chop/chomp argument (arrays and
    /// hashes give all their elements/values).
    fn lv_targets(&mut self, e: &Expr) -> R<Vec<Sv>> {
        Ok(match e {
            Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::ArrayDeref(_) => {
                let av = self.array_of(e, true)?;
                av.with(|a| a.iter_mut().map(Elem::container).collect())
            }
            Expr::MyHash(_) | Expr::GlobalHash(_) | Expr::HashDeref(_) => {
                let hv = self.hash_of(e, true)?;
                hv.with(|m| m.values_mut().map(Elem::container).collect())
            }
            Expr::List(items) => {
                let mut v = Vec::new();
                for i in items {
                    v.extend(self.lv_targets(i)?);
                }
                v
            }
            Expr::ListAssign { lhs, .. } => {
                self.sv(e)?;
                match &**lhs {
                    // Declared by the assignment: its variables as they now
                    // are (declaring them again would empty them).
                    Expr::MyDecl { vars, .. } => {
                        let mut v = Vec::new();
                        for (_, s) in vars {
                            match &self.pad[*s as usize] {
                                PadSlot::Scalar(sv) => v.push(sv.clone()),
                                PadSlot::Array(av) => {
                                    v.extend(av.with(|a| {
                                        a.iter_mut().map(Elem::container).collect::<Vec<_>>()
                                    }));
                                }
                                PadSlot::Hash(hv) => {
                                    v.extend(hv.with(|m| {
                                        m.values_mut().map(Elem::container).collect::<Vec<_>>()
                                    }));
                                }
                                _ => {}
                            }
                        }
                        v
                    }
                    lhs => self.lv_targets(lhs)?,
                }
            }
            Expr::MyDecl { .. } => {
                let mut v = Vec::new();
                self.lv_sv(e).map(|s| v.push(s))?;
                v
            }
            _ => vec![self.lv_sv(e)?],
        })
    }

    fn keys_values(&mut self, f: Func, e: &Expr, want: Want, out: &mut Vec<Value>) -> R<Value> {
        let is_array = matches!(
            e,
            Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::ArrayDeref(_) | Expr::Args
        );
        if is_array {
            let av = self.array_of(e, true)?;
            let n = av.len();
            if f == Func::Each {
                let i = av.each_pos();
                if i >= n {
                    av.set_each_pos(0);
                    return Ok(Value::Undef);
                }
                av.set_each_pos(i + 1);
                if want == Want::List {
                    out.push(Value::Int(i as i64));
                    out.push(av.get(i as i64));
                }
                return Ok(Value::Int(i as i64));
            }
            av.set_each_pos(0);
            if want != Want::List {
                return Ok(Value::Int(n as i64));
            }
            match f {
                Func::Keys => out.extend((0..n).map(|i| Value::Int(i as i64))),
                Func::Values => out.extend(av.values()),
                _ => {}
            }
            return Ok(Value::Undef);
        }
        let hv = self.hash_of(e, true)?;
        if let Some(obj) = hv.tied() {
            return self.tied_keys_values(f, &hv, &obj, want, out);
        }
        match f {
            Func::Each => {
                let i = hv.iter.get();
                let kv = hv.with(|m| {
                    m.get_index(i)
                        .map(|(k, v)| (Value::Str(k.0.clone()), v.get()))
                });
                match kv {
                    Some((k, v)) => {
                        hv.iter.set(i + 1);
                        if want == Want::List {
                            out.push(k);
                            out.push(v);
                            Ok(Value::Undef)
                        } else {
                            Ok(k)
                        }
                    }
                    None => {
                        hv.iter.set(0);
                        Ok(Value::Undef)
                    }
                }
            }
            _ => {
                hv.iter.set(0);
                if want != Want::List {
                    return Ok(Value::Int(hv.len() as i64));
                }
                hv.with(|m| {
                    if f == Func::Keys {
                        out.extend(m.keys().map(|k| Value::Str(k.0.clone())));
                    } else {
                        out.extend(m.values().map(Elem::get));
                    }
                });
                Ok(Value::Undef)
            }
        }
    }

    /// `keys`, `values` and `each` of a tied hash: `FIRSTKEY`/`NEXTKEY`,
    /// and `FETCH` for the values.
    fn tied_keys_values(
        &mut self,
        f: Func,
        hv: &Hv,
        obj: &Value,
        want: Want,
        out: &mut Vec<Value>,
    ) -> R<Value> {
        let next = |me: &mut Interp, last: Option<Value>| -> R<Value> {
            let r = match last {
                None => me.tie_method(obj, "FIRSTKEY", vec![], Want::Scalar)?,
                Some(k) => me.tie_method(obj, "NEXTKEY", vec![k], Want::Scalar)?,
            };
            Ok(r.into_iter().last().unwrap_or_default())
        };
        if f == Func::Each {
            let k = next(self, hv.take_each_key())?;
            if k.is_undef() {
                return Ok(Value::Undef);
            }
            hv.set_each_key(Some(k.clone()));
            if want == Want::List {
                let v = self.tie_method(obj, "FETCH", vec![k.clone()], Want::Scalar)?;
                out.push(k);
                out.push(v.into_iter().last().unwrap_or_default());
                return Ok(Value::Undef);
            }
            return Ok(k);
        }
        hv.set_each_key(None);
        let mut keys = Vec::new();
        let mut k = next(self, None)?;
        while !k.is_undef() {
            keys.push(k.clone());
            k = next(self, Some(k))?;
        }
        if want != Want::List {
            return Ok(Value::Int(keys.len() as i64));
        }
        for k in keys {
            if f == Func::Keys {
                out.push(k);
            } else {
                let v = self.tie_method(obj, "FETCH", vec![k], Want::Scalar)?;
                out.push(v.into_iter().last().unwrap_or_default());
            }
        }
        Ok(Value::Undef)
    }

    fn delete(&mut self, e: &Expr, want: Want, out: &mut Vec<Value>) -> R<Value> {
        match e {
            Expr::Elem { hash, key } => {
                let hv = self.hash_place(hash, true)?;
                let k = self.sv(key)?;
                let v = hv.delete(&key_of(&k).0.bytes).unwrap_or_default();
                if want == Want::List {
                    out.push(v.clone());
                }
                Ok(v)
            }
            Expr::HashSlice { hash, keys } => {
                let hv = self.hash_place(hash, true)?;
                let mut ks = Vec::new();
                self.list(keys, &mut ks)?;
                let vals: Vec<Value> = ks
                    .iter()
                    .map(|k| hv.delete(&key_of(k).0.bytes).unwrap_or_default())
                    .collect();
                Ok(self.ret_list(vals, want, out))
            }
            Expr::KvHashSlice { hash, keys } => {
                let hv = self.hash_place(hash, true)?;
                let mut ks = Vec::new();
                self.list(keys, &mut ks)?;
                let mut vals = Vec::with_capacity(ks.len() * 2);
                for k in ks {
                    let v = hv.delete(&key_of(&k).0.bytes).unwrap_or_default();
                    vals.push(k);
                    vals.push(v);
                }
                Ok(self.ret_list(vals, want, out))
            }
            Expr::Slice { array, indices } | Expr::KvSlice { array, indices } => {
                let kv = matches!(e, Expr::KvSlice { .. });
                let mut idx = Vec::new();
                self.list(indices, &mut idx)?;
                let av = self.array_place(array, true)?;
                let mut vals = Vec::new();
                for i in idx {
                    let v = delete_array_elem(&av, crate::convert::to_i64(&i));
                    if kv {
                        vals.push(i);
                    }
                    vals.push(v);
                }
                Ok(self.ret_list(vals, want, out))
            }
            Expr::Index { array, index } => {
                let av = self.array_place(array, true)?;
                let i = self.index_value(index)?;
                let v = delete_array_elem(&av, i);
                if want == Want::List {
                    out.push(v.clone());
                }
                Ok(v)
            }
            Expr::Local(inner) => {
                self.localize(inner)?;
                self.delete(inner, want, out)
            }
            _ => Err(self.die_msg("delete argument is not a HASH or ARRAY element or slice")),
        }
    }

    /// Put a new handle where an `open`/`opendir` first argument says.
    pub fn bind_handle(&mut self, target: &Expr, h: Rc<Handle>) -> R<()> {
        let g = match target {
            Expr::Handle(id) | Expr::Glob(id) => self.gv(*id).clone(),
            _ => {
                let sv = self.lv_sv(target)?;
                let cur = sv.get();
                match &cur {
                    Value::Glob(g) | Value::GlobRef(g) => g.clone(),
                    Value::Str(_) => self.glob_of_value(&cur)?,
                    _ => {
                        // A fresh anonymous glob, as perl's autovivified
                        // handles, named for the variable (`$fh`, `$h{...}`).
                        let var = match target {
                            Expr::Elem {
                                hash: crate::ast::HashPlace::Deref(_),
                                ..
                            }
                            | Expr::Index {
                                array: crate::ast::ArrayPlace::Deref(_),
                                ..
                            } => None,
                            Expr::Elem { .. } => Some("$h{...}".to_string()),
                            Expr::Index { .. } => Some("$a[...]".to_string()),
                            Expr::MyDecl { vars, .. } if vars.len() == 1 => {
                                self.var_name(&Expr::My(vars[0].1))
                            }
                            Expr::Global(id) => {
                                let n = &self.unit.program.globals[*id as usize];
                                Some(format!("${}", n.rsplit("::").next().unwrap_or(n)))
                            }
                            _ => self.var_name(target),
                        };
                        let name = format!(
                            "{}::{}",
                            self.package,
                            var.as_deref().unwrap_or("__ANONIO__")
                        );
                        let g = Glob::new(Rc::from(name.as_str()));
                        sv.set(Value::GlobRef(g.clone()));
                        g
                    }
                }
            }
        };
        match g.io() {
            // Opening an open handle closes it and reuses the handle, as
            // perl reuses the IO object: an alias of the glob (`*OUT =
            // *STDOUT`) or a copy of `*FH{IO}` sees the new file.
            Some(old) if !Rc::ptr_eq(&old, &h) => {
                old.io.borrow_mut().close();
                std::mem::swap(&mut *old.io.borrow_mut(), &mut *h.io.borrow_mut());
                old.name.swap(&h.name);
            }
            _ => {
                g.set_io(Some(h));
            }
        }
        Ok(())
    }

    fn open(&mut self, args: &[Expr]) -> R<Value> {
        let Some(target) = args.first() else {
            return Ok(Value::Undef);
        };
        let (mode, spec): (String, Value) = if args.len() >= 3 {
            let m = self.sv(&args[1])?;
            let spec = self.sv(&args[2])?;
            (
                String::from_utf8_lossy(&to_bytes(&m)).trim().to_string(),
                spec,
            )
        } else if args.len() == 2 {
            let s = self.sv(&args[1])?;
            let s = String::from_utf8_lossy(&to_bytes(&s)).trim().to_string();
            parse_two_arg(&s)
        } else {
            return Ok(Value::Undef);
        };
        let (base, layers) = match mode.find(':') {
            Some(i) => (mode[..i].trim().to_string(), mode[i..].to_string()),
            None => (mode.clone(), String::new()),
        };
        let name_for = |_: &Value| "FH";
        let h = match base.as_str() {
            "<" | ">" | ">>" | "+<" | "+>" | "+>>" => {
                if let Value::ScalarRef(sv) = &spec {
                    let (r, w) = (base.contains('<') || base.contains('+'), base != "<");
                    if base == ">" || base == "+>" {
                        sv.set(Value::bytes(b""));
                    }
                    if sv.get().is_undef() {
                        sv.set(Value::bytes(b""));
                    }
                    let h = Handle::new(Backend::Mem(sv.clone()), r, w, name_for(&spec));
                    // What perl's in-memory layer leaves in `$!`.
                    self.errno = libc::ENOENT;
                    if base.starts_with(">>") {
                        h.io.borrow_mut().set_mem_append();
                    }
                    h
                } else if spec.is_undef() && args.len() >= 3 && base.starts_with('+') {
                    // `open my $fh, '+>', undef`: an anonymous temporary file.
                    static SEQ: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
                    let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let p =
                        std::env::temp_dir().join(format!("psh-anon-{}-{n}", std::process::id()));
                    match std::fs::OpenOptions::new()
                        .read(true)
                        .write(true)
                        .create_new(true)
                        .open(&p)
                    {
                        Ok(file) => {
                            let _ = std::fs::remove_file(&p);
                            Handle::new(Backend::File(file), true, true, "FH")
                        }
                        Err(e) => {
                            self.set_errno_from(&e);
                            return Ok(Value::Undef);
                        }
                    }
                } else {
                    let path = to_bytes(&spec).into_owned();
                    if path == b"-" && (base == "<" || base == ">") {
                        let g = if base == "<" { wk::STDIN } else { wk::STDOUT };
                        match self.gv(g).io() {
                            Some(h) => h,
                            None => return Ok(bool_val(false)),
                        }
                    } else {
                        let mut oo = std::fs::OpenOptions::new();
                        match base.as_str() {
                            "<" => oo.read(true),
                            ">" => oo.write(true).create(true).truncate(true),
                            ">>" => oo.append(true).create(true),
                            "+<" => oo.read(true).write(true),
                            "+>" => oo.read(true).write(true).create(true).truncate(true),
                            _ => oo.read(true).append(true).create(true),
                        };
                        match oo.open(os(&path)) {
                            Ok(file) => {
                                // perl's open asks whether the new handle is
                                // a terminal, leaving ENOTTY in `$!` (which
                                // a later `die` exits with).
                                use std::os::unix::io::AsRawFd;
                                if unsafe { libc::isatty(file.as_raw_fd()) } == 0 {
                                    self.errno = libc::ENOTTY;
                                }
                                Handle::new(
                                    Backend::File(file),
                                    base.contains('<') || base.contains('+'),
                                    base != "<",
                                    "FH",
                                )
                            }
                            Err(e) => {
                                self.set_errno_from(&e);
                                return Ok(Value::Undef);
                            }
                        }
                    }
                }
            }
            "-|" | "|-" => {
                let mut words = vec![to_bytes(&spec).into_owned()];
                for a in args.get(3..).unwrap_or(&[]) {
                    let v = self.sv(a)?;
                    words.push(to_bytes(&v).into_owned());
                }
                self.flush_all();
                let mut cmd = if words.len() == 1 {
                    let mut c = std::process::Command::new("/bin/sh");
                    c.arg("-c").arg(os(&words[0]));
                    c
                } else {
                    let mut c = std::process::Command::new(os(&words[0]));
                    c.args(words[1..].iter().map(|w| os(w)));
                    c
                };
                self.child_env(&mut cmd);
                if base == "-|" {
                    cmd.stdout(std::process::Stdio::piped());
                } else {
                    cmd.stdin(std::process::Stdio::piped());
                }
                match cmd.spawn() {
                    Ok(child) => {
                        // perl's open tries to seek the pipe.
                        self.errno = libc::ESPIPE;
                        if base == "-|" {
                            Handle::new(Backend::PipeFrom(child), true, false, "PIPE")
                        } else {
                            Handle::new(Backend::PipeTo(child), false, true, "PIPE")
                        }
                    }
                    Err(e) => {
                        self.set_errno_from(&e);
                        return Ok(Value::Undef);
                    }
                }
            }
            "<&" | ">&" | ">>&" | "<&=" | ">&=" => {
                let src = match &spec {
                    Value::Glob(_) | Value::GlobRef(_) => self.handle_of(&spec),
                    _ => {
                        let s = String::from_utf8_lossy(&to_bytes(&spec)).into_owned();
                        let full = self.qualify(&s);
                        self.glob_opt(&full).and_then(|g| g.io())
                    }
                };
                let fd_num = match &spec {
                    Value::Int(n) => Some(*n as i32),
                    Value::Str(s)
                        if !s.bytes.is_empty() && s.bytes.iter().all(u8::is_ascii_digit) =>
                    {
                        std::str::from_utf8(&s.bytes)
                            .ok()
                            .and_then(|t| t.parse().ok())
                    }
                    _ => None,
                };
                let src_fd = match (&src, fd_num) {
                    (Some(h), _) => {
                        h.io.borrow_mut().flush();
                        h.io.borrow().fileno()
                    }
                    (None, n) => n,
                };
                if base.ends_with('=') {
                    // fdopen: the same handle under another name.
                    match src {
                        Some(h) => h,
                        None => return Ok(bool_val(false)),
                    }
                } else {
                    // A real dup(2): closing the copy leaves the original open.
                    let newfd = match src_fd {
                        Some(fd) => unsafe { libc::dup(fd) },
                        None => -1,
                    };
                    if newfd < 0 {
                        match src {
                            Some(h) => h,
                            None => {
                                self.errno = libc::EBADF;
                                return Ok(Value::Undef);
                            }
                        }
                    } else {
                        use std::os::unix::io::FromRawFd;
                        if unsafe { libc::isatty(newfd) } == 0 {
                            self.errno = libc::ENOTTY;
                        }
                        let file = unsafe { std::fs::File::from_raw_fd(newfd) };
                        Handle::new(Backend::File(file), base == "<&", base != "<&", "FH")
                    }
                }
            }
            _ => return Err(self.die_msg(format!("Unknown open() mode '{mode}'"))),
        };
        if !layers.is_empty() {
            h.io.borrow_mut().apply_layers(layers.as_bytes());
        }
        self.bind_handle(target, h)?;
        Ok(bool_val(true))
    }

    /// `sysopen FH, PATH, FLAGS[, PERMS]`: open(2) with the flags given.
    fn sysopen(&mut self, args: &[Expr]) -> R<Value> {
        if args.len() < 3 {
            return Ok(Value::Undef);
        }
        let path = self.sv(&args[1])?;
        let flags = to_i64(&self.sv(&args[2])?) as i32;
        let perms = match args.get(3) {
            Some(e) => to_i64(&self.sv(e)?) as libc::c_uint,
            None => 0o666,
        };
        let p = to_bytes(&path).into_owned();
        let Ok(cp) = std::ffi::CString::new(p) else {
            self.errno = libc::ENOENT;
            return Ok(Value::Undef);
        };
        let fd = unsafe { libc::open(cp.as_ptr(), flags | libc::O_CLOEXEC, perms) };
        if fd < 0 {
            self.errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            return Ok(Value::Undef);
        }
        use std::os::unix::io::FromRawFd;
        let file = unsafe { std::fs::File::from_raw_fd(fd) };
        let acc = flags & libc::O_ACCMODE;
        let h = Handle::new(
            Backend::File(file),
            acc == libc::O_RDONLY || acc == libc::O_RDWR,
            acc == libc::O_WRONLY || acc == libc::O_RDWR,
            "FH",
        );
        if flags & libc::O_APPEND != 0 {
            h.io.borrow_mut().append = true;
        }
        self.bind_handle(&args[0], h)?;
        Ok(bool_val(true))
    }

    /// `truncate FH_OR_NAME, LENGTH` and `flock FH, OPERATION`.
    fn fd_or_path_op(&mut self, f: Func, args: &[Expr]) -> R<Value> {
        let (Some(target), Some(n)) = (args.first(), args.get(1)) else {
            return Err(self.die_msg("Not enough arguments"));
        };
        let target = match target {
            Expr::Handle(id) => Value::Glob(self.gv(*id).clone()),
            e => self.sv(e)?,
        };
        let n = to_i64(&self.sv(n)?);
        let is_handle =
            f == Func::Flock || !matches!(target, Value::Str(_) | Value::Int(_) | Value::Num(_));
        let rc = if is_handle {
            let h = self.handle_of(&target);
            let Some(fd) = h.and_then(|h| {
                let mut io = h.io.borrow_mut();
                io.flush();
                io.fileno()
            }) else {
                self.errno = libc::EBADF;
                return Ok(Value::Undef);
            };
            match f {
                Func::Truncate => unsafe { libc::ftruncate(fd, n as libc::off_t) },
                _ => unsafe { libc::flock(fd, n as i32) },
            }
        } else {
            let path = to_bytes(&target).into_owned();
            let Ok(cp) = std::ffi::CString::new(path) else {
                self.errno = libc::ENOENT;
                return Ok(Value::Undef);
            };
            unsafe { libc::truncate(cp.as_ptr(), n as libc::off_t) }
        };
        if rc != 0 {
            self.errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            return Ok(Value::Undef);
        }
        Ok(bool_val(true))
    }

    /// `utime ATIME, MTIME, FILES` and `chown UID, GID, FILES`: how many
    /// files were changed.
    fn file_list_op(&mut self, f: Func, args: &[Expr]) -> R<Value> {
        let vals = self.all_args(args)?;
        if vals.len() < 2 {
            return Ok(Value::Int(0));
        }
        let (a, b) = (&vals[0], &vals[1]);
        let mut done = 0;
        for file in &vals[2..] {
            let Ok(cp) = std::ffi::CString::new(to_bytes(file).into_owned()) else {
                continue;
            };
            let rc = match f {
                Func::Chown => unsafe {
                    libc::chown(
                        cp.as_ptr(),
                        to_i64(a) as libc::uid_t,
                        to_i64(b) as libc::gid_t,
                    )
                },
                _ => {
                    // undef for both times means now.
                    let tv = |v: &Value| {
                        let t = convert::to_f64(v);
                        libc::timeval {
                            tv_sec: t.trunc() as libc::time_t,
                            tv_usec: ((t.fract()) * 1e6) as libc::suseconds_t,
                        }
                    };
                    if a.is_undef() && b.is_undef() {
                        unsafe { libc::utimes(cp.as_ptr(), std::ptr::null()) }
                    } else {
                        let times = [tv(a), tv(b)];
                        unsafe { libc::utimes(cp.as_ptr(), times.as_ptr()) }
                    }
                }
            };
            if rc == 0 {
                done += 1;
            } else {
                self.errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            }
        }
        Ok(Value::Int(done))
    }

    /// `pipe READHANDLE, WRITEHANDLE`.
    fn pipe(&mut self, args: &[Expr]) -> R<Value> {
        let [r, w] = args else {
            return Err(self.die_msg("Not enough arguments for pipe"));
        };
        let mut fds = [0; 2];
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
            self.errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            return Ok(Value::Undef);
        }
        use std::os::unix::io::FromRawFd;
        let rf = unsafe { std::fs::File::from_raw_fd(fds[0]) };
        let wf = unsafe { std::fs::File::from_raw_fd(fds[1]) };
        self.bind_handle(r, Handle::new(Backend::File(rf), true, false, "FH"))?;
        self.bind_handle(w, Handle::new(Backend::File(wf), false, true, "FH"))?;
        Ok(bool_val(true))
    }

    /// Children get `%ENV` as their environment (perl's `%ENV` is the
    /// process environment), and the default dispositions of the signals an
    /// interactive shell ignores or catches (ignored ones would survive
    /// `exec`).
    pub fn child_env(&mut self, c: &mut std::process::Command) {
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::process::CommandExt;
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            c.pre_exec(|| {
                crate::signals::default_dispositions();
                Ok(())
            });
        }
        let env = self.gv(wk::ENV).hv();
        c.env_clear();
        env.with(|m| {
            for (k, v) in m.iter() {
                let v = v.get();
                c.env(
                    std::ffi::OsStr::from_bytes(&k.0.bytes),
                    std::ffi::OsStr::from_bytes(&to_bytes(&v)),
                );
            }
        });
    }

    /// `prog(ARGS)` in the shell, where no sub `prog` exists but a program
    /// does: run it with the arguments as its words and return its output
    /// (list context: chomped lines; scalar: the whole text); the status
    /// goes to `$?`. `None` when no such program is on `PATH`.
    /// Program `name` on the `PATH` in `%ENV`.
    pub fn find_program(&self, name: &str) -> Option<std::path::PathBuf> {
        let path = to_bytes(&self.gv(wk::ENV).hv().get(b"PATH")).into_owned();
        crate::process::find_in_path(&path, name)
    }

    /// How `name(ARGS)` runs the program found at `found`: argv[0] `name`,
    /// stdin and stderr inherited, the environment from `%ENV`, Perl's
    /// buffered output flushed first (stdout is left to the caller).
    pub fn program_command(
        &mut self,
        found: &std::path::Path,
        name: &str,
        args: &[Vec<u8>],
    ) -> std::process::Command {
        self.flush_all();
        let mut c = std::process::Command::new(found);
        std::os::unix::process::CommandExt::arg0(&mut c, name);
        c.args(args.iter().map(|a| os(a)));
        c.stdin(std::process::Stdio::inherit());
        c.stderr(std::process::Stdio::inherit());
        self.child_env(&mut c);
        c
    }

    pub(crate) fn call_program(
        &mut self,
        name: &str,
        args: Option<&[Expr]>,
        want: Want,
        out: &mut Vec<Value>,
    ) -> Option<R<Value>> {
        let prog = name.strip_prefix("main::").unwrap_or(name);
        if prog.contains("::") || prog.contains('\'') {
            return None;
        }
        let found = self.find_program(prog)?;
        Some((|| {
            let vals = match args {
                Some(a) => self.all_args(a)?,
                None => Vec::new(),
            };
            let words: Vec<Vec<u8>> = vals.iter().map(|v| to_bytes(v).into_owned()).collect();
            let mut c = self.program_command(&found, prog, &words);
            let output = match c.output() {
                Ok(o) => o,
                Err(e) => {
                    self.set_errno_from(&e);
                    self.child_status = -1;
                    return Ok(Value::Undef);
                }
            };
            use std::os::unix::process::ExitStatusExt;
            self.child_status = output.status.into_raw() as i64;
            let text = output.stdout;
            if want == Want::List {
                let mut lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
                if text.ends_with(b"\n") {
                    lines.pop();
                }
                out.extend(lines.into_iter().map(Value::bytes));
                Ok(Value::Undef)
            } else {
                Ok(Value::bytes(&text))
            }
        })())
    }

    fn system(&mut self, f: Func, args: &[Expr]) -> R<Value> {
        let vals = self.all_args(args)?;
        if vals.is_empty() {
            return Ok(Value::Int(-1));
        }
        self.flush_all();
        let words: Vec<Vec<u8>> = vals.iter().map(|v| to_bytes(v).into_owned()).collect();
        let mut cmd = if words.len() == 1 {
            let w = &words[0];
            if w.iter().any(|b| b"$&*(){}[]'\";\\|?<>~`\n".contains(b)) {
                let mut c = std::process::Command::new("/bin/sh");
                c.arg("-c").arg(os(w));
                c
            } else {
                let parts: Vec<&[u8]> = w
                    .split(|b| *b == b' ' || *b == b'\t')
                    .filter(|p| !p.is_empty())
                    .collect();
                if parts.is_empty() {
                    return Ok(Value::Int(-1));
                }
                let mut c = std::process::Command::new(os(parts[0]));
                c.args(parts[1..].iter().map(|p| os(p)));
                c
            }
        } else {
            let mut c = std::process::Command::new(os(&words[0]));
            c.args(words[1..].iter().map(|w| os(w)));
            c
        };
        self.child_env(&mut cmd);
        if f == Func::Exec {
            use std::os::unix::process::CommandExt;
            let e = cmd.exec();
            self.set_errno_from(&e);
            return Ok(bool_val(false));
        }
        match cmd.status() {
            Ok(st) => {
                use std::os::unix::process::ExitStatusExt;
                self.child_status = st.into_raw() as i64;
                Ok(Value::Int(self.child_status))
            }
            Err(e) => {
                self.set_errno_from(&e);
                self.child_status = -1;
                Ok(Value::Int(-1))
            }
        }
    }

    fn caller(&mut self, args: &[Expr], want: Want, out: &mut Vec<Value>) -> R<Value> {
        let n = match args.first() {
            Some(e) => Some(to_i64(&self.sv(e)?).max(0) as usize),
            None => None,
        };
        let level = n.unwrap_or(0);
        let len = self.frames.len();
        if level >= len {
            return Ok(Value::Undef);
        }
        let fr = self.frames[len - 1 - level].clone();
        if want != Want::List {
            return Ok(Value::from_str(&fr.package));
        }
        out.push(Value::from_str(&fr.package));
        out.push(Value::from_str(&fr.file));
        out.push(Value::Int(fr.line as i64));
        if n.is_some() {
            out.push(Value::from_str(&fr.sub));
            let eval_str = !fr.is_eval && &*fr.sub == "(eval)";
            out.push(if fr.is_eval || eval_str {
                Value::Int(0)
            } else {
                bool_val(fr.has_args)
            });
            out.push(match fr.want {
                Want::List => Value::Int(1),
                Want::Scalar => Value::bytes(b""),
                Want::Void => Value::Undef,
            });
            // The text of a string eval, and whether it is a `require`.
            if eval_str {
                let newer = self.frames[len - level..]
                    .iter()
                    .filter(|f| !f.is_eval && &*f.sub == "(eval)")
                    .count();
                let n = self.eval_texts.len();
                let text = n
                    .checked_sub(newer + 1)
                    .and_then(|i| self.eval_texts.get(i).cloned())
                    .map(Value::Str)
                    .unwrap_or_default();
                out.push(text);
                out.push(Value::bytes(b""));
            } else {
                out.push(Value::Undef);
                out.push(Value::Undef);
            }
        }
        Ok(Value::Undef)
    }

    /// `require Module` / `require "file.pl"` / `require VERSION`.
    fn require(&mut self, args: &[Expr]) -> R<Value> {
        let v = self.arg_sv(args, 0)?;
        if matches!(v, Value::Int(_) | Value::Num(_))
            || matches!(&v, Value::Str(s) if s.bytes.first() == Some(&5))
        {
            return Ok(Value::Int(1));
        }
        let name = String::from_utf8_lossy(&to_bytes(&v)).into_owned();
        if crate::native::is_builtin_module(&name) {
            if name == "Carp.pm" {
                self.track_args = true;
            }
            let inc = self.gv(wk::INC).hv();
            if inc.exists(name.as_bytes()) {
                return Ok(Value::Int(1));
            }
            let path = format!("(psh)/{name}");
            inc.set(make_key(name.as_bytes(), false), Value::from_str(&path));
            if let Some((pkg, v)) = crate::native::builtin_version(&name) {
                let sv = self.glob(&format!("{pkg}::VERSION")).sv();
                if sv.get().is_undef() {
                    sv.set(Value::from_str(v));
                }
            }
            if name == "Carp.pm" {
                // Carp's settings, as Carp.pm starts them.
                for (var, v) in [
                    ("CarpLevel", 0),
                    ("Verbose", 0),
                    ("MaxEvalLen", 0),
                    ("MaxArgLen", 64),
                    ("MaxArgNums", 8),
                ] {
                    let sv = self.glob(&format!("Carp::{var}")).sv();
                    if sv.get().is_undef() {
                        sv.set(Value::Int(v));
                    }
                }
            }
            // Parts of some built-in modules are written in Perl.
            if let Some(src) = crate::native::builtin_source(&name) {
                let mut out = Vec::new();
                self.run_source(src.as_bytes(), &path, Want::Scalar, &mut out)?;
            }
            return Ok(Value::Int(1));
        }
        let inc = self.gv(wk::INC).hv();
        if inc.exists(name.as_bytes()) {
            if inc.get(name.as_bytes()).is_undef() {
                return Err(self.die_msg(format!(
                    "Attempt to reload {name} aborted.\nCompilation failed in require"
                )));
            }
            return Ok(Value::Int(1));
        }
        let Some(found) = self.find_in_inc(&name)? else {
            self.errno = libc::ENOENT;
            if is_explicit_path(&name) {
                return Err(self.die_msg(format!("Can't locate {name}")));
            }
            let module = name.strip_suffix(".pm").map(|m| m.replace('/', "::"));
            let hint = match &module {
                Some(m) => format!(" (you may need to install the {m} module)"),
                None => String::new(),
            };
            let dirs: Vec<String> = (self.gv(wk::INC).av().values().iter())
                .map(|d| String::from_utf8_lossy(&to_bytes(d)).into_owned())
                .collect();
            return Err(self.die_msg(format!(
                "Can't locate {name} in @INC{hint} (@INC contains: {})",
                dirs.join(" ")
            )));
        };
        let mut out = Vec::new();
        let r = match self.load_found(&name, found, Want::Scalar, &mut out) {
            Ok(r) => r,
            Err(Flow::Die) => {
                // A failed file stays in %INC, undefined: requiring it
                // again is an error.
                inc.set(make_key(name.as_bytes(), false), Value::Undef);
                let err = std::mem::take(&mut self.die_value);
                if err.is_ref() {
                    self.die_value = err;
                    return Err(self.throw());
                }
                let mut s = to_bytes(&err).into_owned();
                s.extend_from_slice(b"Compilation failed in require");
                return Err(self.die_msg(String::from_utf8_lossy(&s)));
            }
            Err(f) => return Err(f),
        };
        if !r.truthy() {
            return Err(self.die_msg(format!("{name} did not return a true value")));
        }
        Ok(Value::Int(1))
    }

    /// Where `require`/`do` find `name`: the name itself when it is an
    /// explicit path and there is such a file, else the first `@INC` hook
    /// that gives its source (hooks are asked about paths too), or the
    /// first `@INC` folder holding it.
    fn find_in_inc(&mut self, name: &str) -> R<Option<Found>> {
        let is_path = is_explicit_path(name);
        if is_path && std::path::Path::new(name).exists() {
            return Ok(Some(Found {
                path: name.to_string(),
                hooked: None,
            }));
        }
        for e in self.gv(wk::INC).av().values() {
            if e.is_ref() {
                if let Some(src) = self.inc_hook(&e, name)? {
                    let addr = e.ref_addr().unwrap_or(0);
                    return Ok(Some(Found {
                        path: format!("/loader/0x{addr:x}/{name}"),
                        hooked: Some((src, e)),
                    }));
                }
            } else if !is_path {
                let path = format!("{}/{name}", String::from_utf8_lossy(&to_bytes(&e)));
                if std::path::Path::new(&path).is_file() {
                    return Ok(Some(Found { path, hooked: None }));
                }
            }
        }
        Ok(None)
    }

    /// Record in `%INC` where `name` was found (the hook, for a file a hook
    /// gave) and run it.
    fn load_found(
        &mut self,
        name: &str,
        found: Found,
        want: Want,
        out: &mut Vec<Value>,
    ) -> R<Value> {
        let entry = match &found.hooked {
            Some((_, hook)) => hook.clone(),
            None => Value::string(found.path.clone()),
        };
        let inc = self.gv(wk::INC).hv();
        inc.set(make_key(name.as_bytes(), false), entry);
        match found.hooked {
            Some((src, _)) => self.run_source(&src, &found.path, want, out),
            None => self.run_file(&found.path, want, out),
        }
    }

    /// Ask an `@INC` hook for `name`: a code ref (called with itself and
    /// the name), an array ref holding one first, or an object with an
    /// `INC` method. It answers with nothing, or with a reference to
    /// source text to start with and/or a filehandle to read the rest
    /// from; `Some(source)` when it gave any.
    fn inc_hook(&mut self, hook: &Value, name: &str) -> R<Option<Vec<u8>>> {
        let cv = match (hook.blessed(), hook) {
            (Some(class), _) => self.find_method(&class, "INC"),
            (None, Value::CodeRef(cv)) => Some(cv.clone()),
            (None, Value::ArrayRef(av)) => match av.get(0) {
                Value::CodeRef(cv) => Some(cv),
                _ => None,
            },
            _ => None,
        };
        let Some(cv) = cv else {
            return Ok(None);
        };
        let args = vec![Elem::V(hook.clone()), Elem::V(Value::from_str(name))];
        let mut res = Vec::new();
        self.call_sub(&cv, args, Want::List, &mut res)?;
        let mut src = Vec::new();
        let mut got = false;
        for (i, r) in res.iter().enumerate() {
            match r {
                Value::ScalarRef(sv) if i == 0 => {
                    src.extend_from_slice(&to_bytes(&sv.get()));
                    got = true;
                }
                Value::Glob(_) | Value::GlobRef(_) => {
                    if let Some(h) = self.handle_of(r) {
                        let rest = h.io.borrow_mut().read_record(&crate::io::Sep::Slurp);
                        src.extend(rest.unwrap_or_default());
                        got = true;
                    }
                }
                _ => {}
            }
        }
        Ok(got.then_some(src))
    }

    pub(crate) fn do_file(&mut self, args: &[Expr], want: Want, out: &mut Vec<Value>) -> R<Value> {
        let v = self.arg_sv(args, 0)?;
        let name = String::from_utf8_lossy(&to_bytes(&v)).into_owned();
        let ran = match self.find_in_inc(&name)? {
            None => {
                self.errno = libc::ENOENT;
                self.gv(wk::EVAL_ERROR).sv().set(Value::bytes(b""));
                if std::path::Path::new(&name).is_file() {
                    self.warn_cat(
                        crate::ast::hints::NO_WARN_OTHER,
                        &format!(
                            "do \"{name}\" failed, '.' is no longer in @INC; \
                             did you mean do \"./{name}\"?"
                        ),
                    );
                }
                return Ok(Value::Undef);
            }
            Some(found) => self.load_found(&name, found, want, out),
        };
        // Like an eval, it leaves `$@` empty unless the file died.
        match ran {
            Ok(v) => {
                self.gv(wk::EVAL_ERROR).sv().set(Value::bytes(b""));
                Ok(v)
            }
            Err(Flow::Die) => {
                let err = std::mem::take(&mut self.die_value);
                self.gv(wk::EVAL_ERROR).sv().set(err);
                Ok(Value::Undef)
            }
            Err(f) => Err(f),
        }
    }

    /// Compile and run a Perl file (for `require` and `do FILE`).
    pub fn run_file(&mut self, path: &str, want: Want, out: &mut Vec<Value>) -> R<Value> {
        let src = match std::fs::read(path) {
            Ok(s) => s,
            Err(e) => {
                self.set_errno_from(&e);
                return Ok(Value::Undef);
            }
        };
        self.run_source(&src, path, want, out)
    }

    /// Compile and run Perl source as a file named `path`.
    pub fn run_source(
        &mut self,
        src: &[u8],
        path: &str,
        want: Want,
        out: &mut Vec<Value>,
    ) -> R<Value> {
        let src = src.to_vec();
        let prog = match crate::parse::parse_required(&src, path) {
            Ok(p) => p,
            Err(e) => {
                let mut m = e.to_string();
                if !m.ends_with('\n') {
                    m.push('\n');
                }
                self.die_msg(format!("{m}Compilation failed in require"));
                return Err(Flow::Die);
            }
        };
        let (unit, main) = self.load(prog);
        self.kept_units.push(unit.clone());
        let prog = unit.program.clone();
        // The file runs in its own main pad, which its named subs capture
        // (so they share its file-level lexicals) and its BEGIN blocks use.
        let saved_pad = std::mem::replace(&mut self.pad, super::new_pad(&prog.main));
        let saved_unit = std::mem::replace(&mut self.unit, unit.clone());
        let saved_file = std::mem::replace(&mut self.file, unit.file.clone());
        let saved_pkg = std::mem::replace(&mut self.package, Rc::from("main"));
        let saved_sub = self.cur_sub.replace(main);
        let saved_want = std::mem::replace(&mut self.want, want);
        let saved_line = self.line;
        let saved_hints = self.hints;
        self.install_subs_from(&unit, &prog.subs);
        self.install_formats(&unit, &prog.formats);
        // END blocks capture the file's lexicals as its named subs do: now,
        // from the file's own pad.
        for e in &prog.end {
            let cv = self.instantiate(e, &unit);
            self.end_blocks.push(cv);
        }
        let start = out.len();
        let r = (|| -> R<Value> {
            let saved_ctx = self.begin_ctx.take();
            for (i, b) in prog.begin.iter().enumerate() {
                let line = prog.begin_lines.get(i).copied().unwrap_or(0);
                self.begin_ctx = Some((Rc::from(&*prog.file), line));
                let r = self.exec_block(b);
                if !self.begin_warnings.is_empty() {
                    self.flush_begin_warnings();
                }
                if let Err(e) = r {
                    self.begin_ctx = saved_ctx;
                    return Err(e);
                }
            }
            self.begin_ctx = saved_ctx;
            self.block_value(&prog.main.body, want, out)
        })();
        let r = match r {
            Err(Flow::Return) => Ok(self.returned(want, out, start)),
            other => other,
        };
        self.pad = saved_pad;
        self.unit = saved_unit;
        self.file = saved_file;
        self.package = saved_pkg;
        self.cur_sub = saved_sub;
        self.want = saved_want;
        self.line = saved_line;
        self.hints = saved_hints;
        r
    }

    // ------------------------------------------------------------ random

    /// perl's `drand48`: the same 48-bit LCG, so `srand(N); rand()` gives
    /// perl's sequence.
    /// Objects whose class overloads `""` format as that string.
    #[cold]
    fn overloaded_args(&mut self, vals: &[Value]) -> R<Vec<Value>> {
        let mut out = Vec::with_capacity(vals.len());
        for v in vals {
            match self.overload_string(v)? {
                Some(s) => out.push(s),
                None => out.push(v.clone()),
            }
        }
        Ok(out)
    }

    /// `defined &$name` with a sub's name (allowed under strict refs).
    #[cold]
    fn symbolic_sub_defined(&mut self, v: &Value) -> bool {
        let name = String::from_utf8_lossy(&to_bytes(v)).into_owned();
        let full = self.qualify(name.strip_prefix('&').unwrap_or(&name));
        self.find_sub(&full).is_some()
    }

    pub fn drand48(&mut self) -> f64 {
        if !self.rand_seeded {
            let seed = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64 ^ std::process::id() as u64)
                .unwrap_or(1);
            self.seed_rand(seed & 0xFFFF_FFFF);
        }
        self.rand_state =
            (self.rand_state.wrapping_mul(0x5DEE_CE66D).wrapping_add(0xB)) & ((1u64 << 48) - 1);
        self.rand_state as f64 / (1u64 << 48) as f64
    }

    pub fn seed_rand(&mut self, seed: u64) {
        self.rand_seeded = true;
        self.rand_state = ((seed & 0xFFFF_FFFF) << 16) | 0x330E;
    }
}

// ---------------------------------------------------------------- helpers

/// Builtins that produce a list in list context (they push into `out`
/// themselves); the rest yield one scalar.
pub fn returns_list(f: Func) -> bool {
    matches!(
        f,
        Func::Reverse
            | Func::Splice
            | Func::Keys
            | Func::Values
            | Func::Each
            | Func::Delete
            | Func::Readline
            | Func::Readdir
            | Func::Stat
            | Func::Lstat
            | Func::Localtime
            | Func::Gmtime
            | Func::Glob
            | Func::Readpipe
            | Func::Caller
            | Func::Times
            | Func::DoFile
            | Func::Unpack
            | Func::Getpwnam
            | Func::Getpwuid
            | Func::Getgrgid
            | Func::Getgrnam
    )
}

/// `delete $a[i]`: the value; the array shrinks when it was the last.
fn delete_array_elem(av: &Av, i: i64) -> Value {
    if let Some(obj) = av.tied() {
        return crate::tie::array_delete(&obj, i);
    }
    match av.resolve(i) {
        Some(j) if j < av.len() => av.with(|a| {
            let v = a[j].get();
            if j + 1 == a.len() {
                a.pop();
            } else {
                a[j] = Elem::V(Value::Undef);
            }
            v
        }),
        _ => Value::Undef,
    }
}

pub fn ref_type(v: &Value) -> Value {
    if let Some(b) = v.blessed() {
        return Value::from_str(&b);
    }
    Value::bytes(match v {
        Value::ScalarRef(sv) => {
            // The stored value: `ref` does not FETCH a tied scalar.
            let v = sv.raw();
            if v.is_ref() {
                b"REF"
            } else if matches!(v, Value::Glob(_)) {
                // A scalar holding a glob is a glob (`\do { local *FH }`).
                b"GLOB"
            } else if sv.is_lvalue() {
                b"LVALUE"
            } else {
                b"SCALAR"
            }
        }
        Value::ArrayRef(_) => b"ARRAY",
        Value::HashRef(_) => b"HASH",
        Value::CodeRef(_) => b"CODE",
        Value::GlobRef(_) => b"GLOB",
        Value::Regex(_) => b"Regexp",
        _ => b"",
    })
}

fn fmt_num(x: f64) -> String {
    let mut b = Vec::new();
    crate::numeric::format_float(x, &mut b);
    String::from_utf8_lossy(&b).into_owned()
}

fn parse_two_arg(s: &str) -> (String, Value) {
    for m in ["<&=", ">&=", ">>&", "<&", ">&"] {
        if let Some(rest) = s.strip_prefix(m) {
            return (m.to_string(), Value::from_str(rest.trim()));
        }
    }
    for m in ["+>>", "+<", "+>", ">>", "<", ">"] {
        if let Some(rest) = s.strip_prefix(m) {
            return (m.to_string(), Value::from_str(rest.trim()));
        }
    }
    if let Some(rest) = s.strip_suffix('|') {
        return ("-|".to_string(), Value::from_str(rest.trim()));
    }
    if let Some(rest) = s.strip_prefix('|') {
        return ("|-".to_string(), Value::from_str(rest.trim()));
    }
    ("<".to_string(), Value::from_str(s))
}

fn signal_number(v: &Value) -> i32 {
    if let Value::Int(i) = v {
        return *i as i32;
    }
    let s = String::from_utf8_lossy(&to_bytes(v)).into_owned();
    let s = s.trim_start_matches('-');
    let s = s.strip_prefix("SIG").unwrap_or(s);
    if let Ok(n) = s.parse::<i32>() {
        return n;
    }
    match s {
        "HUP" => libc::SIGHUP,
        "INT" => libc::SIGINT,
        "QUIT" => libc::SIGQUIT,
        "KILL" => libc::SIGKILL,
        "TERM" => libc::SIGTERM,
        "USR1" => libc::SIGUSR1,
        "USR2" => libc::SIGUSR2,
        "ALRM" => libc::SIGALRM,
        "CHLD" => libc::SIGCHLD,
        "CONT" => libc::SIGCONT,
        "STOP" => libc::SIGSTOP,
        "TSTP" => libc::SIGTSTP,
        "PIPE" => libc::SIGPIPE,
        "ZERO" => 0,
        _ => 0,
    }
}

/// Character range `[a, b)` (as byte offsets) of `substr($s, off, len)`.
pub fn substr_range(s: &PStr, off: i64, len: Option<i64>) -> Option<(usize, usize)> {
    let n = s.char_len() as i64;
    let start = if off < 0 { n + off } else { off };
    let end = match len {
        None => n,
        Some(l) if l < 0 => n + l,
        Some(l) => start + l,
    };
    // A start before the beginning is cut to it; only a substring wholly
    // before it (or a start past the end) is outside the string.
    if start > n || start < 0 && len.is_some_and(|l| l >= 0) && end < 0 {
        return None;
    }
    let start = start.max(0);
    let end = end.clamp(start, n);
    if s.utf8 {
        let a = utf8_byte_offset(&s.bytes, 0, start as usize);
        let b = utf8_byte_offset(&s.bytes, a, (end - start) as usize);
        Some((a, b))
    } else {
        Some((start as usize, end as usize))
    }
}

/// Byte offset `chars` characters after byte offset `from` in UTF-8.
fn utf8_byte_offset(b: &[u8], from: usize, chars: usize) -> usize {
    let mut i = from;
    let mut left = chars;
    while left > 0 && i < b.len() {
        i += 1;
        while i < b.len() && (b[i] & 0xC0) == 0x80 {
            i += 1;
        }
        left -= 1;
    }
    i
}

fn char_byte_offsets(b: &[u8]) -> Vec<usize> {
    let mut v: Vec<usize> = b
        .iter()
        .enumerate()
        .filter(|(_, &c)| (c & 0xC0) != 0x80)
        .map(|(i, _)| i)
        .collect();
    v.push(b.len());
    v
}

/// Store `v` over `len` characters at `off` of `target` (an lvalue
/// `substr` being assigned); returns the new length of the part.
pub fn lv_substr_store(target: &Sv, off: usize, len: usize, v: &Value) -> usize {
    let cur = target.get();
    let n = convert::to_pstr(&cur).char_len();
    // The target may have shrunk since the proxy was made.
    let off = off.min(n);
    if let Some((new, _)) = substr_replace(&cur, off as i64, Some(len as i64), v) {
        target.set(new);
    }
    convert::to_pstr(v).char_len()
}

/// 4-argument substr / lvalue substr: the new whole string and the part
/// replaced.
pub fn substr_replace(
    cur: &Value,
    off: i64,
    len: Option<i64>,
    repl: &Value,
) -> Option<(Value, Value)> {
    let s = convert::to_pstr(cur).into_owned();
    let (a, b) = substr_range(&s, off, len)?;
    let old = Value::str_from(s.bytes[a..b].to_vec(), s.utf8);
    let mut ns = PStr {
        bytes: s.bytes[..a].to_vec(),
        utf8: s.utf8,
    };
    convert::concat_into(&mut ns, &to_bytes(repl), convert::is_utf8(repl));
    let tail = &s.bytes[b..];
    if ns.utf8 && !s.utf8 {
        ns.bytes.extend_from_slice(&upgrade(tail));
    } else {
        ns.bytes.extend_from_slice(tail);
    }
    Some((Value::Str(Rc::new(ns)), old))
}

/// `index`/`rindex` with perl's position clamping, in characters.
pub fn str_index(s: &PStr, t: &PStr, pos: Option<i64>, rev: bool) -> i64 {
    let (sb, tb): (Cow<[u8]>, Cow<[u8]>) = match (s.utf8, t.utf8) {
        (true, false) => (Cow::Borrowed(&s.bytes), Cow::Owned(upgrade(&t.bytes))),
        (false, true) => (Cow::Owned(upgrade(&s.bytes)), Cow::Borrowed(&t.bytes)),
        _ => (Cow::Borrowed(&s.bytes), Cow::Borrowed(&t.bytes)),
    };
    let utf8 = s.utf8 || t.utf8;
    let offs = if utf8 {
        char_byte_offsets(&sb)
    } else {
        Vec::new()
    };
    let nchars = if utf8 {
        offs.len() as i64 - 1
    } else {
        sb.len() as i64
    };
    let to_byte = |c: i64| -> usize {
        if utf8 {
            offs[c as usize]
        } else {
            c as usize
        }
    };
    let to_char = |b: usize| -> i64 {
        if utf8 {
            offs.iter().position(|&o| o == b).unwrap_or(0) as i64
        } else {
            b as i64
        }
    };
    if !rev {
        let p = pos.unwrap_or(0).clamp(0, nchars);
        let from = to_byte(p);
        if tb.is_empty() {
            return p;
        }
        let hay = &sb[from..];
        match hay.windows(tb.len()).position(|w| w == &tb[..]) {
            Some(i) => to_char(from + i),
            None => -1,
        }
    } else {
        let p = pos.unwrap_or(nchars).clamp(0, nchars);
        if tb.is_empty() {
            return p;
        }
        // perl adds the needle's length before clamping, so a negative
        // position finds nothing.
        let tchars = if utf8 {
            char_byte_offsets(&tb).len() as i64 - 1
        } else {
            tb.len() as i64
        };
        let end = pos
            .unwrap_or(nchars)
            .saturating_add(tchars)
            .clamp(0, nchars);
        let hay = &sb[..to_byte(end)];
        match hay.windows(tb.len()).rposition(|w| w == &tb[..]) {
            Some(i) => to_char(i),
            None => -1,
        }
    }
}

/// `prototype("CORE::name")`: `Some(None)` for builtins without one.
pub(crate) fn core_prototype(name: &str) -> Option<Option<&'static str>> {
    Some(Some(match name {
        "abs" | "alarm" | "chr" | "chroot" | "cos" | "exp" | "fc" | "hex" | "int" | "lc"
        | "lcfirst" | "length" | "log" | "oct" | "ord" | "prototype" | "quotemeta" | "readlink"
        | "readpipe" | "ref" | "rmdir" | "sin" | "sqrt" | "study" | "uc" | "ucfirst" => "_",
        "accept" | "pipe" => "**",
        "atan2" | "crypt" | "getpriority" | "link" | "msgget" | "rename" | "semop" | "symlink"
        | "truncate" | "waitpid" => "$$",
        "bind" | "connect" | "flock" | "listen" | "opendir" | "seekdir" | "shutdown" => "*$",
        "binmode" => "*;$",
        "bless" => "$;$",
        "break" | "dump" | "fork" | "getppid" | "time" | "times" | "wait" | "wantarray" => "",
        "caller" | "chdir" | "exit" | "getpgrp" | "gmtime" | "localtime" | "rand" | "reset"
        | "sleep" | "srand" | "umask" => ";$",
        "chmod" | "chown" | "die" | "kill" | "reverse" | "unlink" | "utime" | "warn" => "@",
        "close" | "eof" | "getc" | "lstat" | "readline" | "stat" | "tell" | "write" => ";*",
        "closedir" | "fileno" | "readdir" | "rewinddir" | "telldir" => "*",
        "dbmclose" => "\\%",
        "dbmopen" => "\\%$$",
        "each" | "keys" | "values" => "\\[%@]",
        "fcntl" | "ioctl" | "seek" | "sysseek" => "*$$",
        "formline" | "join" | "pack" | "sprintf" | "syscall" => "$@",
        "glob" => "_;",
        "index" | "rindex" => "$$;$",
        "lock" => "\\[$@%&*]",
        "mkdir" => "_;$",
        "msgctl" | "msgsnd" | "semget" | "setpriority" | "shmctl" | "shmget" | "vec" => "$$$",
        "msgrcv" => "$$$$$",
        "not" => "$;",
        "open" => "*;$@",
        "pop" | "shift" => ";\\@",
        "pos" => ";\\[$*]",
        "push" | "unshift" => "\\@@",
        "read" | "sysread" => "*\\$$;$",
        "recv" => "*\\$$$",
        "scalar" => "$",
        "semctl" | "shmread" | "shmwrite" => "$$$$",
        "send" | "sysopen" => "*$$;$",
        "setpgrp" => ";$$",
        "socket" => "*$$$",
        "socketpair" => "**$$$",
        "splice" => "\\@;$$@",
        "substr" => "$$;$$",
        "syswrite" => "*$;$$",
        "tie" => "\\[$@%*]$@",
        "tied" | "untie" => "\\[$@%*]",
        "undef" => ";\\[$@%&*]",
        "unpack" => "$_",
        "chomp" | "chop" | "defined" | "delete" | "do" | "eval" | "exec" | "exists" | "goto"
        | "grep" | "last" | "local" | "map" | "my" | "next" | "our" | "print" | "printf"
        | "redo" | "require" | "return" | "say" | "select" | "sort" | "split" | "sub"
        | "system" => return Some(None),
        _ => return None,
    }))
}

/// Up to `n` characters from a `:utf8` handle (a bad sequence gives its
/// bytes as characters).
fn read_chars(h: &Rc<crate::io::Handle>, n: usize) -> Vec<u32> {
    let mut out = Vec::with_capacity(n);
    let mut io = h.io.borrow_mut();
    while out.len() < n {
        let lead = io.read_bytes(1);
        let Some(&b) = lead.first() else { break };
        let len = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        let mut seq = vec![b];
        if len > 1 {
            seq.extend(io.read_bytes(len - 1));
        }
        match std::str::from_utf8(&seq) {
            Ok(s) => out.extend(s.chars().map(|c| c as u32)),
            Err(_) => out.extend(seq.iter().map(|&x| x as u32)),
        }
    }
    out
}

/// A passwd or group entry as perl's list: `getpwnam`/`getpwuid` give
/// (name, passwd, uid, gid, quota, comment, gcos, dir, shell), and
/// `getgrnam`/`getgrgid` (name, passwd, gid, members).
fn user_db(f: Func, key: &Value) -> Option<Vec<Value>> {
    use nix::unistd::{Gid, Group, Uid, User};
    use std::os::unix::ffi::OsStrExt;
    let name = || String::from_utf8_lossy(&to_bytes(key)).into_owned();
    let path = |p: &std::path::Path| Value::bytes(p.as_os_str().as_bytes());
    match f {
        Func::Getpwnam | Func::Getpwuid => {
            let pw = match f {
                Func::Getpwnam => User::from_name(&name()),
                _ => User::from_uid(Uid::from_raw(to_i64(key) as u32)),
            }
            .ok()??;
            Some(vec![
                Value::string(pw.name),
                Value::bytes(pw.passwd.as_bytes()),
                Value::Int(pw.uid.as_raw() as i64),
                Value::Int(pw.gid.as_raw() as i64),
                Value::bytes(b""),
                Value::bytes(b""),
                Value::bytes(pw.gecos.as_bytes()),
                path(&pw.dir),
                path(&pw.shell),
            ])
        }
        _ => {
            let gr = match f {
                Func::Getgrnam => Group::from_name(&name()),
                _ => Group::from_gid(Gid::from_raw(to_i64(key) as u32)),
            }
            .ok()??;
            Some(vec![
                Value::string(gr.name),
                Value::bytes(gr.passwd.as_bytes()),
                Value::Int(gr.gid.as_raw() as i64),
                Value::string(gr.mem.join(" ")),
            ])
        }
    }
}

/// A file `require`/`do` found: its path (a made-up one for a hook), and
/// for a file an `@INC` hook gave, its source and the hook.
struct Found {
    path: String,
    hooked: Option<(Vec<u8>, Value)>,
}

/// A name `require`/`do` take as a path instead of searching `@INC` for.
fn is_explicit_path(name: &str) -> bool {
    name.starts_with('/') || name.starts_with("./") || name.starts_with("../")
}
