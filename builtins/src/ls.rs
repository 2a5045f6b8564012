//! `ls(PATH…)`: files as records, from `lstat`. Directory arguments list
//! their entries, other arguments stand for themselves, as ls(1) does.

use std::ffi::OsStr;
use std::fs::Metadata;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use psh_interp::interp::{Flow, Interp, Want};
use psh_interp::value::*;

use crate::util::*;
use crate::Command;

/// `ls(FLAGS…, PATH…)`.
pub const COMMAND: Command = Command {
    name: "ls",
    signature: "ls(['-a'], ['-R'], ['-d'], PATH…)",
    description: "Files as PSH::File records: a directory's entries, or the named files",
    examples: &[
        ("ls()", "the current directory"),
        ("ls('-a', '/tmp')", "/tmp, hidden files included"),
        (
            "ls('-R', 'src') | grep { $_->{name} =~ /\\.rs$/ }",
            "Rust files under src",
        ),
        (
            "ls() | sort { $b->{size} <=> $a->{size} } | head 5",
            "the five largest files here",
        ),
    ],
    class: Some("PSH::File"),
    keys: &[
        ("name", "file name (the last component)"),
        (
            "path",
            "path to it: the directory argument joined with the name",
        ),
        ("type", "file, dir, link, fifo, socket, block or char"),
        ("size", "size in bytes (of the link itself for symlinks)"),
        ("mode", "permissions as ls -l shows them, e.g. -rw-r--r--"),
        ("perms", "permission bits in octal, e.g. 0644"),
        ("user", "owner's name (the uid when it has no name)"),
        ("group", "group's name (the gid when it has no name)"),
        ("mtime", "last modification, epoch seconds"),
        ("target", "where a symlink points; undef for other files"),
    ],
    run: ls,
};

/// The flags ls() understands.
struct Opts {
    all: bool,
    recursive: bool,
    dir_itself: bool,
}

/// The `type` word of a file.
fn type_name(md: &Metadata) -> &'static str {
    let t = md.file_type();
    if t.is_symlink() {
        "link"
    } else if t.is_dir() {
        "dir"
    } else if t.is_fifo() {
        "fifo"
    } else if t.is_socket() {
        "socket"
    } else if t.is_block_device() {
        "block"
    } else if t.is_char_device() {
        "char"
    } else {
        "file"
    }
}

/// The ten-character mode string of ls -l (`drwxr-sr-t`).
pub fn mode_string(mode: u32) -> String {
    let kind = match mode & libc::S_IFMT {
        libc::S_IFDIR => 'd',
        libc::S_IFLNK => 'l',
        libc::S_IFIFO => 'p',
        libc::S_IFSOCK => 's',
        libc::S_IFBLK => 'b',
        libc::S_IFCHR => 'c',
        _ => '-',
    };
    let mut s = String::with_capacity(10);
    s.push(kind);
    // Each triple: read, write, and execute, whose letter also shows
    // setuid/setgid/sticky (lower case when executable too).
    let special = [
        (libc::S_ISUID, 's'),
        (libc::S_ISGID, 's'),
        (libc::S_ISVTX, 't'),
    ];
    for (i, (bit, letter)) in special.iter().enumerate() {
        let shift = 6 - 3 * i as u32;
        let p = (mode >> shift) & 7;
        s.push(if p & 4 != 0 { 'r' } else { '-' });
        s.push(if p & 2 != 0 { 'w' } else { '-' });
        let x = p & 1 != 0;
        s.push(match (mode & bit != 0, x) {
            (true, true) => *letter,
            (true, false) => letter.to_ascii_uppercase(),
            (false, true) => 'x',
            (false, false) => '-',
        });
    }
    s
}

/// The record of one file.
fn record(name: &[u8], path: &Path, md: &Metadata) -> Value {
    let target = if md.file_type().is_symlink() {
        match std::fs::read_link(path) {
            Ok(t) => bstr(t.as_os_str().as_bytes()),
            Err(_) => Value::Undef,
        }
    } else {
        Value::Undef
    };
    let r = Rec::new(10);
    r.set("name", bstr(name))
        .set("path", bstr(path.as_os_str().as_bytes()))
        .set("type", Value::from_str(type_name(md)))
        .set("size", Value::Int(md.size() as i64))
        .set("mode", Value::string(mode_string(md.mode())))
        .set(
            "perms",
            Value::string(format!("{:04o}", md.mode() & 0o7777)),
        )
        .set("user", user_name(md.uid()))
        .set("group", group_name(md.gid()))
        .set("mtime", Value::Int(md.mtime()))
        .set("target", target);
    r.bless("PSH::File")
}

/// A directory's entries (sorted by name, bytewise as `LC_ALL=C ls`), and
/// with -R its subdirectories, in the same order, for the walk to visit.
fn list_dir(
    it: &mut Interp,
    dir: &Path,
    shown: &[u8],
    o: &Opts,
    recs: &mut Vec<Value>,
) -> Vec<PathBuf> {
    let mut subdirs = Vec::new();
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            warn(
                it,
                format!(
                    "ls: cannot open directory '{}': {}",
                    String::from_utf8_lossy(shown),
                    os_error(&e)
                ),
            );
            return subdirs;
        }
    };
    let mut names: Vec<std::ffi::OsString> = rd
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| o.all || !n.as_bytes().starts_with(b"."))
        .collect();
    names.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    for n in names {
        // "." lists as plain names, as ls does, so paths open from here.
        let path = if dir == Path::new(".") && shown.is_empty() {
            PathBuf::from(&n)
        } else {
            dir.join(&n)
        };
        let Some(md) = lstat_or_warn(it, &path) else {
            continue;
        };
        if o.recursive && md.is_dir() {
            subdirs.push(path.clone());
        }
        recs.push(record(n.as_bytes(), &path, &md));
    }
    subdirs
}

/// An ls() in progress: the records of the file arguments, then one
/// directory at a time, so an object pipe can take `ls("-R", …)` batch by
/// batch instead of waiting for the whole tree.
pub struct Walk {
    o: Opts,
    /// Records ready to hand out (the file arguments, or `-d`'s ".").
    ready: Vec<Value>,
    /// Directories still to list, the next one last; each with the text
    /// its messages name it by.
    pending: Vec<(PathBuf, Vec<u8>)>,
}

/// Fewer records than this in one batch: small directories are joined, so
/// a walk over many tiny ones does not pay a pipeline step for each.
const WALK_BATCH: usize = 4096;

impl Walk {
    /// Start a walk with ls()'s arguments (flags, then paths).
    pub fn new(it: &mut Interp, a: &[Elem]) -> Result<Walk, Flow> {
        let args = parse_args(it, "ls", a, b"")?;
        let mut o = Opts {
            all: false,
            recursive: false,
            dir_itself: false,
        };
        for (c, _) in &args.flags {
            match c {
                b'a' | b'A' => o.all = true,
                b'R' => o.recursive = true,
                b'd' => o.dir_itself = true,
                // Flags that only change ls(1)'s text output mean nothing
                // for records; accepting them keeps `ls("-la")` working.
                b'l' | b'h' | b'1' => {}
                _ => return Err(it.die_msg(format!("ls: unknown option -{}", *c as char))),
            }
        }
        let mut w = Walk {
            o,
            ready: Vec::new(),
            pending: Vec::new(),
        };
        if args.rest.is_empty() {
            if w.o.dir_itself {
                if let Ok(md) = std::fs::symlink_metadata(".") {
                    w.ready.push(record(b".", Path::new("."), &md));
                }
            } else {
                w.pending.push((PathBuf::from("."), Vec::new()));
            }
            return Ok(w);
        }
        // Files first, then directories, as ls(1) prints them.
        let mut dirs = Vec::new();
        for arg in args.rest {
            let path = Path::new(OsStr::from_bytes(&arg));
            let Some(md) = lstat_or_warn(it, path) else {
                continue;
            };
            // A symlink to a directory named as an argument is followed, as
            // ls(1) does without -l.
            let is_dir = md.is_dir()
                || (md.file_type().is_symlink()
                    && std::fs::metadata(path).is_ok_and(|m| m.is_dir()));
            if is_dir && !w.o.dir_itself {
                dirs.push((path.to_path_buf(), arg.clone()));
            } else {
                let name = path
                    .file_name()
                    .map(|n| n.as_bytes())
                    .unwrap_or(arg.as_slice());
                w.ready.push(record(name, path, &md));
            }
        }
        dirs.reverse();
        w.pending = dirs;
        Ok(w)
    }

    /// The next records, in ls -R order; `None` when the walk is over.
    pub fn next_batch(&mut self, it: &mut Interp) -> Option<Vec<Value>> {
        let mut recs = std::mem::take(&mut self.ready);
        while recs.len() < WALK_BATCH {
            let Some((dir, shown)) = self.pending.pop() else {
                break;
            };
            let subdirs = list_dir(it, &dir, &shown, &self.o, &mut recs);
            // Depth first, each directory's subdirectories in name order.
            for d in subdirs.into_iter().rev() {
                let shown = d.as_os_str().as_bytes().to_vec();
                self.pending.push((d, shown));
            }
        }
        (!recs.is_empty()).then_some(recs)
    }
}

/// The native `PSH::Cmd::ls`.
pub fn ls(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let mut walk = Walk::new(it, a)?;
    let mut recs = Vec::new();
    while let Some(batch) = walk.next_batch(it) {
        recs.extend(batch);
    }
    records(want, out, recs)
}

/// `lstat` of `path`; a failure is ls's warning, not an error of the whole
/// listing.
fn lstat_or_warn(it: &mut Interp, path: &Path) -> Option<std::fs::Metadata> {
    match std::fs::symlink_metadata(path) {
        Ok(md) => Some(md),
        Err(e) => {
            let shown = path.to_string_lossy();
            warn(it, format!("ls: cannot access '{shown}': {}", os_error(&e)));
            None
        }
    }
}
