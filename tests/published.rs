//! End-to-end tests of what the site publishes: every number is the one its
//! sentence states — at the precision it is stated, in pence where the seed
//! says pence — dates and years are figures too, no number escapes the
//! check (list numbering, attributes a reader is shown, static pages), and
//! a wrong number is reported once, where it was written.
//!
//! The fixture `results-pence` is a company-results story in this project's
//! own words, with the forms UK results use: a loss per share of 10.3p
//! against earnings of 10.4p, a 3p dividend to rise to 6.5p.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Project, Run, read_page};
use serde_json::Value;

const FIXTURE: &str = "results-pence";
const SHEET: &str = "content/harbour-foods.yaml";
const SLUG: &str = "harbour-foods";

/// The `untraced-published-number` errors of a `check --format json` run.
fn untraced(run: &Run) -> Vec<Value> {
    let report = run.json();
    let all = report["diagnostics"].as_array().cloned().unwrap_or_default();
    all.into_iter().filter(|d| d["code"] == "untraced-published-number").collect()
}

/// (file relative to the project root, line, column) of a diagnostic of the JSON report.
fn place(project: &Project, d: &Value) -> (String, u64, u64) {
    let file = Path::new(d["file"].as_str().unwrap_or_default());
    let file = file.strip_prefix(project.root()).unwrap_or(file).to_string_lossy().replace('\\', "/");
    (file, d["line"].as_u64().unwrap_or(0), d["column"].as_u64().unwrap_or(0))
}

/// Line and column (1-based) of the first `needle` in `text`.
fn line_column(text: &str, needle: &str) -> (u64, u64) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} is not in the text"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line as u64, column as u64)
}

/// The elements whose start tag holds `attribute="…"`: (its value, the text up to the next tag).
fn with_attribute(html: &str, attribute: &str) -> Vec<(String, String)> {
    let marker = format!(" {attribute}=\"");
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&marker) {
        rest = &rest[at + marker.len()..];
        let value = &rest[..rest.find('"').unwrap_or(0)];
        let text_start = rest.find('>').map_or(rest.len(), |i| i + 1);
        let text = &rest[text_start..];
        let text = &text[..text.find('<').unwrap_or(text.len())];
        found.push((common::decode_entities(value), common::decode_entities(text)));
    }
    found
}

/// The text of the elements traced to a sentence, as `sN value` pairs.
fn traced_values(html: &str) -> Vec<String> {
    with_attribute(html, "data-trace").into_iter().map(|(sentence, text)| format!("{sentence} {text}")).collect()
}

// ---------------------------------------------------------------- what is published

#[test]
fn sums_under_a_pound_are_published_in_pence_as_stated() {
    let project = Project::fixture(FIXTURE);
    let out = project.beside("site");
    project.built(&out);
    let html = read_page(&out, &format!("briefings/{SLUG}/index.html"));
    let published = traced_values(&html);
    for expected in ["s2 10.3p", "s2 10.4p", "s3 3p", "s3 6.5p", "s4 £1.9bn"] {
        assert!(published.iter().any(|p| p == expected), "`{expected}` is not published: {published:?}");
    }
    assert!(!html.contains("£0.1"), "a rounded sum is published:\n{html}");
    assert!(!html.contains("£0.06"), "a rounded sum is published:\n{html}");
}

#[test]
fn dates_months_and_years_are_figures() {
    let project = Project::fixture(FIXTURE);
    let out = project.beside("site");
    project.built(&out);
    let published = traced_values(&read_page(&out, &format!("briefings/{SLUG}/index.html")));
    // `April 1` in the seed takes the year of the sheet's date, 2018
    for expected in ["s5 1 April 2018", "s6 March 2026", "s2 2016"] {
        assert!(published.iter().any(|p| p == expected), "`{expected}` is not published: {published:?}");
    }

    let sheet = project.read(SHEET);
    project.write(SHEET, sheet.replace("value: 2018-04-01", "value: 2019-04-01"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    assert!(run.text().contains("untraced-number"), "a date the seed does not state traced:\n{}", run.shown());
    assert!(run.text().contains("--04-01"), "the help does not offer the day as the seed gives it:\n{}", run.shown());

    // the day as the seed gives it, without a year, is published without one
    project.write(SHEET, sheet.replace("value: 2018-04-01", "value: --04-01"));
    project.built(&out);
    let published = traced_values(&read_page(&out, &format!("briefings/{SLUG}/index.html")));
    assert!(published.iter().any(|p| p == "s5 1 April"), "the day without a year: {published:?}");
}

#[test]
fn an_approx_figure_is_published_as_its_own_value_and_no_other_rounding() {
    let project = Project::fixture(FIXTURE);
    let out = project.beside("site");
    project.built(&out);
    let published = traced_values(&read_page(&out, &format!("briefings/{SLUG}/index.html")));
    assert!(published.iter().any(|p| p == "s4 £2bn"), "the approx figure: {published:?}");

    // a template may cite s4 for the approx figure's value, never for another rounding
    project.write("templates/index.html", template_citing("s4", "£2bn"));
    project.check(&[]).assert_exit(0);
    project.write("templates/index.html", template_citing("s4", "£1.90bn"));
    project.check(&[]).assert_exit(0);
    project.write("templates/index.html", template_citing("s4", "£1.8bn"));
    project.check(&[]).assert_exit(1);
}

/// The built-in home page with a cell citing sentence `sentence` of the fixture's briefing.
fn template_citing(sentence: &str, text: &str) -> String {
    let home = std::fs::read_to_string(common::manifest_dir().join("templates/index.html")).expect("the home page");
    home.replace(
        "{% endblock content %}",
        &format!(
            "<p data-briefing=\"{SLUG}\"><span data-trace=\"{sentence}\">{text}</span></p>\n{{% endblock content %}}"
        ),
    )
}

#[test]
fn a_rounding_of_a_stated_sum_fails_in_a_template_or_a_summary() {
    let project = Project::fixture(FIXTURE);
    project.write("templates/index.html", template_citing("s2", "£0.10"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    assert_eq!(found.len(), 1, "{:#}", run.json());
    assert!(found[0]["message"].as_str().is_some_and(|m| m.contains("`£0.10`") && m.contains("s2 does not state it")));
    assert_eq!(place(&project, &found[0]).0, "templates/index.html");

    let project = Project::fixture(FIXTURE);
    let sheet = project.read(SHEET);
    project.write(SHEET, sheet.replace("a £1.9bn loss for 2017.", "a £1.9bn loss for 2017, or £0.10 a share."));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    assert_eq!(found.len(), 1, "{:#}", run.json());
    let (line, column) = line_column(&project.read(SHEET), "£0.10");
    assert_eq!(place(&project, &found[0]), (SHEET.to_string(), line, column));
}

/// The home page with `html` added, inside the briefing's `data-briefing`.
fn template_showing(html: &str) -> String {
    let home = std::fs::read_to_string(common::manifest_dir().join("templates/index.html")).expect("the home page");
    home.replace(
        "{% endblock content %}",
        &format!("<div data-briefing=\"{SLUG}\">{html}</div>\n{{% endblock content %}}"),
    )
}

#[test]
fn an_element_that_renders_a_sentence_publishes_only_what_the_sentence_states() {
    // the sentence word for word, part of it marked, and a link naming it: all stated
    let project = Project::fixture(FIXTURE);
    project.write(
        "templates/index.html",
        template_showing(
            "<q data-sentence=\"s2\">Harbour Foods reported a loss of <mark>10.3</mark>p a share for the year, \
             against earnings of 10.4p a share\n in 2016.</q> <a href=\"x\" data-sentence=\"s2\">s2</a>",
        ),
    );
    project.check(&[]).assert_exit(0);

    // the sentence with one number changed, and a number beside the sentence it does not state
    let project = Project::fixture(FIXTURE);
    let changed = "<q data-sentence=\"s2\">Harbour Foods reported a loss of 10.8p a share for the year, \
                   against earnings of 10.4p a share in 2016.</q>";
    let beside = "<p data-sentence=\"s3\">The board held the dividend at 3p a share and plans to lift it \
                  to 6.5p in 2018. <small>Up 7%</small></p>";
    project.write("templates/index.html", template_showing(&format!("{changed}\n{beside}")));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found: Vec<String> =
        untraced(&run).iter().map(|d| d["message"].as_str().unwrap_or_default().to_string()).collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].contains("`10.8p`") && found[0].contains("s2 does not state it"), "{found:#?}");
    assert!(found[1].contains("`7%`") && found[1].contains("s3 does not state it"), "{found:#?}");
}

#[test]
fn derived_marks_counts_and_nothing_else() {
    // the fixture's briefing has 10 figures, on the one page of the home page:
    // printed from the data, they pass; written by the template, they do not,
    // even where the page has such a count or a list that long
    let project = Project::fixture(FIXTURE);
    let printed = "{% for b in briefings %}<p data-trace=\"derived\">{{ b.figures }} figures</p>{% endfor %}";
    project.write("templates/index.html", template_showing(printed));
    project.check(&[]).assert_exit(0);
    let project = Project::fixture(FIXTURE);
    project.write("templates/index.html", template_showing("<p data-trace=\"derived\">10 figures on {{ 1 }} page</p>"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    let messages: Vec<&str> = found.iter().filter_map(|d| d["message"].as_str()).collect();
    assert_eq!(messages.len(), 2, "{:#}", run.json());
    for (message, number) in messages.iter().zip(["`10`", "`1`"]) {
        assert!(message.contains(number) && message.contains("the template writes it itself"), "{message}");
    }
    let (line, column) = line_column(&project.read("templates/index.html"), "10 figures");
    assert_eq!(place(&project, &found[0]), ("templates/index.html".to_string(), line, column));
    let out = project.beside("site");
    project.build(&out, &[]).assert_exit(1);
    assert!(!out.exists(), "a refused build wrote the site");

    let project = Project::fixture(FIXTURE);
    project.write("templates/index.html", template_showing("<p data-trace=\"derived\">Loss per share: £0.10</p>"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    assert_eq!(found.len(), 1, "{:#}", run.json());
    assert!(found[0]["message"].as_str().is_some_and(|m| m.contains("`£0.10`") && m.contains("derives only counts")));

    // a count is derived only if the page's template was given it: a place in a list, a count
    let project = Project::fixture(FIXTURE);
    let counted = "{% for b in briefings %}<p data-trace=\"derived\">{{ loop.index }}: {{ b.figures }}</p>{% endfor %}";
    project.write("templates/index.html", template_showing(counted));
    project.check(&[]).assert_exit(0);
    let project = Project::fixture(FIXTURE);
    project.write("templates/index.html", template_showing("<p data-trace=\"derived\">987 dead</p>"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    assert_eq!(found.len(), 1, "{:#}", run.json());
    assert!(found[0]["message"].as_str().is_some_and(|m| m.contains("`987`") && m.contains("given no such count")));
    let (line, column) = line_column(&project.read("templates/index.html"), "987");
    assert_eq!(place(&project, &found[0]), ("templates/index.html".to_string(), line, column));
}

#[test]
fn meta_marks_the_sheets_own_values_and_nothing_else() {
    // the sheet's date, written as the site writes it and as the sheet does
    let project = Project::fixture(FIXTURE);
    let dated = "{% for b in briefings %}<p data-trace=\"meta\">{{ b.briefing.date.text }} ({{ b.briefing.date.iso }})</p>{% endfor %}";
    project.write("templates/index.html", template_showing(dated));
    project.check(&[]).assert_exit(0);

    // a number the template writes itself is no value of the sheet, however it is marked
    let project = Project::fixture(FIXTURE);
    project.write(
        "templates/index.html",
        template_showing("<p data-trace=\"meta\">Owned 45% by 987 funds since 1998</p>"),
    );
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    let messages: Vec<&str> = found.iter().filter_map(|d| d["message"].as_str()).collect();
    assert_eq!(messages.len(), 3, "{:#}", run.json());
    for (message, number) in messages.iter().zip(["`45%`", "`987`", "`1998`"]) {
        assert!(message.contains(number) && message.contains("no date, publisher or address"), "{message}");
    }
    let (line, column) = line_column(&project.read("templates/index.html"), "45%");
    assert_eq!(place(&project, &found[0]), ("templates/index.html".to_string(), line, column));
    let out = project.beside("site");
    project.build(&out, &[]).assert_exit(1);
    assert!(!out.exists(), "a refused build wrote the site");
}

#[test]
fn noscript_is_read_as_readers_without_scripts_see_it() {
    let project = Project::fixture(FIXTURE);
    project
        .write("templates/index.html", template_showing("<noscript><p>Turn on scripts: sales rose 45%</p></noscript>"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    assert_eq!(found.len(), 1, "{:#}", run.json());
    assert!(found[0]["message"].as_str().is_some_and(|m| m.contains("`45%`")), "{:#}", found[0]);
}

#[test]
fn numbers_css_draws_are_published_numbers() {
    // the built-in stylesheet draws `data-label` on narrow screens: a number there is shown
    let project = Project::fixture(FIXTURE);
    project.write("templates/index.html", template_showing("<p data-label=\"£9.9bn\">Figures</p>"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    assert_eq!(found.len(), 1, "{:#}", run.json());
    assert!(found[0]["message"].as_str().is_some_and(|m| m.contains("`£9.9bn`")), "{:#}", found[0]);

    // strings of `content`, in the theme's stylesheet, in static/ and in a page's <style>
    let project = Project::fixture(FIXTURE);
    let style = std::fs::read_to_string(common::manifest_dir().join("templates/style.css")).expect("the stylesheet");
    project.write("templates/style.css", format!("{style}\n.kicker::after {{ content: \" up 45%\"; }}\n"));
    project.write("static/extra.css", "p::before { content: '\\A3 987bn'; }\n");
    project.write("templates/index.html", template_showing("<style>h2::after { content: \" (12 dead)\" }</style>"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    let said = |text: &str| found.iter().find(|d| d["message"].as_str().is_some_and(|m| m.contains(text)));
    for (text, file) in
        [("`45%`", "templates/style.css"), ("`£987bn`", "static/extra.css"), ("`12`", "templates/index.html")]
    {
        let d = said(text).unwrap_or_else(|| panic!("{text} is not reported: {:#}", run.json()));
        assert!(d["message"].as_str().is_some_and(|m| m.contains("CSS draws it")), "{d:#}");
        assert_eq!(place(&project, d).0, file, "{d:#}");
    }
    let (line, column) = line_column(&project.read("templates/style.css"), "45%");
    assert_eq!(place(&project, said("`45%`").expect("45%")), ("templates/style.css".to_string(), line, column));
    assert_eq!(found.len(), 3, "{:#}", run.json());

    // strings that draw no number, and numbers CSS does not draw, pass
    let project = Project::fixture(FIXTURE);
    project.write("static/extra.css", "body { font-family: \"Univers 55\"; } q::before { content: \"\\201C\"; }\n");
    project.check(&[]).assert_exit(0);
}

#[test]
fn the_summary_links_the_years_and_dates_its_seed_states() {
    let project = Project::fixture(FIXTURE);
    let out = project.beside("site");
    project.built(&out);
    let html = read_page(&out, &format!("briefings/{SLUG}/index.html"));
    let summary = &html[html.find("class=\"summary\"").expect("a summary")..];
    let summary = &summary[..summary.find("</section>").expect("the end of the summary")];
    // each shows its sentence, and links to it on the source page
    let traced: Vec<(String, String)> =
        with_attribute(summary, "data-trace").into_iter().map(|(trace, text)| (text, trace)).collect();
    let links: Vec<String> = with_attribute(summary, "href").into_iter().map(|(href, _)| href).collect();
    for (text, sentence) in [("£1.9bn", "s4"), ("2017", "s4"), ("April 1", "s5")] {
        assert!(traced.contains(&(text.to_string(), sentence.to_string())), "{text} → {sentence} not in {traced:?}");
        assert!(links.contains(&format!("source.html#{sentence}")), "no link to {sentence} in {links:?}");
    }

    let sheet = project.read(SHEET);
    project.write(SHEET, sheet.replace("loss for 2017", "loss for 2019"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    assert_eq!(found.len(), 1, "{:#}", run.json());
    let message = found[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("`2019` in the summary"), "{message}");
    let (line, column) = line_column(&project.read(SHEET), "2019");
    assert_eq!(place(&project, &found[0]), (SHEET.to_string(), line, column));
}

// ---------------------------------------------------------------- no number escapes

#[test]
fn a_static_page_is_checked_like_a_rendered_one() {
    let project = Project::fixture(FIXTURE);
    project.write("static/about.html", "<!doctype html>\n<title>About</title>\n<p>We have 42 staff and £9bn.</p>\n");
    project.write("static/notes.htm", "<p data-trace=\"meta\">Founded in 1998.</p>\n");
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    let places: Vec<(String, u64, u64)> = found.iter().map(|d| place(&project, d)).collect();
    assert_eq!(places, [("static/about.html".into(), 3, 12), ("static/about.html".into(), 3, 25)]);
    let help = found[0]["help"].as_str().unwrap_or_default();
    assert!(help.contains("template") && help.contains("data-trace=\"meta\""), "{help}");
    let out = project.beside("site");
    project.build(&out, &[]).assert_exit(1);
    assert!(!out.exists(), "a refused build wrote the site");
}

#[test]
fn list_numbering_and_shown_attributes_are_read() {
    let project = Project::fixture(FIXTURE);
    let sheet = project.read(SHEET);
    project.write(SHEET, sheet.replace("summary: |\n", "summary: |\n  500. The first point.\n\n"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    assert_eq!(found.len(), 1, "{:#}", run.json());
    assert_eq!(place(&project, &found[0]), (SHEET.to_string(), 5, 3));

    for attribute in ["title=\"5%\"", "aria-label=\"3 ministers\"", "alt=\"a 40% rise\""] {
        let project = Project::fixture(FIXTURE);
        let home = template_citing("s2", "10.3p");
        project.write(
            "templates/index.html",
            home.replace("</p>\n{% endblock", &format!("<b {attribute}>x</b></p>\n{{% endblock")),
        );
        let run = project.check(&["--format", "json"]);
        run.assert_exit(1);
        let found = untraced(&run);
        assert_eq!(found.len(), 1, "{attribute}: {:#}", run.json());
        let text = project.read("templates/index.html");
        let (line, _) = line_column(&text, &format!("{attribute}>"));
        assert_eq!(place(&project, &found[0]).0, "templates/index.html", "{attribute}");
        assert_eq!(place(&project, &found[0]).1, line, "{attribute}");
    }
}

#[test]
fn a_wrong_number_in_a_title_is_reported_once_at_its_line() {
    let project = Project::fixture(FIXTURE);
    let sheet = project.read(SHEET);
    project.write(SHEET, sheet.replace("as costs climb", "as costs climb 12%"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    assert_eq!(found.len(), 1, "{:#}", run.json());
    let (line, column) = line_column(&project.read(SHEET), "12%");
    assert_eq!(place(&project, &found[0]), (SHEET.to_string(), line, column));
    let message = found[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("`12%` in the title is published on") && message.contains(" pages"), "{message}");

    let label = sheet.replace("label: Dividend per share", "label: Dividend per share, up 7%");
    project.write(SHEET, label);
    let found = untraced(&project.check(&["--format", "json"]));
    assert_eq!(found.len(), 1);
    assert!(found[0]["message"].as_str().is_some_and(|m| m.contains("the label of figure `dividend`")));

    // a role is shown on actor pages, which cite no sentence: its number is
    // reported at the role, even where the seed states it (2016)
    project.write(SHEET, sheet.replace("role: Chief executive of Harbour Foods", "role: chief executive since 2016"));
    let found = untraced(&project.check(&["--format", "json"]));
    let message = found.first().and_then(|d| d["message"].as_str()).unwrap_or_default().to_string();
    assert!(message.contains("in the role of `mara-quinn`") && message.contains("actor pages"), "{found:#?}");
}

// ---------------------------------------------------------------- inputs

#[test]
fn a_quoted_value_is_text_not_a_number() {
    let project = Project::fixture(FIXTURE);
    let sheet = project.read(SHEET);
    project.write(SHEET, sheet.replace("value: 4.2\n", "value: '4.2'\n"));
    let run = project.check(&[]);
    run.assert_exit(2);
    assert!(run.text().contains("error[wrong-type]"), "{}", run.shown());
    assert!(run.text().contains("remove the quotes"), "{}", run.shown());
}

#[test]
fn inputs_that_are_no_regular_files_are_refused() {
    let project = Project::fixture(FIXTURE);
    let sheet = project.read(SHEET);
    std::fs::create_dir_all(project.root().join("seeds/folder.txt")).expect("a folder");
    project.write(SHEET, sheet.replace("source: seeds/harbour-foods.txt", "source: seeds/folder.txt"));
    let run = project.check(&[]);
    run.assert_exit(2);
    assert!(run.text().contains("is a directory"), "{}", run.shown());

    project.write(SHEET, sheet.replace("source: seeds/harbour-foods.txt", "source: ''"));
    let run = project.check(&[]);
    run.assert_exit(2);
    assert!(run.text().contains("`source:` is empty"), "{}", run.shown());

    let project = Project::fixture(FIXTURE);
    project.write("static/.tracebrief-site", "tracebrief site\n");
    let run = project.check(&[]);
    run.assert_exit(2);
    assert!(run.text().contains("static/.tracebrief-site"), "{}", run.shown());

    let project = Project::fixture(FIXTURE);
    let long = "a".repeat(300);
    let sheet = project.read(SHEET).replace("id: harbour-foods\n", &format!("id: {long}\n"));
    project.write(SHEET, sheet.replace("- id: dividend\n", &format!("- id: dividend\n    actor: {long}\n")));
    let run = project.check(&[]);
    run.assert_exit(2);
    assert!(run.text().contains("300 bytes"), "{}", run.shown());
}

#[cfg(unix)]
#[test]
fn a_fifo_among_the_inputs_is_an_error_not_a_hang() {
    for place in ["static/feed.html", "templates/index.html", "seeds/harbour-foods.txt", "tracebrief.yaml"] {
        let project = Project::fixture(FIXTURE);
        let path = project.root().join(place);
        let _ = std::fs::remove_file(&path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("creating the folder");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this machine
        }
        let run = run_with_deadline(&project, Duration::from_secs(20));
        run.assert_exit(2);
        assert!(run.text().contains("not a regular file"), "{place}: {}", run.shown());
    }
}

/// `check` of `project`, killed (and the test failed) if it runs past `deadline`.
#[cfg(unix)]
fn run_with_deadline(project: &Project, deadline: Duration) -> Run {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tracebrief"))
        .args(["check", "--root"])
        .arg(project.root())
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starting tracebrief");
    let started = Instant::now();
    while child.try_wait().expect("waiting for tracebrief").is_none() {
        if started.elapsed() > deadline {
            let _ = child.kill();
            panic!("check hung on a FIFO");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Run::new("check", child.wait_with_output().expect("the output of tracebrief"))
}

#[cfg(unix)]
#[test]
fn no_input_may_lead_outside_the_project() {
    // (what is linked, how: given the folder outside and the project root)
    type Setup = fn(&Path, &Path);
    let cases: [(&str, Setup); 4] = [
        ("static/linked.html", |outside, root| link(&outside.join("page.html"), &root.join("static/linked.html"))),
        ("templates", |outside, root| link(outside, &root.join("templates"))),
        ("content/other.yaml", |outside, root| link(&outside.join("sheet.yaml"), &root.join("content/other.yaml"))),
        ("tracebrief.yaml", |outside, root| link(&outside.join("settings.yaml"), &root.join("tracebrief.yaml"))),
    ];
    for (what, setup) in cases {
        let project = Project::fixture(FIXTURE);
        let outside = project.beside("outside");
        std::fs::create_dir_all(&outside).expect("a folder outside");
        for file in ["page.html", "sheet.yaml", "settings.yaml", "index.html"] {
            std::fs::write(outside.join(file), "title: x\n").expect("a file outside");
        }
        std::fs::create_dir_all(project.root().join("static")).expect("static/");
        setup(&outside, &project.root());
        let run = project.check(&[]);
        run.assert_exit(2);
        let expected = format!("{what} leads outside the project root through a symbolic link");
        assert!(run.text().contains(&expected), "{what}: {}", run.shown());
    }
}

#[cfg(unix)]
fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap_or_else(|e| panic!("linking {}: {e}", at.display()));
}

#[test]
fn a_number_in_the_site_title_is_reported_once_at_tracebrief_yaml() {
    let project = Project::fixture(FIXTURE);
    project.write("tracebrief.yaml", "title: Results for 2025\n");
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    assert_eq!(found.len(), 1, "{:#}", run.json());
    assert_eq!(place(&project, &found[0]), ("tracebrief.yaml".to_string(), 1, 20));
}

#[test]
fn numbers_of_any_size_and_script_are_read() {
    for number in ["100000000000000000000000000000", "١٢٣", "１２３", "४२"] {
        let project = Project::fixture(FIXTURE);
        project.write("static/about.html", format!("<p>About {number} people.</p>\n"));
        let run = project.check(&["--format", "json"]);
        run.assert_exit(1);
        let found = untraced(&run);
        assert_eq!(found.len(), 1, "{number}: {:#}", run.json());
        assert!(found[0]["message"].as_str().is_some_and(|m| m.contains(number)), "{number}: {:#}", found[0]);
        // the mention starts at its hedge, "About"
        assert_eq!(place(&project, &found[0]), ("static/about.html".to_string(), 1, 4));

        // and `scan` lists it
        project.write("seeds/other.txt", format!("About {number} people.\n"));
        let scanned = project.scan_json("seeds/other.txt");
        let mentions = scanned["sentences"][0]["numbers"].as_array().cloned().unwrap_or_default();
        assert_eq!(mentions.len(), 1, "{number}: {scanned:#}");
        assert_eq!(mentions[0]["text"], format!("About {number}"));
    }
}

/// The fixture with its sheet's seed made `text`; the seed's path.
fn with_seed(text: &str) -> (Project, String) {
    let project = Project::fixture(FIXTURE);
    let seed = project.read(SHEET).lines().find_map(|l| l.strip_prefix("source: ").map(str::to_string));
    let seed = seed.expect("the sheet names its seed");
    project.write(&seed, text);
    (project, seed)
}

#[test]
fn times_of_races_and_of_day_are_figures_as_the_seed_writes_them() {
    let (project, seed) = with_seed(
        "Harbour Foods runs a race\n\n\
         Ana Reyes won the staff mile in 3:58.20 on Sunday. \
         Tom Kell ran the marathon in 2:05:41, and the race began at 9:30 a.m.\n",
    );
    let out = project.beside("site");
    let sheet = |mile: &str| {
        format!(
            "title: Harbour Foods runs a race\nsource: {seed}\nnumbers:\n\
             \x20 - {{id: mile, label: Winning mile, value: \"{mile}\"}}\n\
             \x20 - {{id: marathon, label: Marathon, value: \"2:05:41\"}}\n\
             \x20 - {{id: start, label: Start, value: \"09:30\"}}\n"
        )
    };
    project.write(SHEET, sheet("3:58.20"));
    project.built(&out);
    let published = traced_values(&read_page(&out, &format!("briefings/{SLUG}/index.html")));
    for expected in ["s2 3:58.2", "s3 2:05:41", "s3 9:30"] {
        assert!(published.iter().any(|p| p == expected), "`{expected}` is not published: {published:?}");
    }
    // a time the seed does not give does not trace
    project.write(SHEET, sheet("3:58.21"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    assert!(run.text().contains("untraced-number"), "a time the seed does not state traced:\n{}", run.shown());
}

#[test]
fn a_duration_in_words_is_one_time_published_as_a_clock_shows_it() {
    let (project, seed) =
        with_seed("Harbour Foods leads the race\n\nThe Harbour Foods crew leads by a minute and 26 seconds.\n");
    let out = project.beside("site");
    let sheet = |gap: &str| {
        format!(
            "title: Harbour Foods leads the race\nsource: {seed}\nnumbers:\n\
             \x20 - {{id: gap, label: Lead of the crew, {gap}}}\n"
        )
    };
    project.write(SHEET, sheet("value: \"1:26\""));
    project.built(&out);
    let published = traced_values(&read_page(&out, &format!("briefings/{SLUG}/index.html")));
    assert!(published.iter().any(|p| p == "s2 1:26"), "the lead: {published:?}");
    // its last unit alone is no statement of it
    project.write(SHEET, sheet("value: 26, unit: seconds"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    assert!(run.text().contains("untraced-number"), "26 seconds traced:\n{}", run.shown());
}

#[test]
fn a_date_or_a_time_takes_no_unit() {
    let (project, seed) =
        with_seed("Harbour Foods runs a race\n\nAna Reyes won the staff mile in 3:58.20 on 1 April 2018.\n");
    for (value, what) in [("\"3:58.20\"", "a time figure"), ("2018-04-01", "a date figure")] {
        project.write(
            SHEET,
            format!(
                "title: Harbour Foods runs a race\nsource: {seed}\nnumbers:\n\
                 \x20 - {{id: mile, label: Winning mile, value: {value}, unit: seconds}}\n"
            ),
        );
        let run = project.check(&[]);
        run.assert_exit(2);
        assert!(run.text().contains(&format!("{what} takes no `unit:`")), "{}", run.shown());
    }
}

#[test]
fn an_amount_of_a_unit_and_a_half_is_published_whole() {
    let (project, seed) =
        with_seed("Harbour Foods settles\n\nThe hearing lasted an hour and a half before the firm settled.\n");
    let out = project.beside("site");
    let sheet = |value: &str| {
        format!(
            "title: Harbour Foods settles\nsource: {seed}\nnumbers:\n\
             \x20 - {{id: hearing, label: Length of the hearing, {value}}}\n"
        )
    };
    project.write(SHEET, sheet("value: 1.5, unit: hours"));
    project.built(&out);
    let published = traced_values(&read_page(&out, &format!("briefings/{SLUG}/index.html")));
    assert!(published.iter().any(|p| p == "s2 1.5 hours"), "the hearing: {published:?}");
    // the half alone is no statement of it
    project.write(SHEET, sheet("value: 0.5, unit: hours"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    assert!(run.text().contains("untraced-number"), "0.5 hours traced:\n{}", run.shown());
}

#[test]
fn a_range_in_a_label_is_read_whole_as_its_sentence_reads_it() {
    let (project, seed) = with_seed(
        "Harbour Foods ships more grain\n\n\
         Grain shipped by Harbour Foods rose to 41,000 tons in the Nov. 2-16 period, its figures showed.\n",
    );
    let sheet = |period: &str| {
        format!(
            "title: Harbour Foods ships more grain\nsource: {seed}\nnumbers:\n\
             \x20 - {{id: grain, label: Grain shipped in the {period} period, value: 41000, unit: tons}}\n\
             summary: Harbour Foods shipped 41,000 tons in the {period} period.\n"
        )
    };
    // the 16 after the dash is a day of November on the page as in the seed,
    // in the label and in the summary
    project.write(SHEET, sheet("Nov. 2-16"));
    project.check(&[]).assert_exit(0);
    // and a day the seed does not give is still reported
    project.write(SHEET, sheet("Nov. 2-18"));
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let found = untraced(&run);
    assert!(found.iter().any(|d| d["message"].as_str().unwrap_or_default().contains("18`")), "{:#}", run.json());
}
