//! Jobs and the terminal, as the glibc manual's "Implementing a Job Control
//! Shell" describes: each pipeline is a process group; the foreground one
//! owns the terminal; the shell takes it back when the job ends or stops,
//! and restores its own terminal modes.

use nix::sys::signal::{self, SigHandler, Signal};
use nix::sys::termios::{self, Termios};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::{self, Pid};

/// What the shell knows about its terminal when it does job control.
pub struct Terminal {
    pub shell_pgid: Pid,
    pub modes: Option<Termios>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcState {
    Running,
    Stopped,
    /// Finished, with the shell-style status (exit code, or 128+signal).
    Done(i32),
}

#[derive(Debug)]
pub struct Proc {
    pub pid: Pid,
    pub state: ProcState,
    /// The raw wait status when done (for perl's `$?`).
    pub raw: i32,
}

#[derive(Debug)]
pub struct Job {
    /// The number users type after `%`.
    pub id: usize,
    pub pgid: Pid,
    pub procs: Vec<Proc>,
    /// The command line as typed.
    pub text: String,
    pub notified: bool,
}

impl Job {
    pub fn is_done(&self) -> bool {
        self.procs
            .iter()
            .all(|p| matches!(p.state, ProcState::Done(_)))
    }
    pub fn is_stopped(&self) -> bool {
        !self.is_done()
            && self
                .procs
                .iter()
                .all(|p| !matches!(p.state, ProcState::Running))
    }
    /// The pipeline's status: its last process's.
    pub fn status(&self) -> (i32, i32) {
        match self.procs.last() {
            Some(Proc {
                state: ProcState::Done(s),
                raw,
                ..
            }) => (*s, *raw),
            _ => (0, 0),
        }
    }
    pub fn state_word(&self) -> &'static str {
        if self.is_done() {
            "Done"
        } else if self.is_stopped() {
            "Stopped"
        } else {
            "Running"
        }
    }
}

#[derive(Default)]
pub struct Jobs {
    pub list: Vec<Job>,
    /// The terminal, when this shell does job control (interactive, with a
    /// terminal on stdin).
    pub term: Option<Terminal>,
}

impl Jobs {
    /// Take control of the terminal: own process group in the foreground,
    /// job-control signals ignored. Returns false when stdin is no terminal.
    pub fn init_job_control(&mut self) -> bool {
        if !unistd::isatty(std::io::stdin()).unwrap_or(false) {
            return false;
        }
        // Wait until we are in the foreground (a shell started in the
        // background stops itself until it is brought forward).
        loop {
            let fg = unistd::tcgetpgrp(std::io::stdin());
            let me = unistd::getpgrp();
            match fg {
                Ok(p) if p == me => break,
                Ok(_) => {
                    let _ = signal::killpg(me, Signal::SIGTTIN);
                }
                Err(_) => return false,
            }
        }
        unsafe {
            for s in [
                Signal::SIGQUIT,
                Signal::SIGTSTP,
                Signal::SIGTTIN,
                Signal::SIGTTOU,
            ] {
                let _ = signal::signal(s, SigHandler::SigIgn);
            }
        }
        let pid = unistd::getpid();
        if unistd::getpgrp() != pid {
            let _ = unistd::setpgid(pid, pid);
        }
        let _ = unistd::tcsetpgrp(std::io::stdin(), pid);
        let modes = termios::tcgetattr(std::io::stdin()).ok();
        self.term = Some(Terminal {
            shell_pgid: pid,
            modes,
        });
        psh_interp::signals::SHELL_SIGNALS.store(true, std::sync::atomic::Ordering::Relaxed);
        true
    }

    pub fn job_control(&self) -> bool {
        self.term.is_some()
    }

    fn next_id(&self) -> usize {
        self.list.iter().map(|j| j.id).max().unwrap_or(0) + 1
    }

    pub fn add(&mut self, pgid: Pid, pids: Vec<Pid>, text: String) -> usize {
        let id = self.next_id();
        self.list.push(Job {
            id,
            pgid,
            procs: pids
                .into_iter()
                .map(|pid| Proc {
                    pid,
                    state: ProcState::Running,
                    raw: 0,
                })
                .collect(),
            text,
            notified: false,
        });
        id
    }

    pub fn get(&self, id: usize) -> Option<&Job> {
        self.list.iter().find(|j| j.id == id)
    }

    /// The job a `%N`/`%+`/`%-`/`%name` spec (or none: the current job)
    /// names.
    pub fn find(&self, spec: Option<&str>) -> Result<usize, String> {
        let live: Vec<&Job> = self.list.iter().filter(|j| !j.is_done()).collect();
        let cur = || {
            live.iter()
                .rev()
                .find(|j| j.is_stopped())
                .or(live.last())
                .map(|j| j.id)
        };
        let r = match spec {
            None | Some("%") | Some("%%") | Some("%+") => cur(),
            Some("%-") => live.iter().rev().nth(1).map(|j| j.id),
            Some(s) => {
                let s = s.strip_prefix('%').unwrap_or(s);
                if let Ok(n) = s.parse::<usize>() {
                    live.iter().find(|j| j.id == n).map(|j| j.id)
                } else {
                    live.iter()
                        .rev()
                        .find(|j| j.text.starts_with(s))
                        .map(|j| j.id)
                }
            }
        };
        r.ok_or_else(|| format!("{}: no such job", spec.unwrap_or("%")))
    }

    /// Record a wait status for the process it belongs to.
    pub fn record(&mut self, st: WaitStatus) {
        let (pid, state, raw) = match st {
            WaitStatus::Exited(pid, code) => (pid, ProcState::Done(code), (code & 0xff) << 8),
            WaitStatus::Signaled(pid, sig, core) => (
                pid,
                ProcState::Done(128 + sig as i32),
                sig as i32 | if core { 0x80 } else { 0 },
            ),
            WaitStatus::Stopped(pid, _) => (pid, ProcState::Stopped, 0),
            WaitStatus::Continued(pid) => (pid, ProcState::Running, 0),
            _ => return,
        };
        for j in &mut self.list {
            for p in &mut j.procs {
                if p.pid == pid {
                    p.state = state;
                    p.raw = raw;
                    if state == ProcState::Stopped {
                        j.notified = false;
                    }
                }
            }
        }
    }

    /// Wait for a foreground job until it ends or stops. Returns its
    /// shell-style and raw statuses, and whether it stopped.
    pub fn wait_fg(&mut self, id: usize) -> (i32, i32, bool) {
        loop {
            let Some(job) = self.get(id) else {
                return (0, 0, false);
            };
            if job.is_done() {
                let st = job.status();
                self.list.retain(|j| j.id != id);
                return (st.0, st.1, false);
            }
            if job.is_stopped() {
                return (148, 0, true);
            }
            let pending: Vec<Pid> = job
                .procs
                .iter()
                .filter(|p| p.state == ProcState::Running)
                .map(|p| p.pid)
                .collect();
            // Any process of the job: wait on each, in order, for a change.
            let flags = if self.term.is_some() {
                WaitPidFlag::WUNTRACED
            } else {
                WaitPidFlag::empty()
            };
            match waitpid(pending[0], Some(flags)) {
                Ok(st) => self.record(st),
                Err(nix::errno::Errno::EINTR) => {}
                Err(_) => {
                    // Reaped elsewhere (e.g. by Perl's `wait`): count it done.
                    self.record(WaitStatus::Exited(pending[0], 0));
                }
            }
        }
    }

    /// Give the terminal to a job's process group.
    pub fn give_terminal(&self, pgid: Pid) {
        if self.term.is_some() {
            let _ = unistd::tcsetpgrp(std::io::stdin(), pgid);
        }
    }

    /// Take the terminal back after a foreground job, with the shell's own
    /// terminal modes (the job may have left raw mode on).
    pub fn take_terminal(&self) {
        if let Some(t) = &self.term {
            let _ = unistd::tcsetpgrp(std::io::stdin(), t.shell_pgid);
            if let Some(m) = &t.modes {
                let _ = termios::tcsetattr(std::io::stdin(), termios::SetArg::TCSADRAIN, m);
            }
        }
    }

    /// Collect status changes of background jobs without blocking.
    pub fn poll(&mut self) {
        let pids: Vec<Pid> = self
            .list
            .iter()
            .flat_map(|j| j.procs.iter())
            .filter(|p| !matches!(p.state, ProcState::Done(_)))
            .map(|p| p.pid)
            .collect();
        let mut flags = WaitPidFlag::WNOHANG;
        if self.term.is_some() {
            flags |= WaitPidFlag::WUNTRACED | WaitPidFlag::WCONTINUED;
        }
        for pid in pids {
            match waitpid(pid, Some(flags)) {
                Ok(WaitStatus::StillAlive) => {}
                Ok(st) => self.record(st),
                Err(nix::errno::Errno::ECHILD) => self.record(WaitStatus::Exited(pid, 0)),
                Err(_) => {}
            }
        }
    }

    /// Lines telling of jobs that ended or stopped since last told; ended
    /// jobs leave the table.
    pub fn notifications(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        for j in &mut self.list {
            if j.notified {
                continue;
            }
            if j.is_done() {
                let (st, _) = j.status();
                let word = if st == 0 {
                    "Done".to_string()
                } else if st > 128 {
                    signal_name(st - 128)
                } else {
                    format!("Exit {st}")
                };
                out.push(format!("[{}]  {:<24}{}", j.id, word, j.text));
                j.notified = true;
            } else if j.is_stopped() {
                out.push(format!("[{}]  {:<24}{}", j.id, "Stopped", j.text));
                j.notified = true;
            }
        }
        self.list.retain(|j| !(j.is_done() && j.notified));
        out
    }

    /// Say that a foreground job stopped (Ctrl-Z), once.
    pub fn report_stopped(&mut self, id: usize) {
        if let Some(j) = self.list.iter_mut().find(|j| j.id == id) {
            eprintln!("\n[{id}]+  Stopped                 {}", j.text);
            j.notified = true;
        }
    }

    /// Continue a job in the foreground or background.
    pub fn resume(&mut self, id: usize, foreground: bool) -> Option<(i32, i32, bool)> {
        let pgid = self.get(id)?.pgid;
        for j in &mut self.list {
            if j.id == id {
                for p in &mut j.procs {
                    if p.state == ProcState::Stopped {
                        p.state = ProcState::Running;
                    }
                }
                j.notified = false;
            }
        }
        if foreground {
            self.give_terminal(pgid);
        }
        let _ = signal::killpg(pgid, Signal::SIGCONT);
        if foreground {
            let r = self.wait_fg(id);
            self.take_terminal();
            Some(r)
        } else {
            None
        }
    }

    pub fn running_or_stopped(&self) -> usize {
        self.list.iter().filter(|j| !j.is_done()).count()
    }
}

/// A signal's name as shells print it when a job dies of it.
pub fn signal_name(sig: i32) -> String {
    match Signal::try_from(sig) {
        Ok(Signal::SIGSEGV) => "Segmentation fault".into(),
        Ok(Signal::SIGKILL) => "Killed".into(),
        Ok(Signal::SIGTERM) => "Terminated".into(),
        Ok(Signal::SIGINT) => "Interrupt".into(),
        Ok(Signal::SIGHUP) => "Hangup".into(),
        Ok(Signal::SIGABRT) => "Aborted".into(),
        Ok(Signal::SIGPIPE) => "Broken pipe".into(),
        Ok(Signal::SIGQUIT) => "Quit".into(),
        Ok(s) => s.as_str().trim_start_matches("SIG").to_string(),
        Err(_) => format!("Signal {sig}"),
    }
}
