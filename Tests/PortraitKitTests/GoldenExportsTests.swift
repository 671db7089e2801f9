import Foundation
import LedgerModel
import PortraitKit
import PortraitTestSupport
import Testing

/// The exports of the committed sample ledger `data/` at a fixed as-of date, as recorded in
/// `Tests/GoldenExports/sample/`. Any change to a figure shows here as a diff to review;
/// `RECORD_GOLDEN=1` rewrites them and fails, so re-recording is always a deliberate act.
@Suite("Exports of the committed sample")
struct GoldenExportsTests {
    static let goldens = packageRoot + "/Tests/GoldenExports/sample"

    @Test("customers, reps, segments, findings and summary equal their golden files",
          arguments: ["customers.csv", "reps.csv", "segments.csv", "findings.csv", "summary.json"])
    func exportsMatchGoldens(file: String) throws {
        let folder = try Self.site.get()
        let text = try String(contentsOfFile: folder.path + "/site/exports/" + file, encoding: .utf8)
        assertGolden(text, named: file, in: Self.goldens)
    }

    /// One build of `data/` as of 2026-10-31 with today 2026-11-22, shared by the cases.
    static let site: Result<TemporaryFolder, any Error> = Result {
        let folder = TemporaryFolder("golden-exports")
        folder.write("portrait.yml", "pages:\n  portraits: none\n")
        var options = BuildOptions()
        options.configFile = folder.path + "/portrait.yml"
        options.dataDirectory = packageRoot + "/data"
        options.outputDirectory = folder.path + "/site"
        options.asOf = Day(iso: "2026-10-31")
        options.today = Day(iso: "2026-11-22")
        options.locale = .en
        _ = try BuildPipeline.build(options, runner: StageRunner(total: 7, interactive: false))
        return folder
    }
}
