//! The shell's state and the dispatch of an entry: a command line runs
//! through `exec`, anything else is Perl compiled in the interactive
//! session (`psh_interp::interp::Session`).

use std::collections::{BTreeMap, HashSet};
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;

use psh_interp::interp::{Interp, Outcome, Session};
use psh_interp::value::Value;

use crate::cmdline::{self, Known, LineKind};

pub struct Shell {
    pub it: Interp,
    pub sess: Session,
    pub jobs: crate::jobs::Jobs,
    /// At a prompt (values of entries are shown, job control is on).
    pub interactive: bool,
    /// The last status, shell-style: exit code, or 128+signal.
    pub last_status: i32,
    /// Set by `exit` (and Perl's `exit`): the status to leave with.
    pub exit_requested: Option<i32>,
    /// Ctrl-C stopped the entry running now.
    pub interrupted: bool,
    /// `alias NAME=TEXT`.
    pub aliases: BTreeMap<String, String>,
    /// Aliases being expanded now (an alias's own name inside it is the
    /// program, as in sh).
    pub alias_active: HashSet<String>,
    /// `pushd`/`popd`.
    pub dirstack: Vec<PathBuf>,
    /// `exit` was refused once because jobs remain.
    pub warned_jobs: bool,
    /// The history file, for the `history` built-in.
    pub history_file: Option<PathBuf>,
    /// The object-pipe helpers are defined in the session.
    pipes_ready: bool,
}

impl Shell {
    pub fn new(mut it: Interp, interactive: bool) -> Shell {
        it.program_calls = true;
        psh_builtins::install(&mut it);
        let mut sess = Session::new();
        if interactive {
            sess.set_features(psh_interp::parse::features::ALL);
        }
        Shell {
            it,
            sess,
            jobs: Default::default(),
            interactive,
            last_status: 0,
            exit_requested: None,
            interrupted: false,
            aliases: BTreeMap::new(),
            alias_active: HashSet::new(),
            dirstack: Vec::new(),
            warned_jobs: false,
            history_file: None,
            pipes_ready: false,
        }
    }

    /// Record a status: shell-style for `&&`/`||` and the prompt, raw
    /// (wait-status form) for Perl's `$?`.
    pub fn set_status(&mut self, st: i32, raw: i32) -> i32 {
        self.last_status = st;
        self.it.child_status = raw as i64;
        st
    }

    /// The first entry of `text`: the shortest run of whole lines that is
    /// complete (closed brackets, quotes and heredocs; a command line not
    /// ending in `|`, `&&` or `\`), and the text after it.
    fn next_entry<'t>(&self, text: &'t str) -> (&'t str, &'t str) {
        let lookup = |t: &str, p: crate::cmd_lex::Place| crate::lookup::lookup_with(self, t, p);
        let mut end = 0;
        loop {
            end = match text[end..].find('\n') {
                Some(i) => end + i + 1,
                None => return (text, ""),
            };
            let entry = &text[..end];
            if !crate::cmd_lex::analyse(entry, Some(&lookup)).needs_more {
                return (entry, &text[end..]);
            }
        }
    }

    /// Run text from the prompt, `-c` or `source`, entry by entry: command
    /// lines one at a time, consecutive Perl entries together as one
    /// program (so a sub may be called above its definition).
    pub fn run_text(&mut self, text: &str) -> i32 {
        self.interrupted = false;
        psh_interp::signals::INTERRUPT.store(false, std::sync::atomic::Ordering::Relaxed);
        let mut rest = text;
        loop {
            if rest.trim().is_empty() || self.exit_requested.is_some() || self.interrupted {
                return self.last_status;
            }
            let (entry, tail) = self.next_entry(rest);
            if cmdline::classify(entry.trim_start(), self) == LineKind::Command {
                let entry = entry.trim();
                // `time ENTRY` times the rest exactly as typed (the
                // built-in `time` inside a longer command line gets words).
                if let Some(timed) = entry
                    .strip_prefix("time")
                    .filter(|_| cmdline::first_word(entry) == Some((0, 4)))
                {
                    crate::builtin::time_entry(self, timed);
                    rest = tail;
                    continue;
                }
                match self.split_mixed(entry) {
                    Some((cmd, conn, perl)) => {
                        let st = self.run_command_line(cmd);
                        let go = match conn {
                            None => true,
                            Some(cmdline::Connector::And) => st == 0,
                            Some(cmdline::Connector::Or) => st != 0,
                        };
                        if go && self.exit_requested.is_none() && !self.interrupted {
                            self.run_text(perl);
                        }
                    }
                    None => {
                        self.run_command_line(entry);
                    }
                }
                rest = tail;
                continue;
            }
            // `kill %1`: jobs by number, as in other shells.
            if let Some(_st) = crate::builtin::kill_jobs(self, entry.trim()) {
                rest = tail;
                continue;
            }
            // A lone word that names nothing would be a string in void
            // context to Perl; the user meant a command.
            let line = entry.trim().trim_end_matches(';');
            if is_lone_word(line) && !self.is_sub(line) && !cmdline::is_perl_keyword(line) {
                eprintln!("psh: command not found: {line}");
                self.set_status(127, 127 << 8);
                rest = tail;
                continue;
            }
            // An object pipe is an entry of its own (its value is shown).
            if let Some(piped) = crate::pipe::rewrite(entry, self) {
                self.run_perl(entry, Some(piped));
                rest = tail;
                continue;
            }
            let mut end = rest.len() - tail.len();
            let mut more = tail;
            while !more.trim().is_empty() {
                let (e, t) = self.next_entry(more);
                if cmdline::classify(e.trim_start(), self) == LineKind::Command
                    || crate::pipe::rewrite(e, self).is_some()
                {
                    break;
                }
                end += e.len();
                more = t;
            }
            self.run_perl(&rest[..end], None);
            rest = more;
        }
    }

    /// The program a Perl keyword at the start of `src` hides, if any
    /// (`grep -c fn file` compiled as Perl's grep).
    fn shadowed_program(&mut self, src: &str) -> Option<String> {
        let word: String = src
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        (cmdline::is_perl_keyword(&word) && find_program(self, &word).is_some()).then_some(word)
    }

    /// `cd /tmp; print "hi"` or `make && say "built"`: a command line
    /// whose later part (after a top-level `;`, `&&` or `||`) starts with
    /// Perl. Returns the command part, the connector (`None` for `;`) and
    /// the Perl text.
    fn split_mixed<'t>(
        &self,
        line: &'t str,
    ) -> Option<(&'t str, Option<cmdline::Connector>, &'t str)> {
        let b = line.as_bytes();
        let mut quote: Option<u8> = None;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            match quote {
                Some(q) => {
                    if c == b'\\' && q == b'"' {
                        i += 1;
                    } else if c == q {
                        quote = None;
                    }
                }
                None => {
                    let (conn, len) = match (c, b.get(i + 1)) {
                        (b'\\', _) => {
                            i += 2;
                            continue;
                        }
                        (b'\'' | b'"', _) => {
                            quote = Some(c);
                            i += 1;
                            continue;
                        }
                        (b';', _) => (None, 1),
                        (b'&', Some(b'&')) => (Some(cmdline::Connector::And), 2),
                        (b'|', Some(b'|')) => (Some(cmdline::Connector::Or), 2),
                        _ => {
                            i += 1;
                            continue;
                        }
                    };
                    let after = line[i + len..].trim_start();
                    if self.starts_perl(after) {
                        return Some((&line[..i], conn, after));
                    }
                    i += len;
                    continue;
                }
            }
            i += 1;
        }
        None
    }

    /// Text that clearly starts a Perl statement: a sigil, or a keyword or
    /// sub that no program or built-in shadows.
    fn starts_perl(&self, text: &str) -> bool {
        if text.starts_with(['$', '@', '%']) {
            return true;
        }
        let word: String = text
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        !word.is_empty()
            && (cmdline::is_perl_keyword(&word) || self.is_sub(&word))
            && cmdline::classify(text, self) == LineKind::Perl
    }

    /// Run Perl for its effect only (definitions made by built-ins).
    pub fn run_perl_quiet(&mut self, src: &str) {
        if let Outcome::Error(m) = self.it.repl_eval(&mut self.sess, src.as_bytes()) {
            eprint!("psh: {}", String::from_utf8_lossy(&m));
        }
    }

    /// Call a prompt sub (`PSH::prompt`) if the user defined one: its value
    /// as text. A sub that dies shows its error and the default is used.
    pub fn call_prompt_sub(&mut self, name: &str) -> Option<String> {
        let g = self.it.glob_opt(name)?;
        g.code()?;
        let saved = self.it.child_status;
        let r = match self
            .it
            .repl_eval(&mut self.sess, format!("{name}()").as_bytes())
        {
            Outcome::Done { values, .. } => Some(
                values
                    .iter()
                    .map(|v| {
                        String::from_utf8_lossy(&psh_interp::convert::to_bytes(v)).into_owned()
                    })
                    .collect::<String>(),
            ),
            Outcome::Error(m) => {
                eprint!("psh: {name}: {}", String::from_utf8_lossy(&m));
                None
            }
            _ => None,
        };
        self.it.child_status = saved;
        r
    }

    pub fn run_command_line(&mut self, line: &str) -> i32 {
        match cmdline::parse(line) {
            Ok(list) => crate::exec::run_list(self, &list, line),
            Err(e) => {
                report_parse_error(line, &e);
                self.set_status(2, 2 << 8)
            }
        }
    }

    /// Compile and run Perl in the session; show its value at a prompt.
    /// For an object pipe (`ps() | grep {…} | head 5`), `piped` is its
    /// rewritten code, and its value is shown in `-c` strings too (it is
    /// what the line is for) unless the pipeline is assigned.
    fn run_perl(&mut self, src: &str, piped: Option<crate::pipe::Rewrite>) {
        if piped.is_some() && !self.pipes_ready {
            self.pipes_ready = true;
            self.run_perl_quiet(crate::pipe::PRELUDE);
        }
        let code = piped.as_ref().map_or(src, |p| p.code.as_str());
        let outcome = self.it.repl_eval(&mut self.sess, code.as_bytes());
        match outcome {
            Outcome::Done { values, show } => {
                let piped_shows = piped.as_ref().is_some_and(|p| p.shows);
                let table = piped.as_ref().is_some_and(|p| p.table);
                if !self.interactive && piped_shows && !table && !stdout_is_tty() {
                    self.emit_lines(values);
                } else if (show && self.interactive) || piped_shows {
                    self.show(&values);
                }
                // A Perl entry that ran to its end succeeded, as a perl
                // script exits 0; what programs it ran left `$?`.
                self.last_status = 0;
            }
            Outcome::Error(msg) => {
                use std::io::Write;
                if let Some(word) = unknown_command(src, &msg) {
                    eprintln!("psh: command not found: {word}");
                    self.last_status = 127;
                    return;
                }
                let mut e = std::io::stderr();
                let _ = e.write_all(&msg);
                if !msg.ends_with(b"\n") {
                    let _ = e.write_all(b"\n");
                }
                let text = String::from_utf8_lossy(&msg);
                let compile = [
                    "syntax error",
                    "not terminated",
                    "Can't find string terminator",
                ]
                .iter()
                .any(|m| text.contains(m));
                if let Some(word) = self.shadowed_program(src).filter(|_| compile) {
                    eprintln!("psh: (`{word}` at the start of a line is Perl's {word}; ^{word} runs the program)");
                }
                self.last_status = 255;
            }
            Outcome::Exit(code) => {
                self.exit_requested = Some(code);
                self.last_status = code;
            }
            Outcome::Interrupted => {
                self.interrupted = true;
                // The terminal echoed ^C; end its line.
                eprintln!();
                self.last_status = 130;
            }
        }
    }

    fn show(&mut self, values: &[Value]) {
        let width = crossterm::terminal::size()
            .map(|(w, _)| w as usize)
            .unwrap_or(80);
        let opts = crate::render::RenderOpts {
            width,
            color: crate::color_enabled(),
            ..Default::default()
        };
        let text = crate::render::render(values, &opts);
        use std::io::Write;
        let mut o = std::io::stdout();
        let _ = o.write_all(text.as_bytes());
        let _ = o.flush();
    }

    /// A pipeline's values written for another program (`psh -c '…' >
    /// file`, `| jq`): one per line, records and other references as JSON.
    fn emit_lines(&mut self, values: Vec<Value>) {
        use std::io::Write;
        let mut o = std::io::stdout().lock();
        let encode = self.it.find_sub("PSH::Pipe::to_json");
        for v in values {
            let line = match (&encode, v.ref_addr().is_some()) {
                (Some(cv), true) => {
                    let mut out = Vec::new();
                    let args = vec![psh_interp::value::Elem::V(v)];
                    match self
                        .it
                        .call_sub(cv, args, psh_interp::interp::Want::List, &mut out)
                    {
                        Ok(_) => out
                            .first()
                            .map(|j| psh_interp::convert::to_bytes(j).into_owned())
                            .unwrap_or_default(),
                        Err(_) => b"null".to_vec(),
                    }
                }
                _ => psh_interp::convert::to_bytes(&v).into_owned(),
            };
            let _ = o.write_all(&line);
            let _ = o.write_all(b"\n");
        }
        let _ = o.flush();
    }

    /// Evaluate Perl source quietly (for word expansion): its values.
    fn eval_values(&mut self, src: &str) -> Result<Vec<Vec<u8>>, String> {
        match self.it.repl_eval(&mut self.sess, src.as_bytes()) {
            Outcome::Done { values, .. } => Ok(values
                .iter()
                .map(|v| psh_interp::convert::to_bytes(v).into_owned())
                .collect()),
            Outcome::Error(m) => Err(String::from_utf8_lossy(&m).trim_end().to_string()),
            Outcome::Exit(c) => {
                self.exit_requested = Some(c);
                Err("exit".into())
            }
            Outcome::Interrupted => {
                self.interrupted = true;
                Err("interrupted".into())
            }
        }
    }

    /// A `$scalar` word part: its value as a string (overloading applies).
    /// A plain `$NAME` that no Perl variable holds reads the environment,
    /// as in other shells (`echo $HOME`, `export PATH=$PATH:~/bin`).
    pub fn perl_scalar(&mut self, expr: &str) -> Result<Vec<u8>, String> {
        if let Some(name) = expr.strip_prefix('$') {
            let plain = name
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if plain && !self.sess.lexicals().any(|(n, _)| n == expr) {
                let global = self
                    .it
                    .glob_opt(&format!("main::{name}"))
                    .map(|g| g.sv().get().is_undef())
                    .unwrap_or(true);
                if let Some(v) = self.env_var(name).filter(|_| global) {
                    return Ok(v);
                }
            }
        }
        let mut v = self.eval_values(&format!("\"\" . ({expr})"))?;
        Ok(v.pop().unwrap_or_default())
    }

    /// An `@array` word part: its elements as strings.
    pub fn perl_list(&mut self, expr: &str) -> Result<Vec<Vec<u8>>, String> {
        self.eval_values(&format!("map {{ \"\" . $_ }} ({expr})"))
    }

    /// `$"`, which joins an array interpolated in double quotes.
    pub fn list_separator(&mut self) -> Vec<u8> {
        let v = self.it.glob("main::\"").sv().get();
        psh_interp::convert::to_bytes(&v).into_owned()
    }

    /// Run an alias: its text with the arguments appended, as a command line.
    pub fn call_alias(&mut self, argv: &[Vec<u8>]) -> i32 {
        let name = String::from_utf8_lossy(&argv[0]).into_owned();
        let Some(body) = self.aliases.get(&name).cloned() else {
            return 127;
        };
        let mut line = body;
        for a in &argv[1..] {
            line.push(' ');
            line.push_str(&shell_quote(&String::from_utf8_lossy(a)));
        }
        self.alias_active.insert(name.clone());
        let st = self.run_command_line(&line);
        self.alias_active.remove(&name);
        st
    }

    /// A Perl stage of a command line (`… | grep { /x/ }`): the lines of
    /// standard input through the Perl code, printed one per line.
    pub fn perl_stage(&mut self, src: &str) -> i32 {
        use std::io::Read;
        let mut input = Vec::new();
        let _ = std::io::stdin().lock().read_to_end(&mut input);
        let mut lines: Vec<Value> = input
            .split(|&b| b == b'\n')
            .map(|l| {
                let s = String::from_utf8_lossy(l);
                Value::string(s.into_owned())
            })
            .collect();
        if input.ends_with(b"\n") {
            lines.pop();
        }
        self.it.glob("PSH::lines").av().assign(lines);
        let code = format!("print \"$_\\n\" for ({src} @PSH::lines);");
        match self.it.repl_eval(&mut self.sess, code.as_bytes()) {
            Outcome::Done { .. } => 0,
            Outcome::Error(m) => {
                eprint!("{}", String::from_utf8_lossy(&m));
                255
            }
            Outcome::Exit(c) => c,
            Outcome::Interrupted => 130,
        }
    }

    /// An environment variable as `%ENV` (what programs get) has it.
    pub fn env_var(&self, name: &str) -> Option<Vec<u8>> {
        let v = self.it.glob_opt("main::ENV")?.hv().get(name.as_bytes());
        (!v.is_undef()).then(|| psh_interp::convert::to_bytes(&v).into_owned())
    }

    pub fn set_env_var(&mut self, name: &str, value: &[u8]) {
        self.it.glob("main::ENV").hv().set(
            psh_interp::value::make_key(name.as_bytes(), false),
            Value::bytes(value),
        );
    }

    /// `PATH` as `%ENV` has it now.
    pub fn path_var(&self) -> Vec<u8> {
        self.env_var("PATH")
            .unwrap_or_else(|| DEFAULT_PATH.to_vec())
    }
}

/// The `PATH` searched when none is set.
pub const DEFAULT_PATH: &[u8] = b"/usr/local/bin:/usr/bin:/bin";

/// Where a program named without a slash is found on `PATH`.
pub fn find_program(sh: &Shell, name: &str) -> Option<PathBuf> {
    psh_interp::process::find_in_path(&sh.path_var(), name)
}

fn stdout_is_tty() -> bool {
    unsafe { libc::isatty(libc::STDOUT_FILENO) == 1 }
}

/// Whether the first word of a command line names a program: a path
/// (`./x`, `/bin/ls`, `~/bin/x`) to an executable file, or a program on
/// `path`.
pub fn program_exists(path: &[u8], name: &str) -> bool {
    if !name.contains('/') {
        return psh_interp::process::find_in_path(path, name).is_some();
    }
    let p = match name.strip_prefix("~/") {
        Some(rest) => match crate::exec::expand::home_of(None) {
            Some(h) => PathBuf::from(std::ffi::OsStr::from_bytes(&h)).join(rest),
            None => return false,
        },
        None => PathBuf::from(name),
    };
    psh_interp::process::is_executable(&p)
}

impl crate::pipe::StageNames for Shell {
    fn is_list_sub(&self, name: &str) -> bool {
        self.is_sub(name)
            && self
                .it
                .glob_opt(&format!("{}::{name}", self.sess.package()))
                .and_then(|g| g.code())
                .is_some_and(|cv| matches!(cv.kind, psh_interp::value::CodeKind::Perl { .. }))
    }
    fn is_program(&self, name: &str) -> bool {
        Known::is_program(self, name)
    }
    fn calls_program(&self, name: &str) -> bool {
        !self.is_sub(name)
            && !cmdline::is_perl_keyword(name)
            && psh_builtins::command(name).is_none()
            && Known::is_program(self, name)
    }
    fn calls_record_command(&self, name: &str) -> bool {
        !self.is_sub(name) && psh_builtins::command(name).is_some()
    }
}

impl Known for Shell {
    fn is_sub(&self, name: &str) -> bool {
        if self.aliases.contains_key(name) {
            return false;
        }
        let full = if name.contains("::") {
            name.to_string()
        } else {
            format!("{}::{name}", self.sess.package())
        };
        self.it
            .glob_opt(&full)
            .map(|g| g.code().is_some())
            .unwrap_or(false)
    }
    fn is_builtin(&self, name: &str) -> bool {
        (self.aliases.contains_key(name) && !self.alias_active.contains(name))
            || crate::builtin::find(name).is_some()
    }
    fn is_program(&self, name: &str) -> bool {
        program_exists(&self.path_var(), name)
    }
}

/// A word shaped like a program name (`ls`, `apt-get`, `g++`,
/// `python3.11`), which a user typing it at the start of a line means as a
/// command.
pub fn is_command_word(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '+'))
}

fn is_lone_word(s: &str) -> bool {
    is_command_word(s) && !s.ends_with('.')
}

/// A line that failed as Perl and starts with a bare word that names
/// nothing (`lss -l`): the user meant a command, so say that instead of
/// showing Perl's complaint.
fn unknown_command<'a>(src: &'a str, msg: &[u8]) -> Option<&'a str> {
    let t = src.trim_start();
    let end = t.find(|c: char| c.is_whitespace()).unwrap_or(t.len());
    let word = &t[..end];
    if !is_command_word(word) || cmdline::is_perl_keyword(word) {
        return None;
    }
    let msg = String::from_utf8_lossy(msg);
    let undefined = msg.starts_with(&format!("Undefined subroutine &main::{word} called"));
    let compile = msg.contains(" at - line ")
        && (msg.contains("syntax error")
            || msg.contains("Bareword")
            || msg.contains("not terminated"));
    (undefined || compile).then_some(word)
}

/// Quote a word for a command line (single quotes unless it is plain).
pub fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./=:,+%@".contains(&b))
    {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// A command-line syntax error: the message, and the line with the place
/// marked.
pub fn report_parse_error(line: &str, e: &cmdline::ParseError) {
    let upto = &line[..e.offset.min(line.len())];
    let lineno = upto.matches('\n').count() + 1;
    let start = upto.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let end = line[start..]
        .find('\n')
        .map(|i| start + i)
        .unwrap_or(line.len());
    let col = upto[start..].chars().count() + 1;
    eprintln!(
        "psh: syntax error: {} at line {lineno}, column {col}",
        e.msg
    );
    eprintln!("  {}", &line[start..end]);
    eprintln!("  {}^", " ".repeat(col - 1));
}
