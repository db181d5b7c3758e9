//! Report layouts of accounting tools (QuickBooks' "Sales by Customer Detail", Xero's and
//! Zoho Books' reports by contact): the first column has no header, each customer's (or
//! account's) name stands alone on a row above its lines, the lines leave that column
//! blank, and `Total for …` rows follow them. The name is the customer of the lines below.

use super::footer::{opening, Opening};

/// What a grouping column holds, as a header the recognition reads: the customer (of
/// orders) or the account (of deals), both named by this word.
pub const GROUP_HEADER: &str = "customer";

/// The column the rows below `headers` are grouped by, if they are: a first column with
/// no header that is filled only on rows of their own (the names) and on summary rows,
/// and blank on the lines.
pub fn grouped_column(headers: &[String], rows: &[Vec<String>]) -> Option<usize> {
    if headers.len() < 3 || !headers[0].trim().is_empty() || headers[1..].iter().all(|h| h.trim().is_empty()) {
        return None;
    }
    let (mut names, mut lines) = (0, 0);
    for row in rows {
        let first = row.first().map_or("", |c| c.trim());
        let others = row.iter().skip(1).filter(|c| !c.trim().is_empty()).count();
        match (first.is_empty(), others) {
            (true, 0) => {}
            (true, _) => lines += 1,
            (false, 0) if opening(first) == Opening::Other => names += 1,
            (false, _) if opening(first) == Opening::Summary => {}
            (false, 0) => {}
            // a line that names its own customer: not a grouped report
            (false, _) => return None,
        }
    }
    (names >= 1 && lines >= 1).then_some(0)
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

    fn rows(lines: &[&str]) -> Vec<Vec<String>> {
        lines.iter().map(|l| l.split(',').map(String::from).collect()).collect()
    }

    #[test]
    fn names_above_their_lines() {
        let header = rows(&[",Date,Num,Amount"]).remove(0);
        let report = rows(&[
            "Ann Lee,,,",
            ",03/05/2024,1001,20.00",
            "Total for Ann Lee,,,20.00",
            "Bob,,,",
            ",03/06/2024,1002,5",
        ]);
        assert_eq!(grouped_column(&header, &report), Some(0));
        // a first column filled on the lines is the lines' own
        let plain = rows(&["Ann,03/05/2024,1001,20.00", "Bob,03/06/2024,1002,5"]);
        assert_eq!(grouped_column(&header, &plain), None);
        // a named first column is no grouping column
        let named = rows(&["Customer,Date,Num,Amount"]).remove(0);
        assert_eq!(grouped_column(&named, &report), None);
        assert_eq!(as_recognised(&header, Some(0))[0], "customer");
    }
}
