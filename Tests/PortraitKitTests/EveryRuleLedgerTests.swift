import Foundation
import LedgerIngest
import LedgerModel
import PortraitKit
import PortraitTestSupport
import Testing

/// The fixture `every-rule` holds one or more rows for each rule of the findings table; its
/// `expected-findings.txt` lists by hand what the spec says each row produces.
@Suite("A ledger with every kind of defect")
struct EveryRuleLedgerTests {
    static let folder = fixturesDirectory + "/ledgers/every-rule"
    static let today = Day(iso: "2026-11-01")!

    static var expected: [FindingKey] {
        let text = try! String(contentsOfFile: folder + "/expected-findings.txt", encoding: .utf8)
        return text.split(separator: "\n").map { FindingKey(String($0)) }
    }

    static func validate(_ directory: String) throws -> Validation {
        var options = BuildOptions()
        options.dataDirectory = directory
        options.today = today
        return try BuildPipeline.validate(options, runner: StageRunner(total: 3, interactive: false))
    }

    @Test("every finding appears on its line and column, in the contract order, and nothing else")
    func findingsAreExactlyTheExpectedOnes() throws {
        let validation = try Self.validate(Self.folder)
        #expect(validation.quality.findings.keys == Self.expected)
    }

    @Test("T is the latest order or interaction date of a used row that is not after today")
    func asOfIsTheLatestActivity() throws {
        #expect(try Self.validate(Self.folder).asOf == Day(iso: "2026-10-13"))
    }

    @Test("the quality score is the share of customer rows without a finding")
    func qualityScoreCountsCleanCustomerRows() throws {
        let quality = try Self.validate(Self.folder).quality
        #expect(quality.customerRows == 7)
        #expect(quality.cleanCustomerRows == 2)
        #expect(quality.duplicateGroups == [["C1", "C3", "C5"]])
    }

    @Test("line items are summed into one order and unusable or future rows are left out")
    func ordersAreAssembledFromUsedLines() throws {
        let ledger = try Self.validate(Self.folder).ledger
        #expect(ledger.orders.map(\.id) == ["O1", "O2", "O3", "O7", "O9"])
        let first = ledger.orders[0]
        #expect(first.amount == Money(units: 1500) + Money(micros: 500_000))
        #expect(first.lines.count == 2)
        #expect(ledger.orders[1].customer == -1)
        #expect(ledger.orders[3].status == .unknown)
        #expect(ledger.orders[4].owner == .orphan)
        #expect(ledger.interactions.count == 4)
        #expect(ledger.interactions[1].channel == .other)
        #expect(ledger.interactions[1].satisfaction == 0)
        #expect(ledger.interactions[3].resolvedAt == nil)
        #expect(ledger.customers.map(\.id) == ["C1", "C2", "C3", "C4", "C5"])
        #expect(ledger.customers[3].createdAt == nil)
        #expect(ledger.reps.map(\.id) == ["R1", "R2"])
        #expect(ledger.reps[1].quota == nil)
        #expect(ledger.opportunities.map(\.id) == ["P1", "P2"])
        #expect(ledger.opportunities[0].stage == .won)
        #expect(ledger.opportunities[1].stage == nil)
    }

    static let chineseHeaders: [String: [String: String]] = [
        "customers": ["customer_id": "客户编号", "name": "客户名称", "type": "客户类型", "phone": "手机",
                      "email": "邮箱", "owner_id": "负责人", "gender": "性别", "created_at": "建档日期",
                      "updated_at": "最后更新"],
        "orders": ["order_id": "订单编号", "customer_id": "客户编号", "order_date": "下单日期", "amount": "金额",
                   "status": "订单状态", "category": "产品类别", "owner_id": "销售代表"],
        "interactions": ["customer_id": "客户编号", "date": "沟通时间", "channel": "沟通方式", "kind": "互动类型",
                         "satisfaction": "满意度", "resolved_at": "解决时间"],
        "reps": ["rep_id": "员工编号", "name": "姓名", "team": "团队", "region": "区域", "quota": "业绩目标"],
        "opportunities": ["opportunity_id": "商机编号", "customer_id": "客户编号", "stage": "阶段",
                          "amount": "预计金额", "created_at": "创建日期", "closed_at": "关闭日期"],
    ]

    @Test("the same ledger with Chinese headers in GB18030 gives the same findings")
    func chineseHeadersInGB18030GiveTheSameFindings() throws {
        let copy = TemporaryFolder()
        for (table, headers) in Self.chineseHeaders {
            let text = try String(contentsOfFile: "\(Self.folder)/\(table).csv", encoding: .utf8)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[0] = lines[0].split(separator: ",").map { headers[String($0)] ?? String($0) }.joined(separator: ",")
            copy.write("\(table).csv", bytes: gb18030(lines.joined(separator: "\r\n")))
        }
        let validation = try Self.validate(copy.path)
        #expect(validation.quality.findings.keys == Self.expected)
        let orphan = validation.quality.findings.first { $0.column == "owner_id" }
        #expect(orphan?.message.hasPrefix("负责人 \"R9\"") == true, "messages quote the header as written")
    }

    @Test("the same ledger as XML gives the same findings, numbered by record")
    func xmlGivesTheSameFindings() throws {
        let copy = TemporaryFolder()
        for table in TableName.allCases {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/\(table.rawValue).csv")))
            var reader = try CSVReader(utf8: bytes, file: table.rawValue)
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(table.rawValue)>\n"
            while let record = try reader.next() {
                xml += "  <record>"
                for (header, value) in zip(reader.headers, record.values) {
                    xml += "<\(header)>\(HTMLText.escape(value))</\(header)>"
                }
                xml += "</record>\n"
            }
            copy.write("\(table.rawValue).xml", xml + "</\(table.rawValue)>\n")
        }
        let validation = try Self.validate(copy.path)
        let renumbered = Self.expected.map { key -> FindingKey in
            let parts = key.text.split(separator: " ", maxSplits: 1)
            let place = parts[0].split(separator: ":")
            return FindingKey("\(place[0]):\(Int(place[1])! - 1) \(parts[1])")
        }
        #expect(validation.quality.findings.keys == renumbered)
    }
}

/// Minimal XML text escaping for building fixtures.
enum HTMLText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
