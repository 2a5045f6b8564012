# LEN/ITEM in pack and unpack: string lengths, counted items and groups.
print join("|", unpack('a3/A A*', '007 Bond  J ')), "\n";
print join("|", unpack('A2/a*', "03abcdef")), "\n";
print unpack("H*", pack('n/(a2)', "aa","bb","cc")), "\n";
print unpack("H*", pack('C/n', 1,2,3)), "\n";
print unpack("H*", pack('C/a*', "hello")), "\n";
print unpack("H*", pack('n/a* C', "hi", 7)), "\n";
print join("|", unpack('C/a* C', pack('C/a* C', "hello", 7))), "\n";
print join("|", unpack('n/(a2)', pack('n/(a2)', "aa","bb","cc"))), "\n";
print join("|", unpack('C/n', pack('C/n', 1,2,3))), "\n";
eval { my @x = unpack('C/a3', "\3abc") }; print "err: $@";
print unpack("H*", pack('N/Z*', "abc")), "\n";
