import LedgerModel

/// Guards the exactness of every money figure: each is a sum of ledger amounts kept in `Money`
/// (`Int64` micros, ±9,223,372,036,854.775807 units).
///
/// Every figure Portrait prints (a customer's revenue, a rep's or team's revenue, a month, a
/// segment, the company, an open pipeline, a team's quota) adds up a subset of one table's
/// amounts. So when the absolute amounts of each table add up to no more than the largest
/// `Money`, no sum anywhere can overflow, and analytics can add plain `Int64`s at full speed. A
/// ledger beyond that (two orders of 9,000,000,000,000 each) holds a typing error no real firm
/// makes; it is refused before analytics with the largest amount's line, rather than trapping
/// or printing a wrapped-around figure.
package enum MoneyBounds {
    /// The absolute amounts of one table add up to more than `Money` holds.
    package struct Excess: Error, Sendable, Equatable {
        package var table: TableName
        /// The column holding the amounts (`amount`, `quota`).
        package var column: String
        /// The largest absolute amount and the line it is on.
        package var largest: Money
        package var line: Int
    }

    /// The largest total of absolute amounts that every sum can hold: `Int64.max` micros.
    package static let limit = Int128(Int64.max)

    /// The first table (orders, opportunities, reps' quotas) whose absolute amounts add up to
    /// more than ``limit``, or nil when every sum fits.
    /// - Complexity: O(orders + lines + opportunities + reps), one pass each, in `Int128`.
    package static func check(_ ledger: Ledger) -> Excess? {
        var total: Int128 = 0
        var largest: (amount: Int64, line: Int32) = (0, 0)
        func add(_ amount: Money, line: Int32) {
            let magnitude = amount.micros.magnitude
            total += Int128(magnitude)
            if magnitude > largest.amount.magnitude { largest = (amount.micros, line) }
        }
        func excess(_ table: TableName, _ column: String) -> Excess? {
            guard total > limit else { return nil }
            return Excess(table: table, column: column, largest: Money(micros: largest.amount), line: Int(largest.line))
        }
        // An order with lines holds their sum; each line is counted instead, since a subset of
        // them (the lines up to T) is what analytics adds. Read in place: a copy of each order
        // retained and released its id (an eighth of this pass, which the build waits for).
        ledger.orders.withUnsafeBufferPointer { orders in
            ledger.orderLines.withUnsafeBufferPointer { lines in
                for order in orders.indices {
                    let range = orders[order].lines, line = orders[order].line
                    if range.isEmpty {
                        add(orders[order].amount, line: line)
                    } else {
                        for index in range where index >= 0 && Int(index) < lines.count {
                            add(lines[Int(index)].amount, line: line)
                        }
                    }
                }
            }
        }
        if let found = excess(.orders, "amount") { return found }
        total = 0; largest = (0, 0)
        for opportunity in ledger.opportunities { add(opportunity.amount ?? .zero, line: opportunity.line) }
        if let found = excess(.opportunities, "amount") { return found }
        total = 0; largest = (0, 0)
        for rep in ledger.reps { add(rep.quota ?? .zero, line: rep.line) }
        return excess(.reps, "quota")
    }
}
