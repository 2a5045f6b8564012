//! The interactive shell driven through a pseudo-terminal: the flows a
//! person goes through at the prompt (issue 3, "Tests").
//!
//! Each test starts `psh` on a fresh pty with its own temporary `HOME` and
//! XDG folders, types into it and waits for what must come back. The line
//! editor asks the terminal where the cursor is (`ESC [ 6 n`) and waits up
//! to two seconds for the answer; a pty has no terminal behind it, so the
//! harness answers every query itself (cursor at row 1, column 1).

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use nix::sys::signal::Signal;
use nix::sys::wait::WaitStatus;
use rexpect::process::PtyProcess;
use rexpect::session::{Options, StreamSession};

/// How long one expectation may wait.
const TIMEOUT_MS: u64 = 10_000;

/// The prompt sub the tests put in `rc.pl`: a numbered prompt, so that
/// waiting for prompt N cannot be satisfied by a repaint of prompt N-1.
const RC_PROMPT: &str = "sub PSH::prompt { 'pty-' . ++$PSH::pty_n . '> ' }\n";

const UP: &str = "\x1b[A";
const TAB: &str = "\t";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";
const CTRL_D: &str = "\x04";
const CTRL_Z: &str = "\x1a";

/// A fresh folder under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static SEQ: AtomicUsize = AtomicUsize::new(0);
        let n = SEQ.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("psh-pty-{}-{n}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir.canonicalize().expect("canonical temp dir"))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The pty master as the expect reader sees it: every cursor-position
/// query in the output is answered on the way through.
struct Answering {
    pty: File,
    reply: File,
    /// The last bytes of the previous read, for a query split across two.
    tail: Vec<u8>,
}

impl Read for Answering {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.pty.read(buf)?;
        let mut seen = std::mem::take(&mut self.tail);
        seen.extend_from_slice(&buf[..n]);
        // A query in `seen` ends in this read's bytes: the tail is shorter
        // than the query, so nothing is answered twice.
        let queries = seen.windows(4).filter(|w| w == b"\x1b[6n").count();
        for _ in 0..queries {
            self.reply.write_all(b"\x1b[1;1R")?;
        }
        let keep = seen.len().saturating_sub(3);
        self.tail = seen.split_off(keep);
        Ok(n)
    }
}

/// One interactive psh on a pty.
struct Psh {
    proc: PtyProcess,
    s: StreamSession<File>,
    /// Everything read so far, for failure messages.
    log: String,
    /// The number of the last prompt waited for.
    prompts: usize,
}

impl Psh {
    /// Start `psh` with `home` as `HOME`, the XDG folders inside it, and
    /// `cwd` as the working directory.
    fn start(home: &Path, cwd: &Path) -> Psh {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_psh"));
        cmd.current_dir(cwd)
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .env_remove("PWD")
            .env_remove("OLDPWD")
            .env_remove("CDPATH")
            .env_remove("PSH_DUMP_AST");
        let mut proc = PtyProcess::new(cmd).expect("start psh on a pty");
        proc.set_kill_timeout(Some(2_000));
        let pty = proc.get_file_handle().expect("pty handle");
        set_window_size(&pty, 40, 200);
        let reader = Answering {
            pty: pty.try_clone().expect("pty handle"),
            reply: pty.try_clone().expect("pty handle"),
            tail: Vec::new(),
        };
        let options = Options::new()
            .timeout_ms(Some(TIMEOUT_MS))
            .strip_ansi_escape_codes(true);
        let s = StreamSession::new(reader, pty, options);
        Psh {
            proc,
            s,
            log: String::new(),
            prompts: 0,
        }
    }

    /// Start `psh` whose `rc.pl` numbers the prompts ([`RC_PROMPT`]), and
    /// wait for the first.
    fn start_marked(home: &Path, cwd: &Path) -> Psh {
        let rc = home.join(".config/psh/rc.pl");
        std::fs::create_dir_all(rc.parent().unwrap()).unwrap();
        std::fs::write(&rc, RC_PROMPT).unwrap();
        let mut p = Psh::start(home, cwd);
        p.prompt();
        p
    }

    /// Type `text` (keys, control characters, escape sequences).
    fn send(&mut self, text: &str) {
        self.s.send(text).expect("write to pty");
        self.s.flush().expect("flush pty");
    }

    /// Type a line and Enter.
    fn line(&mut self, text: &str) {
        self.send(text);
        self.send(ENTER);
    }

    /// Wait until `needle` comes out; returns what came before it.
    fn expect(&mut self, needle: &str) -> String {
        match self.s.exp_string(needle) {
            Ok(before) => {
                self.log.push_str(&before);
                self.log.push_str(needle);
                before
            }
            Err(e) => panic!(
                "waiting for {needle:?}: {e}\n--- output before ---\n{}",
                self.log
            ),
        }
    }

    /// Wait until `re` matches; returns the match.
    fn expect_re(&mut self, re: &str) -> String {
        match self.s.exp_regex(re) {
            Ok((before, found)) => {
                self.log.push_str(&before);
                self.log.push_str(&found);
                found
            }
            Err(e) => panic!(
                "waiting for /{re}/: {e}\n--- output before ---\n{}",
                self.log
            ),
        }
    }

    /// Wait for the next numbered prompt.
    fn prompt(&mut self) {
        self.prompts += 1;
        let mark = format!("pty-{}> ", self.prompts);
        self.expect(&mark);
    }

    /// Wait for `psh` to end; its exit status.
    fn wait_exit(&mut self) -> WaitStatus {
        let start = Instant::now();
        loop {
            // Keep reading, so that a full pty cannot block psh's last words.
            while self.s.try_read().is_some() {}
            match self.proc.status() {
                Some(WaitStatus::StillAlive) => {}
                Some(st) => return st,
                None => panic!("waitpid failed"),
            }
            if start.elapsed() > Duration::from_millis(TIMEOUT_MS) {
                panic!("psh did not exit\n--- output ---\n{}", self.log);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Psh {
    fn drop(&mut self) {
        // The kernel hangs up the jobs left on the terminal when psh (the
        // session leader) is gone.
        if let Some(WaitStatus::StillAlive) = self.proc.status() {
            let _ = self.proc.kill(Signal::SIGKILL);
        }
    }
}

fn set_window_size(pty: &File, rows: u16, cols: u16) {
    let ws = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    unsafe { libc::ioctl(pty.as_raw_fd(), libc::TIOCSWINSZ, &ws) };
}

// What a command prints is matched with the line end that follows it
// ("hello-pty\r\n"): the editor moves the cursor off the entered line with
// escape sequences, not a newline, so the echo of the typed line is never
// followed by "\r\n". Perl lines print text built from pieces, so that the
// echo of the line cannot be mistaken for its output.

#[test]
fn prompt_command_and_value() {
    let home = TempDir::new("prompt");
    let mut p = Psh::start(home.path(), home.path());
    // The default prompt: user@host, the directory (HOME is `~`), `$`/`#`.
    p.expect_re(r"\S+@\S+ ~ [$#] ");
    p.line("echo hello-pty");
    p.expect("hello-pty\r\n");
    p.line("6*7");
    p.expect("42\r\n");
}

#[test]
fn history_recalled_after_restart() {
    let home = TempDir::new("history");
    {
        let mut p = Psh::start_marked(home.path(), home.path());
        p.line("echo remembered-1");
        p.expect("remembered-1\r\n");
        p.prompt();
        p.line("exit");
        p.wait_exit();
    }
    let mut p = Psh::start_marked(home.path(), home.path());
    // The newest entry is the `exit` that ended the first psh.
    p.send(UP);
    p.expect("exit");
    p.send(UP);
    p.expect("echo remembered-1");
    p.send(ENTER);
    p.expect("remembered-1\r\n");
    p.prompt();
}

#[test]
fn completes_a_path() {
    let home = TempDir::new("complete-path");
    std::fs::write(home.path().join("zz-unique-file.txt"), "contents-of-zz\n").unwrap();
    let mut p = Psh::start_marked(home.path(), home.path());
    p.send("cat zz-un");
    p.expect("cat zz-un");
    p.send(TAB);
    // The lone candidate goes into the line at once.
    p.expect("cat zz-unique-file.txt");
    p.send(ENTER);
    p.expect("contents-of-zz\r\n");
    p.prompt();
}

#[test]
fn completes_a_variable() {
    let home = TempDir::new("complete-var");
    let mut p = Psh::start_marked(home.path(), home.path());
    p.line("my $longvariable = 5");
    p.prompt();
    p.send("print $longv");
    p.expect("print $longv");
    p.send(TAB);
    p.expect("print $longvariable");
    p.line(r#", "-en", "d\n""#);
    p.expect("5-end\r\n");
    p.prompt();
}

#[test]
fn ctrl_c_interrupts_a_loop() {
    let home = TempDir::new("ctrl-c");
    let mut p = Psh::start_marked(home.path(), home.path());
    p.line("while (1) {}");
    std::thread::sleep(Duration::from_millis(500));
    p.send(CTRL_C);
    p.prompt();
    p.line(r#"print "al", "ive\n""#);
    p.expect("alive\r\n");
    p.prompt();
}

#[test]
fn ctrl_c_ends_a_read_and_a_sleep() {
    let home = TempDir::new("ctrl-c-read");
    let mut p = Psh::start_marked(home.path(), home.path());
    p.line("my $l = <STDIN>");
    std::thread::sleep(Duration::from_millis(500));
    p.send(CTRL_C);
    p.prompt();
    // The next line is an entry again, not input for the read.
    p.line(r#"print "re", "ad-ok\n""#);
    p.expect("read-ok\r\n");
    p.prompt();
    p.line("sleep 100");
    std::thread::sleep(Duration::from_millis(500));
    p.send(CTRL_C);
    p.prompt();
    p.line(r#"print "sl", "eep-ok\n""#);
    p.expect("sleep-ok\r\n");
    p.prompt();
}

#[test]
fn multi_line_for() {
    let home = TempDir::new("multiline");
    let mut p = Psh::start_marked(home.path(), home.path());
    p.line("for my $i (1..3) {");
    p.expect("::: ");
    p.line(r#"print "i=$i\n";"#);
    p.expect("::: ");
    p.line("}");
    p.expect("i=1\r\ni=2\r\ni=3\r\n");
    p.prompt();
}

#[test]
fn syntax_error_is_survived() {
    let home = TempDir::new("syntax");
    let mut p = Psh::start_marked(home.path(), home.path());
    p.line("my $x = ;");
    p.expect("syntax error");
    p.prompt();
    p.line(r#"print "o", "k\n""#);
    p.expect("ok\r\n");
    p.prompt();
}

// `sleep` at the start of a line is Perl's (SPEC: Perl keywords win over
// programs); `^sleep` runs the program, which is what job control is about.

#[test]
fn ctrl_z_and_fg() {
    let home = TempDir::new("ctrl-z");
    let mut p = Psh::start_marked(home.path(), home.path());
    p.line("^sleep 30");
    std::thread::sleep(Duration::from_millis(300));
    p.send(CTRL_Z);
    p.expect_re(r"\[1\]\+? +Stopped +\^?sleep 30");
    p.prompt();
    p.line("jobs");
    p.expect_re(r"\[1\]\+? +Stopped +\^?sleep 30\r\n");
    p.prompt();
    p.line("fg");
    p.expect("sleep 30\r\n");
    std::thread::sleep(Duration::from_millis(300));
    p.send(CTRL_C);
    p.prompt();
    let seen = p.log.len();
    p.line("jobs");
    p.prompt();
    p.line(r#"print "no", "-jobs\n""#);
    p.expect("no-jobs\r\n");
    let out = &p.log[seen..];
    assert!(!out.contains("Stopped"), "job still listed: {out:?}");
}

#[test]
fn cd_and_back() {
    let home = TempDir::new("cd");
    let mut p = Psh::start_marked(home.path(), home.path());
    p.line("cd /");
    p.prompt();
    p.line("pwd");
    p.expect("/\r\n");
    p.prompt();
    p.line("cd -");
    p.prompt();
    p.line("pwd");
    p.expect(&format!("{}\r\n", home.path().display()));
    p.prompt();
}

#[test]
fn ctrl_d_exits_with_status_0() {
    let home = TempDir::new("ctrl-d");
    let mut p = Psh::start_marked(home.path(), home.path());
    p.send(CTRL_D);
    match p.wait_exit() {
        WaitStatus::Exited(_, 0) => {}
        other => panic!("psh ended with {other:?}"),
    }
}

#[test]
fn background_job_is_announced_and_reported_done() {
    let home = TempDir::new("bg");
    let mut p = Psh::start_marked(home.path(), home.path());
    p.line("^sleep 0.2 &");
    p.expect_re(r"\[1\] \d+\r\n");
    p.prompt();
    std::thread::sleep(Duration::from_millis(500));
    p.send(ENTER);
    p.expect_re(r"\[1\] +Done +\^?sleep 0\.2");
    p.prompt();
}

#[test]
fn kill_a_job_by_number() {
    let home = TempDir::new("killjob");
    let mut p = Psh::start_marked(home.path(), home.path());
    p.line("^sleep 30 &");
    p.expect_re(r"\[1\] \d+\r\n");
    p.prompt();
    p.line("kill %7");
    p.expect("no such job");
    p.prompt();
    p.line("kill %1");
    // Reported before a prompt once the job has ended (this one or, if the
    // job was still ending, the next), as in bash.
    std::thread::sleep(Duration::from_millis(300));
    p.send(ENTER);
    p.expect_re(r"\[1\] +Terminated +\^?sleep 30");
}
