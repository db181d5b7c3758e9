//! Files that name very many owners, accounts or reasons (a business-to-consumer export,
//! or an id column taken for the owner): tables list their first rows and sum the rest,
//! so that totals stay exact and the report stays small.

mod common;
use common::*;
use sales_metrics::MAX_TABLE_ROWS;
use serde_json::json;

/// `n` owners; owner `i` (1-based) won one deal of `i` dollars and lost one, from
/// account `i` with loss reason `i`.
fn owners_file(n: usize) -> String {
    let mut s = String::from("Deal ID,Owner,Account,Stage,Amount,Created Date,Close Date,Lost Reason\n");
    for i in 1..=n {
        s += &format!("W{i},Owner {i},Account {i},Won,{i},2024-01-02,2024-02-01,\n");
        s += &format!("L{i},owner  {i},Account {i},Lost,1,2024-01-02,2024-02-01,Reason {i}\n");
    }
    s
}

#[test]
fn tables_of_many_names_list_the_first_rows_and_sum_the_rest() {
    let n = MAX_TABLE_ROWS + 5;
    let text = owners_file(n);
    let report = analyze(&[("deals.csv", text.as_bytes())], options(None, None, Some("2024-06-01")), 1 << 16);
    let owners = &report.tables["sales_by_owner"];
    // `Owner 7` and `owner  7` are one owner: both spellings grouped.
    assert_eq!(owners.rows.len(), MAX_TABLE_ROWS);
    assert_eq!(owners.total_rows, n as u64);
    // Sorted by revenue: the listed are owners 1005 … 6; the rest are owners 1 … 5.
    assert_eq!(owners.rows[0]["owner"], json!(format!("Owner {n}")));
    assert_eq!(owners.rows[0]["won"], json!(1));
    assert_eq!(owners.rows[0]["lost"], json!(1));
    let rest = owners.rest.as_ref().expect("a rest row");
    assert_eq!(rest["rows"], json!(5));
    assert_eq!(rest["revenue"], json!("15")); // 1 + 2 + 3 + 4 + 5
    assert_eq!(rest["won"], json!(5));
    assert_eq!(rest["lost"], json!(5));
    // The metrics count every owner: revenue = Σ 1..=1005 = 1005 × 1006 / 2.
    assert_eq!(value(&report, "revenue"), json!("505515"));
    assert_eq!(report.metrics["sales_per_rep"].denominator, Some(json!(n)));

    let accounts = &report.tables["sales_by_account"];
    assert_eq!((accounts.rows.len(), accounts.total_rows), (MAX_TABLE_ROWS, n as u64));
    assert_eq!(
        accounts.rest.as_ref().map(|r| (r["rows"].clone(), r["revenue"].clone())),
        Some((json!(5), json!("15")))
    );

    // Reasons: each lost once, 1 dollar; sorted by count, then by name.
    let reasons = &report.tables["loss_reasons"];
    assert_eq!(reasons.total_rows, n as u64);
    let rest = reasons.rest.as_ref().expect("a rest row");
    assert_eq!((rest["rows"].clone(), rest["count"].clone(), rest["amount"].clone()), (json!(5), json!(5), json!("5")));

    // A table under the cap has no rest.
    let small = owners_file(3);
    let report = analyze(&[("deals.csv", small.as_bytes())], options(None, None, Some("2024-06-01")), 1 << 16);
    assert_eq!(report.tables["sales_by_owner"].rows.len(), 3);
    assert!(report.tables["sales_by_owner"].rest.is_none());
}

#[test]
fn many_names_read_in_chunks_give_the_same_report() {
    let text = owners_file(3000);
    let whole = analyze(&[("deals.csv", text.as_bytes())], options(None, None, Some("2024-06-01")), 1 << 20);
    let chunked = analyze(&[("deals.csv", text.as_bytes())], options(None, None, Some("2024-06-01")), 4093);
    assert_eq!(serde_json::to_value(&whole).ok(), serde_json::to_value(&chunked).ok());
}
