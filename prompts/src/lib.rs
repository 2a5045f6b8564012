//! psh prompts: what the shell shows before each line it reads.
//!
//! The shell drives this crate once per prompt:
//!
//! 1. [`PromptInfo::gather`] collects the facts (user, host, directory, git
//!    branch, last status and duration, jobs) with a handful of system calls
//!    and file reads, never by starting a process;
//! 2. [`default_left`] / [`default_right`] turn them into strings, unless the
//!    user's config defines a Perl sub that does it instead;
//! 3. [`PshPrompt::set`] stores the strings, and reedline asks the
//!    [`PshPrompt`] for them (and for the edit-mode indicator) while it draws.
//!
//! Rendering is kept apart from gathering so that a user's sub can receive
//! the same facts the default uses and so the defaults are testable without
//! touching the machine.

#![warn(missing_docs)]

mod dir;
mod git;
mod info;
mod prompt;
mod render;
mod text;

pub use dir::{display_dir, KEEP_COMPONENTS, MAX_DIR_WIDTH};
pub use git::{find_head, GitHead, GitState};
pub use info::PromptInfo;
pub use prompt::{Indicators, PshPrompt};
pub use render::{
    clock, default_indicators, default_left, default_right, format_duration, format_status,
    signal_name, LONG_COMMAND,
};
