//! `cd` and `pwd`.

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use super::Builtin;
use crate::shell::Shell;

pub const CD: Builtin = Builtin {
    name: "cd",
    usage: "cd [DIR | - | ~user]",
    description:
        "change the shell's directory (HOME when none; - for the previous one; CDPATH is searched)",
    run: cd,
};

pub const PWD: Builtin = Builtin {
    name: "pwd",
    usage: "pwd",
    description: "print the current directory",
    run: pwd,
};

fn env_get(sh: &Shell, k: &str) -> Option<String> {
    sh.env_var(k)
        .map(|v| String::from_utf8_lossy(&v).into_owned())
}

/// The directory the shell is in, as the user reached it (`PWD` when it
/// still names the current directory, so symlinks stay as typed).
pub fn current_dir(sh: &mut Shell) -> PathBuf {
    let real = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
    if let Some(pwd) = env_get(sh, "PWD") {
        let p = PathBuf::from(&pwd);
        if p.is_absolute() && same_file(&p, &real) {
            return p;
        }
    }
    real
}

fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

/// Join a relative path onto the logical current directory, resolving `.`
/// and `..` by text, as shells do for `cd`.
fn logical(base: &Path, target: &Path) -> PathBuf {
    let mut out = if target.is_absolute() {
        PathBuf::from("/")
    } else {
        base.to_path_buf()
    };
    for c in target.components() {
        match c {
            std::path::Component::RootDir => out = PathBuf::from("/"),
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::Normal(n) => out.push(n),
            std::path::Component::Prefix(_) => {}
        }
    }
    out
}

/// Change to `target` (already expanded); updates `PWD` and `OLDPWD`.
pub fn change_dir(sh: &mut Shell, target: &Path) -> Result<PathBuf, String> {
    let here = current_dir(sh);
    let dest = logical(&here, target);
    std::env::set_current_dir(&dest)
        .or_else(|_| std::env::set_current_dir(target))
        .map_err(|e| {
            format!(
                "{}: {}",
                target.display(),
                psh_interp::interp::errno_string(e.raw_os_error().unwrap_or(0))
            )
        })?;
    let now = if same_file(&dest, Path::new(".")) {
        dest
    } else {
        std::env::current_dir().unwrap_or(dest)
    };
    sh.set_env_var("OLDPWD", here.as_os_str().as_bytes());
    sh.set_env_var("PWD", now.as_os_str().as_bytes());
    Ok(now)
}

fn cd(sh: &mut Shell, args: &[String]) -> i32 {
    let mut print = false;
    let target: PathBuf = match args {
        [] => match env_get(sh, "HOME") {
            Some(h) => PathBuf::from(h),
            None => {
                eprintln!("psh: cd: HOME not set");
                return 1;
            }
        },
        [d] if d == "-" => match env_get(sh, "OLDPWD") {
            Some(o) => {
                print = true;
                PathBuf::from(o)
            }
            None => {
                eprintln!("psh: cd: OLDPWD not set");
                return 1;
            }
        },
        [d] => {
            let p = PathBuf::from(d);
            // CDPATH: for a relative name not starting with . or ..
            if !d.starts_with('/') && !d.starts_with('.') && !p.is_dir() {
                let cdpath = env_get(sh, "CDPATH").unwrap_or_default();
                let found = cdpath
                    .split(':')
                    .filter(|s| !s.is_empty())
                    .map(|dir| Path::new(dir).join(d))
                    .find(|c| c.is_dir());
                match found {
                    Some(c) => {
                        print = true;
                        c
                    }
                    None => p,
                }
            } else {
                p
            }
        }
        _ => return super::usage(&CD, "too many arguments"),
    };
    match change_dir(sh, &target) {
        Ok(now) => {
            if print {
                println!("{}", now.display());
            }
            0
        }
        Err(e) => {
            eprintln!("psh: cd: {e}");
            1
        }
    }
}

fn pwd(sh: &mut Shell, args: &[String]) -> i32 {
    if !args.is_empty() && args[0] != "-L" {
        if args[0] == "-P" {
            match std::env::current_dir() {
                Ok(d) => println!("{}", d.display()),
                Err(e) => {
                    eprintln!("psh: pwd: {e}");
                    return 1;
                }
            }
            return 0;
        }
        return super::usage(&PWD, "unexpected argument");
    }
    println!("{}", current_dir(sh).display());
    0
}
