//! psh prompts (thin for now).
