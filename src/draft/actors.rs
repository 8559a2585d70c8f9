//! The actors of a draft: the names a seed gives, read from runs of
//! capitalised words (`Sir Keir Starmer`, `Bank of England`, `NATO`).
//!
//! An office written before a name becomes the role (`UK Prime Minister
//! Keir Starmer`), or the words set off after it (`Adrian Bradshaw, a former
//! NATO commander,`); an honorific stays as an alias as written (`Sir Keir
//! Starmer`). A surname standing alone after a full name is an alias of it,
//! and so is a short name in brackets after a long one (`Office for Budget
//! Responsibility (OBR)`). The kind comes from a list of countries and from
//! the words organisations are named with. Headlines, which capitalise every
//! word, are not read, nor are sentence-initial words that are no names.
//!
//! This reads names, not meaning: it lists places and events too, and the
//! analyst prunes them.

use std::collections::BTreeMap;
use std::ops::Range;

use super::lexicon::{
    COMPASS_WORDS, CONNECTORS, COUNTRIES, DEMONYMS, HONORIFICS, JOBS, MONTHS, NAME_POSSESSIVES, NAME_SUFFIXES,
    NOT_ACTORS, NOT_NAMES, NOT_ROLES, OFFICES, ORGANISATION_WORDS, PARTY_WORDS, PLACE_WORDS, PLACES, SPEECH_VERBS,
    TAKES_AND, THING_WORDS, is_title,
};
use super::unique;
use crate::sheet::ActorKind;
use crate::source::Seed;

/// An actor the seed names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub kind: ActorKind,
    /// The byte offset of its first mention.
    pub first: usize,
}

/// A word of a sentence with what stands around it.
#[derive(Debug, Clone)]
struct Word<'t> {
    text: &'t str,
    span: Range<usize>,
    /// A quotation mark or bracket opens right before it.
    opens: bool,
    /// Punctuation (or a possessive `'s`) ends it: no name runs on past it.
    closes: bool,
    /// It ends in a possessive `'s`.
    possessive: bool,
    /// Its place among the words of its sentence.
    index: usize,
}

/// One run of capitalised words as it stands: the name, how it was written, and where.
#[derive(Debug, Clone)]
struct Occurrence {
    name: String,
    /// The name with its honorific: `Sir Keir Starmer`.
    written: Option<String>,
    /// An office written before the name: `UK Prime Minister`.
    office: Option<String>,
    /// The name came with a title: it names a person.
    titled: bool,
    span: Range<usize>,
    /// It starts its sentence, where any word is capitalised.
    initial: bool,
    /// A short name in brackets right after it: `(OBR)`.
    bracketed: Option<String>,
    /// It stands inside quotation marks: words someone says.
    quoted: bool,
    /// It stands where a place does: `in Yunnan`, `the Linthorpe area`.
    located: bool,
    /// `the` stands right before it, as before a team or a body (`the
    /// Winnipeg Jets`), never before a person's name.
    after_the: bool,
}

/// Every actor `seed` names, people first, then organisations, then countries.
pub fn find(seed: &Seed) -> Vec<Named> {
    let text = seed.text.as_str();
    let mut occurrences = Vec::new();
    // the headline capitalises every word: its names are read where the text repeats them
    let skip = usize::from(seed.sentences.len() > 1);
    let quoted = super::quotes::quoted_spans(seed);
    for sentence in &seed.sentences[skip..] {
        let words = words(text, sentence.span.clone());
        occurrences.extend(runs(&words).into_iter().filter_map(|run| {
            let mut o = occurrence(text, &words, &run)?;
            o.quoted = quoted.iter().any(|q| q.start <= o.span.start && o.span.start < q.end);
            Some(o)
        }));
    }
    let lower_words = lowercase_words(text);
    let mut by_name: BTreeMap<String, Vec<Occurrence>> = BTreeMap::new();
    for o in occurrences {
        by_name.entry(o.name.clone()).or_default().push(o);
    }
    let surnames: Vec<String> = by_name
        .keys()
        .filter(|n| n.contains(' ') && kind_of(n, false) == ActorKind::Person)
        .filter_map(|n| n.rsplit(' ').next().map(str::to_string))
        .collect();
    by_name.retain(|name, seen| surnames.contains(name) || is_name(name, seen, &lower_words));
    let mut actors: Vec<Named> = by_name
        .iter()
        .map(|(name, seen)| Named {
            name: name.clone(),
            aliases: unique(seen.iter().filter_map(|o| o.written.clone())),
            role: (kind_of(name, true) != ActorKind::Country)
                .then(|| {
                    seen.iter()
                        .find_map(|o| apposition(text, &o.span))
                        .or_else(|| seen.iter().find_map(|o| o.office.clone()))
                })
                .flatten(),
            kind: match kind_of(name, seen.iter().any(|o| o.titled)) {
                ActorKind::Person if seen.iter().any(|o| o.after_the && !o.titled) => ActorKind::Organisation,
                kind => kind,
            },
            first: seen[0].span.start,
        })
        .collect();
    merge_aliases(&mut actors, &by_name);
    actors.sort_by_key(|a| (kind_order(a.kind), a.first));
    actors
}

fn kind_order(kind: ActorKind) -> u8 {
    match kind {
        ActorKind::Person => 0,
        ActorKind::Organisation => 1,
        ActorKind::Country => 2,
    }
}

/// The words of `span` of `text`, with the punctuation around each noted.
fn words(text: &str, span: Range<usize>) -> Vec<Word<'_>> {
    const OPENING: &[char] = &['"', '\'', '“', '‘', '(', '[', '{', '«', '‹'];
    const CLOSING: &[char] = &[',', '.', ';', ':', '!', '?', '"', '\'', '”', '’', ')', ']', '}', '»', '›', '…'];
    let mut words = Vec::new();
    for chunk in text[span].split_whitespace() {
        // `chunk` is a slice of `text`: its offset is where it starts in memory
        let start = chunk.as_ptr() as usize - text.as_ptr() as usize;
        let core = chunk.trim_start_matches(OPENING);
        let opens = core.len() != chunk.len();
        let core_start = start + chunk.len() - core.len();
        let mut word = core.trim_end_matches(CLOSING);
        if keeps_its_dot(core) {
            word = core.trim_end_matches(|c: char| CLOSING.contains(&c) && c != '.');
            if !word.ends_with('.') {
                word = &core[..word.len() + 1];
            }
        }
        let mut closes = word.len() != core.len();
        let mut possessive = false;
        for ending in ["'s", "’s"] {
            if let Some(stem) = word.strip_suffix(ending) {
                word = stem;
                // `Republican People's Party`: the name runs on
                let inside_a_name = NAME_POSSESSIVES.contains(&stem) && core.len() == word.len() + ending.len();
                closes = !inside_a_name;
                possessive = !inside_a_name;
                break;
            }
        }
        if word.is_empty() {
            continue;
        }
        let index = words.len();
        words.push(Word { text: word, span: core_start..core_start + word.len(), opens, closes, possessive, index });
    }
    words
}

/// Abbreviations whose dot is part of the word: `U.S.`, `Dr.`, `Inc.`.
fn keeps_its_dot(core: &str) -> bool {
    let word = core.trim_end_matches([',', ';', ':', ')', '"', '”', '’', '\'']);
    let Some(stem) = word.strip_suffix('.') else { return false };
    let initials = stem.split('.').all(|p| p.chars().count() == 1 && p.chars().all(|c| c.is_uppercase()));
    initials
        || ["Dr", "Mr", "Mrs", "Ms", "Sen", "Rep", "Gov", "Gen", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Prof"]
            .contains(&stem)
}

/// A word that may stand in a name: capitalised in every part (`Batstone-Carr`,
/// not `Russian-held`), with no digits.
fn is_capitalised(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters > 0
        && !word.chars().any(|c| c.is_ascii_digit())
        && word.split('-').all(|part| part.chars().next().is_some_and(char::is_uppercase))
        && (letters > 1 || word.ends_with('.'))
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Runs of capitalised words (connectors allowed between them), as ranges of word indices.
fn runs(words: &[Word]) -> Vec<Range<usize>> {
    // `NEMANJA MATIC’S stunning …`, `A FORMER Texas judge …`: capitals that open a story, no acronym
    let shouts = |w: &Word| w.text.chars().any(char::is_alphabetic) && !w.text.chars().any(char::is_lowercase);
    // `LONDON (Reuters) –`, `PORTWICK, 14 March 2025 –`, `WASHINGTON: Roger Stone …`,
    // `RUGBY: Eddie Jones …`: a dateline's place or a kicker
    let kicker = |w: &Word| {
        let neighbours = [w.index.checked_sub(1), Some(w.index + 1)].into_iter().flatten();
        let shouting_neighbour = neighbours.clone().any(|n| words.get(n).is_some_and(|n| n.index < 4 && shouts(n)));
        // `SAN FRANCISCO -`: a short word beside another in capitals too
        let long = w.text.chars().count() >= 4 || (shouting_neighbour && w.text.chars().count() >= 3);
        w.index < 3
            && is_acronym(w.text)
            && long
            && (shouting_neighbour
                || (w.index == 0
                    && (w.closes || words.get(1).is_some_and(|n| n.opens || ["-", "–", "—", "--"].contains(&n.text)))))
    };
    // `LABOUR FORCE DATA FOR SEPTEMBER:`: three words in capitals or more make a heading
    let heading = |w: &Word| {
        let shouted = |i: usize| words.get(i).is_some_and(|n| shouts(n) && n.text.chars().count() >= 2);
        let from = (0..=w.index).rev().take_while(|&i| shouted(i)).last().unwrap_or(w.index);
        shouted(w.index) && (from..).take_while(|&i| shouted(i)).count() >= 3
    };
    let name_word = |w: &Word| is_capitalised(w.text) && (!(kicker(w) || heading(w)) || is_acronym_elsewhere(words, w));
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !name_word(&words[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < words.len() && !words[end - 1].closes {
            let next = &words[end];
            if next.opens {
                break;
            }
            if name_word(next) {
                end += 1;
                continue;
            }
            // `Centers for Disease Control and Prevention`, not `European Council and NATO`
            // `Dr. Milton Packer of UT Southwestern Medical Center`, `Tom Kell of Northwind
            // Bank`: a person of a body, not one name
            // (`Jim Kell of Kell and Associates`, `Andrey Rublev of Russia`)
            let then_words = || {
                words[end + 1..].iter().take_while(|w| name_word(w) || CONNECTORS.contains(&w.text) || w.text == "and")
            };
            let then_a_country = || {
                let named: Vec<&str> = words[end + 1..].iter().take_while(|w| name_word(w)).map(|w| w.text).collect();
                COUNTRIES.contains(&named.join(" ").as_str())
            };
            let person_of = next.text == "of"
                && end - start >= 2
                && !words[start..end].iter().any(|w| ORGANISATION_WORDS.contains(&w.text))
                && (HONORIFICS.contains(&words[start].text)
                    || then_words().any(|w| ORGANISATION_WORDS.contains(&w.text) || PLACE_WORDS.contains(&w.text))
                    || then_a_country());
            let joins = (CONNECTORS.contains(&next.text) && !person_of)
                || (next.text == "and"
                    && words[start..end].iter().any(|w| TAKES_AND.contains(&w.text))
                    && (!ORGANISATION_WORDS.contains(&words[end - 1].text)
                        || TAKES_AND.contains(&words[end - 1].text))
                    && words.get(end + 1).is_some_and(|t| !is_acronym(t.text)));
            let then = words.get(end + 1);
            if joins && !next.closes && then.is_some_and(|t| name_word(t) && !t.opens) {
                end += 2;
                continue;
            }
            break;
        }
        found.push(start..end);
        i = end;
    }
    found
}

/// A demonym, or its plural: `American`, `Americans`.
fn is_demonym(word: &str) -> bool {
    DEMONYMS.contains(&word) || word.strip_suffix('s').is_some_and(|w| DEMONYMS.contains(&w))
}

fn is_no_name(word: &str) -> bool {
    NOT_NAMES.contains(&word) || MONTHS.contains(&word)
}

/// A long all-capital word at a sentence's start is a kicker (`NEMANJA
/// MATIC’S stunning …`), unless the text writes it so elsewhere too.
fn is_acronym_elsewhere(words: &[Word], w: &Word) -> bool {
    words.iter().any(|o| o.index >= 3 && o.index != w.index && o.text == w.text)
}

/// The name a run gives: honorifics and offices taken off its front, sentence-start words dropped.
fn occurrence(text: &str, words: &[Word], run: &Range<usize>) -> Option<Occurrence> {
    let mut run = &words[run.clone()];
    // a sentence starts again after a dateline's dash: `SAN FRANCISCO - Online seller …`
    let after_dash = run[0].index.checked_sub(1).is_some_and(|i| ["-", "–", "—", "--"].contains(&words[i].text));
    let initial =
        run[0].index == 0 || (run[0].index == 1 && words[0].text.chars().all(|c| !c.is_alphanumeric())) || after_dash;
    let whole = run.len();
    while let Some(first) = run.first() {
        let title = is_title(first.text);
        if is_no_name(first.text) && !(run.len() > 1 && title) {
            run = &run[1..];
        } else {
            break;
        }
    }
    while run.first().is_some_and(|w| CONNECTORS.contains(&w.text) || w.text == "and") {
        run = &run[1..];
    }
    // `Starring Cate Blanchett`, `Assessing Rachel Reeves`: a verb that opens
    // the sentence before a name of two words is no part of it
    let verb_first = run.len() == 3
        && run[0].index == 0
        && run[0].text.len() > 5
        && run[0].text.ends_with("ing")
        && !run.iter().any(|w| ORGANISATION_WORDS.contains(&w.text) || PLACE_WORDS.contains(&w.text));
    if verb_first {
        run = &run[1..];
    }
    // `in Berlin Sunday`: a day after a name is no part of it
    const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    while run.len() > 1 && run.last().is_some_and(|w| DAYS.contains(&w.text)) {
        run = &run[..run.len() - 1];
    }
    // `American Serena Williams`, `Brazilian Neymar`: a demonym before a name is no part of it
    let nationality = |w: &str| DEMONYMS.contains(&w) && !COMPASS_WORDS.contains(&w) && !PARTY_WORDS.contains(&w);
    if run.len() > 1 && nationality(run[0].text) && !run.iter().any(|w| ORGANISATION_WORDS.contains(&w.text)) {
        run = &run[1..];
    }
    if run.is_empty() {
        return None;
    }
    // `Chancellor of the Exchequer George Osborne`, `US Secretary of State Marco
    // Rubio`: the run's first word ends an office
    let office_before = |back: usize, between: &[&str]| {
        let i = run[0].index.checked_sub(back)?;
        let joined = words[i + 1..run[0].index].iter().map(|w| w.text).eq(between.iter().copied());
        (joined && OFFICES.contains(&words[i].text)).then_some(i)
    };
    let office_of = office_before(3, &["of", "the"])
        .map(|i| (i, "of the"))
        .or_else(|| office_before(2, &["of"]).map(|i| (i, "of")))
        .filter(|_| run.len() > 2 && !ORGANISATION_WORDS.contains(&run[0].text));
    let office_of = office_of.map(|(i, of)| {
        // `US Secretary`: the short name of a country before the office is part of it
        let country = i.checked_sub(1).map(|c| words[c].text).filter(|c| COUNTRIES.contains(c) && is_acronym(c));
        let office = format!("{} {of} {}", words[i].text, run[0].text);
        country.map_or(office.clone(), |c| format!("{c} {office}"))
    });
    if office_of.is_some() {
        run = &run[1..];
    }
    if run.is_empty() {
        return None;
    }
    let texts: Vec<&str> = run.iter().map(|w| w.text).collect();
    let has_organisation_word = |ws: &[&str]| ws.iter().any(|w| ORGANISATION_WORDS.contains(w));
    // the last title that leaves a name after it, when that name is no organisation's
    let title =
        (0..texts.len() - 1).rev().find(|&i| is_title(texts[i])).filter(|&i| !has_organisation_word(&texts[i + 1..]));
    let (name_words, office, written) = match title {
        // an office with no name after it names no one: `the UK Prime Minister`
        None if OFFICES.contains(&texts[texts.len() - 1]) && !has_organisation_word(&texts) => return None,
        None => (run, office_of.clone(), None),
        Some(i) => {
            let honorifics_from = (0..=i).rev().take_while(|&j| HONORIFICS.contains(&texts[j])).last().unwrap_or(i + 1);
            let office_words = &texts[..honorifics_from];
            let office = office_words
                .iter()
                .rposition(|w| OFFICES.contains(w))
                .map(|last| office_words[..=last].join(" "))
                .filter(|o| !o.is_empty());
            // an honorific stays with the name as written (`Sir Keir Starmer`), and so does
            // the office of a name of one word (`President Biden`)
            let written_from = if honorifics_from <= i {
                Some(honorifics_from)
            } else {
                (i + 2 == texts.len())
                    .then(|| (0..=i).rev().take_while(|&j| OFFICES.contains(&texts[j])).last())
                    .flatten()
            };
            let written = written_from.map(|from| text[run[from].span.start..run[run.len() - 1].span.end].to_string());
            (&run[i + 1..], office, written)
        }
    };
    let name_words = match name_words.iter().position(|w| !CONNECTORS.contains(&w.text)) {
        Some(p) => &name_words[p..],
        None => return None,
    };
    let span = name_words[0].span.start..name_words[name_words.len() - 1].span.end;
    let name = text[span.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
    let written = written.map(|w| w.split_whitespace().collect::<Vec<_>>().join(" "));
    // `Brazilian forward Rivera`, `striker Kane`: a job in lower case before it names a
    // person, unless it only describes one (`a former NATO commander`)
    let last = &name_words[name_words.len() - 1];
    let job_after = words.get(last.index + 1).is_some_and(|w| !last.closes && JOBS.contains(&w.text));
    let job_before = name_words[0]
        .index
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .is_some_and(|w| !w.closes && JOBS.contains(&w.text) && !DESCRIBING.contains(&w.text))
        && !job_after;
    let before_name = name_words[0].index.checked_sub(1).and_then(|i| words.get(i));
    let after_name = words.get(last.index + 1).filter(|_| !last.closes);
    let located = before_name.is_some_and(|w| !w.closes && LOCATIVES.contains(&w.text))
        || after_name.is_some_and(|w| PLACE_NOUNS.contains(&w.text));
    let after_the = before_name.is_some_and(|w| matches!(w.text, "the" | "The"));
    Some(Occurrence {
        located,
        after_the,
        titled: title.is_some() || job_before || office_of.is_some(),
        written: written.filter(|w| text.contains(w.as_str())),
        office,
        // `The Senate …` names the Senate; `Bailey said …`, `Matic’s strike …` name someone
        initial: initial
            && run.len() == whole
            && title.is_none()
            && name_words[0].index == run[0].index
            && !name_words[name_words.len() - 1].possessive
            && !words.get(name_words[name_words.len() - 1].index + 1).is_some_and(|w| SPEECH_VERBS.contains(&w.text)),
        bracketed: bracketed(text, span.end),
        name,
        span,
        quoted: false,
    })
}

/// A short name in brackets right after offset `end`: ` (OBR)`.
fn bracketed(text: &str, end: usize) -> Option<String> {
    let rest = text[end..].strip_prefix(' ')?.strip_prefix('(')?;
    let inner = &rest[..rest.find(')')?];
    (!inner.is_empty()
        && inner.len() <= 24
        && !inner.contains(char::is_whitespace)
        && is_capitalised(inner)
        && !inner.contains([',', '.']))
    .then(|| inner.to_string())
}

/// Words the text writes in lower case: a capitalised word that stands
/// among them only starts sentences.
fn lowercase_words(text: &str) -> std::collections::HashSet<String> {
    text.split(|c: char| !c.is_alphabetic() && c != '-')
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_string)
        .collect()
}

/// Words before a name that make it a place: `in Yunnan`, `near Ludian`.
const LOCATIVES: &[&str] = &["in", "near", "across", "outside", "around", "into", "throughout", "towards"];

/// Words after a name that make it a place: `the Linthorpe area`, `Ludian county`.
const PLACE_NOUNS: &[&str] = &[
    "area",
    "province",
    "county",
    "district",
    "region",
    "village",
    "town",
    "city",
    "state",
    "suburb",
    "ward",
    "prefecture",
    "township",
    "valley",
    "island",
    "islands",
    "coast",
];

/// Whether the occurrences of `name` make it a name worth listing.
fn is_name(name: &str, seen: &[Occurrence], lower_words: &std::collections::HashSet<String>) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    // one word that stands only where places do, never with a title
    let a_place = words.len() == 1 && seen.iter().all(|o| o.located && !o.titled) && !COUNTRIES.contains(&name);
    if PLACES.contains(&name)
        || a_place
        || NOT_ACTORS.contains(&name)
        || words.iter().all(|w| is_no_name(w) || is_demonym(w) || COMPASS_WORDS.contains(w))
        // `April-March`, `Russia-Ukraine`: a span of months, or a pair of countries
        || (name.contains('-') && name.split('-').all(|w| MONTHS.contains(&w) || COUNTRIES.contains(&w)))
        || words.iter().any(|w| THING_WORDS.contains(w))
        // words someone says (`"Dynamite"`), not a name the text gives
        || seen.iter().all(|o| o.quoted)
    {
        return false;
    }
    if words.len() > 1 {
        return true;
    }
    // `I've`, `Rs`, `USD`
    let contraction = name.contains(['\'', '’']);
    if OFFICES.contains(&name)
        || HONORIFICS.contains(&name)
        || CONNECTORS.contains(&name)
        || contraction
        || crate::numbers::currency_of_unit(name).is_some()
        || crate::numbers::currency_of_unit(&name.to_uppercase()).is_some()
    {
        return false;
    }
    if COUNTRIES.contains(&name) || is_acronym(name) || seen.iter().any(|o| o.titled) {
        return true;
    }
    // a word that only starts sentences, or that the text also writes in lower case, is no name
    seen.iter().any(|o| !o.initial) && !lower_words.contains(&name.to_lowercase())
}

fn kind_of(name: &str, titled: bool) -> ActorKind {
    let words: Vec<&str> = name.split(' ').collect();
    let region =
        words.len() > 1 && COMPASS_WORDS.contains(&words[0]) && COUNTRIES.contains(&words[1..].join(" ").as_str());
    if COUNTRIES.contains(&name) || region {
        ActorKind::Country
    } else if is_acronym(name) {
        // `DAA chief executive Kenny Jacobs`: a job after it is someone's there
        ActorKind::Organisation
    } else if titled && !words.iter().any(|w| ORGANISATION_WORDS.contains(w)) {
        ActorKind::Person
    } else if words.iter().any(|w| ORGANISATION_WORDS.contains(w) || PLACE_WORDS.contains(w))
        || is_acronym(name)
        || name.contains('&')
        || words.len() == 1
    {
        ActorKind::Organisation
    } else {
        ActorKind::Person
    }
}

/// A surname standing alone becomes an alias of the one person whose full
/// name ends with it; a word of one organisation's name, or a short name
/// in brackets after it, an alias of that organisation.
fn merge_aliases(actors: &mut Vec<Named>, by_name: &BTreeMap<String, Vec<Occurrence>>) {
    let long: Vec<(usize, Vec<String>)> = actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.name.contains(' ') && a.kind != ActorKind::Country)
        .map(|(i, a)| (i, a.name.split(' ').map(str::to_string).collect()))
        .collect();
    let mut merged_into: Vec<Option<usize>> = vec![None; actors.len()];
    // brackets first: `Emirates District Cooling (Emicool)`
    for (name, seen) in by_name {
        for short in seen.iter().filter_map(|o| o.bracketed.as_ref()) {
            let (Some(owner), Some(short_at)) =
                (actors.iter().position(|a| &a.name == name), actors.iter().position(|a| &a.name == short))
            else {
                continue;
            };
            if owner != short_at && actors[short_at].kind != ActorKind::Country && merged_into[owner].is_none() {
                merged_into[short_at] = Some(owner);
            }
        }
    }
    for (i, actor) in actors.iter().enumerate() {
        if actor.name.contains(' ') || actor.kind == ActorKind::Country || merged_into[i].is_some() {
            continue;
        }
        // the surname, before a suffix (`John Crabb Jr.`); else, for names that put the
        // family name first or a player known by one name, the first (`Wen Jiabao`, `Neymar Jr`)
        let person_word = |first: bool| -> Vec<usize> {
            long.iter()
                .filter(|(j, words)| {
                    let words: Vec<&String> = words.iter().filter(|w| !NAME_SUFFIXES.contains(&w.as_str())).collect();
                    let word = if first { words.first() } else { words.last() };
                    actors[*j].kind == ActorKind::Person && word == Some(&&actor.name)
                })
                .map(|(j, _)| *j)
                .collect()
        };
        let people = match person_word(false) {
            last if !last.is_empty() => last,
            _ => person_word(true),
        };
        // `the Bank` for the one body named with `Bank` (`Bank of England`), and
        // `ONS` for the one whose words it spells (`Office for National Statistics`)
        let spells = |words: &[String]| {
            let initials: String = words
                .iter()
                .filter(|w| !CONNECTORS.contains(&w.as_str()) && w.as_str() != "and")
                .filter_map(|w| w.chars().next())
                .collect();
            is_acronym(&actor.name) && initials == actor.name
        };
        let organisations: Vec<usize> = long
            .iter()
            .filter(|(j, words)| {
                actors[*j].kind == ActorKind::Organisation && (words.contains(&actor.name) || spells(words))
            })
            .map(|(j, _)| *j)
            .collect();
        merged_into[i] = match (people.as_slice(), organisations.as_slice()) {
            ([one], _) => Some(*one),
            ([], [one]) => Some(*one),
            _ => None,
        };
    }
    // a body's word alone that names no one body (`the Committee`, `the Office`) is none
    let mut keep: Vec<bool> = actors
        .iter()
        .zip(&merged_into)
        .map(|(a, into)| into.is_none() && !ORGANISATION_WORDS.contains(&a.name.as_str()))
        .collect();
    for (i, into) in merged_into.iter().enumerate() {
        let Some(into) = *into else { continue };
        let (alias, more) = (actors[i].name.clone(), actors[i].aliases.clone());
        let (first, role) = (actors[i].first, actors[i].role.clone());
        let target = &mut actors[into];
        target.aliases.extend(more);
        target.aliases.push(alias);
        target.aliases = unique(std::mem::take(&mut target.aliases).into_iter().filter(|a| *a != target.name));
        target.first = target.first.min(first);
        if target.role.is_none() {
            target.role = role;
        }
        keep[i] = false;
    }
    let mut index = 0;
    actors.retain(|_| {
        index += 1;
        keep[index - 1]
    });
}

/// Words of a job that describe one rather than name it: `a former NATO commander`.
const DESCRIBING: &[&str] = &["former", "senior", "vice", "deputy", "managing", "executive", "acting", "interim"];

/// The words set off by commas right after a name: `, a former NATO commander,`.
fn apposition(text: &str, name: &Range<usize>) -> Option<String> {
    let rest = text[name.end..].strip_prefix(", ")?;
    let end = rest.find([',', '.', ';', ':', '(', ')'])?;
    let words: Vec<&str> = rest[..end].split_whitespace().collect();
    let first = words.first()?;
    let plain = first.chars().next().is_some_and(char::is_lowercase);
    if words.len() > 12 || !plain || NOT_ROLES.contains(first) || !rest[end..].starts_with([',', '.']) {
        return None;
    }
    if rest[..end].contains(|c: char| c.is_ascii_digit() || "\"“”‘’'".contains(c)) {
        return None;
    }
    let words = match *first {
        "the" | "a" | "an" => &words[1..],
        _ => &words[..],
    };
    if words.is_empty() || !crate::numbers::scan(&words.join(" ")).is_empty() {
        return None;
    }
    // a role says what someone is (`strategist at Charles Stanley`), not what they did (`welcomed the vote`)
    let determined = ["the", "a", "an", "its", "his", "her", "their"].contains(first);
    let office = words.iter().any(|w| w.split('-').any(|part| JOBS.contains(&part)));
    let of_something = words.iter().any(|w| ["of", "at", "for"].contains(w));
    (determined || office || of_something).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn find_in(text: &str) -> Vec<Named> {
        find(&Seed::from_text(Path::new("x.txt"), text.to_string()))
    }

    fn names(text: &str) -> Vec<String> {
        find_in(text).into_iter().map(|a| a.name).collect()
    }

    #[test]
    fn places_units_and_bylines_are_no_actors() {
        let found = names(
            "Headline\n\nTOKYO (AP) Ana Reyes said the quake in Yunnan was felt in the Linthorpe area, \
             where it was 31 degrees Celsius. Reyes left Fulham, the club, in May.",
        );
        assert_eq!(found, ["Ana Reyes", "Fulham"]);
    }

    #[test]
    fn names_are_runs_of_capitalised_words() {
        let rows: &[(&str, &[&str])] = &[
            (
                "Headline\n\nThe Bank of England raised rates, said Andrew Bailey.",
                &["Andrew Bailey", "Bank of England"],
            ),
            ("Headline\n\nHowever, the talks went on in Paris with NATO.", &["NATO"]),
            ("Headline\n\nPolish Prime Minister Donald Tusk spoke to Russian officials.", &["Donald Tusk"]),
            ("Headline\n\nIt rose in May. Shares of Tesco fell; Tesco said so.", &["Tesco"]),
            ("Headline\n\nThe group met Khalid bin Kalban in Dubai on Monday.", &["Khalid bin Kalban"]),
        ];
        for (text, expected) in rows {
            assert_eq!(names(text), *expected, "{text}");
        }
    }

    #[test]
    fn wire_furniture_and_things_are_no_actors() {
        let rows: &[(&str, &[&str])] = &[
            // a dateline's place, and a heading in capitals
            ("Headline\n\nGENEVA - The Harbour Trust said cases rose.", &["Harbour Trust"]),
            ("Headline\n\nRUGBY: Eddie Jones said England must improve.", &["Eddie Jones", "England"]),
            ("Headline\n\nLABOUR FORCE DATA FOR SEPTEMBER:\n\nThe rate rose, Jane Doe said.", &["Jane Doe"]),
            // a month, a currency, a contest, a security
            ("Headline\n\nOn Feb 27 the outlay was Rs 500 crore, Jane Doe said.", &["Jane Doe"]),
            ("Headline\n\nJane Doe won the French Open and sold her American Depositary Shares.", &["Jane Doe"]),
            // an event, a law, and an adjective of where (`North American`)
            ("Headline\n\nJane Doe rode at the Cheltenham Festival after the Clean Air Act passed.", &["Jane Doe"]),
            ("Headline\n\nJane Doe sold her North American plants.", &["Jane Doe"]),
            // a day after a place, a word of a kind before a name, a rating
            ("Headline\n\nCompatriot Jane Doe won in Berlin Sunday, rated AAA.", &["Jane Doe"]),
            // a people in the plural, a span of months, a pair of countries
            ("Headline\n\nJane Doe said Americans saw April-March sales hit by the Russia-Ukraine war.", &["Jane Doe"]),
            // names only inside quotation marks are words someone says
            ("Headline\n\n\"It was Dynamite,\" Jane Doe said.", &["Jane Doe"]),
        ];
        for (text, expected) in rows {
            assert_eq!(names(text), *expected, "{text}");
        }
    }

    #[test]
    fn one_word_names_find_their_owner() {
        let actors = find_in(
            "Headline\n\nBrazilian forward Rivera signed on Friday. John Crabb Jr. spoke for the state; Crabb said it was fair. \
             Premier Wen Jiabao flew in; Wen spoke. The Bank of England held rates, and the Bank said why. The Committee met.",
        );
        let find = |name: &str| actors.iter().find(|a| a.name == name);
        assert_eq!(find("Rivera").map(|a| a.kind), Some(ActorKind::Person), "{actors:?}");
        assert_eq!(find("John Crabb Jr.").map(|a| a.aliases.clone()), Some(vec!["Crabb".to_string()]));
        assert_eq!(find("Wen Jiabao").map(|a| a.aliases.clone()), Some(vec!["Wen".to_string()]));
        assert_eq!(find("Bank of England").map(|a| a.aliases.clone()), Some(vec!["Bank".to_string()]));
        // a body's word alone, with no body of that word, is no actor
        assert!(find("Committee").is_none() && find("Crabb").is_none() && find("Bank").is_none(), "{actors:?}");
    }

    #[test]
    fn titles_go_to_roles_and_aliases() {
        let actors = find_in(
            "Headline\n\nUK Prime Minister Sir Keir Starmer met General Sir Adrian Bradshaw, a former NATO commander, in Paris. Starmer spoke.",
        );
        let starmer = &actors[0];
        assert_eq!(starmer.name, "Keir Starmer");
        assert_eq!(starmer.role.as_deref(), Some("UK Prime Minister"));
        assert_eq!(starmer.aliases, ["Sir Keir Starmer", "Starmer"]);
        let bradshaw = &actors[1];
        assert_eq!(bradshaw.name, "Adrian Bradshaw");
        assert_eq!(bradshaw.role.as_deref(), Some("former NATO commander"));
        assert_eq!(bradshaw.aliases, ["Sir Adrian Bradshaw"]);
        assert_eq!(actors[2].name, "NATO");
        assert_eq!(actors[2].kind, ActorKind::Organisation);
    }

    #[test]
    fn a_job_before_a_name_and_a_body_after_it_are_no_part_of_it() {
        let actors = find_in(
            "Headline\n\nForecaster Simon Partridge said it would rain. Dr. Milton Packer of Harbour Medical Center agreed.",
        );
        let found: Vec<(&str, ActorKind)> = actors.iter().map(|a| (a.name.as_str(), a.kind)).collect();
        assert_eq!(
            found,
            [
                ("Simon Partridge", ActorKind::Person),
                ("Milton Packer", ActorKind::Person),
                ("Harbour Medical Center", ActorKind::Organisation)
            ]
        );
    }

    #[test]
    fn a_name_after_the_is_a_team_or_a_body() {
        let actors = find_in(
            "Headline\n\nThe Harbour Gulls beat the Eastmoor Rovers 4-3, with Tomas Vell scoring twice. \
             Gulls coach Ana Reyes was pleased.",
        );
        let found: Vec<(&str, ActorKind)> = actors.iter().map(|a| (a.name.as_str(), a.kind)).collect();
        assert_eq!(
            found,
            [
                ("Tomas Vell", ActorKind::Person),
                ("Ana Reyes", ActorKind::Person),
                ("Harbour Gulls", ActorKind::Organisation),
                ("Eastmoor Rovers", ActorKind::Organisation)
            ]
        );
    }

    #[test]
    fn a_country_after_of_a_verb_before_and_a_place_of_nature_are_no_part_of_a_name() {
        let actors = find_in(
            "Headline\n\nALEXANDRIA, Va. - Tomas Vell of Norway beat Ana Reyes at Baffle Creek. \
             Starring Mara Quinn, the film took $5m. The University and College Union agreed.",
        );
        let found: Vec<(&str, ActorKind)> = actors.iter().map(|a| (a.name.as_str(), a.kind)).collect();
        assert_eq!(
            found,
            [
                ("Tomas Vell", ActorKind::Person),
                ("Ana Reyes", ActorKind::Person),
                ("Mara Quinn", ActorKind::Person),
                ("University and College Union", ActorKind::Organisation),
                ("Norway", ActorKind::Country)
            ]
        );
    }

    #[test]
    fn an_office_of_something_before_a_name_is_its_role() {
        let actors = find_in("Headline\n\nUS Secretary of State Mara Lindqvist said the talks would resume.");
        let found: Vec<(&str, Option<&str>, ActorKind)> =
            actors.iter().map(|a| (a.name.as_str(), a.role.as_deref(), a.kind)).collect();
        assert_eq!(found, [("Mara Lindqvist", Some("US Secretary of State"), ActorKind::Person)]);
    }

    #[test]
    fn a_firm_named_for_its_trade_is_an_organisation() {
        let actors = find_in(
            "Headline\n\nDelphi Automotive and the British Chambers of Commerce said sales fell. \
             Harbour Customs agreed, said the Office for National Statistics. The ONS said more.",
        );
        let found: Vec<(&str, ActorKind)> = actors.iter().map(|a| (a.name.as_str(), a.kind)).collect();
        assert_eq!(
            found,
            [
                ("Delphi Automotive", ActorKind::Organisation),
                ("British Chambers of Commerce", ActorKind::Organisation),
                ("Harbour Customs", ActorKind::Organisation),
                ("Office for National Statistics", ActorKind::Organisation)
            ]
        );
    }

    #[test]
    fn kinds_and_bracketed_aliases() {
        let actors = find_in(
            "Headline\n\nThe Office for Budget Responsibility (OBR) said the UK and Germany would grow. The OBR was right.",
        );
        let found: Vec<(&str, ActorKind, Vec<String>)> =
            actors.iter().map(|a| (a.name.as_str(), a.kind, a.aliases.clone())).collect();
        assert_eq!(
            found,
            [
                ("Office for Budget Responsibility", ActorKind::Organisation, vec!["OBR".to_string()]),
                ("UK", ActorKind::Country, vec![]),
                ("Germany", ActorKind::Country, vec![]),
            ]
        );
    }
}
