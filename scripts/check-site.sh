#!/usr/bin/env bash
# The site's quality gates (pages are valid HTML5 and pass an
# accessibility audit; readers see the evidence and can search), run over a
# built site and over a second build of the same project with `base_url` and
# `paginate_by: 2` (so that the feed, the sitemap and the further pages of
# every list are checked too):
#
#   1. the W3C Nu Html Checker (vnu.jar) over every HTML file and the
#      stylesheet: 0 errors (warnings are printed, not fatal);
#   2. axe-core in headless Chromium (playwright-core) on one page of every
#      page type, from file://, light and dark, 1280 and 390 px wide:
#      0 violations, and no page scrolls sideways;
#   3. the browser checks (scripts/browser.mjs): a figure's sentence shows
#      on hover, on keyboard focus and on tap, search finds what it should,
#      the feed and the sitemap parse;
#   4. feed.xml against Atom's RELAX NG schema and sitemap.xml against the
#      sitemap protocol's (scripts/schemas/, with the Jing inside vnu.jar).
#
#   scripts/check-site.sh [SITE_DIR] [--screenshots DIR]
#
# SITE_DIR defaults to site/ (build it first: cargo run --release -- build).
# The second build needs the tracebrief binary: $TRACEBRIEF, or
# target/release/tracebrief, or target/debug/tracebrief; without one it is
# skipped with a notice.
# What is missing is installed first: Debian's chromium and
# default-jre-headless (apt-get, as root or through sudo) and the pinned npm
# packages of scripts/package-lock.json (npm ci; nothing is downloaded by
# install scripts: vnu-jar's would fetch a Java runtime).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

site="$root/site"
axe_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --screenshots) axe_args+=(--screenshots "$2"); shift 2 ;;
    -h|--help) sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "check-site.sh: unknown option $1" >&2; exit 2 ;;
    *) site="$(cd "$1" && pwd)"; shift ;;
  esac
done

# ---- what the gates need -------------------------------------------------
missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (apt-get)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v node >/dev/null 2>&1 || { echo "check-site.sh: node (Node.js 18 or later) is needed" >&2; exit 2; }

# The npm packages, at the versions the lock file pins.
if ! (cd "$here" && node -e '
  const lock = require("./package-lock.json").packages;
  for (const name of Object.keys(lock[""].dependencies)) {
    const want = lock["node_modules/" + name].version;
    let have; try { have = require(name + "/package.json").version; } catch { process.exit(1); }
    if (have !== want) process.exit(1);
  }' 2>/dev/null); then
  echo "installing the npm packages of scripts/package-lock.json (npm ci)"
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

# ---- a second build, with base_url and small pages ---------------------------
sites=("$site")
binary="${TRACEBRIEF:-}"
for candidate in "$root/target/release/tracebrief" "$root/target/debug/tracebrief"; do
  [ -n "$binary" ] || { [ -x "$candidate" ] && binary="$candidate"; }
done
if [ -n "$binary" ] && [ "$site" = "$root/site" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/project"
  for folder in content seeds templates static; do
    [ -d "$root/$folder" ] && cp -R "$root/$folder" "$work/project/"
  done
  {
    [ -f "$root/tracebrief.yaml" ] && grep -v -E '^(base_url|paginate_by):' "$root/tracebrief.yaml"
    printf 'base_url: https://briefings.example.org/site/\npaginate_by: 2\n'
  } > "$work/project/tracebrief.yaml"
  printf '\n-- a second build: base_url and paginate_by: 2 (%s)\n' "$binary"
  "$binary" build --quiet --root "$work/project" --out "$work/site" || exit 1
  sites+=("$work/site")
elif [ "$site" = "$root/site" ]; then
  printf '\n-- no tracebrief binary: the second build (base_url, small pages) is skipped\n'
fi

# ---- the gates -------------------------------------------------------------
status=0
jar="$(cd "$here" && node -e 'console.log(require("path").join(require.resolve("vnu-jar/package.json"), "..", "build", "dist", "vnu.jar"))')"
for built in "${sites[@]}"; do
  shown="${built#"$root"/}"
  printf '\n-- W3C Nu Html Checker: every page of %s\n' "$shown"
  node "$here/vnu.mjs" "$built" || status=1

  printf '\n-- axe-core in headless Chromium: every page type of %s, light/dark, 1280/390 px\n' "$shown"
  if [ "$built" = "$site" ]; then
    node "$here/axe.mjs" "$built" ${axe_args[@]+"${axe_args[@]}"} || status=1
  else
    node "$here/axe.mjs" "$built" || status=1
  fi

  printf '\n-- in the browser: evidence on hover, focus and tap; search; feed and sitemap (%s)\n' "$shown"
  node "$here/browser.mjs" "$built" || status=1

  pairs="feed.xml:atom.rnc sitemap.xml:sitemap.rnc"
  for part in "$built"/sitemap-*.xml; do
    [ -f "$part" ] && pairs="$pairs ${part##*/}:sitemap.rnc"
  done
  for pair in $pairs; do
    file="${pair%%:*}"; schema="${pair#*:}"
    [ -f "$built/$file" ] || continue
    printf '\n-- %s against scripts/schemas/%s\n' "$file" "$schema"
    if java -cp "$jar" nu.validator.vendor.thaiopensource.relaxng.util.Driver -c "$here/schemas/$schema" "$built/$file"; then
      echo "ok   $file is valid"
    else
      status=1
    fi
  done
done

if [ "$status" -ne 0 ]; then
  printf '\ncheck-site: FAILED (see above)\n' >&2
else
  printf '\ncheck-site: ok\n'
fi
exit "$status"
