import Analytics
import LedgerModel

extension Exports {
    /// The header of `segments.csv` (not in metrics.md; Portrait's own choice).
    package static let segmentColumns = [
        "segment", "customers", "share", "revenue", "revenue_share", "mean_recency_days",
        "mean_orders", "mean_revenue", "mean_r_score", "mean_f_score", "mean_m_score",
    ]

    /// `segments.csv`: one row per segment code of the active model and `no_purchase`, empty
    /// segments included, ordered by code in code-point order.
    ///
    /// `share` = customers ÷ all customers; `revenue` is the segment's M (revenue up to T) and
    /// `revenue_share` its part of all customers' M; the means are over the segment's customers
    /// (recency and scores over those with F ≥ 1, so empty for `no_purchase`).
    /// - Complexity: one pass over the customers.
    package static func segmentsCSV(report: AnalyticsReport, ledger: Ledger) -> [UInt8] {
        struct Totals {
            var customers = 0, scored = 0, orders = 0, recency = 0, r = 0, f = 0, m = 0
            var revenue: Int128 = 0
        }
        let codes = report.settings.segmentModel.segments
        var totals = [Totals](repeating: Totals(), count: Segment.allCases.count)
        var allRevenue: Int128 = 0
        for figures in report.customers {
            let k = Segment.allCases.firstIndex(of: figures.segment) ?? 0
            totals[k].customers += 1
            totals[k].orders += Int(figures.orders)
            totals[k].revenue += Int128(figures.revenue.micros)
            allRevenue += Int128(figures.revenue.micros)
            if figures.orders > 0 {
                totals[k].scored += 1
                totals[k].recency += Int(figures.recencyDays ?? 0)
                totals[k].r += Int(figures.rScore)
                totals[k].f += Int(figures.fScore)
                totals[k].m += Int(figures.mScore)
            }
        }
        var table = CSVTable(header: segmentColumns)
        let all = report.customers.count
        for segment in codes.sorted(by: { $0.rawValue.codePointPrecedes($1.rawValue) }) {
            let t = totals[Segment.allCases.firstIndex(of: segment) ?? 0]
            table.append([
                .value(segment.rawValue), int(t.customers), rate(Ratio(t.customers, all)),
                .value(Money.format(t.revenue, scaleDigits: 6, decimals: 2)),
                rate(Ratio(t.revenue, allRevenue)),
                mean(Ratio(t.recency, t.scored)), mean(Ratio(t.orders, t.customers)),
                money2(Ratio(t.revenue, Int128(t.customers) * Int128(Money.scale))),
                mean(Ratio(t.r, t.scored)), mean(Ratio(t.f, t.scored)), mean(Ratio(t.m, t.scored)),
            ])
        }
        return table.bytes
    }
}
