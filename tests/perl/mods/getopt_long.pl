# Getopt::Long: GetOptions with =s =i :s ! + @ %, bundling, pass_through, hash storage, callbacks.
use strict; use warnings;
use Getopt::Long;
sub run {
  my @args = @_;
  local @ARGV = @args;
  my %o = (list => [], define => {});
  my ($name, $num, $flag, $opt, $verbose) = ('', 0, 0, undef, 0);
  my $ok = GetOptions(
    'name=s' => \$name, 'num=i' => \$num, 'flag!' => \$flag, 'opt:s' => \$opt,
    'verbose+' => \$verbose, 'list=s@' => $o{list}, 'define=s%' => $o{define},
  );
  print "ok=", ($ok ? 1 : 0), " name=$name num=$num flag=$flag opt=", (defined $opt ? "[$opt]" : "undef"),
    " verbose=$verbose list=@{$o{list}} define=", join(",", map {"$_=$o{define}{$_}"} sort keys %{$o{define}}), " rest=@ARGV\n";
}
run(qw(--name Bob --num 42 --flag rest1 rest2));
run(qw(--noflag --opt --verbose -v --verbose));
run(qw(--opt=val --list a --list b --define x=1 --define y=2 -- --name));
run(qw(--num abc));
run(qw(--unknown));
run(qw(-n Al --nu 7));
Getopt::Long::Configure("bundling");
{
  local @ARGV = qw(-abc -d 5 file);
  my ($a, $b, $c, $d) = (0,0,0,0);
  GetOptions('a' => \$a, 'b' => \$b, 'c' => \$c, 'd=i' => \$d);
  print "a=$a b=$b c=$c d=$d rest=@ARGV\n";
}
Getopt::Long::Configure("no_bundling", "pass_through");
{
  local @ARGV = qw(--x 1 --keep me);
  my %h;
  GetOptions(\%h, 'x=i');
  print "x=$h{x} rest=@ARGV\n";
}
{
  my @arr = qw(--size 10 --color red);
  my ($size, $color);
  Getopt::Long::GetOptionsFromArray(\@arr, 'size=i' => \$size, 'color=s' => \$color);
  print "size=$size color=$color\n";
}
{
  local @ARGV = qw(--cb 5);
  GetOptions('cb=i' => sub { my ($n, $v) = @_; print "cb $n $v\n" });
}
