//! How long loading and tracing take on 1,000 generated briefings: every
//! sheet and seed read, every figure, quote and actor traced (the part of
//! `check` before rendering).
//!
//! `cargo bench --bench check`. Peak memory is measured on the command line:
//! `cargo run --release --example corpus -- /tmp/corpus 1000` then
//! `/usr/bin/time -v target/release/tracebrief check --root /tmp/corpus`.

use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;
use tracebrief::{project, trace};

// the corpus example also writes the briefings as a Hugo site; this bench needs only the project
#[allow(dead_code)]
#[path = "corpus.rs"]
mod corpus;

fn check(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    corpus::write_project(dir.path(), 1000).expect("writing the corpus");
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.bench_function("1000 briefings", |b| {
        b.iter(|| {
            let project = project::open(dir.path()).expect("the corpus opens");
            let traces: Vec<trace::Trace> = project
                .sheets
                .par_iter()
                .map(|sheet| trace::briefing(&project.load(sheet).expect("each briefing loads")))
                .collect();
            assert!(
                traces
                    .iter()
                    .flat_map(|t| &t.diagnostics)
                    .all(|d| d.severity != tracebrief::diagnostic::Severity::Error)
            );
            traces
        })
    });
    group.finish();
}

criterion_group!(benches, check);
criterion_main!(benches);
