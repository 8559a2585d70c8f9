//! Tokens of one sentence: words, digit runs and single symbols, with byte spans.
//!
//! The tokenizer knows only the shape of digits (thousands groups, decimals,
//! dotted sequences such as `192.168.1.2`); what the tokens mean is the
//! grammar's business.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters.
    Word,
    /// ASCII digits, with `,ddd` groups and a `.ddd` decimal part when present.
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
        let (kind, start, end) = if b.is_ascii_digit() || starts_bare_decimal(bytes, i) {
            digits_at(bytes, i, out, &mut spaced)
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && is_letter_at(text, i)) {
            (TokenKind::Word, i, word_end(text, i))
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
fn starts_bare_decimal(bytes: &[u8], i: usize) -> bool {
    bytes[i] == b'.'
        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
}

/// Reads a number at `i`. A dotted sequence with two or more periods
/// (`192.168.1.2`, a version) is pushed as its integer parts here, and the
/// last part is returned (with its start) for the caller to push.
fn digits_at(bytes: &[u8], i: usize, out: &mut Vec<Token>, spaced: &mut bool) -> (TokenKind, usize, usize) {
    let int_end = run_of_digits(bytes, i);
    if dots_ahead(bytes, int_end) >= 2 {
        let mut start = i;
        loop {
            let end = run_of_digits(bytes, start);
            if bytes.get(end) != Some(&b'.') || !bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
                return (TokenKind::Digits, start, end);
            }
            out.push(Token { kind: TokenKind::Digits, start, end, spaced: *spaced });
            out.push(Token { kind: TokenKind::Symbol, start: end, end: end + 1, spaced: false });
            *spaced = false;
            start = end + 1;
        }
    }
    let mut end = int_end;
    // Thousands groups need 1–3 leading digits and exactly three after each comma.
    if end - i <= 3 && bytes[i] != b'.' {
        while bytes.get(end) == Some(&b',') && exactly_three_digits(bytes, end + 1) {
            end += 4;
        }
    }
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = run_of_digits(bytes, end + 1);
    }
    (TokenKind::Digits, i, end)
}

fn run_of_digits(bytes: &[u8], mut i: usize) -> usize {
    if bytes.get(i) == Some(&b'.') {
        i += 1;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

fn exactly_three_digits(bytes: &[u8], i: usize) -> bool {
    bytes.len() >= i + 3
        && bytes[i..i + 3].iter().all(u8::is_ascii_digit)
        && !bytes.get(i + 3).is_some_and(u8::is_ascii_digit)
}

/// How many `.digits` parts follow position `i` (stops at two: enough to know).
fn dots_ahead(bytes: &[u8], mut i: usize) -> usize {
    let mut dots = 0;
    while dots < 2 && bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        dots += 1;
        i += 1;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
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
    text[i..]
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '\u{0300}'..='\u{036F}' | '\u{0B80}'..='\u{0BFF}' | '\u{0900}'..='\u{097F}'))
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
        ];
        for (input, expected) in cases {
            assert_eq!(&shapes(input), expected, "input {input:?}");
        }
    }
}
