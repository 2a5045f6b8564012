//! psh's built-in commands: the ones that must act on the shell itself
//! (`cd`, job control, `exit`, aliases, `%ENV`) or that answer questions
//! about it (`which`, `history`). Each file declares its commands' names,
//! usage and descriptions; `help` and the completer show them.

mod alias;
mod cd;
mod dirstack;
mod env;
mod exit;
mod history;
mod jobctl;
mod source;
mod time;
mod which;

use crate::shell::Shell;

pub use jobctl::kill_jobs;
pub use time::time_entry;

pub struct Builtin {
    pub name: &'static str,
    pub usage: &'static str,
    pub description: &'static str,
    pub run: fn(&mut Shell, &[String]) -> i32,
}

pub static BUILTINS: &[Builtin] = &[
    cd::CD,
    cd::PWD,
    dirstack::PUSHD,
    dirstack::POPD,
    dirstack::DIRS,
    exit::EXIT,
    jobctl::JOBS,
    jobctl::FG,
    jobctl::BG,
    jobctl::DISOWN,
    jobctl::WAIT,
    which::WHICH,
    which::TYPE,
    history::HISTORY,
    source::SOURCE,
    env::EXPORT,
    env::UNSET,
    alias::ALIAS,
    alias::UNALIAS,
    time::TIME,
    HELP,
];

pub fn find(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.name == name)
}

/// Run a built-in; `argv[0]` is its name.
pub fn run(sh: &mut Shell, argv: &[Vec<u8>]) -> i32 {
    let args: Vec<String> = argv
        .iter()
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    let Some(b) = find(&args[0]) else {
        eprintln!("psh: {}: not a built-in command", args[0]);
        return 127;
    };
    let st = (b.run)(sh, &args[1..]);
    use std::io::Write;
    let _ = std::io::stdout().flush();
    st
}

/// A usage error: the message and the usage line, status 2.
pub fn usage(b: &Builtin, msg: &str) -> i32 {
    eprintln!("psh: {}: {msg}", b.name);
    eprintln!("usage: {}", b.usage);
    2
}

const HELP: Builtin = Builtin {
    name: "help",
    usage: "help [COMMAND]",
    description: "list the built-in commands, or show one's usage",
    run: help,
};

fn help(_sh: &mut Shell, args: &[String]) -> i32 {
    match args.first() {
        Some(n) => match find(n) {
            Some(b) => {
                println!("{}\n  {}", b.usage, b.description);
                0
            }
            None => {
                eprintln!("psh: help: no built-in command named {n}");
                1
            }
        },
        None => {
            println!("psh built-in commands (any other line is Perl, or a program on PATH):");
            for b in BUILTINS {
                println!("  {:<28} {}", b.usage, b.description);
            }
            0
        }
    }
}
