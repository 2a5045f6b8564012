#!/usr/bin/perl
use strict;
use warnings;

# Class hierarchy: accounts with inheritance, SUPER::, AUTOLOAD accessors,
# DESTROY, overloaded stringification, exceptions as objects.
package Bank::Error;
sub new { my ($class, %a) = @_; bless {%a}, $class }
sub throw { my $class = shift; die $class->new(@_) }
sub message { $_[0]{message} }

package Bank::Error::Funds;
our @ISA = ('Bank::Error');

package Account;
use overload '""' => sub { $_[0]->describe }, '==' => sub { $_[0]{id} == $_[1]{id} }, fallback => 1;
my $next_id = 1000;
our $AUTOLOAD;
sub new {
    my ($class, %args) = @_;
    my $self = bless { id => $next_id++, owner => $args{owner}, balance => 0, history => [] }, $class;
    $self->deposit($args{initial}) if $args{initial};
    return $self;
}
sub AUTOLOAD {
    my $self = shift;
    (my $name = $AUTOLOAD) =~ s/.*:://;
    return if $name eq 'DESTROY';
    die "no method $name in " . ref($self) . "\n" unless exists $self->{$name};
    $self->{$name} = shift if @_;
    return $self->{$name};
}
sub deposit {
    my ($self, $amt) = @_;
    Bank::Error->throw(message => "invalid amount $amt") unless $amt > 0;
    $self->{balance} += $amt;
    push @{ $self->{history} }, "+$amt";
    return $self;
}
sub withdraw {
    my ($self, $amt) = @_;
    Bank::Error::Funds->throw(message => sprintf("insufficient funds: %.2f < %.2f", $self->{balance}, $amt))
        if $amt > $self->available;
    $self->{balance} -= $amt;
    push @{ $self->{history} }, "-$amt";
    return $self;
}
sub available { $_[0]{balance} }
sub describe { my $s = shift; sprintf "%s#%d(%s: %.2f)", ref $s, $s->{id}, $s->{owner}, $s->{balance} }
sub month_end { }

package Savings;
use parent -norequire, 'Account';
sub new {
    my ($class, %args) = @_;
    my $self = Account::new($class, %args);
    $self->{rate} = $args{rate} // 0.02;
    return $self;
}
sub month_end { my $s = shift; my $i = sprintf "%.2f", $s->{balance} * $s->{rate} / 12; $s->deposit($i) if $i > 0; $i }
sub describe { my $s = shift; $s->SUPER::describe() . sprintf(" @%.1f%%", $s->{rate} * 100) }

package Checking;
use parent -norequire, 'Account';
sub new { my ($class, %a) = @_; my $s = $class->SUPER::new(%a); $s->{overdraft} = $a{overdraft} || 0; $s }
sub available { my $s = shift; $s->SUPER::available() + $s->{overdraft} }
sub month_end { my $s = shift; if ($s->{balance} < 0) { $s->{balance} -= 5; push @{ $s->{history} }, '-5(fee)'; return -5 } 0 }

package main;

my @accounts = (
    Savings->new(owner => 'ann', initial => 1200, rate => 0.05),
    Checking->new(owner => 'bob', initial => 100, overdraft => 200),
    Account->new(owner => 'cy'),
);
print "$_\n" for @accounts;
my @ops = ([0, withdraw => 200], [1, withdraw => 250], [1, withdraw => 100], [2, deposit => -5], [2, deposit => 42.5], [0, deposit => 0.333], [2, withdraw => 50]);
for my $op (@ops) {
    my ($i, $m, $amt) = @$op;
    my $acct = $accounts[$i];
    eval { $acct->$m($amt); 1 } and do { printf "ok   %-8s %7.2f -> %s\n", $m, $amt, $acct; next };
    my $e = $@;
    if (ref $e && $e->isa('Bank::Error::Funds')) { print "FUNDS ", $e->message, "\n" }
    elsif (ref $e && $e->isa('Bank::Error')) { print "ERROR ", ref($e), ": ", $e->message, "\n" }
    else { print "other: $e" }
}
for my $a (@accounts) {
    my $r = $a->month_end;
    printf "month end %-8s => %s\n", ref $a, defined $r ? $r : 'n/a';
}
print "owner via AUTOLOAD: ", $accounts[1]->owner, "\n";
$accounts[2]->owner('cyrus');
print "renamed: $accounts[2]\n";
eval { $accounts[0]->nosuch }; print "error: $@";
print "history ann: @{ $accounts[0]->history }\n";
print "history bob: @{ $accounts[1]{history} }\n";
print "same? ", ($accounts[0] == $accounts[0] ? 'yes' : 'no'), " ", ($accounts[0] == $accounts[1] ? 'yes' : 'no'), "\n";
print "isa: ", join(',', map { $_->isa('Account') ? 1 : 0 } @accounts), " can month_end: ", (Savings->can('month_end') == \&Savings::month_end ? 'own' : 'inherited'), "\n";
my $total = 0;
$total += $_->balance for @accounts;
printf "total %.2f across %d accounts\n", $total, scalar @accounts;
