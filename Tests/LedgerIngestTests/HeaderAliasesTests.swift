import Foundation
import LedgerModel
import Testing
@testable import LedgerIngest

/// Header folding, canonical columns and per-table aliases.
@Suite("Header aliases")
struct HeaderAliasesTests {
    @Test("Headers fold alike whatever their case, width and separators", arguments: [
        ("Customer ID", "customerid"), ("customer-id", "customerid"), ("CUSTOMER_ID", "customerid"),
        ("  customer_id  ", "customerid"), ("ＣｕｓｔｏｍｅｒＩＤ", "customerid"), ("客户 编号", "客户编号"),
        ("\u{FEFF}客户编号", "客户编号"), ("Billing State/Province", "billingstate/province"),
        ("E-mail", "email"),
    ])
    func fold(header: String, expected: String) {
        #expect(HeaderAliases.fold(header) == expected)
    }

    @Test("Aliases name their canonical column", arguments: [
        // customers
        ("customer_id", TableName.customers, "customer_id"), ("Customer ID", .customers, "customer_id"),
        ("customer-id", .customers, "customer_id"), ("客户编号", .customers, "customer_id"),
        ("ＣｕｓｔｏｍｅｒＩＤ", .customers, "customer_id"), ("CustomerID", .customers, "customer_id"),
        ("ACCOUNTID", .customers, "customer_id"), ("Account ID", .customers, "customer_id"),
        ("Record ID", .customers, "customer_id"), ("id", .customers, "customer_id"),
        ("客户名称", .customers, "name"), ("Account Name", .customers, "name"),
        ("Company name", .customers, "name"), ("CompanyName", .customers, "name"),
        ("姓名", .customers, "name"), ("Name", .customers, "name"),
        ("客户类型", .customers, "type"), ("Industry", .customers, "industry"), ("行业", .customers, "industry"),
        ("Billing State", .customers, "region"), ("Billing State/Province", .customers, "region"),
        ("省份", .customers, "region"), ("State/Region", .customers, "region"),
        ("Billing City", .customers, "city"), ("城市", .customers, "city"),
        ("详细地址", .customers, "address"), ("ContactName", .customers, "contact_name"),
        ("Phone", .customers, "phone"), ("Phone Number", .customers, "phone"), ("手机号", .customers, "phone"),
        ("E-mail", .customers, "email"), ("邮箱", .customers, "email"), ("性别", .customers, "gender"),
        ("生日", .customers, "birth_date"), ("Lead Source", .customers, "source"),
        ("Account Owner", .customers, "owner_id"), ("负责人", .customers, "owner_id"),
        ("sales agent", .customers, "owner_id"), ("客户等级", .customers, "grade"), ("标签", .customers, "tags"),
        ("Created Time", .customers, "created_at"), ("Created Date", .customers, "created_at"),
        ("Create Date", .customers, "created_at"), ("建档日期", .customers, "created_at"),
        ("Modified Time", .customers, "updated_at"), ("Last Modified Date", .customers, "updated_at"),
        ("最后更新", .customers, "updated_at"),
        // orders
        ("订单编号", .orders, "order_id"), ("InvoiceNo", .orders, "order_id"), ("Invoice", .orders, "order_id"),
        ("OrderID", .orders, "order_id"), ("客户编号", .orders, "customer_id"), ("CustomerID", .orders, "customer_id"),
        ("订单日期", .orders, "order_date"), ("InvoiceDate", .orders, "order_date"), ("日期", .orders, "order_date"),
        ("金额", .orders, "amount"), ("Close Value", .orders, "amount"), ("Revenue", .orders, "amount"),
        ("StockCode", .orders, "product"), ("Description", .orders, "product"), ("品类", .orders, "category"),
        ("数量", .orders, "quantity"), ("订单状态", .orders, "status"), ("EmployeeID", .orders, "owner_id"),
        ("客户名称", .orders, "name"), ("地区", .orders, "region"), ("城市", .orders, "city"),
        // interactions
        ("记录编号", .interactions, "interaction_id"), ("客户编号", .interactions, "customer_id"),
        ("沟通时间", .interactions, "date"), ("Date", .interactions, "date"), ("沟通方式", .interactions, "channel"),
        ("类型", .interactions, "kind"), ("互动类型", .interactions, "kind"), ("记录人", .interactions, "owner_id"),
        ("Review Score", .interactions, "satisfaction"), ("处理完成时间", .interactions, "resolved_at"),
        ("备注", .interactions, "summary"), ("Notes", .interactions, "summary"),
        // reps
        ("工号", .reps, "rep_id"), ("EmployeeID", .reps, "rep_id"), ("姓名", .reps, "name"),
        ("地区经理", .reps, "name"), ("Regional Office", .reps, "team"), ("ReportsTo", .reps, "manager"),
        ("区域", .reps, "region"), ("业绩目标", .reps, "quota"),
        // opportunities
        ("商机编号", .opportunities, "opportunity_id"), ("Opportunity ID", .opportunities, "opportunity_id"),
        ("客户编号", .opportunities, "customer_id"), ("Deal Stage", .opportunities, "stage"),
        ("阶段", .opportunities, "stage"), ("Deal owner", .opportunities, "owner_id"),
        ("Opportunity Owner", .opportunities, "owner_id"), ("预计金额", .opportunities, "amount"),
        ("Amount", .opportunities, "amount"), ("Engage Date", .opportunities, "created_at"),
        ("Close Date", .opportunities, "closed_at"), ("关闭日期", .opportunities, "closed_at"),
    ])
    func alias(header: String, table: TableName, expected: String) {
        #expect(HeaderAliases.canonical(header, in: table) == expected)
    }

    @Test("One alias names different columns in different tables", arguments: [
        ("account", TableName.customers, "name"), ("account", .orders, "customer_id"),
        ("account", .opportunities, "customer_id"),
        ("sales agent", .orders, "owner_id"), ("sales agent", .opportunities, "owner_id"),
        ("sales agent", .reps, "rep_id"), ("Sales Agent", .customers, "owner_id"),
        ("成交日期", .orders, "order_date"), ("成交日期", .opportunities, "closed_at"),
        ("EmployeeID", .orders, "owner_id"), ("EmployeeID", .reps, "rep_id"),
        ("类型", .interactions, "kind"), ("类型", .customers, "type"),
        ("销售代表", .customers, "owner_id"), ("销售代表", .reps, "name"),
        ("姓名", .customers, "name"), ("姓名", .reps, "name"),
        ("金额", .orders, "amount"), ("金额", .opportunities, "amount"),
    ])
    func ambiguous(header: String, table: TableName, expected: String) {
        #expect(HeaderAliases.canonical(header, in: table) == expected)
    }

    @Test("Unknown headers are nil", arguments: [
        ("unit_price", TableName.orders), ("单价", .orders), ("折扣", .orders), ("foo", .customers),
        ("stage", .customers), ("order_id", .customers), ("rep_id", .orders), ("", .customers),
    ])
    func unknown(header: String, table: TableName) {
        #expect(HeaderAliases.canonical(header, in: table) == nil)
    }

    @Test("Every canonical column matches itself, in any spelling", arguments: TableName.allCases)
    func canonicalNames(table: TableName) {
        for column in HeaderAliases.columns(of: table) {
            #expect(HeaderAliases.canonical(column, in: table) == column)
            #expect(HeaderAliases.canonical(column.uppercased(), in: table) == column)
            let spaced = column.replacingOccurrences(of: "_", with: " ")
            #expect(HeaderAliases.canonical(spaced, in: table) == column)
        }
    }

    @Test("No alias names two columns of one table", arguments: TableName.allCases)
    func noConflicts(table: TableName) {
        var seen: [String: String] = [:]
        for (column, aliases) in HeaderAliases.aliasTable(of: table) {
            for alias in [column] + aliases {
                let key = HeaderAliases.fold(alias)
                if let other = seen[key], other != column {
                    Issue.record("\(table): '\(alias)' names both \(other) and \(column)")
                }
                seen[key] = column
            }
        }
    }

    @Test("Columns follow input-format.md and required columns are among them")
    func columns() {
        #expect(HeaderAliases.columns(of: .customers) == [
            "customer_id", "name", "type", "industry", "region", "city", "address", "contact_name",
            "phone", "email", "gender", "birth_date", "source", "owner_id", "grade", "tags",
            "created_at", "updated_at",
        ])
        #expect(HeaderAliases.columns(of: .orders).prefix(9) == [
            "order_id", "customer_id", "order_date", "amount", "product", "category", "quantity",
            "status", "owner_id",
        ])
        #expect(HeaderAliases.columns(of: .interactions) == [
            "interaction_id", "customer_id", "date", "channel", "kind", "owner_id", "satisfaction",
            "resolved_at", "summary",
        ])
        #expect(HeaderAliases.columns(of: .reps) == ["rep_id", "name", "team", "manager", "region", "quota"])
        #expect(HeaderAliases.columns(of: .opportunities) == [
            "opportunity_id", "customer_id", "owner_id", "stage", "amount", "created_at", "closed_at",
        ])
        for table in TableName.allCases {
            for column in HeaderAliases.required(of: table) {
                #expect(HeaderAliases.columns(of: table).contains(column))
            }
        }
        #expect(HeaderAliases.required(of: .orders) == ["order_id", "customer_id", "order_date", "amount"])
    }
}
