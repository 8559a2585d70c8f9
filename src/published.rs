//! Reporting the published-number check: each number a page publishes that
//! nothing accounts for ([`crate::verify`] finds them) is traced back to
//! where it was written — a field of a fact sheet (title, label, role,
//! name), a summary, the site's title, a template, a static file — and
//! reported once there, with the count of pages it would appear on.

use std::path::Path;

use crate::config::{self, Settings};
use crate::diagnostic::{Diagnostic, Place, Sources};
use crate::sheet::Briefing;
use crate::site::{Page, Theme};
use crate::verify::{Reason, Unaccounted};

/// Every report of a run, one an origin, with the text of the files they point into.
#[derive(Default, Clone)]
pub struct Reports {
    reports: Vec<Report>,
    pub sources: Sources,
}

impl Reports {
    /// Adds what one page published unaccounted, each number at its origin.
    pub fn add(&mut self, page: &Path, html: &str, found: Vec<Unaccounted>, origins: &Origins) {
        let mut seen_here: Vec<(Place, String)> = Vec::new();
        for u in found {
            let origin = origins.of(&u, &mut self.sources).unwrap_or_else(|| {
                let origin = Origin::page(page, html, &u, origins.page.is_none());
                self.sources.add(&origin.place.file, html);
                origin
            });
            // a number shown twice on one page is one page more, not two
            let key = (origin.place.clone(), u.text.clone());
            if seen_here.contains(&key) {
                continue;
            }
            seen_here.push(key);
            match self.reports.iter_mut().find(|r| r.origin.place == origin.place && r.text == u.text) {
                Some(report) => report.pages += 1,
                None => self.reports.push(Report { text: u.text.clone(), origin, pages: 1, first: u }),
            }
        }
    }

    /// Adds the reports of another set (of other pages), merging those of one origin.
    pub fn merge(&mut self, other: Reports) {
        self.sources.extend(other.sources);
        for report in other.reports {
            match self.reports.iter_mut().find(|r| r.origin.place == report.origin.place && r.text == report.text) {
                Some(mine) => mine.pages += report.pages,
                None => self.reports.push(report),
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.reports.is_empty()
    }

    pub fn diagnostics(self) -> (Vec<Diagnostic>, Sources) {
        (self.reports.into_iter().map(Report::diagnostic).collect(), self.sources)
    }
}

/// One wrong number at its origin, and how many pages show it.
#[derive(Clone)]
struct Report {
    text: String,
    origin: Origin,
    pages: usize,
    /// Where it was first found.
    first: Unaccounted,
}

impl Report {
    fn diagnostic(self) -> Diagnostic {
        let u = &self.first;
        let why = match &u.reason {
            Reason::NotTraced => self.origin.untraced.to_string(),
            Reason::NotStated { sentences } => format!("{} does not state it", sentences.join(", ")),
            Reason::UnknownSentence { sentence } => format!("it cites {sentence}, which is no sentence of its seed"),
            Reason::NotACount => "it is marked data-trace=\"derived\", and tracebrief derives only counts".to_string(),
            Reason::NotDerived => {
                "it is marked data-trace=\"derived\", and the page was given no such count".to_string()
            }
            Reason::NotMeta => "it is marked data-trace=\"meta\", and a sum or a hedged number is a claim".to_string(),
            Reason::NotGivenValue => {
                "it is marked data-trace=\"meta\", and no date, publisher or address the page was given holds it"
                    .to_string()
            }
            Reason::InStylesheet => "CSS draws it (`content`), and CSS can cite no sentence".to_string(),
            Reason::WrittenInDerived => {
                "it is marked data-trace=\"derived\", and the template writes it itself: a count is derived only when the template prints it from the page's data".to_string()
            }
        };
        let on = match self.pages {
            1 => u.page.display().to_string(),
            n => format!("{n} pages"),
        };
        let written = match (&self.origin.what, &u.reason) {
            (_, Reason::WrittenInDerived) => format!("`{}` is written in {}", self.text, u.page.display()),
            (Some(what), _) => format!("`{}` {what} is published on {on}", self.text),
            (None, _) => format!("`{}` is published on {on}", self.text),
        };
        let d = Diagnostic::error("untraced-published-number", format!("{written}, but {why}"))
            .at(self.origin.place)
            .label(match self.pages {
                _ if u.reason == Reason::WrittenInDerived => "written here".to_string(),
                1 => "published here".to_string(),
                n => format!("published on {n} pages"),
            });
        let help = match u.reason {
            Reason::InStylesheet | Reason::WrittenInDerived => None,
            _ => self.origin.help,
        };
        d.help(help.unwrap_or(match &u.reason {
            Reason::NotTraced => "publish numbers through the fact sheet's figures, or mark values that are no claims with data-trace=\"meta\" or \"derived\"",
            Reason::NotMeta => "trace the number to the sentence that states it (data-trace=\"sN\"); `meta` is for the sheet's date, names and addresses",
            Reason::NotACount => "trace the number to the sentence that states it (data-trace=\"sN\"); `derived` is for counts of figures, sentences, pages and notes",
            Reason::NotGivenValue => "show the sheet's own value ({{ b.date.text }}, {{ b.source.url }}) inside `meta`, or trace the number to the sentence that states it (data-trace=\"sN\")",
            Reason::NotDerived => "show a count the template is given ({{ card.figures }}, a page or note number, a place in a list), or trace the number to the sentence that states it (data-trace=\"sN\")",
            Reason::InStylesheet => "put the number in the page, in an element whose data-trace cites the sentence that states it",
            Reason::WrittenInDerived => "print the count from the data the template is given ({{ card.figures }}, {{ quotes | length }}, {{ loop.index }}), or trace the number to the sentence that states it (data-trace=\"sN\")",
            _ => "cite the sentence that states the number, or correct the number",
        }))
    }
}

/// Where a published number was written, in words and as a place.
#[derive(Clone)]
struct Origin {
    place: Place,
    /// `in the title`, `in templates/briefing.html`; nothing for the page itself.
    what: Option<String>,
    help: Option<&'static str>,
    /// Why a number written here is not traced.
    untraced: &'static str,
}

impl Origin {
    /// The page itself: a static file, or (when nothing else can be told) the rendered page.
    fn page(path: &Path, html: &str, u: &Unaccounted, is_static: bool) -> Origin {
        let span = u.offset..u.offset + u.text.len();
        if is_static {
            return Origin {
                place: Place::new(path, html, span),
                what: None,
                help: Some(
                    "move the number into a template that traces it, or mark it data-trace=\"meta\" if it is no claim",
                ),
                untraced: NOT_CITED,
            };
        }
        let shown = Path::new("<site>").join(path);
        Origin { place: Place::new(&shown, html, span), what: None, help: None, untraced: NOT_CITED }
    }
}

/// Why a number of a template or a page is not traced.
const NOT_CITED: &str = "no element around it cites a sentence that states it (data-trace)";

/// A briefing whose sheet a number may have come from, with the text of its files.
pub struct SheetOf<'a> {
    pub briefing: &'a Briefing,
    pub sources: &'a Sources,
}

/// What a number on a page can have come from.
pub struct Origins<'a> {
    pub settings: &'a Settings,
    /// The text of `tracebrief.yaml`, when there is one.
    pub settings_text: Option<&'a str>,
    pub theme: &'a Theme,
    /// The rendered page; `None` for a static file.
    pub page: Option<&'a Page>,
    /// The sheet of the briefing a number stands in (`data-briefing`), found by slug.
    pub sheet: &'a dyn Fn(&str) -> Option<SheetOf<'a>>,
}

impl Origins<'_> {
    /// Where the number `u` was written: a field of its briefing's sheet
    /// (title, a figure's label, an actor's role or name), the site's title,
    /// its summary, or one of the templates the page is made of.
    fn of(&self, u: &Unaccounted, sources: &mut Sources) -> Option<Origin> {
        let page = self.page?;
        let sheet = u.briefing.as_deref().and_then(|slug| (self.sheet)(slug));
        let origin = sheet
            .as_ref()
            .and_then(|s| in_sheet(s, &u.text))
            .or_else(|| self.in_settings(&u.text))
            .or_else(|| in_summary(sheet.as_ref()?, page, &u.text))
            .or_else(|| self.in_templates(page, &u.text))?;
        // the text of the file it points into, for the report
        let file = &origin.place.file;
        if sources.get(file).is_none() {
            let text = match sheet.as_ref().and_then(|s| s.sources.get(file)) {
                Some(text) => Some(text.to_string()),
                None if file == Path::new(config::FILE) => self.settings_text.map(str::to_string),
                None => self
                    .theme
                    .sources_of(page.template)
                    .into_iter()
                    .find(|(f, _)| f == file)
                    .map(|(_, t)| t.to_string()),
            };
            if let Some(text) = text {
                sources.add(file, &text);
            }
        }
        Some(origin)
    }

    fn in_settings(&self, text: &str) -> Option<Origin> {
        let settings = self.settings;
        let field = if find_number(&settings.title, text).is_some() {
            "the site's title"
        } else if settings.description.as_deref().is_some_and(|d| find_number(d, text).is_some()) {
            "the site's description"
        } else if settings.strings.values().any(|s| find_number(s, text).is_some()) {
            "the site's interface words (`strings:`)"
        } else {
            return None;
        };
        let file = Path::new(config::FILE);
        let settings_text = self.settings_text?;
        let at = find_number(settings_text, text)?;
        Some(Origin {
            place: Place::new(file, settings_text, at..at + text.len()),
            what: Some(format!("in {field}")),
            help: Some("the site's own words publish no number: write it in words, or leave it out"),
            untraced: "no sentence states a number of the site's own words",
        })
    }

    fn in_templates(&self, page: &Page, text: &str) -> Option<Origin> {
        self.theme.sources_of(page.template).into_iter().find_map(|(file, template)| {
            let at = find_number(template, text)?;
            Some(Origin {
                place: Place::new(file, template, at..at + text.len()),
                what: Some(format!("in {}", file.display())),
                help: None,
                untraced: NOT_CITED,
            })
        })
    }
}

fn in_sheet(sheet: &SheetOf, text: &str) -> Option<Origin> {
    let b = sheet.briefing;
    let yaml = sheet.sources.get(&b.file)?;
    // roles and names first: they are always the origin where they hold the number
    let fields = b
        .actors
        .iter()
        .filter_map(|a| Some((format!("the role of `{}`", a.id.value), a.role.as_ref()?)))
        .chain(b.actors.iter().flat_map(|a| a.names().map(move |n| (format!("a name of `{}`", a.id.value), n))))
        .chain(std::iter::once(("the title".to_string(), &b.title)))
        .chain(b.source_title.iter().map(|t| ("the source's headline (`source_title`)".to_string(), t)))
        .chain(b.figures.iter().map(|f| (format!("the label of figure `{}`", f.id.value), &f.label)));
    for (what, field) in fields {
        if find_number(&field.value, text).is_none() {
            continue;
        }
        // a role or a name is shown across briefings, on pages that cite no sentence
        let of_an_actor = what.starts_with("the role") || what.starts_with("a name");
        // the place in the sheet's own text: a quoted or folded value may differ from it
        let raw = yaml.get(field.span.clone()).unwrap_or_default();
        let (start, end) = match find_number(raw, text) {
            Some(at) => (field.span.start + at, field.span.start + at + text.len()),
            None => (field.span.start, field.span.end),
        };
        let (help, untraced) = match of_an_actor {
            true => (
                "leave the number out of the role or name (`candidate defeated in the election`); a figure can publish it, traced to its sentence",
                "a role or a name is shown on actor pages across briefings, where no sentence is cited",
            ),
            false => (
                "write the number as a sentence of the seed states it, or leave it out: the sheet's text publishes only numbers its seed states",
                "no sentence of its seed states it",
            ),
        };
        return Some(Origin {
            place: Place::new(&b.file, yaml, start..end),
            what: Some(format!("in {what}")),
            help: Some(help),
            untraced,
        });
    }
    None
}

fn in_summary(sheet: &SheetOf, page: &Page, text: &str) -> Option<Origin> {
    // the briefing's own pages show its summary; the home page and the feed, its first sentence
    let shows_standfirst = matches!(page.template, "index.html" | "feed.xml");
    if page.summary_of.as_deref() != Some(sheet.briefing.slug.as_str()) && !shows_standfirst {
        return None;
    }
    let summary = sheet.briefing.summary.as_ref()?;
    let file_text = sheet.sources.get(&summary.file)?;
    // searched in the file itself: an inline `summary: |` is indented there
    let end = (summary.offset + summary.markdown.len() * 2).min(file_text.len());
    let at = summary.offset + find_number(file_text.get(summary.offset..end)?, text)?;
    Some(Origin {
        place: Place::new(&summary.file, file_text, at..at + text.len()),
        what: Some("in the summary".to_string()),
        help: Some(
            "a summary publishes the briefing's figures and the years and dates its seed states: make the number a figure, or write it as the figure publishes it",
        ),
        untraced: "it is none of the briefing's figures, nor a year or date its seed states",
    })
}

/// The first place `number` (a mention's text) stands in `text` as a whole
/// number: `3` is not found in `2013`, `3.5` or `x3`.
fn find_number(text: &str, number: &str) -> Option<usize> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let separator = |c: Option<char>| matches!(c, Some('.' | ','));
    text.match_indices(number).map(|(at, _)| at).find(|&at| {
        let mut back = text[..at].chars().rev();
        let mut ahead = text[at + number.len()..].chars();
        let (b1, b2, a1, a2) = (back.next(), back.next(), ahead.next(), ahead.next());
        let joined = |near: Option<char>, next: Option<char>| word(near) || (separator(near) && word(next));
        !joined(b1, b2) && !joined(a1, a2)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_whole() {
        assert_eq!(find_number("in 2013, 3 of them", "3"), Some(9));
        assert_eq!(find_number("3.5 and x3", "3"), None);
        assert_eq!(find_number("£9bn and 9", "9"), Some(10));
    }
}
