//! How long `check` takes on 1,000 generated briefings: loading every sheet
//! and seed, then tracing every figure, quote and actor.
//!
//! `cargo bench --bench check`. Peak memory is measured on the command line:
//! `cargo run --release --example corpus -- /tmp/corpus 1000` then
//! `/usr/bin/time -v target/release/tracebrief check --root /tmp/corpus`.

use criterion::{Criterion, criterion_group, criterion_main};
use tracebrief::{project, trace};

#[path = "corpus.rs"]
mod corpus;

fn check(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    corpus::write_project(dir.path(), 1000).expect("writing the corpus");
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.bench_function("1000 briefings", |b| {
        b.iter(|| {
            let project = project::load(dir.path()).expect("the corpus loads");
            let trace = trace::trace(&project);
            assert!(trace.diagnostics.iter().all(|d| d.severity != tracebrief::diagnostic::Severity::Error));
            trace
        })
    });
    group.finish();
}

criterion_group!(benches, check);
criterion_main!(benches);
