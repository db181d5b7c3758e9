//! Currency codes and the user's conversion rates: the vocabulary that the options, the
//! engine and the money metrics share (a leaf: it imports nothing of the crate).

use rust_decimal::{Decimal, RoundingStrategy};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A currency cell as a code: trimmed, upper case, with the unambiguous symbols and
/// words read as their ISO 4217 code (`€` → `EUR`, `元` → `CNY`, `تومان` → `IRT`).
/// Ambiguous symbols (`$`, `¥`, `kr`) stay as written. Blank stays blank.
pub fn code(raw: &str) -> Cow<'_, str> {
    let s = raw.trim();
    if s.bytes().all(|b| b.is_ascii_uppercase()) {
        return Cow::Borrowed(s);
    }
    let named = match s {
        "€" => "EUR",
        "£" => "GBP",
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₺" => "TRY",
        "₫" => "VND",
        "฿" => "THB",
        "₱" => "PHP",
        "₪" => "ILS",
        "US$" | "us$" => "USD",
        "元" | "人民币" | "人民幣" | "rmb" | "Rmb" | "CN¥" | "￥" => "CNY",
        "円" => "JPY",
        "ریال" | "﷼" | "ريال" => "IRR",
        "تومان" | "تومن" => "IRT",
        "درهم" => "AED",
        _ => "",
    };
    if !named.is_empty() {
        return Cow::Borrowed(named);
    }
    Cow::Owned(s.to_uppercase())
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
