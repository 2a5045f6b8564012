//! `%SIG` handlers for real signals, in a simple form: before the builtins
//! that wait or signal (`kill`, `sleep`, `alarm`), the handlers in `%SIG`
//! are installed with the OS (a catching handler only records the signal;
//! `IGNORE` and `DEFAULT` map to the OS dispositions), and after them the
//! recorded signals are dispatched to the Perl handlers. Signals arriving
//! while other code runs are handled at the next of those builtins.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::ast::well_known as wk;
use crate::interp::{Flow, Interp, Want};
use crate::value::*;

static PENDING: AtomicU64 = AtomicU64::new(0);

/// Set by the interactive shell's SIGINT handler; running Perl code polls
/// it (see `Interp::poll_interrupt`).
pub static INTERRUPT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
/// Signals given a disposition here (so a `%SIG` entry deleted since gets
/// the default back; untouched ones keep what psh inherited).
static INSTALLED: AtomicU64 = AtomicU64::new(0);

/// The signals `%SIG` may catch, by number.
const NAMES: &[(&str, i32)] = &[
    ("HUP", libc::SIGHUP),
    ("INT", libc::SIGINT),
    ("QUIT", libc::SIGQUIT),
    ("USR1", libc::SIGUSR1),
    ("USR2", libc::SIGUSR2),
    ("ALRM", libc::SIGALRM),
    ("TERM", libc::SIGTERM),
    ("CHLD", libc::SIGCHLD),
    ("CONT", libc::SIGCONT),
    ("TSTP", libc::SIGTSTP),
    ("WINCH", libc::SIGWINCH),
];

/// Set when the interactive shell has taken over job-control signals (it
/// ignores SIGTSTP, SIGTTOU, … and catches SIGINT); scripts leave
/// dispositions as perl does, so a script's `IGNORE` reaches its children.
pub static SHELL_SIGNALS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// In a child about to `exec`: the signals an interactive shell ignores or
/// catches get their default dispositions back. Async-signal-safe.
pub fn default_dispositions() {
    if !SHELL_SIGNALS.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    for sig in [
        libc::SIGINT,
        libc::SIGQUIT,
        libc::SIGTSTP,
        libc::SIGTTIN,
        libc::SIGTTOU,
        libc::SIGCHLD,
    ] {
        unsafe {
            libc::signal(sig, libc::SIG_DFL);
        }
    }
}

extern "C" fn record(sig: libc::c_int) {
    PENDING.fetch_or(1 << sig, Ordering::SeqCst);
}

/// Whether a blocking builtin should stop waiting: a caught signal, or
/// Ctrl-C at the interactive shell.
pub fn attention() -> bool {
    pending() || INTERRUPT.load(Ordering::Relaxed)
}

/// Whether a caught signal waits for its handler.
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed) != 0
}

/// Install the OS dispositions `%SIG` asks for (for the catchable signals
/// that have an entry).
pub fn sync(it: &mut Interp) {
    let sig = it.gv(wk::SIG).hv();
    for &(name, num) in NAMES {
        let v = sig.get(name.as_bytes());
        let action = match &v {
            Value::Undef if INSTALLED.load(Ordering::Relaxed) & (1 << num) == 0 => continue,
            Value::Undef => libc::SIG_DFL,
            Value::CodeRef(_) => record as *const () as usize,
            _ => match crate::convert::to_bytes(&v).as_ref() {
                b"" | b"DEFAULT" => libc::SIG_DFL,
                b"IGNORE" => libc::SIG_IGN,
                _ => record as *const () as usize,
            },
        };
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = action;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(num, &sa, std::ptr::null_mut());
        }
        INSTALLED.fetch_or(1 << num, Ordering::Relaxed);
    }
}

/// Run the Perl handlers of the signals caught so far.
pub fn dispatch(it: &mut Interp) -> Result<(), Flow> {
    let bits = PENDING.swap(0, Ordering::SeqCst);
    if bits == 0 {
        return Ok(());
    }
    for &(name, num) in NAMES {
        if bits & (1 << num) == 0 {
            continue;
        }
        let v = it.gv(wk::SIG).hv().get(name.as_bytes());
        let cv = match &v {
            Value::CodeRef(cv) => Some(cv.clone()),
            Value::Str(_) => {
                let n = String::from_utf8_lossy(&crate::convert::to_bytes(&v)).into_owned();
                let full = if n.contains("::") {
                    n
                } else {
                    format!("main::{n}")
                };
                it.find_sub(&full)
            }
            _ => None,
        };
        if let Some(cv) = cv {
            let mut out = Vec::new();
            it.call_sub(
                &cv,
                vec![Elem::V(Value::from_str(name))],
                Want::Void,
                &mut out,
            )?;
        }
    }
    Ok(())
}
