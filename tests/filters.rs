//! Filters by owner and source: rows of other owners or sources are left out of every
//! metric, names matched as owners are grouped (trimmed, case-insensitive).

mod common;
use common::*;
use sales_metrics::options::RawFilters;
use sales_metrics::RawOptions;
use serde_json::json;

const DEALS: &str = "deal_id,owner,account,stage,amount,created_date,closed_date,source\n\
                     1,Ann,A,Won,100,2024-01-02,2024-01-10,Referral\n\
                     2, ann ,B,Won,200,2024-01-03,2024-01-11,Inbound\n\
                     3,Bob,C,Won,400,2024-01-04,2024-01-12,Referral\n\
                     4,Bob,D,Lost,50,2024-01-05,2024-01-13,Inbound\n";
const QUOTAS: &str = "owner,period,quota\nAnn,2024-01,250\nBob,2024-01,1000\n";

fn with(owners: &[&str], sources: &[&str]) -> RawOptions {
    let list = |l: &[&str]| (!l.is_empty()).then(|| l.iter().map(|s| s.to_string()).collect());
    RawOptions {
        filters: Some(RawFilters { owners: list(owners), sources: list(sources) }),
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
