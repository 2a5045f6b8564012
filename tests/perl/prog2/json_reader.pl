#!/usr/bin/perl
use strict;
use warnings;

# A hand-written JSON-ish reader using \G and pos, plus a serializer.
my $text = <<'JSON';
{
  "name": "psh test",
  "version": 1.25,
  "tags": ["shell", "perl", "rust"],
  "nested": {"a": [1, 2, {"b": null}], "flag": true, "off": false},
  "escaped": "line1\nline2\t\"quoted\" \\ back",
  "neg": -42,
  "exp": 1.5e3,
  "empty": [],
  "emptyobj": {}
}
JSON

sub parse_error {
    my ($msg) = @_;
    my $p = pos($text) // 0;
    die sprintf("parse error at offset %d: %s\n", $p, $msg);
}

sub ws { $text =~ /\G\s*/gc }

sub parse_value {
    ws();
    if ($text =~ /\G\{/gc) {
        my %h;
        ws();
        return \%h if $text =~ /\G\}/gc;
        while (1) {
            ws();
            $text =~ /\G"/gc or parse_error("expected key");
            my $k = parse_string_body();
            ws();
            $text =~ /\G:/gc or parse_error("expected colon");
            $h{$k} = parse_value();
            ws();
            next if $text =~ /\G,/gc;
            last if $text =~ /\G\}/gc;
            parse_error("expected , or }");
        }
        return \%h;
    }
    if ($text =~ /\G\[/gc) {
        my @a;
        ws();
        return \@a if $text =~ /\G\]/gc;
        while (1) {
            push @a, parse_value();
            ws();
            next if $text =~ /\G,/gc;
            last if $text =~ /\G\]/gc;
            parse_error("expected , or ]");
        }
        return \@a;
    }
    return parse_string_body() if $text =~ /\G"/gc;
    return $1 + 0 if $text =~ /\G(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/gc;
    return 1 if $text =~ /\Gtrue/gc;
    return 0 if $text =~ /\Gfalse/gc;
    return undef if $text =~ /\Gnull/gc;
    parse_error("unexpected token");
}

my %esc = (n => "\n", t => "\t", '"' => '"', '\\' => '\\', '/' => '/');

sub parse_string_body {
    my $s = '';
    while (1) {
        if ($text =~ /\G([^"\\]+)/gc) { $s .= $1 }
        elsif ($text =~ /\G\\(.)/gc) { $s .= $esc{$1} // $1 }
        elsif ($text =~ /\G"/gc) { return $s }
        else { parse_error("unterminated string") }
    }
}

sub dump_value {
    my ($v, $indent) = @_;
    $indent //= 0;
    my $pad = '  ' x $indent;
    if (!defined $v) { return 'null' }
    if (ref $v eq 'HASH') {
        return '{}' unless %$v;
        my @parts = map { "$pad  \"$_\": " . dump_value($v->{$_}, $indent + 1) } sort keys %$v;
        return "{\n" . join(",\n", @parts) . "\n$pad}";
    }
    if (ref $v eq 'ARRAY') {
        return '[]' unless @$v;
        return '[' . join(', ', map { dump_value($_, $indent + 1) } @$v) . ']';
    }
    return $v if $v =~ /^-?\d+(?:\.\d+)?$/;
    (my $e = $v) =~ s/(["\\])/\\$1/g;
    $e =~ s/\n/\\n/g;
    $e =~ s/\t/\\t/g;
    return "\"$e\"";
}

my $data = parse_value();
print dump_value($data), "\n";
printf "tags: %s\n", join '|', @{ $data->{tags} };
printf "exp=%g neg=%d version=%.3f\n", $data->{exp}, $data->{neg}, $data->{version};
print "b is ", (defined $data->{nested}{a}[2]{b} ? "defined" : "undef"), "\n";
print "escaped has ", scalar(() = $data->{escaped} =~ /\n/g), " newline(s)\n";

for my $bad ('[1, 2', '{"a" 1}', '[tru]', '"abc') {
    $text = $bad;
    pos($text) = 0;
    my $r = eval { parse_value(); 1 };
    print "bad '$bad': ", ($r ? "ok?!" : $@);
}
