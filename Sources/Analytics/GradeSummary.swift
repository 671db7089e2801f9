/// The ABC grading of the whole ledger: the revenue it shares out and the disagreements with
/// the ledger's own grade column.
package struct GradeSummary: Hashable, Sendable {
    /// `total`: all customers' revenue M, micros.
    package var totalRevenue: Int128 = 0
    /// Customers per grade, in `Grade.allCases` order.
    package var counts: [Int] = [0, 0, 0]
    /// Customers whose non-empty ledger grade does not read as their computed grade (`VIP` reads
    /// as A; a value that is no ABC letter, such as `D`, mismatches any computed grade but not
    /// the absence of one); ordered by customer_id.
    package var mismatches: [GradeMismatch] = []

    package init() {}

    package func count(_ grade: Grade) -> Int {
        counts[Grade.allCases.firstIndex(of: grade) ?? 0]
    }
}
