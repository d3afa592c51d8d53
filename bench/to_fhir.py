#!/usr/bin/env python3
"""Turn workload cases into FHIR R4 QuestionnaireResponses for the benchmark (untimed).

    python3 bench/to_fhir.py QUESTIONNAIRE.json CASES.ndjson OUT.ndjson

QUESTIONNAIRE.json is `indicia export --format fhir` of the pack the cases answer. Each case
becomes one QuestionnaireResponse on one line, filled in the way a forms renderer fills in that
Questionnaire: every answered question an item inside its section's group, a choice answered with
the whole coding of its answerOption (system, code and display), a yes/no with valueBoolean,
numbers with valueInteger or valueDecimal, dates with valueDate, text with valueString, and "not
known" as the v3-NullFlavor coding UNK. `indicia evaluate` must give byte for byte the same result
for a response as for its case (scripts/bench checks it).
"""
import json
import sys

NULL = {"system": "http://terminology.hl7.org/CodeSystem/v3-NullFlavor", "code": "UNK", "display": "Not known"}

questionnaire = json.load(open(sys.argv[1]))
groups = []  # (group linkId, [(question linkId, FHIR type, {code: coding})])
for group in questionnaire["item"]:
    items = []
    for item in group.get("item", []):
        if item["type"] == "display":
            continue
        codings = {o["valueCoding"]["code"]: o["valueCoding"] for o in item.get("answerOption", [])}
        items.append((item["linkId"], item["type"], codings))
    groups.append((group["linkId"], items))
canonical = f"{questionnaire['url']}|{questionnaire['version']}"


def answer(kind, codings, value):
    if value == "not_known":
        return [{"valueCoding": NULL}]
    if kind == "boolean":
        return [{"valueBoolean": value == "yes"}]
    if kind == "choice":
        if isinstance(value, list):
            return [{"valueCoding": codings[v]} for v in value]
        if "Y" in codings and value in ("yes", "no"):
            return [{"valueCoding": codings["Y" if value == "yes" else "N"]}]
        return [{"valueCoding": codings[value]}]
    if kind == "integer":
        return [{"valueInteger": value}]
    if kind == "decimal":
        return [{"valueDecimal": value}]
    if kind == "date":
        return [{"valueDate": value}]
    return [{"valueString": value}]


with open(sys.argv[2]) as cases, open(sys.argv[3], "w") as out:
    for line in cases:
        case = json.loads(line)
        answers = case["answers"]
        items = []
        for link, questions in groups:
            answered = [{"linkId": q, "answer": answer(kind, codings, answers[q])} for q, kind, codings in questions if q in answers]
            if answered:
                items.append({"linkId": link, "item": answered})
        response = {"resourceType": "QuestionnaireResponse", "id": case["id"], "questionnaire": canonical, "status": "completed"}
        if items:
            response["item"] = items
        out.write(json.dumps(response, separators=(",", ":")) + "\n")
