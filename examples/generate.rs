//! Deterministic generator of large sales CSVs for the benchmark.
//!
//! `cargo run --release --example generate -- deals|leads|activities ROWS [SEED] > file.csv`
//!
//! deals: deal_id, owner, account, stage, status, amount, created_date, closed_date,
//! lost_reason, source (about 91 bytes a row). Same arguments, same bytes.

use std::io::{BufWriter, Write};

/// SplitMix64: tiny, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const OWNERS: [&str; 24] = [
    "Ana Lima",
    "Ben Okafor",
    "Chen Wei",
    "Dara Rahimi",
    "Eva Novak",
    "Farid Haddad",
    "Grace Kim",
    "Hugo Martin",
    "Ines Duarte",
    "Jamal Reed",
    "Kira Sato",
    "Leo Rossi",
    "Mia Berg",
    "Nils Dahl",
    "Omar Aziz",
    "Paula Gomez",
    "Quinn Shaw",
    "Rosa Diaz",
    "Sam Cole",
    "Tara Nair",
    "Umar Khan",
    "Vera Lund",
    "Wes Park",
    "Yara Said",
];
const STAGES: [&str; 5] = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Contract"];
const REASONS: [&str; 6] = ["Price", "Competitor", "No budget", "Timing", "No decision", ""];
const SOURCES: [&str; 5] = ["Inbound", "Outbound", "Referral", "Partner", "Event"];
const TYPES: [&str; 6] = ["call", "email", "meeting", "demo", "proposal", "follow_up"];

fn date(day: u64) -> String {
    let d = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default() + chrono::Days::new(day);
    d.format("%Y-%m-%d").to_string()
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let kind = args.get(1).map_or("deals", String::as_str);
    let rows: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1_000_000);
    let mut rng = Rng(args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42));
    let accounts: Vec<String> = (0..2000).map(|i| format!("Account {i:04}")).collect();
    let out = std::io::stdout();
    let mut w = BufWriter::with_capacity(1 << 20, out.lock());
    match kind {
        "deals" => {
            writeln!(w, "deal_id,owner,account,stage,status,amount,created_date,closed_date,lost_reason,source")?;
            for i in 0..rows {
                let created = rng.below(1000);
                let fate = rng.below(100);
                let (stage, status, closed, reason) = if fate < 35 {
                    ("Closed Won", "won", date(created + 5 + rng.below(150)), "")
                } else if fate < 65 {
                    ("Closed Lost", "lost", date(created + 1 + rng.below(120)), rng.pick(&REASONS))
                } else {
                    (rng.pick(&STAGES), "open", String::new(), "")
                };
                let cents = 50_000 + rng.below(5_000_000);
                writeln!(
                    w,
                    "D{:07},{},{},{},{},{}.{:02},{},{},{},{}",
                    i + 1,
                    rng.pick(&OWNERS),
                    accounts[rng.below(2000) as usize],
                    stage,
                    status,
                    cents / 100,
                    cents % 100,
                    date(created),
                    closed,
                    reason,
                    rng.pick(&SOURCES)
                )?;
            }
        }
        "leads" => {
            writeln!(w, "lead_id,created_date,source,direction,owner,status,mql_date,sql_date,first_response_date")?;
            for i in 0..rows {
                let created = rng.below(1000);
                let mql = if rng.below(2) == 0 { date(created + rng.below(20)) } else { String::new() };
                let sql = if !mql.is_empty() && rng.below(2) == 0 {
                    date(created + 20 + rng.below(20))
                } else {
                    String::new()
                };
                let minutes = rng.below(600);
                writeln!(
                    w,
                    "L{:07},{},{},{},{},{},{},{},{} {:02}:{:02}",
                    i + 1,
                    date(created),
                    rng.pick(&SOURCES),
                    if rng.below(3) == 0 { "outbound" } else { "inbound" },
                    rng.pick(&OWNERS),
                    rng.pick(&["new", "working", "qualified", "converted", "lost"]),
                    mql,
                    sql,
                    date(created),
                    9 + minutes / 60,
                    minutes % 60
                )?;
            }
        }
        "activities" => {
            writeln!(w, "owner,type,date,duration_minutes,deal_id,outcome")?;
            for _ in 0..rows {
                writeln!(
                    w,
                    "{},{},{},{},D{:07},{}",
                    rng.pick(&OWNERS),
                    rng.pick(&TYPES),
                    date(rng.below(1000)),
                    5 + rng.below(90),
                    1 + rng.below(rows.max(1)),
                    rng.pick(&["done", "no answer", "scheduled"])
                )?;
            }
        }
        other => {
            eprintln!("unknown kind {other}: deals, leads or activities");
            std::process::exit(2);
        }
    }
    w.flush()
}
