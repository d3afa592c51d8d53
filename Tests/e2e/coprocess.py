#!/usr/bin/env python3
"""indicia evaluate as a request/response coprocess: each result must arrive before the next
case is sent (and before stdin is closed). Runs on the test-owned copy of the tiny pack.

    Tests/e2e/coprocess.py path/to/indicia
"""
import json
import os
import select
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
process = subprocess.Popen([sys.argv[1], "evaluate", "--pack", os.path.join(root, "Tests/IndiciaCLITests/Fixtures/packs/rules/tiny.yaml")],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
requests = [
    {"id": "first", "answers": {"documents_held": "yes"}},
    "garbage",
    {"id": "third", "answers": {"can_leave": "no"}},
]
for number, request in enumerate(requests, start=1):
    line = (request if isinstance(request, str) else json.dumps(request)) + "\n"
    process.stdin.write(line.encode())
    process.stdin.flush()
    ready, _, _ = select.select([process.stdout], [], [], 10)
    if not ready:
        print(f"coprocess: no result for request {number} within 10 s (output not flushed?)", file=sys.stderr)
        process.kill()
        sys.exit(1)
    result = json.loads(process.stdout.readline())
    expected_ok = not isinstance(request, str)
    if result["ok"] != expected_ok or (expected_ok and result["id"] != request["id"]):
        print(f"coprocess: unexpected result for request {number}: {result}", file=sys.stderr)
        sys.exit(1)
process.stdin.close()
code = process.wait(timeout=10)
if code != 1:
    print(f"coprocess: exit code {code}, expected 1 (one record failed)", file=sys.stderr)
    sys.exit(1)
print("coprocess: passed (each result arrived before the next case was sent)")
