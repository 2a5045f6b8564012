//! psh completions: what the line editor offers on Tab.
//!
//! The line editor's completer runs on the editor's side and may not touch
//! the interpreter (it is `Send`; the interpreter is not). Before each
//! prompt the shell fills a [`Snapshot`] of what is in scope; the
//! completer reads that.
//!
//! [`PshCompleter`] decides what the word at the cursor is (`context`), then
//! asks the module for that kind of name: `commands` (the `PATH` cache,
//! builtins, subs, psh's options), `paths` (file names and their quoting)
//! or `perl` (variables, keys, methods, modules). [`default_menu`] is the
//! menu the shell installs to show the suggestions with their descriptions.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use reedline::{ColumnarMenu, Completer, CompletionResult, MenuBuilder, Suggestion};

mod commands;
mod context;
mod paths;
mod perl;
#[cfg(test)]
mod testutil;

pub use commands::{PathSource, DEFAULT_RECHECK};

use commands::ProgramCache;
use context::Context;
use perl::ModuleCache;

/// What the interpreter knows at the prompt, copied for the editor.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Variables in scope, with sigils: `$x`, `@list`, `%h`, `$main::y`.
    pub variables: Vec<String>,
    /// Keys of hashes in scope, by hash name with its `%` sigil (`%h`), and
    /// of hashes referenced by scalars (`$h` for `$h->{`); a bounded number
    /// per hash.
    pub hash_keys: Vec<(String, Vec<String>)>,
    /// Methods callable on scalars that hold blessed references: (`$obj`,
    /// method names, its class and its parents' included).
    pub methods: Vec<(String, Vec<String>)>,
    /// The class of each scalar in `methods` (`$obj` → `IO::Handle`),
    /// shown as the description of its methods.
    pub classes: Vec<(String, String)>,
    /// Defined subs in `main` (and fully qualified ones elsewhere).
    pub subs: Vec<String>,
    /// psh built-in commands and aliases, with a one-line description.
    pub builtins: Vec<(String, String)>,
    /// `@INC`, for module names after `use`/`require`.
    pub inc: Vec<String>,
    /// psh's own command-line options, with descriptions.
    pub options: Vec<(String, String)>,
    /// Keys of the records a pipe source yields (`ps` → pid, ppid, …), for
    /// `$_->{` inside a pipe stage.
    pub record_keys: Vec<(String, Vec<String>)>,
}

/// The snapshot shared between the shell and the editor's completer and
/// highlighter.
pub type Shared = Arc<RwLock<Snapshot>>;

/// The completer the shell gives reedline.
///
/// It holds the shared [`Snapshot`] and two caches of its own: the
/// programs on `PATH` and the module directories under `@INC`.
pub struct PshCompleter {
    shared: Shared,
    programs: ProgramCache,
    modules: ModuleCache,
    /// `None`: the process's current directory, which `cd` changes.
    cwd: Option<PathBuf>,
    home: Option<PathBuf>,
}

impl PshCompleter {
    /// A completer reading `shared`, with `PATH` from the process
    /// environment and `~` from the user's home directory.
    pub fn new(shared: Shared) -> Self {
        PshCompleter {
            shared,
            programs: ProgramCache::new(Box::new(|| std::env::var_os("PATH"))),
            modules: ModuleCache::default(),
            cwd: None,
            home: dirs::home_dir(),
        }
    }

    /// Reads `PATH` from `source` instead of the process environment, for a
    /// shell that keeps its own `%ENV`, and for tests.
    #[must_use]
    pub fn with_path_source(
        mut self,
        source: impl Fn() -> Option<OsString> + Send + 'static,
    ) -> Self {
        self.programs.set_source(Box::new(source));
        self
    }

    /// How long `PATH` directories are trusted unchanged before their
    /// mtimes are looked at again ([`DEFAULT_RECHECK`] unless set).
    #[must_use]
    pub fn with_recheck_interval(mut self, interval: Duration) -> Self {
        self.programs.set_recheck(interval);
        self
    }

    /// Completes file names relative to `dir` instead of the process's
    /// current directory.
    #[must_use]
    pub fn with_cwd(mut self, dir: impl Into<PathBuf>) -> Self {
        self.cwd = Some(dir.into());
        self
    }

    /// The directory `~/` stands for; `None` leaves `~/` uncompleted.
    #[must_use]
    pub fn with_home(mut self, dir: Option<PathBuf>) -> Self {
        self.home = dir;
        self
    }

    /// The suggestions for `line` with the cursor at byte `pos` (moved back
    /// to a character boundary if it is inside one). Each suggestion's span
    /// covers the partial word before the cursor.
    pub fn suggestions(&mut self, line: &str, pos: usize) -> Vec<Suggestion> {
        let pos = context::floor_boundary(line, pos);
        // A panic in the shell that held the lock leaves the snapshot as
        // it was; reading it is still fine.
        let shared = Arc::clone(&self.shared);
        let snap = shared.read().unwrap_or_else(PoisonError::into_inner);
        match context::detect(line, pos) {
            Context::Nothing => Vec::new(),
            Context::Command {
                start,
                partial,
                programs_only,
            } => commands::complete_command(
                &snap,
                &mut self.programs,
                start,
                &partial,
                programs_only,
            ),
            Context::PshOption { start, partial } => {
                commands::complete_option(&snap, start, &partial)
            }
            Context::Variable {
                start,
                sigil,
                partial,
            } => perl::complete_variable(&snap, start, sigil, &partial),
            Context::HashKey {
                start,
                target,
                partial,
                quote,
                close,
            } => perl::complete_key(&snap, start, pos, &target, &partial, quote, close),
            Context::Method {
                start,
                owner,
                partial,
            } => perl::complete_method(&snap, start, &owner, &partial),
            Context::Module { start, partial } => {
                perl::complete_module(&snap, &mut self.modules, start, &partial)
            }
            Context::Path {
                start,
                raw,
                executables_only,
            } => {
                let cwd = match &self.cwd {
                    Some(dir) => dir.clone(),
                    None => match std::env::current_dir() {
                        Ok(dir) => dir,
                        Err(_) => return Vec::new(),
                    },
                };
                paths::complete_path(&raw, start, &cwd, self.home.as_deref(), executables_only)
            }
        }
    }
}

impl Completer for PshCompleter {
    fn complete(&mut self, line: &str, pos: usize) -> CompletionResult {
        CompletionResult::fresh(self.suggestions(line, pos))
    }
}

/// The completion menu for the shell to install, named `completion_menu`.
/// A columnar menu switches to one suggestion per row with its
/// description beside it whenever the suggestions carry descriptions
/// (commands, variables, keys, methods, modules), and stays a grid for
/// bare file names.
pub fn default_menu() -> ColumnarMenu {
    ColumnarMenu::default()
        .with_name("completion_menu")
        .with_column_padding(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{values, TempDir};
    use reedline::{Menu, Span};

    /// A completer over a fixed snapshot, a fake `PATH` and a fake home,
    /// with files in its own current directory.
    struct Fixture {
        completer: PshCompleter,
        cwd: TempDir,
        home: TempDir,
        _bin: TempDir,
        _inc: TempDir,
    }

    fn fixture() -> Fixture {
        let bin = TempDir::new();
        for p in ["git", "gitk", "grep", "gzip", "perl", "perldoc", "psh"] {
            bin.exec(p);
        }
        let cwd = TempDir::new();
        cwd.file("My File.txt");
        cwd.dir("My Dir");
        cwd.file("notes.txt");
        cwd.exec("script.sh");
        cwd.file("été.txt");
        let home = TempDir::new();
        home.file("projects/psh/README");
        home.dir("pictures");
        let inc = TempDir::new();
        inc.file("Data/Dumper.pm");
        inc.file("List/Util.pm");
        inc.file("strict.pm");
        let snap = Snapshot {
            variables: [
                "$name", "$names", "$n", "@nums", "%h", "$r", "$obj", "$café",
            ]
            .map(String::from)
            .to_vec(),
            hash_keys: vec![
                (
                    "%h".into(),
                    vec!["alpha".into(), "beta".into(), "two words".into()],
                ),
                ("$r".into(), vec!["size".into(), "mtime".into()]),
            ],
            methods: vec![(
                "$obj".into(),
                vec!["print".into(), "printf".into(), "close".into()],
            )],
            classes: vec![("$obj".into(), "IO::File".into())],
            subs: vec!["greet".into(), "grepper".into()],
            builtins: vec![
                ("cd".into(), "change directory".into()),
                ("jobs".into(), "list jobs".into()),
            ],
            inc: vec![inc.path().display().to_string()],
            options: vec![
                ("--cache".into(), "cache compiled scripts".into()),
                ("-c".into(), "run a command string".into()),
            ],
            record_keys: vec![
                (
                    "ps".into(),
                    ["pid", "ppid", "user", "cpu", "cmd"]
                        .map(String::from)
                        .to_vec(),
                ),
                (
                    "ls".into(),
                    ["name", "size", "mode"].map(String::from).to_vec(),
                ),
            ],
        };
        let bin_path = OsString::from(bin.path());
        let completer = PshCompleter::new(Arc::new(RwLock::new(snap)))
            .with_path_source(move || Some(bin_path.clone()))
            .with_cwd(cwd.path())
            .with_home(Some(home.path().to_path_buf()));
        Fixture {
            completer,
            cwd,
            home,
            _bin: bin,
            // Read lazily, so it lives as long as the completer.
            _inc: inc,
        }
    }

    fn complete(f: &mut Fixture, line: &str) -> Vec<Suggestion> {
        f.completer.suggestions(line, line.len())
    }

    #[test]
    fn completer_is_send_as_reedline_requires() {
        fn send<T: Send>() {}
        send::<PshCompleter>();
    }

    #[test]
    fn command_prefix_merges_programs_builtins_and_subs() {
        let mut f = fixture();
        let got = complete(&mut f, "g");
        assert_eq!(
            values(&got),
            ["git", "gitk", "greet", "grep", "grepper", "gzip"]
        );
        let greet = got.iter().find(|s| s.value == "greet").unwrap();
        assert_eq!(greet.description.as_deref(), Some("sub"));
        let git = got.iter().find(|s| s.value == "git").unwrap();
        assert_eq!(git.description.as_deref(), Some("program"));
        assert!(got
            .iter()
            .all(|s| s.span == Span::new(0, 1) && s.append_whitespace));
        let cd = complete(&mut f, "c");
        assert_eq!(values(&cd), ["cd"]);
        assert_eq!(cd[0].description.as_deref(), Some("change directory"));
    }

    #[test]
    fn command_after_a_pipe_and_forced_with_caret() {
        let mut f = fixture();
        let got = complete(&mut f, "cat notes.txt | gr");
        assert_eq!(values(&got), ["greet", "grep", "grepper"]);
        assert_eq!(got[0].span, Span::new(16, 18));
        assert_eq!(values(&complete(&mut f, "^gr")), ["grep"]);
    }

    #[test]
    fn empty_input_offers_builtins_and_subs_only() {
        let mut f = fixture();
        let got = f.completer.suggestions("", 0);
        assert_eq!(values(&got), ["cd", "greet", "grepper", "jobs"]);
        assert!(got.iter().all(|s| s.span == Span::new(0, 0)));
    }

    #[test]
    fn variable_prefix() {
        let mut f = fixture();
        let got = complete(&mut f, "print $na");
        assert_eq!(values(&got), ["$name", "$names"]);
        assert_eq!(got[0].span, Span::new(6, 9));
        assert_eq!(got[0].description.as_deref(), Some("scalar"));
        assert!(!got[0].append_whitespace);
        let arrays = complete(&mut f, "for (@n");
        assert_eq!(values(&arrays), ["@nums"]);
        assert_eq!(arrays[0].description.as_deref(), Some("array"));
        assert_eq!(
            values(&complete(&mut f, "rm $n")),
            ["$n", "$name", "$names"]
        );
    }

    #[test]
    fn hash_keys_of_hashes_and_refs() {
        let mut f = fixture();
        let got = complete(&mut f, "print $h{a");
        assert_eq!(values(&got), ["alpha}"]);
        assert_eq!(got[0].span, Span::new(9, 10));
        assert_eq!(
            values(&complete(&mut f, "$h{")),
            ["alpha}", "beta}", "'two words'}"]
        );
        assert_eq!(values(&complete(&mut f, "$h{'tw")), ["'two words'}"]);
        let r = complete(&mut f, "say $r->{s");
        assert_eq!(values(&r), ["size}"]);
        assert_eq!(r[0].span, Span::new(9, 10));
        // A `}` already after the cursor is not doubled.
        let line = "$r->{m}";
        assert_eq!(values(&f.completer.suggestions(line, 6)), ["mtime"]);
    }

    #[test]
    fn record_keys_in_a_pipe() {
        let mut f = fixture();
        let got = complete(&mut f, "ps() | grep { $_->{c");
        assert_eq!(values(&got), ["cmd}", "cpu}"]);
        assert_eq!(got[0].span, Span::new(19, 20));
        assert_eq!(got[0].description.as_deref(), Some("ps()"));
        let ls = complete(
            &mut f,
            "ls('/tmp') | sort { $a->{size} <=> $b->{size} } | map { $_->{",
        );
        assert_eq!(values(&ls), ["mode}", "name}", "size}"]);
    }

    #[test]
    fn record_keys_of_a_call_outside_a_pipe() {
        let mut f = fixture();
        let got = complete(&mut f, "for (ps()) { print $_->{p");
        assert_eq!(values(&got), ["pid}", "ppid}"]);
    }

    #[test]
    fn random_lines_never_panic_and_spans_stay_in_bounds() {
        // Tricky pieces rather than random bytes: the scanners care about
        // sigils, quotes, brackets and multi-byte characters side by side.
        const PIECES: [&str; 32] = [
            "$", "@", "%", "$#", "{", "}", "(", ")", "->", "|", "||", "&", ";", "'", "\"", "\\",
            " ", "\n", "~", "~/", "/", "::", "^", "#", "é", "日", "💩", "ps", "$_", "use ", "My",
            "x",
        ];
        let mut f = fixture();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..3000 {
            let len = next() % 10;
            let line: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let pos = (next() % (line.len() as u64 + 2)) as usize;
            for s in f.completer.suggestions(&line, pos) {
                assert!(s.span.start <= s.span.end, "{line:?} at {pos}");
                assert!(s.span.end <= pos.min(line.len()), "{line:?} at {pos}");
                assert!(line.is_char_boundary(s.span.start), "{line:?} at {pos}");
            }
        }
    }

    #[test]
    fn methods_after_arrow() {
        let mut f = fixture();
        let got = complete(&mut f, "$obj->pri");
        assert_eq!(values(&got), ["print", "printf"]);
        assert_eq!(got[0].span, Span::new(6, 9));
        assert_eq!(got[0].description.as_deref(), Some("IO::File"));
    }

    #[test]
    fn module_names_after_use() {
        let mut f = fixture();
        let got = complete(&mut f, "use Da");
        assert_eq!(values(&got), ["Data::"]);
        assert!(!got[0].append_whitespace);
        let got = complete(&mut f, "use Data::D");
        assert_eq!(values(&got), ["Data::Dumper"]);
        assert_eq!(got[0].span, Span::new(4, 11));
        assert!(got[0].append_whitespace);
        assert_eq!(values(&complete(&mut f, "no st")), ["strict"]);
        assert_eq!(values(&complete(&mut f, "require List::")), ["List::Util"]);
    }

    #[test]
    fn psh_options() {
        let mut f = fixture();
        let got = complete(&mut f, "psh --c");
        assert_eq!(values(&got), ["--cache"]);
        assert_eq!(
            got[0].description.as_deref(),
            Some("cache compiled scripts")
        );
        assert_eq!(values(&complete(&mut f, "psh -")), ["--cache", "-c"]);
        assert!(complete(&mut f, "grep -").is_empty());
    }

    #[test]
    fn paths_with_spaces() {
        let mut f = fixture();
        let got = complete(&mut f, "cat My");
        assert_eq!(values(&got), ["My\\ Dir/", "My\\ File.txt"]);
        assert_eq!(got[0].span, Span::new(4, 6));
        let quoted = complete(&mut f, "cat 'My Fi");
        assert_eq!(values(&quoted), ["'My File.txt'"]);
        assert_eq!(quoted[0].span, Span::new(4, 10));
        assert_eq!(values(&complete(&mut f, "ls(\"My F")), ["\"My File.txt\""]);
        assert!(f.cwd.path().join("My File.txt").exists());
    }

    #[test]
    fn tilde_paths() {
        let mut f = fixture();
        let got = complete(&mut f, "cd ~/pr");
        assert_eq!(values(&got), ["~/projects/"]);
        assert_eq!(got[0].span, Span::new(3, 7));
        assert_eq!(
            values(&complete(&mut f, "cat ~/projects/psh/R")),
            ["~/projects/psh/README"]
        );
        assert!(f.home.path().join("pictures").is_dir());
    }

    #[test]
    fn command_word_with_a_slash_is_a_path() {
        let mut f = fixture();
        let got = complete(&mut f, "./scr");
        assert_eq!(values(&got), ["./script.sh"]);
        assert!(got[0].append_whitespace);
    }

    #[test]
    fn cursor_in_the_middle_of_a_line() {
        let mut f = fixture();
        let line = "cat no | wc -l";
        let got = f.completer.suggestions(line, 6);
        assert_eq!(values(&got), ["notes.txt"]);
        assert_eq!(got[0].span, Span::new(4, 6));
        let line = "print $na . 'x'";
        let got = f.completer.suggestions(line, 9);
        assert_eq!(values(&got), ["$name", "$names"]);
        assert_eq!(got[0].span, Span::new(6, 9));
    }

    #[test]
    fn non_ascii_text() {
        let mut f = fixture();
        let got = complete(&mut f, "cat ét");
        assert_eq!(values(&got), ["été.txt"]);
        assert_eq!(got[0].span, Span::new(4, 4 + "ét".len()));
        let got = complete(&mut f, "say $caf");
        assert_eq!(values(&got), ["$café"]);
        // Every byte position of a line full of multi-byte text, including
        // ones inside characters and past the end, answers without panic
        // and with spans inside the line.
        let line = "日本 | ^grép { $_->{'ü' } && cat 'ñ ü' $café->{ ~/é";
        for pos in 0..=line.len() + 3 {
            for s in f.completer.suggestions(line, pos) {
                assert!(s.span.start <= s.span.end && s.span.end <= pos.min(line.len()));
                assert!(line.is_char_boundary(s.span.start) && line.is_char_boundary(s.span.end));
            }
        }
    }

    #[test]
    fn through_the_reedline_trait() {
        let mut f = fixture();
        let result = Completer::complete(&mut f.completer, "gz", 2);
        assert_eq!(values(result.suggestions()), ["gzip"]);
    }

    #[test]
    fn default_menu_is_named_for_the_shell() {
        assert_eq!(default_menu().name(), "completion_menu");
    }
}
