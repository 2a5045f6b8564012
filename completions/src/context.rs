//! Deciding what is being completed at the cursor.
//!
//! Only the text before the cursor is read. Two small scanners look at it:
//! one for Perl shapes that end at the cursor (`$x`, `$h{k`, `$o->m`), which
//! may appear anywhere on a line, and one that splits the line the way a
//! shell would (quotes, `|`, `;`, `&&`) to find the current word and whether
//! it names a command. Both work on `char_indices`, so every slice they take
//! lies on a character boundary whatever the input.

/// What the word at the cursor is, and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Context {
    /// Nothing worth offering (a comment, an option of another program).
    Nothing,
    /// A command name: programs, builtins and subs. `programs_only` after
    /// `^`, which forces the external program.
    Command {
        start: usize,
        partial: String,
        programs_only: bool,
    },
    /// A variable name; `sigil` is one of `$`, `@`, `%`, `$#` and `start` is
    /// where the sigil begins.
    Variable {
        start: usize,
        sigil: &'static str,
        partial: String,
    },
    /// A hash key after `{`. `quote` is the quote the user opened the key
    /// with, if any; `start` is at that quote. `close` says the replacement
    /// should supply the `}`.
    HashKey {
        start: usize,
        target: KeyTarget,
        partial: String,
        quote: Option<char>,
        close: bool,
    },
    /// A method name after `->`.
    Method {
        start: usize,
        owner: MethodOwner,
        partial: String,
    },
    /// A module name after `use`, `no` or `require`.
    Module { start: usize, partial: String },
    /// One of psh's own options after the word `psh`.
    PshOption { start: usize, partial: String },
    /// A file name. `raw` is the word as typed (quotes and escapes
    /// included); `executables_only` when it is in command position.
    Path {
        start: usize,
        raw: String,
        executables_only: bool,
    },
}

/// Whose keys a `{` opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum KeyTarget {
    /// A hash or hash reference, named as [`crate::Snapshot::hash_keys`]
    /// names it: `%h` for `$h{`, `$r` for `$r->{`.
    Named(String),
    /// `$_->{`: the records of a source; the names of the calls that may
    /// have produced `$_`, the likeliest first (see `record_sources`).
    Record(Vec<String>),
}

/// What stands before `->`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MethodOwner {
    /// A scalar holding an object: `$obj`.
    Object(String),
    /// A bare class name: `Foo::Bar`.
    Class(String),
}

/// Decides the context for `line` with the cursor at byte `pos`. `pos` past
/// the end or inside a character is moved back to a boundary.
pub(crate) fn detect(line: &str, pos: usize) -> Context {
    let pos = floor_boundary(line, pos);
    let before = &line[..pos];
    let after = &line[pos..];

    if let Some(ctx) = hash_key(before, after) {
        return ctx;
    }
    let shell = ShellScan::new(before);
    if shell.in_comment {
        return Context::Nothing;
    }
    // Inside '…' Perl interpolates nothing, so `$x` there is just text.
    if !shell.in_single {
        if let Some(ctx) = method(before) {
            return ctx;
        }
        if let Some(ctx) = variable(before) {
            return ctx;
        }
    }
    shell.context(before)
}

/// The largest char boundary of `s` at or below `pos`.
pub(crate) fn floor_boundary(s: &str, pos: usize) -> usize {
    let mut pos = pos.min(s.len());
    while !s.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// Characters of a Perl identifier. Non-ASCII letters count, as under
/// `use utf8`, so a name like `$café` completes as one word.
pub(crate) fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Byte offset where the trailing run of identifier characters of `s`
/// starts (`s.len()` when there is none). `::` joins package names.
fn ident_suffix_start(s: &str, allow_colons: bool) -> usize {
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        if is_ident_char(c) || (allow_colons && c == ':') {
            start = i;
        } else {
            break;
        }
    }
    start
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

/// `$x`, `@x`, `%x`, `$#x` ending at the cursor.
fn variable(before: &str) -> Option<Context> {
    let start = ident_suffix_start(before, true);
    let rest = &before[..start];
    let sigil: &'static str = if rest.ends_with("$#") {
        "$#"
    } else {
        match last_char(rest)? {
            '$' => "$",
            '@' => "@",
            '%' => "%",
            _ => return None,
        }
    };
    let sigil_start = rest.len() - sigil.len();
    // `user@host` and `10%x` are not variables.
    if last_char(&rest[..sigil_start]).is_some_and(is_ident_char) {
        return None;
    }
    Some(Context::Variable {
        start: sigil_start,
        sigil,
        partial: before[start..].to_string(),
    })
}

/// `$obj->meth` or `Class->meth` ending at the cursor.
fn method(before: &str) -> Option<Context> {
    let start = ident_suffix_start(before, false);
    let owner_text = before[..start].strip_suffix("->")?;
    let owner_start = ident_suffix_start(owner_text, true);
    let name = &owner_text[owner_start..];
    let first = name.chars().next()?;
    let partial = before[start..].to_string();
    match last_char(&owner_text[..owner_start]) {
        Some('$') => Some(Context::Method {
            start,
            owner: MethodOwner::Object(format!("${name}")),
            partial,
        }),
        // `@x->` and `%x->` are not method calls; a class name starts with
        // a letter.
        Some('@' | '%' | '&') => None,
        _ if first.is_alphabetic() || first == '_' => Some(Context::Method {
            start,
            owner: MethodOwner::Class(name.trim_end_matches(':').to_string()),
            partial,
        }),
        _ => None,
    }
}

/// `$h{key`, `$r->{key`, `@h{key` (a slice), with the key bare or opened
/// with a quote.
fn hash_key(before: &str, after: &str) -> Option<Context> {
    let (brace, start, partial, quote) = {
        let id_start = ident_suffix_start(before, false);
        if before[..id_start].ends_with('{') {
            (id_start - 1, id_start, before[id_start..].to_string(), None)
        } else {
            let brace = before.rfind('{')?;
            let inside = &before[brace + 1..];
            let q = inside.chars().next()?;
            if q != '\'' && q != '"' {
                return None;
            }
            let text = &inside[1..];
            if text.contains(q) {
                return None;
            }
            (brace, brace + 1, text.to_string(), Some(q))
        }
    };
    let owner = &before[..brace];
    let (owner, arrow) = match owner.strip_suffix("->") {
        Some(o) => (o, true),
        None => (owner, false),
    };
    let name_start = ident_suffix_start(owner, true);
    let name = &owner[name_start..];
    if name.is_empty() {
        return None;
    }
    let sigil = last_char(&owner[..name_start])?;
    let target = match (sigil, arrow) {
        ('$', true) if name == "_" => KeyTarget::Record(record_sources(owner)),
        ('$', true) => KeyTarget::Named(format!("${name}")),
        // `$h{k}` is an element of `%h`, `@h{…}` a slice of it.
        ('$' | '@', false) => KeyTarget::Named(format!("%{name}")),
        _ => return None,
    };
    if last_char(&owner[..name_start - 1]).is_some_and(is_ident_char) {
        return None;
    }
    Some(Context::HashKey {
        start,
        target,
        partial,
        quote,
        close: !after.starts_with('}'),
    })
}

/// Names of the calls whose records `$_` may hold at the end of `text`, in
/// the current statement: first each `NAME(…) |` from the nearest pipe
/// leftwards, then any other `NAME(` from right to left (`for (ps()) {
/// $_->{`). Any name is returned; the caller knows which ones yield
/// records.
fn record_sources(text: &str) -> Vec<String> {
    let (pipes, statement) = top_level_pipes(text);
    let mut names: Vec<String> = pipes
        .iter()
        .rev()
        .filter_map(|&p| call_name_before(&text[..p]))
        .collect();
    for (i, _) in text[statement..].rmatch_indices('(') {
        let head = &text[..statement + i];
        let start = ident_suffix_start(head, true);
        let name = &head[start..];
        let sigil = matches!(last_char(&head[..start]), Some('$' | '@' | '%' | '&'));
        if !sigil
            && name.starts_with(|c: char| c.is_alphabetic() || c == '_')
            && !names.iter().any(|n| n == name)
        {
            names.push(name.to_string());
        }
    }
    names
}

/// Byte offsets of single `|` (not `||`) outside quotes and brackets, since
/// the last top-level `;`, and where that statement starts. Brackets are
/// counted so that a `|` inside a block belongs to that block, not to the
/// pipe being typed.
fn top_level_pipes(text: &str) -> (Vec<usize>, usize) {
    let mut statement = 0;
    let mut pipes = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escape = false;
    let mut prev = '\0';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if escape {
            escape = false;
        } else if let Some(q) = quote {
            if c == '\\' && q == '"' {
                escape = true;
            } else if c == q {
                quote = None;
            }
        } else {
            match c {
                '\\' => escape = true,
                '\'' | '"' => quote = Some(c),
                '(' | '{' | '[' => depth += 1,
                ')' | '}' | ']' => depth = depth.saturating_sub(1),
                ';' if depth == 0 => {
                    pipes.clear();
                    statement = i + 1;
                }
                '|' if depth == 0 && prev != '|' && next != Some('|') => pipes.push(i),
                _ => {}
            }
        }
        prev = c;
    }
    (pipes, statement)
}

/// `NAME` when `text` ends with `NAME(…)` (spaces allowed around).
fn call_name_before(text: &str) -> Option<String> {
    let text = text.trim_end();
    let body = text.strip_suffix(')')?;
    let mut depth = 1usize;
    let mut open = None;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    open = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let head = body[..open?].trim_end();
    let start = ident_suffix_start(head, true);
    let name = &head[start..];
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // `$f(…)` is not a call of a named source.
    if matches!(last_char(&head[..start]), Some('$' | '@' | '%' | '&')) {
        return None;
    }
    Some(name.to_string())
}

/// The line before the cursor split the way a shell splits it.
struct ShellScan {
    /// Where the word at the cursor starts (the end of the text when the
    /// cursor follows a separator).
    word_start: usize,
    /// Words of the current command segment before the one at the cursor.
    words: Vec<String>,
    /// The segment may start a command (not so after `(`, `{`, `,`).
    segment_runs_command: bool,
    /// The word at the cursor follows `^`.
    forced: bool,
    in_single: bool,
    in_comment: bool,
}

impl ShellScan {
    fn new(before: &str) -> Self {
        let mut scan = ShellScan {
            word_start: before.len(),
            words: Vec::new(),
            segment_runs_command: true,
            forced: false,
            in_single: false,
            in_comment: false,
        };
        let mut word: Option<usize> = None;
        let mut in_double = false;
        let mut escape = false;
        let mut prev = '\0';
        let mut chars = before.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if scan.in_comment {
                if c == '\n' {
                    scan.in_comment = false;
                    scan.new_segment(true);
                }
            } else if escape {
                escape = false;
            } else if scan.in_single {
                scan.in_single = c != '\'';
            } else if in_double {
                match c {
                    '\\' => escape = true,
                    '"' => in_double = false,
                    _ => {}
                }
            } else {
                match c {
                    '\\' => {
                        word.get_or_insert(i);
                        escape = true;
                    }
                    '\'' => {
                        word.get_or_insert(i);
                        scan.in_single = true;
                    }
                    '"' => {
                        word.get_or_insert(i);
                        in_double = true;
                    }
                    '#' if word.is_none() => scan.in_comment = true,
                    '^' if word.is_none() => {
                        scan.new_segment(true);
                        scan.forced = true;
                    }
                    // `2>&1` and `&>` are redirections, not separators.
                    '&' if prev == '>' || prev == '<' || next == Some('>') => {
                        scan.end_word(before, &mut word, i);
                    }
                    '|' | ';' | '&' | '\n' => {
                        scan.end_word(before, &mut word, i);
                        scan.new_segment(true);
                    }
                    '(' | ')' | '{' | '}' | ',' => {
                        scan.end_word(before, &mut word, i);
                        scan.new_segment(false);
                    }
                    '<' | '>' => scan.end_word(before, &mut word, i),
                    c if c.is_whitespace() => scan.end_word(before, &mut word, i),
                    _ => {
                        word.get_or_insert(i);
                    }
                }
            }
            prev = c;
        }
        scan.word_start = word.unwrap_or(before.len());
        scan
    }

    fn end_word(&mut self, text: &str, word: &mut Option<usize>, end: usize) {
        if let Some(start) = word.take() {
            self.words.push(text[start..end].to_string());
            self.forced = false;
        }
    }

    fn new_segment(&mut self, runs_command: bool) {
        self.words.clear();
        self.segment_runs_command = runs_command;
        self.forced = false;
    }

    fn context(&self, before: &str) -> Context {
        let start = self.word_start;
        let word = &before[start..];
        let command_position = self.segment_runs_command && self.words.is_empty();
        let quoted = word.contains(['\'', '"', '\\']);
        let first = self.words.first().map(String::as_str);

        if matches!(first, Some("use" | "no" | "require")) && self.words.len() == 1 && !quoted {
            return Context::Module {
                start,
                partial: word.to_string(),
            };
        }
        let after_psh = first.is_some_and(|w| w == "psh" || w.ends_with("/psh"));
        if word.starts_with('-') {
            if after_psh {
                return Context::PshOption {
                    start,
                    partial: word.to_string(),
                };
            }
            return Context::Nothing;
        }
        if command_position && !quoted && !word.contains('/') && !word.starts_with('~') {
            return Context::Command {
                start,
                partial: word.to_string(),
                programs_only: self.forced,
            };
        }
        // A sigil word the Perl scanner did not take (`$x[`, `%1`) names no
        // file.
        if word.starts_with(['$', '@', '%']) {
            return Context::Nothing;
        }
        Context::Path {
            start,
            raw: word.to_string(),
            executables_only: command_position,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(start: usize, raw: &str) -> Context {
        Context::Path {
            start,
            raw: raw.into(),
            executables_only: false,
        }
    }

    #[test]
    fn first_word_is_a_command() {
        assert_eq!(
            detect("gi", 2),
            Context::Command {
                start: 0,
                partial: "gi".into(),
                programs_only: false
            }
        );
        assert_eq!(
            detect("  gi", 4),
            Context::Command {
                start: 2,
                partial: "gi".into(),
                programs_only: false
            }
        );
    }

    #[test]
    fn separators_start_commands() {
        for line in [
            "ls | gr",
            "ls;gr",
            "ls && gr",
            "ls || gr",
            "sleep 1 & gr",
            "ls\ngr",
        ] {
            match detect(line, line.len()) {
                Context::Command { start, partial, .. } => {
                    assert_eq!(partial, "gr", "{line}");
                    assert_eq!(start, line.len() - 2, "{line}");
                }
                other => panic!("{line}: {other:?}"),
            }
        }
    }

    #[test]
    fn caret_forces_programs() {
        assert_eq!(
            detect("^gre", 4),
            Context::Command {
                start: 1,
                partial: "gre".into(),
                programs_only: true
            }
        );
    }

    #[test]
    fn redirection_ampersand_is_not_a_separator() {
        assert_eq!(detect("make 2>&1 ou", 12), path(10, "ou"));
    }

    #[test]
    fn arguments_are_paths() {
        assert_eq!(detect("cat fo", 6), path(4, "fo"));
        assert_eq!(detect("cat 'My Fi", 10), path(4, "'My Fi"));
        assert_eq!(detect("cat My\\ Fi", 10), path(4, "My\\ Fi"));
        assert_eq!(detect("cat ", 4), path(4, ""));
        assert_eq!(
            detect("./scr", 5),
            Context::Path {
                start: 0,
                raw: "./scr".into(),
                executables_only: true
            }
        );
    }

    #[test]
    fn perl_call_arguments_are_paths() {
        assert_eq!(detect("ls(\"/tm", 7), path(3, "\"/tm"));
        assert_eq!(detect("f('a', 'b", 9), path(7, "'b"));
    }

    #[test]
    fn variables() {
        assert_eq!(
            detect("print $fo", 9),
            Context::Variable {
                start: 6,
                sigil: "$",
                partial: "fo".into()
            }
        );
        assert_eq!(
            detect("x(@li", 5),
            Context::Variable {
                start: 2,
                sigil: "@",
                partial: "li".into()
            }
        );
        assert_eq!(
            detect("$#ar", 4),
            Context::Variable {
                start: 0,
                sigil: "$#",
                partial: "ar".into()
            }
        );
        assert_eq!(
            detect("$main::", 7),
            Context::Variable {
                start: 0,
                sigil: "$",
                partial: "main::".into()
            }
        );
        // Interpolation in double quotes still names a variable.
        assert!(matches!(detect("echo \"$fo", 9), Context::Variable { .. }));
    }

    #[test]
    fn not_variables() {
        assert_eq!(detect("ssh user@ho", 11), path(4, "user@ho"));
        assert_eq!(detect("echo '$fo", 9), path(5, "'$fo"));
    }

    #[test]
    fn hash_keys() {
        assert_eq!(
            detect("$h{na", 5),
            Context::HashKey {
                start: 3,
                target: KeyTarget::Named("%h".into()),
                partial: "na".into(),
                quote: None,
                close: true
            }
        );
        assert_eq!(
            detect("$r->{na}", 7),
            Context::HashKey {
                start: 5,
                target: KeyTarget::Named("$r".into()),
                partial: "na".into(),
                quote: None,
                close: false
            }
        );
        assert_eq!(
            detect("$h{'my k", 8),
            Context::HashKey {
                start: 3,
                target: KeyTarget::Named("%h".into()),
                partial: "my k".into(),
                quote: Some('\''),
                close: true
            }
        );
        assert_eq!(
            detect("@h{", 3),
            Context::HashKey {
                start: 3,
                target: KeyTarget::Named("%h".into()),
                partial: String::new(),
                quote: None,
                close: true
            }
        );
    }

    #[test]
    fn record_keys_find_the_pipe_source() {
        let line = "ps() | grep { $_->{c";
        match detect(line, line.len()) {
            Context::HashKey {
                target, partial, ..
            } => {
                assert_eq!(target, KeyTarget::Record(vec!["ps".into()]));
                assert_eq!(partial, "c");
            }
            other => panic!("{other:?}"),
        }
        let line = "ls(\"/tmp\") | sort { $a->{x} } | map { $_->{";
        assert!(matches!(
            detect(line, line.len()),
            Context::HashKey { target: KeyTarget::Record(s), .. } if s == ["ls"]
        ));
        // A finished statement's pipe says nothing about this one.
        let line = "ps() | count; grep { $_->{";
        assert!(matches!(
            detect(line, line.len()),
            Context::HashKey {
                target: KeyTarget::Record(v),
                ..
            } if v.is_empty()
        ));
        // Not in a pipe: the calls on the line are the candidates.
        let line = "for my $p (ps()) { print($_->{";
        assert!(matches!(
            detect(line, line.len()),
            Context::HashKey { target: KeyTarget::Record(v), .. } if v == ["print", "ps"]
        ));
    }

    #[test]
    fn methods() {
        assert_eq!(
            detect("$obj->na", 8),
            Context::Method {
                start: 6,
                owner: MethodOwner::Object("$obj".into()),
                partial: "na".into()
            }
        );
        assert_eq!(
            detect("Foo::Bar->", 10),
            Context::Method {
                start: 10,
                owner: MethodOwner::Class("Foo::Bar".into()),
                partial: String::new()
            }
        );
    }

    #[test]
    fn modules_and_options() {
        assert_eq!(
            detect("use Foo::B", 10),
            Context::Module {
                start: 4,
                partial: "Foo::B".into()
            }
        );
        assert_eq!(
            detect("BEGIN { require Da", 18),
            Context::Module {
                start: 16,
                partial: "Da".into()
            }
        );
        assert_eq!(
            detect("psh --ca", 8),
            Context::PshOption {
                start: 4,
                partial: "--ca".into()
            }
        );
        assert_eq!(detect("ls -l", 5), Context::Nothing);
    }

    #[test]
    fn comments_complete_nothing() {
        assert_eq!(detect("ls # fo", 7), Context::Nothing);
    }

    #[test]
    fn cursor_in_the_middle_reads_only_the_text_before() {
        assert_eq!(detect("cat fo | wc", 6), path(4, "fo"));
        match detect("git sta | wc", 2) {
            Context::Command { start, partial, .. } => {
                assert_eq!((start, partial.as_str()), (0, "gi"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_position_of_awkward_text_is_total() {
        let lines = [
            "",
            "é",
            "$é{ü",
            "ls 'ünï cödé\" | $x->{'",
            "日本語 $日本->メ",
            "\\",
            "'",
            "\"",
            "{{{{",
            "}}}}->",
            "$",
            "$#",
            "->",
            "a(b(c)) | $_->{",
            "💩💩 | ^💩 && $💩{'💩",
            "x)|$_->{",
        ];
        for line in lines {
            for pos in 0..=line.len() + 2 {
                let _ = detect(line, pos);
            }
        }
    }
}
