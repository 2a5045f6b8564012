# Test::More (on Test2) as scripts use it: passing and failing checks, their
# diagnostics on stderr, subtests, skip and todo, and the exit status.
use strict;
use warnings;
use Test::More;

ok(1, 'ok passes');
ok(0, 'ok fails');
is(2 + 2, 4, 'is');
is("abc", "abd", 'is fails');
isnt(1, 2, 'isnt');
like("hello world", qr/wor/, 'like');
unlike("hello", qr/z/, 'unlike');
cmp_ok(5, '<', 10, 'cmp_ok');
cmp_ok(5, '==', 6, 'cmp_ok fails');
is_deeply([1, { a => [2, 3] }], [1, { a => [2, 3] }], 'is_deeply');
is_deeply({ a => 1, b => [1, 2] }, { a => 1, b => [1, 3] }, 'is_deeply fails');
can_ok('Test::More', qw(ok is));
my $obj = bless {}, 'My::Class';
isa_ok($obj, 'My::Class');
pass('pass');
note("a note");
diag("a diag");
subtest 'inner' => sub {
    plan tests => 2;
    ok(1, 'inner one');
    is(1, 1, 'inner two');
};
SKIP: {
    skip "no reason", 2 if 1;
    ok(0, 'skipped');
    ok(0, 'skipped too');
}
TODO: {
    local $TODO = 'not yet';
    ok(0, 'todo test');
}
is(undef, undef, 'undef is undef');
is(undef, '', 'undef vs empty');
done_testing();
