import CByteMasks
import Foundation
import Testing
@testable import LedgerIngest

/// The folder `Tests/Fixtures/encoding`, found from this file rather than from bundle resources.
private let encodingFixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // LedgerIngestTests
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Fixtures/encoding")

private func fixture(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: encodingFixtures.appendingPathComponent(name)))
}

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite("Text decoding")
struct TextDecodingTests {
    @Test("An empty file decodes to no bytes as UTF-8")
    func emptyFile() throws {
        let result = try TextDecoding.decode([], file: "empty.csv")
        #expect(result.utf8 == [])
        #expect(result.encoding == .utf8)
    }

    @Test("Valid UTF-8 is returned unchanged", arguments: [
        "id,name\n1,Acme\n",
        "客户编号,客户名称\nC001,北京华通科技有限公司\n",
        "emoji 😀 and 𠀀 and é, ü, ñ",
        String(repeating: "abcdefg,", count: 100) + "中",
    ])
    func validUTF8(text: String) throws {
        let result = try TextDecoding.decode(bytes(text), file: "a.csv")
        #expect(result.utf8 == bytes(text))
        #expect(result.encoding == .utf8)
    }

    @Test("A UTF-8 byte order mark is stripped and reported")
    func utf8BOM() throws {
        let result = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + bytes("id,名称\n1,甲\n"), file: "a.csv")
        #expect(result.utf8 == bytes("id,名称\n1,甲\n"))
        #expect(result.encoding == .utf8BOM)
    }

    @Test("A file with only a UTF-8 byte order mark decodes to no bytes")
    func onlyBOM() throws {
        let result = try TextDecoding.decode([0xEF, 0xBB, 0xBF], file: "a.csv")
        #expect(result.utf8 == [])
        #expect(result.encoding == .utf8BOM)
    }

    @Test("A GB18030 file written by iconv decodes to the same text as its UTF-8 original")
    func gb18030Fixture() throws {
        let gb = try fixture("customers-gb18030.csv")
        let utf8 = try fixture("customers-utf8.csv")
        #expect(gb != utf8)
        let result = try TextDecoding.decode(gb, file: "customers.csv")
        #expect(result.encoding == .gb18030)
        #expect(String(decoding: result.utf8, as: UTF8.self) == String(decoding: utf8, as: UTF8.self))
    }

    @Test("GBK and GB18030 byte sequences decode to the expected characters", arguments: [
        ([0xD6, 0xD0, 0xCE, 0xC4], "中文"),                                        // GBK two-byte
        ([0x43, 0x30, 0x31, 0x2C, 0xD5, 0xC5, 0xCE, 0xB0], "C01,张伟"),             // ASCII mixed in
        ([0x95, 0x32, 0x82, 0x36], "𠀀"),                                            // four-byte, plane 2
        ([0xA2, 0xE3], "€"),
        ([0x84, 0x31, 0x95, 0x33, 0xD6, 0xD0], "中"),                                // GB18030 BOM dropped
        ([0xA3, 0xA4, 0x31, 0x32, 0x33, 0x34, 0x0D, 0x0A], "￥1234\r\n"),
    ] as [([UInt8], String)])
    func gb18030Sequences(input: [UInt8], expected: String) throws {
        let result = try TextDecoding.decode(input, file: "a.csv")
        #expect(result.encoding == .gb18030)
        #expect(String(decoding: result.utf8, as: UTF8.self) == expected)
    }

    /// Bytes neither UTF-8 nor GB18030 are reported at the first bad byte; UTF-8 text with one
    /// damaged byte (GB18030 stops earlier, at the first Chinese character) where UTF-8 stopped.
    @Test("Bytes that are neither UTF-8 nor GB18030 give the line of the first bad byte", arguments: [
        (bytes("a,b\nc,d\n") + [0xFF] + bytes(",e\n"), 3, false),
        (bytes("a\rb\rc") + [0xFF], 3, false),
        ([0xFF], 1, false),
        (bytes("a,b\r\nc,d\r\n中,") + [0x80] + bytes("\r\n"), 3, true),
        (bytes("id,name\nC1,一\nC2,b\nC3,") + [0xC0, 0xAF] + bytes("\n"), 4, true),
    ] as [([UInt8], Int, Bool)])
    func invalidBytes(input: [UInt8], line: Int, damagedUTF8: Bool) throws {
        let error = #expect(throws: IngestError.self) {
            try TextDecoding.decode(input, file: "orders.csv")
        }
        #expect(error?.location.line == line)
        #expect(error?.description.hasPrefix("orders.csv:\(line): byte 0x") == true)
        if damagedUTF8 {
            #expect(error?.problem.contains("is not valid UTF-8, though the text before it is") == true, "\(String(describing: error))")
        } else {
            #expect(error?.description.contains("neither valid UTF-8 nor valid GB18030") == true)
            #expect(error?.hint == "Save the file as UTF-8 or GB18030.")
        }
    }

    @Test("A GB18030 character cut off at the end of the file is an error")
    func truncatedGB18030() throws {
        let error = #expect(throws: IngestError.self) {
            try TextDecoding.decode(bytes("a,b\n") + [0xD6, 0xD0, 0xCE], file: "t.csv")
        }
        #expect(error?.location.line == 2)
        #expect(error?.problem.contains("ends in the middle of a character") == true)
    }

    @Test("A file with a UTF-8 BOM and invalid UTF-8 is not reinterpreted as GB18030")
    func bomWithInvalidUTF8() throws {
        let error = #expect(throws: IngestError.self) {
            try TextDecoding.decode([0xEF, 0xBB, 0xBF] + bytes("a\nb\n") + [0xD6, 0xD0], file: "t.csv")
        }
        #expect(error?.location.line == 3)
        #expect(error?.problem.contains("byte order mark") == true)
    }

    @Test("A NUL byte is an error naming its line")
    func nulByte() throws {
        let error = #expect(throws: IngestError.self) {
            try TextDecoding.decode(bytes("id,name\n1,Acme\n2,Be") + [0x00] + bytes("ta\n"), file: "c.csv")
        }
        #expect(error?.location.line == 3)
        #expect(error?.description.hasPrefix("c.csv:3: the file contains a NUL byte") == true)
    }

    @Test("Binary files are recognised by their first bytes", arguments: [
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "looks like a ZIP or XLSX file", "Export the sheet as CSV"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], "old Excel (.xls)", "Export the sheet as CSV"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], "PNG image", "CSV or XML export"),
        (bytes("%PDF-1.7\n"), "PDF document", "CSV or XML export"),
        ([0x1F, 0x8B, 0x08, 0x00], "GZIP-compressed", "Decompress it"),
        ([0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00], "UTF-16 is not supported", "Re-save it as UTF-8"),
        ([0xFE, 0xFF, 0x00, 0x61, 0x00, 0x2C], "UTF-16 is not supported", "Re-save it as UTF-8"),
    ] as [([UInt8], String, String)])
    func binarySignatures(input: [UInt8], problem: String, hint: String) throws {
        let error = #expect(throws: IngestError.self) {
            try TextDecoding.decode(input, file: "customers.csv")
        }
        #expect(error?.location.file == "customers.csv")
        #expect(error?.location.line == nil)
        #expect(error?.problem.contains(problem) == true)
        #expect(error?.hint.contains(hint) == true)
    }

    @Test("The UTF-8 validator rejects ill-formed sequences at the right offset", arguments: [
        ([0xC0, 0x80], 0),                     // overlong NUL
        ([0x41, 0xC1, 0xBF], 1),               // overlong
        ([0xE0, 0x80, 0x80], 0),               // overlong three-byte
        ([0xED, 0xA0, 0x80], 0),               // surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),         // above U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], 0),
        ([0x41, 0x42, 0xE4, 0xB8], 2),         // truncated at the end
        ([0xE4, 0x41, 0xAD], 0),               // continuation missing
        ([0x80], 0),                           // lone continuation
    ] as [([UInt8], Int)])
    func utf8Rejects(input: [UInt8], offset: Int) {
        #expect(TextDecoding.firstInvalidUTF8(in: input) == offset)
    }

    @Test("The ASCII fast path finds a bad byte at any position in a word", arguments: 0..<20)
    func fastPathBoundaries(position: Int) {
        var input = [UInt8](repeating: 0x61, count: 20)
        input[position] = 0xFF
        #expect(TextDecoding.firstInvalidUTF8(in: input) == position)
        input[position] = 0x61
        #expect(TextDecoding.firstInvalidUTF8(in: input) == nil)
    }

    @Test("The UTF-8 validator accepts the edges of each sequence length", arguments: [
        [0x7F], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xEF, 0xBF, 0xBF],
        [0xEE, 0x80, 0x80], [0xED, 0x9F, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
    ] as [[UInt8]])
    func utf8Accepts(input: [UInt8]) {
        #expect(TextDecoding.firstInvalidUTF8(in: input) == nil)
    }

    /// Short pieces that are well-formed UTF-8 or not, each spliced anywhere into text.
    static let utf8Pieces: [[UInt8]] = [
        Array("订单,C0001,2026-01-02 10:30,会议\n".utf8), Array("a,b\n".utf8), Array("é€😀\n".utf8),
        [0x7F], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xED, 0x9F, 0xBF],
        [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
        [0x00], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xE4, 0xB8], [0xE4, 0x41, 0xAD],
        [0x80, 0x80, 0x80, 0x80], [0xF0, 0x90, 0x80],
    ]

    @Test("The vector check and the eight-way automaton agree with the validator and count line feeds, a piece spliced at any offset of any length")
    func automatonAgreesWithValidator() {
        let text = Array(String(repeating: "HD01,C0000001,2026-08-02 10:58,会议,跟进,S023,,,确认采购负责人已更换\n", count: 3).utf8)
        for piece in Self.utf8Pieces {
            for length in stride(from: 0, through: text.count, by: 7) {
                for position in 0...length {
                    var input = Array(text[..<length])
                    input.insert(contentsOf: piece, at: position)
                    let expected = !input.contains(0) && TextDecoding.firstInvalidUTF8(in: input) == nil
                    input.withUnsafeBufferPointer { buffer in
                        #expect(TextDecoding.isPlainUTF8Block(buffer) == expected, "\(piece) at \(position) of \(length)")
                        let feeds = input.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                        #expect(TextDecoding.plainUTF8LineFeeds(buffer) == (expected ? feeds : nil), "\(piece) at \(position) of \(length)")
                        #expect(TextDecoding.automatonLineFeeds(buffer) == (expected ? feeds : nil), "\(piece) at \(position) of \(length)")
                    }
                }
            }
        }
    }

    @Test("The vector check agrees with the validator on every two-byte pair and on sequences of three and four bytes, across its 16- and 32-byte lanes and at the end")
    func vectorCheckAgreesOnSequences() {
        #if arch(x86_64)
        // Else this test would compare the automaton with the validator a second time.
        #expect(portrait_utf8_line_feeds([0x41], 1) != -2, "this x86-64 processor has no AVX2: the vector check is untested here")
        #endif
        let probes: [UInt8] = [0x00, 0x0A, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]
        // (sequence, offsets): a pair needs only the byte before it, across the lanes' edges; a
        // longer sequence also at the offsets where its last bytes cross them (13, 14, 29, 30…).
        var cases: [([UInt8], [Int])] = []
        for first in 0...255 {
            for second in 0...255 { cases.append(([UInt8(first), UInt8(second)], [15, 16, 31, 32])) }
        }
        let edges = [13, 14, 15, 16, 29, 30, 31, 32, 61, 62, 63]
        for lead in [0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8] as [UInt8] {
            for second in probes {
                for third in probes {
                    cases.append(([lead, second, third], edges))
                    for fourth in probes where lead >= 0xF0 { cases.append(([lead, second, third, fourth], edges)) }
                }
            }
        }
        var checked = 0, expectedCount = 0, mismatches: [String] = []
        for (index, (sequence, edgeOffsets)) in cases.enumerated() {
            // Every offset for a sample of the sequences.
            let offsets = index % 97 == 0 ? Array(0..<70) : edgeOffsets
            expectedCount += offsets.count * 2
            for offset in offsets {
                // The sequence at the end of the input, and inside it.
                for length in [offset + sequence.count, 96] {
                    var input = [UInt8](repeating: 0x61, count: length)
                    input.replaceSubrange(offset..<offset + sequence.count, with: sequence)
                    let expected = !input.contains(0) && TextDecoding.firstInvalidUTF8(in: input) == nil
                    let feeds = input.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                    let actual = input.withUnsafeBufferPointer { TextDecoding.plainUTF8LineFeeds($0) }
                    checked += 1
                    if actual != (expected ? feeds : nil), mismatches.count < 5 { mismatches.append("\(sequence) at \(offset) of \(length)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(checked == expectedCount && checked > 1_000_000)
    }

    @Test("Checking a part block by block gives its lines, or nil for a bad byte in any block",
          arguments: [0, 1, 100_000, 262_143, 262_144, 262_150, 600_001])
    func plainUTF8LinesInBlocks(badAt: Int) {
        var input = Array(String(repeating: "客户,C1,2026-01-01,会议,跟进\n", count: 20_000).utf8)
        input.append(contentsOf: "last line without an end".utf8)
        let expectedLines = FileBytes.countLines(input)
        input.withUnsafeBufferPointer { #expect(TextDecoding.plainUTF8Lines(in: $0) == expectedLines) }
        guard badAt < input.count else { return }
        var broken = input
        broken[badAt] = 0xFF
        broken.withUnsafeBufferPointer { #expect(TextDecoding.plainUTF8Lines(in: $0) == nil, "0xFF at \(badAt)") }
        broken[badAt] = 0
        broken.withUnsafeBufferPointer { #expect(TextDecoding.plainUTF8Lines(in: $0) == nil, "NUL at \(badAt)") }
    }

    @Test("Line numbers count LF, CRLF and a lone CR as one line end each", arguments: [
        ("a\nb\nc", 4, 3),
        ("a\r\nb\r\nc", 6, 3),
        ("a\r\nb", 2, 1),       // on the LF of the first CRLF
        ("a\rb\rc", 4, 3),
        ("a\n\n\nb", 4, 4),
    ] as [(String, Int, Int)])
    func lineNumbers(text: String, offset: Int, line: Int) {
        #expect(TextDecoding.lineNumber(at: offset, in: bytes(text)) == line)
    }
}
