//! Currencies around a number: symbols, codes and abbreviations before it
//! (`£`, `US$`, `USD`, `Dh`, `Rs.`), currency words and codes after it
//! (`dollars`, `australian dollars`, `115USD`, `12-cent`, `kr`), and sums
//! spelled with their minor unit (`thirteen dollars and forty-five cents`).
//!
//! A sign that several countries share (`¥`, `kr`, `Rs`) is read by the
//! other words of its sentence (`¥` in a sentence about Beijing is the
//! yuan). The text around the sentence plays no part: a sentence always
//! reads the same, in its seed and on a page.

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

/// A currency written before the number: `£`, `$`, `US$`, `c $`, `USD`,
/// `rmb`, `dollar`, `Dh`, `Rs.`.
pub(super) fn currency_prefix(r: &Reader, j: &mut usize) -> Option<&'static str> {
    let i = *j;
    let (code, number_at) =
        if let Some(code) = lexicon::currency_symbol(r.raw(i)).filter(|_| r.kind(i) == Some(TokenKind::Symbol)) {
            // `$US420m`, `$A2.5bn`: the country glued after the sign, as Australian papers write it
            let country = (r.raw(i) == "$" && r.is_word(i + 1) && r.glued(i + 1) && r.glued(i + 2))
                .then(|| lexicon::dollar_prefix(r.raw(i + 1), false))
                .flatten();
            match country {
                Some(code) => (code, i + 2),
                None => (shared_sign(r, r.raw(i), code), i + 1),
            }
        } else if super::identifiers::rand_sum(r, i) {
            ("ZAR", i + 1)
        } else if r.is_word(i)
            && let Some(code) = lexicon::currency_abbreviation(r.raw(i))
        {
            // `Rs. 500`, `Rs.500`: the abbreviation's period
            let dotted = r.symbol_is(i + 1, ".") && r.glued(i + 1);
            (shared_sign(r, r.raw(i), code), if dotted { i + 2 } else { i + 1 })
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
                // `dollar 5`; but `Euro 2020` names a tournament
                Some(Word::Currency { code, divisor: 1 })
                    if r.is_digits(i + 1) && !super::identifiers::year_shaped(r, i + 1) =>
                {
                    Some(code)
                }
                _ => None,
            })?;
            (code, i + 1)
        } else {
            return None;
        };
    // a sign may stand between the currency and its number: `SEK -15.2m`
    let signed = r.is_dash(number_at) && r.glued(number_at + 1) && r.is_digits(number_at + 1);
    let number_follows =
        r.is_digits(number_at) || signed || r.word(number_at).is_some_and(|w| is_number_word(w) || w == Word::Article);
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
        // `50¢`: cents of a dollar
        if r.raw(k) == "¢" && !number_glued_after(k) {
            return Some(CurrencyAfter { code: "USD", divisor: 100, power: None, last: k });
        }
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
    // `1345c a kg`, `1345c/kg`: cents glued to a price per unit (alone, `40c`
    // may be a temperature)
    let per_unit = r.word_in(k + 1, &["a", "an", "per"]) || (r.symbol_is(k + 1, "/") && r.glued(k + 1));
    if r.raw(k) == "c" && r.glued(k) && per_unit {
        return Some(CurrencyAfter { code: "USD", divisor: 100, power: None, last: k });
    }
    if r.word_in(k, &["kr"]) {
        // `100 kr`, `100 kr.`
        let last = if r.symbol_is(k + 1, ".") && r.glued(k + 1) && !r.ends_clause(k + 2) { k + 1 } else { k };
        return Some(plain(shared_sign(r, "kr", "KR"), last));
    }
    // `Swedish crowns`: a crown is money only with its country
    if r.word_in(k + 1, &["crown", "crowns"])
        && let Some(code) = crowns_of(r.raw(k))
    {
        return Some(plain(code, k + 1));
    }
    if let Some(Word::Currency { code, divisor }) = r.word(k) {
        if code == "GBP" && divisor == 1 && weighs(r, k) {
            return None;
        }
        // `eight euro cents`: the hundredth of the currency named
        if divisor == 1 && r.word_in(k + 1, &["cent", "cents"]) {
            return Some(CurrencyAfter { code, divisor: 100, power: None, last: k + 1 });
        }
        // `9.5 cents per share, or 88 million euros`: cents of the euro
        let code = if code == "USD" && divisor == 100 { cents_of(r, k) } else { code };
        return Some(CurrencyAfter { code, divisor, power: None, last: k });
    }
    // `24.7 U.S. dollars`
    if r.raw(k) == "U" && r.symbol_is(k + 1, ".") && r.glued(k + 1) && r.raw(k + 2) == "S" && r.glued(k + 2) {
        let currency_at = if r.symbol_is(k + 3, ".") && r.glued(k + 3) { k + 4 } else { k + 3 };
        if let Some(Word::Currency { code: "USD", divisor }) = r.word(currency_at) {
            return Some(CurrencyAfter { code: "USD", divisor, power: None, last: currency_at });
        }
    }
    // a country before the currency word: `australian dollars`, `hong kong
    // dollars`, and its cents: `20 US cents`
    for words in [1, 2] {
        let currency_at = k + words;
        if r.word_in(currency_at, &["cent", "cents"]) {
            let adjective = if words == 1 { r.raw(k).to_string() } else { format!("{} {}", r.raw(k), r.raw(k + 1)) };
            if let Some(code) = lexicon::currency_country(&adjective, "USD") {
                return Some(CurrencyAfter { code, divisor: 100, power: None, last: currency_at });
            }
        }
        if let Some(Word::Currency { code, divisor: 1 }) = r.word(currency_at) {
            let adjective = if words == 1 { r.raw(k).to_string() } else { format!("{} {}", r.raw(k), r.raw(k + 1)) };
            let code = lexicon::currency_country(&adjective, code)?;
            return Some(CurrencyAfter { code, divisor: 1, power: None, last: currency_at });
        }
    }
    None
}

/// The currency whose cents token `k` names: the euro where the nearest
/// currency named in its sentence is the euro, the dollar otherwise.
fn cents_of(r: &Reader, k: usize) -> &'static str {
    let ends_sentence = |i: usize| r.symbol_is(i, ".") && !r.glued(i + 1);
    let currency = |i: usize| -> Option<&'static str> {
        match r.word(i) {
            Some(Word::Currency { code, divisor: 1 }) => Some(code),
            _ if r.kind(i) == Some(TokenKind::Symbol) => lexicon::currency_symbol(r.raw(i)),
            _ => lexicon::currency_code(r.raw(i)),
        }
    };
    let after =
        (k + 1..(k + 16).min(r.len())).take_while(|&i| !ends_sentence(i)).find_map(|i| Some((i - k, currency(i)?)));
    let before =
        (k.saturating_sub(15)..k).rev().take_while(|&i| !ends_sentence(i)).find_map(|i| Some((k - i, currency(i)?)));
    let nearest = match (after, before) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).map(|(_, code)| code),
    };
    match nearest {
        Some("EUR") => "EUR",
        _ => "USD",
    }
}

/// The pounds at token `k` are a weight: the text gives them again in
/// kilograms (`882 pounds (400 kilograms)`), or a word of weighing stands
/// just before (`weighing 2,000 pounds`).
fn weighs(r: &Reader, k: usize) -> bool {
    const METRIC: &[&str] = &["kilograms", "kilogram", "kilogrammes", "kg", "kgs", "kilos", "kilo", "tonnes", "tonne"];
    const WEIGHING: &[&str] = &["weigh", "weighs", "weighed", "weighing", "weight", "weights"];
    let restated =
        r.symbol_is(k + 1, "(") && (k + 2..k + 8).take_while(|&i| !r.symbol_is(i, ")")).any(|i| r.word_in(i, METRIC));
    restated || (k.saturating_sub(6)..k).any(|i| r.word_in(i, WEIGHING))
}

/// The currency of a country's crowns: `Swedish crowns` are kronor.
fn crowns_of(adjective: &str) -> Option<&'static str> {
    Some(match adjective.to_ascii_lowercase().as_str() {
        "swedish" => "SEK",
        "norwegian" => "NOK",
        "danish" => "DKK",
        "czech" => "CZK",
        "icelandic" => "ISK",
        _ => return None,
    })
}

/// A sign that several currencies write, with the words of a sentence that
/// name each of them. The first is meant when a sentence names none of the
/// others, or several.
struct SharedSign {
    signs: &'static [&'static str],
    readings: &'static [(&'static str, &'static [&'static str])],
}

const SHARED_SIGNS: &[SharedSign] = &[
    // `¥` is the yen, unless the sentence speaks of China and not of Japan
    SharedSign {
        signs: &["¥", "￥"],
        readings: &[
            ("JPY", &["Japan", "Japanese", "yen", "Tokyo", "BOJ", "BoJ", "Nikkei", "JPY"]),
            (
                "CNY",
                &[
                    "China", "Chinese", "yuan", "renminbi", "RMB", "Beijing", "Shanghai", "Shenzhen", "PBOC", "PBoC",
                    "CNY",
                ],
            ),
        ],
    },
    // `Rs` is the Indian rupee, unless the sentence names another country of the rupee
    SharedSign {
        signs: &["Rs", "RS"],
        readings: &[
            ("INR", &["India", "Indian", "Mumbai", "Delhi", "Sensex", "Nifty", "RBI", "INR"]),
            ("PKR", &["Pakistan", "Pakistani", "Karachi", "Lahore", "Islamabad", "PKR"]),
            ("LKR", &["Lanka", "Lankan", "Colombo", "LKR"]),
            ("NPR", &["Nepal", "Nepali", "Nepalese", "Kathmandu", "NPR"]),
        ],
    },
    // `kr` is the krona or krone of the one Nordic country the sentence
    // names; naming none (or two), it stays `KR`: guessing a country would
    // trace a figure to the wrong currency
    SharedSign {
        signs: &["kr", "Kr"],
        readings: &[("KR", &[]), CROWN_COUNTRIES[0], CROWN_COUNTRIES[1], CROWN_COUNTRIES[2], CROWN_COUNTRIES[3]],
    },
];

/// The countries of the crown, with the words that name each.
pub(super) const CROWN_COUNTRIES: [(&str, &[&str]); 4] = [
    ("SEK", &["Sweden", "Swedish", "Stockholm", "SEK", "kronor", "krona"]),
    ("NOK", &["Norway", "Norwegian", "Oslo", "NOK"]),
    ("DKK", &["Denmark", "Danish", "Copenhagen", "DKK"]),
    ("ISK", &["Iceland", "Icelandic", "Reykjavik", "ISK"]),
];

/// The currency that `sign`, read as `code`, means in the sentence of `r`.
fn shared_sign(r: &Reader, sign: &str, code: &'static str) -> &'static str {
    let Some(readings) = SHARED_SIGNS.iter().find(|s| s.signs.contains(&sign)).map(|s| s.readings) else {
        return code;
    };
    let named = |words: &[&str]| (0..r.len()).any(|k| r.is_word(k) && words.contains(&r.raw(k)));
    let mut meant = readings.iter().filter(|(_, words)| named(words)).map(|(code, _)| *code);
    match (meant.next(), meant.next()) {
        (Some(one), None) => one,
        _ => readings.first().map_or(code, |(default, _)| default),
    }
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
