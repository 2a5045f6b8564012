# ps pipeline (nushell): processes using more than 100 kB, busiest first.
let busy = (ps | where mem > 100kb | sort-by cpu --reverse)
print (if ($busy | length) > 0 { "ok" } else { "none" })
