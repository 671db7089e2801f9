import Foundation
import LedgerModel
@testable import PortraitKit
import Testing

@Suite("Sample ledger generator")
struct LedgerSamplerTests {
    @Test("the same seed writes byte-identical files")
    func sameSeedSameBytes() throws {
        let options = SampleOptions(customers: 300, seed: 9, dirt: 0.05)
        try withSamples(options, options) { first, second in
            for table in TableName.allCases {
                let a = try bytes(first, table), b = try bytes(second, table)
                #expect(a == b, "\(table) differs")
            }
        }
    }

    @Test("a different seed writes different files")
    func differentSeedDifferentBytes() throws {
        try withSamples(SampleOptions(customers: 300, seed: 1), SampleOptions(customers: 300, seed: 2)) { first, second in
            for table in [TableName.customers, .orders] {
                let a = try bytes(first, table), b = try bytes(second, table)
                #expect(a != b, "\(table)")
            }
        }
    }

    @Test("the manifest counts the records the files hold, quoted newlines included")
    func rowCountsMatchFiles() throws {
        for format in SampleFormat.allCases {
            let options = SampleOptions(customers: 400, seed: 5, dirt: 0.03, format: format)
            try withSample(options) { folder, manifest in
                for table in TableName.allCases {
                    let count = format == .csv
                        ? try csvRecords(folder, table).count
                        : try xmlRecordCount(folder, table)
                    #expect(manifest.rows[table] == count, "\(table) \(format)")
                }
            }
        }
    }

    @Test("quoted summaries with commas, quotes and newlines are written")
    func summariesNeedQuoting() throws {
        try withSample(SampleOptions(customers: 600, seed: 3)) { folder, _ in
            let records = try csvRecords(folder, .interactions)
            let summaries = records.map { $0.fields.last ?? "" }
            #expect(summaries.contains { $0.contains("\n") })
            #expect(summaries.contains { $0.contains("\"") })
            #expect(summaries.contains { $0.contains(",") })
            #expect(records.allSatisfy { $0.fields.count == 9 })
        }
    }

    @Test("about 30% of customers have no order")
    func aboutAThirdWithoutOrders() throws {
        try withSample(SampleOptions(customers: 2000, seed: 11, locale: .en)) { folder, _ in
            let buyers = Set(try csvRecords(folder, .orders).map { $0.fields[1] })
            let customers = try csvRecords(folder, .customers).count
            let share = 1 - Double(buyers.count) / Double(customers)
            #expect(share >= 0.25 && share <= 0.35, "share without orders: \(share)")
        }
    }

    @Test("a clean ledger expects no finding and has its last activity on the end date")
    func cleanLedgerHasNoFindings() throws {
        let options = SampleOptions(customers: 1000, seed: 21, locale: .en)
        try withSample(options) { folder, manifest in
            #expect(manifest.expected.isEmpty)
            let end = options.end.description
            let orderDates = try csvRecords(folder, .orders).map { String($0.fields[2].prefix(10)) }
            let contactDates = try csvRecords(folder, .interactions).map { String($0.fields[2].prefix(10)) }
            let latest = (orderDates + contactDates).max()
            #expect(latest == end)
        }
    }

    @Test("a dirty ledger expects every rule, each at a record's first line")
    func dirtyLedgerCoversEveryRule() throws {
        try withSample(SampleOptions(customers: 1500, seed: 4, dirt: 0.05)) { folder, manifest in
            let rules = Set(manifest.expected.map(\.rule))
            for rule in Rule.allCases { #expect(rules.contains(rule), "no \(rule.rawValue)") }
            for table in TableName.allCases {
                let starts = Set(try csvRecords(folder, table).map(\.line))
                for finding in manifest.expected where finding.table == table {
                    #expect(starts.contains(finding.line), "\(finding)")
                    #expect(SampleVocabulary.canonical(table).contains(finding.column), "\(finding)")
                }
            }
            #expect(manifest.expected == manifest.expected.sorted())
        }
    }

    @Test("zh-CN headers are Chinese and en headers are the canonical names")
    func headersFollowTheLocale() throws {
        try withSamples(SampleOptions(customers: 50), SampleOptions(customers: 50, locale: .en)) { zh, en in
            for table in TableName.allCases {
                let zhHeader = try header(zh, table)
                #expect(zhHeader.allSatisfy { $0.unicodeScalars.allSatisfy { $0.value >= 0x4E00 && $0.value <= 0x9FFF } },
                        "\(zhHeader)")
                let enHeader = try header(en, table)
                #expect(enHeader == SampleVocabulary.canonical(table))
            }
        }
    }

    @Test("GB18030 output is not UTF-8 and decodes to the UTF-8 output")
    func gb18030RoundTrips() throws {
        let utf8 = SampleOptions(customers: 300, seed: 8, dirt: 0.02)
        var gbk = utf8
        gbk.encoding = .gb18030
        try withSamples(utf8, gbk) { plain, encoded in
            let back = try IconvTranscoder(from: "GB18030", to: "UTF-8")
            for table in TableName.allCases {
                let raw = try bytes(encoded, table)
                #expect(String(validating: raw, as: UTF8.self) == nil, "\(table) is valid UTF-8")
                let decoded = try back.convert(raw), original = try bytes(plain, table)
                #expect(decoded == original, "\(table)")
            }
        }
    }

    @Test("the committed data/ is what seed 42 writes, and shows every rule")
    func committedDataIsReproducible() throws {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data").path
        try withSample(LedgerSamplerTests.committedData) { folder, manifest in
            for table in TableName.allCases {
                let fresh = try bytes(folder, table), committed = try bytes(data, table)
                #expect(fresh == committed, "data/\(table.rawValue).csv is stale: regenerate it")
            }
            #expect(Set(manifest.expected.map(\.rule)) == Set(Rule.allCases))
        }
    }

    /// The options `data/` was written with (`portrait sample --customers 2000 --seed 42 --dirt 0.015`).
    static let committedData = SampleOptions(customers: 2000, seed: 42, locale: .zhCN, dirt: 0.015)

    @Test("impossible options are refused")
    func badOptionsThrow() {
        #expect(throws: SampleError.self) { try LedgerSampler.write(SampleOptions(customers: 0), to: "/tmp") }
        #expect(throws: SampleError.self) {
            try LedgerSampler.write(SampleOptions(customers: 5, format: .xml, encoding: .gb18030), to: "/tmp")
        }
        #expect(throws: SampleError.self) { try LedgerSampler.write(SampleOptions(customers: 5, dirt: 2), to: "/tmp") }
    }
}

// MARK: - Helpers

private func withSample(_ options: SampleOptions, _ body: (String, SampleManifest) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("portrait-sample-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let manifest = try LedgerSampler.write(options, to: folder)
    try body(folder, manifest)
}

private func withSamples(_ a: SampleOptions, _ b: SampleOptions, _ body: (String, String) throws -> Void) throws {
    try withSample(a) { first, _ in
        try withSample(b) { second, _ in try body(first, second) }
    }
}

private func path(_ folder: String, _ table: TableName, _ ext: String = "csv") -> String {
    folder + "/" + table.rawValue + "." + ext
}

private func bytes(_ folder: String, _ table: TableName) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(folder, table))))
}

private func header(_ folder: String, _ table: TableName) throws -> [String] {
    let text = String(decoding: try bytes(folder, table), as: UTF8.self)
    return text.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
}

/// RFC 4180 records after the header, each with the physical line it starts on.
private func csvRecords(_ folder: String, _ table: TableName) throws -> [(line: Int, fields: [String])] {
    let text = Array(String(decoding: try bytes(folder, table), as: UTF8.self).unicodeScalars)
    var records: [(line: Int, fields: [String])] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var line = 1
    var start = 1
    var index = 0
    while index < text.count {
        let c = text[index]
        if quoted {
            if c == "\"" {
                if index + 1 < text.count && text[index + 1] == "\"" { field.unicodeScalars.append(c); index += 1 } else { quoted = false }
            } else {
                if c == "\n" { line += 1 }
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            fields.append(field)
            field = ""
        } else if c == "\n" {
            fields.append(field)
            records.append((start, fields))
            fields = []
            field = ""
            line += 1
            start = line
        } else {
            field.unicodeScalars.append(c)
        }
        index += 1
    }
    return Array(records.dropFirst())
}

private func xmlRecordCount(_ folder: String, _ table: TableName) throws -> Int {
    let text = String(decoding: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(folder, table, "xml")))), as: UTF8.self)
    let record = SampleVocabulary.xmlNames(table).record
    return text.components(separatedBy: "<\(record)>").count - 1
}
