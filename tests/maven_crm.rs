//! The real Maven Analytics CRM export (../shared/datasets/maven-crm, not ours to copy
//! into the repository): its own column names, and an Excel re-save with M/D/YYYY dates.
//! Skipped, with a note, where the shared datasets are not beside the repository.
//!
//! Expected values come from a plain Python pass over sales_pipeline.csv (csv module,
//! int amounts, date.fromisoformat): won 4238, lost 2473, revenue 10005534, mean cycle
//! 219452 / 4238 = 51.78 days, median 57, median won amount 1117; open: Engaging 1589,
//! Prospecting 500; top owner Darcel Schlecht with 1153214.

mod common;
use common::*;
use serde_json::json;
use std::path::PathBuf;

fn dataset(name: &str) -> Option<Vec<u8>> {
    let dir = std::env::var_os("SHARED_DATASETS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets"));
    let path = dir.join("maven-crm").join(name);
    match std::fs::read(&path) {
        Ok(b) => Some(b),
        Err(_) => {
            eprintln!("skipped: {} not found (set SHARED_DATASETS)", path.display());
            None
        }
    }
}

#[test]
fn maven_export_and_its_excel_resave_agree_with_a_plain_count() {
    let (Some(iso), Some(excel)) = (dataset("sales_pipeline.csv"), dataset("sales_pipeline_excel_resaved.csv")) else {
        return;
    };
    let opts = || options(None, None, Some("2026-11-23"));
    let a = analyze(&[("sales_pipeline.csv", &iso)], opts(), 64 * 1024);
    let b = analyze(&[("sales_pipeline.csv", &excel)], opts(), 64 * 1024);
    for r in [&a, &b] {
        assert_eq!(value(r, "deals_won"), json!(4238));
        assert_eq!(value(r, "deals_lost"), json!(2473));
        assert_eq!(value(r, "revenue"), json!("10005534"));
        assert!(close(&value(r, "win_rate"), 4238.0 / 6711.0));
        assert!(close(&value(r, "sales_cycle_days"), 219452.0 / 4238.0));
        assert_eq!(r.metrics["sales_cycle_days"].detail["median"], json!(57.0));
        assert_eq!(value(r, "median_deal_size"), json!("1117"));
        assert_eq!(value(r, "average_deal_size"), json!("2360.91"));
        assert_eq!(r.metrics["pipeline_value"].detail["deals"], json!(2089)); // 1589 + 500
                                                                              // Maven leaves close_value blank on open deals: no pipeline value, said so, not 0.
        assert!(value(r, "pipeline_value").is_null());
        assert_eq!(r.metrics["pipeline_value"].reason.as_deref(), Some("none of the 2089 open deals has an amount"));
        assert_eq!(table_rows(r, "sales_by_owner")[0]["owner"], json!("Darcel Schlecht"));
        assert_eq!(table_rows(r, "sales_by_owner")[0]["revenue"], json!("1153214"));
        assert_eq!(r.problems.total, 0);
        let stages: Vec<_> = table_rows(r, "deal_funnel").iter().map(|s| s["stage"].clone()).collect();
        assert_eq!(stages, vec![json!("Prospecting"), json!("Engaging"), json!("Won")]);
    }
    assert_eq!(b.files[0].date_order["created_date"], "month_first");
    // Same deals, same metrics: only the byte count of the files differs.
    assert_eq!(serde_json::to_value(&a.metrics).ok(), serde_json::to_value(&b.metrics).ok());
    assert_eq!(serde_json::to_value(&a.tables).ok(), serde_json::to_value(&b.tables).ok());
}
