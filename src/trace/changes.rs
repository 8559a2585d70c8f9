//! A change's two numbers: in `fell from £512.4m to £509.1m` and `rose to
//! 3,214 compared with 3,061` one is the earlier and the other the later. A
//! label that calls the later one the previous is `label-contradicts`. (The
//! earlier may well be now: `will rise from five million to 9.6 million`.)

use std::ops::Range;

use super::Context;
use super::contrasts::{contradicts_pair, says_one_of};
use super::labels::Traced;
use crate::diagnostic::Diagnostic;
use crate::numbers::Mention;

/// Label words of the earlier number of a change.
const EARLIER: &[&str] =
    &["previous", "previously", "earlier", "prior", "ago", "preceding", "originally", "initially", "started", "began"];

/// Label words of the later number of a change, when the change is past.
const LATER: &[&str] = &["now", "currently", "latest", "today"];

/// Words that make a change a forecast, whose earlier number may be now:
/// `will rise from five million to 9.6 million`.
const FORECAST: &[&str] = &["will", "would", "could", "expected", "forecast", "projected", "predicted", "set"];

/// Words between a change's later number and its earlier: `3,214 compared
/// with 3,061`, `£1.642bn, up 8% from £1.521bn`.
const SINCE: &[&str] = &["from", "compared with", "compared to", "against"];

/// Which of a change's two numbers a mention is.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Earlier,
    Later,
}

/// The `label-contradicts` warnings of figures traced to one number of a
/// change whose label gives it the other's time.
pub(super) fn contradicted(cx: &Context, traced: &[Traced]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for &(figure, s, mention) in traced {
        let around = around_the_change(&figure.label.value);
        let said = says_one_of(&figure.label.value, EARLIER, LATER).or_else(|| around.clone());
        let Some((said, earlier)) = said else { continue };
        // a label that says `previous` is wrong on the later number, and the other way round
        let place = if earlier { Place::Later } else { Place::Earlier };
        let Some(change) = change_at(cx, s, mention, place) else { continue };
        let forecast = || {
            let sentence = cx.seed.text[cx.seed.sentences[s].span.clone()].to_lowercase();
            sentence.split(|c: char| !c.is_alphabetic()).any(|w| FORECAST.contains(&w))
        };
        // (`after the rise` is the later number of a forecast too)
        if place == Place::Earlier && around.is_none() && forecast() {
            continue;
        }
        let id = cx.sentence_id(s);
        let stated = &cx.seed.text[mention.span.clone()];
        let which = if place == Place::Later { "later" } else { "earlier" };
        let message = format!(
            "the label of `{}` says `{said}`, but {id} gives {stated} as the {which} of two (`{}`)",
            figure.id.value,
            &cx.seed.text[change.clone()]
        );
        let this = format!("{stated} is the {which} number of this change");
        found.push(contradicts_pair(cx, figure, &said, message, &change, this));
    }
    found
}

/// Nouns of a change, which `before` and `after` in a label may place a number on.
const CHANGE_NOUNS: &[&str] = &[
    "rise",
    "increase",
    "hike",
    "cut",
    "change",
    "fall",
    "drop",
    "reduction",
    "rises",
    "cuts",
    "decrease",
    "decline",
    "increases",
    "decreases",
    "falls",
    "drops",
    "jump",
    "slump",
    "climb",
    "dip",
    "gain",
];

/// `Fare before the rise` (and `true`: the earlier number) or `after the
/// rise`: the side of the change a label says, with its words.
fn around_the_change(label: &str) -> Option<(String, bool)> {
    let words: Vec<String> = label.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase).collect();
    words.windows(3).find_map(|w| {
        let earlier = match w[0].as_str() {
            "before" => true,
            "after" => false,
            _ => return None,
        };
        (w[1] == "the" && CHANGE_NOUNS.contains(&w[2].as_str())).then(|| (format!("{} the {}", w[0], w[2]), earlier))
    })
}

/// The words of the change of sentence `s` whose number at `place` is `m`:
/// `from £512.4m to £509.1m` (the earlier after `from`, the later after
/// `to`), or `£1.642bn, up 8% from £1.521bn` and `231 deaths compared to
/// 318` (the later first).
fn change_at(cx: &Context, s: usize, m: &Mention, place: Place) -> Option<Range<usize>> {
    let text = &cx.seed.text;
    let mentions = &cx.mentions[s];
    let at = mentions.iter().position(|o| o.span == m.span)?;
    let like = |o: &&Mention| o.kind == m.kind && o.unit == m.unit;
    let before = mentions[..at].iter().rev().find(like);
    let after = mentions[at + 1..].iter().find(like);
    let between = |a: &Mention, b: &Mention| text.get(a.span.end..b.span.start).map(str::to_lowercase);
    // `from £512.4m to £509.1m`
    let from_to = |a: &Mention, b: &Mention| {
        let opening = text[cx.seed.sentences[s].span.start..a.span.start].trim_end().to_lowercase();
        let between = between(a, b)?;
        let short = between.split_whitespace().count() <= 8 && !between.contains([',', ';']);
        let to = between.contains(" to ") || between.trim_end().ends_with(" to");
        ((opening.ends_with(" from") || opening == "from") && to && short).then_some(a.span.start..b.span.end)
    };
    // `£1.642bn, up 8% from £1.521bn`, `231 deaths compared to 318`
    let since = |a: &Mention, b: &Mention| {
        let between = between(a, b)?;
        let words = between.trim_start_matches([',', ' ']).trim_end();
        let short = words.split_whitespace().count() <= 6 && !words.contains([',', ';']);
        let ends = SINCE.iter().any(|p| words == *p || words.ends_with(&format!(" {p}")));
        (short && ends).then_some(a.span.start..b.span.end)
    };
    // `slipped by nearly 12 lakh from 14.9 crore to 14.5 crore`: the size of
    // the change, which is neither of its numbers
    let opening = text[cx.seed.sentences[s].span.start..m.span.start].trim_end().to_lowercase();
    if opening.ends_with(" by") {
        return None;
    }
    match place {
        Place::Later => before.and_then(|b| from_to(b, m)).or_else(|| after.and_then(|a| since(m, a))),
        Place::Earlier => after.and_then(|a| from_to(m, a)).or_else(|| before.and_then(|b| since(b, m))),
    }
}
