//! Counts a template writes itself inside an element marked
//! `data-trace="derived"`.
//!
//! `derived` stands for a count the page's template was given, and a place
//! in one of its lists (`{{ loop.index }}`) is one: any whole number up to
//! the length of its longest list. A rendered page cannot tell that 7 from a
//! 7 its template wrote, so the template's own text is read: a count written
//! there (`<span data-trace="derived">7 dead</span>`), or printed from a
//! literal (`{{ 7 }}`), is stated by no sentence and counted from no data.
//!
//! The reading is plain: Tera's tags are set aside, and the HTML left is
//! read for elements whose own `data-trace` is `derived` and nothing else.
//! An element opened in one branch of an `{% if %}` and closed in another
//! is read as the text shows it.

use std::ops::Range;

use super::accounting::is_count;
use super::markup;
use super::{FoundMention, Reason};
use crate::numbers;

/// Every count template `text` writes inside a `derived` element, in order.
pub(super) fn derived_counts(text: &str) -> Vec<FoundMention> {
    let tags = tera_tags(text);
    let masked = masked(text, &tags);
    let mut found = Vec::new();
    for run in derived_text(&masked) {
        // the literal text of the run, and what its `{{ … }}` print of literals
        let mut at = run.start;
        for tag in tags.iter().filter(|t| t.whole.start >= run.start && t.whole.end <= run.end) {
            counts_in(text, at..tag.whole.start, &mut found);
            if let Some(literal) = printed_literal(text, tag) {
                counts_in(text, literal, &mut found);
            }
            at = tag.whole.end;
        }
        counts_in(text, at..run.end, &mut found);
    }
    found
}

/// The counts `text[range]` states, as found in the template.
fn counts_in(text: &str, range: Range<usize>, found: &mut Vec<FoundMention>) {
    let Some(part) = text.get(range.clone()) else {
        return;
    };
    for mention in numbers::scan(part).into_iter().filter(is_count) {
        let span = range.start + mention.span.start..range.start + mention.span.end;
        found.push(FoundMention {
            offset: span.start,
            text: text[span].to_string(),
            reason: Reason::WrittenInDerived,
            briefing: None,
        });
    }
}

/// A tag of Tera in a template: `{{ … }}`, `{% … %}` or `{# … #}`.
struct TeraTag {
    whole: Range<usize>,
    /// What is between the delimiters and their `-`.
    inside: Range<usize>,
    prints: bool,
}

/// Every Tera tag of `text`, in order. The text between `{% raw %}` and
/// `{% endraw %}` is printed as written: it is template text, no tag.
fn tera_tags(text: &str) -> Vec<TeraTag> {
    let bytes = text.as_bytes();
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'{', &bytes[at..]) {
        let start = at + found;
        let close = match bytes.get(start + 1) {
            Some(b'{') => b'}',
            Some(b'%') => b'%',
            Some(b'#') => b'#',
            _ => {
                at = start + 1;
                continue;
            }
        };
        let end = tag_end(bytes, start + 2, close);
        let mut inside = start + 2..end.saturating_sub(2).max(start + 2);
        if bytes.get(inside.start) == Some(&b'-') {
            inside.start += 1;
        }
        if inside.end > inside.start && bytes[inside.end - 1] == b'-' {
            inside.end -= 1;
        }
        let tag = TeraTag { whole: start..end, inside, prints: close == b'}' };
        at = end;
        if close == b'%' && text[tag.inside.clone()].trim() == "raw" {
            at = raw_end(text, end);
        }
        tags.push(tag);
    }
    tags
}

/// Where a tag that opens at `from` ends (after its closing delimiter), past
/// any quoted string; the end of the text if it never closes.
fn tag_end(bytes: &[u8], from: usize, close: u8) -> usize {
    let mut i = from;
    let mut quote = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if close != b'#' && matches!(b, b'"' | b'\'' | b'`') => quote = Some(b),
            None if b == close && bytes.get(i + 1) == Some(&b'}') => return i + 2,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Where the `{% endraw %}` after `from` begins; the end of the text without one.
fn raw_end(text: &str, from: usize) -> usize {
    let mut at = from;
    while let Some(found) = text[at..].find("{%") {
        let start = at + found;
        let inside = text[start + 2..].trim_start_matches('-').trim_start();
        if inside.starts_with("endraw") {
            return start;
        }
        at = start + 2;
    }
    text.len()
}

/// `text` with every Tera tag's bytes set to 0x01: the HTML around them
/// keeps its places, and a tag inside an attribute's value is seen there.
fn masked(text: &str, tags: &[TeraTag]) -> Vec<u8> {
    let mut masked = text.as_bytes().to_vec();
    for tag in tags {
        masked[tag.whole.clone()].fill(1);
    }
    masked
}

/// What `{{ … }}` prints when it prints a literal: a number or a quoted
/// string, with no filter or variable.
fn printed_literal(text: &str, tag: &TeraTag) -> Option<Range<usize>> {
    if !tag.prints {
        return None;
    }
    let inside = &text[tag.inside.clone()];
    let trimmed = inside.trim();
    let start = tag.inside.start + (inside.len() - inside.trim_start().len());
    let quoted = trimmed.len() >= 2
        && matches!(trimmed.as_bytes()[0], b'"' | b'\'' | b'`')
        && trimmed.as_bytes()[trimmed.len() - 1] == trimmed.as_bytes()[0]
        && !trimmed[1..trimmed.len() - 1].contains(trimmed.as_bytes()[0] as char);
    let number = !trimmed.is_empty()
        && trimmed.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'_');
    if quoted {
        Some(start + 1..start + trimmed.len() - 1)
    } else if number {
        Some(start..start + trimmed.len())
    } else {
        None
    }
}

/// An element open where the reading stands.
struct Open<'a> {
    name: &'a [u8],
    derived: bool,
}

/// The runs of text (in the masked template) that stand in an element whose
/// nearest `data-trace` is `derived` alone.
fn derived_text(masked: &[u8]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut at = 0;
    while at < masked.len() {
        let next = memchr::memchr(b'<', &masked[at..]).map_or(masked.len(), |i| at + i);
        if next > at && open.last().is_some_and(|o| o.derived) {
            runs.push(at..next);
        }
        if next == masked.len() {
            break;
        }
        let rest = &masked[next..];
        if rest.starts_with(b"<!--") {
            at = memchr::memmem::find(&rest[4..], b"-->").map_or(masked.len(), |i| next + 4 + i + 3);
        } else if rest.starts_with(b"</") {
            let name = tag_name(&rest[2..]);
            if let Some(place) = open.iter().rposition(|o| o.name.eq_ignore_ascii_case(name)) {
                open.truncate(place);
            }
            at = memchr::memchr(b'>', rest).map_or(masked.len(), |i| next + i + 1);
        } else if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            let name = tag_name(&rest[1..]);
            let (end, tagged, self_closing) = start_tag(masked, next + 1 + name.len());
            at = end;
            // `<p>` ends an open `<p>`, `<tr>` an open cell and row …, as HTML does
            while open.last().is_some_and(|o| ends(o.name, name)) {
                open.pop();
            }
            // HTML ignores `/>` on an element that is not void
            if markup::is_void(&name.to_ascii_lowercase()) || (self_closing && is_foreign(name)) {
                continue;
            }
            // a template element's content is not shown
            let in_template = open.iter().any(|o| o.name.eq_ignore_ascii_case(b"template"));
            let derived = match tagged.trace {
                _ if tagged.sentence || in_template || name.eq_ignore_ascii_case(b"template") => false,
                Some(value) => is_derived_alone(value),
                None => open.last().is_some_and(|o| o.derived),
            };
            if is_raw_text(name) {
                // a script's or a style's text is no text of the page
                let close = [b"</".as_slice(), name].concat();
                at = find_ignoring_case(masked, at, &close).unwrap_or(masked.len());
                continue;
            }
            open.push(Open { name, derived });
        } else {
            // a `<` that opens no tag is text
            if open.last().is_some_and(|o| o.derived) {
                runs.push(next..next + 1);
            }
            at = next + 1;
        }
    }
    runs
}

/// The name at the start of `rest`: letters, digits, `-` and `:`.
fn tag_name(rest: &[u8]) -> &[u8] {
    let len = rest.iter().position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b':'))).unwrap_or(rest.len());
    &rest[..len]
}

/// Reads a start tag's attributes from `at`: where the tag ends, the value
/// of its `data-trace`, and whether it closes itself (`/>`).
fn start_tag(masked: &[u8], mut at: usize) -> (usize, Tagged<'_>, bool) {
    let mut trace = None;
    let mut sentence = false;
    let mut self_closing = false;
    while at < masked.len() {
        let b = masked[at];
        if b == b'>' {
            return (at + 1, Tagged { trace, sentence }, self_closing);
        }
        if b.is_ascii_whitespace() || b == b'/' || b == 1 {
            self_closing = b == b'/';
            at += 1;
            continue;
        }
        self_closing = false;
        let name_end = masked[at..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'=' | b'>' | b'/'))
            .map_or(masked.len(), |i| at + i);
        let name = &masked[at..name_end];
        at = name_end;
        while at < masked.len() && masked[at].is_ascii_whitespace() {
            at += 1;
        }
        if masked.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        while at < masked.len() && masked[at].is_ascii_whitespace() {
            at += 1;
        }
        let value = match masked.get(at) {
            Some(&quote @ (b'"' | b'\'')) => {
                let end = memchr::memchr(quote, &masked[at + 1..]).map_or(masked.len(), |i| at + 1 + i);
                let value = &masked[at + 1..end];
                at = (end + 1).min(masked.len());
                value
            }
            _ => {
                let end = masked[at..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || *b == b'>')
                    .map_or(masked.len(), |i| at + i);
                let value = &masked[at..end];
                at = end;
                value
            }
        };
        // HTML keeps an attribute's first value; a sentence an element renders is judged on the page
        if name.eq_ignore_ascii_case(b"data-trace") && trace.is_none() {
            trace = Some(value);
        } else if name.eq_ignore_ascii_case(b"data-sentence") {
            sentence = true;
        }
    }
    (masked.len(), Tagged { trace, sentence }, self_closing)
}

/// What a start tag says of the element's text: its `data-trace`, and
/// whether it renders a sentence (`data-sentence`).
struct Tagged<'a> {
    trace: Option<&'a [u8]>,
    sentence: bool,
}

/// The value names `derived` and nothing else: no sentence, and nothing
/// Tera prints (a tag in it is masked, and makes it no plain `derived`).
fn is_derived_alone(value: &[u8]) -> bool {
    let mut words = value.split(u8::is_ascii_whitespace).filter(|w| !w.is_empty()).peekable();
    words.peek().is_some() && words.all(|w| w == b"derived")
}

/// An open element `open` ends where a start tag `name` begins, as HTML's
/// optional end tags have it: a cell at another cell or row, a row at a row,
/// `dt`/`dd` at either, `li` at `li`, an option at an option or group, and a
/// paragraph at any block.
fn ends(open: &[u8], name: &[u8]) -> bool {
    let is = |n: &[u8], names: &[&[u8]]| names.iter().any(|v| n.eq_ignore_ascii_case(v));
    const BLOCKS: &[&[u8]] = &[
        b"p",
        b"div",
        b"ul",
        b"ol",
        b"dl",
        b"table",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"section",
        b"article",
        b"aside",
        b"header",
        b"footer",
        b"nav",
        b"main",
        b"blockquote",
        b"pre",
        b"figure",
        b"form",
        b"hr",
        b"details",
    ];
    (is(open, &[b"td", b"th"]) && is(name, &[b"td", b"th", b"tr", b"tbody", b"thead", b"tfoot"]))
        || (is(open, &[b"tr"]) && is(name, &[b"tr", b"tbody", b"thead", b"tfoot"]))
        || (is(open, &[b"dt", b"dd"]) && is(name, &[b"dt", b"dd"]))
        || (is(open, &[b"li"]) && is(name, &[b"li"]))
        || (is(open, &[b"option"]) && is(name, &[b"option", b"optgroup"]))
        || (is(open, &[b"p"]) && is(name, BLOCKS))
}

/// SVG and MathML elements, which `/>` closes.
fn is_foreign(name: &[u8]) -> bool {
    [b"svg".as_slice(), b"math", b"path", b"circle", b"rect", b"line", b"polygon", b"g", b"use"]
        .iter()
        .any(|v| name.eq_ignore_ascii_case(v))
}

fn is_raw_text(name: &[u8]) -> bool {
    [b"script".as_slice(), b"style"].iter().any(|v| name.eq_ignore_ascii_case(v))
}

fn find_ignoring_case(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack[from..].windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::derived_counts;

    fn counts(template: &str) -> Vec<String> {
        derived_counts(template).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn a_count_written_in_a_derived_element_is_found_where_it_stands() {
        let template = "<p>Top 3</p>\n<p data-trace=\"derived\">{{ n }} of 10 figures</p>";
        let found = derived_counts(template);
        assert_eq!(found.len(), 1);
        assert_eq!(&template[found[0].offset..found[0].offset + 2], "10");
    }

    #[test]
    fn what_the_template_prints_from_its_data_is_no_count_it_writes() {
        assert!(counts("<p data-trace=\"derived\">{{ loop.index }}: {{ b.figures }} figures</p>").is_empty());
        assert!(counts("<p data-trace=\"derived\">{{ figures | length }} {{ t[\"figure_\" ~ 2] }}</p>").is_empty());
        assert!(counts("<span data-trace=\"derived\">{% if n > 10 %}{{ n }}{% endif %}</span>").is_empty());
    }

    #[test]
    fn a_literal_printed_or_nested_is_written_too() {
        assert_eq!(counts("<p data-trace=\"derived\">{{ 87 }} and {{ \"12 dead\" }}</p>"), ["87", "12"]);
        assert_eq!(counts("<div data-trace=\"derived\"><p><b>4 pages</b></p></div>"), ["4"]);
        assert_eq!(counts("<ol data-trace='derived'><li>{{ a }}</li><li>5 more</li></ol><p>6</p>"), ["5"]);
    }

    #[test]
    fn elements_that_trace_or_are_not_derived_are_left_to_the_page() {
        // a sentence or a value of the sheet is judged on the rendered page
        assert!(counts("<p data-trace=\"s3 derived\">7 dead</p>").is_empty());
        assert!(counts("<p data-trace=\"derived\"><span data-trace=\"s3\">7 dead</span></p>").is_empty());
        assert!(counts("<p data-trace=\"meta\">Founded 1998</p><p>12</p>").is_empty());
        assert!(counts("<p data-trace=\"{{ trace }}\">7 dead</p>").is_empty());
        assert!(counts("<p data-trace=\"derived {{ more }}\">7 dead</p>").is_empty());
        // not a count: the rendered page says why
        assert!(counts("<p data-trace=\"derived\">up 45%</p>").is_empty());
    }

    #[test]
    fn tera_comments_raw_blocks_scripts_and_html_comments_are_read_as_tera_and_html_read_them() {
        assert!(counts("{# <p data-trace=\"derived\">7</p> #}").is_empty());
        assert!(counts("<p data-trace=\"derived\"><!-- 7 --><script>var x = 7;</script></p>").is_empty());
        assert_eq!(counts("<p data-trace=\"derived\">{% raw %}{{ 9 }}{% endraw %}</p>"), ["9"]);
        assert_eq!(counts("<p data-trace=\"derived\">{{ \"}}\" }} 8</p>"), ["8"]);
        // an element closed, and the text after it free again
        assert!(counts("<p data-trace=\"derived\">{{ n }}</p> 8 <br> 9").is_empty());
    }

    #[test]
    fn elements_end_and_begin_as_html_reads_them() {
        // an element HTML ends by itself, and its next sibling free of it
        assert!(counts("<p data-trace=\"derived\">{{ n }}<p>4 more</p>").is_empty());
        assert!(counts("<td data-trace=\"derived\">{{ n }}<td>5 stars").is_empty());
        assert!(counts("<tr><td data-trace=\"derived\">{{ n }}\n<tr><td>Top 10</td>").is_empty());
        assert!(counts("<dl><dd data-trace=\"derived\">{{ n }}<dt>Top 5<dd>ok</dl>").is_empty());
        assert!(counts("<p data-trace=\"derived\">{{ n }} figures<ul><li>5 more</li></ul>").is_empty());
        assert!(counts("<template><p data-trace=\"derived\">5 more</p></template>").is_empty());
        // `/>` does not end a span, so its text is inside it
        assert_eq!(counts("<span data-trace=\"derived\" />7 dead</span>"), ["7"]);
        // a sentence an element renders is judged on the page, a template's content is not shown
        assert!(counts("<p data-trace=\"derived\">{{ n }} <q data-sentence=\"s3\">the 3 dead</q></p>").is_empty());
        assert!(counts("<div data-trace=\"derived\">{{ n }}<template><li>5 more</li></template></div>").is_empty());
        // HTML keeps the first of two values
        assert!(counts("<p data-trace=\"s3\" data-trace=\"derived\">7 dead</p>").is_empty());
        assert_eq!(counts("<p data-trace=\"derived\" data-trace=\"s3\">7 dead</p>"), ["7"]);
    }

    #[test]
    fn broken_templates_end_the_reading_without_harm() {
        for template in
            ["<p data-trace=\"derived\">{{ 7", "<p data-trace=\"derived", "<p data-trace=derived>7", "{%", "<", "</"]
        {
            let _ = derived_counts(template);
        }
        assert_eq!(counts("<p data-trace=derived>7"), ["7"]);
    }
}
