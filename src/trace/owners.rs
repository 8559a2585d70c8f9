//! Whose a number is, by the names before it. In "Vale made 31 saves and
//! Reed stopped 24 shots" the 24 is Reed's: the last actor named before a
//! number, after the number before it, is the one it goes with. A figure
//! given to one actor and traced to the number another actor of its kind
//! goes with, in a sentence where its own actor goes with another number,
//! reads like a swapped value or a figure given to the wrong actor:
//! `actor-beside-another`.

use super::attribution::in_the_possessive;
use super::labels::{Traced, after_the_number_before, in_a_score};
use super::{Context, Stated};
use crate::diagnostic::Diagnostic;
use crate::numbers::Mention;
use crate::sheet::Figure;

/// Words before a name that make it a party to the number, not its owner:
/// `a stake of 20% in Booker`, `a loan from Harbour`, `a lead over Reed`.
const NOT_THE_OWNER: &[&str] =
    &["of", "in", "from", "to", "for", "against", "over", "than", "with", "by", "on", "at", "about", "into"];

/// Deeds whose doer `by` names, besides those that end in `-ed`: `the record
/// set by Osku Mavi in 2009`.
const DONE: &[&str] = &["set", "made", "won", "held", "run", "broken", "hit", "taken", "given", "struck", "led"];

/// Words that make a name after them the one a number is won against:
/// `to defeat Scotland's Martin Laird by three strokes`.
const WON_AGAINST: &[&str] = &[
    "beat",
    "beats",
    "beating",
    "defeat",
    "defeats",
    "defeated",
    "defeating",
    "edge",
    "edged",
    "edging",
    "overcame",
    "overcome",
    "outscored",
    "outpolled",
    "trail",
    "trailed",
    "trails",
    "led",
    "leads",
    "ahead",
    "behind",
    "passed",
    "overtook",
    "overtaking",
    "ousted",
    "unseated",
    "toppled",
];

/// The `actor-beside-another` warnings of a briefing's traced figures.
/// `of_class` says whether a mention is of a figure's class.
pub(super) fn beside_another(
    cx: &Context,
    traced: &[Traced],
    of_class: impl Fn(&Figure, &Mention) -> bool,
) -> Vec<Diagnostic> {
    let text = &cx.seed.text;
    let mut found = Vec::new();
    for &(figure, s, mention) in traced {
        let (Some(own_actor), Some(actor_id)) = (cx.actor_of(figure), figure.actor.as_ref()) else { continue };
        if in_a_score(text, &mention.span) {
            continue;
        }
        // the number goes with another actor of the figure's kind, and its own
        // is not named in the number's words (`Vale and Reed made 31 and 24 saves`)
        let Some((other_actor, other_named)) = owner(cx, s, mention).filter(|&(b, _)| b != own_actor) else { continue };
        let kind = cx.briefing.actors[own_actor].kind;
        if cx.briefing.actors[other_actor].kind != kind || named_before(cx, s, mention, own_actor, &other_named) {
            continue;
        }
        let numbers = cx.mentions[s].iter().filter(|o| of_class(figure, o) && !in_a_score(text, &o.span));
        let theirs = numbers
            .filter(|o| o.span != mention.span && o.value != mention.value)
            .find(|o| owner(cx, s, o).is_some_and(|(b, _)| b == own_actor));
        let (own_name, other_name) =
            (&cx.briefing.actors[own_actor].name.value, &cx.briefing.actors[other_actor].name.value);
        let id = cx.sentence_id(s);
        let stated = |m: &Mention| text[m.span.clone()].to_string();
        let warning = match theirs {
            // its own actor has another number of the sentence
            Some(theirs) => Diagnostic::warning(
                "actor-beside-another",
                format!(
                    "`{}` is given to {own_name}, but in {id} its {} goes with {other_name}, and {own_name}'s number there is {}",
                    figure.id.value,
                    stated(mention),
                    stated(theirs)
                ),
            )
            .at(cx.in_sheet(&actor_id.span))
            .label(format!("{own_name}'s number in {id} is {}", stated(theirs)))
            .related(cx.in_seed(&other_named), format!("{other_name} goes with {}", stated(mention)))
            .related(cx.in_seed(&theirs.span), format!("{own_name} goes with this number"))
            .help(format!(
                "check the value and `actor:`: if the figure is {own_name}'s, its value may be {}; if it is {}, give it to {other_name}",
                stated(theirs),
                stated(mention)
            )),
            // the sentence gives the number to the other alone, as the one who
            // does what it counts (`Tom Brill received 45.8 percent`), not as
            // one who speaks of it, and nothing in it may stand for its own actor
            None if does_it(cx, s, mention, &other_named) && !named_after(cx, s, mention, own_actor) => Diagnostic::warning(
                "actor-beside-another",
                format!(
                    "`{}` is given to {own_name}, but in {id} its {} goes with {other_name}",
                    figure.id.value,
                    stated(mention)
                ),
            )
            .at(cx.in_sheet(&actor_id.span))
            .label(format!("{id} gives {} to {other_name}", stated(mention)))
            .related(cx.in_seed(&other_named), format!("{other_name} goes with {}", stated(mention)))
            .help(format!(
                "check the value and `actor:`: if the figure is {other_name}'s, give it to them; if it is {own_name}'s, its value is another"
            )),
            None => continue,
        };
        found.push(warning);
    }
    found
}

/// Verbs of saying and thinking: a name before one speaks of the number after it.
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "estimated",
    "estimates",
    "expects",
    "expected",
    "forecast",
    "forecasts",
    "predicted",
    "predicts",
    "believes",
    "believed",
    "thinks",
    "claimed",
    "claims",
    "reported",
    "reports",
    "announced",
    "announces",
    "noted",
    "warned",
    "argued",
    "stated",
];

/// Verbs of giving or imposing: a name before one gives the number to another
/// (`Mr Justice Penrow also awarded £1,300 in damages`).
const GIVING: &[&str] = &[
    "awarded",
    "awards",
    "granted",
    "grants",
    "ordered",
    "orders",
    "fined",
    "fines",
    "imposed",
    "imposes",
    "gave",
    "gives",
    "handed",
    "hands",
    "sentenced",
    "jailed",
    "allocated",
    "allocates",
    "paid",
    "pays",
    "owes",
    "owed",
];

/// Words that may stand for the figure's own actor.
const PRONOUNS: &[&str] = &["he", "she", "his", "her", "its", "it", "they", "their", "him", "them"];

/// The number `m` of sentence `s` is what the one named at `named` does:
/// no word of saying or giving between the name and the number (`Brill said
/// she won 54.2%`, `the judge awarded £1,300`), and no pronoun in the
/// number's words that may be another's.
fn does_it(cx: &Context, s: usize, m: &Mention, named: &std::ops::Range<usize>) -> bool {
    let text = &cx.seed.text;
    let from = after_the_number_before(cx, s, m, |_| true);
    // (a name after the number has no words between: `the 38-year-old Quill`)
    let words = |span: std::ops::Range<usize>| {
        let text = text.get(span).unwrap_or_default();
        text.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase).collect::<Vec<_>>()
    };
    let between = words(named.end..m.span.start);
    let clause = words(from..m.span.start);
    let speaks_or_gives = between.iter().any(|w| SAYING.contains(&w.as_str()) || GIVING.contains(&w.as_str()));
    !speaks_or_gives && !clause.iter().any(|w| PRONOUNS.contains(&w.as_str()))
}

/// The actor a number goes with, and where it is named: the last of the
/// sheet's actors named between the number before it and the number, but
/// not as a party to it (`a stake in Booker`).
fn owner(cx: &Context, s: usize, m: &Mention) -> Option<(usize, std::ops::Range<usize>)> {
    let from = after_the_number_before(cx, s, m, |_| true);
    let text = &cx.seed.text;
    let named = || cx.called().iter().enumerate().flat_map(|(b, names)| names.iter().map(move |n| (b, n)));
    let before = named()
        .filter(|(_, n)| n.sentence == s + 1 && from <= n.span.start && n.span.end <= m.span.start)
        .filter(|(_, n)| as_owner(cx, from, &n.span, m.span.start))
        .max_by_key(|(_, n)| (n.span.end, n.span.len()));
    // `7,500 from the Coast Guard and 6,500 from the National Guard`: where they come from
    let from_after = || {
        let after = &text[m.span.end..];
        let rest = after.strip_prefix(" from ")?;
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        let at = text.len() - rest.len();
        named().filter(|(_, n)| n.span.start == at).max_by_key(|(_, n)| n.span.len())
    };
    // `Farrow praised the 38-year-old Quill`: an age is the one's it is put before
    let aged = || {
        let after = &text[m.span.end..];
        let rest = AGED.iter().find_map(|aged| after.strip_prefix(aged))?;
        let at = text.len() - rest.len();
        named().filter(|(_, n)| n.span.start == at).max_by_key(|(_, n)| n.span.len())
    };
    aged().or(before).or_else(from_after).map(|(b, n)| (b, n.span.clone()))
}

/// What stands between an age and the one whose age it is: `the 38-year-old Quill`.
const AGED: &[&str] = &["-year-old ", "-years-old ", " year old ", " years old ", "-year-old\u{a0}"];

/// The name at `span`, in the words of a number from `from`, may own it: no
/// word before it makes it a party (`a stake in Booker`, `from the Coast
/// Watch`), nor one it is won against (`to beat Reed`).
pub(super) fn as_owner(cx: &Context, from: usize, span: &std::ops::Range<usize>, number: usize) -> bool {
    let text = &cx.seed.text;
    let mut before = text[from..span.start].rsplit(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
    let article = |w: &&str| ["the", "a", "an", "its", "their"].contains(&w.to_lowercase().as_str());
    let mut word = before.find(|w| !article(w));
    // `a jab from Halvex and Norgen`: a name joined to the one before it
    // stands where that one does
    if word == Some("and") {
        word = before.find(|w| !w.starts_with(char::is_uppercase) && !article(w));
    }
    // `the record set by Osku Mavi in 2009`: after a deed, `by` names who did
    // it, unless a comma closes the deed as an aside (`The colt, trained by
    // Ronan Tully, had run three times`)
    let aside = text.get(span.end..number).is_some_and(|t| t.contains(','));
    let done_by = word == Some("by") && !aside && before.next().is_some_and(|w| DONE.contains(&w) || w.ends_with("ed"));
    let party = word.is_some_and(|w| NOT_THE_OWNER.contains(&w.to_lowercase().as_str())) && !done_by;
    // within the three words before the name: `to defeat Scotland's Martin Laird`
    let words_before: Vec<&str> =
        text[from..span.start].split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    let won_against = words_before.iter().rev().take(3).any(|w| WON_AGAINST.contains(w));
    !party && !won_against
}

/// Actor `a` is named after number `m` in its sentence: it may be a party
/// to it (`received £5m from Harbour`).
fn named_after(cx: &Context, s: usize, m: &Mention, a: usize) -> bool {
    cx.called()[a].iter().any(|n| n.sentence == s + 1 && n.span.start >= m.span.end)
}

/// Actor `a` is named in the words of number `m`, from the number before
/// it, other than as whose the other named at `other_named` is (`Reyes's
/// rival, Tom Brill, received`) or as a party to it.
fn named_before(cx: &Context, s: usize, m: &Mention, a: usize, other_named: &std::ops::Range<usize>) -> bool {
    let from = after_the_number_before(cx, s, m, |_| true);
    let text = &cx.seed.text;
    // (the number's owner is another actor, named at `other_named`)
    let whose_another = |n: &Stated| in_the_possessive(&text[n.span.end..]) && n.span.end <= other_named.start;
    cx.called()[a].iter().any(|n| {
        n.sentence == s + 1
            && from <= n.span.start
            && n.span.end <= m.span.start
            && !whose_another(n)
            && as_owner(cx, from, &n.span, m.span.start)
    })
}
