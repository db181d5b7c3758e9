//! The only module that knows JavaScript: a thin `wasm-bindgen` class over [`Engine`].
//! Bytes come in a chunk at a time; the report goes out once, as a plain JS object.

use crate::{Engine, RawOptions};
use wasm_bindgen::prelude::*;

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
            serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("bad options: {e}")))?
        };
        let options = raw.validate().map_err(|e| JsError::new(&e))?;
        Ok(Analyzer { engine: Some(Engine::new(options)) })
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

    /// Data rows read so far.
    pub fn rows(&self) -> f64 {
        self.engine.as_ref().map_or(0.0, |e| e.rows() as f64)
    }

    /// Computes the report (once).
    pub fn finish(&mut self) -> Result<JsValue, JsError> {
        let engine = self.engine.take().ok_or_else(|| JsError::new("finish() was already called"))?;
        let report = engine.finish();
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        serde::Serialize::serialize(&report, &serializer).map_err(|e| JsError::new(&e.to_string()))
    }
}
