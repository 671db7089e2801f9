import Analytics
import LedgerModel
@testable import SiteRenderer

/// Random ledgers built to reach every branch of a portrait page: hostile and empty text,
/// characters that join (combining marks, emoji, CR LF), long histories (more than 20 orders,
/// 15 interactions, 6 categories, 3 products), rows after T, missing values, odd phone numbers
/// and e-mail addresses, orphan owners, every status, kind, channel and stage. Deterministic for
/// a seed.
struct VariedLedger {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(max(bound, 1)))
    }

    mutating func chance(_ percent: Int) -> Bool { next(100) < percent }

    mutating func pick<T>(_ values: [T]) -> T { values[next(values.count)] }

    static let texts = [
        "上海安光精密制造股份有限公司", "<script>alert(1)</script>", "Quote \" and ' and & co", "e\u{301}cole", "👨‍👩‍👧 family",
        "a\r\nb", "\ttab", "", " ", "Ä", "ＡＢＣ全角", "x", "北", "🇨🇳🇺🇸", "\u{301}starts with a mark", "한국어 이름", "مرحبا",
        "line\nbreak", "{0} braces {1}", "<b>bold</b>", "&amp;", "长" + String(repeating: "很长的名字", count: 30),
    ]
    static let phones = [
        "13812345678", "+86 138 1234 5678", "8613812345678", "0571-88886666", "010-12345678", " 12345 ", "abc", "１３８１２３４５６７８",
        "+1 (555) 010-9999", "12345678901234567890123456789012345", "0-1", "00000000", "\t+86 13912345678\t", "",
    ]
    static let emails = ["zhang.wei@example.com", "@example.com", "no-at-sign", "", "\r\n@x.y", "é@x.y", "a@b", "<x>@evil.test"]

    mutating func text() -> String { pick(Self.texts) }

    mutating func optionalText() -> String? { chance(20) ? nil : text() }

    mutating func summary() -> String {
        switch next(5) {
        case 0: return ""
        case 1: return String(repeating: "客户反馈报表导出速度慢，", count: 1 + next(30))
        case 2: return String(repeating: "e\u{301}", count: 150 + next(30))
        case 3: return String(repeating: "ab", count: 70 + next(30)) + "\r\n" + text()
        default: return text()
        }
    }

    /// A ledger of `customers` customers and a few reps; `asOf` is the T the content is built at.
    mutating func ledger(customers count: Int, asOf: Day, tables: Bool = true) -> Ledger {
        var ledger = Ledger()
        if tables {
            for r in 0..<4 {
                let rep = Rep(id: ["S01", "s01", "S/02", "S03"][r], name: pick(["王芳", "Li <b>Lei</b>", "", "赵强"]),
                              team: chance(50) ? "华东" : nil, quota: chance(50) ? Money(units: 100_000) : nil, line: Int32(r + 2))
                ledger.reps.append(rep)
                ledger.repIndex[rep.id] = Int32(r)
            }
        }
        var categories = (0..<9).map { ledger.strings.intern("品类\($0)" + (self.chance(20) ? "<&>" : "")) }
        categories.append(-1)
        categories.append(999)
        let products = (0..<6).map { ledger.strings.intern(["ERP标准版", "咨询<服务>", "e\u{301}", "", "Ä", "产品\($0)"][$0]) }
        for i in 0..<count {
            var c = Customer(id: chance(10) ? text() + "\(i)" : "C\(1000 + i)", name: chance(5) ? "" : text(), line: Int32(i + 2))
            c.type = chance(20) ? nil : pick(CustomerType.allCases)
            c.industry = optionalText()
            c.region = optionalText()
            c.city = optionalText()
            c.address = optionalText()
            c.contactName = optionalText()
            c.phone = chance(20) ? nil : pick(Self.phones)
            c.email = chance(20) ? nil : pick(Self.emails)
            c.gender = chance(50) ? nil : pick(Gender.allCases)
            c.birthDate = chance(50) ? nil : asOf - (7000 + next(9000))
            c.source = optionalText()
            if tables && chance(80) {
                let rep = next(5)
                c.owner = rep < 4 ? .rep(Int32(rep)) : .orphan
                c.ownerID = rep < 4 ? ledger.reps[rep].id : "GONE"
            } else {
                c.ownerID = chance(50) ? nil : text()
            }
            c.grade = chance(50) ? nil : pick(["VIP", "B", "", "<C>"])
            c.tags = (0..<next(4)).map { _ in text() }
            c.createdAt = chance(20) ? nil : asOf - next(1200)
            if chance(70) { c.updatedAt = asOf - next(300) } else { c.updatedAtCell = optionalText() }
            c.extra = [optionalText(), chance(50) ? nil : "备注<\(i)>"]
            c.file = Int16(next(2))
            ledger.customers.append(c)
            ledger.customerIndex[c.id] = Int32(i)

            let orders = pick([0, 0, 1, 3, 6, 19, 20, 21, 35])
            for k in 0..<orders {
                let date = asOf - (next(800) - 20)
                let first = Int32(ledger.orderLines.count)
                for _ in 0..<(1 + next(chance(10) ? 8 : 2)) {
                    let micros = pick([Int64(0), -5_000_000, 1_234_560_000, 99_999_999_999_999, Int64(next(10_000_000)) * 10_000 + 5_000])
                    ledger.orderLines.append(OrderLine(date: date, amount: Money(micros: micros), category: pick(categories),
                                                       product: chance(30) ? -1 : pick(products)))
                }
                let last = Int32(ledger.orderLines.count)
                let total = ledger.orderLines[Int(first)..<Int(last)].reduce(Money.zero) { $0 + $1.amount }
                ledger.orders.append(Order(id: chance(10) ? text() : "SO\(i)-\(k)", customer: Int32(i), owner: .none, date: date,
                                           amount: total, status: chance(80) ? .completed : pick(OrderStatus.allCases),
                                           lines: first..<last, line: Int32(ledger.orders.count + 2)))
            }
            guard tables else { continue }
            let interactions = pick([0, 1, 2, 8, 15, 16, 25])
            for _ in 0..<interactions {
                let day = asOf - (next(700) - 10)
                let kind: InteractionKind? = chance(10) ? nil : pick(InteractionKind.allCases)
                let resolved: LocalDateTime? = chance(50) ? nil : LocalDateTime(day: day + next(30), secondOfDay: Int32(next(86_400)), hasTime: chance(50))
                ledger.interactions.append(Interaction(
                    customer: Int32(i), owner: .none, date: LocalDateTime(day: day, secondOfDay: Int32(next(86_400)), hasTime: chance(80)),
                    channel: chance(10) ? nil : pick(Channel.allCases), kind: kind, satisfaction: Int8(next(6)),
                    resolvedAt: resolved, summary: ledger.texts.append(summary()), line: Int32(ledger.interactions.count + 2)))
            }
            for k in 0..<pick([0, 1, 3, 21]) {
                ledger.opportunities.append(Opportunity(
                    id: chance(10) ? text() : "OP\(i)-\(k)", customer: Int32(i), owner: .none,
                    stage: chance(20) ? nil : pick(OpportunityStage.allCases), amount: chance(30) ? nil : Money(units: Int64(next(100_000))),
                    createdAt: chance(20) ? nil : asOf - next(400), closedAt: chance(50) ? nil : asOf - next(100),
                    line: Int32(ledger.opportunities.count + 2)))
            }
        }
        ledger.customerExtraColumns = ["备注", "<th>"]
        ledger.sources[.customers] = TableSource(table: .customers, files: ["customers.csv", "more & <more>.csv"], rows: count, usedRows: count)
        ledger.sources[.orders] = TableSource(table: .orders, files: ["orders.csv"], rows: ledger.orders.count, usedRows: ledger.orders.count)
        if tables {
            ledger.sources[.interactions] = TableSource(table: .interactions, files: ["interactions.csv"], rows: 1, usedRows: 1)
            ledger.sources[.opportunities] = TableSource(table: .opportunities, files: ["opportunities.csv"], rows: 1, usedRows: 1)
            ledger.sources[.reps] = TableSource(table: .reps, files: ["reps.csv"], rows: 4, usedRows: 4)
        }
        ledger.latestActivity = asOf
        return ledger
    }
}
