//! A tracebrief project on disk: its fact sheets in `content/`, the seeds
//! they name, its `static/` files, and the checks that need more than one
//! file — `source:` paths that must stay inside the project, actor ids
//! shared across briefings, sentence pins.
//!
//! A project is opened once ([`open`]: what content/ and static/ hold) and
//! its briefings are then loaded one at a time ([`Project::load`]), so that
//! a run holds the briefings it is working on, never the whole project.
//! Checks across briefings work on the cast the catalogue keeps.

use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Place, Sources};
use crate::inputs;
use crate::sheet::{self, Briefing};
use crate::site::catalogue::Cast;
use crate::source::{self, Seed};

/// An opened project: what its folders hold, nothing read yet.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    /// The fact sheets, by path relative to the root, sorted.
    pub sheets: Vec<PathBuf>,
    /// The files of `static/`, by their paths relative to the root (`static/about.html`).
    pub statics: Vec<PathBuf>,
}

/// One briefing, loaded: its sheet, its seed (sentences and mentions), and
/// the text of every file read for it, for diagnostics.
#[derive(Debug)]
pub struct Loaded {
    pub briefing: Briefing,
    pub seed: Seed,
    pub sources: Sources,
}

/// Input errors that stop a project or a briefing, and the files read.
#[derive(Debug, Default)]
pub struct LoadFailure {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
}

/// Opens the project at `root`: lists its sheets and static files, and
/// reports what is wrong with the folders themselves.
pub fn open(root: &Path) -> Result<Project, LoadFailure> {
    let mut problems = Vec::new();
    let files = match content_files(root) {
        Ok((files, unreadable)) => {
            problems.extend(unreadable);
            files
        }
        Err(d) => return Err(LoadFailure { diagnostics: vec![*d], sources: Sources::default() }),
    };
    let statics = static_files(root, &mut problems);
    problems.extend(orphan_summaries(root, &files));
    let sheets: Vec<PathBuf> = files.iter().filter(|f| is_sheet(f)).map(|f| relative(root, f)).collect();
    if sheets.is_empty() {
        problems.push(
            Diagnostic::input("no-fact-sheets", "no fact sheets in content/")
                .in_file(Path::new("content"))
                .help("add a fact sheet content/<slug>.yaml (see docs/fact-sheet.md)"),
        );
    }
    if problems.is_empty() {
        Ok(Project { root: root.to_path_buf(), sheets, statics })
    } else {
        Err(LoadFailure { diagnostics: problems, sources: Sources::default() })
    }
}

impl Project {
    /// Reads one sheet (`content/<slug>.yaml`), its summary and its seed.
    pub fn load(&self, sheet: &Path) -> Result<Loaded, LoadFailure> {
        let mut sources = Sources::default();
        let briefing = match read_sheet(&self.root, &self.root.join(sheet), &mut sources) {
            Ok(briefing) => briefing,
            Err(diagnostics) => return Err(LoadFailure { diagnostics, sources }),
        };
        let seed = match load_seed(&self.root, &briefing, &mut sources) {
            Ok(seed) => seed,
            Err(d) => return Err(LoadFailure { diagnostics: vec![*d], sources }),
        };
        let pins = sentence_pins(&briefing, &seed, &sources);
        if !pins.is_empty() {
            return Err(LoadFailure { diagnostics: pins, sources });
        }
        Ok(Loaded { briefing, seed, sources })
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

/// Resolves and loads the seed of `b`.
fn load_seed(root: &Path, b: &Briefing, sources: &mut Sources) -> Result<Seed, Box<Diagnostic>> {
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
    Ok(seed)
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

/// The checks across sheets of the actors they share: an actor id names one
/// actor, so the same id with another name in a later sheet is the input
/// error `actor-conflict`; the same id with another role is the warning
/// `role-conflict` (each briefing still shows the role its own sheet gives).
/// The sheets involved are read again, only to point at their lines.
pub fn cast_conflicts(project: &Project, cast: &Cast, sources: &mut Sources) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for member in cast.members.iter().filter(|m| m.names.len() > 1 || m.roles.len() > 1) {
        let Some(&(ref first_name, _, first_sheet)) = member.names.first() else { continue };
        let mut field = |sheet: usize, role: bool| -> Option<Place> {
            let loaded = project.load(project.sheets.get(sheet)?).ok()?;
            let actor = loaded.briefing.actors.iter().find(|a| a.id.value == member.id)?;
            let span = if role { actor.role.as_ref()?.span.clone() } else { actor.name.span.clone() };
            let file = loaded.briefing.file.clone();
            let text = loaded.sources.get(&file)?.to_string();
            sources.add(&file, &text);
            Some(Place::new(&file, &text, span))
        };
        let first_place = field(first_sheet, false);
        for (name, _, sheet) in &member.names[1..] {
            let Some(here) = field(*sheet, false) else { continue };
            let mut d = Diagnostic::input(
                "actor-conflict",
                format!(
                    "actor id `{}` names `{name}` here but `{first_name}` in {}",
                    member.id,
                    project.sheets[first_sheet].display()
                ),
            )
            .at(here)
            .label("a different name")
            .help("an actor id names one actor across all briefings: use the same name, or another id");
            if let Some(first) = &first_place {
                d = d.related(first.clone(), "first named here");
            }
            found.push(d);
        }
        let mut roles: Vec<&(String, usize)> = member.roles.iter().collect();
        roles.sort_by_key(|(_, sheet)| *sheet);
        if let Some(((first_role, first_role_sheet), others)) = roles.split_first().map(|(f, o)| ((&f.0, f.1), o)) {
            let first_place = field(first_role_sheet, true);
            for (role, sheet) in others {
                let Some(here) = field(*sheet, true) else { continue };
                let mut d = Diagnostic::warning(
                    "role-conflict",
                    format!(
                        "`{}` is \"{role}\" here but \"{first_role}\" in {}",
                        member.id,
                        project.sheets[first_role_sheet].display()
                    ),
                )
                .at(here)
                .label("another role")
                .help("each briefing shows the role its own sheet gives; if it is the same office, write it the same way in both");
                if let Some(first) = &first_place {
                    d = d.related(first.clone(), "the first role given");
                }
                found.push(d);
            }
        }
    }
    found
}

/// `sentence: N` must name a sentence of the seed.
fn sentence_pins(b: &Briefing, seed: &Seed, sources: &Sources) -> Vec<Diagnostic> {
    let count = seed.sentences.len();
    let yaml = sources.get(&b.file).unwrap_or("");
    b.figures
        .iter()
        .filter_map(|f| f.sentence.as_ref())
        .filter(|pin| !(1..=count).contains(&pin.value))
        .map(|pin| {
            Diagnostic::input(
                "unknown-sentence",
                format!("the seed has no sentence {} (it has s1 to s{count})", pin.value),
            )
            .at(Place::new(&b.file, yaml, pin.span.clone()))
            .label("no such sentence")
            .help(format!("see the sentence numbers with `tracebrief scan {}`", b.seed.display()))
        })
        .collect()
}
