//! The scanner's view of a sentence: its tokens with the questions the
//! grammar asks of them, and what a reading of a quantity produces.

use super::digits::{self, digit_value};
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
    /// What each token reads as, looked up once: the grammar asks the same
    /// questions of a token many times.
    readings: Vec<Reading>,
    /// Digit tokens written in other scripts than ASCII (`١٢٣`), by token
    /// index, with their digits and separators in ASCII (`123`): the grammar
    /// reads every number in ASCII.
    ascii_digits: Vec<(usize, String)>,
}

/// A token as the lexicon reads it.
#[derive(Debug, Clone, Copy)]
enum Reading {
    /// A word of the lexicon.
    Word(Word),
    /// Plain digits, with no group separator or decimals, of at most 18 digits.
    Integer(u64),
    Other,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, toks: &'a [Token]) -> Self {
        let mut ascii_digits = Vec::new();
        let readings = toks
            .iter()
            .enumerate()
            .map(|(i, t)| match t.kind {
                TokenKind::Word => lexicon::word(&text[t.start..t.end]).map_or(Reading::Other, Reading::Word),
                TokenKind::Digits => {
                    let raw = &text[t.start..t.end];
                    if raw.is_ascii() {
                        return integer(raw);
                    }
                    let ascii = in_ascii(raw);
                    let reading = integer(&ascii);
                    ascii_digits.push((i, ascii));
                    reading
                }
                TokenKind::Symbol => Reading::Other,
            })
            .collect();
        Reader { text, toks, readings, ascii_digits }
    }

    /// Whether a mention may start at token `i`: digits, a number or currency
    /// word or abbreviation, a month, a currency symbol or a sign. Most tokens
    /// of a sentence are none of these, and the grammar need not look at them.
    pub fn may_start_mention(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(TokenKind::Digits) => true,
            Some(TokenKind::Word) => {
                if self.word(i).is_some() {
                    return true;
                }
                let raw = self.raw(i);
                let capital = raw.starts_with(|c: char| c.is_ascii_uppercase());
                (raw.len() <= 3
                    && (lexicon::currency_code(raw).is_some() || lexicon::currency_abbreviation(raw).is_some()))
                    || (capital && (lexicon::month(raw).is_some() || raw.starts_with('M') && raw.len() == 4))
                    || self.symbol_is(i + 1, "$")
                    || raw.eq_ignore_ascii_case("u")
                    || raw == "R"
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

    /// The text of token `i`; digits in ASCII whatever script wrote them.
    pub fn raw(&self, i: usize) -> &str {
        if !self.ascii_digits.is_empty()
            && let Some((_, ascii)) = self.ascii_digits.iter().find(|(k, _)| *k == i)
        {
            return ascii;
        }
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
        match self.readings.get(i) {
            Some(Reading::Word(w)) => Some(*w),
            _ => None,
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

    /// Token `i` stands one plain space after the token before it: `1 415`.
    pub fn one_space_before(&self, i: usize) -> bool {
        i > 0
            && self.toks.get(i).is_some_and(|t| {
                let before = self.toks[i - 1].end;
                t.start == before + 1 && self.text.as_bytes()[before] == b' '
            })
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
        match self.readings.get(i) {
            Some(Reading::Integer(n)) => Some(*n),
            _ => None,
        }
    }

    /// The exact value of digits token `i`, group separators left out.
    pub fn digits_value(&self, i: usize) -> Option<Value> {
        if !self.is_digits(i) {
            return None;
        }
        let raw = self.raw(i);
        if raw.contains(',') { digits::value_of(&raw.replace(',', "")) } else { digits::value_of(raw) }
    }
}

/// ASCII digits as a plain integer, when they are no more than 18 digits.
fn integer(digits: &str) -> Reading {
    if digits.len() <= 18 && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().map_or(Reading::Other, Reading::Integer)
    } else {
        Reading::Other
    }
}

/// Digits of any script, and their group separators and decimal point, in
/// ASCII: `١٬٢٣٤٫٥` is `1,234.5`, and `22 413` (a no-break space) is `22,413`.
fn in_ascii(raw: &str) -> String {
    let mut ascii = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        // the tokenizer ends digits with a vulgar fraction only where no decimal point stands
        if let Some(decimals) = super::tokens::vulgar_fraction(c) {
            ascii.push_str(decimals);
            continue;
        }
        // the hyphen or space of `5-¾` or `2 ¾` is no separator
        let before_fraction = chars.peek().is_some_and(|next| super::tokens::vulgar_fraction(*next).is_some());
        if before_fraction && super::tokens::FRACTION_GAPS.iter().any(|g| g.starts_with(c)) {
            continue;
        }
        match c {
            '\u{066C}' | '\u{00A0}' | '\u{2009}' | '\u{202F}' => ascii.push(','),
            '\u{066B}' => ascii.push('.'),
            // a digit's value is below ten, so it is one ASCII digit
            _ => ascii.push(digit_value(c).and_then(|d| char::from_digit(d, 10)).unwrap_or(c)),
        }
    }
    ascii
}

/// A number before its scale and unit.
#[derive(Debug, Clone)]
pub(super) struct Number {
    /// A decimal, or the digits of a number too large for one.
    pub value: Value,
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
    pub fn new(value: Value, last: usize) -> Self {
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
