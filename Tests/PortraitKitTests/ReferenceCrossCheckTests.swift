import Foundation
import LedgerModel
import PortraitKit
import PortraitTestSupport
import Testing

/// `scripts/reference/` is a second implementation of metrics.md, written in Python from the
/// spec alone. On generated ledgers, dirty ones included, both must write the same exports.
@Suite("Exports agree with the independent reference implementation")
struct ReferenceCrossCheckTests {
    static let reference = packageRoot + "/scripts/reference/portrait_reference.py"

    static func compare(_ options: SampleOptions, model: String) throws {
        let folder = TemporaryFolder("xcheck")
        let data = folder.path + "/data"
        _ = try LedgerSampler.write(options, to: data)
        folder.write("portrait.yml", "segments:\n  model: \(model)\n")
        var build = BuildOptions()
        build.dataDirectory = data
        build.outputDirectory = folder.path + "/site"
        build.today = Day(iso: "2026-11-22")
        _ = try BuildPipeline.build(build, runner: StageRunner(total: 7, interactive: false))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", reference, data, folder.path + "/ref", "--today", "2026-11-22", "--model", model]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)

        let ours = folder.path + "/site/exports/", theirs = folder.path + "/ref/"
        #expect(folder.read("site/exports/reps.csv") == folder.read("ref/reps.csv"))
        #expect(folder.read("site/exports/summary.json") == folder.read("ref/summary.json"))
        #expect(try table(ours + "customers.csv", dropping: "why") == table(theirs + "customers.csv"))
        #expect(try table(ours + "findings.csv", dropping: "message") == table(theirs + "findings.csv", dropping: "message"))
    }

    /// The CSV's rows with one column left out (a free-text column each side words its own way).
    static func table(_ path: String, dropping column: String? = nil) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false).map { splitCSV(String($0)) }
        let index = column.flatMap { name in rows.first?.firstIndex { $0.hasSuffix(name) } }
        return rows.map { row in
            var fields = row
            if let index, index < fields.count { fields.remove(at: index) }
            return fields.joined(separator: "\u{1F}")
        }
    }

    /// RFC 4180 fields of one line (exports quote embedded line breaks, which the samples avoid).
    static func splitCSV(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var iterator = line.makeIterator()
        while let c = iterator.next() {
            if quoted {
                if c == "\"" { quoted = false } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field); field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }

    @Test("a dirty zh-CN sample with the cn8 model")
    func chineseCN8() throws {
        try Self.compare(SampleOptions(customers: 2500, seed: 31, dirt: 0.02), model: "cn8")
    }

    @Test("a dirty English sample with the rf10 model")
    func englishRF10() throws {
        try Self.compare(SampleOptions(customers: 2500, seed: 32, locale: .en, dirt: 0.02), model: "rf10")
    }

    @Test("a clean GB18030 sample")
    func cleanGB18030() throws {
        try Self.compare(SampleOptions(customers: 1500, seed: 33, encoding: .gb18030), model: "cn8")
    }
}
