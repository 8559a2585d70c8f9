use std::fs;

use tempfile::TempDir;

use super::*;

// the benchmarks' generated briefings; the module writes more than these tests use
#[allow(dead_code)]
#[path = "../../../benches/corpus.rs"]
mod corpus;

/// A generated project of `briefings` briefings, three items a list page,
/// so that every list has several pages.
fn project(briefings: usize) -> TempDir {
    let dir = TempDir::new().unwrap();
    corpus::write_project(dir.path(), briefings).unwrap();
    fs::write(dir.path().join("tracebrief.yaml"), "title: Test briefings\npaginate_by: 3\n").unwrap();
    dir
}

/// Names the first actor of briefing `from` in briefing `to` too, without a
/// role, so that the role `from` gives is theirs on the pages of `to`'s
/// actors (`to` being the newer).
fn share_actor(root: &Path, from: usize, to: usize) {
    let sheet = fs::read_to_string(root.join(format!("content/b{from:05}.yaml"))).unwrap();
    let field = |name: &str| {
        let line = sheet.lines().find(|l| l.trim_start().starts_with(name)).unwrap();
        line.split_once(": ").unwrap().1.to_string()
    };
    let (id, name) = (field("- id: "), field("name: "));
    let actor = format!("actors:\n  - id: {id}\n    name: {name}\n    kind: person\n");
    edit(root, &format!("content/b{to:05}.yaml"), "actors:\n", &actor);
    let seed = root.join(format!("seeds/b{to:05}.txt"));
    let text = fs::read_to_string(&seed).unwrap();
    fs::write(&seed, format!("{text}{name} joined the talks later.\n")).unwrap();
}

/// The site a build of everything makes of the project at `root`.
fn built_whole(root: &Path) -> Arc<MemoryFiles> {
    let mut site = LiveSite::new(root);
    let rebuilt = site.build_everything();
    assert!(rebuilt.passed(), "{:#?}", rebuilt.run.diagnostics);
    site.served()
}

/// The first path where two sites differ, if any.
fn difference(live: &MemoryFiles, whole: &MemoryFiles) -> Option<String> {
    let mut paths: Vec<&String> = live.keys().chain(whole.keys()).collect();
    paths.sort();
    paths.dedup();
    paths.into_iter().find(|p| live.get(*p) != whole.get(*p)).cloned()
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// A date a sheet of the corpus gives: `2025-MM-DD`, from its number.
fn date_of(b: usize) -> String {
    format!("date: 2025-{:02}-{:02}", b % 12 + 1, b % 28 + 1)
}

#[test]
fn each_rebuild_makes_the_site_a_build_of_everything_makes() {
    let dir = project(14);
    let root = dir.path();
    share_actor(root, 2, 9);
    let mut live = LiveSite::new(root);
    let first = live.build_everything();
    assert!(first.passed());
    let every_list_page = first.lists;

    type Step = (&'static str, Box<dyn Fn(&Path)>, &'static [&'static str]);
    let steps: Vec<Step> = vec![
        (
            "a figure relabelled",
            Box::new(|root| edit(root, "content/b00003.yaml", "label: Figure 2 of", "label: Second figure of")),
            &["content/b00003.yaml"],
        ),
        (
            "a briefing moved to the top by its date",
            Box::new(|root| edit(root, "content/b00005.yaml", &date_of(5), "date: 2026-01-01")),
            &["content/b00005.yaml"],
        ),
        (
            "an actor's role changed, shown on the pages of the actors they share briefings with",
            Box::new(|root| {
                let sheet = fs::read_to_string(root.join("content/b00002.yaml")).unwrap();
                let role = sheet.lines().find(|l| l.trim_start().starts_with("role: ")).unwrap().trim().to_string();
                edit(root, "content/b00002.yaml", &role, "role: Envoy")
            }),
            &["content/b00002.yaml"],
        ),
        (
            "a quote removed, the rows after it moved up",
            Box::new(|root| {
                let path = root.join("content/b00001.yaml");
                let sheet = fs::read_to_string(&path).unwrap();
                let start = sheet.find("  - id: quote-0\n").unwrap();
                let end = sheet.find("  - id: quote-1\n").unwrap();
                fs::write(&path, format!("{}{}", &sheet[..start], &sheet[end..])).unwrap();
            }),
            &["content/b00001.yaml"],
        ),
        (
            "a sheet removed",
            Box::new(|root| fs::remove_file(root.join("content/b00004.yaml")).unwrap()),
            &["content/b00004.yaml"],
        ),
        (
            "a sheet added",
            Box::new(|root| {
                let sheet = fs::read_to_string(root.join("content/b00000.yaml")).unwrap();
                let sheet = sheet.replace(&date_of(0), "date: 2024-06-30");
                fs::write(root.join("content/added.yaml"), sheet).unwrap();
            }),
            &["content/added.yaml"],
        ),
        (
            "a seed changed, and the two sheets that cite it",
            Box::new(|root| {
                let seed = root.join("seeds/b00000.txt");
                let text = fs::read_to_string(&seed).unwrap();
                fs::write(&seed, format!("{text}The meeting ended late in the evening.\n")).unwrap();
            }),
            &["./seeds/b00000.txt"],
        ),
        (
            "a summary moved to its own file",
            Box::new(|root| {
                let path = root.join("content/b00007.yaml");
                let sheet = fs::read_to_string(&path).unwrap();
                let sheet: String =
                    sheet.lines().filter(|l| !l.starts_with("summary:")).map(|l| format!("{l}\n")).collect();
                fs::write(&path, sheet).unwrap();
                fs::write(root.join("content/b00007.md"), "Ministers met to *agree* a plan.\n").unwrap();
            }),
            &["content/b00007.yaml", "content/b00007.md"],
        ),
    ];
    for (what, change, files) in steps {
        change(root);
        let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
        let rebuilt = live.rebuild(&files).unwrap_or_else(|| panic!("{what}: nothing rebuilt"));
        assert!(rebuilt.passed(), "{what}: {:#?}", rebuilt.run.diagnostics);
        assert!(!rebuilt.everything, "{what}");
        assert!(rebuilt.briefings <= 2, "{what}: {} briefings loaded", rebuilt.briefings);
        assert!(rebuilt.lists < every_list_page, "{what}: every list page rendered");
        let whole = built_whole(root);
        assert_eq!(difference(&live.served(), &whole), None, "{what}");
    }
}

#[test]
fn a_failing_rebuild_keeps_the_last_good_site_until_one_passes() {
    let dir = project(6);
    let root = dir.path();
    let mut live = LiveSite::new(root);
    assert!(live.build_everything().passed());
    let good = live.served();

    edit(root, "content/b00002.yaml", "label: Figure 1 of the plan", "label: Figure 1 of the new plan");
    edit(root, "content/b00003.yaml", "value: ", "value: 1");
    let rebuilt = live.rebuild(&[PathBuf::from("content/b00002.yaml"), PathBuf::from("content/b00003.yaml")]).unwrap();
    assert!(!rebuilt.passed());
    let error = rebuilt.run.diagnostics.iter().find(|d| d.severity == crate::diagnostic::Severity::Error).unwrap();
    assert_eq!(error.file.as_deref(), Some(Path::new("content/b00003.yaml")));
    assert!(Arc::ptr_eq(&live.served(), &good), "the failing build is not served");

    // a change elsewhere keeps it failing
    edit(root, "content/b00001.yaml", "label: Figure 1 of", "label: First figure of");
    let rebuilt = live.rebuild(&[PathBuf::from("content/b00001.yaml")]).unwrap();
    assert!(!rebuilt.passed());
    assert_eq!(rebuilt.briefings, 1);

    edit(root, "content/b00003.yaml", "value: 1", "value: ");
    let rebuilt = live.rebuild(&[PathBuf::from("content/b00003.yaml")]).unwrap();
    assert!(rebuilt.passed(), "{:#?}", rebuilt.run.diagnostics);
    assert_eq!(difference(&live.served(), &built_whole(root)), None);
}

#[test]
fn a_change_to_the_theme_or_a_static_file_builds_everything() {
    let dir = project(3);
    let root = dir.path();
    let mut live = LiveSite::new(root);
    assert!(live.build_everything().passed());

    fs::create_dir_all(root.join("static")).unwrap();
    fs::write(root.join("static/about.html"), "<p>About these briefings</p>\n").unwrap();
    let rebuilt = live.rebuild(&[PathBuf::from("static/about.html")]).unwrap();
    assert!(rebuilt.everything && rebuilt.passed());
    assert_eq!(live.served().get("about.html").map(|b| &b[..]), Some(&b"<p>About these briefings</p>\n"[..]));

    fs::write(root.join("tracebrief.yaml"), "title: Other briefings\npaginate_by: 2\n").unwrap();
    let rebuilt = live.rebuild(&[PathBuf::from("tracebrief.yaml")]).unwrap();
    assert!(rebuilt.everything && rebuilt.passed());
    assert_eq!(difference(&live.served(), &built_whole(root)), None);
}

#[test]
fn a_broken_template_fails_every_page_until_it_is_fixed() {
    let dir = project(3);
    let root = dir.path();
    let mut live = LiveSite::new(root);
    assert!(live.build_everything().passed());
    let good = live.served();

    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(root.join("templates/index.html"), "{% extends \"base.html\" %}{% block content %}{{ nothing.here }}")
        .unwrap();
    let rebuilt = live.rebuild(&[PathBuf::from("templates/index.html")]).unwrap();
    assert!(rebuilt.everything && !rebuilt.passed());
    assert!(rebuilt.run.diagnostics.iter().any(|d| d.code == "template-error"), "{:#?}", rebuilt.run.diagnostics);
    assert!(Arc::ptr_eq(&live.served(), &good));

    // while the theme is broken, every change builds everything again
    edit(root, "content/b00001.yaml", "label: Figure 1 of", "label: First figure of");
    let rebuilt = live.rebuild(&[PathBuf::from("content/b00001.yaml")]).unwrap();
    assert!(rebuilt.everything && !rebuilt.passed());

    fs::remove_file(root.join("templates/index.html")).unwrap();
    let rebuilt = live.rebuild(&[PathBuf::from("templates/index.html")]).unwrap();
    assert!(rebuilt.passed(), "{:#?}", rebuilt.run.diagnostics);
    assert_eq!(difference(&live.served(), &built_whole(root)), None);
}

#[test]
fn a_first_build_that_fails_leaves_the_static_files_to_the_next() {
    let dir = project(3);
    let root = dir.path();
    fs::create_dir_all(root.join("static")).unwrap();
    fs::write(root.join("static/about.html"), "<p>About these briefings</p>\n").unwrap();
    edit(root, "content/b00001.yaml", "value: ", "value: 1");
    let mut live = LiveSite::new(root);
    assert!(!live.build_everything().passed());
    assert!(live.served().is_empty(), "nothing is served before a build passes");

    edit(root, "content/b00001.yaml", "value: 1", "value: ");
    let rebuilt = live.rebuild(&[PathBuf::from("content/b00001.yaml")]).unwrap();
    assert!(rebuilt.passed() && !rebuilt.everything, "{:#?}", rebuilt.run.diagnostics);
    assert!(live.served().contains_key("about.html"));
    assert_eq!(difference(&live.served(), &built_whole(root)), None);
}

#[test]
fn a_file_no_briefing_reads_rebuilds_nothing() {
    let dir = project(2);
    let root = dir.path();
    let mut live = LiveSite::new(root);
    assert!(live.build_everything().passed());
    fs::write(root.join("seeds/notes.txt"), "Not cited.\n").unwrap();
    assert!(live.rebuild(&[PathBuf::from("seeds/notes.txt")]).is_none());
}

#[test]
fn pages_move_when_their_rows_do() {
    let shown = |_: &&str| false;
    // same rows: nothing
    assert_eq!(moved_or_shown(&["a", "b", "c"], &["a", "b", "c"], shown, 2), BTreeSet::new());
    // a changed row: its page
    assert_eq!(moved_or_shown(&["a", "b", "c"], &["a", "b", "c"], |r| *r == "c", 2), BTreeSet::from([2]));
    // rows swapped on page 1
    assert_eq!(moved_or_shown(&["a", "b", "c"], &["b", "a", "c"], shown, 2), BTreeSet::from([1]));
    // a row less on the last page
    assert_eq!(moved_or_shown(&["a", "b", "c", "d", "e"], &["a", "b", "c", "d"], shown, 3), BTreeSet::from([2]));
    // a page less: every page
    assert_eq!(moved_or_shown(&["a", "b", "c"], &["a", "b"], shown, 2), BTreeSet::from([1]));
    assert_eq!(moved_or_shown(&["a", "b"], &["a", "b", "c"], shown, 2), BTreeSet::from([1, 2]));
}

#[test]
fn paths_are_compared_as_written_without_dots() {
    for (path, normalised) in [("./seeds/a.txt", "seeds/a.txt"), ("seeds/../seeds/a.txt", "seeds/a.txt"), ("a", "a")] {
        assert_eq!(normal(Path::new(path)), PathBuf::from(normalised), "{path}");
    }
}
