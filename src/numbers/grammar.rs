//! The grammar of quantities: digits and number words, fractions, scales,
//! currencies, percentages, signs, hedges and ranges.
//!
//! [`mentions`] walks the tokens of a sentence left to right. At each token it
//! first rules out identifiers (`G7`, `F-16`, `Boeing 737`), then asks
//! [`calendar`] for a year, date or time, then reads a quantity:
//!
//! ```text
//! [sign] [currency] number [scale] [percent | currency] [minor unit]
//! ```
//!
//! Hedges in front and what the numbers of a range or list share (`£2-3bn`,
//! `Dec. 4-10`; see [`ranges`]) are settled once every quantity of the
//! sentence is known.

use rust_decimal::Decimal;

use super::calendar;
use super::digits::{self, negated, shifted};
use super::durations;
use super::identifiers::identifier_end;
use super::lexicon::{self, Word};
use super::money::{CurrencyAfter, currency_after, currency_prefix, minor_words, musd};
use super::ranges;
use super::reader::{Found, Number, Reader, glued_run_end};
use super::tokens::Token;
use super::words::{is_pronoun_one, point_after, words};
use super::{Kind, Mention, Unit, Value};

enum Step {
    Found(Found),
    Skip(usize),
}

/// The number mentions of one sentence's tokens.
pub(super) fn mentions(text: &str, toks: &[Token]) -> Vec<Mention> {
    let r = Reader::new(text, toks);
    let mut found: Vec<Found> = Vec::new();
    let addresses = web_addresses(text);
    let mut i = 0;
    while i < r.len() {
        // the digits of an address name a page, and state nothing
        if let Some(address) = addresses.iter().find(|a| a.contains(&toks[i].start)) {
            i += toks[i..].iter().position(|t| t.start >= address.end).unwrap_or(toks.len() - i);
            continue;
        }
        match step(&r, i) {
            Step::Found(f) => {
                i = f.last + 1;
                found.push(f);
            }
            Step::Skip(next) => i = next.max(i + 1),
        }
    }
    durations::and_a_half(&r, &mut found);
    durations::join(&r, &mut found);
    if found.len() > 1 {
        ranges::settle(&r, &mut found);
    }
    let mut mentions: Vec<Mention> = found.into_iter().map(|f| finish(&r, f)).collect();
    goals_and_behinds(text, &mut mentions);
    mentions
}

/// `12.12 (84)`: an Australian rules score gives goals and behinds before
/// the points they make, six to a goal. Where the points in brackets are so
/// made, the two numbers are counts of their own, not a decimal.
fn goals_and_behinds(text: &str, mentions: &mut Vec<Mention>) {
    let parts = |m: &Mention| -> Option<(u64, u64, usize)> {
        let written = &text[m.span.clone()];
        let (goals, behinds) = written.split_once('.')?;
        let digits = |d: &str| !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit());
        (digits(goals) && digits(behinds) && m.kind == Kind::Count && m.unit.is_none())
            .then(|| (goals.parse().ok(), behinds.parse().ok()))
            .and_then(|(g, b)| Some((g?, b?, goals.len() + 1)))
    };
    let mut i = 0;
    while i + 1 < mentions.len() {
        let (score, points) = (&mentions[i], &mentions[i + 1]);
        let bracketed =
            text.get(score.span.end..points.span.start) == Some(" (") && text[points.span.end..].starts_with(')');
        let made = bracketed
            .then(|| parts(score))
            .flatten()
            .filter(|&(goals, behinds, _)| points.value.number() == Some(Decimal::from(goals * 6 + behinds)));
        if let Some((goals, behinds, dot)) = made {
            let start = score.span.start;
            let count = |n: u64, span: std::ops::Range<usize>| Mention {
                span,
                value: Value::Number(Decimal::from(n)),
                unit: None,
                kind: Kind::Count,
                hedge: None,
                fraction: false,
            };
            let behinds_span = start + dot..score.span.end;
            let pair = [count(goals, start..start + dot - 1), count(behinds, behinds_span)];
            mentions.splice(i..=i, pair);
            i += 1;
        }
        i += 1;
    }
}

/// The web addresses written in `text` (`https://example.org/a-3bn-deal/`,
/// `www.example.org/2024`), as byte ranges: from the scheme or `www.` to the
/// white space after, less the punctuation that ends a sentence.
fn web_addresses(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    let bytes = text.as_bytes();
    let starts = text
        .match_indices("://")
        .filter_map(|(at, _)| {
            let scheme = bytes[..at].iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
            (scheme >= 2).then(|| at - scheme)
        })
        .chain(text.match_indices("www.").map(|(at, _)| at))
        .filter(|&at| at == 0 || !bytes[at - 1].is_ascii_alphanumeric());
    for start in starts {
        if found.iter().any(|a| a.contains(&start)) {
            continue;
        }
        let mut end = text[start..]
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>'))
            .map_or(text.len(), |n| start + n);
        end -=
            text[start..end].len() - text[start..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']).len();
        found.push(start..end);
    }
    found
}

fn step(r: &Reader, i: usize) -> Step {
    if !r.may_start_mention(i) {
        return Step::Skip(i + 1);
    }
    if r.is_digits(i)
        && let Some(end) = identifier_end(r, i)
    {
        return Step::Skip(end);
    }
    if let Some(f) = calendar::at(r, i) {
        return Step::Found(f);
    }
    if let Some(f) = quantity(r, i).or_else(|| percent_of(r, i)) {
        return Step::Found(f);
    }
    // A number we could not read as a quantity still hides its glued parts.
    if r.is_digits(i) { Step::Skip(glued_run_end(r, i)) } else { Step::Skip(i + 1) }
}

/// Number words from `j` to `last` that a capital begins inside a name, in
/// prose: `won over Six Nations champions Ireland`. A lowercase word before,
/// a capitalised one after, and a long lowercase word somewhere in the text
/// tell a name from a title-case headline (`Storm Kills Six People`,
/// `Confirmed in Eight States`).
fn in_a_name(r: &Reader, j: usize, last: usize) -> bool {
    let capital = |k: usize| r.raw(k).chars().next().is_some_and(char::is_uppercase);
    let lowercase = |k: usize| r.raw(k).chars().next().is_some_and(char::is_lowercase);
    let prose = || (0..r.len()).any(|k| r.is_word(k) && lowercase(k) && r.raw(k).chars().count() >= 5);
    j > 0 && r.is_word(j - 1) && lowercase(j - 1) && capital(j) && r.is_word(last + 1) && capital(last + 1) && prose()
}

/// A quantity starting at token `i`: `[sign] [currency] [sign] number [scale] [unit]`.
fn quantity(r: &Reader, i: usize) -> Option<Found> {
    let mut j = i;
    let mut sign = sign(r, &mut j);
    let prefix = currency_prefix(r, &mut j);
    if prefix.is_some() && sign == Sign::None {
        sign = self::sign(r, &mut j); // `SEK -15.2m`
    }
    let n = number(r, j, prefix.is_some())?;
    if n.words && n.value == Value::Number(Decimal::ONE) && n.last == j && prefix.is_none() && is_pronoun_one(r, j) {
        return None;
    }
    if n.words && prefix.is_none() && in_a_name(r, j, n.last) {
        return None;
    }
    // `several hundred`, `a few hundred thousand`: no number, like `hundreds`
    let scale_alone = r.word_in(j, &["hundred", "thousand", "million", "billion", "dozen"]);
    if n.words && scale_alone && j > 0 && r.word_in(j - 1, &["several", "few", "many", "multiple"]) {
        return None;
    }
    let mut last = n.last;
    let mut power = n.power;
    let mut unit = n.unit.or(prefix.map(Unit::Currency));
    let mut divisor = n.divisor;
    let mut fraction = n.fraction;

    if power.is_none()
        && !n.fraction
        && !n.ordinal
        && let Some((p, end)) = scale_word(r, last + 1, unit.is_some()).or_else(|| hyphened_scale(r, last + 1))
    {
        power = Some(p);
        last = end;
    }
    if unit.is_none()
        && n.fraction
        && let Some((u, end)) = fraction_of_a_point(r, last + 1)
    {
        // `a quarter of a percentage point`, `half a per cent`: the value is exact
        unit = Some(u);
        last = end;
        fraction = false;
    } else if unit.is_none() && !n.ordinal {
        if let Some((u, end)) = percent_after(r, last + 1) {
            unit = Some(u);
            last = end;
        } else if let Some(c) = currency_after(r, last + 1) {
            unit = Some(Unit::Currency(c.code));
            divisor = c.divisor;
            last = c.last;
            if c.power.is_some() && power.is_none() {
                power = c.power;
            }
        } else if percentage_in_brackets(r, j, last) {
            // `grew the most in terms of percentage (35.1)`: the bracket gives the word's number
            unit = Some(Unit::Percent);
        }
    } else if prefix.is_some() && !n.ordinal {
        // `$10 dollars`, `50 dollar dollar`: a repeated currency belongs to the mention
        let repeated = |c: &CurrencyAfter| r.is_word(c.last) && Some(Unit::Currency(c.code)) == unit && c.divisor == 1;
        if let Some(c) = currency_after(r, last + 1).filter(repeated) {
            last = c.last;
        }
    }
    if sign == Sign::NegativeIfDegrees
        && !r.word_in(last + 1, &["degree", "degrees", "deg", "°"])
        && !r.symbol_is(last + 1, "°")
    {
        return None;
    }

    let mut value = scaled(&n.value, power, divisor, fraction)?;
    if n.words
        && divisor == 1
        && let Some(Unit::Currency(code)) = unit
        && let Some((cents, end)) = minor_words(r, last + 1, code)
        && let Value::Number(whole) = value
    {
        value = Value::Number(whole.checked_add(cents)?);
        last = end;
    }
    if sign != Sign::None {
        value = negated(value);
    }
    let kind = match unit {
        Some(Unit::Percent | Unit::PercentagePoints | Unit::BasisPoints) => Kind::Percent,
        Some(Unit::Currency(_)) => Kind::Money,
        None if n.ordinal => Kind::Ordinal,
        None => Kind::Count,
    };
    Some(Found { first: i, last, value, kind, unit, power, fraction })
}

/// `value × 10^power ÷ divisor`, exact and normalised (`2.30` is 2.3);
/// fractions rounded to 6 places. A value too large for a decimal keeps its digits.
pub(super) fn scaled(value: &Value, power: Option<u32>, divisor: u32, fraction: bool) -> Option<Value> {
    let mut exponent = i32::try_from(power.unwrap_or(0)).ok()?;
    let mut rest = divisor;
    while rest > 1 && rest.is_multiple_of(10) {
        rest /= 10;
        exponent -= 1;
    }
    if rest != 1 {
        return None; // every minor unit is a power of ten of its major one
    }
    Some(match shifted(value, exponent)? {
        Value::Number(d) if fraction => Value::Number(d.round_dp(6).normalize()),
        Value::Number(d) => Value::Number(d.normalize()),
        other => other,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    None,
    Negative,
    /// `- 20 degrees`: a spaced minus is a sign only before a temperature
    /// (elsewhere it is a dash).
    NegativeIfDegrees,
}

fn sign(r: &Reader, j: &mut usize) -> Sign {
    let i = *j;
    // `minus 5`, `negative USD 0.47 billion`
    let currency = |k: usize| lexicon::currency_code(r.raw(k)).or_else(|| lexicon::currency_symbol(r.raw(k))).is_some();
    if matches!(r.word(i), Some(Word::Negative)) && (r.is_digits(i + 1) || r.word(i + 1).is_some() || currency(i + 1)) {
        *j += 1;
        return Sign::Negative;
    }
    // `-£3m`: a sign before a currency symbol signs its sum
    let symbol_then_digits =
        r.glued(i + 1) && lexicon::currency_symbol(r.raw(i + 1)).is_some() && r.glued(i + 2) && r.is_digits(i + 2);
    if !(r.is_dash(i) || r.symbol_is(i, "−")) || !(r.is_digits(i + 1) || symbol_then_digits) {
        return Sign::None;
    }
    let after_number = i > 0 && (r.is_digits(i - 1) || r.word(i - 1).is_some_and(is_number_word));
    if after_number {
        return Sign::None; // `7,500-10,000`, `75 -300mm`: a range
    }
    let opens = i == 0 || r.toks[i].spaced || r.symbol_is(i - 1, "(") || r.symbol_is(i - 1, "[");
    if !opens {
        return Sign::None;
    }
    *j += 1;
    // `-5` and a sentence's opening `- 10 k` are signs
    if r.glued(i + 1) || i == 0 { Sign::Negative } else { Sign::NegativeIfDegrees }
}

pub(super) fn is_number_word(w: Word) -> bool {
    matches!(w, Word::Small(_) | Word::Tens(_) | Word::Hundred | Word::Scale { .. })
}

/// A number at token `j`: digits with their glued suffix, or number words.
fn number(r: &Reader, j: usize, has_currency: bool) -> Option<Number> {
    if r.is_digits(j) { digits(r, j, has_currency) } else { words(r, j) }
}

/// Digits and whatever is glued to them: `10k`, `2.3pc`, `5p`, `115USD`, `21st`, `25bp`.
fn digits(r: &Reader, j: usize, has_currency: bool) -> Option<Number> {
    // a comma glued to the digits is rare: only then look for a decimal comma
    let comma = r.symbol_is(j + 1, ",") && r.glued(j + 1);
    let grouped = if comma { decimal_comma(r, j) } else { None };
    let mut n = match grouped.or_else(|| if has_currency { space_grouped(r, j) } else { None }) {
        Some((value, last)) => Number::new(value, last),
        None => Number::new(r.digits_value(j)?, j),
    };
    let next = n.last + 1;
    if !r.glued(next) {
        if matches!(r.word(next), Some(Word::Dozen { .. }))
            && let Value::Number(d) = n.value
            && let Some(dozens) = d.checked_mul(Decimal::from(12))
        {
            n.value = Value::Number(dozens);
            n.last = next;
        }
        return Some(n);
    }
    if r.symbol_is(next, "%") || r.symbol_is(next, "％") {
        n.unit = Some(Unit::Percent);
        n.last = next;
        return Some(n);
    }
    if !r.is_word(next) {
        return Some(n);
    }
    let suffix = r.raw(next);
    if let Some(p) = lexicon::scale_suffix(suffix) {
        n.power = Some(p);
    } else if suffix == "m" {
        if !metre_or_million_is_million(r, n.last, has_currency) {
            return Some(n);
        }
        n.power = Some(6);
    } else if let Some(code) = lexicon::currency_code(suffix).filter(|_| !has_currency) {
        n.unit = Some(Unit::Currency(code));
    } else if let Some(code) = musd(suffix) {
        n.power = Some(6);
        n.unit = Some(Unit::Currency(code));
    } else if suffix == "pc" {
        n.unit = Some(Unit::Percent);
    } else if suffix == "pp" {
        n.unit = Some(Unit::PercentagePoints);
    } else if matches!(suffix, "bp" | "bps") {
        n.unit = Some(Unit::BasisPoints);
    } else if suffix == "p" && !has_currency {
        n.unit = Some(Unit::Currency("GBP"));
        n.divisor = 100;
    } else if matches!(suffix.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th") {
        n.ordinal = true;
    } else {
        // `75ml`, `45GW`, `20s`: the number, its unit left outside the mention
        return Some(n);
    }
    n.last = next;
    Some(n)
}

/// `49,4 percent`, `24,3%`, `SEK -15,2 m`: a comma before one or two digits
/// is a decimal comma when a percentage, scale, currency or glued unit
/// follows. A thousands group has three digits, and without a unit two
/// digits after a comma are a list (`pages 22,24 and 26`).
/// Thousands grouped by points before a decimal comma (`4.548,73`, `1.250.000,5`)
/// are read so whatever follows: no English number is written that way.
#[cold]
fn decimal_comma(r: &Reader, j: usize) -> Option<(Value, usize)> {
    let fraction_at = j + 2;
    let plain = |k: usize| r.is_digits(k) && r.raw(k).bytes().all(|b| b.is_ascii_digit());
    let grouped = r.is_digits(j) && points_group_thousands(r.raw(j));
    if !(plain(j) || grouped)
        || !r.symbol_is(j + 1, ",")
        || !r.glued(j + 1)
        || !r.glued(fraction_at)
        || !plain(fraction_at)
    {
        return None;
    }
    let fraction = r.raw(fraction_at);
    if fraction.len() > 2 {
        return None;
    }
    if grouped {
        return Some((digits::value_of(&format!("{}.{fraction}", r.raw(j).replace('.', "")))?, fraction_at));
    }
    let after = fraction_at + 1;
    let unit_follows = r.symbol_is(after, "%")
        || (r.glued(after) && r.is_word(after))
        || percent_after(r, after).is_some()
        || scale_word(r, after, true).is_some()
        || hyphened_scale(r, after).is_some()
        || currency_after(r, after).is_some();
    let value = digits::value_of(&format!("{}.{fraction}", r.raw(j)))?;
    unit_follows.then_some((value, fraction_at))
}

/// `R1 415`, `€2 300 000`: a sum grouped in thousands by plain spaces, as
/// South African and European papers write it. Only after a currency: `in
/// 2019 415 people` is two numbers. Each group after the first is exactly
/// three digits (the last may hold decimals), one space after the one before.
pub(super) fn space_grouped(r: &Reader, j: usize) -> Option<(Value, usize)> {
    let plain = |k: usize| r.is_digits(k) && r.raw(k).bytes().all(|b| b.is_ascii_digit());
    if !plain(j) || r.raw(j).len() > 3 || r.raw(j).starts_with('0') {
        return None;
    }
    let group = |k: usize| {
        let raw = r.raw(k);
        let (whole, decimals) = raw.split_once('.').unwrap_or((raw, ""));
        r.is_digits(k)
            && r.one_space_before(k)
            && whole.len() == 3
            && whole.bytes().all(|b| b.is_ascii_digit())
            && decimals.bytes().all(|b| b.is_ascii_digit())
    };
    let mut digits = r.raw(j).to_string();
    let mut last = j;
    while group(last + 1) {
        last += 1;
        digits.push_str(r.raw(last));
        if r.raw(last).contains('.') {
            break;
        }
    }
    // a group followed by more digits glued on (`1 415,5`) is no group of this sum
    if last == j || (r.glued(last + 1) && (r.is_digits(last + 1) || r.symbol_is(last + 1, ","))) {
        return None;
    }
    Some((digits::value_of(&digits)?, last))
}

/// `4.548`, `1.250.000`: one to three digits, then groups of three after points.
fn points_group_thousands(digits: &str) -> bool {
    let mut groups = digits.split('.');
    let first = groups.next().unwrap_or_default();
    let rest: Vec<&str> = groups.collect();
    (1..=3).contains(&first.len())
        && !rest.is_empty()
        && first.bytes().all(|b| b.is_ascii_digit())
        && rest.iter().all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Words after which a lower-case `m` is a metre: `1.8m tall`, `1m is`.
const METRE_CONTEXT: &[&str] = &[
    "tall", "long", "high", "wide", "deep", "thick", "away", "above", "below", "under", "over", "is", "are", "was",
    "were", "in", "of", "from", "and", "or", "to", "by", "x", "at", "per", "square", "cubic", "the", "a", "an",
];

/// Words of races after a distance: `the 400m hurdles`, `600m remaining`.
const RACE_CONTEXT: &[&str] = &[
    "race",
    "races",
    "final",
    "finals",
    "heat",
    "heats",
    "semi",
    "hurdles",
    "freestyle",
    "backstroke",
    "breaststroke",
    "butterfly",
    "medley",
    "relay",
    "sprint",
    "steeplechase",
    "dash",
    "gold",
    "silver",
    "bronze",
    "title",
    "titles",
    "record",
    "medal",
    "medals",
    "golds",
    "crown",
    "crowns",
    "run",
    "swim",
    "remaining",
    "left",
    "ahead",
    "behind",
    // `the 100m world record`, `a 400m specialist`; not `mark` nor `personal`,
    // which follow millions as often (`passed the 10m mark`, `2m personal loans`)
    "world",
    "olympic",
    "indoor",
    "championship",
    "championships",
    "runner",
    "runners",
    "sprinter",
    "sprinters",
    "specialist",
];

/// `£1.2m` and `2m people` are millions; `1.8m tall`, `48m.` and `5,000m`
/// are metres: nobody writes a thousand million with a glued `m` unless a
/// currency comes with it (`5,000m euros`).
fn metre_or_million_is_million(r: &Reader, digits: usize, has_currency: bool) -> bool {
    if has_currency {
        return true;
    }
    let next = digits + 2;
    let whole = r.raw(digits).split('.').next().unwrap_or("");
    if whole.contains(',') || whole.len() >= 4 {
        return currency_after(r, next).is_some();
    }
    // `a 40m-euro plan`: a currency joined by a hyphen
    if r.is_dash(next) && currency_after(r, next).is_some() {
        return true;
    }
    if r.glued(next) || !r.is_word(next) {
        return false;
    }
    let w = r.raw(next);
    // `the 400m individual medley`, `the 4x100m mixed relay`: a word of the race after its kind
    let race_after =
        matches!(w, "individual" | "mixed") && r.is_word(next + 1) && RACE_CONTEXT.contains(&r.raw(next + 1));
    w.starts_with(|c: char| c.is_lowercase())
        && !METRE_CONTEXT.contains(&w)
        && !RACE_CONTEXT.contains(&w)
        && !race_after
}

/// A scale word after a number: `million`, spaced `k`/`M`/`bn`, a `dozen`;
/// a spaced lower-case `m` only with a currency.
/// A scale word joined to its number by a hyphen: `$383-million`, `R7.5-billion`.
pub(super) fn hyphened_scale(r: &Reader, dash: usize) -> Option<(u32, usize)> {
    let joined = r.is_dash(dash) && r.glued(dash) && r.glued(dash + 1);
    match r.word(dash + 1) {
        Some(Word::Scale { power, .. }) if joined => Some((power, dash + 1)),
        _ => None,
    }
}

pub(super) fn scale_word(r: &Reader, k: usize, has_currency: bool) -> Option<(u32, usize)> {
    if !r.is_word(k) {
        return None;
    }
    match r.word(k) {
        // after a number a plural is a scale too (`Rs 500 crores`, `Rs.
        // 73.08 millions`); `lakh crore` is a lakh of crores, 10^12
        Some(Word::Scale { power, .. }) => {
            return Some(match r.word(k + 1) {
                Some(Word::Scale { power: 7, .. }) if power < 7 => (power + 7, k + 1),
                _ => (power, k),
            });
        }
        Some(Word::Hundred) => return Some((2, k)),
        _ => {}
    }
    let raw = r.raw(k);
    let followed_by_word = r.is_word(k + 1) && r.glued(k + 1);
    if followed_by_word {
        return None;
    }
    if let Some(p) = lexicon::scale_suffix(raw).filter(|_| raw != "b") {
        return Some((p, k));
    }
    match raw {
        "m" if has_currency => Some((6, k)),
        // `$6B`: a glued capital B after a sum, as American headlines write a billion
        "B" if has_currency && r.glued(k) => Some((9, k)),
        // `Rs 500 cr`: crore, in Indian business writing
        "cr" | "Cr" if has_currency => Some((7, k)),
        _ => None,
    }
}

/// `%`, `per cent`, `percent`, `percentage points`, `pp`, `basis points`,
/// `bps` after a number.
fn percent_after(r: &Reader, k: usize) -> Option<(Unit, usize)> {
    if r.symbol_is(k, "%") || r.symbol_is(k, "％") || r.symbol_is(k, "٪") {
        return Some((Unit::Percent, k));
    }
    let k = if r.is_dash(k) && r.glued(k) && r.glued(k + 1) { k + 1 } else { k };
    let end = match r.word(k) {
        Some(Word::Percent) => k,
        Some(Word::Per) if r.word_is(k + 1, "cent") => k + 1,
        // `a 4.5-per-cent rise`
        Some(Word::Per) if r.is_dash(k + 1) && r.glued(k + 1) && r.glued(k + 2) && r.word_is(k + 2, "cent") => k + 2,
        _ if r.word_is(k, "pp") => return Some((Unit::PercentagePoints, k)),
        _ if r.word_in(k, &["bp", "bps"]) => return Some((Unit::BasisPoints, k)),
        _ if r.word_is(k, "basis") => {
            // `25 basis points`, `a 25-basis-point cut`
            let point = if r.is_dash(k + 1) && r.glued(k + 1) && r.glued(k + 2) { k + 2 } else { k + 1 };
            return r.word_in(point, &["point", "points"]).then_some((Unit::BasisPoints, point));
        }
        _ => return None,
    };
    if r.word_in(end + 1, &["point", "points"]) {
        Some((Unit::PercentagePoints, end + 1))
    } else {
        Some((Unit::Percent, end))
    }
}

/// The number from token `first` to `last` stands alone in brackets right
/// after the word `percentage`: `in terms of percentage (35.1)`.
fn percentage_in_brackets(r: &Reader, first: usize, last: usize) -> bool {
    first >= 2 && r.symbol_is(first - 1, "(") && r.word_is(first - 2, "percentage") && r.symbol_is(last + 1, ")")
}

/// `percent of 10`, `per cent of twenty-two`: a percentage named before its number.
fn percent_of(r: &Reader, i: usize) -> Option<Found> {
    let of = match r.word(i)? {
        Word::Percent if !r.word_is(i, "percentage") => i + 1,
        Word::Per if r.word_is(i + 1, "cent") => i + 2,
        _ => return None,
    };
    if !r.word_is(of, "of") {
        return None;
    }
    let n = number(r, of + 1, false)?;
    if n.unit.is_some() || n.fraction || r.is_dash(n.last + 1) {
        return None;
    }
    let value = scaled(&n.value, n.power, 1, false)?;
    Some(Found {
        first: i,
        last: n.last,
        value,
        kind: Kind::Percent,
        unit: Some(Unit::Percent),
        power: n.power,
        fraction: false,
    })
}

/// `of a percentage point`, `a per cent`, `-point` after a fraction in
/// words: `a quarter of a percentage point` and `a quarter-point cut` are
/// 0.25 pp, `half a per cent` 0.5 %.
fn fraction_of_a_point(r: &Reader, k: usize) -> Option<(Unit, usize)> {
    if let Some(point) = point_after(r, k) {
        return Some((Unit::PercentagePoints, point)); // `a quarter-point cut`
    }
    let k = if r.word_is(k, "of") { k + 1 } else { k };
    // `a half of 1 percent`, `half of one per cent`
    if !(matches!(r.word(k), Some(Word::Article)) || r.word_is(k, "one") || r.plain_integer(k) == Some(1)) {
        return None;
    }
    if r.plain_integer(k) == Some(1) && r.symbol_is(k + 1, "%") && r.glued(k + 1) {
        return Some((Unit::Percent, k + 1));
    }
    // `a quarter of a point`: a rate moves by points, percentage points
    if r.word_in(k + 1, &["point"]) {
        return Some((Unit::PercentagePoints, k + 1));
    }
    // `percentage` alone is no unit: `half a percentage of` is not 0.5 %
    let (unit, end) = percent_after(r, k + 1)?;
    (unit != Unit::Percent || !r.word_is(end, "percentage")).then_some((unit, end))
}

/// Attaches a hedge in front of the mention and turns token indices into a byte span.
fn finish(r: &Reader, f: Found) -> Mention {
    let (hedge, first) = match hedge_before(r, &f) {
        Some((hedge, first)) => (Some(hedge), first),
        None => (None, f.first),
    };
    Mention {
        span: r.toks[first].start..r.toks[f.last].end,
        value: f.value,
        unit: f.unit,
        kind: f.kind,
        hedge,
        fraction: f.fraction,
    }
}

/// The hedge whose words end right before token `first`, and its first
/// token. `over`, `under`, `below` and `above` before a distance name a race
/// or a place, not a quantity (`gold over 5,000m`), and before a year a time
/// (`weak over 2009`); `over` after a number sets one against the other
/// (`5,210 votes over 4,870`).
fn hedge_before(r: &Reader, f: &Found) -> Option<(&'static str, usize)> {
    // `roughly a 35-mile drive`: an article may stand between a hedge and digits
    let article = f.first > 1 && r.is_digits(f.first) && r.word_in(f.first - 1, &["a", "an"]);
    let first = if article { f.first - 1 } else { f.first };
    if first == 0 || !r.is_word(first - 1) || !lexicon::may_end_hedge(r.raw(first - 1)) {
        return None;
    }
    let (hedge, start) = lexicon::HEDGES.iter().find_map(|(hedge, words)| {
        let start = first.checked_sub(words.len())?;
        let matches = words.iter().enumerate().all(|(n, w)| r.word_is(start + n, w));
        matches.then_some((*hedge, start))
    })?;
    // `over 2009` is during it: no year is more or less than another
    let place_race_or_time = matches!(hedge, "over" | "under" | "below" | "above")
        && ((f.kind == Kind::Count && distance_after(r, f.last)) || f.kind == Kind::Year);
    // `Friday's close to 1.25%`, `the close to`: a market's close, a noun
    let noun = hedge == "close to"
        && start > 0
        && (r.word_in(start - 1, &["the", "its", "their", "a"]) || possessive_ends_at(r, start - 1));
    // `has gone up to 15`, `rose up to`: a move to the number, not a bound on it
    // (and `, up to £1.90 from £1.80`: a move from one number to the other)
    let number_at = |k: usize| {
        r.is_digits(k) || (lexicon::currency_symbol(r.raw(k)).is_some() && r.glued(k + 1) && r.is_digits(k + 1))
    };
    let from_another = r.word_is(f.last + 1, "from") && number_at(f.last + 2);
    let moved = hedge == "up to" && ((start > 0 && r.word_in(start - 1, MOVED)) || from_another);
    // `5,210 votes over 4,870`: one number set against another, not a bound on it
    let against = hedge == "over"
        && start > 0
        && (r.is_digits(start - 1) || (start > 1 && r.is_word(start - 1) && r.is_digits(start - 2)));
    // `over a 10-year period` is during it
    let during = article && matches!(hedge, "over" | "under" | "below" | "above");
    // `a 2-under 69`: the word ends a compound (a score against par), and bounds nothing
    let compound = start >= 2 && r.glued(start) && r.is_dash(start - 1) && r.glued(start - 1);
    // `a victory over 40-1 chance Grey Fox`: whom a win was over
    let beaten = hedge == "over" && start > 0 && r.word_in(start - 1, BEATEN);
    (!place_race_or_time && !noun && !moved && !against && !during && !compound && !beaten).then_some((hedge, start))
}

/// Nouns of a win, after which `over` names who lost.
const BEATEN: &[&str] = &["victory", "victories", "triumph", "edge", "advantage", "revenge"];

/// Verbs after which `up to` says where a number went, not its bound.
const MOVED: &[&str] = &[
    "gone",
    "went",
    "go",
    "goes",
    "going",
    "risen",
    "rose",
    "rise",
    "rises",
    "climbed",
    "climbs",
    "jumped",
    "jumps",
    "moved",
    "moves",
    "shot",
    "revised",
    "raised",
    "increased",
    "pushed",
    "pushes",
    "come",
    "came",
    "ticked",
];

/// The tokens ending at `k` end a possessive: `Friday's`, `markets’`.
fn possessive_ends_at(r: &Reader, k: usize) -> bool {
    let apostrophe = |k: usize| r.symbol_is(k, "'") || r.symbol_is(k, "’");
    (r.word_is(k, "s") && r.glued(k) && k > 0 && apostrophe(k - 1) && r.glued(k - 1)) || (apostrophe(k) && r.glued(k))
}

/// Units of distance, written after a number: `5,000m`, `10 km`, `26 miles`.
const DISTANCES: &[&str] = &[
    "m",
    "km",
    "metre",
    "metres",
    "meter",
    "meters",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "mile",
    "miles",
    "yard",
    "yards",
    "ft",
    "feet",
    "mi",
];

/// A distance unit stands right after token `last`.
pub(super) fn distance_after(r: &Reader, last: usize) -> bool {
    r.word_in(last + 1, DISTANCES)
}
