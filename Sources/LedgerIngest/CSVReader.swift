import LedgerModel

/// RFC 4180 records from UTF-8 bytes, with the delimiter detected among `,` `;` tab `|`.
package struct CSVReader: RecordReader {
    package private(set) var headers: [String] = []
    package let delimiter: UInt8

    /// Reads the header row. Throws `IngestError` for input that cannot be read as CSV.
    package init(utf8: [UInt8], file: String) throws {
        fatalError("TODO(helper): CSVReader.init")
    }

    package mutating func next() throws -> RawRecord? {
        fatalError("TODO(helper): CSVReader.next")
    }
}
