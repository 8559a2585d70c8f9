//! The report for people: each diagnostic rustc-style, with the line of the
//! fact sheet and a caret under the value, the related place in the seed,
//! and a help line; then one summary line.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::Outcome;
use crate::diagnostic::{Diagnostic, Severity};

pub(super) fn write(outcome: &Outcome, colour: bool, out: &mut impl Write) -> io::Result<()> {
    write_each(outcome, colour, out)?;
    writeln!(out, "{}", outcome.summary())
}

/// Each diagnostic, without the summary line.
pub(super) fn write_each(outcome: &Outcome, colour: bool, out: &mut impl Write) -> io::Result<()> {
    let renderer = if colour { Renderer::styled() } else { Renderer::plain() };
    for d in outcome.diagnostics {
        let paths: Vec<String> = std::iter::once(d.file.as_deref())
            .chain(d.related.iter().map(|r| Some(r.place.file.as_path())))
            .map(|f| f.map_or(String::new(), |f| outcome.shown(f).display().to_string()))
            .collect();
        let group = group(outcome, d, &paths);
        writeln!(out, "{}\n", renderer.render(&[group]))?;
    }
    Ok(())
}

fn group<'a>(outcome: &'a Outcome, d: &'a Diagnostic, paths: &'a [String]) -> Group<'a> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    };
    let mut group = Group::with_title(level.primary_title(d.message.as_str()).id(d.code));
    let excerpt = d.place.as_ref().and_then(|p| outcome.sources.excerpt(&p.file, &p.span));
    match (&d.place, excerpt) {
        (Some(_), Some(excerpt)) => {
            let mut annotation = AnnotationKind::Primary.span(excerpt.span);
            if let Some(label) = &d.label {
                annotation = annotation.label(label.as_str());
            }
            let snippet = Snippet::source(excerpt.text).line_start(excerpt.line).path(paths[0].as_str());
            group = group.element(snippet.annotation(annotation));
        }
        (Some(place), _) => {
            group = group.element(Origin::path(paths[0].as_str()).line(place.line).char_column(place.column));
        }
        (None, _) if d.file.is_some() => group = group.element(Origin::path(paths[0].as_str())),
        (None, _) => {}
    }
    for (r, path) in d.related.iter().zip(&paths[1..]) {
        match outcome.sources.excerpt(&r.place.file, &r.place.span) {
            Some(excerpt) => {
                let annotation = AnnotationKind::Context.span(excerpt.span).label(r.message.as_str());
                let snippet = Snippet::source(excerpt.text).line_start(excerpt.line).path(path.as_str());
                group = group.element(snippet.annotation(annotation));
            }
            _ => group = group.element(Level::NOTE.message(format!("{}: {path}:{}", r.message, r.place.line))),
        }
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    group
}
