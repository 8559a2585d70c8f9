//! `serve`'s build: the site kept in memory and built again as the project
//! changes, doing again only what a change touches.
//!
//! The first build is the whole run of `build`, into memory, keeping what it
//! learnt of each briefing: its catalogue entry, diagnostics, published-number
//! reports and the seed it reads. After it, a change to a fact sheet, its
//! summary or a seed loads, traces, renders and verifies the briefings that
//! read it and no other; the checks across briefings run again on what was
//! kept; and a list page is rendered again only where it shows a briefing
//! that changed, or where its rows moved. A change to `templates/`,
//! `static/` or `tracebrief.yaml` builds everything again.
//!
//! The site served is the last whose check passed. A build that fails is
//! kept aside, as the base of the next one, and never served. Nothing here
//! touches the disk but reading the project and the catalogue's file.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::{Briefed, Gathered, Output, Run, RunContext, gather};
use crate::config::{self, Settings};
use crate::diagnostic::{Diagnostic, Sources};
use crate::output::{MemoryFiles, MemorySite};
use crate::project::{self, Project};
use crate::published::Reports;
use crate::site::catalogue::{Actor, Cast, Catalogue, Entry, Index};
use crate::site::index::{self as lists, ListPage};
use crate::site::{SiteView, Theme};
use crate::trace::Trace;

/// A project's site, built in memory and kept up to date.
pub struct LiveSite {
    root: PathBuf,
    /// The files of the last build whose check passed: the site served.
    served: Arc<MemoryFiles>,
    /// What the last build made and learnt, once the theme and settings loaded.
    built: Option<Built>,
    /// Whether the last build passed.
    passing: bool,
}

/// What one build did, and what it found.
pub struct Rebuilt {
    /// Its diagnostics, with the text of the files they point into.
    pub run: Run,
    /// Whether it built everything again.
    pub everything: bool,
    /// How many briefings it loaded, traced and rendered.
    pub briefings: usize,
    /// How many list pages it rendered.
    pub lists: usize,
}

impl Rebuilt {
    /// The check passed: the site it made is served.
    pub fn passed(&self) -> bool {
        self.run.tally().errors == 0
    }
}

impl LiveSite {
    /// A site of the project at `root`, not built yet: see [`LiveSite::build_everything`].
    pub fn new(root: &Path) -> LiveSite {
        LiveSite { root: root.to_path_buf(), served: Arc::default(), built: None, passing: false }
    }

    /// The files of the last site whose check passed (none before one has).
    pub fn served(&self) -> Arc<MemoryFiles> {
        Arc::clone(&self.served)
    }

    /// Builds the whole site again, from the theme and settings on.
    pub fn build_everything(&mut self) -> Rebuilt {
        self.built = None;
        let run = match Built::open(&self.root) {
            Ok(mut built) => {
                let run = built.build(&self.root, true).unwrap_or_else(|| Run::failed(Vec::new(), Sources::default()));
                self.built = Some(built);
                run
            }
            Err(run) => *run,
        };
        let (briefings, lists) = self.built.as_ref().map_or((0, 0), |b| (b.kept.loaded, b.kept.rendered));
        self.finish(Rebuilt { run, everything: true, briefings, lists })
    }

    /// Builds again what a change to `files` (paths relative to the project
    /// root) touches; `None` when it touches nothing the site is made of.
    pub fn rebuild(&mut self, files: &[PathBuf]) -> Option<Rebuilt> {
        let Some(built) = &mut self.built else { return Some(self.build_everything()) };
        if files.iter().any(|f| touches_everything(f)) {
            return Some(self.build_everything());
        }
        let sheets = built.kept.sheets_reading(files);
        let content = files.iter().any(|f| f.starts_with("content"));
        if sheets.is_empty() && !content && self.passing {
            return None;
        }
        built.kept.pending.extend(sheets);
        match built.build(&self.root, false) {
            Some(run) => {
                let (briefings, lists) = (built.kept.loaded, built.kept.rendered);
                Some(self.finish(Rebuilt { run, everything: false, briefings, lists }))
            }
            None => Some(self.build_everything()),
        }
    }

    /// Serves the files of a build that passed.
    fn finish(&mut self, rebuilt: Rebuilt) -> Rebuilt {
        self.passing = rebuilt.passed();
        if self.passing
            && let Some(built) = &self.built
        {
            self.served = Arc::new(built.kept.files.clone());
        }
        rebuilt
    }
}

/// What a build needs of the project, read once a build of everything, and
/// what it learnt of the project, kept for the next build.
struct Built {
    project: Project,
    settings: Settings,
    settings_text: String,
    theme: Theme,
    /// The settings and templates, for diagnostics that point into them.
    sources: Sources,
    catalogue: Catalogue,
    kept: Kept,
}

/// What one build leaves the next.
#[derive(Default)]
struct Kept {
    /// Each briefing by its sheet, as last built.
    briefings: HashMap<PathBuf, Briefed>,
    /// The sheets to load again.
    pending: BTreeSet<PathBuf>,
    /// What the pages of `static/` publish unaccounted, and the static files
    /// that could not be copied, once they were copied into the site (a
    /// build that fails before it copies them leaves it to the next).
    statics: Option<(Reports, Vec<Diagnostic>)>,
    /// Each list page's reports and problems, when it has any.
    list_problems: HashMap<String, (Reports, Vec<Diagnostic>)>,
    /// The files of the last build, whether it passed or not: the next one starts from them.
    files: MemoryFiles,
    /// The index the list pages of `files` were rendered from, once they were.
    lists: Option<Index>,
    /// The briefings (by slug) built again, or gone, since the list pages were rendered.
    changed: BTreeSet<String>,
    /// How many briefings and list pages the last build loaded and rendered.
    loaded: usize,
    rendered: usize,
}

impl Built {
    /// Opens the project and reads its settings and theme; what stops it otherwise.
    fn open(root: &Path) -> Result<Built, Box<Run>> {
        let mut sources = Sources::default();
        let failed = |diagnostics, sources| Box::new(Run::failed(diagnostics, sources));
        let project = project::open(root).map_err(|f| failed(f.diagnostics, f.sources))?;
        let settings = Settings::load(root, &mut sources).map_err(|d| failed(vec![*d], sources.clone()))?;
        let settings_text = sources.read(root, Path::new(config::FILE)).to_string();
        let theme = Theme::load(root, &mut sources).map_err(|problems| failed(problems, sources.clone()))?;
        let catalogue = Catalogue::new().map_err(|e| {
            let d = Diagnostic::input("unreadable-file", format!("cannot make a temporary file: {e}"))
                .help("check that the temporary folder (TMPDIR) is writable");
            failed(vec![d], Sources::default())
        })?;
        let kept = Kept { pending: project.sheets.iter().cloned().collect(), ..Kept::default() };
        Ok(Built { project, settings, settings_text, theme, sources, catalogue, kept })
    }

    /// Builds the pending briefings and the pages that list them, starting
    /// from the files of the last build. `None` when the project's static
    /// files are no longer those of the last build of everything.
    fn build(&mut self, root: &Path, everything: bool) -> Option<Run> {
        (self.kept.loaded, self.kept.rendered) = (0, 0);
        if !everything {
            let project = match project::open(root) {
                Ok(project) => project,
                Err(failure) => return Some(Run::failed(failure.diagnostics, failure.sources)),
            };
            if project.statics != self.project.statics {
                return None;
            }
            self.project = project;
        }
        let Built { project, settings, settings_text, theme, sources, catalogue, kept } = self;
        let site = MemorySite::with_files(std::mem::take(&mut kept.files));
        let strings = settings.strings();
        // the preview prints no PDF
        let view = SiteView { pdf: false, ..SiteView::new(settings, &strings) };
        let context = RunContext {
            project,
            settings,
            settings_text,
            theme,
            site: &view,
            output: Output::Memory(&site),
            keep_cast: true,
            css: super::stylesheets(project, theme),
        };
        kept.forget_removed(project, &site);
        kept.load_pending(&context, catalogue);
        let run = kept.finish(&context, catalogue, sources.clone());
        kept.files = site.into_files();
        Some(run)
    }
}

impl Kept {
    /// The sheets a change to `files` makes to load again: a sheet or its
    /// summary, the sheets whose seed it is, and any sheet that did not load
    /// (it may have been waiting for this file).
    fn sheets_reading(&self, files: &[PathBuf]) -> BTreeSet<PathBuf> {
        let files: HashSet<PathBuf> = files.iter().map(|f| normal(f)).collect();
        let mut sheets = BTreeSet::new();
        for file in &files {
            if file.parent() == Some(Path::new("content")) {
                for extension in ["yaml", "yml"] {
                    sheets.insert(file.with_extension(extension));
                }
            }
        }
        let others = files.iter().any(|f| f.parent() != Some(Path::new("content")));
        for (sheet, briefed) in &self.briefings {
            let reads = match &briefed.seed {
                Some(seed) => files.contains(&normal(seed)),
                None => others,
            };
            if reads {
                sheets.insert(sheet.clone());
            }
        }
        sheets
    }

    /// Forgets the briefings whose sheets are gone, and their pages; makes
    /// the new sheets pending.
    fn forget_removed(&mut self, project: &Project, site: &MemorySite) {
        let sheets: HashSet<&PathBuf> = project.sheets.iter().collect();
        let gone: Vec<PathBuf> = self.briefings.keys().filter(|s| !sheets.contains(s)).cloned().collect();
        for sheet in gone {
            self.briefings.remove(&sheet);
            let slug = slug(&sheet);
            remove_briefing_pages(site, &slug, project);
            self.changed.insert(slug);
        }
        self.pending.extend(project.sheets.iter().filter(|s| !self.briefings.contains_key(*s)).cloned());
        self.pending.retain(|s| sheets.contains(s));
    }

    /// Loads, traces, renders and verifies the pending briefings, in parallel.
    fn load_pending(&mut self, context: &RunContext, catalogue: &Catalogue) {
        let pending: Vec<PathBuf> = std::mem::take(&mut self.pending).into_iter().collect();
        self.loaded = pending.len();
        let number = |sheet: &PathBuf| context.project.sheets.iter().position(|s| s == sheet).unwrap_or(usize::MAX);
        let done: Vec<Briefed> =
            pending.par_iter().map(|sheet| kept(context.briefing(number(sheet), sheet, catalogue, false))).collect();
        for (sheet, briefed) in pending.into_iter().zip(done) {
            self.changed.insert(slug(&sheet));
            self.briefings.insert(sheet, briefed);
        }
    }

    /// Checks across the briefings, renders the list pages that changed,
    /// copies the static files (the first time) and writes the files of the
    /// site; puts the diagnostics together as `check` would have found them.
    fn finish(&mut self, context: &RunContext, catalogue: &Catalogue, sources: Sources) -> Run {
        let project = context.project;
        let mut all: Vec<Briefed> = project.sheets.iter().filter_map(|s| self.briefings.get(s).cloned()).collect();
        let cast = recast(project, &self.briefings, &mut all);
        let (gathered, mut sources) = match gather(all, project, || cast, sources, false) {
            Ok(gathered) => gathered,
            Err(failed) => return *failed,
        };
        let Gathered { trace, found, mut diagnostics, mut reports, entries, cast } = gathered;
        let index = Index::new(entries, cast);
        // the feed, sitemap and search index show every briefing: made again each
        // time, the index's files anew (they are named by what they hold), beside
        // the list pages that changed
        if let Output::Memory(site) = context.output {
            remove_pages_under(site, "search/", project);
            // a sitemap split in files may be one file again
            remove_pages_under(site, "sitemap-", project);
        }
        let (mut web_diagnostics, mut file_diagnostics) = (Vec::new(), Vec::new());
        let ((), web) = rayon::join(
            || {
                self.render_lists(context, &index, catalogue);
                context.files(&index, catalogue, &mut file_diagnostics);
            },
            || context.web(&index, catalogue, &mut web_diagnostics),
        );
        reports.merge(web);
        diagnostics.append(&mut web_diagnostics);
        for (page_reports, problems) in self.list_problems.values() {
            reports.merge(page_reports.clone());
            diagnostics.extend(problems.iter().cloned());
        }
        let (static_reports, static_problems) = self.statics.get_or_insert_with(|| {
            let mut problems = Vec::new();
            (context.statics(&mut problems), problems)
        });
        reports.merge(static_reports.clone());
        diagnostics.extend(static_problems.iter().cloned());
        reports.merge(context.theme_sources());
        // written beside the lists, reported after them as a build does
        diagnostics.append(&mut file_diagnostics);

        let (published, published_sources) = reports.diagnostics();
        diagnostics.extend(published);
        sources.extend(published_sources);
        let briefings =
            index.briefings.iter().map(|b| (b.slug.to_string(), b.date.as_deref().map(str::to_string))).collect();
        self.lists = Some(index);
        self.changed.clear();
        let diagnostics = super::read_back(found, diagnostics, &mut sources, true);
        Run { trace, diagnostics, sources, briefings }
    }

    /// Renders the list pages that show what changed since they were last
    /// rendered (all of them the first time), and those that had problems;
    /// removes those that are gone.
    fn render_lists(&mut self, context: &RunContext, index: &Index, catalogue: &Catalogue) {
        let per_page = context.settings.paginate_by.max(1);
        let (mut pages, gone) = match &self.lists {
            Some(old) => pages_to_render(old, index, &self.changed, per_page),
            None => (lists::list_pages(index, per_page), Vec::new()),
        };
        // a page that had problems is rendered again, whatever they came from
        let chosen: HashSet<String> = pages.iter().map(|p| p.place(index).0).collect();
        let troubled = lists::list_pages(index, per_page).into_iter().filter(|p| {
            let path = p.place(index).0;
            self.list_problems.contains_key(&path) && !chosen.contains(&path)
        });
        pages.extend(troubled.collect::<Vec<_>>());
        for path in &gone {
            // (a build kept between builds is always in memory)
            if let Output::Memory(site) = context.output {
                site.remove(Path::new(path));
            }
            self.list_problems.remove(path);
        }
        let done: Vec<(String, (Reports, Vec<Diagnostic>))> =
            pages.par_iter().map(|&page| (page.place(index).0, context.list_page(page, index, catalogue))).collect();
        self.rendered = done.len();
        for (path, (page_reports, problems)) in done {
            if page_reports.is_empty() && problems.is_empty() {
                self.list_problems.remove(&path);
            } else {
                self.list_problems.insert(path, (page_reports, problems));
            }
        }
    }
}

impl Run {
    /// A run that stopped before any briefing: its input errors.
    fn failed(diagnostics: Vec<Diagnostic>, sources: Sources) -> Run {
        Run { trace: Trace::default(), diagnostics, sources, briefings: Vec::new() }
    }
}

/// The cast of the briefings kept, made anew in the order of the sheets
/// (as a whole build reads them), with the places of `all`'s actors in it.
/// `all` are the briefings kept, in the order of the project's sheets.
fn recast(project: &Project, kept: &HashMap<PathBuf, Briefed>, all: &mut [Briefed]) -> Cast {
    let mut cast = Cast::default();
    let numbered = project.sheets.iter().enumerate().filter(|(_, s)| kept.contains_key(*s)).map(|(n, _)| n);
    for (number, briefed) in numbered.zip(all.iter_mut()) {
        let places = cast.observe(number, &briefed.given);
        if let Some(entry) = &mut briefed.entry {
            for appearance in entry.actors.iter_mut() {
                (appearance.actor, appearance.role) = places[appearance.given as usize];
            }
        }
    }
    cast.settle();
    cast
}

/// What is kept of a briefing between builds: its facts are counted, not kept.
fn kept(mut briefed: Briefed) -> Briefed {
    briefed.trace = briefed.trace.map(|trace| {
        let mut counted = Trace::default();
        counted.merge(trace, false);
        counted
    });
    briefed
}

/// Whether a change to `file` makes everything to be built again: the
/// settings, a template, a static file.
fn touches_everything(file: &Path) -> bool {
    let file = normal(file);
    file == Path::new(config::FILE) || file.starts_with("templates") || file.starts_with("static")
}

/// The slug of the briefing of a sheet (its file name), as pages name it.
fn slug(sheet: &Path) -> String {
    sheet.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Removes the pages of a briefing that is gone, but not the static files
/// that share its folder.
fn remove_briefing_pages(site: &MemorySite, slug: &str, project: &Project) {
    remove_pages_under(site, &format!("briefings/{slug}/"), project);
}

/// Removes the files the build made under `folder` (a site path ending in
/// `/`), but not the static files there.
fn remove_pages_under(site: &MemorySite, folder: &str, project: &Project) {
    let statics: HashSet<String> = project
        .statics
        .iter()
        .map(|f| crate::output::site_path(f.strip_prefix("static").unwrap_or(f)))
        .filter(|f| f.starts_with(folder))
        .collect();
    site.remove_where(|path| path.starts_with(folder) && !statics.contains(path));
}

/// `path` with its `.` parts dropped and its `..` parts resolved, as written.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The list pages to render again after the briefings `changed` (by slug)
/// were built again or removed, and the paths of the list pages that are
/// gone. A page is rendered again when it shows a changed briefing or one
/// of its actors, when its rows moved, or when its list has a new number of
/// pages (each page links to every other).
fn pages_to_render(
    old: &Index,
    new: &Index,
    changed: &BTreeSet<String>,
    per_page: usize,
) -> (Vec<ListPage>, Vec<String>) {
    let is_changed = |slug: &str| changed.contains(slug);
    let mut pages = Vec::new();

    let home = moved_or_shown(&rows(old, |_| 1), &rows(new, |_| 1), |r| is_changed(r.0), per_page);
    pages.extend(home.into_iter().map(|page| ListPage::Home { page }));
    let figures = |b: &Entry| b.figure_count;
    let facts = moved_or_shown(&rows(old, figures), &rows(new, figures), |r| is_changed(r.0), per_page);
    pages.extend(facts.into_iter().map(|page| ListPage::Facts { page }));
    let quotes = |b: &Entry| b.quote_count;
    let quotes = moved_or_shown(&rows(old, quotes), &rows(new, quotes), |r| is_changed(r.0), per_page);
    pages.extend(quotes.into_iter().map(|page| ListPage::Quotes { page }));

    // the actors of the changed briefings, before and after
    let mut actors: HashSet<&str> = HashSet::new();
    for index in [old, new] {
        for b in index.briefings.iter().filter(|b| is_changed(&b.slug)) {
            actors.extend(b.actors.iter().map(|a| index.cast.members[a.actor as usize].id.as_str()));
        }
    }
    let list = moved_or_shown(&actor_ids(old), &actor_ids(new), |id| actors.contains(id), per_page);
    pages.extend(list.into_iter().map(|page| ListPage::Actors { page }));

    // an actor's page names the actors it shares briefings with, by name and
    // role: those whose name or role changed are shown anew there too
    let before: HashMap<&str, &Actor> = old.actors.iter().map(|a| (old.member(a).id.as_str(), a)).collect();
    let shown_as = |index: &'_ Index, a: &Actor| {
        let member = index.member(a);
        let role = a.role.map(|r| member.roles[r as usize].0.clone());
        (member.name().to_string(), role, member.kind())
    };
    let mut pages_of: HashSet<&str> = actors.clone();
    for a in new.actors.iter().filter(|a| actors.contains(new.member(a).id.as_str())) {
        let same = before.get(new.member(a).id.as_str()).is_some_and(|b| shown_as(old, b) == shown_as(new, a));
        if !same {
            for &(b, _) in &a.appearances {
                let others = new.briefings[b as usize].actors.iter();
                pages_of.extend(others.map(|other| new.cast.members[other.actor as usize].id.as_str()));
            }
        }
    }
    for (i, a) in new.actors.iter().enumerate() {
        let id = new.member(a).id.as_str();
        if pages_of.contains(id) || !before.contains_key(id) {
            let count = a.appearances.len().div_ceil(per_page).max(1);
            pages.extend((1..=count).map(|page| ListPage::Actor { actor: i, page }));
        }
    }

    let paths = |index: &Index| -> HashSet<String> {
        lists::list_pages(index, per_page).into_iter().map(|p| p.place(index).0).collect()
    };
    let now = paths(new);
    let mut gone: Vec<String> = paths(old).into_iter().filter(|p| !now.contains(p)).collect();
    gone.sort();
    (pages, gone)
}

/// The rows of a list across briefings, in the order shown: (slug, row of that briefing).
fn rows(index: &Index, count: impl Fn(&Entry) -> u32) -> Vec<(&str, u32)> {
    index.briefings.iter().flat_map(|b| (0..count(b)).map(move |n| (b.slug.as_ref(), n))).collect()
}

fn actor_ids(index: &Index) -> Vec<&str> {
    index.actors.iter().map(|a| index.member(a).id.as_str()).collect()
}

/// The pages (numbered from 1) of a list of rows to render again: every
/// page when the number of pages changed; otherwise each page where a row
/// is not the one it was, or shows a row `shown` says changed.
fn moved_or_shown<K: PartialEq>(old: &[K], new: &[K], shown: impl Fn(&K) -> bool, per_page: usize) -> BTreeSet<usize> {
    let count = |rows: usize| rows.div_ceil(per_page).max(1);
    let total = count(new.len());
    if count(old.len()) != total {
        return (1..=total).collect();
    }
    let mut pages = BTreeSet::new();
    for at in 0..old.len().max(new.len()) {
        if old.get(at) != new.get(at) || new.get(at).is_some_and(&shown) {
            pages.insert((at / per_page + 1).min(total));
        }
    }
    pages
}

#[cfg(test)]
mod tests;
