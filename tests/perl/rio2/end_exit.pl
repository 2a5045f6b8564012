# END blocks order, $? inside END, exit codes from die and exit, END modifying $?.
use strict;
use warnings;

END { print "END 1 (runs last), status=$?\n"; }
END {
    print "END 2, status=$?\n";
    $? = 3 if $? == 7;
}
END { print "END 3 (runs first)\n" }

print "main start\n";
my $x = eval { exit_in_eval_test() };
sub exit_in_eval_test { return "no exit" }
print "eval result: $x\n";

# die inside eval does not trigger END
eval { die "caught\n" };
print "after eval: $@";

# $? after system-less code is 0
print "status now: $?\n";

# nested sub calling exit from within eval still exits
sub finish { print "finishing\n"; exit 7 }
eval { finish(); };
print "not reached\n";
