//! Header words as tokens. A header is compared with a field's synonyms as a set of words,
//! not as a string: `InvoiceDate`, `invoice_date`, `Invoice Date`, `INVOICE DATE` and
//! `invoiceDate` are all {invoice, date}. Words are split at white space, punctuation and
//! camelCase; qualifiers in brackets (`Created (UTC)`, `Email (Billing)`, `金额（元）`) and
//! currency codes are dropped; `#`, `No.`, `Nr.`, `Number` are all the word `id`; a run of
//! letters written as one word (`ORDERNUMBER`, `customername`) is split into the words the
//! synonyms use, when it splits into them exactly.

use crate::text::normalize_label;
use std::collections::HashSet;

/// The words of a header, in order, each in normal form (see [`normalize_label`]).
pub fn tokens(header: &str) -> Vec<String> {
    tokens_as_written(header).into_iter().map(|(t, _)| t).collect()
}

/// The words of a header, in order, each in normal form beside the word as written (a
/// run split into words, `ORDERNUMBER`, gives its parts in normal form).
pub fn tokens_as_written(header: &str) -> Vec<(String, String)> {
    let inner = strip_brackets(header);
    // A header that is nothing but a bracketed qualifier keeps its words.
    let text = if words(&inner).is_empty() {
        header.replace(['(', ')', '[', ']', '（', '）', '【', '】'], " ")
    } else {
        inner
    };
    let mut out = Vec::new();
    for written in words(&text) {
        let w = canonical(&written);
        if w.is_empty() || QUALIFIERS.contains(&w.as_str()) || ARTICLES.contains(&w.as_str()) {
            continue;
        }
        match split_compound(&w) {
            Some(parts) => out.extend(parts.into_iter().map(|p| (p.clone(), p))),
            None => out.push((w, written)),
        }
    }
    out
}

/// The words of a header as a sorted list: two headers with the same words in any order
/// are the same key.
pub fn token_set(header: &str) -> Vec<String> {
    let mut t = tokens(header);
    t.sort();
    t
}

/// `s` without the parts in brackets.
fn strip_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '(' | '[' | '（' | '【' => depth += 1,
            ')' | ']' | '）' | '】' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Splits at white space, punctuation, camelCase and letter–digit changes; `#` and `№`
/// are words of their own. Chinese and Japanese runs stay one word.
fn words(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().filter(|c| !matches!(c, '\u{feff}' | '"' | '`')).collect();
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            out.push(std::mem::take(cur));
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        if c == '#' || c == '№' {
            flush(&mut cur, &mut out);
            out.push("#".into());
            continue;
        }
        if c.is_whitespace()
            || (c.is_ascii_punctuation() && c != '&')
            || matches!(c, '\u{200c}' | '、' | '，' | '：' | '／' | '·')
        {
            flush(&mut cur, &mut out);
            continue;
        }
        if let Some(&prev) = cur.chars().last().as_ref() {
            let next = chars.get(i + 1).copied();
            let camel = prev.is_lowercase() && c.is_uppercase()
                || prev.is_uppercase() && c.is_uppercase() && next.is_some_and(|n| n.is_lowercase());
            let digit = prev.is_ascii_digit() != c.is_ascii_digit() && (prev.is_alphabetic() || c.is_alphabetic());
            let script = is_cjk(prev) != is_cjk(c);
            if camel || digit || script {
                flush(&mut cur, &mut out);
            }
        }
        cur.push(c);
    }
    flush(&mut cur, &mut out);
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// A word in normal form, with the words for "number" as `id`.
fn canonical(w: &str) -> String {
    let l = normalize_label(w);
    match l.as_str() {
        "#" | "no" | "nr" | "num" | "nbr" | "number" | "nummer" | "numéro" | "numero" | "número" | "n°" | "nº"
        | "номер" | "№" | "شماره" | "رقم" | "番号" | "号" | "编号" | "編號" => "id".into(),
        "identifier" | "ident" => "id".into(),
        // a sales rep, as CRMs and Olist abbreviate it (`sr_id`)
        "sr" => "rep".into(),
        _ => l,
    }
}

/// Articles and prepositions between the words of a header (`Nom du compte`, `Propriétaire
/// de l'opportunité`, `Nombre de la cuenta`).
const ARTICLES: &[&str] = &[
    "l", "d", "de", "du", "des", "la", "le", "les", "el", "los", "las", "del", "da", "do", "dos", "das", "der", "die",
    "von", "of", "the",
];

/// Words that qualify a header without naming its field: currency codes and time zones.
const QUALIFIERS: &[&str] = &[
    "usd",
    "eur",
    "gbp",
    "cny",
    "rmb",
    "jpy",
    "chf",
    "cad",
    "aud",
    "inr",
    "rub",
    "brl",
    "irr",
    "irt",
    "try",
    "sek",
    "nok",
    "dkk",
    "pln",
    "aed",
    "sar",
    "hkd",
    "twd",
    "krw",
    "mxn",
    "utc",
    "gmt",
    "$",
    "€",
    "£",
    "¥",
    "元",
    "ریال",
    "تومان",
];

/// A long word written without spaces (`ordernumber`, `quantityordered`) as the known words
/// it is made of, when it is made of known words only (at most four of them).
fn split_compound(w: &str) -> Option<Vec<String>> {
    if w.len() < 6 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let vocab = vocabulary();
    if vocab.contains(w) {
        return None;
    }
    // fewest pieces first: best[i] = the split of w[..i] with fewest pieces
    let n = w.len();
    let mut best: Vec<Option<Vec<usize>>> = vec![None; n + 1];
    best[0] = Some(Vec::new());
    for end in 2..=n {
        for start in 0..end.saturating_sub(1) {
            let Some(prefix) = &best[start] else { continue };
            if vocab.contains(&w[start..end]) && best[end].as_ref().is_none_or(|b| b.len() > prefix.len() + 1) {
                let mut cuts = prefix.clone();
                cuts.push(end);
                best[end] = Some(cuts);
            }
        }
    }
    let cuts = best[n].take().filter(|c| c.len() >= 2 && c.len() <= 4)?;
    let mut start = 0;
    Some(
        cuts.into_iter()
            .map(|end| {
                let part = canonical(&w[start..end]);
                start = end;
                part
            })
            .collect(),
    )
}

/// Every ASCII word of every field's synonyms (and a few words exports join to them), at
/// least two letters long: the words a joined-up header may be made of.
fn vocabulary() -> &'static HashSet<String> {
    static VOCAB: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    VOCAB.get_or_init(|| {
        let mut v: HashSet<String> = HashSet::new();
        let synonyms = super::schema::KINDS.iter().flat_map(|k| k.fields.iter()).flat_map(|f| f.synonyms.iter());
        for s in synonyms.chain(EXTRA_WORDS) {
            for w in words(s) {
                let w = normalize_label(&w);
                if w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase()) {
                    v.insert(w);
                }
            }
        }
        v
    })
}

/// Words that join field words in exports' headers without naming a field themselves.
const EXTRA_WORDS: &[&str] = &[
    "line",
    "each",
    "ordered",
    "code",
    "name",
    "first",
    "last",
    "contact",
    "address",
    "city",
    "state",
    "postal",
    "country",
    "phone",
    "territory",
    "stock",
    "invoice",
    "billing",
    "shipping",
    "email",
    "unit",
    "per",
    "net",
    "gross",
    "tax",
    "qty",
    "number",
    "no",
    "nr",
    "num",
    "size",
    "msrp",
    "month",
    "year",
    "qtr",
    "id",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        tokens(s)
    }

    #[test]
    fn spellings_of_one_header_are_one_set() {
        let want = vec!["invoice".to_string(), "date".to_string()];
        for h in [
            "InvoiceDate",
            "invoice_date",
            "Invoice Date",
            "INVOICE DATE",
            "invoiceDate",
            "invoice-date",
            "INVOICEDATE",
        ] {
            assert_eq!(t(h), want, "{h}");
        }
        assert_eq!(t("CustomerID"), ["customer", "id"]);
        assert_eq!(t("ORDERNUMBER"), ["order", "id"]);
        assert_eq!(t("Order No."), ["order", "id"]);
        assert_eq!(t("Invoice #"), ["invoice", "id"]);
        assert_eq!(t("QUANTITYORDERED"), ["quantity", "ordered"]);
        assert_eq!(t("PRICEEACH"), ["price", "each"]);
    }

    #[test]
    fn qualifiers_are_dropped() {
        assert_eq!(t("Created (UTC)"), ["created"]);
        assert_eq!(t("Email (Billing)"), ["email"]);
        assert_eq!(t("Amount USD"), ["amount"]);
        assert_eq!(t("金额（元）"), ["金额"]);
        assert_eq!(t("(Do Not Modify) Opportunity"), ["opportunity"]);
        assert!(t("(UTC)").is_empty());
    }

    #[test]
    fn scripts_and_persian_letters() {
        assert_eq!(t("订单 ID"), ["订单", "id"]);
        assert_eq!(t("Deal 金额"), ["deal", "金额"]);
        assert_eq!(t("نام مشتري"), t("نام مشتری"));
        assert_eq!(t("Propriétaire de l'opportunité"), ["propriétaire", "opportunité"]);
    }

    proptest::proptest! {
        /// Changing a header's case, spacing, separators or camelCase never changes its words.
        #[test]
        fn spelling_never_changes_the_words(words in proptest::collection::vec("[a-z]{2,8}", 1..4), sep in 0usize..5) {
            let plain = words.join(" ");
            let spelled = match sep {
                0 => words.join("_"),
                1 => words.join(" - ").to_uppercase(),
                2 => words.iter().map(|w| w[..1].to_uppercase() + &w[1..]).collect::<String>(),
                3 => format!("  {}  ", words.join("  ")),
                _ => words.join(".").to_uppercase(),
            };
            proptest::prop_assert_eq!(token_set(&spelled), token_set(&plain));
        }
    }
}
