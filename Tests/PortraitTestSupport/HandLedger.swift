import LedgerModel

/// A ten-customer, three-rep ledger whose every figure is worked out by hand in
/// `Tests/AnalyticsTests/HandLedgerTests.swift`; shared by the analytics and export tests.
///
/// T = 2026-06-30, today = 2026-07-15, P = 2025-07-01...2026-06-30, P′ = 2024-07-01...2025-06-30,
/// follow-up window 2026-06-01...2026-06-30.
package enum HandLedger {
    package static let asOf = day("2026-06-30")
    package static let today = day("2026-07-15")

    /// `YYYY-MM-DD` to a `Day`; an invalid text (a typo in a test) gives day 0.
    package static func day(_ text: String) -> Day { Day(iso: text) ?? Day(raw: 0) }

    /// A date and time `YYYY-MM-DD`, `HH:MM`.
    package static func at(_ text: String, _ hour: Int32 = -1, _ minute: Int32 = 0) -> LocalDateTime {
        hour < 0 ? LocalDateTime(day: day(text))
            : LocalDateTime(day: day(text), secondOfDay: hour * 3600 + minute * 60, hasTime: true)
    }

    package static func build() -> Ledger {
        var ledger = Ledger()
        ledger.reps = [
            Rep(id: "R1", name: "Wang Fang", team: "North", quota: Money(units: 10_000), line: 2),
            Rep(id: "R2", name: "Li Lei", team: "North", line: 3),
            Rep(id: "R3", name: "Zhao Min", team: "South", quota: Money(units: 5000), line: 4),
        ]
        for (i, rep) in ledger.reps.enumerated() { ledger.repIndex[rep.id] = Int32(i) }

        func customer(_ id: String, _ name: String, owner: Int32?, ownerID: String? = nil,
                      created: String? = nil, grade: String? = nil) -> Customer {
            var c = Customer(id: id, name: name, line: Int32(ledger.customers.count + 2))
            if let owner {
                c.owner = .rep(owner)
                c.ownerID = ledger.reps[Int(owner)].id
            } else if let ownerID {
                c.owner = .orphan
                c.ownerID = ownerID
            }
            c.createdAt = created.map(day)
            c.grade = grade
            return c
        }
        ledger.customers = [
            customer("C01", "Alpha", owner: 0, created: "2024-01-01", grade: "A"),
            customer("C02", "Beta", owner: 0, created: "2025-06-15", grade: "B"),
            customer("C03", "=Gamma", owner: 1, created: "2026-06-20"),
            customer("C04", "Delta, Inc", owner: 1, created: "2025-07-01"),
            // created_at after T (but not after today): treated as missing.
            customer("C05", "Epsilon", owner: 2, created: "2026-07-10"),
            customer("C06", "Zeta \"Z\"", owner: 2),
            customer("C07", "Eta", owner: 0, created: "2026-06-01", grade: "D"),
            customer("C08", "Theta", owner: 1, created: "2024-06-30"),
            customer("C09", "Iota", owner: 2, created: "2024-08-01", grade: "c"),
            customer("C10", "-Kappa", owner: nil, ownerID: "R9", grade: "VIP"),
        ]
        for (i, c) in ledger.customers.enumerated() { ledger.customerIndex[c.id] = Int32(i) }

        let tea = ledger.strings.intern("Tea")
        let coffee = ledger.strings.intern("Coffee")
        func order(_ id: String, _ customer: Int32, _ lines: [(String, Int64, Int32)],
                   owner: OwnerRef = .none, status: OrderStatus = .completed) {
            let start = Int32(ledger.orderLines.count)
            var amount = Money.zero
            for (date, units, category) in lines {
                ledger.orderLines.append(OrderLine(date: day(date), amount: Money(units: units),
                                                   category: category))
                amount += Money(units: units)
            }
            ledger.orders.append(Order(
                id: id, customer: customer, owner: owner, date: day(lines[0].0), amount: amount,
                status: status, lines: start..<Int32(ledger.orderLines.count),
                line: Int32(ledger.orders.count + 2)))
        }
        order("O01a", 0, [("2025-08-01", 600, tea), ("2025-08-01", 400, coffee)])
        order("O01b", 0, [("2025-10-01", 1000, tea)])
        order("O01c", 0, [("2026-01-15", 1000, tea)])
        order("O01d", 0, [("2026-04-01", 1000, coffee)])
        order("O01e", 0, [("2026-06-20", 1000, coffee)])
        order("O02a", 1, [("2026-05-01", 1000, tea), ("2026-05-01", 2000, coffee)])
        order("O02b", 1, [("2026-06-10", 1000, tea)])
        // Second line dated after T: left out, counted in rows_after_as_of.
        order("O03", 2, [("2026-06-25", 500, tea), ("2026-07-03", 200, coffee)])
        order("O04a", 3, [("2025-12-01", 600, -1)])
        // Credited to R3 although C04 belongs to R2.
        order("O04b", 3, [("2026-02-01", 400, -1)], owner: .rep(2))
        // Orphan owner: counts for C05, credited to no rep.
        order("O05", 4, [("2025-09-01", 1000, -1)], owner: .orphan)
        order("O06", 5, [("2026-03-01", 800, tea)], status: .refunded)
        order("O06b", 5, [("2026-03-02", 0, tea)])
        order("O09a", 8, [("2024-09-01", 600, -1)])
        order("O09b", 8, [("2026-06-29", 400, -1)], owner: .rep(0))
        // Orphan customer_id: credited to R3, in summary revenue, for no customer.
        order("OX", -1, [("2026-01-10", 300, -1)], owner: .rep(2))
        order("OY", 1, [("2026-06-15", 500, tea)], status: .cancelled)
        order("OZ", 6, [("2026-06-01", 900, tea)], status: .unknown)
        // Dated after T.
        order("OA", 0, [("2026-07-05", 999, tea)])

        func interaction(_ customer: Int32, _ owner: OwnerRef = .none, _ date: LocalDateTime,
                         _ channel: Channel?, _ kind: InteractionKind?, sat: Int8 = 0,
                         resolved: LocalDateTime? = nil) {
            ledger.interactions.append(Interaction(
                customer: customer, owner: owner, date: date, channel: channel, kind: kind,
                satisfaction: sat, resolvedAt: resolved, line: Int32(ledger.interactions.count + 2)))
        }
        interaction(0, .none, at("2026-06-15", 10), .wechat, .followUp, sat: 5)       // I1
        interaction(0, .rep(1), at("2026-06-20"), .phone, .consultation, sat: 4)       // I2
        interaction(0, .none, at("2026-03-01"), .wechat, .feedback)                    // I3
        interaction(1, .none, at("2026-06-05", 9, 30), .phone, .complaint, sat: 2)     // I4
        interaction(1, .none, at("2026-04-10"), .email, .complaint,
                    resolved: at("2026-04-12", 12))                                    // I5
        interaction(5, .none, at("2026-03-05", 9), .phone, .complaint, sat: 3,
                    resolved: at("2026-03-06", 10))                                    // I6
        interaction(2, .none, at("2026-06-25"), .visit, .followUp)                     // I7
        interaction(9, .none, at("2026-07-02"), .phone, .followUp)                     // I8
        interaction(4, .rep(2), at("2025-10-01"), .email, .complaint,
                    resolved: at("2026-07-05"))                                        // I9
        interaction(-1, .rep(2), at("2026-06-10"), .phone, .service, sat: 4)           // I10
        interaction(3, .none, at("2026-04-15"), .email, .followUp)                     // I11

        func opportunity(_ id: String, _ customer: Int32, _ owner: OwnerRef,
                         _ stage: OpportunityStage?, _ amount: Int64?, _ created: String?,
                         _ closed: String?) {
            ledger.opportunities.append(Opportunity(
                id: id, customer: customer, owner: owner, stage: stage,
                amount: amount.map { Money(units: $0) }, createdAt: created.map(day),
                closedAt: closed.map(day), line: Int32(ledger.opportunities.count + 2)))
        }
        opportunity("OP1", 7, .none, .proposal, 7000, "2026-05-01", nil)
        opportunity("OP2", 0, .rep(0), .won, 5000, "2026-01-01", "2026-03-01")
        opportunity("OP3", 1, .none, .lost, nil, "2025-05-01", "2025-08-01")
        opportunity("OP4", 2, .rep(1), .won, nil, nil, "2026-02-01")
        opportunity("OP5", 4, .rep(2), .qualified, nil, "2026-07-01", nil)
        opportunity("OP6", 8, .rep(2), .won, 100, "2024-01-01", "2025-05-01")
        opportunity("OP7", 3, .orphan, .lead, 100, "2026-01-01", nil)

        ledger.latestActivity = day("2026-07-05")
        return ledger
    }
}
