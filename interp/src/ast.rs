//! The compiled form of a Perl program: a resolved, immutable tree.
//!
//! The parser produces this tree directly (it resolves lexical variables to pad
//! slots while parsing, as perl does), so there is no separate name-resolution
//! pass. Nothing in here holds an `Rc` or interior mutability: a `Program` is
//! `Send + Sync`, can be shared by parallel workers, lowered by the JIT node by
//! node, and serialised by the bytecode cache.
//!
//! Conventions:
//! - Lexicals (`my`, `state`, signature params, `our` aliases excepted) are
//!   `Slot`s: indices into the pad of the innermost enclosing sub (or of the
//!   file's main body). A pad slot holds a scalar, array or hash container; the
//!   node kind says which.
//! - Package variables are `GlobalId`s: indices into `Program::globals`, each a
//!   fully qualified name such as `main::x`. The interpreter keeps one glob per
//!   id, so a global access is an array index, never a hash lookup.
//! - Every statement carries its source line; `die`, `warn` and warnings report
//!   the line of the statement being executed, as perl does.

use std::sync::Arc;

/// Index of a lexical in the current sub's pad.
pub type Slot = u32;

/// Index into `Program::globals` (a fully qualified symbol name).
pub type GlobalId = u32;

/// Globals every program has, at fixed ids, so the interpreter can reach them
/// without a lookup. The parser must intern these first, in this order.
pub mod well_known {
    use super::GlobalId;
    /// `main::_` (`$_`, `@_` is per-frame and not a global here).
    pub const UNDERSCORE: GlobalId = 0;
    /// `main::ARGV` (`@ARGV`, and the `ARGV` handle of `<>`).
    pub const ARGV: GlobalId = 1;
    /// `main::ENV` (`%ENV`).
    pub const ENV: GlobalId = 2;
    /// `main::STDIN`
    pub const STDIN: GlobalId = 3;
    /// `main::STDOUT`
    pub const STDOUT: GlobalId = 4;
    /// `main::STDERR`
    pub const STDERR: GlobalId = 5;
    /// `main::0` (`$0`)
    pub const ZERO: GlobalId = 6;
    /// `main::@` (`$@`)
    pub const EVAL_ERROR: GlobalId = 7;
    /// `main::/` (`$/`)
    pub const RS: GlobalId = 8;
    /// `main::\` (`$\`)
    pub const ORS: GlobalId = 9;
    /// `main::,` (`$,`)
    pub const OFS: GlobalId = 10;
    /// `main::"` (`$"`)
    pub const LIST_SEP: GlobalId = 11;
    /// `main::;` (`$;`)
    pub const SUBSEP: GlobalId = 12;
    /// `main::INC` (`@INC`, `%INC`)
    pub const INC: GlobalId = 13;
    /// `main::SIG` (`%SIG`)
    pub const SIG: GlobalId = 14;
    /// `main::a` (`$a` of package main, for sort)
    pub const A: GlobalId = 15;
    /// `main::b`
    pub const B: GlobalId = 16;
    /// `main::|` (`$|`)
    pub const AUTOFLUSH: GlobalId = 17;
    /// `main::ARGVOUT`
    pub const ARGVOUT: GlobalId = 18;

    /// Names in id order.
    pub const NAMES: &[&str] = &[
        "main::_",
        "main::ARGV",
        "main::ENV",
        "main::STDIN",
        "main::STDOUT",
        "main::STDERR",
        "main::0",
        "main::@",
        "main::/",
        "main::\\",
        "main::,",
        "main::\"",
        "main::;",
        "main::INC",
        "main::SIG",
        "main::a",
        "main::b",
        "main::|",
        "main::ARGVOUT",
    ];
}

/// A whole compiled program (one file, or one string `eval`).
#[derive(Debug, Clone)]
pub struct Program {
    /// The file-level code, run as an implicit sub with its own pad.
    pub main: Arc<SubBody>,
    /// Named subs, in definition order (`sub foo {…}` anywhere in the file,
    /// including nested in blocks). Installed before `main` runs, so they can
    /// be called before their definition, as in perl.
    pub subs: Vec<Arc<SubBody>>,
    /// `format NAME = …`: each a sub (named by the format's qualified
    /// name) of `formline` calls, one per picture line.
    pub formats: Vec<Arc<SubBody>>,
    /// `BEGIN` blocks and `use` statements, in source order. Run before `main`
    /// (after the named subs are installed).
    pub begin: Vec<Block>,
    /// The line each `BEGIN` block (or `use`) ends on, for "BEGIN failed".
    pub begin_lines: Vec<u32>,
    /// `END` blocks, in source order (run in reverse at exit).
    pub end: Vec<Arc<SubBody>>,
    /// Fully qualified names of globals, indexed by `GlobalId`. Starts with
    /// `well_known::NAMES`.
    pub globals: Vec<String>,
    /// Bytes after `__DATA__` / `__END__`, and the package whose `DATA` handle
    /// reads them.
    pub data: Option<(String, Vec<u8>)>,
    /// Number of regex literal cache slots (`Pattern::id` < this).
    pub n_patterns: u32,
    /// Number of per-op state slots (flip-flops, `state` initialisation flags).
    pub n_states: u32,
    /// The file name as shown in messages (`-e`, `script.pl`).
    pub file: Arc<str>,
    /// perl's "used only once" warnings: (name, message). Given at the end
    /// of compilation, after the BEGIN blocks have run, for names that no
    /// module loaded by then mentions.
    pub once_warnings: Vec<(String, String)>,
    /// What is in scope after the last statement (for the interactive
    /// shell, whose next line continues this one's file scope).
    pub tail: TailScope,
}

/// The file scope as the parser left it at the end of a program.
#[derive(Debug, Clone, Default)]
pub struct TailScope {
    pub package: String,
    /// File-level lexicals (name with sigil, slot in the main pad).
    pub lexicals: Vec<(String, Slot)>,
    /// File-level `our` declarations (name with sigil, full name).
    pub ours: Vec<(String, String)>,
    pub hints: u32,
    pub features: u32,
    pub strict_vars: bool,
    pub strict_subs: bool,
}

/// A sub body (named, anonymous, or a file's main code).
#[derive(Debug)]
pub struct SubBody {
    /// Fully qualified name (`main::foo`), `None` for anonymous subs and main.
    pub name: Option<String>,
    /// The package the body was compiled in (for `caller`, `SUPER::`).
    pub package: String,
    pub body: Block,
    /// Pad layout: one entry per slot.
    pub pad: Vec<PadEntry>,
    /// What to capture from the enclosing sub's pad when this sub is
    /// instantiated (closure creation, or program start for named subs).
    pub captures: Vec<Capture>,
    /// `sub foo($$) {…}` — the prototype text without parens.
    pub prototype: Option<String>,
    pub file: Arc<str>,
    pub line: u32,
}

/// Description of one pad slot (for string eval, debugging and the JIT).
#[derive(Debug, Clone)]
pub struct PadEntry {
    /// With sigil: `$x`, `@list`, `%h`.
    pub name: String,
    pub kind: PadKind,
    /// `state` variable: initialised once per closure instance.
    pub is_state: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PadKind {
    Scalar,
    Array,
    Hash,
}

/// Copy the container in the enclosing pad's `outer` slot into this sub's
/// `inner` slot when the closure is created.
#[derive(Debug, Clone, Copy)]
pub struct Capture {
    pub outer: Slot,
    pub inner: Slot,
}

#[derive(Debug, Clone, Default)]
pub struct Block {
    pub stmts: Vec<Statement>,
    /// The block contains `local` (directly, not in a nested block): the
    /// interpreter records the save-stack height on entry and restores on exit.
    pub has_local: bool,
    /// Slots of the `my` variables declared directly in this block (not
    /// `state`): released when the block exits, as perl does at scope end, so
    /// `DESTROY` runs then and closures made in a loop get fresh variables.
    pub my_slots: Vec<Slot>,
    /// The labels on this block's own statements, with each statement's
    /// index: where `goto LABEL` may resume. Empty for almost every block,
    /// which then runs with no goto bookkeeping at all.
    pub labels: Vec<Label>,
}

/// A statement label and the index of the statement it is on.
pub type Label = (Arc<str>, u32);

#[derive(Debug, Clone)]
pub struct Statement {
    pub line: u32,
    /// Lexical hints in effect for this statement (`hints::*` bits).
    pub hints: u32,
    pub kind: Stmt,
}

/// Bits of `Statement::hints`: the lexically scoped pragmas the interpreter
/// must know about at run time (the parser handles the rest itself).
pub mod hints {
    /// `use warnings` (or `-w`) is on.
    pub const WARNINGS: u32 = 1;
    /// `use strict 'refs'`: symbolic references die.
    pub const STRICT_REFS: u32 = 2;
    /// `use integer`: arithmetic truncates to integers.
    pub const INTEGER: u32 = 4;
    /// `use utf8`: the source is UTF-8 (affects nothing at run time yet, kept
    /// for string eval).
    pub const UTF8: u32 = 8;
    /// `use warnings FATAL => …`: warnings die instead (any category named
    /// makes all of them fatal).
    pub const FATAL_WARNINGS: u32 = 16;
    /// `use strict 'vars'` / `'subs'`, and the `indirect` feature turned
    /// off: only string `eval` needs these (to compile its code the same way).
    pub const STRICT_VARS: u32 = 32;
    pub const STRICT_SUBS: u32 = 64;
    pub const NO_INDIRECT: u32 = 128;
    /// The bits the parser derives from its own state for each statement.
    pub const EVAL_ONLY: u32 = STRICT_VARS | STRICT_SUBS | NO_INDIRECT;
    /// `use feature 'bitwise'` (or `use v5.28`+): `& | ^ ~` are always
    /// numeric (the string forms are `&. |. ^. ~.`).
    pub const NUMERIC_BITWISE: u32 = 256;
    /// `no warnings 'recursion'` while other warnings stay on.
    pub const NO_RECURSION_WARN: u32 = 512;
    /// A `use warnings`/`no warnings` is in scope: `$^W` (and `-w`) no
    /// longer matter there.
    pub const LEXICAL_WARNINGS: u32 = 1 << 10;
    /// `no warnings 'CATEGORY'` while others stay on.
    pub const NO_WARN_UNINIT: u32 = 1 << 11;
    pub const NO_WARN_NUMERIC: u32 = 1 << 12;
    pub const NO_WARN_MISC: u32 = 1 << 13;
    pub const NO_WARN_VOID: u32 = 1 << 14;
    pub const NO_WARN_ONCE: u32 = 1 << 15;
    pub const NO_WARN_SUBSTR: u32 = 1 << 16;
    /// Warnings of the categories not tracked separately.
    pub const NO_WARN_OTHER: u32 = 1 << 17;
    pub const NO_WARN_ALL: u32 = NO_WARN_UNINIT
        | NO_WARN_NUMERIC
        | NO_WARN_MISC
        | NO_WARN_VOID
        | NO_WARN_ONCE
        | NO_WARN_SUBSTR
        | NO_WARN_OTHER
        | NO_WARN_EXPERIMENTAL
        | NO_RECURSION_WARN;
    /// `use warnings FATAL => 'uninitialized'` / `'numeric'` alone.
    pub const FATAL_UNINIT: u32 = 1 << 18;
    pub const FATAL_NUMERIC: u32 = 1 << 19;
    /// `use bytes`: `length` counts bytes.
    pub const BYTES: u32 = 1 << 20;
    /// `no warnings 'experimental::…'`.
    pub const NO_WARN_EXPERIMENTAL: u32 = 1 << 21;
    /// `use feature 'unicode_strings'`: case changes of native strings
    /// follow Unicode rules.
    pub const UNICODE_STRINGS: u32 = 1 << 22;
    /// `use locale`: case changes follow the current LC_CTYPE locale.
    pub const LOCALE: u32 = 1 << 23;
}

#[derive(Debug, Clone)]
pub enum Stmt {
    Expr(Expr),
    /// `if`/`elsif`/`else`; `unless` is parsed as `if` with a negated first
    /// condition.
    If {
        conds: Vec<(Expr, Block)>,
        otherwise: Option<Block>,
        /// Written `unless`: the first condition is `Expr::Not` of what
        /// was written (whose value a sub returns when it is true).
        unless: bool,
    },
    /// `while (COND) {…} continue {…}`; `until` negates `cond`.
    /// `cond: None` is `while ()`, an endless loop.
    While {
        label: Option<Arc<str>>,
        cond: Option<Expr>,
        body: Block,
        cont: Option<Block>,
    },
    /// `do {…} while COND` / `do {…} until COND` (body runs first, not a loop
    /// for `next`/`last`, as in perl).
    DoWhile {
        body: Block,
        cond: Expr,
        until: bool,
    },
    /// C-style `for (INIT; COND; STEP)`.
    ForC {
        label: Option<Arc<str>>,
        init: Option<Expr>,
        cond: Option<Expr>,
        step: Option<Expr>,
        body: Block,
    },
    /// `foreach VAR (LIST) {…}`: VAR is aliased to each element.
    Foreach {
        label: Option<Arc<str>>,
        var: LoopVar,
        list: Expr,
        body: Block,
        cont: Option<Block>,
    },
    /// A bare block (a loop that runs once: `last` leaves it).
    Block {
        label: Option<Arc<str>>,
        body: Block,
        /// `{ … } continue { … }`: runs after the body (also after `next`).
        cont: Option<Block>,
    },
    /// `package NAME;` or `package NAME {…}`: only affects what `caller`
    /// reports at run time; name resolution was done by the parser.
    Package {
        name: String,
        block: Option<Block>,
    },
    Nop,
}

#[derive(Debug, Clone)]
pub enum LoopVar {
    /// `for my $x (…)`: a fresh alias in this slot each iteration.
    My(Slot),
    /// `for $x (…)` with `$x` a package variable (localised for the loop), or
    /// no variable at all (`$_`).
    Global(GlobalId),
    /// `for $x (…)` where `$x` is an outer lexical: the slot is aliased and
    /// restored after the loop.
    Lexical(Slot),
    /// `for my ($k, $v) (…)` (5.36): each iteration aliases the next
    /// elements to these slots (undef past the end of the list).
    MyList(Vec<Slot>),
}

/// Which container an array-valued place lives in.
#[derive(Debug, Clone)]
pub enum ArrayPlace {
    My(Slot),
    Global(GlobalId),
    /// The current sub's `@_`.
    Args,
    /// `@$r`, `@{EXPR}`, `$r->@*`, and the base of `$r->[…]`: EXPR must yield
    /// an array reference (autovivified when used as an lvalue), or a string
    /// (symbolic reference, an error under `strict refs`).
    Deref(Box<Expr>),
}

#[derive(Debug, Clone)]
pub enum HashPlace {
    My(Slot),
    Global(GlobalId),
    Deref(Box<Expr>),
}

#[derive(Debug, Clone)]
pub enum Expr {
    // ---- literals
    Undef,
    Int(i64),
    /// An integer literal above `i64::MAX` (perl's UV).
    UInt(u64),
    Num(f64),
    /// A string constant; `utf8` when it holds characters above 0xFF or came
    /// from a `use utf8` source (then `bytes` is UTF-8).
    Str {
        bytes: Arc<[u8]>,
        utf8: bool,
    },
    /// `"…"` with interpolation: the parts are stringified and concatenated.
    Interp(Vec<Expr>),
    /// Array interpolation inside a string: the list joined with `$"`.
    JoinList(Box<Expr>),

    // ---- variables
    /// `$x` lexical.
    My(Slot),
    /// `@x` lexical (an array in list context, its length in scalar context).
    MyArray(Slot),
    MyHash(Slot),
    /// `$main::x`, `$x` under `our`/no strict.
    Global(GlobalId),
    GlobalArray(GlobalId),
    GlobalHash(GlobalId),
    /// `@_`
    Args,
    /// Magic variables computed on read (and some on write).
    Special(SpecialVar),
    /// `$$r`, `${EXPR}`, `$r->$*`.
    Deref(Box<Expr>),
    /// `@$r` and friends (see ArrayPlace::Deref) as a whole array.
    ArrayDeref(Box<Expr>),
    HashDeref(Box<Expr>),
    /// `&$code` / `&{…}` without parens (calls with the current `@_`), or
    /// `\&$code`; see `CallRef` for calls with arguments.
    CodeDeref(Box<Expr>),
    /// `*name` / `*{"name"}`.
    Glob(GlobalId),
    GlobDeref(Box<Expr>),
    /// `*glob{THING}`: a reference to one slot of a glob (`SCALAR`,
    /// `ARRAY`, `HASH`, `CODE`, `IO`, `GLOB`) or its `NAME`/`PACKAGE`.
    GlobSlot {
        glob: Box<Expr>,
        slot: String,
    },
    /// `*glob{EXPR}`: the slot named at run time.
    GlobSlotDyn {
        glob: Box<Expr>,
        slot: Box<Expr>,
    },
    /// `$#a`, `$#{…}`, `$#$r` (readable and assignable).
    LastIndex(ArrayPlace),

    // ---- element access
    /// `$a[i]`, `$r->[i]`, `$$r[i]`.
    Index {
        array: ArrayPlace,
        index: Box<Expr>,
    },
    /// `$h{k}`, `$r->{k}`; multi-key `$h{1,2}` has `key` joined with `$;` by
    /// the parser (an `Interp`/join expression).
    Elem {
        hash: HashPlace,
        key: Box<Expr>,
    },
    /// `@a[LIST]`
    Slice {
        array: ArrayPlace,
        indices: Box<Expr>,
    },
    /// `@h{LIST}`
    HashSlice {
        hash: HashPlace,
        keys: Box<Expr>,
    },
    /// `%h{LIST}`: key/value pairs.
    KvHashSlice {
        hash: HashPlace,
        keys: Box<Expr>,
    },
    /// `%a[LIST]`: index/value pairs.
    KvSlice {
        array: ArrayPlace,
        indices: Box<Expr>,
    },
    /// `(LIST)[LIST]`
    ListSlice {
        list: Box<Expr>,
        indices: Box<Expr>,
    },

    // ---- declarations
    /// `my $x`, `my ($a, @b)`, `state …`: introduces fresh containers in these
    /// slots (a slot whose container is still referenced elsewhere gets a new
    /// one). `paren` is true for `my (…)`, which makes an assignment a list
    /// assignment.
    MyDecl {
        vars: Vec<(PadKind, Slot)>,
        paren: bool,
    },
    /// `local EXPR`: saves the place and gives it a fresh value until the
    /// enclosing block exits.
    Local(Box<Expr>),

    // ---- assignment
    /// Scalar assignment `LHS = RHS`.
    Assign {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// List assignment `(…) = …`, `@a = …`, `my ($x) = …`. In scalar context
    /// yields the number of right-hand elements.
    ListAssign {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `LHS op= RHS` for arithmetic, string and bitwise ops.
    OpAssign {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `||=`, `&&=`, `//=`.
    LogAssign {
        op: LogOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },

    // ---- operators
    Binary {
        op: BinOp,
        l: Box<Expr>,
        r: Box<Expr>,
    },
    /// `&&`/`and`, `||`/`or`, `//`: short-circuit, yield the deciding value.
    Logical {
        op: LogOp,
        l: Box<Expr>,
        r: Box<Expr>,
    },
    Unary {
        op: UnOp,
        e: Box<Expr>,
    },
    /// `!`/`not`
    Not(Box<Expr>),
    /// `xor` (low precedence).
    Xor(Box<Expr>, Box<Expr>),
    PreInc(Box<Expr>),
    PreDec(Box<Expr>),
    PostInc(Box<Expr>),
    PostDec(Box<Expr>),
    /// Chained comparison `a < b <= c` (perl 5.32+): each middle operand is
    /// evaluated once.
    ChainedCmp {
        first: Box<Expr>,
        rest: Vec<(BinOp, Expr)>,
    },
    /// `c ? t : f` (also an lvalue).
    Cond {
        c: Box<Expr>,
        t: Box<Expr>,
        f: Box<Expr>,
    },
    /// `l .. r` / `l ... r`: a list in list context; a flip-flop in scalar
    /// context, keeping its state in `state` (a per-op state slot).
    Range {
        l: Box<Expr>,
        r: Box<Expr>,
        three_dot: bool,
        state: u32,
    },
    /// `x`: `list` is true for `(LIST) x N` and `qw(…) x N`.
    Repeat {
        l: Box<Expr>,
        r: Box<Expr>,
        list: bool,
    },
    /// The comma operator / a parenthesised list.
    List(Vec<Expr>),
    /// `\EXPR` (`\(@a)` and `\(LIST)` give a list of references).
    Ref(Box<Expr>),
    /// `[…]`
    AnonArray(Vec<Expr>),
    /// `{…}`
    AnonHash(Vec<Expr>),
    /// `sub {…}` (a closure is created each time this is evaluated).
    AnonSub(Arc<SubBody>),
    /// `\&name` / `&name` without call: the named sub.
    SubRef(String),

    // ---- calls
    /// `foo(…)`, `foo …`, `&foo(…)`, `&foo;` (`amp` and `args: None` passes
    /// the current `@_` through). `name` is fully qualified.
    Call {
        name: String,
        args: Option<Vec<Expr>>,
        amp: bool,
    },
    /// `$code->(…)`, `&$code(…)`, `&{…}(…)`.
    CallRef {
        target: Box<Expr>,
        args: Vec<Expr>,
    },
    /// `INVOCANT->method(…)`; `Class->method` has `invocant` as a `Str`.
    /// `maybe_class` is set when the invocant was a bareword (it may name a
    /// class or, if a sub of that name exists, be a call).
    Method {
        invocant: Box<Expr>,
        method: MethodName,
        args: Vec<Expr>,
        maybe_class: bool,
    },
    /// A builtin function or named operator.
    Func {
        f: Func,
        args: Vec<Expr>,
    },
    /// `print`/`say`/`printf` with optional handle (`print STDERR …`,
    /// `print $fh …`, `print {$fh} …`). A bareword handle is `Handle(id)`.
    /// The parser supplies the implicit `$_` of a bare `print;`.
    Print {
        kind: PrintKind,
        fh: Option<Box<Expr>>,
        args: Vec<Expr>,
    },
    /// `sort`, with comparator. The `$a`/`$b` to set are the compiling
    /// package's.
    Sort {
        cmp: SortCmp,
        list: Box<Expr>,
        a: GlobalId,
        b: GlobalId,
    },
    /// `map BLOCK LIST` / `map EXPR, LIST` (the block runs in the current pad,
    /// with `$_` aliased to each element).
    Map {
        body: Box<Block>,
        list: Box<Expr>,
    },
    Grep {
        body: Box<Block>,
        list: Box<Expr>,
    },
    /// `do BLOCK`
    DoBlock(Box<Block>),
    /// `eval BLOCK`
    EvalBlock(Box<Block>),
    /// `eval EXPR` (string eval). `scope` lists the lexicals visible at this
    /// point (name with sigil → slot) so the evaluated code can use them, and
    /// `package` is the package in effect.
    EvalStr {
        code: Box<Expr>,
        scope: Arc<Vec<(String, Slot)>>,
        /// `our` declarations visible here (name with sigil → the package
        /// variable's full name).
        ours: Arc<Vec<(String, String)>>,
        package: String,
        /// `use strict` in effect at the eval: bit 0 vars, bit 1 subs.
        strict: u8,
        /// `feature` bits in effect at the eval.
        features: u32,
        /// `evalbytes`: the code is bytes whatever `use utf8` says.
        bytes: bool,
    },
    /// `return LIST`
    Return(Option<Box<Expr>>),
    /// `last`/`next`/`redo` with optional label.
    LoopCtl {
        kind: LoopCtlKind,
        label: Option<Arc<str>>,
    },
    /// `last EXPR` (and `next`, `redo`): the label computed at run time.
    LoopCtlDyn {
        kind: LoopCtlKind,
        label: Box<Expr>,
    },
    /// `wantarray`
    Wantarray,
    /// `__SUB__`
    CurrentSub,
    /// File test `-e EXPR` etc. (`op` is the letter); `arg: None` means `$_`,
    /// the special handle `_` is `Str("_")` with `underscore: true`.
    FileTest {
        op: u8,
        arg: Option<Box<Expr>>,
    },
    /// `<FH>`, `<$fh>`, `readline` — `None` handle is `<>` (ARGV magic),
    /// `double` for `<<>>`.
    ReadLine {
        fh: Option<Box<Expr>>,
        double: bool,
    },
    /// `<*.c>` / `glob`
    GlobPat(Box<Expr>),
    /// A bareword filehandle used as a value (`STDERR` in `open(STDERR,…)`,
    /// `close FH`).
    Handle(GlobalId),

    // ---- regexes
    /// `m//`, `//`, or a `qr//` object (`target: None` with `qr: true`).
    /// `target: None` otherwise matches `$_`. `negate` for `!~`.
    Match {
        target: Option<Box<Expr>>,
        pat: Pattern,
        negate: bool,
    },
    /// `s///`: `repl` is an `Interp` (or, with `/e`, code evaluated each match:
    /// a `DoBlock`).
    Subst {
        target: Option<Box<Expr>>,
        pat: Pattern,
        repl: Box<Expr>,
    },
    /// `tr///` / `y///`: the lists are expanded by the parser (ranges
    /// resolved), as code points.
    Trans {
        target: Option<Box<Expr>>,
        from: Arc<[u32]>,
        to: Arc<[u32]>,
        flags: TrFlags,
    },
    /// `qr//`
    Qr(Pattern),
    /// `split /PAT/, EXPR, LIMIT` (`pat` is `None` for `split ' '`-style
    /// whitespace splitting when the pattern is the single space string).
    Split {
        pat: SplitPat,
        expr: Option<Box<Expr>>,
        limit: Option<Box<Expr>>,
    },

    /// A sub signature's arity check: dies with perl's "Too few/many
    /// arguments for subroutine" message unless `min <= @_ <= max`
    /// (`max: None` when there is a slurpy parameter).
    /// `odd_hash: Some(n)` when the slurpy parameter is a hash after `n`
    /// positional ones: an odd number of arguments for it dies.
    SigCheck {
        min: u32,
        max: Option<u32>,
        odd_hash: Option<u32>,
    },
    /// `state $x = …` initialisation: evaluates `assign` the first time only
    /// (per closure instance), tracked in state slot `state`.
    StateInit {
        state: u32,
        assign: Box<Expr>,
    },
    /// Something the parser could not resolve at compile time and that must
    /// die when reached (e.g. a bareword under strict subs in a position perl
    /// checks at run time).
    Die(String),
    /// `goto &sub` / `goto &$code`: replace the current sub call with a call
    /// to the target (a `SubRef` or an expression yielding a code
    /// reference), passing the current `@_`.
    GotoSub(Box<Expr>),
    /// `goto EXPR` (the target of a `GotoSub`): the value when it is a code
    /// reference, else the name of a label to go to.
    GotoTarget(Box<Expr>),
    /// `goto LABEL`.
    GotoLabel(Arc<str>),
}

#[derive(Debug, Clone)]
pub enum MethodName {
    /// `->name` (may be `SUPER::name` or fully qualified `Pkg::name`).
    Static(String),
    /// `->$name` (a string or a code reference).
    Dynamic(Box<Expr>),
}

#[derive(Debug, Clone)]
pub enum SortCmp {
    /// Default string comparison.
    None,
    /// `sort { … } LIST` (runs in the current pad). The parser recognises the
    /// common comparators and gives them a native form.
    Block(Box<Block>),
    /// `{ $a <=> $b }`, `{ $b <=> $a }`, `{ $a cmp $b }`, `{ $b cmp $a }`.
    Fast(FastSort),
    /// `sort subname LIST` / `sort $subref LIST`.
    Sub(Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FastSort {
    NumAsc,
    NumDesc,
    StrAsc,
    StrDesc,
}

#[derive(Debug, Clone)]
pub enum SplitPat {
    /// `split ' '` or no pattern: awk-style whitespace split.
    Whitespace,
    Regex(Pattern),
    /// A non-constant expression used as pattern (`split $sep, …`).
    Expr(Box<Expr>),
}

#[derive(Debug, Clone)]
pub struct Pattern {
    /// The pattern source: a constant `Str` or an `Interp` (interpolated at
    /// match time, compiled once per distinct string).
    pub src: Box<Expr>,
    pub flags: ReFlags,
    /// Cache slot for the compiled regex (unique per literal in a program).
    pub id: u32,
}

/// Regex modifiers (`/msixpngcer` and `/aa`, `/u`, `/l`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReFlags {
    pub i: bool,
    pub m: bool,
    pub s: bool,
    pub x: bool,
    pub xx: bool,
    pub g: bool,
    pub c: bool,
    pub o: bool,
    pub e: u8,
    pub r: bool,
    pub n: bool,
    pub p: bool,
    pub a: bool,
    /// `/u` (or `use feature 'unicode_strings'`): Unicode rules for
    /// characters 0x80-0xFF of 8-bit strings too.
    pub u: bool,
    /// `m?PATTERN?`: matches once until `reset`.
    pub once: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TrFlags {
    pub c: bool,
    pub d: bool,
    pub s: bool,
    pub r: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintKind {
    Print,
    Say,
    Printf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopCtlKind {
    Last,
    Next,
    Redo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Concat,
    NumEq,
    NumNe,
    NumLt,
    NumGt,
    NumLe,
    NumGe,
    NumCmp,
    StrEq,
    StrNe,
    StrLt,
    StrGt,
    StrLe,
    StrGe,
    StrCmp,
    BitAnd,
    BitOr,
    BitXor,
    ShiftL,
    ShiftR,
    /// String bitwise ops (`&.` `|.` `^.` under `use feature 'bitwise'`).
    SBitAnd,
    SBitOr,
    SBitXor,
    /// `x` as an assignment op (`x=`).
    Repeat,
    /// `isa` infix operator.
    Isa,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogOp {
    And,
    Or,
    Dor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    /// `~`
    BitNot,
    /// `~.`
    SBitNot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialVar {
    /// `$1`, `$2`, … (number stored).
    Capture(u32),
    /// `$&`
    Match,
    /// `` $` ``
    PreMatch,
    /// `$'`
    PostMatch,
    /// `$+`
    LastParen,
    /// `$^N`: the most recently closed group.
    LastClosedParen,
    /// `@-` / `$-[n]` are Funcs on the last match; these are the arrays.
    MatchStart,
    MatchEnd,
    /// `@{^CAPTURE}`: ($1, $2, …).
    Captures,
    /// `%+`
    NamedCaptures,
    /// `%-`
    NamedCaptureLists,
    /// `$!` (errno: number or message, dualvar).
    Errno,
    /// `$?`
    ChildStatus,
    /// `$$`
    Pid,
    /// `$.`
    InputLine,
    /// `$^W`
    Warnings,
    /// `$]`
    PerlVersion,
    /// `$^V`
    PerlVersionV,
    /// `$^X`
    ExecPath,
    /// `$^O`
    OsName,
    /// `$^T`
    BaseTime,
    /// `$^S`: inside an eval.
    InEval,
    /// `$^E`
    ExtendedError,
    /// `$<` `$>` `$(` `$)`
    Uid,
    Euid,
    Gid,
    Egid,
}

/// Builtin functions and named operators. The parser maps a name to one of
/// these when no user sub of that name is visible (and always for the core
/// ones perl does not let you override).
///
/// Argument conventions (`Expr::Func::args`):
/// - Implicit operands are made explicit by the parser: `lc` is `lc($_)`,
///   `shift` is `shift(@_)` in a sub and `shift(@ARGV)` at file level,
///   `chomp` is `chomp($_)`, `-e` is `-e $_`, and so on.
/// - Functions that take a container get the container expression itself:
///   `push @a, …` has `MyArray`/`GlobalArray`/`ArrayDeref` first; `keys %h`
///   a hash (or array) expression; `delete`/`exists` an `Elem`/`Index`/slice;
///   `defined &foo` is `DefinedSub`, `exists &foo` is `ExistsSub` with a
///   `SubRef`; `undef $x`/`undef @a` the place.
/// - Filehandle arguments are `Handle(id)` for barewords (`open(FH, …)`,
///   `close FH`, `eof(FH)`), or any expression (`my $fh`, `$fh`, `\*STDOUT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Func {
    // scalars and strings
    Length,
    Substr,
    Index,
    Rindex,
    Uc,
    Lc,
    Ucfirst,
    Lcfirst,
    Chop,
    Chomp,
    Chr,
    Ord,
    Reverse,
    Join,
    Sprintf,
    Quotemeta,
    Hex,
    Oct,
    Abs,
    Int,
    Sqrt,
    Sin,
    Cos,
    Atan2,
    Exp,
    Log,
    Rand,
    Srand,
    Defined,
    Undef,
    Scalar,
    Ref,
    Bless,
    Die,
    Warn,
    Exit,
    Pos,
    Pack,
    Unpack,
    Vec,
    Fc,
    Crypt,
    // arrays and hashes
    Push,
    Pop,
    Shift,
    Unshift,
    Splice,
    Keys,
    Values,
    Each,
    Delete,
    Exists,
    // I/O
    Open,
    Close,
    Binmode,
    Eof,
    Readline,
    Getc,
    Read,
    Sysread,
    Syswrite,
    Seek,
    Tell,
    Select,
    Fileno,
    Unlink,
    Mkdir,
    Rmdir,
    Rename,
    Opendir,
    Readdir,
    Closedir,
    Rewinddir,
    Chdir,
    Chmod,
    Chown,
    Utime,
    Stat,
    Lstat,
    Link,
    Symlink,
    Readlink,
    Truncate,
    Flock,
    Glob,
    Umask,
    Pipe,
    // processes and system
    System,
    Exec,
    Fork,
    Wait,
    Waitpid,
    Kill,
    Sleep,
    Time,
    Times,
    Localtime,
    Gmtime,
    Alarm,
    Getppid,
    Getpwnam,
    Getpwuid,
    Getgrgid,
    Getgrnam,
    Getlogin,
    // misc
    Caller,
    Require,
    DoFile,
    Lock,
    Prototype,
    Study,
    Reset,
    Dump,
    /// `readpipe` / backticks / `qx//`.
    Readpipe,
    Formline,
    Write,
    Tie,
    Tied,
    Untie,
    Dbmopen,
    /// `not` as a function form is `Expr::Not`; this is `exists &sub`.
    ExistsSub,
    /// `defined &sub`
    DefinedSub,
    // Added by the parser for builtins the first list lacked.
    Sysopen,
    Sysseek,
    Socket,
    Socketpair,
    Bind,
    Connect,
    Listen,
    Accept,
    Shutdown,
    Setsockopt,
    Getsockopt,
    Send,
    Recv,
    Getpeername,
    Getsockname,
    Gethostbyname,
    Getprotobyname,
    Getservbyname,
    Fcntl,
    Ioctl,
    Chroot,
    Getpgrp,
    Setpgrp,
    Getpriority,
    Setpriority,
    Syscall,
    /// `exec { PROG } LIST` / `system { PROG } LIST`: first argument is the
    /// program, the rest is argv (including argv[0]).
    ExecProg,
    SystemProg,
}
