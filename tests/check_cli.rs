//! End-to-end tests of `tracebrief check [--root DIR] [--format …] [--strict]`
//! in the manner of Zola's `test_site/` and mdBook's
//! `BookTest`: every case is a small project under `tests/fixtures/<case>/`,
//! copied into a temporary directory (so that symlinks and generated files
//! never touch the repository), checked by the binary as a user runs it,
//! and judged on what a user sees — the exit code, the JSON report, and the
//! file:line:column and help line of the human report.

mod common;

use std::path::{Path, PathBuf};

use common::{Project, Run, manifest_dir, tracebrief_in};
use serde_json::Value;
use tempfile::TempDir;

// ---------------------------------------------------------------- reading the report

impl Run {
    /// The report of `--format json`, its paths read relative to `root`.
    fn report(&self, root: &Path) -> Report {
        Report { json: self.json(), root: root.to_path_buf() }
    }
}

/// The JSON of `check --format json`.
struct Report {
    json: Value,
    root: PathBuf,
}

/// A diagnostic of the JSON report, its file relative to the project root.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    severity: String,
    code: String,
    file: Option<String>,
    line: Option<u64>,
    column: Option<u64>,
}

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let place = |n: Option<u64>| n.map_or("-".to_string(), |n| n.to_string());
        write!(
            f,
            "{} {} at {}:{}:{}",
            self.severity,
            self.code,
            self.file.as_deref().unwrap_or("-"),
            place(self.line),
            place(self.column)
        )
    }
}

impl Report {
    fn diagnostics(&self) -> Vec<Found> {
        let list = self.json["diagnostics"].as_array().expect("`diagnostics` is an array");
        list.iter()
            .map(|d| Found {
                severity: d["severity"].as_str().expect("`severity` is a string").to_string(),
                code: d["code"].as_str().expect("`code` is a string").to_string(),
                file: d["file"].as_str().map(|f| self.relative(f)),
                line: d["line"].as_u64(),
                column: d["column"].as_u64(),
            })
            .collect()
    }

    /// `file` relative to the project root: reports may show paths under
    /// the root as given (`<root>/content/x.yaml`) or relative to it.
    fn relative(&self, file: &str) -> String {
        let path = Path::new(file);
        path.strip_prefix(&self.root).unwrap_or(path).to_string_lossy().replace('\\', "/")
    }

    fn count(&self, key: &str) -> u64 {
        self.json[key].as_u64().unwrap_or_else(|| panic!("`{key}` is a count: {}", self.json))
    }

    fn facts(&self) -> &[Value] {
        self.json["facts"].as_array().expect("`facts` is an array")
    }

    fn fact(&self, id: &str) -> &Value {
        self.facts()
            .iter()
            .find(|f| f["id"] == id)
            .unwrap_or_else(|| panic!("no fact `{id}` in {:#}", self.json["facts"]))
    }
}

// ---------------------------------------------------------------- the table of fixtures

/// Where an expected diagnostic points.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// This line and column (1-based, the column in characters).
    At(u64, u64),
    /// The file only: `line` and `column` are null.
    FileOnly,
    /// Anywhere in the file (hostile inputs: the code is what matters).
    Anywhere,
}

/// A diagnostic a case must report.
#[derive(Debug, Clone, Copy)]
struct Expected {
    code: &'static str,
    /// Relative to the project root.
    file: &'static str,
    place: Place,
}

fn at(code: &'static str, file: &'static str, line: u64, column: u64) -> Expected {
    Expected { code, file, place: Place::At(line, column) }
}

fn in_file(code: &'static str, file: &'static str) -> Expected {
    Expected { code, file, place: Place::FileOnly }
}

fn anywhere_in(code: &'static str, file: &'static str) -> Expected {
    Expected { code, file, place: Place::Anywhere }
}

impl Expected {
    fn matches(&self, found: &Found) -> bool {
        let place = match self.place {
            Place::At(line, column) => found.line == Some(line) && found.column == Some(column),
            Place::FileOnly => found.line.is_none() && found.column.is_none(),
            Place::Anywhere => true,
        };
        found.code == self.code && found.file.as_deref() == Some(self.file) && place
    }

    /// How the human report names the place: `content/x.yaml:6:12`.
    fn human(&self) -> String {
        match self.place {
            Place::At(line, column) => format!("{}:{line}:{column}", self.file),
            Place::FileOnly | Place::Anywhere => self.file.to_string(),
        }
    }
}

/// One run of `check` on a fixture: the exit code and exactly the errors
/// and warnings it must report (notes are not counted).
struct Case<'a> {
    fixture: &'static str,
    args: &'a [&'a str],
    exit: i32,
    expected: &'a [Expected],
    /// Prepares the copied project: files that cannot live in the repository.
    setup: Option<fn(&Project)>,
}

fn case<'a>(fixture: &'static str, exit: i32, expected: &'a [Expected]) -> Case<'a> {
    Case { fixture, args: &[], exit, expected, setup: None }
}

impl<'a> Case<'a> {
    fn args(self, args: &'a [&'a str]) -> Self {
        Case { args, ..self }
    }

    fn setup(self, setup: fn(&Project)) -> Self {
        Case { setup: Some(setup), ..self }
    }

    fn project(&self) -> Project {
        let project = Project::fixture(self.fixture);
        if let Some(setup) = self.setup {
            setup(&project);
        }
        project
    }
}

/// Checks `case` with `--format json` and with the human format.
fn run_case(case: &Case) {
    let project = case.project();
    let run = project.check(&[&["--format", "json"], case.args].concat());
    run.assert_exit(case.exit);
    let report = run.report(&project.root());
    assert_counts_agree(case.fixture, &report);
    assert_reports_exactly(&run, &report.diagnostics(), case.expected);

    let human = project.check(case.args);
    human.assert_exit(case.exit);
    let text = human.text();
    for expected in case.expected {
        assert!(
            text.contains(&expected.human()),
            "{}: the human report does not name {}\n{}",
            case.fixture,
            expected.human(),
            human.shown()
        );
    }
    let help_lines = text.lines().filter(|l| l.contains("help:")).count();
    assert!(
        help_lines >= case.expected.len(),
        "{}: {} diagnostics but {help_lines} help lines\n{}",
        case.fixture,
        case.expected.len(),
        human.shown()
    );
}

/// The errors and warnings of the report are `expected`, in any order, and no others.
fn assert_reports_exactly(run: &Run, found: &[Found], expected: &[Expected]) {
    let mut left: Vec<&Found> = found.iter().filter(|d| d.severity != "note").collect();
    let mut missing = Vec::new();
    for e in expected {
        match left.iter().position(|d| e.matches(d)) {
            Some(i) => {
                left.remove(i);
            }
            None => missing.push(format!("{} at {}", e.code, e.human())),
        }
    }
    let listed = |ds: &[&Found]| ds.iter().map(|d| format!("\n  {d}")).collect::<String>();
    let all: Vec<&Found> = found.iter().collect();
    assert!(
        missing.is_empty() && left.is_empty(),
        "{}: missing {missing:?}; unexpected:{}\nreported:{}\n{}",
        run.what,
        listed(&left),
        listed(&all),
        run.shown()
    );
}

/// `ok`, `errors` and `warnings` agree with the diagnostics listed. (Whether
/// `ok` is false for warnings under `--strict` is not asserted.)
fn assert_counts_agree(fixture: &str, report: &Report) {
    let found = report.diagnostics();
    let of = |severity: &str| found.iter().filter(|d| d.severity == severity).count() as u64;
    assert_eq!(report.count("errors"), of("error"), "{fixture}: `errors`");
    assert_eq!(report.count("warnings"), of("warning"), "{fixture}: `warnings`");
    let ok = &report.json["ok"];
    if of("error") > 0 {
        assert_eq!(ok, false, "{fixture}: `ok` with errors");
    } else if of("warning") == 0 {
        assert_eq!(ok, true, "{fixture}: `ok` without errors or warnings");
    }
}

/// One `#[test]` per case, named after it, so a failure names the fixture.
macro_rules! check_cases {
    ($($(#[$attr:meta])* $name:ident => $case:expr;)*) => {
        $(
            $(#[$attr])*
            #[test]
            fn $name() {
                run_case(&$case);
            }
        )*
    };
}

const SHEET: &str = "content/rail-fund.yaml";

check_cases! {
    clean => case("clean", 0, &[]);
    alternative_forms => case("alternative-forms", 0, &[]);

    // the check finds a fact the seed does not state: exit 1
    untraced_number => case("untraced-number", 1, &[at("untraced-number", SHEET, 6, 12)]);
    unit_mismatch => case("unit-mismatch", 1, &[at("unit-mismatch", SHEET, 7, 11)]);
    quote_not_found => case("quote-not-found", 1, &[at("quote-not-found", SHEET, 9, 11)]);
    actor_not_mentioned => case("actor-not-mentioned", 1, &[at("actor-not-mentioned", SHEET, 7, 11)]);
    evidence_not_found => case("evidence-not-found", 1, &[at("evidence-not-found", SHEET, 9, 15)]);

    // warnings: exit 0, and 1 with --strict
    dropped_hedge => case("dropped-hedge", 0, &[at("dropped-hedge", SHEET, 6, 12)]);
    dropped_hedge_strict => case("dropped-hedge", 1, &[at("dropped-hedge", SHEET, 6, 12)]).args(&["--strict"]);
    qualifier_mismatch => case("qualifier-mismatch", 0, &[at("qualifier-mismatch", SHEET, 8, 16)]);
    qualifier_mismatch_strict =>
        case("qualifier-mismatch", 1, &[at("qualifier-mismatch", SHEET, 8, 16)]).args(&["--strict"]);

    // input errors: exit 2, each at its file, line and column
    yaml_syntax => case("yaml-syntax", 2, &[at("yaml-syntax", SHEET, 5, 12)]);
    tab_indentation => case("tab-indentation", 2, &[at("yaml-syntax", SHEET, 4, 1)]);
    unknown_field => case("unknown-field", 2, &[at("unknown-field", SHEET, 3, 1)]);
    missing_field => case("missing-field", 2, &[at("missing-field", SHEET, 4, 5)]);
    wrong_type_value => case("wrong-type-value", 2, &[at("wrong-type", SHEET, 6, 12)]);
    wrong_type_approx => case("wrong-type-approx", 2, &[at("wrong-type", SHEET, 7, 13)]);
    duplicate_key => case("duplicate-key", 2, &[at("duplicate-key", SHEET, 7, 5)]);
    duplicate_id => case("duplicate-id", 2, &[at("duplicate-id", SHEET, 7, 9)]);
    unknown_actor => case("unknown-actor", 2, &[at("unknown-actor", SHEET, 7, 14)]);
    invalid_slug => case("invalid-slug", 2, &[in_file("invalid-slug", "content/Bad_Name.yaml")]);
    missing_seed => case("missing-seed", 2, &[at("missing-seed", SHEET, 2, 9)]);
    source_through_parent_dir => case("source-parent-dir", 2, &[at("source-outside-root", SHEET, 2, 9)]);
    source_absolute => case("source-absolute", 2, &[at("source-outside-root", SHEET, 2, 9)]);
    #[cfg(unix)]
    source_through_symlink =>
        case("source-symlink", 2, &[at("source-outside-root", SHEET, 2, 9)]).setup(link_seed_outside);
    alias_bomb => case("alias-bomb", 2, &[anywhere_in("yaml-too-complex", SHEET)]);
    deep_nesting => case("deep-nesting", 2, &[anywhere_in("yaml-too-complex", SHEET)]).setup(write_deep_nesting);
    actor_conflict => case("actor-conflict", 2, &[at("actor-conflict", "content/b-rail-fund.yaml", 5, 11)]);
    unknown_sentence => case("unknown-sentence", 2, &[at("unknown-sentence", SHEET, 9, 15)]);
    duplicate_summary => case("duplicate-summary", 2, &[at("duplicate-summary", SHEET, 3, 10)]);
    orphan_summary => case("orphan-summary", 2, &[in_file("orphan-summary", "content/rail-fnd.md")]);
    empty_sheet => case("empty-sheet", 2, &[in_file("missing-field", SHEET)]);
    empty_document => case("empty-sheet", 2, &[anywhere_in("missing-field", SHEET)]).setup(write_empty_document);
    invalid_utf8_seed =>
        case("invalid-utf8", 2, &[at("invalid-utf8", "seeds/latin1.txt", 2, 14)]).setup(write_latin1_seed);
    no_project => case("no-project", 2, &[in_file("no-project", "content")]);

    // every input error of a run is reported, not only the first: in one sheet …
    every_schema_error => case("every-schema-error", 2, &[
        at("wrong-type", SHEET, 3, 7),
        at("wrong-type", SHEET, 8, 11),
        at("unknown-field", SHEET, 11, 5),
        at("duplicate-id", SHEET, 19, 9),
    ]);
    schema_shapes => case("schema-shapes", 2, &[
        at("wrong-type", SHEET, 5, 14),
        at("duplicate-key", SHEET, 7, 5),
        at("wrong-type", SHEET, 8, 9),
        at("missing-field", SHEET, 10, 5),
        at("wrong-type", SHEET, 12, 13),
        at("wrong-type", SHEET, 13, 15),
    ]);
    // … and across sheets
    several_errors => case("several-errors", 2, &[
        at("unknown-field", "content/first.yaml", 3, 1),
        at("wrong-type", "content/second.yaml", 6, 12),
    ]);
}

/// `seeds/linked.txt` → a file beside the project, outside its root.
#[cfg(unix)]
fn link_seed_outside(project: &Project) {
    let outside = project.beside("outside.txt");
    std::fs::write(&outside, "Outside the project, the fund costs £22.6bn.\n").expect("writing a file outside");
    std::os::unix::fs::symlink(&outside, project.root().join("seeds/linked.txt")).expect("creating a symlink");
}

/// 20,000 nested flow sequences, where the sheet lets the parser read them:
/// as merge keys of an actor.
fn write_deep_nesting(project: &Project) {
    let depth = 20_000;
    let sheet = format!(
        "title: Ministers back a rail fund for the north\nsource: seeds/rail-fund.txt\nactors:\n  - <<: {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    project.write(SHEET, sheet);
}

fn write_empty_document(project: &Project) {
    project.write(SHEET, "---\n");
}

/// A seed in Latin-1: `£` is the byte 0xA3, at line 2, column 14.
fn write_latin1_seed(project: &Project) {
    project.write(
        "seeds/latin1.txt",
        b"Ministers back a rail fund for the north.\nIt will cost \xa322.6bn over seven years.\n",
    );
}

// ---------------------------------------------------------------- what the reports say

#[test]
fn clean_project_traces_every_fact() {
    let project = Project::fixture("clean");
    let run = project.check(&["--format", "json"]);
    run.assert_exit(0);
    let report = run.report(&project.root());
    assert_eq!(report.json["ok"], true);
    assert_eq!((report.count("errors"), report.count("warnings")), (0, 0));
    let rows = [
        ("fund-cost", "s2", "£22.6bn"),
        ("inflation", "s3", "approximately 2.3%"),
        ("generational", "s4", "a generational investment"),
        ("jane-doe", "s2", "Jane Doe"),
    ];
    assert_eq!(report.facts().len(), rows.len(), "{:#}", report.json["facts"]);
    for (id, sentence, mention) in rows {
        let fact = report.fact(id);
        assert_eq!(fact["status"], "traced", "{id}");
        assert_eq!(fact["sentence"], sentence, "{id}");
        assert_eq!(fact["mention"], mention, "{id}");
    }
}

#[test]
fn shipped_example_checks_clean() {
    let root = manifest_dir();
    let run = Run::of(
        "check of the repository",
        &["check".as_ref(), "--root".as_ref(), root.as_os_str(), "--format".as_ref(), "json".as_ref()],
        &[],
    );
    run.assert_exit(0);
    let report = run.report(root);
    assert_eq!((report.count("errors"), report.count("warnings")), (0, 0), "{}", run.shown());
    assert!(report.facts().iter().all(|f| f["status"] == "traced"), "{}", run.shown());
    let figures = [("troops-needed", "s16"), ("uk-defense-spending", "s17"), ("uk-defense-target", "s17")];
    for (id, sentence) in figures {
        assert_eq!(report.fact(id)["sentence"], sentence, "{id}");
    }
}

#[test]
fn alternative_forms_trace_to_their_mentions() {
    let project = Project::fixture("alternative-forms");
    let run = project.check(&["--format", "json"]);
    run.assert_exit(0);
    let report = run.report(&project.root());
    let rows = [
        ("scheme-cost", "s1", "£22.6bn"),
        ("towns", "s2", "A dozen"),
        ("open-next-year", "s2", "seven"),
        ("support-share", "s3", "Two-thirds"),
        ("support-percent", "s3", "Two-thirds"),
        ("total-spending", "s4", "£127.5bn"),
    ];
    for (id, sentence, mention) in rows {
        let fact = report.fact(id);
        assert_eq!(fact["status"], "traced", "{id}: {fact}");
        assert_eq!(fact["sentence"], sentence, "{id}: {fact}");
        assert_eq!(fact["mention"], mention, "{id}: {fact}");
    }
}

#[test]
fn untraced_number_shows_the_closest_mention() {
    let run = Project::fixture("untraced-number").check(&[]);
    run.assert_exit(1);
    assert!(run.text().contains("closest: s3 states approximately 2.3%"), "{}", run.shown());
}

#[test]
fn unknown_field_suggests_the_field_meant() {
    let run = Project::fixture("unknown-field").check(&[]);
    run.assert_exit(2);
    let help = run.text().lines().find(|l| l.contains("help:")).map(str::to_string);
    assert!(help.as_deref().is_some_and(|h| h.contains("did you mean `numbers`?")), "{}", run.shown());
}

/// The report: `ok`, `errors`, `warnings`, `diagnostics` (severity, code,
/// message, file, line, column), `facts` (briefing, id, status, sentence, mention).
#[test]
fn json_report_has_the_shape_of_the_spec() {
    for (fixture, exit) in [("clean", 0), ("untraced-number", 1), ("dropped-hedge", 0), ("unknown-field", 2)] {
        let run = Project::fixture(fixture).check(&["--format", "json"]);
        run.assert_exit(exit);
        let json = run.json();
        assert!(json["ok"].is_boolean(), "{fixture}: `ok` {json}");
        assert!(json["errors"].is_u64(), "{fixture}: `errors` {json}");
        assert!(json["warnings"].is_u64(), "{fixture}: `warnings` {json}");
        for d in json["diagnostics"].as_array().expect("`diagnostics` is an array") {
            let severity = d["severity"].as_str().unwrap_or_default();
            assert!(["error", "warning", "note"].contains(&severity), "{fixture}: {d}");
            assert!(d["code"].as_str().is_some_and(is_kebab_case), "{fixture}: {d}");
            assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{fixture}: {d}");
            assert!(d["file"].is_string(), "{fixture}: {d}");
            for key in ["line", "column"] {
                assert!(d[key].is_null() || d[key].as_u64().is_some_and(|n| n >= 1), "{fixture}: {d}");
            }
        }
        for f in json["facts"].as_array().expect("`facts` is an array") {
            assert_eq!(f["briefing"], "rail-fund", "{fixture}: {f}");
            assert!(f["id"].as_str().is_some_and(|id| !id.is_empty()), "{fixture}: {f}");
            match f["status"].as_str() {
                Some("traced") => {
                    let sentence = f["sentence"].as_str().unwrap_or_default();
                    assert!(sentence.strip_prefix('s').is_some_and(|n| n.parse::<usize>().is_ok()), "{fixture}: {f}");
                    assert!(f["mention"].as_str().is_some_and(|m| !m.is_empty()), "{fixture}: {f}");
                }
                Some("untraced") => {
                    assert!(f["sentence"].is_null() && f["mention"].is_null(), "{fixture}: {f}");
                }
                _ => panic!("{fixture}: `status` of {f}"),
            }
        }
    }
}

fn is_kebab_case(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[test]
fn sarif_of_a_clean_run_lists_every_rule() {
    let run = Project::fixture("clean").check(&["--format", "sarif"]);
    run.assert_exit(0);
    let sarif = run.json();
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    for code in ["untraced-number", "unknown-field", "dropped-hedge", "untraced-published-number", "refused-output"] {
        assert!(ids.contains(&code), "no rule {code}: {ids:?}");
    }
    assert_eq!(sarif["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn github_format_prints_workflow_annotations() {
    let run = Project::fixture("untraced-number").check(&["--format", "github"]);
    run.assert_exit(1);
    let annotation = run.stdout().lines().find(|l| l.starts_with("::error "));
    let annotation = annotation.unwrap_or_else(|| panic!("no ::error line\n{}", run.shown()));
    let (properties, message) =
        annotation["::error ".len()..].split_once("::").unwrap_or_else(|| panic!("no message in {annotation}"));
    assert!(properties.starts_with("file="), "{annotation}");
    assert!(properties.contains(&format!("{SHEET},line=6,col=12")), "{annotation}");
    assert!(message.contains("not stated"), "{annotation}");
}

#[test]
fn sarif_format_is_sarif_2_1_0() {
    let run = Project::fixture("untraced-number").check(&["--format", "sarif"]);
    run.assert_exit(1);
    let sarif: Value = serde_json::from_str(run.stdout()).unwrap_or_else(|e| panic!("not JSON ({e})\n{}", run.shown()));
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().expect("runs[0].results");
    assert!(results.iter().any(|r| r["ruleId"] == "untraced-number"), "{sarif:#}");
}

/// Hostile YAML in the forms it usually takes — a billion laughs defined
/// under a key of its own, 20,000 nested lists as a text field — is refused
/// as an input error: by the schema, or by the parser's limits.
#[test]
fn hostile_yaml_is_refused() {
    let head = "title: Ministers back a rail fund for the north\nsource: seeds/rail-fund.txt\n";
    let mut laughs =
        String::from("lol: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    let mut previous = 'a';
    for anchor in 'b'..='j' {
        laughs.push_str(&format!("{anchor}: &{anchor} [{}]\n", vec![format!("*{previous}"); 9].join(", ")));
        previous = anchor;
    }
    let nesting = format!("summary: {}{}\n", "[".repeat(20_000), "]".repeat(20_000));
    let rows = [
        ("billion laughs", laughs, ["yaml-too-complex", "unknown-field"]),
        ("deep nesting", nesting, ["yaml-too-complex", "wrong-type"]),
    ];
    for (name, body, codes) in rows {
        let project = Project::fixture("clean");
        project.write(SHEET, format!("{head}{body}"));
        let run = project.check(&["--format", "json"]);
        assert_eq!(run.code(), 2, "{name}\n{}", run.shown());
        let found = run.report(&project.root()).diagnostics();
        assert!(
            found.iter().any(|d| codes.contains(&d.code.as_str()) && d.file.as_deref() == Some(SHEET)),
            "{name}: {found:?}"
        );
    }
}

/// A `--root` that does not exist is named as the user gave it.
#[test]
fn missing_root_is_named_as_given() {
    let dir = TempDir::new().expect("creating a temporary directory");
    let root = Path::new("no-such-project");
    let run = Run::new(
        "check of no root",
        tracebrief_in(
            dir.path(),
            &["check".as_ref(), "--root".as_ref(), root.as_os_str(), "--format".as_ref(), "json".as_ref()],
            &[("NO_COLOR", "1".as_ref())],
        ),
    );
    run.assert_exit(2);
    let found = run.report(dir.path()).diagnostics();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, "no-project");
    assert_eq!(found[0].file.as_deref(), Some("no-such-project"), "{found:?}");
}

// ---------------------------------------------------------------- mutations

/// STYLE (Tests): from a correct sheet, change one value (first and last
/// significant digit), one unit class, drop one qualifier, change one word of
/// a quote, rename one actor: each must be caught, at the line changed.
#[test]
fn every_mutation_of_the_clean_sheet_is_caught() {
    struct Mutation {
        name: &'static str,
        from: &'static str,
        to: &'static str,
        /// The exit code without and with `--strict`.
        exit: (i32, i32),
        codes: &'static [&'static str],
        line: u64,
    }
    let error = |name, from, to, codes, line| Mutation { name, from, to, exit: (1, 1), codes, line };
    let untraced: &[&str] = &["untraced-number"];
    // the inflation figure is pinned by its evidence words, which then hold another number
    let pinned: &[&str] = &["evidence-mismatch"];
    let unit: &[&str] = &["unit-mismatch", "untraced-number"];
    let mutations = [
        error("money, first digit", "value: 22600000000", "value: 32600000000", untraced, 15),
        error("money, last digit", "value: 22600000000", "value: 22700000000", untraced, 15),
        error("percent, first digit", "value: 2.3\n", "value: 3.3\n", pinned, 20),
        error("percent, last digit", "value: 2.3\n", "value: 2.4\n", pinned, 20),
        error("percent to pp", "unit: \"%\"", "unit: pp", unit, 21),
        error("GBP to USD", "unit: GBP", "unit: USD", unit, 16),
        error("money without a unit", "    unit: GBP\n", "", unit, 15),
        error("one word of a quote", "a generational investment", "a generous investment", &["quote-not-found"], 11),
        error("actor renamed", "name: Jane Doe", "name: Jane Dole", &["actor-not-mentioned"], 6),
        Mutation {
            name: "qualifier dropped",
            from: "    qualifier: approximately\n",
            to: "",
            exit: (0, 1),
            codes: &["dropped-hedge"],
            line: 20,
        },
    ];
    let clean = Project::fixture("clean").read(SHEET);
    let mut failures = Vec::new();
    for m in &mutations {
        assert_eq!(clean.matches(m.from).count(), 1, "{}: `{}` stands once in the sheet", m.name, m.from);
        let project = Project::fixture("clean");
        project.write(SHEET, clean.replacen(m.from, m.to, 1));
        for (args, exit) in [(&["--format", "json"][..], m.exit.0), (&["--format", "json", "--strict"], m.exit.1)] {
            let run = project.check(args);
            let found = run.report(&project.root()).diagnostics();
            let caught = found.iter().any(|d| {
                m.codes.contains(&d.code.as_str()) && d.file.as_deref() == Some(SHEET) && d.line == Some(m.line)
            });
            if run.code() != exit || !caught {
                let found: Vec<String> = found.iter().map(ToString::to_string).collect();
                failures.push(format!(
                    "{} ({}): exit {} (expected {exit}); expected one of {:?} at line {}; reported {found:?}",
                    m.name,
                    args.join(" "),
                    run.code(),
                    m.codes,
                    m.line
                ));
            }
        }
    }
    assert!(failures.is_empty(), "mutations not caught:\n{}", failures.join("\n"));
}
