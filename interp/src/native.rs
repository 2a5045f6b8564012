//! Modules psh implements natively in the engine itself: the pragmas whose
//! `import` must do something at run time (`constant`, `parent`, `base`) and
//! the ones that only exist for the parser (`strict`, `warnings`, …), which
//! must not be loaded from disk.

use std::rc::Rc;

use crate::ast::well_known as wk;
use crate::convert::to_bytes;
use crate::interp::{Flow, Interp, Want};
use crate::value::*;

/// Modules that `require` treats as already loaded.
pub fn is_builtin_module(file: &str) -> bool {
    matches!(
        file,
        "strict.pm"
            | "warnings.pm"
            | "feature.pm"
            | "utf8.pm"
            | "constant.pm"
            | "parent.pm"
            | "base.pm"
            | "integer.pm"
            | "vars.pm"
            | "lib.pm"
            | "bytes.pm"
            | "less.pm"
            | "sort.pm"
            | "subs.pm"
            | "diagnostics.pm"
            | "experimental.pm"
            | "overload.pm"
            | "Carp.pm"
            | "IO/Handle.pm"
            | "IO/File.pm"
            | "IO/Seekable.pm"
            | "warnings/register.pm"
            | "Config.pm"
            | "Encode.pm"
            | "builtin.pm"
            | "mro.pm"
            | "charnames.pm"
            | "_charnames.pm"
    )
}

/// `$VERSION` of the built-in modules (perl 5.36's), set when required.
pub fn builtin_version(file: &str) -> Option<(&'static str, &'static str)> {
    Some(match file {
        "strict.pm" => ("strict", "1.12"),
        "warnings.pm" => ("warnings", "1.58"),
        "feature.pm" => ("feature", "1.72"),
        "utf8.pm" => ("utf8", "1.24"),
        "constant.pm" => ("constant", "1.33"),
        "parent.pm" => ("parent", "0.238"),
        "base.pm" => ("base", "2.27"),
        "integer.pm" => ("integer", "1.01"),
        "vars.pm" => ("vars", "1.05"),
        "lib.pm" => ("lib", "0.65"),
        "bytes.pm" => ("bytes", "1.08"),
        "less.pm" => ("less", "0.03"),
        "sort.pm" => ("sort", "2.05"),
        "subs.pm" => ("subs", "1.04"),
        "diagnostics.pm" => ("diagnostics", "1.39"),
        "experimental.pm" => ("experimental", "0.028"),
        "overload.pm" => ("overload", "1.35"),
        "Carp.pm" => ("Carp", "1.52"),
        "IO/Handle.pm" => ("IO::Handle", "1.48"),
        "IO/File.pm" => ("IO::File", "1.48"),
        "IO/Seekable.pm" => ("IO::Seekable", "1.48"),
        "warnings/register.pm" => ("warnings::register", "1.04"),
        "Config.pm" => ("Config", "5.036000"),
        "builtin.pm" => ("builtin", "0.006"),
        "mro.pm" => ("mro", "1.26"),
        "charnames.pm" => ("charnames", "1.50"),
        _ => return None,
    })
}

/// Perl source for the parts of a built-in module written in Perl (run
/// when the module is first required).
pub fn builtin_source(file: &str) -> Option<&'static str> {
    match file {
        "IO/File.pm" | "IO/Handle.pm" | "IO/Seekable.pm" => Some(include_str!("perl/IO_File.pm")),
        "Config.pm" => Some(include_str!("perl/Config.pm")),
        "Encode.pm" => Some(include_str!("perl/Encode.pm")),
        _ => None,
    }
}

/// Install the native subs into a fresh interpreter.
pub fn install(it: &mut Interp) {
    let subs: &[(&str, NativeFn)] = &[
        ("constant::import", constant_import),
        ("parent::import", parent_import),
        ("base::import", parent_import),
        ("vars::import", vars_import),
        ("lib::import", lib_import),
        ("overload::import", overload_import),
        ("overload::unimport", overload_unimport),
        ("overload::StrVal", overload_strval),
        ("overload::Overloaded", overload_overloaded),
        ("overload::Method", overload_method),
        ("warnings::register_categories", noop),
        ("warnings::register::import", noop),
        ("warnings::enabled", warnings_enabled),
        ("warnings::fatal_enabled", warnings_enabled),
        ("warnings::warnif", noop),
        ("charnames::import", noop),
        // Defined in every perl but miniperl (test.pl's is_miniperl asks);
        // psh is a full perl whose extensions are built in.
        ("DynaLoader::boot_DynaLoader", noop),
        ("Internals::SvREADONLY", sv_readonly),
        ("Internals::SvREFCNT", sv_refcnt),
        // re.pm loads its XS half in a full perl; the functions are here.
        ("re::bootstrap", noop),
        ("re::is_regexp", re_is_regexp),
        ("re::regexp_pattern", re_regexp_pattern),
        ("UNIVERSAL::isa", universal_isa),
        ("UNIVERSAL::DOES", universal_isa),
        ("UNIVERSAL::can", universal_can),
        ("utf8::encode", utf8_encode),
        ("utf8::decode", utf8_decode),
        ("utf8::upgrade", utf8_upgrade),
        ("utf8::downgrade", utf8_downgrade),
        ("utf8::is_utf8", utf8_is_utf8),
        ("bytes::length", bytes_length),
        ("bytes::ord", bytes_ord),
        ("bytes::chr", bytes_chr),
        ("bytes::substr", bytes_substr),
        ("bytes::index", bytes_index),
        ("bytes::rindex", bytes_rindex),
        ("utf8::valid", utf8_valid),
        ("utf8::unicode_to_native", utf8_identity),
        ("utf8::native_to_unicode", utf8_identity),
    ];
    for (name, f) in subs
        .iter()
        .chain(crate::listutil::SUBS)
        .chain(crate::carp::SUBS)
        .chain(crate::iohandle::SUBS)
        .chain(crate::posix::SUBS)
        .chain(crate::dumper::SUBS)
        .chain(crate::storable::SUBS)
        .chain(crate::encode::SUBS)
        .chain(crate::digest::SUBS)
        .chain(crate::stash::SUBS)
        .chain(crate::mro::SUBS)
        .chain(crate::charnames::SUBS)
        .chain(crate::cwd::SUBS)
        .chain(crate::hashutil::SUBS)
        .chain(crate::normalize::SUBS)
    {
        let g = it.glob(name);
        g.set_code(Some(Code::new(CodeKind::Native(*f), Some(Rc::from(*name)))));
    }
    let isa = it.glob("IO::File::ISA").av();
    isa.push(Value::from_str("IO::Handle"));
    isa.push(Value::from_str("IO::Seekable"));
}

pub(crate) fn noop(_: &mut Interp, _: &[Elem], _: Want, _: &mut Vec<Value>) -> Result<Value, Flow> {
    Ok(Value::Undef)
}

/// `warnings::enabled`: psh does not track the callers' lexical warnings
/// for modules, so categories count as off.
fn warnings_enabled(
    _: &mut Interp,
    _: &[Elem],
    want: Want,
    out: &mut Vec<Value>,
) -> Result<Value, Flow> {
    crate::listutil::one_value(want, out, crate::interp::bool_value(false))
}

fn re_is_regexp(
    _: &mut Interp,
    args: &[Elem],
    want: Want,
    out: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let v = args.first().map(Elem::get).unwrap_or_default();
    crate::listutil::one_value(
        want,
        out,
        crate::interp::bool_value(matches!(v, Value::Regex(_))),
    )
}

/// `re::regexp_pattern(qr/…/)`: (pattern, flags) in list context, the
/// stringified regex in scalar context; false for a non-regex.
fn re_regexp_pattern(
    _: &mut Interp,
    args: &[Elem],
    want: Want,
    out: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let v = args.first().map(Elem::get).unwrap_or_default();
    let Value::Regex(q) = v else {
        return crate::listutil::one_value(want, out, crate::interp::bool_value(false));
    };
    let s = &q.stringified;
    if want != Want::List {
        return Ok(Value::str_from(s.bytes.clone(), s.utf8));
    }
    // `(?^FLAGS:PATTERN)`
    let b = &s.bytes;
    let (flags, pat) = match b.iter().position(|&c| c == b':') {
        Some(i) if b.starts_with(b"(?^") && b.ends_with(b")") => {
            (b[3..i].to_vec(), b[i + 1..b.len() - 1].to_vec())
        }
        _ => (Vec::new(), b.clone()),
    };
    out.push(Value::str_from(pat, s.utf8));
    out.push(Value::str_from(flags, false));
    Ok(Value::Undef)
}

fn str_of(v: &Value) -> String {
    String::from_utf8_lossy(&to_bytes(v)).into_owned()
}

/// Argument `i` of a native sub as a string (empty when missing).
pub(crate) fn arg_string(args: &[Elem], i: usize) -> String {
    args.get(i).map(|e| str_of(&e.get())).unwrap_or_default()
}

/// The package a `use` statement was compiled in (where `import` installs).
fn caller_package(it: &Interp) -> String {
    it.package.to_string()
}

fn constant_import(
    it: &mut Interp,
    args: &[Elem],
    _: Want,
    _: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let pkg = caller_package(it);
    let vals: Vec<Value> = args.iter().skip(1).map(Elem::get).collect();
    let Some(first) = vals.first() else {
        return Ok(Value::Undef);
    };
    let define = |it: &mut Interp, name: &str, v: Vec<Value>| {
        let g = it.glob(&format!("{pkg}::{name}"));
        g.set_code(Some(Code::new(
            CodeKind::Const(v),
            Some(Rc::from(format!("{pkg}::{name}").as_str())),
        )));
    };
    if let Value::HashRef(h) = first {
        let pairs: Vec<(String, Value)> = h.with(|m| {
            m.iter()
                .map(|(k, v)| (String::from_utf8_lossy(&k.0.bytes).into_owned(), v.get()))
                .collect()
        });
        for (k, v) in pairs {
            define(it, &k, vec![v]);
        }
    } else {
        let name = str_of(first);
        define(it, &name, vals[1..].to_vec());
    }
    it.method_cache.clear();
    Ok(Value::Undef)
}

/// `use overload KEY => HANDLER, …`: like perl, each handler becomes a
/// method named `(KEY` of the package (so subclasses inherit it), and
/// `fallback` is kept in `${"PKG::()"}`.
fn overload_import(
    it: &mut Interp,
    args: &[Elem],
    _: Want,
    _: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let pkg = caller_package(it);
    let vals: Vec<Value> = args.iter().skip(1).map(Elem::get).collect();
    // `((` marks a package with an overload table (as perl does).
    it.glob(&format!("{pkg}::((")).set_code(Some(Code::new(
        CodeKind::Const(vec![]),
        Some(Rc::from(format!("{pkg}::((").as_str())),
    )));
    for pair in vals.chunks(2) {
        let key = str_of(&pair[0]);
        let v = pair.get(1).cloned().unwrap_or_default();
        if key == "fallback" {
            it.glob(&format!("{pkg}::()")).sv().set(v);
            continue;
        }
        match v {
            Value::CodeRef(cv) => {
                it.glob(&format!("{pkg}::({key}")).set_code(Some(cv));
            }
            // A method name: the method the class has (perl looks it up
            // on each use; psh when the overload is declared).
            Value::Str(_) => {
                let name = str_of(&v);
                if let Some(cv) = it.find_method(&pkg, &name) {
                    it.glob(&format!("{pkg}::({key}")).set_code(Some(cv));
                }
            }
            _ => {}
        }
    }
    it.method_cache.clear();
    Ok(Value::Undef)
}

/// `no overload KEY, …`: the package's handlers for those keys go.
fn overload_unimport(
    it: &mut Interp,
    args: &[Elem],
    _: Want,
    _: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let pkg = caller_package(it);
    for a in args.iter().skip(1) {
        let key = str_of(&a.get());
        if key == "fallback" {
            if let Some(g) = it.glob_opt(&format!("{pkg}::()")) {
                g.sv().set(Value::Undef);
            }
            continue;
        }
        if let Some(g) = it.glob_opt(&format!("{pkg}::({key}")) {
            g.set_code(None);
        }
    }
    it.method_cache.clear();
    Ok(Value::Undef)
}

/// `overload::StrVal($x)`: the string form ignoring any `""` overload.
fn overload_strval(
    _: &mut Interp,
    args: &[Elem],
    want: Want,
    out: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let v = args.first().map(Elem::get).unwrap_or_default();
    let s = crate::convert::to_pstr(&v).into_owned();
    crate::listutil::one_value(want, out, Value::str_from(s.bytes, s.utf8))
}

fn overload_class(it: &mut Interp, v: &Value) -> Option<String> {
    match v.blessed() {
        Some(c) => Some(c.to_string()),
        None if !v.is_ref() => {
            let s = str_of(v);
            it.package_exists(&s).then_some(s)
        }
        None => None,
    }
}

fn overload_overloaded(
    it: &mut Interp,
    args: &[Elem],
    want: Want,
    out: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let v = args.first().map(Elem::get).unwrap_or_default();
    let r = match overload_class(it, &v) {
        Some(c) => it.find_method(&c, "((").is_some(),
        None => false,
    };
    crate::listutil::one_value(want, out, crate::interp::bool_value(r))
}

fn overload_method(
    it: &mut Interp,
    args: &[Elem],
    want: Want,
    out: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let v = args.first().map(Elem::get).unwrap_or_default();
    let op = args.get(1).map(|a| str_of(&a.get())).unwrap_or_default();
    let r = match overload_class(it, &v) {
        Some(c) => match it.find_method(&c, &format!("({op}")) {
            Some(cv) => Value::CodeRef(cv),
            None => Value::Undef,
        },
        None => Value::Undef,
    };
    crate::listutil::one_value(want, out, r)
}

/// `require FILE` from native code.
fn require_file(it: &mut Interp, file: &str) -> Result<Value, Flow> {
    let args = [crate::ast::Expr::Str {
        bytes: file.as_bytes().into(),
        utf8: false,
    }];
    let mut out = Vec::new();
    it.func(crate::ast::Func::Require, &args, Want::Scalar, &mut out)
}

/// `Internals::SvREADONLY(\\$x [, ON])`: set or ask whether a scalar is
/// read-only, or a hash restricted (what `Hash::Util` builds on).
fn sv_readonly(
    it: &mut Interp,
    args: &[Elem],
    want: Want,
    out: &mut Vec<Value>,
) -> Result<Value, Flow> {
    // A write to what is made read-only here dies through the interpreter
    // that tie methods run on.
    crate::tie::enter(it);
    let target = args.first().map(Elem::get).unwrap_or_default();
    let on = args.get(1).map(|a| a.get().truthy());
    let was = match &target {
        Value::ScalarRef(sv) => {
            if let Some(on) = on {
                sv.set_readonly(on);
            }
            sv.is_readonly()
        }
        Value::HashRef(hv) => {
            if let Some(on) = on {
                hv.set_restricted(on);
            }
            hv.is_restricted()
        }
        _ => on.unwrap_or(false),
    };
    crate::listutil::one_value(want, out, crate::interp::bool_value(was))
}

/// `Internals::SvREFCNT(\\$x)`: the references the variable has (the
/// one passed in not counted).
fn sv_refcnt(
    _: &mut Interp,
    args: &[Elem],
    want: Want,
    out: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let n = args
        .first()
        .map(|a| a.get().referent_refs().saturating_sub(1))
        .unwrap_or(0);
    crate::listutil::one_value(want, out, Value::Int(n as i64))
}

fn parent_import(
    it: &mut Interp,
    args: &[Elem],
    _: Want,
    _: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let pkg = caller_package(it);
    let mut norequire = false;
    let is_base = args.first().is_some_and(|a| str_of(&a.get()) == "base");
    let mut fields_base: Option<String> = None;
    let isa = it.glob(&format!("{pkg}::ISA")).av();
    for a in args.iter().skip(1) {
        let c = str_of(&a.get());
        if c == "-norequire" {
            norequire = true;
            continue;
        }
        if is_base && !it.package_exists(&c) {
            // base.pm: a package without a file is fine if it exists; a
            // missing file of an empty package is perl's "is empty" error.
            let file = format!("{}.pm", c.replace("::", "/"));
            if let Err(e) = require_file(it, &file) {
                let msg = String::from_utf8_lossy(&to_bytes(&it.die_value)).into_owned();
                if !msg.starts_with("Can't locate ") {
                    return Err(e);
                }
                if !it.package_exists(&c) {
                    let inc = it.glob("main::INC").av().values();
                    let inc: Vec<String> = inc.iter().map(str_of).collect();
                    return Err(it.die_msg(format!(
                        "Base class package \"{c}\" is empty.\n    (Perhaps you need to 'use' the module which defines that package first,\n    or make that module available in @INC (@INC contains: {}).\n",
                        inc.join(" ")
                    )));
                }
            }
        } else if !norequire && !it.package_exists(&c) {
            require_file(it, &format!("{}.pm", c.replace("::", "/")))?;
        }
        if is_base && has_fields(it, &c) {
            if fields_base.is_some() {
                return Err(it.die_msg("Can't multiply inherit fields"));
            }
            fields_base = Some(c.clone());
        }
        if !isa.values().iter().any(|v| str_of(v) == c) {
            isa.push(Value::string(c));
        }
    }
    it.method_cache.clear();
    if let Some(base) = fields_base {
        inherit_fields(it, &pkg, &base)?;
    }
    Ok(Value::Undef)
}

/// Whether a class declared fields (`use fields`), which `use base` passes
/// on to the derived class.
fn has_fields(it: &mut Interp, class: &str) -> bool {
    if !it.gv(wk::INC).hv().exists(b"fields.pm") {
        return false;
    }
    it.glob("fields::attr").hv().exists(class.as_bytes())
        || !it.glob(&format!("{class}::FIELDS")).hv().is_empty()
}

fn inherit_fields(it: &mut Interp, derived: &str, base: &str) -> Result<(), Flow> {
    let mut out = Vec::new();
    if it.glob("base::_psh_inherit_fields").code().is_none() {
        it.run_source(
            include_bytes!("perl/base_fields.pm"),
            "(psh)/base/fields.pm",
            Want::Scalar,
            &mut out,
        )?;
    }
    let Some(cv) = it.glob("base::_psh_inherit_fields").code() else {
        return Ok(());
    };
    let args = vec![
        Elem::V(Value::string(derived.to_string())),
        Elem::V(Value::string(base.to_string())),
    ];
    it.call_sub(&cv, args, Want::Scalar, &mut out)?;
    Ok(())
}

fn vars_import(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> Result<Value, Flow> {
    // The parser already treats the names as declared; create the globs.
    let pkg = caller_package(it);
    for a in args.iter().skip(1) {
        let n = str_of(&a.get());
        let bare = n.trim_start_matches(['$', '@', '%']);
        it.glob(&format!("{pkg}::{bare}"));
    }
    Ok(Value::Undef)
}

fn lib_import(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> Result<Value, Flow> {
    let inc = it.gv(wk::INC).av();
    let dirs: Vec<Value> = args.iter().skip(1).map(Elem::get).collect();
    inc.with(|v| {
        for d in dirs.into_iter().rev() {
            v.insert(0, Elem::V(d));
        }
    });
    Ok(Value::Undef)
}

fn universal_isa(
    it: &mut Interp,
    args: &[Elem],
    want: Want,
    out: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let v = universal_isa_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn universal_isa_value(it: &mut Interp, args: &[Elem]) -> Result<Value, Flow> {
    let obj = args.first().map(Elem::get).unwrap_or_default();
    let target = args.get(1).map(|a| str_of(&a.get())).unwrap_or_default();
    let class = match obj.blessed() {
        // An object is also what its referent is (`isa($obj, 'HASH')`).
        Some(_) if crate::listutil::reftype_name(&obj) == Some(target.as_str()) => {
            return Ok(crate::interp::bool_value(true));
        }
        Some(c) => c.to_string(),
        None if obj.is_ref() => {
            let t = crate::interp::ref_type_name(&obj);
            return Ok(crate::interp::bool_value(t == target));
        }
        None => str_of(&obj),
    };
    Ok(crate::interp::bool_value(it.isa(&class, &target)))
}

fn universal_can(
    it: &mut Interp,
    args: &[Elem],
    want: Want,
    out: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let v = universal_can_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn universal_can_value(it: &mut Interp, args: &[Elem]) -> Result<Value, Flow> {
    let obj = args.first().map(Elem::get).unwrap_or_default();
    let m = args.get(1).map(|a| str_of(&a.get())).unwrap_or_default();
    let class = match obj.blessed() {
        Some(c) => c.to_string(),
        None if matches!(obj, Value::Glob(_) | Value::GlobRef(_)) => "IO::File".to_string(),
        None if obj.is_ref() => return Ok(Value::Undef),
        None => {
            let s = str_of(&obj);
            if !it.package_exists(&s) && it.handle_of(&obj).is_some() {
                "IO::File".to_string()
            } else {
                s
            }
        }
    };
    Ok(match it.find_method(&class, &m) {
        Some(cv) => Value::CodeRef(cv),
        None => Value::Undef,
    })
}

// ---------------------------------------------------------------- utf8::

/// The argument's string and a setter for its container (`utf8::` functions
/// work in place on the caller's variable).
fn utf8_arg(args: &[Elem]) -> (PStr, Option<Sv>) {
    let v = args.first().map(Elem::get).unwrap_or_default();
    let s = crate::convert::to_pstr(&v).into_owned();
    let sv = match args.first() {
        Some(Elem::C(sv)) => Some(sv.clone()),
        _ => None,
    };
    (s, sv)
}

fn utf8_store(sv: &Option<Sv>, bytes: Vec<u8>, utf8: bool) {
    if let Some(sv) = sv {
        sv.set(Value::str_from(bytes, utf8));
    }
}

fn utf8_encode(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> Result<Value, Flow> {
    let (s, sv) = utf8_arg(args);
    let bytes = if s.utf8 { s.bytes } else { upgrade(&s.bytes) };
    utf8_store(&sv, bytes, false);
    Ok(Value::Undef)
}

fn utf8_decode(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> Result<Value, Flow> {
    let (s, sv) = utf8_arg(args);
    // A utf8-flagged string is decoded from its characters' low bytes.
    let bytes = if s.utf8 {
        match downgrade(&s.bytes) {
            Some(b) => b,
            None => return Ok(crate::interp::bool_value(false)),
        }
    } else {
        s.bytes
    };
    if std::str::from_utf8(&bytes).is_err() {
        return Ok(crate::interp::bool_value(false));
    }
    let wide = !bytes.is_ascii();
    utf8_store(&sv, bytes, wide);
    Ok(crate::interp::bool_value(true))
}

fn utf8_upgrade(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> Result<Value, Flow> {
    let (s, sv) = utf8_arg(args);
    if s.utf8 {
        return Ok(Value::Int(s.bytes.len() as i64));
    }
    let b = upgrade(&s.bytes);
    let n = b.len();
    utf8_store(&sv, b, true);
    Ok(Value::Int(n as i64))
}

fn utf8_downgrade(
    it: &mut Interp,
    args: &[Elem],
    _: Want,
    _: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let (s, sv) = utf8_arg(args);
    if !s.utf8 {
        return Ok(crate::interp::bool_value(true));
    }
    match downgrade(&s.bytes) {
        Some(b) => {
            utf8_store(&sv, b, false);
            Ok(crate::interp::bool_value(true))
        }
        None => {
            let fail_ok = args.get(1).is_some_and(|a| a.get().truthy());
            if fail_ok {
                Ok(crate::interp::bool_value(false))
            } else {
                Err(it.die_msg("Wide character in subroutine entry"))
            }
        }
    }
}

/// `utf8::unicode_to_native` / `native_to_unicode`: the same number on an
/// ASCII platform.
fn utf8_identity(
    _: &mut Interp,
    args: &[Elem],
    want: Want,
    out: &mut Vec<Value>,
) -> Result<Value, Flow> {
    let v = args.first().map(Elem::get).unwrap_or_default();
    let n = crate::convert::to_i64(&v);
    crate::listutil::one_value(want, out, Value::Int(n))
}

fn utf8_is_utf8(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> Result<Value, Flow> {
    let v = args.first().map(Elem::get).unwrap_or_default();
    Ok(crate::interp::bool_value(crate::convert::is_utf8(&v)))
}

// `bytes::length` and friends: the string functions on the stored bytes
// of a string (its UTF-8 encoding when it has wide characters).

fn byte_arg(args: &[Elem], i: usize) -> Vec<u8> {
    let v = args.get(i).map(Elem::get).unwrap_or_default();
    to_bytes(&v).into_owned()
}

fn int_arg(args: &[Elem], i: usize) -> Option<i64> {
    args.get(i).map(|e| crate::convert::to_i64(&e.get()))
}

/// Each `bytes::` function as a plain one: its value, given back in any
/// context.
macro_rules! bytes_fns {
    ($($name:ident => $f:ident),* $(,)?) => {
        $(fn $name(
            _: &mut Interp,
            args: &[Elem],
            want: Want,
            out: &mut Vec<Value>,
        ) -> Result<Value, Flow> {
            crate::listutil::one_value(want, out, $f(args))
        })*
    };
}

bytes_fns!(bytes_length => b_length, bytes_ord => b_ord, bytes_chr => b_chr,
    bytes_substr => b_substr, bytes_index => b_index, bytes_rindex => b_rindex);

fn b_length(args: &[Elem]) -> Value {
    let v = args.first().map(Elem::get).unwrap_or_default();
    if v.is_undef() {
        return Value::Undef;
    }
    Value::Int(to_bytes(&v).len() as i64)
}

fn b_ord(args: &[Elem]) -> Value {
    Value::Int(byte_arg(args, 0).first().map_or(0, |&b| b as i64))
}

fn b_chr(args: &[Elem]) -> Value {
    Value::bytes(&[int_arg(args, 0).unwrap_or(0) as u8])
}

/// The stored bytes of an argument as a string of one-byte characters, for
/// the character functions to work on.
fn bytes_pstr(args: &[Elem], i: usize) -> PStr {
    PStr::new(byte_arg(args, i), false)
}

fn b_substr(args: &[Elem]) -> Value {
    let s = bytes_pstr(args, 0);
    let off = int_arg(args, 1).unwrap_or(0);
    match crate::interp::substr_range(&s, off, int_arg(args, 2)) {
        Some((a, b)) => Value::bytes(&s.bytes[a..b]),
        None => Value::Undef,
    }
}

fn b_index(args: &[Elem]) -> Value {
    let (s, t) = (bytes_pstr(args, 0), bytes_pstr(args, 1));
    Value::Int(crate::interp::str_index(&s, &t, int_arg(args, 2), false))
}

fn b_rindex(args: &[Elem]) -> Value {
    let (s, t) = (bytes_pstr(args, 0), bytes_pstr(args, 1));
    Value::Int(crate::interp::str_index(&s, &t, int_arg(args, 2), true))
}

fn utf8_valid(_: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> Result<Value, Flow> {
    let (s, _) = utf8_arg(args);
    Ok(crate::interp::bool_value(
        !s.utf8 || std::str::from_utf8(&s.bytes).is_ok(),
    ))
}
