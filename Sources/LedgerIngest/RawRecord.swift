/// One record as read from a file, before any column is interpreted.
package struct RawRecord: Sendable {
    /// CSV: the physical line where the record starts (header = 1). XML: the 1-based record number.
    package var line: Int
    /// Values aligned with the reader's `headers` at the time the record was returned; a
    /// record may be shorter than `headers` (absent fields), never longer.
    package var values: [String]

    package init(line: Int, values: [String]) {
        self.line = line
        self.values = values
    }
}

/// A stream of records from one file: CSV or XML.
package protocol RecordReader {
    /// Column names as written in the file, in first-seen order. For CSV, the header row; for XML,
    /// it grows as records introduce new field names (existing indices never change).
    var headers: [String] { get }
    /// The next record, or nil at the end. Throws `IngestError` for input that cannot be read.
    mutating func next() throws -> RawRecord?
}
