# Text pipeline (nushell): count the ERROR lines of the log ../text.pl writes.
open --raw /tmp/psh-bench-pipes.log | lines | where {|l| $l =~ "ERROR"} | length | print
