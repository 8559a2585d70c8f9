//! The sheet's tree read straight from the YAML parser's events: the fast
//! way for the plain YAML fact sheets are written in. Anything it leaves to
//! the full reader (serde-saphyr, in [`super::load`]) — an anchor, an alias,
//! a tag, a second document, a scalar whose type it is not sure of, a
//! syntax error — makes it give up, and the full reader reads the sheet and
//! reports whatever is wrong with it. So both readings give the same tree.

use std::ops::Range;

use granit_parser::{Event, Parser, ScalarStyle, Span};

use super::tree::{Node, Shape};

/// The deepest nesting, the most nodes and scalar bytes read here: a sheet
/// past them is left to the full reader, which refuses it.
const DEEPEST: usize = 32;
const MOST_NODES: usize = 100_000;
const MOST_SCALAR_BYTES: usize = 8 * 1024 * 1024;

/// A mapping or list being read: where it starts, what it holds so far,
/// and for a mapping the key waiting for its value.
struct Open {
    /// The span of its start, which is the span the full reader gives it.
    span: Range<usize>,
    shape: Shape,
    key: Option<Node>,
}

/// The tree of `yaml`, or `None` when the full reader must read it.
pub fn tree(yaml: &str) -> Option<Node> {
    let mut open: Vec<Open> = Vec::new();
    let mut root = None;
    let (mut documents, mut nodes, mut scalar_bytes) = (0, 0, 0);
    for event in Parser::new_from_str(yaml) {
        let (event, span) = event.ok()?;
        nodes += 1;
        if nodes > MOST_NODES {
            return None;
        }
        let node = match event {
            Event::StreamStart | Event::DocumentEnd => continue,
            Event::StreamEnd => break,
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return None;
                }
                continue;
            }
            Event::Scalar(value, style, anchor, tag) => {
                scalar_bytes += value.len();
                // `<<` merges a mapping into another, which the full reader does
                if anchor != 0 || tag.is_some() || scalar_bytes > MOST_SCALAR_BYTES || value == "<<" {
                    return None;
                }
                let shape = match style {
                    ScalarStyle::Plain => plain(&value)?,
                    _ => Shape::Text(value.into_owned()),
                };
                Node { span: bytes(&span)?, shape }
            }
            Event::MappingStart(_, anchor, ref tag) | Event::SequenceStart(_, anchor, ref tag) => {
                if anchor != 0 || tag.is_some() || open.len() == DEEPEST {
                    return None;
                }
                let shape = match matches!(event, Event::MappingStart(..)) {
                    true => Shape::Map(Vec::new()),
                    false => Shape::Seq(Vec::new()),
                };
                open.push(Open { span: bytes(&span)?, shape, key: None });
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let done = open.pop()?;
                if done.key.is_some() {
                    return None;
                }
                Node { span: done.span, shape: done.shape }
            }
            _ => return None,
        };
        let Some(parent) = open.last_mut() else {
            root = Some(node);
            continue;
        };
        match &mut parent.shape {
            Shape::Seq(items) => items.push(node),
            Shape::Map(entries) => match parent.key.take() {
                Some(key) => entries.push((key, node)),
                // a key that is a list or a mapping is left to the full reader
                None if matches!(node.shape, Shape::Map(_) | Shape::Seq(_)) => return None,
                None => parent.key = Some(node),
            },
            _ => return None,
        }
    }
    root
}

/// The byte range of an event's span.
fn bytes(span: &Span) -> Option<Range<usize>> {
    Some(span.start.byte_offset()?..span.end.byte_offset()?)
}

/// What a plain scalar is, when that is certain; `None` leaves it to the full reader.
fn plain(value: &str) -> Option<Shape> {
    if matches!(value, "" | "~" | "null" | "Null" | "NULL") {
        return Some(Shape::Null);
    }
    if is_decimal(value) {
        return Some(Shape::Number);
    }
    // a character no number, boolean or null of any YAML schema has makes it text
    let may_be_other = |c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.' | '_' | ':');
    let words = ["true", "false", "yes", "no", "on", "off", "y", "n"];
    let is_word = |w: &&str| value.eq_ignore_ascii_case(w);
    if value.chars().all(may_be_other) && (words.iter().any(is_word) || !is_text_word(value)) && !is_date(value) {
        return None;
    }
    Some(Shape::Text(value.to_string()))
}

/// A word no number is spelled like: it starts with a letter other than
/// those of `.inf`, `.nan` and the radix prefixes read as numbers.
fn is_text_word(value: &str) -> bool {
    value.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && !value.eq_ignore_ascii_case("inf")
        && !value.eq_ignore_ascii_case("nan")
}

/// `2024-03-01`: a date, which the full reader reads as text.
fn is_date(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 10 && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

/// `12`, `-3`, `4.25`: a decimal number with no leading zero, exponent or sign but `-`.
fn is_decimal(value: &str) -> bool {
    let digits = value.strip_prefix('-').unwrap_or(value);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "1"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction) && (whole == "0" || !whole.starts_with('0'))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;

    use super::*;

    /// Where the quick reading reads a sheet, it gives the full reader's tree.
    fn same_as_full(yaml: &str) -> bool {
        let Some(quick) = tree(yaml) else { return false };
        let full = super::super::load::full_tree(Path::new("x.yaml"), yaml).ok();
        assert_eq!(Some(&quick), full.as_ref(), "{yaml}");
        true
    }

    #[test]
    fn every_sheet_of_the_repository_reads_as_the_full_reader_reads_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut read = 0;
        for entry in
            walkdir::WalkDir::new(root.join("tests")).into_iter().chain(walkdir::WalkDir::new(root.join("content")))
        {
            let entry = entry.expect("a readable folder");
            if entry.path().extension().is_some_and(|e| e == "yaml") {
                let yaml = std::fs::read_to_string(entry.path()).expect("a readable sheet");
                read += usize::from(same_as_full(&yaml));
            }
        }
        assert!(read > 10, "only {read} sheets were read quickly");
    }

    fn scalar() -> impl Strategy<Value = String> {
        let values = prop::sample::select(vec![
            "12",
            "-3",
            "4.25",
            "0",
            "007",
            "1e5",
            "0x1F",
            ".inf",
            "+3",
            "1_000",
            "2020-01-01",
            "12 dead",
            "£3bn",
            "45%",
            "3:30",
            "1,204",
            "true",
            "no",
            "~",
            "null",
            "s12",
            "12th",
            "Inflation",
            "Nikolai Moreau",
            "é à",
            "a: b",
            "#x",
            "- y",
            "[z]",
            "{w}",
            "'q'",
            "\"d\"",
            "a'b",
            "x #c",
            "",
        ]);
        let style = prop::sample::select(vec![0u8, 1, 2, 3]);
        (values, style).prop_map(|(v, style)| match style {
            0 => v.to_string(),
            1 => format!("'{}'", v.replace('\'', "''")),
            2 => format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\"")),
            _ => format!("|\n    {v}"),
        })
    }

    fn key() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec!["title", "id", "value", "unit", "label", "évidence", "a b", "x"])
    }

    fn entry() -> impl Strategy<Value = String> {
        (key(), scalar()).prop_map(|(k, v)| format!("{k}: {v}"))
    }

    /// Sheet-like YAML: mappings and lists of scalars, nested a few deep, in block and flow style.
    fn sheet() -> impl Strategy<Value = String> {
        let item = prop::collection::vec(entry(), 1..4).prop_map(|entries| {
            let mut lines = entries.into_iter();
            let first = lines.next().unwrap_or_default().replace("\n    ", "\n        ");
            let rest = lines.map(|l| format!("    {}", l.replace("\n    ", "\n        ")));
            std::iter::once(format!("  - {first}")).chain(rest).collect::<Vec<_>>().join("\n")
        });
        let list = (key(), prop::collection::vec(item, 0..3)).prop_map(|(k, items)| match items.is_empty() {
            true => format!("{k}: []"),
            false => format!("{k}:\n{}", items.join("\n")),
        });
        let flow = (key(), prop::collection::vec(scalar().prop_filter("flow scalars", |s| !s.starts_with('|')), 0..4))
            .prop_map(|(k, vs)| format!("{k}: [{}]", vs.join(", ")));
        prop::collection::vec(prop_oneof![entry(), list, flow], 1..6).prop_map(|parts| parts.join("\n") + "\n")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn sheets_read_as_the_full_reader_reads_them(yaml in sheet()) {
            same_as_full(&yaml);
        }
    }

    #[test]
    fn odd_documents_read_as_the_full_reader_reads_them() {
        for yaml in [
            "hello\n",
            "- a\n- b\n",
            "{a: 1, b: [x, y]}\n",
            "a: 1\n...\n",
            "---\na: 1\n",
            "a:\n  b:\n    c: 1\n",
            "a: |\n  x\n  y\n",
            "a: >\n  folded\n  text\n",
            "a: 'it''s'\n",
            "a: \"x\\ny\"\n",
            "\u{feff}a: 1\n",
            "a: 1 # comment\n",
            "a: x\ty\n",
            "a:\n- 1\n- 2\n",
            "a:\n",
            "? a\n: b\n",
            "a: 1\r\nb: 2\r\n",
            "a: [1, [2, {b: 3}]]\n",
            "a: {}\nb: []\n",
            "é: ü\n",
            "a: b: c\n",
            "a: [1, 2\n",
            "a: 1\na: 2\n",
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "<<: {a: 1}\n",
            "a: 1\n---\nb: 2\n",
            "\ta: 1\n",
            "a:\n\t- 1\n",
        ] {
            same_as_full(yaml);
        }
    }

    #[test]
    fn scalars_read_as_the_full_reader_reads_them() {
        for value in [
            "12",
            "-3",
            "4.25",
            "0",
            "0.5",
            "007",
            "1e5",
            "0x1F",
            ".inf",
            "-.5",
            "+3",
            "1_000",
            "2020-01-01",
            "2020-01",
            "12 dead",
            "£3bn",
            "45%",
            "3:30",
            "1,204",
            "-",
            "--",
            "true",
            "no",
            "~",
            "null",
            "Null",
            "NULL",
            "tilde ~",
            "0o17",
            "1.",
            ".5",
            "1.2.3",
            "-0",
            "s12",
            "12th",
            "3-1",
            "2019/20",
            "4.25%",
        ] {
            let yaml = format!("a: {value}\nb: [{value}, x]\n");
            if let Some(quick) = tree(&yaml) {
                let full = super::super::load::full_tree(Path::new("x.yaml"), &yaml).ok();
                assert_eq!(Some(&quick), full.as_ref(), "{value:?}");
            }
        }
    }
}
