import Analytics
import LedgerModel
import PortraitTestSupport
import SiteRenderer
import Testing

/// Exact bytes of the CSV exports for the hand-made ledger (figures checked by hand in
/// `AnalyticsTests/HandLedgerTests.swift`).
@Suite("CSV exports")
struct ExportCSVTests {
    let ledger = HandLedger.build()
    let report = AnalyticsReport.compute(
        ledger: HandLedger.build(),
        settings: AnalysisSettings(asOf: HandLedger.asOf, today: HandLedger.today))

    /// The expected file: BOM, then the text with LF line ends.
    func csv(_ text: String) -> [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.utf8) }

    func show(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("customers.csv: BOM, quoting, guard on data text, empty cells, 2 and 4 decimals")
    func customers() {
        let expected = csv(#"""
customer_id,name,owner_id,orders,revenue,first_order,last_order,recency_days,aov,tenure_days,revenue_period,orders_period,interactions,last_contact,days_since_contact,preferred_channel,top_category,complaints,open_complaints,satisfaction,r_score,f_score,m_score,segment,grade,stage,why
C01,Alpha,R1,5,5000.00,2025-08-01,2026-06-20,10,1000.00,911,5000.00,5,3,2026-06-20,10,wechat,Tea,0,0,4.50,3,5,5,important_value,A,loyal,"R 3 ≥ mean 2.67, F 5 ≥ mean 2.17, M 5 ≥ mean 2.17 → important_value; grade A: revenue ahead 0.00% < 80%; stage loyal: F 5 ≥ 5"
C02,Beta,R1,2,4000.00,2026-05-01,2026-06-10,20,2000.00,380,4000.00,2,2,2026-06-05,25,email,Coffee,2,1,2.00,2,2,4,important_winback,A,repeat,"R 2 < mean 2.67, F 2 < mean 2.17, M 4 ≥ mean 2.17 → important_winback; grade A: revenue ahead 40.00% < 80%; stage repeat: F 2 ≥ 2"
C03,'=Gamma,R2,1,500.00,2026-06-25,2026-06-25,5,500.00,10,500.00,1,1,2026-06-25,5,visit,Tea,0,0,,4,1,1,general_develop,C,new,"R 4 ≥ mean 2.67, F 1 < mean 2.17, M 1 < mean 2.17 → general_develop; grade C: revenue ahead 96.00% ≥ 95%; stage new: F 1"
C04,"Delta, Inc",R2,2,1000.00,2025-12-01,2026-02-01,149,500.00,364,1000.00,2,1,2026-04-15,76,email,,0,0,,1,2,1,general_winback,A,at_risk,"R 1 < mean 2.67, F 2 < mean 2.17, M 1 < mean 2.17 → general_winback; grade A: revenue ahead 72.00% < 80%; stage at_risk: R 149 > 90"
C05,Epsilon,R3,1,1000.00,2025-09-01,2025-09-01,302,1000.00,,1000.00,1,1,2025-10-01,272,email,,1,1,,1,1,1,general_winback,B,churned,"R 1 < mean 2.67, F 1 < mean 2.17, M 1 < mean 2.17 → general_winback; grade B: revenue ahead 80.00% ≥ 80%, < 95%; stage churned: R 302 > 180"
C06,"Zeta ""Z""",R3,0,0.00,,,,,,0.00,0,1,2026-03-05,117,phone,,1,0,3.00,,,,no_purchase,,prospect,F 0 → no_purchase; no grade (prospect): M 0; stage prospect: F 0 with an interaction or opportunity
C07,Eta,R1,0,0.00,,,,,29,0.00,0,0,,,,,0,0,,,,,no_purchase,,lead,"F 0 → no_purchase; no grade (prospect): M 0; stage lead: F 0, no interaction or opportunity"
C08,Theta,R2,0,0.00,,,,,730,0.00,0,0,,,,,0,0,,,,,no_purchase,,prospect,F 0 → no_purchase; no grade (prospect): M 0; stage prospect: F 0 with an interaction or opportunity
C09,Iota,R3,2,1000.00,2024-09-01,2026-06-29,1,500.00,698,400.00,1,0,,,,,0,0,,5,2,1,general_develop,B,repeat,"R 5 ≥ mean 2.67, F 2 < mean 2.17, M 1 < mean 2.17 → general_develop; grade B: revenue ahead 88.00% ≥ 80%, < 95%; stage repeat: F 2 ≥ 2"
C10,'-Kappa,R9,0,0.00,,,,,,0.00,0,0,,,,,0,0,,,,,no_purchase,,lead,"F 0 → no_purchase; no grade (prospect): M 0; stage lead: F 0, no interaction or opportunity"

"""#)
        let actual = Exports.customersCSV(report: report, ledger: ledger)
        #expect(actual.starts(with: [0xEF, 0xBB, 0xBF]))
        // Decoding keeps the BOM as U+FEFF, so equal strings are equal bytes.
        #expect(show(actual) == show(expected))
    }

    @Test("reps.csv: rates with 4 decimals, a rep without quota has an empty attainment")
    func reps() {
        let expected = csv(#"""
rep_id,name,team,customers,new_customers,revenue_period,orders_period,aov_period,quota_attainment,revenue_change,active_customers,interactions_period,follow_up_coverage,overdue_follow_ups,complaints,open_complaints,median_resolution_hours,satisfaction,won,lost,win_rate,open_pipeline,median_cycle_days,rank
R1,Wang Fang,North,3,1,9400.00,8,1175.00,0.9400,,2,4,0.6667,0,2,1,60.00,3.50,1,1,0.5000,0.00,59.00,1
R2,Li Lei,North,3,2,1100.00,2,550.00,,,1,3,0.3333,1,0,0,,4.00,1,0,1.0000,7000.00,,2
R3,Zhao Min,South,3,0,700.00,2,350.00,0.1400,0.1667,1,3,0.0000,0,2,1,25.00,3.50,0,0,,0.00,,3

"""#)
        #expect(show(Exports.repsCSV(report: report, ledger: ledger)) == show(expected))
    }

    @Test("segments.csv: every code of the model, empty segments included, in code-point order")
    func segments() {
        // general_winback: C04 and C05; mean recency (149 + 302) / 2 = 225.50; revenue 2000 of 12500 = 0.1600.
        let expected = csv(#"""
segment,customers,share,revenue,revenue_share,mean_recency_days,mean_orders,mean_revenue,mean_r_score,mean_f_score,mean_m_score
general_develop,2,0.2000,1500.00,0.1200,3.00,1.50,750.00,4.50,1.50,1.00
general_keep,0,0.0000,0.00,0.0000,,,,,,
general_value,0,0.0000,0.00,0.0000,,,,,,
general_winback,2,0.2000,2000.00,0.1600,225.50,1.50,1000.00,1.00,1.50,1.00
important_develop,0,0.0000,0.00,0.0000,,,,,,
important_keep,0,0.0000,0.00,0.0000,,,,,,
important_value,1,0.1000,5000.00,0.4000,10.00,5.00,5000.00,3.00,5.00,5.00
important_winback,1,0.1000,4000.00,0.3200,20.00,2.00,4000.00,2.00,2.00,4.00
no_purchase,4,0.4000,0.00,0.0000,,0.00,0.00,,,

"""#)
        #expect(show(Exports.segmentsCSV(report: report, ledger: ledger)) == show(expected))
    }

    @Test("findings.csv keeps the audit's order and guards data cells")
    func findings() {
        let findings = [
            Finding(table: .customers, file: "customers.csv", line: 3, column: "phone", value: "=1+2",
                    rule: .badPhone, message: "联系电话 \"=1+2\" is not a phone number"),
            Finding(table: .orders, file: "orders.csv", line: 7, column: "amount", value: "-5",
                    rule: .outOfRange, message: "negative amount, on a completed order"),
        ]
        let quality = QualityReport(findings: findings, cleanCustomerRows: 1, customerRows: 2,
                                    completeness: [], duplicateGroups: [])
        let expected = csv("""
            table,line,column,value,rule,severity,message
            customers,3,phone,'=1+2,bad_phone,warning,"联系电话 ""=1+2"" is not a phone number"
            orders,7,amount,'-5,out_of_range,warning,"negative amount, on a completed order"

            """)
        #expect(show(Exports.findingsCSV(quality: quality)) == show(expected))
    }

    @Test("an empty table still has its BOM and header")
    func empty() {
        let quality = QualityReport(findings: [], cleanCustomerRows: 0, customerRows: 0,
                                    completeness: [], duplicateGroups: [])
        #expect(Exports.findingsCSV(quality: quality) == csv("table,line,column,value,rule,severity,message\n"))
        let none = AnalyticsReport.compute(ledger: Ledger(), settings: AnalysisSettings(
            asOf: HandLedger.asOf, today: HandLedger.today))
        #expect(Exports.repsCSV(report: none, ledger: Ledger()) == csv(Exports.repColumns.joined(separator: ",") + "\n"))
    }

    @Test("the guard touches data text only, never computed values",
          arguments: [("=A1", "'=A1"), ("+86 138", "'+86 138"), ("-x", "'-x"), ("@sum", "'@sum"),
                      ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=b", "a=b"), ("", "")])
    func guardCells(input: String, output: String) {
        #expect(CSVCell.text(input).content == output)
        #expect(CSVCell.value("-0.2500").content == "-0.2500")
    }

    @Test("money cells round half away from zero to cents, and days pad to YYYY-MM-DD",
          arguments: [(5_000, "0.01"), (4_999, "0.00"), (-5_000, "-0.01"), (-4_999, "0.00"),
                      (1_234_565_000, "1234.57"), (-120_000_000, "-120.00"), (0, "0.00")])
    func money(micros: Int64, expected: String) {
        var table = CSVTable(header: ["m", "d"])
        table.money(Money(micros: micros))
        table.day(Day(year: 987, month: 3, day: 4))
        table.endRow()
        #expect(show(table.bytes) == show(csv("m,d\n" + expected + ",0987-03-04\n")))
    }

    /// Ratio cells are written as bytes; they must read exactly as `Ratio.formatted` writes
    /// the same ratio, the definition the pages use.
    @Test("ratio cells are Ratio.formatted, for any sign, size and number of decimals")
    func ratios() {
        var random = SplitMix64(seed: 5)
        var cases: [(Int128, Int128)] = [(0, 1), (1, 3), (-1, 3), (2, 3), (-2, 3), (1, 2), (-1, 2), (-1, 200_000),
                                         (Int128(Int64.max), 1), (Int128(Int64.max) * 1000, 7)]
        for _ in 0..<2000 {
            let numerator = Int128(Int64(bitPattern: random.next()) >> Int(random.next() % 60))
            cases.append((numerator, Int128(random.next() % 1_000_000 + 1)))
        }
        for (numerator, denominator) in cases {
            for decimals in 0...6 {
                let ratio = Ratio(numerator, denominator)!
                var table = CSVTable(rowsReserving: 64)
                table.ratio(ratio, decimals: decimals)
                #expect(String(decoding: table.bytes, as: UTF8.self) == ratio.formatted(decimals: decimals),
                        "\(numerator)/\(denominator) to \(decimals)")
            }
        }
    }

    @Test("days of every year width pad as before", arguments: [1, 99, 999, 1000, 2026, 9999])
    func days(year: Int) {
        var table = CSVTable(rowsReserving: 64)
        table.day(Day(year: year, month: 12, day: 31))
        let digits = String(year)
        #expect(String(decoding: table.bytes, as: UTF8.self) == String(repeating: "0", count: 4 - digits.count) + digits + "-12-31")
    }

    /// Days computed past the years a date can be read in (0000, -0001, 10000): the year padded
    /// to four digits within 0…9999, else as `String(year)` writes it.
    @Test("days outside years 1…9999 write their year in full")
    func farDays() {
        let first = Day(year: 1, month: 1, day: 1)!.raw, last = Day(year: 9999, month: 12, day: 31)!.raw
        for raw in [first - 1, first - 400, first - 4000, last + 1, last + 400] {
            let day = Day(raw: raw), c = day.components
            var table = CSVTable(rowsReserving: 64)
            table.day(day)
            let digits = String(c.year)
            let year = (0...9999).contains(c.year) ? String(repeating: "0", count: 4 - digits.count) + digits : digits
            let month = c.month < 10 ? "0\(c.month)" : "\(c.month)", dayOfMonth = c.day < 10 ? "0\(c.day)" : "\(c.day)"
            #expect(String(decoding: table.bytes, as: UTF8.self) == year + "-" + month + "-" + dayOfMonth, "\(c)")
        }
    }
}
