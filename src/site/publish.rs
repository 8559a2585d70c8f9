//! Text as it goes onto a page: escaped, and with every number it holds
//! marked with the sentence that states it, so the published-number check
//! can follow each one back to the seed.

use std::borrow::Cow;
use std::ops::Range;

use super::markdown::SummaryFigure;
use crate::numbers::{self, Mention};

/// `&`, `<`, `>`, `"` and `'` escaped for HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text);
    out
}

/// [`escape`], onto the end of `out`.
fn push_escaped(out: &mut String, text: &str) {
    let mut plain = 0;
    // the escaped characters are ASCII, so a byte index is a char boundary
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[plain..at]);
        out.push_str(entity);
        plain = at + 1;
    }
    out.push_str(&text[plain..]);
}

/// `text` escaped, each number in it wrapped in `<span data-trace="sN">`
/// for the first sentence of the seed that states it. A number no sentence
/// states is left bare: the published-number check then names it.
pub fn traced(text: &str, seed_mentions: &[Vec<Mention>]) -> String {
    traced_as_figures(text, seed_mentions, &[])
}

/// [`traced`], where a number a figure is published as (`9.3%` of a figure
/// traced to "fell -9.3%") goes to that figure's sentence first.
pub fn traced_as_figures(text: &str, seed_mentions: &[Vec<Mention>], figures: &[SummaryFigure]) -> String {
    let sentence_of = |m: &Mention| {
        let figure = figures.iter().find(|f| numbers::states(&f.published, m)).map(|f| f.sentence);
        figure.or_else(|| stating_sentence(m, seed_mentions))
    };
    let mut out = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for (span, cited) in
        in_ranges(text, numbers::scan(text).iter().map(|m| (m.span.clone(), sentence_of(m))), |_, _| true)
    {
        push_escaped(&mut out, &text[at..span.start]);
        match cited {
            Some(cited) => {
                let mut cites: Vec<String> = Vec::new();
                for n in cited.iter().map(|n| format!("s{n}")) {
                    if !cites.contains(&n) {
                        cites.push(n);
                    }
                }
                out.push_str(&format!("<span data-trace=\"{}\">", cites.join(" ")));
                push_escaped(&mut out, &text[span.clone()]);
                out.push_str("</span>");
            }
            None => push_escaped(&mut out, &text[span.clone()]),
        }
        at = span.end;
    }
    push_escaped(&mut out, &text[at..]);
    out
}

/// The numbers of `text` (their spans, in order, each with what it is
/// traced to), those one range joins taken as one (`Nov. 2-16`, `3 to 5`):
/// a range's last number is read with its first (the `16` of `Nov. 2-16`
/// is a day of November), and the published-number check reads the text of
/// an element alone. Two numbers are joined only where both are traced and
/// `together` lets them share an element.
pub fn in_ranges<T>(
    text: &str,
    found: impl IntoIterator<Item = (Range<usize>, Option<T>)>,
    together: impl Fn(&T, &T) -> bool,
) -> Vec<(Range<usize>, Option<Vec<T>>)> {
    let mut grouped: Vec<(Range<usize>, Option<Vec<T>>)> = Vec::new();
    for (span, traced) in found {
        if let (Some((last, Some(group))), Some(t)) = (grouped.last_mut(), &traced)
            && text.get(last.end..span.start).is_some_and(joins_a_range)
            && group.iter().all(|g| together(g, t))
        {
            last.end = span.end;
            group.extend(traced);
            continue;
        }
        grouped.push((span, traced.map(|t| vec![t])));
    }
    grouped
}

/// What stands between the two numbers of a range: a dash, or `to`.
fn joins_a_range(between: &str) -> bool {
    matches!(between.trim(), "" | "-" | "\u{2013}" | "\u{2014}" | "to")
}

/// The number (from 1) of the first sentence with a mention that states `m`.
pub fn stating_sentence(m: &Mention, seed_mentions: &[Vec<Mention>]) -> Option<usize> {
    seed_mentions.iter().position(|sentence| sentence.iter().any(|s| numbers::states(s, m))).map(|i| i + 1)
}

/// A sentence as one line of escaped text, the spans in `marks` (byte
/// ranges into `sentence`) wrapped in `<mark>`.
pub fn marked(sentence: &str, marks: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(sentence.len() + 16);
    let mut at = 0;
    for mark in marks {
        if mark.start < at || mark.end > sentence.len() {
            continue;
        }
        push_one_line(&mut out, &sentence[at..mark.start]);
        out.push_str("<mark>");
        push_one_line(&mut out, &sentence[mark.clone()]);
        out.push_str("</mark>");
        at = mark.end;
    }
    push_one_line(&mut out, &sentence[at..]);
    out
}

/// A sentence as one line of escaped text, each range of `marks` (byte
/// ranges into `sentence`, in order) wrapped in its own opening tag (a
/// `<mark …>`) and `</mark>`; a range that overlaps the one before is left out.
pub fn marked_with(sentence: &str, marks: &[(Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(sentence.len() + 64);
    let mut at = 0;
    for (mark, open) in marks {
        if mark.start < at || mark.end > sentence.len() || mark.is_empty() {
            continue;
        }
        if !(sentence.is_char_boundary(mark.start) && sentence.is_char_boundary(mark.end)) {
            continue;
        }
        push_one_line(&mut out, &sentence[at..mark.start]);
        out.push_str(open);
        push_one_line(&mut out, &sentence[mark.clone()]);
        out.push_str("</mark>");
        at = mark.end;
    }
    push_one_line(&mut out, &sentence[at..]);
    out
}

/// `text` as one line ([`one_line`]), escaped onto the end of `out`.
fn push_one_line(out: &mut String, text: &str) {
    push_escaped(out, &one_line(text));
}

/// Line breaks of a hard-wrapped sentence read as spaces.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\r']) {
        return Cow::Borrowed(text);
    }
    // each run of line breaks is one space, also at the edges of a piece
    // (`said\n` before a marked name still ends in a space)
    let mut out = String::with_capacity(text.len());
    let mut in_break = false;
    for c in text.chars() {
        if c == '\n' || c == '\r' {
            if !in_break {
                out.push(' ');
            }
            in_break = true;
        } else {
            out.push(c);
            in_break = false;
        }
    }
    Cow::Owned(out)
}

/// A link to `sentence` on the original page: a URL text fragment
/// (`#:~:text=start,end`, WICG scroll-to-text), its terms percent-encoded.
pub fn text_fragment(url: &str, sentence: &str) -> String {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let base = url.split_once('#').map_or(url, |(b, _)| b);
    let directive = if words.len() <= 10 {
        fragment_term(&words.join(" "))
    } else {
        format!("{},{}", fragment_term(&words[..5].join(" ")), fragment_term(&words[words.len() - 5..].join(" ")))
    };
    format!("{base}#:~:text={directive}")
}

/// Percent-encodes a text directive term: everything but unreserved
/// characters, and `-`, `,` and `&` too, which the directive syntax uses.
fn fragment_term(term: &str) -> String {
    let mut out = String::with_capacity(term.len() * 3);
    for b in term.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_traced_to_the_sentence_that_states_them() {
        let seed = vec![numbers::scan("Nothing here."), numbers::scan("It costs £40bn, about 2.3% of GDP.")];
        assert_eq!(
            traced("A £40bn plan & 2.3% <more>", &seed),
            "A <span data-trace=\"s2\">£40bn</span> plan &amp; <span data-trace=\"s2\">2.3%</span> &lt;more&gt;"
        );
        assert_eq!(traced("Top 10 risks", &seed), "Top 10 risks");
    }

    #[test]
    fn a_range_is_traced_whole_so_its_last_number_reads_with_its_first() {
        let seed =
            vec![numbers::scan("Deliveries rose in the Nov. 2-16 period."), numbers::scan("On Nov. 16, 3 to 5 ships.")];
        assert_eq!(
            traced("Deliveries in the Nov. 2-16 period", &seed),
            "Deliveries in the <span data-trace=\"s1\">Nov. 2-16</span> period"
        );
        assert_eq!(traced("from 3 to 5 ships", &seed), "from <span data-trace=\"s2\">3 to 5</span> ships");
        // numbers a word apart are two
        assert_eq!(
            traced("Nov. 16, 3 ships", &seed),
            "<span data-trace=\"s1\">Nov. 16</span>, <span data-trace=\"s2\">3</span> ships"
        );
    }

    #[test]
    fn escapes() {
        let rows = [
            ("", ""),
            ("plain words", "plain words"),
            ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
            (r#"say "it's""#, "say &quot;it&#39;s&quot;"),
            ("é<ü>€&", "é&lt;ü&gt;€&amp;"),
            ("&&", "&amp;&amp;"),
        ];
        for (text, expected) in rows {
            assert_eq!(escape(text), expected, "{text}");
        }
    }

    #[test]
    fn marks_and_line_breaks() {
        assert_eq!(
            marked("Sir Keir\nStarmer said <no>", &[Range { start: 4, end: 16 }]),
            "Sir <mark>Keir Starmer</mark> said &lt;no&gt;"
        );
        assert_eq!(
            marked("It\r\nwas Ana\nRuiz & co.\nok", &[Range { start: 8, end: 16 }, Range { start: 9, end: 10 }]),
            "It was <mark>Ana Ruiz</mark> &amp; co. ok"
        );
        // a line break next to a mark reads as a space, not as nothing
        assert_eq!(
            marked("said\nAnna Adler\nthat", &[Range { start: 5, end: 15 }]),
            "said <mark>Anna Adler</mark> that"
        );
        assert_eq!(one_line("one\ntwo\r\nthree"), "one two three");
        assert!(matches!(one_line("one line"), Cow::Borrowed("one line")));
    }

    #[test]
    fn text_fragments_are_encoded() {
        let url = text_fragment("https://example.org/a#top", "Short one, with a comma-dash & more.");
        assert_eq!(url, "https://example.org/a#:~:text=Short%20one%2C%20with%20a%20comma%2Ddash%20%26%20more.");
        let long = text_fragment("https://example.org/a", "one two three four five six seven eight nine ten eleven");
        assert_eq!(
            long,
            "https://example.org/a#:~:text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven"
        );
    }
}
