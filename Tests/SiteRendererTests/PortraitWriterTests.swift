import PortraitTestSupport
@testable import SiteRenderer
import Testing

@Suite struct PortraitWriterTests {
    /// The fast writer and the templates give the same page, up to whitespace between tags.
    @Test(arguments: [SiteLocale.zhCN, .en], [true, false])
    func theFastPortraitWriterMatchesTheTemplate(locale: SiteLocale, withTables: Bool) throws {
        let ledger = SiteFixture.ledger(interactions: withTables, opportunities: withTables, reps: withTables)
        var site = try SiteBuild(content: SiteFixture.content(locale: locale, ledger: ledger), templates: TemplateLibrary(directory: nil))
        #expect(site.fastPortraits)
        for customer in site.ledger.customers.indices {
            site.fastPortraits = true
            let fast = try PortraitPage.render(site, customer: customer)
            site.fastPortraits = false
            let templated = try PortraitPage.render(site, customer: customer)
            #expect(Self.normalized(fast) == Self.normalized(templated), "customer \(site.ledger.customers[customer].id)")
        }
    }

    @Test func aCustomizedPortraitTemplateIsUsed() throws {
        let folder = PortraitTestSupport.TemporaryFolder("portrait-templates")
        folder.write("kpi.mustache", "<div class=\"my-kpi\">{{value}}</div>")
        let pages = try SiteRenderer.renderAll(SiteFixture.content(templates: folder.path))
        #expect(pages["customers/C001.html"]!.contains("<div class=\"my-kpi\">"))
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
