//! `alias` and `unalias`. An alias is a command line that a name stands
//! for; it is also defined as a Perl sub of that name (running the line
//! through `system`), so Perl code can call it.

use super::Builtin;
use crate::shell::Shell;

pub const ALIAS: Builtin = Builtin {
    name: "alias",
    usage: "alias [NAME=COMMAND...]",
    description: "define a command alias (also a sub of that name); no arguments: list them",
    run: alias,
};
pub const UNALIAS: Builtin = Builtin {
    name: "unalias",
    usage: "unalias NAME...",
    description: "remove aliases",
    run: unalias,
};

fn perl_single_quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

fn alias(sh: &mut Shell, args: &[String]) -> i32 {
    if args.is_empty() {
        for (k, v) in &sh.aliases {
            println!("alias {k}={}", crate::shell::shell_quote(v));
        }
        return 0;
    }
    let mut st = 0;
    for a in args {
        let Some((name, body)) = a.split_once('=') else {
            match sh.aliases.get(a.as_str()) {
                Some(v) => println!("alias {a}={}", crate::shell::shell_quote(v)),
                None => {
                    eprintln!("psh: alias: {a}: not found");
                    st = 1;
                }
            }
            continue;
        };
        let ok = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !ok {
            eprintln!("psh: alias: {name}: not a valid alias name");
            st = 1;
            continue;
        }
        // A sub only for names Perl can call.
        if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !crate::cmdline::is_perl_keyword(name)
        {
            let src = format!(
                "no warnings 'redefine'; sub main::{name} {{ system({} . join('', map {{ ' ' . quotemeta }} @_)); $? }}",
                perl_single_quote(body)
            );
            sh.run_perl_quiet(&src);
        }
        sh.aliases.insert(name.to_string(), body.to_string());
    }
    st
}

fn unalias(sh: &mut Shell, args: &[String]) -> i32 {
    let mut st = 0;
    for a in args {
        if sh.aliases.remove(a).is_none() {
            eprintln!("psh: unalias: {a}: not found");
            st = 1;
        } else {
            sh.run_perl_quiet(&format!("undef &main::{a};"));
        }
    }
    st
}
