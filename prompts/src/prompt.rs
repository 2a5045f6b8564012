//! The [`reedline::Prompt`] the shell hands to the line editor.
//!
//! reedline asks for the prompt several times per keystroke (to redraw, to
//! measure), so nothing is computed here: the shell renders the left and
//! right strings once before each `read_line` — with the defaults or with
//! the user's Perl sub — and stores them with [`PshPrompt::set`].
//!
//! How reedline uses the strings (checked against reedline 0.52):
//! - widths are measured after stripping ANSI escapes, so coloured strings
//!   place the cursor correctly; other control characters are not stripped,
//!   hence the defaults filter them out of names they did not choose;
//! - the left prompt may span lines (`\n` is turned into `\r\n` for raw
//!   mode); a trailing `\n` puts the indicator on a line of its own;
//! - the right prompt is drawn on one row and dropped when the input reaches
//!   it, so newlines in it are replaced by spaces;
//! - reedline prints its own colour before each part; this prompt asks for
//!   the terminal's default colour instead, so uncoloured text from a user's
//!   sub shows as written rather than in reedline's green.

use std::borrow::Cow;

use nu_ansi_term::Color;
use reedline::{
    Prompt, PromptEditMode, PromptHelixMode, PromptHistorySearch, PromptHistorySearchStatus,
    PromptViMode,
};

use crate::text::printable;

/// The strings shown after the left prompt, per edit mode, and before
/// continuation lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicators {
    /// Emacs mode and vi insert mode (where typing inserts text).
    pub insert: String,
    /// Vi normal mode (where keys are commands).
    pub normal: String,
    /// Vi visual / helix select mode.
    pub visual: String,
    /// Before each continuation line of a multi-line statement.
    pub multiline: String,
}

impl Default for Indicators {
    /// Uncoloured `$ `, `: `, `+ `, `::: `.
    fn default() -> Self {
        Indicators {
            insert: "$ ".into(),
            normal: ": ".into(),
            visual: "+ ".into(),
            multiline: "::: ".into(),
        }
    }
}

/// psh's prompt: stored left/right strings plus mode indicators.
#[derive(Debug, Clone, Default)]
pub struct PshPrompt {
    left: String,
    right: String,
    indicators: Indicators,
}

impl PshPrompt {
    /// An empty prompt with the default indicators.
    pub fn new() -> PshPrompt {
        PshPrompt::default()
    }

    /// Stores the prompts for the next `read_line`. Newlines in `right` become
    /// spaces, since reedline draws it on a single row.
    pub fn set(&mut self, left: String, right: String) {
        self.left = left;
        self.right = if right.contains(['\n', '\r']) {
            right.replace(['\n', '\r'], " ")
        } else {
            right
        };
    }

    /// Replaces the mode indicators (e.g. with [`crate::default_indicators`],
    /// or with empty strings when a user's prompt sub draws its own).
    pub fn set_indicators(&mut self, indicators: Indicators) {
        self.indicators = indicators;
    }

    /// The stored left prompt.
    pub fn left(&self) -> &str {
        &self.left
    }

    /// The stored right prompt.
    pub fn right(&self) -> &str {
        &self.right
    }

    /// The current indicators.
    pub fn indicators(&self) -> &Indicators {
        &self.indicators
    }
}

impl Prompt for PshPrompt {
    fn render_prompt_left(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.left)
    }

    fn render_prompt_right(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.right)
    }

    fn render_prompt_indicator(&self, mode: PromptEditMode) -> Cow<'_, str> {
        let ind = &self.indicators;
        match mode {
            PromptEditMode::Default
            | PromptEditMode::Emacs
            | PromptEditMode::Vi(PromptViMode::Insert)
            | PromptEditMode::Helix(PromptHelixMode::Insert) => Cow::Borrowed(&ind.insert),
            PromptEditMode::Vi(PromptViMode::Normal)
            | PromptEditMode::Helix(PromptHelixMode::Normal) => Cow::Borrowed(&ind.normal),
            PromptEditMode::Vi(PromptViMode::Visual)
            | PromptEditMode::Helix(PromptHelixMode::Select) => Cow::Borrowed(&ind.visual),
            PromptEditMode::Custom(name) => Cow::Owned(format!("({}) ", printable(&name))),
        }
    }

    fn render_prompt_multiline_indicator(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.indicators.multiline)
    }

    fn render_prompt_history_search_indicator(&self, search: PromptHistorySearch) -> Cow<'_, str> {
        let failing = match search.status {
            PromptHistorySearchStatus::Passing => "",
            PromptHistorySearchStatus::Failing => "failing ",
        };
        Cow::Owned(format!("({failing}search: {}) ", printable(&search.term)))
    }

    fn get_prompt_color(&self) -> Color {
        Color::Default
    }

    fn get_indicator_color(&self) -> Color {
        Color::Default
    }

    fn get_prompt_right_color(&self) -> Color {
        Color::Default
    }

    fn get_prompt_multiline_color(&self) -> Color {
        Color::DarkGray
    }

    /// Next to the input, as zsh's `RPROMPT`, when a user's left prompt
    /// spans several lines; the same row as before for a one-line prompt.
    fn right_prompt_on_last_line(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prompt() -> PshPrompt {
        let mut p = PshPrompt::new();
        p.set("al@box ~ ".into(), "12:00:00".into());
        p
    }

    #[test]
    fn stores_left_and_right() {
        let p = prompt();
        assert_eq!(p.render_prompt_left(), "al@box ~ ");
        assert_eq!(p.render_prompt_right(), "12:00:00");
    }

    #[test]
    fn right_prompt_is_kept_on_one_row() {
        let mut p = PshPrompt::new();
        p.set("a\nb ".into(), "x\ny\r\n".into());
        assert_eq!(p.left(), "a\nb ");
        assert_eq!(p.right(), "x y  ");
    }

    #[test]
    fn indicators_follow_the_edit_mode() {
        let p = prompt();
        let ind = |m| p.render_prompt_indicator(m).into_owned();
        assert_eq!(ind(PromptEditMode::Emacs), "$ ");
        assert_eq!(ind(PromptEditMode::Default), "$ ");
        assert_eq!(ind(PromptEditMode::Vi(PromptViMode::Insert)), "$ ");
        assert_eq!(ind(PromptEditMode::Vi(PromptViMode::Normal)), ": ");
        assert_eq!(ind(PromptEditMode::Vi(PromptViMode::Visual)), "+ ");
        assert_eq!(ind(PromptEditMode::Custom("x".into())), "(x) ");
        assert_eq!(p.render_prompt_multiline_indicator(), "::: ");
    }

    #[test]
    fn replaced_indicators_are_used() {
        let mut p = prompt();
        p.set_indicators(Indicators {
            insert: "# ".into(),
            normal: "N ".into(),
            visual: "V ".into(),
            multiline: "> ".into(),
        });
        assert_eq!(p.render_prompt_indicator(PromptEditMode::Emacs), "# ");
        assert_eq!(
            p.render_prompt_indicator(PromptEditMode::Vi(PromptViMode::Normal)),
            "N "
        );
        assert_eq!(p.render_prompt_multiline_indicator(), "> ");
    }

    #[test]
    fn history_search_shows_the_term() {
        let p = prompt();
        let s = |status, term: &str| {
            p.render_prompt_history_search_indicator(PromptHistorySearch::new(
                status,
                term.to_string(),
            ))
            .into_owned()
        };
        assert_eq!(
            s(PromptHistorySearchStatus::Passing, "grep"),
            "(search: grep) "
        );
        assert_eq!(
            s(PromptHistorySearchStatus::Failing, "zz\x1b"),
            "(failing search: zz?) "
        );
    }

    #[test]
    fn prompt_text_is_not_tinted_by_reedline() {
        let p = prompt();
        assert_eq!(p.get_prompt_color(), Color::Default);
        assert_eq!(p.get_indicator_color(), Color::Default);
        assert_eq!(p.get_prompt_right_color(), Color::Default);
    }
}
