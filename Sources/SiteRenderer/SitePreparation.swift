import LedgerModel

/// The part of a build's shared state that needs only the ledger and the portrait selection:
/// made while the analytics run, on the other core, and handed to ``SiteRenderer/render(_:prepared:into:)``.
package struct SitePreparation: Sendable {
    let rows: LedgerRowGroups
    /// The portraits' file names; nil when the selection follows the revenue ranking
    /// (`top:N`), which needs the analytics.
    let customerPaths: SitePaths?
    let portraits: PortraitSelection

    package init(ledger: Ledger, portraits: PortraitSelection) {
        rows = LedgerRowGroups(ledger: ledger)
        self.portraits = portraits
        switch portraits {
        case .all: customerPaths = SitePaths(ids: ledger.customers.lazy.map(\.id))
        case .none: customerPaths = SitePaths(ids: [String]())
        case .top: customerPaths = nil
        }
    }
}
