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

    init(ledger: Ledger) {
        let customerCount = ledger.customers.count
        ordersByCustomer = LedgerDigest.Groups(count: customerCount, keys: ledger.orders.lazy.map(\.customer))
        interactionsByCustomer = LedgerDigest.Groups(count: customerCount, keys: ledger.interactions.lazy.map(\.customer))
        opportunitiesByCustomer = LedgerDigest.Groups(count: customerCount, keys: ledger.opportunities.lazy.map(\.customer))
        // By index: mapping the customers themselves would copy each one (a retain per string).
        let customers = ledger.customers
        customersByOwner = LedgerDigest.Groups(count: ledger.reps.count,
                                               keys: customers.indices.lazy.map { Int32(customers[$0].owner.repIndex ?? -1) })
    }
}
