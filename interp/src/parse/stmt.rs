//! Statements, blocks, sub definitions, `use`/`no`, formats.

use super::expr::{block_to_expr, builtin, is_keyword, underscore, P_ASSIGN};
use super::lexer::{is_ident_char, is_ident_start};
use super::scope::Binding;
use super::{features, plain_str, PResult, Parser};
use crate::ast::well_known;
use crate::ast::*;
use std::sync::Arc;

/// Imported functions that take a block first (`first { … } @list`).
const BLOCK_SUBS: &[&str] = &[
    "first",
    "any",
    "all",
    "none",
    "notall",
    "reduce",
    "reductions",
    "pairmap",
    "pairgrep",
    "pairfirst",
    "max_by",
    "min_by",
    "sort_by",
    "nsort_by",
    "uniq_by",
    "firstidx",
    "first_index",
    "lastidx",
    "last_index",
    "indexes",
    "firstval",
    "first_value",
    "lastval",
    "last_value",
    "true",
    "false",
    "part",
    "apply",
    "after",
    "before",
    "bsearch",
];
/// Imported functions with a `$` prototype (named-unary parsing).
const UNARY_SUBS: &[&str] = &[
    "blessed",
    "reftype",
    "looks_like_number",
    "refaddr",
    "weaken",
    "readonly",
    "unweaken",
    "isweak",
    "tainted",
    "openhandle",
];

fn is_while_readish(e: &Expr) -> bool {
    matches!(e, Expr::ReadLine { .. } | Expr::GlobPat(_))
        || matches!(
            e,
            Expr::Func {
                f: Func::Readdir | Func::Readline | Func::Glob | Func::Each | Func::Shift,
                ..
            }
        )
}

/// `while (<FH>)` means `while (defined($_ = <FH>))`.
fn fix_while_cond(cond: Expr) -> Expr {
    if is_while_readish(&cond) {
        if matches!(
            cond,
            Expr::Func {
                f: Func::Each | Func::Shift,
                ..
            }
        ) {
            return cond;
        }
        let assign = Expr::Assign {
            lhs: Box::new(underscore()),
            rhs: Box::new(cond),
        };
        return Expr::Func {
            f: Func::Defined,
            args: vec![assign],
        };
    }
    match cond {
        Expr::Assign { lhs, rhs } if is_while_readish(&rhs) => Expr::Func {
            f: Func::Defined,
            args: vec![Expr::Assign { lhs, rhs }],
        },
        c => c,
    }
}

/// The string constants of a `use` argument list.
fn const_strings(e: &Expr, out: &mut Vec<String>) {
    match e {
        Expr::Str { bytes, .. } => out.push(String::from_utf8_lossy(bytes).into_owned()),
        Expr::List(v) | Expr::AnonArray(v) => {
            for x in v {
                const_strings(x, out);
            }
        }
        _ => {}
    }
}

impl Parser {
    fn stmt(&self, line: u32, kind: Stmt) -> Statement {
        Statement {
            line,
            hints: self.stmt_hints(),
            kind,
        }
    }

    /// `use warnings LIST` / `no warnings LIST`: the categories psh tells
    /// apart get their own bits; other category names are ignored.
    fn warnings_pragma(&mut self, is_use: bool, names: &[String]) {
        let cat_bit = |n: &str| match n {
            "all" => hints::NO_WARN_ALL,
            "uninitialized" => hints::NO_WARN_UNINIT,
            "numeric" => hints::NO_WARN_NUMERIC,
            "misc" => hints::NO_WARN_MISC,
            "void" => hints::NO_WARN_VOID,
            "once" => hints::NO_WARN_ONCE,
            "substr" => hints::NO_WARN_SUBSTR,
            "recursion" => hints::NO_RECURSION_WARN,
            "redefine" | "exiting" => hints::NO_WARN_OTHER,
            n if n == "experimental" || n.starts_with("experimental::") => {
                hints::NO_WARN_EXPERIMENTAL
            }
            _ => 0,
        };
        let fatal = names.iter().any(|n| n == "FATAL");
        let nonfatal = names.iter().any(|n| n == "NONFATAL");
        let cats: Vec<&str> = names
            .iter()
            .map(|n| n.as_str())
            .filter(|n| *n != "FATAL" && *n != "NONFATAL")
            .collect();
        let all = cats.is_empty() || cats.contains(&"all");
        let h = &mut self.prag.hints;
        *h |= hints::LEXICAL_WARNINGS;
        if is_use {
            if all {
                *h &= !hints::NO_WARN_ALL;
            } else {
                if *h & hints::WARNINGS == 0 {
                    // Only the named categories come on.
                    *h |= hints::NO_WARN_ALL;
                }
                for c in &cats {
                    *h &= !cat_bit(c);
                }
            }
            *h |= hints::WARNINGS;
            if fatal {
                if all
                    || cats
                        .iter()
                        .any(|c| !matches!(*c, "uninitialized" | "numeric"))
                {
                    *h |= hints::FATAL_WARNINGS;
                } else {
                    for c in &cats {
                        *h |= if *c == "uninitialized" {
                            hints::FATAL_UNINIT
                        } else {
                            hints::FATAL_NUMERIC
                        };
                    }
                }
            } else if nonfatal {
                *h &= !(hints::FATAL_WARNINGS | hints::FATAL_UNINIT | hints::FATAL_NUMERIC);
            }
        } else if all {
            *h &= !(hints::WARNINGS
                | hints::FATAL_WARNINGS
                | hints::FATAL_UNINIT
                | hints::FATAL_NUMERIC);
            // Default-on warnings are off too.
            *h |= hints::NO_WARN_ALL;
        } else {
            for c in &cats {
                *h |= cat_bit(c);
            }
        }
    }

    /// `Statement::hints`: the run-time hints plus what a string `eval`
    /// needs to know of the compile-time pragmas.
    pub(crate) fn stmt_hints(&self) -> u32 {
        let mut h = self.prag.hints & !hints::EVAL_ONLY;
        if self.prag.features & features::BITWISE != 0 {
            h |= hints::NUMERIC_BITWISE;
        }
        if self.prag.features & features::UNICODE_STRINGS != 0 {
            h |= hints::UNICODE_STRINGS;
        }
        if self.prag.strict_vars {
            h |= hints::STRICT_VARS;
        }
        if self.prag.strict_subs {
            h |= hints::STRICT_SUBS;
        }
        if self.prag.features & features::INDIRECT == 0 {
            h |= hints::NO_INDIRECT;
        }
        h
    }

    fn block_of(&self, line: u32, e: Expr) -> Block {
        Block {
            stmts: vec![self.stmt(line, Stmt::Expr(e))],
            has_local: false,
            my_slots: Vec::new(),
            labels: Vec::new(),
        }
    }

    /// Statements to the end of the buffer.
    pub fn parse_statements_until_end(&mut self) -> PResult<(Vec<Statement>, Vec<Label>)> {
        let mut list = StmtList::default();
        loop {
            self.skip_ws();
            if self.at_eof() || self.finished {
                break;
            }
            if self.peek() == Some(b'}') {
                // perl's parser then fails at the `}`: near the token before
                // it on the same line, and the brace.
                let at = self.pos;
                let line_start = self.src[..at]
                    .iter()
                    .rposition(|&c| c == b'\n')
                    .map_or(0, |i| i + 1);
                let mut j = at;
                while j > line_start && matches!(self.src[j - 1], b' ' | b'\t') {
                    j -= 1;
                }
                let mut from = at;
                if j > line_start {
                    let c = self.src[j - 1];
                    let mut k = j - 1;
                    if c.is_ascii_alphanumeric() || c == b'_' {
                        while k > line_start
                            && (self.src[k - 1].is_ascii_alphanumeric() || self.src[k - 1] == b'_')
                        {
                            k -= 1;
                        }
                        if k > line_start && matches!(self.src[k - 1], b'$' | b'@' | b'%') {
                            k -= 1;
                        }
                    }
                    from = k;
                }
                let near = String::from_utf8_lossy(&self.src[from..=at]).into_owned();
                let line = self.line_of(at);
                return Err(self.lexer_error(line, "Unmatched right curly bracket", &near));
            }
            self.parse_statement_into(&mut list)?;
        }
        Ok((list.stmts, list.labels))
    }

    pub fn parse_block(&mut self) -> PResult<Block> {
        self.skip_ws();
        if self.peek() != Some(b'{') {
            return Err(self.syntax_error());
        }
        self.pos += 1;
        self.parse_block_after_open()
    }

    /// A block's statements after its `{`, through the `}`.
    pub fn parse_block_after_open(&mut self) -> PResult<Block> {
        self.check_depth()?;
        let saved_prag = self.prag;
        let saved_pkg = self.package.clone();
        self.push_scope();
        self.pending.push(Vec::new());
        self.local_flags.push(false);
        let open_pos = self.pos;
        let mut list = StmtList::default();
        let r: PResult<()> = loop {
            self.skip_ws();
            if self.at_eof() || self.finished {
                // Reported where the source ends (its last line).
                let _ = open_pos;
                let line = self.line_of(self.src.len().saturating_sub(1));
                break Err(self.lexer_error(line, "Missing right curly or square bracket", ""));
            }
            if self.peek() == Some(b'}') {
                self.pos += 1;
                break Ok(());
            }
            if let Err(e) = self.parse_statement_into(&mut list) {
                break Err(e);
            }
        };
        let StmtList { stmts, labels, .. } = list;
        if r.is_ok() && self.queued_errors.is_empty() {
            // All but the last statement are in void context.
            self.void_context_warnings(&stmts, true);
        }
        let has_local = self.local_flags.pop().unwrap_or(false);
        self.pending.pop();
        let my_slots = self.pop_scope();
        self.prag = saved_prag;
        self.package = saved_pkg;
        self.depth -= 1;
        r?;
        Ok(Block {
            stmts,
            has_local,
            my_slots,
            labels,
        })
    }

    /// Parse one statement onto `list`, noting its labels for `goto`.
    fn parse_statement_into(&mut self, list: &mut StmtList) -> PResult<()> {
        self.skip_ws();
        // `A: B: stmt` gives the statement both labels, and labels on
        // something that is not a run-time statement (`L: use integer;`)
        // go on to the next one.
        while let Some(l) = self.parse_label() {
            list.pending.push(l);
        }
        if !list.pending.is_empty() && (self.peek() == Some(b'}') || self.at_eof()) {
            // Labels at the end of a block are on an empty statement, which
            // is then the block's last (its value is empty).
            list.place_pending();
            let line = self.cur_line();
            list.stmts.push(self.stmt(line, Stmt::Nop));
            return Ok(());
        }
        if let Some(s) = self.parse_statement(list.pending.last().cloned())? {
            list.place_pending();
            list.stmts.push(s);
        }
        Ok(())
    }

    /// `NAME:` before a statement (not `NAME::`, a keyword or a known sub).
    fn parse_label(&mut self) -> Option<Arc<str>> {
        let (w, end) = self.scan_ident_at(self.pos)?;
        let mut i = end;
        while matches!(self.src.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        if self.src.get(i) == Some(&b':')
            && self.src.get(i + 1) != Some(&b':')
            && !w.contains("::")
            && !is_keyword(&w)
            && w != "default"
            && !self.is_known_sub(&w)
        {
            self.pos = i + 1;
            self.skip_ws();
            return Some(Arc::from(w.as_str()));
        }
        None
    }

    fn parse_statement(&mut self, label: Option<Arc<str>>) -> PResult<Option<Statement>> {
        let r = self.parse_statement_inner(label);
        self.flush_pending();
        // A loop body's statements are all in void context: perl warns
        // about them as the body closes, before the enclosing code's.
        if let Ok(Some(st)) = &r {
            if let Stmt::While { body, .. } | Stmt::ForC { body, .. } | Stmt::Foreach { body, .. } =
                &st.kind
            {
                if let (true, Some(l)) = (self.queued_errors.is_empty(), body.stmts.last()) {
                    self.void_deferred(l);
                }
            }
        }
        r
    }

    /// A `continue` block after a loop body (or a bare block), if any.
    fn parse_continue(&mut self) -> PResult<Option<Block>> {
        self.skip_ws();
        if self.eat_word("continue") {
            return Ok(Some(self.parse_block()?));
        }
        Ok(None)
    }

    fn end_statement(&mut self) -> PResult<()> {
        self.skip_ws();
        if self.eat(";") || self.at_eof() || self.peek() == Some(b'}') {
            return Ok(());
        }
        // `__END__`/`__DATA__` end the source, so they end the last
        // statement too (`1` without `;` before the data).
        if let Some((w, _)) = self.scan_ident_at(self.pos) {
            if w == "__END__" || w == "__DATA__" {
                return Ok(());
            }
        }
        Err(self.syntax_error())
    }

    fn parse_statement_inner(&mut self, label: Option<Arc<str>>) -> PResult<Option<Statement>> {
        let line = self.cur_line();
        let hash_first = std::mem::take(&mut self.map_block_start);
        if self.eat(";") {
            return Ok(None);
        }
        // Like perl, `{ WORD => …` or `{ "str", …` (or `{}`) starting a
        // statement is an anonymous hash, not a bare block; after a label it
        // is always a block.
        // The first statement of a map/grep block starting with `{` is
        // always an anonymous hash in perl (`map {{ %$_ }} @list`).
        if self.peek() == Some(b'{')
            && !(hash_first && label.is_none())
            && (label.is_some() || self.brace_is_block())
        {
            let mut body = self.parse_block()?;
            last_stmt_temps_last(&mut body);
            let cont = self.parse_continue()?;
            return Ok(Some(self.stmt(line, Stmt::Block { label, body, cont })));
        }
        // `...` (yada yada): dies "Unimplemented" when reached.
        if self.rest().starts_with(b"...") {
            let mut i = self.pos + 3;
            while matches!(self.src.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                i += 1;
            }
            if matches!(self.src.get(i), None | Some(b';' | b'}')) {
                self.pos += 3;
                self.end_statement()?;
                let die = Expr::Die("Unimplemented".to_string());
                return Ok(Some(self.stmt(line, Stmt::Expr(die))));
            }
        }
        let word = self.peek_word();
        let line = self.cur_line();
        if let Some(w) = word.as_deref() {
            if self.next_is_fat_comma(self.pos + w.len()) {
                return self.parse_expr_statement(line);
            }
            match w {
                "if" | "unless" => {
                    self.pos += w.len();
                    return Ok(Some(self.parse_if(w == "unless", line)?));
                }
                "while" | "until" => {
                    self.pos += w.len();
                    return Ok(Some(self.parse_while(w == "until", label, line)?));
                }
                "for" | "foreach" => {
                    self.pos += w.len();
                    return Ok(Some(self.parse_for(label, line)?));
                }
                "sub" => {
                    let save = self.pos;
                    self.pos += 3;
                    self.skip_ws();
                    if let Some((name, end)) = self.scan_ident_at(self.pos) {
                        self.pos = end;
                        let fq = self.qualify_sub(&name);
                        self.parse_named_sub(fq, line)?;
                        return Ok(None);
                    }
                    self.pos = save;
                }
                "package" => {
                    self.pos += 7;
                    return self.parse_package(line);
                }
                "use" | "no" => {
                    self.pos += w.len();
                    self.parse_use(w == "use", line)?;
                    return Ok(None);
                }
                // `DESTROY {…}` and `AUTOLOAD {…}` may leave out `sub`.
                "DESTROY" | "AUTOLOAD" => {
                    let save = self.pos;
                    self.pos += w.len();
                    if self.peek_str("{") {
                        let fq = self.qualify_sub(w);
                        self.parse_named_sub(fq, line)?;
                        return Ok(None);
                    }
                    self.pos = save;
                }
                "BEGIN" | "END" | "INIT" | "CHECK" | "UNITCHECK" => {
                    let save = self.pos;
                    self.pos += w.len();
                    if self.peek_str("{") {
                        if w == "END" {
                            let body = self.parse_sub_body_block_only(save)?;
                            self.end.push(Arc::new(body));
                        } else {
                            let b = self.parse_block()?;
                            self.note_begin_globs(&b.stmts);
                            self.push_begin(b)?;
                        }
                        return Ok(None);
                    }
                    self.pos = save;
                }
                "format" => {
                    let save = self.pos;
                    self.pos += 6;
                    if let Some(s) = self.parse_format(line)? {
                        return Ok(Some(s));
                    }
                    self.pos = save;
                }
                "__END__" | "__DATA__" => {
                    let end = self
                        .rest()
                        .iter()
                        .position(|&c| c == b'\n')
                        .map(|e| self.pos + e + 1)
                        .unwrap_or(self.src.len());
                    let pkg = if w == "__END__" {
                        "main".to_string()
                    } else {
                        self.package.clone()
                    };
                    if !self.sub_buffer {
                        self.data = Some((pkg, self.src[end..].to_vec()));
                    }
                    self.pos = self.src.len();
                    self.finished = true;
                    return Ok(None);
                }
                _ => {}
            }
        }
        self.parse_expr_statement(line)
    }

    fn parse_expr_statement(&mut self, line: u32) -> PResult<Option<Statement>> {
        let mark = self.peep_warnings.borrow().len();
        let e = self.parse_expr()?;
        let kind = self.parse_modifiers(e, line)?;
        self.end_statement()?;
        // Warnings perl's optimizer gives are lost with a statement it folds
        // away (`... if 0`).
        let folded = match &kind {
            Stmt::Expr(Expr::Logical { op, l, .. }) => {
                let known = match &**l {
                    Expr::Int(i) => Some(*i != 0),
                    Expr::Str { bytes, .. } => Some(!(bytes.is_empty() || &bytes[..] == b"0")),
                    _ => None,
                };
                matches!(
                    (op, known),
                    (LogOp::And, Some(false)) | (LogOp::Or | LogOp::Dor, Some(true))
                )
            }
            _ => false,
        };
        if folded {
            self.peep_warnings.borrow_mut().truncate(mark);
        }
        Ok(Some(self.stmt(line, kind)))
    }

    fn parse_modifiers(&mut self, e: Expr, line: u32) -> PResult<Stmt> {
        let Some(w) = self.peek_word() else {
            return Ok(Stmt::Expr(e));
        };
        if !matches!(
            w.as_str(),
            "if" | "unless" | "while" | "until" | "for" | "foreach"
        ) {
            return Ok(Stmt::Expr(e));
        }
        self.pos += w.len();
        let cond = self.parse_expr()?;
        if !matches!(w.as_str(), "for" | "foreach") {
            self.check_assign_in_cond(&cond);
        }
        Ok(match w.as_str() {
            // As in perl, `EXPR if COND` is `COND && EXPR`: no block, so
            // no scope (captures set by EXPR stay visible afterwards).
            "if" => Stmt::Expr(Expr::Logical {
                op: LogOp::And,
                l: Box::new(cond),
                r: Box::new(e),
            }),
            "unless" => Stmt::Expr(Expr::Logical {
                op: LogOp::Or,
                l: Box::new(cond),
                r: Box::new(e),
            }),
            "while" | "until" => {
                let until = w == "until";
                let cond = fix_while_cond(cond);
                match e {
                    Expr::DoBlock(body) => Stmt::DoWhile {
                        body: *body,
                        cond,
                        until,
                    },
                    e => {
                        let cond = if until {
                            Expr::Not(Box::new(cond))
                        } else {
                            cond
                        };
                        Stmt::While {
                            label: None,
                            cond: Some(cond),
                            body: self.block_of(line, e),
                            cont: None,
                        }
                    }
                }
            }
            _ => Stmt::Foreach {
                label: None,
                var: LoopVar::Global(well_known::UNDERSCORE),
                list: cond,
                body: self.block_of(line, e),
                cont: None,
            },
        })
    }

    /// A scope around a compound statement, for `my` in its condition.
    fn open_stmt_scope(&mut self) {
        self.push_scope();
        self.pending.push(Vec::new());
    }

    fn close_stmt_scope(&mut self) {
        self.pending.pop();
        self.pop_scope();
    }

    fn paren_cond(&mut self) -> PResult<Expr> {
        self.expect("(")?;
        let c = self.parse_expr()?;
        self.expect(")")?;
        self.flush_pending();
        Ok(c)
    }

    fn parse_if(&mut self, unless: bool, line: u32) -> PResult<Statement> {
        self.open_stmt_scope();
        let r = (|| {
            let c = self.paren_cond()?;
            self.check_assign_in_cond(&c);
            let c = if unless { Expr::Not(Box::new(c)) } else { c };
            let mut b = self.parse_block()?;
            last_stmt_temps_last(&mut b);
            let mut conds = vec![(c, b)];
            let mut otherwise = None;
            loop {
                if self.eat_word("elsif") {
                    let c = self.paren_cond()?;
                    let mut b = self.parse_block()?;
                    last_stmt_temps_last(&mut b);
                    conds.push((c, b));
                } else if self.eat_word("else") {
                    if self.peek_word().as_deref() == Some("if") {
                        return Err(self.syntax_error());
                    }
                    let mut b = self.parse_block()?;
                    last_stmt_temps_last(&mut b);
                    otherwise = Some(b);
                    break;
                } else {
                    break;
                }
            }
            Ok(self.stmt(
                line,
                Stmt::If {
                    conds,
                    otherwise,
                    unless,
                },
            ))
        })();
        self.close_stmt_scope();
        r
    }

    fn parse_while(
        &mut self,
        until: bool,
        label: Option<Arc<str>>,
        line: u32,
    ) -> PResult<Statement> {
        self.open_stmt_scope();
        let r = (|| {
            self.expect("(")?;
            let cond = if self.peek_str(")") {
                None
            } else {
                Some(self.parse_expr()?)
            };
            self.expect(")")?;
            self.flush_pending();
            if let Some(c) = &cond {
                self.check_assign_in_cond(c);
            }
            let cond = cond.map(fix_while_cond);
            let cond = if until {
                cond.map(|c| Expr::Not(Box::new(c)))
            } else {
                cond
            };
            let body = self.parse_block()?;
            let cont = if self.eat_word("continue") {
                Some(self.parse_block()?)
            } else {
                None
            };
            Ok(self.stmt(
                line,
                Stmt::While {
                    label,
                    cond,
                    body,
                    cont,
                },
            ))
        })();
        self.close_stmt_scope();
        r
    }

    fn parse_for(&mut self, label: Option<Arc<str>>, line: u32) -> PResult<Statement> {
        self.open_stmt_scope();
        let r = self.parse_for_inner(label, line);
        self.close_stmt_scope();
        r
    }

    fn parse_for_inner(&mut self, label: Option<Arc<str>>, line: u32) -> PResult<Statement> {
        self.skip_ws();
        let mut var: Option<LoopVar> = None;
        let mut bind: Option<(String, Slot)> = None;
        let mut bind_list: Vec<(String, Slot)> = Vec::new();
        if let Some(w) = self.peek_word() {
            if w == "my" || w == "our" || w == "state" {
                self.pos += w.len();
                self.skip_ws();
                if w == "my" && self.eat("(") {
                    if self.prag.hints & hints::WARNINGS != 0
                        && self.prag.hints & hints::NO_WARN_EXPERIMENTAL == 0
                    {
                        self.compile_warning_line(line, "for my (...) is experimental");
                    }
                    let mut slots = Vec::new();
                    loop {
                        self.skip_ws();
                        let p = self.pos;
                        if !self.eat("$") {
                            return Err(self.syntax_error_at(p));
                        }
                        let (name, end) = self
                            .scan_ident_at(self.pos)
                            .ok_or_else(|| self.syntax_error_at(p))?;
                        self.pos = end;
                        let full = format!("${}", name);
                        let slot = self.alloc_slot(&full, false);
                        bind_list.push((full, slot));
                        slots.push(slot);
                        self.skip_ws();
                        if self.eat(")") {
                            break;
                        }
                        self.expect(",")?;
                        // Extra and trailing commas: `for my ($k,, $v,) (…)`.
                        self.skip_ws();
                        while self.eat(",") {
                            self.skip_ws();
                        }
                        if self.eat(")") {
                            break;
                        }
                    }
                    var = Some(LoopVar::MyList(slots));
                }
            }
            if var.is_none() && (w == "my" || w == "our" || w == "state") {
                let vpos = self.pos;
                if !self.eat("$") {
                    return Err(self.syntax_error());
                }
                let (name, end) = self
                    .scan_ident_at(self.pos)
                    .ok_or_else(|| self.syntax_error_at(vpos))?;
                self.pos = end;
                if w == "our" {
                    let fq = format!("{}::{}", self.package, name);
                    let id = self.intern(&fq);
                    self.bind_now(&format!("${}", name), Binding::Our(fq));
                    var = Some(LoopVar::Global(id));
                } else {
                    let full = format!("${}", name);
                    let slot = self.alloc_slot(&full, false);
                    bind = Some((full, slot));
                    var = Some(LoopVar::My(slot));
                }
            }
        }
        if var.is_none() && self.peek() == Some(b'$') {
            let vpos = self.pos;
            self.pos += 1;
            let name = self
                .scan_var_name(false)
                .ok_or_else(|| self.syntax_error_at(vpos))?;
            var = Some(match self.scalar_var(&name, vpos)? {
                Expr::My(s) => LoopVar::Lexical(s),
                Expr::Global(g) => LoopVar::Global(g),
                _ => return Err(self.syntax_error_at(vpos)),
            });
        }
        self.expect("(")?;
        if var.is_none() {
            // C-style?
            let init = if self.peek_str(";") {
                None
            } else {
                Some(self.parse_expr()?)
            };
            if self.eat(";") {
                self.flush_pending();
                let cond = if self.peek_str(";") {
                    None
                } else {
                    Some(self.parse_expr()?)
                };
                self.expect(";")?;
                let step = if self.peek_str(")") {
                    None
                } else {
                    Some(self.parse_expr()?)
                };
                self.expect(")")?;
                self.flush_pending();
                let cond = cond.map(fix_while_cond);
                let body = self.parse_block()?;
                return Ok(self.stmt(
                    line,
                    Stmt::ForC {
                        label,
                        init,
                        cond,
                        step,
                        body,
                    },
                ));
            }
            self.expect(")")?;
            let list = init.unwrap_or(Expr::List(vec![]));
            self.flush_pending();
            let body = self.parse_block()?;
            let cont = if self.eat_word("continue") {
                Some(self.parse_block()?)
            } else {
                None
            };
            return Ok(self.stmt(
                line,
                Stmt::Foreach {
                    label,
                    var: LoopVar::Global(well_known::UNDERSCORE),
                    list,
                    body,
                    cont,
                },
            ));
        }
        let list = if self.peek_str(")") {
            Expr::List(vec![])
        } else {
            self.parse_expr()?
        };
        self.expect(")")?;
        self.flush_pending();
        if let Some((n, s)) = bind {
            self.bind_now(&n, Binding::Pad(s));
        }
        for (n, s) in bind_list {
            self.bind_now(&n, Binding::Pad(s));
        }
        let body = self.parse_block()?;
        let cont = self.parse_continue()?;
        Ok(self.stmt(
            line,
            Stmt::Foreach {
                label,
                var: var.unwrap(),
                list,
                body,
                cont,
            },
        ))
    }

    fn parse_package(&mut self, line: u32) -> PResult<Option<Statement>> {
        let name = self.take_ident().ok_or_else(|| self.syntax_error())?;
        self.skip_ws();
        // optional version
        if self.peek().is_some_and(|c| c.is_ascii_digit() || c == b'v')
            && self.peek_word().is_none_or(|w| w.starts_with('v'))
        {
            let _ = self.parse_expr_prec(P_ASSIGN + 10)?;
        }
        if self.peek_str("{") {
            let saved = std::mem::replace(&mut self.package, name.clone());
            let r = self.parse_block();
            self.package = saved;
            let block = r?;
            return Ok(Some(self.stmt(
                line,
                Stmt::Package {
                    name,
                    block: Some(block),
                },
            )));
        }
        self.end_statement()?;
        self.package = name.clone();
        Ok(Some(self.stmt(line, Stmt::Package { name, block: None })))
    }

    // ------------------------------------------------------------ subs

    fn parse_named_sub(&mut self, fq: String, line: u32) -> PResult<()> {
        let start = self.pos;
        match self.parse_sub_common(Some(fq.clone()), start, line)? {
            Some(body) => {
                self.subs.push(Arc::new(body));
            }
            None => {
                self.end_statement()?;
            }
        }
        Ok(())
    }

    /// `sub …` as an expression (anonymous sub); the cursor is after `sub`.
    pub fn parse_sub_body(&mut self, name: Option<String>, start: usize) -> PResult<SubBody> {
        let line = self.line_of(start);
        match self.parse_sub_common(name, start, line)? {
            Some(b) => Ok(b),
            None => Err(self.syntax_error()),
        }
    }

    /// A bare block passed to a `&`-prototyped sub, or an `END` block.
    pub fn parse_sub_body_block_only(&mut self, start: usize) -> PResult<SubBody> {
        let line = self.line_of(start);
        self.begin_unit(true);
        let r = self.parse_block();
        let unit = self.end_unit();
        let body = r?;
        Ok(SubBody {
            name: None,
            package: self.package.clone(),
            body,
            pad: unit.pad,
            captures: unit.captures,
            prototype: None,
            file: self.file.clone(),
            line,
        })
    }

    fn parse_attributes(&mut self, proto: &mut Option<String>) -> PResult<()> {
        loop {
            self.skip_ws();
            if !(self.peek() == Some(b':') && self.peek_at(1) != Some(b':')) {
                return Ok(());
            }
            self.pos += 1;
            self.skip_ws();
            let Some((attr, end)) = self.scan_ident_at(self.pos) else {
                continue;
            };
            self.pos = end;
            if self.peek() == Some(b'(') {
                self.pos += 1;
                let raw = self.read_delimited(b'(')?;
                if attr == "prototype" {
                    *proto = Some(
                        String::from_utf8_lossy(&raw)
                            .chars()
                            .filter(|c| !c.is_whitespace())
                            .collect(),
                    );
                }
            }
        }
    }

    /// Prototype/signature, attributes and body. None for a forward
    /// declaration (`sub foo;`).
    fn parse_sub_common(
        &mut self,
        name: Option<String>,
        _start: usize,
        line: u32,
    ) -> PResult<Option<SubBody>> {
        let mut proto: Option<String> = None;
        self.begin_unit(true);
        let r = (|| -> PResult<Option<(Block, Vec<Statement>)>> {
            self.parse_attributes(&mut proto)?;
            let mut prelude = Vec::new();
            self.skip_ws();
            if self.peek() == Some(b'(') {
                self.pos += 1;
                if self.prag.features & features::SIGNATURES != 0 {
                    prelude = self.parse_signature(line)?;
                } else {
                    let raw = self.read_delimited(b'(')?;
                    proto = Some(
                        String::from_utf8_lossy(&raw)
                            .chars()
                            .filter(|c| !c.is_whitespace())
                            .collect(),
                    );
                }
            }
            self.parse_attributes(&mut proto)?;
            if let Some(n) = &name {
                self.known_subs.insert(n.clone(), proto.clone());
            }
            self.skip_ws();
            if self.peek() != Some(b'{') {
                if name.is_some() && (self.peek() == Some(b';') || self.at_eof()) {
                    return Ok(None);
                }
                return Err(self.syntax_error());
            }
            let brace_line = self.line_of(self.pos);
            let warn = self.prag.hints & hints::WARNINGS != 0
                && self.prag.hints & hints::NO_WARN_OTHER == 0;
            let block = self.parse_block()?;
            if let Some(n) = &name {
                if !self.defined_subs.insert(n.clone()) && warn {
                    let prefix = format!("{}::", self.package);
                    let shown = n.strip_prefix(&prefix).unwrap_or(n);
                    self.compile_warning_line(brace_line, &format!("Subroutine {shown} redefined"));
                }
            }
            Ok(Some((block, prelude)))
        })();
        let unit = self.end_unit();
        let Some((mut block, prelude)) = r? else {
            return Ok(None);
        };
        self.flush_peep_warnings(self.units.len());
        if !prelude.is_empty() {
            let mut stmts = prelude;
            stmts.append(&mut block.stmts);
            block.stmts = stmts;
        }
        Ok(Some(SubBody {
            name,
            package: self.package.clone(),
            body: block,
            pad: unit.pad,
            captures: unit.captures,
            prototype: proto,
            file: self.file.clone(),
            line,
        }))
    }

    /// `($x, $y = 1, @rest)` after `(`: desugared into an arity check and
    /// assignments from `@_`.
    fn parse_signature(&mut self, line: u32) -> PResult<Vec<Statement>> {
        let mut items: Vec<Expr> = Vec::new();
        let mut decls: Vec<(PadKind, Slot)> = Vec::new();
        let mut has_placeholder = false;
        let mut defaults: Vec<(usize, Option<Slot>, Expr)> = Vec::new();
        let mut mandatory = 0u32;
        let mut count = 0u32;
        let mut slurpy = false;
        let mut odd_hash = None;
        loop {
            self.skip_ws();
            if self.eat(")") {
                break;
            }
            let ppos = self.pos;
            let sigil = self.peek().ok_or_else(|| self.syntax_error())?;
            if !matches!(sigil, b'$' | b'@' | b'%') || slurpy {
                return Err(self.syntax_error());
            }
            self.pos += 1;
            let name = self.scan_ident_at(self.pos).map(|(n, e)| {
                self.pos = e;
                n
            });
            let slot = name.as_ref().map(|n| {
                let full = format!("{}{}", sigil as char, n);
                let s = self.alloc_slot(&full, false);
                self.bind_now(&full, Binding::Pad(s));
                s
            });
            match (slot, sigil) {
                (Some(s), _) => {
                    let k = super::scope::kind_of(&(sigil as char).to_string());
                    decls.push((k, s));
                    items.push(Expr::MyDecl {
                        vars: vec![(k, s)],
                        paren: false,
                    });
                }
                (None, _) => {
                    has_placeholder = true;
                    items.push(Expr::Undef);
                }
            }
            if sigil == b'$' {
                self.skip_ws();
                let has_default = if self.eat("//=") || self.eat("||=") {
                    true
                } else if self.peek() == Some(b'=') && self.peek_at(1) != Some(b'=') {
                    self.pos += 1;
                    true
                } else {
                    false
                };
                if has_default {
                    self.skip_ws();
                    if self.peek() == Some(b',') || self.peek() == Some(b')') {
                        // `$=`: optional, no default
                    } else {
                        let d = self.parse_expr_prec(P_ASSIGN)?;
                        defaults.push((count as usize, slot, d));
                    }
                } else {
                    if !defaults.is_empty() || mandatory < count {
                        return Err(self.error_at(
                            ppos,
                            "Mandatory parameter follows optional parameter",
                            false,
                        ));
                    }
                    mandatory += 1;
                }
                count += 1;
            } else {
                slurpy = true;
                if sigil == b'%' {
                    odd_hash = Some(count);
                }
            }
            self.skip_ws();
            if self.eat(",") {
                continue;
            }
            self.expect(")")?;
            break;
        }
        let mut out = Vec::new();
        let max = if slurpy { None } else { Some(count) };
        out.push(self.stmt(
            line,
            Stmt::Expr(Expr::SigCheck {
                min: mandatory,
                max,
                odd_hash,
            }),
        ));
        if !items.is_empty() {
            let lhs = if has_placeholder {
                Expr::List(items)
            } else {
                Expr::MyDecl {
                    vars: decls,
                    paren: true,
                }
            };
            out.push(self.stmt(
                line,
                Stmt::Expr(Expr::ListAssign {
                    lhs: Box::new(lhs),
                    rhs: Box::new(Expr::Args),
                }),
            ));
        }
        for (idx, slot, d) in defaults {
            let Some(slot) = slot else { continue };
            let cond = Expr::Binary {
                op: BinOp::NumLt,
                l: Box::new(Expr::Func {
                    f: Func::Scalar,
                    args: vec![Expr::Args],
                }),
                r: Box::new(Expr::Int(idx as i64 + 1)),
            };
            let assign = Expr::Assign {
                lhs: Box::new(Expr::My(slot)),
                rhs: Box::new(d),
            };
            out.push(self.stmt(
                line,
                Stmt::Expr(Expr::Logical {
                    op: LogOp::And,
                    l: Box::new(cond),
                    r: Box::new(assign),
                }),
            ));
        }
        Ok(out)
    }

    // ------------------------------------------------------------ use / no

    fn apply_version_bundle(&mut self, minor: u32) {
        if minor >= 10 {
            self.prag.features |= features::SAY | features::STATE;
        }
        if minor >= 12 {
            self.prag.features |= features::UNICODE_STRINGS;
            self.prag.strict_vars = true;
            self.prag.strict_subs = true;
            self.prag.hints |= hints::STRICT_REFS;
        }
        if minor >= 16 {
            self.prag.features |= features::CURRENT_SUB | features::FC | features::EVALBYTES;
        }
        if minor >= 24 {
            self.prag.features |= features::POSTDEREF_QQ;
        }
        if minor >= 28 {
            self.prag.features |= features::BITWISE;
        }
        if minor >= 36 {
            self.prag.features |= features::SIGNATURES | features::ISA;
            self.prag.features &= !features::INDIRECT;
            self.prag.hints |= hints::WARNINGS | hints::LEXICAL_WARNINGS;
        }
    }

    /// A version literal after `use`: returns the minor version of 5.x.
    fn scan_use_version(&mut self) -> Option<u32> {
        self.skip_ws();
        let start = self.pos;
        let s = &self.rest();
        let v = s.first() == Some(&b'v');
        let mut i = if v { 1 } else { 0 };
        if !s.get(i).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        while s
            .get(i)
            .is_some_and(|c| c.is_ascii_digit() || *c == b'.' || *c == b'_')
        {
            i += 1;
        }
        if s.get(i).is_some_and(|&c| is_ident_char(c)) {
            return None;
        }
        let text = String::from_utf8_lossy(&s[if v { 1 } else { 0 }..i]).into_owned();
        self.pos = start + i;
        let parts: Vec<&str> = text.split('.').collect();
        let minor = if v || parts.len() > 2 {
            parts.get(1).and_then(|p| p.parse().ok()).unwrap_or(0)
        } else {
            let frac = parts.get(1).copied().unwrap_or("").replace('_', "");
            let mut f3: String = frac.chars().take(3).collect();
            while f3.len() < 3 {
                f3.push('0');
            }
            f3.parse().unwrap_or(0)
        };
        Some(minor)
    }

    fn parse_use(&mut self, is_use: bool, line: u32) -> PResult<()> {
        self.skip_ws();
        let kw_pos = self.pos;
        if let Some(minor) = self.scan_use_version() {
            if is_use {
                if minor > 36 && minor < 1000 {
                    return Err(self.error_at(
                        kw_pos,
                        &format!(
                            "Perl v5.{}.0 required--this is only v5.36.0, stopped",
                            minor
                        ),
                        false,
                    ));
                }
                self.apply_version_bundle(minor);
            }
            return self.end_statement();
        }
        let module = self.take_ident().ok_or_else(|| self.syntax_error())?;
        // optional module version (checked with `Module->VERSION(v)`)
        self.skip_ws();
        let mut want_version: Option<Expr> = None;
        if self.peek().is_some_and(|c| c.is_ascii_digit()) {
            let save = self.pos;
            let _ = self.scan_number();
            let text = String::from_utf8_lossy(&self.src[save..self.pos]).into_owned();
            self.skip_ws();
            if self.peek() == Some(b',') || self.peek_str("=>") {
                self.pos = save;
            } else if !text.contains('v') && text.matches('.').count() <= 1 {
                want_version = Some(plain_str(&text));
            }
        }
        self.skip_ws();
        let mut args: Option<Expr> = None;
        let mut empty_parens = false;
        if self.peek() != Some(b';') && !self.at_eof() && self.peek() != Some(b'}') {
            let save = self.pos;
            if self.eat("(") && self.eat(")") {
                empty_parens = true;
            } else {
                self.pos = save;
                args = Some(self.parse_expr()?);
            }
        }
        self.end_statement()?;
        let mut names = Vec::new();
        if let Some(a) = &args {
            const_strings(a, &mut names);
        }
        let all = names.is_empty();
        match module.as_str() {
            "strict" => {
                let v = is_use;
                if all || names.iter().any(|n| n == "vars") {
                    self.prag.strict_vars = v;
                }
                if all || names.iter().any(|n| n == "subs") {
                    self.prag.strict_subs = v;
                }
                if all || names.iter().any(|n| n == "refs") {
                    if v {
                        self.prag.hints |= hints::STRICT_REFS;
                    } else {
                        self.prag.hints &= !hints::STRICT_REFS;
                    }
                }
                return Ok(());
            }
            "warnings" => {
                self.warnings_pragma(is_use, &names);
                return Ok(());
            }
            "feature" | "experimental" => {
                for n in &names {
                    let bits = match n.as_str() {
                        "say" => features::SAY,
                        "signatures" => features::SIGNATURES,
                        "current_sub" => features::CURRENT_SUB,
                        "fc" => features::FC,
                        "bitwise" => features::BITWISE,
                        "isa" => features::ISA,
                        "postderef_qq" => features::POSTDEREF_QQ,
                        "state" => features::STATE,
                        "evalbytes" => features::EVALBYTES,
                        "indirect" => features::INDIRECT,
                        "unicode_strings" => features::UNICODE_STRINGS,
                        ":all" => features::ALL,
                        b if b.starts_with(":5.") => {
                            let minor: u32 = b[3..]
                                .split('.')
                                .next()
                                .and_then(|x| x.parse().ok())
                                .unwrap_or(0);
                            if is_use {
                                let saved = (
                                    self.prag.strict_vars,
                                    self.prag.strict_subs,
                                    self.prag.hints,
                                );
                                self.apply_version_bundle(minor);
                                (
                                    self.prag.strict_vars,
                                    self.prag.strict_subs,
                                    self.prag.hints,
                                ) = saved;
                            }
                            0
                        }
                        _ => 0,
                    };
                    if is_use {
                        self.prag.features |= bits;
                    } else {
                        self.prag.features &= !bits;
                    }
                }
                if !is_use && all && module == "feature" {
                    self.prag.features = features::INDIRECT;
                }
                return Ok(());
            }
            // Pragmas that are one hint bit, on for `use`, off for `no`.
            "utf8" | "bytes" | "integer" => {
                let bit = match module.as_str() {
                    "utf8" => hints::UTF8,
                    "bytes" => hints::BYTES,
                    _ => hints::INTEGER,
                };
                // `use bytes ()` loads the module (for `bytes::length`)
                // without importing, which is what turns the pragma on.
                if empty_parens {
                    return Ok(());
                }
                if is_use {
                    self.prag.hints |= bit;
                } else {
                    self.prag.hints &= !bit;
                }
                return Ok(());
            }
            "vars" => {
                let mut names = names.clone();
                if let Some(a) = &args {
                    let items: Vec<&Expr> = match a {
                        Expr::List(v) => v.iter().collect(),
                        e => vec![e],
                    };
                    for e in items {
                        if let Expr::GlobalArray(id) = e {
                            if let Some(v) = self
                                .globals
                                .get(*id as usize)
                                .and_then(|n| self.begin_arrays.get(n))
                            {
                                names.extend(v.iter().cloned());
                            }
                        }
                    }
                }
                for n in &names {
                    if n.len() > 1 {
                        let (sigil, name) = n.split_at(1);
                        let fq = self.qualify(name);
                        self.intern(&fq);
                        self.declared_globals.insert(format!("{}{}", sigil, fq));
                    }
                }
                return Ok(());
            }
            "locale" => {
                if is_use {
                    self.prag.hints |= hints::LOCALE;
                } else {
                    self.prag.hints &= !hints::LOCALE;
                }
                return Ok(());
            }
            "diagnostics" | "less" | "sort" | "filetest" | "vmsish" | "autodie" | "open" | "re"
            | "subs" => {
                if module == "subs" {
                    for n in &names {
                        let fq = self.qualify_sub(n);
                        self.known_subs.insert(fq, None);
                    }
                }
                return Ok(());
            }
            "constant" if is_use => {
                let mut cnames = Vec::new();
                match &args {
                    Some(Expr::AnonHash(items)) => {
                        for (i, it) in items.iter().enumerate() {
                            if i % 2 == 0 {
                                if let Expr::Str { bytes, .. } = it {
                                    cnames.push(String::from_utf8_lossy(bytes).into_owned());
                                }
                            }
                        }
                    }
                    Some(Expr::List(items)) => {
                        if let Some(Expr::Str { bytes, .. }) = items.first() {
                            cnames.push(String::from_utf8_lossy(bytes).into_owned());
                        }
                    }
                    Some(Expr::Str { bytes, .. }) => {
                        cnames.push(String::from_utf8_lossy(bytes).into_owned())
                    }
                    _ => {}
                }
                for n in cnames {
                    let fq = self.qualify_sub(&n);
                    self.known_subs.insert(fq, Some(String::new()));
                }
                let call = self.import_call("constant", "import", args);
                self.push_begin(Block {
                    stmts: vec![self.stmt(line, Stmt::Expr(call))],
                    has_local: false,
                    my_slots: Vec::new(),
                    labels: Vec::new(),
                })?;
                return Ok(());
            }
            "parent" | "base" | "lib" => {
                if module != "lib" {
                    // Sets @ISA as the code compiles.
                    let isa = format!("@{}::ISA", self.package);
                    self.seen_containers.insert(isa);
                }
                let call =
                    self.import_call(&module, if is_use { "import" } else { "unimport" }, args);
                self.push_begin(Block {
                    stmts: vec![self.stmt(line, Stmt::Expr(call))],
                    has_local: false,
                    my_slots: Vec::new(),
                    labels: Vec::new(),
                })?;
                return Ok(());
            }
            _ => {}
        }
        // imported names become known subs (and variables declared)
        if is_use {
            self.imported_modules = true;
            let defaults: &[&str] = match module.as_str() {
                "Config" => &["%Config"],
                "Carp" => &["croak", "confess", "carp"],
                "Try::Tiny" | "TryCatch" | "Try::Catch" => &["try", "catch", "finally"],
                "English" => &[
                    "$ARG",
                    "@ARG",
                    "$MATCH",
                    "$PREMATCH",
                    "$POSTMATCH",
                    "$LAST_PAREN_MATCH",
                    "$INPUT_LINE_NUMBER",
                    "$NR",
                    "$INPUT_RECORD_SEPARATOR",
                    "$RS",
                    "$OUTPUT_AUTOFLUSH",
                    "$OUTPUT_FIELD_SEPARATOR",
                    "$OFS",
                    "$OUTPUT_RECORD_SEPARATOR",
                    "$ORS",
                    "$LIST_SEPARATOR",
                    "$SUBSCRIPT_SEPARATOR",
                    "$SUBSEP",
                    "$ERRNO",
                    "$OS_ERROR",
                    "%OS_ERROR",
                    "$EVAL_ERROR",
                    "$PROCESS_ID",
                    "$PID",
                    "$PROGRAM_NAME",
                    "$REAL_USER_ID",
                    "$UID",
                    "$EFFECTIVE_USER_ID",
                    "$EUID",
                    "$REAL_GROUP_ID",
                    "$GID",
                    "$EFFECTIVE_GROUP_ID",
                    "$EGID",
                    "$PERL_VERSION",
                    "$OSNAME",
                    "$EXECUTABLE_NAME",
                    "$BASETIME",
                    "$CHILD_ERROR",
                    "$WARNING",
                    "@LAST_MATCH_START",
                    "@LAST_MATCH_END",
                    "%LAST_PAREN_MATCH",
                ],
                _ => &[],
            };
            // Importing a sub named like an overridable builtin overrides it.
            let mut overrides = names.clone();
            if all && module == "Time::Piece" {
                overrides.extend(["localtime".to_string(), "gmtime".to_string()]);
            }
            if all && module == "File::stat" {
                overrides.extend(["stat".to_string(), "lstat".to_string()]);
            }
            for n in &overrides {
                if matches!(
                    n.as_str(),
                    "time"
                        | "sleep"
                        | "alarm"
                        | "stat"
                        | "lstat"
                        | "utime"
                        | "localtime"
                        | "gmtime"
                ) {
                    let fq = self.qualify_sub(n);
                    self.overridden.insert(fq.clone());
                    self.known_subs.insert(fq, None);
                }
            }
            if let Some(subs) = crate::posix::parse_imports(&module, &names, all) {
                for (n, proto) in subs {
                    let fq = self.qualify_sub(&n);
                    self.known_subs.insert(fq, proto);
                }
            }
            // Hash::Util's natively written XS functions take references
            // by prototype (`all_keys(%h, @k, @h)`).
            if module == "Hash::Util" {
                for n in &names {
                    if let Some(p) = crate::listutil::native_prototype(&format!("{module}::{n}")) {
                        let fq = self.qualify_sub(n);
                        self.known_subs.insert(fq, Some(p.to_string()));
                    }
                }
            }
            // The module's `use` runs after this file is compiled, so the
            // prototypes of what it exports are read from its source now.
            let (module_protos, export_vars) = module_exports_from_source(&module);
            let mut names = names.clone();
            if all
                || module == "Try::Tiny"
                || module == "English" && names.iter().all(|n| n.starts_with('-'))
            {
                names.extend(defaults.iter().map(|s| s.to_string()));
            }
            // The variables a module exports by default (Test::More's
            // `$TODO`) are declared for `use strict`.
            if all {
                names.extend(export_vars);
            }
            for n in &names {
                if let Some(var) = n.strip_prefix(['$', '@', '%']) {
                    let sigil = &n[..1];
                    let fq = self.qualify(var);
                    self.intern(&fq);
                    self.declared_globals.insert(format!("{}{}", sigil, fq));
                    continue;
                }
                if matches!(n.as_str(), "try" | "catch" | "finally")
                    && defaults.contains(&n.as_str())
                {
                    let fq = self.qualify_sub(n);
                    self.known_subs.insert(fq, Some("&;@".to_string()));
                    continue;
                }
                if n.bytes().next().is_some_and(is_ident_start) && n.bytes().all(is_ident_char) {
                    let fq = self.qualify_sub(n);
                    let proto = if BLOCK_SUBS.contains(&n.as_str()) {
                        Some("&@".to_string())
                    } else if UNARY_SUBS.contains(&n.as_str()) {
                        Some("$".to_string())
                    } else {
                        module_protos.get(n.as_str()).cloned()
                    };
                    if builtin(n).is_none() {
                        self.known_subs.entry(fq).or_insert(proto);
                    }
                }
            }
        }
        let path = format!("{}.pm", module.replace("::", "/"));
        let mut stmts = vec![self.stmt(
            line,
            Stmt::Expr(Expr::Func {
                f: Func::Require,
                args: vec![plain_str(&path)],
            }),
        )];
        if let Some(v) = want_version {
            let call = self.import_call(&module, "VERSION", Some(v));
            stmts.push(self.stmt(line, Stmt::Expr(call)));
        }
        if !empty_parens {
            let call = self.import_call(&module, if is_use { "import" } else { "unimport" }, args);
            stmts.push(self.stmt(line, Stmt::Expr(call)));
        }
        self.push_begin(Block {
            stmts,
            has_local: false,
            my_slots: Vec::new(),
            labels: Vec::new(),
        })
    }

    /// `*NAME = sub …` (or `= \&…`) in a BEGIN block defines a sub before
    /// the rest of the file is compiled: later code may call it as a bare
    /// word (Carp's `CALLER_OVERRIDE_CHECK_OK`).
    fn note_begin_globs(&mut self, stmts: &[Statement]) {
        for s in stmts {
            match &s.kind {
                Stmt::Expr(Expr::ListAssign { lhs, rhs }) => {
                    if let Expr::GlobalArray(id) = &**lhs {
                        let mut names = Vec::new();
                        const_strings(rhs, &mut names);
                        if let Some(name) = self.globals.get(*id as usize).cloned() {
                            self.begin_arrays.insert(name, names);
                        }
                    }
                }
                Stmt::Expr(Expr::Assign { lhs, rhs }) => {
                    let Expr::Glob(id) = &**lhs else { continue };
                    let proto = match &**rhs {
                        Expr::AnonSub(body) => body.prototype.clone(),
                        Expr::Ref(_) => None,
                        _ => continue,
                    };
                    let Some(name) = self.globals.get(*id as usize).cloned() else {
                        continue;
                    };
                    self.known_subs.entry(name).or_insert(proto);
                }
                Stmt::If {
                    conds, otherwise, ..
                } => {
                    for (_, b) in conds {
                        self.note_begin_globs(&b.stmts);
                    }
                    if let Some(b) = otherwise {
                        self.note_begin_globs(&b.stmts);
                    }
                }
                Stmt::Block { body, .. } => self.note_begin_globs(&body.stmts),
                // `BEGIN { require './test.pl' }` defines that file's subs
                // before the rest of this one compiles; BEGIN blocks run
                // after the parse here, so the file's `sub NAME` lines are
                // read now, to know those names (and prototypes) as perl
                // would.
                Stmt::Expr(Expr::Func {
                    f: crate::ast::Func::Require | crate::ast::Func::DoFile,
                    args,
                }) => {
                    if let [Expr::Str { bytes, .. }] = &args[..] {
                        let path = String::from_utf8_lossy(bytes).into_owned();
                        if path.contains('/') || path.ends_with(".pl") {
                            self.note_file_subs(&path);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// The subs a file declares at the start of a line (`sub NAME` or
    /// `sub NAME (PROTO)`), in the packages its `package NAME;` lines set,
    /// noted as known subs.
    fn note_file_subs(&mut self, path: &str) {
        let Ok(text) = std::fs::read(path) else {
            return;
        };
        let mut package = "main".to_string();
        for line in text.split(|&c| c == b'\n') {
            let line = String::from_utf8_lossy(line);
            let t = line.trim_start();
            if let Some(rest) = t.strip_prefix("package ") {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                if rest[name.len()..].trim_start().starts_with(';') && !name.is_empty() {
                    package = name;
                }
                continue;
            }
            let Some(rest) = line.strip_prefix("sub ") else {
                continue;
            };
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let after = rest[name.len()..].trim_start();
            let proto = after
                .strip_prefix('(')
                .and_then(|p| p.split_once(')'))
                .map(|(p, _)| p.trim().to_string());
            self.known_subs
                .entry(format!("{package}::{name}"))
                .or_insert(proto);
        }
    }

    /// Queue a BEGIN-time block; it runs in the package it was compiled in
    /// (so `import` and `caller` see that package, not `main`).
    fn push_begin(&mut self, b: Block) -> PResult<()> {
        if !self.queued_errors.is_empty() {
            return Err(self.error_msg("BEGIN not safe after errors--compilation aborted"));
        }
        let end_line = self.line_of(self.pos.saturating_sub(1));
        self.begin_lines.push(end_line);
        if self.package == "main" {
            self.begin.push(b);
            return Ok(());
        }
        let line = b.stmts.first().map_or(0, |s| s.line);
        let wrapped = self.stmt(
            line,
            Stmt::Package {
                name: self.package.clone(),
                block: Some(b),
            },
        );
        self.begin.push(Block {
            stmts: vec![wrapped],
            has_local: false,
            my_slots: Vec::new(),
            labels: Vec::new(),
        });
        Ok(())
    }

    fn import_call(&self, module: &str, method: &str, args: Option<Expr>) -> Expr {
        let args = match args {
            None => vec![],
            Some(Expr::List(v)) => v,
            Some(e) => vec![e],
        };
        Expr::Method {
            invocant: Box::new(plain_str(module)),
            method: MethodName::Static(method.to_string()),
            args,
            maybe_class: true,
        }
    }

    // ------------------------------------------------------------ format

    fn parse_format(&mut self, line: u32) -> PResult<Option<Statement>> {
        self.skip_ws();
        let name = if self.peek() == Some(b'=') {
            "STDOUT".to_string()
        } else {
            match self.take_ident() {
                Some(n) => n,
                None => return Ok(None),
            }
        };
        self.skip_ws();
        if self.peek() != Some(b'=') {
            return Ok(None);
        }
        self.pos += 1;
        // the rest of the line must be blank
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r')) {
            self.pos += 1;
        }
        if self.peek() != Some(b'\n') {
            return Err(self.syntax_error());
        }
        self.pos += 1;
        // The format is a sub of `formline` calls (one per picture line),
        // compiled where it stands so its arguments see the lexicals there.
        self.begin_unit(true);
        let r = self.parse_format_lines();
        let unit = self.end_unit();
        let stmts = r?;
        let fq = self.qualify(&name);
        self.intern(&fq);
        self.formats.push(Arc::new(SubBody {
            name: Some(fq),
            package: self.package.clone(),
            body: Block {
                stmts,
                has_local: false,
                my_slots: Vec::new(),
                labels: Vec::new(),
            },
            pad: unit.pad,
            captures: unit.captures,
            prototype: None,
            file: self.file.clone(),
            line,
        }));
        Ok(Some(self.stmt(line, Stmt::Nop)))
    }

    /// A format's lines up to the `.` line, as `formline` statements.
    fn parse_format_lines(&mut self) -> PResult<Vec<Statement>> {
        let mut stmts = Vec::new();
        loop {
            if self.at_eof() {
                return Err(self.error_msg("Format not terminated"));
            }
            let ls = self.pos;
            let pline = self.line_of(ls);
            let le = self.src[ls..]
                .iter()
                .position(|&c| c == b'\n')
                .map(|e| ls + e)
                .unwrap_or(self.src.len());
            self.pos = (le + 1).min(self.src.len());
            let mut text: Vec<u8> = self.src[ls..le]
                .iter()
                .copied()
                .filter(|c| *c != b'\r')
                .collect();
            if text.trim_ascii_end() == b"." {
                break;
            }
            if text.first() == Some(&b'#') {
                continue;
            }
            let has_field = text.windows(2).any(|w| {
                (w[0] == b'@' || w[0] == b'^')
                    && matches!(w[1], b'<' | b'>' | b'|' | b'#' | b'*' | b'0'..=b'9')
            }) || text.ends_with(b"@")
                || text.ends_with(b"^");
            text.push(b'\n');
            let utf8 = !text.is_ascii() && self.prag.hints & hints::UTF8 != 0;
            let picture = Expr::Str {
                bytes: text.into(),
                utf8,
            };
            let mut args = vec![picture];
            if has_field {
                args.extend(self.parse_format_args()?);
            }
            let call = Expr::Func {
                f: Func::Formline,
                args,
            };
            stmts.push(self.stmt(pline, Stmt::Expr(call)));
        }
        Ok(stmts)
    }

    /// The argument line after a picture line: a list, or a `{ … }` block
    /// of them that may span lines.
    fn parse_format_args(&mut self) -> PResult<Vec<Expr>> {
        let als = self.pos;
        let ale = format_args_end(&self.src, als);
        let braced = self.src[als..ale].trim_ascii_start().first() == Some(&b'{');
        if braced {
            self.skip_ws();
            self.pos += 1;
            let inner = self.parse_bracket_list(b'}')?;
            // The rest of the line after the closing brace.
            while matches!(self.peek(), Some(b' ' | b'\t' | b'\r')) {
                self.pos += 1;
            }
            if self.peek() == Some(b'\n') {
                self.pos += 1;
            }
            return Ok(match inner {
                Expr::List(v) => v,
                e => vec![e],
            });
        }
        self.pos = (ale + 1).min(self.src.len());
        let arg_src = self.src[als..ale].to_vec();
        let aline = self.line_of(als);
        let saved = self.switch_to_buffer(arg_src, aline);
        let r = (|| {
            self.skip_ws();
            if self.at_eof() {
                return Ok(vec![]);
            }
            Ok(match self.parse_expr()? {
                Expr::List(v) => v,
                e => vec![e],
            })
        })();
        self.restore_buffer(saved);
        r
    }
}

#[allow(dead_code)]
fn _block_expr(b: Block) -> Expr {
    block_to_expr(b)
}

/// In a block that runs once (bare, `if`/`else`), perl keeps the temporaries
/// of the last statement alive until the statement after the block: a
/// variable assigned there from a call (`my $b = Obj->new`) loses its object
/// after the block's other variables, whose release runs latest-declared
/// first. `release_my` walks `my_slots` backwards, so those slots go first.
fn last_stmt_temps_last(b: &mut Block) {
    let Some(Statement {
        kind: Stmt::Expr(e),
        ..
    }) = b.stmts.last()
    else {
        return;
    };
    let (lhs, rhs) = match e {
        Expr::Assign { lhs, rhs } | Expr::ListAssign { lhs, rhs } => (lhs, rhs),
        _ => return,
    };
    if matches!(
        **rhs,
        Expr::My(_)
            | Expr::MyArray(_)
            | Expr::MyHash(_)
            | Expr::Global(_)
            | Expr::GlobalArray(_)
            | Expr::GlobalHash(_)
    ) {
        return;
    }
    let mut slots = Vec::new();
    fn collect(e: &Expr, out: &mut Vec<Slot>) {
        match e {
            Expr::MyDecl { vars, .. } => out.extend(vars.iter().map(|(_, s)| *s)),
            Expr::My(s) | Expr::MyArray(s) | Expr::MyHash(s) => out.push(*s),
            Expr::List(items) => items.iter().for_each(|i| collect(i, out)),
            _ => {}
        }
    }
    collect(lhs, &mut slots);
    slots.retain(|s| b.my_slots.contains(s));
    if slots.is_empty() {
        return;
    }
    b.my_slots.retain(|s| !slots.contains(s));
    slots.append(&mut b.my_slots);
    b.my_slots = slots;
}

/// Where a format's argument line ends: at the first newline outside a
/// quoted string or brackets (a string may go on over lines).
fn format_args_end(src: &[u8], start: usize) -> usize {
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    let mut i = start;
    while i < src.len() {
        let c = src[i];
        match quote {
            Some(q) => {
                if c == b'\\' {
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                b'"' | b'\'' => quote = Some(c),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b'\n' if depth <= 0 => return i,
                _ => {}
            },
        }
        i += 1;
    }
    src.len()
}

/// A block's statements as they are parsed, with their labels and the
/// labels still waiting for a statement.
#[derive(Default)]
struct StmtList {
    stmts: Vec<Statement>,
    labels: Vec<Label>,
    pending: Vec<Arc<str>>,
}

impl StmtList {
    /// The waiting labels go on the statement pushed next.
    fn place_pending(&mut self) {
        let at = self.stmts.len() as u32;
        self.labels.extend(self.pending.drain(..).map(|l| (l, at)));
    }
}

/// What a module's source says about its subs and exports, read before
/// its `use` runs: the prototypes it declares (`sub NAME (PROTO)` at the
/// start of a line, in the module's own package) and the variables in its
/// `@EXPORT = qw(…)` list. The module is looked for in the default `@INC`
/// folders; nothing is known when it is not there.
fn module_exports_from_source(
    module: &str,
) -> (std::collections::HashMap<String, String>, Vec<String>) {
    let mut out = std::collections::HashMap::new();
    let rel = format!("{}.pm", module.replace("::", "/"));
    let Some(text) = crate::inc::default_inc()
        .iter()
        .find_map(|d| std::fs::read(format!("{d}/{rel}")).ok())
    else {
        return (out, Vec::new());
    };
    let vars = export_list_vars(&text);
    let mut own = true;
    for line in text.split(|&c| c == b'\n') {
        let line = String::from_utf8_lossy(line);
        if let Some(rest) = line.strip_prefix("package ") {
            own = rest.trim_start().starts_with(module)
                && !rest.trim_start()[module.len()..].starts_with("::");
            continue;
        }
        if line.starts_with("__END__") || line.starts_with("__DATA__") {
            break;
        }
        let Some(rest) = line.strip_prefix("sub ").map(str::trim_start) else {
            continue;
        };
        if !own {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let proto = rest[name.len()..]
            .trim_start()
            .strip_prefix('(')
            .and_then(|p| p.split_once(')'))
            .map(|(p, _)| p.trim().to_string());
        if let (false, Some(p)) = (name.is_empty(), proto) {
            out.insert(name, p);
        }
    }
    (out, vars)
}

/// The variables named in a `@EXPORT = qw(…)` list of module source.
fn export_list_vars(text: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(text);
    let Some(at) = text.find("@EXPORT ").or_else(|| text.find("@EXPORT=")) else {
        return Vec::new();
    };
    let rest = text[at + 7..].trim_start();
    let Some(rest) = rest.strip_prefix('=').map(str::trim_start) else {
        return Vec::new();
    };
    let Some(rest) = rest.strip_prefix("qw").map(str::trim_start) else {
        return Vec::new();
    };
    let Some(open) = rest.chars().next() else {
        return Vec::new();
    };
    let close = match open {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '<' => '>',
        c => c,
    };
    let body = &rest[open.len_utf8()..];
    let body = body.split(close).next().unwrap_or("");
    body.split_whitespace()
        .filter(|w| w.len() > 1 && w.starts_with(['$', '@', '%']))
        .map(str::to_string)
        .collect()
}
