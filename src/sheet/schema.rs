//! The schema of a fact sheet (docs/fact-sheet.md), checked on the YAML
//! tree: each part's fields read into raw parts, and every unknown field
//! (with the field most likely meant), missing field, repeated key and
//! value of the wrong type reported — all of them, not only the first.
//!
//! What a value means (a date, a web address, a number the seed must
//! state) is the loader's to check; this module only knows the shapes.

use std::ops::Range;
use std::path::Path;

use super::tree::{Node, Shape};
use super::{ActorKind, Located, closest};
use crate::diagnostic::{Diagnostic, Place};

pub(super) struct RawSheet {
    pub title: Located<String>,
    pub source: Located<String>,
    pub source_url: Option<Located<String>>,
    pub publisher: Option<Located<String>>,
    pub source_title: Option<Located<String>>,
    pub date: Option<Located<String>>,
    pub summary: Option<Located<String>>,
    pub actors: Vec<RawActor>,
    pub quotes: Vec<RawQuote>,
    pub numbers: Vec<RawFigure>,
}

pub(super) struct RawActor {
    pub id: Located<String>,
    pub name: Located<String>,
    pub aliases: Vec<Located<String>>,
    pub role: Option<Located<String>>,
    pub kind: Option<ActorKind>,
}

pub(super) struct RawQuote {
    pub id: Option<Located<String>>,
    pub speaker: Located<String>,
    pub text: Located<String>,
}

pub(super) struct RawFigure {
    pub id: Located<String>,
    pub label: Located<String>,
    /// The value as the sheet writes it (`2.30` keeps its places), at its span.
    pub value: Located<String>,
    pub unit: Option<Located<String>>,
    pub qualifier: Option<Located<String>>,
    pub approx: Option<bool>,
    pub evidence: Option<Located<String>>,
    pub sentence: Option<Located<usize>>,
    pub actor: Option<Located<String>>,
}

/// The fields of each part of a sheet, for "did you mean" and type messages.
pub(super) const SHEET_FIELDS: &[&str] =
    &["title", "source", "source_url", "publisher", "source_title", "date", "summary", "actors", "quotes", "numbers"];
const ACTOR_FIELDS: &[&str] = &["id", "name", "aliases", "role", "kind"];
const QUOTE_FIELDS: &[&str] = &["id", "speaker", "text"];
const FIGURE_FIELDS: &[&str] =
    &["id", "label", "value", "unit", "qualifier", "approx", "evidence", "sentence", "actor"];
const KINDS: &[&str] = &["person", "organisation", "organization", "country", "state"];

/// Reads the sheet whose YAML tree is `root`. Every schema error is added
/// to `problems`; the raw sheet is returned when its title and source are
/// there to build on (parts with a required field missing are left out).
pub(super) fn read(file: &Path, yaml: &str, root: &Node, problems: &mut Vec<Diagnostic>) -> Option<RawSheet> {
    let mut r = Reader { file, yaml, problems };
    let empty = Node { span: 0..0, shape: Shape::Map(Vec::new()) };
    let root = if matches!(root.shape, Shape::Null) { &empty } else { root };
    let fields = r.mapping(root, SHEET_FIELDS, "a fact sheet")?;
    let title = r.required_text(&fields, "title");
    let source = r.required_text(&fields, "source");
    let complete = title.is_some() && source.is_some();
    let sheet = RawSheet {
        title: title.unwrap_or_else(nothing),
        source: source.unwrap_or_else(nothing),
        source_url: r.text(&fields, "source_url"),
        publisher: r.text(&fields, "publisher"),
        source_title: r.text(&fields, "source_title"),
        date: r.text(&fields, "date"),
        summary: r.text(&fields, "summary"),
        actors: r.list(&fields, "actors").into_iter().filter_map(|n| r.actor(n)).collect(),
        quotes: r.list(&fields, "quotes").into_iter().filter_map(|n| r.quote(n)).collect(),
        numbers: r.list(&fields, "numbers").into_iter().filter_map(|n| r.figure(n)).collect(),
    };
    complete.then_some(sheet)
}

/// A placeholder for a missing title or source: the sheet is not returned then.
fn nothing() -> Located<String> {
    Located { value: String::new(), span: 0..0 }
}

/// The entries of one mapping, by field, and the fields a misspelt key may have meant.
struct Fields<'n> {
    map: &'n Node,
    entries: Vec<(&'n str, &'n Node)>,
    /// Required fields not to report missing: an unknown key near them is their typo.
    misspelt: Vec<&'static str>,
}

impl<'n> Fields<'n> {
    fn get(&self, field: &str) -> Option<&'n Node> {
        self.entries.iter().find(|(name, _)| *name == field).map(|(_, value)| *value)
    }
}

struct Reader<'a> {
    file: &'a Path,
    yaml: &'a str,
    problems: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn span(&self, node: &Node) -> Range<usize> {
        let start = node.span.start.min(self.yaml.len());
        start..node.span.end.clamp(start, self.yaml.len())
    }

    fn place(&self, span: Range<usize>) -> Place {
        Place::new(self.file, self.yaml, span)
    }

    fn located(&self, node: &Node, value: String) -> Located<String> {
        Located { value, span: self.span(node) }
    }

    /// The sheet's own words at a scalar's span: how a number or `true` was written.
    fn written(&self, node: &Node) -> String {
        self.yaml[self.span(node)].trim().to_string()
    }

    /// The entries of `node`, a mapping of `part` (`an actor`) with `allowed`
    /// fields; unknown and repeated keys are reported and left out.
    fn mapping<'n>(&mut self, node: &'n Node, allowed: &'static [&'static str], part: &str) -> Option<Fields<'n>> {
        let Shape::Map(entries) = &node.shape else {
            let example = match allowed.first() {
                Some(&"title") => "`title:` and `source:`",
                Some(&"id") if allowed.contains(&"speaker") => "`speaker:` and `text:`",
                Some(&"id") => "`id:` and the others",
                _ => "fields",
            };
            let d = Diagnostic::input(
                "wrong-type",
                format!("{part} must be a mapping of fields, not {}", node.shape.what()),
            )
            .at(self.place(self.span(node)))
            .label(format!("not {part}"))
            .help(format!("write {part} as fields such as {example}, one `field: value` a line"));
            self.problems.push(d);
            return None;
        };
        let mut fields = Fields { map: node, entries: Vec::new(), misspelt: Vec::new() };
        let mut first_keys: Vec<(String, &Node)> = Vec::new();
        for (key, value) in entries {
            let name = match &key.shape {
                Shape::Text(name) => name.clone(),
                _ => self.written(key),
            };
            if let Some((_, first)) = first_keys.iter().find(|(n, _)| *n == name) {
                let d = Diagnostic::input("duplicate-key", format!("`{name}` is given twice"))
                    .at(self.place(self.span(key)))
                    .label("second time")
                    .related(self.place(self.span(first)), "first given here")
                    .help("a field may appear only once; remove one of them");
                self.problems.push(d);
                continue;
            }
            let Some(&field) = allowed.iter().find(|f| **f == name) else {
                let near = closest(&name, allowed);
                let help = match near {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("the fields of {part} are: {}", allowed.join(", ")),
                };
                let d = Diagnostic::input("unknown-field", format!("unknown field `{name}`"))
                    .at(self.place(self.span(key)))
                    .label(format!("not a field of {part}"))
                    .help(help);
                self.problems.push(d);
                fields.misspelt.extend(near);
                first_keys.push((name, key));
                continue;
            };
            first_keys.push((name, key));
            fields.entries.push((field, value));
        }
        Some(fields)
    }

    /// A field every part of its kind needs; reported where its mapping starts when missing
    /// (unless an unknown key is its misspelling, reported already).
    fn required_text(&mut self, fields: &Fields, field: &'static str) -> Option<Located<String>> {
        if fields.get(field).is_none() {
            if !fields.misspelt.contains(&field) {
                let start = self.span(fields.map).start;
                let d = Diagnostic::input("missing-field", format!("missing field `{field}`"))
                    .at(self.place(start..start))
                    .label(format!("`{field}` is required here"))
                    .help(format!("add `{field}:` ({})", what_field_holds(field)));
                self.problems.push(d);
            }
            return None;
        }
        let value = self.text(fields, field);
        if value.is_none() && fields.get(field).is_some_and(|n| matches!(n.shape, Shape::Null)) {
            let node = fields.get(field)?;
            let d = Diagnostic::input("empty-field", format!("`{field}` is empty"))
                .at(self.place(self.span(node)))
                .label("no value")
                .help(format!("give `{field}:` a value ({})", what_field_holds(field)));
            self.problems.push(d);
        }
        value
    }

    /// A text field: any scalar, as written (`title: 2025` is the text `2025`); empty is absent.
    fn text(&mut self, fields: &Fields, field: &str) -> Option<Located<String>> {
        let node = fields.get(field)?;
        match &node.shape {
            Shape::Text(text) => Some(self.located(node, text.clone())),
            Shape::Number | Shape::Bool(_) => Some(self.located(node, self.written(node))),
            Shape::Null => None,
            Shape::Map(_) | Shape::Seq(_) => {
                self.wrong_type(node, field, what_field_holds(field), None);
                None
            }
        }
    }

    /// The items of a list field; empty when it is absent or empty.
    fn list<'n>(&mut self, fields: &Fields<'n>, field: &str) -> Vec<&'n Node> {
        match fields.get(field).map(|n| (n, &n.shape)) {
            Some((_, Shape::Seq(items))) => items.iter().collect(),
            Some((_, Shape::Null)) | None => Vec::new(),
            Some((node, _)) => {
                self.wrong_type(node, field, what_field_holds(field), None);
                Vec::new()
            }
        }
    }

    fn wrong_type(&mut self, node: &Node, field: &str, what: &str, help: Option<String>) {
        let d = Diagnostic::input("wrong-type", format!("`{field}` must be {what}"))
            .at(self.place(self.span(node)))
            .label(format!("not {what}"))
            .help(help.unwrap_or_else(|| format!("write `{field}:` as {what}")));
        self.problems.push(d);
    }

    fn actor(&mut self, node: &Node) -> Option<RawActor> {
        let fields = self.mapping(node, ACTOR_FIELDS, "an actor")?;
        let id = self.required_text(&fields, "id");
        let name = self.required_text(&fields, "name");
        let aliases = match fields.get("aliases").map(|n| (n, &n.shape)) {
            Some((_, Shape::Seq(items))) => items
                .iter()
                .filter_map(|item| match &item.shape {
                    Shape::Text(text) => Some(self.located(item, text.clone())),
                    Shape::Number | Shape::Bool(_) => Some(self.located(item, self.written(item))),
                    _ => {
                        self.wrong_type(item, "aliases", "a name", Some("write each alias as a name".into()));
                        None
                    }
                })
                .collect(),
            Some((_, Shape::Null)) | None => Vec::new(),
            Some((node, _)) => {
                let help = "write the aliases as a list: `aliases: [Sir Keir Starmer, Starmer]`".to_string();
                self.wrong_type(node, "aliases", what_field_holds("aliases"), Some(help));
                Vec::new()
            }
        };
        let role = self.text(&fields, "role");
        let kind = fields.get("kind").and_then(|n| self.kind(n));
        Some(RawActor { id: id?, name: name?, aliases, role, kind })
    }

    fn kind(&mut self, node: &Node) -> Option<ActorKind> {
        let word = match &node.shape {
            Shape::Text(text) => text.trim().to_string(),
            Shape::Null => return None,
            _ => self.written(node),
        };
        match word.as_str() {
            "person" => Some(ActorKind::Person),
            "organisation" | "organization" => Some(ActorKind::Organisation),
            "country" | "state" => Some(ActorKind::Country),
            _ => {
                let help = closest(&word, KINDS).map(|near| format!("did you mean `{near}`?"));
                self.wrong_type(node, "kind", what_field_holds("kind"), help);
                None
            }
        }
    }

    fn quote(&mut self, node: &Node) -> Option<RawQuote> {
        let fields = self.mapping(node, QUOTE_FIELDS, "a quote")?;
        let id = self.text(&fields, "id");
        let speaker = self.required_text(&fields, "speaker");
        let text = self.required_text(&fields, "text");
        Some(RawQuote { id, speaker: speaker?, text: text? })
    }

    fn figure(&mut self, node: &Node) -> Option<RawFigure> {
        let fields = self.mapping(node, FIGURE_FIELDS, "a figure")?;
        let id = self.required_text(&fields, "id");
        let label = self.required_text(&fields, "label");
        let value = self.value(&fields);
        let approx = match fields.get("approx").map(|n| (n, &n.shape)) {
            Some((_, Shape::Bool(b))) => Some(*b),
            Some((_, Shape::Null)) | None => None,
            Some((node, _)) => {
                self.wrong_type(node, "approx", what_field_holds("approx"), None);
                None
            }
        };
        let sentence = match fields.get("sentence").map(|n| (n, &n.shape)) {
            Some((node, Shape::Number)) if self.written(node).parse::<usize>().is_ok() => {
                let n = self.written(node).parse::<usize>().unwrap_or_default();
                Some(Located { value: n, span: self.span(node) })
            }
            Some((_, Shape::Null)) | None => None,
            Some((node, _)) => {
                self.wrong_type(node, "sentence", what_field_holds("sentence"), None);
                None
            }
        };
        let figure = RawFigure {
            unit: self.text(&fields, "unit"),
            qualifier: self.text(&fields, "qualifier"),
            evidence: self.text(&fields, "evidence"),
            actor: self.text(&fields, "actor"),
            id: id?,
            label: label?,
            value: value?,
            approx,
            sentence,
        };
        Some(figure)
    }

    /// `value:` as written: a number's own digits (`2.30`), or text (a date,
    /// or a quoted number the loader refuses as such).
    fn value(&mut self, fields: &Fields) -> Option<Located<String>> {
        let Some(node) = fields.get("value") else {
            return self.required_text(fields, "value");
        };
        match &node.shape {
            Shape::Number => Some(self.located(node, self.written(node))),
            Shape::Text(text) => Some(self.located(node, text.clone())),
            Shape::Null => self.required_text(fields, "value"),
            _ => {
                let help = "write the figure in digits, such as 40000000000 or 2.3, a date such as 2025-04-01, or a time such as 3:58.20";
                self.wrong_type(node, "value", what_field_holds("value"), Some(help.to_string()));
                None
            }
        }
    }
}

/// What a field holds, in the words of a help line.
pub(super) fn what_field_holds(field: &str) -> &'static str {
    match field {
        "value" => "a number, a date or a time",
        "approx" => "true or false",
        "sentence" => "a sentence number (1 for s1)",
        "kind" => "person, organisation or country",
        "aliases" => "a list of names",
        "actors" | "quotes" | "numbers" => "a list",
        _ => "text",
    }
}
