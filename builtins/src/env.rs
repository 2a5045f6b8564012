//! `env()`: the environment psh passes to programs, that is `%ENV`.

use psh_interp::interp::{Interp, Want};
use psh_interp::value::*;

use crate::util::*;
use crate::Command;

/// `env()`.
pub const COMMAND: Command = Command {
    name: "env",
    signature: "env()",
    description: "The environment (%ENV) as PSH::Env records sorted by name",
    examples: &[
        ("env()", "every variable"),
        (
            "env() | grep { $_->{name} =~ /^LC_/ }",
            "the locale variables",
        ),
    ],
    class: Some("PSH::Env"),
    keys: &[("name", "variable name"), ("value", "its value")],
    run: env,
};

/// The native `PSH::Cmd::env`.
pub fn env(it: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    // %ENV, not the process environment: what the user set in Perl is what
    // programs started from psh will see.
    let hv = it.glob("main::ENV").hv();
    let mut pairs: Vec<(Key, Value)> =
        hv.with(|m| m.iter().map(|(k, v)| (k.clone(), v.get())).collect());
    pairs.sort_by(|a, b| a.0 .0.bytes.cmp(&b.0 .0.bytes));
    let recs = pairs
        .into_iter()
        .map(|(k, v)| {
            let r = Rec::new(2);
            r.set("name", Value::Str(k.0)).set("value", v);
            r.bless("PSH::Env")
        })
        .collect();
    records(want, out, recs)
}
