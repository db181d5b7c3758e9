//! Splitting one file between engines (the browser's several Workers): parts cut at
//! line breaks, read separately, merged — the same report as one pass. A cut that falls
//! inside a quoted field is mended as www/parallel.js mends it: the part before reads on,
//! a line at a time, to the end of that record, and the next part starts there.

mod common;
use common::*;
use sales_metrics::RawFileOptions;
use sales_metrics::{Engine, RawOptions, Report};
use std::collections::BTreeMap;

const NAME: &str = "big.csv";

/// What the head of the file says, fixed for the later parts (as www/parallel.js does).
fn plan(bytes: &[u8], options: &RawOptions) -> Option<RawFileOptions> {
    let head = &bytes[..bytes.len().min(1 << 20)];
    let mut e = Engine::new(options.validate().ok()?);
    let id = e.begin_file(NAME);
    e.push(id, head);
    e.end_file(id);
    let info = e.finish().files.remove(0);
    let columns: BTreeMap<String, String> =
        info.columns.iter().map(|c| (c.header.clone(), c.field.clone().unwrap_or_default())).collect();
    Some(RawFileOptions {
        kind: info.kind.clone(),
        encoding: Some(info.encoding.clone()),
        delimiter: Some(info.delimiter.clone()),
        columns: Some(columns),
        date_order: info.date_order.values().next().cloned(),
        decimal_separator: info.decimal_separator.get("amount").cloned(),
        headers: Some(info.columns.iter().map(|c| c.header.clone()).collect()),
    })
}

/// Cuts after the first line break at or past each `k/n` of the file.
fn cuts(bytes: &[u8], n: usize) -> Vec<usize> {
    let mut out = vec![0];
    for k in 1..n {
        let from = bytes.len() * k / n;
        if let Some(i) = bytes[from..].iter().position(|&b| b == b'\n') {
            let cut = from + i + 1;
            if cut > *out.last().unwrap_or(&0) && cut < bytes.len() {
                out.push(cut);
            }
        }
    }
    out.push(bytes.len());
    out
}

/// How far past its end a part reads to finish a record (www/parallel.js: TAIL_BYTES).
const TAIL: usize = 4 << 20;

/// The parallel protocol with engines in turn; `None` when a record runs past the tail.
/// Also returns how many cuts fell inside a record and were mended.
fn in_parts_mended(bytes: &[u8], n: usize, options: &RawOptions) -> Option<(Report, usize)> {
    let later = plan(bytes, options)?;
    let bounds = cuts(bytes, n);
    let mut states = Vec::new();
    let (mut from, mut mended) = (0, 0);
    let mut first_end = 0;
    for (k, w) in bounds.windows(2).enumerate() {
        let mut o = options.clone();
        if k > 0 {
            o.files = Some(BTreeMap::from([(NAME.to_string(), later.clone())]));
        }
        if from > w[1] {
            return None; // a record longer than a part
        }
        let mut e = Engine::new(o.validate().ok()?);
        let id = e.begin_file(NAME);
        for chunk in bytes[from..w[1]].chunks(4096) {
            e.push(id, chunk);
        }
        // Read on a line at a time until the record the cut fell in is complete.
        let mut end = w[1];
        while end < bytes.len() && !e.at_record_start(id) {
            let line = bytes[end..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| end + i + 1);
            if line - w[1] > TAIL {
                return None;
            }
            e.push(id, &bytes[end..line]);
            end = line;
        }
        mended += usize::from(end > w[1]);
        if k == 0 {
            first_end = end;
        }
        from = end;
        states.push(e.export_part());
        if from >= bytes.len() {
            break;
        }
    }
    let mut merged = Engine::new(options.validate().ok()?);
    for s in &states {
        merged.import_part(s).expect("a part state");
    }
    let merged = merged.finish();
    // The browser's way: the engine of the first part merges the others into itself.
    let mut first = Engine::new(options.validate().ok()?);
    let id = first.begin_file(NAME);
    first.push(id, &bytes[..first_end]);
    first.end_file(id);
    for s in &states[1..] {
        first.import_part(s).expect("a part state");
    }
    assert_eq!(json(&first.finish()), json(&merged));
    Some((merged, mended))
}

fn in_parts(bytes: &[u8], n: usize, options: &RawOptions) -> Option<Report> {
    in_parts_mended(bytes, n, options).map(|(r, _)| r)
}

fn json(r: &Report) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

#[test]
fn parts_merge_to_the_one_pass_report() {
    // 3,000 deals with quoted commas, multi-line notes, bad amounts (problems with rows)
    let bytes = fixture("generated_deals.csv");
    for period in [options(None, None, Some("2025-01-01")), options(Some("2024-04-01"), Some("2024-07-01"), None)] {
        let one = analyze(&[(NAME, &bytes)], period.clone(), 1 << 16);
        let mut merged_some = 0;
        for n in [2, 3, 4, 7] {
            if let Some(parts) = in_parts(&bytes, n, &period) {
                merged_some += 1;
                assert_eq!(json(&parts), json(&one), "{n} parts");
            }
        }
        assert!(merged_some >= 3, "most cuts fall between records");
    }
}

#[test]
fn a_cut_inside_a_quoted_line_break_is_mended() {
    let mut csv =
        String::from("\"deal_id\",\"owner\",\"stage\",\"amount\",\"created_date\",\"closed_date\",\"notes\"\r\n");
    for i in 0..200 {
        csv.push_str(&format!(
            "\"D{i}\",\"Ann\",\"Won\",\"{i}\",\"2024-01-01\",\"2024-01-05\",\"line one\r\nline \"\"two\"\"\r\nline three\"\r\n"
        ));
    }
    let bytes = csv.as_bytes();
    let one = analyze(&[(NAME, bytes)], options(None, None, Some("2024-06-01")), 999);
    // Every row holds quoted line breaks: most cuts land inside them.
    let mut mended = 0;
    for n in 2..12 {
        let (parts, m) =
            in_parts_mended(bytes, n, &options(None, None, Some("2024-06-01"))).expect("records are short");
        assert_eq!(json(&parts), json(&one), "{n} parts");
        mended += m;
    }
    assert!(mended > 0, "no cut fell inside a quoted field");
}

#[test]
fn order_lines_merge_across_parts() {
    // Superstore's shape: several lines per order, product names quoted with commas, CRLF
    let mut csv = String::from("Row ID,Order ID,Order Date,Customer ID,Product Name,Sales\r\n");
    for i in 0..2000 {
        let order = i / 3;
        csv.push_str(&format!(
            "{i},CA-2024-{order},{}/{}/2024,C-{},\"Chair {}, \"\"Deluxe\"\"\",{}.{:03}\r\n",
            order % 12 + 1,
            order % 28 + 1,
            order % 97,
            i % 13,
            i * 7 % 1000,
            i % 1000
        ));
    }
    let bytes = csv.as_bytes();
    let period = options(Some("2024-02-01"), Some("2024-11-01"), None);
    let one = analyze(&[(NAME, bytes)], period.clone(), 1 << 16);
    assert_eq!(one.files[0].kind.as_deref(), Some("orders"));
    for n in [2, 3, 5] {
        assert_eq!(json(&in_parts(bytes, n, &period).expect("short records")), json(&one), "{n} parts");
    }
}

#[test]
fn currencies_merge_across_parts() {
    // first third USD only, second EUR only (each part alone is one currency), last
    // third mixed with blanks: every way of cutting gives the one-pass report
    let mut csv = String::from("deal_id,owner,stage,amount,currency,created_date,closed_date\n");
    for i in 0..900 {
        let code = match i {
            0..=299 => "USD",
            300..=599 => "EUR",
            _ => ["USD", "EUR", "", "GBP"][i % 4],
        };
        let stage = ["Won", "Lost", "Proposal"][i % 3];
        let closed = if stage == "Proposal" { String::new() } else { format!("2024-{:02}-20", i % 12 + 1) };
        csv.push_str(&format!(
            "{i},Rep {},{stage},{}.{:02},{code},2024-{:02}-03,{closed}\n",
            i % 5,
            i * 7,
            i % 100,
            i % 12 + 1
        ));
    }
    let bytes = csv.as_bytes();
    let mut period = options(Some("2024-03-01"), Some("2024-10-01"), None);
    period.comparison = Some("previous".into());
    let one = analyze(&[(NAME, bytes)], period.clone(), 1 << 16);
    assert_eq!(one.currencies.codes, ["EUR", "GBP", "USD"]);
    for n in [2, 3, 5] {
        let parts = in_parts(bytes, n, &period).expect("no quotes to cut");
        assert_eq!(json(&parts), json(&one), "{n} parts");
    }
}

/// Thousands of owners, accounts and reasons, each part naming its own and some the
/// others name too (in other spellings): merged, the groups and their sums are one pass's.
#[test]
fn many_names_merge_across_parts() {
    let mut text = String::from("Deal ID,Owner,Account,Stage,Amount,Created Date,Close Date,Lost Reason\n");
    for i in 1..=3000 {
        text += &format!("W{i},Owner {i},Account {},Won,{i},2024-01-02,2024-02-01,\n", i % 1700);
        text += &format!(
            "L{i},OWNER  {},Account {i},Lost,1,2024-01-02,2024-02-0{},Reason {}\n",
            3001 - i,
            1 + i % 9,
            i % 1200
        );
    }
    let options = common::options(None, None, Some("2024-06-01"));
    let whole = common::analyze(&[(NAME, text.as_bytes())], options.clone(), 1 << 20);
    let parts = in_parts(text.as_bytes(), 3, &options).expect("parts");
    assert_eq!(json(&whole)["tables"], json(&parts)["tables"]);
    assert_eq!(json(&whole)["metrics"], json(&parts)["metrics"]);
    assert!(whole.tables["sales_by_owner"].rest.is_some());
}
