//! What templates see: small view structs made for them, never the model.
//! Every string that can hold a number arrives as HTML already marked with
//! `data-trace` (the `*_html` fields), so a template cannot publish a
//! number without saying where it comes from.

use serde::Serialize;

/// The site as every page sees it.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub language: &'a str,
    /// Each briefing has a PDF beside its print page.
    pub pdf: bool,
}

/// What every page's context holds besides its own view.
#[derive(Debug, Serialize)]
pub struct Frame<'a, T: Serialize> {
    pub site: &'a SiteView<'a>,
    /// From this page to the site root: `""`, `"../"`, `"../../"`. Every
    /// link is `{{ root }}` + a path from the root, so the site works from
    /// disk and under any path.
    pub root: &'static str,
    /// Which section the page belongs to, for the navigation.
    pub section: &'static str,
    #[serde(flatten)]
    pub page: T,
}

/// A briefing as other pages link to it.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingRef {
    pub slug: String,
    /// The title as plain text, for `<title>` (the head is not published text).
    pub title: String,
    pub title_html: String,
    /// `briefings/<slug>/index.html`, from the root.
    pub href: String,
    pub source_href: String,
    pub print_href: String,
    /// `briefings/<slug>/briefing.pdf`, written by `build --pdf`.
    pub pdf_href: String,
    pub date: Option<DateView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// `2025-02-17`
    pub iso: String,
    /// `17 February 2025`
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorRef {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub kind: crate::sheet::ActorKind,
    pub href: String,
}

/// A figure as published: its value formatted in Rust, where it is stated.
#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    pub id: String,
    /// `figure-<id>`: the anchor on the briefing page.
    pub anchor: String,
    pub label_html: String,
    /// `upwards of 100,000 troops`, exactly as the check reads it back.
    pub value: String,
    /// The value without its qualifier.
    pub bare_value: String,
    pub qualifier: Option<String>,
    /// `s16`
    pub sentence: String,
    /// `briefings/<slug>/source.html#s16`
    pub sentence_href: String,
    /// The sentence on the original page (a text fragment), when `source_url` is set.
    pub original_href: Option<String>,
    pub actor: Option<ActorRef>,
    pub briefing: BriefingRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    pub id: String,
    pub anchor: String,
    /// The quote's words, marked as stated by their sentence.
    pub text_html: String,
    pub speaker: ActorRef,
    pub sentence: String,
    pub sentence_href: String,
    pub original_href: Option<String>,
    pub briefing: BriefingRef,
}

/// `index.html`: every briefing, newest first.
#[derive(Debug, Serialize)]
pub struct HomeView {
    pub briefings: Vec<BriefingCard>,
}

#[derive(Debug, Serialize)]
pub struct BriefingCard {
    pub briefing: BriefingRef,
    pub figures: usize,
    pub quotes: usize,
    pub actors: usize,
}

/// `briefings/<slug>/index.html`
#[derive(Debug, Serialize)]
pub struct BriefingView {
    pub briefing: BriefingRef,
    /// The seed's path in the project (`seeds/…txt`).
    pub source_file: String,
    pub source_url: Option<String>,
    pub summary_html: Option<String>,
    pub figures: Vec<FigureView>,
    pub actors: Vec<ActorRef>,
    pub quotes: Vec<QuoteView>,
}

/// `briefings/<slug>/source.html`
#[derive(Debug, Serialize)]
pub struct SourceView {
    pub briefing: BriefingRef,
    pub source_file: String,
    pub source_url: Option<String>,
    pub paragraphs: Vec<Vec<SentenceView>>,
    pub sentences: usize,
    pub cited: usize,
}

#[derive(Debug, Serialize)]
pub struct SentenceView {
    /// `s16`
    pub id: String,
    pub text: String,
    pub cited_by: Vec<Citation>,
}

/// What cites a sentence: a figure or a quote of the briefing page.
#[derive(Debug, Serialize)]
pub struct Citation {
    pub kind: &'static str,
    pub label_html: String,
    pub href: String,
}

/// `actors/index.html`
#[derive(Debug, Serialize)]
pub struct ActorsView {
    pub actors: Vec<ActorCard>,
}

#[derive(Debug, Serialize)]
pub struct ActorCard {
    pub actor: ActorRef,
    pub briefings: usize,
    pub mentions: usize,
}

/// `actors/<id>/index.html`
#[derive(Debug, Serialize)]
pub struct ActorView {
    pub actor: ActorRef,
    pub appearances: Vec<Appearance>,
    pub quotes: Vec<QuoteView>,
    pub figures: Vec<FigureView>,
    pub together: Vec<ActorRef>,
}

/// The sentences of one briefing that mention an actor.
#[derive(Debug, Serialize)]
pub struct Appearance {
    pub briefing: BriefingRef,
    pub sentences: Vec<MentionView>,
}

#[derive(Debug, Serialize)]
pub struct MentionView {
    pub sentence: String,
    /// The sentence with the actor's name marked.
    pub html: String,
    pub href: String,
}

/// `facts/index.html`
#[derive(Debug, Serialize)]
pub struct FactsView {
    pub figures: Vec<FigureView>,
}

/// `quotes/index.html`
#[derive(Debug, Serialize)]
pub struct QuotesView {
    pub quotes: Vec<QuoteView>,
}

/// `briefings/<slug>/print.html`: the briefing for paper, each figure and
/// quote with a footnote that prints the sentence stating it.
#[derive(Debug, Serialize)]
pub struct PrintView {
    pub briefing: BriefingRef,
    pub source_file: String,
    pub source_url: Option<String>,
    pub summary_html: Option<String>,
    pub figures: Vec<PrintFigure>,
    pub quotes: Vec<PrintQuote>,
    pub actors: Vec<ActorRef>,
    /// The sentences cited, each once, numbered in order of first citation.
    pub notes: Vec<Note>,
    /// The print stylesheet, inlined so the page stands alone.
    pub style: String,
}

#[derive(Debug, Serialize)]
pub struct PrintFigure {
    pub figure: FigureView,
    /// The footnote's number.
    pub note: usize,
}

#[derive(Debug, Serialize)]
pub struct PrintQuote {
    pub quote: QuoteView,
    pub note: usize,
}

/// A footnote: the exact sentence of the seed.
#[derive(Debug, Serialize)]
pub struct Note {
    pub number: usize,
    /// `s16`
    pub sentence: String,
    pub text: String,
}
