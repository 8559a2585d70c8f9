//! Decimal digits: the value of a digit in any script (`١٢٣`, `１２３`,
//! `१२३`), and the exact value of a number's digits — a decimal when one can
//! hold it, and otherwise the digits themselves, so that no number is lost
//! to its size.
//!
//! It knows nothing of words, units or group separators: the tokenizer finds
//! the digits and the reader hands them here as ASCII.

use rust_decimal::Decimal;

use super::Value;

/// The zero of every run of decimal digits outside ASCII: the characters of
/// Unicode general category `Nd` (Unicode 17) come in runs of ten, 0 to 9,
/// from such a zero. The runs do not all start at a multiple of 16
/// (Devanagari's zero is U+0966), so the zeros are listed. Made from
/// `UnicodeData.txt` as the code points of category `Nd` with decimal value 0.
const ZEROS: [u32; 76] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50,
    0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50,
    0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0,
    0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950,
    0x11BF0, 0x11C50, 0x11D50, 0x11DA0, 0x11DE0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// The value of `c` as a decimal digit of any script.
pub(super) fn digit_value(c: char) -> Option<u32> {
    let code = c as u32;
    if code < 0x80 {
        return c.to_digit(10);
    }
    let zero = ZEROS[ZEROS.partition_point(|z| *z <= code).checked_sub(1)?];
    let value = code - zero;
    (value < 10).then_some(value)
}

/// The byte length of the decimal digit at byte `i` of `text`, if one stands there.
pub(super) fn digit_len_at(text: &str, i: usize) -> Option<usize> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii_digit() {
        return Some(1);
    }
    if b < 0x80 {
        return None;
    }
    let c = text.get(i..)?.chars().next()?;
    digit_value(c).map(|_| c.len_utf8())
}

/// The largest power of ten a decimal multiplies by exactly in one step.
const MAX_POWER: u32 = 28;

/// The exact value of `digits`: ASCII digits with at most one `.`, an
/// optional leading `-`, no group separators. A decimal when one holds it
/// exactly, else [`Value::Digits`]; `None` when there are no digits.
pub(super) fn value_of(digits: &str) -> Option<Value> {
    let (negative, unsigned) = match digits.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, digits),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    if let Some(d) = exact_decimal(whole, fraction) {
        return Some(Value::Number(if negative { -d } else { d }));
    }
    Some(Value::Digits(canonical(negative, whole, fraction)))
}

/// `whole.fraction` as a decimal, when its 96-bit mantissa and scale of at
/// most 28 hold it (zeros that end the fraction do not count).
fn exact_decimal(whole: &str, fraction: &str) -> Option<Decimal> {
    let fraction = fraction.trim_end_matches('0');
    let scale = u32::try_from(fraction.len()).ok().filter(|s| *s <= MAX_POWER)?;
    let mut mantissa: i128 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

/// Digits as a JSON number reads them: no leading zeros before the point
/// (but one `0`), a point only with digits after it.
fn canonical(negative: bool, whole: &str, fraction: &str) -> String {
    let whole = whole.trim_start_matches('0');
    let mut out = String::with_capacity(whole.len() + fraction.len() + 3);
    if negative && !(whole.is_empty() && fraction.bytes().all(|b| b == b'0')) {
        out.push('-');
    }
    out.push_str(if whole.is_empty() { "0" } else { whole });
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// `value × 10^power`, exactly: a scale word (`billion`: 9) or a minor unit
/// (`5p`: -2). A decimal that overflows becomes its digits.
pub(super) fn shifted(value: &Value, power: i32) -> Option<Value> {
    match value {
        Value::Number(d) => Some(match shifted_decimal(*d, power) {
            Some(d) => Value::Number(d),
            None => value_of(&shift_point(&d.to_string(), power))?,
        }),
        Value::Digits(digits) => value_of(&shift_point(digits, power)),
        Value::Iso(_) => None,
    }
}

/// `d × 10^power` when a decimal holds it exactly.
fn shifted_decimal(d: Decimal, power: i32) -> Option<Decimal> {
    let scale = i64::from(d.scale()) - i64::from(power);
    if scale >= 0 {
        let scale = u32::try_from(scale).ok().filter(|s| *s <= MAX_POWER)?;
        return Decimal::try_from_i128_with_scale(d.mantissa(), scale).ok();
    }
    let up = u32::try_from(-scale).ok().filter(|p| *p <= MAX_POWER)?;
    let mantissa = d.mantissa().checked_mul(10i128.checked_pow(up)?)?;
    Decimal::try_from_i128_with_scale(mantissa, 0).ok()
}

/// Moves the decimal point of `digits` (`-12.5`) by `power` places.
fn shift_point(digits: &str, power: i32) -> String {
    let (sign, unsigned) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let all: String = whole.chars().chain(fraction.chars()).collect();
    let point = whole.len() as i64 + i64::from(power);
    let len = all.len() as i64;
    if point >= len {
        let zeros = usize::try_from(point - len).unwrap_or(0);
        format!("{sign}{all}{}", "0".repeat(zeros))
    } else if point <= 0 {
        let zeros = usize::try_from(-point).unwrap_or(0);
        format!("{sign}0.{}{all}", "0".repeat(zeros))
    } else {
        let (w, f) = all.split_at(usize::try_from(point).unwrap_or(0));
        format!("{sign}{w}.{f}")
    }
}

/// `-value`.
pub(super) fn negated(value: Value) -> Value {
    match value {
        Value::Number(d) => Value::Number(-d),
        Value::Digits(digits) => Value::Digits(match digits.strip_prefix('-') {
            Some(rest) => rest.to_string(),
            None => format!("-{digits}"),
        }),
        iso @ Value::Iso(_) => iso,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn zeros_are_sorted_runs_of_ten_numeric_characters() {
        assert!(ZEROS.is_sorted());
        for pair in ZEROS.windows(2) {
            assert!(pair[1] - pair[0] >= 10, "runs from {:X} and {:X} overlap", pair[0], pair[1]);
        }
        for zero in ZEROS {
            for value in 0..10 {
                let c = char::from_u32(zero + value).expect("a code point");
                assert!(c.is_numeric() && !c.is_alphabetic(), "U+{:X} is not a digit", zero + value);
                assert_eq!(digit_value(c), Some(value), "U+{:X}", zero + value);
            }
        }
    }

    #[test]
    fn digits_of_any_script() {
        let rows = [
            ('7', Some(7)),
            ('١', Some(1)),
            ('۳', Some(3)),
            ('९', Some(9)),
            ('５', Some(5)),
            ('๒', Some(2)),
            ('𝟗', Some(9)),
            ('a', None),
            ('²', None),
            ('½', None),
            ('Ⅳ', None),
            ('①', None),
            ('〇', None),
            ('٫', None),
        ];
        for (c, expected) in rows {
            assert_eq!(digit_value(c), expected, "{c:?}");
        }
    }

    #[test]
    fn values_of_digits() {
        let number = |s: &str| Value::Number(Decimal::from_str(s).unwrap());
        let digits = |s: &str| Value::Digits(s.to_string());
        let rows = [
            ("100000", Some(number("100000"))),
            ("2.3", Some(number("2.3"))),
            (".08", Some(number("0.08"))),
            ("-5", Some(number("-5"))),
            ("79228162514264337593543950335", Some(number("79228162514264337593543950335"))),
            ("79228162514264337593543950336", Some(digits("79228162514264337593543950336"))),
            ("10000000000000000000000000000", Some(number("10000000000000000000000000000"))),
            ("100000000000000000000000000000", Some(digits("100000000000000000000000000000"))),
            ("00000000000000000000000000000000001", Some(number("1"))),
            ("0.00000000000000000000000000001", Some(digits("0.00000000000000000000000000001"))),
            ("-123456789012345678901234567890.5", Some(digits("-123456789012345678901234567890.5"))),
            ("", None),
            (".", None),
            ("1.2.3", None),
        ];
        for (input, expected) in rows {
            assert_eq!(value_of(input), expected, "{input:?}");
        }
    }

    #[test]
    fn shifts_are_exact() {
        let number = |s: &str| Value::Number(Decimal::from_str(s).unwrap());
        let digits = |s: &str| Value::Digits(s.to_string());
        let rows = [
            (number("2.5"), 9, number("2500000000")),
            (number("5"), -2, number("0.05")),
            (number("90000000000000000000000000"), 9, digits("90000000000000000000000000000000000")),
            (number("1.5"), 40, digits("15000000000000000000000000000000000000000")),
            (digits("923456789012345678901234567890"), -2, digits("9234567890123456789012345678.90")),
            (digits("123456789012345678901234567890"), -2, number("1234567890123456789012345678.9")),
            (digits("100000000000000000000000000000"), -3, number("100000000000000000000000000")),
            (digits("-1.5"), 1, number("-15")),
            (number("0.0000000000000000000000000001"), -1, digits("0.00000000000000000000000000001")),
        ];
        for (value, power, expected) in rows {
            assert_eq!(shifted(&value, power), Some(expected.clone()), "{value:?} × 10^{power}");
        }
    }
}
