//! Whose words: a quote's speaker must be named where the quote stands, by
//! name, alias or role. Where the quote's sentences name no one of the
//! speaker's kind (`“…,” he said.`), the speaker is the one the text was
//! last about: the subject or the last actor of that kind named in the
//! nearest sentence before the quote that names one, or the one the next
//! sentence of its paragraph names (`“…” That was the view of X.`).
//!
//! Names inside quotation marks are words someone says, not who says them:
//! they are not read. Otherwise the warning `speaker-not-named` says who is
//! named there instead. How a sentence gives its words to someone is read in
//! [`super::attribution`].

use super::Context;
use super::attribution::{
    BODIES, GivenBy, GoesOn, attribution, given_by_name, goes_on_from, in_the_possessive, is_saying, listens,
    pronoun_says_at, pronoun_subject, qualifies_another, reported, reports_speech, said_by, says_after,
    speaks_for_a_body, where_the_name_before_is_from,
};
use super::fold::{Folded, whole_words};
use super::quotes::Found;
use crate::diagnostic::Diagnostic;
use crate::draft::lexicon::is_title;
use crate::sheet::{ActorKind, Quote};

pub(super) fn not_named(cx: &Context, quote: &Quote, found: &Found) -> Option<Diagnostic> {
    let actors = &cx.briefing.actors;
    let speaker = actors.iter().position(|a| a.id.value == quote.speaker.value)?;
    let kind = actors[speaker].kind;
    let name = &actors[speaker].name.value;
    let id = cx.sentence_id(found.first);
    // the label and the help where the seed gives the words to actor `by` of the sheet
    let said_by_actor = |by: usize| format!("the seed gives these words to {}", actors[by].name.value);
    let check_actor = |by: usize| format!("check `speaker:`: the seed gives these words to `{}`", actors[by].id.value);
    // the warning that sentence `s` gives the words to someone else: `but` says to whom
    let theirs =
        |s: usize, but: String, label: String, help: String| Some(not_theirs(cx, quote, found, s, but, label, help));
    let of_kind = |named: Vec<(usize, usize)>| -> Vec<usize> {
        named.into_iter().map(|(_, a)| a).filter(|&a| actors[a].kind == kind).collect()
    };
    // a name beside the quotation says whose words they are, whoever else the sentence names
    let GivenBy { speakers: by_name, whose, unnamed } = given_by_name(cx, found);
    if by_name.contains(&speaker) {
        return None;
    }
    // `"…," Jane Kell said`: someone the sheet does not have, unless the words
    // of that name are the speaker's own (`Mr Kell`, `Serena`, `WHO`)
    if let Some(span) = unnamed.filter(|span| !may_call(cx, speaker, &cx.seed.text[span.clone()])) {
        let other = &cx.seed.text[span];
        return theirs(
            found.first,
            format!("{id} gives it to {other}, who is not on the sheet"),
            format!("the seed gives these words to {other}"),
            format!(
                "check `speaker:`: if the words are {other}'s, add them as an actor and give them the quote; if {other} is {name}, add `{other}` to its `aliases:`"
            ),
        );
    }
    // `"…," the lawyer for Mark Day said`: Mark Day is whose lawyer speaks
    if let Some((_, phrase)) = whose.iter().find(|(a, _)| *a == speaker) {
        return theirs(
            found.first,
            format!("{id} gives it to the {phrase}, not to {name}"),
            format!("the seed gives these words to the {phrase}"),
            "check `speaker:`: the seed gives these words to the one the attribution names first".to_string(),
        );
    }
    // a paragraph that opens with a quotation and attributes nothing goes on
    // with the words of the quotation that ends the paragraph before
    let goes_on = by_name.is_empty().then(|| goes_on_from(cx, found)).flatten();
    match goes_on {
        Some((_, GoesOn::Name(by))) if by.contains(&speaker) => return None,
        Some((from, GoesOn::Name(by))) => {
            let by = by[0];
            let from = cx.sentence_id(from);
            return theirs(
                found.first,
                format!("{id} goes on with the words {from} gives to {}", actors[by].name.value),
                said_by_actor(by),
                check_actor(by),
            );
        }
        Some((from, GoesOn::Person)) if kind != ActorKind::Person && !speaks_for_a_body(cx, found) => {
            let from = cx.sentence_id(from);
            return theirs(
                found.first,
                format!("{id} goes on with the words {from} gives to a person (\"he\" or \"she\"), not a body"),
                format!("the sheet has {name} as a body"),
                format!(
                    "check `speaker:`: the seed gives these words to the person the pronoun stands for; if they speak for {name}, add them as an actor of their own and give them the quote"
                ),
            );
        }
        Some((from, GoesOn::Body(head))) if kind == ActorKind::Person && !calls(cx, speaker, &head) => {
            let from = cx.sentence_id(from);
            return theirs(
                found.first,
                format!("{id} goes on with the words {from} gives to the {head}: a body, not a person"),
                format!("the sheet has {name} as a person"),
                format!("check `speaker:`: the seed gives these words to the {head}"),
            );
        }
        _ => {}
    }
    if let Some(&by) = by_name.first() {
        return theirs(
            found.first,
            format!("{id} gives it to {}", actors[by].name.value),
            said_by_actor(by),
            check_actor(by),
        );
    }
    let named = |s: usize, qualifiers: Qualifiers| named(cx, s, speaker, qualifiers);
    // `the Palace manager said` names the manager, not the club
    // `"…," he said, calling Black a "devoted father"`: Black is whom he speaks of
    let speaking = |s: usize, qualifiers: Qualifiers| {
        let spoken_of_after = pronoun_says_at(cx, s, &["he", "she"]);
        of_kind(
            named(s, qualifiers).into_iter().filter(|&(at, _)| spoken_of_after.is_none_or(|end| at < end)).collect(),
        )
    };
    let here: Vec<usize> = (found.first..=found.last).flat_map(|s| speaking(s, Qualifiers::NameOthers)).collect();
    // `"…," she told Tom Kell`: the one who heard the words did not say them
    let heard = (found.first..=found.last).find(|&s| {
        let number = cx.seed.sentences[s].number;
        cx.called()[speaker].iter().any(|n| n.sentence == number && listens(cx, &n.span))
    });
    if let Some(s) = heard
        && !here.contains(&speaker)
    {
        let id = cx.sentence_id(s);
        return theirs(
            s,
            format!("{id} has {name} hear these words, not say them"),
            format!("{name} is who heard them"),
            "check `speaker:`: the seed gives these words to the one who spoke to them".to_string(),
        );
    }
    if here.contains(&speaker) {
        return None;
    }
    // `“…,” said the defender.`: the words are given to whoever the sheet calls that
    let attributed = (found.first..=found.last)
        .filter(|_| here.is_empty())
        .find_map(|s| attribution(cx, s, found).map(|head| (s, head)))
        .filter(|(_, head)| !calls(cx, speaker, head));
    if let Some((s, head)) = &attributed
        && let Some(other) = (0..actors.len()).find(|&a| {
            // the other is one the text has named by then: `the defender` points back
            let named_before = cx.called()[a].iter().any(|n| n.sentence <= cx.seed.sentences[found.last].number);
            a != speaker && calls(cx, a, head) && named_before
        })
    {
        let id = cx.sentence_id(*s);
        return theirs(
            *s,
            format!("{id} gives it to the {head}, as the sheet calls {}", actors[other].name.value),
            format!("{name} is not the {head}"),
            format!("check `speaker:`: the seed gives these words to the {head}"),
        );
    }
    // `It said: “…”`: the words of a body or a document, never of a person
    if here.is_empty() && kind == ActorKind::Person && said_by(cx, found, &["it"]) {
        return theirs(
            found.first,
            format!("{id} gives it to \"it\": a body or a document, not a person"),
            format!("the sheet has {name} as a person"),
            format!(
                "check `speaker:`: the seed gives these words to what \"it\" stands for (a body, a statement, a letter); if that is {name}, an organisation, give it `kind: organisation`"
            ),
        );
    }
    // `“…,” the club said`: a body's words, given to a person
    if let Some((s, head)) = &attributed
        && kind == ActorKind::Person
        && head.rsplit(' ').next().is_some_and(|noun| BODIES.contains(&noun))
    {
        let id = cx.sentence_id(*s);
        return theirs(
            *s,
            format!("{id} gives it to the {head}: a body, not a person"),
            format!("the sheet has {name} as a person"),
            format!(
                "check `speaker:`: the seed gives these words to the {head}; add it as an actor (`kind: organisation`, with `{head}` among its aliases) and give it the quote"
            ),
        );
    }
    // `“…,” he said`: a person's words, given to a body, unless the text has the
    // person speak for it (`A Northwind spokesman said …`)
    if here.is_empty()
        && kind != ActorKind::Person
        && said_by(cx, found, &["he", "she"])
        && !speaks_for_a_body(cx, found)
    {
        return theirs(
            found.first,
            format!("{id} gives it to a person (\"he\" or \"she\"), not a body"),
            format!("the sheet has {name} as a body"),
            format!(
                "check `speaker:`: the seed gives these words to the person the pronoun stands for; if they speak for {name}, add them as an actor of their own and give them the quote"
            ),
        );
    }
    // `“…,” the company said`: a body the text calls by its kind alone is the
    // one its lede is about, the first body it names
    if let Some((_, head)) = &attributed
        && kind == ActorKind::Organisation
        && head.rsplit(' ').next().is_some_and(|noun| BODIES.contains(&noun))
        && first_body_named(cx) == Some(speaker)
    {
        return None;
    }
    // — and so is a document's, or a part of one: `The introduction to the report said: “…”`
    // (or the quotation that runs on from one, paragraph after paragraph)
    if here.is_empty() && kind == ActorKind::Organisation && first_body_named(cx) == Some(speaker) {
        for k in (found.first.saturating_sub(3)..=found.first).rev() {
            let sentence = cx.seed.text[cx.seed.sentences[k].span.clone()].to_lowercase();
            let opening = sentence.split(['“', '"']).next().unwrap_or_default();
            let words: Vec<&str> = opening.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
            if words.windows(2).any(|p| DOCUMENTS.contains(&p[0]) && is_saying(p[1])) {
                return None;
            }
            if !opening.trim().is_empty() {
                break;
            }
        }
    }
    let mut before = Vec::new();
    if here.is_empty() {
        let next = found.last + 1;
        let paragraph = cx.seed.sentences[found.last].paragraph;
        if cx.seed.sentences.get(next).is_some_and(|n| n.paragraph == paragraph)
            && of_kind(named(next, Qualifiers::Name)).contains(&speaker)
        {
            return None;
        }
        // the subject and the last named of the nearest sentence that names one of
        // the speaker's kind
        // not one named before the verb of another (`Under questioning from
        // his lawyer, Ana Reyes, Tom Kell said …`)
        let named_in = |s: usize| named(s, Qualifiers::NameOthers);
        before = (0..found.first)
            .rev()
            .filter(|&s| !pronoun_subject(cx, s))
            .map(|s| (s, speaking(s, Qualifiers::NameOthers)))
            .find(|(_, named)| !named.is_empty())
            .map(|(s, mut named)| {
                let number = cx.seed.sentences[s].number;
                // where a saying verb follows one name only, the names before that verb are asides
                let verb_of = |a: usize| {
                    cx.called()[a].iter().filter(|n| n.sentence == number).find_map(|n| says_after(cx, &n.span))
                };
                let verbs: Vec<(usize, usize)> = named.iter().filter_map(|&a| verb_of(a).map(|v| (a, v))).collect();
                if let [(sayer, verb)] = verbs[..] {
                    let places = named_in(s);
                    let at = |a: usize| places.iter().find(|&&(_, b)| b == a).map_or(0, |&(at, _)| at);
                    // one joined to the one who speaks says it too: `Tom Kell and Ana Reyes said`
                    let spans =
                        |a: usize| cx.called()[a].iter().filter(|n| n.sentence == number).map(|n| n.span.clone());
                    let joined = |a: usize| {
                        spans(a).any(|own| {
                            spans(sayer).any(|theirs| {
                                own.end <= theirs.start
                                    && matches!(cx.seed.text[own.end..theirs.start].trim(), "and" | "&")
                            })
                        })
                    };
                    named.retain(|&a| a == sayer || at(a) > verb || joined(a));
                }
                let (first, last) = (named[0], named[named.len() - 1]);
                // not one named inside a clause of the sentence's object: `said the
                // figure was twice what Rose Denny announced`, `the amount that Rose
                // Denny announced` (but not `said that Rose Denny …`, her words reported)
                let inside = |a: usize| {
                    cx.called()[a].iter().filter(|n| n.sentence == number).all(|n| {
                        let mut back = cx.seed.text[..n.span.start].split_whitespace().rev();
                        let (word, before) = (back.next().unwrap_or_default(), back.next().unwrap_or_default());
                        matches!(word, "what" | "which" | "whom" | "than" | "whether")
                            || (word == "that" && !reports_speech(before.trim_end_matches(',')))
                    })
                };
                // `Mr O'Leary launched an attack on …, saying …`: the subject says it
                let sentence = &cx.seed.text[cx.seed.sentences[s].span.clone()];
                // (not `adding to doubts`)
                let saying = sentence.split(", ").skip(1).any(|clause| {
                    let mut words = clause.split(' ');
                    words.next().is_some_and(says_ing) && !words.next().is_some_and(|w| matches!(w, "to" | "up"))
                });
                if first == last || inside(last) || saying { vec![first] } else { vec![first, last] }
            })
            .unwrap_or_default();
        if before.contains(&speaker) {
            return None;
        }
    }
    let names = |list: &[usize]| list.iter().map(|&a| actors[a].name.value.as_str()).collect::<Vec<_>>().join(" and ");
    let there = match (here.as_slice(), before.as_slice()) {
        ([], []) => {
            let anyone = match kind {
                ActorKind::Person => "anyone",
                ActorKind::Organisation => "any organisation",
                ActorKind::Country => "any country",
            };
            format!("neither {id} nor the sentences before it name {anyone}")
        }
        ([], before) => format!("{id} names no one, and the text before it is about {}", names(before)),
        (here, _) => format!("{id} names {}", names(here)),
    };
    theirs(
        found.first,
        there,
        format!("{name} is not named there"),
        "check `speaker:`; if the words are theirs, add the name the seed uses for them to `aliases:` or `role:`"
            .to_string(),
    )
}

/// Nouns of a document, or a part of one, whose words are its author's:
/// `the report said`, `the introduction to the report said`.
const DOCUMENTS: &[&str] =
    &["report", "study", "survey", "review", "analysis", "paper", "introduction", "foreword", "summary", "conclusion"];
/// `saying`, `adding`, `warning`: a verb of saying, as a clause after a comma opens with it.
fn says_ing(word: &str) -> bool {
    matches!(
        word,
        "saying" | "adding" | "telling" | "warning" | "arguing" | "insisting" | "claiming" | "noting" | "stressing"
    )
}

/// The organisation of the sheet the seed names first.
fn first_body_named(cx: &Context) -> Option<usize> {
    let bodies = cx.briefing.actors.iter().enumerate().filter(|(_, a)| a.kind == ActorKind::Organisation);
    bodies.filter_map(|(a, _)| Some((cx.called()[a].iter().map(|n| n.span.start).min()?, a))).min().map(|(_, a)| a)
}

/// The warning that the sheet gives `quote` to a speaker the seed does
/// not: `but` says what sentence `s` says instead.
fn not_theirs(
    cx: &Context,
    quote: &Quote,
    found: &Found,
    s: usize,
    but: String,
    label: String,
    help: String,
) -> Diagnostic {
    let id = cx.sentence_id(s);
    let given = cx.briefing.actors.iter().find(|a| a.id.value == quote.speaker.value);
    let speaker = given.map_or(&quote.speaker.value, |a| &a.name.value);
    Diagnostic::warning("speaker-not-named", format!("the quote `{}` is given to {speaker}, but {but}", quote.id.value))
        .at(cx.in_sheet(&quote.speaker.span))
        .label(label)
        .related(cx.in_seed(&found.span()), format!("the quote, in {id}"))
        .help(help)
}

/// Who sentence `s` names outside quotation marks, by name, alias or role:
/// (seed offset, actor index), in the order they are named. The loose
/// reading of a role (`the Swedish centre-back`) is given to `speaker` only:
/// it may find the speaker, never name someone else instead.
fn named(cx: &Context, s: usize, speaker: usize, qualifiers: Qualifiers) -> Vec<(usize, usize)> {
    let sentence = &cx.seed.sentences[s];
    let quoted = cx.quoted_in_paragraph(s);
    let outside = |at: usize| !quoted.iter().any(|q| q.start <= at && at < q.end);
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (a, names) in cx.called().iter().enumerate() {
        let by_name = names
            .iter()
            .filter(|n| n.sentence == sentence.number)
            .filter(|n| {
                qualifiers == Qualifiers::Name
                    || !(qualifies_another(cx, &n.span)
                        || listens(cx, &n.span)
                        || reported(cx, s, &n.span)
                        || where_the_name_before_is_from(cx, &n.span)
                        || in_the_possessive(&cx.seed.text[n.span.end..]))
            })
            .map(|n| n.span.start);
        let by_role =
            by_role(cx, a, s, a == speaker).into_iter().map(|at| cx.folded[s].original(at) + sentence.span.start);
        if let Some(at) = by_name.chain(by_role).filter(|at| outside(*at)).min() {
            found.push((at, a));
        }
    }
    found.sort();
    found
}

/// Whether a name that only qualifies someone else (`the Palace manager`),
/// hears the words, or is spoken of, counts as naming its actor: not in the
/// sentence that attributes a quote, where it is the manager who speaks, nor
/// in the sentence before that `he said` points back to (`Black's lawyer,
/// Jeffrey Steinbach, said Black would …`); yes in the sentence after, which
/// may name the speaker (`“…” That was the view of the Palace manager.`).
#[derive(Clone, Copy, PartialEq)]
enum Qualifiers {
    Name,
    NameOthers,
}

/// Where sentence `s` names actor `a` by its role, as folded offsets: the
/// whole role, or its last two words (`the prime minister` for `UK Prime
/// Minister`), or its head after `the` (`the chancellor` for `Chancellor of
/// the Exchequer`), in any case; read `loosely`, also its last word after `the`
/// and up to two more words (`the Swedish centre-back` for `Manchester
/// United centre-back`).
fn by_role(cx: &Context, a: usize, s: usize, loosely: bool) -> Vec<usize> {
    let Some(role) = &cx.briefing.actors[a].role else { return Vec::new() };
    let sentence = cx.folded[s].text.to_lowercase();
    if sentence.len() != cx.folded[s].text.len() {
        return Vec::new(); // lower-casing moved offsets: no role is read here
    }
    let role = Folded::new(&role.value.to_lowercase()).text;
    let words: Vec<&str> = role.split_whitespace().collect();
    let Some(last) = words.last() else { return Vec::new() };
    let stands = |needle: &str| -> Vec<usize> {
        sentence
            .match_indices(needle)
            .map(|(at, _)| at)
            .filter(|&at| whole_words(&sentence, at, at + needle.len()))
            .collect()
    };
    let mut found = stands(&role);
    if words.len() > 2 {
        found.extend(stands(&words[words.len() - 2..].join(" ")));
    }
    // `the chancellor` for `Chancellor of the Exchequer`: the head before `of`,
    // unless another actor's role ends with it (`German Chancellor`)
    let ends_another_role = |head: &str| {
        let actors = &cx.briefing.actors;
        (0..actors.len())
            .filter(|&b| b != a)
            .filter_map(|b| actors[b].role.as_ref())
            .any(|r| r.value.rsplit(' ').next().is_some_and(|last| last.eq_ignore_ascii_case(head)))
    };
    if let Some((head, _)) = role.split_once(" of ")
        && !head.is_empty()
        && !ends_another_role(head)
    {
        found.extend(stands(&format!("the {head}")));
    }
    for at in stands(last).into_iter().filter(|_| loosely) {
        // `the` among the three words before it
        let before = &sentence[..at];
        let starts: Vec<usize> = before
            .char_indices()
            .filter(|&(i, c)| !c.is_whitespace() && (i == 0 || before[..i].ends_with(char::is_whitespace)))
            .map(|(i, _)| i)
            .collect();
        if let Some(&the) = starts.iter().rev().take(3).find(|&&i| before[i..].starts_with("the ")) {
            found.push(the);
        }
    }
    found
}

/// Whether `name`, standing where the sheet has no name, may be actor `a`:
/// it ends with its family name, whatever stands before (`Rewa SP Bhasin`);
/// each of its words, but a title, is a word of its names or role (`Mr Kell`,
/// `President Biden`, `Serena`), or one letter away from one (a misspelt
/// `Haggerty`); or it is the initials of a name (`WHO` for `World Health
/// Organization`).
fn may_call(cx: &Context, a: usize, name: &str) -> bool {
    let actor = &cx.briefing.actors[a];
    let own = words_of(cx, a);
    let initials = |n: &str| -> String {
        n.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).filter_map(|w| w.chars().next()).collect()
    };
    let family = actor.name.value.split_whitespace().next_back().unwrap_or_default();
    let is_own = |w: &str| {
        let w = w.to_lowercase();
        own.iter().any(|o| *o == w || one_letter_apart(o, &w))
    };
    actor.names().any(|n| initials(&n.value) == name)
        || (actor.kind == ActorKind::Person && name.split_whitespace().next_back() == Some(family))
        || name.split_whitespace().all(|w| is_title(w) || is_own(w))
}

/// The words of actor `a`'s names and role, in lower case (`o'brien`, `centre-back`).
fn words_of(cx: &Context, a: usize) -> Vec<String> {
    let actor = &cx.briefing.actors[a];
    actor
        .names()
        .chain(&actor.role)
        .flat_map(|n| n.value.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Two words of five letters or more that one letter added, dropped or
/// changed makes the same: a name misspelt (`Haggerty`, `Hagerty`).
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 5 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let same_start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let same_end = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    same_start + same_end + 1 >= a.len().max(b.len())
}

/// The sheet calls actor `a` by `noun`: each of its words is a word of its
/// name, an alias or its role (`manager`; `Palace manager` for the one whose
/// role is `Palace manager`, not for `United manager`).
fn calls(cx: &Context, a: usize, noun: &str) -> bool {
    let words = words_of(cx, a);
    noun.split(' ').map(str::to_lowercase).all(|noun| {
        words.iter().any(|w| *w == noun || w.strip_suffix('s') == Some(&noun) || noun.strip_suffix('s') == Some(w))
    })
}
