import Foundation
import PortraitTestSupport
import Testing
@testable import LedgerIngest

/// Records as `next()` makes them: the reference the faster readings must equal.
private func recordsByStrings(_ reader: CSVReader) throws -> (records: [RawRecord], headers: [String]) {
    var reader = reader
    var records: [RawRecord] = []
    while let record = try reader.next() { records.append(record) }
    return (records, reader.headers)
}

/// Records as `nextFields` gives them, each field turned into a string.
private func recordsByFields(_ reader: CSVReader) throws -> (records: [RawRecord], headers: [String]) {
    var reader = reader
    let input = reader
    var records: [RawRecord] = []
    try input.withInput { buffer in
        var fields = CSVFields()
        while let line = try reader.nextFields(buffer, into: &fields) {
            let values = (0..<fields.count).map { index -> String in
                let start = fields.start(index)
                return start < 0 ? fields.strings[-1 - start] : CSVReader.string(buffer, start, fields.end(index))
            }
            records.append(RawRecord(line: line, values: values))
        }
    }
    return (records, reader.headers)
}

private let awkwardInputs = [
    "a,b,c\n1,2,3\n",
    "a,b\r\n\"x\"\"y\",z\r\n\"ab\"c,d\r\n",
    "a;b\n  \"spaced\";\"multi\nline\"\n\n   \nlast;\n",
    "a,b\n1,2,3,4\n5\n",
    "a|b\r1|2\r3|4",
    "名称,金额\n\"张三, 李四\",1.2万\n王五 , ￥3,000\n",
    "\u{FEFF}id,note\n1,\"\"\n2,\"a\"\"\"\n",
    "only\n",
    "",
]

@Suite("CSV fields as byte ranges")
struct CSVFieldsTests {
    @Test("nextFields reads the same records, lines and headers as next()", arguments: awkwardInputs)
    func fieldsMatchStrings(text: String) throws {
        let reader = try CSVReader(utf8: Array(text.utf8), file: "t.csv")
        let expected = try recordsByStrings(reader)
        let actual = try recordsByFields(reader)
        #expect(actual.headers == expected.headers)
        #expect(actual.records.map(\.line) == expected.records.map(\.line))
        #expect(actual.records.map(\.values) == expected.records.map(\.values))
    }

    @Test("An unterminated quote is the same error either way")
    func unterminatedQuote() throws {
        let reader = try CSVReader(utf8: Array("a,b\n1,\"open\n2,3\n".utf8), file: "t.csv")
        #expect(throws: IngestError.self) { try recordsByFields(reader) }
        #expect(throws: IngestError.self) { try recordsByStrings(reader) }
    }

    @Test("A mapped file reads as its bytes do", arguments: awkwardInputs.filter { !$0.isEmpty && !$0.hasPrefix("\u{FEFF}") })
    func mappedFileMatchesBytes(text: String) throws {
        let path = NSTemporaryDirectory() + "csvfields-\(UUID().uuidString).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mapping = try #require(FileMapping(path: path))
        #expect(TextDecoding.isPlainUTF8(mapping.buffer))
        #expect(FileBytes.countLines(mapping.buffer) == FileBytes.countLines(Array(text.utf8)))
        let mapped = try recordsByFields(try CSVReader(mapping: mapping, file: "t.csv"))
        let expected = try recordsByStrings(try CSVReader(utf8: Array(text.utf8), file: "t.csv"))
        #expect(mapped.records.map(\.values) == expected.records.map(\.values))
        #expect(mapped.records.map(\.line) == expected.records.map(\.line))
    }

    @Test("Only plain UTF-8 is read in place; everything else goes through decoding", arguments: [
        ([0xEF, 0xBB, 0xBF, 0x61], false),   // BOM: decode strips it
        ([0x61, 0x00, 0x62], false),         // NUL
        ([0xC4, 0xE3, 0xBA, 0xC3], false),   // GB18030 你好
        ([0x50, 0x4B, 0x03, 0x04], false),   // ZIP
        ([], false),
        (Array("a,b\n1,2\n".utf8), true),
        (Array("名称\n张三\n".utf8), true),
    ] as [([UInt8], Bool)])
    func plainUTF8(bytes: [UInt8], plain: Bool) {
        #expect(bytes.withUnsafeBufferPointer(TextDecoding.isPlainUTF8) == plain)
    }

    @Test("Trimming and missing markers agree on strings and bytes", arguments: [
        "", " ", "NULL", " n/a ", "无", "-", "#N/A", "\u{3000}张三\u{3000}", "\u{A0}x", "a b", "ＮＵＬＬ", "none",
    ])
    func trimmedUnlessMissing(cell: String) {
        let fromBytes = Array(cell.utf8).withUnsafeBufferPointer(ValueParsers.trimmedUnlessMissing)
        #expect(fromBytes == ValueParsers.trimmedUnlessMissing(cell))
        #expect(fromBytes == (ValueParsers.isMissing(cell) ? nil : CellText.trim(cell)))
    }
}

@Suite("Id table")
struct IDTableTests {
    @Test("Finds every id inserted, keeps the first value, and misses others")
    func insertAndFind() {
        let table = IDTable()
        for index in 0..<5_000 { table.insert("C\(index)", Int32(index)) }
        table.insert("C7", 99)
        table.insert("客户甲", -1)
        table.insert("a-key-longer-than-eight-bytes", 42)
        #expect(table["C7"] == 7)
        #expect(table["C4999"] == 4999)
        #expect(table["客户甲"] == -1)
        #expect(table["a-key-longer-than-eight-bytes"] == 42)
        #expect(table["a-key-longer-than-eight-byteS"] == nil)
        #expect(table["C5000"] == nil)
        #expect(table[""] == nil)
        #expect(table.count == 5_002)
        table.insert("", 5)
        #expect(table[""] == 5)
    }

    @Test("insertOrFind answers as a lookup followed by an insert, whatever the key storage reserved",
          arguments: [0, 10, 1 << 20])
    func insertOrFind(keyBytes: Int) {
        let table = IDTable(capacity: keyBytes == 0 ? 0 : 100, keyBytes: keyBytes)
        var dictionary: [String: Int32] = [:]
        let keys = (0..<3_000).map { index in
            index % 3 == 0 ? "C\(index % 700)" : "a-longer-key-of-company-\(index % 900)-有限公司"
        }
        for (index, key) in keys.enumerated() {
            var bytes = Array(key.utf8)
            let found = bytes.withUnsafeMutableBufferPointer { table.insertOrFind(bytes: UnsafeBufferPointer($0), Int32(index)) }
            #expect(found == dictionary[key], "\(key)")
            if dictionary[key] == nil { dictionary[key] = Int32(index) }
        }
        #expect(table.count == dictionary.count)
        for (key, value) in dictionary { #expect(table[key] == value) }
    }

    @Test("Gives back every key it holds, short and long", arguments: [0, 1, 7, 8, 9, 64])
    func everyKey(length: Int) {
        let table = IDTable()
        let keys = (0..<300).map { index in String(repeating: "x", count: length) + "\(index)" }
        for (index, key) in keys.enumerated() { table.insert(key, Int32(index)) }
        var seen: [String: Int32] = [:]
        table.forEach { key, value in seen[key] = value }
        #expect(seen == Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int32($0)) }))
    }
}

/// `CSVReader.readRecord` as it was before its structural mask, one byte at a time: the
/// reference for the mask's windows of 64 bytes. The fields, or the line where an unterminated
/// quoted field started.
private func referenceRecord(_ bytes: [UInt8], position: inout Int, line: inout Int,
                             delimiter: UInt8) -> Result<[String], ReferenceError> {
    let end = bytes.count, quote = UInt8(ascii: "\""), space = UInt8(ascii: " ")
    let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
    var fields: [String] = []
    var index = position
    while true {
        var quoteIndex = index
        while quoteIndex < end && bytes[quoteIndex] == space { quoteIndex += 1 }
        if quoteIndex < end && bytes[quoteIndex] == quote {
            let startLine = line
            var value: [UInt8] = []
            var cursor = quoteIndex + 1
            while true {
                guard cursor < end else { return .failure(ReferenceError(line: startLine)) }
                let byte = bytes[cursor]
                if byte == quote {
                    if cursor + 1 < end && bytes[cursor + 1] == quote {
                        value.append(quote)
                        cursor += 2
                        continue
                    }
                    break
                }
                if byte == lf || (byte == cr && (cursor + 1 == end || bytes[cursor + 1] != lf)) { line += 1 }
                value.append(byte)
                cursor += 1
            }
            cursor += 1
            while cursor < end && bytes[cursor] != delimiter && bytes[cursor] != lf && bytes[cursor] != cr {
                value.append(bytes[cursor])
                cursor += 1
            }
            fields.append(String(decoding: value, as: UTF8.self))
            index = cursor
        } else {
            let start = index
            while index < end && bytes[index] != delimiter && bytes[index] != lf && bytes[index] != cr { index += 1 }
            fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
        }
        if index >= end { break }
        let byte = bytes[index]
        index += 1
        if byte == delimiter { continue }
        if byte == cr && index < end && bytes[index] == lf { index += 1 }
        line += 1
        break
    }
    position = index
    return .success(fields)
}

private struct ReferenceError: Error, Equatable {
    var line: Int
}

/// Reads every record of `bytes` with `readRecord` into both sinks (strings, and the byte
/// ranges of `CSVFields`) and with the reference, and returns the first difference, if any.
private func firstDifference(_ bytes: [UInt8], delimiter: UInt8, firstLine: Int = 1) -> String? {
    var position = 0, line = firstLine
    var expectedPosition = 0, expectedLine = firstLine
    while position < bytes.count {
        let expected = referenceRecord(bytes, position: &expectedPosition, line: &expectedLine, delimiter: delimiter)
        var strings: [String] = []
        let ranges = CSVFields()
        var rangePosition = position, rangeLine = line
        let outcome = bytes.withUnsafeBufferPointer { buffer -> (Result<[String], ReferenceError>, [String]?) in
            var viaRanges: [String]?
            do {
                var sink = ranges
                try CSVReader.readRecord(buffer, position: &rangePosition, line: &rangeLine, delimiter: delimiter,
                                         file: "t.csv", into: &sink)
                viaRanges = (0..<ranges.count).map { index -> String in
                    let start = ranges.start(index)
                    return start < 0 ? ranges.strings[-1 - start] : CSVReader.string(buffer, start, ranges.end(index))
                }
            } catch {}
            do {
                try CSVReader.readRecord(buffer, position: &position, line: &line, delimiter: delimiter,
                                         file: "t.csv", into: &strings)
                return (.success(strings), viaRanges)
            } catch let error as IngestError {
                return (.failure(ReferenceError(line: error.location.line ?? -1)), viaRanges)
            } catch {
                return (.failure(ReferenceError(line: -1)), viaRanges)
            }
        }
        guard outcome.0 == expected else { return "\(outcome.0) against \(expected)" }
        guard case .success(let fields) = expected else { return nil }
        guard outcome.1 == fields, rangePosition == position, rangeLine == line else { return "byte ranges \(outcome.1 ?? [])" }
        guard position == expectedPosition, line == expectedLine else {
            return "position \(position), line \(line) against \(expectedPosition), \(expectedLine)"
        }
    }
    return nil
}

@Suite("CSV records against a byte-wise reference")
struct CSVRecordMaskTests {
    /// Pieces that make fields cross the mask's 64-byte windows anywhere, with quotes, escaped
    /// quotes, spaces before quotes, every line end, other delimiters and multi-byte text.
    static let pieces: [String] = [
        "a", "bc", "1234567", ",", ",", ";", "\t", "|", "\"", "\"\"", " ", "  \"", "\n", "\r", "\r\n",
        "名称", "é", String(repeating: "x", count: 63), String(repeating: "y", count: 64),
        String(repeating: "长", count: 30), "\"q,\nq\"", "\"open", ",\"\",", "\u{FEFF}",
    ]
    static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    @Test("Random inputs read the same fields, positions, lines and errors as the byte-wise reader, into either sink")
    func matchesReference() throws {
        var generator = SplitMix64(seed: 0xC5F)
        for round in 0..<3_000 {
            let count = Int(generator.next() % 60)
            let text = (0..<count).map { _ in Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }.joined()
            let delimiter = Self.delimiters[round % Self.delimiters.count]
            let difference = firstDifference(Array(text.utf8), delimiter: delimiter, firstLine: 1 + round % 7)
            #expect(difference == nil, "round \(round): \(text.debugDescription)")
        }
    }

    @Test("A field of every length from every offset of the mask's window ends where the byte-wise reader ends it")
    func everyLengthAndPhase() {
        var failures: [String] = []
        for prefix in 0...65 {
            for length in 0...200 {
                for terminator in [",", "\n", "\r", "\"", " "] {
                    // The field after `prefix` one-byte fields, then padding that holds more fields.
                    var text = String(repeating: "p,", count: prefix / 2) + (prefix % 2 == 1 ? "q" : "")
                    text += (prefix % 2 == 1 ? "," : "") + String(repeating: "f", count: length) + terminator
                    text += String(repeating: "z,", count: 40)
                    if let difference = firstDifference(Array(text.utf8), delimiter: UInt8(ascii: ",")), failures.count < 5 {
                        failures.append("prefix \(prefix), length \(length), \(terminator.debugDescription): \(difference)")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("An unterminated quote names the line where its field started, as the byte-wise reader does")
    func unterminatedQuoteLine() {
        #expect(firstDifference(Array("a,\"x\ny".utf8), delimiter: UInt8(ascii: ","), firstLine: 5) == nil)
        var line = 5, position = 0
        let bytes = Array("a,\"x\ny".utf8)
        var fields: [String] = []
        #expect {
            try bytes.withUnsafeBufferPointer {
                try CSVReader.readRecord($0, position: &position, line: &line, delimiter: UInt8(ascii: ","),
                                         file: "t.csv", into: &fields)
            }
        } throws: { error in
            (error as? IngestError)?.location.line == 5
        }
    }
}
