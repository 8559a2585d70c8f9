//! A generated corpus of briefings for benchmarks, the same on every run:
//! each briefing has a 25-sentence seed, 8 actors drawn from a shared pool
//! of 500, 6 quotes and 10 figures, and every fact traces.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

const FIRST: [&str; 25] = [
    "Anna", "Boris", "Clara", "David", "Elena", "Felix", "Grace", "Hugo", "Irene", "Jonas", "Karin", "Lukas", "Maria",
    "Nikos", "Olga", "Pavel", "Rosa", "Stefan", "Tara", "Ulrich", "Vera", "Walter", "Xenia", "Yusuf", "Zofia",
];
const LAST: [&str; 20] = [
    "Adler",
    "Berger",
    "Costa",
    "Dahl",
    "Eriksen",
    "Fischer",
    "Galli",
    "Hansen",
    "Ivanova",
    "Jensen",
    "Keller",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Olsen",
    "Petrov",
    "Quinn",
    "Rossi",
    "Schmidt",
    "Torres",
];
const ROLES: [&str; 5] = ["Defence Minister", "Finance Minister", "Foreign Minister", "Prime Minister", "Chancellor"];
const PLACES: [&str; 6] = ["Brussels", "Warsaw", "Berlin", "Paris", "Rome", "Madrid"];

/// A small deterministic generator (xorshift), so the corpus needs no crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn actor_name(i: usize) -> String {
    format!("{} {}", FIRST[i % 25], LAST[i / 25 % 20])
}

fn actor_id(i: usize) -> String {
    actor_name(i).to_lowercase().replace(' ', "-")
}

/// Writes a project with `briefings` briefings into `dir` (created if needed).
pub fn write_project(dir: &Path, briefings: usize) -> io::Result<()> {
    std::fs::create_dir_all(dir.join("seeds"))?;
    std::fs::create_dir_all(dir.join("content"))?;
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for b in 0..briefings {
        let briefing = briefing(b, &mut rng);
        std::fs::write(dir.join(format!("seeds/b{b:05}.txt")), &briefing.seed)?;
        std::fs::write(dir.join(format!("content/b{b:05}.yaml")), &briefing.sheet)?;
    }
    Ok(())
}

/// Writes the same briefings as a Hugo site into `dir`: one page a
/// briefing (summary, figures, quotes, actors and the source text), the
/// home page, and the actors as a taxonomy with a page each — what a Hugo
/// user would build from the same content, for a side-by-side benchmark.
pub fn write_hugo(dir: &Path, briefings: usize) -> io::Result<()> {
    std::fs::create_dir_all(dir.join("content/briefings"))?;
    std::fs::create_dir_all(dir.join("layouts/_default"))?;
    std::fs::write(
        dir.join("hugo.toml"),
        "baseURL = '/'\ntitle = 'Briefings'\nrelativeURLs = true\ndisableKinds = ['RSS', 'sitemap', 'robotsTXT']\n\n[taxonomies]\nactor = 'actors'\n",
    )?;
    for (name, layout) in HUGO_LAYOUTS {
        std::fs::write(dir.join("layouts/_default").join(name), layout)?;
    }
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for b in 0..briefings {
        let briefing = briefing(b, &mut rng);
        let mut page = String::from("---\n");
        writeln!(page, "title: \"{}\"\ndate: {}\nsummary: \"{}\"", briefing.title, briefing.date, briefing.summary)
            .unwrap();
        page.push_str("actors:\n");
        for (name, _) in &briefing.actors {
            writeln!(page, "  - \"{name}\"").unwrap();
        }
        page.push_str("figures:\n");
        for (label, value) in &briefing.figures {
            writeln!(page, "  - label: \"{label}\"\n    value: \"{value}\"").unwrap();
        }
        page.push_str("quotes:\n");
        for (speaker, words) in &briefing.quotes {
            writeln!(page, "  - speaker: \"{speaker}\"\n    text: \"{words}\"").unwrap();
        }
        page.push_str("---\n\n");
        for line in briefing.seed.lines() {
            writeln!(page, "{line}\n").unwrap();
        }
        std::fs::write(dir.join(format!("content/briefings/b{b:05}.md")), page)?;
    }
    Ok(())
}

/// Hugo layouts that show what tracebrief's pages show.
const HUGO_LAYOUTS: [(&str, &str); 5] = [
    (
        "baseof.html",
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n<body><nav><a href=\"{{ \"/\" | relURL }}\">Briefings</a> <a href=\"{{ \"/actors/\" | relURL }}\">Actors</a></nav>\n<main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
    ),
    (
        "single.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><p><time>{{ .Date.Format \"2 January 2006\" }}</time></p><p>{{ .Params.summary }}</p>\n<table>{{ range .Params.figures }}<tr><th>{{ .label }}</th><td>{{ .value }}</td></tr>{{ end }}</table>\n{{ range .Params.quotes }}<blockquote>{{ .text }}<cite>{{ .speaker }}</cite></blockquote>{{ end }}\n<ul>{{ range .GetTerms \"actors\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{ end }}</ul>\n<div>{{ .Content }}</div>{{ end }}\n",
    ),
    (
        "list.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> <time>{{ .Date.Format \"2 January 2006\" }}</time></li>{{ end }}</ol>{{ end }}\n",
    ),
    (
        "terms.html",
        "{{ define \"main\" }}<h1>Actors</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}\n",
    ),
    (
        "taxonomy.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
    ),
];

/// One generated briefing: its seed and sheet, and what a Hugo page of it shows.
struct Briefing {
    seed: String,
    sheet: String,
    title: String,
    date: String,
    summary: String,
    /// (name, role)
    actors: Vec<(String, &'static str)>,
    /// (label, value as published)
    figures: Vec<(String, String)>,
    /// (speaker's name, words)
    quotes: Vec<(String, String)>,
}

/// One seed and its fact sheet.
fn briefing(b: usize, rng: &mut Rng) -> Briefing {
    let actors: Vec<usize> = (0..8).map(|k| (b * 7 + k * 61) % 500).collect();
    let place = PLACES[b % PLACES.len()];
    let mut seed = format!("Ministers meet in {place} to agree a new defence plan for the region.\n");
    let mut figures = String::new();
    let mut quotes = String::new();
    let mut published_figures = Vec::new();
    let mut published_quotes = Vec::new();
    for k in 0..10 {
        let who = actor_name(actors[k % 8]);
        let (said, value, unit, qualifier) = figure(k, rng);
        writeln!(seed, "{who} said that {said}, according to officials in {place}.").unwrap();
        published_figures
            .push((format!("Figure {k} of the plan"), format!("{} {value} {unit}", qualifier.unwrap_or(""))));
        let qualifier = qualifier.map_or(String::new(), |q| format!("\n    qualifier: {q}"));
        write!(
            figures,
            "  - id: figure-{k}\n    label: Figure {k} of the plan\n    value: {value}\n    unit: \"{unit}\"{qualifier}\n    actor: {}\n",
            actor_id(actors[k % 8])
        )
        .unwrap();
    }
    for k in 0..6 {
        let who = actors[(k + 3) % 8];
        let words =
            format!("a plan that {} the region for {} years", ["protects", "strengthens", "secures"][k % 3], k + 2);
        writeln!(seed, "{} called it '{words}' at the meeting.", actor_name(who)).unwrap();
        write!(quotes, "  - id: quote-{k}\n    speaker: {}\n    text: {words}\n", actor_id(who)).unwrap();
        published_quotes.push((actor_name(who), words));
    }
    for &a in &actors {
        writeln!(
            seed,
            "The talks also covered energy, trade and the border with the neighbouring states, {} noted.",
            actor_name(a)
        )
        .unwrap();
    }
    let title = format!("Ministers agree a defence plan in {place}");
    let date = format!("2025-{:02}-{:02}", b % 12 + 1, b % 28 + 1);
    let summary = format!("Ministers met in {place} to agree a defence plan.");
    let mut sheet = format!("title: {title}\nsource: seeds/b{b:05}.txt\ndate: {date}\nsummary: {summary}\nactors:\n");
    for &a in &actors {
        write!(
            sheet,
            "  - id: {}\n    name: {}\n    role: {}\n    kind: person\n",
            actor_id(a),
            actor_name(a),
            ROLES[a % 5]
        )
        .unwrap();
    }
    write!(sheet, "quotes:\n{quotes}numbers:\n{figures}").unwrap();
    Briefing {
        seed,
        sheet,
        title,
        date,
        summary,
        actors: actors.iter().map(|&a| (actor_name(a), ROLES[a % 5])).collect(),
        figures: published_figures,
        quotes: published_quotes,
    }
}

/// A figure as the seed says it, and as the sheet states it: value, unit, qualifier.
fn figure(k: usize, rng: &mut Rng) -> (String, String, &'static str, Option<&'static str>) {
    let n = rng.below(900) + 100;
    match k % 5 {
        0 => (format!("upwards of {n},000 troops may be needed"), format!("{n}000"), "troops", Some("upwards of")),
        1 => {
            (format!("spending stands at {}.{}% of GDP", n / 100, n % 10), format!("{}.{}", n / 100, n % 10), "%", None)
        }
        2 => (format!("the plan will cost £{n}bn over a decade"), format!("{n}000000000"), "GBP", None),
        3 => (format!("about {n} aircraft will be ordered"), n.to_string(), "aircraft", Some("about")),
        _ => (
            format!("exports rose {}.{} percentage points last year", n / 100, n % 10),
            format!("{}.{}", n / 100, n % 10),
            "pp",
            None,
        ),
    }
}
