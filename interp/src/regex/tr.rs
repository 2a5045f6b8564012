//! Transliteration (`tr///`, `y///`).

use super::push_utf8;
use super::translate::decode_one;
use crate::ast::TrFlags;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    /// Not in the search list: copied, not counted.
    Keep,
    Map(u32),
    Del,
}

/// A precomputed transliteration.
#[derive(Debug, Clone)]
pub struct Trans {
    /// Actions for code points 0..=0xFF.
    table: [Act; 256],
    /// Actions for code points above 0xFF named in the search list (not /c).
    wide: HashMap<u32, Act>,
    complement: bool,
    /// Distinct search characters, sorted (for /c: a character's position
    /// in the complement is `c - #{from chars below c}`).
    from_sorted: Vec<u32>,
    to: Vec<u32>,
    delete: bool,
    squeeze: bool,
    /// Every character maps to itself: the string never changes.
    identity: bool,
    /// Some replacement is above 0xFF, so an 8-bit string may become utf8.
    maps_wide: bool,
}

impl Trans {
    pub fn new(from: &[u32], to: &[u32], flags: TrFlags) -> Trans {
        let mut from_sorted = from.to_vec();
        from_sorted.sort_unstable();
        from_sorted.dedup();
        let mut t = Trans {
            table: [Act::Keep; 256],
            wide: HashMap::new(),
            complement: flags.c,
            from_sorted,
            to: to.to_vec(),
            delete: flags.d,
            squeeze: flags.s,
            identity: false,
            maps_wide: false,
        };
        if !flags.c {
            // Earlier occurrences win over later duplicates.
            for (i, &c) in from.iter().enumerate().rev() {
                let act = if i < to.len() {
                    Act::Map(to[i])
                } else if flags.d {
                    Act::Del
                } else if let Some(&last) = to.last() {
                    Act::Map(last)
                } else {
                    Act::Map(c)
                };
                if c < 256 {
                    t.table[c as usize] = act;
                } else {
                    t.wide.insert(c, act);
                }
            }
        } else {
            for c in 0..256u32 {
                t.table[c as usize] = t.complement_act(c);
            }
        }
        let mut identity = !flags.d && !flags.s;
        let mut maps_wide = false;
        let mut check = |a: Act, c: u32| match a {
            Act::Map(m) => {
                if m != c {
                    identity = false;
                }
                if m > 0xFF {
                    maps_wide = true;
                }
            }
            Act::Del => identity = false,
            Act::Keep => {}
        };
        for c in 0..256u32 {
            check(t.table[c as usize], c);
        }
        for (&c, &a) in &t.wide {
            check(a, c);
        }
        if flags.c && !t.to.is_empty() {
            // Characters above 0xFF in the complement map into `to` too.
            if t.to.iter().any(|&m| m > 0xFF) {
                maps_wide = true;
            }
            identity = false;
        }
        t.identity = identity;
        t.maps_wide = maps_wide;
        t
    }

    fn complement_act(&self, c: u32) -> Act {
        if self.from_sorted.binary_search(&c).is_ok() {
            return Act::Keep;
        }
        let idx = (c as usize) - self.from_sorted.partition_point(|&f| f < c);
        if self.to.is_empty() {
            if self.delete {
                Act::Del
            } else {
                Act::Map(c)
            }
        } else if idx < self.to.len() {
            Act::Map(self.to[idx])
        } else if self.delete {
            Act::Del
        } else {
            Act::Map(*self.to.last().expect("non-empty"))
        }
    }

    fn act(&self, c: u32) -> Act {
        if c < 256 {
            self.table[c as usize]
        } else if self.complement {
            self.complement_act(c)
        } else {
            self.wide.get(&c).copied().unwrap_or(Act::Keep)
        }
    }

    /// Applies the transliteration.  Returns the new string and its utf8
    /// flag (`None` when the string would not change) and the number of
    /// characters that matched the search list.
    pub fn apply(&self, s: &[u8], utf8: bool) -> (Option<(Vec<u8>, bool)>, usize) {
        if !utf8 && !self.maps_wide {
            return self.apply_bytes(s);
        }
        let mut out: Vec<u32> = Vec::with_capacity(s.len());
        let mut count = 0;
        let mut last: Option<u32> = None;
        let mut i = 0;
        let mut wide_out = false;
        while i < s.len() {
            let (c, len) = if utf8 {
                decode_one(&s[i..])
            } else {
                (s[i] as u32, 1)
            };
            i += len;
            match self.act(c) {
                Act::Keep => {
                    out.push(c);
                    last = None;
                }
                Act::Del => count += 1,
                Act::Map(m) => {
                    count += 1;
                    if self.squeeze && last == Some(m) {
                        continue;
                    }
                    wide_out |= m > 0xFF;
                    out.push(m);
                    last = Some(m);
                }
            }
        }
        if count == 0 || self.identity {
            return (None, count);
        }
        let out_utf8 = utf8 || wide_out;
        let mut bytes = Vec::with_capacity(out.len() + 8);
        for c in out {
            if out_utf8 {
                push_utf8(&mut bytes, c);
            } else {
                bytes.push(c as u8);
            }
        }
        if out_utf8 == utf8 && bytes == s {
            return (None, count);
        }
        (Some((bytes, out_utf8)), count)
    }

    fn apply_bytes(&self, s: &[u8]) -> (Option<(Vec<u8>, bool)>, usize) {
        if self.identity {
            let count = s
                .iter()
                .filter(|&&b| self.table[b as usize] != Act::Keep)
                .count();
            return (None, count);
        }
        let mut out = Vec::with_capacity(s.len());
        let mut count = 0;
        let mut last: Option<u32> = None;
        for &b in s {
            match self.table[b as usize] {
                Act::Keep => {
                    out.push(b);
                    last = None;
                }
                Act::Del => count += 1,
                Act::Map(m) => {
                    count += 1;
                    if self.squeeze && last == Some(m) {
                        continue;
                    }
                    out.push(m as u8);
                    last = Some(m);
                }
            }
        }
        if count == 0 || out == s {
            return (None, count);
        }
        (Some((out, false)), count)
    }
}
