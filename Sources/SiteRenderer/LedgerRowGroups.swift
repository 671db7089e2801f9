import LedgerModel

/// Each customer's orders, interactions and opportunities, and each rep's customers, as row
/// indices: what a portrait page looks up, from the ledger alone.
///
/// Needing nothing of the analytics, it is built while they run (``SitePreparation``), so the
/// portraits can start as soon as the figures are there.
/// - Complexity: O(rows) to build, O(own rows) per lookup.
struct LedgerRowGroups: Sendable {
    var ordersByCustomer: LedgerDigest.Groups
    var interactionsByCustomer: LedgerDigest.Groups
    var opportunitiesByCustomer: LedgerDigest.Groups
    var customersByOwner: LedgerDigest.Groups

    /// - Parameter portraits: false when the build has no portrait pages: only they read a
    ///   customer's rows, so those groups are left empty (a million customers' ten million
    ///   interactions are then not grouped for nothing).
    init(ledger: Ledger, portraits: Bool = true) {
        let customerCount = ledger.customers.count
        // By index: mapping the rows themselves would copy each one (a retain per string).
        let orders = ledger.orders, interactions = ledger.interactions, opportunities = ledger.opportunities
        let none = LedgerDigest.Groups(count: customerCount, keys: EmptyCollection())
        ordersByCustomer = portraits ? LedgerDigest.Groups(count: customerCount, keys: orders.indices.lazy.map { orders[$0].customer }) : none
        interactionsByCustomer = portraits ? LedgerDigest.Groups(count: customerCount, keys: interactions.indices.lazy.map { interactions[$0].customer }) : none
        opportunitiesByCustomer = portraits ? LedgerDigest.Groups(count: customerCount, keys: opportunities.indices.lazy.map { opportunities[$0].customer }) : none
        let customers = ledger.customers
        customersByOwner = LedgerDigest.Groups(count: ledger.reps.count,
                                               keys: customers.indices.lazy.map { Int32(customers[$0].owner.repIndex ?? -1) })
    }
}
