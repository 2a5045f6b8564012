# values subs return in scalar context: slices, sort, (LIST) x N, if/unless as last statement
use strict; use warnings;
my @a = (4, 5, 6); my %h = (a => 1, b => 2);
sub r_slice { return @a[0, 1] } my $s1 = r_slice(); print "$s1\n";
sub r_hslice { return @h{qw(a b)} } my $s2 = r_hslice(); print "$s2\n";
sub r_hash { return %h } my $s3 = r_hash(); print $s3 =~ /^\d/ ? "num\n" : "other: $s3\n";
sub r_arr { return @a } my $s4 = r_arr(); print "$s4\n";
sub r_list { return (7, 8, 9) } my $s5 = r_list(); print "$s5\n";
sub r_lslice { return (7, 8, 9)[0, 1] } my $s6 = r_lslice(); print "$s6\n";
sub r_map { return map { $_ * 2 } @a } my $s7 = r_map(); print "$s7\n";
sub r_grep { return grep { $_ > 4 } @a } my $s8 = r_grep(); print "$s8\n";
sub r_sort { return sort { $a <=> $b } @a } my $s9 = r_sort(); print defined $s9 ? "def $s9\n" : "undef\n";
sub r_rev { return reverse @a } my $s10 = r_rev(); print "$s10\n";
sub r_keys { return keys %h } my $s11 = r_keys(); print "$s11\n";
sub r_split { return split /,/, "a,b,c" } my $s12 = r_split(); print "$s12\n";
sub r_cond { return $_[0] ? @a : (1, 2) } my $s13 = r_cond(1); my $s14 = r_cond(0); print "$s13 $s14\n";
sub r_empty { return () } my $s15 = r_empty(); print defined $s15 ? "def\n" : "undef\n";
sub r_wa { return wantarray ? "list" : defined(wantarray) ? "scalar" : "void" } my @l = r_wa(); my $sc = r_wa(); print "$l[0] $sc\n";
sub r_implicit { @a } my $s16 = r_implicit(); print "$s16\n";
sub r_implicit_list { (1, 2, 3) } my $s17 = r_implicit_list(); print "$s17\n";
sub r_x { return ('a', 'b') x 2 } my $s18 = r_x(); print "$s18\n";
sub r_range { return 1..3 } my @rr = r_range(); print "@rr\n";
sub r_assign { my @x = (1, 2, 3) } my $s19 = r_assign(); print "$s19\n";
sub r_lassign { my ($p, $q) = (5, 6, 7) } my $s20 = r_lassign(); print "$s20\n";
sub r_do { do { 1; (4, 5) } } my $s21 = r_do(); print "$s21\n";
sub r_if { if ($_[0]) { (1, 2) } else { 3 } } my $s22 = r_if(1); print "$s22\n";
sub r_for { for (1..2) { } } my @s23 = r_for(); print scalar(@s23), "\n";
sub r_unless { unless ($_[0]) { 'u' } } my $s24 = r_unless(1); print defined $s24 ? "[$s24]\n" : "undef\n";
{ no warnings; my $x = sort @a; print defined $x ? "def [$x]\n" : "undef\n"; }
sub a1 { if ($_[0]) { 'yes' } } 
sub a2 { unless ($_[0]) { 'no' } }
sub a3 { if ($_[0]) { 'yes' } elsif ($_[1]) { 'el' } }
for my $args ([0], [1], [""], ["0.0"], [undef], [0, 0], [0, "x"], [5]) {
  my @r = (a1(@$args), "|", a2(@$args), "|", a3(@$args));
  print join(",", map { defined $_ ? "[$_]" : "u" } @r), "\n";
}
my @l = a1(0); print scalar(@l), "\n";
my $c = () = a1(0); print "$c\n";
my @x = (1, 2); my $s = (1, 2) x 2; my $t = (@x) x 2; my $u = qw(a b) x 2; print "$s $t $u\n";
