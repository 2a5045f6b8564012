//! `who()` and `users()`: the logged-in sessions, from the utmp database.

use psh_interp::interp::{Interp, Want};
use psh_interp::value::*;

use crate::util::*;
use crate::Command;

/// `who()`.
pub const COMMAND: Command = Command {
    name: "who",
    signature: "who()",
    description: "Logged-in sessions as PSH::Login records, from utmp",
    examples: &[
        ("who()", "who is logged in, where from, since when"),
        ("who() | grep { $_->{host} ne '' }", "remote logins"),
    ],
    class: Some("PSH::Login"),
    keys: &[
        ("user", "login name"),
        ("tty", "terminal line (pts/0…)"),
        ("host", "remote host, empty for local logins"),
        ("login", "login time, epoch seconds"),
        ("pid", "process id of the login process"),
    ],
    run: who,
};

/// `users()`.
pub const USERS: Command = Command {
    name: "users",
    signature: "users()",
    description: "Names of the logged-in users, sorted, each once (a list of strings)",
    examples: &[
        ("users()", "who is on"),
        ("scalar users()", "how many users are on"),
    ],
    class: None,
    keys: &[],
    run: users,
};

/// A fixed-size, NUL-padded utmp field as bytes.
fn field_bytes(f: &[libc::c_char]) -> Vec<u8> {
    let b: &[u8] = unsafe { std::slice::from_raw_parts(f.as_ptr() as *const u8, f.len()) };
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    b[..end].to_vec()
}

/// One user session: user, tty, host, login time, pid.
type Session = (Vec<u8>, Vec<u8>, Vec<u8>, i64, i64);

/// The USER_PROCESS entries of utmp. getutxent keeps its position in libc
/// state, so the whole walk happens here, between setutxent and endutxent.
fn sessions() -> Vec<Session> {
    let mut v = Vec::new();
    unsafe {
        libc::setutxent();
        loop {
            let e = libc::getutxent();
            if e.is_null() {
                break;
            }
            let e = &*e;
            if e.ut_type != libc::USER_PROCESS {
                continue;
            }
            v.push((
                field_bytes(&e.ut_user),
                field_bytes(&e.ut_line),
                field_bytes(&e.ut_host),
                e.ut_tv.tv_sec as i64,
                e.ut_pid as i64,
            ));
        }
        libc::endutxent();
    }
    v
}

/// The native `PSH::Cmd::who`.
pub fn who(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let recs = sessions()
        .into_iter()
        .map(|(user, tty, host, login, pid)| {
            let r = Rec::new(5);
            r.set("user", bstr(&user))
                .set("tty", bstr(&tty))
                .set("host", bstr(&host))
                .set("login", Value::Int(login))
                .set("pid", Value::Int(pid));
            r.bless("PSH::Login")
        })
        .collect();
    records(want, out, recs)
}

/// The native `PSH::Cmd::users`: names, not records, as users(1) prints.
pub fn users(_: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    let mut names: Vec<Vec<u8>> = sessions().into_iter().map(|s| s.0).collect();
    names.sort();
    names.dedup();
    records(want, out, names.iter().map(|n| bstr(n)).collect())
}
