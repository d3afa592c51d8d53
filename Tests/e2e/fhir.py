#!/usr/bin/env python3
"""FHIR round trip, checked by real FHIR tooling.

    <venv>/bin/python Tests/e2e/fhir.py path/to/indicia

Needs fhir.resources 6.4.0 (FHIR R4 4.0.1 models, pydantic 1) and fhirpathpy, installed by
`scripts/setup test` into .build/fhir-venv.

1. `indicia export --format fhir` of the test-owned fixture pack and of the shipped packs is a valid
   R4 Questionnaire (fhir.resources).
2. Seeded random answer sets become QuestionnaireResponses (valid R4, fhir.resources) and Indicia
   cases; `indicia evaluate` gives byte-identical results for the two.
3. Differential: for every answer set, every item's enabled/disabled state worked out the FHIR way
   (each enableWhenExpression evaluated by fhirpathpy, each enableWhen by the R4 rules, a disabled
   group disabling its items) equals the shown/hidden state Indicia's show_if gave that case.
"""
import json
import os
import random
import subprocess
import sys

from fhir.resources.questionnaire import Questionnaire
from fhir.resources.questionnaireresponse import QuestionnaireResponse
import fhir.resources
import fhirpathpy
from fhirpathpy.models import models

R4 = models["r4"]  # the R4 model: value[x] choice elements resolve as FHIR says
COMPILED = {}  # each expression parsed once

assert fhir.resources.__fhir_version__ == "4.0.1", fhir.resources.__fhir_version__

indicia = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
env = {**os.environ, "INDICIA_PACKS": root}
EXPR = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
NULL = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor"
YN = "http://terminology.hl7.org/CodeSystem/v2-0136"
failures = 0


def fail(message):
    global failures
    failures += 1
    if failures <= 20:
        print(f"fhir: {message}", file=sys.stderr)


def export(pack):
    run = subprocess.run([indicia, "export", "--format", "fhir", "--pack", pack], capture_output=True, env=env)
    if run.returncode != 0:
        fail(f"export of {pack} failed ({run.returncode}): {run.stderr.decode()[:2000]}")
        return None
    doc = json.loads(run.stdout)
    try:
        Questionnaire.parse_obj(doc)
    except Exception as error:  # pydantic ValidationError
        fail(f"the exported {pack} Questionnaire is not valid R4: {error}")
    return doc


def evaluate(pack, lines):
    data = ("\n".join(json.dumps(x, separators=(",", ":")) for x in lines) + "\n").encode()
    run = subprocess.run([indicia, "evaluate", "--pack", pack], input=data, capture_output=True, env=env)
    out = run.stdout.decode().splitlines()
    if len(out) != len(lines):
        fail(f"{pack}: {len(out)} results for {len(lines)} records; stderr: {run.stderr.decode()[:500]}")
    return out


def questions(q):
    """(group, item) for every question item, in order."""
    for group in q["item"]:
        for item in group.get("item", []):
            if item["type"] != "display":
                yield group, item


def not_knowable(pack):
    """Question ids that accept "not known" (from the case schema: numbers and dates say it only there)."""
    run = subprocess.run([indicia, "schema", "case", "--pack", pack], capture_output=True, env=env)
    properties = json.loads(run.stdout)["properties"]["answers"]["properties"]
    return {k for k, v in properties.items() if '"not_known"' in json.dumps(v)}


def random_answers(q, rng, unknowable):
    """Indicia answers (JSON values by question id) and FHIR answers (lists of value[x] dicts)."""
    answers, fhir_answers = {}, {}
    for _group, item in questions(q):
        link = item["linkId"]
        options = [o["valueCoding"] for o in item.get("answerOption", [])]
        roll = rng.random()
        if roll < 0.2:
            continue
        if roll < 0.3 and link in unknowable:
            answers[link] = "not_known"
            fhir_answers[link] = [{"valueCoding": {"system": NULL, "code": "UNK", "display": "Not known"}}]
            continue
        kind = item["type"]
        if kind == "boolean":
            flag = rng.random() < 0.5
            answers[link] = "yes" if flag else "no"
            fhir_answers[link] = [{"valueBoolean": flag}]
        elif kind == "choice":
            real = [o for o in options if o["system"] != NULL]
            if item.get("repeats"):
                picked = [o for o in real if rng.random() < 0.35] or [rng.choice(real)]
            else:
                picked = [rng.choice(real)]
            if real and real[0]["system"] == YN:
                answers[link] = "yes" if picked[0]["code"] == "Y" else "no"
            elif item.get("repeats"):
                answers[link] = [o["code"] for o in picked]
            else:
                answers[link] = picked[0]["code"]
            fhir_answers[link] = [{"valueCoding": o} for o in picked]
        elif kind in ("integer", "decimal"):
            ext = {e["url"].rsplit("/", 1)[1]: e for e in item.get("extension", [])}
            key = "valueInteger" if kind == "integer" else "valueDecimal"
            low = ext["minValue"][key] if "minValue" in ext else 0
            high = ext["maxValue"][key] if "maxValue" in ext else low + 200
            if kind == "integer":
                value = rng.randint(int(low), int(high))
            else:
                value = round(low + rng.randint(0, int((high - low) * 10)) / 10, 1)
            answers[link] = value
            fhir_answers[link] = [{key: value}]
        elif kind == "date":
            value = f"{rng.choice([2025, 2026])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            answers[link] = value
            fhir_answers[link] = [{"valueDate": value}]
        elif kind in ("string", "text"):
            answers[link] = "some words"
            fhir_answers[link] = [{"valueString": "some words"}]
    return answers, fhir_answers


def response(q, case_id, fhir_answers):
    groups = []
    for group in q["item"]:
        items = [{"linkId": i["linkId"], "answer": fhir_answers[i["linkId"]]}
                 for i in group.get("item", []) if i["linkId"] in fhir_answers]
        if items:
            groups.append({"linkId": group["linkId"], "item": items})
    qr = {"resourceType": "QuestionnaireResponse", "id": case_id, "questionnaire": f"{q['url']}|{q['version']}",
          "status": "completed"}
    if groups:
        qr["item"] = groups
    return qr


def answer_values(qr, link):
    for group in qr.get("item", []):
        for item in group.get("item", []):
            if item["linkId"] == link:
                return [next(v for k, v in a.items() if k.startswith("value")) for a in item["answer"]]
    return []


def same_value(a, b):
    if isinstance(a, dict) and isinstance(b, dict):
        return a.get("code") == b.get("code") and a.get("system") == b.get("system")
    return a == b


def enable_when_holds(entry, qr, enabled):
    """One R4 enableWhen condition (answers of a disabled question count as none)."""
    link = entry["question"]
    values = answer_values(qr, link) if enabled.get(link, True) else []
    expected = next(v for k, v in entry.items() if k.startswith("answer"))
    op = entry["operator"]
    if op == "exists":
        return bool(values) == expected
    if not values:
        return False
    if op == "=":
        return any(same_value(v, expected) for v in values)
    if op == "!=":
        return not any(same_value(v, expected) for v in values)
    compare = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}[op]
    return any(compare(v, expected) for v in values)


def enabled_items(q, qr, stats):
    """linkId -> enabled, the FHIR way, in document order."""
    enabled = {}

    def own(item):
        expr = next((e["valueExpression"]["expression"] for e in item.get("extension", []) if e["url"] == EXPR), None)
        if expr is not None:
            stats["expressions"] += 1
            if expr not in COMPILED:
                COMPILED[expr] = fhirpathpy.compile(expr, R4)
            result = COMPILED[expr](qr, {"resource": qr})
            if result not in ([True], [False]):
                fail(f"enableWhenExpression of {item['linkId']} gave {result}, not one boolean")
                return True
            return result == [True]
        if "enableWhen" in item:
            stats["enableWhen"] += 1
            results = [enable_when_holds(e, qr, enabled) for e in item["enableWhen"]]
            return any(results) if item.get("enableBehavior") == "any" else all(results)
        return True

    for group in q["item"]:
        group_on = own(group)
        enabled[group["linkId"]] = group_on
        for item in group.get("item", []):
            if item["type"] != "display":
                enabled[item["linkId"]] = group_on and own(item)
    return enabled


def round_trip(pack, count, seed):
    q = export(pack)
    if q is None:
        return
    rng = random.Random(seed)
    unknowable = not_knowable(pack)
    cases, responses = [], []
    for n in range(count):
        answers, fhir_answers = random_answers(q, rng, unknowable)
        cases.append({"id": f"r{n}", "answers": answers})
        qr = response(q, f"r{n}", fhir_answers)
        if n < 200:
            try:
                QuestionnaireResponse.parse_obj(qr)
            except Exception as error:
                fail(f"{pack}: generated QuestionnaireResponse r{n} is not valid R4: {error}")
        responses.append(qr)
    from_cases = evaluate(pack, cases)
    from_responses = evaluate(pack, responses)
    identical = sum(1 for a, b in zip(from_cases, from_responses) if a == b)
    if identical != count:
        first = next(i for i, (a, b) in enumerate(zip(from_cases, from_responses)) if a != b)
        fail(f"{pack}: {count - identical} QuestionnaireResponse results differ from the case results; first r{first}:\n"
             f"  case:     {from_cases[first][:600]}\n  response: {from_responses[first][:600]}")
    stats = {"expressions": 0, "enableWhen": 0, "hidden": 0, "shown": 0}
    for case, qr, line in zip(cases, responses, from_cases):
        result = json.loads(line)
        if not result["ok"]:
            fail(f"{pack}: case {case['id']} was refused: {result['error']}")
            continue
        ignored, unanswered = set(result["ignored_answers"]), set(result["unanswered"])
        fhir_enabled = enabled_items(q, qr, stats)
        for _group, item in questions(q):
            link = item["linkId"]
            shown = link not in ignored if link in case["answers"] else link in unanswered
            stats["shown" if shown else "hidden"] += 1
            if fhir_enabled[link] != shown:
                fail(f"{pack}: case {case['id']}: Indicia {'shows' if shown else 'hides'} '{link}' but FHIR "
                     f"{'enables' if fhir_enabled[link] else 'disables'} it; answers {json.dumps(case['answers'])}")
    print(f"fhir: {pack}: {count} responses evaluated byte-identically to their cases ({identical}); "
          f"{stats['expressions']} enableWhenExpression and {stats['enableWhen']} enableWhen evaluations agreed with show_if "
          f"({stats['shown']} shown, {stats['hidden']} hidden)")


fixture = os.path.join(root, "Tests/IndiciaKitTests/Fixtures/fhir/rules.yaml")
round_trip(fixture, int(os.environ.get("FHIR_CASES", "1000")), 11)
round_trip("screening", int(os.environ.get("FHIR_CASES", "1000")) // 3, 12)
for pack in ["training"]:
    export(pack)
print(f"fhir: {'passed' if failures == 0 else f'{failures} problems'}")
sys.exit(1 if failures else 0)
