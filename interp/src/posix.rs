//! `POSIX`, `Fcntl` and `Time::HiRes`, whose functions perl implements in C
//! (XS). As with `List::Util`, the modules' own `.pm` files load from disk
//! (for `import`, the export lists and tags, `AUTOLOAD`), and
//! `XSLoader::load` finds `bootstrap` here: it installs the constants and
//! the functions below in place of the XS ones.

use std::ffi::{CStr, CString};
use std::rc::Rc;

use crate::convert::{to_bytes, to_f64, to_i64};
use crate::interp::{Flow, Interp, Want};
use crate::value::*;

#[path = "posix_consts.rs"]
mod consts;
use consts::*;
#[path = "posix_exports.rs"]
mod exports;
use exports::*;

type R = Result<Value, Flow>;

/// A constant's value.
#[derive(Clone, Copy)]
pub(crate) enum K {
    I(i64),
    U(u64),
    N(f64),
}

pub const SUBS: &[(&str, NativeFn)] = &[
    ("POSIX::bootstrap", posix_bootstrap),
    ("Fcntl::bootstrap", fcntl_bootstrap),
    ("Time::HiRes::bootstrap", hires_bootstrap),
    ("Time::Piece::bootstrap", piece_bootstrap),
];

const PIECE_FUNCS: &[(&str, NativeFn)] = &[
    ("_tzset", tzset),
    ("_strftime", piece_strftime),
    ("_strptime", piece_strptime),
    ("_mini_mktime", piece_mini_mktime),
    ("_crt_localtime", piece_crt_localtime),
    ("_crt_gmtime", piece_crt_gmtime),
    ("_get_localization", piece_localization),
];

/// POSIX functions implemented here (the XS ones, and a few that POSIX.pm
/// would otherwise build with `eval` on first use).
const POSIX_FUNCS: &[(&str, NativeFn)] = &[
    ("constant", posix_constant),
    ("floor", m_floor),
    ("ceil", m_ceil),
    ("round", m_round),
    ("trunc", m_trunc),
    ("rint", m_rint),
    ("nearbyint", m_rint),
    ("acos", m_acos),
    ("acosh", m_acosh),
    ("asin", m_asin),
    ("asinh", m_asinh),
    ("atan", m_atan),
    ("atanh", m_atanh),
    ("cbrt", m_cbrt),
    ("cosh", m_cosh),
    ("sinh", m_sinh),
    ("tan", m_tan),
    ("tanh", m_tanh),
    ("exp2", m_exp2),
    ("expm1", m_expm1),
    ("log10", m_log10),
    ("log1p", m_log1p),
    ("log2", m_log2),
    ("logb", m_logb),
    ("erf", m_erf),
    ("erfc", m_erfc),
    ("tgamma", m_tgamma),
    ("lgamma", m_lgamma),
    ("j0", m_j0),
    ("j1", m_j1),
    ("y0", m_y0),
    ("y1", m_y1),
    ("fmod", m_fmod),
    ("pow", m_pow),
    ("copysign", m_copysign),
    ("fdim", m_fdim),
    ("fmax", m_fmax),
    ("fmin", m_fmin),
    ("hypot", m_hypot),
    ("nextafter", m_nextafter),
    ("nexttoward", m_nextafter),
    ("remainder", m_remainder),
    ("ldexp", m_ldexp),
    ("scalbn", m_ldexp),
    ("fma", m_fma),
    ("jn", m_jn),
    ("yn", m_yn),
    ("ilogb", m_ilogb),
    ("lrint", m_lrint),
    ("lround", m_lround),
    ("isfinite", m_isfinite),
    ("isinf", m_isinf),
    ("isnan", m_isnan),
    ("isnormal", m_isnormal),
    ("signbit", m_signbit),
    ("fpclassify", m_fpclassify),
    ("frexp", m_frexp),
    ("modf", m_modf),
    ("nan", m_nan),
    ("strtod", strtod),
    ("strtold", strtod),
    ("strtol", strtol),
    ("strtoul", strtoul),
    ("strftime", strftime),
    ("mktime", mktime),
    ("difftime", difftime),
    ("ctime", ctime),
    ("asctime", asctime),
    ("clock", clock),
    ("times", times),
    ("tzset", tzset),
    ("tzname", tzname),
    ("_exit", p_exit),
    ("abort", abort),
    ("getpid", getpid),
    ("getppid", getppid),
    ("isatty", isatty),
    ("setlocale", setlocale),
    ("localeconv", localeconv),
    ("strerror", strerror),
    ("errno", errno),
    ("WIFEXITED", wifexited),
    ("WEXITSTATUS", wexitstatus),
    ("WIFSIGNALED", wifsignaled),
    ("WTERMSIG", wtermsig),
    ("WIFSTOPPED", wifstopped),
    ("WSTOPSIG", wstopsig),
    ("uname", uname),
    ("getcwd", getcwd),
    ("access", access),
    ("sysconf", sysconf),
    ("ttyname", ttyname),
    ("dup", dup),
    ("dup2", dup2),
    ("close", close),
    ("setsid", setsid),
    ("pause", pause),
    ("nice", nice),
    ("ctermid", ctermid),
    ("cuserid", cuserid),
];

const FCNTL_FUNCS: &[(&str, NativeFn)] = &[
    ("S_ISREG", s_isreg),
    ("S_ISDIR", s_isdir),
    ("S_ISLNK", s_islnk),
    ("S_ISSOCK", s_issock),
    ("S_ISBLK", s_isblk),
    ("S_ISCHR", s_ischr),
    ("S_ISFIFO", s_isfifo),
    ("S_IFMT", s_ifmt),
    ("S_IMODE", s_imode),
];

macro_rules! mode_test {
    ($($name:ident => $bits:expr);* $(;)?) => {
        $(fn $name(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
            let m = int_arg(a, 0);
            one(want, out, crate::interp::bool_value(m & 0o170000 == $bits))
        })*
    };
}

mode_test! {
    s_isreg => 0o100000;
    s_isdir => 0o040000;
    s_islnk => 0o120000;
    s_issock => 0o140000;
    s_isblk => 0o060000;
    s_ischr => 0o020000;
    s_isfifo => 0o010000;
}

fn s_ifmt(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = if a.is_empty() {
        0o170000
    } else {
        int_arg(a, 0) & 0o170000
    };
    one(want, out, Value::Int(v))
}

fn s_imode(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    one(want, out, Value::Int(int_arg(a, 0) & 0o7777))
}

const HIRES_FUNCS: &[(&str, NativeFn)] = &[
    ("constant", hires_constant),
    ("time", hires_time),
    ("sleep", hires_sleep),
    ("usleep", hires_usleep),
    ("nanosleep", hires_nanosleep),
    ("gettimeofday", gettimeofday),
    ("clock_gettime", clock_gettime),
    ("clock_getres", clock_getres),
    ("clock", hires_clock),
    ("alarm", hires_alarm),
    ("ualarm", hires_ualarm),
];

/// For the parser: the subs `use MODULE LIST` imports from a module built
/// in here (`all`: no list given), with their prototypes (`""` for the
/// constants). None for other modules.
pub fn parse_imports(
    module: &str,
    names: &[String],
    all: bool,
) -> Option<Vec<(String, Option<String>)>> {
    type Tables<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [(&'a str, K)]);
    let (export, tags, consts): Tables = match module {
        "POSIX" => (POSIX_EXPORT, POSIX_TAGS, POSIX_CONSTS),
        "Fcntl" => (FCNTL_EXPORT, FCNTL_TAGS, FCNTL_CONSTS),
        "Time::HiRes" => ("", &[], &[]),
        "IO::File" => ("", &[], FCNTL_CONSTS),
        _ => return None,
    };
    let mut list: Vec<&str> = Vec::new();
    if all {
        list.extend(export.split_whitespace());
        if module == "IO::File" {
            list.extend(
                FCNTL_EXPORT
                    .split_whitespace()
                    .filter(|n| n.starts_with("O_")),
            );
            list.extend(["SEEK_SET", "SEEK_CUR", "SEEK_END"]);
        }
    }
    for n in names {
        let n = n.as_str();
        let tag = n
            .strip_prefix(':')
            .or_else(|| (module == "POSIX" && n.ends_with("_h")).then_some(n));
        match tag {
            Some(":DEFAULT") | Some("DEFAULT") => list.extend(export.split_whitespace()),
            Some(t) => {
                if let Some((_, v)) = tags.iter().find(|(k, _)| *k == t) {
                    list.extend(v.split_whitespace());
                }
            }
            None => list.push(n.strip_prefix('&').unwrap_or(n)),
        }
    }
    Some(
        list.into_iter()
            .filter(|n| {
                n.bytes()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
            })
            .map(|n| {
                let proto = consts.iter().any(|(c, _)| *c == n).then(String::new);
                (n.to_string(), proto)
            })
            .collect(),
    )
}

fn install(it: &mut Interp, pkg: &str, funcs: &[(&str, NativeFn)]) {
    for (name, f) in funcs {
        let full = format!("{pkg}::{name}");
        let g = it.glob(&full);
        g.set_code(Some(Code::new(
            CodeKind::Native(*f),
            Some(Rc::from(full.as_str())),
        )));
    }
}

fn k_value(k: K) -> Value {
    match k {
        K::I(i) => Value::Int(i),
        K::U(u) => Value::UInt(u),
        K::N(n) => Value::Num(n),
    }
}

fn install_consts(it: &mut Interp, pkg: &str, consts: &[(&str, K)]) {
    for (name, k) in consts {
        let full = format!("{pkg}::{name}");
        let g = it.glob(&full);
        if g.code().is_none() {
            g.set_code(Some(Code::new(
                CodeKind::Const(vec![k_value(*k)]),
                Some(Rc::from(full.as_str())),
            )));
        }
    }
}

fn posix_bootstrap(it: &mut Interp, _: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    install(it, "POSIX", POSIX_FUNCS);
    install_consts(it, "POSIX", POSIX_CONSTS);
    let mut out = Vec::new();
    it.run_source(
        include_bytes!("perl/POSIX_sig.pm"),
        "(psh)/POSIX/sig.pm",
        Want::Scalar,
        &mut out,
    )?;
    it.method_cache.clear();
    Ok(Value::Undef)
}

fn fcntl_bootstrap(it: &mut Interp, _: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    install_consts(it, "Fcntl", FCNTL_CONSTS);
    install_consts(it, "Fcntl", &[("_S_IFMT", K::I(0o170000))]);
    install(it, "Fcntl", FCNTL_FUNCS);
    it.method_cache.clear();
    Ok(Value::Undef)
}

fn hires_bootstrap(it: &mut Interp, _: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    install(it, "Time::HiRes", HIRES_FUNCS);
    let d: Vec<(&str, K)> = [
        "d_usleep",
        "d_ualarm",
        "d_gettimeofday",
        "d_getitimer",
        "d_setitimer",
        "d_nanosleep",
        "d_clock_gettime",
        "d_clock_getres",
        "d_clock",
        "d_clock_nanosleep",
        "d_hires_stat",
        "d_futimens",
        "d_utimensat",
        "d_hires_utime",
    ]
    .iter()
    .map(|n| (*n, K::I(1)))
    .collect();
    install_consts(it, "Time::HiRes", &d);
    it.method_cache.clear();
    Ok(Value::Undef)
}

fn piece_bootstrap(it: &mut Interp, _: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    install(it, "Time::Piece", PIECE_FUNCS);
    it.method_cache.clear();
    Ok(Value::Undef)
}

fn broken_down(t: libc::time_t, local: bool) -> libc::tm {
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    unsafe {
        if local {
            libc::localtime_r(&t, &mut tm);
        } else {
            libc::gmtime_r(&t, &mut tm);
        }
    }
    tm
}

/// Time::Piece's 11-part time list: the 9 `localtime` fields, the epoch
/// (0: to compute) and whether it is local time.
fn tm_list(tm: &libc::tm, epoch: i64, islocal: i64) -> Vec<Value> {
    vec![
        Value::Int(tm.tm_sec as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_mon as i64),
        Value::Int(tm.tm_year as i64),
        Value::Int(tm.tm_wday as i64),
        Value::Int(tm.tm_yday as i64),
        Value::Int(tm.tm_isdst.max(0) as i64),
        Value::Int(epoch),
        Value::Int(islocal),
    ]
}

fn piece_strftime(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let fmt = a
        .first()
        .map(|e| to_bytes(&e.get()).into_owned())
        .unwrap_or_default();
    let tm = broken_down(int_arg(a, 1), a.get(2).is_some_and(|e| e.get().truthy()));
    one(want, out, Value::str_from(c_strftime(&fmt, &tm), false))
}

fn piece_strptime(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let s = c_arg(a, 0);
    let f = c_arg(a, 1);
    let islocal = a.get(2).is_some_and(|e| e.get().truthy()) as i64;
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_mday = 1;
    tm.tm_year = 70;
    let end = unsafe { libc::strptime(s.as_ptr(), f.as_ptr(), &mut tm) };
    if end.is_null() {
        return Err(it.die_msg("Error parsing time"));
    }
    let rest = unsafe { CStr::from_ptr(end) }.to_bytes();
    if !rest.is_empty() {
        let w = crate::interp::Interp::warn_str;
        w(
            it,
            &format!(
                "Garbage at end of string in strptime: {}",
                String::from_utf8_lossy(rest)
            ),
        );
        w(it, "Perhaps a format flag did not match the actual input?");
    }
    tm.tm_isdst = 0;
    normalize(&mut tm);
    list(want, out, tm_list(&tm, 0, islocal))
}

fn piece_mini_mktime(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let mut tm = tm_from_args(a, 0, 0);
    normalize(&mut tm);
    tm.tm_isdst = 0;
    list(want, out, tm_list(&tm, 0, 0))
}

fn piece_crt_localtime(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let tm = broken_down(int_arg(a, 0), true);
    let mut v = tm_list(&tm, 0, 0);
    v.truncate(9);
    list(want, out, v)
}

fn piece_crt_gmtime(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let tm = broken_down(int_arg(a, 0), false);
    let mut v = tm_list(&tm, 0, 0);
    v.truncate(9);
    list(want, out, v)
}

fn piece_localization(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let strs = |l: &[&str]| {
        Value::ArrayRef(Array::from_values(
            l.iter().map(|s| Value::from_str(s)).collect(),
        ))
    };
    let h = Hash::new();
    let set = |k: &str, v: Value| h.set(make_key(k.as_bytes(), false), v);
    set(
        "weekday",
        strs(&[
            "Sunday",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
        ]),
    );
    set(
        "wday",
        strs(&["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]),
    );
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    set("month", strs(&months));
    set("alt_month", strs(&months));
    set(
        "mon",
        strs(&[
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]),
    );
    set("AM", Value::from_str("AM"));
    set("PM", Value::from_str("PM"));
    set("c_fmt", Value::from_str(""));
    one(want, out, Value::HashRef(h))
}

/// `POSIX::constant(NAME)`, reached through POSIX's AUTOLOAD for names that
/// are not constants here.
fn posix_constant(it: &mut Interp, args: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let name = str_arg(args, 0);
    let msg = if POSIX_UNDEFINED.contains(&name.as_str()) {
        format!("Your vendor has not defined POSIX macro {name}, used")
    } else {
        format!("{name} is not a valid POSIX macro")
    };
    // Reported where the AUTOLOAD that asks was called from.
    let at = match it.frames.last() {
        Some(f) => format!(" at {} line {}\n", f.file, f.line),
        None => return Err(it.die_msg(msg)),
    };
    it.die_value = Value::string(format!("{msg}{at}"));
    Err(it.throw())
}

/// `Time::HiRes::constant(NAME)`: (error, value).
fn hires_constant(_: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let name = str_arg(args, 0);
    let v: Option<i64> = match name.as_str() {
        "CLOCK_REALTIME" => Some(libc::CLOCK_REALTIME as i64),
        "CLOCK_MONOTONIC" => Some(libc::CLOCK_MONOTONIC as i64),
        "CLOCK_PROCESS_CPUTIME_ID" => Some(libc::CLOCK_PROCESS_CPUTIME_ID as i64),
        "CLOCK_THREAD_CPUTIME_ID" => Some(libc::CLOCK_THREAD_CPUTIME_ID as i64),
        "CLOCK_MONOTONIC_RAW" => Some(libc::CLOCK_MONOTONIC_RAW as i64),
        "CLOCK_REALTIME_COARSE" => Some(libc::CLOCK_REALTIME_COARSE as i64),
        "CLOCK_MONOTONIC_COARSE" => Some(libc::CLOCK_MONOTONIC_COARSE as i64),
        "CLOCK_BOOTTIME" => Some(libc::CLOCK_BOOTTIME as i64),
        "CLOCKS_PER_SEC" => Some(1_000_000),
        "ITIMER_REAL" => Some(0),
        "ITIMER_VIRTUAL" => Some(1),
        "ITIMER_PROF" => Some(2),
        "TIMER_ABSTIME" => Some(1),
        _ => None,
    };
    let (err, val) = match v {
        Some(v) => (Value::Undef, Value::Int(v)),
        None => (
            Value::string(format!(
                "Time::HiRes::{name} is not a valid Time::HiRes macro"
            )),
            Value::Undef,
        ),
    };
    if want == Want::List {
        out.push(err);
        out.push(val);
        return Ok(Value::Undef);
    }
    Ok(val)
}

// ---------------------------------------------------------------- helpers

fn str_arg(args: &[Elem], i: usize) -> String {
    args.get(i)
        .map(|a| String::from_utf8_lossy(&to_bytes(&a.get())).into_owned())
        .unwrap_or_default()
}

fn num_arg(args: &[Elem], i: usize) -> f64 {
    args.get(i).map(|a| to_f64(&a.get())).unwrap_or(0.0)
}

fn int_arg(args: &[Elem], i: usize) -> i64 {
    args.get(i).map(|a| to_i64(&a.get())).unwrap_or(0)
}

fn one(want: Want, out: &mut Vec<Value>, v: Value) -> R {
    crate::listutil::one_value(want, out, v)
}

fn list(want: Want, out: &mut Vec<Value>, vals: Vec<Value>) -> R {
    if want == Want::List {
        out.extend(vals);
        return Ok(Value::Undef);
    }
    Ok(vals.into_iter().last().unwrap_or_default())
}

/// A list in list context, its first value in scalar context.
fn first(want: Want, out: &mut Vec<Value>, vals: Vec<Value>) -> R {
    if want == Want::List {
        out.extend(vals);
        return Ok(Value::Undef);
    }
    Ok(vals.into_iter().next().unwrap_or_default())
}

fn usage(it: &mut Interp, args: &[Elem], n: usize, u: &str) -> Result<(), Flow> {
    if args.len() != n {
        return Err(it.die_msg(format!("Usage: POSIX::{u}")));
    }
    Ok(())
}

/// A float result as perl keeps it (an NV; integral ones print plainly).
fn nv(f: f64) -> Value {
    Value::Num(f)
}

macro_rules! math1 {
    ($($name:ident => $u:literal, $f:expr);* $(;)?) => {
        $(fn $name(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
            usage(it, a, 1, $u)?;
            let f: fn(f64) -> f64 = $f;
            one(want, out, nv(f(num_arg(a, 0))))
        })*
    };
}

extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn tgamma(x: f64) -> f64;
    fn lgamma(x: f64) -> f64;
    fn j0(x: f64) -> f64;
    fn j1(x: f64) -> f64;
    fn y0(x: f64) -> f64;
    fn y1(x: f64) -> f64;
    fn jn(n: i32, x: f64) -> f64;
    fn yn(n: i32, x: f64) -> f64;
    fn logb(x: f64) -> f64;
    fn rint(x: f64) -> f64;
    fn nextafter(x: f64, y: f64) -> f64;
    fn remainder(x: f64, y: f64) -> f64;
    fn ilogb(x: f64) -> i32;
    #[link_name = "clock"]
    fn c_clock() -> libc::clock_t;
    #[link_name = "tzset"]
    fn c_tzset();
    #[link_name = "tzname"]
    static c_tzname: [*const libc::c_char; 2];
}

math1! {
    m_floor => "floor(x)", f64::floor;
    m_ceil => "ceil(x)", f64::ceil;
    m_round => "round(x)", f64::round;
    m_trunc => "trunc(x)", f64::trunc;
    m_rint => "rint(x)", |x| unsafe { rint(x) };
    m_acos => "acos(x)", f64::acos;
    m_acosh => "acosh(x)", f64::acosh;
    m_asin => "asin(x)", f64::asin;
    m_asinh => "asinh(x)", f64::asinh;
    m_atan => "atan(x)", f64::atan;
    m_atanh => "atanh(x)", f64::atanh;
    m_cbrt => "cbrt(x)", f64::cbrt;
    m_cosh => "cosh(x)", f64::cosh;
    m_sinh => "sinh(x)", f64::sinh;
    m_tan => "tan(x)", f64::tan;
    m_tanh => "tanh(x)", f64::tanh;
    m_exp2 => "exp2(x)", f64::exp2;
    m_expm1 => "expm1(x)", f64::exp_m1;
    m_log10 => "log10(x)", f64::log10;
    m_log1p => "log1p(x)", f64::ln_1p;
    m_log2 => "log2(x)", f64::log2;
    m_logb => "logb(x)", |x| unsafe { logb(x) };
    m_erf => "erf(x)", |x| unsafe { erf(x) };
    m_erfc => "erfc(x)", |x| unsafe { erfc(x) };
    m_tgamma => "tgamma(x)", |x| unsafe { tgamma(x) };
    m_lgamma => "lgamma(x)", |x| unsafe { lgamma(x) };
    m_j0 => "j0(x)", |x| unsafe { j0(x) };
    m_j1 => "j1(x)", |x| unsafe { j1(x) };
    m_y0 => "y0(x)", |x| unsafe { y0(x) };
    m_y1 => "y1(x)", |x| unsafe { y1(x) };
}

macro_rules! math2 {
    ($($name:ident => $u:literal, $f:expr);* $(;)?) => {
        $(fn $name(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
            usage(it, a, 2, $u)?;
            let f: fn(f64, f64) -> f64 = $f;
            one(want, out, nv(f(num_arg(a, 0), num_arg(a, 1))))
        })*
    };
}

math2! {
    m_fmod => "fmod(x, y)", |x, y| x % y;
    m_pow => "pow(x, exponent)", f64::powf;
    m_copysign => "copysign(x, y)", f64::copysign;
    m_fdim => "fdim(x, y)", |x, y| if x > y { x - y } else if x.is_nan() || y.is_nan() { f64::NAN } else { 0.0 };
    m_fmax => "fmax(x, y)", f64::max;
    m_fmin => "fmin(x, y)", f64::min;
    m_hypot => "hypot(x, y)", f64::hypot;
    m_nextafter => "nextafter(x, y)", |x, y| unsafe { nextafter(x, y) };
    m_remainder => "remainder(x, y)", |x, y| unsafe { remainder(x, y) };
    m_ldexp => "ldexp(x, exp)", |x, e| x * 2f64.powi(e as i32);
    m_jn => "jn(n, x)", |n, x| unsafe { jn(n as i32, x) };
    m_yn => "yn(n, x)", |n, x| unsafe { yn(n as i32, x) };
}

fn m_fma(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 3, "fma(x, y, z)")?;
    one(
        want,
        out,
        nv(num_arg(a, 0).mul_add(num_arg(a, 1), num_arg(a, 2))),
    )
}

macro_rules! mathi {
    ($($name:ident => $u:literal, $f:expr);* $(;)?) => {
        $(fn $name(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
            usage(it, a, 1, $u)?;
            let f: fn(f64) -> i64 = $f;
            one(want, out, Value::Int(f(num_arg(a, 0))))
        })*
    };
}

mathi! {
    m_ilogb => "ilogb(x)", |x| unsafe { ilogb(x) as i64 };
    m_lrint => "lrint(x)", |x| unsafe { rint(x) as i64 };
    m_lround => "lround(x)", |x| x.round() as i64;
    m_isfinite => "isfinite(x)", |x| x.is_finite() as i64;
    m_isinf => "isinf(x)", |x| x.is_infinite() as i64;
    m_isnan => "isnan(x)", |x| x.is_nan() as i64;
    m_isnormal => "isnormal(x)", |x| x.is_normal() as i64;
    m_signbit => "signbit(x)", |x| x.is_sign_negative() as i64;
    m_fpclassify => "fpclassify(x)", |x| match x.classify() {
        std::num::FpCategory::Nan => 0,
        std::num::FpCategory::Infinite => 1,
        std::num::FpCategory::Zero => 2,
        std::num::FpCategory::Subnormal => 3,
        std::num::FpCategory::Normal => 4,
    };
}

fn m_frexp(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 1, "frexp(x)")?;
    let x = num_arg(a, 0);
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        let mut e = x.abs().log2().floor() as i32 + 1;
        let mut m = x / 2f64.powi(e);
        if m.abs() >= 1.0 {
            m /= 2.0;
            e += 1;
        } else if m.abs() < 0.5 {
            m *= 2.0;
            e -= 1;
        }
        (m, e)
    };
    list(want, out, vec![nv(m), Value::Int(e as i64)])
}

fn m_modf(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 1, "modf(x)")?;
    let x = num_arg(a, 0);
    let i = x.trunc();
    list(want, out, vec![nv(x - i), nv(i)])
}

fn m_nan(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    one(want, out, nv(f64::NAN))
}

// ---------------------------------------------------------------- strto*

fn c_arg(args: &[Elem], i: usize) -> CString {
    let b = args
        .get(i)
        .map(|a| to_bytes(&a.get()).into_owned())
        .unwrap_or_default();
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    CString::new(&b[..end]).unwrap_or_default()
}

fn strtod(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 1, "strtod(str)")?;
    let s = c_arg(a, 0);
    let mut end: *mut libc::c_char = std::ptr::null_mut();
    let v = unsafe { libc::strtod(s.as_ptr(), &mut end) };
    let used = end as usize - s.as_ptr() as usize;
    let left = s.as_bytes().len() - used;
    first(want, out, vec![nv(v), Value::Int(left as i64)])
}

fn strtol(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    if a.is_empty() || a.len() > 2 {
        return Err(it.die_msg("Usage: POSIX::strtol(str, base = 0)"));
    }
    let s = c_arg(a, 0);
    let base = if a.len() > 1 { int_arg(a, 1) } else { 0 };
    let mut end: *mut libc::c_char = std::ptr::null_mut();
    let v = unsafe { libc::strtol(s.as_ptr(), &mut end, base as i32) };
    let used = end as usize - s.as_ptr() as usize;
    let left = s.as_bytes().len() - used;
    first(
        want,
        out,
        vec![Value::Int(v as i64), Value::Int(left as i64)],
    )
}

fn strtoul(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    if a.is_empty() || a.len() > 2 {
        return Err(it.die_msg("Usage: POSIX::strtoul(str, base = 0)"));
    }
    let s = c_arg(a, 0);
    let base = if a.len() > 1 { int_arg(a, 1) } else { 0 };
    let mut end: *mut libc::c_char = std::ptr::null_mut();
    let v = unsafe { libc::strtoul(s.as_ptr(), &mut end, base as i32) };
    let used = end as usize - s.as_ptr() as usize;
    let left = s.as_bytes().len() - used;
    let v = if v as u64 > i64::MAX as u64 {
        Value::UInt(v as u64)
    } else {
        Value::Int(v as i64)
    };
    first(want, out, vec![v, Value::Int(left as i64)])
}

// ---------------------------------------------------------------- time

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The broken-down time from perl's argument list (sec, min, hour, mday,
/// mon, year, wday, yday, isdst) starting at `from`.
fn tm_from_args(a: &[Elem], from: usize, isdst_default: i32) -> libc::tm {
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let f = |i: usize| int_arg(a, from + i) as i32;
    tm.tm_sec = f(0);
    tm.tm_min = f(1);
    tm.tm_hour = f(2);
    tm.tm_mday = f(3);
    tm.tm_mon = f(4);
    tm.tm_year = f(5);
    tm.tm_wday = f(6);
    tm.tm_yday = f(7);
    tm.tm_isdst = if a.len() > from + 8 {
        f(8)
    } else {
        isdst_default
    };
    tm
}

/// Normalises the date fields of `tm` (out-of-range values carry over) and
/// computes the weekday and day of the year, without time zones; a seconds
/// value of 60 (a leap second) is kept.
fn normalize(tm: &mut libc::tm) {
    let mut secs = tm.tm_sec as i64;
    let leap = secs == 60;
    if leap {
        secs = 59;
    }
    let s = secs + 60 * tm.tm_min as i64 + 3600 * tm.tm_hour as i64;
    let day_off = s.div_euclid(86400);
    let s = s.rem_euclid(86400);
    let y = 1900 + tm.tm_year as i64 + (tm.tm_mon as i64).div_euclid(12);
    let m = (tm.tm_mon as i64).rem_euclid(12);
    let days = days_from_civil(y, m + 1, 1) + tm.tm_mday as i64 - 1 + day_off;
    let (yy, mm, dd) = civil_from_days(days);
    tm.tm_year = (yy - 1900) as i32;
    tm.tm_mon = (mm - 1) as i32;
    tm.tm_mday = dd as i32;
    tm.tm_hour = (s / 3600) as i32;
    tm.tm_min = (s / 60 % 60) as i32;
    tm.tm_sec = if leap { 60 } else { (s % 60) as i32 };
    tm.tm_yday = (days - days_from_civil(yy, 1, 1)) as i32;
    tm.tm_wday = (days + 4).rem_euclid(7) as i32;
}

fn strftime(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    if a.len() < 7 || a.len() > 10 {
        return Err(it.die_msg(
            "Usage: POSIX::strftime(fmt, sec, min, hour, mday, mon, year, wday = -1, yday = -1, isdst = -1)",
        ));
    }
    let fmt_v = a[0].get();
    let utf8 = crate::convert::is_utf8(&fmt_v);
    let fmt = to_bytes(&fmt_v).into_owned();
    let mut tm = tm_from_args(a, 1, -1);
    normalize(&mut tm);
    // The zone name and offset come from the C library.
    let mut copy = tm;
    unsafe {
        libc::mktime(&mut copy);
    }
    tm.tm_gmtoff = copy.tm_gmtoff;
    tm.tm_zone = copy.tm_zone;
    let res = c_strftime(&fmt, &tm);
    let wide = utf8 && !res.is_ascii();
    one(want, out, Value::str_from(res, wide))
}

fn c_strftime(fmt: &[u8], tm: &libc::tm) -> Vec<u8> {
    if fmt.is_empty() {
        return Vec::new();
    }
    // A trailing marker tells an empty result from a full buffer.
    let mut f = fmt.to_vec();
    f.retain(|&c| c != 0);
    f.push(b'\x01');
    let cf = CString::new(f).unwrap_or_default();
    let mut size = 256;
    loop {
        let mut buf = vec![0u8; size];
        let n =
            unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, size, cf.as_ptr(), tm) };
        if n > 0 {
            buf.truncate(n - 1);
            return buf;
        }
        if size > 1 << 20 {
            return Vec::new();
        }
        size *= 4;
    }
}

fn mktime(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    if a.len() < 6 || a.len() > 9 {
        return Err(it.die_msg(
            "Usage: POSIX::mktime(sec, min, hour, mday, mon, year, wday = 0, yday = 0, isdst = -1)",
        ));
    }
    let mut tm = tm_from_args(a, 0, -1);
    let t = unsafe { libc::mktime(&mut tm) };
    let v = if t == -1 {
        Value::Undef
    } else if t == 0 {
        Value::from_str("0 but true")
    } else {
        Value::Int(t)
    };
    one(want, out, v)
}

fn difftime(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 2, "difftime(time1, time2)")?;
    one(want, out, nv(num_arg(a, 0) - num_arg(a, 1)))
}

fn cstr_value(p: *const libc::c_char) -> Value {
    if p.is_null() {
        Value::Undef
    } else {
        Value::bytes(unsafe { CStr::from_ptr(p) }.to_bytes())
    }
}

fn ctime(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 1, "ctime(time)")?;
    let t: libc::time_t = int_arg(a, 0);
    let mut buf = [0 as libc::c_char; 64];
    let p = unsafe { libc::ctime_r(&t, buf.as_mut_ptr()) };
    one(want, out, cstr_value(p))
}

fn asctime(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    if a.len() < 6 || a.len() > 9 {
        return Err(it.die_msg(
            "Usage: POSIX::asctime(sec, min, hour, mday, mon, year, wday = 0, yday = 0, isdst = -1)",
        ));
    }
    let tm = tm_from_args(a, 0, -1);
    let mut buf = [0 as libc::c_char; 128];
    let p = unsafe { libc::asctime_r(&tm, buf.as_mut_ptr()) };
    one(want, out, cstr_value(p))
}

fn clock(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let c = unsafe { c_clock() };
    one(want, out, Value::Int(c as i64))
}

fn times(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::times(&mut t) };
    list(
        want,
        out,
        vec![
            Value::Int(r as i64),
            Value::Int(t.tms_utime as i64),
            Value::Int(t.tms_stime as i64),
            Value::Int(t.tms_cutime as i64),
            Value::Int(t.tms_cstime as i64),
        ],
    )
}

fn tzset(_: &mut Interp, _: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    unsafe { c_tzset() };
    Ok(Value::Undef)
}

fn tzname(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let names = unsafe { [c_tzname[0], c_tzname[1]] };
    let vals = names.iter().map(|&p| cstr_value(p)).collect();
    list(want, out, vals)
}

// ---------------------------------------------------------------- process

fn p_exit(it: &mut Interp, a: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    usage(it, a, 1, "_exit(status)")?;
    unsafe { libc::_exit(int_arg(a, 0) as i32) }
}

fn abort(_: &mut Interp, _: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    unsafe { libc::abort() }
}

fn getpid(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    one(want, out, Value::Int(std::process::id() as i64))
}

fn getppid(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    one(want, out, Value::Int(unsafe { libc::getppid() } as i64))
}

fn isatty(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 1, "isatty(filehandle)")?;
    let v = a[0].get();
    let fd = match &v {
        Value::Int(_) | Value::Num(_) => Some(to_i64(&v) as i32),
        Value::Str(s) if !s.bytes.is_empty() && s.bytes.iter().all(u8::is_ascii_digit) => {
            Some(to_i64(&v) as i32)
        }
        _ => it.handle_of(&v).and_then(|h| h.io.borrow().fileno()),
    };
    let r = fd.is_some_and(|fd| unsafe { libc::isatty(fd) } == 1);
    one(want, out, crate::interp::bool_value(r))
}

fn setlocale(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    if a.is_empty() || a.len() > 2 {
        return Err(it.die_msg("Usage: POSIX::setlocale(category, locale = 0)"));
    }
    let cat = int_arg(a, 0) as i32;
    let loc = a.get(1).map(Elem::get).filter(|v| !v.is_undef());
    let r = match loc {
        Some(l) => {
            let c = CString::new(to_bytes(&l).into_owned()).unwrap_or_default();
            unsafe { libc::setlocale(cat, c.as_ptr()) }
        }
        None => unsafe { libc::setlocale(cat, std::ptr::null()) },
    };
    one(want, out, cstr_value(r))
}

fn localeconv(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let h = Hash::new();
    h.set(make_key(b"decimal_point", false), Value::from_str("."));
    one(want, out, Value::HashRef(h))
}

fn strerror(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 1, "strerror(errno)")?;
    let e = int_arg(a, 0) as i32;
    let p = unsafe { libc::strerror(e) };
    one(want, out, cstr_value(p))
}

fn errno(it: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let e = it.errno;
    one(want, out, Value::Int(e as i64))
}

macro_rules! wait_fn {
    ($($name:ident => $u:literal, $f:expr);* $(;)?) => {
        $(fn $name(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
            usage(it, a, 1, $u)?;
            let f: fn(i32) -> i64 = $f;
            one(want, out, Value::Int(f(int_arg(a, 0) as i32)))
        })*
    };
}

wait_fn! {
    wifexited => "WIFEXITED(status)", |s| libc::WIFEXITED(s) as i64;
    wexitstatus => "WEXITSTATUS(status)", |s| libc::WEXITSTATUS(s) as i64;
    wifsignaled => "WIFSIGNALED(status)", |s| libc::WIFSIGNALED(s) as i64;
    wtermsig => "WTERMSIG(status)", |s| libc::WTERMSIG(s) as i64;
    wifstopped => "WIFSTOPPED(status)", |s| libc::WIFSTOPPED(s) as i64;
    wstopsig => "WSTOPSIG(status)", |s| libc::WSTOPSIG(s) as i64;
}

fn uname(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut u) } != 0 {
        return list(want, out, vec![]);
    }
    let f = |p: &[libc::c_char]| cstr_value(p.as_ptr());
    list(
        want,
        out,
        vec![
            f(&u.sysname),
            f(&u.nodename),
            f(&u.release),
            f(&u.version),
            f(&u.machine),
        ],
    )
}

fn getcwd(it: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = match std::env::current_dir() {
        Ok(p) => Value::bytes(p.as_os_str().as_encoded_bytes()),
        Err(e) => {
            it.errno = e.raw_os_error().unwrap_or(0);
            Value::Undef
        }
    };
    one(want, out, v)
}

/// A system call's result as POSIX gives it: -1 is undef, 0 "0 but true".
fn sys_result(it: &mut Interp, r: i64) -> Value {
    if r == -1 {
        it.errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        Value::Undef
    } else if r == 0 {
        Value::from_str("0 but true")
    } else {
        Value::Int(r)
    }
}

fn access(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 2, "access(filename, mode)")?;
    let p = c_arg(a, 0);
    let r = unsafe { libc::access(p.as_ptr(), int_arg(a, 1) as i32) };
    let v = sys_result(it, r as i64);
    one(want, out, v)
}

fn sysconf(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 1, "sysconf(name)")?;
    let r = unsafe { libc::sysconf(int_arg(a, 0) as i32) };
    let v = if r == -1 {
        Value::Undef
    } else {
        Value::Int(r as i64)
    };
    one(want, out, v)
}

fn ttyname(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 1, "ttyname(fd)")?;
    let p = unsafe { libc::ttyname(int_arg(a, 0) as i32) };
    one(want, out, cstr_value(p))
}

fn dup(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 1, "dup(fd)")?;
    let r = unsafe { libc::dup(int_arg(a, 0) as i32) };
    let v = sys_result(it, r as i64);
    one(want, out, v)
}

fn dup2(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 2, "dup2(fd1, fd2)")?;
    let r = unsafe { libc::dup2(int_arg(a, 0) as i32, int_arg(a, 1) as i32) };
    let v = sys_result(it, r as i64);
    one(want, out, v)
}

fn close(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 1, "close(fd)")?;
    let r = unsafe { libc::close(int_arg(a, 0) as i32) };
    let v = sys_result(it, r as i64);
    one(want, out, v)
}

fn setsid(it: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let r = unsafe { libc::setsid() };
    let v = sys_result(it, r as i64);
    one(want, out, v)
}

fn pause(it: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let r = unsafe { libc::pause() };
    let v = sys_result(it, r as i64);
    one(want, out, v)
}

fn nice(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    usage(it, a, 1, "nice(incr)")?;
    let r = unsafe { libc::nice(int_arg(a, 0) as i32) };
    let v = sys_result(it, r as i64);
    one(want, out, v)
}

fn ctermid(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    one(want, out, Value::from_str("/dev/tty"))
}

fn cuserid(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let p = unsafe { libc::getlogin() };
    one(want, out, cstr_value(p))
}

// ---------------------------------------------------------------- Time::HiRes

fn now() -> (i64, i64) {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    (d.as_secs() as i64, d.subsec_micros() as i64)
}

fn hires_time(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    one(want, out, nv(d.as_secs_f64()))
}

fn gettimeofday(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let (s, us) = now();
    if want == Want::List {
        out.push(Value::Int(s));
        out.push(Value::Int(us));
        return Ok(Value::Undef);
    }
    Ok(nv(s as f64 + us as f64 / 1e6))
}

fn sleep_for(secs: f64) -> f64 {
    let start = std::time::Instant::now();
    if secs > 0.0 && secs.is_finite() {
        std::thread::sleep(std::time::Duration::from_secs_f64(secs));
    }
    start.elapsed().as_secs_f64()
}

fn fmt_num(f: f64) -> String {
    let mut b = Vec::new();
    crate::numeric::format_float(f, &mut b);
    String::from_utf8_lossy(&b).into_owned()
}

fn negative(it: &mut Interp, what: &str, v: f64) -> Flow {
    it.die_msg(format!(
        "Time::HiRes::{what}({}): negative time not invented yet",
        fmt_num(v)
    ))
}

fn hires_sleep(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    if a.is_empty() {
        // Sleeps until a signal arrives.
        let start = std::time::Instant::now();
        unsafe { libc::pause() };
        return one(want, out, nv(start.elapsed().as_secs_f64()));
    }
    let s = num_arg(a, 0);
    if s < 0.0 {
        return Err(negative(it, "sleep", s));
    }
    one(want, out, nv(sleep_for(s)))
}

fn hires_usleep(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let us = num_arg(a, 0);
    if us < 0.0 {
        return Err(negative(it, "usleep", us));
    }
    one(want, out, nv((sleep_for(us / 1e6) * 1e6).floor()))
}

fn hires_nanosleep(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let ns = num_arg(a, 0);
    if ns < 0.0 {
        return Err(negative(it, "nanosleep", ns));
    }
    one(want, out, nv((sleep_for(ns / 1e9) * 1e9).floor()))
}

fn clock_id(a: &[Elem]) -> libc::clockid_t {
    if a.is_empty() {
        libc::CLOCK_REALTIME
    } else {
        int_arg(a, 0) as libc::clockid_t
    }
}

fn clock_gettime(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::clock_gettime(clock_id(a), &mut ts) };
    let v = if r == 0 {
        nv(ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9)
    } else {
        nv(-1.0)
    };
    one(want, out, v)
}

fn clock_getres(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::clock_getres(clock_id(a), &mut ts) };
    let v = if r == 0 {
        nv(ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9)
    } else {
        nv(-1.0)
    };
    one(want, out, v)
}

fn hires_clock(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let c = unsafe { c_clock() };
    one(want, out, nv(c as f64 / 1e6))
}

fn timeval(f: f64) -> libc::timeval {
    libc::timeval {
        tv_sec: f.trunc() as libc::time_t,
        tv_usec: ((f - f.trunc()) * 1e6) as libc::suseconds_t,
    }
}

fn set_timer(secs: f64, interval: f64) -> f64 {
    let new = libc::itimerval {
        it_interval: timeval(interval),
        it_value: timeval(secs),
    };
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    unsafe { libc::setitimer(libc::ITIMER_REAL, &new, &mut old) };
    old.it_value.tv_sec as f64 + old.it_value.tv_usec as f64 / 1e6
}

fn hires_alarm(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let left = set_timer(num_arg(a, 0), num_arg(a, 1));
    one(want, out, nv(left))
}

fn hires_ualarm(_: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let left = set_timer(num_arg(a, 0) / 1e6, num_arg(a, 1) / 1e6);
    one(want, out, Value::Int((left * 1e6).round() as i64))
}
