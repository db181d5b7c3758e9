//! The layouts corpus (tests/layouts, written by make_layouts.py): exports of shops,
//! payment processors, accounting tools, CRMs in other languages and hand-kept sales logs,
//! dropped with no mapping. Each must be recognised as its kind, with the columns
//! expected.json names on their fields, and give the figures worked out by hand in
//! make_layouts.py.

mod common;
use common::*;
use serde_json::{json, Value};

fn layout(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/layouts/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_layout_is_recognised_with_its_figures() {
    let expected: Value = serde_json::from_slice(&layout("expected.json")).expect("expected.json");
    let files = expected.as_object().expect("an object");
    assert!(files.len() >= 34, "the layouts corpus lost files");
    let mut failed = Vec::new();
    for (name, facts) in files {
        for chunk in [5, 1 << 16] {
            let r = analyze(&[(name, &layout(name))], options(None, None, Some("2024-07-01")), chunk);
            let f = &r.files[0];
            let kind = facts["kind"].as_str().unwrap();
            if f.kind.as_deref() != Some(kind) || f.error.is_some() {
                failed.push(format!("{name}: kind {:?}, error {:?}", f.kind, f.error.as_ref().map(|e| &e.message)));
                continue;
            }
            for (header, field) in facts["columns"].as_object().unwrap() {
                let got = f.columns.iter().find(|c| c.header == *header).and_then(|c| c.field.clone());
                if got.as_deref() != field.as_str() {
                    failed.push(format!("{name}: {header} → {got:?}, not {field}"));
                }
            }
            let figures = &facts["figures"];
            let mut check = |id: &str, got: Value, want: &Value| {
                if got != *want {
                    failed.push(format!("{name} (chunks of {chunk}): {id} = {got}, not {want}"));
                }
            };
            if kind == "orders" {
                check("order_revenue", value(&r, "order_revenue"), &figures["order_revenue"]);
                check("orders", r.metrics["order_revenue"].detail["orders"].clone(), &figures["orders"]);
                check("average_order_value", value(&r, "average_order_value"), &figures["average_order_value"]);
                let m = &r.metrics["repeat_purchase_rate"];
                check("repeat", json!([m.numerator, m.denominator]), &figures["repeat"]);
            } else {
                for id in ["revenue", "deals_won", "deals_lost", "pipeline_value"] {
                    check(id, value(&r, id), &figures[id]);
                }
            }
        }
    }
    failed.dedup();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Each column's `why`, as (header, by, words, values), for the columns named.
fn reasons(name: &str, headers: &[&str]) -> Vec<(String, String, String, String)> {
    let r = analyze(&[(name, &layout(name))], options(None, None, None), 1 << 16);
    r.files[0]
        .columns
        .iter()
        .filter(|c| headers.contains(&c.header.as_str()))
        .map(|c| {
            let why = c.why.as_ref().unwrap_or_else(|| panic!("{name}: {} has no why", c.header));
            let s = |v: Value| v.as_str().unwrap().to_string();
            (c.header.clone(), s(json!(why.by)), why.words.clone(), s(json!(why.values)))
        })
        .collect()
}

#[test]
fn the_file_panel_says_why_each_column_was_taken() {
    let row = |h: &str, by: &str, words: &str, values: &str| (h.into(), by.into(), words.into(), values.into());
    assert_eq!(
        reasons("sap_b1_orders.csv", &["DocNum", "DocDate", "DocTotal", "CANCELED"]),
        [
            row("DocNum", "part", "Num", "numbers"),
            row("DocDate", "part", "Date", "dates"),
            row("DocTotal", "part", "Total", "numbers"),
            row("CANCELED", "flag", "CANCELED", "flags"),
        ]
    );
    assert_eq!(
        reasons("pipedrive_es.csv", &["Trato - Valor", "Trato - Estado", "Trato - Hora de ganado"]),
        [
            row("Trato - Valor", "context", "Valor", "numbers"),
            row("Trato - Estado", "context", "Estado", "deal_status"),
            row("Trato - Hora de ganado", "won_lost", "ganado", "dates"),
        ]
    );
    assert_eq!(reasons("square_items.csv", &["Gross Sales"]), [row("Gross Sales", "part", "Gross", "numbers")]);
}
