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

/// The most addresses one sitemap file may hold (the sitemap protocol's limit).
pub const URLS_PER_SITEMAP: usize = 50_000;

/// The sitemap: the address of every page a reader may look for — every
/// page of the lists, `extra`, and each briefing and its annotated source.
/// Up to `per_file` addresses it is one `sitemap.xml`; past that,
/// `sitemap.xml` is an index of `sitemap-1.xml`, `sitemap-2.xml` … that
/// hold `per_file` each, as the protocol asks. Each file is made when
/// `files` reaches it, so a large site's addresses are never held at once.
pub struct Sitemap<'a> {
    base: &'a str,
    index: &'a Index,
    lists: &'a [ListPage],
    extra: &'a [&'a str],
    per_file: usize,
}

impl<'a> Sitemap<'a> {
    /// The sitemap of a site with `base_url`; `None` without one.
    pub fn new(
        site: &SiteView<'a>,
        index: &'a Index,
        lists: &'a [ListPage],
        extra: &'a [&'a str],
        per_file: usize,
    ) -> Option<Sitemap<'a>> {
        Some(Sitemap { base: site.base_url?, index, lists, extra, per_file: per_file.max(1) })
    }

    fn urls(&self) -> usize {
        self.lists.len() + self.extra.len() + 2 * self.index.briefings.len()
    }

    /// How many files of addresses there are (`sitemap-N.xml`), or 1 when
    /// `sitemap.xml` holds them all.
    fn parts(&self) -> usize {
        self.urls().div_ceil(self.per_file).max(1)
    }

    /// Every file of the sitemap, as its path and its text, one at a time.
    pub fn files(&self) -> impl Iterator<Item = (String, String)> + '_ {
        let parts = self.parts();
        let index = (parts > 1).then(|| ("sitemap.xml".to_string(), self.sitemap_index(parts)));
        let urlsets = (0..parts).map(move |n| {
            let path = if parts == 1 { "sitemap.xml".to_string() } else { format!("sitemap-{}.xml", n + 1) };
            (path, self.urlset(n * self.per_file..(n + 1) * self.per_file))
        });
        index.into_iter().chain(urlsets)
    }

    /// `sitemap.xml` as the index of the `parts` files of addresses.
    fn sitemap_index(&self, parts: usize) -> String {
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.push_str("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for n in 1..=parts {
            xml.push_str(&format!("  <sitemap><loc>{}sitemap-{n}.xml</loc></sitemap>\n", self.base));
        }
        xml.push_str("</sitemapindex>\n");
        xml
    }

    /// The file of the addresses at places `window` (in the order the lists,
    /// `extra` and the briefings give them).
    fn urlset(&self, window: std::ops::Range<usize>) -> String {
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        let mut url = |path: &str, lastmod: Option<&str>| {
            let path = path.strip_suffix("index.html").unwrap_or(path);
            xml.push_str(&format!("  <url><loc>{}{}</loc>", self.base, super::publish::escape(path)));
            if let Some(date) = lastmod.filter(|d| d.len() == 10) {
                xml.push_str(&format!("<lastmod>{date}</lastmod>"));
            }
            xml.push_str("</url>\n");
        };
        let (lists, extra) = (self.lists.len(), self.extra.len());
        for place in window.start..window.end.min(self.urls()) {
            if place < lists {
                url(&self.lists[place].place(self.index).0, None);
            } else if place < lists + extra {
                url(self.extra[place - lists], None);
            } else {
                let b = &self.index.briefings[(place - lists - extra) / 2];
                let file = if (place - lists - extra) % 2 == 0 { "index.html" } else { "source.html" };
                url(&format!("briefings/{}/{file}", b.slug), b.date.as_deref());
            }
        }
        xml.push_str("</urlset>\n");
        xml
    }
}

/// `robots.txt`: every page may be read, and where the sitemap is.
pub fn robots(site: &SiteView) -> Option<String> {
    let base = site.base_url?;
    Some(format!("User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::site::catalogue::{Blob, Cast, Entry};

    /// The addresses of a sitemap file, in order.
    fn locs(xml: &str) -> Vec<&str> {
        xml.split("<loc>").skip(1).filter_map(|rest| rest.split("</loc>").next()).collect()
    }

    #[test]
    fn a_sitemap_past_its_limit_is_an_index_of_files_that_keep_to_it() {
        let entry = |n: usize| Entry {
            slug: format!("b{n}").into(),
            date: Some("2025-02-17".into()),
            card: Blob::default(),
            figures: Blob::default(),
            quotes: Blob::default(),
            cited: Blob::default(),
            trace: Blob::default(),
            figure_count: 1,
            quote_count: 0,
            actors: Box::new([]),
        };
        let index = Index::new((0..5).map(entry).collect(), Cast::default());
        let lists = super::super::index::list_pages(&index, 2);
        let settings = crate::config::Settings {
            base_url: Some("https://example.org/b/".to_string()),
            ..crate::config::Settings::default()
        };
        let strings = settings.strings();
        let site = SiteView::new(&settings, &strings);
        let extra = ["search.html"];

        let whole: Vec<(String, String)> =
            Sitemap::new(&site, &index, &lists, &extra, 1000).expect("a base_url").files().collect();
        assert_eq!(whole.len(), 1);
        assert_eq!(whole[0].0, "sitemap.xml");
        let all = locs(&whole[0].1);
        assert_eq!(all.len(), lists.len() + 1 + 10);
        assert!(all.contains(&"https://example.org/b/briefings/b3/source.html"));

        let split: Vec<(String, String)> =
            Sitemap::new(&site, &index, &lists, &extra, 4).expect("a base_url").files().collect();
        let parts = all.len().div_ceil(4);
        assert_eq!(split.len(), parts + 1);
        assert_eq!(split[0].0, "sitemap.xml");
        assert!(split[0].1.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
        let named: Vec<String> = (1..=parts).map(|n| format!("https://example.org/b/sitemap-{n}.xml")).collect();
        assert_eq!(locs(&split[0].1), named);
        let mut joined = Vec::new();
        for (n, (path, xml)) in split[1..].iter().enumerate() {
            assert_eq!(path, &format!("sitemap-{}.xml", n + 1));
            assert!(xml.starts_with("<?xml") && xml.contains("<urlset") && xml.ends_with("</urlset>\n"));
            assert!(locs(xml).len() <= 4 && !locs(xml).is_empty());
            joined.extend(locs(xml));
        }
        assert_eq!(joined, all, "the files hold every address once, in order");
        assert!(split[parts].1.contains("<lastmod>2025-02-17</lastmod>"));
    }

    #[test]
    fn dates_as_feed_times() {
        assert_eq!(timestamp(Some("2025-02-17")), "2025-02-17T00:00:00Z");
        assert_eq!(timestamp(Some("2025-02")), "2025-02-01T00:00:00Z");
        assert_eq!(timestamp(None), "1970-01-01T00:00:00Z");
    }
}
