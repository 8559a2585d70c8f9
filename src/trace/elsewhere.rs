//! `label-elsewhere`: a figure whose label says what another sentence of
//! its seed states, one with a number of its class and not its value. The
//! label is read against every other sentence, word for word
//! ([`super::labels::Words`]), and kept to its own where its sentence points
//! back to the ones before it (`This`, `that number`, `the town`).

use super::Context;
use super::fold::Folded;
use super::labels::{Traced, Words, actor_words, names_an_event, words, words_in_order};
use crate::diagnostic::Diagnostic;
use crate::numbers::Mention;
use crate::sheet::Figure;
use foldhash::HashSet;

/// The `label-elsewhere` warnings: a figure whose label says what another
/// sentence states, one that states a number of its class and not its
/// value. Either the label shares no word with the paragraph its value is
/// stated in and every word of it (two or more) stands in the other
/// sentence (`Rise in sales in May`, 9% traced to "Costs rose 9% in June",
/// when "Sales rose 4% in May" stands before it); or two or more of its
/// words tell the other sentence from its own, and none tells its own from
/// the other (`How much fares have risen in the last decade` on the 2% of
/// "Fares will rise by at most 2% in May", when "fares have risen by 30% in
/// the last decade" stands after it). Names of the sheet's actors tell
/// nothing of the other: a sentence may call its actor `it`. `of_class`
/// says whether a mention is of the figure's class, `stating` whether it
/// states the figure's value.
pub(super) fn elsewhere(
    cx: &Context,
    read: &Words,
    traced: &[Traced],
    of_class: impl Fn(&Figure, &Mention) -> bool,
    stating: impl Fn(&Figure, &Mention) -> bool,
) -> Vec<Diagnostic> {
    let named = actor_words(cx);
    let mut found = Vec::new();
    for (i, &(figure, s, mention)) in traced.iter().enumerate() {
        let label = read.label(i);
        // the sentences the label may describe instead of its own
        let others: Vec<usize> = (0..cx.folded.len())
            .filter(|&t| t != s && cx.mentions[t].iter().any(|m| of_class(figure, m) && !names_an_event(cx, m)))
            // not where the other sentence states the value too: the label is right
            // there — unless `evidence:` pins the value to another sentence
            .filter(|&t| figure.evidence.is_some() || !cx.mentions[t].iter().any(|m| stating(figure, m)))
            .collect();
        let best = all_words_elsewhere(cx, read, label, s, &others).or_else(|| {
            // another sentence that names the figure's actor may well share its
            // words: three of them must tell it from the figure's own there
            let own_actor = cx.actor_of(figure);
            let names_actor = |t: usize| {
                own_actor.is_some_and(|a| cx.called()[a].iter().any(|n| n.sentence == cx.seed.sentences[t].number))
            };
            // `an 18 per cent jump in the town`: the place the sentences before name is its own
            let named = match place_named_before(cx, read, s) {
                Some(place) => &named.union(&place).cloned().collect(),
                None => &named,
            };
            // the sentences of its paragraph say what its own is about (`This year,
            // 37 pens were sold at the ewe auction. Sales amounted to $96,400`),
            // in words a headline, which sums up the story, says too
            let paragraph = cx.seed.sentences[s].paragraph;
            let neighbours: Vec<usize> =
                (0..cx.folded.len()).filter(|&k| k != s && cx.seed.sentences[k].paragraph == paragraph).collect();
            told_apart(read, label, (named, &neighbours), s, &others, |t| if names_actor(t) { 3 } else { 2 })
        });
        let Some(t) = best else { continue };
        // the value stated again in the label's words (a headline's figure
        // restated in the body): the label is that sentence's, and so the
        // value's, unless `evidence:` pins the value to its own
        let shared_with = |k: usize| label.intersection(read.of(k)).count();
        let restated = figure.evidence.is_none()
            && (0..cx.folded.len())
                .filter(|&k| k != s && k != t && cx.mentions[k].iter().any(|m| stating(figure, m)))
                .any(|k| shared_with(k) >= shared_with(t));
        if restated {
            continue;
        }
        // the two sentences before the figure's own
        let before = s.saturating_sub(2)..s;
        // a label that names its figure's actor, named in or just before its
        // own sentence and not in the other, is its own sentence's: the
        // farmer's `in fact 35% down` after the lede's `yields down by 35%`
        if let Some(a) = cx.actor_of(figure) {
            let label_names_actor = cx.briefing.actors[a]
                .names()
                .any(|n| words(&Folded::new(&n.value).text).iter().all(|w| label.contains(w)));
            let named_in = |k: usize| cx.called()[a].iter().any(|n| n.sentence == cx.seed.sentences[k].number);
            if label_names_actor && (before.start..=s).any(named_in) && !named_in(t) {
                continue;
            }
        }
        // `One was 88% effective, the other 58%`: a sentence that opens with one
        // of a set is about the set the sentences before it name
        if MEMBERS.contains(&first_word(cx, s)) && before.contains(&t) {
            continue;
        }
        // `Of these, they attended 148,226 fires`: a part of what the sentence
        // before counts, named by the noun after its number, may be labelled
        // with that sentence's words
        if before.contains(&t) && is_a_part(cx, s) && counted_in_label(cx, s, mention, &figure.label.value) {
            continue;
        }
        // `This remains below the 80% target`: a sentence that opens by
        // pointing back is about what the two before it say, unless it is the
        // label's other sentence (`… 25.9 per cent … This is down from 26 per cent`),
        // and so does `The index went down to 44.2`, where the index is the one named before
        let the_one_named = || {
            let sentence = &cx.seed.text[cx.seed.sentences[s].span.clone()];
            let mut opening = sentence.split_whitespace();
            let noun = opening.next().filter(|w| *w == "The").and(opening.next()).unwrap_or_default();
            let noun = words(&Folded::new(noun).text);
            !noun.is_empty() && before.clone().any(|k| noun.iter().all(|w| read.of(k).contains(w)))
        };
        let points_back = ["This", "That", "These", "Those", "It", "Such"].contains(&first_word(cx, s))
            || the_one_named()
            || says_that_number(cx, s, mention);
        // (what the period is, the periods are read for: `This time last year`
        // is the label's `a year earlier`)
        let said_before =
            |w: &String| PERIOD_WORDS.contains(&w.as_str()) || (before.start..=s).any(|k| read.of(k).contains(w));
        if points_back && !before.contains(&t) && label.iter().all(said_before) {
            continue;
        }
        // `This time last year it stood at £151,000`, labelled `… a year
        // earlier`: the time before, which the other sentence does not say
        let sentence_text = |k: usize| cx.seed.text[cx.seed.sentences[k].span.clone()].to_lowercase();
        let time_before = |text: &str| TIME_BEFORE.iter().any(|t| text.contains(t));
        let other_text = sentence_text(t);
        if time_before(&figure.label.value.to_lowercase())
            && time_before(&sentence_text(s))
            && !time_before(&other_text)
        {
            continue;
        }
        // a label that names its own number's period, which the other sentence
        // does not say, is its own: `… spent on mortgages a year ago`
        if super::periods::named_of_own(cx, s, &figure.label.value, mention).is_some_and(|p| !other_text.contains(&p)) {
            continue;
        }
        let (own, other) = (cx.sentence_id(s), cx.sentence_id(t));
        // the label's own words that the other sentence has, as the label writes them
        let shared: Vec<&str> = figure
            .label
            .value
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .filter(|w| words(&Folded::new(w).text).iter().any(|w| read.of(t).contains(w) && !read.of(s).contains(w)))
            .collect();
        found.push(
            Diagnostic::warning(
                "label-elsewhere",
                format!(
                    "the label of `{}` reads like {other}, but its value is stated in {own}, which the label does not tell from {other}",
                    figure.id.value
                ),
            )
            .at(cx.in_sheet(&figure.label.span))
            .label(format!("reads like {other}"))
            .related(cx.in_seed(&mention.span), format!("{own} states the value here"))
            .related(
                cx.in_seed(&cx.seed.sentences[t].span),
                format!("{other} has the label's words ({})", shared.join(", ")),
            )
            .help(format!(
                "check the value against {other}; if {own} is meant, give the figure a label that says what {own} states"
            )),
        );
    }
    found
}

/// Words of a period, which a label may say as a sentence pointing back does
/// not: `a year earlier`, `last month`.
const PERIOD_WORDS: &[&str] =
    &["year", "month", "week", "quarter", "day", "earlier", "ago", "before", "prior", "last", "later"];

/// Ways to say the time before the one a text is about.
const TIME_BEFORE: &[&str] = &[
    "last year",
    "a year ago",
    "a year earlier",
    "the year before",
    "previous year",
    "last month",
    "a month ago",
    "a month earlier",
    "the month before",
    "previous month",
    "last week",
    "a week ago",
    "a week earlier",
];

/// Nouns that `that` or `this` before them make a number said before:
/// `Last year, that number dropped to 731`.
const SAID_BEFORE: &[&str] = &["number", "figure", "total", "rate", "level", "amount", "sum", "count", "tally", "toll"];

/// Sentence `s` says `that number` or the like in the words of `m`.
fn says_that_number(cx: &Context, s: usize, m: &Mention) -> bool {
    let before = cx.seed.text[cx.seed.sentences[s].span.start..m.span.start].to_lowercase();
    let words: Vec<&str> = before.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    words.windows(2).any(|pair| ["this", "that"].contains(&pair[0]) && SAID_BEFORE.contains(&pair[1]))
}

/// Words that call a place by what it is: `the town`.
const PLACE_NOUNS: &[&str] =
    &["town", "city", "village", "country", "region", "state", "island", "county", "province", "capital", "area"];

/// Where sentence `s` calls a place `the town` or the like, the names (words
/// in capitals) of the two sentences of its paragraph before it, which may
/// be that place.
fn place_named_before(cx: &Context, read: &Words, s: usize) -> Option<HashSet<String>> {
    let sentence = cx.seed.text[cx.seed.sentences[s].span.clone()].to_lowercase();
    let words: Vec<&str> = sentence.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    if !words.windows(2).any(|pair| pair[0] == "the" && PLACE_NOUNS.contains(&pair[1])) {
        return None;
    }
    let paragraph = cx.seed.sentences[s].paragraph;
    let before = (s.saturating_sub(2)..s).filter(|&k| cx.seed.sentences[k].paragraph == paragraph || k + 1 == s);
    let names = before.flat_map(|k| {
        let text = &cx.seed.text[cx.seed.sentences[k].span.clone()];
        let capitals = text.split_whitespace().filter(|w| w.starts_with(char::is_uppercase));
        capitals.flat_map(|w| words_in_order(&Folded::new(w).text).collect::<Vec<_>>()).collect::<Vec<_>>()
    });
    let names: HashSet<String> = names.filter(|w| !read.of(s).contains(w)).collect();
    Some(names)
}

/// Openings of a sentence about a part of what the sentences before count.
const PARTS_OF: &[&str] = &["of these", "of those", "of them", "of which", "among them", "among these", "among those"];

/// Sentence `s` opens with the part of a whole said before: `Of these, …`.
fn is_a_part(cx: &Context, s: usize) -> bool {
    let opening: String = cx.seed.text[cx.seed.sentences[s].span.clone()].chars().take(16).collect();
    let opening = opening.to_lowercase();
    PARTS_OF.iter().any(|p| opening.starts_with(p))
}

/// The noun right after mention `m` of sentence `s` (`148,226 fires`)
/// stands in `label` as the sentence writes it.
fn counted_in_label(cx: &Context, s: usize, m: &Mention, label: &str) -> bool {
    let after = &cx.seed.text[m.span.end..cx.seed.sentences[s].span.end];
    let noun = after.split_whitespace().next().unwrap_or_default().trim_matches(|c: char| !c.is_alphanumeric());
    let label = label.to_lowercase();
    !noun.is_empty() && label.split(|c: char| !c.is_alphanumeric()).any(|w| w == noun.to_lowercase())
}

/// Words that open a sentence about one or each of a set named before: `One
/// was 88% effective, the other 58%`.
const MEMBERS: &[&str] = &["One", "Both", "Each", "Neither", "Either", "Another"];

/// The first word of sentence `s`, as written.
fn first_word<'c>(cx: &'c Context, s: usize) -> &'c str {
    cx.seed.text[cx.seed.sentences[s].span.clone()].split_whitespace().next().unwrap_or_default()
}

/// Of `others`, the sentence that holds every word of `label` (two or
/// more), when the label shares no word with the paragraph of sentence `s`.
fn all_words_elsewhere(
    cx: &Context,
    read: &Words,
    label: &HashSet<String>,
    s: usize,
    others: &[usize],
) -> Option<usize> {
    // a label may say what the sentences around its own say (`since December`)
    let paragraph = cx.seed.sentences[s].paragraph;
    // most labels do: no other sentence is read for them
    let describes = |t: usize| label.intersection(read.of(t)).next().is_some();
    if (0..cx.folded.len()).filter(|&t| cx.seed.sentences[t].paragraph == paragraph).any(describes) {
        return None;
    }
    let best = others
        .iter()
        .map(|&t| (label.intersection(read.of(t)).count(), t))
        .filter(|&(shared, _)| shared >= 2 && shared == label.len())
        .max_by_key(|&(shared, t)| (shared, std::cmp::Reverse(t)));
    best.map(|(_, t)| t)
}

/// Of `others`, the sentence that `fewest(it)` words of `label` or more tell
/// from sentence `s`, when no word of it tells `s` from that sentence; names
/// in `named` tell nothing of the other.
fn told_apart(
    read: &Words,
    label: &HashSet<String>,
    (named, neighbours): (&HashSet<String>, &[usize]),
    s: usize,
    others: &[usize],
    fewest: impl Fn(usize) -> usize,
) -> Option<usize> {
    let own = read.of(s);
    // a word another sentence of the paragraph says, where the other is the headline
    // (a headline is among a story's first lines)
    let headlines: Vec<usize> = (0..read.context().folded.len().min(5)).filter(|&t| is_a_headline(read, t)).collect();
    let said_beside =
        |w: &String, t: usize| headlines.contains(&t) && neighbours.iter().any(|&k| read.of(k).contains(w));
    let best = others
        .iter()
        .copied()
        .filter(|&t| !label.iter().any(|w| own.contains(w) && !read.of(t).contains(w)))
        .map(|t| {
            let telling =
                |w: &&String| read.of(t).contains(*w) && !own.contains(*w) && !named.contains(*w) && !said_beside(w, t);
            (label.iter().filter(telling).count(), t)
        })
        .filter(|&(telling, t)| telling >= fewest(t))
        .max_by_key(|&(telling, t)| (telling, std::cmp::Reverse(t)));
    best.map(|(_, t)| t)
}

/// Sentence `t` may be a headline: a line of its own that ends with no stop.
fn is_a_headline(read: &Words, t: usize) -> bool {
    let cx = read.context();
    let sentence = &cx.seed.sentences[t];
    let alone = cx.seed.sentences.iter().filter(|k| k.paragraph == sentence.paragraph).count() == 1;
    let text = cx.seed.text[sentence.span.clone()].trim_end();
    alone && !text.ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2019}', ':'])
}
