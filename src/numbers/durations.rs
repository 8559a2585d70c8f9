//! Durations of more than one unit — `a minute and 26 seconds`, `5 hours 56
//! minutes`, `2 hours, 5 minutes and 41 seconds`, `three days, seven hours
//! and 41 minutes` — read as one time, never
//! as a count of their last unit: `26 seconds` alone would state a gap of
//! 26 seconds that the text does not give. An amount of a unit and a half
//! (`an hour and a half`, `two years and a half`) is the amount and a half
//! of that unit, as `one and a half hours` is, never a half on its own.

use rust_decimal::Decimal;

use super::calendar::duration;
use super::reader::{Found, Reader};
use super::{Kind, Value};

/// The units of a duration, largest first, in every spelling.
const UNITS: [&[&str]; 4] = [
    &["day", "days"],
    &["hour", "hours", "hr", "hrs"],
    &["minute", "minutes", "min", "mins"],
    &["second", "seconds", "sec", "secs"],
];

/// How many of each unit make one of the unit before: a part after the
/// first is fewer than that (`3 days, 7 hours`, not `3 days, 30 hours`).
const IN_ONE_BEFORE: [u32; 4] = [0, 24, 60, 60];

/// Reads `a year and a half`, `an hour and a half`, `three miles and a
/// half` as one count of the amount and a half (1.5, 1.5, 3.5): the half
/// the grammar found alone is a half of the unit before it.
pub(super) fn and_a_half(r: &Reader, found: &mut Vec<Found>) {
    // `three-and-a-half years`: the words glued by hyphens to the count
    for f in found.iter_mut() {
        let Some(n) = whole_count(f) else { continue };
        let k = f.last;
        let glued_dash = |i: usize| r.is_dash(i) && r.glued(i) && r.glued(i + 1);
        let hyphened = glued_dash(k + 1)
            && r.word_is(k + 2, "and")
            && glued_dash(k + 3)
            && r.word_is(k + 4, "a")
            && glued_dash(k + 5)
            && r.word_is(k + 6, "half");
        if hyphened {
            f.value = Value::Number(n + Decimal::new(5, 1));
            f.last = k + 6;
        }
    }
    for half in 4..r.len() {
        // `… and a half`, after a unit's word, which is no number's
        let noun = half - 3;
        if !r.word_is(half, "half") || !r.word_is(half - 1, "a") || !r.word_is(half - 2, "and") {
            continue;
        }
        if !r.is_word(noun) || r.word(noun).is_some() {
            continue;
        }
        let amount_at = noun - 1;
        let counted = found.iter().position(|f| f.last == amount_at);
        let (first, amount) = match counted.map(|c| &found[c]) {
            Some(f) => match whole_count(f) {
                Some(n) => (f.first, n),
                None => continue,
            },
            None if r.word_in(amount_at, &["a", "an"]) => (amount_at, Decimal::ONE),
            None => continue,
        };
        found.retain(|f| f.last < first || f.first > half);
        let at = found.partition_point(|f| f.first < first);
        let value = Value::Number(amount + Decimal::new(5, 1));
        let count = Found { first, last: half, value, kind: Kind::Count, unit: None, power: None, fraction: false };
        found.insert(at, count);
    }
}

/// The value of a plain count of whole things, which a half may follow.
fn whole_count(f: &Found) -> Option<Decimal> {
    let plain = f.kind == Kind::Count && f.unit.is_none() && f.power.is_none() && !f.fraction;
    match f.value {
        Value::Number(n) if plain && !n.is_sign_negative() && n.fract().is_zero() => Some(n),
        _ => None,
    }
}

/// One part of a duration: its unit (a place in [`UNITS`]), its amount,
/// the token after its unit word, and the found quantity it was, if any.
struct Part {
    unit: usize,
    amount: Decimal,
    after: usize,
    found: Option<usize>,
}

/// Joins the parts of each duration among `found` into one time.
pub(super) fn join(r: &Reader, found: &mut Vec<Found>) {
    // most sentences hold no duration: every one has a count before a unit word
    if !found.iter().any(|f| unit_at(r, f.last + 1).is_some()) {
        return;
    }
    let mut joined: Vec<Found> = Vec::new();
    let mut taken: Vec<usize> = Vec::new();
    let mut k = 0;
    while k < r.len() {
        let Some(first) = part_at(r, k, found) else {
            k += 1;
            continue;
        };
        let mut parts = vec![first];
        loop {
            let last = &parts[parts.len() - 1];
            let mut next = last.after;
            if r.symbol_is(next, ",") {
                next += 1;
            }
            if r.word_is(next, "and") {
                next += 1;
            }
            match part_at(r, next, found) {
                Some(part) if part.unit > last.unit => parts.push(part),
                _ => break,
            }
        }
        let end = parts[parts.len() - 1].after;
        if parts.len() >= 2
            && let Some(time) = time_of(&parts)
        {
            taken.extend(parts.iter().filter_map(|p| p.found));
            joined.push(Found {
                first: k,
                last: end - 1,
                value: Value::Iso(time),
                kind: Kind::Time,
                unit: None,
                power: None,
                fraction: false,
            });
        }
        k = end.max(k + 1);
    }
    if joined.is_empty() {
        return;
    }
    let mut index = 0;
    found.retain(|_| {
        index += 1;
        !taken.contains(&(index - 1))
    });
    found.extend(joined);
    found.sort_by_key(|f| f.first);
}

/// The part of a duration at token `k`: a count the grammar found there, or
/// `a`/`an`, then the word of a unit (`26 seconds`, `a minute`).
fn part_at(r: &Reader, k: usize, found: &[Found]) -> Option<Part> {
    if r.word_in(k, &["a", "an"]) {
        let unit = unit_at(r, k + 1)?;
        // `a minute`, not `a minutes`
        return UNITS[unit].iter().any(|n| r.word_is(k + 1, n) && !n.ends_with('s')).then_some(Part {
            unit,
            amount: Decimal::ONE,
            after: k + 2,
            found: None,
        });
    }
    let at = found.iter().position(|f| f.first == k)?;
    let f = &found[at];
    let Value::Number(amount) = f.value else { return None };
    if f.kind != Kind::Count || f.unit.is_some() || f.power.is_some() || f.fraction || amount.is_sign_negative() {
        return None;
    }
    let unit = unit_at(r, f.last + 1)?;
    Some(Part { unit, amount, after: f.last + 2, found: Some(at) })
}

/// The unit (a place in [`UNITS`]) whose word token `k` is. Every one
/// starts with `d`, `h`, `m` or `s`: most words are told apart by that alone.
fn unit_at(r: &Reader, k: usize) -> Option<usize> {
    let first = r.raw(k).as_bytes().first().map(|b| b | 0x20);
    if !r.is_word(k) || !matches!(first, Some(b'd' | b'h' | b'm' | b's')) {
        return None;
    }
    UNITS.iter().position(|names| r.word_in(k, names))
}

/// The time the parts make, as an ISO 8601 duration: `PT1M26S`,
/// `PT5H56M`, `PT2H5M41S`, and days in hours (`3 days, 7 hours, 41 minutes`
/// is `PT79H41M`, as a race's time of 79:41:00 is). Only the last part may
/// have decimals, and a part after the first is less than one of the unit before.
fn time_of(parts: &[Part]) -> Option<String> {
    let mut amounts = [None; 4];
    for (n, part) in parts.iter().enumerate() {
        let last = n == parts.len() - 1;
        if (!last && !part.amount.fract().is_zero())
            || (n > 0 && part.amount >= Decimal::from(IN_ONE_BEFORE[part.unit]))
        {
            return None;
        }
        amounts[part.unit] = Some(part.amount.normalize());
    }
    let whole = |d: Option<Decimal>| d.map_or(0, |d| d.trunc().try_into().unwrap_or(u64::MAX));
    let hours = match (amounts[0], amounts[1]) {
        (None, hours) => hours.map(|h| whole(Some(h))),
        (Some(days), hours) => whole(Some(days)).checked_mul(24)?.checked_add(whole(hours)),
    };
    let seconds = amounts[3].unwrap_or_default();
    let (whole_seconds, decimals) = (whole(Some(seconds)), seconds.fract().normalize().to_string());
    let decimals = decimals.strip_prefix('0').unwrap_or("");
    let time = match hours {
        Some(hours) => format!("{hours}:{:02}:{whole_seconds:02}{decimals}", whole(amounts[2])),
        None => format!("{}:{whole_seconds:02}{decimals}", whole(amounts[2])),
    };
    duration(&time)
}
