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
        Expr::SigCheck { min, max } => format!("(sigcheck {} {:?})", min, max),
        Expr::StateInit { assign, .. } => format!("(stateinit {})", sx(assign)),
        Expr::Die(m) => format!("(die {:?})", m),
        Expr::GotoSub(e) => format!("(goto {})", sx(e)),
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
        Stmt::If { conds, otherwise } => format!(
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
        Stmt::Block { label, body } => format!(
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
        Stmt::Format { name, lines } => format!("(format {} {})", name, lines.len()),
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
