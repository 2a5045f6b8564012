//! The line classifier: Perl or command line, decided statically from the
//! line's text and what names exist (see docs/command-lines.md).

/// What the classifier may ask about names. The answers depend only on
/// definitions (subs, built-in commands, programs on `PATH`), never on the
/// values of variables.
pub trait Known {
    /// A Perl sub with this name is defined (in `main` or fully qualified).
    fn is_sub(&self, name: &str) -> bool;
    /// A psh built-in command (`cd`, `jobs`, …) or an alias.
    fn is_builtin(&self, name: &str) -> bool;
    /// An executable program: on `PATH`, or a path to an executable file.
    /// Path-like words (`/bin/ls`, `./x`, `../x`, `~/x`) are passed as
    /// typed, `~` included.
    fn is_program(&self, name: &str) -> bool;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Perl,
    Command,
}

/// Perl 5.36's named operators and keywords (`perldoc perlfunc`,
/// `perldoc perlsyn`, the `feature` keywords). At the start of a line they
/// win over same-named programs; `^name` reaches the program. Kept sorted
/// for the binary search (a test checks it).
const PERL_WORDS: &[&str] = &[
    "AUTOLOAD",
    "BEGIN",
    "CHECK",
    "CORE",
    "DESTROY",
    "END",
    "INIT",
    "UNITCHECK",
    "__DATA__",
    "__END__",
    "__FILE__",
    "__LINE__",
    "__PACKAGE__",
    "__SUB__",
    "abs",
    "accept",
    "alarm",
    "and",
    "atan2",
    "bind",
    "binmode",
    "bless",
    "break",
    "caller",
    "catch",
    "chdir",
    "chmod",
    "chomp",
    "chop",
    "chown",
    "chr",
    "chroot",
    "close",
    "closedir",
    "cmp",
    "connect",
    "continue",
    "cos",
    "crypt",
    "dbmclose",
    "dbmopen",
    "default",
    "defer",
    "defined",
    "delete",
    "die",
    "do",
    "dump",
    "each",
    "else",
    "elsif",
    "endgrent",
    "endhostent",
    "endnetent",
    "endprotoent",
    "endpwent",
    "endservent",
    "eof",
    "eq",
    "eval",
    "evalbytes",
    "exec",
    "exists",
    "exit",
    "exp",
    "fc",
    "fcntl",
    "fileno",
    "finally",
    "flock",
    "for",
    "foreach",
    "fork",
    "format",
    "formline",
    "ge",
    "getc",
    "getgrent",
    "getgrgid",
    "getgrnam",
    "gethostbyaddr",
    "gethostbyname",
    "gethostent",
    "getlogin",
    "getnetbyaddr",
    "getnetbyname",
    "getnetent",
    "getpeername",
    "getpgrp",
    "getppid",
    "getpriority",
    "getprotobyname",
    "getprotobynumber",
    "getprotoent",
    "getpwent",
    "getpwnam",
    "getpwuid",
    "getservbyname",
    "getservbyport",
    "getservent",
    "getsockname",
    "getsockopt",
    "given",
    "glob",
    "gmtime",
    "goto",
    "grep",
    "gt",
    "hex",
    "if",
    "import",
    "index",
    "int",
    "ioctl",
    "isa",
    "join",
    "keys",
    "kill",
    "last",
    "lc",
    "lcfirst",
    "le",
    "length",
    "link",
    "listen",
    "local",
    "localtime",
    "lock",
    "log",
    "lstat",
    "lt",
    "m",
    "map",
    "mkdir",
    "msgctl",
    "msgget",
    "msgrcv",
    "msgsnd",
    "my",
    "ne",
    "next",
    "no",
    "not",
    "oct",
    "open",
    "opendir",
    "or",
    "ord",
    "our",
    "pack",
    "package",
    "pipe",
    "pop",
    "pos",
    "print",
    "printf",
    "prototype",
    "push",
    "q",
    "qq",
    "qr",
    "quotemeta",
    "qw",
    "qx",
    "rand",
    "read",
    "readdir",
    "readline",
    "readlink",
    "readpipe",
    "recv",
    "redo",
    "ref",
    "rename",
    "require",
    "reset",
    "return",
    "reverse",
    "rewinddir",
    "rindex",
    "rmdir",
    "s",
    "say",
    "scalar",
    "seek",
    "seekdir",
    "select",
    "semctl",
    "semget",
    "semop",
    "send",
    "setgrent",
    "sethostent",
    "setnetent",
    "setpgrp",
    "setpriority",
    "setprotoent",
    "setpwent",
    "setservent",
    "setsockopt",
    "shift",
    "shmctl",
    "shmget",
    "shmread",
    "shmwrite",
    "shutdown",
    "sin",
    "sleep",
    "socket",
    "socketpair",
    "sort",
    "splice",
    "split",
    "sprintf",
    "sqrt",
    "srand",
    "stat",
    "state",
    "study",
    "sub",
    "substr",
    "symlink",
    "syscall",
    "sysopen",
    "sysread",
    "sysseek",
    "system",
    "syswrite",
    "tell",
    "telldir",
    "tie",
    "tied",
    "time",
    "times",
    "tr",
    "truncate",
    "try",
    "uc",
    "ucfirst",
    "umask",
    "undef",
    "unless",
    "unlink",
    "unpack",
    "unshift",
    "untie",
    "until",
    "use",
    "utime",
    "values",
    "vec",
    "wait",
    "waitpid",
    "wantarray",
    "warn",
    "when",
    "while",
    "write",
    "x",
    "xor",
    "y",
];

/// Whether `w` is a Perl keyword or named operator (these win over
/// programs of the same name at the start of a line).
pub fn is_perl_keyword(w: &str) -> bool {
    is_perl_word(w)
}

fn is_perl_word(w: &str) -> bool {
    PERL_WORDS.binary_search(&w).is_ok()
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn is_blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

/// Characters that end a shell word outside quotes.
fn ends_word(c: u8) -> bool {
    c.is_ascii_whitespace() || matches!(c, b';' | b'&' | b'|' | b'<' | b'>' | b'(' | b')')
}

/// What the classifier found at the head of the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    /// A name: `full` is the whole program-like word (`apt-get`, `g++`,
    /// `python3.11`), `ident` its leading Perl identifier (`apt`).
    Name {
        start: usize,
        ident_end: usize,
        full_end: usize,
    },
    /// `/bin/ls`, `./x`, `../x`, `~/x`, `~user/x`.
    Path { start: usize, end: usize },
    /// `.` as a word of its own (the `source` built-in's short name).
    Dot { start: usize },
}

fn skip_blanks(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

fn head_at(b: &[u8], i: usize) -> Option<Head> {
    let c = *b.get(i)?;
    if is_ident_start(c) {
        let mut ident_end = i + 1;
        while ident_end < b.len() && is_ident_char(b[ident_end]) {
            ident_end += 1;
        }
        // Program names may contain `.`, `+` and `-` (`apt-get`, `g++`),
        // but `foo->bar` is a method call, so `-` before `>` ends the name.
        let mut full_end = ident_end;
        while full_end < b.len() {
            let d = b[full_end];
            let punct = matches!(d, b'.' | b'+' | b'-');
            if !(is_ident_char(d) || punct) || (d == b'-' && b.get(full_end + 1) == Some(&b'>')) {
                break;
            }
            full_end += 1;
        }
        return Some(Head::Name {
            start: i,
            ident_end,
            full_end,
        });
    }
    let rest = &b[i..];
    let pathlike = rest.starts_with(b"/")
        || rest.starts_with(b"./")
        || rest.starts_with(b"../")
        || rest.starts_with(b"~/")
        || (c == b'~' && {
            let mut j = 1;
            while j < rest.len() && (is_ident_char(rest[j]) || matches!(rest[j], b'.' | b'-')) {
                j += 1;
            }
            j > 1 && rest.get(j) == Some(&b'/')
        });
    if pathlike {
        let mut end = i;
        while end < b.len() && !ends_word(b[end]) {
            end += 1;
        }
        return Some(Head::Path { start: i, end });
    }
    if c == b'.' && b.get(i + 1).is_some_and(|d| is_blank(*d)) {
        return Some(Head::Dot { start: i });
    }
    None
}

/// Skip one shell word (quotes and backslashes respected); the end offset.
fn skip_shell_word(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && !ends_word(b[i]) {
        match b[i] {
            b'\\' => i += 2,
            q @ (b'\'' | b'"') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    if q == b'"' && b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    i.min(b.len())
}

/// `NAME=value` at `i`: the offset after the value.
fn assignment_at(b: &[u8], i: usize) -> Option<usize> {
    if !b.get(i).is_some_and(|c| is_ident_start(*c)) {
        return None;
    }
    let mut j = i + 1;
    while j < b.len() && is_ident_char(b[j]) {
        j += 1;
    }
    if b.get(j) != Some(&b'=') {
        return None;
    }
    Some(skip_shell_word(b, j + 1))
}

/// Skip `NAME=value` words at `i`; the offset of what follows them and
/// whether there were any.
fn skip_assignments(b: &[u8], i: usize) -> (usize, bool) {
    let mut j = i;
    let mut any = false;
    while let Some(end) = assignment_at(b, j) {
        // `x=1;` or `x=1` alone is not a prefix of a command.
        if end < b.len() && !is_blank(b[end]) {
            break;
        }
        any = true;
        j = skip_blanks(b, end);
    }
    (j, any)
}

/// `^name`: the word after the caret, if there is one.
fn forced_at(b: &[u8], i: usize) -> Option<(usize, usize)> {
    if b.get(i) != Some(&b'^') {
        return None;
    }
    let start = i + 1;
    let end = skip_shell_word(b, start);
    (end > start).then_some((start, end))
}

/// Decide whether `line` (the start of an interactive statement) is Perl or
/// a command line.
pub fn classify(line: &str, known: &dyn Known) -> LineKind {
    let b = line.as_bytes();
    let i = skip_blanks(b, 0);
    if forced_at(b, i).is_some() {
        return LineKind::Command;
    }
    let (j, assigned) = skip_assignments(b, i);
    if assigned && j < b.len() {
        // Perl has no `NAME=value cmd` syntax, so the environment prefix
        // settles it as soon as a command follows, whatever its name.
        if forced_at(b, j).is_some() {
            return LineKind::Command;
        }
        let is_cmd = match head_at(b, j) {
            Some(Head::Name {
                start, full_end, ..
            }) => {
                let w = &line[start..full_end];
                known.is_builtin(w) || known.is_program(w)
            }
            Some(Head::Path { start, end }) => known.is_program(&line[start..end]),
            _ => false,
        };
        return if is_cmd {
            LineKind::Command
        } else {
            LineKind::Perl
        };
    }
    match head_at(b, i) {
        None => LineKind::Perl,
        Some(Head::Dot { .. }) => {
            if known.is_builtin(".") {
                LineKind::Command
            } else {
                LineKind::Perl
            }
        }
        Some(Head::Path { start, end }) => {
            // A path that is not an executable is most likely a regex
            // match (`/foo/ and print`).
            if known.is_program(&line[start..end]) {
                LineKind::Command
            } else {
                LineKind::Perl
            }
        }
        Some(Head::Name {
            start,
            ident_end,
            full_end,
        }) => classify_name(line, start, ident_end, full_end, known),
    }
}

fn classify_name(
    line: &str,
    start: usize,
    ident_end: usize,
    full_end: usize,
    known: &dyn Known,
) -> LineKind {
    let command = |w: &str| known.is_builtin(w) || known.is_program(w);
    if full_end > ident_end {
        // `apt-get`, `g++`: no Perl name looks like this, so only a
        // program or built-in of exactly that name makes it a command.
        return if command(&line[start..full_end]) {
            LineKind::Command
        } else {
            LineKind::Perl
        };
    }
    let word = &line[start..ident_end];
    let rest = &line[ident_end..];
    if word == "wait" && wait_is_command(rest) {
        return LineKind::Command;
    }
    if word == "time" && time_is_command(rest) {
        return LineKind::Command;
    }
    if is_perl_word(word) || known.is_sub(word) || perl_follows(rest) {
        return LineKind::Perl;
    }
    if command(word) {
        LineKind::Command
    } else {
        LineKind::Perl
    }
}

/// What directly follows a name that makes the line Perl whatever the
/// name is: a call `f(...)`, `->`, `::`, `,`, `=` in all its forms, a
/// fat comma, a binding operator or a label colon.
fn perl_follows(rest: &str) -> bool {
    let r = rest.as_bytes();
    if r.starts_with(b"::") || r.starts_with(b"->") || r.starts_with(b",") || r.starts_with(b"=") {
        return true;
    }
    if r.starts_with(b":") && r.get(1).is_none_or(|c| c.is_ascii_whitespace()) {
        return true;
    }
    let t = rest.trim_start_matches([' ', '\t']).as_bytes();
    t.starts_with(b"(") || t.starts_with(b"=>") || t.starts_with(b"=~") || t.starts_with(b"!~")
}

/// `wait`, `wait %1`, `wait 1234 %2`: the job-control built-in. Anything
/// else (`wait()`, `wait or die`) is Perl's `wait`.
fn wait_is_command(rest: &str) -> bool {
    let end = rest.find([';', '&', '|', '\n', '#']).unwrap_or(rest.len());
    if !rest.is_empty() && !rest.starts_with([' ', '\t', ';', '&', '|', '\n', '#']) {
        return false;
    }
    rest[..end]
        .split_whitespace()
        .all(|t| t.starts_with('%') || t.bytes().all(|c| c.is_ascii_digit()))
}

/// `time STATEMENT` is the timing built-in; `time` alone or followed by an
/// operator (`time - $t0`, `time()`, `time;`) is Perl's `time`.
fn time_is_command(rest: &str) -> bool {
    let r = rest.as_bytes();
    if r.first().is_none_or(|c| !is_blank(*c)) {
        return false;
    }
    let t = rest.trim_start_matches([' ', '\t']).as_bytes();
    let Some(&c) = t.first() else {
        return false;
    };
    match c {
        b'/' => t
            .get(1)
            .is_some_and(|d| d.is_ascii_alphabetic() || *d == b'_' || *d == b'.'),
        b'.' => t.starts_with(b"./") || t.starts_with(b"../"),
        b'(' => false,
        _ => {
            c.is_ascii_alphanumeric()
                || matches!(c, b'_' | b'$' | b'@' | b'"' | b'\'' | b'^' | b'{' | b'~')
        }
    }
}

/// The first word of a line as the classifier sees it, with its byte range
/// (for the highlighter): `None` when the line does not start with a word.
pub fn first_word(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let i = skip_blanks(b, 0);
    if let Some(r) = forced_at(b, i) {
        return Some(r);
    }
    let (j, assigned) = skip_assignments(b, i);
    if assigned {
        if let Some(r) = forced_at(b, j) {
            return Some(r);
        }
        if let Some(h) = head_at(b, j) {
            return Some(head_range(h));
        }
    }
    head_at(b, i).map(head_range)
}

fn head_range(h: Head) -> (usize, usize) {
    match h {
        Head::Name {
            start, full_end, ..
        } => (start, full_end),
        Head::Path { start, end } => (start, end),
        Head::Dot { start } => (start, start + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed world: a few programs on `PATH`, two built-ins, one sub.
    struct World;

    impl Known for World {
        fn is_sub(&self, name: &str) -> bool {
            matches!(name, "ll" | "main::ll")
        }
        fn is_builtin(&self, name: &str) -> bool {
            matches!(name, "cd" | "jobs" | "." | "wait" | "time")
        }
        fn is_program(&self, name: &str) -> bool {
            matches!(
                name,
                "ls" | "git"
                    | "rm"
                    | "make"
                    | "grep"
                    | "sort"
                    | "kill"
                    | "mkdir"
                    | "sleep"
                    | "printf"
                    | "echo"
                    | "apt-get"
                    | "g++"
                    | "python3.11"
                    | "ll"
                    | "/bin/ls"
                    | "./script.sh"
                    | "~/bin/tool"
                    | "../up.sh"
                    | "ps"
            )
        }
    }

    fn kind(line: &str) -> LineKind {
        classify(line, &World)
    }

    fn cmd(line: &str) {
        assert_eq!(
            kind(line),
            LineKind::Command,
            "{line:?} should be a command"
        );
    }

    fn perl(line: &str) {
        assert_eq!(kind(line), LineKind::Perl, "{line:?} should be Perl");
    }

    #[test]
    fn perl_words_are_sorted_and_unique() {
        for w in PERL_WORDS.windows(2) {
            assert!(w[0] < w[1], "{} before {}", w[0], w[1]);
        }
    }

    #[test]
    fn perl_words_cover_perlfunc_samples() {
        for w in [
            "my",
            "our",
            "local",
            "sub",
            "if",
            "unless",
            "while",
            "until",
            "for",
            "foreach",
            "do",
            "eval",
            "return",
            "print",
            "say",
            "printf",
            "sort",
            "grep",
            "map",
            "kill",
            "mkdir",
            "sleep",
            "exit",
            "die",
            "warn",
            "open",
            "close",
            "push",
            "pop",
            "shift",
            "unshift",
            "splice",
            "keys",
            "values",
            "each",
            "delete",
            "exists",
            "defined",
            "undef",
            "use",
            "no",
            "require",
            "package",
            "BEGIN",
            "END",
            "chomp",
            "chop",
            "chdir",
            "rmdir",
            "unlink",
            "rename",
            "system",
            "exec",
            "fork",
            "wait",
            "waitpid",
            "join",
            "split",
            "reverse",
            "scalar",
            "wantarray",
            "last",
            "next",
            "redo",
            "goto",
            "bless",
            "ref",
            "lc",
            "uc",
            "length",
            "substr",
            "index",
            "sprintf",
            "time",
            "localtime",
            "gmtime",
            "sysopen",
            "getpwnam",
            "socketpair",
            "shmwrite",
            "evalbytes",
            "fc",
            "state",
        ] {
            assert!(is_perl_word(w), "{w} missing");
        }
        assert!(!is_perl_word("ls"));
        assert!(!is_perl_word("cd"));
        assert!(!is_perl_word("echo"));
    }

    #[test]
    fn programs_with_arguments_are_commands() {
        cmd("ls -la");
        cmd("  ls -la");
        cmd("ls");
        cmd("ls;");
        cmd("git log --oneline -5");
        cmd("ls \"-la\"");
        cmd("rm $f");
        cmd("ps aux | grep sshd");
        cmd("echo hi > out");
    }

    #[test]
    fn program_names_with_punctuation() {
        cmd("apt-get install x");
        cmd("g++ -O2 a.cc");
        cmd("python3.11 -V");
        // Not a program: no Perl name has a dash, but it must stay Perl so
        // that Perl reports the error.
        perl("no-such-prog x");
        perl("print-1");
    }

    #[test]
    fn calls_with_parentheses_are_perl() {
        perl("ls(\"/tmp\")");
        perl("ls (\"/tmp\")");
        perl("ps()");
        perl("git(\"status\")");
    }

    #[test]
    fn perl_keywords_win_over_programs() {
        perl("sort @x");
        perl("grep { /a/ } @x");
        perl("kill 9, $pid");
        perl("mkdir \"x\"");
        perl("sleep 1");
        perl("printf \"%d\\n\", 3");
        perl("print 1");
        perl("my $x");
        perl("s/a/b/ for @x");
    }

    #[test]
    fn caret_forces_the_program() {
        cmd("^grep foo file");
        cmd("  ^sort -u f");
        cmd("^nosuchprog");
        perl("^ x");
    }

    #[test]
    fn builtins() {
        cmd("cd /tmp");
        cmd("cd -");
        cmd("cd");
        cmd("cd ~user");
        cmd("jobs");
        cmd(". ./env.sh");
        perl(".5 + 1");
    }

    #[test]
    fn paths() {
        cmd("./script.sh");
        cmd("./script.sh arg > out");
        cmd("/bin/ls -l");
        cmd("~/bin/tool x");
        cmd("../up.sh");
        perl("/foo/ && print");
        perl("/bin/ and print");
        perl("./nothere");
    }

    #[test]
    fn environment_prefix() {
        cmd("FOO=1 make");
        cmd("FOO=1 BAR=\"a b\" make -j2");
        cmd("FOO=1 ^sort f");
        cmd("FOO='x y' ./script.sh");
        // Keywords do not matter after a prefix: Perl has no such syntax.
        cmd("LC_ALL=C sort f");
        perl("FOO=1 nosuch");
        perl("FOO=1");
        perl("x=1;");
    }

    #[test]
    fn perl_shapes() {
        perl("Foo::bar()");
        perl("Foo::bar 1");
        perl("ls::x");
        perl("$x = 1");
        perl("@a = (1)");
        perl("%h = ()");
        perl("{ local $_ = 1 }");
        perl("(1, 2)");
        perl("42");
        perl("\"str\"");
        perl("'str'");
        perl("# comment");
        perl("-e $f and print");
        perl("");
        perl("   ");
    }

    #[test]
    fn names_followed_by_perl_operators() {
        perl("ls=1");
        perl("ls==1");
        // A spaced `=` is an argument: no Perl line starts `bareword = …`.
        cmd("ls = 1");
        perl("ls->new");
        perl("ls, 1");
        perl("x => 1");
        perl("ls => 1");
        perl("ls =~ /x/");
        perl("ls !~ /x/");
        // `-` not followed by `>` is a flag.
        cmd("ls -> x");
    }

    #[test]
    fn defined_subs_are_perl() {
        perl("ll");
        perl("ll -a");
        cmd("^ll -a");
    }

    #[test]
    fn labels() {
        perl("LOOP: for my $i (1..3) { }");
        perl("ls: while (1) {}");
    }

    #[test]
    fn wait_builtin() {
        cmd("wait");
        cmd("wait %1");
        cmd("wait 1234 %2");
        cmd("wait; ls");
        perl("wait()");
        perl("wait or die");
        perl("my $p = wait");
    }

    #[test]
    fn time_builtin() {
        cmd("time ls");
        cmd("time make -j4");
        cmd("time ./script.sh");
        cmd("time /bin/ls");
        cmd("time sort @x");
        cmd("time { 1 }");
        perl("time");
        perl("time()");
        perl("time - $t0");
        perl("time;");
        perl("time / 60");
        perl("time-$t0");
    }

    #[test]
    fn unknown_words_are_perl() {
        perl("lss -l");
        perl("frobnicate");
    }

    #[test]
    fn first_word_ranges() {
        assert_eq!(first_word("ls -la"), Some((0, 2)));
        assert_eq!(first_word("  git log"), Some((2, 5)));
        assert_eq!(first_word("^grep foo"), Some((1, 5)));
        assert_eq!(first_word("FOO=1 make x"), Some((6, 10)));
        assert_eq!(first_word("A=1 B='x y' ^sort f"), Some((13, 17)));
        assert_eq!(first_word("apt-get up"), Some((0, 7)));
        assert_eq!(first_word("foo->bar"), Some((0, 3)));
        assert_eq!(first_word("/bin/ls -l"), Some((0, 7)));
        assert_eq!(first_word("./x.sh>o"), Some((0, 6)));
        assert_eq!(first_word("FOO=1"), Some((0, 3)));
        assert_eq!(first_word("$x = 1"), None);
        assert_eq!(first_word(""), None);
        assert_eq!(first_word("(1)"), None);
    }
}
