//! The Perl 5 parser: source bytes to the resolved tree of `crate::ast`.
//!
//! Perl cannot be tokenised without knowing what the parser expects (`/` is a
//! division after a term and a regex where a term is expected, `{` is a block
//! or a hash, `<<` a shift or a heredoc), so the lexer is not a separate pass:
//! the parser scans the bytes at its cursor, asking for a term or an operator.
//! Lexicals are resolved to pad slots while parsing, as perl does.

// A parse error carries its message and the source line; it is built once
// per failed parse, so its size costs nothing on the success path.
#![allow(clippy::result_large_err)]

mod encoding;
mod error;
mod expr;
mod lexer;
mod quote;
mod scope;
mod stmt;
#[cfg(test)]
mod tests;

pub use error::ParseError;

use crate::ast::{self, Block, Expr, GlobalId, Program, SubBody};
use scope::{Binding, Unit};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Feature bits (`use feature …`).
pub mod features {
    pub const SAY: u32 = 1;
    pub const SIGNATURES: u32 = 2;
    pub const CURRENT_SUB: u32 = 4;
    pub const FC: u32 = 8;
    pub const BITWISE: u32 = 16;
    pub const ISA: u32 = 32;
    pub const POSTDEREF_QQ: u32 = 64;
    pub const STATE: u32 = 128;
    pub const EVALBYTES: u32 = 256;
    /// `indirect` is on by default and turned off by the 5.36 bundle.
    pub const INDIRECT: u32 = 512;
    /// Unicode rules for 8-bit strings in patterns (`/u` on every match).
    pub const UNICODE_STRINGS: u32 = 1024;
    pub const ALL: u32 = 0x7ff;
}

/// What a string `eval` sees of the code around it.
#[derive(Debug, Clone, Default)]
pub struct EvalScope {
    pub package: String,
    /// Visible lexicals (name with sigil, slot in the calling pad).
    pub lexicals: Vec<(String, ast::Slot)>,
    /// Visible `our` declarations (name with sigil, full name).
    pub ours: Vec<(String, String)>,
    /// `ast::hints` bits in effect at the `eval`.
    pub hints: u32,
    /// `features` bits in effect at the `eval`.
    pub features: u32,
    /// `use strict 'vars'` / `'subs'` in effect at the `eval`.
    pub strict_vars: bool,
    pub strict_subs: bool,
    /// The eval runs inside a sub (so a bare `shift` means `shift @_`).
    pub in_sub: bool,
}

thread_local! {
    /// Package variables that files loaded by `require` mention.
    static MODULE_NAMES: std::cell::RefCell<HashSet<String>> =
        std::cell::RefCell::new(HashSet::new());
}

/// Give the main program's "used only once" warnings (see
/// `Program::once_warnings`).
pub fn give_once_warnings(w: &[(String, String)]) {
    for (name, msg) in w {
        if MODULE_NAMES.with(|m| m.borrow().contains(name)) {
            continue;
        }
        emit_compile_warning(format!("{msg}\n"));
    }
}

/// Parse a whole file.
pub fn parse_program(src: &[u8], file: &str) -> Result<Program, ParseError> {
    parse_program_full(src, file).map_err(|(e, _)| e)
}

/// Parse a whole file. On failure, besides the error (every error perl
/// reports, folded into one), gives the program when the parse reached the
/// end despite errors perl only queues (strict violations), with the number
/// of its BEGIN blocks compiled before the first error: perl has run those
/// by the time it reports.
#[allow(clippy::type_complexity)]
pub fn parse_program_full(
    src: &[u8],
    file: &str,
) -> Result<Program, (ParseError, Option<(Program, usize)>)> {
    parse_program_with(src, file, false)
}

/// An error about the file as a whole (its encoding), at line 1.
fn file_error(file: &str, message: String) -> ParseError {
    ParseError {
        file: file.to_string(),
        line: 1,
        col: 1,
        message,
        source_line: String::new(),
        near: None,
        eol: false,
        then: None,
    }
}

/// Parse a file loaded by `require`/`use`/`do FILE`: perl checks for
/// names used only once across the whole program, so a module's single
/// mention of another package's variable is no typo; no such warnings here.
pub fn parse_required(src: &[u8], file: &str) -> Result<Program, ParseError> {
    let (src, chars) = encoding::decode_source(src).map_err(|m| file_error(file, m))?;
    let mut p = Parser::new(&src, file);
    if chars {
        p.prag.hints |= ast::hints::UTF8;
    }
    p.units.push(Unit::new(false));
    p.warn_once_only = false;
    p.sub_buffer_eval = false;
    p.run_full().map_err(|(e, _)| e)
}

/// `parse_program_full` for a program run with `-w`: warnings are on from
/// the first line (compile-time ones included), as if the file began with
/// `use warnings`.
#[allow(clippy::type_complexity)]
pub fn parse_program_with(
    src: &[u8],
    file: &str,
    dash_w: bool,
) -> Result<Program, (ParseError, Option<(Program, usize)>)> {
    parse_program_at(src, file, dash_w, 1)
}

/// `parse_program_with`, the source's first line numbered `first_line`:
/// 0 for code that the command line's switches put before the program,
/// which perl reports at no line.
pub fn parse_program_at(
    src: &[u8],
    file: &str,
    dash_w: bool,
    first_line: u32,
) -> Result<Program, (ParseError, Option<(Program, usize)>)> {
    let (src, chars) = encoding::decode_source(src).map_err(|m| (file_error(file, m), None))?;
    let mut p = Parser::new(&src, file);
    if chars {
        p.prag.hints |= ast::hints::UTF8;
    }
    p.line_base = first_line;
    p.units.push(Unit::new(false));
    p.warn_once_only = true;
    if dash_w {
        p.prag.hints |= ast::hints::WARNINGS;
    }
    p.run_full()
}

thread_local! {
    /// Where compile-time warnings go while a string eval compiles (the
    /// interpreter passes them to `$SIG{__WARN__}`); `None`: to stderr.
    static WARN_CAPTURE: std::cell::RefCell<Option<Vec<String>>> =
        const { std::cell::RefCell::new(None) };
}

/// perl's `-W` (every warning, whatever `no warnings` says) and `-X` (none
/// at all): process-wide, as perl's switches are.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum WarningsSwitch {
    AsWritten = 0,
    All = 1,
    None = 2,
}

static WARNINGS_SWITCH: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

pub fn set_warnings_switch(w: WarningsSwitch) {
    WARNINGS_SWITCH.store(w as u8, std::sync::atomic::Ordering::Relaxed);
}

pub fn warnings_switch() -> WarningsSwitch {
    match WARNINGS_SWITCH.load(std::sync::atomic::Ordering::Relaxed) {
        1 => WarningsSwitch::All,
        2 => WarningsSwitch::None,
        _ => WarningsSwitch::AsWritten,
    }
}

/// Send a finished compile-time warning (with its location and newline)
/// to stderr, or to the capture buffer of a compiling string eval.
pub fn emit_compile_warning(text: String) {
    if warnings_switch() == WarningsSwitch::None {
        return;
    }
    let captured = WARN_CAPTURE.with(|c| match c.borrow_mut().as_mut() {
        Some(v) => {
            v.push(text.clone());
            true
        }
        None => false,
    });
    if !captured {
        use std::io::Write;
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
}

/// Capture compile-time warnings (`Some(vec)`) or stop (`None`),
/// returning what was captured before.
pub fn capture_compile_warnings(on: bool) -> Option<Vec<String>> {
    WARN_CAPTURE.with(|c| {
        let mut c = c.borrow_mut();
        std::mem::replace(&mut *c, if on { Some(Vec::new()) } else { None })
    })
}

/// Parse `src` as the code of a string `eval` running where `scope` describes.
/// The lexicals of `scope` are reached through captures of the main body.
pub fn parse_eval(src: &[u8], file: &str, scope: &EvalScope) -> Result<Program, ParseError> {
    let mut p = Parser::new(src, file);
    if !scope.package.is_empty() {
        p.package = scope.package.clone();
    }
    p.prag = Pragmas {
        hints: scope.hints & !ast::hints::EVAL_ONLY,
        strict_vars: scope.strict_vars,
        strict_subs: scope.strict_subs,
        features: scope.features,
    };
    let mut outer = Unit::new(scope.in_sub);
    for (name, fq) in &scope.ours {
        outer.scopes[0].push((name.clone(), Binding::Our(fq.clone())));
    }
    for (name, slot) in &scope.lexicals {
        outer.scopes[0].push((name.clone(), Binding::Pad(*slot)));
    }
    p.units.push(outer);
    p.units.push(Unit::new(scope.in_sub));
    p.main_unit = 1;
    // Subs defined by now (constants from `use constant`, imports) are not
    // known to this parser: a bareword may be one, checked when it runs.
    p.imported_modules = true;
    p.run()
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Pragmas {
    pub hints: u32,
    pub strict_vars: bool,
    pub strict_subs: bool,
    pub features: u32,
}

/// A saved source buffer (the parser switches to sub-buffers to parse the
/// code inside interpolated strings and `s///e` replacements).
pub(crate) struct SavedBuf {
    src: Vec<u8>,
    pos: usize,
    line_starts: Vec<usize>,
    line_base: u32,
    skips: Vec<(usize, usize)>,
    sub_buffer: bool,
}

pub(crate) struct Parser {
    // ---- the buffer being scanned
    pub src: Vec<u8>,
    pub pos: usize,
    pub line_starts: Vec<usize>,
    pub line_base: u32,
    /// Heredoc bodies already consumed: (start, end) byte ranges that the
    /// whitespace skipper jumps over when it reaches `start`.
    pub skips: Vec<(usize, usize)>,
    /// Scanning the inside of a string or pattern, not the file itself.
    pub sub_buffer: bool,

    pub file: Arc<str>,
    pub globals: Vec<String>,
    pub global_map: HashMap<String, GlobalId>,
    pub n_patterns: u32,
    pub n_states: u32,
    pub subs: Vec<Arc<SubBody>>,
    pub formats: Vec<Arc<SubBody>>,
    pub begin: Vec<Block>,
    pub begin_lines: Vec<u32>,
    pub end: Vec<Arc<SubBody>>,
    pub data: Option<(String, Vec<u8>)>,

    pub package: String,
    pub prag: Pragmas,
    pub units: Vec<Unit>,
    pub main_unit: usize,
    /// `my` declarations of the statement being parsed, per block nesting;
    /// they become visible at the next statement.
    pub pending: Vec<Vec<(String, Binding)>>,
    /// Per open block: whether it directly contains `local`.
    pub local_flags: Vec<bool>,
    /// Subs seen so far (fully qualified) with their prototypes.
    pub known_subs: HashMap<String, Option<String>>,
    /// Named subs given a body so far (for "Subroutine %s redefined").
    pub defined_subs: std::collections::HashSet<String>,
    /// Package arrays and hashes (`@main::x`, `%main::h`) the code has
    /// mentioned so far.
    pub seen_containers: std::collections::HashSet<String>,

    /// Globals declared with `use vars` (pass strict vars).
    pub declared_globals: HashSet<String>,
    /// The pattern about to be interpolated has the `/x` flag: its `#`
    /// comments are not interpolated.
    pub pat_x: bool,
    /// Arrays a BEGIN block set to a constant list (`@EXPORT = qw(…)`), by
    /// name: `use vars @EXPORT` declares what they hold.
    pub begin_arrays: HashMap<String, Vec<String>>,
    /// Builtins overridden by an import (`use Time::HiRes qw(time)`),
    /// fully qualified.
    pub overridden: HashSet<String>,
    pub depth: u32,
    /// `__END__`/`__DATA__` reached.
    pub finished: bool,
    /// A module (not a pragma) was `use`d: unknown barewords may be
    /// constants it exports.
    pub imported_modules: bool,
    /// The next statement is the first of a map/grep block (see
    /// `parse_statement_inner`).
    pub map_block_start: bool,
    /// Where the last binary operator started (for perl's `near "…"`).
    pub last_op_pos: usize,
    /// Errors that do not stop compilation (see `queue_error`).
    pub queued_errors: Vec<ParseError>,
    /// How many BEGIN blocks were queued before the first queued error.
    pub begins_before_error: usize,
    /// Package variables named in the source: mentions and the line of the
    /// first one when warnings were on there (0 when off), for perl's
    /// "used only once" warning.
    pub global_uses: HashMap<String, (u32, u32)>,
    /// Names in order of first mention.
    pub global_order: Vec<String>,
    /// Give the "used only once" warnings (a file, not a string eval).
    pub warn_once_only: bool,
    /// Those warnings, for the program to give once its BEGIN blocks ran.
    pub once_warnings: Vec<(String, String)>,
    /// Not a file loaded by `require` (a string eval, or the main program):
    /// its names do not go to `MODULE_NAMES`.
    pub sub_buffer_eval: bool,
    /// Warnings perl gives from its optimizer, after the void-context ones
    /// of the sub (or file) they are in: the unit depth and full text.
    pub peep_warnings: std::cell::RefCell<Vec<(usize, String)>>,
}

/// Nesting limit: deeper input is an error rather than a stack overflow
/// (one level costs at most ~3.5 KiB of stack in debug builds, measured by
/// `tests::stack_probe`).
pub(crate) const MAX_DEPTH: u32 = 250;

pub(crate) type PResult<T> = Result<T, ParseError>;

impl Parser {
    fn new(src: &[u8], file: &str) -> Parser {
        let mut p = Parser {
            src: src.to_vec(),
            pos: 0,
            line_starts: Vec::new(),
            line_base: 1,
            skips: Vec::new(),
            sub_buffer: false,
            file: Arc::from(file),
            globals: Vec::new(),
            global_map: HashMap::new(),
            n_patterns: 0,
            n_states: 0,
            subs: Vec::new(),
            formats: Vec::new(),
            begin: Vec::new(),
            begin_lines: Vec::new(),
            end: Vec::new(),
            data: None,
            package: "main".to_string(),
            prag: Pragmas {
                hints: 0,
                strict_vars: false,
                strict_subs: false,
                features: features::INDIRECT,
            },
            units: Vec::new(),
            main_unit: 0,
            pending: vec![Vec::new()],
            local_flags: vec![false],
            // perl's own functions that take references by prototype.
            known_subs: HashMap::from([
                (
                    "Internals::SvREADONLY".to_string(),
                    Some("\\[$%@];$".to_string()),
                ),
                (
                    "Internals::hv_clear_placeholders".to_string(),
                    Some("\\%".to_string()),
                ),
                (
                    "Internals::SvREFCNT".to_string(),
                    Some("\\[$%@];$".to_string()),
                ),
            ]),
            defined_subs: Default::default(),
            seen_containers: Default::default(),

            declared_globals: HashSet::new(),
            pat_x: false,
            begin_arrays: HashMap::new(),
            overridden: HashSet::new(),
            depth: 0,
            finished: false,
            imported_modules: false,
            map_block_start: false,
            last_op_pos: usize::MAX,
            queued_errors: Vec::new(),
            begins_before_error: 0,
            global_uses: HashMap::new(),
            global_order: Vec::new(),
            warn_once_only: false,
            once_warnings: Vec::new(),
            sub_buffer_eval: true,
            peep_warnings: Default::default(),
        };
        p.line_starts = lexer::compute_line_starts(&p.src);
        for name in ast::well_known::NAMES {
            p.intern(name);
        }
        // A `#!` line may carry `-w`.
        if p.src.starts_with(b"#!") {
            let end = p
                .src
                .iter()
                .position(|&c| c == b'\n')
                .unwrap_or(p.src.len());
            let line = &p.src[..end];
            if line.windows(2).any(|w| w == b" -w") || line.windows(3).any(|w| w == b"-w\r") {
                p.prag.hints |= ast::hints::WARNINGS;
            }
        }
        p
    }

    fn run(self) -> Result<Program, ParseError> {
        self.run_full().map_err(|(e, _)| e)
    }

    #[allow(clippy::type_complexity)]
    fn run_full(mut self) -> Result<Program, (ParseError, Option<(Program, usize)>)> {
        let (stmts, labels) = match self.parse_statements_until_end() {
            Ok(s) => s,
            Err(e) => {
                let queued = std::mem::take(&mut self.queued_errors);
                return Err((fold_errors(queued, Some(e)), None));
            }
        };
        // A string eval's last statement is its value.
        if self.queued_errors.is_empty() {
            self.void_context_warnings(&stmts, self.main_unit != 0);
        }
        self.flush_peep_warnings(0);
        let queued = std::mem::take(&mut self.queued_errors);
        let begins_ok = self.begins_before_error;
        if queued.is_empty() && self.warn_once_only {
            self.warn_used_once();
        }
        let has_local = self.local_flags.pop().unwrap_or(false);
        let mut unit = self.units.pop().expect("main unit");
        let tail = ast::TailScope {
            package: self.package.clone(),
            lexicals: unit
                .scopes
                .first()
                .map(|s| {
                    s.iter()
                        .filter_map(|(n, b)| match b {
                            scope::Binding::Pad(slot) => Some((n.clone(), *slot)),
                            scope::Binding::Our(_) => None,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            ours: unit
                .scopes
                .first()
                .map(|s| {
                    s.iter()
                        .filter_map(|(n, b)| match b {
                            scope::Binding::Our(fq) => Some((n.clone(), fq.clone())),
                            scope::Binding::Pad(_) => None,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            hints: self.prag.hints,
            features: self.prag.features,
            strict_vars: self.prag.strict_vars,
            strict_subs: self.prag.strict_subs,
        };
        // File-level lexicals are released when the main code ends (before
        // END blocks), as perl's save stack does.
        let my_slots = unit
            .decls
            .first_mut()
            .map(std::mem::take)
            .unwrap_or_default();
        let main = SubBody {
            name: None,
            package: "main".to_string(),
            body: Block {
                stmts,
                has_local,
                my_slots,
                labels,
            },
            pad: unit.pad,
            captures: unit.captures,
            prototype: None,
            file: self.file.clone(),
            line: 1,
        };
        let prog = Program {
            main: Arc::new(main),
            subs: self.subs,
            formats: self.formats,
            begin: self.begin,
            begin_lines: self.begin_lines,
            end: self.end,
            globals: self.globals,
            data: self.data,
            n_patterns: self.n_patterns,
            n_states: self.n_states,
            file: self.file,
            once_warnings: std::mem::take(&mut self.once_warnings),
            tail,
        };
        if !queued.is_empty() {
            return Err((fold_errors(queued, None), Some((prog, begins_ok))));
        }
        Ok(prog)
    }

    /// Count a mention of a package variable (see `warn_used_once`).
    /// A package variable a file loaded by `require` mentions.
    pub fn note_module_name(&self, fq: &str) {
        if self.sub_buffer_eval {
            return;
        }
        MODULE_NAMES.with(|m| {
            let mut m = m.borrow_mut();
            if !m.contains(fq) {
                m.insert(fq.to_string());
            }
        });
    }

    pub fn note_global_use(&mut self, fq: &str, pos: usize) {
        if !self.warn_once_only {
            self.note_module_name(fq);
            return;
        }
        let warn = self.prag.hints & ast::hints::WARNINGS != 0
            && self.prag.hints & ast::hints::NO_WARN_ONCE == 0;
        match self.global_uses.get_mut(fq) {
            Some(e) => e.0 += 1,
            None => {
                let line = if warn { self.line_of(pos) } else { 0 };
                self.global_uses.insert(fq.to_string(), (1, line));
                self.global_order.push(fq.to_string());
            }
        }
    }

    /// perl's end-of-compile "Name "main::x" used only once: possible typo"
    /// for package variables mentioned once (names perl treats specially,
    /// and `our`/`use vars` ones, excepted).
    fn warn_used_once(&mut self) {
        for fq in std::mem::take(&mut self.global_order) {
            let Some(&(n, line)) = self.global_uses.get(&fq) else {
                continue;
            };
            if n != 1 || line == 0 {
                continue;
            }
            let short = fq.rsplit("::").next().unwrap_or("");
            let plain = short
                .bytes()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_');
            let special = forced_main(short)
                || matches!(
                    short,
                    "a" | "b"
                        | "ISA"
                        | "EXPORT"
                        | "EXPORT_OK"
                        | "EXPORT_FAIL"
                        | "EXPORT_TAGS"
                        | "VERSION"
                        | "AUTOLOAD"
                        | "DESTROY"
                        | "DATA"
                );
            if self.known_subs.contains_key(&fq) {
                continue;
            }
            let declared = ["$", "@", "%"]
                .iter()
                .any(|s| self.declared_globals.contains(&format!("{s}{fq}")));
            // Carp's variables are declared by the (built-in) module.
            if !plain || special || declared || fq.starts_with("Carp::") {
                continue;
            }
            let msg = format!(
                "Name \"{fq}\" used only once: possible typo at {} line {line}.",
                self.file
            );
            self.once_warnings.push((fq, msg));
        }
    }

    /// A warning perl gives while compiling: it goes straight to stderr.
    pub fn compile_warning(&self, pos: usize, msg: &str) {
        let line = self.line_of(pos);
        emit_compile_warning(format!("{msg} at {} line {line}.\n", self.file));
    }

    /// A compile-time warning perl issues from its optimizer (see
    /// `peep_warnings`).
    pub fn peep_warning(&self, pos: usize, msg: &str) {
        let text = format!("{msg} at {} line {}.\n", self.file, self.line_of(pos));
        self.peep_warnings
            .borrow_mut()
            .push((self.units.len(), text));
    }

    /// Print the optimizer warnings of units deeper than `depth`.
    pub fn flush_peep_warnings(&self, depth: usize) {
        let mut q = self.peep_warnings.borrow_mut();
        let keep = q.iter().take_while(|(d, _)| *d <= depth).count();
        for (_, t) in q.drain(keep..) {
            emit_compile_warning(t);
        }
    }

    pub fn compile_warning_line(&self, line: u32, msg: &str) {
        emit_compile_warning(format!("{msg} at {} line {line}.\n", self.file));
    }

    /// An error perl reports but keeps compiling after (strict violations):
    /// compilation fails at the end, with all of them.
    pub fn queue_error(&mut self, e: ParseError) {
        if self.queued_errors.is_empty() {
            self.begins_before_error = self.begin.len();
        }
        self.queued_errors.push(e);
    }

    pub fn intern(&mut self, name: &str) -> GlobalId {
        if let Some(&id) = self.global_map.get(name) {
            return id;
        }
        let id = self.globals.len() as GlobalId;
        self.globals.push(name.to_string());
        self.global_map.insert(name.to_string(), id);
        id
    }

    pub fn new_pattern_id(&mut self) -> u32 {
        self.n_patterns += 1;
        self.n_patterns - 1
    }

    pub fn new_state_id(&mut self) -> u32 {
        self.n_states += 1;
        self.n_states - 1
    }

    /// Qualify a name into the current package, forcing perl's special names
    /// into `main::`.
    pub fn qualify(&self, name: &str) -> String {
        if let Some(rest) = name.strip_prefix("::") {
            return format!("main::{}", rest);
        }
        if name.contains("::") {
            if let Some(rest) = name.strip_prefix("main::") {
                if rest.is_empty() {
                    return name.to_string();
                }
            }
            return name.to_string();
        }
        if forced_main(name) {
            return format!("main::{}", name);
        }
        format!("{}::{}", self.package, name)
    }

    pub fn switch_to_buffer(&mut self, src: Vec<u8>, line: u32) -> SavedBuf {
        let line_starts = lexer::compute_line_starts(&src);
        SavedBuf {
            src: std::mem::replace(&mut self.src, src),
            pos: std::mem::replace(&mut self.pos, 0),
            line_starts: std::mem::replace(&mut self.line_starts, line_starts),
            line_base: std::mem::replace(&mut self.line_base, line),
            skips: std::mem::take(&mut self.skips),
            sub_buffer: std::mem::replace(&mut self.sub_buffer, true),
        }
    }

    pub fn restore_buffer(&mut self, saved: SavedBuf) {
        self.src = saved.src;
        self.pos = saved.pos;
        self.line_starts = saved.line_starts;
        self.line_base = saved.line_base;
        self.skips = saved.skips;
        self.sub_buffer = saved.sub_buffer;
    }

    pub fn str_expr(&self, s: &str) -> Expr {
        Expr::Str {
            bytes: Arc::from(s.as_bytes()),
            utf8: !s.is_ascii() && self.prag.hints & ast::hints::UTF8 != 0,
        }
    }
}

/// One error standing for all of them: the earlier ones' full text becomes a
/// prefix of the last one's message, so `Display` prints each on its line.
fn fold_errors(mut errs: Vec<ParseError>, last: Option<ParseError>) -> ParseError {
    if let Some(l) = last {
        errs.push(l);
    }
    let mut last = errs.pop().expect("at least one error");
    if !errs.is_empty() {
        let mut prefix: String = errs.iter().map(|e| e.to_string()).collect();
        prefix.push_str(&last.message);
        last.message = prefix;
    }
    last
}

/// Names perl always puts in `main::`.
pub(crate) fn forced_main(name: &str) -> bool {
    matches!(
        name,
        "ENV" | "INC" | "ARGV" | "ARGVOUT" | "SIG" | "STDIN" | "STDOUT" | "STDERR" | "_"
    ) || name.is_empty()
        || name.as_bytes()[0] < 0x80
            && !name.as_bytes()[0].is_ascii_alphabetic()
            && name.as_bytes()[0] != b'_'
        || name.as_bytes()[0] == b'^'
}

pub(crate) fn bytes_str(b: &[u8]) -> Expr {
    Expr::Str {
        bytes: Arc::from(b),
        utf8: false,
    }
}

pub(crate) fn plain_str(s: &str) -> Expr {
    Expr::Str {
        bytes: Arc::from(s.as_bytes()),
        utf8: !s.is_ascii(),
    }
}
