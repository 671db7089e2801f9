import LedgerModel

/// What the reader needs to know: where the tables are, how their columns are named, and the
/// date "today" against which `future_date` is judged.
package struct IngestSettings: Sendable {
    package var dataDirectory: String
    package var tables: [TableName: TableSettings]
    package var dateOrder: DateOrder
    package var today: Day

    package init(dataDirectory: String, tables: [TableName: TableSettings] = [:],
                 dateOrder: DateOrder = .ymd, today: Day) {
        self.dataDirectory = dataDirectory
        self.tables = tables
        self.dateOrder = dateOrder
        self.today = today
    }

    package func table(_ name: TableName) -> TableSettings { tables[name] ?? TableSettings() }
}

/// The config's `tables.NAME` section.
package struct TableSettings: Sendable {
    /// Relative to the data folder; may be a glob (`orders/*.csv`).
    package var file: String?
    /// XML only: the repeated record element, e.g. `dataroot/Customers`.
    package var recordPath: String?
    /// Canonical column → headers in the file, added to the built-in aliases.
    package var columns: [String: [String]]
    /// Column → (value as written → canonical code).
    package var values: [String: [String: String]]
    /// Column → expression computing it from others.
    package var derive: [String: String]

    package init(file: String? = nil, recordPath: String? = nil, columns: [String: [String]] = [:],
                 values: [String: [String: String]] = [:], derive: [String: String] = [:]) {
        self.file = file
        self.recordPath = recordPath
        self.columns = columns
        self.values = values
        self.derive = derive
    }
}
