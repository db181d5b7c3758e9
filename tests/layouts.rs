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
