//! The whole run of `build` and `check`, as a stream: each briefing is
//! loaded, traced, rendered, its pages verified and handed to the output
//! (a staging folder for `build`, nowhere for `check`) as soon as they
//! exist, and only a small record of it is kept, in the catalogue. The
//! pages that list across briefings are then made from the catalogue, a
//! page at a time, and verified and handed on the same way; then the
//! static files, the stylesheets and `trace.json`.
//!
//! A run's memory follows the largest briefing and the indexes, never the
//! size of the site. Writing is the output's job, and swapping the new site
//! in is the caller's, once the run has passed.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::config::{self, Settings};
use crate::diagnostic::{Diagnostic, Sources, Tally};
use crate::numbers::Mention;
use crate::output::{MemorySite, OutputError, Staging};
use crate::project::{Loaded, Project};
use crate::published::{Origins, Reports, SheetOf};
use crate::site::catalogue::{Cast, Catalogue, Entry, Given, Index};
use crate::site::index::{self as lists, ListPage};
use crate::site::model::BriefingModel;
use crate::site::records::Cited;
use crate::site::{self, Page, SiteView, Theme};
use crate::source::Seed;
use crate::trace::{self, Trace};
use crate::verify::{self, Sentences, Stylesheets};

mod incremental;
mod spill;
mod web;

pub use incremental::{LiveSite, Rebuilt};
use spill::Spill;

/// Where a run's pages go.
#[derive(Clone, Copy)]
pub enum Output<'a> {
    /// `check`: pages are verified and dropped.
    Nowhere,
    /// `build`: pages are written into the staging folder of the new site.
    Staging(&'a Staging),
    /// `serve`: pages are kept in memory.
    Memory(&'a MemorySite),
}

impl Output<'_> {
    fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
        match self {
            Output::Nowhere => Ok(()),
            Output::Staging(staging) => staging.write(path, bytes),
            Output::Memory(site) => site.write(path, bytes),
        }
    }
}

/// What a run found.
pub struct Run {
    /// The facts traced (kept whole only when asked), their counts and the trace's diagnostics.
    pub trace: Trace,
    /// Every diagnostic, in the order of the sheets, then those across them.
    pub diagnostics: Vec<Diagnostic>,
    /// The text of every file a diagnostic points into.
    pub sources: Sources,
    /// The briefings published: (slug, date), newest first.
    pub briefings: Vec<(String, Option<String>)>,
}

impl Run {
    pub fn tally(&self) -> Tally {
        Tally::of(&self.diagnostics)
    }
}

/// Runs `project`: trace every briefing, render and verify every page, and
/// hand each to `output`. `keep_facts` keeps every fact of the trace (for
/// reports that list them).
pub fn run(project: &Project, settings: &Settings, output: Output, keep_facts: bool) -> Run {
    let mut sources = Sources::default();
    let settings_text = sources.read(&project.root, Path::new(config::FILE)).to_string();
    let theme = match Theme::load(&project.root, &mut sources) {
        Ok(theme) => theme,
        Err(problems) => return Run { trace: Trace::default(), diagnostics: problems, sources, briefings: Vec::new() },
    };
    let strings = settings.strings();
    let site = SiteView::new(settings, &strings);
    let catalogue = match Catalogue::new() {
        Ok(catalogue) => catalogue,
        Err(e) => {
            let d = Diagnostic::input("unreadable-file", format!("cannot make a temporary file: {e}"))
                .help("check that the temporary folder (TMPDIR) is writable");
            return Run { trace: Trace::default(), diagnostics: vec![d], sources, briefings: Vec::new() };
        }
    };
    let context = RunContext {
        project,
        settings,
        settings_text: &settings_text,
        theme: &theme,
        site: &site,
        output,
        keep_cast: false,
        css: stylesheets(project, &theme),
    };

    // each briefing on its own, in parallel; gathered in the order of the
    // sheets a batch at a time, so that what waits to be gathered stays the
    // same size whatever the size of the project
    let done = project.sheets.chunks(BATCH).enumerate().flat_map(|(batch, sheets)| {
        let first = batch * BATCH;
        let briefed: Vec<Briefed> = sheets
            .par_iter()
            .enumerate()
            .map(|(i, sheet)| context.briefing(first + i, sheet, &catalogue, keep_facts))
            .collect();
        briefed
    });

    let (gathered, mut sources) = match gather(done, project, || catalogue.cast(), sources, keep_facts) {
        Ok(gathered) => gathered,
        Err(failed) => return *failed,
    };
    let Gathered { trace, found, mut diagnostics, mut reports, entries, cast } = gathered;

    let index = Index::new(entries, cast);
    // the web's files (the search words, then the results a file at a time on
    // one thread) are made beside the lists
    let mut web_diagnostics = Vec::new();
    let (lists, web) = rayon::join(
        || context.lists(&index, &catalogue, &mut diagnostics),
        || context.web(&index, &catalogue, &mut web_diagnostics),
    );
    reports.merge(lists);
    reports.merge(web);
    diagnostics.append(&mut web_diagnostics);
    reports.merge(context.statics(&mut diagnostics));
    reports.merge(context.theme_sources());
    context.files(&index, &catalogue, &mut diagnostics);
    let (published, published_sources) = reports.diagnostics();
    diagnostics.extend(published);
    sources.extend(published_sources);
    let briefings =
        index.briefings.iter().map(|b| (b.slug.to_string(), b.date.as_deref().map(str::to_string))).collect();
    drop(index);
    let diagnostics = read_back(found, diagnostics, &mut sources, true);
    Run { trace, diagnostics, sources, briefings }
}

/// What the briefings of a run found, put together in the order of the
/// sheets, once it is known that the site can be made of them.
struct Gathered {
    trace: Trace,
    /// What the briefings found, kept aside until the run ends.
    found: Spill,
    /// What the checks across the briefings found; the run adds what it finds next.
    diagnostics: Vec<Diagnostic>,
    reports: Reports,
    entries: Vec<Entry>,
    cast: Cast,
}

/// Puts the briefings of a run together, with the checks across them; the
/// run as it ends when they have errors, and no site is made.
fn gather(
    done: impl IntoIterator<Item = Briefed>,
    project: &Project,
    cast: impl FnOnce() -> Cast,
    mut sources: Sources,
    keep_facts: bool,
) -> Result<(Gathered, Sources), Box<Run>> {
    let mut trace = Trace::default();
    let mut found = Spill::new();
    let mut reports = Reports::default();
    let mut entries = Vec::new();
    for mut briefed in done {
        let traced = briefed.trace.as_mut().map(|t| std::mem::take(&mut t.diagnostics)).unwrap_or_default();
        found.add(traced, briefed.problems, briefed.sources);
        if let Some(t) = briefed.trace {
            trace.merge(t, keep_facts);
        }
        reports.merge(briefed.reports);
        entries.extend(briefed.entry);
    }
    // the cast is whole once every briefing has been read
    let cast = cast();
    let (conflicts, roles): (Vec<Diagnostic>, Vec<Diagnostic>) =
        crate::project::cast_conflicts(project, &cast, &mut sources).into_iter().partition(|d| d.input);
    let mut tally = found.tally();
    tally.add(Tally::of(&conflicts));
    if tally.input_errors > 0 {
        // a project that does not load is reported by its input errors alone
        let mut diagnostics = read_back(found, conflicts, &mut sources, false);
        diagnostics.retain(|d| d.input);
        return Err(Box::new(Run { trace, diagnostics, sources, briefings: Vec::new() }));
    }
    tally.add(Tally::of(&roles));
    if tally.errors > 0 {
        // a site of untraced facts would only repeat the same errors
        let mut diagnostics = read_back(found, roles, &mut sources, true);
        let (published, published_sources) = reports.diagnostics();
        diagnostics.extend(published);
        sources.extend(published_sources);
        return Err(Box::new(Run { trace, diagnostics, sources, briefings: Vec::new() }));
    }
    Ok((Gathered { trace, found, diagnostics: roles, reports, entries, cast }, sources))
}

/// Every diagnostic of a run in its order: what tracing found (unless only
/// input errors are wanted), what else the briefings found, then `after`.
fn read_back(found: Spill, after: Vec<Diagnostic>, sources: &mut Sources, traced: bool) -> Vec<Diagnostic> {
    match found.read_back() {
        Ok(back) => {
            sources.extend(back.sources);
            let mut all = if traced { back.traced } else { Vec::new() };
            all.extend(back.problems);
            all.extend(after);
            all
        }
        Err(e) => {
            let mut all = vec![catalogue_error(&e)];
            all.extend(after);
            all
        }
    }
}

/// How many briefings are made in parallel before they are gathered: enough
/// to keep every thread busy, few enough to hold.
const BATCH: usize = 256;

/// What a run shares across its threads.
struct RunContext<'a> {
    project: &'a Project,
    settings: &'a Settings,
    settings_text: &'a str,
    theme: &'a Theme,
    site: &'a SiteView<'a>,
    output: Output<'a>,
    /// Whether each briefing keeps the actors its sheet gives, for a build
    /// that makes the cast again from the briefings it kept.
    keep_cast: bool,
    /// The attributes the site's CSS draws on its pages (`attr()`).
    css: Stylesheets,
}

/// What the run keeps of one briefing once its pages are out.
#[derive(Default, Clone)]
struct Briefed {
    /// The seed its sheet names, once the sheet is read.
    seed: Option<PathBuf>,
    trace: Option<Trace>,
    /// Input errors, template errors, failures to write.
    problems: Vec<Diagnostic>,
    reports: Reports,
    /// The text of its files, when a diagnostic points into them.
    sources: Sources,
    entry: Option<Entry>,
    /// The actors its sheet gives, when the run keeps them to make the cast again.
    given: Vec<Given>,
}

impl RunContext<'_> {
    /// Loads, traces, renders, verifies and writes one briefing.
    /// `number` is the sheet's place among the project's sheets.
    fn briefing(&self, number: usize, sheet: &Path, catalogue: &Catalogue, keep_facts: bool) -> Briefed {
        let loaded = match self.project.load(sheet) {
            Ok(loaded) => loaded,
            Err(failure) => {
                return Briefed { problems: failure.diagnostics, sources: failure.sources, ..Briefed::default() };
            }
        };
        let given = Given::of(&loaded.briefing);
        let places = catalogue.observe(number, &given);
        let mut trace = trace::briefing(&loaded);
        let mut briefed = Briefed { seed: Some(loaded.briefing.seed.clone()), ..Briefed::default() };
        if Tally::of(&trace.diagnostics).errors == 0 {
            self.publish_briefing(&loaded, &trace, catalogue, (&given, &places), &mut briefed);
        }
        if self.keep_cast {
            briefed.given = given;
        }
        if !trace.diagnostics.is_empty() || !briefed.problems.is_empty() || !briefed.reports.is_empty() {
            // the lines they point into, not the files: a run keeps the diagnostics of every briefing
            briefed.sources = loaded.sources.lines_of(trace.diagnostics.iter().chain(&briefed.problems));
        }
        if !keep_facts {
            // the run keeps counts, not facts: its memory must not grow with the project
            trace.facts = Vec::new();
        }
        // kept to the end of the run: no room to spare
        trace.diagnostics.shrink_to_fit();
        briefed.problems.shrink_to_fit();
        briefed.trace = Some(trace);
        briefed
    }

    /// Renders a traced briefing's pages, verifies and writes them, and adds its records to the catalogue.
    fn publish_briefing(
        &self,
        loaded: &Loaded,
        trace: &Trace,
        catalogue: &Catalogue,
        (given, places): (&[Given], &[(u32, Option<u32>)]),
        briefed: &mut Briefed,
    ) {
        let model = BriefingModel::new(loaded, trace, self.site.strings);
        let pages = match site::briefing_pages(&model, self.theme, self.site) {
            Ok(pages) => pages,
            Err(d) => {
                briefed.problems.push(*d);
                return;
            }
        };
        let accepted = OneBriefing { slug: model.slug(), seed: &loaded.seed, sentences: model.accepted_mentions() };
        let sheet = |slug: &str| {
            (slug == loaded.briefing.slug).then_some(SheetOf { briefing: &loaded.briefing, sources: &loaded.sources })
        };
        for page in &pages {
            let found = verify::check_page(&page.path, &page.html, self.known(&accepted, &page.given));
            if !found.is_empty() {
                let origins = self.origins(Some(page), &sheet);
                briefed.reports.add(&page.path, &page.html, found, &origins);
            }
            if let Err(e) = self.output.write(&page.path, page.html.as_bytes()) {
                briefed.problems.push(not_written(&e));
            }
        }
        let cited = model.cited();
        // `check` writes no trace.json
        let trace_json = match self.output {
            Output::Nowhere => String::new(),
            _ => model.trace_json(trace),
        };
        let records = crate::site::catalogue::Records {
            card: &model.record,
            figures: &model.figures,
            quotes: &model.quotes,
            actors: &model.actors,
            cited: &cited,
            trace: &trace_json,
        };
        match catalogue.add(&records, given, places) {
            Ok(entry) => briefed.entry = Some(entry),
            Err(e) => briefed.problems.push(not_written(&OutputError::Io {
                path: PathBuf::from("(the catalogue)"),
                action: "write",
                source: e,
            })),
        }
    }

    fn origins<'o>(&'o self, page: Option<&'o Page>, sheet: &'o dyn Fn(&str) -> Option<SheetOf<'o>>) -> Origins<'o> {
        Origins {
            settings: self.settings,
            settings_text: Some(self.settings_text).filter(|t| !t.is_empty()),
            theme: self.theme,
            page,
            sheet,
        }
    }

    /// The pages that list across briefings: rendered, verified and written a page at a time.
    fn lists(&self, index: &Index, catalogue: &Catalogue, diagnostics: &mut Vec<Diagnostic>) -> Reports {
        let pages = lists::list_pages(index, self.settings.paginate_by.max(1));
        let done: Vec<(Reports, Vec<Diagnostic>)> =
            pages.par_iter().map(|&page| self.list_page(page, index, catalogue)).collect();
        let mut all = Reports::default();
        for (reports, problems) in done {
            all.merge(reports);
            diagnostics.extend(problems);
        }
        all
    }

    /// One page of a list: rendered, verified and written.
    fn list_page(&self, page: ListPage, index: &Index, catalogue: &Catalogue) -> (Reports, Vec<Diagnostic>) {
        let per_page = self.settings.paginate_by.max(1);
        let mut reports = Reports::default();
        let mut problems = Vec::new();
        let records = match lists::read(page, index, catalogue, per_page) {
            Ok(records) => records,
            Err(e) => return (reports, vec![catalogue_error(&e)]),
        };
        let rendered = match site::list_page(page, &records, index, self.theme, self.site) {
            Ok(rendered) => rendered,
            Err(d) => return (reports, vec![*d]),
        };
        let accepted = match CitedSentences::of_page(&records, index) {
            Ok(accepted) => accepted,
            Err(e) => return (reports, vec![catalogue_error(&e)]),
        };
        let found = verify::check_page(&rendered.path, &rendered.html, self.known(&accepted, &rendered.given));
        if !found.is_empty() {
            // the sheets the wrong numbers may come from, read again to say where
            let mut slugs: Vec<&str> = found.iter().filter_map(|u| u.briefing.as_deref()).collect();
            slugs.sort_unstable();
            slugs.dedup();
            let sheet_file = |slug: &str| Path::new("content").join(format!("{slug}.yaml"));
            let loaded: Vec<Loaded> =
                slugs.iter().filter_map(|slug| self.project.load(&sheet_file(slug)).ok()).collect();
            let sheet = |slug: &str| {
                let l = loaded.iter().find(|l| l.briefing.slug == slug)?;
                Some(SheetOf { briefing: &l.briefing, sources: &l.sources })
            };
            let origins = self.origins(Some(&rendered), &sheet);
            reports.add(&rendered.path, &rendered.html, found, &origins);
        }
        if let Err(e) = self.output.write(&rendered.path, rendered.html.as_bytes()) {
            problems.push(not_written(&e));
        }
        (reports, problems)
    }
}

impl RunContext<'_> {
    /// The `.html`/`.htm` files of `static/` are checked like rendered pages;
    /// every static file is copied into the site.
    fn statics(&self, diagnostics: &mut Vec<Diagnostic>) -> Reports {
        let done: Vec<(Reports, Option<Diagnostic>)> = self
            .project
            .statics
            .par_iter()
            .map(|file| {
                let mut reports = Reports::default();
                let bytes = match std::fs::read(self.project.root.join(file)) {
                    Ok(bytes) => bytes,
                    Err(e) => return (reports, Some(unreadable(file, &e))),
                };
                let is_page =
                    file.extension().is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
                let is_stylesheet = file.extension().is_some_and(|e| e.eq_ignore_ascii_case("css"));
                if is_page || is_stylesheet {
                    let text = String::from_utf8_lossy(&bytes);
                    let found = match is_page {
                        // a static page derives no count; its author marks what is no claim
                        true => {
                            verify::check_page(file, &text, self.known(&NoSentences, &verify::Given::static_page()))
                        }
                        false => verify::check_stylesheet(file, &text),
                    };
                    if !found.is_empty() {
                        let none = |_: &str| None;
                        let origins = self.origins(None, &none);
                        reports.add(file, &text, found, &origins);
                    }
                }
                let path = file.strip_prefix("static").unwrap_or(file);
                let written = self.output.write(path, &bytes).err().map(|e| not_written(&e));
                (reports, written)
            })
            .collect();
        let mut all = Reports::default();
        for (reports, problem) in done {
            all.merge(reports);
            diagnostics.extend(problem);
        }
        all
    }

    /// What the check knows of a page: the sentences it may cite, what the
    /// site's CSS draws, what its template was given.
    fn known<'k>(&'k self, sentences: &'k dyn Sentences, given: &'k verify::Given) -> verify::Known<'k> {
        verify::Known { sentences, css: &self.css, given }
    }

    /// What the theme writes itself: the numbers its stylesheets draw (CSS
    /// `content`), and the counts its templates write in `derived` elements.
    fn theme_sources(&self) -> Reports {
        let mut reports = Reports::default();
        let none = |_: &str| None;
        let origins = self.origins(None, &none);
        let stylesheets = self.theme.style_files.iter().zip([&self.theme.style, &self.theme.print_style]);
        for (file, css) in stylesheets {
            let found = verify::check_stylesheet(file, css);
            if !found.is_empty() {
                reports.add(file, css, found, &origins);
            }
        }
        for (file, template) in self.theme.templates() {
            let found = verify::check_template(file, template);
            if !found.is_empty() {
                reports.add(file, template, found, &origins);
            }
        }
        reports
    }

    /// The stylesheets and `trace.json`, which hold no page's text.
    fn files(&self, index: &Index, catalogue: &Catalogue, diagnostics: &mut Vec<Diagnostic>) {
        for (path, text) in [("style.css", &self.theme.style), ("print.css", &self.theme.print_style)] {
            if let Err(e) = self.output.write(Path::new(path), text.as_bytes()) {
                diagnostics.push(not_written(&e));
            }
        }
        let written = match self.output {
            Output::Nowhere => Ok(()),
            Output::Staging(staging) => staging
                .create(Path::new("trace.json"))
                .map_err(io::Error::other)
                .and_then(|file| write_trace_json(BufWriter::new(file), index, catalogue)),
            Output::Memory(site) => {
                let mut json = Vec::new();
                write_trace_json(&mut json, index, catalogue)
                    .and_then(|()| site.write(Path::new("trace.json"), &json).map_err(io::Error::other))
            }
        };
        if let Err(e) = written {
            diagnostics.push(not_written(&OutputError::Io {
                path: PathBuf::from("trace.json"),
                action: "write",
                source: e,
            }));
        }
    }
}

/// `trace.json`: every fact of every briefing (by slug) with its sentence,
/// words and byte span, copied a briefing at a time from the catalogue.
fn write_trace_json(mut json: impl Write, index: &Index, catalogue: &Catalogue) -> io::Result<()> {
    let mut order: Vec<&Entry> = index.briefings.iter().collect();
    order.sort_by(|a, b| a.slug.cmp(&b.slug));
    json.write_all(b"{\n  \"briefings\": [")?;
    for (i, entry) in order.iter().enumerate() {
        let part: String = catalogue.read(entry.trace)?;
        json.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        for (n, line) in part.lines().enumerate() {
            if n > 0 {
                json.write_all(b"\n")?;
            }
            json.write_all(b"    ")?;
            json.write_all(line.as_bytes())?;
        }
    }
    json.write_all(if order.is_empty() { b"]\n}\n" } else { b"\n  ]\n}\n" })?;
    json.flush()
}

/// The sentences of one briefing as its own pages may cite them.
struct OneBriefing<'a> {
    slug: &'a str,
    seed: &'a Seed,
    sentences: Vec<Vec<Mention>>,
}

impl Sentences for OneBriefing<'_> {
    fn mentions(&self, briefing: &str, sentence: usize) -> Option<&[Mention]> {
        if briefing != self.slug {
            return None;
        }
        self.sentences.get(sentence.checked_sub(1)?).map(Vec::as_slice)
    }

    fn text(&self, briefing: &str, sentence: usize) -> Option<&str> {
        if briefing != self.slug {
            return None;
        }
        Some(self.seed.sentences.get(sentence.checked_sub(1)?)?.raw(&self.seed.text))
    }
}

/// The sentences the briefings of a list page cite, read from the catalogue:
/// all a list may cite of them. A sentence is scanned again only when the
/// page asks what it states (most a list shows whole, with `data-sentence`).
struct CitedSentences {
    /// Looked up for every number of a list page: hashed fast.
    by_briefing: foldhash::HashMap<Box<str>, foldhash::HashMap<usize, CitedSentence>>,
}

struct CitedSentence {
    text: String,
    /// The values of figures traced to it, as published.
    published: Vec<String>,
    mentions: OnceLock<Vec<Mention>>,
}

impl CitedSentences {
    fn read(
        briefings: impl Iterator<Item = usize>,
        index: &Index,
        catalogue: &Catalogue,
    ) -> io::Result<CitedSentences> {
        CitedSentences::read_with(briefings, index, |b| catalogue.read(index.briefings[b].cited))
    }

    /// The cited sentences of the briefings of a list page, from the records it read.
    fn of_page(records: &lists::PageRecords, index: &Index) -> io::Result<CitedSentences> {
        let cited = |b: usize| records.cited(index, b).unwrap_or_else(|| Ok(Cited::default()));
        CitedSentences::read_with(records.briefings(), index, cited)
    }

    fn read_with(
        briefings: impl Iterator<Item = usize>,
        index: &Index,
        cited_of: impl Fn(usize) -> io::Result<Cited>,
    ) -> io::Result<CitedSentences> {
        let mut by_briefing = foldhash::HashMap::default();
        for b in briefings {
            let entry = &index.briefings[b];
            let cited: Cited = cited_of(b)?;
            let mut sentences: foldhash::HashMap<usize, CitedSentence> = cited
                .sentences
                .into_iter()
                .map(|(n, text)| (n, CitedSentence { text, published: Vec::new(), mentions: OnceLock::new() }))
                .collect();
            for (n, value) in cited.published {
                if let Some(sentence) = sentences.get_mut(&n) {
                    sentence.published.push(value);
                }
            }
            by_briefing.insert(entry.slug.clone(), sentences);
        }
        Ok(CitedSentences { by_briefing })
    }
}

impl Sentences for CitedSentences {
    fn mentions(&self, briefing: &str, sentence: usize) -> Option<&[Mention]> {
        let cited = self.by_briefing.get(briefing)?.get(&sentence)?;
        let mentions = cited.mentions.get_or_init(|| {
            // a sentence is listed on many pages: each thread scans it once
            let mut found = verify::mentions_of(&cited.text);
            found.extend(cited.published.iter().flat_map(|value| verify::mentions_of(value)));
            found
        });
        Some(mentions)
    }

    fn text(&self, briefing: &str, sentence: usize) -> Option<&str> {
        Some(&self.by_briefing.get(briefing)?.get(&sentence)?.text)
    }
}

/// A static page belongs to no briefing: it cites no sentence.
struct NoSentences;

impl Sentences for NoSentences {
    fn mentions(&self, _: &str, _: usize) -> Option<&[Mention]> {
        None
    }
}

/// What the site's CSS draws with `attr()`: read from the theme's
/// stylesheets and templates (a `<style>` in one), and the stylesheets and
/// pages of `static/`. A file that cannot be read is reported when it is copied.
fn stylesheets(project: &Project, theme: &Theme) -> Stylesheets {
    let styled = |file: &&PathBuf| {
        file.extension().is_some_and(|e| ["css", "html", "htm"].iter().any(|x| e.eq_ignore_ascii_case(x)))
    };
    let statics: Vec<String> = project
        .statics
        .iter()
        .filter(styled)
        .filter_map(|file| std::fs::read(project.root.join(file)).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    Stylesheets::read(theme.texts().chain(statics.iter().map(String::as_str)))
}

fn unreadable(file: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::input("unreadable-file", format!("cannot read {}: {e}", file.display()))
        .in_file(file)
        .help("make the file readable, or remove it")
}

fn not_written(e: &OutputError) -> Diagnostic {
    Diagnostic::input("not-written", e.to_string())
        .help("check the output folder: the disk may be full or not writable")
}

fn catalogue_error(e: &io::Error) -> Diagnostic {
    Diagnostic::input("not-written", format!("could not read back the site's catalogue: {e}"))
        .help("check that the temporary folder (TMPDIR) has room")
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
