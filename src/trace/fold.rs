//! Folding text for comparison: curly and straight quotes, dashes and runs
//! of white space each read as one form (docs/matching.md), with a map back to the
//! original byte offsets so a match can be reported where it stands.

/// A folded text and, for each of its bytes, the offset in the original.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    origin: Vec<usize>,
    original_len: usize,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut pending_space: Option<usize> = None;
        let bytes = original.as_bytes();
        // a byte that may not stand for itself: white space, a quote mark or
        // dash, or one of a character beyond ASCII
        let special = |b: u8| b.is_ascii_whitespace() || matches!(b, b'\'' | b'"' | b'`' | b'-' | 0x0B | 0x80..);
        let mut at = 0;
        while at < bytes.len() {
            let run = bytes[at..].iter().position(|&b| special(b)).map_or(bytes.len(), |n| at + n);
            let (c, len) = match run > at {
                // most of a text is words of ASCII, copied as they are
                true => ('a', run - at),
                false => {
                    let c = original[at..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
                    (c, c.len_utf8())
                }
            };
            if c.is_whitespace() {
                pending_space.get_or_insert(at);
                at += len;
                continue;
            }
            if let Some(space_at) = pending_space.take()
                && !text.is_empty()
            {
                text.push(' ');
                origin.push(space_at);
            }
            if run > at {
                text.push_str(&original[at..run]);
                origin.extend(at..run);
            } else {
                let folded = fold_char(c);
                text.push(folded);
                origin.extend(std::iter::repeat_n(at, folded.len_utf8()));
            }
            at += len;
        }
        Folded { text, origin, original_len: original.len() }
    }

    /// The original byte offset of folded offset `i` (the end maps to the end).
    pub fn original(&self, i: usize) -> usize {
        self.origin.get(i).copied().unwrap_or(self.original_len)
    }

    /// The span in `original` (the text this was folded from) of the folded span `start..end`.
    pub fn original_span(&self, original: &str, start: usize, end: usize) -> std::ops::Range<usize> {
        let from = self.original(start);
        if end <= start {
            return from..from;
        }
        let last = self.original(end - 1);
        let last_len = original[last..].chars().next().map_or(0, char::len_utf8);
        from..last + last_len
    }
}

/// One form for every quote mark and every dash.
fn fold_char(c: char) -> char {
    match c {
        '\'' | '"' | '‘' | '’' | '‚' | '‛' | '“' | '”' | '„' | '‟' | '′' | '″' | '«' | '»' | '‹' | '›' | '`' => {
            '\''
        }
        '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        other => other,
    }
}

/// `start..end` of `haystack` is whole words: no letter or digit touches it.
pub fn whole_words(haystack: &str, start: usize, end: usize) -> bool {
    let before = haystack[..start].chars().next_back();
    let after = haystack[end..].chars().next();
    let first = haystack[start..end].chars().next();
    let last = haystack[start..end].chars().next_back();
    let touches = |outside: Option<char>, inside: Option<char>| {
        outside.is_some_and(char::is_alphanumeric) && inside.is_some_and(char::is_alphanumeric)
    };
    !touches(before, first) && !touches(after, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_and_space() {
        let f = Folded::new("a  ‘US backstop’ —\n next");
        assert_eq!(f.text, "a 'US backstop' - next");
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let original = "He said  ‘US backstop’ now";
        let f = Folded::new(original);
        let start = f.text.find("US backstop").unwrap();
        let span = f.original_span(original, start, start + "US backstop".len());
        assert_eq!(&original[span], "US backstop");
        let quoted = f.text.find("'US").unwrap();
        let span = f.original_span(original, quoted, quoted + "'US backstop'".len());
        assert_eq!(&original[span], "‘US backstop’");
    }

    /// Folding a character at a time, as the definition reads.
    fn folded_by_char(original: &str) -> (String, Vec<usize>) {
        let (mut text, mut origin, mut space) = (String::new(), Vec::new(), None);
        for (at, c) in original.char_indices() {
            if c.is_whitespace() {
                space.get_or_insert(at);
                continue;
            }
            if let Some(space_at) = space.take()
                && !text.is_empty()
            {
                text.push(' ');
                origin.push(space_at);
            }
            let folded = fold_char(c);
            text.push(folded);
            origin.extend(std::iter::repeat_n(at, folded.len_utf8()));
        }
        (text, origin)
    }

    proptest::proptest! {
        #[test]
        fn runs_of_ascii_fold_as_each_character_would(original in "[a-z '\"`\\-\t\n\x0b\x0c\r\u{a0}\u{2019}\u{2014}\u{e9}]{0,40}") {
            let f = Folded::new(&original);
            let (text, origin) = folded_by_char(&original);
            proptest::prop_assert_eq!(f.text, text);
            proptest::prop_assert_eq!(f.origin, origin);
        }
    }

    #[test]
    fn whole_word_boundaries() {
        let s = "the UK's UKIP";
        assert!(whole_words(s, 4, 6));
        assert!(!whole_words(s, 9, 11));
    }
}
