import LedgerModel

/// One purchase as the metrics see it: completed, amount > 0, dated ≤ T.
struct Purchase: Sendable {
    /// The amount of the order's used lines up to T, in micros (first: 24-byte stride).
    var amount: Int64
    /// Index into `Ledger.customers`, or -1 for an orphan customer_id.
    var customer: Int32
    /// The credited rep, -1 for none, or ``customersOwner``: read it with `Activity.rep(of:)`.
    var rep: Int32
    var date: Day
    /// Index into `Ledger.orders`.
    var order: Int32

    /// The order has no owner: it is credited to its (known) customer's owner, which
    /// `Activity.ownerRep` gives once read.
    static let customersOwner: Int32 = -2
}
