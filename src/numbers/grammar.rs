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
//! Hedges in front and the shared unit of a range (`£2-3bn`, `5-10%`) are
//! settled once every quantity of the sentence is known.

use rust_decimal::Decimal;

use super::calendar;
use super::identifiers::identifier_end;
use super::lexicon::{self, Word};
use super::money::{CurrencyAfter, currency_after, currency_prefix, minor_words, musd};
use super::reader::{Found, Number, Reader, glued_run_end};
use super::tokens::Token;
use super::words::{is_pronoun_one, words};
use super::{Kind, Mention, Unit, Value};

enum Step {
    Found(Found),
    Skip(usize),
}

/// The number mentions of one sentence's tokens.
pub(super) fn mentions(text: &str, toks: &[Token]) -> Vec<Mention> {
    let r = Reader::new(text, toks);
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < r.len() {
        match step(&r, i) {
            Step::Found(f) => {
                i = f.last + 1;
                found.push(f);
            }
            Step::Skip(next) => i = next.max(i + 1),
        }
    }
    settle_ranges(&r, &mut found);
    found.into_iter().map(|f| finish(&r, f)).collect()
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

/// A quantity starting at token `i`: `[sign] [currency] number [scale] [unit]`.
fn quantity(r: &Reader, i: usize) -> Option<Found> {
    let mut j = i;
    let sign = sign(r, &mut j);
    let prefix = currency_prefix(r, &mut j);
    let n = number(r, j, prefix.is_some())?;
    if n.words && n.value == Decimal::ONE && n.last == j && prefix.is_none() && is_pronoun_one(r, j) {
        return None;
    }
    let mut last = n.last;
    let mut power = n.power;
    let mut unit = n.unit.or(prefix.map(Unit::Currency));
    let mut divisor = n.divisor;

    if power.is_none()
        && !n.fraction
        && !n.ordinal
        && let Some((p, end)) = scale_word(r, last + 1, unit.is_some())
    {
        power = Some(p);
        last = end;
    }
    if unit.is_none() && !n.ordinal {
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

    let mut value = scaled(n.value, power, divisor, n.fraction)?;
    if n.words
        && divisor == 1
        && let Some(Unit::Currency(code)) = unit
        && let Some((cents, end)) = minor_words(r, last + 1, code)
    {
        value = value.checked_add(cents)?;
        last = end;
    }
    if sign != Sign::None {
        value = -value;
    }
    let kind = match unit {
        Some(Unit::Percent | Unit::PercentagePoints) => Kind::Percent,
        Some(Unit::Currency(_)) => Kind::Money,
        None if n.ordinal => Kind::Ordinal,
        None => Kind::Count,
    };
    Some(Found { first: i, last, value: Value::Number(value.normalize()), kind, unit, power, fraction: n.fraction })
}

/// `value × 10^power ÷ divisor`, exact; fractions rounded to 6 places.
fn scaled(value: Decimal, power: Option<u32>, divisor: u32, fraction: bool) -> Option<Decimal> {
    let mut v = value;
    if let Some(p) = power {
        v = v.checked_mul(Decimal::from_i128_with_scale(10i128.pow(p), 0))?;
    }
    if divisor != 1 {
        v = v.checked_div(Decimal::from(divisor))?;
    }
    Some(if fraction { v.round_dp(6) } else { v })
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
    if matches!(r.word(i), Some(Word::Negative)) && (r.is_digits(i + 1) || r.word(i + 1).is_some()) {
        *j += 1;
        return Sign::Negative;
    }
    if !(r.is_dash(i) || r.symbol_is(i, "−")) || !r.is_digits(i + 1) {
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

/// Digits and whatever is glued to them: `10k`, `2.3pc`, `5p`, `115USD`, `21st`.
fn digits(r: &Reader, j: usize, has_currency: bool) -> Option<Number> {
    let mut n = Number::new(r.digits_value(j)?, j);
    let next = j + 1;
    if !r.glued(next) {
        if matches!(r.word(next), Some(Word::Dozen { .. })) {
            n.value = n.value.checked_mul(Decimal::from(12))?;
            n.last = next;
        }
        return Some(n);
    }
    if r.symbol_is(next, "%") {
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
        if !metre_or_million_is_million(r, next, has_currency) {
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

/// Words after which a lower-case `m` is a metre: `1.8m tall`, `1m is`.
const METRE_CONTEXT: &[&str] = &[
    "tall", "long", "high", "wide", "deep", "thick", "away", "above", "below", "under", "over", "is", "are", "was",
    "were", "in", "of", "from", "and", "or", "to", "by", "x", "at", "per", "square", "cubic", "the", "a", "an", "high",
];

/// `£1.2m` and `2m people` are millions; `1.8m tall` and `48m.` are metres.
fn metre_or_million_is_million(r: &Reader, m: usize, has_currency: bool) -> bool {
    if has_currency {
        return true;
    }
    let next = m + 1;
    if r.glued(next) || !r.is_word(next) {
        return false;
    }
    let w = r.raw(next);
    w.starts_with(|c: char| c.is_lowercase()) && !METRE_CONTEXT.contains(&w)
}

/// A scale word after a number: `million`, spaced `k`/`M`/`bn`, a `dozen`;
/// a spaced lower-case `m` only with a currency.
pub(super) fn scale_word(r: &Reader, k: usize, has_currency: bool) -> Option<(u32, usize)> {
    if !r.is_word(k) {
        return None;
    }
    match r.word(k) {
        Some(Word::Scale { power, plural: false }) => return Some((power, k)),
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
    (raw == "m" && has_currency).then_some((6, k))
}

/// `%`, `per cent`, `percent`, `percentage points`, `pp` after a number.
fn percent_after(r: &Reader, k: usize) -> Option<(Unit, usize)> {
    if r.symbol_is(k, "%") {
        return Some((Unit::Percent, k));
    }
    let k = if r.is_dash(k) && r.glued(k) && r.glued(k + 1) { k + 1 } else { k };
    let end = match r.word(k) {
        Some(Word::Percent) => k,
        Some(Word::Per) if r.word_is(k + 1, "cent") => k + 1,
        _ if r.word_is(k, "pp") => return Some((Unit::PercentagePoints, k)),
        _ => return None,
    };
    if r.word_in(end + 1, &["point", "points"]) {
        Some((Unit::PercentagePoints, end + 1))
    } else {
        Some((Unit::Percent, end))
    }
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
    let value = scaled(n.value, n.power, 1, false)?;
    Some(Found {
        first: i,
        last: n.last,
        value: Value::Number(value.normalize()),
        kind: Kind::Percent,
        unit: Some(Unit::Percent),
        power: n.power,
        fraction: false,
    })
}

/// `£2-3bn`, `5-10%`, `between 40 and 45%`, `3 to 4 million`: the ends of a
/// range share the unit and scale that only one of them states.
fn settle_ranges(r: &Reader, found: &mut [Found]) {
    for k in 1..found.len() {
        let (before, after) = found.split_at_mut(k);
        let a = &mut before[k - 1];
        let b = &mut after[0];
        match range_join(r, a, b) {
            Some(Join::Dash) => {
                share(a, b);
                share(b, a);
            }
            // English states a worded range's unit at its end (`3 to 4
            // million`), so only a bare first end takes it: in `from 11.2 per
            // cent to 58.6 million` and `by 9 percent to 116,000` nothing is shared
            Some(Join::Words) if a.unit.is_none() && a.power.is_none() => share(a, b),
            Some(Join::Words) | None => {}
        }
    }
}

enum Join {
    /// `5-10%`, `£2-3bn`
    Dash,
    /// `3 to 4 million`, `between 40 and 45%`
    Words,
}

/// How the quantities `a` and `b` are joined into a range, if they are.
fn range_join(r: &Reader, a: &Found, b: &Found) -> Option<Join> {
    let quantities = |f: &Found| matches!(f.kind, Kind::Count | Kind::Percent | Kind::Money);
    if b.first != a.last + 2 || !quantities(a) || !quantities(b) {
        return None;
    }
    let between = a.last + 1;
    if r.is_dash(between) {
        Some(Join::Dash)
    } else if r.word_is(between, "to")
        || (r.word_is(between, "and") && a.first > 0 && r.word_is(a.first - 1, "between"))
    {
        Some(Join::Words)
    } else {
        None
    }
}

/// Gives `to` the unit and scale it lacks and `from` has.
fn share(to: &mut Found, from: &Found) {
    let Value::Number(mut value) = to.value else { return };
    if to.power.is_none()
        && let Some(p) = from.power
    {
        match scaled(value, Some(p), 1, false) {
            Some(v) => {
                value = v;
                to.power = Some(p);
            }
            None => return,
        }
    }
    if to.unit.is_none()
        && let Some(unit) = from.unit
    {
        to.unit = Some(unit);
        to.kind = from.kind;
    }
    to.value = Value::Number(value.normalize());
}

/// Attaches a hedge in front of the mention and turns token indices into a byte span.
fn finish(r: &Reader, f: Found) -> Mention {
    let (hedge, first) = match hedge_before(r, f.first) {
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

/// The hedge whose words end right before token `first`, and its first token.
fn hedge_before(r: &Reader, first: usize) -> Option<(&'static str, usize)> {
    if first == 0 || !r.is_word(first - 1) || !lexicon::may_end_hedge(r.raw(first - 1)) {
        return None;
    }
    lexicon::HEDGES.iter().find_map(|(hedge, words)| {
        let start = first.checked_sub(words.len())?;
        let matches = words.iter().enumerate().all(|(n, w)| r.word_is(start + n, w));
        matches.then_some((*hedge, start))
    })
}
