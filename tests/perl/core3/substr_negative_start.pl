# substr with a start before the beginning of the string: cut to it unless the substring lies wholly before it.
for ([-5,1],[-5,2],[-5,3],[-5],[-3,-5],[-5,-1],[-5,-3],[4],[3],[-4,0],[1,1],[-1],[-2,5],[0,10]) { my @a=@$_; my $r = @a==2 ? substr("abc",$a[0],$a[1]) : substr("abc",$a[0]); print "@a => ", (defined $r ? "[$r]" : "undef"), "\n" }
print defined(substr("",-1)) ? "def\n" : "undef\n";
my $s = "0x1f"; print "[", substr($s,-7,7), "][", substr($s,-7), "][", substr("abcdef",-10,6), "]\n";
