//! Fact sheets (docs/fact-sheet.md): the model of a briefing as its author wrote it,
//! every value with its byte span in the YAML so a diagnostic can point at it.
//!
//! Loading a sheet lives in `load` (the YAML as a `tree` of spanned nodes,
//! its shape checked by `schema`, its values by `load`); this module holds
//! the model and the small value types the rest of the pipeline reads.

mod events;
mod load;
mod schema;
mod tree;

pub use load::{closest, load_sheet, slug_of};

use std::ops::Range;
use std::path::PathBuf;

use rust_decimal::{Decimal, RoundingStrategy};

/// A value of a fact sheet with its byte span in the sheet's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// One fact sheet: a briefing about one seed.
#[derive(Debug, Clone)]
pub struct Briefing {
    /// The file stem: `content/<slug>.yaml`.
    pub slug: String,
    /// The sheet's path relative to the project root.
    pub file: PathBuf,
    pub title: Located<String>,
    /// `source:` as written.
    pub source: Located<String>,
    /// The seed's path relative to the project root, checked to stay inside it.
    pub seed: PathBuf,
    pub source_url: Option<Located<String>>,
    /// The outlet that published the source: `BBC News`.
    pub publisher: Option<Located<String>>,
    /// The source article's own headline.
    pub source_title: Option<Located<String>>,
    /// `YYYY-MM-DD`
    pub date: Option<Located<String>>,
    pub summary: Option<Summary>,
    pub actors: Vec<Actor>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
}

/// The Markdown summary: from `summary:` or from `content/<slug>.md`.
#[derive(Debug, Clone)]
pub struct Summary {
    pub markdown: String,
    pub file: PathBuf,
    /// Where the Markdown starts in `file`, to map its lines back.
    pub offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    #[default]
    Person,
    #[serde(alias = "organization")]
    Organisation,
    #[serde(alias = "state")]
    Country,
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub id: Located<String>,
    pub name: Located<String>,
    pub aliases: Vec<Located<String>>,
    pub role: Option<Located<String>>,
    pub kind: ActorKind,
}

impl Actor {
    /// The name and every alias: the words that mention the actor.
    pub fn names(&self) -> impl Iterator<Item = &Located<String>> {
        std::iter::once(&self.name).chain(&self.aliases)
    }
}

#[derive(Debug, Clone)]
pub struct Quote {
    /// The id given, or `#N` for the N-th quote of the sheet (located at its text).
    pub id: Located<String>,
    pub speaker: Located<String>,
    pub text: Located<String>,
}

/// A figure: one number fact of the sheet.
#[derive(Debug, Clone)]
pub struct Figure {
    pub id: Located<String>,
    pub label: Located<String>,
    /// The value exactly as written (`2.30` keeps its two places), or a date.
    pub value: Located<FigureValue>,
    pub unit: Option<Located<FactUnit>>,
    pub qualifier: Option<Located<String>>,
    pub approx: bool,
    pub evidence: Option<Located<String>>,
    pub sentence: Option<Located<usize>>,
    pub actor: Option<Located<String>>,
}

/// The value of a figure: a number, a calendar date or month, or a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureValue {
    Number(Decimal),
    /// `2025-04-01`, or a month: `2025-04`.
    Date(String),
    /// A time of day or a race's time, as [`crate::numbers::canonical_time`]
    /// writes it: `21:30`, `3:58.2`, `2:05:41`.
    Time(String),
}

impl FigureValue {
    pub fn number(&self) -> Option<Decimal> {
        match self {
            FigureValue::Number(d) => Some(*d),
            FigureValue::Date(_) | FigureValue::Time(_) => None,
        }
    }
}

impl Figure {
    pub fn unit(&self) -> Option<&FactUnit> {
        self.unit.as_ref().map(|u| &u.value)
    }

    /// `value` rounded to the precision the sheet wrote it with: its decimal
    /// places (`2.30` keeps two), or for a whole number its last non-zero digit
    /// (`130000000000` rounds to ten billions). This is how `approx: true` compares.
    pub fn rounds(&self, stated: Decimal) -> bool {
        let Some(fact) = self.value.value.number() else {
            return false;
        };
        if fact.scale() > 0 {
            return stated.round_dp_with_strategy(fact.scale(), RoundingStrategy::MidpointAwayFromZero) == fact;
        }
        crate::numbers::is_rounding_of(fact, stated)
    }
}

/// The unit of a figure, by the class a figure is matched on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactUnit {
    Percent,
    PercentagePoints,
    /// Basis points: `25bp`.
    BasisPoints,
    /// A calendar year: `2017` traces to a year the seed states.
    Year,
    /// An ISO 4217 code (`£`, `$`, `€` are read as GBP, USD, EUR).
    Currency(String),
    /// Any other unit, a noun: `troops`. It needs a plain number.
    Noun(String),
}

impl FactUnit {
    /// The unit a figure takes to publish a mention's value in its unit
    /// class: `None` for a plain number.
    pub fn of(unit: Option<crate::numbers::Unit>) -> Option<FactUnit> {
        use crate::numbers::Unit;
        match unit? {
            Unit::Percent => Some(FactUnit::Percent),
            Unit::PercentagePoints => Some(FactUnit::PercentagePoints),
            Unit::Currency(code) => Some(FactUnit::Currency(code.to_string())),
            Unit::BasisPoints => Some(FactUnit::BasisPoints),
        }
    }

    pub fn parse(unit: &str) -> FactUnit {
        let trimmed = unit.trim();
        match trimmed {
            "%" | "percent" | "per cent" => FactUnit::Percent,
            "pp" | "percentage points" | "percentage point" => FactUnit::PercentagePoints,
            "bp" | "bps" | "basis points" | "basis point" => FactUnit::BasisPoints,
            "year" => FactUnit::Year,
            unit => match crate::numbers::currency_of_unit(unit) {
                Some(code) => FactUnit::Currency(code.to_string()),
                None => FactUnit::Noun(unit.to_string()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn figure(value: &str) -> Figure {
        let at = |value: &str| Located { value: value.to_string(), span: 0..0 };
        Figure {
            id: at("x"),
            label: at("x"),
            value: Located { value: FigureValue::Number(Decimal::from_str(value).unwrap()), span: 0..0 },
            unit: None,
            qualifier: None,
            approx: true,
            evidence: None,
            sentence: None,
            actor: None,
        }
    }

    #[test]
    fn approx_rounds_at_the_facts_precision() {
        let rows = [
            ("128", "127.5", true),
            ("127", "127.5", false),
            ("2.3", "2.34", true),
            ("2.3", "2.35", false),
            ("2.30", "2.3", true),
            ("0.67", "0.666667", true),
            ("67", "66.6667", true),
            ("130000000000", "127500000000", true),
            ("100000", "98500", true),
            ("100000", "149999", true),
            ("100000", "150000", false),
            ("-3", "-2.5", true),
        ];
        for (fact, stated, expected) in rows {
            let got = figure(fact).rounds(Decimal::from_str(stated).unwrap());
            assert_eq!(got, expected, "fact {fact} rounding stated {stated}");
        }
    }

    #[test]
    fn units_by_class() {
        assert_eq!(FactUnit::parse("%"), FactUnit::Percent);
        assert_eq!(FactUnit::parse("pp"), FactUnit::PercentagePoints);
        assert_eq!(FactUnit::parse("£"), FactUnit::Currency("GBP".into()));
        assert_eq!(FactUnit::parse("USD"), FactUnit::Currency("USD".into()));
        assert_eq!(FactUnit::parse("troops"), FactUnit::Noun("troops".into()));
        assert_eq!(FactUnit::parse("₹"), FactUnit::Currency("INR".into()));
        assert_eq!(FactUnit::parse("kr"), FactUnit::Currency("KR".into()));
        assert_eq!(FactUnit::parse("bp"), FactUnit::BasisPoints);
        assert_eq!(FactUnit::parse("year"), FactUnit::Year);
        // three capitals are a currency only when they name one
        assert_eq!(FactUnit::parse("GDP"), FactUnit::Noun("GDP".into()));
    }
}
