//! `@INC`: the system perl's library folders, found on disk (never by asking
//! `/usr/bin/perl` at run time), so perl 5.36's pure-Perl modules load.

/// Folders perl 5.36 searches on Debian-like and other common layouts, in
/// perl's order, keeping those that exist.
pub fn default_inc() -> Vec<String> {
    const CANDIDATES: &[&str] = &[
        "/etc/perl",
        "/usr/local/lib/x86_64-linux-gnu/perl/5.36.0",
        "/usr/local/share/perl/5.36.0",
        "/usr/lib/x86_64-linux-gnu/perl5/5.36",
        "/usr/share/perl5",
        "/usr/lib/x86_64-linux-gnu/perl-base",
        "/usr/lib/x86_64-linux-gnu/perl/5.36",
        "/usr/share/perl/5.36",
        "/usr/local/lib/site_perl",
        "/usr/lib64/perl5",
        "/usr/share/perl5/vendor_perl",
        "/usr/lib64/perl5/vendor_perl",
    ];
    let mut out = Vec::new();
    if let Ok(p) = std::env::var("PERL5LIB") {
        out.extend(p.split(':').filter(|s| !s.is_empty()).map(String::from));
    }
    // On a Debian-style perl 5.36 the list is perl's own, folders that do
    // not exist included (it shows in "Can't locate" messages).
    if std::path::Path::new("/usr/lib/x86_64-linux-gnu/perl/5.36").is_dir() {
        out.extend(CANDIDATES[..9].iter().map(|d| d.to_string()));
        return out;
    }
    out.extend(
        CANDIDATES
            .iter()
            .filter(|d| std::path::Path::new(d).is_dir())
            .map(|d| d.to_string()),
    );
    out
}
