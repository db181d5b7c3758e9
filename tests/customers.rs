//! Customer metrics on small fixtures for the first quarter of 2024, arithmetic by hand.

mod common;
use common::*;
use serde_json::json;

fn q1(files: &[&str]) -> sales_metrics::Report {
    let data: Vec<(String, Vec<u8>)> = files.iter().map(|f| (f.to_string(), fixture(f))).collect();
    let refs: Vec<(&str, &[u8])> = data.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    analyze(&refs, options(Some("2024-01-01"), Some("2024-04-01"), Some("2024-06-01")), 19)
}

#[test]
fn churn_retention_cac_and_clv() {
    let r = q1(&["small_customers.csv", "small_spend.csv"]);
    let kinds: Vec<_> = r.files.iter().map(|f| f.kind.clone().unwrap_or_default()).collect();
    assert_eq!(kinds, ["customers", "spend"]);
    assert_eq!(value(&r, "new_customers"), json!(2)); // C4, C5 acquired in Q1
    assert_eq!(value(&r, "customers_at_start"), json!(2)); // C1, C2 (C3 churned in December)
    assert!(close(&value(&r, "churn_rate"), 0.5)); // C2 churned on 15 Feb
                                                   // at the end: C1, C4; (2 − 2 new) / 2
    assert!(close(&value(&r, "retention_rate"), 0.0));
    // spend in Q1 1000 + 500 over 2 new customers
    assert_eq!(value(&r, "cac"), json!("750"));
    // profit: mean annual_profit of C1 1200, C4 900 = 1050; churn 0.5 over 91 days is
    // 1 − 0.5^(365.25 / 91) = 0.93809… a year: lifespan 1.06599… years → 1119.29
    assert_eq!(value(&r, "clv"), json!("1119.29"));
    assert_eq!(value(&r, "clv_net"), json!("369.29"));
    assert!((value(&r, "ltv_cac_ratio").as_f64().unwrap_or(0.0) - 1.49239).abs() < 1e-4);
    // between 1 and 5: the band the page words
    assert_eq!(r.metrics["ltv_cac_ratio"].detail["band"], json!("ok"));
}

#[test]
fn orders_and_mrr() {
    let r = q1(&["small_orders.csv", "small_subscriptions.csv"]);
    // Q1 orders 100.00 + 50.00 + 30.00 = 180.00 over 3
    assert_eq!(value(&r, "average_order_value"), json!("60.00"));
    // buyers in Q1: C1 (2 orders), C4 (1) → 1 / 2
    assert!(close(&value(&r, "repeat_purchase_rate"), 0.5));
    // new customers from first orders in Q1 (no customers file, no deals): C1? no, first order
    // 2024-01-05 is C1's first order, C4's 2024-01-20 too; C2's first is December → 2
    assert_eq!(value(&r, "new_customers"), json!(2));
    assert_eq!(r.metrics["new_customers"].detail["source"], json!("orders"));
    let rows = table_rows(&r, "mrr");
    let mrr: Vec<_> = rows.iter().map(|m| (m["month_end"].clone(), m["mrr"].clone())).collect();
    // Jan 31: 100 + 50 + 40; Feb 29: 100 + 60 (C2 ended, C4 moved to 60); Mar 31 the same
    assert_eq!(
        mrr,
        vec![
            (json!("2024-01-31"), json!("190")),
            (json!("2024-02-29"), json!("160")),
            (json!("2024-03-31"), json!("160"))
        ]
    );
    assert_eq!((rows[1]["expansion"].clone(), rows[1]["churned"].clone()), (json!("20"), json!("50")));
    assert_eq!(value(&r, "mrr"), json!("160"));
}

#[test]
fn without_a_period_start_say_why() {
    let r = analyze(&[("c.csv", &fixture("small_customers.csv"))], options(None, None, Some("2024-06-01")), 64);
    assert_eq!(r.metrics["churn_rate"].reason.as_deref(), Some("needs a period start (from)"));
    assert!(value(&r, "cac").is_null());
}
