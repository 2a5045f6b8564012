//! `sys()`: the host in one record, from `uname`, `/proc` and
//! `/etc/os-release`.

use std::ffi::CStr;

use psh_interp::interp::{Interp, Want};
use psh_interp::value::*;

use crate::util::*;
use crate::Command;

/// `sys()`.
pub const COMMAND: Command = Command {
    name: "sys",
    signature: "sys()",
    description: "The host as one PSH::Sys record: name, kernel, OS, uptime, load, CPUs, memory",
    examples: &[
        ("sys()", "the host at a glance"),
        ("sys()->{load}[0]", "the one-minute load average"),
        (
            "sprintf '%.0f%%', 100 * (1 - sys()->{mem_available} / sys()->{mem_total})",
            "memory in use",
        ),
    ],
    class: Some("PSH::Sys"),
    keys: &[
        ("host", "host name"),
        ("kernel", "kernel release (uname -r)"),
        ("os", "PRETTY_NAME from /etc/os-release"),
        ("arch", "machine hardware name (uname -m)"),
        ("uptime", "seconds since boot"),
        ("load", "arrayref of the 1, 5 and 15 minute load averages"),
        ("cpus", "CPUs online"),
        ("cpu_model", "model name of the first CPU"),
        ("mem_total", "bytes of RAM"),
        ("mem_free", "bytes of RAM unused"),
        (
            "mem_available",
            "bytes of RAM available to new programs without swapping",
        ),
        ("swap_total", "bytes of swap"),
        ("swap_free", "bytes of swap unused"),
    ],
    run: sys,
};

/// A `/proc/meminfo` line in bytes (the file counts in kB).
fn meminfo(text: &str, key: &str) -> Value {
    match field(text, key, ':').and_then(|v| v.trim_end_matches("kB").trim().parse::<i64>().ok()) {
        Some(kb) => Value::Int(kb * 1024),
        None => Value::Undef,
    }
}

fn cstr(b: &[libc::c_char]) -> Value {
    bstr(unsafe { CStr::from_ptr(b.as_ptr()) }.to_bytes())
}

/// The native `PSH::Cmd::sys`.
pub fn sys(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    unsafe { libc::uname(&mut u) };
    let host = match nix::unistd::gethostname() {
        Ok(h) => {
            use std::os::unix::ffi::OsStrExt;
            bstr(h.as_bytes())
        }
        Err(_) => cstr(&u.nodename),
    };
    let os = std::fs::read_to_string("/etc/os-release")
        .or_else(|_| std::fs::read_to_string("/usr/lib/os-release"))
        .ok()
        .and_then(|t| field(&t, "PRETTY_NAME", '=').map(|v| v.trim_matches('"').to_string()))
        .map(Value::string)
        .unwrap_or_default();
    let uptime = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|t| t.split_whitespace().next()?.parse::<f64>().ok())
        .map(|s| Value::Int(s as i64))
        .unwrap_or_default();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<Value> = load
        .split_whitespace()
        .take(3)
        .map(|x| x.parse::<f64>().map(num).unwrap_or_default())
        .collect();
    let cpus = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    // x86 says "model name"; arm64 has none, so fall back to what it has.
    let model = ["model name", "Model", "cpu model", "Hardware"]
        .iter()
        .find_map(|k| field(&cpuinfo, k, ':'))
        .map(|m| Value::string(m.to_string()))
        .unwrap_or_default();
    let mem = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let r = Rec::new(13);
    r.set("host", host)
        .set("kernel", cstr(&u.release))
        .set("os", os)
        .set("arch", cstr(&u.machine))
        .set("uptime", uptime)
        .set("load", Value::ArrayRef(Array::from_values(load)))
        .set("cpus", Value::Int(cpus as i64))
        .set("cpu_model", model)
        .set("mem_total", meminfo(&mem, "MemTotal"))
        .set("mem_free", meminfo(&mem, "MemFree"))
        .set("mem_available", meminfo(&mem, "MemAvailable"))
        .set("swap_total", meminfo(&mem, "SwapTotal"))
        .set("swap_free", meminfo(&mem, "SwapFree"));
    one(want, out, r.bless("PSH::Sys"))
}
