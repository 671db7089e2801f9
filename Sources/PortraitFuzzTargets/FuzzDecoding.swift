import LedgerIngest

/// Decodes `data` as a ledger file would be (UTF-8, UTF-8 with BOM, else GB18030), then reads
/// the result as CSV.
///
/// Whatever `TextDecoding` returns must be valid UTF-8 by Swift's own validator: the hand-written
/// 8-bytes-at-a-time validator and the `iconv` path are both checked by it. (Only one leading
/// BOM is removed; a second one, `EF BB BF EF BB BF`, is text that `CSVReader` drops in turn.)
package func fuzzDecoding(_ data: [UInt8]) {
    guard let decoded = try? TextDecoding.decode(data, file: "fuzz.csv") else { return }
    precondition(String(validating: decoded.utf8, as: UTF8.self) != nil,
                 "decode returned invalid UTF-8 (\(decoded.encoding))")
    fuzzCSV(decoded.utf8)
}
