//! End-to-end tests of `tracebrief build [--root DIR] [--out DIR] [--force]`
//! in the manner of `tests/check_cli.rs`: a project — the
//! repository's example, or a small fixture under `tests/fixtures/site-*/` —
//! is copied into a temporary directory, built by the binary as a user runs
//! it, and judged on what a user gets: the files of the site, their links and
//! anchors (read with lol_html, as the tool reads its own pages), the exit
//! code and the messages, and a previous site left exactly as it was when a
//! build is refused.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

use common::{
    EXAMPLE_SEED, EXAMPLE_SHEET, EXAMPLE_SLUG, Project, Run, Tree, assert_same_tree, attribute_values, differences,
    elements, leftovers, manifest_dir, read_page, tree,
};
use serde_json::Value;
use tempfile::TempDir;

/// The `site-small` fixture: one briefing, two figures, a quote, an actor, a summary.
const SMALL: &str = "site-small";
const SMALL_SLUG: &str = "harbour-wall";
const SMALL_SHEET: &str = "content/harbour-wall.yaml";
const SMALL_SUMMARY: &str = "content/harbour-wall.md";

// ---------------------------------------------------------------- projects and runs

impl Project {
    /// Replaces the one occurrence of `from` in `file` with `to`.
    fn edit(&self, file: &str, from: &str, to: &str) {
        let text = self.read(file);
        assert_eq!(text.matches(from).count(), 1, "{file} should hold `{from}` once");
        self.write(file, text.replacen(from, to, 1));
    }
}

impl Run {
    fn assert_says(&self, words: &str) {
        assert!(self.text().contains(words), "{}: the output does not say `{words}`\n{}", self.what, self.shown());
    }
}

// ---------------------------------------------------------------- sites as trees of files

/// A refused build: its exit code, the previous output exactly as it was, nothing left beside it.
fn assert_refused(run: &Run, code: i32, out: &Path, before: &Tree) {
    run.assert_exit(code);
    assert_same_tree(before, &tree(out), &format!("{}: the previous output changed", run.what));
    assert_eq!(leftovers(out), Vec::<String>::new(), "{}: folders left beside the output", run.what);
}

/// The `.html` files of a site, by relative path.
fn pages(site: &Path) -> Vec<PathBuf> {
    tree(site)
        .into_iter()
        .filter(|(path, bytes)| bytes.is_some() && path.extension() == Some(OsStr::new("html")))
        .map(|(path, _)| path)
        .collect()
}

// ---------------------------------------------------------------- reading links

/// `%XX` escapes decoded (as UTF-8, lossily).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(b) if bytes[i] == b'%' => {
                out.push(b);
                i += 3;
            }
            _ => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A link that leaves the site: to the web or to a mail program.
fn is_external(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    ["http:", "https:", "mailto:"].iter().any(|scheme| lower.starts_with(scheme))
}

/// Every problem with the internal links of the site at `site` (every
/// internal link is relative and names a file, so the site works from disk),
/// and how many links were followed.
fn link_problems(site: &Path) -> (Vec<String>, usize) {
    let mut ids: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    let mut links: Vec<(PathBuf, String)> = Vec::new();
    for page in pages(site) {
        let html = read_page(site, &page.to_string_lossy());
        ids.insert(page.clone(), attribute_values(&html, "id").into_iter().collect());
        for attribute in ["href", "src"] {
            for link in attribute_values(&html, attribute) {
                links.push((page.clone(), link));
            }
        }
    }
    let mut problems = Vec::new();
    let mut followed = 0;
    for (page, link) in &links {
        if is_external(link) {
            continue;
        }
        followed += 1;
        let problem = |why: &str| format!("{}: `{link}` {why}", page.display());
        let (path, fragment) = match link.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (link.as_str(), None),
        };
        if path.starts_with('/') {
            problems.push(problem("is an absolute path: it breaks from disk and under a path"));
            continue;
        }
        if path.contains(':') || path.contains('?') {
            problems.push(problem("is no relative link to a file of the site"));
            continue;
        }
        let target = if path.is_empty() {
            if fragment.is_none_or(str::is_empty) {
                problems.push(problem("links nowhere"));
                continue;
            }
            page.clone()
        } else {
            if path.ends_with('/') {
                problems.push(problem("names a folder, not a file"));
                continue;
            }
            let mut target = page.parent().map(Path::to_path_buf).unwrap_or_default();
            let mut escapes = false;
            for part in Path::new(&percent_decode(path)).components() {
                match part {
                    Component::Normal(name) => target.push(name),
                    Component::CurDir => {}
                    Component::ParentDir => escapes |= !target.pop(),
                    Component::RootDir | Component::Prefix(_) => escapes = true,
                }
            }
            if escapes {
                problems.push(problem("leads outside the site"));
                continue;
            }
            if site.join(&target).is_dir() {
                problems.push(problem("names a folder, not a file"));
                continue;
            }
            if !site.join(&target).is_file() {
                problems.push(problem(&format!("names {}, which does not exist", target.display())));
                continue;
            }
            target
        };
        if let Some(fragment) = fragment {
            let fragment = percent_decode(fragment);
            match ids.get(&target) {
                Some(known) if known.contains(&fragment) => {}
                Some(_) => problems.push(problem(&format!("names no id of {}", target.display()))),
                None => problems.push(problem("has a fragment but its target is no page")),
            }
        }
    }
    (problems, followed)
}

fn assert_links_resolve(site: &Path) {
    let (problems, followed) = link_problems(site);
    assert!(followed > 0, "no internal link found in {}", site.display());
    assert!(problems.is_empty(), "{} broken links in {}:\n  {}", problems.len(), site.display(), problems.join("\n  "));
}

/// The line (from 1) on which `needle` first stands in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap_or_else(|| panic!("`{needle}` is not in the text"));
    text[..at].matches('\n').count() + 1
}

/// A built-in template with `line` inserted after its `{% block content %}`
/// line, as a user edits a copy of it; and the number of the inserted line.
fn template_with(name: &str, line: &str) -> (String, usize) {
    let path = manifest_dir().join("templates").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let mut lines: Vec<&str> = text.lines().collect();
    let block = lines
        .iter()
        .position(|l| l.contains("{% block content %}"))
        .unwrap_or_else(|| panic!("{name} has no `{{% block content %}}` line"));
    lines.insert(block + 1, line);
    (lines.join("\n") + "\n", block + 2)
}

/// Whether `text` names `file` at `line` with some column: `…file:LINE:COL`.
fn names_line_and_column(text: &str, file: &str, line: usize) -> bool {
    let prefix = format!("{file}:{line}:");
    text.match_indices(&prefix)
        .any(|(at, _)| text[at + prefix.len()..].chars().next().is_some_and(|c| c.is_ascii_digit() && c != '0'))
}

/// The diagnostics of a `check --format json` report with this code.
fn diagnostics_with_code<'a>(report: &'a Value, code: &str) -> Vec<&'a Value> {
    report["diagnostics"].as_array().expect("`diagnostics` is an array").iter().filter(|d| d["code"] == code).collect()
}

// ---------------------------------------------------------------- 1. links

#[test]
fn every_internal_link_of_the_example_site_names_a_file_and_an_anchor_of_the_site() {
    let project = Project::example();
    let out = project.beside("out");
    project.built(&out);
    assert_links_resolve(&out);

    // the walk follows links across pages, into anchors of other pages
    let briefing = read_page(&out, &format!("briefings/{EXAMPLE_SLUG}/index.html"));
    let hrefs = attribute_values(&briefing, "href");
    for expected in [
        format!("../../briefings/{EXAMPLE_SLUG}/source.html#s16"),
        "source.html#s16".to_string(),
        "../../style.css".to_string(),
    ] {
        assert!(hrefs.contains(&expected), "the briefing page does not link {expected}: {hrefs:?}");
    }
}

#[test]
fn every_internal_link_of_a_small_site_resolves() {
    let project = Project::fixture(SMALL);
    let out = project.beside("out");
    project.built(&out);
    assert_links_resolve(&out);
}

/// The link check itself finds what it is there to find, so that a passing run means something.
#[test]
fn the_link_check_finds_broken_links() {
    let dir = TempDir::new().expect("creating a temporary directory");
    let site = dir.path();
    std::fs::create_dir_all(site.join("a/folder")).expect("creating folders");
    std::fs::write(site.join("a/other.html"), "<p id=\"here\">x</p>").expect("writing a page");
    let links = [
        ("other.html#here", None),
        ("#top", None),
        ("https://example.org/x", None),
        ("/a/other.html", Some("absolute path")),
        ("folder/", Some("folder")),
        ("folder", Some("folder")),
        ("missing.html", Some("does not exist")),
        ("other.html#nowhere", Some("no id")),
        ("#nowhere", Some("no id")),
        ("../../outside.html", Some("outside the site")),
        ("javascript:alert(1)", Some("no relative link")),
    ];
    let page: String = links.iter().map(|(href, _)| format!("<a href=\"{href}\">x</a>")).collect::<String>()
        + "<h1 id=\"top\">t</h1><img src=\"gone.png\" alt=\"\">";
    std::fs::write(site.join("a/page.html"), page).expect("writing a page");

    let (problems, followed) = link_problems(site);
    // every link but the external one, and the image
    assert_eq!(followed, links.len());
    for (href, why) in links {
        let reported: Vec<&String> = problems.iter().filter(|p| p.contains(&format!("`{href}`"))).collect();
        match why {
            None => assert!(reported.is_empty(), "{href} is fine: {reported:?}"),
            Some(why) => assert!(
                reported.len() == 1 && reported[0].contains(why),
                "{href} should be reported as `{why}`: {problems:#?}"
            ),
        }
    }
    assert!(problems.iter().any(|p| p.contains("`gone.png`")), "{problems:#?}");
}

// ---------------------------------------------------------------- 2. deterministic

#[test]
fn two_builds_of_the_same_project_are_byte_identical() {
    let project = Project::example();
    let (first, second) = (project.beside("first"), project.beside("second"));
    project.built(&first);
    project.built(&second);
    let built = tree(&first);
    assert_same_tree(&built, &tree(&second), "a second build differs from the first");

    // building over its own previous site gives the same tree again
    project.built(&first);
    assert_same_tree(&built, &tree(&first), "a rebuild over the previous site differs");
    assert_eq!(leftovers(&first), Vec::<String>::new());
}

// ---------------------------------------------------------------- 3. the committed site

#[test]
fn the_committed_site_is_what_a_build_of_the_repository_gives() {
    let dir = TempDir::new().expect("creating a temporary directory");
    let out = dir.path().join("site");
    let run = Run::of(
        "build of the repository",
        &["build".as_ref(), "--root".as_ref(), manifest_dir().as_os_str(), "--out".as_ref(), out.as_os_str()],
        &[],
    );
    run.assert_exit(0);
    let found = differences(&tree(&manifest_dir().join("site")), &tree(&out));
    assert!(
        found.is_empty(),
        "the committed site/ is not what a build gives; run `cargo run --release -- build` and commit site/\n  {}",
        found.join("\n  ")
    );
}

// ---------------------------------------------------------------- 4. pages at their paths

#[test]
fn the_example_site_has_every_page_of_spec_8() {
    let project = Project::example();
    let out = project.beside("out");
    project.built(&out);

    let sheet: Value = serde_saphyr::from_str(&project.read(EXAMPLE_SHEET)).expect("the example sheet is YAML");
    let actor_ids: Vec<&str> = sheet["actors"]
        .as_array()
        .expect("the example sheet has actors")
        .iter()
        .map(|a| a["id"].as_str().expect("an actor id"))
        .collect();
    assert_eq!(actor_ids.len(), 19);
    let mut expected = vec![
        "index.html".to_string(),
        format!("briefings/{EXAMPLE_SLUG}/index.html"),
        format!("briefings/{EXAMPLE_SLUG}/source.html"),
        "actors/index.html".to_string(),
        "facts/index.html".to_string(),
        "quotes/index.html".to_string(),
        "trace.json".to_string(),
        "style.css".to_string(),
        ".tracebrief-site".to_string(),
    ];
    expected.extend(actor_ids.iter().map(|id| format!("actors/{id}/index.html")));
    let missing: Vec<&String> = expected.iter().filter(|p| !out.join(p).is_file()).collect();
    assert!(missing.is_empty(), "missing from the site: {missing:?}");
}

#[test]
fn trace_json_lists_every_fact_with_its_sentence_words_and_byte_span() {
    let project = Project::example();
    let out = project.beside("out");
    project.built(&out);
    let seed = std::fs::read(project.root().join(EXAMPLE_SEED)).expect("reading the seed");
    let trace: Value = serde_json::from_slice(&std::fs::read(out.join("trace.json")).expect("reading trace.json"))
        .expect("trace.json is JSON");
    let briefing = trace["briefings"]
        .as_array()
        .expect("`briefings` is an array")
        .iter()
        .find(|b| b["slug"] == EXAMPLE_SLUG)
        .unwrap_or_else(|| panic!("no briefing {EXAMPLE_SLUG} in {trace:#}"));
    let facts = briefing["facts"].as_array().expect("`facts` is an array");

    // the sentences of the seed, by id, as `scan` gives them
    let sentences: BTreeMap<String, (u64, u64)> = project.scan_json(EXAMPLE_SEED)["sentences"]
        .as_array()
        .expect("`sentences` is an array")
        .iter()
        .map(|s| {
            let id = s["id"].as_str().expect("a sentence id").to_string();
            (id, (s["start"].as_u64().expect("start"), s["end"].as_u64().expect("end")))
        })
        .collect();

    // every fact of the sheet is there, once, and its span slices the seed to its words
    let sheet: Value = serde_saphyr::from_str(&project.read(EXAMPLE_SHEET)).expect("the example sheet is YAML");
    let mut listed = Vec::new();
    for (kind, key) in [("number", "numbers"), ("quote", "quotes"), ("actor", "actors")] {
        for fact in sheet[key].as_array().expect("a list of facts") {
            listed.push((kind, fact["id"].as_str().expect("a fact id").to_string()));
        }
    }
    assert_eq!(facts.len(), listed.len(), "trace.json lists {} facts: {facts:#?}", facts.len());
    for (kind, id) in &listed {
        let fact = facts
            .iter()
            .find(|f| f["kind"] == *kind && f["id"] == id.as_str())
            .unwrap_or_else(|| panic!("trace.json has no {kind} `{id}`"));
        let sentence = fact["sentence"].as_str().unwrap_or_else(|| panic!("{id}: no sentence: {fact}"));
        let text = fact["text"].as_str().unwrap_or_else(|| panic!("{id}: no text: {fact}"));
        let (start, end) = (fact["start"].as_u64(), fact["end"].as_u64());
        let (Some(start), Some(end)) = (start, end) else {
            panic!("{id}: no byte span: {fact}");
        };
        let span = seed.get(start as usize..end as usize);
        assert_eq!(span, Some(text.as_bytes()), "{kind} {id}: the span {start}..{end} is not its text");
        let (s_start, s_end) = sentences[sentence];
        assert!(
            s_start <= start && end <= s_end,
            "{kind} {id}: {start}..{end} is not inside {sentence} ({s_start}..{s_end})"
        );
    }

    let troops = facts.iter().find(|f| f["id"] == "troops-needed").expect("troops-needed");
    assert_eq!(troops["sentence"], "s16");
    assert_eq!(troops["text"], "upwards of 100,000");
    let (start, end) = (troops["start"].as_u64().unwrap(), troops["end"].as_u64().unwrap());
    assert_eq!(&seed[start as usize..end as usize], "upwards of 100,000".as_bytes());
}

#[test]
fn the_source_page_anchors_every_sentence_of_the_seed() {
    let project = Project::example();
    let out = project.beside("out");
    project.built(&out);
    let html = read_page(&out, &format!("briefings/{EXAMPLE_SLUG}/source.html"));
    let anchored: Vec<(Option<String>, String)> = elements(&html, "[data-sentence]")
        .into_iter()
        .map(|mut a| (a.remove("id"), a.remove("data-sentence").expect("data-sentence")))
        .collect();
    let expected: Vec<String> = (1..=22).map(|n| format!("s{n}")).collect();
    let sentences: Vec<&String> = anchored.iter().map(|(_, s)| s).collect();
    assert_eq!(sentences, expected.iter().collect::<Vec<_>>(), "the sentences of source.html");
    for (id, sentence) in &anchored {
        assert_eq!(id.as_ref(), Some(sentence), "the element of {sentence} has id {id:?}");
    }
}

// ---------------------------------------------------------------- 5. refusals keep the previous site

/// The small project, built once into `<tmp>/out`: the previous site of a refused build.
fn small_with_a_site() -> (Project, PathBuf, Tree) {
    let project = Project::fixture(SMALL);
    let out = project.beside("out");
    project.built(&out);
    let before = tree(&out);
    assert!(before.contains_key(Path::new("index.html")), "the first build wrote no index.html");
    (project, out, before)
}

#[test]
fn a_sheet_that_fails_the_check_keeps_the_previous_site() {
    let (project, out, before) = small_with_a_site();
    project.edit(SMALL_SHEET, "value: 300", "value: 301");
    let run = project.build(&out, &[]);
    assert_refused(&run, 1, &out, &before);
    run.assert_says("error[untraced-number]");
}

#[test]
fn a_template_syntax_error_is_named_at_its_line_and_column_and_keeps_the_previous_site() {
    let (project, out, before) = small_with_a_site();
    let (template, line) = template_with("briefing.html", "{% if %}{% endif %}");
    project.write("templates/briefing.html", &template);
    let run = project.build(&out, &[]);
    assert_refused(&run, 2, &out, &before);
    assert!(
        names_line_and_column(&run.text(), "templates/briefing.html", line),
        "{}: templates/briefing.html:{line}:<column> is not named\n{}",
        run.what,
        run.shown()
    );
}

#[test]
fn a_template_with_an_unknown_variable_is_named_at_its_line_and_keeps_the_previous_site() {
    let (project, out, before) = small_with_a_site();
    let (template, line) = template_with("briefing.html", "<p>{{ nope.nothing }}</p>");
    project.write("templates/briefing.html", &template);
    let run = project.build(&out, &[]);
    assert_refused(&run, 2, &out, &before);
    run.assert_says("nope");
    assert!(
        names_line_and_column(&run.text(), "templates/briefing.html", line),
        "{}: templates/briefing.html:{line}:<column> is not named\n{}",
        run.what,
        run.shown()
    );
}

#[test]
fn a_template_that_prints_an_untraced_number_keeps_the_previous_site() {
    let (project, out, before) = small_with_a_site();
    let (template, line) = template_with("index.html", "<p>Over 40 sources</p>");
    project.write("templates/index.html", &template);
    let run = project.build(&out, &[]);
    assert_refused(&run, 1, &out, &before);
    let text = run.text();
    let error = text
        .lines()
        .find(|l| l.starts_with("error[untraced-published-number]"))
        .unwrap_or_else(|| panic!("{}: no untraced-published-number error\n{}", run.what, run.shown()));
    assert!(
        error.contains("40") && error.contains("index.html"),
        "the error names neither the number nor the page: {error}"
    );
    assert!(
        names_line_and_column(&text, "templates/index.html", line),
        "{}: templates/index.html:{line}:<column> is not named as where `Over 40` comes from\n{}",
        run.what,
        run.shown()
    );
}

#[test]
fn an_output_folder_it_did_not_make_is_replaced_only_with_force() {
    let project = Project::fixture(SMALL);
    let out = project.beside("mine");
    std::fs::create_dir_all(out.join("notes")).expect("creating a folder of the user");
    std::fs::write(out.join("notes/todo.txt"), "keep me\n").expect("writing a file of the user");
    let before = tree(&out);

    let run = project.build(&out, &[]);
    assert_refused(&run, 2, &out, &before);
    run.assert_says("--force");

    let forced = project.build(&out, &["--force"]);
    forced.assert_exit(0);
    assert!(out.join(".tracebrief-site").is_file(), "no marker after a forced build");
    assert!(out.join("index.html").is_file(), "no index.html after a forced build");
    assert!(!out.join("notes").exists(), "the replaced folder's files are still there");
    assert_eq!(leftovers(&out), Vec::<String>::new());
}

#[test]
fn an_output_path_that_is_a_file_is_refused_even_with_force() {
    let project = Project::fixture(SMALL);
    let out = project.beside("site.txt");
    std::fs::write(&out, "a file of the user\n").expect("writing a file of the user");
    for args in [&[][..], &["--force"][..]] {
        let run = project.build(&out, args);
        run.assert_exit(2);
        assert_eq!(
            std::fs::read(&out).expect("the file is still there"),
            b"a file of the user\n",
            "{} {args:?}: the file changed",
            run.what
        );
        assert_eq!(leftovers(&out), Vec::<String>::new(), "{args:?}: folders left beside the output");
    }
}

#[test]
fn force_never_replaces_the_project_or_the_folders_it_reads() {
    for (case, out) in [("the project root", ""), ("its content folder", "content"), ("its seeds folder", "seeds")] {
        let project = Project::fixture(SMALL);
        let before = tree(&project.root());
        let target = if out.is_empty() { project.root() } else { project.root().join(out) };
        let run = project.build(&target, &["--force"]);
        assert_eq!(run.code(), 2, "--out {case} --force: exit code {}\n{}", run.code(), run.shown());
        assert_same_tree(&before, &tree(&project.root()), &format!("--out {case} --force changed the project"));
    }
}

// ---------------------------------------------------------------- 6. inert markup

/// What must never stand in a page, whatever the fact sheet says.
const ACTIVE: [&str; 4] = ["<script", "onerror", "<iframe", "javascript:"];

fn active_markup(site: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for page in pages(site) {
        let mut html = read_page(site, &page.to_string_lossy()).to_ascii_lowercase();
        if page == Path::new("search.html") {
            // the search page's own scripts, and only they
            for own in ["<script src=\"search.js\"></script>", "<script src=\"search/index.js\"></script>"] {
                assert!(html.contains(own), "search.html does not load {own}");
                html = html.replace(own, "");
            }
        }
        for bad in ACTIVE {
            if let Some(at) = html.find(bad) {
                let context = &html[at.saturating_sub(40)..(at + 40).min(html.len())];
                found.push(format!("{}: `{bad}` in …{context}…", page.display()));
            }
        }
    }
    found
}

#[test]
fn markup_in_the_summary_and_fields_is_published_inert() {
    let project = Project::fixture("site-hostile");
    let out = project.beside("out");
    project.built(&out);
    let found = active_markup(&out);
    assert!(found.is_empty(), "active markup published:\n  {}", found.join("\n  "));
    // the search index holds the fields escaped, as the pages do
    let docs = read_page(&out, "search/docs-0.js").to_ascii_lowercase();
    for bad in ACTIVE.iter().filter(|b| b.starts_with('<')) {
        assert!(!docs.contains(bad), "`{bad}` in the search index");
    }

    let briefing = read_page(&out, "briefings/board-notice/index.html");
    assert!(briefing.contains("Members clashed over a notice."), "the summary is not published");
    // fields are text: their markup shows, escaped
    for (page, field) in [
        ("briefings/board-notice/index.html", "title()"),
        ("index.html", "title()"),
        ("briefings/board-notice/index.html", "label()"),
        ("facts/index.html", "label()"),
        ("briefings/board-notice/index.html", "role()"),
        ("actors/index.html", "role()"),
        ("briefings/board-notice/index.html", "steal()"),
        ("quotes/index.html", "steal()"),
        ("briefings/board-notice/source.html", "steal()"),
    ] {
        let html = read_page(&out, page);
        assert!(
            html.contains(&format!("&lt;script&gt;{field}")),
            "{page}: `<script>{field}` is not shown as escaped text"
        );
    }
}

#[test]
fn a_source_url_that_is_no_web_address_is_refused_or_never_linked() {
    for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,hello", "not a url"] {
        let project = Project::fixture(SMALL);
        project.edit(SMALL_SHEET, "source_url: https://example.org/news/article", &format!("source_url: \"{url}\""));
        let out = project.beside("out");
        let run = project.build(&out, &[]);
        match run.code() {
            // refused as an input error at the field
            2 => assert!(
                names_line_and_column(&run.text(), SMALL_SHEET, 3),
                "{url}: the refusal does not name {SMALL_SHEET}:3\n{}",
                run.shown()
            ),
            // or built without ever linking it
            0 => {
                for page in pages(&out) {
                    let html = read_page(&out, &page.to_string_lossy());
                    let linked: Vec<String> = attribute_values(&html, "href")
                        .into_iter()
                        .filter(|h| h.to_ascii_lowercase().starts_with(&url.to_ascii_lowercase()))
                        .collect();
                    assert!(linked.is_empty(), "{url}: {} links {linked:?}", page.display());
                }
                assert_links_resolve(&out);
            }
            _ => panic!("{url}: exit code {}\n{}", run.code(), run.shown()),
        }
    }
}

// ---------------------------------------------------------------- 7. numbers in the summary

#[test]
fn a_summary_number_that_is_a_figure_links_to_its_sentence() {
    let project = Project::fixture(SMALL);
    let out = project.beside("out");
    project.built(&out);
    let html = read_page(&out, &format!("briefings/{SMALL_SLUG}/index.html"));
    let linked = elements(&html, ".summary [data-trace]");
    assert_eq!(linked.len(), 2, "the summary's £12m and about 300: {linked:?}");
    for attributes in &linked {
        assert_eq!(attributes.get("data-trace").map(String::as_str), Some("s2"), "{attributes:?}");
        // a button that shows the sentence, which links to it on the source page
        let tip = attributes.get("popovertarget").expect("the figure shows its sentence");
        assert!(html.contains(&format!("id=\"{tip}\" popover data-sentence=\"s2\">")), "no sentence {tip}");
    }
    assert!(html.contains("<a href=\"source.html#s2\">s2 in the annotated source</a>"));
    for words in ["£12m", "about 300"] {
        assert!(
            html.contains(&format!("data-trace=\"s2\">{words}</button>")),
            "`{words}` is not published as its figure"
        );
    }
}

#[test]
fn a_summary_number_that_is_no_figure_fails_at_its_line_of_the_summary() {
    let project = Project::fixture(SMALL);
    project.write(SMALL_SUMMARY, "The council backs a £12m sea wall,\nfirst planned in 1999.\n");
    let out = project.beside("out");
    let run = project.build(&out, &[]);
    run.assert_exit(1);
    run.assert_says("error[untraced-published-number]");
    assert!(!out.exists(), "a refused first build wrote {}", out.display());
    assert_eq!(leftovers(&out), Vec::<String>::new());
    assert!(
        run.text().contains(&format!("{SMALL_SUMMARY}:2:18")),
        "{SMALL_SUMMARY}:2:18 is not named as where 1999 comes from\n{}",
        run.shown()
    );

    // reported once, at the summary (the briefing page and its print page publish it; the home page
    // its first sentence, which the source page's description is too)
    let report = project.check(&["--format", "json"]).json();
    let found = diagnostics_with_code(&report, "untraced-published-number");
    assert_eq!(found.len(), 1, "{report:#}");
    let d = &found[0];
    assert!(d["file"].as_str().is_some_and(|f| f.ends_with(SMALL_SUMMARY)), "{d}");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(2), Some(18)));
    assert!(d["message"].as_str().is_some_and(|m| m.contains("published on 4 pages")), "{d}");
}

#[test]
fn a_number_in_an_inline_summary_is_named_at_its_line_and_column_of_the_sheet() {
    let project = Project::fixture(SMALL);
    std::fs::remove_file(project.root().join(SMALL_SUMMARY)).expect("removing the summary file");
    let mut sheet = project.read(SMALL_SHEET);
    sheet.push_str("summary: |\n");
    for _ in 0..8 {
        sheet.push_str("    The council backs a sea wall.\n");
    }
    sheet.push_str("    First planned in 1999.\n");
    project.write(SMALL_SHEET, &sheet);
    let line = line_of(&sheet, "First planned in 1999.") as u64;

    let report = project.check(&["--format", "json"]).json();
    let found = diagnostics_with_code(&report, "untraced-published-number");
    assert_eq!(found.len(), 1, "{report:#}");
    let d = &found[0];
    assert!(d["file"].as_str().is_some_and(|f| f.ends_with(SMALL_SHEET)), "{d}");
    // `    First planned in ` is 21 characters: 1999 is at column 22
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(line), Some(22)), "{d}");
}

// ---------------------------------------------------------------- 8. text fragments

#[test]
fn figures_link_to_their_sentence_on_the_original_page_as_an_encoded_text_fragment() {
    let project = Project::fixture(SMALL);
    let out = project.beside("out");
    project.built(&out);
    let html = read_page(&out, &format!("briefings/{SMALL_SLUG}/index.html"));
    let figures = elements(&html, "tr[id^=\"figure-\"]");
    let originals: Vec<String> =
        elements(&html, "tr[id^=\"figure-\"] a.original").into_iter().filter_map(|mut a| a.remove("href")).collect();
    assert_eq!(figures.len(), 2, "the figure rows");
    assert_eq!(originals.len(), figures.len(), "one link to the original a figure: {originals:?}");

    // s2, in words: its first five and its last five
    let expected = "https://example.org/news/article#:~:text=\
                    A%20long%2Ddelayed%20plan%2C%20backed%20by,to%20protect%20about%20300%20homes.";
    let seed = project.read("seeds/harbour.txt");
    for href in &originals {
        assert_eq!(href, expected);
        let (page, directive) = href.split_once("#:~:text=").expect("a text directive");
        assert_eq!(page, "https://example.org/news/article");
        assert!(
            directive.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '%' | '.' | '_' | '~' | ',')),
            "a raw character in the directive {directive:?}"
        );
        // a raw `,` separates the start and the end; every term stands in the seed
        let terms: Vec<String> = directive.split(',').map(percent_decode).collect();
        assert!(terms.len() <= 2, "{directive:?}");
        for term in &terms {
            assert!(seed.contains(term.as_str()), "`{term}` is not words of the seed");
        }
    }
}

// ---------------------------------------------------------------- 9. overrides

#[test]
fn a_project_stylesheet_replaces_the_built_in_one() {
    let project = Project::fixture(SMALL);
    let out = project.beside("out");
    project.built(&out);
    let built_in = std::fs::read(manifest_dir().join("templates/style.css")).expect("reading the built-in stylesheet");
    assert_eq!(std::fs::read(out.join("style.css")).expect("style.css"), built_in, "the built-in stylesheet");

    let own = "/* the project's own */\nbody { color: teal; }\n";
    project.write("templates/style.css", own);
    project.built(&out);
    assert_eq!(std::fs::read_to_string(out.join("style.css")).expect("style.css"), own);
}

// ---------------------------------------------------------------- 10. check renders too

#[test]
fn check_fails_on_a_template_that_prints_an_untraced_number() {
    let project = Project::fixture(SMALL);
    let (template, line) = template_with("index.html", "<p>Over 40 sources</p>");
    project.write("templates/index.html", &template);

    let run = project.check(&["--format", "json"]);
    run.assert_exit(1);
    let report = run.json();
    let found = diagnostics_with_code(&report, "untraced-published-number");
    assert_eq!(found.len(), 1, "{report:#}");
    let d = &found[0];
    let message = d["message"].as_str().expect("a message");
    assert!(message.contains("templates/index.html"), "the message does not name the template: {message}");
    assert!(d["file"].as_str().is_some_and(|f| f.ends_with("templates/index.html")), "{d}");
    assert_eq!(d["line"].as_u64(), Some(line as u64), "{d}");

    let human = project.check(&[]);
    human.assert_exit(1);
    human.assert_says("error[untraced-published-number]");
    assert!(!project.root().join("site").exists(), "check wrote a site");
}

// ---------------------------------------------------------------- 11. a build killed mid-swap

/// A build killed at `fault` (the output module's fault-injection hook,
/// `TRACEBRIEF_FAULT`) leaves a whole site in place — the new one or the
/// previous one, never none — and the next build, even a failing one,
/// finds the site as it should be.
#[cfg(unix)]
fn killed_between_the_swaps_steps(fault: &str) {
    let project = Project::fixture(SMALL);
    let out = project.beside("out");
    project.built(&out);
    let previous = tree(&out);
    // the next build changes the home page's title
    project.write("tracebrief.yaml", "title: Harbour notes\n");
    let root = project.root();
    let args: [&std::ffi::OsStr; 5] =
        ["build".as_ref(), "--root".as_ref(), root.as_ref(), "--out".as_ref(), out.as_ref()];
    let killed = common::tracebrief(&args, &[("TRACEBRIEF_FAULT", fault.as_ref()), ("NO_COLOR", "1".as_ref())]);
    assert!(killed.status.code().is_none(), "{fault}: the build was not killed: {:?}", killed.status);
    let after_kill = if out.exists() { Some(tree(&out)) } else { None };

    // a failing build next: the site is as the kill left it, or the previous one put back
    let sheet = project.read(SMALL_SHEET);
    project.write(SMALL_SHEET, sheet.replacen("value: ", "value: 9", 1));
    let failed = project.build(&out, &[]);
    failed.assert_exit(1);
    assert!(failed.text().contains("nothing written"), "{}", failed.shown());
    let site = tree(&out);
    match &after_kill {
        Some(whole) => assert_same_tree(whole, &site, &format!("{fault}: the site after the kill")),
        None => assert_same_tree(&previous, &site, &format!("{fault}: the previous site, put back")),
    }

    // and a good build after that cleans up
    project.write(SMALL_SHEET, &sheet);
    project.built(&out);
    assert!(read_page(&out, "index.html").contains("Harbour notes"));
    assert_eq!(leftovers(&out), Vec::<String>::new(), "{fault}: folders left beside the site");
}

#[cfg(target_os = "linux")]
#[test]
fn a_build_killed_after_the_exchange_leaves_the_new_site_whole() {
    killed_between_the_swaps_steps("after-exchange");
}

#[cfg(unix)]
#[test]
fn a_build_killed_between_two_renames_leaves_a_site_to_put_back() {
    killed_between_the_swaps_steps("no-exchange,between-renames");
}
