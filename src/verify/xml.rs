//! Feeds and sitemaps, checked like pages: an XML file the site publishes
//! (`feed.xml`, `sitemap.xml`) is read with quick-xml and given to the
//! page check as the HTML a reader of it is shown — every text kept where
//! it stands, every XHTML element (an Atom `type="xhtml"` title or content)
//! kept with its attributes, so its `data-trace`, `data-sentence` and
//! `data-briefing` claim what they claim on a page. The elements that hold
//! machine values, not text for readers (`id`, `updated`, `published`,
//! `loc`, `lastmod`, `uri`, `icon`, `logo`), publish nothing and are left out.
//!
//! Unaccounted numbers are reported at their place in the XML file.

use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{Given, Known, Sentences, Stylesheets, Unaccounted, check_page, locate};

const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// Elements of feeds and sitemaps whose text is a value for programs.
const MACHINE: [&str; 8] = ["id", "updated", "published", "loc", "lastmod", "uri", "icon", "logo"];

/// Every number of the XML file `xml` that nothing accounts for, placed in the file;
/// `given`: what its template was given.
pub fn check_xml(page: &Path, xml: &str, sentences: &dyn Sentences, given: &Given) -> Vec<Unaccounted> {
    let (html, places) = match as_page(xml) {
        Ok(read) => read,
        Err(e) => {
            let mut u = Unaccounted {
                page: page.to_path_buf(),
                offset: 0,
                line: 0,
                column: 0,
                text: format!("(the file is not well-formed XML: {e})"),
                reason: super::Reason::NotTraced,
                briefing: None,
            };
            locate(xml, std::slice::from_mut(&mut u));
            return vec![u];
        }
    };
    // a feed reader shows entries with its own style, not the site's
    let known = Known { sentences, css: &Stylesheets::default(), given };
    let mut found = check_page(page, &html, known);
    for u in &mut found {
        // the last piece of the file that starts at or before the mention
        let i = places.partition_point(|(at, _)| *at <= u.offset).saturating_sub(1);
        u.offset = places.get(i).map_or(0, |(html_at, xml_at)| xml_at + (u.offset - html_at)).min(xml.len());
    }
    locate(xml, &mut found);
    found
}

/// The page a reader of `xml` is shown, and where its pieces come from:
/// (offset in the page, offset in the file), rising.
fn as_page(xml: &str) -> Result<(String, Vec<(usize, usize)>), quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut html = String::with_capacity(xml.len() + 64);
    let mut places: Vec<(usize, usize)> = Vec::new();
    // for each open element: it is XHTML, and the HTML end tag it takes
    let mut open: Vec<(bool, String)> = Vec::new();
    // how many of the open elements hold a value for programs: their text is shown to no one
    let mut machine = 0usize;
    loop {
        let at = reader.buffer_position() as usize;
        match reader.read_event()? {
            Event::Start(e) => {
                let xhtml = in_xhtml(&e, open.last().is_some_and(|(x, _)| *x));
                if is_machine(&e, xhtml) || machine > 0 {
                    machine += 1;
                }
                places.push((html.len(), at));
                let end = start_tag(&mut html, &e, xhtml, false);
                open.push((xhtml, end));
            }
            Event::Empty(e) => {
                let xhtml = in_xhtml(&e, open.last().is_some_and(|(x, _)| *x));
                places.push((html.len(), at));
                let end = start_tag(&mut html, &e, xhtml, true);
                html.push_str(&end);
            }
            Event::End(_) => {
                if let Some((_, end)) = open.pop() {
                    html.push_str(&end);
                }
                machine = machine.saturating_sub(1);
            }
            Event::Eof => break,
            _ if machine > 0 => {}
            Event::Text(e) => {
                // escaped XML text is escaped HTML text
                places.push((html.len(), at));
                html.push_str(&e);
            }
            Event::GeneralRef(e) => {
                places.push((html.len(), at));
                html.push('&');
                html.push_str(&e);
                html.push(';');
            }
            Event::CData(e) => {
                places.push((html.len(), at));
                let text: &str = &e;
                html.push_str(&text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;"));
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    Ok((html, places))
}

/// Whether `e` is a feed's or a sitemap's element that holds a value for programs.
fn is_machine(e: &BytesStart, xhtml: bool) -> bool {
    !xhtml && MACHINE.contains(&e.local_name().as_ref())
}

/// Whether the element `e` is XHTML: it says so, or it is inside XHTML and unprefixed.
fn in_xhtml(e: &BytesStart, parent_xhtml: bool) -> bool {
    let declared = e.attributes().flatten().find(|a| a.key.as_ref() == "xmlns").map(|a| a.value.into_owned());
    match declared {
        Some(namespace) => namespace == XHTML,
        None => parent_xhtml && !e.name().as_ref().contains(':'),
    }
}

/// Writes the start tag that stands for `e` in the page; returns its end tag.
fn start_tag(html: &mut String, e: &BytesStart, xhtml: bool, empty: bool) -> String {
    let name = e.local_name().as_ref().to_string();
    if !xhtml {
        // a feed's or a sitemap's own element: its text is published, or a value for programs
        html.push_str("<div>");
        return "</div>".to_string();
    }
    html.push('<');
    html.push_str(&name);
    for a in e.attributes().flatten() {
        let key: &str = a.key.as_ref();
        if key == "xmlns" || key.starts_with("xmlns:") || key.starts_with("xml:") {
            continue;
        }
        html.push(' ');
        html.push_str(key);
        html.push_str("=\"");
        // an attribute value stays escaped; a `"` in it was escaped to be in quotes
        html.push_str(&a.value.replace('"', "&quot;"));
        html.push('"');
    }
    html.push('>');
    if empty && is_void(&name) { String::new() } else { format!("</{name}>") }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "hr" | "img" | "wbr" | "input" | "meta" | "link" | "source" | "col" | "area" | "base" | "track"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::{self, Mention};

    struct One(Vec<Vec<Mention>>);

    impl Sentences for One {
        fn mentions(&self, briefing: &str, sentence: usize) -> Option<&[Mention]> {
            (briefing == "x").then(|| self.0.get(sentence.checked_sub(1)?).map(Vec::as_slice)).flatten()
        }
    }

    fn feed(entry: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n\
             <title>Briefings</title>\n<updated>2025-02-17T00:00:00Z</updated>\n<id>https://example.org/</id>\n\
             <entry>\n{entry}\n</entry>\n</feed>\n"
        )
    }

    fn found(xml: &str) -> Vec<String> {
        let seed = One(vec![numbers::scan("Spending is 2.3% of GDP."), numbers::scan("It was £40bn.")]);
        check_xml(Path::new("feed.xml"), xml, &seed, &Given::default())
            .iter()
            .map(|u| format!("{} {}:{}", u.text, u.line, u.column))
            .collect()
    }

    #[test]
    fn an_entry_is_checked_like_a_page() {
        let traced = "<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\" data-briefing=\"x\">A <span data-trace=\"s2\">£40bn</span> plan</div></title>\n<updated>2025-02-17T00:00:00Z</updated>\n<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\" data-briefing=\"x\"><p>Spending at <span data-trace=\"s1\">2.3%</span> &amp; <q data-sentence=\"s2\">It was £40bn.</q><br/></p></div></content>";
        assert_eq!(found(&feed(traced)), Vec::<String>::new());
        let wrong = traced.replace(">2.3%<", ">2.4%<");
        assert_eq!(found(&feed(&wrong)), ["2.4% 9:120"]);
        let untraced = "<title>Top 10 plans</title><summary>It costs &#163;3bn</summary>";
        assert_eq!(found(&feed(untraced)), ["10 7:12", "£3bn 7:46"]);
    }

    #[test]
    fn a_file_that_is_no_xml_fails() {
        assert_eq!(found("<feed><entry></feed>").len(), 1);
    }
}
