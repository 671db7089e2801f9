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
        customersTable(report: report, ledger: ledger, locale: locale).bytes
    }

    /// ``customersCSV(report:ledger:locale:)`` as the table itself, whose bytes a build writes
    /// without copying them.
    package static func customersTable(report: AnalyticsReport, ledger: Ledger,
                                       locale: ExplanationLocale = .en) -> CSVTable {
        let order = ledger.customers.indices.sorted {
            SitePaths.codePointOrder(ledger.customers[$0].id, ledger.customers[$1].id)
        }
        let why = WhyWriter(report: report, locale: locale)
        // Two halves written at once (the why texts are most of the cost), the second appended
        // to the first. The first reserves room for both so the join copies only the second
        // half: rows take about 200 bytes with English texts and 300 with Chinese ones, and
        // room not written to costs no memory.
        let halves = [order[..<(order.count / 2)], order[(order.count / 2)...]]
        let parts = Halves()
        DispatchQueue.concurrentPerform(iterations: halves.count) { half in
            var part = half == 0 ? CSVTable(header: customerColumns, reservingBytes: order.count * 384)
                : CSVTable(rowsReserving: halves[half].count * 384)
            var text: [UInt8] = []
            for i in halves[half] { customerRow(i, report: report, ledger: ledger, why: why, text: &text, into: &part) }
            parts.set(half, part)
        }
        return parts.joined()
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

    /// The two halves of a table built by two threads.
    private final class Halves: @unchecked Sendable {
        // Unchecked: each half is set once under `lock`, and joined after both threads ended.
        private let lock = NSLock()
        private var first: CSVTable?
        private var second: CSVTable?

        func set(_ half: Int, _ table: consuming CSVTable) {
            lock.lock()
            defer { lock.unlock() }
            if half == 0 { first = consume table } else { second = consume table }
        }

        /// The first half with the second's rows appended.
        func joined() -> CSVTable {
            lock.lock()
            defer { lock.unlock() }
            var table = first.take()!
            if let rest = second.take() { table.append(rowsOf: rest) }
            return table
        }
    }

    /// A money ratio (aov) with 2 decimals.
    static func money2(_ value: Ratio?) -> CSVCell { .value(value?.formatted(decimals: 2)) }
}
