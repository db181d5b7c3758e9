//! Rows of the service tables: surveys, web traffic, support tickets.

use crate::vocabulary::Scale;
use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

/// One answer to a survey.
#[derive(Clone, Debug, PartialEq)]
pub struct Survey {
    /// When it was answered.
    pub date: Option<NaiveDate>,
    /// The score given.
    pub score: Option<Decimal>,
    /// The scale its type names; `None` when not said.
    pub scale: Option<Scale>,
}

/// One row of a traffic table: visitors and conversions of a day and channel.
#[derive(Clone, Debug, PartialEq)]
pub struct Visits<'a> {
    /// The day.
    pub date: Option<NaiveDate>,
    /// Visitors.
    pub visitors: Option<Decimal>,
    /// Conversions.
    pub conversions: Option<Decimal>,
    /// The channel, as written.
    pub channel: &'a str,
}

/// One support ticket.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticket<'a> {
    /// When it was opened.
    pub created: Option<NaiveDateTime>,
    /// When someone first answered it.
    pub first_response: Option<NaiveDateTime>,
    /// Who answered, as written.
    pub owner: &'a str,
}
