//! Metric families. Each is an aggregate value with `observe(row)`, `merge(other)` and
//! `finish(...)`; merging is what makes chunked, multi-file and multi-worker analysis
//! the same computation. Metrics never parse text.

pub mod activities;
pub mod alerts;
pub mod churn_flag;
pub mod comparison;
pub mod currency;
pub mod customers;
pub mod deals;
pub mod dimensions;
pub mod forecast;
pub mod funnel;
pub mod groups;
pub mod growth;
pub mod history;
pub mod leads;
pub mod orders;
pub mod pipeline;
pub mod satisfaction;
pub mod stats;
pub mod team;
pub mod withheld;

pub use deals::DealsAgg;
