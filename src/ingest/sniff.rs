//! Sniffing the head of a file: formats that are not CSV, Excel's `sep=` line, and the
//! delimiter.

use super::notes::FileErrorKind;
/// Bytes the sniffer wants before deciding (unless the file ends first).
pub const SNIFF_BYTES: usize = 64 * 1024;

/// A message when the bytes are a known non-CSV format.
pub fn not_csv(head: &[u8]) -> Option<FileErrorKind> {
    if head.starts_with(b"PK\x03\x04") {
        return Some(FileErrorKind::Xlsx);
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(FileErrorKind::Xls);
    }
    if head.starts_with(b"%PDF") {
        return Some(FileErrorKind::Pdf);
    }
    None
}

/// Excel's first line `sep=;` names the delimiter: returns it and the bytes to skip.
pub fn sep_line(text: &[u8]) -> Option<(u8, usize)> {
    let line_end = text.iter().position(|&b| b == b'\n' || b == b'\r').unwrap_or(text.len());
    let line = &text[..line_end];
    let rest = line.strip_prefix(b"sep=").or_else(|| line.strip_prefix(b"\"sep="))?;
    let delimiter = *rest.first()?;
    let mut skip = line_end;
    while skip < text.len() && (text[skip] == b'\r' || text[skip] == b'\n') {
        skip += 1;
        if text[skip - 1] == b'\n' {
            break;
        }
    }
    Some((delimiter, skip))
}

const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The delimiter that splits the first lines most consistently: for each candidate, the
/// most common number of fields per line (over up to 30 non-empty lines), and how many
/// lines have it. Title lines above the header (one field) do not disturb it.
pub fn delimiter_of(text: &[u8]) -> u8 {
    let lines = logical_lines(text, 30);
    let mut best = (0usize, 0usize, b',');
    for &c in &CANDIDATES {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, c)).collect();
        let mut freq: Vec<(usize, usize)> = Vec::new();
        for &n in counts.iter().filter(|&&n| n > 0) {
            match freq.iter_mut().find(|(k, _)| *k == n) {
                Some((_, f)) => *f += 1,
                None => freq.push((n, 1)),
            }
        }
        let (mode, lines_with_mode) = freq.iter().copied().max_by_key(|&(n, f)| (f, n)).unwrap_or((0, 0));
        if (lines_with_mode, mode) > (best.0, best.1) {
            best = (lines_with_mode, mode, c);
        }
    }
    best.2
}

/// Up to `max` non-empty lines, a quoted line break kept inside its line.
fn logical_lines(text: &[u8], max: usize) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let (mut start, mut in_quotes) = (0, false);
    for (i, &b) in text.iter().enumerate() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => {
                if i > start {
                    lines.push(&text[start..i]);
                    if lines.len() == max {
                        return lines;
                    }
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    if text.len() > start {
        lines.push(&text[start..]);
    }
    lines
}

fn count_outside_quotes(line: &[u8], delimiter: u8) -> usize {
    let mut in_quotes = false;
    line.iter()
        .filter(|&&b| {
            if b == b'"' {
                in_quotes = !in_quotes;
            }
            !in_quotes && b == delimiter
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters() {
        assert_eq!(delimiter_of(b"a,b,c\n1,2,3"), b',');
        assert_eq!(delimiter_of(b"a;b;\"c,d\"\n1;2;\"3,5\"\n"), b';');
        assert_eq!(delimiter_of(b"a\tb\tc\r\n1\t2\t3"), b'\t');
        assert_eq!(delimiter_of(b"a|b|c"), b'|');
        // a title line with a comma does not outvote the table's semicolons
        assert_eq!(delimiter_of(b"Sales report, 2024\n\nid;owner;amount\n1;A;1,5\n2;B;2,5\n"), b';');
    }

    #[test]
    fn sep_lines() {
        assert_eq!(sep_line(b"sep=;\r\na;b\r\n"), Some((b';', 7)));
        assert_eq!(sep_line(b"sep=|\na|b"), Some((b'|', 6)));
        assert_eq!(sep_line(b"a,b\n"), None);
    }

    #[test]
    fn not_csv_formats() {
        assert_eq!(not_csv(b"PK\x03\x04rest"), Some(FileErrorKind::Xlsx));
        assert_eq!(not_csv(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), Some(FileErrorKind::Xls));
        assert!(not_csv(b"a,b\n").is_none());
    }
}
