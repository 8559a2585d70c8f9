//! SARIF 2.1.0, for code-scanning services and SARIF viewers: one run of
//! tracebrief, one rule per diagnostic code that occurs in it, and one result
//! a diagnostic, with its place, its related places and its help line.
//!
//! The traced facts are not in the log: SARIF describes problems, not what
//! passed (the JSON report has the facts). Nothing here reads a file; the
//! end of a region comes from the texts already in `Sources`.
//!
//! Checked against the OASIS schema with the `id`
//! `https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json`,
//! whose `required` lists are: sarifLog `version`, `runs`; run `tool`; tool
//! `driver`; toolComponent `name`; reportingDescriptor `id`;
//! multiformatMessageString `text`; result `message`; message `text` or `id`;
//! physicalLocation `artifactLocation` or `address`; region `startLine`,
//! `charOffset` or `byteOffset`; location and artifactLocation nothing.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Component, Path};

use serde::Serialize;

use super::Outcome;
use crate::diagnostic::{Diagnostic, Place, Severity};
use crate::error::Location;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The base of every relative artifact URI: the project root when it was given
/// as an absolute path, else the directory tracebrief ran in (the paths are
/// then the ones the other reports show, which start with the root).
const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    original_uri_base_ids: BTreeMap<&'static str, BaseLocation>,
    /// `Place::column` counts characters, not UTF-16 code units.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    short_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Text>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

/// A `message` or a `multiformatMessageString`.
#[derive(Serialize)]
struct Text {
    text: String,
}

/// What `%SRCROOT%` stands for: an absolute URI ending in `/`, or, when the
/// log cannot know it without reading the machine, only a description.
#[derive(Serialize)]
struct BaseLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_length: Option<usize>,
}

pub(super) fn write(outcome: &Outcome, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(outcome))?;
    writeln!(out)
}

fn log<'a>(outcome: &Outcome<'a>) -> Log<'a> {
    let rules = rules(outcome.diagnostics);
    let index: BTreeMap<&str, usize> = rules.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let results = outcome
        .diagnostics
        .iter()
        // every code has its rule: `rules` is made from the same diagnostics
        .map(|d| result(outcome, d, index[d.code]))
        .collect();
    Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool { driver: Driver { name: "tracebrief", version: env!("CARGO_PKG_VERSION"), rules } },
            original_uri_base_ids: BTreeMap::from([(SRCROOT, base_location(outcome.root))]),
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

/// One rule for every code tracebrief has, sorted by code, even on a clean
/// run (code-scanning services list the rules a tool checks). A rule's level
/// is the most severe one its code has in this run, else the code's own.
fn rules(diagnostics: &[Diagnostic]) -> Vec<Rule<'_>> {
    let mut severities: BTreeMap<&str, Severity> =
        crate::diagnostic::CODES.iter().map(|(code, _)| (*code, default_severity(code))).collect();
    let mut seen: BTreeMap<&str, Severity> = BTreeMap::new();
    for d in diagnostics {
        seen.entry(d.code)
            // `Severity` orders errors first
            .and_modify(|s| *s = (*s).min(d.severity))
            .or_insert(d.severity);
    }
    severities.extend(seen);
    severities
        .into_iter()
        .map(|(code, severity)| Rule {
            id: code,
            short_description: Text { text: describe(code) },
            full_description: crate::diagnostic::explain(code).map(|text| Text { text: text.to_string() }),
            default_configuration: Configuration { level: level(severity) },
        })
        .collect()
}

/// The severity a code is reported with (docs/diagnostics.md).
fn default_severity(code: &str) -> Severity {
    const WARNINGS: &[&str] = &[
        "dropped-hedge",
        "qualifier-mismatch",
        "ambiguous-figure",
        "labels-swapped",
        "label-elsewhere",
        "label-repeated",
        "number-traced-twice",
        "label-beside-another",
        "label-names-another",
        "label-contradicts",
        "actor-out-of-context",
        "actor-beside-another",
        "speaker-not-named",
        "role-conflict",
    ];
    if code == "also-stated" {
        Severity::Note
    } else if WARNINGS.contains(&code) {
        Severity::Warning
    } else {
        Severity::Error
    }
}

/// `untraced-number` → `Untraced number`.
fn describe(code: &str) -> String {
    let words = code.replace('-', " ");
    let mut chars = words.chars();
    chars.next().map_or(String::new(), |first| first.to_uppercase().chain(chars).collect())
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn result<'a>(outcome: &Outcome, d: &'a Diagnostic, rule_index: usize) -> SarifResult<'a> {
    let locations = match (&d.place, &d.file) {
        (Some(place), _) => vec![location(outcome, place, None, d.label.as_deref())],
        (None, Some(file)) => vec![SarifLocation {
            id: None,
            physical_location: PhysicalLocation { artifact_location: artifact_location(outcome, file), region: None },
            message: None,
        }],
        (None, None) => Vec::new(),
    };
    let related_locations =
        d.related.iter().enumerate().map(|(i, r)| location(outcome, &r.place, Some(i + 1), Some(&r.message))).collect();
    SarifResult {
        rule_id: d.code,
        rule_index,
        level: level(d.severity),
        message: Text { text: message(outcome, d) },
        locations,
        related_locations,
    }
}

/// The message, a line a related place with an embedded link to its
/// `relatedLocations` entry (the ids count from 1), then the help line.
fn message(outcome: &Outcome, d: &Diagnostic) -> String {
    let mut text = plain(&d.message);
    for (i, r) in d.related.iter().enumerate() {
        let place = format!("{}:{}:{}", outcome.shown(&r.place.file).display(), r.place.line, r.place.column);
        text.push_str(&format!("\n{}: [{}]({})", plain(&r.message), escape_brackets(&place), i + 1));
    }
    if let Some(help) = &d.help {
        text.push_str(&format!("\nhelp: {}", plain(help)));
    }
    text
}

/// Text outside a link: SARIF reads `[text](target)` in a plain message as a
/// link, so brackets are escaped where the text could be read as one.
fn plain(text: &str) -> String {
    if text.contains("](") { escape_brackets(text) } else { text.to_string() }
}

fn escape_brackets(text: &str) -> String {
    text.replace('\\', "\\\\").replace('[', "\\[").replace(']', "\\]")
}

fn location(outcome: &Outcome, place: &Place, id: Option<usize>, message: Option<&str>) -> SarifLocation {
    SarifLocation {
        id,
        physical_location: PhysicalLocation {
            artifact_location: artifact_location(outcome, &place.file),
            region: Some(region(outcome, place)),
        },
        message: message.map(|m| Text { text: m.to_string() }),
    }
}

/// The place's line and column; for a non-empty span also its end (when the
/// text is at hand) and its bytes.
fn region(outcome: &Outcome, place: &Place) -> Region {
    let span = &place.span;
    let mut region = Region {
        start_line: place.line,
        start_column: place.column,
        end_line: None,
        end_column: None,
        byte_offset: None,
        byte_length: None,
    };
    if span.is_empty() {
        return region;
    }
    region.byte_offset = Some(span.start);
    region.byte_length = Some(span.len());
    if let Some(excerpt) = outcome.sources.excerpt(&place.file, span) {
        // an excerpt begins a line: only the line is shifted
        let end = Location::of_offset(excerpt.text, excerpt.span.end);
        region.end_line = Some(excerpt.line + end.line - 1);
        region.end_column = Some(end.column);
    }
    region
}

fn artifact_location(outcome: &Outcome, file: &Path) -> ArtifactLocation {
    let path = if outcome.root.is_absolute() { file.to_path_buf() } else { outcome.shown(file) };
    if path.is_absolute() {
        // a file named outside the root: an absolute URI has no base
        ArtifactLocation { uri: format!("file://{}", uri_path(&path)), uri_base_id: None }
    } else {
        ArtifactLocation { uri: uri_path(&path), uri_base_id: Some(SRCROOT) }
    }
}

fn base_location(root: &Path) -> BaseLocation {
    if root.is_absolute() {
        let mut uri = format!("file://{}", uri_path(root));
        if !uri.ends_with('/') {
            uri.push('/');
        }
        BaseLocation { uri: Some(uri), description: None }
    } else {
        BaseLocation { uri: None, description: Some(Text { text: "The directory tracebrief ran in.".to_string() }) }
    }
}

/// A path as the path of a URI: `/` between segments, `.` segments dropped,
/// every byte but the unreserved ones percent-encoded.
fn uri_path(path: &Path) -> String {
    let mut uri = String::new();
    let mut segments = Vec::new();
    for component in path.components() {
        match component {
            // a Windows drive: `file:///C:/…`
            Component::Prefix(prefix) => {
                uri.push('/');
                uri.push_str(&prefix.as_os_str().to_string_lossy().replace('\\', "/"));
            }
            Component::RootDir => uri.push('/'),
            Component::CurDir => {}
            Component::ParentDir => segments.push("..".to_string()),
            Component::Normal(name) => segments.push(percent_encode(&name.to_string_lossy())),
        }
    }
    uri.push_str(&segments.join("/"));
    uri
}

fn percent_encode(segment: &str) -> String {
    let mut encoded = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Sources;
    use serde_json::Value;

    const YAML: &str = "title: A briefing\nfigures:\n  - id: troops\n    value: 2.4\n";
    const SEED: &str = "Officials said 2.3% of troops.\n";

    fn sources() -> Sources {
        let mut sources = Sources::default();
        sources.add(Path::new("content/x.yaml"), YAML);
        sources.add(Path::new("seeds/x.txt"), SEED);
        sources
    }

    /// An error at a place with a related place, a warning naming a file only,
    /// and a second error of the first code.
    fn diagnostics() -> Vec<Diagnostic> {
        let value = YAML.find("2.4").unwrap_or_default();
        let mention = SEED.find("2.3%").unwrap_or_default();
        vec![
            Diagnostic::error("untraced-number", "2.4 is not stated in any sentence of seeds/x.txt")
                .at(Place::new(Path::new("content/x.yaml"), YAML, value..value + 3))
                .label("not in the seed")
                .related(Place::new(Path::new("seeds/x.txt"), SEED, mention..mention + 4), "closest mention")
                .help("correct the value or the seed"),
            Diagnostic::warning("dropped-hedge", "the seed says `about`").in_file(Path::new("content/x.yaml")),
            Diagnostic::error("untraced-number", "a second one").at(Place::new(
                Path::new("content/x.yaml"),
                YAML,
                0..5,
            )),
        ]
    }

    fn sarif(root: &str, diagnostics: &[Diagnostic]) -> (String, Value) {
        let sources = sources();
        let outcome = Outcome { root: Path::new(root), diagnostics, trace: None, strict: false, sources: &sources };
        let mut out = Vec::new();
        write(&outcome, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let value = serde_json::from_str(&text).unwrap();
        (text, value)
    }

    /// The `required` lists of the schema (see the module comment) for what
    /// this report writes.
    fn assert_required(log: &Value) {
        let has = |v: &Value, key: &str, what: &str| assert!(v.get(key).is_some(), "{what} lacks `{key}`: {v}");
        has(log, "version", "sarifLog");
        has(log, "runs", "sarifLog");
        for run in log["runs"].as_array().unwrap() {
            has(run, "tool", "run");
            has(&run["tool"], "driver", "tool");
            has(&run["tool"]["driver"], "name", "toolComponent");
            for rule in run["tool"]["driver"]["rules"].as_array().unwrap() {
                has(rule, "id", "reportingDescriptor");
                has(&rule["shortDescription"], "text", "multiformatMessageString");
            }
            for result in run["results"].as_array().unwrap() {
                has(result, "message", "result");
                has(&result["message"], "text", "message");
                let locations = result["locations"].as_array().unwrap().iter();
                let related = result.get("relatedLocations").and_then(Value::as_array).into_iter().flatten();
                for location in locations.chain(related) {
                    let physical = &location["physicalLocation"];
                    has(physical, "artifactLocation", "physicalLocation");
                    if let Some(region) = physical.get("region") {
                        has(region, "startLine", "region");
                        assert!(region["startLine"].as_u64() >= Some(1) && region["startColumn"].as_u64() >= Some(1));
                    }
                }
            }
        }
    }

    #[test]
    fn a_log_of_one_run_with_a_rule_a_code() {
        let (_, log) = sarif(".", &diagnostics());
        assert_eq!(log["version"], "2.1.0");
        assert_eq!(log["$schema"], SCHEMA);
        assert_eq!(log["runs"].as_array().unwrap().len(), 1);
        assert_required(&log);
        let run = &log["runs"][0];
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "tracebrief");
        assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
        let ids: Vec<&str> = driver["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        let mut every: Vec<&str> = crate::diagnostic::CODES.iter().map(|(code, _)| *code).collect();
        every.sort();
        assert_eq!(ids, every, "every rule, sorted by code");
        let rule = |id: &str| &driver["rules"][ids.iter().position(|r| *r == id).unwrap()];
        assert_eq!(rule("untraced-number")["shortDescription"]["text"], "Untraced number");
        assert_eq!(rule("dropped-hedge")["defaultConfiguration"]["level"], "warning");
        assert_eq!(rule("untraced-number")["defaultConfiguration"]["level"], "error");
        assert_eq!(rule("also-stated")["defaultConfiguration"]["level"], "note");

        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 3);
        for result in results {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(driver["rules"][index]["id"], result["ruleId"]);
        }
        let levels: Vec<&str> = results.iter().map(|r| r["level"].as_str().unwrap()).collect();
        assert_eq!(levels, ["error", "warning", "error"]);
    }

    #[test]
    fn a_result_points_at_its_place_and_its_related_place() {
        let (_, log) = sarif(".", &diagnostics());
        let result = &log["runs"][0]["results"][0];
        assert_eq!(
            result["message"]["text"],
            "2.4 is not stated in any sentence of seeds/x.txt\n\
             closest mention: [seeds/x.txt:1:16](1)\n\
             help: correct the value or the seed"
        );
        let location = &result["locations"][0];
        assert_eq!(location["message"]["text"], "not in the seed");
        let physical = &location["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], "content/x.yaml");
        assert_eq!(physical["artifactLocation"]["uriBaseId"], SRCROOT);
        let region = &physical["region"];
        assert_eq!((&region["startLine"], &region["startColumn"]), (&4.into(), &12.into()));
        assert_eq!((&region["endLine"], &region["endColumn"]), (&4.into(), &15.into()));
        assert_eq!(region["byteOffset"], YAML.find("2.4").unwrap());
        assert_eq!(region["byteLength"], 3);

        let related = result["relatedLocations"].as_array().unwrap();
        assert_eq!(related.len(), 1);
        assert_eq!(related[0]["id"], 1);
        assert_eq!(related[0]["message"]["text"], "closest mention");
        let physical = &related[0]["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], "seeds/x.txt");
        assert_eq!((&physical["region"]["startLine"], &physical["region"]["startColumn"]), (&1.into(), &16.into()));
    }

    #[test]
    fn a_diagnostic_without_a_place_names_its_file_or_nothing() {
        let mut diagnostics = diagnostics();
        diagnostics.push(Diagnostic::input("no-project", "/nowhere is not a folder"));
        let (_, log) = sarif(".", &diagnostics);
        let results = &log["runs"][0]["results"];
        assert_eq!(
            results[1]["locations"][0]["physicalLocation"],
            serde_json::json!({"artifactLocation": {"uri": "content/x.yaml", "uriBaseId": "%SRCROOT%"}})
        );
        assert_eq!(results[1].get("relatedLocations"), None);
        assert_eq!(results[3]["locations"], serde_json::json!([]));
        assert_required(&log);
    }

    #[test]
    fn no_diagnostics_give_a_run_with_no_results() {
        let (_, log) = sarif(".", &[]);
        assert_required(&log);
        let run = &log["runs"][0];
        assert_eq!(run["results"], serde_json::json!([]));
        // a clean run still lists every rule tracebrief checks
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), crate::diagnostic::CODES.len());
        assert!(rules.iter().all(|r| r["fullDescription"]["text"].is_string()), "{rules:?}");
    }

    #[test]
    fn uris_are_relative_to_the_srcroot_the_run_names() {
        let (_, log) = sarif("briefs", &diagnostics());
        let run = &log["runs"][0];
        assert_eq!(
            run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "briefs/content/x.yaml"
        );
        assert!(run["originalUriBaseIds"][SRCROOT].get("uri").is_none());
        assert!(run["originalUriBaseIds"][SRCROOT]["description"]["text"].is_string());

        let (_, log) = sarif("/srv/my briefs", &diagnostics());
        let run = &log["runs"][0];
        assert_eq!(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "content/x.yaml");
        assert_eq!(run["originalUriBaseIds"][SRCROOT]["uri"], "file:///srv/my%20briefs/");
    }

    #[test]
    fn paths_are_percent_encoded() {
        let cases = [
            ("content/x.yaml", "content/x.yaml"),
            ("./content/x.yaml", "content/x.yaml"),
            ("../up/x.yaml", "../up/x.yaml"),
            ("content/a b#c.yaml", "content/a%20b%23c.yaml"),
            ("content/Élysée.yaml", "content/%C3%89lys%C3%A9e.yaml"),
            ("content/a:b.yaml", "content/a%3Ab.yaml"),
        ];
        for (path, uri) in cases {
            assert_eq!(uri_path(Path::new(path)), uri, "{path}");
        }
    }

    #[test]
    fn brackets_that_could_read_as_a_link_are_escaped() {
        assert_eq!(plain("a [list] of things"), "a [list] of things");
        assert_eq!(plain("see [here](1)"), "see \\[here\\](1)");
        assert_eq!(escape_brackets("a\\b[0]"), "a\\\\b\\[0\\]");
    }

    #[test]
    fn the_same_outcome_gives_the_same_bytes() {
        let (first, _) = sarif(".", &diagnostics());
        let (second, _) = sarif(".", &diagnostics());
        assert_eq!(first, second);
        assert!(first.ends_with("}\n"));
    }
}
