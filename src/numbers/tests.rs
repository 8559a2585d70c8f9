//! Table-driven tests of the scanner: one row per form of SPEC §4, so a
//! failure names its input. Each mention is written `text = value unit kind hedge`
//! with `-` for no unit or hedge.

use proptest::prelude::*;

use super::{Mention, scan};

fn show(text: &str, m: &Mention) -> String {
    format!(
        "{} = {} {} {:?} {}",
        &text[m.span.clone()],
        m.value,
        m.unit.map_or("-", |u| u.as_str()),
        m.kind,
        m.hedge.unwrap_or("-")
    )
    .to_lowercase()
}

/// Rows of cases: the text, and each mention expected in it.
type Rows = &'static [(&'static str, &'static [&'static str])];

/// Every table of cases, for tests that read the scanner's cases as published figures.
pub(crate) const TABLES: &[Rows] = &[
    DIGITS,
    DIGITS_TOO_LARGE_FOR_A_DECIMAL,
    DIGITS_OF_ANY_SCRIPT,
    GROUPS_AND_DECIMAL_COMMAS,
    PERCENTAGES,
    BASIS_POINTS_AND_FRACTIONS_OF_A_POINT,
    CURRENCIES,
    CURRENCIES_OF_GULF_AND_SOUTH_ASIAN_NEWS,
    CURRENCIES_SHARED_BY_COUNTRIES,
    SCALES,
    NUMBER_WORDS,
    RANGES,
    LISTS,
    YEARS_DATES_AND_TIMES,
    WIRE_TIMES,
    RANGES_OF_DAYS,
    HEDGES,
    DISTANCES_AND_RACES,
    NOT_QUANTITIES,
    UNITS_OUTSIDE_THE_MENTION,
];

fn check(rows: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (input, expected) in rows {
        let found: Vec<String> = scan(input).iter().map(|m| show(input, m)).collect();
        let expected: Vec<String> = expected.iter().map(|e| e.to_lowercase()).collect();
        if found != expected {
            failures.push(format!("{input:?}\n    expected {expected:?}\n    found    {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows failed:\n{}", failures.len(), rows.len(), failures.join("\n"));
}

const DIGITS: Rows = &[
    // a name before a number of things counted: the number is a quantity
    ("to give Goa 11 points from eight matches", &["11 = 11 - count -", "eight = 8 - count -"]),
    ("upwards of 100,000 troops", &["upwards of 100,000 = 100000 - count upwards of"]),
    ("a rate of 2.3 today", &["2.3 = 2.3 - count -"]),
    ("an hourly wage of 12.21", &["12.21 = 12.21 - count -"]),
    ("exactly 4.800 tonnes", &["4.800 = 4.8 - count -"]),
    ("a yield of .08", &[".08 = 0.08 - count -"]),
    ("1,674,200.5", &["1,674,200.5 = 1674200.5 - count -"]),
    ("pages 22,24 and 26", &["22 = 22 - count -", "24 = 24 - count -", "26 = 26 - count -"]),
    ("1, 234, 567", &["1 = 1 - count -", "234 = 234 - count -", "567 = 567 - count -"]),
    (
        "host 192.168.1.2 answered",
        &["192 = 192 - count -", "168 = 168 - count -", "1 = 1 - count -", "2 = 2 - count -"],
    ),
    ("It fell to -5 overnight", &["-5 = -5 - count -"]),
    ("income was negative USD 0.47 billion", &["negative usd 0.47 billion = -470000000 usd money -"]),
    ("minus £3", &["minus £3 = -3 gbp money -"]),
    ("It scored 192.", &["192 = 192 - count -"]),
    ("a magnitude-7.1 quake", &["7.1 = 7.1 - count -"]),
    // a verb left out after `and`: the number after the name is a count
    ("Kell made 71 and Tom Briggs 48", &["71 = 71 - count -", "48 = 48 - count -"]),
    ("beat the Detroit Pistons 118-105", &["118 = 118 - count -", "105 = 105 - count -"]),
];

#[test]
fn digits() {
    check(DIGITS);
}

const DIGITS_TOO_LARGE_FOR_A_DECIMAL: Rows = &[
    (
        "Roughly 100000000000000000000000000000 grains.",
        &["roughly 100000000000000000000000000000 = 100000000000000000000000000000 - count roughly"],
    ),
    (
        "some 70000000000000000000000000 billion atoms",
        &["some 70000000000000000000000000 billion = 70000000000000000000000000000000000 - count some"],
    ),
    (
        "a ratio of 31415926535897932384626433832795.5",
        &["31415926535897932384626433832795.5 = 31415926535897932384626433832795.5 - count -"],
    ),
    (
        "a gap of 0.000000000000000000000000000001",
        &["0.000000000000000000000000000001 = 0.000000000000000000000000000001 - count -"],
    ),
    (
        "£100000000000000000000000000000",
        &["£100000000000000000000000000000 = 100000000000000000000000000000 gbp money -"],
    ),
    (
        "79228162514264337593543950335 seeds",
        &["79228162514264337593543950335 = 79228162514264337593543950335 - count -"],
    ),
];

#[test]
fn digits_too_large_for_a_decimal() {
    check(DIGITS_TOO_LARGE_FOR_A_DECIMAL);
}

const DIGITS_OF_ANY_SCRIPT: Rows = &[
    ("٣٤٥ families", &["٣٤٥ = 345 - count -"]),
    ("۱۲۳ households and १२३ villages", &["۱۲۳ = 123 - count -", "१२३ = 123 - count -"]),
    ("prices rose ２７% this spring", &["２７% = 27 % percent -"]),
    ("some ٧٫٥ per cent", &["some ٧٫٥ per cent = 7.5 % percent some"]),
    ("a budget of ١٬٢٥٠ dollars", &["١٬٢٥٠ dollars = 1250 usd money -"]),
    ("in ٢٠٢٣", &["٢٠٢٣ = 2023 - year -"]),
    ("ரூ ५०० and ৩৪", &["ரூ ५०० = 500 inr money -", "৩৪ = 34 - count -"]),
];

#[test]
fn digits_of_any_script() {
    check(DIGITS_OF_ANY_SCRIPT);
}

const VULGAR_FRACTIONS_AFTER_DIGITS: Rows = &[
    ("a 7½-year sentence", &["7½ = 7.5 - count -"]),
    ("rose 2¼% to 31½p", &["2¼% = 2.25 % percent -", "31½p = 0.315 gbp money -"]),
    ("a £2¾bn deal and 5⅛ miles", &["£2¾bn = 2750000000 gbp money -", "5⅛ = 5.125 - count -"]),
    // a decimal holds no third: no number is read, rather than a wrong one
    ("1⅓ tonnes", &[]),
    // after a hyphen or a space, as a racing margin is written
    ("won by a 5-¾ length margin", &["5-¾ = 5.75 - count -"]),
    ("won by 2 ¾ lengths", &["2 ¾ = 2.75 - count -"]),
    ("1-⅓ tonnes", &[]),
];

#[test]
fn vulgar_fractions_after_digits() {
    check(VULGAR_FRACTIONS_AFTER_DIGITS);
}

const RACE_TIMES: Rows = &[
    ("won in 28:55.77", &["28:55.77 = PT28M55.77S - time -"]),
    ("the mile in 3:58.20", &["3:58.20 = PT3M58.2S - time -"]),
    ("a marathon in 2:05:41.3", &["2:05:41.3 = PT2H5M41.3S - time -"]),
    ("finished in 45:10", &["45:10 = PT45M10S - time -"]),
    // a time of day, and a ratio, stay what they were
    ("kicked off at 19:45", &["19:45 = 19:45 - time -"]),
    ("a 3:1 ratio", &["3 = 3 - count -", "1 = 1 - count -"]),
    // a duration of more than one unit is one time, never a count of its last unit
    ("leads by a minute and 26 seconds", &["a minute and 26 seconds = PT1M26S - time -"]),
    ("the game lasted 5 hours 56 minutes", &["5 hours 56 minutes = PT5H56M - time -"]),
    ("in 2 hours, 5 minutes and 41 seconds", &["2 hours, 5 minutes and 41 seconds = PT2H5M41S - time -"]),
    // days are hours of a race's time
    (
        "a time of two days, nine hours, 58 minutes and 30 seconds",
        &["two days, nine hours, 58 minutes and 30 seconds = PT57H58M30S - time -"],
    ),
    ("3 days, 30 hours of work", &["3 = 3 - count -", "30 = 30 - count -"]),
    ("13 minutes 50.38 seconds", &["13 minutes 50.38 seconds = PT13M50.38S - time -"]),
    ("26 seconds behind", &["26 = 26 - count -"]),
    // an amount of a unit and a half is one count, as `one and a half hours` is
    ("the hearing lasted an hour and a half", &["an hour and a half = 1.5 - count -"]),
    ("a year and a half later", &["a year and a half = 1.5 - count -"]),
    ("after 2 days and a half", &["2 days and a half = 2.5 - count -"]),
    ("three miles and a half", &["three miles and a half = 3.5 - count -"]),
    // a half of something else stays a half
    ("a half of the vote", &["a half = 0.5 - count -"]),
];

#[test]
fn race_times() {
    check(RACE_TIMES);
}

const GROUPS_AND_DECIMAL_COMMAS: Rows = &[
    ("a town of 3,62,418 people", &["3,62,418 = 362418 - count -"]),
    ("₹12,50,000", &["₹12,50,000 = 1250000 inr money -"]),
    ("₹11,11,111 crore", &["₹11,11,111 crore = 11111110000000 inr money -"]),
    ("turnout reached 61,7 percent", &["61,7 percent = 61.7 % percent -"]),
    ("unemployment of 8,25%", &["8,25% = 8.25 % percent -"]),
    ("a loss of SEK -12,6 m", &["sek -12,6 m = -12600000 sek money -"]),
    ("a height of 2,5m", &["2,5 = 2.5 - count -"]),
    (
        "rose to R3,4 billion from R2,2-billion",
        &["r3,4 billion = 3400000000 zar money -", "r2,2-billion = 2200000000 zar money -"],
    ),
    ("chapters 3,14 and 15", &["3 = 3 - count -", "14 = 14 - count -", "15 = 15 - count -"]),
    // thousands grouped by points before a decimal comma, as continental markets write an index
    ("closed at 6.813,49 points", &["6.813,49 = 6813.49 - count -"]),
    ("it was 4.548 points", &["4.548 = 4.548 - count -"]),
    ("31\u{00A0}502 samples", &["31\u{00A0}502 = 31502 - count -"]),
    ("31\u{202F}502\u{202F}000 samples", &["31\u{202F}502\u{202F}000 = 31502000 - count -"]),
    ("in 2019 413 people", &["2019 = 2019 - year -", "413 = 413 - count -"]),
];

#[test]
fn groups_and_decimal_commas() {
    check(GROUPS_AND_DECIMAL_COMMAS);
}

const PERCENTAGES: Rows = &[
    ("approximately 2.3% of its GDP", &["approximately 2.3% = 2.3 % percent approximately"]),
    ("rose 2.3 per cent", &["2.3 per cent = 2.3 % percent -"]),
    ("rose 2.3 percent", &["2.3 percent = 2.3 % percent -"]),
    ("fell to 2.3pc in March", &["2.3pc = 2.3 % percent -"]),
    ("sank 27 % in the quarter", &["27 % = 27 % percent -"]),
    ("up 4.1 percentage points", &["4.1 percentage points = 4.1 pp percent -"]),
    ("up 4.1pp on the year", &["4.1pp = 4.1 pp percent -"]),
    ("twenty percent of voters", &["twenty percent = 20 % percent -"]),
    ("a 5-percent rise", &["5-percent = 5 % percent -"]),
    ("How do I calculate a percentage?", &[]),
];

#[test]
fn percentages() {
    check(PERCENTAGES);
}

const BASIS_POINTS_AND_FRACTIONS_OF_A_POINT: Rows = &[
    ("The bank trimmed 15bp off the rate.", &["15bp = 15 bp percent -"]),
    ("a rise of 50 basis points", &["50 basis points = 50 bp percent -"]),
    ("a 75-basis-point increase", &["75-basis-point = 75 bp percent -"]),
    ("yields up 10 bps", &["10 bps = 10 bp percent -"]),
    ("at least 1 basis point", &["at least 1 basis point = 1 bp percent at least"]),
    ("cut by a quarter of a percentage point", &["a quarter of a percentage point = 0.25 pp percent -"]),
    ("loses by less than a half of 1 percent", &["less than a half of 1 percent = 0.5 % percent less than"]),
    ("half of 1% of voters", &["half of 1% = 0.5 % percent -"]),
    ("raised its rate by a quarter of a point", &["a quarter of a point = 0.25 pp percent -"]),
    ("raised by half a percentage point", &["half a percentage point = 0.5 pp percent -"]),
    ("three-quarters of a percentage point", &["three-quarters of a percentage point = 0.75 pp percent -"]),
    ("about half a per cent", &["about half a per cent = 0.5 % percent about"]),
    ("half a percentage of it", &["half = 0.5 - count -"]),
    ("a quarter-point cut", &["a quarter-point = 0.25 pp percent -"]),
    ("raised by a half point.", &["a half point = 0.5 pp percent -"]),
    ("The quarter-point rise was expected.", &["quarter-point = 0.25 pp percent -"]),
    ("at the half point of the season", &[]),
    ("a quarter of the points", &["a quarter = 0.25 - count -"]),
];

#[test]
fn basis_points_and_fractions_of_a_point() {
    check(BASIS_POINTS_AND_FRACTIONS_OF_A_POINT);
}

const CURRENCIES: Rows = &[
    // the country glued after the sign, as Australian papers write it
    ("the $US656 million jackpot", &["$us656 million = 656000000 usd money -"]),
    ("$A2.5bn and $NZ40m", &["$a2.5bn = 2500000000 aud money -", "$nz40m = 40000000 nzd money -"]),
    ("a dividend of 40 fils a share", &["40 fils = 0.4 aed money -"]),
    ("the deficit widened to R12 billion", &["r12 billion = 12000000000 zar money -"]),
    ("the rand weakened to R15.20", &["r15.20 = 15.2 zar money -"]),
    ("a grant of R 1,500 a month", &["r 1,500 = 1500 zar money -"]),
    ("R3.5bn for roads", &["r3.5bn = 3500000000 zar money -"]),
    // thousands grouped by plain spaces, after a currency only
    ("dividends of R1 415-million", &["r1 415-million = 1415000000 zar money -"]),
    ("a fine of €2 300 000 in all", &["€2 300 000 = 2300000 eur money -"]),
    ("in 2019 415 people died", &["2019 = 2019 - year -", "415 = 415 - count -"]),
    ("drawn in the R16 against 2 others", &["2 = 2 - count -"]),
    ("a -£3m loss", &["-£3m = -3000000 gbp money -"]),
    ("a −$470m hit", &["−$470m = -470000000 usd money -"]),
    ("a £40bn deficit", &["£40bn = 40000000000 gbp money -"]),
    ("$50 billion in aid", &["$50 billion = 50000000000 usd money -"]),
    ("roughly €3.2tn", &["roughly €3.2tn = 3200000000000 eur money roughly"]),
    ("keeps the 5p cut", &["5p = 0.05 gbp money -"]),
    ("The plan costs USD 3m.", &["usd 3m = 3000000 usd money -"]),
    ("an extra £2.5bn", &["£2.5bn = 2500000000 gbp money -"]),
    ("came to £1.2m.", &["£1.2m = 1200000 gbp money -"]),
    ("£127.5 billion", &["£127.5 billion = 127500000000 gbp money -"]),
    ("to £12.21 an hour", &["£12.21 = 12.21 gbp money -"]),
    ("a US$ 1MM target", &["us$ 1mm = 1000000 usd money -"]),
    ("C$300 million", &["c$300 million = 300000000 cad money -"]),
    ("Mex$ 10 million", &["mex$ 10 million = 10000000 mxn money -"]),
    ("115USD", &["115usd = 115 usd money -"]),
    ("75 USD million", &["75 usd million = 75000000 usd money -"]),
    ("5 dollars", &["5 dollars = 5 usd money -"]),
    ("125 million australian dollars", &["125 million australian dollars = 125000000 aud money -"]),
    ("five million yen", &["five million yen = 5000000 jpy money -"]),
    ("50 cents more", &["50 cents = 0.5 usd money -"]),
    // cents of the currency named nearest them in their sentence
    (
        "9.5 cents per share, or 88 million euros",
        &["9.5 cents = 0.095 eur money -", "88 million euros = 88000000 eur money -"],
    ),
    (
        "25 cents a share, or $1.2 billion, in euros",
        &["25 cents = 0.25 usd money -", "$1.2 billion = 1200000000 usd money -"],
    ),
    // the cents of a currency or a country named before them
    ("at eight euro cents each", &["eight euro cents = 0.08 eur money -"]),
    ("up 20 US cents", &["20 us cents = 0.2 usd money -"]),
    ("470 pence a share", &["470 pence = 4.7 gbp money -"]),
    ("thirteen dollars and forty-five cents", &["thirteen dollars and forty-five cents = 13.45 usd money -"]),
    ("10 $ 30 $", &["10 $ = 10 usd money -", "30 $ = 30 usd money -"]),
    ("$ 20,000.00 $ 37,305.97", &["$ 20,000.00 = 20000 usd money -", "$ 37,305.97 = 37305.97 usd money -"]),
    ("3 USD50 cards", &["3 = 3 - count -", "usd50 = 50 usd money -"]),
    ("a $5 bill", &["$5 = 5 usd money -"]),
    ("Firm wins $6B contract", &["$6b = 6000000000 usd money -"]),
    ("6.25 BTC", &["6.25 btc = 6.25 btc money -"]),
    // pounds given again in kilograms, or weighed, are a weight
    ("carrying 882 pounds (400 kilograms) of cargo", &["882 = 882 - count -", "400 = 400 - count -"]),
    ("a bomb weighing 2,000 pounds", &["2,000 = 2000 - count -"]),
    ("a fine of 500 pounds (about $650)", &["500 pounds = 500 gbp money -", "about $650 = 650 usd money about"]),
];

#[test]
fn currencies() {
    check(CURRENCIES);
}

const CURRENCIES_OF_GULF_AND_SOUTH_ASIAN_NEWS: Rows = &[
    ("a net profit of Dh2.4bn", &["dh2.4bn = 2400000000 aed money -"]),
    ("assets of Dh640 million", &["dh640 million = 640000000 aed money -"]),
    ("up to Dhs 75 million", &["up to dhs 75 million = 75000000 aed money up to"]),
    ("AED 3m in fees", &["aed 3m = 3000000 aed money -"]),
    ("a ticket at Rs 250", &["rs 250 = 250 inr money -"]),
    ("Rs250 a month", &["rs250 = 250 inr money -"]),
    ("worth Rs. 90 crore", &["rs. 90 crore = 900000000 inr money -"]),
    ("₹11 crore", &["₹11 crore = 110000000 inr money -"]),
    ("INR 5bn", &["inr 5bn = 5000000000 inr money -"]),
    ("5 lakh people", &["5 lakh = 500000 - count -"]),
    ("₹2 lakh crore", &["₹2 lakh crore = 2000000000000 inr money -"]),
    ("Rs 500 crores", &["rs 500 crores = 5000000000 inr money -"]),
    ("Rs 40 cr", &["rs 40 cr = 400000000 inr money -"]),
    ("Rs 73.08 millions", &["rs 73.08 millions = 73080000 inr money -"]),
    ("Karachi traders paid Rs 70", &["rs 70 = 70 pkr money -"]),
    ("RM5bn in Kuala Lumpur", &["rm5bn = 5000000000 myr money -"]),
];

#[test]
fn currencies_of_gulf_and_south_asian_news() {
    check(CURRENCIES_OF_GULF_AND_SOUTH_ASIAN_NEWS);
}

const CURRENCIES_SHARED_BY_COUNTRIES: Rows = &[
    ("Sony earned ¥300bn", &["¥300bn = 300000000000 jpy money -"]),
    ("Beijing set aside ¥50bn", &["¥50bn = 50000000000 cny money -"]),
    ("China paid ¥8bn for Japanese bonds", &["¥8bn = 8000000000 jpy money -"]),
    ("a fare of kr 100", &["kr 100 = 100 kr money -"]),
    ("Stockholm tickets cost 100 kr.", &["100 kr = 100 sek money -"]),
    ("a Danish fine of kr 500", &["kr 500 = 500 dkk money -"]),
    ("SEK 100", &["sek 100 = 100 sek money -"]),
    ("3.5 billion Norwegian crowns", &["3.5 billion norwegian crowns = 3500000000 nok money -"]),
    ("500 crowns were fitted", &["500 = 500 - count -"]),
    ("R$5bn", &["r$5bn = 5000000000 brl money -"]),
    ("HK$3bn", &["hk$3bn = 3000000000 hkd money -"]),
    (
        "A$2m and S$2m and NZ$4m",
        &["a$2m = 2000000 aud money -", "s$2m = 2000000 sgd money -", "nz$4m = 4000000 nzd money -"],
    ),
    ("CHF 40m", &["chf 40m = 40000000 chf money -"]),
    (
        "500 yuan or 20 renminbi or 300 yen",
        &["500 yuan = 500 cny money -", "20 renminbi = 20 cny money -", "300 yen = 300 jpy money -"],
    ),
    ("It cost 7 zorkmids.", &["7 = 7 - count -"]),
];

#[test]
fn currencies_shared_by_countries() {
    check(CURRENCIES_SHARED_BY_COUNTRIES);
}

const SCALES: Rows = &[
    ("procured 40.2 LMT of rice", &["40.2 lmt = 4020000 - count -"]),
    ("2 million people", &["2 million = 2000000 - count -"]),
    ("Some 1.5 million people", &["some 1.5 million = 1500000 - count some"]),
    ("The project employs 10k people.", &["10k = 10000 - count -"]),
    ("2m people", &["2m = 2000000 - count -"]),
    ("1.8m tall", &["1.8 = 1.8 - count -"]),
    ("At least 1.2bn doses", &["at least 1.2bn = 1200000000 - count at least"]),
    ("0.9 trillion cubic feet", &["0.9 trillion = 900000000000 - count -"]),
    ("a thousand pandas", &["a thousand = 1000 - count -"]),
    ("1,674.5 million", &["1,674.5 million = 1674500000 - count -"]),
    ("- 10  k", &["- 10  k = -10000 - count -"]),
    // a scale joined by a hyphen, as South African and Canadian papers write it
    ("a $383-million deal", &["$383-million = 383000000 usd money -"]),
    ("cuts of R7.5-billion", &["r7.5-billion = 7500000000 zar money -"]),
    // a currency joined to the scale by a hyphen, as wire copy writes it
    ("a 90m-euro loss", &["90m-euro = 90000000 eur money -"]),
    ("a 40m-long wall", &["40 = 40 - count -"]),
];

#[test]
fn scales() {
    check(SCALES);
}

const NUMBER_WORDS: Rows = &[
    ("Three ministers resigned.", &["three = 3 - count -"]),
    ("Twenty-one people were hurt.", &["twenty-one = 21 - count -"]),
    ("A dozen ministers attended.", &["a dozen = 12 - count -"]),
    ("half a dozen", &["half a dozen = 6 - count -"]),
    ("three hundred and two dozens", &["three hundred and two dozens = 324 - count -"]),
    ("Half of the planned projects", &["half = 0.5 - count -"]),
    ("a third of voters", &["a third = 0.333333 - count -"]),
    ("About a quarter of the budget", &["about a quarter = 0.25 - count about"]),
    ("Around two-thirds of the revenue", &["around two-thirds = 0.666667 - count around"]),
    ("Sales fell by one-fifth.", &["one-fifth = 0.2 - count -"]),
    ("one-hundredth of a share", &["one-hundredth = 0.01 - count -"]),
    ("The firm still has three quarters to go.", &["three = 3 - count -"]),
    ("Profit rose in the past three quarters.", &["three = 3 - count -"]),
    ("Sales fell by three quarters.", &["three quarters = 0.75 - count -"]),
    ("Nearly three quarters are in debt.", &["nearly three quarters = 0.75 - count nearly"]),
    ("three quarters billion us dollars", &["three quarters billion us dollars = 750000000 usd money -"]),
    ("one and a half million", &["one and a half million = 1500000 - count -"]),
    ("one hundred and sixty-one", &["one hundred and sixty-one = 161 - count -"]),
    ("twenty-one trillion and three hundred", &["twenty-one trillion and three hundred = 21000000000300 - count -"]),
    ("two  thousand  and  two hundred", &["two  thousand  and  two hundred = 2200 - count -"]),
    ("fifty - two", &["fifty - two = 52 - count -"]),
    ("between negative ten and fifteen", &["negative ten = -10 - count -", "fifteen = 15 - count -"]),
    ("zero is 0", &["zero = 0 - count -", "0 = 0 - count -"]),
    ("Let's try one last time", &["one = 1 - count -"]),
    ("The one you mentioned is invalid", &[]),
    ("That one is really good", &[]),
    ("that one mile", &["one = 1 - count -"]),
    ("six poles, this one included", &["six = 6 - count -"]),
    ("she won that one easily", &[]),
    ("a third term in office", &[]),
    // a fraction compared by, or what a change was by
    ("a third more parcels than", &["a third = 0.333333 - count -"]),
    ("leapt by a fifth in the third quarter", &["a fifth = 0.2 - count -"]),
    ("fell in a quarter in which sales rose", &[]),
    ("beaten by a third party in May", &[]),
    ("the second half of the year", &[]),
    ("the worst in five quarters", &["five = 5 - count -"]),
    ("over two halves", &["over two = 2 - count over"]),
    ("twenty fifths", &["twenty fifths = 4 - count -"]),
    ("two thousands years", &["two thousands = 2000 - count -"]),
];

#[test]
fn number_words() {
    check(NUMBER_WORDS);
}

const RANGES: Rows = &[
    ("the dollar traded at ¥105.20-25", &["¥105.20 = 105.2 jpy money -", "25 = 105.25 jpy money -"]),
    ("the euro at $1.2210-2215", &["$1.2210 = 1.221 usd money -", "2215 = 1.2215 usd money -"]),
    ("shares at £1.25-10 each", &["£1.25 = 1.25 gbp money -", "10 = 10 gbp money -"]),
    ("between 40% and 45%", &["40% = 40 % percent -", "45% = 45 % percent -"]),
    ("between 40 and 45%", &["40 = 40 % percent -", "45% = 45 % percent -"]),
    ("sold at 1345c a kg", &["1345c = 13.45 usd money -"]),
    ("selling at 980c/kg", &["980c = 9.8 usd money -"]),
    ("temperatures hit 40c on Monday", &["40 = 40 - count -"]),
    ("coffee at Sh412 a kilo", &["Sh412 = 412 kes money -"]),
    ("in a range of 71.34 and 72.68 cents", &["71.34 = 0.7134 usd money -", "72.68 cents = 0.7268 usd money -"]),
    ("seven to nine years", &["seven = 7 - count -", "nine = 9 - count -"]),
    ("from 13.8% to 15% from April", &["13.8% = 13.8 % percent -", "15% = 15 % percent -"]),
    ("7,500-10,000 soldiers", &["7,500 = 7500 - count -", "10,000 = 10000 - count -"]),
    ("£2-3bn a year", &["£2 = 2000000000 gbp money -", "3bn = 3000000000 gbp money -"]),
    ("4,172 - 5.1% - were late", &["4,172 = 4172 - count -", "5.1% = 5.1 % percent -"]),
    ("10 - 12% of staff", &["10 = 10 % percent -", "12% = 12 % percent -"]),
    ("5k-20k", &["5k = 5000 - count -", "20k = 20000 - count -"]),
    ("3 to 4 million", &["3 = 3000000 - count -", "4 million = 4000000 - count -"]),
    (
        "fell 11.2 per cent to 58.6 million tonnes",
        &["11.2 per cent = 11.2 % percent -", "58.6 million = 58600000 - count -"],
    ),
    ("rose by 9 percent to 116,000", &["9 percent = 9 % percent -", "116,000 = 116000 - count -"]),
    ("between $46 and $48 billion", &["$46 = 46000000000 usd money -", "$48 billion = 48000000000 usd money -"]),
    ("from €3 to €4.5bn", &["€3 = 3000000000 eur money -", "€4.5bn = 4500000000 eur money -"]),
    ("in the range of 51 to 53 cents", &["51 = 0.51 usd money -", "53 cents = 0.53 usd money -"]),
    // a rate moved by points is moved by percentage points; an index's points and points held are counts
    ("cut its rate by 0.5 point to 3 percent", &["0.5 point = 0.5 pp percent -", "3 percent = 3 % percent -"]),
    ("a 4.5-per-cent rise", &["4.5-per-cent = 4.5 % percent -"]),
    ("The index fell 4 points, or 0.6%", &["4 = 4 - count -", "0.6% = 0.6 % percent -"]),
    ("has 3 points and a 40% win rate", &["3 = 3 - count -", "40% = 40 % percent -"]),
    ("between 20 and 30p a share", &["20 = 0.2 gbp money -", "30p = 0.3 gbp money -"]),
    ("between 3% and $4bn", &["3% = 3 % percent -", "$4bn = 4000000000 usd money -"]),
    ("from 3 million to 4%", &["3 million = 3000000 - count -", "4% = 4 % percent -"]),
    // `over` after a number sets one against the other
    ("won with 5,210 votes over 4,870 for Ash", &["5,210 = 5210 - count -", "4,870 = 4870 - count -"]),
    ("just over 4,870 votes", &["just over 4,870 = 4870 - count just over"]),
    // a move to a level is no range: the level's scale is its own
    ("claimants fell 3,000 to 1.58 million", &["3,000 = 3000 - count -", "1.58 million = 1580000 - count -"]),
    ("sales rose £300 to £2.5bn", &["£300 = 300 gbp money -", "£2.5bn = 2500000000 gbp money -"]),
    ("fell from 4 to 3 million", &["4 = 4000000 - count -", "3 million = 3000000 - count -"]),
];

#[test]
fn ranges() {
    check(RANGES);
}

const LISTS: Rows = &[
    ("£10 and 16 billion respectively", &["£10 = 10000000000 gbp money -", "16 billion = 16000000000 gbp money -"]),
    ("5.50 and 6.0 per cent respectively", &["5.50 = 5.5 % percent -", "6.0 per cent = 6 % percent -"]),
    (
        "2.1, 3.4, and 5 per cent, respectively",
        &["2.1 = 2.1 % percent -", "3.4 = 3.4 % percent -", "5 per cent = 5 % percent -"],
    ),
    ("£3bn and 40 staff", &["£3bn = 3000000000 gbp money -", "40 = 40 - count -"]),
    ("4% and $5bn respectively", &["4% = 4 % percent -", "$5bn = 5000000000 usd money -"]),
    (
        "beat Chelsea 4-1 and then drew 1-1",
        &["4 = 4 - count -", "1 = 1 - count -", "1 = 1 - count -", "1 = 1 - count -"],
    ),
    ("Leeds 2–3 in the cup", &["2 = 2 - count -", "3 = 3 - count -"]),
    ("Brighton 3 – 3 Brentford", &["3 = 3 - count -", "3 = 3 - count -"]),
];

#[test]
fn lists() {
    check(LISTS);
}

const YEARS_DATES_AND_TIMES: Rows = &[
    // a year before a plural after `the`: a count that large has its comma
    ("convicted in the 2011 killings of two men", &["2011 = 2011 - year -", "two = 2 - count -"]),
    ("she won the 1500 metres", &["1500 = 1500 - count -"]),
    ("in 1993, 25 grants", &["1993 = 1993 - year -", "25 = 25 - count -"]),
    ("the first hold since 2022.", &["2022 = 2022 - year -"]),
    ("the 2022 election", &["2022 = 2022 - year -"]),
    // a year after a name is a year, not a model number
    ("rice procured during KMS 2015-16", &["2015-16 = 2015 - year -"]),
    ("the Euro 2020 final", &["2020 = 2020 - year -"]),
    ("Budget 2016 cut the deficit", &["2016 = 2016 - year -"]),
    // a year joined to a year, before a plural: `the 2022 and 2023 worlds`
    ("won the 2022 and 2023 worlds", &["2022 = 2022 - year -", "2023 = 2023 - year -"]),
    ("its 2020 accounts", &["2020 = 2020 - year -"]),
    ("very weak over 2009", &["2009 = 2009 - year -"]),
    ("2000 troops", &["2000 = 2000 - count -"]),
    // what a year's numbers are measured against
    ("cut emissions 40% from 1990 levels", &["40% = 40 % percent -", "1990 = 1990 - year -"]),
    ("oil at 24.7 U.S. dollars a barrel", &["24.7 U.S. dollars = 24.7 usd money -"]),
    ("on June 13", &["june 13 = --06-13 - date -"]),
    ("from 1 March", &["1 march = --03-01 - date -"]),
    ("on 17 February 2025", &["17 february 2025 = 2025-02-17 - date -"]),
    ("born May 8, 1945.", &["may 8, 1945 = 1945-05-08 - date -"]),
    ("in March 2022", &["march 2022 = 2022-03 - date -"]),
    ("on 2025-03-03", &["2025-03-03 = 2025-03-03 - date -"]),
    ("the 4th of July", &["4th of july = --07-04 - date -"]),
    ("at 9:30 p.m.", &["9:30 p.m. = 21:30 - time -"]),
    ("at 9.30pm", &["9.30pm = 21:30 - time -"]),
    ("at 14:05", &["14:05 = 14:05 - time -"]),
    ("by 12 am", &["12 am = 00:00 - time -"]),
    ("in 2029-30", &["2029-30 = 2029 - year -"]),
    ("the 2030s", &["2030s = 2030 - year -"]),
    ("the 1990's", &["1990's = 1990 - year -"]),
    ("in mid-2022", &["2022 = 2022 - year -"]),
    ("in March", &[]),
    ("the 21st century", &["21st = 21 - ordinal -"]),
    ("The Czech 13th seed lost.", &["13th = 13 - ordinal -"]),
    ("in 2024-’25 and 2025-'26", &["2024-’25 = 2024 - year -", "2025-'26 = 2025 - year -"]),
    ("The vote is on 17 June.", &["17 june = --06-17 - date -"]),
    ("It ended on June 17.", &["june 17 = --06-17 - date -"]),
    ("It opens in May.", &[]),
    ("It opens in May 2026.", &["may 2026 = 2026-05 - date -"]),
    ("It was due on Sept. 5.", &["sept. 5 = --09-05 - date -"]),
    ("Polls close at 9pm.", &["9pm = 21:00 - time -"]),
    ("Polls close at 9:30 p.m.", &["9:30 p.m. = 21:30 - time -"]),
];

#[test]
fn years_dates_and_times() {
    check(YEARS_DATES_AND_TIMES);
}

const WIRE_TIMES: Rows = &[
    ("Gold rose at 0925 GMT", &["0925 gmt = 09:25 - time -"]),
    ("down 2% by 0807 GMT.", &["2% = 2 % percent -", "0807 gmt = 08:07 - time -"]),
    ("due at 1430 BST", &["1430 bst = 14:30 - time -"]),
    ("from 0600 ET", &["0600 et = 06:00 - time -"]),
    ("at 2359 UTC", &["2359 utc = 23:59 - time -"]),
    ("at 0925GMT", &["0925gmt = 09:25 - time -"]),
    ("2460 GMT", &["2460 = 2460 - count -"]),
];

#[test]
fn wire_times() {
    check(WIRE_TIMES);
}

const RANGES_OF_DAYS: Rows = &[
    ("The fair runs Dec. 4-10.", &["dec. 4 = --12-04 - date -", "10 = --12-10 - date -"]),
    ("Nov 4-10", &["nov 4 = --11-04 - date -", "10 = --11-10 - date -"]),
    ("from 4-10 December", &["4 = --12-04 - date -", "10 december = --12-10 - date -"]),
    (
        "from 20 November to 17 December 2023",
        &["20 november = 2023-11-20 - date -", "17 december 2023 = 2023-12-17 - date -"],
    ),
    (
        "from 28 December to 3 January 2024",
        &["28 december = 2023-12-28 - date -", "3 january 2024 = 2024-01-03 - date -"],
    ),
    ("June 30-45 people", &["june 30 = --06-30 - date -", "45 = 45 - count -"]),
    ("on Feb. 27-29", &["feb. 27 = --02-27 - date -", "29 = --02-29 - date -"]),
];

#[test]
fn ranges_of_days() {
    check(RANGES_OF_DAYS);
}

const HEDGES: Rows = &[
    // a score against par: the word ends a compound, and hedges nothing
    ("closed with a 2-under 69", &["2 = 2 - count -", "69 = 69 - count -"]),
    // whom a win was over, not a bound
    ("a clear victory over 40-1 chance Grey Fox", &["40 = 40 - count -", "1 = 1 - count -"]),
    ("a lead of over 40 points", &["over 40 = 40 - count over"]),
    // an article between the hedge and digits
    ("roughly a 35-mile drive", &["roughly a 35 = 35 - count roughly"]),
    ("about an 8% rise", &["about an 8% = 8 % percent about"]),
    ("over a 10-year period", &["10 = 10 - count -"]),
    ("a 35-mile drive", &["35 = 35 - count -"]),
    ("about 300", &["about 300 = 300 - count about"]),
    ("close to 300 staff", &["close to 300 = 300 - count close to"]),
    ("rose from Friday's close to 1.25%", &["1.25% = 1.25 % percent -"]),
    ("fell at the close to 6,120 points", &["6,120 = 6120 - count -"]),
    ("around 300", &["around 300 = 300 - count around"]),
    ("roughly 300", &["roughly 300 = 300 - count roughly"]),
    ("approximately 300", &["approximately 300 = 300 - count approximately"]),
    ("Some 1,200 companies", &["some 1,200 = 1200 - count some"]),
    ("Nearly 2 million", &["nearly 2 million = 2000000 - count nearly"]),
    ("almost 60%", &["almost 60% = 60 % percent almost"]),
    ("More than 40,000 troops", &["more than 40,000 = 40000 - count more than"]),
    ("over 40,000", &["over 40,000 = 40000 - count over"]),
    ("upwards of 100,000", &["upwards of 100,000 = 100000 - count upwards of"]),
    ("at least 45GW", &["at least 45 = 45 - count at least"]),
    ("Up to 700 jobs", &["up to 700 = 700 - count up to"]),
    ("Fewer than 300 applications", &["fewer than 300 = 300 - count fewer than"]),
    ("less than 15 %", &["less than 15 % = 15 % percent less than"]),
    ("An estimated 4,500 households", &["an estimated 4,500 = 4500 - count an estimated"]),
    ("about £32bn more than expected", &["about £32bn = 32000000000 gbp money about"]),
    ("Inflation is probably 3%.", &["probably 3% = 3 % percent probably"]),
    ("Probably 300 people came.", &["probably 300 = 300 - count probably"]),
    ("Near 300 people came.", &["near 300 = 300 - count near"]),
    ("near 5.1% a year", &["near 5.1% = 5.1 % percent near"]),
    ("prices near $80", &["near $80 = 80 usd money near"]),
    ("Nearly 400 jobs", &["nearly 400 = 400 - count nearly"]),
    ("just under 10%", &["just under 10% = 10 % percent just under"]),
    ("just over 5,000m", &["just over 5,000 = 5000 - count just over"]),
    ("well over 20 years", &["well over 20 = 20 - count well over"]),
    ("under £5", &["under £5 = 5 gbp money under"]),
    ("below 3%", &["below 3% = 3 % percent below"]),
    ("above 40%", &["above 40% = 40 % percent above"]),
    ("as much as $10", &["as much as $10 = 10 usd money as much as"]),
    ("as many as 40 people", &["as many as 40 = 40 - count as many as"]),
    ("in excess of 500 jobs", &["in excess of 500 = 500 - count in excess of"]),
    ("over 100 people", &["over 100 = 100 - count over"]),
    ("ran under 10 seconds", &["under 10 = 10 - count under"]),
    ("The toll has gone up to 15.", &["15 = 15 - count -"]),
    (
        "The fare is now \u{a3}2.10, up to \u{a3}1.90 from \u{a3}1.80 last year.",
        &["\u{a3}2.10 = 2.1 gbp money -", "\u{a3}1.90 = 1.9 gbp money -", "\u{a3}1.80 = 1.8 gbp money -"],
    ),
    ("It may cost up to 15 dollars.", &["up to 15 dollars = 15 usd money up to"]),
];

#[test]
fn hedges() {
    check(HEDGES);
}

const DISTANCES_AND_RACES: Rows = &[
    ("She won gold over 5,000m.", &["5,000 = 5000 - count -"]),
    ("the 10,000m final", &["10,000 = 10000 - count -"]),
    ("a 1500m heat", &["1500 = 1500 - count -"]),
    ("three 100m titles", &["three = 3 - count -", "100 = 100 - count -"]),
    ("with 600m remaining", &["600 = 600 - count -"]),
    ("the 400m hurdles", &["400 = 400 - count -"]),
    ("a flat below 20km of road", &["20 = 20 - count -"]),
    ("5,000m euros", &["5,000m euros = 5000000000 eur money -"]),
    ("£5,000m", &["£5,000m = 5000000000 gbp money -"]),
    ("2m people", &["2m = 2000000 - count -"]),
    // a goal's minute after the scorer's name, marked with a prime
    ("Goals: Alvarez 17′, Greenwood 60′", &["17 = 17 - count -", "60 = 60 - count -"]),
    // a results line gives each side its score
    ("NORTHPORT 84 def EASTVALE 71", &["84 = 84 - count -", "71 = 71 - count -"]),
    ("Harbour City 3 v Dunmore 1.", &["3 = 3 - count -", "1 = 1 - count -"]),
    ("Northport 41, No. 7 Eastvale 10", &["41 = 41 - count -", "10 = 10 - count -"]),
    ("knocking out Vera Lind 2:47 of the first round", &["2:47 = 02:47 - time -"]),
    ("Windows 10, Office 365", &[]),
    // an Australian rules score: goals and behinds, then the points they make
    (
        "Eastvale scored 8.23 (71) to 12.12 (84).",
        &[
            "8 = 8 - count -",
            "23 = 23 - count -",
            "71 = 71 - count -",
            "12 = 12 - count -",
            "12 = 12 - count -",
            "84 = 84 - count -",
        ],
    ),
    ("The rate was 2.5 (15) points.", &["2.5 = 2.5 - count -", "15 = 15 - count -"]),
];

#[test]
fn distances_and_races() {
    check(DISTANCES_AND_RACES);
}

const NOT_QUANTITIES: Rows = &[
    // a web address names a page: its digits state nothing
    ("see https://example.org/deal-gbp3bn-2024/ for 3%", &["3% = 3 % percent -"]),
    ("up 4% (www.example.org/2024/03/15).", &["4% = 4 % percent -"]),
    ("G7 leaders discussed the F-16 deliveries and the COVID-19 inquiry.", &[]),
    ("The airline grounded its Boeing 737 fleet.", &[]),
    // a name before a number and an adjective before its noun: a count
    ("giving Velora 11 gold medals", &["11 = 11 - count -"]),
    // `and` after a name's number joins it to the next name
    ("winning the Valley League, District 14 and TSAA crowns", &[]),
    ("printed on A4 paper", &[]),
    ("a 5G network and 3D printers", &[]),
    ("the first and second rounds", &[]),
    ("Hundreds of soldiers and dozens of tanks; thousands fled.", &[]),
    ("It fell by several hundred; a few hundred thousand fled.", &[]),
    ("He signed several three-year deals.", &["three = 3 - count -"]),
    ("he lives at No. 10", &[]),
    ("issue #42", &[]),
    ("the file seeds/000_efa7916b03e9017c.txt and item_12", &[]),
    ("a next of kin", &[]),
    ("an", &[]),
    ("The B.1.1.7 variant", &[]),
    ("BA.2.86 and XBB.1.5 spread", &[]),
    ("JN.1 grew and B.1.617.2 waned", &[]),
    ("a fleet of Boeing 737-800 jets", &[]),
    ("the Boeing 737 jets", &[]),
    ("'We will buy the Boeing 737', he said", &[]),
    ("FTSEurofirst 300 falls 1.3 percent", &["1.3 percent = 1.3 % percent -"]),
    ("The iPod, its one-time star, sold badly after a one-off payment.", &[]),
    ("He was one of the plaintiff's lawyers, and one of them spoke.", &[]),
    ("He was jailed for three-and-a-half years.", &["three-and-a-half = 3.5 - count -"]),
    (
        "It fell from 652.3 million tonnes in 2006 to 639.4m in 2007.",
        &[
            "652.3 million = 652300000 - count -",
            "2006 = 2006 - year -",
            "639.4m = 639400000 - count -",
            "2007 = 2007 - year -",
        ],
    ),
    ("He ran the 400m and then the 800m.", &["400 = 400 - count -", "800 = 800 - count -"]),
    ("One of the 12 victims died.", &["One = 1 - count -", "12 = 12 - count -"]),
    ("France won over Six Nations champions Ireland.", &[]),
    // a title-case headline counts, even with a small word before the number
    ("Storm Kills Six People In Texas", &["six = 6 - count -"]),
    ("Variant Now Confirmed in Eight States", &["eight = 8 - count -"]),
    ("The two-time champion won.", &["two = 2 - count -"]),
];

#[test]
fn not_quantities() {
    check(NOT_QUANTITIES);
}

const UNITS_OUTSIDE_THE_MENTION: Rows = &[
    // a race's distance before the words of a race: metres, not millions
    ("smashes 100m world record", &["100 = 100 - count -"]),
    ("a 400m specialist", &["400 = 400 - count -"]),
    ("won the 400m individual medley", &["400 = 400 - count -"]),
    // a name before a count is no model's: `took Harwick 14 games`
    ("It took Harwick 14 games to win", &["14 = 14 - count -"]),
    // both ends of an age band joined by `-to-`
    ("the population 45-to-54-years-old", &["45 = 45 - count -", "54 = 54 - count -"]),
    // a verb after a year-shaped number leaves it a year
    ("reaches a record, Census 2010 shows", &["2010 = 2010 - year -"]),
    ("2m individual savers", &["2m = 2000000 - count -"]),
    // a number in words holds its own scale: no range gives it another
    ("rise from four million to 7.2 million", &["four million = 4000000 - count -", "7.2 million = 7200000 - count -"]),
    ("passed the 10m mark", &["10m = 10000000 - count -"]),
    // a number in brackets after `percentage` is one; the word is outside the mention
    ("grew the most in terms of percentage (35.1), and", &["35.1 = 35.1 % percent -"]),
    ("a percentage (35.1 in all)", &["35.1 = 35.1 - count -"]),
    ("75ml", &["75 = 75 - count -"]),
    ("from 14.7 GW today", &["14.7 = 14.7 - count -"]),
    ("a 10-gallon cooler", &["10 = 10 - count -"]),
    ("a six-mile trip", &["six = 6 - count -"]),
    ("24703m2", &["24703 = 24703 - count -"]),
    ("- 20 degrees fahrenheit", &["- 20 = -20 - count -"]),
    ("convert - 20 degrees fahrenheit", &["- 20 = -20 - count -"]),
    ("the troops - 100,000 of them - left", &["100,000 = 100000 - count -"]),
];

#[test]
fn units_outside_the_mention() {
    check(UNITS_OUTSIDE_THE_MENTION);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// On any text the scanner returns ordered, non-overlapping spans that
    /// slice the text on character boundaries.
    #[test]
    fn spans_slice_any_text(text in "\\PC*") {
        assert_spans_ok(&text);
    }

    /// Texts made of the scanner's own vocabulary reach its deep cases.
    #[test]
    fn spans_slice_number_like_text(words in proptest::collection::vec(prop_oneof![
        Just("one"), Just("twenty"), Just("-"), Just("hundred"), Just("and"), Just("a"), Just("half"),
        Just("thousand"), Just("million"), Just("dozen"), Just("thirds"), Just("£"), Just("$"), Just("US"),
        Just("%"), Just("per"), Just("cent"), Just("bn"), Just("m"), Just("k"), Just("p"), Just("."),
        Just(","), Just(":"), Just("/"), Just("June"), Just("May"), Just("about"), Just("more"), Just("than"),
        Just("between"), Just("to"), Just("pm"), Just("a.m."), Just("s"), Just("'"), Just("No"),
        Just("Boeing"), Just("F"), Just("2022"), Just("13"), Just("2.5"), Just("100,000"), Just("0"),
        Just("99999999999999999999999999999999"), Just("é"), Just("元"), Just("\u{FEFF}"),
        Just("١٢٣"), Just("٫"), Just("٬"), Just("１２"), Just("\u{00A0}"), Just("crore"), Just("lakh"),
        Just("bp"), Just("GMT"), Just("respectively"), Just("¥"), Just("kr"), Just("Rs"), Just("Dec."),
        Just("Six"), Just("Nations"), Just("quarters"), Just("gone"), Just("’"), Just("time"), Just("off"),
        Just("hundredth"), Just("th"), Just("Czech"),
    ], 0..14), glue in proptest::collection::vec(any::<bool>(), 14)) {
        let mut text = String::new();
        for (w, glued) in words.iter().zip(&glue) {
            if !glued { text.push(' '); }
            text.push_str(w);
        }
        assert_spans_ok(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Digits of any script, with their separators, read as numbers.
    #[test]
    fn spans_slice_digits_of_any_script(text in "[0-9٠-٩۰-۹०-९０-９၀-၉𝟎-𝟿٫٬,. \u{00A0}\u{202F}%a-z]{0,40}") {
        assert_spans_ok(&text);
    }
}

fn assert_spans_ok(text: &str) {
    let mut previous_end = 0;
    for m in scan(text) {
        assert!(m.span.start < m.span.end, "empty span in {text:?}");
        assert!(m.span.start >= previous_end, "overlapping spans in {text:?}");
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end), "{text:?}");
        let slice = &text[m.span.clone()];
        assert_eq!(slice, slice.trim(), "span with outer white space in {text:?}");
        previous_end = m.span.end;
    }
}
