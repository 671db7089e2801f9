import LedgerModel

/// Reads a ledger folder into a `Ledger`: every table, every row checked, every rejected row or
/// value a finding.
///
/// Tables are read in dependency order (reps, customers, orders, interactions, opportunities)
/// so each reference is checked against the rows already used, in one pass per file.
package enum LedgerReader {
    /// Throws `IngestError` for input that cannot be read at all; bad rows are findings.
    /// - Complexity: O(rows); memory is the ledger plus one id table per table.
    package static func read(_ settings: IngestSettings) throws -> Ledger {
        let builder = LedgerBuilder(settings: settings)
        try builder.readAll()
        return builder.ledger
    }
}

/// The mutable state of one read: the growing ledger and the id tables used for references.
final class LedgerBuilder {
    let settings: IngestSettings
    var ledger = Ledger()
    var repsPresent = false
    var repByName: [String: Int32] = [:]
    var repByRegion: [String: Int32] = [:]
    /// Line (and file) where each used customer id was first defined.
    var customerLines: [String: Int] = [:]
    /// Used order ids: the order (−1 when its first line was left out), customer id and line.
    var orderIDs: [String: (order: Int32, customerID: String, line: Int)] = [:]
    var opportunityIDs: [String: Int] = [:]
    var repLines: [String: Int] = [:]
    /// Position of each header in `ledger.customerExtraColumns`: a linear search there made
    /// sparse XML records (each with its own element) cubic in the file's size (found by fuzzing).
    var customerExtraIndex: [String: Int] = [:]
    /// Order lines as read, each tagged with its order; grouped by order when reading ends.
    var pendingLines: [(order: Int32, line: OrderLine)] = []
    /// Filled cells of the customers table by slot, moved into `Ledger.completeness` (keyed by
    /// column) once the table is read: a dictionary update per cell cost a tenth of the loader.
    var filledCells: [Int] = []
    /// `Ledger.customerIndex` by the id's bytes, and `owner`'s answers by the cell's bytes
    /// (rep index, or -1 for none): see `IDTable`.
    var customerIDs = IDTable()
    var ownerAnswers = IDTable()
    /// `Ledger.strings` ids by the text's bytes (see `UTF8Key`).
    var internedBytes: [UTF8Key: Int32] = [:]

    init(settings: IngestSettings) {
        self.settings = settings
    }

    func readAll() throws {
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
        repsPresent = !(files[.reps] ?? []).isEmpty
        ledger.customersDerived = (files[.customers] ?? []).isEmpty

        // Each id table is dropped once its table is read: at a million customers the order
        // ids alone take hundreds of megabytes.
        try read(.reps, files: files[.reps] ?? [], load: loadRep)
        repLines = [:]
        try read(.customers, files: files[.customers] ?? [], load: loadCustomer)
        customerLines = [:]
        let customerColumns = HeaderAliases.columns(of: .customers)
        for (slot, count) in filledCells.enumerated() where count > 0 {
            ledger.completeness[customerColumns[slot], default: 0] += count
        }
        // Interactions need only customers and reps, so they are read on a second core while
        // this one reads orders and opportunities, unless orders define the customers.
        let interactions = ledger.customersDerived ? nil : readInteractionsConcurrently(files[.interactions] ?? [])
        // Duplicates need only the customers, final once their table is read.
        let duplicates = ledger.customersDerived ? nil : detectDuplicatesConcurrently()
        do {
            try read(.orders, files: files[.orders] ?? [], borrowing: LedgerBuilder.customerColumnsOnOrders, from: .customers, load: loadOrder)
        } catch {
            _ = try? interactions?.wait()
            _ = try? duplicates?.wait()
            throw error
        }
        orderIDs = [:]
        let interactionsStart = ledger.findings.count
        if interactions == nil {
            try read(.interactions, files: files[.interactions] ?? [], load: loadInteraction)
        }
        var opportunitiesFailure: (any Error)?
        do {
            try read(.opportunities, files: files[.opportunities] ?? [], load: loadOpportunity)
        } catch {
            opportunitiesFailure = error
        }
        opportunityIDs = [:]
        let detected = try duplicates?.wait()
        if let interactions {
            // An interactions error comes first, as it would reading one table after another.
            let other = try interactions.wait()
            if let opportunitiesFailure { throw opportunitiesFailure }
            merge(interactionsOf: other, findingsAt: interactionsStart)
        } else if let opportunitiesFailure {
            throw opportunitiesFailure
        }

        groupOrderLines()
        if let detected {
            ledger.findings.append(contentsOf: detected.findings)
            ledger.duplicateGroups = detected.duplicateGroups
        } else {
            DuplicateDetector.detect(in: &ledger)
        }
        if ledger.customersDerived {
            ledger.sources[.customers] = TableSource(table: .customers, rows: ledger.customers.count,
                                                     usedRows: ledger.customers.count)
        }
    }

    /// Starts reading the interactions table on its own thread, into a second builder that
    /// shares this one's customer and rep tables (copy-on-write, never written while it runs).
    private func readInteractionsConcurrently(_ files: [String]) -> Concurrent<LedgerBuilder> {
        let worker = LedgerBuilder(settings: settings)
        worker.repsPresent = repsPresent
        worker.repByName = repByName
        worker.repByRegion = repByRegion
        worker.ledger.reps = ledger.reps
        worker.ledger.repIndex = ledger.repIndex
        worker.ledger.customerIndex = ledger.customerIndex
        worker.customerIDs = customerIDs
        return Concurrent {
            try worker.read(.interactions, files: files, load: worker.loadInteraction)
            return worker
        }
    }

    /// Starts `DuplicateDetector` on its own thread over a ledger holding only the customers
    /// (shared copy-on-write: nothing writes them once their table is read).
    private func detectDuplicatesConcurrently() -> Concurrent<Ledger> {
        var customersOnly = Ledger()
        customersOnly.customers = ledger.customers
        customersOnly.sources[.customers] = ledger.sources[.customers]
        return Concurrent {
            DuplicateDetector.detect(in: &customersOnly)
            return customersOnly
        }
    }

    /// Takes the interactions a second builder read; its findings go at `index`, where reading
    /// the tables one after another would have put them.
    private func merge(interactionsOf other: LedgerBuilder, findingsAt index: Int) {
        ledger.interactions = other.ledger.interactions
        ledger.texts = other.ledger.texts
        ledger.sources[.interactions] = other.ledger.sources[.interactions]
        ledger.findings.insert(contentsOf: other.ledger.findings, at: index)
        if let day = other.ledger.latestActivity { noteActivity(day) }
        ledger.chineseHeaders = ledger.chineseHeaders || other.ledger.chineseHeaders
    }

    /// Columns of a sales-detail export that describe the customer (input-format.md), read
    /// when customers are derived from orders, and `region` for crediting by region.
    static let customerColumnsOnOrders = ["name", "region", "city", "industry", "type"]

    /// Reads every file of `table` in name order, passing each record to `load`.
    private func read(_ table: TableName, files: [String], borrowing: [String] = [], from other: TableName? = nil,
                      load: (inout RowCursor) -> Void) throws {
        var source = TableSource(table: table, files: files)
        let tableSettings = settings.table(table)
        for (fileIndex, file) in files.enumerated() {
            let map: ColumnMap
            do {
                map = try ColumnMap(table: table, settings: tableSettings, borrowing: borrowing, from: other)
            } catch let error as DeriveExpression.SyntaxError {
                throw IngestError(file: "portrait.yml", problem: "A derive expression of tables.\(table.rawValue) does not parse (\(error)).",
                                  hint: "Use column names, numbers, + - * / and parentheses.")
            }
            var (reader, lines) = try open(file, table: table)
            reserve(table, rows: lines)
            map.update(headers: reader.headers)
            noteLanguage(of: reader.headers)
            if !map.headers.isEmpty { try checkColumns(map, file: file) }
            var rows = 0
            if var csv = reader as? CSVReader, !map.hasDerived {
                // CSV cells stay byte ranges of the input; see `CSVReader.nextFields`.
                let input = csv
                try input.withInput { buffer in
                    var fields = CSVFields()
                    while let line = try csv.nextFields(buffer, into: &fields) {
                        map.update(headers: csv.headers)
                        if rows == 0 {
                            try checkColumns(map, file: file)
                            noteLanguage(of: csv.headers)
                        }
                        rows += 1
                        var cursor = RowCursor(map: map, file: file, fileIndex: fileIndex, line: line, fields: fields,
                                               input: buffer, today: settings.today, dateOrder: settings.dateOrder)
                        load(&cursor)
                        if cursor.usable { source.usedRows += 1 }
                        if !cursor.findings.isEmpty { ledger.findings.append(contentsOf: cursor.findings) }
                    }
                }
            } else {
                while let record = try reader.next() {
                    map.update(headers: reader.headers)
                    if rows == 0 {
                        try checkColumns(map, file: file)
                        noteLanguage(of: reader.headers)
                    }
                    rows += 1
                    var cursor = RowCursor(map: map, file: file, fileIndex: fileIndex, record: record,
                                           today: settings.today, dateOrder: settings.dateOrder)
                    load(&cursor)
                    if cursor.usable { source.usedRows += 1 }
                    ledger.findings.append(contentsOf: cursor.findings)
                }
            }
            source.rows += rows
        }
        ledger.sources[table] = source
    }

    /// Opens a file; for CSV also counts its lines, an upper bound of its records.
    private func open(_ file: String, table: TableName) throws -> (any RecordReader, lines: Int) {
        let path = settings.dataDirectory + "/" + file
        if file.lowercased().hasSuffix(".xml") {
            return (try XMLRecordReader(path: path, file: file, recordPath: settings.table(table).recordPath), 0)
        }
        if let mapping = FileMapping(path: path), TextDecoding.isPlainUTF8(mapping.buffer) {
            let lines = FileBytes.countLines(mapping.buffer)
            mapping.releaseAll()
            return (try CSVReader(mapping: mapping, file: file), lines)
        }
        let decoded = try TextDecoding.decode(try FileBytes.read(path, name: file), file: file)
        return (try CSVReader(utf8: decoded.utf8, file: file), FileBytes.countLines(decoded.utf8))
    }

    /// Grows the table's arrays once to fit `rows` more, instead of doubling them as rows
    /// arrive: at ten million rows each doubling briefly holds both copies.
    private func reserve(_ table: TableName, rows: Int) {
        guard rows > 0 else { return }
        switch table {
        case .customers:
            ledger.customers.reserveCapacity(ledger.customers.count + rows)
            ledger.customerIndex.reserveCapacity(ledger.customerIndex.count + rows)
            if customerIDs.count == 0 { customerIDs = IDTable(capacity: rows) }
            customerLines.reserveCapacity(customerLines.count + rows)
        case .orders:
            pendingLines.reserveCapacity(pendingLines.count + rows)
            ledger.orders.reserveCapacity(ledger.orders.count + rows)
        case .interactions: ledger.interactions.reserveCapacity(ledger.interactions.count + rows)
        case .reps: ledger.reps.reserveCapacity(ledger.reps.count + rows)
        case .opportunities: ledger.opportunities.reserveCapacity(ledger.opportunities.count + rows)
        }
    }

    /// A file that lacks a required column entirely cannot be read: every row would be rejected.
    private func checkColumns(_ map: ColumnMap, file: String) throws {
        let table = map.table
        let required = HeaderAliases.required(of: table)
        let missing: [String]
        if table == .reps {
            missing = map.has(map.slot("rep_id")) || map.has(map.slot("name")) ? [] : ["rep_id or name"]
        } else {
            missing = required.filter { !map.has(map.slot($0)) }
        }
        if !missing.isEmpty {
            let found = map.headers.isEmpty ? "none" : map.headers.joined(separator: ", ")
            throw IngestError(
                file: file, line: 1,
                problem: "The \(table.rawValue) table has no \(missing.joined(separator: ", ")) column (headers found: \(found)).",
                hint: "Rename the header to a known alias (see input-format.md) or map it in portrait.yml under tables.\(table.rawValue).columns.")
        }
        let unresolved = map.unresolvedIdentifiers()
        if let first = unresolved.first {
            throw IngestError(
                file: "portrait.yml",
                problem: "tables.\(table.rawValue).derive.\(first.column) names \"\(first.identifier)\", which is no column of \(file).",
                hint: "Use a header of the file or a canonical column name.")
        }
    }

    /// Resolves an owner cell to a rep: by rep id, else by rep name (exports often carry the
    /// owner's name). Without a reps table owners are not checked.
    func owner(_ row: inout RowCursor, _ slot: Int) -> (ref: OwnerRef, id: String?) {
        guard let value = row.text(slot) else { return (.none, nil) }
        guard repsPresent else { return (.none, value) }
        let known: Int32
        if let answer = ownerAnswers[value] {
            known = answer
        } else {
            known = ledger.repIndex[value] ?? repByName[value] ?? -1
            ownerAnswers.insert(value, known)
        }
        if known >= 0 {
            return (.rep(known), ledger.reps[Int(known)].id)
        }
        row.report(.orphanReference, slot, "\(row.map.header(slot)) \"\(value)\" matches no rep in the reps table; the row is credited to no rep.")
        return (.orphan, value)
    }

    /// The rep of a region (regional managers), for rows without an owner.
    func rep(ofRegion region: String?) -> Int32? {
        guard let region, !repByRegion.isEmpty else { return nil }
        return repByRegion[region]
    }

    /// A customer reference: the customer's index, or −1 with an `orphan_reference` finding.
    func customer(_ row: inout RowCursor, _ slot: Int, id: String) -> Int32 {
        if let index = customerIDs[id] ?? ledger.customerIndex[id] { return index }
        row.report(.orphanReference, slot, "\(row.map.header(slot)) \"\(id)\" matches no customer; the row still counts where it can (rep and totals).")
        return -1
    }

    private func noteLanguage(of headers: [String]) {
        guard !ledger.chineseHeaders else { return }
        ledger.chineseHeaders = headers.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
    }

    func noteActivity(_ day: Day) {
        if ledger.latestActivity.map({ day > $0 }) ?? true { ledger.latestActivity = day }
    }

    /// Makes each order's lines contiguous in `orderLines` (a counting sort by order).
    private func groupOrderLines() {
        var counts = [Int32](repeating: 0, count: ledger.orders.count + 1)
        for item in pendingLines { counts[Int(item.order) + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var lines = [OrderLine](repeating: OrderLine(date: Day(raw: 0), amount: .zero), count: pendingLines.count)
        var next = counts
        for item in pendingLines {
            lines[Int(next[Int(item.order)])] = item.line
            next[Int(item.order)] += 1
        }
        for index in ledger.orders.indices {
            ledger.orders[index].lines = counts[index]..<counts[index + 1]
        }
        ledger.orderLines = lines
        pendingLines = []
    }
}
