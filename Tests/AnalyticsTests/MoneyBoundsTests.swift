import Analytics
import LedgerModel
import PortraitTestSupport
import Testing

@Suite("MoneyBounds")
struct MoneyBoundsUnitTests {
    static let limit = Int64.max

    static func ledger(orders amounts: [Int64], lines: [Int64] = []) -> Ledger {
        var ledger = Ledger()
        for (index, micros) in amounts.enumerated() {
            ledger.orders.append(Order(id: "O\(index)", customer: 0, owner: .none, date: HandLedger.day("2026-01-01"),
                                       amount: Money(micros: micros), status: .completed, lines: 0..<0, line: Int32(index + 2)))
        }
        if !lines.isEmpty {
            let start = Int32(ledger.orderLines.count)
            for micros in lines { ledger.orderLines.append(OrderLine(date: HandLedger.day("2026-01-01"), amount: Money(micros: micros))) }
            ledger.orders.append(Order(id: "OL", customer: 0, owner: .none, date: HandLedger.day("2026-01-01"),
                                       amount: Money(micros: lines.reduce(0, &+)), status: .completed,
                                       lines: start..<Int32(ledger.orderLines.count), line: 99))
        }
        return ledger
    }

    @Test("a total of exactly Int64.max micros fits; one micro more does not")
    func edge() {
        #expect(MoneyBounds.check(Self.ledger(orders: [Self.limit - 5, 5])) == nil)
        let excess = MoneyBounds.check(Self.ledger(orders: [Self.limit - 5, 6]))
        #expect(excess?.table == .orders)
        #expect(excess?.line == 2)
        #expect(excess?.largest == Money(micros: Self.limit - 5))
    }

    @Test("lines count one by one, whatever their sum: a subset of them is what analytics adds")
    func linesCountSeparately() {
        // The lines sum to 1 micro, but the first two alone overflow if added up to T.
        let excess = MoneyBounds.check(Self.ledger(orders: [], lines: [Self.limit, 1, -Self.limit]))
        #expect(excess?.line == 99)
    }

    @Test("the hand ledger is within bounds")
    func handLedger() {
        #expect(MoneyBounds.check(HandLedger.build()) == nil)
    }
}
