import Analytics
import LedgerModel
import Testing

/// Invariants that must hold on any ledger, checked on generated ones.
@Suite("Properties of generated ledgers")
struct PropertyTests {
    static let asOf = Day(iso: "2026-03-31") ?? Day(raw: 0)

    static func report(seed: UInt64, model: SegmentModel = .cn8) -> (Ledger, AnalyticsReport) {
        var random = RandomLedger(seed: seed)
        let size = [0, 1, 7, 60, 240][Int(seed % 5)]
        let ledger = random.ledger(customers: size, reps: Int(seed % 4), asOf: asOf)
        let settings = AnalysisSettings(asOf: asOf, today: asOf + 10, segmentModel: model)
        return (ledger, AnalyticsReport.compute(ledger: ledger, settings: settings))
    }

    @Test("grade A holds at least 80% of revenue and loses it without its last customer",
          arguments: 0..<20)
    func gradeA(seed: UInt64) {
        let (_, report) = Self.report(seed: seed)
        let total = report.grades.totalRevenue
        let a = report.customers.filter { $0.grade == .a }
        let aRevenue = a.reduce(Int128(0)) { $0 + Int128($1.revenue.micros) }
        #expect(aRevenue * 100 >= total * 80)
        if let last = a.max(by: { $0.revenueBefore < $1.revenueBefore }) {
            #expect((aRevenue - Int128(last.revenue.micros)) * 100 < total * 80)
        }
        let graded = report.customers.filter { $0.revenue > .zero }.count
        #expect(report.grades.count(.a) + report.grades.count(.b) + report.grades.count(.c) == graded)
    }

    @Test("funnel steps never grow", arguments: 0..<20)
    func funnel(seed: UInt64) {
        let (_, report) = Self.report(seed: seed)
        let counts = report.lifecycle.funnel.map(\.count)
        #expect(counts.count == 5)
        #expect(counts.first == report.customers.count)
        for k in 1..<counts.count { #expect(counts[k] <= counts[k - 1]) }
    }

    @Test("segment and stage counts sum to the customers, in both models",
          arguments: 0..<10, [SegmentModel.cn8, .rf10])
    func counts(seed: UInt64, model: SegmentModel) {
        let (_, report) = Self.report(seed: seed, model: model)
        #expect(report.summary.segmentCounts.reduce(0) { $0 + $1.count } == report.customers.count)
        #expect(report.summary.segmentCounts.map(\.segment) == model.segments)
        #expect(report.lifecycle.stageCounts.reduce(0, +) == report.customers.count)
        for f in report.customers {
            #expect((f.orders > 0) == (1...5).contains(f.rScore))
            #expect((f.orders > 0) == (f.segment != .noPurchase))
        }
    }

    @Test("each team's figures are the sums of its reps'", arguments: 0..<20)
    func teams(seed: UInt64) {
        let (ledger, report) = Self.report(seed: seed)
        #expect(report.teams.reduce(0) { $0 + $1.reps.count } == ledger.reps.count)
        for team in report.teams {
            let reps = team.reps.map { report.reps[Int($0)].figures }
            let t = team.figures
            #expect(t.customers == reps.reduce(0) { $0 + $1.customers })
            #expect(t.revenuePeriod == reps.reduce(Money.zero) { $0 + $1.revenuePeriod })
            #expect(t.ordersPeriod == reps.reduce(0) { $0 + $1.ordersPeriod })
            #expect(t.openComplaints == reps.reduce(0) { $0 + $1.openComplaints })
            #expect(t.won == reps.reduce(0) { $0 + $1.won })
            #expect(t.openPipeline == reps.reduce(Money.zero) { $0 + $1.openPipeline })
            #expect(t.cycleDays.count == reps.reduce(0) { $0 + $1.cycleDays.count })
        }
        #expect(Set(report.reps.map(\.rank)) == Set(1...max(ledger.reps.count, 1)).filter { $0 <= ledger.reps.count })
    }

    @Test("revenue credited to reps never exceeds the ledger's revenue in P", arguments: 0..<10)
    func crediting(seed: UInt64) {
        let (_, report) = Self.report(seed: seed)
        let credited = report.reps.reduce(Money.zero) { $0 + $1.figures.revenuePeriod }
        #expect(credited <= report.summary.revenuePeriod)
        let customers = report.customers.reduce(Money.zero) { $0 + $1.revenuePeriod }
        #expect(customers <= report.summary.revenuePeriod)
    }
}
