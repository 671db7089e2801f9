import LedgerModel

/// The team-performance figures of one rep, or of a team as the sum of its reps.
///
/// Counts and money add up; ratios are recomputed from the sums and medians from the pooled
/// values, so a team's figures are exactly those of one rep owning all its reps' rows.
package struct PerformanceFigures: Sendable {
    package var customers = 0
    /// Owned customers with created_at inside P.
    package var newCustomers = 0
    package var revenuePeriod = Money.zero
    package var ordersPeriod = 0
    /// Revenue credited in P′.
    package var revenuePrevious = Money.zero
    /// The rep's quota when it is > 0; for a team, the sum of its reps' such quotas.
    package var quota: Money?
    /// Revenue in P of the reps that have a quota (the numerator of a team's attainment).
    package var revenueWithQuota = Money.zero
    /// Owned customers with R ≤ at_risk_days.
    package var activeCustomers = 0
    /// Interactions credited in P.
    package var interactionsPeriod = 0
    /// Owned customers with an interaction in the follow-up window.
    package var contactedCustomers = 0
    /// Owned at_risk customers without an interaction in the follow-up window.
    package var overdueFollowUps = 0
    /// Complaints credited, dated in P.
    package var complaints = 0
    /// Complaints credited, dated ≤ T and open as of T.
    package var openComplaints = 0
    /// Seconds from date-time to resolved_at of credited complaints in P resolved by T.
    package var resolutionSeconds: [Int64] = []
    package var satisfactionSum = 0
    package var satisfactionCount = 0
    /// Opportunities credited, won or lost with closed_at in P.
    package var won = 0
    package var lost = 0
    /// Amounts of credited open opportunities as of T, a missing amount adding 0.
    package var openPipeline = Money.zero
    /// created_at to closed_at of credited won opportunities closed in P with both dates.
    package var cycleDays: [Int32] = []

    package init() {}

    package var aovPeriod: Ratio? {
        Ratio(Int128(revenuePeriod.micros), Int128(ordersPeriod) * Int128(Money.scale))
    }

    /// revenue_period ÷ quota; nil without a quota > 0.
    package var quotaAttainment: Ratio? {
        guard let quota, quota > .zero else { return nil }
        return Ratio(Int128(revenueWithQuota.micros), Int128(quota.micros))
    }

    /// (P − P′) ÷ P′; nil when P′ is 0.
    package var revenueChange: Ratio? {
        Ratio(Int128(revenuePeriod.micros) - Int128(revenuePrevious.micros),
              Int128(revenuePrevious.micros))
    }

    package var followUpCoverage: Ratio? { Ratio(contactedCustomers, customers) }

    package var medianResolutionHours: Ratio? {
        guard let seconds = Lifecycle.median(resolutionSeconds.sorted()) else { return nil }
        return Ratio(seconds.numerator, seconds.denominator * 3600)
    }

    package var satisfaction: Ratio? { Ratio(satisfactionSum, satisfactionCount) }

    package var winRate: Ratio? { Ratio(won, won + lost) }

    package var medianCycleDays: Ratio? { Lifecycle.median(cycleDays.sorted()) }

    /// Adds another rep's figures (team totals).
    package mutating func add(_ other: PerformanceFigures) {
        customers += other.customers
        newCustomers += other.newCustomers
        revenuePeriod += other.revenuePeriod
        ordersPeriod += other.ordersPeriod
        revenuePrevious += other.revenuePrevious
        if let q = other.quota { quota = (quota ?? .zero) + q }
        revenueWithQuota += other.revenueWithQuota
        activeCustomers += other.activeCustomers
        interactionsPeriod += other.interactionsPeriod
        contactedCustomers += other.contactedCustomers
        overdueFollowUps += other.overdueFollowUps
        complaints += other.complaints
        openComplaints += other.openComplaints
        resolutionSeconds += other.resolutionSeconds
        satisfactionSum += other.satisfactionSum
        satisfactionCount += other.satisfactionCount
        won += other.won
        lost += other.lost
        openPipeline += other.openPipeline
        cycleDays += other.cycleDays
    }
}
