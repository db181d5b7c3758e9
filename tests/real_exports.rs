//! Real files as their tools wrote them (../shared/datasets; skipped when absent): the
//! Chinese Superstore saved by Chinese Excel as GBK CSV is recognised as orders.

mod common;
use common::*;
use serde_json::json;

#[test]
fn chinese_superstore_gbk_is_an_orders_file() {
    let Some(bytes) = shared_dataset("superstore-cn/derived/orders_gbk.csv") else { return };
    let r = analyze(&[("订单.csv", &bytes)], options(None, None, None), 1 << 16);
    let f = &r.files[0];
    assert_eq!((f.kind.as_deref(), f.encoding.as_str(), f.error.as_ref()), (Some("orders"), "gb18030", None));
    assert_eq!(f.rows, 10000);
    // `订单 ID` and `客户 ID` (a space before ID) are the order and customer ids
    let field = |h: &str| f.columns.iter().find(|c| c.header == h).and_then(|c| c.field.clone());
    assert_eq!((field("订单 ID").as_deref(), field("客户 ID").as_deref()), (Some("order_id"), Some("customer_id")));
    assert_eq!(r.problems.total, 0, "{:?}", &r.problems.items[..r.problems.items.len().min(3)]);
    // 1,407 of its 2,773 order ids are shared by several customers: each is one order in the
    // counts and one of each of its customers (Python over the file: 780 of 790 customers
    // have two distinct orders or more)
    for chunk in [1 << 16, 5000] {
        let r = analyze(&[("订单.csv", &bytes)], options(None, None, None), chunk);
        let m = &r.metrics["repeat_purchase_rate"];
        assert_eq!((m.numerator.clone(), m.denominator.clone()), (Some(json!(780)), Some(json!(790))), "{chunk}");
        assert_eq!(r.metrics["average_order_value"].denominator, Some(json!(2773)));
    }
}
