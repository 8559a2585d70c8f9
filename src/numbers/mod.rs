//! Number mentions (SPEC §4): every quantity a sentence states, with its
//! exact value, unit, kind, hedge and byte span.
//!
//! The scanner reads one sentence at a time: `tokens` cuts it into words,
//! digit runs and symbols; `grammar` walks them, ruling out names
//! (`identifiers`), asking `calendar` for years, dates and times, and
//! reading quantities from digits or `words`, with their scale, percentage
//! or currency (`money`); the word lists live in `lexicon`. Values are
//! decimals, never floats: `£127.5 billion` is exactly 127500000000.
//!
//! Not mentions: digits inside names and identifiers (`G7`, `F-16`,
//! `Boeing 737`), ordinal words (`first`) and vague quantities
//! (`hundreds of`).

mod calendar;
mod grammar;
mod identifiers;
mod lexicon;
mod money;
mod reader;
mod tokens;
mod words;

use std::fmt;
use std::ops::Range;

use rust_decimal::Decimal;
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

/// The unit a mention carries: a percentage, percentage points or a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Percent,
    PercentagePoints,
    /// An ISO 4217 code (or a crypto currency's ticker, such as `BTC`).
    Currency(&'static str),
}

impl Unit {
    pub fn as_str(&self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::PercentagePoints => "pp",
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

/// A mention's value: an exact decimal, or an ISO 8601 string for dates and times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Number(Decimal),
    Iso(String),
}

impl Value {
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Number(d) => Some(*d),
            Value::Iso(_) => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(d) => write!(f, "{d}"),
            Value::Iso(s) => f.write_str(s),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // an exact JSON number: 2.3 stays 2.3
            Value::Number(d) => rust_decimal::serde::arbitrary_precision::serialize(d, serializer),
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

pub use tokens::Token;

/// The mentions of every sentence of `seed`, spans as byte offsets into its file.
pub fn scan_seed(seed: &crate::source::Seed) -> Vec<Vec<Mention>> {
    let mut tokens = Vec::new();
    seed.sentences
        .iter()
        .map(|s| {
            let mut found = scan_with(s.raw(&seed.text), &mut tokens);
            for m in &mut found {
                m.span = m.span.start + s.span.start..m.span.end + s.span.start;
            }
            found
        })
        .collect()
}

#[cfg(test)]
mod tests;
