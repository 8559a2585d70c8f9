//! Reading an attribution: who a sentence gives quoted words to. A name
//! beside a saying verb (`"…," said Anna Berg`, `Berg told reporters: "…"`),
//! a noun (`the Board said`, `said the defender`), a pronoun (`it said`, `he
//! said`), a quotation that goes on from the paragraph before; and the names
//! that are not the speaker though they stand there: the one a name only
//! qualifies (`the Palace manager`), the listener (`she told Kell`), the one
//! whose lawyer speaks, the subject of reported speech.

use std::ops::Range;

use super::Context;
use super::Stated;
use super::quotes::Found;
use crate::draft::lexicon::{JOBS, MONTHS, SPEECH_VERBS};
use crate::sheet::ActorKind;
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
    // the present of news features: `…," Mr Dorran states.`
    "states",
    "notes",
    "explains",
    "insists",
    "warns",
    "argues",
    "replies",
    "continues",
];

/// Nouns of an attribution (`the club said`) that name a body, never a person.
/// Not a document's (`the statement said`): a person may have written it.
pub(super) const BODIES: &[&str] = &[
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
pub(super) fn attribution(cx: &Context, s: usize, found: &Found) -> Option<String> {
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
pub(super) fn said_by(cx: &Context, found: &Found, pronouns: &[&str]) -> bool {
    let Some(Beside { before, after, .. }) = beside_quotation(cx, found) else { return false };
    let by_it = |words: &[Word], v: usize| pronoun_is_subject(words, v, pronouns);
    let is_saying = |w: &Word| is_saying(w.text);
    // `“…,” it said`: the verb among the three words after it; `It said in a
    // statement: “…”`: the last verb among the five before; `He told Radio
    // 6’s Morning programme: “…”`: `told` and the one it told, before a colon
    let colon_before =
        quotation_bounds(cx, found).is_some_and(|(opened, _)| cx.seed.text[..opened.start].trim_end().ends_with(':'));
    let told = |i: &usize| before[*i].text.eq_ignore_ascii_case("told");
    after.iter().take(3).position(is_saying).is_some_and(|v| by_it(&after, v))
        || (before.len().saturating_sub(5)..before.len())
            .rev()
            .find(|&i| is_saying(&before[i]))
            .is_some_and(|v| by_it(&before, v))
        || (colon_before
            && (before.len().saturating_sub(10)..before.len()).rev().find(told).is_some_and(|v| by_it(&before, v)))
}

/// Sentence `s` opens with `he` or `she` as its subject (`And she banned his
/// brother Sam Reed …`): the names in it are whom that one acted on, and
/// the one a later `she` stands for was named before it.
pub(super) fn pronoun_subject(cx: &Context, s: usize) -> bool {
    let words = words_outside_quotes(cx, s);
    let mut words = words.iter().map(|w| w.text).skip_while(|w| ["And", "But", "Then", "So", "Later"].contains(w));
    let he_or_she = |w: &str| ["he", "she"].contains(&w.to_lowercase().as_str());
    // or after a short opening phrase: `From Oslo, she spoke to reporter Tom Berg`
    let sentence = &cx.seed.text[cx.seed.sentences[s].span.clone()];
    let after_opening = sentence.split_once(", ").is_some_and(|(opening, rest)| {
        opening.split_whitespace().count() <= 4
            && !opening.contains(['"', '“'])
            && rest.split_whitespace().next().is_some_and(he_or_she)
    });
    words.next().is_some_and(he_or_she) || after_opening
}

/// The name that `after` follows is in the possessive: `Black's virtues`.
pub(super) fn in_the_possessive(after: &str) -> bool {
    ["'s", "’s"].iter().any(|p| after.starts_with(p))
}

/// A name alone in brackets restates the one before it, whose place it
/// takes: `at the Harbour Traders Guild (HTG) said`.
fn in_brackets(text: &str, name: &Range<usize>) -> bool {
    text[..name.start].ends_with('(') && text[name.end..].starts_with(')')
}

/// Whether the name at `name` says where the one named right before it is
/// from: `Dr Ana Reyes from the Coastal Survey Office`, `Tom Kell of Northwind`.
pub(super) fn where_the_name_before_is_from(cx: &Context, name: &Range<usize>) -> bool {
    let text = &cx.seed.text;
    let before = text[..name.start].trim_end();
    let before = before.strip_suffix("the").map_or(before, str::trim_end);
    let Some(before) = ["from", "of", "at"].iter().find_map(|w| before.strip_suffix(w)) else { return false };
    let (end, ends_in_space) = (before.trim_end().len(), before.ends_with(' '));
    ends_in_space && cx.called().iter().flatten().any(|n| n.span.end == end)
}

/// A name that is itself in the possessive (a body called `Sotheby’s`) and
/// says whose the name after it is: `says the Sotheby’s Christopher Apostle`.
fn whose_name_before_a_name(text: &str, name: &Range<usize>) -> bool {
    let own = &text[name.clone()];
    let next = text[name.end..].strip_prefix(' ').unwrap_or_default();
    ["'s", "’s"].iter().any(|p| own.ends_with(p)) && next.starts_with(char::is_uppercase)
}

/// Where the first verb of saying ends whose subject in sentence `s` is one of
/// `pronouns` (`"…," he said`, `He said`): the names after it are whom the
/// speaker speaks of (`he said, calling Black a "devoted father"`).
pub(super) fn pronoun_says_at(cx: &Context, s: usize, pronouns: &[&str]) -> Option<usize> {
    let words = words_outside_quotes(cx, s);
    let v = (1..words.len()).find(|&v| is_saying(words[v].text) && pronoun_is_subject(&words, v, pronouns))?;
    Some(words[v].at + words[v].text.len())
}

/// One of `pronouns` is the subject of the verb at `v`: right before it and
/// first in its clause (`It said`, `, it added`, `and it said`), not the
/// object of a word before it (`the woman behind it said`).
fn pronoun_is_subject(words: &[Word], v: usize, pronouns: &[&str]) -> bool {
    v > 0
        && pronouns.iter().any(|p| words[v - 1].text.eq_ignore_ascii_case(p))
        && !words[v].pause
        && (v == 1 || words[v - 1].pause || ["and", "but", "so"].contains(&words[v - 2].text))
}

/// The words outside quotation marks before the quotation's opening (in
/// the sentence it opens in) and after its close (in the sentence it closes
/// in): a quote may be one sentence of a quotation that runs over several
/// (`"We stay in the fight. It is a young side," Reyes said.`).
fn beside_quotation<'a>(cx: &Context<'a>, found: &Found) -> Option<Beside<'a>> {
    let (opened, closed) = quotation_bounds(cx, found)?;
    let opens_in = cx.sentence_at(opened.start).map_or(found.first, |s| s.min(found.first));
    let closes_in = cx.sentence_at(closed.end.saturating_sub(1)).map_or(found.last, |s| s.max(found.last));
    let before = words_outside_quotes(cx, opens_in).into_iter().filter(|w| w.at < opened.start).collect();
    let after = words_outside_quotes(cx, closes_in).into_iter().filter(|w| w.at >= closed.end).collect();
    Some(Beside { before, after, opens_in, closes_in })
}

/// The words beside a quotation, and the sentences they stand in.
struct Beside<'a> {
    before: Vec<Word<'a>>,
    after: Vec<Word<'a>>,
    opens_in: usize,
    closes_in: usize,
}

/// The quotation marks the quote's first part stands in, and those its last
/// part stands in, as seed offsets.
fn quotation_bounds(cx: &Context, found: &Found) -> Option<(Range<usize>, Range<usize>)> {
    let quoted = cx.quoted_in_paragraph(found.first);
    let inside = |at: usize| quoted.iter().find(|q| q.start <= at && at < q.end).cloned();
    Some((inside(found.parts[0].start)?, inside(found.parts[found.parts.len() - 1].start)?))
}

/// `word` gives a quote to its speaker: `said`, `added`, `told` …
pub(super) fn is_saying(word: &str) -> bool {
    SAYING.contains(&word.to_lowercase().as_str())
}

/// `word` reports speech or thought, as a quote's verb does or more: `said`, `warned`, `believes` …
pub(super) fn reports_speech(word: &str) -> bool {
    is_saying(word) || SPEECH_VERBS.contains(&word.to_lowercase().as_str())
}

/// Where the saying verb that follows the name at `name` starts, an aside
/// between commas aside: `Tom Kell said`, `Ian Smith, the prosecutor,
/// told`, `Kell, 54, said`.
pub(super) fn says_after(cx: &Context, name: &Range<usize>) -> Option<usize> {
    let text = &cx.seed.text;
    let mut at = name.end + (text[name.end..].len() - text[name.end..].trim_start().len());
    if text[at..].starts_with(',') {
        // a short aside with no quotation or sentence's end in it
        let aside = &text[at + 1..];
        let end =
            aside.find(',').filter(|&end| end <= 60 && !aside[..end].contains(|c: char| "\"“”.;:".contains(c)))?;
        at += 1 + end + 1;
        at += text[at..].len() - text[at..].trim_start().len();
    }
    let rest = &text[at..];
    let word = &rest[..rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len())];
    is_saying(word).then_some(at)
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
        } else if !c.is_whitespace() && !matches!(c, '(' | ')') {
            // an aside in brackets breaks nothing: `agency (CRA) chief Benno said`
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
pub(super) fn given_by_name(cx: &Context, found: &Found) -> GivenBy {
    let Some(Beside { before, after, opens_in, closes_in }) = beside_quotation(cx, found) else {
        return GivenBy::default();
    };
    let text = &cx.seed.text;
    let word_before = |at: usize| text[..at].trim_end().rsplit(' ').next().unwrap_or("");
    // the word before a name and its article: `of` in `the leader of the union`
    // — unless it is the one a spokesman speaks for (`a spokesman for Arden Glass`)
    // — and a firm's words between (`at crypto brokerage firm Halden Capital`)
    let governed = |at: usize| {
        let mut words = text[..at].split_whitespace().rev().peekable();
        if words.next_if(|w| FIRMS.contains(w)).is_some() {
            // what kind of firm: `crypto financial services`
            for _ in 0..4 {
                words.next_if(|w| w.chars().all(char::is_lowercase) && !GOVERNING.contains(w) && !SAYING.contains(w));
            }
        }
        let word = words.next().filter(|w| !["the", "a", "an", "its", "their"].contains(w)).or_else(|| words.next());
        let speaks_for = words.next().is_some_and(|w| SPEAKS_FOR.contains(&w.to_lowercase().as_str()));
        word.is_some_and(|w| GOVERNING.contains(&w)) && !speaks_for
    };
    // the actors named from `from` to `to` in sentence `s`, by where: not one
    // that only says whose someone is (`said Brand's spokesman, Tom Kell`, `the
    // Palace manager`) nor one a word before it governs (`the mother of Anna
    // Berg`, `Saluzzi from Themis Trading`)
    let named_at = |s: usize, from: usize, to: usize| -> Vec<(usize, usize)> {
        let number = cx.seed.sentences[s].number;
        let mut named: Vec<(usize, usize)> = (0..cx.called().len())
            .filter_map(|a| {
                let at = cx.called()[a].iter().find(|n| {
                    n.sentence == number
                        && from <= n.span.start
                        && n.span.start < to
                        && !in_the_possessive(&text[n.span.end..])
                        && !whose_name_before_a_name(text, &n.span)
                        && !qualifies_another(cx, &n.span)
                        && !governed(n.span.start)
                        && !in_brackets(text, &n.span)
                        && !listens(cx, &n.span)
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
            subjects.extend((0..cx.called().len()).find(|&b| cx.called()[b].iter().any(ends_before)));
        }
        subjects
    };
    // `the lawyer for Mark Day said`: whose lawyer, named between `from` and `to`
    let whose = |s: usize, from: usize, to: usize| -> Vec<(usize, String)> {
        let number = cx.seed.sentences[s].number;
        let mut found = Vec::new();
        for (a, names) in cx.called().iter().enumerate() {
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
        // or a description that ends in a job: `county rescue agency chief Benno told`
        let starts = after[0].text.eq_ignore_ascii_case("the")
            || after[0].text.starts_with(char::is_uppercase)
            || after[..v].iter().any(|w| JOBS.contains(&w.text));
        starts && after[1..=v].iter().all(|w| !w.pause)
    };
    // `"…," Tom Kell, head of Northwind, said`: a name, then words set off by
    // commas, then the verb; the name says whose the words are. Or the other
    // way round: `"…," the chief economist of Harbour Jobs, Ana Reyes, told`
    let appositive = after.iter().take(14).position(|w| is_saying(w.text)).filter(|&v| v >= 3 && after[v].pause);
    if let Some(v) = appositive
        && let Some(comma) = after[1..v].iter().position(|w| w.pause).map(|i| i + 1)
        && !opens_clause(&after[..v])
    {
        let first = named_at(closes_in, after[0].at, after[comma].at).last().copied();
        let set_off = || named_at(closes_in, after[comma].at, after[v].at).last().copied();
        let described = !after[0].text.starts_with(char::is_uppercase) || after[0].text == "The";
        if let Some(subject) = first.filter(|_| !described).or_else(|| described.then(set_off).flatten()) {
            return GivenBy { speakers: joined(closes_in, subject), whose: Vec::new(), unnamed: None };
        }
    }
    if let Some(v) = after
        .iter()
        .take(10)
        .position(|w| is_saying(w.text))
        .filter(|&v| (v < 3 || long_subject(v)) && !opens_clause(&after[..v]))
    {
        // the name nearest the verb: the last before it, or the first after it
        let subject = after[..v].first().and_then(|w| named_at(closes_in, w.at, after[v].at).last().copied());
        let whose = after[..v].first().map(|w| whose(closes_in, w.at, after[v].at)).unwrap_or_default();
        if let Some(subject) = subject {
            return GivenBy { speakers: joined(closes_in, subject), whose, unnamed: None };
        }
        // `said a spokesman for Arden Glass`: the body a spokesman speaks for, further on
        let spokesman = after.iter().skip(v + 1).take(2).any(|w| SPEAKS_FOR.contains(&w.text.to_lowercase().as_str()));
        let end = after.get(v + if spokesman { 6 } else { 4 }).map_or(usize::MAX, |w| w.at);
        // `said a spokesman for Arden Glass, Jo Bloggs`, `said Arden Glass spokesman
        // Jo Bloggs`: a person named after a comma or a job speaks, not the body before
        let person = after.get(v + 1).and_then(|w| {
            let further = after.get(v + 9).map_or(usize::MAX, |w| w.at);
            named_at(closes_in, w.at, further).into_iter().rev().find(|&(at, a)| {
                let i = after.iter().position(|w| w.at == at).unwrap_or(0);
                let after_a_job = after[..i].last().is_some_and(|w| JOBS.contains(&w.text.to_lowercase().as_str()));
                i > v + 1 && (after[i].pause || after_a_job) && cx.briefing.actors[a].kind == ActorKind::Person
            })
        });
        let first = person.or_else(|| after.get(v + 1).and_then(|w| named_at(closes_in, w.at, end).first().copied()));
        let speaks_after = names_speaker_after(after[v].text, after[v].pause);
        let speakers = first.filter(|_| speaks_after).map(|(_, a)| vec![a]).unwrap_or_default();
        // `"…," Jane Kell said`, `"…," said Jane Kell`: a name the sheet does not have
        let unnamed = match speakers.is_empty() && whose.is_empty() {
            true if v > 0 => unnamed_name(cx, &after[..v], false),
            true if speaks_after => {
                let name = &after[v + 1..];
                let runs = name.iter().skip(1).take_while(|w| !w.pause).count() + 1;
                unnamed_name(cx, &name[..runs.min(name.len())], false)
            }
            _ => None,
        };
        return GivenBy { speakers, whose, unnamed };
    }
    // before it: `Berg said: "…"`, `Berg told reporters: "…"`; further back where
    // nothing breaks the words between: `City said in a statement: "…"`
    let last = before.len();
    let unbroken = |i: usize| before[i + 1..].iter().all(|w| !w.pause) && !opens_clause(&before[i + 1..]);
    // any verb of saying counts here (`Police said Smith admitted he had "panicked"`)
    let says = |w: &Word| reports_speech(w.text);
    let near = (last.saturating_sub(8)..last).rev().find(|&i| says(&before[i]) && (i + 3 >= last || unbroken(i)));
    // further back, speech reported with `that`, whose clauses run on to the
    // quotation: `Dana Holm said that building it had cost “heavy spending”,
    // and that the service now suffers “peak losses”`
    let reported = || (0..last.saturating_sub(1)).rev().find(|&i| says(&before[i]) && before[i + 1].text == "that");
    let Some(v) = near.or_else(reported) else {
        return GivenBy::default();
    };
    // `Lena Marsh of the Health Circle said`, `Tim Gardner of the Health
    // Foundation charity said`: the name before where the person is from
    // (right after the name: `Tara Lind, general secretary of the Harbour
    // Union, said` is read as words set off by commas)
    let from_where =
        (v.saturating_sub(6)..v).rev().find(|&i| ["of", "at", "from"].contains(&before[i].text)).filter(|&i| {
            let place = &before[i + 1..v];
            let name_before = i > 0 && before[i - 1].text.starts_with(char::is_uppercase) && !before[i - 1].pause;
            name_before
                && place.iter().all(|w| !w.pause)
                && place.iter().any(|w| w.text.starts_with(char::is_uppercase))
        });
    let from = before[from_where.unwrap_or(v).saturating_sub(3)..v].first().map_or(before[v].at, |w| w.at);
    // `Tara Lind, Dockers Union general secretary, said: "…"`: a name, then
    // words set off by commas, then the verb; the name says whose the words are
    let set_off = before[v].pause.then(|| (0..v).rev().find(|&i| before[i].pause)).flatten();
    let appositive = set_off.and_then(|aside| {
        let start = (0..aside).rev().find(|&i| before[i].pause).unwrap_or(0);
        named_at(opens_in, before[start].at, before[aside].at).last().copied()
    });
    let speakers = appositive
        .or_else(|| named_at(opens_in, from, before[v].at).last().copied())
        .map(|subject| joined(opens_in, subject))
        .unwrap_or_default();
    let whose = whose(opens_in, from, before[v].at);
    // `Jane Kell said: "…"`: the words of the clause before the verb, from its start
    let subject = (v.saturating_sub(3)..v).find(|&i| i == 0 || before[i].pause).map(|i| &before[i..v]);
    let unnamed = subject.filter(|_| speakers.is_empty() && whose.is_empty()).and_then(|subject| {
        let opens_the_sentence = before[0].at == cx.seed.sentences[opens_in].span.start;
        unnamed_name(cx, subject, opens_the_sentence && subject[0].at == before[0].at)
    });
    GivenBy { speakers, whose, unnamed }
}

/// The words of `subject`, when they are a name and none of the sheet's: one
/// to three capitalised words (`Jane Kell`, `Reuters`), not a day, a month, a
/// pronoun or an article. A single word that opens the sentence is capitalised
/// whatever it is (`Officials said`): it is no name here.
fn unnamed_name(cx: &Context, subject: &[Word], opens_the_sentence: bool) -> Option<Range<usize>> {
    let (first, last) = (subject.first()?, subject.last()?);
    let name_like = |w: &Word| {
        w.text.starts_with(char::is_uppercase)
            && !NOT_A_NAME.contains(&w.text)
            && !MONTHS.contains(&w.text)
            && !w.text.ends_with("'s")
            && !w.text.ends_with("’s")
    };
    let whole = subject.len() <= 3 && subject[1..].iter().all(|w| !w.pause) && subject.iter().all(name_like);
    let span = first.at..last.at + last.text.len();
    let named = cx.called().iter().flatten().any(|n| n.span.start < span.end && span.start < n.span.end);
    (whole && !named && !(opens_the_sentence && subject.len() == 1)).then_some(span)
}

/// Capitalised words that name no one: pronouns, articles, days.
const NOT_A_NAME: &[&str] = &[
    "I",
    "He",
    "She",
    "It",
    "We",
    "They",
    "You",
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Later",
    "Then",
    "But",
    "And",
];

/// Who a name beside the quotation gives it to, and who the words of the
/// attribution say is not the speaker but whose lawyer, mother or office
/// speaks (`the lawyer for Mark Day said`): (actor, the words that say so).
#[derive(Default)]
pub(super) struct GivenBy {
    pub speakers: Vec<usize>,
    pub whose: Vec<(usize, String)>,
    /// A name beside the quotation that the sheet does not have (`"…," Jane Kell said`).
    pub unnamed: Option<Range<usize>>,
}

/// Words between a noun of the attribution and a name that make the name
/// another's: `the lawyer for Mark Day`, `the mother of Anna Berg`.
const WHOSE: &[&str] = &["of", "for", "representing"];

/// Words before a name that make it no subject: `the mother of Anna Berg`,
/// `the lawyer representing Tom Kell`, `Joe Saluzzi from Themis Trading`.
/// Nouns of a body, before its name: `at the brokerage firm Halden Capital`.
const FIRMS: &[&str] = &[
    "firm",
    "company",
    "group",
    "bank",
    "brokerage",
    "agency",
    "fund",
    "consultancy",
    "insurer",
    "lender",
    "broker",
    "exchange",
    "charity",
    "institute",
    "startup",
    "retailer",
    "manufacturer",
    "operator",
];

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
pub(super) fn qualifies_another(cx: &Context, name: &Range<usize>) -> bool {
    let text = &cx.seed.text;
    let after = &text[name.end..];
    let possessive = ["'s", "’s"].iter().find_map(|p| after.strip_prefix(p));
    let Some(rest) = possessive.unwrap_or(after).strip_prefix(' ') else { return false };
    // the first two words after it, up to a mark or the end of the line
    let mut words = Vec::new();
    for token in rest.split([' ', '\n']).take(2) {
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
    // `the Pakistan cricketer`, `the veteran Pakistan cricketer`
    let mut before = text[..name.start].split_whitespace().rev();
    let is_the = |w: Option<&str>| w.is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let the = match before.next() {
        Some(w) if w.eq_ignore_ascii_case("the") => true,
        Some(w) if w.chars().all(char::is_lowercase) => is_the(before.next()),
        _ => false,
    };
    let person = |w: &str| {
        let acronym = (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase());
        acronym || PEOPLE.contains(&w)
    };
    the && words.first().is_some_and(|w| person(w))
}

/// Nouns of a person, besides the words of a job, that a name before them
/// qualifies after `the`: `the Northport teenager`, `the Harbour boss`.
const PEOPLE: &[&str] = &[
    "man",
    "woman",
    "player",
    "driver",
    "runner",
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
    "cricketer",
    "footballer",
    "batsman",
    "batter",
    "bowler",
    "golfer",
    "cyclist",
    "rider",
    "jockey",
    "boxer",
    "sprinter",
    "swimmer",
    "athlete",
    "all-rounder",
    "international",
    "MP",
    "MEP",
];

/// Whether the quote's sentences or the three before them have someone speak
/// for a body: a spokesperson, a representative, an official.
pub(super) fn speaks_for_a_body(cx: &Context, found: &Found) -> bool {
    (found.first.saturating_sub(3)..=found.last).any(|s| {
        let text = cx.seed.text[cx.seed.sentences[s].span.clone()].to_lowercase();
        ["spokes", "representative", "official"].iter().any(|w| text.contains(w))
    })
}

/// Whether the name is who heard the words: `"…," she told Tom Kell`, `she
/// warned the Treasury Committee`, `she said to Kell`.
pub(super) fn listens(cx: &Context, name: &Range<usize>) -> bool {
    let before: Vec<&str> = cx.seed.text[..name.start].split_whitespace().rev().take(8).collect();
    let heard_from = |at: usize| match before.get(at).copied() {
        Some("told" | "warned") => true,
        Some("to") => before.get(at + 1).is_some_and(|w| {
            let w = w.to_lowercase();
            is_saying(&w) || ["spoke", "speaking", "talking"].contains(&w.as_str())
        }),
        _ => false,
    };
    let article = usize::from(before.first().is_some_and(|w| ["the", "a", "an"].contains(w)));
    if heard_from(article) {
        return true;
    }
    // a name in apposition to who heard: `Speaking to the news agency, ANI, she said`
    before.first().is_some_and(|w| w.ends_with(','))
        && (1..before.len().min(6))
            .any(|to| before[1..to].iter().all(|w| w.starts_with(char::is_lowercase)) && heard_from(to))
}

/// Whether the name is the subject of reported speech that another says,
/// before a quotation: in `Anna Berg, for the council, said Tom Kell had "lied
/// to everyone"`, Berg says it, not Kell. The saying verb has words before it
/// (its subject), and the name follows it, `that` aside.
pub(super) fn reported(cx: &Context, s: usize, name: &Range<usize>) -> bool {
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
    let says_them = words[at + 1..].iter().take_while(|w| w.at < opens).any(|w| reports_speech(w.text));
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
pub(super) fn goes_on_from(cx: &Context, found: &Found) -> Option<(usize, GoesOn)> {
    goes_on_within(cx, found, 12)
}

/// [`goes_on_from`], following back a quotation that itself goes on from the
/// paragraph before (news opens a quote again at each paragraph it carries
/// on into), over `paragraphs` paragraphs at most.
fn goes_on_within(cx: &Context, found: &Found, paragraphs: usize) -> Option<(usize, GoesOn)> {
    let sentences = &cx.seed.sentences;
    let first = found.first;
    if first == 0 {
        return None;
    }
    let paragraph = sentences[first].paragraph;
    // a quote from within a longer quotation goes on with what that quotation
    // goes on with: `"…," Chief Brel said. "The levels were high. We had readings …"`
    let at = found.parts[0].start;
    if let Some(whole) = cx.quoted_in_paragraph(first).iter().find(|q| q.start < at && at < q.end)
        && let Some(opens) = cx.sentence_at(whole.start).filter(|&o| o < first)
    {
        let whole = Found { first: opens, last: found.last, parts: vec![whole.clone()] };
        return goes_on_within(cx, &whole, paragraphs);
    }
    if sentences[first - 1].paragraph == paragraph {
        // within a paragraph, a sentence of quotation alone goes on with the one
        // before: `"…," Northport coach Ana Reyes said. "We must keep going."`
        if (first..=found.last).any(|s| !words_outside_quotes(cx, s).is_empty()) {
            return None;
        }
    } else {
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
    }
    // the quotation that ends in the sentence before, whole
    let prev = first - 1;
    let prev_end = sentences[prev].span.end;
    let ends = cx.quoted_in_paragraph(prev).iter().rev().find(|q| q.start < prev_end)?.clone();
    if cx.sentence_at(ends.end.saturating_sub(1)) != Some(prev) {
        return None;
    }
    let starts = cx.sentence_at(ends.start)?;
    let before = Found { first: starts, last: prev, parts: vec![ends] };
    let by = given_by_name(cx, &before).speakers;
    if !by.is_empty() {
        return Some((prev, GoesOn::Name(by)));
    }
    // `"…," he said.` then `"…"`: still a person's words
    if said_by(cx, &before, &["he", "she"]) {
        return Some((prev, GoesOn::Person));
    }
    // `"…," the club said.` then `"…"`: still the club's words
    if let Some(head) = attribution(cx, prev, &before) {
        return head
            .rsplit(' ')
            .next()
            .is_some_and(|noun| BODIES.contains(&noun))
            .then_some((prev, GoesOn::Body(head)));
    }
    // a quotation that goes on from further back
    let back = paragraphs.checked_sub(1).filter(|&n| n > 0)?;
    goes_on_within(cx, &before, back)
}

/// Whose words a quotation-only paragraph goes on with.
pub(super) enum GoesOn {
    /// The actors a name beside the quotation before gives them to.
    Name(Vec<usize>),
    /// A body's, that a noun gives them to (`the club said`).
    Body(String),
    /// A person's, that `he` or `she` says.
    Person,
}
