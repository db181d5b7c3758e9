//! The half-open reporting period `[from, to)` every metric is computed over.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open date range `[from, to)`; either end may be open ("all data").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day included; `None`: from the start of the data.
    pub from: Option<NaiveDate>,
    /// First day not included; `None`: to the end of the data.
    pub to: Option<NaiveDate>,
}

impl Period {
    /// The days from `from` up to (not including) `to`.
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

/// A Solar Hijri (Jalali) date to Gregorian, by the 33-year arithmetic rule (exact for
/// the years 1178–1633 of that calendar). `None` for a day the month does not have.
pub fn jalali(jy: i32, jm: u32, jd: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&jm) || jd == 0 || jd > if jm <= 6 { 31 } else { 30 } {
        return None;
    }
    let to_gregorian = |jy: i64, jm: i64, jd: i64| {
        let y = jy + 1595;
        let days = -355_668
            + 365 * y
            + (y / 33) * 8
            + ((y % 33) + 3) / 4
            + jd
            + if jm < 7 { (jm - 1) * 31 } else { (jm - 7) * 30 + 186 };
        // days counts from 0000-01-01 of the proleptic Gregorian calendar (day 0)
        NaiveDate::from_ymd_opt(0, 1, 1).map(|epoch| epoch + chrono::Duration::days(days))
    };
    let date = to_gregorian(jy as i64, jm as i64, jd as i64)?;
    // Esfand 30 exists only in leap years: then it is not the next year's first day.
    if jm == 12 && jd == 30 && to_gregorian(jy as i64 + 1, 1, 1) == Some(date) {
        return None;
    }
    Some(date)
}

/// The Solar Hijri month holding `d`: its year, month and first day (Gregorian). Months
/// 1–6 have 31 days and 7–12 have 30 (Esfand 29 in common years), so the month follows
/// from the days since 1 Farvardin: two conversions at most, as it runs once per row.
fn jalali_month_of(d: NaiveDate) -> Option<(i32, u32, NaiveDate)> {
    use chrono::Datelike;
    // the Solar Hijri year starts in March: the year of `d` less 621, or less 622 before it
    let mut jy = d.year() - 621;
    let mut new_year = jalali(jy, 1, 1)?;
    if d < new_year {
        jy -= 1;
        new_year = jalali(jy, 1, 1)?;
    }
    let days = (d - new_year).num_days();
    let jm = if days < 186 { days / 31 + 1 } else { ((days - 186) / 30 + 7).min(12) } as u32;
    Some((jy, jm, jalali(jy, jm, 1)?))
}

/// Size of the buckets of a time series.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// Days.
    Day,
    /// ISO week, starting on Monday.
    Week,
    /// Calendar months.
    #[default]
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
    /// A Solar Hijri month (Farvardin, Ordibehesht…), for Persian readers: each bucket is
    /// named by its first day, in the Gregorian calendar like every date of the report.
    PersianMonth,
}

impl Granularity {
    /// A granularity by name (`day`, `week`, `month`, `quarter`, `year`, `persian_month`).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "day" => Granularity::Day,
            "week" => Granularity::Week,
            "month" => Granularity::Month,
            "quarter" => Granularity::Quarter,
            "year" => Granularity::Year,
            "persian_month" => Granularity::PersianMonth,
            _ => return None,
        })
    }

    /// First day of the bucket holding `d`.
    pub fn bucket(self, d: NaiveDate) -> NaiveDate {
        use chrono::Datelike;
        let first = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d);
        match self {
            Granularity::Day => d,
            Granularity::Week => d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64),
            Granularity::Month => first(d.year(), d.month()),
            Granularity::Quarter => first(d.year(), (d.month0() / 3) * 3 + 1),
            Granularity::Year => first(d.year(), 1),
            Granularity::PersianMonth => jalali_month_of(d).map_or(d, |(_, _, start)| start),
        }
    }

    /// First day of the bucket after the one starting at `start`.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        let months = |n: u32| start.checked_add_months(chrono::Months::new(n)).unwrap_or(start);
        match self {
            Granularity::Day => start + chrono::Duration::days(1),
            Granularity::Week => start + chrono::Duration::days(7),
            Granularity::Month => months(1),
            Granularity::Quarter => months(3),
            Granularity::Year => months(12),
            Granularity::PersianMonth => jalali_month_of(start)
                .and_then(|(jy, jm, _)| if jm == 12 { jalali(jy + 1, 1, 1) } else { jalali(jy, jm + 1, 1) })
                .unwrap_or(start + chrono::Duration::days(31)),
        }
    }
}

/// Which earlier period a period is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// The period of equal length just before.
    Previous,
    /// The same number of calendar months just before, for a period of whole months
    /// (a month, a quarter, a year: Q3 against Q2, 2024 against 2023); the period of
    /// equal length before, for any other.
    PreviousCalendar,
    /// The same dates a year earlier.
    YearEarlier,
}

impl Comparison {
    pub fn parse(s: &str) -> Option<Option<Self>> {
        Some(match s {
            "" | "none" => None,
            "previous" => Some(Comparison::Previous),
            "calendar" => Some(Comparison::PreviousCalendar),
            "year" => Some(Comparison::YearEarlier),
            _ => return None,
        })
    }

    /// The comparison period of `[from, to)`; `None` for a period with no start.
    pub fn of(self, period: Period, as_of: NaiveDate) -> Option<Period> {
        let from = period.from?;
        let to = period.to.unwrap_or(as_of);
        if to <= from {
            return None;
        }
        Some(match self {
            Comparison::Previous => Period::new(Some(from - (to - from)), Some(from)),
            Comparison::PreviousCalendar => {
                use chrono::Datelike;
                let months = (to.year() * 12 + to.month() as i32) - (from.year() * 12 + from.month() as i32);
                let whole = period.to.is_some() && from.day() == 1 && to.day() == 1 && months > 0;
                match whole.then(|| from.checked_sub_months(chrono::Months::new(months as u32))).flatten() {
                    Some(start) => Period::new(Some(start), Some(from)),
                    None => Period::new(Some(from - (to - from)), Some(from)),
                }
            }
            Comparison::YearEarlier => {
                let back = |d: NaiveDate| d.checked_sub_months(chrono::Months::new(12)).unwrap_or(d);
                Period::new(Some(back(from)), Some(back(to)))
            }
        })
    }
}

#[cfg(test)]
mod time_tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn persian_months() {
        let g = Granularity::PersianMonth;
        // 1 Farvardin 1403 = 2024-03-20; 1 Ordibehesht 1403 = 2024-04-20; Esfand 1402 began 2024-02-20
        assert_eq!(g.bucket(d("2024-03-20")), d("2024-03-20"));
        assert_eq!(g.bucket(d("2024-04-19")), d("2024-03-20"));
        assert_eq!(g.bucket(d("2024-03-19")), d("2024-02-20"));
        assert_eq!(g.next(d("2024-03-20")), d("2024-04-20"));
        // Esfand to the next Farvardin (1402 is a leap year: Esfand has 30 days)
        assert_eq!(g.next(d("2024-02-20")), d("2024-03-20"));
        // Mehr 1403 (30 days) = 2024-09-22 .. 2024-10-22
        assert_eq!(g.bucket(d("2024-10-21")), d("2024-09-22"));
        assert_eq!(g.next(d("2024-09-22")), d("2024-10-22"));
        assert_eq!(Granularity::parse("persian_month"), Some(g));
        // every day of 1990–2040 lies in its bucket, which starts a bucket and has 29–31 days
        let mut day = d("1990-01-01");
        while day < d("2041-01-01") {
            let b = g.bucket(day);
            let next = g.next(b);
            assert!(b <= day && day < next && g.bucket(b) == b, "{day}: {b} .. {next}");
            assert!((29..=31).contains(&(next - b).num_days()), "{b} .. {next}");
            day += chrono::Duration::days(1);
        }
    }

    #[test]
    fn calendar_comparisons() {
        let p = |a: &str, b: &str| Period::new(Some(d(a)), Some(d(b)));
        let as_of = d("2025-01-01");
        let cal = |a, b| Comparison::PreviousCalendar.of(p(a, b), as_of).map(|c| (c.from, c.to));
        // Q3 against Q2 (the equal-length period would start on 31 March)
        assert_eq!(cal("2017-07-01", "2017-10-01"), Some((Some(d("2017-04-01")), Some(d("2017-07-01")))));
        assert_eq!(
            Comparison::Previous.of(p("2017-07-01", "2017-10-01"), as_of).map(|c| c.from),
            Some(Some(d("2017-03-31")))
        );
        // a leap year against the year before, March against February
        assert_eq!(cal("2024-01-01", "2025-01-01"), Some((Some(d("2023-01-01")), Some(d("2024-01-01")))));
        assert_eq!(cal("2024-03-01", "2024-04-01"), Some((Some(d("2024-02-01")), Some(d("2024-03-01")))));
        // not whole months: the period of equal length before
        assert_eq!(cal("2024-03-05", "2024-03-15"), Some((Some(d("2024-02-24")), Some(d("2024-03-05")))));
        assert_eq!(Comparison::parse("calendar"), Some(Some(Comparison::PreviousCalendar)));
    }

    #[test]
    fn buckets() {
        // 2024-03-14 is a Thursday: its ISO week starts Monday 11 March
        assert_eq!(Granularity::Week.bucket(d("2024-03-14")), d("2024-03-11"));
        assert_eq!(Granularity::Month.bucket(d("2024-03-14")), d("2024-03-01"));
        assert_eq!(Granularity::Quarter.bucket(d("2024-08-31")), d("2024-07-01"));
        assert_eq!(Granularity::Year.bucket(d("2024-08-31")), d("2024-01-01"));
        assert_eq!(Granularity::Month.next(d("2024-01-01")), d("2024-02-01"));
        assert_eq!(Granularity::Quarter.next(d("2024-10-01")), d("2025-01-01"));
    }

    #[test]
    fn comparison_periods() {
        let q2 = Period::new(Some(d("2024-04-01")), Some(d("2024-07-01")));
        // 91 days back from 1 April
        assert_eq!(
            Comparison::Previous.of(q2, d("2025-01-01")),
            Some(Period::new(Some(d("2024-01-01")), Some(d("2024-04-01"))))
        );
        assert_eq!(
            Comparison::YearEarlier.of(q2, d("2025-01-01")),
            Some(Period::new(Some(d("2023-04-01")), Some(d("2023-07-01"))))
        );
        assert_eq!(Comparison::Previous.of(Period::default(), d("2025-01-01")), None);
        // open end: up to the as-of date
        let since = Period::new(Some(d("2024-12-01")), None);
        assert_eq!(
            Comparison::Previous.of(since, d("2024-12-31")),
            Some(Period::new(Some(d("2024-11-01")), Some(d("2024-12-01"))))
        );
    }
}
