//! Publishes every money, percent and count mention of a text as a figure,
//! scans the published text back, and reports any that does not read back
//! as the same value and unit: formatting must never round or change a unit.
//!
//! `cargo run --release --example roundtrip -- FILE…`: each FILE is plain
//! text, or a TSV whose header names an `input` column (as the number
//! suites do), each row a text.

use std::process::ExitCode;

use tracebrief::numbers::{self, Kind, Value};
use tracebrief::sheet::{FactUnit, FigureValue};
use tracebrief::site::format;

fn main() -> ExitCode {
    let (mut published, mut failed) = (0, 0);
    for file in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::from(2);
            }
        };
        for input in texts(&text) {
            for m in numbers::scan(&input) {
                let Value::Number(value) = m.value else { continue };
                if !matches!(m.kind, Kind::Count | Kind::Percent | Kind::Money) {
                    continue;
                }
                published += 1;
                let unit = FactUnit::of(m.unit);
                let shown = format::figure(&FigureValue::Number(value), unit.as_ref(), None);
                let back = numbers::scan(&shown);
                let same = back.len() == 1 && back[0].value == m.value && back[0].unit == m.unit;
                if !same {
                    failed += 1;
                    let read: Vec<String> =
                        back.iter().map(|b| format!("{} {}", b.value, b.unit.map_or("-", |u| u.as_str()))).collect();
                    println!(
                        "{:?} in {input:?}: {value} {} published as {shown:?}, read back as {read:?}",
                        &input[m.span.clone()],
                        m.unit.map_or("-", |u| u.as_str())
                    );
                }
            }
        }
    }
    println!("{} of {published} published figures read back as stated", published - failed);
    if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// The texts of a file: the `input` column of a TSV with a header, or else the whole file.
fn texts(file: &str) -> Vec<String> {
    let mut lines = file.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().map(|h| h.split('\t').collect()).unwrap_or_default();
    match header.iter().position(|c| *c == "input") {
        Some(column) => lines
            .filter_map(|l| l.split('\t').nth(column))
            .map(|t| t.replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\"))
            .collect(),
        None => vec![file.to_string()],
    }
}
