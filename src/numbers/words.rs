//! Numbers in words: cardinals (`three hundred and twenty-one thousand`),
//! `a dozen`, fractions (`two-thirds`, `a quarter of`, `half`), and `one` the
//! pronoun, which is not a number (`the one you mentioned`).

use rust_decimal::Decimal;

use super::Value;
use super::lexicon::Word;
use super::reader::{Number, Reader};

/// Number words at `j`: cardinals, `a dozen`, fractions, `half`.
pub(super) fn words(r: &Reader, j: usize) -> Option<Number> {
    match r.word(j)? {
        Word::Article => article(r, j),
        // `the quarter-point rise`
        Word::Fraction { denominator: 2 | 4, plural: false }
            if point_after(r, j + 1).is_some_and(|point| r.word_in(point + 1, POINT_MOVES)) =>
        {
            fraction(r, j, 1)
        }
        Word::Fraction { denominator: 2, plural: false } => half(r, j),
        Word::Small(_) | Word::Tens(_) | Word::Hundred => spelled(r, j),
        _ => None,
    }
}

fn word_number(value: Decimal, last: usize) -> Number {
    Number { words: true, ..Number::new(Value::Number(value), last) }
}

/// A cardinal in words, with what may follow it: a fraction (`two-thirds`),
/// `and a half`, or `dozen`.
fn spelled(r: &Reader, j: usize) -> Option<Number> {
    let c = cardinal(r, j, 0)?;
    if c.words == 1
        && (1..=20).contains(&c.value)
        && let Some(n) = fraction_after(r, c.last, c.value as u32)
    {
        return Some(n);
    }
    let value = Decimal::from_i128_with_scale(i128::try_from(c.value).ok()?, 0);
    if let Some(n) = dozen_after(r, &c) {
        return Some(n);
    }
    if let Some(end) = and_a_half(r, c.last + 1) {
        let mut n = word_number(value + Decimal::new(5, 1), end);
        if let Some(Word::Scale { power, plural: false }) = r.word(end + 1) {
            n.power = Some(power);
            n.last = end + 1;
        }
        return Some(n);
    }
    Some(word_number(value, c.last))
}

/// `and a half` starting at token `k`: the index of `half`.
fn and_a_half(r: &Reader, k: usize) -> Option<usize> {
    (matches!(r.word(k), Some(Word::And))
        && matches!(r.word(k + 1), Some(Word::Article))
        && matches!(r.word(k + 2), Some(Word::Fraction { denominator: 2, plural: false })))
    .then_some(k + 2)
}

/// `two dozen`, `three hundred and two dozens` (a dozen multiplies the last
/// group under a hundred, as Recognizers-Text reads it).
fn dozen_after(r: &Reader, c: &Cardinal) -> Option<Number> {
    if !matches!(r.word(c.last + 1), Some(Word::Dozen { .. })) {
        return None;
    }
    let tail = if !c.value.is_multiple_of(100) { c.value % 100 } else { c.value };
    let value = c.value - tail + tail * 12;
    Some(word_number(Decimal::from_i128_with_scale(i128::try_from(value).ok()?, 0), c.last + 1))
}

/// `a hundred`, `a million`, `a dozen`, `a quarter of`, `a half`.
fn article(r: &Reader, j: usize) -> Option<Number> {
    let k = j + 1;
    match r.word(k)? {
        Word::Hundred | Word::Scale { plural: false, .. } => {
            let c = cardinal(r, k, 1)?;
            Some(word_number(Decimal::from_i128_with_scale(i128::try_from(c.value).ok()?, 0), c.last))
        }
        Word::Dozen { plural: false } => Some(word_number(Decimal::from(12), k)),
        Word::Fraction { plural: false, .. } if fraction_context(r, k + 1) => fraction(r, k, 1),
        Word::Fraction { plural: false, .. }
            if j.checked_sub(1).is_some_and(|by| r.word_is(by, "by")) && r.word_in(k + 1, AFTER_A_CHANGE) =>
        {
            fraction(r, k, 1)
        }
        // `a quarter-point cut`, `by a half point`
        Word::Fraction { denominator: 2 | 4, plural: false } if point_after(r, k + 1).is_some() => fraction(r, k, 1),
        _ => None,
    }
}

/// `point` or `-point` at `k`, as in a `quarter-point` move of a rate: the
/// index of `point`.
pub(super) fn point_after(r: &Reader, k: usize) -> Option<usize> {
    let k = if r.is_dash(k) && r.glued(k) && r.glued(k + 1) { k + 1 } else { k };
    r.word_is(k, "point").then_some(k)
}

/// What a rate does by a `quarter point` or a `half point`, after them.
const POINT_MOVES: &[&str] = &[
    "rise",
    "rises",
    "cut",
    "cuts",
    "hike",
    "hikes",
    "increase",
    "increases",
    "reduction",
    "reductions",
    "move",
    "moves",
    "drop",
    "fall",
    "decrease",
    "tightening",
    "easing",
    "lift",
    "gain",
    "jump",
    "change",
];

/// After a singular fraction word (`a third`, `one quarter`), what makes it a
/// fraction rather than an ordinal (`a third term`): `of`, a scale, the end
/// of the clause or a comparison (`a third more parcels`).
fn fraction_context(r: &Reader, k: usize) -> bool {
    r.ends_clause(k)
        || r.word_is(k, "of")
        || matches!(r.word(k), Some(Word::Scale { plural: false, .. }))
        || r.word_in(k, COMPARISONS)
}

/// Words after a fraction that compare by it, and never what an ordinal ranks.
const COMPARISONS: &[&str] =
    &["more", "less", "fewer", "higher", "lower", "bigger", "smaller", "larger", "cheaper", "dearer", "than"];

/// After `by a third`, a word that starts another phrase (`leapt by a fifth
/// in the third quarter`): what a change was by is a fraction, where `a
/// quarter in which` alone may be a period.
const AFTER_A_CHANGE: &[&str] =
    &["in", "on", "at", "to", "from", "since", "over", "between", "against", "after", "compared"];

/// The quarters or halves at `k`, with their number word ending at `last`,
/// are periods of a year or a match: a word before says which ones (`the
/// past three quarters`, `for three straight quarters`) or words after say
/// what they do (`three quarters to go`, `in a row`, `running`).
fn counts_periods(r: &Reader, last: usize, k: usize) -> bool {
    // a numerator below four is one word: `three`
    let before = last.checked_sub(1).is_some_and(|i| r.word_in(i, PERIODS_BEFORE));
    let after = r.word_in(k + 1, &["running", "straight", "later", "ago", "left", "remaining"])
        || (r.word_is(k + 1, "to") && r.word_is(k + 2, "go"))
        || (r.word_is(k + 1, "in") && r.word_is(k + 2, "a") && r.word_is(k + 3, "row"));
    before || after
}

/// Words before a count of quarters or halves that make them periods.
const PERIODS_BEFORE: &[&str] = &[
    "past",
    "last",
    "next",
    "previous",
    "consecutive",
    "straight",
    "successive",
    "first",
    "final",
    "remaining",
    "coming",
    "recent",
];

/// `numerator`/the fraction word at `k`, times a scale that follows.
fn fraction(r: &Reader, k: usize, numerator: u32) -> Option<Number> {
    let Some(Word::Fraction { denominator, .. }) = r.word(k) else {
        return None;
    };
    let mut n = word_number(Decimal::from(numerator) / Decimal::from(denominator), k);
    n.fraction = true;
    if let Some(Word::Scale { power, plural: false }) = r.word(k + 1) {
        n.power = Some(power);
        n.last = k + 1;
    }
    Some(n)
}

/// `two-thirds`, `two thirds`, `one-fifth`, `three quarters` after a numerator word at `last`.
fn fraction_after(r: &Reader, last: usize, numerator: u32) -> Option<Number> {
    let hyphen = r.is_dash(last + 1) && r.glued(last + 1) && r.glued(last + 2);
    let k = if hyphen { last + 2 } else { last + 1 };
    let Some(Word::Fraction { plural, denominator }) = r.word(k) else {
        return None;
    };
    // `five quarters` of a year and the `two halves` of a match are periods:
    // quarters and halves make fractions below one only (`twenty fifths` is 4)
    // and so are the quarters of a year a text counts (`the past three quarters`,
    // `three quarters to go`, `three quarters in a row`)
    let fits = if numerator == 1 {
        !plural && (hyphen || fraction_context(r, k + 1))
    } else if matches!(denominator, 2 | 4) {
        plural && numerator < denominator && (hyphen || !counts_periods(r, last, k))
    } else {
        plural
    };
    if fits { fraction(r, k, numerator) } else { None }
}

/// Words before `half` that make it a part of something, not a quantity.
const HALF_OF_SOMETHING: &[&str] = &[
    "the", "first", "second", "latter", "former", "other", "this", "that", "its", "their", "his", "her", "our", "each",
    "every", "next", "last",
];

/// `half` alone: `half of`, `half the`, `half a dozen` (6), `half a million`.
fn half(r: &Reader, j: usize) -> Option<Number> {
    if j > 0 && r.word_in(j - 1, HALF_OF_SOMETHING) || r.is_dash(j + 1) && r.glued(j + 1) {
        return None;
    }
    let k = j + 1;
    if matches!(r.word(k), Some(Word::Article)) {
        match r.word(k + 1) {
            Some(Word::Dozen { plural: false }) => return Some(word_number(Decimal::from(6), k + 1)),
            Some(Word::Scale { power, plural: false }) => {
                let mut n = word_number(Decimal::new(5, 1), k + 1);
                n.power = Some(power);
                return Some(n);
            }
            _ => {}
        }
    }
    let fits = r.ends_clause(k)
        || r.word_in(k, &["of", "the", "a", "an", "its", "their", "his", "her", "our", "all", "those", "these"]);
    fits.then(|| Number { fraction: true, ..word_number(Decimal::new(5, 1), j) })
}

/// A cardinal in words, before what follows it.
pub(super) struct Cardinal {
    pub value: u128,
    pub last: usize,
    /// How many number words it took.
    pub words: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Start,
    Small,
    Tens,
    /// a unit after a ten: `twenty-one`
    Unit,
    Hundred,
    Scale,
    And,
}

/// Reads `three hundred and twenty-one thousand …` from token `j`; `start`
/// is the value already read (`a hundred` starts at 1).
pub(super) fn cardinal(r: &Reader, j: usize, start: u128) -> Option<Cardinal> {
    let mut total: u128 = 0;
    let mut current: u128 = start;
    let mut part = if start > 0 { Part::Small } else { Part::Start };
    let mut last_power = u32::MAX;
    let mut end = None;
    let mut words = 0;
    let mut k = j;
    loop {
        // `twenty-one` and `fifty - two`
        if part == Part::Tens && r.is_dash(k) && matches!(r.word(k + 1), Some(Word::Small(1..=9))) {
            k += 1;
        }
        let Some(w) = r.word(k) else { break };
        match w {
            Word::Small(n) => {
                let n = n as u128;
                let fits = match part {
                    Part::Start | Part::Hundred | Part::Scale | Part::And => true,
                    Part::Tens => (1..=9).contains(&n),
                    _ => false,
                };
                if !fits || (n == 0 && part != Part::Start) {
                    break;
                }
                current += n;
                part = if part == Part::Tens { Part::Unit } else { Part::Small };
                if n == 0 {
                    end = Some(k);
                    words += 1;
                    break; // zero stands alone
                }
            }
            Word::Tens(n) => {
                if !matches!(part, Part::Start | Part::Hundred | Part::Scale | Part::And) {
                    break;
                }
                current += n as u128;
                part = Part::Tens;
            }
            Word::Hundred => {
                if !matches!(part, Part::Start | Part::Small | Part::Tens | Part::Unit) || current >= 100 {
                    break;
                }
                current = current.max(1) * 100;
                part = Part::Hundred;
            }
            Word::Scale { power, plural: false } => {
                if matches!(part, Part::Start | Part::Scale | Part::And) || power >= last_power || current == 0 {
                    break;
                }
                total = total.checked_add(current.checked_mul(10u128.pow(power))?)?;
                current = 0;
                last_power = power;
                part = Part::Scale;
            }
            Word::And if matches!(part, Part::Hundred | Part::Scale) => {
                if !matches!(r.word(k + 1), Some(Word::Small(1..) | Word::Tens(_))) {
                    break;
                }
                part = Part::And;
                k += 1;
                continue;
            }
            _ => break,
        }
        end = Some(k);
        words += 1;
        k += 1;
    }
    Some(Cardinal { value: total + current, last: end?, words })
}

/// Words after which `one` is a pronoun: `the one you mentioned`, `which one do`.
const ONE_AS_PRONOUN_BEFORE: &[&str] =
    &["the", "this", "that", "which", "any", "each", "every", "no", "another", "whichever", "only"];

/// Words that, after `that one`, show it is a pronoun (`that one is`), not a count (`that one mile`).
const ONE_AS_PRONOUN_AFTER: &[&str] = &[
    "you", "i", "we", "they", "he", "she", "it", "is", "was", "are", "were", "do", "does", "did", "has", "have", "had",
    "can", "could", "will", "would", "should", "may", "might", "must", "that", "which", "who", "of", "in", "on", "at",
    "for", "with", "and", "or", "but", "to", "from", "by", "more", "less", "another", "else", "included", "excluded",
    "aside", "alone", "too", "here", "there", "now", "again", "apart", "instead",
];

/// Words after `one of` that make it one member of a group: `one of the
/// plaintiff's lawyers`, `one of them`.
const ONE_OF_THE: &[&str] = &["the", "his", "her", "its", "their", "our", "my", "your", "those", "these"];
const ONE_OF_THEM: &[&str] = &["them", "us", "you", "which", "whom"];

/// Words that `one-` makes an adjective of no quantity: `its one-time star`
/// (former), `a one-off payment` (single).
const ONE_AS_ADJECTIVE: &[&str] = &["time", "off"];

/// `one` used as a pronoun or an adjective rather than a count.
pub(super) fn is_pronoun_one(r: &Reader, j: usize) -> bool {
    if r.word_is(j + 1, "another") {
        return true;
    }
    // `one of the plaintiff's lawyers`, `one of them`: a member of a group
    // the text does not count (`one of the 12 victims` keeps its count)
    if r.word_is(j + 1, "of") {
        if r.word_in(j + 2, ONE_OF_THEM) {
            return true;
        }
        let counted = r.is_digits(j + 3) || r.word(j + 3).is_some();
        if r.word_in(j + 2, ONE_OF_THE) && r.is_word(j + 3) && !counted {
            return true;
        }
    }
    if r.is_dash(j + 1) && r.glued(j + 1) && r.glued(j + 2) && r.word_in(j + 2, ONE_AS_ADJECTIVE) {
        return true;
    }
    let after_determiner = j > 0 && r.word_in(j - 1, ONE_AS_PRONOUN_BEFORE);
    // an adverb after it: `that one easily`
    let adverb = r.is_word(j + 1)
        && r.raw(j + 1).len() > 4
        && r.raw(j + 1).ends_with("ly")
        && r.raw(j + 1).starts_with(char::is_lowercase);
    after_determiner && (r.ends_clause(j + 1) || r.word_in(j + 1, ONE_AS_PRONOUN_AFTER) || !r.is_word(j + 1) || adverb)
}
