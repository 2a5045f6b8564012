//! The snapshot of the interpreter's names that the completer reads (see
//! `psh_completions::Snapshot`), refreshed before each prompt.

use psh_completions::Snapshot;
use psh_interp::value::{PadSlot, Value};

use crate::shell::Shell;

/// Keys listed per hash: enough to complete from, bounded for huge hashes.
const MAX_KEYS: usize = 500;

fn keys_of(h: &psh_interp::value::Hv) -> Vec<String> {
    h.with(|m| {
        m.iter()
            .take(MAX_KEYS)
            .map(|(k, _)| String::from_utf8_lossy(&k.0.bytes).into_owned())
            .collect()
    })
}

/// Methods a class and its parents define (for `$obj->`).
fn methods_of(sh: &Shell, class: &str, out: &mut Vec<String>, depth: usize) {
    if depth > 20 {
        return;
    }
    let prefix = format!("{class}::");
    for (name, g) in sh.it.symbols.iter() {
        if let Some(m) = name.strip_prefix(&prefix) {
            if !m.contains("::") && g.code().is_some() && !out.iter().any(|x| x == m) {
                out.push(m.to_string());
            }
        }
    }
    if let Some(isa) = sh.it.glob_opt(&format!("{class}::ISA")) {
        if isa.has_av() {
            for p in isa.av().values() {
                let p = String::from_utf8_lossy(&psh_interp::convert::to_bytes(&p)).into_owned();
                methods_of(sh, &p, out, depth + 1);
            }
        }
    }
}

/// What a scalar named `name` holding `v` contributes: hash keys of a
/// hashref, methods of an object.
fn scalar_info(sh: &Shell, name: &str, v: &Value, snap: &mut Snapshot) {
    if let Value::HashRef(h) = v {
        snap.hash_keys.push((name.to_string(), keys_of(h)));
    }
    if let Some(class) = v.blessed() {
        let mut m = Vec::new();
        methods_of(sh, &class, &mut m, 0);
        m.sort();
        snap.methods.push((name.to_string(), m));
        snap.classes.push((name.to_string(), class.to_string()));
    }
}

pub fn take(sh: &mut Shell) -> Snapshot {
    let mut snap = Snapshot::default();
    let lexicals: Vec<(String, PadSlot)> = sh
        .sess
        .lexicals()
        .map(|(n, s)| (n.to_string(), s.clone()))
        .collect();
    for (name, slot) in &lexicals {
        snap.variables.push(name.clone());
        match slot {
            PadSlot::Hash(h) => snap.hash_keys.push((name.clone(), keys_of(h))),
            PadSlot::Scalar(sv) => scalar_info(sh, name, &sv.get(), &mut snap),
            _ => {}
        }
    }
    let mut names: Vec<(&String, &psh_interp::value::Gv)> = sh.it.symbols.iter().collect();
    names.sort_by(|a, b| a.0.cmp(b.0));
    let mut globals = Vec::new();
    for (full, g) in names {
        let Some(short) = full.strip_prefix("main::") else {
            if g.code().is_some() && !full.contains("::__ANON__") {
                snap.subs.push(full.clone());
            }
            continue;
        };
        if short.contains("::") || short.is_empty() {
            continue;
        }
        let word = short.chars().all(|c| c.is_alphanumeric() || c == '_');
        if g.code().is_some() && word {
            snap.subs.push(short.to_string());
        }
        if !word || short.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let v = g.sv().get();
        if !v.is_undef() {
            globals.push((format!("${short}"), v));
        }
        if g.has_av() && !g.av().is_empty() {
            snap.variables.push(format!("@{short}"));
        }
        if g.has_hv() && !g.hv().is_empty() {
            let name = format!("%{short}");
            snap.hash_keys.push((name.clone(), keys_of(&g.hv())));
            snap.variables.push(name);
        }
    }
    for (name, v) in globals {
        scalar_info(sh, &name, &v, &mut snap);
        snap.variables.push(name);
    }
    snap.builtins = crate::builtin::BUILTINS
        .iter()
        .map(|b| (b.name.to_string(), b.description.to_string()))
        .chain(
            sh.aliases
                .iter()
                .map(|(k, v)| (k.clone(), format!("alias: {v}"))),
        )
        .collect();
    if let Some(inc) = sh.it.glob_opt("main::INC") {
        snap.inc = inc
            .av()
            .values()
            .iter()
            .map(|v| String::from_utf8_lossy(&psh_interp::convert::to_bytes(v)).into_owned())
            .collect();
    }
    snap.record_keys = psh_builtins::COMMANDS
        .iter()
        .map(|c| {
            (
                c.name.to_string(),
                c.keys.iter().map(|k| k.0.to_string()).collect(),
            )
        })
        .collect();
    snap.options = crate::cli::OPTIONS
        .iter()
        .map(|(o, d)| (o.to_string(), d.to_string()))
        .collect();
    snap
}
