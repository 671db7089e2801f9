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
        var table = CSVTable(header: customerColumns)
        let order = ledger.customers.indices.sorted {
            ledger.customers[$0].id.codePointPrecedes(ledger.customers[$1].id)
        }
        for i in order {
            let c = ledger.customers[i]
            let f = report.customers[i]
            let owner: String? = c.owner.repIndex.flatMap {
                $0 < ledger.reps.count ? ledger.reps[$0].id : nil
            } ?? c.ownerID
            table.append([
                .text(c.id), .text(c.name), .text(owner),
                int(f.orders), money(f.revenue), day(f.firstOrder), day(f.lastOrder),
                int(f.recencyDays), money2(f.aov), int(f.tenureDays),
                money(f.revenuePeriod), int(f.ordersPeriod), int(f.interactions),
                day(f.lastContact), int(f.daysSinceContact),
                .value(f.preferredChannel?.rawValue), .text(ledger.strings[f.topCategory]),
                int(f.complaints), int(f.openComplaints), mean(f.satisfaction),
                score(f.rScore), score(f.fScore), score(f.mScore),
                .value(f.segment.rawValue), .value(f.grade?.rawValue), .value(f.stage.rawValue),
                .text(report.why(customer: i, locale: locale)),
            ])
        }
        return table.bytes
    }

    /// A money ratio (aov) with 2 decimals.
    static func money2(_ value: Ratio?) -> CSVCell { .value(value?.formatted(decimals: 2)) }
}
