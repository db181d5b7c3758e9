//! Typed rows: one struct per table kind, its values parsed and its words classified
//! (by `ingest::record`, once, as the row is read). Text borrows from the CSV record.
//! A value that was blank or bad is `None` (bad values were reported as problems
//! before the row got here). Metric families and the drill take these, never cells.

mod customers;
mod deal;
mod sales;
mod service;

pub use customers::{Customer, Order, Spend, Subscription};
pub use deal::Deal;
pub use sales::{Activity, Lead, Quota, StageChange};
pub use service::{Survey, Ticket, Visits};
