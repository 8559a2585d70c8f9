//! The `scan` command: a seed's sentences and their number mentions, as a
//! report for people (a terminal, with colour when it is one) or as JSON
//! (byte offsets into the file).

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::numbers::{Kind, Mention, Unit, Value};
use crate::source::{Seed, Sentence, squeezed};

#[derive(Serialize)]
struct JsonReport<'a> {
    file: String,
    sentences: JsonSentences<'a>,
}

/// The sentences, serialized one at a time: a 50 MB seed's report is never
/// held in memory whole.
struct JsonSentences<'a> {
    seed: &'a Seed,
    mentions: &'a [Vec<Mention>],
}

impl Serialize for JsonSentences<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let seed = self.seed;
        serializer.collect_seq(seed.sentences.iter().zip(self.mentions).map(|(s, found)| JsonSentence {
            id: s.id(),
            start: s.span.start,
            end: s.span.end,
            text: s.text(&seed.text),
            numbers: found.iter().map(|m| json_mention(seed, m)).collect(),
        }))
    }
}

fn json_mention<'a>(seed: &'a Seed, m: &'a Mention) -> JsonMention<'a> {
    JsonMention {
        text: &seed.text[m.span.clone()],
        value: &m.value,
        unit: m.unit,
        kind: m.kind,
        hedge: m.hedge,
        start: m.span.start,
        end: m.span.end,
    }
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    id: String,
    start: usize,
    end: usize,
    text: String,
    numbers: Vec<JsonMention<'a>>,
}

#[derive(Serialize)]
struct JsonMention<'a> {
    text: &'a str,
    value: &'a Value,
    unit: Option<Unit>,
    kind: Kind,
    hedge: Option<&'static str>,
    start: usize,
    end: usize,
}

/// Writes the JSON of a scan.
pub fn write_json(seed: &Seed, mentions: &[Vec<Mention>], mut out: impl Write) -> io::Result<()> {
    let report = JsonReport { file: seed.path.display().to_string(), sentences: JsonSentences { seed, mentions } };
    serde_json::to_writer(&mut out, &report)?;
    writeln!(out)?;
    out.flush()
}

const ID: Style = AnsiColor::Cyan.on_default().bold();
const MENTION: Style = AnsiColor::Yellow.on_default().bold();
const DETAIL: Style = Style::new().dimmed();

/// Writes the report for people: each sentence with its id, its mentions
/// marked (in colour, or in brackets when `colour` is off), and under it
/// each mention's value, unit, kind and hedge.
pub fn write_human(seed: &Seed, mentions: &[Vec<Mention>], colour: bool, mut out: impl Write) -> io::Result<()> {
    let plain = Style::new();
    let (id_style, detail_style) = if colour { (ID, DETAIL) } else { (plain, plain) };
    let width = seed.sentences.len().to_string().len() + 1;
    let mut total = 0;
    for (sentence, found) in seed.sentences.iter().zip(mentions) {
        total += found.len();
        write!(out, "{id_style}{:<width$}{id_style:#}  ", sentence.id())?;
        write_marked(&mut out, seed, sentence, found, colour)?;
        writeln!(out)?;
        for m in found {
            writeln!(out, "{:width$}  {detail_style}· {}{detail_style:#}", "", describe(seed, m))?;
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    writeln!(
        out,
        "{}: {}, {}",
        seed.path.display(),
        plural(seed.sentences.len(), "sentence"),
        plural(total, "number mention")
    )?;
    out.flush()
}

fn write_marked(
    out: &mut impl Write,
    seed: &Seed,
    sentence: &Sentence,
    found: &[Mention],
    colour: bool,
) -> io::Result<()> {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut at = sentence.span.start;
    for m in found {
        write!(out, "{}", squeezed(&seed.text[at..m.span.start]))?;
        let text = one_line(&seed.text[m.span.clone()]);
        if colour {
            write!(out, "{MENTION}{text}{MENTION:#}")?;
        } else {
            write!(out, "[{text}]")?;
        }
        at = m.span.end;
    }
    write!(out, "{}", squeezed(&seed.text[at..sentence.span.end]))
}

fn describe(seed: &Seed, m: &Mention) -> String {
    let text = seed.text[m.span.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
    let kind = format!("{:?}", m.kind).to_lowercase();
    let mut line = format!("{text} = {}", m.value);
    if let Some(unit) = m.unit {
        line.push_str(&format!(" {unit}"));
    }
    line.push_str(&format!(", {kind}"));
    if let Some(hedge) = m.hedge {
        line.push_str(&format!(", hedge \"{hedge}\""));
    }
    line
}
