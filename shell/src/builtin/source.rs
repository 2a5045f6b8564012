//! `source FILE`: run a file's lines in this shell.

use super::Builtin;
use crate::shell::Shell;

pub const SOURCE: Builtin = Builtin {
    name: "source",
    usage: "source FILE",
    description:
        "run a file of Perl (and command lines) in this shell, keeping its subs and variables",
    run: source,
};

fn source(sh: &mut Shell, args: &[String]) -> i32 {
    let [file] = args else {
        return super::usage(&SOURCE, "one file is needed");
    };
    match std::fs::read_to_string(file) {
        Ok(text) => sh.run_text(&text),
        Err(e) => {
            eprintln!("psh: source: {file}: {e}");
            1
        }
    }
}
