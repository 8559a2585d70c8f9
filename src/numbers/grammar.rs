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
use super::lexicon::{self, Word};
use super::tokens::{Token, TokenKind};
use super::{Kind, Mention, Unit, Value};

/// A quantity read at a run of tokens, before its hedge and range are settled.
#[derive(Debug, Clone)]
pub(super) struct Found {
    /// First token of the mention (sign or currency included).
    pub first: usize,
    /// Last token, inclusive.
    pub last: usize,
    pub value: Value,
    pub kind: Kind,
    pub unit: Option<Unit>,
    /// The power of ten a scale word or suffix applied (`bn`: 9).
    pub power: Option<u32>,
}

/// Read access to the tokens of one sentence.
pub(super) struct Reader<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
}

impl<'a> Reader<'a> {
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn is_digits(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Digits)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    /// The lexicon's reading of word token `i`.
    pub fn word(&self, i: usize) -> Option<Word> {
        if self.is_word(i) {
            lexicon::word(self.raw(i))
        } else {
            None
        }
    }

    /// Token `i` is the word `w`, in any case.
    pub fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.raw(i).eq_ignore_ascii_case(w)
    }

    pub fn word_in(&self, i: usize, words: &[&str]) -> bool {
        self.is_word(i) && words.iter().any(|w| self.raw(i).eq_ignore_ascii_case(w))
    }

    pub fn symbol_is(&self, i: usize, s: &str) -> bool {
        self.kind(i) == Some(TokenKind::Symbol) && self.raw(i) == s
    }

    pub fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Symbol) && matches!(self.raw(i), "-" | "–" | "‐" | "‑")
    }

    /// Token `i` exists and touches the token before it.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.spaced)
    }

    /// Token `i` ends a clause: past the end, or punctuation other than a
    /// dash, quote or bracket that might still belong to the phrase.
    pub fn ends_clause(&self, i: usize) -> bool {
        i >= self.len()
            || (self.kind(i) == Some(TokenKind::Symbol)
                && matches!(self.raw(i), "." | "," | ";" | ":" | "!" | "?" | ")" | "…"))
    }

    /// Token `i` is a plain integer: digits only, no group separator or decimals.
    pub fn plain_integer(&self, i: usize) -> Option<u64> {
        let raw = self.raw(i);
        if self.is_digits(i) && raw.len() <= 18 && raw.bytes().all(|b| b.is_ascii_digit()) {
            raw.parse().ok()
        } else {
            None
        }
    }

    /// Token `i` is digits, but not a number we could read (too long).
    pub fn digits_value(&self, i: usize) -> Option<Decimal> {
        if !self.is_digits(i) {
            return None;
        }
        let raw = self.raw(i);
        let plain: String = raw.chars().filter(|c| *c != ',').collect();
        let plain = if plain.starts_with('.') {
            format!("0{plain}")
        } else {
            plain
        };
        plain.parse::<Decimal>().ok()
    }
}

enum Step {
    Found(Found),
    Skip(usize),
}

/// The number mentions of one sentence's tokens.
pub(super) fn mentions(text: &str, toks: &[Token]) -> Vec<Mention> {
    let r = Reader { text, toks };
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
    if r.is_digits(i) {
        Step::Skip(glued_run_end(r, i))
    } else {
        Step::Skip(i + 1)
    }
}

/// One past the last token glued to token `i`.
fn glued_run_end(r: &Reader, i: usize) -> usize {
    let mut end = i + 1;
    while r.glued(end) && !r.ends_clause(end) {
        end += 1;
    }
    end
}

// ---------------------------------------------------------------- identifiers

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

/// Word prefixes joined by a hyphen that leave the number a number: `mid-2022`.
const NUMBER_PREFIXES: &[&str] = &[
    "mid", "pre", "post", "early", "late", "over", "under", "top", "about", "some", "nearly", "around", "up",
];

/// Letter suffixes with capitals that are units, so `45GW` is still 45.
const UNIT_SYMBOLS: &[&str] = &[
    "GW", "MW", "kW", "KW", "TW", "GWh", "MWh", "kWh", "KWh", "TWh", "MB", "GB", "TB", "KB", "Mb", "Gb", "Mbps",
    "Gbps", "Hz", "MHz", "GHz", "C", "F", "Mt", "Gt", "mAh", "mL", "L",
];

/// When the digits at `i` are part of a name or identifier, one past the
/// last token of that identifier.
fn identifier_end(r: &Reader, i: usize) -> Option<usize> {
    let glued_before = r.glued(i) && i > 0;
    let is_identifier = (glued_before && r.is_word(i - 1) && !letters_may_prefix_number(r.raw(i - 1)))
        || (glued_before && r.symbol_is(i - 1, "#"))
        || (glued_before && i >= 2 && r.is_dash(i - 1) && r.glued(i - 1) && names_before_hyphen(r, i - 2))
        || (i >= 2 && r.symbol_is(i - 1, ".") && r.glued(i - 1) && matches!(r.raw(i - 2), "No" | "Nos" | "NO"))
        || named_number(r, i)
        || capital_suffix(r, i);
    is_identifier.then(|| glued_run_end(r, i))
}

/// Letters that may touch the digits after them: a currency code (`USD115`).
fn letters_may_prefix_number(letters: &str) -> bool {
    lexicon::currency_code(letters).is_some()
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
        || lexicon::currency_code(name).is_some()
    {
        return false;
    }
    // a unit after the number makes it a quantity after all: `UK 2.3%`
    let next = i + 1;
    !(r.symbol_is(next, "%") || r.word(next).is_some() || scale_word(r, next, false).is_some())
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
        && !matches!(suffix, "AM" | "PM" | "ST" | "ND" | "RD" | "TH")
}

/// `MUSD`: million US dollars, as a code with an `M` in front.
fn musd(word: &str) -> Option<&'static str> {
    word.strip_prefix('M')
        .filter(|rest| rest.len() == 3)
        .and_then(lexicon::currency_code)
}

// ---------------------------------------------------------------- quantities

/// A number before its scale and unit.
#[derive(Debug, Clone)]
pub(super) struct Number {
    pub value: Decimal,
    pub last: usize,
    /// Spelled in words (`twenty-one`), not digits.
    pub words: bool,
    /// Written as a fraction (`two-thirds`): rounded to 6 places.
    pub fraction: bool,
    /// Scale from a glued suffix or a word taken with the number.
    pub power: Option<u32>,
    /// Unit from a glued suffix: `2.3pc`, `115USD`, `5p`.
    pub unit: Option<Unit>,
    /// Divisor of a minor currency unit (`5p`: 100).
    pub divisor: u32,
    /// `21st`: an ordinal in digits.
    pub ordinal: bool,
}

impl Number {
    fn new(value: Decimal, last: usize) -> Self {
        Number {
            value,
            last,
            words: false,
            fraction: false,
            power: None,
            unit: None,
            divisor: 1,
            ordinal: false,
        }
    }
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
    Some(Found {
        first: i,
        last,
        value: Value::Number(value.normalize()),
        kind,
        unit,
        power,
    })
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
    if r.glued(i + 1) || i == 0 {
        Sign::Negative
    } else {
        Sign::NegativeIfDegrees
    }
}

fn is_number_word(w: Word) -> bool {
    matches!(w, Word::Small(_) | Word::Tens(_) | Word::Hundred | Word::Scale { .. })
}

/// A currency written before the number: `£`, `$`, `US$`, `c $`, `USD`, `rmb`, `dollar`.
fn currency_prefix(r: &Reader, j: &mut usize) -> Option<&'static str> {
    let i = *j;
    let (code, number_at) =
        if let Some(code) = lexicon::currency_symbol(r.raw(i)).filter(|_| r.kind(i) == Some(TokenKind::Symbol)) {
            (code, i + 1)
        } else if r.symbol_is(i + 1, "$") && r.is_word(i) {
            (lexicon::dollar_prefix(r.raw(i), !r.glued(i + 1))?, i + 2)
        } else if r.word_is(i, "u") && r.symbol_is(i + 1, ".") && r.word_is(i + 2, "s") {
            // `u.s $` and `u . s . $`
            let mut k = i + 3;
            if r.symbol_is(k, ".") {
                k += 1;
            }
            if !r.symbol_is(k, "$") {
                return None;
            }
            ("USD", k + 1)
        } else if r.is_word(i) {
            let code = lexicon::currency_code(r.raw(i)).or_else(|| match r.word(i) {
                Some(Word::Currency { code, divisor: 1 }) if r.is_digits(i + 1) => Some(code),
                _ => None,
            })?;
            (code, i + 1)
        } else {
            return None;
        };
    let number_follows = r.is_digits(number_at)
        || r.word(number_at)
            .is_some_and(|w| is_number_word(w) || w == Word::Article);
    if !number_follows {
        return None;
    }
    *j = number_at;
    Some(code)
}

/// A number at token `j`: digits with their glued suffix, or number words.
fn number(r: &Reader, j: usize, has_currency: bool) -> Option<Number> {
    if r.is_digits(j) {
        digits(r, j, has_currency)
    } else {
        words(r, j)
    }
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
fn scale_word(r: &Reader, k: usize, has_currency: bool) -> Option<(u32, usize)> {
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
    let k = if r.is_dash(k) && r.glued(k) && r.glued(k + 1) {
        k + 1
    } else {
        k
    };
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

/// A currency read after a number.
struct CurrencyAfter {
    code: &'static str,
    divisor: u32,
    power: Option<u32>,
    last: usize,
}

/// A currency after a number: `dollars`, `australian dollars`, `USD`, `$`,
/// `-cent`, `MUSD`; a code may carry a scale after it (`75 USD million`).
fn currency_after(r: &Reader, k: usize) -> Option<CurrencyAfter> {
    let plain = |code, last| CurrencyAfter {
        code,
        divisor: 1,
        power: None,
        last,
    };
    let number_glued_after = |i: usize| r.is_digits(i + 1) && r.glued(i + 1);
    if r.kind(k) == Some(TokenKind::Symbol) {
        if let Some(code) = lexicon::currency_symbol(r.raw(k)) {
            return (!number_glued_after(k)).then(|| plain(code, k));
        }
        // `one-yen`, `12-cent`
        if r.is_dash(k)
            && r.glued(k)
            && r.glued(k + 1)
            && let Some(Word::Currency { code, divisor }) = r.word(k + 1)
        {
            return Some(CurrencyAfter {
                code,
                divisor,
                power: None,
                last: k + 1,
            });
        }
        return None;
    }
    if !r.is_word(k) {
        return None;
    }
    if let Some(code) = lexicon::currency_code(r.raw(k)) {
        if number_glued_after(k) {
            return None; // `3 USD50`: the code belongs to the 50
        }
        let power = scale_word(r, k + 1, true);
        return Some(CurrencyAfter {
            code,
            divisor: 1,
            power: power.map(|p| p.0),
            last: power.map_or(k, |p| p.1),
        });
    }
    if let Some(code) = musd(r.raw(k)) {
        return Some(CurrencyAfter {
            code,
            divisor: 1,
            power: Some(6),
            last: k,
        });
    }
    if let Some(Word::Currency { code, divisor }) = r.word(k) {
        return Some(CurrencyAfter {
            code,
            divisor,
            power: None,
            last: k,
        });
    }
    // a country before the currency word: `australian dollars`, `hong kong dollars`
    for words in [1, 2] {
        let currency_at = k + words;
        if let Some(Word::Currency { code, divisor: 1 }) = r.word(currency_at) {
            let adjective = if words == 1 {
                r.raw(k).to_string()
            } else {
                format!("{} {}", r.raw(k), r.raw(k + 1))
            };
            let code = lexicon::currency_country(&adjective, code)?;
            return Some(CurrencyAfter {
                code,
                divisor: 1,
                power: None,
                last: currency_at,
            });
        }
    }
    None
}

/// The minor part of a sum in words: `thirteen dollars [and] forty-five [cents]`,
/// `one kuai and five mao five`. Returns the amount in major units.
fn minor_words(r: &Reader, k: usize, code: &'static str) -> Option<(Decimal, usize)> {
    let (per_major, minor_name) = match code {
        "USD" | "EUR" | "AUD" | "CAD" => (100, "cent"),
        "GBP" => (100, "pence"),
        "CNY" => (10, "mao"),
        _ => return None,
    };
    let k = if matches!(r.word(k), Some(Word::And)) { k + 1 } else { k };
    if !matches!(r.word(k), Some(Word::Small(_) | Word::Tens(_))) {
        return None;
    }
    let c = cardinal(r, k, 0)?;
    if c.value == 0 || c.value >= per_major {
        return None;
    }
    let mut amount = Decimal::from(c.value as u64) / Decimal::from(per_major as u64);
    let mut last = c.last;
    match r.word(last + 1) {
        Some(Word::Currency { code: minor, divisor }) if minor == code && divisor as u128 == per_major => last += 1,
        _ if r.word_in(last + 1, &[minor_name, "cents", "penny", "jiao"]) => last += 1,
        _ => {}
    }
    // `five mao five`: a last bare digit is the next unit down (fen)
    if code == "CNY"
        && matches!(r.word(last + 1), Some(Word::Small(1..=9)))
        && r.word_in(last, &["mao", "jiao"])
        && let Some(Word::Small(fen)) = r.word(last + 1)
    {
        amount += Decimal::from(fen) / Decimal::from(100);
        last += 1;
    }
    Some((amount, last))
}

// ---------------------------------------------------------------- number words

/// Number words at `j`: cardinals, `a dozen`, fractions, `half`.
fn words(r: &Reader, j: usize) -> Option<Number> {
    match r.word(j)? {
        Word::Article => article(r, j),
        Word::Fraction {
            denominator: 2,
            plural: false,
        } => half(r, j),
        Word::Small(_) | Word::Tens(_) | Word::Hundred => spelled(r, j),
        _ => None,
    }
}

fn word_number(value: Decimal, last: usize) -> Number {
    Number {
        words: true,
        ..Number::new(value, last)
    }
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
        && matches!(
            r.word(k + 2),
            Some(Word::Fraction {
                denominator: 2,
                plural: false
            })
        ))
    .then_some(k + 2)
}

/// `two dozen`, `three hundred and two dozens` (a dozen multiplies the last
/// group under a hundred, as Recognizers-Text reads it).
fn dozen_after(r: &Reader, c: &Cardinal) -> Option<Number> {
    if !matches!(r.word(c.last + 1), Some(Word::Dozen { .. })) {
        return None;
    }
    let tail = if !c.value.is_multiple_of(100) {
        c.value % 100
    } else {
        c.value
    };
    let value = c.value - tail + tail * 12;
    Some(word_number(
        Decimal::from_i128_with_scale(i128::try_from(value).ok()?, 0),
        c.last + 1,
    ))
}

/// `a hundred`, `a million`, `a dozen`, `a quarter of`, `a half`.
fn article(r: &Reader, j: usize) -> Option<Number> {
    let k = j + 1;
    match r.word(k)? {
        Word::Hundred | Word::Scale { plural: false, .. } => {
            let c = cardinal(r, k, 1)?;
            Some(word_number(
                Decimal::from_i128_with_scale(i128::try_from(c.value).ok()?, 0),
                c.last,
            ))
        }
        Word::Dozen { plural: false } => Some(word_number(Decimal::from(12), k)),
        Word::Fraction { plural: false, .. } if fraction_context(r, k + 1) => fraction(r, k, 1),
        _ => None,
    }
}

/// After a singular fraction word (`a third`, `one quarter`), what makes it a
/// fraction rather than an ordinal (`a third term`): `of`, a scale, or the
/// end of the clause.
fn fraction_context(r: &Reader, k: usize) -> bool {
    r.ends_clause(k) || r.word_is(k, "of") || matches!(r.word(k), Some(Word::Scale { plural: false, .. }))
}

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
    let Some(Word::Fraction { plural, .. }) = r.word(k) else {
        return None;
    };
    let fits = if numerator == 1 {
        !plural && (hyphen || fraction_context(r, k + 1))
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
        || r.word_in(
            k,
            &[
                "of", "the", "a", "an", "its", "their", "his", "her", "our", "all", "those", "these",
            ],
        );
    fits.then(|| word_number(Decimal::new(5, 1), j))
}

/// A cardinal in words, before what follows it.
struct Cardinal {
    value: u128,
    last: usize,
    /// How many number words it took.
    words: usize,
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
fn cardinal(r: &Reader, j: usize, start: u128) -> Option<Cardinal> {
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
    Some(Cardinal {
        value: total + current,
        last: end?,
        words,
    })
}

/// Words after which `one` is a pronoun: `the one you mentioned`, `which one do`.
const ONE_AS_PRONOUN_BEFORE: &[&str] = &[
    "the",
    "this",
    "that",
    "which",
    "any",
    "each",
    "every",
    "no",
    "another",
    "whichever",
    "only",
];

/// Words that, after `that one`, show it is a pronoun (`that one is`), not a count (`that one mile`).
const ONE_AS_PRONOUN_AFTER: &[&str] = &[
    "you", "i", "we", "they", "he", "she", "it", "is", "was", "are", "were", "do", "does", "did", "has", "have", "had",
    "can", "could", "will", "would", "should", "may", "might", "must", "that", "which", "who", "of", "in", "on", "at",
    "for", "with", "and", "or", "but", "to", "from", "by", "more", "less", "another", "else",
];

/// `one` used as a pronoun rather than a count.
fn is_pronoun_one(r: &Reader, j: usize) -> bool {
    if r.word_is(j + 1, "another") {
        return true;
    }
    let after_determiner = j > 0 && r.word_in(j - 1, ONE_AS_PRONOUN_BEFORE);
    after_determiner && (r.ends_clause(j + 1) || r.word_in(j + 1, ONE_AS_PRONOUN_AFTER) || !r.is_word(j + 1))
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
    })
}

// ---------------------------------------------------------------- ranges and hedges

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
            Some(Join::Words) => {
                // `from 11.2 per cent to 58.6 million`: only a bare number takes
                // the other end's unit and scale
                let bare = |f: &Found| f.unit.is_none() && f.power.is_none();
                if bare(a) {
                    share(a, b);
                } else if bare(b) {
                    share(b, a);
                }
            }
            None => {}
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
    }
}

/// The hedge whose words end right before token `first`, and its first token.
fn hedge_before(r: &Reader, first: usize) -> Option<(&'static str, usize)> {
    lexicon::HEDGES.iter().find_map(|hedge| {
        let words = hedge.split(' ').count();
        let start = first.checked_sub(words)?;
        let matches = hedge.split(' ').enumerate().all(|(n, w)| r.word_is(start + n, w));
        matches.then_some((*hedge, start))
    })
}
