import Analytics
import LedgerModel

extension Exports {
    package static let repColumns = [
        "rep_id", "name", "team", "customers", "new_customers", "revenue_period",
        "orders_period", "aov_period", "quota_attainment", "revenue_change", "active_customers",
        "interactions_period", "follow_up_coverage", "overdue_follow_ups", "complaints",
        "open_complaints", "median_resolution_hours", "satisfaction", "won", "lost", "win_rate",
        "open_pipeline", "median_cycle_days", "rank",
    ]

    /// `reps.csv`: one row per rep, ordered by rep_id in code-point order.
    package static func repsCSV(report: AnalyticsReport, ledger: Ledger) -> [UInt8] {
        var table = CSVTable(header: repColumns)
        let order = report.reps.indices.sorted {
            ledger.reps[$0].id.codePointPrecedes(ledger.reps[$1].id)
        }
        for i in order {
            let rep = ledger.reps[i]
            let row = report.reps[i]
            let f = row.figures
            table.append([
                .text(rep.id), .text(rep.name), .text(rep.team),
                int(f.customers), int(f.newCustomers), money(f.revenuePeriod),
                int(f.ordersPeriod), money2(f.aovPeriod), rate(f.quotaAttainment),
                rate(f.revenueChange), int(f.activeCustomers), int(f.interactionsPeriod),
                rate(f.followUpCoverage), int(f.overdueFollowUps), int(f.complaints),
                int(f.openComplaints), mean(f.medianResolutionHours), mean(f.satisfaction),
                int(f.won), int(f.lost), rate(f.winRate), money(f.openPipeline),
                mean(f.medianCycleDays), int(row.rank),
            ])
        }
        return table.bytes
    }
}
