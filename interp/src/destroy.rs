//! Deferred `DESTROY`.
//!
//! When the last reference to a blessed referent goes, its `Drop` moves the
//! contents into a fresh referent (marked so it is not destroyed twice) and
//! queues a reference to it here. The interpreter drains the queue at
//! statement boundaries and sub returns, where no container is borrowed, and
//! calls `DESTROY` on each. For ordinary code the observable timing is perl's:
//! the object is destroyed before the next statement runs.

use crate::value::Value;
use std::cell::{Cell, RefCell};

thread_local! {
    static QUEUE: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

pub fn defer(v: Value) {
    // During thread teardown the queue may be gone; nothing can run then.
    let _ = QUEUE.try_with(|q| q.borrow_mut().push(v));
    let _ = PENDING.try_with(|p| p.set(true));
}

#[inline]
pub fn pending() -> bool {
    PENDING.with(|p| p.get())
}

/// Take the queued objects (oldest first).
pub fn take() -> Vec<Value> {
    PENDING.with(|p| p.set(false));
    QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()))
}
