//! How an interactive statement's value is shown: scalars printed, lists
//! and hashes in a compact readable form, a list of hashrefs as an aligned
//! table fitted to the terminal width.
//!
//! The shell evaluates a statement in list context and hands the values to
//! [`render`]. What comes out depends only on the values' shape:
//!
//! - **One plain scalar** prints raw, as `print` would (numbers formatted by
//!   the interpreter's own number stringification), like a shell `echo`;
//!   `undef` shows as a dim `undef`.
//! - **A list of values** prints one item per line (like `ls -1`): scalars
//!   raw, references in the nested form below. One item a line keeps the
//!   output predictable and easy to read back with a pipe or a glance.
//! - **Nested data** (references anywhere) prints compactly on one line when
//!   it fits the width, else indented one element a line:
//!   `[1, 2, "three", {a => 1, b => [2, 3]}]`. Strings are quoted, numbers
//!   bare, hash keys sorted and bare when they are identifiers or integers,
//!   blessed referents prefixed by their class (`Point {x => 1}`), code refs
//!   `\&main::name` or `sub {…}`, regexes `qr/…/`. A reference already being
//!   printed further up shows as `(cycle)`; data deeper than
//!   [`RenderOpts::max_depth`] shows as `[…]`/`{…}`. The form is for reading:
//!   it is perl-like but not guaranteed to `eval` back.
//! - **One hashref** prints as a two-column key/value table, keys sorted and
//!   coloured, a blessed one under a line naming its class.
//! - **Records**: a list of hashrefs (or one arrayref of them) whose keys
//!   mostly overlap (at least half the cells filled) prints as a table: an
//!   index column `#`, then one column per key in order of first appearance
//!   across the rows. psh hashes keep insertion order, so record producers
//!   (`ps`, `ls`) decide their column order by the order they build the
//!   hash. Numeric columns are right-aligned; a column named `size`, `mem`,
//!   `vsz`, `rss` or `bytes` whose values are all non-negative integers is
//!   shown in powers of 1024 (`512`, `1.2K`, `34M`); a column named
//!   `started`, `mtime`, `atime`, `ctime`, `login`, `modified` or `created`
//!   of integers (epoch seconds) shows how long ago within a week (`5m
//!   ago`, `3d ago`), else the local date. Missing keys and undef
//!   both show as an empty cell; nested values show in the compact form.
//!   Cells are truncated with `…` so the table fits the width, shrinking the
//!   widest columns first; when even narrow columns do not fit, trailing
//!   columns are dropped and a note names them.
//! - **A list of arrayrefs of plain scalars** (or one arrayref of them)
//!   prints as the same kind of table, its columns headed `0`, `1`, ….
//!
//! Nothing here can panic on a value: cycles are cut, depth and the number
//! of nodes printed are bounded, quoted strings are capped, and at most
//! [`RenderOpts::max_rows`] rows or lines are shown, then an `… N more` line.
//! Top-level raw scalars are not capped: they are what the user asked to
//! see, as with `print`. With colour off the output has no escape codes; with
//! colour on, removing the escape codes gives exactly the colour-off text.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::rc::Rc;

use nu_ansi_term::{Color, Style};
use psh_interp::convert;
use psh_interp::numeric;
use psh_interp::value::{Hv, PStr, Value};
use unicode_width::UnicodeWidthChar;

/// How to show values.
#[derive(Clone, Debug)]
pub struct RenderOpts {
    /// Terminal width in columns; tables and nested data are fitted to it
    /// (treated as at least 16: narrower, fitting only garbles).
    pub width: usize,
    /// Emit ANSI colour escapes.
    pub color: bool,
    /// Most rows (table rows, list items, lines of nested data) shown before
    /// an `… N more` line.
    pub max_rows: usize,
    /// Nesting deeper than this shows as `[…]` / `{…}`.
    pub max_depth: usize,
}

impl Default for RenderOpts {
    fn default() -> Self {
        RenderOpts {
            width: 80,
            color: false,
            max_rows: 1000,
            max_depth: 12,
        }
    }
}

/// Elements shown per array or hash in nested data; a listing of a huge
/// container is unreadable anyway, and this bounds the work.
const MAX_ITEMS: usize = 200;
/// Nodes built for one nested value, so that wide *and* deep data (many
/// containers each under `MAX_ITEMS`) stays bounded.
const NODE_BUDGET: usize = 20_000;
/// Characters of a quoted string in nested data.
const MAX_STR: usize = 2000;
/// Columns a table column may be shrunk to before columns are dropped:
/// narrower cells say too little to be worth their space.
const MIN_COL: usize = 6;
const SEP: &str = "  ";
/// Below this, fitting is hopeless and only makes output unreadable.
const MIN_WIDTH: usize = 16;
const SIZE_COLUMNS: &[&str] = &["size", "mem", "vsz", "rss", "bytes"];
/// Columns of epoch seconds, shown relative to now (`5m ago`) or as a date.
const TIME_COLUMNS: &[&str] = &[
    "started", "mtime", "atime", "ctime", "login", "modified", "created",
];

/// How a table column's cells are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fmt {
    Plain,
    Size,
    Time,
}

fn st_undef() -> Style {
    Style::new().dimmed()
}
fn st_str() -> Style {
    Color::Green.normal()
}
fn st_num() -> Style {
    Color::Purple.normal()
}
fn st_key() -> Style {
    Color::Cyan.normal()
}
fn st_class() -> Style {
    Color::Yellow.normal()
}
fn st_other() -> Style {
    Color::Red.normal()
}
fn st_header() -> Style {
    Style::new().bold()
}
fn st_dim() -> Style {
    Style::new().dimmed()
}

/// Show a statement's values; the text ends with a newline unless empty.
pub fn render(vals: &[Value], opts: &RenderOpts) -> String {
    let opts = RenderOpts {
        width: opts.width.max(MIN_WIDTH),
        max_rows: opts.max_rows.max(1),
        ..opts.clone()
    };
    let mut out = Out::new(opts.color);
    match vals {
        [] => {}
        [v] => render_one(v, &opts, &mut out),
        _ => {
            if !table(vals, None, &opts, &mut out) {
                list(vals, &opts, &mut out);
            }
        }
    }
    out.s
}

fn render_one(v: &Value, opts: &RenderOpts, out: &mut Out) {
    match v {
        Value::HashRef(h) if !h.is_empty() => kv_table(h, opts, out),
        Value::ArrayRef(a) if a.blessed().is_none() && !a.is_empty() => {
            let items = a.values();
            if !table(&items, v.ref_addr(), opts, out) {
                nested_lines(v, opts, out);
            }
        }
        v if is_plain(v) => raw_line(v, out),
        v => nested_lines(v, opts, out),
    }
}

/// Renders `items` as a table if they are records or rows of scalars;
/// `outer` is the array holding them, if any.
fn table(items: &[Value], outer: Option<usize>, opts: &RenderOpts, out: &mut Out) -> bool {
    let shown = &items[..items.len().min(opts.max_rows)];
    let more = items.len() - shown.len();
    if let Some(keys) = record_keys(shown) {
        let t = record_table(shown, &keys, outer, opts);
        write_table(&t, more, opts, out);
        true
    } else if let Some(ncols) = grid_cols(shown) {
        let t = grid_table(shown, ncols, outer, opts);
        write_table(&t, more, opts, out);
        true
    } else {
        false
    }
}

fn list(vals: &[Value], opts: &RenderOpts, out: &mut Out) {
    let shown = vals.len().min(opts.max_rows);
    for v in &vals[..shown] {
        if is_plain(v) {
            raw_line(v, out);
        } else {
            nested_lines(v, opts, out);
        }
    }
    more_line(vals.len() - shown, "", out);
}

fn more_line(n: usize, what: &str, out: &mut Out) {
    if n > 0 {
        out.put(&format!("… {n} more{what}"), st_dim());
        out.nl();
    }
}

fn is_plain(v: &Value) -> bool {
    matches!(
        v,
        Value::Undef
            | Value::Int(_)
            | Value::UInt(_)
            | Value::Num(_)
            | Value::Str(_)
            | Value::Glob(_)
    )
}

fn raw_line(v: &Value, out: &mut Out) {
    match v {
        Value::Undef => out.put("undef", st_undef()),
        v => out.put(&scalar_text(v), Style::new()),
    }
    out.nl();
}

/// A perl string as text for the terminal. Byte strings that are valid
/// UTF-8 are shown as UTF-8, since that is what `print` puts on a UTF-8
/// terminal; other byte strings are Latin-1, perl's reading of them.
fn pstr_text(p: &PStr) -> Cow<'_, str> {
    if p.utf8 {
        return String::from_utf8_lossy(&p.bytes);
    }
    match std::str::from_utf8(&p.bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(p.bytes.iter().map(|&b| b as char).collect()),
    }
}

/// The string form of a scalar, numbers through the interpreter's own
/// formatting so the shell shows exactly what `print` would.
fn scalar_text(v: &Value) -> String {
    pstr_text(&convert::to_pstr(v)).into_owned()
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Display width, char by char, so that it agrees with [`fit`]'s cutting.
fn text_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn control_escape(c: char) -> Option<Cow<'static, str>> {
    Some(match c {
        '\n' => Cow::Borrowed("\\n"),
        '\t' => Cow::Borrowed("\\t"),
        '\r' => Cow::Borrowed("\\r"),
        '\x1b' => Cow::Borrowed("\\e"),
        c if c.is_control() => Cow::Owned(format!("\\x{{{:x}}}", c as u32)),
        _ => return None,
    })
}

/// `s` on one line within `w` columns: control characters escaped (a
/// newline must not break a table row) and the tail cut with `…`. One pass
/// that stops early, so a huge string costs only what is shown.
fn fit(s: &str, w: usize) -> String {
    let mut out = String::new();
    if w == 0 {
        return out;
    }
    let mut used = 0;
    // Where to cut if the text overflows: the last point leaving room for `…`.
    let mut mark = 0;
    let mut buf = [0u8; 4];
    for c in s.chars() {
        let esc = control_escape(c);
        let piece: &str = match &esc {
            Some(e) => e,
            None => c.encode_utf8(&mut buf),
        };
        for pc in piece.chars() {
            let cw = char_width(pc);
            if used + cw > w {
                out.truncate(mark);
                out.push('…');
                return out;
            }
            used += cw;
            out.push(pc);
            if used < w {
                mark = out.len();
            }
        }
    }
    out
}

/// Perl-like double-quoted form of a string, capped at `MAX_STR` chars.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(MAX_STR) + 2);
    out.push('"');
    for (i, c) in s.chars().enumerate() {
        if i == MAX_STR {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => match control_escape(c) {
                Some(e) => out.push_str(&e),
                None => out.push(c),
            },
        }
    }
    out.push('"');
    out
}

/// Hash keys print bare where perl's `=>` would accept them bare.
fn key_text(k: &str) -> String {
    let ident = k
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let digits = k.strip_prefix('-').unwrap_or(k);
    let int = !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if ident || int {
        k.to_string()
    } else {
        quote(k)
    }
}

struct Out {
    s: String,
    color: bool,
}

impl Out {
    fn new(color: bool) -> Out {
        Out {
            s: String::new(),
            color,
        }
    }
    fn put(&mut self, text: &str, style: Style) {
        if self.color && !style.is_plain() && !text.is_empty() {
            let _ = write!(self.s, "{}", style.paint(text));
        } else {
            self.s.push_str(text);
        }
    }
    fn spaces(&mut self, n: usize) {
        self.s.extend(std::iter::repeat_n(' ', n));
    }
    fn nl(&mut self) {
        self.s.push('\n');
    }
}

// ---------------------------------------------------------------- nested data

/// A value laid out for printing: built once, then written on one line or
/// across several depending on the room left.
enum Doc {
    Atom(String, Style),
    /// Text glued before a doc: a class name, `\` of a scalar ref.
    Pre(String, Style, Box<Doc>),
    Seq {
        open: &'static str,
        close: &'static str,
        items: Vec<(Option<String>, Doc)>,
        /// Elements left out (`MAX_ITEMS`).
        more: usize,
    },
}

struct Builder {
    /// Addresses of the references being printed, outermost first.
    path: Vec<usize>,
    budget: usize,
    max_depth: usize,
}

impl Builder {
    /// `within`: references already shown around this value (the hash of
    /// a key/value table, the row of a table cell), so a value holding its
    /// container shows `(cycle)` at once.
    fn new(budget: usize, max_depth: usize, within: &[usize]) -> Builder {
        Builder {
            path: within.to_vec(),
            budget,
            max_depth,
        }
    }

    fn build(&mut self, v: &Value) -> Doc {
        if self.budget == 0 {
            return Doc::Atom("…".into(), st_dim());
        }
        self.budget -= 1;
        match v {
            Value::Undef => Doc::Atom("undef".into(), st_undef()),
            Value::Int(_) | Value::UInt(_) | Value::Num(_) => Doc::Atom(scalar_text(v), st_num()),
            Value::Str(s) => Doc::Atom(quote(&pstr_text(s)), st_str()),
            Value::Glob(_) => Doc::Atom(scalar_text(v), st_other()),
            _ => {
                let addr = v.ref_addr().unwrap_or(0);
                if self.path.contains(&addr) {
                    return Doc::Atom("(cycle)".into(), st_dim());
                }
                self.path.push(addr);
                let d = self.build_ref(v);
                self.path.pop();
                match v.blessed() {
                    Some(class) if !matches!(v, Value::Regex(_)) || &*class != "Regexp" => {
                        Doc::Pre(format!("{class} "), st_class(), Box::new(d))
                    }
                    _ => d,
                }
            }
        }
    }

    fn build_ref(&mut self, v: &Value) -> Doc {
        let deep = self.path.len() > self.max_depth;
        match v {
            Value::ArrayRef(a) => {
                if deep {
                    return Doc::Atom("[…]".into(), st_dim());
                }
                let n = a.len();
                let shown = n.min(MAX_ITEMS);
                let vals: Vec<Value> = (0..shown).map(|i| a.get(i as i64)).collect();
                let items = vals.iter().map(|x| (None, self.build(x))).collect();
                Doc::Seq {
                    open: "[",
                    close: "]",
                    items,
                    more: n - shown,
                }
            }
            Value::HashRef(h) => {
                if deep {
                    return Doc::Atom("{…}".into(), st_dim());
                }
                let pairs = sorted_pairs(h);
                let shown = pairs.len().min(MAX_ITEMS);
                let items = pairs[..shown]
                    .iter()
                    .map(|(k, x)| (Some(key_text(&pstr_text(k))), self.build(x)))
                    .collect();
                Doc::Seq {
                    open: "{",
                    close: "}",
                    items,
                    more: pairs.len() - shown,
                }
            }
            Value::ScalarRef(sv) => {
                if deep {
                    return Doc::Atom("\\…".into(), st_dim());
                }
                let inner = self.build(&sv.get());
                Doc::Pre("\\".into(), Style::new(), Box::new(inner))
            }
            Value::CodeRef(c) => match &c.name {
                Some(name) if !name.ends_with("__ANON__") => {
                    Doc::Atom(format!("\\&{name}"), st_other())
                }
                _ => Doc::Atom("sub {…}".into(), st_other()),
            },
            Value::GlobRef(g) => Doc::Atom(
                format!("\\{}", scalar_text(&Value::Glob(g.clone()))),
                st_other(),
            ),
            Value::Regex(q) => Doc::Atom(format!("qr/{}/", pstr_text(&q.stringified)), st_other()),
            _ => Doc::Atom(scalar_text(v), st_other()),
        }
    }
}

/// A hash's pairs sorted by key bytes: perl hashes promise no order, so a
/// stable sorted listing is the one a reader can scan.
fn sorted_pairs(h: &Hv) -> Vec<(Rc<PStr>, Value)> {
    let mut pairs: Vec<(Rc<PStr>, Value)> =
        h.with(|m| m.iter().map(|(k, e)| (k.0.clone(), e.get())).collect());
    pairs.sort_by(|a, b| a.0.bytes.cmp(&b.0.bytes));
    pairs
}

/// Width of `d` on one line, or `None` once it exceeds `limit`.
fn flat_width(d: &Doc, limit: usize) -> Option<usize> {
    let w = match d {
        Doc::Atom(s, _) => text_width(s),
        Doc::Pre(p, _, inner) => {
            let pw = text_width(p);
            pw + flat_width(inner, limit.checked_sub(pw)?)?
        }
        Doc::Seq { items, more, .. } => {
            let mut w = 2;
            for (i, (k, x)) in items.iter().enumerate() {
                if i > 0 {
                    w += 2;
                }
                if let Some(k) = k {
                    w += text_width(k) + 4;
                }
                w += flat_width(x, limit.checked_sub(w)?)?;
                if w > limit {
                    return None;
                }
            }
            if *more > 0 {
                w += more_text(*more).chars().count() + if items.is_empty() { 0 } else { 2 };
            }
            w
        }
    };
    (w <= limit).then_some(w)
}

fn more_text(n: usize) -> String {
    format!("… {n} more")
}

fn write_flat(d: &Doc, out: &mut Out) {
    match d {
        Doc::Atom(s, st) => out.put(s, *st),
        Doc::Pre(p, st, inner) => {
            out.put(p, *st);
            write_flat(inner, out);
        }
        Doc::Seq {
            open,
            close,
            items,
            more,
        } => {
            out.put(open, Style::new());
            for (i, (k, x)) in items.iter().enumerate() {
                if i > 0 {
                    out.put(", ", Style::new());
                }
                if let Some(k) = k {
                    out.put(k, st_key());
                    out.put(" => ", Style::new());
                }
                write_flat(x, out);
            }
            if *more > 0 {
                if !items.is_empty() {
                    out.put(", ", Style::new());
                }
                out.put(&more_text(*more), st_dim());
            }
            out.put(close, Style::new());
        }
    }
}

/// Write `d` starting at column `col`, continuation lines indented by
/// `indent`, keeping `reserve` columns free after it (for a comma).
fn write_doc(d: &Doc, out: &mut Out, width: usize, indent: usize, col: usize, reserve: usize) {
    let room = width.saturating_sub(col + reserve);
    if flat_width(d, room).is_some() {
        write_flat(d, out);
        return;
    }
    match d {
        Doc::Atom(s, st) => out.put(&fit(s, room.max(MIN_COL)), *st),
        Doc::Pre(p, st, inner) => {
            out.put(p, *st);
            write_doc(inner, out, width, indent, col + text_width(p), reserve);
        }
        Doc::Seq {
            open,
            close,
            items,
            more,
        } => {
            out.put(open, Style::new());
            out.nl();
            let inner = indent + 2;
            for (i, (k, x)) in items.iter().enumerate() {
                out.spaces(inner);
                let mut c = inner;
                if let Some(k) = k {
                    let k = fit(k, width.saturating_sub(inner + 8).max(MIN_COL));
                    out.put(&k, st_key());
                    out.put(" => ", Style::new());
                    c += text_width(&k) + 4;
                }
                let last = i + 1 == items.len() && *more == 0;
                write_doc(x, out, width, inner, c, usize::from(!last));
                if !last {
                    out.put(",", Style::new());
                }
                out.nl();
            }
            if *more > 0 {
                out.spaces(inner);
                out.put(&more_text(*more), st_dim());
                out.nl();
            }
            out.spaces(indent);
            out.put(close, Style::new());
        }
    }
}

/// A nested value on its own line(s), at most `max_rows` of them.
fn nested_lines(v: &Value, opts: &RenderOpts, out: &mut Out) {
    let doc = Builder::new(NODE_BUDGET, opts.max_depth, &[]).build(v);
    let mut o = Out::new(opts.color);
    write_doc(&doc, &mut o, opts.width, 0, 0, 0);
    let total = o.s.lines().count();
    if total <= opts.max_rows {
        out.s.push_str(&o.s);
        out.nl();
        return;
    }
    for line in o.s.lines().take(opts.max_rows) {
        out.s.push_str(line);
        out.nl();
    }
    more_line(total - opts.max_rows, " lines", out);
}

/// The one-line form of a nested value, at most `w` columns.
fn compact(v: &Value, w: usize, max_depth: usize, within: &[usize]) -> String {
    // Each node prints at least one column, so more than `w` nodes can never
    // show.
    let doc = Builder::new(w + 1, max_depth, within).build(v);
    let mut o = Out::new(false);
    write_flat(&doc, &mut o);
    fit(&o.s, w)
}

// ---------------------------------------------------------------- tables

struct Cell {
    text: String,
    style: Style,
}

struct Table {
    headers: Vec<String>,
    /// Right-aligned columns.
    right: Vec<bool>,
    rows: Vec<Vec<Cell>>,
}

/// Keys of `items` in order of first appearance, if they are records: all
/// hashrefs, with at least half of the (row, key) cells filled.
fn record_keys(items: &[Value]) -> Option<Vec<Rc<PStr>>> {
    let mut keys = Vec::new();
    let mut seen: HashSet<Vec<u8>> = HashSet::new();
    let mut filled = 0;
    for v in items {
        let Value::HashRef(h) = v else {
            return None;
        };
        h.with(|m| {
            filled += m.len();
            for k in m.keys() {
                if seen.insert(k.0.bytes.clone()) {
                    keys.push(k.0.clone());
                }
            }
        });
    }
    (!keys.is_empty() && filled * 2 >= keys.len() * items.len()).then_some(keys)
}

/// Columns of `items` if they are rows of plain scalars.
fn grid_cols(items: &[Value]) -> Option<usize> {
    let mut n = 0;
    for v in items {
        let Value::ArrayRef(a) = v else {
            return None;
        };
        if a.blessed().is_some() || !a.values().iter().all(is_plain) {
            return None;
        }
        n = n.max(a.len());
    }
    (n > 0).then_some(n)
}

fn is_numeric(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::UInt(_) | Value::Num(_) => true,
        Value::Str(s) => !s.bytes.is_empty() && numeric::looks_like_number(&s.bytes),
        _ => false,
    }
}

fn as_size(v: &Value) -> Option<u64> {
    match v {
        Value::Int(i) => u64::try_from(*i).ok(),
        Value::UInt(u) => Some(*u),
        Value::Num(f) if f.fract() == 0.0 && *f >= 0.0 && *f < 1.8e19 => Some(*f as u64),
        Value::Str(s) if !s.bytes.is_empty() && s.bytes.iter().all(u8::is_ascii_digit) => {
            std::str::from_utf8(&s.bytes).ok()?.parse().ok()
        }
        _ => None,
    }
}

/// Bytes in powers of 1024 the way `ls -h` writes them: plain below 1K, one
/// decimal below 10 of a unit, whole units above.
fn human_size(n: u64) -> String {
    if n < 1024 {
        return n.to_string();
    }
    const UNITS: [char; 6] = ['K', 'M', 'G', 'T', 'P', 'E'];
    let mut v = n as f64 / 1024.0;
    let mut u = 0;
    loop {
        if v < 9.95 {
            return format!("{v:.1}{}", UNITS[u]);
        }
        if v < 1023.5 || u == UNITS.len() - 1 {
            return format!("{v:.0}{}", UNITS[u]);
        }
        v /= 1024.0;
        u += 1;
    }
}

/// A table cell for one value, at most `w` columns. Scalars are shown raw
/// (a table is not code), nested values compactly.
fn cell(v: &Value, fmt: Fmt, w: usize, max_depth: usize, within: &[usize]) -> Cell {
    let plain = Style::new();
    match v {
        Value::Undef => Cell {
            text: String::new(),
            style: plain,
        },
        v if fmt == Fmt::Size => Cell {
            text: fit(&human_size(as_size(v).unwrap_or(0)), w),
            style: plain,
        },
        v if fmt == Fmt::Time => Cell {
            text: fit(&when(as_size(v).unwrap_or(0) as i64, now_epoch()), w),
            style: plain,
        },
        v if is_plain(v) => Cell {
            text: fit(&pstr_text(&convert::to_pstr(v)), w),
            style: plain,
        },
        v => Cell {
            text: compact(v, w, max_depth, within),
            style: plain,
        },
    }
}

/// Alignment and formatting of a column from its name and values.
fn column_kind(name: &str, vals: &[Value]) -> (bool, Fmt) {
    let present: Vec<&Value> = vals.iter().filter(|v| !v.is_undef()).collect();
    let right = !present.is_empty() && present.iter().all(|v| is_numeric(v));
    let name = name.to_ascii_lowercase();
    let ints = right && present.iter().all(|v| as_size(v).is_some());
    let fmt = if ints && SIZE_COLUMNS.contains(&name.as_str()) {
        Fmt::Size
    } else if ints && TIME_COLUMNS.contains(&name.as_str()) {
        Fmt::Time
    } else {
        Fmt::Plain
    };
    (right, fmt)
}

fn now_epoch() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// An epoch time as people read it in a listing: how long ago within the
/// last week, else the local date (`2026-01-31`).
fn when(t: i64, now: i64) -> String {
    let ago = now - t;
    match ago {
        0..=59 => format!("{ago}s ago"),
        60..=3599 => format!("{}m ago", ago / 60),
        3600..=86_399 => format!("{}h ago", ago / 3600),
        86_400..=604_799 => format!("{}d ago", ago / 86_400),
        _ => {
            let mut tm: libc::tm = unsafe { std::mem::zeroed() };
            let tt = t as libc::time_t;
            // SAFETY: localtime_r writes only into `tm`.
            if unsafe { libc::localtime_r(&tt, &mut tm) }.is_null() {
                return t.to_string();
            }
            format!(
                "{:04}-{:02}-{:02}",
                tm.tm_year + 1900,
                tm.tm_mon + 1,
                tm.tm_mday
            )
        }
    }
}

fn with_index(mut t: Table) -> Table {
    t.headers.insert(0, "#".into());
    t.right.insert(0, true);
    for (i, row) in t.rows.iter_mut().enumerate() {
        row.insert(
            0,
            Cell {
                text: i.to_string(),
                style: st_dim(),
            },
        );
    }
    t
}

/// `within[i]`: the references enclosing row `i` (for cycle detection).
fn build_table(
    headers: Vec<String>,
    cols: Vec<Vec<Value>>,
    within: &[Vec<usize>],
    opts: &RenderOpts,
) -> Table {
    let nrows = cols.first().map_or(0, Vec::len);
    let mut rows: Vec<Vec<Cell>> = (0..nrows).map(|_| Vec::new()).collect();
    let mut right = Vec::new();
    for (name, vals) in headers.iter().zip(&cols) {
        let (r, fmt) = column_kind(name, vals);
        right.push(r);
        for ((row, v), within) in rows.iter_mut().zip(vals).zip(within) {
            row.push(cell(v, fmt, opts.width, opts.max_depth, within));
        }
    }
    let headers = headers.iter().map(|h| fit(h, opts.width)).collect();
    with_index(Table {
        headers,
        right,
        rows,
    })
}

fn row_paths(items: &[Value], outer: Option<usize>) -> Vec<Vec<usize>> {
    items
        .iter()
        .map(|v| outer.into_iter().chain(v.ref_addr()).collect())
        .collect()
}

fn record_table(
    items: &[Value],
    keys: &[Rc<PStr>],
    outer: Option<usize>,
    opts: &RenderOpts,
) -> Table {
    let cols = keys
        .iter()
        .map(|k| {
            items
                .iter()
                .map(|v| match v {
                    Value::HashRef(h) => h.get(&k.bytes),
                    _ => Value::Undef,
                })
                .collect()
        })
        .collect();
    let headers = keys.iter().map(|k| pstr_text(k).into_owned()).collect();
    build_table(headers, cols, &row_paths(items, outer), opts)
}

fn grid_table(items: &[Value], ncols: usize, outer: Option<usize>, opts: &RenderOpts) -> Table {
    let cols = (0..ncols)
        .map(|c| {
            items
                .iter()
                .map(|v| match v {
                    Value::ArrayRef(a) if c < a.len() => a.get(c as i64),
                    _ => Value::Undef,
                })
                .collect()
        })
        .collect();
    let headers = (0..ncols).map(|c| c.to_string()).collect();
    build_table(headers, cols, &row_paths(items, outer), opts)
}

/// Column widths for `natural` within `avail` columns, shrinking the widest
/// first down to `MIN_COL` (columns already narrower keep their width); the
/// first column (the index) never shrinks. `None` if even that is too wide.
fn shrink(natural: &[usize], avail: usize) -> Option<Vec<usize>> {
    let total: usize = natural.iter().sum();
    if total <= avail {
        return Some(natural.to_vec());
    }
    let fixed = natural[0];
    let data = &natural[1..];
    let budget = avail.checked_sub(fixed)?;
    let at_cap = |cap: usize| -> usize { data.iter().map(|&n| n.min(cap)).sum() };
    if at_cap(MIN_COL) > budget {
        return None;
    }
    let widest = data.iter().copied().max().unwrap_or(0);
    let cap = (MIN_COL..=widest)
        .rev()
        .find(|&c| at_cap(c) <= budget)
        .unwrap_or(MIN_COL);
    // Hand the columns left over after capping to the capped columns.
    let mut slack = budget - at_cap(cap);
    let mut w = vec![fixed];
    for &n in data {
        let mut x = n.min(cap);
        if n > cap && slack > 0 {
            x += 1;
            slack -= 1;
        }
        w.push(x);
    }
    Some(w)
}

/// Widths of the columns that fit `width`, dropping trailing columns until
/// the rest can be shrunk to fit (the index and one data column always stay).
fn layout(t: &Table, width: usize) -> Vec<usize> {
    let natural: Vec<usize> = (0..t.headers.len())
        .map(|c| {
            let cells = t.rows.iter().map(|r| text_width(&r[c].text));
            cells.chain([text_width(&t.headers[c])]).max().unwrap_or(0)
        })
        .collect();
    let mut n = natural.len();
    loop {
        let avail = width.saturating_sub(SEP.len() * (n - 1));
        if let Some(w) = shrink(&natural[..n], avail) {
            return w;
        }
        if n <= 2 {
            // Not even one column at MIN_COL fits: give it what is left.
            let idx = natural[0];
            let rest = avail.saturating_sub(idx).max(1);
            return vec![idx, natural[1].min(rest)];
        }
        n -= 1;
    }
}

fn write_cell(text: &str, style: Style, w: usize, right: bool, last: bool, out: &mut Out) {
    let text = fit(text, w);
    let pad = w.saturating_sub(text_width(&text));
    if right {
        out.spaces(pad);
        out.put(&text, style);
    } else {
        out.put(&text, style);
        // No trailing blanks at the end of a line.
        if !last {
            out.spaces(pad);
        }
    }
}

fn write_table(t: &Table, more_rows: usize, opts: &RenderOpts, out: &mut Out) {
    let widths = layout(t, opts.width);
    let n = widths.len();
    let row = |out: &mut Out, cells: &mut dyn Iterator<Item = (&str, Style)>| {
        for (c, (text, style)) in cells.take(n).enumerate() {
            if c > 0 {
                out.put(SEP, Style::new());
            }
            write_cell(text, style, widths[c], t.right[c], c + 1 == n, out);
        }
        // Empty trailing cells leave only blanks, which are noise.
        let end = out.s.trim_end_matches(' ').len();
        out.s.truncate(end);
        out.nl();
    };
    row(
        out,
        &mut t.headers.iter().map(|h| (h.as_str(), st_header())),
    );
    let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
    out.put(&rule.join(SEP), st_dim());
    out.nl();
    for r in &t.rows {
        row(out, &mut r.iter().map(|c| (c.text.as_str(), c.style)));
    }
    more_line(more_rows, " rows", out);
    let dropped = &t.headers[n..];
    if !dropped.is_empty() {
        let note = format!(
            "… {} more column{}: {}",
            dropped.len(),
            if dropped.len() == 1 { "" } else { "s" },
            dropped.join(", ")
        );
        out.put(&fit(&note, opts.width), st_dim());
        out.nl();
    }
}

/// One hashref: a key column and a value column, keys sorted.
fn kv_table(h: &Hv, opts: &RenderOpts, out: &mut Out) {
    if let Some(class) = h.blessed() {
        out.put(&fit(&class, opts.width), st_class());
        out.nl();
    }
    let pairs = sorted_pairs(h);
    let shown = pairs.len().min(opts.max_rows);
    let keys: Vec<String> = pairs[..shown]
        .iter()
        .map(|(k, _)| fit(&pstr_text(k), opts.width * 2 / 5))
        .collect();
    let kw = keys.iter().map(|k| text_width(k)).max().unwrap_or(0);
    let col = kw + SEP.len();
    let room = opts.width.saturating_sub(col).max(MIN_COL);
    for (k, (_, v)) in keys.iter().zip(&pairs[..shown]) {
        out.put(k, st_key());
        match v {
            Value::Undef => {
                out.spaces(kw - text_width(k) + SEP.len());
                out.put("undef", st_undef());
            }
            v if is_plain(v) => {
                let text = fit(&pstr_text(&convert::to_pstr(v)), room);
                if !text.is_empty() {
                    out.spaces(kw - text_width(k) + SEP.len());
                    out.put(&text, Style::new());
                }
            }
            v => {
                out.spaces(kw - text_width(k) + SEP.len());
                let within = [Rc::as_ptr(h) as *const u8 as usize];
                let doc = Builder::new(NODE_BUDGET, opts.max_depth, &within).build(v);
                write_doc(&doc, out, opts.width, col, col, 0);
            }
        }
        out.nl();
    }
    more_line(pairs.len() - shown, " keys", out);
}

#[cfg(test)]
mod tests {

    #[test]
    fn times_read_as_ago_or_date() {
        let now = 1_800_000_000;
        assert_eq!(when(now - 5, now), "5s ago");
        assert_eq!(when(now - 300, now), "5m ago");
        assert_eq!(when(now - 7200, now), "2h ago");
        assert_eq!(when(now - 3 * 86_400, now), "3d ago");
        let old = when(now - 30 * 86_400, now);
        assert_eq!(old.len(), 10, "{old}");
        assert!(
            old.starts_with("2026-") || old.starts_with("2027-"),
            "{old}"
        );
    }

    use super::*;
    use psh_interp::value::{make_key, Array, Hash};

    fn plain(w: usize) -> RenderOpts {
        RenderOpts {
            width: w,
            ..Default::default()
        }
    }

    fn s(x: &str) -> Value {
        Value::from_str(x)
    }

    fn arr(v: Vec<Value>) -> Value {
        Value::ArrayRef(Array::from_values(v))
    }

    fn hash(pairs: &[(&str, Value)]) -> Value {
        let h = Hash::new();
        for (k, v) in pairs {
            h.set(make_key(k.as_bytes(), !k.is_ascii()), v.clone());
        }
        Value::HashRef(h)
    }

    fn r(vals: &[Value]) -> String {
        render(vals, &plain(80))
    }

    /// Drops ANSI CSI sequences (`ESC [ … letter`).
    fn strip_ansi(s: &str) -> String {
        let mut out = String::new();
        let mut it = s.chars();
        while let Some(c) = it.next() {
            if c == '\x1b' {
                for d in it.by_ref() {
                    if d.is_ascii_alphabetic() {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn max_line_width(s: &str) -> usize {
        s.lines().map(text_width).max().unwrap_or(0)
    }

    #[test]
    fn scalars_print_raw() {
        assert_eq!(r(&[]), "");
        assert_eq!(r(&[Value::Int(42)]), "42\n");
        assert_eq!(r(&[Value::Int(-7)]), "-7\n");
        assert_eq!(r(&[Value::UInt(u64::MAX)]), "18446744073709551615\n");
        assert_eq!(r(&[Value::Num(0.1 + 0.2)]), "0.3\n");
        assert_eq!(r(&[Value::Num(1e21)]), "1e+21\n");
        assert_eq!(r(&[Value::Num(3.0)]), "3\n");
        assert_eq!(r(&[s("hello world")]), "hello world\n");
        assert_eq!(r(&[s("two\nlines")]), "two\nlines\n");
        assert_eq!(r(&[Value::Undef]), "undef\n");
        assert_eq!(r(&[s("")]), "\n");
    }

    #[test]
    fn byte_strings_show_as_latin1_unless_valid_utf8() {
        assert_eq!(r(&[Value::bytes(b"caf\xe9")]), "café\n");
        assert_eq!(r(&[Value::bytes("café".as_bytes())]), "café\n");
    }

    #[test]
    fn empty_containers_and_lone_refs() {
        assert_eq!(r(&[arr(vec![])]), "[]\n");
        assert_eq!(r(&[hash(&[])]), "{}\n");
        assert_eq!(r(&[arr(vec![Value::Int(1), s("a")])]), "[1, \"a\"]\n");
        let sref = Value::ScalarRef(psh_interp::value::Scalar::new(s("x")));
        assert_eq!(r(&[sref]), "\\\"x\"\n");
        // Two empty hashes have no columns to tabulate.
        assert_eq!(r(&[hash(&[]), hash(&[])]), "{}\n{}\n");
    }

    #[test]
    fn undef_and_missing_cells_are_blank() {
        let rows = [
            hash(&[("a", Value::Undef), ("b", Value::Int(1))]),
            hash(&[("a", s("x"))]),
        ];
        assert_eq!(r(&rows), "#  a  b\n─  ─  ─\n0     1\n1  x\n");
    }

    #[test]
    fn list_of_scalars_one_per_line() {
        let vals = [Value::Int(1), s("two"), Value::Undef, Value::Num(2.5)];
        assert_eq!(r(&vals), "1\ntwo\nundef\n2.5\n");
    }

    #[test]
    fn nested_inline() {
        let v = arr(vec![
            Value::Int(1),
            Value::Int(2),
            s("three"),
            hash(&[
                ("b", arr(vec![Value::Int(2), Value::Int(3)])),
                ("a", Value::Int(1)),
            ]),
            Value::Undef,
        ]);
        assert_eq!(r(&[v]), "[1, 2, \"three\", {a => 1, b => [2, 3]}, undef]\n");
    }

    #[test]
    fn nested_quoting_and_keys() {
        // The leading number keeps the array from being a one-row table.
        let v = arr(vec![
            Value::Int(0),
            hash(&[
                ("a b", s("say \"hi\"\n")),
                ("10", s("x")),
                ("007", s("y")),
                ("_ok", arr(vec![])),
                ("e", hash(&[])),
            ]),
        ]);
        assert_eq!(
            r(&[v]),
            "[0, {\"007\" => \"y\", 10 => \"x\", _ok => [], \"a b\" => \"say \\\"hi\\\"\\n\", e => {}}]\n"
        );
    }

    #[test]
    fn nested_multiline_when_too_wide() {
        let v = hash(&[
            ("name", s("a fairly long string value")),
            ("list", arr((1..=4).map(Value::Int).collect())),
            ("deep", hash(&[("x", Value::Int(1))])),
        ]);
        let out = render(&[arr(vec![Value::Int(0), v])], &plain(30));
        assert_eq!(
            out,
            "[\n  0,\n  {\n    deep => {x => 1},\n    list => [1, 2, 3, 4],\n    \
             name => \"a fairly long st…\n  }\n]\n"
        );
        assert!(max_line_width(&out) <= 30);
    }

    #[test]
    fn list_with_refs_mixes_raw_and_nested() {
        let vals = [s("x"), arr(vec![s("y")]), Value::Int(3)];
        assert_eq!(r(&vals), "x\n[\"y\"]\n3\n");
    }

    #[test]
    fn blessed_code_regexless_refs() {
        let h = Hash::new();
        h.set(make_key(b"x", false), Value::Int(1));
        h.bless(Rc::from("Point"));
        let code = psh_interp::value::Code::new(psh_interp::value::CodeKind::Stub, None);
        let named = psh_interp::value::Code::new(
            psh_interp::value::CodeKind::Stub,
            Some(Rc::from("main::foo")),
        );
        let sref = Value::ScalarRef(psh_interp::value::Scalar::new(Value::Int(5)));
        let v = arr(vec![
            Value::HashRef(h),
            Value::CodeRef(code),
            Value::CodeRef(named),
            sref,
        ]);
        assert_eq!(r(&[v]), "[Point {x => 1}, sub {…}, \\&main::foo, \\5]\n");
    }

    #[test]
    fn cycles_are_cut() {
        let a = Array::new();
        a.push(Value::Int(1));
        a.push(Value::ArrayRef(a.clone()));
        let out = r(&[Value::ArrayRef(a.clone())]);
        // Break the cycle so the test does not leak.
        a.clear();
        assert_eq!(out, "[1, (cycle)]\n");

        let h = Hash::new();
        h.set(make_key(b"me", false), Value::HashRef(h.clone()));
        let out = r(&[Value::HashRef(h.clone())]);
        h.clear();
        assert_eq!(out, "me  (cycle)\n");
    }

    #[test]
    fn cycles_through_table_rows_are_cut() {
        let outer = Array::new();
        let row = Hash::new();
        row.set(make_key(b"name", false), s("x"));
        row.set(make_key(b"me", false), Value::HashRef(row.clone()));
        row.set(make_key(b"up", false), Value::ArrayRef(outer.clone()));
        outer.push(Value::HashRef(row.clone()));
        let out = r(&[Value::ArrayRef(outer.clone())]);
        row.clear();
        outer.clear();
        assert_eq!(
            out,
            "#  name  me       up\n─  ────  ───────  ───────\n0  x     (cycle)  (cycle)\n"
        );
    }

    #[test]
    fn shared_but_acyclic_refs_print_twice() {
        let inner = arr(vec![Value::Int(1)]);
        let v = hash(&[("a", inner.clone()), ("b", inner)]);
        assert_eq!(r(&[v]), "a  [1]\nb  [1]\n");
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let mut v = Value::Int(0);
        for _ in 0..500 {
            v = arr(vec![v]);
        }
        let out = r(&[v]);
        assert!(out.contains("[…]"), "{out}");
        assert!(out.len() < 10_000);
    }

    #[test]
    fn huge_containers_and_strings_are_capped() {
        let big = arr((0..100_000).map(Value::Int).collect());
        let out = r(&[big]);
        assert!(out.contains("… 99800 more"), "{}", &out[out.len() - 200..]);
        assert!(out.lines().count() <= 1001 + 1);

        let long = "x".repeat(1_000_000);
        let out = r(&[arr(vec![s(&long)])]);
        assert!(out.len() < 5000);
        assert!(out.contains('…'));
        // A top-level scalar is printed whole, like `print`.
        assert_eq!(r(&[s(&long)]).len(), 1_000_001);
    }

    #[test]
    fn long_lists_stop_at_max_rows() {
        let vals: Vec<Value> = (0..1500).map(Value::Int).collect();
        let out = r(&vals);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 1001);
        assert_eq!(lines[999], "999");
        assert_eq!(lines[1000], "… 500 more");
    }

    #[test]
    fn hashref_is_a_key_value_table() {
        let v = hash(&[
            ("name", s("psh")),
            ("b", Value::Int(2)),
            ("nothing", Value::Undef),
            ("list", arr(vec![Value::Int(1), s("two")])),
        ]);
        assert_eq!(
            r(&[v]),
            "b        2\nlist     [1, \"two\"]\nname     psh\nnothing  undef\n"
        );
    }

    #[test]
    fn blessed_hashref_table_names_its_class() {
        let h = Hash::new();
        h.set(make_key(b"pid", false), Value::Int(1));
        h.bless(Rc::from("Psh::Process"));
        assert_eq!(r(&[Value::HashRef(h)]), "Psh::Process\npid  1\n");
    }

    #[test]
    fn records_with_differing_keys_make_a_table() {
        let rows = [
            hash(&[("name", s("a.txt")), ("size", Value::Int(1234))]),
            hash(&[("name", s("bin")), ("type", s("dir"))]),
            hash(&[
                ("name", s("c")),
                ("size", Value::Int(10 * 1024 * 1024)),
                ("type", s("file")),
            ]),
        ];
        let expect = "\
#  name   size  type
─  ─────  ────  ────
0  a.txt  1.2K
1  bin          dir
2  c       10M  file
";
        assert_eq!(r(&rows), expect);
        // One arrayref of records renders the same.
        assert_eq!(r(&[arr(rows.to_vec())]), expect);
    }

    #[test]
    fn numbers_right_aligned_and_nested_cells_compact() {
        let rows = [
            hash(&[("pid", Value::Int(1)), ("args", arr(vec![s("-l")]))]),
            hash(&[("pid", Value::Int(1234)), ("args", arr(vec![]))]),
        ];
        assert_eq!(
            r(&rows),
            "#   pid  args\n─  ────  ──────\n0     1  [\"-l\"]\n1  1234  []\n"
        );
    }

    #[test]
    fn unrelated_hashes_are_not_a_table() {
        let rows = [
            hash(&[("a", Value::Int(1))]),
            hash(&[("b", Value::Int(2))]),
            hash(&[("c", Value::Int(3))]),
        ];
        assert_eq!(r(&rows), "{a => 1}\n{b => 2}\n{c => 3}\n");
    }

    #[test]
    fn rows_of_scalars_make_a_grid() {
        let rows = [
            arr(vec![s("x"), Value::Int(1)]),
            arr(vec![s("yy"), Value::Int(22), s("extra")]),
        ];
        assert_eq!(
            r(&rows),
            "#  0    1  2\n─  ──  ──  ─────\n0  x    1\n1  yy  22  extra\n"
        );
    }

    #[test]
    fn table_fits_width_shrinking_widest_first() {
        let rows: Vec<Value> = (0..3)
            .map(|i| {
                hash(&[
                    ("id", Value::Int(i)),
                    (
                        "path",
                        s(&format!("/very/long/path/to/some/file/number/{i}")),
                    ),
                    ("note", s("short")),
                ])
            })
            .collect();
        let out = render(&rows, &plain(30));
        assert!(max_line_width(&out) <= 30, "{out}");
        assert!(out.contains('…'));
        // The narrow columns keep their natural width.
        assert!(out.lines().nth(2).unwrap().ends_with("short"), "{out}");
        assert!(out.lines().nth(2).unwrap().starts_with("0   0  "), "{out}");
    }

    #[test]
    fn too_many_columns_are_dropped_with_a_note() {
        let keys: Vec<String> = (0..12).map(|i| format!("column{i}")).collect();
        let rows: Vec<Value> = (0..2)
            .map(|_| {
                let pairs: Vec<(&str, Value)> = keys
                    .iter()
                    .map(|k| (k.as_str(), s("some value here")))
                    .collect();
                hash(&pairs)
            })
            .collect();
        let out = render(&rows, &plain(40));
        assert!(max_line_width(&out) <= 40, "{out}");
        let last = out.lines().last().unwrap();
        assert!(
            last.starts_with("… ") && last.contains("more columns: "),
            "{out}"
        );
        assert!(out.lines().next().unwrap().contains("col"));
    }

    #[test]
    fn wide_characters_align_and_are_never_split() {
        let rows = [
            hash(&[("name", s("日本語のファイル名")), ("n", Value::Int(1))]),
            hash(&[("name", s("ab")), ("n", Value::Int(2))]),
        ];
        let out = r(&rows);
        assert_eq!(
            out,
            "#  name                n\n─  ──────────────────  ─\n\
             0  日本語のファイル名  1\n1  ab                  2\n"
        );
        let out = render(&rows, &plain(16));
        assert!(max_line_width(&out) <= 16, "{out}");
        assert!(out.contains("日本語の…"), "{out}");
    }

    #[test]
    fn table_cells_escape_control_characters() {
        let rows = [
            hash(&[("a", s("x\ny\tz"))]),
            hash(&[("a", s("\x1b[31mred"))]),
        ];
        assert_eq!(
            r(&rows),
            "#  a\n─  ─────────\n0  x\\ny\\tz\n1  \\e[31mred\n"
        );
    }

    #[test]
    fn long_tables_stop_at_max_rows() {
        let rows: Vec<Value> = (0..1200).map(|i| hash(&[("i", Value::Int(i))])).collect();
        let out = r(&rows);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2 + 1000 + 1);
        assert_eq!(lines.last().copied(), Some("… 200 more rows"));
    }

    #[test]
    fn human_sizes() {
        assert_eq!(human_size(0), "0");
        assert_eq!(human_size(1023), "1023");
        assert_eq!(human_size(1024), "1.0K");
        assert_eq!(human_size(1234), "1.2K");
        assert_eq!(human_size(10 * 1024), "10K");
        assert_eq!(human_size(1023 * 1024 + 1000), "1.0M");
        assert_eq!(human_size(3 << 30), "3.0G");
        assert_eq!(human_size(u64::MAX), "16E");
    }

    #[test]
    fn size_column_only_humanised_for_integers() {
        let rows = [
            hash(&[("size", s("big"))]),
            hash(&[("size", Value::Int(2048))]),
        ];
        assert_eq!(r(&rows), "#  size\n─  ────\n0  big\n1  2048\n");
    }

    #[test]
    fn fit_never_exceeds_width_or_splits_chars() {
        assert_eq!(fit("hello", 5), "hello");
        assert_eq!(fit("hello!", 5), "hell…");
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit("日本語", 5), "日本…");
        assert_eq!(fit("a\nb", 10), "a\\nb");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("abc", 1), "…");
    }

    #[test]
    fn colour_only_when_asked() {
        let vals = [
            hash(&[
                ("name", s("a")),
                ("size", Value::Int(1)),
                ("x", Value::Undef),
            ]),
            hash(&[
                ("name", s("b")),
                ("size", Value::Int(2)),
                ("x", arr(vec![])),
            ]),
        ];
        let single = [hash(&[("k", arr(vec![s("v"), Value::Undef]))])];
        for v in [&vals[..], &single[..], &[Value::Undef][..]] {
            let off = render(v, &plain(80));
            let on = render(
                v,
                &RenderOpts {
                    color: true,
                    ..plain(80)
                },
            );
            assert!(!off.contains('\x1b'), "{off:?}");
            assert!(on.contains("\x1b["), "{on:?}");
            assert_eq!(strip_ansi(&on), off);
        }
    }
}
