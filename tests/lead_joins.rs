//! Leads and deals joined by a shared key: the deals name their lead (`mql_id`, `lead_id`)
//! or the leads name their deal (`deal_id`). Worked out by hand, and on Olist's marketing
//! funnel when ../shared/datasets is present.

mod common;
use common::*;
use serde_json::{json, Value};

/// Four MQLs in January; two became deals, one of them won (Olist's layout).
const MQLS: &str = "mql_id,first_contact_date,origin\nm1,2024-01-03,social\nm2,2024-01-05,paid search\nm3,2024-01-09,social\nm4,2024-01-20,email\n";
const CLOSED: &str = "mql_id,seller_id,won_date,business_segment\nm1,s1,2024-02-10,pet\n";

#[test]
fn deals_that_name_their_lead() {
    let open = "lead_id,deal_id,owner,account,stage,amount,created_date\nm3,d9,Ann,Acme,Proposal,100,2024-01-25\n";
    let files: [(&str, &[u8]); 3] =
        [("mqls.csv", MQLS.as_bytes()), ("closed.csv", CLOSED.as_bytes()), ("open.csv", open.as_bytes())];
    for chunk in [9, 1 << 16] {
        let r = analyze(&files, options(Some("2024-01-01"), Some("2024-02-01"), Some("2024-03-01")), chunk);
        assert_eq!(r.files[1].kind.as_deref(), Some("deals"), "{:?}", r.files[1].error);
        // every row of an MQL file is an MQL at its first contact
        assert_eq!(value(&r, "qualified_leads"), json!(4));
        // m1's deal was won: 1 of the 4 leads created in January converted
        assert!(close(&value(&r, "lead_conversion_rate"), 0.25));
        // no SQL dates anywhere: not computable, not 0 %
        assert_eq!(value(&r, "mql_to_sql_rate"), Value::Null);
        // funnel: 4 leads, 4 MQLs, 2 reached SQL and opportunity (m1, m3), 1 converted
        let reached: Vec<Value> = table_rows(&r, "lead_funnel").iter().map(|s| s["reached"].clone()).collect();
        assert_eq!(reached, [json!(4), json!(4), json!(2), json!(2), json!(1)]);
        let social = table_rows(&r, "conversion_by_source").into_iter().find(|s| s["source"] == "social");
        assert_eq!(social.map(|s| (s["leads"].clone(), s["converted"].clone())), Some((json!(2), json!(1))));
    }
}

#[test]
fn leads_without_any_conversion_data_are_not_zero_percent() {
    let r = analyze(&[("mqls.csv", MQLS.as_bytes())], options(None, None, None), 1 << 16);
    assert_eq!(value(&r, "lead_conversion_rate"), Value::Null);
    assert!(r.metrics["lead_conversion_rate"].reason.as_deref().is_some_and(|w| w.starts_with("needs converted_date")));
}

#[test]
fn olist_marketing_funnel() {
    let (Some(mqls), Some(closed)) = (
        shared_dataset("olist-funnel/olist_marketing_qualified_leads_dataset.csv"),
        shared_dataset("olist-funnel/olist_closed_deals_dataset.csv"),
    ) else {
        return;
    };
    let files: [(&str, &[u8]); 2] = [("mqls.csv", &mqls), ("closed.csv", &closed)];
    let r = analyze(&files, options(None, None, None), 1 << 16);
    // 842 of the 8,000 MQLs closed (every closed deal's mql_id is in the MQL file)
    assert_eq!(value(&r, "qualified_leads"), json!(8000));
    assert!(close(&value(&r, "lead_conversion_rate"), 842.0 / 8000.0));
    assert_eq!(value(&r, "deals_won"), json!(842));
    // `declared_monthly_revenue` (0 on 797 of 842 rows) is no deal amount: asked, not taken
    let f = &r.files[1];
    let field = |h: &str| f.columns.iter().find(|c| c.header == h).and_then(|c| c.field.clone());
    assert_eq!(field("declared_monthly_revenue"), None);
    let note = f.note_codes.iter().find(|n| n.code.starts_with("amount_unsure")).expect("a note asks");
    assert_eq!(note.params.get("header").map(String::as_str), Some("declared_monthly_revenue"));
    assert_eq!(r.metrics["revenue"].reason_code.as_ref().map(|c| c.code()), Some("needs_columns"));
    // `sr_id` is the sales rep who closed the deal: 22 of them
    assert_eq!(field("sr_id").as_deref(), Some("owner"));
    assert_eq!(r.tables["sales_by_owner"].total_rows, 22);
}
