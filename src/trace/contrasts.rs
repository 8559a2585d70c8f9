//! The `label-contradicts` warning: a label that says the opposite of what
//! the words around its number say — `People killed` on the 1,800 of "left
//! at least 1,800 people injured", `last winter` on a number "this winter",
//! `before the vote` on one "after the vote".

use std::ops::Range;

use super::Context;
use super::labels::{Traced, clause_of};
use crate::diagnostic::Diagnostic;
use crate::sheet::Figure;

/// Words of opposite meaning, on two sides or more, each side in the forms
/// news writes; a word of one side is the opposite of every other side's.
struct Opposites {
    sides: &'static [&'static [&'static str]],
    /// Said of the word after it, which both must share: `first year`
    /// against `the last year`, `before tax` against `after tax`.
    of_next: bool,
}

const fn opposites(sides: &'static [&'static [&'static str]], of_next: bool) -> Opposites {
    Opposites { sides, of_next }
}

const OPPOSITES: &[Opposites] = &[
    opposites(
        &[
            &["killed", "kill", "kills", "killing", "dead", "death", "deaths", "died", "fatalities", "fatal"],
            &["injured", "injuries", "injury", "wounded", "hurt"],
            &["missing"],
        ],
        false,
    ),
    opposites(
        &[
            &[
                "rise",
                "rises",
                "rose",
                "risen",
                "rising",
                "increase",
                "increased",
                "increases",
                "grew",
                "growth",
                "climbed",
                "jumped",
                "soared",
                "surged",
                "higher",
            ],
            FALLS,
        ],
        false,
    ),
    opposites(&[&["imports", "imported"], &["exports", "exported"]], false),
    opposites(&[&["won", "wins", "victories"], &["lost", "losses", "defeats"]], false),
    opposites(&[&["bought", "buy", "buys", "buying", "purchased"], &["sold", "sell", "sells", "selling"]], false),
    opposites(&[&["restored", "reconnected"], &["cut", "cutting", "without"]], false),
    opposites(&[&["offer", "offered", "offers"], &["demand", "demanded", "demands"]], false),
    opposites(&[&["now", "currently"], &["ago"]], false),
    opposites(&[&["paid", "payment"], &["demand", "demanded", "sought"]], false),
    opposites(&[&["indoor", "indoors"], &["outdoor", "outdoors"]], false),
    opposites(&[&["permanent", "permanently"], &["temporary", "temporarily"]], false),
    opposites(&[&["public"], &["private"]], false),
    opposites(&[&["domestic"], &["international", "foreign", "overseas", "global", "worldwide"]], false),
    opposites(&[&["urban"], &["rural"]], false),
    opposites(&[&["full"], &["part"]], true),
    opposites(&[&["highest"], &["lowest"]], false),
    opposites(&[&["maximum"], &["minimum"]], false),
    opposites(&[&["men", "male"], &["women", "female"]], false),
    opposites(&[&["monthly"], &["annual", "annually", "yearly"], &["quarterly"], &["weekly"], &["daily"]], false),
    opposites(
        &[
            &["january"],
            &["february"],
            &["march"],
            &["april"],
            &["june"],
            &["july"],
            &["august"],
            &["september", "sept"],
            &["october"],
            &["november"],
            &["december"],
        ],
        false,
    ),
    opposites(
        &[&["monday"], &["tuesday"], &["wednesday"], &["thursday"], &["friday"], &["saturday"], &["sunday"]],
        false,
    ),
    opposites(&[&["first", "opening"], &["second"], &["third"], &["fourth"], &["last", "final"]], true),
    opposites(&[&["this"], &["last", "next"]], true),
    opposites(&[&["before"], &["after"]], true),
];

/// Words of a fall: the other side of a rise, and (with `down`, which is
/// too common to set against a rise) what a minus sign after them says
/// again (`fell -9.3%`).
#[rustfmt::skip]
pub(super) const FALLS: &[&str] = &[
    "fall", "falls", "fell", "fallen", "falling", "decrease", "decreased", "decline", "declined", "drop", "dropped",
    "drops", "slipped", "slid", "tumbled", "plunged", "plummeted", "slumped", "lower", "contracted", "shrank",
];

/// Spans of time and of play, which are first or last of a longer one, and
/// the times a thing happens.
const SPANS: &[&str] = &[
    "year", "quarter", "half", "month", "week", "day", "night", "round", "set", "game", "season", "period", "stage",
    "leg", "lap", "innings", "term", "session", "hour", "minute", "winter", "summer", "spring", "autumn",
    // what happens more than once: `for the first time`, `for a second time`
    "time",
];

/// A word of a text, in lower case, with its place.
struct Word<'t> {
    text: String,
    span: Range<usize>,
    /// The word before it, as written.
    before: Option<&'t str>,
}

/// The `label-contradicts` warnings of a briefing's traced figures: a label
/// with a word of one side where its number's clause has the other side's,
/// and its sentence none of the label's.
pub(super) fn contradicted(cx: &Context, traced: &[Traced]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for &(figure, s, mention) in traced {
        let label = lower_words(&figure.label.value);
        // the groups the label says a side of, and which: most labels say none
        let said: Vec<(&Opposites, usize)> = OPPOSITES
            .iter()
            .filter_map(|o| {
                let side = |w: &Word| o.sides.iter().position(|side| side.contains(&w.text.as_str()));
                let mut sides = label.iter().filter_map(side);
                let first = sides.next()?;
                // a label that says two sides (`killed or injured`) says neither
                sides.all(|other| other == first).then_some((o, first))
            })
            .collect();
        if said.is_empty() {
            continue;
        }
        let clause = clause_of(cx, s, mention);
        let in_sentence = lower_words(&cx.seed.text[cx.seed.sentences[s].span.clone()]);
        // (in `fell from 18.4 percent in July to 15.1 percent`, what stands
        // between the two numbers is the first's: July is the 18.4's)
        let the_first_ones = from_to_between(cx, s, mention);
        let mut in_clause = lower_words(&cx.seed.text[clause.clone()]);
        in_clause.retain(|w| !the_first_ones.contains(&(clause.start + w.span.start)));
        let Some((said, against)) = said.iter().find_map(|&(o, side)| {
            let one = o.sides[side];
            let others = o.sides.iter().enumerate().filter(|&(i, _)| i != side);
            others.into_iter().find_map(|(_, other)| opposed((o, one, other), &label, &in_sentence, &in_clause))
        }) else {
            continue;
        };
        let at = clause.start + against.start..clause.start + against.end;
        let id = cx.sentence_id(s);
        let stated = &cx.seed.text[mention.span.clone()];
        let message = format!(
            "the label of `{}` says {said}, but {id} says `{}` of its {stated}",
            figure.id.value,
            &cx.seed.text[at.clone()]
        );
        found.push(
            contradicts(cx, figure, message, format!("says {said}"))
            .related(cx.in_seed(&mention.span), format!("the figure's value, in {id}"))
            .related(cx.in_seed(&at), "said of this number")
            .help("check that the value is the number the label means; if it is, make the label say what the sentence says of it"),
        );
    }
    found
}

/// The word of `label` from `one` or from `other` (and `true` for `one`),
/// where the label says only one of the two: `earliest` or `latest`.
pub(super) fn says_one_of(label: &str, one: &[&str], other: &[&str]) -> Option<(String, bool)> {
    let words: Vec<String> = label.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase).collect();
    let says = |side: &[&str]| words.iter().find(|w| side.contains(&w.as_str())).cloned();
    match (says(one), says(other)) {
        (Some(word), None) => Some((word, true)),
        (None, Some(word)) => Some((word, false)),
        _ => None,
    }
}

/// A `label-contradicts` warning at `figure`'s label that says `said` of the
/// one of two numbers at `pair` (a change, a span) that the label's is not.
pub(super) fn contradicts_pair(
    cx: &Context,
    figure: &Figure,
    said: &str,
    message: String,
    pair: &Range<usize>,
    which: String,
) -> Diagnostic {
    contradicts(cx, figure, message, format!("says {said}"))
        .related(cx.in_seed(pair), which)
        .help("check that the value is the number the label means; if the values are swapped, swap them back")
}

/// A `label-contradicts` warning at `figure`'s label.
pub(super) fn contradicts(cx: &Context, figure: &Figure, message: String, says: String) -> Diagnostic {
    Diagnostic::warning("label-contradicts", message).at(cx.in_sheet(&figure.label.span)).label(says)
}

/// The words between the number before `m` and the `to` before `m`, where
/// `from` leads to that number: what `from 18.4 percent in July to` says of
/// the 18.4, not of the number it moves to.
fn from_to_between(cx: &Context, s: usize, m: &crate::numbers::Mention) -> Range<usize> {
    let text = &cx.seed.text;
    let sentence = &cx.seed.sentences[s].span;
    let Some(first) = cx.mentions[s].iter().rfind(|o| o.span.end <= m.span.start) else { return 0..0 };
    let between = &text[first.span.end..m.span.start];
    let from = text[sentence.start..first.span.start].split_whitespace().next_back() == Some("from");
    match between.trim_end().strip_suffix("to") {
        Some(rest) if from && rest.ends_with(' ') => first.span.end..first.span.end + rest.len(),
        _ => 0..0,
    }
}

/// The label's word of side `one` (with the word after it, when the pair is
/// said of it) and the clause's of side `other`, where the clause (or, of
/// the next word, the sentence) says nothing of the label's side.
fn opposed(
    (pair, one, other): (&Opposites, &[&str], &[&str]),
    label: &[Word],
    sentence: &[Word],
    clause: &[Word],
) -> Option<(String, Range<usize>)> {
    let is = |side: &[&str], w: &Word| side.contains(&w.text.as_str());
    let at = label.iter().position(|w| is(one, w))?;
    if !pair.of_next {
        let against = clause.iter().find(|w| is(other, w))?;
        let says_it = clause.iter().any(|w| is(one, w));
        return (!says_it).then(|| (format!("`{}`", label[at].text), against.span.clone()));
    }
    let next = &label.get(at + 1)?.text;
    // `first annual rise in 19 months` is `since the last annual rise`: first
    // and last are opposites only of a span of time or of play
    let first_and_last = pair.sides.iter().any(|side| side.contains(&"first"));
    if first_and_last && (!SPANS.contains(&next.as_str()) || label[at].before_is("since")) {
        return None;
    }
    let followed = |side: &[&str], words: &[Word], i: usize| {
        is(side, &words[i]) && words.get(i + 1).is_some_and(|n| &n.text == next)
    };
    let against = (0..clause.len()).find(|&i| {
        // `last` before a period is the one before this one (`last year`)
        // unless `the` makes it the end of a span: `the last year of the forecast`
        followed(other, clause, i) && (!first_and_last || clause[i].text != "last" || clause[i].before_is("the"))
    })?;
    let says_it = (0..sentence.len()).any(|i| followed(one, sentence, i));
    let span = clause[against].span.start..clause[against + 1].span.end;
    (!says_it).then(|| (format!("`{} {next}`", label[at].text), span))
}

impl Word<'_> {
    fn before_is(&self, word: &str) -> bool {
        self.before.is_some_and(|b| b.eq_ignore_ascii_case(word))
    }
}

/// The words of `text`, in lower case, with their places.
fn lower_words(text: &str) -> Vec<Word<'_>> {
    let mut found: Vec<Word> = Vec::new();
    let mut before: Option<&str> = None;
    for (start, word) in text.split_inclusive(|c: char| !c.is_alphanumeric()).scan(0, |at, piece| {
        let start = *at;
        *at += piece.len();
        Some((start, piece))
    }) {
        let plain = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if plain.is_empty() {
            continue;
        }
        found.push(Word { text: plain.to_lowercase(), span: start..start + plain.len(), before });
        before = Some(plain);
    }
    found
}
