#!/usr/bin/env bash
# Renders the network report for the two example rounds of agency assessments in headless Chromium:
# checks the page has the expected heatmap cells, change marks, the rounds chart and the priorities
# chart, and that a screenshot can be taken (kept at $REPORT_SCREENSHOT when that is set).
#   Tests/e2e/report-html.sh path/to/indicia
set -euo pipefail
BIN=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || { echo "report-html: chromium is not installed" >&2; exit 1; }

mkdir -p "$WORK/2025" "$WORK/2026"
INDICIA_PACKS="$ROOT" "$BIN" evaluate "$ROOT/examples/training/agencies-2025.ndjson" > "$WORK/2025/results.ndjson"
INDICIA_PACKS="$ROOT" "$BIN" evaluate "$ROOT/examples/training/agencies.ndjson" > "$WORK/2026/results.ndjson"
INDICIA_PACKS="$ROOT" "$BIN" report --rounds "$WORK/2025" "$WORK/2026" --format html --out "$WORK/report.html"
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
expect_cell "Airedale Youth Offending Team" referral amber
expect_cell "Hillside Salvation Army outreach (first responder)" sharing green
# Change since 2025: Millbank Academy closed its referral gap; Riverside Jobcentre's stayed open.
grep -qF 'data-agency="Millbank Academy" data-area="referral" data-rag="green" data-change="closed" data-before="amber"' "$WORK/dom.html" \
  || fail "Millbank Academy's closed referral gap is not marked"
grep -qF 'data-agency="Riverside Jobcentre" data-area="referral" data-rag="red" data-change="stayed"' "$WORK/dom.html" \
  || fail "Riverside Jobcentre's open referral gap is not marked"
grep -qF 'data-agency="HMP Northmoor (fictional)" data-area="children" data-rag="red" data-change="new"' "$WORK/dom.html" \
  || fail "a new agency's cells are not marked new"
cells=$(grep -o 'data-agency="[^"]*" data-area=' "$WORK/dom.html" | wc -l)
[ "$cells" -eq 147 ] || fail "expected 21 agencies x 7 areas = 147 cells, found $cells"
grep -q '<svg id="rounds"' "$WORK/dom.html" || fail "no chart of cells by band per round"
grep -q 'Kirkgate community centre (fictional) (last assessed in 2025' "$WORK/dom.html" || fail "the agency not re-assessed is not named"
grep -q 'matched by its number' "$WORK/dom.html" || fail "the renamed agency is not stated"
grep -q '<svg id="priorities"' "$WORK/dom.html" || fail "no priorities chart"
[ "$(grep -o '<rect [^>]*data-rag=' "$WORK/dom.html" | wc -l)" -eq 12 ] || fail "expected 12 bars in the priorities chart"
grep -q 'fill="#f47738"' "$WORK/dom.html" && fail "a bar colour does not match the legend"
size=$(stat -c %s "$WORK/report.png" 2>/dev/null || echo 0)
[ "$size" -gt 20000 ] || fail "screenshot missing or empty ($size bytes)"
[ -n "${REPORT_SCREENSHOT:-}" ] && cp "$WORK/report.png" "$REPORT_SCREENSHOT"
echo "report-html: passed ($cells heatmap cells with change marks, 12 bars, screenshot $size bytes)"
