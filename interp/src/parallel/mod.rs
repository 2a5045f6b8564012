//! Automatic parallelism: `grep`/`map` blocks that are pure (decided
//! statically, `purity`) run on all cores once the list is big enough
//! (`worker`), values crossing threads as `share` describes; `sort` with a
//! comparator made of key comparisons sorts native keys, in parallel on big
//! lists (`keysort`). The results are always the sequential ones.
//!
//! Settings are process-wide (psh's `--threads`, `--no-parallel`,
//! `--parallel-threshold`); a threshold of 0 sends every pure block
//! through the workers, so the test suite can run that way.

pub mod keysort;
pub mod purity;
pub mod share;
mod worker;

pub(crate) use worker::{Items, Outcome, PureSub};

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Lists shorter than this stay sequential: starting workers and copying
/// what the block reads costs tens of microseconds.
pub const DEFAULT_THRESHOLD: usize = 10_000;

static ENABLED: AtomicBool = AtomicBool::new(true);
static THREADS: AtomicUsize = AtomicUsize::new(0);
static THRESHOLD: AtomicUsize = AtomicUsize::new(DEFAULT_THRESHOLD);

/// `--no-parallel` / `--parallel`.
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// `--threads N` (0: one per core).
pub fn set_threads(n: usize) {
    THREADS.store(n, Ordering::Relaxed);
}

/// `--parallel-threshold N`.
pub fn set_threshold(n: usize) {
    THRESHOLD.store(n, Ordering::Relaxed);
}

/// Worker threads to use (the calling thread counts as one).
pub fn threads() -> usize {
    match THREADS.load(Ordering::Relaxed) {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
}

/// Whether a list of `n` values is worth running in parallel. With a
/// threshold of 0, every list is (even on one thread: the point is to
/// exercise the parallel path).
pub fn wanted(n: usize) -> bool {
    if !ENABLED.load(Ordering::Relaxed) {
        return false;
    }
    match THRESHOLD.load(Ordering::Relaxed) {
        0 => true,
        t => n >= t && threads() > 1,
    }
}

/// `PSH_PARALLEL_TRACE=1`: say on stderr what ran in parallel and what
/// did not, and why (for users wondering why a stage is slow).
pub fn trace(what: std::fmt::Arguments) {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *ON.get_or_init(|| std::env::var_os("PSH_PARALLEL_TRACE").is_some_and(|v| v != "0")) {
        eprintln!("psh parallel: {what}");
    }
}
