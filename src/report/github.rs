//! GitHub workflow annotations: one `::error file=…,line=…,col=…::…` line a
//! diagnostic, then the summary.

use std::io::{self, Write};

use super::Outcome;
use crate::diagnostic::Severity;

pub(super) fn write(outcome: &Outcome, out: &mut impl Write) -> io::Result<()> {
    for d in outcome.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut properties = Vec::new();
        if let Some(file) = &d.file {
            properties.push(format!("file={}", property(&outcome.shown(file).display().to_string())));
        }
        if let Some(place) = &d.place {
            properties.push(format!("line={}", place.line));
            properties.push(format!("col={}", place.column));
        }
        properties.push(format!("title={}", property(&format!("tracebrief {}", d.code))));
        let mut message = d.message.clone();
        for r in &d.related {
            message.push_str(&format!(
                "\n{}: {}:{}:{}",
                r.message,
                outcome.shown(&r.place.file).display(),
                r.place.line,
                r.place.column
            ));
        }
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        writeln!(out, "::{command} {}::{}", properties.join(","), data(&message))?;
    }
    writeln!(out, "{}", outcome.summary())
}

/// Escapes a command's message (GitHub's `escapeData`).
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command's property value (GitHub's `escapeProperty`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
