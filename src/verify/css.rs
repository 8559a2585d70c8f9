//! What a stylesheet shows readers besides the page's own text. The
//! strings of a `content` declaration (`p::after { content: " up 45%" }`)
//! are drawn on the page, and `content: attr(data-label)` draws the value of
//! an attribute: both publish numbers as much as a text node does. So the
//! strings are read wherever CSS stands (the theme's stylesheets, those of
//! `static/`, `<style>` in a page), and every attribute any `attr()` of the
//! site names is read on every page, like `title`.

use cssparser::{ParseError, Parser, Token};

/// The attributes the site's CSS shows with `attr()`, in lower case.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stylesheets {
    attributes: Vec<String>,
}

impl Stylesheets {
    /// The attributes that `attr()` names anywhere in `texts`: stylesheets,
    /// or templates with `<style>` in them. A name in a comment counts too,
    /// which reads more than needed, never less.
    pub fn read<'a>(texts: impl IntoIterator<Item = &'a str>) -> Stylesheets {
        let mut attributes: Vec<String> = texts.into_iter().flat_map(attr_names).collect();
        attributes.sort_unstable();
        attributes.dedup();
        Stylesheets { attributes }
    }

    /// The attributes read because the CSS shows them.
    pub fn attributes(&self) -> &[String] {
        &self.attributes
    }

    /// The CSS shows attribute `name`.
    pub(super) fn shows(&self, name: &[u8]) -> bool {
        !self.attributes.is_empty() && self.attributes.iter().any(|a| name.eq_ignore_ascii_case(a.as_bytes()))
    }
}

/// The names `attr(…)` takes in `text`, in lower case.
fn attr_names(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut names = Vec::new();
    for (at, _) in text.match_indices("attr(").chain(text.match_indices("ATTR(")) {
        // `data-attr(` is no function of its own
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || matches!(bytes[at - 1], b'-' | b'_')) {
            continue;
        }
        let rest = text[at + "attr(".len()..].trim_start();
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':'))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if !name.is_empty() {
            names.push(name);
        }
    }
    names
}

/// A string a stylesheet draws on the page: its text (escapes resolved)
/// and the byte offset of its token in the stylesheet.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Drawn {
    pub at: usize,
    pub text: String,
}

impl Drawn {
    /// The offset in the stylesheet of byte `i` of the text: exact when the
    /// string is written as it reads, else the string's start.
    pub fn offset(&self, css: &str, i: usize) -> usize {
        match css.get(self.at + 1..).is_some_and(|rest| rest.starts_with(&self.text)) {
            true => self.at + 1 + i,
            false => self.at,
        }
    }
}

/// The strings of every `content` declaration of `css`, and of every custom
/// property (`--note: "45%"`, which `content: var(--note)` may draw), in
/// rules, nested rules and at-rules alike.
pub(super) fn drawn(css: &str) -> Vec<Drawn> {
    // the parser bounds how deep blocks nest, so a hostile stylesheet stays cheap
    let mut parser = Parser::new(css);
    let mut found = Vec::new();
    read_block(&mut parser, false, &mut found);
    found
}

/// Reads the tokens of one block; `drawing`: the block is inside a value that is drawn.
fn read_block(p: &mut Parser, drawing: bool, found: &mut Vec<Drawn>) {
    // whether the declaration being read draws its strings, once past its colon
    let mut draws = false;
    let mut after_drawing_name = false;
    loop {
        let at = p.position().byte_index();
        let Ok(token) = p.next_including_whitespace_and_comments() else { return };
        let token = token.clone();
        let drawn_here = drawing || draws;
        let nested = |p: &mut Parser, drawing: bool, found: &mut Vec<Drawn>| {
            let _ = p.parse_nested_block(|p| -> Result<(), ParseError<()>> {
                read_block(p, drawing, found);
                Ok(())
            });
        };
        match &token {
            Token::WhiteSpace(_) | Token::Comment(_) => continue,
            Token::QuotedString(text) if drawn_here => found.push(Drawn { at, text: text.to_string() }),
            Token::Colon if after_drawing_name => draws = true,
            Token::Semicolon => draws = false,
            Token::CurlyBracketBlock => {
                nested(p, false, found);
                draws = false;
            }
            Token::Function(_) | Token::ParenthesisBlock | Token::SquareBracketBlock => nested(p, drawn_here, found),
            _ => {}
        }
        after_drawing_name = matches!(&token, Token::Ident(name) if draws_strings(name));
    }
}

/// A property whose strings may be drawn on the page.
fn draws_strings(property: &str) -> bool {
    property.eq_ignore_ascii_case("content") || property.starts_with("--")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(css: &str) -> Vec<String> {
        drawn(css).into_iter().map(|d| d.text).collect()
    }

    #[test]
    fn the_strings_content_draws_are_read() {
        assert_eq!(texts(r#"p::after { content: " up 45%"; color: red }"#), [" up 45%"]);
        assert_eq!(texts(r#"p::before{content:'£2bn'}"#), ["£2bn"]);
        assert_eq!(texts(r#"q::before { CONTENT: "\34 5%" }"#), ["45%"]);
        assert_eq!(texts(r#"@media print { a::after { content: " (" attr(href) " 3)" } }"#), [" (", " 3)"]);
        assert_eq!(texts(r#"@page { @bottom-right { content: "Page " counter(page) } }"#), ["Page "]);
        assert_eq!(texts(r#".a { --note: "12 dead"; } .a::after { content: var(--note) }"#), ["12 dead"]);
        assert_eq!(texts(r#".a { .b::after { content: "7" } }"#), ["7"]);
    }

    #[test]
    fn strings_nothing_draws_are_not() {
        assert!(texts(r#"body { font-family: "Univers 55", sans-serif; }"#).is_empty());
        assert!(texts(r#"@import url("print 2.css"); a[title="9"] { color: red }"#).is_empty());
        assert!(texts(r#"/* content: "5" */ p { quotes: none }"#).is_empty());
        assert!(texts(r#"a:hover { background: url("x9.png") }"#).is_empty());
    }

    #[test]
    fn offsets_point_at_the_string() {
        let css = "p::after {\n  content: \"45%\";\n}";
        let found = drawn(css);
        assert_eq!(found.len(), 1);
        assert!(css[found[0].at..].starts_with("\"45%\""));
        assert!(css[found[0].offset(css, 0)..].starts_with("45%"));
        let escaped = r#"p::after { content: "\34 5%" }"#;
        let found = drawn(escaped);
        assert_eq!(found[0].offset(escaped, 1), found[0].at, "an escaped string is pointed at whole");
    }

    #[test]
    fn attributes_attr_shows_are_named() {
        let css = "td::before { content: attr(data-label) \": \"; } a::after { content: attr( Title ) }";
        let sheets = Stylesheets::read([css, "<style>b::after { content: attr(data-x) }</style>"]);
        assert_eq!(sheets.attributes(), ["data-label", "data-x", "title"]);
        assert!(sheets.shows(b"DATA-LABEL"));
        assert!(!sheets.shows(b"data-other"));
        assert!(Stylesheets::read(["p { color: data-attr(x) }"]).attributes().is_empty());
    }

    #[test]
    fn broken_css_is_read_as_far_as_it_goes() {
        for css in ["p::after { content: \"4", "}}}{{{ content: '5", "\\", "p { content: \"\\\n\" }", ""] {
            let _ = drawn(css);
        }
        assert_eq!(texts("p::after { content: \"45% unclosed"), ["45% unclosed"]);
    }
}
