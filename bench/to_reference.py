#!/usr/bin/env python3
"""Map Indicia results to the workload's reference format, for verify.py (untimed).

    python3 bench/to_reference.py INDICIA.ndjson OUT.ndjson
"""
import json
import sys

# The workload's dimensions and strengths, in its order (../shared/bench/peers/WORKLOAD.md).
CATEGORIES = ["recruitment_deceptive", "recruitment_coercive", "recruitment_vulnerability", "exploitation",
              "coercion_destination", "vulnerability_destination"]
STRENGTHS = ["strong", "medium", "weak"]

with open(sys.argv[1]) as src, open(sys.argv[2], "w") as dst:
    for line in src:
        r = json.loads(line)
        if not r.get("ok"):
            dst.write(json.dumps({"id": r.get("id"), "error": r.get("error")}) + "\n")
            continue
        dst.write(json.dumps({
            "id": r["id"],
            "score": r["scores"]["score"],
            "band": r["outcome"]["id"],
            # The full result lists indicator objects, the summary their ids.
            "fired": [i if isinstance(i, str) else i["id"] for i in r["indicators"]],
            # The summary leaves out counts of 0; the reference lists all 18.
            "counts": {c: {s: r["categories"].get(c, {}).get(s, 0) for s in STRENGTHS} for c in CATEGORIES},
            "trafficking_indicated": r["values"]["trafficking_indicated"],
        }) + "\n")
