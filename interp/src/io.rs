//! Perl filehandles: buffered reading by record separator, buffered writing,
//! in-memory files, pipes to and from programs, directory handles.
//!
//! A handle owns its own buffers (rather than `BufReader`/`BufWriter`) because
//! perl's semantics need things those types do not give: `eof` that peeks,
//! `tell` that accounts for buffered bytes, reading by `$/` record, and
//! switching between reading and writing on `+<` files.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::process::Child;
use std::rc::Rc;

use crate::value::Sv;

pub enum Backend {
    Closed,
    File(File),
    Stdin,
    Stdout,
    Stderr,
    /// In-memory file over a scalar (`open my $fh, '<', \$buf`).
    Mem(Sv),
    /// `open my $fh, '-|', …` / `open my $fh, "cmd |"`.
    PipeFrom(Child),
    /// `open my $fh, '|-', …`.
    PipeTo(Child),
    Dir(Vec<Vec<u8>>),
}

/// What `$/` says a record is.
pub enum Sep<'a> {
    /// `undef $/`: the rest of the file.
    Slurp,
    /// `$/ = ""`: paragraphs (runs of blank lines end a record).
    Paragraph,
    /// A fixed terminator (usually `"\n"`).
    Term(&'a [u8]),
    /// `$/ = \N`: fixed-size records.
    Fixed(usize),
}

pub struct Io {
    pub backend: Backend,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    hit_eof: bool,
    pub readable: bool,
    pub writable: bool,
    pub append: bool,
    /// `$.` for this handle.
    pub lines: i64,
    /// `:utf8`/`:encoding(UTF-8)` layer: characters are written as UTF-8 and
    /// read strings are flagged utf8.
    pub utf8: bool,
    /// `:crlf` layer: `\r\n` reads as `\n` and `\n` writes as `\r\n`.
    pub crlf: bool,
    /// Where in `rbuf` a `:crlf` read dropped a `\r` (the index of the
    /// `\n` after it), so `tell` can count the bytes on disk.
    dropped_cr: Vec<usize>,
    /// A `\r` that ended the last `:crlf` read, held until the next byte
    /// says whether it starts a `\r\n`.
    held_cr: bool,
    pub autoflush: bool,
    /// Position within a `Mem` backend (byte offset of the next read/write).
    mem_pos: usize,
    /// Directory handle position.
    pub dir_pos: usize,
    /// Exit status of a closed pipe.
    pub last_status: i32,
    pub is_tty: bool,
}

pub struct Handle {
    pub io: RefCell<Io>,
    pub name: RefCell<Rc<str>>,
}

impl Handle {
    pub fn new(backend: Backend, readable: bool, writable: bool, name: &str) -> Rc<Handle> {
        let is_tty = match &backend {
            Backend::Stdout => unsafe { libc::isatty(1) == 1 },
            Backend::Stdin => unsafe { libc::isatty(0) == 1 },
            _ => false,
        };
        Rc::new(Handle {
            io: RefCell::new(Io {
                backend,
                rbuf: Vec::new(),
                rpos: 0,
                wbuf: Vec::new(),
                hit_eof: false,
                readable,
                writable,
                append: false,
                lines: 0,
                utf8: false,
                crlf: false,
                dropped_cr: Vec::new(),
                held_cr: false,
                autoflush: false,
                mem_pos: 0,
                dir_pos: 0,
                last_status: 0,
                is_tty,
            }),
            name: RefCell::new(Rc::from(name)),
        })
    }
}

/// A handle nothing refers to any more is closed, as perl closes one when
/// its last reference goes: buffered output reaches the file and a pipe's
/// program is waited for.
impl Drop for Io {
    fn drop(&mut self) {
        match self.backend {
            Backend::Stdout | Backend::Stderr | Backend::Stdin => {
                self.flush();
            }
            _ => {
                self.close();
            }
        }
    }
}

impl Io {
    pub fn is_open(&self) -> bool {
        !matches!(self.backend, Backend::Closed)
    }

    pub fn readable_open(&self) -> bool {
        self.readable && self.is_open()
    }

    pub fn writable_open(&self) -> bool {
        self.writable && self.is_open()
    }

    fn raw_read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match &mut self.backend {
            Backend::File(f) => f.read(buf),
            Backend::Stdin => io::stdin().lock().read(buf),
            Backend::PipeFrom(c) => match c.stdout.as_mut() {
                Some(o) => o.read(buf),
                None => Ok(0),
            },
            Backend::Mem(sv) => {
                let pos = self.mem_pos;
                let n = sv.peek(|v| match v {
                    crate::value::Value::Str(s) => {
                        let b = &s.bytes;
                        if pos >= b.len() {
                            0
                        } else {
                            let n = buf.len().min(b.len() - pos);
                            buf[..n].copy_from_slice(&b[pos..pos + n]);
                            n
                        }
                    }
                    _ => 0,
                });
                self.mem_pos += n;
                Ok(n)
            }
            _ => Ok(0),
        }
    }

    /// Ensure at least one unread byte is buffered; false at end of file.
    fn fill(&mut self) -> bool {
        if self.rpos < self.rbuf.len() {
            return true;
        }
        if self.hit_eof && !matches!(self.backend, Backend::Stdin) {
            return false;
        }
        self.rbuf.clear();
        self.rpos = 0;
        self.dropped_cr.clear();
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            match self.raw_read(&mut chunk) {
                Ok(0) => {
                    self.hit_eof = true;
                    if std::mem::take(&mut self.held_cr) {
                        self.rbuf.push(b'\r');
                        return true;
                    }
                    return false;
                }
                Ok(n) => {
                    if self.crlf {
                        self.crlf_in(&chunk[..n]);
                        if self.rbuf.is_empty() {
                            continue;
                        }
                    } else {
                        self.rbuf.extend_from_slice(&chunk[..n]);
                    }
                    self.hit_eof = false;
                    return true;
                }
                // Ctrl-C at the interactive shell ends the read (the entry
                // then stops); other signals resume it, as perl does.
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                    if crate::signals::INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
                        return false;
                    }
                    continue;
                }
                Err(_) => {
                    self.hit_eof = true;
                    return false;
                }
            }
        }
    }

    /// Append bytes read through a `:crlf` layer to the (empty) buffer.
    fn crlf_in(&mut self, data: &[u8]) {
        let held = std::mem::take(&mut self.held_cr);
        let mut it = held
            .then_some(b'\r')
            .into_iter()
            .chain(data.iter().copied())
            .peekable();
        while let Some(b) = it.next() {
            if b == b'\r' {
                match it.peek() {
                    Some(b'\n') => {
                        self.dropped_cr.push(self.rbuf.len());
                        continue;
                    }
                    None => {
                        self.held_cr = true;
                        continue;
                    }
                    _ => {}
                }
            }
            self.rbuf.push(b);
        }
    }

    /// Bytes the source has given that are not yet read: what is
    /// buffered, plus the `\r`s a `:crlf` layer dropped or holds there.
    fn unread_source_bytes(&self) -> i64 {
        let dropped = self.dropped_cr.len() - self.dropped_cr.partition_point(|&i| i < self.rpos);
        (self.rbuf.len() - self.rpos + dropped + self.held_cr as usize) as i64
    }

    /// Push a byte back so the next read gets it first (`ungetc`).
    pub fn ungetc(&mut self, b: u8) {
        if self.rpos > 0 {
            self.rpos -= 1;
            self.rbuf[self.rpos] = b;
        } else {
            self.rbuf.insert(0, b);
            for i in &mut self.dropped_cr {
                *i += 1;
            }
        }
    }

    /// Apply `binmode`/`open` layers (`:raw`, `:crlf`, `:utf8`,
    /// `:encoding(…)`, `:bytes`, `:pop`); false for an unknown layer.
    pub fn apply_layers(&mut self, spec: &[u8]) -> bool {
        let spec = String::from_utf8_lossy(spec);
        let mut ok = true;
        for layer in layer_names(&spec) {
            let name = layer.split('(').next().unwrap_or("");
            match name {
                "raw" | "pop" => {
                    self.utf8 = false;
                    self.crlf = false;
                }
                "bytes" => self.utf8 = false,
                "crlf" => self.crlf = true,
                "utf8" | "encoding" => self.utf8 = true,
                _ => ok &= LAYERS.contains(&name),
            }
        }
        ok
    }

    /// What `PerlIO::get_layers` lists for the handle.
    pub fn layer_list(&self) -> Vec<&'static str> {
        let mut v = match self.backend {
            Backend::Mem(_) => vec!["scalar"],
            Backend::Closed => return Vec::new(),
            _ => vec!["unix", "perlio"],
        };
        if self.crlf {
            v.push("crlf");
        }
        if self.utf8 {
            v.push("utf8");
        }
        v
    }

    /// Read one record as `$/` defines it; `None` at end of file.
    pub fn read_record(&mut self, sep: &Sep) -> Option<Vec<u8>> {
        if !self.readable {
            return None;
        }
        self.flush();
        match sep {
            Sep::Slurp => {
                let mut out = Vec::new();
                while self.fill() {
                    out.extend_from_slice(&self.rbuf[self.rpos..]);
                    self.rpos = self.rbuf.len();
                }
                if out.is_empty() {
                    // Perl returns "" once for an empty file in slurp mode,
                    // then undef; the first read of an empty handle gives ''.
                    if self.lines == 0 && !self.slurped_empty() {
                        self.lines += 1;
                        return Some(out);
                    }
                    return None;
                }
                self.lines += 1;
                Some(out)
            }
            Sep::Fixed(n) => {
                let mut out = Vec::new();
                while out.len() < *n && self.fill() {
                    let take = (*n - out.len()).min(self.rbuf.len() - self.rpos);
                    out.extend_from_slice(&self.rbuf[self.rpos..self.rpos + take]);
                    self.rpos += take;
                }
                if out.is_empty() {
                    return None;
                }
                self.lines += 1;
                Some(out)
            }
            Sep::Term(t) => {
                let t: &[u8] = t;
                let mut out = Vec::new();
                loop {
                    if !self.fill() {
                        break;
                    }
                    let avail = &self.rbuf[self.rpos..];
                    if t.len() == 1 {
                        if let Some(i) = memchr(t[0], avail) {
                            out.extend_from_slice(&avail[..=i]);
                            self.rpos += i + 1;
                            self.lines += 1;
                            return Some(out);
                        }
                        out.extend_from_slice(avail);
                        self.rpos = self.rbuf.len();
                    } else {
                        // Multi-byte terminator: scan byte by byte so a
                        // terminator split across buffer refills is found.
                        let b = avail[0];
                        self.rpos += 1;
                        out.push(b);
                        if out.ends_with(t) {
                            self.lines += 1;
                            return Some(out);
                        }
                    }
                }
                if out.is_empty() {
                    None
                } else {
                    self.lines += 1;
                    Some(out)
                }
            }
            Sep::Paragraph => {
                // Skip leading newlines, then read up to and including a run
                // of two or more newlines (returned as exactly "\n\n").
                while self.fill() && self.rbuf[self.rpos] == b'\n' {
                    self.rpos += 1;
                }
                let mut out = Vec::new();
                loop {
                    if !self.fill() {
                        break;
                    }
                    let b = self.rbuf[self.rpos];
                    self.rpos += 1;
                    out.push(b);
                    if out.ends_with(b"\n\n") {
                        while self.fill() && self.rbuf[self.rpos] == b'\n' {
                            self.rpos += 1;
                        }
                        self.lines += 1;
                        return Some(out);
                    }
                }
                if out.is_empty() {
                    None
                } else {
                    self.lines += 1;
                    Some(out)
                }
            }
        }
    }

    fn slurped_empty(&mut self) -> bool {
        // A second slurp of an exhausted handle returns undef: remember that
        // we already returned the empty string by bumping `lines`.
        false
    }

    pub fn getc(&mut self) -> Option<u8> {
        if !self.fill() {
            return None;
        }
        let b = self.rbuf[self.rpos];
        self.rpos += 1;
        Some(b)
    }

    /// Read up to `n` bytes (for `read`).
    pub fn read_bytes(&mut self, n: usize) -> Vec<u8> {
        let mut out = Vec::new();
        while out.len() < n && self.fill() {
            let take = (n - out.len()).min(self.rbuf.len() - self.rpos);
            out.extend_from_slice(&self.rbuf[self.rpos..self.rpos + take]);
            self.rpos += take;
        }
        out
    }

    pub fn eof(&mut self) -> bool {
        if !self.readable {
            return true;
        }
        !self.fill()
    }

    pub fn write(&mut self, data: &[u8]) -> bool {
        if !self.writable {
            return false;
        }
        let translated;
        let data = if self.crlf && data.contains(&b'\n') {
            translated = crlf_out(data);
            &translated[..]
        } else {
            data
        };
        match &mut self.backend {
            Backend::Mem(sv) => {
                let pos = self.mem_pos;
                sv.with_mut(|v| {
                    let mut bytes = match v {
                        crate::value::Value::Str(s) => s.bytes.clone(),
                        _ => Vec::new(),
                    };
                    if pos > bytes.len() {
                        bytes.resize(pos, 0);
                    }
                    let end = pos + data.len();
                    if end > bytes.len() {
                        bytes.resize(end, 0);
                    }
                    bytes[pos..end].copy_from_slice(data);
                    *v = crate::value::Value::str_from(bytes, false);
                });
                self.mem_pos += data.len();
                true
            }
            Backend::Closed | Backend::Dir(_) => false,
            _ => {
                self.wbuf.extend_from_slice(data);
                let unbuffered = matches!(self.backend, Backend::Stderr);
                if unbuffered
                    || self.autoflush
                    || self.wbuf.len() >= 64 * 1024
                    || (self.is_tty && data.contains(&b'\n'))
                {
                    return self.flush();
                }
                true
            }
        }
    }

    pub fn flush(&mut self) -> bool {
        if self.wbuf.is_empty() {
            return true;
        }
        let buf = std::mem::take(&mut self.wbuf);
        let r = match &mut self.backend {
            Backend::File(f) => f.write_all(&buf),
            Backend::Stdout => {
                let mut o = io::stdout().lock();
                o.write_all(&buf).and_then(|_| o.flush())
            }
            Backend::Stderr => io::stderr().lock().write_all(&buf),
            Backend::PipeTo(c) => match c.stdin.as_mut() {
                Some(i) => i.write_all(&buf),
                None => Ok(()),
            },
            _ => Ok(()),
        };
        r.is_ok()
    }

    pub fn tell(&mut self) -> i64 {
        let unread = self.unread_source_bytes();
        match &mut self.backend {
            Backend::File(f) => match f.stream_position() {
                Ok(p) => p as i64 - unread + self.wbuf.len() as i64,
                Err(_) => -1,
            },
            Backend::Mem(_) => self.mem_pos as i64 - unread,
            _ => -1,
        }
    }

    pub fn seek(&mut self, pos: i64, whence: i32) -> bool {
        self.flush();
        let cur = self.tell();
        self.reset_buffers();
        match &mut self.backend {
            Backend::File(f) => {
                let to = match whence {
                    0 => SeekFrom::Start(pos.max(0) as u64),
                    1 => SeekFrom::Start((cur + pos).max(0) as u64),
                    _ => SeekFrom::End(pos),
                };
                f.seek(to).is_ok()
            }
            Backend::Mem(sv) => {
                let len = sv.peek(|v| match v {
                    crate::value::Value::Str(s) => s.bytes.len() as i64,
                    _ => 0,
                });
                let to = match whence {
                    0 => pos,
                    1 => cur + pos,
                    _ => len + pos,
                };
                if to < 0 {
                    return false;
                }
                self.mem_pos = to as usize;
                true
            }
            _ => false,
        }
    }

    /// Close, returning success (for pipes: whether the program exited 0;
    /// `last_status` gets its wait status).
    pub fn close(&mut self) -> bool {
        let ok = self.flush();
        let backend = std::mem::replace(&mut self.backend, Backend::Closed);
        self.reset_buffers();
        self.lines = 0;
        match backend {
            Backend::Closed => false,
            Backend::PipeFrom(mut c) | Backend::PipeTo(mut c) => {
                drop(c.stdin.take());
                drop(c.stdout.take());
                match c.wait() {
                    Ok(st) => {
                        use std::os::unix::process::ExitStatusExt;
                        self.last_status = st.into_raw();
                        st.success()
                    }
                    Err(_) => false,
                }
            }
            _ => ok,
        }
    }

    /// Forget buffered input (after the file was truncated or re-opened).
    pub fn reset_buffers(&mut self) {
        self.rbuf.clear();
        self.rpos = 0;
        self.hit_eof = false;
        self.dropped_cr.clear();
        self.held_cr = false;
    }

    pub fn set_mem_append(&mut self) {
        if let Backend::Mem(sv) = &self.backend {
            self.mem_pos = sv.peek(|v| match v {
                crate::value::Value::Str(s) => s.bytes.len(),
                _ => 0,
            });
        }
    }

    pub fn fileno(&self) -> Option<i32> {
        use std::os::unix::io::AsRawFd;
        match &self.backend {
            Backend::File(f) => Some(f.as_raw_fd()),
            Backend::Stdin => Some(0),
            Backend::Stdout => Some(1),
            Backend::Stderr => Some(2),
            Backend::PipeFrom(c) => c.stdout.as_ref().map(|o| o.as_raw_fd()),
            Backend::PipeTo(c) => c.stdin.as_ref().map(|o| o.as_raw_fd()),
            _ => None,
        }
    }
}

/// The PerlIO layers psh knows (`PerlIO::Layer->find`); the buffering
/// and source layers among them change nothing here.
pub const LAYERS: &[&str] = &[
    "unix", "perlio", "stdio", "crlf", "utf8", "bytes", "raw", "pop", "scalar", "encoding",
];

/// The layer names in an `open`/`binmode` layer string (`:raw:utf8`,
/// `:encoding(UTF-8)`, `:crlf :utf8`).
fn layer_names(spec: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = None;
    for (i, c) in spec.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ':' | ' ' | '\t' if depth == 0 => {
                if let Some(s) = start.take() {
                    out.push(&spec[s..i]);
                }
                continue;
            }
            _ => {}
        }
        start.get_or_insert(i);
    }
    if let Some(s) = start {
        out.push(&spec[s..]);
    }
    out
}

/// `\n` as `\r\n`, for writing through a `:crlf` layer.
fn crlf_out(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + data.len() / 16);
    for &b in data {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

#[inline]
fn memchr(b: u8, s: &[u8]) -> Option<usize> {
    s.iter().position(|&c| c == b)
}
