//! `goto LABEL`: leave whatever is running, out to the block that holds the
//! labelled statement, and carry on from that statement.
//!
//! perl finds the label before it unwinds anything, so a label that is not
//! there is an ordinary `die` where the `goto` is. psh does the same with a
//! stack of the blocks now running that have labels on their statements
//! (almost no block does, and those that do not cost nothing): the `goto`
//! looks the label up there, records which block and statement it is, and
//! unwinds with `Flow::Goto`, which every construct it crosses lets through
//! after its own clean-up (`local`, `my`, loops, sub calls, `eval`), until
//! the block it names catches it and restarts from that statement.

use super::{Flow, Interp, R};

/// A block's statement labels with their indexes (`ast::Block::labels`).
pub(crate) type Labels = [crate::ast::Label];

impl Interp {
    /// `goto NAME`: the flow that takes control to the innermost running
    /// statement labelled NAME, or the error when there is none.
    #[cold]
    pub(crate) fn goto_label(&mut self, name: &str) -> Flow {
        if name.is_empty() {
            return self.die_msg("goto must have label");
        }
        for (depth, &scope) in self.goto_scopes.iter().enumerate().rev() {
            // SAFETY: a scope is on the stack only while `with_labels`
            // runs its block, which borrows the labels for that long.
            let labels: &Labels = unsafe { &*scope };
            if let Some(&(_, at)) = labels.iter().find(|(l, _)| &**l == name) {
                self.goto_target = (depth, at as usize);
                return Flow::Goto;
            }
        }
        self.die_msg(format!("Can't find label {name}"))
    }

    /// Run a block whose statements carry `labels`: `run_from(i)` runs its
    /// statements from the i-th on, first from 0 and again from a labelled
    /// statement each time a `goto` names one of them. A block without
    /// labels just runs.
    #[inline]
    pub(crate) fn with_labels<T>(
        &mut self,
        labels: &Labels,
        mut run_from: impl FnMut(&mut Interp, usize) -> R<T>,
    ) -> R<T> {
        if labels.is_empty() {
            return run_from(self, 0);
        }
        self.run_labelled(labels, &mut run_from)
    }

    #[cold]
    fn run_labelled<T>(
        &mut self,
        labels: &Labels,
        run_from: &mut dyn FnMut(&mut Interp, usize) -> R<T>,
    ) -> R<T> {
        self.goto_scopes.push(labels as *const Labels);
        let depth = self.goto_scopes.len() - 1;
        let mut from = 0;
        let r = loop {
            match run_from(self, from) {
                Err(Flow::Goto) if self.goto_target.0 == depth => from = self.goto_target.1,
                r => break r,
            }
        };
        self.goto_scopes.pop();
        r
    }
}
