//! The default left and right prompts and their pieces.
//!
//! Left: `user@host ~/src/psh (main) [1] 3.2s ` followed by the indicator
//! (`$ `, `# ` for root) that [`crate::PshPrompt`] adds per edit mode. Each
//! segment after the directory appears only when it has something to say:
//! the branch inside a repository, the status when non-zero, the duration
//! when the command ran at least [`LONG_COMMAND`].
//!
//! Right: the number of background jobs when there are any, then the time of
//! day (`2 jobs 14:03:27`). The clock tells when the previous command ended,
//! which is what one scrolls back for; jobs are easy to forget until `exit`
//! warns about them.
//!
//! With colour: user@host green (the user red for root), directory bold
//! blue, branch magenta, status bold red, duration yellow, jobs cyan, clock
//! dimmed; the indicator green after success and red after failure. Without
//! colour the output holds no escape codes at all.

use std::time::Duration;

use nix::sys::signal::Signal;
use nu_ansi_term::{Color, Style};

use crate::dir::display_dir;
use crate::info::PromptInfo;
use crate::prompt::Indicators;
use crate::text::printable;

/// Commands running at least this long get their duration in the prompt.
pub const LONG_COMMAND: Duration = Duration::from_secs(2);

/// The default left prompt: everything before the indicator, ending in a
/// space (see the module documentation for its segments and colours).
pub fn default_left(info: &PromptInfo) -> String {
    let paint = Painter(info.color);
    let mut out = String::new();

    let user_style = if info.is_root {
        Color::Red.bold()
    } else {
        Color::Green.bold()
    };
    out += &paint.style(user_style, &printable(&info.user));
    out += &paint.style(
        Color::Green.normal(),
        &format!("@{}", printable(&info.host)),
    );
    out.push(' ');
    out += &paint.style(
        Color::Blue.bold(),
        &display_dir(&info.cwd, info.home.as_deref()),
    );
    if let Some(git) = &info.git {
        out.push(' ');
        out += &paint.style(Color::Magenta.normal(), &format!("({git})"));
    }
    if let Some(status) = format_status(info.last_status) {
        out.push(' ');
        out += &paint.style(Color::Red.bold(), &format!("[{status}]"));
    }
    if let Some(d) = info.last_duration.filter(|d| *d >= LONG_COMMAND) {
        out.push(' ');
        out += &paint.style(Color::Yellow.normal(), &format_duration(d));
    }
    out.push(' ');
    out
}

/// The default right prompt: `N job(s)` when there are background jobs, then
/// the time of day as `HH:MM:SS` (see the module documentation for why).
pub fn default_right(info: &PromptInfo) -> String {
    right_with_clock(info, &clock())
}

fn right_with_clock(info: &PromptInfo, clock: &str) -> String {
    let paint = Painter(info.color);
    let mut out = String::new();
    if info.jobs > 0 {
        let noun = if info.jobs == 1 { "job" } else { "jobs" };
        out += &paint.style(Color::Cyan.normal(), &format!("{} {noun}", info.jobs));
        out.push(' ');
    }
    out += &paint.style(Style::new().dimmed(), clock);
    out
}

/// The indicators that go with the default prompt: `$ ` (`# ` for root) in
/// emacs and vi insert mode, coloured by the last status; vi normal `: `,
/// visual `+ `, continuation lines `::: `.
pub fn default_indicators(info: &PromptInfo) -> Indicators {
    let paint = Painter(info.color);
    let sigil = if info.is_root { "#" } else { "$" };
    let colour = if info.last_status == 0 {
        Color::Green
    } else {
        Color::Red
    };
    Indicators {
        insert: format!("{} ", paint.style(colour.bold(), sigil)),
        normal: format!("{} ", paint.style(Color::Yellow.bold(), ":")),
        visual: format!("{} ", paint.style(Color::Purple.bold(), "+")),
        multiline: "::: ".to_string(),
    }
}

/// A non-zero exit status as the prompt shows it, without brackets: `1`, or
/// `130 INT` when the status is 128 plus a signal number. `None` for 0.
pub fn format_status(status: i32) -> Option<String> {
    if status == 0 {
        return None;
    }
    match status
        .checked_sub(128)
        .filter(|n| *n > 0)
        .and_then(signal_name)
    {
        Some(sig) => Some(format!("{status} {sig}")),
        None => Some(status.to_string()),
    }
}

/// The short name of signal `n` (`INT`, `KILL`, `SEGV`), or `None` when this
/// system has no such signal.
pub fn signal_name(n: i32) -> Option<&'static str> {
    let sig = Signal::try_from(n).ok()?;
    let name = sig.as_str();
    Some(name.strip_prefix("SIG").unwrap_or(name))
}

/// A duration as `2.3s` below a minute (tenths truncated, so 59.96 s is not
/// shown as `60.0s`), `1m05s` below an hour, `1h02m` below a day, `2d03h`
/// beyond.
pub fn format_duration(d: Duration) -> String {
    let secs = d.as_secs();
    if secs < 60 {
        let tenths = d.subsec_millis() / 100;
        format!("{secs}.{tenths}s")
    } else if secs < 3600 {
        format!("{}m{:02}s", secs / 60, secs % 60)
    } else if secs < 86_400 {
        format!("{}h{:02}m", secs / 3600, secs % 3600 / 60)
    } else {
        format!("{}d{:02}h", secs / 86_400, secs % 86_400 / 3600)
    }
}

extern "C" {
    // POSIX, but not declared by the libc crate for Linux.
    fn tzset();
}

/// The local time of day as `HH:MM:SS`; empty if the system cannot say.
pub fn clock() -> String {
    // SAFETY: `time` and `localtime_r` write only into the locals handed to
    // them; `tzset` re-reads `TZ` so that a change to `$ENV{TZ}` in the shell
    // shows on the next prompt (`localtime_r` alone need not notice).
    unsafe {
        tzset();
        let now = libc::time(std::ptr::null_mut());
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&now, &mut tm).is_null() {
            return String::new();
        }
        format!("{:02}:{:02}:{:02}", tm.tm_hour, tm.tm_min, tm.tm_sec)
    }
}

/// Applies a style only when colour is on, so the plain prompt carries no
/// escape codes at all (not even resets).
struct Painter(bool);

impl Painter {
    fn style(&self, style: Style, text: &str) -> String {
        if self.0 {
            style.paint(text).to_string()
        } else {
            text.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::{GitHead, GitState};
    use std::path::PathBuf;

    fn info() -> PromptInfo {
        PromptInfo {
            user: "al".into(),
            host: "box".into(),
            cwd: PathBuf::from("/home/al/src/psh"),
            home: Some(PathBuf::from("/home/al")),
            last_status: 0,
            last_duration: None,
            is_root: false,
            jobs: 0,
            color: false,
            git: None,
        }
    }

    #[test]
    fn plain_left_prompt_with_nothing_to_report() {
        assert_eq!(default_left(&info()), "al@box ~/src/psh ");
    }

    #[test]
    fn plain_left_prompt_with_every_segment() {
        let mut i = info();
        i.git = Some(GitHead {
            branch: "main".into(),
            detached: false,
            state: Some(GitState::Rebase),
        });
        i.last_status = 1;
        i.last_duration = Some(Duration::from_millis(3_250));
        assert_eq!(default_left(&i), "al@box ~/src/psh (main|REBASE) [1] 3.2s ");
    }

    #[test]
    fn status_zero_is_hidden_and_signals_are_named() {
        assert_eq!(format_status(0), None);
        assert_eq!(format_status(1).as_deref(), Some("1"));
        assert_eq!(format_status(127).as_deref(), Some("127"));
        assert_eq!(format_status(128).as_deref(), Some("128"));
        assert_eq!(format_status(130).as_deref(), Some("130 INT"));
        assert_eq!(format_status(137).as_deref(), Some("137 KILL"));
        assert_eq!(format_status(139).as_deref(), Some("139 SEGV"));
        assert_eq!(format_status(255).as_deref(), Some("255"));
        assert_eq!(format_status(-1).as_deref(), Some("-1"));
    }

    #[test]
    fn signal_status_in_the_left_prompt() {
        let mut i = info();
        i.last_status = 130;
        assert!(default_left(&i).contains(" [130 INT] "));
    }

    #[test]
    fn short_durations_are_hidden() {
        let mut i = info();
        i.last_duration = Some(Duration::from_millis(1_999));
        assert_eq!(default_left(&i), "al@box ~/src/psh ");
        i.last_duration = Some(LONG_COMMAND);
        assert_eq!(default_left(&i), "al@box ~/src/psh 2.0s ");
    }

    #[test]
    fn duration_formats() {
        let ms = Duration::from_millis;
        let s = Duration::from_secs;
        assert_eq!(format_duration(ms(2_300)), "2.3s");
        assert_eq!(format_duration(ms(59_960)), "59.9s");
        assert_eq!(format_duration(s(60)), "1m00s");
        assert_eq!(format_duration(s(65)), "1m05s");
        assert_eq!(format_duration(s(3_599)), "59m59s");
        assert_eq!(format_duration(s(3_600 + 120 + 30)), "1h02m");
        assert_eq!(format_duration(s(86_400 * 2 + 3_600 * 3)), "2d03h");
    }

    #[test]
    fn no_colour_means_no_escape_codes() {
        let mut i = info();
        i.git = Some(GitHead {
            branch: "main".into(),
            detached: false,
            state: None,
        });
        i.last_status = 130;
        i.last_duration = Some(Duration::from_secs(90));
        i.jobs = 2;
        i.is_root = true;
        let ind = default_indicators(&i);
        for s in [
            default_left(&i),
            default_right(&i),
            ind.insert,
            ind.normal,
            ind.visual,
            ind.multiline,
        ] {
            assert!(!s.contains('\x1b'), "escape in {s:?}");
        }
    }

    #[test]
    fn colour_adds_escape_codes_around_the_same_text() {
        let mut i = info();
        i.last_status = 2;
        let plain = default_left(&i);
        i.color = true;
        let coloured = default_left(&i);
        assert!(coloured.contains('\x1b'));
        assert_eq!(strip_sgr(&coloured), plain);
    }

    #[test]
    fn root_gets_a_hash_indicator() {
        let mut i = info();
        assert_eq!(default_indicators(&i).insert, "$ ");
        i.is_root = true;
        assert_eq!(default_indicators(&i).insert, "# ");
        assert_eq!(default_indicators(&i).normal, ": ");
    }

    #[test]
    fn indicator_colour_follows_the_last_status() {
        let mut i = info();
        i.color = true;
        let ok = default_indicators(&i).insert;
        i.last_status = 1;
        let failed = default_indicators(&i).insert;
        assert_ne!(ok, failed);
        assert_eq!(strip_sgr(&failed), "$ ");
    }

    #[test]
    fn right_prompt_shows_jobs_only_when_there_are_some() {
        let mut i = info();
        assert_eq!(right_with_clock(&i, "14:03:27"), "14:03:27");
        i.jobs = 1;
        assert_eq!(right_with_clock(&i, "14:03:27"), "1 job 14:03:27");
        i.jobs = 3;
        assert_eq!(right_with_clock(&i, "14:03:27"), "3 jobs 14:03:27");
    }

    #[test]
    fn clock_is_hh_mm_ss() {
        let c = clock();
        let b = c.as_bytes();
        assert_eq!(b.len(), 8, "{c:?}");
        assert!(b[2] == b':' && b[5] == b':', "{c:?}");
        assert!(c.split(':').all(|p| p.parse::<u32>().is_ok()), "{c:?}");
    }

    /// Removes SGR sequences (`ESC [ … m`), the only kind nu-ansi-term emits.
    fn strip_sgr(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
