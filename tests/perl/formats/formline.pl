# formline: number fields, ^ fields chopping (carriage return breaks, newline is a space), ..., @*, ~ and ~~ lines
$^A=""; formline(q{[@##] [^##] [@0###] [@.##] [@#.##] [@##] [@##] [@##.#]}."\n", 12345, undef, 42, 0.5, 0.5, -5, 2.5, -0.04); print $^A;
for my $t ("The quick brown fox", "The quick", "Thequickbrownfox", "ab\ncd", "ab\ncdefghijklmnop", "ab\rcd efg") {
  my $x = $t; $^A=""; formline("^<<<<<<<<<...|^<<<<<|\n", $x, $x); (my $s=$x)=~s/\n/\\n/g; $s=~s/\r/\\r/g; print $^A, "rest=[$s]\n";
}
my $y = "line1\nline2"; $^A=""; formline("@<<<<<<<<<<<|@>>>>>|@|||||||@*\n", $y, "r", "mid", "a\nb\n"); print $^A;
$^A=""; formline("~ @<< ~~\n", ""); print "[", $^A, "]\n";
$^A=""; my $z = "aaa bbb ccc ddd"; formline("~~^<<<<\n", $z); print $^A;
