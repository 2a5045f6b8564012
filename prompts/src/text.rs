//! Keeping untrusted text from steering the terminal.

use std::borrow::Cow;

/// `s` with every control character replaced by `?`.
///
/// Directory names, branch names and search terms come from outside psh; an
/// escape or newline in one of them would move the cursor or recolour the
/// screen and leave reedline's idea of the prompt width wrong.
pub(crate) fn printable(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_control) {
        Cow::Owned(
            s.chars()
                .map(|c| if c.is_control() { '?' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn control_characters_become_question_marks() {
        assert_eq!(printable("a\x1b[31mb\nc"), "a?[31mb?c");
        assert_eq!(printable("plain ünïcode"), "plain ünïcode");
    }
}
