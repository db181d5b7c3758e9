//! Currency codes and the user's conversion rates: the vocabulary that the options, the
//! engine and the money metrics share (a leaf: it imports nothing of the crate).

use rust_decimal::{Decimal, RoundingStrategy};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Currency symbols and words as written beside amounts (CLDR's symbols and the words
/// of the languages we read), with their ISO 4217 code; `""` for a symbol several
/// currencies write (`$`: USD, CAD, AUD…; `¥`: CNY or JPY; `kr`: SEK, NOK, DKK, ISK).
pub const SYMBOLS: &[(&str, &str)] = &[
    ("$", ""),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", ""),
    ("￥", "CNY"),
    ("₹", "INR"),
    ("₽", "RUB"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("฿", "THB"),
    ("₫", "VND"),
    ("₴", "UAH"),
    ("₦", "NGN"),
    ("₱", "PHP"),
    ("﷼", "IRR"),
    ("US$", "USD"),
    ("us$", "USD"),
    ("R$", "BRL"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("HK$", "HKD"),
    ("NT$", "TWD"),
    ("S$", "SGD"),
    ("NZ$", "NZD"),
    ("MX$", "MXN"),
    ("CN¥", "CNY"),
    ("JP¥", "JPY"),
    ("zł", "PLN"),
    ("kr", ""),
    ("kr.", ""),
    ("Kč", "CZK"),
    ("Ft", "HUF"),
    ("lei", "RON"),
    ("Fr", ""),
    ("Fr.", ""),
    ("元", "CNY"),
    ("人民币", "CNY"),
    ("人民幣", "CNY"),
    ("圆", "CNY"),
    ("rmb", "CNY"),
    ("Rmb", "CNY"),
    ("RMB", "CNY"),
    ("円", "JPY"),
    ("원", "KRW"),
    ("ریال", "IRR"),
    ("ريال", "IRR"),
    ("تومان", "IRT"),
    ("تومن", "IRT"),
    ("ر.س", "SAR"),
    ("د.إ", "AED"),
    ("ج.م", "EGP"),
    ("ل.ل", "LBP"),
    ("د.ك", "KWD"),
    ("درهم", "AED"),
    ("دينار", ""),
];

/// A currency cell as a code: trimmed, upper case, with the unambiguous symbols and
/// words read as their ISO 4217 code (`€` → `EUR`, `元` → `CNY`, `تومان` → `IRT`, see
/// [`SYMBOLS`]). Ambiguous symbols (`$`, `¥`, `kr`) stay as written. Blank stays blank.
pub fn code(raw: &str) -> Cow<'_, str> {
    let s = raw.trim();
    match SYMBOLS.iter().find(|(symbol, _)| *symbol == s) {
        Some((_, named)) if !named.is_empty() => Cow::Borrowed(named),
        _ if s.bytes().all(|b| b.is_ascii_uppercase()) => Cow::Borrowed(s),
        _ => Cow::Owned(s.to_uppercase()),
    }
}

/// What the user supplied to convert currencies: amount × rate is in `base`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rates {
    pub base: Option<String>,
    pub rates: BTreeMap<String, Decimal>,
}

impl Rates {
    /// The amount in the base currency and the base's code, when `code` has a rate (or
    /// is the base). Converted amounts are rounded to cents, half away from zero.
    pub fn convert(&self, code: &str, amount: Option<Decimal>) -> Option<(Option<Decimal>, &str)> {
        let base = self.base.as_deref().unwrap_or("");
        if !base.is_empty() && code == base {
            return Some((amount, base));
        }
        let rate = self.rates.get(code)?;
        let converted = amount.map(|a| (a * rate).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero));
        Some((converted, base))
    }
}
