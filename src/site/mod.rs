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
mod theme;
pub mod views;

use std::path::PathBuf;

use serde::Serialize;

use crate::diagnostic::Diagnostic;

pub use crate::config::Settings;
pub use theme::Theme;
pub use views::SiteView;
use views::{BriefingRef, Frame, Shared};

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
}

/// The pages of one briefing: the briefing, its annotated source, its printable version.
pub fn briefing_pages(
    model: &model::BriefingModel,
    theme: &Theme,
    site: &SiteView,
) -> Result<Vec<Page>, Box<Diagnostic>> {
    let briefing = Shared::new(BriefingRef::of(&model.record));
    let actors = model.actor_refs();
    let pages = model.pages(&briefing, &actors);
    let slug = model.slug();
    let section = "briefings";
    let root = ROOTS[2];
    let render = |template: &'static str, file: &str, context: tera::TeraResult<tera::Context>| {
        let diagnostic = |e: tera::Error| Box::new(theme.diagnostic(&e));
        let html = theme.tera.render(template, &context.map_err(diagnostic)?).map_err(diagnostic)?;
        let summary_of = (template != "source.html").then(|| slug.to_string());
        Ok::<_, Box<Diagnostic>>(Page {
            path: PathBuf::from(format!("briefings/{slug}/{file}")),
            template,
            html,
            summary_of,
        })
    };
    Ok(vec![
        render("briefing.html", "index.html", context(&pages.briefing(), site, root, section))?,
        render("source.html", "source.html", context(&pages.source(), site, root, section))?,
        render("print.html", "print.html", context(&pages.print(), site, root, section))?,
    ])
}

/// One page of a list across briefings, rendered from the records it shows.
pub fn list_page(
    page: index::ListPage,
    records: &index::PageRecords,
    idx: &catalogue::Index,
    settings: &Settings,
    theme: &Theme,
    site: &SiteView,
) -> Result<Page, Box<Diagnostic>> {
    let (path, template, section) = page.place(idx);
    let root = root_of(&path);
    let diagnostic = |e: tera::Error| Box::new(theme.diagnostic(&e));
    let context = index::context(page, records, idx, settings.paginate_by, site, root, section).map_err(diagnostic)?;
    let html = theme.tera.render(template, &context).map_err(diagnostic)?;
    Ok(Page { path: PathBuf::from(path), template, html, summary_of: None })
}

/// From a page `n` folders deep back to the site root.
const ROOTS: [&str; 5] = ["", "../", "../../", "../../../", "../../../../"];

/// The way back to the site root from the page at `path`.
fn root_of(path: &str) -> &'static str {
    ROOTS[path.matches('/').count().min(ROOTS.len() - 1)]
}

/// A page's template context: the site, the way back to the root, its section, and its view.
fn context<T: Serialize>(
    page: &T,
    site: &SiteView,
    root: &'static str,
    section: &'static str,
) -> tera::TeraResult<tera::Context> {
    tera::Context::from_serialize(&Frame { site, root, section, page })
}
