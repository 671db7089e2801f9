import LedgerModel

/// The portrait figures of one customer, up to T, with its scores, segment, grade and stage.
///
/// One compact struct per customer, aligned with `Ledger.customers`, so a million customers are
/// one array and every concern fills its fields in a single pass.
package struct CustomerFigures: Sendable {
    /// F: purchases dated ≤ T.
    package var orders: Int32 = 0
    /// M: their amounts summed.
    package var revenue = Money.zero
    package var firstOrder: Day?
    /// Date of the second purchase in date order (equal to `firstOrder` for two on one day).
    package var secondOrder: Day?
    package var lastOrder: Day?
    /// R = T − last_order; nil when F = 0.
    package var recencyDays: Int32?
    /// T − created_at; nil when created_at is missing or after T.
    package var tenureDays: Int32?
    package var revenuePeriod = Money.zero
    package var ordersPeriod: Int32 = 0
    /// Interactions dated ≤ T.
    package var interactions: Int32 = 0
    package var lastContact: Day?
    package var daysSinceContact: Int32?
    /// Most frequent channel; ties go to the code first in code-point order.
    package var preferredChannel: Channel?
    /// Category id in `Ledger.strings` with the most purchase revenue, or -1.
    package var topCategory: Int32 = -1
    package var complaints: Int32 = 0
    /// Complaints whose resolved_at is missing, bad or after T.
    package var openComplaints: Int32 = 0
    package var satisfactionSum: Int32 = 0
    package var satisfactionCount: Int32 = 0
    /// An interaction inside the follow-up window `(T − follow_up_days, T]`.
    package var contactedRecently = false
    /// An opportunity created ≤ T (or without created_at).
    package var hasOpportunity = false
    /// RFM scores 1...5, 0 when not scored (F = 0).
    package var rScore: UInt8 = 0
    package var fScore: UInt8 = 0
    package var mScore: UInt8 = 0
    package var segment = Segment.noPurchase
    package var grade: Grade?
    /// Revenue of the customers ahead in the grade order (the `before` of metrics.md), micros.
    package var revenueBefore: Int128 = 0
    package var stage = Stage.lead
    /// Bit k set: a purchase in calendar month first_month + k (k = 0...11).
    package var cohortMonths: UInt16 = 0

    package init() {}

    /// `aov` = M / F in currency units; nil when F = 0.
    package var aov: Ratio? {
        Ratio(Int128(revenue.micros), Int128(orders) * Int128(Money.scale))
    }

    /// Mean satisfaction 1–5; nil when the customer gave none.
    package var satisfaction: Ratio? {
        Ratio(Int(satisfactionSum), Int(satisfactionCount))
    }

    /// Engaged (funnel): an interaction, an opportunity or a purchase up to T.
    package var isEngaged: Bool { interactions > 0 || hasOpportunity || orders > 0 }
}
