//! Syntax highlighting for the line editor.
//!
//! The buffer is scanned (Perl, or a command line when the shell's lookup
//! says so) and every token gets a colour; text between tokens (blanks,
//! operators' neighbours) is returned unstyled so the painted line always
//! spells the buffer exactly.

use nu_ansi_term::{Color, Style};
use reedline::{Highlighter, StyledText};

use crate::cmd_lex::analyse;
// The shell builds its lookup from these when it wires the editor.
#[allow(unused_imports)]
pub use crate::cmd_lex::{CommandLookup, CommandWord, Place};
use crate::perl_lex::{Kind, Token};

pub struct PerlHighlighter {
    lookup: CommandLookup,
    color: bool,
}

impl PerlHighlighter {
    /// `lookup` classifies the buffer and finds program names (see
    /// [`Place`]); with `color` false (NO_COLOR, TERM=dumb) the text comes
    /// back unstyled.
    pub fn new(lookup: CommandLookup, color: bool) -> Self {
        PerlHighlighter { lookup, color }
    }
}

impl Highlighter for PerlHighlighter {
    fn highlight(&self, line: &str, _cursor: usize) -> StyledText {
        let analysis = analyse(line, Some(&*self.lookup));
        paint(line, &analysis.tokens, self.color)
    }
}

pub fn style_of(kind: Kind) -> Style {
    match kind {
        Kind::Keyword => Color::Magenta.bold(),
        Kind::String | Kind::Regex | Kind::Heredoc => Color::Yellow.normal(),
        Kind::Variable => Color::Cyan.normal(),
        Kind::Number => Color::LightRed.normal(),
        Kind::Comment => Color::DarkGray.normal(),
        Kind::Command { exists: true } => Color::Green.bold(),
        Kind::Command { exists: false } => Color::Red.bold(),
        Kind::Flag => Color::LightBlue.normal(),
        Kind::Ident | Kind::Operator | Kind::Open | Kind::Close | Kind::Word => Style::new(),
    }
}

/// Turns tokens into styled spans covering all of `line`. Tokens that
/// overlap what is already painted or do not fall on char boundaries are
/// dropped rather than trusted: the gaps are filled from the line itself.
fn paint(line: &str, tokens: &[Token], color: bool) -> StyledText {
    let mut out = StyledText::new();
    let mut done = 0;
    for t in tokens {
        let start = t.start.max(done);
        let end = t.end.min(line.len());
        if start >= end || !line.is_char_boundary(start) || !line.is_char_boundary(end) {
            continue;
        }
        if done < start {
            out.push((Style::new(), line[done..start].to_string()));
        }
        let style = if color {
            style_of(t.kind)
        } else {
            Style::new()
        };
        out.push((style, line[start..end].to_string()));
        done = end;
    }
    if done < line.len() {
        out.push((Style::new(), line[done..].to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd_lex::test_lookup;

    fn spans(text: &str) -> Vec<(Style, String)> {
        let h = PerlHighlighter::new(test_lookup(), true);
        let styled = h.highlight(text, text.len());
        let joined: String = styled.buffer.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(joined, text, "spans must spell the buffer");
        styled.buffer
    }

    /// The style of the span that is exactly `piece` (the `nth` such span).
    #[track_caller]
    fn style_nth(text: &str, piece: &str, nth: usize) -> Style {
        let all = spans(text);
        match all.iter().filter(|(_, s)| s == piece).nth(nth) {
            Some((style, _)) => *style,
            None => panic!("no span {piece:?} in {text:?}: {all:?}"),
        }
    }

    #[track_caller]
    fn style(text: &str, piece: &str) -> Style {
        style_nth(text, piece, 0)
    }

    fn keyword() -> Style {
        style_of(Kind::Keyword)
    }
    fn string() -> Style {
        style_of(Kind::String)
    }
    fn variable() -> Style {
        style_of(Kind::Variable)
    }
    fn number() -> Style {
        style_of(Kind::Number)
    }
    fn comment() -> Style {
        style_of(Kind::Comment)
    }
    fn plain() -> Style {
        Style::new()
    }

    #[test]
    fn palette_is_distinct() {
        let kinds = [
            Kind::Keyword,
            Kind::String,
            Kind::Variable,
            Kind::Number,
            Kind::Comment,
            Kind::Command { exists: true },
            Kind::Command { exists: false },
            Kind::Flag,
            Kind::Ident,
        ];
        for (i, a) in kinds.iter().enumerate() {
            for b in &kinds[i + 1..] {
                assert_ne!(style_of(*a), style_of(*b), "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn perl_statement() {
        let text = "my $x = 42; # the answer";
        assert_eq!(style(text, "my"), keyword());
        assert_eq!(style(text, "$x"), variable());
        assert_eq!(style(text, "42"), number());
        assert_eq!(style(text, "# the answer"), comment());
        assert_eq!(style(text, "="), plain());
    }

    #[test]
    fn strings_and_quote_like() {
        let text = "print \"a $b\" . 'c' . q{d {e}} . qw/f g/;";
        assert_eq!(style(text, "print"), keyword());
        assert_eq!(style(text, "\"a $b\""), string());
        assert_eq!(style(text, "'c'"), string());
        assert_eq!(style(text, "q{d {e}}"), string());
        assert_eq!(style(text, "qw/f g/"), string());
    }

    #[test]
    fn regexes_are_coloured_as_strings() {
        let text = "s{a}{b}g if $x =~ m/c/i; my @f = split /,/, $s; tr/a-z/A-Z/";
        assert_eq!(style(text, "s{a}{b}g"), string());
        assert_eq!(style(text, "m/c/i"), string());
        assert_eq!(style(text, "/,/"), string());
        assert_eq!(style(text, "tr/a-z/A-Z/"), string());
        assert_eq!(style(text, "split"), keyword());
    }

    #[test]
    fn division_is_an_operator() {
        let text = "my $h = $t / 60 / 2;";
        assert_eq!(style_nth(text, "/", 0), plain());
        assert_eq!(style_nth(text, "/", 1), plain());
        assert_eq!(style(text, "60"), number());
    }

    #[test]
    fn variables() {
        let text = "$_ + $1 + $::x + ${name} + $#a + @x + %h + $h{k} + $a[0] + $Foo::bar";
        for v in [
            "$_",
            "$1",
            "$::x",
            "${name}",
            "$#a",
            "@x",
            "%h",
            "$h",
            "$a",
            "$Foo::bar",
        ] {
            assert_eq!(style(text, v), variable(), "{v}");
        }
        assert_eq!(style(text, "k"), plain());
        assert_eq!(style(text, "0"), number());
        assert!(spans(text).iter().all(|(s, _)| *s != comment()));
    }

    #[test]
    fn numbers() {
        // After a term `.5` would be concatenation, so each stands alone.
        let text = "(0x1F, 0b101, 1_000, 1.5e-3, .5, 1..3)";
        for n in ["0x1F", "0b101", "1_000", "1.5e-3", ".5", "1", "3"] {
            assert_eq!(style(text, n), number(), "{n}");
        }
        assert_eq!(style(text, ".."), plain());
    }

    #[test]
    fn multi_line_heredoc() {
        let text = "my $s = <<EOF;\nline $x {\nEOF\nprint $s; # done";
        assert_eq!(style(text, "<<EOF"), string());
        assert_eq!(style(text, "line $x {\nEOF\n"), string());
        assert_eq!(style(text, "print"), keyword());
        assert_eq!(style_nth(text, "$s", 1), variable());
        assert_eq!(style(text, "# done"), comment());
    }

    #[test]
    fn multi_line_block() {
        let text = "for my $i (1..3) {\n    print \"$i\\n\"; # loop\n}";
        assert_eq!(style(text, "for"), keyword());
        assert_eq!(style(text, "\"$i\\n\""), string());
        assert_eq!(style(text, "# loop"), comment());
        assert_eq!(style(text, "}"), plain());
    }

    #[test]
    fn command_line() {
        let text = "ls -la --color=auto | wc -l && echo $HOME \"x y\" > out.txt 2>&1";
        let green = style_of(Kind::Command { exists: true });
        assert_eq!(green, Color::Green.bold());
        assert_eq!(style(text, "ls"), green);
        assert_eq!(style(text, "-la"), style_of(Kind::Flag));
        assert_eq!(style(text, "--color=auto"), style_of(Kind::Flag));
        assert_eq!(style(text, "|"), plain());
        assert_eq!(style(text, "wc"), green);
        assert_eq!(style(text, "&&"), plain());
        assert_eq!(style(text, "echo"), green);
        assert_eq!(style(text, "$HOME"), variable());
        assert_eq!(style(text, "\"x y\""), string());
        assert_eq!(style(text, ">"), plain());
        assert_eq!(style(text, "out.txt"), plain());
        assert_eq!(style(text, "2>&1"), plain());
    }

    #[test]
    fn missing_command_is_red() {
        let text = "lss -la; cat f | nosuch x";
        let red = style_of(Kind::Command { exists: false });
        assert_eq!(red, Color::Red.bold());
        assert_eq!(style(text, "lss"), red);
        assert_eq!(style(text, "cat"), style_of(Kind::Command { exists: true }));
        assert_eq!(style(text, "nosuch"), red);
    }

    #[test]
    fn perl_stage_in_a_pipeline() {
        let text = "ps aux | grep { /sshd|x/ } | wc -l";
        assert_eq!(style(text, "ps"), style_of(Kind::Command { exists: true }));
        assert_eq!(style(text, "grep"), keyword());
        assert_eq!(style(text, "/sshd|x/"), string());
        assert_eq!(style(text, "wc"), style_of(Kind::Command { exists: true }));
        // After a pipe a keyword-named program is a program.
        let text = "ls | grep foo";
        assert_eq!(
            style(text, "grep"),
            style_of(Kind::Command { exists: true })
        );
    }

    #[test]
    fn command_line_continues_over_lines() {
        let text = "ls |\n  sort # sorted\n";
        assert_eq!(
            style(text, "sort"),
            style_of(Kind::Command { exists: true })
        );
        assert_eq!(style(text, "# sorted"), comment());
    }

    #[test]
    fn no_color_means_plain_spans() {
        let h = PerlHighlighter::new(test_lookup(), false);
        for text in ["my $x = \"a\"; # c", "ls -la | wc", "print <<EOF;\nx\nEOF"] {
            let styled = h.highlight(text, 0);
            assert!(styled.buffer.iter().all(|(s, _)| *s == Style::new()));
            let joined: String = styled.buffer.iter().map(|(_, s)| s.as_str()).collect();
            assert_eq!(joined, text);
        }
    }

    #[test]
    fn spans_spell_any_input() {
        let lookups = [
            test_lookup(),
            std::sync::Arc::new(|text: &str, _: Place| {
                let n = text.len();
                Some(CommandWord {
                    start: n % 4,
                    end: n % 9,
                    exists: true,
                })
            }) as CommandLookup,
        ];
        let mut inputs = crate::validate::tests::garbage(11, 5_000);
        inputs.push("é日本🙂 q{é} \"🙂".to_string());
        for text in &inputs {
            for lookup in &lookups {
                let styled = PerlHighlighter::new(lookup.clone(), true).highlight(text, 0);
                let joined: String = styled.buffer.iter().map(|(_, s)| s.as_str()).collect();
                assert_eq!(&joined, text);
                assert!(styled.buffer.iter().all(|(_, s)| !s.is_empty()));
            }
        }
    }
}
