//! The published-number check (SPEC §6): every number mention in the text of
//! a rendered page must be accounted for by the element around it — a
//! `data-trace="s3 s7"` whose sentences state it, a `data-sentence="sN"` that
//! renders the seed's own sentence, or `data-trace="meta"` / `"derived"`.
//!
//! A page is read once, as `lol_html`'s streaming parser reads it. The walk
//! keeps a stack of open elements — closing the ones HTML lets a page leave
//! open (`<td>1<td>2` are siblings), so an unclosed tag cannot lend its
//! `data-trace` to the text after it — and takes each text node whole.
//! Character references are decoded before a node is scanned with
//! [`numbers::scan`], and every mention is mapped back to its exact byte offset
//! in the page. Text in `<head>`, `<title>`, `<script>`, `<style>`, `<template>`,
//! `<noscript>` (and the never-shown `<iframe>`, `<noembed>`, `<noframes>`) is
//! not read, nor are attributes and comments.
//!
//! Only the elements that can change what text means are kept on the stack:
//! those with `data-trace`, `data-sentence` or `data-briefing`, the hidden
//! ones, SVG and MathML, the ones HTML's implied end tags look for, and the
//! ones that may stand in `<head>`. Any other element says nothing its parent
//! does not, and its end tag also ends every element opened inside it, so
//! leaving it out changes nothing.
//!
//! It neither renders pages nor loads briefings, and it prints nothing: the
//! caller gives the sentences through [`Sentences`] and turns each
//! [`Unaccounted`] into an `untraced-published-number` diagnostic.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use lol_html::html_content::{Element, EndTag, TextChunk, TextType};
use lol_html::{HtmlRewriter, Settings, doc_text, element};

use crate::numbers::{self, Mention, states};

/// A number mention of a page that nothing accounts for (SPEC §6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unaccounted {
    /// The page, as given to [`check_page`].
    pub page: PathBuf,
    /// Byte offset of the mention (its hedge or currency included) in the page's HTML.
    pub offset: usize,
    /// 1-based line of `offset`.
    pub line: usize,
    /// 1-based column of `offset`, in characters.
    pub column: usize,
    /// The mention as it reads on the page, character references decoded: `2.4%`.
    pub text: String,
    pub reason: Reason,
}

/// Why a mention is not accounted for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// No ancestor element has `data-trace` or `data-sentence` (or the nearest
    /// one has an empty `data-trace`, which traces nothing).
    NotTraced,
    /// `data-trace="s3 s7"`: none of these sentences states this number.
    NotStated { sentences: Vec<String> },
    /// `data-trace` or `data-sentence` names a sentence that does not exist,
    /// or no briefing is known for it (no `data-briefing` around it).
    UnknownSentence { sentence: String },
}

/// The sentences of the briefings whose pages are checked.
pub trait Sentences {
    /// The mentions of sentence `sentence` (1-based) of briefing `briefing`
    /// (its slug), if both exist.
    fn mentions(&self, briefing: &str, sentence: usize) -> Option<&[Mention]>;
}

/// Every number mention of `html` that no `data-trace` or `data-sentence`
/// around it accounts for, in page order. `page` only names the page in the
/// results.
pub fn check_page(page: &Path, html: &str, sentences: &dyn Sentences) -> Vec<Unaccounted> {
    let (mut found, error) = read_with_lol_html(html, sentences);
    if let Some(error) = error {
        // Unreachable with lol_html's settings here (no memory limit, not
        // strict, handlers that never fail); if it ever happens the page
        // fails rather than passes.
        found.push((0, format!("(the page could not be read: {error})"), Reason::NotTraced));
    }
    let mut found: Vec<Unaccounted> = found
        .into_iter()
        .map(|(offset, text, reason)| Unaccounted {
            page: page.to_path_buf(),
            offset,
            line: 0,
            column: 0,
            text,
            reason,
        })
        .collect();
    locate(html, &mut found);
    found
}

/// (page offset, text, reason) of each unaccounted mention, in the order found.
type Found = Vec<(usize, String, Reason)>;

// ---------------------------------------------------------------------------
// The walk

/// The state of one page's walk: the open elements, and what it found.
struct Walk<'a> {
    html: &'a str,
    sentences: &'a dyn Sentences,
    open: OpenElements<'a>,
    tokens: Vec<numbers::Token>,
    found: Found,
}

/// An element [`Walk::start_tag`] opened.
struct Opened {
    id: u64,
    /// It has a frame on the stack, to close at its end tag.
    framed: bool,
}

impl<'a> Walk<'a> {
    fn new(html: &'a str, sentences: &'a dyn Sentences) -> Walk<'a> {
        Walk { html, sentences, open: OpenElements::default(), tokens: Vec::new(), found: Vec::new() }
    }

    /// A start tag: closes what it implies and, unless the element is void
    /// (`<br>`, `<img>`: no text, no end tag), opens it.
    fn start_tag(&mut self, tag: Tag, foreign: bool, data: DataAttributes<'a>, void: bool) -> Option<Opened> {
        self.open.close_ended();
        self.open.close_implied_by(tag);
        if void {
            return None;
        }
        self.open.next_id += 1;
        let id = self.open.next_id;
        let framed = self.open.open(id, tag, foreign, data);
        Some(Opened { id, framed })
    }

    /// A text node of type `text_type`; `page_offset` maps a byte offset in
    /// `text` to one in the page.
    fn text_node(&mut self, text: &str, text_type: TextType, page_offset: impl Fn(usize) -> usize) {
        if text.trim().is_empty() {
            return;
        }
        let open = &mut self.open;
        open.close_ended();
        if open.top().is_some_and(|f| f.tag == Tag::Head) {
            // text leaves `<head>` as HTML reads it: it starts the body
            open.truncate(open.frames.len() - 1);
        }
        if open.top().is_some_and(|f| f.hidden) {
            return;
        }
        let claim = open.top().and_then(|f| f.claim).map(|c| &open.claims[c]);
        if claim.is_some_and(|c| accounts_for_all(c, self.sentences)) {
            return;
        }
        let decoded = match text_type {
            TextType::Data | TextType::RCData => decode_references(text),
            _ => Decoded::verbatim(text),
        };
        for mention in numbers::scan_with(&decoded.text, &mut self.tokens) {
            if let Some(reason) = unaccounted(claim, &mention, self.sentences) {
                let offset = page_offset(decoded.raw_offset(mention.span.start));
                self.found.push((offset, decoded.text[mention.span].to_string(), reason));
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
    /// It is in SVG or MathML (lol_html names the namespace of some elements
    /// there, such as `<title>`, as HTML's, so it is inherited).
    foreign: bool,
    /// The nearest `data-briefing` at or above it, in [`OpenElements::briefings`].
    briefing: Option<usize>,
    /// The nearest `data-trace` or `data-sentence` at or above it, in [`OpenElements::claims`].
    claim: Option<usize>,
}

/// A `data-trace` or `data-sentence` attribute, with the briefing around it.
#[derive(Debug)]
struct Claim<'a> {
    briefing: Option<Cow<'a, str>>,
    says: Says<'a>,
}

#[derive(Debug)]
enum Says<'a> {
    /// `data-sentence="sN"`: the element renders sentence N itself.
    Renders(Cow<'a, str>),
    /// `data-trace="s3 s7"`: the ids, separated by ASCII whitespace.
    Traces(Cow<'a, str>),
    /// `data-trace="meta"` or `"derived"`: not a claim, or computed by the tool.
    Accounted,
}

#[derive(Debug)]
struct OpenElements<'a> {
    frames: Vec<Frame>,
    next_id: u64,
    /// The lowest id among the elements whose end tags lol_html has reached
    /// since the stack was last looked at (`u64::MAX`: none). Its end tag
    /// handlers only note it, as they must own what they touch.
    ended: Rc<Cell<u64>>,
    /// Every `data-briefing` and every claim the frames point at.
    briefings: Vec<Cow<'a, str>>,
    claims: Vec<Claim<'a>>,
}

impl Default for OpenElements<'_> {
    fn default() -> Self {
        OpenElements {
            frames: Vec::new(),
            next_id: 0,
            ended: Rc::new(Cell::new(u64::MAX)),
            briefings: Vec::new(),
            claims: Vec::new(),
        }
    }
}

/// The elements HTML gives a part in what follows; every other name is [`Tag::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
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
}

impl Tag {
    /// The tag of element name `name`, in any case.
    fn of(name: &[u8]) -> Tag {
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
        matches!(self, Head | Title | Script | Style | Template | Noscript | Iframe | Noembed | Noframes)
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
        !matches!(self, Tag::Other | Tag::ClosesP | Tag::Body)
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

    /// Closes the element `id` and every element opened after it, as its
    /// end tag does (all of those are inside it, or already closed).
    fn close_from(&mut self, id: u64) {
        self.truncate(self.frames.partition_point(|f| f.id < id));
    }

    /// Closes the elements lol_html has reached the end tag of.
    fn close_ended(&mut self) {
        let ended = self.ended.replace(u64::MAX);
        if ended != u64::MAX {
            self.close_from(ended);
        }
    }

    /// Closes the frames from `at` up, and forgets the claims and briefings
    /// only they pointed at (those are the latest, so the lists stay stacks).
    fn truncate(&mut self, at: usize) {
        self.frames.truncate(at);
        let top = self.frames.last();
        self.claims.truncate(top.and_then(|f| f.claim).map_or(0, |c| c + 1));
        self.briefings.truncate(top.and_then(|f| f.briefing).map_or(0, |b| b + 1));
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
    fn close_implied_by(&mut self, tag: Tag) {
        use Tag::*;
        if tag == Body {
            self.close_innermost(&[Head], &[]);
        } else if self.top().is_some_and(|f| f.tag == Head) && !tag.in_head() {
            self.truncate(self.frames.len() - 1);
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
        // an SVG `<title>` is a tooltip, read as the chart's text; an HTML one is the document's name
        let hidden = parent.is_some_and(|f| f.hidden) || (tag.hides_text() && !(foreign && tag == Tag::Title));
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
        // an element that renders a sentence accounts for all of it, whatever else it says
        let says = match (data.sentence, data.trace) {
            (Some(sentence), _) => Some(Says::Renders(trimmed(sentence))),
            (None, Some(trace)) => Some(says_of_trace(trace)),
            (None, None) => None,
        };
        let claim = match says {
            Some(says) => {
                let briefing = briefing.map(|b| self.briefings[b].clone());
                self.claims.push(Claim { briefing, says });
                Some(self.claims.len() - 1)
            }
            None => parent.and_then(|f| f.claim),
        };
        self.frames.push(Frame { id, tag, hidden, foreign, briefing, claim });
        true
    }
}

/// The `data-briefing`, `data-sentence` and `data-trace` of an element,
/// character references decoded; the first of each name counts, as HTML reads it.
#[derive(Debug, Default, PartialEq)]
struct DataAttributes<'a> {
    briefing: Option<Cow<'a, str>>,
    sentence: Option<Cow<'a, str>>,
    trace: Option<Cow<'a, str>>,
}

impl<'a> DataAttributes<'a> {
    /// Takes attribute `name` if it is one of the three and the first of its
    /// name; `value` gives its raw value.
    fn add(&mut self, name: &[u8], value: impl FnOnce() -> Cow<'a, str>) {
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
                Cow::Borrowed(raw) => decode_references(raw).text,
                Cow::Owned(raw) => Cow::Owned(decode_references(&raw).text.into_owned()),
            });
        }
    }

    fn is_empty(&self) -> bool {
        self.briefing.is_none() && self.sentence.is_none() && self.trace.is_none()
    }
}

/// White space as HTML's tokenizer reads it.
const fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C')
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
    if trace.split_ascii_whitespace().any(|id| id == "meta" || id == "derived") {
        Says::Accounted
    } else {
        Says::Traces(trace)
    }
}

// ---------------------------------------------------------------------------
// Reading a page with lol_html

/// Reads `html` with lol_html: each element from its start tag (closing it
/// again at its end tag), each text node from the chunks it comes in.
fn read_with_lol_html(html: &str, sentences: &dyn Sentences) -> (Found, Option<lol_html::errors::RewritingError>) {
    let walk = RefCell::new(Walk::new(html, sentences));
    let mut node = TextNode::default();
    let read = {
        let settings = Settings::new()
            // not strict: a page the parser finds ambiguous is still read, never refused
            .with_strict(false)
            .append_element_content_handler(element!("*", |el| {
                start_tag(&mut walk.borrow_mut(), el);
                Ok(())
            }))
            .append_document_content_handler(doc_text!(|chunk| {
                node.add(chunk, &mut walk.borrow_mut());
                Ok(())
            }));
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        match write_in_pieces(&mut rewriter, html) {
            Ok(()) => rewriter.end(),
            Err(error) => Err(error),
        }
    };
    (walk.into_inner().found, read.err())
}

/// How much of the page the parser is given at a time.
const PIECE: usize = 64 * 1024;

/// Streams `html` to the parser a piece at a time (each ending on a char
/// boundary), as a page read from disk would be: the parser's buffers stay
/// small, and a long text node reaches the handler in several chunks.
fn write_in_pieces<O: lol_html::OutputSink>(
    rewriter: &mut HtmlRewriter<'_, O>,
    html: &str,
) -> Result<(), lol_html::errors::RewritingError> {
    let mut start = 0;
    while start < html.len() {
        let mut end = (start + PIECE).min(html.len());
        while !html.is_char_boundary(end) {
            end += 1;
        }
        rewriter.write(&html.as_bytes()[start..end])?;
        start = end;
    }
    Ok(())
}

/// The start tag of `el`: close what it implies, open it, and have lol_html
/// note its end tag.
fn start_tag<'a>(walk: &mut Walk<'a>, el: &mut Element<'_, '_>) {
    let html = walk.html;
    let source = html.as_bytes().get(el.source_location().bytes()).unwrap_or_default();
    // the name and attributes are read from the page, as copying them out of lol_html is slow
    let name = match source.strip_prefix(b"<") {
        Some(name) => Cow::Borrowed(
            &name[..name.iter().position(|b| is_space(*b) || matches!(b, b'/' | b'>')).unwrap_or(name.len())],
        ),
        None => Cow::Owned(el.tag_name().into_bytes()),
    };
    debug_assert!(name.eq_ignore_ascii_case(el.tag_name().as_bytes()), "the start tag {source:?}");
    let mut data = DataAttributes::default();
    if may_have_data_attributes(source) {
        for attribute in el.attributes() {
            let from_page = |at: Option<lol_html::html_content::SourceLocation>| at.and_then(|at| html.get(at.bytes()));
            let name = match from_page(attribute.name_source_location()) {
                Some(name) => Cow::Borrowed(name),
                None => Cow::Owned(attribute.name()),
            };
            data.add(name.as_bytes(), || match from_page(attribute.value_source_location()) {
                Some(value) => Cow::Borrowed(value),
                None => Cow::Owned(attribute.value()),
            });
        }
    }
    let foreign = el.namespace_uri() != HTML_NAMESPACE;
    let Some(opened) = walk.start_tag(Tag::of(&name), foreign, data, !el.can_have_content()) else {
        return;
    };
    if opened.framed {
        let (ended, id) = (Rc::clone(&walk.open.ended), opened.id);
        // lol_html runs this at the end tag it matched to this element, and
        // at an outer element's end tag when this one was left open
        let noted = el.on_end_tag(Box::new(move |_: &mut EndTag<'_>| {
            ended.set(ended.get().min(id));
            Ok(())
        }));
        debug_assert!(noted.is_ok(), "an element with content takes an end tag handler");
    }
}

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Whether the source of a start tag may hold `data-briefing`, `data-sentence`
/// or `data-trace` (in any case): it holds the name, if not always as a name.
fn may_have_data_attributes(source: &[u8]) -> bool {
    const NAMES: [&[u8]; 3] = [b"briefing", b"sentence", b"trace"];
    source.iter().enumerate().skip(4).any(|(i, b)| {
        *b == b'-'
            && source[i - 4..i].eq_ignore_ascii_case(b"data")
            && NAMES.iter().any(|n| source.get(i + 1..i + 1 + n.len()).is_some_and(|s| s.eq_ignore_ascii_case(n)))
    })
}

/// One text node, assembled from the chunks lol_html delivers it in.
#[derive(Debug, Default)]
struct TextNode {
    text: String,
    /// Where each chunk came from: (offset in `text`, byte range start in the page, length there).
    chunks: Vec<(usize, usize, usize)>,
    text_type: Option<TextType>,
}

impl TextNode {
    fn add(&mut self, chunk: &TextChunk<'_>, walk: &mut Walk<'_>) {
        let range = chunk.source_location().bytes();
        if !chunk.as_str().is_empty() {
            self.text_type.get_or_insert(chunk.text_type());
            self.chunks.push((self.text.len(), range.start, range.len()));
            self.text.push_str(chunk.as_str());
        }
        if chunk.last_in_text_node() {
            let text_type = self.text_type.unwrap_or(TextType::Data);
            walk.text_node(&self.text, text_type, |at| self.page_offset(at));
            self.text.clear();
            self.chunks.clear();
            self.text_type = None;
        }
    }

    /// The page offset of byte `at` of the node's text.
    fn page_offset(&self, at: usize) -> usize {
        let i = self.chunks.partition_point(|c| c.0 <= at).saturating_sub(1);
        match self.chunks.get(i) {
            Some(&(start, page, len)) => page + (at - start).min(len),
            None => 0,
        }
    }
}

// ---------------------------------------------------------------------------
// Accounting for a mention

/// `claim` accounts for any number inside it, so its text need not be scanned.
fn accounts_for_all(claim: &Claim<'_>, sentences: &dyn Sentences) -> bool {
    match &claim.says {
        Says::Accounted => true,
        Says::Renders(id) => sentence(claim, id, sentences).is_some(),
        Says::Traces(_) => false,
    }
}

/// Why `claim` (the nearest one around the mention) does not account for it; `None` when it does.
fn unaccounted(claim: Option<&Claim<'_>>, mention: &Mention, sentences: &dyn Sentences) -> Option<Reason> {
    let Some(claim) = claim else {
        return Some(Reason::NotTraced);
    };
    match &claim.says {
        Says::Accounted => None,
        Says::Renders(id) => match sentence(claim, id, sentences) {
            Some(_) => None,
            None => Some(Reason::UnknownSentence { sentence: id.to_string() }),
        },
        Says::Traces(ids) => {
            let ids = ids.split_ascii_whitespace();
            let mut unknown = None;
            for id in ids.clone() {
                match sentence(claim, id, sentences) {
                    Some(stated) if stated.iter().any(|s| states(s, mention)) => return None,
                    Some(_) => {}
                    None => {
                        unknown.get_or_insert(id);
                    }
                }
            }
            let sentences: Vec<String> = ids.map(str::to_string).collect();
            Some(match unknown {
                Some(id) => Reason::UnknownSentence { sentence: id.to_string() },
                None if sentences.is_empty() => Reason::NotTraced,
                None => Reason::NotStated { sentences },
            })
        }
    }
}

/// The mentions of sentence `id` (`s3`) of the claim's briefing, if both exist.
fn sentence<'s>(claim: &Claim<'_>, id: &str, sentences: &'s dyn Sentences) -> Option<&'s [Mention]> {
    let briefing = claim.briefing.as_deref()?;
    let digits = id.strip_prefix('s')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: usize = digits.parse().ok().filter(|n| *n > 0)?;
    sentences.mentions(briefing, number)
}

// ---------------------------------------------------------------------------
// Character references

/// Text with its character references decoded, and where each part came from.
struct Decoded<'a> {
    text: Cow<'a, str>,
    /// (offset in `text`, offset in the raw text, is a verbatim run) at the
    /// start of every reference and of every run after one; empty when nothing
    /// was decoded.
    pieces: Vec<(usize, usize, bool)>,
}

impl<'a> Decoded<'a> {
    fn verbatim(raw: &'a str) -> Decoded<'a> {
        Decoded { text: Cow::Borrowed(raw), pieces: Vec::new() }
    }

    /// The raw offset of decoded offset `at`; inside a reference, the reference's `&`.
    fn raw_offset(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.0 <= at);
        match i.checked_sub(1).and_then(|i| self.pieces.get(i)) {
            Some(&(decoded, raw, true)) => raw + (at - decoded),
            Some(&(_, raw, false)) => raw,
            None => at,
        }
    }
}

/// `raw` with its character references (`&amp;`, `&#163;`, `&#x25;`, `&pound;` …)
/// decoded as HTML reads text. Unknown names stay as written.
fn decode_references(raw: &str) -> Decoded<'_> {
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
        text.push(decoded);
        copied = at + len;
        search = copied;
        pieces.push((text.len(), copied, true));
    }
    text.push_str(&raw[copied..]);
    Decoded { text: Cow::Owned(text), pieces }
}

/// The reference at the start of `s` (which starts with `&`): what it decodes to and its length.
fn reference(s: &str) -> Option<(char, usize)> {
    let bytes = s.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        return numeric_reference(s);
    }
    let name_len = bytes[1..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    let name = &s[1..1 + name_len];
    if bytes.get(1 + name_len) == Some(&b';')
        && let Some(c) = named_reference(name)
    {
        return Some((c, name_len + 2));
    }
    // a legacy name needs no `;` and may run into the text after it: `&pound40`
    LEGACY_NAMES
        .iter()
        .filter(|legacy| name.starts_with(*legacy))
        .max_by_key(|legacy| legacy.len())
        .and_then(|legacy| Some((named_reference(legacy)?, legacy.len() + 1)))
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

/// Names HTML decodes even without the `;` (the common ones of them).
const LEGACY_NAMES: &[&str] = &[
    "amp", "AMP", "lt", "LT", "gt", "GT", "quot", "QUOT", "nbsp", "pound", "cent", "yen", "curren", "copy", "COPY",
    "reg", "REG", "deg", "sect", "para", "middot", "laquo", "raquo", "times", "divide", "plusmn", "frac12", "frac14",
    "frac34", "sup1", "sup2", "sup3", "micro", "not", "shy", "iexcl", "iquest",
];

/// The common named references: markup, spaces, currencies, punctuation and signs numbers come with.
fn named_reference(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" | "NonBreakingSpace" => '\u{A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" | "ThinSpace" => '\u{2009}',
        "hairsp" | "VeryThinSpace" => '\u{200A}',
        "numsp" => '\u{2007}',
        "puncsp" => '\u{2008}',
        "nnbsp" => '\u{202F}',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "shy" => '\u{AD}',
        "pound" => '£',
        "euro" => '€',
        "yen" => '¥',
        "cent" => '¢',
        "curren" => '¤',
        "dollar" => '$',
        "percnt" => '%',
        "permil" => '‰',
        "pertenk" => '‱',
        "num" => '#',
        "comma" => ',',
        "period" => '.',
        "colon" => ':',
        "semi" => ';',
        "excl" => '!',
        "quest" => '?',
        "iexcl" => '¡',
        "iquest" => '¿',
        "lpar" => '(',
        "rpar" => ')',
        "lsqb" | "lbrack" => '[',
        "rsqb" | "rbrack" => ']',
        "sol" => '/',
        "bsol" => '\\',
        "ast" => '*',
        "plus" => '+',
        "minus" => '−',
        "equals" => '=',
        "plusmn" | "pm" => '±',
        "times" => '×',
        "divide" | "div" => '÷',
        "frasl" => '⁄',
        "lowbar" => '_',
        "hyphen" | "dash" => '‐',
        "ndash" => '–',
        "mdash" => '—',
        "horbar" => '―',
        "hellip" | "mldr" => '…',
        "lsquo" => '‘',
        "rsquo" | "rsquor" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" | "rdquor" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "prime" => '′',
        "Prime" => '″',
        "middot" | "centerdot" => '·',
        "bull" | "bullet" => '•',
        "deg" => '°',
        "micro" => 'µ',
        "frac12" | "half" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "frac13" => '⅓',
        "frac23" => '⅔',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "ordf" => 'ª',
        "ordm" => 'º',
        "sect" => '§',
        "para" => '¶',
        "copy" | "COPY" => '©',
        "reg" | "REG" => '®',
        "trade" | "TRADE" => '™',
        "not" => '¬',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "asymp" | "approx" => '≈',
        "sim" => '∼',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "numero" => '№',
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Lines and columns

/// Fills in the line and column (1-based, columns in characters) of every
/// result from its byte offset, in one pass over the page.
fn locate(html: &str, found: &mut [Unaccounted]) {
    found.sort_by_key(|u| u.offset);
    let (mut at, mut line, mut column) = (0, 1, 1);
    for u in found {
        // results are sorted, so the page is walked once
        let offset = floor_char_boundary(html, u.offset);
        let passed = &html[at..offset];
        match passed.rfind('\n') {
            Some(last) => {
                line += passed.bytes().filter(|b| *b == b'\n').count();
                column = 1 + passed[last + 1..].chars().count();
            }
            None => column += passed.chars().count(),
        }
        at = offset;
        u.line = line;
        u.column = column;
    }
}

/// The largest char boundary of `s` at or before `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;

    /// The sentences of a few briefings, scanned as the check would get them.
    struct Seeds(HashMap<(String, usize), Vec<Mention>>);

    impl Seeds {
        fn new(briefings: &[(&str, &[&str])]) -> Seeds {
            let mut seeds = HashMap::new();
            for (slug, sentences) in briefings {
                for (i, sentence) in sentences.iter().enumerate() {
                    seeds.insert((slug.to_string(), i + 1), numbers::scan(sentence));
                }
            }
            Seeds(seeds)
        }
    }

    impl Sentences for Seeds {
        fn mentions(&self, briefing: &str, sentence: usize) -> Option<&[Mention]> {
            self.0.get(&(briefing.to_string(), sentence)).map(Vec::as_slice)
        }
    }

    fn seeds() -> Seeds {
        Seeds::new(&[
            (
                "x",
                &[
                    "Britain would need upwards of 100,000 troops.",
                    "Inflation rose to 2.3% in June.",
                    "The bill came to £127.5bn, about two-thirds of the budget.",
                    "Growth was 2.34 per cent in 2023.",
                    "The deficit was £40bn on 1 March.",
                    "No number here.",
                ],
            ),
            ("y", &["One.", "Inflation fell to 1.9%."]),
        ])
    }

    /// A page of briefing `x` around `body`, with numbers in its head that must be ignored.
    fn page(body: &str) -> String {
        format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Briefing 2025, 3%</title>\
             <style>p {{ width: 50%; }}</style><script>let n = 42;</script></head>\n\
             <body data-briefing=\"x\">{body}</body></html>\n"
        )
    }

    fn show(u: &Unaccounted) -> String {
        match &u.reason {
            Reason::NotTraced => format!("{} not-traced", u.text),
            Reason::NotStated { sentences } => format!("{} not-stated {}", u.text, sentences.join(" ")),
            Reason::UnknownSentence { sentence } => format!("{} unknown {sentence}", u.text),
        }
    }

    fn check(html: &str) -> Vec<Unaccounted> {
        check_page(Path::new("site/briefings/x/index.html"), html, &seeds())
    }

    fn check_rows(rows: &[(&str, &str, &[&str])], wrap: fn(&str) -> String) {
        let mut failures = Vec::new();
        for (case, body, expected) in rows {
            let html = wrap(body);
            let found: Vec<String> = check(&html).iter().map(show).collect();
            if found != *expected {
                failures.push(format!("{case}: {body}\n    expected {expected:?}\n    found    {found:?}"));
            }
        }
        assert!(failures.is_empty(), "{} of {} rows failed:\n{}", failures.len(), rows.len(), failures.join("\n"));
    }

    #[test]
    fn traced_figures() {
        check_rows(
            &[
                ("exact", r#"<td data-trace="s2">2.3%</td>"#, &[]),
                ("hedged as stated", r#"<td data-trace="s1">upwards of 100,000</td>"#, &[]),
                ("another hedge", r#"<td data-trace="s1">about 100,000</td>"#, &[]),
                ("no hedge", r#"<td data-trace="s1">100,000 troops</td>"#, &[]),
                ("rounded money", r#"<td data-trace="s3">£128bn</td>"#, &[]),
                ("money as stated", r#"<td data-trace="s3">£127.5 billion</td>"#, &[]),
                ("not a rounding", r#"<td data-trace="s3">£127bn</td>"#, &["£127bn not-stated s3"]),
                ("fraction as percent", r#"<td data-trace="s3">67%</td>"#, &[]),
                ("fraction to one place", r#"<td data-trace="s3">66.7%</td>"#, &[]),
                ("fraction wrongly rounded", r#"<td data-trace="s3">66%</td>"#, &["66% not-stated s3"]),
                ("fraction in words", r#"<td data-trace="s3">two-thirds</td>"#, &[]),
                ("rounded decimals", r#"<td data-trace="s4">2.3%</td>"#, &[]),
                ("too far rounded", r#"<td data-trace="s4">2.4%</td>"#, &["2.4% not-stated s4"]),
                ("a year", r#"<td data-trace="s4">in 2023</td>"#, &[]),
                ("a year is not rounded", r#"<td data-trace="s4">in 2020</td>"#, &["2020 not-stated s4"]),
                ("a date", r#"<td data-trace="s5">March 1</td>"#, &[]),
                ("another date", r#"<td data-trace="s5">2 March</td>"#, &["2 March not-stated s5"]),
                (
                    "nested inline elements",
                    r##"<td data-trace="s2"><a href="source.html#s2"><b>2.3%</b></a></td>"##,
                    &[],
                ),
                ("several sentences", r#"<td data-trace="s1  s2">2.3% of 100,000</td>"#, &[]),
                ("none of several", r#"<td data-trace="s1 s2">2.4%</td>"#, &["2.4% not-stated s1 s2"]),
                ("wrong sentence", r#"<td data-trace="s1">2.3%</td>"#, &["2.3% not-stated s1"]),
                ("unit mismatch", r#"<td data-trace="s2">2.3</td>"#, &["2.3 not-stated s2"]),
                ("currency mismatch", r#"<td data-trace="s5">$40bn</td>"#, &["$40bn not-stated s5"]),
                ("sentence without numbers", r#"<td data-trace="s6">5</td>"#, &["5 not-stated s6"]),
                ("no number at all", r#"<td data-trace="s6">none</td>"#, &[]),
            ],
            page,
        );
    }

    #[test]
    fn sentences_meta_and_derived() {
        check_rows(
            &[
                ("own sentence", r#"<p data-sentence="s2">Inflation rose to 2.3% in June, 7 said.</p>"#, &[]),
                (
                    "own sentence, marked up",
                    r#"<p data-sentence="s3">The bill came to <mark data-trace="s3">£127.5bn</mark>.</p>"#,
                    &[],
                ),
                ("no such sentence", r#"<p data-sentence="s9">Up 5% and 6%</p>"#, &["5% unknown s9", "6% unknown s9"]),
                ("not a sentence id", r#"<p data-sentence="2">Up 5%</p>"#, &["5% unknown 2"]),
                ("sentence zero", r#"<p data-sentence="s0">Up 5%</p>"#, &["5% unknown s0"]),
                ("meta", r#"<time data-trace="meta" datetime="2025-03-03">3 March 2025</time>"#, &[]),
                ("derived", r#"<p><span data-trace="derived">4</span> actors</p>"#, &[]),
                ("meta among ids", r#"<span data-trace="s1 meta">9</span>"#, &[]),
                ("unknown id", r#"<td data-trace="s99">2.3%</td>"#, &["2.3% unknown s99"]),
                ("malformed id", r#"<td data-trace="x2">2.3%</td>"#, &["2.3% unknown x2"]),
                ("one known id states it", r#"<td data-trace="s99 s2">2.3%</td>"#, &[]),
                ("unknown id among ids", r#"<td data-trace="s2 s99">9%</td>"#, &["9% unknown s99"]),
                ("empty data-trace", r#"<div data-trace="s2"><i data-trace=" ">2.3%</i></div>"#, &["2.3% not-traced"]),
                (
                    "the nearest claim decides",
                    r#"<div data-trace="meta"><span data-trace="s1">2.3%</span> 5</div>"#,
                    &["2.3% not-stated s1"],
                ),
                ("the nearest briefing decides", r#"<div data-briefing="y"><b data-trace="s2">1.9%</b></div>"#, &[]),
                (
                    "another briefing's sentence",
                    r#"<div data-briefing="y"><b data-trace="s2">2.3%</b></div>"#,
                    &["2.3% not-stated s2"],
                ),
                (
                    "unknown briefing",
                    r#"<div data-briefing="z"><b data-trace="s2">2.3%</b></div>"#,
                    &["2.3% unknown s2"],
                ),
            ],
            page,
        );
    }

    #[test]
    fn untraced_text() {
        check_rows(
            &[
                ("plain text", "<p>Inflation was 2.4% in 2024.</p>", &["2.4% not-traced", "2024 not-traced"]),
                ("after a traced element", r#"<p><b data-trace="s2">2.3%</b>, up 0.4pp</p>"#, &["0.4pp not-traced"]),
                ("number words", "<p>three ministers</p>", &["three not-traced"]),
                ("identifiers", "<p>The G7 met; see s16 and COVID-19.</p>", &[]),
                ("vague quantities", "<p>hundreds of people</p>", &[]),
                ("attributes and comments", r#"<p title="5%"><!-- 7 --><a href="s5.html">link</a></p>"#, &[]),
                (
                    "hidden elements",
                    "<script>var x = 5;</script><style>.a { width: 50% }</style>\
                     <template><p>9</p></template><noscript>3 cookies</noscript><p>ok</p>",
                    &[],
                ),
                ("svg text is text", "<svg><text x=\"1\">40%</text></svg>", &["40% not-traced"]),
                ("svg title is text", "<svg><title>40%</title></svg>", &["40% not-traced"]),
                ("svg style is not", "<svg><style>.a { width: 50% }</style></svg>", &[]),
                ("textarea is text", "<textarea>5 &amp; 6</textarea>", &["5 not-traced", "6 not-traced"]),
            ],
            page,
        );
    }

    #[test]
    fn character_references() {
        check_rows(
            &[
                ("named", r#"<td data-trace="s5">&pound;40bn</td>"#, &[]),
                ("numeric", r#"<td data-trace="s2">2.3&#37;</td>"#, &[]),
                ("hexadecimal", r#"<td data-trace="s2">2.3&#x25;</td>"#, &[]),
                ("decimal currency", r#"<td data-trace="s5">&#163;40bn</td>"#, &[]),
                ("untraced", "<p>&pound;40bn</p>", &["£40bn not-traced"]),
                ("no-break space", "<p>2.3&nbsp;per cent</p>", &["2.3\u{a0}per cent not-traced"]),
                ("legacy without semicolon", "<p>&pound40bn</p>", &["£40bn not-traced"]),
                ("ampersand", "<p>R&amp;D rose 5%</p>", &["5% not-traced"]),
                ("unknown name kept", "<p>&foo; 5</p>", &["5 not-traced"]),
                ("in an attribute", r#"<td data-trace="&#115;2">2.3%</td>"#, &[]),
            ],
            page,
        );
    }

    #[test]
    fn malformed_and_implied_structure() {
        check_rows(
            &[
                (
                    "void elements",
                    r#"<p data-trace="s2">2.3%<br>rose<img src="a.png" alt="5"> to 2.3%<br/></p><p>7</p>"#,
                    &["7 not-traced"],
                ),
                (
                    "table cells without end tags",
                    "<table><tr><td data-trace=\"meta\">2025<td>7</table>",
                    &["7 not-traced"],
                ),
                (
                    "rows without end tags",
                    "<table><tr><td data-trace=\"meta\">2025<tr><td>7</table>",
                    &["7 not-traced"],
                ),
                ("list items without end tags", "<ul><li data-trace=\"meta\">1<li>2</ul>", &["2 not-traced"]),
                ("a block closes a paragraph", "<p data-trace=\"meta\">1<div>2</div>", &["2 not-traced"]),
                ("an unclosed inline element", "<div data-trace=\"meta\"><b>1</div>2", &["2 not-traced"]),
                ("never closed", r#"<div><span data-trace="s2">2.3%"#, &[]),
                ("stray end tags", r#"<p data-trace="s2">2.3%</b></i></p>5"#, &["5 not-traced"]),
                ("end tag of nothing", "</div></p>5", &["5 not-traced"]),
                ("unterminated tag", "<p>5 <b", &["5 not-traced"]),
                ("unterminated comment", "<p>5 <!-- 6", &["5 not-traced"]),
            ],
            page,
        );
    }

    #[test]
    fn head_and_missing_briefing() {
        let rows: &[(&str, &str, &[&str])] = &[
            (
                "no briefing",
                r#"<body><td data-trace="s2">2.3%</td><p data-sentence="s1">1</p>"#,
                &["2.3% unknown s2", "1 unknown s1"],
            ),
            ("head never closed", "<html><head><title>7</title><p>8</p>", &["8 not-traced"]),
            ("text leaves the head", "<head><meta charset=utf-8>9 lives</head>", &["9 not-traced"]),
            ("no elements at all", "4 dogs", &["4 not-traced"]),
            ("head content in body is still hidden", "<body><script>1</script><title>2</title>", &[]),
        ];
        check_rows(rows, |body| body.to_string());
    }

    #[test]
    fn offsets_lines_and_columns() {
        let html = "<!doctype html>\n<body data-briefing=\"x\">\n  <p>é 2.4%</p>\n\t<p>and &pound;5bn, \
                    <b data-trace=\"s2\">2.3%</b> 7</p>\n</body>\n";
        let found = check(html);
        let got: Vec<(usize, usize, usize, &str)> =
            found.iter().map(|u| (u.offset, u.line, u.column, u.text.as_str())).collect();
        let at = |s: &str| html.find(s).unwrap();
        assert_eq!(got, [(at("2.4%"), 3, 8, "2.4%"), (at("&pound;"), 4, 9, "£5bn"), (at("</b> 7") + 5, 4, 49, "7"),]);
        assert!(found.iter().all(|u| u.page == Path::new("site/briefings/x/index.html")));
    }

    #[test]
    fn a_long_text_node_arrives_in_chunks() {
        // lol_html hands a long text node over in several chunks; a mention may straddle two
        let filler = "word ".repeat(20_000);
        let html = format!("<p data-briefing=\"x\" data-trace=\"s2\">{filler}2.3% and 2.4%</p>");
        let found: Vec<(usize, String)> = check(&html).iter().map(|u| (u.offset, show(u))).collect();
        assert_eq!(found, [(html.find("2.4%").unwrap(), "2.4% not-stated s2".to_string())]);

        let html = format!("<p>{}</p>", "2.4% ".repeat(30_000));
        let found = check(&html);
        assert_eq!(found.len(), 30_000);
        for (i, u) in found.iter().enumerate() {
            assert_eq!((u.offset, u.text.as_str(), u.column), (3 + 5 * i, "2.4%", 4 + 5 * i), "mention {i}");
        }

        let mut chunks = Vec::new();
        let settings = Settings::new().append_document_content_handler(doc_text!(|t| {
            chunks.push((t.source_location().bytes(), t.as_str().to_string()));
            Ok(())
        }));
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        write_in_pieces(&mut rewriter, &html).unwrap();
        rewriter.end().unwrap();
        assert!(chunks.len() > 2, "expected the node in several chunks, got {}", chunks.len());
        for (range, text) in chunks {
            assert_eq!(&html[range], text, "a chunk is its slice of the page");
        }
    }

    #[test]
    fn references_decode_and_map_back() {
        let rows = [
            ("&pound;40bn", "£40bn"),
            ("2.3&#37;", "2.3%"),
            ("2.3&#x25", "2.3%"),
            ("&amp;&lt;&gt;&quot;&apos;", "&<>\"'"),
            ("&pound40", "£40"),
            ("&notin;", "¬in;"),
            ("&foo; &", "&foo; &"),
            ("&#; &#x; &#", "&#; &#x; &#"),
            ("2020&#150;21", "2020–21"),
            ("&#0;&#xD800;&#99999999999;", "\u{FFFD}\u{FFFD}\u{FFFD}"),
            ("a&nbsp;b&thinsp;c", "a\u{a0}b\u{2009}c"),
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

    #[test]
    fn what_states_what() {
        let one = |text: &str| numbers::scan(text).remove(0);
        let rows = [
            ("upwards of 100,000 troops", "100,000", true),
            ("upwards of 100,000 troops", "nearly 100,000", true),
            ("£127.5bn", "£128bn", true),
            ("£127.5bn", "£130bn", true),
            ("£127.5bn", "$128bn", false),
            ("£127.5bn", "128bn", false),
            ("2.3%", "2.3", false),
            ("2.3%", "2.3pp", false),
            ("2.34%", "2.3%", true),
            ("2.35%", "2.3%", false),
            ("two-thirds", "67%", true),
            ("two-thirds", "0.67", true),
            ("two-thirds", "66%", false),
            ("a quarter of them", "25%", true),
            ("June 13", "13 June", true),
            ("June 13", "June 14", false),
            ("in 2018", "in 2020", false),
            ("in 2020", "2,020", true),
            ("7 ministers", "seven", true),
        ];
        for (stated, published, expected) in rows {
            assert_eq!(states(&one(stated), &one(published)), expected, "{stated:?} states {published:?}");
        }
    }

    #[test]
    fn end_tags_close_what_was_left_open_inside() {
        check_rows(
            &[
                ("an unclosed claim", r#"<div><p data-trace="meta">1</div>2"#, &["2 not-traced"]),
                ("an unclosed cell", r#"<section><table><tr><td data-trace="meta">1</section>2"#, &["2 not-traced"]),
                (
                    "the innermost of its name",
                    r#"<b><b data-trace="meta">1</b>2</b>3"#,
                    &["2 not-traced", "3 not-traced"],
                ),
                ("in any case", r#"<DIV><p data-trace="meta">1</Div>2"#, &["2 not-traced"]),
                ("already closed", r#"<p data-trace="meta">1<div>2</p>3"#, &["2 not-traced", "3 not-traced"]),
            ],
            page,
        );
    }

    /// (case, page): markup lol_html reads in its own way, each read alike by both readers.
    const TRICKY: &[(&str, &str)] = &[
        ("comments", "<p>1<!-- 2 -->3<!--> 4 <!---> 5 <!-- 6 --!> 7 <!-- <!-- 8 --> 9 <!-- 10 -- > 11 --> 12</p>"),
        ("unclosed comment", "<p>1<!-- 2"),
        ("bogus comments", "<p>1<? 2 > 3 </3 4> 5 <! 6> 7 <!DOCTYPE 8> 9 <![CDATA[ 10 ]]> 11</p>"),
        ("stray angle brackets", "<p>1 < 2 <3 </ 4 </> 5 <</p>"),
        ("at the end", "<p>1 <"),
        ("end tag at the end", "<p>1 </"),
        ("unterminated tag", "<p>1 <b x=\"2"),
        ("raw text", "<title>1 <b>2</b></title>3<style>4 </styl> 5</style>6<textarea>7 &amp; <i>8</textarea>9"),
        ("raw text end tag in any case", "<textarea>1</TEXTAREA >2<textarea>3</textarea/>4"),
        ("raw text to the end", "<p>1<textarea>2 </textarea"),
        ("iframe, xmp, noembed", "<iframe>1</iframe>2<xmp>3<p>4</xmp>5<noembed>6</noembed>7"),
        ("a script without escapes", "<script>if (a < 1) { b = '</p>'; }</script>2"),
        ("an attribute without a value ends the tag", "<title a=>1</title>2<p a=>3"),
        ("attributes", "<p a b = c d='e>' f=\"g\" h=i/j k= >1</p><td data-trace=s2 DATA-TRACE=meta>2.3%</td>"),
        ("self-closing syntax", "<p/>1<br/>2<div/x>3</div/>4"),
        ("odd names", "<custom-el data-trace=\"meta\">1</CUSTOM-EL>2<abcdefghijklmn>3</abcdefghijklmn>4"),
        ("doctype", "<!doctype html><html><head><title>1</title></head><body>2</body></html>"),
        ("svg", "<svg><text>40%</text><title>5</title><style>6</style><path/>7<g/>8</svg>9"),
        ("svg/", "<p data-trace=meta><svg/>1<p>2"),
        ("foreignObject", "<svg><foreignObject><p>1</p><style>2</style></foreignObject><desc/>3</svg>4"),
        ("math", "<math><mi>1</mi><annotation-xml encoding=text/html><b>2</b></annotation-xml><mtext/>3</math>"),
        ("head content with content", "<svg><svg><head><link>1</link>2<meta>3"),
        ("out of svg", "<svg><b>1</b><font color=red>2</font><font>3</font><p>4</p></svg><math><br>5</math>"),
        ("cdata", "<svg><![CDATA[ 1 < 2 &amp; ]]> 3 <![CDATA[4]]]> 5</svg><![CDATA[6]]>"),
        ("cdata to the end", "<math><![CDATA[1]"),
    ];

    #[test]
    fn tricky_markup_reads_without_error() {
        let seeds = seeds();
        for (case, html) in TRICKY {
            let (_, error) = read_with_lol_html(html, &seeds);
            assert!(error.is_none(), "{case}: {html}");
        }
    }

    #[test]
    fn plaintext_and_script_escapes_read_as_html_does() {
        let rows: &[(&str, &str, &[&str])] = &[
            ("plaintext: all the rest is text", "<plaintext>5 </plaintext> 6", &["5 not-traced", "6 not-traced"]),
            ("script escapes", "<script><!--<script></script>1</script>2", &["2 not-traced"]),
        ];
        check_rows(rows, |body| body.to_string());
    }

    /// A page of a few tags nested at random, some left open, with numbers and references in them.
    fn nested_page() -> impl Strategy<Value = String> {
        let leaf = prop::sample::select(vec![
            "2.3%",
            "£40bn",
            "&pound;4",
            "three",
            "&#",
            "&amp",
            "&#x1F600;",
            "100,000",
            "s2",
            " ",
            "June 13",
            "<br>",
            "<img src=x>",
            "<!-- 5 -->",
            "é",
            "\n",
            "two-thirds",
            "</p>",
            "<",
            "&",
        ])
        .prop_map(str::to_string);
        let tags = prop::sample::select(vec![
            "p", "div", "td", "tr", "table", "li", "ul", "b", "a", "script", "style", "head", "body", "template",
            "title", "svg", "textarea", "select", "option", "dl", "dd",
        ]);
        let attributes = prop::sample::select(vec![
            "",
            " data-trace=\"s2\"",
            " data-trace=\"s1 s2\"",
            " data-trace=\"meta\"",
            " data-trace=\"\"",
            " data-sentence=\"s3\"",
            " data-sentence=\"s9\"",
            " data-briefing=\"x\"",
            " data-briefing=\"y\"",
            " data-briefing=\"z\" data-trace=\"s1\"",
        ]);
        leaf.prop_recursive(5, 96, 6, move |inner| {
            (tags.clone(), attributes.clone(), prop::collection::vec(inner, 0..6), any::<bool>()).prop_map(
                |(tag, attributes, children, close)| {
                    let end = if close { format!("</{tag}>") } else { String::new() };
                    format!("<{tag}{attributes}>{}{end}", children.concat())
                },
            )
        })
    }

    fn assert_well_placed(html: &str, found: &[Unaccounted]) {
        let mut last = 0;
        for u in found {
            assert!(u.offset <= html.len() && html.is_char_boundary(u.offset), "offset {} in {html:?}", u.offset);
            assert!(u.offset >= last, "results in page order");
            last = u.offset;
            let before = &html[..u.offset];
            assert_eq!(u.line, 1 + before.matches('\n').count());
            assert_eq!(u.column, 1 + before.rsplit('\n').next().unwrap_or("").chars().count());
            assert!(!u.text.is_empty());
        }
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(html in any::<String>()) {
            let found = check(&html);
            assert_well_placed(&html, &found);
        }

        #[test]
        fn never_panics_on_html_like_text(html in "[<>/a-z &#;0-9%£.\"=\\n-]{0,300}") {
            let found = check(&html);
            assert_well_placed(&html, &found);
        }

        #[test]
        fn never_panics_on_nested_tags(body in nested_page()) {
            let html = page(&body);
            let found = check(&html);
            assert_well_placed(&html, &found);
            for u in &found {
                let first = u.text.chars().next().unwrap_or(' ');
                let at = &html[u.offset..];
                assert!(at.starts_with(first) || at.starts_with('&'), "{:?} at {:?}", u.text, &at[..at.len().min(20)]);
            }
        }
    }

    /// Pieces of markup, the plain and the odd, to put together at random.
    fn markup_soup() -> impl Strategy<Value = String> {
        let pieces: Vec<&str> = TRICKY
            .iter()
            .map(|(_, html)| *html)
            .chain([
                "<p>",
                "</p>",
                "<td data-trace=\"s2\">",
                "</td>",
                "<tr>",
                "<li data-trace='meta'>",
                "<ul>",
                "<head>",
                "<body>",
                "<div data-briefing=y>",
                "</div>",
                "<title>",
                "</title>",
                "<style>",
                "</style>",
                "<script>",
                "</script>",
                "<svg>",
                "</svg>",
                "<!--",
                "-->",
                "<",
                ">",
                "/",
                "=",
                "\"",
                "'",
                " ",
                "\n",
                "2.3%",
                "&pound;4",
                "three",
                "<b>",
                "</b>",
                "<br>",
                "x",
            ])
            .collect();
        prop::collection::vec(prop::sample::select(pieces), 0..24).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn any_markup_reads_without_error(html in markup_soup()) {
            let (_, error) = read_with_lol_html(&html, &seeds());
            prop_assert!(error.is_none());
        }
    }
}
