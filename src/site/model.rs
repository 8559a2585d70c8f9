//! From the traced project to the views of each page: briefings newest
//! first, actors merged across briefings, every figure and quote with the
//! sentence it is traced to.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::format;
use super::markdown::{SummaryFigure, summary_html};
use super::publish::{escape, marked, one_line, text_fragment, traced};
use super::views::*;
use crate::numbers::{self, Kind, Mention};
use crate::project::Project;
use crate::sheet::{Briefing, Figure, Quote};
use crate::source::Seed;
use crate::trace::{FactKind, FactTrace, Trace};

/// One briefing with what its pages need at hand.
pub struct BriefingModel<'a> {
    pub briefing: &'a Briefing,
    seed: &'a Seed,
    /// The mentions of each sentence of the seed.
    mentions: Vec<Vec<Mention>>,
    facts: HashMap<(FactKind, &'a str), &'a FactTrace>,
    reference: BriefingRef,
}

impl BriefingModel<'_> {
    pub fn slug(&self) -> &str {
        &self.briefing.slug
    }

    fn fact(&self, kind: FactKind, id: &str) -> Option<&FactTrace> {
        self.facts.get(&(kind, id)).copied()
    }

    /// The mention of the seed a fact is traced to.
    fn stated_mention(&self, fact: &FactTrace) -> Option<&Mention> {
        let stated = fact.stated.as_ref()?;
        self.mentions.get(stated.sentence - 1)?.iter().find(|m| m.span == stated.span)
    }

    fn sentence_href(&self, sentence: usize) -> String {
        format!("briefings/{}/source.html#s{sentence}", self.briefing.slug)
    }

    fn original_href(&self, sentence: usize) -> Option<String> {
        let url = self.briefing.source_url.as_ref()?;
        let s = self.seed.sentences.get(sentence - 1)?;
        Some(text_fragment(&url.value, &s.text(&self.seed.text)))
    }
}

/// An actor across all briefings.
struct ActorModel {
    reference: ActorRef,
    /// Briefing index → the mentions of the actor in that briefing's seed (sentence, span).
    mentions: BTreeMap<usize, Vec<(usize, std::ops::Range<usize>)>>,
    /// The actor's quotes and figures: (briefing index, index in the sheet).
    quotes: Vec<(usize, usize)>,
    figures: Vec<(usize, usize)>,
}

pub struct Model<'a> {
    briefings: Vec<BriefingModel<'a>>,
    actors: BTreeMap<String, ActorModel>,
}

impl<'a> Model<'a> {
    pub fn new(project: &'a Project, trace: &'a Trace) -> Model<'a> {
        let mut facts_of: HashMap<&str, HashMap<(FactKind, &str), &FactTrace>> = HashMap::new();
        for fact in &trace.facts {
            facts_of.entry(fact.briefing.as_str()).or_default().insert((fact.kind, fact.id.as_str()), fact);
        }
        let mut briefings: Vec<BriefingModel> = project
            .briefings
            .iter()
            .map(|b| {
                let seed = project.seed_of(b);
                let mentions = numbers::scan_seed(seed);
                let reference = briefing_ref(b, &mentions);
                let facts = facts_of.remove(b.slug.as_str()).unwrap_or_default();
                BriefingModel { briefing: b, seed, mentions, facts, reference }
            })
            .collect();
        // newest first; undated last; then by slug
        briefings.sort_by(|a, b| {
            let date = |m: &BriefingModel| m.briefing.date.as_ref().map(|d| d.value.clone());
            date(b).is_some().cmp(&date(a).is_some()).then(date(b).cmp(&date(a))).then(a.slug().cmp(b.slug()))
        });
        let actors = merge_actors(&briefings);
        Model { briefings, actors }
    }

    pub fn briefings(&self) -> impl Iterator<Item = &BriefingModel<'a>> {
        self.briefings.iter()
    }

    pub fn actor_ids(&self) -> impl Iterator<Item = &str> {
        self.actors.keys().map(String::as_str)
    }

    pub fn home(&self) -> HomeView {
        let briefings = self
            .briefings
            .iter()
            .map(|b| BriefingCard {
                briefing: b.reference.clone(),
                figures: b.briefing.figures.len(),
                quotes: b.briefing.quotes.len(),
                actors: b.briefing.actors.len(),
            })
            .collect();
        HomeView { briefings }
    }

    pub fn briefing(&self, b: &BriefingModel) -> BriefingView {
        let summary_html = b.briefing.summary.as_ref().map(|summary| {
            let figures: Vec<SummaryFigure> = b
                .briefing
                .figures
                .iter()
                .filter_map(|f| {
                    let fact = b.fact(FactKind::Number, &f.id.value)?;
                    Some(SummaryFigure { stated: b.stated_mention(fact)?, sentence: fact.stated.as_ref()?.sentence })
                })
                .collect();
            summary_html(&summary.markdown, &figures)
        });
        BriefingView {
            briefing: b.reference.clone(),
            source_file: b.briefing.seed.display().to_string(),
            source_url: b.briefing.source_url.as_ref().map(|u| u.value.clone()),
            summary_html,
            figures: b.briefing.figures.iter().filter_map(|f| self.figure(b, f)).collect(),
            actors: b.briefing.actors.iter().filter_map(|a| self.actor_ref(&a.id.value)).collect(),
            quotes: b.briefing.quotes.iter().filter_map(|q| self.quote(b, q)).collect(),
        }
    }

    /// The printable briefing: the briefing page's parts, each figure and quote
    /// with the number of the footnote that prints its sentence.
    pub fn print(&self, b: &BriefingModel, style: &str) -> PrintView {
        let page = self.briefing(b);
        let mut notes: Vec<Note> = Vec::new();
        let mut note_of = |sentence: &str| -> usize {
            if let Some(n) = notes.iter().find(|n| n.sentence == sentence) {
                return n.number;
            }
            let number = notes.len() + 1;
            let text = sentence
                .strip_prefix('s')
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| b.seed.sentences.get(n.wrapping_sub(1)))
                .map_or_else(String::new, |s| one_line(s.raw(&b.seed.text)));
            notes.push(Note { number, sentence: sentence.to_string(), text });
            number
        };
        let figures = page.figures.into_iter().map(|f| PrintFigure { note: note_of(&f.sentence), figure: f }).collect();
        let quotes = page.quotes.into_iter().map(|q| PrintQuote { note: note_of(&q.sentence), quote: q }).collect();
        PrintView {
            briefing: page.briefing,
            source_file: page.source_file,
            source_url: page.source_url,
            summary_html: page.summary_html,
            figures,
            quotes,
            actors: page.actors,
            notes,
            style: style.to_string(),
        }
    }

    pub fn source(&self, b: &BriefingModel) -> SourceView {
        let mut cited_by: BTreeMap<usize, Vec<Citation>> = BTreeMap::new();
        for f in &b.briefing.figures {
            if let Some(n) = b.fact(FactKind::Number, &f.id.value).and_then(|t| t.stated.as_ref()).map(|s| s.sentence) {
                let href = format!("{}#figure-{}", b.reference.href, f.id.value);
                cited_by.entry(n).or_default().push(Citation {
                    kind: "figure",
                    label_html: traced(&f.label.value, &b.mentions),
                    href,
                });
            }
        }
        for q in &b.briefing.quotes {
            if let Some(n) = b.fact(FactKind::Quote, &q.id.value).and_then(|t| t.stated.as_ref()).map(|s| s.sentence) {
                let href = format!("{}#quote-{}", b.reference.href, anchor_id(&q.id.value));
                let speaker = self.actor_ref(&q.speaker.value).map_or_else(|| q.speaker.value.clone(), |a| a.name);
                let label_html = format!("quote of {}", escape(&speaker));
                cited_by.entry(n).or_default().push(Citation { kind: "quote", label_html, href });
            }
        }
        let cited = cited_by.len();
        let mut paragraphs: Vec<Vec<SentenceView>> = Vec::new();
        let mut previous_end = 0;
        for s in &b.seed.sentences {
            let gap = &b.seed.text[previous_end.min(s.span.start)..s.span.start];
            if paragraphs.is_empty() || gap.contains('\n') {
                paragraphs.push(Vec::new());
            }
            previous_end = s.span.end;
            if let Some(paragraph) = paragraphs.last_mut() {
                paragraph.push(SentenceView {
                    id: s.id(),
                    text: one_line(s.raw(&b.seed.text)),
                    cited_by: cited_by.remove(&s.number).unwrap_or_default(),
                });
            }
        }
        SourceView {
            briefing: b.reference.clone(),
            source_file: b.briefing.seed.display().to_string(),
            source_url: b.briefing.source_url.as_ref().map(|u| u.value.clone()),
            paragraphs,
            sentences: b.seed.sentences.len(),
            cited,
        }
    }

    pub fn actors(&self) -> ActorsView {
        let mut actors: Vec<ActorCard> = self
            .actors
            .values()
            .map(|a| ActorCard {
                actor: a.reference.clone(),
                briefings: a.mentions.len(),
                mentions: a.mentions.values().map(Vec::len).sum(),
            })
            .collect();
        actors.sort_by(|a, b| a.actor.name.cmp(&b.actor.name).then(a.actor.id.cmp(&b.actor.id)));
        ActorsView { actors }
    }

    pub fn actor(&self, id: &str) -> ActorView {
        let Some(actor) = self.actors.get(id) else {
            return ActorView {
                actor: placeholder(id),
                appearances: Vec::new(),
                quotes: Vec::new(),
                figures: Vec::new(),
                together: Vec::new(),
            };
        };
        let appearances = actor
            .mentions
            .iter()
            .filter_map(|(index, found)| {
                let b = self.briefings.get(*index)?;
                let mut by_sentence: BTreeMap<usize, Vec<std::ops::Range<usize>>> = BTreeMap::new();
                for (sentence, span) in found {
                    by_sentence.entry(*sentence).or_default().push(span.clone());
                }
                let sentences = by_sentence
                    .into_iter()
                    .filter_map(|(n, spans)| {
                        let s = b.seed.sentences.get(n - 1)?;
                        let marks: Vec<_> =
                            spans.iter().map(|r| r.start - s.span.start..r.end - s.span.start).collect();
                        Some(MentionView {
                            sentence: s.id(),
                            html: marked(s.raw(&b.seed.text), &marks),
                            href: b.sentence_href(n),
                        })
                    })
                    .collect();
                Some(Appearance { briefing: b.reference.clone(), sentences })
            })
            .collect();
        let quotes = actor.quotes.iter().filter_map(|(b, q)| {
            let b = self.briefings.get(*b)?;
            self.quote(b, b.briefing.quotes.get(*q)?)
        });
        let figures = actor.figures.iter().filter_map(|(b, f)| {
            let b = self.briefings.get(*b)?;
            self.figure(b, b.briefing.figures.get(*f)?)
        });
        let (quotes, figures) = (quotes.collect(), figures.collect());
        ActorView { actor: actor.reference.clone(), appearances, quotes, figures, together: self.together(id) }
    }

    /// The actors of the briefings an actor is in: most briefings shared first.
    fn together(&self, id: &str) -> Vec<ActorRef> {
        let Some(actor) = self.actors.get(id) else {
            return Vec::new();
        };
        let mut shared: BTreeMap<&str, usize> = BTreeMap::new();
        for index in actor.mentions.keys() {
            for other in self.briefings[*index].briefing.actors.iter().map(|a| a.id.value.as_str()).filter(|o| *o != id)
            {
                if self.actors.get(other).is_some_and(|o| !o.mentions.is_empty()) {
                    *shared.entry(other).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(&str, usize)> = shared.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        ranked.into_iter().take(24).filter_map(|(other, _)| self.actor_ref(other)).collect()
    }

    pub fn facts(&self) -> FactsView {
        FactsView {
            figures: self
                .briefings
                .iter()
                .flat_map(|b| b.briefing.figures.iter().filter_map(move |f| self.figure(b, f)))
                .collect(),
        }
    }

    pub fn quotes(&self) -> QuotesView {
        QuotesView {
            quotes: self
                .briefings
                .iter()
                .flat_map(|b| b.briefing.quotes.iter().filter_map(move |q| self.quote(b, q)))
                .collect(),
        }
    }

    fn actor_ref(&self, id: &str) -> Option<ActorRef> {
        self.actors.get(id).map(|a| a.reference.clone())
    }

    fn figure(&self, b: &BriefingModel, f: &Figure) -> Option<FigureView> {
        let fact = b.fact(FactKind::Number, &f.id.value)?;
        let sentence = fact.stated.as_ref()?.sentence;
        let year = b.stated_mention(fact).is_some_and(|m| m.kind == Kind::Year);
        let unit = f.unit.as_ref().map(|u| &u.value);
        let qualifier = f.qualifier.as_ref().map(|q| q.value.as_str());
        Some(FigureView {
            id: f.id.value.clone(),
            anchor: format!("figure-{}", f.id.value),
            label_html: traced(&f.label.value, &b.mentions),
            value: format::figure(f.value.value, unit, qualifier, year),
            bare_value: format::figure(f.value.value, unit, None, year),
            qualifier: qualifier.map(str::to_string),
            sentence: format!("s{sentence}"),
            sentence_href: b.sentence_href(sentence),
            original_href: b.original_href(sentence),
            actor: f.actor.as_ref().and_then(|a| self.actor_ref(&a.value)),
            briefing: b.reference.clone(),
        })
    }

    fn quote(&self, b: &BriefingModel, q: &Quote) -> Option<QuoteView> {
        let fact = b.fact(FactKind::Quote, &q.id.value)?;
        let sentence = fact.stated.as_ref()?.sentence;
        Some(QuoteView {
            id: q.id.value.clone(),
            anchor: format!("quote-{}", anchor_id(&q.id.value)),
            text_html: escape(&q.text.value),
            speaker: self.actor_ref(&q.speaker.value).unwrap_or_else(|| placeholder(&q.speaker.value)),
            sentence: format!("s{sentence}"),
            sentence_href: b.sentence_href(sentence),
            original_href: b.original_href(sentence),
            briefing: b.reference.clone(),
        })
    }

    /// `trace.json`: every fact with its sentence, words and byte span in the seed.
    pub fn trace_json(&self) -> Vec<u8> {
        #[derive(Serialize)]
        struct TraceFile<'a> {
            briefings: Vec<TraceBriefing<'a>>,
        }
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
        let mut briefings: Vec<TraceBriefing> = self
            .briefings
            .iter()
            .map(|b| {
                let mut facts: Vec<&FactTrace> = b.facts.values().copied().collect();
                facts.sort_by_key(|f| (f.kind as u8, f.id.as_str()));
                TraceBriefing {
                    slug: b.slug(),
                    title: &b.briefing.title.value,
                    source: b.briefing.seed.display().to_string(),
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
                }
            })
            .collect();
        briefings.sort_by_key(|b| b.slug);
        let mut json = serde_json::to_vec_pretty(&TraceFile { briefings }).unwrap_or_default();
        json.push(b'\n');
        json
    }
}

fn briefing_ref(b: &Briefing, mentions: &[Vec<Mention>]) -> BriefingRef {
    let base = format!("briefings/{}/", b.slug);
    BriefingRef {
        slug: b.slug.clone(),
        title: b.title.value.clone(),
        title_html: traced(&b.title.value, mentions),
        href: format!("{base}index.html"),
        source_href: format!("{base}source.html"),
        print_href: format!("{base}print.html"),
        pdf_href: format!("{base}briefing.pdf"),
        date: b.date.as_ref().map(|d| DateView { iso: d.value.clone(), text: format::date(&d.value) }),
    }
}

/// Actors merged by id across briefings (newest briefing first, so its role wins),
/// with every mention the trace found.
fn merge_actors(briefings: &[BriefingModel]) -> BTreeMap<String, ActorModel> {
    let mut actors: BTreeMap<String, ActorModel> = BTreeMap::new();
    for (index, b) in briefings.iter().enumerate() {
        for a in &b.briefing.actors {
            let entry = actors.entry(a.id.value.clone()).or_insert_with(|| ActorModel {
                reference: ActorRef {
                    id: a.id.value.clone(),
                    name: a.name.value.clone(),
                    role: None,
                    kind: a.kind,
                    href: format!("actors/{}/index.html", a.id.value),
                },
                mentions: BTreeMap::new(),
                quotes: Vec::new(),
                figures: Vec::new(),
            });
            if entry.reference.role.is_none() {
                entry.reference.role = a.role.as_ref().map(|r| r.value.clone());
            }
            if let Some(fact) = b.fact(FactKind::Actor, &a.id.value) {
                let found: Vec<_> =
                    fact.stated.iter().chain(&fact.also).map(|s| (s.sentence, s.span.clone())).collect();
                if !found.is_empty() {
                    entry.mentions.insert(index, found);
                }
            }
        }
    }
    for (index, b) in briefings.iter().enumerate() {
        for (q, quote) in b.briefing.quotes.iter().enumerate() {
            if let Some(actor) = actors.get_mut(&quote.speaker.value) {
                actor.quotes.push((index, q));
            }
        }
        for (f, figure) in b.briefing.figures.iter().enumerate() {
            if let Some(actor) = figure.actor.as_ref().and_then(|a| actors.get_mut(&a.value)) {
                actor.figures.push((index, f));
            }
        }
    }
    actors
}

fn placeholder(id: &str) -> ActorRef {
    ActorRef {
        id: id.to_string(),
        name: id.to_string(),
        role: None,
        kind: Default::default(),
        href: format!("actors/{id}/index.html"),
    }
}

/// A quote id usable in an HTML id: a generated id (`#3`, the third quote)
/// becomes `_3`, which no id of a sheet can be (ids have no `_`).
fn anchor_id(id: &str) -> String {
    match id.strip_prefix('#') {
        Some(place) => format!("_{place}"),
        None => id.to_string(),
    }
}
