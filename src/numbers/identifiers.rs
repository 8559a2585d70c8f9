//! Digits that name rather than count: `G7`, `F-16`, `COVID-19`,
//! `Boeing 737`, `A4`, `No. 10`, `#42`, `5G`, `B.1.1.7`, `XBB.1.5`. They are
//! not mentions.

use super::calendar::{TIME_ZONES, counts_things};
use super::grammar::{hyphened_scale, scale_word};
use super::lexicon;
use super::money::musd;
use super::reader::{Reader, glued_run_end};

/// Words that may stand right before a number without making it a name's
/// part: function words, hedges and words that start a sentence.
const NOT_NAMES: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "against",
    "age",
    "aged",
    "all",
    "almost",
    "along",
    "also",
    "amid",
    "among",
    "an",
    "and",
    "another",
    "any",
    "approximately",
    "are",
    "around",
    "as",
    "at",
    "be",
    "been",
    "before",
    "below",
    "beneath",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "circa",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "either",
    "estimated",
    "even",
    "every",
    "exactly",
    "except",
    "excluding",
    "fewer",
    "first",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "least",
    "less",
    "like",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "nearly",
    "neither",
    "next",
    "nor",
    "now",
    "of",
    "on",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "over",
    "past",
    "per",
    "plus",
    "precisely",
    "probably",
    "roughly",
    "said",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "throughout",
    "till",
    "to",
    "today",
    "top",
    "total",
    "toward",
    "towards",
    "under",
    "unlike",
    "until",
    "up",
    "upon",
    "upwards",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whereas",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Word prefixes joined by a hyphen that leave the number a number:
/// `mid-2022`, and the measures a number is on (`a magnitude-7.1 quake`).
#[rustfmt::skip]
const NUMBER_PREFIXES: &[&str] = &[
    "mid", "pre", "post", "early", "late", "over", "under", "top", "about", "some", "nearly", "around", "up",
    "magnitude", "level", "category", "grade", "stage", "tier",
];

/// Letter suffixes with capitals that are units, so `45GW` is still 45.
const UNIT_SYMBOLS: &[&str] = &[
    "GW", "MW", "kW", "KW", "TW", "GWh", "MWh", "kWh", "KWh", "TWh", "MB", "GB", "TB", "KB", "Mb", "Gb", "Mbps",
    "Gbps", "Hz", "MHz", "GHz", "C", "F", "Mt", "Gt", "mAh", "mL", "L",
];

/// When the digits at `i` are part of a name or identifier, one past the
/// last token of that identifier.
pub(super) fn identifier_end(r: &Reader, i: usize) -> Option<usize> {
    let glued_before = r.glued(i) && i > 0;
    let letters_before = glued_before && r.is_word(i - 1);
    let is_identifier = (letters_before && !letters_may_prefix_number(r.raw(i - 1)) && !rand_sum(r, i - 1))
                || (glued_before && r.symbol_is(i - 1, "#"))
        // file names and snake_case: `000_efa7916b`, `item_12`; no quantity touches an underscore
        || (glued_before && r.symbol_is(i - 1, "_"))
        || (r.glued(i + 1) && r.symbol_is(i + 1, "_"))
        || (glued_before && i >= 2 && r.is_dash(i - 1) && r.glued(i - 1) && names_before_hyphen(r, i - 2))
        || (i >= 2 && r.symbol_is(i - 1, ".") && r.glued(i - 1) && matches!(r.raw(i - 2), "No" | "Nos" | "NO"))
        || named_number(r, i)
        || capital_suffix(r, i);
    if is_identifier {
        return Some(glued_run_end(r, i));
    }
    lineage(r, i)
}

/// Letters that may touch the digits after them: a currency code (`USD115`)
/// or abbreviation (`Dh17.9bn`, `RM5bn`).
fn letters_may_prefix_number(letters: &str) -> bool {
    lexicon::currency_code(letters).is_some() || lexicon::currency_abbreviation(letters).is_some()
}

/// `R12 billion`, `R 15.20`, `R1,500`: the letter `R` at `w` names the South
/// African rand only before a sum written as money is (a decimal, thousands
/// or a scale); `R16` and `R2` stay names.
pub(super) fn rand_sum(r: &Reader, w: usize) -> bool {
    let n = w + 1;
    r.is_word(w)
        && r.raw(w) == "R"
        && r.is_digits(n)
        && (r.raw(n).contains(['.', ','])
            || (r.glued(n + 1) && lexicon::scale_suffix(r.raw(n + 1)).is_some())
            || scale_word(r, n + 1, true).is_some()
            || hyphened_scale(r, n + 1).is_some()
            || decimal_comma_scaled(r, n)
            || super::grammar::space_grouped(r, n).is_some())
}

/// `R3,4 billion`, `R2,2-billion`: a decimal comma before a scale.
fn decimal_comma_scaled(r: &Reader, n: usize) -> bool {
    let fraction = n + 2;
    r.symbol_is(n + 1, ",")
        && r.glued(n + 1)
        && r.glued(fraction)
        && r.is_digits(fraction)
        && r.raw(fraction).len() <= 2
        && (scale_word(r, fraction + 1, true).is_some() || hyphened_scale(r, fraction + 1).is_some())
}

/// `B.1.1.7`, `BA.2.86`, `XBB.1.5`, `JN.1`: a virus lineage (or any name of
/// capitals and dotted numbers), from its first number to its last.
fn lineage(r: &Reader, i: usize) -> Option<usize> {
    let named = i >= 2
        && r.symbol_is(i - 1, ".")
        && r.glued(i - 1)
        && r.glued(i)
        && r.is_word(i - 2)
        && r.raw(i - 2).len() <= 4
        && r.raw(i - 2).bytes().all(|b| b.is_ascii_uppercase())
        && lexicon::currency_abbreviation(r.raw(i - 2)).is_none()
        && !matches!(r.raw(i - 2), "NO" | "ST");
    if !named {
        return None;
    }
    let mut end = i + 1;
    while r.symbol_is(end, ".") && r.glued(end) && r.glued(end + 1) && r.is_digits(end + 1) {
        end += 2;
    }
    Some(end)
}

/// `F-16`, `COVID-19`: the word at `w`, before a hyphen and digits, names
/// something. Not a name: a prefix that joins a number (`mid-2022`), a
/// number word, or the suffix of a number before it (`5k-20k`).
fn names_before_hyphen(r: &Reader, w: usize) -> bool {
    let word = r.raw(w);
    r.is_word(w)
        && !NUMBER_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(word))
        && lexicon::word(word).is_none()
        && !(w > 0 && r.is_digits(w - 1) && r.glued(w))
        // `55-to-64`: a word between two numbers joins them
        && !(w >= 2 && r.is_dash(w - 1) && r.glued(w) && r.glued(w - 1) && r.is_digits(w - 2))
}

/// `Boeing 737`, `Article 5`: a capitalised name right before a plain integer
/// that carries no unit of its own.
fn named_number(r: &Reader, i: usize) -> bool {
    if i == 0 || r.glued(i) || !r.is_word(i - 1) || r.plain_integer(i).is_none() {
        return false;
    }
    let name = r.raw(i - 1);
    let capitalised = name.chars().next().is_some_and(char::is_uppercase) && name.chars().count() >= 2;
    if !capitalised
        || NOT_NAMES.iter().any(|w| w.eq_ignore_ascii_case(name))
        || lexicon::month(name).is_some()
        || lexicon::word(name).is_some()
        || letters_may_prefix_number(name)
    {
        return false;
    }
    // a year names a time, not a model: `Budget 2016`, `Vision 2030`, `Season 2021-22`
    if year_shaped(r, i) {
        return false;
    }
    // `Kell made 71 and Tom Briggs 48`: a verb left out after `and`, the number a count
    let mut first = i - 1;
    while first > 0 && r.is_word(first - 1) && r.raw(first - 1).starts_with(char::is_uppercase) {
        first -= 1;
    }
    let counted_before = |k: usize| r.is_digits(k) || (k > 0 && r.is_word(k) && r.is_digits(k - 1));
    if first >= 2 && r.word_is(first - 1, "and") && counted_before(first - 2) {
        return false;
    }
    // a unit after the number makes it a quantity after all: `UK 2.3%`, and so does a
    // minute's prime (`Greenwood 60′`); an apostrophe may close a quotation
    // (`'the Boeing 737'`), so it does not
    let next = i + 1;
    let minute = r.glued(next) && r.symbol_is(next, "′");
    // a clock's time after a name: `knocking out Vera Lind 2:47 of the first round`
    let clock = r.glued(next) && r.symbol_is(next, ":") && r.glued(next + 1) && r.is_digits(next + 1);
    // no model is numbered in ordinals: `the Czech 13th seed`
    let ordinal = r.glued(next) && ["st", "nd", "rd", "th"].iter().any(|o| r.raw(next).eq_ignore_ascii_case(o));
    // (a number word after it is the number's, but `and` only joins it to the next name:
    // `the Valley League, District 14 and TSAA crowns`)
    if r.symbol_is(next, "%")
        || (r.word(next).is_some() && !r.word_is(next, "and"))
        || scale_word(r, next, false).is_some()
        || score(r, i)
        || result_line(r, i)
        || minute
        || clock
        || ordinal
    {
        return false;
    }
    // and so do things counted, unless an article makes the name a model's: `gave Goa
    // 11 points`, but `a Boeing 737 jets order`
    // (an adjective may stand between: `giving Velora 11 gold medals`)
    let adjective_then_counted =
        r.is_word(next) && r.raw(next).starts_with(char::is_lowercase) && counted_after(r, next + 1);
    !((counted_after(r, next) || adjective_then_counted) && !(i >= 2 && r.word_in(i - 2, DETERMINERS)))
}

/// Four digits that may be a year of our times (1900 to 2100), with nothing glued after.
pub(super) fn year_shaped(r: &Reader, i: usize) -> bool {
    r.raw(i).len() == 4
        && r.plain_integer(i).is_some_and(|y| (1900..=2100).contains(&y))
        && !(r.glued(i + 1) && r.is_word(i + 1))
}

/// The word at `k` names things counted: a plural noun, not a verb that a
/// number follows (`FTSEurofirst 300 falls 1.3 percent`), nor a word in `-is`
/// or `-us` (`IFRS 16 basis`).
fn counted_after(r: &Reader, k: usize) -> bool {
    let word = r.raw(k);
    // nouns a year may name (`the 2012 games`), which count after a number that is no year
    let counted = counts_things(r, k) || r.word_in(k, &["games", "elections", "figures", "results", "talks"]);
    counted && !word.ends_with("is") && !word.ends_with("us") && !r.is_digits(k + 1)
}

/// Words that make the name after them a model's or a product's: `the Boeing 737 jets`.
const DETERMINERS: &[&str] = &["a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those"];

/// `Chelsea 4-1`, `Brighton 3 – 3`, `Pistons 118-105`: a team's name before a
/// score, two numbers under 200 joined by a dash, spaced on both sides or on
/// neither (`Boeing 737-800` is a model).
fn score(r: &Reader, i: usize) -> bool {
    let short = |k: usize| r.plain_integer(k).is_some_and(|n| n < 200) && r.raw(k).len() <= 3;
    short(i) && r.is_dash(i + 1) && r.glued(i + 1) == r.glued(i + 2) && short(i + 2)
}

/// Words that join two sides of a results line: `Essendon 69 def Melbourne 60`.
const RESULT_WORDS: &[&str] = &["def", "d", "bt", "beat", "beats", "defeated", "drew", "v", "vs", "versus"];

/// `ESSENDON 69 def MELBOURNE 60`: a results line gives each side its score,
/// the first before the word that joins them, the second after the other name.
fn result_line(r: &Reader, i: usize) -> bool {
    let short = |k: usize| r.plain_integer(k).is_some_and(|n| n < 1000);
    let capital = |k: usize| r.is_word(k) && r.raw(k).starts_with(char::is_uppercase);
    if !short(i) {
        return false;
    }
    // the first side's: a name and a score follow the joining word, or a
    // comma on a line of its own (`Northport 41, No. 7 Eastvale 10`)
    let mut k = i + 1;
    let comma = r.symbol_is(k, ",") && line_of_two_sides(r, i);
    if r.word_in(k, RESULT_WORDS) || comma {
        k += 1 + usize::from(r.symbol_is(k + 1, "."));
        k += ranking(r, k);
        let name_starts = k;
        while capital(k) {
            k += 1;
        }
        if k > name_starts && short(k) {
            return true;
        }
    }
    // the second side's: a name, a joining word and a score come before it
    let mut first = i - 1;
    while first > 0 && capital(first - 1) {
        first -= 1;
    }
    // a ranking before the name: `No. 7 Eastvale 10`
    if first >= 3 && r.is_digits(first - 1) && r.symbol_is(first - 2, ".") && r.word_is(first - 3, "No") {
        first -= 3;
    }
    let joined = first.checked_sub(1).map(|j| if r.symbol_is(j, ".") { j.saturating_sub(1) } else { j });
    joined.filter(|&j| j >= 2).is_some_and(|j| {
        let comma = r.symbol_is(j, ",") && line_of_two_sides(r, j - 1);
        (r.word_in(j, RESULT_WORDS) || comma) && short(j - 1) && capital(j - 2)
    })
}

/// The tokens a ranking before a name takes: `No. 7 ` is three.
fn ranking(r: &Reader, k: usize) -> usize {
    if r.word_is(k, "No") && r.symbol_is(k + 1, ".") && r.is_digits(k + 2) { 3 } else { 0 }
}

/// The score at `i` is the first side's of a sentence that is nothing but a
/// results line: names and a score, a comma, and names and a score to its end.
fn line_of_two_sides(r: &Reader, i: usize) -> bool {
    let capital = |k: usize| r.is_word(k) && r.raw(k).starts_with(char::is_uppercase);
    let names_before = (0..i).all(capital);
    let mut k = i + 2;
    k += ranking(r, k);
    let name_starts = k;
    while capital(k) {
        k += 1;
    }
    let ends = k + 1 == r.len() || (k + 2 == r.len() && r.symbol_is(k + 1, "."));
    // a score, not a model's number (`Windows 10, Office 365`)
    let score = |k: usize| r.plain_integer(k).is_some_and(|n| n < 200);
    i > 0 && names_before && k > name_starts && score(i) && score(k) && ends
}

/// `5G`, `3D`: digits with glued capitals that are neither a unit nor a scale.
fn capital_suffix(r: &Reader, i: usize) -> bool {
    let next = i + 1;
    if !r.glued(next) || !r.is_word(next) {
        return false;
    }
    let suffix = r.raw(next);
    suffix.chars().any(char::is_uppercase)
        && lexicon::scale_suffix(suffix).is_none()
        && lexicon::currency_code(suffix).is_none()
        && musd(suffix).is_none()
        && !UNIT_SYMBOLS.contains(&suffix)
        && !TIME_ZONES.contains(&suffix)
        && !matches!(suffix, "AM" | "PM" | "ST" | "ND" | "RD" | "TH")
}
