# Records pipeline (plain Perl): grep + sort + head over 10^6 hashrefs.
my @recs = map { { id => $_, score => ($_ * 7919) % 10007, name => "n$_" } } 1 .. 1_000_000;
my @top = (sort { $b->{score} <=> $a->{score} || $a->{id} <=> $b->{id} }
           grep { $_->{score} % 3 == 0 } @recs)[0 .. 9];
print "$_\n" for map { $_->{id} } @top;
