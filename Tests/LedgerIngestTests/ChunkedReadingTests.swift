import Foundation
@testable import LedgerIngest
import LedgerModel
import PortraitTestSupport
import Testing

/// A small ledger with everything that makes splitting a file hard: quoted fields over several
/// lines with `""` escapes, blank and space-only lines, duplicate ids near each other, order
/// line items, orphans, future dates, unknown columns and a missing final line end.
private func awkwardLedger(lineEnd: String = "\n") -> [String: String] {
    var reps = "rep_id,name,region,quota\n"
    reps += "S1,Alice,North,1000\nS2,\"Bob, Jr.\",South,\"2,000\"\nS2,Bob again,East,5\n,,,\n"
    reps += "S3,\"Carol\n\"\"CJ\"\"\nSmith\",West,abc\n"

    var customers = "customer_id,name,type,region,city,phone,email,owner_id,tags,created_at,updated_at,vip_note\n"
    for index in 1...24 {
        let id = index % 7 == 0 ? "C\(index - 1)" : "C\(index)"
        let note = index % 3 == 0 ? "\"line one\nline \"\"two\"\"\n\nline four\"" : "plain \(index)"
        let phone = index % 5 == 0 ? "12345" : "1380000\(String(format: "%04d", index % 9))"
        let owner = ["S1", "S2", "Bob, Jr.", "S9", ""][index % 5]
        let name = index % 4 == 0 ? "Acme Co., Ltd." : "Shop \(index % 6)"
        customers += "\(id),\"\(name)\",\(index % 2 == 0 ? "company" : "person"),North,Beijing,\(phone),"
        customers += "u\(index % 8)@example.com,\"\(owner)\",\"a;b,c\",2026-0\(index % 9 + 1)-01,2027-01-01,\(note)\n"
        if index % 6 == 0 { customers += "\n   \n\t\n" }
    }
    customers += ",Nameless,company\nC99,  ,company\n"

    var orders = "order_id,customer_id,order_date,amount,product,category,status,owner_id\n"
    for index in 1...40 {
        let order = "O\(index / 2)"
        let customer = index == 17 ? "C3" : "C\(index % 24 + 1)"
        let date = index % 11 == 0 ? "2027-05-01" : "2026-\(String(format: "%02d", index % 12 + 1))-0\(index % 9 + 1)"
        let amount = index % 13 == 0 ? "bad" : "\(index * 10).5"
        let status = ["completed", "已完成", "refunded", "weird", ""][index % 5]
        orders += "\(order),\(customer),\(date),\(amount),\"Widget\n\(index % 3)\",Cat \(index % 4),\(status),S\(index % 4)\n"
    }
    orders += "O99,C1,2026-01-01,9223372036854.775807,X,Y,completed,S1\nO99,C1,2026-01-02,9223372036854.775807,X,Y,completed,S1"

    var interactions = "customer_id,date,channel,kind,owner_id,satisfaction,resolved_at,summary\n"
    for index in 1...50 {
        let summary = index % 4 == 0 ? "\"说\"\"好\"\"\n再议\"" : (index % 5 == 0 ? "\"\"" : "Note \(index)")
        let satisfaction = ["5", "4.0", "7", "x", ""][index % 5]
        let channel = ["phone", "E-mail", "微信", "fax", ""][index % 5]
        interactions += "C\(index % 30),2026-\(String(format: "%02d", index % 12 + 1))-10 09:30,\(channel),跟进,S\(index % 5),"
        interactions += "\(satisfaction),2026-12-01,\(summary)\n"
        if index % 9 == 0 { interactions += "\n" }
    }

    var opportunities = "opportunity_id,customer_id,stage,amount,created_at,closed_at,owner_id\n"
    for index in 1...20 {
        let id = index % 6 == 0 ? "P\(index - 1)" : "P\(index)"
        opportunities += "\(id),C\(index % 26),\(["won", "lost", "proposal", "闲聊", ""][index % 5]),\(index * 100),"
        opportunities += "2026-0\(index % 9 + 1)-01,\(index % 3 == 0 ? "2027-01-01" : "2026-10-01"),S\(index % 3)\n"
    }

    let files = ["reps.csv": reps, "customers.csv": customers, "orders.csv": orders,
                 "interactions.csv": interactions, "opportunities.csv": opportunities]
    guard lineEnd != "\n" else { return files }
    return files.mapValues { $0.replacingOccurrences(of: "\n", with: lineEnd) }
}

/// A folder holding `files`, each written as UTF-8 or as given bytes.
private func folder(_ files: [String: String], encode: (String) -> [UInt8] = { Array($0.utf8) }) -> TemporaryFolder {
    let folder = TemporaryFolder("chunks")
    for (name, text) in files { folder.write(name, bytes: encode(text)) }
    return folder
}

/// The ledger's fingerprint, or the error's description.
func read(_ folder: TemporaryFolder, workers: Int, chunkBytes: Int? = nil,
                  split: (@Sendable (UnsafeBufferPointer<UInt8>, Int) -> [Int])? = nil,
                  growthsReadInChunks: Int? = nil) -> [String] {
    var settings = IngestSettings(dataDirectory: folder.path, today: Day(iso: "2026-11-01")!, workers: workers,
                                  chunkBytes: chunkBytes)
    settings.chunkBounds = split
    if let growthsReadInChunks { settings.growthsReadInChunks = growthsReadInChunks }
    do {
        return fingerprint(try LedgerReader.read(settings))
    } catch {
        return ["error \(error)"]
    }
}

/// One pass per file: a single chunk each, on one thread, one record at a time from a record
/// with more fields than the header.
func onePass(_ folder: TemporaryFolder) -> [String] {
    read(folder, workers: 1, split: { buffer, start in [start, buffer.count] }, growthsReadInChunks: 0)
}

/// The first line where two fingerprints differ, for a readable failure.
func firstDifference(_ a: [String], _ b: [String]) -> String? {
    for (x, y) in zip(a, b) where x != y { return "\(x)\n  vs\n\(y)" }
    return a.count == b.count ? nil : "\(a.count) lines vs \(b.count)"
}

/// Customers whose headers grow three times, with shorter records between and after.
private func growingCustomers() -> String {
    var text = "customer_id,name\nC1,A\nC2,B,x\nC3,C\n\nC4,D,y,z\nC5,E\nC6,F,1,2\n"
    for index in 7...30 {
        text += "C\(index),N\(index)" + (index % 5 == 0 ? ",extra\(index)" : "") + "\n"
    }
    return text + "C31,G,a,b,c\nC32,H\n"
}

/// Interactions whose headers grow on every record, more often than the rest of a file is read
/// in chunks (`IngestSettings.growthsReadInChunks`).
private func growingInteractions() -> String {
    var text = "customer_id,date\n"
    for index in 1...14 {
        text += "C\(index),2026-01-\(String(format: "%02d", index))" + String(repeating: ",v", count: index) + "\n"
    }
    return text + "C1,2026-02-01\n"
}

/// Orders with a stray quote, as in a real ledger: the quote before 交换机 opens a field that the
/// quote before ¥ four lines on closes, and that record has more fields than the header.
private func strayQuoteOrders() -> String {
    var text = "order_id,customer_id,order_date,amount,product,category,quantity,status,owner_id\n"
    text += "SO1,C1,2026-07-01,94406.00,\"交换机 S5720,硬件设备,3,已完成,S1\n"
    for index in 2...4 {
        text += "SO\(index),C\(index),2026-07-0\(index),\(index)00.00,服务器,硬件设备,2,已完成,S2\n"
    }
    text += "SO5,C1,2026-09-10,\"¥4,235.77\",硒鼓,耗材,1,已完成,S1\n"
    for index in 6...40 {
        let amount = index % 3 == 0 ? "\"¥1,\(index)00.00\"" : "\(index).50"
        text += "SO\(index),C\(index % 20 + 1),2026-08-\(String(format: "%02d", index % 28 + 1)),\(amount),"
        text += "P\(index % 4),C\(index % 3),1,已完成,S\(index % 3)\n"
    }
    return text
}

struct ChunkingCase: CustomTestStringConvertible, Sendable {
    let name: String
    let files: [String: String]
    var gb18030 = false
    var testDescription: String { name }
}

private let cases: [ChunkingCase] = [
    ChunkingCase(name: "LF", files: awkwardLedger()),
    ChunkingCase(name: "CRLF", files: awkwardLedger(lineEnd: "\r\n")),
    ChunkingCase(name: "lone CR", files: awkwardLedger(lineEnd: "\r")),
    ChunkingCase(name: "BOM", files: awkwardLedger().mapValues { "\u{FEFF}" + $0 }),
    ChunkingCase(name: "GB18030", files: awkwardLedger().mapValues { $0.replacingOccurrences(of: "Shop", with: "商店") }, gb18030: true),
    ChunkingCase(name: "more fields than headers", files: awkwardLedger().merging([
        "interactions.csv": "customer_id,date\nC1,2026-01-01\nC2,2026-01-02,extra,\"x\ny\"\nC1,2026-01-03\n",
        "customers.csv": "customer_id,name\nC1,A\nC2,B\nC3,C,surplus\nC2,again\n",
    ]) { $1 }),
    ChunkingCase(name: "headers that grow again and again", files: awkwardLedger().merging([
        "customers.csv": growingCustomers(), "interactions.csv": growingInteractions(),
    ]) { $1 }),
    ChunkingCase(name: "a stray quote that closes lines later", files: awkwardLedger().merging([
        "orders.csv": strayQuoteOrders(),
    ]) { $1 }),
    ChunkingCase(name: "unterminated quote", files: awkwardLedger().merging([
        "orders.csv": "order_id,customer_id,order_date,amount\nO1,C1,2026-01-01,5\nO2,C1,\"2026-01-02,6\nO3,C1,2026-01-03,7\n",
    ]) { $1 }),
    ChunkingCase(name: "rows of delimiters", files: awkwardLedger().mapValues { text in
        ",,,\n" + text.replacingOccurrences(of: "\n\n", with: "\n,,\n \t, ,\n\"\",\"\"\n") + "\n,,,,,,,,,,,,,,,,,,,,\n,\n,,,\n"
    }),
    ChunkingCase(name: "tiny and empty files", files: [
        "customers.csv": "customer_id,name\nC1,A", "orders.csv": "", "reps.csv": "rep_id\n",
        "interactions.csv": "\n\n  \n", "opportunities.csv": "opportunity_id,customer_id,stage\n\n\nP1,C1,won\n  ",
    ]),
    ChunkingCase(name: "huge field", files: awkwardLedger().merging([
        "interactions.csv": "customer_id,date,summary\nC1,2026-01-01,\""
            + String(repeating: "很长的备注, \"\"引用\"\"\n", count: 3_000) + "\"\nC2,2026-01-02,short\n",
    ]) { $1 }),
]

@Suite("Reading a table in chunks on several threads")
struct ChunkedReadingTests {
    @Test("any chunk size on any number of threads gives the ledger of one pass", arguments: cases)
    func chunkSizes(_ example: ChunkingCase) {
        let folder = folder(example.files, encode: example.gb18030 ? gb18030 : { Array($0.utf8) })
        let expected = onePass(folder)
        #expect(expected.count > 5 || expected.first?.hasPrefix("error") == true)
        for workers in [1, 2, 3] {
            for size in [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 1_000, 4_096] {
                let actual = read(folder, workers: workers, chunkBytes: size)
                if let difference = firstDifference(expected, actual) {
                    Issue.record("\(workers) threads, \(size)-byte chunks: \(difference)")
                    return
                }
            }
        }
    }

    @Test("a chunk may start at any byte, inside a quoted field or a character", arguments: cases)
    func anyStart(_ example: ChunkingCase) {
        let folder = folder(example.files, encode: example.gb18030 ? gb18030 : { Array($0.utf8) })
        let expected = onePass(folder)
        // Chunks of `period` bytes in every phase: each offset of each file starts a chunk once.
        let period = 61
        for phase in 0..<period {
            let actual = read(folder, workers: 2, split: { buffer, start in
                [start] + Array(stride(from: start + phase + 1, to: buffer.count, by: period)) + [buffer.count]
            })
            if let difference = firstDifference(expected, actual) {
                Issue.record("chunks of \(period) bytes from \(phase + 1) bytes after the header: \(difference)")
                return
            }
        }
    }

    @Test("every byte its own chunk", arguments: cases.filter { $0.name != "huge field" })
    func everyByte(_ example: ChunkingCase) {
        let folder = folder(example.files, encode: example.gb18030 ? gb18030 : { Array($0.utf8) })
        let expected = onePass(folder)
        let actual = read(folder, workers: 3, split: { buffer, start in Array(start...buffer.count) })
        #expect(firstDifference(expected, actual) == nil)
    }

    @Test("the fixture ledgers and fuzzing seeds read the same in chunks as in one pass")
    func fixtures() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").path
        let seeds = fixtures + "/fuzz/ledger/seeds"
        var examples: [(name: String, settings: IngestSettings)] = [
            ("every-rule", IngestSettings(dataDirectory: fixtures + "/ledgers/every-rule", today: Day(iso: "2026-11-01")!)),
        ]
        var folders: [TemporaryFolder] = []
        for seed in try FileManager.default.contentsOfDirectory(atPath: seeds).sorted() {
            // Latin-1 keeps every byte (GB18030 seeds are not UTF-8).
            let text = try String(contentsOfFile: seeds + "/" + seed, encoding: .isoLatin1)
            let folder = TemporaryFolder("chunks-seed")
            folders.append(folder)
            var settings = IngestSettings(dataDirectory: folder.path, today: Day(iso: "2026-11-01")!)
            var name = "customers.csv"
            var sections: [String: [UInt8]] = [:]
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let words = line.split(separator: " ").map(String.init)
                if words.count == 2, words[0] == "---", words[1].hasSuffix(".csv") || words[1].hasSuffix(".xml") {
                    name = words[1]
                } else if words.count == 3, words[0] == "---", words[1] == "dates" {
                    settings.dateOrder = DateOrder(rawValue: words[2]) ?? .ymd
                } else if words.count >= 4, words[0] == "---", words[1] == "derive" {
                    let target = words[2].split(separator: ".").map(String.init)
                    settings.tables[TableName(rawValue: target[0])!, default: TableSettings()].derive[target[1]]
                        = words[3...].joined(separator: " ")
                } else {
                    sections[name, default: []] += line.unicodeScalars.map { UInt8($0.value) } + [0x0A]
                }
            }
            for (file, bytes) in sections { folder.write(file, bytes: bytes) }
            examples.append((seed, settings))
        }
        for (name, settings) in examples {
            func read(_ workers: Int, growthsReadInChunks: Int? = nil,
                      _ split: @escaping @Sendable (UnsafeBufferPointer<UInt8>, Int) -> [Int]) -> [String] {
                var settings = settings
                settings.workers = workers
                settings.chunkBounds = split
                if let growthsReadInChunks { settings.growthsReadInChunks = growthsReadInChunks }
                do { return fingerprint(try LedgerReader.read(settings)) } catch { return ["error \(error)"] }
            }
            let expected = read(1, growthsReadInChunks: 0) { buffer, start in [start, buffer.count] }
            #expect(expected.count > 3 || expected.first?.hasPrefix("error") == true, "\(name)")
            for step in [1, 5, 17, 64] {
                let actual = read(2) { buffer, start in Array(stride(from: start, to: buffer.count, by: step)) + [buffer.count] }
                #expect(firstDifference(expected, actual) == nil, "\(name), a chunk every \(step) bytes")
            }
        }
    }
}

@Suite("Decoding GB18030 in parts")
struct GB18030PartsTests {
    /// A ledger whose customers file is GB18030 with `tail` after its rows.
    private func folder(tail: [UInt8]) -> TemporaryFolder {
        let folder = TemporaryFolder("gb-parts")
        var customers = "客户编号,客户名称,城市\n"
        for index in 1...200 { customers += "C\(index),杭州云帆科技有限公司\(index),\(index % 2 == 0 ? "杭州" : "北京")\n" }
        folder.write("customers.csv", bytes: gb18030(customers) + tail)
        return folder
    }

    @Test("a GB18030 file reads the same split into any number of parts", arguments: [
        [UInt8](), Array("C999,\u{FF}\u{FE}\n".utf8), [0x43, 0x39, 0x2C, 0x81, 0x0A], [0x43, 0x39, 0x2C, 0x81],
        // A four-byte character whose third byte is a line feed (found by the ledger fuzzer).
        [0x43, 0x39, 0x2C, 0xBD, 0x30, 0x0A, 0xB6, 0xEE, 0x0A],
    ])
    func parts(tail: [UInt8]) {
        let folder = folder(tail: tail)
        let expected = read(folder, workers: 1, split: { buffer, start in [start, buffer.count] })
        #expect(!expected.isEmpty)
        for size in [1, 7, 64, 333, 4_096] {
            #expect(firstDifference(expected, read(folder, workers: 3, chunkBytes: size)) == nil, "\(size)-byte parts")
        }
    }

    /// The review's case: characters that become four UTF-8 bytes filled the old worst case,
    /// and the rows after them were lost.
    @Test("a name of characters that double in UTF-8 reads whole, with every row after it")
    func doublingCharacters() throws {
        let folder = TemporaryFolder("gb-doubling")
        var bytes = Array("customer_id,name,phone\nC1,".utf8) + Array([[UInt8]](repeating: [0xFE, 0x51], count: 200).joined())
        bytes += Array(",13800000001\n".utf8)
        for index in 2..<12 { bytes += Array("C\(index),Bob\(index),138000000\(String(format: "%02d", index))\n".utf8) }
        folder.write("customers.csv", bytes: bytes)
        let ledger = try LedgerReader.read(IngestSettings(dataDirectory: folder.path, today: Day(iso: "2026-11-01")!))
        #expect(ledger.customers.count == 11)
        #expect(ledger.customers.first?.name == String(repeating: "\u{20087}", count: 200))
    }

    @Test("a NUL byte in a GB18030 file is reported at its line, before a byte that is not GB18030")
    func nulByte() {
        let folder = folder(tail: [0x43, 0x39, 0x2C, 0xFF, 0x0A, 0x43, 0x39, 0x2C, 0x00, 0x0A])
        let expected = TextDecoding.nulError(at: 0, in: UnsafeBufferPointer(start: nil, count: 0), file: "customers.csv")
        for size in [nil, 7, 4_096] {
            #expect(read(folder, workers: 2, chunkBytes: size) == ["error customers.csv:203: \(expected.problem) \(expected.hint)"])
        }
    }
}

@Suite("derive: columns computed as chunks are parsed")
struct DeriveInChunksTests {
    /// Orders whose amount is derived, and the same orders with each amount written out as
    /// `derive` makes it: unparsable and cut-off rows (padded to the header's width), line items
    /// whose total overflows (a finding made at commit, which reads the cell again), quoted
    /// line breaks, and a row with more fields than the header.
    private func orders(written: Bool) -> String {
        var text = "order_id,customer_id,order_date,product,quantity,unit_price,note" + (written ? ",amount" : "") + "\n"
        for index in 0..<40 {
            let rows: [(String, String)] = [
                ("O\(index)a,C1,2026-01-02,\"Widget\nX\",3,2.5", "7.500000"),
                ("O\(index)b,C2,2026-01-03,Y,x,2", ""),
                ("O\(index)c,C1,2026-01-04,Z", ""),
                ("O\(index)e,C2,2026-01-07,V,2,4", "8.000000"),
                ("O\(index)d,C1,2026-01-05,W,1,9223372036854.775807", "9223372036854.775807"),
                ("O\(index)d,C1,2026-01-05,W,1,9223372036854.775807", "9223372036854.775807"),
            ]
            for (row, amount) in rows {
                let fields = row.components(separatedBy: ",").count
                text += written ? row + String(repeating: ",", count: 7 - fields) + "," + amount + "\n" : row + "\n"
            }
        }
        return text + (written ? "O99,C2,2026-01-06,V,2,3,n,6.000000,surplus\n" : "O99,C2,2026-01-06,V,2,3,n,surplus\n")
    }

    @Test("a derived column reads as the same column written into the file, in chunks of any size")
    func derivedAsWritten() {
        let customers = "customer_id,name\nC1,A\nC2,B\n"
        let written = folder(["customers.csv": customers, "orders.csv": orders(written: true)])
        let expected = onePass(written)
        #expect(expected.count > 200)
        #expect(expected.contains { $0.contains("9223372036854.775807") }, "the overflow finding quotes the amount")
        let derived = folder(["customers.csv": customers, "orders.csv": orders(written: false)])
        for size in [nil, 1, 13, 100, 4_096] {
            var settings = IngestSettings(dataDirectory: derived.path, today: Day(iso: "2026-11-01")!, workers: 2, chunkBytes: size)
            settings.tables[.orders] = TableSettings(derive: ["amount": "quantity * unit_price"])
            let actual: [String]
            do { actual = fingerprint(try LedgerReader.read(settings)) } catch { actual = ["error \(error)"] }
            #expect(firstDifference(expected, actual) == nil, "\(size.map(String.init) ?? "default")-byte chunks")
        }
    }
}

@Suite("A UTF-8 file with a byte order mark, read in place")
struct ByteOrderMarkTests {
    @Test("one or two byte order marks read as the file without them; one before bytes that are not UTF-8 is an error")
    func byteOrderMarks() {
        // Blank lines first, so that a mark left in place would be read as the header.
        let plain = onePass(folder(awkwardLedger().mapValues { "\n \n" + $0 }))
        #expect(plain.count > 5)
        for marks in ["\u{FEFF}", "\u{FEFF}\u{FEFF}"] {
            let marked = folder(awkwardLedger().mapValues { marks + "\n \n" + $0 })
            #expect(firstDifference(plain, read(marked, workers: 2, chunkBytes: 64)) == nil, "\(marks.unicodeScalars.count) marks")
        }
        let damaged = folder(["customers.csv": "customer_id,name\nC1,A\n"], encode: { [0xEF, 0xBB, 0xBF] + Array($0.utf8) + [0xD6, 0xD0, 0x0A] })
        #expect(read(damaged, workers: 2).first?.hasPrefix("error customers.csv:3: the file starts with a UTF-8 byte order mark") == true)
    }
}

@Suite("A GB18030 file's text handed back as it is committed")
struct GB18030DiscardTests {
    /// Interactions larger than several of `FileMapping`'s 8 MB steps, whose summaries run over
    /// many lines and pages, so that chunk bounds fall inside them and chunks are read again
    /// from where the one before stopped, after the text before it was handed back.
    @Test("a GB18030 file of 30 MB reads the same in chunks as in one pass")
    func largeFile() {
        let folder = TemporaryFolder("gb-discard")
        folder.write("customers.csv", "客户编号,客户名称\nC1,甲\nC2,乙\n")
        var interactions = "客户编号,日期,渠道,摘要\n"
        let paragraph = String(repeating: "跟进客户，确认报价与交付时间 follow-up \"quoted\"; ", count: 40)
        for index in 0..<60_000 {
            let summary = index % 97 == 0
                ? "\"" + (0..<12).map { "\(paragraph.replacingOccurrences(of: "\"", with: "\"\""))第\($0)行" }.joined(separator: "\n") + "\""
                : "电话回访 \(index)"
            interactions += "C\(index % 3 + 1),2026-0\(index % 9 + 1)-1\(index % 10),电话,\(summary)\n"
        }
        folder.write("interactions.csv", bytes: gb18030(interactions))
        let expected = read(folder, workers: 1, split: { buffer, start in [start, buffer.count] })
        #expect(expected.count > 60_000)
        for size in [1 << 20, 3_000_001] {
            #expect(firstDifference(expected, read(folder, workers: 2, chunkBytes: size)) == nil, "\(size)-byte chunks")
        }
    }
}

@Suite("Ids looked up by bytes")
struct StringKeyTableTests {
    /// Keys with canonically equivalent spellings: K and the Kelvin sign, é composed and not.
    static let keys = ["C1", "K7", "\u{212A}7", "caf\u{E9}", "cafe\u{301}", "客户1", "C1 ", "", "c1", "Å", "A\u{30A}", "\u{212B}"]

    @Test("a table answers as a [String: Int32] does, whatever was added first",
          arguments: [0, 1, 2, 3], [false, true])
    func matchesDictionary(rotation: Int, ascendingRun: Bool) {
        let order = Array(Self.keys[rotation...] + Self.keys[..<rotation])
        let table = StringKeyTable(ascendingRun: ascendingRun)
        var dictionary: [String: Int32] = [:]
        for (position, key) in order.enumerated() {
            #expect(table.lookup(key) == dictionary[key], "before adding \(key.debugDescription)")
            if dictionary[key] == nil {
                dictionary[key] = Int32(position)
                table.insert(key, Int32(position))
            }
        }
        for key in Self.keys + ["K", "\u{212A}", "C2", "CAFÉ"] {
            #expect(table.lookup(key) == dictionary[key], "\(key.debugDescription)")
        }
    }

    @Test("an ASCII-only table finds a non-ASCII spelling of an ASCII key", arguments: [false, true])
    func kelvinSign(ascendingRun: Bool) {
        let table = StringKeyTable(ascendingRun: ascendingRun)
        table.insert("K7", 1)
        #expect(table.lookup("\u{212A}7") == 1)
        #expect(table.lookup("k7") == nil)
    }

    @Test("keys mostly ascending, some out of order, are found in the run and in the hash table alike",
          arguments: [0, 1, 5, 64])
    func ascendingRunWithStragglers(every: Int) {
        let table = StringKeyTable(capacity: every == 64 ? 10 : 0, ascendingRun: true)
        var dictionary: [String: Int32] = [:]
        // SO0000 ... SO1999, with every `every`-th key moved to the end (out of order there).
        var keys = (0..<2_000).map { "SO" + String(String($0 + 10_000).dropFirst()) }
        if every > 0 {
            let moved = keys.indices.filter { $0 % every == every - 1 }.map { keys[$0] }
            keys = keys.enumerated().filter { $0.offset % every != every - 1 }.map(\.element) + moved.reversed()
        }
        keys += ["SO0001", "", "SO00011", "SO000", "SO2000"]
        for (position, key) in keys.enumerated() {
            #expect(table.lookup(key) == dictionary[key], "before adding \(key)")
            if dictionary[key] == nil {
                dictionary[key] = Int32(position)
                table.insert(key, Int32(position))
            }
        }
        #expect(table.count == dictionary.count)
        for key in keys + ["SO", "SO00010", "SO0000 ", "SO1999\u{0}", "SO9999", "A", "SP"] {
            #expect(table.lookup(key) == dictionary[key], "\(key.debugDescription)")
        }
        // A non-ASCII key makes misses go through the strings, which must hold the run's keys too.
        table.insert("SO\u{212A}", 9_999)
        dictionary["SO\u{212A}"] = 9_999
        for key in ["SO0500", "SO1999", "SO\u{212A}", "SOK", "SOk", "SO0500\u{301}"] {
            #expect(table.lookup(key) == dictionary[key], "\(key.debugDescription)")
        }
        #expect(table.lookup("SOK") == 9_999, "K equals the Kelvin sign as a string")
    }
}

@Suite("Duplicate keys by bytes or by strings")
struct DuplicateKeyTests {
    @Test("keys that are equal strings but not equal bytes still pair, as with string keys")
    func canonicalEquivalents() throws {
        let folder = TemporaryFolder("duplicates")
        folder.write("customers.csv", """
        customer_id,name,type,email,phone
        C1,école,company,Ann@X.com,13800138000
        C2,e\u{301}cole,company,ann@x.com,138-0013-8000
        C3,Kim,individual,\u{212A}im@x.com,
        C4,Other,company,kim@x.com,+8613800138000
        """)
        let ledger = try LedgerReader.read(IngestSettings(dataDirectory: folder.path, today: Day(iso: "2026-11-01")!))
        let pairs = ledger.findings.filter { $0.rule == .probableDuplicate }.map { "\($0.line) \($0.column)" }
        #expect(pairs == ["3 phone", "5 phone", "3 email", "5 email", "3 name"])
        #expect(ledger.duplicateGroups == [[0, 1, 2, 3]])
    }
}

@Suite("Tables reserved file by file")
struct GrowthTests {
    @Test("reserving for 48 files of rows in turn grows an array a handful of times, not once per file")
    func fewGrowths() {
        var rows: [Int] = []
        var growths = 0
        for _ in 0..<48 {
            let before = rows.capacity
            rows.reserveCapacity(growingTo: rows.count + 10_000)
            if rows.capacity != before { growths += 1 }
            rows.append(contentsOf: repeatElement(0, count: 10_000))
        }
        #expect(growths <= 7, "\(growths) growths")
        var single: [Int] = []
        single.reserveCapacity(growingTo: 480_000)
        #expect(single.capacity < 2 * 480_000, "one file is reserved about exactly")
    }
}
