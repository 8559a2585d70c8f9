//! The figures of a draft: every number mention of the seed that a figure
//! can trace, once per value — the first sentence that states it — with its
//! unit, its hedge as the qualifier, evidence words that pin it, and a label
//! made of the words before it for the analyst to rewrite.
//!
//! Left out: times, and dates whose year neither they nor the text's own
//! date give. Ordinal words (`first`) and vague quantities are no mentions
//! at all; an ordinal in digits (`11th`) is a figure like a count.

use crate::numbers::{Kind, Mention, Unit, Value};
use crate::source::Seed;
use crate::trace::evidence_in;
use crate::trace::fold::Folded;

/// A figure as the draft writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated {
    /// The value as YAML: `100000`, `2.3`, `2025-04-01`.
    pub value: String,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    /// A fraction in words, written as its rounding: `two-thirds` is 0.67.
    pub approx: bool,
    pub evidence: String,
    pub label: String,
    /// The sentence (index) that states it first.
    pub sentence: usize,
}

/// Every figure of `seed`, in the order the text states them; `year` is the
/// year of the text's own date, which dates without a year are in.
/// The mention at `dateline`, the text's own date, is no figure: it is the sheet's `date:`.
pub fn find(
    seed: &Seed,
    mentions: &[Vec<Mention>],
    year: Option<&str>,
    dateline: Option<&std::ops::Range<usize>>,
) -> Vec<Stated> {
    let mut found: Vec<Stated> = Vec::new();
    let mut keys: Vec<(String, String)> = Vec::new();
    for (s, sentence) in seed.sentences.iter().enumerate() {
        let folded = Folded::new(sentence.raw(&seed.text));
        for m in mentions[s].iter().filter(|m| Some(&m.span) != dateline) {
            let Some((value, class, approx)) = value_of(m, year) else { continue };
            let key = (value.clone(), class.clone().unwrap_or_default());
            if keys.contains(&key) {
                continue; // the same value stated again: the figure traces to its first statement
            }
            keys.push(key);
            let noun = (m.kind == Kind::Count && m.unit.is_none() && !m.fraction)
                .then(|| noun_after(&seed.text, m.span.end, sentence.span.end))
                .flatten();
            found.push(Stated {
                value,
                unit: class.or(noun.clone()),
                qualifier: m.hedge.map(str::to_string),
                approx,
                evidence: widened(seed, sentence, &mentions[s], &folded, m),
                label: label(&seed.text, sentence.span.clone(), &mentions[s], m, noun.as_deref()),
                sentence: s,
            });
        }
    }
    // a label another figure has already is `label-repeated`: a letter tells
    // them apart until the analyst rewrites them (a digit would be a number
    // the page publishes)
    for i in 1..found.len() {
        let same = |label: &str| found[..i].iter().filter(|f| f.label.eq_ignore_ascii_case(label)).count();
        if same(&found[i].label) > 0 {
            let base = found[i].label.clone();
            let label = ('b'..='z').map(|letter| format!("{base} ({letter})")).find(|l| same(l) == 0);
            found[i].label = label.unwrap_or(base);
        }
    }
    found
}

/// Evidence that pins `m`: the words before it that stand once in the
/// sentence; where those stand more than once (`2` of `9-2`, beside
/// `£12m`), the words after it too, up to the next number.
fn widened(
    seed: &Seed,
    sentence: &crate::source::Sentence,
    mentions: &[Mention],
    folded: &Folded,
    m: &Mention,
) -> String {
    let evidence = evidence_in(seed, sentence, mentions, folded, m);
    let once = |words: &str| folded.text.matches(Folded::new(words).text.as_str()).count() == 1;
    if once(&evidence) {
        return evidence;
    }
    let next = mentions.iter().filter(|o| o.span.start >= m.span.end).map(|o| o.span.start).min();
    let after = &seed.text[m.span.end..next.unwrap_or(sentence.span.end).min(sentence.span.end)];
    let mut wider = evidence.clone();
    let mut rest = after;
    for _ in 0..4 {
        let trimmed = rest.trim_start();
        let Some(word) = trimmed.split_whitespace().next() else { break };
        let gap = &rest[..rest.len() - trimmed.len()];
        wider = format!("{wider}{}{word}", if gap.is_empty() { "" } else { " " });
        rest = &trimmed[word.len()..];
        if once(&wider) {
            return wider;
        }
    }
    evidence
}

/// The value a figure gives a mention, its unit class (`None` for a plain
/// number) and whether it is a rounding; `None` for what no figure can trace.
fn value_of(m: &Mention, year: Option<&str>) -> Option<(String, Option<String>, bool)> {
    let date = |value: String| Some((value, None, false));
    match (&m.value, m.kind) {
        // a time as a clock shows it: `3:58.2`, `1:26`, `21:30`
        (Value::Iso(iso), Kind::Time) => Some((crate::numbers::time_shown(iso)?, None, false)),
        (_, Kind::Time) => None,
        (Value::Iso(iso), Kind::Date) if !iso.starts_with("--") => date(iso.clone()),
        (Value::Iso(iso), Kind::Date) => date(format!("{}-{}", year?, iso.strip_prefix("--")?)),
        (Value::Iso(_), _) | (Value::Digits(_), _) => None,
        (Value::Number(n), Kind::Year) => Some((n.normalize().to_string(), Some("year".to_string()), false)),
        (Value::Number(n), _) if m.fraction => {
            let rounded = n.round_dp(2).normalize();
            Some((rounded.to_string(), None, rounded != n.normalize()))
        }
        (Value::Number(n), _) => Some((n.normalize().to_string(), m.unit.map(unit_of), false)),
    }
}

fn unit_of(unit: Unit) -> String {
    unit.as_str().to_string()
}

/// The thing a count counts, when a plural noun follows it: `100,000 troops`.
fn noun_after(text: &str, from: usize, end: usize) -> Option<String> {
    let rest = &text[from..end];
    let word: &str = rest.strip_prefix(' ')?.split(|c: char| !c.is_alphabetic()).next()?;
    let irregular = ["people", "children", "men", "women", "staff", "police", "personnel", "cattle", "sheep"];
    let not_nouns = [
        "was",
        "has",
        "does",
        "is",
        "its",
        "this",
        "thus",
        "plus",
        "minus",
        "less",
        "across",
        "versus",
        "towards",
        "afterwards",
        "always",
        "perhaps",
        "whereas",
        "unless",
        "besides",
        "as",
        "his",
        "hers",
        "ours",
        "yours",
        "theirs",
        "us",
        "per",
        "times",
        "apiece",
        "each",
    ];
    let plural = word.len() >= 4 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us");
    let lower = word.chars().all(|c| c.is_lowercase());
    (lower && !not_nouns.contains(&word) && (plural || irregular.contains(&word))).then(|| word.to_string())
}

/// Words that carry no meaning at the edge of a label.
const EDGE_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "to",
    "at",
    "by",
    "from",
    "in",
    "on",
    "for",
    "with",
    "and",
    "or",
    "but",
    "as",
    "that",
    "which",
    "who",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "its",
    "their",
    "his",
    "her",
    "than",
    "about",
    "approximately",
    "some",
    "around",
    "nearly",
    "almost",
    "over",
    "under",
    "up",
    "more",
    "less",
    "just",
    "well",
    "roughly",
    "per",
    "while",
    "whereas",
    "it",
    "this",
    "these",
    "those",
    "into",
    "between",
    "against",
    "among",
    "said",
    "says",
    "also",
    "had",
    "has",
    "have",
    "will",
    "would",
    "could",
    "after",
    "before",
    "since",
    "when",
    "where",
    "during",
    "compared",
    "then",
    "there",
    "they",
    "he",
    "she",
    "we",
    "i",
    "estimated",
    "least",
    "most",
    "only",
    "even",
    "still",
    "if",
];

/// Where a clause ends, for a label.
const CLAUSE_MARKS: &[char] = &[',', ';', ':', '(', ')', '–', '—', '"', '“', '”'];

/// A label from the words of the mention's clause: those before it, or,
/// when they say too little, those after it, or the sentence's words
/// before it. Other numbers are left out: a label holds none.
fn label(
    text: &str,
    sentence: std::ops::Range<usize>,
    mentions: &[Mention],
    m: &Mention,
    noun: Option<&str>,
) -> String {
    let before = without_mentions(text, sentence.start..m.span.start, mentions);
    let clause = before.rsplit(CLAUSE_MARKS).next().unwrap_or(&before);
    let mut words = trimmed(last_words(clause));
    words.extend(noun.map(str::to_string));
    if words.len() < 2 {
        let after = without_mentions(text, m.span.end..sentence.end, mentions);
        let after = after.split(CLAUSE_MARKS).next().unwrap_or(&after).trim_end_matches(['.', '!', '?']);
        let skip = usize::from(noun.is_some());
        let mut after = trimmed_end(after.split_whitespace().skip(skip).take(7));
        if words.is_empty() {
            after = trimmed(after.iter().map(String::as_str));
        }
        words.extend(after);
    }
    if words.len() < 2 {
        words = trimmed(last_words(&before.replace(CLAUSE_MARKS, " ")));
        words.extend(noun.map(str::to_string));
    }
    let label = words.join(" ");
    let label = if crate::numbers::scan(&label).is_empty() { label } else { String::new() };
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Figure".to_string(),
    }
}

/// The last seven words of `text`, in order.
fn last_words(text: &str) -> impl Iterator<Item = &str> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let from = words.len().saturating_sub(7);
    words.into_iter().skip(from)
}

/// The text of `span` with the words of every mention in it taken out.
fn without_mentions(text: &str, span: std::ops::Range<usize>, mentions: &[Mention]) -> String {
    let mut out = String::new();
    let mut at = span.start;
    for o in mentions.iter().filter(|o| o.span.start >= span.start && o.span.end <= span.end) {
        out.push_str(&text[at..o.span.start]);
        out.push(' ');
        at = o.span.end;
    }
    out.push_str(&text[at..span.end]);
    out
}

/// The words with their punctuation taken off and meaningless words taken off both ends.
fn trimmed<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut words = trimmed_end(words);
    while words.first().is_some_and(|w| is_edge_word(w)) {
        words.remove(0);
    }
    words
}

/// The words with their punctuation taken off and meaningless words taken off the end.
fn trimmed_end<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut words: Vec<String> = words
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    while words.last().is_some_and(|w| is_edge_word(w)) {
        words.pop();
    }
    words
}

fn is_edge_word(word: &str) -> bool {
    EDGE_WORDS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn figures(text: &str, year: Option<&str>) -> Vec<Stated> {
        let seed = Seed::from_text(Path::new("x.txt"), text.to_string());
        let mentions = crate::numbers::scan_seed(&seed);
        find(&seed, &mentions, year, None)
    }

    #[test]
    fn one_figure_per_value_with_unit_hedge_and_evidence() {
        let found = figures(
            "Troops\n\nExperts say a force may need upwards of 100,000 troops. Spending is about 2.3% of GDP, up from 2.1%. Later 100,000 troops were named.",
            None,
        );
        let rows: Vec<(&str, Option<&str>, Option<&str>, &str)> = found
            .iter()
            .map(|f| (f.value.as_str(), f.unit.as_deref(), f.qualifier.as_deref(), f.evidence.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("100000", Some("troops"), Some("upwards of"), "need upwards of 100,000"),
                ("2.3", Some("%"), Some("about"), "is about 2.3%"),
                ("2.1", Some("%"), None, "from 2.1%"),
            ]
        );
        assert_eq!(found[0].label, "Experts say a force may need troops");
        assert_eq!(found[1].label, "Spending of GDP");
    }

    #[test]
    fn dates_need_a_year_and_times_are_given_as_a_clock_shows_them() {
        let text = "Dates\n\nThe deal was signed on 1 April 2025 at 9:30 p.m. and takes effect on June 13.";
        let values: Vec<String> = figures(text, None).into_iter().map(|f| f.value).collect();
        assert_eq!(values, ["2025-04-01", "21:30"]);
        let values: Vec<String> = figures(text, Some("2025")).into_iter().map(|f| f.value).collect();
        assert_eq!(values, ["2025-04-01", "21:30", "2025-06-13"]);
    }
}
