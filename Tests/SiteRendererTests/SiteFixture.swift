import Analytics
import LedgerModel
@testable import SiteRenderer

/// A small hand-made ledger with every table, hostile ids and names, for page tests.
///
/// Eight customers, three reps in two teams, orders with categories (one refunded), interactions
/// with an open complaint, opportunities, one finding per kind of table. T = 2026-10-31.
enum SiteFixture {
    static let asOf = Day(year: 2026, month: 10, day: 31)!

    static func day(_ text: String) -> Day { Day(iso: text)! }

    static func ledger(interactions withInteractions: Bool = true, opportunities withOpportunities: Bool = true,
                       reps withReps: Bool = true) -> Ledger {
        var ledger = Ledger()
        if withReps {
            ledger.reps = [
                Rep(id: "S01", name: "王芳", team: "华东一部", manager: "周建国", region: "上海市", quota: Money(units: 100_000), line: 2),
                Rep(id: "S02", name: "Li <b>Lei</b>", team: "华东一部", quota: Money(units: 50_000), line: 3),
                Rep(id: "s01", name: "赵强", team: "华南部", line: 4),
            ]
            for (i, rep) in ledger.reps.enumerated() { ledger.repIndex[rep.id] = Int32(i) }
        }
        func owner(_ id: String) -> OwnerRef { ledger.repIndex[id].map { .rep($0) } ?? (withReps ? .orphan : .none) }
        let specs: [(id: String, name: String, owner: String, industry: String, region: String, phone: String?, email: String?)] = [
            ("C001", "上海安光精密制造股份有限公司", "S01", "制造业", "上海市", "13812345678", "zhang.wei@example.com"),
            ("C002", "<script>alert(1)</script>", "S02", "软件", "北京市", "+86 139 0000 1111", "x@evil.test"),
            ("../../etc/x", "路径 客户", "S01", "制造业", "浙江省", "0571-88886666", nil),
            ("CON", "Device Name Co.", "s01", "零售", "广东省", nil, "con@example.com"),
            ("c001", "大小写客户", "S01", "零售", "上海市", nil, nil),
            ("C006", "沉睡客户", "S02", "软件", "北京市", "13900001234", nil),
            ("C007", "新线索", "S01", "", "江苏省", nil, nil),
            ("C008", "Quote \" and ' and & co", "s01", "零售", "广东省", nil, nil),
        ]
        for (i, spec) in specs.enumerated() {
            var c = Customer(id: spec.id, name: spec.name, line: Int32(i + 2))
            c.industry = spec.industry.isEmpty ? nil : spec.industry
            c.region = spec.region
            c.city = spec.region
            c.phone = spec.phone
            c.email = spec.email
            c.ownerID = spec.owner
            c.owner = owner(spec.owner)
            c.type = i % 2 == 0 ? .company : .individual
            c.tags = i == 0 ? ["大客户", "<i>tag</i>"] : []
            c.grade = i == 0 ? "VIP" : i == 1 ? "B" : nil
            c.createdAt = day(["2024-03-01", "2025-12-15", "2026-02-10", "2025-01-20", "2026-06-01", "2024-05-05", "2026-09-30", "2026-01-01"][i])
            c.updatedAt = day(i == 5 ? "2025-01-01" : "2026-10-01")
            c.extra = [i == 0 ? "重点<跟进>" : nil]
            ledger.customers.append(c)
            ledger.customerIndex[spec.id] = Int32(i)
        }
        ledger.customerExtraColumns = ["备注"]
        let software = ledger.strings.intern("软件许可"), service = ledger.strings.intern("实施服务")
        let erp = ledger.strings.intern("ERP标准版"), consulting = ledger.strings.intern("咨询<服务>")
        let orders: [(customer: Int32, date: String, amount: Int64, status: OrderStatus, category: Int32, product: Int32)] = [
            (0, "2025-11-10", 120_000, .completed, software, erp),
            (0, "2026-03-05", 80_000, .completed, service, consulting),
            (0, "2026-09-20", 50_000, .completed, software, erp),
            (0, "2026-10-02", 9_000, .refunded, software, erp),
            (0, "2026-06-11", 20_000, .completed, service, consulting),
            (0, "2026-07-19", 15_000, .completed, software, erp),
            (1, "2026-01-15", 30_000, .completed, software, erp),
            (1, "2026-08-30", 12_000, .completed, service, consulting),
            (2, "2026-05-01", 8_000, .completed, service, consulting),
            (3, "2025-12-01", 3_000, .completed, software, erp),
            (3, "2026-07-01", 2_500, .completed, software, erp),
            (4, "2026-10-30", 1_000, .completed, service, consulting),
            (5, "2025-03-01", 40_000, .completed, software, erp),
            (5, "2025-06-01", 10_000, .completed, software, erp),
            (7, "2026-04-04", 500, .cancelled, service, consulting),
        ]
        for (n, o) in orders.enumerated() {
            let lineIndex = Int32(ledger.orderLines.count)
            ledger.orderLines.append(OrderLine(date: day(o.date), amount: Money(units: o.amount), category: o.category, product: o.product))
            ledger.orders.append(Order(id: "SO" + String(1000 + n), customer: o.customer, owner: .none, date: day(o.date),
                                       amount: Money(units: o.amount), status: o.status, lines: lineIndex..<(lineIndex + 1), line: Int32(n + 2)))
        }
        if withInteractions {
            func at(_ text: String, _ hour: Int32 = 10) -> LocalDateTime { LocalDateTime(day: day(text), secondOfDay: hour * 3600, hasTime: true) }
            ledger.interactions = [
                Interaction(customer: 0, owner: .none, date: at("2026-10-20"), channel: .phone, kind: .followUp, summary: ledger.texts.append("年度续约沟通"), line: 2),
                Interaction(customer: 0, owner: .none, date: at("2026-09-02"), channel: .wechat, kind: .complaint, satisfaction: 3,
                            resolvedAt: at("2026-09-04", 15), summary: ledger.texts.append("投诉安装人员态度不好"), line: 3),
                Interaction(customer: 1, owner: .none, date: at("2026-10-01"), channel: .email, kind: .complaint, satisfaction: 2,
                            summary: ledger.texts.append("</script><script>alert(2)</script>"), line: 4),
                Interaction(customer: 5, owner: .none, date: at("2025-06-10"), channel: .visit, kind: .service, satisfaction: 5,
                            resolvedAt: at("2025-06-11"), line: 5),
                Interaction(customer: 6, owner: .none, date: at("2026-10-15"), channel: .phone, kind: .consultation, line: 6),
                Interaction(customer: 2, owner: .none, date: at("2026-10-25"), channel: .meeting, kind: .service, satisfaction: 4,
                            resolvedAt: at("2026-10-26", 9), summary: ledger.texts.append("上门培训"), line: 7),
            ]
        }
        if withOpportunities {
            ledger.opportunities = [
                Opportunity(id: "OP1", customer: 0, owner: .none, stage: .won, amount: Money(units: 60_000), createdAt: day("2026-01-10"),
                            closedAt: day("2026-03-01"), line: 2),
                Opportunity(id: "OP2", customer: 6, owner: .none, stage: .proposal, amount: Money(units: 25_000), createdAt: day("2026-10-01"), line: 3),
                Opportunity(id: "OP3", customer: 1, owner: .none, stage: .lost, amount: Money(units: 5_000), createdAt: day("2026-02-01"),
                            closedAt: day("2026-04-01"), line: 4),
            ]
        }
        ledger.sources[.customers] = TableSource(table: .customers, files: ["customers.csv"], rows: 9, usedRows: 8)
        ledger.sources[.orders] = TableSource(table: .orders, files: ["orders.csv"], rows: orders.count, usedRows: orders.count)
        if withInteractions { ledger.sources[.interactions] = TableSource(table: .interactions, files: ["interactions.csv"], rows: 6, usedRows: 6) }
        if withOpportunities { ledger.sources[.opportunities] = TableSource(table: .opportunities, files: ["opportunities.csv"], rows: 3, usedRows: 3) }
        if withReps { ledger.sources[.reps] = TableSource(table: .reps, files: ["reps.csv"], rows: 3, usedRows: 3) }
        ledger.completeness = ["customer_id": 9, "name": 8, "phone": 4, "email": 3, "industry": 7, "region": 8]
        ledger.findings = [
            Finding(table: .customers, file: "customers.csv", line: 10, column: "customer_id", value: "",
                    rule: .missingRequired, message: "客户编号 is empty; the row is not used."),
            Finding(table: .customers, file: "customers.csv", line: 3, column: "email", value: "x@evil.test<script>",
                    rule: .badEmail, message: "Not an e-mail address: <script>."),
            Finding(table: .orders, file: "orders.csv", line: 7, column: "amount", value: "abc", rule: .badNumber, message: "Not a number."),
        ]
        ledger.duplicateGroups = [[0, 4]]
        ledger.latestActivity = day("2026-10-30")
        return ledger
    }

    static func content(locale: SiteLocale = .zhCN, portraits: PortraitSelection = .all, mask: Bool = true,
                        ledger: Ledger = SiteFixture.ledger(), templates: String? = nil) -> SiteContent {
        let settings = AnalysisSettings(asOf: asOf, today: day("2026-11-01"))
        let report = AnalyticsReport.compute(ledger: ledger, settings: settings)
        let quality = QualityAudit.audit(ledger, asOf: asOf, staleDays: 90)
        return SiteContent(ledger: ledger, report: report, quality: quality, locale: locale, title: nil, currency: "CNY",
                           maskContacts: mask, portraits: portraits, templatesDirectory: templates, generatedOn: day("2026-11-01"))
    }
}
