/// Customers whose first purchase fell in one calendar month, and how many bought again in each
/// of the following months.
package struct Cohort: Hashable, Sendable {
    /// The month as `year × 12 + (month − 1)` (`Day.monthIndex`).
    package var month: Int
    package var size: Int
    /// For offset k = 0...11: cohort customers with a purchase in month `month + k`; nil for
    /// months after T's month.
    package var active: [Int?]

    package init(month: Int, size: Int, active: [Int?]) {
        self.month = month
        self.size = size
        self.active = active
    }

    /// `YYYY-MM`.
    package var label: String {
        let year = month / 12, m = month % 12 + 1
        return String(year) + (m < 10 ? "-0" : "-") + String(m)
    }

    /// The retention share at offset k; nil after T's month or for an empty cohort.
    package func share(_ k: Int) -> Ratio? {
        guard k >= 0, k < active.count, let count = active[k] else { return nil }
        return Ratio(count, size)
    }
}
