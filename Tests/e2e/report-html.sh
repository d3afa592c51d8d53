#!/usr/bin/env bash
# Renders the network report for the example agencies in headless Chromium: checks the page has the
# expected heatmap cells and chart, and that a screenshot can be taken.
#   Tests/e2e/report-html.sh path/to/indicia
set -euo pipefail
BIN=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || { echo "report-html: chromium is not installed" >&2; exit 1; }

INDICIA_PACKS="$ROOT" "$BIN" evaluate "$ROOT/examples/training/agencies.ndjson" > "$WORK/results.ndjson"
INDICIA_PACKS="$ROOT" "$BIN" report "$WORK/results.ndjson" --format html --out "$WORK/report.html"
grep -qi '<script' "$WORK/report.html" && { echo "report-html: the page must not contain scripts" >&2; exit 1; }
grep -qE '(src|href)="https?:' "$WORK/report.html" && { echo "report-html: the page must not load anything from the network" >&2; exit 1; }

flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --user-data-dir="$WORK/profile")
"$CHROME" "${flags[@]}" --dump-dom "file://$WORK/report.html" > "$WORK/dom.html" 2>/dev/null
"$CHROME" "${flags[@]}" --screenshot="$WORK/report.png" --window-size=1200,1600 "file://$WORK/report.html" >/dev/null 2>&1

fail() { echo "report-html: $*" >&2; exit 1; }
expect_cell() {  # agency area rag
  grep -qF "data-agency=\"$1\" data-area=\"$2\" data-rag=\"$3\"" "$WORK/dom.html" || fail "missing cell: $1 / $2 / $3"
}
expect_cell "Riverside Jobcentre" referral red
expect_cell "Calderbridge health visiting team" indicators green
expect_cell "Airedale Youth Offending Team" response amber
expect_cell "Hillside Salvation Army outreach (first responder)" sharing green
cells=$(grep -o 'data-rag="' "$WORK/dom.html" | wc -l)
[ "$cells" -eq 78 ] || fail "expected 13 agencies x 6 areas = 78 cells, found $cells"
grep -q '<svg id="priorities"' "$WORK/dom.html" || fail "no priorities chart"
[ "$(grep -o '<rect ' "$WORK/dom.html" | wc -l)" -eq 12 ] || fail "expected 12 bars in the priorities chart"
size=$(stat -c %s "$WORK/report.png" 2>/dev/null || echo 0)
[ "$size" -gt 20000 ] || fail "screenshot missing or empty ($size bytes)"
echo "report-html: passed ($cells heatmap cells, 12 bars, screenshot $size bytes)"
