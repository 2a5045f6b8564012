//! `ps()`: the processes, read straight from `/proc` (one `stat`, one
//! `/proc/PID/stat` and one `/proc/PID/cmdline` read per process: a few
//! milliseconds for hundreds of processes, where a general library reads
//! several more files each).

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Read;
use std::os::unix::fs::MetadataExt;

use psh_interp::convert::{to_bytes, to_i64};
use psh_interp::interp::{Interp, Want};
use psh_interp::value::*;

use crate::util::*;
use crate::Command;

/// `ps(FILTER…)`.
pub const COMMAND: Command = Command {
    name: "ps",
    signature: "ps(), ps('-u', USER), ps(user => U, name => N, pid => P, ppid => P, state => S)",
    description: "The processes as PSH::Proc records; their count in scalar context",
    examples: &[
        ("ps()", "every process"),
        ("ps(user => 'root')", "root's processes"),
        ("ps(name => 'sshd')", "processes whose name is sshd"),
        (
            "ps() | grep { $_->{mem} > 100_000_000 } | sort { $b->{cpu} <=> $a->{cpu} }",
            "processes using over 100 MB, busiest first",
        ),
        ("$_->kill for ps(name => 'sleep')", "send TERM to every sleep"),
    ],
    class: Some("PSH::Proc"),
    keys: &[
        ("pid", "process id"),
        ("ppid", "parent's process id"),
        ("user", "effective user name (the uid when it has no name)"),
        ("name", "command name, at most 15 bytes (the kernel's comm)"),
        ("cmd", "full command line, arguments joined by spaces; [name] for kernel threads"),
        ("cpu", "CPU use in percent of one core since the previous ps() call (first call: over the process's life)"),
        ("mem", "resident memory in bytes"),
        ("vsz", "virtual memory size in bytes"),
        ("state", "R running, S sleeping, D disk wait, Z zombie, T stopped, t traced, I idle, X dead"),
        ("started", "start time, epoch seconds"),
        ("threads", "number of threads"),
    ],
    run: ps,
};

/// One process's CPU time at the previous sample.
struct Sample {
    /// Clock ticks since boot when it started: with the pid, tells a reused
    /// pid from the process that had it.
    start: u64,
    /// utime + stime, clock ticks.
    ticks: u64,
}

/// What `ps()` keeps between calls: CPU is a rate, so it needs two
/// samples, and sleeping inside the call to take a second one would make
/// every `ps()` slow. The previous call's sample is the first one.
struct Cache {
    /// When the sample was taken, seconds since boot.
    at: f64,
    procs: HashMap<u32, Sample>,
}

thread_local! {
    static CACHE: RefCell<Option<Cache>> = const { RefCell::new(None) };
    /// Boot time (epoch seconds) and clock ticks per second: fixed for the
    /// life of the process.
    static CONSTS: (i64, f64, u64) = boot_consts();
}

fn boot_consts() -> (i64, f64, u64) {
    let btime = std::fs::read_to_string("/proc/stat")
        .ok()
        .and_then(|s| field(&s, "btime", ' ').and_then(|v| v.parse().ok()))
        .unwrap_or(0);
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    (
        btime,
        if hz > 0 { hz as f64 } else { 100.0 },
        if page > 0 { page as u64 } else { 4096 },
    )
}

/// Seconds since boot, the clock `/proc/PID/stat` start times count on.
fn uptime_now() -> f64 {
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    unsafe { libc::clock_gettime(libc::CLOCK_BOOTTIME, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

/// The fields of `/proc/PID/stat` that records use.
struct Stat {
    comm: Vec<u8>,
    state: u8,
    ppid: i64,
    ticks: u64,
    threads: i64,
    start: u64,
    vsize: u64,
    rss: u64,
}

/// Parse `/proc/PID/stat`. The name sits in parentheses and may itself
/// hold spaces and parentheses, so the fields after it are found from the
/// last `)`.
fn parse_stat(b: &[u8]) -> Option<Stat> {
    let open = b.iter().position(|&c| c == b'(')?;
    let close = b.iter().rposition(|&c| c == b')')?;
    let comm = b.get(open + 1..close)?.to_vec();
    let rest = std::str::from_utf8(b.get(close + 2..)?).ok()?;
    // Field 3 (state) is rest[0]; field N is rest[N - 3].
    let f: Vec<&str> = rest.split_ascii_whitespace().collect();
    let n = |i: usize| -> Option<u64> { f.get(i - 3)?.parse().ok() };
    Some(Stat {
        comm,
        state: *f.first()?.as_bytes().first()?,
        ppid: f.get(1)?.parse().ok()?,
        ticks: n(14)? + n(15)?,
        threads: f.get(20 - 3)?.parse().ok()?,
        start: n(22)?,
        vsize: n(23)?,
        rss: n(24)?,
    })
}

/// What the caller asked to keep.
#[derive(Default)]
struct Filter {
    uid: Option<u32>,
    name: Option<Vec<u8>>,
    pid: Option<u32>,
    ppid: Option<i64>,
    state: Option<u8>,
}

fn set_user(it: &mut Interp, u: &[u8], f: &mut Filter) -> Result<(), psh_interp::interp::Flow> {
    match uid_of(u) {
        Some(id) => {
            f.uid = Some(id);
            Ok(())
        }
        None => Err(it.die_msg(format!("ps: no such user '{}'", String::from_utf8_lossy(u)))),
    }
}

fn parse_filter(it: &mut Interp, a: &[Elem]) -> Result<Filter, psh_interp::interp::Flow> {
    let args = parse_args(it, "ps", a, b"up")?;
    let mut f = Filter::default();
    for (c, v) in &args.flags {
        match (c, v) {
            (b'u', Some(u)) => set_user(it, u, &mut f)?,
            (b'p', Some(p)) => f.pid = Some(to_i64(&bstr(p)) as u32),
            _ => return Err(it.die_msg(format!("ps: unknown option -{}", *c as char))),
        }
    }
    if args.rest.len() % 2 != 0 {
        return Err(it.die_msg("ps: filters come in pairs (user => NAME, name => NAME, pid => N)"));
    }
    for kv in args.rest.chunks(2) {
        let v = &kv[1];
        match &kv[0][..] {
            b"user" | b"uid" => set_user(it, v, &mut f)?,
            b"name" => f.name = Some(v.clone()),
            b"pid" => f.pid = Some(to_i64(&bstr(v)) as u32),
            b"ppid" => f.ppid = Some(to_i64(&bstr(v))),
            b"state" => f.state = v.first().copied(),
            k => {
                return Err(it.die_msg(format!(
                    "ps: unknown filter '{}' (user, name, pid, ppid, state)",
                    String::from_utf8_lossy(k)
                )))
            }
        }
    }
    Ok(f)
}

fn read_into(path: &str, buf: &mut Vec<u8>) -> bool {
    buf.clear();
    match std::fs::File::open(path) {
        Ok(mut f) => f.read_to_end(buf).is_ok(),
        Err(_) => false,
    }
}

/// The native `PSH::Cmd::ps`.
pub fn ps(it: &mut Interp, a: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let filter = parse_filter(it, a)?;
    let (btime, hz, page) = CONSTS.with(|c| *c);
    let now = uptime_now();
    let prev = CACHE.with(|c| c.borrow_mut().take());
    let mut next: HashMap<u32, Sample> =
        HashMap::with_capacity(prev.as_ref().map_or(256, |p| p.procs.len() + 16));
    let mut recs = Vec::new();
    let mut buf = Vec::with_capacity(512);
    let mut path = String::with_capacity(32);
    let dir = match std::fs::read_dir("/proc") {
        Ok(d) => d,
        Err(e) => return Err(it.die_msg(format!("ps: cannot read /proc: {}", os_error(&e)))),
    };
    for ent in dir.flatten() {
        let fname = ent.file_name();
        let Some(pid) = fname.to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        if filter.pid.is_some_and(|p| p != pid) {
            continue;
        }
        // The directory's owner is the process's effective uid.
        path.clear();
        path.push_str("/proc/");
        path.push_str(fname.to_str().unwrap_or_default());
        let Ok(md) = std::fs::metadata(&path) else {
            continue;
        };
        if filter.uid.is_some_and(|u| u != md.uid()) {
            continue;
        }
        let base = path.len();
        path.push_str("/stat");
        // A process that exits between the listing and the read is skipped.
        if !read_into(&path, &mut buf) {
            continue;
        }
        let Some(st) = parse_stat(&buf) else { continue };
        // The sample is kept for every process, filtered out or not, so a
        // later unfiltered call still has a previous sample for each.
        next.insert(
            pid,
            Sample {
                start: st.start,
                ticks: st.ticks,
            },
        );
        if filter.name.as_ref().is_some_and(|n| *n != st.comm)
            || filter.ppid.is_some_and(|p| p != st.ppid)
            || filter.state.is_some_and(|s| s != st.state)
        {
            continue;
        }
        let cpu = match prev
            .as_ref()
            .and_then(|p| p.procs.get(&pid).map(|s| (s, p.at)))
        {
            Some((s, at)) if s.start == st.start && now > at => {
                st.ticks.saturating_sub(s.ticks) as f64 / hz / (now - at) * 100.0
            }
            // New since the last sample, or the first call: the average
            // over its life, as ps(1) shows.
            _ => {
                let life = now - st.start as f64 / hz;
                if life > 0.0 {
                    st.ticks as f64 / hz / life * 100.0
                } else {
                    0.0
                }
            }
        };
        path.truncate(base);
        path.push_str("/cmdline");
        let cmd = if read_into(&path, &mut buf) && !buf.is_empty() {
            while buf.last() == Some(&0) {
                buf.pop();
            }
            for c in buf.iter_mut() {
                if *c == 0 {
                    *c = b' ';
                }
            }
            bstr(&buf)
        } else {
            // Kernel threads and zombies have no command line.
            let mut b = Vec::with_capacity(st.comm.len() + 2);
            b.push(b'[');
            b.extend_from_slice(&st.comm);
            b.push(b']');
            bstr(&b)
        };
        let r = Rec::new(11);
        r.set("pid", Value::Int(pid as i64))
            .set("ppid", Value::Int(st.ppid))
            .set("user", user_name(md.uid()))
            .set("name", bstr(&st.comm))
            .set("cmd", cmd)
            .set("cpu", Value::Num((cpu * 10.0).round() / 10.0))
            .set("mem", Value::Int((st.rss * page) as i64))
            .set("vsz", Value::Int(st.vsize as i64))
            .set("state", bstr(&[st.state]))
            .set("started", Value::Int(btime + (st.start as f64 / hz) as i64))
            .set("threads", Value::Int(st.threads));
        recs.push(r.bless("PSH::Proc"));
    }
    // A call filtered to one pid saw only that one: keep the rest of the
    // previous sample so the next full call still has it.
    if let Some(p) = prev {
        if filter.pid.is_some() || filter.uid.is_some() {
            for (k, v) in p.procs {
                next.entry(k).or_insert(v);
            }
        }
    }
    CACHE.with(|c| {
        *c.borrow_mut() = Some(Cache {
            at: now,
            procs: next,
        })
    });
    records(want, out, recs)
}

/// The number of a signal given as `TERM`, `SIGTERM`, `15` or `-15`.
pub fn signal_number(s: &[u8]) -> Option<i32> {
    let t = std::str::from_utf8(s).ok()?.trim();
    let t = t.strip_prefix('-').unwrap_or(t);
    if let Ok(n) = t.parse::<i32>() {
        return Some(n);
    }
    let up = t.to_ascii_uppercase();
    let full = if up.starts_with("SIG") {
        up
    } else {
        format!("SIG{up}")
    };
    full.parse::<nix::sys::signal::Signal>()
        .ok()
        .map(|s| s as i32)
}

/// `$proc->kill(SIGNAL)`: send SIGNAL (default TERM) to the process;
/// true on success, false with `$!` set otherwise.
pub fn proc_kill(it: &mut Interp, a: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let pid = match a.first().map(|e| e.get()) {
        Some(Value::HashRef(h)) => to_i64(&h.get(b"pid")),
        _ => return Err(it.die_msg("PSH::Proc::kill: call it as a method on a ps() record")),
    };
    let sig = match a.get(1).map(|e| e.get()) {
        None | Some(Value::Undef) => libc::SIGTERM,
        Some(v) => {
            let b = to_bytes(&v).into_owned();
            match signal_number(&b) {
                Some(n) => n,
                None => {
                    return Err(it.die_msg(format!(
                        "PSH::Proc::kill: unknown signal '{}'",
                        String::from_utf8_lossy(&b)
                    )))
                }
            }
        }
    };
    if pid <= 0 {
        return Err(it.die_msg(format!("PSH::Proc::kill: bad pid {pid}")));
    }
    if unsafe { libc::kill(pid as libc::pid_t, sig) } == 0 {
        Ok(Value::Int(1))
    } else {
        it.set_errno_from(&std::io::Error::last_os_error());
        Ok(Value::bytes(b""))
    }
}
