//! The deal tables: sales by owner, account and product, and loss reasons; and the sales
//! table every grouping of deals shares (the lookup groups' too).

use super::{closed_sales, DealsAgg, SalesStats, BY_ACCOUNT, BY_OWNER, BY_PRODUCT, LOSS};
use crate::reason::Reason;
use crate::report::{money, money_rounded, number, row, Table};
use rust_decimal::Decimal;
use serde_json::{json, Value};

impl DealsAgg {
    pub(super) fn by_product(&self) -> Table {
        let columns = [&["product"][..], &SALES_COLUMNS].concat();
        if !self.has("product") {
            return Table::missing(columns, Reason::needs_column("product"), BY_PRODUCT);
        }
        sales_table("product", self.products.sorted(), self.won.sum, BY_PRODUCT)
    }

    pub(super) fn by_owner(&self) -> Table {
        let columns = vec![
            "owner",
            "revenue",
            "won",
            "lost",
            "win_rate",
            "average_deal_size",
            "sales_cycle_days",
            "share_of_revenue",
        ];
        if !self.has("owner") {
            return Table::missing(columns, Reason::needs_column("owner"), BY_OWNER);
        }
        sales_table("owner", closed_sales(&self.owners, |o| &o.sales), self.won.sum, BY_OWNER)
    }

    pub(super) fn by_account(&self) -> Table {
        let columns = vec!["account", "revenue", "won", "share_of_revenue"];
        if !self.has("account") {
            return Table::missing(columns, Reason::needs_column("account"), BY_ACCOUNT);
        }
        // Accounts with won deals (an account with only lost deals has no sales to show).
        let mut accounts: Vec<_> =
            closed_sales(&self.accounts, |a| &a.sales).into_iter().filter(|(_, s)| s.won.count > 0).collect();
        accounts.sort_by(|a, b| b.1.won.sum.cmp(&a.1.won.sum).then(b.1.won.count.cmp(&a.1.won.count)));
        let rows = accounts.into_iter().map(|(name, s)| {
            row(&[
                ("account", json!(name)),
                ("revenue", money(s.won.sum)),
                ("won", json!(s.won.count)),
                ("share_of_revenue", share(s.won.sum, self.won.sum)),
            ])
        });
        Table::capped(columns, rows, &["revenue", "won"], BY_ACCOUNT)
    }

    pub(super) fn loss_reasons(&self) -> Table {
        let columns = vec!["lost_reason", "count", "amount", "share_of_lost"];
        if !self.has("lost_reason") {
            return Table::missing(columns, Reason::needs_column("lost_reason"), LOSS);
        }
        let mut reasons = self.reasons.sorted();
        reasons.sort_by_key(|r| std::cmp::Reverse(r.1.count));
        let lost: u64 = reasons.iter().map(|(_, t)| t.count).sum();
        let rows = reasons.into_iter().map(|(name, t)| {
            row(&[
                ("lost_reason", json!(name)),
                ("count", json!(t.count)),
                ("amount", money(t.sum)),
                ("share_of_lost", fraction(t.count as f64, lost as f64)),
            ])
        });
        let table = Table::capped(columns, rows, &["count", "amount"], LOSS);
        if lost == 0 {
            table.because(Reason::NoLost)
        } else {
            table
        }
    }
}

/// Rows of a sales table (by owner, product, sector…): `name_column` holds each group's
/// name; sorted by revenue, then won deals.
pub fn sales_table(
    name_column: &'static str,
    mut groups: Vec<(&str, &SalesStats)>,
    total: Decimal,
    formula: &'static str,
) -> Table {
    groups.sort_by(|a, b| b.1.won.sum.cmp(&a.1.won.sum).then(b.1.won.count.cmp(&a.1.won.count)));
    let rows = groups.into_iter().map(|(name, s)| {
        let closed = s.won.count + s.lost;
        row(&[
            (name_column, json!(name)),
            ("revenue", money(s.won.sum)),
            ("won", json!(s.won.count)),
            ("lost", json!(s.lost)),
            ("win_rate", fraction(s.won.count as f64, closed as f64)),
            ("average_deal_size", average(s.won.sum, s.won.with_amount)),
            ("sales_cycle_days", fraction(s.cycle_days as f64, s.cycle_n as f64)),
            ("share_of_revenue", share(s.won.sum, total)),
        ])
    });
    let columns = [&[name_column][..], &SALES_COLUMNS].concat();
    Table::capped(columns, rows, &["revenue", "won", "lost"], formula)
}

/// The columns of [`sales_table`] after the name.
pub const SALES_COLUMNS: [&str; 7] =
    ["revenue", "won", "lost", "win_rate", "average_deal_size", "sales_cycle_days", "share_of_revenue"];

fn fraction(n: f64, d: f64) -> Value {
    if d == 0.0 {
        Value::Null
    } else {
        number(n / d)
    }
}

fn average(sum: Decimal, n: u64) -> Value {
    if n == 0 {
        Value::Null
    } else {
        money_rounded(sum / Decimal::from(n))
    }
}

/// Share of a money total, as a fraction; null when the total is zero.
fn share(part: Decimal, total: Decimal) -> Value {
    if total.is_zero() {
        return Value::Null;
    }
    use rust_decimal::prelude::ToPrimitive;
    (part / total).to_f64().map_or(Value::Null, number)
}
