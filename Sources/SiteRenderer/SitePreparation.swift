import LedgerModel

/// The part of a build's shared state that needs only the ledger and the portrait selection:
/// made while the analytics run, on the other core, and handed to ``SiteRenderer/render(_:prepared:into:)``.
package struct SitePreparation: Sendable {
    var rows: LedgerRowGroups
    /// Per customer, the stem of its portrait's file and the portrait's path in the site
    /// (`customers/STEM.html`), nil when it has none; both nil when the selection follows the
    /// revenue ranking (`top:N`), which needs the analytics.
    let portraitStems: [String?]?
    let portraitPaths: [String?]?
    let portraits: PortraitSelection

    package init(ledger: Ledger, portraits: PortraitSelection) {
        rows = LedgerRowGroups(ledger: ledger, portraits: portraits != .none)
        self.portraits = portraits
        let customers = ledger.customers
        let stems: [String?]?
        switch portraits {
        case .all: stems = SitePreparation.portraitStems(customers, chosen: nil)
        case .none: stems = [String?](repeating: nil, count: customers.count)
        case .top: stems = nil
        }
        portraitStems = stems
        portraitPaths = stems.map(SitePreparation.portraitPaths)
    }

    /// The stem of each customer's portrait file, nil for a customer without one (not
    /// `chosen`; every customer has one when `chosen` is nil): planned once here, by position,
    /// so no page looks a stem up by the id's `String`.
    static func portraitStems(_ customers: [Customer], chosen: [Bool]?) -> [String?] {
        // By index: mapping the customers themselves would copy each one (a retain per string).
        let indices = chosen.map { chosen in customers.indices.filter { chosen[$0] } } ?? Array(customers.indices)
        let planned = SitePaths.stems(of: indices.map { customers[$0].id })
        guard chosen != nil else { return planned }
        var stems = [String?](repeating: nil, count: customers.count)
        for (n, index) in indices.enumerated() { stems[index] = planned[n] }
        return stems
    }

    static func portraitPaths(_ stems: [String?]) -> [String?] {
        stems.map { $0.map { "customers/" + $0 + ".html" } }
    }
}
