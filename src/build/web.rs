//! The files of the site for the web beyond its pages: `404.html`, the feed,
//! the sitemap, `robots.txt`, and the search page with its index. Each is
//! checked as a page is before it is written.

use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{CitedSentences, NoSentences, Output, RunContext, catalogue_error, not_written};
use crate::diagnostic::Diagnostic;
use crate::project::Loaded;
use crate::published::{Reports, SheetOf};
use crate::site::catalogue::{Catalogue, Entry, Index};
use crate::site::index as lists;
use crate::site::records::{BriefingRecord, FigureRecord, QuoteRecord};
use crate::site::search::{self, Doc, Kind, SearchIndex, Splitter};
use crate::site::strings::Strings;
use crate::site::{self, Page};
use crate::verify::{self, Given};

impl RunContext<'_> {
    /// `404.html`, and with `base_url` the feed, the sitemap and `robots.txt`:
    /// the feed and the sitemap are checked as pages are.
    pub(super) fn web(&self, index: &Index, catalogue: &Catalogue, diagnostics: &mut Vec<Diagnostic>) -> Reports {
        let mut reports = Reports::default();
        match site::web::not_found(self.theme, self.site) {
            Ok(page) => {
                let found = verify::check_page(&page.path, &page.html, self.known(&NoSentences, &page.given));
                self.publish_file(&page, found, &mut reports, diagnostics);
            }
            Err(d) => diagnostics.push(*d),
        }
        match site::web::feed(index, catalogue, self.theme, self.site) {
            Ok(Some((page, shown))) => match CitedSentences::read(shown.into_iter(), index, catalogue) {
                Ok(sentences) => {
                    let found = verify::xml::check_xml(&page.path, &page.html, &sentences, &page.given);
                    self.publish_file(&page, found, &mut reports, diagnostics);
                }
                Err(e) => diagnostics.push(catalogue_error(&e)),
            },
            Ok(None) => {}
            Err(d) => diagnostics.push(*d),
        }
        reports.merge(self.search(index, catalogue, diagnostics));
        let lists = lists::list_pages(index, self.settings.paginate_by.max(1));
        let sitemap = site::web::Sitemap::new(self.site, index, &lists, &["search.html"], site::web::URLS_PER_SITEMAP);
        for (path, text) in sitemap.iter().flat_map(|s| s.files()) {
            let page = Page::made(PathBuf::from(path), text);
            let found = verify::xml::check_xml(&page.path, &page.html, &NoSentences, &page.given);
            self.publish_file(&page, found, &mut reports, diagnostics);
        }
        if let Some(robots) = site::web::robots(self.site) {
            self.publish_file(&Page::made(PathBuf::from("robots.txt"), robots), Vec::new(), &mut reports, diagnostics);
        }
        reports
    }

    /// The search page and its index: every result checked as a page is, a file at a time.
    fn search(&self, index: &Index, catalogue: &Catalogue, diagnostics: &mut Vec<Diagnostic>) -> Reports {
        let mut reports = Reports::default();
        match site::web::search_page(self.theme, self.site) {
            Ok(page) => {
                let found = verify::check_page(&page.path, &page.html, self.known(&NoSentences, &page.given));
                self.publish_file(&page, found, &mut reports, diagnostics);
            }
            Err(d) => diagnostics.push(*d),
        }
        let counts = [index.briefings.len(), index.actors.len(), index.rows(true), index.rows(false)];
        let mut words = SearchIndex::new(counts);
        let mut problems = Vec::new();
        let mut write = |path: &str, text: &str| {
            if let Err(e) = self.output.write(Path::new(path), text.as_bytes()) {
                problems.push(not_written(&e));
            }
        };
        // the words only find results: no reader is shown them, so `check` has no use for them
        if !matches!(self.output, Output::Nowhere) {
            if let Err(e) = index_words(&mut words, index, catalogue, &mut write) {
                // the catalogue read back, or the temporary files the words wait in
                let d = Diagnostic::input("not-written", format!("could not make the search index's words: {e}"))
                    .help("check that the temporary folder (TMPDIR) has room");
                diagnostics.push(d);
                return reports;
            }
            words.write_index(self.site.strings, &mut write);
            write("search.js", &self.theme.search_script);
        }
        diagnostics.append(&mut problems);
        // the results are made again a file at a time: only the words are kept.
        // `serve` holds the site in memory anyway, and makes them in parallel
        let files = 0..words.doc_files();
        let made: Vec<ResultsFile> = match self.output {
            Output::Memory(_) => {
                files.into_par_iter().map(|n| self.results_file(&words, n, index, catalogue)).collect()
            }
            _ => files.map(|n| self.results_file(&words, n, index, catalogue)).collect(),
        };
        for file in made {
            match file {
                ResultsFile::Checked { reports: found, problems } => {
                    diagnostics.extend(problems);
                    reports.merge(found);
                }
                ResultsFile::Unreadable(e) => {
                    diagnostics.push(catalogue_error(&e));
                    break;
                }
            }
        }
        reports
    }

    /// Makes `docs-{n}.js`, checks it as the page the script makes of it, and writes it.
    fn results_file(&self, words: &SearchIndex, n: usize, index: &Index, catalogue: &Catalogue) -> ResultsFile {
        let (docs, shown, credits) = match results(words, n, index, catalogue, self.site.strings) {
            Ok(made) => made,
            Err(e) => return ResultsFile::Unreadable(e),
        };
        let path = PathBuf::from(format!("search/docs-{n}.js"));
        let html = search::docs_page(&docs);
        let mut problems = Vec::new();
        let mut reports = Reports::default();
        match CitedSentences::read(shown.into_iter(), index, catalogue) {
            Ok(sentences) => {
                // a result is a briefing's card, an actor or a row: made by the tool, given no
                // template's counts, and the credits of the briefings it shows
                let given = Given::new(Vec::new(), None, credits);
                let found = verify::check_page(&path, &html, self.known(&sentences, &given));
                if !found.is_empty() {
                    let page = Page::made(path.clone(), html);
                    let loaded = self.sheets_of(&found);
                    let sheet = |slug: &str| {
                        let l = loaded.iter().find(|l| l.briefing.slug == slug)?;
                        Some(SheetOf { briefing: &l.briefing, sources: &l.sources })
                    };
                    reports.add(&path, &page.html, found, &self.origins(Some(&page), &sheet));
                }
            }
            Err(e) => problems.push(catalogue_error(&e)),
        }
        if let Err(e) = self.output.write(&path, search::docs_file(n, &docs).as_bytes()) {
            problems.push(not_written(&e));
        }
        ResultsFile::Checked { reports, problems }
    }

    /// Reports what a file of the site publishes unaccounted, at its origin, and writes it.
    fn publish_file(
        &self,
        page: &Page,
        found: Vec<verify::Unaccounted>,
        reports: &mut Reports,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        if !found.is_empty() {
            let loaded = self.sheets_of(&found);
            let sheet = |slug: &str| {
                let l = loaded.iter().find(|l| l.briefing.slug == slug)?;
                Some(SheetOf { briefing: &l.briefing, sources: &l.sources })
            };
            reports.add(&page.path, &page.html, found, &self.origins(Some(page), &sheet));
        }
        if let Err(e) = self.output.write(&page.path, page.html.as_bytes()) {
            diagnostics.push(not_written(&e));
        }
    }

    /// The sheets of the briefings that unaccounted numbers stand in, loaded again to say where they come from.
    fn sheets_of(&self, found: &[verify::Unaccounted]) -> Vec<Loaded> {
        let mut slugs: Vec<&str> = found.iter().filter_map(|u| u.briefing.as_deref()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        let sheet_file = |slug: &str| Path::new("content").join(format!("{slug}.yaml"));
        slugs.iter().filter_map(|slug| self.project.load(&sheet_file(slug)).ok()).collect()
    }
}

/// The name of a quote's speaker, by actor id, among the actors of a briefing.
fn speaker_name(index: &Index, entry: &Entry, id: &str) -> String {
    let member = entry.actors.iter().map(|a| &index.cast.members[a.actor as usize]).find(|m| m.id == id);
    member.map_or(id.to_string(), |m| m.name().to_string())
}

/// An actor's name and role, as its result shows them.
fn actor_shown(index: &Index, place: usize) -> (&str, &str, Option<&str>) {
    let actor = &index.actors[place];
    let member = index.member(actor);
    (&member.id, member.name(), actor.role.map(|r| member.roles[r as usize].0.as_str()))
}

type Records = (BriefingRecord, Vec<FigureRecord>, Vec<QuoteRecord>);

fn records(catalogue: &Catalogue, entry: &Entry) -> io::Result<Records> {
    Ok((catalogue.read(entry.card)?, catalogue.read(entry.figures)?, catalogue.read(entry.quotes)?))
}

/// A file of search results, made and checked.
enum ResultsFile {
    /// What it publishes unaccounted, at its origins, and what went wrong making it.
    Checked { reports: Reports, problems: Vec<Diagnostic> },
    /// The catalogue could not be read back.
    Unreadable(io::Error),
}

/// Briefings whose results' words are found at once, in parallel.
const WORDS_BATCH: usize = 256;

/// Indexes the words of every result and writes them, a part at a time.
/// Each result's words are found once. With one part they are added as they
/// are found; with more, each part's wait in a temporary file for its turn,
/// so that memory holds one part's words whatever the size of the site.
fn index_words(
    words: &mut SearchIndex,
    index: &Index,
    catalogue: &Catalogue,
    write: &mut impl FnMut(&str, &str),
) -> io::Result<()> {
    let splitter = words.splitter().clone();
    let parts = words.parts();
    if parts == 1 {
        each_result_terms(&splitter, index, catalogue, &mut |kind, place, by_part| {
            words.add_terms(kind, place, &by_part[0]);
            Ok(())
        })?;
        words.write_part(&mut *write);
        return Ok(());
    }
    let mut waiting =
        (0..parts).map(|_| tempfile::tempfile().map(io::BufWriter::new)).collect::<io::Result<Vec<_>>>()?;
    each_result_terms(&splitter, index, catalogue, &mut |kind, place, by_part| {
        for (file, terms) in waiting.iter_mut().zip(by_part) {
            if !terms.is_empty() {
                let place = u32::try_from(place).map_err(io::Error::other)?;
                let len = u32::try_from(terms.len()).map_err(io::Error::other)?;
                file.write_all(&[kind as u8])?;
                file.write_all(&place.to_le_bytes())?;
                file.write_all(&len.to_le_bytes())?;
                file.write_all(terms.as_bytes())?;
            }
        }
        Ok(())
    })?;
    for file in waiting {
        let mut file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.seek(io::SeekFrom::Start(0))?;
        let mut file = io::BufReader::new(file);
        let (mut head, mut terms) = ([0u8; 9], Vec::new());
        loop {
            match file.read_exact(&mut head) {
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => break,
                read => read?,
            }
            let kind = Kind::numbered(head[0]).ok_or_else(|| io::Error::other("a result of no kind"))?;
            let place = u32::from_le_bytes([head[1], head[2], head[3], head[4]]) as usize;
            terms.resize(u32::from_le_bytes([head[5], head[6], head[7], head[8]]) as usize, 0);
            file.read_exact(&mut terms)?;
            words.add_terms(kind, place, std::str::from_utf8(&terms).map_err(io::Error::other)?);
        }
        words.write_part(&mut *write);
    }
    Ok(())
}

/// Hands `add` the terms of every result, split by part, a kind at a time
/// in the order of their ids, so that each term's ids come rising.
fn each_result_terms(
    splitter: &Splitter,
    index: &Index,
    catalogue: &Catalogue,
    add: &mut dyn FnMut(Kind, usize, Vec<String>) -> io::Result<()>,
) -> io::Result<()> {
    by_briefing(splitter, index, Kind::Briefing, add, |entry| {
        Ok(vec![search::briefing_words(&catalogue.read(entry.card)?)])
    })?;
    for place in 0..index.actors.len() {
        let (_, name, role) = actor_shown(index, place);
        add(Kind::Actor, place, splitter.terms(&search::actor_words(name, role)))?;
    }
    by_briefing(splitter, index, Kind::Figure, add, |entry| {
        let figures: Vec<FigureRecord> = catalogue.read(entry.figures)?;
        Ok(figures.iter().map(search::figure_words).collect())
    })?;
    by_briefing(splitter, index, Kind::Quote, add, |entry| {
        let quotes: Vec<QuoteRecord> = catalogue.read(entry.quotes)?;
        Ok(quotes.iter().map(|q| search::quote_words(q, &speaker_name(index, entry, &q.speaker))).collect())
    })
}

/// Hands `add` the terms of the results of `kind`, each briefing's in turn:
/// `words_of` gives the words of each of a briefing's results, in order. The
/// terms of a batch of briefings are found in parallel; only adding them is
/// done in turn.
fn by_briefing(
    splitter: &Splitter,
    index: &Index,
    kind: Kind,
    add: &mut dyn FnMut(Kind, usize, Vec<String>) -> io::Result<()>,
    words_of: impl Fn(&Entry) -> io::Result<Vec<String>> + Sync,
) -> io::Result<()> {
    let mut place = 0;
    for entries in index.briefings.chunks(WORDS_BATCH) {
        let found: Vec<Vec<Vec<String>>> = entries
            .par_iter()
            .map(|entry| Ok(words_of(entry)?.iter().map(|text| splitter.terms(text)).collect()))
            .collect::<io::Result<_>>()?;
        for terms in found.into_iter().flatten() {
            add(kind, place, terms)?;
            place += 1;
        }
    }
    Ok(())
}

/// The results of `docs-{n}.js`, the briefings (by place) they show, and the credits of those shown as results.
fn results(
    words: &SearchIndex,
    n: usize,
    index: &Index,
    catalogue: &Catalogue,
    strings: &Strings,
) -> io::Result<(Vec<Doc>, Vec<usize>, Vec<String>)> {
    let mut docs = Vec::new();
    let mut credits = Vec::new();
    let mut shown: Vec<usize> = Vec::new();
    let mut show = |b: usize| {
        if !shown.contains(&b) {
            shown.push(b);
        }
    };
    for (kind, places) in words.docs_of_file(n) {
        match kind {
            Kind::Briefing => {
                for b in places {
                    let card = catalogue.read(index.briefings[b].card)?;
                    credits.extend(search::briefing_credit(&card, strings));
                    docs.push(search::briefing_doc(&card, strings));
                    // most titles cite nothing: their briefings' sentences need not be read
                    if card.title_html.contains("data-trace") {
                        show(b);
                    }
                }
            }
            Kind::Actor => {
                for place in places {
                    let (id, name, role) = actor_shown(index, place);
                    docs.push(search::actor_doc(id, name, role));
                }
            }
            Kind::Figure | Kind::Quote => {
                for (b, rows) in index.rows_in(kind == Kind::Figure, places) {
                    let entry = &index.briefings[b];
                    let (card, figures, quotes) = records(catalogue, entry)?;
                    if kind == Kind::Figure {
                        docs.extend(figures[rows].iter().map(|f| search::figure_doc(&card, f, b)));
                    } else {
                        for q in &quotes[rows] {
                            docs.push(search::quote_doc(&card, q, &speaker_name(index, entry, &q.speaker), b));
                        }
                    }
                    show(b);
                }
            }
        }
    }
    Ok((docs, shown, credits))
}
