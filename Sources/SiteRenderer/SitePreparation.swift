import LedgerModel

/// The part of a build's shared state that needs only the ledger and the portrait selection:
/// made while the analytics run, on the other core, and handed to ``SiteRenderer/render(_:prepared:into:)``.
///
/// Its two parts, the row groups and the portraits' file names, are each made once by the first
/// thread to ask (``make(fileNamesFirst:)``); a thread asking for one being made waits for it.
/// A build's other core makes them after the staging folder, and the analytics' thread, done
/// first, asks in the other order: a part not started yet is then made beside the other.
package struct SitePreparation: Sendable {
    private let rowGroups: Deferred<LedgerRowGroups>
    private let fileNames: Deferred<(stems: [String?]?, paths: [String?]?)>
    let portraits: PortraitSelection

    var rows: LedgerRowGroups { rowGroups.value }
    /// Per customer, the stem of its portrait's file and the portrait's path in the site
    /// (`customers/STEM.html`), nil when it has none; both nil when the selection follows the
    /// revenue ranking (`top:N`), which needs the analytics.
    var portraitStems: [String?]? { fileNames.value.stems }
    var portraitPaths: [String?]? { fileNames.value.paths }

    /// Nothing is made yet: each part is made by ``make(fileNamesFirst:)`` or when first read.
    package init(ledger: Ledger, portraits: PortraitSelection) {
        rowGroups = Deferred { LedgerRowGroups(ledger: ledger, portraits: portraits != .none) }
        fileNames = Deferred {
            let customers = ledger.customers
            let stems: [String?]?
            switch portraits {
            case .all: stems = SitePreparation.portraitStems(customers, chosen: nil)
            case .none: stems = [String?](repeating: nil, count: customers.count)
            case .top: stems = nil
            }
            return (stems, stems.map(SitePreparation.portraitPaths))
        }
        self.portraits = portraits
    }

    /// This preparation with `rows` for its row groups (tests compare pages made from both).
    func replacingRows(_ rows: LedgerRowGroups) -> SitePreparation {
        SitePreparation(rowGroups: Deferred(rows), fileNames: fileNames, portraits: portraits)
    }

    private init(rowGroups: Deferred<LedgerRowGroups>, fileNames: Deferred<(stems: [String?]?, paths: [String?]?)>,
                 portraits: PortraitSelection) {
        self.rowGroups = rowGroups
        self.fileNames = fileNames
        self.portraits = portraits
    }

    /// Makes both parts, or waits for a part another thread is making.
    package func make(fileNamesFirst: Bool = false) {
        if fileNamesFirst { _ = fileNames.value }
        _ = rowGroups.value
        _ = fileNames.value
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
