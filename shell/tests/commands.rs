//! Command lines through `psh -c`: pipes, redirections, `&&`/`||`, word
//! expansion from Perl scope, built-ins, exit statuses. Each test runs psh
//! in its own scratch directory.

use std::process::{Command, Output};

mod common;
use common::{perl, Scratch};

impl Scratch {
    fn run(&self, script: &str) -> Output {
        Command::new(env!("CARGO_BIN_EXE_psh"))
            .arg("-c")
            .arg(script)
            .current_dir(&self.0)
            .env("HOME", &self.0)
            .env_remove("NO_COLOR")
            .output()
            .expect("psh runs")
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn pipes_and_connectors() {
    let s = Scratch::new("cmd", "pipes");
    let o = s.run("^printf 'b\\na\\nc\\n' > f; ^sort f | head -2");
    assert_eq!(out(&o), "a\nb\n");
    let o = s.run("false && echo no; false || echo yes; true && echo and");
    assert_eq!(out(&o), "yes\nand\n");
    // A whole and-or list in the background, then waited for.
    let o = s.run("^sleep 0.2 && echo second & echo first; wait; echo waited");
    assert_eq!(out(&o), "first\nsecond\nwaited\n");
    let o = s.run("ls /nonexistent-dir-psh 2>&1 | wc -l");
    assert_eq!(out(&o).trim(), "1");
}

#[test]
fn redirections() {
    let s = Scratch::new("cmd", "redir");
    let o = s.run("echo one > f\necho two >> f\ncat < f\nls /nonexistent-psh 2> e\n^wc -l e");
    assert_eq!(out(&o), "one\ntwo\n1 e\n");
    let o = s.run("ls /nonexistent-psh &> both; cat both | wc -l");
    assert_eq!(out(&o).trim(), "1");
}

#[test]
fn words_from_perl_scope() {
    let s = Scratch::new("cmd", "words");
    let o =
        s.run("my $f = 'a file'; my @l = ('x', 'y z');\necho [$f] @l \"@l\"\n^printf '<%s>' @l");
    assert_eq!(out(&o), "[a file] x y z x y z\n<x><y z>");
    let o = s.run("my %h = (k => 'v'); my $r = {a => [1, 2]};\necho $h{k} $r->{a}[1] '$h{k}'");
    assert_eq!(out(&o), "v 2 $h{k}\n");
}

#[test]
fn environment_words() {
    let s = Scratch::new("cmd", "envwords");
    let o = s.run("echo $HOME\nmy $HOME = 'mine';\necho $HOME $ENV{HOME}");
    let home = s.0.display().to_string();
    assert_eq!(out(&o), format!("{home}\nmine {home}\n"));
}

#[test]
fn command_substitution() {
    let s = Scratch::new("cmd", "subst");
    let o = s.run("echo a$(echo b c)d \"[$(^printf 'x\\ny\\n')]\"");
    assert_eq!(out(&o), "ab cd [x\ny]\n");
    let o = s.run("cd $(dirname /usr/bin/env) && pwd");
    assert_eq!(out(&o), "/usr/bin\n");
    // More output than a pipe holds.
    let o = s.run("echo $(seq 1 50000) | wc -w");
    assert_eq!(out(&o).trim(), "50000");
}

#[test]
fn globs_and_tilde() {
    let s = Scratch::new("cmd", "glob");
    for n in ["b.txt", "a.txt", "c.log"] {
        std::fs::write(s.0.join(n), "").unwrap();
    }
    let o = s.run("echo *.txt '*.txt' nomatch*.zz");
    assert_eq!(out(&o), "a.txt b.txt *.txt nomatch*.zz\n");
    let o = s.run("echo ~ ~/x");
    let home = s.0.display().to_string();
    assert_eq!(out(&o), format!("{home} {home}/x\n"));
}

#[test]
fn exit_statuses() {
    let s = Scratch::new("cmd", "status");
    let o = s.run("no-such-program-psh --flag");
    assert_eq!(o.status.code(), Some(127));
    assert!(
        err(&o).contains("command not found: no-such-program-psh"),
        "{}",
        err(&o)
    );
    std::fs::write(s.0.join("noexec.sh"), "#!/bin/sh\necho hi\n").unwrap();
    // Not executable: forced with ^, the program cannot run (126).
    let o = s.run("^./noexec.sh");
    assert_eq!(o.status.code(), Some(126), "{}", err(&o));
    let o = s.run("sh -c 'kill -TERM $$'; print \"st=$?\\n\"");
    assert_eq!(out(&o), "st=15\n");
    let o = s.run("exit 3");
    assert_eq!(o.status.code(), Some(3));
    let o = s.run("sh -c 'exit 4'");
    assert_eq!(o.status.code(), Some(4));
}

#[test]
fn perl_and_commands_mix() {
    let s = Scratch::new("cmd", "mix");
    let o = s.run("echo start\nmy $n = 2 * 21;\nprint \"n=$n\\n\";\necho n is $n\ncd /; print \"in $ENV{PWD}\\n\"");
    assert_eq!(out(&o), "start\nn=42\nn is 42\nin /\n");
    // psh's own ls() gives records; other programs give their output lines.
    let o = s.run("my @f = ls('/'); print scalar(grep { $_->{name} eq 'tmp' && $_->{type} eq 'dir' } @f), \"\\n\"");
    assert_eq!(out(&o), "1\n");
    std::fs::write(s.0.join("two"), "a\nb\n").unwrap();
    let o = s.run("my @l = cat('two'); my $t = cat('two'); print scalar(@l), length($t), \"\\n\"");
    assert_eq!(out(&o), "24\n");
    let o = s.run("^printf 'apple\\nbanana\\ncherry\\n' | grep { /an/ } | map { uc }");
    assert_eq!(out(&o), "BANANA\n");
}

#[test]
fn builtins() {
    let s = Scratch::new("cmd", "builtins");
    std::fs::create_dir(s.0.join("sub")).unwrap();
    let o = s.run("cd sub; pwd; cd -; pushd sub > /dev/null; popd > /dev/null; pwd");
    let here = std::fs::canonicalize(&s.0).unwrap().display().to_string();
    let lines: Vec<String> = out(&o).lines().map(|l| l.to_string()).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].ends_with("/sub"));
    assert_eq!(
        std::fs::canonicalize(&lines[2])
            .unwrap()
            .display()
            .to_string(),
        here
    );
    let o = s.run("export PSH_T=1; ^sh -c 'echo $PSH_T'; unset PSH_T; ^sh -c 'echo [$PSH_T]'");
    assert_eq!(out(&o), "1\n[]\n");
    let o = s.run("alias say-hi='echo hi'\nsay-hi there");
    assert_eq!(out(&o), "hi there\n");
    let o = s.run("which cd print");
    assert_eq!(
        out(&o),
        "cd is a psh built-in command\nprint is a Perl keyword\n"
    );
    let o = s.run("cd /nonexistent-psh");
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("No such file or directory"), "{}", err(&o));
}

#[test]
fn syntax_errors_are_marked() {
    let s = Scratch::new("cmd", "syntax");
    let o = s.run("echo 'unterminated");
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(e.contains("psh: syntax error"), "{e}");
    assert!(e.contains("^"), "{e}");
}

#[test]
fn object_pipes_equal_plain_perl() {
    let s = Scratch::new("cmd", "pipes-perl");
    let o = s.run("(1..50) | grep { $_ % 3 } | map { $_ * 2 } | sort { $b <=> $a } | head 5");
    assert_eq!(
        out(&o),
        perl(r#"print "$_\n" for (sort { $b <=> $a } map { $_ * 2 } grep { $_ % 3 } 1..50)[0..4]"#)
    );
    let o = s.run("(qw(pear apple fig apple)) | uniq | sort | tail 2");
    assert_eq!(out(&o), "fig\npear\n");
    let o = s.run("(1..10) | sum");
    assert_eq!(out(&o), "55\n");
    let o = s.run("(4, 9, 2) | max");
    assert_eq!(out(&o), "9\n");
    let o = s.run("(1..100) | first { $_ * $_ > 50 }");
    assert_eq!(out(&o), "8\n");
    // Bitwise or between numbers keeps its Perl meaning.
    let o = s.run("print 5 | 3, \"\\n\"");
    assert_eq!(out(&o), "7\n");
}

#[test]
fn object_pipes_with_programs_and_formats() {
    let s = Scratch::new("cmd", "pipes-prog");
    std::fs::write(s.0.join("log"), "ok 1\nERROR a\nok 2\nERROR b\n").unwrap();
    let o = s.run("cat('log') | grep { /ERROR/ } | count");
    assert_eq!(out(&o), "2\n");
    let o = s.run("(qw(b a b)) | uniq | wc -l");
    assert_eq!(out(&o).trim(), "2");
    let o = s.run("({n => 'x', v => 1}, {n => 'y', v => 2}) | to_csv");
    assert_eq!(out(&o), "n,v\nx,1\ny,2\n");
    let o = s.run("({n => 'x', v => 1}) | to_json");
    assert_eq!(out(&o), "{\"n\":\"x\",\"v\":1}\n");
    let o = s.run("(1, 2, 3) | save 'nums.txt'\n^cat nums.txt");
    assert_eq!(out(&o), "3\n1\n2\n3\n");
}

/// A pipeline's records written to a file or another program are JSON
/// lines (machine-readable, nothing truncated); `table` asks for the table.
#[test]
fn pipeline_records_to_a_non_terminal() {
    let s = Scratch::new("cmd", "pipes-out");
    std::fs::write(s.0.join("a.txt"), "hello").unwrap();
    std::fs::create_dir(s.0.join("sub")).unwrap();
    let o = s.run("ls('.') | sort { $a->{name} cmp $b->{name} }");
    let lines: Vec<String> = out(&o).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 2, "{}", out(&o));
    // Each line is a JSON object perl can read back, with ls's keys.
    let check = Command::new("perl")
        .arg("-MJSON::PP")
        .arg("-e")
        .arg("for (@ARGV) { my $r = decode_json($_); print \"$r->{name}:$r->{type}:$r->{size}\\n\" }")
        .args(&lines)
        .output()
        .unwrap();
    assert_eq!(
        out(&check),
        "a.txt:file:5\nsub:dir:4096\n".replace(
            "4096",
            &std::fs::metadata(s.0.join("sub"))
                .map(|m| {
                    use std::os::unix::fs::MetadataExt;
                    m.size().to_string()
                })
                .unwrap()
        )
    );
    let o = s.run("ls('.') | sort { $a->{name} cmp $b->{name} } | table");
    let t = out(&o);
    assert!(t.lines().next().unwrap().contains("name"), "{t}");
    assert!(t.contains("a.txt") && t.contains("sub"), "{t}");
    // Plain values stay plain lines.
    let o = s.run("(1 .. 3) | map { $_ * 2 }");
    assert_eq!(out(&o), "2\n4\n6\n");
}
