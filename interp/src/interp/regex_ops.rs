//! `m//`, `s///`, `tr///`, `qr//` and `split`.

use std::rc::Rc;

use super::expr::{bool_val, sub_pstr};
use super::{Interp, MatchState, Want, R};
use crate::ast::{self, well_known as wk, Expr, Pattern, SplitPat, TrFlags};
use crate::convert::{self, to_bytes};
use crate::regex::{Captures, Regex};
use crate::value::*;

impl Interp {
    /// The compiled regex of a pattern literal: compiled once for constant
    /// patterns, and again only when an interpolated pattern's text changes.
    pub fn regex_for(&mut self, pat: &Pattern) -> R<Rc<Regex>> {
        let id = pat.id as usize;
        if let Expr::Str { bytes, utf8 } = &*pat.src {
            if let Some(Some(re)) = self.unit.patterns.borrow().get(id) {
                return Ok(re.clone());
            }
            let re = self.compile_regex(bytes, *utf8, &pat.flags)?;
            let mut cache = self.unit.patterns.borrow_mut();
            if id < cache.len() {
                cache[id] = Some(re.clone());
            }
            return Ok(re);
        }
        // A lone (interpolated) qr// object is used as is.
        let v = match &*pat.src {
            Expr::Interp(parts) if parts.len() == 1 => self.sv(&parts[0])?,
            src => self.sv(src)?,
        };
        if let Value::Regex(q) = &v {
            if pat.flags == Default::default() || same_match_flags(&pat.flags, q.re.flags()) {
                return Ok(q.re.clone());
            }
        }
        self.regex_from_value(&v, pat)
    }

    fn regex_from_value(&mut self, v: &Value, pat: &Pattern) -> R<Rc<Regex>> {
        let src = convert::to_pstr(v).into_owned();
        let id = pat.id as usize;
        if let Some(Some(re)) = self.unit.patterns.borrow().get(id) {
            let (b, u) = re.pattern();
            if b == &src.bytes[..] && u == src.utf8 {
                return Ok(re.clone());
            }
        }
        let re = self.compile_regex(&src.bytes, src.utf8, &pat.flags)?;
        let mut cache = self.unit.patterns.borrow_mut();
        if id < cache.len() {
            cache[id] = Some(re.clone());
        }
        Ok(re)
    }

    fn compile_regex(&mut self, src: &[u8], utf8: bool, flags: &ast::ReFlags) -> R<Rc<Regex>> {
        match crate::regex::compile(src, utf8, flags) {
            Ok(r) => Ok(Rc::new(r)),
            Err(msg) => Err(self.die_msg(msg)),
        }
    }

    fn set_match(&mut self, subject: &Rc<PStr>, caps: &Captures, re: &Rc<Regex>) {
        self.last_match = Rc::new(MatchState {
            subject: subject.clone(),
            offs: caps.offsets().to_vec(),
            re: Some(re.clone()),
        });
    }

    /// The regex of a match or substitution: an empty pattern stands for
    /// the last successfully matched one.
    fn match_regex(&mut self, pat: &Pattern) -> R<Rc<Regex>> {
        let re = self.regex_for(pat)?;
        if re.pattern().0.is_empty() {
            if let Some(last) = &self.last_match.re {
                return Ok(last.clone());
            }
        }
        Ok(re)
    }

    /// The subject string and (for `//g` in scalar context and `s///`) the
    /// container it lives in.
    fn subject(
        &mut self,
        target: Option<&Expr>,
        need_container: bool,
    ) -> R<(Rc<PStr>, Option<Sv>)> {
        let (v, sv) = match target {
            None => {
                let sv = self.gv(wk::UNDERSCORE).sv();
                (sv.get(), Some(sv))
            }
            Some(e @ Expr::Str { bytes, .. }) if need_container => {
                let key = e as *const Expr as usize;
                let sv = match self.const_targets.get(&key) {
                    Some(sv) if matches!(sv.get(), Value::Str(s) if s.bytes[..] == bytes[..]) => {
                        sv.clone()
                    }
                    _ => {
                        let sv = Scalar::new(self.sv(e)?);
                        self.const_targets.insert(key, sv.clone());
                        self.note_cache_key(key);
                        sv
                    }
                };
                (sv.get(), Some(sv))
            }
            Some(e) if need_container => {
                let sv = self.lv_sv(e)?;
                (sv.get(), Some(sv))
            }
            Some(e) => (self.sv(e)?, None),
        };
        if v.is_undef() && self.warnings_on() {
            match target {
                Some(e) => self.warn_uninit(e, "pattern match (m//)"),
                None => self.warn_str("Use of uninitialized value $_ in pattern match (m//)"),
            }
        }
        let s = match v {
            Value::Str(s) => s,
            other => Rc::new(convert::to_pstr(&other).into_owned()),
        };
        Ok((s, sv))
    }

    pub fn do_match(
        &mut self,
        target: Option<&Expr>,
        pat: &Pattern,
        negate: bool,
        want: Want,
        out: &mut Vec<Value>,
    ) -> R<Value> {
        if pat.flags.once
            && self
                .once_matched
                .contains(&(pat as *const Pattern as usize))
        {
            return Ok(bool_val(negate));
        }
        let re = self.match_regex(pat)?;
        let g = pat.flags.g;
        let scalar_g = g && want != Want::List;
        // List-context //g starts at pos() and resets it: it needs the
        // container of a plain variable too.
        let need_container = scalar_g
            || ((g || re.uses_gpos()) && matches!(target, Some(Expr::My(_) | Expr::Global(_))));
        let (subj, sv) = self.subject(target, need_container)?;
        if g && want == Want::List && !negate {
            // All matches: the captures of each, or the whole matches.
            let mut pos = sv.as_ref().and_then(|s| s.pos()).unwrap_or(0);
            let mut not_empty = false;
            let ncap = re.capture_count();
            let mut last = None;
            let mut count = 0;
            while let Some(c) = self.find(&re, &subj, pos, not_empty)? {
                count += 1;
                if ncap == 0 {
                    let (s, e) = c.get(0).unwrap_or((0, 0));
                    out.push(sub_pstr(&subj, s, e));
                } else {
                    for i in 1..=ncap {
                        out.push(match c.get(i) {
                            Some((s, e)) => sub_pstr(&subj, s, e),
                            None => Value::Undef,
                        });
                    }
                }
                let (s, e) = c.get(0).unwrap_or((pos, pos));
                not_empty = s == e;
                pos = e;
                last = Some(c);
            }
            if let Some(c) = last {
                self.set_match(&subj, &c, &re);
            }
            if let Some(sv) = &sv {
                sv.set_pos(None);
            }
            return Ok(Value::Int(count));
        }
        if scalar_g {
            let sv = sv.expect("container for //g");
            let start = sv.pos().unwrap_or(0);
            let not_empty = self.pos_was_empty(&sv, start);
            match self.find(&re, &subj, start, not_empty)? {
                Some(c) => {
                    let (s, e) = c.get(0).unwrap_or((start, start));
                    self.set_match(&subj, &c, &re);
                    sv.set_pos(Some(e));
                    self.mark_empty_pos(&sv, s == e);
                    return Ok(bool_val(!negate));
                }
                None => {
                    if !pat.flags.c {
                        sv.set_pos(None);
                    }
                    return Ok(bool_val(negate));
                }
            }
        }
        // Without /g, `\G` still anchors at pos().
        let start = match &sv {
            Some(sv) if re.uses_gpos() => sv.pos().unwrap_or(0),
            _ => 0,
        };
        match self.find(&re, &subj, start, false)? {
            Some(c) => {
                self.set_match(&subj, &c, &re);
                if pat.flags.once {
                    self.once_matched.insert(pat as *const Pattern as usize);
                    self.note_cache_key(pat as *const Pattern as usize);
                }
                if negate {
                    return Ok(bool_val(false));
                }
                if want == Want::List {
                    let n = re.capture_count();
                    if n == 0 {
                        out.push(Value::Int(1));
                    } else {
                        for i in 1..=n {
                            out.push(match c.get(i) {
                                Some((s, e)) => sub_pstr(&subj, s, e),
                                None => Value::Undef,
                            });
                        }
                    }
                }
                Ok(bool_val(true))
            }
            None => Ok(bool_val(negate)),
        }
    }

    fn pos_was_empty(&self, sv: &Sv, start: usize) -> bool {
        self.empty_match_at
            .as_ref()
            .is_some_and(|(p, at)| Rc::ptr_eq(p, sv) && *at == start)
    }

    fn mark_empty_pos(&mut self, sv: &Sv, empty: bool) {
        self.empty_match_at = if empty {
            Some((sv.clone(), sv.pos().unwrap_or(0)))
        } else {
            None
        };
    }

    fn find(
        &mut self,
        re: &Regex,
        subj: &PStr,
        start: usize,
        not_empty: bool,
    ) -> R<Option<Captures>> {
        match re.try_find_at(&subj.bytes, subj.utf8, start, not_empty) {
            Ok(c) => Ok(c),
            Err(msg) => Err(self.die_msg(msg)),
        }
    }

    pub fn do_subst(&mut self, target: Option<&Expr>, pat: &Pattern, repl: &Expr) -> R<Value> {
        let re = self.match_regex(pat)?;
        let sv = match target {
            None => self.gv(wk::UNDERSCORE).sv(),
            Some(e) if pat.flags.r => Scalar::new(self.sv(e)?),
            Some(e) => self.lv_sv(e)?,
        };
        let cur = sv.get();
        let subj: Rc<PStr> = match cur {
            Value::Str(s) => s,
            other => {
                if other.is_undef() && self.warnings_on() {
                    match target {
                        Some(e) => self.warn_uninit(e, "substitution (s///)"),
                        None => {
                            self.warn_str("Use of uninitialized value $_ in substitution (s///)")
                        }
                    }
                }
                Rc::new(convert::to_pstr(&other).into_owned())
            }
        };
        let mut out = PStr {
            bytes: Vec::with_capacity(subj.bytes.len()),
            utf8: subj.utf8,
        };
        let mut pos = 0usize;
        let mut copied = 0usize;
        let mut count = 0i64;
        let mut not_empty = false;
        while let Some(c) = self.find(&re, &subj, pos, not_empty)? {
            let (s, e) = c.get(0).unwrap_or((pos, pos));
            count += 1;
            self.set_match(&subj, &c, &re);
            let r = self.sv(repl)?;
            out.bytes.extend_from_slice(&subj.bytes[copied..s]);
            let rb = to_bytes(&r);
            convert::concat_into(&mut out, &rb, convert::is_utf8(&r));
            copied = e;
            if !pat.flags.g {
                break;
            }
            not_empty = s == e;
            pos = e;
            if pos > subj.bytes.len() {
                break;
            }
        }
        if count == 0 {
            if pat.flags.r {
                return Ok(Value::Str(subj));
            }
            return Ok(bool_val(false));
        }
        if out.utf8 && !subj.utf8 {
            out.bytes.extend_from_slice(&upgrade(&subj.bytes[copied..]));
        } else {
            out.bytes.extend_from_slice(&subj.bytes[copied..]);
        }
        let newv = Value::Str(Rc::new(out));
        if pat.flags.r {
            return Ok(newv);
        }
        match target {
            Some(e) if !matches!(e, Expr::My(_) | Expr::Global(_)) => {
                self.assign_container(e, &sv, newv)?
            }
            _ => sv.set(newv),
        }
        Ok(Value::Int(count))
    }

    pub fn do_trans(
        &mut self,
        target: Option<&Expr>,
        from: &std::sync::Arc<[u32]>,
        to: &std::sync::Arc<[u32]>,
        flags: TrFlags,
    ) -> R<Value> {
        let key = std::sync::Arc::as_ptr(from) as *const u32 as usize;
        let tr = match self.tr_cache.get(&key) {
            Some(t) => t.clone(),
            None => {
                let t = Rc::new(crate::regex::tr::Trans::new(from, to, flags));
                self.tr_cache.insert(key, t.clone());
                self.note_cache_key(key);
                t
            }
        };
        let sv = match target {
            None => self.gv(wk::UNDERSCORE).sv(),
            Some(e) if flags.r => Scalar::new(self.sv(e)?),
            Some(e) => self.lv_sv(e)?,
        };
        let cur = sv.get();
        let s = convert::to_pstr(&cur).into_owned();
        let (new, count) = tr.apply(&s.bytes, s.utf8);
        if flags.r {
            return Ok(match new {
                Some((b, u)) => Value::str_from(b, u),
                None => Value::Str(Rc::new(s)),
            });
        }
        if let Some((b, u)) = new {
            sv.set(Value::str_from(b, u));
        }
        Ok(Value::Int(count as i64))
    }

    pub fn make_qr(&mut self, pat: &Pattern) -> R<Value> {
        let re = self.regex_for(pat)?;
        let (s, u) = re.stringify();
        Ok(Value::Regex(Rc::new(QrValue {
            re,
            stringified: PStr { bytes: s, utf8: u },
            blessed: Default::default(),
        })))
    }

    pub fn do_split(&mut self, e: &Expr, out: &mut Vec<Value>) -> R<()> {
        let Expr::Split { pat, expr, limit } = e else {
            return Ok(());
        };
        let sv = match expr {
            Some(x) => self.sv(x)?,
            None => self.gv(wk::UNDERSCORE).sv().get(),
        };
        let subj = convert::to_pstr(&sv).into_owned();
        let limit = match limit {
            Some(l) => convert::to_i64(&self.sv(l)?),
            None => 0,
        };
        let start = out.len();
        let re = match pat {
            SplitPat::Whitespace => None,
            SplitPat::Regex(p) => match &*p.src {
                // `split /^/` means `split /^/m`.
                Expr::Str { bytes, .. } if &bytes[..] == b"^" && !p.flags.m => {
                    let mut pm = p.clone();
                    pm.flags.m = true;
                    Some(self.regex_for(&pm)?)
                }
                _ => Some(self.regex_for(p)?),
            },
            SplitPat::Expr(x) => {
                let v = self.sv(x)?;
                match &v {
                    Value::Regex(q) => Some(q.re.clone()),
                    _ => {
                        let b = to_bytes(&v);
                        if &b[..] == b" " {
                            None
                        } else {
                            let ps = convert::to_pstr(&v).into_owned();
                            Some(self.compile_regex(&ps.bytes, ps.utf8, &Default::default())?)
                        }
                    }
                }
            }
        };
        let bytes = &subj.bytes;
        let mk = |a: usize, b: usize| Value::str_from(bytes[a..b].to_vec(), subj.utf8);
        match re {
            None => {
                // awk mode: skip leading whitespace, split on runs.
                let is_ws = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c | 0x0b);
                let mut i = 0;
                while i < bytes.len() && is_ws(bytes[i]) {
                    i += 1;
                }
                let mut fields = 0i64;
                while i < bytes.len() {
                    if limit > 0 && fields == limit - 1 {
                        out.push(mk(i, bytes.len()));
                        break;
                    }
                    let s = i;
                    while i < bytes.len() && !is_ws(bytes[i]) {
                        i += 1;
                    }
                    out.push(mk(s, i));
                    fields += 1;
                    if i < bytes.len() {
                        while i < bytes.len() && is_ws(bytes[i]) {
                            i += 1;
                        }
                        if i == bytes.len() {
                            out.push(mk(i, i));
                        }
                    }
                }
                let _ = fields;
            }
            Some(re) => {
                if bytes.is_empty() {
                    return Ok(());
                }
                let ncap = re.capture_count();
                let mut field_start = 0usize;
                let mut pos = 0usize;
                let mut fields = 0i64;
                loop {
                    if limit > 0 && fields >= limit - 1 {
                        break;
                    }
                    // A match may not be empty where the current field starts.
                    let Some(c) = self.find(&re, &subj, pos, pos == field_start)? else {
                        break;
                    };
                    let (s, e) = c.get(0).unwrap_or((pos, pos));
                    // An empty match at the very end separates a last
                    // (empty) field, unless nothing is left to split.
                    if s == e && s >= bytes.len() && s == field_start {
                        break;
                    }
                    if !(s == 0 && e == 0) {
                        // A non-empty match at position 0 gives a leading
                        // empty field; an empty one does not.
                        out.push(mk(field_start, s));
                        fields += 1;
                        for i in 1..=ncap {
                            out.push(match c.get(i) {
                                Some((a, b)) => mk(a, b),
                                None => Value::Undef,
                            });
                        }
                    }
                    field_start = e;
                    pos = e;
                    if e == s {
                        // Step past the empty match by one character.
                        if s == field_start && s < bytes.len() {
                            pos = s;
                        }
                    }
                    if pos > bytes.len() {
                        break;
                    }
                }
                out.push(mk(field_start.min(bytes.len()), bytes.len()));
            }
        }
        if limit == 0 {
            while out.len() > start {
                let empty = match out.last() {
                    Some(Value::Undef) => true,
                    Some(Value::Str(s)) => s.bytes.is_empty(),
                    _ => false,
                };
                if empty {
                    out.pop();
                } else {
                    break;
                }
            }
        }
        Ok(())
    }
}

fn same_match_flags(a: &ast::ReFlags, b: &ast::ReFlags) -> bool {
    a.i == b.i && a.m == b.m && a.s == b.s && a.x == b.x
}
