import LedgerModel
import PortraitTestSupport

/// A deterministic pseudo-random ledger for property tests (SplitMix64, so a seed always gives
/// the same ledger on every platform).
struct RandomLedger {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    /// Uniform in `0..<bound`.
    mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }

    /// A ledger of `customers` customers around `asOf`, with every kind of row the metrics read.
    mutating func ledger(customers: Int, reps repCount: Int, asOf: Day) -> Ledger {
        var ledger = Ledger()
        let teams: [String?] = ["East", "West", nil]
        for r in 0..<repCount {
            ledger.reps.append(Rep(id: "R\(r)", name: "Rep \(r)", team: teams[int(3)],
                                   quota: chance(70) ? Money(units: Int64(int(50_000))) : nil,
                                   line: Int32(r + 2)))
        }
        func owner() -> OwnerRef {
            let roll = int(10)
            if roll < 5 || repCount == 0 { return .none }
            if roll < 9 { return .rep(Int32(int(repCount))) }
            return .orphan
        }
        func date(back days: Int, ahead: Int = 10) -> Day { asOf - int(days) + int(ahead + 1) }
        for c in 0..<customers {
            var customer = Customer(id: "C\(int(1000))-\(c)", name: "Name \(c)", line: Int32(c + 2))
            customer.owner = repCount > 0 && chance(85) ? .rep(Int32(int(repCount))) : (chance(50) ? .orphan : .none)
            customer.createdAt = chance(80) ? asOf - int(900) + 30 : nil
            customer.grade = ["A", "B", "C", "VIP", nil][int(5)]
            ledger.customers.append(customer)
        }
        let categories = ["Tea", "Coffee", "Cocoa", "茶"].map { ledger.strings.intern($0) }
        let statuses: [OrderStatus] = [.completed, .completed, .completed, .completed, .refunded, .cancelled, .unknown]
        for o in 0..<(customers * 4) {
            let customer: Int32 = chance(3) ? -1 : Int32(int(max(customers, 1)))
            if customers == 0 && customer >= 0 { continue }
            let start = Int32(ledger.orderLines.count)
            let day = asOf - int(800) + 20
            var amount = Money.zero
            for _ in 0...int(3) {
                let micros = Int64(int(5_000_000_000)) - (chance(5) ? 1_000_000_000 : 0)
                let lineDay = chance(90) ? day : day + int(5)
                ledger.orderLines.append(OrderLine(date: lineDay, amount: Money(micros: micros),
                                                   category: chance(80) ? categories[int(4)] : -1))
                amount += Money(micros: micros)
            }
            ledger.orders.append(Order(id: "O\(o)", customer: customer, owner: owner(), date: day,
                                       amount: amount, status: statuses[int(statuses.count)],
                                       lines: start..<Int32(ledger.orderLines.count), line: Int32(o + 2)))
        }
        for i in 0..<(customers * 3) {
            let customer: Int32 = chance(3) || customers == 0 ? -1 : Int32(int(customers))
            let at = LocalDateTime(day: date(back: 500), secondOfDay: Int32(int(86_400)), hasTime: true)
            let kind = InteractionKind.allCases[int(InteractionKind.allCases.count)]
            let resolved: LocalDateTime? = chance(60)
                ? LocalDateTime(day: at.day + int(20), secondOfDay: Int32(int(86_400)), hasTime: true) : nil
            ledger.interactions.append(Interaction(
                customer: customer, owner: owner(), date: at,
                channel: chance(90) ? Channel.allCases[int(Channel.allCases.count)] : nil,
                kind: kind, satisfaction: Int8(int(6)), resolvedAt: resolved, line: Int32(i + 2)))
        }
        for p in 0..<customers {
            let customer: Int32 = chance(3) ? -1 : Int32(int(max(customers, 1)))
            let created: Day? = chance(85) ? date(back: 700) : nil
            let stage: OpportunityStage? = chance(90) ? OpportunityStage.allCases[int(6)] : nil
            let closed: Day? = chance(80) ? (created ?? asOf - 100) + int(200) : nil
            ledger.opportunities.append(Opportunity(
                id: "P\(p)", customer: customer, owner: owner(), stage: stage,
                amount: chance(80) ? Money(units: Int64(int(10_000))) : nil,
                createdAt: created, closedAt: closed.map { min($0, asOf + 10) }, line: Int32(p + 2)))
        }
        for (i, c) in ledger.customers.enumerated() { ledger.customerIndex[c.id] = Int32(i) }
        return ledger
    }
}
