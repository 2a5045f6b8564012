//! The XS half of `Storable`: perl's Storable.pm loads from disk (for its
//! export lists and the `store`/`retrieve`/`freeze`/`thaw` wrappers) and
//! `XSLoader::load` finds `bootstrap` here. `dclone` copies in place; the
//! serialised form (`freeze`, `store`) is psh's own: what psh writes psh
//! reads back, but it is not perl's Storable byte format.

use std::collections::HashMap;
use std::rc::Rc;

use crate::convert::to_bytes;
use crate::interp::{Flow, Interp, Want};
use crate::value::*;

type R = Result<Value, Flow>;

pub const SUBS: &[(&str, NativeFn)] = &[
    ("Storable::bootstrap", crate::native::noop),
    ("Storable::init_perinterp", crate::native::noop),
    ("Storable::dclone", dclone),
    ("Storable::mstore", mstore),
    ("Storable::net_mstore", net_mstore),
    ("Storable::mretrieve", mretrieve),
    ("Storable::pstore", pstore),
    ("Storable::net_pstore", net_pstore),
    ("Storable::pretrieve", pretrieve),
    ("Storable::last_op_in_netorder", last_op_in_netorder),
    ("Storable::is_storing", noop_false),
    ("Storable::is_retrieving", noop_false),
    ("Storable::stack_depth", stack_depth),
    ("Storable::stack_depth_hash", stack_depth_hash),
];

const MAGIC: &[u8] = b"pst0psh1";

thread_local! {
    static NETORDER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn noop_false(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    crate::listutil::one_value(want, out, crate::interp::bool_value(false))
}

fn last_op_in_netorder(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let n = NETORDER.with(|c| c.get());
    crate::listutil::one_value(want, out, crate::interp::bool_value(n))
}

fn stack_depth(it: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = it
        .glob_opt("Storable::recursion_limit")
        .map(|g| g.sv().get())
        .unwrap_or_default();
    crate::listutil::one_value(want, out, v)
}

fn stack_depth_hash(it: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = it
        .glob_opt("Storable::recursion_limit_hash")
        .map(|g| g.sv().get())
        .unwrap_or_default();
    crate::listutil::one_value(want, out, v)
}

fn cant_store(it: &mut Interp, what: &str) -> Flow {
    it.die_msg(format!("Can't store {what} items"))
}

// ---------------------------------------------------------------- dclone

struct Cloner {
    seen: HashMap<usize, Value>,
}

impl Cloner {
    fn value(&mut self, it: &mut Interp, v: &Value) -> R {
        Ok(match v {
            Value::ScalarRef(_)
            | Value::ArrayRef(_)
            | Value::HashRef(_)
            | Value::CodeRef(_)
            | Value::GlobRef(_) => self.reference(it, v)?,
            Value::Glob(_) => return Err(cant_store(it, "GLOB")),
            other => other.clone(),
        })
    }

    fn reference(&mut self, it: &mut Interp, v: &Value) -> R {
        let addr = v.ref_addr().unwrap_or(0);
        if let Some(done) = self.seen.get(&addr) {
            return Ok(done.clone());
        }
        let class = v.blessed();
        let new = match v {
            Value::ArrayRef(a) => {
                let na = Array::new();
                let nv = Value::ArrayRef(na.clone());
                self.seen.insert(addr, nv.clone());
                let items = items_with_weakness(a);
                let mut copied = Vec::with_capacity(items.len());
                for (x, _) in &items {
                    copied.push(self.value(it, x)?);
                }
                na.assign(copied);
                for (i, _) in items.iter().enumerate().filter(|(_, (_, w))| *w) {
                    weaken_index(&na, i);
                }
                if let Some(c) = class {
                    na.bless(c);
                }
                nv
            }
            Value::HashRef(h) => {
                let nh = Hash::new();
                let nv = Value::HashRef(nh.clone());
                self.seen.insert(addr, nv.clone());
                for (k, x, weak) in pairs_with_weakness(h) {
                    let c = self.value(it, &x)?;
                    nh.set(k.clone(), c);
                    if weak {
                        nh.elem_container(k).set_weak(true);
                    }
                }
                if let Some(c) = class {
                    nh.bless(c);
                }
                nv
            }
            Value::ScalarRef(s) => {
                let ns = Scalar::new(Value::Undef);
                let nv = Value::ScalarRef(ns.clone());
                self.seen.insert(addr, nv.clone());
                let inner = s.get();
                let c = self.value(it, &inner)?;
                ns.set(c);
                if let Some(c) = class {
                    ns.bless(c);
                }
                nv
            }
            Value::CodeRef(_) => return Err(cant_store(it, "CODE")),
            _ => return Err(cant_store(it, "GLOB")),
        };
        Ok(new)
    }
}

// Copies keep weakened references weak, as Storable's do: the contents
// are read with each slot's weakness, and the copy's slots weakened after.

fn items_with_weakness(a: &Av) -> Vec<(Value, bool)> {
    a.with(|v| v.iter().map(|e| (e.get(), e.is_weak())).collect())
}

fn pairs_with_weakness(h: &Hv) -> Vec<(Key, Value, bool)> {
    h.with(|m| {
        m.iter()
            .map(|(k, e)| (k.clone(), e.get(), e.is_weak()))
            .collect()
    })
}

fn weaken_index(a: &Av, i: usize) {
    if let Some(sv) = a.elem_container(i as i64) {
        sv.set_weak(true);
    }
}

fn dclone(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = args.first().map(Elem::get).unwrap_or_default();
    if !v.is_ref() {
        return Err(it.die_msg("Not a reference"));
    }
    let mut c = Cloner {
        seen: HashMap::new(),
    };
    let r = c.value(it, &v)?;
    crate::listutil::one_value(want, out, r)
}

// ---------------------------------------------------------------- freeze

struct Writer {
    buf: Vec<u8>,
    seen: HashMap<usize, u32>,
    next: u32,
}

impl Writer {
    fn len(&mut self, n: usize) {
        self.buf.extend_from_slice(&(n as u32).to_le_bytes());
    }

    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.buf.extend_from_slice(b);
    }

    fn class(&mut self, c: Option<Rc<str>>) {
        match c {
            Some(c) => {
                self.buf.push(1);
                self.bytes(c.as_bytes());
            }
            None => self.buf.push(0),
        }
    }

    /// An array element or hash value; `w` marks a weakened reference.
    fn item(&mut self, it: &mut Interp, v: &Value, weak: bool) -> Result<(), Flow> {
        if weak {
            self.buf.push(b'w');
        }
        self.value(it, v)
    }

    fn value(&mut self, it: &mut Interp, v: &Value) -> Result<(), Flow> {
        match v {
            Value::Undef => self.buf.push(b'U'),
            Value::Int(i) => {
                self.buf.push(b'I');
                self.buf.extend_from_slice(&i.to_le_bytes());
            }
            Value::UInt(u) => {
                self.buf.push(b'W');
                self.buf.extend_from_slice(&u.to_le_bytes());
            }
            Value::Num(n) => {
                self.buf.push(b'N');
                self.buf.extend_from_slice(&n.to_le_bytes());
            }
            Value::Str(s) => {
                self.buf.push(if s.utf8 { b'T' } else { b'S' });
                self.bytes(&s.bytes);
            }
            Value::Regex(q) => {
                self.buf.push(b'S');
                self.bytes(&q.stringified.bytes);
            }
            Value::CodeRef(_) => return Err(cant_store(it, "CODE")),
            Value::Glob(_) | Value::GlobRef(_) => return Err(cant_store(it, "GLOB")),
            _ => {
                let addr = v.ref_addr().unwrap_or(0);
                if let Some(&i) = self.seen.get(&addr) {
                    self.buf.push(b'P');
                    self.len(i as usize);
                    return Ok(());
                }
                self.seen.insert(addr, self.next);
                self.next += 1;
                match v {
                    Value::ArrayRef(a) => {
                        self.buf.push(b'A');
                        self.class(a.blessed());
                        let items = items_with_weakness(a);
                        self.len(items.len());
                        for (x, weak) in &items {
                            self.item(it, x, *weak)?;
                        }
                    }
                    Value::HashRef(h) => {
                        self.buf.push(b'H');
                        self.class(h.blessed());
                        let mut pairs = pairs_with_weakness(h);
                        pairs.sort_by(|a, b| a.0 .0.bytes.cmp(&b.0 .0.bytes));
                        self.len(pairs.len());
                        for (k, x, weak) in pairs {
                            self.buf.push(k.0.utf8 as u8);
                            self.bytes(&k.0.bytes);
                            self.item(it, &x, weak)?;
                        }
                    }
                    Value::ScalarRef(s) => {
                        self.buf.push(b'R');
                        self.class(s.blessed());
                        let inner = s.get();
                        self.value(it, &inner)?;
                    }
                    _ => return Err(cant_store(it, "GLOB")),
                }
            }
        }
        Ok(())
    }
}

fn freeze_value(it: &mut Interp, v: &Value, net: bool) -> Result<Vec<u8>, Flow> {
    let mut w = Writer {
        buf: MAGIC.to_vec(),
        seen: HashMap::new(),
        next: 0,
    };
    w.buf.push(net as u8);
    w.value(it, v)?;
    NETORDER.with(|c| c.set(net));
    Ok(w.buf)
}

fn mstore(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = args.first().map(Elem::get).unwrap_or_default();
    let b = freeze_value(it, &v, false)?;
    crate::listutil::one_value(want, out, Value::str_from(b, false))
}

fn net_mstore(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = args.first().map(Elem::get).unwrap_or_default();
    let b = freeze_value(it, &v, true)?;
    crate::listutil::one_value(want, out, Value::str_from(b, false))
}

fn store_to(it: &mut Interp, args: &[Elem], net: bool) -> R {
    let fh = args.first().map(Elem::get).unwrap_or_default();
    let v = args.get(1).map(Elem::get).unwrap_or_default();
    let b = freeze_value(it, &v, net)?;
    let Some(h) = it.handle_of(&fh) else {
        return Err(it.die_msg("Not a valid file handle"));
    };
    let buf = PStr {
        bytes: b,
        utf8: false,
    };
    it.write_to(&h, &buf, crate::ast::PrintKind::Print);
    Ok(Value::Int(1))
}

fn pstore(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let r = store_to(it, args, false)?;
    crate::listutil::one_value(want, out, r)
}

fn net_pstore(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let r = store_to(it, args, true)?;
    crate::listutil::one_value(want, out, r)
}

// ---------------------------------------------------------------- thaw

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
    seen: Vec<Value>,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.pos..self.pos + n)?;
        self.pos += n;
        Some(s)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1).map(|s| s[0])
    }

    fn len(&mut self) -> Option<usize> {
        let s = self.take(4)?;
        Some(u32::from_le_bytes(s.try_into().ok()?) as usize)
    }

    fn bytes(&mut self) -> Option<Vec<u8>> {
        let n = self.len()?;
        self.take(n).map(<[u8]>::to_vec)
    }

    fn eight(&mut self) -> Option<[u8; 8]> {
        self.take(8)?.try_into().ok()
    }

    fn class(&mut self) -> Option<Option<Rc<str>>> {
        Some(match self.byte()? {
            0 => None,
            _ => Some(Rc::from(String::from_utf8_lossy(&self.bytes()?).as_ref())),
        })
    }

    /// An array element or hash value and whether it was weak.
    fn item(&mut self) -> Option<(Value, bool)> {
        let weak = self.b.get(self.pos) == Some(&b'w');
        if weak {
            self.pos += 1;
        }
        Some((self.value()?, weak))
    }

    fn value(&mut self) -> Option<Value> {
        Some(match self.byte()? {
            b'U' => Value::Undef,
            b'I' => Value::Int(i64::from_le_bytes(self.eight()?)),
            b'W' => Value::UInt(u64::from_le_bytes(self.eight()?)),
            b'N' => Value::Num(f64::from_le_bytes(self.eight()?)),
            b'S' => Value::str_from(self.bytes()?, false),
            b'T' => Value::str_from(self.bytes()?, true),
            b'P' => {
                let i = self.len()?;
                self.seen.get(i)?.clone()
            }
            b'A' => {
                let class = self.class()?;
                let a = Array::new();
                self.seen.push(Value::ArrayRef(a.clone()));
                let n = self.len()?;
                let mut items = Vec::with_capacity(n.min(1 << 16));
                let mut weak = Vec::new();
                for i in 0..n {
                    let (v, w) = self.item()?;
                    items.push(v);
                    if w {
                        weak.push(i);
                    }
                }
                a.assign(items);
                for i in weak {
                    weaken_index(&a, i);
                }
                if let Some(c) = class {
                    a.bless(c);
                }
                Value::ArrayRef(a)
            }
            b'H' => {
                let class = self.class()?;
                let h = Hash::new();
                self.seen.push(Value::HashRef(h.clone()));
                let n = self.len()?;
                for _ in 0..n {
                    let utf8 = self.byte()? != 0;
                    let k = make_key(&self.bytes()?, utf8);
                    let (v, weak) = self.item()?;
                    h.set(k.clone(), v);
                    if weak {
                        h.elem_container(k).set_weak(true);
                    }
                }
                if let Some(c) = class {
                    h.bless(c);
                }
                Value::HashRef(h)
            }
            b'R' => {
                let class = self.class()?;
                let s = Scalar::new(Value::Undef);
                self.seen.push(Value::ScalarRef(s.clone()));
                let v = self.value()?;
                s.set(v);
                if let Some(c) = class {
                    s.bless(c);
                }
                Value::ScalarRef(s)
            }
            _ => return None,
        })
    }
}

fn thaw_bytes(it: &mut Interp, b: &[u8]) -> R {
    let Some(rest) = b.strip_prefix(MAGIC) else {
        return Err(it.die_msg("Magic number checking on storable string failed"));
    };
    let net = rest.first().copied().unwrap_or(0) != 0;
    NETORDER.with(|c| c.set(net));
    let mut r = Reader {
        b: rest,
        pos: 1,
        seen: Vec::new(),
    };
    match r.value() {
        Some(v) => Ok(v),
        None => Err(it.die_msg("Corrupted storable string (binary v2.12)")),
    }
}

fn mretrieve(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let v = args.first().map(Elem::get).unwrap_or_default();
    let b = to_bytes(&v).into_owned();
    let r = thaw_bytes(it, &b)?;
    crate::listutil::one_value(want, out, r)
}

fn pretrieve(it: &mut Interp, args: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let fh = args.first().map(Elem::get).unwrap_or_default();
    let Some(h) = it.handle_of(&fh) else {
        return Err(it.die_msg("Not a valid file handle"));
    };
    let data =
        h.io.borrow_mut()
            .read_record(&crate::io::Sep::Slurp)
            .unwrap_or_default();
    let r = thaw_bytes(it, &data)?;
    crate::listutil::one_value(want, out, r)
}
