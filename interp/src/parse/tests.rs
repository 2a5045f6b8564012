//! Parser tests: tree shapes for the tricky constructs, and robustness.

use super::*;
use crate::ast::*;

fn parse(src: &str) -> Program {
    match parse_program(src.as_bytes(), "-e") {
        Ok(p) => p,
        Err(e) => panic!("parse failed for {:?}: {}", src, e),
    }
}

fn err(src: &str) -> String {
    match parse_program(src.as_bytes(), "-e") {
        Ok(p) => panic!("expected error for {:?}, got {:?}", src, p.main.body),
        Err(e) => e.to_string(),
    }
}

fn main_stmts(p: &Program) -> &Vec<Statement> {
    &p.main.body.stmts
}

fn first_expr(p: &Program) -> &Expr {
    match &main_stmts(p)[0].kind {
        Stmt::Expr(e) => e,
        k => panic!("not an expression statement: {:?}", k),
    }
}

/// A compact rendering of a tree, for assertions.
pub(crate) fn sx(e: &Expr) -> String {
    fn l(v: &[Expr]) -> String {
        v.iter().map(sx).collect::<Vec<_>>().join(" ")
    }
    fn ap(a: &ArrayPlace) -> String {
        match a {
            ArrayPlace::My(s) => format!("@my{}", s),
            ArrayPlace::Global(g) => format!("@g{}", g),
            ArrayPlace::Args => "@_".into(),
            ArrayPlace::Deref(e) => format!("@{{{}}}", sx(e)),
        }
    }
    fn hp(h: &HashPlace) -> String {
        match h {
            HashPlace::My(s) => format!("%my{}", s),
            HashPlace::Global(g) => format!("%g{}", g),
            HashPlace::Deref(e) => format!("%{{{}}}", sx(e)),
        }
    }
    match e {
        Expr::Undef => "undef".into(),
        Expr::Int(i) => i.to_string(),
        Expr::UInt(u) => format!("{u}u"),
        Expr::GlobSlot { glob, slot } => format!("(globslot {} {})", sx(glob), slot),
        Expr::GlobSlotDyn { glob, slot } => format!("(globslot {} {})", sx(glob), sx(slot)),
        Expr::Num(f) => format!("{}f", f),
        Expr::Str { bytes, utf8 } => {
            format!(
                "{}{:?}",
                if *utf8 { "u" } else { "" },
                String::from_utf8_lossy(bytes)
            )
        }
        Expr::Interp(v) => format!("(interp {})", l(v)),
        Expr::JoinList(e) => format!("(join {})", sx(e)),
        Expr::My(s) => format!("$my{}", s),
        Expr::MyArray(s) => format!("@my{}", s),
        Expr::MyHash(s) => format!("%my{}", s),
        Expr::Global(g) => format!("$g{}", g),
        Expr::GlobalArray(g) => format!("@g{}", g),
        Expr::GlobalHash(g) => format!("%g{}", g),
        Expr::Args => "@_".into(),
        Expr::Special(s) => format!("{:?}", s),
        Expr::Deref(e) => format!("${{{}}}", sx(e)),
        Expr::ArrayDeref(e) => format!("@{{{}}}", sx(e)),
        Expr::HashDeref(e) => format!("%{{{}}}", sx(e)),
        Expr::CodeDeref(e) => format!("&{{{}}}", sx(e)),
        Expr::Glob(g) => format!("*g{}", g),
        Expr::GlobDeref(e) => format!("*{{{}}}", sx(e)),
        Expr::LastIndex(a) => format!("$#{}", ap(a)),
        Expr::Index { array, index } => format!("(idx {} {})", ap(array), sx(index)),
        Expr::Elem { hash, key } => format!("(elem {} {})", hp(hash), sx(key)),
        Expr::Slice { array, indices } => format!("(slice {} {})", ap(array), sx(indices)),
        Expr::HashSlice { hash, keys } => format!("(hslice {} {})", hp(hash), sx(keys)),
        Expr::KvHashSlice { hash, keys } => format!("(kvhslice {} {})", hp(hash), sx(keys)),
        Expr::KvSlice { array, indices } => format!("(kvslice {} {})", ap(array), sx(indices)),
        Expr::ListSlice { list, indices } => format!("(lslice {} {})", sx(list), sx(indices)),
        Expr::MyDecl { vars, paren } => format!(
            "(my{} {})",
            if *paren { "()" } else { "" },
            vars.iter()
                .map(|(k, s)| format!("{:?}{}", k, s))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Expr::Local(e) => format!("(local {})", sx(e)),
        Expr::Assign { lhs, rhs } => format!("(= {} {})", sx(lhs), sx(rhs)),
        Expr::ListAssign { lhs, rhs } => format!("(l= {} {})", sx(lhs), sx(rhs)),
        Expr::OpAssign { op, lhs, rhs } => format!("({:?}= {} {})", op, sx(lhs), sx(rhs)),
        Expr::LogAssign { op, lhs, rhs } => format!("({:?}= {} {})", op, sx(lhs), sx(rhs)),
        Expr::Binary { op, l, r } => format!("({:?} {} {})", op, sx(l), sx(r)),
        Expr::Logical { op, l, r } => format!("({:?} {} {})", op, sx(l), sx(r)),
        Expr::Unary { op, e } => format!("({:?} {})", op, sx(e)),
        Expr::Not(e) => format!("(! {})", sx(e)),
        Expr::Xor(a, b) => format!("(xor {} {})", sx(a), sx(b)),
        Expr::PreInc(e) => format!("(++ {})", sx(e)),
        Expr::PreDec(e) => format!("(-- {})", sx(e)),
        Expr::PostInc(e) => format!("({} ++)", sx(e)),
        Expr::PostDec(e) => format!("({} --)", sx(e)),
        Expr::ChainedCmp { first, rest } => format!(
            "(chain {} {})",
            sx(first),
            rest.iter()
                .map(|(o, e)| format!("{:?} {}", o, sx(e)))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Expr::Cond { c, t, f } => format!("(? {} {} {})", sx(c), sx(t), sx(f)),
        Expr::Range {
            l, r, three_dot, ..
        } => {
            format!(
                "({} {} {})",
                if *three_dot { "..." } else { ".." },
                sx(l),
                sx(r)
            )
        }
        Expr::Repeat { l, r, list } => {
            format!("(x{} {} {})", if *list { "L" } else { "" }, sx(l), sx(r))
        }
        Expr::List(v) => format!("(list {})", l(v)),
        Expr::Ref(e) => format!("(\\ {})", sx(e)),
        Expr::AnonArray(v) => format!("[{}]", l(v)),
        Expr::AnonHash(v) => format!("{{{}}}", l(v)),
        Expr::AnonSub(b) => format!("(sub {})", blk(&b.body)),
        Expr::SubRef(n) => format!("\\&{}", n),
        Expr::Call { name, args, amp } => format!(
            "({}{} {})",
            if *amp { "&" } else { "call " },
            name,
            args.as_ref().map(|a| l(a)).unwrap_or_else(|| "@_".into())
        ),
        Expr::CallRef { target, args } => format!("(callref {} {})", sx(target), l(args)),
        Expr::Method {
            invocant,
            method,
            args,
            ..
        } => format!(
            "(-> {} {} {})",
            sx(invocant),
            match method {
                MethodName::Static(s) => s.clone(),
                MethodName::Dynamic(e) => sx(e),
            },
            l(args)
        ),
        Expr::Func { f, args } => format!("({:?} {})", f, l(args)),
        Expr::Print { kind, fh, args } => format!(
            "({:?}{} {})",
            kind,
            fh.as_ref()
                .map(|f| format!(" {{{}}}", sx(f)))
                .unwrap_or_default(),
            l(args)
        ),
        Expr::Sort { cmp, list, .. } => format!(
            "(sort {} {})",
            match cmp {
                SortCmp::None => "-".to_string(),
                SortCmp::Block(b) => blk(b),
                SortCmp::Fast(f) => format!("{:?}", f),
                SortCmp::Sub(e) => sx(e),
            },
            sx(list)
        ),
        Expr::Map { body, list } => format!("(map {} {})", blk(body), sx(list)),
        Expr::Grep { body, list } => format!("(grep {} {})", blk(body), sx(list)),
        Expr::DoBlock(b) => format!("(do {})", blk(b)),
        Expr::EvalBlock(b) => format!("(eval {})", blk(b)),
        Expr::EvalStr { code, .. } => format!("(evalstr {})", sx(code)),
        Expr::Return(e) => format!(
            "(return{})",
            e.as_ref()
                .map(|e| format!(" {}", sx(e)))
                .unwrap_or_default()
        ),
        Expr::LoopCtlDyn { kind, label } => format!("({:?} {})", kind, sx(label)),
        Expr::LoopCtl { kind, label } => format!(
            "({:?}{})",
            kind,
            label
                .as_ref()
                .map(|l| format!(" {}", l))
                .unwrap_or_default()
        ),
        Expr::Wantarray => "wantarray".into(),
        Expr::CurrentSub => "__SUB__".into(),
        Expr::FileTest { op, arg } => format!(
            "(-{} {})",
            *op as char,
            arg.as_ref().map(|a| sx(a)).unwrap_or_default()
        ),
        Expr::ReadLine { fh, double } => format!(
            "(readline{} {})",
            if *double { "2" } else { "" },
            fh.as_ref().map(|f| sx(f)).unwrap_or_else(|| "ARGV".into())
        ),
        Expr::GlobPat(e) => format!("(glob {})", sx(e)),
        Expr::Handle(g) => format!("fh{}", g),
        Expr::Match {
            target,
            pat,
            negate,
        } => format!(
            "(m{} {} {}{})",
            if *negate { "!" } else { "" },
            target.as_ref().map(|t| sx(t)).unwrap_or_else(|| "-".into()),
            sx(&pat.src),
            flags(&pat.flags)
        ),
        Expr::Subst { target, pat, repl } => format!(
            "(s {} {} {}{})",
            target.as_ref().map(|t| sx(t)).unwrap_or_else(|| "-".into()),
            sx(&pat.src),
            sx(repl),
            flags(&pat.flags)
        ),
        Expr::Trans {
            target,
            from,
            to,
            flags,
        } => format!(
            "(tr {} {:?} {:?} {:?})",
            target.as_ref().map(|t| sx(t)).unwrap_or_else(|| "-".into()),
            from.iter()
                .map(|&c| char::from_u32(c).unwrap_or('?'))
                .collect::<String>(),
            to.iter()
                .map(|&c| char::from_u32(c).unwrap_or('?'))
                .collect::<String>(),
            flags
        ),
        Expr::Qr(p) => format!("(qr {}{})", sx(&p.src), flags(&p.flags)),
        Expr::Split { pat, expr, limit } => format!(
            "(split {} {}{})",
            match pat {
                SplitPat::Whitespace => "' '".to_string(),
                SplitPat::Regex(p) => format!("/{}/", sx(&p.src)),
                SplitPat::Expr(e) => sx(e),
            },
            expr.as_ref().map(|e| sx(e)).unwrap_or_default(),
            limit
                .as_ref()
                .map(|e| format!(" {}", sx(e)))
                .unwrap_or_default()
        ),
        Expr::SigCheck { min, max, .. } => format!("(sigcheck {} {:?})", min, max),
        Expr::StateInit { assign, .. } => format!("(stateinit {})", sx(assign)),
        Expr::Die(m) => format!("(die {:?})", m),
        Expr::GotoSub(e) => format!("(goto {})", sx(e)),
        Expr::GotoTarget(e) => format!("(gototarget {})", sx(e)),
        Expr::GotoLabel(l) => format!("(goto {l})"),
    }
}

fn flags(f: &ReFlags) -> String {
    let mut s = String::new();
    for (b, c) in [
        (f.i, 'i'),
        (f.m, 'm'),
        (f.s, 's'),
        (f.x, 'x'),
        (f.g, 'g'),
        (f.r, 'r'),
    ] {
        if b {
            s.push(c);
        }
    }
    for _ in 0..f.e {
        s.push('e');
    }
    if s.is_empty() {
        s
    } else {
        format!(" /{}", s)
    }
}

pub(crate) fn stmt_sx(s: &Statement) -> String {
    match &s.kind {
        Stmt::Expr(e) => sx(e),
        Stmt::If {
            conds, otherwise, ..
        } => format!(
            "(if {}{})",
            conds
                .iter()
                .map(|(c, b)| format!("{} {}", sx(c), blk(b)))
                .collect::<Vec<_>>()
                .join(" elsif "),
            otherwise
                .as_ref()
                .map(|b| format!(" else {}", blk(b)))
                .unwrap_or_default()
        ),
        Stmt::While {
            label,
            cond,
            body,
            cont,
        } => format!(
            "({}while {} {}{})",
            label
                .as_ref()
                .map(|l| format!("{}: ", l))
                .unwrap_or_default(),
            cond.as_ref().map(sx).unwrap_or_default(),
            blk(body),
            cont.as_ref()
                .map(|b| format!(" continue {}", blk(b)))
                .unwrap_or_default()
        ),
        Stmt::DoWhile { body, cond, until } => format!(
            "(do {} {} {})",
            blk(body),
            if *until { "until" } else { "while" },
            sx(cond)
        ),
        Stmt::ForC {
            init,
            cond,
            step,
            body,
            ..
        } => format!(
            "(for {}; {}; {} {})",
            init.as_ref().map(sx).unwrap_or_default(),
            cond.as_ref().map(sx).unwrap_or_default(),
            step.as_ref().map(sx).unwrap_or_default(),
            blk(body)
        ),
        Stmt::Foreach {
            label,
            var,
            list,
            body,
            ..
        } => format!(
            "({}foreach {:?} {} {})",
            label
                .as_ref()
                .map(|l| format!("{}: ", l))
                .unwrap_or_default(),
            var,
            sx(list),
            blk(body)
        ),
        Stmt::Block { label, body, .. } => format!(
            "({}block {})",
            label
                .as_ref()
                .map(|l| format!("{}: ", l))
                .unwrap_or_default(),
            blk(body)
        ),
        Stmt::Package { name, block } => format!(
            "(package {}{})",
            name,
            block
                .as_ref()
                .map(|b| format!(" {}", blk(b)))
                .unwrap_or_default()
        ),
        Stmt::Nop => "nop".into(),
    }
}

pub(crate) fn blk(b: &Block) -> String {
    format!(
        "{{{}}}",
        b.stmts.iter().map(stmt_sx).collect::<Vec<_>>().join("; ")
    )
}

/// The main body, rendered.
fn p(src: &str) -> String {
    let prog = parse(src);
    prog.main
        .body
        .stmts
        .iter()
        .map(stmt_sx)
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn simple() {
    let p = parse("my $x = 1 + 2 * 3;");
    assert!(matches!(first_expr(&p), Expr::Assign { .. }));
}

/// `PSH_PARSE_SRC='code' cargo test … dump -- --ignored --nocapture`
#[test]
#[ignore]
fn dump() {
    let src = std::env::var("PSH_PARSE_SRC").unwrap_or_default();
    match parse_program(src.as_bytes(), "-e") {
        Ok(p) => {
            for s in &p.main.body.stmts {
                println!("{}: {}", s.line, stmt_sx(s));
            }
            println!(
                "main pad={:?}",
                p.main
                    .pad
                    .iter()
                    .map(|e| e.name.clone())
                    .collect::<Vec<_>>()
            );
            for s in &p.subs {
                println!(
                    "SUB {:?} proto={:?} pad={:?} caps={:?} {}",
                    s.name,
                    s.prototype,
                    s.pad.iter().map(|e| e.name.clone()).collect::<Vec<_>>(),
                    s.captures,
                    blk(&s.body)
                );
            }
            for b in &p.begin {
                println!("BEGIN {}", blk(b));
            }
            println!(
                "globals {:?}",
                &p.globals[crate::ast::well_known::NAMES.len()..]
            );
            if let Some(d) = &p.data {
                println!("DATA {} {:?}", d.0, String::from_utf8_lossy(&d.1));
            }
        }
        Err(e) => print!("ERROR: {}", e),
    }
}

/// Parse every file listed (one per line) in the file named by
/// `PSH_PARSE_FILES` and report the failures.
#[test]
#[ignore]
fn corpus() {
    let list = std::env::var("PSH_PARSE_FILES").unwrap_or_default();
    let list = std::fs::read_to_string(list).unwrap_or_default();
    let (mut ok, mut bad) = (0, 0);
    for f in list.lines() {
        let Ok(src) = std::fs::read(f) else { continue };
        match parse_program(&src, f) {
            Ok(_) => ok += 1,
            Err(e) => {
                bad += 1;
                print!("{}", e);
            }
        }
    }
    println!("ok={} bad={}", ok, bad);
}

/// `PSH_PARSE_LIST=file`: print `p()` of each line (for writing tests).
#[test]
#[ignore]
fn show() {
    let list = std::env::var("PSH_PARSE_LIST").unwrap_or_default();
    let list = std::fs::read_to_string(list).unwrap_or_default();
    for l in list.lines() {
        let l = l.replace("\\n", "\n");
        match parse_program(l.as_bytes(), "-e") {
            Ok(prog) => println!(
                "{:?} => {:?}",
                l,
                prog.main
                    .body
                    .stmts
                    .iter()
                    .map(stmt_sx)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Err(e) => println!("{:?} => ERR {:?}", l, e.to_string()),
        }
    }
}

const SAMPLE: &str = r#"#!/usr/bin/perl
use strict;
use warnings;
my %h = (a => 1, b => [1, 2, { c => "x$0" }]);
my @list = sort { $a <=> $b } map { $_ * 2 } grep { /\d/ } (1 .. 10);
sub f { my ($x, @r) = @_; return wantarray ? @r : $x; }
print STDERR <<"EOT", f(1, 2), "\n";
text $h{a} @{[ scalar @list ]}
EOT
for my $i (0 .. $#list) { next unless $list[$i] =~ s/(\d)/<$1>/g; print "$i: $list[$i]\n"; }
my $s = sprintf("%-5s|", 'ab'); $s =~ tr/a-z/A-Z/;
while (my ($k, $v) = each %h) { printf "%s=%s\n", $k, ref $v ? 'ref' : $v; }
my $code = sub { my $n = shift; $n <= 1 ? 1 : $n * __SUB__->($n - 1) };
eval { die { code => 42 } }; print $@->{code} if ref $@;
open(my $fh, '<', \$s) or die "no: $!"; my @l = <$fh>; close $fh;
format STDOUT =
@<<< @>>>
$s, $s
.
__DATA__
data here
"#;

fn no_panic(src: &[u8]) {
    let _ = parse_program(src, "fuzz");
    let scope = EvalScope {
        package: "main".into(),
        lexicals: vec![("$x".into(), 0)],
        ..Default::default()
    };
    let _ = parse_eval(src, "fuzz", &scope);
}

#[test]
fn robust_random_bytes_and_truncations() {
    let mut seed: u64 = 0x9E3779B97F4A7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    // every prefix of a valid program
    let bytes = SAMPLE.as_bytes();
    for n in 0..bytes.len() {
        no_panic(&bytes[..n]);
    }
    // random bytes, biased towards perl punctuation
    let alphabet = b"$@%&*(){}[]<>/\\'\"`#=~!?:;,.-+^|x qwsmy0123456789abcEOT\n\t\x80\xff";
    for _ in 0..3000 {
        let len = (next() % 64) as usize;
        let v: Vec<u8> = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        no_panic(&v);
    }
    for _ in 0..500 {
        let len = (next() % 64) as usize;
        let v: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        no_panic(&v);
    }
    // random splices of the sample
    for _ in 0..1000 {
        let a = (next() as usize) % bytes.len();
        let b = (next() as usize) % bytes.len();
        let mut v = bytes[..a.min(b)].to_vec();
        v.extend_from_slice(&bytes[a.max(b)..]);
        no_panic(&v);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for open in [
        "(", "[", "{", "-", "!", "\\", "$x->{", "do {", "sub {", "\"@{[", "${\\ ",
    ] {
        let src = open.repeat(5000);
        no_panic(src.as_bytes());
    }
    let src = format!("{}1{}", "(".repeat(50), ")".repeat(50));
    parse(&src);
    let src = "if (1) { ".repeat(40) + &"}".repeat(40);
    parse(&src);
}

#[test]
fn sample_parses() {
    let p = parse(SAMPLE);
    assert_eq!(
        p.data.as_ref().map(|d| d.1.clone()),
        Some(b"data here\n".to_vec())
    );
    assert!(p.subs.iter().any(|s| s.name.as_deref() == Some("main::f")));
}
#[test]
#[ignore]
fn stack_probe() {
    for open in [
        "(", "[", "{", "-", "!", "\\", "$x->{", "do {", "sub {", "\"@{[", "${\\ ", "1?", "if(1){",
        "$x=", "f(", "-e ",
    ] {
        let src = open.repeat(100);
        let r = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                let x = 0u8;
                let base = &x as *const u8 as usize;
                let _ = parse_program(src.as_bytes(), "x");
                let min = super::scope::MINSP.with(|m| m.get());
                let d = super::scope::MAXD.with(|m| m.get());
                (base - min, d)
            })
            .unwrap()
            .join()
            .unwrap();
        println!(
            "{:?} bytes={} depth={} per={}",
            open,
            r.0,
            r.1,
            r.0 / r.1.max(1) as usize
        );
    }
}

fn check(src: &str, want: &str) {
    assert_eq!(p(src), want, "for {:?}", src);
}

#[test]
fn slash_divide_vs_regex() {
    check("$x = $a / $b / 2;", "(= $g19 (Div (Div $g15 $g16) 2))");
    check("$x = 1 + /foo/;", "(= $g19 (Add 1 (m - \"foo\")))");
    check("split /,/, $s;", "(split /\",\"/ $g19)");
    check(
        "my $w = shift // 5;",
        "(= (my Scalar0) (Dor (Shift @g1) 5))",
    );
    check("$y //= 3;", "(Dor= $g19 3)");
}

#[test]
fn brace_block_vs_hash() {
    check(
        "my %h = map { $_ => 1 } @a;",
        "(l= (my Hash0) (map {(list $g0 1)} @g15))",
    );
    check(
        "my @r = map +{ a => $_ }, @a;",
        "(l= (my Array0) (map {{\"a\" $g0}} @g15))",
    );
    check(
        "my @r = map { \"a\" => $_ }, @a;",
        "(l= (my Array0) (map {{\"a\" $g0}} @g15))",
    );
    check(
        "my @r = map {; \"a\" => $_ } @a;",
        "(l= (my Array0) (map {(list \"a\" $g0)} @g15))",
    );
    check(
        "$x = { a => 1 }; { print 1 }",
        "(= $g19 {\"a\" 1}); (block {(Print 1)})",
    );
    check("grep {  m,/,} @ARGV;", "(grep {(m - \"/\")} @g1)");
}

#[test]
fn print_filehandles() {
    check(
        "print STDERR \"e\"; print FH $x; print $fh @l; print $x; print $x, $y; print {$o{k}} 1;",
        "(Print {fh5} \"e\"); (Print {fh19} $g20); (Print {$g21} @g22); (Print $g20); \
         (Print $g20 $g23); (Print {(elem %g24 \"k\")} 1)",
    );
    check("print;", "(Print $g0)");
    check("print $total / 2;", "(Print (Div $g19 2))");
    check("printf STDERR \"%s\", 1;", "(Printf {fh5} \"%s\" 1)");
    check("print $fh (\"a\");", "(Print {$g19} \"a\")");
}

#[test]
fn heredocs() {
    check(
        "my $x = 1; my $s = <<\"EOT\" . <<'R';\nhi $x\nEOT\nraw $x\nR\nprint $s;",
        "(= (my Scalar0) 1); (= (my Scalar1) (Concat (interp \"hi \" $my0 \"\\n\") \"raw $x\\n\")); (Print $my1)",
    );
    check(
        "print <<~EOT;\n    a\n      b\n    EOT\n",
        "(Print \"a\\n  b\\n\")",
    );
    check("foo(<<A, 2);\nbody\nA\n", "(call main::foo \"body\\n\" 2)");
    let prog = parse("print <<EOT;\nx\nEOT\nprint 2;\n");
    assert_eq!(prog.main.body.stmts[1].line, 4);
}

#[test]
fn interpolation() {
    check(
        "print \"$x[0] $x->{a}{b} @{[ 1+2 ]} ${\\ $y} $#a @a[1,2] $h{k}[1]\";",
        "(Print (interp (idx @g19 0) \" \" (elem %{(elem %{$g19} \"a\")} \"b\") \" \" (join @{[(Add 1 2)]}) \" \" \
         ${(\\ $g20)} \" \" $#@g15 \" \" (join (slice @g15 (list 1 2))) \" \" (idx @{(elem %g21 \"k\")} 1)))",
    );
    check(
        "print \"a\\tb\\x41\\101\\x{263A}\";",
        "(Print u\"a\\tbAA☺\")",
    );
    check(
        "print \"\\Uhi $n\\E!\";",
        "(Print (interp (Uc (interp \"hi \" $g19)) \"!\"))",
    );
    check("print \"\\u\\L$n\";", "(Print (Ucfirst (Lc $g19)))");
    check(
        "print \"cost: \\$5 \\@x $x->method\";",
        "(Print (interp \"cost: $5 @x \" $g19 \"->method\"))",
    );
    check(r#"print 'a $x \' \\ \n';"#, r#"(Print "a $x ' \\ \\n")"#);
    check("print \"x@\";", "(Print \"x@\")");
}

#[test]
fn regex_literals() {
    check("m/a\\/b/;", "(m - \"a/b\")");
    check("$s =~ /$x|y$/;", "(m $g19 (interp $g20 \"|y$\"))");
    check("$s =~ /^\\s*$/;", "(m $g19 \"^\\\\s*$\")");
    check("m'$x';", "(m - \"$x\")");
    check("$s !~ /x/i;", "(m! $g19 \"x\" /i)");
    check(
        "s/(\\d+)/$1*2/e;",
        "(s - \"(\\\\d+)\" (do {(Mul Capture(1) 2)}) /e)",
    );
    check("s{a}{b}gr;", "(s - \"a\" \"b\" /gr)");
    check("$s =~ s,::,/,g;", "(s $g19 \"::\" \"/\" /g)");
    check(
        "$x =~ /\\Q$y\\E+/;",
        "(m $g19 (interp (Quotemeta $g20) \"+\"))",
    );
    check(
        "tr/a-c/A-C/; y/a-z//d;",
        "(tr - \"abc\" \"ABC\" TrFlags { c: false, d: false, s: false, r: false }); \
         (tr - \"abcdefghijklmnopqrstuvwxyz\" \"\" TrFlags { c: false, d: true, s: false, r: false })",
    );
    let prog = parse("/a/; /b/; s/c/d/; qr/e/;");
    assert_eq!(prog.n_patterns, 4);
}

#[test]
fn precedence() {
    check("$x = -2 ** 2;", "(= $g19 (Neg (Pow 2 2)))");
    check(
        "my $l = length $x == 5;",
        "(= (my Scalar0) (NumEq (Length $g19) 5))",
    );
    check(
        "my $r = ref $x eq 'HASH';",
        "(= (my Scalar0) (StrEq (Ref $g19) \"HASH\"))",
    );
    check("print defined $x && 1;", "(Print (And (Defined $g19) 1))");
    check("$x = not $a || $b;", "(= $g19 (! (Or $g15 $g16)))");
    check(
        "$x = $a ? $b : $c ? $d : $e;",
        "(= $g19 (? $g15 $g16 (? $g20 $g21 $g22)))",
    );
    check("$a += $b *= 2;", "(Add= $g15 (Mul= $g16 2))");
    check(
        "1 < 2 <= 3; $a == $b != $c; $a <=> $b;",
        "(chain 1 NumLt 2 NumLe 3); (chain $g15 NumEq $g16 NumNe $g19); (NumCmp $g15 $g16)",
    );
    check(
        "open(F, $f) || die; open F, $f or die;",
        "(Or (Open fh19 $g20) (Die )); (Or (Open fh19 $g20) (Die ))",
    );
    check(
        "-e $f and -d _ and -s 'x' > 100;",
        "(And (And (-e $g19) (-d \"_\")) (NumGt (-s \"x\") 100))",
    );
    check(
        "$x = -foo; @l = (1) x 3; @q = qw(a b) x 2;",
        "(= $g19 \"-foo\"); (l= @g20 (xL (list 1) 3)); (l= @g21 (xL (list \"a\" \"b\") 2))",
    );
    check(
        "print \"a\" . \"b\" x 3;",
        "(Print (Concat \"a\" (x \"b\" 3)))",
    );
    check("$x = 1 .. 10;", "(= $g19 (.. 1 10))");
}

#[test]
fn assignments() {
    check(
        "my ($a1, $b1) = @_; my $n = @a; my ($f) = @a;",
        "(l= (my() Scalar0 Scalar1) @_); (= (my Scalar2) @g15); (l= (my() Scalar3) @g15)",
    );
    check(
        "local $_ = 1; local @ARGV = (1); local ($a, $b) = (1, 2);",
        "(= (local $g0) 1); (l= (local @g1) 1); (l= (local (list $g15 $g16)) (list 1 2))",
    );
    check(
        "($x, $y) = ($y, $x);",
        "(l= (list $g19 $g20) (list $g20 $g19))",
    );
    check(
        "my $n = () = f();",
        "(= (my Scalar0) (l= (list ) (call main::f )))",
    );
    check("substr($s, 0, 1) = 'b';", "(= (Substr $g19 0 1) \"b\")");
}

#[test]
fn variables_and_derefs() {
    check(
        "$x->{a}[0]{b}; $x->[0][1]; $$x[0]; ${$x}{k}; @$x; %$x; $#a; $#{$x}; $#$x; $x->@*; $x->%*; $x->$#*; $$x;",
        "(elem %{(idx @{(elem %{$g19} \"a\")} 0)} \"b\"); (idx @{(idx @{$g19} 0)} 1); (idx @{$g19} 0); (elem %{$g19} \"k\"); \
         @{$g19}; %{$g19}; $#@g15; $#@{$g19}; $#@{$g19}; @{$g19}; %{$g19}; $#@{$g19}; ${$g19}",
    );
    check("@h{qw(a b)}; @a[1..3]; %h{'a'}; %a[0,1]; $h{1,2};", "(hslice %g19 (list \"a\" \"b\")); (slice @g15 (.. 1 3)); (kvhslice %g19 \"a\"); (kvslice @g15 (list 0 1)); (elem %g19 (Join $g12 1 2))");
    check(
        "$h{foo}; $h{-bar}; $h{ x };",
        "(elem %g19 \"foo\"); (elem %g19 \"-bar\"); (elem %g19 \"x\")",
    );
    check("&$c(1); &{$c}(2); &foo; &foo(1); \\&foo; *STDOUT; $c->(1)(2);", "(callref $g19 1); (callref $g19 2); (&main::foo @_); (&main::foo 1); \\&main::foo; *g4; (callref (callref $g19 1) 2)");
    check("$x = $0 . $1 . $& . $@ . $! . $$ . $/;", "(= $g19 (Concat (Concat (Concat (Concat (Concat (Concat $g6 Capture(1)) Match) $g7) Errno) Pid) $g8))");
    check("$Foo::x = $::y;", "(= $g19 $g20)");
    let prog = parse("$Foo::x = $::y; @ARGV; %ENV; $_; STDIN;");
    assert_eq!(
        &prog.globals[19..],
        &["Foo::x".to_string(), "main::y".to_string()]
    );
}

#[test]
fn calls_and_methods() {
    check(
        "foo(1, 2); foo 1, 2; bar $x; Foo::bar(1);",
        "(call main::foo 1 2); (call main::foo 1 2); (call main::bar $g19); (call Foo::bar 1)",
    );
    check("Foo->new(1); Foo::Bar->new; $o->m; $o->$n(1); $o->SUPER::new(@_); __PACKAGE__->m;", "(-> \"Foo\" new 1); (-> \"Foo::Bar\" new ); (-> $g19 m ); (-> $g19 $g20 1); (-> $g19 SUPER::new @_); (-> \"main\" m )");
    check("$o = new Foo(1);", "(= $g19 (-> \"Foo\" new 1))");
    check("sub one() { 1 } one + 2;", "(Add (call main::one ) 2)");
    check(
        "sub blk(&@) { } blk { $_ } 1, 2;",
        "(call main::blk (sub {$g0}) 1 2)",
    );
    check("sub r(\\@) { } r @a;", "(call main::r (\\ @g15))");
    check(
        "use constant PI => 3.14; print PI * 2;",
        "(Print (Mul (call main::PI ) 2))",
    );
    check(
        "use constant { A => 1, B => 2 }; print A + B;",
        "(Print (Add (call main::A ) (call main::B )))",
    );
    check("my @s = sort { $a <=> $b } @x; @s = sort { $b cmp $a } @x; @s = reverse sort by_n @x; @s = sort $c @x;", "(l= (my Array0) (sort NumAsc @g19)); (l= @my0 (sort StrDesc @g19)); (l= @my0 (Reverse (sort \\&main::by_n @g19))); (l= @my0 (sort $g20 @g19))");
    check(
        "my $v = shift; sub s1 { shift }",
        "(= (my Scalar0) (Shift @g1))",
    );
    check(
        "return wantarray ? @a : \\@a;",
        "(return (? wantarray @g15 (\\ @g15)))",
    );
    check("defined &foo; exists &bar; exists $h{a}{b}; delete $h{x};", "(DefinedSub \\&main::foo); (ExistsSub \\&main::bar); (Exists (elem %{(elem %g19 \"a\")} \"b\")); (Delete (elem %g19 \"x\"))");
    check(
        "eval { 1 }; eval \"2\"; do { 3 }; do 'f.pl'; require Foo::Bar;",
        "(eval {1}); (evalstr \"2\"); (do {3}); (DoFile \"f.pl\"); (Require \"Foo/Bar.pm\")",
    );
    check("my @p = split; my @q = split ' ', $s; my @c = split //, $s;", "(l= (my Array0) (split ' ' $g0)); (l= (my Array1) (split ' ' $g19)); (l= (my Array2) (split /\"\"/ $g19))");
    check("goto &foo;", "(goto \\&main::foo)");
}

#[test]
fn readline_and_files() {
    check(
        "while (<STDIN>) { chomp; }",
        "(while (Defined (= $g0 (readline fh3))) {(Chomp $g0)})",
    );
    check(
        "while (my $l = <$fh>) { }",
        "(while (Defined (= (my Scalar0) (readline $g19))) {})",
    );
    check("<>; <<>>; my @g = <*.txt>; close FH; eof;", "(readline ARGV); (readline2 ARGV); (l= (my Array0) (glob \"*.txt\")); (Close fh19); (Eof )");
    check(
        "open(my $fh, '<', $f) || die; binmode STDOUT, ':utf8';",
        "(Or (Open (my Scalar0) \"<\" $g19) (Die )); (Binmode fh4 \":utf8\")",
    );
    check(
        "my $x = `ls $d`; qx{pwd};",
        "(= (my Scalar0) (Readpipe (interp \"ls \" $g19))); (Readpipe \"pwd\")",
    );
}

#[test]
fn statements() {
    check("for (my $i = 0; $i < 3; $i++) { next } foreach my $e (@a) { } for (@a) { print }", "(for (= (my Scalar0) 0); (NumLt $my0 3); ($my0 ++) {(Next)}); (foreach My(1) @g15 {}); (foreach Global(0) @g15 {(Print $g0)})");
    check(
        "do { $x++ } while ($x < 10); do { 1 } until $x;",
        "(do {($g19 ++)} while (NumLt $g19 10)); (do {1} until $g19)",
    );
    check(
        "OUTER: for my $i (1..3) { next OUTER if $i; last }",
        "(OUTER: foreach My(0) (.. 1 3) {(And $my0 (Next OUTER)); (Last)})",
    );
    check(
        "unless ($x) { 1 } elsif ($y) { 2 } else { 3 }",
        "(if (! $g19) {1} elsif $g20 {2} else {3})",
    );
    check("print for @a; $t += $_ foreach @a; $x++ while $x < 5; $x-- until !$x;", "(foreach Global(0) @g15 {(Print $g0)}); (foreach Global(0) @g15 {(Add= $g19 $g0)}); (while (NumLt $g20 5) {($g20 ++)}); (while (! (! $g20)) {($g20 --)})");
    check(
        "package Foo; $x = __PACKAGE__; package main;",
        "(package Foo); (= $g19 \"Foo\"); (package main)",
    );
    check(
        "package Foo { our $v = 1 } $w = 2;",
        "(package Foo {(= $g19 1)}); (= $g20 2)",
    );
    let prog = parse("$x = 1;\n\n=head1 X\n\n$$ {{\n\n=cut\n$y = 2;\n__END__\ndata\n");
    assert_eq!(prog.main.body.stmts.len(), 2);
    assert_eq!(prog.main.body.stmts[1].line, 8);
    assert_eq!(prog.data, Some(("main".to_string(), b"data\n".to_vec())));
    let prog = parse("package P;\n__DATA__\nx\n");
    assert_eq!(prog.data, Some(("P".to_string(), b"x\n".to_vec())));
    let prog = parse("format STDOUT =\n@<<< @>>>\n$a, $b\ntext\n.\nwrite;");
    assert_eq!(prog.formats.len(), 1);
    let f = &prog.formats[0];
    assert_eq!(f.name.as_deref(), Some("main::STDOUT"));
    // One formline per picture line: the picture and its two arguments,
    // then the literal line alone.
    let argc: Vec<usize> = f
        .body
        .stmts
        .iter()
        .map(|s| match &s.kind {
            Stmt::Expr(Expr::Func {
                f: Func::Formline,
                args,
            }) => args.len(),
            k => panic!("{:?}", k),
        })
        .collect();
    assert_eq!(argc, vec![3, 1]);
}

#[test]
fn lexical_scoping() {
    // `my $x = $x` reads the outer variable
    check(
        "my $x = 1; { my $x = $x + 1; print $x } print $x;",
        "(= (my Scalar0) 1); (block {(= (my Scalar1) (Add $my0 1)); (Print $my1)}); (Print $my0)",
    );
    check(
        "if ((my $m = 1) > 0) { print $m } print $m;",
        "(if (NumGt (= (my Scalar0) 1) 0) {(Print $my0)}); (Print $g19)",
    );
    check(
        "for my $i (1) { print $i } print $i;",
        "(foreach My(0) 1 {(Print $my0)}); (Print $g19)",
    );
    let prog =
        parse("my $c = 0; my $y; sub f { my $z; return sub { $c + $z } } my $g = sub { $c++ };");
    let f = &prog.subs[0];
    assert_eq!(f.name.as_deref(), Some("main::f"));
    assert_eq!(f.captures.len(), 1);
    assert_eq!(f.captures[0].outer, 0);
    assert_eq!(f.pad[f.captures[0].inner as usize].name, "$c");
    // the anon sub inside f captures f's $z and f's capture of $c
    let Stmt::Expr(Expr::Return(Some(r))) = &f.body.stmts[1].kind else {
        panic!()
    };
    let Expr::AnonSub(inner) = &**r else { panic!() };
    assert_eq!(inner.captures.len(), 2);
    // sort/map blocks run in the enclosing pad
    check(
        "my @a; my @b = map { $_ + @a } @a;",
        "(my Array0); (l= (my Array1) (map {(Add $g0 @my0)} @my0))",
    );
}

#[test]
fn state_and_signatures() {
    check("use feature 'state'; sub f { state $n = 0; $n++ }", "");
    let prog = parse("use feature 'state'; sub f { state $n = 0; $n++ }");
    assert!(matches!(
        &prog.subs[0].body.stmts[0].kind,
        Stmt::Expr(Expr::StateInit { .. })
    ));
    assert!(prog.subs[0].pad[0].is_state);
    let prog = parse("use v5.36; sub f($x, $y = 10, @r) { $x }");
    let b = blk(&prog.subs[0].body);
    assert_eq!(b, "{(sigcheck 1 None); (l= (my() Scalar0 Scalar1 Array2) @_); (And (NumLt (Scalar @_) 2) (= $my1 10)); $my0}");
    let prog = parse("sub g($$) { }");
    assert_eq!(prog.subs[0].prototype.as_deref(), Some("$$"));
}

#[test]
fn use_statements() {
    let prog = parse("use strict; use warnings; use List::Util qw(max first); use POSIX (); no Foo 'x'; use parent -norequire, 'Base'; my $m = max 1, 2;");
    let b: Vec<String> = prog.begin.iter().map(blk).collect();
    assert_eq!(
        b,
        vec![
            "{(Require \"List/Util.pm\"); (-> \"List::Util\" import \"max\" \"first\")}"
                .to_string(),
            "{(Require \"POSIX.pm\")}".to_string(),
            "{(Require \"Foo.pm\"); (-> \"Foo\" unimport \"x\")}".to_string(),
            "{(-> \"parent\" import \"-norequire\" \"Base\")}".to_string(),
        ]
    );
    assert_eq!(
        prog.main.body.stmts[0].hints & hints::WARNINGS,
        hints::WARNINGS
    );
    assert_eq!(
        prog.main.body.stmts[0].hints & hints::STRICT_REFS,
        hints::STRICT_REFS
    );
    check(
        "use List::Util qw(first); my $f = first { $_ } @a;",
        "(= (my Scalar0) (call main::first (sub {$g0}) @g15))",
    );
    let prog = parse("use v5.36; say 'hi'; { no warnings; 1 } 2;");
    assert_eq!(p("use v5.36; say 'hi';"), "(Say \"hi\")");
    assert_eq!(
        prog.main.body.stmts[0].hints & hints::WARNINGS,
        hints::WARNINGS
    );
    let Stmt::Block { body, .. } = &prog.main.body.stmts[1].kind else {
        panic!()
    };
    assert_eq!(body.stmts[0].hints & hints::WARNINGS, 0);
    assert_eq!(
        prog.main.body.stmts[2].hints & hints::WARNINGS,
        hints::WARNINGS
    );
    check(
        "use utf8; my $s = 'é'; my $t = \"ü$s\";",
        "(= (my Scalar0) u\"é\"); (= (my Scalar1) (interp u\"ü\" $my0))",
    );
    check("my $s = \"\\x{100}\";", "(= (my Scalar0) u\"Ā\")");
}

#[test]
fn strict_errors() {
    assert_eq!(
        err("use strict;\nmy $x = 1;\n$y = 2;"),
        "Global symbol \"$y\" requires explicit package name (did you forget to declare \"my $y\"?) at -e line 3.\n"
    );
    assert_eq!(err("use strict; print \"@b\";"), "Global symbol \"@b\" requires explicit package name (did you forget to declare \"my @b\"?) at -e line 1.\n");
    assert_eq!(err("use strict; $h{a};"), "Global symbol \"%h\" requires explicit package name (did you forget to declare \"my %h\"?) at -e line 1.\n");
    assert_eq!(
        err("use strict; my $x = foo;"),
        "Bareword \"foo\" not allowed while \"strict subs\" in use at -e line 1.\n"
    );
    assert_eq!(
        err("my $x = ;"),
        "syntax error at -e line 1, near \"= ;\"\n"
    );
    // exempt names
    parse("use strict; $a <=> $b; @ARGV; %ENV; $_; $0; $1; @INC; %SIG; $Foo::x; our $o; $o; STDERR; $::x;");
    parse("use strict; use vars qw($v @w); $v = @w;");
    parse("use strict; no strict 'vars'; $free = 1;");
}

#[test]
fn eval_scope() {
    let scope = EvalScope {
        package: "Foo".into(),
        lexicals: vec![("$x".into(), 3), ("@l".into(), 5)],
        strict_vars: true,
        in_sub: true,
        ..Default::default()
    };
    let prog = parse_eval(b"$x + @l + shift", "(eval 1)", &scope).unwrap();
    let caps: Vec<(u32, u32)> = prog
        .main
        .captures
        .iter()
        .map(|c| (c.outer, c.inner))
        .collect();
    assert_eq!(caps, vec![(3, 0), (5, 1)]);
    assert_eq!(blk(&prog.main.body), "{(Add (Add $my0 @my1) (Shift @_))}");
    assert!(parse_eval(b"$y", "(eval 2)", &scope).is_err());
    let e = parse_program(b"my $v = 1; eval '$v';", "-e").unwrap();
    let Stmt::Expr(Expr::EvalStr { scope, .. }) = &e.main.body.stmts[1].kind else {
        panic!()
    };
    assert_eq!(scope.as_slice(), &[("$v".to_string(), 0)]);
}
