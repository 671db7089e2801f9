import LedgerModel

/// RFC 4180 records from UTF-8 bytes, with the delimiter detected among `,` `;` tab `|`.
///
/// Hand-written over the byte array with integer indices rather than built on a `String` /
/// `Character` reader (CSV.swift, SwiftCSV): grapheme-cluster iteration is many times slower on
/// files of a gigabyte and tens of millions of rows, and those readers do not report the physical
/// line a record starts on, which every finding needs. Measured again after the ingest speed
/// work (Benchmarks/, `csv:` benchmarks, 2026-11-22, interactions.csv of 5,000 customers: 5.2 MB,
/// 51,285 lines, p50 on a 2-core machine at load average 4): this reader 34 ms wall, 20 ms user
/// through `next()`; CSV.swift 2.5.2 212 ms wall, 140 ms user (6.2×, 7×); SwiftCSV 0.10.0 808 ms
/// wall, 480 ms user (24×), so it stays. The ledger reader does not even pay for `next()`'s
/// strings: it reads byte ranges (`nextFields`, `TableRead`). All structural bytes (`"`, the delimiter,
/// CR, LF) are ASCII, so they can never appear inside a multi-byte UTF-8 sequence and slicing
/// between them always yields valid UTF-8. Through `next()` a field costs one scan and one
/// `String(decoding:as:)`; through `nextFields` (what the ledger reader uses) only the scan, the
/// field being a byte range. Only a quoted field with `""` escapes is copied into a scratch buffer.
///
/// Leniencies, each keeping every byte of the input: a quote inside an unquoted field is
/// literal; text after a closing quote (`"ab"c`) is appended to the field; spaces before an
/// opening quote (`a, "b"`) are dropped; a lone CR ends a line; blank lines (empty or only spaces
/// and tabs) are skipped but counted; a record with more fields than headers adds headers
/// `column_N` instead of losing values.
package struct CSVReader: RecordReader {
    package private(set) var headers: [String] = []
    package let delimiter: UInt8

    /// The file name used in errors.
    let file: String
    /// The whole input; shared with the caller's array, never copied.
    let bytes: [UInt8]
    /// The input when it is a mapped file (then `bytes` is empty).
    let mapping: FileMapping?
    /// Offset of the next unread byte.
    var position: Int
    /// Physical line number (1-based) of the byte at `position`.
    var line: Int
    /// Physical line of the header row, or nil for an empty file.
    package private(set) var headerLine: Int?

    /// Reads the header row. Throws `IngestError` for input that cannot be read as CSV.
    ///
    /// An empty file, or one of blank lines only, is not an error here: `headers` is empty and
    /// `next()` returns nil, and the caller decides how to report it.
    package init(utf8: [UInt8], file: String) throws {
        try self.init(bytes: utf8, mapping: nil, file: file)
    }

    /// Reads a mapped file, valid UTF-8 (`TextDecoding.isPlainUTF8`); pages behind the reader
    /// are handed back as it goes.
    init(mapping: FileMapping, file: String) throws {
        try self.init(bytes: [], mapping: mapping, file: file)
    }

    private init(bytes: [UInt8], mapping: FileMapping?, file: String) throws {
        self.file = file
        self.bytes = bytes
        self.mapping = mapping
        var position = 0
        var line = 1
        let (delimiter, header) = try Self.withInput(bytes, mapping) { buffer -> (UInt8, (line: Int, values: [String])?) in
            if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                position = 3
            }
            // Rows of delimiters only (Excel writes them for formatted rows) are blank lines.
            while true {
                Self.skipBlankLines(buffer, position: &position, line: &line)
                guard position < buffer.count else { return (Self.comma, nil) }
                let delimiter = Self.detectDelimiter(buffer, from: position)
                let headerLine = line
                var values: [String] = []
                try Self.readRecord(
                    buffer, position: &position, line: &line, delimiter: delimiter, file: file, into: &values
                )
                if !values.allSatisfy(Self.isBlankCell) { return (delimiter, (headerLine, values)) }
            }
        }
        self.delimiter = delimiter
        self.position = position
        self.line = line
        self.headerLine = header?.line
        headers = header?.values.map(Self.trimmedHeader) ?? []
    }

    /// The next record, or nil at the end of the input.
    ///
    /// - Complexity: O(length of the record), one `String` per field and one array per record.
    package mutating func next() throws -> RawRecord? {
        guard headerLine != nil else { return nil }
        var position = self.position
        var line = self.line
        let file = self.file
        let delimiter = self.delimiter
        var values: [String] = []
        values.reserveCapacity(headers.count)
        mapping?.release(below: position)
        let recordLine = try withInput { buffer -> Int? in
            Self.skipBlankLines(buffer, position: &position, line: &line)
            guard position < buffer.count else { return nil }
            let start = line
            try Self.readRecord(
                buffer, position: &position, line: &line, delimiter: delimiter, file: file, into: &values
            )
            return start
        }
        self.position = position
        self.line = line
        guard let recordLine else { return nil }
        if values.count > headers.count {
            // Name the extra columns by position so their values are kept, not dropped.
            for index in headers.count..<values.count {
                headers.append("column_\(index + 1)")
            }
        }
        return RawRecord(line: recordLine, values: values)
    }

    /// Calls `body` with the input, for `nextFields(_:into:)`.
    func withInput<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try Self.withInput(bytes, mapping, body)
    }

    private static func withInput<R>(_ bytes: [UInt8], _ mapping: FileMapping?,
                                     _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let mapping { return try body(mapping.buffer) }
        return try bytes.withUnsafeBufferPointer(body)
    }

    /// The next record as byte ranges of `buffer`, which must be `input`'s storage: the line
    /// where it starts, or nil at the end. Headers grow as in `next()`.
    ///
    /// For loaders that turn most cells into dates and numbers: a field costs no `String`
    /// and a record no array (`fields` is reused), where `next()` makes both.
    /// - Complexity: O(length of the record).
    mutating func nextFields(_ buffer: UnsafeBufferPointer<UInt8>, into fields: inout CSVFields) throws -> Int? {
        guard headerLine != nil else { return nil }
        // The previous record's cells are no longer read.
        mapping?.release(below: position)
        fields.removeAll()
        var position = self.position
        var line = self.line
        Self.skipBlankLines(buffer, position: &position, line: &line)
        guard position < buffer.count else {
            self.position = position
            self.line = line
            return nil
        }
        let start = line
        try Self.readRecord(buffer, position: &position, line: &line, delimiter: delimiter, file: file, into: &fields)
        self.position = position
        self.line = line
        // A row of delimiters only is a blank line (`TableRead` skips it): it names no column.
        if fields.count > headers.count && !fields.isBlank(in: buffer) {
            for index in headers.count..<fields.count {
                headers.append("column_\(index + 1)")
            }
        }
        return start
    }
}
