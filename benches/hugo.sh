#!/usr/bin/env bash
# tracebrief side by side with Hugo, on the same generated briefings.
#
#   benches/hugo.sh [BRIEFINGS] [RUNS]     (default: 1000 briefings, 3 runs)
#
# The corpus example writes the briefings twice: as a tracebrief project
# and as a Hugo site that shows the same things (a page a briefing with its
# summary, figures, quotes, actors and source text; the home page; the
# actors as a taxonomy with a page each). Then Hugo's build, tracebrief's
# build and tracebrief's check run in turn, RUNS rounds after one warm-up,
# each timed whole with /usr/bin/time, into fresh output folders. It prints
# the median wall time and peak memory of each, and the medians of the
# ratios of each round — on a shared, noisy machine only ratios from one
# interleaved run mean anything.
#
# Needs Hugo (Debian: apt-get install hugo) and GNU time (apt-get install time).
# Work goes to /dev/shm when it is there (memory, so the disk is not timed).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
runs=${2:-3}
for tool in hugo /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "missing: $tool (see the header of $0)" >&2; exit 2; }
done
cargo build --release --quiet --example corpus
cargo build --release --quiet
base=/dev/shm
[ -d "$base" ] && [ -w "$base" ] || base=${TMPDIR:-/tmp}
work=$(mktemp -d "$base/tracebrief-hugo.XXXXXX")
trap 'rm -rf "$work"' EXIT
target/release/examples/corpus "$work/tb" "$n" --hugo "$work/hugo" > /dev/null

# one <label> <command…>: runs it into fresh output, appends "label wall_s peak_kb"
one() {
  local label=$1
  shift
  rm -rf "$work/out-hugo" "$work/out-tb"
  /usr/bin/time -f "$label %e %M" -a -o "$work/times" "$@" > /dev/null
}
round() {
  one hugo hugo --quiet -s "$work/hugo" -d "$work/out-hugo"
  one build target/release/tracebrief build --root "$work/tb" --out "$work/out-tb"
  one check target/release/tracebrief check --root "$work/tb"
}
round
: > "$work/times"
for _ in $(seq "$runs"); do round; done

python3 - "$work/times" "$n" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
n = sys.argv[2]
def of(label, column):
    return [float(r[column]) for r in rows if r[0] == label]
for label in ("hugo", "build", "check"):
    name = "hugo" if label == "hugo" else f"tracebrief {label}"
    print(f"{name:18} {statistics.median(of(label, 1)):6.2f} s  {statistics.median(of(label, 2)) / 1024:7.1f} MiB peak")
ratio = lambda a, b, column: statistics.median(x / y for x, y in zip(of(a, column), of(b, column)))
print(f"N={n} build/hugo={ratio('build', 'hugo', 1):.2f} check/hugo={ratio('check', 'hugo', 1):.2f} "
      f"mem/hugo={ratio('build', 'hugo', 2):.2f}")
PY
