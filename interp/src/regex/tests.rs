//! Checks against /usr/bin/perl (when it is installed) and against results
//! verified with perl 5.36.

use super::*;
use crate::ast::{ReFlags, TrFlags};
use std::io::Write as _;
use std::process::{Command, Stdio};

fn hex(b: &[u8]) -> String {
    if b.is_empty() {
        return "-".into();
    }
    b.iter().map(|x| format!("{:02x}", x)).collect()
}

fn flags_of(s: &str) -> ReFlags {
    let mut f = ReFlags::default();
    let mut xs = 0;
    let mut as_ = 0;
    for c in s.chars() {
        match c {
            'i' => f.i = true,
            'm' => f.m = true,
            's' => f.s = true,
            'x' => xs += 1,
            'n' => f.n = true,
            'a' => as_ += 1,
            'p' => f.p = true,
            _ => panic!("flag {c}"),
        }
    }
    f.x = xs >= 1;
    f.xx = xs >= 2;
    f.a = as_ >= 1;
    f
}

fn perl_available() -> bool {
    std::path::Path::new("/usr/bin/perl").exists()
}

/// Runs perl with `script`, feeding `input`, returning its stdout lines.
fn perl(script: &str, input: &str) -> Vec<String> {
    let mut child = Command::new("/usr/bin/perl")
        .arg("-e")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run perl");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|s| s.to_string())
        .collect()
}

/// (pattern, pattern utf8, flags, subject, subject utf8, start byte offset)
type Case<'a> = (&'a [u8], bool, &'a str, &'a [u8], bool, usize);

const MATCH_SCRIPT: &str = r#"
no warnings;
while (my $l = <STDIN>) {
    chomp $l;
    my ($p, $pu, $fl, $s, $su, $start) = split / /, $l;
    $fl = "" if $fl eq "-";
    for ($p, $s) { $_ = $_ eq "-" ? "" : pack("H*", $_) }
    if ($pu) { utf8::decode($p); utf8::upgrade($p) }
    if ($su) { utf8::decode($s); utf8::upgrade($s) }
    my $re = eval "qr/\$p/$fl";
    if (!defined $re) { print "ERR\n"; next }
    my $cstart = $start;
    if ($su) { my $b = $s; utf8::encode($b); my $pre = substr($b, 0, $start); utf8::decode($pre); $cstart = length $pre }
    pos($s) = $cstart;
    if ($s =~ /$re/g) {
        my @o;
        for my $i (0 .. $#+) {
            if (!defined $-[$i]) { push @o, "-"; next }
            my ($a, $b) = ($-[$i], $+[$i]);
            if ($su) {
                my $x = substr($s, 0, $a); utf8::encode($x); my $y = substr($s, 0, $b); utf8::encode($y);
                ($a, $b) = (length $x, length $y);
            }
            push @o, "$a,$b";
        }
        print "M @o\n";
    } else {
        print "N\n";
    }
}
"#;

fn ours(c: &Case) -> String {
    let (p, pu, fl, s, su, start) = *c;
    let re = match compile(p, pu, &flags_of(fl)) {
        Ok(r) => r,
        Err(_) => return "ERR".into(),
    };
    match re.find_at(s, su, start) {
        None => "N".into(),
        Some(m) => {
            let mut o = vec![];
            for i in 0..m.len() {
                match m.get(i) {
                    None => o.push("-".to_string()),
                    Some((a, b)) => o.push(format!("{a},{b}")),
                }
            }
            format!("M {}", o.join(" "))
        }
    }
}

fn check_against_perl(cases: &[Case]) {
    if !perl_available() {
        eprintln!("perl not available; skipping oracle check");
        return;
    }
    let mut input = String::new();
    for (p, pu, fl, s, su, start) in cases {
        let fl = if fl.is_empty() { "-" } else { fl };
        input.push_str(&format!(
            "{} {} {} {} {} {}\n",
            hex(p),
            *pu as u8,
            fl,
            hex(s),
            *su as u8,
            start
        ));
    }
    let expect = perl(MATCH_SCRIPT, &input);
    assert_eq!(expect.len(), cases.len(), "perl output: {expect:?}");
    let mut bad = vec![];
    for (c, e) in cases.iter().zip(expect) {
        let got = ours(c);
        if got != e {
            bad.push(format!(
                "pattern {:?} (utf8 {}) /{}/ subject {:?} (utf8 {}) start {}: perl {e}, ours {got}",
                String::from_utf8_lossy(c.0),
                c.1,
                c.2,
                String::from_utf8_lossy(c.3),
                c.4,
                c.5
            ));
        }
    }
    assert!(bad.is_empty(), "mismatches:\n{}", bad.join("\n"));
}

#[test]
fn matches_like_perl() {
    let u = "é".as_bytes();
    let cases: Vec<Case> = vec![
        (b"a(b)(c)?", false, "", b"xxabd", false, 0),
        (b"(a)|(b)", false, "", b"b", false, 0),
        (
            b"(?<year>\\d{4})-(?<mon>\\d\\d)",
            false,
            "",
            b"on 2024-05-01",
            false,
            0,
        ),
        (b"(?P<x>a)(?P=x)", false, "", b"baa", false, 0),
        (b"(?<n>a)|(?<n>b)", false, "", b"b", false, 0),
        (b"\\Ga", false, "", b"aab", false, 1),
        (b"\\Ga", false, "", b"aab", false, 2),
        (b"\\Gb", false, "", b"aab", false, 1),
        (b"a$", false, "", b"a\n", false, 0),
        (b"a$", false, "", b"a\nb", false, 0),
        (b"a\\z", false, "", b"a\n", false, 0),
        (b"a\\Z", false, "", b"a\n", false, 0),
        (b"\\Aa", false, "", b"ba", false, 1),
        (b"^b", false, "m", b"a\nb", false, 0),
        (b"a$", false, "m", b"a\nb", false, 0),
        (b"a.b", false, "", b"a\nb", false, 0),
        (b"a.b", false, "s", b"a\nb", false, 0),
        (b"ABC", false, "i", b"xabc", false, 0),
        (b"a b c # comment\n d", false, "x", b"abcd", false, 0),
        (b"[a b]+", false, "xx", b" ab", false, 0),
        (b"(a)(b)", false, "n", b"ab", false, 0),
        (b"(?<q>a)(b)", false, "n", b"ab", false, 0),
        (b"\\w", false, "", b"\xe9", false, 0),
        (b"\\w", false, "", u, true, 0),
        (b"\\w", false, "a", u, true, 0),
        (b"\\xc9", false, "i", b"\xe9", false, 0),
        (b"\\xc9", false, "i", u, true, 0),
        (b"\\xc9", false, "ia", b"\xe9", false, 0),
        ("É".as_bytes(), true, "i", b"x\xe9", false, 0),
        ("é+".as_bytes(), true, "", b"a\xe9\xe9b", false, 0),
        (b"\\xe9(.)", false, "", "aéßc".as_bytes(), true, 0),
        (b".", false, "", "ßc".as_bytes(), true, 1),
        (b"\\x{100}", false, "", "aĀ".as_bytes(), true, 0),
        (b"[[:alpha:]]+", false, "", b"12ab\xe93", false, 0),
        (b"[[:alpha:]]+", false, "", "12abé3".as_bytes(), true, 0),
        (b"\\p{L}+", false, "", b"1\xe9a", false, 0),
        (b"\\s", false, "", b"a\xa0", false, 0),
        (b"\\s", false, "", "a\u{a0}".as_bytes(), true, 0),
        (b"\\d+", false, "", "x\u{663}\u{664}".as_bytes(), true, 0),
        (b"\\d+", false, "a", "x\u{663}12".as_bytes(), true, 0),
        (b"\\N{U+263A}", false, "", "a\u{263a}".as_bytes(), true, 0),
        (b"\\o{101}\\x41\\cA", false, "", b"AA\x01", false, 0),
        (b"(a)\\g{-1}\\g1", false, "", b"aaa", false, 0),
        (b"(?|(a)|(b))", false, "", b"b", false, 0),
        (b"a{,2}", false, "", b"aaa", false, 0),
        (b"x{", false, "", b"x{", false, 0),
        (b"a{3,1}", false, "", b"aaa", false, 0),
        (b"\\Qa.b\\E+", false, "", b"Qa.bEE", false, 0),
        (b"a\\Kb", false, "", b"ab", false, 0),
        (b"\\h+\\v", false, "", b"a \t\n", false, 0),
        (b"\\R", false, "", b"a\r\n", false, 0),
        (b"(?^i:a)B", false, "", b"AB", false, 0),
        (b"(?^i:a)B", false, "", b"Ab", false, 0),
        (b"(?i)a(?-i)b", false, "", b"AB", false, 0),
        (b"(?x: a b )c", false, "", b"abc", false, 0),
        (b"(?^u:\\w)", false, "", b"\xe9", false, 0),
        (b"(?a:\\w)", false, "", "é".as_bytes(), true, 0),
        (b"a++b", false, "", b"aab", false, 0),
        (b"(?>a+)a", false, "", b"aaa", false, 0),
        (b"(?<=a)b", false, "", b"ab", false, 0),
        (b"(?<=a|bc)d", false, "", b"bcd", false, 0),
        (b"\\bfoo\\b", false, "", b"a foo b", false, 0),
        (b"\\b{wb}foo", false, "", b"a foo b", false, 0),
        (b"[\\w-]+", false, "", b"--a-b", false, 0),
        (b"[]a]+", false, "", b"x]a]", false, 0),
        (b"[^]a]+", false, "", b"]]xy", false, 0),
        (b"\\x{e9}", false, "", b"\xe9", false, 0),
        (b"\xe9", false, "", b"\xe9", false, 0),
        (b"\xe9", false, "", "é".as_bytes(), true, 0),
        (b"", false, "", b"abc", false, 1),
        (b"a|", false, "", b"xyz", false, 0),
        (b"(a)?b", false, "", b"b", false, 0),
        (b"a\\Ub", false, "", b"aUb", false, 0),
        (b"\\d\\D\\w\\W\\s\\S", false, "", b"1a_ \t x", false, 0),
        (b"(?#comment)a", false, "", b"a", false, 0),
        (b"(*pla:a)a", false, "", b"a", false, 0),
        (b"a(*SKIP)(*FAIL)|b", false, "", b"ab", false, 0),
        (b"(?(DEFINE)(?<d>\\d))(?&d)+", false, "", b"x12", false, 0),
        (b"^(\\((?:[^()]|(?1))*\\))", false, "", b"(a(b)c)", false, 0),
        (b"\\p{IsAlpha}+", false, "", b"1ab2", false, 0),
        (b"\\p{Greek}", false, "", "aβ".as_bytes(), true, 0),
        (b"\\p{Lu}", false, "", b"aB", false, 0),
        (b"[\\p{Lu}\\d]+", false, "", b"aB1", false, 0),
        (b"\\X", false, "", "e\u{301}x".as_bytes(), true, 0),
        (b"\\w+", false, "", "\u{3b1}\u{3b2}".as_bytes(), true, 2),
        (
            b"[\\x{100}-\\x{200}]",
            false,
            "",
            "a\u{150}".as_bytes(),
            true,
            0,
        ),
        (b"\\x{3a3}", false, "i", "\u{3c3}".as_bytes(), true, 0),
        (b"k", false, "i", "\u{212a}".as_bytes(), true, 0),
        (b"\\w\\b", false, "", b"\xe9a", false, 0),
        (b"\\N+", false, "", b"ab\ncd", false, 0),
        (b"a # c", false, "x", b"a", false, 0),
        (b"\\#a", false, "x", b"#a", false, 0),
        (b"[#]a", false, "x", b"#a", false, 0),
        (b"\\ a", false, "x", b" a", false, 0),
        (b"a{2}+", false, "", b"aaaa", false, 0),
        (b"\\1(a)", false, "", b"aa", false, 0),
        (b"(a)\\10", false, "", b"a\x08", false, 0),
        (b"[\\b]", false, "", b"a\x08", false, 0),
        (
            b"\\e\\a\\t\\f\\r\\n",
            false,
            "",
            b"\x1b\x07\t\x0c\r\n",
            false,
            0,
        ),
        (b"[[:^digit:]]+", false, "", b"12ab3", false, 0),
        (b"[[:word:]]+", false, "", b"-a_1-", false, 0),
        (b"[a-\\d]+", false, "", b"x-a1-", false, 0),
        (b"[\\w-z]+", false, "", b"%-a1-", false, 0),
        (b"[[:digit:]-z]+", false, "", b"%-z1-", false, 0),
    ];
    check_against_perl(&cases);
}

#[test]
fn more_syntax_like_perl() {
    let cases: Vec<Case> = vec![
        (b"(?^:(?<a>x)|(?<a>y))", false, "", b"y", false, 0),
        (b"(a # ) not the end\n)b", false, "x", b"ab", false, 0),
        (b"(?x) a (?-x) b", false, "", b"a b", false, 0),
        (b"(?x: a ) b", false, "", b"a b", false, 0),
        (b"(?^x: a ) b", false, "x", b"ab", false, 0),
        (b"(?i-sm:a.)", false, "s", b"A\n", false, 0),
        ("[é-ü]+".as_bytes(), true, "", "aéöü".as_bytes(), true, 0),
        ("[é-ü]+".as_bytes(), true, "", b"a\xe9\xf6\xfc", false, 0),
        (b"[\\N{U+41}-\\N{U+43}]+", false, "", b"xABCD", false, 0),
        (b"\\p{Letter}+", false, "", b"1ab", false, 0),
        (b"\\p{Uppercase_Letter}", false, "", b"aB", false, 0),
        (
            b"\\p{Script=Greek}",
            false,
            "",
            "a\u{3b2}".as_bytes(),
            true,
            0,
        ),
        (b"\\p{sc=Grek}", false, "", "a\u{3b2}".as_bytes(), true, 0),
        (b"\\p{Han}", false, "", "a\u{4e00}".as_bytes(), true, 0),
        (
            b"\\p{InBasicLatin}+",
            false,
            "",
            "\u{3b2}ab".as_bytes(),
            true,
            0,
        ),
        (b"\\p{Digit}+", false, "", b"a12", false, 0),
        (b"\\p{XPosixSpace}", false, "", b"a b", false, 0),
        (b"\\p{Word}+", false, "", b"-a_1-", false, 0),
        (b"\\p{IsSpace}", false, "", b"a\tb", false, 0),
        (b"\\P{L}", false, "", b"ab1", false, 0),
        (b"\\p{^L}", false, "", b"ab1", false, 0),
        (b"\\pN", false, "", b"ab1", false, 0),
        (b"\\p{Punct}", false, "", b"ab,", false, 0),
        (b"\\p{Alnum}+", false, "", b",ab1,", false, 0),
        (b"\\p{Cased}+", false, "", b",ab1,", false, 0),
        (b"\\p{Dash}", false, "", b"a-b", false, 0),
        (b"\\p{Any}", false, "", b"a", false, 0),
        (b"\\p{PosixAlpha}+", false, "", "1aé".as_bytes(), true, 0),
        (b"\\p{XDigit}+", false, "", b"xx1fg", false, 0),
        (b"[\\p{Alpha}\\d]+", false, "", b",ab1,", false, 0),
        (
            b"(?<n>a)\\g{n}\\k{n}\\k'n'\\k<n>",
            false,
            "",
            b"aaaaa",
            false,
            0,
        ),
        (b"(?'n'a)(?P>n)", false, "", b"aa", false, 0),
        (b"a(?R)?b", false, "", b"aabb", false, 0),
        (b"(a)(?-1)(?+1)(b)", false, "", b"aabb", false, 0),
        (b"(a)?(?(1)b|c)", false, "", b"c", false, 0),
        (b"(?<q>a)?(?(<q>)b|c)", false, "", b"ab", false, 0),
        (b"(|)", false, "", b"a", false, 0),
        (b"\\x", false, "", b"a\0", false, 0),
        (b"\\012\\0", false, "", b"\n\0", false, 0),
        (
            b"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10",
            false,
            "",
            b"abcdefghijj",
            false,
            0,
        ),
        (b"\\b{gcb}", false, "", b"ab", false, 0),
        (b"a(*PRUNE)b|ac", false, "", b"ac", false, 0),
        (b"(*positive_lookahead:a)", false, "", b"ba", false, 0),
        (b"(?<!a)b", false, "", b"abb", false, 0),
        (b"a{1,3}?", false, "", b"aaa", false, 0),
        (b"a{2,}+a", false, "", b"aaa", false, 0),
        (b"\\ca\\c[", false, "", b"\x01\x1b", false, 0),
        (b"^$", false, "m", b"a\n\nb", false, 0),
        (b"$", false, "", b"ab\n", false, 0),
        (b"\\z", false, "", b"ab\n", false, 0),
        (b".+", false, "", "\u{263a}\u{263b}\n".as_bytes(), true, 3),
        (b"\\S+", false, "", b"  \xe9\xe8 ", false, 0),
        (b"\\W", false, "", b"a\xe9", false, 0),
        (b"[^a]", false, "", "a\u{100}".as_bytes(), true, 0),
        (b"[^\\w]", false, "", b"a\xe9", false, 0),
        ("ü".as_bytes(), true, "i", "Ü".as_bytes(), true, 0),
        (b"\\xfc", false, "i", "Ü".as_bytes(), true, 0),
        (b"\\xdc", false, "i", b"\xfc", false, 0),
        (b"[[:upper:]]", false, "i", b"a", false, 0),
        (b"[[:^space:]]+", false, "", b" ab ", false, 0),
        (b"\\d{2,}?", false, "", b"12345", false, 0),
        (b"x*", false, "", b"aaa", false, 2),
        (b"(?s).", false, "", b"\n", false, 0),
        (b"(?m)^b", false, "", b"a\nb", false, 0),
        (b"a(?#x)b", false, "x", b"ab", false, 0),
        (b"a\\\n", false, "", b"a\n", false, 0),
        (b"[\\]]", false, "", b"]", false, 0),
        (b"[a\\-z]+", false, "", b"b-az", false, 0),
        (b"[\\Q.]\\E]", false, "", b"x.", false, 0),
        (b"(?<a>.)(?<b>.)?", false, "", b"x", false, 0),
        (b"a\\Eb", false, "", b"aEb", false, 0),
        (b"\\G", false, "", b"abc", false, 3),
        (b"\\w", true, "", b"\xe9", false, 0),
        ("(?<é>x)\\k<é>".as_bytes(), true, "", b"axx", false, 0),
        (b"(?aa)k", false, "i", "\u{212a}".as_bytes(), true, 0),
        (b"(?a)k", false, "i", "\u{212a}".as_bytes(), true, 0),
        (b"(?^aa:k)", false, "i", "\u{212a}".as_bytes(), true, 0),
        (b"^a{ 2 }$", false, "", b"aa", false, 0),
        (b"a{1", false, "", b"a{1", false, 0),
        (b"a{2,3", false, "", b"a{2,3", false, 0),
        (b"{", false, "", b"x{", false, 0),
        (b"\\p{InGreek}", false, "", b"ab", false, 0),
        (
            b"\\p{InLatin1Supplement}+",
            false,
            "",
            b"a\xe9\xe8",
            false,
            0,
        ),
    ];
    check_against_perl(&cases);
}

#[test]
fn not_empty_at_start_follows_perl_g() {
    // perl: "ab" =~ /(|a)/g gives "", "a", "", "".
    let re = compile(b"(|a)", false, &ReFlags::default()).unwrap();
    let s = b"ab";
    let mut pos = 0;
    let mut last_empty = false;
    let mut got = vec![];
    loop {
        let m = re.try_find_at(s, false, pos, last_empty).unwrap();
        let Some(m) = m else { break };
        let (a, b) = m.get(0).unwrap();
        got.push(String::from_utf8_lossy(&s[a..b]).into_owned());
        last_empty = a == b;
        pos = b;
    }
    assert_eq!(got, vec!["", "a", "", ""]);
}

#[test]
fn capture_names_and_counts() {
    let re = compile(b"(?<a>x)(y)(?<b>z)|(?<a>w)", false, &ReFlags::default()).unwrap();
    assert_eq!(re.capture_count(), 4);
    assert_eq!(
        re.capture_names(),
        &[("a".to_string(), vec![1, 4]), ("b".to_string(), vec![3])]
    );
    let m = re.find_at(b"w", false, 0).unwrap();
    assert_eq!(m.get(4), Some((0, 1)));
    assert_eq!(m.get(1), None);
    assert_eq!(m.last_paren(), Some(4));
    let re = compile("(?<é>x)".as_bytes(), true, &ReFlags::default()).unwrap();
    assert_eq!(re.capture_names(), &[("é".to_string(), vec![1])]);
}

#[test]
fn upgraded_subject_offsets_map_back() {
    // A utf8 pattern against a Latin-1 subject: offsets are in the
    // subject's bytes.
    let re = compile("(é+)(.)".as_bytes(), true, &ReFlags::default()).unwrap();
    let mut s = vec![b'a'; 100];
    s.extend_from_slice(b"\xe9\xe9z");
    let m = re.find_at(&s, false, 5).unwrap();
    assert_eq!(m.get(1), Some((100, 102)));
    assert_eq!(m.get(2), Some((102, 103)));
    assert!(re.find_at(&s, false, 102).is_none());
    assert!(re.find_at(&s, false, 1000).is_none());
}

#[test]
fn errors_look_like_perl() {
    let f = ReFlags::default();
    let e = |p: &str| compile(p.as_bytes(), false, &f).unwrap_err();
    assert_eq!(
        e("("),
        "Unmatched ( in regex; marked by <-- HERE in m/( <-- HERE /"
    );
    assert_eq!(
        e(")"),
        "Unmatched ) in regex; marked by <-- HERE in m/) <-- HERE /"
    );
    assert_eq!(
        e("[a"),
        "Unmatched [ in regex; marked by <-- HERE in m/[ <-- HERE a/"
    );
    assert_eq!(
        e("*"),
        "Quantifier follows nothing in regex; marked by <-- HERE in m/* <-- HERE /"
    );
    assert_eq!(
        e("a**"),
        "Nested quantifiers in regex; marked by <-- HERE in m/a** <-- HERE /"
    );
    assert_eq!(
        e("\\1"),
        "Reference to nonexistent group in regex; marked by <-- HERE in m/\\1 <-- HERE /"
    );
    assert_eq!(
        e("(?<n>a)\\k<m>"),
        "Reference to nonexistent named group in regex; marked by <-- HERE in m/(?<n>a)\\k<m <-- HERE >/"
    );
    assert_eq!(
        e("[z-a]"),
        "Invalid [] range \"z-a\" in regex; marked by <-- HERE in m/[z-a <-- HERE ]/"
    );
    assert!(e("(?{ 1 })").contains("not supported"));
    assert!(e("a\\").starts_with("Trailing \\"));
}

#[test]
fn qr_stringification() {
    let s = |p: &str, u: bool, f: &str| {
        String::from_utf8(stringify_qr(p.as_bytes(), u, &flags_of(f))).unwrap()
    };
    assert_eq!(s("abc", false, "i"), "(?^i:abc)");
    assert_eq!(s("a", false, ""), "(?^:a)");
    assert_eq!(s("a", false, "msixpn"), "(?^pmsixn:a)");
    assert_eq!(s("a", false, "xx"), "(?^xx:a)");
    assert_eq!(s("a", false, "a"), "(?^a:a)");
    assert_eq!(s("\\x{100}", false, ""), "(?^u:\\x{100})");
    assert_eq!(s("\\x{FF}", false, ""), "(?^:\\x{FF})");
    assert_eq!(s("é", true, "i"), "(?^ui:é)");
    assert_eq!(s("a", true, "x"), "(?^ux:a)");
}

#[test]
fn quotemeta_rules() {
    assert_eq!(
        quotemeta(b"a.b_c-1\xe9 ", false),
        b"a\\.b_c\\-1\\\xe9\\ ".to_vec()
    );
    assert_eq!(quotemeta("é€x".as_bytes(), true), "é€x".as_bytes().to_vec());
    assert_eq!(
        quotemeta("\u{a0}.\u{2028}".as_bytes(), true),
        "\\\u{a0}\\.\\\u{2028}".as_bytes().to_vec()
    );
    if perl_available() {
        // Every code point in a few interesting blocks, checked against perl.
        let mut input = String::new();
        let mut cps = vec![];
        for cp in (0u32..0x400)
            .chain(0x2000..0x2100)
            .chain(0x3000..0x3040)
            .chain(0xFE00..0xFF00)
        {
            cps.push(cp);
            input.push_str(&format!("{cp}\n"));
        }
        let out = perl(
            "while(<STDIN>){chomp; my $c=chr($_); utf8::upgrade($c); print length(quotemeta $c), \"\\n\"}",
            &input,
        );
        for (cp, o) in cps.iter().zip(out) {
            let mut b = vec![];
            push_utf8(&mut b, *cp);
            let q = quotemeta(&b, true);
            let quoted = q.len() > b.len();
            assert_eq!(quoted, o == "2", "U+{cp:04X}");
        }
    }
}

fn trflags(s: &str) -> TrFlags {
    TrFlags {
        c: s.contains('c'),
        d: s.contains('d'),
        s: s.contains('s'),
        r: s.contains('r'),
    }
}

#[test]
fn tr_like_perl() {
    let r = |from: &str, to: &str| -> (Vec<u32>, Vec<u32>) {
        (
            from.chars().map(|c| c as u32).collect(),
            to.chars().map(|c| c as u32).collect(),
        )
    };
    // (from, to, flags, subject, subject utf8)
    let cases: Vec<(&str, &str, &str, &[u8], bool)> = vec![
        ("abcdefghijklmnopqrstuvwxyz", "", "", b"Hello world", false),
        ("abc", "xyz", "", b"aabbccd", false),
        ("abc", "x", "", b"aabbccd", false),
        ("abc", "x", "d", b"aabbccd", false),
        ("abc", "x", "s", b"aabbccd", false),
        ("abc", "x", "ds", b"aabbaad", false),
        ("a", "", "d", b"banana", false),
        ("a-z", "", "", b"a-z", false),
        ("abc", "", "c", b"abcdef", false),
        ("abc", "", "cd", b"abcdef", false),
        ("abc", "xy", "c", b"abcdef", false),
        ("abc", "xy", "cd", b"abcdefg", false),
        ("abc", "_", "cs", b"ab  cd  ef", false),
        ("a", "a", "s", b"aaab", false),
        ("aa", "xy", "", b"a", false),
        ("é", "e", "", "café".as_bytes(), true),
        ("é", "e", "", b"caf\xe9", false),
        ("a", "\u{100}", "", b"abc\xe9", false),
        ("\u{100}", "a", "", "\u{100}b".as_bytes(), true),
        ("abc", "", "c", "aé\u{263a}b".as_bytes(), true),
        ("a", "xy", "c", "aé\u{263a}b".as_bytes(), true),
        ("a", "\u{263a}", "cd", "abé".as_bytes(), true),
        ("ab", "ba", "r", b"abab", false),
        ("x", "y", "", b"", false),
        ("abc", "", "cs", b"aaxxbyyc", false),
        (
            "\u{100}\u{101}",
            "\u{263a}",
            "",
            "a\u{100}\u{101}b".as_bytes(),
            true,
        ),
        (
            "\u{100}\u{101}",
            "",
            "d",
            "a\u{100}\u{101}b".as_bytes(),
            true,
        ),
        (
            "abc",
            "XYZ",
            "c",
            "a\u{263a}\u{263b}b\u{1}".as_bytes(),
            true,
        ),
        ("abc", "XYZ", "cs", "dd\u{263a}\u{263a}b".as_bytes(), true),
        ("é", "É", "", b"caf\xe9", false),
        ("é", "\u{263a}", "s", b"\xe9\xe9\xe9", false),
        ("ab", "", "s", b"aabbab", false),
        ("a", "b", "cd", b"", false),
    ];
    if !perl_available() {
        return;
    }
    let mut input = String::new();
    for (from, to, fl, s, su) in &cases {
        let esc = |x: &str| {
            x.chars()
                .map(|c| format!("\\x{{{:x}}}", c as u32))
                .collect::<String>()
        };
        // A range spelled with escapes would be expanded by perl; only the
        // "a-z" case relies on that, and both sides agree on the expansion.
        let f = if *from == "a-z" {
            "a\\-z".to_string()
        } else {
            esc(from)
        };
        input.push_str(&format!(
            "{} {} {} {} {}\n",
            hex(f.as_bytes()),
            hex(esc(to).as_bytes()),
            if fl.is_empty() { "-" } else { fl },
            hex(s),
            *su as u8
        ));
    }
    let out = perl(
        r#"while(<STDIN>){chomp; my ($f,$t,$fl,$s,$su)=split / /; $fl="" if $fl eq "-"; ($f,$t,$s)=map { $_ eq "-" ? "" : pack("H*",$_) } $f,$t,$s; utf8::decode($s) if $su; $fl =~ s/r//; my $n = eval "\$s =~ tr/$f/$t/$fl"; die $@ if $@; my $u = utf8::is_utf8($s) ? 1 : 0; utf8::encode($s) if $u; print "$n ", unpack("H*",$s), " $u\n"}"#,
        &input,
    );
    assert_eq!(out.len(), cases.len());
    for ((from, to, fl, s, su), expect) in cases.iter().zip(out) {
        let (mut f, t) = r(from, to);
        if *from == "a-z" {
            f = "a-z".chars().map(|c| c as u32).collect();
        }
        let tr = Trans::new(&f, &t, trflags(fl));
        let (res, n) = tr.apply(s, *su);
        let (bytes, u) = match res {
            Some((b, u)) => (b, u),
            None => (s.to_vec(), *su),
        };
        let got = format!(
            "{} {} {}",
            n,
            bytes
                .iter()
                .map(|x| format!("{:02x}", x))
                .collect::<String>(),
            u as u8
        );
        assert_eq!(
            got,
            expect,
            "tr/{from}/{to}/{fl} on {:?}",
            String::from_utf8_lossy(s)
        );
    }
}

#[test]
fn tr_count_only_returns_none() {
    let az: Vec<u32> = ('a'..='z').map(|c| c as u32).collect();
    let t = Trans::new(&az, &[], TrFlags::default());
    assert_eq!(t.apply(b"Hello", false), (None, 4));
    let t = Trans::new(&az, &az, TrFlags::default());
    assert_eq!(t.apply("héllo".as_bytes(), true), (None, 4));
}

#[test]
fn random_patterns_never_panic() {
    let atoms: &[&[u8]] = &[
        b"(",
        b")",
        b"[",
        b"]",
        b"{",
        b"}",
        b"\\",
        b"?",
        b"*",
        b"+",
        b"|",
        b"^",
        b"$",
        b".",
        b"a",
        b"b",
        b"-",
        b",",
        b"1",
        b"2",
        b":",
        b"#",
        b"<",
        b">",
        b"'",
        b"=",
        b"!",
        b"&",
        b"P",
        b"x",
        b"N",
        b"U",
        b"p",
        b"k",
        b"g",
        b"c",
        b"o",
        b"Q",
        b"E",
        b"\n",
        b" ",
        b"\xe9",
        "é".as_bytes(),
        "\u{263a}".as_bytes(),
        b"\xff",
        b"\xc3",
        b"(?",
        b"(*",
        b"[:",
        b":]",
        b"\\x{",
        b"\\N{U+",
        b"\\p{",
        b"\\b{",
        b"(?^",
        b"(?<n>",
        b"\\k<n>",
        b"\\G",
        b"\\K",
    ];
    let mut seed: u64 = 0x9E3779B97F4A7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20000 {
        let n = (next() % 12) as usize;
        let mut p = Vec::new();
        for _ in 0..n {
            p.extend_from_slice(atoms[(next() % atoms.len() as u64) as usize]);
        }
        let mut subj = Vec::new();
        for _ in 0..(next() % 8) {
            subj.extend_from_slice(atoms[(next() % atoms.len() as u64) as usize]);
        }
        let r = next();
        let f = ReFlags {
            x: r & 1 != 0,
            i: r & 2 != 0,
            a: r & 4 != 0,
            ..Default::default()
        };
        let pu = r & 8 != 0;
        let su = r & 16 != 0;
        let _ = stringify_qr(&p, pu, &f);
        let _ = quotemeta(&p, pu);
        if let Ok(re) = compile(&p, pu, &f) {
            for start in 0..=subj.len() + 1 {
                let _ = re.try_find_at(&subj, su, start, r & 32 != 0);
            }
        }
    }
}

#[test]
#[ignore]
fn bench_global_match() {
    let mut s = Vec::new();
    for i in 0..200_000 {
        s.extend_from_slice(format!("word{} ", i).as_bytes());
    }
    s.push(0xe9);
    let su = upgrade_latin1(&s);
    for (p, pu, subj, sutf) in [
        (&b"\\w+"[..], false, &s, false),
        ("\\w+é?".as_bytes(), true, &s, false),
        ("\\w+é?".as_bytes(), true, &su, true),
        ("\\w+\\x{100}?".as_bytes(), false, &su, true),
        ("\\w+\\x{100}?".as_bytes(), false, &s, false),
    ] {
        let s = subj;
        let re = compile(p, pu, &ReFlags::default()).unwrap();
        let t = std::time::Instant::now();
        let mut pos = 0;
        let mut n = 0;
        while let Some(m) = re.find_at(s, sutf, pos) {
            n += 1;
            pos = m.end().max(pos + 1);
        }
        println!("{} matches in {:?}", n, t.elapsed());
    }
}

#[test]
fn types_are_thread_safe() {
    fn check<T: Send + Sync>() {}
    check::<Regex>();
    check::<Trans>();
    check::<Captures>();
}

#[test]
fn unicode_rules_option() {
    let f = ReFlags::default();
    let native = compile(b"\\w", false, &f).unwrap();
    assert!(native.find_at(b"\xe9", false, 0).is_none());
    let uni = compile_with(b"\\w", false, &f, true).unwrap();
    assert_eq!(
        uni.find_at(b"\xe9", false, 0).map(|m| m.get(0)),
        Some(Some((0, 1)))
    );
    let e = compile(b"(?{ 1 })", false, &f).unwrap_err();
    assert_eq!(
        e,
        "Eval-group (?{ ... }) is not supported in regex m/(?{ 1 })/"
    );
}
