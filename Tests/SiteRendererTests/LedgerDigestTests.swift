import Analytics
import Foundation
import LedgerModel
import Testing
@testable import SiteRenderer

/// The digest's revenue order and tallies against the plain definitions: a `String` sort of the
/// ids and `[String: …]` dictionaries, which is how the digest computed them before it sorted
/// integers and counted by bytes.
struct LedgerDigestTests {
    /// Customers out of id order, repeated ids, revenue ties and labels equal as `String`s in
    /// different bytes (precomposed and decomposed "é", full-width and combining forms).
    static func ledger(seed: UInt64, customers: Int) -> (Ledger, AnalyticsReport) {
        var random = VariedLedger(seed: seed)
        var ledger = random.ledger(customers: customers, asOf: SiteFixture.asOf)
        let labels = ["\u{E9}cole", "e\u{301}cole", "制造业", "制造业", "", "Ä", "A\u{308}", "零售"]
        for i in ledger.customers.indices {
            if random.chance(60) { ledger.customers[i].industry = random.pick(labels) }
            if random.chance(60) { ledger.customers[i].region = random.pick(labels) }
            if random.chance(30) { ledger.customers[i].tags.append(random.pick(labels)) }
            if random.chance(15) { ledger.customers[i].id = random.pick(["C1", "c1", "C10", "e\u{301}", "\u{E9}", "Z"]) }
        }
        let content = SiteFixture.content(ledger: ledger)
        return (content.ledger, content.report)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func theDigestMatchesThePlainDefinitions(seed: UInt64) {
        let (ledger, report) = Self.ledger(seed: seed, customers: 300)
        let digest = LedgerDigest(ledger: ledger, report: report)
        let figures = report.customers

        let byRevenue = (0..<Int32(ledger.customers.count)).sorted { a, b in
            let ra = figures[Int(a)].revenue, rb = figures[Int(b)].revenue
            if ra != rb { return ra > rb }
            if SitePaths.codePointOrder(ledger.customers[Int(a)].id, ledger.customers[Int(b)].id) { return true }
            if SitePaths.codePointOrder(ledger.customers[Int(b)].id, ledger.customers[Int(a)].id) { return false }
            return a < b
        }
        #expect(digest.byRevenue == byRevenue)

        func tallies(_ values: (Customer) -> [String?]) -> [(String, Int, Money)] {
            var table: [String: LedgerDigest.Tally] = [:]
            for (i, c) in ledger.customers.enumerated() {
                for case let value? in values(c) where !value.isEmpty {
                    table[value, default: LedgerDigest.Tally(label: value)].customers += 1
                    table[value]!.revenue += figures[i].revenue
                }
            }
            return table.values.map { ($0.label, $0.customers, $0.revenue) }
                .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.1 != $1.1 ? $0.1 > $1.1 : SitePaths.codePointOrder($0.0, $1.0) }
        }
        func flat(_ t: [LedgerDigest.Tally]) -> [String] { t.map { "\(Array($0.label.utf8)) \($0.customers) \($0.revenue.micros)" } }
        func flat(_ t: [(String, Int, Money)]) -> [String] { t.map { "\(Array($0.0.utf8)) \($0.1) \($0.2.micros)" } }
        #expect(flat(digest.industries) == flat(tallies { [$0.industry] }))
        #expect(flat(digest.regions) == flat(tallies { [$0.region] }))
        #expect(flat(digest.sources) == flat(tallies { [$0.source] }))
        #expect(flat(digest.tags) == flat(tallies { $0.tags }))
        // The labels were merged: "école" in two byte forms is one tally, labelled as first met.
        #expect(digest.industries.filter { $0.label == "\u{E9}cole" }.count <= 1)

        var segments: [Segment: (customers: Int, revenue: Money, industries: [String: Int], regions: [String: Int], members: [Int32])] = [:]
        for (i, c) in ledger.customers.enumerated() {
            let f = figures[i]
            var p = segments[f.segment] ?? (0, .zero, [:], [:], [])
            p.customers += 1
            p.revenue += f.revenue
            if let v = c.industry, !v.isEmpty { p.industries[v, default: 0] += 1 }
            if let v = c.region, !v.isEmpty { p.regions[v, default: 0] += 1 }
            segments[f.segment] = p
        }
        for index in byRevenue { segments[figures[Int(index)].segment]!.members.append(index) }
        #expect(Set(digest.segments.keys) == Set(segments.keys))
        func keyed(_ d: [String: Int]) -> [String: Int] {
            // Keys as their bytes: which of two equal labels names the entry matters on the page.
            Dictionary(uniqueKeysWithValues: d.map { ("\(Array($0.key.utf8))", $0.value) })
        }
        for (segment, expected) in segments {
            let p = digest.segments[segment]!
            #expect(p.customers == expected.customers)
            #expect(p.revenue == expected.revenue)
            #expect(keyed(p.industries) == keyed(expected.industries), "\(segment)")
            #expect(keyed(p.regions) == keyed(expected.regions), "\(segment)")
            #expect(p.members == expected.members, "\(segment)")
        }
    }

    /// Hundreds of labels of 1 to 40 bytes (the table grows several times), met again in random
    /// order, some equal as `String`s in other bytes: the same tallies as a `[String: …]` count,
    /// each labelled as first met, and the same slot each time a value's bytes come back; also
    /// when every value has the same hash, so that only the byte comparison tells them apart.
    @Test(arguments: [~UInt64(0), 0])
    func labelSlotsCountAsADictionaryWould(hashMask: UInt64) {
        var random = VariedLedger(seed: 42)
        var labels: [String] = []
        for n in 0..<400 {
            let stem = String(repeating: ["a", "é", "制", "Z"][n % 4], count: 1 + n % 13)
            labels.append(stem + String(n, radix: 7))
        }
        labels += ["\u{E9}cole", "e\u{301}cole", "A\u{308}", "Ä", "a", "aa", "aaaaaaaa", "aaaaaaaaa"]
        // With the mask 0 every label has one hash: only the bytes tell them apart.
        var slots = LabelSlots(hashMask: hashMask)
        var expected: [String: (label: String, customers: Int, micros: Int64)] = [:]
        var slotOf: [[UInt8]: Int32] = [:]
        for draw in 0..<5_000 {
            let label = random.pick(labels)
            let amount = Money(micros: Int64(draw % 97) * 1_000)
            let slot = slots.count(label, amount)
            #expect(slot == slotOf[Array(label.utf8), default: slot])
            slotOf[Array(label.utf8)] = slot
            expected[label, default: (label, 0, 0)].customers += 1
            expected[label]!.micros += amount.micros
        }
        #expect(slots.count(nil, .zero) == -1 && slots.count("", .zero) == -1)
        let tallies = slots.tallies()
        #expect(tallies.count == expected.count)
        for tally in tallies {
            let plain = expected[tally.label]
            #expect(plain.map { Array($0.label.utf8) } == Array(tally.label.utf8))
            #expect(plain?.customers == tally.customers && plain?.micros == tally.revenue.micros)
        }
    }

    /// Ids that ascend with the rows take the shortcut (ledger order is id order); the result is
    /// the same as sorting them, and repeated ids keep ledger order.
    @Test func ascendingIdsGiveTheSameOrderAsSortedOnes() {
        var (ledger, report) = Self.ledger(seed: 9, customers: 200)
        let expected = (0..<Int32(ledger.customers.count)).sorted { a, b in
            let ra = report.customers[Int(a)].revenue, rb = report.customers[Int(b)].revenue
            if ra != rb { return ra > rb }
            return a < b
        }
        for i in ledger.customers.indices { ledger.customers[i].id = String(format: "C%05d", i / 3) }
        let order = LedgerDigest.revenueOrder(ledger.customers, report.customers, idsAscending: false)
        #expect(order == expected)
        for i in ledger.customers.indices { ledger.customers[i].id = String(format: "C%05d", i) }
        for shortcut in [true, false] {
            #expect(LedgerDigest.revenueOrder(ledger.customers, report.customers, idsAscending: shortcut) == expected)
        }
    }
}
