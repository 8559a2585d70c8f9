use std::collections::HashMap;

use lol_html::{HtmlRewriter, Settings, doc_text};
use proptest::prelude::*;

use super::walk::{read_with_lol_html, write_in_pieces};
use super::*;
use crate::numbers;

/// The sentences of a few briefings, scanned as the check would get them.
struct Seeds(HashMap<(String, usize), (String, Vec<Mention>)>);

impl Seeds {
    fn new(briefings: &[(&str, &[&str])]) -> Seeds {
        let mut seeds = HashMap::new();
        for (slug, sentences) in briefings {
            for (i, sentence) in sentences.iter().enumerate() {
                seeds.insert((slug.to_string(), i + 1), (sentence.to_string(), numbers::scan(sentence)));
            }
        }
        Seeds(seeds)
    }

    /// A figure traced to sentence `n` of `slug`, published as `published`
    /// (as the build adds the sheet's rounded and dated figures).
    fn with_figure(mut self, slug: &str, n: usize, published: &str) -> Seeds {
        if let Some((_, sentence)) = self.0.get_mut(&(slug.to_string(), n)) {
            sentence.extend(numbers::scan(published));
        }
        self
    }
}

impl Sentences for Seeds {
    fn mentions(&self, briefing: &str, sentence: usize) -> Option<&[Mention]> {
        self.0.get(&(briefing.to_string(), sentence)).map(|(_, mentions)| mentions.as_slice())
    }

    fn text(&self, briefing: &str, sentence: usize) -> Option<&str> {
        self.0.get(&(briefing.to_string(), sentence)).map(|(text, _)| text.as_str())
    }
}

/// The same sentences, without their texts at hand: a `data-sentence`
/// element is then read whole.
struct MentionsOnly<'a>(&'a Seeds);

impl Sentences for MentionsOnly<'_> {
    fn mentions(&self, briefing: &str, sentence: usize) -> Option<&[Mention]> {
        self.0.mentions(briefing, sentence)
    }
}

fn seeds() -> Seeds {
    Seeds::new(&[
        (
            "x",
            &[
                "Britain would need upwards of 100,000 troops.",
                "Inflation rose to 2.3% in June.",
                "The bill came to £127.5bn, about two-thirds of the budget.",
                "Growth was 2.34 per cent in 2023.",
                "The deficit was £40bn on 1 March.",
                "No number here.",
            ],
        ),
        ("y", &["One.", "Inflation fell to 1.9%."]),
    ])
    .with_figure("x", 3, "£128bn")
    .with_figure("x", 3, "67%")
}

/// A page of briefing `x` around `body`, with numbers in its head that must be ignored.
fn page(body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title data-briefing=\"x\" data-trace=\"s4\">Growth of 2.34 per cent</title>\
         <style>p {{ width: 50%; }}</style><script>let n = 42;</script></head>\n\
         <body data-briefing=\"x\">{body}</body></html>\n"
    )
}

fn show(u: &Unaccounted) -> String {
    match &u.reason {
        Reason::NotTraced => format!("{} not-traced", u.text),
        Reason::NotStated { sentences } => format!("{} not-stated {}", u.text, sentences.join(" ")),
        Reason::UnknownSentence { sentence } => format!("{} unknown {sentence}", u.text),
        Reason::NotACount => format!("{} not-a-count", u.text),
        Reason::NotDerived => format!("{} not-derived", u.text),
        Reason::NotMeta => format!("{} not-meta", u.text),
        Reason::NotGivenValue => format!("{} not-given", u.text),
        Reason::InStylesheet => format!("{} drawn-by-css", u.text),
        Reason::WrittenInDerived => format!("{} written-in-derived", u.text),
    }
}

/// What the pages of these tests were given: counts, a list of 7, and the
/// values of a sheet that are no claims (its date, outlet and address, and
/// the small numbers the cases below mark `meta`).
static GIVEN: std::sync::LazyLock<Given> = std::sync::LazyLock::new(|| {
    let values = [
        "2025-03-03",
        "3 March 2025",
        "Channel 4 News",
        "https://example.org/2024/03/05/story-12%20x",
        "5 March 2024",
        "Since 1999",
        "1, 3, 5, 9, 2024, 2025",
    ];
    Given::new(vec![2, 4, 12, 43, 1204, 1969], Some(7), values.map(str::to_string).to_vec())
});
static NO_CSS: std::sync::LazyLock<Stylesheets> = std::sync::LazyLock::new(Stylesheets::default);
static DRAWING_CSS: std::sync::LazyLock<Stylesheets> =
    std::sync::LazyLock::new(|| Stylesheets::read(["td::before { content: attr(data-label) }"]));

/// What the check knows of the pages of these tests.
fn known(sentences: &dyn Sentences) -> Known<'_> {
    Known { sentences, css: &NO_CSS, given: &GIVEN }
}

fn check(html: &str) -> Vec<Unaccounted> {
    check_page(Path::new("site/briefings/x/index.html"), html, known(&seeds()))
}

fn check_rows(rows: &[(&str, &str, &[&str])], wrap: fn(&str) -> String) {
    let mut failures = Vec::new();
    for (case, body, expected) in rows {
        let html = wrap(body);
        let found: Vec<String> = check(&html).iter().map(show).collect();
        if found != *expected {
            failures.push(format!("{case}: {body}\n    expected {expected:?}\n    found    {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows failed:\n{}", failures.len(), rows.len(), failures.join("\n"));
}

#[test]
fn traced_figures() {
    check_rows(
        &[
            ("exact", r#"<td data-trace="s2">2.3%</td>"#, &[]),
            ("hedged as stated", r#"<td data-trace="s1">upwards of 100,000</td>"#, &[]),
            ("another hedge", r#"<td data-trace="s1">about 100,000</td>"#, &[]),
            ("no hedge", r#"<td data-trace="s1">100,000 troops</td>"#, &[]),
            ("an approx figure's own value", r#"<td data-trace="s3">£128bn</td>"#, &[]),
            ("money as stated", r#"<td data-trace="s3">£127.5 billion</td>"#, &[]),
            ("another rounding", r#"<td data-trace="s3">£130bn</td>"#, &["£130bn not-stated s3"]),
            ("not a rounding", r#"<td data-trace="s3">£127bn</td>"#, &["£127bn not-stated s3"]),
            ("an approx percentage of a fraction", r#"<td data-trace="s3">67%</td>"#, &[]),
            ("another rounding of the fraction", r#"<td data-trace="s3">66.7%</td>"#, &["66.7% not-stated s3"]),
            ("fraction wrongly rounded", r#"<td data-trace="s3">66%</td>"#, &["66% not-stated s3"]),
            ("fraction in words", r#"<td data-trace="s3">two-thirds</td>"#, &[]),
            ("a rounding no figure makes", r#"<td data-trace="s4">2.3%</td>"#, &["2.3% not-stated s4"]),
            ("decimals as stated", r#"<td data-trace="s4">2.34%</td>"#, &[]),
            ("too far rounded", r#"<td data-trace="s4">2.4%</td>"#, &["2.4% not-stated s4"]),
            (
                "the figure's rounding, in another sentence",
                r#"<td data-trace="s1">£128bn</td>"#,
                &["£128bn not-stated s1"],
            ),
            ("a year", r#"<td data-trace="s4">in 2023</td>"#, &[]),
            ("a year is not rounded", r#"<td data-trace="s4">in 2020</td>"#, &["2020 not-stated s4"]),
            ("a date", r#"<td data-trace="s5">March 1</td>"#, &[]),
            ("another date", r#"<td data-trace="s5">2 March</td>"#, &["2 March not-stated s5"]),
            ("nested inline elements", r##"<td data-trace="s2"><a href="source.html#s2"><b>2.3%</b></a></td>"##, &[]),
            ("several sentences", r#"<td data-trace="s1  s2">2.3% of 100,000</td>"#, &[]),
            ("none of several", r#"<td data-trace="s1 s2">2.4%</td>"#, &["2.4% not-stated s1 s2"]),
            ("wrong sentence", r#"<td data-trace="s1">2.3%</td>"#, &["2.3% not-stated s1"]),
            ("unit mismatch", r#"<td data-trace="s2">2.3</td>"#, &["2.3 not-stated s2"]),
            ("currency mismatch", r#"<td data-trace="s5">$40bn</td>"#, &["$40bn not-stated s5"]),
            ("sentence without numbers", r#"<td data-trace="s6">5</td>"#, &["5 not-stated s6"]),
            ("no number at all", r#"<td data-trace="s6">none</td>"#, &[]),
        ],
        page,
    );
}

#[test]
fn sentences_meta_and_derived() {
    check_rows(
        &[
            ("own sentence", r#"<p data-sentence="s2">Inflation rose to 2.3% in June.</p>"#, &[]),
            (
                "a number the sentence does not state",
                r#"<p data-sentence="s2">Inflation rose to 2.3% in June, 7 said.</p>"#,
                &["7 not-stated s2"],
            ),
            (
                "another number in its place",
                r#"<q data-sentence="s2">Inflation rose to 9.9% in June.</q>"#,
                &["9.9% not-stated s2"],
            ),
            (
                "own sentence, a mark inside a number",
                r#"<p data-sentence="s3">The bill came to £<mark>127.5</mark>bn, about two-thirds of the budget.</p>"#,
                &[],
            ),
            (
                "own sentence, its lines and spaces as the page sets them",
                "<p data-sentence=\"s4\">Growth   was\n  2.34 per cent <b>in</b> 2023.</p>",
                &[],
            ),
            (
                "own sentence, with a link that names it",
                r##"<span data-sentence="s2"><a href="#s2">s2</a> Inflation rose to 2.3% in June.</span> <span data-sentence="s2"><span>Inflation rose to 2.3% in June.</span> <a href="s.html#s2">s2 in the source, page 4</a></span>"##,
                &["4 not-stated s2"],
            ),
            (
                "part of a sentence",
                r#"<p data-sentence="s5">The deficit was £40bn …</p><p data-sentence="s5">… £41bn on 1 March</p>"#,
                &["£41bn not-stated s5"],
            ),
            (
                "a number run into the sentence's last",
                r#"<p data-sentence="s4">Growth was 2.34 per cent in 2023.<b>1</b></p>"#,
                &["2023.1 not-stated s4"],
            ),
            (
                "a block between its words",
                r#"<div data-sentence="s2"><p>Inflation rose to 2.</p>3% in June.</div>"#,
                &["2 not-stated s2", "3% not-stated s2"],
            ),
            (
                "own sentence, marked up",
                r#"<p data-sentence="s3">The bill came to <mark data-trace="s3">£127.5bn</mark>.</p>"#,
                &[],
            ),
            ("no such sentence", r#"<p data-sentence="s9">Up 5% and 6%</p>"#, &["5% unknown s9", "6% unknown s9"]),
            ("not a sentence id", r#"<p data-sentence="2">Up 5%</p>"#, &["5% unknown 2"]),
            ("sentence zero", r#"<p data-sentence="s0">Up 5%</p>"#, &["5% unknown s0"]),
            ("meta", r#"<time data-trace="meta" datetime="2025-03-03">3 March 2025</time>"#, &[]),
            ("derived", r#"<p><span data-trace="derived">4</span> actors</p>"#, &[]),
            ("derived counts", r#"<p data-trace="derived">43 sentences, 1,204 cited, page 2 of 12</p>"#, &[]),
            ("a derived count that reads as a year", r#"<td data-trace="derived">1969</td>"#, &[]),
            ("a count the page was not given", r#"<p data-trace="derived">987 dead</p>"#, &["987 not-derived"]),
            ("a place in a list the page was given", r#"<p data-trace="derived">no. 7</p>"#, &[]),
            ("past the longest list", r#"<p data-trace="derived">no. 8</p>"#, &["8 not-derived"]),
            ("an empty list's length", r#"<p data-trace="derived">0 quotes</p>"#, &[]),
            (
                "derived, but no count",
                r#"<p data-trace="derived">£987.6bn lost, up 45%, about 12 left, 2.5 each, on 3 March</p>"#,
                &[
                    "£987.6bn not-a-count",
                    "45% not-a-count",
                    "about 12 not-a-count",
                    "2.5 not-a-count",
                    "3 March not-a-count",
                ],
            ),
            ("derived or stated", r#"<p data-trace="s2 derived">2.3% in 4 rows, 5%</p>"#, &["5% not-stated s2"]),
            ("meta among ids", r#"<span data-trace="s1 meta">9</span>"#, &[]),
            (
                "meta: names, addresses and dates",
                r#"<p data-trace="meta">Channel 4 News, https://example.org/2024/03/05/story-12%20x, 5 March 2024</p>"#,
                &[],
            ),
            (
                "meta, but no value of the sheet",
                r#"<p data-trace="meta">up 45%, 987 dead, on 6 March 2024, in 2023</p>"#,
                &["45% not-given", "987 not-given", "6 March 2024 not-given", "2023 not-given"],
            ),
            ("meta: the date written another way", r#"<time data-trace="meta">2025-03-03</time>"#, &[]),
            (
                "meta, but a claim",
                r#"<p data-trace="meta">lost £987.6bn, about 40 jobs</p>"#,
                &["£987.6bn not-meta", "about 40 not-meta"],
            ),
            ("unknown id", r#"<td data-trace="s99">2.3%</td>"#, &["2.3% unknown s99"]),
            ("malformed id", r#"<td data-trace="x2">2.3%</td>"#, &["2.3% unknown x2"]),
            ("one known id states it", r#"<td data-trace="s99 s2">2.3%</td>"#, &[]),
            ("unknown id among ids", r#"<td data-trace="s2 s99">9%</td>"#, &["9% unknown s99"]),
            ("empty data-trace", r#"<div data-trace="s2"><i data-trace=" ">2.3%</i></div>"#, &["2.3% not-traced"]),
            (
                "the nearest claim decides",
                r#"<div data-trace="meta"><span data-trace="s1">2.3%</span> 5</div>"#,
                &["2.3% not-stated s1"],
            ),
            ("the nearest briefing decides", r#"<div data-briefing="y"><b data-trace="s2">1.9%</b></div>"#, &[]),
            (
                "another briefing's sentence",
                r#"<div data-briefing="y"><b data-trace="s2">2.3%</b></div>"#,
                &["2.3% not-stated s2"],
            ),
            ("unknown briefing", r#"<div data-briefing="z"><b data-trace="s2">2.3%</b></div>"#, &["2.3% unknown s2"]),
        ],
        page,
    );
}

#[test]
fn untraced_text() {
    check_rows(
        &[
            ("plain text", "<p>Inflation was 2.4% in 2024.</p>", &["2.4% not-traced", "2024 not-traced"]),
            ("after a traced element", r#"<p><b data-trace="s2">2.3%</b>, up 0.4pp</p>"#, &["0.4pp not-traced"]),
            ("number words", "<p>three ministers</p>", &["three not-traced"]),
            ("identifiers", "<p>The G7 met; see s16 and COVID-19.</p>", &[]),
            ("vague quantities", "<p>hundreds of people</p>", &[]),
            ("comments and links", r#"<p><!-- 7 --><a href="s5.html" class="x9">link</a></p>"#, &[]),
            (
                "hidden elements",
                "<script>var x = 5;</script><style>.a { width: 50% }</style>\
                 <template><p>9</p></template><p>ok</p>",
                &[],
            ),
            (
                "noscript shows its markup to readers without scripts",
                "<noscript><p>3 cookies</p></noscript>",
                &["3 not-traced"],
            ),
            ("noscript traced", r#"<noscript><b data-trace="s2">2.3%</b> <i>4</i></noscript>"#, &["4 not-traced"]),
            (
                "a noscript in head holds links",
                "<head><noscript><link rel=stylesheet href=x5.css></noscript></head><p>ok</p>",
                &[],
            ),
            ("text in a head noscript starts the body", "<head><noscript>4 left</noscript></head>", &["4 not-traced"]),
            ("svg text is text", "<svg><text x=\"1\">40%</text></svg>", &["40% not-traced"]),
            ("svg title is text", "<svg><title>40%</title></svg>", &["40% not-traced"]),
            ("svg style is not", "<svg><style>.a { width: 50% }</style></svg>", &[]),
            ("a style's content is drawn", r#"<style>p::after { content: " 45%" }</style>"#, &["45% drawn-by-css"]),
            (
                "svg style text is decoded",
                r#"<svg><style>text::after { content: "&#52;5%" }</style></svg>"#,
                &["45% drawn-by-css"],
            ),
            (
                "a style in a template draws nothing",
                r#"<template><style>p::after { content: "45%" }</style></template><p>ok</p>"#,
                &[],
            ),
            ("a style attribute sets what is drawn", r#"<p style='--note: "up 45%"'>x</p>"#, &["45% drawn-by-css"]),
            ("a style attribute draws nothing else", r#"<p style="width: 50%; columns: 3">x</p>"#, &[]),
            (
                "a style's content in head, traced or not",
                r#"<head><style data-trace="s2">b::before { content: "2.3%" }</style></head><p>ok</p>"#,
                &["2.3% drawn-by-css"],
            ),
            ("textarea is text", "<textarea>5 &amp; 6</textarea>", &["5 not-traced", "6 not-traced"]),
        ],
        page,
    );
}

#[test]
fn attributes_a_reader_is_shown() {
    check_rows(
        &[
            ("title", r#"<p title="5%">x</p>"#, &["5% not-traced"]),
            ("alt", r#"<img src="c.png" alt="a 40% rise">"#, &["40% not-traced"]),
            ("aria-label", r#"<a href="x" aria-label="3 ministers">x</a>"#, &["3 not-traced"]),
            ("aria-description", r#"<b aria-description="about 9 people">x</b>"#, &["about 9 not-traced"]),
            ("placeholder", r#"<input placeholder="e.g. 12">"#, &["12 not-traced"]),
            ("value of an input", r#"<input type="text" value="£40bn">"#, &["£40bn not-traced"]),
            ("value of a button", r#"<button value="7">go</button>"#, &["7 not-traced"]),
            ("any case", r#"<IMG ALT="6 dogs">"#, &["6 not-traced"]),
            ("references decoded", r#"<p title="&pound;5bn">x</p>"#, &["£5bn not-traced"]),
            ("traced by its own element", r#"<abbr data-trace="s2" title="2.3%">x</abbr>"#, &[]),
            ("traced by the element around it", r#"<td data-trace="s2"><img alt="2.3%"></td>"#, &[]),
            ("not stated by the sentence", r#"<td data-trace="s2"><img alt="2.4%"></td>"#, &["2.4% not-stated s2"]),
            ("meta", r#"<img data-trace="meta" alt="2024">"#, &[]),
            (
                "void element claims end with it",
                r#"<img data-trace="meta" alt="1"><p title="2">x</p>"#,
                &["2 not-traced"],
            ),
            (
                "not shown",
                r#"<a href="/2024/5" class="c9" id="s3" data-label="5">x</a><time datetime="2024-05-01">x</time>"#,
                &[],
            ),
            (
                "value of a select's option is not shown",
                r#"<select><option value="5">five</option></select>"#,
                &["five not-traced"],
            ),
            ("a link's title is the browser's", r#"<link rel="alternate" title="7 feeds">"#, &[]),
        ],
        page,
    );
    let in_head = r#"<html><head><meta name="x" content="4"><base title="5"></head><body title="6">ok</body>"#;
    assert_eq!(check(in_head).iter().map(show).collect::<Vec<_>>(), ["6 not-traced"]);
}

#[test]
fn list_numbering() {
    check_rows(
        &[
            ("a list from 1", "<ol><li>a</li></ol>", &[]),
            ("a list from 500", r#"<ol start="500"><li>a</li></ol>"#, &["500 not-traced"]),
            ("an item's value", r#"<ul><li value="42">a</li></ul>"#, &["42 not-traced"]),
            ("meta", r#"<ol data-trace="meta" start="3"><li>a</li></ol>"#, &[]),
            ("start of another element", r#"<div start="9">a</div>"#, &[]),
        ],
        page,
    );
}

#[test]
fn character_references() {
    check_rows(
        &[
            ("named", r#"<td data-trace="s5">&pound;40bn</td>"#, &[]),
            ("numeric", r#"<td data-trace="s2">2.3&#37;</td>"#, &[]),
            ("hexadecimal", r#"<td data-trace="s2">2.3&#x25;</td>"#, &[]),
            ("decimal currency", r#"<td data-trace="s5">&#163;40bn</td>"#, &[]),
            ("untraced", "<p>&pound;40bn</p>", &["£40bn not-traced"]),
            ("no-break space", "<p>2.3&nbsp;per cent</p>", &["2.3\u{a0}per cent not-traced"]),
            ("legacy without semicolon", "<p>&pound40bn</p>", &["£40bn not-traced"]),
            ("ampersand", "<p>R&amp;D rose 5%</p>", &["5% not-traced"]),
            ("unknown name kept", "<p>&foo; 5</p>", &["5 not-traced"]),
            ("in an attribute", r#"<td data-trace="&#115;2">2.3%</td>"#, &[]),
        ],
        page,
    );
}

#[test]
fn malformed_and_implied_structure() {
    check_rows(
        &[
            (
                "void elements",
                r#"<p data-trace="s2">2.3%<br>rose<img src="a.png" alt="2.3%"> to 2.3%<br/></p><p>7</p>"#,
                &["7 not-traced"],
            ),
            ("table cells without end tags", "<table><tr><td data-trace=\"meta\">2025<td>7</table>", &["7 not-traced"]),
            ("rows without end tags", "<table><tr><td data-trace=\"meta\">2025<tr><td>7</table>", &["7 not-traced"]),
            ("list items without end tags", "<ul><li data-trace=\"meta\">1<li>2</ul>", &["2 not-traced"]),
            ("a block closes a paragraph", "<p data-trace=\"meta\">1<div>2</div>", &["2 not-traced"]),
            ("an unclosed inline element", "<div data-trace=\"meta\"><b>1</div>2", &["2 not-traced"]),
            ("never closed", r#"<div><span data-trace="s2">2.3%"#, &[]),
            ("stray end tags", r#"<p data-trace="s2">2.3%</b></i></p>5"#, &["5 not-traced"]),
            ("end tag of nothing", "</div></p>5", &["5 not-traced"]),
            ("unterminated tag", "<p>5 <b", &["5 not-traced"]),
            ("unterminated comment", "<p>5 <!-- 6", &["5 not-traced"]),
        ],
        page,
    );
}

#[test]
fn head_and_missing_briefing() {
    let rows: &[(&str, &str, &[&str])] = &[
        (
            "no briefing",
            r#"<body><td data-trace="s2">2.3%</td><p data-sentence="s1">1</p>"#,
            &["2.3% unknown s2", "1 unknown s1"],
        ),
        ("head never closed", "<html><head><title>7</title><p>8</p>", &["7 not-traced", "8 not-traced"]),
        ("the document's title is read", "<html><head><title>Up 9%</title></head><body></body>", &["9% not-traced"]),
        ("text leaves the head", "<head><meta charset=utf-8>9 lives</head>", &["9 not-traced"]),
        ("no elements at all", "4 dogs", &["4 not-traced"]),
        (
            "a script in the body is hidden, a title there is read",
            "<body><script>1</script><title>2</title>",
            &["2 not-traced"],
        ),
    ];
    check_rows(rows, |body| body.to_string());
}

#[test]
fn descriptions_of_the_page_in_its_head() {
    let rows: &[(&str, &str, &[&str])] = &[
        (
            "traced",
            r#"<head><meta name="description" content="Inflation at 2.3%" data-briefing="x" data-trace="s2">"#,
            &[],
        ),
        (
            "not stated",
            r#"<head><meta name="description" content="Inflation at 2.4%" data-briefing="x" data-trace="s2">"#,
            &["2.4% not-stated s2"],
        ),
        ("content first", r#"<head><meta content="12 reasons" name="Description">"#, &["12 not-traced"]),
        (
            "og:description",
            r#"<head><meta property="og:description" content="£41bn" data-briefing="x" data-trace="s5">"#,
            &["£41bn not-stated s5"],
        ),
        ("og:title", r#"<head><meta property="og:title" content="Top 10">"#, &["10 not-traced"]),
        ("meta", r#"<head><meta name="description" content="Since 1999" data-trace="meta">"#, &[]),
        (
            "not a description",
            r#"<head><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="v 2"><meta property="og:url" content="https://a.example/2025/">"#,
            &[],
        ),
        ("charset", r#"<head><meta charset="utf-8"><meta http-equiv="refresh" content="5">"#, &[]),
    ];
    check_rows(rows, |head| format!("<!doctype html><html>{head}</head><body></body></html>"));
}

#[test]
fn offsets_lines_and_columns() {
    let html = "<!doctype html>\n<body data-briefing=\"x\">\n  <p>é 2.4%</p>\n\t<p>and &pound;5bn, \
                <b data-trace=\"s2\">2.3%</b> 7</p>\n</body>\n";
    let found = check(html);
    let got: Vec<(usize, usize, usize, &str)> =
        found.iter().map(|u| (u.offset, u.line, u.column, u.text.as_str())).collect();
    let at = |s: &str| html.find(s).unwrap();
    assert_eq!(got, [(at("2.4%"), 3, 8, "2.4%"), (at("&pound;"), 4, 9, "£5bn"), (at("</b> 7") + 5, 4, 49, "7"),]);
    assert!(found.iter().all(|u| u.page == Path::new("site/briefings/x/index.html")));
}

#[test]
fn a_long_text_node_arrives_in_chunks() {
    // lol_html hands a long text node over in several chunks; a mention may straddle two
    let filler = "word ".repeat(20_000);
    let html = format!("<p data-briefing=\"x\" data-trace=\"s2\">{filler}2.3% and 2.4%</p>");
    let found: Vec<(usize, String)> = check(&html).iter().map(|u| (u.offset, show(u))).collect();
    assert_eq!(found, [(html.find("2.4%").unwrap(), "2.4% not-stated s2".to_string())]);

    let html = format!("<p>{}</p>", "2.4% ".repeat(30_000));
    let found = check(&html);
    assert_eq!(found.len(), 30_000);
    for (i, u) in found.iter().enumerate() {
        assert_eq!((u.offset, u.text.as_str(), u.column), (3 + 5 * i, "2.4%", 4 + 5 * i), "mention {i}");
    }

    let mut chunks = Vec::new();
    let settings = Settings::new().append_document_content_handler(doc_text!(|t| {
        chunks.push((t.source_location().bytes(), t.as_str().to_string()));
        Ok(())
    }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    write_in_pieces(&mut rewriter, &html).unwrap();
    rewriter.end().unwrap();
    assert!(chunks.len() > 2, "expected the node in several chunks, got {}", chunks.len());
    for (range, text) in chunks {
        assert_eq!(&html[range], text, "a chunk is its slice of the page");
    }
}

#[test]
fn end_tags_close_what_was_left_open_inside() {
    check_rows(
        &[
            ("an unclosed claim", r#"<div><p data-trace="meta">1</div>2"#, &["2 not-traced"]),
            ("an unclosed cell", r#"<section><table><tr><td data-trace="meta">1</section>2"#, &["2 not-traced"]),
            ("the innermost of its name", r#"<b><b data-trace="meta">1</b>2</b>3"#, &["2 not-traced", "3 not-traced"]),
            ("in any case", r#"<DIV><p data-trace="meta">1</Div>2"#, &["2 not-traced"]),
            ("already closed", r#"<p data-trace="meta">1<div>2</p>3"#, &["2 not-traced", "3 not-traced"]),
        ],
        page,
    );
}

/// (case, page): markup lol_html reads in its own way, each read alike by both readers.
const TRICKY: &[(&str, &str)] = &[
    ("comments", "<p>1<!-- 2 -->3<!--> 4 <!---> 5 <!-- 6 --!> 7 <!-- <!-- 8 --> 9 <!-- 10 -- > 11 --> 12</p>"),
    ("unclosed comment", "<p>1<!-- 2"),
    ("bogus comments", "<p>1<? 2 > 3 </3 4> 5 <! 6> 7 <!DOCTYPE 8> 9 <![CDATA[ 10 ]]> 11</p>"),
    ("stray angle brackets", "<p>1 < 2 <3 </ 4 </> 5 <</p>"),
    ("at the end", "<p>1 <"),
    ("end tag at the end", "<p>1 </"),
    (
        "a block ends inside a claim inside a sentence",
        "<body data-briefing=\"x\"><select><select data-sentence=\"s3\">£40bn<b data-trace=\"s2\"><p></p></b>2.3%",
    ),
    ("unterminated tag", "<p>1 <b x=\"2"),
    ("raw text", "<title>1 <b>2</b></title>3<style>4 </styl> 5</style>6<textarea>7 &amp; <i>8</textarea>9"),
    ("raw text end tag in any case", "<textarea>1</TEXTAREA >2<textarea>3</textarea/>4"),
    ("raw text to the end", "<p>1<textarea>2 </textarea"),
    ("iframe, xmp, noembed", "<iframe>1</iframe>2<xmp>3<p>4</xmp>5<noembed>6</noembed>7"),
    ("a script without escapes", "<script>if (a < 1) { b = '</p>'; }</script>2"),
    ("an attribute without a value ends the tag", "<title a=>1</title>2<p a=>3"),
    ("attributes", "<p a b = c d='e>' f=\"g\" h=i/j k= >1</p><td data-trace=s2 DATA-TRACE=meta>2.3%</td>"),
    ("self-closing syntax", "<p/>1<br/>2<div/x>3</div/>4"),
    ("odd names", "<custom-el data-trace=\"meta\">1</CUSTOM-EL>2<abcdefghijklmn>3</abcdefghijklmn>4"),
    ("doctype", "<!doctype html><html><head><title>1</title></head><body>2</body></html>"),
    ("svg", "<svg><text>40%</text><title>5</title><style>6</style><path/>7<g/>8</svg>9"),
    ("svg/", "<p data-trace=meta><svg/>1<p>2"),
    ("foreignObject", "<svg><foreignObject><p>1</p><style>2</style></foreignObject><desc/>3</svg>4"),
    ("math", "<math><mi>1</mi><annotation-xml encoding=text/html><b>2</b></annotation-xml><mtext/>3</math>"),
    ("head content with content", "<svg><svg><head><link>1</link>2<meta>3"),
    ("out of svg", "<svg><b>1</b><font color=red>2</font><font>3</font><p>4</p></svg><math><br>5</math>"),
    ("cdata", "<svg><![CDATA[ 1 < 2 &amp; ]]> 3 <![CDATA[4]]]> 5</svg><![CDATA[6]]>"),
    ("cdata to the end", "<math><![CDATA[1]"),
];

#[test]
fn tricky_markup_reads_without_error() {
    let seeds = seeds();
    for (case, html) in TRICKY {
        let (_, error) = read_with_lol_html(html, known(&seeds));
        assert!(error.is_none(), "{case}: {html}");
    }
}

#[test]
fn plaintext_and_script_escapes_read_as_html_does() {
    let rows: &[(&str, &str, &[&str])] = &[
        ("plaintext: all the rest is text", "<plaintext>5 </plaintext> 6", &["5 not-traced", "6 not-traced"]),
        ("script escapes", "<script><!--<script></script>1</script>2", &["2 not-traced"]),
    ];
    check_rows(rows, |body| body.to_string());
}

/// A page of a few tags nested at random, some left open, with numbers and references in them.
fn nested_page() -> impl Strategy<Value = String> {
    let leaf = prop::sample::select(vec![
        "2.3%",
        "£40bn",
        "&pound;4",
        "three",
        "&#",
        "&amp",
        "&#x1F600;",
        "100,000",
        "s2",
        " ",
        "June 13",
        "<br>",
        "<img src=x>",
        "<!-- 5 -->",
        "é",
        "\n",
        "two-thirds",
        "</p>",
        "<",
        "&",
    ])
    .prop_map(str::to_string);
    let tags = prop::sample::select(vec![
        "p", "div", "td", "tr", "table", "li", "ul", "b", "a", "script", "style", "head", "body", "template", "title",
        "svg", "textarea", "select", "option", "dl", "dd",
    ]);
    let attributes = prop::sample::select(vec![
        "",
        " data-trace=\"s2\"",
        " data-trace=\"s1 s2\"",
        " data-trace=\"meta\"",
        " data-trace=\"\"",
        " data-sentence=\"s3\"",
        " data-sentence=\"s9\"",
        " data-briefing=\"x\"",
        " data-briefing=\"y\"",
        " data-briefing=\"z\" data-trace=\"s1\"",
    ]);
    leaf.prop_recursive(5, 96, 6, move |inner| {
        (tags.clone(), attributes.clone(), prop::collection::vec(inner, 0..6), any::<bool>()).prop_map(
            |(tag, attributes, children, close)| {
                let end = if close { format!("</{tag}>") } else { String::new() };
                format!("<{tag}{attributes}>{}{end}", children.concat())
            },
        )
    })
}

fn assert_well_placed(html: &str, found: &[Unaccounted]) {
    let mut last = 0;
    for u in found {
        assert!(u.offset <= html.len() && html.is_char_boundary(u.offset), "offset {} in {html:?}", u.offset);
        assert!(u.offset >= last, "results in page order");
        last = u.offset;
        let before = &html[..u.offset];
        assert_eq!(u.line, 1 + before.matches('\n').count());
        assert_eq!(u.column, 1 + before.rsplit('\n').next().unwrap_or("").chars().count());
        assert!(!u.text.is_empty());
    }
}

proptest! {
    #[test]
    fn never_panics_on_any_text(html in any::<String>()) {
        let found = check(&html);
        assert_well_placed(&html, &found);
    }

    #[test]
    fn never_panics_on_html_like_text(html in "[<>/a-z &#;0-9%£.\"=\\n-]{0,300}") {
        let found = check(&html);
        assert_well_placed(&html, &found);
    }

    #[test]
    fn never_panics_on_nested_tags(body in nested_page()) {
        let html = page(&body);
        let found = check(&html);
        assert_well_placed(&html, &found);
        for u in &found {
            let first = u.text.chars().next().unwrap_or(' ');
            let at = &html[u.offset..];
            assert!(at.starts_with(first) || at.starts_with('&'), "{:?} at {:?}", u.text, &at[..at.len().min(20)]);
        }
    }
}

/// Pieces of markup, the plain and the odd, to put together at random.
fn markup_soup() -> impl Strategy<Value = String> {
    let pieces: Vec<&str> = TRICKY
        .iter()
        .map(|(_, html)| *html)
        .chain([
            "<p>",
            "</p>",
            "<td data-trace=\"s2\">",
            "</td>",
            "<tr>",
            "<li data-trace='meta'>",
            "<ul>",
            "<head>",
            "<body>",
            "<div data-briefing=y>",
            "</div>",
            "<title>",
            "</title>",
            "<style>",
            "</style>",
            "<script>",
            "</script>",
            "<svg>",
            "</svg>",
            "<!--",
            "-->",
            "<",
            ">",
            "/",
            "=",
            "\"",
            "'",
            " ",
            "\n",
            "2.3%",
            "&pound;4",
            "three",
            "<b>",
            "</b>",
            "<br>",
            "x",
        ])
        .collect();
    prop::collection::vec(prop::sample::select(pieces), 0..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn any_markup_reads_without_error(html in markup_soup()) {
        let (_, error) = read_with_lol_html(&html, known(&seeds()));
        prop_assert!(error.is_none());
    }
}

/// An unaccounted mention as both readers report it: offset, text, reason, briefing.
type Reading = (usize, String, Reason, Option<String>);

/// What `html` reads as by html5gum (as the check reads it) and by lol_html
/// (as it read before), in page order.
fn both_readings(html: &str) -> [Vec<Reading>; 2] {
    let seeds = seeds();
    // with CSS that draws an attribute, as the built-in stylesheet draws `data-label`
    let known = Known { css: &DRAWING_CSS, ..known(&seeds) };
    let now = check_page(Path::new("p.html"), html, known)
        .into_iter()
        .map(|u| (u.offset, u.text, u.reason, u.briefing))
        .collect();
    let (found, _) = read_with_lol_html(html, known);
    let mut before: Vec<_> = found.into_iter().map(|f| (f.offset, f.text, f.reason, f.briefing)).collect();
    before.sort_by_key(|f| f.0);
    [now, before]
}

#[test]
fn tricky_markup_reads_as_with_lol_html() {
    for (case, html) in TRICKY {
        let [now, before] = both_readings(html);
        assert_eq!(now, before, "{case}: {html}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_markup_reads_as_with_lol_html(html in markup_soup()) {
        let [now, before] = both_readings(&html);
        prop_assert_eq!(now, before);
    }

    #[test]
    fn nested_tags_read_as_with_lol_html(body in nested_page()) {
        let [now, before] = both_readings(&page(&body));
        prop_assert_eq!(now, before);
    }

    #[test]
    fn html_like_text_reads_as_with_lol_html(html in "[<>/a-z &#;0-9%£.\"=\\n!\\[\\]-]{0,300}") {
        let [now, before] = both_readings(&html);
        prop_assert_eq!(now, before);
    }
}

/// Pieces of markup where readers part ways: foreign content, raw text,
/// references, attributes shown to readers, and tags cut short. Not
/// `<noscript>`: lol_html reads it as a browser that runs scripts does (as
/// raw text), the check as one that runs none (as markup it shows).
fn odd_markup() -> impl Strategy<Value = String> {
    let pieces = vec![
        "<svg>",
        "</svg>",
        "<svg/>",
        "<math>",
        "</math>",
        "<math/>",
        "<title>",
        "</title>",
        "<title/>",
        "<foreignObject>",
        "</foreignObject>",
        "<desc>",
        "</desc>",
        "<mi>",
        "</mi>",
        "<mtext/>",
        "<annotation-xml encoding=text/html>",
        "</annotation-xml>",
        "<font color=red>",
        "<font>",
        "</font>",
        "<![CDATA[",
        "]]>",
        "]",
        "<textarea>",
        "</textarea>",
        "<plaintext>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<style>",
        "</style>",
        "<xmp>",
        "<iframe>",
        "<p>",
        "</p>",
        "<br>",
        "</br>",
        "<b>",
        "</b>",
        "<td data-trace=s2>",
        "<td data-label=\"4%\">",
        "<td data-label=s2 data-trace=s2>",
        "<p style='--n: \"5%\"'>",
        "<style>p::after { content: \"6\" }</style>",
        "<td data-trace=\"s2\" title=\"2.4%\">",
        "<li value=7>",
        "<ol start=3>",
        "<p title=1 title=2 TITLE=3>",
        "<input value='4'>",
        "<link title=5>",
        "<head>",
        "<body>",
        "</head>",
        "<body data-briefing=y>",
        "<img alt=\"6\"/>",
        "</>",
        "</ >",
        "<?x 8?>",
        "<!x>",
        "<!doctype 9>",
        "&amp;",
        "&pound",
        "&#x25;",
        "&",
        "\r\n",
        "\r",
        "\0",
        " ",
        "2.3%",
        "£4",
        "1.9%",
        "10",
        "three",
        "<",
        ">",
        "/",
        "=",
        "\"",
        "'",
        "é",
        "<p <title=5>",
        "<p title=\"a>b 5\">",
        "<p title=a\"5>",
        "<p\ttitle=5\n>",
        "<p title = 5 >",
        "</p title=5>",
        "<textarea x=2>",
        "</textarea x=2>",
        "<script><!--",
        "</script >",
        "<template>",
        "</template>",
        "<select>",
        "<option value=5>",
        "<P TITLE=5>",
        "<svg:a>",
        "<a\0b>",
        "</a\0b>",
        "<input value=5",
        "<p title='6'",
        "<!--->",
        "--!>",
        "<!-- ",
        "-- >",
        "<!DOCTYPE",
        "<noembed>",
        "<noframes>",
    ];
    prop::collection::vec(prop::sample::select(pieces), 0..32).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn odd_markup_reads_as_with_lol_html(html in odd_markup()) {
        let [now, before] = both_readings(&html);
        prop_assert_eq!(now, before);
    }
}

#[test]
fn text_states_read_as_html_does() {
    let rows: &[(&str, &str, &[&str])] = &[
        ("cdata in svg is text, as written", "<svg><![CDATA[£4 &amp;c. 5]]></svg>", &["£4 not-traced", "5 not-traced"]),
        ("cdata to the end of the page", "<math><![CDATA[7", &["7 not-traced"]),
        ("cdata in html is a comment", "<p><![CDATA[5]]>6</p>", &["6 not-traced"]),
        ("xmp shows its markup", "<xmp><b>5</b> &amp;</xmp>", &["5 not-traced"]),
        ("title text is no markup", "<title>5 <b>6</b> </title>7", &["5 not-traced", "6 not-traced", "7 not-traced"]),
        ("an svg title holds markup", "<svg><title>5 <b>6</b></title></svg>", &["5 not-traced", "6 not-traced"]),
        ("script escapes end at the end tag", "<script><!-- 1 </script>2", &["2 not-traced"]),
        ("a tag the page ends in is dropped", "<p>1 <b title=\"2", &["1 not-traced"]),
        ("an end tag's attributes are not shown", "<p>1</p title=\"2\">", &["1 not-traced"]),
    ];
    check_rows(rows, |body| body.to_string());
}

#[test]
fn a_sentence_element_is_read_whole_when_its_text_is_not_at_hand() {
    let seeds = seeds();
    let rows: &[(&str, &[&str])] = &[
        (r#"<p data-sentence="s3">The bill came to £<mark>127.5</mark>bn.</p>"#, &[]),
        (r#"<p data-sentence="s2">Inflation rose to 2.<mark>3%</mark> in June, 7 said.</p>"#, &["7 not-stated s2"]),
        (r##"<p data-sentence="s2"><a href="#s2">s2</a> Inflation rose to 2.3% in June.</p>"##, &[]),
    ];
    for (body, expected) in rows {
        let found: Vec<String> =
            check_page(Path::new("site/briefings/x/index.html"), &page(body), known(&MentionsOnly(&seeds)))
                .iter()
                .map(show)
                .collect();
        assert_eq!(found, *expected, "{body}");
    }
}

#[test]
fn attributes_the_css_draws_are_read() {
    let css = Stylesheets::read(["td::before { content: attr(data-label) }"]);
    let read = |html: &str, css: &Stylesheets| -> Vec<String> {
        let seeds = seeds();
        check_page(Path::new("p.html"), html, Known { css, ..known(&seeds) }).iter().map(show).collect()
    };
    let html =
        r#"<main data-briefing="x"><td data-label="up 45%">x</td><td data-label="2.3%" data-trace="s2">y</td></main>"#;
    assert_eq!(read(html, &css), ["45% not-traced"]);
    // an attribute drawn keeps its own meaning besides
    let claims =
        Stylesheets::read(["[data-trace]::after { content: attr(data-trace) } i::after { content: attr(content) }"]);
    let traced = r#"<main data-briefing="x"><b data-trace="s2">2.3%</b></main>"#;
    assert!(read(traced, &claims).is_empty(), "a drawn data-trace still traces");
    let described = r#"<head><meta name="description" content="Sales up 45%"></head><p>ok</p>"#;
    assert_eq!(read(described, &claims), ["45% not-traced"]);
    assert!(read(html, &Stylesheets::default()).is_empty(), "without the CSS the label is not shown");
    let seeds = seeds();
    let (found, _) = read_with_lol_html(html, Known { css: &css, ..known(&seeds) });
    assert_eq!(found.len(), 1, "the reference reader reads it too");
}

// ---------------------------------------------------------------- the quick reader

/// What `html` reads as with the quick reader and with the tokenizer alone:
/// what each found, and each token and text it handed the walk.
fn quick_and_slow(html: &str) -> [(Vec<Reading>, Vec<String>); 2] {
    let seeds = seeds();
    let known = Known { css: &DRAWING_CSS, ..known(&seeds) };
    let read = |quickly| {
        let (found, log) = markup::read_logged(html, known, quickly);
        (found.into_iter().map(|f| (f.offset, f.text, f.reason, f.briefing)).collect(), log)
    };
    let quick = read(true);
    assert_eq!(
        quick.0,
        markup::read(html, known).into_iter().map(|f| (f.offset, f.text, f.reason, f.briefing)).collect::<Vec<_>>()
    );
    [quick, read(false)]
}

/// Markup at the edges of what the quick reader reads itself: tags of every
/// shape, comments that end in odd ways, the ends of raw text.
fn edge_markup() -> impl Strategy<Value = String> {
    let pieces = vec![
        "<p title=5>",
        "<p title=\"5\">",
        "<p title='5'>",
        "<p title=5/>",
        "<p/ title=6>",
        "<p / title=6>",
        "<p title=\"6\"title=7>",
        "<p =title=8>",
        "<p title==9>",
        "<p title=>",
        "<p title =\n'5'>",
        "<p a/b title=5>",
        "<P TiTlE=5>",
        "<br/>",
        "<br />",
        "</p>",
        "</P>",
        "</p/>",
        "</p title=\"a>b\">",
        "<!-- 5 -->",
        "<!---->",
        "<!-- -- 6 --!>",
        "<!-- --!-> 7 -->",
        "<!--x--->",
        "<!-- <!-- 5 --> -->",
        "<!-- <!--!> 8",
        "<!-->",
        "<!--->",
        "<!-",
        "<!doctype html>",
        "<!DOCTYPE HTML>",
        "<!DOCTYPE html >",
        "<title>",
        "</title>",
        "</TITLE >",
        "</title/>",
        "</titlex>",
        "</title",
        "<textarea>",
        "</textarea>",
        "<style>",
        "</style>",
        "<script>",
        "</script>",
        "</script x=1>",
        "<!--",
        "-->",
        "<script>5<!--",
        "<noscript>",
        "</noscript>",
        "<svg>",
        "</svg>",
        "<![CDATA[5]]>",
        "<plaintext>",
        "<?php 5 ?>",
        "</ 5>",
        "</>",
        "< 5",
        "<5",
        "<",
        ">",
        "&lt;5",
        "&#53;",
        "\r\n",
        "\r",
        "\0",
        "é",
        " ",
        "5",
        "2.3%",
        "<td data-trace=\"s2\">",
        "<td data-trace=s2>",
        "<span data-sentence=\"s2\">Inflation rose to 2.3% in June.",
        "</span>",
        "<div data-briefing=\"y\">",
        "</div>",
        "<td data-label=\"4%\">",
        "<input value=4",
        "<p title=\"5",
    ];
    prop::collection::vec(prop::sample::select(pieces), 0..32).prop_map(|pieces| pieces.concat())
}

#[test]
fn long_runs_read_in_time() {
    // each of these once took time that grew with the square of the run
    let runs = [
        format!("<!-- {}x --> 5", "-".repeat(200_000)),
        format!("<p>{}5</p>", "<?x?>".repeat(100_000)),
        format!("<script>{}</script>5", "</scrip".repeat(100_000)),
        format!("<title>{}</title>5", "</title".repeat(100_000)),
    ];
    for html in &runs {
        let [quick, slow] = quick_and_slow(html);
        assert_eq!(quick, slow);
        assert_eq!(quick.0.len(), 1, "{}", &html[..40]);
    }
}

#[test]
fn tricky_markup_reads_the_same_quickly() {
    for (case, html) in TRICKY {
        let [quick, slow] = quick_and_slow(html);
        assert_eq!(quick, slow, "{case}: {html}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn edge_markup_reads_the_same_quickly(html in edge_markup()) {
        let [quick, slow] = quick_and_slow(&html);
        prop_assert_eq!(quick, slow);
    }

    #[test]
    fn odd_markup_reads_the_same_quickly(html in odd_markup()) {
        let [quick, slow] = quick_and_slow(&html);
        prop_assert_eq!(quick, slow);
    }

    #[test]
    fn any_markup_reads_the_same_quickly(html in markup_soup()) {
        let [quick, slow] = quick_and_slow(&html);
        prop_assert_eq!(quick, slow);
    }

    #[test]
    fn html_like_text_reads_the_same_quickly(html in "[<>/a-z &#;0-9%£.\"'=\\n!?\\[\\]-]{0,300}") {
        let [quick, slow] = quick_and_slow(&html);
        prop_assert_eq!(quick, slow);
    }
}
