#!/usr/bin/env bash
# Times `tracebrief build` on generated corpora of 1,000 and 10,000 briefings
# (each: a 25-sentence seed, 8 actors from a shared pool of 500, 6 quotes,
# 10 figures; the same corpus on every run) and reports wall time and peak
# memory. Usage: benches/build.sh [BRIEFINGS...]   (default: 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --example corpus
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
for n in "${sizes[@]}"; do
  target/release/examples/corpus "$work/c$n" "$n" > /dev/null
  /usr/bin/time -f "%e %M" -o "$work/time" target/release/tracebrief build --root "$work/c$n" > /dev/null
  read -r seconds kb < "$work/time"
  files=$(find "$work/c$n/site" -type f | wc -l)
  printf '%6d briefings: %6.2f s wall, %5d MB peak, %d files\n' "$n" "$seconds" $((kb / 1024)) "$files"
  rm -rf "$work/c$n"
done
