//! Filters by owner and source: rows of other owners or sources are left out of every
//! metric, names matched as owners are grouped (trimmed, case-insensitive).

mod common;
use common::*;
use sales_metrics::RawFilters;
use sales_metrics::RawGroup;
use sales_metrics::RawOptions;
use serde_json::json;

const DEALS: &str = "deal_id,owner,account,stage,amount,created_date,closed_date,source,pipeline\n\
                     1,Ann,A,Won,100,2024-01-02,2024-01-10,Referral,New business\n\
                     2, ann ,B,Won,200,2024-01-03,2024-01-11,Inbound,Renewals\n\
                     3,Bob,C,Won,400,2024-01-04,2024-01-12,Referral,new business\n\
                     4,Bob,D,Lost,50,2024-01-05,2024-01-13,Inbound,Renewals\n";
const LEADS: &str = "lead_id,created_date,source,owner\n\
                     L1,2024-01-02,Web form,Cy\n\
                     L2,2024-01-03,referral,Ann\n";
const QUOTAS: &str = "owner,period,quota\nAnn,2024-01,250\nBob,2024-01,1000\n";

fn with(owners: &[&str], sources: &[&str]) -> RawOptions {
    with_pipelines(owners, sources, &[])
}

fn with_pipelines(owners: &[&str], sources: &[&str], pipelines: &[&str]) -> RawOptions {
    let list = |l: &[&str]| (!l.is_empty()).then(|| l.iter().map(|s| s.to_string()).collect());
    RawOptions {
        filters: Some(RawFilters {
            owners: list(owners),
            sources: list(sources),
            pipelines: list(pipelines),
            ..RawFilters::default()
        }),
        ..options(None, None, Some("2024-02-01"))
    }
}

fn run(o: RawOptions) -> sales_metrics::Report {
    analyze(&[("d.csv", DEALS.as_bytes()), ("q.csv", QUOTAS.as_bytes())], o, 11)
}

#[test]
fn by_owner_source_and_both() {
    // everyone: 100 + 200 + 400
    assert_eq!(value(&run(with(&[], &[])), "revenue"), json!("700"));
    // "ANN" matches "Ann" and " ann ": 100 + 200; her quota 250 → 1 of 1 at quota
    let ann = run(with(&["ANN"], &[]));
    assert_eq!(value(&ann, "revenue"), json!("300"));
    assert_eq!(value(&ann, "deals_lost"), json!(0));
    assert!(close(&value(&ann, "reps_at_quota"), 1.0));
    assert_eq!(table_rows(&ann, "quota_attainment").len(), 1);
    // referrals: 100 + 400; win rate 2 of 2
    let referral = run(with(&[], &["referral"]));
    assert_eq!(value(&referral, "revenue"), json!("500"));
    assert!(close(&value(&referral, "win_rate"), 1.0));
    // Bob's inbound deals: the one lost
    let both = run(with(&["Bob"], &["Inbound"]));
    assert_eq!(value(&both, "deals_won"), json!(0));
    assert_eq!(value(&both, "deals_lost"), json!(1));
}

#[test]
fn by_pipeline_deals_only() {
    // "NEW BUSINESS" matches "New business" and "new business": 100 + 400
    let new = run(with_pipelines(&[], &[], &["NEW BUSINESS"]));
    assert_eq!(value(&new, "revenue"), json!("500"));
    assert_eq!(value(&new, "deals_lost"), json!(0));
    // renewals: 200 won, 50 lost; win rate 1 of 2
    let renewals = run(with_pipelines(&[], &[], &["Renewals"]));
    assert_eq!(value(&renewals, "revenue"), json!("200"));
    assert!(close(&value(&renewals, "win_rate"), 0.5));
    // quotas have no pipeline: both reps' quotas stay (Ann 200 of 250, Bob 0 of 1000)
    assert_eq!(table_rows(&renewals, "quota_attainment").len(), 2);
}

#[test]
fn the_choices_are_listed_whatever_the_filter() {
    let files = [("d.csv", DEALS.as_bytes()), ("l.csv", LEADS.as_bytes())];
    for o in [with(&[], &[]), with(&["Bob"], &["Inbound"]), with_pipelines(&[], &[], &["Renewals"])] {
        let report = analyze(&files, o, 11);
        let c = &report.filter_choices;
        // one spelling per name: " ann " is trimmed by the reader, "referral" and
        // "Referral" are one source (the first in sort order stands for both)
        assert_eq!(c.owners, ["Ann", "Bob", "Cy"]);
        assert_eq!(c.sources, ["Inbound", "Referral", "Web form"]);
        assert_eq!(c.pipelines, ["New business", "Renewals"]);
        assert!(!c.more);
    }
}

#[test]
fn the_choices_stop_at_a_thousand_names() {
    let mut csv = String::from("deal_id,owner,account,stage,amount,created_date\n");
    for i in 0..1005 {
        csv.push_str(&format!("{i},Owner {i:04},A,Open,1,2024-01-02\n"));
    }
    let report = analyze(&[("d.csv", csv.as_bytes())], options(None, None, Some("2024-02-01")), 4096);
    assert_eq!(report.filter_choices.owners.len(), 1000);
    assert!(report.filter_choices.more);
}

#[test]
fn families_filters_cannot_reach_say_so() {
    // Deals of Ann and Bob; a shop's orders with no owner. Filter: owner Cy (no deals).
    let deals = "deal_id,owner,account,stage,amount,created_date,closed_date\n1,Ann,Acme,Won,100,2024-01-02,2024-01-20\n2,Bob,Beta,Won,50,2024-02-02,2024-02-20\n";
    let mut orders = String::from("order_id,customer_id,order_date,amount\n");
    for m in 1..=12 {
        orders.push_str(&format!("O{m},C{m},2024-{m:02}-10,1000\n"));
    }
    let files: [(&str, &[u8]); 2] = [("deals.csv", deals.as_bytes()), ("orders.csv", orders.as_bytes())];
    let mut opts = options(None, None, Some("2025-01-01"));
    opts.filters = serde_json::from_value(serde_json::json!({ "owners": ["Cy"] })).ok();
    let r = analyze(&files, opts, 1 << 16);
    assert_eq!(value(&r, "deals_won"), serde_json::json!(0));
    // the orders cannot be filtered by owner: shown, marked
    assert_eq!(r.metrics["order_revenue"].detail["unfiltered"], serde_json::json!(["owners"]));
    // the forecast does not fall back to the unfiltered orders, so no alert from them
    assert!(value(&r, "forecast_revenue").is_null());
    assert!(!r.alerts.iter().any(|a| a.id == "sales_slowing"));
    // without a filter the orders forecast the shop's revenue, unmarked
    let r = analyze(&files, options(None, None, Some("2025-01-01")), 1 << 16);
    assert!(!r.metrics["order_revenue"].detail.contains_key("unfiltered"));
}

/// Owners' teams and accounts' sectors from lookup tables (sent before the deals, as the
/// page sends them), and products by name.
#[test]
fn by_product_and_by_lookup_groups() {
    const DEALS: &str = "deal_id,owner,account,stage,amount,created_date,closed_date,product\n\
                         1,Ann,Acme,Won,100,2024-01-01,2024-01-11,GTX Pro\n\
                         2,Bob,Beta,Won,50,2024-01-02,2024-01-22,GTX Pro\n\
                         3,Ann,Gamma,Lost,70,2024-01-03,2024-01-13,MG Special\n\
                         4,Cy,Delta,Won,30,2024-01-04,2024-01-08,MG Special\n";
    const ACCOUNTS: &str = "account,sector,employees\nACME ,tech,10\nbeta,tech,20\nGamma,retail,30\n";
    const TEAMS: &str = "sales_agent,manager,regional_office\nAnn,Dustin,East\nBob,Melvin,East\nCy,Melvin,West\n";
    const LEADS: &str =
        "lead_id,created_date,source,owner,status\nL1,2024-01-02,Web,Cy,open\nL2,2024-01-03,Web,Ann,converted\nL3,2024-01-04,Web,Bob,open\n";
    let files: [(&str, &[u8]); 4] = [
        ("accounts.csv", ACCOUNTS.as_bytes()),
        ("teams.csv", TEAMS.as_bytes()),
        ("deals.csv", DEALS.as_bytes()),
        ("leads.csv", LEADS.as_bytes()),
    ];
    let run = |filters: RawFilters| {
        analyze(&files, RawOptions { filters: Some(filters), ..options(None, None, Some("2024-06-01")) }, 7)
    };
    let group = |key: &str, column: &str, values: &[&str]| RawGroup {
        key: key.into(),
        column: column.into(),
        values: values.iter().map(|v| v.to_string()).collect(),
    };
    // the product as written in another spelling: 100 + 50
    let r = run(RawFilters { products: Some(vec!["gtx pro".into()]), ..RawFilters::default() });
    assert_eq!((value(&r, "revenue"), value(&r, "deals_lost")), (json!("150"), json!(0)));
    assert_eq!(r.filter_choices.products, ["GTX Pro", "MG Special"]);
    // the tech sector: Acme and Beta, 100 + 50; Delta is in no sector
    let r = run(RawFilters { groups: Some(vec![group("account", "Sector", &["TECH"])]), ..RawFilters::default() });
    assert_eq!(value(&r, "revenue"), json!("150"));
    // Melvin's team (Bob, Cy): deals 50 + 30, and their leads only
    let r = run(RawFilters { groups: Some(vec![group("owner", "manager", &["Melvin"])]), ..RawFilters::default() });
    assert_eq!((value(&r, "revenue"), value(&r, "deals_won")), (json!("80"), json!(2)));
    assert_eq!(r.tables["conversion_by_source"].rows[0]["leads"], json!(2));
    // East office and the MG Special product: Ann's lost deal only
    let both = RawFilters {
        products: Some(vec!["MG Special".into()]),
        groups: Some(vec![group("owner", "regional_office", &["East"])]),
        ..RawFilters::default()
    };
    let r = run(both);
    assert_eq!((value(&r, "deals_won"), value(&r, "deals_lost")), (json!(0), json!(1)));
    // lead metrics say which filters they ignore: a product is not a lead's
    let unfiltered = &r.metrics["lead_conversion_rate"].detail["unfiltered"];
    assert_eq!(unfiltered, &json!(["products"]));
    // the category columns offered, with their values
    let groups: Vec<(String, String, Vec<String>)> =
        r.filter_choices.groups.iter().map(|g| (g.key.clone(), g.column.clone(), g.values.clone())).collect();
    assert!(groups.contains(&("owner".into(), "manager".into(), vec!["Dustin".into(), "Melvin".into()])), "{groups:?}");
    assert!(groups.contains(&("account".into(), "sector".into(), vec!["retail".into(), "tech".into()])), "{groups:?}");
}

#[test]
fn an_unknown_filter_group_is_refused_with_a_message() {
    let raw = |groups: serde_json::Value| -> sales_metrics::RawOptions {
        serde_json::from_value(serde_json::json!({ "filters": { "groups": groups } })).unwrap()
    };
    let err =
        raw(serde_json::json!([{ "key": "region", "column": "manager", "values": ["Ann"] }])).validate().unwrap_err();
    assert_eq!(err, "option filters.groups: key must be owner, account or product, got \"region\"");
    let err = raw(serde_json::json!([{ "key": "owner", "column": " ", "values": ["Ann"] }])).validate().unwrap_err();
    assert_eq!(err, "option filters.groups: the \"owner\" group needs a column");
    assert!(raw(serde_json::json!([{ "key": "owner", "column": "manager", "values": ["Ann"] }])).validate().is_ok());
}
