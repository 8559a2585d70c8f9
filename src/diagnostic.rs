//! Diagnostics: what loading or checking a project found, where, and what to do.
//!
//! A diagnostic points into a file by byte span (a fact sheet's value, a
//! seed's mention), may point at related places (the closest mention in the
//! seed), and carries a help line. The `report` module renders them for
//! people, for tools and for CI; this module only describes them.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{InputError, Location};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

/// A place in a file of the project: its path relative to the project root,
/// a byte span, and the 1-based line and column (in characters) of the span's start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: PathBuf,
    pub span: Range<usize>,
    pub line: usize,
    pub column: usize,
}

impl Place {
    /// The place of `span` in `text`, the content of `file`.
    pub fn new(file: &Path, text: &str, span: Range<usize>) -> Place {
        let Location { line, column } = Location::of_offset(text, span.start);
        Place {
            file: file.to_path_buf(),
            span,
            line,
            column,
        }
    }
}

/// Another place a diagnostic points to, with what it shows there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub place: Place,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable kebab-case code: `untraced-number`, `unknown-field` …
    pub code: &'static str,
    pub message: String,
    /// The file the diagnostic is about; `span`-less diagnostics name a file only.
    pub file: Option<PathBuf>,
    pub place: Option<Place>,
    /// What to write under the caret at `place`.
    pub label: Option<String>,
    pub related: Vec<Related>,
    pub help: Option<String>,
    /// An input error: the project cannot be checked as it stands (exit code 2).
    pub input: bool,
}

impl Diagnostic {
    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            file: None,
            place: None,
            label: None,
            related: Vec::new(),
            help: None,
            input: false,
        }
    }

    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    pub fn note(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, message)
    }

    /// An error in the project's input files: exit code 2.
    pub fn input(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            input: true,
            ..Self::error(code, message)
        }
    }

    pub fn in_file(mut self, file: &Path) -> Self {
        self.file = Some(file.to_path_buf());
        self
    }

    pub fn at(mut self, place: Place) -> Self {
        self.file = Some(place.file.clone());
        self.place = Some(place);
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn related(mut self, place: Place, message: impl Into<String>) -> Self {
        self.related.push(Related {
            place,
            message: message.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn line(&self) -> Option<usize> {
        self.place.as_ref().map(|p| p.line)
    }

    pub fn column(&self) -> Option<usize> {
        self.place.as_ref().map(|p| p.column)
    }
}

impl From<InputError> for Diagnostic {
    fn from(e: InputError) -> Self {
        let mut d = Diagnostic::input(code_of_input_error(&e), e.message)
            .in_file(&e.file)
            .help(e.help);
        if let Some(at) = e.location {
            d.place = Some(Place {
                file: e.file,
                span: 0..0,
                line: at.line,
                column: at.column,
            });
        }
        d
    }
}

fn code_of_input_error(e: &InputError) -> &'static str {
    if e.message.starts_with("invalid UTF-8") {
        "invalid-utf8"
    } else if e.message.contains("empty") {
        "empty-file"
    } else {
        "unreadable-file"
    }
}

/// The text of every file diagnostics may point into, for rendering snippets.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: BTreeMap<PathBuf, String>,
}

impl Sources {
    pub fn add(&mut self, file: &Path, text: &str) {
        self.files.entry(file.to_path_buf()).or_insert_with(|| text.to_string());
    }

    pub fn get(&self, file: &Path) -> Option<&str> {
        self.files.get(file).map(String::as_str)
    }
}

/// Counts of a set of diagnostics, for summaries and exit codes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub input_errors: usize,
}

impl Tally {
    pub fn of(diagnostics: &[Diagnostic]) -> Tally {
        let mut t = Tally::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Note => {}
            }
            if d.input {
                t.input_errors += 1;
            }
        }
        t
    }
}
