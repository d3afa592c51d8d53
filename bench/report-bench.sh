#!/usr/bin/env bash
# Benchmark of `indicia report` over screening results (docs/evidence-base.md): fictional results
# from scripts/generate-screenings.py, evaluated once (100,000 results), then reported over 100,000
# and 1,000,000 results (the 100,000 read ten times, as ten files), RUNS times each, as full results
# and as summary results (`--result summary`). Prints results/s and peak memory (maximum resident
# set size) for both sizes.
#   bench/report-bench.sh [path/to/indicia]        (RUNS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
INDICIA=${1:-.build/release/indicia}
RUNS=${RUNS:-3}
WORK=bench/out/report
mkdir -p "$WORK"
export INDICIA_PACKS=$PWD
if [ ! -s "$WORK/results-100k.ndjson" ] || [ scripts/generate-screenings.py -nt "$WORK/results-100k.ndjson" ]; then
  python3 scripts/generate-screenings.py --count 100000 --seed 7 > "$WORK/cases-100k.ndjson"
  "$INDICIA" evaluate "$WORK/cases-100k.ndjson" > "$WORK/results-100k.ndjson"
fi
if [ ! -s "$WORK/summary-100k.ndjson" ] || [ "$WORK/results-100k.ndjson" -nt "$WORK/summary-100k.ndjson" ]; then
  "$INDICIA" evaluate --result summary "$WORK/cases-100k.ndjson" > "$WORK/summary-100k.ndjson"
fi
for profile in results summary; do
ten=()
for i in $(seq 1 10); do ten+=("$WORK/$profile-100k.ndjson"); done
size=$(stat -c %s "$WORK/$profile-100k.ndjson")
echo "== indicia report over screening $profile ($((size / 100000)) bytes a result on average), $RUNS runs each"
for n in 100000 1000000; do
  if [ "$n" = 100000 ]; then files=("$WORK/$profile-100k.ndjson"); else files=("${ten[@]}"); fi
  times=(); mems=()
  for run in $(seq 1 "$RUNS"); do
    t0=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$WORK/mem" "$INDICIA" report "${files[@]}" --format json > "$WORK/report-$profile-$n.json"
    t1=$EPOCHREALTIME
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b - a}')")
    mems+=("$(cat "$WORK/mem")")
  done
  median_t=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  median_m=$(printf '%s\n' "${mems[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  rate=$(awk -v n="$n" -v t="$median_t" 'BEGIN{printf "%.0f", n / t}')
  echo "report $n results: median ${median_t} s (runs: ${times[*]}), ${rate} results/s, peak memory $((median_m / 1024)) MiB (runs: ${mems[*]} KiB)"
done
done
