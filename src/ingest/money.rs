//! Exact money values: text to `rust_decimal::Decimal`, never through `f64`.
//!
//! Accepts currency symbols or codes before or after the number (`$1,234.50`,
//! `1234 USD`, `¥80`), grouping by `,` `.` space, NBSP or `'`, negatives as `-1`,
//! `1-` or `(1)`, a leading `'` (Excel text marker), and Persian, Arabic-Indic and
//! full-width digits. Where a lone separator is ambiguous (`1,234`, `1.234`), the
//! column's decimal separator decides (see [`SeparatorVotes`]).

use crate::problems::ProblemKind;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Amounts above this magnitude are rejected as implausible, which also keeps every
/// sum far from `Decimal`'s overflow.
const MAX_ABS: i64 = 1_000_000_000_000_000;

/// The decimal separator of a column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DecimalSeparator {
    #[default]
    Point,
    Comma,
}

impl DecimalSeparator {
    pub fn name(self) -> &'static str {
        match self {
            DecimalSeparator::Point => ".",
            DecimalSeparator::Comma => ",",
        }
    }
}

/// Votes for a column's decimal separator from values that settle it (`1.234,56`,
/// `12,5`, `1,234,567` …); values such as `1,234` settle nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct SeparatorVotes {
    point: u32,
    comma: u32,
}

impl SeparatorVotes {
    pub fn observe(&mut self, raw: &str) {
        let digits: String = raw
            .chars()
            .filter_map(|c| match c {
                '.' | ',' => Some(c),
                '٫' => Some('.'),
                c => ascii_digit(c),
            })
            .collect();
        let digits = digits.trim_matches(['.', ',']);
        let (dot, comma) = (digits.rfind('.'), digits.rfind(','));
        match (dot, comma) {
            (Some(d), Some(c)) if d > c => self.point += 1,
            (Some(_), Some(_)) => self.comma += 1,
            (Some(_), None) => self.single(digits, '.'),
            (None, Some(_)) => self.single(digits, ','),
            (None, None) => {}
        }
    }

    fn single(&mut self, digits: &str, sep: char) {
        let several = digits.matches(sep).count() > 1;
        let after = digits.rsplit(sep).next().map_or(0, str::len);
        let is_decimal = match (several, after) {
            (true, _) => false,
            (false, 3) => return,
            _ => true,
        };
        if is_decimal == (sep == '.') {
            self.point += 1;
        } else {
            self.comma += 1;
        }
    }

    /// The separator most values settle on; a point when none settles it.
    pub fn decide(&self) -> DecimalSeparator {
        if self.comma > self.point {
            DecimalSeparator::Comma
        } else {
            DecimalSeparator::Point
        }
    }
}

/// Parses a money cell with the column's decimal separator. `Ok(None)` for a blank
/// cell; `Err(reason)` for text that is not an amount.
pub fn parse_money(raw: &str) -> Result<Option<Decimal>, ProblemKind> {
    parse_money_with(raw, DecimalSeparator::Point)
}

/// A probability cell: `30%`, `0.3` or `30` (above 1 read as percent) → 0.30.
pub fn parse_probability(raw: &str) -> Result<Option<Decimal>, ProblemKind> {
    let s = raw.trim();
    let (s, percent) = match s.strip_suffix('%') {
        Some(rest) => (rest.trim(), true),
        None => (s, false),
    };
    let Some(v) = parse_money(s)? else { return Ok(None) };
    let p = if percent || v > Decimal::ONE { v / Decimal::ONE_HUNDRED } else { v };
    if p < Decimal::ZERO || p > Decimal::ONE {
        return Err(ProblemKind::Probability);
    }
    Ok(Some(p.normalize()))
}

/// Plain `-1234.56`, or grouped as the column writes it (`1,234.56`; in a decimal-comma
/// column `1.234,56`): ASCII digits, group separators only before the decimal separator,
/// at most 18 digits. Read directly, the common case in exports, with no allocation;
/// anything else (a group separator with no decimal one, symbols, other scripts) is left
/// to the general path, which gives the same value for every input this one reads.
fn plain_decimal(s: &str, decimal: DecimalSeparator) -> Option<Decimal> {
    let b = s.as_bytes();
    let (negative, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        _ => (false, b),
    };
    let (point_char, group_char) = match decimal {
        DecimalSeparator::Point => (b'.', b','),
        DecimalSeparator::Comma => (b',', b'.'),
    };
    let (mut mantissa, mut scale, mut count) = (0i64, 0u32, 0u32);
    let (mut point, mut grouped) = (false, false);
    // Digits since the last group separator: groups hold 3 (2 in the lakh form), the
    // first 1 to 3, the last before the point 3 (as the general path checks).
    let mut group = 0u32;
    for &c in digits {
        match c {
            b'0'..=b'9' => {
                count += 1;
                group += 1;
                if count > 18 {
                    return None;
                }
                mantissa = mantissa * 10 + (c - b'0') as i64;
                if point {
                    scale += 1;
                }
            }
            c if c == point_char && !point && count > 0 => {
                if grouped && group != 3 {
                    return None;
                }
                point = true;
            }
            c if c == group_char && !point && count > 0 => {
                let first_ok = !grouped && (1..=3).contains(&group);
                if !(first_ok || grouped && matches!(group, 2 | 3)) {
                    return None;
                }
                grouped = true;
                group = 0;
            }
            _ => return None,
        }
    }
    // `1,234` alone may be grouping or a decimal: the general path weighs it.
    if count == 0 || point && scale == 0 || grouped && !point || mantissa / 10i64.pow(scale) > MAX_ABS {
        return None;
    }
    Some(Decimal::new(if negative { -mantissa } else { mantissa }, scale))
}

/// [`parse_money`] for a column whose decimal separator is `decimal`.
pub fn parse_money_with(raw: &str, decimal: DecimalSeparator) -> Result<Option<Decimal>, ProblemKind> {
    if let Some(d) = plain_decimal(raw, decimal) {
        return Ok(Some(d));
    }
    general_money(raw, decimal)
}

/// [`parse_money_with`] without its fast path: every shape of amount the engine reads.
fn general_money(raw: &str, decimal: DecimalSeparator) -> Result<Option<Decimal>, ProblemKind> {
    let s = raw.trim();
    let s = s.strip_prefix('\'').unwrap_or(s).trim();
    if s.is_empty() {
        return Ok(None);
    }
    let mut negative = false;
    let mut signs = 0;
    let mut body = s;
    if let Some(inner) = body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
        negative = true;
        signs += 1;
        body = inner;
    }
    // Keep digits and separators; symbols and letters only outside the number.
    let mut digits = String::with_capacity(body.len());
    let mut seen_digit = false;
    let mut after_number = false;
    for c in body.chars() {
        if let Some(d) = ascii_digit(c) {
            if after_number {
                return Err(ProblemKind::NotNumber);
            }
            digits.push(d);
            seen_digit = true;
        } else if matches!(c, '.' | ',' | '٫' | '٬' | '\'' | '’') || is_space(c) {
            // `.5` in a point column (`,5` in a comma one) is 0.5; any other separator
            // before the digits is not part of a number.
            let point = match decimal {
                DecimalSeparator::Point => matches!(c, '.' | '٫'),
                DecimalSeparator::Comma => matches!(c, ',' | '٫'),
            };
            if !seen_digit && matches!(c, '.' | ',' | '٫') && !after_number {
                if !point || digits.contains('.') || digits.contains(',') {
                    return Err(ProblemKind::NotNumber);
                }
                digits.push('0');
                digits.push(if c == '٫' { '.' } else { c });
                continue;
            }
            if seen_digit && !after_number {
                digits.push(match c {
                    '٫' => '.',
                    '٬' | '\'' | '’' => '\u{0}',
                    c if is_space(c) => '\u{0}',
                    c => c,
                });
            }
        } else if c == '-' || c == '−' || c == '+' {
            signs += 1;
            if signs > 1 {
                return Err(ProblemKind::NotNumber);
            }
            if seen_digit {
                if c == '+' {
                    return Err(ProblemKind::NotNumber);
                }
                after_number = true;
                negative = !negative;
            } else if c != '+' {
                negative = !negative;
            }
        } else if seen_digit {
            after_number = true;
        }
    }
    if !seen_digit {
        return Err(ProblemKind::NotNumber);
    }
    if !is_currency(amount_unit(raw)) {
        return Err(UNKNOWN_UNIT);
    }
    let number = resolve_separators(&digits, decimal).ok_or(ProblemKind::NotNumber)?;
    // plain digits Decimal cannot hold (29 digits and more) are an amount too large
    let plain = |n: &str| n.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    let mut value = Decimal::from_str(&number).map_err(|_| {
        if plain(&number) {
            ProblemKind::TooLarge
        } else {
            ProblemKind::NotNumber
        }
    })?;
    if value.abs() > Decimal::from(MAX_ABS) {
        return Err(ProblemKind::TooLarge);
    }
    if negative {
        value.set_sign_negative(true);
    }
    Ok(Some(value))
}

/// Why an amount with a word beside it that names no currency is not read.
pub const UNKNOWN_UNIT: ProblemKind = ProblemKind::UnknownUnit;

/// ISO 4217 codes in use (and RMB, NTD, IRT as people write them), sorted: a unit beside
/// every amount of a file (`USD 1,234.56`) costs a binary search, not a scan.
const CODES: &[[u8; 3]] = &[
    *b"AED", *b"AFN", *b"ALL", *b"AMD", *b"ANG", *b"AOA", *b"ARS", *b"AUD", *b"AWG", *b"AZN", *b"BAM", *b"BBD",
    *b"BDT", *b"BGN", *b"BHD", *b"BIF", *b"BMD", *b"BND", *b"BOB", *b"BRL", *b"BSD", *b"BTN", *b"BWP", *b"BYN",
    *b"BZD", *b"CAD", *b"CDF", *b"CHF", *b"CLP", *b"CNY", *b"COP", *b"CRC", *b"CUP", *b"CVE", *b"CZK", *b"DJF",
    *b"DKK", *b"DOP", *b"DZD", *b"EGP", *b"ERN", *b"ETB", *b"EUR", *b"FJD", *b"FKP", *b"GBP", *b"GEL", *b"GHS",
    *b"GIP", *b"GMD", *b"GNF", *b"GTQ", *b"GYD", *b"HKD", *b"HNL", *b"HTG", *b"HUF", *b"IDR", *b"ILS", *b"INR",
    *b"IQD", *b"IRR", *b"IRT", *b"ISK", *b"JMD", *b"JOD", *b"JPY", *b"KES", *b"KGS", *b"KHR", *b"KMF", *b"KPW",
    *b"KRW", *b"KWD", *b"KYD", *b"KZT", *b"LAK", *b"LBP", *b"LKR", *b"LRD", *b"LSL", *b"LYD", *b"MAD", *b"MDL",
    *b"MGA", *b"MKD", *b"MMK", *b"MNT", *b"MOP", *b"MRU", *b"MUR", *b"MVR", *b"MWK", *b"MXN", *b"MYR", *b"MZN",
    *b"NAD", *b"NGN", *b"NIO", *b"NOK", *b"NPR", *b"NTD", *b"NZD", *b"OMR", *b"PAB", *b"PEN", *b"PGK", *b"PHP",
    *b"PKR", *b"PLN", *b"PYG", *b"QAR", *b"RMB", *b"RON", *b"RSD", *b"RUB", *b"RWF", *b"SAR", *b"SBD", *b"SCR",
    *b"SDG", *b"SEK", *b"SGD", *b"SHP", *b"SLE", *b"SOS", *b"SRD", *b"SSP", *b"STN", *b"SVC", *b"SYP", *b"SZL",
    *b"THB", *b"TJS", *b"TMT", *b"TND", *b"TOP", *b"TRY", *b"TTD", *b"TWD", *b"TZS", *b"UAH", *b"UGX", *b"USD",
    *b"UYU", *b"UZS", *b"VES", *b"VND", *b"VUV", *b"WST", *b"XAF", *b"XCD", *b"XOF", *b"XPF", *b"YER", *b"ZAR",
    *b"ZMW", *b"ZWL",
];

/// A unit written with an amount that names a currency: a three-letter code (`USD`,
/// `eur`), a symbol, or a currency word of the languages we read. `k`, `approx`, `(est)`
/// are not: their amounts are problems, not two "currencies".
fn is_currency(unit: &str) -> bool {
    let u = unit.trim();
    u.is_empty()
        || <[u8; 3]>::try_from(u.as_bytes())
            .is_ok_and(|c| CODES.binary_search(&c.map(|b| b.to_ascii_uppercase())).is_ok())
        || crate::currency_code::SYMBOLS.iter().any(|(symbol, _)| *symbol == u)
        || u.chars().count() == 1 && u.chars().all(|c| ('\u{20A0}'..='\u{20CF}').contains(&c))
}

/// The currency symbol or code written with an amount: `$` in `$1,234.50`, `USD` in
/// `1234 USD`, `€` in `-€12`; blank for a plain number.
pub fn amount_unit(raw: &str) -> &str {
    let b = raw.as_bytes();
    // plain numbers (the common case) start and end with a digit, sign or point
    let plain = |c: u8| c.is_ascii_digit() || matches!(c, b'.' | b',');
    let first = if b.first() == Some(&b'-') { b.get(1) } else { b.first() };
    if first.is_none_or(|&c| plain(c)) && b.last().is_none_or(|&c| plain(c)) {
        return "";
    }
    let numeric = |c: char| {
        ascii_digit(c).is_some()
            || matches!(c, '.' | ',' | '٫' | '٬' | '\'' | '’' | '-' | '−' | '+' | '(' | ')')
            || is_space(c)
    };
    let s = raw.trim();
    let before = s.trim_start_matches('\'').split(|c: char| ascii_digit(c).is_some()).next().unwrap_or("");
    let before = before.trim_matches(numeric);
    if !before.is_empty() {
        return before;
    }
    let after = s.rsplit(|c: char| ascii_digit(c).is_some()).next().unwrap_or("");
    after.trim_matches(numeric)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

/// ASCII digit for ASCII, Persian, Arabic-Indic and full-width digits.
pub fn ascii_digit(c: char) -> Option<char> {
    let base = match c {
        '0'..='9' => return Some(c),
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{FF10}'..='\u{FF19}' => 0xFF10,
        _ => return None,
    };
    char::from_digit(c as u32 - base, 10)
}

/// `digits` holds ASCII digits, `.`/`,` and NUL for certain grouping; returns a plain
/// `1234.56` form.
fn resolve_separators(digits: &str, column: DecimalSeparator) -> Option<String> {
    let trimmed = digits.trim_end_matches(['\u{0}', '.', ',']);
    if trimmed.contains("..") || trimmed.contains(",,") {
        return None;
    }
    let last_dot = trimmed.rfind('.');
    let last_comma = trimmed.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(_), None) => single_kind(trimmed, '.', column == DecimalSeparator::Point),
        (None, Some(_)) => single_kind(trimmed, ',', column == DecimalSeparator::Comma),
        (None, None) => None,
    };
    // Groups before the decimal point hold 3 digits (2 in the Indian lakh form), the
    // first 1 to 3: `1.2.3` and `1,2,3` are no numbers.
    let whole = decimal.and_then(|d| trimmed.rsplit_once(d)).map_or(trimmed, |(w, _)| w);
    let groups: Vec<&str> = whole.split(|c: char| !c.is_ascii_digit()).collect();
    if groups.len() > 1 {
        let (first, rest) = groups.split_first()?;
        let last = rest.last()?;
        let fits = |g: &&str| matches!(g.len(), 2 | 3);
        if first.is_empty() || first.len() > 3 || last.len() != 3 || !rest.iter().all(fits) {
            return None;
        }
    }
    let mut out = String::with_capacity(trimmed.len());
    let mut seen_point = false;
    for c in trimmed.chars() {
        match c {
            '0'..='9' => out.push(c),
            c if Some(c) == decimal => {
                if seen_point {
                    return None;
                }
                seen_point = true;
                out.push('.');
            }
            _ => {}
        }
    }
    Some(out)
}

/// With only one kind of separator: is it the decimal point? Several of them mean
/// grouping; one followed by exactly three digits is ambiguous and `point_if_ambiguous`
/// decides.
fn single_kind(s: &str, sep: char, point_if_ambiguous: bool) -> Option<char> {
    if s.matches(sep).count() > 1 {
        return None;
    }
    let after = s.rsplit(sep).next().unwrap_or("");
    let after_digits = after.chars().filter(char::is_ascii_digit).count();
    if after_digits == 3 && !point_if_ambiguous {
        None
    } else {
        Some(sep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<Decimal> {
        parse_money(s).unwrap()
    }
    fn d(s: &str) -> Option<Decimal> {
        Some(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn plain_and_grouped() {
        assert_eq!(m("1054"), d("1054"));
        assert_eq!(m(" 1,234.56 "), d("1234.56"));
        assert_eq!(m("1.234,56"), d("1234.56"));
        assert_eq!(m("1 234,56"), d("1234.56"));
        assert_eq!(m("1\u{a0}234,56"), d("1234.56"));
        assert_eq!(m("1'234.56"), d("1234.56"));
        assert_eq!(m("1,234"), d("1234"));
        assert_eq!(m("1,234,567"), d("1234567"));
        assert_eq!(m("12,5"), d("12.5"));
        assert_eq!(m("0.125"), d("0.125"));
        assert_eq!(m("'0012"), d("12"));
        assert_eq!(m(""), None);
        assert_eq!(m("  "), None);
    }

    #[test]
    fn currency_codes_are_sorted() {
        assert!(CODES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn amount_units() {
        assert_eq!(amount_unit("1234.50"), "");
        assert_eq!(amount_unit("$1,234.50"), "$");
        assert_eq!(amount_unit("1234 USD"), "USD");
        assert_eq!(amount_unit("-€12"), "€");
        assert_eq!(amount_unit("(£1,200.00)"), "£");
        assert_eq!(amount_unit("'¥80"), "¥");
        assert_eq!(amount_unit("۱۲۰۰ تومان"), "تومان");
        assert_eq!(amount_unit("1.200,50 EUR"), "EUR");
        assert_eq!(amount_unit(""), "");
    }

    #[test]
    fn currency_and_signs() {
        assert_eq!(m("$1,000.00"), d("1000.00"));
        assert_eq!(m("1000 USD"), d("1000"));
        assert_eq!(m("¥80"), d("80"));
        assert_eq!(m("-5"), d("-5"));
        assert_eq!(m("5-"), d("-5"));
        assert_eq!(m("(5.25)"), d("-5.25"));
        assert_eq!(m("-$5"), d("-5"));
        assert_eq!(m("۱۲۳٫۵"), d("123.5"));
        assert_eq!(m("１２３"), d("123"));
        assert_eq!(m("٬۱۲۳٬۴۵۶ ریال"), d("123456"));
    }

    #[test]
    fn column_decides_ambiguous_values() {
        let comma = DecimalSeparator::Comma;
        assert_eq!(parse_money_with("1,234", comma).unwrap(), d("1.234"));
        assert_eq!(parse_money_with("1.234", comma).unwrap(), d("1234"));
        assert_eq!(parse_money_with("1.234,5", comma).unwrap(), d("1234.5"));
        // unambiguous values keep their own reading
        assert_eq!(parse_money_with("1,234.50", comma).unwrap(), d("1234.50"));
        let mut v = SeparatorVotes::default();
        for s in ["1.234", "2.000", "12,5", "€ 1.234,56"] {
            v.observe(s);
        }
        assert_eq!(v.decide(), comma);
        let mut v = SeparatorVotes::default();
        for s in ["1,234", "2,000.50", "7"] {
            v.observe(s);
        }
        assert_eq!(v.decide(), DecimalSeparator::Point);
        assert_eq!(SeparatorVotes::default().decide(), DecimalSeparator::Point);
    }

    #[test]
    fn probabilities() {
        let p = |s| parse_probability(s).unwrap().map(|d| d.to_string());
        assert_eq!(p("30%"), Some("0.3".into()));
        assert_eq!(p("0.25"), Some("0.25".into()));
        assert_eq!(p("75"), Some("0.75".into()));
        assert_eq!(p("1"), Some("1".into()));
        assert_eq!(p(""), None);
        assert_eq!(parse_probability("150%"), Err(ProblemKind::Probability));
        assert_eq!(parse_probability("-5"), Err(ProblemKind::Probability));
    }

    #[test]
    fn rejects() {
        assert_eq!(parse_money("abc"), Err(ProblemKind::NotNumber));
        assert_eq!(parse_money("12abc34"), Err(ProblemKind::NotNumber));
        assert_eq!(parse_money("1.2.3,4,5"), Err(ProblemKind::NotNumber));
        assert_eq!(parse_money("99999999999999999999"), Err(ProblemKind::TooLarge));
        assert_eq!(parse_money("1234567890123456789012345678901234567890"), Err(ProblemKind::TooLarge));
        assert_eq!(parse_money("$1,234,567,890,123,456,789,012,345,678,901.50"), Err(ProblemKind::TooLarge));
        assert_eq!(parse_money("1+2"), Err(ProblemKind::NotNumber));
        // nothing read too generously (each was a silent 123, 5, 5, 5, 15, 123)
        for bad in ["1.2.3", "--5", "(-5)", ",5", "1..5", "1,2,3", "12,34,5"] {
            assert_eq!(parse_money(bad), Err(ProblemKind::NotNumber), "{bad}");
        }
        // a word beside the number that names no currency
        for bad in ["100k", "100 approx", "200 (est)", "5 pcs"] {
            assert_eq!(parse_money(bad), Err(UNKNOWN_UNIT), "{bad}");
        }
        // still read: a leading decimal point, Indian lakh groups, codes and symbols
        assert_eq!(m(".5"), d("0.5"));
        assert_eq!(parse_money_with(",5", DecimalSeparator::Comma).unwrap(), d("0.5"));
        assert_eq!(m("12,34,567.50"), d("1234567.50"));
        assert_eq!(m("eur 12"), d("12"));
        assert_eq!(m("R$ 1.234,56").map(|v| v.to_string()), Some("1234.56".into()));
    }

    proptest::proptest! {
        /// The fast path reads an amount only as the general path does.
        #[test]
        fn plain_amounts_as_the_general_path_reads_them(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "0", "1", "5", "123", "9999", "-", ".", ",", " ", "€", "'",
            ]), 1..10),
            comma in proptest::bool::ANY,
        ) {
            let s = parts.concat();
            let decimal = if comma { DecimalSeparator::Comma } else { DecimalSeparator::Point };
            if let Some(v) = plain_decimal(&s, decimal) {
                proptest::prop_assert_eq!(general_money(&s, decimal), Ok(Some(v)), "{}", s);
            }
        }
    }

    #[test]
    fn the_fast_path_reads_grouped_amounts() {
        assert_eq!(plain_decimal("33.057,64", DecimalSeparator::Comma), Decimal::from_str("33057.64").ok());
        assert_eq!(plain_decimal("-1,234.5", DecimalSeparator::Point), Decimal::from_str("-1234.5").ok());
        // ambiguous or other shapes go the general way
        assert_eq!(plain_decimal("1,234", DecimalSeparator::Point), None);
        assert_eq!(plain_decimal("1.234", DecimalSeparator::Comma), None);
        assert_eq!(plain_decimal("1,5", DecimalSeparator::Point), None);
    }
}
