# Exact texts of common runtime errors, caught by eval.
use strict;
use warnings;

sub try_it {
    my ($label, $code) = @_;
    my $r = eval { $code->(); 1 };
    my $e = $@;
    $e = "object " . ref($e) . "\n" if ref $e;
    print "$label: ", ($r ? "ok\n" : $e);
}

package Animal { sub new { bless {}, shift } sub speak { "..." } }

try_it("no method", sub { Animal->new->fly });
try_it("no class method", sub { Nope->new });
try_it("undef invocant", sub { my $o; $o->speak });
try_it("empty invocant", sub { my $o = ""; $o->speak });
try_it("unblessed", sub { my $o = {}; $o->speak });
try_it("not code", sub { my $c = [1]; $c->() });
try_it("undef code", sub { my $c; $c->() });
try_it("undef sub", sub { no strict 'refs'; &{"main::nosuch"}() });
try_it("undef sub2", sub { main::missing_fn(1) });
try_it("not array", sub { my $r = {}; my @x = @$r });
try_it("not hash", sub { my $r = []; my %x = %$r });
try_it("undef array ref", sub { my $r; my @x = @$r });
try_it("undef hash ref", sub { my $r; my %x = %$r });
try_it("div zero", sub { my $z = 0; my $x = 1 / $z });
try_it("mod zero", sub { my $z = 0; my $x = 1 % $z });
try_it("read-only", sub { for my $x (1) { $x = 2 } });
try_it("read-only2", sub { $_ = 1 for (1, 2) });
try_it("symbolic", sub { my $n = "foo"; my $v = $$n });
try_it("string as hash", sub { my $n = "foo"; my $v = $n->{x} });
try_it("sqrt neg", sub { my $v = sqrt(-1) });
try_it("log zero", sub { my $v = log(0) });
try_it("scalar deref", sub { my $r = [1]; my $v = $$r });
try_it("code deref", sub { my $r = 1; no strict 'refs'; $r->() });
try_it("method on num", sub { my $o = 3; $o->foo });
try_it("die obj", sub { die { code => 5 } });
try_it("bad sort sub", sub { my @x = sort { $a->{k} <=> $b->{k} } (1, 2) });
print "end\n";
