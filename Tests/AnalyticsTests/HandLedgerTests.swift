import Analytics
import LedgerModel
import PortraitTestSupport
import Testing

/// Every figure of the hand-made ledger (`PortraitTestSupport/HandLedger.swift`), worked out by
/// hand. T = 2026-06-30; P = 2025-07-01...2026-06-30 (T − 364 ... T); P′ = 2024-07-01...2025-06-30;
/// follow-up window 2026-06-01...2026-06-30.
@Suite("The hand-made ledger")
struct HandLedgerTests {
    let ledger = HandLedger.build()
    let report: AnalyticsReport

    init() {
        let settings = AnalysisSettings(asOf: HandLedger.asOf, today: HandLedger.today)
        report = AnalyticsReport.compute(ledger: HandLedger.build(), settings: settings)
    }

    func figures(_ id: String) -> CustomerFigures {
        report.customers[Int(ledger.customerIndex[id] ?? 0)]
    }

    func rep(_ id: String) -> RepFigures { report.reps[Int(ledger.repIndex[id] ?? 0)] }

    func text(_ ratio: Ratio?, _ decimals: Int) -> String? { ratio?.formatted(decimals: decimals) }

    @Test("periods follow T: P is the 365 days ending at T and P′ the 365 before")
    func periods() {
        #expect(report.settings.period.first == HandLedger.day("2025-07-01"))
        #expect(report.settings.period.last == HandLedger.day("2026-06-30"))
        #expect(report.settings.previousPeriod.first == HandLedger.day("2024-07-01"))
        #expect(report.settings.previousPeriod.last == HandLedger.day("2025-06-30"))
    }

    @Test("T resolves to the explicit date, else the latest activity, else today")
    func asOfResolution() {
        let explicit = HandLedger.day("2026-01-01")
        #expect(AnalysisSettings.resolveAsOf(explicit: explicit, ledger: ledger, today: HandLedger.today) == explicit)
        #expect(AnalysisSettings.resolveAsOf(explicit: nil, ledger: ledger, today: HandLedger.today)
                == HandLedger.day("2026-07-05"))
        #expect(AnalysisSettings.resolveAsOf(explicit: nil, ledger: Ledger(), today: HandLedger.today) == HandLedger.today)
    }

    @Test("portrait of a loyal customer with line-weighted categories")
    func alpha() {
        let f = figures("C01")
        // Purchases O01a-e: 1000 each (O01a = Tea 600 + Coffee 400); OA is after T.
        #expect(f.orders == 5)
        #expect(f.revenue == Money(units: 5000))
        #expect(f.firstOrder == HandLedger.day("2025-08-01"))
        #expect(f.secondOrder == HandLedger.day("2025-10-01"))
        #expect(f.lastOrder == HandLedger.day("2026-06-20"))
        #expect(f.recencyDays == 10)                      // 06-20 → 06-30
        #expect(text(f.aov, 2) == "1000.00")              // 5000 / 5
        // 2024-01-01 → 2026-01-01 = 366 + 365 = 731; → 2026-06-30: 31+28+31+30+31+29 = 180.
        #expect(f.tenureDays == 911)
        #expect(f.revenuePeriod == Money(units: 5000))    // all five inside P
        #expect(f.ordersPeriod == 5)
        #expect(f.interactions == 3)                      // I1, I2, I3
        #expect(f.lastContact == HandLedger.day("2026-06-20"))
        #expect(f.daysSinceContact == 10)
        #expect(f.preferredChannel == .wechat)            // wechat 2, phone 1
        // Tea 600 + 1000 + 1000 = 2600; Coffee 400 + 1000 + 1000 = 2400.
        #expect(ledger.strings[f.topCategory] == "Tea")
        #expect(f.complaints == 0)
        #expect(text(f.satisfaction, 2) == "4.50")         // (5 + 4) / 2
        #expect(f.contactedRecently)
        #expect(report.channelMix(of: 0).map { "\($0.channel.rawValue) \($0.count)" } == ["phone 1", "wechat 2"])
    }

    @Test("ties: category and channel go to the code-point-first name")
    func beta() {
        let f = figures("C02")
        // Tea 1000 + 1000 = 2000 = Coffee 2000 → "Coffee" < "Tea".
        #expect(ledger.strings[f.topCategory] == "Coffee")
        // phone 1 = email 1 → "email".
        #expect(f.preferredChannel == .email)
        // I4 open (no resolved_at); I5 resolved on 04-12.
        #expect(f.complaints == 2)
        #expect(f.openComplaints == 1)
        #expect(text(f.satisfaction, 2) == "2.00")
        // OY is cancelled: not a purchase.
        #expect(f.orders == 2)
        #expect(f.revenue == Money(units: 4000))
        #expect(f.recencyDays == 20)
    }

    @Test("an order line dated after T is left out of its order")
    func gamma() {
        let f = figures("C03")
        #expect(f.orders == 1)
        #expect(f.revenue == Money(units: 500))           // 700 − the 200 line of 07-03
        #expect(ledger.strings[f.topCategory] == "Tea")
        #expect(f.tenureDays == 10)
    }

    @Test("a customer with only refunds has no purchase but is a prospect")
    func zeta() {
        let f = figures("C06")
        // O06 refunded, O06b amount 0: neither is a purchase.
        #expect(f.orders == 0)
        #expect(f.revenue == .zero)
        #expect(f.firstOrder == nil && f.recencyDays == nil && f.aov == nil)
        #expect(f.rScore == 0 && f.fScore == 0 && f.mScore == 0)
        #expect(f.segment == .noPurchase)
        #expect(f.grade == nil)
        #expect(f.stage == .prospect)                     // I6
        #expect(f.complaints == 1 && f.openComplaints == 0)
        #expect(f.tenureDays == nil)                      // created_at missing
        // 03-05 → 06-30: 26 + 30 + 31 + 30 = 117.
        #expect(f.daysSinceContact == 117)
    }

    @Test("a created_at after T is treated as missing; a resolution after T leaves the complaint open")
    func epsilon() {
        let f = figures("C05")
        #expect(f.tenureDays == nil)
        #expect(f.complaints == 1 && f.openComplaints == 1)  // I9 resolved 07-05 > T
        // 2025-09-01 → 2026-06-30: 30+31+30+31+31+28+31+30+31 = 273, + 29 = 302.
        #expect(f.recencyDays == 302)
    }

    @Test("RFM scores use (5 × worse) div n with ties equal")
    func scores() {
        // Scored n = 6. R: C09 1, C03 5, C01 10, C02 20, C04 149, C05 302.
        // worse R (larger): 5, 4, 3, 2, 1, 0 → 1 + 25/6 = 5, 1 + 20/6 = 4, 1 + 15/6 = 3,
        // 1 + 10/6 = 2, 1 + 5/6 = 1, 1.
        // F: C03 1, C05 1 (worse 0 → 1); C02, C04, C09 2 (worse 2 → 1 + 10/6 = 2); C01 5 (worse 5 → 5).
        // M: C03 500 (0 → 1); C04, C05, C09 1000 (worse 1 → 1 + 5/6 = 1); C02 4000 (4 → 4); C01 (5 → 5).
        let expected: [String: (UInt8, UInt8, UInt8)] = [
            "C01": (3, 5, 5), "C02": (2, 2, 4), "C03": (4, 1, 1),
            "C04": (1, 2, 1), "C05": (1, 1, 1), "C09": (5, 2, 1),
        ]
        for (id, (r, f, m)) in expected {
            let c = figures(id)
            #expect(c.rScore == r, "\(id) R")
            #expect(c.fScore == f, "\(id) F")
            #expect(c.mScore == m, "\(id) M")
        }
        // ΣR = 16, ΣF = 13, ΣM = 13 over 6.
        #expect(report.rfm.scored == 6)
        #expect(report.rfm.sumR == 16 && report.rfm.sumF == 13 && report.rfm.sumM == 13)
        #expect(text(report.rfm.meanR, 2) == "2.67")
    }

    @Test("cn8 segments compare each score with its mean exactly")
    func cn8Segments() {
        // High R: 6s ≥ 16 → s ≥ 3. High F and M: 6s ≥ 13 → s ≥ 3.
        let expected: [String: Segment] = [
            "C01": .importantValue,      // R3 F5 M5: high high high
            "C02": .importantWinback,    // R2 F2 M4: low low high
            "C03": .generalDevelop,      // R4 F1 M1: high low low
            "C04": .generalWinback,      // R1 F2 M1
            "C05": .generalWinback,      // R1 F1 M1
            "C09": .generalDevelop,      // R5 F2 M1
            "C06": .noPurchase, "C07": .noPurchase, "C08": .noPurchase, "C10": .noPurchase,
        ]
        for (id, segment) in expected { #expect(figures(id).segment == segment, "\(id)") }
        let counts = Dictionary(uniqueKeysWithValues: report.summary.segmentCounts.map { ($0.segment, $0.count) })
        #expect(report.summary.segmentCounts.count == 9)
        #expect(counts[.importantDevelop] == 0)
        #expect(counts[.noPurchase] == 4)
        #expect(counts[.generalWinback] == 2)
    }

    @Test("rf10 segments on R and F")
    func rf10Segments() {
        let settings = AnalysisSettings(asOf: HandLedger.asOf, today: HandLedger.today, segmentModel: .rf10)
        let rf = AnalyticsReport.compute(ledger: ledger, settings: settings)
        let expected: [String: Segment] = [
            "C01": .loyal,               // R3 F5
            "C02": .hibernating,         // R2 F2
            "C03": .promising,           // R4 F1
            "C04": .hibernating,         // R1 F2
            "C05": .hibernating,         // R1 F1
            "C09": .potentialLoyalist,   // R5 F2
            "C07": .noPurchase,
        ]
        for (id, segment) in expected {
            #expect(rf.customers[Int(ledger.customerIndex[id] ?? 0)].segment == segment, "\(id)")
        }
        #expect(rf.summary.segmentCounts.count == 11)
    }

    @Test("ABC grades: the customer whose before is exactly 80% of total is B")
    func grades() {
        // M: C01 5000, C02 4000, C04 1000, C05 1000, C09 1000, C03 500; total 12500.
        // 80% = 10000, 95% = 11875. Ties at 1000 by id: C04, C05, C09.
        // before: C01 0 A; C02 5000 A; C04 9000 A; C05 10000 (not < 10000) B; C09 11000 B;
        // C03 12000 (≥ 11875) C.
        let expected: [String: Grade?] = [
            "C01": .a, "C02": .a, "C04": .a, "C05": .b, "C09": .b, "C03": .c,
            "C06": nil, "C07": nil, "C08": nil, "C10": nil,
        ]
        for (id, grade) in expected { #expect(figures(id).grade == grade, "\(id)") }
        #expect(figures("C05").revenueBefore == Int128(10_000) * 1_000_000)
        #expect(report.grades.totalRevenue == Int128(12_500) * 1_000_000)
        #expect(report.grades.count(.a) == 3 && report.grades.count(.b) == 2 && report.grades.count(.c) == 1)
        // Ledger grades: C01 A = A; C02 B ≠ A; C07 D with no grade: not listed; C09 c ≠ B;
        // C10 VIP (= A) without a computed grade.
        #expect(report.grades.mismatches.map { ledger.customers[Int($0.customer)].id } == ["C02", "C09", "C10"])
    }

    @Test("each lifecycle rule, first match wins")
    func stages() {
        let expected: [String: Stage] = [
            "C05": .churned,     // F1, R 302 > 180
            "C04": .atRisk,      // F2, R 149 > 90 (02-01 → 06-30: 27+31+30+31+29 = 148 + 1)
            "C01": .loyal,       // F5, R 10
            "C02": .repeated,    // F2, R 20
            "C09": .repeated,    // F2, R 1
            "C03": .new,         // F1, R 5
            "C06": .prospect,    // F0, an interaction
            "C08": .prospect,    // F0, an opportunity
            "C07": .lead,        // F0, nothing (OZ has a bad status)
            "C10": .lead,        // its only interaction is after T
        ]
        for (id, stage) in expected { #expect(figures(id).stage == stage, "\(id)") }
        #expect(figures("C04").recencyDays == 149)
        #expect(Stage.allCases.map { report.lifecycle.count($0) } == [1, 1, 1, 2, 1, 2, 2])
    }

    @Test("funnel counts and conversions")
    func funnel() {
        // all 10; engaged: 6 buyers + C06 + C08 = 8; converted 6; repeat C01 C02 C04 C09 = 4;
        // loyal (F ≥ 5, R ≤ 90) C01 = 1.
        let steps = report.lifecycle.funnel
        #expect(steps.map(\.step) == ["all", "engaged", "converted", "repeat", "loyal"])
        #expect(steps.map(\.count) == [10, 8, 6, 4, 1])
        #expect(steps.map { text($0.conversion, 4) } == [nil, "0.8000", "0.7500", "0.6667", "0.2500"])
    }

    @Test("medians of days to first and to second purchase")
    func medians() {
        // created → first: C03 5, C09 31, C04 153, C02 320, C01 578 (C05 created after T).
        #expect(report.lifecycle.daysToFirstOrder == [5, 31, 153, 320, 578])
        #expect(text(report.lifecycle.medianDaysToFirstOrder, 2) == "153.00")
        // first → second: C02 40, C01 61, C04 62, C09 666 (2024-09-01 → 2026-06-29: 365 + 301).
        #expect(report.lifecycle.daysToSecondOrder == [40, 61, 62, 666])
        #expect(text(report.lifecycle.medianDaysToSecondOrder, 2) == "61.50")  // (61 + 62) / 2
    }

    @Test("cohorts by month of first purchase, offsets after T's month empty")
    func cohorts() {
        // Earliest first purchase 2024-09 (C09) to T's month 2026-06: 22 months.
        #expect(report.cohorts.count == 22)
        #expect(report.cohorts.first?.label == "2024-09")
        let alpha = report.cohorts.first { $0.label == "2025-08" }
        #expect(alpha?.size == 1)
        // C01 bought in 2025-08 (k0), 2025-10 (k2), 2026-01 (k5), 2026-04 (k8), 2026-06 (k10).
        #expect(alpha?.active == [1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, nil])
        let beta = report.cohorts.first { $0.label == "2026-05" }
        #expect(beta?.active == [1, 1] + Array(repeating: nil, count: 10))
        #expect(text(beta?.share(1), 4) == "1.0000")
        let empty = report.cohorts.first { $0.label == "2024-10" }
        #expect(empty?.size == 0 && empty?.share(0) == nil)
    }

    @Test("rep R1: quota, an order of another rep's customer, interactions by another rep")
    func repOne() {
        let r = rep("R1")
        let f = r.figures
        #expect(f.customers == 3)                          // C01 C02 C07
        #expect(f.newCustomers == 1)                       // C07 created 2026-06-01
        // O01a-e 5000 + O02a 3000 + O02b 1000 + O09b 400 (C09's order, owner R1).
        #expect(f.revenuePeriod == Money(units: 9400))
        #expect(f.ordersPeriod == 8)
        #expect(text(f.aovPeriod, 2) == "1175.00")
        #expect(text(f.quotaAttainment, 4) == "0.9400")
        #expect(f.revenueChange == nil)                    // P′ 0
        #expect(f.activeCustomers == 2)                    // C01 R10, C02 R20
        #expect(f.interactionsPeriod == 4)                 // I1 I3 I4 I5 (I2 is R2's)
        #expect(text(f.followUpCoverage, 4) == "0.6667")   // C01, C02 of 3
        #expect(f.overdueFollowUps == 0)
        #expect(f.complaints == 2 && f.openComplaints == 1)
        #expect(text(f.medianResolutionHours, 2) == "60.00")  // I5: 04-10 00:00 → 04-12 12:00
        #expect(text(f.satisfaction, 2) == "3.50")         // I1 5, I4 2
        #expect(f.won == 1 && f.lost == 1)                 // OP2, OP3 (closed 2025-08-01)
        #expect(text(f.winRate, 4) == "0.5000")
        #expect(f.openPipeline == .zero)
        #expect(text(f.medianCycleDays, 2) == "59.00")     // 2026-01-01 → 03-01
        #expect(r.rank == 1)
    }

    @Test("rep R2 without quota has an overdue follow-up")
    func repTwo() {
        let r = rep("R2")
        let f = r.figures
        #expect(f.customers == 3)                          // C03 C04 C08
        #expect(f.newCustomers == 2)                       // C03, C04 (created on P's first day)
        #expect(f.revenuePeriod == Money(units: 1100))     // O03 500 + O04a 600
        #expect(f.ordersPeriod == 2)
        #expect(text(f.aovPeriod, 2) == "550.00")
        #expect(f.quotaAttainment == nil)
        #expect(f.activeCustomers == 1)
        #expect(f.interactionsPeriod == 3)                 // I2 I7 I11
        #expect(text(f.followUpCoverage, 4) == "0.3333")
        #expect(f.overdueFollowUps == 1)
        #expect(r.overdue.map { ledger.customers[Int($0)].id } == ["C04"])
        #expect(f.complaints == 0 && f.medianResolutionHours == nil)
        #expect(text(f.satisfaction, 2) == "4.00")         // I2
        #expect(f.won == 1 && f.lost == 0)                 // OP4
        #expect(text(f.winRate, 4) == "1.0000")
        #expect(f.openPipeline == Money(units: 7000))      // OP1; OP7's owner is an orphan
        #expect(f.medianCycleDays == nil)                  // OP4 has no created_at
        #expect(r.rank == 2)
    }

    @Test("rep R3 is credited an orphan customer's order and another rep's customer's order")
    func repThree() {
        let r = rep("R3")
        let f = r.figures
        #expect(f.customers == 3)                          // C05 C06 C09
        #expect(f.newCustomers == 0)
        // O04b 400 (C04, owner R3) + OX 300 (orphan customer); O05 has an orphan owner.
        #expect(f.revenuePeriod == Money(units: 700))
        #expect(f.revenuePrevious == Money(units: 600))    // O09a 2024-09-01
        #expect(text(f.revenueChange, 4) == "0.1667")      // (700 − 600) / 600
        #expect(text(f.quotaAttainment, 4) == "0.1400")
        #expect(f.interactionsPeriod == 3)                 // I6 I9 I10
        #expect(text(f.followUpCoverage, 4) == "0.0000")
        #expect(f.complaints == 2 && f.openComplaints == 1)
        #expect(text(f.medianResolutionHours, 2) == "25.00")
        #expect(text(f.satisfaction, 2) == "3.50")         // I6 3, I10 4
        #expect(f.won == 0 && f.lost == 0 && f.winRate == nil)
        #expect(f.openPipeline == .zero)                   // OP5 is after T
        #expect(r.rank == 3)
    }

    @Test("teams sum their reps, ratios recomputed")
    func teams() {
        #expect(report.teams.map(\.team) == ["North", "South"])
        let north = report.teams[0].figures
        #expect(north.customers == 6)
        #expect(north.revenuePeriod == Money(units: 10_500))
        #expect(text(north.aovPeriod, 2) == "1050.00")     // 10500 / 10
        #expect(text(north.quotaAttainment, 4) == "0.9400") // only R1 has a quota
        #expect(text(north.followUpCoverage, 4) == "0.5000") // 3 of 6
        #expect(text(north.winRate, 4) == "0.6667")        // 2 / 3
        #expect(report.teams[0].reps == [0, 1])
    }

    @Test("summary counts orphan customers' revenue and rows after T")
    func summary() {
        let s = report.summary
        #expect(s.customers == 10)
        // 5000 + 4000 + 500 + 1000 (C04) + 1000 (C05) + 400 (C09 in P) + 300 (orphan) = 12200.
        #expect(s.revenuePeriod == Money(units: 12_200))
        #expect(s.revenuePrevious == Money(units: 600))
        // O03's second line, OA, I8, OP5.
        #expect(s.rowsAfterAsOf == 4)
        #expect(s.activeCustomers == 4)                    // C01 C02 C03 C09
        #expect(s.newCustomers == 3)                       // C03 C04 C07
        #expect(s.openComplaints == 2)                     // I4, I9
        #expect(s.monthly.count == 12)
        #expect(s.monthly.last?.revenue == Money(units: 1000 + 1000 + 500 + 400))
    }

    @Test("why explains segment, grade and stage")
    func why() {
        let i = Int(ledger.customerIndex["C01"] ?? 0)
        #expect(report.why(customer: i) ==
            "R 3 ≥ mean 2.67, F 5 ≥ mean 2.17, M 5 ≥ mean 2.17 → important_value; grade A: revenue ahead 0.00% < 80%; stage loyal: F 5 ≥ 5")
        let j = Int(ledger.customerIndex["C05"] ?? 0)
        #expect(report.why(customer: j) ==
            "R 1 < mean 2.67, F 1 < mean 2.17, M 1 < mean 2.17 → general_winback; grade B: revenue ahead 80.00% ≥ 80%, < 95%; stage churned: R 302 > 180")
        let k = Int(ledger.customerIndex["C07"] ?? 0)
        #expect(report.why(customer: k, locale: .zhCN) == "F 0 → 未成交；无分级（潜在）：M 0；阶段 线索：F 0，无互动或商机")
    }

    /// The share of revenue ahead is written as bytes; it must read as `Ratio.formatted` writes
    /// it, for negative shares, ones that round to zero, and ones too large for 64 bits.
    @Test("why writes the share of revenue ahead as Ratio.formatted does")
    func whyShares() {
        let j = Int(ledger.customerIndex["C05"] ?? 0)  // grade B
        var random = SplitMix64(seed: 11)
        var cases: [(Int128, Int128)] = [(-1, 3), (-2, 3), (-1, 200_000), (1, 3), (0, 5), (5, 0),
                                         (Int128(Int64.max) * 1000, 7), (-Int128(Int64.max) * 1000, 7)]
        for _ in 0..<500 {
            cases.append((Int128(Int64(bitPattern: random.next()) >> Int(random.next() % 60)), Int128(random.next() % 1_000_000)))
        }
        for (before, total) in cases {
            var changed = report
            changed.customers[j].revenueBefore = before
            changed.grades.totalRevenue = total
            let share = Ratio(before * 100, total)?.formatted(decimals: 2) ?? "0.00"
            #expect(changed.why(customer: j).contains("revenue ahead " + share + "% ≥ "), "\(before)/\(total)")
        }
    }
}
