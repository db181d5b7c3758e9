//! Orders counted by order id: an order spans several lines (one per product). Worked out
//! by hand for a small shop, and against an independent count on Superstore (US) when
//! ../shared/datasets is present.

mod common;
use common::*;
use serde_json::json;

/// O1 has two lines, O3 a line without an amount; O4 is before the period.
const SHOP: &str = "order_id,customer_id,order_date,amount
O1,C1,2024-01-05,100
O1,C1,2024-01-05,50
O2,C1,2024-02-01,30
O3,C2,2024-02-03,20
O3,C2,2024-02-03,
O4,C3,2023-12-30,999
";

#[test]
fn a_small_shop_by_hand() {
    let mut opts = options(Some("2024-01-01"), Some("2024-03-01"), None);
    opts.comparison = Some("previous".into());
    for chunk in [7, 1 << 16] {
        let r = analyze(&[("orders.csv", SHOP.as_bytes())], opts.clone(), chunk);
        // lines in period: 100 + 50 + 30 + 20 (and one blank) in 3 orders
        assert_eq!(value(&r, "order_revenue"), json!("200"));
        assert_eq!(r.metrics["order_revenue"].detail["orders"], json!(3));
        assert_eq!(value(&r, "average_order_value"), json!("66.67"));
        // C1 has two orders (O1, O2), C2 one (O3)
        assert!(close(&value(&r, "repeat_purchase_rate"), 0.5));
        // 60 days; the 60 days before hold O4: (200 − 999) / 999
        assert!(close(&value(&r, "sales_growth"), (200.0 - 999.0) / 999.0));
        assert_eq!(r.metrics["sales_growth"].detail["source"], json!("orders"));
        // no deals: the revenue trend is the orders' (January 150, February 30 + 20)
        let trend = &r.series["revenue_trend"];
        assert_eq!(trend["source"], json!("orders"));
        let points: Vec<_> = trend["points"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| (p["bucket"].clone(), p["revenue"].clone()))
            .collect();
        assert_eq!(points, [(json!("2024-01-01"), json!("150")), (json!("2024-02-01"), json!("50"))]);
    }
}

#[test]
fn superstore_us_orders_not_lines() {
    let Some(bytes) = shared_dataset("superstore-us/Sample - Superstore.csv") else { return };
    // Independent count (Python csv + Decimal): 9,994 lines, 5,009 orders, Σ Sales
    // 2,297,200.8603; 781 of 793 customers ordered twice or more; 2019 733,215.2552 vs
    // 2018 609,205.5980.
    let r = analyze(&[("Sample - Superstore.csv", &bytes)], options(None, None, None), 1 << 16);
    assert_eq!(r.files[0].kind.as_deref(), Some("orders"));
    assert_eq!(value(&r, "average_order_value"), json!("458.61"));
    assert!(close(&value(&r, "repeat_purchase_rate"), 781.0 / 793.0));
    assert_eq!(value(&r, "order_revenue"), json!("2297200.8603"));
    let mut opts = options(Some("2019-01-01"), Some("2020-01-01"), None);
    opts.comparison = Some("year".into());
    let r = analyze(&[("Sample - Superstore.csv", &bytes)], opts, 1 << 16);
    assert!(close(&value(&r, "sales_growth"), (733215.2552 - 609205.5980) / 609205.5980));
}
