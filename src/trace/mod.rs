//! The trace check (docs/matching.md): every figure, quote and actor of every fact
//! sheet proved against the sentences of its seed, or a diagnostic saying
//! where and why not.
//!
//! The matching of each kind of fact lives in its own module (`figures`,
//! `quotes`, `actors`); this module runs them over a project and records,
//! for each fact, the sentence and byte span that state it.

mod actors;
mod figures;
pub(crate) mod fold;
mod quotes;
mod speakers;

pub(crate) use figures::evidence_in;
pub(crate) use quotes::quotations;

use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Place};
use crate::numbers::{self, Mention};
use crate::project::Project;
use crate::sheet::Briefing;
use crate::source::Seed;

use fold::Folded;

/// Where a fact is stated: a sentence (numbered from 1) and a byte span of the seed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated {
    pub sentence: usize,
    pub span: Range<usize>,
    /// The seed's words at `span`.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    Number,
    Quote,
    Actor,
}

/// The trace of one fact.
#[derive(Debug, Clone)]
pub struct FactTrace {
    pub briefing: String,
    pub kind: FactKind,
    pub id: String,
    /// The first place that states the fact; `None` when it is untraced.
    pub stated: Option<Stated>,
    /// Other places that state it too (for actors: every other mention).
    pub also: Vec<Stated>,
}

/// The result of checking a project.
#[derive(Debug, Default)]
pub struct Trace {
    pub facts: Vec<FactTrace>,
    pub diagnostics: Vec<Diagnostic>,
    pub briefings: usize,
}

impl Trace {
    pub fn count(&self, kind: FactKind) -> (usize, usize) {
        let of_kind = self.facts.iter().filter(|f| f.kind == kind);
        let total = of_kind.clone().count();
        (of_kind.filter(|f| f.stated.is_some()).count(), total)
    }
}

/// What every check of one briefing needs to hand: the sheet, its YAML, its
/// seed with its mentions and folded sentences.
pub(crate) struct Context<'a> {
    pub briefing: &'a Briefing,
    pub yaml: &'a str,
    pub seed: &'a Seed,
    pub mentions: Vec<Vec<Mention>>,
    pub folded: Vec<Folded>,
    /// For each actor of the sheet, every place of the seed that names it.
    pub names: Vec<Vec<Stated>>,
}

impl Context<'_> {
    /// A place in the fact sheet.
    pub fn in_sheet(&self, span: &Range<usize>) -> Place {
        Place::new(&self.briefing.file, self.yaml, span.clone())
    }

    /// A place in the seed.
    pub fn in_seed(&self, span: &Range<usize>) -> Place {
        Place::new(&self.seed.path, &self.seed.text, span.clone())
    }

    pub fn sentence_id(&self, index: usize) -> String {
        self.seed.sentences[index].id()
    }

    pub fn stated(&self, index: usize, span: Range<usize>) -> Stated {
        let text = self.seed.text[span.clone()].to_string();
        Stated { sentence: self.seed.sentences[index].number, span, text }
    }

    /// The index of the sentence holding byte `offset` of the seed.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let sentences = &self.seed.sentences;
        let i = sentences.partition_point(|s| s.span.end <= offset);
        (i < sentences.len() && sentences[i].span.start <= offset).then_some(i)
    }
}

/// Checks every fact of every briefing of `project`.
pub fn trace(project: &Project) -> Trace {
    let mut trace = Trace { briefings: project.briefings.len(), ..Trace::default() };
    // briefings are traced each on its own, in parallel, and gathered in order
    let parts: Vec<Trace> = project
        .briefings
        .par_iter()
        .map(|briefing| {
            let seed = project.seed_of(briefing);
            let mut cx = Context {
                briefing,
                yaml: project.sources.get(&briefing.file).unwrap_or(""),
                seed,
                mentions: numbers::scan_seed(seed),
                folded: seed.sentences.iter().map(|s| Folded::new(s.raw(&seed.text))).collect(),
                names: Vec::new(),
            };
            cx.names = actors::names(&cx);
            let mut part = Trace::default();
            figures::trace(&cx, &mut part);
            quotes::trace(&cx, &mut part);
            actors::trace(&cx, &mut part);
            part
        })
        .collect();
    for part in parts {
        trace.facts.extend(part.facts);
        trace.diagnostics.extend(part.diagnostics);
    }
    trace.diagnostics.extend(actors::role_conflicts(project));
    trace
}
