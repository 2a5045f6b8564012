//! Perl names: variables, hash and record keys, methods, module names.
//!
//! Everything but module names comes from the [`Snapshot`]. Module names
//! come from the `@INC` directories, read one directory at a time as the
//! typed name goes deeper (`Foo::` reads only `…/Foo/`), and kept until that
//! directory's mtime changes.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use reedline::{Span, Suggestion};

use crate::context::{is_ident_char, KeyTarget, MethodOwner};
use crate::Snapshot;

fn perl_token(value: String, description: String, span: Span) -> Suggestion {
    // Perl names are followed by punctuation (`->`, `{`, `;`, `)`) more
    // often than by a space, so none is added.
    Suggestion {
        value,
        description: Some(description),
        span,
        append_whitespace: false,
        ..Suggestion::default()
    }
}

fn lookup<'a>(table: &'a [(String, Vec<String>)], name: &str) -> Option<&'a [String]> {
    table
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_slice())
}

/// Variables in scope with `sigil` whose names start with `partial`.
/// `$#` offers the arrays, written as `$#name`.
pub(crate) fn complete_variable(
    snap: &Snapshot,
    start: usize,
    sigil: &str,
    partial: &str,
) -> Vec<Suggestion> {
    let span = Span::new(start, start + sigil.len() + partial.len());
    let (wanted, written, description) = match sigil {
        "$#" => ('@', "$#", "array"),
        "@" => ('@', "@", "array"),
        "%" => ('%', "%", "hash"),
        _ => ('$', "$", "scalar"),
    };
    let mut names: Vec<&str> = snap
        .variables
        .iter()
        .filter_map(|v| v.strip_prefix(wanted))
        .filter(|name| name.starts_with(partial))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
        .into_iter()
        .map(|name| perl_token(format!("{written}{name}"), description.into(), span))
        .collect()
}

/// A key needs no quotes inside `{…}` when Perl reads it as a bareword or
/// a plain integer.
fn is_bareword(key: &str) -> bool {
    let mut chars = key.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {
            chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        Some('0') => key.len() == 1,
        Some(c) if c.is_ascii_digit() => chars.all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

fn key_text(key: &str, quote: Option<char>) -> String {
    match quote {
        None if is_bareword(key) => key.to_string(),
        Some('"') => {
            let mut out = String::from("\"");
            for c in key.chars() {
                if matches!(c, '\\' | '"' | '$' | '@') {
                    out.push('\\');
                }
                out.push(c);
            }
            out.push('"');
            out
        }
        _ => format!("'{}'", key.replace('\\', "\\\\").replace('\'', "\\'")),
    }
}

/// Keys of the hash `target` starting with `partial`, written as the user
/// began them (bare, `'`, `"`), closed with `}` when `close`.
pub(crate) fn complete_key(
    snap: &Snapshot,
    start: usize,
    end: usize,
    target: &KeyTarget,
    partial: &str,
    quote: Option<char>,
    close: bool,
) -> Vec<Suggestion> {
    let (keys, description) = match target {
        KeyTarget::Named(name) => (lookup(&snap.hash_keys, name), name.clone()),
        KeyTarget::Record(sources) => {
            let from_source = sources
                .iter()
                .find_map(|s| lookup(&snap.record_keys, s).map(|k| (k, format!("{s}()"))));
            // Outside a known pipe, `$_` may still be a hashref the shell
            // saw at the prompt.
            match from_source {
                Some((keys, desc)) => (Some(keys), desc),
                None => (lookup(&snap.hash_keys, "$_"), "$_".to_string()),
            }
        }
    };
    let Some(keys) = keys else {
        return Vec::new();
    };
    let span = Span::new(start, end);
    let mut keys: Vec<&String> = keys.iter().filter(|k| k.starts_with(partial)).collect();
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .map(|k| {
            let mut value = key_text(k, quote);
            if close {
                value.push('}');
            }
            perl_token(value, description.clone(), span)
        })
        .collect()
}

/// Methods of `$obj`, or the subs of a package for `Class->`.
pub(crate) fn complete_method(
    snap: &Snapshot,
    start: usize,
    owner: &MethodOwner,
    partial: &str,
) -> Vec<Suggestion> {
    let span = Span::new(start, start + partial.len());
    let (mut names, description): (Vec<&str>, String) = match owner {
        MethodOwner::Object(obj) => {
            let class = snap
                .classes
                .iter()
                .find(|(o, _)| o == obj)
                .map_or_else(|| "method".to_string(), |(_, c)| c.clone());
            let names = lookup(&snap.methods, obj)
                .unwrap_or_default()
                .iter()
                .map(String::as_str)
                .collect();
            (names, class)
        }
        MethodOwner::Class(class) => {
            let prefix = format!("{class}::");
            let names = snap
                .subs
                .iter()
                .filter_map(|s| s.strip_prefix(prefix.as_str()))
                .filter(|m| !m.contains("::"))
                .collect();
            (names, class.clone())
        }
    };
    names.retain(|m| m.starts_with(partial));
    names.sort_unstable();
    names.dedup();
    names
        .into_iter()
        .map(|m| perl_token(m.to_string(), description.clone(), span))
        .collect()
}

/// One `@INC` directory (or a package directory under one), as read.
struct CachedDir {
    mtime: Option<SystemTime>,
    /// Module stems (`Bar` for `Bar.pm`) and package directories, sorted;
    /// `true` marks a directory.
    entries: Vec<(String, bool)>,
}

/// Directory listings under `@INC`, read on demand.
#[derive(Default)]
pub(crate) struct ModuleCache {
    dirs: HashMap<PathBuf, CachedDir>,
}

impl ModuleCache {
    fn entries(&mut self, dir: &Path) -> &[(String, bool)] {
        let mtime = fs::metadata(dir).and_then(|m| m.modified()).ok();
        let stale = self.dirs.get(dir).is_none_or(|c| c.mtime != mtime);
        if stale {
            self.dirs.insert(
                dir.to_path_buf(),
                CachedDir {
                    mtime,
                    entries: read_modules(dir),
                },
            );
        }
        &self.dirs[dir].entries
    }
}

/// Module files and package directories in `dir`; nothing when it cannot
/// be read.
fn read_modules(dir: &Path) -> Vec<(String, bool)> {
    let Ok(read) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, bool)> = read
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let is_dir = fs::metadata(entry.path()).ok()?.is_dir();
            if is_dir {
                is_package_name(&name).then_some((name, true))
            } else {
                let stem = name.strip_suffix(".pm")?;
                is_package_name(stem).then(|| (stem.to_string(), false))
            }
        })
        .collect();
    out.sort();
    out
}

fn is_package_name(s: &str) -> bool {
    s.chars().next().is_some_and(|c| !c.is_ascii_digit()) && s.chars().all(is_ident_char)
}

/// Module names starting with `partial`: `Foo::Bar` for `Foo/Bar.pm`, and
/// `Foo::Bar::` for a directory to go on into. The first `@INC` entry that
/// has a name wins, as it does when Perl loads it.
pub(crate) fn complete_module(
    snap: &Snapshot,
    cache: &mut ModuleCache,
    start: usize,
    partial: &str,
) -> Vec<Suggestion> {
    let span = Span::new(start, start + partial.len());
    // `Foo:` is on its way to `Foo::`.
    let normalized = if partial.ends_with(':') && !partial.ends_with("::") {
        format!("{partial}:")
    } else {
        partial.to_string()
    };
    let (package, leaf, pieces): (&str, &str, Vec<&str>) = match normalized.rfind("::") {
        // `::Foo` leaves an empty piece, which the check below refuses.
        Some(i) => (
            &normalized[..i],
            &normalized[i + 2..],
            normalized[..i].split("::").collect(),
        ),
        None => ("", normalized.as_str(), Vec::new()),
    };
    if leaf.contains(':') || !pieces.iter().all(|p| is_package_name(p)) {
        return Vec::new();
    }
    let rel: PathBuf = pieces.iter().collect();
    let prefix = if package.is_empty() {
        String::new()
    } else {
        format!("{package}::")
    };

    let mut found: BTreeMap<String, (String, bool)> = BTreeMap::new();
    for inc in &snap.inc {
        let dir = Path::new(inc).join(&rel);
        for (name, is_dir) in cache.entries(&dir) {
            if !name.starts_with(leaf) {
                continue;
            }
            let mut value = format!("{prefix}{name}");
            if *is_dir {
                value.push_str("::");
            }
            found
                .entry(value)
                .or_insert_with(|| (dir.display().to_string(), *is_dir));
        }
    }
    found
        .into_iter()
        .map(|(value, (dir, is_dir))| Suggestion {
            value,
            description: Some(dir),
            span,
            append_whitespace: !is_dir,
            ..Suggestion::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{values, TempDir};

    fn snap() -> Snapshot {
        Snapshot {
            variables: ["$foo", "$food", "$bar", "@foo", "@files", "%fh", "$main::x"]
                .map(String::from)
                .to_vec(),
            hash_keys: vec![
                (
                    "%h".into(),
                    vec!["name".into(), "nick".into(), "my key".into(), "42".into()],
                ),
                ("$r".into(), vec!["size".into(), "sum".into()]),
            ],
            methods: vec![(
                "$obj".into(),
                vec!["new".into(), "name".into(), "close".into()],
            )],
            classes: vec![("$obj".into(), "IO::Thing".into())],
            subs: [
                "greet",
                "Foo::Bar::new",
                "Foo::Bar::name",
                "Foo::Bar::Baz::deep",
            ]
            .map(String::from)
            .to_vec(),
            record_keys: vec![(
                "ps".into(),
                vec!["pid".into(), "ppid".into(), "cpu".into(), "cmd".into()],
            )],
            ..Snapshot::default()
        }
    }

    #[test]
    fn variables_by_sigil() {
        let s = snap();
        let got = complete_variable(&s, 6, "$", "fo");
        assert_eq!(values(&got), ["$foo", "$food"]);
        assert_eq!(got[0].span, Span::new(6, 9));
        assert_eq!(got[0].description.as_deref(), Some("scalar"));
        assert_eq!(
            values(&complete_variable(&s, 0, "@", "f")),
            ["@files", "@foo"]
        );
        assert_eq!(values(&complete_variable(&s, 0, "%", "")), ["%fh"]);
        let last = complete_variable(&s, 0, "$#", "fo");
        assert_eq!(values(&last), ["$#foo"]);
        assert_eq!(last[0].span, Span::new(0, 4));
        assert_eq!(
            values(&complete_variable(&s, 0, "$", "main::")),
            ["$main::x"]
        );
    }

    #[test]
    fn keys_bare_quoted_and_closed() {
        let s = snap();
        let h = KeyTarget::Named("%h".into());
        let got = complete_key(&s, 3, 4, &h, "n", None, true);
        assert_eq!(values(&got), ["name}", "nick}"]);
        assert_eq!(got[0].span, Span::new(3, 4));
        let all = complete_key(&s, 3, 3, &h, "", None, false);
        assert_eq!(values(&all), ["42", "'my key'", "name", "nick"]);
        let quoted = complete_key(&s, 3, 6, &h, "my", Some('"'), true);
        assert_eq!(values(&quoted), ["\"my key\"}"]);
        let r = KeyTarget::Named("$r".into());
        assert_eq!(
            values(&complete_key(&s, 0, 1, &r, "s", None, false)),
            ["size", "sum"]
        );
        assert!(
            complete_key(&s, 0, 0, &KeyTarget::Named("%nope".into()), "", None, true).is_empty()
        );
    }

    #[test]
    fn record_keys_by_source() {
        let s = snap();
        let got = complete_key(
            &s,
            0,
            1,
            &KeyTarget::Record(vec!["grep".into(), "ps".into()]),
            "c",
            None,
            true,
        );
        assert_eq!(values(&got), ["cmd}", "cpu}"]);
        assert_eq!(got[0].description.as_deref(), Some("ps()"));
        assert!(complete_key(
            &s,
            0,
            0,
            &KeyTarget::Record(vec!["nope".into()]),
            "",
            None,
            true
        )
        .is_empty());
    }

    #[test]
    fn methods_of_objects_and_classes() {
        let s = snap();
        let got = complete_method(&s, 6, &MethodOwner::Object("$obj".into()), "n");
        assert_eq!(values(&got), ["name", "new"]);
        assert_eq!(got[0].description.as_deref(), Some("IO::Thing"));
        assert_eq!(got[0].span, Span::new(6, 7));
        let class = complete_method(&s, 10, &MethodOwner::Class("Foo::Bar".into()), "");
        assert_eq!(values(&class), ["name", "new"]);
        assert!(complete_method(&s, 0, &MethodOwner::Object("$x".into()), "").is_empty());
    }

    #[test]
    fn modules_from_inc_first_dir_wins() {
        let a = TempDir::new();
        let b = TempDir::new();
        a.file("Foo/Bar.pm");
        a.file("Foo/Baz.pm");
        a.file("Foo/Bar/Deep.pm");
        a.file("Foo/notes.txt");
        a.file("Data.pm");
        b.file("Foo/Bar.pm");
        b.file("Foo/Qux.pm");
        let s = Snapshot {
            inc: vec![
                a.path().display().to_string(),
                "/no/such/inc".into(),
                b.path().display().to_string(),
            ],
            ..Snapshot::default()
        };
        let mut cache = ModuleCache::default();
        let got = complete_module(&s, &mut cache, 4, "Foo::");
        assert_eq!(
            values(&got),
            ["Foo::Bar", "Foo::Bar::", "Foo::Baz", "Foo::Qux"]
        );
        assert_eq!(got[0].span, Span::new(4, 9));
        assert_eq!(
            got[0].description.as_deref(),
            Some(a.path().join("Foo").display().to_string().as_str())
        );
        assert!(got[0].append_whitespace);
        assert!(!got[1].append_whitespace);
        assert_eq!(
            got[3].description.as_deref(),
            Some(b.path().join("Foo").display().to_string().as_str())
        );
        assert_eq!(values(&complete_module(&s, &mut cache, 4, "Fo")), ["Foo::"]);
        assert_eq!(
            values(&complete_module(&s, &mut cache, 4, "Foo:")),
            ["Foo::Bar", "Foo::Bar::", "Foo::Baz", "Foo::Qux"]
        );
        assert_eq!(
            values(&complete_module(&s, &mut cache, 4, "Foo::Bar::")),
            ["Foo::Bar::Deep"]
        );
        assert!(complete_module(&s, &mut cache, 4, "../etc").is_empty());
        assert!(complete_module(&s, &mut cache, 4, "::Foo").is_empty());
        // A module installed after the first look is found: the directory's
        // mtime moved.
        std::thread::sleep(std::time::Duration::from_millis(20));
        a.file("Foo/Zed.pm");
        assert_eq!(
            values(&complete_module(&s, &mut cache, 4, "Foo::Z")),
            ["Foo::Zed"]
        );
    }
}
