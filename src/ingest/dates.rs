//! Dates and date-times as written in exports, to `chrono` values.
//!
//! Accepted: ISO `2024-03-05` (with a time `T14:30[:00]`, optional `Z`/`±hh:mm`, which
//! converts the time to UTC), `2024/03/05`, `20240305`, day/month forms `3/5/2024`,
//! `5.3.2024`, `5-3-24` whose order is decided per file (see [`DateOrder`]), English
//! month names (`Mar 5, 2024`, `5-Mar-24`), `2024年3月5日`, Excel serial numbers
//! (`45352`, 1954–2119), Unix timestamps (10 digits, or 13 for milliseconds), and Solar
//! Hijri (Jalali) dates such as `1403/01/15` (years 1300–1499), converted to Gregorian.
//! Persian, Arabic-Indic and full-width digits are read as digits. A time after the date
//! (`14:30`, `2:30 PM`) is kept.

use super::money::ascii_digit;
use crate::problems::ProblemKind;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use std::borrow::Cow;

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
        let s = ascii_digits(raw.trim());
        let date = s.split([' ', 'T']).next().unwrap_or("");
        let Some((a, b, _, sep)) = split_dmy(date) else { return };
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
pub fn parse_date(raw: &str, order: DateOrder) -> Result<Option<NaiveDate>, ProblemKind> {
    Ok(parse_datetime(raw, order)?.map(|dt| dt.date()))
}

/// Years a sales date may fall in: outside them a cell is a typo (`0024`, `9023`) that
/// would make a forecast for the year 440 or a sales cycle of 24,369 days.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;
pub const OUTSIDE_YEARS: ProblemKind = ProblemKind::DateWindow;

/// Parses a date or date-time cell. `Ok(None)` for blank.
pub fn parse_datetime(raw: &str, order: DateOrder) -> Result<Option<NaiveDateTime>, ProblemKind> {
    let parsed = match numeric_date(raw.as_bytes(), order) {
        Some(d) => Some(d.and_time(NaiveTime::MIN)),
        None => general_datetime(raw, order)?,
    };
    match parsed {
        Some(dt) if !PLAUSIBLE_YEARS.contains(&dt.year()) => Err(OUTSIDE_YEARS),
        other => Ok(other),
    }
}

/// [`parse_datetime`] without its fast path: every shape of date the engine reads.
fn general_datetime(raw: &str, order: DateOrder) -> Result<Option<NaiveDateTime>, ProblemKind> {
    let s = ascii_digits(raw.trim());
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if let Some(dt) = serial_or_timestamp(s) {
        return Ok(Some(dt));
    }
    if s.contains('年') {
        return chinese(s).map(Some).ok_or(ProblemKind::NotDate);
    }
    if s.bytes().filter(u8::is_ascii_alphabetic).count() >= 3 {
        return named_month(s).map(Some).ok_or(ProblemKind::NotDate);
    }
    let (date_part, time_part) = split_date_time(s);
    let date = parse_date_part(date_part, order).ok_or(ProblemKind::NotDate)?;
    let (time, offset_minutes) = match time_part {
        None => (NaiveTime::MIN, 0),
        Some(t) => parse_time(t).ok_or(ProblemKind::NotTime)?,
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

/// Dates read as Solar Hijri (a year of 1300–1499 first: `1403/01/15`, `1400-01-15`), and
/// the spreadsheet row of the first, for the file's notes: in a file of Gregorian dates
/// such a date is more likely a typo than the Persian calendar, so the reading is said.
#[derive(Clone, Copy, Debug, Default)]
pub struct SolarHijri {
    pub n: u64,
    pub first_row: Option<u64>,
}

impl SolarHijri {
    /// Counts `text` (a date read) when its year was taken as Solar Hijri.
    #[inline]
    pub fn see(&mut self, text: &str, row: u64) {
        let b = text.trim_start().as_bytes();
        let year =
            b.len() >= 8 && b[0] == b'1' && matches!(b[1], b'3' | b'4') && b[2..4].iter().all(u8::is_ascii_digit);
        if year && matches!(b[4], b'-' | b'/' | b'.') {
            self.n += 1;
            self.first_row.get_or_insert(row);
        }
    }
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
        if (1300..1500).contains(&y) {
            return jalali(y, m, d);
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

/// Three groups of ASCII digits with one separator (`-`, `/` or `.`): `YYYY?M?D` with a
/// Gregorian year from 1500 (ISO, `2024/3/5`), or `D?M?YYYY` / `M?D?YYYY` as `order`
/// says (`5.3.2024`, `3/5/2024`). The common shapes of exports, read directly; anything
/// else (a Solar Hijri or two-digit year, a time, other digits) is left to the general
/// path, which reads these the same way.
fn numeric_date(b: &[u8], order: DateOrder) -> Option<NaiveDate> {
    let sep = *b.iter().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let mut groups = [(0u32, 0usize); 3];
    let mut g = 0;
    for &c in b {
        if c == sep {
            g += 1;
            if g > 2 {
                return None;
            }
        } else if c.is_ascii_digit() {
            let (value, len) = groups.get_mut(g)?;
            if *len == 4 {
                return None;
            }
            *value = *value * 10 + (c - b'0') as u32;
            *len += 1;
        } else {
            return None;
        }
    }
    match groups {
        [(y, 4), (m, 1..=2), (d, 1..=2)] if y >= 1500 => NaiveDate::from_ymd_opt(y as i32, m, d),
        [(a, 1..=2), (b, 1..=2), (y, 4)] => match order {
            DateOrder::MonthFirst => NaiveDate::from_ymd_opt(y as i32, a, b),
            DateOrder::DayFirst => NaiveDate::from_ymd_opt(y as i32, b, a),
        },
        _ => None,
    }
}

/// Persian, Arabic-Indic and full-width digits as ASCII; `٫` and `／` as their ASCII forms.
fn ascii_digits(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '／' => '/',
                '：' => ':',
                '－' => '-',
                c => ascii_digit(c).unwrap_or(c),
            })
            .collect(),
    )
}

/// Excel serial day numbers (1954–2119, with an optional fraction of a day) and Unix
/// timestamps (10 digits: seconds; 13: milliseconds).
fn serial_or_timestamp(s: &str) -> Option<NaiveDateTime> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match (whole.len(), fraction.is_empty()) {
        (5, _) => {
            let days: i64 = whole.parse().ok()?;
            if !(20_000..=80_000).contains(&days) {
                return None;
            }
            let part: f64 = format!("0.{}", if fraction.is_empty() { "0" } else { fraction }).parse().ok()?;
            let base = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_time(NaiveTime::MIN);
            Some(base + Duration::days(days) + Duration::seconds((part * 86_400.0).round() as i64))
        }
        (10, true) => DateTime::from_timestamp(whole.parse().ok()?, 0).map(|d| d.naive_utc()),
        (13, true) => DateTime::from_timestamp_millis(whole.parse().ok()?).map(|d| d.naive_utc()),
        _ => None,
    }
}

/// `2024年3月5日`, optionally followed by a time.
fn chinese(s: &str) -> Option<NaiveDateTime> {
    let (y, rest) = s.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let (d, rest) = rest.split_once(['日', '号']).unwrap_or((rest, ""));
    let date = NaiveDate::from_ymd_opt(number(y.trim())? as i32, number(m.trim())?, number(d.trim())?)?;
    let rest = rest.trim();
    let time = if rest.is_empty() { NaiveTime::MIN } else { parse_time(rest)?.0 };
    Some(date.and_time(time))
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// English month names: `Mar 5, 2024`, `5 March 2024`, `05-Mar-24`, `Tue, 5 Mar 2024 14:00`.
fn named_month(s: &str) -> Option<NaiveDateTime> {
    let (mut month, mut numbers, mut time) = (None, Vec::new(), None);
    let lower = s.to_ascii_lowercase();
    let tokens: Vec<&str> = lower.split([' ', ',', '-', '/', '.']).filter(|t| !t.is_empty()).collect();
    for (i, t) in tokens.iter().enumerate() {
        if t.contains(':') {
            time = Some(parse_time(&tokens[i..].join(" "))?.0);
            break;
        }
        if t.bytes().all(|b| b.is_ascii_digit()) {
            numbers.push(*t);
        } else if let Some(m) = MONTHS.iter().position(|m| t.starts_with(m)) {
            if month.replace(m as u32 + 1).is_some() {
                return None;
            }
        } else if !matches!(*t, "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun" | "st" | "nd" | "rd" | "th")
            && !t.ends_with("day")
        {
            return None;
        }
    }
    let month = month?;
    let (day, year) = match numbers.as_slice() {
        [a, b] if a.len() == 4 => (*b, *a),
        [a, b] => (*a, *b),
        _ => return None,
    };
    let year = number(year)? as i32;
    let year = if year < 100 {
        if year < 70 {
            2000 + year
        } else {
            1900 + year
        }
    } else {
        year
    };
    Some(NaiveDate::from_ymd_opt(year, month, number(day)?)?.and_time(time.unwrap_or(NaiveTime::MIN)))
}

pub use crate::period::jalali;

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
        assert_eq!(parse_date("2017-02-30", mf), Err(ProblemKind::NotDate));
        assert_eq!(parse_date("soon", mf), Err(ProblemKind::NotDate));
        assert_eq!(parse_date("13/13/2017", mf), Err(ProblemKind::NotDate));
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
        assert_eq!(parse_datetime("2024-03-05 25:00", mf), Err(ProblemKind::NotTime));
    }

    #[test]
    fn more_formats() {
        let mf = DateOrder::MonthFirst;
        for (s, y, m, d) in [
            ("Mar 5, 2024", 2024, 3, 5),
            ("5 March 2024", 2024, 3, 5),
            ("05-Mar-24", 2024, 3, 5),
            ("Tue, 5 Mar 2024 14:00", 2024, 3, 5),
            ("2024-Mar-05", 2024, 3, 5),
            ("2024年3月5日", 2024, 3, 5),
            ("2024年03月05日 14:30", 2024, 3, 5),
            ("45356", 2024, 3, 5),
            ("45356.75", 2024, 3, 5),
            ("1709596800", 2024, 3, 5),
            ("1709596800000", 2024, 3, 5),
            ("۲۰۲۴/۰۳/۰۵", 2024, 3, 5),
            ("２０２４－０３－０５", 2024, 3, 5),
        ] {
            assert_eq!(parse_date(s, mf), Ok(day(y, m, d)), "{s}");
        }
        assert_eq!(parse_datetime("45356.75", mf).unwrap().unwrap().to_string(), "2024-03-05 18:00:00");
        assert_eq!(parse_date("Smarch 5, 2024", mf), Err(ProblemKind::NotDate));
        assert_eq!(parse_date("12345", mf), Err(ProblemKind::NotDate));
    }

    #[test]
    fn solar_hijri_dates() {
        // Reference days: Nowruz 1400 = 21 Mar 2021, 1403 = 20 Mar 2024, 1404 = 21 Mar 2025;
        // 1399 and 1403 are leap years (Esfand has 30 days); 1 Mehr 1403 = 22 Sep 2024.
        let mf = DateOrder::MonthFirst;
        for (s, y, m, d) in [
            ("1400/01/01", 2021, 3, 21),
            ("1399/12/30", 2021, 3, 20),
            ("1403/01/01", 2024, 3, 20),
            ("1402/12/29", 2024, 3, 19),
            ("1403/07/01", 2024, 9, 22),
            ("1403/12/30", 2025, 3, 20),
            ("1404/01/01", 2025, 3, 21),
            ("۱۴۰۳/۰۱/۱۵", 2024, 4, 3),
            ("1403-01-15", 2024, 4, 3),
        ] {
            assert_eq!(parse_date(s, mf), Ok(day(y, m, d)), "{s}");
        }
        assert_eq!(parse_date("1402/12/30", mf), Err(ProblemKind::NotDate)); // 1402 is not leap
        assert_eq!(parse_date("1403/07/31", mf), Err(ProblemKind::NotDate)); // Mehr has 30 days
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

    #[test]
    fn the_fast_path_reads_export_dates() {
        assert_eq!(numeric_date(b"5.3.2024", DateOrder::DayFirst), day(2024, 3, 5));
        assert_eq!(numeric_date(b"3/5/2024", DateOrder::MonthFirst), day(2024, 3, 5));
        assert_eq!(numeric_date(b"2024/3/5", DateOrder::DayFirst), day(2024, 3, 5));
        // Solar Hijri years, two-digit years and times go the general way
        assert_eq!(numeric_date(b"1403/01/15", DateOrder::DayFirst), None);
        assert_eq!(numeric_date(b"5.3.24", DateOrder::DayFirst), None);
        assert_eq!(numeric_date(b"2024-03-05 10:00", DateOrder::DayFirst), None);
        assert_eq!(numeric_date(b"99999-1-1", DateOrder::DayFirst), None);
    }

    proptest::proptest! {
        /// The fast path reads a date only as the general path does.
        #[test]
        fn numeric_dates_as_the_general_path_reads_them(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "0", "1", "2", "3", "9", "12", "31", "2024", "1399", "1500", "20", "-", "/", ".", " ", "T", "x",
            ]), 1..8),
            day_first in proptest::bool::ANY,
        ) {
            let s = parts.concat();
            let order = if day_first { DateOrder::DayFirst } else { DateOrder::MonthFirst };
            if let Some(d) = numeric_date(s.as_bytes(), order) {
                proptest::prop_assert_eq!(general_datetime(&s, order), Ok(Some(d.and_time(NaiveTime::MIN))), "{}", s);
            }
        }
    }
}
