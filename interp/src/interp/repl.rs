//! Statements typed at the interactive prompt. Each entry is compiled like
//! a string `eval` that sees the file-level lexicals of the entries before
//! it, so `my $x = 5` on one line and `print $x` on the next behave as if
//! both were one file. The session keeps those lexicals' containers in its
//! own pad; a new entry's captures are filled from it, and the lexicals the
//! entry declares are added to it afterwards.

use std::rc::Rc;

use super::{new_pad, Flow, Interp, Want};
use crate::ast::{self, Expr, Stmt};
use crate::value::*;

/// What persists between interactive entries.
#[derive(Default)]
pub struct Session {
    scope: ast::TailScope,
    pad: Vec<PadSlot>,
    entries: u32,
}

/// How an entry ended.
pub enum Outcome {
    /// It ran; its value (list context), and whether a statement of its
    /// kind shows its value (assignments, declarations and `print` don't).
    Done { values: Vec<Value>, show: bool },
    /// It did not compile, or died: perl's message, ending in a newline.
    Error(Vec<u8>),
    /// `exit`, with its status.
    Exit(i32),
    /// Ctrl-C stopped it.
    Interrupted,
}

impl Session {
    pub fn new() -> Session {
        Session {
            scope: ast::TailScope {
                package: "main".into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    /// The package the next entry compiles in.
    pub fn package(&self) -> &str {
        &self.scope.package
    }

    /// The lexicals in scope, by name (with sigil), latest declaration of a
    /// name only.
    pub fn lexicals(&self) -> impl Iterator<Item = (&str, &PadSlot)> {
        self.scope
            .lexicals
            .iter()
            .filter_map(|(n, s)| Some((n.as_str(), self.pad.get(*s as usize)?)))
    }

    /// Start with `use feature ':5.36'`-like features (say, state, …), as
    /// `-E` does, which is what one expects at a prompt.
    pub fn set_features(&mut self, features: u32) {
        self.scope.features = features;
    }
}

impl Interp {
    /// Compile and run one interactive entry.
    pub fn repl_eval(&mut self, sess: &mut Session, src: &[u8]) -> Outcome {
        sess.entries += 1;
        let scope = crate::parse::EvalScope {
            package: sess.scope.package.clone(),
            lexicals: sess.scope.lexicals.clone(),
            ours: sess.scope.ours.clone(),
            hints: sess.scope.hints,
            features: sess.scope.features,
            strict_vars: sess.scope.strict_vars,
            strict_subs: sess.scope.strict_subs,
            in_sub: false,
        };
        let prog = match self.compile_eval(src, "-", &scope) {
            Ok(p) => p,
            Err(e) => return Outcome::Error(e.to_string().into_bytes()),
        };
        let show = shows_value(&prog.main.body);
        let (unit, main_cv) = self.load_unit(prog, true);
        let prog = unit.program.clone();

        // The entry's pad: captured session lexicals first, so the named
        // subs installed next capture the same containers.
        let mut pad = new_pad(&prog.main);
        for c in &prog.main.captures {
            if let (Some(dst), Some(src)) = (
                pad.get_mut(c.inner as usize),
                sess.pad.get(c.outer as usize),
            ) {
                *dst = src.clone();
            }
        }
        let saved_pad = std::mem::replace(&mut self.pad, pad);
        let saved_unit = std::mem::replace(&mut self.unit, unit.clone());
        let saved_file = std::mem::replace(&mut self.file, unit.file.clone());
        let saved_sub = self.cur_sub.replace(main_cv);
        let pkg = self.package_name(&sess.scope.package);
        let saved_pkg = std::mem::replace(&mut self.package, pkg);
        let mark = self.savestack.len();
        let frames = self.frames.len();
        if self.warnings_on() {
            self.warn_eval_redefined(&prog.subs);
        }
        self.install_subs_from(&unit, &prog.subs);
        self.install_formats(&unit, &prog.formats);

        let mut out = Vec::new();
        let r = self.run_entry(&unit, &prog, &mut out);
        let r = r.and_then(|v| self.raise_warn_die().map(|_| v));
        // Ctrl-C that ended a blocking builtin (sleep, a read) early.
        let r = match r {
            Ok(v)
                if crate::signals::INTERRUPT.swap(false, std::sync::atomic::Ordering::Relaxed) =>
            {
                self.interrupted = true;
                let _ = v;
                Err(Flow::Exit)
            }
            r => r,
        };

        // The lexicals this entry declared join the session.
        let declared: Vec<(String, ast::Slot)> = prog
            .tail
            .lexicals
            .iter()
            .filter(|(_, slot)| !prog.main.captures.iter().any(|c| c.inner == *slot))
            .cloned()
            .collect();
        let pad = std::mem::replace(&mut self.pad, saved_pad);
        for (name, slot) in declared {
            let Some(cell) = pad.get(slot as usize) else {
                continue;
            };
            let at = sess.pad.len() as ast::Slot;
            sess.pad.push(cell.clone());
            sess.scope.lexicals.retain(|(n, _)| *n != name);
            sess.scope.lexicals.push((name, at));
        }
        drop(pad);
        if r.is_ok() {
            sess.scope.package = prog.tail.package.clone();
            for (name, fq) in &prog.tail.ours {
                sess.scope.ours.retain(|(n, _)| n != name);
                sess.scope.ours.push((name.clone(), fq.clone()));
            }
            sess.scope.hints = prog.tail.hints;
            sess.scope.features = prog.tail.features;
            sess.scope.strict_vars = prog.tail.strict_vars;
            sess.scope.strict_subs = prog.tail.strict_subs;
        }
        self.unwind(mark);
        self.frames.truncate(frames);
        self.depth = 0;
        self.loop_depth = 0;
        self.unit = saved_unit;
        self.file = saved_file;
        self.cur_sub = saved_sub;
        self.package = saved_pkg;
        let outcome = match r {
            Ok(v) => {
                let values = if out.is_empty() && !v.is_undef() {
                    vec![v]
                } else {
                    out
                };
                Outcome::Done { values, show }
            }
            Err(Flow::Return) => Outcome::Done {
                values: std::mem::take(&mut self.ret_list),
                show,
            },
            Err(Flow::Exit) if self.interrupted => {
                self.interrupted = false;
                Outcome::Interrupted
            }
            Err(Flow::Exit) => Outcome::Exit(self.exit_code),
            Err(Flow::Die) => {
                let mut v = std::mem::take(&mut self.die_value);
                if let Ok(Some(s)) = self.overload_string(&v) {
                    v = s;
                }
                Outcome::Error(crate::convert::to_bytes(&v).into_owned())
            }
            Err(Flow::Next | Flow::Last | Flow::Redo) => {
                Outcome::Error(b"Can't \"last\" outside a loop block\n".to_vec())
            }
            Err(Flow::Goto) => Outcome::Error(b"Can't find label\n".to_vec()),
        };
        self.run_destructors();
        self.flush_all();
        outcome
    }

    /// BEGIN blocks (and `use`), then the main code, in list context.
    fn run_entry(
        &mut self,
        unit: &Rc<super::Unit>,
        prog: &ast::Program,
        out: &mut Vec<Value>,
    ) -> super::R<Value> {
        if !prog.begin.is_empty() {
            if let Some(err) = self.eval_begin_blocks(unit, prog)? {
                self.die_value = err;
                return Err(Flow::Die);
            }
        }
        if self.lower_enabled {
            let low = self.lowered_sub(&prog.main, unit);
            low.body.run(self, Want::List, out)
        } else {
            self.body_value(&prog.main.body, Want::List, out)
        }
    }
}

/// Whether the value of an entry whose last statement is this is worth
/// showing: not for assignments, declarations, `print`, or statements that
/// have no value of their own (loops, `if`).
fn shows_value(b: &ast::Block) -> bool {
    match b.stmts.last().map(|s| &s.kind) {
        Some(Stmt::Expr(e)) => !quiet(e),
        _ => false,
    }
}

/// Expressions run for their effect: also `print … if $x` and
/// `$ok or die`, whose deciding side is one of them.
fn quiet(e: &Expr) -> bool {
    match e {
        Expr::Assign { .. }
        | Expr::ListAssign { .. }
        | Expr::OpAssign { .. }
        | Expr::LogAssign { .. }
        | Expr::MyDecl { .. }
        | Expr::Local(_)
        | Expr::Print { .. }
        | Expr::PreInc(_)
        | Expr::PreDec(_)
        | Expr::PostInc(_)
        | Expr::PostDec(_) => true,
        Expr::Logical { r, .. } => quiet(r),
        Expr::Cond { t, f, .. } => quiet(t) && quiet(f),
        _ => false,
    }
}
