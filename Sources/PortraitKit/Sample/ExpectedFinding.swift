import LedgerModel

/// One finding the spec defines for a generated ledger: where it is and which rule it breaks.
///
/// `line` is the CSV physical line where the record starts (header = 1, embedded newlines
/// counted) or the 1-based XML record number; `column` is the canonical column name.
package struct ExpectedFinding: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    package var table: TableName
    package var line: Int
    package var column: String
    package var rule: Rule

    package init(table: TableName, line: Int, column: String, rule: Rule) {
        self.table = table
        self.line = line
        self.column = column
        self.rule = rule
    }

    /// The order of `findings.csv`: table, line, column, rule.
    package static func < (a: ExpectedFinding, b: ExpectedFinding) -> Bool {
        if a.table != b.table { return a.table.rawValue < b.table.rawValue }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        return a.rule.rawValue < b.rule.rawValue
    }

    package var description: String { "\(table.rawValue):\(line) \(column) \(rule.rawValue)" }
}
