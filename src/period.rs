//! The half-open reporting period `[from, to)` every metric is computed over.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open date range `[from, to)`; either end may be open ("all data").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Period {
    pub fn new(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Self {
        Period { from, to }
    }

    /// True when neither end is set: the period is the whole span of the data.
    pub fn is_all(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Whether a row dated `date` belongs to the period.
    ///
    /// A row whose date is unknown (blank) belongs only to the "all data" period:
    /// it cannot be placed inside a bounded one.
    pub fn contains(&self, date: Option<NaiveDate>) -> bool {
        match date {
            Some(d) => self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d < t),
            None => self.is_all(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn half_open() {
        let p = Period::new(Some(d("2024-01-01")), Some(d("2024-02-01")));
        assert!(p.contains(Some(d("2024-01-01"))));
        assert!(p.contains(Some(d("2024-01-31"))));
        assert!(!p.contains(Some(d("2024-02-01"))));
        assert!(!p.contains(Some(d("2023-12-31"))));
        assert!(!p.contains(None));
        assert!(Period::default().contains(None));
    }
}
