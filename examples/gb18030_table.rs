//! Writes `www/gb18030.bin`, the GB18030/GBK table the page fetches when a file may be
//! Chinese (see `src/ingest/gb18030.rs`), from encoding_rs's decoder.
//!
//! `cargo run --example gb18030_table [OUT=www/gb18030.bin]`

fn main() -> std::io::Result<()> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "www/gb18030.bin".into());
    std::fs::write(&out, sales_metrics::ingest::gb18030::table_from_encoding_rs())
}
