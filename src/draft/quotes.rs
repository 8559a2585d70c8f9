//! The quotes of a draft: the words a seed puts in quotation marks, as
//! they stand, and who may have said them.
//!
//! A quotation of one word is left out: it is a word the text holds at a
//! distance ('premature'), rarely a claim. The speaker is looked for as the
//! check reads it: someone named in the quote's sentences, else the one
//! the text was last about, else the one the next sentence names. Every
//! candidate is kept in that order; the first the check accepts is the one
//! the draft gives.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::actors::Named;
use crate::sheet::ActorKind;
use crate::source::Seed;
use crate::trace::fold::whole_words;
use crate::trace::quotations;

/// Words the seed quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// The words between the marks, white space made single.
    pub text: String,
    /// Its words in its first sentence, when it runs on past it.
    pub first_part: Option<String>,
    /// The sentence (index) the quotation starts in.
    pub sentence: usize,
    /// The quotation, marks included.
    pub span: Range<usize>,
}

/// The fewest words a quotation needs to be drafted as a quote.
const FEWEST_WORDS: usize = 2;

/// Every quotation of `seed` of at least [`FEWEST_WORDS`] words, in order, each once.
pub fn find(seed: &Seed) -> Vec<Quoted> {
    let mut found: Vec<Quoted> = Vec::new();
    for paragraph in paragraphs(seed) {
        let text = &seed.text[paragraph.clone()];
        for q in quotations(text) {
            let span = q.start + paragraph.start..q.end + paragraph.start;
            let Some(words) = inner_words(&seed.text[span.clone()]) else { continue };
            if words.split(' ').count() < FEWEST_WORDS || found.iter().any(|f| f.text == words) || is_a_title(&words) {
                continue;
            }
            let sentence = seed.sentences.partition_point(|s| s.span.end <= span.start);
            let Some(first) = seed.sentences.get(sentence) else { continue };
            let first_part = (span.end > first.span.end)
                .then(|| inner_words(&seed.text[span.start..first.span.end]))
                .flatten()
                .filter(|part| part.split(' ').count() >= FEWEST_WORDS);
            found.push(Quoted { text: words, first_part, sentence, span });
        }
    }
    found
}

/// Words in quotation marks that name a work, not words someone said: a
/// few words, each capitalised but the small ones (`"Cars 3"`, `"All Eyez On
/// Me"`, `"The Lord of the Rings"`).
fn is_a_title(words: &str) -> bool {
    const SMALL: &[&str] = &["of", "the", "a", "an", "and", "on", "in", "to", "for", "at", "by", "or"];
    let words: Vec<&str> = words.split(' ').collect();
    words.len() <= 6
        && !words.last().is_some_and(|w| w.ends_with(['.', '!', '?']))
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || SMALL.contains(&w.to_lowercase().as_str())
        })
}

/// The seed's span of each paragraph.
fn paragraphs(seed: &Seed) -> Vec<Range<usize>> {
    let mut spans: Vec<(usize, Range<usize>)> = Vec::new();
    for s in &seed.sentences {
        match spans.last_mut() {
            Some((p, span)) if *p == s.paragraph => span.end = s.span.end,
            _ => spans.push((s.paragraph, s.span.clone())),
        }
    }
    spans.into_iter().map(|(_, span)| span).collect()
}

/// The words of a quotation without its marks and the comma that hands it
/// to its speaker (`“We will act,” he said`).
fn inner_words(quotation: &str) -> Option<String> {
    let mut chars = quotation.chars();
    chars.next()?;
    let mut inner = chars.as_str();
    if let Some(last) = inner.chars().next_back()
        && "”\"’'»›“".contains(last)
    {
        inner = &inner[..inner.len() - last.len_utf8()];
    }
    let inner = inner.trim().trim_end_matches([',', ';', ':', '-', '–', '—']).trim();
    let words = inner.split_whitespace().collect::<Vec<_>>().join(" ");
    (!words.is_empty()).then_some(words)
}

/// Who may have said each quote: indices into `actors`, the likeliest first.
pub fn speakers(seed: &Seed, actors: &[Named], quotes: &[Quoted]) -> Vec<Vec<usize>> {
    let named = named_at(seed, actors);
    quotes.iter().map(|q| candidates(seed, actors, &named, q)).collect()
}

/// Where each actor is named: (offset, actor index), in text order.
fn named_at(seed: &Seed, actors: &[Named]) -> Vec<(usize, usize)> {
    let mut owners = Vec::new();
    let mut names = Vec::new();
    for (i, a) in actors.iter().enumerate() {
        for name in std::iter::once(&a.name).chain(&a.aliases) {
            owners.push(i);
            names.push(name.as_str());
        }
    }
    let Ok(searcher) = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&names) else {
        return Vec::new();
    };
    searcher
        .find_iter(&seed.text)
        .filter(|m| whole_words(&seed.text, m.start(), m.end()))
        .map(|m| (m.start(), owners[m.pattern().as_usize()]))
        .collect()
}

fn candidates(seed: &Seed, actors: &[Named], named: &[(usize, usize)], q: &Quoted) -> Vec<usize> {
    let sentences = &seed.sentences;
    let paragraph = sentences[q.sentence].paragraph;
    let last = sentences.partition_point(|s| s.span.end < q.span.end).min(sentences.len() - 1);
    let quoted = quoted_spans(seed);
    let outside = |at: usize| !quoted.iter().any(|r| r.start <= at && at < r.end);
    let in_sentence = |s: usize, kind: ActorKind| -> Vec<(usize, usize)> {
        let span = &sentences[s].span;
        named
            .iter()
            .filter(|(at, a)| span.start <= *at && *at < span.end && outside(*at) && actors[*a].kind == kind)
            .copied()
            .collect()
    };
    let mut found = Vec::new();
    for kind in [ActorKind::Person, ActorKind::Organisation] {
        // named where the quote stands, nearest first
        let mut here: Vec<(usize, usize)> = (q.sentence..=last).flat_map(|s| in_sentence(s, kind)).collect();
        here.sort_by_key(|(at, _)| if *at < q.span.start { q.span.start - at } else { at.saturating_sub(q.span.end) });
        found.extend(here.iter().map(|(_, a)| *a));
        // the subject and the last named of the nearest sentence before that names one
        if let Some(before) = (0..q.sentence).rev().map(|s| in_sentence(s, kind)).find(|n| !n.is_empty()) {
            found.push(before[0].1);
            found.push(before[before.len() - 1].1);
        }
        if sentences.get(last + 1).is_some_and(|n| n.paragraph == paragraph) {
            found.extend(in_sentence(last + 1, kind).iter().map(|(_, a)| *a));
        }
    }
    let mut unique = Vec::new();
    for a in found {
        if !unique.contains(&a) {
            unique.push(a);
        }
    }
    unique
}

/// Every quotation of the seed, paragraph by paragraph: names inside them are said, not saying.
pub(super) fn quoted_spans(seed: &Seed) -> Vec<Range<usize>> {
    paragraphs(seed)
        .into_iter()
        .flat_map(|p| quotations(&seed.text[p.clone()]).into_iter().map(move |q| q.start + p.start..q.end + p.start))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn quotations_of_two_words_or_more_without_marks() {
        let text = "Headline\n\n“We will act now,” said Jane Doe. The plan was ‘premature’, she said.\n\nHe called it a 'US backstop'.";
        let seed = Seed::from_text(Path::new("x.txt"), text.to_string());
        let found: Vec<String> = find(&seed).into_iter().map(|q| q.text).collect();
        assert_eq!(found, ["We will act now", "US backstop"]);
    }

    #[test]
    fn titles_in_quotation_marks_are_no_quotes() {
        let text = "Headline\n\n\"Harbour Lights 2\" opened ahead of \"The Long Night\". \"It was a good week,\" said Jane Doe.";
        let seed = Seed::from_text(Path::new("x.txt"), text.to_string());
        let found: Vec<String> = find(&seed).into_iter().map(|q| q.text).collect();
        assert_eq!(found, ["It was a good week"]);
    }
}
