@testable import Analytics
import LedgerModel
import Testing

@Suite("Segment, grade and stage rules")
struct SegmentRulesTests {
    @Test("rf10 covers every R × F combination as metrics.md lists it")
    func rf10Grid() {
        // Rows R 5...1, columns F 1...5.
        let grid: [[Segment]] = [
            [.newCustomers, .potentialLoyalist, .potentialLoyalist, .champions, .champions],
            [.promising, .potentialLoyalist, .potentialLoyalist, .loyal, .loyal],
            [.aboutToSleep, .aboutToSleep, .needAttention, .loyal, .loyal],
            [.hibernating, .hibernating, .atRisk, .atRisk, .cantLose],
            [.hibernating, .hibernating, .atRisk, .atRisk, .cantLose],
        ]
        for (row, segments) in grid.enumerated() {
            for (column, segment) in segments.enumerated() {
                #expect(RFMSegments.rf10(r: UInt8(5 - row), f: UInt8(column + 1)) == segment)
            }
        }
    }

    @Test("ledger grades read as ABC letters", arguments: [
        ("A", Grade.a), (" vip ", .a), ("a级", .a), ("B", .b), ("c类", .c), ("D", nil), ("重要", nil),
    ])
    func ledgerGrades(text: String, grade: Grade?) {
        #expect(Grade(ledgerValue: text) == grade)
    }

    @Test("an explicit period has a previous period of the same length just before it")
    func explicitPeriod() {
        let start = Day(iso: "2026-01-01") ?? Day(raw: 0)
        let end = Day(iso: "2026-03-31") ?? Day(raw: 0)
        let settings = AnalysisSettings(asOf: end, today: end, period: ReportPeriod(first: start, last: end))
        #expect(settings.period.length == 90)
        #expect(settings.previousPeriod.first.description == "2025-10-03")
        #expect(settings.previousPeriod.last.description == "2025-12-31")
    }

    @Test("grade bounds print the configured shares without trailing zeros")
    func shares() {
        #expect(WhyWriter.percent(basisPoints: 8000) == "80%")
        #expect(WhyWriter.percent(basisPoints: 8250) == "82.5%")
        #expect(WhyWriter.percent(basisPoints: 10_000) == "100%")
        #expect(Thresholds.basisPoints(0.8) == 8000)
        #expect(Thresholds.basisPoints(1.5) == nil)
    }
}
