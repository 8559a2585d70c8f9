//! The summary: Markdown to HTML (pulldown-cmark), made inert (ammonia: no
//! `<script>`, `onerror=`, `<iframe>` or `javascript:` links survive), and
//! every number in it that equals a figure of the briefing published as that
//! figure, linked to its sentence (SPEC §6).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, doc_text, element, rewrite_str};
use pulldown_cmark::{Options, Parser, html};

use super::publish::escape;
use crate::numbers::{self, Mention};

/// A figure a summary may publish: what the seed states, and where.
pub struct SummaryFigure<'a> {
    pub stated: &'a Mention,
    pub sentence: usize,
}

/// The summary as HTML for the briefing page (links are relative to it).
pub fn summary_html(markdown: &str, figures: &[SummaryFigure]) -> String {
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH));
    // images are dropped: a briefing works offline, and an image needs alt text the summary may lack
    let mut cleaner = ammonia::Builder::default();
    cleaner.link_rel(Some("noopener noreferrer")).rm_tags(["img"]);
    let clean = cleaner.clean(&raw).to_string();
    link_figures(&clean, figures).unwrap_or(clean)
}

/// Wraps each number equal to a figure in a link to the figure's sentence
/// (a `<span>` inside an existing link, where a link may not nest).
fn link_figures(html: &str, figures: &[SummaryFigure]) -> Option<String> {
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
            let whole = decode_entities(&text);
            text.clear();
            chunk.replace(&linked(&whole, figures, in_link.get() > 0), ContentType::Html);
            Ok(())
        }));
    rewrite_str(html, settings).ok()
}

/// The text of a text node (decoded) back as HTML, its figures linked.
fn linked(text: &str, figures: &[SummaryFigure], inside_link: bool) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for m in numbers::scan(text) {
        let Some(figure) = figures.iter().find(|f| numbers::states(f.stated, &m)) else {
            continue;
        };
        out.push_str(&escape(&text[at..m.span.start]));
        let words = escape(&text[m.span.clone()]);
        let n = figure.sentence;
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

/// The character references ammonia and pulldown-cmark write into text.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_mention(text: &str) -> Mention {
        numbers::scan(text).remove(0)
    }

    #[test]
    fn figures_in_the_summary_link_to_their_sentence() {
        let stated = seed_mention("approximately 2.3%");
        let figures = [SummaryFigure { stated: &stated, sentence: 17 }];
        let html = summary_html("Spending is *approximately 2.3%* of GDP, up from 2 in 10.", &figures);
        assert_eq!(
            html,
            "<p>Spending is <em><a class=\"figure-ref\" href=\"source.html#s17\" data-trace=\"s17\">approximately 2.3%</a></em> of GDP, up from 2 in 10.</p>\n"
        );
    }

    #[test]
    fn a_figure_inside_a_link_is_not_a_nested_link() {
        let stated = seed_mention("£40bn");
        let figures = [SummaryFigure { stated: &stated, sentence: 2 }];
        let html = summary_html("[a £40bn plan](https://example.org/)", &figures);
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
            let html = summary_html(md, &[]).to_lowercase();
            for bad in ["<script", "onerror", "<iframe", "javascript:"] {
                assert!(!html.contains(bad), "{md:?} gave {html:?}");
            }
        }
    }

    #[test]
    fn images_and_unsafe_links_leave_valid_html() {
        let html = summary_html("![chart](https://example.org/c.png) and [x](javascript:alert(1))", &[]);
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("rel="), "{html}");
    }

    #[test]
    fn entities_decode() {
        assert_eq!(decode_entities("a &amp; b &#163;5 &#x20AC;3 &bogus; &"), "a & b £5 €3 &bogus; &");
    }
}
