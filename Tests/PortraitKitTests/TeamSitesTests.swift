import Analytics
import Foundation
import LedgerModel
@testable import PortraitKit
import PortraitTestSupport
import SiteRenderer
import Testing

/// `--partition team` computes each team's sub-site on a thread of its own while the team
/// before it renders; what it writes must not depend on that.
@Suite("Team sub-sites computed beside the pages")
struct TeamSitesTests {
    @Test("each team's sub-site is the site of that team's ledger, rendered alone")
    func eachSubSiteIsItsTeamsSiteAlone() throws {
        let (folder, options, summary) = try PartitionTests.build(SampleOptions(customers: 300, seed: 21, dirt: 0.03))
        let validation = summary.validation
        let ledger = validation.ledger
        let company = BuildPipeline.siteContent(validation, report: AnalyticsReport.compute(ledger: ledger, settings: validation.analysisSettings),
                                                options: options)
        let teams = ledger.teams
        #expect(teams.count >= 3)
        let folders = SitePaths(ids: teams.map { $0 ?? "unassigned" })
        for team in teams {
            let part = ledger.partition(team: team)
            var alone = company
            alone.ledger = part
            alone.report = AnalyticsReport.compute(ledger: part, settings: validation.analysisSettings)
            alone.quality = QualityAudit.audit(part, asOf: validation.asOf, staleDays: validation.configuration.thresholds.staleDays)
            let stem = try #require(folders.stem(team ?? "unassigned"))
            let writer = try SiteWriter(output: folder.path + "/alone-" + stem)
            try SiteRenderer.render(alone, into: writer)
            try BuildPipeline.writeExports(report: alone.report, quality: alone.quality, content: alone, into: writer)
            try writer.commit()

            // A site's own hidden files (its manifest, its marker) are at the top of the
            // company site only.
            let expected = PartitionTests.files(folder.path + "/alone-" + stem).filter { !$0.key.hasPrefix(".") }
            let built = PartitionTests.files(folder.path + "/site/teams/" + stem)
            #expect(expected.count > 20)
            #expect(Set(built.keys).symmetricDifference(expected.keys).sorted() == [], "\(stem)")
            #expect(built.filter { expected[$0.key] != $0.value }.keys.sorted() == [], "\(stem)")
        }
    }
}
