//! What the editor's highlighter and validator ask about command words,
//! answered from the completion snapshot (they run on the editor's side,
//! away from the interpreter).

use std::os::unix::ffi::OsStrExt;
use std::sync::Arc;

use crate::cmd_lex::{CommandLookup, CommandWord, Place};
use crate::cmdline::{self, Known, LineKind};

struct SnapshotKnown {
    snap: psh_completions::Shared,
}

impl Known for SnapshotKnown {
    fn is_sub(&self, name: &str) -> bool {
        let Ok(s) = self.snap.read() else {
            return false;
        };
        !s.builtins.iter().any(|(b, _)| b == name) && s.subs.iter().any(|x| x == name)
    }
    fn is_builtin(&self, name: &str) -> bool {
        let Ok(s) = self.snap.read() else {
            return false;
        };
        s.builtins.iter().any(|(b, _)| b == name)
    }
    fn is_program(&self, name: &str) -> bool {
        if name.contains('/') {
            let p = match name.strip_prefix("~/") {
                Some(rest) => match crate::exec::expand::home_of(None) {
                    Some(h) => std::path::PathBuf::from(std::ffi::OsStr::from_bytes(&h)).join(rest),
                    None => return false,
                },
                None => std::path::PathBuf::from(name),
            };
            return crate::shell::is_executable(&p);
        }
        let path = std::env::var_os("PATH").unwrap_or_default();
        crate::shell::find_in_path(path.as_bytes(), name).is_some()
    }
}

/// The lookup the highlighter and validator share.
pub fn command_lookup(snap: psh_completions::Shared) -> CommandLookup {
    let known = SnapshotKnown { snap };
    Arc::new(move |text: &str, place: Place| lookup_with(&known, text, place))
}

/// The answer for `text` at `place`, from any source of names.
pub fn lookup_with(known: &dyn Known, text: &str, place: Place) -> Option<CommandWord> {
    let (start, end) = cmdline::first_word(text)?;
    let word = text.get(start..end)?;
    match place {
        Place::Line => {
            if cmdline::classify(text, known) == LineKind::Command {
                let exists = known.is_builtin(word) || known.is_program(word);
                return Some(CommandWord { start, end, exists });
            }
            // A lone unknown word is about to be "command not found".
            let rest = text[end..].trim();
            let plain = word
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '+'));
            (plain
                && (rest.is_empty() || rest.starts_with('-'))
                && !cmdline::is_perl_keyword(word)
                && !known.is_sub(word))
            .then_some(CommandWord {
                start,
                end,
                exists: false,
            })
        }
        Place::Stage => {
            let rest = text[end..].trim_start();
            if rest.starts_with('{') && matches!(word, "grep" | "map" | "sort" | "first" | "any") {
                return None;
            }
            let exists = known.is_builtin(word) || known.is_program(word);
            Some(CommandWord { start, end, exists })
        }
    }
}
