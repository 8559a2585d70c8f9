//! The words of English news numbers: number words, scales, fractions,
//! currencies, hedges and months.
//!
//! Lookups of case-insensitive words go through one sorted table; the few
//! forms whose case matters (ISO codes, `M` for million, month names) have
//! their own functions.

use std::sync::LazyLock;

/// What a case-insensitive word means to the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// zero … nineteen
    Small(u32),
    /// twenty … ninety
    Tens(u32),
    Hundred,
    /// thousand, million, billion, trillion (and their plurals): a power of ten
    Scale {
        power: u32,
        plural: bool,
    },
    Dozen {
        plural: bool,
    },
    /// half, third, quarter, fourth … tenth, hundredth, thousandth, and their plurals
    Fraction {
        denominator: u32,
        plural: bool,
    },
    /// `a` or `an`
    Article,
    And,
    /// `negative`, `minus`
    Negative,
    /// `percent`, `percents`, `percentage`
    Percent,
    Per,
    /// a currency named after the number: `dollars`, `yen`, `pence` (with `divisor` 100) …
    Currency {
        code: &'static str,
        divisor: u32,
    },
}

const WORDS: &[(&str, Word)] = &[
    ("zero", Word::Small(0)),
    ("one", Word::Small(1)),
    ("two", Word::Small(2)),
    ("three", Word::Small(3)),
    ("four", Word::Small(4)),
    ("five", Word::Small(5)),
    ("six", Word::Small(6)),
    ("seven", Word::Small(7)),
    ("eight", Word::Small(8)),
    ("nine", Word::Small(9)),
    ("ten", Word::Small(10)),
    ("eleven", Word::Small(11)),
    ("twelve", Word::Small(12)),
    ("thirteen", Word::Small(13)),
    ("fourteen", Word::Small(14)),
    ("fifteen", Word::Small(15)),
    ("sixteen", Word::Small(16)),
    ("seventeen", Word::Small(17)),
    ("eighteen", Word::Small(18)),
    ("nineteen", Word::Small(19)),
    ("twenty", Word::Tens(20)),
    ("thirty", Word::Tens(30)),
    ("forty", Word::Tens(40)),
    ("fourty", Word::Tens(40)),
    ("fifty", Word::Tens(50)),
    ("sixty", Word::Tens(60)),
    ("seventy", Word::Tens(70)),
    ("eighty", Word::Tens(80)),
    ("ninety", Word::Tens(90)),
    ("hundred", Word::Hundred),
    ("thousand", Word::Scale { power: 3, plural: false }),
    ("thousands", Word::Scale { power: 3, plural: true }),
    ("million", Word::Scale { power: 6, plural: false }),
    ("millions", Word::Scale { power: 6, plural: true }),
    ("billion", Word::Scale { power: 9, plural: false }),
    ("billions", Word::Scale { power: 9, plural: true }),
    ("trillion", Word::Scale { power: 12, plural: false }),
    ("trillions", Word::Scale { power: 12, plural: true }),
    // Indian scales: a lakh is 100,000 and a crore 10,000,000 (`₹11 crore`)
    ("lakh", Word::Scale { power: 5, plural: false }),
    ("lakhs", Word::Scale { power: 5, plural: true }),
    ("crore", Word::Scale { power: 7, plural: false }),
    ("crores", Word::Scale { power: 7, plural: true }),
    // lakh metric tonnes, as Indian farm news counts grain: `15.79 LMT`
    ("lmt", Word::Scale { power: 5, plural: false }),
    ("dozen", Word::Dozen { plural: false }),
    ("dozens", Word::Dozen { plural: true }),
    ("half", Word::Fraction { denominator: 2, plural: false }),
    ("halves", Word::Fraction { denominator: 2, plural: true }),
    ("third", Word::Fraction { denominator: 3, plural: false }),
    ("thirds", Word::Fraction { denominator: 3, plural: true }),
    ("quarter", Word::Fraction { denominator: 4, plural: false }),
    ("quarters", Word::Fraction { denominator: 4, plural: true }),
    ("fourth", Word::Fraction { denominator: 4, plural: false }),
    ("fourths", Word::Fraction { denominator: 4, plural: true }),
    ("fifth", Word::Fraction { denominator: 5, plural: false }),
    ("fifths", Word::Fraction { denominator: 5, plural: true }),
    ("sixth", Word::Fraction { denominator: 6, plural: false }),
    ("sixths", Word::Fraction { denominator: 6, plural: true }),
    ("seventh", Word::Fraction { denominator: 7, plural: false }),
    ("sevenths", Word::Fraction { denominator: 7, plural: true }),
    ("eighth", Word::Fraction { denominator: 8, plural: false }),
    ("eighths", Word::Fraction { denominator: 8, plural: true }),
    ("ninth", Word::Fraction { denominator: 9, plural: false }),
    ("ninths", Word::Fraction { denominator: 9, plural: true }),
    ("tenth", Word::Fraction { denominator: 10, plural: false }),
    ("tenths", Word::Fraction { denominator: 10, plural: true }),
    ("hundredth", Word::Fraction { denominator: 100, plural: false }),
    ("hundredths", Word::Fraction { denominator: 100, plural: true }),
    ("thousandth", Word::Fraction { denominator: 1000, plural: false }),
    ("thousandths", Word::Fraction { denominator: 1000, plural: true }),
    ("a", Word::Article),
    ("an", Word::Article),
    ("and", Word::And),
    ("negative", Word::Negative),
    ("minus", Word::Negative),
    ("percent", Word::Percent),
    ("percents", Word::Percent),
    ("percentage", Word::Percent),
    ("per", Word::Per),
    ("dollar", currency("USD")),
    ("dollars", currency("USD")),
    ("bucks", currency("USD")),
    ("cent", minor("USD", 100)),
    ("cents", minor("USD", 100)),
    ("euro", currency("EUR")),
    ("euros", currency("EUR")),
    ("pound", currency("GBP")),
    ("pounds", currency("GBP")),
    ("sterling", currency("GBP")),
    ("penny", minor("GBP", 100)),
    ("pence", minor("GBP", 100)),
    // the hundredth of the UAE dirham: `a dividend of 40 fils`
    ("fils", minor("AED", 100)),
    ("yen", currency("JPY")),
    ("yuan", currency("CNY")),
    ("renminbi", currency("CNY")),
    ("kuai", currency("CNY")),
    ("jiao", minor("CNY", 10)),
    ("mao", minor("CNY", 10)),
    ("fen", minor("CNY", 100)),
    ("franc", currency("CHF")),
    ("francs", currency("CHF")),
    ("peseta", currency("ESP")),
    ("pesetas", currency("ESP")),
    ("guilder", currency("NLG")),
    ("guilders", currency("NLG")),
    ("markka", currency("FIM")),
    ("markkaa", currency("FIM")),
    ("drachma", currency("GRD")),
    ("drachmas", currency("GRD")),
    ("lira", currency("TRY")),
    ("liras", currency("TRY")),
    ("rupee", currency("INR")),
    ("rupees", currency("INR")),
    ("rouble", currency("RUB")),
    ("roubles", currency("RUB")),
    ("ruble", currency("RUB")),
    ("rubles", currency("RUB")),
    ("kopeck", minor("RUB", 100)),
    ("kopecks", minor("RUB", 100)),
    ("kopek", minor("RUB", 100)),
    ("kopeks", minor("RUB", 100)),
    ("peso", currency("MXN")),
    ("pesos", currency("MXN")),
    ("shekel", currency("ILS")),
    ("shekels", currency("ILS")),
    ("zloty", currency("PLN")),
    ("zlotys", currency("PLN")),
    ("zlotych", currency("PLN")),
    ("krona", currency("SEK")),
    ("kronor", currency("SEK")),
    ("krone", currency("NOK")),
    ("kroner", currency("NOK")),
    ("hryvnia", currency("UAH")),
    ("hryvnias", currency("UAH")),
    ("hryvnias", currency("UAH")),
    ("riyal", currency("SAR")),
    ("riyals", currency("SAR")),
    ("dirham", currency("AED")),
    ("dirhams", currency("AED")),
    ("baht", currency("THB")),
    ("ringgit", currency("MYR")),
    ("rupiah", currency("IDR")),
    ("naira", currency("NGN")),
    ("rand", currency("ZAR")),
    ("bitcoin", currency("BTC")),
    ("bitcoins", currency("BTC")),
    // wallets and exchanges quote satoshis as a unit of their own
    ("satoshi", currency("SAT")),
    ("satoshis", currency("SAT")),
    ("sats", currency("SAT")),
    ("rmb", currency("CNY")),
    ("元", currency("CNY")),
    ("ரூ", currency("INR")),
];

const fn currency(code: &'static str) -> Word {
    Word::Currency { code, divisor: 1 }
}

const fn minor(code: &'static str, divisor: u32) -> Word {
    Word::Currency { code, divisor }
}

/// [`WORDS`] sorted and bucketed by length and first byte, so a lookup
/// compares a word with the few keys that could equal it.
struct Index {
    entries: Vec<(&'static str, Word)>,
    /// For each length and first letter (`a`–`z`, then anything else), a range of `entries`.
    buckets: Vec<std::ops::Range<usize>>,
}

const FIRSTS: usize = 27;

fn bucket(len: usize, first: u8) -> usize {
    let letter = if first.is_ascii_lowercase() { (first - b'a') as usize } else { FIRSTS - 1 };
    len * FIRSTS + letter
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut entries = WORDS.to_vec();
    entries.sort_by_key(|(w, _)| (bucket(w.len(), w.as_bytes()[0]), *w));
    entries.dedup_by_key(|(w, _)| *w);
    let mut buckets = vec![0..0; (LONGEST + 1) * FIRSTS];
    for (i, (w, _)) in entries.iter().enumerate() {
        let b = &mut buckets[bucket(w.len(), w.as_bytes()[0])];
        if b.start == b.end {
            *b = i..i + 1;
        } else {
            b.end = i + 1;
        }
    }
    Index { entries, buckets }
});

/// The longest key of [`WORDS`] in bytes; longer words are never looked up.
const LONGEST: usize = 16;

/// What `word` means, ignoring ASCII case.
pub fn word(word: &str) -> Option<Word> {
    let len = word.len();
    if len == 0 || len > LONGEST {
        return None;
    }
    let index = &*INDEX;
    let candidates = &index.entries[index.buckets[bucket(len, word.as_bytes()[0].to_ascii_lowercase())].clone()];
    candidates.iter().find(|(key, _)| key.eq_ignore_ascii_case(word)).map(|(_, w)| *w)
}

/// ISO 4217 codes (and the common tickers of crypto currencies) written in capitals.
/// Every currency this scanner reads in words or symbols has its code here,
/// so that a sum it reads can be written back with its code and read again.
const CODES: &[&str] = &[
    "AED", "ARS", "AUD", "BDT", "BEF", "BGN", "BRL", "BTC", "CAD", "CHF", "CLP", "CNY", "COP", "CRC", "CZK", "DKK",
    "EGP", "ESP", "ETH", "EUR", "FIM", "FRF", "GBP", "GEL", "GRD", "HKD", "HUF", "IDR", "ILS", "INR", "IRR", "ISK",
    "ITL", "JPY", "KES", "KRW", "KWD", "KZT", "LAK", "MXN", "MYR", "NGN", "NLG", "NOK", "NZD", "PEN", "PHP", "PKR",
    "PLN", "QAR", "RMB", "RON", "RSD", "RUB", "SAR", "SEK", "SGD", "THB", "TRY", "TWD", "UAH", "USD", "VND", "XBT",
    "ZAR", "ZWL",
];

/// Codes also read in lower case: none of them is an English word.
const LOWERCASE_CODES: &[&str] = &[
    "aud", "brl", "btc", "cad", "chf", "cny", "czk", "dkk", "eur", "gbp", "hkd", "huf", "inr", "jpy", "krw", "mxn",
    "nok", "nzd", "pln", "rmb", "rub", "sek", "sgd", "uah", "usd", "zar",
];

/// The ISO code that `word` spells, as written (`USD`, `usd`; `RMB` is `CNY`).
pub fn currency_code(word: &str) -> Option<&'static str> {
    if word.len() != 3 {
        return None;
    }
    let list = if word.starts_with(|c: char| c.is_ascii_lowercase()) { LOWERCASE_CODES } else { CODES };
    let known = list.binary_search(&word).is_ok();
    if !known {
        return None;
    }
    let upper = CODES.iter().find(|c| c.eq_ignore_ascii_case(word)).copied()?;
    Some(if upper == "RMB" { "CNY" } else { upper })
}

/// The currency of a symbol such as `£` or `₿`. `¥` is the yen here; the
/// grammar reads it as the yuan where the sentence says so.
pub fn currency_symbol(symbol: &str) -> Option<&'static str> {
    Some(match symbol {
        "£" => "GBP",
        "$" => "USD",
        "€" => "EUR",
        "¥" | "￥" => "JPY",
        "₹" => "INR",
        "₽" => "RUB",
        "₩" => "KRW",
        "₺" => "TRY",
        "₴" => "UAH",
        "₿" => "BTC",
        "₡" => "CRC",
        "₾" => "GEL",
        "₭" => "LAK",
        "₦" => "NGN",
        "₱" => "PHP",
        "₪" => "ILS",
        "฿" => "THB",
        "₫" => "VND",
        "₣" => "CHF",
        _ => return None,
    })
}

/// The currency of an abbreviation written as a word before the number, glued
/// or spaced (`Dh17.9bn`, `Rs 500`, `RM5bn`), and some after it (`100 kr`).
/// `Rs` and `kr` are shared by several countries: the grammar reads them by
/// the sentence (`KR` stands for a krona or krone of no named country).
pub fn currency_abbreviation(word: &str) -> Option<&'static str> {
    Some(match word {
        "Dh" | "Dhs" | "DH" | "DHS" => "AED",
        "Rs" | "RS" => "INR",
        "Rp" => "IDR",
        "RM" => "MYR",
        "KSh" | "Ksh" | "Sh" => "KES",
        "Tk" => "BDT",
        "SFr" => "CHF",
        "kr" | "Kr" => "KR",
        _ => return None,
    })
}

/// The dollar a prefix names: `US$`, `C$`, `HK$`, `Mex$`, `usd$` …
/// `spaced` says whether white space stands between the prefix and `$`:
/// then only unambiguous prefixes count (`a $5 bill` is not Australian).
pub fn dollar_prefix(prefix: &str, spaced: bool) -> Option<&'static str> {
    let lower = prefix.to_ascii_lowercase();
    let code = match lower.as_str() {
        "us" | "usd" => "USD",
        "c" | "ca" | "can" | "cad" => "CAD",
        "a" | "au" | "aud" => "AUD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "s" | "sgd" => "SGD",
        "r" | "brl" => "BRL",
        "mex" | "mxn" => "MXN",
        "nt" | "twd" => "TWD",
        _ => return None,
    };
    let single_letter = prefix.len() == 1;
    (!spaced || !single_letter || lower == "c").then_some(code)
}

/// A word naming the country of a currency word that follows: `australian dollars`.
pub fn currency_country(adjective: &str, currency: &'static str) -> Option<&'static str> {
    let code = match (adjective.to_ascii_lowercase().as_str(), currency) {
        ("us" | "american", "USD") => "USD",
        ("australian", "USD") => "AUD",
        ("canadian", "USD") => "CAD",
        ("singapore", "USD") => "SGD",
        ("taiwan", "USD") => "TWD",
        ("zimbabwe" | "zimbabwean", "USD") => "ZWL",
        ("swiss", "CHF") => "CHF",
        ("french", "CHF") => "FRF",
        ("belgian", "CHF") => "BEF",
        ("turkish", "TRY") => "TRY",
        ("italian", "TRY") => "ITL",
        ("dutch", "NLG") => "NLG",
        ("finnish", "FIM") => "FIM",
        ("chinese", "CNY") => "CNY",
        ("japanese", "JPY") => "JPY",
        ("indian", "INR") => "INR",
        ("pakistani", "INR") => "PKR",
        ("russian", "RUB") => "RUB",
        ("mexican", "MXN") => "MXN",
        ("argentine" | "argentinian", "MXN") => "ARS",
        ("danish", "NOK") => "DKK",
        ("norwegian", "NOK") => "NOK",
        ("swedish", "SEK") => "SEK",
        ("egyptian", "GBP") => "EGP",
        _ => return None,
    };
    Some(code)
}

/// Scale suffixes written against the digits or right after them: `10k`, `£2.5bn`, `1MM`.
/// Lower-case `m` is left to the grammar: it is also the metre.
pub fn scale_suffix(suffix: &str) -> Option<u32> {
    Some(match suffix {
        "k" | "K" => 3,
        "M" | "MM" | "mn" | "mln" | "mil" | "Mn" => 6,
        "b" | "bn" | "Bn" | "bln" | "BN" => 9,
        "tn" | "trn" | "Tn" | "tr" => 12,
        _ => return None,
    })
}

/// Hedges that may stand before a number (SPEC §4), with their words,
/// longest first so that `an estimated` wins over `estimated`.
pub const HEDGES: &[(&str, &[&str])] = &[
    ("no fewer than", &["no", "fewer", "than"]),
    ("no more than", &["no", "more", "than"]),
    ("no less than", &["no", "less", "than"]),
    ("not more than", &["not", "more", "than"]),
    ("in excess of", &["in", "excess", "of"]),
    ("as many as", &["as", "many", "as"]),
    ("as much as", &["as", "much", "as"]),
    ("an estimated", &["an", "estimated"]),
    ("upwards of", &["upwards", "of"]),
    ("more than", &["more", "than"]),
    ("fewer than", &["fewer", "than"]),
    ("less than", &["less", "than"]),
    ("at least", &["at", "least"]),
    ("at most", &["at", "most"]),
    ("just over", &["just", "over"]),
    ("just under", &["just", "under"]),
    ("well over", &["well", "over"]),
    ("close to", &["close", "to"]),
    ("up to", &["up", "to"]),
    ("approximately", &["approximately"]),
    ("probably", &["probably"]),
    ("estimated", &["estimated"]),
    ("roughly", &["roughly"]),
    ("around", &["around"]),
    ("nearly", &["nearly"]),
    ("almost", &["almost"]),
    ("about", &["about"]),
    ("circa", &["circa"]),
    ("under", &["under"]),
    ("below", &["below"]),
    ("above", &["above"]),
    ("near", &["near"]),
    ("some", &["some"]),
    ("over", &["over"]),
];

/// A hedge that sets a bound (`more than`, `under`), not one that rounds (`about`).
pub fn is_bound(hedge: &str) -> bool {
    matches!(
        hedge,
        "no fewer than"
            | "no more than"
            | "no less than"
            | "not more than"
            | "in excess of"
            | "more than"
            | "fewer than"
            | "less than"
            | "at least"
            | "at most"
            | "up to"
            | "under"
            | "below"
            | "above"
            | "over"
    )
}

/// Whether `word` can end a hedge: the grammar looks for hedges only then.
/// It runs before every mention, so it compares the word, in lower case,
/// with the last words of [`HEDGES`] in one `match`.
pub fn may_end_hedge(word: &str) -> bool {
    let mut lower = [0u8; 16];
    let Some(lower) = lower.get_mut(..word.len()) else { return false };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"than"
            | b"of"
            | b"as"
            | b"estimated"
            | b"least"
            | b"most"
            | b"over"
            | b"under"
            | b"to"
            | b"approximately"
            | b"probably"
            | b"roughly"
            | b"around"
            | b"nearly"
            | b"almost"
            | b"about"
            | b"circa"
            | b"below"
            | b"above"
            | b"near"
            | b"some"
    )
}

/// A month's abbreviation (`Dec`, `Sept`), which may take a period; a full
/// name (`June`, `May`) does not.
pub fn is_month_abbreviation(word: &str) -> bool {
    month(word).is_some() && !MONTH_NAMES.contains(&word)
}

/// The months' names in English, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month number of a month name or abbreviation, as written with a capital.
/// `May` is only the month when the grammar finds a day or year with it.
pub fn month(word: &str) -> Option<u32> {
    const MONTHS: [(&str, &str); 12] = [
        ("January", "Jan"),
        ("February", "Feb"),
        ("March", "Mar"),
        ("April", "Apr"),
        ("May", "May"),
        ("June", "Jun"),
        ("July", "Jul"),
        ("August", "Aug"),
        ("September", "Sep"),
        ("October", "Oct"),
        ("November", "Nov"),
        ("December", "Dec"),
    ];
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    MONTHS
        .iter()
        .position(|(full, short)| word == *full || word == *short || word == "Sept" && *short == "Sep")
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_no_conflicting_duplicates() {
        for (i, (a, wa)) in WORDS.iter().enumerate() {
            for (b, wb) in &WORDS[i + 1..] {
                assert!(a != b || wa == wb, "{a} twice with different meanings");
            }
            assert!(a.len() <= LONGEST, "{a} is longer than LONGEST");
        }
    }

    #[test]
    fn hedges_end_as_may_end_hedge_says() {
        for (hedge, words) in HEDGES {
            let last = words.last().expect("a hedge has words");
            assert!(may_end_hedge(last) && may_end_hedge(&last.to_uppercase()), "{hedge}");
            assert_eq!(hedge.split(' ').collect::<Vec<_>>(), *words);
        }
        assert!(!may_end_hedge("people") && !may_end_hedge("overwhelmingly"));
    }

    #[test]
    fn code_lists_are_sorted_for_binary_search() {
        assert!(CODES.is_sorted() && LOWERCASE_CODES.is_sorted());
    }

    #[test]
    fn every_word_is_found() {
        for (key, meaning) in WORDS {
            assert_eq!(word(key), Some(*meaning), "{key}");
            assert_eq!(word(&key.to_uppercase()), Some(*meaning), "{key} in capitals");
        }
    }

    #[test]
    fn words_ignore_case() {
        assert_eq!(word("Twenty"), Some(Word::Tens(20)));
        assert_eq!(word("MILLION"), Some(Word::Scale { power: 6, plural: false }));
        assert_eq!(word("troops"), None);
        assert_eq!(word("元"), Some(currency("CNY")));
    }

    #[test]
    fn codes_and_symbols() {
        assert_eq!(currency_code("USD"), Some("USD"));
        assert_eq!(currency_code("usd"), Some("USD"));
        assert_eq!(currency_code("RMB"), Some("CNY"));
        assert_eq!(currency_code("TRY"), Some("TRY"));
        assert_eq!(currency_code("try"), None);
        assert_eq!(currency_symbol("£"), Some("GBP"));
        assert_eq!(dollar_prefix("A", false), Some("AUD"));
        assert_eq!(dollar_prefix("a", true), None);
        assert_eq!(dollar_prefix("c", true), Some("CAD"));
        assert_eq!(dollar_prefix("hk", true), Some("HKD"));
    }

    #[test]
    fn months_need_a_capital() {
        assert_eq!(month("March"), Some(3));
        assert_eq!(month("Sept"), Some(9));
        assert_eq!(month("march"), None);
    }
}
