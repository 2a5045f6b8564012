//! The XS half of `Data::Dumper`. perl's `Dump` uses the C implementation
//! (`Dumpxs`); psh runs the module's pure-Perl one (`Dumpperl`) instead,
//! with the `_vstring` helper below making its output match the C one
//! where the two differ: the C code writes integers bare (quoting those of
//! more than 10 characters) and quotes strings and floats even when they
//! look like small integers.

use crate::convert::to_bytes;
use crate::interp::{Flow, Interp, Want};
use crate::value::*;

type R = Result<Value, Flow>;

pub const SUBS: &[(&str, NativeFn)] = &[
    ("Data::Dumper::bootstrap", bootstrap),
    ("Data::Dumper::Dumpxs", dumpxs),
    ("Data::Dumper::_vstring", vstring),
];

fn bootstrap(_: &mut Interp, _: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    Ok(Value::Undef)
}

fn dumpxs(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let Some(cv) = it.find_sub("Data::Dumper::Dumpperl") else {
        return Err(it.die_msg("Undefined subroutine &Data::Dumper::Dumpperl called"));
    };
    it.call_sub(&cv, args.to_vec(), want, out)
}

/// perl's "safe decimal number": `/^(?:0|-?[1-9][0-9]{0,8})\z/`.
fn safe_decimal(b: &[u8]) -> bool {
    if b == b"0" {
        return true;
    }
    let d = b.strip_prefix(b"-").unwrap_or(b);
    !d.is_empty() && d.len() <= 9 && d[0] != b'0' && d.iter().all(u8::is_ascii_digit)
}

fn vstring(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = args.first().map(Elem::get).unwrap_or_default();
    // `_dump($val, "")` dumps a hash key: the Perl code quotes those itself.
    let is_key = it.args.len() == 3 && to_bytes(&it.args.get(2)).is_empty();
    let r = match &v {
        _ if is_key => Value::Undef,
        Value::Int(_) | Value::UInt(_) => {
            let s = to_bytes(&v).into_owned();
            if s.len() > 10 {
                let mut q = b"'".to_vec();
                q.extend_from_slice(&s);
                q.push(b'\'');
                Value::str_from(q, false)
            } else {
                Value::str_from(s, false)
            }
        }
        Value::Str(_) | Value::Num(_) => {
            let useqq = it
                .glob_opt("Data::Dumper::Useqq")
                .is_some_and(|g| g.sv().get().truthy());
            let s = to_bytes(&v).into_owned();
            if !useqq && safe_decimal(&s) {
                let mut q = b"'".to_vec();
                q.extend_from_slice(&s);
                q.push(b'\'');
                Value::str_from(q, false)
            } else {
                Value::Undef
            }
        }
        _ => Value::Undef,
    };
    crate::listutil::one_value(want, out, r)
}
