//! Object pipes, first form: `EXPR | STAGE | STAGE …` at the start of a
//! Perl entry, where each STAGE begins with a stage word (`grep {…}`,
//! `map {…}`, `sort`, `head N`, `count`, …, a sub taking a list, or a
//! program). The entry is rewritten into plain Perl over lists, with the
//! helpers of `pipe_prelude.pl`: stages are evaluated in order, each on
//! the whole list the previous one produced. `|` between values that is
//! not followed by a stage word keeps its Perl meaning (bitwise or).
//!
//! Streaming and parallel stages (issue 4) will replace the rewrite; the
//! detection (which `|` starts a stage) stays.

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
}

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

/// Rewrite `text` if it is a pipeline; `None` when it is not one.
pub fn rewrite(text: &str, names: &dyn StageNames) -> Option<String> {
    let (start, bars) = stage_bars(text, names);
    if bars.is_empty() {
        return None;
    }
    let body = text.trim_end().trim_end_matches(';');
    let mut parts = Vec::new();
    let mut from = start;
    for &b in &bars {
        parts.push(&body[from..b]);
        from = b + 1;
    }
    parts.push(&body[from..]);
    let mut expr = format!("({})", parts[0].trim());
    for stage in &parts[1..] {
        expr = stage_code(stage.trim(), &expr, names)?;
    }
    let before = text[..start].trim_end();
    let sep = if before.is_empty() { "" } else { " " };
    Some(format!("{before}{sep}{expr};\n"))
}

/// Perl for one stage applied to the list `input`.
fn stage_code(stage: &str, input: &str, names: &dyn StageNames) -> Option<String> {
    let word_end = stage
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(stage.len());
    let (word, rest) = stage.split_at(word_end);
    let rest = rest.trim();
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
            name == "wc"
        }
    }

    #[test]
    fn bitwise_or_stays() {
        assert_eq!(rewrite("5 | 3", &N), None);
        assert_eq!(rewrite("$a | $b", &N), None);
        assert_eq!(rewrite("grep { $_ | 1 } @x", &N), None);
    }

    #[test]
    fn stages_nest_in_order() {
        let r = rewrite(
            "ps() | grep { $_->{cpu} > 5 } | sort { $b->{mem} <=> $a->{mem} }",
            &N,
        )
        .unwrap();
        assert_eq!(
            r,
            "sort { $b->{mem} <=> $a->{mem} } grep { $_->{cpu} > 5 } (ps());\n"
        );
        let r = rewrite("(1..10) | head 3 | count", &N).unwrap();
        assert_eq!(r, "PSH::Pipe::count(PSH::Pipe::head((3), ((1..10))));\n");
    }

    #[test]
    fn bars_inside_blocks_and_strings_are_not_stages() {
        let r = rewrite("@x | grep { /a|b/ || $_ eq '|' } | count", &N).unwrap();
        assert_eq!(r, "PSH::Pipe::count(grep { /a|b/ || $_ eq '|' } (@x));\n");
    }

    #[test]
    fn subs_and_programs() {
        let r = rewrite("@x | double | wc -l", &N).unwrap();
        assert_eq!(r, "PSH::Pipe::program(['wc', '-l'], double((@x)));\n");
    }

    #[test]
    fn statements_before_the_pipeline_stay() {
        let r = rewrite("my @x = (3, 1); @x | sort", &N).unwrap();
        assert_eq!(r, "my @x = (3, 1); PSH::Pipe::sort_default((@x));\n");
        assert_eq!(rewrite("@x | count; print 1", &N), None);
    }

    #[test]
    fn unknown_stage_is_not_a_pipe() {
        assert_eq!(rewrite("@x | frobnicate", &N), None);
    }
}
