//! What the page's elements say about the text inside them: the reader
//! ([`super::markup`]) gives start tags, the ends of elements and text; this
//! walk keeps the stack of open elements — closing the ones HTML lets a page
//! leave open (`<td>1<td>2` are siblings), so an unclosed tag cannot lend its
//! `data-trace` to the text after it — and hands every piece of text a reader
//! is shown to the judge ([`super::accounting`]) with the claim of the
//! element around it.
//!
//! The text a reader is shown: text nodes outside `<head>`, `<script>`,
//! `<style>`, `<template>` (and the never-shown `<iframe>`, `<noembed>`,
//! `<noframes>`), `<noscript>` included, which readers without scripts
//! see; the document's `<title>`, which the tab, bookmarks and search
//! results show; the attributes a reader sees or
//! hears (`title`, `alt`, `aria-label`, `aria-description`, `placeholder`,
//! the `value` of inputs and buttons); the descriptions a page gives of
//! itself, which search results and link previews show (`<meta
//! name="description">`, `og:title`, `og:description` and the like, read even
//! in `<head>`); list numbering (`<ol start>`, `<li value>`); the strings a
//! `<style>` draws with `content`, and the attributes the site's CSS draws
//! with `attr()` ([`super::css`]). Comments and other attributes are not read.
//!
//! Only the elements that can change what text means are kept on the stack:
//! those with `data-trace`, `data-sentence` or `data-briefing`, the hidden
//! ones, SVG and MathML, the ones HTML's implied end tags look for, and the
//! ones that may stand in `<head>`. Any other element says nothing its parent
//! does not, and its end tag also ends every element opened inside it, so
//! leaving it out changes nothing.
//!
//! The lol_html reader this walk was first written for stays, in tests
//! only, as the reading the new one is held to.

use std::borrow::Cow;

use super::accounting::{sentence_text, unaccounted};
use super::gathered::Gathered;
use super::memo;
use super::references::{Decoded, decode_references, decoded};
use super::{Found, FoundMention, Known, Reason, css};

#[cfg(test)]
mod by_lol_html;
#[cfg(test)]
pub(super) use by_lol_html::{read_with_lol_html, write_in_pieces};

/// The state of one page's walk: the open elements, and what it found.
pub(super) struct Walk<'a> {
    pub known: Known<'a>,
    open: OpenElements<'a>,
    found: Found,
}

/// An element [`Walk::start_tag`] opened.
pub(super) struct Opened {
    /// Its place in document order, to name it at its end.
    pub id: u64,
    /// It has a frame on the stack, to close at its end tag.
    #[cfg_attr(not(test), expect(dead_code, reason = "only the lol_html reader asks"))]
    pub framed: bool,
}

/// How the characters of a text node are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextKind {
    /// Character references are decoded (text, `<title>`, `<textarea>`).
    Decoded,
    /// As written (`<script>`, `<style>`, `<plaintext>`, CDATA sections).
    Verbatim,
}

impl<'a> Walk<'a> {
    pub(super) fn new(known: Known<'a>) -> Walk<'a> {
        Walk { known, open: OpenElements::default(), found: Vec::new() }
    }

    /// Every unaccounted mention found, in the order found.
    pub(super) fn into_found(mut self) -> Found {
        // what is still open at the end of the page ends with it
        self.open.truncate(0);
        self.judge_closed();
        self.found
    }

    /// A start tag: closes what it implies and, unless the element is void
    /// (`<br>`, `<img>`: no text, no end tag), opens it.
    pub(super) fn start_tag(
        &mut self,
        tag: Tag,
        foreign: bool,
        attributes: Attributes<'a>,
        void: bool,
    ) -> Option<Opened> {
        self.open.close_implied_by(tag);
        if tag != Tag::Other {
            self.open.break_text();
        }
        self.open.next_id += 1;
        let id = self.open.next_id;
        let depth = self.open.frames.len();
        let framed = self.open.open(id, tag, foreign, attributes.data);
        // what the element shows in its attributes is claimed by the element itself
        for (value, page_offset) in &attributes.shown {
            self.shown_text(value, page_offset.to_owned());
        }
        if let Some((value, page_offset)) = &attributes.style {
            let decoded = decode_references(value);
            self.judge_style(&decoded.text, |at| page_offset + decoded.raw_offset(at));
        }
        // a description of the page is shown wherever the page is listed, `<head>` or not
        if let Some((value, page_offset)) = &attributes.described {
            let decoded = decode_references(value);
            self.judge(&decoded, |at| page_offset + at);
        }
        if void {
            // no text, no end tag: it is closed as soon as it is read
            self.open.truncate(depth);
            self.judge_closed();
            return None;
        }
        self.judge_closed();
        Some(Opened { id, framed })
    }

    /// An attribute value a reader is shown, starting at `page_offset` in the page.
    fn shown_text(&mut self, value: &str, page_offset: usize) {
        if self.open.top().is_some_and(|f| f.hidden) {
            return;
        }
        let decoded = decode_references(value);
        // inside a sentence being gathered, it is read apart from the sentence's words
        self.open.break_text();
        self.judge(&decoded, |at| page_offset + at);
        self.open.break_text();
    }

    /// The end of element `id` (by its end tag, or an outer one's): it
    /// closes, with every element opened inside it.
    pub(super) fn end(&mut self, id: u64) {
        self.open.close_from(id);
        self.judge_closed();
    }

    /// A text node read as `kind`; `page_offset` maps a byte offset in
    /// `text` to one in the page.
    pub(super) fn text_node(&mut self, text: &str, kind: TextKind, page_offset: impl Fn(usize) -> usize) {
        if text.bytes().all(|b| b.is_ascii_whitespace()) || text.trim_start().is_empty() {
            // white space keeps apart the words of the text being gathered
            if !self.open.top().is_some_and(|f| f.hidden)
                && let Some(claim) = self.open.gathering()
            {
                claim.gathered.add_break();
            }
            return;
        }
        let open = &mut self.open;
        if let Some(head) = open.head_on_top() {
            // text leaves `<head>` as HTML reads it: it starts the body
            open.truncate(head);
            self.judge_closed();
        }
        let open = &mut self.open;
        if open.top().is_some_and(|f| f.tag == Tag::Style) {
            // a style sheet is no text, but the strings it draws are, where it applies
            if open.style_applies() {
                // in SVG or MathML a style's character references are decoded
                let decoded = match kind {
                    TextKind::Decoded => decode_references(text),
                    TextKind::Verbatim => Decoded::verbatim(text),
                };
                self.judge_style(&decoded.text, |at| page_offset(decoded.raw_offset(at)));
            }
            return;
        }
        if open.top().is_some_and(|f| f.hidden) {
            return;
        }
        let decoded = match kind {
            TextKind::Decoded => decode_references(text),
            TextKind::Verbatim => Decoded::verbatim(text),
        };
        self.judge(&decoded, page_offset);
    }

    /// Every number the strings of a `<style>` draw (CSS `content`): CSS cites no sentence.
    fn judge_style(&mut self, css: &str, page_offset: impl Fn(usize) -> usize) {
        for (at, text) in css::drawn_numbers(css) {
            let briefing = self.open.top().and_then(|f| f.briefing).map(|b| self.open.briefings[b].to_string());
            self.found.push(FoundMention { offset: page_offset(at), text, reason: Reason::InStylesheet, briefing });
        }
    }

    /// Every mention of `decoded` that the claim around it does not account
    /// for; `page_offset` maps a raw offset of the text to one in the page.
    fn judge(&mut self, decoded: &Decoded, page_offset: impl Fn(usize) -> usize) {
        if let Some(claim) = self.open.gathering() {
            claim.gathered.add(decoded, page_offset(0));
            return;
        }
        let open = &self.open;
        let claim = open.top().and_then(|f| f.claim).map(|c| &open.claims[c]);
        for mention in memo::mentions(&decoded.text).iter() {
            if let Some(reason) = unaccounted(claim, mention, self.known) {
                let offset = page_offset(decoded.raw_offset(mention.span.start));
                let text = decoded.text[mention.span.clone()].to_string();
                let briefing = open.top().and_then(|f| f.briefing).map(|b| open.briefings[b].to_string());
                self.found.push(FoundMention { offset, text, reason, briefing });
            }
        }
    }
}

impl Walk<'_> {
    /// Judges the text of the `data-sentence` elements that have closed.
    /// The sentence itself, word for word, states what it states; the rest
    /// of the element's text is read for numbers, each side on its own.
    /// When the sentence does not stand whole in it, all of it is read.
    fn judge_closed(&mut self) {
        for claim in std::mem::take(&mut self.open.closed) {
            let gathered = &claim.gathered;
            let Says::Renders(id) = &claim.says else { continue };
            let whole = 0..gathered.text.len();
            let parts = match sentence_text(&claim, id, self.known.sentences).and_then(|s| gathered.around(s)) {
                Some((before, after)) => [before, after],
                None => [whole, 0..0],
            };
            for part in parts {
                let at = part.start;
                for mention in memo::mentions(&gathered.text[part]).iter() {
                    if let Some(reason) = unaccounted(Some(&claim), mention, self.known) {
                        let span = at + mention.span.start..at + mention.span.end;
                        let offset = gathered.page_offset(span.start);
                        let text = gathered.text[span].to_string();
                        let briefing = claim.briefing.as_deref().map(str::to_string);
                        self.found.push(FoundMention { offset, text, reason, briefing });
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The open elements

/// What an element (and what it inherits) says about the text inside it.
#[derive(Debug, Clone, Copy)]
struct Frame {
    /// Its place in document order: frames on the stack have rising ids.
    id: u64,
    tag: Tag,
    /// Text inside is not part of the page's text (`<head>`, `<script>` …).
    hidden: bool,
    /// It is in SVG or MathML (the reader names the namespace of some
    /// elements there, such as `<title>`, as HTML's, so it is inherited).
    foreign: bool,
    /// The nearest `data-briefing` at or above it, in [`OpenElements::briefings`].
    briefing: Option<usize>,
    /// The nearest `data-trace` or `data-sentence` at or above it, in [`OpenElements::claims`].
    claim: Option<usize>,
}

/// A `data-trace` or `data-sentence` attribute, with the briefing around it.
#[derive(Debug)]
pub(super) struct Claim<'a> {
    pub briefing: Option<Cow<'a, str>>,
    pub says: Says<'a>,
    /// For `data-sentence`, the text inside so far: it is read whole when
    /// the element closes, as a reader reads it, since marking up part of a
    /// sentence (`a <mark>2</mark>-1 win`) splits it into pieces that mean
    /// other numbers on their own.
    gathered: Gathered,
}

#[derive(Debug)]
pub(super) enum Says<'a> {
    /// `data-sentence="sN"`: the element renders sentence N itself.
    Renders(Cow<'a, str>),
    /// `data-trace="s3 s7"`: the ids, separated by ASCII whitespace.
    Traces(Cow<'a, str>),
    /// `data-trace="meta"`: a value of the fact sheet that is no claim.
    Meta,
    /// `data-trace="derived"`: a count the tool makes (of figures, pages,
    /// notes); with sentence ids besides, a number one of them states.
    Derived(Cow<'a, str>),
}

#[derive(Debug, Default)]
struct OpenElements<'a> {
    frames: Vec<Frame>,
    next_id: u64,
    /// Every `data-briefing` and every claim the frames point at.
    briefings: Vec<Cow<'a, str>>,
    claims: Vec<Claim<'a>>,
    /// `data-sentence` claims whose elements have closed, their text not yet judged.
    closed: Vec<Claim<'a>>,
}

/// The elements HTML gives a part in what follows; every other name is [`Tag::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    Other,
    /// Any other start tag that closes an open `<p>`: `<div>`, `<section>`, `<h2>` …
    ClosesP,
    /// `<base>`, `<basefont>`, `<bgsound>`, `<link>`, `<meta>`: void (in HTML), and may stand in `<head>`.
    HeadVoid,
    /// `<body>` or `<frameset>`: it ends `<head>`.
    Body,
    Html,
    Head,
    Title,
    Script,
    Style,
    Template,
    Noscript,
    Iframe,
    Noembed,
    Noframes,
    Li,
    Dt,
    Dd,
    Td,
    Th,
    Tr,
    Tbody,
    Thead,
    Tfoot,
    Option,
    Optgroup,
    Rt,
    Rp,
    P,
    Ul,
    Ol,
    Menu,
    Dl,
    Table,
    Caption,
    Applet,
    Marquee,
    Object,
    Button,
    Select,
    Datalist,
    Ruby,
    Input,
}

impl Tag {
    /// The tag of element name `name`, in any case.
    pub(super) fn of(name: &[u8]) -> Tag {
        let mut buffer = [0; 16];
        let Some(lower) = lower_case(name, &mut buffer) else {
            return Tag::Other;
        };
        match lower {
            b"html" => Tag::Html,
            b"head" => Tag::Head,
            b"body" | b"frameset" => Tag::Body,
            b"title" => Tag::Title,
            b"script" => Tag::Script,
            b"style" => Tag::Style,
            b"template" => Tag::Template,
            b"noscript" => Tag::Noscript,
            b"iframe" => Tag::Iframe,
            b"noembed" => Tag::Noembed,
            b"noframes" => Tag::Noframes,
            b"base" | b"basefont" | b"bgsound" | b"link" | b"meta" => Tag::HeadVoid,
            b"li" => Tag::Li,
            b"dt" => Tag::Dt,
            b"dd" => Tag::Dd,
            b"td" => Tag::Td,
            b"th" => Tag::Th,
            b"tr" => Tag::Tr,
            b"tbody" => Tag::Tbody,
            b"thead" => Tag::Thead,
            b"tfoot" => Tag::Tfoot,
            b"option" => Tag::Option,
            b"optgroup" => Tag::Optgroup,
            b"rt" => Tag::Rt,
            b"rp" => Tag::Rp,
            b"p" => Tag::P,
            b"ul" => Tag::Ul,
            b"ol" => Tag::Ol,
            b"menu" => Tag::Menu,
            b"dl" => Tag::Dl,
            b"table" => Tag::Table,
            b"caption" => Tag::Caption,
            b"applet" => Tag::Applet,
            b"marquee" => Tag::Marquee,
            b"object" => Tag::Object,
            b"button" => Tag::Button,
            b"select" => Tag::Select,
            b"datalist" => Tag::Datalist,
            b"ruby" => Tag::Ruby,
            b"input" => Tag::Input,
            b"address" | b"article" | b"aside" | b"blockquote" | b"center" | b"details" | b"dialog" | b"dir"
            | b"div" | b"fieldset" | b"figcaption" | b"figure" | b"footer" | b"form" | b"h1" | b"h2" | b"h3"
            | b"h4" | b"h5" | b"h6" | b"header" | b"hgroup" | b"hr" | b"listing" | b"main" | b"nav" | b"pre"
            | b"search" | b"section" | b"summary" | b"xmp" => Tag::ClosesP,
            _ => Tag::Other,
        }
    }

    /// Text inside is not the page's text.
    fn hides_text(self) -> bool {
        use Tag::*;
        matches!(self, Head | Script | Style | Template | Iframe | Noembed | Noframes)
    }

    /// It may stand in `<head>`; any other start tag leaves it.
    fn in_head(self) -> bool {
        use Tag::*;
        matches!(self, HeadVoid | Title | Noscript | Noframes | Style | Script | Template)
    }

    /// Its start tag closes an open `<p>`.
    fn closes_p(self) -> bool {
        use Tag::*;
        matches!(self, ClosesP | Dl | Menu | Ol | Ul | P | Table)
    }

    /// It keeps a frame on the stack whatever its attributes: it hides its
    /// text, or a later start tag may look for it, to close it or to stop
    /// there, or it may stand in `<head>` and so keep `<head>` from being the
    /// innermost element (`<link>` has content in SVG).
    fn keeps_frame(self) -> bool {
        !matches!(self, Tag::Other | Tag::ClosesP | Tag::Body | Tag::Input)
    }
}

/// Where the search for an element to close implicitly stops (HTML's scope boundaries).
const SCOPE: &[Tag] = &[
    Tag::Html,
    Tag::Table,
    Tag::Td,
    Tag::Th,
    Tag::Caption,
    Tag::Template,
    Tag::Applet,
    Tag::Marquee,
    Tag::Object,
    Tag::Button,
];

impl<'a> OpenElements<'a> {
    fn top(&self) -> Option<&Frame> {
        self.frames.last()
    }

    /// The `<style>` on top applies to the page: it stands in `<head>` or in
    /// shown content, not in a `<template>` or other content never shown.
    fn style_applies(&self) -> bool {
        let parent = self.frames.len().checked_sub(2).and_then(|i| self.frames.get(i));
        parent.is_none_or(|p| !p.hidden || p.tag == Tag::Head)
    }

    /// The `data-sentence` claim the text here would be gathered into.
    fn gathering(&mut self) -> Option<&mut Claim<'a>> {
        let claim = self.top()?.claim?;
        let claim = &mut self.claims[claim];
        matches!(claim.says, Says::Renders(_)).then_some(claim)
    }

    /// A break between what was read and what follows, for every text being
    /// gathered: the open `data-sentence` elements' (an element inside one
    /// may have a claim of its own, and a block may end inside that).
    fn break_text(&mut self) {
        for claim in &mut self.claims {
            if matches!(claim.says, Says::Renders(_)) {
                claim.gathered.add_break();
            }
        }
    }

    /// Closes the element `id` and every element opened after it, as its
    /// end tag does (all of those are inside it, or already closed).
    fn close_from(&mut self, id: u64) {
        self.truncate(self.frames.partition_point(|f| f.id < id));
    }

    /// Closes the frames from `at` up, and forgets the claims and briefings
    /// only they pointed at (those are the latest, so the lists stay stacks).
    fn truncate(&mut self, at: usize) {
        let breaks = self.frames[at.min(self.frames.len())..].iter().any(|f| f.tag != Tag::Other);
        self.frames.truncate(at);
        let top = self.frames.last();
        let kept = top.and_then(|f| f.claim).map_or(0, |c| c + 1);
        self.briefings.truncate(top.and_then(|f| f.briefing).map_or(0, |b| b + 1));
        if kept < self.claims.len() {
            let ended = self.claims.drain(kept..).filter(|c| !c.gathered.text.is_empty());
            self.closed.extend(ended);
        }
        if breaks {
            self.break_text();
        }
    }

    /// Closes the innermost open element tagged one of `tags`, looking no further
    /// out than the first of `stops`.
    fn close_innermost(&mut self, tags: &[Tag], stops: &[Tag]) {
        for at in (0..self.frames.len()).rev() {
            let tag = self.frames[at].tag;
            if tags.contains(&tag) {
                self.truncate(at);
                return;
            }
            if stops.contains(&tag) {
                return;
            }
        }
    }

    /// Closes what the start tag `tag` ends without an end tag of its own:
    /// HTML's optional end tags (`</li>`, `</td>`, `</p>` …) and `</head>`.
    /// Where `<head>` stands on the stack when it is on top, or holds only the
    /// `<noscript>` on top: what leaves the head leaves that too, since a
    /// `<noscript>` in `<head>` holds only links, metas and styles.
    fn head_on_top(&self) -> Option<usize> {
        let at = |i: usize, tag: Tag| self.frames.len() >= i && self.frames[self.frames.len() - i].tag == tag;
        match () {
            _ if at(1, Tag::Head) => Some(self.frames.len() - 1),
            _ if at(1, Tag::Noscript) && at(2, Tag::Head) => Some(self.frames.len() - 2),
            _ => None,
        }
    }

    fn close_implied_by(&mut self, tag: Tag) {
        use Tag::*;
        if tag == Body {
            self.close_innermost(&[Head], &[]);
        } else if let Some(head) = self.head_on_top()
            && !(tag.in_head() && (self.frames[head..].len() == 1 || matches!(tag, HeadVoid | Style)))
        {
            self.truncate(head);
        }
        match tag {
            Li => self.close_innermost(&[Li], &[Ul, Ol, Menu, Html, Table, Td, Th, Template]),
            Dt | Dd => self.close_innermost(&[Dt, Dd], &[Dl, Html, Table, Td, Th, Template]),
            Td | Th => self.close_innermost(&[Td, Th], &[Tr, Table, Html, Template]),
            Tr => self.close_innermost(&[Tr], &[Tbody, Thead, Tfoot, Table, Html, Template]),
            Tbody | Thead | Tfoot => self.close_innermost(&[Tbody, Thead, Tfoot], &[Table, Html, Template]),
            Option => self.close_innermost(&[Option], &[Select, Datalist, Optgroup, Html, Template]),
            Optgroup => self.close_innermost(&[Optgroup, Option], &[Select, Html, Template]),
            Rt | Rp => self.close_innermost(&[Rt, Rp], &[Ruby, Html, Template]),
            _ if tag.closes_p() => self.close_innermost(&[P], SCOPE),
            _ => {}
        }
    }

    /// Opens element `id`, tagged `tag`, inside the innermost open one.
    /// Returns whether it has a frame: it has none when it says nothing its
    /// parent does not.
    fn open(&mut self, id: u64, tag: Tag, foreign: bool, data: DataAttributes<'a>) -> bool {
        let parent = self.top().copied();
        let parent_foreign = parent.is_some_and(|f| f.foreign);
        let foreign = parent_foreign || foreign;
        // a `<title>` is read: an SVG one is a tooltip, the chart's text, and the
        // document's own is shown in the tab, in bookmarks and in search results,
        // so it is read even from `<head>`
        let document_title = tag == Tag::Title && !foreign && parent.is_some_and(|f| f.tag == Tag::Head);
        let hidden = (parent.is_some_and(|f| f.hidden) && !document_title) || tag.hides_text();
        if !tag.keeps_frame() && foreign == parent_foreign && data.is_empty() {
            return false;
        }
        let briefing = match data.briefing {
            Some(slug) => {
                self.briefings.push(trimmed(slug));
                Some(self.briefings.len() - 1)
            }
            None => parent.and_then(|f| f.briefing),
        };
        // an element with a claim of its own takes its text out of any being gathered
        if data.sentence.is_some() || data.trace.is_some() {
            self.break_text();
        }
        // an element that renders a sentence is read as that sentence, whatever else it says
        let says = match (data.sentence, data.trace) {
            (Some(sentence), _) => Some(Says::Renders(trimmed(sentence))),
            (None, Some(trace)) => Some(says_of_trace(trace)),
            (None, None) => None,
        };
        let claim = match says {
            Some(says) => {
                let briefing = briefing.map(|b| self.briefings[b].clone());
                self.claims.push(Claim { briefing, says, gathered: Gathered::default() });
                Some(self.claims.len() - 1)
            }
            None => parent.and_then(|f| f.claim),
        };
        self.frames.push(Frame { id, tag, hidden, foreign, briefing, claim });
        true
    }
}

/// What a start tag says that the check reads: its data attributes, and the
/// values a reader is shown, each with its offset in the page.
#[derive(Debug, Default)]
pub(super) struct Attributes<'a> {
    pub data: DataAttributes<'a>,
    pub shown: Vec<(Cow<'a, str>, usize)>,
    /// The `content` of a `<meta>` that describes the page to readers elsewhere.
    pub described: Option<(Cow<'a, str>, usize)>,
    /// A `style` attribute: its declarations may set what CSS draws (`--note: "45%"`).
    pub style: Option<(Cow<'a, str>, usize)>,
    /// Whether the `<meta>`'s `name` or `property` is one of [`DESCRIPTIONS`].
    describes: bool,
}

impl<'a> Attributes<'a> {
    /// Notes attribute `name` of an element tagged `tag`, if the walk reads
    /// it; `value` gives its raw value, found at `at` in the page. `drawn`:
    /// the site's CSS draws it (`attr()`), which makes it shown text besides
    /// whatever else it means (a `data-trace` drawn is still a claim).
    pub(super) fn read(&mut self, tag: Tag, name: &[u8], value: impl Fn() -> Cow<'a, str>, at: usize, drawn: bool) {
        let shown = is_shown(tag, name);
        if drawn || shown {
            self.shown.push((value(), at));
        }
        if shown {
            return;
        }
        if name.eq_ignore_ascii_case(b"style") {
            self.style.get_or_insert_with(|| (value(), at));
        } else if tag == Tag::HeadVoid && name.eq_ignore_ascii_case(b"content") {
            self.described = Some((value(), at));
        } else if tag == Tag::HeadVoid && (name.eq_ignore_ascii_case(b"name") || name.eq_ignore_ascii_case(b"property"))
        {
            self.describes |= DESCRIPTIONS.iter().any(|d| value().trim().eq_ignore_ascii_case(d));
        } else {
            self.data.add(name, value);
        }
    }

    /// The attributes read, once every one is: a `<meta content>` counts
    /// only when the meta is a description.
    pub(super) fn read_all(mut self) -> Attributes<'a> {
        if !self.describes {
            self.described = None;
        }
        self
    }
}

/// The `<meta name>` or `property` whose `content` readers are shown where
/// the page is listed or shared: search results, feeds, link previews.
const DESCRIPTIONS: [&str; 8] = [
    "description",
    "og:title",
    "og:description",
    "og:site_name",
    "twitter:title",
    "twitter:description",
    "dc.title",
    "dc.description",
];

/// The `data-briefing`, `data-sentence` and `data-trace` of an element,
/// character references decoded; the first of each name counts, as HTML reads it.
#[derive(Debug, Default, PartialEq)]
pub(super) struct DataAttributes<'a> {
    briefing: Option<Cow<'a, str>>,
    sentence: Option<Cow<'a, str>>,
    trace: Option<Cow<'a, str>>,
}

impl<'a> DataAttributes<'a> {
    /// Takes attribute `name` if it is one of the three and the first of its
    /// name; `value` gives its raw value.
    pub(super) fn add(&mut self, name: &[u8], value: impl FnOnce() -> Cow<'a, str>) {
        let slot = if name.eq_ignore_ascii_case(b"data-trace") {
            &mut self.trace
        } else if name.eq_ignore_ascii_case(b"data-sentence") {
            &mut self.sentence
        } else if name.eq_ignore_ascii_case(b"data-briefing") {
            &mut self.briefing
        } else {
            return;
        };
        if slot.is_none() {
            *slot = Some(match value() {
                Cow::Borrowed(raw) => decoded(raw),
                Cow::Owned(raw) => Cow::Owned(decoded(&raw).into_owned()),
            });
        }
    }

    fn is_empty(&self) -> bool {
        self.briefing.is_none() && self.sentence.is_none() && self.trace.is_none()
    }
}

/// `name` in lower case, in `buffer`; `None` when it is longer than any name looked for.
fn lower_case<'b>(name: &[u8], buffer: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    let lower = buffer.get_mut(..name.len())?;
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    Some(lower)
}

fn trimmed(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) => Cow::Owned(text.trim().to_string()),
    }
}

fn says_of_trace(trace: Cow<'_, str>) -> Says<'_> {
    let mut ids = trace.split_ascii_whitespace();
    if ids.clone().any(|id| id == "meta") {
        Says::Meta
    } else if ids.any(|id| id == "derived") {
        Says::Derived(trace)
    } else {
        Says::Traces(trace)
    }
}

/// The attribute `name` (in lower case) may be one the walk reads: shown
/// ([`is_shown`]) or one of [`DataAttributes`].
pub(super) fn may_be_read(name: &[u8]) -> bool {
    matches!(
        name,
        b"title"
            | b"alt"
            | b"aria-label"
            | b"aria-description"
            | b"placeholder"
            | b"value"
            | b"start"
            | b"content"
            | b"name"
            | b"property"
            | b"data-trace"
            | b"data-sentence"
            | b"data-briefing"
            | b"style"
    )
}

/// The attribute `name` of an element tagged `tag` is shown to readers (or
/// read out to them): its numbers are published like the page's text.
pub(super) fn is_shown(tag: Tag, name: &[u8]) -> bool {
    const ANY_ELEMENT: [&str; 5] = ["title", "alt", "aria-label", "aria-description", "placeholder"];
    let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
    // `<link title>` names a style sheet or feed for the browser, not for the reader
    (tag != Tag::HeadVoid && ANY_ELEMENT.iter().any(|n| is(n)))
        || (is("value") && matches!(tag, Tag::Input | Tag::Button | Tag::Li))
        || (is("start") && tag == Tag::Ol)
}
