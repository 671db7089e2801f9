import Analytics
import Foundation
import LedgerModel
@testable import SiteRenderer
import Testing

/// Renders a synthetic ledger of `PORTRAIT_PERF` customers (e.g. 100000) and prints the time;
/// skipped unless the variable is set. Run in release:
/// `PORTRAIT_PERF=100000 swift test -c release -Xswiftc -enable-testing --filter RenderSpeedTests`.
@Suite struct RenderSpeedTests {
    static let customers = Int(ProcessInfo.processInfo.environment["PORTRAIT_PERF"] ?? "") ?? 0

    @Test(.enabled(if: customers > 0))
    func portraitPagesRenderInSeconds() throws {
        let ledger = Self.syntheticLedger(customers: Self.customers)
        let settings = AnalysisSettings(asOf: SiteFixture.asOf, today: SiteFixture.asOf)
        let report = AnalyticsReport.compute(ledger: ledger, settings: settings)
        let quality = QualityAudit.audit(ledger, asOf: SiteFixture.asOf, staleDays: 90)
        let content = SiteContent(ledger: ledger, report: report, quality: quality, locale: .zhCN, title: nil, currency: "CNY",
                                  maskContacts: true, portraits: .all, templatesDirectory: nil, generatedOn: SiteFixture.asOf)
        let start = Date()
        let site = try SiteBuild(content: content, templates: TemplateLibrary(directory: nil))
        let prepared = Date()
        let index = SearchIndex.script(site)
        let stats = Stats()
        let cpuStart = clock()
        try SiteRenderer.renderPages(site, SiteRenderer.pages(site), into: stats)
        let end = Date()
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        print("""
            \(Self.customers) customers: prepare \(prepared.timeIntervalSince(start)) s, \
            render \(end.timeIntervalSince(prepared)) s (CPU \(cpu) s, \(Int(cpu * 1e6) / max(1, stats.pages)) µs a page), \(stats.pages) pages, largest portrait \(stats.largestPortrait) bytes, \
            search index \(index.utf8.count) bytes
            """)
        #expect(stats.largestPortrait < 30_000)
    }

    final class Stats: PageSink, @unchecked Sendable {
        private let lock = NSLock()
        var pages = 0
        var largestPortrait = 0

        func write(_ path: String, _ bytes: UnsafeRawBufferPointer, fingerprint: Fingerprint?) throws { add(path, bytes.count) }

        func reuse(_ path: String, fingerprint: Fingerprint) throws -> Bool { false }

        func add(_ path: String, _ bytes: Int) {
            lock.withLock {
                pages += 1
                if path.hasPrefix("customers/"), path != "customers/index.html" { largestPortrait = max(largestPortrait, bytes) }
            }
        }
    }

    /// Customers with 6 orders, 8 interactions and an opportunity each, 100 reps in 10 teams.
    static func syntheticLedger(customers count: Int) -> Ledger {
        var ledger = Ledger()
        for r in 0..<100 {
            ledger.reps.append(Rep(id: "S\(1000 + r)", name: "代表\(r)", team: "团队\(r % 10)", quota: Money(units: 1_000_000), line: Int32(r + 2)))
        }
        let categories = ["软件许可", "实施服务", "硬件设备", "云服务"].map { ledger.strings.intern($0) }
        let products = ["ERP标准版", "CRM云服务(年)", "交换机 S5720", "实施服务", "激光打印机"].map { ledger.strings.intern($0) }
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for i in 0..<count {
            var c = Customer(id: "C\(1_000_000 + i)", name: "测试客户\(i)有限公司", line: Int32(i + 2))
            c.phone = "138\(10_000_000 + i)"
            c.email = "user\(i)@example.com"
            c.industry = ["制造业", "软件", "零售", "金融"][i % 4]
            c.region = ["上海市", "北京市", "广东省", "浙江省", "江苏省"][i % 5]
            c.owner = .rep(Int32(i % 100))
            c.ownerID = "S\(1000 + i % 100)"
            c.createdAt = SiteFixture.asOf - (30 + next(900))
            c.tags = i % 3 == 0 ? ["大客户"] : []
            ledger.customers.append(c)
            for k in 0..<6 {
                let date = SiteFixture.asOf - next(700)
                let line = Int32(ledger.orderLines.count)
                let amount = Money(units: Int64(500 + next(50_000)))
                ledger.orderLines.append(OrderLine(date: date, amount: amount, category: categories[next(4)], product: products[next(5)]))
                ledger.orders.append(Order(id: "SO\(i)-\(k)", customer: Int32(i), owner: .none, date: date, amount: amount,
                                           status: k == 5 ? .refunded : .completed, lines: line..<(line + 1), line: Int32(ledger.orders.count + 2)))
            }
            for k in 0..<8 {
                let date = LocalDateTime(day: SiteFixture.asOf - next(500), secondOfDay: Int32(next(86_000)), hasTime: true)
                let kind: InteractionKind = k == 0 ? .complaint : .followUp
                ledger.interactions.append(Interaction(customer: Int32(i), owner: .none, date: date, channel: Channel.allCases[next(7)],
                                                       kind: kind, satisfaction: Int8(1 + next(5)),
                                                       resolvedAt: k == 0 && i % 2 == 0 ? LocalDateTime(day: date.day + 2) : nil,
                                                       summary: ledger.texts.append("客户反馈报表导出速度慢，建议增加移动端功能"), line: Int32(ledger.interactions.count + 2)))
            }
            ledger.opportunities.append(Opportunity(id: "OP\(i)", customer: Int32(i), owner: .none, stage: .proposal,
                                                    amount: Money(units: 10_000), createdAt: SiteFixture.asOf - 20, line: Int32(i + 2)))
        }
        for table in TableName.allCases {
            ledger.sources[table] = TableSource(table: table, files: [table.rawValue + ".csv"], rows: count, usedRows: count)
        }
        return ledger
    }
}
