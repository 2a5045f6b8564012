//! perl's program-shaping switches (`-n -p -l -a -F -0 -i -M -m -x -s`):
//! read from the command line and from a script's `#!` line, then applied
//! by writing Perl around the program and by setting interpreter state
//! before it compiles, as perl does.

use psh_interp::ast::well_known as wk;
use psh_interp::interp::Interp;
use psh_interp::parse::{set_warnings_switch, WarningsSwitch};
use psh_interp::value::Value;

#[derive(Default, Clone)]
pub struct Switches {
    /// `-n`: the program runs once per input line.
    pub line_loop: bool,
    /// `-p`: like `-n`, printing `$_` after each line.
    pub print_loop: bool,
    /// `-a`: each line is split into `@F`.
    pub autosplit: bool,
    /// `-F`: the pattern `-a` splits on.
    pub split_pattern: Option<Vec<u8>>,
    /// `-l`: lines are chomped (under `-n`/`-p`).
    pub chomp: bool,
    /// `-l`: `$\` (`None` inside: perl's empty-but-defined value).
    pub ors: Option<Vec<u8>>,
    /// `-0`: `$/` (`Some(None)`: undef, slurping files whole).
    pub rs: Option<Option<Vec<u8>>>,
    /// `-i`: `$^I`, the backup extension of in-place editing.
    pub inplace: Option<Vec<u8>>,
    /// `-M`/`-m`: `use`/`no` statements put before the program.
    pub modules: Vec<u8>,
    /// `-x`: skip text before a `#!…perl` line (after moving to the dir).
    pub extract: Option<Option<Vec<u8>>>,
    /// `-s`: the script's own `-name` switches set `$main::name`.
    pub switch_args: bool,
    /// `-w`/`-W` (true) and `-X` (false).
    pub warnings: Option<bool>,
    /// `-W` (all warnings, whatever the code says) or `-X` (none).
    pub everything: Option<WarningsSwitch>,
}

impl Switches {
    /// `$/` as the switches read so far leave it.
    fn current_rs(&self) -> Option<Vec<u8>> {
        match &self.rs {
            Some(v) => v.clone(),
            None => Some(b"\n".to_vec()),
        }
    }

    /// perl's `-l` without a number: `$\` takes `$/`'s value at this point
    /// (paragraph mode giving two newlines).
    pub fn dash_l_plain(&mut self) {
        self.chomp = true;
        self.ors = match self.current_rs() {
            Some(v) if v.is_empty() => Some(b"\n\n".to_vec()),
            Some(v) => Some(v),
            None => None,
        };
    }

    /// Whether the program is wrapped in the `-n`/`-p` loop.
    pub fn looping(&self) -> bool {
        self.line_loop || self.print_loop
    }

    /// Whether a switch that shapes a Perl program was given (which makes
    /// psh's own meaning of a bare `-l`/`-i` the wrong one).
    pub fn shapes_program(&self) -> bool {
        self.looping() || self.inplace.is_some() || self.rs.is_some() || !self.modules.is_empty()
    }

    /// The switch letter at `a[j]` of a bundle (`a[0]` is the `-`) when it
    /// is one of these: the index of the next letter, `a.len()` when the
    /// rest of the bundle was its value; `Ok(None)` for other letters.
    pub fn letter(&mut self, a: &[u8], j: usize) -> Result<Option<usize>, String> {
        let rest = &a[j + 1..];
        Ok(Some(match a[j] {
            b'n' => {
                self.line_loop = true;
                j + 1
            }
            b'p' => {
                self.print_loop = true;
                j + 1
            }
            b'a' => {
                // Since perl 5.20, -a implies -n.
                self.autosplit = true;
                self.line_loop = true;
                j + 1
            }
            b'F' => {
                self.split_pattern = Some(rest.to_vec());
                self.autosplit = true;
                self.line_loop = true;
                a.len()
            }
            b'l' => {
                let n = rest
                    .iter()
                    .take_while(|c| (b'0'..=b'7').contains(c))
                    .count();
                if n == 0 {
                    self.dash_l_plain();
                } else {
                    self.chomp = true;
                    let v = octal(&rest[..n]);
                    self.ors = Some(char_bytes(v));
                }
                j + 1 + n
            }
            b'0' => {
                let (v, used) = if matches!(rest.first(), Some(b'x' | b'X')) {
                    let n = rest[1..]
                        .iter()
                        .take_while(|c| c.is_ascii_hexdigit())
                        .count();
                    let digits = std::str::from_utf8(&rest[1..1 + n]).unwrap_or("0");
                    (u32::from_str_radix(digits, 16).unwrap_or(0), 1 + n)
                } else {
                    let n = rest
                        .iter()
                        .take_while(|c| (b'0'..=b'7').contains(c))
                        .count();
                    (octal(&rest[..n]), n)
                };
                let hex = matches!(rest.first(), Some(b'x' | b'X'));
                self.rs = Some(if !hex && v >= 0o400 {
                    None
                } else if !hex && v == 0 && used >= 1 {
                    // -00: paragraph mode.
                    Some(Vec::new())
                } else {
                    Some(char_bytes(v))
                });
                j + 1 + used
            }
            b'i' => {
                self.inplace = Some(rest.to_vec());
                a.len()
            }
            b's' => {
                self.switch_args = true;
                j + 1
            }
            b'x' => {
                self.extract = Some((!rest.is_empty()).then(|| rest.to_vec()));
                a.len()
            }
            b'M' | b'm' => {
                if rest.is_empty() {
                    return Err(format!("Missing argument to -{}.", a[j] as char));
                }
                self.add_module(a[j] == b'm', rest);
                a.len()
            }
            b'w' => {
                self.warnings = Some(true);
                j + 1
            }
            b'W' => {
                self.warnings = Some(true);
                self.everything = Some(WarningsSwitch::All);
                j + 1
            }
            b'X' => {
                self.warnings = Some(false);
                self.everything = Some(WarningsSwitch::None);
                j + 1
            }
            // Taint checks, unsafe operations and Unicode switches: accepted
            // so scripts that carry them run (psh has no taint mode).
            b'T' | b't' | b'U' => j + 1,
            b'C' => {
                j + 1
                    + rest
                        .iter()
                        .take_while(|c| c.is_ascii_alphanumeric())
                        .count()
            }
            _ => return Ok(None),
        }))
    }

    /// `-MFoo=a,b` is `use Foo ('a','b');`, `-M-Foo` is `no Foo;`, `-mFoo`
    /// is `use Foo ();`, and `-M'Foo qw(x)'` is taken as written.
    fn add_module(&mut self, bare: bool, spec: &[u8]) {
        let (kw, spec) = match spec.strip_prefix(b"-") {
            Some(s) => (&b"no "[..], s),
            None => (&b"use "[..], spec),
        };
        self.modules.extend_from_slice(kw);
        match spec.iter().position(|&c| c == b'=') {
            Some(eq) => {
                self.modules.extend_from_slice(&spec[..eq]);
                self.modules.extend_from_slice(b" (");
                for (k, item) in spec[eq + 1..].split(|&c| c == b',').enumerate() {
                    if k > 0 {
                        self.modules.push(b',');
                    }
                    self.modules.extend_from_slice(&single_quoted(item));
                }
                self.modules.push(b')');
            }
            None => {
                self.modules.extend_from_slice(spec);
                if bare {
                    self.modules.extend_from_slice(b" ()");
                }
            }
        }
        self.modules.extend_from_slice(b"; ");
    }

    /// Switches from a script's `#!` line, when it names perl (or psh).
    /// perl ignores what makes no sense there (`-e`, `-M`, `-x`, `-I`
    /// would need the command line), and so does this.
    pub fn read_shebang(&mut self, src: &[u8]) {
        if !src.starts_with(b"#!") {
            return;
        }
        let line = src.split(|&b| b == b'\n').next().unwrap_or(b"");
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let Some(at) = find(line, b"perl").or_else(|| find(line, b"psh")) else {
            return;
        };
        let words = line[at..].split(|c| c.is_ascii_whitespace()).skip(1);
        for w in words {
            if w.is_empty() {
                continue;
            }
            if !w.starts_with(b"-") || w.starts_with(b"--") {
                break;
            }
            let mut j = 1;
            while j < w.len() {
                match w[j] {
                    b'M' | b'm' | b'x' | b'I' | b'e' | b'E' => break,
                    _ => match self.letter(w, j) {
                        Ok(Some(next)) => j = next,
                        _ => break,
                    },
                }
            }
        }
    }

    /// The program as run: `-M` statements and the `-n`/`-p` loop written
    /// around it on a line 0 of their own (perl reports no line for them)
    /// so that the program's own lines keep their numbers. The second
    /// value is the number of the first line.
    pub fn wrap(&self, src: &[u8]) -> (Vec<u8>, u32) {
        if self.modules.is_empty() && !self.looping() {
            return (src.to_vec(), 1);
        }
        let mut out = self.modules.clone();
        if self.looping() {
            out.extend_from_slice(b"LINE: while (<>) {");
            if self.chomp {
                out.extend_from_slice(b"chomp;");
            }
            if self.autosplit {
                out.extend_from_slice(b"our @F = split(");
                match &self.split_pattern {
                    Some(p) if is_delimited(p) => out.extend_from_slice(p),
                    Some(p) => out.extend_from_slice(&single_quoted(p)),
                    None => out.extend_from_slice(b"' '"),
                }
                out.extend_from_slice(b");");
            }
        }
        out.push(b'\n');
        if !self.looping() {
            out.extend_from_slice(src);
            return (out, 0);
        }
        // The loop closes before `__END__`/`__DATA__`: what follows is data.
        let end = data_marker(src).unwrap_or(src.len());
        out.extend_from_slice(&src[..end]);
        out.extend_from_slice(b"\n;}");
        if self.print_loop {
            out.extend_from_slice(b" continue { die \"-p destination: $!\\n\" unless print $_; }");
        }
        out.push(b'\n');
        out.extend_from_slice(&src[end..]);
        (out, 0)
    }

    /// Interpreter state the switches set before the program compiles.
    pub fn apply(&self, it: &mut Interp) {
        if let Some(w) = self.everything {
            set_warnings_switch(w);
        }
        if let Some(rs) = &self.rs {
            let v = match rs {
                Some(b) => Value::bytes(b),
                None => Value::Undef,
            };
            it.gv(wk::RS).sv().set(v);
        }
        if self.chomp {
            let v = Value::bytes(self.ors.as_deref().unwrap_or(b""));
            it.gv(wk::ORS).sv().set(v);
        }
        if let Some(ext) = &self.inplace {
            it.glob("main::^I").sv().set(Value::bytes(ext));
        }
    }
}

/// `-s`: the script's leading `-name` / `-name=value` arguments set
/// `$main::name` and are removed, up to a `--` (removed too) or the first
/// argument that is not a switch.
pub fn take_script_switches(it: &mut Interp, args: &mut Vec<Vec<u8>>) {
    let mut n = 0;
    while n < args.len() {
        let a = &args[n];
        if a == b"--" {
            n += 1;
            break;
        }
        if a.len() < 2 || a[0] != b'-' {
            break;
        }
        let body = &a[1..];
        let (name, value) = match body.iter().position(|&c| c == b'=') {
            Some(eq) => (&body[..eq], Value::bytes(&body[eq + 1..])),
            None => (body, Value::Int(1)),
        };
        let name = format!("main::{}", String::from_utf8_lossy(name));
        it.glob(&name).sv().set(value);
        n += 1;
    }
    args.drain(..n);
}

/// `-x`: the source from its first `#!` line that mentions perl; `None`
/// when there is none.
pub fn skip_to_perl_line(src: &[u8]) -> Option<&[u8]> {
    let mut at = 0;
    while at < src.len() {
        let end = src[at..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(src.len(), |e| at + e + 1);
        let line = &src[at..end];
        if line.starts_with(b"#!") && find(line, b"perl").is_some() {
            return Some(&src[at..]);
        }
        at = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The start of a `__END__` or `__DATA__` line.
fn data_marker(src: &[u8]) -> Option<usize> {
    let mut at = 0;
    while at < src.len() {
        let rest = &src[at..];
        for m in [&b"__END__"[..], b"__DATA__"] {
            if rest.starts_with(m) && rest.get(m.len()).is_none_or(|c| c.is_ascii_whitespace()) {
                return Some(at);
            }
        }
        at += rest
            .iter()
            .position(|&c| c == b'\n')
            .map_or(rest.len(), |e| e + 1);
    }
    None
}

/// `-F/:/`, `-F'x'`, `-F"x"`: perl takes a pattern already delimited by
/// `/`, `'` or `"` as Perl code.
fn is_delimited(p: &[u8]) -> bool {
    matches!(p.first(), Some(b'/' | b'\'' | b'"')) && p[1..].contains(&p[0])
}

/// `bytes` as a Perl single-quoted string with every byte kept as is.
fn single_quoted(bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![b'\''];
    for &c in bytes {
        if c == b'\\' || c == b'\'' {
            out.push(b'\\');
        }
        out.push(c);
    }
    out.push(b'\'');
    out
}

fn octal(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |v, &d| {
        v.saturating_mul(8).saturating_add((d - b'0') as u32)
    })
}

/// The character `v` as bytes (UTF-8 above 255, as perl stores it).
fn char_bytes(v: u32) -> Vec<u8> {
    if v < 256 {
        return vec![v as u8];
    }
    char::from_u32(v)
        .map(|c| c.to_string().into_bytes())
        .unwrap_or_default()
}
