//! Command-line parsing. Perl's switches bundle (`-we`, `-lane`), take
//! attached values (`-Ilib`, `-e'code'`) and stop at the script name, which
//! is not the shape of a general-purpose argument parser, so they are read
//! here by hand.

use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub enum Source {
    Code(Vec<u8>),
    File(std::path::PathBuf),
    Stdin,
}

pub struct Options {
    pub source: Source,
    pub args: Vec<Vec<u8>>,
    pub warnings: bool,
    pub check_only: bool,
    pub includes: Vec<String>,
    /// `--help`/`--version`: text to print instead of running anything.
    pub immediate_output: Option<String>,
}

const HELP: &str = "Usage: psh [switches] [--] [programfile] [arguments]
  -e code         run one line of Perl (several -e's make a program)
  -E code         like -e, with all optional features enabled
  -c code         run a command string (as a shell does; perl's -c is --check)
  -w              enable warnings
  -I dir          add dir to @INC
  --check         check syntax only
  -v, --version   print the version
  -h, --help      print this help
";

pub fn parse(argv: &[OsString]) -> Result<Options, String> {
    let mut code: Option<Vec<u8>> = None;
    let mut warnings = false;
    let mut check_only = false;
    let mut includes = Vec::new();
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
                return Ok(immediate(HELP.to_string()));
            }
            b"--version" | b"-v" => {
                return Ok(immediate(format!(
                    "psh {} — a shell whose language is Perl 5 (perl v5.36.0 compatible)\n",
                    env!("CARGO_PKG_VERSION")
                )));
            }
            b"--check" => {
                check_only = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        // Bundled single-letter switches.
        let mut j = 1;
        while j < a.len() {
            match a[j] {
                b'w' | b'W' => warnings = true,
                b'X' => warnings = false,
                b'e' | b'E' | b'c' => {
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
    let source = match code {
        Some(c) => Source::Code(c),
        None => match argv.get(i) {
            Some(p) if p.as_bytes() != b"-" => {
                i += 1;
                Source::File(std::path::PathBuf::from(p))
            }
            Some(_) => {
                i += 1;
                Source::Stdin
            }
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
        immediate_output: None,
    })
}

fn immediate(text: String) -> Options {
    Options {
        source: Source::Stdin,
        args: Vec::new(),
        warnings: false,
        check_only: false,
        includes: Vec::new(),
        immediate_output: Some(text),
    }
}
