//! Reports of `check`: the diagnostics and traced facts of a run, rendered
//! for people (`human`, rustc-style snippets), tools (`json`), GitHub
//! workflow annotations (`github`) and code-scanning services (`sarif`).

mod github;
mod human;
mod json;
mod sarif;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Sources, Tally};
use crate::trace::{FactKind, Trace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
    Sarif,
}

/// Everything a report shows.
pub struct Outcome<'a> {
    /// The project root as the user gave it; file paths are shown under it.
    pub root: &'a Path,
    pub diagnostics: &'a [Diagnostic],
    /// The traced facts, when the project loaded.
    pub trace: Option<&'a Trace>,
    pub sources: &'a Sources,
    /// `--strict`: warnings fail the check too.
    pub strict: bool,
}

impl Outcome<'_> {
    pub fn tally(&self) -> Tally {
        Tally::of(self.diagnostics)
    }

    /// `file` (relative to the root) as the user should see it.
    pub fn shown(&self, file: &Path) -> PathBuf {
        if file == Path::new(".") {
            // the root itself
            self.root.to_path_buf()
        } else if file.to_string_lossy().starts_with('<') {
            // `<built-in>/…`, `<site>/…`: no file of the project
            file.to_path_buf()
        } else if self.root == Path::new(".") || self.root.as_os_str().is_empty() {
            file.to_path_buf()
        } else {
            self.root.join(file)
        }
    }

    /// One line: `3 briefings, 41 figures, 12 quotes, 23 actors traced; 1 error, 2 warnings`.
    pub fn summary(&self) -> String {
        let tally = self.tally();
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let problems = format!("{}, {}", plural(tally.errors, "error"), plural(tally.warnings, "warning"));
        let Some(trace) = self.trace else {
            return format!("the project did not load; {problems}");
        };
        let count = |kind, word: &str| {
            let (traced, total) = trace.count(kind);
            if traced == total { plural(total, word) } else { format!("{traced} of {}", plural(total, word)) }
        };
        format!(
            "{}, {}, {}, {} traced; {problems}",
            plural(trace.briefings, "briefing"),
            count(FactKind::Number, "figure"),
            count(FactKind::Quote, "quote"),
            count(FactKind::Actor, "actor"),
        )
    }
}

/// Writes diagnostics for people, without a summary: the errors of a
/// command that checks no project (`draft`, `init`, writing the site).
pub fn write_diagnostics(
    root: &Path,
    diagnostics: &[Diagnostic],
    sources: &Sources,
    colour: bool,
    mut out: impl Write,
) -> io::Result<()> {
    let outcome = Outcome { root, diagnostics, trace: None, sources, strict: false };
    human::write_each(&outcome, colour, &mut out)?;
    out.flush()
}

/// Writes `outcome` in `format`; `colour` applies to the human format.
pub fn write(format: Format, outcome: &Outcome, colour: bool, mut out: impl Write) -> io::Result<()> {
    match format {
        Format::Human => human::write(outcome, colour, &mut out)?,
        Format::Json => json::write(outcome, &mut out)?,
        Format::Github => github::write(outcome, &mut out)?,
        Format::Sarif => sarif::write(outcome, &mut out)?,
    }
    out.flush()
}
