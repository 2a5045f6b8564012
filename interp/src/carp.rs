//! `Carp`, built in: `croak`, `confess`, `carp`, `cluck`, `shortmess`,
//! `longmess`. perl's Carp.pm leans on compile-time tricks and `@DB::args`;
//! this follows its documented behaviour from the interpreter's call frames.
//!
//! A short message names the first caller outside the package that called
//! `croak` (and the packages it trusts through `@ISA` / `@CARP_NOT`); when
//! every caller is trusted, the message is the full backtrace `confess`
//! gives.

use std::rc::Rc;

use crate::convert::to_bytes;
use crate::interp::{Flow, Interp, Want};
use crate::value::*;

type R = Result<Value, Flow>;

pub const SUBS: &[(&str, NativeFn)] = &[
    ("Carp::import", import),
    ("Carp::croak", croak),
    ("Carp::confess", confess),
    ("Carp::carp", carp),
    ("Carp::cluck", cluck),
    ("Carp::shortmess", shortmess),
    ("Carp::longmess", longmess),
];

/// One level of the call stack as Carp sees it from the `croak` call:
/// level 0 is where `croak` was called.
struct Level {
    package: Rc<str>,
    file: Rc<str>,
    line: u32,
    /// For levels above 0: the sub that was running (with its arguments).
    sub: Option<String>,
}

fn levels(it: &mut Interp) -> Vec<Level> {
    let mut out = vec![Level {
        package: it.package.clone(),
        file: it.file.clone(),
        line: it.line,
        sub: None,
    }];
    for f in it.frames.iter().rev() {
        let name = if f.is_eval {
            "eval {...}".to_string()
        } else if f.has_args {
            let args: Vec<Value> = f.args.as_ref().map(|a| a.to_vec()).unwrap_or_default();
            let mut parts: Vec<String> = args.iter().take(8).map(format_arg).collect();
            if args.len() > 8 {
                parts.push("...".to_string());
            }
            format!("{}({})", f.sub, parts.join(", "))
        } else {
            f.sub.to_string()
        };
        out.push(Level {
            package: f.package.clone(),
            file: f.file.clone(),
            line: f.line,
            sub: Some(name),
        });
    }
    out
}

/// An argument as Carp shows it in a backtrace.
fn format_arg(v: &Value) -> String {
    if v.is_undef() {
        return "undef".to_string();
    }
    let b = to_bytes(v).into_owned();
    if v.is_ref() {
        return String::from_utf8_lossy(&b).into_owned();
    }
    let s = String::from_utf8_lossy(&b).into_owned();
    if is_plain_number(&s) {
        return s;
    }
    let (body, suffix) = if s.chars().count() > 64 {
        (s.chars().take(61).collect::<String>(), "...")
    } else {
        (s, "")
    };
    let mut q = String::from("\"");
    for c in body.chars() {
        match c {
            '"' | '\\' | '$' | '@' => {
                q.push('\\');
                q.push(c);
            }
            ' '..='~' => q.push(c),
            _ => q.push_str(&format!("\\x{{{:x}}}", c as u32)),
        }
    }
    q.push('"');
    q.push_str(suffix);
    q
}

/// `/\A-?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?\z/`
fn is_plain_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if b.first() == Some(&b'-') {
        i += 1;
    }
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == start {
        return false;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            i += 1;
        }
        let s2 = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == s2 {
            return false;
        }
    }
    i == b.len()
}

/// Whether `child` trusts `parent`: the same package, or `parent` reached
/// through `@CARP_NOT` (or `@ISA` when there is no `@CARP_NOT`).
fn trusts(it: &mut Interp, child: &str, parent: &str) -> bool {
    let mut seen: Vec<String> = vec![child.to_string()];
    let mut i = 0;
    while i < seen.len() {
        let c = seen[i].clone();
        if c == parent {
            return true;
        }
        for p in direct_trusts(it, &c) {
            if !seen.contains(&p) {
                seen.push(p);
            }
        }
        i += 1;
    }
    false
}

fn direct_trusts(it: &mut Interp, class: &str) -> Vec<String> {
    let not = it.package_list(class, "CARP_NOT");
    if !not.is_empty() {
        return not;
    }
    it.parents(class)
}

/// Carp's `%Internal`: skipped as callers.
fn internal(pkg: &str) -> bool {
    matches!(pkg, "Exporter" | "Exporter::Heavy") || carp_internal(pkg)
}

/// Carp's `%CarpInternal`: skipped as callers and as the called package.
fn carp_internal(pkg: &str) -> bool {
    matches!(pkg, "Carp" | "warnings")
}

fn verbose(it: &mut Interp) -> bool {
    it.glob_opt("Carp::Verbose")
        .is_some_and(|g| g.sv().get().truthy())
}

/// " at FILE line N" plus the last-read handle's ", <FH> line M".
fn at(it: &mut Interp, file: &Rc<str>, line: u32) -> String {
    let saved = (it.file.clone(), it.line);
    it.file = file.clone();
    it.line = line;
    let s = it.location();
    (it.file, it.line) = saved;
    s
}

fn message(args: &[Elem]) -> String {
    let mut m = Vec::new();
    for a in args {
        m.extend_from_slice(&to_bytes(&a.get()));
    }
    String::from_utf8_lossy(&m).into_owned()
}

fn long_text(it: &mut Interp, err: &str, lv: &[Level]) -> String {
    let mut s = format!("{err}{}.\n", at(it, &lv[0].file, lv[0].line));
    for l in &lv[1..] {
        if let Some(sub) = &l.sub {
            s.push_str(&format!("\t{sub} called at {} line {}\n", l.file, l.line));
        }
    }
    s
}

fn short_text(it: &mut Interp, err: &str) -> String {
    let lv = levels(it);
    if verbose(it) {
        return long_text(it, err, &lv);
    }
    let mut called = lv[0].package.to_string();
    for l in &lv[1..] {
        let caller = l.package.to_string();
        if internal(&caller) || carp_internal(&called) {
            called = caller;
            continue;
        }
        if trusts(it, &called, &caller) || trusts(it, &caller, &called) {
            called = caller;
            continue;
        }
        // The short form names no last-read handle.
        return format!("{err} at {} line {}.\n", l.file, l.line);
    }
    long_text(it, err, &lv)
}

fn long(it: &mut Interp, err: &str) -> String {
    let lv = levels(it);
    long_text(it, err, &lv)
}

fn die_with(it: &mut Interp, v: Value) -> R {
    it.die_value = v;
    Err(it.throw())
}

fn croak(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    if let Some(first) = args.first() {
        let v = first.get();
        if v.is_ref() {
            return die_with(it, v);
        }
    }
    let m = short_text(it, &message(args));
    die_with(it, Value::string(m))
}

fn confess(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    if let Some(first) = args.first() {
        let v = first.get();
        if v.is_ref() {
            return die_with(it, v);
        }
    }
    let m = long(it, &message(args));
    die_with(it, Value::string(m))
}

fn carp(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = carp_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn carp_value(it: &mut Interp, args: &[Elem]) -> R {
    let m = short_text(it, &message(args));
    it.emit_warning(Value::string(m));
    Ok(Value::Int(1))
}

fn cluck(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = cluck_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn cluck_value(it: &mut Interp, args: &[Elem]) -> R {
    let m = long(it, &message(args));
    it.emit_warning(Value::string(m));
    Ok(Value::Int(1))
}

fn shortmess(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = shortmess_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn shortmess_value(it: &mut Interp, args: &[Elem]) -> R {
    let m = short_text(it, &message(args));
    Ok(Value::string(m))
}

fn longmess(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = longmess_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn longmess_value(it: &mut Interp, args: &[Elem]) -> R {
    let m = long(it, &message(args));
    Ok(Value::string(m))
}

/// `use Carp LIST`: croak, confess and carp by default; `verbose` turns on
/// `$Carp::Verbose`.
fn import(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    it.track_args = true;
    let pkg = it.package.to_string();
    let mut names: Vec<String> = args
        .iter()
        .skip(1)
        .map(|a| String::from_utf8_lossy(&to_bytes(&a.get())).into_owned())
        .collect();
    if names.is_empty() {
        names = vec!["croak".into(), "confess".into(), "carp".into()];
    }
    for n in names {
        let n = n.strip_prefix('&').unwrap_or(&n).to_string();
        if n == "verbose" {
            it.glob("Carp::Verbose").sv().set(Value::Int(1));
            continue;
        }
        if !matches!(
            n.as_str(),
            "croak" | "confess" | "carp" | "cluck" | "shortmess" | "longmess"
        ) {
            let msg = format!(
                "\"{n}\" is not exported by the Carp module\nCan't continue after import errors"
            );
            return die_with(it, Value::string(format!("{msg}{}.\n", it.location())));
        }
        let code = it.glob(&format!("Carp::{n}")).code();
        it.glob(&format!("{pkg}::{n}")).set_code(code);
    }
    it.method_cache.clear();
    Ok(Value::Undef)
}
