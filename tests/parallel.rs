//! Splitting one file between engines (the browser's several Workers): parts cut at
//! line breaks, read separately, merged — the same report as one pass. A cut that falls
//! inside a quoted field is detected, and the caller falls back to one pass.

mod common;
use common::*;
use sales_metrics::options::RawFileOptions;
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

/// The parallel protocol with engines in turn; `None` when a cut fell inside a field.
fn in_parts(bytes: &[u8], n: usize, options: &RawOptions) -> Option<Report> {
    let later = plan(bytes, options)?;
    let bounds = cuts(bytes, n);
    let mut states = Vec::new();
    for (k, w) in bounds.windows(2).enumerate() {
        let mut o = options.clone();
        if k > 0 {
            o.files = Some(BTreeMap::from([(NAME.to_string(), later.clone())]));
        }
        let mut e = Engine::new(o.validate().ok()?);
        let id = e.begin_file(NAME);
        for chunk in bytes[w[0]..w[1]].chunks(4096) {
            e.push(id, chunk);
        }
        if w[1] < bytes.len() && !e.at_record_start(id) {
            return None;
        }
        states.push(e.export_part());
    }
    let mut merged = Engine::new(options.validate().ok()?);
    for s in &states {
        merged.import_part(s).expect("a part state");
    }
    let merged = merged.finish();
    // The browser's way: the engine of the first part merges the others into itself.
    let mut first = Engine::new(options.validate().ok()?);
    let id = first.begin_file(NAME);
    first.push(id, &bytes[..bounds[1]]);
    first.end_file(id);
    for s in &states[1..] {
        first.import_part(s).expect("a part state");
    }
    assert_eq!(json(&first.finish()), json(&merged));
    Some(merged)
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
fn a_cut_inside_a_quoted_line_break_is_detected() {
    let mut csv = String::from("deal_id,owner,stage,amount,created_date,closed_date,notes\n");
    for i in 0..200 {
        csv.push_str(&format!("D{i},Ann,Won,{i},2024-01-01,2024-01-05,\"line one\nline two\nline three\"\n"));
    }
    let bytes = csv.as_bytes();
    // Every row holds quoted line breaks: some cuts must land inside them.
    let mut detected = 0;
    for n in 2..12 {
        match in_parts(bytes, n, &options(None, None, Some("2024-06-01"))) {
            None => detected += 1,
            Some(r) => {
                assert_eq!(json(&r), json(&analyze(&[(NAME, bytes)], options(None, None, Some("2024-06-01")), 999)))
            }
        }
    }
    assert!(detected > 0, "no cut fell inside a quoted field");
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
