//! `tracebrief init`: a new project that checks and builds straight away —
//! settings, the example briefing (its sheet, summary and seed, embedded in
//! the binary), a `.gitignore` for the built site, and a GitHub Actions
//! workflow that checks every push.
//!
//! It writes into an empty (or new) folder only, unless forced; even then
//! it never writes over a file that is there, and says which it kept.

use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

/// The files of a new project: path relative to the project folder, and content.
pub const FILES: &[(&str, &str)] = &[
    ("tracebrief.yaml", SETTINGS),
    ("content/starmer-us-backstop.yaml", include_str!("../content/starmer-us-backstop.yaml")),
    ("content/starmer-us-backstop.md", include_str!("../content/starmer-us-backstop.md")),
    ("seeds/000_efa7916b03e9017c.txt", include_str!("../seeds/000_efa7916b03e9017c.txt")),
    (".gitignore", "# the site tracebrief builds\nsite/\n"),
    (".github/workflows/tracebrief.yml", WORKFLOW),
];

const SETTINGS: &str = "\
# Site settings: see docs/fact-sheet.md and docs/site.md of tracebrief
title: Briefings
language: en            # en, de, fr or es: the interface's words and dates
# base_url: https://example.org/briefings/   # canonical links, OpenGraph, feed.xml, sitemap.xml
# strings:                                   # any word of the interface, replaced
#   key_figures: Figures that matter
";

/// The workflow `init` writes: check every push and pull request, with
/// annotations on the lines of the sheets, then build the site.
pub const WORKFLOW: &str = include_str!("init/tracebrief.yml");

/// What `init` did with each file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Created(PathBuf),
    /// The file was there already (with `--force`): left as it was.
    Kept(PathBuf),
}

/// Creates a project in `dir`. Refuses a folder that holds anything unless
/// `force`; never writes over a file.
pub fn init(dir: &Path, force: bool) -> Result<Vec<Outcome>, Box<Diagnostic>> {
    if dir.exists() && !dir.is_dir() {
        return Err(Box::new(
            Diagnostic::input("refused-output", format!("{} is a file, not a folder", dir.display()))
                .in_file(dir)
                .help("give the folder to create the project in"),
        ));
    }
    let holds_something = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if holds_something && !force {
        return Err(Box::new(
            Diagnostic::input("refused-output", format!("{} is not empty", shown(dir).display()))
                .in_file(dir)
                .help("give a new or empty folder, or add --force to add the missing files (none is written over)"),
        ));
    }
    let mut done = Vec::new();
    for (file, content) in FILES {
        let path = dir.join(file);
        if std::fs::symlink_metadata(&path).is_ok() {
            done.push(Outcome::Kept(PathBuf::from(file)));
            continue;
        }
        write_new(&path, content).map_err(|e| {
            Box::new(
                Diagnostic::input("unreadable-file", format!("cannot write {}: {e}", path.display()))
                    .in_file(&path)
                    .help("check that the folder can be written"),
            )
        })?;
        done.push(Outcome::Created(PathBuf::from(file)));
    }
    Ok(done)
}

/// Writes a file that must not exist yet, with the folders it needs.
fn write_new(path: &Path, content: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    io::Write::write_all(&mut file, content.as_bytes())
}

fn shown(dir: &Path) -> &Path {
    if dir.as_os_str().is_empty() { Path::new(".") } else { dir }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_the_one_the_repository_ships() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (file, content) in FILES.iter().filter(|(f, _)| f.starts_with("content/") || f.starts_with("seeds/")) {
            let shipped = std::fs::read_to_string(root.join(file)).unwrap_or_default();
            assert_eq!(&shipped, content, "{file}");
        }
    }

    #[test]
    fn the_workflow_checks_with_annotations() {
        assert!(WORKFLOW.contains("tracebrief check --format github"));
        assert!(WORKFLOW.contains("Swatinem/rust-cache"));
    }

    /// The README shows the workflow `init` writes, for projects made without it.
    #[test]
    fn the_readme_shows_the_workflow_init_writes() {
        let readme = include_str!("../README.md");
        let body: String = WORKFLOW.lines().skip_while(|l| l.starts_with('#')).map(|l| format!("{l}\n")).collect();
        assert!(readme.contains(&body), "README.md and src/init/tracebrief.yml differ");
    }
}
