//! What `serve` adds to the pages it serves, and never to a built site: the
//! script that reloads a page once a newer build is done and, while the
//! check fails, the overlay that lists the diagnostics as the terminal shows
//! them. And the page served where the site has none.

use std::path::Path;

use htmlize::escape_text;

use super::Shown;
use crate::build::Run;
use crate::diagnostic::{Severity, Tally};
use crate::report;

const SCRIPT: &str = include_str!("live.js");
const OVERLAY_STYLE: &str = include_str!("overlay.css");

/// `html` with the overlay (while the check fails) and the script added
/// before its `</body>`, or at its end when it has none.
pub fn inject(html: &[u8], shown: &Shown) -> Vec<u8> {
    let build = serde_json::to_string(&*shown.build).unwrap_or_else(|_| "\"\"".to_string());
    let script = SCRIPT.replacen("BUILD", &build, 1);
    let added = format!("{}<script>\n{script}</script>\n", shown.overlay.as_deref().unwrap_or(""));
    let at = last_body_end(html).unwrap_or(html.len());
    let mut page = Vec::with_capacity(html.len() + added.len());
    page.extend_from_slice(&html[..at]);
    page.extend_from_slice(added.as_bytes());
    page.extend_from_slice(&html[at..]);
    page
}

/// Where the last `</body` of a page starts, in any case.
fn last_body_end(html: &[u8]) -> Option<usize> {
    const END: &[u8] = b"</body";
    (0..=html.len().checked_sub(END.len())?).rev().find(|&at| html[at..at + END.len()].eq_ignore_ascii_case(END))
}

/// The overlay of a failing run: a dialog listing its errors and warnings,
/// each as the terminal shows it (file:line:column, code, message, the line).
pub fn overlay(root: &Path, run: &Run, has_site: bool) -> String {
    let shown: Vec<_> = run.diagnostics.iter().filter(|d| d.severity != Severity::Note).collect();
    let mut items = String::new();
    for d in &shown {
        let mut text = Vec::new();
        let _ = report::write_diagnostics(root, std::slice::from_ref(*d), &run.sources, false, &mut text);
        let text = String::from_utf8_lossy(&text);
        // a long line scrolls sideways: the keyboard can scroll it too
        items.push_str(&format!("<li><pre tabindex=\"0\">{}</pre></li>\n", escape_text(text.trim_end())));
    }
    let tally = Tally::of(&run.diagnostics);
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let under =
        if has_site { "The page behind this is from the last build that passed" } else { "No build has passed yet" };
    format!(
        "<dialog id=\"tracebrief-overlay\" role=\"alertdialog\" aria-modal=\"true\" \
         aria-labelledby=\"tracebrief-overlay-title\" aria-describedby=\"tracebrief-overlay-summary\" tabindex=\"-1\" open>\n\
         <style>\n{OVERLAY_STYLE}</style>\n\
         <h2 id=\"tracebrief-overlay-title\">The check failed: {}, {}</h2>\n\
         <p id=\"tracebrief-overlay-summary\">{under}; it reloads when a build passes. Fix what is listed here and save.</p>\n\
         <ol>\n{items}</ol>\n\
         <form method=\"dialog\"><button type=\"submit\" autofocus>Hide until the next build</button></form>\n\
         </dialog>\n",
        plural(tally.errors, "error"),
        plural(tally.warnings, "warning"),
    )
}

/// The page served at `path` where the site has none (and no `404.html`).
pub fn missing(path: &str, has_site: bool) -> String {
    let (title, text) = if has_site {
        ("Not found".to_string(), format!("The site has no page at {}.", escape_text(path)))
    } else {
        ("No site yet".to_string(), "The site is served here once the project's check passes.".to_string())
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n\
         <style>:root {{ color-scheme: light dark; font-family: system-ui, sans-serif; }}</style>\n</head>\n\
         <body>\n<main>\n<h1>{title}</h1>\n<p>{text} <a href=\"/\">The home page</a>.</p>\n</main>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::diagnostic::{Diagnostic, Place, Sources};
    use crate::trace::Trace;

    fn shown(overlay: Option<&str>) -> Shown {
        Shown { files: Arc::default(), overlay: overlay.map(Arc::from), build: Arc::from("7-1") }
    }

    #[test]
    fn the_script_goes_before_the_last_end_of_body() {
        let page = inject(b"<html><body><p>x</p></BODY>\n</html>\n", &shown(None));
        let page = String::from_utf8(page).unwrap();
        let script = page.find("<script>").unwrap();
        assert!(script > page.find("<p>x</p>").unwrap() && script < page.find("</BODY>").unwrap(), "{page}");
        assert!(page.contains("const build = \"7-1\";"), "{page}");
        assert!(page.ends_with("</BODY>\n</html>\n"));
    }

    #[test]
    fn a_page_without_a_body_gets_the_script_at_its_end() {
        let page = String::from_utf8(inject(b"<p>a fragment</p>", &shown(Some("<dialog>x</dialog>")))).unwrap();
        assert!(page.starts_with("<p>a fragment</p><dialog>x</dialog><script>"), "{page}");
        assert!(page.ends_with("</script>\n"));
    }

    #[test]
    fn the_overlay_lists_each_diagnostic_as_the_terminal_shows_it() {
        let mut sources = Sources::default();
        let yaml = "title: A\nnumbers:\n  - value: 2.4\n";
        sources.add(Path::new("content/a.yaml"), yaml);
        let d = Diagnostic::error("untraced-number", "2.4% is not stated in any sentence of seeds/a.txt")
            .at(Place::new(Path::new("content/a.yaml"), yaml, 28..31))
            .label("not <stated>");
        let run = Run { trace: Trace::default(), diagnostics: vec![d], sources, briefings: Vec::new() };
        let html = overlay(Path::new("."), &run, true);
        assert!(html.contains("role=\"alertdialog\""));
        assert!(html.contains("The check failed: 1 error, 0 warnings"));
        assert!(html.contains("error[untraced-number]: 2.4% is not stated in any sentence of seeds/a.txt"), "{html}");
        assert!(html.contains("content/a.yaml:3:11"), "{html}");
        assert!(html.contains("not &lt;stated&gt;"), "{html}");
    }
}
