//! Running command lines: pipelines of programs joined by OS pipes (the
//! bytes never pass through psh), built-in commands and Perl stages run
//! in the shell's own process with their descriptors redirected, `&&`,
//! `||`, `;` and `&`.

pub mod expand;

use std::ffi::OsStr;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;

use nix::fcntl::OFlag;
use nix::unistd::{self, Pid};

use crate::cmdline::{AndOr, CommandList, Connector, Pipeline, RedirOp, SimpleCommand, Stage};
use crate::shell::Shell;

/// Run a parsed command line. Returns the status of the last pipeline run.
pub fn run_list(sh: &mut Shell, list: &CommandList, text: &str) -> i32 {
    let mut status = sh.last_status;
    for item in &list.items {
        status = if item.background {
            run_background(sh, &item.and_or, text)
        } else {
            run_and_or(sh, &item.and_or, text)
        };
        if sh.exit_requested.is_some() || sh.interrupted {
            break;
        }
    }
    status
}

fn run_and_or(sh: &mut Shell, ao: &AndOr, text: &str) -> i32 {
    let mut status = run_pipeline(sh, &ao.first, text, false);
    for (conn, p) in &ao.rest {
        if sh.exit_requested.is_some() || sh.interrupted {
            break;
        }
        let run = match conn {
            Connector::And => status == 0,
            Connector::Or => status != 0,
        };
        if run {
            status = run_pipeline(sh, p, text, false);
        }
    }
    status
}

fn run_background(sh: &mut Shell, ao: &AndOr, text: &str) -> i32 {
    if ao.rest.is_empty() {
        return run_pipeline(sh, &ao.first, text, true);
    }
    // `a && b &`: a copy of the shell runs the list as one background job
    // (its own process group; the programs it starts join that group).
    sh.it.flush_all();
    // SAFETY: the other thread of the process only waits for this one, so
    // no lock it could hold is needed in the child, which runs the list
    // and leaves with _exit.
    match unsafe { unistd::fork() } {
        Ok(unistd::ForkResult::Child) => {
            let _ = unistd::setpgid(Pid::from_raw(0), Pid::from_raw(0));
            sh.jobs.term = None;
            sh.jobs.list.clear();
            sh.interactive = false;
            let st = run_and_or(sh, ao, text);
            sh.it.flush_all();
            unsafe { libc::_exit(st) }
        }
        Ok(unistd::ForkResult::Parent { child }) => {
            if sh.jobs.job_control() {
                let _ = unistd::setpgid(child, child);
            }
            let id = sh.jobs.add(child, vec![child], text.trim().to_string());
            if sh.interactive {
                eprintln!("[{id}] {child}");
            }
            sh.set_status(0, 0)
        }
        Err(e) => {
            eprintln!("psh: fork: {}", e.desc());
            sh.set_status(1, 1 << 8)
        }
    }
}

/// Where a stage's standard descriptor goes: inherited from the shell, or a
/// descriptor of its own.
type Fds = [Option<OwnedFd>; 3];

fn dup_fd(fd: RawFd) -> Result<OwnedFd, String> {
    let n = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 10) };
    if n < 0 {
        return Err(format!("{fd}: {}", std::io::Error::last_os_error()));
    }
    Ok(unsafe { OwnedFd::from_raw_fd(n) })
}

fn clone_fd(fds: &Fds, n: usize) -> Result<OwnedFd, String> {
    match &fds[n] {
        Some(f) => f.try_clone().map_err(|e| e.to_string()),
        None => dup_fd(n as RawFd),
    }
}

/// Apply a command's redirections, in order, on top of `fds`.
fn redirect(sh: &mut Shell, cmd: &SimpleCommand, fds: &mut Fds) -> Result<(), String> {
    for r in &cmd.redirs {
        let fd = r.fd as usize;
        if fd > 2 {
            return Err(format!("redirecting descriptor {fd} is not supported"));
        }
        let open = |sh: &mut Shell, w, flags: OFlag| -> Result<OwnedFd, String> {
            let path = expand::expand_one(sh, w)?;
            let p = OsStr::from_bytes(&path);
            nix::fcntl::open(
                p,
                flags | OFlag::O_CLOEXEC,
                nix::sys::stat::Mode::from_bits_truncate(0o666),
            )
            .map_err(|e| format!("{}: {}", p.to_string_lossy(), e.desc()))
        };
        match &r.op {
            RedirOp::In(w) => fds[fd] = Some(open(sh, w, OFlag::O_RDONLY)?),
            RedirOp::Out(w) => {
                fds[fd] = Some(open(
                    sh,
                    w,
                    OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_TRUNC,
                )?)
            }
            RedirOp::Append(w) => {
                fds[fd] = Some(open(
                    sh,
                    w,
                    OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_APPEND,
                )?)
            }
            RedirOp::OutErr(w) => {
                let f = open(sh, w, OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_TRUNC)?;
                fds[2] = Some(f.try_clone().map_err(|e| e.to_string())?);
                fds[1] = Some(f);
            }
            RedirOp::Dup(src) => {
                let src = *src as usize;
                if src > 2 {
                    return Err(format!("{src}: bad file descriptor"));
                }
                fds[fd] = Some(clone_fd(fds, src)?);
            }
        }
    }
    Ok(())
}

/// How one stage will run.
enum Plan {
    External {
        argv: Vec<Vec<u8>>,
        env: Vec<(String, Vec<u8>)>,
    },
    Builtin(Vec<Vec<u8>>),
    Alias(Vec<Vec<u8>>),
    Perl(String),
}

fn plan(sh: &mut Shell, stage: &Stage) -> Result<Plan, String> {
    let cmd = match stage {
        Stage::Perl(src) => return Ok(Plan::Perl(src.clone())),
        Stage::Command(c) => c,
    };
    let argv = expand::expand_words(sh, &cmd.words)?;
    let Some(name) = argv.first() else {
        return Err("missing command".into());
    };
    let name_s = String::from_utf8_lossy(name).into_owned();
    if !cmd.force_program && cmd.assigns.is_empty() {
        if sh.aliases.contains_key(&name_s) {
            return Ok(Plan::Alias(argv));
        }
        if crate::builtin::find(&name_s).is_some() {
            return Ok(Plan::Builtin(argv));
        }
    }
    let mut env = Vec::new();
    for (k, w) in &cmd.assigns {
        env.push((k.clone(), expand::expand_one(sh, w).unwrap_or_default()));
    }
    Ok(Plan::External { argv, env })
}

/// Run one pipeline; `background` for `&`.
pub fn run_pipeline(sh: &mut Shell, p: &Pipeline, text: &str, background: bool) -> i32 {
    sh.it.flush_all();
    let n = p.stages.len();
    let mut plans = Vec::with_capacity(n);
    for s in &p.stages {
        match plan(sh, s) {
            Ok(pl) => plans.push(pl),
            Err(e) => {
                eprintln!("psh: {e}");
                return sh.set_status(1, 1 << 8);
            }
        }
    }
    // A lone built-in, alias or Perl stage runs in the shell itself (so `cd`
    // changes the shell's directory), with its redirections applied to the
    // shell's own descriptors while it runs.
    if n == 1 && !matches!(plans[0], Plan::External { .. }) && !background {
        let mut fds: Fds = [None, None, None];
        if let Stage::Command(c) = &p.stages[0] {
            if let Err(e) = redirect(sh, c, &mut fds) {
                eprintln!("psh: {e}");
                return sh.set_status(1, 1 << 8);
            }
        }
        let plan = plans.pop().unwrap();
        let st = with_fds(sh, fds, |sh| run_in_shell(sh, plan));
        return sh.set_status(st, (st & 0xff) << 8);
    }

    // Pipes between the stages, made up front.
    let mut stage_fds: Vec<Fds> = (0..n).map(|_| [None, None, None]).collect();
    for i in 0..n.saturating_sub(1) {
        let (r, w) = match unistd::pipe2(OFlag::O_CLOEXEC) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("psh: pipe: {}", e.desc());
                return sh.set_status(1, 1 << 8);
            }
        };
        stage_fds[i][1] = Some(w);
        stage_fds[i + 1][0] = Some(r);
    }
    for (i, s) in p.stages.iter().enumerate() {
        if let Stage::Command(c) = s {
            if let Err(e) = redirect(sh, c, &mut stage_fds[i]) {
                eprintln!("psh: {e}");
                return sh.set_status(1, 1 << 8);
            }
        }
    }
    let job_control = sh.jobs.job_control();
    let mut pgid: Option<Pid> = None;
    let mut pids = Vec::new();
    let mut in_shell = Vec::new();
    let mut last_status: Option<i32> = None;
    for (i, (plan, fds)) in plans.into_iter().zip(stage_fds).enumerate() {
        match plan {
            Plan::External { argv, env } => {
                match spawn(sh, &argv, &env, fds, pgid, job_control, background) {
                    Ok(pid) => {
                        if pgid.is_none() {
                            pgid = Some(pid);
                        }
                        pids.push(pid);
                    }
                    Err((msg, code)) => {
                        eprintln!("psh: {msg}");
                        if i == n - 1 {
                            last_status = Some(code);
                        }
                    }
                }
            }
            other => in_shell.push((i, other, fds)),
        }
    }
    if let Some(pg) = pgid {
        if !background {
            sh.jobs.give_terminal(pg);
        }
    }
    // In-shell stages run while the programs run, reading and writing their
    // pipes; each one's descriptors close when it is done, so the next
    // program sees end of file.
    for (i, plan, fds) in in_shell {
        if background {
            eprintln!("psh: a built-in or Perl stage cannot run in the background");
            continue;
        }
        let st = with_fds(sh, fds, |sh| run_in_shell(sh, plan));
        if i == n - 1 {
            last_status = Some(st);
        }
    }
    let Some(pg) = pgid else {
        let st = last_status.unwrap_or(0);
        return sh.set_status(st, (st & 0xff) << 8);
    };
    let id = sh.jobs.add(pg, pids.clone(), text.trim().to_string());
    if background {
        if sh.interactive {
            eprintln!("[{id}] {}", pids.last().map(|p| p.as_raw()).unwrap_or(0));
        }
        return sh.set_status(0, 0);
    }
    let (st, raw, stopped) = sh.jobs.wait_fg(id);
    sh.jobs.take_terminal();
    if stopped {
        sh.jobs.report_stopped(id);
        return sh.set_status(st, (st & 0xff) << 8);
    }
    if st > 128 && !matches!(st - 128, libc::SIGINT | libc::SIGPIPE) {
        eprintln!("{}", crate::jobs::signal_name(st - 128));
    }
    if st == 128 + libc::SIGINT && sh.interactive {
        eprintln!();
    }
    match last_status {
        // The last stage ran in the shell: its status is the pipeline's.
        Some(s) if !matches!(p.stages.last(), Some(Stage::Command(_))) || s != 0 => {
            sh.set_status(s, (s & 0xff) << 8)
        }
        _ => sh.set_status(st, raw),
    }
}

/// Spawn a program. `pgid`: the job's process group (None: this is its
/// first process, which leads a new group).
fn spawn(
    sh: &mut Shell,
    argv: &[Vec<u8>],
    env: &[(String, Vec<u8>)],
    fds: Fds,
    pgid: Option<Pid>,
    job_control: bool,
    background: bool,
) -> Result<Pid, (String, i32)> {
    let name = OsStr::from_bytes(&argv[0]);
    let shown = name.to_string_lossy().into_owned();
    // Found here once (std would search PATH again for a bare name).
    let program = if argv[0].contains(&b'/') {
        std::path::PathBuf::from(name)
    } else {
        crate::shell::find_program(sh, &shown)
            .ok_or_else(|| (format!("command not found: {shown}"), 127))?
    };
    let mut c = std::process::Command::new(program);
    c.arg0(name);
    c.args(argv[1..].iter().map(|a| OsStr::from_bytes(a)));
    let [i, o, e] = fds;
    if let Some(f) = i {
        c.stdin(f);
    }
    if let Some(f) = o {
        c.stdout(f);
    }
    if let Some(f) = e {
        c.stderr(f);
    }
    if job_control {
        let group = pgid.map(|p| p.as_raw()).unwrap_or(0);
        let fg = !background;
        // SAFETY: only async-signal-safe calls between fork and exec. Both
        // the child and the parent set the group and the terminal, so
        // neither order of running after fork races (glibc manual).
        unsafe {
            c.pre_exec(move || {
                let me = libc::getpid();
                let g = if group == 0 { me } else { group };
                libc::setpgid(0, g);
                if fg {
                    libc::tcsetpgrp(libc::STDIN_FILENO, g);
                }
                Ok(())
            });
        }
    }
    // After the job-control hook: that one must run while SIGTTOU is still
    // ignored (a new background group calling tcsetpgrp), and this one
    // restores the default dispositions.
    sh.it.child_env(&mut c);
    for (k, v) in env {
        c.env(k, OsStr::from_bytes(v));
    }
    match c.spawn() {
        Ok(child) => {
            let pid = Pid::from_raw(child.id() as i32);
            if job_control {
                let g = pgid.unwrap_or(pid);
                let _ = unistd::setpgid(pid, g);
            }
            // Dropping the handle neither waits nor kills: the job table
            // reaps the process.
            drop(child);
            Ok(pid)
        }
        Err(e) => {
            let code = match e.kind() {
                std::io::ErrorKind::NotFound => 127,
                _ => 126,
            };
            let msg = match e.raw_os_error() {
                Some(libc::EACCES) => "permission denied".to_string(),
                Some(libc::ENOENT) => "no such file or directory".to_string(),
                Some(libc::EISDIR) => "is a directory".to_string(),
                Some(libc::ENOEXEC) => "exec format error".to_string(),
                _ => e.to_string(),
            };
            Err((format!("{shown}: {msg}"), code))
        }
    }
}

/// `$(…)`: run a command line with its standard output going into a pipe
/// that a thread drains (so any amount of output fits), and return what
/// it wrote.
pub fn capture(sh: &mut Shell, text: &str) -> Vec<u8> {
    let (r, w) = match unistd::pipe2(OFlag::O_CLOEXEC) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("psh: pipe: {}", e.desc());
            return Vec::new();
        }
    };
    let reader = std::thread::spawn(move || {
        use std::io::Read;
        let mut f = std::fs::File::from(r);
        let mut out = Vec::new();
        let _ = f.read_to_end(&mut out);
        out
    });
    with_fds(sh, [None, Some(w), None], |sh| sh.run_command_line(text));
    reader.join().unwrap_or_default()
}

/// Run `f` with the shell's descriptors 0, 1 and 2 replaced by `fds` (where
/// given), restoring them afterwards.
fn with_fds(sh: &mut Shell, fds: Fds, f: impl FnOnce(&mut Shell) -> i32) -> i32 {
    sh.it.flush_all();
    let mut saved: Vec<(RawFd, OwnedFd)> = Vec::new();
    for (n, fd) in fds.iter().enumerate() {
        if let Some(fd) = fd {
            if let Ok(s) = dup_fd(n as RawFd) {
                saved.push((n as RawFd, s));
                unsafe {
                    libc::dup2(fd.as_raw_fd(), n as RawFd);
                }
            }
        }
    }
    drop(fds);
    let st = f(sh);
    sh.it.flush_all();
    use std::io::Write;
    let _ = std::io::stdout().flush();
    for (n, s) in saved {
        unsafe {
            libc::dup2(s.as_raw_fd(), n);
        }
    }
    st
}

fn run_in_shell(sh: &mut Shell, plan: Plan) -> i32 {
    match plan {
        Plan::Builtin(argv) => crate::builtin::run(sh, &argv),
        Plan::Alias(argv) => sh.call_alias(&argv),
        Plan::Perl(src) => sh.perl_stage(&src),
        Plan::External { .. } => unreachable!("external stages are spawned"),
    }
}
