//! File names, relative to the current directory or `~`.
//!
//! The word is replaced whole, so what the user typed (escapes, an open
//! quote) is read into the plain name it stands for, the name is completed
//! on disk, and the result is written back in the same style: a word the
//! user began with `'` or `"` stays in that quote, any other word gets
//! backslash escapes, as in bash and zsh. A leading `~/` is looked up as the
//! home directory but written back as typed.

use std::fs;
use std::path::Path;

use reedline::{Span, Suggestion};

use crate::commands::is_executable;

/// How the word at the cursor is quoted, decided by its first character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Bare,
    Single,
    Double,
}

/// The word as typed, read back to the name it stands for.
#[derive(Debug, PartialEq, Eq)]
struct Typed {
    value: String,
    style: Style,
    tilde: bool,
}

fn parse(raw: &str) -> Typed {
    let style = match raw.chars().next() {
        Some('\'') => Style::Single,
        Some('"') => Style::Double,
        _ => Style::Bare,
    };
    let mut value = String::with_capacity(raw.len());
    let mut quote: Option<char> = None;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, '\\') => value.extend(chars.next()),
            (None, '\'' | '"') => quote = Some(c),
            (Some('\''), '\'') | (Some('"'), '"') => quote = None,
            (Some('"'), '\\') => match chars.peek() {
                Some(&n @ ('\\' | '"' | '$' | '@' | '`')) => {
                    value.push(n);
                    chars.next();
                }
                _ => value.push('\\'),
            },
            _ => value.push(c),
        }
    }
    // Only an unquoted `~` expands; `'~/x'` names a directory called `~`.
    let tilde = raw == "~" || raw.starts_with("~/");
    Typed {
        value,
        style,
        tilde,
    }
}

/// Characters that would end or change a bare word.
fn needs_escape(c: char, first: bool) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\'' | '"'
                | '\\'
                | '$'
                | '@'
                | '&'
                | '|'
                | ';'
                | '<'
                | '>'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '*'
                | '?'
                | '!'
                | '#'
                | '`'
                | ','
                | '^'
        )
        || (first && matches!(c, '~' | '%'))
}

fn single_quoted(text: &str, close: bool) -> String {
    let mut out = String::from("'");
    out.push_str(&text.replace('\'', "'\\''"));
    if close {
        out.push('\'');
    }
    out
}

/// Writes `text` back in `style`; `keep` leading bytes (a `~/`) are left as
/// they are. `close` ends an open quote: a directory leaves it open so the
/// next Tab can go on inside it.
fn requote(text: &str, style: Style, keep: usize, close: bool) -> String {
    let (head, rest) = text.split_at(keep);
    let mut out = head.to_string();
    match style {
        // A control character has no readable backslash form; quote it.
        Style::Bare if rest.chars().any(char::is_control) => {
            out.push_str(&single_quoted(rest, true));
        }
        Style::Bare => {
            for (i, c) in rest.char_indices() {
                if needs_escape(c, i == 0 && keep == 0) {
                    out.push('\\');
                }
                out.push(c);
            }
        }
        Style::Single => out.push_str(&single_quoted(rest, close)),
        Style::Double => {
            out.push('"');
            for c in rest.chars() {
                if matches!(c, '\\' | '"' | '$' | '@' | '`') {
                    out.push('\\');
                }
                out.push(c);
            }
            if close {
                out.push('"');
            }
        }
    }
    out
}

/// Completes the path word `raw` that starts at byte `start`. In command
/// position (`executables_only`) only directories and executables are
/// offered.
pub(crate) fn complete_path(
    raw: &str,
    start: usize,
    cwd: &Path,
    home: Option<&Path>,
    executables_only: bool,
) -> Vec<Suggestion> {
    let span = Span::new(start, start + raw.len());
    let typed = parse(raw);
    if raw == "~" {
        return match home {
            Some(_) => vec![Suggestion {
                value: "~/".into(),
                span,
                append_whitespace: false,
                ..Suggestion::default()
            }],
            None => Vec::new(),
        };
    }
    let value = typed.value.as_str();
    let (dir_part, name_part) = match value.rfind('/') {
        Some(i) => value.split_at(i + 1),
        None => ("", value),
    };
    let lookup = if typed.tilde {
        let Some(home) = home else {
            return Vec::new();
        };
        home.join(&dir_part[2..])
    } else if dir_part.is_empty() {
        cwd.to_path_buf()
    } else {
        // An absolute `dir_part` replaces `cwd` in the join.
        cwd.join(dir_part)
    };
    let Ok(entries) = fs::read_dir(&lookup) else {
        return Vec::new();
    };
    let show_hidden = name_part.starts_with('.');
    let keep = if typed.tilde && typed.style == Style::Bare {
        2
    } else {
        0
    };

    let mut found: Vec<(String, bool)> = entries
        .flatten()
        .filter_map(|entry| {
            // A name that is not UTF-8 cannot be written into the line.
            let name = entry.file_name().into_string().ok()?;
            if !name.starts_with(name_part) || (name.starts_with('.') && !show_hidden) {
                return None;
            }
            // Follows symlinks: a link to a directory completes like one.
            let meta = fs::metadata(entry.path()).ok();
            let is_dir = meta.as_ref().is_some_and(fs::Metadata::is_dir);
            if executables_only && !is_dir && !meta.as_ref().is_some_and(is_executable) {
                return None;
            }
            Some((name, is_dir))
        })
        .collect();
    found.sort();

    found
        .into_iter()
        .map(|(name, is_dir)| {
            let mut text = format!("{dir_part}{name}");
            if is_dir {
                text.push('/');
            }
            Suggestion {
                value: requote(&text, typed.style, keep, !is_dir),
                span,
                append_whitespace: !is_dir,
                ..Suggestion::default()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{values, TempDir};

    #[test]
    fn parse_reads_quotes_and_escapes() {
        assert_eq!(parse("My\\ Fi").value, "My Fi");
        assert_eq!(parse("'My Fi").value, "My Fi");
        assert_eq!(parse("'My Fi").style, Style::Single);
        assert_eq!(parse("\"a\\$b").value, "a$b");
        assert_eq!(parse("\"a\\$b").style, Style::Double);
        assert_eq!(parse("'it'\\''s'").value, "it's");
        assert_eq!(parse("it'\\''s").value, "it\\s");
        assert!(parse("~/x").tilde);
        assert!(!parse("'~/x").tilde);
    }

    #[test]
    fn requote_round_trips_through_parse() {
        for name in [
            "plain",
            "My File",
            "it's",
            "a$b@c",
            "x(y)",
            "tab\there",
            "~home",
            "ü ö",
        ] {
            for style in [Style::Bare, Style::Single, Style::Double] {
                let q = requote(name, style, 0, true);
                assert_eq!(parse(&q).value, name, "{name:?} as {q:?}");
            }
        }
        assert_eq!(requote("My File", Style::Bare, 0, true), "My\\ File");
        assert_eq!(requote("~/My Dir/", Style::Bare, 2, false), "~/My\\ Dir/");
        assert_eq!(requote("My Dir/", Style::Single, 0, false), "'My Dir/");
    }

    #[test]
    fn files_and_dirs_in_cwd() {
        let t = TempDir::new();
        t.file("notes.txt");
        t.dir("notebooks");
        t.file("other");
        let got = complete_path("no", 4, t.path(), None, false);
        assert_eq!(values(&got), ["notebooks/", "notes.txt"]);
        assert!(!got[0].append_whitespace);
        assert!(got[1].append_whitespace);
        assert!(got.iter().all(|s| s.span == Span::new(4, 6)));
    }

    #[test]
    fn names_with_spaces_are_escaped_or_kept_in_the_users_quote() {
        let t = TempDir::new();
        t.file("My File.txt");
        t.dir("My Dir");
        let bare = complete_path("My", 4, t.path(), None, false);
        assert_eq!(values(&bare), ["My\\ Dir/", "My\\ File.txt"]);
        let escaped = complete_path("My\\ F", 4, t.path(), None, false);
        assert_eq!(values(&escaped), ["My\\ File.txt"]);
        assert_eq!(escaped[0].span, Span::new(4, 9));
        let single = complete_path("'My Fi", 4, t.path(), None, false);
        assert_eq!(values(&single), ["'My File.txt'"]);
        assert_eq!(single[0].span, Span::new(4, 10));
        let double = complete_path("\"My", 4, t.path(), None, false);
        assert_eq!(values(&double), ["\"My Dir/", "\"My File.txt\""]);
    }

    #[test]
    fn hidden_only_when_asked() {
        let t = TempDir::new();
        t.file(".hidden");
        t.file("shown");
        assert_eq!(
            values(&complete_path("", 0, t.path(), None, false)),
            ["shown"]
        );
        assert_eq!(
            values(&complete_path(".h", 0, t.path(), None, false)),
            [".hidden"]
        );
    }

    #[test]
    fn subdirectories_and_absolute_paths() {
        let t = TempDir::new();
        t.file("src/main.rs");
        t.file("src/lib.rs");
        assert_eq!(
            values(&complete_path("src/m", 0, t.path(), None, false)),
            ["src/main.rs"]
        );
        let abs = format!("{}/src/l", t.path().display());
        let got = complete_path(&abs, 0, Path::new("/"), None, false);
        assert_eq!(values(&got), [format!("{}/src/lib.rs", t.path().display())]);
    }

    #[test]
    fn tilde_is_expanded_for_lookup_and_kept_in_the_word() {
        let home = TempDir::new();
        home.file("Documents/report.pdf");
        home.dir("Downloads");
        let cwd = TempDir::new();
        let got = complete_path("~/Do", 3, cwd.path(), Some(home.path()), false);
        assert_eq!(values(&got), ["~/Documents/", "~/Downloads/"]);
        assert_eq!(got[0].span, Span::new(3, 7));
        let got = complete_path("~/Documents/r", 0, cwd.path(), Some(home.path()), false);
        assert_eq!(values(&got), ["~/Documents/report.pdf"]);
        assert_eq!(
            values(&complete_path("~", 0, cwd.path(), Some(home.path()), false)),
            ["~/"]
        );
        assert!(complete_path("~/Do", 0, cwd.path(), None, false).is_empty());
    }

    #[test]
    fn command_position_offers_executables_and_dirs() {
        let t = TempDir::new();
        t.exec("script.sh");
        t.file("scratch.txt");
        t.dir("scripts");
        let got = complete_path("./scr", 0, t.path(), None, true);
        assert_eq!(values(&got), ["./script.sh", "./scripts/"]);
    }

    #[test]
    fn missing_directory_gives_nothing() {
        let t = TempDir::new();
        assert!(complete_path("nope/x", 0, t.path(), None, false).is_empty());
    }

    #[test]
    fn non_ascii_names() {
        let t = TempDir::new();
        t.file("résumé café.txt");
        let got = complete_path("rés", 2, t.path(), None, false);
        assert_eq!(values(&got), ["résumé\\ café.txt"]);
        assert_eq!(got[0].span, Span::new(2, 2 + "rés".len()));
    }
}
