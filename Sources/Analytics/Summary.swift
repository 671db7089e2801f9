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

    /// The part of the summary that needs no customer figures: purchases in P and P′, the
    /// monthly trend's money, and the rows after T; it runs beside the portraits.
    /// - Complexity: one pass over the purchases.
    static func purchases(settings: AnalysisSettings, activity: Activity, laterRows: Int) -> Summary {
        var summary = Summary()
        summary.rowsAfterAsOf = activity.orderRowsAfterAsOf + laterRows
        let period = settings.period
        let firstMonth = period.first.monthIndex
        let lastMonth = max(firstMonth, min(period.last, settings.asOf).monthIndex)
        summary.monthly = (firstMonth...lastMonth).map { MonthlyFigures(month: $0) }
        let months = MonthTable(from: period.first, through: period.last)
        let previous = settings.previousPeriod
        var revenue: Int64 = 0, orders = 0, revenuePrevious: Int64 = 0
        activity.purchases.withUnsafeBufferPointer { purchases in
            for purchase in purchases {
                if period.contains(purchase.date) {
                    revenue += purchase.amount
                    orders += 1
                    let slot = months.month(of: purchase.date) - firstMonth
                    summary.monthly[slot].revenue.micros += purchase.amount
                    summary.monthly[slot].orders += 1
                } else if previous.contains(purchase.date) {
                    revenuePrevious += purchase.amount
                }
            }
        }
        summary.revenuePeriod.micros = revenue
        summary.ordersPeriod = orders
        summary.revenuePrevious.micros = revenuePrevious
        return summary
    }

    /// Adds the figures counted over the customers, all but the segments (``count(segments:model:)``).
    /// - Complexity: one pass over the customers.
    mutating func countCustomers(_ figures: [CustomerFigures], settings: AnalysisSettings) {
        customers = figures.count
        let period = settings.period
        let asOf = settings.asOf
        let atRiskDays = settings.thresholds.atRiskDays
        let firstMonth = monthly.first?.month ?? period.first.monthIndex
        let months = MonthTable(from: period.first, through: period.last)
        var active = 0, new = 0, open = 0
        figures.withUnsafeBufferPointer { fig in
            for f in fig {
                if f.orders > 0, let r = f.recencyDays, Int(r) <= atRiskDays { active += 1 }
                // tenure = T − created_at, set exactly when created_at ≤ T.
                if let tenure = f.tenureDays, period.contains(Day(raw: asOf.raw - tenure)) { new += 1 }
                open += Int(f.openComplaints)
                if let first = f.firstOrder, period.contains(first) {
                    monthly[months.month(of: first) - firstMonth].firstPurchases += 1
                }
            }
        }
        activeCustomers = active
        newCustomers = new
        openComplaints = open
    }

    /// Sets the customers per segment from counts in `Segment.allCases` order.
    mutating func count(segments counts: [Int], model: SegmentModel) {
        segmentCounts = model.segments.map { ($0, counts[Segment.allCases.firstIndex(of: $0) ?? 0]) }
    }
}
