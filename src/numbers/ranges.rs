//! What the numbers of a range or a list share, once every quantity of a
//! sentence is read: the unit and scale that only one of them states
//! (`£2-3bn`, `between $46 and $48 billion`, `£10 and 16 billion
//! respectively`), and the month and year of a range of days (`Dec. 4-10`,
//! `4-10 December`, `20 November to 17 December 2023`).
//!
//! Numbers that no dash, `to`, `between … and` or `respectively` joins
//! share nothing: a unit never spreads across a sentence.

use super::grammar::scaled;
use super::lexicon::Word;
use super::money::currency_after;
use super::reader::{Found, Reader};
use super::{Kind, Unit, Value};

/// Settles the ranges and lists among the quantities `found` of a sentence.
pub(super) fn settle(r: &Reader, found: &mut [Found]) {
    points_of_a_rate(r, found);
    share_in_lists(r, found);
    scale_glued_after_from(r, found);
    for k in 1..found.len() {
        let (before, after) = found.split_at_mut(k);
        let a = &mut before[k - 1];
        let b = &mut after[0];
        let Some(join) = join(r, a, b) else { continue };
        if days_of_a_month(r, a, b) {
            continue;
        }
        if !(quantity(a) && quantity(b)) {
            continue;
        }
        match join {
            Join::Dash => {
                complete_quote(r, a, b);
                share(r, a, b);
                share(r, b, a);
            }
            // English states a worded range's unit at its end (`3 to 4
            // million`, `between $46 and $48 billion`), so only a first end
            // without a scale takes it, and only a unit it lacks or already
            // has: in `from 11.2 per cent to 58.6 million` and `from 3
            // million to 4%` nothing is shared
            Join::Words if a.power.is_none() && (a.unit.is_none() || a.unit == b.unit) => {
                let mut shared = a.clone();
                share(r, &mut shared, b);
                if rises(&shared, b) || (a.first > 0 && r.word_in(a.first - 1, &["from", "between"])) {
                    *a = shared;
                }
            }
            Join::Words => {}
        }
    }
}

/// `from 652.3 million tonnes in 2006 to 639.4m in 2007`: a glued `m` or
/// `bn` after the number `to` leads to, which no currency claimed, is the
/// scale of the number `from` led to (alone, it may be metres: `the 400m`).
fn scale_glued_after_from(r: &Reader, found: &mut [Found]) {
    for k in 1..found.len() {
        let (before, after) = found.split_at_mut(k);
        let b = &mut after[0];
        let glued = b.last + 1;
        let power = match r.raw(glued) {
            "m" => 6,
            "bn" => 9,
            _ => continue,
        };
        let plain = b.power.is_none() && b.unit.is_none() && b.kind == Kind::Count;
        let alone = r.glued(glued) && !(r.glued(glued + 1) && r.is_word(glued + 1));
        if !(plain && alone && b.first > 0 && r.word_is(b.first - 1, "to")) {
            continue;
        }
        let from =
            before.iter().rev().find(|a| a.power == Some(power) && a.first > 0 && r.word_is(a.first - 1, "from"));
        let Some(from) = from else { continue };
        if let Some(value) = scaled(&b.value, Some(power), 1, false) {
            b.value = value;
            b.power = Some(power);
            b.last = glued;
            if b.unit.is_none() && from.unit.is_some() {
                b.unit = from.unit;
                b.kind = from.kind;
            }
        }
    }
}

/// A range runs up: `3 to 4 million`. A number that the other's scale would
/// make the larger is a move to a level, not the range's low end: `fell
/// 3,000 to 1.58 million`, `rose £300 to £2.5bn`. `from` and `between` say
/// it is an end whichever way it runs (`fell from 4 to 3 million`).
fn rises(low: &Found, high: &Found) -> bool {
    match (&low.value, &high.value) {
        (Value::Number(low), Value::Number(high)) => low <= high,
        _ => true,
    }
}

/// `lowered its rate by 0.5 point to 3 percent`: in a sentence of
/// percentages, a small move of `point`s is percentage points. Not an
/// index's points (`fell 45 points, or 0.6%`): those are many, or followed
/// by `, or` and their percentage; nor points held (`has 3 points`).
fn points_of_a_rate(r: &Reader, found: &mut [Found]) {
    if !found.iter().any(|f| f.unit == Some(Unit::Percent)) {
        return;
    }
    for f in found.iter_mut() {
        let point = f.last + 1;
        let small =
            matches!(f.value, Value::Number(n) if n > rust_decimal::Decimal::ZERO && n < rust_decimal::Decimal::TEN);
        let of_an_index = r.symbol_is(point + 1, ",") && r.word_is(point + 2, "or");
        let moved = f.first > 0 && r.word_in(f.first - 1, MOVED_BY);
        if f.kind == Kind::Count
            && moved
            && f.unit.is_none()
            && f.power.is_none()
            && small
            && r.word_in(point, &["point", "points"])
            && !r.glued(point)
            && !of_an_index
        {
            f.unit = Some(Unit::PercentagePoints);
            f.kind = Kind::Percent;
            f.last = point;
        }
    }
}

/// Words before a number that say a rate moved by it: `cut by 0.5 point`, `fell 0.3 points`.
const MOVED_BY: &[&str] = &[
    "by",
    "rose",
    "fell",
    "up",
    "down",
    "climbed",
    "dropped",
    "slipped",
    "jumped",
    "eased",
    "edged",
    "declined",
    "increased",
    "decreased",
    "cut",
    "raised",
    "lowered",
    "gained",
    "shed",
];

fn quantity(f: &Found) -> bool {
    matches!(f.kind, Kind::Count | Kind::Percent | Kind::Money)
}

enum Join {
    /// `5-10%`, `£2-3bn`, `Dec. 4-10`
    Dash,
    /// `3 to 4 million`, `between 40 and 45%`
    Words,
}

/// How `a` and `b` are joined into a range, if they are.
fn join(r: &Reader, a: &Found, b: &Found) -> Option<Join> {
    if b.first != a.last + 2 {
        return None;
    }
    let between = a.last + 1;
    // `4,172 - 5.1% - were without a ticket`: between two spaced dashes, an aside
    let aside = !r.glued(between) && r.is_dash(b.last + 1) && !r.glued(b.last + 1);
    if r.is_dash(between) && !aside {
        Some(Join::Dash)
    } else if r.is_dash(between) {
        None
    } else if r.word_is(between, "to")
        || (r.word_is(between, "and") && a.first > 0 && r.word_is(a.first - 1, "between"))
        // `a range of 71.34 and 72.68 cents`
        || (r.word_is(between, "and") && a.first > 1 && r.word_is(a.first - 1, "of") && r.word_is(a.first - 2, "range"))
    {
        Some(Join::Words)
    } else {
        None
    }
}

/// `¥105.20-25`, `$1.2210-2215`: a price quoted as a pair, its second
/// half giving only the decimals that change (105.25, 1.2215). Read so only
/// when the first is a sum with two decimals or more, the second has as many
/// digits and nothing else, and the pair rises: `£1.25-10` stays a range.
fn complete_quote(r: &Reader, a: &Found, b: &mut Found) {
    let (first, second) = (r.raw(a.last), r.raw(b.first));
    let Some((whole, decimals)) = first.split_once('.') else { return };
    let pair = a.kind == Kind::Money
        && a.power.is_none()
        && b.first == b.last
        && b.unit.is_none()
        && r.glued(a.last + 1)
        && r.glued(b.first)
        && decimals.len() >= 2
        && decimals.bytes().all(|c| c.is_ascii_digit())
        && second.len() == decimals.len()
        && second.bytes().all(|c| c.is_ascii_digit());
    if !pair {
        return;
    }
    let (Value::Number(low), Ok(high)) = (&a.value, format!("{whole}.{second}").replace(',', "").parse()) else {
        return;
    };
    if high > *low {
        b.value = Value::Number(high);
    }
}

/// Gives `to` the unit and scale it lacks and `from` has; a sum in a minor
/// unit gives it too (`51 to 53 cents` is 0.51 to 0.53 dollars).
fn share(r: &Reader, to: &mut Found, from: &Found) {
    if to.unit.is_none()
        && to.power.is_none()
        && from.power.is_none()
        && let Some(divisor) = minor_unit(r, from)
    {
        match scaled(&to.value, None, divisor, false) {
            Some(v) => to.value = v,
            None => return,
        }
    }
    // `from four million to 7.2 million`: a number in words holds its scale already
    let worded_scale = (to.first..=to.last).any(|i| matches!(r.word(i), Some(Word::Scale { .. })));
    if to.power.is_none()
        && !worded_scale
        && let Some(p) = from.power
    {
        match scaled(&to.value, Some(p), 1, false) {
            Some(v) => {
                to.value = v;
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
}

/// `£10 and 16 billion respectively`, `5.50, 5.75 and 6.0 per cent,
/// respectively`: a list of quantities joined by commas and `and` before
/// `respectively` shares the one unit and the one scale its members state.
fn share_in_lists(r: &Reader, found: &mut [Found]) {
    let mut start = 0;
    while start < found.len() {
        let mut end = start;
        while end + 1 < found.len() && listed(r, &found[end], &found[end + 1]) {
            end += 1;
        }
        let after = found[end].last + 1;
        let respectively =
            r.word_is(after, "respectively") || (r.symbol_is(after, ",") && r.word_is(after + 1, "respectively"));
        if end > start && respectively {
            share_across(&mut found[start..=end]);
        }
        start = end + 1;
    }
}

/// How many of `f`'s minor unit make its currency's one, when it is a sum
/// in a minor unit: `53 cents`, `12-cent`, `30p`.
fn minor_unit(r: &Reader, f: &Found) -> Option<u32> {
    if !matches!(f.unit, Some(Unit::Currency(_))) {
        return None;
    }
    let pence = r.raw(f.last) == "p" && f.last > f.first && r.glued(f.last) && r.is_digits(f.last - 1);
    let minor = (f.first..=f.last).find_map(|k| currency_after(r, k).filter(|c| c.last == f.last && c.divisor > 1));
    minor.map(|c| c.divisor).or(pence.then_some(100))
}

/// `a` and `b` stand next to each other in a list: `a, b`, `a and b`, `a, and b`.
fn listed(r: &Reader, a: &Found, b: &Found) -> bool {
    if !(quantity(a) && quantity(b)) {
        return false;
    }
    let k = a.last + 1;
    match b.first.checked_sub(k) {
        Some(1) => r.symbol_is(k, ",") || r.word_is(k, "and"),
        Some(2) => r.symbol_is(k, ",") && r.word_is(k + 1, "and"),
        _ => false,
    }
}

/// Gives every member of a list the unit and the scale that its members
/// state, when they state only one of each (a list of a percentage and a
/// sum of money shares nothing).
fn share_across(list: &mut [Found]) {
    let mut units = list.iter().filter_map(|f| f.unit.map(|u| (u, f.kind))).peekable();
    let unit = match units.peek() {
        Some(_) => match the_one(units) {
            Some(unit) => Some(unit),
            None => return,
        },
        None => None,
    };
    let power = the_one(list.iter().filter_map(|f| f.power));
    for f in list.iter_mut() {
        if f.power.is_none()
            && let Some(p) = power
            && let Some(v) = scaled(&f.value, Some(p), 1, false)
        {
            f.value = v;
            f.power = Some(p);
        }
        if f.unit.is_none()
            && let Some((u, kind)) = unit
        {
            f.unit = Some(u);
            f.kind = kind;
        }
    }
}

/// The value that all of `values` are, when there is one.
fn the_one<T: PartialEq>(mut values: impl Iterator<Item = T>) -> Option<T> {
    let first = values.next()?;
    values.all(|v| v == first).then_some(first)
}

/// A range of days: `Dec. 4-10` and `4-10 December` (the bare day becomes a
/// date of the other's month), `20 November to 17 December 2023` (the first
/// date takes the year of the second). Whether `a` and `b` were one.
fn days_of_a_month(r: &Reader, a: &mut Found, b: &mut Found) -> bool {
    if let (Some(first), Some(second)) = (iso_day(a), iso_day(b)) {
        if first.year.is_none()
            && let Some(year) = second.year
        {
            let year = if (first.month, first.day) <= (second.month, second.day) { year } else { year - 1 };
            a.value = Value::Iso(format!("{year:04}-{:02}-{:02}", first.month, first.day));
        }
        return true;
    }
    if let Some(date) = iso_day(a)
        && let Some(day) = bare_day(r, b).filter(|d| *d > date.day && *d <= days_in(date.month))
    {
        *b = Found { value: date.with_day(day), kind: Kind::Date, ..b.clone() };
        return true;
    }
    // the day of `b` must come first in it: `10 December`, not `December 10`
    if let Some(date) = iso_day(b).filter(|_| r.is_digits(b.first))
        && let Some(day) = bare_day(r, a).filter(|d| *d < date.day)
    {
        *a = Found { value: date.with_day(day), kind: Kind::Date, ..a.clone() };
        return true;
    }
    false
}

/// A date with its day, read from its ISO value (`2023-12-17`, `--12-04`).
struct Day {
    year: Option<u32>,
    month: u32,
    day: u32,
}

impl Day {
    fn with_day(&self, day: u32) -> Value {
        Value::Iso(match self.year {
            Some(y) => format!("{y:04}-{:02}-{day:02}", self.month),
            None => format!("--{:02}-{day:02}", self.month),
        })
    }
}

fn iso_day(f: &Found) -> Option<Day> {
    let Value::Iso(iso) = &f.value else { return None };
    if f.kind != Kind::Date {
        return None;
    }
    let (year, rest) = match iso.strip_prefix("--") {
        Some(rest) => (None, rest),
        None => {
            let (y, rest) = iso.split_once('-')?;
            (Some(y.parse().ok()?), rest)
        }
    };
    let (month, day) = rest.split_once('-')?;
    Some(Day { year, month: month.parse().ok()?, day: day.parse().ok()? })
}

/// `f` is a bare count of one or two digits that could be a day.
fn bare_day(r: &Reader, f: &Found) -> Option<u32> {
    if f.kind != Kind::Count || f.first != f.last || r.raw(f.first).len() > 2 {
        return None;
    }
    let day = u32::try_from(r.plain_integer(f.first)?).ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn days_in(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
