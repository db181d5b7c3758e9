//! Deal metrics on tests/data/small_deals.csv, with the arithmetic done by hand.

mod common;
use common::*;
use serde_json::json;

fn small(from: Option<&str>, to: Option<&str>) -> sales_metrics::Report {
    analyze(&[("small_deals.csv", &fixture("small_deals.csv"))], options(from, to, Some("2024-04-01")), 7)
}

#[test]
fn all_data_scalars() {
    let r = small(None, None);
    // won: D1 1000.00 + D2 500.50 + D4 2000 = 3500.50
    assert_eq!(value(&r, "revenue"), json!("3500.50"));
    assert_eq!(value(&r, "deals_won"), json!(3));
    assert_eq!(value(&r, "deals_lost"), json!(3)); // D3, D5, D9
    assert!(close(&value(&r, "win_rate"), 0.5)); // 3 / (3 + 3)
    assert_eq!(r.metrics["win_rate"].numerator, Some(json!(3)));
    assert_eq!(r.metrics["win_rate"].denominator, Some(json!(6)));
    assert!(close(&value(&r, "win_rate_cohort"), 0.3)); // 3 won / 10 created
    assert_eq!(value(&r, "average_deal_size"), json!("1166.83")); // 3500.50 / 3 = 1166.8333…
    assert_eq!(value(&r, "median_deal_size"), json!("1000.00")); // 500.50, 1000.00, 2000
                                                                 // cycles: D1 Jan 5→Feb 4 = 30, D2 Jan 10→20 = 10, D4 Feb 1→Mar 2 (leap year) = 30
    assert!(close(&value(&r, "sales_cycle_days"), 70.0 / 3.0));
    assert_eq!(r.metrics["sales_cycle_days"].detail["median"], json!(30.0));
    assert_eq!(value(&r, "opportunities_created"), json!(10));
    // open: D6 1200 + D7 400 + D8 700 + D10 (amount "abc": counted, not summed) = 2300
    assert_eq!(value(&r, "pipeline_value"), json!("2300"));
    assert_eq!(r.metrics["pipeline_value"].detail["deals"], json!(4));
    // as of Apr 1, threshold 23.3 days: D6 51 d, D7 31 d, D8 72 d stalled; D10 22 d not
    assert_eq!(value(&r, "stalled_deals"), json!(3));
    assert_eq!(r.metrics["stalled_deals"].detail["value_sum"], json!("2300"));
    let ages: Vec<_> = table_rows(&r, "stalled_deals").iter().map(|row| row["age_days"].clone()).collect();
    assert_eq!(ages, vec![json!(72), json!(51), json!(31)]);
}

#[test]
fn bad_amount_is_reported_with_position() {
    let r = small(None, None);
    assert_eq!(r.problems.total, 1);
    let p = &r.problems.items[0];
    assert_eq!((p.file.as_str(), p.row, p.column.as_str(), p.value.as_str()), ("small_deals.csv", 11, "amount", "abc"));
}

#[test]
fn tables_by_owner_account_reason() {
    let r = small(None, None);
    let owners = table_rows(&r, "sales_by_owner");
    // Bob: D4 2000 won, D3 lost; Ann: D1 + D2 = 1500.50; Cy: two lost
    assert_eq!(owners[0]["owner"], json!("Bob"));
    assert_eq!(owners[0]["revenue"], json!("2000"));
    assert!(close(&owners[0]["win_rate"], 0.5));
    assert!(close(&owners[0]["share_of_revenue"], 2000.0 / 3500.5));
    assert_eq!(owners[1]["owner"], json!("Ann"));
    assert_eq!(owners[1]["average_deal_size"], json!("750.25")); // 1500.50 / 2
    assert!(close(&owners[1]["sales_cycle_days"], 20.0)); // (30 + 10) / 2
    assert!(close(&owners[1]["win_rate"], 1.0));
    assert_eq!((owners[2]["owner"].clone(), owners[2]["lost"].clone()), (json!("Cy"), json!(2)));
    assert_eq!(owners[2]["win_rate"], json!(0.0));

    let accounts = table_rows(&r, "sales_by_account");
    let names: Vec<_> = accounts.iter().map(|a| a["account"].as_str().unwrap_or("")).collect();
    assert_eq!(names, ["Gamma", "Acme", "Beta"]); // 2000, 1000.00, 500.50

    let reasons = table_rows(&r, "loss_reasons");
    // Price: D3 800 + D9 250; blank (D5 300) → "(none given)"
    assert_eq!(reasons[0]["lost_reason"], json!("Price"));
    assert_eq!((reasons[0]["count"].clone(), reasons[0]["amount"].clone()), (json!(2), json!("1050")));
    assert!(close(&reasons[0]["share_of_lost"], 2.0 / 3.0));
    assert_eq!(reasons[1]["lost_reason"], json!("(none given)"));
}

#[test]
fn funnel_reached() {
    let r = small(None, None);
    let rows = table_rows(&r, "deal_funnel");
    let summary: Vec<_> = rows.iter().map(|s| (s["stage"].clone(), s["reached"].clone(), s["value"].clone())).collect();
    // Qualification: all 10 deals (open at or past it, 3 lost with no lost_stage, 3 won)
    //   value 400 + 1200 + 700 + (800 + 300 + 250) + 3500.50 = 7150.50
    // Proposal: D6, D8, 3 won = 5 → 1200 + 700 + 3500.50; Negotiation: D8 + 3 won = 4
    assert_eq!(
        summary,
        vec![
            (json!("Qualification"), json!(10), json!("7150.50")),
            (json!("Proposal"), json!(5), json!("5400.50")),
            (json!("Negotiation"), json!(4), json!("4200.50")),
            (json!("Closed Won"), json!(3), json!("3500.50")),
        ]
    );
    assert!(close(&rows[1]["conversion"], 0.5)); // 5 / 10
    assert!(close(&rows[2]["conversion"], 0.8)); // 4 / 5
    assert!(close(&rows[3]["conversion"], 0.75)); // 3 / 4
    assert_eq!(rows[0]["drop_off"], json!(5));
    assert!(rows[3]["drop_off"].is_null());
}

#[test]
fn user_stage_order_wins() {
    let mut o = options(None, None, Some("2024-04-01"));
    o.stage_order = Some(vec!["negotiation".into(), "Qualification".into()]);
    let r = analyze(&[("d.csv", &fixture("small_deals.csv"))], o, 64);
    let stages: Vec<_> = table_rows(&r, "deal_funnel").iter().map(|s| s["stage"].clone()).collect();
    assert_eq!(stages, vec![json!("Negotiation"), json!("Qualification"), json!("Proposal"), json!("Closed Won")]);
}

#[test]
fn february_period() {
    let r = small(Some("2024-02-01"), Some("2024-03-01"));
    assert_eq!(value(&r, "revenue"), json!("1000.00")); // only D1 closed in Feb
    assert!(close(&value(&r, "win_rate"), 1.0 / 3.0)); // D1 won; D3, D5 lost
    assert!(close(&value(&r, "win_rate_cohort"), 1.0 / 3.0)); // created Feb: D4 (won), D5, D6
    assert!(close(&value(&r, "sales_cycle_days"), 30.0));
    // as of Mar 1: D6 1200, D8 700 open; D4 (created Feb 1, won Mar 2) was open then: 2000
    assert_eq!(value(&r, "pipeline_value"), json!("3900"));
    let stages: Vec<_> = table_rows(&r, "pipeline_value").iter().map(|s| s["stage"].clone()).collect();
    assert_eq!(stages[0], json!("(closed after period end)"));
    // threshold 30 d: D8 41 d stalled; D6 20 d, D4 29 d not
    assert_eq!(value(&r, "stalled_deals"), json!(1));
}

#[test]
fn empty_period_gives_reasons_not_zeros() {
    let r = small(Some("2030-01-01"), Some("2030-02-01"));
    assert_eq!(value(&r, "deals_won"), json!(0));
    assert!(value(&r, "win_rate").is_null());
    assert_eq!(r.metrics["win_rate"].reason.as_deref(), Some("no won or lost deals in period"));
    assert!(value(&r, "average_deal_size").is_null());
    assert!(value(&r, "sales_cycle_days").is_null());
    assert!(value(&r, "stalled_deals").is_null());
    assert!(r.tables["loss_reasons"].reason.is_some());
}

#[test]
fn status_column_and_persian_stage_words() {
    let csv = "شناسه معامله,فروشنده,مشتری,مرحله,مبلغ,تاریخ ایجاد,تاریخ بستن\n\
               1,علی,الف,برنده,۱۲۰۰,2024-01-01,2024-01-11\n\
               2,علی,ب,بازنده,۳۰۰,2024-01-02,2024-01-05\n\
               3,سارا,الف,مذاکره,۵۰۰,2024-01-03,\n";
    let r = analyze(&[("fa.csv", csv.as_bytes())], options(None, None, Some("2024-02-01")), 5);
    assert_eq!(value(&r, "revenue"), json!("1200"));
    assert!(close(&value(&r, "win_rate"), 0.5));
    assert_eq!(value(&r, "pipeline_value"), json!("500"));

    let with_status = "id,owner,account,stage,status,amount,created,closed\n\
                       1,A,X,Negotiation,Won,10,2024-01-01,2024-01-02\n\
                       2,A,X,Negotiation,maybe,10,2024-01-01,\n";
    let r = analyze(&[("s.csv", with_status.as_bytes())], options(None, None, Some("2024-02-01")), 3);
    assert_eq!(value(&r, "deals_won"), json!(1));
    assert_eq!(r.problems.items[0].column, "status");
    assert_eq!(value(&r, "pipeline_value"), json!("10")); // "maybe" → from stage → open
}
