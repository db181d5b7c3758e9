//! The ingest corpus (tests/corpus, written by make_corpus.py): the same four deals
//! exported the ways real tools do. Every file must give the metrics of plain.csv, and
//! what ingest detects must be what expected.json says.

mod common;
use common::*;
use sales_metrics::Report;
use serde_json::{json, Value};

fn corpus(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn run(name: &str, chunk: usize) -> Report {
    analyze(&[(name, &corpus(name))], options(None, None, Some("2024-06-01")), chunk)
}

/// What must agree between a corpus file and plain.csv: every scalar metric, and the
/// numbers (not the names, which are in other languages) of the tables.
fn comparable(r: &Report) -> Value {
    let numbers = |id: &str, cols: &[&str]| -> Vec<Vec<Value>> {
        let mut rows: Vec<Vec<Value>> =
            table_rows(r, id).iter().map(|row| cols.iter().map(|c| row[*c].clone()).collect()).collect();
        rows.sort_by_key(|r| r.iter().map(|v| v.to_string()).collect::<Vec<_>>());
        rows
    };
    let mut metrics = serde_json::to_value(&r.metrics).unwrap_or_default();
    // The weighted pipeline depends on the CRM's stage names (their default probabilities),
    // the weighted forecast on an expected close date column that plain.csv lacks.
    if let Some(m) = metrics.as_object_mut() {
        m.remove("weighted_pipeline");
        m.remove("forecast_weighted");
    }
    json!({
        "metrics": metrics,
        "owners": numbers("sales_by_owner", &["revenue", "won", "lost", "win_rate", "sales_cycle_days"]),
        "accounts": numbers("sales_by_account", &["revenue", "won"]),
        "funnel": numbers("deal_funnel", &["reached", "value"]),
        "pipeline": numbers("pipeline_value", &["deals", "value"]),
    })
}

#[test]
fn plain_file_holds_the_hand_computed_values() {
    let r = run("plain.csv", 1 << 16);
    // 1234.56 + 99.90; 2 won of 3 closed; cycles 36 and 24 days
    assert_eq!(value(&r, "revenue"), json!("1334.46"));
    assert!(close(&value(&r, "win_rate"), 2.0 / 3.0));
    assert_eq!(value(&r, "pipeline_value"), json!("2500.50"));
    assert!(close(&value(&r, "sales_cycle_days"), 30.0));
}

#[test]
fn every_export_gives_the_plain_metrics() {
    let expected: Value = serde_json::from_slice(&corpus("expected.json")).expect("expected.json");
    let plain = comparable(&run("plain.csv", 1 << 16));
    let files = expected.as_object().expect("an object");
    assert!(files.len() >= 25, "the corpus lost files");
    for (name, facts) in files {
        for chunk in [7, 1 << 16] {
            let r = run(name, chunk);
            let info = &r.files[0];
            assert_eq!(info.error, None, "{name}");
            assert_eq!(info.kind.as_deref(), Some("deals"), "{name}");
            assert_eq!(r.problems.total, 0, "{name}: {:?}", r.problems.items);
            assert_eq!(info.rows, 4, "{name}");
            assert_eq!(comparable(&r), plain, "{name} (chunks of {chunk})");
            let fact = |k: &str| facts.get(k).cloned();
            if let Some(e) = fact("encoding_name") {
                assert_eq!(json!(info.encoding), e, "{name}");
            }
            if let Some(d) = fact("delimiter") {
                assert_eq!(json!(info.delimiter), d, "{name}");
            }
            if let Some(d) = fact("decimal_separator") {
                assert_eq!(json!(info.decimal_separator["amount"]), d, "{name}");
            }
            if let Some(o) = fact("date_order") {
                assert_eq!(json!(info.date_order["created_date"]), o, "{name}");
            }
            for (key, got) in [
                ("header_row", info.header_row),
                ("above_header", info.skipped.above_header),
                ("summary_rows", info.skipped.summary_rows),
                ("repeated_headers", info.skipped.repeated_headers),
                ("footer_rows", info.skipped.footer_rows),
                ("blank_rows", info.skipped.blank_rows),
            ] {
                let want = fact(key).and_then(|v| v.as_u64()).unwrap_or(if key == "header_row" { 1 } else { 0 });
                assert_eq!(got, want, "{name}: {key}");
            }
        }
    }
}
