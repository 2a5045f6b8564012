//! `history`: the entries in the history file, numbered.

use super::Builtin;
use crate::shell::Shell;

pub const HISTORY: Builtin = Builtin {
    name: "history",
    usage: "history [N]",
    description: "show the last N (default all) history entries",
    run: history,
};

fn history(sh: &mut Shell, args: &[String]) -> i32 {
    let n = match args.first() {
        Some(a) => match a.parse::<usize>() {
            Ok(n) => Some(n),
            Err(_) => return super::usage(&HISTORY, "N must be a number"),
        },
        None => None,
    };
    let Some(path) = sh.history_file.clone() else {
        return 0;
    };
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let entries: Vec<String> = text.lines().map(crate::repl::decode_history_line).collect();
    let skip = n.map(|n| entries.len().saturating_sub(n)).unwrap_or(0);
    for (i, e) in entries.iter().enumerate().skip(skip) {
        println!("{:>5}  {}", i + 1, e.replace('\n', "\n       "));
    }
    0
}
