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
use crate::vocabulary::{self, order_status, ActivityType, Direction, OrderStatus, Scale};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// How an orders file writes its orders, decided from its first rows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct OrderLayout {
    /// It has an amount column (else a line is worth quantity × unit price − discount).
    pub amount_column: bool,
    /// The amount column holds each order's total, repeated on each of its lines (or
    /// written on its first line only): it counts once per order.
    pub total_on_each_line: bool,
    /// The status column is a yes/no to this status (a `Cancelled` column of Y/N).
    pub status_flag: Option<OrderStatus>,
}

/// What the first lines of the current order said.
#[derive(Clone, Debug, Default)]
struct LastOrder {
    id: String,
    date: Option<NaiveDate>,
    status: Option<OrderStatus>,
    total_seen: bool,
}

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
    /// How the file writes its orders.
    orders: OrderLayout,
    /// The last order line's order and what the order's first lines said of it.
    last_order: LastOrder,
    statuses: Memo<Option<OrderStatus>>,
    /// Lines left out: (cancelled, refunded in full).
    pub left_out: (u64, u64),
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
            orders: OrderLayout::default(),
            last_order: LastOrder::default(),
            statuses: Memo::default(),
            left_out: (0, 0),
            types: Memo::default(),
            referrals: Memo::default(),
            converted: Memo::default(),
            directions: Memo::default(),
            scales: Memo::default(),
            flags: Memo::default(),
            periods: Memo::default(),
        }
    }

    /// A reader of an orders file written as `layout` says.
    pub fn orders(layout: OrderLayout) -> Self {
        EntryReader { orders: layout, ..EntryReader::new(Kind::Orders) }
    }

    /// An order line (METRICS.md, "Orders rules"). Order fields left blank on an order's
    /// later lines (a shop writes them on its first line only) are the first line's.
    fn order<'a>(&mut self, r: &Row<'a>) -> Order<'a> {
        use at::orders as f;
        let order_id = r.text(f::ORDER_ID);
        let later_line = !order_id.is_empty() && self.last_order.id == order_id;
        let last = &mut self.last_order;
        if !later_line {
            last.id.clear();
            last.id.push_str(order_id);
            (last.date, last.status, last.total_seen) = (None, None, false);
        }
        let written = r.text(f::STATUS);
        if !written.is_empty() || !later_line {
            let flag = self.orders.status_flag;
            let status = |w: &str| match (flag, parse_flag(w)) {
                (Some(s), Some(true)) => Some(s),
                (Some(_), Some(false)) => Some(OrderStatus::Counts),
                _ => order_status(w),
            };
            last.status = if written.is_empty() { None } else { self.statuses.get(written, status) };
        }
        if let Some(date) = r.date(f::ORDER_DATE) {
            last.date = Some(date);
        }
        let line = match r.number(f::AMOUNT) {
            // an order's total written on each of its lines counts on its first
            Some(_) if self.orders.total_on_each_line && last.total_seen => None,
            Some(a) => {
                last.total_seen = true;
                Some(a)
            }
            None if self.orders.amount_column => None,
            None => match (r.number(f::QUANTITY), r.number(f::UNIT_PRICE)) {
                (Some(q), Some(p)) => q.checked_mul(p).map(|v| v - r.number(f::DISCOUNT).unwrap_or_default()),
                _ => None,
            },
        };
        let refunded = r.number(f::REFUNDED_AMOUNT).unwrap_or_default();
        let refunded_in_full = line.is_some_and(|l| l > Decimal::ZERO && refunded >= l);
        let left_out = match last.status {
            Some(s @ (OrderStatus::Cancelled | OrderStatus::Refunded)) => Some(s),
            _ if refunded_in_full => Some(OrderStatus::Refunded),
            _ => None,
        };
        match left_out {
            Some(OrderStatus::Cancelled) => self.left_out.0 += 1,
            Some(_) => self.left_out.1 += 1,
            None => {}
        }
        Order {
            order_id,
            // blank on an order's later lines: the order is its first line's customer's
            customer_id: r.text(f::CUSTOMER_ID),
            date: last.date,
            amount: line.map(|a| a - refunded),
            currency: r.text(f::CURRENCY),
            left_out,
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
            Kind::Orders => Entry::Order(self.order(r)),
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
