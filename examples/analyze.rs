//! Analyse CSV files natively and print the report as JSON.
//!
//! `cargo run --release --example analyze -- [--options JSON] [--from D] [--to D] [--today D] FILE...`
//! (`--options`: the engine's options as JSON, snake_case, as the page sends them).
//! The time taken and throughput go to standard error. `--drill SET [--sort COLUMN]`
//! lists the rows behind a figure instead (docs/DRILL.md): the first page, as JSON.

use sales_metrics::{Engine, RawOptions};
use std::io::Read;
use std::time::Instant;

fn main() {
    let mut raw = RawOptions::default();
    let mut drill = sales_metrics::RawDrill { descending: true, ..Default::default() };
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--options" => match serde_json::from_str(&args.next().unwrap_or_default()) {
                Ok(o) => raw = o,
                Err(e) => {
                    eprintln!("--options: {e}");
                    std::process::exit(2);
                }
            },
            "--from" => raw.from = args.next(),
            "--to" => raw.to = args.next(),
            "--today" => raw.today = args.next(),
            "--as-of" => raw.as_of = args.next(),
            "--drill" => drill.set = args.next().unwrap_or_default(),
            "--sort" => drill.sort = args.next(),
            _ => files.push(a),
        }
    }
    raw.file_count = Some(files.len() as u64);
    let options = match raw.validate() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let start = Instant::now();
    let mut engine = if drill.set.is_empty() {
        Engine::new(options)
    } else {
        match sales_metrics::DrillQuery::new(&drill, &options) {
            Ok(q) => Engine::drilling(options, q),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        }
    };
    let mut buf = vec![0u8; 1 << 20];
    for path in &files {
        let mut f = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        let id = engine.begin_file(path.rsplit('/').next().unwrap_or(path));
        loop {
            match f.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => engine.push(id, &buf[..n]),
                Err(e) => {
                    eprintln!("{path}: {e}");
                    std::process::exit(1);
                }
            }
        }
        engine.end_file(id);
    }
    if !drill.set.is_empty() {
        let Some(page) = engine.drill() else { return };
        eprintln!("drill {}: {} rows matched, in {:.1} ms", drill.set, page.total, start.elapsed().as_secs_f64() * 1e3);
        println!("{}", serde_json::to_string_pretty(&page).unwrap_or_default());
        return;
    }
    let report = engine.finish();
    let secs = start.elapsed().as_secs_f64();
    let mb = report.diagnostics.bytes as f64 / 1e6;
    eprintln!("{} rows, {:.1} MB in {:.1} ms ({:.0} MB/s)", report.diagnostics.rows, mb, secs * 1e3, mb / secs);
    match serde_json::to_string_pretty(&report) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("{e}"),
    }
}
