# psh's Encode: UTF-8, Latin-1 and ASCII, with perl's Encode interface. The
# conversions themselves are native (Encode::_psh_encode / _psh_decode).
package Encode;
use strict;
no warnings 'redefine';
our $VERSION = '3.17';
require Exporter;
our @ISA = ('Exporter');
our @EXPORT = qw(decode decode_utf8 encode encode_utf8 str2bytes bytes2str
  encodings find_encoding find_mime_encoding clone_encoding);
our @FB_CONSTS = qw(FB_DEFAULT FB_CROAK FB_QUIET FB_WARN FB_PERLQQ FB_HTMLCREF FB_XMLCREF);
our @FB_CONSTS_ALL = (@FB_CONSTS, qw(DIE_ON_ERR WARN_ON_ERR RETURN_ON_ERR LEAVE_SRC
  PERLQQ HTMLCREF XMLCREF STOP_AT_PARTIAL));
our @EXPORT_OK = (qw(_utf8_off _utf8_on define_encoding from_to is_16bit is_8bit
  is_utf8 perlio_ok resolve_alias utf8_downgrade utf8_upgrade),
  qw(DIE_ON_ERR WARN_ON_ERR RETURN_ON_ERR LEAVE_SRC PERLQQ HTMLCREF XMLCREF
  STOP_AT_PARTIAL), @FB_CONSTS);
our %EXPORT_TAGS = (
    all          => [ @EXPORT, @EXPORT_OK ],
    default      => [ @EXPORT ],
    fallbacks    => [ @FB_CONSTS ],
    fallback_all => [ @FB_CONSTS_ALL ],
);

sub DIE_ON_ERR ()      { 0x0001 }
sub WARN_ON_ERR ()     { 0x0002 }
sub RETURN_ON_ERR ()   { 0x0004 }
sub LEAVE_SRC ()       { 0x0008 }
sub ONLY_PRAGMA_WARNINGS () { 0x0010 }
sub PERLQQ ()          { 0x0100 }
sub HTMLCREF ()        { 0x0200 }
sub XMLCREF ()         { 0x0400 }
sub STOP_AT_PARTIAL () { 0x0800 }
sub FB_DEFAULT ()      { 0 }
sub FB_CROAK ()        { 0x0001 }
sub FB_QUIET ()        { 0x0004 }
sub FB_WARN ()         { 0x0006 }
sub FB_PERLQQ ()       { 0x0108 }
sub FB_HTMLCREF ()     { 0x0208 }
sub FB_XMLCREF ()      { 0x0408 }

my %alias = (
    'utf8' => 'utf8', 'utf-8' => 'utf-8-strict', 'utf-8-strict' => 'utf-8-strict',
    'latin1' => 'iso-8859-1', 'latin-1' => 'iso-8859-1', 'iso-8859-1' => 'iso-8859-1',
    'iso8859-1' => 'iso-8859-1', 'iso_8859-1' => 'iso-8859-1', 'l1' => 'iso-8859-1',
    'ascii' => 'ascii', 'us-ascii' => 'ascii', 'ansi_x3.4-1968' => 'ascii',
    'iso-646-us' => 'ascii',
);
my %mime = ('utf8' => 'UTF-8', 'utf-8-strict' => 'UTF-8', 'iso-8859-1' => 'ISO-8859-1',
    'ascii' => 'US-ASCII');
my %objects;

sub resolve_alias {
    my $name = shift;
    return 0 unless defined $name;
    return $name->name if ref $name;
    my $n = lc $name;
    $n =~ s/^\s+|\s+$//g;
    $n = 'utf-8' if $n eq 'utf-8';
    return $alias{$n} if exists $alias{$n};
    return 0;
}

sub find_encoding {
    my ($name) = @_;
    return $name if ref $name;
    my $canon = resolve_alias($name) or return undef;
    $objects{$canon} ||= bless { Name => $canon },
        ($canon =~ /^utf/ ? 'Encode::utf8' : 'Encode::XS');
}

sub find_mime_encoding {
    my $name = shift;
    for my $canon (keys %mime) {
        return find_encoding($canon) if lc $mime{$canon} eq lc $name;
    }
    undef;
}

sub clone_encoding {
    my $e = find_encoding(shift) or return;
    bless { %$e }, ref $e;
}

sub encodings { sort values %{{ map { $_ => $_ } values %alias }} }
sub perlio_ok { 1 }
sub define_encoding { $_[0] }

sub _enc {
    my ($name, $what) = @_;
    my $e = find_encoding($name);
    unless ($e) {
        require Carp;
        Carp::croak("Unknown encoding '$name'");
    }
    $e;
}

sub encode($$;$) {
    my ($name, $string, $check) = @_;
    return undef unless defined $string;
    my $e = _enc($name);
    $string = "$string";
    my $out = $e->encode($string, $check);
    $_[1] = $string if $check && !ref $check && !($check & LEAVE_SRC());
    $out;
}

sub decode($$;$) {
    my ($name, $octets, $check) = @_;
    return undef unless defined $octets;
    my $e = _enc($name);
    $octets = "$octets";
    my $out = $e->decode($octets, $check);
    $_[1] = $octets if $check && !ref $check && !($check & LEAVE_SRC());
    $out;
}

sub from_to($$$;$) {
    my ($data, $from, $to, $check) = @_;
    my $chars = decode($from, $data, $check);
    return undef unless defined $chars;
    $_[0] = encode($to, $chars, $check);
    length $_[0];
}

sub encode_utf8($) {
    my ($str) = @_;
    return undef unless defined $str;
    utf8::encode($str);
    $str;
}

sub decode_utf8($;$) {
    my ($octets, $check) = @_;
    return undef unless defined $octets;
    return $octets if is_utf8($octets);
    find_encoding('utf8')->decode("$octets", $check);
}

sub str2bytes { encode(@_) }
sub bytes2str { decode(@_) }

sub is_utf8 { utf8::is_utf8($_[0]) }
sub _utf8_on { Encode::_psh_flag($_[0], 1) }
sub _utf8_off { Encode::_psh_flag($_[0], 0) }
sub utf8_upgrade { utf8::upgrade($_[0]) }
sub utf8_downgrade { utf8::downgrade($_[0], $_[1]) }
sub is_8bit { 0 }
sub is_16bit { 0 }

package Encode::Encoding;

sub name { $_[0]->{Name} }
sub mime_name { $mime{ $_[0]->{Name} } }
sub renew { $_[0] }
sub renewed { 0 }
sub perlio_ok { 1 }
sub needs_lines { 0 }
sub DESTROY { }

our @CARP_NOT = ('Encode');

sub _check { my $c = shift; ref $c ? Encode::PERLQQ() : ($c || 0) }

sub encode {
    my ($self, $string, $check) = @_;
    return undef unless defined $string;
    my ($out, $rest, $err) = Encode::_psh_encode($self->{Name}, $string, _check($check));
    if ($err) { require Carp; Carp::croak($err) }
    $_[1] = $rest if $check && !ref $check && !($check & Encode::LEAVE_SRC());
    $out;
}

sub decode {
    my ($self, $octets, $check) = @_;
    return undef unless defined $octets;
    my ($out, $rest, $err) = Encode::_psh_decode($self->{Name}, $octets, _check($check));
    if ($err) { require Carp; Carp::croak($err) }
    $_[1] = $rest if $check && !ref $check && !($check & Encode::LEAVE_SRC());
    $out;
}

package Encode::utf8;
our @ISA = ('Encode::Encoding');

package Encode::XS;
our @ISA = ('Encode::Encoding');

1;
