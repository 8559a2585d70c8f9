//! The trace check (docs/matching.md): every figure, quote and actor of every fact
//! sheet proved against the sentences of its seed, or a diagnostic saying
//! where and why not.
//!
//! The matching of each kind of fact lives in its own module (`figures`,
//! `quotes`, `actors`); this module runs them over a project and records,
//! for each fact, the sentence and byte span that state it.

mod actors;
mod attribution;
mod changes;
mod contrasts;
mod elsewhere;
mod extremes;
mod figures;
pub(crate) mod fold;
mod labels;
mod owners;
mod periods;
mod quotes;
mod respectively;
mod scores;
mod speakers;

pub(crate) use figures::evidence_in;
pub(crate) use quotes::quotations;

use std::cell::OnceCell;
use std::ops::Range;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Place};
use crate::numbers::Mention;
use crate::project::Loaded;
use crate::sheet::{Briefing, Figure};
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
#[derive(Debug, Default, Clone)]
pub struct Trace {
    /// Every fact traced; a run over many briefings may keep only their counts.
    pub facts: Vec<FactTrace>,
    pub diagnostics: Vec<Diagnostic>,
    pub briefings: usize,
    /// (traced, total) of each kind of fact, in the order of [`FactKind`].
    counts: [(usize, usize); 3],
}

impl Trace {
    /// Adds the trace of more briefings; their facts only when `keep_facts`.
    pub fn merge(&mut self, other: Trace, keep_facts: bool) {
        for kind in [FactKind::Number, FactKind::Quote, FactKind::Actor] {
            let (traced, total) = other.count(kind);
            self.counts[kind as usize].0 += traced;
            self.counts[kind as usize].1 += total;
        }
        if keep_facts {
            self.facts.extend(other.facts);
        }
        self.diagnostics.extend(other.diagnostics);
        self.briefings += other.briefings;
    }

    /// (traced, total) facts of `kind`.
    pub fn count(&self, kind: FactKind) -> (usize, usize) {
        self.counts[kind as usize]
    }

    /// Counts the facts, once all of them are in.
    fn count_facts(&mut self) {
        for fact in &self.facts {
            let count = &mut self.counts[fact.kind as usize];
            count.0 += usize::from(fact.stated.is_some());
            count.1 += 1;
        }
    }
}

/// What every check of one briefing needs to hand: the sheet, its YAML, its
/// seed with its mentions and folded sentences.
pub(crate) struct Context<'a> {
    pub briefing: &'a Briefing,
    pub yaml: &'a str,
    pub seed: &'a Seed,
    pub mentions: &'a [Vec<Mention>],
    pub folded: Vec<Folded>,
    /// Every folded sentence, each followed by a line break (which folding
    /// leaves in no text), so that one search finds words in all of them;
    /// and where each starts.
    pub folded_all: String,
    pub folded_starts: Vec<usize>,
    /// For each actor of the sheet, every place of the seed that names it.
    pub names: Vec<Vec<Stated>>,
    /// The same, with the places that call a person by the family name
    /// alone, found when first asked for: only whose words a quote is and
    /// which figure is whose ask.
    called: OnceCell<Vec<Vec<Stated>>>,
    /// For each paragraph of the seed, its spans inside quotation marks,
    /// found when first asked for: many checks ask of the same paragraph.
    quoted: Vec<OnceCell<Vec<Range<usize>>>>,
    /// For each sentence, where its clauses break, found when first asked
    /// for: the checks of labels ask of one sentence for each figure in it.
    clause_cuts: Vec<OnceCell<Vec<usize>>>,
}

impl Context<'_> {
    /// A place in the fact sheet.
    pub fn in_sheet(&self, span: &Range<usize>) -> Place {
        Place::new(&self.briefing.file, self.yaml, span.clone())
    }

    /// The place among the sheet's actors of the actor figure `figure` is given to.
    pub fn actor_of(&self, figure: &Figure) -> Option<usize> {
        let id = figure.actor.as_ref()?;
        self.briefing.actors.iter().position(|a| a.id.value == id.value)
    }

    /// A place in the seed.
    pub fn in_seed(&self, span: &Range<usize>) -> Place {
        Place::new(&self.seed.path, &self.seed.text, span.clone())
    }

    /// For each actor, every place the seed names it or calls it by the family name.
    pub fn called(&self) -> &[Vec<Stated>] {
        self.called.get_or_init(|| actors::called(self))
    }

    pub fn sentence_id(&self, index: usize) -> String {
        self.seed.sentences[index].id()
    }

    pub fn stated(&self, index: usize, span: Range<usize>) -> Stated {
        let text = self.seed.text[span.clone()].to_string();
        Stated { sentence: self.seed.sentences[index].number, span, text }
    }

    /// The spans of the seed inside quotation marks, in the paragraph of
    /// sentence `s` (a quotation left open runs to the paragraph's end).
    pub fn quoted_in_paragraph(&self, s: usize) -> &[Range<usize>] {
        let paragraph = self.seed.sentences[s].paragraph;
        self.quoted.get(paragraph).map_or(&[], |quoted| {
            quoted.get_or_init(|| {
                let span = quotes::paragraph_span(self, s);
                quotes::quotations(&self.seed.text[span.clone()])
                    .into_iter()
                    .map(|q| q.start + span.start..q.end + span.start)
                    .collect()
            })
        })
    }

    /// Where the clauses of sentence `s` break ([`labels::clause_of`]).
    pub fn clause_cuts(&self, s: usize) -> &[usize] {
        self.clause_cuts[s].get_or_init(|| labels::clause_cuts(self, s))
    }

    /// The index of the sentence holding byte `offset` of the seed.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let sentences = &self.seed.sentences;
        let i = sentences.partition_point(|s| s.span.end <= offset);
        (i < sentences.len() && sentences[i].span.start <= offset).then_some(i)
    }
}

/// Checks every fact of one loaded briefing.
pub fn briefing(loaded: &Loaded) -> Trace {
    let (briefing, seed) = (&loaded.briefing, &loaded.seed);
    let mut cx = Context {
        briefing,
        yaml: loaded.sources.get(&briefing.file).unwrap_or(""),
        seed,
        mentions: &seed.mentions,
        folded: seed.sentences.iter().map(|s| Folded::new(s.raw(&seed.text))).collect(),
        folded_all: String::new(),
        folded_starts: Vec::new(),
        names: Vec::new(),
        called: OnceCell::new(),
        quoted: (0..seed.sentences.last().map_or(0, |s| s.paragraph + 1)).map(|_| OnceCell::new()).collect(),
        clause_cuts: seed.sentences.iter().map(|_| OnceCell::new()).collect(),
    };
    for folded in &cx.folded {
        cx.folded_starts.push(cx.folded_all.len());
        cx.folded_all.push_str(&folded.text);
        cx.folded_all.push('\n');
    }
    cx.names = actors::names(&cx);
    let mut trace = Trace { briefings: 1, ..Trace::default() };
    figures::trace(&cx, &mut trace);
    quotes::trace(&cx, &mut trace);
    actors::trace(&cx, &mut trace);
    trace.count_facts();
    trace
}
