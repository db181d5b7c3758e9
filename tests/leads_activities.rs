//! Lead and activity metrics on small fixtures, with the arithmetic done by hand.

mod common;
use common::*;
use serde_json::json;

fn leads(from: Option<&str>, to: Option<&str>) -> sales_metrics::Report {
    analyze(&[("small_leads.csv", &fixture("small_leads.csv"))], options(from, to, Some("2024-04-01")), 11)
}

#[test]
fn lead_metrics_all_data() {
    let r = leads(None, None);
    assert_eq!(r.files[0].kind.as_deref(), Some("leads"));
    // converted: L1 only (converted date and status) of 6 created
    assert!(close(&value(&r, "lead_conversion_rate"), 1.0 / 6.0));
    // MQL or SQL: L1 (inbound), L2 (inbound), L4 (outbound)
    assert_eq!(value(&r, "qualified_leads"), json!(3));
    let q = &r.metrics["qualified_leads"].detail;
    assert_eq!((q["inbound"].clone(), q["outbound"].clone()), (json!(2), json!(1)));
    // MQLs L1, L2, L4; of them L1 and L4 reached SQL
    assert!(close(&value(&r, "mql_to_sql_rate"), 2.0 / 3.0));
    assert_eq!(value(&r, "referrals"), json!(2)); // L1, L4
                                                  // response minutes: L1 3, L2 30, L3 2, L4 60 (L5 none; L6 answered before created: a bad row)
    assert!(close(&value(&r, "lead_response_minutes"), 95.0 / 4.0));
    let resp = &r.metrics["lead_response_minutes"].detail;
    assert_eq!(resp["median"], json!(16.5)); // (3 + 30) / 2
    assert!(close(&resp["within_target"], 0.5)); // 3 and 2 minutes of 4
    let p = &r.problems.items[0];
    assert_eq!((p.row, p.column.as_str(), p.value.as_str()), (7, "first_response_date", "2024-02-03 07:00"));
    assert!(p.reason.starts_with("responded before created"));
    let sources: Vec<_> = table_rows(&r, "conversion_by_source")
        .iter()
        .map(|s| (s["source"].clone(), s["leads"].clone(), s["converted"].clone()))
        .collect();
    assert_eq!(
        sources,
        vec![
            (json!("Web"), json!(3), json!(0)),
            (json!("Referral"), json!(2), json!(1)),
            (json!("Event"), json!(1), json!(0))
        ]
    );
    // leads 6 → MQL 3 (L1, L2, L4) → SQL 2 (L1, L4) → opportunity 2 → converted 1
    let funnel: Vec<_> = table_rows(&r, "lead_funnel").iter().map(|s| s["reached"].clone()).collect();
    assert_eq!(funnel, vec![json!(6), json!(3), json!(2), json!(2), json!(1)]);
}

#[test]
fn lead_metrics_in_february() {
    let r = leads(Some("2024-02-01"), Some("2024-03-01"));
    // created in February: L4, L5, L6, none converted
    assert_eq!(value(&r, "lead_conversion_rate"), json!(0.0));
    assert_eq!(r.metrics["lead_conversion_rate"].denominator, Some(json!(3)));
    // L4: MQL on 3 Feb, SQL on 10 Feb
    assert_eq!(value(&r, "qualified_leads"), json!(1));
    assert!(close(&value(&r, "mql_to_sql_rate"), 1.0));
    // a deals file is missing: deal metrics say so, not 0
    assert!(r.metrics["win_rate"].reason.as_deref().is_some_and(|w| w.starts_with("needs a deals file")));
}

#[test]
fn activity_metrics_with_deals() {
    let r = analyze(
        &[("small_deals.csv", &fixture("small_deals.csv")), ("small_activities.csv", &fixture("small_activities.csv"))],
        options(None, None, Some("2024-04-01")),
        13,
    );
    assert_eq!(r.files[1].kind.as_deref(), Some("activities"));
    assert_eq!(value(&r, "activity_counts"), json!(6));
    let counts: Vec<_> = table_rows(&r, "activity_counts")
        .iter()
        .map(|c| format!("{} {} {}", c["owner"].as_str().unwrap_or(""), c["type"].as_str().unwrap_or(""), c["count"]))
        .collect();
    assert_eq!(counts, ["Ann call 2", "Ann email 1", "Bob meeting 1", "Bob demo 1", "Cy other 1"]);
    // minutes: 10 + 20 + 45 + 60 + 30 = 165
    assert_eq!(value(&r, "activity_time"), json!(165.0));
    // 6 activities / 3 deals won; Ann 3 / 2 won, Bob 2 / 1, Cy 1 / 0 won → none
    assert!(close(&value(&r, "sales_activity_ratio"), 2.0));
    let ratios: Vec<_> = table_rows(&r, "sales_activity_ratio").iter().map(|o| o["ratio"].clone()).collect();
    assert_eq!(ratios, vec![json!(1.5), json!(2.0), serde_json::Value::Null]);
    let months = r.series["activity_counts"]["points"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        (months[0]["call"].clone(), months[0]["email"].clone(), months[0]["meeting"].clone()),
        (json!(1), json!(1), json!(1))
    );
    assert_eq!(
        (months[1]["call"].clone(), months[1]["demo"].clone(), months[1]["other"].clone()),
        (json!(1), json!(1), json!(1))
    );
    // each bucket's total: 3 and 3 (the stacked bar's height, the chart table's last column)
    assert_eq!((months[0]["total"].clone(), months[1]["total"].clone()), (json!(3), json!(3)));
}

#[test]
fn lead_metrics_carry_the_comparison_too() {
    let mut o = options(Some("2024-02-01"), Some("2024-03-01"), Some("2024-04-01"));
    o.comparison = Some("previous".into());
    let r = analyze(&[("small_leads.csv", &fixture("small_leads.csv"))], o, 11);
    // February: L4 is a referral; 3 Jan – 1 Feb: L2 (web) and L3 (event), none
    let cmp = &r.metrics["referrals"].detail["comparison"];
    assert_eq!((cmp["value"].clone(), cmp["change"].clone()), (json!(0), json!(1.0)));
    // the bad response time of L6 is listed once, not once per period
    assert_eq!(r.problems.total, 1);
}

#[test]
fn a_lead_whose_linked_deal_was_won_converted() {
    let leads = "lead_id,created_date,source,deal_id\nA,2024-01-01,Web,D4\nB,2024-01-01,Web,D9\nC,2024-01-01,Ads,\n";
    let r = analyze(
        &[("small_deals.csv", &fixture("small_deals.csv")), ("leads.csv", leads.as_bytes())],
        options(None, None, Some("2024-04-01")),
        7,
    );
    // A's deal D4 was won; B's D9 was lost; C has no deal → 1 of 3
    assert!(close(&value(&r, "lead_conversion_rate"), 1.0 / 3.0));
    let web =
        table_rows(&r, "conversion_by_source").into_iter().find(|s| s["source"] == json!("Web")).unwrap_or_default();
    assert_eq!((web["leads"].clone(), web["converted"].clone()), (json!(2), json!(1)));
    let funnel: Vec<_> = table_rows(&r, "lead_funnel").iter().map(|s| s["reached"].clone()).collect();
    // leads 3 → MQL/SQL (a deal means both) 2 → opportunity 2 → converted 1
    assert_eq!(funnel, vec![json!(3), json!(2), json!(2), json!(2), json!(1)]);
}

#[test]
fn response_times_are_exact_not_whole_minutes() {
    // 30 s and 10 min 45 s: (0.5 + 10.75) / 2 = 5.625 minutes (whole minutes per row gave 5)
    let leads = "lead_id,created_date,first_response_date\nL1,2024-01-02 09:00:00,2024-01-02 09:00:30\nL2,2024-01-03 10:00:00,2024-01-03 10:10:45\n";
    let tickets = "created_at,first_response_at\n2024-01-02 09:00:00,2024-01-02 09:00:30\n2024-01-03 10:00:00,2024-01-03 10:10:45\n";
    let files: [(&str, &[u8]); 2] = [("leads.csv", leads.as_bytes()), ("tickets.csv", tickets.as_bytes())];
    let r = analyze(&files, options(None, None, Some("2024-02-01")), 1 << 16);
    for id in ["lead_response_minutes", "inquiry_response_minutes"] {
        assert!(close(&value(&r, id), 5.625), "{id}: {}", value(&r, id));
        assert!(close(&r.metrics[id].detail["median"], 5.625), "{id}");
        // within the default 5-minute target: the 30-second one
        assert!(close(&r.metrics[id].detail["within_target"], 0.5), "{id}");
    }
}

#[test]
fn conversion_by_source_holds_every_source_of_leads_and_deals() {
    // Leads from Web and Ads; deals from Web (won 500 and 300, one lost), Partner (won
    // 1,000) and one without a source. Partner has deals but no leads: a row of its own.
    let leads = "lead_id,created_date,source\nL1,2024-01-02,Web\nL2,2024-01-03,web\nL3,2024-01-04,Ads\n";
    let deals = "deal_id,owner,account,stage,amount,created_date,close_date,lead_source\n\
                 D1,Ann,Acme,Won,500,2024-01-05,2024-01-20,Web\n\
                 D2,Ann,Beta,Won,300,2024-01-06,2024-01-25,WEB\n\
                 D3,Bob,Acme,Lost,200,2024-01-06,2024-01-26,Web\n\
                 D4,Bob,Zed,Won,1000,2024-01-07,2024-01-28,Partner\n\
                 D5,Bob,Zed,Won,50,2024-01-07,2024-01-28,\n";
    let files: [(&str, &[u8]); 2] = [("leads.csv", leads.as_bytes()), ("deals.csv", deals.as_bytes())];
    for chunk in [11, 1 << 16] {
        let r = analyze(&files, options(None, None, Some("2024-02-01")), chunk);
        let rows: Vec<_> = table_rows(&r, "conversion_by_source")
            .iter()
            .map(|s| (s["source"].clone(), s["leads"].clone(), s["won_deals"].clone(), s["revenue"].clone()))
            .collect();
        assert_eq!(
            rows,
            [
                (json!("Web"), json!(2), json!(2), json!("800")),
                (json!("Ads"), json!(1), json!(0), json!("0")),
                (json!("Partner"), json!(0), json!(1), json!("1000")),
            ],
            "chunk {chunk}"
        );
        let partner = &table_rows(&r, "conversion_by_source")[2];
        assert_eq!(partner["rate"], serde_json::Value::Null);
    }
    // Without a source on the deals, the table keeps its four lead columns.
    let r = analyze(
        &[("leads.csv", leads.as_bytes()), ("small_deals.csv", &fixture("small_deals.csv"))],
        options(None, None, Some("2024-04-01")),
        1 << 16,
    );
    assert_eq!(r.tables["conversion_by_source"].columns, ["source", "leads", "converted", "rate"]);
}
