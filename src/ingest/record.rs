//! A row's cells into its kind's typed struct ([`crate::model`]): the one place where a
//! table's fields are found by position and its words (an activity's type, a referral
//! source, a converted status, a lead's direction, a survey's scale, a churn flag, a
//! quota's period) are classified, each distinct spelling once per file.

use super::quota_period::quota_period;
use super::schema::at;
use super::schema::Kind;
use super::typed_row::Row;
use crate::memo::Memo;
use crate::model::{Activity, Customer, Lead, Order, Quota, Spend, StageChange, Subscription, Survey, Ticket, Visits};
use crate::text::parse_flag;
use crate::vocabulary::{self, ActivityType, Direction, Scale};
use chrono::NaiveDate;

/// One typed row of a table of any kind but deals and lookups.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry<'a> {
    /// A lead.
    Lead(Lead<'a>),
    /// An activity.
    Activity(Activity<'a>),
    /// A quota.
    Quota(Quota<'a>),
    /// A survey answer.
    Survey(Survey),
    /// A day's visitors of a channel.
    Visits(Visits<'a>),
    /// A support ticket.
    Ticket(Ticket<'a>),
    /// A customer.
    Customer(Customer),
    /// An order line.
    Order(Order<'a>),
    /// A subscription.
    Subscription(Subscription<'a>),
    /// Marketing spend.
    Spend(Spend),
    /// A deal entering a stage.
    StageChange(StageChange<'a>),
}

impl Entry<'_> {
    /// The kind of table the row is from.
    pub fn kind(&self) -> Kind {
        match self {
            Entry::Lead(_) => Kind::Leads,
            Entry::Activity(_) => Kind::Activities,
            Entry::Quota(_) => Kind::Quotas,
            Entry::Survey(_) => Kind::Surveys,
            Entry::Visits(_) => Kind::Traffic,
            Entry::Ticket(_) => Kind::Tickets,
            Entry::Customer(_) => Kind::Customers,
            Entry::Order(_) => Kind::Orders,
            Entry::Subscription(_) => Kind::Subscriptions,
            Entry::Spend(_) => Kind::Spend,
            Entry::StageChange(_) => Kind::StageHistory,
        }
    }
}

/// Builds the typed rows of one file.
pub struct EntryReader {
    kind: Kind,
    types: Memo<ActivityType>,
    referrals: Memo<bool>,
    converted: Memo<bool>,
    directions: Memo<Direction>,
    scales: Memo<Option<Scale>>,
    flags: Memo<Option<bool>>,
    periods: Memo<Option<(NaiveDate, NaiveDate)>>,
}

impl EntryReader {
    /// A reader of rows of `kind`.
    pub fn new(kind: Kind) -> Self {
        EntryReader {
            kind,
            types: Memo::default(),
            referrals: Memo::default(),
            converted: Memo::default(),
            directions: Memo::default(),
            scales: Memo::default(),
            flags: Memo::default(),
            periods: Memo::default(),
        }
    }

    /// The typed row of `r`; `None` for deals (read by `deal_row`).
    pub fn read<'a>(&mut self, r: &Row<'a>) -> Option<Entry<'a>> {
        Some(match self.kind {
            Kind::Leads => {
                use at::leads as f;
                let (source, status, direction) = (r.text(f::SOURCE), r.text(f::STATUS), r.text(f::DIRECTION));
                let converted_text = r.text(f::CONVERTED_DATE);
                Entry::Lead(Lead {
                    lead_id: r.text(f::LEAD_ID),
                    created: r.datetime(f::CREATED_DATE),
                    source,
                    referral: self.referrals.get(source, vocabulary::is_referral),
                    direction: (!direction.is_empty()).then(|| self.directions.get(direction, vocabulary::direction)),
                    owner: r.text(f::OWNER),
                    mql: r.date(f::MQL_DATE),
                    sql: r.date(f::SQL_DATE),
                    first_response: r.datetime(f::FIRST_RESPONSE_DATE),
                    conversion_said: !converted_text.is_empty() || !status.is_empty(),
                    converted: r.datetime(f::CONVERTED_DATE).is_some()
                        || self.converted.get(status, vocabulary::converted_status),
                    deal_id: r.text(f::DEAL_ID),
                })
            }
            Kind::Activities => {
                use at::activities as f;
                Entry::Activity(Activity {
                    owner: r.text(f::OWNER),
                    kind: self.types.get(r.text(f::TYPE), vocabulary::activity_type),
                    date: r.date(f::DATE),
                    minutes: r.number(f::DURATION_MINUTES),
                })
            }
            Kind::Quotas => {
                use at::quotas as f;
                Entry::Quota(Quota {
                    owner: r.text(f::OWNER),
                    period: self.periods.get(r.text(f::PERIOD), quota_period),
                    quota: r.number(f::QUOTA),
                })
            }
            Kind::Surveys => {
                use at::surveys as f;
                Entry::Survey(Survey {
                    date: r.date(f::DATE),
                    score: r.number(f::SCORE),
                    scale: self.scales.get(r.text(f::TYPE), vocabulary::survey_scale),
                })
            }
            Kind::Traffic => {
                use at::traffic as f;
                Entry::Visits(Visits {
                    date: r.date(f::DATE),
                    visitors: r.number(f::VISITORS),
                    conversions: r.number(f::CONVERSIONS),
                    channel: r.text(f::CHANNEL),
                })
            }
            Kind::Tickets => {
                use at::tickets as f;
                Entry::Ticket(Ticket {
                    created: r.datetime(f::CREATED_DATE),
                    first_response: r.datetime(f::FIRST_RESPONSE_DATE),
                    owner: r.text(f::OWNER),
                })
            }
            Kind::Customers => {
                use at::customers as f;
                Entry::Customer(Customer {
                    acquired: r.date(f::ACQUIRED_DATE),
                    churned: r.date(f::CHURNED_DATE),
                    annual_profit: r.number(f::ANNUAL_PROFIT),
                })
            }
            Kind::Orders => {
                use at::orders as f;
                Entry::Order(Order {
                    order_id: r.text(f::ORDER_ID),
                    customer_id: r.text(f::CUSTOMER_ID),
                    date: r.date(f::ORDER_DATE),
                    amount: r.number(f::AMOUNT),
                    currency: r.text(f::CURRENCY),
                })
            }
            Kind::Subscriptions => {
                use at::subscriptions as f;
                let churned = r.text(f::CHURNED);
                Entry::Subscription(Subscription {
                    customer_id: r.text(f::CUSTOMER_ID),
                    start: r.date(f::START_DATE),
                    end: r.date(f::END_DATE),
                    mrr: r.number(f::MRR),
                    churned: (!churned.is_empty()).then(|| self.flags.get(churned, parse_flag)),
                    tenure_months: r.number(f::TENURE_MONTHS),
                })
            }
            Kind::Spend => {
                use at::spend as f;
                Entry::Spend(Spend { date: r.date(f::DATE), amount: r.number(f::AMOUNT) })
            }
            Kind::StageHistory => {
                use at::stage_history as f;
                Entry::StageChange(StageChange {
                    deal_id: r.text(f::DEAL_ID),
                    stage: r.text(f::STAGE),
                    at: r.datetime(f::ENTERED_DATE),
                })
            }
            Kind::Deals => return None,
        })
    }
}
