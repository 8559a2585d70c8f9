//! Sentence splitting: the byte spans of the sentences of a text.
//!
//! The text is read as *words* (maximal runs of non-whitespace) and the gaps
//! between them. Every decision is taken at a gap, from the word before it,
//! the word after it and how many line breaks (`\n`, `\r\n` or `\r`) the gap
//! holds:
//!
//! - a blank line (two or more line breaks) ends a paragraph and a sentence;
//! - the first line of the text, when a line break follows it, is the
//!   headline and a sentence of its own;
//! - any other line break is a space, unless the line ends in sentence-final
//!   punctuation — then the sentence ends there, unless the last word is a
//!   title or an initial, or the next line goes on in lowercase;
//! - inside a line, a sentence ends after `.`, `!`, `?` or `…` (plus closing
//!   quotes and brackets) when the next word starts like a sentence, except
//!   after titles, initials and, unless a typical sentence opener follows,
//!   abbreviations such as `U.S.` or `etc.`
//!
//! Spans never include leading or trailing whitespace, and since only the
//! number of line breaks in a gap matters, LF and CRLF texts, and trailing
//! whitespace on lines, give the same sentences. The splitter works on bytes
//! in one pass and is linear in the length of the text.
//!
//! It does not number sentences (the caller does), does not read files, and
//! does not try to understand language: a sentence that really ends with a
//! title or an initial (`… and Plan B. The`) is not split, and a sentence
//! that begins in lowercase after a full stop is joined to the one before.

use std::ops::Range;

/// Punctuation that can end a sentence; a run of them (`?!`, `...`) is one end.
const FINAL_PUNCTUATION: [char; 4] = ['.', '!', '?', '…'];

/// Closing quotes and brackets that may follow the final punctuation and
/// still belong to the sentence (`He said "Stop!"`).
const CLOSERS: [char; 7] = ['"', '\'', '”', '’', '»', ')', ']'];

/// Opening quotes and brackets: a sentence may start with one.
const OPENERS: [char; 7] = ['"', '\'', '“', '‘', '«', '(', '['];

/// Currency signs: news sentences often open with an amount (`£40bn was…`),
/// so after a full stop they start a sentence just as a digit does.
const CURRENCY_SIGNS: [char; 4] = ['$', '£', '€', '¥'];

/// Titles and abbreviations that stand before a name, a number or a word of
/// the same sentence, so the period after them never ends a sentence — not
/// even at the end of a line, since the text may be hard-wrapped there.
/// Matched as written, capitalised or in capitals (see [`matches_listed`]):
/// `No.` is listed capitalised so that the word `no.` still ends a sentence.
#[rustfmt::skip]
const NEVER_FINAL: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "No.", "Nos.", "Gen.", "Lt.", "Col.", "Capt.",
    "Sgt.", "Maj.", "Gov.", "Sen.", "Rep.", "Rev.", "Hon.", "Jr.", "Sr.", "Mt.", "Ft.", "Fig.",
    "Vol.", "vs.", "v.", "approx.", "est.", "cf.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.",
    "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "e.g.", "i.e.", "Rs.", "Re.",
];

/// Abbreviations that often end a sentence as well as sit inside one
/// (`… Acme Inc. The company` but `Acme Inc. shares`). Runs of letters and
/// dots such as `U.S.`, `U.K.`, `E.U.`, `a.m.`, `p.m.` or `Ph.D.` are
/// treated the same way without being listed (see [`is_letter_dot_run`]).
const MAY_END: &[&str] = &["etc.", "Inc.", "Ltd.", "Co.", "Corp."];

/// Words that commonly open a sentence in news text. After an abbreviation
/// from [`MAY_END`] a capital letter proves nothing (`the U.S. President`),
/// but one of these words almost always starts a new sentence
/// (`talks with the U.S. The meeting`).
#[rustfmt::skip]
const SENTENCE_OPENERS: &[&str] = &[
    "The", "He", "She", "It", "They", "We", "I", "But", "This", "That", "These", "Those", "There",
    "In", "On", "At", "A", "An", "His", "Her", "Its", "Their", "Our", "Meanwhile", "However", "And",
    "About", "Almost", "Nearly", "Some", "More", "Most", "Many", "Both", "All", "Such", "Only", "Even",
    "After", "Before", "When", "While", "As", "If", "Since", "Although", "Also", "Now", "Then", "Still",
    "Yet", "So", "Earlier", "Later", "Last", "What", "Why", "How", "You", "My", "Your",
];

/// The byte spans of the sentences of `text`, in document order.
///
/// Each span starts at the first non-whitespace character of its sentence
/// and ends after its last one; spans are non-empty, increasing and lie on
/// char boundaries. Empty or all-whitespace text has no sentences.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut words = Words { text, pos: 0 };
    let Some(first) = words.next() else {
        return sentences;
    };
    // where the sentence being read starts; none right after a bullet (the
    // text's first word is none: `- 10 k` may be a number)
    let mut start = Some(first.span.start);
    let mut before = first.span;
    let mut in_headline = true;
    for word in words {
        // a bullet at the start of a line ends the sentence before it, and is no word of the next
        if word.gap != Gap::Space && is_bullet(&text[word.span.clone()]) {
            sentences.extend(start.take().map(|s| s..before.end));
            in_headline = false;
            continue;
        }
        match start {
            None => start = Some(word.span.start),
            Some(at) => {
                let headline_ends = in_headline && word.gap != Gap::Space;
                if headline_ends || ends_sentence(&text[before.clone()], word.gap, &text[word.span.clone()]) {
                    sentences.push(at..before.end);
                    start = Some(word.span.start);
                }
            }
        }
        in_headline &= word.gap == Gap::Space;
        before = word.span;
    }
    sentences.extend(start.map(|s| s..before.end));
    sentences
}

/// A list's bullet: `-`, `•`, `*`, `–`, `—`, `·`.
fn is_bullet(word: &str) -> bool {
    matches!(word, "-" | "•" | "*" | "–" | "—" | "·" | "▪")
}

/// What separates a word from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// White space without a line break.
    Space,
    /// Exactly one line break: the same paragraph goes on.
    LineBreak,
    /// Two or more line breaks, so a blank line: a new paragraph.
    Paragraph,
}

/// A maximal run of non-whitespace and the gap in front of it.
#[derive(Debug)]
struct Word {
    gap: Gap,
    span: Range<usize>,
}

/// The words of a text, in order.
struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let (start, line_breaks) = skip_whitespace(self.text, self.pos);
        if start == self.text.len() {
            self.pos = start;
            return None;
        }
        let end = skip_word(self.text, start);
        self.pos = end;
        let gap = match line_breaks {
            0 => Gap::Space,
            1 => Gap::LineBreak,
            _ => Gap::Paragraph,
        };
        Some(Word { gap, span: start..end })
    }
}

/// Skips the white space at `pos`; returns where it ends and how many line
/// breaks it holds (`\r\n` counts once).
fn skip_whitespace(text: &str, mut pos: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut line_breaks = 0;
    while let Some(&byte) = bytes.get(pos) {
        match byte {
            // A `\n` right after `\r` finishes a CRLF already counted; `pos`
            // is then past the gap's start, so `pos - 1` is inside the gap.
            b'\n' if pos > 0 && bytes[pos - 1] == b'\r' => {}
            b'\n' | b'\r' => line_breaks += 1,
            b' ' | b'\t' | 0x0b | 0x0c => {}
            _ => match unicode_whitespace_len(text, pos) {
                Some(len) => pos += len - 1,
                None => break,
            },
        }
        pos += 1;
    }
    (pos, line_breaks)
}

/// Skips the word at `pos` (which is not white space); returns where it ends.
fn skip_word(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&byte) = bytes.get(pos) {
        if byte.is_ascii() {
            if matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                break;
            }
        } else if unicode_whitespace_len(text, pos).is_some() {
            break;
        }
        pos += 1;
    }
    pos
}

/// The length of the non-ASCII white space character starting at byte `pos`,
/// if there is one. Every such character (U+0085, U+00A0, U+1680, U+2000 to
/// U+3000) starts with one of four lead bytes, so only those are decoded;
/// continuation bytes are never among them, so `pos` is then a char boundary.
fn unicode_whitespace_len(text: &str, pos: usize) -> Option<usize> {
    if !matches!(text.as_bytes()[pos], 0xc2 | 0xe1 | 0xe2 | 0xe3) {
        return None;
    }
    let c = text.get(pos..)?.chars().next()?;
    c.is_whitespace().then(|| c.len_utf8())
}

/// How a word ends, as far as sentence ends are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// No final punctuation: the sentence goes on.
    Open,
    /// A title or an initial: the sentence goes on whatever follows.
    Title,
    /// An abbreviation that may or may not end the sentence.
    Abbreviation,
    /// Final punctuation.
    Final,
}

/// Whether a sentence ends between the words `before` and `after`.
fn ends_sentence(before: &str, gap: Gap, after: &str) -> bool {
    match (gap, ending(before)) {
        (Gap::Paragraph, _) => true,
        (_, Ending::Open | Ending::Title) => false,
        // A line that ends in final punctuation ends the sentence, unless the
        // next line goes on in lowercase: then the text was only wrapped
        // after a quotation (`"Stop!"⏎and left`) or an abbreviation (`p.m.`).
        (Gap::LineBreak, Ending::Abbreviation | Ending::Final) => !starts_lowercase(after),
        (Gap::Space, Ending::Final) => starts_sentence(after),
        (Gap::Space, Ending::Abbreviation) => is_sentence_opener(after),
    }
}

/// How `word` ends: see [`Ending`].
fn ending(word: &str) -> Ending {
    // Most words end in a letter, a digit or a comma; skip the work for them.
    match word.as_bytes().last() {
        Some(b) if b.is_ascii_alphanumeric() || matches!(b, b',' | b';' | b':' | b'-') => {
            return Ending::Open;
        }
        None => return Ending::Open,
        Some(_) => {}
    }
    let core = word.trim_end_matches(CLOSERS);
    if !core.ends_with(FINAL_PUNCTUATION) {
        return Ending::Open;
    }
    // An ellipsis (`...`) or `!`/`?` is never part of an abbreviation.
    if !core.ends_with('.') || core.ends_with("..") {
        return Ending::Final;
    }
    let stem = core.trim_start_matches(OPENERS);
    if is_initial(stem) || is_listed(stem, NEVER_FINAL) {
        Ending::Title
    } else if is_listed(stem, MAY_END) || is_letter_dot_run(stem) {
        Ending::Abbreviation
    } else {
        Ending::Final
    }
}

fn is_listed(word: &str, list: &[&str]) -> bool {
    list.iter().any(|listed| matches_listed(word, listed))
}

/// Whether `word` is the ASCII word `listed` as written, capitalised
/// (`Approx.` for `approx.`) or in capitals (`MR.` for `Mr.`) — but not in
/// lowercase when listed capitalised, so `no.` is not `No.`.
fn matches_listed(word: &str, listed: &str) -> bool {
    if word.len() != listed.len() {
        return false;
    }
    let (word, listed) = (word.as_bytes(), listed.as_bytes());
    let ([first, rest @ ..], [listed_first, listed_rest @ ..]) = (word, listed) else {
        return false;
    };
    let capitalised = (first == listed_first || *first == listed_first.to_ascii_uppercase()) && rest == listed_rest;
    capitalised || word.iter().zip(listed).all(|(w, l)| *w == l.to_ascii_uppercase())
}

/// An initial: one uppercase letter and a period (`J.`, `É.`).
fn is_initial(stem: &str) -> bool {
    let mut chars = stem.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(letter), Some('.'), None) if letter.is_uppercase()
    )
}

/// Letters and dots in turns, at least two groups of one or two letters:
/// `U.S.`, `a.m.`, `Ph.D.`, `U.S.A.`.
fn is_letter_dot_run(stem: &str) -> bool {
    let Some(body) = stem.strip_suffix('.') else {
        return false;
    };
    let mut groups = 0;
    for group in body.split('.') {
        if !(1..=2).contains(&group.len()) || !group.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// Whether `word` can open a sentence after final punctuation inside a line:
/// an opening quote or bracket, a digit, a currency sign, or a letter that is
/// not lowercase (uppercase, or from a script without case).
fn starts_sentence(word: &str) -> bool {
    let Some(c) = word.chars().next() else {
        return false;
    };
    OPENERS.contains(&c) || CURRENCY_SIGNS.contains(&c) || c.is_numeric() || (c.is_alphabetic() && !c.is_lowercase())
}

/// Whether `word`, after any opening quotes or brackets, starts lowercase.
fn starts_lowercase(word: &str) -> bool {
    word.trim_start_matches(OPENERS).chars().next().is_some_and(char::is_lowercase)
}

/// Whether `word` is one of [`SENTENCE_OPENERS`], perhaps in quotes or
/// followed by punctuation (`"The`, `However,`, `It's`).
fn is_sentence_opener(word: &str) -> bool {
    let word = word.trim_start_matches(OPENERS);
    let letters = word.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (head, tail) = word.split_at(letters);
    if tail.chars().next().is_some_and(char::is_alphanumeric) {
        return false; // `Ité…`: the ASCII letters are only the start of a word
    }
    SENTENCE_OPENERS.contains(&head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SEED: &str = include_str!("../../seeds/000_efa7916b03e9017c.txt");

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|span| &text[span]).collect()
    }

    /// A sentence's words, so texts can be compared across line endings.
    fn words(sentence: &str) -> String {
        sentence.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    const CASES: &[(&str, &[&str])] = &[
        // Nothing to split.
        ("", &[]),
        (" \n\r\n\t \u{a0}", &[]),
        ("just some words without an end", &["just some words without an end"]),
        ("One. Two three", &["One.", "Two three"]),
        // Final punctuation, runs of it, and what may follow it.
        ("Stop! Who goes there? Nobody… It was wind.", &["Stop!", "Who goes there?", "Nobody…", "It was wind."]),
        ("Really?! Yes... Indeed.", &["Really?!", "Yes...", "Indeed."]),
        ("He paused… and went on. So did she.", &["He paused… and went on.", "So did she."]),
        ("He paused... and went on.", &["He paused... and went on."]),
        ("It fell. 2024 was bad.", &["It fell.", "2024 was bad."]),
        ("It fell. £40bn was lost.", &["It fell.", "£40bn was lost."]),
        // a rupee sign in letters stands before its amount
        ("It rose to over Rs. 3 lakh crore. Then it fell.", &["It rose to over Rs. 3 lakh crore.", "Then it fell."]),
        ("It cost 5 oz. of gold.", &["It cost 5 oz. of gold."]),
        ("It ended.The end.", &["It ended.The end."]),
        ("One.    Two.\t\tThree.", &["One.", "Two.", "Three."]),
        ("One.\u{a0}Two.\u{3000}Three.", &["One.", "Two.", "Three."]),
        ("Leaders met at the Élysée. Élysée staff left.", &["Leaders met at the Élysée.", "Élysée staff left."]),
        // Titles and abbreviations that never end a sentence.
        ("Mr. Smith met Mrs. Jones. They talked.", &["Mr. Smith met Mrs. Jones.", "They talked."]),
        ("Ms. Lee and Dr. Patel spoke. Prof. Khan agreed.", &["Ms. Lee and Dr. Patel spoke.", "Prof. Khan agreed."]),
        ("He lives at No. 10. Nos. 11 and 12 are empty.", &["He lives at No. 10.", "Nos. 11 and 12 are empty."]),
        ("He said no. Then he left.", &["He said no.", "Then he left."]),
        (
            "Gen. Hay, Lt. Fox, Col. Ash, Capt. Bell, Sgt. Cox and Maj. Day met. Gov. Hall, Sen. Ward, Rep. Cole, Rev. King and Hon. Ray came.",
            &[
                "Gen. Hay, Lt. Fox, Col. Ash, Capt. Bell, Sgt. Cox and Maj. Day met.",
                "Gov. Hall, Sen. Ward, Rep. Cole, Rev. King and Hon. Ray came.",
            ],
        ),
        (
            "Martin Luther King Jr. Day is near. Bush Sr. Was there too.",
            &["Martin Luther King Jr. Day is near.", "Bush Sr. Was there too."],
        ),
        (
            "They climbed Mt. Fuji from St. Ives and Ft. Worth. See Fig. 3 in Vol. 2 now.",
            &["They climbed Mt. Fuji from St. Ives and Ft. Worth.", "See Fig. 3 in Vol. 2 now."],
        ),
        (
            "It was Roe v. Wade, or Ali vs. Frazier. It took approx. 5 days, est. 10 in all, cf. Smith.",
            &["It was Roe v. Wade, or Ali vs. Frazier.", "It took approx. 5 days, est. 10 in all, cf. Smith."],
        ),
        (
            "Talks ran Jan. 5 to Feb. 7. They resume Mar. 3, Apr. 4, Jun. 6, Jul. 7, Aug. 8, Sep. 9, Sept. 10, Oct. 11, Nov. 12 and Dec. 13.",
            &[
                "Talks ran Jan. 5 to Feb. 7.",
                "They resume Mar. 3, Apr. 4, Jun. 6, Jul. 7, Aug. 8, Sep. 9, Sept. 10, Oct. 11, Nov. 12 and Dec. 13.",
            ],
        ),
        ("Bring fruit, e.g. Apples. Or none, i.e. Nothing.", &["Bring fruit, e.g. Apples.", "Or none, i.e. Nothing."]),
        (
            "About 5 people came. MR. SMITH left. Approx. 3 stayed.",
            &["About 5 people came.", "MR. SMITH left.", "Approx. 3 stayed."],
        ),
        ("He met (Dr. Patel) today.", &["He met (Dr. Patel) today."]),
        // Initials.
        ("J. K. Rowling wrote it. Donald J. Trump read it.", &["J. K. Rowling wrote it.", "Donald J. Trump read it."]),
        ("They met É. Philippe. Then they left.", &["They met É. Philippe.", "Then they left."]),
        // Decimals.
        ("Growth was 2.3 per cent. It was 2.5 in 2024.", &["Growth was 2.3 per cent.", "It was 2.5 in 2024."]),
        // Abbreviations that end a sentence only before a sentence opener.
        (
            "He held talks with the U.S. The meeting went well.",
            &["He held talks with the U.S.", "The meeting went well."],
        ),
        (
            "One person was killed in the U.S. About 52 million were recalled.",
            &["One person was killed in the U.S.", "About 52 million were recalled."],
        ),
        ("U.S. troops arrived at 9 p.m. on Friday.", &["U.S. troops arrived at 9 p.m. on Friday."]),
        ("He met the U.S. President. Then he left.", &["He met the U.S. President.", "Then he left."]),
        ("It ends at 5 p.m. It's late.", &["It ends at 5 p.m.", "It's late."]),
        ("Apples, pears etc. Meanwhile, prices rose.", &["Apples, pears etc.", "Meanwhile, prices rose."]),
        (
            "Shares in Acme Inc. rose. She joined Acme Ltd. However, she left.",
            &["Shares in Acme Inc. rose.", "She joined Acme Ltd.", "However, she left."],
        ),
        (
            "He joined Smith & Co. Their shop is old. Big Corp. Board members quit.",
            &["He joined Smith & Co.", "Their shop is old.", "Big Corp. Board members quit."],
        ),
        (
            "He moved to Washington D.C. It was cold. The E.U. and U.K. agreed.",
            &["He moved to Washington D.C.", "It was cold.", "The E.U. and U.K. agreed."],
        ),
        ("Talks at the U.N. \"The aim is peace,\" he said.", &["Talks at the U.N.", "\"The aim is peace,\" he said."]),
        ("The U.N. Itself is slow.", &["The U.N. Itself is slow."]),
        // Quotations and brackets.
        ("He said \"Stop!\" and left. She stayed.", &["He said \"Stop!\" and left.", "She stayed."]),
        (
            "\"We will not,\" he said. \"Never.\" Then he left.",
            &["\"We will not,\" he said.", "\"Never.\"", "Then he left."],
        ),
        ("She asked, 'Why?' He did not answer.", &["She asked, 'Why?'", "He did not answer."]),
        ("“It is over.” The crowd cheered.", &["“It is over.”", "The crowd cheered."]),
        ("He called it “a disaster.” and left.", &["He called it “a disaster.” and left."]),
        ("He said ‘no.’ «Non.» [Sic.] (Really.) Fine.", &["He said ‘no.’", "«Non.»", "[Sic.]", "(Really.)", "Fine."]),
        ("He left. \"Why?\" she asked.", &["He left.", "\"Why?\" she asked."]),
        // The headline.
        (
            "Starmer says deal needs US backstop\nSir Keir spoke. He left.",
            &["Starmer says deal needs US backstop", "Sir Keir spoke.", "He left."],
        ),
        ("Mr. Smith goes to Washington\nhe said.", &["Mr. Smith goes to Washington", "he said."]),
        ("Meeting with Dr.\nSmith arrives.", &["Meeting with Dr.", "Smith arrives."]),
        ("\n\n  Headline\nBody", &["Headline", "Body"]),
        ("Headline. Two. \nBody", &["Headline.", "Two.", "Body"]),
        ("Only a headline\n", &["Only a headline"]),
        // Hard-wrapped lines.
        (
            "Headline\nStarmer will discuss peace with US President\nDonald Trump next week.\nHe left.",
            &["Headline", "Starmer will discuss peace with US President\nDonald Trump next week.", "He left."],
        ),
        ("Headline\nA line ending,\nthen more.", &["Headline", "A line ending,\nthen more."]),
        (
            "Headline\nClaims were as follows:\n- 2,900 home claims, £96 million.\n- 3,100 motor claims, £19.5 million",
            &[
                "Headline",
                "Claims were as follows:",
                "2,900 home claims, £96 million.",
                "3,100 motor claims, £19.5 million",
            ],
        ),
        ("- 10 k\n• and a second", &["- 10 k", "and a second"]),
        ("Headline\nHe met Dr.\nSmith today.", &["Headline", "He met Dr.\nSmith today."]),
        ("Headline\nHe met Donald J.\nTrump today.", &["Headline", "He met Donald J.\nTrump today."]),
        ("Headline\nHe said \"Stop!\"\nand left.", &["Headline", "He said \"Stop!\"\nand left."]),
        ("Headline\nArrive by 9 p.m.\non Friday.", &["Headline", "Arrive by 9 p.m.\non Friday."]),
        ("Headline\nTalks with the U.S.\nTroops are ready.", &["Headline", "Talks with the U.S.", "Troops are ready."]),
        ("Headline\nOne.\n\"Two.\"\n3 more.", &["Headline", "One.", "\"Two.\"", "3 more."]),
        // Paragraphs.
        ("Headline.\nBody line one\n\nnext paragraph", &["Headline.", "Body line one", "next paragraph"]),
        ("Headline\n \t\nBody", &["Headline", "Body"]),
        ("Headline\nHe met Dr.\n\nSmith was there.", &["Headline", "He met Dr.", "Smith was there."]),
        // Line endings and white space at the ends of lines.
        (
            "Headline\r\nLine one goes\r\non here. Next one.\r\n\r\nNew paragraph.",
            &["Headline", "Line one goes\r\non here.", "Next one.", "New paragraph."],
        ),
        ("Headline\rBody one.\rBody two.\r\rEnd", &["Headline", "Body one.", "Body two.", "End"]),
        ("Headline  \nLine goes \t\non. Next.  \n", &["Headline", "Line goes \t\non.", "Next."]),
        ("   \n\t Hello world. Bye.  ", &["Hello world.", "Bye."]),
    ];

    #[test]
    fn splits_every_case_as_expected() {
        for (input, expected) in CASES {
            assert_eq!(sentences(input), *expected, "input: {input:?}");
        }
    }

    #[test]
    fn shipped_seed_has_22_sentences() {
        let found = sentences(SEED);
        assert_eq!(found.len(), 22, "{found:#?}");
        assert_eq!(found[0], SEED.lines().next().unwrap_or_default());
        assert_eq!(
            found[4],
            "Starmer is set to discuss the key elements of a peace agreement with US President\n\
             Donald Trump during their upcoming meeting in Washington next week."
        );
        // Every other sentence is a line of its own.
        let lines: Vec<&str> = SEED.lines().collect();
        for (i, sentence) in found.iter().enumerate().filter(|(i, _)| *i != 4) {
            let line = if i < 4 { lines[i] } else { lines[i + 1] };
            assert_eq!(*sentence, line, "sentence {}", i + 1);
        }
    }

    #[test]
    fn shipped_seed_splits_the_same_with_crlf_and_trailing_spaces() {
        let expected: Vec<String> = sentences(SEED).into_iter().map(words).collect();
        let crlf = SEED.replace('\n', "\r\n");
        let padded = SEED.replace('\n', " \t \n");
        let both = SEED.replace('\n', "  \r\n");
        for variant in [&crlf, &padded, &both] {
            let found: Vec<String> = sentences(variant).into_iter().map(words).collect();
            assert_eq!(found, expected, "variant: {:?}", &variant[..200]);
        }
    }

    #[test]
    fn unicode_white_space_is_found_by_its_lead_bytes() {
        for c in (0x80..=0x10ffff).filter_map(char::from_u32) {
            let expected = c.is_whitespace().then(|| c.len_utf8());
            assert_eq!(unicode_whitespace_len(&c.to_string(), 0), expected, "{c:?}");
        }
    }

    /// Checks every promise of [`split_sentences`] about its spans.
    fn assert_spans_are_sound(text: &str) {
        let spans = split_sentences(text);
        let mut covered_to = 0;
        for span in &spans {
            assert!(span.start < span.end, "empty span {span:?} in {text:?}");
            assert!(span.start >= covered_to, "span {span:?} overlaps in {text:?}");
            let sentence = text.get(span.clone()).expect("span on char boundaries");
            assert_eq!(sentence, sentence.trim(), "span {span:?} has white space at an end in {text:?}");
            assert!(text[covered_to..span.start].trim().is_empty(), "text left out before {span:?} in {text:?}");
            covered_to = span.end;
        }
        assert!(text[covered_to..].trim().is_empty(), "text left out at the end of {text:?}");
    }

    /// Short strings made of the characters the splitter cares about.
    fn tricky_text() -> impl Strategy<Value = String> {
        "[a-zA-Z .!?\n\r\"'”“’…()0-9\u{a0}\u{2028}É]{0,80}"
    }

    /// Texts made of whole words the rules are about.
    fn tricky_words() -> impl Strategy<Value = String> {
        let token = prop::sample::select(vec![
            "Mr.",
            "no.",
            "U.S.",
            "p.m.",
            "etc.",
            "J.",
            "The",
            "he",
            "2.3",
            "\"Stop!\"",
            "“Yes.”",
            "word",
            "end.",
            "why?",
            "…",
            "(",
            ")",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\r\n",
            "\r",
            " \t",
        ]);
        prop::collection::vec(token, 0..40).prop_map(|tokens| tokens.concat())
    }

    /// The sentence texts with all white space folded, to compare variants.
    fn folded(text: &str) -> Vec<String> {
        sentences(text).into_iter().map(words).collect()
    }

    proptest! {
        #[test]
        fn spans_are_sound_for_any_text(text in "\\PC*") {
            assert_spans_are_sound(&text);
        }

        #[test]
        fn spans_are_sound_for_tricky_text(text in tricky_text()) {
            assert_spans_are_sound(&text);
        }

        #[test]
        fn spans_are_sound_for_tricky_words(text in tricky_words()) {
            assert_spans_are_sound(&text);
        }

        #[test]
        fn line_endings_and_trailing_spaces_do_not_change_the_split(text in tricky_words()) {
            let lf = text.replace("\r\n", "\n").replace('\r', "\n");
            let expected = folded(&lf);
            prop_assert_eq!(folded(&lf.replace('\n', "\r\n")), expected.clone());
            prop_assert_eq!(folded(&lf.replace('\n', "\r")), expected.clone());
            prop_assert_eq!(folded(&lf.replace('\n', " \t\n")), expected);
        }
    }
}
