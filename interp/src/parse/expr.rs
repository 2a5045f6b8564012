//! Expressions: operator precedence (perlop), terms, variables, calls.

use super::lexer::{is_ident_char, is_ident_start, is_op_word};
use super::scope::Binding;
use super::{bytes_str, features, plain_str, PResult, Parser};
use crate::ast::well_known;
use crate::ast::*;
use std::sync::Arc;

// Precedence levels, loosest first (perlop).
pub(crate) const P_LOWOR: u8 = 1;
pub(crate) const P_LOWAND: u8 = 2;
pub(crate) const P_LOWNOT: u8 = 3;
pub(crate) const P_COMMA: u8 = 5;
pub(crate) const P_ASSIGN: u8 = 6;
pub(crate) const P_COND: u8 = 7;
pub(crate) const P_RANGE: u8 = 8;
pub(crate) const P_OROR: u8 = 9;
pub(crate) const P_ANDAND: u8 = 10;
pub(crate) const P_BITOR: u8 = 11;
pub(crate) const P_BITAND: u8 = 12;
pub(crate) const P_EQ: u8 = 13;
pub(crate) const P_REL: u8 = 14;
pub(crate) const P_ISA: u8 = 15;
pub(crate) const P_UNI: u8 = 16;
pub(crate) const P_SHIFT: u8 = 17;
pub(crate) const P_ADD: u8 = 18;
pub(crate) const P_MUL: u8 = 19;
pub(crate) const P_BIND: u8 = 20;
pub(crate) const P_POW: u8 = 22;
pub(crate) const P_INC: u8 = 23;

// `Op::OpAssign` is `+=` and friends: the name is the operator's.
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Bin(BinOp),
    Log(LogOp),
    Assign,
    OpAssign(BinOp),
    LogAssign(LogOp),
    Comma,
    Cond,
    Range(bool),
    Bind(bool),
    Repeat,
    LowOr,
    LowAnd,
    LowXor,
}

/// How a builtin's arguments are parsed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum BK {
    /// Named unary operator defaulting to `$_`.
    Uni,
    /// Named unary operator without a default operand.
    UniOpt,
    /// List operator.
    List,
    /// List operator defaulting to `$_` (`chomp`, `unlink`).
    ListDef,
    /// No operands.
    Zero,
    /// `shift`/`pop`: defaults to `@_` or `@ARGV`.
    ArrayOp,
    /// Named unary taking a filehandle (`close FH`).
    UniFh,
    /// List operator whose first operand may be a bareword filehandle.
    ListFh,
}

/// The characters that name a punctuation variable on their own (`$;`,
/// `${$}`).
const PUNCT_VAR_CHARS: &[u8] = b"&`'+!@/\\,;.<>()[]?|\"$-:^~=%0";

pub(crate) fn builtin(name: &str) -> Option<(Func, BK)> {
    use Func::*;
    use BK::*;
    Some(match name {
        "length" => (Length, Uni),
        "substr" => (Substr, List),
        "index" => (Index, List),
        "rindex" => (Rindex, List),
        "uc" => (Uc, Uni),
        "lc" => (Lc, Uni),
        "ucfirst" => (Ucfirst, Uni),
        "lcfirst" => (Lcfirst, Uni),
        "chop" => (Chop, ListDef),
        "chomp" => (Chomp, ListDef),
        "chr" => (Chr, Uni),
        "ord" => (Ord, Uni),
        "reverse" => (Reverse, List),
        "join" => (Join, List),
        "sprintf" => (Sprintf, List),
        "quotemeta" => (Quotemeta, Uni),
        "hex" => (Hex, Uni),
        "oct" => (Oct, Uni),
        "abs" => (Abs, Uni),
        "int" => (Int, Uni),
        "sqrt" => (Sqrt, Uni),
        "sin" => (Sin, Uni),
        "cos" => (Cos, Uni),
        "atan2" => (Atan2, List),
        "exp" => (Exp, Uni),
        "log" => (Log, Uni),
        "rand" => (Rand, UniOpt),
        "srand" => (Srand, UniOpt),
        "ref" => (Ref, Uni),
        "bless" => (Bless, List),
        "die" => (Die, List),
        "warn" => (Warn, List),
        "exit" => (Exit, UniOpt),
        "pos" => (Pos, Uni),
        "pack" => (Pack, List),
        "unpack" => (Unpack, List),
        "vec" => (Vec, List),
        "fc" => (Fc, Uni),
        "crypt" => (Crypt, List),
        "push" => (Push, List),
        "pop" => (Pop, ArrayOp),
        "shift" => (Shift, ArrayOp),
        "unshift" => (Unshift, List),
        "splice" => (Splice, List),
        "keys" => (Keys, UniOpt),
        "values" => (Values, UniOpt),
        "each" => (Each, UniOpt),
        "open" => (Open, ListFh),
        "close" => (Close, UniFh),
        "binmode" => (Binmode, ListFh),
        "eof" => (Eof, UniFh),
        "getc" => (Getc, UniFh),
        "read" => (Read, ListFh),
        "sysread" => (Sysread, ListFh),
        "syswrite" => (Syswrite, ListFh),
        "seek" => (Seek, ListFh),
        "sysseek" => (Sysseek, ListFh),
        "tell" => (Tell, UniFh),
        "select" => (Select, ListFh),
        "fileno" => (Fileno, UniFh),
        "unlink" => (Unlink, ListDef),
        "mkdir" => (Mkdir, ListDef),
        "rmdir" => (Rmdir, Uni),
        "rename" => (Rename, List),
        "opendir" => (Opendir, ListFh),
        "readdir" => (Readdir, UniFh),
        "closedir" => (Closedir, UniFh),
        "rewinddir" => (Rewinddir, UniFh),
        "chdir" => (Chdir, UniOpt),
        "chmod" => (Chmod, List),
        "chown" => (Chown, List),
        "utime" => (Utime, List),
        "stat" => (Stat, UniFh),
        "lstat" => (Lstat, UniFh),
        "link" => (Link, List),
        "symlink" => (Symlink, List),
        "readlink" => (Readlink, Uni),
        "truncate" => (Truncate, ListFh),
        "flock" => (Flock, ListFh),
        "glob" => (Glob, ListDef),
        "umask" => (Umask, UniOpt),
        "pipe" => (Pipe, ListFh),
        "system" => (System, List),
        "exec" => (Exec, List),
        "fork" => (Fork, Zero),
        "wait" => (Wait, Zero),
        "waitpid" => (Waitpid, List),
        "kill" => (Kill, List),
        "sleep" => (Sleep, UniOpt),
        "time" => (Time, Zero),
        "times" => (Times, Zero),
        "localtime" => (Localtime, UniOpt),
        "gmtime" => (Gmtime, UniOpt),
        "alarm" => (Alarm, Uni),
        "getppid" => (Getppid, Zero),
        "getpwnam" => (Getpwnam, UniOpt),
        "getpwuid" => (Getpwuid, UniOpt),
        "getgrgid" => (Getgrgid, UniOpt),
        "getgrnam" => (Getgrnam, UniOpt),
        "getlogin" => (Getlogin, Zero),
        "caller" => (Caller, UniOpt),
        "lock" => (Lock, UniOpt),
        "prototype" => (Prototype, Uni),
        "study" => (Study, Uni),
        "reset" => (Reset, UniOpt),
        "dump" => (Dump, UniOpt),
        "readpipe" => (Readpipe, Uni),
        "formline" => (Formline, List),
        "write" => (Write, UniFh),
        "tie" => (Tie, List),
        "tied" => (Tied, UniOpt),
        "untie" => (Untie, UniOpt),
        "dbmopen" => (Dbmopen, List),
        "sysopen" => (Sysopen, ListFh),
        "socket" => (Socket, ListFh),
        "socketpair" => (Socketpair, ListFh),
        "bind" => (Bind, ListFh),
        "connect" => (Connect, ListFh),
        "listen" => (Listen, ListFh),
        "accept" => (Accept, ListFh),
        "shutdown" => (Shutdown, ListFh),
        "setsockopt" => (Setsockopt, ListFh),
        "getsockopt" => (Getsockopt, ListFh),
        "send" => (Send, ListFh),
        "recv" => (Recv, ListFh),
        "getpeername" => (Getpeername, UniFh),
        "getsockname" => (Getsockname, UniFh),
        "gethostbyname" => (Gethostbyname, UniOpt),
        "getprotobyname" => (Getprotobyname, UniOpt),
        "getservbyname" => (Getservbyname, List),
        "fcntl" => (Fcntl, ListFh),
        "ioctl" => (Ioctl, ListFh),
        "chroot" => (Chroot, Uni),
        "getpgrp" => (Getpgrp, UniOpt),
        "setpgrp" => (Setpgrp, List),
        "getpriority" => (Getpriority, List),
        "setpriority" => (Setpriority, List),
        "syscall" => (Syscall, List),
        _ => return None,
    })
}

/// Words handled specially by the term parser (never user-sub calls).
pub(crate) fn is_keyword(w: &str) -> bool {
    builtin(w).is_some()
        || matches!(
            w,
            "my" | "our"
                | "local"
                | "state"
                | "sub"
                | "do"
                | "eval"
                | "q"
                | "qq"
                | "qw"
                | "qx"
                | "m"
                | "s"
                | "tr"
                | "y"
                | "qr"
                | "print"
                | "say"
                | "printf"
                | "sort"
                | "map"
                | "grep"
                | "split"
                | "return"
                | "last"
                | "next"
                | "redo"
                | "goto"
                | "defined"
                | "undef"
                | "exists"
                | "delete"
                | "scalar"
                | "wantarray"
                | "require"
                | "readline"
                | "if"
                | "unless"
                | "while"
                | "until"
                | "for"
                | "foreach"
                | "not"
                | "__PACKAGE__"
                | "__FILE__"
                | "__LINE__"
                | "__SUB__"
                | "__END__"
                | "__DATA__"
        )
}

fn is_modifier_word(w: &str) -> bool {
    matches!(w, "if" | "unless" | "while" | "until" | "for" | "foreach")
}

pub(crate) fn list_or_single(mut items: Vec<Expr>) -> Expr {
    if items.len() == 1 {
        items.pop().unwrap()
    } else {
        Expr::List(items)
    }
}

pub(crate) fn underscore() -> Expr {
    Expr::Global(well_known::UNDERSCORE)
}

fn is_list_lhs(e: &Expr) -> bool {
    match e {
        Expr::MyArray(_)
        | Expr::MyHash(_)
        | Expr::GlobalArray(_)
        | Expr::GlobalHash(_)
        | Expr::Args
        | Expr::ArrayDeref(_)
        | Expr::HashDeref(_)
        | Expr::Slice { .. }
        | Expr::HashSlice { .. }
        | Expr::KvSlice { .. }
        | Expr::KvHashSlice { .. }
        | Expr::List(_) => true,
        Expr::MyDecl { vars, paren } => *paren || vars.iter().any(|(k, _)| *k != PadKind::Scalar),
        Expr::Local(inner) => is_list_lhs(inner),
        Expr::Special(SpecialVar::MatchStart | SpecialVar::MatchEnd | SpecialVar::Captures) => true,
        _ => false,
    }
}

/// The number of scalars a list-assignment target holds, or `None` when it
/// has an array or hash (which takes every remaining value).
fn split_lhs_scalars(lhs: &Expr) -> Option<usize> {
    match lhs {
        Expr::MyDecl { vars, .. } => vars
            .iter()
            .all(|(k, _)| *k == PadKind::Scalar)
            .then_some(vars.len()),
        Expr::List(items) => items.iter().try_fold(0, |n, it| {
            Some(
                n + match it {
                    Expr::MyDecl { .. } | Expr::List(_) => split_lhs_scalars(it)?,
                    Expr::Local(inner) if !is_list_lhs(inner) => 1,
                    _ if is_list_lhs(it) => return None,
                    _ => 1,
                },
            )
        }),
        _ => None,
    }
}

pub(crate) fn array_expr(p: ArrayPlace) -> Expr {
    match p {
        ArrayPlace::My(s) => Expr::MyArray(s),
        ArrayPlace::Global(g) => Expr::GlobalArray(g),
        ArrayPlace::Args => Expr::Args,
        ArrayPlace::Deref(e) => match *e {
            Expr::Ref(inner) if matches!(*inner, Expr::Special(_)) => *inner,
            other => Expr::ArrayDeref(Box::new(other)),
        },
    }
}

pub(crate) fn hash_expr(p: HashPlace) -> Expr {
    match p {
        HashPlace::My(s) => Expr::MyHash(s),
        HashPlace::Global(g) => Expr::GlobalHash(g),
        HashPlace::Deref(e) => match *e {
            Expr::Ref(inner) if matches!(*inner, Expr::Special(_)) => *inner,
            other => Expr::HashDeref(Box::new(other)),
        },
    }
}

fn special_scalar(name: &str) -> Option<SpecialVar> {
    use SpecialVar::*;
    Some(match name {
        "&" | "^MATCH" => Match,
        "`" | "^PREMATCH" => PreMatch,
        "'" | "^POSTMATCH" => PostMatch,
        "+" => LastParen,
        "^N" => LastClosedParen,
        "!" => Errno,
        "?" => ChildStatus,
        "$" => Pid,
        "." => InputLine,
        "]" => PerlVersion,
        "<" => Uid,
        ">" => Euid,
        "(" => Gid,
        ")" => Egid,
        "^W" => Warnings,
        "^V" => PerlVersionV,
        "^X" => ExecPath,
        "^O" => OsName,
        "^T" => BaseTime,
        "^S" => InEval,
        "^E" => ExtendedError,
        _ => {
            if !name.is_empty() && name.bytes().all(|c| c.is_ascii_digit()) && name != "0" {
                return Some(Capture(name.parse().unwrap_or(u32::MAX)));
            }
            return None;
        }
    })
}

impl Parser {
    // ------------------------------------------------------------ entry points

    /// A full expression, including the low-precedence `and`/`or`/`not`.
    pub fn parse_expr(&mut self) -> PResult<Expr> {
        self.parse_expr_prec(P_LOWOR)
    }

    pub fn parse_expr_prec(&mut self, min: u8) -> PResult<Expr> {
        self.check_depth()?;
        let r = self.parse_expr_inner(min);
        self.depth -= 1;
        r
    }

    /// Is the next thing something that can start a term? `unary` is the
    /// stricter test used after named unary operators.
    pub fn starts_term(&mut self, unary: bool) -> bool {
        self.skip_ws();
        let Some(c) = self.peek() else { return false };
        let n = self.peek_at(1).unwrap_or(0);
        match c {
            b'$' | b'@' | b'"' | b'\'' | b'`' | b'\\' | b'(' | b'[' => true,
            b'0'..=b'9' => true,
            b'+' | b'-' if n == c => true,
            b'.' => n.is_ascii_digit(),
            b'%' => {
                is_ident_start(n)
                    || matches!(n, b'$' | b'{' | b'+' | b'^' | b':')
                    || (n == b'-'
                        && (!unary
                            // `keys %-`: the hash, not a modulus.
                            || matches!(
                                self.peek_at(2),
                                None | Some(b')' | b';' | b',' | b' ' | b'\n' | b'}')
                            )))
            }
            b'&' => n != b'&' && (is_ident_start(n) || matches!(n, b'$' | b'{' | b':')),
            // After a named unary operator `*name` is still a glob
            // (`ref *STDOUT{IO}`, `-l *foo{IO}`); `rand * 2` multiplies.
            b'*' => {
                is_ident_start(n)
                    || (n == b'$' && self.peek_at(2).is_some_and(is_ident_start))
                    || (!unary && (n == b'{' || n == b'$'))
            }
            b'{' => !unary,
            // `++$x` / `--$x`: a pre-increment starts a term.
            b'+' | b'-' if n == c && self.peek_at(2) == Some(b'$') => !unary,
            b'-' => {
                if unary {
                    is_ident_start(n) || n == b'$' || n.is_ascii_digit()
                } else {
                    !matches!(n, b'=' | b'-' | b'>' | b' ' | b'\t' | b'\n')
                }
            }
            b'+' => !unary && !matches!(n, b'=' | b' ' | b'\t' | b'\n'),
            b'!' => n != b'=' && n != b'~',
            b'~' => n != b'~',
            b'<' => self.looks_like_readline_or_heredoc(),
            // `::name`, main's `name`.
            b':' => n == b':' && self.peek_at(2).is_some_and(is_ident_start),
            _ if is_ident_start(c) => {
                let w = self.peek_word();
                let term = match w {
                    Some(w) => !is_op_word(&w) || w == "not",
                    None => true, // qualified name
                };
                term && !self.peek_word().is_some_and(|w| is_modifier_word(&w))
            }
            _ => false,
        }
    }

    fn looks_like_readline_or_heredoc(&self) -> bool {
        let s = &self.rest();
        if s.starts_with(b"<<") {
            let mut r = &s[2..];
            while r.first() == Some(&b' ') {
                r = &r[1..];
                if matches!(r.first(), Some(b'"' | b'\'')) {
                    return true;
                }
            }
            return r.starts_with(b"\"")
                || r.starts_with(b"'")
                || r.starts_with(b"`")
                || r.starts_with(b"~")
                || r.starts_with(b">>")
                || r.first()
                    .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'_');
        }
        // `<>`, `<$fh>`, `<FH>`, `<*.c>`: a `>` before the end of the line
        // without spaces suggesting a comparison.
        let mut i = 1;
        while let Some(&c) = s.get(i) {
            if c == b'>' {
                return true;
            }
            if c == b'\n' || c == b' ' || c == b';' || c == b'=' || c == b'<' || c == b'(' {
                return false;
            }
            i += 1;
        }
        false
    }

    // ------------------------------------------------------------ operators

    fn peek_op(&mut self) -> Option<(Op, usize, u8)> {
        self.skip_ws();
        let s = &self.rest();
        let bitwise = self.prag.features & features::BITWISE != 0;
        macro_rules! m {
            ($t:expr) => {
                s.starts_with($t)
            };
        }
        use BinOp::*;
        let r = match s.first()? {
            b'*' => {
                if m!(b"**=") {
                    (Op::OpAssign(Pow), 3, P_ASSIGN)
                } else if m!(b"**") {
                    (Op::Bin(Pow), 2, P_POW)
                } else if m!(b"*=") {
                    (Op::OpAssign(Mul), 2, P_ASSIGN)
                } else {
                    (Op::Bin(Mul), 1, P_MUL)
                }
            }
            b'/' => {
                if m!(b"//=") {
                    (Op::LogAssign(LogOp::Dor), 3, P_ASSIGN)
                } else if m!(b"//") {
                    (Op::Log(LogOp::Dor), 2, P_OROR)
                } else if m!(b"/=") {
                    (Op::OpAssign(Div), 2, P_ASSIGN)
                } else {
                    (Op::Bin(Div), 1, P_MUL)
                }
            }
            b'%' => {
                if m!(b"%=") {
                    (Op::OpAssign(Mod), 2, P_ASSIGN)
                } else {
                    (Op::Bin(Mod), 1, P_MUL)
                }
            }
            b'+' => {
                if m!(b"+=") {
                    (Op::OpAssign(Add), 2, P_ASSIGN)
                } else if m!(b"++") {
                    return None;
                } else {
                    (Op::Bin(Add), 1, P_ADD)
                }
            }
            b'-' => {
                if m!(b"-=") {
                    (Op::OpAssign(Sub), 2, P_ASSIGN)
                } else if m!(b"--") || m!(b"->") {
                    return None;
                } else {
                    (Op::Bin(Sub), 1, P_ADD)
                }
            }
            b'.' => {
                if m!(b"...") {
                    (Op::Range(true), 3, P_RANGE)
                } else if m!(b"..") {
                    (Op::Range(false), 2, P_RANGE)
                } else if m!(b".=") {
                    (Op::OpAssign(Concat), 2, P_ASSIGN)
                } else {
                    (Op::Bin(Concat), 1, P_ADD)
                }
            }
            b'<' => {
                if m!(b"<<=") {
                    (Op::OpAssign(ShiftL), 3, P_ASSIGN)
                } else if m!(b"<=>") {
                    (Op::Bin(NumCmp), 3, P_EQ)
                } else if m!(b"<<") {
                    (Op::Bin(ShiftL), 2, P_SHIFT)
                } else if m!(b"<=") {
                    (Op::Bin(NumLe), 2, P_REL)
                } else {
                    (Op::Bin(NumLt), 1, P_REL)
                }
            }
            b'>' => {
                if m!(b">>=") {
                    (Op::OpAssign(ShiftR), 3, P_ASSIGN)
                } else if m!(b">>") {
                    (Op::Bin(ShiftR), 2, P_SHIFT)
                } else if m!(b">=") {
                    (Op::Bin(NumGe), 2, P_REL)
                } else {
                    (Op::Bin(NumGt), 1, P_REL)
                }
            }
            b'=' => {
                if m!(b"==") {
                    (Op::Bin(NumEq), 2, P_EQ)
                } else if m!(b"=~") {
                    (Op::Bind(false), 2, P_BIND)
                } else if m!(b"=>") {
                    (Op::Comma, 2, P_COMMA)
                } else {
                    (Op::Assign, 1, P_ASSIGN)
                }
            }
            b'!' => {
                if m!(b"!=") {
                    (Op::Bin(NumNe), 2, P_EQ)
                } else if m!(b"!~") {
                    (Op::Bind(true), 2, P_BIND)
                } else {
                    return None;
                }
            }
            b'&' => {
                if m!(b"&&=") {
                    (Op::LogAssign(LogOp::And), 3, P_ASSIGN)
                } else if m!(b"&&") {
                    (Op::Log(LogOp::And), 2, P_ANDAND)
                } else if bitwise && m!(b"&.=") {
                    (Op::OpAssign(SBitAnd), 3, P_ASSIGN)
                } else if bitwise && m!(b"&.") {
                    (Op::Bin(SBitAnd), 2, P_BITAND)
                } else if m!(b"&=") {
                    (Op::OpAssign(BitAnd), 2, P_ASSIGN)
                } else {
                    (Op::Bin(BitAnd), 1, P_BITAND)
                }
            }
            b'|' => {
                if m!(b"||=") {
                    (Op::LogAssign(LogOp::Or), 3, P_ASSIGN)
                } else if m!(b"||") {
                    (Op::Log(LogOp::Or), 2, P_OROR)
                } else if bitwise && m!(b"|.=") {
                    (Op::OpAssign(SBitOr), 3, P_ASSIGN)
                } else if bitwise && m!(b"|.") {
                    (Op::Bin(SBitOr), 2, P_BITOR)
                } else if m!(b"|=") {
                    (Op::OpAssign(BitOr), 2, P_ASSIGN)
                } else {
                    (Op::Bin(BitOr), 1, P_BITOR)
                }
            }
            b'^' => {
                if bitwise && m!(b"^.=") {
                    (Op::OpAssign(SBitXor), 3, P_ASSIGN)
                } else if bitwise && m!(b"^.") {
                    (Op::Bin(SBitXor), 2, P_BITOR)
                } else if m!(b"^=") {
                    (Op::OpAssign(BitXor), 2, P_ASSIGN)
                } else {
                    (Op::Bin(BitXor), 1, P_BITOR)
                }
            }
            b'?' => (Op::Cond, 1, P_COND),
            b',' => (Op::Comma, 1, P_COMMA),
            c if is_ident_start(*c) => {
                let mut i = 0;
                while s.get(i).is_some_and(|&c| is_ident_char(c)) {
                    i += 1;
                }
                let w = &s[..i];
                if s.get(i) == Some(&b':') && s.get(i + 1) == Some(&b':') {
                    return None;
                }
                match w {
                    b"x" => {
                        if s.get(1) == Some(&b'=')
                            && s.get(2) != Some(&b'=')
                            && s.get(2) != Some(&b'~')
                        {
                            (Op::OpAssign(Repeat), 2, P_ASSIGN)
                        } else {
                            (Op::Repeat, 1, P_MUL)
                        }
                    }
                    b"lt" => (Op::Bin(StrLt), 2, P_REL),
                    b"gt" => (Op::Bin(StrGt), 2, P_REL),
                    b"le" => (Op::Bin(StrLe), 2, P_REL),
                    b"ge" => (Op::Bin(StrGe), 2, P_REL),
                    b"eq" => (Op::Bin(StrEq), 2, P_EQ),
                    b"ne" => (Op::Bin(StrNe), 2, P_EQ),
                    b"cmp" => (Op::Bin(StrCmp), 3, P_EQ),
                    b"isa" => (Op::Bin(Isa), 3, P_ISA),
                    b"and" => (Op::LowAnd, 3, P_LOWAND),
                    b"or" => (Op::LowOr, 2, P_LOWOR),
                    b"xor" => (Op::LowXor, 3, P_LOWOR),
                    _ => {
                        // `x3` is `x 3`.
                        if w.len() > 1 && w[0] == b'x' && w[1..].iter().all(|c| c.is_ascii_digit())
                        {
                            (Op::Repeat, 1, P_MUL)
                        } else {
                            return None;
                        }
                    }
                }
            }
            _ => return None,
        };
        Some(r)
    }

    /// After a comma: is there another list element?
    fn list_continues(&mut self) -> bool {
        self.skip_ws();
        match self.peek() {
            None => false,
            Some(b')' | b']' | b'}' | b';' | b':') => false,
            Some(c) if is_ident_start(c) => {
                let w = self.peek_word();
                !w.is_some_and(|w| {
                    is_modifier_word(&w) || matches!(w.as_str(), "or" | "and" | "xor")
                })
            }
            Some(_) => true,
        }
    }

    fn parse_expr_inner(&mut self, min: u8) -> PResult<Expr> {
        let mut lhs = self.parse_unary(min)?;
        while let Some((op, len, prec)) = self.peek_op() {
            if prec < min {
                break;
            }
            let op_pos = self.pos;
            self.last_op_pos = op_pos;
            self.pos += len;
            lhs = match op {
                Op::Comma => {
                    let mut items = vec![lhs];
                    loop {
                        while self.eat(",") || self.eat("=>") {}
                        if !self.list_continues() {
                            break;
                        }
                        items.push(self.parse_expr_prec(P_ASSIGN)?);
                        if !(self.peek_str(",") || self.peek_str("=>")) {
                            break;
                        }
                    }
                    Expr::List(items)
                }
                Op::Assign => {
                    let rhs = self.parse_expr_prec(P_ASSIGN)?;
                    self.make_assign(lhs, rhs)
                }
                Op::OpAssign(b) => {
                    let rhs = self.parse_expr_prec(P_ASSIGN)?;
                    Expr::OpAssign {
                        op: b,
                        lhs: Box::new(lhs),
                        rhs: Box::new(rhs),
                    }
                }
                Op::LogAssign(l) => {
                    let rhs = self.parse_expr_prec(P_ASSIGN)?;
                    Expr::LogAssign {
                        op: l,
                        lhs: Box::new(lhs),
                        rhs: Box::new(rhs),
                    }
                }
                Op::Cond => {
                    self.check_assign_in_cond(&lhs);
                    let t = self.parse_expr_prec(P_ASSIGN)?;
                    if !self.eat(":") {
                        return Err(self.syntax_error());
                    }
                    let f = self.parse_expr_prec(P_COND)?;
                    Expr::Cond {
                        c: Box::new(lhs),
                        t: Box::new(t),
                        f: Box::new(f),
                    }
                }
                Op::Range(three) => {
                    let r = self.parse_expr_prec(P_RANGE + 1)?;
                    let state = self.new_state_id();
                    Expr::Range {
                        l: Box::new(lhs),
                        r: Box::new(r),
                        three_dot: three,
                        state,
                    }
                }
                Op::Log(l) => {
                    if l != LogOp::Dor {
                        self.check_assign_in_cond(&lhs);
                    }
                    let r = self.parse_expr_prec(prec + 1)?;
                    Expr::Logical {
                        op: l,
                        l: Box::new(lhs),
                        r: Box::new(r),
                    }
                }
                Op::LowAnd => {
                    self.check_assign_in_cond(&lhs);
                    let r = self.parse_expr_prec(P_LOWAND + 1)?;
                    Expr::Logical {
                        op: LogOp::And,
                        l: Box::new(lhs),
                        r: Box::new(r),
                    }
                }
                Op::LowOr => {
                    self.check_assign_in_cond(&lhs);
                    let r = self.parse_expr_prec(P_LOWOR + 1)?;
                    Expr::Logical {
                        op: LogOp::Or,
                        l: Box::new(lhs),
                        r: Box::new(r),
                    }
                }
                Op::LowXor => {
                    let r = self.parse_expr_prec(P_LOWOR + 1)?;
                    Expr::Xor(Box::new(lhs), Box::new(r))
                }
                Op::Repeat => {
                    // A count glued to the operator (`x3`) parses the same.
                    let r = self.parse_expr_prec(P_MUL + 1)?;
                    Expr::Repeat {
                        list: matches!(lhs, Expr::List(_)),
                        l: Box::new(lhs),
                        r: Box::new(r),
                    }
                }
                Op::Bind(negate) => {
                    let r = self.parse_expr_prec(P_BIND + 1)?;
                    self.make_bind(lhs, r, negate)
                }
                Op::Bin(b) => {
                    let lhs = if matches!(lhs, Expr::List(ref v) if v.len() == 1) {
                        match lhs {
                            Expr::List(mut v) => v.pop().unwrap(),
                            _ => unreachable!(),
                        }
                    } else {
                        lhs
                    };
                    match prec {
                        P_POW => {
                            let r = self.parse_expr_prec(P_POW - 1)?; // right assoc, binds unary minus on the right
                            Expr::Binary {
                                op: b,
                                l: Box::new(lhs),
                                r: Box::new(r),
                            }
                        }
                        P_REL | P_EQ if !matches!(b, BinOp::NumCmp | BinOp::StrCmp) => {
                            let r = self.parse_expr_prec(prec + 1)?;
                            let mut rest = vec![(b, r)];
                            while let Some((Op::Bin(b2), l2, p2)) = self.peek_op() {
                                if p2 != prec {
                                    break;
                                }
                                // `<=>`/`cmp` do not chain with `==` and friends.
                                if matches!(b2, BinOp::NumCmp | BinOp::StrCmp) {
                                    return Err(self.syntax_error());
                                }
                                self.pos += l2;
                                rest.push((b2, self.parse_expr_prec(prec + 1)?));
                            }
                            if rest.len() == 1 {
                                let (b, r) = rest.pop().unwrap();
                                Expr::Binary {
                                    op: b,
                                    l: Box::new(lhs),
                                    r: Box::new(r),
                                }
                            } else {
                                Expr::ChainedCmp {
                                    first: Box::new(lhs),
                                    rest,
                                }
                            }
                        }
                        _ if b == BinOp::Isa && self.isa_bareword_class().is_some() => {
                            let (name, end) = self.isa_bareword_class().unwrap_or_default();
                            self.pos = end;
                            self.isa_nonassoc()?;
                            Expr::Binary {
                                op: b,
                                l: Box::new(lhs),
                                r: Box::new(plain_str(&name)),
                            }
                        }
                        _ => {
                            let r = self.parse_expr_prec(prec + 1)?;
                            // `<=>` and `cmp` are non-associative: another
                            // equality operator right after is an error.
                            if matches!(b, BinOp::NumCmp | BinOp::StrCmp)
                                && matches!(self.peek_op(), Some((Op::Bin(_), _, P_EQ)))
                            {
                                return Err(self.syntax_error());
                            }
                            if b == BinOp::Isa {
                                self.isa_nonassoc()?;
                            }
                            Expr::Binary {
                                op: b,
                                l: Box::new(lhs),
                                r: Box::new(r),
                            }
                        }
                    }
                }
            };
        }
        Ok(lhs)
    }

    /// `isa` is non-associative: neither another `isa` nor a relational
    /// operator may follow it directly.
    fn isa_nonassoc(&mut self) -> PResult<()> {
        if matches!(self.peek_op(), Some((Op::Bin(_), _, P_ISA | P_REL))) {
            return Err(self.syntax_error());
        }
        Ok(())
    }

    /// The right side of `isa` as a bareword class name (not a call).
    fn isa_bareword_class(&mut self) -> Option<(String, usize)> {
        self.skip_ws();
        let (name, end) = self.scan_ident_at(self.pos)?;
        let mut i = end;
        while matches!(self.src.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        let next = self.src.get(i).copied().unwrap_or(0);
        if next == b'(' || self.src[i..].starts_with(b"->") || self.src[i..].starts_with(b"::") {
            return None;
        }
        Some((name, end))
    }

    pub fn make_assign(&mut self, lhs: Expr, rhs: Expr) -> Expr {
        let is_state = match &lhs {
            Expr::MyDecl { vars, .. } => vars.first().is_some_and(|(_, s)| {
                self.units
                    .last()
                    .and_then(|u| u.pad.get(*s as usize))
                    .is_some_and(|e| e.is_state)
            }),
            _ => false,
        };
        let e = if is_list_lhs(&lhs) {
            let mut rhs = rhs;
            // perl gives `(LIST) = split` without a limit an implicit limit of
            // one more than the number of scalars assigned (so `() = split`
            // yields one field).
            if let Expr::Split {
                limit: limit @ None,
                ..
            } = &mut rhs
            {
                if let Some(n) = split_lhs_scalars(&lhs) {
                    *limit = Some(Box::new(Expr::Int(n as i64 + 1)));
                }
            }
            Expr::ListAssign {
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
            }
        } else {
            if let Expr::List(items) = &rhs {
                if items.len() > 1 && self.prag.hints & hints::WARNINGS != 0 {
                    self.warn_useless_comma_items(&items[..items.len() - 1]);
                }
            }
            if matches!(rhs, Expr::Sort { .. })
                && self.prag.hints & hints::WARNINGS != 0
                && self.prag.hints & hints::NO_WARN_VOID == 0
            {
                self.compile_warning(self.pos, "Useless use of sort in scalar context");
            }
            // `$|` holds only 0 or 1 (`$| = 5` reads back as 1).
            let rhs = if matches!(lhs, Expr::Global(id) if id == well_known::AUTOFLUSH) {
                Expr::Cond {
                    c: Box::new(rhs),
                    t: Box::new(Expr::Int(1)),
                    f: Box::new(Expr::Int(0)),
                }
            } else {
                rhs
            };
            Expr::Assign {
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
            }
        };
        if is_state {
            let state = self.new_state_id();
            Expr::StateInit {
                state,
                assign: Box::new(e),
            }
        } else {
            e
        }
    }

    /// perl's "Useless use of ... in void context" for the operands a comma
    /// operator in scalar context throws away.
    #[cold]
    fn warn_useless_comma_items(&self, items: &[Expr]) {
        for it in items {
            if let Some(what) = useless_void_desc(it) {
                self.compile_warning(self.pos, &format!("Useless use of {what} in void context"));
            }
        }
    }

    /// perl's "print (...) interpreted as function": one space between the
    /// name and a `(` whose `)` is followed by more of the expression.
    fn check_interpreted_as_function(&self, name: &str) {
        let src = &self.src;
        let p = self.pos;
        if src.get(p) != Some(&b' ')
            || src.get(p + 1) != Some(&b'(')
            || self.prag.hints & hints::WARNINGS == 0
            || self.prag.hints & hints::NO_WARN_OTHER != 0
        {
            return;
        }
        let mut level = 1;
        let mut w = p + 2;
        while w < src.len() && level > 0 {
            match src[w] {
                b'(' => level += 1,
                b')' => level -= 1,
                _ => {}
            }
            w += 1;
        }
        while w < src.len() && src[w].is_ascii_whitespace() {
            w += 1;
        }
        if w >= src.len() || !b";&/|})]oaiuwef!=".contains(&src[w]) {
            self.compile_warning(p, &format!("{name} (...) interpreted as function"));
        }
    }

    /// perl's "Found = in conditional" for a condition that assigns a
    /// constant.
    pub fn check_assign_in_cond(&self, c: &Expr) {
        let mut c = c;
        while let Expr::List(v) = c {
            match v.as_slice() {
                [one] => c = one,
                _ => return,
            }
        }
        if let Expr::Assign { rhs, .. } = c {
            if matches!(
                **rhs,
                Expr::Int(_) | Expr::UInt(_) | Expr::Num(_) | Expr::Str { .. }
            ) && self.prag.hints & hints::WARNINGS != 0
            {
                self.compile_warning(self.pos, "Found = in conditional, should be ==");
            }
        }
    }

    /// perl's "Useless use of ... in void context" for the statements of a
    /// body being finished (a block as it closes, or the whole program);
    /// `value_last`: the last statement gives the body's value, and is left
    /// to whoever uses that value. Nested blocks warned about their other
    /// statements as they closed.
    #[cold]
    pub fn void_context_warnings(&self, stmts: &[Statement], value_last: bool) {
        let n = stmts.len();
        for (i, st) in stmts.iter().enumerate() {
            if value_last && i + 1 == n {
                continue;
            }
            self.void_deferred(st);
        }
    }

    /// A statement found to be in void context: warn about it, and about
    /// the last statements of the blocks whose value it is.
    pub fn void_deferred(&self, st: &Statement) {
        match &st.kind {
            Stmt::Expr(e)
                if st.hints & hints::WARNINGS != 0 && st.hints & hints::NO_WARN_VOID == 0 =>
            {
                self.void_expr_warnings(e, st.line)
            }
            Stmt::If {
                conds, otherwise, ..
            } => {
                for (_, b) in conds {
                    if let Some(l) = b.stmts.last() {
                        self.void_deferred(l);
                    }
                }
                if let Some(l) = otherwise.as_ref().and_then(|b| b.stmts.last()) {
                    self.void_deferred(l);
                }
            }
            Stmt::Block { body, .. } | Stmt::DoWhile { body, .. } => {
                if let Some(l) = body.stmts.last() {
                    self.void_deferred(l);
                }
            }
            // Loop bodies were checked as they were parsed.
            _ => {}
        }
    }

    fn void_expr_warnings(&self, e: &Expr, line: u32) {
        match e {
            // A `do`/`eval` block in void context: so is its last statement.
            Expr::DoBlock(b) | Expr::EvalBlock(b) => {
                if let Some(l) = b.stmts.last() {
                    self.void_deferred(l);
                }
            }
            Expr::Logical { op, l, r } => {
                // perl folds `EXPR if 0` (and `EXPR unless 1`) away unseen.
                let known = match &**l {
                    Expr::Int(i) => Some(*i != 0),
                    Expr::Str { bytes, .. } => Some(!(bytes.is_empty() || &bytes[..] == b"0")),
                    _ => None,
                };
                match (op, known) {
                    (LogOp::And, Some(false)) | (LogOp::Or | LogOp::Dor, Some(true)) => {}
                    _ => self.void_expr_warnings(r, line),
                }
            }
            Expr::Cond { t, f, .. } => {
                self.void_expr_warnings(t, line);
                self.void_expr_warnings(f, line);
            }
            Expr::List(items) => {
                for it in items {
                    self.void_expr_warnings(it, line);
                }
            }
            e => {
                // `our $x;` parses to the bare variable: not flagged.
                if matches!(
                    e,
                    Expr::Global(_) | Expr::GlobalArray(_) | Expr::GlobalHash(_)
                ) {
                    return;
                }
                if let Some(what) = useless_void_desc(e) {
                    self.compile_warning_line(
                        line,
                        &format!("Useless use of {what} in void context"),
                    );
                }
            }
        }
    }

    /// perl's warnings for a `my`/`our`/`state` name declared again where
    /// the earlier one is still in scope.
    #[cold]
    fn check_redeclare(&mut self, full: &str, kw: &str, our: Option<&str>, pos: usize) {
        use super::scope::Binding;
        let same_stmt = our.is_none()
            && self
                .pending
                .last()
                .is_some_and(|p| p.iter().any(|(n, _)| n == full));
        let u = self.units.last().expect("unit");
        let in_scope = u
            .scopes
            .last()
            .and_then(|sc| sc.iter().rev().find(|(n, _)| n == full))
            .map(|(_, b)| b.clone());
        let msg = if same_stmt {
            format!("\"{kw}\" variable {full} masks earlier declaration in same statement")
        } else {
            match (&in_scope, our) {
                (Some(Binding::Our(old)), Some(new)) => {
                    if old != new {
                        return;
                    }
                    format!("\"our\" variable {full} redeclared")
                }
                (Some(_), _) => {
                    format!("\"{kw}\" variable {full} masks earlier declaration in same scope")
                }
                (None, Some(new)) => {
                    let outer = u.scopes.iter().rev().skip(1).find_map(|sc| {
                        sc.iter()
                            .rev()
                            .find(|(n, _)| n == full)
                            .map(|(_, b)| b.clone())
                    });
                    match outer {
                        Some(Binding::Our(old)) if old == new => {}
                        _ => return,
                    }
                    format!(
                        "\"our\" variable {full} redeclared at {} line {}.\n\t(Did you mean \"local\" instead of \"our\"?)",
                        self.file,
                        self.line_of(pos)
                    )
                }
                (None, None) => return,
            }
        };
        if msg.contains('\t') {
            super::emit_compile_warning(format!("{msg}\n"));
        } else {
            self.compile_warning(pos, &msg);
        }
    }

    /// perl's "Applying pattern match (m//) to @x will act on scalar(@x)".
    #[cold]
    fn warn_bind_aggregate(&mut self, lhs: &Expr, r: &Expr) {
        let name = match lhs {
            Expr::MyArray(s) | Expr::MyHash(s) => {
                match self.units.last().and_then(|u| u.pad.get(*s as usize)) {
                    Some(p) => p.name.clone(),
                    None => return,
                }
            }
            Expr::GlobalArray(id) | Expr::GlobalHash(id) => {
                let n = &self.globals[*id as usize];
                let sigil = if matches!(lhs, Expr::GlobalArray(_)) {
                    '@'
                } else {
                    '%'
                };
                format!("{sigil}{}", n.strip_prefix("main::").unwrap_or(n))
            }
            _ => return,
        };
        let what = match r {
            Expr::Subst { .. } => "substitution (s///)",
            Expr::Trans { .. } => "transliteration (tr///)",
            _ => "pattern match (m//)",
        };
        self.compile_warning(
            self.pos,
            &format!("Applying {what} to {name} will act on scalar({name})"),
        );
    }

    fn make_bind(&mut self, lhs: Expr, r: Expr, negate: bool) -> Expr {
        if self.prag.hints & hints::WARNINGS != 0
            && matches!(
                lhs,
                Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::MyHash(_) | Expr::GlobalHash(_)
            )
        {
            self.warn_bind_aggregate(&lhs, &r);
        }
        match r {
            Expr::Match {
                target: None,
                pat,
                negate: false,
            } => Expr::Match {
                target: Some(Box::new(lhs)),
                pat,
                negate,
            },
            // `!~ s///` and `!~ tr///` negate the count.
            Expr::Subst {
                target: None,
                pat,
                repl,
            } => negated(
                Expr::Subst {
                    target: Some(Box::new(lhs)),
                    pat,
                    repl,
                },
                negate,
            ),
            Expr::Trans {
                target: None,
                from,
                to,
                flags,
            } => negated(
                Expr::Trans {
                    target: Some(Box::new(lhs)),
                    from,
                    to,
                    flags,
                },
                negate,
            ),
            other => {
                let id = self.new_pattern_id();
                Expr::Match {
                    target: Some(Box::new(lhs)),
                    pat: Pattern {
                        src: Box::new(other),
                        flags: ReFlags::default(),
                        id,
                    },
                    negate,
                }
            }
        }
    }

    // ------------------------------------------------------------ unary

    fn parse_unary(&mut self, min: u8) -> PResult<Expr> {
        self.skip_ws();
        let Some(c) = self.peek() else {
            return Err(self.syntax_error());
        };
        let n = self.peek_at(1).unwrap_or(0);
        match c {
            b'!' if n != b'~' => {
                self.pos += 1;
                let e = self.parse_expr_prec(P_POW)?;
                Ok(Expr::Not(Box::new(e)))
            }
            b'~' => {
                self.pos += 1;
                let op = if self.prag.features & features::BITWISE != 0 && self.peek() == Some(b'.')
                {
                    self.pos += 1;
                    UnOp::SBitNot
                } else {
                    UnOp::BitNot
                };
                let e = self.parse_expr_prec(P_POW)?;
                Ok(Expr::Unary { op, e: Box::new(e) })
            }
            b'\\' => {
                self.pos += 1;
                self.skip_ws();
                // `\(@a)` is a list of references to the elements.
                let paren = self.peek() == Some(b'(');
                let e = self.parse_expr_prec(P_POW)?;
                let e = match e {
                    Expr::MyArray(_) | Expr::GlobalArray(_) | Expr::ArrayDeref(_) if paren => {
                        Expr::List(vec![e])
                    }
                    e => e,
                };
                Ok(match e {
                    Expr::Call {
                        name,
                        args: None,
                        amp: true,
                    } => Expr::SubRef(name),
                    e => Expr::Ref(Box::new(e)),
                })
            }
            b'+' if n == b'+' => {
                self.pos += 2;
                let e = self.parse_expr_prec(P_INC)?;
                Ok(Expr::PreInc(Box::new(e)))
            }
            b'-' if n == b'-' => {
                self.pos += 2;
                let e = self.parse_expr_prec(P_INC)?;
                Ok(Expr::PreDec(Box::new(e)))
            }
            b'+' => {
                self.pos += 1;
                self.parse_expr_prec(P_POW)
            }
            b'-' => self.parse_minus(),
            _ if is_ident_start(c) => {
                if self.peek_word().as_deref() == Some("not")
                    && !self.next_is_fat_comma(self.pos + 3)
                {
                    self.pos += 3;
                    if self.peek_str(")") || self.peek_str(";") {
                        return Ok(Expr::Not(Box::new(Expr::List(vec![]))));
                    }
                    let e = self.parse_expr_prec(P_LOWNOT.max(min.min(P_LOWNOT)))?;
                    return Ok(Expr::Not(Box::new(e)));
                }
                self.parse_postfix_term()
            }
            _ => self.parse_postfix_term(),
        }
    }

    fn parse_minus(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.pos += 1;
        let c = self.peek().unwrap_or(0);
        if is_ident_start(c) {
            let (w, end) = self.scan_ident_at(self.pos).unwrap_or_default();
            // file test operators: a single letter not followed by a word char
            if w.len() == 1
                && b"erwxoRWXOezsfdlpSbctugkTBAMC".contains(&w.as_bytes()[0])
                && !self.next_is_fat_comma(end)
            {
                let op = w.as_bytes()[0];
                self.pos = end;
                let arg = if self.starts_term(true) || self.peek_str("_") {
                    if self.peek_word().as_deref() == Some("_") {
                        self.pos += 1;
                        Some(Box::new(bytes_str(b"_")))
                    } else {
                        Some(Box::new(self.parse_expr_prec(P_UNI + 1)?))
                    }
                } else if self.peek_str("(") && self.peek_at(1) == Some(b')') {
                    self.pos += 2;
                    None
                } else {
                    None
                };
                let arg = arg.or_else(|| Some(Box::new(underscore())));
                return Ok(Expr::FileTest { op, arg });
            }
            // -bareword is the string "-bareword"
            if !self.is_known_sub(&w) && builtin(&w).is_none() && !is_keyword(&w) {
                self.pos = end;
                if !self.peek_str("(") && !self.peek_str("->") && !self.peek_str("::") {
                    return Ok(plain_str(&format!("-{}", w)));
                }
                self.pos = start + 1;
            }
        }
        let e = self.parse_expr_prec(P_POW)?;
        Ok(match e {
            Expr::Int(i) if i != i64::MIN => Expr::Int(-i),
            Expr::UInt(u) if u == 1 << 63 => Expr::Int(i64::MIN),
            Expr::UInt(u) => Expr::Num(-(u as f64)),
            Expr::Num(f) => Expr::Num(-f),
            Expr::Str { bytes, utf8 } if bytes.first().is_some_and(|c| is_ident_start(*c)) => {
                let mut v = b"-".to_vec();
                v.extend_from_slice(&bytes);
                Expr::Str {
                    bytes: Arc::from(v),
                    utf8,
                }
            }
            e => Expr::Unary {
                op: UnOp::Neg,
                e: Box::new(e),
            },
        })
    }

    // ------------------------------------------------------------ postfix

    pub fn parse_postfix_term(&mut self) -> PResult<Expr> {
        self.check_depth()?;
        let r = self.parse_postfix_term_inner();
        self.depth -= 1;
        r
    }

    fn parse_postfix_term_inner(&mut self) -> PResult<Expr> {
        let (e, subscripted) = self.parse_primary()?;
        self.parse_postfix(e, subscripted)
    }

    /// `->` chains, implied arrows between subscripts, postfix `++`/`--`.
    pub fn parse_postfix(&mut self, mut e: Expr, mut subscripted: bool) -> PResult<Expr> {
        loop {
            if subscripted && matches!(self.peek(), Some(b'[') | Some(b'{') | Some(b'(')) {
                let c = self.peek().unwrap();
                e = self.parse_arrow_subscript(e, c)?;
                continue;
            }
            self.skip_ws();
            if self.rest().starts_with(b"->") {
                let save = self.pos;
                self.pos += 2;
                self.skip_ws();
                match self.peek() {
                    Some(c @ (b'[' | b'{' | b'(')) => {
                        e = self.parse_arrow_subscript(e, c)?;
                        subscripted = true;
                    }
                    Some(b'@') => {
                        self.pos += 1;
                        match self.peek() {
                            Some(b'*') => {
                                self.pos += 1;
                                e = Expr::ArrayDeref(Box::new(e));
                            }
                            Some(b'[') => {
                                self.pos += 1;
                                let idx = self.parse_bracket_list(b']')?;
                                e = Expr::Slice {
                                    array: ArrayPlace::Deref(Box::new(e)),
                                    indices: Box::new(idx),
                                };
                            }
                            Some(b'{') => {
                                self.pos += 1;
                                let k = self.parse_slice_keys_inner()?;
                                e = Expr::HashSlice {
                                    hash: HashPlace::Deref(Box::new(e)),
                                    keys: Box::new(k),
                                };
                            }
                            _ => return Err(self.syntax_error()),
                        }
                        subscripted = false;
                    }
                    Some(b'%') => {
                        self.pos += 1;
                        match self.peek() {
                            Some(b'*') => {
                                self.pos += 1;
                                e = Expr::HashDeref(Box::new(e));
                            }
                            Some(b'[') => {
                                self.pos += 1;
                                let idx = self.parse_bracket_list(b']')?;
                                e = Expr::KvSlice {
                                    array: ArrayPlace::Deref(Box::new(e)),
                                    indices: Box::new(idx),
                                };
                            }
                            Some(b'{') => {
                                self.pos += 1;
                                let k = self.parse_slice_keys_inner()?;
                                e = Expr::KvHashSlice {
                                    hash: HashPlace::Deref(Box::new(e)),
                                    keys: Box::new(k),
                                };
                            }
                            _ => return Err(self.syntax_error()),
                        }
                        subscripted = false;
                    }
                    Some(b'$') if self.peek_at(1) == Some(b'*') => {
                        self.pos += 2;
                        e = Expr::Deref(Box::new(e));
                        subscripted = false;
                    }
                    Some(b'$')
                        if self.peek_at(1) == Some(b'#') && self.peek_at(2) == Some(b'*') =>
                    {
                        self.pos += 3;
                        e = Expr::LastIndex(ArrayPlace::Deref(Box::new(e)));
                        subscripted = false;
                    }
                    Some(b'&') if self.peek_at(1) == Some(b'*') => {
                        self.pos += 2;
                        e = Expr::CodeDeref(Box::new(e));
                        subscripted = false;
                    }
                    Some(b'*') if self.peek_at(1) == Some(b'*') => {
                        self.pos += 2;
                        e = Expr::GlobDeref(Box::new(e));
                        subscripted = false;
                    }
                    Some(b'$') => {
                        // ->$method(…)
                        self.pos += 1;
                        let name_pos = self.pos;
                        let m = if self.peek() == Some(b'{') {
                            self.pos -= 1;
                            self.parse_scalar_term()?
                        } else {
                            let (name, end) = self
                                .scan_ident_at(self.pos)
                                .ok_or_else(|| self.syntax_error())?;
                            self.pos = end;
                            self.scalar_var(&name, name_pos)?
                        };
                        let args = self.parse_method_args()?;
                        let maybe_class = matches!(e, Expr::Str { .. });
                        e = Expr::Method {
                            invocant: Box::new(e),
                            method: MethodName::Dynamic(Box::new(m)),
                            args,
                            maybe_class,
                        };
                        subscripted = true;
                    }
                    Some(c) if is_ident_start(c) => {
                        let (name, end) = self.scan_ident_at(self.pos).unwrap_or_default();
                        self.pos = end;
                        let args = self.parse_method_args()?;
                        let maybe_class = matches!(e, Expr::Str { .. });
                        e = Expr::Method {
                            invocant: Box::new(e),
                            method: MethodName::Static(name),
                            args,
                            maybe_class,
                        };
                        subscripted = true;
                    }
                    _ => {
                        self.pos = save;
                        return Err(self.syntax_error());
                    }
                }
                continue;
            }
            if self.rest().starts_with(b"++") {
                self.pos += 2;
                e = Expr::PostInc(Box::new(e));
                continue;
            }
            if self.rest().starts_with(b"--") {
                self.pos += 2;
                e = Expr::PostDec(Box::new(e));
                continue;
            }
            return Ok(e);
        }
    }

    fn parse_method_args(&mut self) -> PResult<Vec<Expr>> {
        if self.peek_str("(") {
            self.pos += 1;
            let e = self.parse_paren_contents()?;
            Ok(match e {
                Expr::List(v) => v,
                e => vec![e],
            })
        } else {
            Ok(vec![])
        }
    }

    /// `[…]`, `{…}` or `(…)` applied to a reference.
    fn parse_arrow_subscript(&mut self, e: Expr, c: u8) -> PResult<Expr> {
        self.pos += 1;
        Ok(match c {
            b'[' => {
                let idx = self.parse_bracket_list(b']')?;
                Expr::Index {
                    array: ArrayPlace::Deref(Box::new(e)),
                    index: Box::new(idx),
                }
            }
            b'{' => {
                let k = self.parse_hash_key_inner()?;
                Expr::Elem {
                    hash: HashPlace::Deref(Box::new(e)),
                    key: Box::new(k),
                }
            }
            _ => {
                let args = self.parse_paren_contents()?;
                let args = match args {
                    Expr::List(v) => v,
                    e => vec![e],
                };
                Expr::CallRef {
                    target: Box::new(e),
                    args,
                }
            }
        })
    }

    /// Contents of `[…]` after the opening bracket.
    pub fn parse_bracket_list(&mut self, close: u8) -> PResult<Expr> {
        self.skip_ws();
        if self.peek() == Some(close) {
            self.pos += 1;
            return Ok(Expr::List(vec![]));
        }
        let e = self.parse_expr()?;
        self.skip_ws();
        if self.peek() != Some(close) {
            return Err(self.syntax_error());
        }
        self.pos += 1;
        Ok(e)
    }

    /// Contents of `(…)` after the opening paren, as a `List` when it has
    /// commas (or is empty).
    pub fn parse_paren_contents(&mut self) -> PResult<Expr> {
        self.skip_ws();
        if self.peek() == Some(b')') {
            self.pos += 1;
            return Ok(Expr::List(vec![]));
        }
        let e = self.parse_expr()?;
        if !self.eat(")") {
            return Err(self.syntax_error());
        }
        Ok(e)
    }

    /// A hash subscript after `{`: a bareword (or `-bareword`) alone is a
    /// string; several keys are joined with `$;`.
    pub fn parse_hash_key_inner(&mut self) -> PResult<Expr> {
        self.hash_key_impl(true)
    }

    /// The keys of a hash slice after `{` (a list, never joined).
    pub fn parse_slice_keys_inner(&mut self) -> PResult<Expr> {
        self.hash_key_impl(false)
    }

    fn hash_key_impl(&mut self, join: bool) -> PResult<Expr> {
        self.skip_ws();
        let start = self.pos;
        let neg = self.peek() == Some(b'-');
        let at = if neg { self.pos + 1 } else { self.pos };
        if let Some((w, end)) = self.scan_ident_at(at) {
            let mut i = end;
            while matches!(self.src.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                i += 1;
            }
            if self.src.get(i) == Some(&b'}') && !w.contains("::") {
                self.pos = i + 1;
                let s = if neg { format!("-{}", w) } else { w };
                return Ok(self.str_expr(&s));
            }
        }
        self.pos = start;
        let e = self.parse_expr()?;
        if !self.eat("}") {
            return Err(self.syntax_error());
        }
        Ok(match e {
            Expr::List(v) if v.len() > 1 && join => {
                let mut args = vec![Expr::Global(well_known::SUBSEP)];
                args.extend(v);
                Expr::Func {
                    f: Func::Join,
                    args,
                }
            }
            e => e,
        })
    }

    // ------------------------------------------------------------ variables

    fn strict_error(&self, name: &str, pos: usize) -> super::ParseError {
        self.error_at(
            pos,
            &format!(
                "Global symbol \"{}\" requires explicit package name (did you forget to declare \"my {}\"?)",
                name, name
            ),
            false,
        )
    }

    /// The global for an unqualified/qualified variable name, checking
    /// strict vars. `sigil` is used for lexical lookup and messages.
    fn global_for(&mut self, sigil: char, name: &str, pos: usize) -> PResult<GlobalId> {
        let fq = self.qualify(name);
        if self.prag.strict_vars
            && !name.contains("::")
            && !super::forced_main(name)
            && !(sigil == '$' && (name == "a" || name == "b"))
            && !self.declared_globals.contains(&format!("{}{}", sigil, fq))
        {
            let e = self.strict_error(&format!("{}{}", sigil, name), pos);
            self.queue_error(e);
        }
        if !(sigil == '$' && (name == "a" || name == "b")) {
            self.note_global_use(&fq, pos);
        }
        if sigil != '$' {
            self.seen_containers.insert(format!("{sigil}{fq}"));
        }
        Ok(self.intern(&fq))
    }

    pub fn scalar_var(&mut self, name: &str, pos: usize) -> PResult<Expr> {
        if !name.contains("::") {
            if let Some(b) = self.lookup(&format!("${}", name)) {
                return Ok(match b {
                    Binding::Pad(s) => Expr::My(s),
                    Binding::Our(q) => Expr::Global(self.intern(&q)),
                });
            }
            if let Some(sv) = special_scalar(name) {
                return Ok(Expr::Special(sv));
            }
        }
        Ok(Expr::Global(self.global_for('$', name, pos)?))
    }

    pub fn array_place(&mut self, name: &str, pos: usize) -> PResult<ArrayPlace> {
        if !name.contains("::") {
            if name == "_" {
                return Ok(ArrayPlace::Args);
            }
            if let Some(b) = self.lookup(&format!("@{}", name)) {
                return Ok(match b {
                    Binding::Pad(s) => ArrayPlace::My(s),
                    Binding::Our(q) => ArrayPlace::Global(self.intern(&q)),
                });
            }
            if name == "-" || name == "+" || name == "^CAPTURE" {
                let sv = match name {
                    "-" => SpecialVar::MatchStart,
                    "+" => SpecialVar::MatchEnd,
                    _ => SpecialVar::Captures,
                };
                return Ok(ArrayPlace::Deref(Box::new(Expr::Ref(Box::new(
                    Expr::Special(sv),
                )))));
            }
        }
        Ok(ArrayPlace::Global(self.global_for('@', name, pos)?))
    }

    pub fn hash_place(&mut self, name: &str, pos: usize) -> PResult<HashPlace> {
        if !name.contains("::") {
            if let Some(b) = self.lookup(&format!("%{}", name)) {
                return Ok(match b {
                    Binding::Pad(s) => HashPlace::My(s),
                    Binding::Our(q) => HashPlace::Global(self.intern(&q)),
                });
            }
            if name == "+" || name == "-" {
                let sv = if name == "+" {
                    SpecialVar::NamedCaptures
                } else {
                    SpecialVar::NamedCaptureLists
                };
                return Ok(HashPlace::Deref(Box::new(Expr::Ref(Box::new(
                    Expr::Special(sv),
                )))));
            }
        }
        Ok(HashPlace::Global(self.global_for('%', name, pos)?))
    }

    /// The name after a sigil: identifier, `^X`, `{^NAME}`, digits or a
    /// punctuation character. Returns None when there is no name.
    pub fn scan_var_name(&mut self, allow_punct: bool) -> Option<String> {
        let c = self.peek()?;
        if c == b':'
            && self.peek_at(1) == Some(b':')
            && !self.peek_at(2).is_some_and(is_ident_start)
        {
            // `$::{…}`-ish stash access: treat `$::x` handled below; `::` alone is main::
            self.pos += 2;
            return Some("main::".to_string());
        }
        if let Some((name, end)) = self.scan_ident_at(self.pos) {
            self.pos = end;
            return Some(name);
        }
        if c.is_ascii_digit() {
            let start = self.pos;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
            return Some(String::from_utf8_lossy(&self.src[start..self.pos]).into_owned());
        }
        if c == b'^'
            && self
                .peek_at(1)
                .is_some_and(|c| c.is_ascii_uppercase() || c == b'_' || c == b'[' || c == b']')
        {
            let n = self.peek_at(1).unwrap();
            self.pos += 2;
            return Some(format!("^{}", n as char));
        }
        if c == b'{' && self.peek_at(1) == Some(b'^') {
            let (name, end) = self.braced_special_name(self.pos + 1)?;
            self.pos = end;
            return Some(name);
        }
        if allow_punct && PUNCT_VAR_CHARS.contains(&c) {
            self.pos += 1;
            return Some((c as char).to_string());
        }
        if let Some(name) = self.latin1_var_name(self.pos) {
            self.pos += 1;
            return Some(name);
        }
        None
    }

    /// In byte source, `$` and one Latin-1 byte other than a control or a
    /// space (or the soft hyphen) is a variable, global like `$;`: its
    /// name, qualified so that strict leaves it alone.
    pub(crate) fn latin1_var_name(&self, at: usize) -> Option<String> {
        let c = *self.src.get(at)?;
        if c < 0x80 || self.utf8_source() || c <= 0xA0 || c == 0xAD {
            return None;
        }
        Some(format!("main::{}", char::from(c)))
    }

    /// `${ … }` / `@{ … }` block contents (after `{`): an identifier alone is
    /// the variable name, anything else an expression yielding a reference.
    fn parse_deref_block(&mut self) -> PResult<Result<String, Expr>> {
        self.skip_ws();
        let start = self.pos;
        if let Some((name, end)) = self.braced_special_name(start) {
            self.pos = end;
            return Ok(Ok(name));
        }
        let ident = self
            .scan_ident_at(self.pos)
            .or_else(|| self.latin1_var_name(self.pos).map(|n| (n, self.pos + 1)));
        if let Some((name, end)) = ident {
            let mut i = end;
            while matches!(self.src.get(i), Some(b' ' | b'\t')) {
                i += 1;
            }
            if self.src.get(i) == Some(&b'}') {
                self.pos = i + 1;
                return Ok(Ok(name));
            }
        }
        self.pos = start;
        if self.peek() == Some(b'{') {
            // `%{{ … }}`: perl expects a term here, so the inner brace is
            // an anonymous hash.
            let e = self.parse_expr()?;
            self.skip_ws();
            if self.peek() == Some(b'}') {
                self.pos += 1;
                return Ok(Err(e));
            }
            self.pos = start;
        }
        let block = self.parse_block_body_until_brace()?;
        Ok(Err(block))
    }

    /// `^NAME` or one punctuation character (`${$}`, `${ ; }`), then
    /// blanks and the closing `}` of `${ … }`: the variable's name and
    /// where the brace ends.
    fn braced_special_name(&self, at: usize) -> Option<(String, usize)> {
        let (name, mut i) = match *self.src.get(at)? {
            b'^' => {
                let end = self.ident_end(at + 1);
                if end == at + 1 {
                    return None;
                }
                (
                    format!("^{}", String::from_utf8_lossy(&self.src[at + 1..end])),
                    end,
                )
            }
            c if PUNCT_VAR_CHARS.contains(&c) => ((c as char).to_string(), at + 1),
            _ => return None,
        };
        while self.src.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        (self.src.get(i) == Some(&b'}')).then_some((name, i + 1))
    }

    /// Statements up to `}` (consumed), as an expression: the single
    /// expression itself, or a `do` block.
    pub fn parse_block_body_until_brace(&mut self) -> PResult<Expr> {
        let block = self.parse_block_after_open()?;
        Ok(block_to_expr(block))
    }

    /// `$…` in a term position.
    pub fn parse_scalar_term(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.pos += 1; // `$`
                       // `$ {expr}` and `$ name`: perl allows space after the sigil in code
        if !self.sub_buffer && matches!(self.peek(), Some(b' ' | b'\t')) {
            let save = self.pos;
            self.skip_ws();
            if !self.peek().is_some_and(|c| c == b'{' || is_ident_start(c)) {
                self.pos = save;
            }
        }
        let c = self.peek().unwrap_or(0);
        // $#array, $#{expr}, $#$ref
        if c == b'#' {
            let n = self.peek_at(1).unwrap_or(0);
            if n == b'{' {
                self.pos += 2;
                let place = match self.parse_deref_block()? {
                    Ok(name) => self.array_place(&name, start)?,
                    Err(e) => ArrayPlace::Deref(Box::new(e)),
                };
                return Ok(Expr::LastIndex(place));
            }
            if n == b'$' {
                self.pos += 1;
                let inner = self.parse_scalar_term()?;
                return Ok(Expr::LastIndex(ArrayPlace::Deref(Box::new(inner))));
            }
            if matches!(n, b'-' | b'+') {
                self.pos += 2;
                let place = self.array_place(if n == b'-' { "-" } else { "+" }, start)?;
                return Ok(Expr::LastIndex(place));
            }
            if let Some((name, end)) = self.scan_ident_at(self.pos + 1) {
                self.pos = end;
                let place = self.array_place(&name, start)?;
                return Ok(Expr::LastIndex(place));
            }
            return Err(self.syntax_error_at(start));
        }
        // $$ref, $$ref[0], $$ref{k}
        if c == b'$' {
            let n = self.peek_at(1).unwrap_or(0);
            if is_ident_start(n) || n == b'$' || n == b'{' || n == b':' {
                let inner = self.parse_scalar_term_simple()?;
                return self.scalar_subscripts_of_ref(inner);
            }
            self.pos += 1;
            return Ok(Expr::Special(SpecialVar::Pid));
        }
        if c == b'{' && self.peek_at(1) != Some(b'^') {
            self.pos += 1;
            return match self.parse_deref_block()? {
                Ok(name) => self.finish_named_scalar(&name, start),
                Err(e) => self.scalar_subscripts_of_ref(e),
            };
        }
        let name = self
            .scan_var_name(true)
            .ok_or_else(|| self.syntax_error_at(start))?;
        self.finish_named_scalar(&name, start)
    }

    /// `$name` possibly followed by `[…]` / `{…}` (an element of `@name` /
    /// `%name`).
    fn finish_named_scalar(&mut self, name: &str, start: usize) -> PResult<Expr> {
        self.blanks_before_subscript();
        match self.peek() {
            Some(b'[') if name != "main::" => {
                self.pos += 1;
                let array = self.array_place(name, start)?;
                let idx = self.parse_bracket_list(b']')?;
                Ok(Expr::Index {
                    array,
                    index: Box::new(idx),
                })
            }
            Some(b'{') => {
                self.pos += 1;
                let hash = self.hash_place(name, start)?;
                let key = self.parse_hash_key_inner()?;
                Ok(Expr::Elem {
                    hash,
                    key: Box::new(key),
                })
            }
            _ => self.scalar_var(name, start),
        }
    }

    /// perl allows white space (newlines and comments too) before a
    /// subscript in code (`$SIG {__WARN__}`, `$$r [0]`), not inside
    /// strings.
    fn blanks_before_subscript(&mut self) {
        if self.sub_buffer {
            return;
        }
        let save = self.pos;
        self.skip_ws();
        if !matches!(self.peek(), Some(b'[' | b'{')) {
            self.pos = save;
        }
    }

    /// `$` + something yielding a reference, without subscripts: `$$r`,
    /// `${…}`, `$r` (used for the inner part of `$$r[0]`).
    fn parse_scalar_term_simple(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.pos += 1;
        match self.peek() {
            Some(b'$')
                if self
                    .peek_at(1)
                    .is_some_and(|n| is_ident_start(n) || n == b'$' || n == b'{' || n == b':') =>
            {
                let inner = self.parse_scalar_term_simple()?;
                Ok(Expr::Deref(Box::new(inner)))
            }
            Some(b'{') => {
                self.pos += 1;
                match self.parse_deref_block()? {
                    Ok(name) => self.scalar_var(&name, start),
                    Err(e) => Ok(Expr::Deref(Box::new(e))),
                }
            }
            _ => {
                let name = self
                    .scan_var_name(false)
                    .ok_or_else(|| self.syntax_error_at(start))?;
                self.scalar_var(&name, start)
            }
        }
    }

    /// After `$` + REF: `[…]` / `{…}` subscripts the referenced container;
    /// nothing means a scalar deref.
    fn scalar_subscripts_of_ref(&mut self, r: Expr) -> PResult<Expr> {
        self.blanks_before_subscript();
        match self.peek() {
            Some(b'[') => {
                self.pos += 1;
                let idx = self.parse_bracket_list(b']')?;
                Ok(Expr::Index {
                    array: ArrayPlace::Deref(Box::new(r)),
                    index: Box::new(idx),
                })
            }
            Some(b'{') => {
                self.pos += 1;
                let key = self.parse_hash_key_inner()?;
                Ok(Expr::Elem {
                    hash: HashPlace::Deref(Box::new(r)),
                    key: Box::new(key),
                })
            }
            _ => Ok(Expr::Deref(Box::new(r))),
        }
    }

    /// `@…` in a term position.
    pub fn parse_array_term(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.pos += 1;
        let place = match self.peek() {
            Some(b'{') if self.peek_at(1) == Some(b'^') => {
                let name = self
                    .scan_var_name(false)
                    .ok_or_else(|| self.syntax_error_at(start))?;
                self.array_or_hash_for_slice(&name, start)?
            }
            Some(b'{') => {
                self.pos += 1;
                match self.parse_deref_block()? {
                    Ok(name) => self.array_or_hash_for_slice(&name, start)?,
                    Err(e) => Err(e),
                }
            }
            Some(b'$') => Err(self.parse_scalar_term_simple()?),
            _ => {
                let name = self.scan_var_name(false).or_else(|| {
                    if matches!(self.peek(), Some(b'-' | b'+')) {
                        self.pos += 1;
                        Some((self.src[self.pos - 1] as char).to_string())
                    } else {
                        None
                    }
                });
                let name = name.ok_or_else(|| self.syntax_error_at(start))?;
                // `@h {…}` / `@a […]`: a slice may follow the name after
                // whitespace.
                let save = self.pos;
                self.skip_ws();
                if !matches!(self.peek(), Some(b'{' | b'[')) {
                    self.pos = save;
                }
                self.array_or_hash_for_slice(&name, start)?
            }
        };
        // place: Ok(name) for a named container, Err(expr) for a reference
        match self.peek() {
            Some(b'[') => {
                self.pos += 1;
                let named = place.as_ref().ok().cloned();
                let array = match place {
                    Ok(name) => self.array_place(&name, start)?,
                    Err(e) => ArrayPlace::Deref(Box::new(e)),
                };
                let idx = self.parse_bracket_list(b']')?;
                if let Some(name) = &named {
                    self.scalar_slice_warning(name, '[', ']', &idx, start);
                }
                Ok(Expr::Slice {
                    array,
                    indices: Box::new(idx),
                })
            }
            Some(b'{') => {
                self.pos += 1;
                let named = place.as_ref().ok().cloned();
                let hash = match place {
                    Ok(name) => self.hash_place(&name, start)?,
                    Err(e) => HashPlace::Deref(Box::new(e)),
                };
                let k = self.parse_slice_keys_inner()?;
                if let Some(name) = &named {
                    self.scalar_slice_warning(name, '{', '}', &k, start);
                }
                Ok(Expr::HashSlice {
                    hash,
                    keys: Box::new(k),
                })
            }
            _ => Ok(match place {
                Ok(name) => array_expr(self.array_place(&name, start)?),
                Err(e) => Expr::ArrayDeref(Box::new(e)),
            }),
        }
    }

    /// perl's compile-time "Scalar value @a[0] better written as $a[0]"
    /// for a one-element slice of a named container.
    pub(crate) fn scalar_slice_warning(
        &self,
        name: &str,
        open: char,
        close: char,
        sub: &Expr,
        pos: usize,
    ) {
        if self.prag.hints & hints::WARNINGS == 0 {
            return;
        }
        // perl does not warn for a slice assigned to (`@a[1] = ...`).
        let rest = &self.src[self.pos.min(self.src.len())..];
        let mut i = 0;
        while rest.get(i).is_some_and(|c| matches!(c, b' ' | b'\t')) {
            i += 1;
        }
        if rest.get(i) == Some(&b'=') && !matches!(rest.get(i + 1), Some(b'=' | b'~' | b'>')) {
            return;
        }
        let shown = match sub {
            Expr::Int(i) => i.to_string(),
            Expr::Unary {
                op: UnOp::Neg,
                e: inner,
            } if matches!(**inner, Expr::Int(_)) => match **inner {
                Expr::Int(i) => (-i).to_string(),
                _ => return,
            },
            Expr::Str { bytes, .. } => format!("\"{}\"", String::from_utf8_lossy(bytes)),
            Expr::My(_) | Expr::Global(_) => "...".to_string(),
            _ => return,
        };
        let msg = format!(
            "Scalar value @{name}{open}{shown}{close} better written as ${name}{open}{shown}{close}"
        );
        self.peep_warning(pos, &msg);
    }

    fn array_or_hash_for_slice(
        &mut self,
        name: &str,
        _start: usize,
    ) -> PResult<Result<String, Expr>> {
        Ok(Ok(name.to_string()))
    }

    /// `%…` in a term position.
    pub fn parse_hash_term(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.pos += 1;
        let place: Result<String, Expr> = match self.peek() {
            Some(b'{') => {
                self.pos += 1;
                self.parse_deref_block()?
            }
            Some(b'$') => Err(self.parse_scalar_term_simple()?),
            Some(c @ (b'+' | b'-')) => {
                self.pos += 1;
                Ok((c as char).to_string())
            }
            _ => Ok(self
                .scan_var_name(false)
                .ok_or_else(|| self.syntax_error_at(start))?),
        };
        match self.peek() {
            Some(b'[') => {
                self.pos += 1;
                let _named = place.as_ref().ok().cloned();
                let array = match place {
                    Ok(name) => self.array_place(&name, start)?,
                    Err(e) => ArrayPlace::Deref(Box::new(e)),
                };
                let idx = self.parse_bracket_list(b']')?;
                Ok(Expr::KvSlice {
                    array,
                    indices: Box::new(idx),
                })
            }
            Some(b'{') => {
                self.pos += 1;
                let _named = place.as_ref().ok().cloned();
                let hash = match place {
                    Ok(name) => self.hash_place(&name, start)?,
                    Err(e) => HashPlace::Deref(Box::new(e)),
                };
                let k = self.parse_slice_keys_inner()?;
                Ok(Expr::KvHashSlice {
                    hash,
                    keys: Box::new(k),
                })
            }
            _ => Ok(match place {
                Ok(name) => hash_expr(self.hash_place(&name, start)?),
                Err(e) => Expr::HashDeref(Box::new(e)),
            }),
        }
    }

    /// `&name`, `&$code`, `&{…}`, with or without `(…)`.
    fn parse_amp_term(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.pos += 1;
        self.skip_ws();
        let target = match self.peek() {
            Some(b'$') => self.parse_scalar_term_simple()?,
            Some(b'{') => {
                self.pos += 1;
                self.parse_block_body_until_brace()?
            }
            _ => {
                let (name, end) = self
                    .scan_ident_at(self.pos)
                    .ok_or_else(|| self.syntax_error_at(start))?;
                self.pos = end;
                let fq = self.qualify_sub(&name);
                if self.peek_str("(") {
                    self.pos += 1;
                    let args = self.parse_paren_contents()?;
                    let args = match args {
                        Expr::List(v) => v,
                        e => vec![e],
                    };
                    return Ok(Expr::Call {
                        name: fq,
                        args: Some(args),
                        amp: true,
                    });
                }
                return Ok(Expr::Call {
                    name: fq,
                    args: None,
                    amp: true,
                });
            }
        };
        if self.peek_str("(") {
            self.pos += 1;
            let args = self.parse_paren_contents()?;
            let args = match args {
                Expr::List(v) => v,
                e => vec![e],
            };
            return Ok(Expr::CallRef {
                target: Box::new(target),
                args,
            });
        }
        Ok(Expr::CodeDeref(Box::new(target)))
    }

    /// `*name`, `*{"name"}`, `*$fh`, each optionally followed by a slot
    /// subscript (`*name{CODE}`).
    fn parse_glob_term(&mut self) -> PResult<Expr> {
        let g = self.parse_glob_term_bare()?;
        if self.peek() == Some(b'{') {
            let mut i = self.pos + 1;
            while self.src.get(i).is_some_and(|c| c.is_ascii_uppercase()) {
                i += 1;
            }
            if i > self.pos + 1 && self.src.get(i) == Some(&b'}') {
                let slot = String::from_utf8_lossy(&self.src[self.pos + 1..i]).into_owned();
                self.pos = i + 1;
                return Ok(Expr::GlobSlot {
                    glob: Box::new(g),
                    slot,
                });
            }
            // `*$glob{$thing}`
            self.pos += 1;
            let slot = self.parse_expr()?;
            self.skip_ws();
            self.expect("}")?;
            return Ok(Expr::GlobSlotDyn {
                glob: Box::new(g),
                slot: Box::new(slot),
            });
        }
        Ok(g)
    }

    fn parse_glob_term_bare(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.pos += 1;
        match self.peek() {
            Some(b'{') => {
                self.pos += 1;
                match self.parse_deref_block()? {
                    Ok(name) => {
                        let fq = self.qualify(&name);
                        self.note_global_use(&fq, start);
                        Ok(Expr::Glob(self.intern(&fq)))
                    }
                    Err(e) => Ok(Expr::GlobDeref(Box::new(e))),
                }
            }
            Some(b'$')
                if !self
                    .peek_at(1)
                    .is_some_and(|c| c.is_ascii_whitespace() || c == b';' || c == b')') =>
            {
                let e = self.parse_scalar_term_simple()?;
                Ok(Expr::GlobDeref(Box::new(e)))
            }
            _ => {
                // `*name`, and the punctuation globs (`*+`, `*^N`, `*/`).
                let name = self
                    .scan_var_name(false)
                    .or_else(|| self.scan_var_name(true))
                    .ok_or_else(|| self.syntax_error_at(start))?;
                let fq = self.qualify(&name);
                self.note_global_use(&fq, start);
                Ok(Expr::Glob(self.intern(&fq)))
            }
        }
    }

    pub fn qualify_sub(&self, name: &str) -> String {
        if let Some(rest) = name.strip_prefix("::") {
            return format!("main::{}", rest);
        }
        if name.contains("::") {
            return name.to_string();
        }
        format!("{}::{}", self.package, name)
    }

    pub fn is_known_sub(&self, name: &str) -> bool {
        self.known_subs.contains_key(&self.qualify_sub(name))
    }

    // ------------------------------------------------------------ primary

    /// A term. The flag says whether it ends in a subscript (so a following
    /// `[`/`{` is an implied arrow).
    fn parse_primary(&mut self) -> PResult<(Expr, bool)> {
        self.skip_ws();
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.syntax_error());
        };
        // perl reports a missing term "near" the operator before it
        if matches!(c, b';' | b')' | b'}' | b']')
            && self.last_op_pos < start
            && start - self.last_op_pos <= 4
        {
            return Err(self.syntax_error_at(self.last_op_pos));
        }
        let n = self.peek_at(1).unwrap_or(0);
        let e = match c {
            b'$' => {
                let e = self.parse_scalar_term()?;
                let sub = matches!(e, Expr::Index { .. } | Expr::Elem { .. });
                return Ok((e, sub));
            }
            b'@' => self.parse_array_term()?,
            b'%' => self.parse_hash_term()?,
            b'&' => {
                let e = self.parse_amp_term()?;
                let sub = matches!(e, Expr::CallRef { .. });
                return Ok((e, sub));
            }
            b'*' => self.parse_glob_term()?,
            b'0'..=b'9' => self.scan_number()?,
            b'.' if n.is_ascii_digit() => self.scan_number()?,
            b'\'' => {
                self.pos += 1;
                self.parse_q_string(b'\'')?
            }
            b'"' => {
                self.pos += 1;
                self.parse_qq_string(b'"')?
            }
            b'`' => {
                self.pos += 1;
                let s = self.parse_qq_string(b'`')?;
                Expr::Func {
                    f: Func::Readpipe,
                    args: vec![s],
                }
            }
            b'(' => {
                self.pos += 1;
                let inner = self.parse_paren_contents()?;
                let list = match inner {
                    Expr::List(v) => v,
                    e => vec![e],
                };
                // (LIST)[…] is a list slice
                self.skip_ws();
                if self.peek() == Some(b'[') {
                    self.pos += 1;
                    let idx = self.parse_bracket_list(b']')?;
                    // `(LIST)[0]{key}`: subscripts may follow without `->`.
                    return Ok((
                        Expr::ListSlice {
                            list: Box::new(Expr::List(list)),
                            indices: Box::new(idx),
                        },
                        true,
                    ));
                }
                let keep = list.len() != 1 || {
                    let next = self.peek_op();
                    matches!(next, Some((Op::Assign, _, _)) | Some((Op::Repeat, _, _)))
                };
                if keep {
                    Expr::List(list)
                } else {
                    list.into_iter().next().unwrap()
                }
            }
            b'[' => {
                self.pos += 1;
                let e = self.parse_bracket_list(b']')?;
                Expr::AnonArray(match e {
                    Expr::List(v) => v,
                    e => vec![e],
                })
            }
            b'{' => {
                self.pos += 1;
                let e = self.parse_bracket_list(b'}')?;
                Expr::AnonHash(match e {
                    Expr::List(v) => v,
                    e => vec![e],
                })
            }
            b'<' => self.parse_angle()?,
            b'/' => {
                self.pos += 1;
                self.parse_match(b'/', false)?
            }
            b'?' => return Err(self.syntax_error()),
            _ if is_ident_start(c) || (c == b':' && n == b':') => return self.parse_word_term(),
            _ => return Err(self.syntax_error_at(start)),
        };
        Ok((e, false))
    }

    /// `<FH>`, `<$fh>`, `<>`, `<<>>`, `<*.c>`, or a heredoc.
    fn parse_angle(&mut self) -> PResult<Expr> {
        let s = &self.rest();
        if s.starts_with(b"<<>>") {
            self.pos += 4;
            return Ok(Expr::ReadLine {
                fh: None,
                double: true,
            });
        }
        if s.starts_with(b"<<") {
            self.pos += 2;
            return self.parse_heredoc();
        }
        self.pos += 1;
        let start = self.pos;
        let end = self.src[start..]
            .iter()
            .position(|&c| c == b'>' || c == b'\n')
            .map(|e| start + e);
        let Some(end) = end.filter(|&e| self.src[e] == b'>') else {
            return Err(self.syntax_error_at(start - 1));
        };
        let inner = self.src[start..end].to_vec();
        self.pos = end + 1;
        if inner.is_empty() {
            return Ok(Expr::ReadLine {
                fh: None,
                double: false,
            });
        }
        if inner == b"STDIN"
            || inner == b"ARGV"
            || (inner.iter().all(|&c| is_ident_char(c) || c == b':') && is_ident_start(inner[0]))
        {
            let name = String::from_utf8_lossy(&inner).into_owned();
            let id = self.intern(&self.qualify(&name));
            if name == "ARGV" {
                return Ok(Expr::ReadLine {
                    fh: None,
                    double: false,
                });
            }
            return Ok(Expr::ReadLine {
                fh: Some(Box::new(Expr::Handle(id))),
                double: false,
            });
        }
        if inner[0] == b'$' && inner[1..].iter().all(|&c| is_ident_char(c)) && inner.len() > 1 {
            let name = String::from_utf8_lossy(&inner[1..]).into_owned();
            let v = self.scalar_var(&name, start)?;
            return Ok(Expr::ReadLine {
                fh: Some(Box::new(v)),
                double: false,
            });
        }
        let line = self.line_of(start);
        let pat = self.interpolate(&inner, line, super::quote::Mode::Dq, None)?;
        Ok(Expr::GlobPat(Box::new(pat)))
    }

    /// Barewords, keywords, builtins and sub calls.
    fn parse_word_term(&mut self) -> PResult<(Expr, bool)> {
        let start = self.pos;
        let (word, end) = self
            .scan_ident_at(self.pos)
            .ok_or_else(|| self.syntax_error())?;
        self.pos = end;
        // `word =>` is a string
        if self.next_is_fat_comma(end) {
            return Ok((self.str_expr(&word), false));
        }
        // `Foo::` is the string "Foo"
        if let Some(stripped) = word.strip_suffix("::") {
            return Ok((self.str_expr(stripped), false));
        }
        if !self.overridden.is_empty() && !word.contains("::") {
            let fq = self.qualify_sub(&word);
            if self.overridden.contains(&fq) {
                return self.parse_user_call_or_bareword(&word, start);
            }
        }
        let core = word.starts_with("CORE::");
        let word = word
            .strip_prefix("CORE::")
            .map(|s| s.to_string())
            .unwrap_or(word);
        let word = match word.strip_prefix("CORE::GLOBAL::") {
            Some(w) => w.to_string(),
            None => word,
        };

        // A user sub shadows nothing here except when explicitly known and not a keyword.
        match word.as_str() {
            "my" | "our" | "state" => return Ok((self.parse_my(&word)?, false)),
            "local" => {
                let e = self.parse_postfix_term()?;
                if let Some(f) = self.local_flags.last_mut() {
                    *f = true;
                }
                return Ok((Expr::Local(Box::new(e)), false));
            }
            "sub" => {
                let body = self.parse_sub_body(None, start)?;
                return Ok((Expr::AnonSub(Arc::new(body)), false));
            }
            "do" => return self.parse_do(),
            "eval" => return Ok((self.parse_eval_kw(false)?, false)),
            "evalbytes" if core || self.prag.features & features::EVALBYTES != 0 => {
                return Ok((self.parse_eval_kw(true)?, false))
            }
            "q" | "qq" | "qw" | "qx" | "m" | "s" | "tr" | "y" | "qr" => {
                if let Some(e) = self.parse_quote_like(&word)? {
                    if word == "qw" && self.peek_str("[") {
                        self.pos += 1;
                        let idx = self.parse_bracket_list(b']')?;
                        return Ok((
                            Expr::ListSlice {
                                list: Box::new(e),
                                indices: Box::new(idx),
                            },
                            false,
                        ));
                    }
                    return Ok((e, false));
                }
            }
            "print" | "printf" => {
                self.check_interpreted_as_function(&word);
                return Ok((
                    self.parse_print(if word == "print" {
                        PrintKind::Print
                    } else {
                        PrintKind::Printf
                    })?,
                    false,
                ));
            }
            "say" if self.prag.features & features::SAY != 0 => {
                self.check_interpreted_as_function(&word);
                return Ok((self.parse_print(PrintKind::Say)?, false));
            }
            "sort" => {
                self.check_interpreted_as_function(&word);
                return Ok((self.parse_sort()?, false));
            }
            "map" | "grep" => return Ok((self.parse_map_grep(word == "map")?, false)),
            "split" => return Ok((self.parse_split()?, false)),
            "return" => {
                let e = if self.starts_term(false) {
                    let l = self.parse_expr_prec(P_COMMA)?;
                    Some(Box::new(l))
                } else {
                    None
                };
                return Ok((Expr::Return(e), false));
            }
            "last" | "next" | "redo" => {
                let kind = match word.as_str() {
                    "last" => LoopCtlKind::Last,
                    "next" => LoopCtlKind::Next,
                    _ => LoopCtlKind::Redo,
                };
                self.skip_ws();
                if self.peek() == Some(b'$') {
                    let label = Box::new(self.parse_expr_prec(P_UNI + 1)?);
                    return Ok((Expr::LoopCtlDyn { kind, label }, false));
                }
                let label = match self.peek_word() {
                    Some(w) if !is_modifier_word(&w) && !is_op_word(&w) && !is_keyword(&w) => {
                        self.pos += w.len();
                        Some(Arc::from(w.as_str()))
                    }
                    _ => None,
                };
                return Ok((Expr::LoopCtl { kind, label }, false));
            }
            "goto" => {
                self.skip_ws();
                if self.peek() == Some(b'&') {
                    let target = self.parse_postfix_term()?;
                    let target = match target {
                        Expr::Call {
                            name,
                            args: None,
                            amp: true,
                        } => Expr::SubRef(name),
                        Expr::CodeDeref(e) => *e,
                        e => e,
                    };
                    return Ok((Expr::GotoSub(Box::new(target)), false));
                }
                if let Some((label, end)) = self.scan_ident_at(self.pos) {
                    if !label.contains("::") && !is_keyword(&label) {
                        self.pos = end;
                        return Ok((Expr::GotoLabel(Arc::from(label.as_str())), false));
                    }
                }
                // `goto EXPR`: a code reference is `goto &sub`, anything
                // else names the label.
                if self.starts_term(true) {
                    let e = self.parse_expr_prec(P_UNI + 1)?;
                    return Ok((
                        Expr::GotoSub(Box::new(Expr::GotoTarget(Box::new(e)))),
                        false,
                    ));
                }
                return Ok((Expr::Die("goto must have label".to_string()), false));
            }
            "wantarray" => {
                if self.prag.hints & hints::WARNINGS != 0 && self.is_known_sub(&word) {
                    self.warn_ambiguous_builtin(&word, start, end);
                }
                self.eat_empty_parens();
                return Ok((Expr::Wantarray, false));
            }
            "__SUB__" => {
                self.eat_empty_parens();
                return Ok((Expr::CurrentSub, false));
            }
            "__PACKAGE__" => return Ok((self.str_expr(&self.package.clone()), false)),
            "__FILE__" => return Ok((self.str_expr(self.file.as_ref()), false)),
            "__LINE__" => return Ok((Expr::Int(self.line_of(start) as i64), false)),
            "defined" => return Ok((self.parse_defined()?, false)),
            "undef" => return Ok((self.parse_undef()?, false)),
            "exists" | "delete" => {
                let paren = self.eat("(");
                let e = self.parse_expr_prec(P_SHIFT)?;
                if paren {
                    self.expect(")")?;
                }
                let e = match e {
                    Expr::Call {
                        name,
                        args: None,
                        amp: true,
                    } if word == "exists" => {
                        return Ok((
                            Expr::Func {
                                f: Func::ExistsSub,
                                args: vec![Expr::SubRef(name)],
                            },
                            false,
                        ))
                    }
                    e => e,
                };
                let f = if word == "exists" {
                    Func::Exists
                } else {
                    Func::Delete
                };
                return Ok((Expr::Func { f, args: vec![e] }, false));
            }
            "scalar" => {
                let paren = self.eat("(");
                let e = if paren {
                    self.parse_expr()?
                } else {
                    self.parse_expr_prec(P_SHIFT)?
                };
                if paren {
                    self.expect(")")?;
                }
                if let Expr::List(items) = &e {
                    if items.len() > 1 && self.prag.hints & hints::WARNINGS != 0 {
                        self.warn_useless_comma_items(&items[..items.len() - 1]);
                    }
                }
                return Ok((
                    Expr::Func {
                        f: Func::Scalar,
                        args: vec![e],
                    },
                    false,
                ));
            }
            "require" => return Ok((self.parse_require()?, false)),
            "readline" => {
                let paren = self.eat("(");
                let fh = if paren && self.peek_str(")") {
                    None
                } else {
                    Some(Box::new(self.parse_fh_or_expr(true)?))
                };
                if paren {
                    self.expect(")")?;
                }
                return Ok((Expr::ReadLine { fh, double: false }, false));
            }
            // Without the feature `fc` is an ordinary sub name.
            "fc" if !core && self.prag.features & features::FC == 0 => {
                return self.parse_user_call_or_bareword(&word, start);
            }
            "__END__" | "__DATA__" => return Err(self.syntax_error_at(start)),
            "STDIN" | "STDOUT" | "STDERR" if !self.peek_str("(") && !self.peek_str("->") => {
                let id = self.intern(&format!("main::{}", word));
                return Ok((Expr::Handle(id), false));
            }
            _ => {}
        }
        if matches!(word.as_str(), "exec" | "system") {
            self.check_interpreted_as_function(&word);
            let save = self.pos;
            let paren = self.eat("(");
            // `exec $prog @args`: indirect program without a comma
            let mut simple_prog = false;
            if self.peek() == Some(b'$') {
                if let Some((_, end)) = self.scan_ident_at(self.pos + 1) {
                    let mut i = end;
                    while matches!(self.src.get(i), Some(b' ' | b'\t')) {
                        i += 1;
                    }
                    simple_prog =
                        i > end && matches!(self.src.get(i), Some(b'@' | b'$' | b'"' | b'\''));
                }
            }
            if self.peek_str("{") || simple_prog {
                let prog = if simple_prog {
                    self.parse_scalar_term()?
                } else {
                    self.pos += 1;
                    self.parse_block_body_until_brace()?
                };
                let mut args = vec![prog];
                if !(paren && self.peek_str(")")) {
                    args.extend(self.parse_call_list()?);
                }
                if paren {
                    self.expect(")")?;
                }
                let f = if word == "exec" {
                    Func::ExecProg
                } else {
                    Func::SystemProg
                };
                return Ok((Expr::Func { f, args }, false));
            }
            self.pos = save;
        }
        if matches!(word.as_str(), "stat" | "lstat") {
            let save = self.pos;
            let paren = self.eat("(");
            if self.eat_word("_") && (!paren || self.eat(")")) {
                let f = if word == "stat" {
                    Func::Stat
                } else {
                    Func::Lstat
                };
                return Ok((
                    Expr::Func {
                        f,
                        args: vec![bytes_str(b"_")],
                    },
                    false,
                ));
            }
            self.pos = save;
        }
        if let Some((f, kind)) = builtin(&word) {
            if !(self.is_known_sub(&word) && matches!(word.as_str(), "dump" | "lock")) {
                if self.prag.hints & hints::WARNINGS != 0 && self.is_known_sub(&word) {
                    self.warn_ambiguous_builtin(&word, start, end);
                }
                return Ok((self.parse_builtin(f, kind)?, false));
            }
        }
        // v-strings
        if word.len() > 1 && word.starts_with('v') && word[1..].bytes().all(|c| c.is_ascii_digit())
        {
            return Ok((self.parse_vstring(&word)?, false));
        }
        // Indirect object syntax, `METHOD Class ARGS` (`new Foo(1)`,
        // `import Config;`): a word that is no sub followed by a
        // capitalised bareword that is no sub either (perl's guess, kept to
        // class-like names).
        if self.prag.features & features::INDIRECT != 0 && !self.is_known_sub(&word) {
            self.skip_ws();
            if let Some((class, after)) = self.scan_ident_at(self.pos) {
                let next = self.src[after..]
                    .iter()
                    .copied()
                    .find(|c| !matches!(c, b' ' | b'\t'));
                let fat_comma = self.src[after..]
                    .iter()
                    .skip_while(|c| matches!(c, b' ' | b'\t'))
                    .take(2)
                    .eq(b"=>".iter());
                if class.as_bytes()[0].is_ascii_uppercase()
                    && !is_keyword(&class)
                    && !self.is_known_sub(&class)
                    && !fat_comma
                    && next != Some(b',')
                    && !class.ends_with("::")
                {
                    self.pos = after;
                    let args = if self.peek_str("(") {
                        self.parse_method_args()?
                    } else if word != "new" && self.starts_term(false) {
                        self.parse_call_list()?
                    } else {
                        Vec::new()
                    };
                    let e = Expr::Method {
                        invocant: Box::new(self.str_expr(&class)),
                        method: MethodName::Static(word.clone()),
                        args,
                        maybe_class: true,
                    };
                    return Ok((e, true));
                }
            }
        }
        self.parse_user_call_or_bareword(&word, start)
    }

    /// A builtin named like a sub already declared in this package still
    /// calls the builtin; perl warns, except for `CORE::name` and the few
    /// builtins it never treats as ambiguous.
    #[cold]
    fn warn_ambiguous_builtin(&self, word: &str, start: usize, end: usize) {
        if self.src[start..end].starts_with(b"CORE::")
            || matches!(
                word,
                "fc" | "glob" | "lock" | "dump" | "pos" | "prototype" | "study"
            )
        {
            return;
        }
        self.compile_warning(
            start,
            &format!("Ambiguous call resolved as CORE::{word}(), qualify as such or use &"),
        );
    }

    fn eat_empty_parens(&mut self) {
        let save = self.pos;
        if self.eat("(") && !self.eat(")") {
            self.pos = save;
        }
    }

    fn parse_vstring(&mut self, word: &str) -> PResult<Expr> {
        let mut cps: Vec<u32> = vec![word[1..].parse().unwrap_or(0)];
        while self.peek() == Some(b'.') && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
            let s = self.pos;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
            cps.push(
                String::from_utf8_lossy(&self.src[s..self.pos])
                    .parse()
                    .unwrap_or(0),
            );
        }
        Ok(super::quote::cps_to_str(&cps, false))
    }

    fn parse_user_call_or_bareword(&mut self, word: &str, start: usize) -> PResult<(Expr, bool)> {
        let fq = self.qualify_sub(word);
        let proto = self.known_subs.get(&fq).cloned();
        self.skip_ws();
        if self.peek() == Some(b'(') {
            self.pos += 1;
            let args = self.parse_paren_contents()?;
            let mut args = match args {
                Expr::List(v) => v,
                e => vec![e],
            };
            if let Some(Some(p)) = &proto {
                apply_proto_refs(p, &mut args, &self.globals);
            }
            return Ok((
                Expr::Call {
                    name: fq,
                    args: Some(args),
                    amp: false,
                },
                true,
            ));
        }
        // Class->method
        if self.rest().starts_with(b"->") && proto.is_none() {
            return Ok((self.str_expr(word), false));
        }
        if let Some(proto) = proto {
            let args = match proto.as_deref() {
                Some("") => vec![],
                Some(p) if p.starts_with('&') && self.peek() == Some(b'{') => {
                    let body = self.parse_sub_body_block_only(start)?;
                    let mut args = vec![Expr::AnonSub(Arc::new(body))];
                    // A comma right after the block ends the call (perl parses
                    // the block like an indirect object).
                    if !self.peek_str(",") && self.starts_term(false) {
                        args.extend(self.parse_call_list()?);
                    }
                    args
                }
                Some("$") | Some("_") | Some(";$") => {
                    if self.starts_term(true) {
                        vec![self.parse_expr_prec(P_UNI + 1)?]
                    } else {
                        vec![]
                    }
                }
                _ => {
                    if self.starts_term(false) {
                        self.parse_call_list()?
                    } else {
                        vec![]
                    }
                }
            };
            let mut args = args;
            if let Some(p) = &proto {
                apply_proto_refs(p, &mut args, &self.globals);
            }
            return Ok((
                Expr::Call {
                    name: fq,
                    args: Some(args),
                    amp: false,
                },
                false,
            ));
        }
        // Unknown word followed by a term: a call to a sub defined later or imported.
        if self.starts_term(false)
            && !self.peek_str("{")
            && !self.peek_str("<")
            && !self.peek_str("[")
            && !word.contains("::")
            || (word.contains("::")
                && self.starts_term(false)
                && !matches!(
                    self.peek(),
                    Some(b'{' | b'[' | b'<' | b'-' | b'(' | b'*' | b'%' | b'&')
                ))
        {
            // `method $obj ARGS` (no comma after `$obj`, so not a call's
            // argument list): an indirect method call on the object.
            if !word.contains("::") && self.peek() == Some(b'$') {
                if let Some((_, vend)) = self.scan_ident_at(self.pos + 1) {
                    let mut k = vend;
                    while matches!(self.src.get(k), Some(b' ' | b'\t')) {
                        k += 1;
                    }
                    if k > vend
                        && matches!(self.src.get(k), Some(b'"' | b'\'' | b'(' | b'0'..=b'9'))
                    {
                        let obj = self.parse_expr_prec(P_UNI + 1)?;
                        let args = if self.eat("(") {
                            match self.parse_paren_contents()? {
                                Expr::List(v) => v,
                                e => vec![e],
                            }
                        } else {
                            self.parse_call_list()?
                        };
                        let e = Expr::Method {
                            invocant: Box::new(obj),
                            method: MethodName::Static(word.to_string()),
                            args,
                            maybe_class: false,
                        };
                        return Ok((e, false));
                    }
                }
            }
            // `method HANDLE ARGS`: indirect object call on a filehandle
            if let Some((h, hend)) = self.scan_ident_at(self.pos) {
                if !word.contains("::") && matches!(h.as_str(), "STDOUT" | "STDERR" | "STDIN") {
                    self.pos = hend;
                    let id = self.intern(&format!("main::{}", h));
                    let args = if self.starts_term(false) {
                        self.parse_call_list()?
                    } else {
                        vec![]
                    };
                    let e = Expr::Method {
                        invocant: Box::new(Expr::Handle(id)),
                        method: MethodName::Static(word.to_string()),
                        args,
                        maybe_class: false,
                    };
                    return Ok((e, false));
                }
            }
            let args = self.parse_call_list()?;
            return Ok((
                Expr::Call {
                    name: fq,
                    args: Some(args),
                    amp: false,
                },
                false,
            ));
        }
        // `Pkg::NAME` may name a sub (a constant) that a module defines
        // when it loads, after this was parsed: call it if it exists then.
        if word.contains("::") && !word.ends_with("::") && !self.peek_str("=>") {
            return Ok((call_if_defined(fq, self.str_expr(word)), false));
        }
        // A bareword.
        if word.contains("::")
            || word.as_bytes()[0].is_ascii_uppercase()
                && word
                    .bytes()
                    .all(|c| c.is_ascii_uppercase() || c == b'_' || c.is_ascii_digit())
                && self.is_fh_context()
        {
            return Ok((self.str_expr(word), false));
        }
        if self.prag.strict_subs {
            let msg = format!(
                "Bareword \"{}\" not allowed while \"strict subs\" in use",
                word
            );
            if self.imported_modules {
                // Possibly a constant exported by a module we cannot see
                // into: call it if it exists at run time, else die as perl
                // would have at compile time.
                let text = self.error_at(start, &msg, false).to_string();
                return Ok((call_if_defined(fq, Expr::Die(text)), false));
            }
            let e = self.error_at(start, &msg, false);
            self.queue_error(e);
        }
        if self.imported_modules && !self.peek_str("=>") {
            // Possibly a sub a module exports by default (`use Symbol;
            // gensym`): called if it exists at run time, else the string.
            return Ok((call_if_defined(fq, self.str_expr(word)), false));
        }
        Ok((self.str_expr(word), false))
    }

    fn is_fh_context(&self) -> bool {
        false
    }

    /// Comma-separated arguments of a list operator without parens.
    pub fn parse_call_list(&mut self) -> PResult<Vec<Expr>> {
        let e = self.parse_expr_prec(P_COMMA)?;
        Ok(match e {
            Expr::List(v) => v,
            e => vec![e],
        })
    }

    /// Arguments of a builtin: `(…)` or a bare list / operand.
    fn parse_builtin(&mut self, f: Func, kind: BK) -> PResult<Expr> {
        self.skip_ws();
        let paren = self.peek() == Some(b'(');
        let mut args: Vec<Expr> = Vec::new();
        if paren {
            self.pos += 1;
            self.skip_ws();
            if self.peek() != Some(b')') {
                if matches!(kind, BK::ListFh | BK::UniFh) {
                    self.parse_handle_args(f, &mut args)?;
                } else {
                    args = match self.parse_expr()? {
                        Expr::List(v) => v,
                        e => vec![e],
                    };
                }
            } else if f == Func::Eof {
                // `eof()` (unlike `eof`) asks about the whole `<>` list.
                args.push(Expr::List(Vec::new()));
            }
            self.expect(")")?;
        } else {
            match kind {
                BK::Zero => {}
                BK::Uni | BK::UniOpt | BK::ArrayOp => {
                    if self.starts_term(true) {
                        args.push(self.parse_expr_prec(P_UNI + 1)?);
                    }
                }
                BK::UniFh => {
                    if self.starts_term(true) {
                        args.push(self.parse_fh_or_expr(true)?);
                    }
                }
                BK::List | BK::ListDef => {
                    if self.starts_term(false) {
                        args = self.parse_call_list()?;
                    }
                }
                BK::ListFh => {
                    if self.starts_term(false) {
                        self.parse_handle_args(f, &mut args)?;
                    }
                }
            }
        }
        if args.is_empty() {
            match kind {
                BK::Uni | BK::ListDef if f != Func::Glob => args.push(underscore()),
                BK::ArrayOp => args.push(if self.in_sub() {
                    Expr::Args
                } else {
                    Expr::GlobalArray(well_known::ARGV)
                }),
                _ => {}
            }
            if matches!(f, Func::Mkdir | Func::Unlink | Func::Chomp | Func::Chop) && args.is_empty()
            {
                args.push(underscore());
            }
        }
        let needs_arg = match f {
            Func::Keys => Some("keys"),
            Func::Values => Some("values"),
            Func::Each => Some("each"),
            _ => None,
        };
        if let (Some(name), true) = (needs_arg, args.is_empty()) {
            let msg = format!("Not enough arguments for {name}");
            return Err(self.error_at(self.pos, &msg, true));
        }
        if f == Func::Eof && paren && args.is_empty() {
            args.push(Expr::Handle(well_known::ARGV));
        }
        if f == Func::Readpipe {
            return Ok(Expr::Func { f, args });
        }
        Ok(Expr::Func { f, args })
    }

    /// The arguments of an operator whose first operand is a handle:
    /// `pipe`, `socketpair` and `accept` take two.
    fn parse_handle_args(&mut self, f: Func, args: &mut Vec<Expr>) -> PResult<()> {
        args.push(self.parse_fh_or_expr(false)?);
        if !self.eat(",") {
            return Ok(());
        }
        if matches!(f, Func::Pipe | Func::Socketpair | Func::Accept) {
            args.push(self.parse_fh_or_expr(false)?);
            if !self.eat(",") {
                return Ok(());
            }
        }
        args.extend(self.parse_call_list()?);
        Ok(())
    }

    /// A bareword filehandle (`open FH, …`, `print FH …`): a use of the
    /// glob, as far as "used only once" goes.
    fn bareword_handle(&mut self, name: &str, pos: usize) -> Expr {
        let fq = self.qualify(name);
        self.note_global_use(&fq, pos);
        Expr::Handle(self.intern(&fq))
    }

    /// A filehandle operand: a bareword is `Handle`, otherwise an expression.
    fn parse_fh_or_expr(&mut self, unary: bool) -> PResult<Expr> {
        self.skip_ws();
        if let Some((w, end)) = self.scan_ident_at(self.pos) {
            if !is_keyword(&w) && !self.is_known_sub(&w) && !self.next_is_fat_comma(end) {
                let mut i = end;
                while matches!(self.src.get(i), Some(b' ' | b'\t')) {
                    i += 1;
                }
                if !matches!(self.src.get(i), Some(b'(') | Some(b'-'))
                    || self.src.get(i + 1) != Some(&b'>') && self.src.get(i) != Some(&b'(')
                {
                    self.pos = end;
                    return Ok(self.bareword_handle(&w, end));
                }
            }
        }
        if unary {
            self.parse_expr_prec(P_UNI + 1)
        } else {
            self.parse_expr_prec(P_ASSIGN)
        }
    }

    fn parse_defined(&mut self) -> PResult<Expr> {
        let paren = self.eat("(");
        if paren && self.eat(")") {
            return Ok(Expr::Func {
                f: Func::Defined,
                args: vec![underscore()],
            });
        }
        if !paren && !self.starts_term(true) {
            return Ok(Expr::Func {
                f: Func::Defined,
                args: vec![underscore()],
            });
        }
        let e = if paren {
            self.parse_expr()?
        } else {
            self.parse_expr_prec(P_UNI + 1)?
        };
        if paren {
            self.expect(")")?;
        }
        Ok(match e {
            Expr::Call {
                name,
                args: None,
                amp: true,
            } => Expr::Func {
                f: Func::DefinedSub,
                args: vec![Expr::SubRef(name)],
            },
            // `defined &$name`: asks about the sub, does not call it
            Expr::CodeDeref(target) => Expr::Func {
                f: Func::DefinedSub,
                args: vec![*target],
            },
            e => Expr::Func {
                f: Func::Defined,
                args: vec![e],
            },
        })
    }

    fn parse_undef(&mut self) -> PResult<Expr> {
        let save = self.pos;
        let paren = self.eat("(");
        if paren && self.eat(")") {
            return Ok(Expr::Undef);
        }
        self.skip_ws();
        if !matches!(self.peek(), Some(b'$' | b'@' | b'%' | b'&' | b'*')) {
            self.pos = save;
            return Ok(Expr::Undef);
        }
        let e = self.parse_expr_prec(P_UNI + 1)?;
        if paren {
            self.expect(")")?;
        }
        let e = match e {
            Expr::Call {
                name,
                args: None,
                amp: true,
            } => Expr::SubRef(name),
            e => e,
        };
        Ok(Expr::Func {
            f: Func::Undef,
            args: vec![e],
        })
    }

    fn parse_require(&mut self) -> PResult<Expr> {
        self.skip_ws();
        if let Some((w, end)) = self.scan_ident_at(self.pos) {
            let version = w.starts_with('v') && w[1..].bytes().all(|c| c.is_ascii_digit());
            if !(self.next_is_fat_comma(end) || is_keyword(&w) || version) {
                self.pos = end;
                let path = format!("{}.pm", w.replace("::", "/"));
                return Ok(Expr::Func {
                    f: Func::Require,
                    args: vec![self.str_expr(&path)],
                });
            }
        }
        if self.peek().is_some_and(|c| c.is_ascii_digit()) || self.peek() == Some(b'v') {
            // version check: always satisfied
            let _ = self.parse_expr_prec(P_UNI + 1)?;
            return Ok(Expr::Int(1));
        }
        let arg = if self.starts_term(true) {
            self.parse_expr_prec(P_UNI + 1)?
        } else {
            underscore()
        };
        Ok(Expr::Func {
            f: Func::Require,
            args: vec![arg],
        })
    }

    fn parse_do(&mut self) -> PResult<(Expr, bool)> {
        self.skip_ws();
        if self.peek() == Some(b'{') {
            let block = self.parse_block()?;
            return Ok((Expr::DoBlock(Box::new(block)), false));
        }
        // `do NAME(…)`, once a sub call, is a syntax error (but `do CORE()`
        // is `do FILE` with the value of `CORE()`).
        if let Some((w, end)) = self.scan_ident_at(self.pos) {
            let mut i = end;
            while matches!(self.src.get(i), Some(b' ' | b'\t' | b'\n')) {
                i += 1;
            }
            if self.src.get(i) == Some(&b'(') && w != "CORE" && !is_keyword(&w) {
                self.pos = i;
                return Err(self.syntax_error());
            }
        }
        let e = self.parse_expr_prec(P_UNI + 1)?;
        Ok((
            Expr::Func {
                f: Func::DoFile,
                args: vec![e],
            },
            false,
        ))
    }

    fn parse_eval_kw(&mut self, bytes: bool) -> PResult<Expr> {
        self.skip_ws();
        if !bytes && self.peek() == Some(b'{') {
            let block = self.parse_block()?;
            return Ok(Expr::EvalBlock(Box::new(block)));
        }
        let paren = self.eat("(");
        let code = if paren {
            if self.peek_str(")") {
                underscore()
            } else {
                self.parse_expr()?
            }
        } else if self.starts_term(true) {
            self.parse_expr_prec(P_UNI + 1)?
        } else {
            underscore()
        };
        if paren {
            self.expect(")")?;
        }
        let scope = Arc::new(self.visible_lexicals());
        Ok(Expr::EvalStr {
            code: Box::new(code),
            scope,
            ours: Arc::new(self.visible_ours()),
            package: self.package.clone(),
            strict: self.prag.strict_vars as u8 | (self.prag.strict_subs as u8) << 1,
            features: self.prag.features,
            bytes,
        })
    }

    /// `my $x`, `my ($a, @b)`, `our …`, `state …`.
    fn parse_my(&mut self, kw: &str) -> PResult<Expr> {
        self.skip_ws();
        // `my Class $x` typed declarations: skip the class
        if let Some((w, end)) = self.scan_ident_at(self.pos) {
            if w.as_bytes()[0].is_ascii_uppercase() {
                self.pos = end;
                self.skip_ws();
            }
        }
        let paren = self.eat("(");
        let mut items: Vec<Expr> = Vec::new();
        let mut vars: Vec<(PadKind, Slot)> = Vec::new();
        let mut has_undef = false;
        loop {
            self.skip_ws();
            let vstart = self.pos;
            if paren && self.eat_word("undef") {
                has_undef = true;
                items.push(Expr::Undef);
            } else {
                let sigil = self.peek().ok_or_else(|| self.syntax_error())?;
                if !matches!(sigil, b'$' | b'@' | b'%') {
                    return Err(self.syntax_error());
                }
                self.pos += 1;
                let Some((name, end)) = self.scan_ident_at(self.pos) else {
                    // `my $;`, `my $é` (byte source): a global's name.
                    if let Some(n) = self.scan_var_name(true) {
                        let n = n.strip_prefix("main::").unwrap_or(&n);
                        let msg = format!("Can't use global {}{n} in \"{kw}\"", sigil as char);
                        return Err(self.error_at(vstart, &msg, true));
                    }
                    return Err(self.syntax_error_at(vstart));
                };
                if name.contains("::") {
                    return Err(self.error_at(
                        vstart,
                        &format!(
                            "\"{}\" variable {}{} can't be in a package",
                            kw, sigil as char, name
                        ),
                        false,
                    ));
                }
                self.pos = end;
                let full = format!("{}{}", sigil as char, name);
                if kw == "our" {
                    let fq = format!("{}::{}", self.package, name);
                    let fq = if super::forced_main(&name) {
                        format!("main::{}", name)
                    } else {
                        fq
                    };
                    let id = self.intern(&fq);
                    if self.prag.hints & hints::WARNINGS != 0 {
                        self.check_redeclare(&full, kw, Some(&fq), vstart);
                    }
                    self.bind_now(&full, Binding::Our(fq));
                    items.push(match sigil {
                        b'$' => Expr::Global(id),
                        b'@' => Expr::GlobalArray(id),
                        _ => Expr::GlobalHash(id),
                    });
                } else {
                    if self.prag.hints & hints::WARNINGS != 0 {
                        self.check_redeclare(&full, kw, None, vstart);
                    }
                    let slot = self.declare_my(&full, kw == "state");
                    let k = super::scope::kind_of(&full);
                    vars.push((k, slot));
                    items.push(Expr::MyDecl {
                        vars: vec![(k, slot)],
                        paren: false,
                    });
                }
            }
            if !paren {
                break;
            }
            if self.eat(",") {
                if self.eat(")") {
                    break;
                }
                continue;
            }
            self.expect(")")?;
            break;
        }
        // attributes like `:shared`
        while self.peek_str(":") && !self.peek_str("::") {
            let save = self.pos;
            self.pos += 1;
            if self.take_ident().is_none() {
                self.pos = save;
                break;
            }
        }
        if kw == "our" {
            return Ok(if paren {
                Expr::List(items)
            } else {
                items.pop().unwrap_or(Expr::Undef)
            });
        }
        if has_undef {
            return Ok(Expr::List(items));
        }
        Ok(Expr::MyDecl { vars, paren })
    }

    // ------------------------------------------------------------ print, sort, map

    fn parse_print(&mut self, kind: PrintKind) -> PResult<Expr> {
        self.skip_ws();
        let paren = self.peek() == Some(b'(');
        if paren {
            self.pos += 1;
        }
        let mut fh: Option<Box<Expr>> = None;
        self.skip_ws();
        if self.peek() == Some(b'{') {
            self.pos += 1;
            fh = Some(Box::new(self.parse_block_body_until_brace()?));
        } else if let Some((w, end)) = self.scan_ident_at(self.pos) {
            let mut i = end;
            while matches!(self.src.get(i), Some(b' ' | b'\t')) {
                i += 1;
            }
            let next = self.src.get(i).copied().unwrap_or(b';');
            let next2 = self.src.get(i + 1).copied().unwrap_or(0);
            let upper = w
                .bytes()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_' || c == b':');
            // `printf STDOUT (…)`: an upper-case word, a space, then a
            // parenthesised list is a handle, as for perl's known handles.
            let paren_list = next == b'(' && i > end && upper;
            let is_fh = !is_keyword(&w)
                && !self.is_known_sub(&w)
                && (paren_list
                    || !matches!(
                        next,
                        b'(' | b',' | b'.' | b'=' | b'-' | b'x' | b'?' | b':' | b'[' | b'{'
                    ))
                && (next != b'-' || next2 != b'>');
            if is_fh
                && (w.bytes().all(|c| {
                    c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_' || c == b':'
                }) || next != b';')
            {
                self.pos = end;
                fh = Some(Box::new(self.bareword_handle(&w, end)));
            }
        } else if self.peek() == Some(b'$') && self.peek_at(1).is_some_and(is_ident_start) {
            // `print $fh LIST`: a simple scalar followed by a term without comma
            let (_, end) = self.scan_ident_at(self.pos + 1).unwrap_or_default();
            let mut i = end;
            let mut ws = false;
            while matches!(self.src.get(i), Some(b' ' | b'\t')) {
                i += 1;
                ws = true;
            }
            let next = self.src.get(i).copied().unwrap_or(0);
            let next2 = self.src.get(i + 1).copied().unwrap_or(0);
            let term_next = match next {
                b'"' | b'\'' | b'$' | b'@' | b'\\' | b'`' => true,
                b'0'..=b'9' | b'(' => ws,
                b'<' => {
                    next2 == b'<'
                        && self.src.get(i + 2).is_some_and(|&c| {
                            c == b'"' || c == b'\'' || c == b'~' || c.is_ascii_uppercase()
                        })
                }
                c if is_ident_start(c) => {
                    let mut j = i;
                    while self.src.get(j).is_some_and(|&c| is_ident_char(c)) {
                        j += 1;
                    }
                    let w = String::from_utf8_lossy(&self.src[i..j]).into_owned();
                    ws && !is_op_word(&w) && !is_modifier_word(&w)
                }
                _ => false,
            };
            if term_next {
                let name_pos = self.pos;
                let (name, end) = self.scan_ident_at(self.pos + 1).unwrap_or_default();
                self.pos = end;
                fh = Some(Box::new(self.scalar_var(&name, name_pos)?));
            }
        }
        let mut args = Vec::new();
        if paren {
            self.skip_ws();
            if self.peek() != Some(b')') {
                args = self.parse_call_list()?;
            }
            self.expect(")")?;
        } else if self.starts_term(false) {
            args = self.parse_call_list()?;
        }
        if args.is_empty() && kind != PrintKind::Printf {
            args.push(underscore());
        }
        let e = Expr::Print { kind, fh, args };
        Ok(e)
    }

    /// Is the `{` at the cursor (after `map`/`grep`) a block rather than an
    /// anonymous hash? perl's guess: a hash when the first thing inside is a
    /// string or bareword followed by `,` or `=>`.
    pub(super) fn brace_is_block(&self) -> bool {
        let mut i = self.pos + 1;
        let skip = |i: &mut usize| {
            while matches!(self.src.get(*i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                *i += 1;
            }
        };
        skip(&mut i);
        match self.src.get(i) {
            Some(b'}') => return false,
            Some(b';') => return true,
            Some(&q @ (b'"' | b'\'')) => {
                i += 1;
                while let Some(&c) = self.src.get(i) {
                    if c == b'\\' {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    if c == q {
                        break;
                    }
                }
            }
            Some(&c) if c.is_ascii_lowercase() || c.is_ascii_uppercase() || c == b'_' => {
                let ws = i;
                while self.src.get(i).is_some_and(|&c| is_ident_char(c)) {
                    i += 1;
                }
                // a quote-like operator (`m,…,`) starts an expression
                if matches!(
                    &self.src[ws..i],
                    b"m" | b"s" | b"y" | b"tr" | b"q" | b"qq" | b"qw" | b"qr" | b"qx"
                ) {
                    return true;
                }
            }
            _ => return true,
        }
        skip(&mut i);
        let a = self.src.get(i).copied();
        let b = self.src.get(i + 1).copied();
        !(a == Some(b',') || (a == Some(b'=') && b == Some(b'>')))
    }

    fn parse_map_grep(&mut self, is_map: bool) -> PResult<Expr> {
        let paren = self.eat("(");
        self.skip_ws();
        let body: Block;
        if self.peek() == Some(b'{') && self.brace_is_block() {
            self.map_block_start = true;
            let b = self.parse_block();
            self.map_block_start = false;
            body = b?;
            self.eat(",");
        } else {
            let e = self.parse_expr_prec(P_ASSIGN)?;
            if !self.eat(",") && !self.eat("=>") {
                return Err(self.syntax_error());
            }
            body = Block {
                stmts: vec![Statement {
                    line: self.cur_line(),
                    hints: self.stmt_hints(),
                    kind: Stmt::Expr(e),
                }],
                has_local: false,
                my_slots: Vec::new(),
                labels: Vec::new(),
            };
        }
        let list = if self.starts_term(false) {
            list_or_single(self.parse_call_list()?)
        } else {
            Expr::List(vec![])
        };
        if paren {
            self.expect(")")?;
        }
        Ok(if is_map {
            Expr::Map {
                body: Box::new(body),
                list: Box::new(list),
            }
        } else {
            Expr::Grep {
                body: Box::new(body),
                list: Box::new(list),
            }
        })
    }

    fn parse_sort(&mut self) -> PResult<Expr> {
        let paren = self.eat("(");
        self.skip_ws();
        let a = self.intern(&format!("{}::a", self.package));
        let b = self.intern(&format!("{}::b", self.package));
        let mut cmp = SortCmp::None;
        if self.peek() == Some(b'{') {
            let block = self.parse_block()?;
            cmp = fast_sort(&block, a, b)
                .map(SortCmp::Fast)
                .unwrap_or(SortCmp::Block(Box::new(block)));
            self.eat(",");
        } else if let Some((w, end)) = self.scan_ident_at(self.pos) {
            if !is_keyword(&w) && !self.next_is_fat_comma(end) {
                let mut i = end;
                while matches!(self.src.get(i), Some(b' ' | b'\t' | b'\n')) {
                    i += 1;
                }
                if !matches!(
                    self.src.get(i),
                    Some(b'(') | Some(b',') | Some(b')') | Some(b';')
                ) {
                    self.pos = end;
                    cmp = SortCmp::Sub(Box::new(Expr::SubRef(self.qualify_sub(&w))));
                }
            }
        } else if self.peek() == Some(b'$') && self.peek_at(1).is_some_and(is_ident_start) {
            let (name, end) = self.scan_ident_at(self.pos + 1).unwrap_or_default();
            let mut i = end;
            while matches!(self.src.get(i), Some(b' ' | b'\t')) {
                i += 1;
            }
            if i > end
                && matches!(
                    self.src.get(i),
                    Some(b'@' | b'$' | b'\'' | b'"' | b'0'..=b'9')
                )
                || self.src.get(end) == Some(&b' ') && matches!(self.src.get(i), Some(b'('))
                || i > end && self.scan_ident_at(i).is_some_and(|(w, _)| !is_op_word(&w))
            {
                let p = self.pos;
                self.pos = end;
                cmp = SortCmp::Sub(Box::new(self.scalar_var(&name, p)?));
            }
        }
        let list = if paren {
            if self.peek_str(")") {
                Expr::List(vec![])
            } else {
                self.parse_expr()?
            }
        } else if self.starts_term(false) {
            list_or_single(self.parse_call_list()?)
        } else {
            Expr::List(vec![])
        };
        if paren {
            self.expect(")")?;
        }
        Ok(Expr::Sort {
            cmp,
            list: Box::new(list),
            a,
            b,
        })
    }

    fn parse_split(&mut self) -> PResult<Expr> {
        let paren = self.eat("(");
        let mut args: Vec<Expr> = if paren {
            if self.peek_str(")") {
                vec![]
            } else {
                match self.parse_expr()? {
                    Expr::List(v) => v,
                    e => vec![e],
                }
            }
        } else if self.starts_term(false) || self.peek_str("/") {
            if self.peek_str("/") {
                self.pos += 1;
                let first = self.parse_match(b'/', false)?;
                let mut v = vec![first];
                if self.eat(",") {
                    v.extend(self.parse_call_list()?);
                }
                v
            } else {
                self.parse_call_list()?
            }
        } else {
            vec![]
        };
        if paren {
            self.expect(")")?;
        }
        let mut it = args.drain(..);
        let pat = match it.next() {
            None => SplitPat::Whitespace,
            Some(Expr::Match {
                target: None,
                pat,
                negate: false,
            }) => SplitPat::Regex(pat),
            Some(Expr::Qr(pat)) => SplitPat::Regex(pat),
            Some(Expr::Str { bytes, .. }) if &*bytes == b" " => SplitPat::Whitespace,
            Some(s @ Expr::Str { .. }) => {
                let id = self.new_pattern_id();
                SplitPat::Regex(Pattern {
                    src: Box::new(s),
                    flags: ReFlags::default(),
                    id,
                })
            }
            Some(e) => SplitPat::Expr(Box::new(e)),
        };
        let expr = Some(Box::new(it.next().unwrap_or_else(underscore)));
        let limit = it.next().map(Box::new);
        Ok(Expr::Split { pat, expr, limit })
    }
}

/// `{ $a <=> $b }` and friends.
fn fast_sort(block: &Block, a: GlobalId, b: GlobalId) -> Option<FastSort> {
    if block.stmts.len() != 1 {
        return None;
    }
    let Stmt::Expr(Expr::Binary { op, l, r }) = &block.stmts[0].kind else {
        return None;
    };
    let (Expr::Global(x), Expr::Global(y)) = (&**l, &**r) else {
        return None;
    };
    let asc = *x == a && *y == b;
    let desc = *x == b && *y == a;
    match (op, asc, desc) {
        (BinOp::NumCmp, true, _) => Some(FastSort::NumAsc),
        (BinOp::NumCmp, _, true) => Some(FastSort::NumDesc),
        (BinOp::StrCmp, true, _) => Some(FastSort::StrAsc),
        (BinOp::StrCmp, _, true) => Some(FastSort::StrDesc),
        _ => None,
    }
}

/// Prototype `\@`, `\%`, `\$`, `\[…]` arguments are passed by reference,
/// `$` and `_` ones in scalar context, and a missing `_` one is `$_`.
fn apply_proto_refs(proto: &str, args: &mut Vec<Expr>, globals: &[String]) {
    let mut i = 0;
    let b = proto.as_bytes();
    let mut k = 0;
    while k < b.len() && i >= args.len() && matches!(b[k], b';' | b' ') {
        k += 1;
    }
    if i >= args.len() && b.get(k) == Some(&b'_') {
        args.push(Expr::Global(crate::ast::well_known::UNDERSCORE));
    }
    while k < b.len() && i < args.len() {
        match b[k] {
            b'$' | b'_' => {
                let a = std::mem::replace(&mut args[i], Expr::Undef);
                args[i] = scalar_arg(a);
                if b[k] == b'_' && i + 1 == args.len() {
                    return;
                }
            }
            b';' | b' ' => {
                k += 1;
                continue;
            }
            b'\\' => {
                k += 1;
                if b.get(k) == Some(&b'[') {
                    while k < b.len() && b[k] != b']' {
                        k += 1;
                    }
                }
                let a = std::mem::replace(&mut args[i], Expr::Undef);
                args[i] = match a {
                    // `\&` given `&name`: a reference to the sub.
                    Expr::Call {
                        name,
                        args: None,
                        amp: true,
                    } => Expr::SubRef(name),
                    a => Expr::Ref(Box::new(a)),
                };
            }
            // A bareword handle in a `*` slot arrives as its name.
            b'*' => {
                if let Expr::Handle(id) = args[i] {
                    let name = globals
                        .get(id as usize)
                        .map_or("", |n| n.strip_prefix("main::").unwrap_or(n.as_str()));
                    args[i] = Expr::Str {
                        bytes: name.as_bytes().into(),
                        utf8: false,
                    };
                }
            }
            b'@' | b'%' => return,
            _ => {}
        }
        k += 1;
        i += 1;
        // A trailing optional `_` defaults to `$_`.
        while k < b.len() && i >= args.len() && matches!(b[k], b';' | b' ') {
            k += 1;
        }
        if i >= args.len() && b.get(k) == Some(&b'_') {
            args.push(Expr::Global(crate::ast::well_known::UNDERSCORE));
        }
    }
}

/// `name()` if a sub of that name exists when this runs, else `otherwise`
/// (for barewords that may name subs a module defines as it loads).
fn call_if_defined(name: String, otherwise: Expr) -> Expr {
    Expr::Cond {
        c: Box::new(Expr::Func {
            f: Func::DefinedSub,
            args: vec![Expr::SubRef(name.clone())],
        }),
        t: Box::new(Expr::Call {
            name,
            args: Some(vec![]),
            amp: false,
        }),
        f: Box::new(otherwise),
    }
}

/// An argument in a `$` prototype slot: evaluated in scalar context.
fn scalar_arg(a: Expr) -> Expr {
    match a {
        Expr::My(_)
        | Expr::Global(_)
        | Expr::Int(_)
        | Expr::Num(_)
        | Expr::Str { .. }
        | Expr::Interp(_)
        | Expr::Index { .. }
        | Expr::Elem { .. }
        | Expr::Deref(_) => a,
        a => Expr::Func {
            f: Func::Scalar,
            args: vec![a],
        },
    }
}

pub(crate) fn block_to_expr(block: Block) -> Expr {
    if block.stmts.len() == 1 && !block.has_local {
        if let Stmt::Expr(_) = &block.stmts[0].kind {
            let mut b = block;
            if let Stmt::Expr(e) = b.stmts.pop().unwrap().kind {
                return e;
            }
            unreachable!()
        }
    }
    Expr::DoBlock(Box::new(block))
}

/// What perl calls `e` when it is evaluated for nothing, or None when it has
/// (or may have) side effects, or is a constant perl exempts (0, 1, undef).
fn useless_void_desc(e: &Expr) -> Option<String> {
    fn num_const(e: &Expr) -> Option<crate::numeric::Num> {
        use crate::numeric::Num;
        match e {
            Expr::Int(i) => Some(Num::Int(*i)),
            Expr::UInt(u) => Some(Num::UInt(*u)),
            Expr::Num(f) => Some(Num::Float(*f)),
            Expr::Unary { op: UnOp::Neg, e } => num_const(e).map(crate::numeric::neg),
            // perl folds constant arithmetic before it looks.
            Expr::Binary { op, l, r } => {
                let (a, b) = (num_const(l)?, num_const(r)?);
                match op {
                    BinOp::Add => Some(crate::numeric::add(a, b)),
                    BinOp::Sub => Some(crate::numeric::sub(a, b)),
                    BinOp::Mul => Some(crate::numeric::mul(a, b)),
                    _ => None,
                }
            }
            _ => None,
        }
    }
    if let Some(n) = num_const(e) {
        let f = n.to_f64();
        if f == 0.0 || f == 1.0 {
            return None;
        }
        let mut out = Vec::new();
        crate::numeric::format_num(n, &mut out);
        return Some(format!("a constant ({})", String::from_utf8_lossy(&out)));
    }
    Some(match e {
        Expr::Str { bytes, .. } => {
            let mut shown = String::new();
            let mut cut = false;
            for &b in bytes.iter() {
                let piece = match b {
                    b'\n' => "\\n".to_string(),
                    b'\t' => "\\t".to_string(),
                    b'"' => "\\\"".to_string(),
                    b'\\' => "\\\\".to_string(),
                    0x20..=0x7e => (b as char).to_string(),
                    _ => format!("\\{:o}", b),
                };
                if shown.len() + piece.len() > 32 {
                    cut = true;
                    break;
                }
                shown.push_str(&piece);
            }
            format!("a constant (\"{shown}\"{})", if cut { "..." } else { "" })
        }
        Expr::Binary { op, .. } => {
            let name = match op {
                BinOp::Add => "addition (+)",
                BinOp::Sub => "subtraction (-)",
                BinOp::Mul => "multiplication (*)",
                BinOp::Div => "division (/)",
                BinOp::Mod => "modulus (%)",
                BinOp::Pow => "exponentiation (**)",
                BinOp::Concat => "concatenation (.) or string",
                BinOp::NumEq => "numeric eq (==)",
                BinOp::NumNe => "numeric ne (!=)",
                BinOp::NumLt => "numeric lt (<)",
                BinOp::NumGt => "numeric gt (>)",
                BinOp::NumLe => "numeric le (<=)",
                BinOp::NumGe => "numeric ge (>=)",
                BinOp::NumCmp => "numeric comparison (<=>)",
                BinOp::StrEq => "string eq",
                BinOp::StrNe => "string ne",
                BinOp::StrLt => "string lt",
                BinOp::StrGt => "string gt",
                BinOp::StrLe => "string le",
                BinOp::StrGe => "string ge",
                BinOp::StrCmp => "string comparison (cmp)",
                _ => return None,
            };
            name.to_string()
        }
        Expr::Unary { op: UnOp::Neg, .. } => "negation (-)".into(),
        Expr::Unary {
            op: UnOp::BitNot, ..
        } => "1's complement (~)".into(),
        Expr::Not(_) => "not".into(),
        Expr::AnonArray(_) => "anonymous array ([])".into(),
        Expr::AnonHash(_) => "anonymous hash ({})".into(),
        Expr::Sort { .. } => "sort".into(),
        Expr::Repeat { .. } => "repeat (x)".into(),
        // Calls on constants are folded by perl: only variable operands.
        Expr::Func { f, args }
            if !args.is_empty()
                && !args
                    .iter()
                    .all(|a| matches!(a, Expr::Int(_) | Expr::Num(_) | Expr::Str { .. })) =>
        {
            match f {
                Func::Length => "length",
                Func::Uc => "uc",
                Func::Lc => "lc",
                Func::Ucfirst => "ucfirst",
                Func::Lcfirst => "lcfirst",
                Func::Ref => "reference-type operator",
                Func::Hex => "hex",
                Func::Oct => "oct",
                Func::Abs => "abs",
                Func::Int => "int",
                Func::Sqrt => "sqrt",
                Func::Substr if args.len() < 4 => "substr",
                Func::Index => "index",
                Func::Rindex => "rindex",
                Func::Ord => "ord",
                Func::Quotemeta => "quotemeta",
                Func::Defined => "defined operator",
                Func::Reverse => "reverse",
                Func::Join => "join or string",
                Func::Sprintf => "sprintf",
                _ => return None,
            }
            .into()
        }
        Expr::Index { .. } => "array element".into(),
        Expr::Elem { .. } => "hash element".into(),
        Expr::Slice { .. } => "array slice".into(),
        Expr::HashSlice { .. } => "hash slice".into(),
        Expr::Ref(inner)
            if matches!(
                **inner,
                Expr::My(_) | Expr::Global(_) | Expr::Index { .. } | Expr::Elem { .. }
            ) =>
        {
            "single ref constructor".into()
        }
        Expr::Wantarray => "wantarray".into(),
        Expr::My(_) => "private variable".into(),
        Expr::MyArray(_) => "private array".into(),
        Expr::MyHash(_) => "private hash".into(),
        Expr::Global(_) | Expr::GlobalArray(_) | Expr::GlobalHash(_) => "a variable".into(),
        Expr::ArrayDeref(_) | Expr::HashDeref(_) | Expr::Deref(_) => "a variable".into(),
        _ => return None,
    })
}

fn negated(e: Expr, negate: bool) -> Expr {
    if negate {
        Expr::Not(Box::new(e))
    } else {
        e
    }
}
