//! Differential test harness: every `tests/perl/**/*.pl` script is run under
//! `/usr/bin/perl` (the oracle) and under `psh`; stdout, stderr and the exit
//! status must be identical.
//!
//! Per script (beside `name.pl`):
//! - `name.args`  — optional, one command-line argument per line;
//! - `name.stdin` — optional, fed as standard input (else stdin is empty).
//!
//! Both interpreters run with cwd = the script's folder, the script passed as
//! `./name.pl`, the same fixed environment (see [`test_env`]) and a 10 s
//! timeout.
//!
//! `tests/known_failures.txt` lists scripts (paths relative to `tests/perl`,
//! `#` comments) that are expected to fail: they are run and reported but do
//! not fail the test; a listed script that passes fails the test so that the
//! list stays honest.
//!
//! Environment variables:
//! - `PSH_TEST_FILTER=substr` — only scripts whose relative path contains it
//!   (a first positional argument to the test binary works too);
//! - `PSH_TEST_ARGS="--flag …"` — extra psh flags, put before the script;
//! - `PSH_TEST_BIN=/path/to/psh` — use another psh binary;
//! - `PSH_TEST_JOBS=N` — parallelism (default: available cores);
//! - `PSH_TEST_VERBOSE=1` — print every script's verdict;
//! - `PSH_TEST_UPDATE_KNOWN=1` — rewrite `known_failures.txt` with the
//!   scripts failing now (the header comments are kept).

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const PERL: &str = "/usr/bin/perl";
const TIMEOUT: Duration = Duration::from_secs(10);

fn tests_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests"))
}

/// The fixed environment given to both interpreters (the parent environment
/// is cleared so results do not depend on the machine or the user).
fn test_env() -> Vec<(String, String)> {
    let path = std::env::var("PATH").unwrap_or_else(|_| "/usr/bin:/bin".into());
    vec![
        ("PATH".into(), path),
        ("HOME".into(), "/tmp".into()),
        ("LC_ALL".into(), "C".into()),
        ("LANG".into(), "C".into()),
        ("TZ".into(), "UTC".into()),
        ("PSH_TEST_GREETING".into(), "hello world".into()),
        ("PSH_TEST_NUMBER".into(), "42".into()),
        ("PSH_TEST_EMPTY".into(), "".into()),
    ]
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Status {
    Exit(i32),
    Signal(i32),
    Timeout,
    SpawnError(String),
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Exit(c) => write!(f, "exit {c}"),
            Status::Signal(s) => write!(f, "signal {s}"),
            Status::Timeout => write!(f, "timeout after {}s", TIMEOUT.as_secs()),
            Status::SpawnError(e) => write!(f, "could not start: {e}"),
        }
    }
}

fn status_of(st: ExitStatus) -> Status {
    use std::os::unix::process::ExitStatusExt;
    match st.code() {
        Some(c) => Status::Exit(c),
        None => Status::Signal(st.signal().unwrap_or(-1)),
    }
}

struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: Status,
}

struct Case {
    /// Path relative to `tests/perl`, with `/` separators.
    rel: String,
    dir: PathBuf,
    file_name: String,
    args: Vec<String>,
    stdin: Option<PathBuf>,
}

fn run_one(program: &str, pre_args: &[String], case: &Case, env: &[(&str, &str)]) -> Outcome {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(program);
    cmd.args(pre_args)
        .arg(format!("./{}", case.file_name))
        .args(&case.args)
        .current_dir(&case.dir)
        .env_clear()
        .envs(test_env())
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    match &case.stdin {
        Some(p) => match fs::File::open(p) {
            Ok(f) => {
                cmd.stdin(Stdio::from(f));
            }
            Err(e) => {
                return Outcome {
                    stdout: vec![],
                    stderr: vec![],
                    status: Status::SpawnError(format!("{}: {e}", p.display())),
                }
            }
        },
        None => {
            cmd.stdin(Stdio::null());
        }
    }
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                stdout: vec![],
                stderr: vec![],
                status: Status::SpawnError(format!("{program}: {e}")),
            }
        }
    };
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_t = thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_t = thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break status_of(st),
            Ok(None) => {
                if start.elapsed() > TIMEOUT {
                    // Kill the whole process group (the script may have
                    // started children that keep the pipes open).
                    let _ = Command::new("kill")
                        .args(["-KILL", "--", &format!("-{}", child.id())])
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status();
                    let _ = child.kill();
                    let _ = child.wait();
                    break Status::Timeout;
                }
                thread::sleep(Duration::from_millis(5));
            }
            Err(e) => break Status::SpawnError(format!("wait: {e}")),
        }
    };
    let stdout = out_t.join().unwrap_or_default();
    let stderr = err_t.join().unwrap_or_default();
    Outcome {
        stdout,
        stderr,
        status,
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "pl") {
            out.push(p);
        }
    }
}

fn make_case(path: &Path, root: &Path) -> Case {
    let rel = path
        .strip_prefix(root)
        .unwrap()
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    let args_file = path.with_extension("args");
    let args = fs::read_to_string(&args_file)
        .map(|s| s.lines().map(str::to_owned).collect())
        .unwrap_or_default();
    let stdin_file = path.with_extension("stdin");
    Case {
        rel,
        dir: path.parent().unwrap().to_path_buf(),
        file_name: path.file_name().unwrap().to_string_lossy().into_owned(),
        args,
        stdin: stdin_file.is_file().then_some(stdin_file),
    }
}

fn normalize_listed(line: &str) -> Option<String> {
    let l = line.split('#').next().unwrap().trim();
    if l.is_empty() {
        return None;
    }
    let l = l.strip_prefix("./").unwrap_or(l);
    let l = l.strip_prefix("tests/perl/").unwrap_or(l);
    Some(l.to_owned())
}

fn lines_of(b: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(b)
        .split_inclusive('\n')
        .map(str::to_owned)
        .collect()
}

/// A compact description of the first difference between two outputs.
fn diff(name: &str, perl: &[u8], psh: &[u8], out: &mut String) {
    if perl == psh {
        return;
    }
    let a = lines_of(perl);
    let b = lines_of(psh);
    let first = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    out.push_str(&format!(
        "  {name} differs at line {} (perl: {} lines, psh: {} lines)\n",
        first + 1,
        a.len(),
        b.len()
    ));
    const CONTEXT: usize = 4;
    for (who, v) in [("perl", &a), ("psh ", &b)] {
        if first >= v.len() {
            out.push_str(&format!("    {who}| <end of output>\n"));
        }
        for l in v.iter().skip(first).take(CONTEXT) {
            let shown: String = l.chars().take(200).collect();
            out.push_str(&format!("    {who}| {shown:?}\n"));
        }
        if v.len() > first + CONTEXT {
            out.push_str(&format!(
                "    {who}| … {} more\n",
                v.len() - first - CONTEXT
            ));
        }
    }
}

struct Verdict {
    rel: String,
    pass: bool,
    report: String,
    elapsed: Duration,
}

fn check(case: &Case, psh: &str, psh_args: &[String]) -> Verdict {
    let start = Instant::now();
    let p = run_one(PERL, &[], case, &[]);
    let mut report = String::new();
    if matches!(p.status, Status::Timeout | Status::SpawnError(_)) {
        report.push_str(&format!("  perl itself failed: {}\n", p.status));
    }
    // psh as it runs normally (closure form), with the tree walker alone,
    // and with every pure grep/map/sort sent to the parallel workers: all
    // must match perl.
    let forced: Vec<String> = ["--parallel-threshold", "0"]
        .iter()
        .map(|a| a.to_string())
        .chain(psh_args.iter().cloned())
        .collect();
    for (mode, env, args) in [
        ("", &[][..], psh_args),
        (
            "tree walker: PSH_NO_LOWER=1",
            &[("PSH_NO_LOWER", "1")][..],
            psh_args,
        ),
        (
            "parallel forced: --parallel-threshold 0",
            &[][..],
            &forced[..],
        ),
    ] {
        let s = run_one(psh, args, case, env);
        let mut part = String::new();
        diff("stdout", &p.stdout, &s.stdout, &mut part);
        diff("stderr", &p.stderr, &s.stderr, &mut part);
        if p.status != s.status {
            part.push_str(&format!(
                "  status differs: perl {}, psh {}\n",
                p.status, s.status
            ));
        }
        if !part.is_empty() {
            if !mode.is_empty() {
                report.push_str(&format!("  ({mode})\n"));
            }
            report.push_str(&part);
            break;
        }
    }
    Verdict {
        rel: case.rel.clone(),
        pass: report.is_empty(),
        report,
        elapsed: start.elapsed(),
    }
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.iter().any(|a| a == "--list") {
        // `cargo test -- --list` and test runners that enumerate tests.
        if !argv.iter().any(|a| a == "--ignored") {
            println!("differential: test");
        }
        return;
    }
    // A positional argument (as in `cargo test NAME`) is a filter; flags of
    // the default test harness are ignored.
    let positional = argv.iter().find(|a| !a.starts_with('-')).cloned();
    let filter = std::env::var("PSH_TEST_FILTER").ok().or(positional);
    let psh = std::env::var("PSH_TEST_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_psh").into());
    let psh_args: Vec<String> = std::env::var("PSH_TEST_ARGS")
        .map(|s| s.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default();
    let verbose = std::env::var("PSH_TEST_VERBOSE").is_ok_and(|v| !v.is_empty() && v != "0");

    let tests = tests_root();
    let root = tests.join("perl");
    let mut paths = Vec::new();
    collect(&root, &mut paths);
    paths.sort();
    let cases: Vec<Case> = paths
        .iter()
        .map(|p| make_case(p, &root))
        .filter(|c| filter.as_ref().is_none_or(|f| c.rel.contains(f.as_str())))
        .collect();
    if cases.is_empty() {
        println!("differential: no scripts matched (filter: {filter:?})");
        println!("differential: 0 passed, 0 failed");
        return;
    }

    let known_path = tests.join("known_failures.txt");
    let known_text = fs::read_to_string(&known_path).unwrap_or_default();
    let known: Vec<String> = known_text.lines().filter_map(normalize_listed).collect();
    for k in &known {
        if !root.join(k).is_file() {
            println!("warning: known_failures.txt lists {k}, which does not exist");
        }
    }

    let jobs = std::env::var("PSH_TEST_JOBS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| thread::available_parallelism().map_or(2, |n| n.get()))
        .max(1);
    println!(
        "differential: {} scripts, psh = {psh} {}, {jobs} jobs",
        cases.len(),
        psh_args.join(" ")
    );

    let cases = Arc::new(cases);
    let next = Arc::new(AtomicUsize::new(0));
    let results: Arc<Mutex<Vec<Verdict>>> = Arc::new(Mutex::new(Vec::new()));
    let psh_args = Arc::new(psh_args);
    let mut handles = Vec::new();
    for _ in 0..jobs.min(cases.len()) {
        let (cases, next, results, psh, psh_args) = (
            cases.clone(),
            next.clone(),
            results.clone(),
            psh.clone(),
            psh_args.clone(),
        );
        handles.push(thread::spawn(move || loop {
            let i = next.fetch_add(1, Ordering::SeqCst);
            if i >= cases.len() {
                break;
            }
            let v = check(&cases[i], &psh, &psh_args);
            results.lock().unwrap().push(v);
        }));
    }
    for h in handles {
        h.join().expect("worker thread panicked");
    }
    let mut results = Arc::try_unwrap(results).ok().unwrap().into_inner().unwrap();
    results.sort_by(|a, b| a.rel.cmp(&b.rel));

    let (mut passed, mut failed, mut known_failing) = (0usize, 0usize, 0usize);
    let mut unexpected = Vec::new();
    let mut failing_now = Vec::new();
    let stdout = std::io::stdout();
    let mut o = stdout.lock();
    for v in &results {
        let listed = known.contains(&v.rel);
        if !v.pass {
            failing_now.push(v.rel.clone());
        }
        match (v.pass, listed) {
            (true, false) => {
                passed += 1;
                if verbose {
                    let _ = writeln!(o, "PASS {} ({:.2}s)", v.rel, v.elapsed.as_secs_f64());
                }
            }
            (false, false) => {
                failed += 1;
                let _ = write!(o, "FAIL {}\n{}", v.rel, v.report);
            }
            (false, true) => {
                known_failing += 1;
                if verbose {
                    let _ = write!(o, "KNOWN FAIL {}\n{}", v.rel, v.report);
                }
            }
            (true, true) => {
                failed += 1;
                unexpected.push(v.rel.clone());
                let _ = writeln!(
                    o,
                    "UNEXPECTED PASS {} — unexpectedly passing — remove it from known_failures.txt",
                    v.rel
                );
            }
        }
    }

    if std::env::var("PSH_TEST_UPDATE_KNOWN").is_ok_and(|v| !v.is_empty() && v != "0") {
        // Keep the header comments, replace the entries. Listed scripts that
        // were not run this time (filter) are kept.
        let ran: Vec<&str> = results.iter().map(|v| v.rel.as_str()).collect();
        let mut text: String = known_text
            .lines()
            .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        let mut entries: Vec<String> = known
            .iter()
            .filter(|k| !ran.contains(&k.as_str()))
            .cloned()
            .chain(failing_now.iter().cloned())
            .collect();
        entries.sort();
        entries.dedup();
        for e in entries {
            text.push_str(&e);
            text.push('\n');
        }
        fs::write(&known_path, text).expect("writing known_failures.txt");
        let _ = writeln!(o, "known_failures.txt rewritten");
    }

    let _ = writeln!(
        o,
        "known failures: {known_failing} still failing, {} unexpectedly passing",
        unexpected.len()
    );
    let _ = writeln!(o, "differential: {passed} passed, {failed} failed");
    drop(o);
    if failed > 0 {
        std::process::exit(1);
    }
}
