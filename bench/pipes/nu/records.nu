# Records pipeline (nushell): the same work as ../records.pl. nushell's
# sort-by has one direction for all columns, so the descending score is
# sorted as its negation.
let recs = (1..1000000 | each {|i| {id: $i, score: (($i * 7919) mod 10007), name: $"n($i)"}})
$recs | where score mod 3 == 0 | insert neg {|r| 0 - $r.score} | sort-by neg id | first 10 | get id | str join "\n" | print
