//! Start-up as a login shell and for `-c` strings run by other programs.

use std::ffi::{CString, OsString};
use std::os::unix::ffi::OsStrExt;

use crate::cmdline::{self, Known, LineKind, Stage, WordPart};

/// Set while psh re-runs itself through `/bin/sh -l`, so the second start
/// does not do it again.
const GUARD: &str = "PSH_LOGIN_PROFILE_READ";

/// A login shell reads the POSIX profile (`/etc/profile`, `~/.profile`) by
/// re-executing itself once through `/bin/sh -l`, which exports what the
/// profile sets; the guard variable stops the second start from looping.
pub fn run_profile_once(argv: &[OsString]) {
    if std::env::var_os(GUARD).is_some() {
        // Children of this shell must not inherit the guard.
        unsafe { std::env::remove_var(GUARD) };
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let mut args: Vec<CString> = vec![
        CString::new("sh").unwrap(),
        CString::new("-l").unwrap(),
        CString::new("-c").unwrap(),
        CString::new("exec \"$0\" \"$@\"").unwrap(),
    ];
    let Ok(e) = CString::new(exe.as_os_str().as_bytes()) else {
        return;
    };
    args.push(e);
    // Keep login-ness explicit: argv[0] of the new start is the exe path.
    args.push(CString::new("-l").unwrap());
    for a in argv.iter().skip(1) {
        if a.as_bytes() == b"-l" || a.as_bytes() == b"--login" {
            continue;
        }
        match CString::new(a.as_bytes()) {
            Ok(c) => args.push(c),
            Err(_) => return,
        }
    }
    unsafe { std::env::set_var(GUARD, "1") };
    let sh = CString::new("/bin/sh").unwrap();
    let _ = nix::unistd::execv(&sh, &args);
    // /bin/sh could not run: go on without the profile.
    unsafe { std::env::remove_var(GUARD) };
}

/// What the classifier knows before any Perl has run: no subs yet.
struct StartupKnown;

impl Known for StartupKnown {
    fn is_sub(&self, _: &str) -> bool {
        false
    }
    fn is_builtin(&self, name: &str) -> bool {
        crate::builtin::find(name).is_some()
    }
    fn is_program(&self, name: &str) -> bool {
        let path = std::env::var_os("PATH");
        let path = path
            .as_ref()
            .map_or(crate::shell::DEFAULT_PATH, |p| p.as_bytes());
        crate::shell::program_exists(path, name)
    }
}

/// `-c 'program arg…'` with nothing that needs the shell (no Perl, no
/// variables, no redirections or pipes): replace psh by the program, as
/// sh does. Returns when the string needs more than that.
pub fn exec_simple_command(text: &[u8]) {
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let line = text.trim();
    if line.is_empty() || line.contains('\n') {
        return;
    }
    if cmdline::classify(line, &StartupKnown) != LineKind::Command {
        return;
    }
    let Ok(list) = cmdline::parse(line) else {
        return;
    };
    let [item] = &list.items[..] else { return };
    if item.background || !item.and_or.rest.is_empty() {
        return;
    }
    let [Stage::Command(cmd)] = &item.and_or.first.stages[..] else {
        return;
    };
    if !cmd.redirs.is_empty() || !cmd.assigns.is_empty() || cmd.words.is_empty() {
        return;
    }
    let mut argv = Vec::new();
    for w in &cmd.words {
        let mut s = String::new();
        for p in &w.parts {
            match p {
                WordPart::Lit { text, quoted } => {
                    if !quoted && text.contains(['*', '?', '[']) {
                        return;
                    }
                    s.push_str(text);
                }
                _ => return,
            }
        }
        match CString::new(s) {
            Ok(c) => argv.push(c),
            Err(_) => return,
        }
    }
    let name = argv[0].to_string_lossy().into_owned();
    if crate::builtin::find(&name).is_some() {
        return;
    }
    let _ = nix::unistd::execvp(&argv[0], &argv);
    // Could not exec: the normal path reports the error.
}
