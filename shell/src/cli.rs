//! Command-line parsing. Perl's switches bundle (`-we`, `-lane`), take
//! attached values (`-Ilib`, `-e'code'`) and stop at the script name, which
//! is not the shape of a general-purpose argument parser, so they are read
//! here by hand.

use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub enum Source {
    Code(Vec<u8>),
    /// `-c STRING`: a shell command string (command lines and Perl).
    Command(Vec<u8>),
    /// No program: the interactive shell (also with `-i`).
    Interactive,
    File(std::path::PathBuf),
    Stdin,
}

pub struct Options {
    pub source: Source,
    pub args: Vec<Vec<u8>>,
    pub warnings: bool,
    pub check_only: bool,
    pub includes: Vec<String>,
    /// `-l`/`--login`, or argv[0] starting with `-`.
    pub login: bool,
    /// `-i`: interactive even without a terminal.
    pub interactive: bool,
    /// `--help`/`--version`: text to print instead of running anything.
    pub immediate_output: Option<String>,
    pub parallel: Parallel,
}

/// `--parallel`/`--no-parallel`, `--threads N`, `--parallel-threshold N`.
#[derive(Default, Clone, Copy)]
pub struct Parallel {
    pub enabled: Option<bool>,
    pub threads: Option<usize>,
    pub threshold: Option<usize>,
}

impl Parallel {
    /// Hand the settings to the interpreter (they are process-wide).
    pub fn apply(&self) {
        use psh_interp::parallel as p;
        if let Some(on) = self.enabled {
            p::set_enabled(on);
        }
        if let Some(n) = self.threads {
            p::set_threads(n);
        }
        if let Some(n) = self.threshold {
            p::set_threshold(n);
        }
    }
}

/// psh's options, with what they do: the source of `--help` (rendered by
/// clap) and of the completer's suggestions after `psh -`.
pub const OPTIONS: &[(&str, &str)] = &[
    ("-e", "run one line of Perl (several -e's make a program)"),
    ("-E", "like -e, with all optional features enabled"),
    (
        "-c",
        "run a command string as a shell does (perl's -c is --check)",
    ),
    (
        "-i",
        "interactive, even when standard input is not a terminal",
    ),
    (
        "-l",
        "login shell: the POSIX profile is read first (also --login)",
    ),
    ("-w", "enable warnings"),
    ("-I", "add a directory to @INC"),
    ("--check", "check the syntax of a script only"),
    (
        "--threads",
        "worker threads for parallel grep/map/sort (default: one per core)",
    ),
    (
        "--parallel",
        "run pure grep/map/sort stages in parallel (default)",
    ),
    ("--no-parallel", "run everything on one thread"),
    (
        "--parallel-threshold",
        "smallest list run in parallel (default 10000; 0: every list)",
    ),
    ("--login", "login shell"),
    ("--version", "print the version"),
    ("--help", "print this help"),
];

/// The help text, laid out by clap from `OPTIONS`.
fn help_text() -> String {
    clap_command().render_help().to_string()
}

/// psh's options as a clap command (for `--help` and `--version`; perl's
/// bundled switches are parsed by hand in `parse`).
fn clap_command() -> clap::Command {
    let mut cmd = clap::Command::new("psh")
        .version(concat!(
            env!("CARGO_PKG_VERSION"),
            " — a shell whose language is Perl 5 (perl v5.36.0 compatible)"
        ))
        .about("A shell whose language is Perl 5")
        .override_usage("psh [switches] [--] [programfile | -c string] [arguments]")
        .disable_help_flag(true)
        .disable_version_flag(true);
    for &(name, help) in OPTIONS {
        let arg = match name.strip_prefix("--") {
            Some(long) => clap::Arg::new(name).long(long),
            None => clap::Arg::new(name).short(name.chars().nth(1).unwrap_or('?')),
        };
        let arg = match name {
            "--threads" | "--parallel-threshold" => arg.value_name("N"),
            _ => arg.action(clap::ArgAction::SetTrue),
        }
        .help(help);
        cmd = cmd.arg(arg);
    }
    cmd.after_help("With no program and a terminal, psh starts the interactive shell.")
}

pub fn parse(argv: &[OsString]) -> Result<Options, String> {
    let mut code: Option<Vec<u8>> = None;
    let mut warnings = false;
    let mut check_only = false;
    let mut includes = Vec::new();
    let mut command: Option<Vec<u8>> = None;
    let mut login = argv
        .first()
        .map(|a| a.as_bytes().starts_with(b"-"))
        .unwrap_or(false);
    let mut interactive = false;
    let mut parallel = Parallel::default();
    let mut i = 1;
    while i < argv.len() {
        let a = argv[i].as_bytes();
        if a == b"--" {
            i += 1;
            break;
        }
        if a == b"-" || !a.starts_with(b"-") {
            break;
        }
        match a {
            b"--help" | b"-h" => {
                return Ok(immediate(help_text()));
            }
            b"--version" | b"-v" => {
                return Ok(immediate(clap_command().render_version()));
            }
            b"--login" => {
                login = true;
                i += 1;
                continue;
            }
            b"--check" => {
                check_only = true;
                i += 1;
                continue;
            }
            b"--parallel" | b"--no-parallel" => {
                parallel.enabled = Some(a == b"--parallel");
                i += 1;
                continue;
            }
            _ => {}
        }
        let mut taken = false;
        for (flag, slot) in [
            ("--threads", &mut parallel.threads),
            ("--parallel-threshold", &mut parallel.threshold),
        ] {
            let Some(rest) = a.strip_prefix(flag.as_bytes()) else {
                continue;
            };
            let value = match rest {
                [] => {
                    i += 1;
                    argv.get(i).map(|v| v.as_bytes().to_vec())
                }
                [b'=', v @ ..] => Some(v.to_vec()),
                _ => continue,
            };
            let n = value
                .as_deref()
                .and_then(|v| std::str::from_utf8(v).ok())
                .and_then(|v| v.parse::<usize>().ok())
                .ok_or_else(|| format!("{flag}: expects a number"))?;
            *slot = Some(n);
            i += 1;
            taken = true;
            break;
        }
        if taken {
            continue;
        }
        // Bundled single-letter switches.
        let mut j = 1;
        while j < a.len() {
            match a[j] {
                b'w' | b'W' => warnings = true,
                b'l' if command.is_none() && code.is_none() => login = true,
                b'i' => interactive = true,
                b'c' => {
                    let rest = &a[j + 1..];
                    let text = if !rest.is_empty() {
                        rest.to_vec()
                    } else {
                        i += 1;
                        match argv.get(i) {
                            Some(t) => t.as_bytes().to_vec(),
                            None => return Err("-c: option requires an argument".into()),
                        }
                    };
                    command = Some(text);
                    j = a.len();
                    continue;
                }
                b'X' => warnings = false,
                b'e' | b'E' => {
                    let rest = &a[j + 1..];
                    let text = if !rest.is_empty() {
                        rest.to_vec()
                    } else {
                        i += 1;
                        match argv.get(i) {
                            Some(t) => t.as_bytes().to_vec(),
                            None => {
                                return Err(format!("No code specified for -{}.", a[j] as char))
                            }
                        }
                    };
                    let c = code.get_or_insert_with(Vec::new);
                    if a[j] == b'E' && c.is_empty() {
                        c.extend_from_slice(b"use feature ':all'; ");
                    }
                    c.extend_from_slice(&text);
                    c.push(b'\n');
                    j = a.len();
                    continue;
                }
                b'I' => {
                    let rest = &a[j + 1..];
                    let dir = if !rest.is_empty() {
                        String::from_utf8_lossy(rest).into_owned()
                    } else {
                        i += 1;
                        argv.get(i)
                            .map(|t| t.to_string_lossy().into_owned())
                            .unwrap_or_default()
                    };
                    includes.push(dir);
                    j = a.len();
                    continue;
                }
                other => {
                    return Err(format!(
                        "Unrecognized switch: -{}  (-h will show valid options).",
                        other as char
                    ))
                }
            }
            j += 1;
        }
        i += 1;
    }
    let source = match (command, code) {
        (Some(c), _) => Source::Command(c),
        (None, Some(c)) => Source::Code(c),
        (None, None) if interactive && argv.get(i).is_none() => Source::Interactive,
        (None, None) => match argv.get(i) {
            Some(p) if p.as_bytes() != b"-" => {
                i += 1;
                Source::File(std::path::PathBuf::from(p))
            }
            Some(_) => {
                i += 1;
                Source::Stdin
            }
            None if login || is_tty_stdin() => Source::Interactive,
            None => Source::Stdin,
        },
    };
    let args = argv[i.min(argv.len())..]
        .iter()
        .map(|a| a.as_bytes().to_vec())
        .collect();
    Ok(Options {
        source,
        args,
        warnings,
        check_only,
        includes,
        login,
        interactive,
        immediate_output: None,
        parallel,
    })
}

fn is_tty_stdin() -> bool {
    unsafe { libc::isatty(libc::STDIN_FILENO) == 1 }
}

fn immediate(text: String) -> Options {
    Options {
        source: Source::Stdin,
        args: Vec::new(),
        warnings: false,
        check_only: false,
        includes: Vec::new(),
        login: false,
        interactive: false,
        immediate_output: Some(text),
        parallel: Parallel::default(),
    }
}
