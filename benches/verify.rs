//! Throughput of the published-number check: every HTML page of the site
//! built from 1,000 generated briefings, verified in memory against the
//! mentions of their seeds (and of the figures traced to them, as the build
//! gives them), in bytes of HTML per second.
//!
//! `cargo bench --bench verify`. The pages are rendered here, once, from the
//! corpus of `benches/corpus.rs`; every one of their numbers is accounted
//! for, so each traced mention is scanned and judged, and none is reported.
//!
//! To time the command line on the same site:
//! `cargo run --release --example corpus -- /tmp/vcorpus 1000` then
//! `time target/release/tracebrief check --root /tmp/vcorpus`.

use std::collections::HashMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tracebrief::config::Settings;
use tracebrief::numbers::{self, Mention};
use tracebrief::project::{self, Project};
use tracebrief::trace::{self, FactKind, Trace};
use tracebrief::{build, site, verify};

#[path = "corpus.rs"]
mod corpus;

/// The mentions of each sentence of each briefing, and of the figures
/// traced to it as the site publishes them.
struct SeedMentions(HashMap<String, Vec<Vec<Mention>>>);

impl SeedMentions {
    fn new(project: &Project, trace: &Trace) -> SeedMentions {
        let traced: HashMap<(&str, &str), usize> = trace
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Number)
            .filter_map(|f| Some(((f.briefing.as_str(), f.id.as_str()), f.stated.as_ref()?.sentence)))
            .collect();
        let mut by_briefing = HashMap::new();
        for b in &project.briefings {
            let mut sentences = numbers::scan_seed(project.seed_of(b));
            for f in &b.figures {
                let Some(&n) = traced.get(&(b.slug.as_str(), f.id.value.as_str())) else { continue };
                let published = site::format::figure(&f.value.value, f.unit(), None);
                if let (Some(m), Some(sentence)) = (numbers::scan(&published).pop(), sentences.get_mut(n - 1)) {
                    sentence.push(m);
                }
            }
            by_briefing.insert(b.slug.clone(), sentences);
        }
        SeedMentions(by_briefing)
    }
}

impl verify::Sentences for SeedMentions {
    fn mentions(&self, briefing: &str, sentence: usize) -> Option<&[Mention]> {
        self.0.get(briefing)?.get(sentence.checked_sub(1)?).map(Vec::as_slice)
    }
}

/// The HTML pages of the site built from `root`, and the sentences they trace to.
fn site(root: &Path) -> (Vec<(PathBuf, String)>, SeedMentions) {
    let project = project::load(root).expect("the corpus loads");
    let mut sources = project.sources.clone();
    let settings = Settings::load(root, &mut sources).expect("the corpus has settings");
    let run = build::run(&project, &settings, &mut sources);
    let files = run.site.expect("the corpus builds");
    let pages = files
        .paths()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| {
            let html = String::from_utf8(files.get(p).unwrap_or_default().to_vec()).expect("pages are UTF-8");
            (p.to_path_buf(), html)
        })
        .collect();
    let trace = trace::trace(&project);
    (pages, SeedMentions::new(&project, &trace))
}

fn verify_site(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    corpus::write_project(dir.path(), 1000).expect("writing the corpus");
    let (pages, seeds) = site(dir.path());
    let bytes: usize = pages.iter().map(|(_, html)| html.len()).sum();
    for (path, html) in &pages {
        let found = verify::check_page(path, html, &seeds);
        assert!(found.is_empty(), "{}: {found:?}", path.display());
    }

    let mut group = c.benchmark_group("verify");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(format!("{} pages", pages.len()), |b| {
        b.iter(|| {
            for (path, html) in &pages {
                black_box(verify::check_page(path, html, &seeds));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, verify_site);
criterion_main!(benches);
