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
        let (seed, sheet) = briefing(b, &mut rng);
        std::fs::write(dir.join(format!("seeds/b{b:05}.txt")), seed)?;
        std::fs::write(dir.join(format!("content/b{b:05}.yaml")), sheet)?;
    }
    Ok(())
}

/// One seed and its fact sheet.
fn briefing(b: usize, rng: &mut Rng) -> (String, String) {
    let actors: Vec<usize> = (0..8).map(|k| (b * 7 + k * 61) % 500).collect();
    let place = PLACES[b % PLACES.len()];
    let mut seed = format!("Ministers meet in {place} to agree a new defence plan for the region.\n");
    let mut figures = String::new();
    let mut quotes = String::new();
    for k in 0..10 {
        let who = actor_name(actors[k % 8]);
        let (said, value, unit, qualifier) = figure(k, rng);
        writeln!(seed, "{who} said that {said}, according to officials in {place}.").unwrap();
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
    }
    for &a in &actors {
        writeln!(
            seed,
            "The talks also covered energy, trade and the border with the neighbouring states, {} noted.",
            actor_name(a)
        )
        .unwrap();
    }
    let mut sheet = format!(
        "title: Ministers agree a defence plan in {place}\nsource: seeds/b{b:05}.txt\ndate: 2025-{:02}-{:02}\nsummary: Ministers met in {place} to agree a defence plan.\nactors:\n",
        b % 12 + 1,
        b % 28 + 1
    );
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
    (seed, sheet)
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
