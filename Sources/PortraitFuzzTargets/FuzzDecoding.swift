#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LedgerIngest

/// Decodes `data` as a ledger file would be (UTF-8, UTF-8 with BOM, else GB18030), then reads
/// the result as CSV.
///
/// Whatever `TextDecoding` returns must be valid UTF-8 by Swift's own validator: the hand-written
/// 8-bytes-at-a-time validator and the GB18030 converter are both checked by it. (Only one leading
/// BOM is removed; a second one, `EF BB BF EF BB BF`, is text that `CSVReader` drops in turn.)
/// The converter, a table of pairs with `iconv` for the rest, must also give exactly what one
/// bulk `iconv` call gives, or fail where it fails.
package func fuzzDecoding(_ data: [UInt8]) {
    // The hand-written GB18030 converter against one bulk iconv call: the same text, or both fail.
    let converted = try? TextDecoding.convertGB18030(data, file: "fuzz.csv")
    let reference = iconvGB18030(data)
    precondition(converted == reference, "GB18030: \(String(describing: converted)) where iconv gives \(String(describing: reference))")
    guard let decoded = try? TextDecoding.decode(data, file: "fuzz.csv") else { return }
    precondition(String(validating: decoded.utf8, as: UTF8.self) != nil,
                 "decode returned invalid UTF-8 (\(decoded.encoding))")
    fuzzCSV(decoded.utf8)
}

/// GB18030 to UTF-8 by one bulk `iconv` call, a leading byte order mark dropped; nil where iconv
/// fails.
private func iconvGB18030(_ input: [UInt8]) -> [UInt8]? {
    let converter = iconv_open("UTF-8", "GB18030")
    precondition(Int(bitPattern: converter) != -1, "this system's iconv has no GB18030")
    defer { iconv_close(converter) }
    var input = input
    var failed = false
    var output = [UInt8](unsafeUninitializedCapacity: input.count * 2 + 16) { output, count in
        input.withUnsafeMutableBufferPointer { input in
            var inPointer = input.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var inLeft = input.count
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outLeft = output.count
            failed = input.count > 0 && iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1
            count = output.count - outLeft
        }
    }
    if failed { return nil }
    if output.starts(with: [0xEF, 0xBB, 0xBF]) { output.removeFirst(3) }
    return output
}
