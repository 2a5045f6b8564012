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
        // The shell keeps the process's PATH equal to `$ENV{PATH}` at each
        // prompt (repl.rs), so the editor can read it here.
        let path = std::env::var_os("PATH").unwrap_or_default();
        crate::shell::program_exists(path.as_bytes(), name)
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
            (crate::shell::is_command_word(word)
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
