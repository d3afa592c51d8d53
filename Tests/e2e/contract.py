#!/usr/bin/env python3
"""Contract test: real cases and real outputs validated against the published schemas with an
independent validator (python3-jsonschema).

    Tests/e2e/contract.py path/to/indicia
"""
import json
import os
import subprocess
import sys

from jsonschema import Draft202012Validator

indicia = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
schemas = {name: json.load(open(os.path.join(root, "schemas", name))) for name in os.listdir(os.path.join(root, "schemas"))}
for schema in schemas.values():
    Draft202012Validator.check_schema(schema)
result_validator = Draft202012Validator(schemas["result.schema.json"])
summary_validator = Draft202012Validator(schemas["result-summary.schema.json"])
case_validator = Draft202012Validator(schemas["case-screening.schema.json"])
failures = 0

def check(validator, document, what):
    global failures
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors[:3]:
        failures += 1
        print(f"contract: {what}: {'/'.join(map(str, error.path))}: {error.message}", file=sys.stderr)

vignettes = os.path.join(root, "Tests/IndiciaKitTests/Fixtures/vignettes")
cases = []
for name in sorted(os.listdir(vignettes)):
    case = json.load(open(os.path.join(vignettes, name, "case.json")))
    check(case_validator, case, f"vignette case {name}")
    cases.append(json.dumps(case))
# Real outputs: every vignette, plus error records of several kinds, in one stream.
stream = "\n".join(cases + ["not json", '{"id":7,"answers":{"age_group":"elderly"}}', '{"answers":{"nope":1}}', "[]"]) + "\n"
run = subprocess.run([indicia, "evaluate", "--pack", "screening"], input=stream.encode(), capture_output=True,
                     env={**os.environ, "INDICIA_PACKS": root})
lines = run.stdout.decode().splitlines()
if len(lines) != len(cases) + 4:
    failures += 1
    print(f"contract: expected {len(cases) + 4} result lines, got {len(lines)}", file=sys.stderr)
for number, line in enumerate(lines, start=1):
    check(result_validator, json.loads(line), f"result line {number}")
# Every kind of bad record (the adversarial stream): each error result, code included, must fit the schema.
adversarial = os.path.join(root, "Tests/IndiciaKitTests/Fixtures/adversarial")
hostile = open(os.path.join(adversarial, "cases.ndjson"), "rb").read()
run = subprocess.run([indicia, "evaluate", "--pack", os.path.join(root, "Tests/IndiciaKitTests/Fixtures/lint/valid/rules.yaml")],
                     input=hostile, capture_output=True)
more = run.stdout.decode().splitlines()
# One result per record: a blank line (only spaces, tabs or CRs) is not a record (docs/json-mode.md).
records = sum(1 for line in hostile.split(b"\n") if line.strip(b" \t\r"))
if len(more) != records:
    failures += 1
    print(f"contract: the adversarial stream gave {len(more)} result lines", file=sys.stderr)
for number, line in enumerate(more, start=1):
    check(result_validator, json.loads(line), f"adversarial result line {number}")
lines += more
# The summary profile: the same streams, every line against the summary schema, and each summary
# line must be the full line's ids, counts and flags (same outcome, indicators, next steps).
for pack, data in [("screening", stream.encode()), (os.path.join(root, "Tests/IndiciaKitTests/Fixtures/lint/valid/rules.yaml"), hostile)]:
    full = subprocess.run([indicia, "evaluate", "--pack", pack], input=data, capture_output=True,
                          env={**os.environ, "INDICIA_PACKS": root}).stdout.decode().splitlines()
    summary = subprocess.run([indicia, "evaluate", "--pack", pack, "--result", "summary", "--threads", "1"], input=data,
                             capture_output=True, env={**os.environ, "INDICIA_PACKS": root}).stdout.decode().splitlines()
    if len(summary) != len(full):
        failures += 1
        print(f"contract: --result summary gave {len(summary)} lines for {len(full)} full results", file=sys.stderr)
    for number, (f_line, s_line) in enumerate(zip(full, summary), start=1):
        f, s = json.loads(f_line), json.loads(s_line)
        check(summary_validator, s, f"summary result line {number}")
        if f["ok"]:
            # The summary's categories are the full counts less every 0; its missing_data names the
            # full result's non-empty lists, in order.
            present = {c: {k: n for k, n in counts.items() if n} for c, counts in f["categories"].items()}
            present = {c: counts for c, counts in present.items() if counts}
            flags = [name for name in ("unanswered", "not_known", "unanswered_required", "indeterminate_indicators",
                                       "undetermined_outcomes", "ignored_answers") if f.get(name)]
            same = (s["outcome"]["id"] == f["outcome"]["id"] and s["indicators"] == [i["id"] for i in f["indicators"]]
                    and s["next_steps"] == [r["id"] for r in f["recommendations"]] and s["categories"] == present
                    and s["missing_data"] == flags)
        else:
            same = s == f
        if not same:
            failures += 1
            print(f"contract: summary line {number} does not match its full result", file=sys.stderr)
    lines += summary
oks = sum(1 for line in lines if json.loads(line)["ok"])
print(f"contract: {len(cases)} cases and {len(lines)} results ({oks} ok, {len(lines) - oks} errors) checked against schemas/: "
      f"{'passed' if failures == 0 else f'{failures} problems'}")
sys.exit(1 if failures else 0)
