//! What a mapping without a field costs: every deals field's `needed_by` (shown by the
//! mapping editor before an analysis) is checked by leaving the column out of a file in
//! which all those metrics are computed, and seeing each of them not computed. A deals
//! mapping with nothing that tells open, won and lost apart is refused, not read as open.

mod common;
use common::*;
use serde_json::Value;

/// March 2024: deal 2 (an upsell to Acme, which bought in January) won, deal 3 lost,
/// deal 4 open with an expected close date.
const BASE: &str = "deal_id,owner,account,stage,amount,created_date,closed_date,type,expected_close_date
1,Ann,Acme,Won,100,2024-01-05,2024-01-20,new,
2,Bob,Acme,Won,50,2024-03-01,2024-03-10,upsell,
3,Ann,Beta,Lost,70,2024-03-02,2024-03-15,new,
4,Bob,Gamma,Proposal,30,2024-03-05,,new,2024-05-01
";

/// BASE without `column` (and, for closed_date, without the expected close date that
/// stands in for it on closed deals when a file has no close date).
fn without(column: &str) -> String {
    let header: Vec<&str> = BASE.lines().next().unwrap_or_default().split(',').collect();
    let left_out = |h: &str| h == column || (column == "closed_date" && h == "expected_close_date");
    let keep = |line: &str| {
        let cells = line.split(',').zip(&header);
        cells.filter(|(_, h)| !left_out(h)).map(|(c, _)| c).collect::<Vec<_>>().join(",")
    };
    BASE.lines().map(|l| keep(l) + "\n").collect()
}

fn run(text: &str) -> sales_metrics::Report {
    analyze(&[("d.csv", text.as_bytes())], options(Some("2024-03-01"), Some("2024-04-01"), Some("2024-04-01")), 1 << 16)
}

#[test]
fn each_field_is_needed_by_what_it_says() {
    let base = run(BASE);
    let deals = &base.kinds["deals"];
    let checked: Vec<_> = deals.iter().filter(|f| !f.needed_by.is_empty()).collect();
    assert!(checked.len() >= 5, "{checked:?}");
    for field in checked {
        let r = run(&without(field.name));
        for id in field.needed_by {
            assert_ne!(value(&base, id), Value::Null, "{id} is computed with every column");
            assert_eq!(value(&r, id), Value::Null, "{id} without {}", field.name);
        }
    }
}

#[test]
fn deals_without_stage_or_status_are_refused_with_the_reason() {
    // Olist's closed deals mapped by hand without a stage: not 842 open deals.
    let text = "deal_id,owner,amount,created_date,closed_date\n1,Ann,100,2024-01-05,2024-01-20\n2,Bob,50,2024-03-01,\n";
    let mut opts = options(None, None, Some("2024-04-01"));
    let files = serde_json::json!({"d.csv": {"kind": "deals", "columns": {"deal_id": "deal_id"}}});
    opts.files = serde_json::from_value(files).ok();
    let r = analyze(&[("d.csv", text.as_bytes())], opts, 1 << 16);
    let error = r.files[0].error.as_ref().map(|e| e.code.as_str());
    assert_eq!(error, Some("needs_status"));
    assert_eq!(value(&r, "pipeline_value"), Value::Null);
}
