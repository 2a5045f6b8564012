//! The tree-walking interpreter: state, program start-up, statements and
//! control flow. Expressions are in `expr`, places and assignment in
//! `assign`, calls in `call`, builtins in `builtins`, regex operators in
//! `regex_ops`.

mod assign;
mod builtins;
mod call;
mod expr;
mod goto;
pub(crate) mod lower;
mod output;
mod regex_ops;
mod repl;
mod sort;
pub use builtins::{str_index, substr_range};
pub use repl::{Outcome, Session};

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use crate::ast::{self, well_known as wk, Block, Expr, Program, Statement, Stmt};
use crate::io::{Backend, Handle};
use crate::value::*;

pub(crate) use builtins::lv_substr_store;
pub use call::CallInfo;
pub use expr::bool_val as bool_value;
pub use expr::empty_str as empty_string;
pub use expr::errno_text as errno_string;
pub use expr::str_cmp;

/// `ref()` of an unblessed reference (`ARRAY`, `HASH`, …).
pub fn ref_type_name(v: &Value) -> String {
    let r = builtins::ref_type(v);
    String::from_utf8_lossy(&crate::convert::to_bytes(&r)).into_owned()
}

/// Calling context.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Want {
    Void,
    Scalar,
    List,
}

/// Non-local control flow, carried in `Err`. The data that goes with it (the
/// loop label, the die value, the return values, the exit code) lives in the
/// interpreter, so `Result<Value, Flow>` stays 16 bytes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
// A whole word, like `Value`'s tag: results move as two aligned words (a
// byte-sized `Flow` makes the compiler copy `Result<Value, Flow>` in pieces).
#[repr(u64)]
pub enum Flow {
    Return,
    Next,
    Last,
    Redo,
    Die,
    Exit,
    /// `goto LABEL` on its way to the block holding the label
    /// (`Interp::goto_target`).
    Goto,
}

pub type R<T> = Result<T, Flow>;

/// A block or statement in runnable form (the closure form's unit).
pub(crate) type BlockRun = dyn Fn(&mut Interp) -> R<()>;

/// Cache keys (node addresses) of freed string-eval code, shared between
/// the interpreter and the units that put them there.
pub type DeadKeys = Rc<RefCell<Vec<usize>>>;

/// Per-program (per file, per string eval) resolution tables.
pub struct Unit {
    pub globals: Vec<Gv>,
    pub patterns: RefCell<Vec<Option<Rc<crate::regex::Regex>>>>,
    pub program: Arc<Program>,
    /// For a string eval's code, which is freed when done (so its node
    /// addresses can be reused): the address keys it put in the
    /// interpreter's caches, handed to `dead` when the unit goes.
    pub transient: Option<(RefCell<Vec<usize>>, DeadKeys)>,
    /// The program's file name as the interpreter shows it; an `Rc` so that
    /// recording it in each call frame costs no atomic operation.
    pub file: Rc<str>,
}

impl Drop for Unit {
    fn drop(&mut self) {
        if let Some((keys, dead)) = &self.transient {
            dead.borrow_mut().extend(keys.take());
        }
    }
}

/// Method lookups by class and method name, without allocating on a hit.
/// Cleared whenever a sub is (re)defined or an `@ISA` changes.
#[derive(Default)]
pub(crate) struct MethodCache {
    map: rustc_hash::FxHashMap<Box<str>, rustc_hash::FxHashMap<Box<str>, Option<Cv>>>,
    /// Bumped at every clear, so call sites that remember a resolution
    /// know when it may be stale.
    pub gen: u64,
}

impl MethodCache {
    #[inline]
    pub fn get(&self, class: &str, name: &str) -> Option<Option<Cv>> {
        self.map.get(class)?.get(name).cloned()
    }
    pub fn insert(&mut self, class: &str, name: &str, cv: Option<Cv>) {
        self.map
            .entry(class.into())
            .or_default()
            .insert(name.into(), cv);
    }
    pub fn clear(&mut self) {
        self.map.clear();
        self.gen += 1;
    }
}

/// A saved value restored when a dynamic scope ends (`local`).
pub(crate) enum Saved {
    Scalar(Gv, Sv),
    Array(Gv, Option<Av>),
    Hash(Gv, Option<Hv>),
    Code(Gv, Option<Cv>),
    /// `local *FH`: the handle and its tie.
    Handle(Gv, Option<Rc<Handle>>, Option<Tied>),
    HashElem(Hv, Key, Option<Value>),
    ArrayElem(Av, i64, Value),
    /// An array element that was past the end (index, old length):
    /// restoring deletes it, shrinking the array back.
    ArrayElemNew(Av, usize, usize),
    /// `local $^W` and other computed variables: restored through
    /// `special_set`.
    Special(crate::ast::SpecialVar, Value),
}

/// Results of the last successful match (`$1`, `$&`, `@-`, `%+`).
#[derive(Default, Clone)]
pub struct MatchState {
    pub subject: Rc<PStr>,
    pub offs: Vec<Option<(usize, usize)>>,
    /// The pattern that matched: names its groups for `%+`, and is what an
    /// empty pattern (`s//x/`) means.
    pub re: Option<Rc<crate::regex::Regex>>,
}

/// In-place editing (`-i`) of one file.
pub struct InplaceWork {
    /// The file ARGVOUT writes.
    pub work: Vec<u8>,
    /// The file it replaces when done.
    pub orig: Vec<u8>,
    /// Where the original goes first, if kept.
    pub backup: Option<Vec<u8>>,
}

pub struct Interp {
    pub unit: Rc<Unit>,
    pub pad: Vec<PadSlot>,
    pub args: Av,
    pub cur_sub: Option<Cv>,
    pub want: Want,
    pub line: u32,
    pub file: Rc<str>,
    pub hints: u32,
    pub package: Rc<str>,

    /// Values of a `return` being unwound.
    pub ret_list: Vec<Value>,
    pub ret_val: Value,
    /// Label of a `next`/`last`/`redo` being unwound.
    pub flow_label: Option<Arc<str>>,
    /// Labels of the blocks running now that have labelled statements,
    /// innermost last (see `goto`).
    goto_scopes: Vec<*const goto::Labels>,
    /// Where a `goto` being unwound goes: an index into `goto_scopes` and
    /// the statement's index in that block.
    goto_target: (usize, usize),
    /// Loops (and bare blocks) running now: `last` with none dies.
    pub loop_depth: u32,
    /// Line of the `next`/`last`/`redo` being unwound, for "Exiting ...".
    pub flow_line: u32,
    pub flow_file: Rc<str>,
    /// Whether warnings were on where it was (perl warns "Exiting ..."
    /// there, before any `local $^W` is undone).
    pub flow_warn: bool,
    /// The exception being thrown.
    pub die_value: Value,
    pub exit_code: i32,
    /// The last `Flow::Exit` came from Ctrl-C, not from `exit`.
    pub interrupted: bool,
    /// In the shell (not in scripts): calling an undefined sub named like a
    /// program on `PATH` runs the program and returns its output.
    pub program_calls: bool,

    pub(crate) savestack: Vec<Saved>,
    pub frames: Vec<CallInfo>,
    pub depth: usize,

    pub symbols: rustc_hash::FxHashMap<String, Gv>,
    pub(crate) method_cache: MethodCache,
    /// Named call sites resolved to their globs (see `call_target`).
    pub(crate) call_cache: rustc_hash::FxHashMap<usize, Gv>,
    /// `Pkg::__ANON__` names by sub body.
    pub(crate) anon_names: rustc_hash::FxHashMap<usize, Rc<str>>,
    /// String literals, allocated once per literal (keyed by node address).
    pub(crate) const_strs: rustc_hash::FxHashMap<usize, Rc<PStr>>,
    /// While a file's BEGIN blocks (and `use`) run: that file and the line
    /// the running one ends on (see `glob_assign`).
    pub(crate) begin_ctx: Option<(Rc<str>, u32)>,
    /// Warnings for after the running BEGIN block (see `glob_assign`).
    pub(crate) begin_warnings: Vec<String>,
    /// Sub bodies in closure form, by body address, shared by all closures
    /// of one body (the `Weak` tells whether the address still names it).
    pub(crate) lowered_subs:
        rustc_hash::FxHashMap<usize, (std::sync::Weak<ast::SubBody>, Rc<lower::LoweredSub>)>,
    /// `sort`/`map`/`grep` blocks in closure form, by block address.
    pub(crate) lowered_blocks: rustc_hash::FxHashMap<usize, Rc<lower::LoweredBody>>,
    /// Package names, one `Rc` each, so that "same package" is usually a
    /// pointer comparison.
    pub(crate) package_names: rustc_hash::FxHashMap<Box<str>, Rc<str>>,
    /// The 256 one-byte strings, made on first use (see `byte_str`).
    pub(crate) byte_strs: Vec<Rc<PStr>>,
    /// Run code in closure form (off: tree walker only; `PSH_NO_LOWER=1`).
    pub lower_enabled: bool,
    /// Call frames keep their `@_` (set when Carp is loaded).
    pub track_args: bool,
    /// Cache keys of freed string-eval code (see `Unit::transient`).
    pub(crate) dead_keys: Rc<RefCell<Vec<usize>>>,
    /// Spare argument vectors (capacity kept), for method calls.
    pub(crate) vec_pool: Vec<Vec<Elem>>,
    /// Spare `@_` arrays, reused across calls.
    pub(crate) args_pool: Vec<Av>,
    /// Shared so that scopes can save and restore it cheaply (captures are
    /// dynamically scoped in perl).
    pub last_match: Rc<MatchState>,
    pub stdout: Rc<Handle>,
    pub stderr: Rc<Handle>,
    pub selected: Gv,
    /// Handle of the last `readline`, for `$.` and the `<FH> line N` suffix.
    pub last_read: Option<(Rc<Handle>, Rc<str>)>,
    pub rand_state: u64,
    pub rand_seeded: bool,
    pub errno: i32,
    pub child_status: i64,
    pub script_name: Value,
    pub exec_path: String,
    pub start_time: i64,
    pub end_blocks: Vec<Cv>,
    /// Files whose `ARGV` iteration is pending for `<>`.
    pub argv_started: bool,
    /// The file being edited in place (`-i`).
    pub inplace_work: Option<InplaceWork>,
    pub in_die_handler: bool,
    pub in_warn_handler: bool,
    /// The next `call_with_av` is `&foo;` (shares the caller's `@_`):
    /// `caller` reports no arguments for it.
    pub amp_call: bool,
    /// The source of each string eval now running (`caller`'s evaltext).
    pub eval_texts: Vec<Rc<PStr>>,
    /// Packages something was blessed into (they exist, for "perhaps you
    /// forgot to load").
    pub blessed_pkgs: std::collections::HashSet<Rc<str>>,
    /// Units of files run by `require`/`do`: their code is never freed
    /// (caches are keyed by node addresses).
    pub kept_units: Vec<Rc<Unit>>,
    pub last_blessed: Option<Rc<str>>,
    /// An exception from a fatal warning, a dying `__WARN__` handler or a
    /// tie method that died (or exited) where no error could be returned,
    /// waiting to be thrown (see `raise_warn_die`).
    pub pending_flow: Option<Flow>,
    /// Some handle has been tied: handle operations look for ties.
    pub handles_tied: bool,
    /// Classes whose methods resolve in C3 order (`use mro 'c3'`).
    pub(crate) c3_classes: std::collections::HashSet<String>,
    /// Classes that declared an mro (either kind): they exist as packages.
    pub(crate) mro_declared: std::collections::HashSet<String>,
    /// Formats by qualified name (`format NAME =`).
    pub formats: rustc_hash::FxHashMap<String, Cv>,
    /// `$~ $^ $= $- $%` of handles other than the selected one (whose
    /// values are in those variables), by glob name.
    pub(crate) format_states: rustc_hash::FxHashMap<Rc<str>, [Value; 5]>,
    /// Statement-level warning flag (`-w` forces it on).
    pub global_warnings: bool,
    /// Strings already reported as not numeric (see `warn_not_numeric`).
    pub(crate) numified: HashMap<usize, std::rc::Weak<PStr>>,
    /// Counter for `(eval N)` file names.
    pub eval_counter: u64,
    /// Compiled `tr///` tables, keyed by the address of their search list.
    pub(crate) tr_cache: HashMap<usize, Rc<crate::regex::tr::Trans>>,
    /// Where the last `//g` match in scalar context matched the empty
    /// string, so the next one must not match empty there again.
    pub(crate) empty_match_at: Option<(Sv, usize)>,
    /// Containers of constant `//g` targets (keyed by the target node's
    /// address): perl keeps `pos` on the constant itself, so
    /// `1 while "aXbX" =~ /X/g` terminates.
    pub(crate) const_targets: HashMap<usize, Sv>,
    /// `m?…?` patterns (by address) that have matched since the last `reset`.
    pub(crate) once_matched: std::collections::HashSet<usize>,
    /// The last `stat`/file test (path and result, errno on failure): what
    /// the special handle `_` and stacked file tests (`-f -r $f`) use.
    pub(crate) last_stat: Option<(Vec<u8>, Result<std::fs::Metadata, i32>)>,
    /// A parallel worker's interpreter (see `parallel::worker`): what it
    /// cannot reproduce exactly (a warning, autovivification of an input,
    /// Ctrl-C) sets `worker_abort` instead, and the caller runs the block
    /// sequentially.
    pub(crate) worker: bool,
    pub(crate) worker_abort: bool,
    /// `grep`/`map` blocks' parallel plans by block address (`None`: not
    /// pure), with how often workers gave up on them.
    pub(crate) parallel_plans: rustc_hash::FxHashMap<usize, Option<Rc<ParallelPlan>>>,
    /// Sort comparator blocks as key comparisons, by block address.
    pub(crate) sort_keys:
        rustc_hash::FxHashMap<usize, Option<Rc<Vec<crate::parallel::keysort::SortKey>>>>,
}

/// A block's parallel plan and its record.
pub(crate) struct ParallelPlan {
    pub plan: crate::parallel::purity::Plan,
    /// Runs the workers gave up on (the block then ran sequentially).
    pub gave_up: std::cell::Cell<u32>,
    /// For a sub's plan: the body it was made from.
    pub body: Option<std::sync::Weak<ast::SubBody>>,
}

impl Interp {
    pub fn new() -> Interp {
        let stdout = Handle::new(Backend::Stdout, false, true, "STDOUT");
        let stderr = Handle::new(Backend::Stderr, false, true, "STDERR");
        let stdin = Handle::new(Backend::Stdin, true, false, "STDIN");
        let mut symbols: rustc_hash::FxHashMap<String, Gv> = Default::default();
        let mut globals = Vec::new();
        for n in wk::NAMES {
            let g = Glob::new(Rc::from(*n));
            symbols.insert(n.to_string(), g.clone());
            globals.push(g);
        }
        globals[wk::STDOUT as usize].set_io(Some(stdout.clone()));
        globals[wk::STDERR as usize].set_io(Some(stderr.clone()));
        globals[wk::STDIN as usize].set_io(Some(stdin));
        let selected = globals[wk::STDOUT as usize].clone();
        // $/ = "\n", $" = " ", $; = "\034", $, and $\ undef.
        globals[wk::RS as usize].sv().set(Value::bytes(b"\n"));
        globals[wk::LIST_SEP as usize].sv().set(Value::bytes(b" "));
        globals[wk::SUBSEP as usize].sv().set(Value::bytes(b"\x1c"));
        // `$@` starts out as the empty string.
        globals[wk::EVAL_ERROR as usize].sv().set(Value::bytes(b""));
        globals[wk::AUTOFLUSH as usize].sv().set(Value::Int(0));
        let env = globals[wk::ENV as usize].hv();
        for (k, v) in std::env::vars_os() {
            use std::os::unix::ffi::OsStrExt;
            env.set(make_key(k.as_bytes(), false), Value::bytes(v.as_bytes()));
        }
        let unit = Rc::new(Unit {
            transient: None,
            file: Rc::from("-"),
            globals,
            patterns: RefCell::new(Vec::new()),
            program: Arc::new(Program {
                main: Arc::new(ast::SubBody {
                    name: None,
                    package: "main".into(),
                    body: Block::default(),
                    pad: vec![],
                    captures: vec![],
                    prototype: None,
                    file: Arc::from("-"),
                    line: 0,
                }),
                subs: vec![],
                formats: vec![],
                begin: vec![],
                begin_lines: vec![],
                end: vec![],
                globals: wk::NAMES.iter().map(|s| s.to_string()).collect(),
                data: None,
                n_patterns: 0,
                n_states: 0,
                file: Arc::from("-"),
                once_warnings: vec![],
                tail: Default::default(),
            }),
        });
        let mut it = Interp::assemble(unit, symbols, stdout, stderr, selected);
        it.package = it.package_name("main");
        crate::native::install(&mut it);
        it.init_format_vars();
        // psh has no threads, so locales are always safe to change.
        it.glob("main::^SAFE_LOCALES").sv().set(Value::Int(1));
        let inc = it.glob("main::INC").av();
        for d in crate::inc::default_inc() {
            inc.push(Value::string(d));
        }
        it
    }

    /// The interpreter state around a unit, with nothing installed.
    pub(crate) fn assemble(
        unit: Rc<Unit>,
        symbols: rustc_hash::FxHashMap<String, Gv>,
        stdout: Rc<Handle>,
        stderr: Rc<Handle>,
        selected: Gv,
    ) -> Interp {
        let exec_path = std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "psh".into());
        let start_time = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Interp {
            unit,
            pad: Vec::new(),
            args: Array::new(),
            cur_sub: None,
            want: Want::Void,
            line: 0,
            file: Rc::from("-"),
            hints: 0,
            package: Rc::from("main"),
            ret_list: Vec::new(),
            ret_val: Value::Undef,
            flow_label: None,
            goto_scopes: Vec::new(),
            goto_target: (0, 0),
            loop_depth: 0,
            flow_line: 0,
            flow_file: Rc::from(""),
            flow_warn: false,
            die_value: Value::Undef,
            exit_code: 0,
            interrupted: false,
            program_calls: false,
            savestack: Vec::new(),
            frames: Vec::new(),
            depth: 0,
            symbols,
            method_cache: MethodCache::default(),
            call_cache: Default::default(),
            args_pool: Vec::new(),
            vec_pool: Vec::new(),
            const_strs: Default::default(),
            begin_ctx: None,
            begin_warnings: Vec::new(),
            lowered_subs: Default::default(),
            lowered_blocks: Default::default(),
            byte_strs: Vec::new(),
            package_names: Default::default(),
            lower_enabled: std::env::var_os("PSH_NO_LOWER").is_none(),
            track_args: false,
            dead_keys: Default::default(),
            anon_names: Default::default(),
            last_match: Rc::default(),
            stdout,
            stderr,
            selected,
            last_read: None,
            rand_state: 0,
            rand_seeded: false,
            errno: 0,
            child_status: 0,
            script_name: Value::Undef,
            exec_path,
            start_time,
            end_blocks: Vec::new(),
            argv_started: false,
            inplace_work: None,
            in_die_handler: false,
            in_warn_handler: false,
            amp_call: false,
            eval_texts: Vec::new(),
            blessed_pkgs: Default::default(),
            kept_units: Vec::new(),
            last_blessed: None,
            pending_flow: None,
            handles_tied: false,
            formats: Default::default(),
            c3_classes: Default::default(),
            mro_declared: Default::default(),
            format_states: Default::default(),
            global_warnings: false,
            numified: HashMap::new(),
            eval_counter: 0,
            tr_cache: HashMap::new(),
            empty_match_at: None,
            const_targets: HashMap::new(),
            once_matched: Default::default(),
            last_stat: None,
            worker: false,
            worker_abort: false,
            parallel_plans: Default::default(),
            sort_keys: Default::default(),
        }
    }

    /// Set `$0` and `@ARGV` for a script.
    pub fn set_script(&mut self, name: &str, args: &[Vec<u8>]) {
        self.gv(wk::ZERO).sv().set(Value::from_str(name));
        self.script_name = Value::from_str(name);
        let argv = self.gv(wk::ARGV).av();
        argv.assign(args.iter().map(|a| Value::bytes(a)).collect());
    }

    /// `-I dir`: prepend to `@INC`.
    pub fn add_includes(&mut self, dirs: &[String]) {
        let inc = self.gv(wk::INC).av();
        inc.with(|v| {
            for d in dirs.iter().rev() {
                v.insert(0, Elem::V(Value::string(d.clone())));
            }
        });
    }

    /// The glob of a fully qualified name, created on first use.
    pub fn glob(&mut self, name: &str) -> Gv {
        if let Some(g) = self.symbols.get(name) {
            return g.clone();
        }
        let g = Glob::new(Rc::from(name));
        self.symbols.insert(name.to_string(), g.clone());
        if name.ends_with("::") {
            crate::stash::attach(self, &g);
        }
        g
    }

    pub fn glob_opt(&self, name: &str) -> Option<Gv> {
        self.symbols.get(name).cloned()
    }

    #[inline]
    /// The shared name of package `name`.
    pub(crate) fn package_name(&mut self, name: &str) -> Rc<str> {
        if let Some(p) = self.package_names.get(name) {
            return p.clone();
        }
        let p: Rc<str> = Rc::from(name);
        self.package_names.insert(name.into(), p.clone());
        p
    }

    pub fn gv(&self, id: ast::GlobalId) -> &Gv {
        &self.unit.globals[id as usize]
    }

    /// Load a compiled program: resolve its globals and install its named
    /// subs. Returns the unit and the main code.
    pub fn load(&mut self, prog: Program) -> (Rc<Unit>, Cv) {
        self.load_unit(prog, false)
    }

    /// Remembers that the running code put `key` (a node address) in a
    /// cache: when that code is a string eval's, the key is dropped from the
    /// caches once the code is freed.
    #[cold]
    pub(crate) fn note_cache_key(&mut self, key: usize) {
        if let Some((keys, _)) = &self.unit.transient {
            keys.borrow_mut().push(key);
        }
    }

    /// Forgets cache entries keyed by addresses of freed string-eval code,
    /// before new code can be allocated there.
    pub(crate) fn purge_dead_keys(&mut self) {
        let dead = std::mem::take(&mut *self.dead_keys.borrow_mut());
        for k in dead {
            self.call_cache.remove(&k);
            self.const_strs.remove(&k);
            self.lowered_subs.remove(&k);
            self.lowered_blocks.remove(&k);
            self.anon_names.remove(&k);
            self.tr_cache.remove(&k);
            self.const_targets.remove(&k);
            self.once_matched.remove(&k);
            self.parallel_plans.remove(&k);
            self.sort_keys.remove(&k);
        }
    }

    /// `load`, for a string eval's code when `transient`.
    pub fn load_unit(&mut self, prog: Program, transient: bool) -> (Rc<Unit>, Cv) {
        // New code may sit where freed string-eval code was: forget what the
        // caches knew about those addresses first.
        self.purge_dead_keys();
        let prog = Arc::new(prog);
        let globals: Vec<Gv> = prog.globals.iter().map(|n| self.glob(n)).collect();
        let n_pat = prog.n_patterns as usize;
        let unit = Rc::new(Unit {
            globals,
            patterns: RefCell::new(vec![None; n_pat]),
            program: prog.clone(),
            transient: transient.then(|| (RefCell::new(Vec::new()), self.dead_keys.clone())),
            file: Rc::from(&*prog.file),
        });
        let main = Code::new(
            CodeKind::Perl {
                body: prog.main.clone(),
                captured: vec![],
                unit: unit.clone(),
            },
            None,
        );
        (unit, main)
    }

    /// Run a whole program as perl does: named subs installed, BEGIN blocks
    /// and `use`, the main code, END blocks. Returns the exit status.
    pub fn run_main(&mut self, prog: Program) -> i32 {
        let (unit, prog) = self.start_program(prog);
        let body = &prog.main.body;
        let mark = self.savestack.len();
        let r = (|| -> R<()> {
            self.run_begins(&prog, usize::MAX, &prog.file)?;
            // END blocks are queued as compiled: after those of the modules
            // `use` loaded, before those of files required at run time (so
            // they run after them).
            for e in &prog.end {
                let cv = self.instantiate(e, &unit);
                self.end_blocks.push(cv);
            }
            // A variable the BEGIN blocks (a module's import) already
            // filled was used by them too: perl marks globs made at run
            // time as seen more than once.
            let once: Vec<(String, String)> = prog
                .once_warnings
                .iter()
                .filter(|(name, _)| !self.glob_opt(name).is_some_and(|g| g.has_content()))
                .cloned()
                .collect();
            crate::parse::give_once_warnings(&once);
            if !self.lower_enabled {
                return self.exec_seq(body);
            }
            // `prog` holds the tree for as long as the lowered code runs.
            let stmts = lower::lower_stmts(self, &body.stmts);
            lower::run_seq(self, &stmts, &body.labels)
        })();
        // A program that dies leaves the file it was editing in place as it
        // was; any other end puts the edited text in place.
        if matches!(r, Err(Flow::Die)) {
            self.inplace_abandon();
        }
        // An uncaught exception is reported before the file scope unwinds
        // (its lexicals and locals), and that happens before END blocks.
        let status = self.finish(r);
        self.release_my(&body.my_slots);
        self.unwind(mark);
        self.run_destructors();
        let status = self.run_end_blocks(status);
        self.inplace_finish();
        status
    }

    /// For a program that failed to compile: run the BEGIN blocks perl ran
    /// before it met the first error. `Some(status)` when one of them ended
    /// the program (die or exit).
    pub fn run_begin_blocks(&mut self, prog: Program, n: usize) -> Option<i32> {
        let (_, prog) = self.start_program(prog);
        let r = self.run_begins(&prog, n, &prog.file);
        self.flush_all();
        match r {
            Ok(()) => None,
            Err(_) => Some(self.finish(r)),
        }
    }

    /// Load a program as the running one: DATA handle, globals, main pad,
    /// named subs.
    fn start_program(&mut self, prog: Program) -> (Rc<Unit>, Arc<Program>) {
        self.file = Rc::from(&*prog.file);
        if let Some((pkg, data)) = &prog.data {
            let h = Handle::new(
                Backend::Mem(Scalar::new(Value::bytes(data))),
                true,
                false,
                "DATA",
            );
            let g = self.glob(&format!("{pkg}::DATA"));
            g.set_io(Some(h));
        }
        let (unit, main) = self.load(prog);
        let prog = unit.program.clone();
        self.unit = unit.clone();
        // The unit's own name for the file, so calls into its subs find it
        // unchanged (a pointer comparison).
        self.file = unit.file.clone();
        // The main pad exists before anything runs, so named subs can capture
        // file-level lexicals and share them with the main code.
        self.pad = new_pad(&prog.main);
        self.cur_sub = Some(main.clone());
        self.install_subs(&unit, &prog.subs);
        self.install_formats(&unit, &prog.formats);
        (unit, prog)
    }

    /// Turn the result of running code into an exit status, reporting an
    /// uncaught exception.
    pub fn finish(&mut self, r: R<()>) -> i32 {
        let r = r.and_then(|_| self.raise_warn_die());
        self.run_destructors();
        match r {
            Ok(()) => 0,
            Err(Flow::Exit) => self.exit_code,
            Err(Flow::Die) => {
                let mut v = std::mem::take(&mut self.die_value);
                if let Ok(Some(s)) = self.overload_string(&v) {
                    v = s;
                }
                let msg = crate::convert::to_bytes(&v).into_owned();
                self.flush_all();
                self.stderr.io.borrow_mut().write(&msg);
                self.stderr.io.borrow_mut().flush();
                // perl exits with errno if non-zero, else ($? >> 8), else 255.
                if self.errno != 0 {
                    self.errno & 0xFF
                } else if (self.child_status >> 8) & 0xFF != 0 {
                    ((self.child_status >> 8) & 0xFF) as i32
                } else {
                    255
                }
            }
            Err(Flow::Return) => 0,
            // A goto finds its label before it unwinds, so nothing gets
            // here; were something to drop the block, this is the error.
            Err(Flow::Goto) => {
                self.stderr.io.borrow_mut().write(b"Can't find label\n");
                255
            }
            Err(Flow::Next) | Err(Flow::Last) | Err(Flow::Redo) => {
                let kind = "last";
                let label = self
                    .flow_label
                    .as_deref()
                    .map(|l| format!(" \"{l}\""))
                    .unwrap_or_default();
                let msg = format!("Can't \"{kind}\" outside a loop block{label}");
                let _ = label;
                self.stderr.io.borrow_mut().write(msg.as_bytes());
                255
            }
        }
    }

    pub fn run_end_blocks(&mut self, mut status: i32) -> i32 {
        let ends = std::mem::take(&mut self.end_blocks);
        // END blocks see the exit status in `$?` (unshifted) and may change
        // it; whatever `$?` holds afterwards is the process's exit status.
        self.child_status = status as i64;
        for cv in ends.iter().rev() {
            let mut out = Vec::new();
            let r = self.call_sub(cv, vec![], Want::Void, &mut out).map(|_| ());
            match r {
                Err(Flow::Exit) => self.child_status = self.exit_code as i64,
                Err(Flow::Die) => {
                    // perl reports the END block's error with this suffix.
                    if !self.die_value.is_ref() {
                        let mut m = crate::convert::to_bytes(&self.die_value).into_owned();
                        m.extend_from_slice(b"END failed--call queue aborted.\n");
                        self.die_value = Value::str_from(m, false);
                    }
                    self.child_status = self.finish(r) as i64
                }
                _ => {}
            }
        }
        status = (self.child_status & 0xFF) as i32;
        // Global destruction: release the main pad and package data so
        // remaining objects get DESTROY, as perl does at exit.
        self.pad.clear();
        self.run_destructors();
        self.destroy_global_objects();
        self.flush_all();
        status
    }

    /// Global destruction: drop the references to objects still held by
    /// package variables (and the plain containers under them) so their
    /// DESTROY runs, as perl does at exit. Plain data is left alone, so a
    /// DESTROY can still read package data.
    fn destroy_global_objects(&mut self) {
        fn clean(v: &Value, depth: u32) -> bool {
            if v.blessed().is_some() {
                return true;
            }
            if depth > 0 {
                match v {
                    Value::ArrayRef(a) => clean_av(a, depth - 1),
                    Value::HashRef(h) => clean_hv(h, depth - 1),
                    _ => {}
                }
            }
            false
        }
        fn clean_av(a: &Av, depth: u32) {
            let n = a.len();
            for i in 0..n {
                if clean(&a.get(i as i64), depth) {
                    a.set(i as i64, Value::Undef);
                }
            }
        }
        fn clean_hv(h: &Hv, depth: u32) {
            let keys: Vec<Key> = h.with(|m| m.keys().cloned().collect());
            for k in keys {
                if clean(&h.get(&k.0.bytes), depth) {
                    h.set(k, Value::Undef);
                }
            }
        }
        let mut globs: Vec<Gv> = self.symbols.values().cloned().collect();
        globs.sort_by(|a, b| a.name.cmp(&b.name));
        for g in globs {
            // Tied variables let their tie objects go (without a FETCH).
            drop(g.set_tie(None));
            drop(g.sv().set_tie(None));
            if g.has_av() {
                drop(g.av().set_tie(None));
            }
            if g.has_hv() {
                drop(g.hv().set_tie(None));
            }
            let sv = g.sv();
            if clean(&sv.get(), 8) {
                sv.set(Value::Undef);
            }
            if g.has_av() {
                clean_av(&g.av(), 8);
            }
            if g.has_hv() {
                clean_hv(&g.hv(), 8);
            }
            self.run_destructors();
        }
        // Then objects kept alive only by named subs' captured lexicals.
        let mut globs: Vec<Gv> = self.symbols.values().cloned().collect();
        globs.sort_by(|a, b| a.name.cmp(&b.name));
        for g in globs {
            let Some(cv) = g.code() else { continue };
            let CodeKind::Perl { captured, .. } = &cv.kind else {
                continue;
            };
            for (_, slot) in captured {
                match slot {
                    PadSlot::Scalar(sv) => {
                        if clean(&sv.get(), 8) {
                            sv.set(Value::Undef);
                        }
                    }
                    PadSlot::Array(av) => clean_av(av, 8),
                    PadSlot::Hash(hv) => clean_hv(hv, 8),
                    PadSlot::Empty => {}
                }
            }
            self.run_destructors();
        }
    }

    pub fn flush_all(&mut self) {
        self.stdout.io.borrow_mut().flush();
        self.stderr.io.borrow_mut().flush();
        for g in self.symbols.values() {
            if let Some(h) = g.io() {
                if let Ok(mut io) = h.io.try_borrow_mut() {
                    io.flush();
                }
            }
        }
    }

    /// Create the code value of a sub body, binding its captures to the
    /// current pad.
    pub fn instantiate(&mut self, body: &Arc<ast::SubBody>, unit: &Rc<Unit>) -> Cv {
        let captured = body
            .captures
            .iter()
            .map(|c| {
                (
                    c.inner,
                    self.pad.get(c.outer as usize).cloned().unwrap_or_default(),
                )
            })
            .collect();
        let cv = Code::new(
            CodeKind::Perl {
                body: body.clone(),
                captured,
                unit: unit.clone(),
            },
            body.name.as_deref().map(Rc::from),
        );
        // Each closure instance has its own `state` variables, made once
        // here and put in its pad on every call.
        let state = unsafe { &mut *cv.state.get() };
        for (i, p) in body.pad.iter().enumerate() {
            if p.is_state {
                state.push((
                    i as u32,
                    match p.kind {
                        ast::PadKind::Scalar => PadSlot::Scalar(Scalar::new(Value::Undef)),
                        ast::PadKind::Array => PadSlot::Array(Array::new()),
                        ast::PadKind::Hash => PadSlot::Hash(Hash::new()),
                    },
                ));
            }
        }
        cv
    }

    fn install_subs(&mut self, unit: &Rc<Unit>, subs: &[Arc<ast::SubBody>]) {
        for s in subs {
            let Some(name) = &s.name else { continue };
            let cv = self.instantiate(s, unit);
            let g = self.glob(name);
            g.set_code(Some(cv));
        }
        self.method_cache.clear();
    }

    // ------------------------------------------------------------ statements

    /// Run a program's `BEGIN` blocks (the first `n`): a failing one aborts
    /// compilation, which perl adds to a string exception.
    pub fn run_begins(&mut self, prog: &Program, n: usize, file: &str) -> R<()> {
        let saved_ctx = self.begin_ctx.take();
        let r = self.run_begins_in(prog, n, file);
        self.begin_ctx = saved_ctx;
        r
    }

    fn run_begins_in(&mut self, prog: &Program, n: usize, file: &str) -> R<()> {
        for (i, b) in prog.begin.iter().take(n).enumerate() {
            let line = prog.begin_lines.get(i).copied().unwrap_or(0);
            self.begin_ctx = Some((Rc::from(&*prog.file), line));
            let r = self.exec_block(b);
            if !self.begin_warnings.is_empty() {
                self.flush_begin_warnings();
            }
            if let Err(f) = r {
                if let Flow::Die = f {
                    if !self.die_value.is_ref() {
                        let line = prog.begin_lines.get(i).copied().unwrap_or(self.line);
                        let mut m = crate::convert::to_pstr(&self.die_value).into_owned();
                        // A `use` from -M is at line 0, which perl names no place for.
                        let at = if line == 0 {
                            String::new()
                        } else {
                            format!(" at {file} line {line}")
                        };
                        m.bytes.extend_from_slice(
                            format!("BEGIN failed--compilation aborted{at}.\n").as_bytes(),
                        );
                        self.die_value = Value::Str(Rc::new(m));
                    }
                }
                return Err(f);
            }
        }
        Ok(())
    }

    pub fn exec_block(&mut self, b: &Block) -> R<()> {
        self.in_scope(&b.my_slots, b.has_local, |it| it.exec_seq(b))
    }

    /// Run `f` as a block scope (both evaluation forms come through here):
    /// the match variables are restored after it, the `my` variables in
    /// `my_slots` released and, when the block has any, `local`s undone.
    #[inline(always)]
    pub(crate) fn in_scope<T>(
        &mut self,
        my_slots: &[ast::Slot],
        has_local: bool,
        f: impl FnOnce(&mut Interp) -> R<T>,
    ) -> R<T> {
        let mark = self.savestack.len();
        let saved_match = self.last_match.clone();
        let r = f(self);
        self.last_match = saved_match;
        if !my_slots.is_empty() {
            self.release_my(my_slots);
        }
        if has_local {
            self.unwind(mark);
        }
        r
    }

    /// Run a loop statement: a loop is a scope for the match variables (its
    /// condition included), and `next`/`last` inside it are legal.
    #[inline(always)]
    pub(crate) fn in_loop(&mut self, f: impl FnOnce(&mut Interp) -> R<()>) -> R<()> {
        let saved_match = self.last_match.clone();
        self.loop_depth += 1;
        let r = f(self);
        self.loop_depth -= 1;
        self.last_match = saved_match;
        r
    }

    /// What every statement does first: a pending `die` from a warn
    /// handler, the line for messages, the lexical hints, deferred
    /// destructors.
    #[inline(always)]
    pub(crate) fn enter_stmt(&mut self, line: u32, hints: u32) -> R<()> {
        self.raise_warn_die()?;
        self.poll_interrupt()?;
        self.line = line;
        self.hints = hints;
        if crate::destroy::pending() {
            self.run_destructors();
        }
        Ok(())
    }

    /// Ctrl-C at the interactive prompt: the shell's SIGINT handler sets a
    /// flag that statements and loop iterations poll, so even `while (1) {}`
    /// stops. It leaves like `exit` (which no `eval` catches), and
    /// `interrupted` tells the shell it was not a real exit.
    #[inline(always)]
    pub(crate) fn poll_interrupt(&mut self) -> R<()> {
        if crate::signals::INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
            return self.take_interrupt();
        }
        Ok(())
    }

    #[cold]
    fn take_interrupt(&mut self) -> R<()> {
        if self.worker {
            // Left for the main thread, which runs the block again itself.
            self.worker_abort = true;
            return Err(Flow::Die);
        }
        crate::signals::INTERRUPT.store(false, std::sync::atomic::Ordering::Relaxed);
        self.interrupted = true;
        self.exit_code = 130;
        Err(Flow::Exit)
    }

    /// Scope exit for `my` variables: a container nobody else holds is
    /// emptied in place (its old value dropped, so DESTROY runs now); one
    /// that a closure or reference still holds is left to them and the slot
    /// gets a new container.
    /// End the scope of the `my` variables in `slots`.
    pub fn release_my(&mut self, slots: &[ast::Slot]) {
        // Latest declared first, as perl's save stack unwinds.
        for &s in slots.iter().rev() {
            let Some(slot) = self.pad.get_mut(s as usize) else {
                continue;
            };
            slot.release();
        }
    }

    /// A block's statements (without its scope), `goto`'s labels honoured.
    #[inline]
    fn exec_seq(&mut self, b: &Block) -> R<()> {
        self.with_labels(&b.labels, |it, from| it.exec_stmts(&b.stmts[from..]))
    }

    #[inline]
    fn exec_stmts(&mut self, stmts: &[Statement]) -> R<()> {
        for s in stmts {
            self.exec_stmt(s)?;
        }
        Ok(())
    }

    #[inline]
    pub fn exec_stmt(&mut self, s: &Statement) -> R<()> {
        self.enter_stmt(s.line, s.hints)?;
        if let Stmt::While { .. } | Stmt::ForC { .. } | Stmt::Foreach { .. } = &s.kind {
            return self.in_loop(|it| it.exec_stmt_kind(s));
        }
        self.exec_stmt_kind(s)
    }

    #[inline]
    fn exec_stmt_kind(&mut self, s: &Statement) -> R<()> {
        match &s.kind {
            Stmt::Expr(e) => {
                self.void(e)?;
            }
            Stmt::If {
                conds, otherwise, ..
            } => {
                for (c, b) in conds {
                    if self.cond(c)? {
                        return self.exec_block(b);
                    }
                }
                if let Some(b) = otherwise {
                    return self.exec_block(b);
                }
            }
            Stmt::While {
                label,
                cond,
                body,
                cont,
            } => {
                let decl = cond.as_ref().map(cond_my_slots).unwrap_or_default();
                loop {
                    if let Some(c) = cond {
                        self.line = s.line;
                        if !self.cond(c)? {
                            break;
                        }
                    }
                    if self.loop_body(label, body, cont.as_ref())? {
                        break;
                    }
                    self.release_my(&decl);
                }
            }
            Stmt::DoWhile { body, cond, until } => loop {
                self.poll_interrupt()?;
                self.exec_block(body)?;
                self.line = s.line;
                if self.cond(cond)? == *until {
                    break;
                }
            },
            Stmt::ForC {
                label,
                init,
                cond,
                step,
                body,
            } => {
                if let Some(i) = init {
                    self.void(i)?;
                }
                loop {
                    if let Some(c) = cond {
                        if !self.cond(c)? {
                            break;
                        }
                    }
                    if self.loop_body(label, body, None)? {
                        break;
                    }
                    if let Some(st) = step {
                        self.void(st)?;
                    }
                }
            }
            Stmt::Foreach {
                label,
                var,
                list,
                body,
                cont,
            } => {
                let run_cont = cont
                    .as_ref()
                    .map(|c| move |it: &mut Interp| it.exec_block(c));
                self.foreach(
                    label,
                    var,
                    list,
                    &|it: &mut Interp| it.exec_block(body),
                    run_cont.as_ref(),
                )?;
            }
            Stmt::Block {
                label,
                body,
                cont: Some(c),
            } => {
                // A bare block is a loop that runs once.
                self.loop_depth += 1;
                let r = self.loop_body(label, body, Some(c));
                self.loop_depth -= 1;
                r?;
            }
            Stmt::Block { label, body, .. } => {
                self.loop_depth += 1;
                let r = self.exec_block(body);
                self.loop_depth -= 1;
                if let Err(f) = r {
                    match self.loop_flow(f, label)? {
                        LoopAction::Next | LoopAction::Last => {}
                        LoopAction::Redo => return self.exec_stmt(s),
                    }
                }
            }
            Stmt::Package { name, block } => {
                let pkg = self.package_name(name);
                let old = std::mem::replace(&mut self.package, pkg);
                if let Some(b) = block {
                    let r = self.exec_block(b);
                    self.package = old;
                    r?;
                }
            }
            Stmt::Nop => {}
        }
        Ok(())
    }

    /// Decide what a loop does with a control-flow exit from its body.
    fn loop_flow(&mut self, f: Flow, label: &Option<Arc<str>>) -> R<LoopAction> {
        let act = match f {
            Flow::Next => LoopAction::Next,
            Flow::Last => LoopAction::Last,
            Flow::Redo => LoopAction::Redo,
            _ => return Err(f),
        };
        match &self.flow_label {
            None => Ok(act),
            Some(l) => {
                if label.as_deref() == Some(&**l) {
                    self.flow_label = None;
                    Ok(act)
                } else {
                    Err(f)
                }
            }
        }
    }

    pub(crate) fn foreach<B, C>(
        &mut self,
        label: &Option<Arc<str>>,
        var: &ast::LoopVar,
        list: &Expr,
        body: &B,
        cont: Option<&C>,
    ) -> R<()>
    where
        B: Fn(&mut Interp) -> R<()> + ?Sized,
        C: Fn(&mut Interp) -> R<()> + ?Sized,
    {
        if let ast::LoopVar::MyList(slots) = var {
            return self.foreach_multi(label, slots, list, body, cont);
        }
        // Numeric ranges iterate lazily with fresh containers, so
        // `for (1..1e7)` allocates nothing up front.
        if let Expr::Range { l, r, .. } = list {
            let lv = self.sv(l)?;
            let rv = self.sv(r)?;
            if self.range_is_numeric(&lv, &rv) {
                let (lo, hi) = self.range_ends(&lv, &rv, true)?;
                let mut i = lo;
                let saved = self.loop_var_save(var);
                let r = (|| -> R<()> {
                    let mut cur: Option<Sv> = None;
                    while i <= hi {
                        // The loop variable's container is reused unless the
                        // body kept it (a closure or a reference to it).
                        let sv = match cur.take() {
                            Some(sv) if Rc::strong_count(&sv) == 2 => {
                                sv.set(Value::Int(i));
                                sv
                            }
                            _ => Scalar::new(Value::Int(i)),
                        };
                        cur = Some(sv.clone());
                        self.loop_var_bind(var, sv);
                        if self.loop_iter(label, body, cont)? {
                            break;
                        }
                        i += 1;
                    }
                    Ok(())
                })();
                self.loop_var_restore(var, saved);
                return r;
            }
        }
        // A lone array is walked by index over the live array, so elements
        // pushed by the body are visited too, as in perl.
        let single = match list {
            Expr::List(items) if items.len() == 1 => &items[0],
            e => e,
        };
        if let Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::ArrayDeref(_) | Expr::Args = single {
            let av = self.array_of(single, true)?;
            let saved = self.loop_var_save(var);
            let r = (|| -> R<()> {
                let mut i = 0usize;
                while let Some(sv) = av.existing_container(i) {
                    self.loop_var_bind(var, sv);
                    if self.loop_iter(label, body, cont)? {
                        break;
                    }
                    i += 1;
                }
                Ok(())
            })();
            self.loop_var_restore(var, saved);
            return r;
        }
        let items = self.alias_list(list)?;
        let saved = self.loop_var_save(var);
        let r = (|| -> R<()> {
            for sv in items {
                self.loop_var_bind(var, sv);
                if self.loop_iter(label, body, cont)? {
                    break;
                }
            }
            Ok(())
        })();
        self.loop_var_restore(var, saved);
        r
    }

    /// `for my ($a, $b, …) (LIST)`: several elements per iteration.
    fn foreach_multi<B, C>(
        &mut self,
        label: &Option<Arc<str>>,
        slots: &[ast::Slot],
        list: &Expr,
        body: &B,
        cont: Option<&C>,
    ) -> R<()>
    where
        B: Fn(&mut Interp) -> R<()> + ?Sized,
        C: Fn(&mut Interp) -> R<()> + ?Sized,
    {
        let items = self.alias_list(list)?;
        let saved: Vec<PadSlot> = slots
            .iter()
            .map(|s| self.pad[*s as usize].clone())
            .collect();
        let r = (|| -> R<()> {
            for chunk in items.chunks(slots.len().max(1)) {
                for (i, s) in slots.iter().enumerate() {
                    let sv = chunk
                        .get(i)
                        .cloned()
                        .unwrap_or_else(|| Scalar::new(Value::Undef));
                    self.pad[*s as usize] = PadSlot::Scalar(sv);
                }
                if self.loop_iter(label, body, cont)? {
                    break;
                }
            }
            Ok(())
        })();
        for (s, old) in slots.iter().zip(saved) {
            self.pad[*s as usize] = old;
        }
        r
    }

    /// Run one iteration; true means `last`.
    #[inline]
    fn loop_body(
        &mut self,
        label: &Option<Arc<str>>,
        body: &Block,
        cont: Option<&Block>,
    ) -> R<bool> {
        match cont {
            None => self.loop_iter(
                label,
                &|it: &mut Interp| it.exec_block(body),
                None::<&BlockRun>,
            ),
            Some(c) => self.loop_iter(
                label,
                &|it: &mut Interp| it.exec_block(body),
                Some(&|it: &mut Interp| it.exec_block(c)),
            ),
        }
    }

    /// One iteration of a loop whose body (and `continue` block) are given
    /// as runners, so the tree walker and the closure form share the
    /// handling of `next`/`last`/`redo`. True means `last`.
    #[inline]
    pub(crate) fn loop_iter<B, C>(
        &mut self,
        label: &Option<Arc<str>>,
        body: &B,
        cont: Option<&C>,
    ) -> R<bool>
    where
        B: Fn(&mut Interp) -> R<()> + ?Sized,
        C: Fn(&mut Interp) -> R<()> + ?Sized,
    {
        self.poll_interrupt()?;
        loop {
            match body(self) {
                Ok(()) => break,
                Err(f) => match self.loop_flow(f, label)? {
                    LoopAction::Next => break,
                    LoopAction::Last => return Ok(true),
                    LoopAction::Redo => continue,
                },
            }
        }
        if let Some(c) = cont {
            c(self)?;
        }
        Ok(false)
    }

    fn loop_var_save(&mut self, var: &ast::LoopVar) -> PadSlot {
        match var {
            ast::LoopVar::My(s) | ast::LoopVar::Lexical(s) => self.pad[*s as usize].clone(),
            ast::LoopVar::Global(id) => PadSlot::Scalar(self.gv(*id).sv()),
            ast::LoopVar::MyList(_) => PadSlot::Empty,
        }
    }

    #[inline]
    fn loop_var_bind(&mut self, var: &ast::LoopVar, sv: Sv) {
        match var {
            ast::LoopVar::My(s) | ast::LoopVar::Lexical(s) => {
                self.pad[*s as usize] = PadSlot::Scalar(sv)
            }
            ast::LoopVar::Global(id) => {
                self.gv(*id).set_sv(sv);
            }
            ast::LoopVar::MyList(_) => {}
        }
    }

    fn loop_var_restore(&mut self, var: &ast::LoopVar, saved: PadSlot) {
        match var {
            ast::LoopVar::My(s) | ast::LoopVar::Lexical(s) => self.pad[*s as usize] = saved,
            ast::LoopVar::Global(id) => {
                if let PadSlot::Scalar(sv) = saved {
                    self.gv(*id).set_sv(sv);
                }
            }
            ast::LoopVar::MyList(_) => {}
        }
    }

    /// Restore `local`ised values down to `mark`.
    #[inline]
    pub(crate) fn unwind(&mut self, mark: usize) {
        if self.savestack.len() > mark {
            self.unwind_slow(mark);
        }
    }

    #[inline(never)]
    fn unwind_slow(&mut self, mark: usize) {
        while self.savestack.len() > mark {
            match self.savestack.pop().unwrap() {
                Saved::Scalar(g, sv) => {
                    g.set_sv(sv);
                }
                Saved::Special(sp, v) => {
                    let _ = self.special_set(sp, v);
                }
                Saved::Array(g, av) => {
                    let isa = g.name.ends_with("::ISA");
                    g.set_av(av);
                    if isa {
                        self.method_cache.clear();
                    }
                }
                Saved::Hash(g, hv) => {
                    g.set_hv(hv);
                }
                Saved::Handle(g, io, tie) => {
                    g.set_io(io);
                    g.set_tie(tie);
                }
                Saved::Code(g, cv) => {
                    g.set_code(cv);
                    self.method_cache.clear();
                }
                Saved::HashElem(h, k, v) => match v {
                    Some(v) => h.set(k, v),
                    None => {
                        h.delete(&k.0.bytes);
                    }
                },
                Saved::ArrayElem(a, i, v) => {
                    a.set(i, v);
                }
                Saved::ArrayElemNew(a, j, old_len) => {
                    // Perl deletes an element that did not exist; deleting
                    // the last one shrinks the array.
                    a.with(|v| {
                        if j + 1 == v.len() {
                            v.pop();
                            while v.len() > old_len
                                && matches!(v.last(), Some(e) if e.get().is_undef())
                            {
                                v.pop();
                            }
                        } else if j < v.len() {
                            v[j].set(Value::Undef);
                        }
                    });
                }
            }
        }
    }

    /// Call DESTROY for objects whose last reference went away.
    pub fn run_destructors(&mut self) {
        while crate::destroy::pending() {
            for obj in crate::destroy::take() {
                let Some(class) = obj.blessed() else { continue };
                let cv = match self.find_method(&class, "DESTROY") {
                    Some(cv) => cv,
                    // Without DESTROY, an AUTOLOAD is called for it.
                    None => match self.find_method(&class, "AUTOLOAD") {
                        Some(al) => {
                            let owner = al
                                .name
                                .as_deref()
                                .and_then(|n| n.rsplit_once("::").map(|(p, _)| p.to_string()))
                                .unwrap_or_else(|| class.to_string());
                            let g = self.glob(&format!("{owner}::AUTOLOAD"));
                            g.sv().set(Value::string(format!("{class}::DESTROY")));
                            al
                        }
                        None => continue,
                    },
                };
                let saved_die = std::mem::take(&mut self.die_value);
                let saved_line = self.line;
                let saved_err = self.gv(wk::EVAL_ERROR).sv().get();
                let mut out = Vec::new();
                let r = self.call_sub(&cv, vec![Elem::V(obj)], Want::Void, &mut out);
                // Perl reports it as a 'misc' warning (so only under
                // warnings, and through $SIG{__WARN__}).
                if let Err(Flow::Die) = r {
                    if self.warnings_on() {
                        let msg = crate::convert::to_bytes(&self.die_value).into_owned();
                        let mut m = b"\t(in cleanup) ".to_vec();
                        m.extend_from_slice(&msg);
                        self.emit_warning(Value::str_from(m, false));
                    }
                }
                self.gv(wk::EVAL_ERROR).sv().set(saved_err);
                self.die_value = saved_die;
                self.line = saved_line;
            }
        }
    }

    /// Evaluate a condition (boolean context).
    #[inline]
    pub fn cond(&mut self, e: &Expr) -> R<bool> {
        // Boolean context needs no value: `&&`/`||`/`!` and comparisons of
        // plain numbers are decided without building one.
        match e {
            Expr::Logical {
                op: ast::LogOp::And,
                l,
                r,
            } => return Ok(self.cond(l)? && self.cond(r)?),
            Expr::Logical {
                op: ast::LogOp::Or,
                l,
                r,
            } => return Ok(self.cond(l)? || self.cond(r)?),
            Expr::Not(inner) => return Ok(!self.cond(inner)?),
            Expr::Binary { op, l, r } if self.hints & ast::hints::INTEGER == 0 => {
                if let Some(b) = self.num_leaf_cmp(*op, l, r) {
                    return Ok(b);
                }
            }
            _ => {}
        }
        let v = self.sv(e)?;
        if v.is_ref() {
            return self.ref_truth(&v);
        }
        Ok(v.truthy())
    }
}

impl Default for Interp {
    fn default() -> Self {
        Interp::new()
    }
}

enum LoopAction {
    Next,
    Last,
    Redo,
}

/// A fresh pad for a sub body.
pub fn new_pad(body: &ast::SubBody) -> Vec<PadSlot> {
    body.pad
        .iter()
        .map(|p| match p.kind {
            ast::PadKind::Scalar => PadSlot::Scalar(Scalar::new(Value::Undef)),
            ast::PadKind::Array => PadSlot::Array(Array::new()),
            ast::PadKind::Hash => PadSlot::Hash(Hash::new()),
        })
        .collect()
}

impl Drop for Interp {
    /// Tie methods must not run on an interpreter that is gone.
    fn drop(&mut self) {
        crate::tie::leave(self);
    }
}

/// The `my` variables a loop condition declares, which each iteration
/// releases (so closures made in the body keep their own).
pub(crate) fn cond_my_slots(e: &Expr) -> Vec<ast::Slot> {
    fn walk(e: &Expr, out: &mut Vec<ast::Slot>) {
        match e {
            Expr::MyDecl { vars, .. } => out.extend(vars.iter().map(|(_, s)| *s)),
            Expr::Assign { lhs, .. } | Expr::ListAssign { lhs, .. } => walk(lhs, out),
            Expr::Logical { l, r, .. } => {
                walk(l, out);
                walk(r, out);
            }
            Expr::Not(inner) => walk(inner, out),
            Expr::Func { args, .. } => args.iter().for_each(|a| walk(a, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(e, &mut out);
    out
}
