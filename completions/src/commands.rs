//! Command names: programs on `PATH`, psh builtins, subs; and psh's options.
//!
//! Reading every `PATH` directory costs milliseconds to tens of
//! milliseconds, too much for each Tab, so the names are kept in one sorted
//! list and a prefix is a binary search away. The list is rebuilt only when
//! `PATH` itself changes, or when a directory's mtime does (a program was
//! installed or removed), and the mtimes are looked at no more often than
//! every few seconds.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use reedline::{Span, Suggestion};

use crate::Snapshot;

/// Where the completer reads `PATH` from. The default reads the process
/// environment; tests and a shell whose `%ENV` lives elsewhere supply their
/// own.
pub type PathSource = Box<dyn Fn() -> Option<OsString> + Send>;

/// How long the directory mtimes are trusted before they are looked at
/// again.
pub const DEFAULT_RECHECK: Duration = Duration::from_secs(3);

/// The executables found on `PATH`, sorted and without duplicates.
pub(crate) struct ProgramCache {
    source: PathSource,
    recheck: Duration,
    /// `PATH` as it was when `names` was built; `None` before the first scan.
    path: Option<Option<OsString>>,
    dirs: Vec<(PathBuf, Option<SystemTime>)>,
    names: Vec<String>,
    last_check: Option<Instant>,
}

impl ProgramCache {
    pub(crate) fn new(source: PathSource) -> Self {
        ProgramCache {
            source,
            recheck: DEFAULT_RECHECK,
            path: None,
            dirs: Vec::new(),
            names: Vec::new(),
            last_check: None,
        }
    }

    pub(crate) fn set_source(&mut self, source: PathSource) {
        self.source = source;
        self.path = None;
    }

    pub(crate) fn set_recheck(&mut self, recheck: Duration) {
        self.recheck = recheck;
    }

    /// Program names starting with `prefix`, in order.
    pub(crate) fn with_prefix(&mut self, prefix: &str) -> &[String] {
        self.refresh();
        let lo = self.names.partition_point(|n| n.as_str() < prefix);
        let len = self.names[lo..].partition_point(|n| n.starts_with(prefix));
        &self.names[lo..lo + len]
    }

    fn refresh(&mut self) {
        // Reading the variable is cheap; stat-ing every directory is what
        // the recheck interval saves.
        let path = (self.source)();
        if self.path.as_ref() != Some(&path) {
            self.rescan(path);
            return;
        }
        if self.last_check.is_some_and(|t| t.elapsed() < self.recheck) {
            return;
        }
        self.last_check = Some(Instant::now());
        if self.dirs.iter().any(|(dir, mtime)| modified(dir) != *mtime) {
            self.rescan(path);
        }
    }

    fn rescan(&mut self, path: Option<OsString>) {
        self.dirs.clear();
        self.names.clear();
        if let Some(p) = &path {
            for dir in std::env::split_paths(p) {
                // An empty entry means the current directory, which changes
                // under the cache; `./prog` is completed as a path instead.
                if dir.as_os_str().is_empty() || self.dirs.iter().any(|(d, _)| *d == dir) {
                    continue;
                }
                let mtime = modified(&dir);
                scan_dir(&dir, &mut self.names);
                self.dirs.push((dir, mtime));
            }
        }
        self.names.sort_unstable();
        self.names.dedup();
        self.path = Some(path);
        self.last_check = Some(Instant::now());
    }
}

fn modified(dir: &Path) -> Option<SystemTime> {
    fs::metadata(dir).and_then(|m| m.modified()).ok()
}

/// Adds the names of the executable files in `dir`; an unreadable
/// directory adds nothing.
fn scan_dir(dir: &Path, names: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let meta = if kind.is_symlink() {
            fs::metadata(entry.path())
        } else {
            entry.metadata()
        };
        if meta.is_ok_and(|m| is_executable(&m)) {
            names.push(name);
        }
    }
}

/// A regular file someone may execute.
pub(crate) fn is_executable(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// Commands starting with `partial`: builtins, then subs, then programs,
/// a name offered once with the description of the first kind that has it
/// (that is also the one the shell runs). An empty `partial` offers only
/// builtins and subs: thousands of programs are no help.
pub(crate) fn complete_command(
    snap: &Snapshot,
    programs: &mut ProgramCache,
    start: usize,
    partial: &str,
    programs_only: bool,
) -> Vec<Suggestion> {
    let mut found: BTreeMap<String, String> = BTreeMap::new();
    if !programs_only {
        for (name, desc) in &snap.builtins {
            if name.starts_with(partial) {
                found.entry(name.clone()).or_insert_with(|| desc.clone());
            }
        }
        for name in &snap.subs {
            if name.starts_with(partial) {
                found.entry(name.clone()).or_insert_with(|| "sub".into());
            }
        }
    }
    if !partial.is_empty() {
        for name in programs.with_prefix(partial) {
            if !found.contains_key(name) {
                found.insert(name.clone(), "program".into());
            }
        }
    }
    let span = Span::new(start, start + partial.len());
    found
        .into_iter()
        .map(|(value, desc)| Suggestion {
            value,
            description: Some(desc),
            span,
            append_whitespace: true,
            ..Suggestion::default()
        })
        .collect()
}

/// psh's own options starting with `partial`.
pub(crate) fn complete_option(snap: &Snapshot, start: usize, partial: &str) -> Vec<Suggestion> {
    let span = Span::new(start, start + partial.len());
    let mut out: Vec<Suggestion> = snap
        .options
        .iter()
        .filter(|(name, _)| name.starts_with(partial))
        .map(|(name, desc)| Suggestion {
            value: name.clone(),
            description: Some(desc.clone()),
            span,
            append_whitespace: true,
            ..Suggestion::default()
        })
        .collect();
    out.sort_by(|a, b| a.value.cmp(&b.value));
    out.dedup_by(|a, b| a.value == b.value);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::TempDir;

    fn fixed(path: &Path) -> PathSource {
        let p = OsString::from(path);
        Box::new(move || Some(p.clone()))
    }

    #[test]
    fn only_executables_are_programs() {
        let t = TempDir::new();
        t.exec("runme");
        t.file("readme");
        t.dir("subdir");
        let mut cache = ProgramCache::new(fixed(t.path()));
        assert_eq!(cache.with_prefix(""), ["runme"]);
    }

    #[test]
    fn five_thousand_programs_prefix_is_fast_and_right() {
        let t = TempDir::new();
        for i in 0..5000 {
            t.exec(&format!("prog_{i}"));
        }
        t.file("prog_12_not_executable");
        let mut cache = ProgramCache::new(fixed(t.path()));
        let first = Instant::now();
        assert_eq!(cache.with_prefix("zzz").len(), 0);
        let scan = first.elapsed();

        let started = Instant::now();
        let got: Vec<String> = cache.with_prefix("prog_12").to_vec();
        let took = started.elapsed();
        println!("first scan of 5000 programs: {scan:?}; prefix lookup: {took:?}");

        let mut want: Vec<String> = (0..5000)
            .map(|i| format!("prog_{i}"))
            .filter(|n| n.starts_with("prog_12"))
            .collect();
        want.sort();
        assert_eq!(want.len(), 111);
        assert_eq!(got, want);

        // Through the whole command path too, with the snapshot merged in.
        let snap = Snapshot::default();
        let started = Instant::now();
        let sugg = complete_command(&snap, &mut cache, 0, "prog_499", false);
        println!(
            "complete_command over 5000 programs: {:?}",
            started.elapsed()
        );
        let values: Vec<&str> = sugg.iter().map(|s| s.value.as_str()).collect();
        assert_eq!(
            values,
            [
                "prog_499",
                "prog_4990",
                "prog_4991",
                "prog_4992",
                "prog_4993",
                "prog_4994",
                "prog_4995",
                "prog_4996",
                "prog_4997",
                "prog_4998",
                "prog_4999"
            ]
        );
    }

    #[test]
    fn path_change_rescans() {
        let a = TempDir::new();
        let b = TempDir::new();
        a.exec("alpha");
        b.exec("beta");
        let current = std::sync::Arc::new(std::sync::Mutex::new(OsString::from(a.path())));
        let shared = current.clone();
        let mut cache = ProgramCache::new(Box::new(move || Some(shared.lock().unwrap().clone())));
        // A long interval: only the PATH change itself may trigger the rescan.
        cache.set_recheck(Duration::from_secs(3600));
        assert_eq!(cache.with_prefix(""), ["alpha"]);
        *current.lock().unwrap() = std::env::join_paths([a.path(), b.path()]).unwrap();
        assert_eq!(cache.with_prefix(""), ["alpha", "beta"]);
    }

    #[test]
    fn new_program_seen_after_recheck_not_before() {
        let t = TempDir::new();
        t.exec("old");
        let mut cache = ProgramCache::new(fixed(t.path()));
        cache.set_recheck(Duration::from_secs(3600));
        assert_eq!(cache.with_prefix(""), ["old"]);
        // Make the directory's mtime differ for certain, even on coarse
        // clocks.
        std::thread::sleep(Duration::from_millis(20));
        t.exec("new");
        assert_eq!(cache.with_prefix(""), ["old"], "cached within the interval");
        cache.set_recheck(Duration::ZERO);
        assert_eq!(cache.with_prefix(""), ["new", "old"]);
    }

    #[test]
    fn missing_and_duplicate_dirs_are_harmless() {
        let t = TempDir::new();
        t.exec("tool");
        let path = std::env::join_paths([t.path(), Path::new("/no/such/dir"), t.path()]).unwrap();
        let mut cache = ProgramCache::new(Box::new(move || Some(path.clone())));
        assert_eq!(cache.with_prefix("t"), ["tool"]);
        let mut none = ProgramCache::new(Box::new(|| None));
        assert!(none.with_prefix("").is_empty());
    }

    #[test]
    fn builtins_win_over_programs_and_keep_descriptions() {
        let t = TempDir::new();
        t.exec("cd");
        t.exec("cdrecord");
        let mut cache = ProgramCache::new(fixed(t.path()));
        let snap = Snapshot {
            builtins: vec![("cd".into(), "change directory".into())],
            subs: vec!["cdx".into()],
            ..Snapshot::default()
        };
        let got = complete_command(&snap, &mut cache, 0, "cd", false);
        let pairs: Vec<(&str, &str)> = got
            .iter()
            .map(|s| (s.value.as_str(), s.description.as_deref().unwrap()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("cd", "change directory"),
                ("cdrecord", "program"),
                ("cdx", "sub")
            ]
        );
        assert!(got
            .iter()
            .all(|s| s.append_whitespace && s.span == Span::new(0, 2)));

        let forced = complete_command(&snap, &mut cache, 1, "cd", true);
        let pairs: Vec<(&str, &str)> = forced
            .iter()
            .map(|s| (s.value.as_str(), s.description.as_deref().unwrap()))
            .collect();
        assert_eq!(pairs, [("cd", "program"), ("cdrecord", "program")]);
    }
}
