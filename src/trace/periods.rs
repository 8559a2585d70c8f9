//! The period a number of the seed is of — the year or `last year` that
//! stands with it (`1,650 deaths recorded in 2012`, `on 2019 (96.3%)`), or
//! the span it is counted within (`64% within 62 days`) — and the
//! `label-beside-another` warning of a label that names the period of
//! another number of its sentence and not the period of its own.

use super::Context;
use super::labels::{Beside, Traced};
use crate::diagnostic::Diagnostic;
use crate::numbers::{Kind, MONTH_NAMES, Mention};

/// Periods said in words, which a label may name as the seed does.
const SAID: &[&str] = &["last year", "this year", "a year ago"];

/// Words before a month that make it the period of what they follow: `in April`.
const IN: &[&str] = &["in", "for", "during", "through", "to"];

/// Words that make a month or year the one before the sentence's own:
/// `the previous month`, `a year earlier`.
const BEFORE_IT: &[&str] = &["previous", "prior", "preceding", "last"];
const AFTER_IT: &[&str] = &["earlier", "before", "ago"];

/// Words before the span a number is counted within: `within 62 days`.
const WITHIN: &[&str] = &["within", "inside", "under", "over", "after"];

/// Words after which a year is not the period of the number before them:
/// `the highest level since 2019`, `up 3% on 2023`.
const NOT_ITS_OWN: &[&str] = &["since", "from", "until", "till", "before", "after", "than", "on"];

/// The figures whose label names the period of another number of their
/// sentence (`Road deaths in 2017` on the 1,650 of "1% fewer than in 2017,
/// … the 1,650 deaths recorded in 2012"), and not the period of their own.
pub(super) fn named_for_another(cx: &Context, traced: &[Traced]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for &(figure, s, mention) in traced {
        if cx.mentions[s].len() < 2 {
            continue;
        }
        let named = in_label(cx, s, &figure.label.value);
        if named.is_empty() {
            continue;
        }
        // a number with no period in its own words may share another's
        // (`646 last year, however rural road deaths fell by 4% to 1,030`);
        // but not the one before the sentence's own, which is another's by
        // its words (`Net profit a year earlier` on the $2.4bn of "… was $2.4
        // billion, down from $2.9 billion a year earlier")
        let own = period_of(cx, s, mention);
        let named = match own {
            Some(ref own) if named.contains(own) => continue,
            Some(_) => named,
            None => {
                // (`Last year, profit was £5m, against £3m a year earlier`: last year is the £5m's)
                let before = cx.seed.text[cx.seed.sentences[s].span.start..mention.span.start].to_lowercase();
                let words: Vec<&str> = before.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
                let named_before =
                    words.iter().any(|w| is_year(w) || MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(w)))
                        || SAID.iter().chain(&["last month"]).any(|p| before.contains(p));
                // (but the time before it, which the label says as well, is
                // not: `in May of the year before` on the May of "In May, … $2.31
                // billion, compared with $2.18 billion in the same month a year ago")
                let the_time_before = before_in_label(cx, s, &figure.label.value, false);
                let said = |p: &String| before.contains(p.as_str());
                // (nor a time before that the label sets the number against:
                // `Rise on a year earlier` on the 12% of "up 12% from 36,790 a year earlier")
                if compares_with_before(&figure.label.value) || (named_before && the_time_before.iter().all(said)) {
                    continue;
                }
                the_time_before
            }
        };
        if named.is_empty() {
            continue;
        }
        let other = cx.mentions[s]
            .iter()
            // a number of any class: `1% fewer than in 2017` gives 2017 to the change, not to a count
            .filter(|o| o.span != mention.span && o.value != mention.value && is_number(o) && !says_a_time(cx, o))
            .find_map(|o| period_of(cx, s, o).filter(|p| named.contains(p)).map(|p| (o, p)));
        let Some((other, period)) = other else { continue };
        let id = cx.sentence_id(s);
        let stated = |m: &Mention| cx.seed.text[m.span.clone()].to_string();
        let beside = Beside {
            figure,
            mention,
            other,
            message: match &own {
                Some(own) => format!(
                    "the label of `{}` names {period}, which {id} gives to {}; its own {} goes with {own}",
                    figure.id.value,
                    stated(other),
                    stated(mention)
                ),
                None => format!(
                    "the label of `{}` names {period}, which {id} gives to {}, not to its own {}",
                    figure.id.value,
                    stated(other),
                    stated(mention)
                ),
            },
            label: format!("names {period}"),
            own: match &own {
                Some(own) => format!("the figure's value, of {own}"),
                None => format!("the figure's value, in {id}"),
            },
            theirs: format!("{period} goes with this number"),
            fix: "names the period of its own number",
        };
        found.push(beside.warning(cx));
    }
    found
}

/// The period of number `m` of sentence `s`, when `label` names it.
pub(super) fn named_of_own(cx: &Context, s: usize, label: &str, m: &Mention) -> Option<String> {
    period_of(cx, s, m).filter(|own| in_label(cx, s, label).contains(own))
}

/// A plain number, a percentage or a sum: what may hold a period of its own.
fn is_number(m: &Mention) -> bool {
    matches!(m.kind, Kind::Count | Kind::Percent | Kind::Money)
}

/// Mention `m` counts the time before, with no period of its own: the
/// `one` of `one year ago`, the `two` of `two weeks earlier`.
fn says_a_time(cx: &Context, m: &Mention) -> bool {
    let mut after = cx.seed.text[m.span.end..]
        .split_whitespace()
        .take(2)
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    let span = after.next().unwrap_or_default();
    let span = span.strip_suffix('s').unwrap_or(&span).to_string();
    ["day", "week", "month", "quarter", "year"].contains(&span.as_str())
        && after.next().is_some_and(|w| AFTER_IT.contains(&w.as_str()))
}

/// The periods a label names: its years (`2017`), `last year` or `this
/// year`, the numbers it may count within (`within 28 days`), its months
/// (`March retail sales`), and the month or year before sentence `s`'s own
/// (`Sales in the previous month`).
fn in_label(cx: &Context, s: usize, label: &str) -> Vec<String> {
    let lower = label.to_lowercase();
    let mut named: Vec<String> = lower
        .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map(|w| w.trim_end_matches([',', '.']).replace(',', ""))
        .filter(|w| is_plain_number(w))
        .collect();
    named.extend(SAID.iter().filter(|p| lower.contains(*p)).map(|p| p.to_string()));
    let words: Vec<&str> = label.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // a month, but not one that ends a name (`Votes for Theresa May`)
    let ends_a_name = |i: usize| i > 0 && words[i - 1].starts_with(char::is_uppercase);
    let months = words.iter().enumerate().filter(|&(i, w)| MONTH_NAMES.contains(w) && !(*w == "May" && ends_a_name(i)));
    named.extend(months.map(|(_, w)| w.to_lowercase()));
    named.extend(before_in_label(cx, s, label, true));
    named
}

/// Words that set a number against a time before: `a rise on a year earlier`.
const SET_AGAINST: &[&str] = &["on", "from", "over", "than", "against", "with", "to", "versus", "since"];

/// `label` says the time before as what its number is set against (`Rise
/// in passengers on a year earlier`), not as its number's own time.
fn compares_with_before(label: &str) -> bool {
    let words: Vec<String> =
        label.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let says_before = |i: usize| {
        let (a, b) = (words[i].as_str(), words.get(i + 1).map_or("", String::as_str));
        (BEFORE_IT.contains(&a) && matches!(b, "month" | "year"))
            || (matches!(a, "month" | "year") && AFTER_IT.contains(&b))
    };
    (0..words.len()).filter(|&i| says_before(i)).any(|i| {
        let mut back =
            words[..i].iter().rev().skip_while(|w| matches!(w.as_str(), "a" | "the" | "same" | "period" | "time"));
        back.next().is_some_and(|w| SET_AGAINST.contains(&w.as_str()))
    })
}

/// The periods a label names as the one before sentence `s`'s own: `a year
/// earlier`, `the previous month`, and `last year`, `last month` when
/// `said_from_writing` (said from the day of writing, they may be a number's
/// own: `Exports rose 3.4% on 2023 to a record 5.1% share last year`).
fn before_in_label(cx: &Context, s: usize, label: &str, said_from_writing: bool) -> Vec<String> {
    let lowered: Vec<String> =
        label.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let end = cx.seed.sentences[s].span.end;
    let pairs = lowered.windows(2).filter(|pair| said_from_writing || pair[0] != "last");
    pairs.filter_map(|pair| the_one_before(cx, s, &pair[0], &pair[1], end)).collect()
}

/// `the previous month`, `a year earlier` (as the words `previous` and
/// `month`, or `year` and `earlier`): the month or year before the last one
/// sentence `s` names before offset `before`, or `last month`, `last year`
/// when it names none. `last month` and `last year` are said from the day
/// of writing, not from the sentence's month or year.
fn the_one_before(cx: &Context, s: usize, first: &str, second: &str, before: usize) -> Option<String> {
    let span = match (first, second) {
        ("last", span @ ("month" | "year")) => return Some(format!("last {span}")),
        (w, span @ ("month" | "year")) if BEFORE_IT.contains(&w) => span,
        (span @ ("month" | "year"), w) if AFTER_IT.contains(&w) => span,
        _ => return None,
    };
    let start = cx.seed.sentences[s].span.start;
    let sentence = &cx.seed.text[start..before.max(start)];
    let words: Vec<&str> = sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let own = match span {
        "month" => words.windows(2).rev().find_map(|pair| {
            let at = MONTH_NAMES.iter().position(|m| *m == pair[1])?;
            // `May` is a verb too: a month only after `in`, `for` …
            (pair[1] != "May" || IN.contains(&pair[0].to_lowercase().as_str()))
                .then(|| MONTH_NAMES[(at + 11) % 12].to_lowercase())
        }),
        _ => words.iter().rev().find(|w| is_year(w)).and_then(|y| y.parse::<u32>().ok()).map(|y| (y - 1).to_string()),
    };
    Some(own.unwrap_or_else(|| format!("last {span}")))
}

/// Digits alone, perhaps grouped or with decimals: `28`, `1,500`, `2.5`.
fn is_plain_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit()) && word.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// A quarter or a half of a year as news writes one: `Q1`, `H2`.
fn is_part_of_a_year(word: &str) -> bool {
    matches!(word.as_bytes(), [b'q', b'1'..=b'4'] | [b'h', b'1' | b'2'])
}

/// A year as news writes one: four digits, 1800 to 2199.
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("18") || word.starts_with("19") || word.starts_with("20") || word.starts_with("21"))
}

/// The period lower-cased `text` ends with: `last year` and the like, or a year.
fn ending_period(text: &str) -> Option<String> {
    if let Some(said) = SAID.iter().find(|p| text.ends_with(*p)) {
        return Some(said.to_string());
    }
    let last = text.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    is_year(last).then(|| last.to_string())
}

/// The period number `m` of sentence `s` is of: the one right before its
/// bracket (`on 2019 (96.3%)`), or the first after it in its clause, before
/// any other number (`1,650 deaths recorded in 2012`, `96.1% this year`).
pub(super) fn period_of(cx: &Context, s: usize, m: &Mention) -> Option<String> {
    let sentence = &cx.seed.sentences[s].span;
    let text = &cx.seed.text;
    let before = text[sentence.start..m.span.start].trim_end();
    if let Some(outside) = before.strip_suffix('(') {
        let outside = outside.trim_end().to_lowercase();
        // (`from one year ago (€307,050)`: the time before the sentence's own)
        let mut last_two = outside.rsplit(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(2);
        let (second, first) = (last_two.next().unwrap_or_default(), last_two.next().unwrap_or_default());
        return ending_period(&outside).or_else(|| the_one_before(cx, s, first, second, m.span.start));
    }
    // `2019’s €377 million`, `last year’s 198`: a period in the possessive before it
    if let Some(owner) = before.strip_suffix("'s").or_else(|| before.strip_suffix("\u{2019}s"))
        && let Some(period) = ending_period(&owner.to_lowercase())
    {
        return Some(period);
    }
    let after = &text[m.span.end.min(sentence.end)..sentence.end];
    let mut previous = "";
    // a period said as what the number is set against: `on the same time
    // last year`, `compared with a year earlier`, `than the previous month`
    let mut against_until = None;
    let words: Vec<&str> = after.split_whitespace().take(9).collect();
    for (i, word) in words.iter().enumerate() {
        let plain = word.trim_end_matches(|c: char| c.is_ascii_punctuation()).to_lowercase();
        let set_against = matches!(plain.as_str(), "than" | "against" | "compared" | "versus" | "from")
            || (plain == "on" && words.get(i + 1).is_some_and(|n| matches!(*n, "the" | "a" | "last")));
        if set_against {
            against_until = Some(i + 5);
        }
        let against = against_until.is_some_and(|until| i <= until);
        if is_year(&plain) {
            return (!NOT_ITS_OWN.contains(&previous)).then_some(plain);
        }
        if plain == "year" && previous == "this" {
            return Some(format!("{previous} year"));
        }
        // `in April`, unless a year follows (`in March 2024`: the year tells it);
        // `the previous month`, `a year earlier`
        let bare = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
        let year_after = bare.len() == word.len()
            && words.get(i + 1).is_some_and(|n| is_year(n.trim_end_matches(|c: char| c.is_ascii_punctuation())));
        if IN.contains(&previous) && MONTH_NAMES.contains(&bare) && !year_after {
            return Some(plain);
        }
        let at = word.as_ptr() as usize - cx.seed.text.as_ptr() as usize;
        if let Some(period) = the_one_before(cx, s, previous, &plain, at) {
            return (!against).then_some(period);
        }
        // the span it is counted within: `64.0 per cent started treatment within 62 days`
        if WITHIN.contains(&previous) && is_plain_number(&plain) {
            return Some(plain.replace(',', ""));
        }
        // another number, or the end of the clause, ends the number's own
        // words; a quarter or a half (`in Q1 of 2014`) is a word of them
        let number = plain.contains(|c: char| c.is_ascii_digit()) && !is_part_of_a_year(&plain);
        if number || plain.len() < word.len() || word.starts_with('(') {
            return None;
        }
        // the word before a year or `year`, kept when it may tell whose it is
        // (a month keeps the word before it for the year after it: `in March 2024`)
        if !MONTH_NAMES.contains(&bare) {
            previous = NOT_ITS_OWN
                .iter()
                .chain(WITHIN)
                .chain(IN)
                .chain(BEFORE_IT)
                .chain(&["this", "month", "year"])
                .find(|w| **w == plain)
                .copied()
                .unwrap_or_default();
        }
    }
    None
}
