//! `export` and `unset`: `%ENV`, which every program started gets.

use super::Builtin;
use crate::shell::Shell;

pub const EXPORT: Builtin = Builtin {
    name: "export",
    usage: "export [NAME=VALUE | NAME]...",
    description: "set environment variables ($ENV{NAME}); no arguments: list them",
    run: export,
};
pub const UNSET: Builtin = Builtin {
    name: "unset",
    usage: "unset NAME...",
    description: "remove environment variables from %ENV",
    run: unset,
};

fn valid_name(n: &str) -> bool {
    let mut c = n.chars();
    matches!(c.next(), Some(ch) if ch == '_' || ch.is_ascii_alphabetic())
        && c.all(|ch| ch == '_' || ch.is_ascii_alphanumeric())
}

fn export(sh: &mut Shell, args: &[String]) -> i32 {
    if args.is_empty() {
        let env = sh.it.glob("main::ENV").hv();
        let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = env.with(|m| {
            m.iter()
                .map(|(k, v)| {
                    (
                        k.0.bytes.to_vec(),
                        psh_interp::convert::to_bytes(&v.get()).into_owned(),
                    )
                })
                .collect()
        });
        pairs.sort();
        for (k, v) in pairs {
            println!(
                "{}={}",
                String::from_utf8_lossy(&k),
                crate::shell::shell_quote(&String::from_utf8_lossy(&v))
            );
        }
        return 0;
    }
    let mut st = 0;
    for a in args {
        let (name, value) = match a.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (a.as_str(), None),
        };
        if !valid_name(name) {
            eprintln!("psh: export: {name}: not a valid name");
            st = 1;
            continue;
        }
        if let Some(v) = value {
            sh.set_env_var(name, v.as_bytes());
        }
    }
    st
}

fn unset(sh: &mut Shell, args: &[String]) -> i32 {
    for a in args {
        sh.it.glob("main::ENV").hv().delete(a.as_bytes());
    }
    0
}
