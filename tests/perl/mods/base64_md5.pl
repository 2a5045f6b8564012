# MIME::Base64, Digest::MD5 (functions and objects), Sys::Hostname: natives for their XS parts.
use strict; use warnings;
use MIME::Base64;
use MIME::Base64 qw(encode_base64url decode_base64url);
use Digest::MD5 qw(md5 md5_hex md5_base64);
use Sys::Hostname;
print encode_base64("Aladdin:open sesame");
print encode_base64("x" x 100);
print encode_base64("ab", ""), "|", encode_base64(""), "|\n";
print decode_base64("QWxhZGRpbjpvcGVuIHNlc2FtZQ=="), "\n";
print encode_base64url("\xff\xfe\xfd"), " ", decode_base64url("__79"), "\n";
print md5_hex(""), "\n", md5_hex("The quick brown fox jumps over the lazy dog"), "\n";
print md5_hex("a" x 1000), " ", md5_base64("abc"), " ", length(md5("x")), "\n";
my $ctx = Digest::MD5->new; $ctx->add("The quick "); $ctx->add("brown fox jumps over the lazy dog");
print $ctx->hexdigest, " ", $ctx->hexdigest, "\n";
print Digest::MD5->new->add("abc")->b64digest, "\n";
print length(hostname()) > 0 ? "host ok\n" : "no host\n";
eval { encode_base64("\x{263a}") }; print "E: ", $@ ? "died\n" : "no\n";
