//! The only module that knows JavaScript: a thin `wasm-bindgen` class over [`Engine`].
//! Bytes come in a chunk at a time; the report goes out once, as a plain JS object.

use crate::drill::{DrillQuery, RawDrill};
use crate::{Engine, RawOptions};
use wasm_bindgen::prelude::*;

/// An error for the page, bounded: what it echoes of the input is cut.
fn error(message: impl AsRef<str>) -> JsError {
    JsError::new(&crate::text::clip(message.as_ref(), MAX_MESSAGE))
}

/// The longest error message, in characters.
const MAX_MESSAGE: usize = 300;

/// A running analysis, driven from the Web Worker.
#[wasm_bindgen]
pub struct Analyzer {
    engine: Option<Engine>,
}

#[wasm_bindgen]
impl Analyzer {
    /// `options`: `{ from, to, today, stalled_after_days, stage_order }`, all optional.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Analyzer, JsError> {
        let raw: RawOptions = if options.is_undefined() || options.is_null() {
            RawOptions::default()
        } else {
            serde_wasm_bindgen::from_value(options).map_err(|e| error(format!("bad options: {e}")))?
        };
        let options = raw.validate().map_err(error)?;
        Ok(Analyzer { engine: Some(Engine::new(options)) })
    }

    /// An analyzer that lists the rows behind a figure: `drill` is the query (see
    /// `docs/DRILL.md`), `options` the analysis' own with `as_of` set to the report's.
    pub fn drilling(options: JsValue, drill: JsValue) -> Result<Analyzer, JsError> {
        let raw: RawOptions =
            serde_wasm_bindgen::from_value(options).map_err(|e| error(format!("bad options: {e}")))?;
        let options = raw.validate().map_err(error)?;
        let drill: RawDrill = serde_wasm_bindgen::from_value(drill).map_err(|e| error(format!("bad drill: {e}")))?;
        let query = DrillQuery::new(&drill, &options).map_err(error)?;
        Ok(Analyzer { engine: Some(Engine::drilling(options, query)) })
    }

    /// The drill's page as JSON text, or every match as CSV text when `csv`.
    pub fn drill(&mut self, csv: bool) -> Result<String, JsError> {
        let engine = self.engine.take().ok_or_else(|| JsError::new("the drill has ended"))?;
        let page = engine.drill().ok_or_else(|| JsError::new("this analyzer was made by new(), not drilling()"))?;
        if csv {
            return Ok(page.to_csv());
        }
        serde_json::to_string(&page).map_err(|e| error(e.to_string()))
    }

    /// Starts a file and returns its handle.
    #[wasm_bindgen(js_name = beginFile)]
    pub fn begin_file(&mut self, name: &str) -> usize {
        self.engine.as_mut().map_or(0, |e| e.begin_file(name))
    }

    /// Pushes the next chunk of a file.
    pub fn push(&mut self, file: usize, chunk: &[u8]) {
        if let Some(e) = self.engine.as_mut() {
            e.push(file, chunk);
        }
    }

    /// Ends a file.
    #[wasm_bindgen(js_name = endFile)]
    pub fn end_file(&mut self, file: usize) {
        if let Some(e) = self.engine.as_mut() {
            e.end_file(file);
        }
    }

    /// Whether the bytes of `file` pushed so far end at a record boundary.
    #[wasm_bindgen(js_name = atRecordStart)]
    pub fn at_record_start(&mut self, file: usize) -> bool {
        self.engine.as_mut().is_some_and(|e| e.at_record_start(file))
    }

    /// Ends the file and returns this engine's state of it, to merge elsewhere.
    #[wasm_bindgen(js_name = exportPart)]
    pub fn export_part(&mut self) -> Result<Vec<u8>, JsError> {
        let engine = self.engine.take().ok_or_else(|| JsError::new("the analysis has ended"))?;
        Ok(engine.export_part())
    }

    /// Merges the next part of a file exported by another analyzer.
    #[wasm_bindgen(js_name = importPart)]
    pub fn import_part(&mut self, state: &[u8]) -> Result<(), JsError> {
        let engine = self.engine.as_mut().ok_or_else(|| JsError::new("the analysis has ended"))?;
        engine.import_part(state).map_err(error)
    }

    /// The columns of names held so far, most distinct values first, as JSON:
    /// `[{ "kind": "deals", "field": "owner", "distinct": 3400000 }, …]`.
    #[wasm_bindgen(js_name = distinctNames)]
    pub fn distinct_names(&self) -> String {
        let list: Vec<serde_json::Value> = self.engine.as_ref().map_or_else(Vec::new, |e| {
            e.distinct_names()
                .into_iter()
                .map(|(kind, field, n)| serde_json::json!({ "kind": kind, "field": field, "distinct": n }))
                .collect()
        });
        serde_json::Value::Array(list).to_string()
    }

    /// Data rows read so far.
    pub fn rows(&self) -> f64 {
        self.engine.as_ref().map_or(0.0, |e| e.rows() as f64)
    }

    /// Computes the report (once), as JSON text: one string crosses into JavaScript,
    /// where `JSON.parse` builds the objects far faster than one call per field would.
    pub fn finish(&mut self) -> Result<String, JsError> {
        let engine = self.engine.take().ok_or_else(|| JsError::new("finish() was already called"))?;
        serde_json::to_string(&engine.finish()).map_err(|e| error(e.to_string()))
    }
}

/// Installs the GB18030/GBK table (`www/gb18030.bin`) for the analyses that follow: such
/// files are then decoded here rather than by the browser's slower `TextDecoder`.
#[wasm_bindgen(js_name = installGb18030Table)]
pub fn install_gb18030_table(table: &[u8]) -> Result<(), JsError> {
    crate::ingest::gb18030::install(table).map_err(JsError::new)
}
