import Analytics
import Foundation
import LedgerIngest
import LedgerModel
import Testing

/// The analytics on a ledger read by the real reader (`Tests/Fixtures/ledgers/every-rule`), so
/// the contract between ingest and analytics is checked end to end.
@Suite("Analytics on an ingested ledger")
struct IngestedLedgerTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/ledgers/every-rule").path

    @Test("every-rule: purchases, crediting and orphans as the rules say")
    func everyRule() throws {
        let today = Day(iso: "2026-11-01") ?? Day(raw: 0)
        let ledger = try LedgerReader.read(IngestSettings(dataDirectory: Self.folder, today: today))
        let asOf = AnalysisSettings.resolveAsOf(explicit: nil, ledger: ledger, today: today)
        // Latest used order or interaction date: C2's service call of 2026-10-13.
        #expect(asOf.description == "2026-10-13")
        let report = AnalyticsReport.compute(ledger: ledger, settings: AnalysisSettings(asOf: asOf, today: today))
        let c1 = report.customers[Int(ledger.customerIndex["C1"] ?? 0)]
        // O1 = 1200.50 + 300 (two lines), O9 = 100 (owner R7 is an orphan: no rep, still C1's).
        #expect(c1.orders == 2)
        #expect(c1.revenue.formatted() == "1600.50")
        #expect(ledger.strings[c1.topCategory] == "软件")
        let c2 = report.customers[Int(ledger.customerIndex["C2"] ?? 0)]
        // O3 is negative, O7's status is unknown: no purchase.
        #expect(c2.orders == 0)
        #expect(c2.stage == .prospect)
        let r1 = report.reps[Int(ledger.repIndex["R1"] ?? 0)].figures
        // O1 via C1's owner + O2 of the orphan customer C9 (owner R1).
        #expect(r1.revenuePeriod.formatted() == "1600.50")
        // 1500.50 + 100 (O2) + 100 (O9).
        #expect(report.summary.revenuePeriod.formatted() == "1700.50")
        #expect(report.summary.rowsAfterAsOf == 0)
    }
}
