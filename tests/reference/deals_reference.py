#!/usr/bin/env python3
"""An independent computation of the deal metrics, to check the engine against.

    python3 tests/reference/deals_reference.py deals.csv TODAY [FROM TO] > expected.json

Written from METRICS.md without looking at the engine: Python's csv module, Decimal and
datetime, one plain loop per metric. It reads the column names the generator writes
(generate_deals.py) and knows that generator's stage order, where the engine must infer
it. Amounts: plain or with grouping commas; blank or other text counts as unknown.
"""
import csv
import json
import sys
from datetime import date
from decimal import Decimal, ROUND_HALF_UP
from statistics import median

STAGES = ["Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation"]


def money(text):
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        return Decimal(text)
    except Exception:
        return None


def day(text):
    return date.fromisoformat(text) if text.strip() else None


def main():
    path, today = sys.argv[1], date.fromisoformat(sys.argv[2])
    start = date.fromisoformat(sys.argv[3]) if len(sys.argv) > 3 else None
    end = date.fromisoformat(sys.argv[4]) if len(sys.argv) > 4 else None

    def in_period(d):
        if d is None:
            return start is None and end is None
        return (start is None or d >= start) and (end is None or d < end)

    as_of = end or today
    with open(path, newline="", encoding="utf-8") as f:
        deals = []
        for r in csv.DictReader(f):
            stage = r["Stage"]
            status = "won" if stage == "Closed Won" else "lost" if stage == "Closed Lost" else "open"
            deals.append({
                "owner": r["Deal Owner"].strip(), "account": r["Account Name"].strip(), "stage": stage,
                "status": status, "amount": money(r["Amount"]), "created": day(r["Created Date"]),
                "closed": day(r["Close Date"]), "reason": r["Lost Reason"].strip() or "(none given)",
                "lost_stage": r["Lost Stage"].strip(),
            })

    won = [d for d in deals if d["status"] == "won" and in_period(d["closed"])]
    lost = [d for d in deals if d["status"] == "lost" and in_period(d["closed"])]
    created = [d for d in deals if in_period(d["created"])]
    won_amounts = [d["amount"] for d in won if d["amount"] is not None]
    revenue = sum(won_amounts, Decimal(0))
    cycles = [(d["closed"] - d["created"]).days for d in won]
    open_now = [d for d in deals if d["created"] < as_of and (
        d["status"] == "open" or (end is not None and d["closed"] >= end))]
    pipeline = sum((d["amount"] for d in open_now if d["amount"] is not None), Decimal(0))
    mean_cycle = sum(cycles) / len(cycles)
    stalled = [d for d in open_now if (as_of - d["created"]).days > mean_cycle]

    owners = {}
    for d in won + lost:
        key = d["owner"].lower()
        o = owners.setdefault(key, {"revenue": Decimal(0), "won": 0, "lost": 0})
        if d["status"] == "won":
            o["won"] += 1
            o["revenue"] += d["amount"] or 0
        else:
            o["lost"] += 1
    accounts = {}
    for d in won:
        accounts[d["account"]] = accounts.get(d["account"], Decimal(0)) + (d["amount"] or 0)
    reasons = {}
    for d in lost:
        reasons[d["reason"]] = reasons.get(d["reason"], 0) + 1

    reached = [0] * (len(STAGES) + 1)
    for d in created:
        if d["status"] == "won":
            upto = len(STAGES)
        elif d["status"] == "lost":
            upto = STAGES.index(d["lost_stage"]) if d["lost_stage"] else 0
        else:
            upto = STAGES.index(d["stage"])
        for i in range(upto + 1):
            reached[i] += 1

    cents = Decimal("0.01")
    expected = {
        "revenue": str(revenue),
        "deals_won": len(won),
        "deals_lost": len(lost),
        "win_rate": len(won) / (len(won) + len(lost)),
        "win_rate_cohort": sum(1 for d in created if d["status"] == "won") / len(created),
        "average_deal_size": str((revenue / len(won_amounts)).quantize(cents, ROUND_HALF_UP)),
        "median_deal_size": str(Decimal(median(won_amounts)).quantize(cents, ROUND_HALF_UP)),
        "sales_cycle_days": mean_cycle,
        "sales_cycle_median": float(median(cycles)),
        "opportunities_created": len(created),
        "pipeline_value": str(pipeline),
        "stalled_deals": len(stalled),
        "owners": {k: {"revenue": str(v["revenue"]), "won": v["won"], "lost": v["lost"]} for k, v in sorted(owners.items())},
        "accounts": {k: str(v) for k, v in sorted(accounts.items())},
        "loss_reasons": dict(sorted(reasons.items())),
        "funnel": dict(zip(STAGES + ["Closed Won"], reached)),
    }
    json.dump(expected, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
