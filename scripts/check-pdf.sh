#!/usr/bin/env bash
# The printable briefings' PDFs (briefings/<slug>/briefing.pdf, the
# same as print.html, written by `tracebrief build --pdf`), checked with
# poppler-utils over a built site:
#
#   1. every briefing of trace.json has its briefing.pdf, A4, at most
#      --max-pages pages (pdfinfo);
#   2. the PDF's text (pdftotext -raw, white space squeezed, lines rejoined)
#      holds every figure as print.html publishes it, and the exact text of
#      every sentence a figure or quote is traced to, as `tracebrief scan`
#      reads it from the seed;
#   3. with --png FILE, page 1 of the first briefing rendered at 80 dpi
#      (pdftoppm) to FILE, to look at.
#
#   scripts/check-pdf.sh SITE_DIR [--root DIR] [--bin TRACEBRIEF] [--max-pages N] [--png FILE]
#
# --root is the project the site was built from (default: this repository);
# --bin the tracebrief to scan seeds with (default: target/release/tracebrief);
# --max-pages defaults to 3. Needs python3 and poppler-utils (Debian:
# apt-get install poppler-utils).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

site=""
project="$root"
bin="$root/target/release/tracebrief"
max_pages=3
png=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) project="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --max-pages) max_pages="$2"; shift 2 ;;
    --png) png="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "check-pdf.sh: unknown option $1" >&2; exit 2 ;;
    *) site="$1"; shift ;;
  esac
done
[ -n "$site" ] || { echo "check-pdf.sh: give the built site's folder (see --help)" >&2; exit 2; }
[ -d "$site" ] || { echo "check-pdf.sh: no folder $site" >&2; exit 2; }
for tool in python3 pdftotext pdfinfo pdftoppm; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "check-pdf.sh: $tool is needed (Debian: apt-get install python3 poppler-utils)" >&2
    exit 2
  }
done
[ -x "$bin" ] || { echo "check-pdf.sh: no tracebrief at $bin (cargo build --release, or give --bin)" >&2; exit 2; }

python3 - "$site" "$project" "$bin" "$max_pages" "$png" <<'PY'
import html.parser
import json
import os
import subprocess
import sys

site, project, binary, max_pages, png = sys.argv[1:6]
max_pages = int(max_pages)


def run(*args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"check-pdf.sh: {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class PublishedValues(html.parser.HTMLParser):
    """The text of each `tr#figure-<id> td.value` of a print page, by figure id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values, self.row, self.depth, self.cell = {}, None, 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and (attrs.get("id") or "").startswith("figure-"):
            self.row = attrs["id"][len("figure-"):]
        elif tag == "td" and self.row and "value" in (attrs.get("class") or "").split():
            self.cell, self.depth = [], 0
        elif self.cell is not None and tag not in VOID:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.cell is None:
            if tag == "tr":
                self.row = None
        elif self.depth == 0 and tag == "td":
            self.values[self.row] = " ".join("".join(self.cell).split())
            self.cell = None
        else:
            self.depth -= 1

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def squeezed(text):
    return " ".join(text.split())


trace = json.load(open(os.path.join(site, "trace.json"), encoding="utf-8"))
problems = []
first_pdf = None
for briefing in trace["briefings"]:
    slug = briefing["slug"]
    folder = os.path.join(site, "briefings", slug)
    pdf = os.path.join(folder, "briefing.pdf")
    if not os.path.isfile(pdf):
        problems.append(f"{slug}: no briefing.pdf (build with --pdf)")
        continue
    first_pdf = first_pdf or pdf

    info = dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition(":") for line in run("pdfinfo", pdf).splitlines())
    )
    pages = int(info.get("Pages", "0"))
    if not 1 <= pages <= max_pages:
        problems.append(f"{slug}: {pages} pages (at most {max_pages})")
    if "(A4)" not in info.get("Page size", ""):
        problems.append(f"{slug}: pages of {info.get('Page size')}, not A4")

    # lines rejoined: a hyphen ending a line kept (a hyphenated word) or dropped (hyphenation)
    text = squeezed(run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"))
    variants = (text.replace("- ", "-"), text.replace("- ", ""))
    holds = lambda words: any(words in v for v in variants)

    parser = PublishedValues()
    parser.feed(open(os.path.join(folder, "print.html"), encoding="utf-8").read())
    scan = json.loads(run(binary, "scan", os.path.join(project, briefing["source"]), "--format", "json"))
    sentences = {s["id"]: squeezed(s["text"]) for s in scan["sentences"]}

    checked = 0
    for fact in briefing["facts"]:
        if fact["kind"] not in ("number", "quote") or not fact.get("sentence"):
            continue
        if fact["kind"] == "number":
            value = parser.values.get(fact["id"])
            if value is None:
                problems.append(f"{slug}: print.html has no row figure-{fact['id']}")
            elif not holds(value):
                problems.append(f"{slug}: the PDF does not hold the figure {fact['id']}: `{value}`")
        sentence = sentences.get(fact["sentence"], "")
        if not sentence or not holds(sentence):
            problems.append(f"{slug}: the PDF does not hold {fact['sentence']} (of {fact['id']}): `{sentence}`")
        checked += 1
    print(f"{slug}: {pages} A4 page(s); {checked} figures and quotes with their sentences checked")

if png and first_pdf:
    stem = png[:-4] if png.endswith(".png") else png
    run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", first_pdf, stem)
    print(f"page 1 of {os.path.relpath(first_pdf, site)}: {stem}.png")

if problems:
    print("\n".join(["", *problems, "", "check-pdf: FAILED"]), file=sys.stderr)
    sys.exit(1)
print("check-pdf: ok")
PY
