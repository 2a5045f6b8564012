//! The parser must turn any bytes into a program or a syntax error, never a
//! panic, a hang or a stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = psh_interp::parse::parse_program(data, "fuzz.pl");
});
