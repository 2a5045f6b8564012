//! Report formats: `formline` (a picture filled from a list, appended to
//! `$^A`) and `write` (a handle's format run through `formline`, with
//! page headers). A `format NAME =` declaration is compiled by the parser
//! into a sub of `formline` calls, one per picture line; this module does
//! the filling.
//!
//! Fields: `@<<<` `@>>>` `@|||` (left, right, centred text), `@##.##` and
//! `@0#.##` (numbers), `@*` (a multi-line value), and the `^` forms, which
//! take as much of the text as fits, breaking after a character of `$:`,
//! and chop it off their variable; `...` after a `^` field marks text left
//! over. A `~` in a line drops the line when its fields are all empty;
//! `~~` repeats the line until they are.

use std::rc::Rc;

use crate::convert::{chars_of, from_chars, to_f64, to_pstr};
use crate::value::*;

#[derive(Clone, Copy, PartialEq)]
enum Just {
    Left,
    Right,
    Center,
}

enum Field {
    /// `@<<<` or `^<<<` (`chop` for `^`), `more` when followed by `...`.
    Text {
        width: usize,
        just: Just,
        chop: bool,
        more: bool,
    },
    /// `@##.##`: total width, digits after the point, zero-padded, and
    /// whether undef shows as blanks (`^##`).
    Num {
        width: usize,
        decimals: Option<usize>,
        zero: bool,
        blank_undef: bool,
    },
    /// `@*` (all of the value) or `^*` (its first line, chopped).
    Lines { chop: bool },
}

enum Piece {
    Lit(Vec<u32>),
    Field(Field),
}

/// One picture line: its pieces and its `~`/`~~` mode.
struct Line {
    pieces: Vec<Piece>,
    suppress_blank: bool,
    repeat: bool,
    newline: bool,
}

fn parse_line(chars: &[u32], newline: bool) -> Line {
    let tildes = chars.iter().filter(|&&c| c == '~' as u32).count();
    let repeat = chars.windows(2).any(|w| w == ['~' as u32, '~' as u32]);
    let mut pieces = Vec::new();
    let mut lit = Vec::new();
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or(0);
    while i < chars.len() {
        let c = chars[i];
        if c != '@' as u32 && c != '^' as u32 {
            // The tildes themselves print as spaces.
            lit.push(if c == '~' as u32 { ' ' as u32 } else { c });
            i += 1;
            continue;
        }
        let chop = c == '^' as u32;
        let start = i;
        i += 1;
        let field = match char::from_u32(at(i)).unwrap_or('\0') {
            '*' => {
                i += 1;
                Field::Lines { chop }
            }
            j @ ('<' | '>' | '|') => {
                while at(i) == j as u32 {
                    i += 1;
                }
                // The dots of `^<<<...` are part of the field.
                let more = chop && chars[i..].starts_with(&['.' as u32; 3]);
                if more {
                    i += 3;
                }
                let width = i - start;
                let just = match j {
                    '<' => Just::Left,
                    '>' => Just::Right,
                    _ => Just::Center,
                };
                Field::Text {
                    width,
                    just,
                    chop,
                    more,
                }
            }
            '#' | '0' | '.' if at(i) != '.' as u32 || at(i + 1) == '#' as u32 => {
                let zero = at(i) == '0' as u32;
                while at(i) == '#' as u32 || (i == start + 1 && at(i) == '0' as u32) {
                    i += 1;
                }
                let mut decimals = None;
                if at(i) == '.' as u32 && at(i + 1) == '#' as u32 {
                    i += 1;
                    let d0 = i;
                    while at(i) == '#' as u32 {
                        i += 1;
                    }
                    decimals = Some(i - d0);
                }
                Field::Num {
                    width: i - start,
                    decimals,
                    zero,
                    blank_undef: chop,
                }
            }
            _ => Field::Text {
                width: 1,
                just: Just::Left,
                chop,
                more: false,
            },
        };
        if !lit.is_empty() {
            pieces.push(Piece::Lit(std::mem::take(&mut lit)));
        }
        pieces.push(Piece::Field(field));
    }
    if !lit.is_empty() {
        pieces.push(Piece::Lit(lit));
    }
    Line {
        pieces,
        suppress_blank: tildes > 0,
        repeat,
        newline,
    }
}

fn is_space(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0a | 0x0b | 0x0c | 0x0d)
}

fn is_control(c: u32) -> bool {
    c < 0x20 || c == 0x7f
}

/// How much of `text` a `^` field of `width` shows, and where the rest
/// starts: a break after a `$:` character (a space breaks before itself),
/// or at a carriage return; all of it when it fits.
fn chop_point(text: &[u32], width: usize, chopset: &[u32]) -> (usize, usize) {
    let chop_space = chopset.contains(&(' ' as u32));
    let mut split: Option<(usize, usize)> = None;
    let mut size = 0;
    let mut s = 0;
    while s < text.len() {
        let c = text[s];
        if is_space(c) {
            if c == '\r' as u32 {
                return (size, s);
            }
            if chop_space {
                split = Some((size, s));
            }
            if size == width {
                break;
            }
        } else {
            if size == width {
                break;
            }
            if chopset.contains(&c) {
                split = Some((size + 1, s + 1));
            }
        }
        s += 1;
        size += 1;
    }
    match split {
        Some(p) if s < text.len() => p,
        _ => (size, s),
    }
}

/// What a field puts in the line, and whether it showed anything.
fn fill(
    field: &Field,
    arg: Option<&Sv>,
    chopset: &[u32],
    out: &mut Vec<u32>,
) -> Result<bool, String> {
    let value = arg.map(|sv| sv.get()).unwrap_or_default();
    match *field {
        Field::Text {
            width,
            just,
            chop,
            more,
        } => {
            let text = chars_of(&to_pstr(&value));
            let (item, rest) = if chop {
                let (n, rest) = chop_point(&text, width, chopset);
                (text[..n].to_vec(), rest)
            } else {
                let end = text
                    .iter()
                    .take(width)
                    .position(|&c| c == '\n' as u32)
                    .unwrap_or(text.len().min(width));
                (text[..end].to_vec(), end)
            };
            let got = item.iter().any(|&c| !is_control(c));
            let item: Vec<u32> = item
                .into_iter()
                .map(|c| if is_control(c) { ' ' as u32 } else { c })
                .collect();
            let pad = width.saturating_sub(item.len());
            let (before, after) = match just {
                Just::Left => (0, pad),
                Just::Right => (pad, 0),
                Just::Center => (pad / 2, pad - pad / 2),
            };
            let start = out.len();
            out.extend(std::iter::repeat_n(' ' as u32, before));
            out.extend(item);
            out.extend(std::iter::repeat_n(' ' as u32, after));
            if chop {
                let mut r = rest;
                if chopset.contains(&(' ' as u32)) {
                    while r < text.len() && is_space(text[r]) {
                        r += 1;
                    }
                }
                if more && r < text.len() {
                    // Text left over: "..." ends the field, or follows the
                    // text when the field ends in blanks.
                    let end = out.len();
                    let mut s1 = end.saturating_sub(3).max(start);
                    if out[s1..end].iter().all(|&c| c == ' ' as u32) {
                        while s1 > 0 && out[s1 - 1] == ' ' as u32 {
                            s1 -= 1;
                        }
                    }
                    for c in out[s1..].iter_mut().take(3) {
                        *c = '.' as u32;
                    }
                }
                if let Some(sv) = arg {
                    if !value.is_undef() {
                        sv.set(Value::Str(Rc::new(from_chars(&text[r..]))));
                    }
                }
            }
            Ok(got)
        }
        Field::Num {
            width,
            decimals,
            zero,
            blank_undef,
        } => {
            if blank_undef && value.is_undef() {
                out.extend(std::iter::repeat_n(' ' as u32, width));
                return Ok(false);
            }
            let n = to_f64(&value);
            let d = decimals.unwrap_or(0);
            let s = if zero {
                format!("{n:0width$.d$}")
            } else {
                format!("{n:width$.d$}")
            };
            if s.chars().count() > width {
                out.extend(std::iter::repeat_n('#' as u32, width));
            } else {
                out.extend(s.chars().map(|c| c as u32));
            }
            Ok(true)
        }
        Field::Lines { chop } => {
            let text = chars_of(&to_pstr(&value));
            let (item, rest) = if chop {
                match text.iter().position(|&c| c == '\n' as u32) {
                    Some(p) => (&text[..p], p + 1),
                    None => (&text[..], text.len()),
                }
            } else {
                // One newline at the end belongs to the line itself.
                let n = if text.last() == Some(&('\n' as u32)) {
                    text.len() - 1
                } else {
                    text.len()
                };
                (&text[..n], text.len())
            };
            out.extend_from_slice(item);
            if chop {
                if let Some(sv) = arg {
                    if !value.is_undef() {
                        sv.set(Value::Str(Rc::new(from_chars(&text[rest..]))));
                    }
                }
            }
            Ok(!item.is_empty())
        }
    }
}

/// `formline PICTURE, LIST`: the filled picture, appended to `acc`.
/// `chopset` is `$:`. An error is a message for `die`.
pub fn formline(picture: &PStr, args: &[Sv], chopset: &PStr, acc: &mut PStr) -> Result<(), String> {
    let chopset = chars_of(chopset);
    let pic = chars_of(picture);
    let mut lines = Vec::new();
    let mut rest = &pic[..];
    while !rest.is_empty() {
        match rest.iter().position(|&c| c == '\n' as u32) {
            Some(p) => {
                lines.push(parse_line(&rest[..p], true));
                rest = &rest[p + 1..];
            }
            None => {
                lines.push(parse_line(rest, false));
                rest = &[];
            }
        }
    }
    let mut out: Vec<u32> = chars_of(acc);
    let mut next_arg = 0;
    for line in &lines {
        let first_arg = next_arg;
        let mut rounds = 0;
        loop {
            next_arg = first_arg;
            let mut text = Vec::new();
            let mut got = false;
            for p in &line.pieces {
                match p {
                    Piece::Lit(l) => text.extend_from_slice(l),
                    Piece::Field(f) => {
                        let arg = args.get(next_arg);
                        next_arg += 1;
                        got |= fill(f, arg, &chopset, &mut text)?;
                    }
                }
            }
            if line.suppress_blank && !got {
                break;
            }
            if line.newline {
                // perl drops the spaces at the end of each line.
                while text.last() == Some(&(' ' as u32)) {
                    text.pop();
                }
                text.push('\n' as u32);
            }
            out.extend(text);
            if !line.repeat {
                break;
            }
            rounds += 1;
            if rounds > 200 {
                return Err("Runaway format".to_string());
            }
        }
    }
    *acc = from_chars(&out);
    Ok(())
}

// ------------------------------------------------------------ the builtins

use crate::ast::Expr;
use crate::interp::{Interp, Want, R};

/// The per-handle format variables, in the order `format_states` keeps
/// them: `$~` (format), `$^` (top-of-page format), `$=` (page length),
/// `$-` (lines left), `$%` (page number).
const FORMAT_VARS: [&str; 5] = ["main::~", "main::^", "main::=", "main::-", "main::%"];

/// A handle's format variables before anything set them.
fn default_state(handle: &str) -> [Value; 5] {
    let short = handle.rsplit("::").next().unwrap_or(handle);
    [
        Value::from_str(short),
        Value::string(format!("{short}_TOP")),
        Value::Int(60),
        Value::Int(0),
        Value::Int(0),
    ]
}

fn count_lines(s: &PStr) -> i64 {
    s.bytes.iter().filter(|&&b| b == b'\n').count() as i64
}

impl Interp {
    /// Give the format variables their start values (for STDOUT, selected
    /// at start), and `$:`, `$^L`, `$^A`.
    pub(crate) fn init_format_vars(&mut self) {
        self.set_format_vars(default_state("STDOUT"));
        self.glob("main:::").sv().set(Value::bytes(b" \n-"));
        self.glob("main::^L").sv().set(Value::bytes(b"\x0c"));
        self.glob("main::^A").sv().set(Value::bytes(b""));
    }

    /// `select` moves the format variables: the old handle's values are
    /// kept, the new one's put in place.
    pub(crate) fn swap_format_vars(&mut self, old: &Gv, new: &Gv) {
        if Rc::ptr_eq(old, new) {
            return;
        }
        let cur = self.format_vars();
        self.format_states.insert(old.name.clone(), cur);
        let next = self
            .format_states
            .remove(&new.name)
            .unwrap_or_else(|| default_state(&new.name));
        self.set_format_vars(next);
    }

    /// The selected handle's format variables, as they stand.
    fn format_vars(&mut self) -> [Value; 5] {
        FORMAT_VARS.map(|n| self.glob(n).sv().get())
    }

    fn set_format_vars(&mut self, state: [Value; 5]) {
        for (name, v) in FORMAT_VARS.iter().zip(state) {
            self.glob(name).sv().set(v);
        }
    }

    /// `$fh->format_name(…)` and the handle's other format variables as
    /// IO::Handle methods (`idx` into `FORMAT_VARS`): the value they had,
    /// after setting the new one if there is one.
    pub(crate) fn handle_format_var(&mut self, args: &[Value], idx: usize) -> R<Value> {
        let v = args.first().cloned().unwrap_or_default();
        let g = self.glob_of_value(&v)?;
        // A format name is qualified with the caller's package, as
        // Symbol::qualify does for IO::Handle.
        let new = args.get(1).map(|n| {
            let name = to_pstr(n);
            if idx > 1 || name.bytes.windows(2).any(|w| w == b"::") {
                return n.clone();
            }
            let mut q = format!("{}::", self.package).into_bytes();
            q.extend_from_slice(&name.bytes);
            Value::str_from(q, name.utf8)
        });
        if Rc::ptr_eq(&g, &self.selected) {
            let sv = self.glob(FORMAT_VARS[idx]).sv();
            let old = sv.get();
            if let Some(n) = new {
                sv.set(n);
            }
            return Ok(old);
        }
        let mut state = self
            .format_states
            .get(&g.name)
            .cloned()
            .unwrap_or_else(|| default_state(&g.name));
        let old = state[idx].clone();
        if let Some(n) = new {
            state[idx] = n;
            self.format_states.insert(g.name.clone(), state);
        }
        Ok(old)
    }

    /// `formline PICTURE, LIST`.
    pub(crate) fn formline_builtin(&mut self, args: &[Expr]) -> R<Value> {
        let Some((pic, rest)) = args.split_first() else {
            return Err(self.die_msg("Not enough arguments for formline"));
        };
        let picture = self.sv(pic)?;
        // `^` fields chop their variables: the arguments are aliased.
        let mut svs = Vec::new();
        for a in rest {
            self.alias_into(a, &mut svs)?;
        }
        let chopset = self.glob("main:::").sv().get();
        let acc_sv = self.glob("main::^A").sv();
        let mut acc = to_pstr(&acc_sv.get()).into_owned();
        if let Err(m) = formline(&to_pstr(&picture), &svs, &to_pstr(&chopset), &mut acc) {
            return Err(self.die_msg(m));
        }
        acc_sv.set(Value::Str(Rc::new(acc)));
        Ok(Value::Int(1))
    }

    /// The format named `name` (qualified in the current package, else in
    /// main).
    fn find_format(&self, name: &str) -> Option<Cv> {
        if name.contains("::") {
            return self
                .formats
                .get(name.strip_prefix("::").unwrap_or(name))
                .cloned();
        }
        self.formats
            .get(&format!("{}::{name}", self.package))
            .or_else(|| self.formats.get(&format!("main::{name}")))
            .cloned()
    }

    /// Run a format: what its `formline`s add to `$^A`, with what `$^A`
    /// held already unless `fresh` (a top-of-page format has its own
    /// accumulator in perl). `$^A` is empty afterwards.
    fn run_format(&mut self, cv: &Cv, fresh: bool) -> R<PStr> {
        let fresh_cv = self.format_instance(cv);
        let cv = fresh_cv.as_ref().unwrap_or(cv);
        let acc = self.glob("main::^A").sv();
        let saved = fresh.then(|| acc.get());
        if fresh {
            acc.set(Value::bytes(b""));
        }
        let mut out = Vec::new();
        let r = self.call_sub(cv, vec![], Want::Void, &mut out);
        let text = to_pstr(&acc.get()).into_owned();
        acc.set(saved.unwrap_or_else(|| Value::bytes(b"")));
        r.map(|_| text)
    }

    /// perl makes a format afresh from the pad of the code around it at
    /// every `write`, so it sees that code's lexicals as they are now (a
    /// `foreach` variable's current element, a sub's own variables). When
    /// `write` runs in the scope the format was written in (the pad has its
    /// variables where the format's captures expect them), that is done
    /// here; elsewhere the format keeps what it captured at start-up.
    fn format_instance(&mut self, cv: &Cv) -> Option<Cv> {
        let CodeKind::Perl { body, unit, .. } = &cv.kind else {
            return None;
        };
        if body.captures.is_empty() {
            return None;
        }
        let outer = self.cur_sub.as_ref()?.body()?.clone();
        let here = body.captures.iter().all(|c| {
            let (Some(o), Some(i)) = (
                outer.pad.get(c.outer as usize),
                body.pad.get(c.inner as usize),
            ) else {
                return false;
            };
            o.name == i.name && self.pad.len() > c.outer as usize
        });
        if !here {
            return None;
        }
        let (body, unit) = (body.clone(), unit.clone());
        Some(self.instantiate(&body, &unit))
    }

    /// `write [FH]`: the handle's format, with its top-of-page format
    /// first when the page has too few lines left.
    pub(crate) fn write_builtin(&mut self, args: &[Expr]) -> R<Value> {
        let g = match args.first() {
            None => self.selected.clone(),
            Some(e) => {
                let v = match e {
                    Expr::Handle(id) => Value::Glob(self.gv(*id).clone()),
                    e => self.sv(e)?,
                };
                self.glob_of_value(&v)?
            }
        };
        let selected = Rc::ptr_eq(&g, &self.selected);
        let mut state = if selected {
            self.format_vars()
        } else {
            self.format_states
                .get(&g.name)
                .cloned()
                .unwrap_or_else(|| default_state(&g.name))
        };
        let name = String::from_utf8_lossy(&to_pstr(&state[0]).bytes).into_owned();
        let Some(cv) = self.find_format(&name) else {
            return Err(self.die_msg(format!("Undefined format \"{name}\" called")));
        };
        let body = self.run_format(&cv, false)?;
        let lines = count_lines(&body);
        let mut out = PStr::default();
        let left = crate::convert::to_i64(&state[3]);
        if left < lines {
            let top_name = String::from_utf8_lossy(&to_pstr(&state[1]).bytes).into_owned();
            let top = self
                .find_format(&top_name)
                .or_else(|| self.find_format("top"));
            match top {
                // Without a top format every page is the length of `$=`.
                None => state[3] = state[2].clone(),
                Some(top) => {
                    let page = crate::convert::to_i64(&state[4]);
                    if page > 0 {
                        let ff = self.glob("main::^L").sv().get();
                        out.bytes.extend_from_slice(&to_pstr(&ff).bytes);
                    }
                    state[4] = Value::Int(page + 1);
                    // The top format sees the new page number, whichever
                    // handle is selected.
                    let page_sv = self.glob(FORMAT_VARS[4]).sv();
                    let shown = page_sv.get();
                    page_sv.set(state[4].clone());
                    let head = self.run_format(&top, true);
                    if !selected {
                        page_sv.set(shown);
                    }
                    let head = head?;
                    let page_len = crate::convert::to_i64(&state[2]);
                    state[3] = Value::Int(page_len - count_lines(&head));
                    crate::convert::concat_into(&mut out, &head.bytes, head.utf8);
                }
            }
        }
        crate::convert::concat_into(&mut out, &body.bytes, body.utf8);
        state[3] = Value::Int(crate::convert::to_i64(&state[3]) - lines);
        if selected {
            self.set_format_vars(state);
        } else {
            self.format_states.insert(g.name.clone(), state);
        }
        let Some(h) = g.io() else {
            if self.warnings_on() {
                let short = g.name.rsplit("::").next().unwrap_or("").to_string();
                self.warn_str(&format!("write() on unopened filehandle {short}"));
            }
            return Ok(Value::Int(0));
        };
        let ok = self.write_to(&h, &out, crate::ast::PrintKind::Print);
        Ok(Value::Int(ok as i64))
    }
}
