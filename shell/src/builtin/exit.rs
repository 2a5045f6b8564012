//! `exit`.

use super::Builtin;
use crate::shell::Shell;

pub const EXIT: Builtin = Builtin {
    name: "exit",
    usage: "exit [STATUS]",
    description: "leave the shell (warns once when jobs remain)",
    run: exit,
};

fn exit(sh: &mut Shell, args: &[String]) -> i32 {
    let code = match args.first() {
        Some(a) => match a.parse::<i32>() {
            Ok(n) => n & 0xff,
            Err(_) => return super::usage(&EXIT, &format!("{a}: a number is needed")),
        },
        None => sh.last_status,
    };
    if sh.interactive && sh.jobs.running_or_stopped() > 0 && !sh.warned_jobs {
        sh.warned_jobs = true;
        eprintln!(
            "psh: there are jobs running or stopped (`jobs` lists them); exit again to leave"
        );
        return 1;
    }
    sh.exit_requested = Some(code);
    code
}
