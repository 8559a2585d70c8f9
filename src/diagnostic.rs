//! Diagnostics: what loading or checking a project found, where, and what to do.
//!
//! A diagnostic points into a file by byte span (a fact sheet's value, a
//! seed's mention), may point at related places (the closest mention in the
//! seed), and carries a help line. The `report` module renders them for
//! people, for tools and for CI; this module only describes them.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{InputError, Location};

/// Every diagnostic code, with what it means: SARIF rules and the docs read this.
pub const CODES: &[(&str, &str)] = &[
    // input errors: the project cannot be checked as it stands (exit 2)
    ("no-project", "The project folder, or its content/ folder, cannot be read."),
    ("no-fact-sheets", "content/ holds no fact sheet."),
    ("invalid-slug", "A fact sheet's file name is not a slug ([a-z0-9][a-z0-9-]*.yaml)."),
    ("orphan-summary", "A content/<slug>.md summary has no content/<slug>.yaml fact sheet."),
    ("unreadable-file", "A file cannot be read."),
    ("invalid-utf8", "A file is not UTF-8 text."),
    ("empty-file", "A seed is empty or is not text."),
    ("yaml-syntax", "A fact sheet is not valid YAML."),
    ("yaml-too-complex", "A fact sheet nests too deeply or expands aliases too far."),
    ("unknown-field", "A fact sheet has a field the fact-sheet format does not define."),
    ("missing-field", "A required field of a fact sheet is missing."),
    ("wrong-type", "A field of a fact sheet holds the wrong type of value."),
    ("duplicate-key", "A field is given twice in the same mapping."),
    ("duplicate-id", "Two actors, quotes or figures of a sheet share an id."),
    ("invalid-id", "An id is not [a-z0-9][a-z0-9-]*."),
    ("unknown-actor", "A speaker or figure actor names no actor of the sheet."),
    ("duplicate-summary", "A summary is given both in `summary:` and in content/<slug>.md."),
    ("actor-conflict", "One actor id names different actors in two fact sheets."),
    ("source-outside-root", "A fact sheet's `source:` leads outside the project."),
    ("outside-root", "An input file or folder is a symbolic link that leads outside the project."),
    ("not-a-file", "An input is a FIFO, socket or device, or a folder where a file is expected."),
    ("empty-field", "A field of a fact sheet that needs a value is empty."),
    ("reserved-file", "static/ holds a file tracebrief writes itself (.tracebrief-site)."),
    ("missing-seed", "A fact sheet's `source:` names no file."),
    ("invalid-url", "A fact sheet's `source_url` is not an http or https address."),
    ("unknown-sentence", "A figure's `sentence:` pin names no sentence of the seed."),
    ("settings-error", "tracebrief.yaml is not valid."),
    ("not-written", "The site could not be written: a folder or file could not be made, or the disk is full."),
    ("template-error", "A template does not compile or render: a syntax error or an unknown variable."),
    ("port-in-use", "`serve` cannot listen on its port: another program has it."),
    ("cannot-listen", "`serve` cannot listen on 127.0.0.1 at the port asked for."),
    ("cannot-watch", "`serve` cannot watch the project's files for changes."),
    (
        "refused-output",
        "A command will not write where it was asked to: over a file, or into a folder it did not make.",
    ),
    // the trace check (exit 1)
    ("untraced-number", "A figure is not stated in any sentence of its seed."),
    ("unit-mismatch", "A sentence states a figure's value, but in another unit class."),
    ("evidence-not-found", "A figure's `evidence:` words stand in no sentence it may trace to."),
    ("quote-not-found", "A quote does not stand in any sentence of its seed."),
    ("actor-not-mentioned", "No name or alias of an actor stands in the seed."),
    ("dropped-hedge", "The seed hedges a figure (about, upwards of …) that the sheet states bare."),
    ("qualifier-mismatch", "A figure's qualifier is not the hedge its sentence uses."),
    ("also-stated", "A figure is stated in more than one sentence; it traces to the first."),
    ("evidence-mismatch", "A figure's `evidence:` holds another number of its unit class, not the figure's."),
    (
        "ambiguous-figure",
        "A figure traced without `evidence:` (or with evidence that holds another number of its class too) to a sentence that states another number of its class.",
    ),
    (
        "labels-swapped",
        "Two figures of one unit, traced without `evidence:` to two sentences, whose labels each read like the other's sentence.",
    ),
    (
        "label-elsewhere",
        "A figure's label says what another sentence states, one that states a number of its class, and nothing that tells its own sentence from that one.",
    ),
    ("label-repeated", "Two figures of one actor, or of none, have the same label."),
    ("number-traced-twice", "Two figures are traced to one number of one sentence, which gives it to one thing."),
    (
        "label-names-another",
        "A figure given to one actor has a label that names another actor of its kind and not its own.",
    ),
    (
        "label-beside-another",
        "A figure's label names what stands beside another number of its sentence, and nothing of what stands beside its own.",
    ),
    (
        "label-contradicts",
        "A figure's label says the opposite of what the words around its number say (killed for injured, last winter for this winter).",
    ),
    (
        "actor-beside-another",
        "A figure's value goes with another actor of its sentence, and its own actor with another number.",
    ),
    ("actor-out-of-context", "A figure's `actor:` is named neither in its sentence nor in its paragraph."),
    (
        "speaker-not-named",
        "A quote's speaker is not named where the quote stands, nor the last person named before it.",
    ),
    ("quote-spans-narration", "Parts of a quote joined by … run from quoted words into the narration around them."),
    ("role-conflict", "Two fact sheets give the same actor different roles."),
    // the published-number check
    ("untraced-published-number", "A number on a page is not accounted for by the sentence it cites, or cites none."),
];

/// What `code` means, for codes in [`CODES`].
pub fn explain(code: &str) -> Option<&'static str> {
    CODES.iter().find(|(c, _)| *c == code).map(|(_, what)| *what)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

/// A place in a file of the project: its path relative to the project root,
/// a byte span, and the 1-based line and column (in characters) of the span's start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
        Place { file: file.to_path_buf(), span, line, column }
    }
}

/// Another place a diagnostic points to, with what it shows there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub place: Place,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// A diagnostic as it is read back (a run keeps its diagnostics in a file
/// while it goes on): its code is one of [`CODES`].
#[derive(Deserialize)]
struct Stored {
    severity: Severity,
    code: String,
    message: String,
    file: Option<PathBuf>,
    place: Option<Place>,
    label: Option<String>,
    related: Vec<Related>,
    help: Option<String>,
    input: bool,
}

impl<'de> Deserialize<'de> for Diagnostic {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Diagnostic, D::Error> {
        let d = Stored::deserialize(deserializer)?;
        let code = CODES.iter().map(|(c, _)| *c).find(|c| *c == d.code);
        let code = code.ok_or_else(|| serde::de::Error::custom(format!("no diagnostic has the code `{}`", d.code)))?;
        Ok(Diagnostic {
            severity: d.severity,
            code,
            message: d.message,
            file: d.file,
            place: d.place,
            label: d.label,
            related: d.related,
            help: d.help,
            input: d.input,
        })
    }
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
        Diagnostic { input: true, ..Self::error(code, message) }
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
        self.related.push(Related { place, message: message.into() });
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
        let mut d = Diagnostic::input(code_of_input_error(&e), e.message).in_file(&e.file).help(e.help);
        if let Some(at) = e.location {
            d.place = Some(Place { file: e.file, span: 0..0, line: at.line, column: at.column });
        }
        d
    }
}

fn code_of_input_error(e: &InputError) -> &'static str {
    if e.message.starts_with("invalid UTF-8") {
        "invalid-utf8"
    } else if e.message.starts_with("is a directory") || e.message.starts_with("is not a regular file") {
        "not-a-file"
    } else if e.message.contains("empty") {
        "empty-file"
    } else {
        "unreadable-file"
    }
}

/// The text of every file diagnostics may point into, for rendering snippets.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Sources {
    files: BTreeMap<PathBuf, Text>,
}

/// A file's text: whole, or only the lines diagnostics point into.
#[derive(Debug, Clone, Serialize, Deserialize)]
enum Text {
    Whole(String),
    /// Runs of whole lines, in the order of the file, none overlapping.
    Lines(Vec<Lines>),
}

/// Whole lines of a file, from byte `start`, the first of them line `line`.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Lines {
    start: usize,
    line: usize,
    text: String,
}

/// The text around a span: `text` begins a line, line `line` of its file;
/// `span` is the span within it.
pub struct Excerpt<'a> {
    pub text: &'a str,
    pub line: usize,
    pub span: Range<usize>,
}

impl Sources {
    pub fn add(&mut self, file: &Path, text: &str) {
        match self.files.get_mut(file) {
            Some(Text::Whole(_)) => {}
            Some(lines) => *lines = Text::Whole(text.to_string()),
            None => {
                self.files.insert(file.to_path_buf(), Text::Whole(text.to_string()));
            }
        }
    }

    /// It holds no file.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Adds every file of `other` this set does not have yet, or has less of.
    pub fn extend(&mut self, other: Sources) {
        for (file, text) in other.files {
            match (self.files.get_mut(&file), text) {
                (None, text) => {
                    self.files.insert(file, text);
                }
                (Some(Text::Whole(_)), _) => {}
                (Some(mine), Text::Whole(whole)) => *mine = Text::Whole(whole),
                (Some(Text::Lines(mine)), Text::Lines(theirs)) => {
                    for lines in theirs {
                        if !mine.iter().any(|m| m.start <= lines.start && lines.end() <= m.end()) {
                            mine.push(lines);
                        }
                    }
                    mine.sort_by_key(|l| l.start);
                }
            }
        }
    }

    /// The whole text of `file`, when it is kept whole.
    pub fn get(&self, file: &Path) -> Option<&str> {
        match self.files.get(file)? {
            Text::Whole(text) => Some(text),
            Text::Lines(_) => None,
        }
    }

    /// The text around `span` of `file`, when it is kept.
    pub fn excerpt(&self, file: &Path, span: &Range<usize>) -> Option<Excerpt<'_>> {
        match self.files.get(file)? {
            Text::Whole(text) => (span.end <= text.len() && text.is_char_boundary(span.start)).then(|| Excerpt {
                text,
                line: 1,
                span: span.clone(),
            }),
            Text::Lines(runs) => {
                let run = runs.iter().find(|r| r.start <= span.start && span.end <= r.end())?;
                Some(Excerpt { text: &run.text, line: run.line, span: span.start - run.start..span.end - run.start })
            }
        }
    }

    /// The text of `file` (a path relative to `root`), read from disk the
    /// first time it is asked for; empty when it cannot be read.
    pub fn read(&mut self, root: &Path, file: &Path) -> &str {
        let text = self.files.entry(file.to_path_buf()).or_insert_with(|| Text::Lines(Vec::new()));
        if let Text::Lines(_) = text {
            *text = Text::Whole(std::fs::read_to_string(root.join(file)).unwrap_or_default());
        }
        match text {
            Text::Whole(text) => text,
            Text::Lines(_) => "",
        }
    }

    /// Only the lines `diagnostics` point into, for a run that keeps the
    /// diagnostics of many files: its memory is theirs, not the files'.
    pub fn lines_of<'d>(&self, diagnostics: impl IntoIterator<Item = &'d Diagnostic>) -> Sources {
        let mut kept = Sources::default();
        let places = diagnostics.into_iter().flat_map(|d| d.place.iter().chain(d.related.iter().map(|r| &r.place)));
        for place in places {
            let Some(Text::Whole(text)) = self.files.get(&place.file) else { continue };
            if place.span.end > text.len() || !text.is_char_boundary(place.span.start) {
                continue;
            }
            let start = text[..place.span.start].rfind('\n').map_or(0, |at| at + 1);
            let end = text[place.span.end..].find('\n').map_or(text.len(), |at| place.span.end + at);
            let lines = Lines { start, line: place.line, text: text[start..end].to_string() };
            let mut one = Sources::default();
            one.files.insert(place.file.clone(), Text::Lines(vec![lines]));
            kept.extend(one);
        }
        kept
    }
}

impl Lines {
    fn end(&self) -> usize {
        self.start + self.text.len()
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
    /// The check passes: no error, and no warning when `strict`.
    pub fn passes(&self, strict: bool) -> bool {
        self.errors == 0 && !(strict && self.warnings > 0)
    }

    /// Adds the counts of `other`.
    pub fn add(&mut self, other: Tally) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.input_errors += other.input_errors;
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    /// A run keeps only the lines its diagnostics point into; they are
    /// shown, in every format, as the whole files show them.
    #[test]
    fn diagnostics_show_the_same_from_their_lines_as_from_whole_files() {
        let sheet = Path::new("content/a.yaml");
        let seed = Path::new("seeds/a.txt");
        let sheet_text = "title: A\nfigures:\n  - value: 12\n    unit: percent\n";
        let seed_text = "First line.\nUnemployment rose by 12 per cent.\nLast line, with é.\n";
        let mut whole = Sources::default();
        whole.add(sheet, sheet_text);
        whole.add(seed, seed_text);
        let value = sheet_text.find("12").unwrap();
        let stated = seed_text.find("12 per cent").unwrap();
        let diagnostic = Diagnostic::warning("dropped-hedge", "an example")
            .at(Place::new(sheet, sheet_text, value..value + 2))
            .label("here")
            .related(Place::new(seed, seed_text, stated..stated + 11), "stated here");
        let lines = whole.lines_of([&diagnostic]);

        let excerpt = lines.excerpt(seed, &(stated..stated + 11)).unwrap();
        assert_eq!((excerpt.text, excerpt.line), ("Unemployment rose by 12 per cent.", 2));
        assert_eq!(&excerpt.text[excerpt.span], "12 per cent");
        assert!(lines.excerpt(seed, &(0..5)).is_none(), "a line no diagnostic points into is not kept");

        for format in [crate::report::Format::Human, crate::report::Format::Sarif] {
            let shown = |sources: &Sources| {
                let diagnostics = [diagnostic.clone()];
                let outcome = crate::report::Outcome {
                    root: Path::new("."),
                    diagnostics: &diagnostics,
                    trace: None,
                    sources,
                    strict: false,
                };
                let mut out = Vec::new();
                crate::report::write(format, &outcome, false, &mut out).unwrap();
                String::from_utf8(out).unwrap()
            };
            assert_eq!(shown(&lines), shown(&whole));
        }
    }

    /// Every code the sources create is explained in [`CODES`].
    #[test]
    fn every_code_is_explained() {
        let mut unexplained = Vec::new();
        for file in walk(Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path()) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let mut rest = text.as_str();
            while let Some(at) = rest.find("Diagnostic::") {
                rest = &rest[at..];
                let call = rest.get(..120).unwrap_or(rest);
                let constructor = ["input(", "error(", "warning(", "note("].iter().any(|c| call[12..].starts_with(c));
                if let (true, Some(open)) = (constructor, call.find('"')) {
                    let code = &call[open + 1..];
                    let code = &code[..code.find('"').unwrap_or(0)];
                    if explain(code).is_none() {
                        unexplained.push(format!("{code} in {}", file.display()));
                    }
                }
                rest = &rest[1..];
            }
        }
        for (code, _) in [("invalid-utf8", ()), ("empty-file", ()), ("unreadable-file", ())] {
            assert!(explain(code).is_some(), "{code}");
        }
        assert!(unexplained.is_empty(), "codes missing from CODES: {unexplained:?}");
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                files.extend(walk(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
        files
    }
}
