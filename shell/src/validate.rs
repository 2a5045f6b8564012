//! Whether the text in the editor is a complete statement (Enter runs it)
//! or needs more lines (open brackets, quotes, heredocs).
//!
//! Text that is wrong in a way more lines cannot fix (a stray `}`) counts
//! as complete, so that running it reports the error at once.

use reedline::{ValidationResult, Validator};

use crate::cmd_lex::{analyse, CommandLookup, LookupFn};

pub struct PerlValidator {
    lookup: Option<CommandLookup>,
}

impl PerlValidator {
    /// With the same lookup as the highlighter, so that a command line is
    /// judged by shell rules (`cd ~/src` has no open regex).
    pub fn new(lookup: CommandLookup) -> Self {
        PerlValidator {
            lookup: Some(lookup),
        }
    }

    /// Every buffer is judged as Perl.
    #[cfg(test)]
    pub fn perl_only() -> Self {
        PerlValidator { lookup: None }
    }

    pub fn needs_more(&self, text: &str) -> bool {
        let lookup = self.lookup.as_deref().map(|f| f as &LookupFn<'_>);
        analyse(text, lookup).needs_more
    }
}

impl Validator for PerlValidator {
    fn validate(&self, line: &str) -> ValidationResult {
        if self.needs_more(line) {
            ValidationResult::Incomplete
        } else {
            ValidationResult::Complete
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cmd_lex::{test_lookup, CommandWord, Place};

    fn perl(text: &str) -> bool {
        PerlValidator::perl_only().needs_more(text)
    }

    fn shell(text: &str) -> bool {
        PerlValidator::new(test_lookup()).needs_more(text)
    }

    #[track_caller]
    fn incomplete(text: &str) {
        assert!(perl(text), "should need more lines as Perl: {text:?}");
    }

    #[track_caller]
    fn complete(text: &str) {
        assert!(!perl(text), "should be complete as Perl: {text:?}");
    }

    #[test]
    fn brackets() {
        incomplete("for my $i (1..3) {");
        incomplete("for my $i (1..3) {\n  print $i;");
        complete("for my $i (1..3) {\n  print $i;\n}");
        incomplete("my @x = (1,");
        incomplete("foo(1,\n2");
        complete("foo(1,\n2)");
        incomplete("my $a = [1, [2,");
        complete("my $a = [1, [2, 3]];");
        incomplete("if ($x) { if ($y) {\n}");
        complete("");
        complete("   \n  ");
    }

    #[test]
    fn errors_more_lines_cannot_fix_are_complete() {
        complete("}");
        complete("print 1; }");
        complete("{ )");
        complete("foo(]");
        complete("(1, 2)) {");
    }

    #[test]
    fn strings() {
        incomplete("print \"a");
        complete("print \"a\"");
        complete("print \"don't\"");
        complete("print 'say \"hi\"'");
        incomplete("print 'a");
        incomplete("print \"a\\\"");
        complete("print \"a\\\\\"");
        complete("my $x = \"a\n{\";");
        incomplete("my $x = \"line one\nline two");
        incomplete("my $x = `ls");
        complete("print 'it\\'s';");
    }

    #[test]
    fn quote_like() {
        complete("my $x = q{ { } };");
        incomplete("my $x = q{ { }");
        complete("my $x = qq(a (b) c);");
        incomplete("my $x = qq(a (b) c;");
        incomplete("my @w = qw/a b");
        complete("my @w = qw/a b/;");
        complete("my @w = qw[a b];");
        complete("my $s = q#a (#;");
        complete("my %h = (s => 1, y => 2, q => 3, tr => 4);");
        complete("print $h{s}, $h{q}, $h{y};");
        complete("$obj->s(1); $obj->q;");
        complete("print -s $file;");
        complete("sub q { 1 }");
    }

    #[test]
    fn regexes() {
        incomplete("s{a}{");
        incomplete("s{a}");
        complete("s{a}{b}g;");
        complete("s{a} {b};");
        incomplete("s/a/");
        incomplete("s/a/b");
        complete("s/a/b/g;");
        complete("s#a#b#;");
        complete("tr/a-z/A-Z/;");
        incomplete("tr/a-z/");
        complete("y/a//d;");
        complete("my $r = qr/a(/i;");
        incomplete("my $r = qr/a");
        incomplete("if ($x =~ /a(/) {");
        complete("if ($x =~ m{a(}) { 1 }");
        complete("grep { /\\// } @x;");
        complete("my @f = split /,/, $s;");
        complete("my @c = split //, $s;");
        incomplete("if ($x =~ /abc");
        complete("print 1 if /x/ and not /(/;");
    }

    #[test]
    fn division_is_not_a_regex() {
        complete("1 / 2; # comment (");
        complete("my $x = 10 / 2 / 5;");
        complete("my $y = $x / 2; my $z = $h{a} / $a[0] / f() / 3;");
        complete("my $t = time / 60;");
        complete("$x /= 2; $y //= 3; $z = $a // $b;");
        complete("my $m = $i++ / 2;");
    }

    #[test]
    fn heredocs() {
        incomplete("my $x = <<EOF;\nhello\n");
        complete("my $x = <<EOF;\nhello\nEOF");
        complete("my $x = <<EOF;\nhello\nEOF\n");
        incomplete("print <<EOF;");
        incomplete("print <<\"EOF\";\nhello $x\n");
        complete("print <<\"EOF\";\nhello $x\nEOF");
        complete("print <<'EOF';\n{ ( \" '\nEOF");
        incomplete("print <<~EOF;\n    indented\n");
        complete("print <<~EOF;\n    indented\n    EOF");
        // Without `~` an indented terminator is just another body line.
        incomplete("print <<EOF;\n  body\n  EOF");
        incomplete("print <<A, <<B;\na\nA\nb\n");
        complete("print <<A, <<B;\na\nA\nb\nB");
        // The body is text, not code: its brackets do not count.
        complete("my $x = <<EOF;\n{ [ (\nEOF");
        // Code after the marker still counts.
        incomplete("foo(<<EOF, 1\nbody\nEOF\n");
        complete("foo(<<EOF, 1\nbody\nEOF\n);");
        complete("my $x = <<EOF . 'x'; # (\nbody\nEOF");
    }

    #[test]
    fn shifts_are_not_heredocs() {
        complete("my $x = 1 << 2;");
        complete("my $x = $y << 2;");
        complete("my $x = $y <<EOF;");
        complete("$x <<= 1;");
        complete("while (my $l = <STDIN>) { print $l }");
        complete("my @l = <$fh>;");
        complete("print if $a < $b; print if $c > $d;");
    }

    #[test]
    fn variables_and_comments() {
        complete("$h{a}");
        incomplete("$h{a");
        complete("my $n = $#array; # (");
        complete("if ($#array > 0) { print 1 }");
        complete("if ($#{$r} > 0) { print 1 }");
        complete("my $n = $#{$r};");
        complete("my $n = $#$r;");
        complete("print $x; # {");
        complete("# only a comment {");
        complete("my $pid = $$; my $s = ${name};");
        complete("local $/; local $\" = ',';");
        complete("print \"$x\" if $& eq $';");
        complete("my %h; my $m = $a % 2; print 1 if $x & 2;");
        complete("print @{$r}, %{$h}, @$r, &$code, &foo;");
        complete("sub f($) { 1 }");
        incomplete("sub f($$;$) {");
        complete("print \"$::x $x::y\";");
        complete("my $x = 0x1F + 0b101 + 1_000 + 1.5e-3 + .5;");
        complete("__END__\n{ ( \"");
    }

    #[test]
    fn continuation_and_trailing_operators() {
        incomplete("my $x = 1 + \\");
        complete("my $r = \\$x;");
        complete("# ends with \\");
        incomplete("ps() |");
        incomplete("$a ||");
        incomplete("$a &&\n");
        complete("$a && $b");
        complete("$a | $b");
    }

    #[test]
    fn command_lines() {
        assert!(shell("ls |"));
        assert!(shell("ls | "));
        assert!(!shell("ls | wc -l"));
        assert!(shell("ls &&"));
        assert!(shell("ls ||\n"));
        assert!(!shell("ls;"));
        assert!(!shell("ls &"));
        assert!(!shell("ls |\nwc -l"));
        assert!(shell("ls 2>&1 |"));
        assert!(shell("echo \"a"));
        assert!(shell("echo 'it"));
        assert!(!shell("echo don\\'t"));
        assert!(!shell("echo 'a\\'"));
        assert!(shell("echo a \\"));
        assert!(!shell("echo a \\\nb"));
        assert!(shell("ps aux | grep { /sshd/"));
        assert!(!shell("ps aux | grep { /sshd/ } | wc -l"));
        assert!(!shell("ps aux | grep { $_ =~ /a|b/ } | wc -l"));
        assert!(!shell("git log --oneline # {"));
        assert!(!shell("lss -la"));
        // A shell word is no regex: only the command-line view gets this
        // right.
        assert!(!shell("cd ~/src"));
        assert!(perl("cd ~/src"));
        // Perl lines keep Perl rules under the same lookup.
        assert!(shell("for my $i (1..3) {"));
        assert!(!shell("print 1 / 2"));
    }

    /// A small deterministic generator, so failures reproduce.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
    }

    pub(crate) fn garbage(seed: u64, count: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "{", "}", "(", ")", "[", "]", "<", ">", "<<", "<<~", "<<\"", "<<'", "EOF", "\n", " ",
            "\t", "\"", "'", "`", "#", "$", "$#", "@", "%", "&", "*", "/", "\\", "q", "qq", "qw",
            "s", "tr", "y", "m", "qr", "=>", "->", "|", "||", "&&", ";", "é", "日本", "🙂", "0x",
            "1", ".5", "e", "_", "::", "x", "my", "print", "sub", "ls", "grep", "__END__", "\r",
            "=", "-", "~", ",", "?", ":", "!", "^", "\u{0}", "${", "$$",
        ];
        let mut rng = Lcg(seed);
        (0..count)
            .map(|_| {
                let n = rng.next() % 24;
                (0..n)
                    .map(|_| PIECES[(rng.next() as usize) % PIECES.len()])
                    .collect()
            })
            .collect()
    }

    /// A lookup that answers with ranges that may be out of bounds, reversed
    /// or inside a char: the scanners must shrug these off.
    fn wild_lookup() -> CommandLookup {
        std::sync::Arc::new(|text: &str, _place: Place| {
            let n = text.len();
            (!n.is_multiple_of(3)).then_some(CommandWord {
                start: n % 5,
                end: n % 7 + n / 2,
                exists: n.is_multiple_of(2),
            })
        })
    }

    #[test]
    fn total_on_garbage() {
        let validators = [
            PerlValidator::perl_only(),
            PerlValidator::new(test_lookup()),
            PerlValidator::new(wild_lookup()),
        ];
        for text in garbage(7, 20_000) {
            for v in &validators {
                let _ = v.validate(&text);
            }
        }
        // Every split of a multi-byte sample, too.
        let sample = "my $é = q{日本}; s/🙂/x/; <<EOF\n😀\nEOF\n";
        for (i, _) in sample.char_indices() {
            for v in &validators {
                let _ = v.validate(&sample[..i]);
                let _ = v.validate(&sample[i..]);
            }
        }
    }

    #[test]
    fn long_inputs_stay_fast() {
        let inputs = [
            "$".repeat(200_000),
            "${".repeat(50_000),
            "<<EOF ".repeat(20_000),
            "q{".repeat(50_000),
            "( [ { ".repeat(30_000),
            "a ".repeat(100_000),
            "'".repeat(100_001),
        ];
        let start = std::time::Instant::now();
        for text in &inputs {
            let _ = PerlValidator::perl_only().validate(text);
            let _ = PerlValidator::new(test_lookup()).validate(text);
        }
        assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    }
}
