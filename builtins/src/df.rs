//! `df()`: mounted filesystems with their space, from `/proc/self/mounts`
//! and `statvfs`.

use std::ffi::CString;

use psh_interp::interp::{Interp, Want};
use psh_interp::value::*;

use crate::util::*;
use crate::Command;

/// `df()`.
pub const COMMAND: Command = Command {
    name: "df",
    signature: "df()",
    description: "Mounted filesystems as PSH::Disk records (pseudo filesystems of size 0 left out, as df does)",
    examples: &[
        ("df()", "every real filesystem"),
        ("df() | grep { $_->{use} > 90 }", "filesystems over 90% full"),
    ],
    class: Some("PSH::Disk"),
    keys: &[
        ("fs", "the device or source mounted"),
        ("type", "filesystem type (ext4, xfs, tmpfs…)"),
        ("size", "total size in bytes"),
        ("used", "bytes used"),
        ("avail", "bytes available to unprivileged users"),
        ("use", "percent used, rounded up as df shows it: used / (used + avail)"),
        ("mount", "mount point"),
    ],
    run: df,
};

/// Undo the octal escapes (`\040` for a space) that `/proc/mounts` uses
/// in paths.
fn unescape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'\\'
            && i + 3 < s.len()
            && s[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c))
        {
            out.push((s[i + 1] - b'0') * 64 + (s[i + 2] - b'0') * 8 + (s[i + 3] - b'0'));
            i += 4;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    out
}

/// Space on the filesystem mounted at `mount`: size, used, avail in bytes.
pub fn space(mount: &[u8]) -> Option<(u64, u64, u64)> {
    let c = CString::new(mount).ok()?;
    let mut v: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(c.as_ptr(), &mut v) } != 0 {
        return None;
    }
    let unit = if v.f_frsize > 0 {
        v.f_frsize
    } else {
        v.f_bsize
    } as u64;
    let blocks = v.f_blocks as u64;
    Some((
        blocks * unit,
        blocks.saturating_sub(v.f_bfree as u64) * unit,
        v.f_bavail as u64 * unit,
    ))
}

/// The native `PSH::Cmd::df`.
pub fn df(it: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let text = match std::fs::read("/proc/self/mounts") {
        Ok(t) => t,
        Err(e) => {
            return Err(it.die_msg(format!(
                "df: cannot read /proc/self/mounts: {}",
                os_error(&e)
            )))
        }
    };
    let mut recs = Vec::new();
    for line in text.split(|&c| c == b'\n') {
        let f: Vec<&[u8]> = line.split(|&c| c == b' ').collect();
        if f.len() < 3 {
            continue;
        }
        let (dev, mount, fstype) = (unescape(f[0]), unescape(f[1]), f[2]);
        // Mounts we may not look at (another user's FUSE mount) are left
        // out, as df leaves them out.
        let Some((size, used, avail)) = space(&mount) else {
            continue;
        };
        if size == 0 {
            continue;
        }
        // df's Use%: the share of what non-root users could have, rounded up.
        let total = used + avail;
        let pct = if total == 0 {
            0
        } else {
            (used * 100).div_ceil(total)
        };
        let r = Rec::new(7);
        r.set("fs", bstr(&dev))
            .set("type", bstr(fstype))
            .set("size", Value::Int(size as i64))
            .set("used", Value::Int(used as i64))
            .set("avail", Value::Int(avail as i64))
            .set("use", Value::Int(pct as i64))
            .set("mount", bstr(&mount));
        recs.push(r.bless("PSH::Disk"));
    }
    records(want, out, recs)
}
