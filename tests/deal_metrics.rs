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
    // in the funnel's order (February's funnel holds Proposal, D6), then by value: D4's
    // 2000 (closed since, its stage then unknown) before Negotiation (D8, created in January)
    assert_eq!(stages, vec![json!("Proposal"), json!("(closed after period end)"), json!("Negotiation")]);
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

#[test]
fn weighted_pipeline_by_stage_defaults() {
    let r = small(None, None);
    // no probability column: Proposal 50 %, Qualification 20 %, Negotiation 70 %
    // D6 1200 × 0.5 + D7 400 × 0.2 + D8 700 × 0.7 = 600 + 80 + 490 = 1170 (D10 has no amount)
    assert_eq!(value(&r, "weighted_pipeline"), json!("1170.00"));
    let probs = &r.metrics["weighted_pipeline"].detail["stage_probabilities"];
    assert_eq!(probs["Negotiation"], json!({ "probability": "0.7", "source": "default" }));
}

#[test]
fn weighted_pipeline_by_column_then_user_then_default() {
    let csv = "deal_id,owner,stage,amount,created_date,probability\n\
               1,A,Proposal,1000,2024-01-01,30%\n\
               2,A,Proposal,500,2024-01-01,\n\
               3,A,Demo,200,2024-01-01,0.9\n\
               4,A,Demo,100,2024-01-01,150%\n";
    let mut o = options(None, None, Some("2024-02-01"));
    o.stage_probabilities = Some([("proposal".to_string(), 0.6)].into());
    let r = analyze(&[("p.csv", csv.as_bytes())], o, 9);
    // 1000 × 0.30 + 500 × 0.6 (user's Proposal) + 200 × 0.9 + 100 × 0.4 (150% is a bad
    // value, reported: Demo's default 40 % applies) = 300 + 300 + 180 + 40 = 820
    assert_eq!(value(&r, "weighted_pipeline"), json!("820.00"));
    assert_eq!(r.problems.items[0].reason, "probability out of range (0 to 100%)");
}

#[test]
fn per_rep_velocity_and_trend() {
    let r = small(None, None);
    // revenue 3500.50 / 3 owners with deals created or closed (Ann, Bob, Cy) = 1166.83
    assert_eq!(value(&r, "sales_per_rep"), json!("1166.83"));
    // 10 deals open during "all data" × 0.5 × (3500.50 / 3) / (70 / 3) days
    //   = 5 × 3500.50 / 70 = 250.0357… per day
    assert_eq!(value(&r, "sales_velocity"), json!("250.04"));
    assert_eq!(r.metrics["upsell_rate"].reason.as_deref(), Some("needs column: type"));
    let points = r.series["revenue_trend"]["points"].as_array().cloned().unwrap_or_default();
    let months: Vec<_> = points
        .iter()
        .map(|p| (p["bucket"].clone(), p["revenue"].clone(), p["won"].clone(), p["lost"].clone()))
        .collect();
    // Jan: D2 500.50 won; Feb: D1 1000.00 won, D3 and D5 lost; Mar: D4 2000 won, D9 lost
    assert_eq!(
        months,
        vec![
            (json!("2024-01-01"), json!("500.50"), json!(1), json!(0)),
            (json!("2024-02-01"), json!("1000.00"), json!(1), json!(2)),
            (json!("2024-03-01"), json!("2000"), json!(1), json!(1)),
        ]
    );
    assert!(close(&points[1]["win_rate"], 1.0 / 3.0));
}

#[test]
fn weekly_trend_fills_empty_weeks() {
    let mut o = options(Some("2024-02-05"), Some("2024-02-26"), Some("2024-04-01"));
    o.granularity = Some("week".into());
    let r = analyze(&[("s.csv", &fixture("small_deals.csv"))], o, 64);
    // weeks of Feb 5, 12, 19: D3 lost Feb 10 (week of 5th), D5 lost Feb 20 (week of 19th)
    let points = r.series["revenue_trend"]["points"].as_array().cloned().unwrap_or_default();
    let weeks: Vec<_> = points.iter().map(|p| (p["bucket"].clone(), p["lost"].clone())).collect();
    assert_eq!(
        weeks,
        vec![(json!("2024-02-05"), json!(1)), (json!("2024-02-12"), json!(0)), (json!("2024-02-19"), json!(1))]
    );
}

#[test]
fn comparison_with_the_previous_period() {
    let mut o = options(Some("2024-02-01"), Some("2024-03-01"), Some("2024-04-01"));
    o.comparison = Some("previous".into());
    let r = analyze(&[("s.csv", &fixture("small_deals.csv"))], o, 64);
    // February (29 days) against 3 Jan – 1 Feb: revenue 1000.00 against D2's 500.50
    let cmp = &r.metrics["revenue"].detail["comparison"];
    assert_eq!((cmp["from"].clone(), cmp["to"].clone()), (json!("2024-01-03"), json!("2024-02-01")));
    assert_eq!((cmp["value"].clone(), cmp["change"].clone()), (json!("500.50"), json!("499.50")));
    // growth = 499.50 / 500.50
    assert!(close(&value(&r, "sales_growth"), 499.5 / 500.5));
    // win rate: 1/3 now against 1/1 (D2 won, nothing lost) before: change −2/3
    assert!(close(&r.metrics["win_rate"].detail["comparison"]["change"], 1.0 / 3.0 - 1.0));
    // Without a comparison, sales growth is still against the previous period (and no
    // other metric gets a comparison).
    let none = small(Some("2024-02-01"), Some("2024-03-01"));
    assert!(close(&value(&none, "sales_growth"), 499.5 / 500.5));
    assert_eq!(none.metrics["sales_growth"].detail["comparison"]["from"], json!("2024-01-03"));
    assert!(!none.metrics["revenue"].detail.contains_key("comparison"));
    // All data has no previous period.
    assert!(value(&small(None, None), "sales_growth").is_null());
}

#[test]
fn upsell_rate_counts_existing_accounts_that_bought_more() {
    let csv = "deal_id,owner,account,stage,amount,created_date,closed_date,type\n\
               1,A,Acme,Won,100,2023-01-01,2023-02-01,New\n\
               2,A,Beta,Won,100,2023-01-01,2023-03-01,New\n\
               3,A,Acme,Won,50,2024-01-05,2024-01-20,Upsell\n\
               4,A,Gamma,Won,80,2024-01-05,2024-01-25,Upsell\n\
               5,A,Beta,Won,60,2024-02-05,2024-03-10,Cross-sell\n";
    let r = analyze(&[("u.csv", csv.as_bytes())], options(Some("2024-01-01"), Some("2024-02-01"), None), 5);
    // accounts with a won deal before 2024: Acme, Beta; of them Acme bought more in
    // January (Gamma is new, Beta's cross-sell closed in March) → 1 / 2
    assert!(close(&value(&r, "upsell_rate"), 0.5));
    assert_eq!(r.metrics["upsell_rate"].numerator, Some(json!(1)));
}

#[test]
fn stage_history_gives_the_exact_funnel_and_time_in_stage() {
    let r = analyze(&[("h.csv", &fixture("small_stage_history.csv"))], options(None, None, Some("2024-04-01")), 10);
    assert_eq!(r.files[0].kind.as_deref(), Some("stage_history"));
    let funnel = &r.tables["deal_funnel"];
    assert_eq!(funnel.detail["type"], json!("exact"));
    // furthest stage: D1 won, D2 Qualification (then lost), D3 Negotiation, D4 Proposal
    // (it skipped Qualification: reaching a later stage counts for the earlier ones)
    let reached: Vec<_> = funnel.rows.iter().map(|s| (s["stage"].clone(), s["reached"].clone())).collect();
    assert_eq!(
        reached,
        vec![
            (json!("Qualification"), json!(4)),
            (json!("Proposal"), json!(3)),
            (json!("Negotiation"), json!(2)),
            (json!("Closed Won"), json!(1)),
        ]
    );
    // Qualification: D1 10 d, D2 10 d (until lost), D3 4 d → mean 8, median 10;
    // Proposal: D1 20 d, D3 10 d → mean 15; Negotiation has no next entry yet
    let time: Vec<_> = table_rows(&r, "time_in_stage")
        .iter()
        .map(|s| (s["stage"].clone(), s["mean_days"].clone(), s["median_days"].clone()))
        .collect();
    assert_eq!(
        time,
        vec![(json!("Qualification"), json!(8.0), json!(10.0)), (json!("Proposal"), json!(15.0), json!(15.0))]
    );
}

#[test]
fn thousands_of_stage_names_make_a_funnel() {
    // 16,000 distinct stage names took 37 s (quadratic); every deal reaches the first stage.
    let mut csv = String::from("deal_id,owner,account,stage,amount,created_date\n");
    for i in 0..20_000 {
        csv.push_str(&format!(
            "{i},O{},A{},Stage {},{},2024-01-{:02}\n",
            i % 7,
            i % 30,
            i % 16_000,
            1 + i % 5,
            1 + i % 28
        ));
    }
    let r = analyze(&[("d.csv", csv.as_bytes())], options(None, None, Some("2024-06-01")), 1 << 16);
    let funnel = table_rows(&r, "deal_funnel");
    assert_eq!(funnel.len(), 16_001); // the stages and the won step
    assert_eq!(funnel[0]["reached"], json!(20_000));
    // reached never grows along the funnel
    assert!(funnel.windows(2).all(|w| w[0]["reached"].as_u64() >= w[1]["reached"].as_u64()));
}

#[test]
fn a_deal_closed_before_it_was_created_is_out_of_the_closed_date_figures() {
    // D2 is lost on Jan 5, created Jan 10: a listed bad row, left out of lost, win rate,
    // the trend and the drill of lost deals; it still counts as created in January.
    let deals = "deal_id,owner,account,stage,amount,created_date,close_date\n\
                 D1,Ann,Acme,Won,100,2024-01-02,2024-01-20\n\
                 D2,Ann,Beta,Lost,50,2024-01-10,2024-01-05\n\
                 D3,Bob,Acme,Lost,70,2024-01-03,2024-01-25\n\
                 D4,Bob,Zed,Won,30,2024-01-12,2024-01-11\n";
    for (from, to) in [(None, None), (Some("2024-01-01"), Some("2024-02-01"))] {
        let r = analyze(&[("deals.csv", deals.as_bytes())], options(from, to, Some("2024-02-01")), 1 << 16);
        assert_eq!((value(&r, "deals_won"), value(&r, "deals_lost")), (json!(1), json!(1)), "{from:?}");
        assert_eq!(value(&r, "revenue"), json!("100"));
        assert!(close(&value(&r, "win_rate"), 0.5));
        assert_eq!(value(&r, "opportunities_created"), json!(4));
        let rows: Vec<_> =
            r.problems.items.iter().map(|p| (p.row, p.column.as_str(), p.reason_code.code.as_str())).collect();
        assert_eq!(rows, [(3, "close_date", "closed_before"), (5, "close_date", "closed_before")]);
        let points = &r.series["revenue_trend"]["points"];
        let lost: u64 = points.as_array().unwrap().iter().map(|p| p["lost"].as_u64().unwrap_or(0)).sum();
        assert_eq!(lost, 1);
    }
}
