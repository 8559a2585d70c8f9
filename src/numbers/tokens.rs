//! Tokens of one sentence: words, digit runs and single symbols, with byte spans.
//!
//! The tokenizer knows only the shape of digits (thousands groups, Indian
//! lakh groups, decimals, dotted sequences such as `192.168.1.2`), in any
//! script's decimal digits; what the tokens mean is the grammar's business.

use super::digits::digit_len_at;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters.
    Word,
    /// Decimal digits of one script or several, with `,ddd` groups (or
    /// Indian `,dd,ddd` groups) and a `.ddd` decimal part when present.
    Digits,
    /// Any other single non-space character.
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
    /// White space stands between this token and the one before it.
    pub spaced: bool,
}

/// Splits `text` into tokens; white space separates tokens and is dropped.
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut spaced = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            spaced = true;
            i += 1;
            continue;
        }
        let (kind, start, end) = if b.is_ascii_digit() || starts_bare_decimal(text, i) {
            digits_at(text, i, out, &mut spaced)
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && is_letter_at(text, i)) {
            (TokenKind::Word, i, word_end(text, i))
        } else if b >= 0x80 && digit_len_at(text, i).is_some() {
            digits_at(text, i, out, &mut spaced)
        } else {
            let len = if b < 0x80 { 1 } else { char_len(text, i) };
            if b >= 0x80 && text[i..].starts_with(char::is_whitespace) {
                spaced = true;
                i += len;
                continue;
            }
            (TokenKind::Symbol, i, i + len)
        };
        out.push(Token { kind, start, end, spaced });
        spaced = false;
        i = end;
    }
}

/// `.08`: a period opening a number, not ending one (`192.` is 192 and a period).
fn starts_bare_decimal(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    bytes[i] == b'.' && digit_len_at(text, i + 1).is_some() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
}

/// Reads a number at `i`. A dotted sequence with two or more periods
/// (`192.168.1.2`, a version) is pushed as its integer parts here, and the
/// last part is returned (with its start) for the caller to push.
fn digits_at(text: &str, i: usize, out: &mut Vec<Token>, spaced: &mut bool) -> (TokenKind, usize, usize) {
    if text.as_bytes()[i] == b'.' {
        return (TokenKind::Digits, i, digit_run(text, i + 1).0);
    }
    let (int_end, int_digits) = digit_run(text, i);
    if dots_ahead(text, int_end) >= 2 {
        let mut start = i;
        loop {
            let end = digit_run(text, start).0;
            if text.as_bytes().get(end) != Some(&b'.') || digit_len_at(text, end + 1).is_none() {
                return (TokenKind::Digits, start, end);
            }
            out.push(Token { kind: TokenKind::Digits, start, end, spaced: *spaced });
            out.push(Token { kind: TokenKind::Symbol, start: end, end: end + 1, spaced: false });
            *spaced = false;
            start = end + 1;
        }
    }
    let mut end = int_end;
    // Groups need 1–3 leading digits: `100,000`, or in Indian writing 1–2
    // and pairs before the last three (`4,80,719`).
    if int_digits <= 3 {
        end = indian_groups(text, int_end, int_digits).unwrap_or_else(|| thousands_groups(text, int_end));
    }
    if let Some(point) = decimal_point_at(text, end)
        && digit_len_at(text, end + point).is_some()
    {
        end = digit_run(text, end + point).0;
    } else if let Some(fraction) = vulgar_fraction_after(&text[end..]) {
        // `7½`, `5-¾`, `2 ¾`: the fraction is the number's decimal part (`1⅓`,
        // which no decimal holds, is then no number: never a plain 1)
        end += fraction;
    }
    (TokenKind::Digits, i, end)
}

/// The length of the vulgar fraction that `rest`, after digits, opens
/// with: right after them, or after a hyphen or a space (`a 5-¾ length
/// margin`, `won by 2 ¾ lengths`).
fn vulgar_fraction_after(rest: &str) -> Option<usize> {
    let gap = FRACTION_GAPS.iter().find(|g| rest.starts_with(**g)).map_or(0, |g| g.len());
    let c = rest[gap..].chars().next().filter(|c| is_vulgar_fraction(*c))?;
    Some(gap + c.len_utf8())
}

/// What may stand between digits and the vulgar fraction that ends them.
pub(super) const FRACTION_GAPS: [&str; 3] = ["-", " ", "\u{00A0}"];

/// A vulgar fraction sign: `½`, `⅓`, `⅞` …
fn is_vulgar_fraction(c: char) -> bool {
    matches!(c, '¼' | '½' | '¾' | '\u{2150}'..='\u{215E}')
}

/// The decimal part a vulgar fraction stands for after digits (`7½` is 7.5):
/// those a decimal holds exactly. A third, a sixth, a seventh or a ninth has none.
pub(super) fn vulgar_fraction(c: char) -> Option<&'static str> {
    Some(match c {
        '½' => ".5",
        '¼' => ".25",
        '¾' => ".75",
        '⅕' => ".2",
        '⅖' => ".4",
        '⅗' => ".6",
        '⅘' => ".8",
        '⅛' => ".125",
        '⅜' => ".375",
        '⅝' => ".625",
        '⅞' => ".875",
        '⅒' => ".1",
        _ => return None,
    })
}

/// The end of the run of digits from `i`, and how many digits it holds.
fn digit_run(text: &str, mut i: usize) -> (usize, usize) {
    let mut count = 0;
    while let Some(len) = digit_len_at(text, i) {
        i += len;
        count += 1;
    }
    (i, count)
}

/// A thousands separator at `i`: its length in bytes. A comma, the Arabic
/// `٬`, or a space that does not break a line (no-break, thin or narrow
/// no-break: `22 413`); an ordinary space between digits separates numbers.
fn group_separator_at(text: &str, i: usize) -> Option<usize> {
    match text.as_bytes().get(i)? {
        b',' => Some(1),
        0xD9 if text.get(i..)?.starts_with('\u{066C}') => Some(2),
        0xC2 if text.get(i..)?.starts_with('\u{00A0}') => Some(2),
        0xE2 if text.get(i..)?.starts_with(['\u{2009}', '\u{202F}']) => Some(3),
        _ => None,
    }
}

/// A decimal point at `i` (`.` or the Arabic `٫`): its length in bytes.
fn decimal_point_at(text: &str, i: usize) -> Option<usize> {
    match text.as_bytes().get(i)? {
        b'.' => Some(1),
        0xD9 if text.get(i..)?.starts_with('\u{066B}') => Some(2),
        _ => None,
    }
}

/// Exactly `n` digits from `i`, with no digit after them: where they end.
fn exactly_digits(text: &str, i: usize, n: usize) -> Option<usize> {
    let (end, count) = digit_run(text, i);
    (count == n).then_some(end)
}

/// `,ddd` groups after the leading digits that end at `i`.
fn thousands_groups(text: &str, mut i: usize) -> usize {
    while let Some(sep) = group_separator_at(text, i)
        && let Some(end) = exactly_digits(text, i + sep, 3)
    {
        i = end;
    }
    i
}

/// Indian grouping after 1–2 leading digits ending at `i`: one or more
/// `,dd` pairs, then a last `,ddd` (`4,80,719`, `11,11,111`).
fn indian_groups(text: &str, mut i: usize, leading: usize) -> Option<usize> {
    if leading > 2 {
        return None;
    }
    let mut pairs = 0;
    loop {
        let sep = group_separator_at(text, i)?;
        if let Some(end) = exactly_digits(text, i + sep, 2)
            && group_separator_at(text, end).is_some()
        {
            i = end;
            pairs += 1;
            continue;
        }
        let end = exactly_digits(text, i + sep, 3)?;
        return (pairs > 0).then_some(end);
    }
}

/// How many `.digits` parts follow position `i` (stops at two: enough to know).
fn dots_ahead(text: &str, mut i: usize) -> usize {
    let mut dots = 0;
    while dots < 2 && text.as_bytes().get(i) == Some(&b'.') && digit_len_at(text, i + 1).is_some() {
        dots += 1;
        i = digit_run(text, i + 1).0;
    }
    dots
}

fn is_letter_at(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_alphabetic)
}

fn char_len(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(1, char::len_utf8)
}

fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            i += 1;
        } else if b >= 0x80 && is_letter_at(text, i) {
            i += char_len(text, i);
        } else if b >= 0x80 && is_mark_at(text, i) {
            // combining marks belong to their letter (Tamil ரூ is ர + a vowel sign)
            i += char_len(text, i);
        } else {
            break;
        }
    }
    i
}

fn is_mark_at(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(|c| {
        matches!(c, '\u{0300}'..='\u{036F}' | '\u{0B80}'..='\u{0BFF}' | '\u{0900}'..='\u{097F}')
            && super::digits::digit_value(c).is_none()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    type Shape<'a> = (&'a str, TokenKind, bool);

    fn shapes(text: &str) -> Vec<Shape<'_>> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        toks.iter().map(|t| (&text[t.start..t.end], t.kind, t.spaced)).collect()
    }

    #[test]
    fn token_shapes() {
        use TokenKind::*;
        let cases: &[(&str, &[Shape])] = &[
            ("100,000 troops", &[("100,000", Digits, true), ("troops", Word, true)]),
            ("2.3%", &[("2.3", Digits, true), ("%", Symbol, false)]),
            ("£2.5bn", &[("£", Symbol, true), ("2.5", Digits, false), ("bn", Word, false)]),
            ("22,24", &[("22", Digits, true), (",", Symbol, false), ("24", Digits, false)]),
            ("1,2345", &[("1", Digits, true), (",", Symbol, false), ("2345", Digits, false)]),
            ("1234,567", &[("1234", Digits, true), (",", Symbol, false), ("567", Digits, false)]),
            (".08", &[(".08", Digits, true)]),
            ("192.", &[("192", Digits, true), (".", Symbol, false)]),
            (
                "192.168.1.2",
                &[
                    ("192", Digits, true),
                    (".", Symbol, false),
                    ("168", Digits, false),
                    (".", Symbol, false),
                    ("1", Digits, false),
                    (".", Symbol, false),
                    ("2", Digits, false),
                ],
            ),
            ("1,674,200.5 M", &[("1,674,200.5", Digits, true), ("M", Word, true)]),
            ("F-16", &[("F", Word, true), ("-", Symbol, false), ("16", Digits, false)]),
            ("Élysée 5", &[("Élysée", Word, true), ("5", Digits, true)]),
            ("100 ரூ", &[("100", Digits, true), ("ரூ", Word, true)]),
            ("a\u{00A0}5", &[("a", Word, true), ("5", Digits, true)]),
            ("4,80,719", &[("4,80,719", Digits, true)]),
            ("1,00,00,000.5", &[("1,00,00,000.5", Digits, true)]),
            (
                "22,24,26",
                &[
                    ("22", Digits, true),
                    (",", Symbol, false),
                    ("24", Digits, false),
                    (",", Symbol, false),
                    ("26", Digits, false),
                ],
            ),
            ("123,45,678", &[("123", Digits, true), (",", Symbol, false), ("45,678", Digits, false)]),
            ("١٢٣ people", &[("١٢٣", Digits, true), ("people", Word, true)]),
            ("١٬٢٣٤٫٥", &[("١٬٢٣٤٫٥", Digits, true)]),
            ("１２３%", &[("１２３", Digits, true), ("%", Symbol, false)]),
            ("रु१२३", &[("रु", Word, true), ("१२३", Digits, false)]),
        ];
        for (input, expected) in cases {
            assert_eq!(&shapes(input), expected, "input {input:?}");
        }
    }
}
