//! Distinct orders. An orders export has a line per product; the order id says which lines
//! are one order (Superstore: 9,994 lines, 5,009 orders). Orders are kept by the hash of
//! their id, with their customer, so that parts of a file read apart merge exactly (an
//! order cut between two parts is one order). An order id several customers share (Superstore's
//! Chinese edition has 1,407) is one order in the counts and one of each of them in their
//! orders.

use crate::hashing::id_hash;
use crate::text::fold_letter;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// What is known of one order, in 8 bytes: the [`customer_hash`] of its customer (of its
/// first line) with its two low bits standing for "a line is dated in the period"
/// ([`IN_PERIOD`]) and "a line in the period has an amount" ([`WITH_AMOUNT`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Seen(u64);

const IN_PERIOD: u64 = 1;
const WITH_AMOUNT: u64 = 2;

impl Seen {
    fn new(customer: u64) -> Self {
        Seen(customer & !(IN_PERIOD | WITH_AMOUNT))
    }

    fn customer(self) -> u64 {
        self.0 & !(IN_PERIOD | WITH_AMOUNT)
    }

    fn has(self, flag: u64) -> bool {
        self.0 & flag != 0
    }
}

/// Orders by id (with the sum of their lines in the period: an order below zero is a
/// credit note, which nets revenue but is no order), and lines with no order id (each its
/// own order), per customer. A blank customer is no customer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderBook {
    orders: FxHashMap<u64, (Seen, Decimal)>,
    /// Lines in the period without an order id, per customer: (lines, lines with an amount).
    unnamed: FxHashMap<u64, (u64, u64)>,
    /// The last line's order and what is known of it (a copy of its entry in `orders`).
    #[serde(skip)]
    last: Option<(u64, Seen)>,
    /// Amounts of the last order's lines not yet added to its entry in `orders` (its
    /// lines follow each other: they are added once, when the next order comes).
    #[serde(default)]
    pending: Option<(u64, Decimal)>,
    /// Orders (by id hash) of customers other than the one their entry in `orders` keeps,
    /// with those customers.
    #[serde(default)]
    others: rustc_hash::FxHashSet<(u64, u64)>,
    /// The last line's customer as written.
    #[serde(skip)]
    last_customer: String,
}

/// The customer key a blank customer has.
fn blank_customer() -> u64 {
    Seen::new(customer_hash("")).customer()
}

/// An order whose lines add up to less than zero: a credit note.
fn is_credit(net: &Decimal) -> bool {
    *net < Decimal::ZERO
}

impl OrderBook {
    /// One order line; true when it is the first line of its order in the period (as far
    /// as this book has seen).
    pub fn line(&mut self, order_id: &str, customer: &str, in_period: bool, amount: Option<Decimal>) -> bool {
        let has_amount = amount.is_some();
        if order_id.trim().is_empty() {
            if in_period {
                // keyed as orders' customers are (low bits cleared), to count them together
                let n = self.unnamed.entry(Seen::new(customer_hash(customer)).customer()).or_default();
                n.0 += 1;
                n.1 += u64::from(has_amount);
            }
            return in_period;
        }
        let id = id_hash(order_id);
        let flags = if in_period { IN_PERIOD | if has_amount { WITH_AMOUNT } else { 0 } } else { 0 };
        let counted = if in_period { amount } else { None };
        // Exports list an order's lines together: a line that adds nothing to what is known
        // of the last order costs no look-up (its amount waits in `pending`).
        let same_customer = customer.trim().is_empty() || customer == self.last_customer;
        if self.last.is_some_and(|(last, seen)| last == id && seen.0 & flags == flags) && same_customer {
            if let Some(a) = counted {
                match &mut self.pending {
                    Some((p, sum)) if *p == id => *sum += a,
                    _ => {
                        self.flush();
                        self.pending = Some((id, a));
                    }
                }
            }
            return false;
        }
        self.flush();
        // The customer is hashed once per order, not per line (again when the customer changes).
        let mut known = true;
        let (seen, net) = self.orders.entry(id).or_insert_with(|| {
            known = false;
            (Seen::new(customer_hash(customer)), Decimal::ZERO)
        });
        if known && !same_customer {
            let other = Seen::new(customer_hash(customer)).customer();
            add_customer(&mut self.others, id, seen, other);
        }
        if !same_customer || !known {
            self.last_customer.clear();
            self.last_customer.push_str(customer);
        }
        let first = in_period && !seen.has(IN_PERIOD);
        seen.0 |= flags;
        if let Some(a) = counted {
            *net += a;
        }
        self.last = Some((id, *seen));
        first
    }

    /// Adds the pending amounts to their order.
    fn flush(&mut self) {
        if let Some((id, sum)) = self.pending.take() {
            if let Some((_, net)) = self.orders.get_mut(&id) {
                *net += sum;
            }
        }
    }

    pub fn merge(&mut self, mut o: OrderBook) {
        self.flush();
        o.flush();
        self.last = None;
        for (id, (s, net)) in o.orders {
            let mut known = true;
            let mine = self.orders.entry(id).or_insert_with(|| {
                known = false;
                (Seen::new(s.customer()), Decimal::ZERO)
            });
            if known {
                add_customer(&mut self.others, id, &mut mine.0, s.customer());
            }
            mine.0 .0 |= s.0 & (IN_PERIOD | WITH_AMOUNT);
            mine.1 += net;
        }
        for (id, c) in o.others {
            if let Some((seen, _)) = self.orders.get_mut(&id) {
                add_customer(&mut self.others, id, seen, c);
            }
        }
        for (c, (n, a)) in o.unnamed {
            let mine = self.unnamed.entry(c).or_default();
            mine.0 += n;
            mine.1 += a;
        }
    }

    /// Orders in the period (credit notes aside), and those of them with an amount.
    pub fn in_period(&self) -> (u64, u64) {
        let named = self.orders();
        let (mut n, mut a) = named.fold((0, 0), |(n, a), s| (n + 1, a + u64::from(s.has(WITH_AMOUNT))));
        for (lines, with_amount) in self.unnamed.values() {
            n += lines;
            a += with_amount;
        }
        (n, a)
    }

    /// Every order in the period, with the sum of its lines there (pending ones included).
    fn in_period_nets(&self) -> impl Iterator<Item = (&Seen, Decimal)> {
        let pending = self.pending;
        self.orders.iter().filter(|(_, (s, _))| s.has(IN_PERIOD)).map(move |(id, (s, net))| {
            (s, *net + pending.filter(|(p, _)| p == id).map_or(Decimal::ZERO, |(_, sum)| sum))
        })
    }

    /// The orders in the period that are orders (not credit notes).
    fn orders(&self) -> impl Iterator<Item = &Seen> {
        self.in_period_nets().filter(|(_, net)| !is_credit(net)).map(|(s, _)| s)
    }

    /// Credit notes in the period: orders whose lines add up to less than zero.
    pub fn credit_notes(&self) -> u64 {
        self.in_period_nets().filter(|(_, net)| is_credit(net)).count() as u64
    }

    /// Customers with at least two orders in the period, and with at least one (a blank
    /// customer is none; an order several customers share is one of each).
    pub fn repeat_buyers(&self) -> (u64, u64) {
        let blank = blank_customer();
        let mut per_customer: FxHashMap<u64, u64> = FxHashMap::default();
        for s in self.orders() {
            *per_customer.entry(s.customer()).or_default() += 1;
        }
        let pending = self.pending;
        for (id, c) in &self.others {
            let Some((s, net)) = self.orders.get(id) else { continue };
            let net = *net + pending.filter(|(p, _)| p == id).map_or(Decimal::ZERO, |(_, sum)| sum);
            if s.has(IN_PERIOD) && !is_credit(&net) {
                *per_customer.entry(*c).or_default() += 1;
            }
        }
        for (c, (lines, _)) in &self.unnamed {
            *per_customer.entry(*c).or_default() += lines;
        }
        per_customer.remove(&blank);
        let repeat = per_customer.values().filter(|n| **n >= 2).count() as u64;
        (repeat, per_customer.len() as u64)
    }
}

/// Adds customer `other` to the order `id` whose entry is `seen`: the entry's own when it
/// had none, one of the order's other customers when it differs.
fn add_customer(others: &mut rustc_hash::FxHashSet<(u64, u64)>, id: u64, seen: &mut Seen, other: u64) {
    let blank = blank_customer();
    if other == blank || other == seen.customer() {
        return;
    }
    if seen.customer() == blank {
        seen.0 = other | (seen.0 & (IN_PERIOD | WITH_AMOUNT));
        others.remove(&(id, other));
    } else {
        others.insert((id, other));
    }
}

/// A customer name's hash, grouped as owners and accounts are (case, white space, Arabic
/// and Persian letter forms folded), without building the folded text.
pub fn customer_hash(name: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::hashing::hasher();
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            h.write_u8(b' ');
        }
        for c in word.chars().map(fold_letter).flat_map(char::to_lowercase) {
            h.write_u32(c as u32);
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_one_order_are_one_order_across_parts() {
        // Order 1 (Ann, two lines, cut between parts), order 2 (Ann), order 3 (Bob), a
        // line with no order id (Bob), order 4 (Cy) before the period.
        let mut a = OrderBook::default();
        let some = Some(Decimal::ONE);
        a.line("1", "Ann", true, some);
        a.line("2", "ann ", true, some);
        let mut b = OrderBook::default();
        b.line("1", "Ann", true, None);
        b.line("3", "Bob", true, some);
        b.line("", "Bob", true, None);
        b.line("4", "Cy", false, some);
        a.merge(b);
        assert_eq!(a.in_period(), (4, 3));
        // Ann: orders 1, 2; Bob: order 3 and an unnamed line; Cy none in period
        assert_eq!(a.repeat_buyers(), (2, 2));
        assert_eq!(customer_hash(" ANN "), customer_hash("ann"));
    }

    #[test]
    fn credit_notes_and_blank_customers_are_no_orders_of_a_customer() {
        let d = |v: i64| Some(Decimal::from(v));
        let mut a = OrderBook::default();
        a.line("1", "Ann", true, d(10));
        a.line("C2", "Ann", true, d(-4)); // a credit note, in one part
        let mut b = OrderBook::default();
        b.line("C2", "Ann", true, d(-1));
        b.line("3", "", true, d(5)); // two orders of no customer
        b.line("4", " ", true, d(6));
        b.line("5", "Bob", true, d(3));
        b.line("5", "Bob", true, d(-3)); // nets to zero: still an order
        a.merge(b);
        assert_eq!(a.in_period(), (4, 4));
        assert_eq!(a.credit_notes(), 1);
        // Ann: 1 order; Bob: 1; the blank customer is none
        assert_eq!(a.repeat_buyers(), (0, 2));
    }

    #[test]
    fn an_order_id_several_customers_share_is_an_order_of_each() {
        // Order 7 is Ann's and Bob's (Bob's lines apart from Ann's and in the other part);
        // order 8 is Bob's, its second line without a customer (as Shopify writes lines).
        let some = Some(Decimal::ONE);
        for cut in 0..=6 {
            let lines = [("7", "Ann"), ("7", "Bob"), ("8", "Bob"), ("8", ""), ("7", "Bob"), ("9", "Ann"), ("7", "ann")];
            let (mut a, mut b) = (OrderBook::default(), OrderBook::default());
            for (i, (id, c)) in lines.iter().enumerate() {
                (if i < cut { &mut a } else { &mut b }).line(id, c, true, some);
            }
            a.merge(b);
            // three orders; Ann: 7, 9; Bob: 7, 8 (once each)
            assert_eq!(a.in_period(), (3, 3), "cut {cut}");
            assert_eq!(a.repeat_buyers(), (2, 2), "cut {cut}");
        }
        // a customer named after a blank first line is the order's own
        let mut a = OrderBook::default();
        a.line("1", "", true, some);
        a.line("1", "Cy", true, some);
        a.line("2", "Cy", true, some);
        assert_eq!(a.repeat_buyers(), (1, 1));
    }
}
