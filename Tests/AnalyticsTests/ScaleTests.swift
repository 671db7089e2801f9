import Analytics
import Foundation
import LedgerModel
import Testing

/// The million-customer speed check; runs only with `PORTRAIT_SCALE_TEST=1` (in release:
/// `PORTRAIT_SCALE_TEST=1 swift test -c release --filter ScaleTests`).
@Suite("Scale", .enabled(if: ProcessInfo.processInfo.environment["PORTRAIT_SCALE_TEST"] == "1"))
struct ScaleTests {
    @Test("1M customers, 5M orders, 10M interactions analyse in seconds")
    func million() {
        let asOf = Day(iso: "2026-03-31") ?? Day(raw: 0)
        let clock = ContinuousClock()
        var ledger = Ledger()
        var random = RandomLedger(seed: 42)
        let start = clock.now
        let customers = 1_000_000, reps = 200
        for r in 0..<reps {
            ledger.reps.append(Rep(id: "R\(r)", name: "Rep \(r)", team: "T\(r % 12)",
                                   quota: Money(units: 1_000_000), line: Int32(r + 2)))
        }
        ledger.customers.reserveCapacity(customers)
        for c in 0..<customers {
            var customer = Customer(id: "C\(1_000_000 + c)", name: "客户\(c)", line: Int32(c + 2))
            customer.owner = .rep(Int32(random.int(reps)))
            customer.createdAt = asOf - random.int(2000)
            ledger.customers.append(customer)
        }
        let categories = (0..<50).map { ledger.strings.intern("品类\($0)") }
        ledger.orders.reserveCapacity(5_000_000)
        ledger.orderLines.reserveCapacity(6_000_000)
        for o in 0..<5_000_000 {
            let day = asOf - random.int(1500)
            let first = Int32(ledger.orderLines.count)
            let lines = random.chance(20) ? 2 : 1
            var amount = Money.zero
            for _ in 0..<lines {
                let line = Money(micros: Int64(random.int(100_000_000_000)))
                ledger.orderLines.append(OrderLine(date: day, amount: line, category: categories[random.int(50)]))
                amount += line
            }
            ledger.orders.append(Order(id: "O\(o)", customer: Int32(random.int(customers)),
                                       owner: random.chance(10) ? .rep(Int32(random.int(reps))) : .none,
                                       date: day, amount: amount, status: random.chance(95) ? .completed : .refunded,
                                       lines: first..<Int32(ledger.orderLines.count), line: Int32(o + 2)))
        }
        ledger.interactions.reserveCapacity(10_000_000)
        for i in 0..<10_000_000 {
            let day = asOf - random.int(1000)
            ledger.interactions.append(Interaction(
                customer: Int32(random.int(customers)), owner: .none,
                date: LocalDateTime(day: day, secondOfDay: Int32(random.int(86_400)), hasTime: true),
                channel: Channel.allCases[random.int(8)], kind: InteractionKind.allCases[random.int(7)],
                satisfaction: Int8(random.int(6)),
                resolvedAt: LocalDateTime(day: day + random.int(10)), line: Int32(i + 2)))
        }
        for p in 0..<500_000 {
            let created = asOf - random.int(800)
            ledger.opportunities.append(Opportunity(
                id: "P\(p)", customer: Int32(random.int(customers)), owner: .none,
                stage: OpportunityStage.allCases[random.int(6)], amount: Money(units: 1000),
                createdAt: created, closedAt: created + random.int(90), line: Int32(p + 2)))
        }
        let built = clock.now
        let report = AnalyticsReport.compute(ledger: ledger, settings: AnalysisSettings(asOf: asOf, today: asOf))
        let computed = clock.now
        let index = CustomerRowIndex(ledger: ledger, asOf: asOf)
        let indexed = clock.now
        print("generate \(built - start), analytics \(computed - built), row index \(indexed - computed)")
        print("CustomerFigures stride \(MemoryLayout<CustomerFigures>.stride) bytes")
        #expect(report.customers.count == customers)
        #expect(index.orders(of: 0).count >= 0)
        #expect(computed - built < .seconds(10))
    }
}
