//! `psh`: the interactive shell, `-c` command strings, Perl scripts and
//! one-liners.

mod builtin;
mod cli;
mod cmd_lex;
mod cmdline;
mod exec;
mod highlight;
mod jobs;
mod login;
mod lookup;
mod perl_lex;
mod pipe;
mod render;
mod repl;
mod shell;
mod snapshot;
mod switches;
mod validate;

use std::io::Read;

use psh_interp::interp::Interp;

/// Perl code allocates constantly (strings, hashes, arrays); mimalloc's
/// per-thread free lists make that markedly cheaper than the system malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Perl code recurses on the interpreter's native stack; a large reserved
/// stack (only touched pages are committed) keeps 100 000-deep recursion safe.
const INTERP_STACK: usize = 4 << 30;

fn main() {
    // A bug in psh must not show up as a Rust backtrace: say what happened
    // in one line and exit like perl does on an internal error.
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".into());
        let at = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("psh: internal error: {msg}{at}; please report this");
    }));
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let opts = match cli::parse(&argv) {
        Ok(o) => o,
        Err(msg) => {
            // Under perl's name, perl's words and status (its errno from
            // start-up, ENOTTY, as it dies while reading its switches).
            if argv.first().is_some_and(|a| {
                use std::os::unix::ffi::OsStrExt;
                cli::perl_named(a.as_bytes())
            }) {
                eprintln!("{msg}");
                std::process::exit(libc::ENOTTY);
            }
            eprintln!("psh: {msg}");
            std::process::exit(2);
        }
    };
    opts.parallel.apply();
    if let Some(text) = opts.immediate_output.as_deref() {
        print!("{text}");
        std::process::exit(0);
    }
    if opts.login {
        login::run_profile_once(&argv);
    }
    if let cli::Source::Command(text) = &opts.source {
        // `sshd`, `scp` and `rsync` run `$SHELL -c 'program args'`: such a
        // string is exec'd at once, with no interpreter started.
        login::exec_simple_command(text);
    }
    let code = std::thread::Builder::new()
        .name("psh-interp".into())
        .stack_size(INTERP_STACK)
        .spawn(move || run(opts))
        .and_then(|h| {
            block_async_signals();
            h.join()
                .map_err(|_| std::io::Error::other("interpreter thread panicked"))
        })
        .unwrap_or_else(|e| {
            eprintln!("psh: internal error: {e}");
            255
        });
    std::process::exit(code);
}

/// The main thread only waits for the interpreter thread: it blocks the
/// signals Perl code and the shell catch, so the kernel delivers them to
/// the interpreter thread, where a blocking read or sleep then returns
/// EINTR (Ctrl-C ends a `<STDIN>` at the prompt; `%SIG` handlers run).
fn block_async_signals() {
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for s in [
            libc::SIGINT,
            libc::SIGQUIT,
            libc::SIGTERM,
            libc::SIGHUP,
            libc::SIGALRM,
            libc::SIGUSR1,
            libc::SIGUSR2,
            libc::SIGCHLD,
            libc::SIGWINCH,
            libc::SIGCONT,
        ] {
            libc::sigaddset(&mut set, s);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Whether colour may be used on standard output.
pub fn color_enabled() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map(|t| t != "dumb").unwrap_or(true)
        && unsafe { libc::isatty(libc::STDOUT_FILENO) == 1 }
}

fn run(opts: cli::Options) -> i32 {
    if let Some(w) = opts.switches.everything {
        psh_interp::parse::set_warnings_switch(w);
    }
    match &opts.source {
        cli::Source::Command(text) => {
            let mut it = Interp::new();
            it.global_warnings = opts.warnings;
            let (name, args) = match opts.args.split_first() {
                Some((n, rest)) => (String::from_utf8_lossy(n).into_owned(), rest.to_vec()),
                None => ("psh".to_string(), Vec::new()),
            };
            it.set_script(&name, &args);
            it.add_includes(&opts.includes);
            let mut sh = shell::Shell::new(it, opts.interactive);
            let text = String::from_utf8_lossy(text).into_owned();
            let st = sh.run_text(&text);
            let st = sh.exit_requested.unwrap_or(st);
            sh.it.flush_all();
            return sh.it.run_end_blocks(st);
        }
        cli::Source::Interactive => {
            let mut it = Interp::new();
            it.global_warnings = opts.warnings;
            it.set_script("psh", &opts.args);
            it.add_includes(&opts.includes);
            let sh = shell::Shell::new(it, true);
            return repl::run(sh);
        }
        _ => {}
    }
    let (src, file) = match &opts.source {
        cli::Source::Command(_) | cli::Source::Interactive => unreachable!("handled above"),
        cli::Source::Code(c) => (c.clone(), "-e".to_string()),
        cli::Source::File(path) => match std::fs::read(path) {
            Ok(s) => (s, path.to_string_lossy().into_owned()),
            Err(e) => {
                eprintln!(
                    "Can't open perl script \"{}\": {}",
                    path.to_string_lossy(),
                    psh_interp::interp::errno_string(e.raw_os_error().unwrap_or(0))
                );
                return 2;
            }
        },
        cli::Source::Stdin => {
            let mut s = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut s);
            (s, "-".to_string())
        }
    };
    let mut sw = opts.switches.clone();
    let src = match &sw.extract {
        None => src,
        Some(dir) => {
            if let Some(d) = dir {
                use std::os::unix::ffi::OsStrExt;
                if let Err(e) = std::env::set_current_dir(std::ffi::OsStr::from_bytes(d)) {
                    eprintln!(
                        "Can't chdir to {}: {}",
                        String::from_utf8_lossy(d),
                        psh_interp::interp::errno_string(e.raw_os_error().unwrap_or(0))
                    );
                    return 2;
                }
            }
            match switches::skip_to_perl_line(&src) {
                Some(s) => s.to_vec(),
                None => {
                    eprintln!("No Perl script found in input");
                    return 255;
                }
            }
        }
    };
    sw.read_shebang(&src);
    let warnings = opts.warnings || sw.warnings == Some(true);
    let mut args = opts.args.clone();
    let mut it = Interp::new();
    it.global_warnings = warnings;
    if sw.switch_args {
        switches::take_script_switches(&mut it, &mut args);
    }
    if sw.inplace.is_some() && args.is_empty() && !opts.check_only {
        eprintln!("-i used with no filenames on the command line, reading from STDIN.");
    }
    sw.apply(&mut it);
    it.set_script(&file, &args);
    it.add_includes(&opts.includes);
    let (wrapped, first_line) = sw.wrap(&src);
    let prog = match psh_interp::parse::parse_program_at(&wrapped, &file, warnings, first_line) {
        Ok(p) => p,
        Err((mut e, partial)) => {
            // perl reports an error in -n/-p code as in the code alone (a
            // missing operand is "at EOF", not near the loop's closing
            // brace), so the code alone gives the message when it fails too.
            if sw.looping() {
                if let Err((alone, _)) =
                    psh_interp::parse::parse_program_with(&src, &file, warnings)
                {
                    e = alone;
                }
            }
            if let Some((p, n)) = partial {
                if let Some(status) = it.run_begin_blocks(p, n) {
                    return status;
                }
            }
            eprint!("{e}");
            if opts.check_only {
                eprintln!("{file} had compilation errors.");
            } else {
                eprintln!("Execution of {file} aborted due to compilation errors.");
            }
            return 255;
        }
    };
    if std::env::var_os("PSH_DUMP_AST").is_some() {
        eprintln!("{:#?}", prog.main.body);
    }
    if opts.check_only {
        eprintln!("{file} syntax OK");
        return 0;
    }
    it.run_main(prog)
}
