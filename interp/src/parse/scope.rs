//! Lexical pads, scopes and closure captures.

use super::{PResult, Parser};
use crate::ast::{Capture, PadEntry, PadKind, Slot};
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub(crate) enum Binding {
    /// A `my`/`state` variable (or a capture) in the current pad.
    Pad(Slot),
    /// An `our` alias: the fully qualified package variable.
    Our(String),
}

/// One sub being compiled (or the file's main code).
#[derive(Debug)]
pub(crate) struct Unit {
    pub pad: Vec<PadEntry>,
    pub captures: Vec<Capture>,
    /// Innermost scope last; names carry their sigil.
    pub scopes: Vec<Vec<(String, Binding)>>,
    /// Outer slot → slot of this unit holding the captured container.
    pub cap_map: HashMap<Slot, Slot>,
    /// A real sub (so `shift` defaults to `@_`).
    pub is_sub: bool,
    /// Per scope, the `my` slots declared in it (for `Block::my_slots`).
    pub decls: Vec<Vec<Slot>>,
}

impl Unit {
    pub fn new(is_sub: bool) -> Unit {
        Unit {
            pad: Vec::new(),
            captures: Vec::new(),
            scopes: vec![Vec::new()],
            cap_map: HashMap::new(),
            is_sub,
            decls: vec![Vec::new()],
        }
    }
}

pub(crate) fn kind_of(name: &str) -> PadKind {
    match name.as_bytes().first() {
        Some(b'@') => PadKind::Array,
        Some(b'%') => PadKind::Hash,
        _ => PadKind::Scalar,
    }
}

impl Parser {
    pub fn cur_unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("unit")
    }

    pub fn in_sub(&self) -> bool {
        self.units.last().map(|u| u.is_sub).unwrap_or(false)
    }

    /// Allocate a pad slot (not yet visible).
    pub fn alloc_slot(&mut self, name: &str, is_state: bool) -> Slot {
        let u = self.cur_unit();
        u.pad.push(PadEntry {
            name: name.to_string(),
            kind: kind_of(name),
            is_state,
        });
        (u.pad.len() - 1) as Slot
    }

    /// `my $x`: a fresh slot, visible from the next statement.
    pub fn declare_my(&mut self, name: &str, is_state: bool) -> Slot {
        let slot = self.alloc_slot(name, is_state);
        if let Some(p) = self.pending.last_mut() {
            p.push((name.to_string(), Binding::Pad(slot)));
        }
        slot
    }

    /// Make a binding visible now, in the innermost scope.
    pub fn bind_now(&mut self, name: &str, b: Binding) {
        if let Binding::Our(fq) = &b {
            // `our` marks the name as meant: no "used only once" warning.
            self.global_uses.insert(fq.clone(), (2, 0));
            if let Some(sigil @ ('@' | '%')) = name.chars().next() {
                self.seen_containers.insert(format!("{sigil}{fq}"));
            }
            self.note_module_name(fq);
        }
        let u = self.cur_unit();
        if let Some(s) = u.scopes.last_mut() {
            s.push((name.to_string(), b));
        }
    }

    /// Statement end: the `my` variables it declared become visible.
    pub fn flush_pending(&mut self) {
        let items = match self.pending.last_mut() {
            Some(p) => std::mem::take(p),
            None => return,
        };
        for (n, b) in items {
            if let Binding::Pad(slot) = b {
                let u = self.cur_unit();
                let is_state = u.pad.get(slot as usize).is_some_and(|p| p.is_state);
                if !is_state {
                    if let Some(d) = u.decls.last_mut() {
                        d.push(slot);
                    }
                }
            }
            self.bind_now(&n, b);
        }
    }

    pub fn push_scope(&mut self) {
        let u = self.cur_unit();
        u.scopes.push(Vec::new());
        u.decls.push(Vec::new());
    }

    /// Close a scope, returning the `my` slots declared in it.
    pub fn pop_scope(&mut self) -> Vec<Slot> {
        let u = self.cur_unit();
        if u.scopes.len() > 1 {
            u.scopes.pop();
            return u.decls.pop().unwrap_or_default();
        }
        Vec::new()
    }

    /// Start compiling a sub body.
    pub fn begin_unit(&mut self, is_sub: bool) {
        self.units.push(Unit::new(is_sub));
    }

    pub fn end_unit(&mut self) -> Unit {
        self.units.pop().expect("unit")
    }

    /// Find a lexical by name (with sigil), capturing it through every
    /// enclosing sub between its pad and the current one.
    pub fn lookup(&mut self, name: &str) -> Option<Binding> {
        let top = self.units.len().checked_sub(1)?;
        self.lookup_in(top, name)
    }

    fn lookup_in(&mut self, u: usize, name: &str) -> Option<Binding> {
        for scope in self.units[u].scopes.iter().rev() {
            for (n, b) in scope.iter().rev() {
                if n == name {
                    return Some(b.clone());
                }
            }
        }
        if u == 0 {
            return None;
        }
        match self.lookup_in(u - 1, name)? {
            Binding::Our(q) => Some(Binding::Our(q)),
            Binding::Pad(outer) => {
                let unit = &mut self.units[u];
                if let Some(&inner) = unit.cap_map.get(&outer) {
                    return Some(Binding::Pad(inner));
                }
                unit.pad.push(PadEntry {
                    name: name.to_string(),
                    kind: kind_of(name),
                    is_state: false,
                });
                let inner = (unit.pad.len() - 1) as Slot;
                unit.captures.push(Capture { outer, inner });
                unit.cap_map.insert(outer, inner);
                unit.scopes[0].push((name.to_string(), Binding::Pad(inner)));
                Some(Binding::Pad(inner))
            }
        }
    }

    /// The lexicals visible here, for a string `eval` (outer subs' lexicals
    /// are captured so the eval can reach them).
    pub fn visible_lexicals(&mut self) -> Vec<(String, Slot)> {
        let mut out = Vec::new();
        for n in self.visible_names() {
            if let Some(Binding::Pad(s)) = self.lookup(&n) {
                out.push((n, s));
            }
        }
        out
    }

    /// Every name declared in a scope open here, once.
    fn visible_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for u in &self.units {
            for s in &u.scopes {
                for (n, _) in s {
                    if !names.contains(n) {
                        names.push(n.clone());
                    }
                }
            }
        }
        names
    }

    /// The `our` declarations visible here, for a string `eval`.
    pub fn visible_ours(&mut self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for n in self.visible_names() {
            if let Some(Binding::Our(fq)) = self.lookup(&n) {
                out.push((n, fq));
            }
        }
        out
    }

    pub fn check_depth(&mut self) -> PResult<()> {
        self.depth += 1;
        #[cfg(test)]
        {
            let x = 0u8;
            let a = &x as *const u8 as usize;
            MINSP.with(|m| {
                if a < m.get() {
                    m.set(a);
                    MAXD.with(|d| d.set(self.depth));
                }
            });
        }
        if self.depth > super::MAX_DEPTH {
            return Err(self.error_msg("Too deeply nested"));
        }
        Ok(())
    }
}

#[cfg(test)]
thread_local! {
    pub static MINSP: std::cell::Cell<usize> = const { std::cell::Cell::new(usize::MAX) };
    pub static MAXD: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}
