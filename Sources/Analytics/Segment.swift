/// An RFM segment; the raw value is the code in exports.
package enum Segment: String, CaseIterable, Sendable {
    case importantValue = "important_value"
    case importantDevelop = "important_develop"
    case importantKeep = "important_keep"
    case importantWinback = "important_winback"
    case generalValue = "general_value"
    case generalDevelop = "general_develop"
    case generalKeep = "general_keep"
    case generalWinback = "general_winback"
    case champions
    case loyal
    case potentialLoyalist = "potential_loyalist"
    case newCustomers = "new"
    case promising
    case needAttention = "need_attention"
    case aboutToSleep = "about_to_sleep"
    case cantLose = "cant_lose"
    case atRisk = "at_risk"
    case hibernating
    /// F = 0 in either model (未成交).
    case noPurchase = "no_purchase"

    /// The Chinese name of metrics.md (cn8 names; rf10 names are common translations).
    package var chineseName: String {
        switch self {
        case .importantValue: "重要价值客户"
        case .importantDevelop: "重要发展客户"
        case .importantKeep: "重要保持客户"
        case .importantWinback: "重要挽留客户"
        case .generalValue: "一般价值客户"
        case .generalDevelop: "一般发展客户"
        case .generalKeep: "一般保持客户"
        case .generalWinback: "一般挽留客户"
        case .champions: "冠军客户"
        case .loyal: "忠诚客户"
        case .potentialLoyalist: "潜力客户"
        case .newCustomers: "新客户"
        case .promising: "有望客户"
        case .needAttention: "需关注客户"
        case .aboutToSleep: "即将沉睡客户"
        case .cantLose: "不能流失客户"
        case .atRisk: "风险客户"
        case .hibernating: "沉睡客户"
        case .noPurchase: "未成交"
        }
    }
}
