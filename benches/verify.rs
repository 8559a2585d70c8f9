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
use tracebrief::numbers::Mention;
use tracebrief::output::{Removal, Staging};
use tracebrief::project;
use tracebrief::site::model::BriefingModel;
use tracebrief::{build, trace, verify};

// the corpus example also writes the briefings as a Hugo site; this bench needs only the project
#[allow(dead_code)]
#[path = "corpus.rs"]
mod corpus;

/// The mentions of each sentence of each briefing, and of the figures
/// traced to it as the site publishes them.
struct SeedMentions(HashMap<String, Vec<Vec<Mention>>>);

impl verify::Sentences for SeedMentions {
    fn mentions(&self, briefing: &str, sentence: usize) -> Option<&[Mention]> {
        self.0.get(briefing)?.get(sentence.checked_sub(1)?).map(Vec::as_slice)
    }
}

/// The HTML pages of the site built from `root`, and the sentences they trace to.
fn site(root: &Path, out: &Path) -> (Vec<(PathBuf, String)>, SeedMentions) {
    let project = project::open(root).expect("the corpus opens");
    let settings = Settings::load(root, &mut Default::default()).expect("the corpus has settings");
    let staging = Staging::begin(out, false, Removal::Inline).expect("a staging folder");
    let run = build::run(&project, &settings, build::Output::Staging(&staging), false);
    assert_eq!(run.tally().errors, 0, "the corpus builds");
    staging.commit().expect("the site is written");
    let pages = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| (e.path().to_path_buf(), std::fs::read_to_string(e.path()).expect("pages are UTF-8")))
        .collect();
    let mut sentences = HashMap::new();
    let strings = tracebrief::config::Settings::default().strings();
    for sheet in &project.sheets {
        let loaded = project.load(sheet).expect("each briefing loads");
        let trace = trace::briefing(&loaded);
        let accepted = BriefingModel::new(&loaded, &trace, &strings).accepted_mentions();
        sentences.insert(loaded.briefing.slug.clone(), accepted);
    }
    (pages, SeedMentions(sentences))
}

fn verify_site(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    corpus::write_project(dir.path(), 1000).expect("writing the corpus");
    let (pages, seeds) = site(dir.path(), &dir.path().join("site"));
    let bytes: usize = pages.iter().map(|(_, html)| html.len()).sum();
    // pages read from disk come without their templates' data
    let (css, given) = (verify::Stylesheets::default(), verify::Given::unknown());
    let known = verify::Known { sentences: &seeds, css: &css, given: &given };
    for (path, html) in &pages {
        let found = verify::check_page(path, html, known);
        assert!(found.is_empty(), "{}: {found:?}", path.display());
    }

    let mut group = c.benchmark_group("verify");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(format!("{} pages", pages.len()), |b| {
        b.iter(|| {
            for (path, html) in &pages {
                black_box(verify::check_page(path, html, known));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, verify_site);
criterion_main!(benches);
