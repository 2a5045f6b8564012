//! Word expansion for command lines: `~`, Perl-scope `$scalar`/`@array`
//! interpolation, and globs on the unquoted parts. Values interpolated
//! from Perl are never split or globbed again (unlike sh), so `rm $f`
//! removes exactly the file named in `$f`.

use std::os::unix::ffi::OsStrExt;

use crate::cmdline::{Word, WordPart};
use crate::shell::Shell;

/// One field being built: its bytes, and a glob pattern of it in which
/// only unquoted glob characters are active.
#[derive(Default)]
struct Field {
    bytes: Vec<u8>,
    pattern: String,
    globbed: bool,
}

impl Field {
    fn push_lit(&mut self, text: &str, active: bool) {
        self.bytes.extend_from_slice(text.as_bytes());
        self.push_pattern(text, active);
    }

    fn push_value(&mut self, v: &[u8]) {
        self.bytes.extend_from_slice(v);
        self.push_pattern(&String::from_utf8_lossy(v), false);
    }

    fn push_pattern(&mut self, text: &str, active: bool) {
        for c in text.chars() {
            if matches!(c, '*' | '?' | '[' | ']') {
                if active {
                    self.globbed = true;
                    self.pattern.push(c);
                } else {
                    self.pattern.push('[');
                    self.pattern.push(c);
                    self.pattern.push(']');
                }
            } else {
                self.pattern.push(c);
            }
        }
    }
}

/// Expand the words of a command into argv.
pub fn expand_words(sh: &mut Shell, words: &[Word]) -> Result<Vec<Vec<u8>>, String> {
    let mut out = Vec::new();
    for w in words {
        expand_into(sh, w, &mut out)?;
    }
    Ok(out)
}

/// Expand one word that must stay one word (a redirection target).
pub fn expand_one(sh: &mut Shell, w: &Word) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    expand_into(sh, w, &mut out)?;
    match out.len() {
        1 => Ok(out.pop().unwrap()),
        0 => Err("ambiguous redirect: the word expands to nothing".into()),
        _ => Err("ambiguous redirect: the word expands to several words".into()),
    }
}

fn expand_into(sh: &mut Shell, w: &Word, out: &mut Vec<Vec<u8>>) -> Result<(), String> {
    let mut fields: Vec<Field> = vec![Field::default()];
    // A word made only of an unquoted array that is empty gives no field.
    let mut keep_empty = false;
    for part in &w.parts {
        match part {
            WordPart::Lit { text, quoted } => {
                keep_empty |= *quoted || !text.is_empty();
                fields.last_mut().unwrap().push_lit(text, !*quoted);
            }
            WordPart::Tilde(user) => {
                keep_empty = true;
                let home = home_of(user.as_deref())
                    .ok_or_else(|| format!("no such user: {}", user.as_deref().unwrap_or("")))?;
                fields.last_mut().unwrap().push_value(&home);
            }
            WordPart::Scalar { expr, .. } => {
                keep_empty = true;
                let v = sh.perl_scalar(expr)?;
                fields.last_mut().unwrap().push_value(&v);
            }
            WordPart::Command { text, quoted } => {
                let mut v = crate::exec::capture(sh, text);
                while v.last() == Some(&b'\n') {
                    v.pop();
                }
                if *quoted {
                    keep_empty = true;
                    fields.last_mut().unwrap().push_value(&v);
                } else {
                    let words: Vec<&[u8]> = v
                        .split(|b| b.is_ascii_whitespace())
                        .filter(|w| !w.is_empty())
                        .collect();
                    for (i, w) in words.iter().enumerate() {
                        if i > 0 {
                            fields.push(Field::default());
                        }
                        keep_empty = true;
                        fields.last_mut().unwrap().push_value(w);
                    }
                }
            }
            WordPart::Array { expr, quoted } => {
                let vals = sh.perl_list(expr)?;
                if *quoted {
                    keep_empty = true;
                    let sep = sh.list_separator();
                    let joined = vals.join(&sep[..]);
                    fields.last_mut().unwrap().push_value(&joined);
                } else {
                    for (i, v) in vals.iter().enumerate() {
                        if i > 0 {
                            fields.push(Field::default());
                        }
                        keep_empty = true;
                        fields.last_mut().unwrap().push_value(v);
                    }
                }
            }
        }
    }
    if !keep_empty && fields.len() == 1 && fields[0].bytes.is_empty() {
        return Ok(());
    }
    for f in fields {
        if f.globbed {
            let opts = glob::MatchOptions {
                case_sensitive: true,
                require_literal_separator: true,
                require_literal_leading_dot: true,
            };
            if let Ok(paths) = glob::glob_with(&f.pattern, opts) {
                let mut matched: Vec<Vec<u8>> = paths
                    .filter_map(Result::ok)
                    .map(|p| p.as_os_str().as_bytes().to_vec())
                    .collect();
                if !matched.is_empty() {
                    matched.sort();
                    out.extend(matched);
                    continue;
                }
            }
        }
        out.push(f.bytes);
    }
    Ok(())
}

/// `~` (the `HOME` variable, or the password entry) and `~user`.
pub fn home_of(user: Option<&str>) -> Option<Vec<u8>> {
    match user {
        None => std::env::var_os("HOME")
            .map(|h| h.as_bytes().to_vec())
            .or_else(|| dirs::home_dir().map(|h| h.as_os_str().as_bytes().to_vec())),
        Some(u) => nix::unistd::User::from_name(u)
            .ok()
            .flatten()
            .map(|u| u.dir.as_os_str().as_bytes().to_vec()),
    }
}
