//! What a column's values look like, from the rows below its header: dates, numbers, deal
//! status words (won/lost/open), order status words (paid/refunded/cancelled…), yes/no
//! flags, emails. A field expects one of these; how well a column's values fit the field
//! weighs its header word when kinds and columns are decided.

use super::dates::{parse_date, DateOrder};
use super::file_info::ValueShape;
use super::money::parse_money;
use super::schema::{FieldSpec, Kind, ValueType};
use crate::stages::status_from_status;
use crate::text::parse_flag;
use crate::vocabulary::order_status;

/// Counts of the shapes among one column's non-blank values.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Profile {
    /// Non-blank values.
    pub values: usize,
    pub dates: usize,
    pub numbers: usize,
    pub deal_status: usize,
    pub order_status: usize,
    pub flags: usize,
    pub emails: usize,
}

/// A date (either day order), six characters at least (`1`, `2024` are numbers).
pub fn is_date(v: &str) -> bool {
    v.len() >= 6
        && (parse_date(v, DateOrder::MonthFirst).is_ok_and(|d| d.is_some())
            || parse_date(v, DateOrder::DayFirst).is_ok_and(|d| d.is_some()))
}

/// An amount or number.
pub fn is_number(v: &str) -> bool {
    matches!(parse_money(v), Ok(Some(_)))
}

impl Profile {
    /// The profile of column `col` of `rows`.
    pub fn of(rows: &[Vec<String>], col: usize) -> Profile {
        let mut p = Profile::default();
        for v in rows.iter().filter_map(|r| r.get(col)).map(|v| v.trim()).filter(|v| !v.is_empty()) {
            p.values += 1;
            p.dates += usize::from(is_date(v));
            p.numbers += usize::from(is_number(v));
            p.deal_status += usize::from(status_from_status(v).is_some());
            p.order_status += usize::from(order_status(v).is_some());
            p.flags += usize::from(parse_flag(v).is_some());
            p.emails += usize::from(v.contains('@') && v.contains('.') && !v.contains(' '));
        }
        p
    }

    /// The profiles of every column of `rows` (`width` columns).
    pub fn all(width: usize, rows: &[Vec<String>]) -> Vec<Profile> {
        (0..width).map(|c| Profile::of(rows, c)).collect()
    }

    /// What most values look like: the shape `expect` asks for when they fit it, else
    /// the first shape half of them have of emails, dates, deal status, order status,
    /// numbers and flags, else text.
    pub fn shape(&self, expect: Expect) -> ValueShape {
        if self.values == 0 {
            return ValueShape::None;
        }
        let asked = match expect {
            Expect::Dates => Some(ValueShape::Dates),
            Expect::Numbers => Some(ValueShape::Numbers),
            Expect::DealStatus => Some(ValueShape::DealStatus),
            Expect::OrderStatus if self.half(self.order_status) => Some(ValueShape::OrderStatus),
            Expect::OrderStatus | Expect::Flags => Some(ValueShape::Flags),
            Expect::Text => None,
        };
        if let Some(shape) = asked.filter(|_| fit(self, expect) == 1.0) {
            return shape;
        }
        [
            (self.emails, ValueShape::Emails),
            (self.dates, ValueShape::Dates),
            (self.deal_status, ValueShape::DealStatus),
            (self.order_status, ValueShape::OrderStatus),
            (self.numbers, ValueShape::Numbers),
            (self.flags, ValueShape::Flags),
        ]
        .into_iter()
        .find(|(n, _)| *n > 0 && self.half(*n))
        .map_or(ValueShape::Text, |(_, shape)| shape)
    }

    /// True when at least half the values are `n`.
    fn half(&self, n: usize) -> bool {
        n * 2 >= self.values
    }
}

/// What the values of a field of `kind` look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    Dates,
    Numbers,
    DealStatus,
    OrderStatus,
    Flags,
    /// Names, ids, words: anything but a column of dates.
    Text,
}

impl Expect {
    /// What `field` of `kind` expects.
    pub fn of(kind: Kind, field: &FieldSpec) -> Expect {
        match field.value {
            ValueType::Date | ValueType::DateTime => Expect::Dates,
            ValueType::Money | ValueType::Number | ValueType::Percent => Expect::Numbers,
            ValueType::Text if field.name == "status" && kind == Kind::Deals => Expect::DealStatus,
            ValueType::Text if field.name == "status" && kind == Kind::Orders => Expect::OrderStatus,
            ValueType::Text if field.name.ends_with("_flag") || field.name == "churned" => Expect::Flags,
            ValueType::Text => Expect::Text,
        }
    }
}

/// How well a column's values fit a field: 1 when at least half of them are of the shape it
/// expects, 0.1 when not, 0.7 when the rows shown hold no value to judge by.
pub fn fit(p: &Profile, expect: Expect) -> f32 {
    if p.values == 0 {
        return 0.7;
    }
    let fits = match expect {
        Expect::Dates => p.half(p.dates),
        Expect::Numbers => p.half(p.numbers),
        Expect::DealStatus => p.half(p.deal_status),
        // a `Cancelled` column of Y/N is a status too
        Expect::OrderStatus => p.half(p.order_status) || p.half(p.flags),
        Expect::Flags => p.half(p.flags),
        Expect::Text => !(p.half(p.dates) && p.dates > 0) || p.values < 2,
    };
    // A status column holds words of its own beside ours (`Paiement accepté` beside
    // `Annulé`): one of ours among them is some evidence.
    let some_status = match expect {
        Expect::DealStatus => p.deal_status > 0,
        Expect::OrderStatus => p.order_status > 0,
        _ => false,
    };
    if fits {
        1.0
    } else if some_status {
        0.6
    } else {
        0.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::test_rows as rows;

    #[test]
    fn columns_are_profiled() {
        let r =
            rows(&["2024-01-05,Paid,12.50,a@b.com,Won", "2024-01-06,Refunded,7,c@d.org,Lost", "2024-01-07,,3,,Open"]);
        let p = Profile::all(5, &r);
        assert_eq!((p[0].dates, p[1].order_status, p[2].numbers, p[3].emails, p[4].deal_status), (3, 2, 3, 2, 3));
        assert_eq!(fit(&p[1], Expect::OrderStatus), 1.0);
        assert_eq!(fit(&p[1], Expect::DealStatus), 0.1);
        assert_eq!(fit(&p[0], Expect::Text), 0.1);
        assert_eq!(fit(&Profile::default(), Expect::Dates), 0.7);
        let shop = Profile::all(1, &rows(&["Paiement accepté", "Annulé", "Livraison en cours", "Paiement accepté"]));
        assert_eq!(fit(&shop[0], Expect::OrderStatus), 0.6);
        let flags = Profile::all(1, &rows(&["Y", "N", "N"]));
        assert_eq!(fit(&flags[0], Expect::OrderStatus), 1.0);
        // what the page says the values were
        assert_eq!(flags[0].shape(Expect::OrderStatus), ValueShape::Flags);
        assert_eq!(p[1].shape(Expect::OrderStatus), ValueShape::OrderStatus);
        assert_eq!(p[0].shape(Expect::Text), ValueShape::Dates);
        assert_eq!(p[3].shape(Expect::Text), ValueShape::Emails);
        assert_eq!(p[2].shape(Expect::Dates), ValueShape::Numbers);
        assert_eq!(shop[0].shape(Expect::Text), ValueShape::Text);
        assert_eq!(Profile::default().shape(Expect::Numbers), ValueShape::None);
    }
}
