//! Row numbers as a spreadsheet shows them: every line outside quotes is a row, empty
//! ones included (a multi-line cell stays in its row). Checked against the rows the
//! generator wrote each record on, over random files with empty lines, CRLF, LF and lone
//! CR line ends, multi-line cells and title lines, pushed in random chunks.

mod common;
use common::*;
use proptest::prelude::*;

/// One piece of a file after its header: an empty line, or a deal whose amount is good
/// or not (`n/a`, listed as a problem on its row), with or without a multi-line note.
#[derive(Clone, Debug)]
enum Piece {
    Empty,
    Deal { bad: bool, note: bool },
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        1 => Just(Piece::Empty),
        3 => (any::<bool>(), any::<bool>()).prop_map(|(bad, note)| Piece::Deal { bad, note }),
    ]
}

/// The file, the rows of its bad amounts, and its empty lines after the header.
fn file(title: bool, pieces: &[Piece], end: &str) -> (Vec<u8>, Vec<u64>, u64, u64) {
    let mut text = String::new();
    let mut row = 0u64;
    if title {
        text.push_str(&format!("Pipeline report{end}{end}"));
        row += 2;
    }
    text.push_str(&format!("deal_id,owner,stage,amount,created_date,closed_date,note{end}"));
    row += 1;
    let header = row;
    let (mut bad_rows, mut empty) = (Vec::new(), 0);
    for (i, p) in pieces.iter().enumerate() {
        row += 1;
        match p {
            Piece::Empty => {
                text.push_str(end);
                empty += 1;
            }
            Piece::Deal { bad, note } => {
                let amount = if *bad { "n/a" } else { "100" };
                let note = if *note { format!("\"first line{end}second, line\"") } else { "plain".into() };
                text.push_str(&format!("D{i},Ann,Won,{amount},2024-01-0{},2024-02-01,{note}{end}", 1 + i % 9));
                if *bad {
                    bad_rows.push(row);
                }
            }
        }
    }
    (text.into_bytes(), bad_rows, empty, header)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_line_outside_quotes_is_a_row(
        title in any::<bool>(),
        pieces in prop::collection::vec(piece(), 1..60),
        end in prop_oneof![Just("\n"), Just("\r\n"), Just("\r")],
        chunk in 1usize..200,
    ) {
        // a deal after the last piece: empty lines at the end are no rows of data
        let mut pieces = pieces;
        pieces.push(Piece::Deal { bad: false, note: false });
        let (bytes, bad_rows, empty, header) = file(title, &pieces, end);
        let r = analyze(&[("d.csv", &bytes)], options(None, None, Some("2024-06-01")), chunk);
        let f = &r.files[0];
        prop_assert_eq!(f.error.as_ref().map(|e| e.message.clone()), None);
        prop_assert_eq!(f.header_row, header);
        let rows: Vec<u64> = r.problems.items.iter().filter(|p| p.reason_code.code == "not_number").map(|p| p.row).collect();
        prop_assert_eq!(rows, bad_rows);
        prop_assert_eq!(f.skipped.blank_rows, empty);
    }
}

#[test]
fn a_bad_value_after_three_empty_lines_is_on_the_row_a_spreadsheet_shows() {
    for end in ["\n", "\r\n"] {
        let text = format!(
            "deal_id,owner,stage,amount,created_date,closed_date{end}D1,Ann,Won,100,2024-01-01,2024-02-01{end}\
             {end}{end}{end}D2,Bob,Won,abc,2024-01-01,2024-02-01{end}"
        );
        let r = analyze(&[("d.csv", text.as_bytes())], options(None, None, Some("2024-06-01")), 1 << 16);
        let p = &r.problems.items[0];
        assert_eq!((p.row, p.column.as_str(), p.value.as_str()), (6, "amount", "abc"), "{end:?}");
        assert_eq!(r.files[0].skipped.blank_rows, 3);
    }
}
