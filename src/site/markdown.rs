//! The summary: Markdown to HTML (pulldown-cmark), made inert (ammonia: no
//! `<script>`, `onerror=`, `<iframe>` or `javascript:` links survive), and
//! every number in it that equals a figure of the briefing published as that
//! figure, linked to its sentence. A year or date the seed states is linked
//! to the first sentence that states it. Any other number is left bare, for
//! the published-number check to report.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, doc_text, element, rewrite_str};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

use super::publish::{escape, in_ranges, stating_sentence};
use super::records::Standfirst;
use crate::numbers::{self, Kind, Mention};

/// A figure a summary may publish: its value as the site publishes it, and
/// the sentence it is traced to.
pub struct SummaryFigure {
    pub published: Mention,
    pub sentence: usize,
    /// Its sentence as one line of HTML, the words stating it marked.
    pub sentence_html: String,
}

/// What the summary shows of a number's sentence when the reader points at
/// the number: the sentence itself, and links to it in the annotated source
/// and in the original article.
pub struct Evidence<'a> {
    /// Sentence N (from 1) as one line of HTML.
    pub sentence_html: &'a dyn Fn(usize) -> String,
    /// Sentence N on the original page, when the briefing has its address.
    pub original_href: &'a dyn Fn(usize) -> Option<String>,
    /// `in the annotated source`, `in the original article`.
    pub in_source: &'a str,
    pub in_original: &'a str,
}

/// The summary as HTML for the briefing page (links are relative to it);
/// `seed` holds the mentions of each sentence of the briefing's seed.
///
/// With `evidence`, each number is a button that shows its sentence (see
/// `templates/components.html`); without, a link to it.
pub fn summary_html(
    markdown: &str,
    figures: &[SummaryFigure],
    seed: &[Vec<Mention>],
    evidence: Option<&Evidence>,
) -> String {
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH));
    // images are dropped: a briefing works offline, and an image needs alt text the summary may lack
    let mut cleaner = ammonia::Builder::default();
    cleaner.link_rel(Some("noopener noreferrer")).rm_tags(["img"]);
    let clean = cleaner.clean(&raw).to_string();
    link_figures(&clean, &Linker { figures, seed, evidence, shown: Cell::new(0) }).unwrap_or(clean)
}

/// The summary's first sentence, as plain text and as HTML whose numbers
/// are marked as [`summary_html`] links them: a figure's value with the
/// figure's sentence, a year or date with the first sentence that states it;
/// any other number bare, for the published-number check to report.
pub fn standfirst(markdown: &str, figures: &[SummaryFigure], seed: &[Vec<Mention>]) -> Option<Standfirst> {
    let paragraph = first_paragraph(markdown);
    let range = crate::source::split_sentences(&paragraph).into_iter().next()?;
    let text = paragraph[range].trim().to_string();
    if text.is_empty() {
        return None;
    }
    let linker = Linker { figures, seed, evidence: None, shown: Cell::new(0) };
    let mut html = String::with_capacity(text.len() + 64);
    let mut cites: Vec<usize> = Vec::new();
    let mut at = 0;
    let found = numbers::scan(&text).into_iter().map(|m| (m.span.clone(), linker.sentence_of(&m)));
    for (span, cited) in in_ranges(&text, found, |a, b| a == b) {
        let Some(&[n, ..]) = cited.as_deref() else {
            continue;
        };
        html.push_str(&escape(&text[at..span.start]));
        html.push_str(&format!("<span data-trace=\"s{n}\">{}</span>", escape(&text[span.clone()])));
        cites.push(n);
        at = span.end;
    }
    html.push_str(&escape(&text[at..]));
    cites.sort_unstable();
    cites.dedup();
    let cites = cites.iter().map(|n| format!("s{n}")).collect::<Vec<_>>().join(" ");
    Some(Standfirst { html, text, cites })
}

/// The text of the Markdown's first paragraph (or heading), its markup left out.
fn first_paragraph(markdown: &str) -> String {
    let mut text = String::new();
    let mut inside = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. }) => inside = true,
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) if inside => break,
            Event::Text(t) | Event::Code(t) if inside => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if inside => text.push(' '),
            _ => {}
        }
    }
    text
}

/// What a summary's numbers may be linked to.
struct Linker<'a> {
    figures: &'a [SummaryFigure],
    seed: &'a [Vec<Mention>],
    evidence: Option<&'a Evidence<'a>>,
    /// How many numbers show their sentence so far, for their ids.
    shown: Cell<usize>,
}

impl Linker<'_> {
    /// The sentence a number of the summary is published from: the figure
    /// it equals, or for a year or date the first sentence that states it.
    fn sentence_of(&self, m: &Mention) -> Option<usize> {
        self.stated(m).map(|(n, _)| n)
    }

    /// The sentence of `m`, and the figure it is published as, if any.
    fn stated(&self, m: &Mention) -> Option<(usize, Option<&SummaryFigure>)> {
        if let Some(figure) = self.figures.iter().find(|f| numbers::states(&f.published, m)) {
            return Some((figure.sentence, Some(figure)));
        }
        if matches!(m.kind, Kind::Year | Kind::Date) {
            return stating_sentence(m, self.seed).map(|n| (n, None));
        }
        None
    }

    /// `words` (HTML) as a button showing sentence `n`.
    fn shown(&self, evidence: &Evidence, words: &str, n: usize, figure: Option<&SummaryFigure>) -> String {
        self.shown.set(self.shown.get() + 1);
        let id = format!("ev_summary_{}", self.shown.get());
        let sentence = match figure {
            Some(f) => f.sentence_html.clone(),
            None => (evidence.sentence_html)(n),
        };
        let original = match (evidence.original_href)(n) {
            Some(href) => format!(
                " <span aria-hidden=\"true\">·</span> <a href=\"{}\">{}</a>",
                escape(&href),
                escape(evidence.in_original)
            ),
            None => String::new(),
        };
        format!(
            "<span class=\"ev\"><button type=\"button\" class=\"ev-value figure-ref\" popovertarget=\"{id}\" aria-describedby=\"{id}\" data-trace=\"s{n}\">{words}</button><span class=\"ev-tip\" id=\"{id}\" popover data-sentence=\"s{n}\"><span class=\"ev-sentence\">{sentence}</span> <span class=\"ev-links\"><a href=\"source.html#s{n}\">s{n} {}</a>{original}</span></span></span>",
            escape(evidence.in_source)
        )
    }
}

/// Wraps each number equal to a figure in a link to the figure's sentence
/// (a `<span>` inside an existing link, where a link may not nest).
fn link_figures(html: &str, linker: &Linker) -> Option<String> {
    let in_link = Rc::new(Cell::new(0usize));
    let pending = RefCell::new(String::new());
    let opened = in_link.clone();
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("a", move |el| {
            if !el.has_attribute("href") {
                // a link whose address was unsafe is only text now
                el.remove_attribute("rel");
            }
            opened.set(opened.get() + 1);
            let closed = opened.clone();
            el.on_end_tag(lol_html::end_tag!(move |_| {
                closed.set(closed.get().saturating_sub(1));
                Ok(())
            }))?;
            Ok(())
        }))
        .append_document_content_handler(doc_text!(|chunk| {
            let mut text = pending.borrow_mut();
            text.push_str(chunk.as_str());
            if !chunk.last_in_text_node() {
                chunk.remove();
                return Ok(());
            }
            // the character references ammonia and pulldown-cmark write into text
            let whole = htmlize::unescape(text.as_str()).into_owned();
            text.clear();
            chunk.replace(&linked(&whole, linker, in_link.get() > 0), ContentType::Html);
            Ok(())
        }));
    rewrite_str(html, settings).ok()
}

/// The text of a text node (decoded) back as HTML, its figures linked.
fn linked(text: &str, linker: &Linker, inside_link: bool) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    let found = numbers::scan(text).into_iter().map(|m| (m.span.clone(), linker.stated(&m)));
    for (span, stated) in in_ranges(text, found, |a, b| a.0 == b.0) {
        let Some(&[(n, figure), ..]) = stated.as_deref() else {
            continue;
        };
        out.push_str(&escape(&text[at..span.start]));
        let words = escape(&text[span.clone()]);
        if let (Some(evidence), false) = (linker.evidence, inside_link) {
            out.push_str(&linker.shown(evidence, &words, n, figure));
        } else if inside_link {
            out.push_str(&format!("<span class=\"figure-ref\" data-trace=\"s{n}\">{words}</span>"));
        } else {
            out.push_str(&format!("<a class=\"figure-ref\" href=\"source.html#s{n}\" data-trace=\"s{n}\">{words}</a>"));
        }
        at = span.end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(text: &str) -> Mention {
        numbers::scan(text).remove(0)
    }

    #[test]
    fn figures_in_the_summary_link_to_their_sentence() {
        let figures =
            [SummaryFigure { published: published("approximately 2.3%"), sentence: 17, sentence_html: String::new() }];
        let html = summary_html("Spending is *approximately 2.3%* of GDP, up from 2 in 10.", &figures, &[], None);
        assert_eq!(
            html,
            "<p>Spending is <em><a class=\"figure-ref\" href=\"source.html#s17\" data-trace=\"s17\">approximately 2.3%</a></em> of GDP, up from 2 in 10.</p>\n"
        );
    }

    #[test]
    fn a_figure_inside_a_link_is_not_a_nested_link() {
        let figures = [SummaryFigure { published: published("£40bn"), sentence: 2, sentence_html: String::new() }];
        let html = summary_html("[a £40bn plan](https://example.org/)", &figures, &[], None);
        assert!(html.contains("<span class=\"figure-ref\" data-trace=\"s2\">£40bn</span>"), "{html}");
    }

    #[test]
    fn raw_html_and_script_links_are_inert() {
        let rows = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "[click](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
        ];
        for md in rows {
            let html = summary_html(md, &[], &[], None).to_lowercase();
            for bad in ["<script", "onerror", "<iframe", "javascript:"] {
                assert!(!html.contains(bad), "{md:?} gave {html:?}");
            }
        }
    }

    #[test]
    fn images_and_unsafe_links_leave_valid_html() {
        let html = summary_html("![chart](https://example.org/c.png) and [x](javascript:alert(1))", &[], &[], None);
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("rel="), "{html}");
    }

    #[test]
    fn years_and_dates_the_seed_states_link_to_their_first_sentence() {
        let seed: Vec<Vec<Mention>> = ["Nothing here.", "The loss for 2017 was £1.9bn.", "Prices rise from April 1."]
            .iter()
            .map(|s| numbers::scan(s))
            .collect();
        let figures = [SummaryFigure { published: published("£1.9bn"), sentence: 2, sentence_html: String::new() }];
        let html =
            summary_html("A £1.9bn loss for 2017; prices rise from April 1, and in 2019 again.", &figures, &seed, None);
        assert!(html.contains(r#"<a class="figure-ref" href="source.html#s2" data-trace="s2">£1.9bn</a>"#), "{html}");
        assert!(html.contains(r#"data-trace="s2">2017</a>"#), "{html}");
        assert!(html.contains(r#"data-trace="s3">April 1</a>"#), "{html}");
        assert!(html.contains("and in 2019 again"), "a year the seed does not state stays bare: {html}");
    }

    #[test]
    fn a_rounding_of_a_figure_is_not_linked() {
        let figures = [SummaryFigure { published: published("10.3p"), sentence: 4, sentence_html: String::new() }];
        let html = summary_html("A loss of £0.10 a share, or 10.3p.", &figures, &[], None);
        assert!(html.contains("A loss of £0.10 a share"), "{html}");
        assert!(html.contains(r#"data-trace="s4">10.3p</a>"#), "{html}");
    }

    #[test]
    fn with_evidence_a_number_shows_its_sentence() {
        let figures = [SummaryFigure {
            published: published("2.3%"),
            sentence: 17,
            sentence_html: "Spending is <mark>2.3%</mark>.".into(),
        }];
        let sentence = |n: usize| format!("Sentence {n}.");
        let original = |_: usize| Some("https://example.org/a#:~:text=x".to_string());
        let evidence = Evidence {
            sentence_html: &sentence,
            original_href: &original,
            in_source: "in the source",
            in_original: "there",
        };
        let html =
            summary_html("It is 2.3% now, and 2.3% [in 2.3%](https://example.org/).", &figures, &[], Some(&evidence));
        assert!(html.contains(r#"<button type="button" class="ev-value figure-ref" popovertarget="ev_summary_1" aria-describedby="ev_summary_1" data-trace="s17">2.3%</button><span class="ev-tip" id="ev_summary_1" popover data-sentence="s17"><span class="ev-sentence">Spending is <mark>2.3%</mark>.</span> <span class="ev-links"><a href="source.html#s17">s17 in the source</a> <span aria-hidden="true">·</span> <a href="https://example.org/a#:~:text=x">there</a></span></span>"#), "{html}");
        assert!(html.contains(r#"id="ev_summary_2""#), "{html}");
        assert!(
            html.contains(r#"<span class="figure-ref" data-trace="s17">2.3%</span></a>"#),
            "no button inside a link: {html}"
        );
    }

    #[test]
    fn the_standfirst_is_the_first_sentence_its_numbers_marked() {
        let seed: Vec<Vec<Mention>> =
            ["It costs about £40bn.", "The plan dates from 2017."].iter().map(|s| numbers::scan(s)).collect();
        let figures =
            [SummaryFigure { published: published("about £40bn"), sentence: 1, sentence_html: String::new() }];
        let first =
            standfirst("A *plan* of about £40bn & more, from 2017.\nIt is new. Really.\n\nMore.", &figures, &seed)
                .unwrap();
        assert_eq!(first.text, "A plan of about £40bn & more, from 2017.");
        assert_eq!(
            first.html,
            "A plan of <span data-trace=\"s1\">about £40bn</span> &amp; more, from <span data-trace=\"s2\">2017</span>."
        );
        assert_eq!(first.cites, "s1 s2");
        assert!(standfirst("", &figures, &seed).is_none());
    }

    #[test]
    fn references_in_the_text_are_read_as_text() {
        let figures = [SummaryFigure { published: published("£5bn"), sentence: 1, sentence_html: String::new() }];
        let html = summary_html("R&D of &pound;5bn & more", &figures, &[], None);
        assert_eq!(
            html,
            "<p>R&amp;D of <a class=\"figure-ref\" href=\"source.html#s1\" data-trace=\"s1\">£5bn</a> &amp; more</p>\n"
        );
    }
}
