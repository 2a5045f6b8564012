//! How an interactive statement's value is shown: scalars printed, lists
//! and hashes in a compact readable form, a list of hashrefs as an aligned
//! table fitted to the terminal width.
