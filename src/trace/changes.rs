//! A change's two numbers: in `fell from £512.4m to £509.1m` and `rose to
//! 3,214 compared with 3,061` one is the earlier and the other the later. A
//! label that calls the later one the previous is `label-contradicts`. (The
//! earlier may well be now: `will rise from five million to 9.6 million`.)

use std::ops::Range;

use super::Context;
use super::contrasts::contradicts;
use super::labels::Traced;
use crate::diagnostic::Diagnostic;
use crate::numbers::Mention;

/// Label words of the earlier number of a change.
const EARLIER: &[&str] = &["previous", "previously", "earlier", "prior", "ago", "preceding"];

/// Words after the later number that lead to the earlier one: `3,214 compared with 3,061`.
const SINCE: &[&str] = &["up from", "down from", "compared with", "compared to", "from"];

/// Which of a change's two numbers a mention is.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Earlier,
    Later,
}

/// The `label-contradicts` warnings of figures traced to the later number
/// of a change whose label calls it the earlier.
pub(super) fn contradicted(cx: &Context, traced: &[Traced]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for &(figure, s, mention) in traced {
        let label: Vec<String> =
            figure.label.value.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase).collect();
        let Some(said) = label.iter().find(|w| EARLIER.contains(&w.as_str())) else { continue };
        let Some((Place::Later, change)) = place_in_change(cx, s, mention) else { continue };
        let id = cx.sentence_id(s);
        let stated = &cx.seed.text[mention.span.clone()];
        let message = format!(
            "the label of `{}` says `{said}`, but {id} gives {stated} as the later of two (`{}`)",
            figure.id.value,
            &cx.seed.text[change.clone()]
        );
        found.push(
            contradicts(cx, figure, message, format!("says {said}"))
                .related(cx.in_seed(&change), format!("{stated} is the later number of this change"))
                .help("check that the value is the number the label means; if the values are swapped, swap them back"),
        );
    }
    found
}

/// Where `m` stands in a change of its sentence, and the change's words:
/// after `from` with `to` and a number of its kind after it, it is the
/// earlier; that number is the later, and so is a number followed by `up
/// from`, `compared with` … and a number of its kind.
fn place_in_change(cx: &Context, s: usize, m: &Mention) -> Option<(Place, Range<usize>)> {
    let text = &cx.seed.text;
    let mentions = &cx.mentions[s];
    let at = mentions.iter().position(|o| o.span == m.span)?;
    let like = |o: &Mention| o.kind == m.kind && o.unit == m.unit;
    let words_between = |a: &Mention, b: &Mention| text.get(a.span.end..b.span.start).map(str::to_lowercase);
    let from_before = |k: usize| {
        let before = text[cx.seed.sentences[s].span.start..mentions[k].span.start].trim_end().to_lowercase();
        before.ends_with(" from") || before == "from"
    };
    // `from £512.4m to £509.1m`: the next number of its kind, a short way on, after `to`
    let from_to = |k: usize| {
        let next = mentions[k + 1..].iter().find(|o| like(o))?;
        let between = words_between(&mentions[k], next)?;
        let short = between.split_whitespace().count() <= 8 && !between.contains([',', ';']);
        (from_before(k) && short && (between.contains(" to ") || between.trim_end().ends_with(" to")))
            .then(|| mentions[k].span.start..next.span.end)
    };
    if let Some(change) = from_to(at) {
        return Some((Place::Earlier, change));
    }
    if let Some(change) = (0..at).rev().filter(|&k| like(&mentions[k])).take(1).find_map(|k| from_to(k)) {
        if change.end == m.span.end {
            return Some((Place::Later, change));
        }
    }
    // `to 3,214 compared with 3,061`: the number after is the earlier
    let next = mentions[at + 1..].iter().find(|o| like(o))?;
    let between = words_between(m, next)?;
    let between = between.trim_start_matches([',', ' ']).trim_end();
    SINCE.iter().any(|w| *w == between).then(|| (Place::Later, m.span.start..next.span.end)).or_else(|| {
        // the earlier of `3,214 compared with 3,061` is the one after `compared with`
        let before = mentions[..at].iter().rev().find(|o| like(o))?;
        let between = words_between(before, m)?;
        let between = between.trim_start_matches([',', ' ']).trim_end();
        SINCE.iter().any(|w| *w == between).then(|| (Place::Earlier, before.span.start..m.span.end))
    })
}
