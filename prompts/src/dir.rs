//! The working directory as the prompt shows it.
//!
//! Rules, in order:
//! - a directory inside `$HOME` is written from `~` (`~`, `~/src/psh`); a
//!   home of `/` is ignored, since every path would then start with `~`;
//! - when the result is wider than [`MAX_DIR_WIDTH`] characters and has more
//!   than [`KEEP_COMPONENTS`] components after its anchor, the middle goes:
//!   `~/…/c/d/e` inside home, `…/c/d/e` elsewhere. The `~` is kept because
//!   "am I under home?" is the first thing the eye wants; a leading `/` would
//!   only cost a column;
//! - control characters become `?` (see `text::printable`).

use crate::text::printable;
use std::path::{Component, Path};

/// Above this many characters the directory is shortened.
pub const MAX_DIR_WIDTH: usize = 40;

/// How many trailing components a shortened directory keeps.
pub const KEEP_COMPONENTS: usize = 3;

/// `cwd` for the prompt: `~` for `home`, shortened when long (see the module
/// documentation for the exact rules).
pub fn display_dir(cwd: &Path, home: Option<&Path>) -> String {
    let home = home.filter(|h| h.components().any(|c| matches!(c, Component::Normal(_))));
    let (anchor, rest) = match home.and_then(|h| cwd.strip_prefix(h).ok()) {
        Some(rest) => ("~", rest),
        None => match cwd.strip_prefix("/") {
            Ok(rest) => ("/", rest),
            Err(_) => ("", cwd),
        },
    };
    let parts: Vec<String> = rest
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(printable(&s.to_string_lossy()).into_owned()),
            Component::ParentDir => Some("..".to_string()),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => None,
        })
        .collect();

    let full = join(anchor, &parts);
    if full.chars().count() <= MAX_DIR_WIDTH || parts.len() <= KEEP_COMPONENTS {
        return full;
    }
    let tail = parts[parts.len() - KEEP_COMPONENTS..].join("/");
    if anchor == "~" {
        format!("~/…/{tail}")
    } else {
        format!("…/{tail}")
    }
}

fn join(anchor: &str, parts: &[String]) -> String {
    let body = parts.join("/");
    match anchor {
        "" => body,
        "/" => format!("/{body}"),
        _ if body.is_empty() => anchor.to_string(),
        _ => format!("{anchor}/{body}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(cwd: &str, home: Option<&str>) -> String {
        display_dir(Path::new(cwd), home.map(Path::new))
    }

    #[test]
    fn home_becomes_tilde() {
        assert_eq!(show("/home/al", Some("/home/al")), "~");
        assert_eq!(show("/home/al/src/psh", Some("/home/al")), "~/src/psh");
        assert_eq!(show("/home/al/src", Some("/home/al/")), "~/src");
    }

    #[test]
    fn a_sibling_sharing_the_home_prefix_is_not_home() {
        assert_eq!(show("/home/alice/x", Some("/home/al")), "/home/alice/x");
    }

    #[test]
    fn outside_home_or_without_home_stays_absolute() {
        assert_eq!(show("/usr/share", Some("/home/al")), "/usr/share");
        assert_eq!(show("/", Some("/home/al")), "/");
        assert_eq!(show("/usr/share", None), "/usr/share");
    }

    #[test]
    fn a_root_home_is_ignored() {
        assert_eq!(show("/etc", Some("/")), "/etc");
    }

    #[test]
    fn long_paths_keep_their_last_components() {
        let deep = "/home/al/projects/clients/acme-corporation/backend/services/billing";
        assert_eq!(show(deep, Some("/home/al")), "~/…/backend/services/billing");
        let abs = "/var/lib/containers/storage/overlay/abcdef0123456789/diff/usr";
        assert_eq!(show(abs, None), "…/abcdef0123456789/diff/usr");
    }

    #[test]
    fn long_but_shallow_paths_are_left_whole() {
        let wide = "/srv/a-directory-name-well-over-forty-characters-long/x";
        assert_eq!(show(wide, None), wide);
    }

    #[test]
    fn paths_at_the_limit_are_left_whole() {
        // Exactly MAX_DIR_WIDTH characters with many components.
        let p = "/aaaaaaaaa/bbbbbbbbb/ccccccccc/ddddddddd";
        assert_eq!(p.chars().count(), MAX_DIR_WIDTH);
        assert_eq!(show(p, None), p);
        let over = "/aaaaaaaaa/bbbbbbbbb/ccccccccc/dddddddddd";
        assert_eq!(show(over, None), "…/bbbbbbbbb/ccccccccc/dddddddddd");
    }

    #[test]
    fn control_characters_in_names_are_neutralised() {
        assert_eq!(show("/tmp/evil\x1b[2J\n", None), "/tmp/evil?[2J?");
    }
}
