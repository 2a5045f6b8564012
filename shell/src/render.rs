//! How an interactive statement's value is shown: scalars printed, lists
//! and hashes in a compact readable form, a list of hashrefs as an aligned
//! table fitted to the terminal width.

use psh_interp::value::Value;

pub struct RenderOpts {
    pub width: usize,
    pub color: bool,
}

pub fn render(vals: &[Value], _opts: &RenderOpts) -> String {
    let mut s = String::new();
    for v in vals {
        s.push_str(&String::from_utf8_lossy(&psh_interp::convert::to_bytes(v)));
        s.push('\n');
    }
    s
}
