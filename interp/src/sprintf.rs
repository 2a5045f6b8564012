//! Perl sprintf (in progress).
