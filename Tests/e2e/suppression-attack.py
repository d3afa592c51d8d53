#!/usr/bin/env python3
"""Attacks the screening report's disclosure control the way a determined reader would.

From everything a report publishes (the JSON form: every dimension with all its categories, every
table's counts, hidden ones marked) it builds the linear constraints any reader can write down:
each count is the sum of the counts one level finer, in every dimension, including counts that
are never printed (e.g. the screenings in an area *without* a type of exploitation) and named
groups (everyone not referred into the NRM). Then, for every hidden count, it solves two integer
programs (scipy's HiGHS MILP): the lowest and the highest whole number it can be, given that
every hidden count is at least 1 (the report never hides a zero) and every unprinted one at
least 0. The attack succeeds if it pins a hidden count down exactly, or pins an unprinted count
to a value from 1 to the threshold minus 1. It must never succeed.

    Tests/e2e/suppression-attack.py report.json [more.json ...]
Exit status 0 when no count was recovered, 1 when one was (it is named), 2 on bad input.
"""
import json
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp


def attack(statistics):
    dims = {d["id"]: d for d in statistics["dimensions"]}
    threshold = int(statistics["hidden_below"])
    known = {}
    hidden = set()
    for table in statistics["tables"]:
        for cell in table["cells"]:
            key = frozenset(cell["categories"].items())
            if cell.get("hidden"):
                hidden.add(key)
            else:
                value = cell["count"]
                if key in known and known[key] != value:
                    raise SystemExit(f"inconsistent report: {dict(key)} is {known[key]} and {value}")
                known[key] = value
    if hidden & set(known):
        raise SystemExit("a count is both shown and hidden")
    # Every equation a reader can write: for a published count K and a dimension d it fixes, the
    # counts of K's parent (K without d) split by every category of d add up to the parent.
    equations = {}
    for key in list(known) + list(hidden):
        for dim, category in key:
            parent = frozenset((d, c) for d, c in key if d != dim)
            info = dims[dim]
            groups = {g["id"]: g["members"] for g in info.get("groups", [])}
            parts = [parent | {(dim, c["id"])} for c in info["categories"]]
            equations[(parent, dim)] = (parts, parent)
            if category in groups:
                equations[(key, "group")] = ([parent | {(dim, m)} for m in groups[category]], key)
    variables = {}
    lower = []
    for parts, total in equations.values():
        for k in parts + [total]:
            if k not in known and k not in variables:
                variables[k] = len(variables)
                lower.append(1.0 if k in hidden else 0.0)
    for k in hidden:
        if k not in variables:
            variables[k] = len(variables)
            lower.append(1.0)
    n = len(variables)
    if n == 0:
        return [], 0
    rows, rhs = [], []
    for parts, total in equations.values():
        row = np.zeros(n)
        constant = 0.0
        for k, sign in [(p, 1.0) for p in parts] + [(total, -1.0)]:
            if k in variables:
                row[variables[k]] += sign
            else:
                constant -= sign * known[k]
        if np.any(row):
            rows.append(row)
            rhs.append(constant)
        elif abs(constant) > 0:
            raise SystemExit(f"inconsistent report: the counts under {dict(total)} do not add up")
    constraints = [LinearConstraint(np.array(rows), np.array(rhs), np.array(rhs))] if rows else []
    bounds = Bounds(np.array(lower), np.full(n, np.inf))
    integrality = np.ones(n)
    recovered = []

    def extreme(index, sign):
        c = np.zeros(n)
        c[index] = sign
        result = milp(c, constraints=constraints, integrality=integrality, bounds=bounds)
        if result.status == 3:  # unbounded
            return None
        if not result.success:
            raise SystemExit(f"the attack's program failed ({result.message}): the published counts are inconsistent")
        return round(sign * result.fun)

    for key, index in sorted(variables.items(), key=lambda kv: kv[1]):
        low = extreme(index, 1.0)
        high = extreme(index, -1.0)
        if high is not None and low == high:
            if key in hidden:
                recovered.append(f"hidden count {dict(key)} is exactly {low}")
            elif 1 <= low < threshold:
                recovered.append(f"unprinted count {dict(key)} is exactly {low}, below {threshold}")
    return recovered, len(hidden)


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    failed = False
    for path in sys.argv[1:]:
        with open(path) as f:
            report = json.load(f)
        for statistics in report.get("screening", []):
            recovered, hidden = attack(statistics)
            for message in recovered:
                print(f"suppression-attack: {path}: {message}", file=sys.stderr)
            failed = failed or bool(recovered)
            print(f"suppression-attack: {path}: {hidden} hidden counts, {len(recovered)} recovered")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
