//! One as-of date for every family: `to` when a period is set, else the user's as-of
//! date, else the day after the latest date in the data — never the page's "today" for
//! data from the past. The forecast's history ends there.

mod common;
use common::*;
use sales_metrics::RawOptions;
use serde_json::json;

const HEADER: &str = "deal_id,owner,account,stage,amount,created_date,closed_date\n";

/// The page sends its date as `today`; nothing else.
fn page_options(from: Option<&str>, to: Option<&str>) -> RawOptions {
    RawOptions {
        from: from.map(String::from),
        to: to.map(String::from),
        today: Some("2026-12-01".into()),
        ..RawOptions::default()
    }
}

#[test]
fn data_from_the_past_is_judged_at_its_end() {
    // Last date in the data: 2024-03-10. An open deal created 2024-03-01.
    let text = format!("{HEADER}1,Ann,Acme,Won,100,2024-01-01,2024-01-31\n2,Bob,Beta,Won,50,2024-02-01,2024-03-10\n3,Ann,Gamma,Proposal,70,2024-03-01,\n");
    let r = analyze(&[("d.csv", text.as_bytes())], page_options(None, None), 1 << 16);
    assert_eq!(r.period.as_of.map(|d| d.to_string()).as_deref(), Some("2024-03-11"));
    // mean cycle (30 + 38) / 2 = 34 days; the open deal is 10 days old: not stalled
    assert_eq!(value(&r, "stalled_deals"), json!(0));
    assert_eq!(value(&r, "pipeline_value"), json!("70"));
    // The user's as-of date ("today" chosen on the page) is used when given.
    let mut opts = page_options(None, None);
    opts.as_of = Some("2026-12-01".into());
    let r = analyze(&[("d.csv", text.as_bytes())], opts, 1 << 16);
    assert_eq!(value(&r, "stalled_deals"), json!(1));
}

/// 2024: 1,000 won each month (on the 15th); January 2025: 100, its last sale on the 10th.
fn slowing() -> String {
    let mut text = HEADER.to_string();
    for m in 1..=12 {
        text.push_str(&format!("{m},Ann,Acme,Won,1000,2024-{m:02}-01,2024-{m:02}-15\n"));
    }
    text.push_str("13,Ann,Acme,Won,100,2025-01-02,2025-01-10\n");
    text
}

#[test]
fn a_period_end_makes_the_last_month_complete() {
    let text = slowing();
    // `to` = 2025-02-01: the user says January is over; the drop is the latest bucket.
    let r = analyze(&[("d.csv", text.as_bytes())], page_options(None, Some("2025-02-01")), 1 << 16);
    let latest = &r.metrics["forecast_revenue"].detail["latest"];
    assert_eq!((latest["bucket"].clone(), latest["actual"].clone()), (json!("2025-01-01"), json!("100.00")));
    assert!(r.alerts.iter().any(|a| a.id == "sales_slowing"), "{:?}", r.alerts);
    // Without `to`, the data ends on January 10: January may not be over, so it is left
    // out of the history and nothing is said about it.
    let r = analyze(&[("d.csv", text.as_bytes())], page_options(None, None), 1 << 16);
    let latest = &r.metrics["forecast_revenue"].detail["latest"];
    assert_eq!(latest["bucket"], json!("2024-12-01"));
    assert!(!r.alerts.iter().any(|a| a.id == "sales_slowing"));
}

#[test]
fn customers_at_the_end_use_the_same_date() {
    // Customers A (2023), B (2024-01-10, churned 2024-02-01), C (2024-02-20).
    let customers = "customer_id,acquired_date,churned_date\nA,2023-05-01,\nB,2024-01-10,2024-02-01\nC,2024-02-20,\n";
    let r = analyze(&[("c.csv", customers.as_bytes())], page_options(Some("2024-01-01"), None), 1 << 16);
    // as of 2024-02-21 (the day after the last date): at start A (1); at end A, C; new B, C
    // → retention (2 − 2) / 1 = 0; churn: B was not there at the start → 0 / 1
    assert_eq!(r.period.as_of.map(|d| d.to_string()).as_deref(), Some("2024-02-21"));
    assert!(close(&value(&r, "retention_rate"), 0.0));
    assert!(close(&value(&r, "churn_rate"), 0.0));
}
