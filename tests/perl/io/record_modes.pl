# $/ modes: undef (slurp), "" (paragraph), fixed records \N, custom separators;
# chomp with each; $, and $\ for print.
use strict;
use warnings;

my $text = "p1 l1\np1 l2\n\n\n\np2 l1\n\np3 l1\np3 l2\n";
{
    open(my $fh, '<', \$text) or die;
    local $/;
    my $all = <$fh>;
    print "slurp length: ", length($all), "\n";
}
{
    open(my $fh, '<', \$text) or die;
    local $/ = "";
    my @paras = <$fh>;
    print "paragraphs: ", scalar(@paras), "\n";
    for my $p (@paras) {
        my $raw = $p =~ s/\n/\\n/gr;
        chomp(my $c = $p);
        my $ch = $c =~ s/\n/\\n/gr;
        print "  [$raw] chomped [$ch]\n";
    }
}
{
    open(my $fh, '<', \"abcdefghij") or die;
    local $/ = \4;
    my @recs = <$fh>;
    print "fixed records: @recs\n";
}
{
    open(my $fh, '<', \"a;b;;c") or die;
    local $/ = ";";
    my @parts;
    while (my $r = <$fh>) { chomp $r; push @parts, "[$r]" }
    print "custom sep: @parts\n";
}
{
    open(my $fh, '<', \"rec1--rec2--rec3") or die;
    local $/ = "--";
    my @r = <$fh>;
    chomp @r;
    print "multi-char sep: @r (\$. = $.)\n";
}
{
    local $, = "-";
    local $\ = "!\n";
    print "a", "b", "c";
    my @l = (1, 2);
    print @l;
}
{
    local $, = ", ";
    print "x", "y";
    print "\n";
}
print "\$\\ and \$, restored: ", "done", "\n";
{
    local $" = "+";
    my @n = (1, 2, 3);
    print "list sep: @n\n";
}
# $/ affects chomp on plain strings
{
    local $/ = "XY";
    my $s = "dataXY";
    my $removed = chomp $s;
    print "chomp custom: [$s] removed $removed\n";
    $s = "dataXYXY";
    chomp $s;
    print "chomp only once: [$s]\n";
}
{
    local $/ = undef;
    my $s = "keep\n";
    my $removed = chomp $s;
    print "chomp with undef \$/: removed $removed\n";
}
# readline in list context with paragraph mode and trailing blank lines
{
    open(my $fh, '<', \"\n\nfirst\n\n\nsecond\n") or die;
    local $/ = "";
    my @p = map { s/\n/\\n/gr } <$fh>;
    print "leading blank lines skipped: @p\n";
}
