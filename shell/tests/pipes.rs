//! Object pipes that stream: a program's output read batch by batch,
//! stopping early, bounded memory, and the same values as the whole-list
//! Perl they stand for. Each script runs through `psh -c` with a time
//! limit, so a pipe that does not stop fails instead of hanging.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{perl, Scratch};

impl Scratch {
    /// Run `script` with `psh -c`; its stdout, stderr and exit code. Fails
    /// the test when it takes longer than `limit`.
    fn run_within(&self, script: &str, limit: Duration) -> (String, String, i32) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_psh"))
            .arg("-c")
            .arg(script)
            .current_dir(&self.0)
            .env("HOME", &self.0)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("psh runs");
        // Read both pipes on threads so a chatty psh cannot block on them.
        let mut so = child.stdout.take().unwrap();
        let mut se = child.stderr.take().unwrap();
        let t_out = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = so.read_to_string(&mut s);
            s
        });
        let t_err = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = se.read_to_string(&mut s);
            s
        });
        let start = Instant::now();
        let status = loop {
            if let Some(st) = child.try_wait().unwrap() {
                break st;
            }
            if start.elapsed() > limit {
                let _ = child.kill();
                let _ = child.wait();
                panic!("psh -c {script:?} ran longer than {limit:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let out = t_out.join().unwrap();
        let err = t_err.join().unwrap();
        (out, err, status.code().unwrap_or(-1))
    }

    fn run(&self, script: &str) -> String {
        let (out, err, _) = self.run_within(script, Duration::from_secs(60));
        assert!(err.is_empty(), "{script}: stderr: {err}");
        out
    }
}

#[test]
fn head_and_first_stop_an_endless_producer() {
    let s = Scratch::new("pipes", "stop");
    let limit = Duration::from_secs(20);
    let (out, err, code) = s.run_within("yes() | head 3", limit);
    assert_eq!(out, "y\ny\ny\n", "stderr: {err}");
    assert_eq!(code, 0);
    let (out, err, _) = s.run_within("yes() | first { /y/ }", limit);
    assert_eq!(out, "y\n", "stderr: {err}");
    // Stages before the stop run on what arrived; stages after it on what
    // the stop let through.
    let (out, _, _) = s.run_within(
        "yes('ab') | map { uc } | grep { /B/ } | head 2 | map { \"<$_>\" }",
        limit,
    );
    assert_eq!(out, "<AB>\n<AB>\n");
    let (out, _, _) = s.run_within("yes() | head 5 | count", limit);
    assert_eq!(out, "5\n");
}

#[test]
fn status_after_a_stream() {
    let s = Scratch::new("pipes", "status");
    // Stopped early: the producer's SIGPIPE is no failure.
    let out = s.run("yes() | head 1\nprint \"st=$?\\n\"");
    assert_eq!(out, "y\nst=0\n");
    // A producer that fails on its own keeps its status, as `prog(ARGS)`.
    let out = s.run("sh('-c', 'echo a; echo b; exit 3') | count\nprint \"st=$?\\n\"");
    assert_eq!(out, "2\nst=768\n");
    let out = s.run("sh('-c', 'echo a; exit 5') | head 1\nprint \"st=$?\\n\"");
    assert_eq!(out, "a\nst=1280\n");
    let out = s.run("sh('-c', 'kill -TERM $$') | count\nprint \"st=$?\\n\"");
    assert_eq!(out, "0\nst=15\n");
    // A stage that dies ends the pipeline with its error, and the producer
    // is not waited for forever.
    let (out, err, _) = s.run_within(
        "yes() | map { die \"boom\\n\" } | head 1\nprint \"after\\n\"",
        Duration::from_secs(20),
    );
    assert!(err.contains("boom"), "{err}");
    assert_eq!(out, "after\n");
}

#[test]
fn memory_stays_bounded_on_a_big_stream() {
    let s = Scratch::new("pipes", "memory");
    // 2,000,000 lines of 100 bytes: 200 MB of text, which as a whole list
    // of Perl strings takes about 700 MB (one batch: a few tens of MB).
    let script = r#"perl('-e', 'print "x" x 99, "\n" for 1 .. 2_000_000') | grep { /x/ } | count | map { open my $f, '<', '/proc/self/status' or die; my ($kb) = map { /^VmHWM:\s*(\d+)/ ? $1 : () } <$f>; "$_ $kb" }"#;
    let (out, err, _) = s.run_within(script, Duration::from_secs(120));
    let mut words = out.split_whitespace();
    let n: u64 = words.next().and_then(|w| w.parse().ok()).unwrap_or(0);
    let kb: u64 = words
        .next()
        .and_then(|w| w.parse().ok())
        .unwrap_or(u64::MAX);
    assert_eq!(n, 2_000_000, "out: {out} err: {err}");
    assert!(kb < 100 * 1024, "peak RSS {kb} kB");
}

#[test]
fn streams_equal_plain_perl() {
    let s = Scratch::new("pipes", "equal");
    let out = s.run("seq(1, 100000) | grep { $_ % 7 == 0 } | map { $_ * 3 } | sum");
    assert_eq!(
        out,
        perl("my $s = 0; $s += $_ for map { $_ * 3 } grep { $_ % 7 == 0 } 1 .. 100000; print \"$s\\n\"")
    );
    // Across batch boundaries (a batch is at most 65536 lines).
    let out = s.run("seq(1, 200000) | map { $_ % 1000 } | uniq | count");
    assert_eq!(out, "1000\n");
    let out = s.run("seq(1, 200000) | head 70000 | count");
    assert_eq!(out, "70000\n");
    let out = s.run("seq(1, 200000) | tail 3");
    assert_eq!(out, "199998\n199999\n200000\n");
    let out = s.run("seq(1, 200000) | grep { /7$/ } | sort { $b <=> $a } | head 3");
    assert_eq!(out, "199997\n199987\n199977\n");
    let out = s.run("seq(1, 200000) | min");
    assert_eq!(out, "1\n");
    let out = s.run("seq(1, 200000) | max");
    assert_eq!(out, "200000\n");
    let out = s.run("seq(1, 200000) | first { $_ > 150000 }");
    assert_eq!(out, "150001\n");
    let out = s.run("seq(1, 5) | reverse");
    assert_eq!(out, "5\n4\n3\n2\n1\n");
    // Formats: a header once, from the first line or record.
    let out = s.run(
        r#"sh('-c', 'printf "a,b\n1,2\n3,4\n"') | from_csv | map { $_->{a} + $_->{b} } | sum"#,
    );
    assert_eq!(out, "10\n");
    let out = s.run(r#"seq(1, 3) | map { +{ n => $_ } } | to_csv"#);
    assert_eq!(out, "n\n1\n2\n3\n");
    let out =
        s.run("seq(1, 3) | map { +{ n => $_ } } | to_json | from_json | map { $_->{n} } | sum");
    assert_eq!(out, "6\n");
    let out = s.run("seq(1, 70000) | save 'n.txt'\nprint -s 'n.txt', \"\\n\"");
    assert_eq!(
        out,
        format!(
            "70000\n{}\n",
            perl("print length join '', map { \"$_\\n\" } 1 .. 70000")
        )
    );
    // A program stage after a streamed source.
    let out = s.run("seq(1, 100) | grep { /5/ } | wc -l");
    assert_eq!(out.trim(), "19");
    // A last line without a newline counts, as with `prog(ARGS)`.
    let out = s.run(r#"sh('-c', 'printf "a\nb"') | map { "<$_>" }"#);
    assert_eq!(out, "<a>\n<b>\n");
}

#[test]
fn a_pipeline_can_be_assigned() {
    let s = Scratch::new("pipes", "assign");
    let out = s.run(
        "my $n = seq(1, 100000) | grep { /9/ } | count\n\
         my @top = seq(1, 100000) | sort { $b <=> $a } | head 2\n\
         print \"$n @top $?\\n\"",
    );
    let nines = (1..=100000)
        .filter(|i: &i32| i.to_string().contains('9'))
        .count();
    assert_eq!(out, format!("{nines} 100000 99999 0\n"));
    let out = s.run("my @w = (qw(b a c)) | sort\nprint \"@w\\n\"");
    assert_eq!(out, "a b c\n");
}

#[test]
fn ls_recursive_streams_in_ls_order() {
    let s = Scratch::new("pipes", "ls");
    for d in ["t/a/x", "t/a/y", "t/b", "t/c/z"] {
        std::fs::create_dir_all(s.0.join(d)).unwrap();
    }
    for i in 0..5000 {
        std::fs::write(s.0.join(format!("t/a/x/f{i:04}")), "").unwrap();
    }
    for f in ["t/top", "t/a/one", "t/a/y/two", "t/c/z/three"] {
        std::fs::write(s.0.join(f), "").unwrap();
    }
    // Through files: the prompt's display of a long list is cut short.
    s.run("ls('-R', 't') | map { $_->{path} } | save 'streamed'");
    s.run("open my $f, '>', 'whole'; print $f \"$_->{path}\\n\" for ls('-R', 't'); close $f");
    let streamed = std::fs::read_to_string(s.0.join("streamed")).unwrap();
    let whole = std::fs::read_to_string(s.0.join("whole")).unwrap();
    assert!(streamed == whole, "ls -R streamed differs from ls -R");
    assert_eq!(streamed.lines().count(), 5000 + 4 + 6);
    assert!(streamed.starts_with("t/a\nt/b\nt/c\nt/top\nt/a/one\nt/a/x\nt/a/y\nt/a/x/f0000\n"));
    assert!(streamed.ends_with("t/a/x/f4999\nt/a/y/two\nt/c/z\nt/c/z/three\n"));
    let out = s.run("ls('-R', 't') | first { $_->{name} eq 'three' } | map { $_->{path} }");
    assert_eq!(out, "t/c/z/three\n");
}
