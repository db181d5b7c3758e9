//! A quota's period as written in a quotas table.

use chrono::NaiveDate;

/// A quota period as written: `2025-03`, `2025-Q2` (or `Q2 2025`), `2025`, or
/// `2025-01-01 to 2025-03-31` (end included). Returns `[from, to)`.
pub fn quota_period(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    // Years as dates allow them (1900–2100): `+262142-12-31` is no period.
    let plausible = |p: &(NaiveDate, NaiveDate)| {
        use chrono::Datelike;
        (1900..=2101).contains(&p.0.year()) && (1900..=2101).contains(&p.1.year())
    };
    let t = text.trim().to_ascii_uppercase().replace(['/', '.', '_'], "-");
    let day = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    for sep in [" TO ", "..", " - ", "~", "—"] {
        if let Some((a, b)) = t.split_once(sep) {
            let (a, b) = (day(a)?, day(b)?);
            return (b >= a).then(|| Some((a, b.succ_opt()?))).flatten().filter(plausible);
        }
    }
    let first = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1);
    let months = |d: NaiveDate, n: u32| d.checked_add_months(chrono::Months::new(n));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit()).then(|| s.parse::<i32>().ok()).flatten();
    let quarter = |y: &str, q: &str| -> Option<(NaiveDate, NaiveDate)> {
        let (y, q) = (digits(y)?, digits(q.trim_start_matches('Q'))?);
        let start = first(y, (1..=4).contains(&q).then_some(q as u32 * 3 - 2)?)?;
        Some((start, months(start, 3)?))
    };
    let parts: Vec<&str> = t.split(['-', ' ']).filter(|p| !p.is_empty()).collect();
    let period = match parts.as_slice() {
        [y] if y.len() == 4 => {
            let start = first(digits(y)?, 1)?;
            Some((start, months(start, 12)?))
        }
        [y, q] if q.starts_with('Q') => quarter(y, q),
        [q, y] if q.starts_with('Q') => quarter(y, q),
        [y, m] => {
            let start = first(digits(y)?, digits(m)? as u32)?;
            Some((start, months(start, 1)?))
        }
        _ => None,
    };
    period.filter(plausible)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn periods() {
        assert_eq!(quota_period("2025-03"), Some((d("2025-03-01"), d("2025-04-01"))));
        assert_eq!(quota_period("2025-Q2"), Some((d("2025-04-01"), d("2025-07-01"))));
        assert_eq!(quota_period("Q4 2024"), Some((d("2024-10-01"), d("2025-01-01"))));
        assert_eq!(quota_period("2025"), Some((d("2025-01-01"), d("2026-01-01"))));
        assert_eq!(quota_period("2025-01-01 to 2025-01-31"), Some((d("2025-01-01"), d("2025-02-01"))));
        // the last date chrono holds, and years no sales date has: no period, no panic
        assert_eq!(quota_period("2024-01-01 to +262142-12-31"), None);
        assert_eq!(quota_period("2024-01-01 to 262142-12-31"), None);
        assert_eq!(quota_period("9023-Q1"), None);
        assert_eq!(quota_period("2025-Q5"), None);
        assert_eq!(quota_period("soon"), None);
    }
}
