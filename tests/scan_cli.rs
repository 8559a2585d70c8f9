//! End-to-end tests of `tracebrief scan FILE [--format human|json]` :
//! the binary is run as a user runs it, and the tests look at what a user
//! sees — the exit code, stdout and stderr.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{EXAMPLE_SEED, manifest_dir, tracebrief};
use serde::Deserialize;
use serde_json::Value;
use tempfile::TempDir;

/// The shipped seed, relative to the package root, where [`tracebrief`] runs the binary.
const SEED: &str = EXAMPLE_SEED;

/// Writes `bytes` to `name` in `dir` and returns the file's path.
fn write_file(dir: &TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("writing a test input");
    path
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

fn seed_bytes() -> Vec<u8> {
    std::fs::read(manifest_dir().join(SEED)).expect("reading the shipped seed")
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).expect("stderr is UTF-8")
}

/// The JSON of `scan --format json`. `unit` and `hedge` are
/// `Value`s so that a missing key fails to parse while `null` passes.
#[derive(Debug, Deserialize)]
struct Report {
    file: String,
    sentences: Vec<Sentence>,
}

#[derive(Debug, Deserialize)]
struct Sentence {
    id: String,
    start: usize,
    end: usize,
    text: String,
    numbers: Vec<Mention>,
}

#[derive(Debug, Deserialize)]
struct Mention {
    text: String,
    value: Value,
    unit: Value,
    kind: String,
    hedge: Value,
    start: usize,
    end: usize,
}

impl Report {
    fn sentence(&self, id: &str) -> &Sentence {
        self.sentences.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no sentence {id}"))
    }

    fn mentions(&self) -> impl Iterator<Item = &Mention> {
        self.sentences.iter().flat_map(|s| &s.numbers)
    }
}

/// Runs `scan FILE --format json`, checks that it succeeded, and parses the report.
fn scan_json(file: &str) -> Report {
    let output = tracebrief(&["scan", file, "--format", "json"], &[]);
    assert_succeeded(&output);
    serde_json::from_slice(&output.stdout).expect("scan --format json prints its JSON")
}

fn assert_succeeded(output: &Output) {
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(output));
    assert!(output.stderr.is_empty(), "stderr: {}", stderr(output));
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn slice(bytes: &[u8], start: usize, end: usize) -> &str {
    let part = bytes
        .get(start..end)
        .unwrap_or_else(|| panic!("span {start}..{end} is outside the file ({} bytes)", bytes.len()));
    std::str::from_utf8(part).unwrap_or_else(|_| panic!("span {start}..{end} does not fall on character boundaries"))
}

/// Every span of `report` slices `file` to what the report says it is:
/// sentences in order, without surrounding white space, their text the
/// slice on one line; mentions inside their sentence, their text the slice.
fn assert_spans_slice_the_file(report: &Report, file: &[u8]) {
    let mut previous_end = 0;
    for s in &report.sentences {
        assert!(previous_end <= s.start && s.start < s.end, "{} {}..{} is out of order", s.id, s.start, s.end);
        previous_end = s.end;
        let raw = slice(file, s.start, s.end);
        assert_eq!(raw, raw.trim(), "{}'s span has white space at an edge", s.id);
        assert_eq!(one_line(raw), s.text, "{}'s text is not its span", s.id);
        for m in &s.numbers {
            assert!(s.start <= m.start && m.end <= s.end, "{:?} lies outside {}", m.text, s.id);
            assert_eq!(slice(file, m.start, m.end), m.text, "{}: the span of {:?}", s.id, m.text);
        }
    }
}

/// `value` is a JSON number written exactly as `expected` (2.3, never 2.2999…).
fn assert_number(value: &Value, expected: &str) {
    assert!(value.is_number(), "{value} is not a JSON number");
    assert_eq!(value.to_string(), expected);
}

fn assert_mention(m: &Mention, text: &str, value: &str, unit: Option<&str>, kind: &str, hedge: Option<&str>) {
    assert_eq!(m.text, text);
    assert_number(&m.value, value);
    assert_eq!(m.unit, unit.map_or(Value::Null, Value::from), "unit of {text:?}");
    assert_eq!(m.kind, kind, "kind of {text:?}");
    assert_eq!(m.hedge, hedge.map_or(Value::Null, Value::from), "hedge of {text:?}");
}

// --- the shipped seed, as JSON ---

#[test]
fn json_of_the_seed_numbers_its_22_sentences_and_names_the_file() {
    let report = scan_json(SEED);
    assert_eq!(report.file, SEED);
    let ids: Vec<&str> = report.sentences.iter().map(|s| s.id.as_str()).collect();
    let expected: Vec<String> = (1..=22).map(|n| format!("s{n}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn json_of_the_seed_has_spans_that_slice_the_file() {
    assert_spans_slice_the_file(&scan_json(SEED), &seed_bytes());
}

#[test]
fn json_of_the_seed_joins_the_hard_wrapped_sentence_into_one() {
    let report = scan_json(SEED);
    let file = String::from_utf8(seed_bytes()).expect("the seed is UTF-8");
    let lines: Vec<&str> = file.split('\n').collect();
    let line_start = |n: usize| lines[..n - 1].iter().map(|l| l.len() + 1).sum::<usize>();

    let s5 = report.sentence("s5");
    assert_eq!(s5.start, line_start(5), "s5 starts line 5");
    assert_eq!(s5.end, line_start(6) + lines[5].len(), "s5 ends line 6");
    assert_eq!(s5.text, format!("{} {}", lines[4], lines[5]));
    assert!(!s5.text.contains('\n'));
    assert!(s5.text.contains("US President Donald Trump"), "{}", s5.text);
}

#[test]
fn json_of_the_seed_reads_upwards_of_100000_in_s16() {
    let report = scan_json(SEED);
    let s16 = report.sentence("s16");
    assert!(s16.text.starts_with("Prior discussions"), "{}", s16.text);
    let [troops] = s16.numbers.as_slice() else {
        panic!("s16 should have exactly one mention, has {:?}", s16.numbers);
    };
    assert_mention(troops, "upwards of 100,000", "100000", None, "count", Some("upwards of"));
    assert_eq!(slice(&seed_bytes(), troops.start, troops.end), "upwards of 100,000");
}

#[test]
fn json_of_the_seed_reads_both_percentages_of_s17() {
    let report = scan_json(SEED);
    let [now, target] = report.sentence("s17").numbers.as_slice() else {
        panic!("s17 should have two mentions, has {:?}", report.sentence("s17").numbers);
    };
    assert_mention(now, "approximately 2.3%", "2.3", Some("%"), "percent", Some("approximately"));
    assert_mention(target, "2.5%", "2.5", Some("%"), "percent", None);
}

#[test]
fn json_of_the_seed_has_no_other_mentions() {
    let report = scan_json(SEED);
    let texts: Vec<&str> = report.mentions().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["upwards of 100,000", "approximately 2.3%", "2.5%"]);
}

#[test]
fn json_values_are_numbers_for_quantities_and_iso_strings_for_dates_and_times() {
    let dir = TempDir::new().unwrap();
    let text = "The talks on June 13, 2025 began at 9:30 p.m. and cost £2.5bn, about 40% more than in 1993.\n\
                The share rose 3 pp in the 1990s, and two-thirds agreed on 1 March.\n";
    let file = write_file(&dir, "kinds.txt", text);
    let report = scan_json(path_arg(&file));
    assert_spans_slice_the_file(&report, text.as_bytes());

    let mention = |text: &str| {
        report
            .mentions()
            .find(|m| m.text == text)
            .unwrap_or_else(|| panic!("no mention {text:?} in {:?}", report.mentions().collect::<Vec<_>>()))
    };
    let iso = |text: &str, kind: &str, expected: &str| {
        let m = mention(text);
        assert_eq!(m.kind, kind, "kind of {text:?}");
        assert_eq!(m.value, Value::from(expected), "a {kind}'s value is an ISO 8601 string");
    };
    iso("June 13, 2025", "date", "2025-06-13");
    iso("9:30 p.m.", "time", "21:30");
    iso("1 March", "date", "--03-01");
    assert_mention(mention("£2.5bn"), "£2.5bn", "2500000000", Some("GBP"), "money", None);
    assert_mention(mention("about 40%"), "about 40%", "40", Some("%"), "percent", Some("about"));
    assert_mention(mention("1993"), "1993", "1993", None, "year", None);
    assert_mention(mention("3 pp"), "3 pp", "3", Some("pp"), "percent", None);
    assert_mention(mention("two-thirds"), "two-thirds", "0.666667", None, "count", None);

    for m in report.mentions() {
        match m.kind.as_str() {
            "date" | "time" => assert!(m.value.is_string(), "{m:?}"),
            _ => assert!(m.value.is_number(), "{m:?}"),
        }
    }
}

// --- the shipped seed, for people ---

#[test]
fn human_report_of_the_seed_marks_mentions_in_brackets_without_colour() {
    let output = tracebrief(&["scan", SEED], &[("NO_COLOR", "1".as_ref())]);
    assert_succeeded(&output);
    let report = stdout(&output);
    assert!(!report.contains("\x1b["), "NO_COLOR output has ANSI escapes:\n{report}");
    let s16 = report.lines().find(|l| l.starts_with("s16")).unwrap_or_else(|| panic!("no line for s16:\n{report}"));
    assert!(s16.contains("[upwards of 100,000]"), "{s16}");
    assert!(
        report.lines().any(|l| l.contains("22 sentences") && l.contains("3 number mentions")),
        "no summary line naming 22 sentences and 3 number mentions:\n{report}"
    );
}

#[test]
fn human_report_without_no_color_has_no_colour_on_a_pipe() {
    let output = tracebrief(&["scan", SEED], &[]);
    assert_succeeded(&output);
    assert!(!stdout(&output).contains("\x1b["), "{}", stdout(&output));
}

// --- bad input: exit 2, nothing on stdout, one line on stderr ---

/// The run failed as bad input does: exit code 2, an empty
/// stdout, and one `error:` line naming `file` and containing one of `what`.
fn assert_input_error(output: &Output, file: &Path, what: &[&str]) {
    let message = stderr(output);
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(output.status.code(), Some(2), "stderr: {message}");
    assert!(output.stdout.is_empty(), "stdout: {}", stdout(output));
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines.len(), 1, "stderr should be one line: {message:?}");
    assert!(lines[0].starts_with("error:"), "{message}");
    assert!(lines[0].contains(path_arg(file)), "the message does not name {}: {message}", file.display());
    let lower = lines[0].to_lowercase();
    assert!(what.iter().any(|w| lower.contains(&w.to_lowercase())), "the message does not say {what:?}: {message}");
}

/// Scans `bytes` in both formats, checks that each run is an input error
/// saying one of `what`, and returns the message.
fn scan_bad_input(name: &str, bytes: &[u8], what: &[&str]) -> String {
    let dir = TempDir::new().unwrap();
    let file = write_file(&dir, name, bytes);
    let mut message = String::new();
    for format in ["human", "json"] {
        let output = tracebrief(&["scan", path_arg(&file), "--format", format], &[]);
        assert_input_error(&output, &file, what);
        message = stderr(&output).to_string();
    }
    message
}

#[test]
fn a_missing_file_is_an_input_error() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("missing.txt");
    let output = tracebrief(&["scan", path_arg(&file)], &[]);
    assert_input_error(&output, &file, &["no such file", "not found", "does not exist"]);
}

#[test]
fn a_directory_is_an_input_error() {
    let dir = TempDir::new().unwrap();
    let output = tracebrief(&["scan", path_arg(dir.path())], &[]);
    assert_input_error(&output, dir.path(), &["directory"]);
}

#[test]
fn invalid_utf8_is_an_input_error_naming_the_byte() {
    let message = scan_bad_input("latin1.txt", b"ok\nab\xffcd", &["byte 5"]);
    assert!(message.contains("UTF-8"), "{message}");
}

#[test]
fn an_empty_file_is_an_input_error() {
    scan_bad_input("empty.txt", b"", &["empty"]);
}

#[test]
fn a_whitespace_only_file_is_an_input_error() {
    scan_bad_input("blank.txt", b" \n\r\n\t\n", &["empty", "blank", "no text"]);
}

#[test]
fn a_file_with_only_a_byte_order_mark_is_an_input_error() {
    scan_bad_input("bom.txt", b"\xef\xbb\xbf\n", &["empty", "blank", "no text"]);
}

#[test]
fn a_file_with_a_nul_byte_is_an_input_error() {
    scan_bad_input("binary.txt", b"one\0two.", &["NUL"]);
}

// --- usage errors: exit 2, clap's message on stderr ---

fn assert_usage_error(output: &Output, what: &str) {
    let message = stderr(output);
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(output.status.code(), Some(2), "stderr: {message}");
    assert!(output.stdout.is_empty(), "stdout: {}", stdout(output));
    assert!(message.contains(what), "stderr does not mention {what:?}: {message}");
}

#[test]
fn scan_without_a_file_is_a_usage_error() {
    assert_usage_error(&tracebrief(&["scan"], &[]), "FILE");
}

#[test]
fn scan_with_an_unknown_format_is_a_usage_error() {
    assert_usage_error(&tracebrief(&["scan", SEED, "--format", "xml"], &[]), "xml");
}

#[test]
fn no_command_at_all_is_a_usage_error() {
    assert_usage_error(&tracebrief::<&str>(&[], &[]), "Usage");
}

// --- big inputs: they finish, and the result is right (not timed) ---

/// A news-like text of at least `min_bytes`: paragraphs of four sentences
/// with money, dates, percentages, hedges, ranges, abbreviations and, in
/// every third paragraph, a sentence hard-wrapped over two lines. Returns
/// the text and its number of paragraphs.
fn news_text(min_bytes: usize) -> (String, usize) {
    const WORDS: [&str; 5] = ["two", "three", "seven", "twelve", "twenty-one"];
    let mut text = String::with_capacity(min_bytes + 1024);
    let mut paragraphs = 0;
    while text.len() < min_bytes {
        let i = paragraphs;
        let wrap = if i % 3 == 0 { "\n" } else { " " };
        let _ = write!(
            text,
            "The council of district {i} approved a budget of £{}.{}bn on June {}, 2024, about {}.{}% more than last year.\n\
             Officials said upwards of {},000 people would benefit, while{wrap}{} schools are set to close.\n\
             The mayor told reporters at 9:30 p.m. that the plan would cost ${} billion over seven to nine years.\n\
             Critics, including Dr. Jane Smith of the U.S. office, said two-thirds of residents opposed it.\n\n",
            i % 90 + 1,
            i % 10,
            i % 28 + 1,
            i % 50,
            i % 7,
            troops(i),
            WORDS[i % 5],
            i % 400 + 10,
        );
        paragraphs += 1;
    }
    (text, paragraphs)
}

/// The thousands of people of paragraph `i` of [`news_text`].
fn troops(i: usize) -> usize {
    (i * 37) % 900 + 100
}

/// Scans a generated news text of `min_bytes` and checks every paragraph's
/// sentences and its `upwards of …,000` mention.
fn scan_generated_news(min_bytes: usize) {
    let dir = TempDir::new().unwrap();
    let (text, paragraphs) = news_text(min_bytes);
    let file = write_file(&dir, "news.txt", &text);
    let report = scan_json(path_arg(&file));

    assert_eq!(report.sentences.len(), 4 * paragraphs, "four sentences per paragraph");
    for (n, s) in report.sentences.iter().enumerate() {
        assert_eq!(s.id, format!("s{}", n + 1));
    }
    for (i, paragraph) in report.sentences.chunks(4).enumerate() {
        let officials = &paragraph[1];
        assert!(officials.text.starts_with("Officials said"), "{}: {}", officials.id, officials.text);
        let hedged = officials.numbers.first().unwrap_or_else(|| panic!("{} has no mentions", officials.id));
        assert_mention(
            hedged,
            &format!("upwards of {},000", troops(i)),
            &(troops(i) * 1000).to_string(),
            None,
            "count",
            Some("upwards of"),
        );
    }
    assert_spans_slice_the_file(&report, text.as_bytes());
}

#[test]
fn a_2_mb_news_file_scans_to_every_sentence() {
    scan_generated_news(2_000_000);
}

#[test]
#[ignore = "slow in debug; run with --release -- --ignored"]
fn a_50_mb_news_file_scans_to_every_sentence() {
    scan_generated_news(50_000_000);
}

#[test]
fn a_1_mb_line_without_punctuation_is_one_sentence() {
    const WORDS: [&str; 8] = ["alpha", "beta", "gamma", "delta", "seven", "district", "council", "budget"];
    let mut line = String::with_capacity(1 << 20);
    for word in WORDS.iter().cycle() {
        if line.len() + word.len() + 1 > 1 << 20 {
            break;
        }
        line.push_str(word);
        line.push(' ');
    }
    let line = line.trim_end();
    let dir = TempDir::new().unwrap();
    let file = write_file(&dir, "line.txt", format!("{line}\n"));
    let report = scan_json(path_arg(&file));

    let [sentence] = report.sentences.as_slice() else {
        panic!("expected one sentence, got {}", report.sentences.len());
    };
    assert_eq!((sentence.start, sentence.end), (0, line.len()));
    assert_eq!(sentence.text, line);
    assert_eq!(sentence.numbers.len(), line.matches("seven").count(), "every `seven` is a mention");
}

// --- line endings ---

#[test]
fn crlf_seed_gives_the_same_sentences_and_mentions_as_lf() {
    let lf = scan_json(SEED);
    let dir = TempDir::new().unwrap();
    let crlf_bytes = String::from_utf8(seed_bytes()).unwrap().replace('\n', "\r\n");
    let file = write_file(&dir, "crlf.txt", &crlf_bytes);
    let crlf = scan_json(path_arg(&file));
    assert_spans_slice_the_file(&crlf, crlf_bytes.as_bytes());

    let sentences = |r: &Report| r.sentences.iter().map(|s| (s.id.clone(), s.text.clone())).collect::<Vec<_>>();
    assert_eq!(sentences(&crlf), sentences(&lf));
    let mentions = |r: &Report| {
        r.mentions()
            .map(|m| (m.text.clone(), m.value.to_string(), m.unit.clone(), m.kind.clone(), m.hedge.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(mentions(&crlf), mentions(&lf));
    assert_ne!(crlf.sentence("s22").start, lf.sentence("s22").start, "CRLF offsets count the CRs");
}

// --- help and version ---

#[test]
fn help_lists_the_scan_command() {
    let output = tracebrief(&["--help"], &[]);
    assert_succeeded(&output);
    assert!(stdout(&output).lines().any(|l| l.trim_start().starts_with("scan")), "{}", stdout(&output));
}

#[test]
fn scan_help_lists_the_formats() {
    let output = tracebrief(&["scan", "--help"], &[]);
    assert_succeeded(&output);
    let help = stdout(&output);
    assert!(help.contains("--format") && help.contains("json") && help.contains("human"), "{help}");
}

#[test]
fn version_prints_the_version() {
    let output = tracebrief(&["--version"], &[]);
    assert_succeeded(&output);
    assert!(stdout(&output).contains(env!("CARGO_PKG_VERSION")), "{}", stdout(&output));
}
