import LedgerModel

/// What a portrait shows of a customer's orders, gathered in one pass for both ways a portrait
/// is made: ``PortraitWriter`` (the built-in templates, as bytes) and ``PortraitPage`` (the
/// user's templates).
struct PortraitOrders {
    /// Rows of the orders dated up to the as-of day, newest first (ties: the later row first).
    var rows: [Int32] = []
    /// Purchase revenue per month of the report period, in currency units (the sparkline).
    var monthly: [Double]
    /// Purchase revenue per product category, only categories with a positive total, largest
    /// first, ties in code-point order of the label.
    var mix: [(label: String, micros: Int64)] = []

    /// Categories found by a linear search before a table takes over.
    static let searchedCategories = 16

    /// - Parameter uncategorised: the label of order lines without a category.
    init(_ site: borrowing SiteBuild, customer index: Int, uncategorised: String) {
        let settings = site.settings, orders = site.orders
        let orderRows = site.rows.ordersByCustomer[index]
        monthly = [Double](repeating: 0, count: site.months.count)
        let firstMonth = site.months.first ?? 0
        // A handful of categories per customer: a linear search beats hashing, up to
        // `searchedCategories`; past them (a customer whose lines each name their own category)
        // `slots` finds them.
        var categories: [(category: Int32, micros: Int64)] = []
        var slots: [Int32: Int] = [:]
        rows.reserveCapacity(orderRows.count)
        for row in orderRows {
            let order = orders[Int(row)]
            guard order.date <= settings.asOf else { continue }
            rows.append(row)
            guard order.isPurchase else { continue }
            if settings.period.contains(order.date) {
                let k = order.date.monthIndex - firstMonth
                if k >= 0 && k < monthly.count { monthly[k] += Double(order.amount.micros) / 1e6 }
            }
            for line in order.lines {
                let l = site.orderLines[Int(line)]
                if let slot = slots.isEmpty ? categories.firstIndex(where: { $0.category == l.category }) : slots[l.category] {
                    categories[slot].micros += l.amount.micros
                } else {
                    categories.append((l.category, l.amount.micros))
                    if !slots.isEmpty {
                        slots[l.category] = categories.count - 1
                    } else if categories.count > Self.searchedCategories {
                        for (slot, entry) in categories.enumerated() { slots[entry.category] = slot }
                    }
                }
            }
        }
        rows.sort { a, b in
            let da = orders[Int(a)].date.raw, db = orders[Int(b)].date.raw
            return da != db ? da > db : a > b
        }
        let strings = site.pool
        mix = categories.filter { $0.micros > 0 }.map { (label: strings[$0.category] ?? uncategorised, micros: $0.micros) }
        mix.sort { $0.micros != $1.micros ? $0.micros > $1.micros : SitePaths.codePointOrder($0.label, $1.label) }
    }
}
