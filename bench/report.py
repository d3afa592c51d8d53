#!/usr/bin/env python3
"""Summarise a benchmark run: medians of every timed run, ratios of Indicia to each peer.

    python3 bench/report.py RUN_LOG N TTFR_FILE [PEAK_KB_1M[,PEAK_KB_1M_SUMMARY]] [FRESH_LOG] [QR_LOG]

RUN_LOG is the peers' own harness (outputs overwritten in place); FRESH_LOG, if given, is the
second set in which every engine writes a new output file; QR_LOG the same N cases read as FHIR
QuestionnaireResponses.
"""
import re
import statistics
import sys

log, n, ttfr_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
mem1m = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
fresh_log = sys.argv[5] if len(sys.argv) > 5 and sys.argv[5] else None
qr_log = sys.argv[6] if len(sys.argv) > 6 and sys.argv[6] else None
mem1m, mem1m_summary = (mem1m.split(",") + [None])[:2] if mem1m else (None, None)
pattern = re.compile(r"^run (\d+)\s+(.+?)\s+wall\s+([\d.]+)s\s+user\s+([\d.]+)s\s+sys\s+([\d.]+)s\s+rss\s+(\d+) kB")

def read_log(path):
    walls, rss, cpu = {}, {}, {}
    for line in open(path):
        m = pattern.match(line)
        if m:
            name = m.group(2).strip()
            walls.setdefault(name, []).append(float(m.group(3)))
            cpu.setdefault(name, []).append(float(m.group(4)) + float(m.group(5)))
            rss[name] = max(rss.get(name, 0), int(m.group(6)))
    return walls, rss, cpu


walls, rss, cpu = read_log(log)
if "indicia evaluate (1 process)" not in walls:
    sys.exit("report: no Indicia runs found in the log")

def rate(name, table=None):
    return n / statistics.median((table or walls)[name])

me = "indicia evaluate (1 process)"
ours = rate(me)
print(f"\n## Indicia benchmark ({n} cases, median of {len(walls[me])} runs, same run as the peers)\n")
print("| peer | median wall s | cases/s | peak RSS MiB | Indicia is |")
print("|---|---:|---:|---:|---:|")
for name in walls:
    ratio = "—" if name == me else f"{ours / rate(name):.1f}x"
    print(f"| {name} | {statistics.median(walls[name]):.3f} | {rate(name):,.0f} | {rss[name] / 1024:.1f} | {ratio} |")

# Each Indicia configuration against each peer, from the same run.
configs = [c for c in [me, "indicia evaluate --result summary", "indicia evaluate --result summary --threads 1"] if c in walls]
print("\n| peer | median wall s | " + " | ".join(f"{c.replace('indicia evaluate', 'Indicia').replace(' (1 process)', '')} is" for c in configs) + " |")
print("|---|---:|" + "---:|" * len(configs))
for name in walls:
    if name.startswith("indicia evaluate"):
        continue
    print(f"| {name} | {statistics.median(walls[name]):.3f} | " + " | ".join(f"{rate(c) / rate(name):.1f}x" for c in configs) + " |")

targets = [
    ("zen table graph, evaluate (1 thread)", 30, "zen-engine single thread"),
    ("reference.py (python+orjson)", 4, "Python reference"),
    ("parse+dump floor (orjson)", 2.5, "orjson parse+dump floor"),
]
print("\n| target | needed | measured | |")
print("|---|---:|---:|---|")
for peer, needed, label in targets:
    if peer in walls:
        got = ours / rate(peer)
        print(f"| throughput vs {label} | {needed}x | {got:.1f}x | {'met' if got >= needed else 'NOT met'} |")
# The other configurations from the same run (scripts/bench adds them to the peers' harness).
for config, wanted in [
    ("indicia evaluate --result summary", [("zen table graph, evaluate (1 thread)", 50, "zen-engine single thread"),
                                           ("reference.py (python+orjson)", 8, "Python reference"),
                                           ("parse+dump floor (orjson)", 4, "orjson parse+dump floor")]),
    ("indicia evaluate --result summary --threads 1", [("zen table graph, evaluate (1 thread)", 25, "zen-engine single thread")]),
]:
    if config not in walls:
        continue
    for peer, needed, label in wanted:
        if peer in walls:
            got = rate(config) / rate(peer)
            print(f"| {config}: vs {label} | {needed}x | {got:.1f}x | {'met' if got >= needed else 'NOT met'} |")
peak = rss[me] / 1024
for config in [me, "indicia evaluate --result summary", "indicia evaluate --result summary --threads 1"]:
    if config in rss:
        got = rss[config] / 1024
        print(f"| peak memory, {n} cases ({config}) | ≤ 16 MiB | {got:.1f} MiB | {'met' if got <= 16 else 'NOT met'} |")
for config, kb, base in [(me, mem1m, me), ("indicia evaluate --result summary", mem1m_summary, "indicia evaluate --result summary")]:
    if kb and base in rss:
        peak1m = int(kb) / 1024
        print(f"| peak memory, 1,000,000 cases ({config}) | ≤ 16 MiB, no higher than 100k | {peak1m:.1f} MiB | "
              f"{'met' if peak1m <= 16 and peak1m <= rss[base] / 1024 * 1.05 else 'NOT met'} |")
times = [float(x) for x in open(ttfr_file) if x.strip()]
median_ms = statistics.median(times) * 1000
print(f"| one case end to end (median of {len(times)}) | ≤ 10 ms | {median_ms:.1f} ms | {'met' if median_ms <= 10 else 'NOT met'} |")
if qr_log:
    qr, qr_rss, qr_cpu = read_log(qr_log)
    for name in qr:
        got = rate(name, qr)
        print(f"| {name}: responses/s (median of {len(qr[name])}, new output file, peak {qr_rss[name] / 1024:.1f} MiB) | ≥ 50,000 | "
              f"{got:,.0f} | {'met' if got >= 50000 else 'NOT met'} |")

if fresh_log:
    fresh, fresh_rss, fresh_cpu = read_log(fresh_log)
    if me in fresh:
        print(f"\n### Each engine writing a new output file ({n} cases, median of {len(fresh[me])} runs)\n")
        print("Same engines, same input; the output file is removed before every run instead of being")
        print("truncated and rewritten in place (see bench/README.md).\n")
        print("| engine | median wall s | median CPU s (user+sys) | cases/s | Indicia is |")
        print("|---|---:|---:|---:|---:|")
        for name in fresh:
            ratio = "—" if name == me else f"{rate(me, fresh) / rate(name, fresh):.1f}x"
            print(f"| {name} | {statistics.median(fresh[name]):.3f} | {statistics.median(fresh_cpu[name]):.2f} | {rate(name, fresh):,.0f} | {ratio} |")
        print("\n| target (new output file) | needed | measured | |")
        print("|---|---:|---:|---|")
        for peer, needed, label in targets:
            if peer in fresh:
                got = rate(me, fresh) / rate(peer, fresh)
                print(f"| throughput vs {label} | {needed}x | {got:.1f}x | {'met' if got >= needed else 'NOT met'} |")
        summary = "indicia evaluate --result summary"
        if summary in fresh:
            for peer, needed, label in [("zen table graph, evaluate (1 thread)", 50, "zen-engine single thread"),
                                        ("reference.py (python+orjson)", 8, "Python reference"),
                                        ("parse+dump floor (orjson)", 4, "orjson parse+dump floor")]:
                if peer in fresh:
                    got = rate(summary, fresh) / rate(peer, fresh)
                    print(f"| {summary}: vs {label} | {needed}x | {got:.1f}x | {'met' if got >= needed else 'NOT met'} |")
