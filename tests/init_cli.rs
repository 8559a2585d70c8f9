//! `tracebrief init`, and what every command shares: `--quiet`, `--color`,
//! the closing line of `build`, errors printed as diagnostics, shell
//! completions and the manual page.

mod common;

use std::ffi::OsStr;
use std::path::Path;

use common::{Project, Run, tracebrief_in};
use tempfile::TempDir;

fn run_in(cwd: &Path, args: &[&str]) -> Run {
    Run::new(&args.join(" "), tracebrief_in(cwd, args, &[("NO_COLOR", OsStr::new("1"))]))
}

#[test]
fn init_makes_a_project_that_checks_and_builds() {
    let dir = TempDir::new().expect("a temporary directory");
    let run = run_in(dir.path(), &["init", "briefings"]);
    run.assert_exit(0);
    let root = dir.path().join("briefings");
    for file in [
        "tracebrief.yaml",
        "content/starmer-us-backstop.yaml",
        "content/starmer-us-backstop.md",
        "seeds/000_efa7916b03e9017c.txt",
        ".gitignore",
        ".github/workflows/tracebrief.yml",
    ] {
        assert!(root.join(file).is_file(), "init did not create {file}\n{}", run.shown());
        assert!(run.stdout().contains(&format!("created briefings/{file}")), "{}", run.shown());
    }
    let workflow = std::fs::read_to_string(root.join(".github/workflows/tracebrief.yml")).expect("the workflow");
    assert!(workflow.contains("tracebrief check --format github"), "{workflow}");
    assert!(workflow.contains("Swatinem/rust-cache"), "{workflow}");
    assert!(std::fs::read_to_string(root.join(".gitignore")).expect("the .gitignore").contains("site/"));

    let check = run_in(&root, &["check", "--strict"]);
    check.assert_exit(0);
    assert!(check.stdout().contains("0 errors, 0 warnings"), "{}", check.shown());
    let build = run_in(&root, &["build"]);
    build.assert_exit(0);
    assert!(root.join("site/briefings/starmer-us-backstop/index.html").is_file(), "{}", build.shown());
    // the closing line says where the site went and how long it took
    let last = build.stdout().lines().last().unwrap_or_default().to_string();
    assert!(last.starts_with("built site/ in ") && last.contains(" s: ") && last.contains(" files; "), "{last}");
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let project = Project::empty("a folder with a file");
    project.write("notes.txt", "mine\n");
    let run = run_in(&project.root(), &["init"]);
    run.assert_exit(2);
    assert!(run.stdout().contains("error[refused-output]: . is not empty"), "{}", run.shown());
    assert!(run.stdout().contains("--force"), "{}", run.shown());
    assert!(!project.root().join("tracebrief.yaml").exists());
}

#[test]
fn init_with_force_adds_what_is_missing_and_keeps_every_file() {
    let project = Project::empty("a folder with settings");
    project.write("tracebrief.yaml", "title: My briefings\n");
    project.write("notes.txt", "mine\n");
    let run = run_in(&project.root(), &["init", "--force"]);
    run.assert_exit(0);
    assert_eq!(project.read("tracebrief.yaml"), "title: My briefings\n");
    assert_eq!(project.read("notes.txt"), "mine\n");
    assert!(run.stdout().contains("kept tracebrief.yaml: it is there already"), "{}", run.shown());
    assert!(project.root().join("content/starmer-us-backstop.yaml").is_file());
    run_in(&project.root(), &["check"]).assert_exit(0);
}

#[test]
fn quiet_runs_say_only_what_went_wrong() {
    let project = Project::example();
    let check = run_in(&project.root(), &["check", "--quiet"]);
    check.assert_exit(0);
    assert_eq!(check.stdout(), "", "{}", check.shown());
    let out = project.beside("out");
    let build = run_in(&project.root(), &["--quiet", "build", "--out", out.to_str().expect("a UTF-8 path")]);
    build.assert_exit(0);
    assert_eq!(build.text(), "", "{}", build.shown());

    let broken = Project::fixture("untraced-number");
    let check = run_in(&broken.root(), &["check", "-q"]);
    check.assert_exit(1);
    assert!(check.stdout().contains("error[untraced-number]"), "{}", check.shown());
    assert!(!check.stdout().contains("traced;"), "no summary line with --quiet:\n{}", check.shown());
}

#[test]
fn color_is_asked_for_or_refused_whatever_the_terminal() {
    let project = Project::fixture("untraced-number");
    let always = run_in(&project.root(), &["check", "--color", "always"]);
    assert!(always.stdout().contains("\x1b["), "--color always gives colour even in a pipe:\n{}", always.shown());
    let never = run_in(&project.root(), &["--color", "never", "check"]);
    assert!(!never.stdout().contains("\x1b["), "{}", never.shown());
}

#[test]
fn refusing_to_write_the_site_is_a_diagnostic() {
    let project = Project::example();
    let run = run_in(&project.root(), &["build", "--out", "."]);
    run.assert_exit(2);
    assert!(run.stdout().contains("error[refused-output]: refusing to write the site to ."), "{}", run.shown());
    assert!(run.stdout().contains("help: give another folder with --out"), "{}", run.shown());
    assert!(run.stderr().is_empty(), "{}", run.shown());
}

#[test]
fn completions_and_the_manual_page_are_printed() {
    let dir = TempDir::new().expect("a temporary directory");
    for (shell, says) in [("bash", "_tracebrief"), ("zsh", "#compdef tracebrief"), ("fish", "complete -c tracebrief")] {
        let run = run_in(dir.path(), &["completions", shell]);
        run.assert_exit(0);
        assert!(run.stdout().contains(says), "{shell}:\n{}", run.shown());
        assert!(run.stdout().contains("draft"), "{shell}:\n{}", run.shown());
    }
    let man = run_in(dir.path(), &["man"]);
    man.assert_exit(0);
    assert!(man.stdout().starts_with(".ie") || man.stdout().contains(".TH tracebrief"), "{}", man.shown());
}
