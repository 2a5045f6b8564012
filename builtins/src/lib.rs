//! psh builtins (thin for now).
