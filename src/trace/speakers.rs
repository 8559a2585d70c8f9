//! Whose words: a quote's speaker must be named where the quote stands, by
//! name, alias or role. Where the quote's sentences name no one of the
//! speaker's kind (`“…,” he said.`), the speaker is the one the text was
//! last about: the subject or the last actor of that kind named in the
//! nearest sentence before the quote that names one, or the one the next
//! sentence of its paragraph names (`“…” That was the view of X.`).
//!
//! Names inside quotation marks are words someone says, not who says them:
//! they are not read. Otherwise the warning `speaker-not-named` says who is
//! named there instead.

use std::ops::Range;

use super::fold::{Folded, whole_words};
use super::quotes::Found;
use super::{Context, Stated};
use crate::diagnostic::Diagnostic;
use crate::draft::lexicon::{JOBS, SPEECH_VERBS};
use crate::sheet::{ActorKind, Quote};

pub(super) fn not_named(cx: &Context, quote: &Quote, found: &Found) -> Option<Diagnostic> {
    let actors = &cx.briefing.actors;
    let speaker = actors.iter().position(|a| a.id.value == quote.speaker.value)?;
    let kind = actors[speaker].kind;
    let of_kind = |named: Vec<(usize, usize)>| -> Vec<usize> {
        named.into_iter().map(|(_, a)| a).filter(|&a| actors[a].kind == kind).collect()
    };
    // a name beside the quotation says whose words they are, whoever else the sentence names
    let GivenBy { speakers: by_name, whose } = given_by_name(cx, found);
    if by_name.contains(&speaker) {
        return None;
    }
    // `"…," the lawyer for Mark Day said`: Mark Day is whose lawyer speaks
    if let Some((_, phrase)) = whose.iter().find(|(a, _)| *a == speaker) {
        let id = cx.sentence_id(found.first);
        let name = &actors[speaker].name.value;
        return Some(not_theirs(
            cx,
            quote,
            found,
            &id,
            format!("{id} gives it to the {phrase}, not to {name}"),
            format!("the seed gives these words to the {phrase}"),
            "check `speaker:`: the seed gives these words to the one the attribution names first".to_string(),
        ));
    }
    // a paragraph that opens with a quotation and attributes nothing goes on
    // with the words of the quotation that ends the paragraph before
    let goes_on = by_name.is_empty().then(|| goes_on_from(cx, found)).flatten();
    match goes_on {
        Some((_, GoesOn::Name(by))) if by.contains(&speaker) => return None,
        Some((from, GoesOn::Name(by))) => {
            let by = by[0];
            let id = cx.sentence_id(found.first);
            let from = cx.sentence_id(from);
            return Some(not_theirs(
                cx,
                quote,
                found,
                &id,
                format!("{id} goes on with the words {from} gives to {}", actors[by].name.value),
                format!("the seed gives these words to {}", actors[by].name.value),
                format!("check `speaker:`: the seed gives these words to `{}`", actors[by].id.value),
            ));
        }
        Some((from, GoesOn::Body(head))) if kind == ActorKind::Person && !calls(cx, speaker, &head) => {
            let id = cx.sentence_id(found.first);
            let from = cx.sentence_id(from);
            let name = &actors[speaker].name.value;
            return Some(not_theirs(
                cx,
                quote,
                found,
                &id,
                format!("{id} goes on with the words {from} gives to the {head}: a body, not a person"),
                format!("the sheet has {name} as a person"),
                format!("check `speaker:`: the seed gives these words to the {head}"),
            ));
        }
        _ => {}
    }
    if let Some(&by) = by_name.first() {
        let id = cx.sentence_id(found.first);
        return Some(not_theirs(
            cx,
            quote,
            found,
            &id,
            format!("{id} gives it to {}", actors[by].name.value),
            format!("the seed gives these words to {}", actors[by].name.value),
            format!("check `speaker:`: the seed gives these words to `{}`", actors[by].id.value),
        ));
    }
    let named = |s: usize, qualifiers: Qualifiers| named(cx, s, speaker, qualifiers);
    // `the Palace manager said` names the manager, not the club
    let here: Vec<usize> = (found.first..=found.last).flat_map(|s| of_kind(named(s, Qualifiers::NameOthers))).collect();
    // `"…," she told Tom Kell`: the one who heard the words did not say them
    let heard = (found.first..=found.last).find(|&s| {
        let number = cx.seed.sentences[s].number;
        cx.names[speaker].iter().any(|n| n.sentence == number && listens(cx, &n.span))
    });
    if let Some(s) = heard
        && !here.contains(&speaker)
    {
        let id = cx.sentence_id(s);
        let name = &actors[speaker].name.value;
        return Some(not_theirs(
            cx,
            quote,
            found,
            &id,
            format!("{id} has {name} hear these words, not say them"),
            format!("{name} is who heard them"),
            "check `speaker:`: the seed gives these words to the one who spoke to them".to_string(),
        ));
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
            let named_before = cx.names[a].iter().any(|n| n.sentence <= cx.seed.sentences[found.last].number);
            a != speaker && calls(cx, a, head) && named_before
        })
    {
        let id = cx.sentence_id(*s);
        return Some(not_theirs(
            cx,
            quote,
            found,
            &id,
            format!("{id} gives it to the {head}, as the sheet calls {}", actors[other].name.value),
            format!("{} is not the {head}", actors[speaker].name.value),
            format!("check `speaker:`: the seed gives these words to the {head}"),
        ));
    }
    // `It said: “…”`: the words of a body or a document, never of a person
    if here.is_empty() && kind == ActorKind::Person && said_by(cx, found, &["it"]) {
        let id = cx.sentence_id(found.first);
        let name = &actors[speaker].name.value;
        return Some(not_theirs(
            cx,
            quote,
            found,
            &id,
            format!("{id} gives it to \"it\": a body or a document, not a person"),
            format!("the sheet has {name} as a person"),
            format!(
                "check `speaker:`: the seed gives these words to what \"it\" stands for (a body, a statement, a letter); if that is {name}, an organisation, give it `kind: organisation`"
            ),
        ));
    }
    // `“…,” the club said`: a body's words, given to a person
    if let Some((s, head)) = &attributed
        && kind == ActorKind::Person
        && head.rsplit(' ').next().is_some_and(|noun| BODIES.contains(&noun))
    {
        let id = cx.sentence_id(*s);
        let name = &actors[speaker].name.value;
        return Some(not_theirs(
            cx,
            quote,
            found,
            &id,
            format!("{id} gives it to the {head}: a body, not a person"),
            format!("the sheet has {name} as a person"),
            format!(
                "check `speaker:`: the seed gives these words to the {head}; add it as an actor (`kind: organisation`, with `{head}` among its aliases) and give it the quote"
            ),
        ));
    }
    // `“…,” he said`: a person's words, given to a body, unless the text has the
    // person speak for it (`A Northwind spokesman said …`)
    if here.is_empty()
        && kind != ActorKind::Person
        && said_by(cx, found, &["he", "she"])
        && !speaks_for_a_body(cx, found)
    {
        let id = cx.sentence_id(found.first);
        let name = &actors[speaker].name.value;
        return Some(not_theirs(
            cx,
            quote,
            found,
            &id,
            format!("{id} gives it to a person (\"he\" or \"she\"), not a body"),
            format!("the sheet has {name} as a body"),
            format!(
                "check `speaker:`: the seed gives these words to the person the pronoun stands for; if they speak for {name}, add them as an actor of their own and give them the quote"
            ),
        ));
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
        before = (0..found.first)
            .rev()
            .map(|s| {
                named(s, Qualifiers::Name).into_iter().filter(|&(_, a)| actors[a].kind == kind).collect::<Vec<_>>()
            })
            .find(|named| !named.is_empty())
            .map(|named| {
                let (first, last) = (named[0].1, named[named.len() - 1].1);
                if first == last { vec![first] } else { vec![first, last] }
            })
            .unwrap_or_default();
        if before.contains(&speaker) {
            return None;
        }
    }
    let id = cx.sentence_id(found.first);
    let names = |list: &[usize]| list.iter().map(|&a| actors[a].name.value.as_str()).collect::<Vec<_>>().join(" and ");
    let there = match (here.as_slice(), before.as_slice()) {
        ([], []) => format!("neither {id} nor the sentences before it name anyone"),
        ([], before) => format!("{id} names no one, and the text before it is about {}", names(before)),
        (here, _) => format!("{id} names {}", names(here)),
    };
    Some(not_theirs(
        cx,
        quote,
        found,
        &id,
        there,
        format!("{} is not named there", actors[speaker].name.value),
        "check `speaker:`; if the words are theirs, add the name the seed uses for them to `aliases:` or `role:`"
            .to_string(),
    ))
}

/// The warning that the sheet gives `quote` to a speaker the seed does
/// not: `but` says what sentence `id` says instead.
fn not_theirs(
    cx: &Context,
    quote: &Quote,
    found: &Found,
    id: &str,
    but: String,
    label: String,
    help: String,
) -> Diagnostic {
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
    for (a, names) in cx.names.iter().enumerate() {
        let by_name = names
            .iter()
            .filter(|n| n.sentence == sentence.number)
            .filter(|n| {
                qualifiers == Qualifiers::Name
                    || !(qualifies_another(cx, &n.span) || listens(cx, &n.span) || reported(cx, s, &n.span))
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

/// Whether a name that only qualifies someone else (`the Palace manager`)
/// counts as naming its actor: not in the sentence that attributes a quote,
/// where it is the manager who speaks; yes in the sentences before, which say
/// who the text is about (`Kell resigned as Labour leader.`).
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

/// The verbs that give a quote to its speaker.
const SAYING: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "told",
    "wrote",
    "writes",
    "explained",
    "noted",
    "stated",
    "insisted",
    "warned",
    "continued",
    "replied",
    "argued",
    "declared",
];

/// Nouns of an attribution (`the club said`) that name a body, never a person.
/// Not a document's (`the statement said`): a person may have written it.
const BODIES: &[&str] = &[
    "agency",
    "association",
    "authority",
    "bank",
    "board",
    "club",
    "commission",
    "committee",
    "company",
    "council",
    "court",
    "department",
    "federation",
    "firm",
    "fund",
    "government",
    "group",
    "institute",
    "league",
    "ministry",
    "office",
    "organisation",
    "organization",
    "party",
    "police",
    "regulator",
    "team",
    "union",
    "university",
];

/// The noun sentence `s` gives its quoted words to, outside quotation marks:
/// `defender` in `said the defender` or `the Swedish defender said`. Not a
/// name or a pronoun: those are read as names are.
fn attribution(cx: &Context, s: usize, found: &Found) -> Option<String> {
    let all = words_outside_quotes(cx, s);
    // how many of its words stand before the quotation opens, in its first sentence
    let opens = quotation_bounds(cx, found).map(|(opened, _)| opened.start);
    let before_quote = match opens {
        Some(at) if s == found.first => all.iter().filter(|w| w.at < at).count(),
        _ => 0,
    };
    // reported speech runs on into the quotation, no mark between (`the Board said
    // the company would "stay the course"`); a quotation a colon or comma opens is
    // introduced by the clause right before it, not by one earlier
    let runs_on = |i: usize| {
        let last = &all[before_quote - 1];
        let gap = opens.and_then(|at| cx.seed.text.get(last.at + last.text.len()..at)).unwrap_or(",");
        all[i + 1..before_quote].iter().all(|w| !w.pause) && gap.trim().is_empty()
    };
    let words: Vec<(&str, bool)> = all.iter().map(|w| (w.text, w.pause)).collect();
    let plain = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    // words that end the noun after `said the` (`said the majority of the committee`)
    let ends_noun = |w: &str| ["of", "the", "a", "an", "that", "to", "in", "on", "for", "and", "at"].contains(&w);
    // the verb that gives this quotation its speaker stands beside it: among the last three words before it
    let beside = |i: usize| before_quote > 0 && i < before_quote && (i + 3 >= before_quote || runs_on(i));
    // the `the` at `t` begins the subject: first in its clause, not the object of a
    // word before it (`the leader of the union said`, `who founded the firm said`)
    let leads = |t: usize| t == 0 || words[t].1 || ["and", "but"].contains(&words[t - 1].0);
    for (i, &(word, _)) in words.iter().enumerate() {
        if !is_saying(word) {
            continue;
        }
        let verb = word.to_lowercase();
        // `the Bank said: “…”`: one word that a capital begins, right after `the`,
        // when the verb introduces the quotation (not `after the Board said it would …`)
        if i >= 2
            && beside(i)
            && !plain(words[i - 1].0)
            && words[i - 2].0.eq_ignore_ascii_case("the")
            && leads(i - 2)
            && !words[i - 1].1
            && !words[i].1
        {
            return Some(words[i - 1].0.to_lowercase());
        }
        // `the Swedish defender said`
        if i >= 2 && plain(words[i - 1].0) && !words[i].1 {
            let from = i.saturating_sub(3);
            let the = words[from..i - 1].iter().rposition(|&(w, _)| w == "the" || w == "The");
            let unbroken =
                the.is_some_and(|t| leads(from + t) && words[from + t + 1..i].iter().all(|&(_, pause)| !pause));
            if unbroken {
                return Some(words[i - 1].0.to_lowercase());
            }
        }
        // `said the defender`, `said the Palace manager`: the last of up to three
        // plain words after `the` and the names that qualify them, unbroken, where
        // the verb has no subject of its own
        if names_speaker_after(&verb, words[i].1) && words.get(i + 1).is_some_and(|&(w, pause)| w == "the" && !pause) {
            let qualifiers = words[i + 2..].iter().take(2).take_while(|&&(w, pause)| !plain(w) && !pause).count();
            let after = words[i + 2 + qualifiers..]
                .iter()
                .take(3)
                .take_while(|&&(w, pause)| plain(w) && !pause && !ends_noun(w));
            if let Some((head, _)) = after.last() {
                let qualified = words[i + 2..i + 2 + qualifiers].iter().map(|&(w, _)| w);
                return Some(qualified.chain([head.to_lowercase().as_str()]).collect::<Vec<_>>().join(" "));
            }
        }
    }
    None
}

/// The quotation gives its words to one of `pronouns`, beside it: `It said:
/// “…”`, `“…,” it added`, `“…,” he said`.
fn said_by(cx: &Context, found: &Found, pronouns: &[&str]) -> bool {
    let Some((before, after)) = beside_quotation(cx, found) else { return false };
    // the pronoun the subject: first in its clause (`It said`, `, it added`, `and it said`),
    // not the object of a word before it (`the woman behind it said`)
    let by_it = |words: &[Word], v: usize| {
        v > 0
            && pronouns.iter().any(|p| words[v - 1].text.eq_ignore_ascii_case(p))
            && !words[v].pause
            && (v == 1 || words[v - 1].pause || ["and", "but", "so"].contains(&words[v - 2].text))
    };
    let is_saying = |w: &Word| is_saying(w.text);
    // `“…,” it said`: the verb among the three words after it; `It said in a
    // statement: “…”`: the last verb among the five before
    after.iter().take(3).position(is_saying).is_some_and(|v| by_it(&after, v))
        || (before.len().saturating_sub(5)..before.len())
            .rev()
            .find(|&i| is_saying(&before[i]))
            .is_some_and(|v| by_it(&before, v))
}

/// The words outside quotation marks before the quotation's opening (in
/// its first sentence) and after its close (in its last).
fn beside_quotation<'a>(cx: &Context<'a>, found: &Found) -> Option<(Vec<Word<'a>>, Vec<Word<'a>>)> {
    let (opened, closed) = quotation_bounds(cx, found)?;
    let before = words_outside_quotes(cx, found.first).into_iter().filter(|w| w.at < opened.start).collect();
    let after = words_outside_quotes(cx, found.last).into_iter().filter(|w| w.at >= closed.end).collect();
    Some((before, after))
}

/// The quotation marks the quote's first part stands in, and those its last
/// part stands in, as seed offsets.
fn quotation_bounds(cx: &Context, found: &Found) -> Option<(Range<usize>, Range<usize>)> {
    let quoted = cx.quoted_in_paragraph(found.first);
    let inside = |at: usize| quoted.iter().find(|q| q.start <= at && at < q.end).cloned();
    Some((inside(found.parts[0].start)?, inside(found.parts[found.parts.len() - 1].start)?))
}

/// `word` gives a quote to its speaker: `said`, `added`, `told` …
fn is_saying(word: &str) -> bool {
    SAYING.contains(&word.to_lowercase().as_str())
}

/// Whether the one named right after saying verb `verb` said the words: only
/// where no subject stands before the verb (`"…," said Berg`, `"…," warned the
/// chancellor`, but not `"…," she warned the committee`), and never after
/// `told`, whose object heard them (`told Reuters`).
fn names_speaker_after(verb: &str, subjectless: bool) -> bool {
    subjectless && !verb.eq_ignore_ascii_case("told")
}

/// A word of a sentence outside quotation marks: its offset in the seed, and
/// whether a quotation or a mark of punctuation stands before it.
struct Word<'a> {
    at: usize,
    text: &'a str,
    pause: bool,
}

fn words_outside_quotes<'a>(cx: &Context<'a>, s: usize) -> Vec<Word<'a>> {
    let sentence = &cx.seed.sentences[s];
    let quoted = cx.quoted_in_paragraph(s);
    let start = sentence.span.start;
    let mut words = Vec::new();
    let mut pause = false;
    let text = &cx.seed.text[sentence.span.clone()];
    let mut rest = text.char_indices().peekable();
    while let Some((at, c)) = rest.next() {
        if quoted.iter().any(|q| q.start <= start + at && start + at < q.end) {
            pause = true;
            continue;
        }
        if c.is_alphabetic() {
            let mut end = at + c.len_utf8();
            while let Some(&(next, c)) = rest.peek() {
                if !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’') {
                    break;
                }
                end = next + c.len_utf8();
                rest.next();
            }
            words.push(Word { at: start + at, text: &text[at..end], pause });
            pause = false;
        } else if !c.is_whitespace() {
            pause = true;
        }
    }
    words
}

/// The actors a name beside the quotation gives the quote to: `"…," said
/// Anna Berg`, `"…," Berg said`, `Berg told reporters: "…"` — a saying verb
/// among the three words after the quotation or before it, and a name among
/// the three words before that verb, or after it where the verb has no subject
/// (`said Berg`, not `told Reuters` nor `she warned the Treasury Committee`).
/// Two when `and` joins them (`Berg and Kell said in a joint statement`).
fn given_by_name(cx: &Context, found: &Found) -> GivenBy {
    let Some((before, after)) = beside_quotation(cx, found) else { return GivenBy::default() };
    let text = &cx.seed.text;
    let word_before = |at: usize| text[..at].trim_end().rsplit(' ').next().unwrap_or("");
    // the word before a name and its article: `of` in `the leader of the union`
    let governed = |at: usize| {
        let mut words = text[..at].split_whitespace().rev();
        let word = words.next().filter(|w| !["the", "a", "an", "its", "their"].contains(w)).or_else(|| words.next());
        word.is_some_and(|w| GOVERNING.contains(&w))
    };
    // the actors named from `from` to `to` in sentence `s`, by where: not one
    // that only says whose someone is (`said Brand's spokesman, Tom Kell`, `the
    // Palace manager`) nor one a word before it governs (`the mother of Anna
    // Berg`, `Saluzzi from Themis Trading`)
    let in_the_possessive = |after: &str| ["'s", "’s"].iter().any(|p| after.starts_with(p));
    let named_at = |s: usize, from: usize, to: usize| -> Vec<(usize, usize)> {
        let number = cx.seed.sentences[s].number;
        let mut named: Vec<(usize, usize)> = (0..cx.names.len())
            .filter_map(|a| {
                let at = cx.names[a].iter().find(|n| {
                    n.sentence == number
                        && from <= n.span.start
                        && n.span.start < to
                        && !in_the_possessive(&text[n.span.end..])
                        && !qualifies_another(cx, &n.span)
                        && !governed(n.span.start)
                })?;
                Some((at.span.start, a))
            })
            .collect();
        named.sort();
        named
    };
    // the subject at `at`, and the one `and` joins to it
    let joined = |s: usize, (at, a): (usize, usize)| -> Vec<usize> {
        let mut subjects = vec![a];
        if word_before(at) == "and" {
            let and = text[..at].trim_end().len() - "and".len();
            let number = cx.seed.sentences[s].number;
            let ends_before = |n: &Stated| n.sentence == number && text[..and].trim_end().len() == n.span.end;
            subjects.extend((0..cx.names.len()).find(|&b| cx.names[b].iter().any(ends_before)));
        }
        subjects
    };
    // `the lawyer for Mark Day said`: whose lawyer, named between `from` and `to`
    let whose = |s: usize, from: usize, to: usize| -> Vec<(usize, String)> {
        let number = cx.seed.sentences[s].number;
        let mut found = Vec::new();
        for (a, names) in cx.names.iter().enumerate() {
            for n in names.iter().filter(|n| n.sentence == number && from <= n.span.start && n.span.start < to) {
                // `the lawyer for the Harbour Trust`: the article before the name aside
                let mut words: Vec<&str> = text[from..n.span.start].split_whitespace().collect();
                if words.last().is_some_and(|w| ["the", "a", "an"].contains(w)) {
                    words.pop();
                }
                let [.., noun, preposition] = words.as_slice() else { continue };
                let (noun, preposition) = (*noun, *preposition);
                let plain = noun.chars().all(|c| c.is_lowercase() || c == '-') && !noun.is_empty();
                if WHOSE.contains(&preposition) && plain && !SPEAKS_FOR.contains(&noun) {
                    let at = text[..n.span.start].rfind(noun).unwrap_or(n.span.start);
                    found.push((a, text[at..n.span.end].to_string()));
                }
            }
        }
        found
    };
    // a word that opens a clause of its own between the quotation and the verb
    // gives the verb another subject (`called the deal "dead" and Kell said`)
    let opens_clause = |words: &[Word]| words.iter().any(|w| CLAUSE_WORDS.contains(&w.text));
    // after the quotation: `"…," said Berg` or `"…," Berg said`; further on where
    // the subject starts right after the quotation and nothing breaks it: `"…,"
    // the United manager Ruben Amorim said`
    let long_subject = |v: usize| {
        let starts = after[0].text.eq_ignore_ascii_case("the") || after[0].text.starts_with(char::is_uppercase);
        starts && after[1..=v].iter().all(|w| !w.pause)
    };
    if let Some(v) = after
        .iter()
        .take(10)
        .position(|w| is_saying(w.text))
        .filter(|&v| (v < 3 || long_subject(v)) && !opens_clause(&after[..v]))
    {
        // the name nearest the verb: the last before it, or the first after it
        let subject = after[..v].first().and_then(|w| named_at(found.last, w.at, after[v].at).last().copied());
        let whose = after[..v].first().map(|w| whose(found.last, w.at, after[v].at)).unwrap_or_default();
        if let Some(subject) = subject {
            return GivenBy { speakers: joined(found.last, subject), whose };
        }
        let end = after.get(v + 4).map_or(usize::MAX, |w| w.at);
        let first = after.get(v + 1).and_then(|w| named_at(found.last, w.at, end).first().copied());
        let speakers = first
            .filter(|_| names_speaker_after(after[v].text, after[v].pause))
            .map(|(_, a)| vec![a])
            .unwrap_or_default();
        return GivenBy { speakers, whose };
    }
    // before it: `Berg said: "…"`, `Berg told reporters: "…"`; further back where
    // nothing breaks the words between: `City said in a statement: "…"`
    let last = before.len();
    let unbroken = |i: usize| before[i + 1..].iter().all(|w| !w.pause) && !opens_clause(&before[i + 1..]);
    // any verb of saying counts here (`Police said Smith admitted he had "panicked"`)
    let says = |w: &Word| is_saying(w.text) || SPEECH_VERBS.contains(&w.text.to_lowercase().as_str());
    let Some(v) = (last.saturating_sub(5)..last).rev().find(|&i| says(&before[i]) && (i + 3 >= last || unbroken(i)))
    else {
        return GivenBy::default();
    };
    let from = before[v.saturating_sub(3)..v].first().map_or(before[v].at, |w| w.at);
    let speakers = named_at(found.first, from, before[v].at)
        .last()
        .map(|&subject| joined(found.first, subject))
        .unwrap_or_default();
    GivenBy { speakers, whose: whose(found.first, from, before[v].at) }
}

/// Who a name beside the quotation gives it to, and who the words of the
/// attribution say is not the speaker but whose lawyer, mother or office
/// speaks (`the lawyer for Mark Day said`): (actor, the words that say so).
#[derive(Default)]
struct GivenBy {
    speakers: Vec<usize>,
    whose: Vec<(usize, String)>,
}

/// Words between a noun of the attribution and a name that make the name
/// another's: `the lawyer for Mark Day`, `the mother of Anna Berg`.
const WHOSE: &[&str] = &["of", "for", "representing"];

/// Words before a name that make it no subject: `the mother of Anna Berg`,
/// `the lawyer representing Tom Kell`, `Joe Saluzzi from Themis Trading`.
const GOVERNING: &[&str] = &[
    "of",
    "for",
    "from",
    "at",
    "by",
    "with",
    "to",
    "representing",
    "behind",
    "about",
    "against",
    "on",
    "in",
    "like",
    "including",
    "named",
    "beside",
    "without",
];

/// Words that open a clause of their own.
const CLAUSE_WORDS: &[&str] = &[
    "and", "or", "but", "while", "whom", "who", "which", "that", "as", "when", "after", "before", "because", "if",
    "since", "whose", "where", "whereas", "although", "though",
];

/// A name that only says whose someone else is: one before a job
/// (`Northwind chief executive Mara Quinn`, `Brand's lawyer`, `the White
/// House press secretary`) or, after `the`, before any noun (`the Northport
/// teenager`, `the Labour MP`). A spokesperson speaks for the body that
/// qualifies them: `a Northwind spokesman` still names Northwind.
fn qualifies_another(cx: &Context, name: &Range<usize>) -> bool {
    let text = &cx.seed.text;
    let after = &text[name.end..];
    let possessive = ["'s", "’s"].iter().find_map(|p| after.strip_prefix(p));
    let Some(rest) = possessive.unwrap_or(after).strip_prefix(' ') else { return false };
    // the first two words after it, up to a mark
    let mut words = Vec::new();
    for token in rest.splitn(3, ' ').take(2) {
        let word = token.trim_end_matches(|c: char| c.is_ascii_punctuation() && c != '-');
        if word.is_empty() {
            break;
        }
        words.push(word);
        if word.len() < token.len() {
            break;
        }
    }
    let job = |w: &str| {
        let w = w.to_lowercase();
        JOBS.contains(&w.as_str()) && !SPEAKS_FOR.contains(&w.as_str())
    };
    match words.as_slice() {
        [first, ..] if job(first) => return true,
        [field, second] if JOB_FIELDS.contains(&field.to_lowercase().as_str()) && job(second) => return true,
        _ => {}
    }
    if possessive.is_some() {
        return false; // `Amorim's side were beaten` is about Amorim
    }
    let the = text[..name.start].trim_end().rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let person = |w: &str| {
        let acronym = (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase());
        acronym || PEOPLE.contains(&w)
    };
    the && words.first().is_some_and(|w| person(w))
}

/// Nouns of a person, besides the words of a job, that a name before them
/// qualifies after `the`: `the Northport teenager`, `the Harbour boss`.
const PEOPLE: &[&str] = &[
    "boss",
    "teenager",
    "youngster",
    "veteran",
    "star",
    "keeper",
    "skipper",
    "official",
    "lawmaker",
    "legislator",
    "politician",
    "nominee",
    "rookie",
    "worker",
    "striker",
    "MP",
    "MEP",
];

/// Whether the quote's sentences or the three before them have someone speak
/// for a body: a spokesperson, a representative, an official.
fn speaks_for_a_body(cx: &Context, found: &Found) -> bool {
    (found.first.saturating_sub(3)..=found.last).any(|s| {
        let text = cx.seed.text[cx.seed.sentences[s].span.clone()].to_lowercase();
        ["spokes", "representative", "official"].iter().any(|w| text.contains(w))
    })
}

/// Whether the name is who heard the words: `"…," she told Tom Kell`, `she
/// warned the Treasury Committee`, `she said to Kell`.
fn listens(cx: &Context, name: &Range<usize>) -> bool {
    let mut before = cx.seed.text[..name.start].split_whitespace().rev().peekable();
    before.next_if(|w| ["the", "a", "an"].contains(w));
    match before.next() {
        Some("told" | "warned") => true,
        Some("to") => before.next().is_some_and(|w| is_saying(w) || ["spoke", "speaking", "talking"].contains(&w)),
        _ => false,
    }
}

/// Whether the name is the subject of reported speech that another says,
/// before a quotation: in `Anna Berg, for the council, said Tom Kell had "lied
/// to everyone"`, Berg says it, not Kell. The saying verb has words before it
/// (its subject), and the name follows it, `that` aside.
fn reported(cx: &Context, s: usize, name: &Range<usize>) -> bool {
    let Some(opens) = cx.quoted_in_paragraph(s).iter().map(|q| q.start).find(|&q| q >= name.end) else {
        return false;
    };
    if cx.sentence_at(opens) != Some(s) {
        return false;
    }
    let words = words_outside_quotes(cx, s);
    let Some(at) = words.iter().position(|w| w.at == name.start) else { return false };
    let verb = match at.checked_sub(1).map(|i| &words[i]) {
        Some(w) if w.text == "that" => at.checked_sub(2).map(|i| &words[i]),
        w => w,
    };
    // unless the name says the words itself: `Police said Smith admitted he had "panicked"`
    let says_them = words[at + 1..]
        .iter()
        .take_while(|w| w.at < opens)
        .any(|w| is_saying(w.text) || SPEECH_VERBS.contains(&w.text.to_lowercase().as_str()));
    !says_them
        && verb.is_some_and(|v| is_saying(v.text) && !v.text.eq_ignore_ascii_case("told"))
        && words.first().is_some_and(|w| w.at < verb.map_or(0, |v| v.at))
}

/// Job words of one who speaks for a body, not for themselves.
const SPEAKS_FOR: &[&str] = &["spokesman", "spokeswoman", "spokesperson", "representative"];

/// Words that make a job of the job word after them: `press secretary`.
const JOB_FIELDS: &[&str] = &[
    "press",
    "finance",
    "foreign",
    "home",
    "health",
    "defence",
    "defense",
    "interior",
    "trade",
    "energy",
    "education",
    "justice",
    "transport",
    "culture",
    "team",
    "club",
    "first-team",
    "assistant",
    "general",
];

/// The sentence and the actors whose words a quotation goes on with: the
/// quote's paragraph is quotation alone, no word outside its marks, and
/// follows a paragraph whose last sentence ends a quotation that a name
/// beside it gives to that actor
/// (`"…," ABS head of labour statistics Bjorn Jarvis said.` then `"…"`).
fn goes_on_from(cx: &Context, found: &Found) -> Option<(usize, GoesOn)> {
    let sentences = &cx.seed.sentences;
    let first = found.first;
    let paragraph = sentences[first].paragraph;
    if first == 0 || sentences[first - 1].paragraph == paragraph {
        return None;
    }
    let opens = cx.quoted_in_paragraph(first).first()?;
    if cx.seed.text[sentences[first].span.start..opens.start].trim() != "" {
        return None;
    }
    let says_more = (first..sentences.len())
        .take_while(|&s| sentences[s].paragraph == paragraph)
        .any(|s| !words_outside_quotes(cx, s).is_empty());
    if says_more {
        return None;
    }
    // the quotation that ends in the sentence before, whole
    let prev = first - 1;
    let ends = cx.quoted_in_paragraph(prev).last()?.clone();
    if cx.sentence_at(ends.end.saturating_sub(1)) != Some(prev) {
        return None;
    }
    let starts = cx.sentence_at(ends.start)?;
    let before = Found { first: starts, last: prev, parts: vec![ends] };
    let by = given_by_name(cx, &before).speakers;
    if !by.is_empty() {
        return Some((prev, GoesOn::Name(by)));
    }
    // `"…," the club said.` then `"…"`: still the club's words
    let head = attribution(cx, prev, &before)?;
    head.rsplit(' ').next().is_some_and(|noun| BODIES.contains(&noun)).then_some((prev, GoesOn::Body(head)))
}

/// Whose words a quotation-only paragraph goes on with.
enum GoesOn {
    /// The actors a name beside the quotation before gives them to.
    Name(Vec<usize>),
    /// A body's, that a noun gives them to (`the club said`).
    Body(String),
}

/// The sheet calls actor `a` by `noun`: each of its words is a word of its
/// name, an alias or its role (`manager`; `Palace manager` for the one whose
/// role is `Palace manager`, not for `United manager`).
fn calls(cx: &Context, a: usize, noun: &str) -> bool {
    let actor = &cx.briefing.actors[a];
    let role = actor.role.iter().map(|r| &r.value);
    let words: Vec<String> = actor
        .names()
        .map(|n| &n.value)
        .chain(role)
        .flat_map(|words| words.split(|c: char| !c.is_alphanumeric() && c != '-'))
        .map(str::to_lowercase)
        .collect();
    noun.split(' ').map(str::to_lowercase).all(|noun| {
        words.iter().any(|w| *w == noun || w.strip_suffix('s') == Some(&noun) || noun.strip_suffix('s') == Some(w))
    })
}
