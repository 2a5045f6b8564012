//! Command-line parsing. Perl's switches bundle (`-we`, `-lane`), take
//! attached values (`-Ilib`, `-e'code'`) and stop at the script name, which
//! is not the shape of a general-purpose argument parser, so they are read
//! here by hand.

use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

use crate::switches::Switches;

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
    /// perl's program-shaping switches (`-n`, `-p`, `-l`, `-i`, …).
    pub switches: Switches,
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
        "with a program: edit <> files in place (-i.bak keeps backups); else interactive",
    ),
    (
        "-l",
        "with a program: chomp lines, set $\\ (-l0NNN: that char); else login shell",
    ),
    ("-n", "run the program for each input line (while (<>) {…})"),
    ("-p", "like -n, printing $_ after each line"),
    ("-a", "split each line into @F (implies -n)"),
    ("-F", "the pattern -a splits on: -F: -F/,/ (implies -a -n)"),
    (
        "-0",
        "input record separator $/ in octal/hex: -0 NUL, -00 paragraphs, -0777 whole files",
    ),
    ("-M", "use a module first: -MFoo=a,b, -M-Foo for no Foo"),
    (
        "-m",
        "like -M, importing nothing unless asked (-mFoo: use Foo ())",
    ),
    (
        "-s",
        "the script's own -name[=value] switches set $main::name",
    ),
    (
        "-x",
        "skip text before the #!perl line (-xDIR: chdir first)",
    ),
    ("-S", "look for the script in $PATH"),
    ("-w", "enable warnings"),
    ("-W", "enable all warnings"),
    ("-X", "disable all warnings"),
    ("-I", "add a directory to @INC"),
    ("-v", "print the version, as perl -v"),
    (
        "-V",
        "print the configuration summary (-V:name: one Config value)",
    ),
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
    cmd.after_help(
        "With no program and a terminal, psh starts the interactive shell.\n\
         Started as perl or pperl (a link), psh takes perl's command line: -c checks syntax.",
    )
}

/// Whether psh was started under perl's name (`perl`, `pperl`: through a
/// link), which makes it take perl's command line in full.
pub fn perl_named(argv0: &[u8]) -> bool {
    let base = argv0.rsplit(|&c| c == b'/').next().unwrap_or(argv0);
    base == b"perl" || base == b"pperl"
}

pub fn parse(argv: &[OsString]) -> Result<Options, String> {
    let perl_mode = argv.first().is_some_and(|a| perl_named(a.as_bytes()));
    let mut code: Option<Vec<u8>> = None;
    let mut sw = Switches::default();
    let mut check_only = false;
    let mut includes = Vec::new();
    let mut command: Option<Vec<u8>> = None;
    let mut login = !perl_mode
        && argv
            .first()
            .map(|a| a.as_bytes().starts_with(b"-"))
            .unwrap_or(false);
    let mut interactive = false;
    // psh's bare `-l` (login) and `-i` (interactive) are perl's `-l` and
    // `-i` when a Perl program is run: which one is known at the end.
    let mut bare_l: Option<Option<Vec<u8>>> = None;
    let mut bare_i = false;
    let mut config_code: Option<Vec<u8>> = None;
    let mut search_path = false;
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
            b"--version" => {
                return Ok(immediate(clap_command().render_version()));
            }
            b"-v" => {
                return Ok(immediate(perl_version_text()));
            }
            b"--login" if !perl_mode => {
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
        if let Some((flag, n)) = numeric_option(a, argv, &mut i)? {
            match flag {
                "--threads" => parallel.threads = Some(n),
                _ => parallel.threshold = Some(n),
            }
            i += 1;
            continue;
        }
        // Bundled single-letter switches.
        let mut j = 1;
        while j < a.len() {
            let rest = &a[j + 1..];
            match a[j] {
                b'l' if !perl_mode && !rest.first().is_some_and(|c| (b'0'..=b'7').contains(c)) => {
                    let mut probe = sw.clone();
                    probe.dash_l_plain();
                    bare_l = Some(probe.ors);
                    j += 1;
                    continue;
                }
                b'i' if !perl_mode && rest.is_empty() => {
                    bare_i = true;
                    j += 1;
                    continue;
                }
                b'c' if perl_mode => {
                    check_only = true;
                    j += 1;
                    continue;
                }
                b'S' => {
                    search_path = true;
                    j += 1;
                    continue;
                }
                b'c' => {
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
                b'v' => return Ok(immediate(perl_version_text())),
                b'V' => {
                    config_code = Some(config_program(rest));
                    j = a.len();
                    continue;
                }
                b'e' | b'E' => {
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
                _ => {}
            }
            match sw.letter(a, j)? {
                Some(next) => j = next,
                None => {
                    return Err(format!(
                        "Unrecognized switch: -{}  (-h will show valid options).",
                        String::from_utf8_lossy(&a[j..])
                    ))
                }
            }
        }
        i += 1;
    }
    if let Some(c) = config_code {
        if code.is_none() && command.is_none() {
            code = Some(c);
        }
    }
    // A Perl program is run: the bare -l and -i are perl's.
    let perl_program = command.is_none()
        && (code.is_some() || argv.get(i).is_some() || sw.shapes_program() || sw.chomp);
    if perl_program {
        if let Some(ors) = bare_l.take() {
            sw.chomp = true;
            sw.ors = ors;
        }
        if bare_i {
            sw.inplace = Some(Vec::new());
            bare_i = false;
        }
    }
    if bare_l.is_some() {
        login = true;
    }
    interactive |= bare_i;
    let source = match (command, code) {
        (Some(c), _) => Source::Command(c),
        (None, Some(c)) => Source::Code(c),
        (None, None) if !perl_mode && interactive && argv.get(i).is_none() => Source::Interactive,
        (None, None) => match argv.get(i) {
            Some(p) if p.as_bytes() != b"-" => {
                i += 1;
                let mut path = std::path::PathBuf::from(p);
                if search_path {
                    path = search_in_path(path);
                }
                Source::File(path)
            }
            Some(_) => {
                i += 1;
                Source::Stdin
            }
            None if !perl_mode && (login || is_tty_stdin()) => Source::Interactive,
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
        warnings: sw.warnings.unwrap_or(false),
        check_only,
        includes,
        login,
        interactive,
        immediate_output: None,
        parallel,
        switches: sw,
    })
}

/// `-S`: a script name without a `/` is looked for in `$PATH`.
fn search_in_path(path: std::path::PathBuf) -> std::path::PathBuf {
    if path.as_os_str().as_bytes().contains(&b'/') {
        return path;
    }
    let dirs = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&dirs)
        .map(|d| d.join(&path))
        .find(|p| p.is_file())
        .unwrap_or(path)
}

/// perl's `-v` text, in its shape, saying what answers.
fn perl_version_text() -> String {
    format!(
        "\nThis is psh {}, a shell whose language is Perl 5, following perl 5, \
         version 36, subversion 0 (v5.36.0)\n\n\
         psh is an implementation of Perl 5 in Rust, not perl itself; \
         perl is Copyright 1987-2022, Larry Wall.\n\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// `-V` and `-V:name` as a Perl program over the interpreter's Config.
fn config_program(spec: &[u8]) -> Vec<u8> {
    let Some(name) = spec.strip_prefix(b":") else {
        return b"use Config; print Config::myconfig(); \
            print \"  Platform:\\n    osname=$Config{osname}\\n    archname=$Config{archname}\\n\"; \
            print \"\\nCharacteristics of this binary: psh, Perl 5 in Rust\\n  \\@INC:\\n\"; \
            print map(\"    $_\\n\", @INC);\n"
            .to_vec();
    };
    let mut quoted = b"'".to_vec();
    for &c in name {
        if c == b'\\' || c == b'\'' {
            quoted.push(b'\\');
        }
        quoted.push(c);
    }
    quoted.push(b'\'');
    // A name with other than word characters is a pattern, as in perl.
    let mut code = b"use Config; my $n = ".to_vec();
    code.extend_from_slice(&quoted);
    code.extend_from_slice(
        b"; if ($n =~ /\\W/) { my @m = Config::config_re($n); \
          print map(\"$_;\\n\", @m); print \"$n='UNKNOWN';\\n\" unless @m } \
          else { Config::config_vars($n) }\n",
    );
    code
}

/// `--threads N`, `--threads=N`, `--parallel-threshold N`/`=N`: the option
/// and its number (`i` moves past a separate value).
fn numeric_option(
    a: &[u8],
    argv: &[OsString],
    i: &mut usize,
) -> Result<Option<(&'static str, usize)>, String> {
    for flag in ["--threads", "--parallel-threshold"] {
        let value = match a.strip_prefix(flag.as_bytes()) {
            Some([]) => {
                *i += 1;
                argv.get(*i).map(|v| v.as_bytes())
            }
            Some([b'=', v @ ..]) => Some(v),
            _ => continue,
        };
        let n = value
            .and_then(|v| std::str::from_utf8(v).ok())
            .and_then(|v| v.parse::<usize>().ok())
            .ok_or_else(|| format!("{flag}: expects a number"))?;
        return Ok(Some((flag, n)));
    }
    Ok(None)
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
        switches: Switches::default(),
    }
}
