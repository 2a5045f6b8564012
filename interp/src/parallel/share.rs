//! How Perl values cross into worker threads and back.
//!
//! Values are `Rc`-based and stay fast on one thread: nothing in them is
//! atomic. Crossing is therefore an explicit step with two rules:
//!
//! - **In: frozen shared data, copied by the reader.** While a parallel
//!   section runs, the main thread waits and nothing writes the inputs, the
//!   outer variables or the globals the block reads. Workers read them
//!   through `&` references without touching a reference count
//!   (`Scalar::shared_value` and friends) and build their own copies, with
//!   their own `Rc`s. A copy of a blessed referent answers `ref` like the
//!   original but is never destroyed (it is a view, not the object).
//! - **Out: moved, never shared.** A worker's results are values it made;
//!   once its interpreter is dropped and its thread joined, nothing else
//!   holds them, and ownership moves to the main thread (`Moved`). A result
//!   that would refer to a copied input (`map { $_ }` over references)
//!   cannot be moved (its identity is the original's), so the worker gives
//!   up and the caller runs the block sequentially.
//!
//! Within a worker, a copied referent's address reads as the original's
//! (`original_addr`), so `$_ == $ref` and `"$_"` agree with sequential
//! execution.

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::value::*;

/// A reference to main-thread data that workers may read (see the module
/// comment for why that is sound).
pub(crate) struct Frozen<'a, T: ?Sized>(pub &'a T);
// SAFETY: the owner thread is blocked in the parallel section for the
// reference's whole life, and readers only use the `shared_*` accessors.
unsafe impl<T: ?Sized> Sync for Frozen<'_, T> {}
unsafe impl<T: ?Sized> Send for Frozen<'_, T> {}
impl<T: ?Sized> Clone for Frozen<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: ?Sized> Copy for Frozen<'_, T> {}

/// Values a worker made, moving to the main thread.
pub(crate) struct Moved<T>(pub T);
// SAFETY: sent only after the worker's interpreter is dropped and before
// its thread is joined: no other clone of any `Rc` inside survives there
// (see `worker`; the thread-local empty string is accounted for).
unsafe impl<T> Send for Moved<T> {}

thread_local! {
    /// In a worker: copied referent address → the original's address.
    static ORIGINS: RefCell<FxHashMap<usize, usize>> = RefCell::new(FxHashMap::default());
    static ACTIVE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The address a reference shows (`HASH(0x…)`, `0+$ref`): a worker's copy
/// shows its original's.
#[inline]
pub fn original_addr(addr: usize) -> usize {
    if !ACTIVE.with(|a| a.get()) {
        return addr;
    }
    ORIGINS.with(|o| o.borrow().get(&addr).copied().unwrap_or(addr))
}

/// A value that cannot be copied into a worker (code, globs, regex
/// objects, lvalue proxies): the block runs sequentially.
#[derive(Debug)]
pub(crate) struct Unsupported;

/// Copies main-thread values into one worker's own values.
pub(crate) struct Copier {
    /// The main thread's empty string (perl's false value): copied to this
    /// thread's, so false stays recognisable (`expr::is_sv_no`).
    main_empty: usize,
    /// Original referent address → copy, for referents of the outer
    /// variables (kept for the worker's life) and of the current item
    /// (forgotten after it).
    outer: FxHashMap<usize, Value>,
    item: FxHashMap<usize, Value>,
    item_mode: bool,
    /// Copies made for the current item, by address.
    item_addrs: Vec<usize>,
    keys: FxHashMap<usize, Key>,
    packages: FxHashMap<String, Rc<str>>,
}

impl Copier {
    pub fn new(main_empty: usize) -> Copier {
        ACTIVE.with(|a| a.set(true));
        Copier {
            main_empty,
            outer: FxHashMap::default(),
            item: FxHashMap::default(),
            item_mode: false,
            item_addrs: Vec::new(),
            keys: FxHashMap::default(),
            packages: FxHashMap::default(),
        }
    }

    /// Start copying one input item.
    pub fn begin_item(&mut self) {
        self.item_mode = true;
    }

    /// The item is done: its copies are gone or about to be, and their
    /// addresses may be reused.
    pub fn end_item(&mut self) {
        self.item.clear();
        if !self.item_addrs.is_empty() {
            ORIGINS.with(|o| {
                let mut o = o.borrow_mut();
                for a in self.item_addrs.drain(..) {
                    o.remove(&a);
                }
            });
        }
    }

    /// Whether `addr` is a copy of an input (whose identity is the
    /// original's).
    pub fn is_copy(addr: usize) -> bool {
        ORIGINS.with(|o| o.borrow().contains_key(&addr))
    }

    fn package(&mut self, p: Option<&str>) -> Option<Rc<str>> {
        let p = p?;
        if let Some(r) = self.packages.get(p) {
            return Some(r.clone());
        }
        let r: Rc<str> = Rc::from(p);
        self.packages.insert(p.to_string(), r.clone());
        Some(r)
    }

    fn remember(&mut self, orig: usize, copy: &Value) {
        let addr = match copy {
            Value::ScalarRef(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::ArrayRef(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::HashRef(r) => Rc::as_ptr(r) as *const u8 as usize,
            _ => return,
        };
        ORIGINS.with(|o| o.borrow_mut().insert(addr, orig));
        if self.item_mode {
            self.item_addrs.push(addr);
            self.item.insert(orig, copy.clone());
        } else {
            self.outer.insert(orig, copy.clone());
        }
    }

    fn seen(&self, orig: usize) -> Option<Value> {
        self.outer
            .get(&orig)
            .or_else(|| self.item.get(&orig))
            .cloned()
    }

    /// A copy of a string.
    pub fn string(&mut self, s: &Rc<PStr>) -> Value {
        if Rc::as_ptr(s) as usize == self.main_empty {
            return Value::Str(crate::interp::empty_string());
        }
        Value::Str(Rc::new(PStr {
            bytes: s.bytes.clone(),
            utf8: s.utf8,
        }))
    }

    /// # Safety
    /// `v` is main-thread data frozen for the parallel section.
    pub unsafe fn value(&mut self, v: &Value) -> Result<Value, Unsupported> {
        Ok(match v {
            Value::Undef => Value::Undef,
            Value::Int(i) => Value::Int(*i),
            Value::UInt(u) => Value::UInt(*u),
            Value::Num(n) => Value::Num(*n),
            Value::Str(s) => self.string(s),
            Value::Dual(d) => Value::Dual(Rc::new(Dual {
                num: d.num.clone(),
                str: d.str.clone(),
            })),
            Value::ScalarRef(r) => {
                let orig = Rc::as_ptr(r) as *const u8 as usize;
                if let Some(c) = self.seen(orig) {
                    return Ok(c);
                }
                if r.shared_is_proxy() {
                    return Err(Unsupported);
                }
                let sv = Scalar::new(Value::Undef);
                let c = Value::ScalarRef(sv.clone());
                self.remember(orig, &c);
                sv.set(self.value(r.shared_value())?);
                if let Some(p) = self.package(r.shared_package()) {
                    sv.bless_inert(p);
                }
                c
            }
            Value::ArrayRef(r) => {
                let orig = Rc::as_ptr(r) as *const u8 as usize;
                if let Some(c) = self.seen(orig) {
                    return Ok(c);
                }
                let av = Array::new();
                let c = Value::ArrayRef(av.clone());
                self.remember(orig, &c);
                self.fill_array(&av, r)?;
                c
            }
            Value::HashRef(r) => {
                let orig = Rc::as_ptr(r) as *const u8 as usize;
                if let Some(c) = self.seen(orig) {
                    return Ok(c);
                }
                let hv = Hash::with_capacity(r.shared_map().len());
                let c = Value::HashRef(hv.clone());
                self.remember(orig, &c);
                self.fill_hash(&hv, r, None)?;
                c
            }
            // Upgrading a weak reference would count the main thread's
            // referent from a worker.
            Value::CodeRef(_)
            | Value::GlobRef(_)
            | Value::Glob(_)
            | Value::Regex(_)
            | Value::Weak(_) => return Err(Unsupported),
        })
    }

    /// # Safety
    /// As `value`.
    pub unsafe fn fill_array(&mut self, dst: &Array, src: &Array) -> Result<(), Unsupported> {
        if src.shared_is_tied() {
            return Err(Unsupported);
        }
        let elems = src.shared_elems();
        let mut out = Vec::with_capacity(elems.len());
        for e in elems {
            out.push(Elem::V(self.value(e.shared_value())?));
        }
        dst.with(|v| *v = out);
        if let Some(p) = self.package(src.shared_package()) {
            dst.bless_inert(p);
        }
        Ok(())
    }

    /// Copy `src`'s entries into `dst`: all of them, or only `only`'s keys
    /// (a projection).
    ///
    /// # Safety
    /// As `value`.
    pub unsafe fn fill_hash(
        &mut self,
        dst: &Hash,
        src: &Hash,
        only: Option<&[Key]>,
    ) -> Result<(), Unsupported> {
        if src.shared_is_tied() {
            return Err(Unsupported);
        }
        let m = src.shared_map();
        match only {
            None => {
                for (k, e) in m.iter() {
                    let key = self.key(k);
                    let v = self.value(e.shared_value())?;
                    dst.with(|d| d.insert(key, Elem::V(v)));
                }
            }
            Some(keys) => {
                for k in keys {
                    if let Some(e) = m.get(&k.0.bytes[..]) {
                        let v = self.value(e.shared_value())?;
                        dst.with(|d| d.insert(k.clone(), Elem::V(v)));
                    }
                }
            }
        }
        match self.package(src.shared_package()) {
            Some(p) => dst.bless_inert(p),
            None => dst.clear_meta(),
        }
        Ok(())
    }

    /// Keys of records built from the same literals share one string; the
    /// copies share one too.
    fn key(&mut self, k: &Key) -> Key {
        let addr = Rc::as_ptr(&k.0) as usize;
        if let Some(c) = self.keys.get(&addr) {
            return c.clone();
        }
        let c = Key(Rc::new(PStr {
            bytes: k.0.bytes.clone(),
            utf8: k.0.utf8,
        }));
        self.keys.insert(addr, c.clone());
        c
    }

    /// A copy of a pad slot or glob container.
    ///
    /// # Safety
    /// As `value`.
    pub unsafe fn scalar(&mut self, sv: &Scalar) -> Result<Sv, Unsupported> {
        if sv.shared_is_proxy() {
            return Err(Unsupported);
        }
        let c = Scalar::new(self.value(sv.shared_value())?);
        if let Some(p) = self.package(sv.shared_package()) {
            c.bless_inert(p);
        }
        Ok(c)
    }

    /// # Safety
    /// As `value`.
    pub unsafe fn array(&mut self, av: &Array) -> Result<Av, Unsupported> {
        let c = Array::new();
        self.fill_array(&c, av)?;
        Ok(c)
    }

    /// # Safety
    /// As `value`.
    pub unsafe fn hash(&mut self, hv: &Hash) -> Result<Hv, Unsupported> {
        let c = Hash::with_capacity(hv.shared_map().len());
        self.fill_hash(&c, hv, None)?;
        Ok(c)
    }
}

impl Drop for Copier {
    fn drop(&mut self) {
        ORIGINS.with(|o| o.borrow_mut().clear());
        ACTIVE.with(|a| a.set(false));
    }
}

/// Containers met deeper than this are tracked, so a cycle ends the walk;
/// shallower ones are not, so the usual flat results cost no set.
const TRACK_DEPTH: u32 = 16;

/// Whether `addr` was walked already (only tracked past `TRACK_DEPTH`).
fn again(addr: usize, depth: u32, visited: &mut FxHashSet<usize>) -> bool {
    depth >= TRACK_DEPTH && !visited.insert(addr)
}

/// Whether `v` (a worker's result) refers, at any depth, to a copied input
/// (or holds what cannot move: code, globs, regex objects).
pub(crate) fn refers_to_copy(v: &Value, depth: u32, visited: &mut FxHashSet<usize>) -> bool {
    let addr = match v {
        Value::ScalarRef(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::ArrayRef(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::HashRef(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::CodeRef(_) | Value::GlobRef(_) | Value::Glob(_) | Value::Regex(_) => return true,
        _ => return false,
    };
    if Copier::is_copy(addr) {
        return true;
    }
    if again(addr, depth, visited) {
        return false;
    }
    let d = depth + 1;
    match v {
        Value::ScalarRef(r) => r.peek(|x| refers_to_copy(x, d, visited)),
        Value::ArrayRef(r) => r.with(|els| {
            els.iter()
                .any(|e| e.peek(|x| refers_to_copy(x, d, visited)))
        }),
        Value::HashRef(r) => r.with(|m| {
            m.values()
                .any(|e| e.peek(|x| refers_to_copy(x, d, visited)))
        }),
        _ => false,
    }
}

/// On the main thread, after the worker that made `v` is gone: its empty
/// strings (that thread's false value) become this thread's.
pub(crate) fn adopt(
    v: &mut Value,
    worker_empty: usize,
    depth: u32,
    visited: &mut FxHashSet<usize>,
) {
    let d = depth + 1;
    match v {
        Value::Str(s) if Rc::as_ptr(s) as usize == worker_empty => {
            *v = Value::Str(crate::interp::empty_string());
        }
        Value::ScalarRef(r) if !again(Rc::as_ptr(r) as *const u8 as usize, depth, visited) => {
            r.with_mut(|x| adopt(x, worker_empty, d, visited));
        }
        Value::ArrayRef(r) if !again(Rc::as_ptr(r) as *const u8 as usize, depth, visited) => {
            r.with(|els| {
                for e in els.iter_mut() {
                    adopt_elem(e, worker_empty, d, visited)
                }
            });
        }
        Value::HashRef(r) if !again(Rc::as_ptr(r) as *const u8 as usize, depth, visited) => {
            r.with(|m| {
                for e in m.values_mut() {
                    adopt_elem(e, worker_empty, d, visited)
                }
            });
        }
        _ => {}
    }
}

fn adopt_elem(e: &mut Elem, worker_empty: usize, depth: u32, visited: &mut FxHashSet<usize>) {
    match e {
        Elem::V(v) => adopt(v, worker_empty, depth, visited),
        Elem::C(sv) => sv.with_mut(|v| adopt(v, worker_empty, depth, visited)),
    }
}
