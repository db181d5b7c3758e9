//! The pipeline at a past period's end: deals open then that have closed since are placed
//! in the stage they were in on that date, from a stage history. Worked out by hand.

mod common;
use common::*;
use serde_json::json;

const DEALS: &str = "deal_id,owner,account,stage,amount,created_date,closed_date
D1,Ann,Acme,Closed Won,100,2024-01-05,2024-03-10
D2,Bob,Beta,Closed Lost,50,2024-01-10,2024-02-15
D3,Ann,Gamma,Proposal,30,2024-01-20,
";

/// D1 was in Proposal on 2024-02-01, D2 in Qualification (it moved on the 10th).
const HISTORY: &str = "deal_id,stage,entered_date
D1,Qualification,2024-01-05
D1,Proposal,2024-01-25
D1,Closed Won,2024-03-10
D2,Qualification,2024-01-10
D2,Negotiation,2024-02-10
D2,Closed Lost,2024-02-15
";

fn stages(r: &sales_metrics::Report) -> Vec<(serde_json::Value, serde_json::Value, serde_json::Value)> {
    table_rows(r, "pipeline_value")
        .iter()
        .map(|s| (s["stage"].clone(), s["deals"].clone(), s["value"].clone()))
        .collect()
}

#[test]
fn stage_history_places_deals_closed_since() {
    let opts = || options(Some("2024-01-01"), Some("2024-02-01"), Some("2024-06-01"));
    let files: [(&str, &[u8]); 2] = [("history.csv", HISTORY.as_bytes()), ("deals.csv", DEALS.as_bytes())];
    for chunk in [11, 1 << 16] {
        let r = analyze(&files, opts(), chunk);
        assert_eq!(value(&r, "pipeline_value"), json!("180"));
        // Proposal: D1 100 + D3 30; Qualification: D2 50
        assert_eq!(
            stages(&r),
            [(json!("Proposal"), json!(2), json!("130")), (json!("Qualification"), json!(1), json!("50"))]
        );
        // default probabilities: Proposal 50 %, Qualification 20 % → 65 + 10
        assert_eq!(value(&r, "weighted_pipeline"), json!("75.00"));
    }
    // Without the history their stage then is unknown.
    let r = analyze(&[("deals.csv", DEALS.as_bytes())], opts(), 1 << 16);
    // (after the funnel's stages: Proposal, D3)
    assert_eq!(
        stages(&r),
        [(json!("Proposal"), json!(1), json!("30")), (json!("(closed after period end)"), json!(2), json!("150"))]
    );
}
