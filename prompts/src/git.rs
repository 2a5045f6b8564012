//! The git branch of the working directory, read from the repository's files.
//!
//! A prompt is drawn after every command, so starting `git` each time (tens of
//! milliseconds, more on a cold cache or a slow disk) is not acceptable. What
//! the prompt needs is in two or three small files: `.git` (a directory, or a
//! file pointing at one for worktrees and submodules), `HEAD`, and the
//! markers git leaves while a rebase, merge, cherry-pick, revert or bisect is
//! under way. The cost is one `stat` per directory walked up, one small read
//! for `HEAD`, and a few `stat`s for the state markers.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::text::printable;

/// What the prompt shows about the repository around the working directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitHead {
    /// The checked-out branch without `refs/heads/`; a ref outside
    /// `refs/heads/` keeps its full name; a detached HEAD gives its first 7
    /// hex digits.
    pub branch: String,
    /// True when HEAD names a commit rather than a branch.
    pub detached: bool,
    /// An operation git has left unfinished, if any.
    pub state: Option<GitState>,
}

/// An operation in progress in the repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GitState {
    /// `git rebase` (either back end).
    Rebase,
    /// `git am` applying mailed patches.
    Am,
    /// A merge stopped on conflicts.
    Merge,
    /// A cherry-pick stopped on conflicts.
    CherryPick,
    /// A revert stopped on conflicts.
    Revert,
    /// `git bisect`.
    Bisect,
}

impl GitState {
    /// The upper-case word shown after the branch: `REBASE`, `AM`, `MERGING`,
    /// `CHERRY-PICKING`, `REVERTING`, `BISECTING` (the words git's own
    /// `git-prompt.sh` made familiar).
    pub fn as_str(self) -> &'static str {
        match self {
            GitState::Rebase => "REBASE",
            GitState::Am => "AM",
            GitState::Merge => "MERGING",
            GitState::CherryPick => "CHERRY-PICKING",
            GitState::Revert => "REVERTING",
            GitState::Bisect => "BISECTING",
        }
    }
}

impl fmt::Display for GitHead {
    /// `main`, `a1b2c3d`, or `main|REBASE` while an operation is under way.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&printable(&self.branch))?;
        if let Some(state) = self.state {
            write!(f, "|{}", state.as_str())?;
        }
        Ok(())
    }
}

/// The repository state for `cwd`, or `None` outside a repository (or when
/// its `HEAD` cannot be read).
///
/// Walks up from `cwd` to the filesystem root, except that a `cwd` inside
/// `home` stops at `home`: the directories above it belong to nobody's
/// project, and on network home directories each extra `stat` can be slow.
pub fn find_head(cwd: &Path, home: Option<&Path>) -> Option<GitHead> {
    let git_dir = find_git_dir(cwd, home)?;
    read_head(&git_dir)
}

fn find_git_dir(cwd: &Path, home: Option<&Path>) -> Option<PathBuf> {
    let stop = home.filter(|h| cwd.starts_with(h));
    let mut dir = cwd;
    loop {
        let dot_git = dir.join(".git");
        if let Ok(meta) = fs::metadata(&dot_git) {
            if meta.is_dir() {
                return Some(dot_git);
            }
            if meta.is_file() {
                return read_gitdir_file(&dot_git, dir);
            }
        }
        if stop == Some(dir) {
            return None;
        }
        dir = dir.parent()?;
    }
}

/// Follows a `.git` file (`gitdir: PATH`), as written for worktrees and
/// submodules. A relative `PATH` is relative to the directory holding the
/// file, which is how git writes submodules' files.
fn read_gitdir_file(file: &Path, dir: &Path) -> Option<PathBuf> {
    let text = fs::read_to_string(file).ok()?;
    let target = text.lines().next()?.strip_prefix("gitdir:")?.trim();
    if target.is_empty() {
        return None;
    }
    Some(dir.join(target))
}

fn read_head(git_dir: &Path) -> Option<GitHead> {
    let text = fs::read_to_string(git_dir.join("HEAD")).ok()?;
    let head = text.trim();
    let (mut branch, detached) = if let Some(name) = head.strip_prefix("ref:") {
        (branch_name(name.trim()), false)
    } else if head.len() >= 7 && head.bytes().all(|b| b.is_ascii_hexdigit()) {
        (head[..7].to_string(), true)
    } else {
        return None;
    };
    let state = state(git_dir);
    // During a rebase HEAD is detached on the commit being replayed; the
    // branch being rebased is the useful name, and git records it.
    if detached && state == Some(GitState::Rebase) {
        for dir in ["rebase-merge", "rebase-apply"] {
            if let Ok(name) = fs::read_to_string(git_dir.join(dir).join("head-name")) {
                let name = name.trim();
                if name.starts_with("refs/") {
                    branch = branch_name(name);
                    break;
                }
            }
        }
    }
    Some(GitHead {
        branch,
        detached,
        state,
    })
}

fn branch_name(full: &str) -> String {
    full.strip_prefix("refs/heads/").unwrap_or(full).to_string()
}

fn state(git_dir: &Path) -> Option<GitState> {
    let exists = |name: &str| git_dir.join(name).exists();
    if exists("rebase-merge") {
        Some(GitState::Rebase)
    } else if exists("rebase-apply") {
        // `git am` and the old apply-based rebase share the directory; am
        // leaves an `applying` marker in it.
        if exists("rebase-apply/applying") {
            Some(GitState::Am)
        } else {
            Some(GitState::Rebase)
        }
    } else if exists("MERGE_HEAD") {
        Some(GitState::Merge)
    } else if exists("CHERRY_PICK_HEAD") {
        Some(GitState::CherryPick)
    } else if exists("REVERT_HEAD") {
        Some(GitState::Revert)
    } else if exists("BISECT_LOG") {
        Some(GitState::Bisect)
    } else {
        None
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fresh directory under the system temp dir, removed on drop.
    pub(crate) struct TempDir(pub PathBuf);

    impl TempDir {
        pub(crate) fn new() -> TempDir {
            static N: AtomicUsize = AtomicUsize::new(0);
            let path = std::env::temp_dir().join(format!(
                "psh-prompts-test-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            ));
            let _ = fs::remove_dir_all(&path);
            fs::create_dir_all(&path).unwrap();
            TempDir(path)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn write(path: &Path, text: &str) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    const SHA: &str = "0123456789abcdef0123456789abcdef01234567";

    #[test]
    fn branch_from_a_git_directory_found_from_a_subdirectory() {
        let t = TempDir::new();
        write(&t.0.join("repo/.git/HEAD"), "ref: refs/heads/main\n");
        let sub = t.0.join("repo/src/deep");
        fs::create_dir_all(&sub).unwrap();
        let head = find_head(&sub, None).unwrap();
        assert_eq!(head.branch, "main");
        assert!(!head.detached);
        assert_eq!(head.state, None);
        assert_eq!(head.to_string(), "main");
    }

    #[test]
    fn slashes_in_branch_names_survive() {
        let t = TempDir::new();
        write(&t.0.join(".git/HEAD"), "ref: refs/heads/feature/prompts\n");
        assert_eq!(find_head(&t.0, None).unwrap().branch, "feature/prompts");
    }

    #[test]
    fn detached_head_shows_seven_hex_digits() {
        let t = TempDir::new();
        write(&t.0.join(".git/HEAD"), &format!("{SHA}\n"));
        let head = find_head(&t.0, None).unwrap();
        assert_eq!(head.branch, "0123456");
        assert!(head.detached);
    }

    #[test]
    fn gitdir_file_with_a_relative_path() {
        let t = TempDir::new();
        write(
            &t.0.join("super/.git/modules/sub/HEAD"),
            "ref: refs/heads/sub-branch\n",
        );
        write(&t.0.join("super/sub/.git"), "gitdir: ../.git/modules/sub\n");
        let inside = t.0.join("super/sub/lib");
        fs::create_dir_all(&inside).unwrap();
        assert_eq!(find_head(&inside, None).unwrap().branch, "sub-branch");
    }

    #[test]
    fn gitdir_file_with_an_absolute_path() {
        let t = TempDir::new();
        let wt_git = t.0.join("main/.git/worktrees/wt");
        write(&wt_git.join("HEAD"), "ref: refs/heads/prompts\n");
        write(
            &t.0.join("wt/.git"),
            &format!("gitdir: {}\n", wt_git.display()),
        );
        assert_eq!(find_head(&t.0.join("wt"), None).unwrap().branch, "prompts");
    }

    #[test]
    fn rebase_shows_the_branch_being_rebased() {
        let t = TempDir::new();
        write(&t.0.join(".git/HEAD"), &format!("{SHA}\n"));
        write(
            &t.0.join(".git/rebase-merge/head-name"),
            "refs/heads/topic\n",
        );
        let head = find_head(&t.0, None).unwrap();
        assert_eq!(head.state, Some(GitState::Rebase));
        assert_eq!(head.to_string(), "topic|REBASE");
    }

    #[test]
    fn merge_and_am_states() {
        let t = TempDir::new();
        write(&t.0.join(".git/HEAD"), "ref: refs/heads/main\n");
        write(&t.0.join(".git/MERGE_HEAD"), SHA);
        assert_eq!(find_head(&t.0, None).unwrap().to_string(), "main|MERGING");
        fs::remove_file(t.0.join(".git/MERGE_HEAD")).unwrap();
        write(&t.0.join(".git/rebase-apply/applying"), "");
        assert_eq!(find_head(&t.0, None).unwrap().to_string(), "main|AM");
    }

    #[test]
    fn no_repository_means_none() {
        let t = TempDir::new();
        // Home is the temp dir itself, so the walk cannot wander into
        // whatever repository might enclose the system temp dir.
        let sub = t.0.join("a/b");
        fs::create_dir_all(&sub).unwrap();
        assert_eq!(find_head(&sub, Some(&t.0)), None);
    }

    #[test]
    fn the_walk_stops_at_home() {
        let t = TempDir::new();
        write(&t.0.join(".git/HEAD"), "ref: refs/heads/dotfiles\n");
        let home = t.0.join("home");
        let inside = home.join("src");
        fs::create_dir_all(&inside).unwrap();
        assert_eq!(find_head(&inside, Some(&home)), None);
        // Without the home boundary the enclosing repository is found.
        assert_eq!(find_head(&inside, None).unwrap().branch, "dotfiles");
    }

    #[test]
    fn garbage_head_means_none() {
        let t = TempDir::new();
        write(&t.0.join(".git/HEAD"), "not a head\n");
        assert_eq!(find_head(&t.0, Some(&t.0)), None);
    }
}
