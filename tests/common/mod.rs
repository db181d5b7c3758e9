//! Helpers shared by the integration tests.
#![allow(dead_code)]

use sales_metrics::{Engine, RawOptions, Report};
use serde_json::Value;

/// Analyses `files` (name, bytes), each pushed in chunks of `chunk` bytes.
pub fn analyze(files: &[(&str, &[u8])], options: RawOptions, chunk: usize) -> Report {
    let mut engine = Engine::new(options.validate().expect("valid options"));
    for (name, bytes) in files {
        let id = engine.begin_file(name);
        for part in bytes.chunks(chunk.max(1)) {
            engine.push(id, part);
        }
        engine.end_file(id);
    }
    engine.finish()
}

/// Options of a period, judged as of `as_of` (which is also the user's "today").
pub fn options(from: Option<&str>, to: Option<&str>, as_of: Option<&str>) -> RawOptions {
    RawOptions {
        from: from.map(String::from),
        to: to.map(String::from),
        as_of: as_of.map(String::from),
        today: as_of.map(String::from),
        ..RawOptions::default()
    }
}

pub fn value(report: &Report, id: &str) -> Value {
    report.metrics.get(id).unwrap_or_else(|| panic!("no metric {id}")).value.clone()
}

pub fn table_rows(report: &Report, id: &str) -> Vec<serde_json::Map<String, Value>> {
    report.tables.get(id).unwrap_or_else(|| panic!("no table {id}")).rows.clone()
}

/// `true` when two floats agree to 1e-9.
pub fn close(a: &Value, b: f64) -> bool {
    a.as_f64().is_some_and(|x| (x - b).abs() < 1e-9)
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A file of the shared public datasets (`../shared/datasets`, or `$SHARED_DATASETS`),
/// or None with a note when they are absent (the test is then skipped).
pub fn shared_dataset(path: &str) -> Option<Vec<u8>> {
    let full = shared_root().join(path);
    match std::fs::read(&full) {
        Ok(b) => Some(b),
        Err(_) => {
            eprintln!("skipped: {} not found (set SHARED_DATASETS)", full.display());
            None
        }
    }
}

fn shared_root() -> std::path::PathBuf {
    std::env::var_os("SHARED_DATASETS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets"))
}

/// A folder of the shared public datasets, or None with a note when it is absent.
pub fn shared_dataset_dir(path: &str) -> Option<std::path::PathBuf> {
    let full = shared_root().join(path);
    if full.is_dir() {
        Some(full)
    } else {
        eprintln!("skipped: {} not found (set SHARED_DATASETS)", full.display());
        None
    }
}
