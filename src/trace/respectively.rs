//! Whose each number of a `respectively` list is: "Board games and kites
//! posted declines of 3.1 percent and 5.6 percent, respectively" gives the
//! numbers, in order, to the things named before them, in the same order.
//! Two figures of such a list are swapped when each label names the thing
//! the other's number goes with.

use foldhash::HashSet;

use super::Context;
use super::fold::Folded;
use super::labels::words;
use crate::numbers::Mention;

/// The most words that may stand between two numbers of one list
/// (`percent and`), or between the last and `respectively`.
const MOST_BETWEEN: usize = 3;

/// Whether the labels of the two numbers `a` and `b` of sentence `s` are
/// each the other's, read by the order of a `respectively` list: `Some(true)`
/// when swapped, `Some(false)` when in order, `None` when the sentence has
/// no such list of both numbers, or the labels do not tell.
pub(super) fn swapped(
    cx: &Context,
    s: usize,
    (a, label_a): (&Mention, &str),
    (b, label_b): (&Mention, &str),
) -> Option<bool> {
    let list = list_of(cx, s)?;
    let (ia, ib) = (list.iter().position(|m| m.span == a.span)?, list.iter().position(|m| m.span == b.span)?);
    // the things the list names stand before its first number
    let sentence = cx.seed.sentences[s].span.start;
    let named = &cx.seed.text[sentence..list[0].span.start];
    let (words_a, words_b) = (words(&Folded::new(label_a).text), words(&Folded::new(label_b).text));
    // words both labels have tell nothing of which is whose
    let first_place = |own: &HashSet<String>, other: &HashSet<String>| {
        named
            .split_whitespace()
            .position(|token| words(&Folded::new(token).text).iter().any(|w| own.contains(w) && !other.contains(w)))
    };
    let (at_a, at_b) = (first_place(&words_a, &words_b)?, first_place(&words_b, &words_a)?);
    if at_a == at_b {
        return None;
    }
    Some((at_a < at_b) != (ia < ib))
}

/// The numbers of sentence `s` that a `respectively` after them gives, in
/// order, to things named before them: two or more, each a few words from
/// the next.
fn list_of<'c>(cx: &'c Context, s: usize) -> Option<Vec<&'c Mention>> {
    let span = cx.seed.sentences[s].span.clone();
    let text = &cx.seed.text[span.clone()];
    let at = span.start + text.find("respectively")?;
    let few_words = |from: usize, to: usize| {
        cx.seed.text.get(from..to).is_some_and(|between| {
            !between.contains(['.', ';', ':']) && between.split_whitespace().count() <= MOST_BETWEEN
        })
    };
    let before: Vec<&Mention> = cx.mentions[s].iter().filter(|m| m.span.end <= at).collect();
    let last = *before.last()?;
    if !few_words(last.span.end, at) {
        return None;
    }
    // one number and the next are joined by a comma or `and` (`3.1 percent and 5.6`)
    let joined = |from: usize, to: usize| {
        few_words(from, to)
            && cx.seed.text[from..to].trim_end().strip_suffix(',').map_or_else(
                || cx.seed.text[from..to].split_whitespace().last().is_some_and(|w| w == "and" || w == "or"),
                |_| true,
            )
    };
    let mut list = vec![last];
    for m in before.iter().rev().skip(1) {
        if !joined(m.span.end, list[list.len() - 1].span.start) {
            break;
        }
        list.push(m);
    }
    list.reverse();
    (list.len() >= 2).then_some(list)
}
