import LedgerModel

/// How one file's headers map to the canonical columns of its table.
///
/// Columns are addressed by slot, their position in `HeaderAliases.columns(of:)` followed by
/// any borrowed columns, so a row's cell is two array reads instead of a string lookup: this
/// runs for every cell of tens of millions of rows.
final class ColumnMap {
    let table: TableName
    /// Canonical names by slot: the table's own columns, then borrowed ones.
    let columns: [String]
    /// The slot of each column a loader reads, resolved once.
    let slots: ColumnSlots
    /// Header index feeding each slot, or -1 when the file has no such column. Derived columns
    /// point past the headers, at the values `derive` appends.
    private(set) var source: [Int]
    private(set) var headers: [String] = []
    /// Header indices that feed no slot: "other fields", kept as text.
    private(set) var unknown: [Int] = []
    /// Whether two of `unknown` have the same header: they are one "other field", and the
    /// rightmost cell is its value, even when empty.
    private(set) var repeatsUnknownHeaders = false
    /// For each of `unknown`, whether another of them has the same header.
    private(set) var unknownRepeated: [Bool] = []
    /// How many times the headers changed. A header that a later one takes a column from (a
    /// config name read after the built-in alias) joins `unknown` anywhere in it, not at the end.
    private(set) var updates = 0
    /// Per slot, folded value → canonical code, from the config's `values:`.
    let valueMaps: [[String: String]?]
    private let configured: [String: [String]]
    private let borrowedFrom: TableName?
    private var derived: [(slot: Int, expression: DeriveExpression, column: String)] = []
    /// Identifier of a derive expression → value index, refreshed with the headers.
    private var identifierIndex: [String: Int] = [:]
    /// Each header's fold and canonical column, computed once: an XML file's headers grow with
    /// its records and `update` re-maps all of them, so without this a file whose records each
    /// bring a new element folded N headers N times (found by fuzzing).
    private var resolved: [String: (folded: String, canonical: String?)] = [:]

    /// - Parameter borrowing: columns of another table this file may also carry (an orders
    ///   export with the customer's name and region on every row).
    init(table: TableName, settings: TableSettings, borrowing: [String] = [], from other: TableName? = nil) throws {
        self.table = table
        let own = HeaderAliases.columns(of: table)
        columns = own + borrowing.filter { !own.contains($0) }
        slots = ColumnSlots(columns: columns)
        source = Array(repeating: -1, count: columns.count)
        configured = settings.columns
        borrowedFrom = other
        valueMaps = columns.map { column in
            settings.values[column].map { mapping in
                Dictionary(mapping.map { (HeaderAliases.fold($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
            }
        }
        for (column, text) in settings.derive.sorted(by: { $0.key < $1.key }) {
            guard let slot = columns.firstIndex(of: column) else { continue }
            derived.append((slot, try DeriveExpression(parsing: text), column))
        }
    }

    func slot(_ column: String) -> Int {
        guard let slot = columns.firstIndex(of: column) else {
            preconditionFailure("\(column) is not a column of \(table)")
        }
        return slot
    }

    /// Maps `headers` (all of them, again: XML readers grow theirs as records arrive).
    func update(headers newHeaders: [String]) {
        guard newHeaders.count != headers.count else { return }
        headers = newHeaders
        updates += 1
        source = Array(repeating: -1, count: columns.count)
        var used = Set<Int>()
        let resolvedHeaders = headers.map(resolution)
        let folded = resolvedHeaders.map(\.folded)
        // The config's own names first, then built-in aliases; leftmost header wins.
        for (slot, column) in columns.enumerated() {
            if let names = configured[column] {
                let wanted = Set(names.map(HeaderAliases.fold))
                if let index = folded.firstIndex(where: { wanted.contains($0) }) {
                    source[slot] = index
                    used.insert(index)
                }
            }
        }
        for (index, header) in resolvedHeaders.enumerated() {
            guard let canonical = header.canonical, let slot = columns.firstIndex(of: canonical), source[slot] < 0,
                  !used.contains(index) else { continue }
            source[slot] = index
            used.insert(index)
        }
        for (position, item) in derived.enumerated() {
            source[item.slot] = headers.count + position
        }
        let sources = Set(source)
        unknown = headers.indices.filter { !used.contains($0) && !sources.contains($0) }
        var seen: [String: Int] = [:]
        for index in unknown { seen[headers[index], default: 0] += 1 }
        unknownRepeated = unknown.map { seen[headers[$0]]! > 1 }
        repeatsUnknownHeaders = unknownRepeated.contains(true)
        identifierIndex = [:]
        for item in derived {
            for name in item.expression.identifiers {
                if let index = resolve(identifier: name) { identifierIndex[name] = index }
            }
        }
    }

    /// `header` folded, and the canonical column it names in this table or the borrowed one.
    private func resolution(of header: String) -> (folded: String, canonical: String?) {
        if let known = resolved[header] { return known }
        let canonical = HeaderAliases.canonical(header, in: table)
            ?? borrowedFrom.flatMap { HeaderAliases.canonical(header, in: $0) }
        let result = (folded: HeaderAliases.fold(header), canonical: canonical)
        resolved[header] = result
        return result
    }

    /// Whether the file has the column (as a header or a derive).
    func has(_ slot: Int) -> Bool { source[slot] >= 0 }

    /// The header as written for a slot, or the canonical name for derived columns.
    func header(_ slot: Int) -> String {
        let index = source[slot]
        return index >= 0 && index < headers.count ? headers[index] : columns[slot]
    }

    /// Appends the derived columns' values to a record's values.
    ///
    /// An input cell that is missing or unparsable makes the derived cell empty.
    func appendDerived(to values: inout [String]) {
        guard !derived.isEmpty else { return }
        while values.count < headers.count { values.append("") }
        for item in derived {
            let result = item.expression.evaluate { name in
                guard let index = self.identifierIndex[name], index < values.count else { return nil }
                let cell = values[index]
                return ValueParsers.isMissing(cell) ? nil : ValueParsers.amount(cell)
            }
            values.append(result.map { $0.formatted(decimals: 6) } ?? "")
        }
    }

    /// `appendDerived(to:)` of a record read as byte ranges of `input`: padded to the header's
    /// width with empty cells, then the derived values appended as strings.
    func appendDerived(to fields: CSVFields, input: UnsafeBufferPointer<UInt8>) {
        guard !derived.isEmpty else { return }
        while fields.count < headers.count { fields.appendField(input, 0, 0) }
        for item in derived {
            let result = item.expression.evaluate { name in
                guard let index = self.identifierIndex[name], index < fields.count else { return nil }
                let start = fields.start(index)
                let cell = start < 0 ? fields.strings[-1 - start] : CSVReader.string(input, start, fields.end(index))
                return ValueParsers.isMissing(cell) ? nil : ValueParsers.amount(cell)
            }
            fields.appendField(result.map { $0.formatted(decimals: 6) } ?? "")
        }
    }

    /// Identifiers of derive expressions that name no column of the file.
    func unresolvedIdentifiers() -> [(column: String, identifier: String)] {
        derived.flatMap { item in
            item.expression.identifiers.filter { identifierIndex[$0] == nil }.map { (item.column, $0) }
        }
    }

    private func resolve(identifier name: String) -> Int? {
        if let slot = columns.firstIndex(of: name), source[slot] >= 0, source[slot] < headers.count {
            return source[slot]
        }
        let folded = HeaderAliases.fold(name)
        return headers.firstIndex { HeaderAliases.fold($0) == folded }
    }
}
