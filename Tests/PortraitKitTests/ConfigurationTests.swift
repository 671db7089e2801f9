import Analytics
import LedgerModel
import SiteRenderer
import PortraitKit
import PortraitTestSupport
import Testing

@Suite("Reading portrait.yml")
struct ConfigurationTests {
    @Test("an empty file gives every default of config.md")
    func emptyFileGivesDefaults() throws {
        let configuration = try Configuration.parse("", file: "portrait.yml")
        #expect(configuration.currency == "CNY")
        #expect(configuration.asOf == nil)
        #expect(configuration.dateOrder == .ymd)
        #expect(configuration.thresholds == Thresholds())
        #expect(configuration.thresholds.gradeAShareBasisPoints == 8000)
        #expect(configuration.segmentModel == .cn8)
        #expect(configuration.maskContacts)
        #expect(configuration.portraits == .all)
    }

    @Test("every key of config.md's example is read")
    func fullExampleIsRead() throws {
        let text = """
        title: 客户画像报告
        locale: zh-CN
        currency: CNY
        as_of: 2026-10-31
        period:
          start: 2025-11-01
          end: 2026-10-31
        date_order: dmy
        thresholds:
          at_risk_days: 60
          churn_days: 120
          loyal_orders: 4
          follow_up_days: 14
          stale_days: 30
          grade_a_share: 0.7
          grade_b_share: 0.9
        segments:
          model: rf10
        privacy:
          mask_contacts: false
        pages:
          portraits: top:500
        tables:
          customers:
            file: customers.xml
            record_path: dataroot/Customers
            columns:
              customer_id: CustomerID
              name: [CompanyName, 公司]
            values:
              type: {企业客户: company, 个人客户: individual}
          orders:
            file: orders/*.csv
            derive:
              amount: quantity * unit_price * (1 - discount)
        """
        let c = try Configuration.parse(text, file: "portrait.yml")
        #expect(c.title == "客户画像报告")
        #expect(c.locale == .zhCN)
        #expect(c.asOf == Day(iso: "2026-10-31"))
        #expect(c.period == DayPeriod(start: Day(iso: "2025-11-01")!, end: Day(iso: "2026-10-31")!))
        #expect(c.dateOrder == .dmy)
        #expect(c.thresholds.atRiskDays == 60)
        #expect(c.thresholds.gradeAShareBasisPoints == 7000)
        #expect(c.thresholds.gradeBShareBasisPoints == 9000)
        #expect(c.segmentModel == .rf10)
        #expect(!c.maskContacts)
        #expect(c.portraits == .top(500))
        #expect(c.tables[.customers]?.recordPath == "dataroot/Customers")
        #expect(c.tables[.customers]?.columns["name"] == ["CompanyName", "公司"])
        #expect(c.tables[.customers]?.values["type"]?["企业客户"] == "company")
        #expect(c.tables[.orders]?.file == "orders/*.csv")
        #expect(c.tables[.orders]?.derive["amount"] == "quantity * unit_price * (1 - discount)")
    }

    @Test("an unknown key is an error with its line, column and a did-you-mean", arguments: [
        ("threshold:\n  churn_days: 3\n", "portrait.yml:1:1: Unknown key 'threshold'. Did you mean 'thresholds'?"),
        ("thresholds:\n  churn_day: 3\n", "portrait.yml:2:3: Unknown key 'churn_day' under `thresholds`. Did you mean 'churn_days'?"),
        ("tables:\n  customer:\n    file: a.csv\n", "portrait.yml:2:3: Unknown key 'customer' under `tables`. Did you mean 'customers'?"),
        ("tables:\n  orders:\n    columns:\n      ammount: 金额\n", "portrait.yml:4:7: 'ammount' under `tables.orders.columns` is not a column of the orders table. Did you mean 'amount'?"),
    ])
    func unknownKeysAreErrors(text: String, message: String) {
        #expect(throws: ConfigurationError.self) { try Configuration.parse(text, file: "portrait.yml") }
        do {
            _ = try Configuration.parse(text, file: "portrait.yml")
        } catch {
            #expect(String(describing: error) == message)
        }
    }

    @Test("impossible values are errors naming the key", arguments: [
        ("locale: fr\n", "`locale` must be one of zh-CN, en, not “fr”."),
        ("as_of: 2026-02-30\n", "`as_of` must be a date written YYYY-MM-DD, not “2026-02-30”."),
        ("thresholds:\n  grade_a_share: 1.5\n", "`thresholds.grade_a_share` must be a share between 0 and 1 with at most 4 decimals, such as 0.80, not “1.5”."),
        ("pages:\n  portraits: some\n", "`pages.portraits` must be all, none or top:N (for example top:500), not “some”."),
        ("segments:\n  model: rfm\n", "`segments.model` must be one of cn8, rf10, not “rfm”."),
        ("privacy:\n  mask_contacts: maybe\n", "`privacy.mask_contacts` must be true or false, not “maybe”."),
        ("tables:\n  orders:\n    derive:\n      amount: quantity * (price\n", "`tables.orders.derive.amount` does not parse"),
        ("tables:\n  orders:\n    file: ../secret.csv\n", "`tables.orders.file` must stay inside the data folder, not “../secret.csv”."),
        ("title: [unclosed\n", "This is not valid YAML"),
        ("currency: NOPE\n", "`currency` must be an ISO 4217 code such as CNY or USD, not “NOPE”."),
        ("period: 2026-Q5\n", "`period` must be a mapping of keys to values, not “2026-Q5”."),
        ("title:\n  - a\n", "`title` must be text, not a list."),
        ("thresholds:\n  churn_days: \"\"\n", "`thresholds.churn_days` must be a whole number from 0 to 1000000, not empty."),
        ("title: x\nlocale: " + String(repeating: "中", count: 50) + "\n", "not “" + String(repeating: "中", count: 40) + "…”."),
        ("currency: |\n  NO\n  PE\n", "`currency` must be an ISO 4217 code such as CNY or USD, not “NO…”."),
        ("currency: |\n  NOPE\n", "`currency` must be an ISO 4217 code such as CNY or USD, not “NOPE”."),
        ("currency: \"\\e[31mRED\"\n", "`currency` must be an ISO 4217 code such as CNY or USD, not “\\u{1B}[31mRED”."),
    ])
    func impossibleValuesAreErrors(text: String, fragment: String) {
        do {
            _ = try Configuration.parse(text, file: "portrait.yml")
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(String(describing: error).contains(fragment), "\(error)")
        }
    }

    /// Notepad on a Chinese Windows saved "ANSI" (GBK) by default; the tables may be GB18030,
    /// so the configuration may be too.
    @Test("portrait.yml in GBK or with a BOM is read; a folder, a missing file or binary bytes say so")
    func theFilesEncoding() throws {
        let folder = TemporaryFolder()
        let title = "华东客户报告"
        let gbk = [0xBB, 0xAA, 0xB6, 0xAB, 0xBF, 0xCD, 0xBB, 0xA7, 0xB1, 0xA8, 0xB8, 0xE6] as [UInt8]  // 华东客户报告
        let gbkFile = folder.write("gbk.yml", bytes: Array("title: ".utf8) + gbk + Array("\nlocale: zh-CN\n".utf8))
        #expect(try Configuration.load(file: gbkFile).title == title)
        let bomFile = folder.write("bom.yml", bytes: [0xEF, 0xBB, 0xBF] + Array("title: \(title)\n".utf8))
        #expect(try Configuration.load(file: bomFile).title == title)
        for (path, problem) in [(folder.path, "This is a folder"), (folder.path + "/missing.yml", "cannot be read"),
                                (folder.write("zip.yml", bytes: [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0]), "not text in UTF-8 or GB18030")] {
            #expect {
                try Configuration.load(file: path)
            } throws: { error in
                (error as? ConfigurationError).map { $0.file == path && $0.problem.contains(problem) } ?? false
            }
        }
    }
}
