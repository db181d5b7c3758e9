//! The engine against an independent computation (tests/reference/deals_reference.py)
//! on a generated 3,000-deal export (tests/reference/generate_deals.py), for all data
//! and for one quarter. Money is compared exactly, ratios to 1e-9.

mod common;
use common::*;
use rust_decimal::Decimal;
use sales_metrics::Report;
use serde_json::Value;
use std::str::FromStr;

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap_or_else(|| panic!("not money: {v}"))).expect("decimal")
}

fn check(report: &Report, expected_file: &str) {
    let exp: Value = serde_json::from_slice(&fixture(expected_file)).expect("json");
    for id in ["revenue", "average_deal_size", "median_deal_size", "pipeline_value"] {
        assert_eq!(dec(&value(report, id)), dec(&exp[id]), "{id}");
    }
    for id in ["deals_won", "deals_lost", "opportunities_created", "stalled_deals"] {
        assert_eq!(value(report, id), exp[id], "{id}");
    }
    for id in ["win_rate", "win_rate_cohort", "sales_cycle_days"] {
        assert!(close(&value(report, id), exp[id].as_f64().unwrap_or(f64::NAN)), "{id}: {}", value(report, id));
    }
    assert_eq!(report.metrics["sales_cycle_days"].detail["median"], exp["sales_cycle_median"]);

    let owners = table_rows(report, "sales_by_owner");
    let exp_owners = exp["owners"].as_object().expect("owners");
    assert_eq!(owners.len(), exp_owners.len());
    for o in &owners {
        let key = o["owner"].as_str().unwrap_or("").trim().to_lowercase();
        let e = &exp_owners[&key];
        assert_eq!(dec(&o["revenue"]), dec(&e["revenue"]), "{key}");
        assert_eq!((&o["won"], &o["lost"]), (&e["won"], &e["lost"]), "{key}");
    }
    let accounts = table_rows(report, "sales_by_account");
    let exp_accounts = exp["accounts"].as_object().expect("accounts");
    assert_eq!(accounts.len(), exp_accounts.len());
    for a in &accounts {
        let name = a["account"].as_str().unwrap_or("");
        assert_eq!(dec(&a["revenue"]), dec(&exp_accounts[name]), "{name}");
    }
    for r in table_rows(report, "loss_reasons") {
        assert_eq!(r["count"], exp["loss_reasons"][r["lost_reason"].as_str().unwrap_or("")]);
    }
    let funnel = table_rows(report, "deal_funnel");
    let stages: Vec<&str> = funnel.iter().map(|s| s["stage"].as_str().unwrap_or("")).collect();
    assert_eq!(stages, ["Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation", "Closed Won"]);
    for s in &funnel {
        assert_eq!(s["reached"], exp["funnel"][s["stage"].as_str().unwrap_or("")], "{}", s["stage"]);
    }
}

#[test]
fn all_data_matches_reference() {
    let r = analyze(
        &[("generated_deals.csv", &fixture("generated_deals.csv"))],
        options(None, None, Some("2025-01-01")),
        64 * 1024,
    );
    check(&r, "generated_deals.all.expected.json");
    // The generator writes "TBD" amounts (unusable, reported) and blank ones: a problem
    // only on a won deal (revenue is understated), not on an open or lost one.
    assert!(r.problems.total > 0);
    let won_blank = "won deal without an amount: left out of revenue";
    assert!(r.problems.items.iter().all(|p| p.column == "Amount" && (p.value == "TBD" || p.reason == won_blank)));
    assert!(r.problems.items.iter().any(|p| p.reason == won_blank));
}

#[test]
fn one_quarter_matches_reference() {
    let r = analyze(
        &[("generated_deals.csv", &fixture("generated_deals.csv"))],
        options(Some("2024-04-01"), Some("2024-07-01"), Some("2025-01-01")),
        4096,
    );
    check(&r, "generated_deals.q2.expected.json");
}
