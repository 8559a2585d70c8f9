//! Quotes: traced when the quote's text stands in one sentence after folding
//! quotes, dashes and white space; `…` or `...` may skip words of the
//! sentence, and `[words]` are the editor's and skip words too.

use super::{Context, FactKind, FactTrace, Trace};
use crate::diagnostic::Diagnostic;
use crate::sheet::Quote;
use crate::trace::fold::{Folded, whole_words};

pub(super) fn trace(cx: &Context, trace: &mut Trace) {
    for quote in &cx.briefing.quotes {
        let segments = segments(&quote.text.value);
        let standing: Vec<_> = if segments.is_empty() {
            Vec::new()
        } else {
            let found = cx.folded.iter().enumerate();
            found.filter_map(|(s, folded)| find_in(folded, &segments).map(|span| (s, folded, span))).collect()
        };
        // the words may stand in several sentences; the one that quotes them is meant
        let found =
            standing.iter().find(|(_, folded, span)| in_quote_marks(folded, *span)).or(standing.first()).copied();
        let stated = found.map(|(s, folded, (start, end))| {
            let sentence = &cx.seed.sentences[s];
            let span = folded.original_span(sentence.raw(&cx.seed.text), start, end);
            cx.stated(s, span.start + sentence.span.start..span.end + sentence.span.start)
        });
        if stated.is_none() {
            trace.diagnostics.push(not_found(cx, quote, &segments));
        }
        trace.facts.push(FactTrace {
            briefing: cx.briefing.slug.clone(),
            kind: FactKind::Quote,
            id: quote.id.value.clone(),
            stated,
            also: Vec::new(),
        });
    }
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

/// The folded span from the first segment's start to the last one's end,
/// when all stand in order in `sentence`, each as whole words.
fn find_in(sentence: &Folded, segments: &[String]) -> Option<(usize, usize)> {
    let text = sentence.text.as_str();
    let mut from = 0;
    let mut start = None;
    let mut end = 0;
    for segment in segments {
        let at = find_whole(text, segment, from)?;
        start.get_or_insert(at);
        end = at + segment.len();
        from = end;
    }
    Some((start?, end))
}

/// The folded span is enclosed in quote marks (folded to `'`).
fn in_quote_marks(folded: &Folded, (start, end): (usize, usize)) -> bool {
    folded.text[..start].ends_with('\'') && folded.text[end..].starts_with('\'')
}

fn find_whole(text: &str, needle: &str, from: usize) -> Option<usize> {
    let mut from = from;
    while let Some(i) = text.get(from..)?.find(needle) {
        let at = from + i;
        if whole_words(text, at, at + needle.len()) {
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
        find_in(&Folded::new(sentence), &segments(quote)).is_some()
    }

    #[test]
    fn prefers_the_sentence_that_quotes_the_words() {
        let f = Folded::new("the 'backstop' plan");
        let span = find_in(&f, &segments("backstop")).unwrap();
        assert!(in_quote_marks(&f, span));
        let f = Folded::new("a US backstop plan");
        assert!(!in_quote_marks(&f, find_in(&f, &segments("backstop")).unwrap()));
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
