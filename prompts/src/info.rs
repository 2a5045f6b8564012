//! The facts a prompt is made from, gathered cheaply before each prompt.

use std::env;
use std::ffi::OsString;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use nix::unistd::{geteuid, gethostname, User};

use crate::git::{find_head, GitHead};

/// Everything the default prompts (and a user's prompt sub) are rendered from.
///
/// Plain data, so that a caller can build one by hand (tests, a Perl binding)
/// and rendering never touches the system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptInfo {
    /// The login name: `$USER`, else the password entry of the effective uid.
    pub user: String,
    /// The host name up to its first dot.
    pub host: String,
    /// The working directory, as the user reached it (`$PWD` when that names
    /// the same directory, so symlinked paths are kept).
    pub cwd: PathBuf,
    /// `$HOME`, else the password entry's home directory.
    pub home: Option<PathBuf>,
    /// The exit status of the last command (`128 + N` for signal N).
    pub last_status: i32,
    /// How long the last command ran; `None` when nothing ran (an empty line).
    pub last_duration: Option<Duration>,
    /// The effective uid is 0.
    pub is_root: bool,
    /// Background jobs the shell is tracking.
    pub jobs: usize,
    /// Whether the prompt may use ANSI colour.
    pub color: bool,
    /// The git branch and state when `cwd` is inside a repository.
    pub git: Option<GitHead>,
}

impl PromptInfo {
    /// Reads user, host, uid, working directory, home and git branch from the
    /// system; the rest is what the shell knows and passes in.
    ///
    /// Costs a few system calls and small file reads (see `git`); the
    /// password database, which may sit behind a slow NSS module, is read at
    /// most once per process and only when `$USER` or `$HOME` is unset.
    pub fn gather(
        last_status: i32,
        last_duration: Option<Duration>,
        jobs: usize,
        color: bool,
    ) -> PromptInfo {
        let home = non_empty_var("HOME")
            .map(PathBuf::from)
            .or_else(|| passwd().map(|p| p.dir.clone()));
        let cwd = working_dir();
        let git = find_head(&cwd, home.as_deref());
        PromptInfo {
            user: non_empty_var("USER")
                .map(|u| u.to_string_lossy().into_owned())
                .or_else(|| passwd().map(|p| p.name.clone()))
                .unwrap_or_else(|| geteuid().to_string()),
            host: short_host(),
            cwd,
            home,
            last_status,
            last_duration,
            is_root: geteuid().is_root(),
            jobs,
            color,
            git,
        }
    }
}

fn non_empty_var(name: &str) -> Option<OsString> {
    env::var_os(name).filter(|v| !v.is_empty())
}

fn passwd() -> Option<&'static User> {
    static ENTRY: OnceLock<Option<User>> = OnceLock::new();
    ENTRY
        .get_or_init(|| User::from_uid(geteuid()).ok().flatten())
        .as_ref()
}

fn short_host() -> String {
    let name = gethostname()
        .map(|h| h.to_string_lossy().into_owned())
        .unwrap_or_default();
    match name.split_once('.') {
        Some((short, _)) => short.to_string(),
        None => name,
    }
}

/// `$PWD` when it is absolute and names the directory we are in, as `cd`
/// through a symlink leaves it; otherwise the kernel's answer. A removed
/// directory still shows its last known name rather than nothing.
fn working_dir() -> PathBuf {
    let real = env::current_dir().ok();
    if let Some(pwd) = env::var_os("PWD").map(PathBuf::from) {
        if pwd.is_absolute() && (real.is_none() || same_dir(&pwd, Path::new("."))) {
            return pwd;
        }
    }
    real.unwrap_or_else(|| PathBuf::from("?"))
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.metadata(), b.metadata()) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gather_fills_what_it_reads_and_keeps_what_it_is_given() {
        let info = PromptInfo::gather(3, Some(Duration::from_secs(5)), 2, false);
        assert_eq!(info.last_status, 3);
        assert_eq!(info.last_duration, Some(Duration::from_secs(5)));
        assert_eq!(info.jobs, 2);
        assert!(!info.color);
        assert!(!info.user.is_empty());
        assert!(!info.host.contains('.'));
        assert!(info.cwd.is_absolute());
        assert_eq!(info.is_root, geteuid().is_root());
    }

    #[test]
    fn cwd_names_the_current_directory() {
        let info = PromptInfo::gather(0, None, 0, false);
        assert!(same_dir(&info.cwd, Path::new(".")));
    }
}
