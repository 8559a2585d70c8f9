//! The scanner's view of a sentence: its tokens with the questions the
//! grammar asks of them, and what a reading of a quantity produces.

use rust_decimal::Decimal;

use super::lexicon::{self, Word};
use super::tokens::{Token, TokenKind};
use super::{Kind, Unit, Value};

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
    /// Written as a fraction (`two-thirds`): its value is rounded.
    pub fraction: bool,
}

/// Read access to the tokens of one sentence.
pub(super) struct Reader<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// The lexicon's reading of each token, looked up once.
    words: Vec<Option<Word>>,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, toks: &'a [Token]) -> Self {
        let words = toks
            .iter()
            .map(|t| match t.kind {
                TokenKind::Word => lexicon::word(&text[t.start..t.end]),
                _ => None,
            })
            .collect();
        Reader { text, toks, words }
    }

    /// Whether a mention may start at token `i`: digits, a number or currency
    /// word, a month, a currency symbol or a sign. Most tokens of a sentence
    /// are none of these, and the grammar need not look at them.
    pub fn may_start_mention(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(TokenKind::Digits) => true,
            Some(TokenKind::Word) => {
                let raw = self.raw(i);
                self.words[i].is_some()
                    || lexicon::currency_code(raw).is_some()
                    || lexicon::month(raw).is_some()
                    || raw.starts_with('M') && raw.len() == 4
                    || self.symbol_is(i + 1, "$")
                    || raw.eq_ignore_ascii_case("u")
            }
            Some(TokenKind::Symbol) => {
                let raw = self.raw(i);
                lexicon::currency_symbol(raw).is_some() || matches!(raw, "-" | "–" | "‐" | "‑" | "−")
            }
            None => false,
        }
    }

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
        self.words.get(i).copied().flatten()
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
        // more digits than a decimal holds exactly: better no mention than a rounded one
        let significant = plain.trim_start_matches(['0', '.']).len();
        if significant > 28 || plain.split('.').nth(1).is_some_and(|f| f.len() > 28) {
            return None;
        }
        let plain = if plain.starts_with('.') { format!("0{plain}") } else { plain };
        plain.parse::<Decimal>().ok()
    }
}

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
    pub fn new(value: Decimal, last: usize) -> Self {
        Number { value, last, words: false, fraction: false, power: None, unit: None, divisor: 1, ordinal: false }
    }
}

/// One past the last token glued to token `i`.
pub(super) fn glued_run_end(r: &Reader, i: usize) -> usize {
    let mut end = i + 1;
    while r.glued(end) && !r.ends_clause(end) {
        end += 1;
    }
    end
}
