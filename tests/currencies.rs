//! Money in several currencies is never added (METRICS.md "Conventions"): per-currency
//! money metrics, conversion rates, currency written with the amount, orders. Arithmetic
//! by hand in the comments.

mod common;
use common::*;
use sales_metrics::{RawOptions, Report};
use serde_json::json;
use std::collections::BTreeMap;

/// January has one USD deal; February deals in USD, EUR (`€` too) and one blank.
const DEALS: &str = "\
deal_id,owner,account,stage,amount,currency,created_date,closed_date
1,Ann,A,Won,1000.00,USD,2024-01-05,2024-01-20
2,Ann,A,Won,200.00,EUR,2024-02-01,2024-02-10
3,Bob,B,Won,300.00,usd,2024-02-02,2024-02-15
4,Bob,C,Lost,50.00,EUR,2024-02-03,2024-02-20
5,Ann,B,Won,500.00,USD,2024-02-05,2024-02-25
6,Bob,C,Negotiation,700.00,€,2024-02-06,
7,Ann,A,Won,100.00,,2024-02-07,2024-02-27
";

fn february(extra: impl FnOnce(&mut RawOptions)) -> RawOptions {
    let mut o = options(Some("2024-02-01"), Some("2024-03-01"), None);
    o.comparison = Some("previous".into());
    extra(&mut o);
    o
}

fn run(files: &[(&str, &str)], o: RawOptions) -> Report {
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_bytes())).collect();
    analyze(&files, o, 7)
}

fn per(r: &Report, code: &str, id: &str) -> serde_json::Value {
    let by = r.currencies.by_currency.get(code).unwrap_or_else(|| panic!("no currency {code}"));
    by.metrics.get(id).unwrap_or_else(|| panic!("no {id} in {code}")).value.clone()
}

#[test]
fn mixed_currencies_are_reported_per_currency() {
    let r = run(&[("deals.csv", DEALS)], february(|_| {}));
    assert_eq!(r.currencies.codes, ["EUR", "USD"]);
    assert!(r.currencies.mixed);
    // never added: 200 EUR + 800 USD + 100 (blank) is no number
    let revenue = &r.metrics["revenue"];
    assert_eq!(revenue.value, json!(null));
    assert!(revenue.reason.as_deref().unwrap_or("").contains("2 currencies (EUR, USD)"), "{revenue:?}");
    for id in ["average_deal_size", "pipeline_value", "weighted_pipeline", "sales_per_rep", "sales_growth"] {
        assert_eq!(value(&r, id), json!(null), "{id}");
    }
    // counts do not depend on currency: won 2, 3, 5, 7 and lost 4 in February
    assert_eq!(value(&r, "deals_won"), json!(4));
    assert!(close(&value(&r, "win_rate"), 0.8));
    // tables keep counts, lose money columns
    let owners = &r.tables["sales_by_owner"];
    assert!(!owners.columns.contains(&"revenue"));
    let ann = owners.rows.iter().find(|o| o["owner"] == json!("Ann")).expect("Ann");
    assert_eq!((ann["won"].clone(), ann.get("revenue")), (json!(3), None));

    // USD: 300 + 500 = 800 over 2; January 1000 → growth (800 − 1000) / 1000 = −0.2
    assert_eq!(per(&r, "USD", "revenue"), json!("800.00"));
    assert_eq!(per(&r, "USD", "average_deal_size"), json!("400.00"));
    assert!(close(&per(&r, "USD", "sales_growth"), -0.2));
    // EUR: won 200, lost 50 (1 of 2 closed), open 700 (written `€`); nothing in January
    assert_eq!(per(&r, "EUR", "revenue"), json!("200.00"));
    assert!(close(&per(&r, "EUR", "win_rate"), 0.5));
    assert_eq!(per(&r, "EUR", "pipeline_value"), json!("700.00"));
    assert_eq!(per(&r, "EUR", "sales_growth"), json!(null));
    // the deal with no currency is its own group
    assert_eq!(per(&r, "(none)", "revenue"), json!("100.00"));
    let usd = &r.currencies.by_currency["USD"];
    let comparison = &usd.metrics["revenue"].detail["comparison"];
    assert_eq!(comparison["value"], json!("1000.00"));
}

#[test]
fn conversion_rates_give_one_currency() {
    let o = february(|o| {
        o.currency_rates = Some(BTreeMap::from([("eur".to_string(), json!("1.1"))]));
        o.base_currency = Some("usd".into());
    });
    let r = run(&[("deals.csv", DEALS)], o);
    assert_eq!(r.currencies.codes, ["USD"]);
    assert!(!r.currencies.mixed);
    assert_eq!(r.currencies.base.as_deref(), Some("USD"));
    // deals 2, 4, 6 are in EUR
    assert_eq!(r.currencies.converted, BTreeMap::from([("EUR".to_string(), 3)]));
    // 200 × 1.1 = 220.00; + 300 + 500 + 100 (blank: the only currency there is) = 1120.00
    assert_eq!(value(&r, "revenue"), json!("1120.00"));
    // open: 700 × 1.1 = 770.00
    assert_eq!(value(&r, "pipeline_value"), json!("770.00"));
    // January 1000 → (1120 − 1000) / 1000 = 0.12
    assert!(close(&value(&r, "sales_growth"), 0.12));
    assert!(r.currencies.by_currency.is_empty());
}

#[test]
fn rates_need_a_base_and_positive_numbers() {
    let mut o =
        RawOptions { currency_rates: Some(BTreeMap::from([("EUR".to_string(), json!(1.1))])), ..Default::default() };
    assert!(o.validate().unwrap_err().contains("base_currency"));
    o.base_currency = Some("USD".into());
    assert!(o.validate().is_ok());
    o.currency_rates = Some(BTreeMap::from([("EUR".to_string(), json!("-2"))]));
    assert!(o.validate().unwrap_err().contains("\"EUR\""));
}

#[test]
fn one_currency_is_named_and_not_split() {
    let csv = "deal_id,owner,stage,amount,currency,created_date,closed_date\n\
               1,Ann,Won,10.50,CNY,2024-02-01,2024-02-02\n2,Ann,Won,4.50,元,2024-02-01,2024-02-03\n";
    let r = run(&[("d.csv", csv)], february(|_| {}));
    assert_eq!(r.currencies.codes, ["CNY"]);
    assert!(!r.currencies.mixed);
    assert_eq!(value(&r, "revenue"), json!("15.00"));
}

#[test]
fn currency_written_with_the_amount() {
    // no currency column: `$` and `€` in the amounts are two currencies
    let csv = "deal_id,owner,stage,amount,created_date,closed_date\n\
               1,Ann,Won,$100.00,2024-02-01,2024-02-02\n2,Ann,Won,€50,2024-02-01,2024-02-03\n\
               3,Bob,Won,$25.00,2024-02-01,2024-02-04\n";
    let r = run(&[("d.csv", csv)], february(|_| {}));
    assert_eq!(r.currencies.codes, ["$", "EUR"]);
    assert_eq!(value(&r, "revenue"), json!(null));
    assert_eq!(per(&r, "$", "revenue"), json!("125.00"));
    assert_eq!(per(&r, "EUR", "revenue"), json!("50"));
    // a bad amount (reported as a problem) names no currency
    let csv = "deal_id,owner,stage,amount,created_date,closed_date\n\
               1,Ann,Won,abc,2024-02-01,2024-02-02\n2,Ann,Won,$5,2024-02-01,2024-02-03\n";
    let r = run(&[("d.csv", csv)], february(|_| {}));
    assert_eq!(r.currencies.codes, ["$"]);
    assert_eq!(r.problems.total, 1);
}

#[test]
fn orders_in_two_currencies() {
    let orders = "order_id,customer_id,order_date,amount,currency\n\
                  O1,C1,2024-02-03,10.00,USD\nO2,C2,2024-02-04,30.00,USD\nO3,C1,2024-02-05,25.50,EUR\n\
                  O4,C3,2024-01-05,99.00,GBP\n";
    let r = run(&[("orders.csv", orders)], february(|o| o.comparison = None));
    // O4 is in January: only USD and EUR in February
    assert_eq!(r.currencies.codes, ["EUR", "USD"]);
    assert_eq!(value(&r, "average_order_value"), json!(null));
    // USD (10 + 30) / 2 = 20.00; EUR 25.50 / 1
    assert_eq!(per(&r, "USD", "average_order_value"), json!("20.00"));
    assert_eq!(per(&r, "EUR", "average_order_value"), json!("25.50"));
    // C1 ordered twice, C2 once: 1 / 2, whatever the currency
    assert!(close(&value(&r, "repeat_purchase_rate"), 0.5));
}

#[test]
fn order_growth_is_not_added_across_currencies() {
    // January: 100.00 USD; February: 50.00 USD and 30.00 EUR (no deals: growth of orders)
    let orders = |feb_eur: &str| {
        format!(
            "order_id,customer_id,order_date,amount,currency\n\
             O1,C1,2024-01-05,100.00,USD\nO2,C2,2024-02-04,50.00,USD\nO3,C1,2024-02-05,30.00,{feb_eur}\n"
        )
    };
    let r = run(&[("orders.csv", &orders("EUR"))], february(|_| {}));
    let growth = &r.metrics["sales_growth"];
    assert_eq!(growth.value, json!(null));
    assert!(growth.reason.as_deref().unwrap_or("").contains("order amounts in 2 currencies (EUR, USD)"), "{growth:?}");
    // all in USD: (80 − 100) / 100 = −20 %
    let r = run(&[("orders.csv", &orders("USD"))], february(|_| {}));
    assert!(close(&value(&r, "sales_growth"), -0.2));
    assert_eq!(r.metrics["sales_growth"].detail["source"], json!("orders"));
}

/// Symbols CLDR writes before or after amounts name their currency: `CN¥`, `HK$`, `R$`,
/// `US$`, `zł` are five currencies, none a problem.
#[test]
fn cldr_symbols_are_their_currencies() {
    let csv = "deal_id,owner,stage,amount,created_date,closed_date\n\
               1,Ann,Won,\"CN¥1,000.00\",2024-01-01,2024-02-01\n2,Bob,Won,HK$500,2024-01-01,2024-02-01\n\
               3,Cy,Won,R$ 200,2024-01-01,2024-02-01\n4,Di,Won,US$50,2024-01-01,2024-02-01\n\
               5,Ed,Won,\"1.200,00 zł\",2024-01-01,2024-02-01\n";
    let r = run(&[("d.csv", csv)], options(None, None, Some("2024-06-01")));
    assert_eq!(r.currencies.codes, ["BRL", "CNY", "HKD", "PLN", "USD"]);
    assert_eq!(r.problems.total, 0);
    assert_eq!(per(&r, "CNY", "revenue"), json!("1000.00"));
    assert_eq!(per(&r, "PLN", "revenue"), json!("1200.00"));
}
