//! Sniffing the start of a file: things that are not CSV, the byte-order mark, and the
//! delimiter.

/// What the first bytes of a file say about it.
#[derive(Debug, PartialEq, Eq)]
pub enum Sniffed {
    /// Looks like delimited text.
    Text { bom_len: usize, delimiter: u8 },
    /// Not a CSV: the message says what it is and what to do.
    NotCsv(String),
}

/// Bytes the sniffer wants before deciding (unless the file ends first).
pub const SNIFF_BYTES: usize = 64 * 1024;

/// Decides from the head of the file (up to the first line break, or all of `head`).
pub fn sniff(head: &[u8]) -> Sniffed {
    if head.starts_with(b"PK\x03\x04") {
        return Sniffed::NotCsv(
            "This is an Excel workbook (.xlsx) or another zipped file, not a CSV. In Excel choose File › Save As › \"CSV UTF-8 (Comma delimited)\" and drop the .csv file.".into(),
        );
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Sniffed::NotCsv(
            "This is an old Excel workbook (.xls), not a CSV. In Excel choose File › Save As › \"CSV UTF-8 (Comma delimited)\" and drop the .csv file.".into(),
        );
    }
    if head.starts_with(b"%PDF") {
        return Sniffed::NotCsv(
            "This is a PDF document, not a CSV. Export the data from your CRM or spreadsheet as CSV.".into(),
        );
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Sniffed::NotCsv(
            "This file is UTF-16 text (Excel's \"Unicode text\"), which is not read yet. Save it as \"CSV UTF-8\" instead.".into(),
        );
    }
    let bom_len = if head.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
    let body = &head[bom_len..];
    if body.iter().take(4096).any(|&b| b == 0) {
        return Sniffed::NotCsv("This file holds binary data, not CSV text.".into());
    }
    Sniffed::Text { bom_len, delimiter: delimiter_of(first_line(body)) }
}

fn first_line(body: &[u8]) -> &[u8] {
    let mut in_quotes = false;
    for (i, &b) in body.iter().enumerate() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => return &body[..i],
            _ => {}
        }
    }
    body
}

/// The candidate (`,` `;` tab `|`) seen most often outside quotes; `,` on a tie or none.
fn delimiter_of(line: &[u8]) -> u8 {
    const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];
    let mut counts = [0usize; 4];
    let mut in_quotes = false;
    for &b in line {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if !in_quotes {
            if let Some(i) = CANDIDATES.iter().position(|&c| c == b) {
                counts[i] += 1;
            }
        }
    }
    let mut best = 0;
    for i in 1..CANDIDATES.len() {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    CANDIDATES[best]
}

/// True when `head` holds enough to sniff: a line break outside quotes, or the cap.
pub fn has_enough(head: &[u8]) -> bool {
    head.len() >= SNIFF_BYTES || first_line(head).len() < head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters() {
        assert_eq!(sniff(b"a,b,c\n1,2,3"), Sniffed::Text { bom_len: 0, delimiter: b',' });
        assert_eq!(sniff(b"\xEF\xBB\xBFa;b;\"c,d\"\n"), Sniffed::Text { bom_len: 3, delimiter: b';' });
        assert_eq!(sniff(b"a\tb\tc\r\n"), Sniffed::Text { bom_len: 0, delimiter: b'\t' });
        assert_eq!(sniff(b"a|b|c"), Sniffed::Text { bom_len: 0, delimiter: b'|' });
    }

    #[test]
    fn not_csv() {
        assert!(matches!(sniff(b"PK\x03\x04rest"), Sniffed::NotCsv(m) if m.contains("xlsx")));
        assert!(
            matches!(sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), Sniffed::NotCsv(m) if m.contains(".xls"))
        );
        assert!(matches!(sniff(b"a,b\x00c"), Sniffed::NotCsv(_)));
    }

    #[test]
    fn enough() {
        assert!(!has_enough(b"a,b,c"));
        assert!(has_enough(b"a,b\n"));
        assert!(!has_enough(b"\"a\nb\",c"));
    }
}
