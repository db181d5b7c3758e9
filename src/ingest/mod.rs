//! Ingest: bytes in, typed cells out. Knows CSV, encodings, headers and value formats;
//! knows nothing of metrics.

pub mod cells;
pub mod codec;
pub mod columns;
pub mod csv_stream;
pub mod dates;
pub mod deal_row;
pub mod decode;
pub mod doubtful;
pub mod file;
pub mod file_info;
pub mod file_options;
pub mod footer;
pub mod gb18030;
pub mod grouped;
pub mod hints;
pub mod lookup;
pub mod money;
pub mod notes;
pub mod profile;
pub mod quota_period;
pub mod record;
pub mod schema;
pub mod sniff;
pub mod tokens;
pub mod typed_row;

/// Rows of cells from comma-joined lines, for unit tests.
#[cfg(test)]
pub(crate) fn test_rows(lines: &[&str]) -> Vec<Vec<String>> {
    lines.iter().map(|l| l.split(',').map(String::from).collect()).collect()
}
