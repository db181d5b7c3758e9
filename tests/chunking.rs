//! Invariants: the report does not depend on how the bytes were chunked, nor on how the
//! rows were split between aggregates that are merged afterwards.

mod common;
use chrono::NaiveDate;
use common::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use sales_metrics::internals::DealsAgg;
use sales_metrics::Deal;
use sales_metrics::Report;
use sales_metrics::Status;
use sales_metrics::{Options, Period};

const OWNERS: [&str; 4] = ["Ann", "ann ", "Bob", "Zoë \"Z\", Jr."];
const STAGES: [&str; 6] =
    ["Prospecting", "Qualification", "Proposal, v2", "Closed Won", "Closed Lost", "Neg\notiation"];

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

prop_compose! {
    fn deal_line()(owner in 0..4usize, stage in 0..6usize, cents in 0..500_000i64, bad in 0..20u8,
                   created in 0..120u32, cycle in 0..90u32, crlf in any::<bool>()) -> String {
        let day = |d: u32| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(d as u64);
        let amount = if bad == 0 { "n/a".to_string() } else { Decimal::new(cents, 2).to_string() };
        let closed = if stage >= 3 { day(created + cycle).to_string() } else { String::new() };
        let reason = if stage == 4 { "Price, \"too high\"" } else { "" };
        format!("D{created}{cents},{},{},{},{},{},{}{}", quote(OWNERS[owner]), quote(STAGES[stage]),
            amount, day(created), closed, quote(reason), if crlf { "\r\n" } else { "\n" })
    }
}

fn csv_of(lines: &[String]) -> Vec<u8> {
    let mut s = String::from("deal_id,owner,stage,amount,created_date,closed_date,lost_reason\n");
    for l in lines {
        s.push_str(l);
    }
    s.into_bytes()
}

fn json(r: &Report) -> String {
    serde_json::to_string(r).expect("serialisable")
}

fn analyze_cuts(bytes: &[u8], cuts: &[usize], from: Option<&str>) -> Report {
    let mut engine = sales_metrics::Engine::new(options(from, None, Some("2024-06-01")).validate().unwrap());
    let id = engine.begin_file("p.csv");
    let mut points: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    points.sort_unstable();
    let mut last = 0;
    for p in points {
        engine.push(id, &bytes[last..p]);
        last = p;
    }
    engine.push(id, &bytes[last..]);
    engine.end_file(id);
    engine.finish()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_chunking_gives_the_same_report(lines in prop::collection::vec(deal_line(), 0..40),
                                          cuts in prop::collection::vec(any::<usize>(), 0..12)) {
        let bytes = csv_of(&lines);
        let whole = analyze(&[("p.csv", &bytes)], options(None, None, Some("2024-06-01")), usize::MAX);
        prop_assert_eq!(json(&analyze_cuts(&bytes, &cuts, None)), json(&whole));
        let byte_by_byte = analyze(&[("p.csv", &bytes)], options(None, None, Some("2024-06-01")), 1);
        prop_assert_eq!(json(&byte_by_byte), json(&whole));
    }

    #[test]
    fn merged_parts_equal_one_pass(n in 0..60usize, split in 0..60usize, seed in any::<u64>()) {
        let period = Period::new(NaiveDate::from_ymd_opt(2024, 1, 15), None);
        let options = Options { period, today: NaiveDate::from_ymd_opt(2024, 6, 1), ..Options::default() };
        let mut rng = seed;
        let mut next = move |m: u64| { rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); (rng >> 33) % m };
        let owners = ["Ann", "ANN", "Bob", ""];
        let stages = ["Lead", "Demo", "Won", "Lost"];
        let deals: Vec<(usize, usize, i64, u32, u32)> =
            (0..n).map(|_| (next(4) as usize, next(4) as usize, next(100_000) as i64, next(100) as u32, next(60) as u32)).collect();
        let deal = |&(o, s, cents, created, cycle): &(usize, usize, i64, u32, u32)| {
            let day = |d: u32| NaiveDate::from_ymd_opt(2024, 1, 1).map(|x| x + chrono::Days::new(d as u64));
            let status = match s { 2 => Status::Won, 3 => Status::Lost, _ => Status::Open };
            Deal { owner: owners[o], account: owners[(o + 1) % 4], stage: stages[s], status,
                   amount: Some(Decimal::new(cents, 2)), created: day(created),
                   closed: (status != Status::Open).then(|| day(created + cycle)).flatten(),
                   lost_reason: Some(if cents % 2 == 0 { "Price" } else { "" }), ..Deal::new(status) }
        };
        let finish = |agg: &DealsAgg| {
            let mut r = Report::default();
            agg.finish(&options, NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(), &mut r);
            json(&r)
        };
        let columns = ["owner", "account", "stage", "amount", "created_date", "closed_date", "lost_reason"];
        let mut one = DealsAgg::new(period, sales_metrics::Granularity::Month);
        one.note_columns(columns);
        deals.iter().for_each(|d| one.observe(&deal(d)));
        let k = split.min(deals.len());
        let (mut a, mut b) = (DealsAgg::new(period, sales_metrics::Granularity::Month), DealsAgg::new(period, sales_metrics::Granularity::Month));
        a.note_columns(columns);
        deals[..k].iter().for_each(|d| a.observe(&deal(d)));
        deals[k..].iter().for_each(|d| b.observe(&deal(d)));
        a.merge(b);
        prop_assert_eq!(finish(&a), finish(&one));
    }
}

/// Bytes drawn mostly from what CSV parsing and value reading care about, plus anything.
fn csvish_bytes() -> impl Strategy<Value = Vec<u8>> {
    let alphabet: Vec<&'static [u8]> = vec![
        b",",
        b";",
        b"\t",
        b"\"",
        b"\n",
        b"\r\n",
        b"\r",
        b"0",
        b"9",
        b"12",
        b".",
        b"-",
        b"/",
        b":",
        b" ",
        b"Won",
        b"Lost",
        b"stage",
        b"amount",
        b"deal_id",
        b"owner",
        b"created_date",
        b"closed_date",
        b"2024-02-29",
        b"13/31/2024",
        b"1403/12/30",
        "\u{06F1}".as_bytes(),
        "年".as_bytes(),
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\x00",
        b"\xC3",
        b"\xB1",
        b"Total",
        b"sep=;",
        b"PK\x03\x04",
        b"99999999999999999999",
        b"(5)",
        b"$",
        b"e",
    ];
    prop::collection::vec(
        prop_oneof![prop::sample::select(alphabet).prop_map(<[u8]>::to_vec), any::<u8>().prop_map(|b| vec![b])],
        0..300,
    )
    .prop_map(|parts| parts.concat())
}

/// A header of every table kind (and none), so that arbitrary rows reach every reader.
const HEADERS: [&str; 16] = [
    "",
    "deal_id,owner,stage,amount,created_date,closed_date,probability,type\n",
    "lead_id,created_date,source,mql_date,sql_date,first_response_date,converted_date\n",
    "owner,type,date,duration_minutes\n",
    "owner,period,quota\n",
    "date,score,type\n",
    "customer_id,acquired_date,churned_date,annual_profit\n",
    "customer_id,start_date,end_date,mrr\n",
    "deal_id,stage,entered_date\n",
    "order_id,customer_id,order_date,amount,product\n",
    "date,visitors,conversions,channel\n",
    "created_at,first_response_at,owner\n",
    "month,spend,channel\n",
    "account,sector,employees\n",
    "customerID,tenure,MonthlyCharges,Churn\n",
    "Opportunity Owner,Closed,Won,Amount,Close Date,Lost time,Is Won\n",
];

/// Cases for the arbitrary-bytes test: 256, or `FUZZ_CASES` for a long run
/// (`FUZZ_CASES=200000 cargo test --release --test chunking arbitrary`).
fn fuzz_cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(fuzz_cases()))]

    /// No input makes the engine panic, and chunking never changes the report.
    #[test]
    fn arbitrary_bytes_never_panic(body in csvish_bytes(), raw in prop::collection::vec(any::<u8>(), 0..64),
                                   cuts in prop::collection::vec(any::<usize>(), 0..8), header in 0..HEADERS.len()) {
        let mut bytes = HEADERS[header].as_bytes().to_vec();
        bytes.extend_from_slice(&body);
        bytes.extend_from_slice(&raw);
        let whole = analyze(&[("p.csv", &bytes)], options(None, None, Some("2024-06-01")), usize::MAX);
        prop_assert_eq!(json(&analyze_cuts(&bytes, &cuts, None)), json(&whole));
    }
}

/// Options as a user, a preset or a page could send them, valid or not.
fn any_options() -> impl Strategy<Value = serde_json::Value> {
    let date =
        prop::sample::select(vec!["", "2024-01-01", "2024-03-01", "1899-12-31", "2101-01-01", "+262142-12-31", "x"]);
    let text = prop::sample::select(vec![
        "",
        ",",
        ";",
        "\\t",
        "ab",
        "deals",
        "leads",
        "orders",
        "nope",
        "gbk",
        "utf-16le",
        "day_first",
        "month_first",
        ".",
        ",",
        "previous",
        "year",
        "week",
        "quarter",
    ]);
    (
        date.clone(),
        date.clone(),
        date,
        text.clone(),
        text.clone(),
        text.clone(),
        text.clone(),
        text.clone(),
        text,
        any::<bool>(),
    )
        .prop_map(|(from, to, as_of, kind, delimiter, encoding, order, sep, comparison, owner)| {
            serde_json::json!({
                "from": from, "to": to, "as_of": as_of, "comparison": comparison, "granularity": order,
                "files": { "p.csv": { "kind": kind, "delimiter": delimiter, "encoding": encoding,
                    "date_order": order, "decimal_separator": sep, "columns": { "stage": "amount" } } },
                "filters": if owner { serde_json::json!({ "owners": ["Ann"] }) } else { serde_json::Value::Null },
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(fuzz_cases()))]

    /// No options, valid or not, make the engine panic on any input: invalid ones are
    /// refused with a message, a file's bad choices fail only those choices.
    #[test]
    fn arbitrary_options_never_panic(options in any_options(), body in csvish_bytes(), header in 0..HEADERS.len(),
                                     cuts in prop::collection::vec(any::<usize>(), 0..4)) {
        let Ok(raw) = serde_json::from_value::<sales_metrics::RawOptions>(options) else { return Ok(()) };
        let Ok(options) = raw.validate() else { return Ok(()) };
        let mut bytes = HEADERS[header].as_bytes().to_vec();
        bytes.extend_from_slice(&body);
        let mut engine = sales_metrics::Engine::new(options);
        let id = engine.begin_file("p.csv");
        let mut at = 0;
        for cut in cuts.iter().map(|c| c % (bytes.len() + 1)) {
            if cut > at {
                engine.push(id, &bytes[at..cut]);
                at = cut;
            }
        }
        engine.push(id, &bytes[at..]);
        engine.end_file(id);
        let report = engine.finish();
        prop_assert!(serde_json::to_string(&report).is_ok());
    }
}
