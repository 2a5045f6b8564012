//! `time`: how long an entry took (wall clock, and CPU of the shell and
//! its children).

use super::Builtin;
use crate::shell::Shell;

pub const TIME: Builtin = Builtin {
    name: "time",
    usage: "time ENTRY",
    description: "run a command line or Perl statement and report real, user and system time",
    run: time_words,
};

/// `time` reached as a command (its words already split): run them again
/// as an entry. The prompt handles `time …` before splitting, keeping the
/// text exactly; this is for `time` inside a longer command line.
fn time_words(sh: &mut Shell, args: &[String]) -> i32 {
    let text: Vec<String> = args.iter().map(|a| crate::shell::shell_quote(a)).collect();
    time_entry(sh, &text.join(" "))
}

fn cpu_times() -> (f64, f64) {
    let get = |who| {
        let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
        unsafe { libc::getrusage(who, &mut ru) };
        let t = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6;
        (t(ru.ru_utime), t(ru.ru_stime))
    };
    let (u1, s1) = get(libc::RUSAGE_SELF);
    let (u2, s2) = get(libc::RUSAGE_CHILDREN);
    (u1 + u2, s1 + s2)
}

/// Run `text` as an entry and report its times on standard error.
pub fn time_entry(sh: &mut Shell, text: &str) -> i32 {
    let start = std::time::Instant::now();
    let (u0, s0) = cpu_times();
    let st = sh.run_text(text);
    let real = start.elapsed().as_secs_f64();
    let (u1, s1) = cpu_times();
    eprintln!(
        "real {}  user {}  sys {}",
        fmt(real),
        fmt(u1 - u0),
        fmt(s1 - s0)
    );
    st
}

fn fmt(s: f64) -> String {
    if s >= 60.0 {
        format!("{}m{:06.3}s", (s / 60.0) as u64, s % 60.0)
    } else {
        format!("{s:.3}s")
    }
}
