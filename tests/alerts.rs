//! Each alert rule fires on a fixture made to trigger it and stays quiet on one made not
//! to; thresholds are options.

mod common;
use chrono::NaiveDate;
use common::*;
use rust_decimal::Decimal;
use sales_metrics::internals::{evaluate_alerts as evaluate, AlertFacts as Facts, Latest};
use sales_metrics::{Period, Report, Thresholds};
use serde_json::json;

fn ids(r: &Report) -> Vec<&str> {
    r.alerts.iter().map(|a| a.id).collect()
}

fn fired(f: &Facts) -> Vec<&'static str> {
    evaluate(f, &Thresholds::default(), 5).iter().map(|a| a.id).collect()
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn dec(s: &str) -> Option<Decimal> {
    s.parse().ok()
}

#[test]
fn each_rule_on_its_numbers() {
    // win rate 0.45 against 0.60: 15 points down fires; 0.52 (8 points) does not
    let drop = |now: f64| Facts {
        win_rate: Some(now),
        win_rate_before: Some((0.60, Period::new(day("2024-01-01"), day("2024-02-01")))),
        ..Facts::default()
    };
    assert_eq!(fired(&drop(0.45)), ["win_rate_drop"]);
    assert!(fired(&drop(0.52)).is_empty());
    // median response 7 minutes > 5 fires; 5 does not (above, not at)
    let lead = |median: f64| Facts { response_median: Some(median), ..Facts::default() };
    assert_eq!(fired(&lead(7.0)), ["slow_lead_response"]);
    assert!(fired(&lead(5.0)).is_empty());
    // reps at quota: 95 % too easy, 30 % too hard, 60 % neither
    let quota = |share: f64| Facts { reps_at_quota: Some((share, 0, 0)), ..Facts::default() };
    assert_eq!(fired(&quota(0.95)), ["quota_too_easy"]);
    assert_eq!(fired(&quota(0.30)), ["quota_too_hard"]);
    assert!(fired(&quota(0.60)).is_empty());
    // LTV:CAC 0.8 fires, 1.2 does not
    assert_eq!(fired(&Facts { ltv_cac: Some(0.8), ..Facts::default() }), ["ltv_cac_below_1"]);
    assert!(fired(&Facts { ltv_cac: Some(1.2), ..Facts::default() }).is_empty());
    // stalled 300 of 1,000 open (30 %) fires; 150 (15 %) does not
    let stalled = |v: &str| Facts { stalled_value: dec(v), pipeline_value: dec("1000.00"), ..Facts::default() };
    assert_eq!(fired(&stalled("300.00")), ["stalled_pipeline"]);
    assert!(fired(&stalled("150.00")).is_empty());
    // the forecast check
    let latest = |below: bool| Facts {
        latest: Some(Latest {
            bucket: day("2024-12-01"),
            actual: dec("500.00"),
            forecast: dec("1000.00"),
            lo80: dec("900.00"),
            hi80: dec("1100.00"),
            below,
        }),
        ..Facts::default()
    };
    assert_eq!(fired(&latest(true)), ["sales_slowing"]);
    assert!(fired(&latest(false)).is_empty());
    // thresholds are options: 8 points down fires at 5
    let t = Thresholds { win_rate_drop: 0.05, ..Thresholds::default() };
    assert_eq!(evaluate(&drop(0.52), &t, 5)[0].id, "win_rate_drop");
    let msg = &evaluate(&drop(0.45), &t, 5)[0];
    assert_eq!(msg.message, "Win rate fell from 60.0% to 45.0% (-15.0 points) against 2024-01-01 to 2024-02-01.");
    assert_eq!(msg.section, "kpi");
}

/// Two years of 1,000 a month, then a last month of `last`; as of 2025-01-01.
fn monthly(last: u32) -> String {
    let mut csv = String::from("deal_id,owner,account,stage,amount,created_date,closed_date\n");
    for (i, (y, m)) in (2023..=2024).flat_map(|y| (1..=12).map(move |m| (y, m))).enumerate() {
        let amount = if (y, m) == (2024, 12) { last } else { 1000 + (i as u32 % 3) * 20 };
        csv.push_str(&format!("{i},Ann,A,Won,{amount},{y}-{m:02}-01,{y}-{m:02}-10\n"));
    }
    // the export runs to the end of December
    csv.push_str("open,Ann,A,Proposal,10,2024-12-31,\n");
    csv
}

#[test]
fn sales_slowing_from_the_data() {
    let run = |csv: String| analyze(&[("d.csv", csv.as_bytes())], options(None, None, Some("2025-01-01")), 1 << 16);
    let slow = run(monthly(500));
    assert_eq!(ids(&slow), ["sales_slowing"]);
    assert_eq!(slow.alerts[0].values["bucket"], json!("2024-12-01"));
    assert_eq!(slow.alerts[0].values["actual"], json!("500.00"));
    assert!(run(monthly(1020)).alerts.is_empty());
}

#[test]
fn win_rate_drop_and_quotas_from_the_data() {
    // January: 2 won of 2; February: 1 won of 3 → 100 % to 33.3 %
    let deals = "deal_id,owner,account,stage,amount,created_date,closed_date\n\
                 1,Ann,A,Won,100,2024-01-02,2024-01-10\n2,Bob,B,Won,100,2024-01-02,2024-01-11\n\
                 3,Ann,A,Won,300,2024-02-02,2024-02-10\n4,Bob,B,Lost,100,2024-02-02,2024-02-11\n\
                 5,Bob,C,Lost,100,2024-02-03,2024-02-12\n";
    // February quotas: Ann 200 (300 won: reached), Bob 200 (0: not) → 50 %, no quota alert
    let quotas = "owner,period,quota\nAnn,2024-02,200\nBob,2024-02,200\n";
    let mut o = options(Some("2024-02-01"), Some("2024-03-01"), None);
    o.comparison = Some("previous".into());
    let r = analyze(&[("d.csv", deals.as_bytes()), ("q.csv", quotas.as_bytes())], o.clone(), 9);
    assert_eq!(ids(&r), ["win_rate_drop"]);
    assert_eq!(r.alerts[0].values["before"], json!(1.0));
    // only Ann has a quota: 200 reached (1 of 1, above 90 %); 1,000 not (0 of 1, below 40 %)
    for (quota, alert) in [("200", "quota_too_easy"), ("1000", "quota_too_hard")] {
        let q = format!("owner,period,quota\nAnn,2024-02,{quota}\n");
        let r = analyze(&[("d.csv", deals.as_bytes()), ("q.csv", q.as_bytes())], o.clone(), 9);
        assert_eq!(ids(&r), ["win_rate_drop", alert]);
    }
    // without a comparison nothing compares
    o.comparison = None;
    let r = analyze(&[("d.csv", deals.as_bytes()), ("q.csv", quotas.as_bytes())], o, 9);
    assert!(r.alerts.is_empty(), "{:?}", ids(&r));
}
