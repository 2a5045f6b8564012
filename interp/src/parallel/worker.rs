//! Running a pure `grep`/`map` block over a big list on several threads.
//!
//! The main thread freezes what the block can see (the inputs, the outer
//! lexicals and package variables it reads, the last match) and waits;
//! each worker thread builds a small interpreter of its own around the same
//! compiled program (`Arc<Program>` is shared, never copied), copies what
//! it reads (`share::Copier`) and takes ranges of the input from a common
//! counter. The main thread is one of the workers. Results come back per
//! range and are put in input order, so values and order are the
//! sequential ones.
//!
//! A worker gives up (and the caller runs the block sequentially, from the
//! start, which is safe because the block has no side effects) when the
//! block dies, warns, would autovivify into an input, is interrupted, or
//! yields a reference to an input; or when an input cannot be copied.

use std::ops::Range;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use rustc_hash::FxHashSet;

use super::purity::Plan;
use super::share::{self, Copier, Frozen, Moved, Unsupported};
use crate::ast::{well_known as wk, Block, Program};
use crate::interp::{Interp, MatchState, Unit, Want};
use crate::io::{Backend, Handle};
use crate::value::*;

/// A named sub the block calls, checked pure (`purity::analyse_sub`).
pub(crate) struct PureSub<'a> {
    pub name: &'a str,
    pub body: &'a Arc<crate::ast::SubBody>,
    /// The variables it captured (copied in, like outer lexicals).
    pub captured: Frozen<'a, [(u32, PadSlot)]>,
    pub plan: &'a Plan,
}

/// What the workers share (all of it read-only).
struct Seed<'a> {
    program: &'a Arc<Program>,
    block: &'a Block,
    plan: &'a Plan,
    subs: &'a [PureSub<'a>],
    /// Read only `$_->{KEY}` of each record (no called sub reads `$_`).
    project: bool,
    pad: Frozen<'a, [PadSlot]>,
    globals: Frozen<'a, [Gv]>,
    items: Frozen<'a, Items<'a>>,
    last_match: Frozen<'a, MatchState>,
    main_empty: usize,
    hints: u32,
    line: u32,
    file: String,
    package: String,
    global_warnings: bool,
    lower_enabled: bool,
    map: bool,
}

/// The input list: element containers (`grep` and `map` alias `$_` to
/// them), or the elements of one array read in place (no container made
/// per element when nothing needs one).
#[derive(Clone, Copy)]
pub(crate) enum Items<'a> {
    Svs(&'a [Sv]),
    Elems(&'a [Elem]),
}

impl Items<'_> {
    pub fn len(&self) -> usize {
        match self {
            Items::Svs(v) => v.len(),
            Items::Elems(v) => v.len(),
        }
    }

    /// # Safety
    /// As `Scalar::shared_value`.
    unsafe fn shared(&self, i: usize) -> &Value {
        match self {
            Items::Svs(v) => v[i].shared_value(),
            Items::Elems(v) => v[i].shared_value(),
        }
    }
}

struct WorkerOut {
    /// Each range's results, by range index.
    parts: Vec<(usize, Outcome)>,
    /// The worker thread's empty string, when results hold it.
    adopt_empty: Option<usize>,
}

/// Worker threads reserve a big stack: copying a deep structure recurses.
const WORKER_STACK: usize = 256 << 20;

/// The result of a parallel run (or of one range of it): grep's verdicts
/// or map's values.
pub(crate) enum Outcome {
    Grep(Vec<bool>),
    Map(Vec<Value>),
}

impl Interp {
    /// Run `block` over `items` in parallel (grep when `!map`).
    pub(crate) fn run_parallel(
        &mut self,
        block: &Block,
        plan: &Plan,
        subs: &[PureSub],
        items: Items,
        map: bool,
    ) -> Option<Outcome> {
        let threads = super::threads().clamp(1, items.len().max(1));
        let pieces = (threads * 4).min(items.len()).max(1);
        let ranges: Vec<Range<usize>> = (0..pieces)
            .map(|i| items.len() * i / pieces..items.len() * (i + 1) / pieces)
            .collect();
        let main_empty = Rc::as_ptr(&crate::interp::empty_string()) as usize;
        let seed = Seed {
            program: &self.unit.program,
            block,
            plan,
            subs,
            project: subs.iter().all(|s| !s.plan.reads_underscore),
            pad: Frozen(&self.pad[..]),
            globals: Frozen(&self.unit.globals[..]),
            items: Frozen(&items),
            last_match: Frozen(&*self.last_match),
            main_empty,
            hints: self.hints,
            line: self.line,
            file: self.file.to_string(),
            package: self.package.to_string(),
            global_warnings: self.global_warnings,
            lower_enabled: self.lower_enabled,
            map,
        };
        let next = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let outs: Vec<Option<WorkerOut>> = std::thread::scope(|s| {
            let handles: Vec<_> = (1..threads)
                .filter_map(|_| {
                    std::thread::Builder::new()
                        .stack_size(WORKER_STACK)
                        .spawn_scoped(s, || {
                            block_signals();
                            work(&seed, &ranges, &next, &stop)
                        })
                        .ok()
                })
                .collect();
            let mut outs = vec![work(&seed, &ranges, &next, &stop).0];
            // Joined one by one: a join waits for the thread's end, its
            // thread-locals included (`share::Moved`).
            for h in handles {
                outs.push(h.join().ok().and_then(|m| m.0));
            }
            outs
        });
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        let mut parts: Vec<Option<Outcome>> = (0..ranges.len()).map(|_| None).collect();
        for out in outs {
            let mut out = out?;
            if let Some(e) = out.adopt_empty.filter(|&e| e != main_empty) {
                let mut visited = FxHashSet::default();
                for (_, p) in &mut out.parts {
                    if let Outcome::Map(vals) = p {
                        for v in vals {
                            share::adopt(v, e, 0, &mut visited);
                        }
                    }
                }
            }
            for (i, p) in out.parts {
                parts[i] = Some(p);
            }
        }
        let mut whole = match map {
            true => Outcome::Map(Vec::new()),
            false => Outcome::Grep(Vec::with_capacity(items.len())),
        };
        for p in parts {
            match (&mut whole, p?) {
                (Outcome::Map(all), Outcome::Map(v)) => all.extend(v),
                (Outcome::Grep(all), Outcome::Grep(v)) => all.extend(v),
                _ => return None,
            }
        }
        Some(whole)
    }

    /// A worker's interpreter: the program's globals the block reads (copied),
    /// the others stand-ins; a pad shaped like the caller's, with the outer
    /// lexicals the block reads copied.
    ///
    /// # Safety
    /// The seed's frozen data must stay unwritten while this runs.
    unsafe fn worker(seed: &Seed, copier: &mut Copier) -> Result<Interp, Unsupported> {
        let prog = seed.program.clone();
        let unused = Glob::new(Rc::from("main::"));
        let mut globals: Vec<Gv> = vec![unused.clone(); prog.globals.len()];
        let mut symbols: rustc_hash::FxHashMap<String, Gv> = Default::default();
        let always = [
            wk::UNDERSCORE,
            wk::LIST_SEP,
            wk::SUBSEP,
            wk::RS,
            wk::ORS,
            wk::OFS,
            wk::ZERO,
        ];
        let sub_globals = seed.subs.iter().flat_map(|s| &s.plan.globals);
        for &id in always.iter().chain(&seed.plan.globals).chain(sub_globals) {
            let id = id as usize;
            if id >= globals.len() || !Rc::ptr_eq(&globals[id], &unused) {
                continue;
            }
            let name = &prog.globals[id];
            let g = Glob::new(Rc::from(name.as_str()));
            let src: &Glob = &seed.globals.0[id];
            let sv: &Sv = &*src.scalar.get();
            g.set_sv(copier.scalar(sv)?);
            if let Some(av) = &*src.array.get() {
                g.set_av(Some(copier.array(av)?));
            }
            if let Some(hv) = &*src.hash.get() {
                g.set_hv(Some(copier.hash(hv)?));
            }
            symbols.insert(name.clone(), g.clone());
            globals[id] = g;
        }
        let unit = Rc::new(Unit {
            globals,
            patterns: std::cell::RefCell::new(vec![None; prog.n_patterns as usize]),
            program: prog,
            transient: None,
            file: Rc::from(seed.file.as_str()),
        });
        let stdout = Handle::new(Backend::Stdout, false, true, "STDOUT");
        let stderr = Handle::new(Backend::Stderr, false, true, "STDERR");
        let mut it = Interp::assemble(unit, symbols, stdout, stderr, unused);
        it.worker = true;
        it.hints = seed.hints;
        it.line = seed.line;
        it.file = Rc::from(seed.file.as_str());
        it.package = Rc::from(seed.package.as_str());
        it.global_warnings = seed.global_warnings;
        it.lower_enabled = seed.lower_enabled;
        it.pad = seed
            .pad
            .0
            .iter()
            .map(|s| match s {
                PadSlot::Scalar(_) => PadSlot::Scalar(Scalar::new(Value::Undef)),
                PadSlot::Array(_) => PadSlot::Array(Array::new()),
                PadSlot::Hash(_) => PadSlot::Hash(Hash::new()),
                PadSlot::Empty => PadSlot::Empty,
            })
            .collect();
        for &s in &seed.plan.outer_slots {
            let s = s as usize;
            it.pad[s] = copy_slot(copier, &seed.pad.0[s])?;
        }
        for sub in seed.subs {
            let mut captured = Vec::with_capacity(sub.captured.0.len());
            for (slot, ps) in sub.captured.0 {
                captured.push((*slot, copy_slot(copier, ps)?));
            }
            let cv = Code::new(
                CodeKind::Perl {
                    body: sub.body.clone(),
                    captured,
                    unit: it.unit.clone(),
                },
                Some(Rc::from(sub.name)),
            );
            it.glob(sub.name).set_code(Some(cv));
        }
        let lm = seed.last_match.0;
        it.last_match = Rc::new(MatchState {
            subject: match copier.string(&lm.subject) {
                Value::Str(s) => s,
                _ => Rc::default(),
            },
            offs: lm.offs.clone(),
            re: None,
        });
        Ok(it)
    }
}

/// # Safety
/// As `Interp::worker`.
unsafe fn copy_slot(copier: &mut Copier, ps: &PadSlot) -> Result<PadSlot, Unsupported> {
    Ok(match ps {
        PadSlot::Scalar(sv) => PadSlot::Scalar(copier.scalar(sv)?),
        PadSlot::Array(av) => PadSlot::Array(copier.array(av)?),
        PadSlot::Hash(hv) => PadSlot::Hash(copier.hash(hv)?),
        PadSlot::Empty => PadSlot::Empty,
    })
}

/// Signals stay with the interpreter's thread (which handles Ctrl-C and
/// `%SIG`, and whose blocking calls they must interrupt); a worker sees
/// Ctrl-C through the flag the handler sets.
fn block_signals() {
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for s in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL] {
            libc::sigdelset(&mut set, s);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// One worker thread's share of the work (also run by the main thread).
fn work(
    seed: &Seed,
    ranges: &[Range<usize>],
    next: &AtomicUsize,
    stop: &AtomicBool,
) -> Moved<Option<WorkerOut>> {
    let empty = crate::interp::empty_string();
    let empty_addr = Rc::as_ptr(&empty) as usize;
    let before = Rc::strong_count(&empty);
    let parts = unsafe { work_ranges(seed, ranges, next, stop) };
    if parts.is_none() {
        stop.store(true, Ordering::Relaxed);
    }
    // Everything else that held this thread's empty string is gone: any
    // count above `before` is held by the results.
    let adopt_empty = (Rc::strong_count(&empty) > before).then_some(empty_addr);
    drop(empty);
    Moved(parts.map(|parts| WorkerOut { parts, adopt_empty }))
}

/// # Safety
/// As `Interp::worker`.
unsafe fn work_ranges(
    seed: &Seed,
    ranges: &[Range<usize>],
    next: &AtomicUsize,
    stop: &AtomicBool,
) -> Option<Vec<(usize, Outcome)>> {
    let mut copier = Copier::new(seed.main_empty);
    let mut w = Interp::worker(seed, &mut copier).ok()?;
    let underscore = w.gv(wk::UNDERSCORE).sv();
    let low = w.lowered_block(seed.block);
    let keys: Option<Vec<Key>> = seed
        .plan
        .projection
        .as_ref()
        .filter(|_| seed.project)
        .map(|ks| ks.iter().map(|k| make_key(k, false)).collect());
    let mut parts = Vec::new();
    let mut visited = FxHashSet::default();
    // Reused for every item, so copying one costs no allocation: the
    // projected record (it cannot escape the block: `$_` is only ever
    // subscripted), and a string buffer the block left unshared.
    let projected = Hash::with_capacity(keys.as_ref().map_or(0, |k| k.len()));
    let mut spare: Option<Rc<PStr>> = None;
    loop {
        let r = next.fetch_add(1, Ordering::Relaxed);
        if r >= ranges.len() {
            break;
        }
        let mut kept = Vec::new();
        let mut vals = Vec::new();
        for i in ranges[r].clone() {
            if stop.load(Ordering::Relaxed) {
                return None;
            }
            copier.begin_item();
            let item = seed.items.0.shared(i);
            let v = match (&keys, item) {
                (Some(keys), Value::HashRef(h)) => {
                    projected.clear();
                    copier.fill_hash(&projected, h, Some(keys)).ok()?;
                    Value::HashRef(projected.clone())
                }
                (_, Value::Str(s)) if Rc::as_ptr(s) as usize != seed.main_empty => {
                    let reused = spare.take().and_then(|mut buf| {
                        let b = Rc::get_mut(&mut buf)?;
                        b.bytes.clear();
                        b.bytes.extend_from_slice(&s.bytes);
                        b.utf8 = s.utf8;
                        Some(buf)
                    });
                    match reused {
                        Some(buf) => Value::Str(buf),
                        None => copier.string(s),
                    }
                }
                _ => copier.value(item).ok()?,
            };
            underscore.set(v);
            let mut out = Vec::new();
            let want = if seed.map { Want::List } else { Want::Scalar };
            let got = w
                .run_block(seed.block, low.as_deref(), want, &mut out)
                .ok()?;
            if w.worker_abort {
                return None;
            }
            if seed.map {
                for v in &out {
                    visited.clear();
                    if share::refers_to_copy(v, 0, &mut visited) {
                        return None;
                    }
                }
                vals.append(&mut out);
            } else {
                kept.push(got.truthy());
            }
            if let Value::Str(buf) = underscore.take() {
                if Rc::strong_count(&buf) == 1 {
                    spare = Some(buf);
                }
            }
            copier.end_item();
        }
        parts.push((
            r,
            if seed.map {
                Outcome::Map(vals)
            } else {
                Outcome::Grep(kept)
            },
        ));
    }
    drop(low);
    drop(underscore);
    drop(projected);
    drop(spare);
    drop(w);
    drop(copier);
    Some(parts)
}
