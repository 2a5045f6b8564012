# Time::Piece: gmtime/localtime objects, strftime, strptime, arithmetic (natives for its XS part).
use strict; use warnings;
use Time::Piece;
use Time::Seconds;
my $t = gmtime(1000000000);
print "$t\n", $t->ymd, " ", $t->hms, " ", $t->year, " ", $t->mon, " ", $t->monname, " ", $t->day_of_week, " ", $t->yday, " ", $t->epoch, "\n";
print $t->strftime("%Y-%m-%d %H:%M:%S %A"), "\n";
my $p = Time::Piece->strptime("2024-02-29 13:45:00", "%Y-%m-%d %H:%M:%S");
print $p->ymd, " ", $p->hms, " ", $p->wdayname, " ", $p->yday, " ", $p->epoch, " ", $p->fullmonth, "\n";
my $q = $p + ONE_DAY; print $q->ymd, "\n";
my $diff = $q - $p; print $diff->hours, "\n";
my $r = $p->add_months(1); print $r->ymd, "\n";
print $p->julian_day, " ", $p->is_leap_year ? "leap" : "no", " ", $p->month_last_day, "\n";
print((Time::Piece->strptime("01/02/2023", "%m/%d/%Y") < $p) ? "earlier\n" : "later\n");
my $l = localtime(0); print $l->tzoffset, " ", $l->datetime, "\n";
