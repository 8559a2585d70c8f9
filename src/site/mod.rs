//! The briefing site: every page rendered in memory from the
//! traced project — home, briefings, their annotated sources, actors, facts,
//! quotes — plus the stylesheet and `trace.json`.
//!
//! This stage only renders. What it publishes is verified by
//! [`crate::verify`] and written by [`crate::output`]; nothing here touches
//! the disk but reading the project's templates.

pub mod format;
mod markdown;
mod model;
mod publish;
mod theme;
mod views;

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Sources};
use crate::project::Project;
use crate::trace::Trace;

pub use crate::config::Settings;
pub use theme::Theme;
use views::{Frame, SiteView};

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

/// A rendered site: its pages and its other files.
#[derive(Debug, Default)]
pub struct Rendered {
    pub pages: Vec<Page>,
    pub files: Vec<(PathBuf, Vec<u8>)>,
}

/// A page of the site, before it is rendered.
enum PageSpec<'m> {
    Home,
    Briefing(&'m model::BriefingModel<'m>),
    Source(&'m model::BriefingModel<'m>),
    Print(&'m model::BriefingModel<'m>),
    Actors,
    Actor(&'m str),
    Facts,
    Quotes,
}

impl PageSpec<'_> {
    /// The page's path from the site root, its template and its section.
    fn place(&self) -> (String, &'static str, &'static str) {
        match self {
            PageSpec::Home => ("index.html".into(), "index.html", "home"),
            PageSpec::Briefing(b) => (format!("briefings/{}/index.html", b.slug()), "briefing.html", "briefings"),
            PageSpec::Source(b) => (format!("briefings/{}/source.html", b.slug()), "source.html", "briefings"),
            PageSpec::Print(b) => (format!("briefings/{}/print.html", b.slug()), "print.html", "briefings"),
            PageSpec::Actors => ("actors/index.html".into(), "actors.html", "actors"),
            PageSpec::Actor(id) => (format!("actors/{id}/index.html"), "actor.html", "actors"),
            PageSpec::Facts => ("facts/index.html".into(), "facts.html", "facts"),
            PageSpec::Quotes => ("quotes/index.html".into(), "quotes.html", "quotes"),
        }
    }

    /// Pages by how long they take to render, longest first: the lists of
    /// every figure and every quote, the home page, then the actors' pages.
    fn size_rank(&self) -> u8 {
        match self {
            PageSpec::Facts => 0,
            PageSpec::Quotes => 1,
            PageSpec::Home => 2,
            PageSpec::Actors | PageSpec::Actor(_) => 3,
            PageSpec::Briefing(_) | PageSpec::Source(_) | PageSpec::Print(_) => 4,
        }
    }

    /// Builds the page's view and renders it.
    fn render(&self, model: &model::Model, theme: &Theme, site: &SiteView) -> Result<Page, Box<Diagnostic>> {
        let (path, template, section) = self.place();
        let root = ROOTS[path.matches('/').count().min(ROOTS.len() - 1)];
        let context = match self {
            PageSpec::Home => context(&model.home(), site, root, section),
            PageSpec::Briefing(b) => context(&model.briefing(b), site, root, section),
            PageSpec::Source(b) => context(&model.source(b), site, root, section),
            PageSpec::Print(b) => context(&model.print(b, &theme.print_style), site, root, section),
            PageSpec::Actors => context(&model.actors(), site, root, section),
            PageSpec::Actor(id) => context(&model.actor(id), site, root, section),
            PageSpec::Facts => context(&model.facts(), site, root, section),
            PageSpec::Quotes => context(&model.quotes(), site, root, section),
        };
        let diagnostic = |e: tera::Error| Box::new(theme.diagnostic(&e));
        let mut html = theme.tera.render(template, &context.map_err(diagnostic)?).map_err(diagnostic)?;
        // pages are kept until the site is written: without the spare room they were rendered in
        html.shrink_to_fit();
        let summary_of = match self {
            PageSpec::Briefing(b) | PageSpec::Print(b) => Some(b.slug().to_string()),
            _ => None,
        };
        Ok(Page { path: PathBuf::from(path), template, html, summary_of })
    }
}

/// From a page `n` folders deep back to the site root.
const ROOTS: [&str; 3] = ["", "../", "../../"];

/// Renders every page of the site for a traced `project`. Pages are built
/// and rendered in parallel, each view dropped as soon as its page is done.
///
/// The pages that list across briefings take longest: they are started
/// first, and the work is shared out one page at a time (rayon would
/// otherwise split the list by count, and leave the last, longest pages to
/// one thread). `trace.json` is written meanwhile.
pub fn render(
    project: &Project,
    trace: &Trace,
    settings: &Settings,
    sources: &mut Sources,
) -> Result<Rendered, Vec<Diagnostic>> {
    let theme = Theme::load(&project.root, sources)?;
    let model = model::Model::new(project, trace);
    let site = SiteView { title: &settings.title, language: &settings.language, pdf: settings.pdf };
    let mut specs = vec![PageSpec::Home];
    for b in model.briefings() {
        specs.push(PageSpec::Briefing(b));
        specs.push(PageSpec::Source(b));
        specs.push(PageSpec::Print(b));
    }
    specs.push(PageSpec::Actors);
    specs.extend(model.actor_ids().map(PageSpec::Actor));
    specs.push(PageSpec::Facts);
    specs.push(PageSpec::Quotes);

    let mut order: Vec<usize> = (0..specs.len()).collect();
    order.sort_by_key(|&i| specs[i].size_rank());
    let (mut pages, trace_json) = rayon::join(
        || -> Vec<(usize, Result<Page, Box<Diagnostic>>)> {
            order.par_iter().with_max_len(1).map(|&i| (i, specs[i].render(&model, &theme, &site))).collect()
        },
        || model.trace_json(),
    );
    // back in the order of the site, the order of any messages
    pages.sort_unstable_by_key(|(i, _)| *i);
    let mut rendered = Rendered::default();
    let mut problems: Vec<Diagnostic> = Vec::new();
    for (_, page) in pages {
        match page {
            Ok(page) => rendered.pages.push(page),
            // a template error shows on every page that uses it: report it once
            Err(d) if !problems.contains(&d) => problems.push(*d),
            Err(_) => {}
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    rendered.files.push((PathBuf::from("style.css"), theme.style.clone().into_bytes()));
    rendered.files.push((PathBuf::from("trace.json"), trace_json));
    Ok(rendered)
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
