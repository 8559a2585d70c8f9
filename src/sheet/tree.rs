//! A fact sheet's YAML as a tree of nodes, each with its byte span, read
//! before any field is: the schema is then checked node by node, so that
//! every unknown field, missing field, wrong type and repeated key of a
//! sheet is reported in one run, not only the first.
//!
//! The parser (serde-saphyr) still owns YAML itself: syntax, tabs, aliases
//! and the limits that keep a hostile sheet cheap. A syntax error ends the
//! reading of a sheet; nothing after it can be trusted. Plain sheets are
//! read faster straight from the parser's events ([`super::events`]), into
//! the same tree.

use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// A node of the sheet and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Byte span in the sheet (clamped to it by the reader).
    pub span: Range<usize>,
    pub shape: Shape,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// Entries in the order written, repeated keys included.
    Map(Vec<(Node, Node)>),
    Seq(Vec<Node>),
    /// A string scalar, as the YAML means it (quotes and escapes resolved).
    Text(String),
    /// A scalar YAML reads as a number; its text is the sheet's, at the span.
    Number,
    Bool(bool),
    Null,
}

impl Shape {
    /// What the node is, in the words of a message: `a list`, `a number`.
    pub fn what(&self) -> &'static str {
        match self {
            Shape::Map(_) => "a mapping",
            Shape::Seq(_) => "a list",
            Shape::Text(_) => "text",
            Shape::Number => "a number",
            Shape::Bool(_) => "true or false",
            Shape::Null => "empty",
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Shape>::deserialize(deserializer)?;
        let span = spanned.referenced.span();
        let start = span.byte_offset().unwrap_or(0) as usize;
        let len = span.byte_len().unwrap_or(0) as usize;
        Ok(Node { span: start..start + len, shape: spanned.value })
    }
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ShapeVisitor)
    }
}

struct ShapeVisitor;

impl<'de> Visitor<'de> for ShapeVisitor {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Shape, E> {
        Ok(Shape::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Shape, E> {
        Ok(Shape::Number)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Shape, E> {
        Ok(Shape::Number)
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Shape, E> {
        Ok(Shape::Number)
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Shape, E> {
        Ok(Shape::Number)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Shape, E> {
        Ok(Shape::Number)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Shape, E> {
        Ok(Shape::Text(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Shape, E> {
        Ok(Shape::Text(v))
    }

    fn visit_char<E: de::Error>(self, v: char) -> Result<Shape, E> {
        Ok(Shape::Text(v.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Shape, E> {
        Ok(Shape::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Shape, E> {
        Ok(Shape::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Shape, D::Error> {
        Shape::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Shape::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<Node, Node>()? {
            entries.push(entry);
        }
        Ok(Shape::Map(entries))
    }
}
