#!/usr/bin/env python3
"""Seeded generator of FICTIONAL screening cases for West Yorkshire (docs/evidence-base.md).

Writes NDJSON cases for `indicia evaluate --pack screening`: three years of screenings
(2023-01-01 to 2025-12-31 by default) across the five council areas, with seasonal and area
differences, different organisations and actions, and a few cases from older revisions (no
context answers). None of it is real data: the volumes and mixes are invented so that reports,
tests and benchmarks have something realistic-looking to count. The same seed gives the same
cases, byte for byte.

    scripts/generate-screenings.py [--seed 2026] [--count 1800] [--start 2023-01-01] [--years 3]
"""
import argparse
import datetime
import json
import random
import sys

AREAS = ["bradford", "calderdale", "kirklees", "leeds", "wakefield", "elsewhere", "not_known"]
# Relative volume of screenings by area (invented; roughly follows population).
AREA_WEIGHT = [25, 8, 18, 33, 14, 1.5, 2.5]
# Relative likelihood of each kind of exploitation sign by area (invented differences).
TYPE_BIAS = {
    "bradford": {"criminal": 1.6, "county_lines": 1.5, "labour": 1.0, "sexual": 1.0, "domestic": 1.2, "financial": 1.0},
    "calderdale": {"criminal": 1.0, "county_lines": 1.2, "labour": 1.0, "sexual": 0.8, "domestic": 0.8, "financial": 0.8},
    "kirklees": {"criminal": 1.0, "county_lines": 1.0, "labour": 1.4, "sexual": 0.9, "domestic": 1.0, "financial": 1.0},
    "leeds": {"criminal": 1.0, "county_lines": 1.0, "labour": 1.0, "sexual": 1.6, "domestic": 1.1, "financial": 1.3},
    "wakefield": {"criminal": 0.9, "county_lines": 1.0, "labour": 1.8, "sexual": 0.8, "domestic": 0.7, "financial": 0.9},
    "elsewhere": {},
    "not_known": {},
}
# Seasonal pattern by month (invented): more screenings in summer (seasonal work), fewer in December.
MONTH_WEIGHT = [0.85, 0.85, 0.95, 1.0, 1.05, 1.15, 1.25, 1.2, 1.05, 1.0, 0.95, 0.7]
SECTORS = [
    ("police", 20), ("british_transport_police", 2), ("nca", 1), ("glaa", 1), ("home_office", 3), ("local_authority", 18),
    ("youth_offending", 4), ("probation", 3), ("prison", 1), ("housing", 4), ("emergency_department", 8), ("maternity", 3),
    ("health_visiting", 3), ("other_health", 9), ("school", 8), ("jobcentre", 5), ("cps", 1), ("faith_group", 3),
    ("charity", 11), ("other", 3),
]
# Organisations that can refer into the NRM (rules/organisations.yaml); charities and "other" are asked.
FIRST_RESPONDERS = {"police", "british_transport_police", "nca", "glaa", "home_office", "local_authority", "youth_offending"}
ASKED_FIRST_RESPONDER = {"charity", "other"}
SIGNS = [
    "controlled_movement", "cannot_leave", "travel_arranged", "documents_held", "debt_owed", "violence", "threats",
    "injuries", "speaks_for_them", "fears_authorities", "little_or_no_pay", "long_hours", "poor_accommodation",
    "deceived", "isolated",
]
CHILD_SIGNS = [
    "child_no_carer", "child_travelled_unaccompanied", "child_not_in_school", "child_unsuitable_work",
    "child_missing_episodes", "child_unexplained_items",
]
TYPES = ["labour", "sexual", "domestic", "criminal", "county_lines", "financial", "organs"]
TYPE_BASE = {"labour": 0.30, "sexual": 0.16, "domestic": 0.07, "criminal": 0.13, "county_lines": 0.12, "financial": 0.08, "organs": 0.004}


def pick(rng, weighted):
    total = sum(w for _, w in weighted)
    x = rng.random() * total
    for item, w in weighted:
        x -= w
        if x <= 0:
            return item
    return weighted[-1][0]


def yes_no(rng, p_yes, p_not_known=0.08):
    x = rng.random()
    if x < p_not_known:
        return "not_known"
    return "yes" if x < p_not_known + p_yes else "no"


def dates(rng, start, days, count):
    """`count` dates in [start, start + days), weighted by month."""
    weights = [MONTH_WEIGHT[(start + datetime.timedelta(d)).month - 1] for d in range(days)]
    cumulative = []
    running = 0.0
    for w in weights:
        running += w
        cumulative.append(running)
    out = []
    for _ in range(count):
        x = rng.random() * running
        lo, hi = 0, len(cumulative) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if cumulative[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        out.append(start + datetime.timedelta(lo))
    return sorted(out)


def case(rng, n, day, growth):
    area = pick(rng, list(zip(AREAS, AREA_WEIGHT)))
    sector = pick(rng, SECTORS)
    age = pick(rng, [("adult", 70), ("under_18", 22), ("not_sure", 8)])
    # Concern rises a little over the three years (more awareness after training; invented).
    concern = min(0.9, 0.45 + 0.1 * growth)
    answers = {
        "immediate_danger": "yes" if rng.random() < 0.03 else ("not_known" if rng.random() < 0.02 else "no"),
        "safe_to_talk": yes_no(rng, 0.7),
        "worker_sector": sector,
        "screening_date": day.isoformat(),
        "council_area": area,
        "age_group": age,
        "from_abroad": yes_no(rng, 0.55),
    }
    if sector in ASKED_FIRST_RESPONDER:
        answers["first_responder_org"] = pick(rng, [("no", 60), ("not_sure", 20), ("yes", 20)])
    if age == "adult":
        answers["exploited_as_child"] = yes_no(rng, 0.1, 0.2)
    worried = rng.random() < concern
    for sign in SIGNS:
        answers[sign] = yes_no(rng, 0.45 if worried else 0.05, 0.1)
    bias = TYPE_BIAS.get(area, {})
    chosen = [t for t in TYPES if rng.random() < TYPE_BASE[t] * bias.get(t, 1.0) * (1.6 if worried else 0.3)]
    answers["exploitation_signs"] = chosen or ["none"]
    if "labour" in chosen:
        answers["dangerous_work"] = yes_no(rng, 0.5)
    if "sexual" in chosen:
        answers["clients_controlled"] = yes_no(rng, 0.6)
    if "domestic" in chosen:
        answers["confined_at_home"] = yes_no(rng, 0.6)
    if "criminal" in chosen or "county_lines" in chosen:
        answers["compelled_to_offend"] = yes_no(rng, 0.5)
    if age != "adult":
        for sign in CHILD_SIGNS:
            answers[sign] = yes_no(rng, 0.35 if worried else 0.05)
    else:
        answers["nrm_consent"] = pick(rng, [("agrees", 45), ("declines", 25), ("not_asked", 30)])
    # What the worker did: NRM referrals are more likely for children (no consent needed) and
    # first responders; adults who decline lead to a Duty to Notify from the police or councils.
    if rng.random() < 0.05:
        action = "not_known"
    elif not worried:
        action = pick(rng, [("advice_only", 55), ("nothing_yet", 35), ("police", 5), ("adult_safeguarding", 5)])
    elif age != "adult":
        action = pick(rng, [("nrm_referral", 55), ("child_safeguarding", 35), ("police", 8), ("nothing_yet", 2)])
    elif answers["nrm_consent"] == "declines":
        action = (
            pick(rng, [("duty_to_notify", 70), ("declined_support_offered", 30)])
            if sector in FIRST_RESPONDERS
            else pick(rng, [("declined_support_offered", 60), ("adult_safeguarding", 25), ("police", 15)])
        )
    else:
        action = pick(rng, [("nrm_referral", 55), ("adult_safeguarding", 15), ("police", 15), ("advice_only", 10), ("nothing_yet", 5)])
    if action != "not_known":
        answers["action_taken"] = action
    if rng.random() < 0.3:
        answers["concern_notes"] = f"FICTIONAL-NOTE-{n}: free text that a report must never show"
    return {"id": f"wy-{n:07d}", "pack": "screening", "answers": answers}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--count", type=int, default=1800, help="screenings in all (default 1800)")
    parser.add_argument("--start", default="2023-01-01")
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--older", type=float, default=0.02, help="share of cases from an older revision (no context answers)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    start = datetime.date.fromisoformat(args.start)
    end = datetime.date(start.year + args.years, start.month, start.day)
    days = (end - start).days
    out = sys.stdout
    if args.count <= 200_000:
        chosen = dates(rng, start, days, args.count)
    else:
        # Many cases (the benchmark): dates drawn directly, unsorted, to keep memory small.
        chosen = None
    for n in range(args.count):
        day = chosen[n] if chosen is not None else start + datetime.timedelta(rng.randrange(days))
        growth = (day - start).days / max(1, days) * args.years
        record = case(rng, n + 1, day, growth)
        if rng.random() < args.older:
            for key in ("screening_date", "council_area", "action_taken"):
                record["answers"].pop(key, None)
        out.write(json.dumps(record, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
