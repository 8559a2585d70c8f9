//! Site settings: the optional `tracebrief.yaml` at the project root.
//!
//! ```yaml
//! title: Defence briefings   # the site's name, on every page (default "Briefings")
//! language: en-GB            # the pages' language (default "en")
//! paginate_by: 100           # items a page of the lists across briefings (default 100)
//! base_url: https://example.org/briefings/   # where the site is published: canonical
//!                            # links, OpenGraph, feed.xml, sitemap.xml, robots.txt
//! description: Briefings on European defence   # the site's description (meta, feed)
//! strings:                   # the interface's words, replaced one by one
//!   key_figures: Figures that matter
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Place, Sources};
use crate::site::strings::Strings;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub title: String,
    pub language: String,
    /// How many items (briefings, figures, quotes, actors) a page of a list shows.
    pub paginate_by: usize,
    /// Briefings are printed to PDF too (`build --pdf`, not the file): pages link them.
    pub pdf: bool,
    /// Where the site is published, ending in `/`: `https://example.org/briefings/`.
    pub base_url: Option<String>,
    /// The site's description, for its meta description and its feed.
    pub description: Option<String>,
    /// The interface's words the project replaces, by key.
    pub strings: BTreeMap<String, String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            title: "Briefings".to_string(),
            language: "en".to_string(),
            paginate_by: 100,
            pdf: false,
            base_url: None,
            description: None,
            strings: BTreeMap::new(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    title: Option<String>,
    language: Option<String>,
    paginate_by: Option<serde_saphyr::Spanned<usize>>,
    base_url: Option<serde_saphyr::Spanned<String>>,
    description: Option<String>,
    strings: Option<std::collections::HashMap<serde_saphyr::Spanned<String>, String>>,
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
                    .help(
                        "tracebrief.yaml takes `title:`, `language:`, `paginate_by:`, `base_url:`, `description:` and `strings:` (see docs/fact-sheet.md)",
                    ),
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
        let at = |span: serde_saphyr::Span, len: usize| {
            let offset = span.byte_offset().map_or(0, |o| o as usize).min(text.len());
            Place::new(file, &text, offset..(offset + len).min(text.len()))
        };
        let base_url = match raw.base_url {
            Some(url) => match base_url(&url.value) {
                Some(url) => Some(url),
                None => {
                    return Err(Box::new(
                        Diagnostic::input("settings-error", format!("{FILE}: `base_url` is no web address"))
                            .at(at(url.referenced.span(), url.value.len().max(1)))
                            .label("not an http:// or https:// address")
                            .help("give the address the site is published at, such as https://example.org/briefings/"),
                    ));
                }
            },
            None => None,
        };
        let mut strings = BTreeMap::new();
        let mut given: Vec<(serde_saphyr::Spanned<String>, String)> =
            raw.strings.unwrap_or_default().into_iter().collect();
        given.sort_by_key(|(key, _)| key.referenced.span().byte_offset());
        for (key, text) in given {
            if !Strings::keys().any(|k| k == key.value) {
                let known: Vec<&str> = Strings::keys().collect();
                return Err(Box::new(
                    Diagnostic::input("settings-error", format!("{FILE}: `{}` is no interface string", key.value))
                        .at(at(key.referenced.span(), key.value.len().max(1)))
                        .label("unknown key")
                        .help(format!("`strings:` replaces these keys: {}", known.join(", "))),
                ));
            }
            strings.insert(key.value, text);
        }
        Ok(Settings {
            title: raw.title.unwrap_or(defaults.title),
            language: raw.language.unwrap_or(defaults.language),
            paginate_by,
            base_url,
            description: raw.description.filter(|d| !d.trim().is_empty()),
            strings,
            ..defaults
        })
    }

    /// The interface's words, in the site's language with the project's own.
    pub fn strings(&self) -> Strings {
        Strings::new(&self.language, &self.strings)
    }
}

/// `url` as a base address: an http(s) address with a host, ending in `/`.
fn base_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    if host.is_empty() || url.contains(['?', '#', ' ', '"', '<', '>']) {
        return None;
    }
    Some(if url.ends_with('/') { url.to_string() } else { format!("{url}/") })
}
