//! Text helpers shared by ingest: field bytes to text, and the normal form of names
//! used to match headers, stage words and owners.

use std::borrow::Cow;

/// `s` without surrounding white space (Unicode's, NBSP included), fast when the ends
/// are ASCII.
#[inline]
pub fn trim_cell(s: &str) -> &str {
    let t = s.trim_ascii();
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii() && b.is_ascii() => t,
        // a blank cell: nothing to trim (and no call to `trim`)
        (None, _) => t,
        _ => t.trim(),
    }
}

/// `s` cut to at most `max` characters, the cut said by a final `…`.
pub fn clip(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some(_) => {
            let keep = s.char_indices().nth(max.saturating_sub(1)).map_or(s.len(), |(i, _)| i);
            Cow::Owned(format!("{}…", &s[..keep]))
        }
    }
}

/// `s` in quotes for a message, cut to 60 characters: what a message echoes of the input
/// (Debug formatting, `{:?}`, is compiled out of the wasm build and prints nothing).
pub fn quoted(s: &str) -> String {
    format!("\"{}\"", clip(s, 60))
}

/// Headers in a message: the first `MAX_LISTED`, each clipped to `MAX_HEADER` characters,
/// then `…` when there were more.
pub fn header_list(headers: impl IntoIterator<Item = impl AsRef<str>>) -> Vec<String> {
    let mut out = Vec::new();
    for (i, h) in headers.into_iter().enumerate() {
        if i == MAX_LISTED {
            out.push("…".to_string());
            break;
        }
        out.push(clip(h.as_ref(), MAX_HEADER).into_owned());
    }
    out
}

/// How many headers a message lists, and how long each may be.
const MAX_LISTED: usize = 10;
pub const MAX_HEADER: usize = 40;

/// A field's bytes as text (invalid UTF-8 replaced), without surrounding white space.
pub fn field_text(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(trim_cell(s)),
        Err(_) => Cow::Owned(String::from_utf8_lossy(bytes).trim().to_string()),
    }
}

/// The normal form of a header or label: lower case, `_ - . / :` and runs of white
/// space (including NBSP) folded to one space, trimmed, quotes and a BOM removed.
pub fn normalize_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c == '\u{feff}' || c == '"' || c == '\'' {
            continue;
        }
        if c.is_whitespace() || matches!(c, '_' | '-' | '\u{2010}'..='\u{2015}' | '.' | '/' | ':' | '\u{200c}') {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            // No space beside Chinese: `订单 ID` (Superstore's header) is `订单id`.
            if !is_cjk(c) && !out.chars().next_back().is_some_and(is_cjk) {
                out.push(' ');
            }
            pending_space = false;
        }
        out.extend(persian_letter(c).to_lowercase());
    }
    out
}

/// A Chinese or Japanese character (ideographs, kana, CJK and full-width punctuation),
/// written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FFEF}')
}

/// A yes/no cell (`1`/`0`, `true`/`false`, `yes`/`no`, `Y`/`N`, `是`/`否`, `بله`/`خیر`).
pub fn parse_flag(cell: &str) -> Option<bool> {
    let c = cell.trim();
    let is = |words: &[&str]| words.iter().any(|w| c.eq_ignore_ascii_case(w));
    if is(&["1", "true", "yes", "y", "x", "是", "بله", "آری"]) {
        Some(true)
    } else if is(&["0", "false", "no", "n", "否", "خیر", "نه"]) {
        Some(false)
    } else {
        None
    }
}

/// `c` as header and label matching sees it: lower case (ASCII), Persian letters for
/// their Arabic forms.
pub fn fold_letter(c: char) -> char {
    persian_letter(c.to_ascii_lowercase())
}

/// Arabic yeh and kaf (typed on Arabic keyboards, and all Windows-1256 holds) as the
/// Persian letters, so `مشتري` and `مشتری` are one word.
fn persian_letter(c: char) -> char {
    match c {
        '\u{064A}' | '\u{0649}' => '\u{06CC}',
        '\u{0643}' => '\u{06A9}',
        c => c,
    }
}

/// The key under which a name (owner, account, stage) is grouped: trimmed, white space
/// folded, case-insensitive. The first spelling seen is the one displayed.
pub fn group_key(s: &str) -> String {
    group_chars(s).collect()
}

/// The characters of [`group_key`], one at a time (to hash or compare names without
/// building their keys).
pub fn group_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.split_whitespace().enumerate().flat_map(|(i, word)| {
        (i > 0).then_some(' ').into_iter().chain(word.chars().map(persian_letter).flat_map(char::to_lowercase))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_bounded() {
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("abcd", 3), "ab…");
        assert_eq!(clip("金额金额", 2), "金…");
        let many: Vec<String> = (0..10_000).map(|i| format!("header number {i} {}", "x".repeat(100))).collect();
        let listed = header_list(&many);
        assert_eq!((listed.len(), listed[10].as_str()), (11, "…"));
        assert!(listed[..10].iter().all(|h| h.chars().count() == 40 && h.ends_with('…')));
        assert_eq!(header_list(["a", "b"]), ["a", "b"]);
    }

    #[test]
    fn labels() {
        assert_eq!(normalize_label("\u{feff}Deal - Value"), "deal value");
        assert_eq!(normalize_label("close_date"), "close date");
        assert_eq!(normalize_label("  Opportunity Owner "), "opportunity owner");
        assert_eq!(normalize_label("金额"), "金额");
        assert_eq!(normalize_label("订单 ID"), "订单id");
        assert_eq!(normalize_label("客户 ID"), "客户id");
        assert_eq!(normalize_label("省/自治区"), "省自治区");
        assert_eq!(normalize_label("Deal 金额 USD"), "deal金额usd");
        assert_eq!(group_key("  Ann   SMITH "), "ann smith");
        assert_eq!(trim_cell(" a b\u{a0}"), "a b");
        assert_eq!(trim_cell("\u{3000}全角 "), "全角");
        assert_eq!(normalize_label("مشتري"), normalize_label("مشتری"));
        assert_eq!(group_key("علي"), group_key("علی"));
    }
}
