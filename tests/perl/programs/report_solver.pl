# program-style: recursive-descent evaluator, N-queens, a report from DATA with sprintf/commify/heredoc
#!/usr/bin/perl
use strict; use warnings;
# expression parser / evaluator (recursive descent)
sub tokenize { my $s = shift; my @t; while ($s =~ /\G\s*(\d+\.?\d*|[-+*\/()^])/gc) { push @t, $1 } return @t }
sub parse_expr { my $t = shift; my $v = parse_term($t); while (@$t && $t->[0] =~ /^[-+]$/) { my $op = shift @$t; my $r = parse_term($t); $v = $op eq '+' ? $v + $r : $v - $r } $v }
sub parse_term { my $t = shift; my $v = parse_factor($t); while (@$t && $t->[0] =~ m{^[*/]$}) { my $op = shift @$t; my $r = parse_factor($t); $v = $op eq '*' ? $v * $r : $v / $r } $v }
sub parse_factor { my $t = shift; my $b = parse_atom($t); if (@$t && $t->[0] eq '^') { shift @$t; return $b ** parse_factor($t) } $b }
sub parse_atom { my $t = shift; my $x = shift @$t; if ($x eq '(') { my $v = parse_expr($t); shift @$t; return $v } if ($x eq '-') { return -parse_atom($t) } $x }
for my $e ("1 + 2 * 3", "(1+2)*3", "2^3^2", "10 / 4 - 1", "-(3 + 4) * 2") { my @t = tokenize($e); printf "%-14s = %s\n", $e, parse_expr(\@t) }
# N-queens solver
sub queens { my ($n, $row, $cols, $sol) = @_; return 1 if $row == $n; my $c = 0;
  for my $col (0..$n-1) { next if grep { $cols->[$_] == $col || abs($cols->[$_] - $col) == $row - $_ } 0..$row-1; $cols->[$row] = $col; $c += queens($n, $row+1, $cols, $sol) } $c }
print "queens($_) = ", queens($_, 0, [], []), "\n" for 4..7;
# report generator from DATA
my (%by_dept, %tot);
while (my $line = <DATA>) { chomp $line; next if $line =~ /^\s*(#|$)/; my ($name, $dept, $sal) = split /\s*,\s*/, $line; push @{ $by_dept{$dept} }, { name => $name, sal => $sal }; $tot{$dept} += $sal }
for my $d (sort { $tot{$b} <=> $tot{$a} || $a cmp $b } keys %tot) {
  printf "%-8s %8.2f (%d)\n", $d, $tot{$d}, scalar @{ $by_dept{$d} };
  printf "  %-10s %8s\n", $_->{name}, commify($_->{sal}) for sort { $b->{sal} <=> $a->{sal} } @{ $by_dept{$d} };
}
sub commify { my $n = reverse shift; $n =~ s/(\d{3})(?=\d)/$1,/g; scalar reverse $n }
my $text = <<"END";
The total is ${\ scalar(keys %tot)} departments.
  Indented line with @{[ join '-', sort keys %tot ]}
END
print $text;
my %count; $count{lc $_}++ for "The quick the lazy THE end" =~ /\w+/g; print join(", ", map { "$_=$count{$_}" } sort { $count{$b} <=> $count{$a} || $a cmp $b } keys %count), "\n";
my @matrix = ([1,2,3],[4,5,6]); my @t = map { my $c = $_; [ map { $_->[$c] } @matrix ] } 0..2; print join(" | ", map { "@$_" } @t), "\n";
local $, = ":"; local $\ = "\n"; print "a", "b", "c";
__DATA__
# name, dept, salary
alice, eng, 120000
bob, eng, 95000.5
carol, sales, 70000
dave, sales, 80000
erin, hr, 65000
