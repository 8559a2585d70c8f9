//! One traced briefing, made into what its pages show: its records (card,
//! figures, quotes, actors) and the views of its own pages — the briefing,
//! its annotated source and its printable version.
//!
//! Nothing here looks at other briefings: the pages that list across them
//! are made from the records, later (`index`).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::format;
use super::markdown::{SummaryFigure, summary_html};
use super::publish::{escape, marked, one_line, text_fragment, traced};
use super::records::{ActorRecord, BriefingRecord, Cited, FigureRecord, QuoteRecord};
use super::views::*;
use crate::numbers::{self, Mention};
use crate::project::Loaded;
use crate::trace::{FactKind, FactTrace, Trace};

/// A briefing with everything its pages show, made once.
pub struct BriefingModel<'a> {
    pub loaded: &'a Loaded,
    pub record: BriefingRecord,
    pub figures: Vec<FigureRecord>,
    pub quotes: Vec<QuoteRecord>,
    pub actors: Vec<ActorRecord>,
    pub summary_html: Option<String>,
    /// The seed's path as pages show it.
    pub source_file: String,
}

impl<'a> BriefingModel<'a> {
    pub fn new(loaded: &'a Loaded, trace: &Trace) -> BriefingModel<'a> {
        let (briefing, seed) = (&loaded.briefing, &loaded.seed);
        let facts: HashMap<(FactKind, &str), &FactTrace> =
            trace.facts.iter().map(|f| ((f.kind, f.id.as_str()), f)).collect();
        let stated = |kind, id: &str| facts.get(&(kind, id)).and_then(|f| f.stated.as_ref());
        let original_href = |sentence: usize| {
            let url = briefing.source_url.as_ref()?;
            let s = seed.sentences.get(sentence - 1)?;
            Some(text_fragment(&url.value, &s.text(&seed.text)))
        };
        let sentence_text = |n: usize| seed.sentences.get(n - 1).map_or(String::new(), |s| s.text(&seed.text));
        let figures: Vec<FigureRecord> = briefing
            .figures
            .iter()
            .filter_map(|f| {
                let sentence = stated(FactKind::Number, &f.id.value)?.sentence;
                let qualifier = f.qualifier.as_ref().map(|q| q.value.as_str());
                Some(FigureRecord {
                    id: f.id.value.clone(),
                    label_html: traced(&f.label.value, &seed.mentions),
                    value: format::figure(&f.value.value, f.unit(), qualifier),
                    bare_value: format::figure(&f.value.value, f.unit(), None),
                    qualifier: qualifier.map(str::to_string),
                    sentence,
                    sentence_text: sentence_text(sentence),
                    original_href: original_href(sentence),
                    actor: f.actor.as_ref().map(|a| a.value.clone()),
                })
            })
            .collect();
        let quotes: Vec<QuoteRecord> = briefing
            .quotes
            .iter()
            .filter_map(|q| {
                let sentence = stated(FactKind::Quote, &q.id.value)?.sentence;
                let fact = facts.get(&(FactKind::Quote, q.id.value.as_str()))?;
                Some(QuoteRecord {
                    also: fact.also.iter().map(|s| s.sentence).collect(),
                    id: q.id.value.clone(),
                    anchor: anchor_id(&q.id.value),
                    text_html: escape(&q.text.value),
                    speaker: q.speaker.value.clone(),
                    sentence,
                    original_href: original_href(sentence),
                })
            })
            .collect();
        let actors = briefing
            .actors
            .iter()
            .map(|a| {
                let fact = facts.get(&(FactKind::Actor, a.id.value.as_str()));
                let (mentions, sentences) = fact.map_or((0, Vec::new()), |f| named(loaded, f));
                ActorRecord {
                    id: a.id.value.clone(),
                    name: a.name.value.clone(),
                    role: a.role.as_ref().map(|r| r.value.clone()),
                    kind: a.kind,
                    mentions,
                    sentences,
                }
            })
            .collect();
        let record = BriefingRecord {
            slug: briefing.slug.clone(),
            title: briefing.title.value.clone(),
            title_html: traced(&briefing.title.value, &seed.mentions),
            date: briefing.date.as_ref().map(|d| d.value.clone()),
            figures: briefing.figures.len(),
            quotes: briefing.quotes.len(),
            actors: briefing.actors.len(),
        };
        let summary_html = briefing.summary.as_ref().map(|summary| {
            let figures: Vec<SummaryFigure> = figures
                .iter()
                .filter_map(|f| Some(SummaryFigure { published: published_mention(&f.value)?, sentence: f.sentence }))
                .collect();
            summary_html(&summary.markdown, &figures, &seed.mentions)
        });
        BriefingModel {
            loaded,
            record,
            figures,
            quotes,
            actors,
            summary_html,
            source_file: briefing.seed.display().to_string(),
        }
    }

    pub fn slug(&self) -> &str {
        &self.record.slug
    }

    /// The mentions of each sentence of the seed, with the value of each
    /// figure traced to it as the site publishes it: what the published-number
    /// check accepts on this briefing's pages. A rounding the sheet made
    /// (`approx: true`), or a date its year completes, is accepted so, as
    /// that figure's own value and no other.
    pub fn accepted_mentions(&self) -> Vec<Vec<Mention>> {
        let mut sentences = self.loaded.seed.mentions.clone();
        for f in &self.figures {
            if let (Some(m), Some(sentence)) = (published_mention(&f.bare_value), sentences.get_mut(f.sentence - 1)) {
                sentence.push(m);
            }
        }
        sentences
    }

    /// The sentences the records cite or show, for checking the pages that list them.
    pub fn cited(&self) -> Cited {
        let seed = &self.loaded.seed;
        let mut numbers: Vec<usize> = self.figures.iter().map(|f| f.sentence).collect();
        numbers.extend(self.quotes.iter().flat_map(|q| std::iter::once(q.sentence).chain(q.also.iter().copied())));
        numbers.extend(self.actors.iter().flat_map(|a| a.sentences.iter().map(|(n, _)| *n)));
        // the sentences the title and the labels link their numbers to
        for html in std::iter::once(&self.record.title_html).chain(self.figures.iter().map(|f| &f.label_html)) {
            numbers.extend(cited_in(html));
        }
        numbers.sort_unstable();
        numbers.dedup();
        Cited {
            sentences: numbers
                .into_iter()
                .filter_map(|n| Some((n, seed.sentences.get(n.checked_sub(1)?)?.text(&seed.text))))
                .collect(),
            published: self.figures.iter().map(|f| (f.sentence, f.bare_value.clone())).collect(),
        }
    }

    /// The briefing's part of `trace.json`, as pretty-printed JSON.
    pub fn trace_json(&self, trace: &Trace) -> String {
        #[derive(Serialize)]
        struct TraceBriefing<'a> {
            slug: &'a str,
            title: &'a str,
            source: String,
            facts: Vec<TraceFact<'a>>,
        }
        #[derive(Serialize)]
        struct TraceFact<'a> {
            kind: FactKind,
            id: &'a str,
            sentence: Option<String>,
            text: Option<&'a str>,
            start: Option<usize>,
            end: Option<usize>,
        }
        let mut facts: Vec<&FactTrace> = trace.facts.iter().collect();
        facts.sort_by_key(|f| (f.kind as u8, f.id.as_str()));
        let briefing = &self.loaded.briefing;
        let part = TraceBriefing {
            slug: &briefing.slug,
            title: &briefing.title.value,
            source: briefing.seed.display().to_string(),
            facts: facts
                .into_iter()
                .map(|f| TraceFact {
                    kind: f.kind,
                    id: &f.id,
                    sentence: f.stated.as_ref().map(|s| format!("s{}", s.sentence)),
                    text: f.stated.as_ref().map(|s| s.text.as_str()),
                    start: f.stated.as_ref().map(|s| s.span.start),
                    end: f.stated.as_ref().map(|s| s.span.end),
                })
                .collect(),
        };
        serde_json::to_string_pretty(&part).unwrap_or_default()
    }

    /// The actors as this briefing's own pages show them: with the role its sheet gives.
    pub fn actor_refs(&self) -> Vec<Shared<ActorRef>> {
        self.actors.iter().map(|a| Shared::new(ActorRef::of(&a.id, &a.name, a.role.as_deref(), a.kind))).collect()
    }

    /// The views a page of this briefing needs, borrowing the model.
    pub fn pages<'m>(&'m self, briefing: &'m Shared<BriefingRef<'m>>, actors: &'m [Shared<ActorRef>]) -> Pages<'m> {
        Pages { model: self, briefing, actors }
    }
}

/// The page views of one briefing.
pub struct Pages<'m> {
    model: &'m BriefingModel<'m>,
    briefing: &'m Shared<BriefingRef<'m>>,
    actors: &'m [Shared<ActorRef>],
}

impl<'m> Pages<'m> {
    fn actor(&self, id: &str) -> Option<&'m Shared<ActorRef>> {
        self.actors.iter().find(|a| a.id == id)
    }

    fn figures(&self) -> impl Iterator<Item = FigureView<'m>> + '_ {
        self.model
            .figures
            .iter()
            .map(|f| FigureView::of(f, self.briefing, f.actor.as_deref().and_then(|a| self.actor(a))))
    }

    fn quotes(&self) -> impl Iterator<Item = QuoteView<'m>> + '_ {
        self.model.quotes.iter().map(|q| QuoteView::of(q, self.briefing, self.actor(&q.speaker)))
    }

    fn source_url(&self) -> Option<&'m str> {
        self.model.loaded.briefing.source_url.as_ref().map(|u| u.value.as_str())
    }

    pub fn briefing(&self) -> BriefingView<'m> {
        BriefingView {
            briefing: self.briefing,
            source_file: &self.model.source_file,
            source_url: self.source_url(),
            summary_html: self.model.summary_html.as_deref(),
            figures: self.figures().collect(),
            actors: self.actors.iter().collect(),
            quotes: self.quotes().collect(),
        }
    }

    /// The printable briefing: the briefing page's parts, each figure and quote
    /// with the number of the footnote that prints its sentence.
    pub fn print(&self) -> PrintView<'m> {
        let seed = &self.model.loaded.seed;
        let mut notes: Vec<Note> = Vec::new();
        let mut note_of = |stated: usize| -> usize {
            let sentence = format!("s{stated}");
            if let Some(n) = notes.iter().find(|n| n.sentence == sentence) {
                return n.number;
            }
            let number = notes.len() + 1;
            let text = seed.sentences.get(stated - 1).map_or(Cow::Borrowed(""), |s| one_line(s.raw(&seed.text)));
            let marks = ['“', '”', '"', '‘', '’', '\'', '«', '»', '„'];
            let has_quote_marks = text.starts_with(marks) || text.trim_end_matches(['.', '!', '?']).ends_with(marks);
            notes.push(Note { number, sentence, text, has_quote_marks });
            number
        };
        let figures = self.figures().map(|f| PrintFigure { note: note_of(f.number), figure: f }).collect();
        let quotes = self.quotes().map(|q| PrintQuote { note: note_of(q.number), quote: q }).collect();
        PrintView {
            briefing: self.briefing,
            source_file: &self.model.source_file,
            source_url: self.source_url(),
            summary_html: self.model.summary_html.as_deref(),
            figures,
            quotes,
            actors: self.actors.iter().collect(),
            notes,
        }
    }

    pub fn source(&self) -> SourceView<'m> {
        let model = self.model;
        let seed = &model.loaded.seed;
        let mut cited_by: BTreeMap<usize, Vec<Citation>> = BTreeMap::new();
        for f in &model.figures {
            let href = format!("{}#figure-{}", self.briefing.href, f.id);
            let label_html = Cow::Borrowed(f.label_html.as_str());
            cited_by.entry(f.sentence).or_default().push(Citation { kind: "figure", label_html, href });
        }
        for q in &model.quotes {
            let href = format!("{}#quote-{}", self.briefing.href, q.anchor);
            let speaker = self.actor(&q.speaker).map_or(q.speaker.as_str(), |a| a.name.as_str());
            let label_html = Cow::Owned(format!("quote of {}", escape(speaker)));
            cited_by.entry(q.sentence).or_default().push(Citation { kind: "quote", label_html, href });
        }
        let cited = cited_by.len();
        // shown as the text is laid out: a sentence after a line break starts a new paragraph
        let mut paragraphs: Vec<Vec<SentenceView>> = Vec::new();
        let mut previous_end = 0;
        for s in &seed.sentences {
            let gap = &seed.text[previous_end.min(s.span.start)..s.span.start];
            if paragraphs.is_empty() || gap.contains('\n') {
                paragraphs.push(Vec::new());
            }
            previous_end = s.span.end;
            if let Some(paragraph) = paragraphs.last_mut() {
                paragraph.push(SentenceView {
                    id: s.id(),
                    text: one_line(s.raw(&seed.text)),
                    cited_by: cited_by.remove(&s.number).unwrap_or_default(),
                });
            }
        }
        SourceView {
            briefing: self.briefing,
            source_file: &model.source_file,
            source_url: self.source_url(),
            paragraphs,
            sentences: seed.sentences.len(),
            cited,
        }
    }
}

/// How many times the seed names an actor, and each sentence that does, the names marked.
fn named(loaded: &Loaded, fact: &FactTrace) -> (usize, Vec<(usize, String)>) {
    let seed = &loaded.seed;
    let mut found: Vec<_> = fact.stated.iter().chain(&fact.also).map(|s| (s.sentence, s.span.clone())).collect();
    // by sentence; in the trace's order within one
    found.sort_by_key(|(sentence, _)| *sentence);
    let sentences = found
        .chunk_by(|x, y| x.0 == y.0)
        .filter_map(|mentions| {
            let s = seed.sentences.get(mentions[0].0 - 1)?;
            let marks: Vec<_> = mentions.iter().map(|(_, r)| r.start - s.span.start..r.end - s.span.start).collect();
            Some((s.number, marked(s.raw(&seed.text), &marks)))
        })
        .collect();
    (found.len(), sentences)
}

/// The sentence numbers a marked text links its numbers to (`data-trace="sN"`).
fn cited_in(html: &str) -> impl Iterator<Item = usize> + '_ {
    html.split("data-trace=\"s").skip(1).filter_map(|rest| rest.split('"').next()?.parse().ok())
}

/// The mention a published figure reads back as.
pub fn published_mention(published: &str) -> Option<Mention> {
    numbers::scan(published).into_iter().next()
}

/// A quote id usable in an HTML id: a generated id (`#3`, the third quote)
/// becomes `_3`, which no id of a sheet can be (ids have no `_`).
fn anchor_id(id: &str) -> String {
    match id.strip_prefix('#') {
        Some(place) => format!("_{place}"),
        None => id.to_string(),
    }
}
