//! The interactive loop: the line editor (reedline) reads an entry, the
//! shell runs it, job notifications and the prompt come before the next.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use reedline::{
    default_emacs_keybindings, default_vi_insert_keybindings, default_vi_normal_keybindings,
    DefaultHinter, EditMode, Emacs, FileBackedHistory, KeyCode, KeyModifiers, Reedline,
    ReedlineEvent, ReedlineMenu, Signal, Vi,
};

use std::os::unix::ffi::OsStrExt;

use psh_prompts::{PromptInfo, PshPrompt};

use crate::shell::Shell;

/// History entries kept in the file.
const HISTORY_SIZE: usize = 50_000;

/// What the first interactive start writes to `~/.config/psh/rc.pl`.
const RC_TEMPLATE: &str = r#"# psh configuration: Perl, run at the start of every interactive psh.
# (This file was created on first start; psh never overwrites it.)

# Line editing: 'emacs' (the default) or 'vi'.
# $PSH::EDIT_MODE = 'vi';

# Aliases are command lines a name stands for (and subs of that name).
# alias ll='ls -l';

# Environment variables for the programs you start.
# $ENV{EDITOR} = 'vim';

# Replace the prompt: return the text to show (colours allowed).
# sub PSH::prompt { my $dir = $ENV{PWD} =~ s/^\Q$ENV{HOME}\E/~/r; "$dir> " }
# sub PSH::rprompt { scalar localtime }

# Subs you define here are commands at the prompt:
# sub mkcd { mkdir $_[0]; chdir $_[0] }
"#;

/// Where history lives (the XDG data folder).
pub fn history_path() -> Option<PathBuf> {
    let mut p = dirs::data_dir()?;
    p.push("psh");
    std::fs::create_dir_all(&p).ok()?;
    p.push("history");
    Some(p)
}

/// `~/.config/psh/rc.pl` (XDG), created with commented examples the first
/// time.
pub fn config_path(create: bool) -> Option<PathBuf> {
    let mut p = dirs::config_dir()?;
    p.push("psh");
    p.push("rc.pl");
    if create && !p.exists() {
        if let Some(dir) = p.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        // create_new: never clobber a file another psh wrote meanwhile.
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&p)
        {
            let _ = f.write_all(RC_TEMPLATE.as_bytes());
        }
    }
    Some(p)
}

/// History file lines hold entries with newlines escaped as reedline does.
pub fn decode_history_line(line: &str) -> String {
    line.replace("<\\n>", "\n")
}

extern "C" fn on_sigint(_: libc::c_int) {
    psh_interp::signals::INTERRUPT.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Ctrl-C while Perl code runs sets the interpreter's interrupt flag; no
/// SA_RESTART, so a blocking call (sleep, read) returns early too.
fn install_sigint() {
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_sigint as *const () as usize;
        libc::sigemptyset(&mut sa.sa_mask);
        sa.sa_flags = 0;
        libc::sigaction(libc::SIGINT, &sa, std::ptr::null_mut());
    }
}

fn edit_mode(sh: &mut Shell) -> Box<dyn EditMode> {
    let v = sh.it.glob("PSH::EDIT_MODE").sv().get();
    let mode = psh_interp::convert::to_bytes(&v).into_owned();
    if mode == b"vi" {
        let mut insert = default_vi_insert_keybindings();
        bind_tab(&mut insert);
        Box::new(Vi::new(
            insert,
            default_vi_normal_keybindings(),
            reedline::default_vi_visual_keybindings(),
        ))
    } else {
        let mut kb = default_emacs_keybindings();
        bind_tab(&mut kb);
        Box::new(Emacs::new(kb))
    }
}

/// Tab opens the completion menu, then moves through it.
fn bind_tab(kb: &mut reedline::Keybindings) {
    kb.add_binding(
        KeyModifiers::NONE,
        KeyCode::Tab,
        ReedlineEvent::UntilFound(vec![
            ReedlineEvent::Menu("completion_menu".to_string()),
            ReedlineEvent::MenuNext,
        ]),
    );
    kb.add_binding(
        KeyModifiers::SHIFT,
        KeyCode::BackTab,
        ReedlineEvent::MenuPrevious,
    );
}

/// Run the rc file, if there is one.
fn load_config(sh: &mut Shell) {
    if let Some(p) = config_path(true) {
        if let Ok(text) = std::fs::read_to_string(&p) {
            let st = sh.run_text(&text);
            if st != 0 {
                eprintln!("psh: {} ended with status {st}", p.display());
            }
            sh.exit_requested = None;
        }
    }
}

/// Set the prompt's texts: the user's `PSH::prompt`/`PSH::rprompt` subs
/// when defined (a custom left prompt draws its own indicator), else the
/// defaults of the `prompts` crate.
fn update_prompt(sh: &mut Shell, prompt: &mut PshPrompt, last_duration: Option<Duration>) {
    let info = PromptInfo::gather(
        sh.last_status,
        last_duration,
        sh.jobs.running_or_stopped(),
        crate::color_enabled(),
    );
    let left = sh.call_prompt_sub("PSH::prompt");
    let right = sh.call_prompt_sub("PSH::rprompt");
    let mut ind = psh_prompts::default_indicators(&info);
    if left.is_some() {
        ind.insert.clear();
    }
    prompt.set_indicators(ind);
    prompt.set(
        left.unwrap_or_else(|| psh_prompts::default_left(&info)),
        right.unwrap_or_else(|| psh_prompts::default_right(&info)),
    );
}

/// Bring what the editor sees up to date: the completion snapshot, and
/// `PATH` as `%ENV` has it (the completer looks programs up there).
fn refresh_editor_view(sh: &mut Shell, shared: &psh_completions::Shared) {
    let snap = crate::snapshot::take(sh);
    if let Ok(mut s) = shared.write() {
        *s = snap;
    }
    let path = sh.path_var();
    if std::env::var_os("PATH")
        .map(|p| p.as_encoded_bytes() != path.as_slice())
        .unwrap_or(true)
    {
        // SAFETY: the shell's threads do not read the environment while
        // the prompt is being prepared.
        unsafe { std::env::set_var("PATH", std::ffi::OsStr::from_bytes(&path)) };
    }
}

/// The interactive shell. Returns the exit status.
pub fn run(mut sh: Shell) -> i32 {
    let tty = nix::unistd::isatty(std::io::stdin()).unwrap_or(false);
    if tty {
        sh.jobs.init_job_control();
    }
    install_sigint();
    sh.history_file = history_path();
    load_config(&mut sh);
    let dumb = std::env::var("TERM").map(|t| t == "dumb").unwrap_or(false);
    if !tty || dumb {
        return run_plain(sh);
    }
    let shared: psh_completions::Shared = Default::default();
    let completer = psh_completions::PshCompleter::new(shared.clone());
    let lookup = crate::lookup::command_lookup(shared.clone());
    let mut ed = Reedline::create()
        .with_highlighter(Box::new(crate::highlight::PerlHighlighter::new(
            lookup.clone(),
            crate::color_enabled(),
        )))
        .with_validator(Box::new(crate::validate::PerlValidator::new(
            lookup.clone(),
        )))
        .with_edit_mode(edit_mode(&mut sh))
        .with_completer(Box::new(completer))
        .with_menu(ReedlineMenu::EngineCompleter(Box::new(
            psh_completions::default_menu(),
        )))
        // Tab takes a lone candidate at once and fills in the prefix that
        // all candidates share, as other shells do.
        .with_quick_completions(true)
        .with_partial_completions(true)
        .with_hinter(Box::new(DefaultHinter::default().with_style(
            nu_ansi_term::Style::new().fg(nu_ansi_term::Color::DarkGray),
        )))
        .use_bracketed_paste(true);
    if let Some(p) = &sh.history_file {
        match FileBackedHistory::with_file(HISTORY_SIZE, p.clone()) {
            Ok(h) => ed = ed.with_history(Box::new(h)),
            Err(e) => eprintln!("psh: history file {}: {e}", p.display()),
        }
    }
    let mut last_duration = None;
    let mut prompt = PshPrompt::new();
    loop {
        announce_jobs(&mut sh);
        update_prompt(&mut sh, &mut prompt, last_duration);
        refresh_editor_view(&mut sh, &shared);
        match ed.read_line(&prompt) {
            Ok(Signal::Success(line)) => {
                if line.trim().is_empty() {
                    continue;
                }
                // On disk now, so other psh sessions and `history` see it
                // and a crash loses nothing.
                let _ = ed.sync_history();
                let start = Instant::now();
                run_guarded(&mut sh, &line);
                last_duration = Some(start.elapsed());
                end_partial_line();
                if let Some(code) = sh.exit_requested.take() {
                    return code;
                }
            }
            Ok(Signal::CtrlC) => continue,
            Ok(Signal::CtrlD) => {
                if sh.jobs.running_or_stopped() > 0 && !sh.warned_jobs {
                    sh.warned_jobs = true;
                    eprintln!("psh: there are jobs running or stopped (`jobs` lists them); Ctrl-D again to leave");
                    continue;
                }
                return sh.last_status;
            }
            Ok(_) => continue,
            Err(e) => {
                eprintln!("psh: line editor: {e}");
                return 1;
            }
        }
    }
}

/// Output that did not end its line (`print "hi"`) would run into the
/// prompt: mark it and start a new line, as zsh does.
fn end_partial_line() {
    if let Ok((col, _)) = crossterm::cursor::position() {
        if col > 0 {
            let mark = if crate::color_enabled() {
                "\x1b[7m⏎\x1b[0m"
            } else {
                "⏎"
            };
            eprintln!("{mark}");
        }
    }
}

/// Before a prompt: tell of background jobs that ended or stopped.
fn announce_jobs(sh: &mut Shell) {
    sh.jobs.poll();
    for n in sh.jobs.notifications() {
        eprintln!("{n}");
    }
}

/// Run an entry; a bug in psh that panics while it runs is reported (by
/// the panic hook) and the shell goes on to the next prompt.
fn run_guarded(sh: &mut Shell, entry: &str) {
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| sh.run_text(entry)));
    if r.is_err() {
        sh.jobs.take_terminal();
        sh.it.flush_all();
        sh.last_status = 255;
    }
}

/// Interactive without a line editor (no terminal, or `TERM=dumb`): read
/// entries from standard input line by line, continuing while incomplete.
fn run_plain(mut sh: Shell) -> i32 {
    let stdin = std::io::stdin();
    let shared: psh_completions::Shared = Default::default();
    let validator =
        crate::validate::PerlValidator::new(crate::lookup::command_lookup(shared.clone()));
    let mut buf = String::new();
    loop {
        announce_jobs(&mut sh);
        if buf.is_empty() {
            refresh_editor_view(&mut sh, &shared);
        }
        let prompt = if buf.is_empty() {
            let mut p = PshPrompt::new();
            update_prompt(&mut sh, &mut p, None);
            format!("{}{}", p.left(), p.indicators().insert)
        } else {
            p_multiline()
        };
        eprint!("{prompt}");
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        match stdin.lock().read_line(&mut line) {
            Ok(0) => {
                if !buf.trim().is_empty() {
                    run_guarded(&mut sh, &buf);
                }
                return sh.exit_requested.unwrap_or(sh.last_status);
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                buf.clear();
                eprintln!();
                continue;
            }
            Err(_) => return sh.last_status,
        }
        buf.push_str(&line);
        if validator.needs_more(&buf) {
            continue;
        }
        let entry = std::mem::take(&mut buf);
        if entry.trim().is_empty() {
            continue;
        }
        run_guarded(&mut sh, &entry);
        if let Some(code) = sh.exit_requested.take() {
            return code;
        }
    }
}

fn p_multiline() -> String {
    psh_prompts::Indicators::default().multiline
}
