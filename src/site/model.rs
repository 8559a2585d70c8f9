//! From the traced project to the views of each page: briefings newest
//! first, actors merged across briefings, every figure and quote with the
//! sentence it is traced to.
//!
//! What several pages show of a briefing — its figures and quotes, its
//! summary, the sentences that name its actors — is made once, for all
//! briefings in parallel, when the model is made; the views borrow it.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use super::format;
use super::markdown::{SummaryFigure, summary_html};
use super::publish::{escape, marked, one_line, text_fragment, traced};
use super::views::*;
use crate::numbers::{self, Mention};
use crate::project::Project;
use crate::sheet::{Actor, Briefing, Figure, Quote};
use crate::source::Seed;
use crate::trace::{FactKind, FactTrace, Trace};

/// One briefing with what its pages need at hand: the parts that several
/// pages show (its figures and quotes, its summary) are made once, here.
pub struct BriefingModel<'a> {
    pub briefing: &'a Briefing,
    seed: &'a Seed,
    /// The mentions of each sentence of the seed.
    mentions: Vec<Vec<Mention>>,
    facts: HashMap<(FactKind, &'a str), &'a FactTrace>,
    reference: Shared<BriefingRef<'a>>,
    /// The seed's path as pages show it.
    source_file: String,
    summary_html: Option<String>,
    /// The sheet's figures, in its order; `None` for one not traced to a sentence.
    figures: Vec<Option<FigureModel<'a>>>,
    /// The sheet's quotes, in its order; `None` for one not traced to a sentence.
    quotes: Vec<Option<QuoteModel<'a>>>,
    /// Actor id → where the seed names the actor, for the actor's page.
    named: HashMap<&'a str, Named>,
    /// The sheet's actors as its own pages show them: with the role this sheet gives.
    actors: Vec<Shared<ActorRef>>,
}

/// Where a seed names an actor.
struct Named {
    /// How many times.
    mentions: usize,
    /// Each sentence that names the actor, in order, the names marked.
    sentences: Vec<MarkedSentence>,
}

struct MarkedSentence {
    number: usize,
    html: String,
}

/// A figure of a briefing as every page that lists it shows it.
struct FigureModel<'a> {
    figure: &'a Figure,
    /// The number of the sentence that states it.
    stated: usize,
    anchor: String,
    label_html: String,
    value: String,
    bare_value: String,
    sentence: String,
    sentence_href: String,
    original_href: Option<String>,
}

/// A quote of a briefing as every page that lists it shows it.
struct QuoteModel<'a> {
    quote: &'a Quote,
    stated: usize,
    anchor: String,
    text_html: String,
    sentence: String,
    sentence_href: String,
    original_href: Option<String>,
}

impl<'a> BriefingModel<'a> {
    fn new(briefing: &'a Briefing, seed: &'a Seed, facts: HashMap<(FactKind, &'a str), &'a FactTrace>) -> Self {
        let mentions = numbers::scan_seed(seed);
        let reference = Shared::new(briefing_ref(briefing, &mentions));
        let source_file = briefing.seed.display().to_string();
        let mut b = BriefingModel {
            briefing,
            seed,
            mentions,
            facts,
            reference,
            source_file,
            summary_html: None,
            figures: Vec::new(),
            quotes: Vec::new(),
            named: HashMap::new(),
            actors: briefing.actors.iter().map(|a| Shared::new(actor_ref(a))).collect(),
        };
        b.figures = briefing.figures.iter().map(|f| b.figure(f)).collect();
        b.summary_html = b.summary_html();
        b.quotes = briefing.quotes.iter().map(|q| b.quote(q)).collect();
        b.named = briefing.actors.iter().filter_map(|a| Some((a.id.value.as_str(), b.named(&a.id.value)?))).collect();
        b
    }

    pub fn slug(&self) -> &str {
        &self.briefing.slug
    }

    fn fact(&self, kind: FactKind, id: &str) -> Option<&FactTrace> {
        self.facts.get(&(kind, id)).copied()
    }

    fn sentence_href(&self, sentence: usize) -> String {
        format!("briefings/{}/source.html#s{sentence}", self.briefing.slug)
    }

    fn original_href(&self, sentence: usize) -> Option<String> {
        let url = self.briefing.source_url.as_ref()?;
        let s = self.seed.sentences.get(sentence - 1)?;
        Some(text_fragment(&url.value, &s.text(&self.seed.text)))
    }

    /// A sentence of the seed as one line, or nothing when there is no such sentence.
    fn sentence_text(&self, sentence: usize) -> Cow<'a, str> {
        let seed = self.seed;
        seed.sentences.get(sentence.wrapping_sub(1)).map_or(Cow::Borrowed(""), |s| one_line(s.raw(&seed.text)))
    }

    fn summary_html(&self) -> Option<String> {
        let summary = self.briefing.summary.as_ref()?;
        let figures: Vec<SummaryFigure> = self
            .traced_figures()
            .filter_map(|f| Some(SummaryFigure { published: published_mention(&f.value)?, sentence: f.stated }))
            .collect();
        Some(summary_html(&summary.markdown, &figures, &self.mentions))
    }

    fn figure(&self, f: &'a Figure) -> Option<FigureModel<'a>> {
        let fact = self.fact(FactKind::Number, &f.id.value)?;
        let stated = fact.stated.as_ref()?.sentence;
        let qualifier = f.qualifier.as_ref().map(|q| q.value.as_str());
        Some(FigureModel {
            figure: f,
            stated,
            anchor: format!("figure-{}", f.id.value),
            label_html: traced(&f.label.value, &self.mentions),
            value: format::figure(&f.value.value, f.unit(), qualifier),
            bare_value: format::figure(&f.value.value, f.unit(), None),
            sentence: format!("s{stated}"),
            sentence_href: self.sentence_href(stated),
            original_href: self.original_href(stated),
        })
    }

    fn quote(&self, q: &'a Quote) -> Option<QuoteModel<'a>> {
        let fact = self.fact(FactKind::Quote, &q.id.value)?;
        let stated = fact.stated.as_ref()?.sentence;
        Some(QuoteModel {
            quote: q,
            stated,
            anchor: format!("quote-{}", anchor_id(&q.id.value)),
            text_html: escape(&q.text.value),
            sentence: format!("s{stated}"),
            sentence_href: self.sentence_href(stated),
            original_href: self.original_href(stated),
        })
    }

    /// Where the trace found an actor in the seed, if it did: made here, with
    /// the seed at hand, rather than by each actor's page (the pages of the
    /// actors of a corpus would read most of its seeds).
    fn named(&self, actor: &str) -> Option<Named> {
        let fact = self.fact(FactKind::Actor, actor)?;
        let mut found: Vec<_> = fact.stated.iter().chain(&fact.also).map(|s| (s.sentence, s.span.clone())).collect();
        if found.is_empty() {
            return None;
        }
        // by sentence; in the trace's order within one
        found.sort_by_key(|(sentence, _)| *sentence);
        let sentences = found
            .chunk_by(|x, y| x.0 == y.0)
            .filter_map(|mentions| {
                let s = self.seed.sentences.get(mentions[0].0 - 1)?;
                let marks: Vec<_> =
                    mentions.iter().map(|(_, r)| r.start - s.span.start..r.end - s.span.start).collect();
                Some(MarkedSentence { number: s.number, html: marked(s.raw(&self.seed.text), &marks) })
            })
            .collect();
        Some(Named { mentions: found.len(), sentences })
    }

    /// The sheet's actor `id`, with the role this sheet gives it.
    fn actor(&self, id: &str) -> Option<&Shared<ActorRef>> {
        self.actors.iter().find(|a| a.id == id)
    }

    fn traced_figures(&self) -> impl Iterator<Item = &FigureModel<'a>> {
        self.figures.iter().flatten()
    }

    fn traced_quotes(&self) -> impl Iterator<Item = &QuoteModel<'a>> {
        self.quotes.iter().flatten()
    }
}

/// An actor across all briefings.
struct ActorModel {
    reference: Shared<ActorRef>,
    /// Each role given, with the indices of the briefings that give it, newest first.
    roles: Vec<(String, Vec<usize>)>,
    /// Briefing index → how many times that briefing's seed names the actor (when it does).
    mentions: BTreeMap<usize, usize>,
    /// The actor's quotes and figures: (briefing index, index in the sheet).
    quotes: Vec<(usize, usize)>,
    figures: Vec<(usize, usize)>,
}

pub struct Model<'a> {
    briefings: Vec<BriefingModel<'a>>,
    actors: BTreeMap<String, ActorModel>,
}

impl<'a> Model<'a> {
    /// The model of every briefing, each made in parallel.
    pub fn new(project: &'a Project, trace: &'a Trace) -> Model<'a> {
        let mut facts_of: HashMap<&str, HashMap<(FactKind, &str), &FactTrace>> = HashMap::new();
        for fact in &trace.facts {
            facts_of.entry(fact.briefing.as_str()).or_default().insert((fact.kind, fact.id.as_str()), fact);
        }
        // a slug given twice has its facts with its first briefing
        let facts: Vec<_> =
            project.briefings.iter().map(|b| facts_of.remove(b.slug.as_str()).unwrap_or_default()).collect();
        let mut briefings: Vec<BriefingModel> = project
            .briefings
            .par_iter()
            .zip(facts)
            .map(|(b, facts)| BriefingModel::new(b, project.seed_of(b), facts))
            .collect();
        // newest first; undated last; then by slug
        briefings.sort_by(|a, b| {
            let date = |m: &BriefingModel<'a>| m.briefing.date.as_ref().map(|d| d.value.as_str());
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

    pub fn home(&self) -> HomeView<'_> {
        let briefings = self
            .briefings
            .iter()
            .map(|b| BriefingCard {
                briefing: &b.reference,
                figures: b.briefing.figures.len(),
                quotes: b.briefing.quotes.len(),
                actors: b.briefing.actors.len(),
            })
            .collect();
        HomeView { briefings }
    }

    pub fn briefing<'m>(&'m self, b: &'m BriefingModel) -> BriefingView<'m> {
        BriefingView {
            briefing: &b.reference,
            source_file: &b.source_file,
            source_url: b.briefing.source_url.as_ref().map(|u| u.value.as_str()),
            summary_html: b.summary_html.as_deref(),
            figures: b.traced_figures().map(|f| self.figure(b, f)).collect(),
            actors: b.actors.iter().collect(),
            quotes: b.traced_quotes().map(|q| self.quote(b, q)).collect(),
        }
    }

    /// The printable briefing: the briefing page's parts, each figure and quote
    /// with the number of the footnote that prints its sentence.
    pub fn print<'m>(&'m self, b: &'m BriefingModel, style: &'m str) -> PrintView<'m> {
        let mut notes: Vec<Note> = Vec::new();
        let mut note_of = |sentence: &'m str, stated: usize| -> usize {
            if let Some(n) = notes.iter().find(|n| n.sentence == sentence) {
                return n.number;
            }
            let number = notes.len() + 1;
            let text = b.sentence_text(stated);
            let marks = ['“', '”', '"', '‘', '’', '\'', '«', '»', '„'];
            let has_quote_marks = text.starts_with(marks) || text.trim_end_matches(['.', '!', '?']).ends_with(marks);
            notes.push(Note { number, sentence, text, has_quote_marks });
            number
        };
        let figures = b
            .traced_figures()
            .map(|f| PrintFigure { note: note_of(&f.sentence, f.stated), figure: self.figure(b, f) })
            .collect();
        let quotes = b
            .traced_quotes()
            .map(|q| PrintQuote { note: note_of(&q.sentence, q.stated), quote: self.quote(b, q) })
            .collect();
        PrintView {
            briefing: &b.reference,
            source_file: &b.source_file,
            source_url: b.briefing.source_url.as_ref().map(|u| u.value.as_str()),
            summary_html: b.summary_html.as_deref(),
            figures,
            quotes,
            actors: b.actors.iter().collect(),
            notes,
            style,
        }
    }

    pub fn source<'m>(&'m self, b: &'m BriefingModel) -> SourceView<'m> {
        let mut cited_by: BTreeMap<usize, Vec<Citation>> = BTreeMap::new();
        for f in b.traced_figures() {
            let href = format!("{}#{}", b.reference.href, f.anchor);
            let label_html = Cow::Borrowed(f.label_html.as_str());
            cited_by.entry(f.stated).or_default().push(Citation { kind: "figure", label_html, href });
        }
        for q in b.traced_quotes() {
            let href = format!("{}#{}", b.reference.href, q.anchor);
            let speaker = &q.quote.speaker.value;
            let speaker = self.actor_ref(speaker).map_or(speaker.as_str(), |a| a.name.as_str());
            let label_html = Cow::Owned(format!("quote of {}", escape(speaker)));
            cited_by.entry(q.stated).or_default().push(Citation { kind: "quote", label_html, href });
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
            briefing: &b.reference,
            source_file: &b.source_file,
            source_url: b.briefing.source_url.as_ref().map(|u| u.value.as_str()),
            paragraphs,
            sentences: b.seed.sentences.len(),
            cited,
        }
    }

    pub fn actors(&self) -> ActorsView<'_> {
        let mut actors: Vec<ActorCard> = self
            .actors
            .values()
            .map(|a| ActorCard {
                actor: &a.reference,
                briefings: a.mentions.len(),
                mentions: a.mentions.values().sum(),
            })
            .collect();
        actors.sort_by(|a, b| a.actor.name.cmp(&b.actor.name).then(a.actor.id.cmp(&b.actor.id)));
        ActorsView { actors }
    }

    pub fn actor(&self, id: &str) -> ActorView<'_> {
        let Some(actor) = self.actors.get(id) else {
            return ActorView {
                actor: Cow::Owned(Shared::new(placeholder(id))),
                roles: Vec::new(),
                appearances: Vec::new(),
                quotes: Vec::new(),
                figures: Vec::new(),
                together: Vec::new(),
            };
        };
        let appearances = actor
            .mentions
            .keys()
            .filter_map(|index| {
                let b = self.briefings.get(*index)?;
                let sentences = b.named.get(id).map_or(&[][..], |named| &named.sentences);
                let sentences = sentences
                    .iter()
                    .map(|s| MentionView {
                        sentence: format!("s{}", s.number),
                        html: &s.html,
                        href: b.sentence_href(s.number),
                    })
                    .collect();
                Some(Appearance { briefing: &b.reference, sentences })
            })
            .collect();
        let quotes = actor.quotes.iter().filter_map(|(b, q)| {
            let b = self.briefings.get(*b)?;
            Some(self.quote(b, b.quotes.get(*q)?.as_ref()?))
        });
        let figures = actor.figures.iter().filter_map(|(b, f)| {
            let b = self.briefings.get(*b)?;
            Some(self.figure(b, b.figures.get(*f)?.as_ref()?))
        });
        let (quotes, figures) = (quotes.collect(), figures.collect());
        let roles = actor
            .roles
            .iter()
            .map(|(role, briefings)| RoleView {
                role,
                briefings: briefings.iter().filter_map(|b| Some(&self.briefings.get(*b)?.reference)).collect(),
            })
            .collect();
        let actor = Cow::Borrowed(&actor.reference);
        ActorView { actor, roles, appearances, quotes, figures, together: self.together(id) }
    }

    /// The actors of the briefings an actor is in: most briefings shared first.
    fn together(&self, id: &str) -> Vec<&Shared<ActorRef>> {
        let Some(actor) = self.actors.get(id) else {
            return Vec::new();
        };
        let mut shared: HashMap<&str, usize> = HashMap::new();
        for index in actor.mentions.keys() {
            for other in self.briefings[*index].briefing.actors.iter().map(|a| a.id.value.as_str()).filter(|o| *o != id)
            {
                *shared.entry(other).or_default() += 1;
            }
        }
        let mut ranked: Vec<(&str, usize)> = shared
            .into_iter()
            .filter(|(other, _)| self.actors.get(*other).is_some_and(|o| !o.mentions.is_empty()))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        ranked.into_iter().take(24).filter_map(|(other, _)| self.actor_ref(other)).collect()
    }

    pub fn facts(&self) -> FactsView<'_> {
        FactsView {
            figures: self.briefings.iter().flat_map(|b| b.traced_figures().map(move |f| self.figure(b, f))).collect(),
        }
    }

    pub fn quotes(&self) -> QuotesView<'_> {
        QuotesView {
            quotes: self.briefings.iter().flat_map(|b| b.traced_quotes().map(move |q| self.quote(b, q))).collect(),
        }
    }

    fn actor_ref(&self, id: &str) -> Option<&Shared<ActorRef>> {
        self.actors.get(id).map(|a| &a.reference)
    }

    fn figure<'m>(&'m self, b: &'m BriefingModel, f: &'m FigureModel) -> FigureView<'m> {
        FigureView {
            id: &f.figure.id.value,
            anchor: &f.anchor,
            label_html: &f.label_html,
            value: &f.value,
            bare_value: &f.bare_value,
            qualifier: f.figure.qualifier.as_ref().map(|q| q.value.as_str()),
            sentence: &f.sentence,
            sentence_href: &f.sentence_href,
            original_href: f.original_href.as_deref(),
            actor: f.figure.actor.as_ref().and_then(|a| b.actor(&a.value).or_else(|| self.actor_ref(&a.value))),
            briefing: &b.reference,
        }
    }

    fn quote<'m>(&'m self, b: &'m BriefingModel, q: &'m QuoteModel) -> QuoteView<'m> {
        let speaker = &q.quote.speaker.value;
        QuoteView {
            id: &q.quote.id.value,
            anchor: &q.anchor,
            text_html: &q.text_html,
            speaker: b
                .actor(speaker)
                .or_else(|| self.actor_ref(speaker))
                .map_or_else(|| Cow::Owned(Shared::new(placeholder(speaker))), Cow::Borrowed),
            sentence: &q.sentence,
            sentence_href: &q.sentence_href,
            original_href: q.original_href.as_deref(),
            briefing: &b.reference,
        }
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

/// The mention a published figure reads back as.
pub fn published_mention(published: &str) -> Option<Mention> {
    numbers::scan(published).into_iter().next()
}

fn briefing_ref<'a>(b: &'a Briefing, mentions: &[Vec<Mention>]) -> BriefingRef<'a> {
    let base = format!("briefings/{}/", b.slug);
    BriefingRef {
        slug: &b.slug,
        title: &b.title.value,
        title_html: traced(&b.title.value, mentions),
        href: format!("{base}index.html"),
        source_href: format!("{base}source.html"),
        print_href: format!("{base}print.html"),
        pdf_href: format!("{base}briefing.pdf"),
        date: b.date.as_ref().map(|d| DateView { iso: &d.value, text: format::date(&d.value) }),
    }
}

/// An actor of a sheet as the pages of that sheet's briefing link to it.
fn actor_ref(a: &Actor) -> ActorRef {
    ActorRef {
        id: a.id.value.clone(),
        name: a.name.value.clone(),
        role: a.role.as_ref().map(|r| r.value.clone()),
        kind: a.kind,
        href: format!("actors/{}/index.html", a.id.value),
    }
}

/// Actors merged by id across briefings (newest briefing first, so its role
/// leads), with every role given and every mention the trace found.
fn merge_actors(briefings: &[BriefingModel]) -> BTreeMap<String, ActorModel> {
    type Roles = Vec<(String, Vec<usize>)>;
    let mut references: BTreeMap<&str, (ActorRef, Roles)> = BTreeMap::new();
    for (index, b) in briefings.iter().enumerate() {
        for a in &b.briefing.actors {
            let (reference, roles) = references.entry(&a.id.value).or_insert_with(|| (actor_ref(a), Vec::new()));
            let Some(role) = &a.role else { continue };
            if reference.role.is_none() {
                reference.role = Some(role.value.clone());
            }
            match roles.iter_mut().find(|(r, _)| *r == role.value) {
                Some((_, given_by)) => given_by.push(index),
                None => roles.push((role.value.clone(), vec![index])),
            }
        }
    }
    let mut actors: BTreeMap<String, ActorModel> = references
        .into_iter()
        .map(|(id, (reference, roles))| {
            let actor = ActorModel {
                reference: Shared::new(reference),
                roles,
                mentions: BTreeMap::new(),
                quotes: Vec::new(),
                figures: Vec::new(),
            };
            (id.to_string(), actor)
        })
        .collect();
    for (index, b) in briefings.iter().enumerate() {
        for (id, named) in &b.named {
            if let Some(actor) = actors.get_mut(*id) {
                actor.mentions.insert(index, named.mentions);
            }
        }
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
