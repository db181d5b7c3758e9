//! Real files as their tools wrote them (../shared/datasets; skipped when absent): the
//! Chinese Superstore saved by Chinese Excel as GBK CSV is recognised as orders.

mod common;
use common::*;

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
}
