//! psh completions (thin for now).
