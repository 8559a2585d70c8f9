//! The site for readers and for the web: the sentence behind every figure
//! and quote shown on the spot, readers' words (the outlet, not the seed's
//! file), `base_url` (canonical links, OpenGraph, feed, sitemap, robots.txt),
//! `404.html`, the interface's languages, and what the published-number
//! check reads of feeds and meta descriptions.

mod common;

use common::{EXAMPLE_SHEET, EXAMPLE_SLUG, Project, attribute_values, elements, one_text, read_page, squeeze, texts};
use serde_json::Value;

const BRIEFING: &str = "briefings/starmer-us-backstop/index.html";
const SOURCE: &str = "briefings/starmer-us-backstop/source.html";
const PRINT: &str = "briefings/starmer-us-backstop/print.html";

/// The example, its source named as a reader knows it.
fn example_with_publisher() -> Project {
    let project = Project::example();
    let sheet = project.read(EXAMPLE_SHEET);
    project.write(
        EXAMPLE_SHEET,
        sheet.replacen(
            "date: 2025-02-17\n",
            "date: 2025-02-17\npublisher: City A.M.\nsource_title: Starmer says Ukraine deal needs US backstop\nsource_url: https://www.cityam.com/starmer-backstop/\n",
            1,
        ),
    );
    project
}

fn with_base_url(project: &Project, extra: &str) {
    project.write(
        "tracebrief.yaml",
        format!("title: Defence briefings\nbase_url: https://briefings.example.org/defence\n{extra}"),
    );
}

fn untraced(report: &Value) -> Vec<&Value> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "untraced-published-number")
        .collect()
}

// ---------------------------------------------------------------- evidence in view

#[test]
fn every_figure_and_quote_shows_its_sentence_on_the_spot() {
    let project = Project::example();
    let out = project.beside("site");
    project.built(&out);
    for page in [BRIEFING, "actors/uk/index.html"] {
        let html = read_page(&out, page);
        let buttons = elements(&html, "td.value button.ev-value");
        assert!(!buttons.is_empty(), "{page}: no figure shows its sentence");
        for b in buttons {
            let tip = &b["popovertarget"];
            assert_eq!(b.get("aria-describedby"), Some(tip), "{page}: {b:?}");
            let sentence = &b["data-trace"];
            // the tip renders the sentence itself, marked, and links to it
            let shown = elements(&html, &format!("[id=\"{tip}\"]"));
            assert_eq!(shown.len(), 1, "{page}: {tip}");
            assert_eq!(shown[0].get("data-sentence"), Some(sentence), "{page}: {tip}");
            assert!(shown[0].contains_key("popover"), "{page}: {tip} is not a popover");
            let marked = texts(&html, &format!("[id=\"{tip}\"] mark"));
            assert_eq!(marked.len(), 1, "{page}: {tip} marks the figure's words once");
        }
    }
    let html = read_page(&out, BRIEFING);
    // the summary's figures too, and the sentence each one stands in
    let summary = elements(&html, ".summary button.ev-value");
    assert_eq!(summary.len(), 3, "{summary:?}");
    // a quote of one or two words stands in its sentence, its words marked
    let short = texts(&html, "#quote-premature blockquote");
    assert!(squeeze(&short[0]).contains("characterized talk of troop deployments as 'premature'"), "{short:?}");
    assert_eq!(texts(&html, "#quote-premature blockquote mark"), ["premature"]);
    assert_eq!(elements(&html, "#quote-premature blockquote")[0].get("data-sentence").map(String::as_str), Some("s20"));
}

#[test]
fn the_source_page_marks_the_words_and_says_what_each_back_link_belongs_to() {
    let project = Project::example();
    let out = project.beside("site");
    project.built(&out);
    let html = read_page(&out, SOURCE);
    // s17 states two figures: two marks, two back-links, each named
    let marks = elements(&html, "#s17 mark");
    assert_eq!(marks.len(), 2, "{marks:?}");
    let words = texts(&html, "#s17 mark");
    assert_eq!(words, ["approximately 2.3%", "2.5%"]);
    for (mark, label) in marks
        .iter()
        .zip(["UK defense spending as a share of GDP", "UK government's target for defense spending as a share of GDP"])
    {
        let id = &mark["aria-describedby"];
        let link = one_text(&html, &format!("[id=\"{id}\"]"));
        assert_eq!(squeeze(&link), format!("Figure: {label}"));
    }
    let quote = elements(&html, "#s2 mark");
    assert_eq!(texts(&html, "#s2 mark"), ["US backstop"]);
    let link = one_text(&html, &format!("[id=\"{}\"]", quote[0]["aria-describedby"]));
    assert_eq!(squeeze(&link), "Quote: “US backstop” (Keir Starmer)");
}

#[test]
fn the_facts_page_shows_each_figure_whole_with_its_sentence() {
    let project = Project::example();
    let out = project.beside("site");
    project.built(&out);
    let html = read_page(&out, "facts/index.html");
    let values: Vec<String> = texts(&html, "td.value").iter().map(|v| squeeze(v)).collect();
    assert_eq!(values, ["upwards of 100,000 troops", "approximately 2.3%", "2.5%"]);
    let sentences = elements(&html, "td q[data-sentence]");
    assert_eq!(sentences.iter().map(|s| s["data-sentence"].as_str()).collect::<Vec<_>>(), ["s16", "s17", "s17"]);
    assert_eq!(texts(&html, "td q mark"), ["upwards of 100,000", "approximately 2.3%", "2.5%"]);
}

// ---------------------------------------------------------------- readers' words

#[test]
fn pages_name_the_outlet_and_never_the_seeds_file() {
    let project = example_with_publisher();
    let out = project.beside("site");
    project.built(&out);
    for page in ["index.html", BRIEFING, SOURCE, PRINT] {
        let html = read_page(&out, page);
        assert!(!html.contains("seeds/"), "{page} names the seed's file");
        let credit = elements(&html, "a[href=\"https://www.cityam.com/starmer-backstop/\"]");
        assert!(!credit.is_empty(), "{page} does not link the article");
        assert!(
            squeeze(&html)
                .contains(">City A.M.</a>, <time datetime=\"2025-02-17\" data-trace=\"meta\">17 February 2025</time>"),
            "{page}"
        );
    }
    for page in [BRIEFING, SOURCE, PRINT] {
        let html = read_page(&out, page);
        assert_eq!(squeeze(&one_text(&html, "cite")), "Starmer says Ukraine deal needs US backstop", "{page}");
    }
    // web and print say what the page is in the same word
    assert_eq!(texts(&read_page(&out, BRIEFING), ".kicker"), ["Briefing"]);
    assert_eq!(texts(&read_page(&out, PRINT), ".kicker"), ["Briefing"]);
}

#[test]
fn a_number_in_the_articles_headline_is_traced_or_refused() {
    let project = example_with_publisher();
    let out = project.beside("site");
    let sheet = project.read(EXAMPLE_SHEET);
    project.write(
        EXAMPLE_SHEET,
        sheet.replace("Starmer says Ukraine deal needs US backstop", "UK spends 2.3% on defense, Starmer says"),
    );
    project.built(&out);
    assert!(
        read_page(&out, BRIEFING)
            .contains("<cite>UK spends <span data-trace=\"s17\">2.3%</span> on defense, Starmer says</cite>")
    );
    project.write(
        EXAMPLE_SHEET,
        sheet.replace("Starmer says Ukraine deal needs US backstop", "UK spends 2.4% on defense"),
    );
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    assert_eq!(untraced(&run.json()).len(), 1, "{:#}", run.json());
}

#[test]
fn home_cards_carry_the_standfirst_the_outlet_and_the_date() {
    let project = example_with_publisher();
    let out = project.beside("site");
    project.built(&out);
    let html = read_page(&out, "index.html");
    let standfirst = one_text(&html, ".card .standfirst");
    assert_eq!(
        squeeze(&standfirst),
        "After meeting European leaders in Paris, UK Prime Minister Sir Keir Starmer said any Ukraine peace agreement will need a 'US backstop' to deter Russian aggression."
    );
    let meta = squeeze(&one_text(&html, ".card .meta"));
    assert!(meta.starts_with("City A.M., 17 February 2025 · 3 figures, 4 quotes, 19 actors"), "{meta}");
}

#[test]
fn actors_sort_by_name_and_group_by_kind() {
    let project = Project::example();
    let sheet = project.read(EXAMPLE_SHEET);
    // a lower-case, accented name sorts among the others
    project.write(
        EXAMPLE_SHEET,
        sheet.replace("name: European Council", "name: élysée council\n    aliases: [European Council]"),
    );
    let out = project.beside("site");
    project.built(&out);
    let briefing = read_page(&out, BRIEFING);
    let names: Vec<String> = texts(&briefing, "ul.actors li a").into_iter().map(|n| squeeze(&n)).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase().replace('é', "e"));
    assert_eq!(names, sorted);
    assert!(names.iter().position(|n| n == "élysée council") < names.iter().position(|n| n == "France"), "{names:?}");
    let list = read_page(&out, "actors/index.html");
    assert_eq!(
        texts(&list, "h2").iter().map(|h| squeeze(h)).collect::<Vec<_>>(),
        ["People", "Organisations", "Countries"]
    );
    let people: Vec<String> = texts(&list, "th[scope=row]").into_iter().map(|n| squeeze(&n)).collect();
    assert_eq!(people.first().map(String::as_str), Some("Adrian Bradshaw"), "{people:?}");
}

// ---------------------------------------------------------------- the web

#[test]
fn without_base_url_links_stay_relative_and_only_404_is_added() {
    let project = Project::example();
    let out = project.beside("site");
    project.built(&out);
    for file in ["feed.xml", "sitemap.xml", "robots.txt"] {
        assert!(!out.join(file).exists(), "{file} without base_url");
    }
    let html = read_page(&out, "404.html");
    assert_eq!(squeeze(&one_text(&html, "h1")), "Page not found");
    assert!(attribute_values(&html, "href").iter().all(|h| !h.contains("://")), "links stay relative");
    let page = read_page(&out, BRIEFING);
    assert!(elements(&page, "link[rel=canonical]").is_empty());
    // the description is there all the same, citing what its numbers cite
    let description = elements(&page, "meta[name=description]");
    assert_eq!(description[0].get("data-briefing").map(String::as_str), Some(EXAMPLE_SLUG));
}

#[test]
fn with_base_url_every_page_has_its_address_and_the_site_a_feed_a_sitemap_and_robots() {
    let project = example_with_publisher();
    with_base_url(&project, "");
    let out = project.beside("site");
    project.built(&out);
    let base = "https://briefings.example.org/defence/";
    for (page, address) in [
        ("index.html", base.to_string()),
        (BRIEFING, format!("{base}briefings/{EXAMPLE_SLUG}/")),
        (SOURCE, format!("{base}briefings/{EXAMPLE_SLUG}/source.html")),
        ("facts/index.html", format!("{base}facts/")),
        ("actors/keir-starmer/index.html", format!("{base}actors/keir-starmer/")),
    ] {
        let html = read_page(&out, page);
        let links: Vec<String> =
            elements(&html, "link[rel=canonical]").into_iter().map(|l| l["href"].clone()).collect();
        assert_eq!(links, std::slice::from_ref(&address), "{page}");
        let og: Vec<(String, String)> = elements(&html, "meta[property]")
            .into_iter()
            .map(|m| (m["property"].clone(), m.get("content").cloned().unwrap_or_default()))
            .collect();
        for property in ["og:type", "og:site_name", "og:url", "og:title", "og:description"] {
            assert!(og.iter().any(|(p, _)| p == property), "{page}: no {property}");
        }
        assert!(og.contains(&("og:url".to_string(), address)), "{page}");
        assert_eq!(elements(&html, "meta[name=description]").len(), 1, "{page}");
    }
    let feed = read_page(&out, "feed.xml");
    assert!(
        feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"")
    );
    assert!(feed.contains(&format!("<id>{base}briefings/{EXAMPLE_SLUG}/</id>")));
    assert!(feed.contains(
        "<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\" data-briefing=\"starmer-us-backstop\">"
    ));
    assert!(feed.contains("<strong data-trace=\"s17\">approximately 2.3%</strong>"));
    let sitemap = read_page(&out, "sitemap.xml");
    for address in [base.to_string(), format!("{base}briefings/{EXAMPLE_SLUG}/"), format!("{base}actors/nato/")] {
        assert!(sitemap.contains(&format!("<loc>{address}</loc>")), "{address} not in the sitemap");
    }
    assert!(sitemap.contains("<lastmod>2025-02-17</lastmod>"));
    assert_eq!(read_page(&out, "robots.txt"), format!("User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"));
    // 404.html may be shown at any address: its links start from base_url's path
    let html = read_page(&out, "404.html");
    assert!(attribute_values(&html, "href").iter().all(|h| h.starts_with("/defence/") || h.starts_with('#')), "{html}");
}

#[test]
fn the_feed_is_the_newest_briefings_first() {
    let project = Project::example();
    with_base_url(&project, "");
    let sheet = project.read(EXAMPLE_SHEET);
    project.write("content/older.yaml", sheet.replace("date: 2025-02-17", "date: 2024-11-02"));
    project.write("content/newer.yaml", sheet.replace("date: 2025-02-17", "date: 2025-03-01"));
    project.write("content/undated.yaml", sheet.replace("date: 2025-02-17\n", ""));
    let out = project.beside("site");
    project.built(&out);
    let feed = read_page(&out, "feed.xml");
    let ids: Vec<&str> =
        feed.split("<entry>").skip(1).filter_map(|e| e.split("<id>").nth(1)?.split("</id>").next()).collect();
    let slugs: Vec<&str> = ids.iter().filter_map(|id| id.split("/briefings/").nth(1)).collect();
    assert_eq!(slugs, ["newer/", "starmer-us-backstop/", "older/"]);
    assert!(
        feed.contains("<updated>2025-03-01T00:00:00Z</updated>\n  <author>"),
        "the feed's time is its newest entry's"
    );
}

#[test]
fn a_wrong_number_in_a_feed_entry_fails_the_check() {
    let project = Project::example();
    with_base_url(&project, "");
    let feed = include_str!("../templates/feed.xml");
    let wrong = feed.replace(
        "<strong data-trace=\"{{ f.sentence }}\">{{ f.value }}</strong>",
        "<strong data-trace=\"{{ f.sentence }}\">{{ f.value }} (9.9%)</strong>",
    );
    assert_ne!(feed, wrong);
    project.write("templates/feed.xml", &wrong);
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let report = run.json();
    let found = untraced(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert!(
        found[0]["message"].as_str().is_some_and(|m| m.contains("`9.9%`") && m.contains("s16 does not state it")),
        "{report:#}"
    );
    assert!(found[0]["file"].as_str().is_some_and(|f| f.ends_with("/templates/feed.xml")), "{report:#}");
    // and build publishes nothing
    let out = project.beside("site");
    project.build(&out, &[]).assert_exit(1);
    assert!(!out.exists());
}

#[test]
fn a_wrong_number_in_a_meta_description_fails_the_check() {
    let project = Project::example();
    with_base_url(&project, "");
    let head = include_str!("../templates/head.html");
    let wrong =
        head.replacen("content=\"{{ head.description }}\"", "content=\"{{ head.description }} Spending: 2.4%.\"", 1);
    assert_ne!(head, wrong);
    project.write("templates/head.html", &wrong);
    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let report = run.json();
    let found = untraced(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert!(found[0]["message"].as_str().is_some_and(|m| m.contains("`2.4%`")), "{report:#}");
    assert!(found[0]["file"].as_str().is_some_and(|f| f.ends_with("/templates/head.html")), "{report:#}");

    // a number of the summary's first sentence is a number of the description: traced, or refused once
    let project = Project::example();
    with_base_url(&project, "");
    let md = project.read("content/starmer-us-backstop.md");
    project.write("content/starmer-us-backstop.md", md.replacen("After meeting", "After meeting 12", 1));
    let report = project.check(&["--format", "json"]).json();
    let found = untraced(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert!(found[0]["file"].as_str().is_some_and(|f| f.ends_with("starmer-us-backstop.md")), "{report:#}");
}

#[test]
fn a_number_in_the_sites_description_or_words_is_refused_at_tracebrief_yaml() {
    for extra in ["description: The 5 briefings that matter\n", "strings:\n  key_figures: Top 5 figures\n"] {
        let project = Project::example();
        with_base_url(&project, extra);
        let run = project.check(&["--format", "json"]);
        run.assert_exit(1);
        let report = run.json();
        let found = untraced(&report);
        assert_eq!(found.len(), 1, "{extra}: {report:#}");
        assert!(found[0]["file"].as_str().is_some_and(|f| f.ends_with("/tracebrief.yaml")), "{extra}");
    }
}

#[test]
fn base_url_must_be_a_web_address_and_strings_known_keys() {
    for (yaml, says) in [
        ("base_url: ftp://example.org/\n", "`base_url` is no web address"),
        ("base_url: example.org\n", "`base_url` is no web address"),
        ("strings:\n  summary_title: Overview\n", "`summary_title` is no interface string"),
    ] {
        let project = Project::example();
        project.write("tracebrief.yaml", yaml);
        let run = project.check(&[]);
        run.assert_exit(2);
        assert!(run.text().contains(says), "{yaml}: {}", run.shown());
        assert!(run.text().contains("tracebrief.yaml:"), "{yaml}: {}", run.shown());
    }
}

// ---------------------------------------------------------------- languages

#[test]
fn the_interface_speaks_the_sites_language_and_the_projects_words() {
    for (language, date, summary) in [
        ("en", "17 February 2025", "Summary"),
        ("de", "17. Februar 2025", "Zusammenfassung"),
        ("fr", "17 février 2025", "Résumé"),
        ("es", "17 de febrero de 2025", "Resumen"),
    ] {
        let project = Project::example();
        project.write("tracebrief.yaml", format!("language: {language}\nstrings:\n  key_figures: Numbers\n"));
        let out = project.beside("site");
        project.built(&out);
        let html = read_page(&out, BRIEFING);
        assert_eq!(elements(&html, "html")[0].get("lang").map(String::as_str), Some(language));
        assert_eq!(squeeze(&one_text(&html, ".credit time")), date, "{language}");
        assert_eq!(squeeze(&one_text(&html, "#summary")), summary, "{language}");
        assert_eq!(squeeze(&one_text(&html, "#key-figures")), "Numbers", "{language}");
        // figures keep their source's form
        assert!(html.contains(">approximately 2.3%</button>"), "{language}");
        let print = read_page(&out, PRINT);
        assert_eq!(squeeze(&one_text(&print, ".title-block time")), date, "{language}");
    }
}

#[test]
fn counts_take_the_form_their_language_gives_them() {
    // the fixture's briefing: 10 figures, no quote, 2 actors
    for (language, counts) in [("en", "10 figures, 0 quotes, 2 actors"), ("fr", "10 chiffres, 0 citation, 2 acteurs")] {
        let project = Project::fixture("results-pence");
        project.write("tracebrief.yaml", format!("language: {language}\n"));
        let out = project.beside("site");
        project.built(&out);
        let meta = squeeze(&one_text(&read_page(&out, "index.html"), ".card .meta"));
        assert!(meta.ends_with(counts), "{language}: {meta}");
    }
}

// ---------------------------------------------------------------- search

#[test]
fn the_search_index_holds_the_pages_own_traced_html() {
    let project = Project::example();
    let out = project.beside("site");
    project.built(&out);
    let page = read_page(&out, "search.html");
    let scripts = attribute_values(&page, "src");
    assert_eq!(scripts, ["search.js", "search/index.js"], "scripts, not fetch(): search works from disk");
    let docs = read_page(&out, "search/docs-0.js");
    assert!(docs.starts_with("tracebriefSearch.docs(0,["));
    for traced in [
        r#"UK defense spending as a share of GDP: <strong data-trace=\"s17\">approximately 2.3%</strong>"#,
        r#"<q data-trace=\"s2\">US backstop</q>"#,
        r#"Keir Starmer <span class=\"about\">UK Prime Minister</span>"#,
    ] {
        assert!(docs.contains(traced), "{traced} not in the index:\n{docs}");
    }
    let index = read_page(&out, "search/index.js");
    assert!(index.contains("\"defence>defense\""), "British spellings fold to American ones");
    // the words of "2.3%" and "Starmer" have their files
    assert!(read_page(&out, "search/terms-32_2e.js").contains("\"2.3%\":"));
    assert!(read_page(&out, "search/terms-73_74.js").contains("\"starmer\":"));
}

#[test]
fn a_quote_with_a_number_is_traced_wherever_it_is_shown() {
    let project = Project::example();
    let sheet = project.read(EXAMPLE_SHEET);
    project.write(
        EXAMPLE_SHEET,
        sheet.replace(
            "quotes:\n",
            "quotes:\n  - id: troops\n    speaker: adrian-bradshaw\n    text: may require upwards of 100,000 troops\n",
        ),
    );
    let out = project.beside("site");
    project.built(&out);
    let source = read_page(&out, SOURCE);
    assert!(source.contains("“<span data-trace=\"s16\">may require upwards of 100,000 troops</span>”"), "{source}");
    assert!(
        read_page(&out, "search/docs-0.js")
            .contains(r#"<q data-trace=\"s16\">may require upwards of 100,000 troops</q>"#)
    );
}
