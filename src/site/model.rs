//! One traced briefing, made into what its pages show: its records (card,
//! figures, quotes, actors) and the views of its own pages — the briefing,
//! its annotated source and its printable version.
//!
//! Nothing here looks at other briefings: the pages that list across them
//! are made from the records, later (`index`).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use serde::Serialize;

use super::catalogue::sort_key;
use super::format;
use super::markdown::{Evidence, SummaryFigure, standfirst, summary_html};
use super::publish::{escape, marked, marked_with, one_line, text_fragment, traced, traced_as_figures};
use super::records::{ActorRecord, BriefingRecord, Cited, FigureRecord, QuoteRecord, SourceRecord};
use super::strings::Strings;
use super::views::*;
use crate::numbers::{self, Mention};
use crate::project::Loaded;
use crate::source::Seed;
use crate::trace::{FactKind, FactTrace, Trace};

/// A briefing with everything its pages show, made once.
pub struct BriefingModel<'a> {
    pub loaded: &'a Loaded,
    pub record: BriefingRecord,
    pub figures: Vec<FigureRecord>,
    pub quotes: Vec<QuoteRecord>,
    pub actors: Vec<ActorRecord>,
    pub summary_html: Option<String>,
    /// The words of each sentence (by number) that state a figure or a quote.
    marks: BTreeMap<usize, Vec<Mark>>,
}

/// Words of a sentence that state a figure or a quote: a byte range of the
/// sentence's raw text.
struct Mark {
    range: Range<usize>,
    of: Marked,
}

enum Marked {
    /// A figure, by id.
    Figure(String),
    /// A quote, by anchor.
    Quote(String),
}

impl<'a> BriefingModel<'a> {
    pub fn new(loaded: &'a Loaded, trace: &Trace, strings: &Strings) -> BriefingModel<'a> {
        let (briefing, seed) = (&loaded.briefing, &loaded.seed);
        let facts: HashMap<(FactKind, &str), &FactTrace> =
            trace.facts.iter().map(|f| ((f.kind, f.id.as_str()), f)).collect();
        let stated = |kind, id: &str| facts.get(&(kind, id)).and_then(|f| f.stated.as_ref());
        let original_href = |sentence: usize| {
            let url = briefing.source_url.as_ref()?;
            let s = seed.sentences.get(sentence - 1)?;
            Some(text_fragment(&url.value, &s.text(&seed.text)))
        };
        let mut marks: BTreeMap<usize, Vec<Mark>> = BTreeMap::new();
        let figures: Vec<FigureRecord> = briefing
            .figures
            .iter()
            .filter_map(|f| {
                let at = stated(FactKind::Number, &f.id.value)?;
                let sentence = at.sentence;
                let qualifier = f.qualifier.as_ref().map(|q| q.value.as_str());
                let range = within(seed, sentence, &at.span);
                marks
                    .entry(sentence)
                    .or_default()
                    .push(Mark { range: range.clone(), of: Marked::Figure(f.id.value.clone()) });
                Some(FigureRecord {
                    id: f.id.value.clone(),
                    label_html: traced(&f.label.value, &seed.mentions),
                    value: format::figure(&f.value.value, f.unit(), qualifier),
                    bare_value: format::figure(&f.value.value, f.unit(), None),
                    qualifier: qualifier.map(str::to_string),
                    sentence,
                    sentence_html: sentence_html(seed, sentence, range),
                    original_href: original_href(sentence),
                    actor: f.actor.as_ref().map(|a| a.value.clone()),
                })
            })
            .collect();
        let quotes: Vec<QuoteRecord> = briefing
            .quotes
            .iter()
            .filter_map(|q| {
                let fact = facts.get(&(FactKind::Quote, q.id.value.as_str()))?;
                let at = fact.stated.as_ref()?;
                let sentence = at.sentence;
                let range = within(seed, sentence, &at.span);
                let anchor = anchor_id(&q.id.value);
                // the quoted words in each sentence a quote covers
                for n in std::iter::once(sentence).chain(fact.also.iter().map(|s| s.sentence)) {
                    let range = within(seed, n, &at.span);
                    if !range.is_empty() {
                        marks.entry(n).or_default().push(Mark { range, of: Marked::Quote(anchor.clone()) });
                    }
                }
                Some(QuoteRecord {
                    also: fact.also.iter().map(|s| s.sentence).collect(),
                    id: q.id.value.clone(),
                    anchor,
                    text_html: escape(&q.text.value),
                    speaker: q.speaker.value.clone(),
                    sentence,
                    sentence_html: sentence_html(seed, sentence, range),
                    short: q.text.value.split_whitespace().count() <= 2,
                    original_href: original_href(sentence),
                })
            })
            .collect();
        let mut actors: Vec<ActorRecord> = briefing
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
        // as a reader looks a name up: by name, in any case, accents aside
        actors.sort_by_cached_key(|a| (sort_key(&a.name), a.id.clone()));
        let summary_figures: Vec<SummaryFigure> = figures
            .iter()
            .filter_map(|f| {
                let published = published_mention(&f.value)?;
                Some(SummaryFigure { published, sentence: f.sentence, sentence_html: f.sentence_html.clone() })
            })
            .collect();
        let standfirst =
            briefing.summary.as_ref().and_then(|s| standfirst(&s.markdown, &summary_figures, &seed.mentions));
        let url = briefing.source_url.as_ref().map(|u| u.value.clone());
        let record = BriefingRecord {
            slug: briefing.slug.clone(),
            title: briefing.title.value.clone(),
            title_html: traced_as_figures(&briefing.title.value, &seed.mentions, &summary_figures),
            date: briefing.date.as_ref().map(|d| d.value.clone()),
            figures: briefing.figures.len(),
            quotes: briefing.quotes.len(),
            actors: briefing.actors.len(),
            source: SourceRecord {
                publisher: briefing.publisher.as_ref().map(|p| p.value.trim().to_string()).filter(|p| !p.is_empty()),
                title_html: briefing
                    .source_title
                    .as_ref()
                    .map(|t| traced_as_figures(t.value.trim(), &seed.mentions, &summary_figures)),
                host: url.as_deref().and_then(host_of),
                url,
            },
            standfirst,
        };
        let sentence_of = |n: usize| sentence_html(seed, n, 0..0);
        let evidence = Evidence {
            sentence_html: &sentence_of,
            original_href: &original_href,
            in_source: strings.get("in_the_source"),
            in_original: strings.get("in_the_original"),
        };
        let summary_html = briefing
            .summary
            .as_ref()
            .map(|summary| summary_html(&summary.markdown, &summary_figures, &seed.mentions, Some(&evidence)));
        BriefingModel { loaded, record, figures, quotes, actors, summary_html, marks }
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
        // the sentences the title, the labels, the source's headline and the standfirst link their numbers to
        let source = &self.record.source;
        for html in std::iter::once(&self.record.title_html)
            .chain(self.figures.iter().map(|f| &f.label_html))
            .chain(source.title_html.as_ref())
            .chain(self.record.standfirst.as_ref().map(|s| &s.html))
        {
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

    pub fn briefing(&self) -> BriefingView<'m> {
        BriefingView {
            briefing: self.briefing,
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
            summary_html: self.model.summary_html.as_deref(),
            figures,
            quotes,
            actors: self.actors.iter().collect(),
            notes,
        }
    }

    /// The annotated source: every sentence, the words of each that state a
    /// figure or a quote marked, each mark described by the link back to
    /// what it states.
    pub fn source(&self) -> SourceView<'m> {
        let model = self.model;
        let seed = &model.loaded.seed;
        // shown as the text is laid out: a sentence after a line break starts a new paragraph
        let mut paragraphs: Vec<Vec<SentenceView>> = Vec::new();
        let mut previous_end = 0;
        for s in &seed.sentences {
            let gap = &seed.text[previous_end.min(s.span.start)..s.span.start];
            if paragraphs.is_empty() || gap.contains('\n') {
                paragraphs.push(Vec::new());
            }
            previous_end = s.span.end;
            let (html, cited_by) = self.sentence_marked(s.number, s.raw(&seed.text));
            if let Some(paragraph) = paragraphs.last_mut() {
                paragraph.push(SentenceView { id: s.id(), html, cited_by });
            }
        }
        SourceView { briefing: self.briefing, paragraphs, sentences: seed.sentences.len(), cited: model.marks.len() }
    }

    /// Sentence `n` (its raw text) as HTML, its marks described by the citations it gets.
    fn sentence_marked(&self, n: usize, raw: &str) -> (String, Vec<Citation<'m>>) {
        let model = self.model;
        let Some(marks) = model.marks.get(&n) else {
            return (escape(&one_line(raw)), Vec::new());
        };
        let mut citations: Vec<Citation> = Vec::new();
        let mut tags: Vec<(Range<usize>, String)> = Vec::new();
        for mark in marks {
            let id = format!("cite-s{n}-{}", citations.len() + 1);
            let citation = match &mark.of {
                Marked::Figure(fid) => {
                    let Some(f) = model.figures.iter().find(|f| &f.id == fid) else { continue };
                    Citation {
                        kind: "figure",
                        label_html: Cow::Borrowed(f.label_html.as_str()),
                        speaker: None,
                        sentences: format!("s{}", f.sentence),
                        href: format!("{}#figure-{}", self.briefing.href, f.id),
                        id: id.clone(),
                    }
                }
                Marked::Quote(anchor) => {
                    let Some(q) = model.quotes.iter().find(|q| &q.anchor == anchor) else { continue };
                    let speaker = self.actor(&q.speaker).map_or(q.speaker.as_str(), |a| a.name.as_str());
                    Citation {
                        kind: "quote",
                        label_html: Cow::Borrowed(q.text_html.as_str()),
                        speaker: Some(speaker),
                        sentences: std::iter::once(q.sentence)
                            .chain(q.also.iter().copied())
                            .map(|n| format!("s{n}"))
                            .collect::<Vec<_>>()
                            .join(" "),
                        href: format!("{}#quote-{}", self.briefing.href, q.anchor),
                        id: id.clone(),
                    }
                }
            };
            // a quote over several sentences links back from each, once
            if citations.iter().any(|c| c.href == citation.href) {
                continue;
            }
            tags.push((mark.range.clone(), format!("<mark aria-describedby=\"{id}\">")));
            citations.push(citation);
        }
        tags.sort_by_key(|(range, _)| range.start);
        (marked_with(raw, &tags), citations)
    }
}

/// The part of `span` (of the seed) inside sentence `n`, as a range of the sentence's raw text.
fn within(seed: &Seed, n: usize, span: &Range<usize>) -> Range<usize> {
    let Some(s) = n.checked_sub(1).and_then(|i| seed.sentences.get(i)) else {
        return 0..0;
    };
    let start = span.start.clamp(s.span.start, s.span.end);
    let end = span.end.clamp(start, s.span.end);
    start - s.span.start..end - s.span.start
}

/// Sentence `n` as one line of HTML, `range` of it marked.
fn sentence_html(seed: &Seed, n: usize, range: Range<usize>) -> String {
    match n.checked_sub(1).and_then(|i| seed.sentences.get(i)) {
        Some(s) if !range.is_empty() => marked(s.raw(&seed.text), &[range]),
        Some(s) => escape(&one_line(s.raw(&seed.text))),
        None => String::new(),
    }
}

/// The host of a web address: `https://www.cityam.com/a` → `www.cityam.com`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    (!host.is_empty()).then(|| host.to_string())
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
