import LedgerModel
import PortraitKit
import PortraitTestSupport
import Testing

/// The sampler injects defects and lists the findings the spec says they produce; reading the
/// sample must give exactly those, whatever the file format, encoding or header language.
@Suite("Findings of a generated ledger equal the defects injected into it")
struct SampleCrossCheckTests {
    static let today = Day(iso: "2026-11-22")!

    static func check(_ options: SampleOptions) throws {
        let folder = TemporaryFolder("sample")
        let manifest = try LedgerSampler.write(options, to: folder.path)
        var build = BuildOptions()
        build.dataDirectory = folder.path
        build.today = today
        let validation = try BuildPipeline.validate(build, runner: StageRunner(total: 3, interactive: false))
        let found = validation.quality.findings.map { "\($0.table.rawValue):\($0.line) \($0.column) \($0.rule.rawValue)" }
        let expected = manifest.expected.sorted().map { "\($0.table.rawValue):\($0.line) \($0.column) \($0.rule.rawValue)" }
        #expect(Set(found).subtracting(expected).sorted() == [], "found but not injected")
        #expect(Set(expected).subtracting(found).sorted() == [], "injected but not found")
        #expect(found.count == expected.count)
        #expect(validation.asOf == options.end)
        for table in TableName.allCases {
            #expect(validation.ledger.source(table).rows == manifest.rows[table] ?? 0, "\(table)")
        }
    }

    @Test("a clean sample has no finding at all")
    func cleanSampleHasNoFinding() throws {
        try Self.check(SampleOptions(customers: 1500, seed: 7, dirt: 0))
    }

    @Test("a dirty zh-CN CSV sample gives exactly the injected findings, line by line")
    func dirtyChineseCSV() throws {
        try Self.check(SampleOptions(customers: 3000, seed: 11, dirt: 0.02))
    }

    @Test("the same kind of sample in GB18030 gives exactly the injected findings")
    func dirtyGB18030() throws {
        try Self.check(SampleOptions(customers: 2000, seed: 12, dirt: 0.02, encoding: .gb18030))
    }

    @Test("an English-header XML sample gives exactly the injected findings, by record number")
    func dirtyEnglishXML() throws {
        try Self.check(SampleOptions(customers: 2000, seed: 13, locale: .en, dirt: 0.02, format: .xml))
    }
}
