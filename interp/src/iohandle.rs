//! The common `IO::Handle` methods on filehandles (`$fh->print`,
//! `STDOUT->autoflush`, `$fh->getline`…), built in: perl's IO::Handle is
//! XS-backed. `IO::File` inherits them.

use std::rc::Rc;

use crate::ast::well_known as wk;
use crate::ast::PrintKind;
use crate::convert::to_bytes;
use crate::interp::{Flow, Interp, Want};
use crate::io::Handle;
use crate::value::*;

type R = Result<Value, Flow>;

pub const SUBS: &[(&str, NativeFn)] = &[
    ("IO::Handle::print", print),
    ("IO::Handle::printf", printf),
    ("IO::Handle::say", say),
    ("IO::Handle::autoflush", autoflush),
    ("IO::Handle::close", close),
    ("IO::Handle::getline", getline),
    ("IO::Handle::getlines", getlines),
    ("IO::Handle::eof", eof),
    ("IO::Handle::fileno", fileno),
    ("IO::Handle::opened", opened),
    ("IO::Handle::binmode", binmode),
    ("IO::Handle::flush", flush),
    ("IO::Handle::printflush", print),
    ("IO::Handle::getc", getc),
    ("IO::Handle::ungetc", ungetc),
    ("PerlIO::get_layers", get_layers),
    ("PerlIO::Layer::find", layer_find),
    ("IO::Handle::input_line_number", input_line_number),
    ("IO::Handle::format_name", format_name),
    ("IO::Handle::format_top_name", format_top_name),
    ("IO::Handle::format_lines_per_page", format_lines_per_page),
    ("IO::Handle::format_lines_left", format_lines_left),
    ("IO::Handle::format_page_number", format_page_number),
];

/// The per-handle format variables (`$~ $^ $= $- $%`) as methods.
macro_rules! format_methods {
    ($($name:ident => $idx:expr),* $(,)?) => {
        $(fn $name(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
            let vals: Vec<Value> = args.iter().map(Elem::get).collect();
            let v = it.handle_format_var(&vals, $idx)?;
            crate::listutil::one_value(want, out, v)
        })*
    };
}

format_methods!(format_name => 0, format_top_name => 1, format_lines_per_page => 2,
    format_lines_left => 3, format_page_number => 4);

fn handle(it: &mut Interp, args: &[Elem]) -> Option<Rc<Handle>> {
    let v = args.first()?.get();
    it.handle_of(&v)
}

fn write(it: &mut Interp, args: &[Elem], buf: PStr, kind: PrintKind) -> R {
    match handle(it, args) {
        Some(h) if h.io.borrow().writable_open() => {
            Ok(Value::Int(it.write_to(&h, &buf, kind) as i64))
        }
        _ => {
            it.errno = libc::EBADF;
            Ok(Value::Undef)
        }
    }
}

fn joined(it: &mut Interp, vals: &[Value], ors: bool) -> PStr {
    let ofs = it.gv(wk::OFS).sv().get();
    let mut buf = PStr {
        bytes: Vec::new(),
        utf8: false,
    };
    for (i, v) in vals.iter().enumerate() {
        if i > 0 && !ofs.is_undef() {
            crate::convert::concat_into(&mut buf, &to_bytes(&ofs), crate::convert::is_utf8(&ofs));
        }
        crate::convert::concat_into(&mut buf, &to_bytes(v), crate::convert::is_utf8(v));
    }
    if ors {
        let ors = it.gv(wk::ORS).sv().get();
        if !ors.is_undef() {
            crate::convert::concat_into(&mut buf, &to_bytes(&ors), crate::convert::is_utf8(&ors));
        }
    }
    buf
}

fn rest(it: &mut Interp, args: &[Elem]) -> Result<Vec<Value>, Flow> {
    let mut vals: Vec<Value> = args.iter().skip(1).map(Elem::get).collect();
    it.stringify_overloaded(&mut vals)?;
    Ok(vals)
}

fn print(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = print_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn print_value(it: &mut Interp, args: &[Elem]) -> R {
    let vals = rest(it, args)?;
    let buf = joined(it, &vals, true);
    write(it, args, buf, PrintKind::Print)
}

fn say(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = say_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn say_value(it: &mut Interp, args: &[Elem]) -> R {
    let vals = rest(it, args)?;
    let mut buf = joined(it, &vals, false);
    buf.bytes.push(b'\n');
    write(it, args, buf, PrintKind::Say)
}

fn printf(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = printf_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn printf_value(it: &mut Interp, args: &[Elem]) -> R {
    let vals = rest(it, args)?;
    let Some((fmt, vals)) = vals.split_first() else {
        return write(
            it,
            args,
            PStr {
                bytes: Vec::new(),
                utf8: false,
            },
            PrintKind::Printf,
        );
    };
    let buf = it.sprintf_values(fmt, vals, "printf", &[])?;
    write(it, args, buf, PrintKind::Printf)
}

fn autoflush(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = autoflush_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn autoflush_value(it: &mut Interp, args: &[Elem]) -> R {
    let on = args.get(1).is_none_or(|a| a.get().truthy());
    let Some(h) = handle(it, args) else {
        return Ok(Value::Undef);
    };
    let old = {
        let mut io = h.io.borrow_mut();
        let old = io.autoflush;
        io.autoflush = on;
        if on {
            io.flush();
        }
        old
    };
    if it.selected.io().is_some_and(|s| Rc::ptr_eq(&s, &h)) {
        it.gv(wk::AUTOFLUSH).sv().set(Value::Int(on as i64));
    }
    Ok(Value::Int(old as i64))
}

fn close(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = close_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn close_value(it: &mut Interp, args: &[Elem]) -> R {
    let Some(h) = handle(it, args) else {
        it.errno = libc::EBADF;
        return Ok(Value::Int(0));
    };
    let ok = h.io.borrow_mut().close();
    if !ok {
        it.errno = libc::EBADF;
    }
    Ok(Value::Int(ok as i64))
}

fn name_of(args: &[Elem]) -> Rc<str> {
    match args.first().map(Elem::get) {
        Some(Value::Glob(g) | Value::GlobRef(g)) => {
            let n = g.name.to_string();
            Rc::from(n.strip_prefix("main::").unwrap_or(&n))
        }
        Some(v) => Rc::from(String::from_utf8_lossy(&to_bytes(&v)).as_ref()),
        None => Rc::from(""),
    }
}

fn getline(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = getline_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn getline_value(it: &mut Interp, args: &[Elem]) -> R {
    let Some(h) = handle(it, args) else {
        return Ok(Value::Undef);
    };
    if !h.io.borrow().readable_open() {
        return Ok(Value::Undef);
    }
    let v = it.read_one(&h);
    it.last_read = Some((h, name_of(args)));
    Ok(v.unwrap_or_default())
}

fn getlines(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let Some(h) = handle(it, args) else {
        return Ok(Value::Undef);
    };
    let mut n = 0;
    if h.io.borrow().readable_open() {
        while let Some(v) = it.read_one(&h) {
            n += 1;
            if want == Want::List {
                out.push(v);
            }
        }
        it.last_read = Some((h, name_of(args)));
    }
    Ok(Value::Int(n))
}

fn eof(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = eof_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn eof_value(it: &mut Interp, args: &[Elem]) -> R {
    let e = handle(it, args).is_none_or(|h| h.io.borrow_mut().eof());
    Ok(if e { Value::Int(1) } else { Value::bytes(b"") })
}

fn fileno(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = fileno_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn fileno_value(it: &mut Interp, args: &[Elem]) -> R {
    Ok(
        match handle(it, args).and_then(|h| h.io.borrow().fileno()) {
            Some(n) => Value::Int(n as i64),
            None => Value::Undef,
        },
    )
}

fn opened(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = opened_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn opened_value(it: &mut Interp, args: &[Elem]) -> R {
    let o = handle(it, args).is_some_and(|h| h.io.borrow().is_open());
    Ok(if o { Value::Int(1) } else { Value::bytes(b"") })
}

fn binmode(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = binmode_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn binmode_value(it: &mut Interp, args: &[Elem]) -> R {
    let Some(h) = handle(it, args) else {
        return Ok(Value::Undef);
    };
    let layer = args
        .get(1)
        .map(|a| to_bytes(&a.get()).into_owned())
        .unwrap_or_else(|| b":raw".to_vec());
    let ok = h.io.borrow_mut().apply_layers(&layer);
    Ok(if ok { Value::Int(1) } else { Value::Undef })
}

fn flush(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = flush_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn flush_value(it: &mut Interp, args: &[Elem]) -> R {
    let Some(h) = handle(it, args) else {
        return Ok(Value::Undef);
    };
    let ok = h.io.borrow_mut().flush();
    Ok(if ok { Value::Int(1) } else { Value::Undef })
}

fn getc(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = getc_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn getc_value(it: &mut Interp, args: &[Elem]) -> R {
    let Some(h) = handle(it, args) else {
        return Ok(Value::Undef);
    };
    let c = h.io.borrow_mut().getc();
    Ok(match c {
        Some(b) => Value::str_from(vec![b], false),
        None => Value::Undef,
    })
}

fn ungetc(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = ungetc_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

/// `$fh->ungetc(ORD)`: the byte goes back in front of what is unread.
fn ungetc_value(it: &mut Interp, args: &[Elem]) -> R {
    let Some(h) = handle(it, args) else {
        return Ok(Value::Undef);
    };
    let ord = args.get(1).map_or(Value::Undef, Elem::get);
    let n = crate::convert::to_i64(&ord);
    h.io.borrow_mut().ungetc(n as u8);
    Ok(Value::Int(n))
}

/// `PerlIO::get_layers(FH)`: the names of the handle's layers.
fn get_layers(it: &mut Interp, args: &[Elem], _want: Want, out: &mut Vec<Value>) -> R {
    if let Some(h) = handle(it, args) {
        let io = h.io.borrow();
        out.extend(
            io.layer_list()
                .into_iter()
                .map(|l| Value::bytes(l.as_bytes())),
        );
    }
    Ok(Value::Undef)
}

/// `PerlIO::Layer->find(NAME)`: an object for a layer psh has, else undef.
fn layer_find(_it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let name = crate::native::arg_string(args, 1);
    let v = if crate::io::LAYERS.contains(&name.as_str()) {
        let sv = Scalar::new(Value::string(name));
        sv.bless(Rc::from("PerlIO::Layer"));
        Value::ScalarRef(sv)
    } else {
        Value::Undef
    };
    crate::listutil::one_value(want, out, v)
}

fn input_line_number(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = input_line_number_value(it, args)?;
    crate::listutil::one_value(want, out, v)
}

fn input_line_number_value(it: &mut Interp, args: &[Elem]) -> R {
    let Some(h) = handle(it, args) else {
        return Ok(Value::Undef);
    };
    let n = h.io.borrow().lines;
    Ok(Value::Int(n))
}
