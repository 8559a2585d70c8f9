//! Number mentions (SPEC §4): every quantity a sentence states, with its
//! exact value, unit, kind, hedge and byte span.
//!
//! The scanner reads one sentence at a time: `tokens` cuts it into words,
//! digit runs (of any script's digits) and symbols; `grammar` walks them,
//! ruling out names (`identifiers`), asking `calendar` for years, dates and
//! times, and reading quantities from digits (`digits`) or `words`, with
//! their scale, percentage or currency (`money`); `ranges` then settles what
//! the numbers of a range or list share. The word lists live in `lexicon`.
//! Values are decimals, never floats: `£127.5 billion` is exactly
//! 127500000000; a number too large for a decimal keeps its digits.
//!
//! Not mentions: digits inside names and identifiers (`G7`, `F-16`,
//! `Boeing 737`, `B.1.1.7`), ordinal words (`first`) and vague quantities
//! (`hundreds of`).

mod calendar;
mod digits;
mod durations;
mod grammar;
mod identifiers;
mod lexicon;
mod money;
mod ranges;
mod reader;
mod tokens;
mod words;

use std::fmt;
use std::ops::Range;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

/// What sort of quantity a mention states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Count,
    Percent,
    Money,
    Year,
    Date,
    Time,
    Ordinal,
}

/// The unit a mention carries: a percentage, percentage points, basis points or a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Percent,
    PercentagePoints,
    /// Hundredths of a percentage point: `25bp`, `25 basis points`.
    BasisPoints,
    /// An ISO 4217 code (or a crypto currency's ticker, such as `BTC`).
    Currency(&'static str),
}

impl Unit {
    pub fn as_str(&self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::PercentagePoints => "pp",
            Unit::BasisPoints => "bp",
            Unit::Currency(code) => code,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A mention's value: an exact decimal, the digits of a number too large or
/// too fine for one, or an ISO 8601 string for dates and times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Number(Decimal),
    /// A number no decimal holds exactly (more than 28 significant digits,
    /// or more than 28 decimals), as its ASCII digits without group
    /// separators: `10000000000000000000000000000000`. It states only the
    /// same digits.
    Digits(String),
    Iso(String),
}

impl Value {
    /// The value as a decimal; `None` for dates, times and [`Value::Digits`].
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Number(d) => Some(*d),
            Value::Digits(_) | Value::Iso(_) => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(d) => write!(f, "{d}"),
            Value::Digits(s) | Value::Iso(s) => f.write_str(s),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // an exact JSON number: 2.3 stays 2.3
            Value::Number(d) => rust_decimal::serde::arbitrary_precision::serialize(d, serializer),
            // digits are written as a JSON number reads them, so they parse as one
            Value::Digits(digits) => match digits.parse::<serde_json::Number>() {
                Ok(number) => number.serialize(serializer),
                Err(_) => serializer.serialize_str(digits),
            },
            Value::Iso(s) => serializer.serialize_str(s),
        }
    }
}

/// One quantity stated in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte span in the scanned text, hedge and currency included.
    pub span: Range<usize>,
    pub value: Value,
    pub unit: Option<Unit>,
    pub kind: Kind,
    /// The hedge in front, in lower case: `upwards of`, `about` …
    pub hedge: Option<&'static str>,
    /// A fraction in words (`two-thirds`), its value rounded to 6 places.
    pub fraction: bool,
}

/// Every number mention of `text`, in order; spans are byte offsets into `text`.
///
/// Scan one sentence at a time: a mention never spans two sentences, and the
/// grammar reads a sentence's start as a sentence start.
pub fn scan(text: &str) -> Vec<Mention> {
    let mut tokens = Vec::new();
    scan_with(text, &mut tokens)
}

/// [`scan`] with a token buffer the caller keeps, to spare an allocation per sentence.
pub fn scan_with(text: &str, tokens: &mut Vec<tokens::Token>) -> Vec<Mention> {
    tokens::tokenize(text, tokens);
    grammar::mentions(text, tokens)
}

pub use calendar::{canonical_time, time_shown};
pub use lexicon::{MONTH_NAMES, is_bound};
pub use tokens::Token;

/// The currency a fact sheet's `unit:` names, as mentions carry it: an ISO
/// code this scanner reads (`GBP`, `usd`), a symbol (`£`, `₹`), or `kr`.
pub fn currency_of_unit(unit: &str) -> Option<&'static str> {
    lexicon::currency_code(unit)
        .or_else(|| lexicon::currency_symbol(unit))
        .or_else(|| lexicon::currency_abbreviation(unit).filter(|code| *code == "KR"))
        .or_else(|| matches!(unit, "SAT" | "sats").then_some("SAT"))
}

/// `stated` (a mention of a sentence) states `published` (a mention on a
/// page): the same value in the same unit class, exactly. A rounding is no
/// statement: `£0.10` does not state `10.3p`. A date without a year states
/// only a date without a year, but a date with one also states the same day
/// without it (`April 1` says less than `1 April 2025`). A number too large
/// for a decimal states only the same digits. Hedges do not count.
pub fn states(stated: &Mention, published: &Mention) -> bool {
    match (&stated.value, &published.value) {
        // a time of one form or another: `01:26` on a page is the `1:26` of `a minute and 26 seconds`
        (Value::Iso(said), Value::Iso(shown)) if stated.kind == Kind::Time && published.kind == Kind::Time => {
            said == shown || time_shown(said).is_some_and(|said| time_shown(shown) == Some(said))
        }
        (Value::Iso(said), Value::Iso(shown)) => {
            stated.kind == published.kind
                && (said == shown || (shown.starts_with("--") && said.len() == 10 && said[4..] == shown[1..]))
        }
        (Value::Digits(digits), Value::Digits(shown)) => stated.unit == published.unit && digits == shown,
        (Value::Number(exact), Value::Number(shown)) => {
            stated.unit == published.unit
                && (stated.kind == Kind::Year) == (published.kind == Kind::Year)
                && exact == shown
        }
        _ => false,
    }
}

/// `rounded` is `exact` rounded at `rounded`'s precision: its decimal places,
/// or for a whole number the place of its last non-zero digit (`128000000000`
/// rounds `127500000000`, `2.3` rounds `2.34`). The scanner's values are
/// normalised, so `2.30` on a page has one place.
pub fn is_rounding_of(rounded: Decimal, exact: Decimal) -> bool {
    let strategy = RoundingStrategy::MidpointAwayFromZero;
    if !rounded.fract().is_zero() {
        return exact.round_dp_with_strategy(rounded.normalize().scale(), strategy) == rounded;
    }
    let step = whole_number_step(rounded);
    (exact / step).round_dp_with_strategy(0, strategy).checked_mul(step).is_some_and(|r| r == rounded)
}

/// The place value of the last non-zero digit of a whole number (1 for 0).
fn whole_number_step(whole: Decimal) -> Decimal {
    let mut step = Decimal::ONE;
    let mut rest = whole.abs().trunc();
    while !rest.is_zero() && (rest % Decimal::TEN).is_zero() {
        rest /= Decimal::TEN;
        step *= Decimal::TEN;
    }
    step
}

/// The mentions of every sentence of `seed`, spans as byte offsets into its
/// file. A loaded seed has them already ([`crate::source::Seed::mentions`]).
pub fn scan_seed(seed: &crate::source::Seed) -> Vec<Vec<Mention>> {
    scan_sentences(&seed.text, &seed.sentences)
}

/// The mentions of each of `sentences` of `text`, spans as byte offsets into `text`.
pub fn scan_sentences(text: &str, sentences: &[crate::source::Sentence]) -> Vec<Vec<Mention>> {
    let mut tokens = Vec::new();
    let mut mentions: Vec<Vec<Mention>> = sentences
        .iter()
        .map(|s| {
            let mut found = scan_with(s.raw(text), &mut tokens);
            for m in &mut found {
                m.span = m.span.start + s.span.start..m.span.end + s.span.start;
            }
            found
        })
        .collect();
    euro_cents(text, &mut mentions);
    crowns(text, &mut mentions);
    mentions
}

/// A bare crown — `kroner`, `krone` or `kr`, which a sentence alone reads
/// as the Norwegian krone or as no country's — in a text that names the
/// crown of one country only is that country's: `181.2 billion kroner`
/// after `2.3 billion Danish kroner` is in Danish kroner.
fn crowns(text: &str, mentions: &mut [Vec<Mention>]) {
    let bare_crown = |m: &Mention| {
        matches!(m.unit, Some(Unit::Currency("NOK" | "KR"))) && {
            let written = text[m.span.clone()].to_lowercase();
            let written = written.trim_end_matches('.');
            ["kroner", "krone", "kr"].iter().any(|w| written.ends_with(w)) && !written.contains("norw")
        }
    };
    // most texts have no crowns at all
    if !mentions.iter().flatten().any(bare_crown) {
        return;
    }
    let named = |words: &[&str]| text.split(|c: char| !c.is_alphanumeric()).any(|w| words.contains(&w));
    let mut countries = money::CROWN_COUNTRIES.iter().filter(|(_, words)| named(words)).map(|(code, _)| *code);
    let (Some(code), None) = (countries.next(), countries.next()) else { return };
    for m in mentions.iter_mut().flatten() {
        if bare_crown(m) {
            m.unit = Some(Unit::Currency(code));
        }
    }
}

/// `by 45 cent`, in a text whose sums are in euro and never in dollars, is
/// in euro cents: a sentence alone reads a bare `cent` as a US cent.
fn euro_cents(text: &str, mentions: &mut [Vec<Mention>]) {
    let bare_cent = |m: &Mention| {
        let written = text[m.span.clone()].to_lowercase();
        (written.ends_with("cent") || written.ends_with("cents"))
            && !written.contains(['$', '¢'])
            && !written.contains("us ")
            && !written.contains("per")
    };
    let usd = Some(Unit::Currency("USD"));
    // most texts have no sum in US cents: nothing to read again
    if !mentions.iter().flatten().any(|m| m.unit == usd && bare_cent(m)) {
        return;
    }
    let others = || mentions.iter().flatten().filter(|m| !(m.unit == usd && bare_cent(m)));
    if !others().any(|m| m.unit == Some(Unit::Currency("EUR"))) || others().any(|m| m.unit == usd) {
        return;
    }
    for m in mentions.iter_mut().flatten() {
        if m.unit == usd && bare_cent(m) {
            m.unit = Some(Unit::Currency("EUR"));
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;

#[cfg(test)]
mod rounding_tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn roundings() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let rows = [
            ("128", "127.5", true),
            ("127", "127.5", false),
            ("2.3", "2.34", true),
            ("2.3", "2.35", false),
            ("2.30", "2.3", true),
            ("0.67", "0.666667", true),
            ("67", "66.6667", true),
            ("128000000000", "127500000000", true),
            ("100000", "98500", true),
            ("100000", "150000", false),
            ("-3", "-2.5", true),
            ("0", "0.4", true),
            ("70000000000000000000000000000", "79228162514264337593543950335", false),
        ];
        for (rounded, exact, expected) in rows {
            assert_eq!(is_rounding_of(d(rounded), d(exact)), expected, "{rounded} rounding {exact}");
        }
    }

    #[test]
    fn states_by_class_and_value() {
        let one = |text: &str| scan(text).remove(0);
        let rows = [
            ("upwards of 100,000 troops", "100,000", true),
            ("£127.5bn", "£127.5 billion", true),
            ("£127.5bn", "£128bn", false),
            ("£127.5bn", "$127.5bn", false),
            ("10.3p", "£0.103", true),
            ("10.3p", "£0.10", false),
            ("2.3%", "2.3", false),
            ("two-thirds", "67%", false),
            ("June 13", "13 June", true),
            ("June 13", "June 14", false),
            ("on 1 April 2025", "April 1", true),
            ("on April 1", "1 April 2025", false),
            ("in 2017", "in 2017", true),
            ("in 2020", "2,020 people", false),
        ];
        for (stated, published, expected) in rows {
            assert_eq!(states(&one(stated), &one(published)), expected, "{stated:?} states {published:?}");
        }
        let huge = "100000000000000000000000000000";
        assert!(states(&one(&format!("some {huge} stars")), &one(huge)));
        assert!(!states(&one(&format!("£{huge}")), &one(huge)));
        assert!(!states(&one(huge), &one("100000000000000000000000000001")));
        assert!(!states(&one(huge), &one("79228162514264337593543950335")));
        assert!(states(&one("25bp"), &one("25 basis points")));
        assert!(!states(&one("25bp"), &one("25%")));
    }

    #[test]
    fn values_are_json_numbers() {
        let json = |v: Value| serde_json::to_string(&v).unwrap();
        assert_eq!(json(Value::Number(Decimal::new(23, 1))), "2.3");
        assert_eq!(
            json(Value::Digits("-100000000000000000000000000000.5".into())),
            "-100000000000000000000000000000.5"
        );
        assert_eq!(json(Value::Iso("2025-03-03".into())), "\"2025-03-03\"");
    }
}
