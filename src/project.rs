//! A tracebrief project on disk: its fact sheets in `content/`,
//! the seeds they name, and the checks that need more than one file —
//! slugs, `source:` paths that must stay inside the project, actor ids
//! shared across briefings, sentence pins.
//!
//! Everything is read and validated here, before anything is checked or
//! written; a project that loads is one the trace can run on.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Place, Sources};
use crate::inputs;
use crate::sheet::{self, Briefing};
use crate::source::{self, Seed};

/// A loaded project: briefings sorted by slug, and their seeds.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    pub briefings: Vec<Briefing>,
    /// Seeds by their path relative to the root.
    pub seeds: BTreeMap<PathBuf, Seed>,
    /// The files of `static/`, by their paths relative to the root (`static/about.html`).
    pub statics: Vec<PathBuf>,
    /// The text of every file read, for diagnostics.
    pub sources: Sources,
}

impl Project {
    pub fn seed_of(&self, briefing: &Briefing) -> &Seed {
        &self.seeds[&briefing.seed]
    }
}

/// A project that did not load: every input error found, and the files read.
#[derive(Debug)]
pub struct LoadFailure {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
}

/// Loads the project at `root`, reporting every input error, not only the first.
pub fn load(root: &Path) -> Result<Project, LoadFailure> {
    let mut sources = Sources::default();
    let mut problems = Vec::new();
    let files = match content_files(root) {
        Ok((files, unreadable)) => {
            problems.extend(unreadable);
            files
        }
        Err(d) => {
            return Err(LoadFailure { diagnostics: vec![*d], sources });
        }
    };
    let statics = static_files(root, &mut problems);
    problems.extend(orphan_summaries(root, &files));
    let sheets: Vec<&PathBuf> = files.iter().filter(|f| is_sheet(f)).collect();
    if sheets.is_empty() {
        problems.push(
            Diagnostic::input("no-fact-sheets", "no fact sheets in content/")
                .in_file(Path::new("content"))
                .help("add a fact sheet content/<slug>.yaml (see docs/fact-sheet.md)"),
        );
    }
    // sheets are read and parsed in parallel, then gathered in file order
    let read: Vec<(Result<Briefing, Vec<Diagnostic>>, Sources)> = sheets
        .par_iter()
        .map(|file| {
            let mut read_sources = Sources::default();
            (read_sheet(root, file, &mut read_sources), read_sources)
        })
        .collect();
    let mut briefings = Vec::new();
    for (result, read_sources) in read {
        sources.extend(read_sources);
        match result {
            Ok(b) => briefings.push(b),
            Err(ds) => problems.extend(ds),
        }
    }
    let mut seeds = BTreeMap::new();
    briefings.retain(|b| match load_seed(root, b, &mut seeds, &mut sources) {
        Ok(()) => true,
        Err(d) => {
            problems.push(*d);
            false
        }
    });
    problems.extend(actor_conflicts(&briefings, &sources));
    problems.extend(sentence_pins(&briefings, &seeds, &sources));
    if problems.is_empty() {
        Ok(Project { root: root.to_path_buf(), briefings, seeds, statics, sources })
    } else {
        Err(LoadFailure { diagnostics: problems, sources })
    }
}

/// The files of `content/`, sorted, and the ones that may not be read.
fn content_files(root: &Path) -> Result<(Vec<PathBuf>, Vec<Diagnostic>), Box<Diagnostic>> {
    if !root.is_dir() {
        return Err(Box::new(
            Diagnostic::input("no-project", format!("{} is not a folder", root.display()))
                .in_file(Path::new("."))
                .help("give the project folder with --root, or run tracebrief inside it"),
        ));
    }
    let content = root.join("content");
    if let Err(e) = std::fs::read_dir(&content) {
        return Err(Box::new(
            Diagnostic::input("no-project", format!("cannot read the content/ folder of {}: {e}", root.display()))
                .in_file(Path::new("content"))
                .help("a tracebrief project has its fact sheets in content/; give the project folder with --root"),
        ));
    }
    let (files, problems) = inputs::files_under(root, "content", 1);
    Ok((files.into_iter().map(|f| root.join(f)).collect(), problems))
}

/// The files of `static/`, by their paths relative to the root, sorted. The
/// site's marker file may not be among them: a site holding a copy of it
/// would pass for one tracebrief built, whatever else it holds.
fn static_files(root: &Path, problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let (files, refused) = inputs::files_under(root, "static", usize::MAX);
    problems.extend(refused);
    let marker = Path::new("static").join(crate::output::MARKER);
    if files.contains(&marker) {
        problems.push(
            Diagnostic::input(
                "reserved-file",
                format!("{} is the marker of a site tracebrief builds", marker.display()),
            )
            .in_file(&marker)
            .help("remove it from static/: tracebrief writes this file itself"),
        );
    }
    files
}

fn is_sheet(file: &Path) -> bool {
    file.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// A summary `content/<slug>.md` whose sheet `content/<slug>.yaml` is missing:
/// most likely a misspelt name.
fn orphan_summaries(root: &Path, files: &[PathBuf]) -> Vec<Diagnostic> {
    let stems: Vec<String> = files
        .iter()
        .filter(|f| is_sheet(f))
        .filter_map(|f| f.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    let stems: Vec<&str> = stems.iter().map(String::as_str).collect();
    let orphans =
        files.iter().filter(|f| f.extension().is_some_and(|e| e == "md") && !f.with_extension("yaml").is_file());
    orphans
        .map(|f| {
            let file = relative(root, f);
            let stem = f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let help = match sheet::closest(&stem, &stems) {
                Some(near) => format!("did you mean content/{near}.md, the summary of content/{near}.yaml?"),
                None => format!("add the fact sheet content/{stem}.yaml, or remove this file"),
            };
            Diagnostic::input("orphan-summary", format!("{} is the summary of no fact sheet", file.display()))
                .in_file(&file)
                .help(help)
        })
        .collect()
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Reads one sheet and its Markdown summary, if any.
fn read_sheet(root: &Path, path: &Path, sources: &mut Sources) -> Result<Briefing, Vec<Diagnostic>> {
    let file = relative(root, path);
    if path.extension().is_some_and(|e| e == "yml") {
        return Err(vec![
            Diagnostic::input("invalid-slug", "fact sheets end in .yaml")
                .in_file(&file)
                .help(format!("rename it to {}", file.with_extension("yaml").display())),
        ]);
    }
    let Some(slug) = sheet::slug_of(path) else {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        return Err(vec![
            Diagnostic::input("invalid-slug", format!("`{stem}` is not a valid slug for a fact sheet"))
                .in_file(&file)
                .help("name fact sheets with lower-case letters, digits and hyphens: content/starmer-backstop.yaml"),
        ]);
    };
    let yaml = source::read_text(path, &file).map_err(|e| vec![Diagnostic::from(e)])?;
    sources.add(&file, &yaml);
    let md_path = path.with_extension("md");
    let markdown = if md_path.is_file() {
        let md_file = relative(root, &md_path);
        let text = source::read_text(&md_path, &md_file).map_err(|e| vec![Diagnostic::from(e)])?;
        sources.add(&md_file, &text);
        Some((md_file, text))
    } else {
        None
    };
    sheet::load_sheet(&slug, &file, &yaml, markdown.as_ref().map(|(f, t)| (f.as_path(), t.as_str())))
}

/// Resolves and loads the seed of `b`, once per seed file.
fn load_seed(
    root: &Path,
    b: &Briefing,
    seeds: &mut BTreeMap<PathBuf, Seed>,
    sources: &mut Sources,
) -> Result<(), Box<Diagnostic>> {
    let yaml = sources.get(&b.file).unwrap_or_default().to_string();
    let at = Place::new(&b.file, &yaml, b.source.span.clone());
    if b.source.value.trim().is_empty() {
        return Err(Box::new(
            Diagnostic::input("empty-field", "`source:` is empty")
                .at(at)
                .label("no path")
                .help("give the seed's path relative to the project root, such as seeds/article.txt"),
        ));
    }
    let path = inside_root(root, &b.seed).map_err(|why| {
        Box::new(
            Diagnostic::input("source-outside-root", format!("`source: {}` {why}", b.source.value))
                .at(at.clone())
                .label("outside the project")
                .help("put the seed in the project's seeds/ folder and give its path relative to the project root"),
        )
    })?;
    if seeds.contains_key(&b.seed) {
        return Ok(());
    }
    if std::fs::metadata(&path).is_err() {
        return Err(Box::new(
            Diagnostic::input("missing-seed", format!("the seed {} does not exist", b.seed.display()))
                .at(at)
                .label("no such file")
                .help("check the path: it is relative to the project root, such as seeds/article.txt"),
        ));
    }
    if let Some(refused) = inputs::refuse_file(root, &b.seed) {
        let mut d = refused.at(at).label("not a text file");
        d.help = Some("give the path of the seed's text file, such as seeds/article.txt".to_string());
        return Err(Box::new(d));
    }
    let seed = Seed::load_as(&path, &b.seed).map_err(|e| Box::new(Diagnostic::from(e)))?;
    sources.add(&b.seed, &seed.text);
    seeds.insert(b.seed.clone(), seed);
    Ok(())
}

/// The absolute path of `source` when it stays inside `root`, through `..`
/// and symlinks alike; otherwise why not.
fn inside_root(root: &Path, source: &Path) -> Result<PathBuf, &'static str> {
    if source.is_absolute() || source.has_root() || source.components().any(|c| matches!(c, Component::Prefix(_))) {
        return Err("is an absolute path");
    }
    let mut depth = 0usize;
    for c in source.components() {
        match c {
            Component::ParentDir if depth == 0 => return Err("leads outside the project root"),
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            _ => {}
        }
    }
    let path = root.join(source);
    if let (Ok(real_root), Ok(real)) = (root.canonicalize(), path.canonicalize())
        && !real.starts_with(&real_root)
    {
        return Err("leads outside the project root through a symbolic link");
    }
    Ok(path)
}

/// An actor id names one actor across the project: the same id with another
/// name in two sheets is an error.
fn actor_conflicts(briefings: &[Briefing], sources: &Sources) -> Vec<Diagnostic> {
    let mut first: BTreeMap<&str, (&Briefing, &sheet::Actor)> = BTreeMap::new();
    let mut problems = Vec::new();
    for b in briefings {
        for a in &b.actors {
            match first.get(a.id.value.as_str()) {
                Some((fb, fa)) if fa.name.value != a.name.value => {
                    let place = |br: &Briefing, span| Place::new(&br.file, sources.get(&br.file).unwrap_or(""), span);
                    problems.push(
                        Diagnostic::input(
                            "actor-conflict",
                            format!(
                                "actor id `{}` names `{}` here but `{}` in {}",
                                a.id.value,
                                a.name.value,
                                fa.name.value,
                                fb.file.display()
                            ),
                        )
                        .at(place(b, a.name.span.clone()))
                        .label("a different name")
                        .related(place(fb, fa.name.span.clone()), "first named here")
                        .help("an actor id names one actor across all briefings: use the same name, or another id"),
                    );
                }
                Some(_) => {}
                None => {
                    first.insert(&a.id.value, (b, a));
                }
            }
        }
    }
    problems
}

/// `sentence: N` must name a sentence of the seed.
fn sentence_pins(briefings: &[Briefing], seeds: &BTreeMap<PathBuf, Seed>, sources: &Sources) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for b in briefings {
        let Some(seed) = seeds.get(&b.seed) else { continue };
        let count = seed.sentences.len();
        for pin in b.figures.iter().filter_map(|f| f.sentence.as_ref()) {
            if (1..=count).contains(&pin.value) {
                continue;
            }
            let yaml = sources.get(&b.file).unwrap_or("");
            problems.push(
                Diagnostic::input(
                    "unknown-sentence",
                    format!("the seed has no sentence {} (it has s1 to s{count})", pin.value),
                )
                .at(Place::new(&b.file, yaml, pin.span.clone()))
                .label("no such sentence")
                .help(format!("see the sentence numbers with `tracebrief scan {}`", b.seed.display())),
            );
        }
    }
    problems
}
