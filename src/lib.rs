//! # Sales Metrics Analyzer engine
//!
//! A streaming sales-KPI engine: CSV exports are pushed in as byte chunks, rows are
//! folded into mergeable aggregates, and [`Engine::finish`] returns a [`Report`] whose
//! metric ids and formulas follow the project's metric specification (`METRICS.md`,
//! summarised in `docs/REPORT.md`).
//!
//! The engine knows nothing of JavaScript; `wasm.rs` (compiled for `wasm32` only) is
//! the thin facade the browser uses. Natively:
//!
//! ```
//! use sales_metrics::{Engine, Options};
//!
//! let csv = "deal_id,owner,account,stage,amount,created_date,closed_date\n\
//!            D1,Ann,Acme,Won,100.50,2024-01-02,2024-01-12\n\
//!            D2,Bob,Beta,Lost,80,2024-01-03,2024-01-20\n\
//!            D3,Ann,Acme,Proposal,40,2024-01-05,\n";
//! let mut engine = Engine::new(Options::default());
//! let file = engine.begin_file("deals.csv");
//! // Chunks may split the file anywhere, even inside a field.
//! engine.push(file, &csv.as_bytes()[..30]);
//! engine.push(file, &csv.as_bytes()[30..]);
//! engine.end_file(file);
//! let report = engine.finish();
//! assert_eq!(report.metrics["revenue"].value, serde_json::json!("100.50"));
//! assert_eq!(report.metrics["win_rate"].value, serde_json::json!(0.5));
//! ```

// Library code never unwraps: bad input is a message, not a panic (tests may unwrap).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod alert;
pub mod choices;
mod coded;
pub mod currency_code;
pub mod drill;
pub mod engine;
pub mod filters;
pub mod hashing;
pub mod ingest;
pub mod metrics;
pub mod model;
pub mod options;
pub mod period;
pub mod problems;
pub mod reason;
pub mod report;
pub mod stages;
pub mod text;
pub mod vocabulary;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use engine::{Engine, FileId};
pub use options::{Options, RawOptions};
pub use period::Period;
pub use report::{Metric, Report, Table};
