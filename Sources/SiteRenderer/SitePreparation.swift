import LedgerModel

/// The part of a build's shared state that needs only the ledger and the portrait selection:
/// made while the analytics run, on the other core, and handed to ``SiteRenderer/render(_:prepared:into:)``.
package struct SitePreparation: Sendable {
    let rows: LedgerRowGroups
    /// The portraits' file names; nil when the selection follows the revenue ranking
    /// (`top:N`), which needs the analytics.
    let customerPaths: SitePaths?
    /// Per customer, `customers/FILE.html` when it gets a portrait (nil with `customerPaths`).
    let portraitPaths: [String?]?
    let portraits: PortraitSelection

    package init(ledger: Ledger, portraits: PortraitSelection) {
        rows = LedgerRowGroups(ledger: ledger)
        self.portraits = portraits
        switch portraits {
        case .all: customerPaths = SitePaths(ids: ledger.customers.lazy.map(\.id))
        case .none: customerPaths = SitePaths(ids: [String]())
        case .top: customerPaths = nil
        }
        portraitPaths = customerPaths.map { SitePreparation.portraitPaths(ledger.customers, $0) }
    }

    /// The path of each customer's portrait: looked up once here, not per page by a dictionary
    /// keyed by the id's `String` while the pages render.
    static func portraitPaths(_ customers: [Customer], _ paths: SitePaths) -> [String?] {
        customers.map { customer in paths.file(customer.id).map { "customers/" + $0 } }
    }
}
