//! Pieces the commands share: building records, reading arguments, naming
//! users and groups, reading small kernel files.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use psh_interp::convert::to_bytes;
use psh_interp::interp::{Flow, Interp, Want};
use psh_interp::value::*;

/// What a native command returns.
pub type R = Result<Value, Flow>;

/// A record under construction: a hash whose keys keep the order they are
/// added in, which is the column order the table renderer shows.
pub struct Rec(pub Hv);

impl Rec {
    /// An empty record sized for `n` keys.
    pub fn new(n: usize) -> Rec {
        Rec(Hash::with_capacity(n))
    }
    /// Add one key (keys are ASCII, so never UTF-8 flagged).
    pub fn set(&self, k: &str, v: Value) -> &Rec {
        self.0.set(make_key(k.as_bytes(), false), v);
        self
    }
    /// The record as a reference blessed into `class`.
    pub fn bless(self, class: &str) -> Value {
        self.0.bless(Rc::from(class));
        Value::HashRef(self.0)
    }
}

/// Hand back a list of records: the records in list context, their count
/// in scalar context (what `my $n = ps();` wants).
pub fn records(want: Want, out: &mut Vec<Value>, recs: Vec<Value>) -> R {
    if want == Want::List {
        out.extend(recs);
        return Ok(Value::Undef);
    }
    Ok(Value::Int(recs.len() as i64))
}

/// Hand back a single value in either context.
pub fn one(want: Want, out: &mut Vec<Value>, v: Value) -> R {
    if want == Want::List {
        out.push(v);
        return Ok(Value::Undef);
    }
    Ok(v)
}

/// Text from the system as a Perl string. OS strings are bytes (as perl's
/// `readdir`, `%ENV` and `getpwnam` give them): a UTF-8-flagged string with
/// only Latin-1 characters would be printed as Latin-1 to a raw handle.
pub fn bstr(b: &[u8]) -> Value {
    Value::bytes(b)
}

/// The arguments as byte strings.
pub fn arg_bytes(a: &[Elem]) -> Vec<Vec<u8>> {
    a.iter().map(|e| to_bytes(&e.get()).into_owned()).collect()
}

/// Flags (`-aR`, `-u NAME`) and `key => value` pairs, split: arguments
/// before the pairs that start with `-` are flags; `--` ends them.
pub struct Args {
    /// Single-letter flags in the order given, each with its value when
    /// the command said it takes one.
    pub flags: Vec<(u8, Option<Vec<u8>>)>,
    /// Everything else, in order.
    pub rest: Vec<Vec<u8>>,
}

/// Split `a` into flags and the rest. `with_value` lists the flags that
/// take the next argument as their value (`-u root`).
pub fn parse_args(it: &mut Interp, cmd: &str, a: &[Elem], with_value: &[u8]) -> Result<Args, Flow> {
    let all = arg_bytes(a);
    let mut flags = Vec::new();
    let mut rest = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let w = &all[i];
        if w == b"--" {
            rest.extend(all[i + 1..].iter().cloned());
            break;
        }
        if w.len() > 1 && w[0] == b'-' {
            let letters = &w[1..];
            for (j, &c) in letters.iter().enumerate() {
                if with_value.contains(&c) {
                    // `-uroot` or `-u root`.
                    let v = if j + 1 < letters.len() {
                        letters[j + 1..].to_vec()
                    } else {
                        i += 1;
                        match all.get(i) {
                            Some(v) => v.clone(),
                            None => {
                                return Err(it.die_msg(format!(
                                    "{cmd}: option -{} needs a value",
                                    c as char
                                )))
                            }
                        }
                    };
                    flags.push((c, Some(v)));
                    break;
                }
                flags.push((c, None));
            }
        } else {
            rest.push(w.clone());
        }
        i += 1;
    }
    Ok(Args { flags, rest })
}

thread_local! {
    /// uid → user name, gid → group name: `ps()` and `ls()` ask for the
    /// same few ids hundreds of times, and each NSS lookup reads files.
    static USERS: RefCell<HashMap<u32, Option<Vec<u8>>>> = RefCell::new(HashMap::new());
    static GROUPS: RefCell<HashMap<u32, Option<Vec<u8>>>> = RefCell::new(HashMap::new());
}

fn lookup_user(uid: u32) -> Option<Vec<u8>> {
    let mut buf = vec![0 as libc::c_char; 4096];
    let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
    let mut res: *mut libc::passwd = std::ptr::null_mut();
    let r = unsafe { libc::getpwuid_r(uid, &mut pw, buf.as_mut_ptr(), buf.len(), &mut res) };
    if r != 0 || res.is_null() {
        return None;
    }
    Some(
        unsafe { std::ffi::CStr::from_ptr(pw.pw_name) }
            .to_bytes()
            .to_vec(),
    )
}

fn lookup_group(gid: u32) -> Option<Vec<u8>> {
    let mut buf = vec![0 as libc::c_char; 16384];
    let mut gr: libc::group = unsafe { std::mem::zeroed() };
    let mut res: *mut libc::group = std::ptr::null_mut();
    let r = unsafe { libc::getgrgid_r(gid, &mut gr, buf.as_mut_ptr(), buf.len(), &mut res) };
    if r != 0 || res.is_null() {
        return None;
    }
    Some(
        unsafe { std::ffi::CStr::from_ptr(gr.gr_name) }
            .to_bytes()
            .to_vec(),
    )
}

/// The user name of `uid`, or the number itself when no account has it.
pub fn user_name(uid: u32) -> Value {
    USERS.with(|m| {
        match m
            .borrow_mut()
            .entry(uid)
            .or_insert_with(|| lookup_user(uid))
        {
            Some(n) => bstr(n),
            None => Value::Int(uid as i64),
        }
    })
}

/// The group name of `gid`, or the number itself when no group has it.
pub fn group_name(gid: u32) -> Value {
    GROUPS.with(|m| {
        match m
            .borrow_mut()
            .entry(gid)
            .or_insert_with(|| lookup_group(gid))
        {
            Some(n) => bstr(n),
            None => Value::Int(gid as i64),
        }
    })
}

/// The uid of a user given by name or number.
pub fn uid_of(user: &[u8]) -> Option<u32> {
    if let Some(n) = std::str::from_utf8(user).ok().and_then(|s| s.parse().ok()) {
        return Some(n);
    }
    let c = std::ffi::CString::new(user).ok()?;
    let mut buf = vec![0 as libc::c_char; 4096];
    let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
    let mut res: *mut libc::passwd = std::ptr::null_mut();
    let r = unsafe { libc::getpwnam_r(c.as_ptr(), &mut pw, buf.as_mut_ptr(), buf.len(), &mut res) };
    if r != 0 || res.is_null() {
        return None;
    }
    Some(pw.pw_uid)
}

/// `key: value` lines (`/proc/meminfo`, `/proc/cpuinfo`, `/etc/os-release`
/// with `=`): the value of the first line whose key is `key`, trimmed.
pub fn field<'a>(text: &'a str, key: &str, sep: char) -> Option<&'a str> {
    text.lines().find_map(|l| {
        let (k, v) = l.split_once(sep)?;
        (k.trim() == key).then(|| v.trim())
    })
}

/// A Perl number from an `f64`, as an integer when it is one (tables
/// right-align both, but `1` reads better than `1.0` in a dump).
pub fn num(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        Value::Int(x as i64)
    } else {
        Value::Num(x)
    }
}

/// A warning with no location, like the messages of the coreutils
/// (`ls: cannot open directory '/root': Permission denied`), through
/// `$SIG{__WARN__}` when one is set.
pub fn warn(it: &mut Interp, msg: String) {
    it.emit_warning(Value::string(msg + "\n"));
}

/// The text of an errno, without perl's `(os error N)` suffix.
pub fn os_error(e: &std::io::Error) -> String {
    psh_interp::interp::errno_string(e.raw_os_error().unwrap_or(0)).to_string()
}
