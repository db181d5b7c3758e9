//! Three real orders datasets (../shared/datasets, not ours to copy into the repository),
//! dropped as they are: no mapping given, the kind and columns recognised from their
//! headers' words and their values. Skipped where the shared datasets are absent.
//!
//! Expected values come from a plain Python pass (csv module, Decimal), following
//! METRICS.md's orders rules:
//! - Chinook `Invoice.csv`: Σ Total = 2328.60 over 412 invoices of 59 customers, every
//!   customer with several invoices.
//! - Sample Sales Data: the 60 lines of `Cancelled` orders left out; Σ SALES of the rest
//!   = 9838141.37 over 303 orders of 92 customers, 91 of them with two orders or more;
//!   average order 9838141.37 / 303 = 32469.11.
//! - Online Retail, 44 daily files: Σ Quantity × UnitPrice = 1308957.28 (cancellation
//!   lines netted); 586 invoices add up to less than zero (credit notes: no orders), 2915
//!   orders left, average 449.04; the 1302 customers with an id (blank is none), 487 of
//!   them with two orders or more.

mod common;
use common::*;
use serde_json::json;

#[test]
fn chinook_invoices_are_orders() {
    let Some(bytes) = shared_dataset("chinook-invoices/Invoice.csv") else { return };
    let r = analyze(&[("Invoice.csv", &bytes)], options(None, None, Some("2014-01-01")), 1 << 16);
    let f = &r.files[0];
    assert_eq!((f.kind.as_deref(), f.error.as_ref(), f.rows), (Some("orders"), None, 412));
    let field = |h: &str| f.columns.iter().find(|c| c.header == h).and_then(|c| c.field.clone());
    assert_eq!(field("InvoiceId").as_deref(), Some("order_id"));
    assert_eq!(field("CustomerId").as_deref(), Some("customer_id"));
    assert_eq!(field("InvoiceDate").as_deref(), Some("order_date"));
    assert_eq!(field("Total").as_deref(), Some("amount"));
    assert_eq!(value(&r, "order_revenue"), json!("2328.60"));
    assert_eq!(r.metrics["order_revenue"].detail["orders"], json!(412));
    assert_eq!(value(&r, "average_order_value"), json!("5.65"));
    assert_eq!(r.metrics["repeat_purchase_rate"].numerator, Some(json!(59)));
    assert_eq!(r.metrics["repeat_purchase_rate"].denominator, Some(json!(59)));
}

#[test]
fn sample_sales_data_is_orders_without_its_cancelled_ones() {
    let Some(bytes) = shared_dataset("sales-data-sample/sales_data_sample.csv") else { return };
    for chunk in [4096, 1 << 16] {
        let r = analyze(&[("sales_data_sample.csv", &bytes)], options(None, None, Some("2005-06-01")), chunk);
        let f = &r.files[0];
        assert_eq!((f.kind.as_deref(), f.error.as_ref(), f.rows), (Some("orders"), None, 2823));
        let field = |h: &str| f.columns.iter().find(|c| c.header == h).and_then(|c| c.field.clone());
        assert_eq!(field("SALES").as_deref(), Some("amount"));
        assert_eq!(field("STATUS").as_deref(), Some("status"));
        assert_eq!(field("CUSTOMERNAME").as_deref(), Some("customer_id"));
        assert_eq!(field("DEALSIZE"), None);
        assert!(f.note_codes.iter().any(|c| c.code == "orders_left_out" && c.params["cancelled"] == "60"));
        assert_eq!(value(&r, "order_revenue"), json!("9838141.37"));
        assert_eq!(r.metrics["order_revenue"].detail["orders"], json!(303));
        assert_eq!(value(&r, "average_order_value"), json!("32469.11"));
        assert_eq!(r.metrics["repeat_purchase_rate"].numerator, Some(json!(91)));
        assert_eq!(r.metrics["repeat_purchase_rate"].denominator, Some(json!(92)));
    }
}

#[test]
fn online_retail_days_are_one_orders_table() {
    let Some(dir) = shared_dataset_dir("online-retail-days") else { return };
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 44);
    let bytes: Vec<Vec<u8>> = names.iter().map(|n| std::fs::read(dir.join(n)).unwrap()).collect();
    let files: Vec<(&str, &[u8])> = names.iter().map(String::as_str).zip(bytes.iter().map(Vec::as_slice)).collect();
    let r = analyze(&files, options(None, None, Some("2011-02-01")), 1 << 16);
    assert!(r.files.iter().all(|f| f.kind.as_deref() == Some("orders") && f.error.is_none()));
    assert_eq!(r.files.iter().map(|f| f.rows).sum::<u64>(), 77_628);
    let field = |h: &str| r.files[0].columns.iter().find(|c| c.header == h).and_then(|c| c.field.clone());
    assert_eq!(field("Quantity").as_deref(), Some("quantity"));
    assert_eq!(field("UnitPrice").as_deref(), Some("unit_price"));
    assert_eq!(field("CustomerID").as_deref(), Some("customer_id"));
    assert_eq!(value(&r, "order_revenue"), json!("1308957.28"));
    assert_eq!(r.metrics["order_revenue"].detail["orders"], json!(2915));
    assert_eq!(r.metrics["order_revenue"].detail["credit_notes"], json!(586));
    assert_eq!(value(&r, "average_order_value"), json!("449.04"));
    assert_eq!(r.metrics["repeat_purchase_rate"].numerator, Some(json!(487)));
    assert_eq!(r.metrics["repeat_purchase_rate"].denominator, Some(json!(1302)));
}
