# Formats see the lexicals of the code around them as they are at each write; $% and $- of other handles.
my $v = "init";
format STDOUT =
v=@<<<<<
$v
.
for $v (qw(a b)) { write; }
sub r { my $row; format ROWS =
* @<<<<<<
  $row
.
  local $~ = "ROWS"; $row = "first"; write; $row = "second"; write; }
r();
my ($name, $amt);
format REP =
@<<<<<<<< @>>>>>
$name, $amt
.
$~ = "REP";
for my $r (["x", 1], ["y", 2]) { ($name, $amt) = @$r; write; }
sub rep { for (["p", 3]) { ($name, $amt) = @$_; write } } rep();
$~ = "STDOUT";
write; print "$-\n";
our $n;
open(OUT, '>', '/tmp/psh_fmt_scope.$$.txt');
format OUT_TOP =
Top @<
$%
.
format OUT =
r @<
$n
.
select(OUT); $= = 4; select(STDOUT);
for $n (1..5) { write OUT }
close OUT; open(IN, '<', '/tmp/psh_fmt_scope.$$.txt'); print <IN>;
unlink "/tmp/psh_fmt_scope.$$.txt";
