//! The briefing site: the pages of each traced briefing (the briefing, its
//! annotated source, its printable version), rendered as soon as it is
//! traced, and the pages that list across briefings — home, figures,
//! quotes, actors — rendered a page at a time from the catalogue.
//!
//! This stage only renders. What it publishes is verified by
//! [`crate::verify`] and written by [`crate::output`]; nothing here touches
//! the disk but reading the project's templates and the catalogue's file.

pub mod catalogue;
pub mod format;
pub mod index;
mod markdown;
pub mod model;
mod publish;
pub mod records;
pub mod search;
pub mod strings;
mod theme;
pub mod views;
pub mod web;

use std::borrow::Cow;
use std::path::PathBuf;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::verify::Given;

pub use crate::config::Settings;
pub use theme::Theme;
pub use views::SiteView;
use views::{BriefingRef, Frame, HeadView, Shared};

/// One rendered page.
#[derive(Debug, Clone)]
pub struct Page {
    /// The path in the site: `briefings/<slug>/index.html`.
    pub path: PathBuf,
    /// The template it was rendered from.
    pub template: &'static str,
    pub html: String,
    /// The briefing whose summary the page shows, if any.
    pub summary_of: Option<String>,
    /// What its template was given: the counts it may show as `derived`,
    /// the sheets' values it may show as `meta`.
    pub given: Given,
}

impl Page {
    /// A file the tool writes itself, from no template: given nothing.
    pub fn made(path: PathBuf, html: String) -> Page {
        Page { path, template: "", html, summary_of: None, given: Given::default() }
    }
}

/// The pages of one briefing: the briefing, its annotated source, its printable version.
pub fn briefing_pages(
    model: &model::BriefingModel,
    theme: &Theme,
    site: &SiteView,
) -> Result<Vec<Page>, Box<Diagnostic>> {
    let briefing = Shared::new(BriefingRef::of(&model.record, site.strings));
    let actors = model.actor_refs();
    let pages = model.pages(&briefing, &actors);
    let slug = model.slug();
    let section = "briefings";
    let root = ROOTS[2];
    let record = &model.record;
    let head = |file: &str| {
        let (description, description_cites) = match &record.standfirst {
            Some(s) => (Cow::Borrowed(s.text.as_str()), Cow::Borrowed(s.cites.as_str())),
            None => (Cow::Borrowed(record.title.as_str()), Cow::Owned(cites_of(&record.title_html))),
        };
        HeadView {
            canonical: canonical(site, &format!("briefings/{slug}/{file}")),
            title: Cow::Borrowed(record.title.as_str()),
            title_cites: Cow::Owned(cites_of(&record.title_html)),
            description,
            description_cites,
            briefing: Some(slug),
            kind: "article",
        }
    };
    let render = |template: &'static str, file: &str, context: tera::TeraResult<(tera::Context, Given)>| {
        let diagnostic = |e: tera::Error| Box::new(theme.diagnostic(&e));
        let (context, given) = context.map_err(diagnostic)?;
        let html = theme.tera.render(template, &context).map_err(diagnostic)?;
        let summary_of = Some(slug.to_string());
        Ok::<_, Box<Diagnostic>>(Page {
            path: PathBuf::from(format!("briefings/{slug}/{file}")),
            template,
            html,
            summary_of,
            given,
        })
    };
    Ok(vec![
        render("briefing.html", "index.html", context(&pages.briefing(), site, root, section, head("index.html")))?,
        render("source.html", "source.html", context(&pages.source(), site, root, section, head("source.html")))?,
        render("print.html", "print.html", context(&pages.print(), site, root, section, head("print.html")))?,
    ])
}

/// One page of a list across briefings, rendered from the records it shows.
pub fn list_page(
    page: index::ListPage,
    records: &index::PageRecords,
    idx: &catalogue::Index,
    theme: &Theme,
    site: &SiteView,
) -> Result<Page, Box<Diagnostic>> {
    let (path, template, section) = page.place(idx);
    let root = root_of(&path);
    let diagnostic = |e: tera::Error| Box::new(theme.diagnostic(&e));
    let head = site_head(site, &path);
    let (context, given) = index::context(page, records, idx, site, root, section, head).map_err(diagnostic)?;
    let html = theme.tera.render(template, &context).map_err(diagnostic)?;
    Ok(Page { path: PathBuf::from(path), template, html, summary_of: None, given })
}

/// From a page `n` folders deep back to the site root.
const ROOTS: [&str; 5] = ["", "../", "../../", "../../../", "../../../../"];

/// The way back to the site root from the page at `path`.
fn root_of(path: &str) -> &'static str {
    ROOTS[path.matches('/').count().min(ROOTS.len() - 1)]
}

/// A page's template context: the site, the way back to the root, its section, its head and its view.
fn context<T: Serialize>(
    page: &T,
    site: &SiteView,
    root: &str,
    section: &'static str,
    head: HeadView,
) -> tera::TeraResult<(tera::Context, Given)> {
    context_of(&Frame { site, t: &site.words, root, section, head, page })
}

/// The template context `frame` makes, and what it gives the page.
fn context_of<T: Serialize>(frame: &T) -> tera::TeraResult<(tera::Context, Given)> {
    let value = tera::Value::try_from_serializable(frame)?;
    let map = value.into_map().unwrap_or_default();
    // the interface's words are the same on every page, and hold no count
    let given = given_in(map.iter().filter(|(key, _)| key.as_str() != Some("t")).map(|(_, value)| value));
    let mut context = tera::Context::new();
    for (key, value) in map {
        context.insert_value(key.to_string(), value);
    }
    Ok((context, given))
}

/// The fields of the data that hold a sheet's values that are no claims:
/// its date, and where its seed was published. A source's headline is a
/// claim (its numbers are traced), so `source` itself is not one of them.
const NO_CLAIMS: [&str; 4] = ["date", "publisher", "url", "host"];

/// Every whole number of `values`, the length of their longest list, and
/// the texts of their fields that hold no claims.
fn given_in<'v>(values: impl Iterator<Item = &'v tera::Value>) -> Given {
    let (mut counts, mut longest, mut texts) = (Vec::new(), None, Vec::new());
    let mut stack: Vec<(&tera::Value, bool)> = values.map(|v| (v, false)).collect();
    while let Some((value, no_claim)) = stack.pop() {
        if let Some(n) = value.as_u64() {
            counts.push(n);
        } else if let Some(text) = value.as_str() {
            // every text: an outlet may be named in words a scan reads as a number (`Seven West Media`)
            if no_claim {
                texts.push(text.to_string());
            }
        } else if let Some(items) = value.as_array() {
            longest = longest.max(Some(items.len() as u64));
            stack.extend(items.iter().map(|v| (v, no_claim)));
        } else if let Some(map) = value.as_map() {
            let field = |key: &tera::value::Key| no_claim || key.as_str().is_some_and(|k| NO_CLAIMS.contains(&k));
            stack.extend(map.iter().map(|(key, v)| (v, field(key))));
        }
    }
    Given::new(counts, longest, texts)
}

/// The head of a page that is about no one briefing: the site's title and description.
pub fn site_head<'a>(site: &'a SiteView, path: &str) -> HeadView<'a> {
    HeadView {
        canonical: canonical(site, path),
        title: Cow::Borrowed(site.title),
        title_cites: Cow::Borrowed(""),
        description: Cow::Borrowed(site.description),
        description_cites: Cow::Borrowed(""),
        briefing: None,
        kind: "website",
    }
}

/// The address of the page at `path` (from the root) with `base_url`: a
/// folder's `index.html` is the folder's address.
pub fn canonical(site: &SiteView, path: &str) -> Option<String> {
    let base = site.base_url?;
    let path = path.strip_suffix("index.html").unwrap_or(path);
    Some(format!("{base}{path}"))
}

/// `s3 s7`: the sentences a marked text cites (`data-trace="sN"`), each once, in order.
pub fn cites_of(html: &str) -> String {
    let mut numbers: Vec<usize> = html
        .split("data-trace=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .flat_map(str::split_ascii_whitespace)
        .filter_map(|id| id.strip_prefix('s')?.parse().ok())
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers.iter().map(|n| format!("s{n}")).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::verify::{self, Known, Sentences, Stylesheets};

    struct NoSentences;

    impl Sentences for NoSentences {
        fn mentions(&self, _: &str, _: usize) -> Option<&[crate::numbers::Mention]> {
            None
        }
    }

    #[test]
    fn meta_shows_the_values_of_the_sheet_it_was_given_and_no_other() {
        let data = serde_json::json!({
            "briefing": {
                "title": "Up 45%",
                "source": { "publisher": "Seven West Media", "url": "https://example.org/2024/05/story" },
                "date": { "iso": "2024-05-03", "text": "3 May 2024" },
            }
        });
        let (_, given) = context_of(&data).expect("a context");
        let css = Stylesheets::default();
        let known = Known { sentences: &NoSentences, css: &css, given: &given };
        let found = |html: &str| -> Vec<String> {
            verify::check_page(Path::new("p.html"), html, known).into_iter().map(|u| u.text).collect()
        };
        let shown =
            "<p data-trace=\"meta\">Seven West Media, https://example.org/2024/05/story, 3 May 2024 (2024-05-03)</p>";
        assert_eq!(found(shown), Vec::<String>::new());
        // the title is a claim, not a value of the sheet that meta may show
        assert_eq!(found("<p data-trace=\"meta\">Up 45%, 2025</p>"), ["45%", "2025"]);
    }
}
