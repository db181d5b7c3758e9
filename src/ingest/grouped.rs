//! Report layouts of accounting tools (QuickBooks' "Sales by Customer Detail", Xero's and
//! Zoho Books' reports by contact): the first column has no header, each customer's (or
//! account's) name stands alone on a row above its lines, the lines leave that column
//! blank, and a subtotal (`Total for Ann Lee`, `Ann Lee 合计`) follows them, a total at
//! the end. The name is the customer of the lines below; a row with that column filled
//! and no line's id is a subtotal or the total, in whatever words.

use super::footer::{opening, Opening};

/// What a grouping column holds, as a header the recognition reads: the customer (of
/// orders) or the account (of deals), both named by this word.
pub const GROUP_HEADER: &str = "customer";

/// The column the rows below `headers` are grouped by, if they are: a first column with
/// no header that is filled on rows of their own (the names), blank on the lines, and
/// filled beside other values on no more rows than a subtotal per name and a total.
pub fn grouped_column(headers: &[String], rows: &[Vec<String>]) -> Option<usize> {
    if headers.len() < 3 || !headers[0].trim().is_empty() || headers[1..].iter().all(|h| h.trim().is_empty()) {
        return None;
    }
    let (mut names, mut lines, mut totals) = (0, 0, 0);
    for row in rows {
        let first = row.first().map_or("", |c| c.trim());
        let others = row.iter().skip(1).filter(|c| !c.trim().is_empty()).count();
        match (first.is_empty(), others) {
            (true, 0) => {}
            (true, _) => lines += 1,
            (false, 0) if opening(first) == Opening::Other => names += 1,
            (false, 0) => {}
            (false, _) => totals += 1,
        }
    }
    (names >= 1 && lines >= 1 && totals <= names + 1).then_some(0)
}

/// `headers` as the recognition reads them: the grouping column named [`GROUP_HEADER`].
pub fn as_recognised(headers: &[String], group: Option<usize>) -> Vec<String> {
    let mut h = headers.to_vec();
    if let Some(c) = group {
        h[c] = GROUP_HEADER.to_string();
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::test_rows as rows;

    #[test]
    fn names_above_their_lines() {
        let header = rows(&[",Date,Num,Amount"]).remove(0);
        let report = rows(&[
            "Ann Lee,,,",
            ",03/05/2024,1001,20.00",
            "Total for Ann Lee,,,20.00",
            "Bob,,,",
            ",03/06/2024,1002,5",
            "Summe Bob,,,5",
        ]);
        assert_eq!(grouped_column(&header, &report), Some(0));
        // a total in other words
        let mut other_words = report.clone();
        other_words.push(vec!["Gesamtsumme".into(), "".into(), "".into(), "25.00".into()]);
        assert_eq!(grouped_column(&header, &other_words), Some(0));
        // a first column filled on the lines is the lines' own
        let plain = rows(&["Ann,03/05/2024,1001,20.00", "Bob,03/06/2024,1002,5"]);
        assert_eq!(grouped_column(&header, &plain), None);
        // a named first column is no grouping column
        let named = rows(&["Customer,Date,Num,Amount"]).remove(0);
        assert_eq!(grouped_column(&named, &report), None);
        assert_eq!(as_recognised(&header, Some(0))[0], "customer");
    }
}
