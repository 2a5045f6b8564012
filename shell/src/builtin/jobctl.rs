//! Job control: `jobs`, `fg`, `bg`, `disown`, `wait`.

use super::Builtin;
use crate::shell::Shell;

pub const JOBS: Builtin = Builtin {
    name: "jobs",
    usage: "jobs [-l]",
    description: "list background and stopped jobs (-l: with process ids)",
    run: jobs,
};
pub const FG: Builtin = Builtin {
    name: "fg",
    usage: "fg [%JOB]",
    description: "continue a job in the foreground",
    run: fg,
};
pub const BG: Builtin = Builtin {
    name: "bg",
    usage: "bg [%JOB]",
    description: "continue a stopped job in the background",
    run: bg,
};
pub const DISOWN: Builtin = Builtin {
    name: "disown",
    usage: "disown [%JOB]",
    description: "forget a job: the shell no longer waits for it or warns about it",
    run: disown,
};
pub const WAIT: Builtin = Builtin {
    name: "wait",
    usage: "wait [%JOB | PID]",
    description: "wait for a job (or all jobs) to finish",
    run: wait,
};

fn jobs(sh: &mut Shell, args: &[String]) -> i32 {
    sh.jobs.poll();
    let long = args.iter().any(|a| a == "-l");
    let cur = sh.jobs.find(None).ok();
    for j in &sh.jobs.list {
        let mark = if Some(j.id) == cur { '+' } else { ' ' };
        if long {
            let pids: Vec<String> = j.procs.iter().map(|p| p.pid.to_string()).collect();
            println!(
                "[{}]{mark} {} {:<10} {}",
                j.id,
                pids.join(","),
                j.state_word(),
                j.text
            );
        } else {
            println!("[{}]{mark}  {:<10} {}", j.id, j.state_word(), j.text);
        }
    }
    0
}

fn pick(sh: &mut Shell, b: &Builtin, args: &[String]) -> Result<usize, i32> {
    sh.jobs.poll();
    if args.len() > 1 {
        return Err(super::usage(b, "too many arguments"));
    }
    sh.jobs.find(args.first().map(|s| s.as_str())).map_err(|e| {
        eprintln!("psh: {}: {e}", b.name);
        1
    })
}

fn fg(sh: &mut Shell, args: &[String]) -> i32 {
    let id = match pick(sh, &FG, args) {
        Ok(i) => i,
        Err(s) => return s,
    };
    let text = sh.jobs.get(id).map(|j| j.text.clone()).unwrap_or_default();
    println!("{text}");
    match sh.jobs.resume(id, true) {
        Some((st, raw, stopped)) => {
            if stopped {
                sh.jobs.report_stopped(id);
            }
            sh.set_status(st, raw)
        }
        None => 1,
    }
}

fn bg(sh: &mut Shell, args: &[String]) -> i32 {
    let id = match pick(sh, &BG, args) {
        Ok(i) => i,
        Err(s) => return s,
    };
    let text = sh.jobs.get(id).map(|j| j.text.clone()).unwrap_or_default();
    sh.jobs.resume(id, false);
    println!("[{id}]+ {text} &");
    0
}

fn disown(sh: &mut Shell, args: &[String]) -> i32 {
    let id = match pick(sh, &DISOWN, args) {
        Ok(i) => i,
        Err(s) => return s,
    };
    sh.jobs.list.retain(|j| j.id != id);
    0
}

fn wait(sh: &mut Shell, args: &[String]) -> i32 {
    let ids: Vec<usize> = match args.first() {
        None => sh.jobs.list.iter().map(|j| j.id).collect(),
        Some(a) if a.starts_with('%') => match sh.jobs.find(Some(a)) {
            Ok(i) => vec![i],
            Err(e) => {
                eprintln!("psh: wait: {e}");
                return 127;
            }
        },
        Some(a) => match a.parse::<i32>() {
            Ok(pid) => {
                let found = sh
                    .jobs
                    .list
                    .iter()
                    .find(|j| j.procs.iter().any(|p| p.pid.as_raw() == pid))
                    .map(|j| j.id);
                match found {
                    Some(i) => vec![i],
                    None => {
                        eprintln!("psh: wait: pid {pid} is not a child of this shell");
                        return 127;
                    }
                }
            }
            Err(_) => return super::usage(&WAIT, "expected %JOB or a process id"),
        },
    };
    let mut st = 0;
    for id in ids {
        let (s, raw, _) = sh.jobs.wait_fg(id);
        st = sh.set_status(s, raw);
    }
    st
}

/// `kill [-SIG] %JOB…` typed as a line: signal jobs by number, as shells
/// do. (`kill` is otherwise Perl's, which takes process ids.) `None` when
/// the line is not of that shape.
pub fn kill_jobs(sh: &mut Shell, line: &str) -> Option<i32> {
    let mut words = line.split_whitespace();
    if words.next() != Some("kill") {
        return None;
    }
    let mut sig = nix::sys::signal::Signal::SIGTERM;
    let mut specs = Vec::new();
    for w in words {
        let w = w.trim_end_matches(';');
        if let Some(spec) = w.strip_prefix('%') {
            specs.push(format!("%{spec}"));
        } else if let Some(name) = w.strip_prefix('-') {
            sig = match name.parse::<i32>() {
                Ok(n) => nix::sys::signal::Signal::try_from(n).ok()?,
                Err(_) => {
                    let up = name.to_ascii_uppercase();
                    let full = if up.starts_with("SIG") {
                        up
                    } else {
                        format!("SIG{up}")
                    };
                    full.parse().ok()?
                }
            };
        } else {
            return None;
        }
    }
    if specs.is_empty() {
        return None;
    }
    sh.jobs.poll();
    let mut st = 0;
    for spec in specs {
        match sh.jobs.find(Some(&spec)) {
            Ok(id) => {
                let pgid = sh.jobs.get(id).map(|j| j.pgid);
                if let Some(pg) = pgid {
                    if let Err(e) = nix::sys::signal::killpg(pg, sig) {
                        eprintln!("psh: kill: {spec}: {}", e.desc());
                        st = 1;
                    } else if sig != nix::sys::signal::Signal::SIGCONT {
                        // A stopped job must run to act on the signal.
                        let _ = nix::sys::signal::killpg(pg, nix::sys::signal::Signal::SIGCONT);
                    }
                }
            }
            Err(e) => {
                eprintln!("psh: kill: {e}");
                st = 1;
            }
        }
    }
    Some(sh.set_status(st, st << 8))
}
