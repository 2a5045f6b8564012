//! Streaming sources for object pipes (`shell/src/pipe.rs`): a program's
//! output as lines, or an `ls()` walk, handed to Perl a batch at a time so
//! that a pipeline holds one batch in memory and can stop early.
//!
//! Perl holds a source as a blessed scalar reference to a number; the
//! source itself lives here, in a table of this thread, because a Perl
//! value cannot own a child process. `DESTROY` ends a source the pipeline
//! left behind (a `die` in a stage), so no child is left unreaped.
//!
//! `PSH::Pipe::spawn(NAME, ARGS…)` and `PSH::Pipe::ls_stream(ARGS…)` make
//! a source; `PSH::Pipe::next_batch(SRC)` gives an array reference, or
//! undef at the end; `PSH::Pipe::finish(SRC, STOPPED)` closes it and sets
//! `$?`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::Read;
use std::os::unix::io::AsRawFd;
use std::process::{Child, ChildStdout, Stdio};
use std::rc::Rc;

use psh_interp::convert::to_bytes;
use psh_interp::interp::{Interp, Want};
use psh_interp::value::*;

use crate::ls::Walk;
use crate::util::*;

/// The class of source handles, whose `DESTROY` is native.
const CLASS: &str = "PSH::Pipe::Stream";

/// At most this many lines in one batch.
const MAX_LINES: usize = 65536;

/// Bytes asked of the pipe per read.
const CHUNK: usize = 256 * 1024;

/// The natives this module installs, by full name.
pub const NATIVES: &[(&str, NativeFn)] = &[
    ("PSH::Pipe::spawn", spawn),
    ("PSH::Pipe::ls_stream", ls_stream),
    ("PSH::Pipe::next_batch", next_batch),
    ("PSH::Pipe::finish", finish),
    ("PSH::Pipe::Stream::DESTROY", destroy),
];

enum Source {
    Program(Producer),
    Walk(Walk),
    /// A program that could not be started: no values.
    Empty,
}

thread_local! {
    static OPEN: RefCell<HashMap<i64, Source>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<i64> = const { Cell::new(1) };
}

fn register(src: Source) -> Value {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    OPEN.with(|m| m.borrow_mut().insert(id, src));
    let sv = Scalar::new(Value::Int(id));
    sv.bless(Rc::from(CLASS));
    Value::ScalarRef(sv)
}

/// The id a source handle holds (0 for anything else, which names none).
fn id_of(a: &[Elem]) -> i64 {
    match a.first().map(Elem::get) {
        Some(Value::ScalarRef(sv)) => match sv.get() {
            Value::Int(i) => i,
            _ => 0,
        },
        _ => 0,
    }
}

fn take(id: i64) -> Option<Source> {
    OPEN.with(|m| m.borrow_mut().remove(&id))
}

/// A program writing into a pipe, and the bytes read from it not yet
/// handed out as lines.
struct Producer {
    child: Child,
    out: Option<ChildStdout>,
    buf: Vec<u8>,
    start: usize,
    eof: bool,
}

impl Producer {
    /// Up to `max` lines, chomped: at least one (waiting for it), then as
    /// many as are there without waiting, so a slow producer's lines move
    /// on as they come. `None` at the end of its output.
    fn lines(&mut self, max: usize) -> Option<Vec<Value>> {
        let mut lines = Vec::new();
        loop {
            while lines.len() < max {
                let rest = &self.buf[self.start..];
                match rest.iter().position(|&b| b == b'\n') {
                    Some(i) => {
                        lines.push(Value::bytes(&rest[..i]));
                        self.start += i + 1;
                    }
                    None => break,
                }
            }
            if lines.len() >= max {
                return Some(lines);
            }
            if self.eof {
                // A last line without its newline still counts, as the
                // output of `prog(ARGS)` does.
                if self.start < self.buf.len() {
                    lines.push(Value::bytes(&self.buf[self.start..]));
                    self.start = self.buf.len();
                }
                return (!lines.is_empty()).then_some(lines);
            }
            if !lines.is_empty() && !self.readable_now() {
                return Some(lines);
            }
            self.read_more();
        }
    }

    fn readable_now(&self) -> bool {
        let Some(out) = &self.out else {
            return false;
        };
        let mut p = libc::pollfd {
            fd: out.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, no timeout.
        let n = unsafe { libc::poll(&mut p, 1, 0) };
        n > 0 && p.revents != 0
    }

    fn read_more(&mut self) {
        self.buf.drain(..self.start);
        self.start = 0;
        let Some(out) = self.out.as_mut() else {
            self.eof = true;
            return;
        };
        let old = self.buf.len();
        self.buf.resize(old + CHUNK, 0);
        loop {
            match out.read(&mut self.buf[old..]) {
                Ok(0) => {
                    self.eof = true;
                    self.buf.truncate(old);
                    return;
                }
                Ok(n) => {
                    self.buf.truncate(old + n);
                    return;
                }
                // Ctrl-C ends the pipeline (the entry then stops); other
                // signals resume the read.
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                    if psh_interp::signals::INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
                        self.eof = true;
                        self.buf.truncate(old);
                        return;
                    }
                }
                Err(_) => {
                    self.eof = true;
                    self.buf.truncate(old);
                    return;
                }
            }
        }
    }

    /// Close the pipe and reap the program: its wait status, where a
    /// program the pipeline stopped reading from early and that then died
    /// of SIGPIPE counts as a success, as in `yes | head`.
    fn close(mut self, stopped: bool) -> i64 {
        drop(self.out.take());
        let raw = match self.child.wait() {
            Ok(st) => {
                use std::os::unix::process::ExitStatusExt;
                st.into_raw() as i64
            }
            Err(_) => -1,
        };
        let sigpipe = raw & 0x7f == libc::SIGPIPE as i64;
        if stopped && sigpipe {
            0
        } else {
            raw
        }
    }
}

/// `PSH::Pipe::spawn(NAME, ARGS…)`: start program NAME from `PATH` (as
/// `NAME(ARGS)` would) with its output on a pipe.
fn spawn(it: &mut Interp, a: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let words: Vec<Vec<u8>> = a.iter().map(|e| to_bytes(&e.get()).into_owned()).collect();
    let Some((name, args)) = words.split_first() else {
        return Err(it.die_msg("PSH::Pipe::spawn: no program"));
    };
    let name = String::from_utf8_lossy(name).into_owned();
    let Some(found) = it.find_program(&name) else {
        it.child_status = -1;
        return Ok(register(Source::Empty));
    };
    let mut c = it.program_command(&found, &name, args);
    match c.stdout(Stdio::piped()).spawn() {
        Ok(mut child) => {
            let out = child.stdout.take();
            Ok(register(Source::Program(Producer {
                child,
                out,
                buf: Vec::new(),
                start: 0,
                eof: false,
            })))
        }
        Err(e) => {
            it.set_errno_from(&e);
            it.child_status = -1;
            Ok(register(Source::Empty))
        }
    }
}

/// `PSH::Pipe::ls_stream(ARGS…)`: `ls(ARGS…)` a directory at a time.
fn ls_stream(it: &mut Interp, a: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let walk = Walk::new(it, a)?;
    Ok(register(Source::Walk(walk)))
}

/// `PSH::Pipe::next_batch(SRC)`: the next values as an array reference,
/// undef once there are no more.
fn next_batch(it: &mut Interp, a: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let id = id_of(a);
    // Out of the table while it runs: the walk may call back into Perl
    // (its warnings), which may touch other sources.
    let Some(mut src) = take(id) else {
        return Ok(Value::Undef);
    };
    let batch = match &mut src {
        Source::Program(p) => p.lines(MAX_LINES),
        Source::Walk(w) => w.next_batch(it),
        Source::Empty => None,
    };
    OPEN.with(|m| m.borrow_mut().insert(id, src));
    Ok(match batch {
        Some(vals) => Value::ArrayRef(Array::from_values(vals)),
        None => Value::Undef,
    })
}

/// `PSH::Pipe::finish(SRC, STOPPED)`: close the source; a program's
/// status goes to `$?` (STOPPED: the pipeline stopped reading early).
fn finish(it: &mut Interp, a: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    let stopped = a.get(1).is_some_and(|e| e.get().truthy());
    if let Some(Source::Program(p)) = take(id_of(a)) {
        it.child_status = p.close(stopped);
    }
    Ok(Value::Undef)
}

/// A source the pipeline did not finish (a stage died): close and reap
/// it, leaving `$?` as the error left it.
fn destroy(_: &mut Interp, a: &[Elem], _: Want, _: &mut Vec<Value>) -> R {
    if let Some(Source::Program(p)) = take(id_of(a)) {
        p.close(true);
    }
    Ok(Value::Undef)
}
