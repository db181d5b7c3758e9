#!/usr/bin/env python3
"""Deterministic generator of a realistic CRM deals export (for tests and demos).

    python3 tests/reference/generate_deals.py ROWS SEED > deals.csv

Same ROWS and SEED give the same bytes on any machine (Python's Mersenne Twister with
an integer seed is stable across versions). Realistic quirks on purpose: owner names
with stray case and spaces, account names with commas and quotes, amounts with grouping
commas, blank and unusable amounts ("TBD"), a notes column with line breaks, CRLF line
ends, an optional lost_stage.
"""
import random
import sys
from datetime import date, timedelta

STAGES = ["Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation"]
OWNERS = ["Ana Lima", "Ben Okafor", "Chen Wei", "Dara Rahimi", "Eva Novak", "Farid Haddad",
          "Grace Kim", "Hugo Martin", "Ines Duarte", "Jamal Reed", "Kira Sato", "Leo Rossi"]
REASONS = ["Price", "Competitor", "No budget", "Timing", "No decision", ""]
SOURCES = ["Inbound", "Outbound", "Referral", "Partner", "Event"]


def account_names(rng, n):
    first = ["Acme", "Blue River", "Cobalt", "Delta", "Evergreen", "Falcon", "Granite", "Harbor",
             "Ion", "Juniper", "Kestrel", "Lumen", "Maple", "Nimbus", "Orbit"]
    kinds = ["Ltd", "Inc.", "GmbH", "& Sons", "Holdings", "Labs"]
    names = []
    while len(names) < n:
        name = f"{rng.choice(first)} {rng.choice(kinds)}"
        if rng.random() < 0.15:
            name = f"{rng.choice(first)}, {rng.choice(first)} {rng.choice(kinds)}"
        if rng.random() < 0.05:
            name = f'{name} "Intl"'
        if name not in names:
            names.append(name)
    return names


def quote(s):
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    rng = random.Random(seed)
    accounts = account_names(rng, 60)
    start = date(2023, 1, 1)
    out = sys.stdout
    out.write("Deal ID,Deal Owner,Account Name,Stage,Amount,Created Date,Close Date,Lost Reason,Lost Stage,Source,Notes\r\n")
    for i in range(rows):
        owner = rng.choice(OWNERS)
        r = rng.random()
        if r < 0.05:
            owner = owner.upper()
        elif r < 0.10:
            owner = f" {owner} "
        created = start + timedelta(days=rng.randrange(0, 730))
        fate = rng.random()
        stage_reached = rng.randrange(0, len(STAGES))
        closed = ""
        lost_reason = ""
        lost_stage = ""
        if fate < 0.38:
            stage = "Closed Won"
            closed = (created + timedelta(days=rng.randrange(5, 160))).isoformat()
        elif fate < 0.70:
            stage = "Closed Lost"
            closed = (created + timedelta(days=rng.randrange(1, 120))).isoformat()
            lost_reason = rng.choice(REASONS)
            if rng.random() < 0.6:
                lost_stage = STAGES[stage_reached]
        else:
            stage = STAGES[stage_reached]
        cents = rng.randrange(50_000, 12_000_000)
        amount = f"{cents // 100}.{cents % 100:02d}"
        a = rng.random()
        if a < 0.10:
            amount = f"{cents // 100:,}.{cents % 100:02d}"
        elif a < 0.13:
            amount = ""
        elif a < 0.14:
            amount = "TBD"
        elif a < 0.30:
            amount = str(cents // 100)
        notes = ""
        if rng.random() < 0.05:
            notes = "Call back\nafter budget review"
        fields = [f"OPP-{i + 1:05d}", owner, rng.choice(accounts), stage, amount, created.isoformat(),
                  closed, lost_reason, lost_stage, rng.choice(SOURCES), notes]
        out.write(",".join(quote(f) for f in fields) + "\r\n")


if __name__ == "__main__":
    main()
