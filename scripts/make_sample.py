#!/usr/bin/env python3
"""Writes the sample dataset behind the page's "Try with sample data" button: one file of
every table kind of METRICS.md, for one made-up company, 2023–2024 (deals from 2022, so
the revenue forecast has three years of history; won amounts are seasonal, high in the
fourth quarter). Deterministic (same
bytes every run); scripts/test fails if www/sample/ differs from what this writes.

    python3 scripts/make_sample.py
"""
import json
import os
import random
from datetime import date, datetime, timedelta

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "www", "sample")
rng = random.Random(2024)
START, DAYS = date(2023, 1, 1), 730
DEAL_START, DEAL_DAYS = date(2022, 1, 1), 1095
# won amounts by close month: a slow summer, a strong fourth quarter
SEASON = [0.8, 0.75, 0.95, 1.0, 0.9, 0.7, 0.6, 0.65, 1.0, 1.2, 1.5, 1.9]
OWNERS = ["Ana Lima", "Ben Okafor", "Chen Wei", "Dara Rahimi", "Eva Novak", "Farid Haddad", "Grace Kim", "Hugo Martin"]
STAGES = ["Prospecting", "Qualification", "Proposal", "Negotiation"]
SOURCES = ["Inbound", "Referral", "Outbound", "Event", "Partner"]
ACCOUNTS = [f"{a} {b}" for a in ["Acme", "Blue River", "Cobalt", "Delta", "Evergreen", "Falcon", "Granite", "Harbor", "Ion", "Juniper"]
            for b in ["Ltd", "Labs", "GmbH", "Inc."]]


def day(n):
    return START + timedelta(days=n)


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(str(c) for c in r) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    deals, history, leads, activities = [], [], [], []
    first_won = {}
    for i in range(2000):
        created = rng.randrange(0, DEAL_DAYS - 20)
        owner, account, source = rng.choice(OWNERS), rng.choice(ACCOUNTS), rng.choice(SOURCES)
        amount = round(rng.lognormvariate(8.5, 0.4), 2)
        fate = rng.random()
        furthest = rng.randrange(0, 4)
        deal_type = "Upsell" if account in first_won and rng.random() < 0.5 else "New"
        did = f"D{i + 1:04d}"
        closed, stage, reason, probability = "", STAGES[furthest], "", f"{[10, 20, 50, 70][furthest]}%"
        expected = ""
        path = STAGES[: furthest + 1]
        dday = lambda n: DEAL_START + timedelta(days=n)
        close_after = rng.randrange(20, 120) if fate < 0.4 else rng.randrange(5, 90)
        if created + close_after >= DEAL_DAYS:
            fate = 1.0  # would close after the export: still open
        if fate < 0.4:
            closed = dday(created + close_after)
            stage, amount = "Closed Won", round(amount * SEASON[closed.month - 1], 2)
            path, probability = STAGES, ""
            first_won.setdefault(account, closed)
        elif fate < 0.7:
            stage, closed = "Closed Lost", dday(created + close_after)
            reason, probability = rng.choice(["Price", "Competitor", "No budget", "Timing", ""]), ""
        elif rng.random() < 0.8:
            expected = dday(created + rng.randrange(30, 200))
        # the CRM's pipeline follows from the deal (no random draw: the other columns stay as they were)
        pipeline = "Expansion" if deal_type == "Upsell" else "Partners" if source == "Partner" else "New business"
        deals.append([did, owner, account, stage, f"{amount:.2f}", dday(created), closed, reason, source, deal_type,
                      probability, expected, pipeline])
        t = created
        for s in path:
            history.append([did, s, dday(t)])
            t += rng.randrange(3, 25)
        if closed:
            history.append([did, stage, closed])
    write("deals.csv", ["deal_id", "owner", "account", "stage", "amount", "created_date", "closed_date",
                        "lost_reason", "source", "type", "probability", "expected_close_date", "pipeline"], deals)
    write("stage_history.csv", ["deal_id", "stage", "entered_date"], history)
    for i in range(900):
        created = datetime.combine(day(rng.randrange(0, DAYS)), datetime.min.time()) + timedelta(minutes=rng.randrange(480, 1080))
        mql = created.date() + timedelta(days=rng.randrange(1, 10)) if rng.random() < 0.5 else ""
        sql = mql + timedelta(days=rng.randrange(1, 15)) if mql and rng.random() < 0.5 else ""
        converted = sql + timedelta(days=rng.randrange(5, 40)) if sql and rng.random() < 0.4 else ""
        response = created + timedelta(minutes=rng.choice([2, 3, 4, 8, 15, 45, 120, 600]))
        leads.append([f"L{i + 1:04d}", created.strftime("%Y-%m-%d %H:%M"), rng.choice(SOURCES),
                      rng.choice(["inbound", "inbound", "outbound"]), rng.choice(OWNERS),
                      "converted" if converted else "open", mql, sql, response.strftime("%Y-%m-%d %H:%M"), converted])
    write("leads.csv", ["lead_id", "created_date", "source", "direction", "owner", "status", "mql_date", "sql_date",
                        "first_response_date", "converted_date"], leads)
    for _ in range(2500):
        activities.append([rng.choice(OWNERS), rng.choice(["Call", "Email", "Meeting", "Demo", "Proposal", "Follow-up"]),
                           day(rng.randrange(0, DAYS)), rng.choice([5, 10, 15, 30, 45, 60])])
    write("activities.csv", ["owner", "type", "date", "duration_minutes"], activities)
    customers, orders, subs = [], [], []
    for i, (account, won) in enumerate(sorted(first_won.items(), key=lambda kv: kv[1])):
        cid = f"C{i + 1:03d}"
        acquired = won
        churned = acquired + timedelta(days=rng.randrange(120, 600)) if rng.random() < 0.3 else None
        if churned and churned >= day(DAYS):
            churned = None
        customers.append([cid, acquired, churned or "", rng.choice(["SMB", "Mid-market", "Enterprise"]), rng.choice(SOURCES),
                          rng.choice([1200, 2400, 3600, 6000])])
        mrr = rng.choice([99, 199, 499, 999])
        subs.append([cid, acquired, churned or "", mrr])
        end = churned or day(DAYS - 1)
        d = acquired
        n = 0
        while d < end:
            orders.append([f"O{len(orders) + 1:05d}", cid, d, f"{mrr * rng.choice([1, 1, 1, 2]):.2f}"])
            d += timedelta(days=rng.randrange(25, 95))
            n += 1
    write("customers.csv", ["customer_id", "acquired_date", "churned_date", "segment", "channel", "annual_profit"], customers)
    write("orders.csv", ["order_id", "customer_id", "order_date", "amount"], orders)
    write("subscriptions.csv", ["customer_id", "start_date", "end_date", "mrr"], subs)
    spend = [[date(2023 + m // 12, m % 12 + 1, 1), ch, rng.randrange(1500, 6000)] for m in range(24) for ch in ["Ads", "Events"]]
    write("spend.csv", ["month", "channel", "spend"], spend)
    quotas = [[o, f"{y}-Q{q}", rng.choice([20000, 25000, 30000])] for o in OWNERS for y in (2023, 2024) for q in (1, 2, 3, 4)]
    write("quotas.csv", ["owner", "period", "quota"], quotas)
    surveys = [[day(rng.randrange(0, DAYS)), rng.choice([10, 10, 9, 9, 8, 7, 6, 4, 3]), "nps"] for _ in range(400)]
    surveys += [[day(rng.randrange(0, DAYS)), rng.choice([5, 5, 4, 4, 3, 2]), "csat"] for _ in range(300)]
    write("surveys.csv", ["date", "score", "type"], surveys)
    traffic = [[day(n), rng.randrange(200, 900), rng.randrange(2, 30), ch] for n in range(0, DAYS, 7) for ch in ["Organic", "Paid"]]
    write("traffic.csv", ["date", "visitors", "conversions", "channel"], traffic)
    tickets = []
    for _ in range(500):
        c = datetime.combine(day(rng.randrange(0, DAYS)), datetime.min.time()) + timedelta(minutes=rng.randrange(480, 1080))
        tickets.append([c.strftime("%Y-%m-%d %H:%M"), (c + timedelta(minutes=rng.choice([1, 3, 5, 12, 30, 90]))).strftime("%Y-%m-%d %H:%M")])
    write("tickets.csv", ["created_at", "first_response_at"], tickets)
    files = ["deals.csv", "stage_history.csv", "leads.csv", "activities.csv", "customers.csv", "orders.csv",
             "subscriptions.csv", "spend.csv", "quotas.csv", "surveys.csv", "traffic.csv", "tickets.csv"]
    with open(os.path.join(OUT, "index.json"), "w", encoding="utf-8") as f:
        json.dump({"files": files}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
