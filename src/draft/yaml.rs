//! Writing YAML scalars a fact sheet reads back exactly: plain where that is
//! safe, double-quoted (with escapes) where a plain scalar would be read as
//! something else — a number, a boolean, a comment, a mapping.

/// `text` as a YAML scalar in block context (`key: <scalar>`).
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text, false) { text.to_string() } else { quoted(text) }
}

/// `text` as a YAML scalar inside a flow sequence (`[a, b]`).
pub fn flow_scalar(text: &str) -> String {
    if is_plain_safe(text, true) { text.to_string() } else { quoted(text) }
}

/// A flow sequence of scalars: `[Sir Keir Starmer, Starmer]`.
pub fn flow_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| flow_scalar(i)).collect();
    format!("[{}]", items.join(", "))
}

fn is_plain_safe(text: &str, in_flow: bool) -> bool {
    let Some(first) = text.chars().next() else { return false };
    let reserved = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"];
    let looks_numeric = text.chars().next().is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '+' | '-'));
    !(first.is_whitespace()
        || text.ends_with(char::is_whitespace)
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || looks_numeric
        || text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || text.chars().any(|c| c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}')
        || (in_flow && text.contains([',', '[', ']', '{', '}']))
        || reserved.iter().any(|r| text.eq_ignore_ascii_case(r)))
}

/// A double-quoted scalar: `\` and `"` escaped, control characters as escapes.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_written() {
        let rows = [
            ("Keir Starmer", "Keir Starmer"),
            ("US backstop", "US backstop"),
            ("yes", "\"yes\""),
            ("2025", "\"2025\""),
            ("-1 point", "\"-1 point\""),
            ("Note: the deal", "\"Note: the deal\""),
            ("a # b", "\"a # b\""),
            ("'premature'", "\"'premature'\""),
            ("say \"no\"", "say \"no\""),
            ("\"No\", she said", "\"\\\"No\\\", she said\""),
            ("“We will act”", "“We will act”"),
            ("", "\"\""),
            ("%", "\"%\""),
        ];
        for (text, expected) in rows {
            assert_eq!(scalar(text), expected, "{text:?}");
        }
        assert_eq!(
            flow_list(&["Sir Keir Starmer".into(), "Starmer, Keir".into()]),
            "[Sir Keir Starmer, \"Starmer, Keir\"]"
        );
    }
}
