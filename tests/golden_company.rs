//! A small company in five files (tests/data/company), analysed together for the first
//! quarter of 2024; every figure worked out by hand below.
//!
//! Period [2024-01-01, 2024-04-01), judged as of its end (2024-04-01).
//! - Won and closed in the quarter: D1 1,000 (Jan 5 → Feb 4: 30 days), D5 300 (2023-11-01
//!   → Jan 15: 30 + 31 + 14 = 75 days). D4 was won on May 10, after the quarter.
//!   Revenue 1,300; won 2; lost 1 (D2, Mar 1); win rate 2/3; average deal 650; cycle 52.5.
//! - Open at the quarter's end: D3 600 (Proposal) and D4 250, which the stage history puts
//!   in Negotiation on that date (entered Mar 20). Pipeline 850; weighted with the default
//!   probabilities 600 × 50 % + 250 × 70 % = 475.00.
//! - Sales by sector (accounts.csv): tech = Acme's D1 1,000, won 1; retail = Beta's D2,
//!   lost 1; Delta (D5, 300) is not in the file: one row, 1 name unmatched.
//! - Leads created in the quarter: L1–L4 (L5 is from December). L1's deal D1 was won, L2's
//!   D2 lost, L4's D4 won (in May: a lead converts when its deal is won, whenever); L3 has
//!   no deal. Conversion 2 / 4; web 1 / 2, referral 1 / 2; referrals 2.
//! - Orders dated in the quarter: O1 (two lines, 100 + 50), O2 200, O3 80 (O4 is April).
//!   Order revenue 430 in 3 orders: average 143.33; C1 ordered twice, C2 once: repeat 1 / 2.
//! - Sales growth against the previous 91 days (2023-10-02 to 2024-01-01): nothing was won
//!   then, so it is not computable (division by zero), not infinite.

mod common;
use common::*;
use serde_json::{json, Value};

fn company() -> Vec<(String, Vec<u8>)> {
    ["deals.csv", "stage_history.csv", "leads.csv", "orders.csv", "accounts.csv"]
        .iter()
        .map(|name| (name.to_string(), fixture(&format!("company/{name}"))))
        .collect()
}

#[test]
fn the_first_quarter_by_hand() {
    let files = company();
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    for chunk in [13, 1 << 16] {
        let r = analyze(&files, options(Some("2024-01-01"), Some("2024-04-01"), Some("2024-06-01")), chunk);
        let kinds: Vec<_> = r.files.iter().map(|f| f.kind.clone().unwrap_or_default()).collect();
        assert_eq!(kinds, ["deals", "stage_history", "leads", "orders", "lookup"]);
        assert_eq!(r.problems.total, 0, "{:?}", r.problems.items);
        assert_eq!(r.period.as_of.map(|d| d.to_string()).as_deref(), Some("2024-04-01"));
        // deals
        assert_eq!(value(&r, "revenue"), json!("1300"));
        assert_eq!((value(&r, "deals_won"), value(&r, "deals_lost")), (json!(2), json!(1)));
        assert!(close(&value(&r, "win_rate"), 2.0 / 3.0));
        assert_eq!(value(&r, "average_deal_size"), json!("650"));
        assert!(close(&value(&r, "sales_cycle_days"), 52.5));
        // pipeline at the quarter's end, with the stage history
        assert_eq!(value(&r, "pipeline_value"), json!("850"));
        let stages: Vec<(Value, Value)> =
            table_rows(&r, "pipeline_value").iter().map(|s| (s["stage"].clone(), s["value"].clone())).collect();
        assert_eq!(stages, [(json!("Proposal"), json!("600")), (json!("Negotiation"), json!("250"))]);
        assert_eq!(value(&r, "weighted_pipeline"), json!("475.00"));
        // sales by sector
        let sector = r.dimensions.iter().find(|d| d.column == "sector").expect("a table by sector");
        let rows: Vec<(Value, Value, Value, Value)> = sector
            .table
            .rows
            .iter()
            .map(|s| (s["group"].clone(), s["revenue"].clone(), s["won"].clone(), s["lost"].clone()))
            .collect();
        assert_eq!(
            rows,
            [
                (json!("tech"), json!("1000"), json!(1), json!(0)),
                (json!("(not in accounts.csv)"), json!("300"), json!(1), json!(0)),
                (json!("retail"), json!("0"), json!(0), json!(1)),
            ]
        );
        assert_eq!(sector.unmatched, 1);
        // leads joined to their deals
        assert!(close(&value(&r, "lead_conversion_rate"), 0.5));
        assert_eq!(value(&r, "referrals"), json!(2));
        let by_source: Vec<(Value, Value, Value)> = table_rows(&r, "conversion_by_source")
            .iter()
            .map(|s| (s["source"].clone(), s["leads"].clone(), s["converted"].clone()))
            .collect();
        assert!(by_source.contains(&(json!("web"), json!(2), json!(1))), "{by_source:?}");
        assert!(by_source.contains(&(json!("referral"), json!(2), json!(1))), "{by_source:?}");
        // orders by order id
        assert_eq!(value(&r, "order_revenue"), json!("430"));
        assert_eq!(value(&r, "average_order_value"), json!("143.33"));
        assert!(close(&value(&r, "repeat_purchase_rate"), 0.5));
        // the orders' trend beside the deals' (January O1 150, February O2 200, March O3 80)
        let points: Vec<(Value, Value)> = r.series["order_revenue_trend"]["points"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| (p["bucket"].clone(), p["revenue"].clone()))
            .collect();
        assert_eq!(
            points,
            [
                (json!("2024-01-01"), json!("150")),
                (json!("2024-02-01"), json!("200")),
                (json!("2024-03-01"), json!("80"))
            ]
        );
        // growth: nothing won in the previous 91 days
        assert_eq!(value(&r, "sales_growth"), Value::Null);
        assert_eq!(
            r.metrics["sales_growth"].reason.as_deref(),
            Some("division by zero: no revenue in the comparison period")
        );
    }
}
