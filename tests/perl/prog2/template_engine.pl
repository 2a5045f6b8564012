use strict;
use warnings;

# A small template engine: {{var}}, {{var|filter}}, {{#each list}}…{{/each}},
# {{#if cond}}…{{else}}…{{/if}}, nested data via dotted paths, escaping.
my %filters = (
    upper => sub { uc $_[0] },
    lower => sub { lc $_[0] },
    title => sub { join ' ', map { ucfirst lc } split / /, $_[0] },
    html  => sub { my $s = shift; $s =~ s/([&<>"])/'&#' . ord($1) . ';'/ge; $s },
    money => sub { my $n = sprintf '%.2f', shift; 1 while $n =~ s/^(-?\d+)(\d{3})/$1,$2/; "\$$n" },
    len   => sub { length $_[0] },
    trim  => sub { $_[0] =~ s/^\s+|\s+$//gr },
);

sub lookup {
    my ($ctx, $path) = @_;
    return $ctx->{'.'} if $path eq '.';
    my $v = $ctx;
    for my $part (split /\./, $path) {
        if (ref $v eq 'HASH') { $v = $v->{$part} }
        elsif (ref $v eq 'ARRAY' && $part =~ /^\d+$/) { $v = $v->[$part] }
        else { return undef }
    }
    return $v;
}

sub render {
    my ($tpl, $ctx) = @_;
    $tpl =~ s{\{\{\#each\s+([\w.]+)\}\}(.*?)\{\{/each\}\}}{
        my ($name, $body) = ($1, $2);
        my $list = lookup($ctx, $name) || [];
        my $i = 0;
        join '', map {
            my %c = (%$ctx, (ref $_ eq 'HASH' ? %$_ : ()), '.' => $_, '@index' => $i, '@first' => $i == 0, '@last' => $i == $#$list);
            $i++;
            render($body, \%c);
        } @$list;
    }gse;
    $tpl =~ s{\{\{\#if\s+(!?)([\w.@]+)\}\}(.*?)(?:\{\{else\}\}(.*?))?\{\{/if\}\}}{
        my $v = $2 =~ /^@/ ? $ctx->{$2} : lookup($ctx, $2);
        my $t = ref $v eq 'ARRAY' ? @$v : $v;
        ($1 ? !$t : $t) ? render($3, $ctx) : render($4 // '', $ctx);
    }gse;
    $tpl =~ s{\{\{\s*([\w.@]+)((?:\|\w+)*)\s*\}\}}{
        my ($path, $fl) = ($1, $2);
        my $v = $path =~ /^@/ ? $ctx->{$path} : lookup($ctx, $path);
        $v = '' unless defined $v;
        for my $f (grep { length } split /\|/, $fl) {
            my $code = $filters{$f} or die "unknown filter '$f'\n";
            $v = $code->($v);
        }
        $v;
    }ge;
    return $tpl;
}

my $data = {
    title => 'quarterly <report> & summary',
    author => { name => 'ada lovelace', email => 'ada@example.com' },
    items => [
        { name => 'analytical engine', price => 12500.5, tags => ['math', 'steam'] },
        { name => 'difference engine', price => 999.999, tags => [] },
        { name => 'punch cards', price => 3.25, tags => ['paper'] },
    ],
    notes => [],
    footer => '   thanks for reading   ',
};
my $tpl = <<'TPL';
# {{title|title|html}}
by {{author.name|title}} <{{author.email|upper}}>
{{#each items}}
{{@index}}. {{name|upper}} - {{price|money}}{{#if @last}} (last){{/if}}
   tags: {{#if tags}}{{#each tags}}[{{.}}]{{/each}}{{else}}none{{/if}}
{{/each}}
{{#if notes}}Notes present{{else}}No notes.{{/if}}
{{#if !notes}}(really none){{/if}}
first item: {{items.0.name}} ({{items.0.name|len}} chars)
missing: [{{nothing.here}}]
{{footer|trim}}
TPL
print render($tpl, $data);
my $out = eval { render('{{title|bogus}}', $data) };
print "error: $@";
my @counts = map { scalar(() = render("{{#each items}}x{{/each}}", $data) =~ /x/g) } 1 .. 2;
print "counts: @counts\n";
