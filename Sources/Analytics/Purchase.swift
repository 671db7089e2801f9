import LedgerModel

/// One purchase as the metrics see it: completed, amount > 0, dated ≤ T.
struct Purchase: Sendable {
    /// The amount of the order's used lines up to T, in micros (first: 24-byte stride).
    var amount: Int64
    /// Index into `Ledger.customers`, or -1 for an orphan customer_id.
    var customer: Int32
    /// The credited rep, or -1.
    var rep: Int32
    var date: Day
    /// Index into `Ledger.orders`.
    var order: Int32
}
