//! TEMPORARY stub, replaced by the numeric branch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num { Int(i64), UInt(u64), Float(f64) }
pub fn parse_number(s: &[u8]) -> (Num, bool) {
    let t = std::str::from_utf8(s).unwrap_or("").trim();
    if let Ok(i) = t.parse::<i64>() { return (Num::Int(i), true); }
    if let Ok(f) = t.parse::<f64>() { return (Num::Float(f), true); }
    (Num::Int(0), false)
}
pub fn looks_like_number(s: &[u8]) -> bool { parse_number(s).1 }
pub fn format_float(f: f64, out: &mut Vec<u8>) { out.extend_from_slice(format!("{}", f).as_bytes()) }
pub fn format_int(i: i64, out: &mut Vec<u8>) { out.extend_from_slice(i.to_string().as_bytes()) }
pub fn magic_increment(_s: &[u8]) -> Option<Vec<u8>> { None }
pub fn hex(_s: &[u8]) -> (Num, Option<String>) { (Num::Int(0), None) }
pub fn oct(_s: &[u8]) -> (Num, Option<String>) { (Num::Int(0), None) }
