# JSON::PP: encode/decode, canonical, pretty, booleans, errors.
use strict; use warnings;
use JSON::PP;
my $json = JSON::PP->new->canonical;
my $data = { name => "Alice", age => 30, tags => ["a", "b"], nested => { t => JSON::PP::true, f => JSON::PP::false, n => undef }, pi => 3.14, s => "quote\"and\\slash\n", u => "caf\x{e9}" };
print $json->encode($data), "\n";
print $json->pretty->encode($data);
my $d = decode_json('{"x":[1,2,{"y":"z"}],"b":true,"f":false,"n":null,"num":-1.5e2,"str":"a\u00e9\n"}');
print join(",", map { "$_=" . (ref $d->{$_} ? ref $d->{$_} : defined $d->{$_} ? $d->{$_} : 'undef') } sort keys %$d), "\n";
print $d->{x}[2]{y}, " ", ($d->{b} ? "T" : "F"), ($d->{f} ? "T" : "F"), " ", $d->{num}, "\n";
print JSON::PP->new->canonical->encode($d), "\n";
print encode_json([1, "2", 3.5, "x"]), "\n";
my $num = "42"; my $n2 = 42;
print encode_json([$num, $n2, 10/4, 1e3]), "\n";
eval { decode_json('{bad json}') }; print "err: ", ($@ =~ /^(.{0,40})/)[0], "\n";
print JSON::PP->new->allow_nonref->encode("str"), "\n";
print JSON::PP->new->canonical->indent->space_after->encode({a=>1,b=>[]}), "\n";
