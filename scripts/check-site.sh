#!/usr/bin/env bash
# The site's quality gates (pages are valid HTML5 and pass an
# accessibility audit), run over a built site:
#
#   1. the W3C Nu Html Checker (vnu.jar) over every HTML file and the
#      stylesheet: 0 errors (warnings are printed, not fatal);
#   2. axe-core in headless Chromium (playwright-core) on one page of every
#      page type, from file://, light and dark, 1280 and 390 px wide:
#      0 violations, and no page scrolls sideways.
#
#   scripts/check-site.sh [SITE_DIR] [--screenshots DIR]
#
# SITE_DIR defaults to site/ (build it first: cargo run --release -- build).
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
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

# ---- the gates -------------------------------------------------------------
status=0
printf '\n-- W3C Nu Html Checker: every page of %s\n' "${site#"$root"/}"
node "$here/vnu.mjs" "$site" || status=1

printf '\n-- axe-core in headless Chromium: every page type, light/dark, 1280/390 px\n'
node "$here/axe.mjs" "$site" ${axe_args[@]+"${axe_args[@]}"} || status=1

if [ "$status" -ne 0 ]; then
  printf '\ncheck-site: FAILED (see above)\n' >&2
else
  printf '\ncheck-site: ok\n'
fi
exit "$status"
