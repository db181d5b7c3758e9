//! Bytes per distinct name: what a file naming N different owners (accounts, customers)
//! costs the engine beyond the same file naming a handful.
//!
//! `cargo run --release --example memory -- [N...]` (default 10000 1000000 5000000).
//! For each N and each column it streams N generated deals (or order lines) through one
//! engine, once with N distinct names and once with 10, and prints the peak heap of each
//! (counted by this program's allocator) and the difference per name. The names are
//! `Customer Name 0001234` (21 bytes), so "beyond the name" is the figure less 21.
//!
//! `memory --csv COLUMN ROWS NAMES` writes the same file to standard output instead
//! (COLUMN: `owner`, `account` or `customer`), for the same measure in the browser
//! (`node bench/memory.mjs`).

use sales_metrics::{Engine, RawOptions};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = NOW.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                NOW.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Which column holds the distinct names.
#[derive(Clone, Copy)]
enum Column {
    Owner,
    Account,
    Customer,
}

impl Column {
    fn label(self) -> &'static str {
        match self {
            Column::Owner => "deals.owner",
            Column::Account => "deals.account",
            Column::Customer => "orders.customer",
        }
    }

    fn header(self) -> &'static str {
        match self {
            Column::Owner | Column::Account => "Deal ID,Owner,Account,Stage,Amount,Created Date,Close Date\n",
            Column::Customer => "Order ID,Order Date,Customer ID,Sales\n",
        }
    }

    /// Row `i` of `rows`, naming one of `names` distinct names.
    fn row(self, out: &mut String, i: usize, names: usize) {
        use std::fmt::Write;
        let name = i % names;
        let stage = ["Won", "Lost", "Negotiation"][i % 3];
        let (month, day) = (1 + i % 12, 1 + i % 28);
        let _ = match self {
            Column::Owner => writeln!(
                out,
                "D{i},Customer Name {name:07},Acme {},{stage},{}.50,2023-{month:02}-{day:02},2024-{month:02}-{day:02}",
                i % 10,
                100 + i % 997
            ),
            Column::Account => writeln!(
                out,
                "D{i},Rep {},Customer Name {name:07},{stage},{}.50,2023-{month:02}-{day:02},2024-{month:02}-{day:02}",
                i % 10,
                100 + i % 997
            ),
            Column::Customer => {
                writeln!(out, "O{i},2024-{month:02}-{day:02},Customer Name {name:07},{}.25", 10 + i % 997)
            }
        };
    }
}

/// Peak heap bytes of reading `rows` rows naming `names` names, and the seconds taken.
fn run(column: Column, rows: usize, names: usize) -> (usize, f64) {
    let start = Instant::now();
    PEAK.store(NOW.load(Relaxed), Relaxed);
    let base = NOW.load(Relaxed);
    let raw = RawOptions { as_of: Some("2025-01-01".into()), ..RawOptions::default() };
    let Ok(options) = raw.validate() else { return (0, 0.0) };
    let mut engine = Engine::new(options);
    let id = engine.begin_file("memory.csv");
    let mut chunk = String::from(column.header());
    for i in 0..rows {
        column.row(&mut chunk, i, names);
        if chunk.len() >= 1 << 20 {
            engine.push(id, chunk.as_bytes());
            chunk.clear();
        }
    }
    engine.push(id, chunk.as_bytes());
    drop(chunk);
    engine.end_file(id);
    let report = engine.finish();
    let json = serde_json::to_string(&report).unwrap_or_default();
    drop(report);
    drop(json);
    (PEAK.load(Relaxed) - base, start.elapsed().as_secs_f64())
}

fn write_csv(column: &str, rows: usize, names: usize) {
    use std::io::Write;
    let column = match column {
        "account" => Column::Account,
        "customer" => Column::Customer,
        _ => Column::Owner,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut chunk = String::from(column.header());
    for i in 0..rows {
        column.row(&mut chunk, i, names.max(1));
        if chunk.len() >= 1 << 16 {
            if out.write_all(chunk.as_bytes()).is_err() {
                return;
            }
            chunk.clear();
        }
    }
    let _ = out.write_all(chunk.as_bytes());
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--csv") {
        let num = |i: usize| args.get(i).and_then(|a| a.replace('_', "").parse().ok()).unwrap_or(0);
        write_csv(args.get(1).map_or("owner", String::as_str), num(2), num(3));
        return;
    }
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.replace('_', "").parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![10_000, 1_000_000, 5_000_000] } else { sizes };
    println!(
        "{:<16} {:>10} {:>14} {:>14} {:>14} {:>8}",
        "column", "names", "peak, 10 names", "peak, N names", "bytes per name", "seconds"
    );
    for column in [Column::Owner, Column::Account, Column::Customer] {
        for &n in &sizes {
            let (few, _) = run(column, n, 10);
            let (many, secs) = run(column, n, n);
            let per = (many.saturating_sub(few)) as f64 / n as f64;
            println!(
                "{:<16} {:>10} {:>11.1} MB {:>11.1} MB {:>14.0} {:>8.2}",
                column.label(),
                n,
                few as f64 / 1e6,
                many as f64 / 1e6,
                per,
                secs
            );
        }
    }
}
