//! Rows of the sales team's tables: leads, activities, quotas, a deal's stage changes.

use crate::vocabulary::{ActivityType, Direction};
use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

/// One row of a leads table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lead<'a> {
    /// The lead's id, as written.
    pub lead_id: &'a str,
    /// When the lead was created.
    pub created: Option<NaiveDateTime>,
    /// Where it came from, as written (blank when no column).
    pub source: &'a str,
    /// Whether the source is a referral.
    pub referral: bool,
    /// Its direction; `None` when blank or no column.
    pub direction: Option<Direction>,
    /// Its owner, as written.
    pub owner: &'a str,
    /// When it became a marketing-qualified lead.
    pub mql: Option<NaiveDate>,
    /// When it became a sales-qualified lead.
    pub sql: Option<NaiveDate>,
    /// When someone first answered it.
    pub first_response: Option<NaiveDateTime>,
    /// Whether its converted date or status says anything (a file that never says
    /// cannot tell converted leads from the rest).
    pub conversion_said: bool,
    /// Converted by its own columns: a converted date, or a status that means converted.
    pub converted: bool,
    /// The deal it became, as written.
    pub deal_id: &'a str,
}

/// One row of an activities table.
#[derive(Clone, Debug, PartialEq)]
pub struct Activity<'a> {
    /// Who did it, as written.
    pub owner: &'a str,
    /// What it was.
    pub kind: ActivityType,
    /// When.
    pub date: Option<NaiveDate>,
    /// How long, in minutes.
    pub minutes: Option<Decimal>,
}

/// One row of a quotas table.
#[derive(Clone, Debug, PartialEq)]
pub struct Quota<'a> {
    /// Whose quota, as written.
    pub owner: &'a str,
    /// The days it covers, `[from, to)`; `None` when the period cell names no period.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The target.
    pub quota: Option<Decimal>,
}

/// One row of a stage history: a deal entered a stage.
#[derive(Clone, Debug, PartialEq)]
pub struct StageChange<'a> {
    /// The deal, as written.
    pub deal_id: &'a str,
    /// The stage it entered, as written.
    pub stage: &'a str,
    /// When.
    pub at: Option<NaiveDateTime>,
}
