//! What the site gives the web besides its pages: `404.html` always, and with
//! `base_url` an Atom feed of the newest briefings (`feed.xml`, each entry's
//! title and content XHTML that cites its sentences as a page does, so the
//! published-number check reads it), `sitemap.xml` and `robots.txt`.

use std::path::PathBuf;

use serde::Serialize;

use super::catalogue::{Catalogue, Index};
use super::index::ListPage;
use super::records::{BriefingRecord, FigureRecord};
use super::views::{BriefingRef, FigureView, HeadView, Shared, SiteView};
use super::{Page, Theme, site_head};
use crate::diagnostic::Diagnostic;

/// How many briefings the feed carries, newest first.
pub const FEED_ENTRIES: usize = 50;

/// `404.html`: what a server shows for an address the site does not have.
/// Its links start from the path of `base_url` when there is one
/// (`/briefings/style.css`: the page may be shown at any depth), else from
/// the site root.
pub fn not_found(theme: &Theme, site: &SiteView) -> Result<Page, Box<Diagnostic>> {
    let root = site.base_url.map_or("", |base| {
        base.split_once("://").and_then(|(_, rest)| rest.find('/').map(|at| &rest[at..])).unwrap_or("/")
    });
    // shown at addresses that are not its own: it has none to give
    let head = HeadView { canonical: None, ..site_head(site, "404.html") };
    let view = NotFound {};
    let diagnostic = |e: tera::Error| Box::new(theme.diagnostic(&e));
    let (context, given) = super::context(&view, site, root, "", head).map_err(diagnostic)?;
    let html = theme.tera.render("404.html", &context).map_err(diagnostic)?;
    Ok(Page { path: PathBuf::from("404.html"), template: "404.html", html, summary_of: None, given })
}

#[derive(Serialize)]
struct NotFound {}

/// `search.html`: the search form, whose script reads `search/`.
pub fn search_page(theme: &Theme, site: &SiteView) -> Result<Page, Box<Diagnostic>> {
    let head = site_head(site, "search.html");
    let diagnostic = |e: tera::Error| Box::new(theme.diagnostic(&e));
    let (context, given) = super::context(&NotFound {}, site, "", "search", head).map_err(diagnostic)?;
    let html = theme.tera.render("search.html", &context).map_err(diagnostic)?;
    Ok(Page { path: PathBuf::from("search.html"), template: "search.html", html, summary_of: None, given })
}

/// `feed.xml`: the newest dated briefings (at most [`FEED_ENTRIES`]), newest first.
pub fn feed(
    index: &Index,
    catalogue: &Catalogue,
    theme: &Theme,
    site: &SiteView,
) -> Result<Option<(Page, Vec<usize>)>, Box<Diagnostic>> {
    let Some(base) = site.base_url else {
        return Ok(None);
    };
    let shown: Vec<usize> =
        (0..index.briefings.len()).filter(|b| index.briefings[*b].date.is_some()).take(FEED_ENTRIES).collect();
    let mut records: Vec<(BriefingRecord, Vec<FigureRecord>)> = Vec::with_capacity(shown.len());
    for &b in &shown {
        let entry = &index.briefings[b];
        let read = catalogue.read(entry.card).and_then(|card| Ok((card, catalogue.read(entry.figures)?)));
        records.push(read.map_err(|e| {
            Box::new(
                Diagnostic::input("not-written", format!("could not read back the site's catalogue: {e}"))
                    .help("check that the temporary folder (TMPDIR) has room"),
            )
        })?);
    }
    let refs: Vec<Shared<BriefingRef>> =
        records.iter().map(|(card, _)| Shared::new(BriefingRef::of(card, site.strings))).collect();
    let entries: Vec<FeedEntry> = records
        .iter()
        .zip(&refs)
        .map(|((card, figures), briefing)| FeedEntry {
            briefing,
            url: format!("{base}briefings/{}/", card.slug),
            updated: timestamp(card.date.as_deref()),
            figures: figures.iter().map(|f| FigureView::of(f, briefing, None)).collect(),
        })
        .collect();
    let view = FeedView {
        self_url: format!("{base}feed.xml"),
        // the newest entry's: the same inputs give the same feed
        updated: entries.first().map_or_else(|| timestamp(None), |e| e.updated.clone()),
        entries,
    };
    let diagnostic = |e: tera::Error| Box::new(theme.diagnostic(&e));
    let frame = FeedFrame { site, t: &site.words, feed: &view };
    let (context, given) = super::context_of(&frame).map_err(diagnostic)?;
    let xml = theme.tera.render("feed.xml", &context).map_err(diagnostic)?;
    let page = Page { path: PathBuf::from("feed.xml"), template: "feed.xml", html: xml, summary_of: None, given };
    Ok(Some((page, shown)))
}

#[derive(Serialize)]
struct FeedFrame<'a> {
    site: &'a SiteView<'a>,
    t: &'a Shared<&'a std::collections::BTreeMap<&'static str, String>>,
    feed: &'a FeedView<'a>,
}

#[derive(Serialize)]
struct FeedView<'a> {
    self_url: String,
    updated: String,
    entries: Vec<FeedEntry<'a>>,
}

#[derive(Serialize)]
struct FeedEntry<'a> {
    briefing: &'a Shared<BriefingRef<'a>>,
    /// The briefing's address, which is also the entry's id.
    url: String,
    updated: String,
    figures: Vec<FigureView<'a>>,
}

/// A date of a sheet as an RFC 3339 time: midnight UTC of that day, or of
/// the month's first; `1970-01-01` when there is none.
fn timestamp(date: Option<&str>) -> String {
    match date {
        Some(d) if d.len() == 10 => format!("{d}T00:00:00Z"),
        Some(d) if d.len() == 7 => format!("{d}-01T00:00:00Z"),
        _ => "1970-01-01T00:00:00Z".to_string(),
    }
}

/// `sitemap.xml`: the address of every page a reader may look for — each
/// briefing and its annotated source, and every page of the lists.
pub fn sitemap(site: &SiteView, index: &Index, lists: &[ListPage], extra: &[&str]) -> Option<String> {
    let base = site.base_url?;
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let mut url = |path: &str, lastmod: Option<&str>| {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        xml.push_str(&format!("  <url><loc>{}{}</loc>", base, super::publish::escape(path)));
        if let Some(date) = lastmod.filter(|d| d.len() == 10) {
            xml.push_str(&format!("<lastmod>{date}</lastmod>"));
        }
        xml.push_str("</url>\n");
    };
    for page in lists {
        url(&page.place(index).0, None);
    }
    for path in extra {
        url(path, None);
    }
    for b in &index.briefings {
        url(&format!("briefings/{}/index.html", b.slug), b.date.as_deref());
        url(&format!("briefings/{}/source.html", b.slug), b.date.as_deref());
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}

/// `robots.txt`: every page may be read, and where the sitemap is.
pub fn robots(site: &SiteView) -> Option<String> {
    let base = site.base_url?;
    Some(format!("User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_feed_times() {
        assert_eq!(timestamp(Some("2025-02-17")), "2025-02-17T00:00:00Z");
        assert_eq!(timestamp(Some("2025-02")), "2025-02-01T00:00:00Z");
        assert_eq!(timestamp(None), "1970-01-01T00:00:00Z");
    }
}
