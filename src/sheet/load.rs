//! Reading one fact sheet: YAML into the model, every value located, every
//! input error of a sheet turned into a diagnostic with file, line, column
//! and a help line.
//!
//! Parsing is bounded (depth, nodes, alias expansion) so a hostile sheet —
//! a billion laughs, 20,000-deep nesting — is refused quickly. Checks that
//! need more than one sheet (actor ids across briefings) and the seed
//! (`source:`) are the project's job.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::schema::{self, RawActor, RawFigure};
use super::tree::Node;
use super::{Actor, Briefing, FactUnit, Figure, FigureValue, Located, Quote, Summary};
use crate::diagnostic::{Diagnostic, Place};

/// The slug of a fact sheet's file name, if it is a valid one (`[a-z0-9][a-z0-9-]*`).
pub fn slug_of(file: &Path) -> Option<String> {
    let stem = file.file_stem()?.to_str()?;
    is_id(stem).then(|| stem.to_string())
}

fn is_id(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reads the sheet `file` (relative to the project root) with text `yaml`;
/// `markdown` is the text of `content/<slug>.md` when there is one.
/// Returns the briefing, or the input errors that stop it from loading.
pub fn load_sheet(
    slug: &str,
    file: &Path,
    yaml: &str,
    markdown: Option<(&Path, &str)>,
) -> Result<Briefing, Vec<Diagnostic>> {
    let tree = parse(file, yaml).map_err(|d| vec![*d])?;
    let mut problems = Vec::new();
    let raw = schema::read(file, yaml, &tree, &mut problems);
    let Some(raw) = raw else {
        problems.sort_by_key(|d| d.place.as_ref().map(|p| p.span.start));
        return Err(problems);
    };
    let at = |span: &std::ops::Range<usize>| Place::new(file, yaml, span.clone());

    let summary = summary(file, yaml, raw.summary, markdown, &mut problems);
    let date = raw.date;
    if let Some(date) = &date
        && !is_date(&date.value)
    {
        problems.push(
            Diagnostic::input("wrong-type", format!("`date` must be a date written YYYY-MM-DD, not `{}`", date.value))
                .at(at(&date.span))
                .label("not a YYYY-MM-DD date")
                .help("write the date as 2025-02-17"),
        );
    }
    let source_url = raw.source_url;
    if let Some(url) = &source_url
        && !is_web_address(&url.value)
    {
        problems.push(
            Diagnostic::input("invalid-url", format!("`source_url` must be a web address, not `{}`", url.value))
                .at(at(&url.span))
                .label("not an http or https address")
                .help("give the address the text was published at, such as https://example.org/news/article"),
        );
    }
    let seed = raw.source;
    let seed_path = PathBuf::from(&seed.value);

    let actors = raw.actors.into_iter().map(actor).collect::<Vec<_>>();
    let quotes = raw
        .quotes
        .into_iter()
        .enumerate()
        .map(|(n, q)| {
            let id = q.id.unwrap_or_else(|| Located { value: format!("#{}", n + 1), span: q.text.span.clone() });
            Quote { id, speaker: q.speaker, text: q.text }
        })
        .collect::<Vec<_>>();
    let figures = raw.numbers.into_iter().filter_map(|f| figure(f, file, yaml, &mut problems)).collect::<Vec<_>>();

    let briefing = Briefing {
        slug: slug.to_string(),
        file: file.to_path_buf(),
        title: raw.title,
        source: seed,
        seed: seed_path,
        source_url,
        publisher: raw.publisher,
        source_title: raw.source_title,
        date,
        summary,
        actors,
        quotes,
        figures,
    };
    check_ids(&briefing, yaml, &mut problems);
    check_references(&briefing, yaml, &mut problems);
    // in the order the sheet reads
    problems.sort_by_key(|d| d.place.as_ref().map(|p| p.span.start));
    if problems.is_empty() { Ok(briefing) } else { Err(problems) }
}

fn actor(a: RawActor) -> Actor {
    Actor { id: a.id, name: a.name, aliases: a.aliases, role: a.role, kind: a.kind.unwrap_or_default() }
}

fn figure(f: RawFigure, file: &Path, yaml: &str, problems: &mut Vec<Diagnostic>) -> Option<Figure> {
    let unit = f.unit.map(|u| Located { value: FactUnit::parse(&u.value), span: u.span });
    let value = figure_value(&f.value, unit.as_ref(), file, yaml).map_err(|d| problems.push(*d)).ok()?;
    Some(Figure {
        id: f.id,
        label: f.label,
        value: Located { value, span: f.value.span },
        unit,
        qualifier: f.qualifier,
        approx: f.approx.unwrap_or(false),
        evidence: f.evidence,
        sentence: f.sentence,
        actor: f.actor,
    })
}

/// A figure's `value:`: a YAML number, written without quotes (a quoted
/// number is text, and a sheet that means a number says so by leaving them
/// off), or a date `2025-04-01`, a day `--04-01` or a month `2025-04`; with
/// `unit: year`, a whole number.
fn figure_value(
    raw: &Located<String>,
    unit: Option<&Located<FactUnit>>,
    file: &Path,
    yaml: &str,
) -> Result<FigureValue, Box<Diagnostic>> {
    let wrong = |message: String, label: &str, help: &str| {
        Box::new(
            Diagnostic::input("wrong-type", message)
                .at(Place::new(file, yaml, raw.span.clone()))
                .label(label)
                .help(help),
        )
    };
    // a date or a time is its own unit: `unit:` beside one is refused
    let unitless = |value: FigureValue, what: &str, help: &str| match unit {
        Some(unit) => Err(Box::new(
            Diagnostic::input("wrong-type", format!("a {what} figure takes no `unit:`, but `{}` has one", raw.value))
                .at(Place::new(file, yaml, unit.span.clone()))
                .label(format!("a unit on a {what}"))
                .help(format!("remove `unit:`; {help}")),
        )),
        None => Ok(value),
    };
    let text = raw.value.trim();
    if is_date(text) || is_month(text) {
        let help = "a date is written 2025-04-01 and a month 2025-04";
        return unitless(FigureValue::Date(text.to_string()), "date", help);
    }
    if let Some(time) = crate::numbers::canonical_time(text) {
        return unitless(
            FigureValue::Time(time),
            "time",
            "a time is written as a clock shows it: 21:30, 3:58.20, 2:05:41",
        );
    }
    let Some(number) = yaml_number(text) else {
        return Err(wrong(
            format!("`value` must be a number, a date or a time, not `{}`", raw.value),
            "not a number",
            "write the figure in digits, such as 40000000000 or 2.3 (its unit goes in `unit:`), a date such as 2025-04-01, or a time such as 3:58.20",
        ));
    };
    if is_quoted(yaml, &raw.span) {
        return Err(wrong(
            format!("`value` must be a number, but `{}` is quoted text", raw.value),
            "a quoted number is text",
            "remove the quotes around the number",
        ));
    }
    if unit.is_some_and(|u| u.value == FactUnit::Year) && !(number.fract().is_zero() && number > Decimal::ZERO) {
        return Err(wrong(
            format!("a figure with `unit: year` must be a year, not `{}`", raw.value),
            "not a year",
            "write the year in digits, such as 2017",
        ));
    }
    Ok(FigureValue::Number(number))
}

/// The scalar at `span` of `yaml` is written in quotes.
fn is_quoted(yaml: &str, span: &std::ops::Range<usize>) -> bool {
    let bytes = yaml.as_bytes();
    let quote = |at: usize| bytes.get(at).is_some_and(|b| matches!(b, b'\'' | b'"'));
    quote(span.start) || span.start.checked_sub(1).is_some_and(quote)
}

/// A YAML number, exactly: `100000`, `-2.30`, `.5`, `22.6e9`.
fn yaml_number(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let digits_ok = !mantissa.is_empty()
        && mantissa.bytes().filter(|b| *b == b'.').count() <= 1
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && mantissa.bytes().any(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.len() <= 2 && e.bytes().all(|b| b.is_ascii_digit())
    });
    if !digits_ok || !exponent_ok {
        return None;
    }
    let normal = if t.starts_with('.') || t.starts_with("-.") || t.starts_with("+.") {
        t.replacen('.', "0.", 1)
    } else {
        t.to_string()
    };
    if exponent.is_some() { Decimal::from_scientific(&normal).ok() } else { Decimal::from_str(&normal).ok() }
}

/// An `http://` or `https://` address with a host and no white space: the
/// only kind the site links to (a `javascript:` address would run when clicked).
fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// `2025-04`: a month.
fn is_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[5..].iter().all(u8::is_ascii_digit)
        && (1..=12).contains(&s[5..].parse::<u32>().unwrap_or(0))
}

/// `2025-04-01`, or a day without a year as a text gives it: `--04-01`.
fn is_date(s: &str) -> bool {
    if let Some(day) = s.strip_prefix("--") {
        return is_date(&format!("2000-{day}"));
    }
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn summary(
    file: &Path,
    yaml: &str,
    field: Option<Located<String>>,
    markdown: Option<(&Path, &str)>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Summary> {
    match (field, markdown) {
        (Some(field), Some((md_file, _))) => {
            let span = field.span;
            problems.push(
                Diagnostic::input(
                    "duplicate-summary",
                    format!("the summary is given twice: here and in {}", md_file.display()),
                )
                .at(Place::new(file, yaml, span))
                .label("a summary here")
                .help(format!("keep one: remove `summary:` or delete {}", md_file.display())),
            );
            None
        }
        (Some(field), None) => {
            Some(Summary { markdown: field.value, file: file.to_path_buf(), offset: field.span.start })
        }
        (None, Some((md_file, text))) => {
            Some(Summary { markdown: text.to_string(), file: md_file.to_path_buf(), offset: 0 })
        }
        (None, None) => None,
    }
}

/// Ids must be well formed and unique within the sheet (actor ids across
/// the project are the project's check).
fn check_ids(b: &Briefing, yaml: &str, problems: &mut Vec<Diagnostic>) {
    let at = |span: &std::ops::Range<usize>| Place::new(&b.file, yaml, span.clone());
    let groups: [(&str, Vec<&Located<String>>); 3] = [
        ("actor", b.actors.iter().map(|a| &a.id).collect()),
        ("quote", b.quotes.iter().map(|q| &q.id).filter(|id| !id.value.starts_with('#')).collect()),
        ("number", b.figures.iter().map(|f| &f.id).collect()),
    ];
    for (what, ids) in groups {
        for (n, id) in ids.iter().enumerate() {
            if !is_id(&id.value) {
                problems.push(
                    Diagnostic::input("invalid-id", format!("{what} id `{}` is not a valid id", id.value))
                        .at(at(&id.span))
                        .label("lower-case letters, digits and hyphens only")
                        .help(format!("use an id such as `{}`", suggest_id(&id.value))),
                );
            }
            // an actor's id names its folder of the site: actors/<id>/
            if what == "actor" && id.value.len() > MAX_FILE_NAME {
                problems.push(
                    Diagnostic::input(
                        "invalid-id",
                        format!(
                            "actor id `{}…` is {} bytes long",
                            id.value.chars().take(32).collect::<String>(),
                            id.value.len()
                        ),
                    )
                    .at(at(&id.span))
                    .label("too long for a folder name")
                    .help(format!(
                        "an actor id names the actor's folder of the site; keep it to {MAX_FILE_NAME} bytes"
                    )),
                );
            }
            if let Some(first) = ids[..n].iter().find(|other| other.value == id.value) {
                problems.push(
                    Diagnostic::input("duplicate-id", format!("{what} id `{}` is used twice", id.value))
                        .at(at(&id.span))
                        .label("second use")
                        .related(at(&first.span), "first used here")
                        .help(format!("give each {what} its own id")),
                );
            }
        }
    }
}

/// The longest file name most file systems take, in bytes.
const MAX_FILE_NAME: usize = 255;

/// `Keir Starmer` → `keir-starmer`: an id a user could take.
fn suggest_id(s: &str) -> String {
    let mut id = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() { "an-id".to_string() } else { id }
}

/// Speakers and figure actors must name an actor of the sheet.
fn check_references(b: &Briefing, yaml: &str, problems: &mut Vec<Diagnostic>) {
    let ids: Vec<&str> = b.actors.iter().map(|a| a.id.value.as_str()).collect();
    let references = b
        .quotes
        .iter()
        .map(|q| ("speaker", &q.speaker))
        .chain(b.figures.iter().filter_map(|f| f.actor.as_ref().map(|a| ("actor", a))));
    for (field, reference) in references {
        if ids.contains(&reference.value.as_str()) {
            continue;
        }
        let help = match closest(&reference.value, &ids) {
            Some(near) => format!("did you mean `{near}`?"),
            None if ids.is_empty() => "add the actor under `actors:`".to_string(),
            None => format!("the actors of this sheet are: {}", ids.join(", ")),
        };
        problems.push(
            Diagnostic::input("unknown-actor", format!("`{field}: {}` names no actor of this sheet", reference.value))
                .at(Place::new(&b.file, yaml, reference.span.clone()))
                .label("not an actor id")
                .help(help),
        );
    }
}

/// The candidate nearest to `word` by edit distance, when it is near enough to be a typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates.iter().map(|c| (edit_distance(word, c), *c)).filter(|(d, _)| *d <= limit).min().map(|(_, c)| c)
}

/// Edits between `a` and `b`, a swap of two neighbours counting as one (`titel` → `title`).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

// ---------------------------------------------------------------- YAML errors

/// Limits that keep a hostile sheet cheap: fact sheets are small.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_nodes: 200_000,
            max_total_scalar_bytes: 16 * 1024 * 1024,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 10_000,
            max_replay_stack_depth: 16,
        },
        // the schema reports repeated keys, with the rest of a sheet's errors
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
    }
}

/// The sheet's YAML tree, or the syntax error (or refusal) that stops reading it.
fn parse(file: &Path, yaml: &str) -> Result<Node, Box<Diagnostic>> {
    let says_nothing = |l: &str| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    };
    if yaml.lines().all(says_nothing) {
        return Err(Box::new(
            Diagnostic::input("missing-field", "the fact sheet is empty")
                .in_file(file)
                .help("a fact sheet needs at least `title:` and `source:`"),
        ));
    }
    // the plain YAML sheets are written in is read straight from the parser's
    // events; the rest, and every error, by serde-saphyr
    if let Some(tree) = super::events::tree(yaml) {
        return Ok(tree);
    }
    full_tree(file, yaml)
}

/// The sheet's YAML tree as serde-saphyr reads it.
pub(super) fn full_tree(file: &Path, yaml: &str) -> Result<Node, Box<Diagnostic>> {
    serde_saphyr::from_str_with_options(yaml, options()).map_err(|e| Box::new(yaml_error(file, yaml, &e)))
}

/// Turns a YAML error into a located diagnostic in our words. Schema
/// errors are the schema's (`schema`): the tree takes any YAML.
fn yaml_error(file: &Path, yaml: &str, e: &serde_saphyr::Error) -> Diagnostic {
    let detail = e.without_snippet().to_string();
    let detail = detail.rsplit_once(" at line ").map_or(detail.as_str(), |(m, _)| m).to_string();
    let mut offset = error_offset(yaml, e);
    if detail.contains("tabs disallowed") && offset > 0 && yaml.as_bytes()[offset - 1] == b'\t' {
        offset -= 1; // the parser points past the tab
    }
    let place = Place::new(file, yaml, offset..offset);
    let d = if detail.contains("tabs disallowed") {
        Diagnostic::input("yaml-syntax", "a tab in the indentation")
            .label("tab")
            .help("YAML indents with spaces only; replace the tab with spaces")
    } else if detail.contains("budget breached")
        || detail.contains("alias replay")
        || detail.contains("recursion limit")
    {
        Diagnostic::input("yaml-too-complex", format!("the YAML is too deeply nested or expands too far ({detail})"))
            .label("refused here")
            .help("a fact sheet needs no deep nesting and no repeated aliases; write the values out")
    } else {
        Diagnostic::input("yaml-syntax", format!("YAML syntax error: {detail}"))
            .label("here")
            .help("check the indentation, colons and quotes on this line and the one before")
    };
    d.at(place)
}

/// The byte offset of an error: its span when the parser gives one, else its line and column.
fn error_offset(yaml: &str, e: &serde_saphyr::Error) -> usize {
    let Some(location) = e.location() else { return 0 };
    if let Some(offset) = location.span().byte_offset() {
        return (offset as usize).min(yaml.len());
    }
    let line_start: usize =
        yaml.split_inclusive('\n').take((location.line() as usize).saturating_sub(1)).map(str::len).sum();
    let column = (location.column() as usize).saturating_sub(1);
    let line = &yaml[line_start.min(yaml.len())..];
    let within = line.char_indices().nth(column).map_or(line.len(), |(i, _)| i);
    (line_start + within).min(yaml.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_numbers_are_exact() {
        let rows = [
            ("100000", Some("100000")),
            ("2.30", Some("2.30")),
            ("-2.5", Some("-2.5")),
            (".5", Some("0.5")),
            ("22.6e9", Some("22600000000")),
            ("1e-2", Some("0.01")),
            ("forty billion", None),
            ("0x1F", None),
            ("1_000", None),
            ("1e400", None),
            ("", None),
            ("-", None),
            ("1.2.3", None),
        ];
        for (text, expected) in rows {
            assert_eq!(yaml_number(text).map(|d| d.to_string()), expected.map(String::from), "{text:?}");
        }
    }

    #[test]
    fn closest_finds_typos_only() {
        let fields = schema::SHEET_FIELDS;
        assert_eq!(closest("numbrs", fields), Some("numbers"));
        assert_eq!(closest("titel", fields), Some("title"));
        assert_eq!(closest("colour", fields), None);
        assert_eq!(closest("keir-stramer", &["keir-starmer", "nato"]), Some("keir-starmer"));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug_of(Path::new("content/starmer-backstop.yaml")).as_deref(), Some("starmer-backstop"));
        assert_eq!(slug_of(Path::new("content/Starmer.yaml")), None);
        assert_eq!(slug_of(Path::new("content/-x.yaml")), None);
        assert_eq!(slug_of(Path::new("content/a_b.yaml")), None);
    }

    #[test]
    fn web_addresses() {
        assert!(is_web_address("https://example.org/news/article"));
        assert!(is_web_address("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:x",
            "data:text/html,hi",
            "not a url",
            "https://",
            "ftp://x.org",
            "https:///x",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert!(is_date("2025-02-17"));
        assert!(!is_date("2025-13-01"));
        assert!(!is_date("17/02/2025"));
        assert!(!is_date("2025-2-17"));
    }
}
