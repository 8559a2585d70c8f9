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
use crate::sheet::Briefing;
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
    let published = published_numbers(project, settings, &trace, &rendered, sources);
    if !published.is_empty() {
        diagnostics.extend(published);
        return Run { trace, diagnostics, site: None };
    }
    match site_files(project, rendered) {
        Ok(site) => Run { trace, diagnostics, site: Some(site) },
        Err(unreadable) => {
            diagnostics.extend(unreadable);
            Run { trace, diagnostics, site: None }
        }
    }
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

/// The published-number check over every page and every HTML file of
/// `static/`. Each number not accounted for is reported once, at the place
/// it was written — a line of a fact sheet, a summary, a template or a
/// static file — with the count of pages it would appear on.
fn published_numbers(
    project: &Project,
    settings: &Settings,
    trace: &Trace,
    rendered: &Rendered,
    sources: &mut Sources,
) -> Vec<Diagnostic> {
    let seeds = SeedMentions::new(project, trace);
    let mut problems = Vec::new();
    let statics: Vec<(PathBuf, String)> = project
        .statics
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm")))
        .filter_map(|f| match std::fs::read(project.root.join(f)) {
            Ok(bytes) => Some((f.clone(), String::from_utf8_lossy(&bytes).into_owned())),
            Err(e) => {
                problems.push(unreadable(f, &e));
                None
            }
        })
        .collect();
    let pages = rendered.pages.iter().map(|p| (p.path.as_path(), p.html.as_str(), Some(p)));
    let statics_as_pages = statics.iter().map(|(f, html)| (f.as_path(), html.as_str(), None));
    let found: Vec<(&Path, &str, Option<&Page>, Vec<Unaccounted>)> = pages
        .chain(statics_as_pages)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(path, html, page)| (path, html, page, verify::check_page(path, html, &seeds)))
        .filter(|(.., found)| !found.is_empty())
        .collect();
    if found.is_empty() {
        return problems;
    }
    let theme = site::Theme::load(&project.root, &mut Sources::default()).ok();
    let mut reports: Vec<Report> = Vec::new();
    for (path, html, page, found) in found {
        let origins = Origins { project, settings, sources, theme: theme.as_ref(), page };
        let located: Vec<(Unaccounted, Origin)> = found
            .into_iter()
            .map(|u| {
                let origin = origins.of(&u).unwrap_or_else(|| Origin::page(path, html, &u, page.is_none()));
                (u, origin)
            })
            .collect();
        // the page's own text, for a report that can point nowhere else
        if let Some((_, origin)) = located.iter().find(|(_, o)| o.place.file.starts_with("<site>") || page.is_none()) {
            sources.add(&origin.place.file, html);
        }
        for (u, origin) in located {
            match reports.iter_mut().find(|r| r.origin.place == origin.place && r.text == u.text) {
                Some(report) if report.last_page != path => {
                    report.pages += 1;
                    report.last_page = path.to_path_buf();
                }
                Some(_) => {}
                None => reports.push(Report {
                    text: u.text.clone(),
                    origin,
                    pages: 1,
                    last_page: path.to_path_buf(),
                    first: u,
                }),
            }
        }
    }
    problems.extend(reports.into_iter().map(Report::diagnostic));
    problems
}

/// One wrong number at its origin, and how many pages show it.
struct Report {
    text: String,
    origin: Origin,
    pages: usize,
    last_page: PathBuf,
    /// Where it was first found.
    first: Unaccounted,
}

impl Report {
    fn diagnostic(self) -> Diagnostic {
        let u = &self.first;
        let why = match &u.reason {
            Reason::NotTraced => self.origin.untraced.to_string(),
            Reason::NotStated { sentences } => format!("{} does not state it", sentences.join(", ")),
            Reason::UnknownSentence { sentence } => format!("it cites {sentence}, which is no sentence of its seed"),
        };
        let on = match self.pages {
            1 => u.page.display().to_string(),
            n => format!("{n} pages"),
        };
        let written = match &self.origin.what {
            Some(what) => format!("`{}` {what} is published on {on}", self.text),
            None => format!("`{}` is published on {on}", self.text),
        };
        let d = Diagnostic::error("untraced-published-number", format!("{written}, but {why}"))
            .at(self.origin.place)
            .label(match self.pages {
                1 => "published here".to_string(),
                n => format!("published on {n} pages"),
            });
        d.help(self.origin.help.unwrap_or(match &u.reason {
            Reason::NotTraced => "publish numbers through the fact sheet's figures, or mark values that are no claims with data-trace=\"meta\" or \"derived\"",
            _ => "cite the sentence that states the number, or correct the number",
        }))
    }
}

/// Where a published number was written, in words and as a place.
struct Origin {
    place: Place,
    /// `in the title`, `in templates/briefing.html`; nothing for the page itself.
    what: Option<String>,
    help: Option<&'static str>,
    /// Why a number written here is not traced.
    untraced: &'static str,
}

impl Origin {
    /// The page itself: a static file, or (when nothing else can be told) the rendered page.
    fn page(path: &Path, html: &str, u: &Unaccounted, is_static: bool) -> Origin {
        let span = u.offset..u.offset + u.text.len();
        if is_static {
            return Origin {
                place: Place::new(path, html, span),
                what: None,
                help: Some(
                    "move the number into a template that traces it, or mark it data-trace=\"meta\" if it is no claim",
                ),
                untraced: NOT_CITED,
            };
        }
        let shown = Path::new("<site>").join(path);
        Origin { place: Place::new(&shown, html, span), what: None, help: None, untraced: NOT_CITED }
    }
}

/// Why a number of a template or a page is not traced.
const NOT_CITED: &str = "no element around it cites a sentence that states it (data-trace)";

/// What a number on a page can have come from.
struct Origins<'a> {
    project: &'a Project,
    settings: &'a Settings,
    sources: &'a Sources,
    theme: Option<&'a site::Theme>,
    page: Option<&'a Page>,
}

impl Origins<'_> {
    /// Where the number `u` was written: a field of its briefing's sheet
    /// (title, a figure's label, an actor's role or name), its summary, or
    /// one of the templates the page is made of.
    fn of(&self, u: &Unaccounted) -> Option<Origin> {
        let page = self.page?;
        let in_own_sheet = || {
            let slug = u.briefing.as_ref()?;
            self.project.briefings.iter().filter(|b| &b.slug == slug).find_map(|b| self.in_sheet(b, &u.text))
        };
        // the site's title heads every page; outside a briefing, any sheet may have put the number there
        in_own_sheet()
            .or_else(|| self.in_settings(&u.text))
            .or_else(|| match u.briefing {
                Some(_) => None,
                None => self.project.briefings.iter().find_map(|b| self.in_sheet(b, &u.text)),
            })
            .or_else(|| self.in_summary(page, u))
            .or_else(|| self.in_templates(page, &u.text))
    }

    fn in_settings(&self, text: &str) -> Option<Origin> {
        find_number(&self.settings.title, text)?;
        let file = Path::new(crate::config::FILE);
        let settings = self.sources.get(file)?;
        let at = find_number(settings, text)?;
        Some(Origin {
            place: Place::new(file, settings, at..at + text.len()),
            what: Some("in the site's title".to_string()),
            help: Some("the site's title publishes no number: write it in words, or leave it out"),
            untraced: "no sentence states a number of the site's title",
        })
    }

    fn in_sheet(&self, b: &Briefing, text: &str) -> Option<Origin> {
        let yaml = self.sources.get(&b.file)?;
        let fields = std::iter::once(("the title".to_string(), &b.title))
            .chain(b.figures.iter().map(|f| (format!("the label of figure `{}`", f.id.value), &f.label)))
            .chain(b.actors.iter().filter_map(|a| Some((format!("the role of `{}`", a.id.value), a.role.as_ref()?))))
            .chain(b.actors.iter().flat_map(|a| a.names().map(move |n| (format!("a name of `{}`", a.id.value), n))));
        for (what, field) in fields {
            if find_number(&field.value, text).is_none() {
                continue;
            }
            // the place in the sheet's own text: a quoted or folded value may differ from it
            let raw = yaml.get(field.span.clone()).unwrap_or_default();
            let (start, end) = match find_number(raw, text) {
                Some(at) => (field.span.start + at, field.span.start + at + text.len()),
                None => (field.span.start, field.span.end),
            };
            return Some(Origin {
                place: Place::new(&b.file, yaml, start..end),
                what: Some(format!("in {what}")),
                help: Some(
                    "write the number as a sentence of the seed states it, or leave it out: the sheet's text publishes only numbers its seed states",
                ),
                untraced: "no sentence of its seed states it",
            });
        }
        None
    }

    fn in_summary(&self, page: &Page, u: &Unaccounted) -> Option<Origin> {
        let slug = page.summary_of.as_ref().filter(|s| u.briefing.as_ref().is_none_or(|b| b == *s))?;
        let summary = self.project.briefings.iter().find(|b| &b.slug == slug)?.summary.as_ref()?;
        let file_text = self.sources.get(&summary.file)?;
        // searched in the file itself: an inline `summary: |` is indented there
        let end = (summary.offset + summary.markdown.len() * 2).min(file_text.len());
        let at = summary.offset + find_number(file_text.get(summary.offset..end)?, &u.text)?;
        Some(Origin {
            place: Place::new(&summary.file, file_text, at..at + u.text.len()),
            what: Some("in the summary".to_string()),
            help: Some(
                "a summary publishes the briefing's figures and the years and dates its seed states: make the number a figure, or write it as the figure publishes it",
            ),
            untraced: "it is none of the briefing's figures, nor a year or date its seed states",
        })
    }

    fn in_templates(&self, page: &Page, text: &str) -> Option<Origin> {
        self.theme?.sources_of(page.template).into_iter().find_map(|(file, template)| {
            let at = find_number(template, text)?;
            Some(Origin {
                place: Place::new(file, template, at..at + text.len()),
                what: Some(format!("in {}", file.display())),
                help: None,
                untraced: NOT_CITED,
            })
        })
    }
}

/// The first place `number` (a mention's text) stands in `text` as a whole
/// number: `3` is not found in `2013`, `3.5` or `x3`.
fn find_number(text: &str, number: &str) -> Option<usize> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let separator = |c: Option<char>| matches!(c, Some('.' | ','));
    text.match_indices(number).map(|(at, _)| at).find(|&at| {
        let mut back = text[..at].chars().rev();
        let mut ahead = text[at + number.len()..].chars();
        let (b1, b2, a1, a2) = (back.next(), back.next(), ahead.next(), ahead.next());
        let joined = |near: Option<char>, next: Option<char>| word(near) || (separator(near) && word(next));
        !joined(b1, b2) && !joined(a1, a2)
    })
}

fn unreadable(file: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::input("unreadable-file", format!("cannot read {}: {e}", file.display()))
        .in_file(file)
        .help("make the file readable, or remove it")
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
fn site_files(project: &Project, rendered: Rendered) -> Result<SiteFiles, Vec<Diagnostic>> {
    let mut files = SiteFiles::new();
    let mut problems = Vec::new();
    for file in &project.statics {
        match std::fs::read(project.root.join(file)) {
            Ok(bytes) => files.add(file.strip_prefix("static").unwrap_or(file).to_path_buf(), bytes),
            Err(e) => problems.push(unreadable(file, &e)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for (path, bytes) in rendered.files {
        files.add(path, bytes);
    }
    for page in rendered.pages {
        files.add(page.path, page.html.into_bytes());
    }
    Ok(files)
}
