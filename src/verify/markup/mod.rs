//! Reading a page's markup: html5gum's tokenizer (WHATWG's, with the states
//! of its own for the text of `<script>`, `<style>`, `<textarea>`,
//! `<title>` …) reads start tags, end tags, comments and text; this reader
//! hands the walk ([`super::walk`]) each start tag with the attributes the
//! check reads, each element's end, and each text node. Text and attribute
//! values are taken from the page as written, with their places: the
//! tokenizer gives them decoded, and the walk decodes them itself
//! ([`super::references`]) to map every mention back to where it is written.
//!
//! What a tokenizer leaves to a tree builder is simulated here, as lol_html
//! (the reader before this one) simulates it: which text state follows a
//! start tag (only in HTML: an SVG `<style>` holds markup), whether
//! `<![CDATA[` opens a section (only in SVG and MathML), whether an element
//! is void, and which open element an end tag ends (the innermost of its
//! name, with everything opened inside it).
//!
//! Most of a page is plain markup — text, tags with quoted attributes,
//! comments, the doctype — that a few byte searches read as exactly as the
//! tokenizer does ([`quick`]); the tokenizer is lent the page only from the
//! first thing that reader does not know to the end of the token it makes
//! of it, and hands the page back.
//!
//! It judges nothing, and keeps no more of the page than the open elements.

mod quick;

use std::borrow::Cow;

use html5gum::{Emitter, Error, ForwardingEmitter, State, Tokenizer};

use super::walk::{Attributes, Tag, TextKind, Walk, may_be_read};
use super::{Found, Known};

/// Reads `html`, handing the walk everything it judges; what it found.
pub(super) fn read(html: &str, known: Known) -> Found {
    let mut walk = Walk::new(known);
    Reader::new(html, &mut walk).read_all();
    walk.into_found()
}

/// What reading `html` found, and every token and text the reader handed
/// the walk, with their places: quickly as [`read`] does, or with the
/// tokenizer alone, as [`read`] must read it.
#[cfg(test)]
pub(super) fn read_logged(html: &str, known: Known, quickly: bool) -> (Found, Vec<String>) {
    let mut walk = Walk::new(known);
    let mut reader = Reader::new(html, &mut walk);
    reader.log = Some(Vec::new());
    if quickly {
        reader.read_all();
    } else {
        reader.keep = true;
        reader.lend(0, State::Data);
    }
    let log = reader.log.take().unwrap_or_default();
    (walk.into_found(), log)
}

/// White space as HTML's tokenizer reads it.
pub(super) const fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C')
}

/// The state text is read in, as the start tag before it set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextState {
    /// Markup and character references.
    Data,
    /// Character references, but no markup (`<title>`, `<textarea>`).
    RcData,
    /// Neither (`<script>`, `<style>`, `<plaintext>` …).
    Raw,
}

/// html5gum's emitter: follows the tokenizer through the page, by the
/// place it has read to, and hands each finished token to the walk.
struct Reader<'w, 'a> {
    html: &'a str,
    walk: &'w mut Walk<'a>,
    /// How far the tokenizer has read, in bytes of the page.
    position: usize,
    /// Where the text not yet handed to the walk starts.
    text_from: usize,
    /// The `<` read last, which may start a token.
    lt_at: usize,
    /// The `<` of the tag, comment or doctype being read, while one is.
    token_at: Option<usize>,
    /// Where the text of the CDATA section being read starts, while one is.
    cdata_from: Option<usize>,
    tag: TagToken,
    last_start_tag: Vec<u8>,
    /// The tokenizer's state for the text being read, when not `Data`: as
    /// the start tag before it set it (`<title>`: `RcData`), until its end tag.
    text_after: Option<State>,
    elements: Elements,
    namespaces: Namespaces,
    /// Where the token the tokenizer emitted last ends, once it has emitted
    /// one the quick reader may go on after.
    handed_back_at: Option<usize>,
    /// The tokenizer has read the whole page.
    ended: bool,
    /// The tokenizer keeps the page to the end (to test the quick reader by).
    #[cfg(test)]
    keep: bool,
    /// Every token and text handed to the walk, when kept (to test the quick reader by).
    #[cfg(test)]
    log: Option<Vec<String>>,
}

/// The reader, lent to the tokenizer for a while.
struct Lent<'r, 'w, 'a>(&'r mut Reader<'w, 'a>);

impl ForwardingEmitter for Lent<'_, '_, '_> {
    type Token = ();

    fn inner(&mut self) -> &mut impl Emitter<Token = ()> {
        &mut *self.0
    }
}

impl<'w, 'a> Reader<'w, 'a> {
    fn new(html: &'a str, walk: &'w mut Walk<'a>) -> Reader<'w, 'a> {
        Reader {
            html,
            walk,
            position: 0,
            text_from: 0,
            lt_at: 0,
            token_at: None,
            cdata_from: None,
            tag: TagToken::default(),
            last_start_tag: Vec::new(),
            text_after: None,
            elements: Elements::default(),
            namespaces: Namespaces::default(),
            handed_back_at: None,
            ended: false,
            #[cfg(test)]
            keep: false,
            #[cfg(test)]
            log: None,
        }
    }

    /// Reads the whole page: quickly where it can, the tokenizer lent the rest.
    fn read_all(&mut self) {
        let mut at = 0;
        while let Some((from, state)) = self.quick(at) {
            if !self.lend(from, state) {
                break;
            }
            at = self.position;
        }
    }

    /// Lends the tokenizer the page from `from`, read in `state`, until it
    /// has made a token the quick reader may go on after (at `position`);
    /// false when it has read to the end.
    fn lend(&mut self, from: usize, state: State) -> bool {
        debug_assert!(self.html.is_char_boundary(from), "the tokenizer is lent the page at {from}");
        let Some(rest) = self.html.get(from..) else { return false };
        self.position = from;
        self.handed_back_at = None;
        let mut tokenizer = Tokenizer::new_with_emitter(rest, Lent(self));
        tokenizer.set_state(state);
        matches!(tokenizer.next(), Some(Ok(()))) && !self.ended
    }

    /// The state the text being read is in.
    fn text_state(&self) -> TextState {
        match self.text_after {
            None | Some(State::Data) => TextState::Data,
            Some(State::RcData) => TextState::RcData,
            Some(_) => TextState::Raw,
        }
    }

    /// The tokenizer has emitted a token: the quick reader may go on after it
    /// unless the text after it is one only the tokenizer reads.
    fn emitted(&mut self) {
        let quick_reads =
            matches!(self.text_after, None | Some(State::Data | State::RcData | State::RawText | State::ScriptData));
        if quick_reads && self.cdata_from.is_none() {
            self.handed_back_at = Some(self.position);
        }
    }

    /// Hands the walk the text up to `end`, and starts the next text at `next`.
    fn text_until(&mut self, end: usize, next: usize) {
        let from = self.text_from;
        self.text_from = next;
        let Some(text) = self.html.get(from..end).filter(|t| !t.is_empty()) else {
            return;
        };
        let state = self.text_state();
        #[cfg(test)]
        if let Some(log) = &mut self.log {
            log.push(format!("text {from}..{end} {state:?}"));
        }
        match state {
            TextState::Data if !text.contains('<') => self.walk.text_node(text, TextKind::Decoded, |i| from + i),
            // `</>` is no token and no text, but ends the text node before it, as in lol_html
            TextState::Data => {
                let mut start = 0;
                for (at, _) in text.match_indices("</>").chain([(text.len(), "")]) {
                    let node = &text[start..at];
                    self.walk.text_node(node, TextKind::Decoded, |i| from + start + i);
                    start = at + "</>".len();
                }
            }
            TextState::RcData => self.walk.text_node(text, TextKind::Decoded, |i| from + i),
            TextState::Raw => self.walk.text_node(text, TextKind::Verbatim, |i| from + i),
        }
    }

    /// Hands the walk the text of the CDATA section being read, up to `end`.
    fn cdata_until(&mut self, end: usize) {
        if let Some(from) = self.cdata_from.take()
            && let Some(text) = self.html.get(from..end.max(from))
        {
            self.walk.text_node(text, TextKind::Verbatim, |i| from + i);
        }
    }

    /// The text before the token being emitted, which starts at `token_at`
    /// and ends where the tokenizer is.
    fn token_read(&mut self) {
        debug_assert!(self.token_at.is_some(), "a token emitted at {} was begun", self.position);
        let token_at = self.token_at.take().unwrap_or(self.position);
        self.text_until(token_at, self.position);
        #[cfg(test)]
        if let Some(log) = &mut self.log {
            let tag = &self.tag;
            let attributes: Vec<_> = tag.attributes(self.html).map(|a| (a.name.to_vec(), a.value_at)).collect();
            log.push(format!("token {token_at}..{} {:?} {} {attributes:?}", self.position, tag.name, tag.self_closing));
        }
    }

    fn start_tag(&mut self) -> Option<State> {
        let html = self.html;
        let tag = &self.tag;
        let name = tag.name.as_slice();
        let state = self.namespaces.start_tag(name, tag.self_closing, || tag.attributes(html));
        let foreign = self.namespaces.is_foreign();
        let void = if foreign { tag.self_closing } else { is_void(name) };
        let kind = Tag::of(name);
        let mut attributes = Attributes::default();
        let css = self.walk.known.css;
        for attribute in tag.attributes(html) {
            let drawn = css.shows(attribute.name);
            if !drawn && !may_be_read(attribute.name) {
                continue;
            }
            // an attribute without a value is located at its tag
            let at = attribute.value_at.unwrap_or(tag.at);
            attributes.read(kind, attribute.name, || Cow::Borrowed(attribute.value()), at, drawn);
        }
        if let Some(opened) = self.walk.start_tag(kind, foreign, attributes.read_all(), void) {
            self.elements.push(name, opened.id);
        }
        // the name is not needed again until the next tag clears it
        std::mem::swap(&mut self.last_start_tag, &mut self.tag.name);
        self.text_after = state;
        state
    }

    fn end_tag(&mut self) {
        let name = self.tag.name.as_slice();
        self.namespaces.end_tag(name);
        if let Some(id) = self.elements.close(name) {
            self.walk.end(id);
        }
        self.text_after = None;
    }
}

impl Emitter for Reader<'_, '_> {
    type Token = ();

    fn set_last_start_tag(&mut self, name: Option<&[u8]>) {
        self.last_start_tag.clear();
        self.last_start_tag.extend_from_slice(name.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        self.ended = true;
        let end = self.html.len();
        if self.cdata_from.is_some() {
            self.cdata_until(end);
        } else {
            // a tag the page ends in is no tag (HTML drops it); text runs to the end
            let text_end = self.token_at.take().unwrap_or(end);
            self.text_until(text_end, end);
        }
    }

    fn emit_error(&mut self, _: Error) {}

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    /// Hands the page back after a token the quick reader may go on after,
    /// unless the tokenizer has begun another since (its `<` is read).
    fn pop_token(&mut self) -> Option<()> {
        #[cfg(test)]
        if self.keep {
            return None;
        }
        let end = self.handed_back_at.take()?;
        (self.lt_at < end || self.ended).then_some(())
    }

    fn init_string(&mut self) {
        // text after a CDATA section: the section ended with the `]]>` just read
        if self.cdata_from.is_some() {
            self.cdata_until(self.position.saturating_sub("]]>".len()));
            self.text_from = self.position;
        }
    }

    fn emit_string(&mut self, _: &[u8]) {
        // text: whatever looked like the start of a token was not one (`<title>1</b>`)
        self.token_at = None;
    }

    fn init_start_tag(&mut self) {
        self.tag.start(false, self.lt_at);
        self.token_at = Some(self.lt_at);
    }

    fn init_end_tag(&mut self) {
        self.tag.start(true, self.lt_at);
        self.token_at = Some(self.lt_at);
    }

    fn init_comment(&mut self) {
        self.token_at = Some(self.lt_at);
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        self.token_read();
        let state = if self.tag.end {
            self.end_tag();
            None
        } else {
            self.start_tag()
        };
        self.emitted();
        state
    }

    fn emit_current_comment(&mut self) {
        self.token_read();
        self.emitted();
    }

    fn emit_current_doctype(&mut self) {
        self.token_read();
        self.emitted();
    }

    fn set_self_closing(&mut self) {
        self.tag.self_closing = true;
    }

    fn set_force_quirks(&mut self) {}

    fn push_tag_name(&mut self, s: &[u8]) {
        self.tag.name.extend_from_slice(s);
    }

    fn push_comment(&mut self, _: &[u8]) {}

    fn push_doctype_name(&mut self, _: &[u8]) {}

    fn init_doctype(&mut self) {
        self.token_at = Some(self.lt_at);
    }

    fn init_attribute(&mut self) {
        self.tag.begin_attribute();
    }

    fn init_attribute_value(&mut self) {
        self.tag.value_starts_at(self.position);
    }

    fn push_attribute_name(&mut self, s: &[u8]) {
        self.tag.names.extend_from_slice(s);
    }

    fn push_attribute_value(&mut self, _: &[u8]) {}

    fn set_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn start_open_tag(&mut self) {
        self.lt_at = self.position.saturating_sub(1);
        debug_assert_eq!(self.html.as_bytes().get(self.lt_at), Some(&b'<'));
    }

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.tag.end && !self.last_start_tag.is_empty() && self.tag.name == self.last_start_tag
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&mut self) -> bool {
        if !self.namespaces.is_foreign() {
            return false;
        }
        // `<![CDATA[` was just read: the text before it ends at its `<`
        self.text_until(self.lt_at, self.position);
        self.cdata_from = Some(self.position);
        true
    }

    fn move_position(&mut self, offset: isize) {
        self.position = self.position.saturating_add_signed(offset);
    }
}

// ---------------------------------------------------------------------------
// Tags

/// The tag being read: its name (in lower case, as html5gum gives it) and
/// its attributes' names, each with where its value starts in the page.
#[derive(Debug, Default)]
struct TagToken {
    end: bool,
    /// Where its `<` is.
    at: usize,
    name: Vec<u8>,
    self_closing: bool,
    /// The attributes' names, one after another.
    names: Vec<u8>,
    /// Each attribute: where its name starts in `names`, and where its
    /// value starts in the page (none without `=`).
    names_at: Vec<(usize, Option<usize>)>,
}

/// An attribute of a start tag, its value as written.
struct Attribute<'t, 'a> {
    name: &'t [u8],
    html: &'a str,
    /// Where its value starts in the page; none when the attribute has no `=`.
    value_at: Option<usize>,
}

impl<'a> Attribute<'_, 'a> {
    /// Its value as written, found only when asked for: most are never read.
    fn value(&self) -> &'a str {
        self.value_at.map_or("", |at| value(self.html, at))
    }
}

impl TagToken {
    fn start(&mut self, end: bool, at: usize) {
        self.end = end;
        self.at = at;
        self.name.clear();
        self.self_closing = false;
        self.names.clear();
        self.names_at.clear();
    }

    /// A new attribute begins; its name follows.
    fn begin_attribute(&mut self) {
        self.names_at.push((self.names.len(), None));
    }

    /// The value of the attribute begun last starts at `at` in the page.
    fn value_starts_at(&mut self, at: usize) {
        if let Some(attribute) = self.names_at.last_mut() {
            attribute.1 = Some(at);
        }
    }

    /// Its attributes, in the order written, each value read from `html`.
    fn attributes<'t, 'a>(&'t self, html: &'a str) -> impl Iterator<Item = Attribute<'t, 'a>> {
        let ends = self.names_at.iter().skip(1).map(|a| a.0).chain([self.names.len()]);
        self.names_at.iter().zip(ends).map(move |(&(start, value_at), end)| Attribute {
            name: &self.names[start..end],
            html,
            value_at,
        })
    }
}

/// The value that starts at `at` in `html`: to the quote that closes it,
/// or unquoted, to the first space or `>`; or to the end of the page.
fn value(html: &str, at: usize) -> &str {
    let bytes = html.as_bytes();
    let rest = bytes.get(at..).unwrap_or_default();
    let len = match at.checked_sub(1).and_then(|before| bytes.get(before)) {
        Some(&quote @ (b'"' | b'\'')) => memchr::memchr(quote, rest),
        _ => rest.iter().position(|b| is_space(*b) || *b == b'>'),
    };
    html.get(at..at + len.unwrap_or(rest.len())).unwrap_or_default()
}

/// HTML's void elements (their names in lower case): no content, no end tag.
pub(super) fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"basefont"
            | b"bgsound"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"keygen"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
    )
}

// ---------------------------------------------------------------------------
// The open elements, for end tags

/// Every open element, by name: an end tag ends the innermost one of its
/// name, with everything opened inside it; one of no open element's name
/// is ignored.
#[derive(Debug, Default)]
struct Elements {
    /// Their names, one after another.
    names: Vec<u8>,
    /// Each one's id, and where its name starts in `names`.
    open: Vec<(u64, usize)>,
    /// How many open elements' names fall in each bucket of [`bucket`],
    /// to pass over an end tag of no open element at once.
    buckets: [u32; 32],
}

impl Elements {
    fn push(&mut self, name: &[u8], id: u64) {
        self.open.push((id, self.names.len()));
        self.names.extend_from_slice(name);
        self.buckets[bucket(name)] += 1;
    }

    /// Closes the innermost open element named `name` and those opened
    /// inside it; the id of the first, if there is one.
    fn close(&mut self, name: &[u8]) -> Option<u64> {
        if self.buckets[bucket(name)] == 0 {
            return None;
        }
        let mut end = self.names.len();
        let at = self.open.iter().rposition(|&(_, start)| {
            let found = &self.names[start..end] == name;
            end = start;
            found
        })?;
        let id = self.open[at].0;
        let mut end = self.names.len();
        for &(_, start) in self.open[at..].iter().rev() {
            self.buckets[bucket(&self.names[start..end])] -= 1;
            end = start;
        }
        self.names.truncate(self.open[at].1);
        self.open.truncate(at);
        Some(id)
    }
}

/// A cheap hash of an element name, in `0..32`.
fn bucket(name: &[u8]) -> usize {
    let first = name.first().copied().unwrap_or(0) as usize;
    let last = name.last().copied().unwrap_or(0) as usize;
    (first * 7 + last * 3 + name.len()) % 32
}

// ---------------------------------------------------------------------------
// Namespaces

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Namespace {
    Html,
    Svg,
    MathMl,
}

/// Where the page is in HTML, SVG or MathML, as lol_html simulates it: a
/// stack of the namespaces entered (`<svg>`, `<math>`, and HTML again at an
/// integration point such as `<foreignObject>`), each left at its end tag
/// or, for SVG and MathML, at an HTML element that breaks out of them.
#[derive(Debug)]
struct Namespaces {
    /// Never empty: it starts in HTML.
    entered: Vec<Namespace>,
}

impl Default for Namespaces {
    fn default() -> Self {
        Namespaces { entered: vec![Namespace::Html] }
    }
}

impl Namespaces {
    fn current(&self) -> Namespace {
        self.entered.last().copied().unwrap_or(Namespace::Html)
    }

    /// The page is in SVG or MathML.
    fn is_foreign(&self) -> bool {
        self.current() != Namespace::Html
    }

    fn enter(&mut self, namespace: Namespace) {
        self.entered.push(namespace);
    }

    fn leave(&mut self) {
        if self.entered.len() > 1 {
            self.entered.pop();
        }
    }

    /// A start tag named `name`; the state of the text after it, when not `Data`.
    fn start_tag<'t, 'a, A>(&mut self, name: &[u8], self_closing: bool, attributes: impl Fn() -> A) -> Option<State>
    where
        A: Iterator<Item = Attribute<'t, 'a>>,
    {
        use Namespace::*;
        match name {
            b"svg" => self.enter(Svg),
            b"math" => self.enter(MathMl),
            _ if self.current() == Html => return text_state_after(name),
            _ if breaks_out_of_foreign_content(name) => self.leave(),
            // a self-closed one has no content to be HTML
            _ if is_integration_point(self.current(), name) && !self_closing => self.enter(Html),
            b"font" => {
                // `<font>` breaks out only with the attributes HTML's `<font>` has
                let html_font = |a: Attribute<'_, '_>| matches!(a.name, b"color" | b"size" | b"face");
                if attributes().any(html_font) {
                    self.leave();
                }
            }
            b"annotation-xml" if self.current() == MathMl && !self_closing => {
                let html = |a: Attribute<'_, '_>| {
                    a.name == b"encoding"
                        && ["text/html", "application/xhtml+xml"].iter().any(|t| a.value().eq_ignore_ascii_case(t))
                };
                if attributes().any(html) {
                    self.enter(Html);
                }
            }
            _ => {}
        }
        None
    }

    /// An end tag named `name`.
    fn end_tag(&mut self, name: &[u8]) {
        use Namespace::*;
        match self.current() {
            Html => {
                // the end of an integration point leaves the HTML it entered
                let [.., outer, _] = self.entered[..] else { return };
                let ends = match outer {
                    MathMl => name == b"annotation-xml" || is_integration_point(MathMl, name),
                    Svg => is_integration_point(Svg, name),
                    Html => false,
                };
                if ends {
                    self.leave();
                }
            }
            Svg if matches!(name, b"svg" | b"p" | b"br") => self.leave(),
            MathMl if matches!(name, b"math" | b"p" | b"br") => self.leave(),
            _ => {}
        }
    }
}

/// The state of the text after an HTML start tag named `name`, when not `Data`.
/// `<noscript>` holds markup, as a browser that runs no script reads it and
/// shows it: what it says is published to those readers.
fn text_state_after(name: &[u8]) -> Option<State> {
    match name {
        b"textarea" | b"title" => Some(State::RcData),
        b"plaintext" => Some(State::PlainText),
        b"script" => Some(State::ScriptData),
        b"style" | b"iframe" | b"xmp" | b"noembed" | b"noframes" => Some(State::RawText),
        _ => None,
    }
}

/// Elements whose content is HTML inside SVG or MathML: `<foreignObject>`,
/// `<desc>` and `<title>` in SVG, the text elements of MathML.
fn is_integration_point(namespace: Namespace, name: &[u8]) -> bool {
    match namespace {
        Namespace::Svg => matches!(name, b"desc" | b"title" | b"foreignobject"),
        Namespace::MathMl => matches!(name, b"mi" | b"mo" | b"mn" | b"ms" | b"mtext"),
        Namespace::Html => false,
    }
}

/// HTML elements that end SVG or MathML where they start.
fn breaks_out_of_foreign_content(name: &[u8]) -> bool {
    matches!(
        name,
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
    )
}
