import LedgerModel

/// The part of a build's shared state that needs only the ledger and the portrait selection:
/// made while the analytics run, on the other core, and handed to ``SiteRenderer/render(_:prepared:into:)``.
package struct SitePreparation: Sendable {
    var rows: LedgerRowGroups
    /// The portraits' file names; nil when the selection follows the revenue ranking
    /// (`top:N`), which needs the analytics.
    let customerPaths: SitePaths?
    /// Per customer, the stem of its portrait's file and the portrait's path in the site
    /// (`customers/STEM.html`), nil when it has none (both nil with `customerPaths`).
    let portraitStems: [String?]?
    let portraitPaths: [String?]?
    let portraits: PortraitSelection

    package init(ledger: Ledger, portraits: PortraitSelection) {
        rows = LedgerRowGroups(ledger: ledger, portraits: portraits != .none)
        self.portraits = portraits
        // By index: mapping the customers themselves would copy each one (a retain per string).
        let customers = ledger.customers
        switch portraits {
        case .all: customerPaths = SitePaths(ids: customers.indices.lazy.map { customers[$0].id })
        case .none: customerPaths = SitePaths(ids: [String]())
        case .top: customerPaths = nil
        }
        let stems = customerPaths.map { SitePreparation.portraitStems(customers, $0) }
        portraitStems = stems
        portraitPaths = stems.map(SitePreparation.portraitPaths)
    }

    /// The stem of each customer's portrait file: looked up once here, not by a dictionary keyed
    /// by the id's `String` for each page and search entry while the pages render.
    static func portraitStems(_ customers: [Customer], _ paths: SitePaths) -> [String?] {
        customers.indices.map { paths.stem(customers[$0].id) }
    }

    static func portraitPaths(_ stems: [String?]) -> [String?] {
        stems.map { $0.map { "customers/" + $0 + ".html" } }
    }
}
