//! Quotes: traced when the quote's text stands in one sentence after folding
//! quotes, dashes and white space; `…` or `...` may skip words of the
//! sentence, and `[words]` are the editor's and skip words too.

use std::ops::Range;

use super::speakers;
use super::{Context, FactKind, FactTrace, Trace};
use crate::diagnostic::Diagnostic;
use crate::sheet::Quote;
use crate::trace::fold::{Folded, whole_words};

pub(super) fn trace(cx: &Context, trace: &mut Trace) {
    for quote in &cx.briefing.quotes {
        let segments = segments(&quote.text.value);
        let places = if segments.is_empty() { Vec::new() } else { locate(cx, &segments) };
        // words quoted more than once are the speaker's where a place gives them to the speaker
        let mut checked = places.into_iter().map(|found| {
            let not_named = speakers::not_named(cx, quote, &found);
            (found, not_named)
        });
        let first = checked.next();
        let found = match first {
            Some((_, Some(_))) => checked.find(|(_, not_named)| not_named.is_none()).or(first),
            _ => first,
        };
        let mut fact = FactTrace {
            briefing: cx.briefing.slug.clone(),
            kind: FactKind::Quote,
            id: quote.id.value.clone(),
            stated: None,
            also: Vec::new(),
        };
        match found {
            Some((found, not_named)) => {
                fact.stated = Some(cx.stated(found.first, found.span()));
                // a quote over several sentences: the others, each whole
                fact.also =
                    (found.first + 1..=found.last).map(|s| cx.stated(s, cx.seed.sentences[s].span.clone())).collect();
                trace.diagnostics.extend(spans_narration(cx, quote, &found));
                trace.diagnostics.extend(not_named);
            }
            None => trace.diagnostics.push(not_found(cx, quote, &segments)),
        }
        trace.facts.push(fact);
    }
}

/// Where a quote stands: its first and last sentence (indices) and the
/// seed's span of each of its parts (the pieces `…` joins).
pub(super) struct Found {
    pub first: usize,
    pub last: usize,
    pub parts: Vec<Range<usize>>,
}

impl Found {
    /// The seed's span from the quote's first word to its last.
    pub fn span(&self) -> Range<usize> {
        self.parts[0].start..self.parts[self.parts.len() - 1].end
    }
}

/// The longest run of sentences of one paragraph a quote may cover.
const MOST_SENTENCES: usize = 8;

/// Where the quote's segments stand, in one sentence or in consecutive
/// sentences of one paragraph; where the words stand more than once, the
/// places that put them most clearly in quotation marks are meant, in the
/// seed's order.
fn locate(cx: &Context, segments: &[String]) -> Vec<Found> {
    let sentences = &cx.seed.sentences;
    let mut standing: Vec<(Found, u8)> = Vec::new();
    // a run of sentences is tried only from a sentence that holds the quote's first word
    let first_word = Needle::new(segments[0].split(' ').next().unwrap_or_default());
    // and ends only in a sentence that holds its last word: no other run is folded
    let last_word = Needle::new(segments[segments.len() - 1].rsplit(' ').next().unwrap_or_default());
    let ends: Vec<bool> = cx.folded.iter().map(|f| find_whole(&f.text, &last_word, 0).is_some()).collect();
    let segments: Vec<Needle> = segments.iter().map(|s| Needle::new(s)).collect();
    for first in 0..sentences.len() {
        let longest = if find_whole(&cx.folded[first].text, &first_word, 0).is_some() { MOST_SENTENCES } else { 1 };
        for last in first..sentences.len().min(first + longest) {
            if sentences[last].paragraph != sentences[first].paragraph {
                break;
            }
            if last > first && !ends[last] {
                continue;
            }
            let start = sentences[first].span.start;
            let raw = &cx.seed.text[start..sentences[last].span.end];
            // one sentence is folded already; a run of them is folded here
            let run;
            let folded = if first == last {
                &cx.folded[first]
            } else {
                run = Folded::new(raw);
                &run
            };
            let Some(parts) = find_in(folded, &segments) else { continue };
            let parts: Vec<Range<usize>> = parts
                .iter()
                .map(|&(a, b)| {
                    let span = folded.original_span(raw, a, b);
                    span.start + start..span.end + start
                })
                .collect();
            let sentence_of = |offset: usize| sentences[first..=last].partition_point(|s| s.span.end <= offset) + first;
            // the run is the least that holds the quote: it starts in `first` and ends in `last`
            if sentence_of(parts[0].start) != first || sentence_of(parts[parts.len() - 1].end - 1) != last {
                continue;
            }
            // words joined by … stand in one sentence, unless the seed writes the … itself
            let between = |w: &[Range<usize>]| cx.seed.text[w[0].end..w[1].start].trim();
            let joined_in_one = parts
                .windows(2)
                .all(|w| sentence_of(w[0].end - 1) == sentence_of(w[1].start) || matches!(between(w), "…" | "..."));
            if !joined_in_one {
                continue;
            }
            let (a, b) = (parts[0].start - start, parts[parts.len() - 1].end - start);
            standing.push((Found { first, last, parts }, quotedness(raw, a, b)));
            break;
        }
    }
    let best = standing.iter().map(|(_, quoted)| *quoted).max().unwrap_or_default();
    standing.into_iter().filter(|(_, quoted)| *quoted == best).map(|(found, _)| found).collect()
}

/// The folded pieces of a quote that must stand in order: the text split at
/// ellipses and editorial `[…]`.
fn segments(quote: &str) -> Vec<String> {
    let mut plain = String::with_capacity(quote.len());
    let mut depth = 0;
    for c in quote.chars() {
        match c {
            '[' => {
                depth += 1;
                plain.push('…');
            }
            ']' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            _ => plain.push(c),
        }
    }
    plain
        .replace("...", "…")
        .split('…')
        .map(|piece| Folded::new(piece.trim()).text)
        .map(|piece| piece.trim_matches(|c: char| c == '\'' || c.is_whitespace()).to_string())
        .filter(|piece| !piece.is_empty())
        .collect()
}

/// The folded span of each segment, when all stand in order in `text`, each as whole words.
fn find_in(text: &Folded, segments: &[Needle]) -> Option<Vec<(usize, usize)>> {
    let text = text.text.as_str();
    let mut from = 0;
    let mut parts = Vec::with_capacity(segments.len());
    for segment in segments {
        let at = find_whole(text, segment, from)?;
        from = at + segment.text.len();
        parts.push((at, from));
    }
    Some(parts)
}

/// How clearly `start..end` of `raw` is quoted: 2 when it is a quotation
/// whole (`the proposed 'backstop'`), 1 when it stands inside one (`a 'US
/// backstop'`), 0 when it is narration.
fn quotedness(raw: &str, start: usize, end: usize) -> u8 {
    let quotations = quotations(raw);
    let mark = |c: Option<char>| c.is_some_and(|c| QUOTE_MARKS.contains(&c) || matches!(c, '”' | '’' | '»'));
    if quotations.iter().any(|q| q.start <= start && end <= q.end) {
        let whole = mark(raw[..start].chars().next_back()) && mark(raw[end..].chars().next());
        return if whole { 2 } else { 1 };
    }
    0
}

/// The quotations of `text`: the spans between an opening quotation mark
/// and its closing one, marks included. Double marks (“ ” „ « » and the
/// straight `"`) are read first; single ones (‘ ’ and `'`) count where no
/// double mark encloses them and they are no apostrophe (a closing `’` is
/// followed by no letter). A quotation left open runs to the end: news
/// opens a quote again at each paragraph it carries on into. A curly `“`
/// opened while another is open ends the one before.
pub(crate) fn quotations(text: &str) -> Vec<Range<usize>> {
    let mut found = marked(
        text,
        |prev, c, _| matches!(c, '“' | '„' | '«') || (c == '"' && !prev.is_some_and(char::is_alphanumeric)),
        |rest| match rest.chars().next() {
            Some(c @ ('”' | '»' | '"' | '“')) => Some(c.len_utf8()),
            // two single marks for a double one: `drifted for hours,’’ the agency said`
            _ => ["’’", "''"].into_iter().find(|pair| rest.starts_with(pair)).map(str::len),
        },
    );
    let inside_double = |at: usize| found.iter().any(|q: &Range<usize>| q.start <= at && at < q.end);
    let single = marked(
        text,
        |prev, c, next| {
            // after a space, a bracket or a dash: `Co.'s` and `1990s'` are no quotation
            matches!(c, '‘' | '\'')
                && prev.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}-/\"“«".contains(p))
                && next.is_some_and(|n| !n.is_whitespace())
        },
        |rest| rest.chars().next().filter(|c| matches!(c, '’' | '\'')).map(char::len_utf8),
    );
    let single: Vec<Range<usize>> = single.into_iter().filter(|q| !inside_double(q.start)).collect();
    found.extend(single);
    found.sort_by_key(|q| q.start);
    found
}

/// Spans from a char `opens` accepts (given the chars before and after it)
/// to the next closing mark that is followed by no letter or digit;
/// `closes` gives the length of the mark the text it is given starts with.
fn marked(
    text: &str,
    opens: impl Fn(Option<char>, char, Option<char>) -> bool,
    closes: impl Fn(&str) -> Option<usize>,
) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let closing = open.and_then(|_| closes(&text[at..])).filter(|&len| {
            let after = text[at + len..].chars().next();
            !after.is_some_and(char::is_alphanumeric)
        });
        prev = match (open, closing) {
            (Some(start), Some(len)) if at > start => {
                found.push(start..at + len);
                open = None;
                // the second mark of a pair is read with the first
                let mut last = c;
                while let Some((_, c)) = chars.next_if(|&(next_at, _)| next_at < at + len) {
                    last = c;
                }
                Some(last)
            }
            // curly marks do not nest: a second `“` before a word opens a new
            // quotation, and the one left open ended with its line (`“… planned.`
            // then `He added: “…”`), or, on one line, right before it
            (Some(start), _)
                if c == '“' && next.is_some_and(char::is_alphanumeric) && text[start..].starts_with('“') =>
            {
                let line_end = text[start..at].rfind('\n').map_or(at, |n| start + n);
                found.push(start..line_end);
                open = Some(at);
                Some(c)
            }
            (None, _) if opens(prev, c, next) => {
                open = Some(at);
                Some(c)
            }
            _ => Some(c),
        };
    }
    if let Some(start) = open {
        found.push(start..text.len());
    }
    found
}

/// Parts joined by `…` must stand in one quotation where the seed quotes
/// them: a part in quotation marks joined to narration outside them makes
/// words the speaker never said.
fn spans_narration(cx: &Context, quote: &Quote, found: &Found) -> Option<Diagnostic> {
    let quotations = cx.quoted_in_paragraph(found.first);
    let enclosing = |part: &Range<usize>| quotations.iter().position(|q| q.start <= part.start && part.end <= q.end);
    let touches = |part: &Range<usize>| quotations.iter().any(|q| q.start < part.end && part.start < q.end);
    if !found.parts.iter().any(touches) {
        return None;
    }
    let first = enclosing(&found.parts[0]);
    let narration = found.parts.iter().find(|p| first.is_none() || enclosing(p) != first)?;
    Some(
        Diagnostic::error(
            "quote-spans-narration",
            format!("the quote `{}` joins words in quotation marks to the narration around them", quote.id.value),
        )
        .at(cx.in_sheet(&quote.text.span))
        .label("not all the speaker's words")
        .related(cx.in_seed(narration), "these words are not inside the quotation")
        .help("quote only the words inside one pair of quotation marks; mark words left out with …"),
    )
}

/// The seed's span of the paragraph of sentence `s`.
pub(super) fn paragraph_span(cx: &Context, s: usize) -> Range<usize> {
    let sentences = &cx.seed.sentences;
    let paragraph = sentences[s].paragraph;
    let first = sentences.iter().position(|x| x.paragraph == paragraph).unwrap_or(s);
    let last = sentences.iter().rposition(|x| x.paragraph == paragraph).unwrap_or(s);
    sentences[first].span.start..sentences[last].span.end
}

/// The marks a quotation opens with.
const QUOTE_MARKS: [char; 6] = ['“', '"', '‘', '\'', '«', '„'];

/// Words looked for in every sentence: the searcher is made once.
struct Needle<'a> {
    text: &'a str,
    finder: memchr::memmem::Finder<'a>,
}

impl<'a> Needle<'a> {
    fn new(text: &'a str) -> Needle<'a> {
        Needle { text, finder: memchr::memmem::Finder::new(text) }
    }
}

fn find_whole(text: &str, needle: &Needle, from: usize) -> Option<usize> {
    let mut from = from;
    while let Some(i) = needle.finder.find(text.get(from..)?.as_bytes()) {
        let at = from + i;
        if whole_words(text, at, at + needle.text.len()) {
            return Some(at);
        }
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

fn not_found(cx: &Context, quote: &Quote, segments: &[String]) -> Diagnostic {
    let mut d = Diagnostic::error(
        "quote-not-found",
        format!("the quote \"{}\" does not stand in any sentence of {}", quote.text.value, cx.seed.path.display()),
    )
    .at(cx.in_sheet(&quote.text.span))
    .label("not in the seed");
    if let Some(s) = closest_sentence(cx, segments) {
        let sentence = &cx.seed.sentences[s];
        d = d.related(cx.in_seed(&sentence.span), format!("closest: {}", sentence.id()));
    }
    d.help("copy the quote exactly as the seed has it; mark left-out words with … and your own words with [ ]")
}

/// The sentence sharing the most words with the quote (a misspelt word
/// counts when it is near one of the sentence's), if any shares one.
fn closest_sentence(cx: &Context, segments: &[String]) -> Option<usize> {
    let quote_words: Vec<&str> = segments.iter().flat_map(|s| words(s)).filter(|w| w.chars().count() > 2).collect();
    cx.folded
        .iter()
        .enumerate()
        .map(|(s, f)| {
            let sentence_words: Vec<&str> = words(&f.text).collect();
            let shared = quote_words.iter().filter(|w| crate::sheet::closest(w, &sentence_words).is_some()).count();
            (shared, s)
        })
        .filter(|(shared, _)| *shared > 0)
        .max_by_key(|(shared, s)| (*shared, std::cmp::Reverse(*s)))
        .map(|(_, s)| s)
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stands(quote: &str, sentence: &str) -> bool {
        let segments = segments(quote);
        let needles: Vec<Needle> = segments.iter().map(|s| Needle::new(s)).collect();
        find_in(&Folded::new(sentence), &needles).is_some()
    }

    #[test]
    fn quotations_are_read_with_their_marks() {
        let rows: &[(&str, &[&str])] = &[
            ("He said “we must act” today.", &["“we must act”"]),
            ("He said \"we must\" and \"now\".", &["\"we must\"", "\"now\""]),
            ("The UK's 'backstop' plan", &["'backstop'"]),
            ("Harrow Coal Co.'s pit, the 1990s' worst", &[]),
            ("a (‘soft’) deal", &["‘soft’"]),
            ("Britain’s ‘US backstop’ plan, the PM’s aim", &["‘US backstop’"]),
            ("“It was ‘premature’, he said,” she wrote.", &["“It was ‘premature’, he said,”"]),
            ("“We will go on.", &["“We will go on."]),
            // one left open ends with its line, or before the next that opens
            ("“Ahead of plan.\nHe added: “More to come.”", &["“Ahead of plan.", "“More to come.”"]),
            ("“Ahead of plan. “More to come.”", &["“Ahead of plan. ", "“More to come.”"]),
            ("no quotation here, the UK's", &[]),
            // two single marks close a double one
            ("“We drifted for hours,’’ the agency said. Then “calm”.", &["“We drifted for hours,’’", "“calm”"]),
            ("“Not yet,'' she said.", &["“Not yet,''"]),
        ];
        for (text, expected) in rows {
            let found: Vec<&str> = quotations(text).into_iter().map(|q| &text[q]).collect();
            assert_eq!(found, *expected, "{text}");
        }
        assert_eq!(quotedness("the 'backstop' plan", 5, 13), 2);
        assert_eq!(quotedness("a 'US backstop' plan", 6, 14), 1);
        assert_eq!(quotedness("a US backstop plan", 5, 13), 0);
    }

    #[test]
    fn quote_matching() {
        let sentence = "He said Europe must “step up” – and the UK will play its part, he added.";
        let rows = [
            ("step up", true),
            ("\"step up\"", true),
            ("must \"step up\" - and the UK", true),
            ("Europe must … play its part", true),
            ("Europe must...play its part", true),
            ("[Europe] must \"step up\"", true),
            ("play its part … Europe must", false),
            ("step", true),
            ("tep up", false),
            ("Step up", false),
            ("the US will play", false),
        ];
        for (quote, expected) in rows {
            assert_eq!(stands(quote, sentence), expected, "{quote:?}");
        }
    }
}
