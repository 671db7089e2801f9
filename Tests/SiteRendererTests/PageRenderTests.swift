import Analytics
import Foundation
import LedgerModel
import PortraitTestSupport
@testable import SiteRenderer
import Testing

@Suite struct PageRenderTests {
    static let zh = try! SiteRenderer.renderAll(SiteFixture.content(locale: .zhCN))
    static let en = try! SiteRenderer.renderAll(SiteFixture.content(locale: .en))

    @Test func everyPageOfTheSiteIsWritten() {
        let pages = Set(Self.zh.keys)
        for page in ["index.html", "customers/index.html", "segments/index.html", "segments/important_value.html",
                     "segments/no_purchase.html", "lifecycle.html", "team/index.html", "team/S01.html", "service.html",
                     "quality.html", "customers/C001.html", "assets/site.css", "assets/site.js", "assets/search-index.js"] {
            #expect(pages.contains(page), "missing \(page)")
        }
        #expect(Self.zh.keys.filter { $0.hasPrefix("customers/") }.count == 9)
        #expect(Self.zh.keys.filter { $0.hasPrefix("team/") }.count == 4)
    }

    /// Members of the report's duplicate groups are found by the ledger's own groups, or by the
    /// id index for a group the ledger does not list; each is named, and linked when it has a
    /// portrait.
    @Test func theQualityPageNamesAndLinksDuplicateMembers() throws {
        let page = Self.zh["quality.html"]!
        func member(_ href: String, _ name: String, _ id: String) -> String {
            "<span class=\"dup\"><a href=\"" + href + "\">" + name + "</a> <span class=\"cell-sub\">" + id + "</span></span>"
        }
        #expect(page.contains(member("customers/C001.html", "上海安光精密制造股份有限公司", "C001")))
        let stem = SitePaths(ids: SiteFixture.ledger().customers.map(\.id)).stem("c001")!
        #expect(stem != "c001" && page.contains(member("customers/\(stem).html", "大小写客户", "c001")))
        let none = try SiteRenderer.renderAll(SiteFixture.content(portraits: .none))["quality.html"]!
        #expect(none.contains("<span class=\"dup\">上海安光精密制造股份有限公司 <span class=\"cell-sub\">C001</span>"))
        var content = SiteFixture.content()
        content.quality.duplicateGroups = [["C006", "C001"]]
        let other = try SiteRenderer.renderAll(content)["quality.html"]!
        #expect(other.contains(member("customers/C006.html", "沉睡客户", "C006")))
        #expect(other.contains(member("customers/C001.html", "上海安光精密制造股份有限公司", "C001")))
    }

    /// A group of thousands (a placeholder phone number) shows its first members and counts
    /// the rest, in both locales.
    @Test func aLargeDuplicateGroupShowsItsFirstMembersAndCountsTheRest() throws {
        for (locale, more) in [(SiteLocale.zhCN, "…等另外 2,480 个，全部见问题导出文件。"),
                               (SiteLocale.en, "… and 2,480 more, all in the findings export.")] {
            var content = SiteFixture.content(locale: locale)
            content.quality.duplicateGroups = [["C001"] + (1...2_499).map { "X\($0)" }, ["C006", "C001"]]
            let page = try SiteRenderer.renderAll(content)["quality.html"]!
            let groups = page.components(separatedBy: "<ol class=\"dup-groups\">")[1].components(separatedBy: "</ol>")[0]
            let items = groups.components(separatedBy: "<li>").dropFirst()
            #expect(items.count == 2)
            #expect(items.first?.components(separatedBy: "<span class=\"dup\">").count == QualityPage.memberLimit + 1)
            #expect(items.first?.contains(">X19<") == true && items.first?.contains(">X20<") == false)
            #expect(items.first?.contains("<span class=\"dup-more cell-sub\">\(more)</span>") == true, "\(locale)")
            #expect(items.last?.contains("dup-more") == false)
        }
    }

    /// A customer whose order lines name 40 categories: totals are gathered past the first 16
    /// (found by a search) as well as before them.
    @Test func aCustomerWithManyCategoriesShowsItsLargestTotals() throws {
        var ledger = SiteFixture.ledger()
        let categories = (0..<40).map { ledger.strings.intern("品类\($0)") }
        var lines: [(category: Int32, units: Int64)] = categories.enumerated().map { ($1, Int64($0 + 1) * 1_000) }
        lines += [(categories[3], 100_000), (categories[30], 20_000)]
        let first = Int32(ledger.orderLines.count)
        for line in lines {
            ledger.orderLines.append(OrderLine(date: SiteFixture.day("2026-08-01"), amount: Money(units: line.units),
                                               category: line.category, product: -1))
        }
        let total = lines.reduce(0) { $0 + $1.units }
        ledger.orders.append(Order(id: "SO-MANY", customer: 0, owner: .none, date: SiteFixture.day("2026-08-01"),
                                   amount: Money(units: total), status: .completed, lines: first..<Int32(ledger.orderLines.count), line: 99))
        let page = try SiteRenderer.renderAll(SiteFixture.content(ledger: ledger))["customers/C001.html"]!
        let labels = page.components(separatedBy: "<span class=\"mix-label\">").dropFirst().map { $0.components(separatedBy: "<")[0] }
        #expect(labels == ["软件许可", "品类3", "实施服务", "品类30", "品类39", "品类38"])
    }

    @Test func hostileIdsWriteInsideTheirFolder() {
        for path in Self.zh.keys {
            #expect(!path.split(separator: "/").contains { $0 == ".." || $0.hasPrefix(".") }, "\(path)")
            #expect(path.split(separator: "/").count <= 2)
        }
        #expect(Self.zh.keys.contains { $0.hasPrefix("customers/_CON-") })
        #expect(Self.zh.keys.contains { $0.hasPrefix("customers/_._.__etc_x-") })
    }

    @Test func aScriptInTheDataAppearsOnlyEscaped() {
        for (path, text) in Self.zh.merging(Self.en, uniquingKeysWith: { a, _ in a }) where path.hasSuffix(".html") || path.hasSuffix(".js") {
            #expect(!text.contains("<script>alert"), "\(path) holds an unescaped script")
            #expect(!text.contains("</script><script>"), "\(path)")
            #expect(!text.contains("<b>Lei</b>"), "\(path)")
            #expect(!text.contains("<i>tag</i>"), "\(path)")
        }
        #expect(Self.zh["customers/C002.html"]!.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(Self.zh["customers/index.html"]!.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func noPageLoadsOrLinksAnythingOutsideTheSite() {
        for (path, text) in Self.zh where !path.hasPrefix("assets/site.css") {
            #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"), "\(path)")
            if path.hasSuffix(".html") {
                #expect(text.contains("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:"), "\(path)")
                #expect(!text.contains(" style=\""), "\(path) has an inline style, which the CSP blocks")
                #expect(!text.contains("<script>"), "\(path) has an inline script, which the CSP blocks")
            }
        }
    }

    @Test func everyLinkPointsAtAPageOfTheSiteOrAnExport() {
        let exports: Set = ["exports/customers.csv", "exports/reps.csv", "exports/segments.csv", "exports/findings.csv", "exports/summary.json"]
        for (path, text) in Self.zh where path.hasSuffix(".html") {
            let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : ""
            for link in Self.attributes(in: text, named: ["href", "src", "action"]) {
                guard !link.hasPrefix("#") else { continue }
                let target = Self.resolve(link.components(separatedBy: "#")[0], from: folder)
                #expect(Self.zh[target] != nil || exports.contains(target), "\(path) links to missing \(link)")
            }
        }
    }

    @Test func portraitsOnlyForTheSelectedCustomersAndNoLinkToOthers() throws {
        let pages = try SiteRenderer.renderAll(SiteFixture.content(portraits: .top(2)))
        let portraits = pages.keys.filter { $0.hasPrefix("customers/") && $0 != "customers/index.html" }.sorted()
        #expect(portraits == ["customers/C001.html", "customers/C006.html"])
        for (path, text) in pages where path.hasSuffix(".html") {
            let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : ""
            for link in Self.attributes(in: text, named: ["href"]) where !link.hasPrefix("#") && Self.resolve(link, from: folder).hasPrefix("customers/") {
                #expect(pages[Self.resolve(link.components(separatedBy: "#")[0], from: folder)] != nil, "\(path) → \(link)")
            }
        }
        let none = try SiteRenderer.renderAll(SiteFixture.content(portraits: .none))
        #expect(none.keys.filter { $0.hasPrefix("customers/") } == ["customers/index.html"])
    }

    @Test func thePortraitShowsIdentityFiguresAndHints() {
        let page = Self.zh["customers/C001.html"]!
        for expected in ["上海安光精密制造股份有限公司", "138****5678", "z***@example.com", "台账等级 VIP", "重要", "RFM 评分",
                         "ERP标准版", "已退款", "年度续约沟通", "投诉安装人员态度不好", "OP1", "赢单", "王芳", "重点&lt;跟进&gt;",
                         "备注", "咨询&lt;服务&gt;", "¥"] {
            #expect(page.contains(expected), "portrait lacks \(expected)")
        }
        #expect(!page.contains("13812345678") && !page.contains("zhang.wei@"))
        #expect(Self.en["customers/C006.html"]!.contains("win-back offer"))
        #expect(Self.en.first { $0.key.hasPrefix("customers/_CON-") }!.value.contains("At risk and never contacted"))
        #expect(Self.en["customers/C002.html"]!.contains("open complaints"))
    }

    @Test func unmaskedContactsWhenTheConfigSaysSo() throws {
        let pages = try SiteRenderer.renderAll(SiteFixture.content(mask: false))
        #expect(pages["customers/C001.html"]!.contains("13812345678"))
        #expect(pages["assets/search-index.js"]!.contains("13812345678"))
    }

    @Test func theDashboardCarriesTheKeyFigures() {
        let page = Self.en["index.html"]!
        for expected in ["Customers", "Active customers", "Revenue", "Average order value", "Repeat rate", "At risk",
                         "Open complaints", "Data quality score", "Monthly revenue", "Customer segments", "Conversion funnel",
                         "Top 5 reps", "CN¥", "Oct 31, 2026"] {
            #expect(page.contains(expected), "dashboard lacks \(expected)")
        }
        #expect(Self.zh["index.html"]!.contains("2026年10月31日"))
    }

    @Test func aMissingTableIsNamedWithHowToAddIt() throws {
        let pages = try SiteRenderer.renderAll(SiteFixture.content(
            locale: .en, ledger: SiteFixture.ledger(interactions: false, opportunities: false, reps: false)))
        #expect(pages["service.html"]!.contains("No interactions table in the ledger"))
        #expect(pages["team/index.html"]!.contains("Add reps.csv"))
        #expect(pages["customers/C001.html"]!.contains("Add opportunities.csv"))
        #expect(pages["index.html"]!.contains("Add reps.csv"))
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let again = try SiteRenderer.renderAll(SiteFixture.content(locale: .zhCN))
        #expect(again == Self.zh)
    }

    /// Values of `name="…"` attributes, unescaped enough for paths.
    static func attributes(in html: String, named names: [String]) -> [String] {
        var result: [String] = []
        for name in names {
            var rest = html[...]
            while let range = rest.range(of: " " + name + "=\"") {
                let after = rest[range.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                result.append(String(after[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = after[end...]
            }
        }
        return result
    }

    static func resolve(_ link: String, from folder: String) -> String {
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        let path = link.components(separatedBy: "?")[0]
        for piece in path.split(separator: "/", omittingEmptySubsequences: false) {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." && !piece.isEmpty { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

@Suite struct EdgeCaseTests {
    @Test func anEmptyLedgerStillRendersEveryPage() throws {
        var ledger = Ledger()
        ledger.sources[.customers] = TableSource(table: .customers, files: ["customers.csv"])
        let pages = try SiteRenderer.renderAll(SiteFixture.content(locale: .en, ledger: ledger))
        for page in ["index.html", "customers/index.html", "lifecycle.html", "service.html", "quality.html", "team/index.html", "segments/index.html"] {
            #expect(pages[page]?.contains("</html>") == true, "\(page)")
        }
        #expect(pages["customers/index.html"]!.contains("No customers in the ledger."))
    }

    @Test func theTenSegmentModelGetsItsOwnSegmentPages() throws {
        let ledger = SiteFixture.ledger()
        let settings = Analytics.AnalysisSettings(asOf: SiteFixture.asOf, today: SiteFixture.asOf, segmentModel: .rf10)
        var content = SiteFixture.content(ledger: ledger)
        content.report = Analytics.AnalyticsReport.compute(ledger: ledger, settings: settings)
        let pages = try SiteRenderer.renderAll(content)
        #expect(pages["segments/champions.html"] != nil)
        #expect(pages["segments/important_value.html"] == nil)
    }
}
