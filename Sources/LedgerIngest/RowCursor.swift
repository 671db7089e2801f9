import LedgerModel

/// One record of a table file with the cell accessors every loader uses; each accessor that
/// rejects a cell records the finding, so a loader reads as the list of its columns.
struct RowCursor {
    let map: ColumnMap
    let file: String
    /// Position of `file` among the table's files.
    let fileIndex: Int
    let line: Int
    var values: [String]
    /// `map.source`, read once per row: a class property read costs an exclusivity check per cell.
    let source: [Int]
    let today: Day
    let dateOrder: DateOrder
    private(set) var findings: [Finding] = []
    /// False once a required cell was missing or unparsable: the row is not used.
    private(set) var usable = true

    init(map: ColumnMap, file: String, fileIndex: Int, record: RawRecord, today: Day, dateOrder: DateOrder) {
        self.map = map
        self.file = file
        self.fileIndex = fileIndex
        self.line = record.line
        self.values = record.values
        self.source = map.source
        self.today = today
        self.dateOrder = dateOrder
        map.appendDerived(to: &values)
    }

    /// The cell as written, or nil when the file has no such column or the record ends before it.
    func raw(_ slot: Int) -> String? {
        let index = source[slot]
        return index >= 0 && index < values.count ? values[index] : nil
    }

    /// The cell trimmed, nil when missing (empty, NULL, N/A, -, 无, …).
    func text(_ slot: Int) -> String? {
        guard let cell = raw(slot) else { return nil }
        return ValueParsers.trimmedUnlessMissing(cell)
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
        guard let cell = text(slot) else { return nil }
        guard let value = ValueParsers.date(cell, order: dateOrder) else {
            report(.badDate, slot, "\(map.header(slot)) \"\(cell)\" is not a date; it is treated as missing.")
            return nil
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
        guard let cell = text(slot) else {
            if required { _ = self.required(slot) }
            return (nil, !required)
        }
        guard let value = ValueParsers.date(cell, order: dateOrder) else {
            let consequence = required ? "the row is not used" : "it is treated as missing"
            report(.badDate, slot, "\(map.header(slot)) \"\(cell)\" is not a date; \(consequence).")
            if required { usable = false }
            return (nil, !required)
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
        guard let cell = text(slot) else {
            if required { _ = self.required(slot) }
            return nil
        }
        guard let value = ValueParsers.amount(cell) else {
            let consequence = required ? "the row is not used" : "it is treated as missing"
            report(.badNumber, slot, "\(map.header(slot)) \"\(cell)\" is not a number; \(consequence).")
            if required { usable = false }
            return nil
        }
        return value
    }

    /// An enum cell: nil when missing or unknown; an unknown value is `bad_value`.
    mutating func code<Value>(_ slot: Int, _ parse: (String) -> Value?, treatedAs fallback: String) -> (value: Value?, bad: Bool) {
        guard let cell = code(slot) else { return (nil, false) }
        if let value = parse(cell) { return (value, false) }
        report(.badValue, slot, "\(map.header(slot)) \"\(cell)\" is not a known value; it is treated as \(fallback).")
        return (nil, true)
    }

    /// Values of the file's unknown columns, by header, for "other fields".
    func unknownValues() -> [(header: String, value: String?)] {
        map.unknown.map { index in
            let cell = index < values.count ? values[index] : ""
            return (map.headers[index], ValueParsers.trimmedUnlessMissing(cell))
        }
    }
}
