//! Seeds: reading a source text and splitting it into numbered sentences.
//!
//! A seed must be non-empty UTF-8 text without NUL bytes; anything else is an
//! [`InputError`] naming the file and, where there is one, the byte offset.
//! Splitting itself lives in `split`; this module owns the file.

mod split;

pub use split::split_sentences;

use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::error::{InputError, Location};

/// `text` with each run of white space (line breaks of a wrapped
/// sentence included) read as one space, as a reader sees it; a space
/// stays at either edge, so words on either side stay apart.
pub fn squeezed(text: &str) -> Cow<'_, str> {
    if is_squeezed(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        match c.is_whitespace() {
            true if in_space => {}
            true => out.push(' '),
            false => out.push(c),
        }
        in_space = c.is_whitespace();
    }
    Cow::Owned(out)
}

/// A searcher for two spaces, made once: texts are looked through by the thousand.
fn two_spaces() -> &'static memchr::memmem::Finder<'static> {
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    FINDER.get_or_init(|| memchr::memmem::Finder::new(b"  "))
}

/// `text` has no white space but single spaces.
fn is_squeezed(text: &str) -> bool {
    let bytes = text.as_bytes();
    // most text is ASCII with single spaces: searched for what breaks that, not read byte by byte
    if memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_some()
        || memchr::memchr2(b'\x0b', b'\x0c', bytes).is_some()
        || two_spaces().find(bytes).is_some()
    {
        return false;
    }
    if text.is_ascii() {
        return true;
    }
    let mut after_space = false;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => return false,
            // the first bytes of every other white space character (U+0085, U+00A0, U+1680, U+2000…U+3000)
            0xC2 | 0xE1 | 0xE2 | 0xE3 if text[i..].starts_with(char::is_whitespace) => return false,
            _ => after_space = false,
        }
    }
    true
}

/// One sentence of a seed: its number (1-based, `s1` is the first), its
/// byte span, and the paragraph it stands in (from 0; the headline is one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub number: usize,
    pub span: Range<usize>,
    pub paragraph: usize,
}

impl Sentence {
    /// The id used everywhere a sentence is named: `s1`, `s2`, …
    pub fn id(&self) -> String {
        format!("s{}", self.number)
    }

    /// The sentence exactly as it stands in the file.
    pub fn raw<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.clone()]
    }

    /// The sentence as one line: every line break inside it (LF or CRLF) and
    /// the white space around it read as a single space, so the LF and CRLF
    /// versions of a text give the same sentence text.
    pub fn text(&self, text: &str) -> String {
        let raw = self.raw(text);
        if !raw.contains(['\n', '\r']) {
            return raw.to_string();
        }
        raw.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
    }
}

/// A loaded seed: where it came from, its text, its sentences and the
/// number mentions of each sentence — scanned once, here, for every stage
/// that reads them.
#[derive(Debug, Clone)]
pub struct Seed {
    pub path: PathBuf,
    pub text: String,
    pub sentences: Vec<Sentence>,
    /// The mentions of each sentence, spans as byte offsets into `text`.
    pub mentions: Vec<Vec<crate::numbers::Mention>>,
}

impl Seed {
    /// Reads and splits the text at `path`, which may also be a pipe
    /// (`tracebrief scan /dev/stdin`); `path` is also the name used in messages.
    pub fn load(path: &Path) -> Result<Seed, InputError> {
        let text = decode(path, read(path, path, Streams::Read)?)?;
        check_seed_text(path, &text)?;
        Ok(Seed::from_text(path, text))
    }

    /// Reads the seed of a project at `path`, naming it `shown` (a path relative to the project root).
    pub fn load_as(path: &Path, shown: &Path) -> Result<Seed, InputError> {
        let text = read_text(path, shown)?;
        check_seed_text(shown, &text)?;
        Ok(Seed::from_text(shown, text))
    }

    /// Splits an already-validated text.
    pub fn from_text(path: &Path, text: String) -> Seed {
        let spans = split_sentences(&text).into_iter().map(|span| skip_byte_order_mark(&text, span));
        let mut sentences: Vec<Sentence> = Vec::new();
        for span in spans.filter(|span| !span.is_empty()) {
            let paragraph = match sentences.last() {
                None => 0,
                Some(last) if starts_paragraph(&text[last.span.end..span.start], last.number == 1) => {
                    last.paragraph + 1
                }
                Some(last) => last.paragraph,
            };
            sentences.push(Sentence { number: sentences.len() + 1, span, paragraph });
        }
        let mentions = crate::numbers::scan_sentences(&text, &sentences);
        Seed { path: path.to_path_buf(), text, sentences, mentions }
    }
}

/// The text between two sentences parts paragraphs: a blank line does, and
/// so does any line break after the headline.
fn starts_paragraph(gap: &str, after_headline: bool) -> bool {
    let lines: Vec<&str> = gap.split('\n').collect();
    if after_headline {
        return lines.len() > 1;
    }
    // a line of white space only, between two line breaks, is a blank line
    lines.len() > 2 && lines[1..lines.len() - 1].iter().any(|l| l.trim().is_empty())
}

/// A UTF-8 byte order mark is not part of the first sentence; offsets stay
/// offsets into the file, so it is skipped rather than removed.
fn skip_byte_order_mark(text: &str, span: Range<usize>) -> Range<usize> {
    const BOM: char = '\u{FEFF}';
    if span.start == 0 && text.starts_with(BOM) {
        let rest = &text[BOM.len_utf8()..span.end];
        span.end - rest.trim_start().len()..span.end
    } else {
        span
    }
}

/// Reads a project's UTF-8 text file, which must be a regular file; errors name it `shown`.
pub fn read_text(path: &Path, shown: &Path) -> Result<String, InputError> {
    let bytes = read(path, shown, Streams::Refuse)?;
    decode(shown, bytes)
}

/// Whether a FIFO, socket or device may be read.
#[derive(PartialEq)]
enum Streams {
    Read,
    Refuse,
}

fn read(path: &Path, shown: &Path, streams: Streams) -> Result<Vec<u8>, InputError> {
    if path.is_dir() {
        return Err(InputError::new(shown, "is a directory, not a text file", "give the path of a .txt file"));
    }
    // a project's input that is a FIFO would make the run wait for a writer that may never come
    if streams == Streams::Refuse && std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(InputError::new(
            shown,
            "is not a regular file (a FIFO, socket or device)",
            "give the path of a text file",
        ));
    }
    std::fs::read(path).map_err(|e| {
        let help = match e.kind() {
            std::io::ErrorKind::NotFound => "check the path; it is relative to the current directory",
            std::io::ErrorKind::PermissionDenied => "make the file readable",
            _ => "check that the file can be read",
        };
        InputError::new(shown, format!("cannot read the file: {e}"), help)
    })
}

/// Checks that `bytes` are UTF-8 text, naming the byte where they are not.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        InputError::new(path, format!("invalid UTF-8 at byte {offset}"), "save the file as UTF-8 text")
            .at(Location::of_offset(valid, offset))
    })
}

/// Checks that a text can be a seed: not empty, no NUL.
fn check_seed_text(path: &Path, text: &str) -> Result<(), InputError> {
    // a byte order mark alone is still an empty file
    if text.trim_start_matches('\u{FEFF}').trim().is_empty() {
        return Err(InputError::new(path, "the file is empty", "a seed needs the text of at least one sentence"));
    }
    if let Some(offset) = text.find('\0') {
        return Err(InputError::new(
            path,
            format!("NUL byte at byte {offset}: this looks like a binary file"),
            "give a plain UTF-8 text file",
        )
        .at(Location::of_offset(text, offset)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squeezing_leaves_single_spaces_only() {
        let by_hand = |text: &str| {
            let mut out = String::new();
            for c in text.chars() {
                match c.is_whitespace() {
                    true if out.ends_with(' ') => {}
                    true => out.push(' '),
                    false => out.push(c),
                }
            }
            out
        };
        for text in
            ["one two", "one  two", "a\tb", "a\nb", "a\u{a0}b", "a \u{2009}b", "é b", "é  b", " ", "", "x\u{3000}"]
        {
            assert_eq!(squeezed(text), by_hand(text), "{text:?}");
            assert_eq!(matches!(squeezed(text), Cow::Borrowed(_)), squeezed(text) == text, "{text:?}");
        }
    }

    fn decode_err(bytes: &[u8]) -> InputError {
        let path = Path::new("x.txt");
        decode(path, bytes.to_vec()).and_then(|text| check_seed_text(path, &text)).unwrap_err()
    }

    #[test]
    fn bad_utf8_names_the_byte_and_place() {
        let e = decode_err(b"ok\nab\xffcd");
        assert_eq!(e.message, "invalid UTF-8 at byte 5");
        assert_eq!(e.location, Some(Location { line: 2, column: 3 }));
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert_eq!(decode_err(b"").message, "the file is empty");
        assert_eq!(decode_err(b" \n\r\n\t").message, "the file is empty");
    }

    #[test]
    fn nul_bytes_are_refused() {
        let e = decode_err(b"one\0two");
        assert!(e.message.starts_with("NUL byte at byte 3"), "{}", e.message);
    }

    #[test]
    fn sentence_text_joins_wrapped_lines() {
        let text = "Starmer is set to discuss\r\nthe deal.";
        let s = Sentence { number: 1, span: 0..text.len(), paragraph: 0 };
        assert_eq!(s.text(text), "Starmer is set to discuss the deal.");
        assert_eq!(s.id(), "s1");
    }

    #[test]
    fn paragraphs_part_at_blank_lines_and_after_the_headline() {
        let text = "Headline here\nOne. Two wraps\nhere. Three.\n\nFour.\r\n \r\nFive.\nSix.";
        let seed = Seed::from_text(Path::new("x.txt"), text.to_string());
        let paragraphs: Vec<usize> = seed.sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 1, 1, 2, 3, 3]);
    }
}
