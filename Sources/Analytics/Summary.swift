import LedgerModel

/// The ledger-wide figures of the dashboard and of `summary.json`.
package struct Summary: Sendable {
    package var customers = 0
    /// Purchases in P of every customer, orphan customer_ids included.
    package var revenuePeriod = Money.zero
    package var ordersPeriod = 0
    package var revenuePrevious = Money.zero
    /// Customers with F ≥ 1 and R ≤ at_risk_days.
    package var activeCustomers = 0
    /// Customers with created_at inside P.
    package var newCustomers = 0
    /// Open complaints of known customers as of T.
    package var openComplaints = 0
    /// Customers per segment, for every code of the model (`SegmentModel.segments` order).
    package var segmentCounts: [(segment: Segment, count: Int)] = []
    /// Order lines, interactions and opportunities dated after T.
    package var rowsAfterAsOf = 0
    /// One entry per calendar month touching P, first to last.
    package var monthly: [MonthlyFigures] = []

    package init() {}

    /// (P − P′) ÷ P′; nil when P′ is 0.
    package var revenueChange: Ratio? {
        Ratio(Int128(revenuePeriod.micros) - Int128(revenuePrevious.micros),
              Int128(revenuePrevious.micros))
    }

    package var aovPeriod: Ratio? {
        Ratio(Int128(revenuePeriod.micros), Int128(ordersPeriod) * Int128(Money.scale))
    }

    /// Ledger-wide figures from the per-customer ones and the purchases.
    /// - Complexity: one pass over customers and one over purchases.
    static func compute(ledger: Ledger, settings: AnalysisSettings, activity: Activity,
                        figures: [CustomerFigures]) -> Summary {
        var summary = Summary()
        summary.customers = figures.count
        summary.rowsAfterAsOf = activity.rowsAfterAsOf
        let period = settings.period
        let firstMonth = period.first.monthIndex
        let lastMonth = max(firstMonth, min(period.last, settings.asOf).monthIndex)
        summary.monthly = (firstMonth...lastMonth).map { MonthlyFigures(month: $0) }
        var counts = [Int](repeating: 0, count: Segment.allCases.count)
        for (i, f) in figures.enumerated() {
            counts[Segment.allCases.firstIndex(of: f.segment) ?? 0] += 1
            if f.orders > 0, let r = f.recencyDays, r <= settings.thresholds.atRiskDays {
                summary.activeCustomers += 1
            }
            if let created = ledger.customers[i].createdAt, created <= settings.asOf,
               period.contains(created) {
                summary.newCustomers += 1
            }
            summary.openComplaints += Int(f.openComplaints)
            if let first = f.firstOrder, period.contains(first) {
                summary.monthly[first.monthIndex - firstMonth].firstPurchases += 1
            }
        }
        summary.segmentCounts = settings.segmentModel.segments.map {
            ($0, counts[Segment.allCases.firstIndex(of: $0) ?? 0])
        }
        for purchase in activity.purchases {
            if period.contains(purchase.date) {
                summary.revenuePeriod.micros += purchase.amount
                summary.ordersPeriod += 1
                summary.monthly[purchase.date.monthIndex - firstMonth].revenue.micros += purchase.amount
                summary.monthly[purchase.date.monthIndex - firstMonth].orders += 1
            } else if settings.previousPeriod.contains(purchase.date) {
                summary.revenuePrevious.micros += purchase.amount
            }
        }
        return summary
    }
}
