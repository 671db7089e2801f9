import LedgerModel

/// Reads a ledger folder into a `Ledger`: every table, every row checked, every rejected row or
/// value a finding.
///
/// Tables are read in dependency order (reps, customers, then orders, interactions and
/// opportunities together) so each reference is checked against the rows already used, each
/// table split over every core (`TableRead`), the result exactly that of one pass per file.
package enum LedgerReader {
    /// Throws `IngestError` for input that cannot be read at all; bad rows are findings.
    /// - Complexity: O(rows); memory is the ledger plus one id table per table.
    package static func read(_ settings: IngestSettings) throws -> Ledger {
        try LedgerBuilder(settings: settings).read()
    }
}

/// One read of a ledger folder.
final class LedgerBuilder {
    let settings: IngestSettings

    init(settings: IngestSettings) {
        self.settings = settings
    }

    /// Columns of a sales-detail export that describe the customer (input-format.md), read
    /// when customers are derived from orders, and `region` for crediting by region.
    static let customerColumnsOnOrders = ["name", "region", "city", "industry", "type"]

    func read() throws -> Ledger {
        var files: [TableName: [String]] = [:]
        for table in TableName.allCases {
            files[table] = try TableLocator.files(for: table, settings: settings)
        }
        guard !(files[.customers] ?? []).isEmpty || !(files[.orders] ?? []).isEmpty else {
            throw IngestError(
                file: settings.dataDirectory,
                problem: "Neither a customers table nor an orders table was found.",
                hint: "Put customers.csv or orders.csv (or .xml) in this folder, or name the files under tables: in portrait.yml.")
        }
        let pool = WorkPool(workers: settings.workers ?? WorkPool.processors)
        defer { pool.shutDown() }
        func table<Loader: TableLoader>(_ name: TableName, _ loader: Loader, borrowing: [String] = [],
                                         from other: TableName? = nil) -> TableRead<Loader> {
            TableRead(name, files: files[name] ?? [], loader: loader, settings: settings, pool: pool,
                      borrowing: borrowing, from: other)
        }
        let derived = (files[.customers] ?? []).isEmpty

        let reps = table(.reps, RepLoader(files: files[.reps] ?? []))
        reps.start()
        pool.drain()
        try reps.result()
        let repTable = reps.loader.table

        let customers = table(.customers, CustomerLoader(
            references: LedgerReferences(reps: repTable, customerIDs: StringKeyTable(), settings: settings),
            files: files[.customers] ?? []))
        customers.start()
        pool.drain()
        try customers.result()

        // Orders, interactions and opportunities need only reps and customers, and duplicates
        // only customers: all are read at once, unless orders define the customers.
        let references = LedgerReferences(reps: repTable, customerIDs: customers.loader.ids,
                                          customerIDWords: customers.loader.idWords, settings: settings)
        let orders = table(.orders, OrderLoader(references: references, derivesCustomers: derived, files: files[.orders] ?? []),
                           borrowing: Self.customerColumnsOnOrders, from: .customers)
        var duplicates: [Shared<[DuplicateDetector.Match]>] = []
        let laterReferences: LedgerReferences
        if derived {
            orders.start()
            pool.drain()
            try orders.result()
            laterReferences = LedgerReferences(reps: repTable, customerIDs: orders.loader.customerIDs, settings: settings)
        } else {
            laterReferences = references
            let list = customers.loader.customers
            for key in DuplicateDetector.Key.allCases {
                let matches = Shared<[DuplicateDetector.Match]>([])
                duplicates.append(matches)
                pool.submit { matches.value = DuplicateDetector.matches(key, in: list) }
            }
            orders.start()
        }
        let interactions = table(.interactions, InteractionLoader(references: laterReferences, files: files[.interactions] ?? []))
        let opportunities = table(.opportunities, OpportunityLoader(references: laterReferences, files: files[.opportunities] ?? []))
        // The small table first: its chunks then queue before the interactions' and its last
        // commits do not run alone at the end (0.1 s of one core at a million customers).
        opportunities.start()
        interactions.start()
        pool.drain()
        try orders.result()
        try interactions.result()
        try opportunities.result()

        var ledger = Ledger()
        ledger.customersDerived = derived
        ledger.reps = repTable.reps
        ledger.repIndex = repTable.index
        ledger.customers = derived ? orders.loader.customers : customers.loader.customers
        ledger.indexCustomersOnFirstUse()
        ledger.customerExtraColumns = customers.loader.extraColumns
        let customerColumns = HeaderAliases.columns(of: .customers)
        for (slot, count) in customers.loader.filledCells.enumerated() where count > 0 {
            ledger.completeness[customerColumns[slot], default: 0] += count
        }
        ledger.orders = orders.loader.orders
        ledger.orderLines = orders.loader.orderLines
        ledger.strings = orders.loader.strings
        ledger.interactions = interactions.loader.interactions
        ledger.texts = interactions.loader.texts
        ledger.opportunities = opportunities.loader.opportunities
        ledger.sources[.reps] = reps.loader.source
        ledger.sources[.customers] = customers.loader.source
        ledger.sources[.orders] = orders.loader.source
        ledger.sources[.interactions] = interactions.loader.source
        ledger.sources[.opportunities] = opportunities.loader.source
        ledger.chineseHeaders = reps.chineseHeaders || customers.chineseHeaders || orders.chineseHeaders
            || interactions.chineseHeaders || opportunities.chineseHeaders
        for day in [orders.loader.latestActivity, interactions.loader.latestActivity].compactMap({ $0 }) {
            if ledger.latestActivity.map({ day > $0 }) ?? true { ledger.latestActivity = day }
        }
        ledger.findings = reps.loader.findings + customers.loader.findings + orders.loader.findings
            + interactions.loader.findings + opportunities.loader.findings
        if derived {
            ledger.sources[.customers] = TableSource(table: .customers, rows: ledger.customers.count,
                                                     usedRows: ledger.customers.count)
        } else {
            let detected = DuplicateDetector.resolve(duplicates.map(\.value), customers: ledger.customers,
                                                     files: customers.loader.source.files)
            ledger.findings.append(contentsOf: detected.findings)
            ledger.duplicateGroups = detected.groups
        }
        return ledger
    }
}
