//! Lookup tables as dimensions: a file keyed by the deals' account (or owner, product)
//! groups the deal tables by its columns; worked out by hand.

mod common;
use common::*;
use serde_json::json;

const DEALS: &str = "deal_id,owner,account,stage,amount,created_date,closed_date,product
1,Ann,Acme,Won,100,2024-01-01,2024-01-11,GTX Pro
2,Bob,Beta,Won,50,2024-01-02,2024-01-22,GTXPro
3,Ann,Gamma,Lost,70,2024-01-03,2024-01-13,MG Special
4,Cy,Delta,Won,30,2024-01-04,2024-01-08,MG Special
";

/// Names written differently from the deals (case, spaces), one account missing (Delta).
const ACCOUNTS: &str = "account,sector,employees\nACME ,tech,10\nbeta,tech,20\nGamma,retail,30\n";

#[test]
fn accounts_group_sales_by_sector() {
    let files: [(&str, &[u8]); 2] = [("accounts.csv", ACCOUNTS.as_bytes()), ("deals.csv", DEALS.as_bytes())];
    for chunk in [5, 1 << 16] {
        let r = analyze(&files, options(None, None, Some("2024-06-01")), chunk);
        assert_eq!(r.files[0].kind.as_deref(), Some("lookup"));
        assert_eq!(r.files[0].error, None);
        // employees are numbers: no table by them
        let columns: Vec<&str> = r.dimensions.iter().map(|d| d.column.as_str()).collect();
        assert_eq!(columns, ["sector"]);
        let d = &r.dimensions[0];
        assert_eq!((d.unmatched, d.unmatched_examples.clone()), (1, vec!["Delta".to_string()]));
        let rows: Vec<_> = d
            .table
            .rows
            .iter()
            .map(|r| (r["group"].clone(), r["revenue"].clone(), r["won"].clone(), r["lost"].clone()))
            .collect();
        // tech: Acme 100 + Beta 50, 2 won; Delta's 30 not in the file; retail: Gamma lost
        assert_eq!(
            rows,
            [
                (json!("tech"), json!("150"), json!(2), json!(0)),
                (json!("(not in accounts.csv)"), json!("30"), json!(1), json!(0)),
                (json!("retail"), json!("0"), json!(0), json!(1)),
            ]
        );
        // share of revenue: 150 / 180
        assert!(close(&d.table.rows[0]["share_of_revenue"], 150.0 / 180.0));
    }
}

#[test]
fn sales_by_product_joins_spellings() {
    let r = analyze(&[("deals.csv", DEALS.as_bytes())], options(None, None, Some("2024-06-01")), 1 << 16);
    let rows: Vec<_> =
        table_rows(&r, "sales_by_product").iter().map(|r| (r["product"].clone(), r["revenue"].clone())).collect();
    // GTX Pro and GTXPro are grouped as written (white space folded, not removed): two rows
    assert_eq!(
        rows,
        [(json!("GTX Pro"), json!("100")), (json!("GTXPro"), json!("50")), (json!("MG Special"), json!("30"))]
    );
    let products = "product,series\nGTX Pro,GTX\nGTX Basic,GTX\nMG Special,MG\n";
    let files: [(&str, &[u8]); 2] = [("deals.csv", DEALS.as_bytes()), ("products.csv", products.as_bytes())];
    let r = analyze(&files, options(None, None, Some("2024-06-01")), 1 << 16);
    let d = &r.dimensions[0];
    let rows: Vec<_> = d.table.rows.iter().map(|r| (r["group"].clone(), r["revenue"].clone())).collect();
    // in the lookup, GTXPro joins GTX Pro (letters and digits only)
    assert_eq!(rows, [(json!("GTX"), json!("150")), (json!("MG"), json!("30"))]);
    assert_eq!(d.unmatched, 0);
}

#[test]
fn a_small_table_of_events_is_no_lookup() {
    // Named like owners with unique values, but it holds dates and won/lost words.
    let odd = "Rep,Phase,Money,Opened,Finished\nAnn,Won,100,2024-01-01,2024-01-11\nBob,Lost,50,2024-01-02,2024-01-05\n";
    let r = analyze(&[("odd.csv", odd.as_bytes())], options(None, None, None), 1 << 16);
    assert_eq!(r.files[0].kind, None);
    assert_eq!(r.files[0].error.as_ref().map(|e| e.code.as_str()), Some("unrecognised_columns"));
}

#[test]
fn a_lookup_table_past_its_limit_says_what_it_left_out() {
    let mut accounts = String::from("account,sector\n");
    for i in 0..100_003 {
        accounts.push_str(&format!("A{i},{}\n", ["tech", "retail"][i % 2]));
    }
    let r = analyze(&[("accounts.csv", accounts.as_bytes())], options(None, None, None), 1 << 16);
    let notes = &r.files[0].notes;
    assert!(
        notes.iter().any(|n| n == "Only the first 100000 rows of the lookup table are used: 3 more were left out."),
        "{notes:?}"
    );
}
