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
use pulldown_cmark::{Options, Parser, html};

use super::publish::{escape, stating_sentence};
use crate::numbers::{self, Kind, Mention};

/// A figure a summary may publish: its value as the site publishes it, and
/// the sentence it is traced to.
pub struct SummaryFigure {
    pub published: Mention,
    pub sentence: usize,
}

/// The summary as HTML for the briefing page (links are relative to it);
/// `seed` holds the mentions of each sentence of the briefing's seed.
pub fn summary_html(markdown: &str, figures: &[SummaryFigure], seed: &[Vec<Mention>]) -> String {
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH));
    // images are dropped: a briefing works offline, and an image needs alt text the summary may lack
    let mut cleaner = ammonia::Builder::default();
    cleaner.link_rel(Some("noopener noreferrer")).rm_tags(["img"]);
    let clean = cleaner.clean(&raw).to_string();
    link_figures(&clean, &Linker { figures, seed }).unwrap_or(clean)
}

/// What a summary's numbers may be linked to.
struct Linker<'a> {
    figures: &'a [SummaryFigure],
    seed: &'a [Vec<Mention>],
}

impl Linker<'_> {
    /// The sentence a number of the summary is published from: the figure
    /// it equals, or for a year or date the first sentence that states it.
    fn sentence_of(&self, m: &Mention) -> Option<usize> {
        if let Some(figure) = self.figures.iter().find(|f| numbers::states(&f.published, m)) {
            return Some(figure.sentence);
        }
        if matches!(m.kind, Kind::Year | Kind::Date) {
            return stating_sentence(m, self.seed);
        }
        None
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
    for m in numbers::scan(text) {
        let Some(n) = linker.sentence_of(&m) else {
            continue;
        };
        out.push_str(&escape(&text[at..m.span.start]));
        let words = escape(&text[m.span.clone()]);
        if inside_link {
            out.push_str(&format!("<span class=\"figure-ref\" data-trace=\"s{n}\">{words}</span>"));
        } else {
            out.push_str(&format!("<a class=\"figure-ref\" href=\"source.html#s{n}\" data-trace=\"s{n}\">{words}</a>"));
        }
        at = m.span.end;
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
        let figures = [SummaryFigure { published: published("approximately 2.3%"), sentence: 17 }];
        let html = summary_html("Spending is *approximately 2.3%* of GDP, up from 2 in 10.", &figures, &[]);
        assert_eq!(
            html,
            "<p>Spending is <em><a class=\"figure-ref\" href=\"source.html#s17\" data-trace=\"s17\">approximately 2.3%</a></em> of GDP, up from 2 in 10.</p>\n"
        );
    }

    #[test]
    fn a_figure_inside_a_link_is_not_a_nested_link() {
        let figures = [SummaryFigure { published: published("£40bn"), sentence: 2 }];
        let html = summary_html("[a £40bn plan](https://example.org/)", &figures, &[]);
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
            let html = summary_html(md, &[], &[]).to_lowercase();
            for bad in ["<script", "onerror", "<iframe", "javascript:"] {
                assert!(!html.contains(bad), "{md:?} gave {html:?}");
            }
        }
    }

    #[test]
    fn images_and_unsafe_links_leave_valid_html() {
        let html = summary_html("![chart](https://example.org/c.png) and [x](javascript:alert(1))", &[], &[]);
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("rel="), "{html}");
    }

    #[test]
    fn years_and_dates_the_seed_states_link_to_their_first_sentence() {
        let seed: Vec<Vec<Mention>> = ["Nothing here.", "The loss for 2017 was £1.9bn.", "Prices rise from April 1."]
            .iter()
            .map(|s| numbers::scan(s))
            .collect();
        let figures = [SummaryFigure { published: published("£1.9bn"), sentence: 2 }];
        let html =
            summary_html("A £1.9bn loss for 2017; prices rise from April 1, and in 2019 again.", &figures, &seed);
        assert!(html.contains(r#"<a class="figure-ref" href="source.html#s2" data-trace="s2">£1.9bn</a>"#), "{html}");
        assert!(html.contains(r#"data-trace="s2">2017</a>"#), "{html}");
        assert!(html.contains(r#"data-trace="s3">April 1</a>"#), "{html}");
        assert!(html.contains("and in 2019 again"), "a year the seed does not state stays bare: {html}");
    }

    #[test]
    fn a_rounding_of_a_figure_is_not_linked() {
        let figures = [SummaryFigure { published: published("10.3p"), sentence: 4 }];
        let html = summary_html("A loss of £0.10 a share, or 10.3p.", &figures, &[]);
        assert!(html.contains("A loss of £0.10 a share"), "{html}");
        assert!(html.contains(r#"data-trace="s4">10.3p</a>"#), "{html}");
    }

    #[test]
    fn references_in_the_text_are_read_as_text() {
        let figures = [SummaryFigure { published: published("£5bn"), sentence: 1 }];
        let html = summary_html("R&D of &pound;5bn & more", &figures, &[]);
        assert_eq!(
            html,
            "<p>R&amp;D of <a class=\"figure-ref\" href=\"source.html#s1\" data-trace=\"s1\">£5bn</a> &amp; more</p>\n"
        );
    }
}
