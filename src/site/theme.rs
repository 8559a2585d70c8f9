//! The theme: the built-in templates and stylesheet, embedded in the binary,
//! and the project's own `templates/`, whose files replace the built-in ones
//! of the same name (Zola's `__zola_builtins`, mdBook's `Theme::new`).
//! Template errors become diagnostics at the template's file, line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::{ErrorKind, Tera};

use crate::diagnostic::{Diagnostic, Place, Sources};

/// The built-in theme, whose sources are the repository's `templates/`.
const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("head.html", include_str!("../../templates/head.html")),
    ("components.html", include_str!("../../templates/components.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("briefing.html", include_str!("../../templates/briefing.html")),
    ("source.html", include_str!("../../templates/source.html")),
    ("actors.html", include_str!("../../templates/actors.html")),
    ("actor.html", include_str!("../../templates/actor.html")),
    ("facts.html", include_str!("../../templates/facts.html")),
    ("quotes.html", include_str!("../../templates/quotes.html")),
    ("print.html", include_str!("../../templates/print.html")),
    ("pagination.html", include_str!("../../templates/pagination.html")),
    ("feed.xml", include_str!("../../templates/feed.xml")),
];

/// The built-in stylesheet; `templates/style.css` replaces it.
const STYLE: &str = include_str!("../../templates/style.css");

/// The printable briefing's stylesheet, inlined in each print page; `templates/print.css` replaces it.
const PRINT_STYLE: &str = include_str!("../../templates/print.css");

/// The search page's script; `templates/search.js` replaces it.
const SEARCH_SCRIPT: &str = include_str!("../../templates/search.js");

/// Where a template came from, for messages.
#[derive(Debug, Clone)]
struct Origin {
    /// `templates/briefing.html`, or `<built-in>/briefing.html`.
    file: PathBuf,
    text: String,
}

pub struct Theme {
    pub tera: Tera,
    pub style: String,
    pub print_style: String,
    /// Where the two stylesheets come from, as messages name them.
    pub style_files: [PathBuf; 2],
    pub search_script: String,
    origins: BTreeMap<String, Origin>,
}

impl Theme {
    /// The built-in theme with the project's `templates/` over it.
    pub fn load(root: &Path, sources: &mut Sources) -> Result<Theme, Vec<Diagnostic>> {
        let mut origins: BTreeMap<String, Origin> = BUILT_IN
            .iter()
            .map(|(name, text)| {
                let origin = Origin { file: PathBuf::from("<built-in>").join(name), text: text.to_string() };
                (name.to_string(), origin)
            })
            .collect();
        let mut style = STYLE.to_string();
        let mut print_style = PRINT_STYLE.to_string();
        let mut search_script = SEARCH_SCRIPT.to_string();
        let mut style_files = ["style.css", "print.css"].map(|name| PathBuf::from("<built-in>").join(name));
        let mut problems = Vec::new();
        for (name, file, text) in user_templates(root, &mut problems) {
            if name == "style.css" {
                style = text;
                style_files[0] = file;
            } else if name == "print.css" {
                print_style = text;
                style_files[1] = file;
            } else if name == "search.js" {
                search_script = text;
            } else if name.ends_with(".html") || name == "feed.xml" {
                origins.insert(name, Origin { file, text });
            }
        }
        for origin in origins.values() {
            sources.add(&origin.file, &origin.text);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        tera.register_filter("css_string", css_string);
        let theme = Theme { tera, style, print_style, style_files, search_script, origins };
        let templates: Vec<(String, String)> = theme.origins.iter().map(|(n, o)| (n.clone(), o.text.clone())).collect();
        let mut theme = theme;
        theme.tera.add_raw_templates(templates).map_err(|e| vec![theme.diagnostic(&e)])?;
        Ok(theme)
    }

    /// The text of every template and stylesheet.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        let templates = self.origins.values().map(|o| o.text.as_str());
        [self.style.as_str(), self.print_style.as_str()].into_iter().chain(templates)
    }

    /// Every template, as its file and its text.
    pub fn templates(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.origins.values().map(|o| (o.file.as_path(), o.text.as_str()))
    }

    /// The file a template is read from, as messages name it.
    pub fn file_of(&self, template: &str) -> Option<&Path> {
        self.origins.get(template).map(|o| o.file.as_path())
    }

    /// The templates a page's template is made of: itself, what it extends or
    /// includes, and the components every template may use.
    pub fn sources_of(&self, template: &str) -> Vec<(&Path, &str)> {
        let mut names = vec![template.to_string(), "components.html".to_string()];
        let mut i = 0;
        while i < names.len() {
            if let Some(origin) = self.origins.get(&names[i]) {
                for used in referenced_templates(&origin.text) {
                    if !names.contains(&used) {
                        names.push(used);
                    }
                }
            }
            i += 1;
        }
        names.iter().filter_map(|n| self.origins.get(n)).map(|o| (o.file.as_path(), o.text.as_str())).collect()
    }

    /// A Tera error as a diagnostic at its template's line and column.
    pub fn diagnostic(&self, e: &tera::Error) -> Diagnostic {
        let report = match e.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => Some(report),
            _ => None,
        };
        let Some(report) = report else {
            return Diagnostic::input("template-error", format!("template error: {e}"))
                .help("check the templates in templates/ against the built-in ones");
        };
        let name = report.filename();
        let mut d = Diagnostic::input("template-error", report.message().to_string()).label("here").help(
            "fix the template; the built-in templates in the repository's templates/ show every variable a page gets",
        );
        if let Some(origin) = self.origins.get(name) {
            let range = report.span().range.clone();
            let range = range.start.min(origin.text.len())..range.end.min(origin.text.len());
            d = d.at(Place::new(&origin.file, &origin.text, range));
        }
        d
    }
}

/// `{{ text | css_string }}`: text for the inside of a double-quoted CSS
/// string in a `<style>` element, which HTML does not unescape: quotes,
/// backslashes, line breaks and `<` written as CSS escapes.
fn css_string(text: tera::StringInput, _: tera::Kwargs, _: &tera::State) -> tera::Value {
    let mut out = String::with_capacity(text.as_str().len());
    for c in text.as_str().chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' | '\n' | '\r' => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    tera::Value::safe_string(&out)
}

/// The names in `{% extends "…" %}`, `{% include "…" %}` and `{% import "…" %}` of a template.
fn referenced_templates(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for keyword in ["extends", "include", "import"] {
        let mut rest = text;
        while let Some(at) = rest.find(keyword) {
            rest = &rest[at + keyword.len()..];
            let quoted = rest.trim_start();
            let Some(quote) = quoted.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            if let Some(end) = quoted[1..].find(quote) {
                names.push(quoted[1..1 + end].to_string());
            }
        }
    }
    names
}

/// The project's `templates/` files: (name, path as shown, text).
fn user_templates(root: &Path, problems: &mut Vec<Diagnostic>) -> Vec<(String, PathBuf, String)> {
    let (files, refused) = crate::inputs::files_under(root, "templates", 1);
    problems.extend(refused);
    let mut out = Vec::new();
    for shown in files {
        let Some(name) = shown.file_name().and_then(|n| n.to_str()).map(str::to_string) else {
            continue;
        };
        if !(name.ends_with(".html") || ["style.css", "print.css", "feed.xml", "search.js"].contains(&name.as_str())) {
            continue;
        }
        match crate::source::read_text(&root.join(&shown), &shown) {
            Ok(text) => out.push((name, shown, text)),
            Err(e) => problems.push(e.into()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_a_template_uses() {
        let t = r#"{% extends "base.html" %}{% import "macros.html" as m %}{% include 'part.html' %}"#;
        assert_eq!(referenced_templates(t), ["base.html", "part.html", "macros.html"]);
    }

    #[test]
    fn the_built_in_theme_compiles() {
        let mut sources = Sources::default();
        assert!(Theme::load(Path::new("/nonexistent"), &mut sources).is_ok());
    }
}
