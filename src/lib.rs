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
#![warn(missing_docs)]

// Modules are private; the API is the flat list below (as the `csv` crate does), so
// that moving code between modules never changes what users of the crate import.
mod alert;
mod choices;
mod coded;
mod currency_code;
mod drill;
mod engine;
mod filters;
mod hashing;
mod ingest;
mod memo;
mod metrics;
mod model;
mod options;
mod period;
mod problems;
mod reason;
mod report;
mod stages;
mod text;
mod vocabulary;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use alert::{Alert, Thresholds};
pub use drill::{DrillQuery, DrillResult, RawDrill, Set as DrillSet, MAX_PAGE};
pub use engine::{Engine, FileId};
pub use filters::{RawFilters, RawGroup};
pub use ingest::file_info::{ColumnInfo, ColumnWhy, FileInfo, TakenBy, ValueShape};
pub use ingest::file_options::ChoiceError;
pub use ingest::notes::{FileErrorKind, FileNote};
pub use model::Deal;
pub use options::{Options, RawFileOptions, RawOptions};
pub use period::{Granularity, Period};
pub use problems::{Problem, ProblemKind, Problems};
pub use reason::Reason;
pub use report::{Metric, Report, Table, MAX_TABLE_ROWS, REPORT_VERSION};
pub use stages::Status;

/// Internals that the crate's own integration tests check directly (the forecast's
/// smoothing, the alert rules, merging deal aggregates). Not part of the API: they may
/// change in any release.
#[doc(hidden)]
pub mod internals {
    pub use crate::alert::{Facts as AlertFacts, Latest};
    pub use crate::metrics::alerts::evaluate as evaluate_alerts;
    pub use crate::metrics::forecast::{errors, ets, project};
    pub use crate::metrics::DealsAgg;
}
