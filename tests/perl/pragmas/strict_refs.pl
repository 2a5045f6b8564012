# strict refs at runtime, and what no strict allows.
use strict;
use warnings;

our $target = "package var";
our @list = (1, 2, 3);
my $name = "target";
my $r = eval { no warnings; my $v = $$name; 1 };
print "strict refs scalar: ", ($r ? "ok" : $@ =~ s/ at .*//sr), "\n";
{
    no strict 'refs';
    print "symbolic scalar: ${$name}\n";
    print "symbolic array: @{'list'}\n";
    print "symbolic qualified: ${'main::target'}\n";
    ${"dynamic_var"} = "created";
    print "created: ${'dynamic_var'} $main::dynamic_var\n";
    *{"main::gen_sub"} = sub { "generated sub" };
    print "generated: ", gen_sub(), "\n";
    my $subname = "gen_sub";
    print "symbolic call: ", &$subname(), " ", &{\&$subname}(), "\n";
}
{
    no strict 'vars';
    $loose = "no strict vars";
    print "loose: $loose\n";
}
my $ok = eval q{ use strict; $another_undeclared = 1; 1 };
print "string eval strict error: ", ($ok ? "none" : $@ =~ /^(Global symbol "\$another_undeclared" requires explicit package name)/ ? $1 : $@), "\n";
print "fully qualified is fine: ", do { $main::fq = 5; $main::fq }, "\n";
