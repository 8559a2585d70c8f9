//! The briefing site (SPEC §8): every page rendered in memory from the
//! traced project — home, briefings, their annotated sources, actors, facts,
//! quotes — plus the stylesheet and `trace.json`.
//!
//! This stage only renders. What it publishes is verified by
//! [`crate::verify`] and written by [`crate::output`]; nothing here touches
//! the disk but reading the project's templates.

mod format;
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

/// A page waiting for its template.
struct Job {
    path: PathBuf,
    template: &'static str,
    context: tera::Context,
    summary_of: Option<String>,
}

/// The pages to render, each with its template context.
struct Jobs<'a> {
    site: &'a SiteView<'a>,
    theme: &'a Theme,
    jobs: Vec<Job>,
}

impl Jobs<'_> {
    /// Adds the page at `path` (from the site root), rendered from `template` with `page`.
    fn add(
        &mut self,
        path: String,
        template: &'static str,
        section: &'static str,
        page: &dyn erased::Page,
    ) -> Result<&mut Job, Box<Diagnostic>> {
        let root = ROOTS[path.matches('/').count().min(ROOTS.len() - 1)];
        let context = page
            .context(self.site, root, section)
            .map_err(|e| Box::new(self.theme.diagnostic(&e)))?;
        self.jobs.push(Job {
            path: PathBuf::from(path),
            template,
            context,
            summary_of: None,
        });
        Ok(self.jobs.last_mut().expect("a job was just pushed"))
    }
}

/// From a page `n` folders deep back to the site root.
const ROOTS: [&str; 3] = ["", "../", "../../"];

/// Renders every page of the site for a traced `project`.
pub fn render(
    project: &Project,
    trace: &Trace,
    settings: &Settings,
    sources: &mut Sources,
) -> Result<Rendered, Vec<Diagnostic>> {
    let theme = Theme::load(&project.root, sources)?;
    let model = model::Model::new(project, trace);
    let site = SiteView {
        title: &settings.title,
        language: &settings.language,
    };
    let mut jobs = Jobs {
        site: &site,
        theme: &theme,
        jobs: Vec::new(),
    };
    let added = (|| -> Result<(), Box<Diagnostic>> {
        jobs.add("index.html".into(), "index.html", "home", &model.home())?;
        for b in model.briefings() {
            let slug = b.slug();
            jobs.add(
                format!("briefings/{slug}/index.html"),
                "briefing.html",
                "briefings",
                &model.briefing(b),
            )?
            .summary_of = Some(slug.to_string());
            jobs.add(
                format!("briefings/{slug}/source.html"),
                "source.html",
                "briefings",
                &model.source(b),
            )?;
        }
        jobs.add("actors/index.html".into(), "actors.html", "actors", &model.actors())?;
        for id in model.actor_ids() {
            jobs.add(
                format!("actors/{id}/index.html"),
                "actor.html",
                "actors",
                &model.actor(id),
            )?;
        }
        jobs.add("facts/index.html".into(), "facts.html", "facts", &model.facts())?;
        jobs.add("quotes/index.html".into(), "quotes.html", "quotes", &model.quotes())?;
        Ok(())
    })();
    added.map_err(|d| vec![*d])?;

    let pages: Vec<Result<Page, Box<Diagnostic>>> = jobs
        .jobs
        .into_par_iter()
        .map(|job| {
            let html = theme
                .tera
                .render(job.template, &job.context)
                .map_err(|e| Box::new(theme.diagnostic(&e)))?;
            Ok(Page {
                path: job.path,
                template: job.template,
                html,
                summary_of: job.summary_of,
            })
        })
        .collect();
    let mut rendered = Rendered::default();
    let mut problems: Vec<Diagnostic> = Vec::new();
    for page in pages {
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
    rendered.files.push((PathBuf::from("trace.json"), model.trace_json()));
    Ok(rendered)
}

/// Page views of different types behind one interface, for the job list.
mod erased {
    use super::*;

    pub trait Page {
        fn context(
            &self,
            site: &SiteView,
            root: &'static str,
            section: &'static str,
        ) -> tera::TeraResult<tera::Context>;
    }

    impl<T: Serialize> Page for T {
        fn context(
            &self,
            site: &SiteView,
            root: &'static str,
            section: &'static str,
        ) -> tera::TeraResult<tera::Context> {
            tera::Context::from_serialize(&Frame {
                site,
                root,
                section,
                page: self,
            })
        }
    }
}
