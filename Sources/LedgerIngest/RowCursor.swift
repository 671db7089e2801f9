import Foundation
import LedgerModel

/// One record of a table file with the cell accessors every loader uses; each accessor that
/// rejects a cell records the finding, so a loader reads as the list of its columns.
///
/// A chunk of a CSV file is read through one cursor: `fields` is refilled and `begin` called
/// for each record, and `findings` collects the findings of all its records (each loader notes
/// where a row's findings start), so a record costs no allocation of its own.
struct RowCursor {
    let map: ColumnMap
    let file: String
    /// Position of `file` among the table's files.
    let fileIndex: Int
    /// The record's physical line: relative to the chunk's first record while a chunk is read
    /// on its own, made absolute when it is committed.
    private(set) var line: Int
    /// Offset of the record in `input` (CSV), so a committed row can read its cells again; -1
    /// for a record given as strings.
    private(set) var record: Int
    /// The record's cells as strings (XML, derived columns); empty when `fields` holds them.
    var values: [String]
    /// The record's cells as byte ranges of `input` (CSV), read without making strings.
    var fields: CSVFields
    let input: UnsafeBufferPointer<UInt8>
    let usesFields: Bool
    /// `map.source`, read once: a class property read costs an exclusivity check per cell.
    let source: [Int]
    let today: Day
    let dateOrder: DateOrder
    /// Whether the config maps values of any column (`values:`), read once.
    let hasValueMaps: Bool
    /// Findings of the records read through this cursor, in order.
    var findings: [Finding] = []
    /// False once a required cell was missing or unparsable: the row is not used.
    private(set) var usable = true

    init(map: ColumnMap, file: String, fileIndex: Int, record: RawRecord, today: Day, dateOrder: DateOrder) {
        self.map = map
        self.file = file
        self.fileIndex = fileIndex
        self.line = record.line
        self.record = -1
        self.values = record.values
        self.fields = CSVFields()
        self.input = UnsafeBufferPointer(start: nil, count: 0)
        self.usesFields = false
        self.source = map.source
        self.today = today
        self.dateOrder = dateOrder
        hasValueMaps = map.valueMaps.contains { $0 != nil }
        map.appendDerived(to: &values)
    }

    /// A cursor over CSV records given as byte ranges of `input`, which must outlive it; fill
    /// `fields` (derived columns appended, `ColumnMap.appendDerived(to:input:)`) and call
    /// `begin` for each record. Only for a map whose headers no longer change.
    init(map: ColumnMap, file: String, fileIndex: Int, input: UnsafeBufferPointer<UInt8>, today: Day,
         dateOrder: DateOrder) {
        self.map = map
        self.file = file
        self.fileIndex = fileIndex
        self.line = 0
        self.record = -1
        self.values = []
        self.fields = CSVFields()
        self.input = input
        self.usesFields = true
        self.source = map.source
        self.today = today
        self.dateOrder = dateOrder
        hasValueMaps = map.valueMaps.contains { $0 != nil }
    }

    /// Starts the record of `values` (a cursor made for records given as strings), numbered
    /// `line`; `record` is its index among the records committed together (`CommitContext.records`).
    mutating func begin(values: [String], line: Int, record: Int) {
        self.values = values
        map.appendDerived(to: &self.values)
        begin(line: line, record: record)
    }

    /// Starts the record now in `fields`, found at `record` on `line`.
    mutating func begin(line: Int, record: Int) {
        self.line = line
        self.record = record
        usable = true
    }

    /// The cell under header `index` as written, or nil when the record ends before it.
    func cell(atHeader index: Int) -> String? {
        guard usesFields else { return index < values.count ? values[index] : nil }
        guard index < fields.count else { return nil }
        let start = fields.start(index)
        if start < 0 { return fields.strings[-1 - start] }
        return CSVReader.string(input, start, fields.end(index))
    }

    /// The cell as written, or nil when the file has no such column or the record ends before it.
    func raw(_ slot: Int) -> String? {
        let index = source[slot]
        return index >= 0 ? cell(atHeader: index) : nil
    }

    /// Whether the cell is absent or missing (`text(slot) == nil`), without making its text.
    func isMissing(_ slot: Int) -> Bool {
        if case .missing = cell(slot) { return true }
        return false
    }

    /// The cell trimmed, nil when missing (empty, NULL, N/A, -, 无, …).
    func text(_ slot: Int) -> String? {
        switch cell(slot) {
        case .missing: return nil
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .text(let text): return text
        }
    }

    /// The trimmed cell: its bytes in the input when it is a plain range of it (no string
    /// made), else its text.
    enum Cell {
        case missing
        case bytes(UnsafeBufferPointer<UInt8>)
        case text(String)

        var string: String? {
            switch self {
            case .missing: nil
            case .bytes(let bytes): bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self)
            case .text(let text): text
            }
        }

        /// Calls `body` with the cell's UTF-8 bytes (nil when missing).
        func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
            switch self {
            case .missing: return body(nil)
            case .bytes(let bytes): return body(bytes)
            case .text(var text): return text.withUTF8 { body($0) }
            }
        }
    }

    /// The cell trimmed, or `.missing` as `text(slot) == nil` would say.
    ///
    /// Inlined, with the tests most cells pass first (nothing to trim, longer than any missing
    /// token): a ledger has tens of millions of cells.
    @inline(__always)
    func cell(_ slot: Int) -> Cell {
        if usesFields {
            let index = source[slot]
            guard index >= 0 else { return .missing }
            if let cell = fieldCell(atHeader: index) { return cell }
        }
        return textCell(slot)
    }

    /// `cell(_:)` of the CSV field under header `index`, or nil when it is not a plain range of
    /// the input (a quoted cell with `""`, kept as a string).
    @inline(__always)
    private func fieldCell(atHeader index: Int) -> Cell? {
        guard index < fields.count else { return .missing }
        var start = fields.start(index)
        guard start >= 0, let base = input.baseAddress else { return nil }
        var end = fields.end(index)
        if start < end {
            let first = base[start], last = base[end - 1]
            if first <= 0x20 || first == 0xC2 || first == 0xE3 || first == 0xEF
                || last <= 0x20 || last == 0xA0 || last == 0x80 || last == 0xBF {
                let range = ValueParsers.trimmedRange(UnsafeBufferPointer(start: base + start, count: end - start))
                end = start + range.upperBound
                start += range.lowerBound
            }
        }
        let trimmed = UnsafeBufferPointer(start: base + start, count: end - start)
        return trimmed.count <= 4 && ValueParsers.isMissingToken(trimmed) ? .missing : .bytes(trimmed)
    }

    /// `cell(_:)` of a cell that is not a plain range of the input.
    private func textCell(_ slot: Int) -> Cell {
        guard let raw = raw(slot), let text = ValueParsers.trimmedUnlessMissing(raw) else { return .missing }
        return .text(text)
    }

    /// `text(slot)`, taken from `cache` when the same bytes were read before.
    func text(_ slot: Int, cache: TextCache<String>) -> String? {
        switch cell(slot) {
        case .missing: return nil
        case .bytes(let bytes): return cache.value(bytes) { bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self) }
        case .text(let text): return text
        }
    }

    /// A required cell; a missing one is `missing_required` and the row is not used.
    mutating func requiredCell(_ slot: Int) -> Cell? {
        let value = cell(slot)
        if case .missing = value {
            report(.missingRequired, slot, "\(map.header(slot)) is empty; the row is not used.")
            usable = false
            return nil
        }
        return value
    }

    /// A cell as `parse` sees it: trimmed and folded, straight from the input when folding
    /// leaves it as it is (`ValueParsers.foldsToItself`).
    private enum Parsed<Value> {
        case missing
        case value(Value)
        /// Not parsable; the trimmed text, for the message.
        case bad(String)
    }

    /// Parses a cell with `parseBytes` (the trimmed bytes of an ASCII cell of the input) or
    /// `parseText` (the trimmed text otherwise), which must agree: `parseText` folds and
    /// then does what `parseBytes` does.
    @inline(__always)
    private func parse<Value>(_ slot: Int, _ parseBytes: (UnsafeBufferPointer<UInt8>) -> Value?,
                              _ parseText: (String) -> Value?) -> Parsed<Value> {
        parse(cell(slot), parseBytes, parseText)
    }

    private func parse<Value>(_ cell: Cell, _ parseBytes: (UnsafeBufferPointer<UInt8>) -> Value?,
                              _ parseText: (String) -> Value?) -> Parsed<Value> {
        let text: String
        switch cell {
        case .missing:
            return .missing
        case .bytes(let trimmed):
            if ValueParsers.foldsToItself(trimmed) {
                if let value = parseBytes(trimmed) { return .value(value) }
                return .bad(String(decoding: trimmed, as: UTF8.self))
            }
            text = String(decoding: trimmed, as: UTF8.self)
        case .text(let cell):
            text = cell
        }
        if let value = parseText(text) { return .value(value) }
        return .bad(text)
    }

    private func parseDate(_ slot: Int) -> Parsed<LocalDateTime> {
        let cell = cell(slot)
        // The common forms first, straight from the input (they are ASCII, their own fold).
        if case .bytes(let trimmed) = cell, let common = ValueParsers.commonDate(trimmed) {
            if let value = common { return .value(value) }
            return .bad(String(decoding: trimmed, as: UTF8.self))
        }
        let order = dateOrder
        return parse(cell, { ValueParsers.date(foldedBytes: $0, order: order) }, { ValueParsers.date($0, order: order) })
    }

    /// The cell for an enum column, after the config's `values:` mapping.
    private func code(_ slot: Int) -> String? {
        guard let cell = text(slot) else { return nil }
        if let mapping = map.valueMaps[slot], let mapped = mapping[HeaderAliases.fold(cell)] { return mapped }
        return cell
    }

    mutating func report(_ rule: Rule, _ slot: Int, _ message: String) {
        findings.append(Finding(table: map.table, file: file, line: line, column: map.columns[slot],
                                value: raw(slot) ?? "", rule: rule, message: message))
    }

    /// Reports a finding about a column that is not a slot (an unknown header).
    mutating func report(_ rule: Rule, column: String, value: String, _ message: String) {
        findings.append(Finding(table: map.table, file: file, line: line, column: column,
                                value: value, rule: rule, message: message))
    }

    /// A required text cell; a missing one is `missing_required` and the row is not used.
    mutating func required(_ slot: Int) -> String? {
        if let value = text(slot) { return value }
        report(.missingRequired, slot, "\(map.header(slot)) is empty; the row is not used.")
        usable = false
        return nil
    }

    /// Marks the row unusable after a required cell failed to parse (its finding already made).
    mutating func reject() { usable = false }

    /// A date cell: nil when missing; `bad_date` when unparsable; `future_date` when after today
    /// (then nil too: a future cell is treated as missing).
    mutating func date(_ slot: Int) -> LocalDateTime? {
        let value: LocalDateTime
        switch parseDate(slot) {
        case .missing:
            return nil
        case .bad(let cell):
            report(.badDate, slot, "\(map.header(slot)) \"\(cell)\" is not a date; it is treated as missing.")
            return nil
        case .value(let parsed):
            value = parsed
        }
        if value.day > today {
            report(.futureDate, slot, "\(map.header(slot)) \(value.day) is after today (\(today)); it is treated as missing.")
            return nil
        }
        return value
    }

    /// The row's own date (order date, interaction date): required, and a future one keeps the
    /// row out of every metric. Returns the date and whether the row may count.
    mutating func ownDate(_ slot: Int, required: Bool) -> (value: LocalDateTime?, counts: Bool) {
        let value: LocalDateTime
        switch parseDate(slot) {
        case .missing:
            if required { _ = self.required(slot) }
            return (nil, !required)
        case .bad(let cell):
            let consequence = required ? "the row is not used" : "it is treated as missing"
            report(.badDate, slot, "\(map.header(slot)) \"\(cell)\" is not a date; \(consequence).")
            if required { usable = false }
            return (nil, !required)
        case .value(let parsed):
            value = parsed
        }
        if value.day > today {
            report(.futureDate, slot, "\(map.header(slot)) \(value.day) is after today (\(today)); the row is left out of every figure.")
            return (value, false)
        }
        return (value, true)
    }

    /// An amount cell: nil when missing; `bad_number` when unparsable (and the row is not used
    /// when `required`).
    mutating func amount(_ slot: Int, required: Bool = false) -> Money? {
        switch parse(slot, { ValueParsers.amount(foldedBytes: $0) }, { ValueParsers.amount($0) }) {
        case .missing:
            if required { _ = self.required(slot) }
            return nil
        case .bad(let cell):
            let consequence = required ? "the row is not used" : "it is treated as missing"
            report(.badNumber, slot, "\(map.header(slot)) \"\(cell)\" is not a number; \(consequence).")
            if required { usable = false }
            return nil
        case .value(let value):
            return value
        }
    }

    /// An enum cell: nil when missing or unknown; an unknown value is `bad_value`.
    mutating func code<Value>(_ slot: Int, _ parse: (String) -> Value?, treatedAs fallback: String) -> (value: Value?, bad: Bool) {
        guard let cell = code(slot) else { return (nil, false) }
        if let value = parse(cell) { return (value, false) }
        report(.badValue, slot, "\(map.header(slot)) \"\(cell)\" is not a known value; it is treated as \(fallback).")
        return (nil, true)
    }

    /// `code(_:_:treatedAs:)` for a cell written exactly as one of `words` (the common case),
    /// matched by its bytes: no string made, no folding. Any other cell takes the general path.
    mutating func code<Value>(_ slot: Int, _ words: WordIndex<Value>, _ parse: (String) -> Value?,
                              treatedAs fallback: String) -> (value: Value?, bad: Bool) {
        if !hasValueMaps || map.valueMaps[slot] == nil, case .bytes(let bytes) = cell(slot), let value = words.value(bytes) {
            return (value, false)
        }
        return code(slot, parse, treatedAs: fallback)
    }

    /// Appends the values of the file's unknown columns, by the header's position in
    /// `map.headers`, for "other fields": the filled ones, and the empty ones of a header the
    /// file repeats, as nil (the rightmost cell under a name is the one kept).
    ///
    /// Empty cells make no string: a CRM export's custom columns are mostly empty.
    func appendUnknownValues(to values: inout [(header: Int32, value: String?)]) {
        let repeated = map.unknownRepeated
        for (position, index) in map.unknown.enumerated() {
            let value: String?
            if usesFields, let cell = fieldCell(atHeader: index) {
                value = cell.string
            } else if let raw = self.cell(atHeader: index), !raw.isEmpty {
                value = ValueParsers.trimmedUnlessMissing(raw)
            } else {
                value = nil
            }
            if value != nil || repeated[position] { values.append((Int32(index), value)) }
        }
    }
}
