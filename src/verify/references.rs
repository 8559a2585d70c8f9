//! Character references in a page's text and attribute values (`&amp;`,
//! `&#163;`, `&#x25;`, `&pound;`, the legacy `&pound40`), decoded as HTML
//! reads them, with a map from each decoded offset back to the raw text so
//! that a mention is located where it stands in the page.
//!
//! The table of named references is htmlize's copy of the HTML standard's
//! (every name, with and without the `;` where HTML allows it).

use std::borrow::Cow;

/// Text with its character references decoded, and where each part came from.
#[derive(Debug)]
pub(super) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// (offset in `text`, offset in the raw text, is a verbatim run) at the
    /// start of every reference and of every run after one; empty when nothing
    /// was decoded.
    pieces: Vec<(usize, usize, bool)>,
}

impl<'a> Decoded<'a> {
    pub fn verbatim(raw: &'a str) -> Decoded<'a> {
        Decoded { text: Cow::Borrowed(raw), pieces: Vec::new() }
    }

    /// Where its parts came from, without the text: enough to find the raw
    /// offset of a decoded one after the text is gone.
    pub fn offsets(&self) -> Decoded<'static> {
        Decoded { text: Cow::Borrowed(""), pieces: self.pieces.clone() }
    }

    /// The raw offset of decoded offset `at`; inside a reference, the reference's `&`.
    pub fn raw_offset(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.0 <= at);
        match i.checked_sub(1).and_then(|i| self.pieces.get(i)) {
            Some(&(decoded, raw, true)) => raw + (at - decoded),
            Some(&(_, raw, false)) => raw,
            None => at,
        }
    }
}

/// `raw` with its character references decoded as HTML reads text.
/// Unknown names stay as written.
pub(super) fn decode_references(raw: &str) -> Decoded<'_> {
    if !raw.contains('&') {
        return Decoded::verbatim(raw);
    }
    let mut text = String::with_capacity(raw.len());
    let mut pieces = Vec::new();
    let mut copied = 0;
    let mut search = 0;
    while let Some(found) = raw[search..].find('&') {
        let at = search + found;
        search = at + 1;
        let Some((decoded, len)) = reference(&raw[at..]) else {
            continue;
        };
        text.push_str(&raw[copied..at]);
        pieces.push((text.len(), at, false));
        text.push_str(&decoded);
        copied = at + len;
        search = copied;
        pieces.push((text.len(), copied, true));
    }
    text.push_str(&raw[copied..]);
    Decoded { text: Cow::Owned(text), pieces }
}

/// `raw` decoded, when only the text matters.
pub(super) fn decoded(raw: &str) -> Cow<'_, str> {
    decode_references(raw).text
}

/// The reference at the start of `s` (which starts with `&`): what it decodes to and its length.
fn reference(s: &str) -> Option<(Cow<'static, str>, usize)> {
    if s.as_bytes().get(1) == Some(&b'#') {
        return numeric_reference(s).map(|(c, len)| (Cow::Owned(c.to_string()), len));
    }
    named_reference(s.as_bytes())
}

/// The longest named reference at the start of `s`: HTML takes the longest
/// name it knows, so `&notin;` is `∉` and `&notit;` is `¬` followed by `it;`.
fn named_reference(s: &[u8]) -> Option<(Cow<'static, str>, usize)> {
    // every name is letters and digits, ended by `;` or not: none runs past them
    let name = s.iter().skip(1).take_while(|b| b.is_ascii_alphanumeric()).count();
    let longest = (1 + name + usize::from(s.get(1 + name) == Some(&b';'))).min(htmlize::ENTITY_MAX_LENGTH);
    (htmlize::ENTITY_MIN_LENGTH..=longest).rev().find_map(|len| {
        let decoded = htmlize::ENTITIES.get(&s[..len])?;
        Some((String::from_utf8_lossy(decoded), len))
    })
}

/// `&#163;`, `&#x25;`, with or without `;`, as HTML reads them.
fn numeric_reference(s: &str) -> Option<(char, usize)> {
    let bytes = s.as_bytes();
    let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
    let start = if hex { 3 } else { 2 };
    let radix = if hex { 16 } else { 10 };
    let digits = bytes[start..].iter().take_while(|b| (**b as char).is_digit(radix)).count();
    if digits == 0 {
        return None;
    }
    let mut code: u32 = 0;
    for b in &bytes[start..start + digits] {
        let digit = (*b as char).to_digit(radix)?;
        code = code.saturating_mul(radix).saturating_add(digit);
    }
    let mut len = start + digits;
    if bytes.get(len) == Some(&b';') {
        len += 1;
    }
    let c = match code {
        0x80..=0x9F => windows_1252(code),
        0 => '\u{FFFD}',
        _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
    };
    Some((c, len))
}

/// HTML reads `&#128;`–`&#159;` as the Windows-1252 characters (`&#150;` is `–`).
fn windows_1252(code: u32) -> char {
    const TABLE: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    TABLE.get((code - 0x80) as usize).copied().unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_decode_and_map_back() {
        let rows = [
            ("&pound;40bn", "£40bn"),
            ("2.3&#37;", "2.3%"),
            ("2.3&#x25", "2.3%"),
            ("&amp;&lt;&gt;&quot;&apos;", "&<>\"'"),
            ("&pound40", "£40"),
            ("&notin;", "∉"),
            ("&notit;", "¬it;"),
            ("&foo; &", "&foo; &"),
            ("&#; &#x; &#", "&#; &#x; &#"),
            ("2020&#150;21", "2020–21"),
            ("&#0;&#xD800;&#99999999999;", "\u{FFFD}\u{FFFD}\u{FFFD}"),
            ("a&nbsp;b&thinsp;c", "a\u{a0}b\u{2009}c"),
            ("&frac12; &half; &percnt; &NestedGreaterGreater;", "½ ½ % ≫"),
            ("&nvlt;", "<\u{20D2}"),
        ];
        for (raw, decoded) in rows {
            assert_eq!(decode_references(raw).text, decoded, "decoding {raw:?}");
        }
        let d = decode_references("x &pound;40 &amp; 5");
        assert_eq!(d.text, "x £40 & 5");
        let raw = "x &pound;40 &amp; 5";
        for (at, expected) in [(0, 0), (2, 2), (4, 9), (5, 10), (7, 12), (8, 17), (10, 19)] {
            assert_eq!(d.raw_offset(at), expected, "decoded offset {at} in {:?}", d.text);
            assert!(raw.is_char_boundary(expected));
        }
    }
}
