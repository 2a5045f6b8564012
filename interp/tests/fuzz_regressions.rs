//! Inputs the parser fuzzer (`fuzz/`) once crashed on: each must now parse
//! or fail with a syntax error, without panicking.

#[test]
fn fuzz_regressions_do_not_panic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("fuzz/regressions exists") {
        let path = entry.expect("readable entry").path();
        let src = std::fs::read(&path).expect("readable input");
        let r = std::panic::catch_unwind(|| {
            let _ = psh_interp::parse::parse_program(&src, "fuzz.pl");
        });
        assert!(r.is_ok(), "parser panicked on {}", path.display());
        n += 1;
    }
    assert!(n > 0, "no regression inputs found");
}
