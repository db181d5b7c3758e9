//! Small mergeable statistics: counts with exact sums, and exact medians from counts.

use super::groups::Merge;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::hash::Hash;

/// Exact decimals carried between workers as their 16 bytes (not as text).
pub mod decimal_bytes {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        d.serialize().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        <[u8; 16]>::deserialize(d).map(Decimal::deserialize)
    }
}

/// A decimal as a histogram key, carried between workers as its 16 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Exact(#[serde(with = "decimal_bytes")] pub Decimal);

/// A count and the exact sum of the amounts that were known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    pub count: u64,
    #[serde(with = "decimal_bytes")]
    pub sum: Decimal,
    /// Rows whose amount was known (blank or bad amounts are counted, not summed).
    pub with_amount: u64,
}

impl Tally {
    pub fn add(&mut self, amount: Option<Decimal>) {
        self.count += 1;
        if let Some(a) = amount {
            self.sum += a;
            self.with_amount += 1;
        }
    }
}

impl Merge for Tally {
    fn merge(&mut self, o: Self) {
        self.count += o.count;
        self.sum += o.sum;
        self.with_amount += o.with_amount;
    }
}

impl Merge for u64 {
    fn merge(&mut self, o: Self) {
        *self += o;
    }
}

/// How often each value occurred: an exact median without keeping every row (memory
/// grows with distinct values). Counted in a hash map, ordered only when asked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "K: Serialize", deserialize = "K: Deserialize<'de>"))]
pub struct Histogram<K: Hash + Eq> {
    counts: FxHashMap<K, u64>,
    n: u64,
}

impl<K: Hash + Eq> Default for Histogram<K> {
    fn default() -> Self {
        Histogram { counts: FxHashMap::default(), n: 0 }
    }
}

impl<K: Ord + Copy + Hash> Histogram<K> {
    pub fn add(&mut self, k: K) {
        *self.counts.entry(k).or_insert(0) += 1;
        self.n += 1;
    }

    pub fn len(&self) -> u64 {
        self.n
    }

    /// How many values are at most `k`.
    pub fn count_at_most(&self, k: K) -> u64 {
        self.counts.iter().filter(|(v, _)| **v <= k).map(|(_, c)| *c).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The two middle values (equal when the count is odd).
    pub fn middle(&self) -> Option<(K, K)> {
        if self.n == 0 {
            return None;
        }
        let lo_rank = (self.n - 1) / 2;
        let hi_rank = self.n / 2;
        let mut sorted: Vec<(&K, &u64)> = self.counts.iter().collect();
        if sorted.len() as u64 == self.n {
            // Every value once (typical of amounts): select the middle, no full sort.
            let by_value = |a: &(&K, &u64), b: &(&K, &u64)| a.0.cmp(b.0);
            let hi = *sorted.select_nth_unstable_by(hi_rank as usize, by_value).1 .0;
            let lo = *sorted[..=hi_rank as usize].select_nth_unstable_by(lo_rank as usize, by_value).1 .0;
            return Some((lo, hi));
        }
        sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let (mut lo, mut seen) = (None, 0u64);
        for (k, c) in sorted {
            seen += c;
            if lo.is_none() && seen > lo_rank {
                lo = Some(*k);
            }
            if seen > hi_rank {
                return lo.map(|l| (l, *k));
            }
        }
        None
    }
}

impl<K: Ord + Copy + Hash> Merge for Histogram<K> {
    fn merge(&mut self, o: Self) {
        if self.n == 0 {
            *self = o;
            return;
        }
        self.counts.reserve(o.counts.len());
        for (k, c) in o.counts {
            *self.counts.entry(k).or_insert(0) += c;
        }
        self.n += o.n;
    }
}

/// Money values kept for an exact median, compactly: an amount with at most two
/// decimals is 8 bytes (its cents, with its number of decimals in the low two bits, so
/// the order of the packed numbers is the order of the amounts); other amounts are kept
/// as decimals. Merging is appending.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Amounts {
    packed: Vec<i64>,
    other: Vec<Exact>,
}

impl Amounts {
    pub fn add(&mut self, d: Decimal) {
        let scale = d.scale();
        let cents = i64::try_from(d.mantissa()).ok().and_then(|m| m.checked_mul(10i64.pow(2u32.saturating_sub(scale))));
        match cents.filter(|c| scale <= 2 && c.unsigned_abs() < 1 << 60) {
            Some(c) => self.packed.push(c * 4 + scale as i64),
            None => self.other.push(Exact(d)),
        }
    }

    pub fn len(&self) -> usize {
        self.packed.len() + self.other.len()
    }

    pub fn merge(&mut self, o: Amounts) {
        self.packed.extend(o.packed);
        self.other.extend(o.other);
    }

    fn unpack(p: i64) -> Decimal {
        let scale = p.rem_euclid(4) as u32;
        let cents = p.div_euclid(4);
        Decimal::new(cents / 10i64.pow(2 - scale), scale)
    }

    /// The median: the mean of the two middle values (selected, not sorted).
    pub fn median(&self) -> Option<Decimal> {
        let n = self.len();
        if n == 0 {
            return None;
        }
        let (lo, hi) = ((n - 1) / 2, n / 2);
        if self.other.is_empty() {
            let mut v = self.packed.clone();
            let b = *v.select_nth_unstable(hi).1;
            let a = *v[..=hi].select_nth_unstable(lo).1;
            return Some((Self::unpack(a) + Self::unpack(b)) / Decimal::TWO);
        }
        let mut v: Vec<Decimal> =
            self.packed.iter().map(|&p| Self::unpack(p)).chain(self.other.iter().map(|e| e.0)).collect();
        let b = *v.select_nth_unstable(hi).1;
        let a = *v[..=hi].select_nth_unstable(lo).1;
        Some((a + b) / Decimal::TWO)
    }
}

/// Median of money values: the mean of the two middle values.
pub fn median_money(a: &Amounts) -> Option<Decimal> {
    a.median()
}

/// Median of whole numbers (days, minutes).
pub fn median_whole(h: &Histogram<i64>) -> Option<f64> {
    h.middle().map(|(a, b)| (a + b) as f64 / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        let mut h = Histogram::default();
        for d in [5i64, 1, 9, 3] {
            h.add(d);
        }
        // sorted 1 3 5 9 → (3 + 5) / 2 = 4
        assert_eq!(median_whole(&h), Some(4.0));
        h.add(3);
        // sorted 1 3 3 5 9 → 3
        assert_eq!(median_whole(&h), Some(3.0));
        let mut m = Amounts::default();
        m.add(Decimal::new(1050, 2));
        m.add(Decimal::new(20, 0));
        // (10.50 + 20) / 2 = 15.25
        assert_eq!(median_money(&m), Some(Decimal::new(1525, 2)));
        assert_eq!(median_money(&Amounts::default()), None);
        // whole amounts keep their form: median of 1117, 5, 2000 is 1117
        let mut w = Amounts::default();
        for d in [1117, 5, 2000] {
            w.add(Decimal::from(d));
        }
        assert_eq!(median_money(&w).map(|d| d.to_string()), Some("1117".into()));
        // negative amounts and more than two decimals
        let mut x = Amounts::default();
        for d in [Decimal::new(-250, 2), Decimal::new(12345, 3), Decimal::new(-1, 0)] {
            x.add(d);
        }
        // sorted -2.50, -1, 12.345 → -1
        assert_eq!(median_money(&x), Some(Decimal::from(-1)));
    }
}
