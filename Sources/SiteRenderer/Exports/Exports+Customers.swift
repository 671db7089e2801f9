import Analytics
import Foundation
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
        let order = ledger.customers.indices.sorted {
            SitePaths.codePointOrder(ledger.customers[$0].id, ledger.customers[$1].id)
        }
        let why = WhyWriter(report: report, locale: locale)
        // Two halves written at once (the why texts are most of the cost), the second appended
        // to the first; the first reserves room for both (about 200 bytes a row) so the join
        // copies only the second half.
        let halves = [order[..<(order.count / 2)], order[(order.count / 2)...]]
        let parts = PartBox(count: halves.count)
        DispatchQueue.concurrentPerform(iterations: halves.count) { half in
            var part = half == 0 ? CSVTable(header: customerColumns, reservingBytes: order.count * 256)
                : CSVTable(rowsReserving: halves[half].count * 256)
            var text: [UInt8] = []
            for i in halves[half] { customerRow(i, report: report, ledger: ledger, why: why, text: &text, into: &part) }
            parts.set(half, part)
        }
        var table = parts.take(0)
        table.append(rowsOf: parts.take(1))
        return table.bytes
    }

    /// - Parameter text: scratch space for the why text, reused row after row.
    private static func customerRow(_ i: Int, report: AnalyticsReport, ledger: Ledger, why: WhyWriter,
                                    text: inout [UInt8], into table: inout CSVTable) {
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
        text.removeAll(keepingCapacity: true)
        why.write(customer: i, into: &text)
        table.text(utf8: text)
        table.endRow()
    }

    /// The parts of a table built by several threads.
    private final class PartBox: @unchecked Sendable {
        private let lock = NSLock()
        private var tables: [CSVTable?]

        init(count: Int) { tables = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ table: CSVTable) { lock.withLock { tables[index] = table } }

        /// The part, handed over (the box keeps no second reference, so it is not copied).
        func take(_ index: Int) -> CSVTable { lock.withLock { tables[index].take()! } }
    }

    /// A money ratio (aov) with 2 decimals.
    static func money2(_ value: Ratio?) -> CSVCell { .value(value?.formatted(decimals: 2)) }
}
