import LedgerModel

/// What the reader needs to know: where the tables are, how their columns are named, and the
/// date "today" against which `future_date` is judged.
package struct IngestSettings: Sendable {
    package var dataDirectory: String
    package var tables: [TableName: TableSettings]
    package var dateOrder: DateOrder
    package var today: Day
    /// Threads reading at once (default: one per processor).
    package var workers: Int?
    /// Bytes per chunk of a CSV file read on its own (default: a few per worker, up to 4 MB);
    /// tests set a few bytes to split files everywhere.
    package var chunkBytes: Int?
    /// Tests only: splits a CSV file's records (the input, the first record's offset) into
    /// chunks instead of `CSVReader.chunkBounds`, at any offsets, to check that a chunk's
    /// guessed start is never trusted.
    var chunkBounds: (@Sendable (UnsafeBufferPointer<UInt8>, Int) -> [Int])?
    /// How many times a CSV file's headers may grow (a record with more fields than the header,
    /// as a stray quote makes) and the rest of the file still be read in chunks on every core,
    /// with the grown headers; after that, the rest is read one record at a time. Tests and the
    /// fuzzer set 0 for the reference: one record at a time from the first growth, as one pass
    /// reads it.
    package var growthsReadInChunks = 8

    package init(dataDirectory: String, tables: [TableName: TableSettings] = [:],
                 dateOrder: DateOrder = .ymd, today: Day, workers: Int? = nil, chunkBytes: Int? = nil) {
        self.dataDirectory = dataDirectory
        self.tables = tables
        self.dateOrder = dateOrder
        self.today = today
        self.workers = workers
        self.chunkBytes = chunkBytes
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
