#!/usr/bin/env bash
# The screening evidence base end to end: fictional example data (scripts/generate-screenings.py)
# evaluated and reported in every format; the suppression attack (Tests/e2e/suppression-attack.py)
# run over several reports; the HTML page rendered in headless Chromium, its chart points and
# hidden cells counted, and a screenshot kept in $SCREENSHOT_DIR (default: the work folder, removed).
#   Tests/e2e/report-screening.sh path/to/indicia
set -euo pipefail
BIN=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export INDICIA_PACKS="$ROOT"
fail() { echo "report-screening: $*" >&2; exit 1; }
occurrences() { { grep -o -- "$1" "$2" || true; } | wc -l; }

python3 "$ROOT/scripts/generate-screenings.py" > "$WORK/cases.ndjson"
"$BIN" evaluate "$WORK/cases.ndjson" > "$WORK/results.ndjson"
head -n 120 "$WORK/results.ndjson" > "$WORK/small.ndjson"

# Every format, and nothing from a case: no ids, no notes, no dates.
for format in markdown json csv html; do
  "$BIN" report "$WORK/results.ndjson" --format "$format" --out "$WORK/report.$format"
  grep -qE 'wy-[0-9]{7}|FICTIONAL-NOTE|20[0-9]{2}-[01][0-9]-[0-3][0-9]' "$WORK/report.$format" \
    && fail "the $format report shows an id, a note or a date"
done

# The attack: it must not recover any hidden count.
"$BIN" report "$WORK/results.ndjson" --format json --out "$WORK/all.json"
"$BIN" report "$WORK/small.ndjson" --format json --out "$WORK/small.json"
"$BIN" report "$WORK/results.ndjson" --format json --from 2024-04-01 --to 2024-06-30 --out "$WORK/quarter.json"
"$BIN" report "$WORK/results.ndjson" --format json --suppress 10 --out "$WORK/ten.json"
python3 "$ROOT/Tests/e2e/suppression-attack.py" "$WORK/all.json" "$WORK/small.json" "$WORK/quarter.json" "$WORK/ten.json"

# The attack itself can fail: with nothing hidden but the small counts (a report whose hidden
# cells are only the primary ones), it must recover one.
"$BIN" report "$WORK/small.ndjson" --format json --suppress 1 --out "$WORK/truth.json"
python3 - "$WORK/truth.json" "$WORK/naive.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for statistics in report["screening"]:
    for table in statistics["tables"]:
        for cell in table["cells"]:
            if cell["count"] is not None and 1 <= cell["count"] <= 4:
                cell["count"], cell["hidden"] = None, True
    statistics["hidden_below"] = 5
json.dump(report, open(sys.argv[2], "w"))
PY
if python3 "$ROOT/Tests/e2e/suppression-attack.py" "$WORK/naive.json" >/dev/null 2>&1; then
  fail "the attack recovered nothing from a report with primary suppression only: it is not attacking"
fi

# The HTML page in headless Chromium.
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || fail "chromium is not installed"
html="$WORK/report.html"
grep -qi '<script' "$html" && fail "the page must not contain scripts"
grep -qE '(src|href)="https?:' "$html" && fail "the page must not load anything from the network"
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --user-data-dir="$WORK/profile")
"$CHROME" "${flags[@]}" --dump-dom "file://$html" > "$WORK/dom.html" 2>/dev/null
shots=${SCREENSHOT_DIR:-$WORK}
"$CHROME" "${flags[@]}" --screenshot="$shots/report-screening.png" --window-size=1100,1800 "file://$html" >/dev/null 2>&1
grep -q '<svg id="trend"' "$WORK/dom.html" || fail "no trend chart"
points=$(occurrences 'class="point"' "$WORK/dom.html")
marks=$(occurrences 'class="hidden-point"' "$WORK/dom.html")
# Three years of data: 12 quarters, each either a point or a hidden mark.
[ $((points + marks)) -eq 12 ] || fail "expected 12 quarters on the chart, found $points points and $marks hidden marks"
# The trend counts by level of concern (outcomes sharing a level together), so over three years of
# example data every quarter's total is large enough to publish: the chart must draw all 12.
[ "$points" -eq 12 ] || fail "expected every quarter of the example data as a chart point, found $points points and $marks hidden marks"
expected_hidden=$(python3 -c "
import json
r = json.load(open('$WORK/all.json'))
print(sum(1 for s in r['screening'] for t in s['tables'] for c in t['cells'] if c.get('hidden')))")
hidden_cells=$(occurrences 'data-hidden="true"' "$WORK/dom.html")
[ "$hidden_cells" -eq "$expected_hidden" ] || fail "the page hides $hidden_cells cells, the JSON $expected_hidden"
[ "$(occurrences 'data-table="area_type"' "$WORK/dom.html")" -eq 48 ] || fail "expected 8 rows x 6 columns in the area table"
size=$(stat -c %s "$shots/report-screening.png" 2>/dev/null || echo 0)
[ "$size" -gt 20000 ] || fail "screenshot missing or empty ($size bytes)"
echo "report-screening: passed (4 formats, attack over 4 reports, $points chart points, $marks hidden quarters, $hidden_cells hidden cells, screenshot $size bytes)"
