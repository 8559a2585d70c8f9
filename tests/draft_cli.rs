//! `tracebrief draft`: a first fact sheet of a seed that `check --strict`
//! passes untouched, on the example and on every seed of the fixtures; it
//! never writes over a sheet, and prints the sheet without `-o`.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{EXAMPLE_SEED, Project, Run, manifest_dir, tracebrief_in};

/// `tracebrief draft ARGS`, run in the project's root as an analyst does.
fn draft(project: &Project, args: &[&str]) -> Run {
    let output = tracebrief_in(&project.root(), &[&["draft"], args].concat(), &[("NO_COLOR", "1".as_ref())]);
    Run::new(&format!("draft {}", args.join(" ")), output)
}

/// Drafts `seed` to `sheet` and checks the project with `--strict`: no error, no warning.
fn assert_drafts_clean(project: &Project, seed: &str, sheet: &str) -> String {
    draft(project, &[seed, "-o", sheet]).assert_exit(0);
    let check = project.check(&["--strict"]);
    check.assert_exit(0);
    assert!(check.stdout().contains("0 errors, 0 warnings"), "{}: {}", seed, check.shown());
    project.read(sheet)
}

#[test]
fn the_example_seed_drafts_a_sheet_that_passes_strict() {
    let project = Project::example();
    let sheet = assert_drafts_clean(&project, EXAMPLE_SEED, "content/example-draft.yaml");
    for expected in [
        "source: seeds/000_efa7916b03e9017c.txt",
        "# date: YYYY-MM-DD",
        // the project's own actor, with its id and role
        "  - id: keir-starmer\n    name: Keir Starmer\n    aliases: [Sir Keir Starmer, Starmer]\n    role: UK Prime Minister",
        "    name: Adrian Bradshaw\n    aliases: [Sir Adrian Bradshaw]\n    role: former NATO commander",
        "    name: Olaf Scholz\n    role: German Chancellor\n    kind: person",
        "    name: NATO\n    kind: organisation",
        "    name: Netherlands\n    kind: country",
        "    speaker: keir-starmer\n    text: US backstop",
        "    value: 100000\n    unit: troops\n    qualifier: upwards of\n    evidence: require upwards of 100,000",
        "    value: 2.3\n    unit: \"%\"\n    qualifier: approximately",
        "# label: rewrite",
    ] {
        assert!(sheet.contains(expected), "the draft lacks {expected:?}:\n{sheet}");
    }
}

#[test]
fn every_fixture_seed_drafts_a_sheet_that_passes_strict() {
    let mut seeds: BTreeSet<PathBuf> = BTreeSet::new();
    let fixtures = manifest_dir().join("tests/fixtures");
    for fixture in std::fs::read_dir(&fixtures).expect("reading the fixtures").flatten() {
        for seed in std::fs::read_dir(fixture.path().join("seeds")).into_iter().flatten().flatten() {
            let path = seed.path();
            let text = std::fs::read(&path).unwrap_or_default();
            // seeds made to fail loading (invalid UTF-8, empty) have nothing to draft
            if path.extension().is_some_and(|e| e == "txt")
                && std::str::from_utf8(&text).is_ok_and(|t| !t.trim().is_empty())
            {
                seeds.insert(path);
            }
        }
    }
    assert!(seeds.len() >= 10, "only {} fixture seeds", seeds.len());
    for seed in seeds {
        let project = Project::empty("a project of one fixture seed");
        let name = seed.file_name().and_then(|n| n.to_str()).expect("a seed's name");
        project.write(&format!("seeds/{name}"), std::fs::read(&seed).expect("reading a seed"));
        let stem = Path::new(name).file_stem().and_then(|s| s.to_str()).expect("a stem");
        assert_drafts_clean(&project, &format!("seeds/{name}"), &format!("content/{stem}.yaml"));
    }
}

#[test]
fn a_dated_text_gives_the_draft_its_date_names_quotes_and_figures_once() {
    let project = Project::fixture("draft-dateline");
    let sheet = assert_drafts_clean(&project, "seeds/harbour-wall.txt", "content/harbour-wall.yaml");
    for expected in [
        "title: Harbour council backs £12m sea wall after long delay\n",
        "date: 2025-03-14\n",
        "    name: Amara Osei\n    aliases: [Dr Amara Osei, Osei]\n    kind: person",
        "    name: Portwick Harbour Council\n    kind: organisation",
        "    name: Kettle Marine Ltd\n    kind: organisation",
        "    name: Norway\n    kind: country",
        "    speaker: amara-osei\n    text: We have waited long enough for this wall\n",
        "    speaker: tomas-berg\n    text: A safe harbour keeps the ferry running all year\n",
        // a day without its year is in the year of the text's own date
        "    value: 2025-06-02\n",
        "    value: 1400\n    unit: homes\n    qualifier: about\n",
    ] {
        assert!(sheet.contains(expected), "the draft lacks {expected:?}:\n{sheet}");
    }
    // £12m is stated twice: one figure; the dateline's date is the sheet's date, no figure
    assert_eq!(sheet.matches("value: 12000000").count(), 1, "{sheet}");
    assert!(!sheet.contains("value: 2025-03-14"), "{sheet}");
    assert!(!sheet.contains("PORTWICK"), "a dateline's place is no actor:\n{sheet}");
}

#[test]
fn draft_never_writes_over_a_sheet() {
    let project = Project::example();
    let before = project.read("content/starmer-us-backstop.yaml");
    let run = draft(&project, &[EXAMPLE_SEED, "-o", "content/starmer-us-backstop.yaml"]);
    run.assert_exit(2);
    assert!(
        run.stdout().contains("error[refused-output]: content/starmer-us-backstop.yaml already exists"),
        "{}",
        run.shown()
    );
    assert_eq!(project.read("content/starmer-us-backstop.yaml"), before);
}

#[test]
fn without_o_the_draft_is_printed() {
    let project = Project::example();
    let run = draft(&project, &[EXAMPLE_SEED]);
    run.assert_exit(0);
    assert!(run.stdout().starts_with("# A draft fact sheet of seeds/000_efa7916b03e9017c.txt"), "{}", run.shown());
    assert!(run.stdout().contains("\nnumbers:\n"), "{}", run.shown());
    assert!(run.stderr().contains("drafted seeds/000_efa7916b03e9017c.txt:"), "{}", run.shown());
    assert!(!project.root().join("content/000-efa7916b03e9017c.yaml").exists());
}

#[test]
fn draft_refuses_seeds_it_cannot_read_or_that_lie_outside_the_project() {
    let project = Project::example();
    let run = draft(&project, &["seeds/missing.txt"]);
    run.assert_exit(2);
    assert!(run.stdout().contains("error[missing-seed]: the seed seeds/missing.txt does not exist"), "{}", run.shown());
    std::fs::write(project.beside("outside.txt"), "Outside\n\nA text outside the project.\n").expect("writing");
    let run = draft(&project, &["../outside.txt"]);
    run.assert_exit(2);
    assert!(run.stdout().contains("error[source-outside-root]"), "{}", run.shown());
    let run = draft(&project, &[EXAMPLE_SEED, "-o", "content/Not A Slug.yaml"]);
    run.assert_exit(2);
    assert!(run.stdout().contains("error[invalid-slug]"), "{}", run.shown());
}

#[test]
fn two_figures_of_one_sentence_are_drafted_with_labels_told_apart() {
    let project = Project::fixture("draft-dateline");
    project.write(
        "seeds/results.txt",
        "Harbour Foods results\n\nRevenue in the period rose 4.2% to £8.1bn, the retailer said.\n",
    );
    let sheet = assert_drafts_clean(&project, "seeds/results.txt", "content/results.yaml");
    let labels: Vec<&str> = sheet.lines().filter_map(|l| l.trim().strip_prefix("label: ")).collect();
    assert_eq!(labels.len(), 2, "{sheet}");
    assert_ne!(labels[0], labels[1], "{sheet}");
}

#[test]
fn a_race_time_is_drafted_as_a_clock_shows_it() {
    let project = Project::fixture("draft-dateline");
    project.write(
        "seeds/race.txt",
        "Harbour mile won in record time\n\nAna Reyes won the harbour mile in 3:58.20, a minute and 26 seconds ahead of the field.\n",
    );
    let sheet = assert_drafts_clean(&project, "seeds/race.txt", "content/race.yaml");
    assert!(sheet.contains("    value: \"3:58.2\"\n"), "{sheet}");
    assert!(sheet.contains("    value: \"1:26\"\n"), "{sheet}");
    assert!(!sheet.contains("value: 26\n"), "the last unit of a duration drafted alone:\n{sheet}");
}
