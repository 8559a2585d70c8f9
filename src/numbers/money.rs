//! Currencies around a number: symbols and codes before it (`£`, `US$`,
//! `USD`), currency words and codes after it (`dollars`, `australian dollars`,
//! `115USD`, `12-cent`), and sums spelled with their minor unit
//! (`thirteen dollars and forty-five cents`).

use rust_decimal::Decimal;

use super::grammar::{is_number_word, scale_word};
use super::lexicon::{self, Word};
use super::reader::Reader;
use super::tokens::TokenKind;
use super::words::cardinal;

/// `MUSD`: million US dollars, as a code with an `M` in front.
pub(super) fn musd(word: &str) -> Option<&'static str> {
    word.strip_prefix('M').filter(|rest| rest.len() == 3).and_then(lexicon::currency_code)
}

/// A currency written before the number: `£`, `$`, `US$`, `c $`, `USD`, `rmb`, `dollar`.
pub(super) fn currency_prefix(r: &Reader, j: &mut usize) -> Option<&'static str> {
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
    let number_follows =
        r.is_digits(number_at) || r.word(number_at).is_some_and(|w| is_number_word(w) || w == Word::Article);
    if !number_follows {
        return None;
    }
    *j = number_at;
    Some(code)
}

/// A currency read after a number.
pub(super) struct CurrencyAfter {
    pub code: &'static str,
    pub divisor: u32,
    pub power: Option<u32>,
    pub last: usize,
}

/// A currency after a number: `dollars`, `australian dollars`, `USD`, `$`,
/// `-cent`, `MUSD`; a code may carry a scale after it (`75 USD million`).
pub(super) fn currency_after(r: &Reader, k: usize) -> Option<CurrencyAfter> {
    let plain = |code, last| CurrencyAfter { code, divisor: 1, power: None, last };
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
            return Some(CurrencyAfter { code, divisor, power: None, last: k + 1 });
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
        return Some(CurrencyAfter { code, divisor: 1, power: power.map(|p| p.0), last: power.map_or(k, |p| p.1) });
    }
    if let Some(code) = musd(r.raw(k)) {
        return Some(CurrencyAfter { code, divisor: 1, power: Some(6), last: k });
    }
    if let Some(Word::Currency { code, divisor }) = r.word(k) {
        return Some(CurrencyAfter { code, divisor, power: None, last: k });
    }
    // a country before the currency word: `australian dollars`, `hong kong dollars`
    for words in [1, 2] {
        let currency_at = k + words;
        if let Some(Word::Currency { code, divisor: 1 }) = r.word(currency_at) {
            let adjective = if words == 1 { r.raw(k).to_string() } else { format!("{} {}", r.raw(k), r.raw(k + 1)) };
            let code = lexicon::currency_country(&adjective, code)?;
            return Some(CurrencyAfter { code, divisor: 1, power: None, last: currency_at });
        }
    }
    None
}

/// The minor part of a sum in words: `thirteen dollars [and] forty-five [cents]`,
/// `one kuai and five mao five`. Returns the amount in major units.
pub(super) fn minor_words(r: &Reader, k: usize, code: &'static str) -> Option<(Decimal, usize)> {
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
