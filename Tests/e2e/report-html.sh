#!/usr/bin/env bash
# Renders the network report for two rounds of agency assessments of the test-owned skills pack
# (Tests/IndiciaCLITests/Fixtures: packs/*/skills.yaml, cases/skills-*.ndjson) in headless Chromium,
# so editing the shipped training pack or its example data never breaks it: checks the page's
# heatmap cells and change marks, the rounds chart and the priorities chart, and that a screenshot
# can be taken (kept at $REPORT_SCREENSHOT when that is set).
#   Tests/e2e/report-html.sh path/to/indicia
set -euo pipefail
BIN=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || { echo "report-html: chromium is not installed" >&2; exit 1; }

FIXTURES="$ROOT/Tests/IndiciaCLITests/Fixtures"
export INDICIA_PACKS="$FIXTURES/packs"
mkdir -p "$WORK/2025" "$WORK/2026"
"$BIN" evaluate "$FIXTURES/cases/skills-2025.ndjson" > "$WORK/2025/results.ndjson"
"$BIN" evaluate "$FIXTURES/cases/skills-2026.ndjson" > "$WORK/2026/results.ndjson"
"$BIN" report --rounds "$WORK/2025" "$WORK/2026" --format html --out "$WORK/report.html"
grep -qi '<script' "$WORK/report.html" && { echo "report-html: the page must not contain scripts" >&2; exit 1; }
grep -qE '(src|href)="https?:' "$WORK/report.html" && { echo "report-html: the page must not load anything from the network" >&2; exit 1; }

flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --user-data-dir="$WORK/profile")
"$CHROME" "${flags[@]}" --dump-dom "file://$WORK/report.html" > "$WORK/dom.html" 2>/dev/null
"$CHROME" "${flags[@]}" --screenshot="$WORK/report.png" --window-size=1200,1600 "file://$WORK/report.html" >/dev/null 2>&1

fail() { echo "report-html: $*" >&2; exit 1; }
expect_cell() {  # agency area rag
  grep -qF "data-agency=\"$1\" data-area=\"$2\" data-rag=\"$3\"" "$WORK/dom.html" || fail "missing cell: $1 / $2 / $3"
}
# Required levels: a school needs 2 in spotting the signs and 3 in referrals, a clinic 3 and 2.
# Hilltop School: referrals at level 1 with 60% trained, both years: red, and the gap stayed open.
expect_cell "Hilltop School" spotting green
grep -qF 'data-agency="Hilltop School" data-area="referral" data-rag="red" data-change="stayed"' "$WORK/dom.html" \
  || fail "Hilltop School's open referral gap is not marked as stayed"
# Riverbank (agency 2, renamed): spotting at level 2 with 70% trained (amber), now level 3 with 90%.
grep -qF 'data-agency="Riverbank Health Clinic" data-area="spotting" data-rag="green" data-change="closed" data-before="amber"' "$WORK/dom.html" \
  || fail "Riverbank Health Clinic's closed gap is not marked"
expect_cell "Riverbank Health Clinic" referral green
# Lakeside School is new in 2026: no training in spotting the signs.
grep -qF 'data-agency="Lakeside School" data-area="spotting" data-rag="red" data-change="new"' "$WORK/dom.html" \
  || fail "a new agency's cells are not marked new"
cells=$(grep -o 'data-agency="[^"]*" data-area=' "$WORK/dom.html" | wc -l)
[ "$cells" -eq 6 ] || fail "expected 3 agencies x 2 areas = 6 cells, found $cells"
grep -q '<svg id="rounds"' "$WORK/dom.html" || fail "no chart of cells by band per round"
grep -q 'Old Mill Centre (last assessed in 2025' "$WORK/dom.html" || fail "the agency not re-assessed is not named"
grep -q 'matched by its number' "$WORK/dom.html" || fail "the renamed agency is not stated"
grep -q '<svg id="priorities"' "$WORK/dom.html" || fail "no priorities chart"
# Two red cells with a priority: Lakeside's spotting and Hilltop's referrals, each a red bar.
[ "$(grep -o '<rect [^>]*data-rag="red"' "$WORK/dom.html" | wc -l)" -eq 2 ] || fail "expected 2 red bars in the priorities chart"
[ "$(grep -o '<rect [^>]*data-rag=' "$WORK/dom.html" | wc -l)" -eq 2 ] || fail "expected 2 bars in the priorities chart"
grep -q 'fill="#f47738"' "$WORK/dom.html" && fail "a bar colour does not match the legend"
size=$(stat -c %s "$WORK/report.png" 2>/dev/null || echo 0)
[ "$size" -gt 20000 ] || fail "screenshot missing or empty ($size bytes)"
[ -n "${REPORT_SCREENSHOT:-}" ] && cp "$WORK/report.png" "$REPORT_SCREENSHOT"
echo "report-html: passed ($cells heatmap cells with change marks, 2 bars, screenshot $size bytes)"
