//! What templates see: small view structs made for them, never the model.
//! Every string that can hold a number arrives as HTML already marked with
//! `data-trace` (the `*_html` fields), so a template cannot publish a
//! number without saying where it comes from.
//!
//! Views borrow what the model made once; the references to a briefing or
//! an actor, which many rows of many pages repeat, are [`Shared`].

use std::borrow::Cow;
use std::ops::Deref;

use serde::{Serialize, Serializer};

use std::collections::BTreeMap;

use super::records::{BriefingRecord, FigureRecord, QuoteRecord, SourceRecord, Standfirst};
use super::strings::Strings;
use crate::sheet::ActorKind;

/// The site as every page sees it.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub language: &'a str,
    /// Each briefing has a PDF beside its print page.
    pub pdf: bool,
    /// Where the site is published, ending in `/`; `None`: links stay relative, and no feed.
    pub base_url: Option<&'a str>,
    /// The site's description: the project's, or the interface's.
    pub description: &'a str,
    #[serde(skip)]
    pub strings: &'a Strings,
    /// Items a page of a list shows.
    #[serde(skip)]
    pub paginate_by: usize,
    /// The interface's words, for templates: `{{ t.summary }}`.
    #[serde(skip)]
    pub words: Shared<&'a BTreeMap<&'static str, String>>,
}

impl<'a> SiteView<'a> {
    pub fn new(settings: &'a super::Settings, strings: &'a Strings) -> SiteView<'a> {
        SiteView {
            title: &settings.title,
            language: &settings.language,
            pdf: settings.pdf,
            base_url: settings.base_url.as_deref(),
            description: settings.description.as_deref().unwrap_or_else(|| strings.get("site_description")),
            strings,
            paginate_by: settings.paginate_by,
            words: Shared::new(strings.words()),
        }
    }
}

/// What every page's context holds besides its own view.
#[derive(Debug, Serialize)]
pub struct Frame<'a, T: Serialize> {
    pub site: &'a SiteView<'a>,
    /// The interface's words.
    pub t: &'a Shared<&'a BTreeMap<&'static str, String>>,
    /// From this page to the site root: `""`, `"../"`, `"../../"`. Every
    /// link is `{{ root }}` + a path from the root, so the site works from
    /// disk and under any path.
    pub root: &'a str,
    /// Which section the page belongs to, for the navigation.
    pub section: &'static str,
    /// What the page's head says of it.
    pub head: HeadView<'a>,
    #[serde(flatten)]
    pub page: T,
}

/// What a page's head says of it: its description (a meta description that
/// the published-number check reads like the page's text, so it cites the
/// sentences its numbers come from) and, with `base_url`, its address.
#[derive(Debug, Serialize)]
pub struct HeadView<'a> {
    /// The page's own address, with `base_url`: `https://…/briefings/x/`.
    pub canonical: Option<String>,
    /// The page's title for link previews (`og:title`), and what its numbers cite.
    pub title: Cow<'a, str>,
    pub title_cites: Cow<'a, str>,
    pub description: Cow<'a, str>,
    /// `s1 s16`: the sentences the description's numbers come from (empty: none).
    pub description_cites: Cow<'a, str>,
    /// The briefing the page is about, for `data-briefing`.
    pub briefing: Option<&'a str>,
    /// `article` for a briefing's pages, `website` for the others.
    pub kind: &'static str,
}

/// A view that many pages show — a briefing or an actor as other pages
/// link to it — made into a template value once. Every page's context then
/// shares that value (Tera takes a serialized `tera::Value` as it is)
/// instead of converting the view again for each row that shows it.
#[derive(Debug, Clone)]
pub struct Shared<T> {
    view: T,
    /// `None` only if the view could not be made a value: it is then serialized each time.
    value: Option<tera::Value>,
}

impl<T: Serialize> Shared<T> {
    pub fn new(view: T) -> Self {
        let value = tera::Value::try_from_serializable(&view).ok();
        Shared { view, value }
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.view
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.value {
            Some(value) => value.serialize(serializer),
            None => self.view.serialize(serializer),
        }
    }
}

/// A briefing as other pages link to it.
#[derive(Debug, Serialize)]
pub struct BriefingRef<'a> {
    /// Where its seed was published: outlet, headline, address.
    pub source: &'a SourceRecord,
    /// The summary's first sentence.
    pub standfirst: Option<&'a Standfirst>,
    pub slug: &'a str,
    /// The title as plain text, for `<title>` (the head is not published text).
    pub title: &'a str,
    pub title_html: &'a str,
    /// `briefings/<slug>/index.html`, from the root.
    pub href: String,
    pub source_href: String,
    pub print_href: String,
    /// `briefings/<slug>/briefing.pdf`, written by `build --pdf`.
    pub pdf_href: String,
    pub date: Option<DateView<'a>>,
}

impl<'a> BriefingRef<'a> {
    pub fn of(b: &'a BriefingRecord, strings: &Strings) -> BriefingRef<'a> {
        let base = format!("briefings/{}/", b.slug);
        BriefingRef {
            source: &b.source,
            standfirst: b.standfirst.as_ref(),
            slug: &b.slug,
            title: &b.title,
            title_html: &b.title_html,
            href: format!("{base}index.html"),
            source_href: format!("{base}source.html"),
            print_href: format!("{base}print.html"),
            pdf_href: format!("{base}briefing.pdf"),
            date: b.date.as_deref().map(|iso| DateView { iso, text: strings.date(iso) }),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct DateView<'a> {
    /// `2025-02-17`
    pub iso: &'a str,
    /// `17 February 2025`
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorRef {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub kind: ActorKind,
    pub href: String,
}

impl ActorRef {
    pub fn of(id: &str, name: &str, role: Option<&str>, kind: ActorKind) -> ActorRef {
        ActorRef {
            id: id.to_string(),
            name: name.to_string(),
            role: role.map(str::to_string),
            kind,
            href: format!("actors/{id}/index.html"),
        }
    }
}

/// A figure as published: its value formatted in Rust, where it is stated.
#[derive(Debug, Serialize)]
pub struct FigureView<'a> {
    pub id: &'a str,
    /// `figure-<id>`: the anchor on the briefing page.
    pub anchor: String,
    pub label_html: &'a str,
    /// `upwards of 100,000 troops`, exactly as the check reads it back.
    pub value: &'a str,
    /// The same, as HTML.
    pub value_html: String,
    /// The value without its qualifier.
    pub bare_value: &'a str,
    pub qualifier: Option<&'a str>,
    /// `s16`
    pub sentence: String,
    #[serde(skip)]
    pub number: usize,
    /// The sentence that states it, as one line of HTML, the words that state the figure marked.
    pub sentence_html: &'a str,
    /// `briefings/<slug>/source.html#s16`
    pub sentence_href: String,
    /// The sentence on the original page (a text fragment), when `source_url` is set.
    pub original_href: Option<&'a str>,
    pub actor: Option<&'a Shared<ActorRef>>,
    pub briefing: &'a Shared<BriefingRef<'a>>,
}

impl<'a> FigureView<'a> {
    pub fn of(f: &'a FigureRecord, briefing: &'a Shared<BriefingRef<'a>>, actor: Option<&'a Shared<ActorRef>>) -> Self {
        FigureView {
            id: &f.id,
            anchor: format!("figure-{}", f.id),
            label_html: &f.label_html,
            value: &f.value,
            value_html: super::publish::escape(&f.value),
            bare_value: &f.bare_value,
            qualifier: f.qualifier.as_deref(),
            sentence: format!("s{}", f.sentence),
            number: f.sentence,
            sentence_html: &f.sentence_html,
            sentence_href: format!("briefings/{}/source.html#s{}", briefing.slug, f.sentence),
            original_href: f.original_href.as_deref(),
            actor,
            briefing,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct QuoteView<'a> {
    pub id: &'a str,
    pub anchor: String,
    /// The quote's words, marked as stated by their sentence.
    pub text_html: &'a str,
    /// The speaker; a placeholder made from the id when no actor has it.
    pub speaker: Cow<'a, Shared<ActorRef>>,
    /// `s16`: where the quote starts.
    pub sentence: String,
    /// `s16 s17`: every sentence a quote over several covers, for `data-trace`.
    pub sentences: String,
    #[serde(skip)]
    pub number: usize,
    /// Its first sentence, as one line of HTML, the quoted words marked.
    pub sentence_html: &'a str,
    /// One or two words: shown in the sentence they stand in.
    pub short: bool,
    pub sentence_href: String,
    pub original_href: Option<&'a str>,
    pub briefing: &'a Shared<BriefingRef<'a>>,
}

impl<'a> QuoteView<'a> {
    pub fn of(
        q: &'a QuoteRecord,
        briefing: &'a Shared<BriefingRef<'a>>,
        speaker: Option<&'a Shared<ActorRef>>,
    ) -> Self {
        let speaker = match speaker {
            Some(actor) => Cow::Borrowed(actor),
            None => Cow::Owned(Shared::new(ActorRef::of(&q.speaker, &q.speaker, None, ActorKind::default()))),
        };
        QuoteView {
            id: &q.id,
            anchor: format!("quote-{}", q.anchor),
            text_html: &q.text_html,
            speaker,
            sentence: format!("s{}", q.sentence),
            sentences: std::iter::once(q.sentence)
                .chain(q.also.iter().copied())
                .map(|n| format!("s{n}"))
                .collect::<Vec<_>>()
                .join(" "),
            number: q.sentence,
            sentence_html: &q.sentence_html,
            short: q.short,
            sentence_href: format!("briefings/{}/source.html#s{}", briefing.slug, q.sentence),
            original_href: q.original_href.as_deref(),
            briefing,
        }
    }
}

/// Links to the other pages of a list that runs over several pages.
#[derive(Debug, Serialize)]
pub struct Pagination {
    /// 1-based.
    pub current: usize,
    pub total: usize,
    /// From the site root; `None` on the first (or last) page.
    pub previous_href: Option<String>,
    pub next_href: Option<String>,
    /// The pages to link by number: the first, the last, and those near the
    /// current one; `None` stands for a gap.
    pub pages: Vec<Option<PageLink>>,
}

#[derive(Debug, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub href: String,
    pub current: bool,
}

/// `index.html` and `page/N/index.html`: the briefings, newest first.
#[derive(Debug, Serialize)]
pub struct HomeView<'a> {
    pub briefings: Vec<BriefingCard<'a>>,
    pub pagination: Pagination,
}

#[derive(Debug, Serialize)]
pub struct BriefingCard<'a> {
    pub briefing: &'a Shared<BriefingRef<'a>>,
    pub figures: usize,
    pub quotes: usize,
    pub actors: usize,
    /// The form of the word each count takes in the site's language,
    /// `one` or `other`: `{{ t["figure_" ~ card.figures_form] }}`.
    pub figures_form: &'static str,
    pub quotes_form: &'static str,
    pub actors_form: &'static str,
}

/// `briefings/<slug>/index.html`
#[derive(Debug, Serialize)]
pub struct BriefingView<'a> {
    pub briefing: &'a Shared<BriefingRef<'a>>,
    pub summary_html: Option<&'a str>,
    pub figures: Vec<FigureView<'a>>,
    pub actors: Vec<&'a Shared<ActorRef>>,
    pub quotes: Vec<QuoteView<'a>>,
}

/// `briefings/<slug>/source.html`
#[derive(Debug, Serialize)]
pub struct SourceView<'a> {
    pub briefing: &'a Shared<BriefingRef<'a>>,
    pub paragraphs: Vec<Vec<SentenceView<'a>>>,
    pub sentences: usize,
    pub cited: usize,
}

#[derive(Debug, Serialize)]
pub struct SentenceView<'a> {
    /// `s16`
    pub id: String,
    /// The sentence as one line of HTML, the words that state a figure or a quote marked.
    pub html: String,
    pub cited_by: Vec<Citation<'a>>,
}

/// What cites a sentence: a figure or a quote of the briefing page.
#[derive(Debug, Serialize)]
pub struct Citation<'a> {
    /// `figure` or `quote`.
    pub kind: &'static str,
    /// The figure's label, or the quote's words.
    pub label_html: Cow<'a, str>,
    /// Who says a quote.
    pub speaker: Option<&'a str>,
    /// `s3 s4`: the sentences a quote's words stand in, which account for their numbers.
    pub sentences: String,
    pub href: String,
    /// The back-link's id, which its mark in the sentence is described by.
    pub id: String,
}

/// `actors/index.html` and its further pages
#[derive(Debug, Serialize)]
pub struct ActorsView<'a> {
    /// The actors of the page, by kind: people, organisations, countries.
    pub groups: Vec<ActorGroup<'a>>,
    pub pagination: Pagination,
}

#[derive(Debug, Serialize)]
pub struct ActorGroup<'a> {
    pub kind: ActorKind,
    pub actors: Vec<ActorCard<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ActorCard<'a> {
    pub actor: &'a ActorRef,
    pub briefings: usize,
    pub mentions: usize,
}

/// `actors/<id>/index.html` and its further pages
#[derive(Debug, Serialize)]
pub struct ActorView<'a> {
    pub actor: &'a ActorRef,
    /// Each role the briefings give the actor, with the briefings that give it (newest first).
    pub roles: Vec<RoleView<'a>>,
    pub appearances: Vec<Appearance<'a>>,
    pub quotes: Vec<QuoteView<'a>>,
    pub figures: Vec<FigureView<'a>>,
    pub together: Vec<&'a ActorRef>,
    pub pagination: Pagination,
}

/// A role of an actor, and the briefings whose sheets give it.
#[derive(Debug, Serialize)]
pub struct RoleView<'a> {
    pub role: &'a str,
    pub briefings: Vec<&'a Shared<BriefingRef<'a>>>,
}

/// The sentences of one briefing that mention an actor.
#[derive(Debug, Serialize)]
pub struct Appearance<'a> {
    pub briefing: &'a Shared<BriefingRef<'a>>,
    pub sentences: Vec<MentionView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct MentionView<'a> {
    pub sentence: String,
    /// The sentence with the actor's name marked.
    pub html: &'a str,
    pub href: String,
}

/// `facts/index.html` and its further pages: figures grouped by briefing.
#[derive(Debug, Serialize)]
pub struct FactsView<'a> {
    pub groups: Vec<FactGroup<'a>>,
    pub pagination: Pagination,
}

#[derive(Debug, Serialize)]
pub struct FactGroup<'a> {
    pub briefing: &'a Shared<BriefingRef<'a>>,
    pub figures: Vec<FigureView<'a>>,
}

/// `quotes/index.html` and its further pages: quotes grouped by briefing.
#[derive(Debug, Serialize)]
pub struct QuotesView<'a> {
    pub groups: Vec<QuoteGroup<'a>>,
    pub pagination: Pagination,
}

#[derive(Debug, Serialize)]
pub struct QuoteGroup<'a> {
    pub briefing: &'a Shared<BriefingRef<'a>>,
    pub quotes: Vec<QuoteView<'a>>,
}

/// `briefings/<slug>/print.html`: the briefing for paper, each figure and
/// quote with a footnote that prints the sentence stating it.
#[derive(Debug, Serialize)]
pub struct PrintView<'a> {
    pub briefing: &'a Shared<BriefingRef<'a>>,
    pub summary_html: Option<&'a str>,
    pub figures: Vec<PrintFigure<'a>>,
    pub quotes: Vec<PrintQuote<'a>>,
    pub actors: Vec<&'a Shared<ActorRef>>,
    /// The sentences cited, each once, numbered in order of first citation.
    pub notes: Vec<Note<'a>>,
}

#[derive(Debug, Serialize)]
pub struct PrintFigure<'a> {
    pub figure: FigureView<'a>,
    /// The footnote's number.
    pub note: usize,
}

#[derive(Debug, Serialize)]
pub struct PrintQuote<'a> {
    pub quote: QuoteView<'a>,
    pub note: usize,
}

/// A footnote: the exact sentence of the seed.
#[derive(Debug, Serialize)]
pub struct Note<'a> {
    pub number: usize,
    /// `s16`
    pub sentence: String,
    pub text: Cow<'a, str>,
    /// The sentence opens or closes with its own quotation mark: printed
    /// as it stands, without the marks `<q>` would add.
    pub has_quote_marks: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row<'a, T: Serialize> {
        actor: &'a T,
        speaker: Option<&'a T>,
    }

    #[test]
    fn a_shared_view_gives_templates_what_its_view_gives() {
        let actor = ActorRef {
            id: "ana-ruiz".into(),
            name: "Ana Ruiz".into(),
            role: Some("Mayor <of> the town".into()),
            kind: Default::default(),
            href: "actors/ana-ruiz/index.html".into(),
        };
        let shared = Shared::new(actor.clone());
        let context = |value: tera::Value| tera::Context::from_serialize(&value).unwrap();
        let plain = tera::Value::from_serializable(&Row { actor: &actor, speaker: Some(&actor) });
        let via_shared = tera::Value::from_serializable(&Row { actor: &shared, speaker: Some(&shared) });
        assert_eq!(plain, via_shared);
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html"]);
        tera.add_raw_template("row.html", "{{ actor.name }}, {{ speaker.role }}: {{ actor.href }}").unwrap();
        assert_eq!(
            tera.render("row.html", &context(via_shared)).unwrap(),
            tera.render("row.html", &context(plain)).unwrap()
        );
    }
}
