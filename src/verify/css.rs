//! What a stylesheet shows readers besides the page's own text. The
//! strings of a `content` declaration (`p::after { content: " up 45%" }`)
//! are drawn on the page, and `content: attr(data-label)` draws the value of
//! an attribute: both publish numbers as much as a text node does. So the
//! strings are read wherever CSS stands (the theme's stylesheets, those of
//! `static/`, `<style>` in a page), and every attribute any `attr()` of the
//! site names is read on every page, like `title`.

use cssparser::{ParseError, Parser, Token};

use super::memo;

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

/// The names `attr(…)` takes in `text`, in lower case: any case of `attr`,
/// comments and white space before the name, escapes in it resolved.
fn attr_names(text: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut names = Vec::new();
    for (at, _) in lower.match_indices("attr(") {
        // `data-attr(` is no function of its own
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || matches!(bytes[at - 1], b'-' | b'_' | b'\\')) {
            continue;
        }
        let mut rest = &lower[at + "attr(".len()..];
        loop {
            let trimmed = rest.trim_start();
            match trimmed.strip_prefix("/*") {
                Some(comment) => rest = comment.split_once("*/").map_or("", |(_, after)| after),
                None => {
                    rest = trimmed;
                    break;
                }
            }
        }
        let mut name = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                // an escape stands for the character after it
                '\\' => name.extend(chars.next()),
                c if c.is_alphanumeric() || matches!(c, '-' | '_' | ':') || !c.is_ascii() => name.push(c),
                _ => break,
            }
        }
        if !name.is_empty() {
            names.push(name);
        }
    }
    names
}

/// A string or number a stylesheet draws on the page, with the byte offset
/// of its token in the stylesheet.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Drawn {
    pub at: usize,
    pub text: String,
    /// Where the text stands in the stylesheet, when it is written there as it reads.
    text_at: Option<usize>,
}

impl Drawn {
    /// The offset in the stylesheet of byte `i` of the text: exact when the
    /// text is written as it reads, else the token's start.
    pub fn offset(&self, i: usize) -> usize {
        self.text_at.map_or(self.at, |at| at + i)
    }
}

/// Every number `css` draws: its offset in `css`, and its text.
pub(super) fn drawn_numbers(css: &str) -> Vec<(usize, String)> {
    let mut numbers = Vec::new();
    for drawn in drawn(css) {
        for mention in memo::mentions(&drawn.text).iter() {
            numbers.push((drawn.offset(mention.span.start), drawn.text[mention.span.clone()].to_string()));
        }
    }
    numbers
}

/// What every declaration of `css` draws: the strings of `content`,
/// `quotes`, list markers, `@counter-style` symbols and custom properties
/// (`--note: "45%"`, which `content: var(--note)` may draw), and the
/// numbers a counter starts at or steps by (`counter-reset: n 986` draws
/// 987). Rules, nested rules, at-rules, and a `style` attribute's bare
/// declarations alike.
pub(super) fn drawn(css: &str) -> Vec<Drawn> {
    // the parser bounds how deep blocks nest, so a hostile stylesheet stays cheap
    let mut parser = Parser::new(css);
    let mut found = Vec::new();
    read_block(&mut parser, css, Property::None, &mut found);
    found
}

/// What the declaration being read does with its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Property {
    None,
    /// Its strings are drawn.
    Draws,
    /// A counter's start (`counter-reset`, `counter-set`): numbers but 0 are drawn.
    CounterStart,
    /// A counter's step (`counter-increment`): numbers but 1 are drawn.
    CounterStep,
}

impl Property {
    fn of(name: &str) -> Property {
        const DRAWS: [&str; 11] = [
            "content",
            "quotes",
            "list-style",
            "list-style-type",
            "string-set",
            "prefix",
            "suffix",
            "symbols",
            "additive-symbols",
            "negative",
            "pad",
        ];
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        if name.starts_with("--") || DRAWS.iter().any(|d| is(d)) {
            Property::Draws
        } else if is("counter-reset") || is("counter-set") {
            Property::CounterStart
        } else if is("counter-increment") {
            Property::CounterStep
        } else {
            Property::None
        }
    }
}

/// Reads the tokens of one block; `inherited`: the block is inside the value of such a property.
fn read_block(p: &mut Parser, css: &str, inherited: Property, found: &mut Vec<Drawn>) {
    // the declaration being read, once past its name and colon
    let mut property = Property::None;
    // a property's name stands only at the start of a declaration, never in a selector
    let mut at_start = true;
    let mut name: Option<Property> = None;
    loop {
        let at = p.position().byte_index();
        let Ok(token) = p.next_including_whitespace_and_comments() else { return };
        let token = token.clone();
        let reading = if inherited == Property::None { property } else { inherited };
        let nested = |p: &mut Parser, inside: Property, found: &mut Vec<Drawn>| {
            let _ = p.parse_nested_block(|p| -> Result<(), ParseError<()>> {
                read_block(p, css, inside, found);
                Ok(())
            });
        };
        match &token {
            Token::WhiteSpace(_) | Token::Comment(_) => continue,
            Token::QuotedString(text) if reading == Property::Draws => {
                let text_at = css.get(at + 1..).filter(|rest| rest.starts_with(&**text)).map(|_| at + 1);
                found.push(Drawn { at, text: text.to_string(), text_at });
            }
            Token::Number { int_value: Some(n), .. }
                if (reading == Property::CounterStart && *n != 0) || (reading == Property::CounterStep && *n != 1) =>
            {
                let text = n.to_string();
                let text_at = css.get(at..).filter(|rest| rest.starts_with(&text)).map(|_| at);
                found.push(Drawn { at, text, text_at });
            }
            Token::Colon if name.is_some() => property = name.unwrap_or(Property::None),
            Token::Semicolon => property = Property::None,
            Token::CurlyBracketBlock => {
                nested(p, Property::None, found);
                property = Property::None;
            }
            Token::Function(_) | Token::ParenthesisBlock | Token::SquareBracketBlock => nested(p, reading, found),
            _ => {}
        }
        name = match &token {
            Token::Ident(ident) if at_start && property == Property::None => Some(Property::of(ident)),
            _ => None,
        };
        at_start = matches!(token, Token::Semicolon | Token::CurlyBracketBlock);
    }
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
        assert_eq!(texts(r#"q { quotes: "(up 45% " ")" }"#), ["(up 45% ", ")"]);
        assert_eq!(texts(r#"li { list-style-type: "12 dead: " } ul { list-style: "3 " inside }"#), ["12 dead: ", "3 "]);
        assert_eq!(texts(r#"@counter-style x { system: cyclic; symbols: "4"; prefix: "987 "; }"#), ["4", "987 "]);
        assert_eq!(
            texts(
                r#"ol { counter-reset: n 986; counter-increment: n 2 } li { counter-increment: n; counter-reset: m 0 }"#
            ),
            ["986", "2"]
        );
        assert_eq!(texts(r#"--note: "up 45%"; color: red"#), ["up 45%"], "a style attribute's declarations");
    }

    #[test]
    fn strings_nothing_draws_are_not() {
        assert!(texts(r#"body { font-family: "Univers 55", sans-serif; }"#).is_empty());
        assert!(texts(r#"@import url("print 2.css"); a[title="9"] { color: red }"#).is_empty());
        assert!(texts(r#"/* content: "5" */ p { quotes: none }"#).is_empty());
        assert!(texts(r#"a:hover { background: url("x9.png") }"#).is_empty());
        assert!(
            texts(r#".content:not([data-level="2"]) h2 { color: red }"#).is_empty(),
            "a selector is no declaration"
        );
        assert!(texts(r#".a { .content:is([data-cols="3"]) { color: red } }"#).is_empty());
        assert!(texts(r#"ol { counter-reset: n; columns: 3 }"#).is_empty());
    }

    #[test]
    fn offsets_point_at_the_string() {
        let css = "p::after {\n  content: \"45%\";\n}";
        let found = drawn(css);
        assert_eq!(found.len(), 1);
        assert!(css[found[0].at..].starts_with("\"45%\""));
        assert!(css[found[0].offset(0)..].starts_with("45%"));
        let escaped = r#"p::after { content: "\34 5%" }"#;
        let found = drawn(escaped);
        assert_eq!(found[0].offset(1), found[0].at, "an escaped string is pointed at whole");
    }

    #[test]
    fn attributes_attr_shows_are_named() {
        let css = "td::before { content: attr(data-label) \": \"; } a::after { content: attr( Title ) }";
        let sheets = Stylesheets::read([css, "<style>b::after { content: attr(data-x) }</style>"]);
        assert_eq!(sheets.attributes(), ["data-label", "data-x", "title"]);
        assert!(sheets.shows(b"DATA-LABEL"));
        assert!(!sheets.shows(b"data-other"));
        assert!(Stylesheets::read(["p { color: data-attr(x) }"]).attributes().is_empty());
        let odd = Stylesheets::read([r"a::after { content: Attr(data-a) ATTR( /* x */ data-b) attr(data\-c) }"]);
        assert_eq!(odd.attributes(), ["data-a", "data-b", "data-c"]);
    }

    #[test]
    fn broken_css_is_read_as_far_as_it_goes() {
        for css in ["p::after { content: \"4", "}}}{{{ content: '5", "\\", "p { content: \"\\\n\" }", ""] {
            let _ = drawn(css);
        }
        assert_eq!(texts("p::after { content: \"45% unclosed"), ["45% unclosed"]);
    }
}
