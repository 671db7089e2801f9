import LedgerModel
@testable import SiteRenderer
import Testing

/// A customer's rows digested in one pass over a table (a build with most portraits) or from
/// their indices (few portraits) give the same digest, so a portrait's fingerprint does not
/// depend on how many portraits the build has.
@Suite struct PortraitRowDigestsTests {
    /// A varied ledger with rows belonging to no customer (-1) and past the last customer, which
    /// neither way may count.
    static var ledger: Ledger {
        var random = VariedLedger(seed: 34)
        var ledger = random.ledger(customers: 120, asOf: SiteFixture.asOf)
        ledger.orders[0].customer = -1
        ledger.interactions[1].customer = -1
        ledger.interactions[2].customer = Int32(ledger.customers.count)
        ledger.opportunities[0].customer = -1
        return ledger
    }

    @Test func aPassOverATableGivesEachCustomerTheDigestOfItsOwnRows() throws {
        let content = SiteFixture.content(ledger: Self.ledger)
        let site = try SiteBuild(content: content, templates: TemplateLibrary(directory: nil))
        let groups = [site.rows.ordersByCustomer, site.rows.interactionsByCustomer, site.rows.opportunitiesByCustomer]
        var h = FingerprintBuilder()
        for table in PortraitRowDigests.Table.allCases {
            let all = site.portraitRows.all(table)
            #expect(all.count == site.customers.count)
            var withRows = 0
            for index in site.customers.indices {
                let rows = groups[table.rawValue][index]
                #expect(all[index] == site.portraitRows.digest(table, rows: rows, using: &h), "\(table) of customer \(index)")
                if rows.isEmpty { #expect(all[index] == PortraitRowDigests.start) } else { withRows += 1 }
            }
            #expect(withRows > 20, "\(table): most customers have rows")
            #expect(Set(all).count > withRows / 2, "\(table): customers with rows differ")
        }
    }

    @Test func aPortraitsFingerprintIsTheSameWithOrWithoutTheTables() throws {
        let ledger = Self.ledger
        let all = try SiteBuild(content: SiteFixture.content(portraits: .all, ledger: ledger), templates: TemplateLibrary(directory: nil))
        let few = try SiteBuild(content: SiteFixture.content(portraits: .top(5), ledger: ledger), templates: TemplateLibrary(directory: nil))
        #expect(all.rowDigests != nil, "most customers have a portrait: one pass per table")
        #expect(few.rowDigests == nil, "5 of 120: each portrait digests its own rows")
        let tables = try #require(all.rowDigestTables())
        var h = FingerprintBuilder()
        var fingerprints: Set<Fingerprint> = []
        for index in ledger.customers.indices {
            let fromTables = all.portraitFingerprint(index, digests: tables, using: &h)
            #expect(fromTables == all.portraitFingerprint(index, digests: nil, using: &h), "customer \(index)")
            #expect(few.portraitFingerprint(index, digests: nil, using: &h)
                    == few.portraitFingerprint(index, digests: PortraitRowDigests.Table.allCases.map { few.portraitRows.all($0) }, using: &h))
            fingerprints.insert(fromTables)
        }
        #expect(fingerprints.count == ledger.customers.count)
    }

    /// A portrait lists rows of the same date in ledger order: two rows trading places is a
    /// change of the page's inputs.
    @Test func theOrderOfACustomersRowsCounts() throws {
        var ledger = Self.ledger
        let site = try SiteBuild(content: SiteFixture.content(ledger: ledger), templates: TemplateLibrary(directory: nil))
        let customer = try #require(ledger.customers.indices.first { site.rows.interactionsByCustomer[$0].count >= 2 })
        let rows = site.rows.interactionsByCustomer[customer]
        let first = Int(rows[rows.startIndex]), second = Int(rows[rows.startIndex + 1])
        ledger.interactions.swapAt(first, second)
        let swapped = try SiteBuild(content: SiteFixture.content(ledger: ledger), templates: TemplateLibrary(directory: nil))
        var h = FingerprintBuilder()
        let before = site.portraitRows.all(.interactions), after = swapped.portraitRows.all(.interactions)
        #expect(before[customer] != after[customer])
        #expect(before.indices.filter { before[$0] != after[$0] } == [customer], "only that customer's rows moved")
        #expect(site.portraitFingerprint(customer, digests: site.rowDigestTables(), using: &h)
                != swapped.portraitFingerprint(customer, digests: swapped.rowDigestTables(), using: &h))
        let a = Fingerprint(high: 1, low: 2), b = Fingerprint(high: 3, low: 4)
        #expect(Fingerprint.chain(a, b) != Fingerprint.chain(b, a))
        #expect(Fingerprint.chain(PortraitRowDigests.start, a) != a)
    }
}
