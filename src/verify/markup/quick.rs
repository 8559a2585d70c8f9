//! The quick reader: the markup most pages are made of, read with byte
//! searches to the same tokens HTML's tokenizer makes of it — text, start
//! and end tags with any attributes, `<!-- comments -->`, `<!DOCTYPE html>`,
//! and the text of `<title>`, `<textarea>`, `<style>` and `<script>` up to
//! the tag that ends it.
//!
//! Anything else — a `<!` or `<?` it does not know, a NUL, a tag the page
//! ends in, a script with `<!--` in it, `<plaintext>` — it leaves to the
//! tokenizer, from that token's `<` (or the start of that text), in the
//! state the tokenizer would be in there.

use html5gum::State;
use memchr::{memchr, memmem};

use super::{Reader, TextState, is_space};

/// What the quick reader did not read: where the tokenizer must go on, and in which state.
pub(super) type Unread = Option<(usize, State)>;

impl Reader<'_, '_> {
    /// Reads the page from `at`, a place between tokens, in the current
    /// text state; where it stopped, if not at the end of the page.
    pub(super) fn quick(&mut self, mut at: usize) -> Unread {
        let bytes = self.html.as_bytes();
        loop {
            if self.text_state() != TextState::Data {
                // the text of a `<title>`, `<style>` … runs to the end tag of its element
                let state = self.text_after.unwrap_or(State::Data);
                match self.end_of_text(at, state) {
                    Some(lt) => at = lt,
                    None => return Some((at, state)),
                }
            }
            let Some(lt) = memchr(b'<', bytes.get(at..).unwrap_or_default()).map(|i| at + i) else {
                // the page ends in text
                self.ended = true;
                self.text_until(bytes.len(), bytes.len());
                return None;
            };
            let next = bytes.get(lt + 1).copied();
            let read = match next {
                Some(b) if b.is_ascii_alphabetic() => self.tag(lt, false),
                Some(b'/') => match bytes.get(lt + 2) {
                    Some(b) if b.is_ascii_alphabetic() => self.tag(lt, true),
                    // `</>` is no token; text_until splits the text there
                    Some(b'>') => Text,
                    _ => Unknown,
                },
                Some(b'!') => self.comment_or_doctype(lt),
                Some(b'?') => Unknown,
                // a `<` before anything else is text
                _ => Text,
            };
            match read {
                Token(end) => at = end,
                Text => at = lt + 1,
                Unknown => {
                    self.position = lt;
                    return Some((lt, State::Data));
                }
            }
        }
    }

    /// Where the end tag that ends the text of the element opened last
    /// starts, reading from `at` in `state`; none if the tokenizer must read it.
    fn end_of_text(&self, at: usize, state: State) -> Option<usize> {
        let bytes = self.html.as_bytes();
        let name = self.last_start_tag.as_slice();
        if !matches!(state, State::RcData | State::RawText | State::ScriptData) || name.is_empty() {
            return None;
        }
        let mut from = at;
        let lt = loop {
            let lt = from + memmem::find(bytes.get(from..)?, b"</")?;
            let after = lt + 2 + name.len();
            let named = bytes.get(lt + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(name));
            match bytes.get(after) {
                Some(&b) if named && (is_space(b) || b == b'/' || b == b'>') => break lt,
                // the page ends in the end tag's name: the tokenizer says what that is
                None if named => return None,
                _ => from = lt + 2,
            }
        };
        // `<!--` in a script starts states of its own
        let escapes = state == State::ScriptData && memmem::find(&bytes[at..lt], b"<!--").is_some();
        (!escapes).then_some(lt)
    }

    /// Reads the start tag (or end tag) whose `<` is at `lt`, and hands it on.
    fn tag(&mut self, lt: usize, end: bool) -> Read {
        let Some(after) = self.tag_token(lt, end) else { return Unknown };
        self.token_from(lt, after);
        if end {
            self.end_tag();
        } else {
            self.start_tag();
        }
        Token(after)
    }

    /// Reads the tag at `lt` into `self.tag`, as the tokenizer does; where
    /// it ends, or none for what only the tokenizer reads (a NUL, the end
    /// of the page inside the tag).
    fn tag_token(&mut self, lt: usize, end: bool) -> Option<usize> {
        let bytes = self.html.as_bytes();
        self.tag.start(end, lt);
        let mut i = lt + 1 + usize::from(end);
        // the name, in lower case
        loop {
            match *bytes.get(i)? {
                b if is_space(b) || b == b'/' || b == b'>' => break,
                0 => return None,
                b => self.tag.name.push(b.to_ascii_lowercase()),
            }
            i += 1;
        }
        loop {
            // before an attribute's name
            while is_space(*bytes.get(i)?) {
                i += 1;
            }
            match bytes[i] {
                b'>' => return Some(i + 1),
                b'/' => {
                    i += 1;
                    if *bytes.get(i)? == b'>' {
                        self.tag.self_closing = true;
                        return Some(i + 1);
                    }
                    // a `/` before anything else is no part of the tag
                    continue;
                }
                _ => {}
            }
            // the name: a first `=` is part of it
            self.tag.begin_attribute();
            let start = i;
            loop {
                match *bytes.get(i)? {
                    b'=' if i > start => break,
                    b if is_space(b) || b == b'/' || b == b'>' => break,
                    0 => return None,
                    b => self.tag.names.push(b.to_ascii_lowercase()),
                }
                i += 1;
            }
            while is_space(*bytes.get(i)?) {
                i += 1;
            }
            if bytes[i] != b'=' {
                // no value: the next attribute, a `/` or the end of the tag
                continue;
            }
            i += 1;
            while is_space(*bytes.get(i)?) {
                i += 1;
            }
            match bytes[i] {
                quote @ (b'"' | b'\'') => {
                    let value_at = i + 1;
                    let close = memchr(quote, bytes.get(value_at..)?)?;
                    self.tag.value_starts_at(value_at);
                    i = value_at + close + 1;
                }
                // `a=>`: no value, and the end of the tag
                b'>' => return Some(i + 1),
                _ => {
                    self.tag.value_starts_at(i);
                    loop {
                        match *bytes.get(i)? {
                            b if is_space(b) || b == b'>' => break,
                            0 => return None,
                            _ => i += 1,
                        }
                    }
                }
            }
        }
    }

    /// The token read from `lt` to `end`: the text before it is handed on,
    /// as when the tokenizer emits a token.
    fn token_from(&mut self, lt: usize, end: usize) {
        self.lt_at = lt;
        self.token_at = Some(lt);
        self.position = end;
        self.token_read();
    }

    /// Reads the `<!` at `lt`: a comment, or the doctype `<!DOCTYPE html>`.
    fn comment_or_doctype(&mut self, lt: usize) -> Read {
        let bytes = self.html.as_bytes();
        let rest = &bytes[lt..];
        let end = if let Some(body) = rest.strip_prefix(b"<!--") {
            // `<!-->` and `<!--->` end at once, with rules of their own
            if body.first().is_none_or(|b| matches!(b, b'>' | b'-')) {
                return Unknown;
            }
            match comment_end(body) {
                Some(len) => lt + 4 + len,
                None => return Unknown,
            }
        } else if rest.len() >= 15 && rest[..15].eq_ignore_ascii_case(b"<!doctype html>") {
            lt + 15
        } else {
            return Unknown;
        };
        self.token_from(lt, end);
        Token(end)
    }
}

/// The length of a comment's text with the `--!>` or `-->` that ends it;
/// none if the page ends first.
fn comment_end(body: &[u8]) -> Option<usize> {
    let mut from = 0;
    loop {
        let dashes = from + memmem::find(body.get(from..)?, b"--")?;
        // more dashes stay in the comment's end
        let mut i = dashes + 2;
        while body.get(i) == Some(&b'-') {
            i += 1;
        }
        match body.get(i) {
            Some(b'>') => return Some(i + 1),
            Some(b'!') if body.get(i + 1) == Some(&b'>') => return Some(i + 2),
            // no `--` that starts in this run of dashes ends the comment
            Some(_) => from = i,
            None => return None,
        }
    }
}

/// What the quick reader made of a `<`.
enum Read {
    /// A token, read and handed on; the page goes on at this place.
    Token(usize),
    /// Text.
    Text,
    /// Something only the tokenizer reads.
    Unknown,
}

use Read::{Text, Token, Unknown};
