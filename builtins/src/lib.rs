//! psh's own system commands. Each returns Perl data instead of text:
//! `ps()` gives process records, `ls()` file records, `df()` disks, `sys()`
//! the host, `env()` the environment, `who()` logins, `net()` interfaces.
//! Records are hashrefs blessed into a `PSH::*` class whose keys come in a
//! documented order (the table renderer shows columns in that order); see
//! `docs/system-data.md`.
//!
//! Every command lives in its own file and describes itself with a
//! [`Command`]; [`install`] puts them in the interpreter as `PSH::Cmd::NAME`
//! (never in `main::`, so `ps aux` at the prompt stays a command line: the
//! shell routes a call to an undefined `ps(...)` to `PSH::Cmd::ps`), and
//! the record classes' methods as `PSH::Proc::kill` and the like.
//!
//! [`stream`] holds the natives object pipes read their sources with
//! (`PSH::Pipe::spawn`, `next_batch`, …).

use std::rc::Rc;

use psh_interp::interp::{Interp, Want};
use psh_interp::value::{Code, CodeKind, NativeFn};

pub mod df;
pub mod env;
pub mod ls;
pub mod net;
pub mod ps;
pub mod stream;
pub mod sys;
mod util;
pub mod who;

/// A command's description: what help, completion and the docs show.
pub struct Command {
    /// The name users call (`ps`), installed as `PSH::Cmd::ps`.
    pub name: &'static str,
    /// How it is called, e.g. `ps(FILTER…)`.
    pub signature: &'static str,
    /// One line on what it returns.
    pub description: &'static str,
    /// Examples: code, and what it shows.
    pub examples: &'static [(&'static str, &'static str)],
    /// The record class its values are blessed into, if any.
    pub class: Option<&'static str>,
    /// The record keys in order, with their units, for completion and docs.
    pub keys: &'static [(&'static str, &'static str)],
    /// The native sub.
    pub run: NativeFn,
}

/// Every command, in the order the docs list them.
pub const COMMANDS: &[Command] = &[
    ps::COMMAND,
    ls::COMMAND,
    df::COMMAND,
    sys::COMMAND,
    env::COMMAND,
    who::COMMAND,
    who::USERS,
    net::COMMAND,
];

/// Methods of the record classes written in Rust, by full name (the
/// Perl ones, `PSH::File::open`, are in `perl/methods.pl`).
pub const METHODS: &[(&str, NativeFn)] = &[("PSH::Proc::kill", ps::proc_kill)];

/// The package the commands are installed in.
pub const PACKAGE: &str = "PSH::Cmd";

/// Install every command as `PSH::Cmd::NAME` and the record methods.
pub fn install(it: &mut Interp) {
    for c in COMMANDS {
        set_native(it, &format!("{PACKAGE}::{}", c.name), c.run);
    }
    for (name, f) in METHODS.iter().chain(stream::NATIVES) {
        set_native(it, name, *f);
    }
    // The methods written in Perl. The source is ours and fixed, so a
    // failure here is a bug in it: the test suite compiles it.
    let mut out = Vec::new();
    let _ = it.run_source(PERL_METHODS, "(psh)/PSH/records.pm", Want::Void, &mut out);
}

/// Record methods written in Perl (`PSH::File::open`).
const PERL_METHODS: &[u8] = include_bytes!("perl/methods.pl");

/// The command named `name`, if psh has one.
pub fn command(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}

fn set_native(it: &mut Interp, full: &str, f: NativeFn) {
    it.glob(full)
        .set_code(Some(Code::new(CodeKind::Native(f), Some(Rc::from(full)))));
}
