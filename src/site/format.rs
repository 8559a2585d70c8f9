//! How figures read on the page. Numbers are formatted here, in Rust, not in
//! templates, so that the published text is exactly what the published-number
//! check reads back: `100,000 troops`, `2.3%`, `£40bn`, `10.3p`, `4.1pp`.
//!
//! Formatting never rounds: a figure is published at the precision its value
//! has, and reads back (with [`crate::numbers::scan`]) as the same value and unit.

use rust_decimal::Decimal;

use crate::sheet::{FactUnit, FigureValue};

/// A figure as published: `upwards of 100,000 troops`, `approximately 2.3%`,
/// `1 April 2025`.
pub fn figure(value: &FigureValue, unit: Option<&FactUnit>, qualifier: Option<&str>) -> String {
    let number = match value {
        FigureValue::Number(n) => number(*n, unit),
        FigureValue::Date(iso) => date(iso),
        FigureValue::Time(time) => time.clone(),
    };
    match qualifier.map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) => format!("{q} {number}"),
        None => number,
    }
}

fn number(value: Decimal, unit: Option<&FactUnit>) -> String {
    match unit {
        Some(FactUnit::Percent) => format!("{}%", plain(value)),
        Some(FactUnit::PercentagePoints) => format!("{}pp", plain(value)),
        Some(FactUnit::BasisPoints) => format!("{}bp", plain(value)),
        Some(FactUnit::Year) => plain(value),
        Some(FactUnit::Currency(code)) => money(value, code),
        Some(FactUnit::Noun(noun)) => format!("{} {noun}", count(value)),
        None => count(value),
    }
}

/// A decimal without trailing zeros: `2.30` is `2.3`.
fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

/// Digits in groups of three: `100,000`, `1,234.5`, `-12,000`.
pub fn grouped(value: Decimal) -> String {
    group_digits(&plain(value))
}

/// Groups the whole part of a decimal written out: `1234.50` → `1,234.50`.
fn group_digits(text: &str) -> String {
    let (sign, digits) = text.strip_prefix('-').map_or(("", text), |d| ("-", d));
    let (whole, fraction) = digits.split_once('.').map_or((digits, None), |(w, f)| (w, Some(f)));
    let mut out = String::with_capacity(text.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// A count: `100,000`; a whole number of millions or more in words when it
/// stays exact with at most three decimals (`1.5 million`).
fn count(value: Decimal) -> String {
    for (power, word) in [(12, "trillion"), (9, "billion"), (6, "million")] {
        if let Some(short) = shortened(value, power) {
            return format!("{short} {word}");
        }
    }
    grouped(value)
}

/// `value / 10^power` when it is at least 1 and needs no more than three decimals.
fn shortened(value: Decimal, power: u32) -> Option<String> {
    let scale = Decimal::from_i128_with_scale(10i128.pow(power), 0);
    if value.abs() < scale {
        return None;
    }
    let short = (value / scale).normalize();
    (short.scale() <= 3 && short * scale == value).then(|| short.to_string())
}

/// Money as British news writes it: `£40bn`, `$3.4tn`, `€1.2m`, `£12.21`,
/// `£60,000`; a sum under one pound or dollar in pence or cents (`10.3p`,
/// `50¢`); a currency without a symbol goes first as its code: `CHF 40bn`.
fn money(value: Decimal, code: &str) -> String {
    let (sign, value) = if value.is_sign_negative() { ("-", -value) } else { ("", value) };
    let minor = match code {
        "GBP" => Some("p"),
        "USD" => Some("¢"),
        _ => None,
    };
    if let Some(minor) = minor
        && !value.is_zero()
        && value < Decimal::ONE
    {
        return format!("{sign}{}{minor}", plain(value * Decimal::ONE_HUNDRED));
    }
    // the currencies written after the number, as their holders write them
    match code {
        "KR" => return format!("{sign}{} kr", group_digits(&plain(value))),
        "SAT" => return format!("{sign}{} sats", group_digits(&plain(value))),
        _ => {}
    }
    // a symbol takes the sign before it (`-£3m`), a code after it (`SEK -12.6m`)
    let prefix = match code {
        "GBP" => format!("{sign}£"),
        "USD" => format!("{sign}$"),
        "EUR" => format!("{sign}€"),
        other => format!("{other} {sign}"),
    };
    for (power, suffix) in [(12, "tn"), (9, "bn"), (6, "m")] {
        if let Some(short) = shortened(value, power) {
            return format!("{prefix}{short}{suffix}");
        }
    }
    // a sum with pence or cents shows at least two places (£12.50), and every place it has
    let value = value.normalize();
    let amount = if value.fract().is_zero() || value.scale() >= 2 { value.to_string() } else { format!("{value:.2}") };
    format!("{prefix}{}", group_digits(&amount))
}

/// A date of a fact sheet (`2025-02-17`) as a reader reads it: `17 February
/// 2025`; a month (`2025-04`): `April 2025`.
pub fn date(iso: &str) -> String {
    if let Some(day) = iso.strip_prefix("--") {
        // a day without a year, as the text gives it: `3 May`
        let full = date(&format!("0-{day}"));
        return full.strip_suffix(" 0").map_or_else(|| iso.to_string(), str::to_string);
    }
    let mut parts = iso.split('-');
    let (Some(y), Some(m)) = (parts.next(), parts.next()) else {
        return iso.to_string();
    };
    let Some(month) = m.parse::<usize>().ok().and_then(|m| crate::numbers::MONTH_NAMES.get(m.wrapping_sub(1))) else {
        return iso.to_string();
    };
    match parts.next().map(str::parse::<u32>) {
        None => format!("{month} {y}"),
        Some(Ok(d)) if parts.next().is_none() => format!("{d} {month} {y}"),
        Some(_) => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn n(s: &str) -> FigureValue {
        FigureValue::Number(d(s))
    }

    #[test]
    fn figures_as_published() {
        let gbp = FactUnit::Currency("GBP".into());
        let usd = FactUnit::Currency("USD".into());
        let eur = FactUnit::Currency("EUR".into());
        let chf = FactUnit::Currency("CHF".into());
        let troops = FactUnit::Noun("troops".into());
        let rows: &[(&str, Option<&FactUnit>, Option<&str>, &str)] = &[
            ("100000", Some(&troops), Some("upwards of"), "upwards of 100,000 troops"),
            ("2.3", Some(&FactUnit::Percent), Some("approximately"), "approximately 2.3%"),
            ("2.50", Some(&FactUnit::Percent), None, "2.5%"),
            ("4.1", Some(&FactUnit::PercentagePoints), None, "4.1pp"),
            ("25", Some(&FactUnit::BasisPoints), None, "25bp"),
            ("2017", Some(&FactUnit::Year), None, "2017"),
            ("40000000000", Some(&gbp), None, "£40bn"),
            ("127500000000", Some(&gbp), None, "£127.5bn"),
            ("3400000000000", Some(&usd), None, "$3.4tn"),
            ("1200000", Some(&eur), None, "€1.2m"),
            ("12.21", Some(&gbp), None, "£12.21"),
            ("12.5", Some(&gbp), None, "£12.50"),
            ("12.505", Some(&gbp), None, "£12.505"),
            ("0.103", Some(&gbp), None, "10.3p"),
            ("0.104", Some(&gbp), None, "10.4p"),
            ("0.03", Some(&gbp), None, "3p"),
            ("0.065", Some(&gbp), None, "6.5p"),
            ("-0.103", Some(&gbp), None, "-10.3p"),
            ("0.5", Some(&usd), None, "50¢"),
            ("0.5", Some(&eur), None, "€0.50"),
            ("0.065", Some(&eur), None, "€0.065"),
            ("0", Some(&gbp), None, "£0"),
            ("60000", Some(&gbp), None, "£60,000"),
            ("1234567891", Some(&gbp), None, "£1,234,567,891"),
            ("40000000000", Some(&chf), None, "CHF 40bn"),
            ("1500000", None, Some("some"), "some 1.5 million"),
            ("12", None, None, "12"),
            ("1234.5", None, None, "1,234.5"),
            ("-12000", None, None, "-12,000"),
            ("0.67", None, None, "0.67"),
        ];
        for (value, unit, qualifier, expected) in rows {
            assert_eq!(figure(&n(value), *unit, *qualifier), *expected, "{value} {unit:?}");
        }
        assert_eq!(figure(&FigureValue::Date("2025-04-01".into()), None, Some("from")), "from 1 April 2025");
        assert_eq!(figure(&FigureValue::Date("2026-03".into()), None, None), "March 2026");
        assert_eq!(figure(&FigureValue::Date("--05-03".into()), None, None), "3 May");
    }

    /// Every money, percent and count mention of the scanner's own cases,
    /// published as a figure, reads back as the same value and unit.
    #[test]
    fn every_form_the_scanner_reads_is_published_as_it_reads_back() {
        use crate::numbers::{Kind, Value, scan};
        let mut failures = Vec::new();
        let mut published = 0;
        for rows in crate::numbers::tests::TABLES {
            for (input, _) in *rows {
                for m in scan(input) {
                    let Value::Number(value) = m.value else { continue };
                    if !matches!(m.kind, Kind::Count | Kind::Percent | Kind::Money) {
                        continue;
                    }
                    published += 1;
                    let unit = FactUnit::of(m.unit);
                    let shown = figure(&FigureValue::Number(value), unit.as_ref(), None);
                    let back = scan(&shown);
                    if !(back.len() == 1 && back[0].value == m.value && back[0].unit == m.unit) {
                        failures.push(format!("{input:?}: {value} {:?} published as {shown:?}", m.unit));
                    }
                }
            }
        }
        assert!(published > 200, "only {published} mentions published");
        assert!(failures.is_empty(), "{} of {published} do not read back:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn dates_read_as_words() {
        assert_eq!(date("2025-02-17"), "17 February 2025");
        assert_eq!(date("2025-04"), "April 2025");
        assert_eq!(date("not a date"), "not a date");
        assert_eq!(date("2025-13-01"), "2025-13-01");
    }
}
