//! File-level behaviour: things that are not CSV, empty files, unknown columns, ragged
//! rows, several files at once.

mod common;
use common::*;
use serde_json::json;

fn one(name: &str, bytes: &[u8]) -> sales_metrics::Report {
    analyze(&[(name, bytes)], options(None, None, Some("2024-04-01")), 1000)
}

#[test]
fn xlsx_is_named_and_explained() {
    let r = one("deals.xlsx", b"PK\x03\x04\x14\x00\x06\x00rest-of-zip");
    let err = r.files[0].error.as_ref().expect("an error");
    assert_eq!(err.code, "not_csv");
    assert!(err.message.contains("Excel") && err.message.contains("CSV UTF-8"), "{}", err.message);
    assert!(value(&r, "revenue").is_null());
}

#[test]
fn empty_and_blank_files() {
    for bytes in [&b""[..], b"\n\n  \r\n"] {
        let r = one("empty.csv", bytes);
        assert_eq!(r.files[0].error.as_ref().map(|e| e.code.as_str()), Some("empty"));
    }
}

#[test]
fn unrecognised_columns_list_found_and_missing() {
    let r = one("contacts.csv", b"name,email,phone\nA,a@x,1\n");
    let err = r.files[0].error.as_ref().expect("an error");
    assert_eq!(err.code, "unrecognised_columns");
    assert!(err.message.contains("Found: name, email, phone"), "{}", err.message);
    // an email is a customer: the nearest table is an orders file
    assert!(err.message.contains("nearest to the orders table"), "{}", err.message);
    assert!(err.message.contains("missing: order_id, order_date, amount"), "{}", err.message);
    assert_eq!(r.metrics["revenue"].reason.as_deref().map(|s| s.starts_with("needs a deals file")), Some(true));
}

#[test]
fn ragged_rows_are_reported_and_used() {
    let csv = b"deal_id,owner,stage,amount,created_date,closed_date\n1,A,Won,10,2024-01-01,2024-01-05\n2,B,Won,20\n3,C,Lost,5,2024-01-01,2024-01-02,extra\n";
    let r = one("ragged.csv", csv);
    assert_eq!(value(&r, "deals_won"), json!(2));
    assert_eq!(value(&r, "revenue"), json!("30"));
    let ragged: Vec<_> = r.problems.items.iter().filter(|p| p.reason.contains("fields")).map(|p| p.row).collect();
    assert_eq!(ragged, vec![3, 4]);
}

#[test]
fn bad_dates_and_reversed_dates() {
    let csv = b"deal_id,owner,stage,amount,created_date,closed_date\n1,A,Won,10,2024-01-10,2024-01-05\n2,A,Won,20,soon,2024-02-01\n";
    let r = one("d.csv", csv);
    // deal 1's close date is the bad field: it is not won on it (deal 2 is, undated creation)
    assert_eq!(value(&r, "deals_won"), json!(1));
    assert_eq!(value(&r, "revenue"), json!("20"));
    assert!(value(&r, "sales_cycle_days").is_null()); // neither deal has a usable cycle
    let reasons: Vec<_> = r.problems.items.iter().map(|p| (p.row, p.column.as_str(), p.reason.as_str())).collect();
    assert_eq!(reasons[0].0, 2);
    assert!(reasons[0].2.starts_with("closed before created"));
    assert_eq!((reasons[1].0, reasons[1].1, reasons[1].2), (3, "created_date", "not a date"));
}

#[test]
fn two_files_are_one_analysis() {
    let a = b"deal_id,owner,stage,amount,created_date,closed_date\n1,Ann,Won,10,2024-01-01,2024-01-05\n";
    let b = b"\xEF\xBB\xBFDeal ID;Deal Owner;Stage;Amount;Created Date;Close Date\r\n2;ann ;Won;1.234,50;2024-01-02;2024-01-03\r\n";
    let r = analyze(&[("a.csv", a), ("b.csv", b)], options(None, None, None), 4);
    assert_eq!(value(&r, "revenue"), json!("1244.50")); // 10 + 1234.50
    let owners = table_rows(&r, "sales_by_owner");
    assert_eq!(owners.len(), 1, "owners join trimmed and case-insensitively");
    assert_eq!(owners[0]["owner"], json!("Ann"));
    assert_eq!(r.files[1].delimiter, ";");
    assert_eq!(r.diagnostics.rows, 2);
}

#[test]
fn day_month_order_decided_from_the_data() {
    let csv = b"deal_id,owner,stage,amount,created_date,closed_date\n1,A,Won,10,3/1/2024,3/11/2024\n2,A,Won,10,25/1/2024,1/2/2024\n";
    let r = one("dmy.csv", csv);
    // 25/1/2024 settles it: day first, for all the file's date columns
    assert_eq!(r.files[0].date_order["created_date"], "day_first");
    assert_eq!(r.files[0].date_order["closed_date"], "day_first");
    // deal 1: 3 Jan → 3 Nov 2024 = 305 days; deal 2: 25 Jan → 1 Feb = 7 days; mean 156
    assert!(close(&value(&r, "sales_cycle_days"), 156.0));
}

#[test]
fn dates_outside_1900_to_2100_are_problems() {
    // 0024 and 9023 are typos for 2024 and 2023: listed, the deal still read without them.
    let csv = "deal_id,owner,account,stage,amount,created_date,closed_date\n\
               1,Ann,Acme,Won,100,0024-01-05,2024-02-04\n2,Bob,Beta,Won,50,2024-01-10,9023-03-01\n3,Cy,Gamma,Won,30,2024-01-01,2024-01-31\n";
    let r = sales_metrics_report(csv);
    let listed: Vec<_> = r.problems.items.iter().map(|p| (p.row, p.value.as_str(), p.reason.as_str())).collect();
    assert_eq!(
        listed,
        [
            (2, "0024-01-05", "date outside the years 1900 to 2100"),
            (3, "9023-03-01", "date outside the years 1900 to 2100")
        ]
    );
    // cycle from deal 3 alone (30 days), not 24,369 days; deal 2 has no close date now
    assert_eq!(value(&r, "sales_cycle_days"), serde_json::json!(30.0));
}

fn sales_metrics_report(csv: &str) -> sales_metrics::Report {
    analyze(&[("d.csv", csv.as_bytes())], options(None, None, Some("2024-06-01")), 1 << 16)
}

#[test]
fn invalid_utf8_late_in_a_file_is_said() {
    // 64 KB of valid UTF-8 decide the encoding; then a Windows-1252 é (0xE9) in a name.
    let mut bytes = b"deal_id,owner,account,stage,amount,created_date,closed_date\n".to_vec();
    let mut n = 0;
    while bytes.len() < 70_000 {
        n += 1;
        bytes.extend_from_slice(format!("{n},Ann,Acme,Won,1,2024-01-01,2024-01-02\n").as_bytes());
    }
    bytes.extend_from_slice(
        b"x1,Jos\xe9,Acme,Won,1,2024-01-01,2024-01-02\nx2,Jos\xe9,Beta,Won,1,2024-01-01,2024-01-02\n",
    );
    let r = analyze(&[("d.csv", &bytes)], options(None, None, Some("2024-06-01")), 1 << 16);
    let f = &r.files[0];
    assert_eq!(f.encoding, "UTF-8");
    // header is row 1, the n valid rows are 2..=n+1
    assert_eq!((f.invalid_text_rows, f.first_invalid_row), (2, Some(n + 2)));
    assert!(f.notes.iter().any(|note| note.starts_with("2 rows hold bytes that are not valid UTF-8")), "{:?}", f.notes);
    // the rows are still read
    assert_eq!(value(&r, "deals_won"), serde_json::json!(n + 2));
}

#[test]
fn bad_choices_for_a_file_leave_it_read_as_detected() {
    // An imported preset with {"delimiter":"ab"} failed every later analysis of the header.
    let csv = "deal_id,owner,account,stage,amount,created_date,closed_date\n1,Ann,Acme,Won,100,2024-01-01,2024-01-31\n";
    let mut opts = options(None, None, Some("2024-06-01"));
    opts.files = serde_json::from_value(serde_json::json!({ "d.csv": { "delimiter": "ab" } })).ok();
    let r = analyze(&[("d.csv", csv.as_bytes())], opts, 1 << 16);
    assert_eq!(value(&r, "revenue"), serde_json::json!("100"));
    let notes = &r.files[0].notes;
    assert!(notes.iter().any(|n| n.starts_with("The choices given for this file were not used")), "{notes:?}");
    // as a code the page words, with the option and the value given
    let code = serde_json::to_value(&r.files[0].note_codes).unwrap();
    assert!(
        code.as_array().unwrap().iter().any(|c| c["code"] == "bad_choices.delimiter" && c["params"]["value"] == "ab"),
        "{code}"
    );
}

#[test]
fn a_stray_nul_byte_is_dropped_and_said_wherever_it_is() {
    // One NUL in the first 64 KB rejected the whole file; after 64 KB it passed silently.
    let head = "deal_id,owner,account,stage,amount,created_date,closed_date\n";
    let row = |i: usize| format!("{i},Ann,Acme,Won,1,2024-01-01,2024-01-02\n");
    let early = format!("{head}{}1\u{0}0,Bob,Beta,Won,1,2024-01-01,2024-01-02\n{}", row(1), row(3));
    let r = analyze(&[("early.csv", early.as_bytes())], options(None, None, Some("2024-06-01")), 1 << 16);
    assert_eq!(r.files[0].error, None);
    assert_eq!(value(&r, "deals_won"), serde_json::json!(3));
    assert!(
        r.files[0].notes.iter().any(|n| n == "1 NUL bytes were dropped (the first in row 3)."),
        "{:?}",
        r.files[0].notes
    );
    let mut late = head.to_string();
    (1..3000).for_each(|i| late.push_str(&row(i)));
    late.push_str("x\u{0},Bob,Beta,Won,1,2024-01-01,2024-01-02\n");
    let r = analyze(&[("late.csv", late.as_bytes())], options(None, None, Some("2024-06-01")), 1 << 16);
    assert_eq!(r.files[0].nul_bytes, 1);
    // binary data (many NULs) is still refused
    let binary = [0u8, 1, 2, 0, 0, 5].repeat(100);
    let r = analyze(&[("b.csv", &binary)], options(None, None, None), 1 << 16);
    assert_eq!(r.files[0].error.as_ref().map(|e| e.code.as_str()), Some("not_csv"));
}

/// A quote opened and never closed (`"Beta` typed without its closing quote) made the
/// parser read every line after it into one field until the next quote: rows lost, and
/// only "row has 2 fields" said. The row is now read from its line alone, the quote listed
/// as a problem where it opened, and the lines after it read as rows of their own.
#[test]
fn an_unclosed_quote_is_listed_where_it_opened_and_the_rows_after_it_are_read() {
    let csv = "Deal ID,Owner,Account,Stage,Amount,Created Date,Close Date\n\
               D1,Ann,Acme,Won,1000.00,2024-01-02,2024-02-01\n\
               D2,Bob,\"Beta,Won,250.50,2024-01-03,2024-02-02\n\
               D3,Cy,Gamma,Lost,80.00,2024-01-04,2024-02-03\n\
               D4,Di,\"Delta, Inc\",Won,0.25,2024-01-05,2024-02-04\n\
               D5,Ed,Echo,Won,\"1,000.00\",2024-01-06,2024-02-05\n";
    for chunk in [1, 7, 1 << 16] {
        let r = analyze(&[("deals.csv", csv.as_bytes())], options(None, None, Some("2024-06-01")), chunk);
        // every row read: 1000.00 + 250.50 + 0.25 + 1000.00
        assert_eq!(value(&r, "revenue"), json!("2250.75"), "chunk {chunk}");
        assert_eq!(value(&r, "deals_lost"), json!(1), "chunk {chunk}");
        assert_eq!(r.problems.total, 1, "chunk {chunk}: {:?}", r.problems.items);
        let p = &r.problems.items[0];
        assert_eq!((p.row, p.column.as_str(), p.value.as_str()), (3, "Account", "\"Beta"), "chunk {chunk}");
        assert!(p.reason.starts_with("quote not closed"), "{}", p.reason);
        let accounts: Vec<_> = table_rows(&r, "sales_by_account").iter().map(|row| row["account"].clone()).collect();
        assert!(accounts.contains(&json!("Beta")), "{accounts:?}");
        assert!(accounts.contains(&json!("Delta, Inc")), "{accounts:?}");
    }
    // A quote left open at the end of a file: its line is read, nothing is swallowed.
    let tail = "Deal ID,Owner,Account,Stage,Amount,Created Date,Close Date\n\
                D1,Ann,Acme,Won,1000.00,2024-01-02,2024-02-01\n\
                D2,Bob,\"Beta,Won,250.50,2024-01-03,2024-02-02\n\
                D3,Cy,Gamma,Won,1.00,2024-01-04,2024-02-03";
    let r = analyze(&[("deals.csv", tail.as_bytes())], options(None, None, Some("2024-06-01")), 5);
    assert_eq!(value(&r, "revenue"), json!("1251.50"));
    // A quoted field that holds a line break is no open quote: one row, read as written.
    let notes = "Deal ID,Owner,Account,Stage,Amount,Created Date,Close Date\n\
                 D1,Ann,\"Acme\nWest\",Won,10.00,2024-01-02,2024-02-01\n\
                 D2,Bob,Beta,Won,5.00,2024-01-03,2024-02-02\n";
    let r = analyze(&[("deals.csv", notes.as_bytes())], options(None, None, Some("2024-06-01")), 3);
    assert_eq!(value(&r, "revenue"), json!("15.00"));
    assert_eq!(r.problems.total, 0);
}

/// The encoding is decided from the head of a file; the rest is checked as it streams.
/// A Windows-1252 export with UTF-8 rows appended (two exports pasted together), and a GBK
/// file with bytes GBK cannot read, are said with the row where it starts.
#[test]
fn encoding_is_rechecked_as_the_file_streams() {
    let header = "Deal ID,Owner,Account,Stage,Amount,Created Date,Close Date\n";
    let mut bytes = header.as_bytes().to_vec();
    for i in 0..2000 {
        // "José Müller" in Windows-1252
        bytes.extend_from_slice(
            format!("A{i},Jos\u{e9} M\u{fc}ller,Acme,Won,10,2024-01-02,2024-02-01\n")
                .chars()
                .map(|c| c as u32 as u8)
                .collect::<Vec<u8>>()
                .as_slice(),
        );
    }
    let late_row = 2000 + 2; // the header is row 1
    for i in 0..2000 {
        bytes.extend_from_slice(format!("B{i},José Müller,Acme,Won,10,2024-01-02,2024-02-01\n").as_bytes());
    }
    let r = analyze(&[("mixed.csv", &bytes)], options(None, None, Some("2024-06-01")), 1 << 16);
    let f = &r.files[0];
    assert_eq!(f.encoding, "windows-1252");
    // the first chunk after the head that reads as UTF-8: at or after the first UTF-8 row
    let from = f.utf8_from_row.expect("a late UTF-8 part is said");
    assert!((late_row as u64..late_row as u64 + 1000).contains(&from), "{from}");
    assert!(
        f.notes.iter().any(|n| n.starts_with(&format!("From row {from} the bytes read as UTF-8, not as windows-1252"))),
        "{:?}",
        f.notes
    );

    // GBK (detected from its head) with two byte sequences GBK cannot read, far down.
    let (gbk, _, _) = encoding_rs::GBK.encode("商机编号,负责人,客户,阶段,金额,创建日期,成交日期\n");
    let mut bytes = gbk.into_owned();
    for i in 0..3000 {
        let line = format!("A{i},张伟,北京科技,赢单,10,2024-01-02,2024-02-01\n");
        bytes.extend_from_slice(&encoding_rs::GBK.encode(&line).0);
        if i == 2500 {
            bytes.extend_from_slice(b"A-bad,\xFF\xFF,x,\xE8\xB5\xA2\xE5\x8D\x95,10,2024-01-02,2024-02-01\n");
        }
    }
    let r = analyze(&[("gbk.csv", &bytes)], options(None, None, Some("2024-06-01")), 1 << 16);
    let f = &r.files[0];
    assert!(f.encoding == "gb18030" || f.encoding == "GBK", "{}", f.encoding);
    assert!(f.replaced_chars >= 2, "{}", f.replaced_chars);
    assert_eq!(f.first_replaced_row, Some(2500 + 3)); // header, 2501 rows before it
    assert!(
        f.notes.iter().any(|n| n.contains("could not be read as") && n.contains("(the first at row 2503)")),
        "{:?}",
        f.notes
    );
    assert_eq!(f.utf8_from_row, None);
}

/// Amounts with words after them (`100 approx`, `200 (est)`, a distinct unit on every row)
/// are problems, one per row, listed up to the cap; revenue of won deals none of whose
/// amounts could be read is not computable, not 0; the report stays small.
#[test]
fn amounts_with_unknown_words_are_problems_and_revenue_says_so() {
    let mut csv = String::from("Deal ID,Owner,Account,Stage,Amount,Created Date,Close Date\n");
    for i in 0..5000 {
        csv += &format!("D{i},Ann,Acme,Won,{} u{i:05},2024-01-02,2024-02-01\n", 100 + i % 7);
    }
    csv += "E1,Bob,Beta,Won,100 approx,2024-01-02,2024-02-01\nE2,Bob,Beta,Won,200 (est),2024-01-02,2024-02-01\n";
    let r = analyze(&[("deals.csv", csv.as_bytes())], options(None, None, Some("2024-06-01")), 1 << 16);
    assert_eq!(r.problems.total, 5002);
    assert!(r.problems.items.iter().all(|p| p.column == "Amount"));
    assert_eq!(value(&r, "deals_won"), json!(5002));
    assert_eq!(value(&r, "revenue"), serde_json::Value::Null);
    assert_eq!(r.metrics["revenue"].reason.as_deref(), Some("none of the 5002 won deals has an amount"));
    assert!(r.currencies.codes.is_empty(), "{:?}", r.currencies.codes);
    assert!(serde_json::to_string(&r).map_or(0, |s| s.len()) < 1_000_000);
}

/// Two quotes left open, the second inside the lines the first swallowed, in a file
/// written as Excel writes "CSV" (CRLF, quotes only where needed): each row is read once,
/// and each quote is listed where it opened.
#[test]
fn two_unclosed_quotes_in_a_crlf_export() {
    let csv = "Deal ID,Owner,Account,Stage,Amount,Created Date,Close Date\r\n\
               D1,Ann,Acme,Won,1000.00,2024-01-02,2024-02-01\r\n\
               D2,Bob,\"Beta,Won,250.50,2024-01-03,2024-02-02\r\n\
               D3,Cy,Gamma,Lost,80.00,2024-01-04,2024-02-03\r\n\
               D4,Di,\"Delta,Won,0.25,2024-01-05,2024-02-04\r\n\
               D5,Ed,Echo,Won,4.00,2024-01-06,2024-02-05\r\n\
               D6,Flo,\"Fox, Inc\",Won,2.00,2024-01-07,2024-02-06\r\n";
    for chunk in [1, 7, 1 << 16] {
        let r = analyze(&[("deals.csv", csv.as_bytes())], options(None, None, Some("2024-06-01")), chunk);
        // D1 1000.00 + D2 250.50 + D4 0.25 + D5 4.00 + D6 2.00
        assert_eq!(value(&r, "revenue"), json!("1256.75"), "chunk {chunk}: {:?}", r.problems.items);
        assert_eq!(value(&r, "deals_lost"), json!(1), "chunk {chunk}");
        let opened: Vec<_> = r.problems.items.iter().map(|p| (p.row, p.column.as_str(), p.value.as_str())).collect();
        assert_eq!(opened, [(3, "Account", "\"Beta"), (5, "Account", "\"Delta")], "chunk {chunk}");
    }
}

/// Messages stay short and say what is wrong, whatever the file holds.
#[test]
fn messages_are_bounded_and_say_what_is_wrong() {
    const DEALS: &str = "deal_id,owner,stage,amount,created_date,closed_date\n1,Ann,Won,100,2024-01-01,2024-02-01\n";
    // 10,000 headers: the first ten, each cut, then …
    let wide: Vec<String> =
        (0..10_000).map(|i| format!("header number {i} of a very long export {}", "x".repeat(50))).collect();
    let r = one("wide.csv", format!("{}\n{}\n", wide.join(","), vec!["1"; 10_000].join(",")).as_bytes());
    let err = r.files[0].error.as_ref().expect("an error");
    assert!(err.message.chars().count() < 700, "{} characters", err.message.chars().count());
    assert!(err.message.contains("header number 9 of a very long export x…, …."), "{}", err.message);
    // a 2 MB value: listed cut, with …
    let long = format!("{DEALS}2,Bob,Won,{},2024-01-01,2024-02-01\n", "9".repeat(2_000_000) + "x");
    let r = one("long.csv", long.as_bytes());
    let p = &r.problems.items[0];
    assert_eq!((p.row, p.column.as_str(), p.value.chars().count()), (3, "amount", 120));
    assert!(p.value.ends_with('…'));
    // random bytes are binary, not unrecognised columns
    let mut seed = 7u32;
    let random: Vec<u8> = (0..5000)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 16) as u8 | 1
        })
        .collect();
    let r = one("random.csv", &random);
    let err = r.files[0].error.as_ref().expect("an error");
    assert_eq!((err.code.as_str(), err.reason_code.code.as_str()), ("not_csv", "binary"));
    // a quote left open on the last row is said as such, the row read from its line
    for end in ["\n", ""] {
        let r = one("unclosed.csv", format!("{DEALS}2,\"Bob,Won,50,2024-01-01,2024-02-01{end}").as_bytes());
        let p = &r.problems.items[0];
        assert_eq!((p.row, p.column.as_str(), p.reason_code.code.as_str()), (3, "owner", "unclosed_quote"));
        assert_eq!(value(&r, "revenue"), json!("150"));
    }
    // a 40-digit amount is too large, not "not a number"
    let r = one("big.csv", format!("{DEALS}2,Bob,Won,{},2024-01-01,2024-02-01\n", "1234567890".repeat(4)).as_bytes());
    assert_eq!(r.problems.items[0].reason_code.code, "too_large");
    // a file the user calls a surveys table is told what a surveys table needs
    let mut o = options(None, None, Some("2024-04-01"));
    o.files = serde_json::from_value(json!({ "s.csv": { "kind": "surveys" } })).ok();
    let r = analyze(&[("s.csv", b"a,b,c\n1,2,3\n4,5,6\n")], o, 1000);
    let code = &r.files[0].error.as_ref().expect("an error").reason_code;
    assert_eq!((code.params["kind"].as_str(), code.params["missing"].as_str()), ("surveys", "date, score"));
}

/// A summary row under the data, in any language or in a word we do not know, is no deal
/// and no order; a deal row that says nothing of its deal is listed, not an open deal.
#[test]
fn summary_rows_in_any_language_are_not_records() {
    let deals = "deal_id,owner,account,stage,amount,created_date,closed_date\n\
                 D1,Ann,Acme,Won,1000.00,2024-01-05,2024-02-04\n\
                 D2,Bob,Beta,Won,750.50,2024-01-10,2024-01-20\n\
                 D3,Ann,Acme,Proposal,700,2024-02-10,\n";
    for summary in [
        "Summe,,,,2450.50,,",
        ",Итого,,,2450.50,,",
        ",Итого:,,,2450.50,,",
        "합계,,,,2450.50,,",
        "Toplam,,,,2450.50,,",
        "Totaal,,,,2450.50,,",
        "Razem,,,,2450.50,,",
        "المجموع,,,,2450.50,,",
        "総計,,,,2450.50,,",
        "Total général,,,,2450.50,,",
        // words we do not know: by shape (one name, no stage, status or date, the sum)
        "Kokonaissumma,,,,2450.50,,",
        ",,Gesamtbetrag aller Kunden,,2450.50,,",
    ] {
        let r = one("d.csv", format!("{deals}{summary}\n").as_bytes());
        assert_eq!(value(&r, "pipeline_value"), json!("700"), "{summary}");
        assert_eq!(value(&r, "revenue"), json!("1750.50"), "{summary}");
        assert_eq!((r.files[0].rows, r.files[0].skipped.summary_rows), (3, 1), "{summary}");
        assert_eq!(r.problems.total, 0, "{summary}");
    }
    // an id and an amount that is no sum, nothing else: listed, not an open deal
    let r = one("d.csv", format!("{deals}D9,,,,123,,\n").as_bytes());
    assert_eq!(value(&r, "pipeline_value"), json!("700"));
    let p = &r.problems.items[0];
    assert_eq!(
        (p.row, p.column.as_str(), p.value.as_str(), p.reason_code.code.as_str()),
        (5, "deal_id", "D9", "nothing_said")
    );
    // two names beside the sum are no summary either
    let r = one("d.csv", format!("{deals}D9,Ann,,,2450.50,,\n").as_bytes());
    assert_eq!(
        (value(&r, "pipeline_value"), r.problems.items[0].reason_code.code.as_str()),
        (json!("700"), "nothing_said")
    );
    // orders: a total under the lines in a word we do not know
    let orders = "order_id,customer_id,order_date,amount\nO1,C1,2024-01-05,1000.00\nO2,C2,2024-01-06,750.50\n\
                  O3,C1,2024-02-01,700\nGesamtbetrag,,,2450.50\n";
    let r = one("o.csv", orders.as_bytes());
    assert_eq!(value(&r, "order_revenue"), json!("2450.50"));
    assert_eq!((r.files[0].rows, r.files[0].skipped.summary_rows), (3, 1));
}

/// A date whose year is 1300–1499 is read as Solar Hijri, and the file says so: in a file
/// of Gregorian dates it is likelier a typo.
#[test]
fn a_solar_hijri_reading_is_said_in_a_note() {
    let csv = "deal_id,owner,stage,amount,created_date,closed_date\n1,Ann,Won,100,2024-01-01,2024-02-01\n\
               2,Bob,Won,50,1400-01-15,2024-02-01\n3,Cy,Won,70,2024-01-05,1403/01/15\n";
    let r = one("d.csv", csv.as_bytes());
    let f = &r.files[0];
    assert_eq!((f.solar_hijri_dates, f.first_solar_hijri_row), (2, Some(3)));
    let code = f.note_codes.iter().find(|c| c.code == "solar_hijri").expect("a note");
    assert_eq!((code.params["n"].as_str(), code.params["row"].as_str()), ("2", "3"));
    // Gregorian dates alone: no note
    let r = one("g.csv", b"deal_id,owner,stage,amount,created_date,closed_date\n1,Ann,Won,100,2024-01-01,2024-02-01\n");
    assert!(r.files[0].note_codes.iter().all(|c| c.code != "solar_hijri"));
    // orders too
    let r = one("o.csv", b"order_id,customer_id,order_date,amount\nO1,C1,1402-05-01,10\nO2,C2,2024-01-02,20\n");
    assert_eq!(r.files[0].solar_hijri_dates, 1);
}
