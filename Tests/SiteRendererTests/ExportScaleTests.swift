import Analytics
import Foundation
import LedgerModel
import SiteRenderer
import Testing

/// The million-row export speed check; runs only with `PORTRAIT_SCALE_TEST=1`, in release.
@Suite("Export scale", .enabled(if: ProcessInfo.processInfo.environment["PORTRAIT_SCALE_TEST"] == "1"))
struct ExportScaleTests {
    @Test("customers.csv of 1M customers is written in seconds")
    func million() {
        let asOf = Day(iso: "2026-03-31") ?? Day(raw: 0)
        var ledger = Ledger()
        ledger.reps = (0..<100).map { Rep(id: "R\($0)", name: "销售\($0)", line: Int32($0 + 2)) }
        let tea = ledger.strings.intern("茶叶")
        for c in 0..<1_000_000 {
            var customer = Customer(id: "C\(1_000_000 + c)", name: "客户\(c)有限公司", line: Int32(c + 2))
            customer.owner = .rep(Int32(c % 100))
            customer.createdAt = asOf - (c % 1500)
            ledger.customers.append(customer)
            for k in 0..<(c % 4) {
                let day = asOf - ((c * 7 + k * 31) % 700)
                ledger.orderLines.append(OrderLine(date: day, amount: Money(micros: Int64(c % 997 + 1) * 1_234_567), category: tea))
                let line = Int32(ledger.orderLines.count - 1)
                ledger.orders.append(Order(id: "O\(c)-\(k)", customer: Int32(c), owner: .none, date: day,
                                           amount: ledger.orderLines[Int(line)].amount, status: .completed,
                                           lines: line..<line + 1, line: Int32(ledger.orders.count + 2)))
                ledger.interactions.append(Interaction(customer: Int32(c), owner: .none, date: LocalDateTime(day: day),
                                                       channel: .wechat, kind: .followUp, satisfaction: 4, line: 2))
            }
        }
        let clock = ContinuousClock()
        let start = clock.now
        let report = AnalyticsReport.compute(ledger: ledger, settings: AnalysisSettings(asOf: asOf, today: asOf))
        let computed = clock.now
        let bytes = Exports.customersCSV(report: report, ledger: ledger)
        let written = clock.now
        _ = Exports.repsCSV(report: report, ledger: ledger)
        _ = Exports.segmentsCSV(report: report, ledger: ledger)
        let rest = clock.now
        print("analytics \(computed - start), customers.csv \(written - computed) (\(bytes.count) bytes), reps+segments \(rest - written)")
        #expect(written - computed < .seconds(10))
    }
}
