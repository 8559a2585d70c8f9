//! A span's two ends: in `ages ranging from 4 to 88`, `between 1.2 and 3.4
//! metres` and `4-88` one number is the least and the other the most. A
//! label that calls the larger one the youngest, the lowest or the least
//! (or the smaller one the oldest, the highest or the most) is
//! `label-contradicts`, whichever order the text gives them in.

use std::ops::Range;

use rust_decimal::Decimal;

use super::Context;
use super::contrasts::{contradicts_pair, says_one_of};
use super::labels::Traced;
use crate::diagnostic::Diagnostic;
use crate::numbers::{Mention, Value};

/// Label words of a span's smaller end.
const LEAST: &[&str] = &["youngest", "lowest", "smallest", "minimum", "shortest", "least", "fewest", "cheapest"];

/// Label words of a span's larger end.
const MOST: &[&str] = &["oldest", "highest", "largest", "biggest", "maximum", "longest", "dearest"];

/// The `label-contradicts` warnings of figures traced to one end of a span
/// whose label gives it the other end's word.
pub(super) fn contradicted(cx: &Context, traced: &[Traced]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for &(figure, s, mention) in traced {
        let Some((said, least)) = says_one_of(&figure.label.value, LEAST, MOST) else { continue };
        let Some((other, span)) = other_end(cx, s, mention) else { continue };
        let (Some(own), Some(theirs)) = (number(mention), number(other)) else { continue };
        if own == theirs || (own < theirs) == least {
            continue;
        }
        let id = cx.sentence_id(s);
        let stated = &cx.seed.text[mention.span.clone()];
        let end = if least { "larger" } else { "smaller" };
        let message = format!(
            "the label of `{}` says `{said}`, but {stated} is the {end} end of {id}'s `{}`",
            figure.id.value,
            &cx.seed.text[span.clone()]
        );
        let this = format!("{stated} is the {end} end of this span");
        found.push(contradicts_pair(cx, figure, &said, message, &span, this));
    }
    found
}

fn number(m: &Mention) -> Option<Decimal> {
    match m.value {
        Value::Number(n) => Some(n),
        _ => None,
    }
}

/// The other end of the span of sentence `s` that `m` is one end of, and
/// the span's words: `from 4 to 88`, `between 1.2 and 3.4`, `4-88`, `4 to
/// 88`. Never a change's (`rose from 4 to 88`) nor a score's, whose ends
/// are the earlier and the later, or two sides.
fn other_end<'c>(cx: &'c Context, s: usize, m: &Mention) -> Option<(&'c Mention, Range<usize>)> {
    let text = &cx.seed.text;
    let mentions = &cx.mentions[s];
    let at = mentions.iter().position(|o| o.span == m.span)?;
    let like = |o: &&Mention| o.kind == m.kind && o.unit == m.unit;
    let span = |a: &Mention, b: &Mention| {
        let between = text.get(a.span.end..b.span.start)?.trim();
        // (in ASCII lower case, whose offsets are the text's)
        let sentence_start = cx.seed.sentences[s].span.start;
        let opening = text[sentence_start..a.span.start].to_ascii_lowercase();
        let mut before = opening.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).rev();
        let last = before.next().unwrap_or_default();
        let opens = ["from", "between"].contains(&last);
        let word_before = if opens { before.next().unwrap_or_default() } else { last };
        let spanned = match between {
            "and" => last == "between",
            "to" => true,
            // `aged 4-88`, not a score's `won 4-1`
            "-" | "–" => SPANNING.contains(&word_before),
            _ => false,
        };
        // `rose from 4 to 88` is a change, not a span
        let changed = CHANGING.iter().any(|stem| word_before.starts_with(stem));
        let start = match opens {
            true => opening.rfind(last).map_or(a.span.start, |at| sentence_start + at),
            false => a.span.start,
        };
        (spanned && !changed).then_some(start..b.span.end)
    };
    let before = mentions[..at].iter().rev().find(like).and_then(|b| span(b, m).map(|r| (b, r)));
    before.or_else(|| mentions[at + 1..].iter().find(like).and_then(|a| span(m, a).map(|r| (a, r))))
}

/// Words before a span that say it is one: `ranging from 4 to 88`, `aged 4-88`.
const SPANNING: &[&str] =
    &["ranging", "ranged", "range", "ranges", "aged", "ages", "varying", "varied", "vary", "spanning", "between"];

/// Stems of words that make `from … to` a change: `rose`, `fell`, `cut`, `increased` …
const CHANGING: &[&str] = &[
    "rose", "rise", "fell", "fall", "cut", "increas", "decreas", "grew", "grow", "drop", "climb", "jump", "slump",
    "rais", "lower", "reduc", "went", "up", "down", "soar", "plung", "doubl", "halv", "declin", "gain", "lost",
];
