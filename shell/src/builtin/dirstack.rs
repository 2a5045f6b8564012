//! `pushd`, `popd` and `dirs`: a stack of directories to return to.

use std::path::PathBuf;

use super::Builtin;
use crate::shell::Shell;

pub const PUSHD: Builtin = Builtin {
    name: "pushd",
    usage: "pushd [DIR]",
    description: "remember the current directory and change to DIR (no DIR: swap with the top)",
    run: pushd,
};
pub const POPD: Builtin = Builtin {
    name: "popd",
    usage: "popd",
    description: "change to the directory on top of the stack and remove it",
    run: popd,
};
pub const DIRS: Builtin = Builtin {
    name: "dirs",
    usage: "dirs",
    description: "show the directory stack, current directory first",
    run: dirs,
};

fn pushd(sh: &mut Shell, args: &[String]) -> i32 {
    let here = super::cd::current_dir(sh);
    let target = match args {
        [] => match sh.dirstack.pop() {
            Some(d) => d,
            None => {
                eprintln!("psh: pushd: no other directory");
                return 1;
            }
        },
        [d] => PathBuf::from(d),
        _ => return super::usage(&PUSHD, "too many arguments"),
    };
    match super::cd::change_dir(sh, &target) {
        Ok(_) => {
            sh.dirstack.push(here);
            dirs(sh, &[])
        }
        Err(e) => {
            eprintln!("psh: pushd: {e}");
            1
        }
    }
}

fn popd(sh: &mut Shell, _args: &[String]) -> i32 {
    let Some(d) = sh.dirstack.pop() else {
        eprintln!("psh: popd: directory stack empty");
        return 1;
    };
    match super::cd::change_dir(sh, &d) {
        Ok(_) => dirs(sh, &[]),
        Err(e) => {
            eprintln!("psh: popd: {e}");
            1
        }
    }
}

fn dirs(sh: &mut Shell, _args: &[String]) -> i32 {
    let mut all = vec![super::cd::current_dir(sh)];
    all.extend(sh.dirstack.iter().rev().cloned());
    let home = std::env::var("HOME").ok();
    let shown: Vec<String> = all
        .iter()
        .map(|p| {
            let s = p.display().to_string();
            match &home {
                Some(h) if !h.is_empty() && s.starts_with(h.as_str()) => {
                    format!("~{}", &s[h.len()..])
                }
                _ => s,
            }
        })
        .collect();
    println!("{}", shown.join(" "));
    0
}
