//! The crate's imports point one way: every `crate::…` and `super::…` path of a module
//! (tests aside) names a module of its own layer or one below, and the graph has no loop.
//! The layers are the README's module map, bottom up.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module (by path prefix) → layer; a module's layer is its longest matching prefix's.
const LAYERS: &[(&str, u8)] = &[
    ("hashing", 0),
    ("memo", 0),
    ("coded", 0),
    ("text", 0),
    ("period", 0),
    ("problems", 0),
    ("reason", 0),
    ("alert", 0),
    ("currency_code", 0),
    ("stages", 1),
    ("vocabulary", 1),
    ("model", 2),
    ("ingest", 3),
    ("filters", 4),
    ("choices", 4),
    ("options", 5),
    ("report", 5),
    ("metrics", 6),
    ("drill", 7),
    ("engine", 8),
    ("wasm", 9),
    ("lib", 10),
];

fn layer(module: &str) -> u8 {
    LAYERS
        .iter()
        .filter(|(p, _)| module == *p || module.starts_with(&format!("{p}::")))
        .max_by_key(|(p, _)| p.len())
        .map(|(_, l)| *l)
        .unwrap_or_else(|| panic!("{module} has no layer in tests/architecture.rs (and the README's map)"))
}

/// Every module of `src/` (`a::b` for src/a/b.rs or src/a/b/mod.rs) and its source, tests cut off.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
                let rel = path.strip_prefix(&src).unwrap().with_extension("");
                let mut name = rel.to_string_lossy().replace('/', "::");
                if let Some(parent) = name.strip_suffix("::mod") {
                    name = parent.to_string();
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
                out.insert(name, code);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

/// The longest module named by a path (`metrics::deals::DealsAgg` → `metrics::deals`).
fn resolve(path: &str, known: &BTreeMap<String, String>) -> Option<String> {
    let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    (1..=parts.len()).rev().map(|n| parts[..n].join("::")).find(|m| known.contains_key(m))
}

/// The modules a module's code imports.
fn imports(module: &str, code: &str, known: &BTreeMap<String, String>) -> BTreeSet<String> {
    let ident = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    let mut out = BTreeSet::new();
    // `super` of a/b (a file or a mod.rs) is a; of a top-level module, the crate
    let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
    for (prefix, base) in [("crate::", String::new()), ("super::", parent.to_string())] {
        for (at, _) in code.match_indices(prefix) {
            let rest: String = code[at + prefix.len()..].chars().take_while(|c| ident(*c)).collect();
            let full = if base.is_empty() { rest } else { format!("{base}::{rest}") };
            if let Some(m) = resolve(&full, known).filter(|m| m != module) {
                out.insert(m);
            }
        }
    }
    out
}

#[test]
fn imports_point_down_and_never_loop() {
    let known = modules();
    let graph: BTreeMap<String, BTreeSet<String>> =
        known.iter().map(|(m, code)| (m.clone(), imports(m, code, &known))).collect();
    assert!(graph["engine"].contains("metrics") || graph["engine"].iter().any(|m| m.starts_with("metrics::")));
    let mut upward = Vec::new();
    for (from, tos) in &graph {
        for to in tos {
            // a parent module may name its children (mod.rs re-exports)
            let child = to.starts_with(&format!("{from}::"));
            if !child && layer(to) > layer(from) {
                upward.push(format!("{from} (layer {}) → {to} (layer {})", layer(from), layer(to)));
            }
        }
    }
    assert!(upward.is_empty(), "imports pointing up:\n{}", upward.join("\n"));
    // no loop: take away modules that import nothing left, until none is left
    let mut left = graph.clone();
    loop {
        let free: Vec<String> =
            left.iter().filter(|(_, tos)| tos.iter().all(|t| !left.contains_key(t))).map(|(m, _)| m.clone()).collect();
        if free.is_empty() {
            break;
        }
        for m in free {
            left.remove(&m);
        }
    }
    assert!(left.is_empty(), "modules in an import loop: {:?}", left.keys().collect::<Vec<_>>());
}
