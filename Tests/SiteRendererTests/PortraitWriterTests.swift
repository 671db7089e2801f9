import Analytics
import Charts
import LedgerModel
import PortraitTestSupport
@testable import SiteRenderer
import Testing

@Suite struct PortraitWriterTests {
    /// The byte writer and the templates give the same page, up to whitespace between tags.
    @Test(arguments: [SiteLocale.zhCN, .en], [true, false])
    func theFastPortraitWriterMatchesTheTemplate(locale: SiteLocale, withTables: Bool) throws {
        let ledger = SiteFixture.ledger(interactions: withTables, opportunities: withTables, reps: withTables)
        let site = try SiteBuild(content: SiteFixture.content(locale: locale, ledger: ledger), templates: TemplateLibrary(directory: nil))
        #expect(site.fastPortraits)
        for customer in site.ledger.customers.indices {
            let fast = Self.page(site, customer)
            let templated = try PortraitPage.render(site, customer: customer)
            #expect(Self.normalized(fast) == Self.normalized(templated), "customer \(site.ledger.customers[customer].id)")
        }
    }

    /// The same on random ledgers that reach every branch of the page.
    @Test(arguments: [SiteLocale.zhCN, .en])
    func theFastWriterMatchesTheTemplateOnVariedCustomers(locale: SiteLocale) throws {
        var random = VariedLedger(seed: 7)
        let ledger = random.ledger(customers: 60, asOf: SiteFixture.asOf)
        let site = try SiteBuild(content: SiteFixture.content(locale: locale, ledger: ledger), templates: TemplateLibrary(directory: nil))
        for customer in site.ledger.customers.indices {
            #expect(Self.normalized(Self.page(site, customer)) == Self.normalized(try PortraitPage.render(site, customer: customer)),
                    "customer \(customer)")
        }
    }

    /// The byte writer gives exactly the bytes of the `String` writer it replaced, on random
    /// customers, in both locales, masked or not, in three currencies, with and without the
    /// optional tables.
    @Test(arguments: [SiteLocale.zhCN, .en], [(true, "CNY"), (false, "JPY"), (true, "usd"), (false, "XBT9")])
    func theByteWriterGivesTheStringWritersBytes(locale: SiteLocale, options: (mask: Bool, currency: String)) throws {
        for (seed, tables) in [(UInt64(1), true), (2, true), (3, false)] {
            var random = VariedLedger(seed: seed)
            let ledger = random.ledger(customers: 120, asOf: SiteFixture.asOf, tables: tables)
            var content = SiteFixture.content(locale: locale, mask: options.mask, ledger: ledger)
            content.currency = options.currency
            let site = try SiteBuild(content: content, templates: TemplateLibrary(directory: nil))
            var mismatches = 0
            for customer in site.ledger.customers.indices {
                let fast = Self.page(site, customer), legacy = LegacyPortraitWriter.page(site, customer: customer)
                if fast != legacy {
                    mismatches += 1
                    if mismatches <= 3 { Issue.record("customer \(customer) (seed \(seed)): \(Self.firstDifference(fast, legacy))") }
                }
            }
            #expect(mismatches == 0)
        }
    }

    @Test func theFixturePortraitsAreTheStringWritersBytes() throws {
        for locale in SiteLocale.allCases {
            for tables in [true, false] {
                let ledger = SiteFixture.ledger(interactions: tables, opportunities: tables, reps: tables)
                let site = try SiteBuild(content: SiteFixture.content(locale: locale, ledger: ledger), templates: TemplateLibrary(directory: nil))
                for customer in site.ledger.customers.indices {
                    #expect(Self.page(site, customer) == LegacyPortraitWriter.page(site, customer: customer))
                }
            }
        }
    }

    /// The byte path cuts a summary where the template path does (160 characters, not bytes or
    /// scalars) and escapes it the same, reading the text's bytes from the arena.
    @Test(arguments: [
        "", "短", String(repeating: "a", count: 160), String(repeating: "a", count: 161),
        String(repeating: "客", count: 160), String(repeating: "户<", count: 81),
        String(repeating: "e\u{301}", count: 160), String(repeating: "e\u{301}", count: 161),
        String(repeating: "👩‍👩‍👧", count: 100) + "&" + String(repeating: "x", count: 100),
    ])
    func summariesAreCutAsTheTemplateCutsThem(summary: String) {
        var arena = TextArena()
        let ref = arena.append(summary)
        var out = ByteBuffer()
        arena.withUTF8(ref) { PortraitWriter.appendSummary($0, to: &out) }
        let expected = summary.count > 160 ? String(summary.prefix(160)) + "…" : summary
        #expect(out.string == HTML.escape(expected))
        #expect(arena[ref] == (summary.isEmpty ? nil : summary))
    }

    @Test func aCustomizedPortraitTemplateIsUsed() throws {
        let folder = PortraitTestSupport.TemporaryFolder("portrait-templates")
        folder.write("kpi.mustache", "<div class=\"my-kpi\">{{value}}</div>")
        let pages = try SiteRenderer.renderAll(SiteFixture.content(templates: folder.path))
        #expect(pages["customers/C001.html"]!.contains("<div class=\"my-kpi\">"))
    }

    /// The writer fills a layout showing the title once and then the body; a user's layout of
    /// another shape crashed the build (found by fuzzing). It is now rendered by the templates.
    @Test(arguments: [
        ("<title>{{siteTitle}}</title>{{{main}}}", 0, 1),
        ("<title>{{pageTitle}}</title><h1>{{pageTitle}}</h1>{{{main}}}", 2, 1),
        ("{{{main}}}<footer>{{pageTitle}}</footer>", 1, 1),
        ("{{{main}}}<hr>{{{main}}}", 0, 2),
        ("no title, no body", 0, 0),
    ])
    func aLayoutOfAnyShapeFramesThePortraits(layout: String, titles: Int, bodies: Int) throws {
        let folder = PortraitTestSupport.TemporaryFolder("portrait-layout")
        folder.write("layout.mustache", "<html>" + layout + "</html>")
        let content = SiteFixture.content(templates: folder.path)
        let site = try SiteBuild(content: content, templates: TemplateLibrary(directory: folder.path))
        #expect(!site.fastPortraits)
        let pages = try SiteRenderer.renderAll(content)
        let page = try #require(pages["customers/C001.html"])
        let name = HTML.escape(content.ledger.customers[0].name)
        #expect(page.hasPrefix("<html>") && page.hasSuffix("</html>"))
        #expect(page.components(separatedBy: "class=\"identity card\"").count - 1 == bodies)
        #expect(page.components(separatedBy: name).count - 1 >= titles + bodies)
    }

    @Test func everyEnumThePageIndexesByHasItsCasePositionAsOrdinal() {
        func check<T: CaseIterable & Equatable>(_ type: T.Type) {
            for (index, value) in T.allCases.enumerated() { #expect(ordinal(value) == index, "\(T.self).\(value)") }
            #expect(ordinal(T?.none) == T.allCases.count, "\(T.self) nil")
        }
        check(Grade.self)
        check(Segment.self)
        check(Stage.self)
        check(CustomerType.self)
        check(Gender.self)
        check(OrderStatus.self)
        check(Channel.self)
        check(InteractionKind.self)
        check(OpportunityStage.self)
    }

    static func page(_ site: SiteBuild, _ customer: Int) -> String {
        var buffer = ByteBuffer()
        PortraitWriter.write(site, customer: customer, into: &buffer)
        return buffer.string
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = Array(a.utf8), y = Array(b.utf8)
        let at = zip(x, y).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(x.count, y.count)
        func around(_ bytes: [UInt8]) -> String { String(decoding: bytes[max(0, at - 60)..<min(bytes.count, at + 60)], as: UTF8.self) }
        return "at byte \(at): «\(around(x))» vs «\(around(y))»"
    }

    /// Whitespace runs collapsed and removed between tags.
    static func normalized(_ html: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in html {
            if ch.isWhitespace { pendingSpace = true; continue }
            if pendingSpace, !(out.last == ">" && ch == "<"), !out.isEmpty, out.last != ">", ch != "<" { out.append(" ") }
            pendingSpace = false
            out.append(ch)
        }
        return out
    }
}
