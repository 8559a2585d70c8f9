//! Drafting a fact sheet (`tracebrief draft`): a careful first pass over a
//! seed for an analyst to prune and label — its headline as the title, its
//! own date when it states one, the actors it names (`actors`), the words it
//! quotes with who may have said them (`quotes`), and every figure it states
//! once per value, pinned by evidence (`figures`).
//!
//! A draft is checked before it is given: it is loaded, traced, rendered
//! and its published numbers verified in memory, as `check --strict` does.
//! What would still fail — a quote whose speaker the check cannot tell, a
//! name the seed only breaks over a line — is left out, or given the next
//! likeliest speaker, until the draft passes as written.
//!
//! It does not judge what matters, nor write labels a reader wants: the
//! analyst does, and the sheet says so where it counts.

mod actors;
mod figures;
pub(crate) mod lexicon;
mod quotes;
mod yaml;

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity, Sources};
use crate::numbers::{self, Kind, Value};
use crate::project;
use crate::sheet::{Actor, ActorKind};
use crate::source::Seed;

use yaml::{flow_list, scalar};

/// What to draft: a seed of the project at `root`, for the sheet `sheet`
/// (relative to the root; `content/<slug>.yaml`).
pub struct Request<'a> {
    pub root: &'a Path,
    /// The seed, relative to the root.
    pub seed: &'a Path,
    pub sheet: &'a Path,
}

/// A drafted sheet: its YAML and what it holds.
#[derive(Debug)]
pub struct Drafted {
    pub yaml: String,
    pub actors: usize,
    pub quotes: usize,
    pub figures: usize,
    /// Problems the check still finds in the draft (none, unless a template
    /// or the project's settings fail on their own).
    pub diagnostics: Vec<Diagnostic>,
}

/// The sheet as the draft builds it, before it is written.
#[derive(Debug, Clone)]
struct Draft {
    title: String,
    source: String,
    date: Option<String>,
    actors: Vec<DraftActor>,
    quotes: Vec<DraftQuote>,
    figures: Vec<figures::Stated>,
}

#[derive(Debug, Clone)]
struct DraftActor {
    id: String,
    name: String,
    aliases: Vec<String>,
    role: Option<String>,
    kind: ActorKind,
}

#[derive(Debug, Clone)]
struct DraftQuote {
    id: String,
    /// Actor ids that may have said it, the likeliest first.
    speakers: Vec<String>,
    text: String,
    /// Its words in its first sentence, when it runs on past it.
    first_part: Option<String>,
    sentence: usize,
}

/// Drafts the sheet of `request.seed` (already loaded as `seed`).
pub fn draft(request: &Request, seed: &Seed) -> Drafted {
    let existing = existing_actors(request.root, request.sheet);
    let mentions = numbers::scan_seed(seed);
    let dateline = own_date(seed, &mentions);
    let date = dateline.as_ref().map(|(date, _)| date.clone());
    let year = date.as_ref().map(|d| d[..4].to_string());
    let named = actors::find(seed);
    let quoted = quotes::find(seed);
    let speakers = quotes::speakers(seed, &named, &quoted);
    let actors = identify(named, &existing);
    let mut quote_ids = Vec::new();
    let quotes = quoted
        .into_iter()
        .zip(speakers)
        .map(|(q, speakers)| DraftQuote {
            id: unique_id(&slug_of_words(&q.text, 4), &mut quote_ids),
            speakers: speakers.into_iter().map(|a| actors[a].id.clone()).collect(),
            text: q.text,
            first_part: q.first_part,
            sentence: q.sentence,
        })
        .filter(|q| !q.speakers.is_empty())
        .collect();
    let mut draft = Draft {
        title: headline(seed),
        source: request.seed.to_string_lossy().replace('\\', "/"),
        date,
        actors,
        quotes,
        figures: Vec::new(),
    };
    draft.figures = figures::find(seed, &mentions, year.as_deref(), dateline.as_ref().map(|(_, span)| span));
    let diagnostics = settle(&mut draft, request, seed);
    let (yaml, _) = render(&draft);
    Drafted { yaml, actors: draft.actors.len(), quotes: draft.quotes.len(), figures: draft.figures.len(), diagnostics }
}

/// The headline: the first sentence, without a closing full stop.
fn headline(seed: &Seed) -> String {
    let first = seed.sentences.first().map(|s| s.text(&seed.text)).unwrap_or_default();
    let title = first.strip_suffix('.').filter(|t| !t.ends_with('.')).unwrap_or(&first).trim().to_string();
    if title.is_empty() { "Untitled briefing".to_string() } else { title }
}

/// The date a text gives itself: a full date standing alone near the top
/// (`17 February 2025`), or opening a sentence there as a dateline does
/// (`LONDON, Feb. 17, 2025 –`, `Published 17 February 2025`).
fn own_date(seed: &Seed, mentions: &[Vec<numbers::Mention>]) -> Option<(String, Range<usize>)> {
    for (s, sentence) in seed.sentences.iter().enumerate().take(4) {
        for m in &mentions[s] {
            let Value::Iso(date) = &m.value else { continue };
            if m.kind != Kind::Date || date.len() != 10 {
                continue;
            }
            let before = &seed.text[sentence.span.start..m.span.start];
            let after = seed.text[m.span.end..sentence.span.end].trim();
            let dateline = before.len() <= 40
                && before.split_whitespace().all(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    w.is_empty() || w.chars().next().is_some_and(char::is_uppercase) || w == "on"
                });
            let alone = after.len() <= 2 || after.starts_with(['-', '–', '—', '(', '|', '/', ':']);
            if dateline && alone {
                return Some((date.clone(), m.span.clone()));
            }
        }
    }
    None
}

/// Actors the project's other sheets give, by name and alias: a draft
/// takes their ids and roles, so the project stays one cast.
fn existing_actors(root: &Path, sheet: &Path) -> Vec<Actor> {
    let Ok(project) = project::open(root) else { return Vec::new() };
    let others = project.sheets.iter().filter(|s| s.as_path() != sheet);
    others.filter_map(|s| project.load(s).ok()).flat_map(|loaded| loaded.briefing.actors).collect()
}

/// Gives each named actor an id: the project's own for an actor it knows
/// (with its role), else one made from the name, unique in the project.
fn identify(named: Vec<actors::Named>, existing: &[Actor]) -> Vec<DraftActor> {
    let mut taken: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for a in named {
        let known = existing
            .iter()
            .find(|e| e.name.value == a.name)
            .or_else(|| existing.iter().find(|e| e.names().any(|n| n.value == a.name)));
        let draft = match known {
            Some(e) if !taken.contains(&e.id.value) => DraftActor {
                id: e.id.value.clone(),
                name: e.name.value.clone(),
                aliases: {
                    let mut aliases: Vec<String> = e.aliases.iter().map(|x| x.value.clone()).collect();
                    aliases.extend(std::iter::once(a.name.clone()).chain(a.aliases));
                    unique(aliases.into_iter().filter(|x| *x != e.name.value))
                },
                role: e.role.as_ref().map(|r| r.value.clone()),
                kind: e.kind,
            },
            _ => {
                let base = slug_of_words(&a.name, 6);
                let base = if base.is_empty() { "actor".to_string() } else { base };
                let mut id = base.clone();
                let mut n = 1;
                while taken.contains(&id) || existing.iter().any(|e| e.id.value == id && e.name.value != a.name) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                DraftActor { id, name: a.name, aliases: a.aliases, role: a.role, kind: a.kind }
            }
        };
        taken.push(draft.id.clone());
        out.push(draft);
    }
    out
}

fn unique(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

/// An id from the first `most` words of `text`: `Keir Starmer` → `keir-starmer`.
/// Letters with accents lose them; words holding digits are left out.
fn slug_of_words(text: &str, most: usize) -> String {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(|w| w.chars().filter_map(plain_letter).collect::<String>())
        .filter(|w| !w.is_empty() && !w.chars().any(|c| c.is_ascii_digit()))
        .take(most)
        .collect();
    words.join("-")
}

/// A letter or digit as plain lower-case ASCII (`É` → `e`), or nothing.
fn plain_letter(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    let plain = match c.to_lowercase().next()? {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ð' | 'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => return None,
    };
    Some(plain)
}

/// `base`, or `base-2`, `base-3` … when it is taken; recorded as taken.
fn unique_id(base: &str, taken: &mut Vec<String>) -> String {
    let base = if base.is_empty() { "quote" } else { base };
    let mut id = base.to_string();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    taken.push(id.clone());
    id
}

// ---------------------------------------------------------------- writing

/// What a line range of the written sheet holds, to read the check's diagnostics back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Title,
    Date,
    Actor(usize),
    Quote(usize),
    Figure(usize),
}

/// The sheet as YAML, and the byte span of each of its parts.
fn render(draft: &Draft) -> (String, Vec<(Range<usize>, Part)>) {
    let mut out = String::new();
    let mut parts = Vec::new();
    let mut part = |out: &mut String, what: Part, write: &dyn Fn(&mut String)| {
        let start = out.len();
        write(out);
        parts.push((start..out.len(), what));
    };
    out.push_str(&format!(
        "# A draft fact sheet of {}, written by `tracebrief draft`.\n\
         # It passes `tracebrief check --strict` as it stands. Keep what matters,\n\
         # remove the rest, and rewrite each label marked `# label: rewrite`.\n",
        draft.source
    ));
    part(&mut out, Part::Title, &|o| o.push_str(&format!("title: {}\n", scalar(&draft.title))));
    out.push_str(&format!("source: {}\n", scalar(&draft.source)));
    match &draft.date {
        Some(date) => part(&mut out, Part::Date, &|o| o.push_str(&format!("date: {date}\n"))),
        None => out.push_str("# date: YYYY-MM-DD\n"),
    }

    out.push_str("\n# Everyone the text names: keep those who say or do something in it\n");
    out.push_str(if draft.actors.is_empty() { "actors: []\n" } else { "actors:\n" });
    for (i, a) in draft.actors.iter().enumerate() {
        part(&mut out, Part::Actor(i), &|o| {
            o.push_str(&format!("  - id: {}\n    name: {}\n", a.id, scalar(&a.name)));
            if !a.aliases.is_empty() {
                o.push_str(&format!("    aliases: {}\n", flow_list(&a.aliases)));
            }
            if let Some(role) = &a.role {
                o.push_str(&format!("    role: {}\n", scalar(role)));
            }
            let kind = match a.kind {
                ActorKind::Person => "person",
                ActorKind::Organisation => "organisation",
                ActorKind::Country => "country",
            };
            o.push_str(&format!("    kind: {kind}\n"));
        });
    }

    out.push_str("\n# Words the text puts in quotation marks, with who says them\n");
    out.push_str(if draft.quotes.is_empty() { "quotes: []\n" } else { "quotes:\n" });
    for (i, q) in draft.quotes.iter().enumerate() {
        part(&mut out, Part::Quote(i), &|o| {
            let speaker = q.speakers.first().map_or("", String::as_str);
            o.push_str(&format!(
                "  - id: {}  # s{}\n    speaker: {speaker}\n    text: {}\n",
                q.id,
                q.sentence + 1,
                scalar(&q.text)
            ));
        });
    }

    out.push_str("\n# Every figure the text states, once, where it is first stated\n");
    out.push_str(if draft.figures.is_empty() { "numbers: []\n" } else { "numbers:\n" });
    let mut ids = Vec::new();
    for (i, f) in draft.figures.iter().enumerate() {
        let id = unique_id(&figure_id(f), &mut ids);
        part(&mut out, Part::Figure(i), &|o| {
            o.push_str(&format!("  - id: {id}  # s{}\n", f.sentence + 1));
            o.push_str(&format!("    label: {}  # label: rewrite\n", scalar(&f.label)));
            // a time is quoted: YAML 1.1 readers take `1:26` for a number of base 60
            let value = if f.value.contains(':') { yaml::scalar(&f.value) } else { f.value.clone() };
            o.push_str(&format!("    value: {value}\n"));
            if let Some(unit) = &f.unit {
                o.push_str(&format!("    unit: {}\n", scalar(unit)));
            }
            if let Some(q) = &f.qualifier {
                o.push_str(&format!("    qualifier: {}\n", scalar(q)));
            }
            if f.approx {
                o.push_str("    approx: true\n");
            }
            o.push_str(&format!("    evidence: {}\n", scalar(&f.evidence)));
        });
    }
    (out, parts)
}

fn figure_id(f: &figures::Stated) -> String {
    let id = slug_of_words(&f.label, 4);
    if id.is_empty() { "figure".to_string() } else { id }
}

// ---------------------------------------------------------------- checking

/// The most rounds of check-and-mend a draft gets.
const ROUNDS: usize = 24;

/// Checks the draft as `check --strict` would and mends what fails, until
/// it passes; returns what still fails after the last round.
fn settle(draft: &mut Draft, request: &Request, seed: &Seed) -> Vec<Diagnostic> {
    let mut sources = Sources::default();
    let settings = Settings::load(request.root, &mut sources).unwrap_or_default();
    let mut last = Vec::new();
    for _ in 0..ROUNDS {
        let (yaml, parts) = render(draft);
        let found: Vec<Diagnostic> =
            check(request, seed, &yaml, &settings).into_iter().filter(|d| d.severity != Severity::Note).collect();
        let failing = blame(&found, &parts, draft, request.sheet);
        last = found;
        if failing.is_empty() || !mend(draft, &failing) {
            break;
        }
    }
    last
}

/// The parts of the draft the diagnostics are about: by place in the sheet,
/// or, for a number a page publishes from the sheet, by the number's words.
fn blame(
    found: &[Diagnostic],
    parts: &[(Range<usize>, Part)],
    draft: &Draft,
    sheet: &Path,
) -> Vec<(Part, &'static str)> {
    let mut failing = Vec::new();
    for d in found {
        let in_sheet = d.file.as_deref() == Some(sheet);
        if let (true, Some(place)) = (in_sheet, &d.place) {
            if let Some((_, part)) = parts.iter().find(|(span, _)| span.contains(&place.span.start)) {
                failing.push((*part, d.code));
            }
            continue;
        }
        let published = d.message.split('`').nth(1).filter(|_| d.code == "untraced-published-number");
        let Some(number) = published else { continue };
        if draft.title.contains(number) {
            failing.push((Part::Title, d.code));
        } else if let Some(i) = draft.quotes.iter().position(|q| q.text.contains(number)) {
            failing.push((Part::Quote(i), d.code));
        }
    }
    failing
}

/// Every diagnostic of the draft: loading it, tracing it, rendering its
/// pages and verifying their numbers, in a project of this briefing alone —
/// a temporary copy holding the draft, its seed and the project's templates.
fn check(request: &Request, seed: &Seed, yaml: &str, settings: &Settings) -> Vec<Diagnostic> {
    let trial = match trial_project(request, seed, yaml) {
        Ok(trial) => trial,
        Err(e) => {
            return vec![
                Diagnostic::input("unreadable-file", format!("cannot try the draft in a temporary folder: {e}"))
                    .help("check that the temporary folder (TMPDIR) is writable"),
            ];
        }
    };
    match project::open(trial.path()) {
        Ok(project) => crate::build::run(&project, settings, crate::build::Output::Nowhere, false).diagnostics,
        Err(failure) => failure.diagnostics,
    }
}

/// A temporary project of the draft alone: the sheet, its seed, and the
/// project's templates (a draft must render as the project renders).
fn trial_project(request: &Request, seed: &Seed, yaml: &str) -> std::io::Result<tempfile::TempDir> {
    let trial = tempfile::tempdir()?;
    let place = |relative: &Path| -> std::io::Result<PathBuf> {
        let path = trial.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        Ok(path)
    };
    std::fs::write(place(request.sheet)?, yaml)?;
    std::fs::write(place(&seed.path)?, &seed.text)?;
    let templates = request.root.join("templates");
    if let Ok(entries) = std::fs::read_dir(&templates) {
        for entry in entries.flatten().filter(|e| e.file_type().is_ok_and(|t| t.is_file())) {
            std::fs::copy(entry.path(), place(&Path::new("templates").join(entry.file_name()))?)?;
        }
    }
    Ok(trial)
}

/// Mends the parts that fail: a figure or actor is left out, a quote gets
/// its next likeliest speaker, or is cut to its first sentence, or is left
/// out; a title with a number the site cannot trace loses it. Returns
/// whether anything changed.
fn mend(draft: &mut Draft, failing: &[(Part, &'static str)]) -> bool {
    let mut drop_actors = Vec::new();
    let mut drop_quotes = Vec::new();
    let mut drop_figures = Vec::new();
    let mut changed = false;
    for (part, code) in failing {
        match part {
            Part::Title => {
                let plain = without_numbers(&draft.title);
                changed |= plain != draft.title;
                draft.title = plain;
            }
            Part::Date => {
                changed |= draft.date.take().is_some();
            }
            Part::Actor(i) => drop_actors.push(draft.actors[*i].id.clone()),
            Part::Quote(i) if *code == "speaker-not-named" => {
                let q = &mut draft.quotes[*i];
                if !q.speakers.is_empty() {
                    q.speakers.remove(0);
                    changed = true;
                }
            }
            Part::Quote(i) if *code == "untraced-published-number" => {
                let q = &mut draft.quotes[*i];
                match q.first_part.take() {
                    Some(first) => q.text = first,
                    None => drop_quotes.push(*i),
                }
                changed = true;
            }
            Part::Quote(i) => drop_quotes.push(*i),
            Part::Figure(i) => drop_figures.push(*i),
        }
    }
    changed |= !(drop_actors.is_empty() && drop_quotes.is_empty() && drop_figures.is_empty());
    draft.actors.retain(|a| !drop_actors.contains(&a.id));
    for q in &mut draft.quotes {
        q.speakers.retain(|s| !drop_actors.contains(s));
    }
    let mut i = 0;
    draft.quotes.retain(|q| {
        i += 1;
        !drop_quotes.contains(&(i - 1)) && !q.speakers.is_empty()
    });
    let mut i = 0;
    draft.figures.retain(|_| {
        i += 1;
        !drop_figures.contains(&(i - 1))
    });
    changed
}

/// `text` with its number mentions taken out.
fn without_numbers(text: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    for m in numbers::scan(text) {
        out.push_str(&text[at..m.span.start]);
        at = m.span.end;
    }
    out.push_str(&text[at..]);
    let plain = out.split_whitespace().collect::<Vec<_>>().join(" ");
    // the marks a number leaves behind: the dash of `118-105`, the comma before it
    let dangling = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—');
    let plain = plain.trim_end_matches(dangling).replace(" - ", " ").replace(" , ", ", ");
    if plain.is_empty() { "Untitled briefing".to_string() } else { plain }
}

/// Where a draft of `seed` goes when no `-o` is given: `content/<slug>.yaml`,
/// the slug made from the seed's file name.
pub fn default_sheet(seed: &Path) -> PathBuf {
    let stem = seed.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let slug: String = stem.chars().map(|c| plain_letter(c).unwrap_or('-')).collect();
    let slug = slug.split('-').filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-");
    PathBuf::from("content").join(format!("{}.yaml", if slug.is_empty() { "draft" } else { &slug }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_title_without_its_numbers_keeps_no_marks_they_leave() {
        assert_eq!(without_numbers("Butler leads Heat past Pistons, 118-105"), "Butler leads Heat past Pistons");
        assert_eq!(without_numbers("Profit up 12% to £3bn at Tesco"), "Profit up to at Tesco");
        assert_eq!(without_numbers("2024"), "Untitled briefing");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// News-shaped texts of names, titles, quotations and saying verbs: the
        /// draft, and the check it runs on itself, finish on any of them.
        #[test]
        fn any_news_shaped_text_drafts(words in proptest::collection::vec(prop_oneof![
            Just("Anna"), Just("Berg"), Just("Tom"), Just("Kell"), Just("Bank"), Just("of"), Just("England"),
            Just("the"), Just("The"), Just("said"), Just("told"), Just("warned"), Just("added"), Just("he"),
            Just("she"), Just("it"), Just("It"), Just("and"), Just("for"), Just("lawyer"), Just("manager"),
            Just("chief"), Just("executive"), Just("Chancellor"), Just("Exchequer"), Just("\""), Just("“"),
            Just("”"), Just("'s"), Just(","), Just("."), Just(":"), Just("-"), Just("—"), Just("…"),
            Just("GENEVA"), Just("SAN"), Just("FRANCISCO"), Just("Jr."), Just("Wen"), Just("Rs"), Just("$5m"),
            Just("Six"), Just("Nations"), Just("three"), Just("quarters"), Just("up"), Just("to"), Just("15"),
            Just("club"), Just("Club"), Just("Committee"), Just("spokesman"), Just("\n\n"), Just("minutes"),
        ], 0..40)) {
            let root = tempfile::tempdir().expect("a temporary folder");
            let text = format!("Headline\n\n{}", words.join(" "));
            let seed = Seed::from_text(Path::new("seeds/s.txt"), text);
            let request = Request { root: root.path(), seed: Path::new("seeds/s.txt"), sheet: Path::new("content/s.yaml") };
            let drafted = draft(&request, &seed);
            prop_assert!(drafted.yaml.contains("source:"));
        }
    }

    #[test]
    fn ids_from_words() {
        assert_eq!(slug_of_words("Élysée Palace", 6), "elysee-palace");
        assert_eq!(slug_of_words("S&P", 6), "sp");
        assert_eq!(slug_of_words("We will act in 2025 now", 4), "we-will-act-in");
        assert_eq!(
            default_sheet(Path::new("seeds/000_efa7916b03e9017c.txt")),
            Path::new("content/000-efa7916b03e9017c.yaml")
        );
    }

    #[test]
    fn a_text_gives_its_own_date_near_the_top_only() {
        let rows = [
            ("Headline\n\n17 February 2025\n\nLeaders met.", Some("2025-02-17")),
            ("Headline\n\nLONDON, Feb. 17, 2025 – Leaders met in Paris.", Some("2025-02-17")),
            ("Headline\n\nLeaders met in Paris, on 17 February 2025, to talk.", None),
            ("Headline\n\nLeaders met.", None),
        ];
        for (text, expected) in rows {
            let seed = Seed::from_text(Path::new("x.txt"), text.to_string());
            let mentions = numbers::scan_seed(&seed);
            assert_eq!(own_date(&seed, &mentions).map(|(d, _)| d).as_deref(), expected, "{text}");
        }
    }
}
