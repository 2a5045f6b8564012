//! File-name globbing for `glob()` and `<*.c>`: csh-style braces expanded
//! here, wildcards matched by the `glob` crate, results sorted as perl's
//! File::Glob does by default.

/// Expand one glob word into the matching paths (bytes).
pub fn expand(word: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for w in braces(word) {
        let w = tilde(&w);
        if !w.contains(['*', '?', '[']) {
            // Brace alternatives without wildcards are returned whether or
            // not they exist, as csh does.
            out.push(w.into_bytes());
            continue;
        }
        let opts = glob::MatchOptions {
            case_sensitive: true,
            require_literal_separator: true,
            require_literal_leading_dot: true,
        };
        let mut found: Vec<Vec<u8>> = match glob::glob_with(&w, opts) {
            Ok(paths) => paths
                .filter_map(|p| p.ok())
                .map(|p| {
                    use std::os::unix::ffi::OsStrExt;
                    p.as_os_str().as_bytes().to_vec()
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        found.sort();
        out.extend(found);
    }
    out
}

fn tilde(w: &str) -> String {
    if let Some(rest) = w.strip_prefix('~') {
        if rest.is_empty() || rest.starts_with('/') {
            if let Ok(h) = std::env::var("HOME") {
                return format!("{h}{rest}");
            }
        }
    }
    w.to_string()
}

/// `a{b,c}d` → `abd`, `acd` (nested braces supported).
fn braces(w: &str) -> Vec<String> {
    let b = w.as_bytes();
    let Some(open) = b.iter().position(|&c| c == b'{') else {
        return vec![w.to_string()];
    };
    let mut depth = 0;
    let mut close = None;
    let mut commas = Vec::new();
    for (i, &c) in b.iter().enumerate().skip(open) {
        match c {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            b',' if depth == 1 => commas.push(i),
            _ => {}
        }
    }
    let Some(close) = close else {
        return vec![w.to_string()];
    };
    if commas.is_empty() {
        // `{}` or `{x}` is literal.
        let head = &w[..close + 1];
        return braces(&w[close + 1..])
            .into_iter()
            .map(|t| format!("{head}{t}"))
            .collect();
    }
    let pre = &w[..open];
    let post = &w[close + 1..];
    let mut parts = Vec::new();
    let mut start = open + 1;
    for &c in commas.iter().chain(std::iter::once(&close)) {
        parts.push(&w[start..c]);
        start = c + 1;
    }
    let mut out = Vec::new();
    for p in parts {
        out.extend(braces(&format!("{pre}{p}{post}")));
    }
    out
}
