//! The whole run of `build` (and the part of `check` that renders): trace
//! the project, render the site in memory, verify every number it publishes,
//! and gather the files to write. Nothing is written here; `output` does that
//! once all of this has passed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Place, Sources, Tally};
use crate::numbers::{self, Mention};
use crate::output::SiteFiles;
use crate::project::Project;
use crate::site::{self, Page, Rendered};
use crate::trace::{self, FactKind, Trace};
use crate::verify::{self, Reason, Unaccounted};

/// What a run found: the trace and every diagnostic; the site when it rendered.
pub struct Run {
    pub trace: Trace,
    pub diagnostics: Vec<Diagnostic>,
    pub site: Option<SiteFiles>,
}

/// Traces `project`; when every fact traces, renders the site and verifies it.
pub fn run(project: &Project, settings: &Settings, sources: &mut Sources) -> Run {
    let trace = trace::trace(project);
    let mut diagnostics = trace.diagnostics.clone();
    if Tally::of(&diagnostics).errors > 0 {
        // a site of untraced facts would only repeat the same errors
        return Run { trace, diagnostics, site: None };
    }
    let rendered = match site::render(project, &trace, settings, sources) {
        Ok(rendered) => rendered,
        Err(problems) => {
            diagnostics.extend(problems);
            return Run { trace, diagnostics, site: None };
        }
    };
    let published = published_numbers(project, &trace, &rendered, sources);
    let verified = published.is_empty();
    diagnostics.extend(published);
    let site = verified.then(|| site_files(project, rendered));
    Run { trace, diagnostics, site }
}

/// What each sentence of each briefing accounts for on a page: the mentions
/// it states, and the figures traced to it as the site publishes them. The
/// second is how a figure the sheet rounds (`approx: true`) or dates (a day
/// the seed gives without its year) may be published — as that figure's own
/// value, and no other rounding.
struct SeedMentions {
    by_briefing: HashMap<String, Vec<Vec<Mention>>>,
}

impl SeedMentions {
    fn new(project: &Project, trace: &Trace) -> SeedMentions {
        let traced: HashMap<(&str, &str), usize> = trace
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Number)
            .filter_map(|f| Some(((f.briefing.as_str(), f.id.as_str()), f.stated.as_ref()?.sentence)))
            .collect();
        let by_briefing = project
            .briefings
            .par_iter()
            .map(|b| {
                let mut sentences = numbers::scan_seed(project.seed_of(b));
                for f in &b.figures {
                    let Some(&n) = traced.get(&(b.slug.as_str(), f.id.value.as_str())) else { continue };
                    let published = site::format::figure(&f.value.value, f.unit(), None);
                    if let (Some(m), Some(sentence)) = (numbers::scan(&published).pop(), sentences.get_mut(n - 1)) {
                        sentence.push(m);
                    }
                }
                (b.slug.clone(), sentences)
            })
            .collect();
        SeedMentions { by_briefing }
    }
}

impl verify::Sentences for SeedMentions {
    fn mentions(&self, briefing: &str, sentence: usize) -> Option<&[Mention]> {
        let sentences = self.by_briefing.get(briefing)?;
        sentences.get(sentence.checked_sub(1)?).map(Vec::as_slice)
    }
}

/// SPEC §6 over every page: each number not accounted for is an error naming
/// the page and line, and the template or summary line it came from when
/// that can be told.
fn published_numbers(project: &Project, trace: &Trace, rendered: &Rendered, sources: &mut Sources) -> Vec<Diagnostic> {
    let seeds = SeedMentions::new(project, trace);
    let theme_sources = sources.clone();
    let mut problems = Vec::new();
    let found: Vec<(&Page, Vec<Unaccounted>)> = rendered
        .pages
        .par_iter()
        .map(|page| (page, verify::check_page(&page.path, &page.html, &seeds)))
        .filter(|(_, found)| !found.is_empty())
        .collect();
    for (page, found) in found {
        // the page as rendered: it is not written, since the check failed
        let shown = Path::new("<site>").join(&page.path);
        sources.add(&shown, &page.html);
        for u in found {
            let d = unaccounted(project, page, &shown, &u, &theme_sources);
            // a summary or template line that publishes a number on several
            // pages (the briefing and its print page) is one mistake: say it once
            let same_origin = |other: &Diagnostic| !d.related.is_empty() && other.related == d.related;
            if !problems.iter().any(same_origin) {
                problems.push(d);
            }
        }
    }
    problems
}

fn unaccounted(project: &Project, page: &Page, shown: &Path, u: &Unaccounted, sources: &Sources) -> Diagnostic {
    let why = match &u.reason {
        Reason::NotTraced => "no sentence of the seed is given for it (data-trace)".to_string(),
        Reason::NotStated { sentences } => format!("{} does not state it", sentences.join(", ")),
        Reason::UnknownSentence { sentence } => format!("the page cites {sentence}, which is no sentence of its seed"),
    };
    let place =
        Place { file: shown.to_path_buf(), span: u.offset..u.offset + u.text.len(), line: u.line, column: u.column };
    let mut d = Diagnostic::error(
        "untraced-published-number",
        format!("`{}` is published on {} but {why}", u.text, page.path.display()),
    )
    .at(place)
    .label("published here");
    if let Some(origin) = origin_of(project, page, &u.text, sources) {
        d = d.related(origin, format!("`{}` comes from here", u.text));
    }
    d.help(match &u.reason {
        Reason::NotTraced => "publish numbers through the fact sheet (figures, quotes), or mark values that are no claims with data-trace=\"meta\" or \"derived\"",
        _ => "cite the sentence that states the number, or correct the number",
    })
}

/// Where a published number was written: a line of the page's summary, or
/// of one of the templates the page is made of.
fn origin_of(project: &Project, page: &Page, text: &str, sources: &Sources) -> Option<Place> {
    if let Some(summary) = page
        .summary_of
        .as_ref()
        .and_then(|slug| project.briefings.iter().find(|b| &b.slug == slug))
        .and_then(|b| b.summary.as_ref())
                && let Some(file_text) = sources.get(&summary.file)
        // searched in the file itself: an inline `summary: |` is indented there
        && let Some(at) = file_text.get(summary.offset..).and_then(|rest| rest.find(text))
    {
        let offset = summary.offset + at;
        return Some(Place::new(&summary.file, file_text, offset..offset + text.len()));
    }
    let theme = site::Theme::load(&project.root, &mut Sources::default()).ok()?;
    theme
        .sources_of(page.template)
        .into_iter()
        .find_map(|(file, template)| template.find(text).map(|at| Place::new(file, template, at..at + text.len())))
}

/// Why writing the site to `target` would destroy the project's own files,
/// if it would: the project itself, a folder holding it, or one of the
/// folders it reads. Refused even with `--force`.
pub fn endangers_project(root: &Path, target: &Path) -> Option<&'static str> {
    let real = |p: &Path| -> Option<PathBuf> {
        p.canonicalize().ok().or_else(|| Some(p.parent()?.canonicalize().ok()?.join(p.file_name()?)))
    };
    let (root, target) = (root.canonicalize().ok()?, real(target)?);
    if root.starts_with(&target) {
        return Some("is the project folder, or holds it");
    }
    let inputs = ["content", "seeds", "templates", "static"];
    inputs
        .iter()
        .any(|input| target.starts_with(root.join(input)))
        .then_some("is one of the folders the project is read from")
}

/// The rendered pages and files, the project's `static/` files, as one set to write.
fn site_files(project: &Project, rendered: Rendered) -> SiteFiles {
    let mut files = SiteFiles::new();
    for (path, bytes) in static_files(&project.root.join("static")) {
        files.add(path, bytes);
    }
    for (path, bytes) in rendered.files {
        files.add(path, bytes);
    }
    for page in rendered.pages {
        files.add(page.path, page.html.into_bytes());
    }
    files
}

/// Every file under `dir`, by its path relative to `dir`, sorted.
fn static_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let (Ok(bytes), Ok(relative)) = (std::fs::read(&path), path.strip_prefix(dir)) {
                out.push((relative.to_path_buf(), bytes));
            }
        }
    }
    out.sort();
    out
}
