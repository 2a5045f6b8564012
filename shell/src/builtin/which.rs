//! `which` and `type`: what a word names at the start of a line.

use super::Builtin;
use crate::cmdline::Known;
use crate::shell::Shell;

pub const WHICH: Builtin = Builtin {
    name: "which",
    usage: "which NAME...",
    description:
        "say what each name runs: keyword, sub, alias, built-in or program (with its path)",
    run: which,
};
pub const TYPE: Builtin = Builtin {
    name: "type",
    usage: "type NAME...",
    description: "same as which",
    run: which,
};

/// What `name` is, in the order the line classifier tries them.
pub fn describe(sh: &mut Shell, name: &str) -> Option<String> {
    if let Some(a) = sh.aliases.get(name) {
        return Some(format!("{name} is an alias for {a}"));
    }
    if super::find(name).is_some() && matches!(name, "wait" | "time") {
        return Some(format!("{name} is a psh built-in command"));
    }
    if crate::cmdline::is_perl_keyword(name) {
        return Some(format!("{name} is a Perl keyword"));
    }
    if sh.is_sub(name) {
        return Some(format!("{name} is a Perl sub"));
    }
    if super::find(name).is_some() {
        return Some(format!("{name} is a psh built-in command"));
    }
    if name.contains('/') {
        return sh.is_program(name).then(|| name.to_string());
    }
    crate::shell::find_program(sh, name).map(|p| p.display().to_string())
}

fn which(sh: &mut Shell, args: &[String]) -> i32 {
    if args.is_empty() {
        return super::usage(&WHICH, "a name is needed");
    }
    let mut st = 0;
    for a in args {
        match describe(sh, a) {
            Some(d) => println!("{d}"),
            None => {
                eprintln!("psh: which: {a} not found");
                st = 1;
            }
        }
    }
    st
}
