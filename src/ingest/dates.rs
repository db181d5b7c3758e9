//! Dates and date-times as written in exports, to `chrono` values.
//!
//! Accepted: ISO `2024-03-05` (with a time `T14:30[:00]`, optional `Z`/`±hh:mm`, which
//! converts the time to UTC), `2024/03/05`, `20240305`, and day/month forms
//! `3/5/2024`, `5.3.2024`, `5-3-24` whose order is decided per column (see
//! [`DateOrder`]). A time after the date (`14:30`, `2:30 PM`) is kept.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// Order of day and month in a `a/b/yyyy` date, decided per column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    MonthFirst,
    DayFirst,
}

/// Votes for a column's day/month order, gathered from its values.
#[derive(Clone, Copy, Debug, Default)]
pub struct OrderVotes {
    month_first: u32,
    day_first: u32,
    dotted: u32,
    slashed: u32,
}

impl OrderVotes {
    pub fn observe(&mut self, raw: &str) {
        let Some((a, b, _, sep)) = split_dmy(raw.trim()) else { return };
        if sep == '/' {
            self.slashed += 1;
        } else {
            self.dotted += 1;
        }
        if a > 12 && b <= 12 {
            self.day_first += 1;
        } else if b > 12 && a <= 12 {
            self.month_first += 1;
        }
    }

    /// The order the values settle (a value with a day above 12 settles it); with no
    /// settling value, `/` means month first (Excel's US form) and `.` or `-` day first.
    pub fn decide(&self) -> DateOrder {
        if self.day_first > self.month_first {
            DateOrder::DayFirst
        } else if self.month_first > 0 || self.slashed >= self.dotted {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        }
    }
}

/// Parses a date cell to a calendar date. `Ok(None)` for blank.
pub fn parse_date(raw: &str, order: DateOrder) -> Result<Option<NaiveDate>, &'static str> {
    Ok(parse_datetime(raw, order)?.map(|dt| dt.date()))
}

/// Parses a date or date-time cell. `Ok(None)` for blank.
pub fn parse_datetime(raw: &str, order: DateOrder) -> Result<Option<NaiveDateTime>, &'static str> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let (date_part, time_part) = split_date_time(s);
    let date = parse_date_part(date_part, order).ok_or("not a date")?;
    let (time, offset_minutes) = match time_part {
        None => (NaiveTime::MIN, 0),
        Some(t) => parse_time(t).ok_or("not a time")?,
    };
    let local = date.and_time(time);
    Ok(Some(local - Duration::minutes(offset_minutes)))
}

fn split_date_time(s: &str) -> (&str, Option<&str>) {
    if let Some(i) = s.find(['T', ' ']) {
        let rest = s[i + 1..].trim();
        if !rest.is_empty() {
            return (&s[..i], Some(rest));
        }
        return (&s[..i], None);
    }
    (s, None)
}

fn number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `a?b?yyyy` with `?` one of `/ . -`: (a, b, year, separator).
fn split_dmy(s: &str) -> Option<(u32, u32, i32, char)> {
    let sep = s.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let mut parts = s.split(sep);
    let a = parts.next()?;
    let b = parts.next()?;
    let y = parts.next()?;
    if parts.next().is_some() || a.len() > 2 || b.len() > 2 || !(y.len() == 2 || y.len() == 4) {
        return None;
    }
    let year = number(y)? as i32;
    let year = if y.len() == 2 {
        if year < 70 {
            2000 + year
        } else {
            1900 + year
        }
    } else {
        year
    };
    Some((number(a)?, number(b)?, year, sep))
}

fn parse_date_part(s: &str, order: DateOrder) -> Option<NaiveDate> {
    // yyyy-mm-dd, yyyy/mm/dd, yyyy.mm.dd
    let b = s.as_bytes();
    if b.len() >= 8 && b[..4].iter().all(u8::is_ascii_digit) && matches!(b[4], b'-' | b'/' | b'.') {
        let sep = s.as_bytes()[4] as char;
        let mut parts = s.split(sep);
        let y = number(parts.next()?)? as i32;
        let m = number(parts.next()?)?;
        let d = number(parts.next()?)?;
        if parts.next().is_some() {
            return None;
        }
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    // yyyymmdd
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        let y = number(&s[..4])? as i32;
        return NaiveDate::from_ymd_opt(y, number(&s[4..6])?, number(&s[6..])?);
    }
    let (a, b, y, _) = split_dmy(s)?;
    match order {
        DateOrder::MonthFirst => NaiveDate::from_ymd_opt(y, a, b),
        DateOrder::DayFirst => NaiveDate::from_ymd_opt(y, b, a),
    }
}

/// `hh:mm[:ss[.fff]]` with optional `AM/PM` and `Z`/`±hh[:]mm`; returns the time and
/// the offset east of UTC in minutes.
fn parse_time(t: &str) -> Option<(NaiveTime, i64)> {
    let mut t = t.trim();
    let mut offset = 0i64;
    if let Some(rest) = t.strip_suffix('Z') {
        t = rest;
    } else if let Some(pos) = t.rfind(['+', '-']) {
        if pos >= 5 {
            let (clock, off) = t.split_at(pos);
            let sign = if off.starts_with('-') { -1 } else { 1 };
            let digits: String = off[1..].chars().filter(|c| c.is_ascii_digit()).collect();
            if digits.len() != 4 && digits.len() != 2 {
                return None;
            }
            let h: i64 = digits.get(..2)?.parse().ok()?;
            let m: i64 = digits.get(2..).filter(|s| !s.is_empty()).map_or(Some(0), |s| s.parse().ok())?;
            offset = sign * (h * 60 + m);
            t = clock;
        }
    }
    let upper = t.trim().to_ascii_uppercase();
    let (clock, pm) = if let Some(c) = upper.strip_suffix("PM") {
        (c.trim().to_string(), Some(true))
    } else if let Some(c) = upper.strip_suffix("AM") {
        (c.trim().to_string(), Some(false))
    } else {
        (upper, None)
    };
    let mut parts = clock.split(':');
    let mut h = number(parts.next()?)?;
    let m = number(parts.next()?)?;
    let sec_part = parts.next().unwrap_or("0");
    let s = number(sec_part.split('.').next()?)?;
    if parts.next().is_some() {
        return None;
    }
    match pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    Some((NaiveTime::from_hms_opt(h, m, s)?, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn formats() {
        let mf = DateOrder::MonthFirst;
        assert_eq!(parse_date("2017-03-01", mf), Ok(day(2017, 3, 1)));
        assert_eq!(parse_date("2017/3/1", mf), Ok(day(2017, 3, 1)));
        assert_eq!(parse_date("20170301", mf), Ok(day(2017, 3, 1)));
        assert_eq!(parse_date("3/1/2017", mf), Ok(day(2017, 3, 1)));
        assert_eq!(parse_date("3/11/2017", mf), Ok(day(2017, 3, 11)));
        assert_eq!(parse_date("11/1/2016", mf), Ok(day(2016, 11, 1)));
        assert_eq!(parse_date("3/1/2017", DateOrder::DayFirst), Ok(day(2017, 1, 3)));
        assert_eq!(parse_date("01.03.17", DateOrder::DayFirst), Ok(day(2017, 3, 1)));
        assert_eq!(parse_date("2017-03-01 13:45:00", mf), Ok(day(2017, 3, 1)));
        assert_eq!(parse_date("", mf), Ok(None));
        assert_eq!(parse_date("2017-02-30", mf), Err("not a date"));
        assert_eq!(parse_date("soon", mf), Err("not a date"));
        assert_eq!(parse_date("13/13/2017", mf), Err("not a date"));
    }

    #[test]
    fn times() {
        let mf = DateOrder::MonthFirst;
        let dt = |s| parse_datetime(s, mf).unwrap().unwrap().to_string();
        assert_eq!(dt("2024-03-05T14:30:00"), "2024-03-05 14:30:00");
        assert_eq!(dt("2024-03-05T14:30:00Z"), "2024-03-05 14:30:00");
        assert_eq!(dt("2024-03-05T14:30:00+03:30"), "2024-03-05 11:00:00");
        assert_eq!(dt("3/5/2024 2:05 PM"), "2024-03-05 14:05:00");
        assert_eq!(dt("2024-03-05 12:00 AM"), "2024-03-05 00:00:00");
        assert_eq!(parse_datetime("2024-03-05 25:00", mf), Err("not a time"));
    }

    #[test]
    fn order_votes() {
        let mut v = OrderVotes::default();
        for s in ["3/1/2017", "10/20/2016", "4/4/2017"] {
            v.observe(s);
        }
        assert_eq!(v.decide(), DateOrder::MonthFirst);
        let mut v = OrderVotes::default();
        for s in ["3/1/2017", "20/10/2016"] {
            v.observe(s);
        }
        assert_eq!(v.decide(), DateOrder::DayFirst);
        let mut v = OrderVotes::default();
        v.observe("01.02.2020");
        assert_eq!(v.decide(), DateOrder::DayFirst);
    }
}
