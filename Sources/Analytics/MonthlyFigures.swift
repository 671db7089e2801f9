import LedgerModel

/// One calendar month of the dashboard trend, counting only days inside P.
package struct MonthlyFigures: Hashable, Sendable {
    /// `year × 12 + (month − 1)`.
    package var month: Int
    /// Purchases of every customer, orphans included.
    package var revenue = Money.zero
    package var orders = 0
    /// Customers whose first purchase fell in this month.
    package var firstPurchases = 0

    package init(month: Int) { self.month = month }
}
