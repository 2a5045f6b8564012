//! Object pipes: `EXPR | STAGE | STAGE …` at the start of a Perl entry,
//! where each STAGE begins with a stage word (`grep {…}`, `map {…}`,
//! `sort`, `head N`, `count`, …, a sub taking a list, or a program). `|`
//! between values that is not followed by a stage word keeps its Perl
//! meaning (bitwise or). A top-level `=` in the first part assigns the
//! whole pipeline (`my @top = ps() | head 3`).
//!
//! The entry is rewritten into plain Perl, with the helpers of
//! `pipe_prelude.pl`. A left side that is a Perl list is already in
//! memory: the stages nest over it, each on the whole list. A left side
//! that streams (`prog(ARGS)` for a program on `PATH`, `ls(ARGS)`; the
//! natives of `builtins/src/stream.rs`) becomes a loop over batches: the
//! stages that can work batch by batch (`grep`/`map` as Perl's own over
//! the batch, `head`/`first` that end the loop early, `uniq` and the
//! formats with state kept across batches) run inside it, the first stage
//! that needs every value collects or accumulates there, and the stages
//! after it nest over its result as before. Either way the values are
//! those of the whole-list form. See `docs/object-pipes.md`.

use crate::perl_lex::{self, Kind};

/// Stage words with a fixed meaning.
const STAGES: &[&str] = &[
    "grep",
    "map",
    "sort",
    "reverse",
    "first",
    "head",
    "tail",
    "uniq",
    "count",
    "sum",
    "min",
    "max",
    "table",
    "to_json",
    "from_json",
    "to_csv",
    "from_csv",
    "save",
];

/// The helpers the rewritten code calls, defined once per session.
pub const PRELUDE: &str = include_str!("pipe_prelude.pl");

/// What the rewrite needs to know about names.
pub trait StageNames {
    /// A sub defined in Perl (not a constant) that can take a list.
    fn is_list_sub(&self, name: &str) -> bool;
    /// A program on `PATH`.
    fn is_program(&self, name: &str) -> bool;
    /// `name(ARGS)` runs the program `name`: no sub, Perl function or psh
    /// record command has that name, and it is on `PATH`.
    fn calls_program(&self, name: &str) -> bool;
    /// `name(ARGS)` runs psh's record command `name` (`ls()`).
    fn calls_record_command(&self, name: &str) -> bool;
}

/// Record commands that can hand out their records a batch at a time,
/// with the native that starts such a stream (`builtins/src/stream.rs`).
const STREAMING_COMMANDS: &[(&str, &str)] = &[("ls", "PSH::Pipe::ls_stream")];

/// The pipeline in `text`: where its statement starts (after the last
/// top-level `;` before it) and the byte offset of each top-level `|`
/// that begins a stage. Empty when the text holds no pipeline, or when
/// another statement follows it.
fn stage_bars(text: &str, names: &dyn StageNames) -> (usize, Vec<usize>) {
    let lexed = perl_lex::lex(text);
    let toks = &lexed.tokens;
    let mut depth = 0i32;
    let mut bars = Vec::new();
    let mut stmt_start = 0;
    for (i, t) in toks.iter().enumerate() {
        let s = &text[t.start..t.end];
        match t.kind {
            Kind::Open => depth += 1,
            Kind::Close => depth -= 1,
            Kind::Operator if depth == 0 && s == "|" => {
                if let Some(next) = toks.get(i + 1) {
                    let w = &text[next.start..next.end];
                    let word = matches!(next.kind, Kind::Keyword | Kind::Ident);
                    if word && (STAGES.contains(&w) || names.is_list_sub(w) || names.is_program(w))
                    {
                        bars.push(t.start);
                    }
                }
            }
            Kind::Operator if depth == 0 && s == ";" => {
                if bars.is_empty() {
                    stmt_start = t.end;
                } else if !text[t.end..].trim().is_empty() {
                    return (0, Vec::new());
                }
            }
            _ => {}
        }
    }
    (stmt_start, bars)
}

/// A pipeline entry rewritten into Perl.
pub struct Rewrite {
    pub code: String,
    /// The pipeline's values are the entry's result, to be shown (not so
    /// for `my $n = … | count`, which keeps them).
    pub shows: bool,
    /// The last stage is `table`: shown as a table even where records
    /// would otherwise go out as JSON lines (output not a terminal).
    pub table: bool,
}

/// Rewrite `text` if it is a pipeline; `None` when it is not one.
pub fn rewrite(text: &str, names: &dyn StageNames) -> Option<Rewrite> {
    let (start, bars) = stage_bars(text, names);
    if bars.is_empty() {
        return None;
    }
    let body = text.trim_end().trim_end_matches(';');
    let mut parts = Vec::new();
    let mut from = start;
    for &b in &bars {
        parts.push(body[from..b].trim());
        from = b + 1;
    }
    parts.push(body[from..].trim());
    // `my @top = ps() | sort {…} | head 3`: the pipeline is what is
    // assigned.
    let (target, source) = match assignment_end(parts[0]) {
        Some(eq) => (Some(&parts[0][..eq]), parts[0][eq..].trim()),
        None => (None, parts[0]),
    };
    let expr = match stream_source(source, names) {
        Some(src) => streaming(&src, &parts[1..], names)?,
        None => whole_list(&format!("({source})"), &parts[1..], names)?,
    };
    let before = text[..start].trim_end();
    let sep = if before.is_empty() { "" } else { " " };
    let code = match target {
        Some(t) => format!("{before}{sep}{} ({expr});\n", t.trim_end()),
        None => format!("{before}{sep}{expr};\n"),
    };
    let table = parts.len() > 1 && parts.last().is_some_and(|p| p.trim() == "table");
    Some(Rewrite {
        code,
        shows: target.is_none(),
        table,
    })
}

/// Where the text after a top-level `=` begins in `first`, the first part
/// of a pipeline, when that part is an assignment.
fn assignment_end(first: &str) -> Option<usize> {
    let lexed = perl_lex::lex(first);
    let mut depth = 0i32;
    for t in &lexed.tokens {
        match t.kind {
            Kind::Open => depth += 1,
            Kind::Close => depth -= 1,
            Kind::Operator if depth == 0 && &first[t.start..t.end] == "=" => return Some(t.end),
            _ => {}
        }
    }
    None
}

/// The stages applied in turn to the whole list `input`.
fn whole_list(input: &str, stages: &[&str], names: &dyn StageNames) -> Option<String> {
    let mut expr = input.to_string();
    for stage in stages {
        expr = stage_code(stage, &expr, names)?;
    }
    Some(expr)
}

/// Perl that starts a stream for a first part of the form `name(ARGS)`
/// naming a program (its lines) or a record command that streams.
fn stream_source(first: &str, names: &dyn StageNames) -> Option<String> {
    let name_end = first
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(first.len());
    let (name, rest) = first.split_at(name_end);
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = rest.trim_start();
    if !rest.starts_with('(') || !is_one_group(rest) {
        return None;
    }
    let args = &rest[1..rest.len() - 1];
    if names.calls_program(name) {
        return Some(format!("PSH::Pipe::spawn('{name}', ({args}))"));
    }
    let (_, native) = STREAMING_COMMANDS.iter().find(|(c, _)| *c == name)?;
    names
        .calls_record_command(name)
        .then(|| format!("{native}({args})"))
}

/// Whether `text`, which starts with an opening bracket, is one bracketed
/// group: its bracket closes at its very end.
fn is_one_group(text: &str) -> bool {
    let lexed = perl_lex::lex(text);
    let mut depth = 0i32;
    for t in &lexed.tokens {
        match t.kind {
            Kind::Open => depth += 1,
            Kind::Close => {
                depth -= 1;
                if depth == 0 {
                    return t.end == text.len();
                }
            }
            _ => {}
        }
    }
    false
}

/// Names of the lexicals the streaming code declares; odd enough not to
/// meet a user's.
const SRC: &str = "$__psh_src";
const BATCH: &str = "$__psh_batch";
const ALL: &str = "@__psh_all";

/// A pipeline over a streaming source: the stages up to the first one
/// that needs all the values (`sort`, `count`, a program, …) run on each
/// batch as it arrives; that stage collects (or accumulates, for `count`
/// and the like) across batches, and the stages after it run on its one
/// result as whole lists.
fn streaming(src: &str, stages: &[&str], names: &dyn StageNames) -> Option<String> {
    let mut decls = Vec::new();
    let mut stops = Vec::new();
    let mut batch = format!("@{{{BATCH}}}");
    let mut per_batch = 0;
    for (i, stage) in stages.iter().enumerate() {
        let (word, rest) = split_stage(stage);
        let state = format!("$__psh_s{i}");
        batch = match word {
            "grep" | "map" if rest.starts_with('{') => format!("{word} {rest} {batch}"),
            "first" if rest.starts_with('{') => {
                decls.push(format!("my {state} = {{}};"));
                stops.push(format!("{state}->{{stop}}"));
                format!("PSH::Pipe::first_step({state}, sub {rest}, {batch})")
            }
            "head" => {
                let n = if rest.is_empty() { "10" } else { rest };
                decls.push(format!("my {state} = PSH::Pipe::head_state(({n}));"));
                stops.push(format!("{state}->{{stop}}"));
                format!("PSH::Pipe::head_step({state}, {batch})")
            }
            "uniq" | "to_csv" | "from_csv" if rest.is_empty() => {
                decls.push(format!("my {state} = {{}};"));
                format!("PSH::Pipe::{word}_step({state}, {batch})")
            }
            "to_json" | "from_json" if rest.is_empty() => {
                format!("PSH::Pipe::{word}({batch})")
            }
            _ => break,
        };
        per_batch = i + 1;
    }
    // The stage that ends the per-batch part: what each batch's values go
    // into, and the list it yields once the source is done.
    let (into, result, after) = match stages.get(per_batch) {
        None => (format!("push {ALL}, {batch};"), ALL.to_string(), per_batch),
        Some(stage) => {
            let (word, rest) = split_stage(stage);
            let state = format!("$__psh_s{per_batch}");
            match word {
                "count" | "sum" | "min" | "max" if rest.is_empty() => {
                    // min and max of nothing are undef, a count or sum 0.
                    let init = if word == "count" || word == "sum" {
                        " v => 0 "
                    } else {
                        ""
                    };
                    decls.push(format!("my {state} = {{{init}}};"));
                    (
                        format!("PSH::Pipe::{word}_add({state}, {batch});"),
                        format!("{state}->{{v}}"),
                        per_batch + 1,
                    )
                }
                "tail" => {
                    let n = if rest.is_empty() { "10" } else { rest };
                    decls.push(format!("my {state} = PSH::Pipe::tail_state(({n}));"));
                    (
                        format!("PSH::Pipe::tail_add({state}, {batch});"),
                        format!("@{{{state}->{{v}}}}"),
                        per_batch + 1,
                    )
                }
                "save" if !rest.is_empty() => {
                    decls.push(format!("my {state} = PSH::Pipe::save_state(({rest}));"));
                    (
                        format!("PSH::Pipe::save_add({state}, {batch});"),
                        format!("PSH::Pipe::save_end({state})"),
                        per_batch + 1,
                    )
                }
                // Any other stage takes the whole list.
                _ => (format!("push {ALL}, {batch};"), ALL.to_string(), per_batch),
            }
        }
    };
    let result = whole_list(&format!("({result})"), &stages[after..], names)?;
    let stopped = if stops.is_empty() {
        "0".to_string()
    } else {
        stops.join(" || ")
    };
    let check = if stops.is_empty() {
        String::new()
    } else {
        format!("last if {stopped}; ")
    };
    Some(format!(
        "do {{ my {SRC} = {src}; my {ALL}; {decls}\
         while (1) {{ {check}my {BATCH} = PSH::Pipe::next_batch({SRC}) or last; {into} }} \
         PSH::Pipe::finish({SRC}, {stopped}); {result} }}",
        decls = decls.iter().map(|d| format!("{d} ")).collect::<String>(),
    ))
}

/// A stage's word and the rest of its text.
fn split_stage(stage: &str) -> (&str, &str) {
    let word_end = stage
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(stage.len());
    let (word, rest) = stage.split_at(word_end);
    (word, rest.trim())
}

/// Perl for one stage applied to the list `input`.
fn stage_code(stage: &str, input: &str, names: &dyn StageNames) -> Option<String> {
    let (word, rest) = split_stage(stage);
    Some(match word {
        "grep" | "map" | "sort" if rest.starts_with('{') => format!("{word} {rest} {input}"),
        "sort" if rest.is_empty() => format!("PSH::Pipe::sort_default({input})"),
        "reverse" | "count" | "sum" | "min" | "max" | "uniq" | "table" | "to_json"
        | "from_json" | "to_csv" | "from_csv"
            if rest.is_empty() =>
        {
            format!("PSH::Pipe::{word}({input})")
        }
        "first" if rest.starts_with('{') => format!("PSH::Pipe::first(sub {rest}, {input})"),
        "head" | "tail" => {
            let n = if rest.is_empty() { "10" } else { rest };
            format!("PSH::Pipe::{word}(({n}), {input})")
        }
        "save" if !rest.is_empty() => format!("PSH::Pipe::save(({rest}), {input})"),
        w if names.is_list_sub(w) && rest.is_empty() => format!("{w}({input})"),
        w if names.is_program(w) => {
            let words: Vec<String> = std::iter::once(w)
                .chain(rest.split_whitespace())
                .map(|a| {
                    format!(
                        "'{}'",
                        a.trim_matches(['\'', '"'])
                            .replace('\\', "\\\\")
                            .replace('\'', "\\'")
                    )
                })
                .collect();
            format!("PSH::Pipe::program([{}], {input})", words.join(", "))
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct N;
    impl StageNames for N {
        fn is_list_sub(&self, name: &str) -> bool {
            name == "double"
        }
        fn is_program(&self, name: &str) -> bool {
            name == "wc" || name == "cat"
        }
        fn calls_program(&self, name: &str) -> bool {
            name == "cat"
        }
        fn calls_record_command(&self, name: &str) -> bool {
            name == "ls"
        }
    }

    fn code(text: &str) -> Option<String> {
        rewrite(text, &N).map(|r| r.code)
    }

    #[test]
    fn bitwise_or_stays() {
        assert_eq!(code("5 | 3"), None);
        assert_eq!(code("$a | $b"), None);
        assert_eq!(code("grep { $_ | 1 } @x"), None);
    }

    #[test]
    fn stages_nest_in_order() {
        let r = code("ps() | grep { $_->{cpu} > 5 } | sort { $b->{mem} <=> $a->{mem} }").unwrap();
        assert_eq!(
            r,
            "sort { $b->{mem} <=> $a->{mem} } grep { $_->{cpu} > 5 } (ps());\n"
        );
        let r = code("(1..10) | head 3 | count").unwrap();
        assert_eq!(r, "PSH::Pipe::count(PSH::Pipe::head((3), ((1..10))));\n");
    }

    #[test]
    fn bars_inside_blocks_and_strings_are_not_stages() {
        let r = code("@x | grep { /a|b/ || $_ eq '|' } | count").unwrap();
        assert_eq!(r, "PSH::Pipe::count(grep { /a|b/ || $_ eq '|' } (@x));\n");
    }

    #[test]
    fn subs_and_programs() {
        let r = code("@x | double | wc -l").unwrap();
        assert_eq!(r, "PSH::Pipe::program(['wc', '-l'], double((@x)));\n");
    }

    #[test]
    fn statements_before_the_pipeline_stay() {
        let r = code("my @x = (3, 1); @x | sort").unwrap();
        assert_eq!(r, "my @x = (3, 1); PSH::Pipe::sort_default((@x));\n");
        assert_eq!(code("@x | count; print 1"), None);
    }

    #[test]
    fn a_program_source_streams_up_to_the_first_whole_list_stage() {
        let r = code("cat('log') | grep { /E/ } | sort | head 3").unwrap();
        assert_eq!(
            r,
            "do { my $__psh_src = PSH::Pipe::spawn('cat', ('log')); my @__psh_all; \
             while (1) { my $__psh_batch = PSH::Pipe::next_batch($__psh_src) or last; \
             push @__psh_all, grep { /E/ } @{$__psh_batch}; } \
             PSH::Pipe::finish($__psh_src, 0); \
             PSH::Pipe::head((3), PSH::Pipe::sort_default((@__psh_all))) };\n"
        );
    }

    #[test]
    fn counting_accumulates_and_head_stops() {
        let r = code("cat() | grep { /E/ } | count").unwrap();
        assert!(r.contains("my $__psh_s1 = { v => 0 };"), "{r}");
        assert!(
            r.contains("PSH::Pipe::count_add($__psh_s1, grep { /E/ } @{$__psh_batch});"),
            "{r}"
        );
        assert!(
            r.ends_with("PSH::Pipe::finish($__psh_src, 0); ($__psh_s1->{v}) };\n"),
            "{r}"
        );
        let r = code("cat('a', 'b') | head 2 | map { $_ x 2 }").unwrap();
        assert!(
            r.contains("my $__psh_s0 = PSH::Pipe::head_state((2));"),
            "{r}"
        );
        assert!(r.contains("while (1) { last if $__psh_s0->{stop}; "), "{r}");
        assert!(
            r.contains(
                "push @__psh_all, map { $_ x 2 } PSH::Pipe::head_step($__psh_s0, @{$__psh_batch});"
            ),
            "{r}"
        );
        assert!(
            r.contains("PSH::Pipe::finish($__psh_src, $__psh_s0->{stop});"),
            "{r}"
        );
    }

    #[test]
    fn ls_streams_other_sources_stay_whole_lists() {
        let r = code("ls('-R', 'src') | first { $_->{size} > 9 }").unwrap();
        assert!(
            r.starts_with("do { my $__psh_src = PSH::Pipe::ls_stream('-R', 'src');"),
            "{r}"
        );
        assert!(
            r.contains("PSH::Pipe::first_step($__psh_s0, sub { $_->{size} > 9 }, @{$__psh_batch})"),
            "{r}"
        );
        // Not exactly `name(ARGS)`, or not a program: the list as before.
        let r = code("cat('x') . 'y' | count").unwrap();
        assert_eq!(r, "PSH::Pipe::count((cat('x') . 'y'));\n");
        let r = code("wc('x') | count").unwrap();
        assert_eq!(r, "PSH::Pipe::count((wc('x')));\n");
    }

    #[test]
    fn a_pipeline_can_be_assigned() {
        let r = rewrite("my @top = @x | sort | head 2", &N).unwrap();
        assert_eq!(
            r.code,
            "my @top = (PSH::Pipe::head((2), PSH::Pipe::sort_default((@x))));\n"
        );
        assert!(!r.shows);
        let r = rewrite("my $n = cat('f') | count", &N).unwrap();
        assert!(
            r.code
                .starts_with("my $n = (do { my $__psh_src = PSH::Pipe::spawn('cat', ('f'));"),
            "{}",
            r.code
        );
        assert!(r.code.ends_with("($__psh_s0->{v}) });\n"), "{}", r.code);
        // `==` and `=~` are no assignments.
        assert!(rewrite("$a == 1 | count", &N).unwrap().shows);
        assert!(rewrite("@x | count", &N).unwrap().shows);
    }

    #[test]
    fn unknown_stage_is_not_a_pipe() {
        assert_eq!(code("@x | frobnicate"), None);
    }
}
