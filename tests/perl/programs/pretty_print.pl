# A hand-written JSON-ish pretty printer for nested data, and a parser round trip.
use strict;
use warnings;

sub quote {
    my $s = shift;
    $s =~ s/(["\\])/\\$1/g;
    $s =~ s/\n/\\n/g;
    $s =~ s/\t/\\t/g;
    $s =~ s/([\x00-\x1f])/sprintf("\\u%04x", ord $1)/ge;
    return qq("$s");
}
sub dump_json {
    my ($d, $indent) = @_;
    $indent //= 0;
    my $pad = "  " x $indent;
    my $pad2 = "  " x ($indent + 1);
    if (!defined $d) { return "null" }
    if (ref $d eq 'HASH') {
        return "{}" unless %$d;
        return "{\n" . join(",\n", map { $pad2 . quote($_) . ": " . dump_json($d->{$_}, $indent + 1) } sort keys %$d) . "\n$pad}";
    }
    if (ref $d eq 'ARRAY') {
        return "[]" unless @$d;
        return "[\n" . join(",\n", map { $pad2 . dump_json($_, $indent + 1) } @$d) . "\n$pad]";
    }
    if (ref $d eq 'SCALAR') { return $$d ? "true" : "false" }
    return $d if $d =~ /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
    return quote($d);
}

# a small parser for the same format
sub parse_json {
    my $text = shift;
    my $pos = 0;
    my $ws = sub { $text =~ /\G\s*/gc };
    my $value;
    $value = sub {
        $ws->();
        if ($text =~ /\G\{/gc) {
            my %h;
            $ws->();
            return \%h if $text =~ /\G\}/gc;
            do {
                $ws->();
                $text =~ /\G"((?:[^"\\]|\\.)*)"/gc or die "expected key at " . pos($text) . "\n";
                my $k = $1;
                $ws->();
                $text =~ /\G:/gc or die "expected colon\n";
                $h{$k} = $value->();
                $ws->();
            } while ($text =~ /\G,/gc);
            $text =~ /\G\}/gc or die "expected }\n";
            return \%h;
        }
        if ($text =~ /\G\[/gc) {
            my @a;
            $ws->();
            return \@a if $text =~ /\G\]/gc;
            do { push @a, $value->(); $ws->() } while ($text =~ /\G,/gc);
            $text =~ /\G\]/gc or die "expected ]\n";
            return \@a;
        }
        if ($text =~ /\G"((?:[^"\\]|\\.)*)"/gc) {
            my $s = $1;
            $s =~ s/\\u([0-9a-f]{4})/chr hex $1/ge;
            $s =~ s/\\n/\n/g;
            $s =~ s/\\t/\t/g;
            $s =~ s/\\(.)/$1/g;
            return $s;
        }
        return 0 + $1 if $text =~ /\G(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/gc;
        return \1 if $text =~ /\Gtrue/gc;
        return \0 if $text =~ /\Gfalse/gc;
        return undef if $text =~ /\Gnull/gc;
        die "unexpected input at " . (pos($text) // 0) . "\n";
    };
    my $v = $value->();
    return $v;
}

my $data = {
    name => "psh",
    version => 0.1,
    tags => ["shell", "perl", "rust"],
    nested => { deep => { deeper => [1, [2, [3, []]], {}] } },
    empty => "",
    null => undef,
    flags => { on => \1, off => \0 },
    text => "quote \" backslash \\ newline \n tab \t ctrl \x01",
    numbers => [0, -1, 3.25, 1e21, "007", "1.50"],
};
my $json = dump_json($data);
print "$json\n";
my $back = parse_json($json);
my $again = dump_json($back);
print "round trip identical: ", ($again eq $json ? "yes" : "no"), "\n";
print "parsed text field length: ", length($back->{text}), " vs ", length($data->{text}), "\n";
for my $bad ('{"a" 1}', '[1, 2', '{"k": tru}') {
    eval { parse_json($bad) };
    print "error for $bad: $@";
}
