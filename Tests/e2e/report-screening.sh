#!/usr/bin/env bash
# The screening evidence base end to end on the test-owned welfare-check pack
# (Tests/IndiciaCLITests/Fixtures/packs), so editing the shipped screening pack or its example data
# never breaks it: three years of seeded fictional visits evaluated and reported in every format;
# the suppression attack (Tests/e2e/suppression-attack.py) run over several reports; the HTML page
# rendered in headless Chromium, its chart points and hidden cells counted, and a screenshot kept in
# $SCREENSHOT_DIR (default: the work folder, removed).
#   Tests/e2e/report-screening.sh path/to/indicia
set -euo pipefail
BIN=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export INDICIA_PACKS="$ROOT/Tests/IndiciaCLITests/Fixtures/packs"
fail() { echo "report-screening: $*" >&2; exit 1; }
occurrences() { { grep -o -- "$1" "$2" || true; } | wc -l; }

# 1,500 visits over 2023-2025 (seeded, so every run reports the same counts): ids wf-NNNNNNN, some
# notes marked FICTIONAL-NOTE, every answer of the welfare pack drawn at random.
python3 - > "$WORK/cases.ndjson" <<'PY'
import datetime, json, random
rng = random.Random(20261129)
start = datetime.date(2023, 1, 1)
def yes(p): return "yes" if rng.random() < p else "no"
for n in range(1500):
    answers = {
        "in_danger": "yes" if rng.random() < 0.03 else "no",
        "seen_alone": yes(0.8),
        "visit_date": (start + datetime.timedelta(days=rng.randrange(3 * 365))).isoformat(),
        "district": rng.choice(["north", "north", "south", "elsewhere", "not_known"]),
        "worker_role": rng.choice(["nurse", "teacher", "volunteer"]),
        "age_band": "child" if rng.random() < 0.25 else "adult",
        "papers_taken": yes(0.3), "owes_money": yes(0.25),
        "work_types": rng.sample(["farm", "kitchen", "other"], rng.randint(1, 2)),
        "hours": rng.randrange(20, 90),
        "action_taken": rng.choice(["referral", "notified", "nothing", "not_known"]),
    }
    if answers["age_band"] == "adult":
        answers["was_child_then"] = yes(0.1)
    if rng.random() < 0.2:
        answers["notes"] = f"FICTIONAL-NOTE {n}"
    print(json.dumps({"id": f"wf-{n:07d}", "pack": "welfare", "answers": answers}))
PY
"$BIN" evaluate "$WORK/cases.ndjson" > "$WORK/results.ndjson"
head -n 120 "$WORK/results.ndjson" > "$WORK/small.ndjson"

# Every format, and nothing from a case: no ids, no notes, no dates.
for format in markdown json csv html; do
  "$BIN" report "$WORK/results.ndjson" --format "$format" --out "$WORK/report.$format"
  grep -qE 'wf-[0-9]{7}|FICTIONAL-NOTE|20[0-9]{2}-[01][0-9]-[0-3][0-9]' "$WORK/report.$format" \
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
# About 125 visits a quarter: every quarter's total is large enough to publish, so the chart must draw all 12.
[ "$points" -eq 12 ] || fail "expected every quarter as a chart point, found $points points and $marks hidden marks"
expected_hidden=$(python3 -c "
import json
r = json.load(open('$WORK/all.json'))
print(sum(1 for s in r['screening'] for t in s['tables'] for c in t['cells'] if c.get('hidden')))")
hidden_cells=$(occurrences 'data-hidden="true"' "$WORK/dom.html")
[ "$hidden_cells" -eq "$expected_hidden" ] || fail "the page hides $hidden_cells cells, the JSON $expected_hidden"
# The pack's three districts, not known and all areas, by all visits and its two types of exploitation.
[ "$(occurrences 'data-table="area_type"' "$WORK/dom.html")" -eq 15 ] || fail "expected 5 rows x 3 columns in the area table"
size=$(stat -c %s "$shots/report-screening.png" 2>/dev/null || echo 0)
[ "$size" -gt 20000 ] || fail "screenshot missing or empty ($size bytes)"
echo "report-screening: passed (4 formats, attack over 4 reports, $points chart points, $marks hidden quarters, $hidden_cells hidden cells, screenshot $size bytes)"
