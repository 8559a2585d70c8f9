//! The text of an element read whole, as a reader reads it: gathered a
//! piece at a time across the markup inside it (`a <mark>2</mark>-1 win` is
//! one score), with where each piece stands in the page, and the place of a
//! sentence in it found word for word, white space aside.

use std::borrow::Cow;
use std::ops::Range;

use super::references::Decoded;
use crate::source::squeezed;

/// Text inside an element, a piece at a time, with where each piece stands.
#[derive(Debug, Default)]
pub(super) struct Gathered {
    pub text: String,
    /// Where each piece starts in `text`, where its raw text starts in the
    /// page, and where its decoded characters came from.
    pieces: Vec<(usize, usize, Decoded<'static>)>,
}

impl Gathered {
    pub(super) fn add(&mut self, decoded: &Decoded<'_>, page_start: usize) {
        self.pieces.push((self.text.len(), page_start, decoded.offsets()));
        self.text.push_str(&decoded.text);
    }

    /// A break a reader sees between pieces (white space, a new block, a
    /// cell), so that pieces on either side of it are not read as one
    /// number. A space, unless the text ends in white space already.
    pub(super) fn add_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(char::is_whitespace) {
            self.text.push(' ');
        }
    }

    /// Where the sentence `sentence` stands whole in the gathered text, as
    /// the text before it and the text after it; `None` when it does not, or
    /// when what stands beside it could run into its first or last word.
    pub(super) fn around(&self, sentence: &str) -> Option<(Range<usize>, Range<usize>)> {
        let text = squeezed(&self.text);
        let sentence = squeezed(sentence);
        let sentence = sentence.trim();
        if sentence.is_empty() {
            return None;
        }
        let start = find(&text, sentence)?;
        let end = start + sentence.len();
        let apart = |at: Option<&u8>| at.is_none_or(|b| *b == b' ');
        if !apart(start.checked_sub(1).and_then(|i| text.as_bytes().get(i))) || !apart(text.as_bytes().get(end)) {
            return None;
        }
        let back = |at: usize| match text {
            Cow::Borrowed(_) => at,
            Cow::Owned(_) => unsqueezed(&self.text, at),
        };
        Some((0..back(start), back(end)..self.text.len()))
    }

    /// The page offset of offset `at` of the gathered text.
    pub(super) fn page_offset(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.0 <= at).saturating_sub(1);
        match self.pieces.get(i) {
            Some((start, page_start, decoded)) => page_start + decoded.raw_offset(at.saturating_sub(*start)),
            None => 0,
        }
    }
}

/// Where `needle` first stands in `text`. Most elements that render a
/// sentence hold little besides it, so the places its first byte stands are
/// tried first; a searcher is built only when there are many.
fn find(text: &str, needle: &str) -> Option<usize> {
    const TRIED: usize = 16;
    let first = *needle.as_bytes().first()?;
    for (tried, at) in memchr::memchr_iter(first, text.as_bytes()).enumerate() {
        if tried == TRIED {
            return memchr::memmem::find(&text.as_bytes()[at..], needle.as_bytes()).map(|i| at + i);
        }
        if text.as_bytes()[at..].starts_with(needle.as_bytes()) {
            return Some(at);
        }
    }
    None
}

/// The offset in `text` of offset `at` of [`squeezed`](crate::source::squeezed) `text`: where the
/// character (or the run of white space) it stands for starts.
fn unsqueezed(text: &str, at: usize) -> usize {
    let mut squeezed = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() && in_space {
            continue;
        }
        if squeezed >= at {
            return i;
        }
        in_space = c.is_whitespace();
        squeezed += if in_space { 1 } else { c.len_utf8() };
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Pieces of text where white space, multi-byte characters and numbers meet.
    fn piece() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "Rates", " rose", " to ", "2.5", "%", "\u{a0}", "\u{2028}", "\n", "  ", "’", "£", "1", "é", "",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #[test]
        fn any_gathered_text_is_searched_and_placed_without_panic(
            pieces in prop::collection::vec(piece(), 0..12),
            sentence in prop::collection::vec(piece(), 0..6),
        ) {
            let g = gathered(&pieces.iter().map(String::as_str).collect::<Vec<_>>());
            if let Some((before, after)) = g.around(&sentence.concat()) {
                prop_assert!(g.text.is_char_boundary(before.end) && g.text.is_char_boundary(after.start));
                prop_assert!(before.end <= after.start);
            }
            for (at, _) in g.text.char_indices() {
                g.page_offset(at);
            }
        }
    }

    fn gathered(pieces: &[&str]) -> Gathered {
        let mut g = Gathered::default();
        for (i, piece) in pieces.iter().enumerate() {
            g.add(&Decoded::verbatim(piece), 100 * i);
        }
        g
    }

    #[test]
    fn white_space_is_squeezed_and_found_back() {
        assert!(matches!(squeezed("one two"), Cow::Borrowed(_)));
        assert_eq!(squeezed("one \n\t two\u{a0}three  "), "one two three ");
        let text = "a  \n b c";
        assert_eq!([0, 1, 2, 3, 4, 5].map(|at| unsqueezed(text, at)), [0, 1, 5, 6, 7, 8]);
        assert_eq!(find("xx abc abd", "abd"), Some(7));
        assert_eq!(find(&"a".repeat(40), "ab"), None);
    }

    #[test]
    fn the_sentence_is_found_whole_with_what_stands_beside_it() {
        let g = gathered(&["s2 ", "Rates rose to ", "2.5", "%\nin May.", " s2 in the source"]);
        let (before, after) = g.around("Rates rose to 2.5% in May.").expect("found");
        assert_eq!(&g.text[before], "s2 ");
        assert_eq!(&g.text[after], " s2 in the source");
        // a number run into its last word: not the sentence on its own
        assert_eq!(gathered(&["Rates rose to 2.5% in May.", "5"]).around("Rates rose to 2.5% in May."), None);
        assert_eq!(gathered(&["Rates rose to 2.5%"]).around("Rates rose to 2.5% in May."), None);
        assert_eq!(g.page_offset(g.text.find("2.5").expect("there")), 200);
    }
}
