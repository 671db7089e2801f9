import Analytics
import LedgerModel

extension Exports {
    /// The header of `customers.csv`: the contract columns of metrics.md, then `why`.
    package static let customerColumns = [
        "customer_id", "name", "owner_id", "orders", "revenue", "first_order", "last_order",
        "recency_days", "aov", "tenure_days", "revenue_period", "orders_period", "interactions",
        "last_contact", "days_since_contact", "preferred_channel", "top_category", "complaints",
        "open_complaints", "satisfaction", "r_score", "f_score", "m_score", "segment", "grade",
        "stage", "why",
    ]

    /// `customers.csv`: one row per customer, ordered by customer_id in code-point order.
    ///
    /// `owner_id` is the resolved owner's rep_id (also when the region rule found it), else the
    /// id as written (an orphan). `why` is in `locale`.
    /// - Complexity: one sort of the customer ids and one formatted row per customer.
    package static func customersCSV(report: AnalyticsReport, ledger: Ledger,
                                     locale: ExplanationLocale = .en) -> [UInt8] {
        var table = CSVTable(header: customerColumns, reservingRows: ledger.customers.count * 4)
        let order = ledger.customers.indices.sorted {
            ledger.customers[$0].id.codePointPrecedes(ledger.customers[$1].id)
        }
        let why = WhyWriter(report: report, locale: locale)
        for i in order {
            let f = report.customers[i]
            let owner = ledger.customers[i].owner.repIndex.flatMap {
                $0 < ledger.reps.count ? ledger.reps[$0].id : nil
            } ?? ledger.customers[i].ownerID
            table.text(ledger.customers[i].id)
            table.text(ledger.customers[i].name)
            table.text(owner)
            table.integer(f.orders)
            table.money(f.revenue)
            table.day(f.firstOrder)
            table.day(f.lastOrder)
            table.integer(f.recencyDays)
            table.ratio(f.aov, decimals: 2)
            table.integer(f.tenureDays)
            table.money(f.revenuePeriod)
            table.integer(f.ordersPeriod)
            table.integer(f.interactions)
            table.day(f.lastContact)
            table.integer(f.daysSinceContact)
            table.value(f.preferredChannel?.rawValue)
            table.text(ledger.strings[f.topCategory])
            table.integer(f.complaints)
            table.integer(f.openComplaints)
            table.ratio(f.satisfaction, decimals: 2)
            table.integer(f.rScore == 0 ? nil : f.rScore)
            table.integer(f.fScore == 0 ? nil : f.fScore)
            table.integer(f.mScore == 0 ? nil : f.mScore)
            table.value(f.segment.rawValue)
            table.value(f.grade?.rawValue)
            table.value(f.stage.rawValue)
            table.text(why.text(customer: i))
            table.endRow()
        }
        return table.bytes
    }

    /// A money ratio (aov) with 2 decimals.
    static func money2(_ value: Ratio?) -> CSVCell { .value(value?.formatted(decimals: 2)) }
}
