import LedgerIngest

/// Reads `data` as CSV to the end, checking the reader's promises about lines and headers.
///
/// The bytes go to `CSVReader` undecoded (it accepts any bytes and repairs invalid UTF-8 per
/// field), so the scanner sees quotes, CR/LF and delimiters in every arrangement.
package func fuzzCSV(_ data: [UInt8]) {
    guard var reader = try? CSVReader(utf8: data, file: "fuzz.csv") else { return }
    var lastLine = reader.headerLine ?? 0
    do {
        while let record = try reader.next() {
            precondition(record.line > lastLine, "records must start on increasing physical lines")
            precondition(record.values.count <= reader.headers.count, "every value must have a header")
            precondition(!record.values.isEmpty, "a record has at least one field")
            lastLine = record.line
        }
    } catch {
        // An unterminated quoted field: a reported error, not a bug.
    }
}
