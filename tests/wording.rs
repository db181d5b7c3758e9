//! Everything the engine says in words comes with a code the page words in its language
//! (www/words.js): each code has its message in English, Chinese and Persian.

use sales_metrics::ProblemKind;
use sales_metrics::Reason;
use sales_metrics::{FileErrorKind, FileNote, TakenBy, ValueShape};

/// A unit enum's code, as the report writes it.
fn code(v: impl serde::Serialize) -> String {
    serde_json::to_value(v).unwrap().as_str().unwrap().to_string()
}

#[test]
fn every_code_is_worded_in_every_language() {
    let keys: Vec<String> = Reason::examples()
        .iter()
        .map(|r| format!("reason.{}", r.code()))
        .chain(ProblemKind::examples().iter().map(|k| format!("problem.{}", k.code())))
        .chain(FileErrorKind::examples().iter().map(|e| format!("file_error.{}", e.code().code)))
        .chain(FileNote::examples().iter().map(|n| format!("file_note.{}", n.code().code)))
        .chain(TakenBy::ALL.iter().map(|b| format!("column_why.{}", code(b))))
        .chain(ValueShape::ALL.iter().map(|v| format!("column_values.{}", code(v))))
        .collect();
    assert!(keys.len() > 90, "{} codes", keys.len());
    for locale in ["en", "zh", "fa"] {
        let path = format!("{}/www/messages/{locale}.js", env!("CARGO_MANIFEST_DIR"));
        let messages = std::fs::read_to_string(&path).unwrap();
        let missing: Vec<&String> = keys.iter().filter(|k| !messages.contains(&format!("'{k}'"))).collect();
        assert!(missing.is_empty(), "{locale} has no message for {missing:?}");
    }
}
