import Foundation
import Testing
@testable import LedgerIngest

/// What a reader produced for a whole input: the final headers and each record's line and values.
private struct ReadResult {
    var headers: [String]
    var delimiter: UInt8
    var headerLine: Int?
    var records: [RawRecord]
    var lines: [Int] { records.map(\.line) }
    var values: [[String]] { records.map(\.values) }
}

private func read(_ text: String, file: String = "t.csv") throws -> ReadResult {
    try read(Array(text.utf8), file: file)
}

private func read(_ bytes: [UInt8], file: String = "t.csv") throws -> ReadResult {
    var reader = try CSVReader(utf8: bytes, file: file)
    var records: [RawRecord] = []
    while let record = try reader.next() { records.append(record) }
    return ReadResult(headers: reader.headers, delimiter: reader.delimiter, headerLine: reader.headerLine, records: records)
}

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("Each delimiter is detected from the header line", arguments: [
        (",", UInt8(ascii: ",")), (";", UInt8(ascii: ";")), ("\t", UInt8(ascii: "\t")), ("|", UInt8(ascii: "|")),
    ] as [(String, UInt8)])
    func delimiters(separator: String, byte: UInt8) throws {
        let text = ["id", "name", "amount"].joined(separator: separator) + "\n"
            + ["1", "Acme", "1,5"].joined(separator: separator == "," ? ";" : separator) + "\n"
        let result = try read(text)
        #expect(result.delimiter == byte)
        #expect(result.headers == ["id", "name", "amount"])
        if separator != "," {
            #expect(result.values == [["1", "Acme", "1,5"]])
        }
    }

    @Test("Delimiter detection: most frequent wins, ties and none fall back or look at the data", arguments: [
        ("a;b;c,d\n1;2;3,4\n", ";"),            // semicolons outnumber the comma
        ("\"a,b,c\";d\n1;2\n", ";"),            // commas inside quotes do not count
        ("name\nAcme\n", ","),                   // one column: comma
        ("a,b;c\n1,2;3\n", ","),                 // tie, both agree: comma
        ("a;b,c\n1;2\n3;4\n", ";"),              // tie broken by the following records
        ("a|b\tc\n1|2\n", "|"),
    ] as [(String, Character)])
    func delimiterDetection(text: String, expected: Character) throws {
        #expect(try read(text).delimiter == expected.asciiValue)
    }

    @Test("Quoted fields keep delimiters, escaped quotes and line ends", arguments: [
        ("a,b\n\"x, y\",2\n", ["x, y", "2"]),
        ("a,b\n\"say \"\"hi\"\"\",2\n", ["say \"hi\"", "2"]),
        ("a,b\n\"\"\"\",\"\"\n", ["\"", ""]),
        ("a,b\n\"one\ntwo\",2\n", ["one\ntwo", "2"]),
        ("a,b\r\n\"one\r\ntwo\",2\r\n", ["one\r\ntwo", "2"]),
        ("a;b\n\"1;2\";\"x\"\"y\"\"z\"\n", ["1;2", "x\"y\"z"]),
        ("a,b\n\"ab\"c,2\n", ["abc", "2"]),              // text after the closing quote is kept
        ("a,b\n\"a\"\"b\"c\"d,2\n", ["a\"bc\"d", "2"]),
        ("a,b\n5\" screen,O\"Brien\n", ["5\" screen", "O\"Brien"]),  // quotes in unquoted fields
        ("a,b\n1, \"x, y\"\n", ["1", "x, y"]),           // spaces before an opening quote
        ("a,b\n 1 , 2 \n", [" 1 ", " 2 "]),              // other spaces are data
        ("a,b\n\"中文\",名称\n", ["中文", "名称"]),
    ] as [(String, [String])])
    func quotedFields(text: String, values: [String]) throws {
        #expect(try read(text).values == [values])
    }

    @Test("Line numbers are the physical line where each record starts", arguments: [
        ("a,b\n1,2\n3,4\n", [2, 3]),
        ("a,b\r\n1,2\r\n3,4\r\n", [2, 3]),
        ("a,b\r1,2\r3,4", [2, 3]),                                  // lone CR
        ("a,b\n\"x\ny\nz\",1\n2,3\n", [2, 5]),                       // newlines inside quotes
        ("a,b\r\n\"x\r\ny\",1\r\n2,3\r\n", [2, 4]),
        ("a,b\n\"x\ry\",1\n2,3\n", [2, 4]),                          // a lone CR inside quotes ends a line too
        ("a,b\n\n1,2\n   \n\t\n3,4\n\n", [3, 6]),                    // blank lines counted
        ("a,b\n1,2\r\n\r\n3,4", [2, 4]),
    ] as [(String, [Int])])
    func lineNumbers(text: String, lines: [Int]) throws {
        #expect(try read(text).lines == lines)
    }

    @Test("Leading blank lines are skipped and the header keeps its physical line")
    func leadingBlankLines() throws {
        let result = try read("\n  \r\n a , b \n1,2\n")
        #expect(result.headerLine == 3)
        #expect(result.headers == ["a", "b"])
        #expect(result.records.map(\.line) == [4])
    }

    @Test("Headers are trimmed of spaces and a stray byte order mark", arguments: [
        [0xEF, 0xBB, 0xBF] + Array("id,name\n1,x\n".utf8),
        Array("\u{FEFF}id , name\n1,x\n".utf8),
        Array("\"id\",\" name \"\n1,x\n".utf8),
    ])
    func headerTrimming(bytes: [UInt8]) throws {
        let result = try read(bytes)
        #expect(result.headers == ["id", "name"])
        #expect(result.values == [["1", "x"]])
        #expect(result.headerLine == 1)
    }

    @Test("A record with more fields than headers adds column_N headers and keeps every value")
    func moreFieldsThanHeaders() throws {
        var reader = try CSVReader(utf8: Array("a,b\n1,2,3,4\n5,6\n7,8,9\n".utf8), file: "t.csv")
        let first = try reader.next()
        #expect(first?.values == ["1", "2", "3", "4"])
        #expect(reader.headers == ["a", "b", "column_3", "column_4"])
        #expect(try reader.next()?.values == ["5", "6"])
        #expect(try reader.next()?.values == ["7", "8", "9"])
        #expect(reader.headers == ["a", "b", "column_3", "column_4"])
        #expect(try reader.next() == nil)
    }

    @Test("A record with fewer fields than headers has a shorter values array", arguments: [
        ("a,b,c\n1\n", ["1"]),
        ("a,b,c\n1,2\n", ["1", "2"]),
        ("a,b,c\n1,\n", ["1", ""]),
        ("a,b,c\n,,\n", ["", "", ""]),
    ] as [(String, [String])])
    func fewerFields(text: String, values: [String]) throws {
        let result = try read(text)
        #expect(result.values == [values])
        #expect(result.headers == ["a", "b", "c"])
    }

    @Test("An unterminated quoted field names the line where it started", arguments: [
        ("a,b\n1,2\n\"open,3\nmore\n", 3),
        ("a,b\n1,\"x\"\"\n", 2),
        ("\"a,b\n", 1),
        ("a,b\n\n\n1,\"", 4),
    ] as [(String, Int)])
    func unterminatedQuote(text: String, line: Int) throws {
        let error = #expect(throws: IngestError.self) { try read(text, file: "orders.csv") }
        #expect(error?.location.line == line)
        #expect(error?.problem == "unterminated quoted field starting at line \(line).")
        #expect(error?.description.hasPrefix("orders.csv:\(line): unterminated quoted field") == true)
        #expect(error?.hint.contains("check the delimiter") == true)
    }

    @Test("Empty input and blank lines only give no headers and no records", arguments: [
        "", "\n", "  \n\t\n\r\n", "   ", "\u{FEFF}",
    ])
    func emptyInput(text: String) throws {
        let result = try read(text)
        #expect(result.headers == [])
        #expect(result.records.isEmpty)
        #expect(result.headerLine == nil)
    }

    @Test("A header-only file has headers and no records", arguments: [
        "a,b", "a,b\n", "a,b\r\n\r\n", "a;b\n  \n",
    ])
    func headerOnly(text: String) throws {
        let result = try read(text)
        #expect(result.headers == ["a", "b"])
        #expect(result.records.isEmpty)
    }

    @Test("The last record is read without a final line end, and a trailing delimiter is an empty field")
    func lastRecord() throws {
        #expect(try read("a,b\n1,2").values == [["1", "2"]])
        #expect(try read("a,b\n1,").values == [["1", ""]])
        #expect(try read("a,b\n\"1\"").values == [["1"]])
    }

    @Test("next() keeps returning nil at the end")
    func endIsStable() throws {
        var reader = try CSVReader(utf8: Array("a\n1\n".utf8), file: "t.csv")
        #expect(try reader.next()?.values == ["1"])
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }

    @Test("Many generated rows keep their line numbers and values")
    func manyRows() throws {
        var text = "id;name;note\r\n"
        for index in 1...2_000 {
            text += index % 7 == 0
                ? "\(index);\"N\(index)\";\"multi\r\nline \"\"\(index)\"\"\"\r\n"
                : "\(index);N\(index);plain\r\n"
        }
        let result = try read(text)
        #expect(result.records.count == 2_000)
        var expectedLine = 2
        for (offset, record) in result.records.enumerated() {
            let index = offset + 1
            #expect(record.line == expectedLine)
            #expect(record.values[0] == "\(index)")
            if index % 7 == 0 {
                #expect(record.values[2] == "multi\r\nline \"\(index)\"")
                expectedLine += 2
            } else {
                expectedLine += 1
            }
        }
    }

    @Test("A GB18030 fixture decodes and reads into the same records as its UTF-8 original")
    func gb18030EndToEnd() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/encoding")
        let gb = [UInt8](try Data(contentsOf: folder.appendingPathComponent("customers-gb18030.csv")))
        let decoded = try TextDecoding.decode(gb, file: "customers.csv")
        let result = try read(decoded.utf8)
        #expect(result.headers == ["客户编号", "客户名称", "城市", "金额"])
        #expect(result.values == [
            ["C001", "北京华通科技有限公司", "北京", "1,234.50"],
            ["C002", "上海明达贸易有限公司", "上海市", "1.2万"],
            ["C003", "张伟", "广州", "￥980"],
            ["C004", "𠀀记商行", "深圳", "€12"],
        ])
        #expect(result.lines == [2, 3, 4, 5])
    }
}
