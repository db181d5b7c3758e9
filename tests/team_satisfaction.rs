//! Quotas, surveys, traffic and tickets on small fixtures, arithmetic by hand.

mod common;
use common::*;
use serde_json::json;

fn with(files: &[&str]) -> sales_metrics::Report {
    let data: Vec<(String, Vec<u8>)> = files.iter().map(|f| (f.to_string(), fixture(f))).collect();
    let refs: Vec<(&str, &[u8])> = data.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    analyze(&refs, options(None, None, Some("2024-04-01")), 17)
}

#[test]
fn quotas_against_won_deals() {
    let r = with(&["small_deals.csv", "small_quotas.csv"]);
    assert_eq!(r.files[1].kind.as_deref(), Some("quotas"));
    // Q1 2024: Ann 1000.00 + 500.50 of 2000; Bob 2000 of 1500; Cy 0 of 1000; Dee (no deals) 0 of 500
    let rows = table_rows(&r, "quota_attainment");
    let att: Vec<_> = rows.iter().map(|q| (q["owner"].clone(), q["revenue"].clone())).collect();
    assert_eq!(
        att,
        vec![
            (json!("Ann"), json!("1500.50")),
            (json!("Bob"), json!("2000")),
            (json!("Cy"), json!("0")),
            (json!("Dee"), json!("0"))
        ]
    );
    assert!(close(&rows[0]["attainment"], 1500.5 / 2000.0));
    assert!(close(&value(&r, "reps_at_quota"), 0.25)); // Bob only, of 4
                                                       // team: 3500.50 / 5000
    assert!(close(&value(&r, "target_achievement"), 3500.5 / 5000.0));
    // open pipeline 2300 / (5000 − 3500.50)
    assert!(close(&value(&r, "pipeline_coverage"), 2300.0 / 1499.5));
}

#[test]
fn nps_and_csat_with_out_of_range_scores() {
    let r = with(&["small_surveys.csv"]);
    // NPS: promoters 10, 9; passive 8; detractors 6, 3 → (2 − 2) / 5 × 100 = 0; 11 is a bad row
    assert_eq!(value(&r, "nps"), json!(0.0));
    assert_eq!(r.metrics["nps"].rows, 5);
    // CSAT: 5 and 4 satisfied of 5, 4, 2 → 2/3; mean 11/3; 0 is a bad row
    assert!(close(&value(&r, "csat"), 2.0 / 3.0));
    assert!(close(&r.metrics["csat"].detail["mean_score"], 11.0 / 3.0));
    let bad: Vec<_> = r.problems.items.iter().map(|p| (p.row, p.value.clone())).collect();
    assert_eq!(bad, vec![(7, "11".to_string()), (11, "0".to_string())]);
}

#[test]
fn traffic_conversion_and_ticket_response() {
    let r = with(&["small_traffic.csv", "small_tickets.csv"]);
    // 10 conversions / 400 visitors; Organic 6 / 200, Paid 4 / 200
    assert!(close(&value(&r, "conversion_rate"), 0.025));
    let rates: Vec<_> = table_rows(&r, "conversion_rate").iter().map(|c| c["rate"].clone()).collect();
    assert!(close(&rates[0], 0.03) && close(&rates[1], 0.02));
    // tickets: 4, 60, 5 minutes (the fourth answered before it was created: bad row)
    assert!(close(&value(&r, "inquiry_response_minutes"), 23.0));
    let t = &r.metrics["inquiry_response_minutes"].detail;
    assert_eq!(t["median"], json!(5.0));
    assert!(close(&t["within_target"], 2.0 / 3.0));
    assert_eq!(r.problems.total, 1);
}

#[test]
fn an_extreme_quota_period_is_a_problem_not_a_panic() {
    // It panicked in src/metrics/team.rs and lost the good deals dropped with it.
    let quotas = "owner,period,quota\nAnn,2024-01-01 to +262142-12-31,1000\nAnn,2024-01,500\n";
    let deals =
        "deal_id,owner,account,stage,amount,created_date,closed_date\n1,Ann,Acme,Won,100,2024-01-02,2024-01-20\n";
    let files: [(&str, &[u8]); 2] = [("quotas.csv", quotas.as_bytes()), ("deals.csv", deals.as_bytes())];
    let r = analyze(&files, options(Some("2024-01-01"), Some("2024-02-01"), None), 1 << 16);
    assert_eq!(value(&r, "revenue"), serde_json::json!("100"));
    assert_eq!(r.problems.items.iter().map(|p| (p.row, p.column.as_str())).collect::<Vec<_>>(), [(2, "period")]);
    // the good quota row still counts: 100 of 500
    assert!(close(&value(&r, "target_achievement"), 0.2));
}

#[test]
fn a_span_of_several_quota_periods_sums_them_per_rep() {
    // Two years: quarterly quotas in 2023, a yearly one in 2024.
    let deals = "deal_id,owner,account,stage,amount,created_date,close_date\n\
                 D1,Ann,Acme,Won,500000,2023-01-05,2023-02-10\n\
                 D2,Ann,Beta,Won,400000,2023-05-05,2023-07-10\n\
                 D3,Ann,Gamma,Won,300000,2024-03-01,2024-04-10\n\
                 D4,Bob,Acme,Won,20000,2023-03-01,2023-03-20\n\
                 D5,Bob,Zed,Open,5000,2024-10-01,\n";
    let quotas = "owner,period,quota\nAnn,2023-Q1,350000\nAnn,2023-Q2,350000\nAnn,2023-Q3,350000\nAnn,2023-Q4,350000\n\
                  Bob,2023-Q1,8000\nBob,2023-Q2,8000\nBob,2023-Q3,8000\nBob,2023-Q4,8000\nAnn,2024,400000\nBob,2024,32000\n";
    let files: [(&str, &[u8]); 2] = [("deals.csv", deals.as_bytes()), ("quotas.csv", quotas.as_bytes())];
    let rows = |r: &sales_metrics::Report| -> Vec<(serde_json::Value, serde_json::Value, serde_json::Value, serde_json::Value)> {
        table_rows(r, "quota_attainment")
            .iter()
            .map(|q| (q["owner"].clone(), q["periods"].clone(), q["quota"].clone(), q["revenue"].clone()))
            .collect()
    };
    // All time: Ann's five periods, 1.8M; won 500k (Q1) + 400k (Q3, closed Jul 10) + 300k (2024)
    let r = analyze(&files, options(None, None, Some("2025-01-01")), 1 << 16);
    assert_eq!(
        rows(&r),
        [
            (json!("Ann"), json!(5), json!("1800000"), json!("1200000")),
            (json!("Bob"), json!(5), json!("64000"), json!("20000")),
        ]
    );
    assert!(close(&value(&r, "target_achievement"), 1_220_000.0 / 1_864_000.0));
    // April 2023 to March 2024: Q2–Q4 2023 and the year 2024 overlap it; each period's own
    // revenue counts (2024's D3 closed in April, inside its yearly quota)
    let r = analyze(&files, options(Some("2023-04-01"), Some("2024-04-01"), Some("2024-04-01")), 1 << 16);
    assert_eq!(
        rows(&r),
        [
            (json!("Ann"), json!(4), json!("1450000"), json!("700000")),
            (json!("Bob"), json!(4), json!("56000"), json!("0")),
        ]
    );
    let ann = &table_rows(&r, "quota_attainment")[0];
    assert_eq!((ann["from"].clone(), ann["to"].clone()), (json!("2023-04-01"), json!("2025-01-01")));
    assert!(close(&value(&r, "reps_at_quota"), 0.0));
}
