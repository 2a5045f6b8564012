# Heredocs and quote-like operators with various delimiters.
use strict;
use warnings;

my $name = "heredoc";
print <<"END";
Interpolated $name
  keeps indentation
END
print <<'END';
Literal $name \n stays
END
print <<END;
Bare is like double: $name
END
print <<~EOT;
    indented heredoc
      relative indent kept
    last line $name
    EOT
print <<~'EOT';
	tab indented literal $x
	EOT
print <<A, <<B;
first A
A
second B
B
print lc(<<X) . uc(<<Y);
MiXeD One
X
mIxEd two
Y
my %h = (text => <<T, other => 'x');
in hash
T
print "hash: $h{text}", "other: $h{other}\n";
sub f { return "f got: $_[0]" }
print f(<<ARG), "\n";
argument
ARG
my $empty = <<E;
E
print "empty heredoc: [", $empty, "]\n";
print <<"END" . "after\n";
with concat
END
my $s = <<"  SPACED";
terminator with spaces
  SPACED
print $s;
print <<`CMD` if 0;
echo never
CMD

# quote-like operators
print q{braces {nested}}, "|", q(parens), "|", q[brackets], "|", q<angles>, "|", q!bang!, "|", q#hash#, "\n";
print qq{interp $name}, "|", qq/slash $name/, "|", qq'single-quote delim $name', "\n";
my @w = qw(alpha beta gamma);
my @w2 = qw/one two/;
my @w3 = qw{
    multi
    line
};
my @w4 = qw[a b] ;
print "qw: @w | @w2 | @w3 | @w4 | ", scalar(@w), "\n";
print "q with escapes: ", q{a\{b\}c \\ \n}, "\n";
print "qq escapes: ", qq{tab[\t] brace[\}]}, "\n";
print "nested delims: ", q{a{b{c}d}e}, "\n";
my $x = "X";
print "string ops on quotes: ", lc(q{ABC}) . uc qq{d${x}f}, "\n";
print "qw in for: ";
print "$_;" for qw(x y z);
print "\n";
print "qw index: ", (qw(a b c d))[2], "\n";
print 'concatenated ' . "strings " . q(and) . qq( more) . "\n";
