//! Finding programs, as `exec` does: on the directories of a `PATH`
//! value, or by a path. Shared by the interpreter (`prog(ARGS)` in the
//! shell) and the shell (command lines, the classifier, the highlighter).

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// An executable regular file.
pub fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    match std::fs::metadata(p) {
        Ok(m) => m.is_file() && m.permissions().mode() & 0o111 != 0,
        Err(_) => false,
    }
}

/// Where a program named without a slash is found on `path` (a `PATH`
/// value; an empty entry is the current directory).
pub fn find_in_path(path: &[u8], name: &str) -> Option<PathBuf> {
    if name.is_empty() || name.contains('/') {
        return None;
    }
    path.split(|&b| b == b':').find_map(|dir| {
        let dir = if dir.is_empty() { &b"."[..] } else { dir };
        let p = PathBuf::from(std::ffi::OsStr::from_bytes(dir)).join(name);
        is_executable(&p).then_some(p)
    })
}
