import LedgerModel

extension HeaderAliases {
    /// Every canonical column of `table` with its aliases, as written (folded when looked up).
    ///
    /// The lists hold input-format.md's aliases, then the headers real exports use: 纷享销客 and
    /// Excel sales details (`订单编号`, `客户名称`), Zoho CRM (`ACCOUNTID`, `Account Owner`,
    /// `Billing State`, `Created Time`), Salesforce (`Account ID`, `Billing State/Province`,
    /// `Opportunity Owner`, `Close Date`) and HubSpot (`Record ID`, `Company name`, `Deal Stage`,
    /// `Deal owner`, `Create Date`). An alias never names two columns of one table (a test checks).
    static func aliasTable(of table: TableName) -> [(column: String, aliases: [String])] {
        switch table {
        case .customers: customers
        case .orders: orders
        case .interactions: interactions
        case .reps: reps
        case .opportunities: opportunities
        }
    }

    private static let customers: [(column: String, aliases: [String])] = [
        ("customer_id", ["客户编号", "客户ID", "客户代码", "客户编码", "客户号", "id", "account id",
                         "CustomerID", "customer no", "customer number", "cust id", "record id",
                         "company id", "account number"]),
        ("name", ["客户名称", "公司名称", "姓名", "account", "account name", "company name",
                  "CompanyName", "客户名", "客户全称", "客户", "名称", "customer name", "customer",
                  "company", "企业名称"]),
        ("type", ["客户类型", "类型", "customer type", "account type"]),
        ("industry", ["行业", "所属行业", "sector", "行业类别", "行业分类"]),
        ("region", ["地区", "省份", "区域", "state", "province", "所在省份", "所在地区", "省",
                    "billing state", "billing state/province", "billing province",
                    "mailing state", "shipping state", "state/region", "state/province"]),
        ("city", ["城市", "所在城市", "市", "billing city", "mailing city", "shipping city"]),
        ("address", ["地址", "详细地址", "公司地址", "联系地址", "通讯地址", "billing street",
                     "street address", "street"]),
        ("contact_name", ["联系人", "ContactName", "联系人姓名", "contact", "contact person",
                          "primary contact"]),
        ("phone", ["联系电话", "电话", "手机", "手机号", "mobile", "tel", "手机号码", "电话号码",
                   "telephone", "phone number", "mobile phone", "联系方式"]),
        ("email", ["邮箱", "电子邮件", "e-mail", "email address", "电子邮箱", "邮件", "邮箱地址"]),
        ("gender", ["性别", "sex"]),
        ("birth_date", ["出生日期", "生日", "birthday", "date of birth", "dob"]),
        ("source", ["客户来源", "来源渠道", "lead source", "channel", "来源", "获客渠道",
                    "account source", "original source"]),
        ("owner_id", ["负责人", "负责人编号", "销售代表", "owner", "account owner", "sales agent",
                      "account manager", "客户经理", "所属销售", "归属销售", "业务员", "销售",
                      "company owner", "owner id", "销售负责人"]),
        ("grade", ["客户等级", "等级", "级别", "tier", "客户级别", "rating", "客户分级"]),
        ("tags", ["标签", "tag", "客户标签"]),
        ("created_at", ["建档日期", "创建时间", "创建日期", "created time", "created date",
                        "create date", "建档时间", "date created", "created on", "录入时间"]),
        ("updated_at", ["最后更新", "更新时间", "修改时间", "最后修改时间", "最后更新时间",
                        "更新日期", "修改日期", "modified time", "last modified date",
                        "last modified", "last modified time", "updated time", "updated date"]),
    ]

    private static let orders: [(column: String, aliases: [String])] = [
        ("order_id", ["订单编号", "订单号", "订单ID", "invoice", "invoice no", "OrderID", "订单编码",
                      "InvoiceNo", "invoice number", "order no", "order number", "单号", "单据编号",
                      "销售单号", "发票号"]),
        ("customer_id", ["客户编号", "CustomerID", "account", "客户ID", "客户代码", "客户编码",
                         "客户号", "account id", "customer no", "customer number", "cust id"]),
        ("order_date", ["订单日期", "下单日期", "成交日期", "日期", "InvoiceDate", "OrderDate",
                        "下单时间", "订单时间", "交易日期", "交易时间", "销售日期", "单据日期",
                        "date", "order time"]),
        ("amount", ["金额", "销售额", "成交金额", "订单金额", "total", "sales", "revenue",
                    "close value", "总金额", "销售金额", "实收金额", "实付金额", "合计金额",
                    "total amount", "order total", "order amount"]),
        ("product", ["产品", "产品名称", "StockCode", "description", "商品", "商品名称",
                     "product name", "品名", "item"]),
        ("category", ["类别", "品类", "产品类别", "商品类别", "产品分类", "商品分类",
                      "product category"]),
        ("quantity", ["数量", "qty", "销量", "销售数量"]),
        ("status", ["状态", "订单状态", "order status"]),
        ("owner_id", ["销售代表", "EmployeeID", "sales agent", "负责人", "owner", "销售", "业务员",
                      "销售员", "销售人员", "salesperson", "sales rep", "owner id", "employee id"]),
        // Customer columns carried by sales-detail exports (one row per order line).
        ("name", ["客户名称", "公司名称", "客户名", "客户", "customer name", "company name",
                  "CompanyName", "account name"]),
        ("region", ["地区", "省份", "区域", "state", "province", "所在省份"]),
        ("city", ["城市", "所在城市"]),
        ("industry", ["行业", "所属行业", "sector"]),
        ("type", ["客户类型", "customer type"]),
    ]

    private static let interactions: [(column: String, aliases: [String])] = [
        ("interaction_id", ["记录编号", "记录ID", "互动编号", "activity id", "id", "record id"]),
        ("customer_id", ["客户编号", "客户ID", "客户代码", "客户编码", "CustomerID", "account",
                         "account id"]),
        ("date", ["日期", "时间", "沟通时间", "联系时间", "互动时间", "跟进时间", "活动日期",
                  "记录时间", "activity date", "interaction date", "contact date"]),
        ("channel", ["渠道", "方式", "沟通方式", "联系方式", "跟进方式", "contact method",
                     "activity type"]),
        ("kind", ["类型", "互动类型", "type", "interaction type", "事项类型", "跟进类型"]),
        ("owner_id", ["负责人", "记录人", "owner", "跟进人", "sales agent", "销售代表",
                      "assigned to", "activity owner"]),
        ("satisfaction", ["满意度", "评分", "review score", "score", "rating", "满意度评分"]),
        ("resolved_at", ["解决时间", "处理完成时间", "解决日期", "完成时间", "resolved date",
                         "resolved time"]),
        ("summary", ["内容", "摘要", "备注", "notes", "note", "description", "沟通内容",
                     "跟进内容", "详情", "subject", "主题"]),
    ]

    private static let reps: [(column: String, aliases: [String])] = [
        ("rep_id", ["员工编号", "工号", "sales agent", "EmployeeID", "销售编号", "rep id",
                    "employee id", "user id", "id"]),
        ("name", ["姓名", "地区经理", "销售经理", "销售代表", "员工姓名", "名字", "rep name",
                  "full name", "销售"]),
        ("team", ["团队", "部门", "小组", "regional office", "department", "销售团队", "division"]),
        ("manager", ["主管", "经理", "ReportsTo", "上级", "直属上级", "reports to"]),
        ("region", ["区域", "地区", "负责区域", "销售区域", "省份", "territory"]),
        ("quota", ["指标", "目标", "业绩目标", "销售目标", "业绩指标", "年度目标", "target",
                   "sales target"]),
    ]

    private static let opportunities: [(column: String, aliases: [String])] = [
        ("opportunity_id", ["商机编号", "opportunity id", "商机ID", "deal id", "record id", "id"]),
        ("customer_id", ["客户编号", "account", "客户ID", "客户代码", "客户编码", "CustomerID",
                         "account id"]),
        ("owner_id", ["负责人", "sales agent", "owner", "opportunity owner", "deal owner",
                      "销售代表", "商机负责人"]),
        ("stage", ["阶段", "deal stage", "商机阶段", "销售阶段", "stage name"]),
        ("amount", ["金额", "预计金额", "close value", "商机金额", "预计成交金额", "deal amount"]),
        ("created_at", ["创建日期", "engage date", "创建时间", "create date", "created date",
                        "created time"]),
        ("closed_at", ["关闭日期", "成交日期", "close date", "关闭时间", "结束日期", "赢单日期",
                       "closing date"]),
    ]
}
