import LedgerModel

/// Headers and enum values of each locale, the parts of a sample that depend on the language.
///
/// Every zh-CN header is an alias that input-format.md lists for its table, and no two headers
/// of a table map to one column.
extension SampleVocabulary {
    static func headers(_ table: TableName, _ locale: SampleLocale) -> [String] {
        switch (table, locale) {
        case (.customers, .en):
            return ["customer_id", "name", "type", "industry", "region", "city", "address", "contact_name",
                    "phone", "email", "gender", "birth_date", "source", "owner_id", "grade", "tags",
                    "created_at", "updated_at"]
        case (.customers, .zhCN):
            return ["客户编号", "客户名称", "客户类型", "所属行业", "省份", "城市", "详细地址", "联系人",
                    "手机", "邮箱", "性别", "出生日期", "客户来源", "负责人", "客户等级", "标签",
                    "建档日期", "最后更新"]
        case (.orders, .en):
            return ["order_id", "customer_id", "order_date", "amount", "product", "category", "quantity",
                    "status", "owner_id"]
        case (.orders, .zhCN):
            return ["订单编号", "客户编号", "下单日期", "金额", "产品名称", "产品类别", "数量", "订单状态", "销售代表"]
        case (.interactions, .en):
            return ["interaction_id", "customer_id", "date", "channel", "kind", "owner_id", "satisfaction",
                    "resolved_at", "summary"]
        case (.interactions, .zhCN):
            return ["记录编号", "客户编号", "沟通时间", "沟通方式", "互动类型", "负责人", "满意度", "解决时间", "内容"]
        case (.reps, .en):
            return ["rep_id", "name", "team", "manager", "region", "quota"]
        case (.reps, .zhCN):
            return ["员工编号", "姓名", "团队", "主管", "区域", "业绩目标"]
        case (.opportunities, .en):
            return ["opportunity_id", "customer_id", "owner_id", "stage", "amount", "created_at", "closed_at"]
        case (.opportunities, .zhCN):
            return ["商机编号", "客户编号", "负责人", "阶段", "预计金额", "创建日期", "关闭日期"]
        }
    }

    /// The canonical names of `headers(table, .en)`, used in the manifest.
    static func canonical(_ table: TableName) -> [String] { headers(table, .en) }

    /// Root and record element names of the generic XML shape.
    static func xmlNames(_ table: TableName) -> (root: String, record: String) {
        switch table {
        case .customers: return ("customers", "customer")
        case .orders: return ("orders", "order")
        case .interactions: return ("interactions", "interaction")
        case .reps: return ("reps", "rep")
        case .opportunities: return ("opportunities", "opportunity")
        }
    }

    static func status(_ value: OrderStatus, _ locale: SampleLocale) -> String {
        guard locale == .zhCN else { return value.rawValue }
        switch value {
        case .completed: return "已完成"
        case .refunded: return "已退款"
        case .cancelled: return "已取消"
        case .unknown: return "已发货"
        }
    }

    static func channel(_ value: Channel, _ locale: SampleLocale) -> String {
        guard locale == .zhCN else { return value.rawValue }
        switch value {
        case .phone: return "电话"
        case .email: return "邮件"
        case .meeting: return "会议"
        case .visit: return "拜访"
        case .wechat: return "微信"
        case .social: return "社交媒体"
        case .web: return "网站"
        case .other: return "其他"
        }
    }

    static func kind(_ value: InteractionKind, _ locale: SampleLocale) -> String {
        guard locale == .zhCN else { return value.rawValue }
        switch value {
        case .followUp: return "跟进"
        case .consultation: return "咨询"
        case .complaint: return "投诉"
        case .service: return "服务"
        case .feedback: return "反馈"
        case .survey: return "调查"
        case .other: return "其他"
        }
    }

    static func stage(_ value: OpportunityStage, _ locale: SampleLocale) -> String {
        guard locale == .zhCN else { return value.rawValue }
        switch value {
        case .lead: return "线索"
        case .qualified: return "需求确认"
        case .proposal: return "方案报价"
        case .negotiation: return "谈判"
        case .won: return "赢单"
        case .lost: return "输单"
        }
    }

    static func customerType(_ value: CustomerType, _ locale: SampleLocale) -> String {
        guard locale == .zhCN else { return value.rawValue }
        return value == .company ? "企业" : "个人"
    }

    static func gender(_ value: Gender, _ locale: SampleLocale) -> String {
        guard locale == .zhCN else { return value.rawValue }
        return value == .male ? "男" : "女"
    }

    /// Values that match no code of their column (`bad_value`), as people really type them.
    static func unknownValue(_ column: String, _ locale: SampleLocale) -> String {
        let zh = locale == .zhCN
        switch column {
        case "status": return zh ? "已发货" : "shipped"
        case "channel": return zh ? "传真" : "fax"
        case "kind": return zh ? "售后回访" : "callback"
        case "stage": return zh ? "暂缓" : "on hold"
        case "type": return zh ? "机构" : "institution"
        default: return zh ? "未知" : "unknown"
        }
    }
}
