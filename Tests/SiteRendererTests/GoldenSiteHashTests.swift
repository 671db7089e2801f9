import Foundation
import PortraitTestSupport
@testable import SiteRenderer
import Testing

/// Every file of small sites, as a `sha256sum` list in `Tests/GoldenSites/`: the fixture ledger in
/// both locales and a random ledger full of hostile text. Speed work must leave these unchanged;
/// `RECORD_GOLDEN=1` re-records them (and fails, so a re-recording is always looked at).
/// The manifest is left out: its fingerprints digest the test binary.
@Suite struct GoldenSiteHashTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GoldenSites").path

    static func list(_ content: SiteContent) throws -> String {
        let temporary = TemporaryFolder("golden-site")
        try SiteBuilder.build(content, into: temporary.path + "/site")
        let files = SiteBuilder.files(temporary.path + "/site")
        return files.keys.filter { $0 != SiteWriter.manifest }.sorted().map { SHA256.hex(files[$0]!) + "  " + $0 + "\n" }.joined()
    }

    @Test(arguments: SiteLocale.allCases)
    func theFixtureSiteMatchesItsGoldenList(locale: SiteLocale) throws {
        assertGolden(try Self.list(SiteFixture.content(locale: locale)), named: "fixture-\(locale.rawValue).sha256", in: Self.folder)
    }

    @Test func aSiteOfHostileCustomersMatchesItsGoldenList() throws {
        var random = VariedLedger(seed: 42)
        let ledger = random.ledger(customers: 80, asOf: SiteFixture.asOf)
        assertGolden(try Self.list(SiteFixture.content(locale: .zhCN, mask: false, ledger: ledger)), named: "varied-zh-CN.sha256",
                     in: Self.folder)
    }
}
