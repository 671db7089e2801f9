/// One bad row or value. Findings are data, never thrown: collected beside the rows they concern.
package struct Finding: Hashable, Sendable {
    package var table: TableName
    /// The file as named in the data folder (a table may span several files).
    package var file: String
    /// CSV physical line where the record starts (header = 1) or XML record number.
    package var line: Int
    /// Canonical column name (`customer_id`), or the header as written for unmapped columns.
    package var column: String
    /// The cell as written.
    package var value: String
    package var rule: Rule
    /// Free text naming the header as written in the file.
    package var message: String

    package var severity: Severity { rule.severity }

    package init(table: TableName, file: String, line: Int, column: String, value: String,
                 rule: Rule, message: String) {
        self.table = table
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.rule = rule
        self.message = message
    }

    /// The contract order of `findings.csv`: table, line, column, rule (codes in code-point
    /// order), then file for tables read from several files.
    ///
    /// Tables compare by `TableName.nameOrder`, so most comparisons make no string: a million
    /// findings took 3.9 s to sort when each comparison made the tables' names.
    package static func exportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.table != b.table { return a.table.nameOrder < b.table.nameOrder }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.rule != b.rule { return a.rule.rawValue < b.rule.rawValue }
        return a.file < b.file
    }
}
