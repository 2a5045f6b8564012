//! Runtime values and the containers that hold them.
//!
//! Perl distinguishes values (what an expression yields) from containers
//! (what a variable, an array element or a referent is). A container can be
//! shared: `\$x`, `foreach` aliasing, `@_` aliasing and closures all hold the
//! same container. psh mirrors that:
//!
//! - `Value` is a 16-byte immediate: undef, integer, float, string (shared,
//!   copy-on-write), or a reference. Copying a value never copies string bytes.
//! - `Sv` (`Rc<Scalar>`) is a scalar container. Pads hold one per `my $x`.
//! - `Av`/`Hv` are arrays and hashes. Their elements are `Elem`s: a plain value
//!   until something needs the element's container (an alias or a reference),
//!   at which point the slot is promoted to an `Sv` once and stays so. Arrays
//!   of numbers therefore cost 16 bytes an element and no allocation, while
//!   aliasing semantics stay exact.
//!
//! Interior mutability uses `UnsafeCell`: the interpreter is single-threaded
//! and every accessor here finishes before any Perl code can run (DESTROY is
//! deferred to statement boundaries, see `destroy`), so no borrow can be
//! observed twice. Parallel workers never share these types; they receive
//! copies (see docs/architecture.md).

use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;
use std::cell::{Cell, UnsafeCell};
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

use crate::ast::SubBody;

/// A Perl string: bytes plus perl's UTF-8 flag. When `utf8` is false every
/// byte is one character (Latin-1); when true, `bytes` is UTF-8.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct PStr {
    pub bytes: Vec<u8>,
    pub utf8: bool,
}

impl PStr {
    pub fn new(bytes: Vec<u8>, utf8: bool) -> PStr {
        PStr { bytes, utf8 }
    }
    /// Number of characters.
    pub fn char_len(&self) -> usize {
        if self.utf8 {
            utf8_char_count(&self.bytes)
        } else {
            self.bytes.len()
        }
    }
}

impl fmt::Debug for PStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(&self.bytes))
    }
}

pub fn utf8_char_count(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (c & 0xC0) != 0x80).count()
}

/// A scalar value.
///
/// The tag is a full word: with a one-byte tag, `Result<Value, Flow>` keeps
/// the `Flow` in the padding after it, and every move of a result then
/// copies that padding piecewise and reads it back whole, stalling store
/// forwarding in every operator.
#[derive(Default)]
#[repr(u64)]
pub enum Value {
    #[default]
    Undef,
    Int(i64),
    /// Integers above `i64::MAX` (perl's UV), e.g. `~0`.
    UInt(u64),
    Num(f64),
    Str(Rc<PStr>),
    ScalarRef(Sv),
    ArrayRef(Av),
    HashRef(Hv),
    CodeRef(Cv),
    GlobRef(Gv),
    /// A typeglob as a value (`*STDOUT`, `my $fh = *FH`).
    Glob(Gv),
    /// A compiled regex (`qr//`), itself a reference to a blessed scalar of
    /// class `Regexp` in perl.
    Regex(Rc<QrValue>),
    /// A weakened reference (`Scalar::Util::weaken`). It lives only inside
    /// the container that was weakened: every read of it (any clone) is the
    /// strong reference while the referent lives and undef after, so copies
    /// are strong as in perl.
    Weak(Box<WeakRef>),
    /// A value with separate number and string forms (`$!`,
    /// `Scalar::Util::dualvar`): numeric operators see `num`, string ones
    /// `str`.
    Dual(Rc<Dual>),
}

/// The two forms of a dual value.
pub struct Dual {
    /// `Int`, `UInt` or `Num`.
    pub num: Value,
    pub str: PStr,
}

/// What a weakened reference points to.
pub enum WeakRef {
    Scalar(std::rc::Weak<Scalar>),
    Array(std::rc::Weak<Array>),
    Hash(std::rc::Weak<Hash>),
    Code(std::rc::Weak<Code>),
    Glob(std::rc::Weak<Glob>),
}

impl WeakRef {
    /// Weaken a reference; `None` for values that are not references (or
    /// whose referent psh does not count, a qr object).
    pub fn of(v: &Value) -> Option<WeakRef> {
        Some(match v {
            Value::ScalarRef(r) => WeakRef::Scalar(Rc::downgrade(r)),
            Value::ArrayRef(r) => WeakRef::Array(Rc::downgrade(r)),
            Value::HashRef(r) => WeakRef::Hash(Rc::downgrade(r)),
            Value::CodeRef(r) => WeakRef::Code(Rc::downgrade(r)),
            Value::GlobRef(r) => WeakRef::Glob(Rc::downgrade(r)),
            _ => return None,
        })
    }
    /// Whether the referent still lives (perl clears a weak reference to
    /// undef when its referent goes).
    pub fn is_live(&self) -> bool {
        match self {
            WeakRef::Scalar(w) => w.strong_count() > 0,
            WeakRef::Array(w) => w.strong_count() > 0,
            WeakRef::Hash(w) => w.strong_count() > 0,
            WeakRef::Code(w) => w.strong_count() > 0,
            WeakRef::Glob(w) => w.strong_count() > 0,
        }
    }
    /// The strong reference, or undef once the referent is gone.
    pub fn upgrade(&self) -> Value {
        let v = match self {
            WeakRef::Scalar(w) => w.upgrade().map(Value::ScalarRef),
            WeakRef::Array(w) => w.upgrade().map(Value::ArrayRef),
            WeakRef::Hash(w) => w.upgrade().map(Value::HashRef),
            WeakRef::Code(w) => w.upgrade().map(Value::CodeRef),
            WeakRef::Glob(w) => w.upgrade().map(Value::GlobRef),
        };
        v.unwrap_or_default()
    }
}

impl Clone for Value {
    /// Inlined so copying a number costs a couple of moves, not a call.
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::Undef => Value::Undef,
            Value::Int(i) => Value::Int(*i),
            Value::Num(n) => Value::Num(*n),
            Value::Str(s) => Value::Str(s.clone()),
            _ => self.clone_ref(),
        }
    }
}

impl Value {
    /// Drop a value, skipping the (out-of-line) drop glue for the plain
    /// numbers that most arithmetic produces.
    #[inline(always)]
    pub fn release(self) {
        match self {
            Value::Undef | Value::Int(_) | Value::Num(_) | Value::UInt(_) => std::mem::forget(self),
            other => drop(other),
        }
    }

    #[inline(never)]
    fn clone_ref(&self) -> Value {
        match self {
            Value::UInt(u) => Value::UInt(*u),
            Value::ScalarRef(r) => Value::ScalarRef(r.clone()),
            Value::ArrayRef(r) => Value::ArrayRef(r.clone()),
            Value::HashRef(r) => Value::HashRef(r.clone()),
            Value::CodeRef(r) => Value::CodeRef(r.clone()),
            Value::GlobRef(r) => Value::GlobRef(r.clone()),
            Value::Glob(r) => Value::Glob(r.clone()),
            Value::Regex(r) => Value::Regex(r.clone()),
            Value::Weak(w) => w.upgrade(),
            Value::Dual(d) => Value::Dual(d.clone()),
            Value::Undef => Value::Undef,
            Value::Int(i) => Value::Int(*i),
            Value::Num(n) => Value::Num(*n),
            Value::Str(s) => Value::Str(s.clone()),
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Undef => write!(f, "undef"),
            Value::Int(i) => write!(f, "{i}"),
            Value::UInt(i) => write!(f, "{i}u"),
            Value::Num(n) => write!(f, "{n}f"),
            Value::Str(s) => write!(f, "{s:?}"),
            Value::ScalarRef(_) => write!(f, "SCALAR(ref)"),
            Value::ArrayRef(_) => write!(f, "ARRAY(ref)"),
            Value::HashRef(_) => write!(f, "HASH(ref)"),
            Value::CodeRef(_) => write!(f, "CODE(ref)"),
            Value::GlobRef(_) => write!(f, "GLOB(ref)"),
            Value::Glob(g) => write!(f, "*{}", g.name),
            Value::Regex(_) => write!(f, "Regexp"),
            Value::Weak(w) => write!(f, "weak {:?}", w.upgrade()),
            Value::Dual(d) => write!(f, "dual({:?}, {:?})", d.num, d.str),
        }
    }
}

impl Value {
    #[inline]
    pub fn str_from(bytes: Vec<u8>, utf8: bool) -> Value {
        Value::Str(Rc::new(PStr { bytes, utf8 }))
    }
    #[inline]
    pub fn bytes(b: &[u8]) -> Value {
        Value::Str(Rc::new(PStr {
            bytes: b.to_vec(),
            utf8: false,
        }))
    }
    pub fn string(s: String) -> Value {
        let utf8 = !s.is_ascii();
        Value::Str(Rc::new(PStr {
            bytes: s.into_bytes(),
            utf8,
        }))
    }
    // Infallible, unlike `FromStr::from_str`; the name reads as what it is.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &str) -> Value {
        Value::Str(Rc::new(PStr {
            bytes: s.as_bytes().to_vec(),
            utf8: !s.is_ascii(),
        }))
    }
    #[inline]
    pub fn is_undef(&self) -> bool {
        matches!(self, Value::Undef)
    }
    #[inline]
    pub fn is_ref(&self) -> bool {
        matches!(
            self,
            Value::ScalarRef(_)
                | Value::ArrayRef(_)
                | Value::HashRef(_)
                | Value::CodeRef(_)
                | Value::GlobRef(_)
                | Value::Regex(_)
        ) || self.is_weak_live()
    }
    /// A weakened reference whose referent still lives.
    #[cold]
    fn is_weak_live(&self) -> bool {
        matches!(self, Value::Weak(w) if w.is_live())
    }
    /// A value moved out of a container (`shift`, `delete`, …) stands for a
    /// copy of it, so a weakened reference becomes strong again.
    #[inline]
    pub fn strengthen(self) -> Value {
        match self {
            Value::Weak(w) => w.upgrade(),
            v => v,
        }
    }
    pub fn truthy(&self) -> bool {
        match self {
            Value::Undef => false,
            Value::Int(i) => *i != 0,
            Value::UInt(u) => *u != 0,
            Value::Num(n) => *n != 0.0,
            Value::Str(s) => !(s.bytes.is_empty() || s.bytes == b"0"),
            Value::Weak(w) => w.upgrade().truthy(),
            // perl tests a dual value's string.
            Value::Dual(d) => !(d.str.bytes.is_empty() || d.str.bytes == b"0"),
            _ => true,
        }
    }
    /// Identity of the referent for reference values (address used for
    /// stringification and numification of references).
    pub fn ref_addr(&self) -> Option<usize> {
        let addr = match self {
            Value::ScalarRef(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::ArrayRef(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::HashRef(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::CodeRef(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::GlobRef(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Regex(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Weak(w) => return w.upgrade().ref_addr(),
            _ => return None,
        };
        Some(crate::parallel::share::original_addr(addr))
    }
    /// How many references the referent of this reference has (0 for
    /// anything else).
    pub fn referent_refs(&self) -> usize {
        match self {
            Value::ScalarRef(r) => Rc::strong_count(r),
            Value::ArrayRef(r) => Rc::strong_count(r),
            Value::HashRef(r) => Rc::strong_count(r),
            Value::CodeRef(r) => Rc::strong_count(r),
            Value::GlobRef(r) => Rc::strong_count(r),
            Value::Regex(r) => Rc::strong_count(r),
            // Less the one the upgrade itself holds.
            Value::Weak(w) => w.upgrade().referent_refs().saturating_sub(1),
            _ => 0,
        }
    }
    /// The package a reference is blessed into.
    pub fn blessed(&self) -> Option<Rc<str>> {
        match self {
            Value::ScalarRef(r) => r.blessed(),
            Value::ArrayRef(r) => r.blessed(),
            Value::HashRef(r) => r.blessed(),
            Value::CodeRef(r) => r.blessed(),
            Value::GlobRef(g) => g.blessed(),
            Value::Regex(r) => (r.blessed.borrow().clone()).or_else(|| Some(Rc::from("Regexp"))),
            Value::Weak(w) => w.upgrade().blessed(),
            _ => None,
        }
    }
}

/// A compiled `qr//` object.
pub struct QrValue {
    pub re: Rc<crate::regex::Regex>,
    /// What the object stringifies to (`(?^i:…)`).
    pub stringified: PStr,
    /// `bless qr/…/, 'Class'` (perl blesses into `Regexp` by default).
    pub blessed: std::cell::RefCell<Option<Rc<str>>>,
}

/// Blessing and other rarely present per-container data, kept out of line so
/// plain containers stay small.
#[derive(Default)]
pub struct Meta {
    pub blessed: Option<Rc<str>>,
    /// Set on the resurrected copy handed to DESTROY so it is not destroyed
    /// twice.
    pub destroyed: bool,
    /// `pos()` of a scalar (byte offset), reset when the scalar is assigned.
    pub pos: Option<usize>,
    /// Set on the proxy scalar of an lvalue `substr` (`\substr(…)`,
    /// `for (substr …)`, `substr(…) =~ s///`): assigning to the proxy
    /// writes into the target string.
    pub lv: Option<Lv>,
    /// `each @array` position.
    pub each: usize,
    /// What reads and writes of a tied container call (see `crate::tie`).
    pub tied: Option<Tied>,
    /// The key `each` on a tied hash gave last (`NEXTKEY` wants it).
    pub each_key: Option<Value>,
    /// A read-only scalar (`Internals::SvREADONLY`, a locked hash value)
    /// or a restricted hash (`Hash::Util::lock_keys`).
    pub readonly: bool,
    /// A restricted hash's allowed keys that are not in it (perl's
    /// placeholders): they may be stored, all others die.
    pub placeholders: Vec<Key>,
}

/// Whether metadata marks its container read-only (restricted, for a hash).
#[inline]
fn meta_readonly(meta: &UnsafeCell<Option<Box<Meta>>>) -> bool {
    unsafe { (*meta.get()).as_ref().is_some_and(|m| m.readonly) }
}

fn set_meta_readonly(meta: &UnsafeCell<Option<Box<Meta>>>, on: bool) {
    unsafe {
        match &mut *meta.get() {
            Some(m) => {
                m.readonly = on;
                if !on {
                    m.placeholders.clear();
                }
            }
            None if on => {
                *meta.get() = Some(Box::new(Meta {
                    readonly: true,
                    ..Default::default()
                }))
            }
            None => {}
        }
    }
}

/// The error of a write to a read-only value; it is thrown at the next
/// statement (see `tie::die_pending`), as the write has no way to fail.
#[cold]
pub fn die_read_only() {
    crate::tie::die_pending("Modification of a read-only value attempted");
}

/// The tie of a container, or of one element of a tied array or hash.
#[derive(Clone)]
pub enum Tied {
    /// The object `tie` returned, for a tied scalar, array or hash.
    Var(Value),
    /// An element of a tied array: its reads and writes are `FETCH` and
    /// `STORE` with the index.
    Index(Value, i64),
    /// An element of a tied hash: `FETCH` and `STORE` with the key.
    Key(Value, Value),
}

/// The tie object of a container's metadata, if it is tied as a whole.
/// Containers without metadata (nearly all) cost one test.
#[inline(always)]
fn meta_tie(meta: &UnsafeCell<Option<Box<Meta>>>) -> Option<Value> {
    if unsafe { (*meta.get()).is_none() } {
        return None;
    }
    meta_tie_slow(meta)
}

#[cold]
#[inline(never)]
fn meta_tie_slow(meta: &UnsafeCell<Option<Box<Meta>>>) -> Option<Value> {
    // SAFETY: single-threaded; the clone runs no Perl code.
    unsafe {
        match &*meta.get() {
            None => None,
            Some(m) => match &m.tied {
                Some(Tied::Var(obj)) => Some(obj.clone()),
                _ => None,
            },
        }
    }
}

fn set_meta_tie(meta: &UnsafeCell<Option<Box<Meta>>>, t: Option<Tied>) -> Option<Tied> {
    unsafe {
        match &mut *meta.get() {
            Some(m) => std::mem::replace(&mut m.tied, t),
            None if t.is_some() => {
                *meta.get() = Some(Box::new(Meta {
                    tied: t,
                    ..Default::default()
                }));
                None
            }
            None => None,
        }
    }
}

/// What a proxy scalar writes through to.
pub enum Lv {
    /// The part of a string an lvalue `substr` stands for, in characters.
    Substr {
        target: Sv,
        off: usize,
        len: usize,
    },
    /// A hash or array element that did not exist when passed to a sub
    /// (perl defers creating it until it is assigned).
    HashElem(Hv, Key),
    ArrayElem(Av, i64),
}

/// When a blessed referent's last reference goes: the metadata of the copy
/// that is handed to DESTROY (marked so it is not destroyed twice), or
/// `None` when no DESTROY is due.
/// Metadata for a worker thread's copy of a blessed referent: it answers
/// `ref`/`blessed` like the original but is never handed to DESTROY (the
/// original is the object; the copy is a view of it).
fn inert_meta(pkg: Rc<str>) -> Option<Box<Meta>> {
    Some(Box::new(Meta {
        blessed: Some(pkg),
        destroyed: true,
        ..Default::default()
    }))
}

/// The package of a referent's metadata, read without cloning anything
/// (for worker threads reading the main thread's data).
fn meta_package(meta: &Option<Box<Meta>>) -> Option<&str> {
    meta.as_ref().and_then(|m| m.blessed.as_deref())
}

fn destroy_meta(meta: &mut Option<Box<Meta>>) -> Option<Box<Meta>> {
    let m = meta.take()?;
    match (m.blessed, m.destroyed) {
        (Some(pkg), false) => Some(Box::new(Meta {
            blessed: Some(pkg),
            destroyed: true,
            ..Default::default()
        })),
        _ => None,
    }
}

// ---------------------------------------------------------------- scalars

pub struct Scalar {
    v: UnsafeCell<Value>,
    meta: UnsafeCell<Option<Box<Meta>>>,
}

pub type Sv = Rc<Scalar>;

impl Scalar {
    #[inline]
    pub fn new(v: Value) -> Sv {
        Rc::new(Scalar {
            v: UnsafeCell::new(v),
            meta: UnsafeCell::new(None),
        })
    }
    #[inline(always)]
    pub fn get(&self) -> Value {
        // SAFETY: single-threaded; no reference into the cell outlives this call.
        unsafe {
            if (*self.meta.get()).is_some() {
                return self.get_with_meta();
            }
            (*self.v.get()).clone()
        }
    }
    /// `get` of a scalar with metadata: tied, blessed, with a `pos`.
    #[cold]
    #[inline(never)]
    fn get_with_meta(&self) -> Value {
        if self.tie().is_some() {
            return self.tied_fetch();
        }
        unsafe { (*self.v.get()).clone() }
    }
    /// Whether reads and writes of this scalar call a tie.
    #[cold]
    #[inline(never)]
    pub fn is_tied(&self) -> bool {
        unsafe {
            (*self.meta.get())
                .as_ref()
                .is_some_and(|m| m.tied.is_some())
        }
    }
    /// The tie of this scalar (or of the element it stands for).
    pub fn tie(&self) -> Option<Tied> {
        unsafe { (*self.meta.get()).as_ref().and_then(|m| m.tied.clone()) }
    }
    /// Tie (or untie, with `None`) this scalar; the previous tie.
    pub fn set_tie(&self, t: Option<Tied>) -> Option<Tied> {
        set_meta_tie(&self.meta, t)
    }
    /// A read of a tied scalar: `FETCH`, whose result the scalar keeps
    /// (as perl's does, so it is there when the tie goes).
    #[cold]
    #[inline(never)]
    fn tied_fetch(&self) -> Value {
        let Some(t) = self.tie() else {
            return unsafe { (*self.v.get()).clone() };
        };
        // Inside its own FETCH the scalar reads plainly, as perl turns a
        // variable's magic off while that magic runs.
        let v = crate::tie::with_tie_off(self, t, crate::tie::fetch);
        let old = unsafe { std::mem::replace(&mut *self.v.get(), v.clone()) };
        drop(old);
        v
    }
    #[cold]
    #[inline(never)]
    fn tied_store(&self, t: Tied) {
        let v = unsafe { (*self.v.get()).clone() };
        crate::tie::with_tie_off(self, t, |t| crate::tie::store(t, v));
    }
    #[inline]
    pub fn set(&self, v: Value) {
        if !self.is_plain() {
            return self.set_with_meta(v);
        }
        // The old value is dropped after the write completes, so a DESTROY it
        // triggers (deferred anyway) never sees a half-written cell.
        let old = unsafe { std::mem::replace(&mut *self.v.get(), v) };
        old.release();
    }
    /// `set` of a scalar with metadata: the write resets `pos`, and goes
    /// through to a tie or to what an lvalue proxy stands for.
    #[cold]
    #[inline(never)]
    fn set_with_meta(&self, v: Value) {
        if self.is_readonly() {
            die_read_only();
            return v.release();
        }
        let old = unsafe { std::mem::replace(&mut *self.v.get(), v) };
        unsafe {
            if let Some(m) = &mut *self.meta.get() {
                m.pos = None;
                if let Some(t) = m.tied.clone() {
                    self.tied_store(t);
                    old.release();
                    return;
                }
                match &mut m.lv {
                    None => {}
                    Some(Lv::Substr { target, off, len }) => {
                        *len = crate::interp::lv_substr_store(target, *off, *len, &*self.v.get());
                    }
                    Some(Lv::HashElem(hv, k)) => hv.set(k.clone(), (*self.v.get()).clone()),
                    Some(Lv::ArrayElem(av, i)) => {
                        av.set(*i, (*self.v.get()).clone());
                    }
                }
            }
        }
        old.release();
    }
    /// `$x += y` (or `-=` when `sub`) done in place when `$x` holds an
    /// integer and the result does not overflow; the new value, else `None`.
    #[inline]
    pub fn add_int(&self, y: i64, sub: bool) -> Option<i64> {
        if !self.is_plain() && (self.is_tied() || self.is_readonly()) {
            return None;
        }
        self.with_mut(|v| match v {
            Value::Int(x) => {
                let n = if sub {
                    x.checked_sub(y)
                } else {
                    x.checked_add(y)
                }?;
                *x = n;
                Some(n)
            }
            _ => None,
        })
    }

    /// `++`/`--` in place on an integer without overflow: the new value
    /// when `pre`, else the old one; `None` for anything else.
    #[inline]
    pub fn step_int(&self, inc: bool, pre: bool) -> Option<i64> {
        let n = self.add_int(1, !inc)?;
        Some(match (pre, inc) {
            (true, _) => n,
            (false, true) => n - 1,
            (false, false) => n + 1,
        })
    }

    /// No metadata: not blessed, no `pos`, not an lvalue proxy.
    #[inline]
    pub fn is_plain(&self) -> bool {
        unsafe { (*self.meta.get()).is_none() }
    }
    /// Writes die "Modification of a read-only value attempted".
    pub fn is_readonly(&self) -> bool {
        meta_readonly(&self.meta)
    }
    pub fn set_readonly(&self, on: bool) {
        set_meta_readonly(&self.meta, on)
    }
    pub fn pos(&self) -> Option<usize> {
        unsafe { (*self.meta.get()).as_ref().and_then(|m| m.pos) }
    }
    /// A proxy for `len` characters of `target` from `off` (lvalue
    /// `substr`), holding `v`, their current value.
    pub fn new_lvalue(v: Value, target: Sv, off: usize, len: usize) -> Sv {
        Scalar::new_proxy(v, Lv::Substr { target, off, len })
    }
    /// A proxy scalar holding `v` that writes through to `lv`.
    pub fn new_proxy(v: Value, lv: Lv) -> Sv {
        Rc::new(Scalar {
            v: UnsafeCell::new(v),
            meta: UnsafeCell::new(Some(Box::new(Meta {
                lv: Some(lv),
                ..Default::default()
            }))),
        })
    }
    /// A scalar standing for one element of a tied array or hash.
    pub fn new_tied_elem(t: Tied) -> Sv {
        Rc::new(Scalar {
            v: UnsafeCell::new(Value::Undef),
            meta: UnsafeCell::new(Some(Box::new(Meta {
                tied: Some(t),
                ..Default::default()
            }))),
        })
    }
    /// Whether this is an lvalue `substr` proxy (`ref` says `LVALUE`).
    pub fn is_lvalue(&self) -> bool {
        unsafe {
            (*self.meta.get())
                .as_ref()
                .is_some_and(|m| matches!(m.lv, Some(Lv::Substr { .. })))
        }
    }
    pub fn set_pos(&self, p: Option<usize>) {
        unsafe {
            match &mut *self.meta.get() {
                Some(m) => m.pos = p,
                None if p.is_some() => {
                    *self.meta.get() = Some(Box::new(Meta {
                        pos: p,
                        ..Default::default()
                    }))
                }
                None => {}
            }
        }
    }
    #[inline]
    pub fn take(&self) -> Value {
        unsafe { std::mem::take(&mut *self.v.get()) }.strengthen()
    }
    /// Run `f` on the value in place. `f` must not run Perl code. A tied
    /// scalar is fetched before and stored after.
    #[inline]
    pub fn with_mut<T>(&self, f: impl FnOnce(&mut Value) -> T) -> T {
        if !self.is_plain() && (self.is_tied() || self.is_readonly()) {
            let mut v = self.get();
            let r = f(&mut v);
            self.set(v);
            return r;
        }
        unsafe { f(&mut *self.v.get()) }
    }
    /// Borrow the value. The caller must not run Perl code or touch this
    /// container while the borrow lives. A tied scalar is fetched first.
    #[inline]
    pub fn peek<T>(&self, f: impl FnOnce(&Value) -> T) -> T {
        if !self.is_plain() && self.is_tied() {
            let v = self.get();
            return f(&v);
        }
        unsafe {
            let v = &*self.v.get();
            if let Value::Weak(w) = v {
                return f(&w.upgrade());
            }
            f(v)
        }
    }
    /// Whether this scalar holds a weakened reference (`isweak`).
    pub fn is_weak(&self) -> bool {
        unsafe { matches!(&*self.v.get(), Value::Weak(w) if w.is_live()) }
    }
    /// Weaken (or, with `weak` false, strengthen) the reference this
    /// scalar holds; a scalar holding anything else is left alone.
    pub fn set_weak(&self, weak: bool) {
        let old = unsafe {
            let slot = &mut *self.v.get();
            let new = match (&*slot, weak) {
                (Value::Weak(w), false) => w.upgrade(),
                (v, true) => match WeakRef::of(v) {
                    Some(w) => Value::Weak(Box::new(w)),
                    None => return,
                },
                _ => return,
            };
            std::mem::replace(slot, new)
        };
        // Dropped last: this may free the referent (its DESTROY is deferred).
        drop(old);
    }
    /// The value as stored, without calling a tie's FETCH.
    pub fn raw(&self) -> Value {
        unsafe { (*self.v.get()).clone() }
    }
    pub fn blessed(&self) -> Option<Rc<str>> {
        unsafe { (*self.meta.get()).as_ref().and_then(|m| m.blessed.clone()) }
    }
    pub fn bless(&self, pkg: Rc<str>) {
        unsafe {
            (*self.meta.get())
                .get_or_insert_with(Default::default)
                .blessed = Some(pkg)
        }
    }
}

/// Read-only access from worker threads (see `parallel::share`): these
/// neither clone an `Rc` nor write a cell, so several threads may call them
/// on the same container while its owner thread waits.
impl Scalar {
    /// # Safety
    /// No thread may write the scalar while the reference lives.
    pub unsafe fn shared_value(&self) -> &Value {
        &*self.v.get()
    }
    /// # Safety
    /// As `shared_value`.
    pub unsafe fn shared_package(&self) -> Option<&str> {
        meta_package(&*self.meta.get())
    }
    /// Whether the scalar is an lvalue proxy (writes through elsewhere).
    ///
    /// # Safety
    /// As `shared_value`.
    pub unsafe fn shared_is_proxy(&self) -> bool {
        (*self.meta.get())
            .as_ref()
            .is_some_and(|m| m.lv.is_some() || m.tied.is_some())
    }
    pub fn bless_inert(&self, pkg: Rc<str>) {
        unsafe { *self.meta.get() = inert_meta(pkg) }
    }
}

impl Array {
    /// # Safety
    /// No thread may write the array while the reference lives.
    pub unsafe fn shared_elems(&self) -> &[Elem] {
        &*self.v.get()
    }
    /// # Safety
    /// As `shared_elems`.
    pub unsafe fn shared_package(&self) -> Option<&str> {
        meta_package(&*self.meta.get())
    }
    /// Whether the array is tied (its elements are not in `shared_elems`).
    ///
    /// # Safety
    /// As `shared_elems`.
    pub unsafe fn shared_is_tied(&self) -> bool {
        (*self.meta.get())
            .as_ref()
            .is_some_and(|m| m.tied.is_some())
    }
    pub fn bless_inert(&self, pkg: Rc<str>) {
        unsafe { *self.meta.get() = inert_meta(pkg) }
    }
}

impl Hash {
    /// Drop blessing and other metadata (a worker's reused projection).
    pub fn clear_meta(&self) {
        unsafe { *self.meta.get() = None }
    }
    /// # Safety
    /// No thread may write the hash while the reference lives.
    pub unsafe fn shared_map(&self) -> &HMap {
        &*self.m.get()
    }
    /// # Safety
    /// As `shared_map`.
    pub unsafe fn shared_package(&self) -> Option<&str> {
        meta_package(&*self.meta.get())
    }
    /// Whether the hash is tied (its entries are not in `shared_map`).
    ///
    /// # Safety
    /// As `shared_map`.
    pub unsafe fn shared_is_tied(&self) -> bool {
        (*self.meta.get())
            .as_ref()
            .is_some_and(|m| m.tied.is_some())
    }
    pub fn bless_inert(&self, pkg: Rc<str>) {
        unsafe { *self.meta.get() = inert_meta(pkg) }
    }
}

impl Elem {
    /// # Safety
    /// As `Scalar::shared_value`.
    pub unsafe fn shared_value(&self) -> &Value {
        match self {
            Elem::V(v) => v,
            Elem::C(sv) => sv.shared_value(),
        }
    }
}

impl Drop for Scalar {
    fn drop(&mut self) {
        if let Some(meta) = destroy_meta(self.meta.get_mut()) {
            let again = Scalar::new(std::mem::take(self.v.get_mut()));
            unsafe { *again.meta.get() = Some(meta) };
            crate::destroy::defer(Value::ScalarRef(again));
        }
    }
}

// ---------------------------------------------------------------- elements

/// One slot of an array or hash: a plain value, or (once something aliased
/// or referenced it) a shared container.
#[derive(Clone)]
pub enum Elem {
    V(Value),
    C(Sv),
}

impl Default for Elem {
    fn default() -> Self {
        Elem::V(Value::Undef)
    }
}

impl Elem {
    #[inline(always)]
    pub fn get(&self) -> Value {
        match self {
            Elem::V(v) => v.clone(),
            Elem::C(sv) => sv.get(),
        }
    }
    #[inline]
    pub fn set(&mut self, v: Value) {
        match self {
            Elem::V(slot) => {
                let old = std::mem::replace(slot, v);
                drop(old);
            }
            Elem::C(sv) => sv.set(v),
        }
    }
    /// A slot holding a weakened reference (only a container can).
    pub fn is_weak(&self) -> bool {
        matches!(self, Elem::C(sv) if sv.is_weak())
    }
    /// A slot whose value is read-only (a locked hash value).
    pub fn is_readonly(&self) -> bool {
        matches!(self, Elem::C(sv) if sv.is_readonly())
    }
    /// The element's container, promoting a plain value in place.
    #[inline]
    pub fn container(&mut self) -> Sv {
        match self {
            Elem::C(sv) => sv.clone(),
            Elem::V(v) => {
                let sv = Scalar::new(std::mem::take(v));
                *self = Elem::C(sv.clone());
                sv
            }
        }
    }
    #[inline]
    pub fn peek<T>(&self, f: impl FnOnce(&Value) -> T) -> T {
        match self {
            Elem::V(v) => f(v),
            Elem::C(sv) => sv.peek(f),
        }
    }
}

// ---------------------------------------------------------------- arrays

pub struct Array {
    v: UnsafeCell<Vec<Elem>>,
    meta: UnsafeCell<Option<Box<Meta>>>,
}

pub type Av = Rc<Array>;

impl Array {
    pub fn new() -> Av {
        Rc::new(Array {
            v: UnsafeCell::new(Vec::new()),
            meta: UnsafeCell::new(None),
        })
    }
    pub fn from_elems(v: Vec<Elem>) -> Av {
        Rc::new(Array {
            v: UnsafeCell::new(v),
            meta: UnsafeCell::new(None),
        })
    }
    pub fn from_values(v: Vec<Value>) -> Av {
        Array::from_elems(v.into_iter().map(Elem::V).collect())
    }
    /// Direct access to the element vector. The closure must not run Perl
    /// code (it may drop values: DESTROY is deferred).
    #[inline]
    pub fn with<T>(&self, f: impl FnOnce(&mut Vec<Elem>) -> T) -> T {
        unsafe { f(&mut *self.v.get()) }
    }
    #[inline]
    pub fn len(&self) -> usize {
        if let Some(obj) = self.tied() {
            return crate::tie::array_size(&obj);
        }
        unsafe { (*self.v.get()).len() }
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The tie object, when the array is tied.
    #[inline]
    pub fn tied(&self) -> Option<Value> {
        meta_tie(&self.meta)
    }
    /// Tie (or untie, with `None`) the array; the previous tie.
    pub fn set_tie(&self, t: Option<Tied>) -> Option<Tied> {
        set_meta_tie(&self.meta, t)
    }
    /// Perl index (negative counts from the end) to a vector index.
    #[inline]
    pub fn resolve(&self, i: i64) -> Option<usize> {
        let len = self.len() as i64;
        let j = if i < 0 { i + len } else { i };
        if j < 0 {
            None
        } else {
            Some(j as usize)
        }
    }
    #[inline]
    pub fn get(&self, i: i64) -> Value {
        if let Some(obj) = self.tied() {
            return crate::tie::array_fetch(&obj, i);
        }
        match self.resolve(i) {
            Some(j) => self.with(|v| v.get(j).map(Elem::get).unwrap_or_default()),
            None => Value::Undef,
        }
    }
    /// Store at a perl index, extending the array. Returns false for a
    /// negative index before the start ("Modification of non-creatable array
    /// value attempted").
    #[inline]
    pub fn set(&self, i: i64, val: Value) -> bool {
        if let Some(obj) = self.tied() {
            return crate::tie::array_store(&obj, i, val);
        }
        match self.resolve(i) {
            Some(j) => {
                self.with(|v| {
                    if j >= v.len() {
                        v.resize_with(j + 1, Elem::default);
                    }
                    v[j].set(val);
                });
                true
            }
            None => false,
        }
    }
    /// The container of element `i`, created (extending the array) if needed.
    pub fn elem_container(&self, i: i64) -> Option<Sv> {
        if let Some(obj) = self.tied() {
            return crate::tie::array_elem(&obj, i);
        }
        let j = self.resolve(i)?;
        Some(self.with(|v| {
            if j >= v.len() {
                v.resize_with(j + 1, Elem::default);
            }
            v[j].container()
        }))
    }
    pub fn push(&self, val: Value) {
        if let Some(obj) = self.tied() {
            return crate::tie::array_push(&obj, vec![val]);
        }
        self.with(|v| v.push(Elem::V(val)))
    }
    pub fn values(&self) -> Vec<Value> {
        if let Some(obj) = self.tied() {
            return crate::tie::array_values(&obj);
        }
        self.with(|v| v.iter().map(Elem::get).collect())
    }
    /// Append the values (the array in list context).
    #[inline]
    pub fn values_into(&self, out: &mut Vec<Value>) {
        if let Some(obj) = self.tied() {
            return out.extend(crate::tie::array_values(&obj));
        }
        self.with(|v| out.extend(v.iter().map(Elem::get)));
    }
    /// Each element's container in order (what `foreach`, `map` and a
    /// sub's `@_` alias); a tied array's are proxies that FETCH and STORE.
    pub fn for_each_container(&self, mut f: impl FnMut(Sv)) {
        if let Some(obj) = self.tied() {
            let n = crate::tie::array_size(&obj);
            for i in 0..n {
                f(Scalar::new_tied_elem(Tied::Index(obj.clone(), i as i64)));
            }
            return;
        }
        // Collected first: `f` may run code that changes the array.
        let svs: Vec<Sv> = self.with(|v| v.iter_mut().map(Elem::container).collect());
        svs.into_iter().for_each(f);
    }
    /// The container of element `j` (a vector index) if the array has one
    /// there; nothing is created.
    pub fn existing_container(&self, j: usize) -> Option<Sv> {
        if let Some(obj) = self.tied() {
            return (j < crate::tie::array_size(&obj))
                .then(|| Scalar::new_tied_elem(Tied::Index(obj, j as i64)));
        }
        self.with(|v| v.get_mut(j).map(Elem::container))
    }
    /// Replace the whole content (list assignment).
    pub fn assign(&self, vals: Vec<Value>) {
        if let Some(obj) = self.tied() {
            return crate::tie::array_assign(&obj, vals);
        }
        let old = self.with(|v| std::mem::replace(v, vals.into_iter().map(Elem::V).collect()));
        drop_rev(old);
    }
    /// Empty the array, keeping its capacity for reuse (pads and `@_` are
    /// recycled between calls). Elements go last to first, perl's order for
    /// DESTROY; dropping them runs no Perl code (DESTROY is deferred).
    #[inline]
    pub fn clear(&self) {
        if let Some(obj) = self.tied() {
            return crate::tie::clear(&obj);
        }
        self.with(|v| {
            while let Some(e) = v.pop() {
                drop(e);
            }
        });
    }
    pub fn blessed(&self) -> Option<Rc<str>> {
        unsafe { (*self.meta.get()).as_ref().and_then(|m| m.blessed.clone()) }
    }
    pub fn bless(&self, pkg: Rc<str>) {
        unsafe {
            (*self.meta.get())
                .get_or_insert_with(Default::default)
                .blessed = Some(pkg)
        }
    }
}

impl Array {
    /// Where `each @array` is.
    pub fn each_pos(&self) -> usize {
        unsafe { (*self.meta.get()).as_ref().map_or(0, |m| m.each) }
    }
    pub fn set_each_pos(&self, p: usize) {
        unsafe {
            match &mut *self.meta.get() {
                Some(m) => m.each = p,
                None if p != 0 => {
                    *self.meta.get() = Some(Box::new(Meta {
                        each: p,
                        ..Default::default()
                    }))
                }
                None => {}
            }
        }
    }
}

/// Release elements last to first, as perl frees an array's elements, so
/// objects in it are destroyed in that order.
fn drop_rev(mut v: Vec<Elem>) {
    while let Some(e) = v.pop() {
        drop(e);
    }
}

impl Drop for Array {
    fn drop(&mut self) {
        if self.meta.get_mut().is_none() {
            drop_rev(std::mem::take(self.v.get_mut()));
            return;
        }
        if let Some(meta) = destroy_meta(self.meta.get_mut()) {
            let again = Array::from_elems(std::mem::take(self.v.get_mut()));
            unsafe { *again.meta.get() = Some(meta) };
            crate::destroy::defer(Value::ArrayRef(again));
        }
    }
}

// ---------------------------------------------------------------- hashes

/// A hash key: the bytes of the key (UTF-8 keys whose characters all fit in
/// Latin-1 are stored downgraded, as perl does, so equal strings are equal
/// keys) and the shared string handed out by `keys`.
#[derive(Clone)]
pub struct Key(pub Rc<PStr>);

impl PartialEq for Key {
    fn eq(&self, o: &Key) -> bool {
        self.0.bytes == o.0.bytes
    }
}
impl Eq for Key {}
impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.0.bytes.hash(h)
    }
}
impl std::borrow::Borrow<[u8]> for Key {
    fn borrow(&self) -> &[u8] {
        &self.0.bytes
    }
}

pub type HMap = IndexMap<Key, Elem, FxBuildHasher>;

pub struct Hash {
    m: UnsafeCell<HMap>,
    /// `each` iterator position.
    pub iter: Cell<usize>,
    meta: UnsafeCell<Option<Box<Meta>>>,
}

pub type Hv = Rc<Hash>;

impl Hash {
    pub fn new() -> Hv {
        Hash::with_capacity(0)
    }
    pub fn with_capacity(n: usize) -> Hv {
        Rc::new(Hash {
            m: UnsafeCell::new(HMap::with_capacity_and_hasher(n, FxBuildHasher)),
            iter: Cell::new(0),
            meta: UnsafeCell::new(None),
        })
    }
    #[inline]
    pub fn with<T>(&self, f: impl FnOnce(&mut HMap) -> T) -> T {
        unsafe { f(&mut *self.m.get()) }
    }
    pub fn len(&self) -> usize {
        if let Some(obj) = self.tied() {
            return crate::tie::hash_keys(&obj).len();
        }
        self.with(|m| m.len())
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The tie object, when the hash is tied.
    #[inline]
    pub fn tied(&self) -> Option<Value> {
        meta_tie(&self.meta)
    }
    /// Tie (or untie, with `None`) the hash; the previous tie.
    pub fn set_tie(&self, t: Option<Tied>) -> Option<Tied> {
        set_meta_tie(&self.meta, t)
    }
    /// The key `each` gave last on a tied hash, taken (`None` after the
    /// end or a reset).
    pub fn take_each_key(&self) -> Option<Value> {
        unsafe { (*self.meta.get()).as_mut().and_then(|m| m.each_key.take()) }
    }
    pub fn set_each_key(&self, k: Option<Value>) {
        unsafe {
            if let Some(m) = &mut *self.meta.get() {
                m.each_key = k;
            }
        }
    }
    #[inline]
    pub fn get(&self, k: &[u8]) -> Value {
        if let Some(obj) = self.tied() {
            return crate::tie::hash_fetch(&obj, k);
        }
        match self.with(|m| m.get(k).map(Elem::get)) {
            Some(v) => v,
            None => self.missing(k),
        }
    }
    /// A read of a key the hash does not have: undef, and in a restricted
    /// hash an error unless the key is one of its allowed ones.
    #[cold]
    fn missing(&self, k: &[u8]) -> Value {
        if self.is_restricted() && !self.is_placeholder(k) {
            restricted_error("access disallowed", k, "in");
        }
        Value::Undef
    }
    /// `Hash::Util::lock_keys`: only the keys it has (and its placeholders)
    /// may be stored.
    pub fn is_restricted(&self) -> bool {
        meta_readonly(&self.meta)
    }
    pub fn set_restricted(&self, on: bool) {
        set_meta_readonly(&self.meta, on)
    }
    fn is_placeholder(&self, k: &[u8]) -> bool {
        unsafe {
            (*self.meta.get())
                .as_ref()
                .is_some_and(|m| m.placeholders.iter().any(|p| p.0.bytes == k))
        }
    }
    /// The allowed keys a restricted hash does not have.
    pub fn placeholders(&self) -> Vec<Key> {
        unsafe {
            (*self.meta.get())
                .as_ref()
                .map_or_else(Vec::new, |m| m.placeholders.clone())
        }
    }
    pub fn clear_placeholders(&self) {
        unsafe {
            if let Some(m) = &mut *self.meta.get() {
                m.placeholders.clear();
            }
        }
    }
    fn add_placeholder(&self, k: Key) {
        unsafe {
            if let Some(m) = &mut *self.meta.get() {
                if !m.placeholders.contains(&k) {
                    m.placeholders.push(k);
                }
            }
        }
    }
    /// Whether a new key may be stored: in a restricted hash only an
    /// allowed one (it stops being a placeholder); otherwise it dies.
    #[cold]
    fn may_add(&self, k: &Key) -> bool {
        if !self.is_restricted() {
            return true;
        }
        unsafe {
            if let Some(m) = &mut *self.meta.get() {
                if let Some(i) = m.placeholders.iter().position(|p| p == k) {
                    m.placeholders.swap_remove(i);
                    return true;
                }
            }
        }
        restricted_error("access disallowed", &k.0.bytes, "in");
        false
    }
    #[inline]
    pub fn exists(&self, k: &[u8]) -> bool {
        if let Some(obj) = self.tied() {
            return crate::tie::hash_exists(&obj, k);
        }
        self.with(|m| m.contains_key(k))
    }
    #[inline]
    pub fn set(&self, k: Key, v: Value) {
        if let Some(obj) = self.tied() {
            return crate::tie::hash_store(&obj, &k, v);
        }
        // Only a new key asks whether the hash is restricted.
        let refused = self.with(|m| match m.get_mut(&k.0.bytes[..]) {
            Some(e) => {
                e.set(v);
                None
            }
            None if self.is_restricted() => Some((k, v)),
            None => {
                m.insert(k, Elem::V(v));
                None
            }
        });
        if let Some((k, v)) = refused {
            if self.may_add(&k) {
                self.with(|m| m.insert(k, Elem::V(v)));
            }
        }
    }
    /// Append key, value, key, value… (the hash in list context).
    pub fn pairs_into(&self, out: &mut Vec<Value>) {
        if let Some(obj) = self.tied() {
            for k in crate::tie::hash_keys(&obj) {
                let v = crate::tie::hash_fetch(&obj, &crate::convert::to_bytes(&k));
                out.push(k);
                out.push(v);
            }
            return;
        }
        self.with(|m| {
            for (k, v) in m.iter() {
                out.push(Value::Str(k.0.clone()));
                out.push(v.get());
            }
        });
    }
    /// The keys (copies) and the values' containers, alternately, as
    /// `foreach (%h)` aliases them; with `values_only`, the containers only.
    pub fn alias_pairs_into(&self, out: &mut Vec<Sv>, values_only: bool) {
        if let Some(obj) = self.tied() {
            for k in crate::tie::hash_keys(&obj) {
                if !values_only {
                    out.push(Scalar::new(k.clone()));
                }
                out.push(Scalar::new_tied_elem(Tied::Key(obj.clone(), k)));
            }
            return;
        }
        self.with(|m| {
            for (k, v) in m.iter_mut() {
                if !values_only {
                    out.push(Scalar::new(Value::Str(k.0.clone())));
                }
                out.push(v.container());
            }
        });
    }
    /// The container of an existing entry; nothing is created. A tied
    /// hash's is a proxy whether or not the key exists (perl's too).
    pub fn existing_container(&self, k: &Key) -> Option<Sv> {
        if let Some(obj) = self.tied() {
            return Some(crate::tie::hash_elem(&obj, k));
        }
        self.with(|m| m.get_mut(&k.0.bytes[..]).map(|e| e.container()))
    }
    pub fn elem_container(&self, k: Key) -> Sv {
        if let Some(obj) = self.tied() {
            return crate::tie::hash_elem(&obj, &k);
        }
        if self.is_restricted() && !self.exists(&k.0.bytes) && !self.may_add(&k) {
            // The error is on its way; the caller writes into nothing.
            return Scalar::new(Value::Undef);
        }
        self.with(|m| m.entry(k).or_default().container())
    }
    pub fn delete(&self, k: &[u8]) -> Option<Value> {
        if let Some(obj) = self.tied() {
            return Some(crate::tie::hash_delete(&obj, k));
        }
        if self.is_restricted() {
            let found = self.with(|m| {
                m.get_key_value(k)
                    .map(|(key, e)| (key.clone(), e.is_readonly()))
            });
            match found {
                None if self.is_placeholder(k) => return None,
                None => {
                    restricted_error("delete disallowed", k, "from");
                    return None;
                }
                Some((_, true)) => {
                    restricted_error("delete readonly", k, "from");
                    return None;
                }
                Some((key, false)) => self.add_placeholder(key),
            }
        }
        // `shift_remove` keeps insertion order, which users see in listings;
        // an `each` in progress is moved back so it does not skip an entry.
        let r = self.with(|m| m.shift_remove_full(k));
        r.map(|(idx, _, e)| {
            let it = self.iter.get();
            if idx < it {
                self.iter.set(it - 1);
            }
            e.get()
        })
    }
    /// Empty the hash, keeping its table for reuse.
    pub fn clear(&self) {
        if let Some(obj) = self.tied() {
            return crate::tie::clear(&obj);
        }
        if self.is_restricted() {
            // Every key stays allowed; a locked value may not go.
            let locked = self.with(|m| {
                m.iter()
                    .find(|(_, e)| e.is_readonly())
                    .map(|(k, _)| k.clone())
            });
            if let Some(k) = locked {
                return restricted_error("delete readonly", &k.0.bytes, "from");
            }
            for k in self.with(|m| m.keys().cloned().collect::<Vec<_>>()) {
                self.add_placeholder(k);
            }
        }
        self.with(|m| m.clear());
        self.iter.set(0);
    }
    pub fn blessed(&self) -> Option<Rc<str>> {
        unsafe { (*self.meta.get()).as_ref().and_then(|m| m.blessed.clone()) }
    }
    pub fn bless(&self, pkg: Rc<str>) {
        unsafe {
            (*self.meta.get())
                .get_or_insert_with(Default::default)
                .blessed = Some(pkg)
        }
    }
}

impl Drop for Hash {
    fn drop(&mut self) {
        if let Some(meta) = destroy_meta(self.meta.get_mut()) {
            let again = Rc::new(Hash {
                m: UnsafeCell::new(std::mem::take(self.m.get_mut())),
                iter: Cell::new(0),
                meta: UnsafeCell::new(Some(meta)),
            });
            crate::destroy::defer(Value::HashRef(again));
        }
    }
}

/// perl's error for a restricted hash: "Attempt to {what} key '{k}'
/// {prep} a restricted hash" (thrown at the next statement).
#[cold]
fn restricted_error(what: &str, k: &[u8], prep: &str) {
    crate::tie::die_pending(&format!(
        "Attempt to {what} key '{}' {prep} a restricted hash",
        String::from_utf8_lossy(k)
    ));
}

/// Make a hash key from a string value's bytes.
pub fn make_key(bytes: &[u8], utf8: bool) -> Key {
    if utf8 && !bytes.is_ascii() {
        if let Some(d) = downgrade(bytes) {
            return Key(Rc::new(PStr {
                bytes: d,
                utf8: false,
            }));
        }
        return Key(Rc::new(PStr {
            bytes: bytes.to_vec(),
            utf8: true,
        }));
    }
    Key(Rc::new(PStr {
        bytes: bytes.to_vec(),
        utf8: false,
    }))
}

/// UTF-8 to Latin-1 when every character is below 0x100.
pub fn downgrade(b: &[u8]) -> Option<Vec<u8>> {
    let s = std::str::from_utf8(b).ok()?;
    let mut out = Vec::with_capacity(b.len());
    for c in s.chars() {
        if (c as u32) > 0xFF {
            return None;
        }
        out.push(c as u32 as u8);
    }
    Some(out)
}

/// Latin-1 to UTF-8.
pub fn upgrade(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len() + 8);
    for &c in b {
        if c < 0x80 {
            out.push(c);
        } else {
            out.push(0xC0 | (c >> 6));
            out.push(0x80 | (c & 0x3F));
        }
    }
    out
}

// ---------------------------------------------------------------- code

/// A native (Rust) sub: receives the interpreter, the arguments and the
/// calling context, pushes list results into `out` and returns the scalar
/// result.
pub type NativeFn = fn(
    &mut crate::interp::Interp,
    &[Elem],
    crate::interp::Want,
    &mut Vec<Value>,
) -> Result<Value, crate::interp::Flow>;

pub enum CodeKind {
    Perl {
        body: Arc<SubBody>,
        /// Containers captured from enclosing pads, by inner slot.
        captured: Vec<(u32, PadSlot)>,
        /// The program the body belongs to (its globals and regex cache).
        unit: Rc<crate::interp::Unit>,
    },
    Native(NativeFn),
    /// A constant sub (`use constant`): returns these values.
    Const(Vec<Value>),
    /// Declared (`sub foo;`) but not defined.
    Stub,
}

pub struct Code {
    pub kind: CodeKind,
    pub name: Option<Rc<str>>,
    meta: UnsafeCell<Option<Box<Meta>>>,
    /// State variables of this closure instance (`state $x`), by slot.
    pub state: UnsafeCell<Vec<(u32, PadSlot)>>,
    /// Per-op state slots (flip-flops, `state` init flags) of this instance.
    pub opstate: UnsafeCell<Vec<bool>>,
    /// Pads of finished calls, ready for the next call.
    pub pads: UnsafeCell<Vec<Vec<PadSlot>>>,
    /// Calls of this sub now running (perl's CvDEPTH), for "Deep recursion".
    pub depth: std::cell::Cell<u32>,
    /// The body in closure form, made on the first call.
    pub lowered: std::cell::OnceCell<Rc<crate::interp::lower::LoweredSub>>,
}

pub type Cv = Rc<Code>;

impl Code {
    pub fn new(kind: CodeKind, name: Option<Rc<str>>) -> Cv {
        Rc::new(Code {
            kind,
            name,
            meta: UnsafeCell::new(None),
            state: UnsafeCell::new(Vec::new()),
            opstate: UnsafeCell::new(Vec::new()),
            pads: UnsafeCell::new(Vec::new()),
            depth: std::cell::Cell::new(0),
            lowered: std::cell::OnceCell::new(),
        })
    }
    pub fn blessed(&self) -> Option<Rc<str>> {
        unsafe { (*self.meta.get()).as_ref().and_then(|m| m.blessed.clone()) }
    }
    pub fn bless(&self, pkg: Rc<str>) {
        unsafe {
            (*self.meta.get())
                .get_or_insert_with(Default::default)
                .blessed = Some(pkg)
        }
    }
    pub fn body(&self) -> Option<&Arc<SubBody>> {
        match &self.kind {
            CodeKind::Perl { body, .. } => Some(body),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------- pads

/// One lexical variable's container.
#[derive(Clone, Default)]
pub enum PadSlot {
    #[default]
    Empty,
    Scalar(Sv),
    Array(Av),
    Hash(Hv),
}

impl PadSlot {
    /// Scope exit for a `my` variable (perl's SAVEt_CLEARSV): a container
    /// nobody else holds is emptied in place (its old value dropped, so
    /// DESTROY runs now); one a closure or reference still holds is left to
    /// them and the slot gets a new container.
    pub fn release(&mut self) {
        match self {
            PadSlot::Scalar(sv) => {
                if Rc::strong_count(sv) == 1 && sv.is_plain() {
                    // The common case: a plain variable only the pad holds.
                    sv.take().release();
                } else if Rc::strong_count(sv) == 1
                    && sv.blessed().is_none()
                    && sv.tie().is_none()
                    && !sv.is_readonly()
                {
                    let old = sv.take();
                    sv.set_pos(None);
                    drop(old);
                } else {
                    *self = PadSlot::Scalar(Scalar::new(Value::Undef));
                }
            }
            PadSlot::Array(av) => {
                if Rc::strong_count(av) == 1 && av.blessed().is_none() && av.tied().is_none() {
                    av.clear();
                } else {
                    *self = PadSlot::Array(Array::new());
                }
            }
            PadSlot::Hash(hv) => {
                if Rc::strong_count(hv) == 1
                    && hv.blessed().is_none()
                    && hv.tied().is_none()
                    && !hv.is_restricted()
                {
                    hv.clear();
                } else {
                    *self = PadSlot::Hash(Hash::new());
                }
            }
            PadSlot::Empty => {}
        }
    }
}

// ---------------------------------------------------------------- globs

/// A typeglob: the package variables sharing one name.
pub struct Glob {
    pub name: Rc<str>,
    pub scalar: UnsafeCell<Sv>,
    pub array: UnsafeCell<Option<Av>>,
    pub hash: UnsafeCell<Option<Hv>>,
    pub code: UnsafeCell<Option<Cv>>,
    pub io: UnsafeCell<Option<Rc<crate::io::Handle>>>,
    /// The class a reference to this glob is blessed into (IO::File
    /// objects are blessed glob references).
    pub blessed: UnsafeCell<Option<Rc<str>>>,
    /// DESTROY has been queued for this (blessed) glob.
    pub destroyed: Cell<bool>,
    /// The tie of the handle (`tie *FH, CLASS`).
    tied: UnsafeCell<Option<Value>>,
}

pub type Gv = Rc<Glob>;

impl Drop for Glob {
    /// A blessed glob (an IO::Handle-style object) gets its DESTROY call
    /// when the last reference goes, as the other referents do.
    fn drop(&mut self) {
        let Some(pkg) = self.blessed.get_mut().take() else {
            return;
        };
        if self.destroyed.get() {
            return;
        }
        let again = Rc::new(Glob {
            name: self.name.clone(),
            scalar: UnsafeCell::new(std::mem::replace(
                self.scalar.get_mut(),
                Scalar::new(Value::Undef),
            )),
            array: UnsafeCell::new(self.array.get_mut().take()),
            hash: UnsafeCell::new(self.hash.get_mut().take()),
            code: UnsafeCell::new(self.code.get_mut().take()),
            io: UnsafeCell::new(self.io.get_mut().take()),
            blessed: UnsafeCell::new(Some(pkg)),
            destroyed: Cell::new(true),
            tied: UnsafeCell::new(self.tied.get_mut().take()),
        });
        crate::destroy::defer(Value::GlobRef(again));
    }
}

impl Glob {
    pub fn new(name: Rc<str>) -> Gv {
        Rc::new(Glob {
            name,
            scalar: UnsafeCell::new(Scalar::new(Value::Undef)),
            array: UnsafeCell::new(None),
            hash: UnsafeCell::new(None),
            code: UnsafeCell::new(None),
            io: UnsafeCell::new(None),
            blessed: UnsafeCell::new(None),
            destroyed: Cell::new(false),
            tied: UnsafeCell::new(None),
        })
    }
    /// The tie object of the handle, when it is tied.
    #[inline]
    pub fn tied(&self) -> Option<Value> {
        unsafe { (*self.tied.get()).clone() }
    }
    /// Tie (or untie, with `None`) the handle; the previous tie.
    pub fn set_tie(&self, t: Option<Tied>) -> Option<Tied> {
        let obj = t.map(|t| match t {
            Tied::Var(o) | Tied::Index(o, _) | Tied::Key(o, _) => o,
        });
        unsafe { std::mem::replace(&mut *self.tied.get(), obj).map(Tied::Var) }
    }
    pub fn blessed(&self) -> Option<Rc<str>> {
        unsafe { (*self.blessed.get()).clone() }
    }
    pub fn bless(&self, pkg: Rc<str>) {
        unsafe { *self.blessed.get() = Some(pkg) }
    }
    #[inline]
    pub fn sv(&self) -> Sv {
        unsafe { (*self.scalar.get()).clone() }
    }
    #[inline]
    pub fn sv_ref(&self) -> &Scalar {
        unsafe { &*self.scalar.get() }
    }
    pub fn set_sv(&self, sv: Sv) -> Sv {
        unsafe { std::mem::replace(&mut *self.scalar.get(), sv) }
    }
    #[inline]
    pub fn av(&self) -> Av {
        unsafe { (*self.array.get()).get_or_insert_with(Array::new).clone() }
    }
    pub fn set_av(&self, av: Option<Av>) -> Option<Av> {
        unsafe { std::mem::replace(&mut *self.array.get(), av) }
    }
    pub fn has_av(&self) -> bool {
        unsafe { (*self.array.get()).is_some() }
    }
    #[inline]
    pub fn hv(&self) -> Hv {
        unsafe { (*self.hash.get()).get_or_insert_with(Hash::new).clone() }
    }
    pub fn set_hv(&self, hv: Option<Hv>) -> Option<Hv> {
        unsafe { std::mem::replace(&mut *self.hash.get(), hv) }
    }
    /// Whether any of the glob's variables holds something (a defined
    /// scalar, a non-empty array or hash, a sub).
    pub fn has_content(&self) -> bool {
        !self.sv_ref().raw().is_undef()
            || (self.has_av() && !self.av().is_empty())
            || (self.has_hv() && !self.hv().is_empty())
            || self.code().is_some()
    }
    pub fn has_hv(&self) -> bool {
        unsafe { (*self.hash.get()).is_some() }
    }
    #[inline]
    pub fn code(&self) -> Option<Cv> {
        unsafe { (*self.code.get()).clone() }
    }
    pub fn set_code(&self, c: Option<Cv>) -> Option<Cv> {
        unsafe { std::mem::replace(&mut *self.code.get(), c) }
    }
    pub fn io(&self) -> Option<Rc<crate::io::Handle>> {
        unsafe { (*self.io.get()).clone() }
    }
    pub fn set_io(&self, h: Option<Rc<crate::io::Handle>>) -> Option<Rc<crate::io::Handle>> {
        unsafe { std::mem::replace(&mut *self.io.get(), h) }
    }
}

#[cfg(test)]
mod layout_tests {
    use super::Value;
    use crate::interp::Flow;

    #[test]
    fn values_and_results_stay_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<Result<Value, Flow>>(), 16);
    }
}
