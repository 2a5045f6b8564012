//! perl's command-line switches (`-n -p -l -a -F -0 -i -M -m -x -s`, `#!`
//! line switches, the `perl`/`pperl` name): each case runs `/usr/bin/perl`
//! and psh with the same arguments, standard input and files, each in a
//! scratch directory of its own, and requires the same stdout, stderr, exit
//! status and files afterwards.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

mod common;
use common::Scratch;

const PERL: &str = "/usr/bin/perl";

#[derive(Default)]
struct Case<'a> {
    args: &'a [&'a str],
    stdin: &'a str,
    files: &'a [(&'a str, &'a str)],
}

/// What a run leaves: stdout, stderr, status and every file of the
/// directory with its contents.
type Result = (String, String, Option<i32>, Vec<(String, String)>);

fn run_in(dir: &Path, program: &str, case: &Case) -> Result {
    for (name, text) in case.files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let mut child = Command::new(program)
        .args(case.args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", dir)
        .env("LC_ALL", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(case.stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                String::from_utf8_lossy(&std::fs::read(e.path()).unwrap_or_default()).into_owned(),
            )
        })
        .collect();
    files.sort();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
        files,
    )
}

/// perl's result and psh's (as `psh`, or through a link named `name`).
fn both(tag: &str, name: Option<&str>, case: &Case) -> (Result, Result) {
    let p = Scratch::new("sw", &format!("{tag}-perl"));
    let s = Scratch::new("sw", &format!("{tag}-psh"));
    let perl = run_in(&p.0, PERL, case);
    let psh = match name {
        None => run_in(&s.0, env!("CARGO_BIN_EXE_psh"), case),
        Some(n) => {
            // The link lives outside the directory compared afterwards.
            let bin = Scratch::new("sw", &format!("{tag}-bin"));
            let link = bin.0.join(n);
            std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_psh"), &link).unwrap();
            run_in(&s.0, link.to_str().unwrap(), case)
        }
    };
    (perl, psh)
}

fn same_as(tag: &str, name: Option<&str>, case: Case) {
    let (perl, psh) = both(tag, name, &case);
    assert_eq!(perl, psh, "{tag}: perl (left) and psh (right) differ");
}

fn same(tag: &str, case: Case) {
    same_as(tag, None, case)
}

const TWO: &[(&str, &str)] = &[("f1", "a1\nb2\n"), ("f2", "c3\n")];

#[test]
fn dash_n_and_p() {
    same(
        "n",
        Case {
            args: &["-ne", "print if /b|c/", "f1", "f2"],
            files: TWO,
            ..Case::default()
        },
    );
    same(
        "p",
        Case {
            args: &["-pe", "s/\\d/N/", "f1", "f2"],
            files: TWO,
            ..Case::default()
        },
    );
    same(
        "p-stdin",
        Case {
            args: &["-pe", "tr/a-z/A-Z/"],
            stdin: "abc\ndef\n",
            ..Case::default()
        },
    );
    // `next LINE` still runs -p's printing `continue` block.
    same(
        "next-line",
        Case {
            args: &["-pe", "next LINE if /a/; $_ = qq{x\\n}", "f1", "f2"],
            files: TWO,
            ..Case::default()
        },
    );
    // `$.` goes on across the files of <>.
    same(
        "dot",
        Case {
            args: &["-ne", "print qq{$.:$ARGV:$_}", "f1", "f2"],
            files: TWO,
            ..Case::default()
        },
    );
    // A file that cannot be opened is skipped with perl's message.
    same(
        "missing",
        Case {
            args: &["-pe1", "nonexistent", "f1"],
            files: TWO,
            ..Case::default()
        },
    );
}

#[test]
fn line_numbers_and_phase_blocks() {
    same(
        "die",
        Case {
            args: &["-ne", "die qq{x}", "f1"],
            files: TWO,
            ..Case::default()
        },
    );
    same(
        "die-line2",
        Case {
            args: &["-ne", "1;", "-e", "warn qq{w}; die qq{x} if $. == 2", "f1"],
            files: TWO,
            ..Case::default()
        },
    );
    same(
        "end",
        Case {
            args: &["-lne", "$c++; END { print $c }", "f1", "f2"],
            files: TWO,
            ..Case::default()
        },
    );
    same(
        "begin",
        Case {
            args: &["-ne", "BEGIN { print qq{begin\\n} } print", "f1"],
            files: TWO,
            ..Case::default()
        },
    );
    same(
        "multi-e",
        Case {
            args: &["-e", "print 1;", "-e", "print 2, qq{\\n}"],
            ..Case::default()
        },
    );
    // The "eskimo greeting": the code closes the loop itself.
    same(
        "eskimo",
        Case {
            args: &["-lne", "}{ print $.", "f1", "f2"],
            files: TWO,
            ..Case::default()
        },
    );
    same(
        "syntax-error",
        Case {
            args: &["-ne", "print 1 +"],
            ..Case::default()
        },
    );
}

#[test]
fn dash_l_a_and_f() {
    same(
        "l",
        Case {
            args: &["-lne", "print length", "f1", "f2"],
            files: TWO,
            ..Case::default()
        },
    );
    same(
        "l-print",
        Case {
            args: &["-le", "print for 1..3"],
            ..Case::default()
        },
    );
    same(
        "l-octal",
        Case {
            args: &["-l072", "-e", "print 1; print 2"],
            ..Case::default()
        },
    );
    same(
        "lp",
        Case {
            args: &["-lpe", "$_ .= q{!}", "f1"],
            files: TWO,
            ..Case::default()
        },
    );
    same(
        "lane",
        Case {
            args: &["-lane", "print $F[1]"],
            stdin: "x y z\n  p   q\n",
            ..Case::default()
        },
    );
    same(
        "F-colon",
        Case {
            args: &["-F:", "-lane", "print $F[2]"],
            stdin: "a:b:c\nd:e:f\n",
            ..Case::default()
        },
    );
    same(
        "F-slash",
        Case {
            args: &["-F/,/", "-ane", "print $F[1]"],
            stdin: "a,b,c\n",
            ..Case::default()
        },
    );
    // -F implies -a and -n.
    same(
        "F-implies",
        Case {
            args: &["-F,", "-le", "print scalar @F"],
            stdin: "a,b,c\nd\n",
            ..Case::default()
        },
    );
}

#[test]
fn dash_0() {
    same(
        "0-nul",
        Case {
            args: &["-0", "-ne", "print qq{<$_>\\n}"],
            stdin: "a\0b\0c",
            ..Case::default()
        },
    );
    same(
        "00",
        Case {
            args: &["-00", "-ne", "print qq{[$_]}"],
            stdin: "a\nb\n\n\n\nc\n",
            ..Case::default()
        },
    );
    same(
        "0777",
        Case {
            args: &["-0777", "-ne", "print length, qq{\\n}", "f1", "f2"],
            files: TWO,
            ..Case::default()
        },
    );
    same(
        "0-hex",
        Case {
            args: &["-0x41", "-ne", "print qq{[$_]}"],
            stdin: "xAyAz",
            ..Case::default()
        },
    );
    // -l takes $/ as it is when -l is read: here "\n", then $/ is NUL.
    same(
        "ln0",
        Case {
            args: &["-ln0e", "print qq{[$_]}"],
            stdin: "a\0b\0",
            ..Case::default()
        },
    );
    same(
        "00l",
        Case {
            args: &["-00", "-le", "print qq{[$\\]}"],
            ..Case::default()
        },
    );
}

#[test]
fn in_place_editing() {
    same(
        "i-bak",
        Case {
            args: &[
                "-pi.bak",
                "-e",
                "s/\\d/X/; print STDOUT qq{$ARGV:$.\\n}",
                "f1",
                "f2",
            ],
            files: TWO,
            ..Case::default()
        },
    );
    same(
        "i",
        Case {
            args: &["-i", "-pe", "s/^/> /", "f1", "f2"],
            files: TWO,
            ..Case::default()
        },
    );
    same(
        "i-star-attached",
        Case {
            args: &["-pi*.orig", "-e", "s/a/A/", "f1"],
            files: TWO,
            ..Case::default()
        },
    );
    same(
        "i-var",
        Case {
            args: &[
                "-i.k",
                "-ne",
                "print qq{[$^I] $_}; print STDOUT qq{out\\n}",
                "f2",
            ],
            files: TWO,
            ..Case::default()
        },
    );
    // A program that dies leaves the file as it was; `exit` and `last`
    // keep what was written so far.
    for (tag, code) in [
        ("i-die", "s/\\d/N/; die qq{x} if $. == 2"),
        ("i-exit", "s/\\d/N/; exit if $. == 2"),
        ("i-last", "s/\\d/N/; last if $. == 2"),
        ("i-end", "s/\\d/N/; END { print qq{end\\n} }"),
    ] {
        same(
            tag,
            Case {
                args: &["-pi.bak", "-e", code, "f1", "f2"],
                files: TWO,
                ..Case::default()
            },
        );
    }
    same(
        "i-stdin",
        Case {
            args: &["-pi", "-e", "s/x/y/"],
            stdin: "x\n",
            ..Case::default()
        },
    );
}

#[test]
fn modules() {
    same(
        "M-import",
        Case {
            args: &["-MList::Util=sum,max", "-le", "print sum(1..4), max(3,9)"],
            ..Case::default()
        },
    );
    same(
        "m-bare",
        Case {
            args: &[
                "-mList::Util",
                "-le",
                "print defined &sum ? q{imp} : q{no}; print List::Util::sum(1,2)",
            ],
            ..Case::default()
        },
    );
    same(
        "m-import",
        Case {
            args: &["-mList::Util=min", "-le", "print min(5,2)"],
            ..Case::default()
        },
    );
    same(
        "M-no",
        Case {
            args: &["-Mstrict", "-M-strict", "-e", "$x = 1; print qq{ok\\n}"],
            ..Case::default()
        },
    );
    same(
        "M-written",
        Case {
            args: &[
                "-MList::Util qw(first)",
                "-le",
                "print first { $_ > 1 } 1..3",
            ],
            ..Case::default()
        },
    );
    same(
        "M-with-n",
        Case {
            args: &["-MList::Util=sum", "-lane", "print sum @F"],
            stdin: "1 2 3\n4 5\n",
            ..Case::default()
        },
    );
}

#[test]
fn extract_and_script_switches() {
    let garbage = "mail header\nmore text\n#!/usr/bin/perl -l\nprint qq{line }, __LINE__;\nwarn qq{w};\n__END__\njunk\n";
    same(
        "x",
        Case {
            args: &["-x", "g.txt"],
            files: &[("g.txt", garbage)],
            ..Case::default()
        },
    );
    same(
        "x-none",
        Case {
            args: &["-x", "g.txt"],
            files: &[("g.txt", "no perl here\n")],
            ..Case::default()
        },
    );
    same(
        "s",
        Case {
            args: &["-s", "s.pl", "-foo", "-bar=baz", "--", "-x", "y"],
            files: &[("s.pl", "print qq{$foo $bar @ARGV\\n};\n")],
            ..Case::default()
        },
    );
    same(
        "s-e",
        Case {
            args: &["-se", "print qq{$xyz|@ARGV\\n}", "--", "-xyz=1", "rest"],
            ..Case::default()
        },
    );
}

#[test]
fn shebang_switches() {
    same(
        "shebang-l",
        Case {
            args: &["s.pl"],
            files: &[("s.pl", "#!/usr/bin/perl -l\nprint q{a}; print q{b};\n")],
            ..Case::default()
        },
    );
    same(
        "shebang-pl",
        Case {
            args: &["s.pl"],
            stdin: "abc\naXa\n",
            files: &[("s.pl", "#!/usr/bin/perl -pl\ns/a/X/;\n")],
        },
    );
    same(
        "shebang-n-data",
        Case {
            args: &["s.pl"],
            stdin: "q\n",
            files: &[(
                "s.pl",
                "#!/usr/bin/perl -n\nprint qq{[$_]}; print <DATA> if $. == 1;\n__END__\nfoo\n",
            )],
        },
    );
    same(
        "shebang-w-a",
        Case {
            args: &["s.pl"],
            stdin: "1 2\n",
            files: &[(
                "s.pl",
                "#!/usr/bin/perl -wla\nprint $F[1]; my $u; print qq{$u};\n",
            )],
        },
    );
    same(
        "shebang-i",
        Case {
            args: &["s.pl", "f1"],
            files: &[("s.pl", "#!/usr/bin/perl -pi.b\ns/1/one/;\n"), TWO[0]],
            ..Case::default()
        },
    );
}

#[test]
fn started_as_perl() {
    let script: &[(&str, &str)] = &[("t.pl", "print qq{hi\\n};\n")];
    for name in ["pperl", "perl"] {
        same_as(
            name,
            Some(name),
            Case {
                args: &["-c", "t.pl"],
                files: script,
                ..Case::default()
            },
        );
        same_as(
            name,
            Some(name),
            Case {
                args: &["-c", "-e", "print 1 +"],
                ..Case::default()
            },
        );
        same_as(
            name,
            Some(name),
            Case {
                args: &["-le", "print 42"],
                ..Case::default()
            },
        );
        // No program on the command line: it is read from stdin.
        same_as(
            name,
            Some(name),
            Case {
                args: &[],
                stdin: "print qq{from stdin\\n};\n",
                ..Case::default()
            },
        );
        same_as(
            name,
            Some(name),
            Case {
                args: &["-lpi", "-e", "$_ = uc", "f1"],
                files: TWO,
                ..Case::default()
            },
        );
    }
}

#[test]
fn shell_meanings_stay_without_a_program() {
    // As psh, -c is a command string, and -l/-i without a program keep
    // their shell meanings (login shell, interactive).
    let o = Command::new(env!("CARGO_BIN_EXE_psh"))
        .args(["-c", "echo hi"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout), "hi\n");
    let o = Command::new(env!("CARGO_BIN_EXE_psh"))
        .args(["--check", "-ne", "print"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stderr), "-e syntax OK\n");
    // With a program, a bare -l is perl's.
    let o = Command::new(env!("CARGO_BIN_EXE_psh"))
        .args(["-l", "-e", "print 1; print 2"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout), "1\n2\n");
}

#[test]
fn config_and_version() {
    same(
        "V-name",
        Case {
            args: &["-V:osname"],
            ..Case::default()
        },
    );
    same(
        "V-unknown",
        Case {
            args: &["-V:nosuchthing"],
            ..Case::default()
        },
    );
    let o = Command::new(env!("CARGO_BIN_EXE_psh"))
        .arg("-v")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.starts_with("\nThis is psh "), "{text}");
    assert!(text.contains("(v5.36.0)"), "{text}");
}

#[test]
fn warnings_switches() {
    for (tag, args) in [
        (
            "X",
            &[
                "-Xe",
                "use warnings; my $x; print qq{v=$x\\n}; warn qq{kept}",
            ][..],
        ),
        ("W", &["-We", "no warnings; my $x; print qq{v=$x\\n}"][..]),
        ("w-l", &["-wle", "my $x; print qq{v=$x}"][..]),
        ("X-open", &["-Xpe1", "nonexistent"][..]),
    ] {
        same(
            tag,
            Case {
                args,
                ..Case::default()
            },
        );
    }
    // perl's exit status here is whatever errno its start-up left (it
    // depends on what stdin is): only the message is compared.
    let (perl, psh) = both(
        "bad-switch",
        Some("pperl"),
        &Case {
            args: &["-qfoo", "-e1"],
            ..Case::default()
        },
    );
    assert_eq!((&perl.0, &perl.1), (&psh.0, &psh.1));
    assert_ne!(psh.2, Some(0));
}
