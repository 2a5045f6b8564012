# formats: STDOUT_TOP and STDOUT with @<<< @##.## ^<<< ~~ fields, $~ switching, @> @| @*, $-
our ($name, $amount, $desc);
format STDOUT_TOP =
Name       Amount  Description
---------- ------- --------------------
.
format STDOUT =
@<<<<<<<<< @##.## ^<<<<<<<<<<<<<<<<<<<
$name,     $amount, $desc
~~         ^<<<<<<<<<<<<<<<<<<<
           $desc
.
for (['apple', 1.5, 'A red fruit that grows on trees in orchards'], ['kiwi', 22.25, 'Green']) {
    ($name, $amount, $desc) = @$_;
    write;
}
$~ = 'OTHER';
format OTHER =
@>>>>>>> @|||||||| @<<<<
"right", "center", "left"
@*
"multi\nline"
.
write;
print "lines left: $-\n";
