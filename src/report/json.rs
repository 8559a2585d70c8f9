//! The JSON report of `check`: `ok`, counts, every diagnostic, every fact.

use std::io::{self, Write};

use serde::Serialize;

use super::Outcome;
use crate::diagnostic::{Diagnostic, Severity};
use crate::trace::FactKind;

#[derive(Serialize)]
struct Report<'a> {
    ok: bool,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    facts: Vec<JsonFact<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'a str,
    message: &'a str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    message: &'a str,
    file: String,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct JsonFact<'a> {
    briefing: &'a str,
    kind: FactKind,
    id: &'a str,
    status: &'static str,
    sentence: Option<String>,
    mention: Option<&'a str>,
    start: Option<usize>,
    end: Option<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    also: Vec<String>,
}

pub(super) fn write(outcome: &Outcome, out: &mut impl Write) -> io::Result<()> {
    let tally = outcome.tally();
    let report = Report {
        ok: tally.passes(outcome.strict),
        errors: tally.errors,
        warnings: tally.warnings,
        diagnostics: outcome.diagnostics.iter().map(|d| diagnostic(outcome, d)).collect(),
        facts: facts(outcome),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

fn diagnostic<'a>(outcome: &Outcome, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        severity: d.severity,
        code: d.code,
        message: &d.message,
        file: d.file.as_ref().map(|f| outcome.shown(f).display().to_string()),
        line: d.line(),
        column: d.column(),
        help: d.help.as_deref(),
        related: d
            .related
            .iter()
            .map(|r| JsonRelated {
                message: &r.message,
                file: outcome.shown(&r.place.file).display().to_string(),
                line: r.place.line,
                column: r.place.column,
            })
            .collect(),
    }
}

fn facts<'a>(outcome: &Outcome<'a>) -> Vec<JsonFact<'a>> {
    let Some(trace) = outcome.trace else { return Vec::new() };
    trace
        .facts
        .iter()
        .map(|f| JsonFact {
            briefing: &f.briefing,
            kind: f.kind,
            id: &f.id,
            status: if f.stated.is_some() { "traced" } else { "untraced" },
            sentence: f.stated.as_ref().map(|s| format!("s{}", s.sentence)),
            mention: f.stated.as_ref().map(|s| s.text.as_str()),
            start: f.stated.as_ref().map(|s| s.span.start),
            end: f.stated.as_ref().map(|s| s.span.end),
            also: {
                let mut ids: Vec<String> = f.also.iter().map(|s| format!("s{}", s.sentence)).collect();
                ids.dedup();
                ids
            },
        })
        .collect()
}
