//! The XS half of `Cwd`: perl's Cwd.pm loads from disk (its exports and
//! the pure-Perl helpers) and finds `getcwd`, `fastcwd` and `abs_path`
//! already defined here, so it skips `XSLoader::load`.

use crate::interp::{Flow, Interp, Want};
use crate::native::arg_string;
use crate::value::*;

type R = Result<Value, Flow>;

pub const SUBS: &[(&str, NativeFn)] = &[
    ("Cwd::bootstrap", crate::native::noop),
    ("Cwd::getcwd", getcwd),
    ("Cwd::fastcwd", getcwd),
    ("Cwd::abs_path", abs_path),
];

fn getcwd(it: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = match std::env::current_dir() {
        Ok(p) => path_value(&p),
        Err(e) => {
            it.errno = e.raw_os_error().unwrap_or(0);
            Value::Undef
        }
    };
    crate::listutil::one_value(want, out, v)
}

/// `abs_path(PATH)` (default "."): the path with `.`, `..` and symbolic
/// links resolved. As perl's, the last component need not exist, but the
/// directory holding it must.
fn abs_path(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let path = if args.is_empty() {
        ".".to_string()
    } else {
        arg_string(args, 0)
    };
    let p = std::path::Path::new(&path);
    let resolved = std::fs::canonicalize(p).or_else(|e| {
        // A missing last component is kept as written, after its
        // resolved parent.
        match (p.parent(), p.file_name()) {
            (Some(dir), Some(name)) if e.kind() == std::io::ErrorKind::NotFound => {
                let dir = if dir.as_os_str().is_empty() {
                    std::path::Path::new(".")
                } else {
                    dir
                };
                std::fs::canonicalize(dir).map(|d| d.join(name))
            }
            _ => Err(e),
        }
    });
    let v = match resolved {
        Ok(r) => path_value(&r),
        Err(e) => {
            it.errno = e.raw_os_error().unwrap_or(0);
            Value::Undef
        }
    };
    crate::listutil::one_value(want, out, v)
}

fn path_value(p: &std::path::Path) -> Value {
    use std::os::unix::ffi::OsStrExt;
    Value::bytes(p.as_os_str().as_bytes())
}
