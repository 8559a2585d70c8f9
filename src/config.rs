//! Site settings: the optional `tracebrief.yaml` at the project root.
//!
//! ```yaml
//! title: Defence briefings   # the site's name, on every page (default "Briefings")
//! language: en-GB            # the pages' language (default "en")
//! paginate_by: 100           # items a page of the lists across briefings (default 100)
//! ```

use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Place, Sources};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub title: String,
    pub language: String,
    /// How many items (briefings, figures, quotes, actors) a page of a list shows.
    pub paginate_by: usize,
    /// Briefings are printed to PDF too (`build --pdf`, not the file): pages link them.
    pub pdf: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { title: "Briefings".to_string(), language: "en".to_string(), paginate_by: 100, pdf: false }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    title: Option<String>,
    language: Option<String>,
    paginate_by: Option<serde_saphyr::Spanned<usize>>,
}

pub const FILE: &str = "tracebrief.yaml";

impl Settings {
    /// `tracebrief.yaml` of the project at `root`, or the defaults when there is none.
    pub fn load(root: &Path, sources: &mut Sources) -> Result<Settings, Box<Diagnostic>> {
        let path = root.join(FILE);
        let file = Path::new(FILE);
        if std::fs::symlink_metadata(&path).is_err() {
            return Ok(Settings::default());
        }
        if let Some(refused) = crate::inputs::refuse_file(root, file) {
            return Err(Box::new(refused));
        }
        let text = crate::source::read_text(&path, file).map_err(|e| Box::new(Diagnostic::from(e)))?;
        sources.add(file, &text);
        if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
            return Ok(Settings::default());
        }
        let raw: RawSettings = serde_saphyr::from_str(&text).map_err(|e| {
            let detail = e.without_snippet().to_string();
            let detail = detail.rsplit_once(" at line ").map_or(detail.as_str(), |(m, _)| m).to_string();
            let offset = e.location().and_then(|l| l.span().byte_offset()).map_or(0, |o| o as usize).min(text.len());
            Box::new(
                Diagnostic::input("settings-error", format!("{FILE}: {detail}"))
                    .at(Place::new(file, &text, offset..offset))
                    .label("here")
                    .help("tracebrief.yaml takes `title:`, `language:` and `paginate_by:` (see docs/fact-sheet.md)"),
            )
        })?;
        let defaults = Settings::default();
        let paginate_by = match raw.paginate_by {
            Some(n) if n.value == 0 => {
                let span = n.referenced.span();
                let offset = span.byte_offset().map_or(0, |o| o as usize).min(text.len());
                return Err(Box::new(
                    Diagnostic::input("settings-error", format!("{FILE}: `paginate_by` must be at least 1"))
                        .at(Place::new(file, &text, offset..offset + 1))
                        .label("no items a page")
                        .help("give how many items a page of the lists shows, such as 100"),
                ));
            }
            Some(n) => n.value,
            None => defaults.paginate_by,
        };
        Ok(Settings {
            title: raw.title.unwrap_or(defaults.title),
            language: raw.language.unwrap_or(defaults.language),
            paginate_by,
            ..defaults
        })
    }
}
