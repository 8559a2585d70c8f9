//! The reading the check had before html5gum's: lol_html's rewriter, with a
//! handler for every start tag and every text chunk. Kept for tests only,
//! as the reading the html5gum one must agree with.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use lol_html::html_content::{Element, EndTag, TextChunk, TextType};
use lol_html::{HtmlRewriter, Settings, doc_text, element};

use super::super::markup::is_space;
use super::{Attributes, Tag, TextKind, Walk};
use crate::verify::{Found, Known};

/// Reads `html` with lol_html: each element from its start tag (closing it
/// again at its end tag), each text node from the chunks it comes in.
pub(in crate::verify) fn read_with_lol_html(
    html: &str,
    known: Known,
) -> (Found, Option<lol_html::errors::RewritingError>) {
    let walk = RefCell::new(Walk::new(known));
    let ended = Rc::new(Cell::new(u64::MAX));
    let mut node = TextNode::default();
    let read = {
        let settings = Settings::new()
            // not strict: a page the parser finds ambiguous is still read, never refused
            .with_strict(false)
            .append_element_content_handler(element!("*", |el| {
                let mut walk = walk.borrow_mut();
                close_ended(&mut walk, &ended);
                start_tag(&mut walk, html, el, &ended);
                Ok(())
            }))
            .append_document_content_handler(doc_text!(|chunk| {
                let mut walk = walk.borrow_mut();
                close_ended(&mut walk, &ended);
                node.add(chunk, &mut walk);
                Ok(())
            }));
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        match write_in_pieces(&mut rewriter, html) {
            Ok(()) => rewriter.end(),
            Err(error) => Err(error),
        }
    };
    (walk.into_inner().into_found(), read.err())
}

/// Closes the elements lol_html has reached the end tag of: `ended` holds
/// the lowest id among them (`u64::MAX`: none). Its end tag handlers only
/// note it, as they must own what they touch.
fn close_ended(walk: &mut Walk<'_>, ended: &Cell<u64>) {
    let id = ended.replace(u64::MAX);
    if id != u64::MAX {
        walk.end(id);
    }
}

/// How much of the page the parser is given at a time.
const PIECE: usize = 64 * 1024;

/// Streams `html` to the parser a piece at a time (each ending on a char
/// boundary), as a page read from disk would be: the parser's buffers stay
/// small, and a long text node reaches the handler in several chunks.
pub(in crate::verify) fn write_in_pieces<O: lol_html::OutputSink>(
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
fn start_tag<'a>(walk: &mut Walk<'a>, html: &'a str, el: &mut Element<'_, '_>, ended: &Rc<Cell<u64>>) {
    let source = html.as_bytes().get(el.source_location().bytes()).unwrap_or_default();
    // the name and attributes are read from the page, as copying them out of lol_html is slow
    let name = match source.strip_prefix(b"<") {
        Some(name) => Cow::Borrowed(
            &name[..name.iter().position(|b| is_space(*b) || matches!(b, b'/' | b'>')).unwrap_or(name.len())],
        ),
        None => Cow::Owned(el.tag_name().into_bytes()),
    };
    debug_assert!(name.eq_ignore_ascii_case(el.tag_name().as_bytes()), "the start tag {source:?}");
    let tag = Tag::of(&name);
    let mut attributes = Attributes::default();
    if may_have_attributes_read(source) || !walk.known.css.attributes().is_empty() {
        for attribute in el.attributes() {
            let from_page = |at: Option<lol_html::html_content::SourceLocation>| at.and_then(|at| html.get(at.bytes()));
            let name = match from_page(attribute.name_source_location()) {
                Some(name) => Cow::Borrowed(name),
                None => Cow::Owned(attribute.name()),
            };
            let value_at = attribute.value_source_location();
            let value = || match from_page(value_at.clone()) {
                Some(value) => Cow::Borrowed(value),
                None => Cow::Owned(attribute.value()),
            };
            // an attribute's value is located in the page; one without a place, at its tag
            let offset = value_at.as_ref().map_or(el.source_location().bytes().start, |at| at.bytes().start);
            let drawn = walk.known.css.shows(name.as_bytes());
            attributes.read(tag, name.as_bytes(), value, offset, drawn);
        }
    }
    let foreign = el.namespace_uri() != HTML_NAMESPACE;
    let Some(opened) = walk.start_tag(tag, foreign, attributes.read_all(), !el.can_have_content()) else {
        return;
    };
    if opened.framed {
        let (ended, id) = (Rc::clone(ended), opened.id);
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

/// Whether the source of a start tag may hold an attribute the check reads
/// (in any case): it holds its name, if not always as a name.
fn may_have_attributes_read(source: &[u8]) -> bool {
    const NAMES: [&[u8]; 10] =
        [b"data-", b"title", b"alt", b"aria-", b"placeholder", b"value", b"start", b"content", b"name", b"property"];
    source.windows(3).enumerate().any(|(i, w)| {
        NAMES.iter().any(|n| {
            w.eq_ignore_ascii_case(&n[..3]) && source.get(i..i + n.len()).is_some_and(|s| s.eq_ignore_ascii_case(n))
        })
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
            let kind = match self.text_type.unwrap_or(TextType::Data) {
                TextType::Data | TextType::RCData => TextKind::Decoded,
                _ => TextKind::Verbatim,
            };
            walk.text_node(&self.text, kind, |at| self.page_offset(at));
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
