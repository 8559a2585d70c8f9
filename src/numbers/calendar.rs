//! Years, dates and times: `1993`, `the 1990s`, `2029-30`, `June 13`,
//! `1 March 2025`, `May 8, 1945`, `2025-03-03`, `17/02/2025`, `9:30 p.m.`,
//! and the wire services' `0925 GMT`.
//!
//! A year's value is the year; a date's or time's is an ISO 8601 string
//! (`--03-01` when the year is not given, `2022-02` for a month, `21:30`).
//! A month alone (`in March`) states no number and is not a mention.

use rust_decimal::Decimal;

use super::lexicon::{self, Word};
use super::reader::{Found, Reader};
use super::{Kind, Value};

/// A year, date or time starting at token `i`.
pub(super) fn at(r: &Reader, i: usize) -> Option<Found> {
    if r.is_word(i) {
        return month_first(r, i);
    }
    if !r.is_digits(i) {
        return None;
    }
    iso(r, i)
        .or_else(|| slashed(r, i))
        .or_else(|| wire_time(r, i))
        .or_else(|| race_time(r, i))
        .or_else(|| time(r, i))
        .or_else(|| day_first(r, i))
        .or_else(|| decade(r, i))
        .or_else(|| year(r, i))
}

fn date(first: usize, last: usize, iso: String) -> Found {
    Found { first, last, value: Value::Iso(iso), kind: Kind::Date, unit: None, power: None, fraction: false }
}

fn year_mention(first: usize, last: usize, year: u64) -> Found {
    Found {
        first,
        last,
        value: Value::Number(Decimal::from(year)),
        kind: Kind::Year,
        unit: None,
        power: None,
        fraction: false,
    }
}

fn days_in(month: u64) -> u64 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn valid_day(month: u64, day: u64) -> bool {
    (1..=12).contains(&month) && (1..=days_in(month)).contains(&day)
}

/// A month name at `k` (with the period of an abbreviation): its number and last token.
fn month_at(r: &Reader, k: usize) -> Option<(u64, usize)> {
    if !r.is_word(k) {
        return None;
    }
    let m = lexicon::month(r.raw(k))?;
    // `Dec.` takes its period; `June.` ends a sentence
    let dotted = r.symbol_is(k + 1, ".") && r.glued(k + 1) && lexicon::is_month_abbreviation(r.raw(k));
    Some((m as u64, if dotted { k + 1 } else { k }))
}

/// A day of the month at `k`: `13` or `13th`, and its last token.
fn day_at(r: &Reader, k: usize) -> Option<(u64, usize)> {
    let day = r.plain_integer(k).filter(|d| (1..=31).contains(d) && r.raw(k).len() <= 2)?;
    let suffixed = r.glued(k + 1) && r.word_in(k + 1, &["st", "nd", "rd", "th"]);
    if r.glued(k + 1) && !suffixed && (r.is_word(k + 1) || r.symbol_is(k + 1, "%")) {
        return None;
    }
    Some((day, if suffixed { k + 1 } else { k }))
}

/// A four-digit year at `k` that nothing is glued to.
fn year_at(r: &Reader, k: usize) -> Option<u64> {
    let y = r.plain_integer(k).filter(|y| r.raw(k).len() == 4 && (1000..=2999).contains(y))?;
    (!(r.glued(k + 1) && r.is_word(k + 1))).then_some(y)
}

/// `June 13`, `June 13th, 2025`, `May 8, 1945`, `March 2022`.
fn month_first(r: &Reader, i: usize) -> Option<Found> {
    let (month, last) = month_at(r, i)?;
    if let Some((day, day_last)) = day_at(r, last + 1).filter(|(d, _)| valid_day(month, *d)) {
        let comma = r.symbol_is(day_last + 1, ",");
        let y = if comma { day_last + 2 } else { day_last + 1 };
        if let Some(year) = year_at(r, y) {
            return Some(date(i, y, format!("{year:04}-{month:02}-{day:02}")));
        }
        return Some(date(i, day_last, format!("--{month:02}-{day:02}")));
    }
    let year = year_at(r, last + 1)?;
    Some(date(i, last + 1, format!("{year:04}-{month:02}")))
}

/// `13 June`, `13th of June 2025`, `1 March`.
fn day_first(r: &Reader, i: usize) -> Option<Found> {
    let (day, last) = day_at(r, i)?;
    let of = r.word_is(last + 1, "of");
    let m_at = if of { last + 2 } else { last + 1 };
    if r.glued(m_at) {
        return None;
    }
    let (month, m_last) = month_at(r, m_at)?;
    if !valid_day(month, day) {
        return None;
    }
    if let Some(year) = year_at(r, m_last + 1) {
        return Some(date(i, m_last + 1, format!("{year:04}-{month:02}-{day:02}")));
    }
    Some(date(i, m_last, format!("--{month:02}-{day:02}")))
}

/// `2025-03-03` (a date), `2022-02` (a month), `2029-30`, `2025/26` and
/// `2024-’25` (a fiscal year: a year mention of its first year).
fn iso(r: &Reader, i: usize) -> Option<Found> {
    let year = r.plain_integer(i).filter(|y| r.raw(i).len() == 4 && (1000..=2999).contains(y))?;
    let sep = i + 1;
    let dash = r.is_dash(sep);
    if !(dash || r.symbol_is(sep, "/")) || !r.glued(sep) || !r.glued(sep + 1) {
        return None;
    }
    // the second year's century left out: `2024-’25`
    let apostrophe = sep + 1;
    if (r.symbol_is(apostrophe, "’") || r.symbol_is(apostrophe, "'"))
        && r.glued(apostrophe + 1)
        && r.raw(apostrophe + 1).len() == 2
        && let Some(second) = r.plain_integer(apostrophe + 1)
    {
        let later = second > year % 100 || (year % 100 == 99 && second == 0);
        return later.then(|| year_mention(i, apostrophe + 1, year));
    }
    if r.raw(sep + 1).len() != 2 {
        return None;
    }
    let second = r.plain_integer(sep + 1)?;
    if dash && r.is_dash(sep + 2) && r.glued(sep + 2) && r.glued(sep + 3) && r.raw(sep + 3).len() == 2 {
        let day = r.plain_integer(sep + 3)?;
        return valid_day(second, day).then(|| date(i, sep + 3, format!("{year:04}-{second:02}-{day:02}")));
    }
    if second > year % 100 || (year % 100 == 99 && second == 0) {
        return Some(year_mention(i, sep + 1, year));
    }
    (dash && (1..=12).contains(&second)).then(|| date(i, sep + 1, format!("{year:04}-{second:02}")))
}

/// `17/02/2025` (day first, as British news writes it) and `5/17/2018`
/// (month first, when the day cannot be the month).
fn slashed(r: &Reader, i: usize) -> Option<Found> {
    let part = |k: usize| r.plain_integer(k).filter(|_| r.raw(k).len() <= 2);
    let a = part(i)?;
    let slash = |k: usize| r.symbol_is(k, "/") && r.glued(k) && r.glued(k + 1);
    if !slash(i + 1) || !slash(i + 3) {
        return None;
    }
    let b = part(i + 2)?;
    let year = year_at(r, i + 4)?;
    let (day, month) = if a <= 12 && b > 12 { (b, a) } else { (a, b) };
    valid_day(month, day).then(|| date(i, i + 4, format!("{year:04}-{month:02}-{day:02}")))
}

/// `am`, `pm`, `a.m.`, `P.M.` at `k`: whether it is afternoon, and the last token.
fn meridiem(r: &Reader, k: usize) -> Option<(bool, usize)> {
    if r.word_in(k, &["am", "pm"]) {
        return Some((r.raw(k).eq_ignore_ascii_case("pm"), k));
    }
    let pm = if r.word_is(k, "p") {
        true
    } else if r.word_is(k, "a") {
        false
    } else {
        return None;
    };
    if !(r.symbol_is(k + 1, ".") && r.glued(k + 1) && r.word_is(k + 2, "m") && r.glued(k + 2)) {
        return None;
    }
    let last = if r.symbol_is(k + 3, ".") && r.glued(k + 3) { k + 3 } else { k + 2 };
    Some((pm, last))
}

/// Time zones that wire stories write after a four-digit time: `0925 GMT`.
pub(super) const TIME_ZONES: &[&str] = &[
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "WET", "MSK", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT",
    "MST", "MDT", "PT", "PST", "PDT", "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "IST", "GST", "SAST", "WIB",
];

/// `0925 GMT`, `1430 BST`: four digits and a time zone, the zone taken into the mention.
fn wire_time(r: &Reader, i: usize) -> Option<Found> {
    let raw = r.raw(i);
    let clock = r.plain_integer(i).filter(|_| raw.len() == 4)?;
    let zone = i + 1;
    if !(r.is_word(zone) && TIME_ZONES.contains(&r.raw(zone))) {
        return None;
    }
    let (hour, minute) = (clock / 100, clock % 100);
    (hour <= 23 && minute <= 59).then(|| Found {
        first: i,
        last: zone,
        value: Value::Iso(format!("{hour:02}:{minute:02}")),
        kind: Kind::Time,
        unit: None,
        power: None,
        fraction: false,
    })
}

/// A time a race or a match takes, no time of day: `28:55.77`,
/// `1:02:03.4`, `45:10`, `2:05:41.3` — minutes and seconds, or hours, minutes
/// and seconds, whose last part has hundredths, or whose first is past a
/// day's hours. One mention, never two counts; its value is written as
/// [`canonical_time`] writes it.
fn race_time(r: &Reader, i: usize) -> Option<Found> {
    let first = r.plain_integer(i)?;
    let mut last = i;
    let mut parts = 1;
    // each further part: a colon, then two digits, with decimals on the last
    while parts < 3 && r.symbol_is(last + 1, ":") && r.glued(last + 1) && r.glued(last + 2) && r.is_digits(last + 2) {
        let part = r.raw(last + 2);
        let (whole, decimals) = part.split_once('.').unwrap_or((part, ""));
        if whole.len() != 2 || whole.parse::<u64>().ok()? > 59 || !decimals.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        last += 2;
        parts += 1;
        if !decimals.is_empty() {
            break;
        }
    }
    let has_decimals = r.raw(last).contains('.');
    if parts < 2 || !(has_decimals || first > 23) {
        return None;
    }
    let written: String = (i..=last).map(|k| r.raw(k)).collect();
    Some(Found {
        first: i,
        last,
        value: Value::Iso(duration(&written)?),
        kind: Kind::Time,
        unit: None,
        power: None,
        fraction: false,
    })
}

/// A time of parts joined by colons (`3:58.20`, `02:05:41`, `21:30`) as one
/// form writes it: the first part with no leading zero, the others in two
/// digits, the last one's decimals with no trailing zero (`3:58.2`, `2:05:41`).
/// `None` when it is no such time.
pub fn canonical_time(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split(':').collect();
    let [first, middle @ .., last] = parts.as_slice() else { return None };
    if middle.len() > 1 || first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (seconds, decimals) = last.split_once('.').unwrap_or((last, ""));
    let two_digits = |p: &str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) && p < "60";
    if !middle.iter().all(|p| two_digits(p)) || !two_digits(seconds) || !decimals.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let first = first.trim_start_matches('0');
    let mut time = if first.is_empty() { "0".to_string() } else { first.to_string() };
    for part in middle {
        time.push(':');
        time.push_str(part);
    }
    time.push(':');
    time.push_str(seconds);
    let decimals = decimals.trim_end_matches('0');
    if !decimals.is_empty() {
        time.push('.');
        time.push_str(decimals);
    }
    Some(time)
}

/// A time as [`canonical_time`] writes it, from a mention's value: a time of
/// day (`02:05:41`) or an ISO 8601 duration (`PT1M26S`, `PT2H5M41.3S`) —
/// `2:05:41`, `1:26`, `2:05:41.3`. So a time shown on a page in one form is
/// told to be the time its sentence states in another.
pub fn time_shown(value: &str) -> Option<String> {
    let Some(duration) = value.strip_prefix("PT") else { return canonical_time(value) };
    let mut parts = [String::new(), String::new(), String::new()];
    let mut number = String::new();
    for c in duration.chars() {
        match c {
            '0'..='9' | '.' => number.push(c),
            'H' => parts[0] = std::mem::take(&mut number),
            'M' => parts[1] = std::mem::take(&mut number),
            'S' => parts[2] = std::mem::take(&mut number),
            _ => return None,
        }
    }
    let or_zero = |p: &str| if p.is_empty() { "0".to_string() } else { p.to_string() };
    let (seconds, decimals) = parts[2].split_once('.').unwrap_or((&parts[2], ""));
    let seconds = format!("{:0>2}{}{decimals}", or_zero(seconds), if decimals.is_empty() { "" } else { "." });
    let time = match parts[0].is_empty() {
        true => format!("{}:{seconds}", or_zero(&parts[1])),
        false => format!("{}:{:0>2}:{seconds}", parts[0], or_zero(&parts[1])),
    };
    canonical_time(&time)
}

/// A race's time as [`canonical_time`] writes it (`13:50.38`, `2:05:41`), as
/// an ISO 8601 duration: `PT13M50.38S`, `PT2H5M41S`.
pub(super) fn duration(time: &str) -> Option<String> {
    let time = canonical_time(time)?;
    let parts: Vec<&str> = time.split(':').collect();
    let (hours, minutes, seconds) = match parts.as_slice() {
        [m, s] => ("0", *m, *s),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    let mut iso = String::from("PT");
    for (amount, letter) in [(hours, 'H'), (minutes, 'M'), (seconds, 'S')] {
        let amount: rust_decimal::Decimal = amount.parse().ok()?;
        if !amount.is_zero() {
            iso.push_str(&amount.normalize().to_string());
            iso.push(letter);
        }
    }
    Some(if iso == "PT" { "PT0S".to_string() } else { iso })
}

/// `9:30`, `21:30:05`, `9:30 p.m.`, `9.30pm`, `9pm`, `2 pm`.
fn time(r: &Reader, i: usize) -> Option<Found> {
    let raw = r.raw(i);
    let (hour, minute, mut last) = if let Some((h, m)) = raw.split_once('.') {
        // `9.30pm`: only with am/pm, or it is a decimal
        (h.parse::<u64>().ok()?, Some(m).filter(|m| m.len() == 2)?.parse::<u64>().ok()?, i)
    } else if r.symbol_is(i + 1, ":") && r.glued(i + 1) && r.glued(i + 2) && r.raw(i + 2).len() == 2 {
        (r.plain_integer(i)?, r.plain_integer(i + 2)?, i + 2)
    } else {
        (r.plain_integer(i)?, 0, i)
    };
    if raw.len() > 2 && !raw.contains('.') || hour > 23 || minute > 59 {
        return None;
    }
    let mut second = None;
    if last == i + 2 && r.symbol_is(i + 3, ":") && r.glued(i + 3) && r.glued(i + 4) && r.raw(i + 4).len() == 2 {
        second = r.plain_integer(i + 4).filter(|s| *s <= 59);
        if second.is_some() {
            last = i + 4;
        }
    }
    let clock = last > i;
    let hour = match meridiem(r, last + 1) {
        Some((pm, end)) if (1..=12).contains(&hour) => {
            last = end;
            match (pm, hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            }
        }
        _ if clock => hour,
        _ => return None,
    };
    let iso = match second {
        Some(s) => format!("{hour:02}:{minute:02}:{s:02}"),
        None => format!("{hour:02}:{minute:02}"),
    };
    Some(Found { first: i, last, value: Value::Iso(iso), kind: Kind::Time, unit: None, power: None, fraction: false })
}

/// `the 1990s`, `1990's`: a decade, whose value is its first year.
fn decade(r: &Reader, i: usize) -> Option<Found> {
    let year = r.plain_integer(i).filter(|y| r.raw(i).len() == 4 && y % 10 == 0)?;
    if r.glued(i + 1) && r.word_is(i + 1, "s") {
        return Some(year_mention(i, i + 1, year));
    }
    let apostrophe = r.symbol_is(i + 1, "'") || r.symbol_is(i + 1, "’");
    (apostrophe && r.glued(i + 1) && r.glued(i + 2) && r.word_is(i + 2, "s")).then(|| year_mention(i, i + 2, year))
}

/// Words before a four-digit number that make it a year: `in 1993`, `since 2022`.
const YEAR_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "during", "before", "after", "year", "fiscal", "fy", "circa", "mid", "early",
    "late", "spring", "summer", "autumn", "winter", "from", "through", "to", "between", "and", "of", "around", "about",
    "than",
];

/// Words ending in `s` that are not plural nouns, so `1999 was` stays a year.
const NOT_PLURALS: &[&str] = &[
    "was",
    "has",
    "is",
    "does",
    "its",
    "this",
    "thus",
    "plus",
    "as",
    "us",
    "his",
    "less",
    "across",
    "versus",
    "whereas",
    "perhaps",
    "always",
    "afterwards",
    "towards",
    "says",
    "sees",
    "becomes",
    "remains",
    "marks",
    "saw",
    "games",
    "olympics",
    "elections",
    "budgets",
    "figures",
    "accounts",
    "results",
    "accords",
    "talks",
    // verbs after a year-shaped number: `Census 2010 shows`
    "shows",
    "finds",
    "reveals",
    "suggests",
    "indicates",
    "confirms",
];

/// Nouns that count, not ending in `s`: `2000 people`.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "staff",
    "police",
    "personnel",
    "sheep",
    "cattle",
    "troops",
    "voters",
    "residents",
];

/// A plain four-digit number read as a year: after a cue word, or between
/// 1900 and 2100 when what follows does not show it counts things
/// (`2000 troops` is a count).
fn year(r: &Reader, i: usize) -> Option<Found> {
    let y = r.plain_integer(i).filter(|_| r.raw(i).len() == 4)?;
    let next = i + 1;
    if r.glued(next) && (r.is_word(next) || r.symbol_is(next, "%")) {
        return None;
    }
    if r.symbol_is(next, "%")
        || matches!(
            r.word(next),
            Some(
                Word::Scale { .. }
                    | Word::Percent
                    | Word::Per
                    | Word::Currency { .. }
                    | Word::Hundred
                    | Word::Dozen { .. }
            )
        )
    {
        return None;
    }
    // `the 2022 and 2023 worlds`: a year joined to a year is one too; and so is
    // a year before a plural after a word that points at one (`its 2020
    // accounts`, `last 2019 figures`): a count that large has its comma
    let after_a_year = i >= 2 && r.word_in(i - 1, &["and", "or"]) && year_at(r, i - 2).is_some();
    // `the 2011 killings` too, though not `the 1500 metres`, a race
    let the_year = i > 0 && r.word_is(i - 1, "the") && !super::grammar::distance_after(r, i);
    let pointed_at = i > 0 && (r.word_in(i - 1, POINT_AT_A_YEAR) || the_year) && !r.raw(i).contains(',');
    // `from 1990 levels`, `in 2019 prices`: what a year's numbers are measured against
    let of_a_year = r.word_in(next, &["levels", "prices", "terms"]);
    if counts_things(r, next) && !after_a_year && !pointed_at && !of_a_year {
        return None;
    }
    let cued = i > 0 && (r.word_in(i - 1, YEAR_CUES) || lexicon::month(r.raw(i - 1)).is_some());
    let plausible = if cued { (1000..=2199).contains(&y) } else { (1900..=2100).contains(&y) };
    plausible.then(|| year_mention(i, i, y))
}

/// Words that point at a year before a plural noun: `its 2020 accounts`.
const POINT_AT_A_YEAR: &[&str] = &["its", "their", "his", "her", "our", "this", "last", "next", "whose"];

/// The word at `k` is a noun that is counted: a plural, or one of [`COUNT_NOUNS`].
pub(super) fn counts_things(r: &Reader, k: usize) -> bool {
    if !r.is_word(k) {
        return false;
    }
    let w = r.raw(k);
    let plural = w.len() >= 4 && w.ends_with('s') && w.starts_with(|c: char| c.is_lowercase()) && !w.ends_with("ss");
    (plural && !r.word_in(k, NOT_PLURALS)) || r.word_in(k, COUNT_NOUNS)
}
