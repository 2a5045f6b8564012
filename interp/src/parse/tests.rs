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

fn dbg(src: &str) -> String {
    format!("{:?}", parse(src).main.body.stmts)
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
            println!("{:#?}", p.main.body.stmts);
            for s in &p.subs {
                println!(
                    "SUB {:?} pad={:?} caps={:?}\n{:#?}",
                    s.name, s.pad, s.captures, s.body.stmts
                );
            }
            println!("BEGIN {:#?}", p.begin);
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
