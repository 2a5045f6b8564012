//! psh completions: what the line editor offers on Tab.
//!
//! The line editor's completer runs on the editor's side and may not touch
//! the interpreter (it is `Send`; the interpreter is not). Before each
//! prompt the shell fills a [`Snapshot`] of what is in scope; the
//! completer reads that.

use std::sync::{Arc, RwLock};

/// What the interpreter knows at the prompt, copied for the editor.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Variables in scope, with sigils: `$x`, `@list`, `%h`, `$main::y`.
    pub variables: Vec<String>,
    /// Keys of hashes in scope, by hash name with its `%` sigil (`%h`), and
    /// of hashes referenced by scalars (`$h` for `$h->{`); a bounded number
    /// per hash.
    pub hash_keys: Vec<(String, Vec<String>)>,
    /// Methods callable on scalars that hold blessed references: (`$obj`,
    /// method names, its class and its parents' included).
    pub methods: Vec<(String, Vec<String>)>,
    /// Defined subs in `main` (and fully qualified ones elsewhere).
    pub subs: Vec<String>,
    /// psh built-in commands and aliases, with a one-line description.
    pub builtins: Vec<(String, String)>,
    /// `@INC`, for module names after `use`/`require`.
    pub inc: Vec<String>,
    /// psh's own command-line options, with descriptions.
    pub options: Vec<(String, String)>,
    /// Keys of the records a pipe source yields (`ps` → pid, ppid, …), for
    /// `$_->{` inside a pipe stage.
    pub record_keys: Vec<(String, Vec<String>)>,
}

/// The snapshot shared between the shell and the editor's completer and
/// highlighter.
pub type Shared = Arc<RwLock<Snapshot>>;
