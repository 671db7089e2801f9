/// The lifecycle stage (生命周期); the first rule of metrics.md that matches wins.
package enum Stage: String, CaseIterable, Sendable {
    case churned, atRisk = "at_risk", loyal, repeated = "repeat", new, prospect, lead

    package var chineseName: String {
        switch self {
        case .churned: "流失"
        case .atRisk: "沉睡预警"
        case .loyal: "忠诚"
        case .repeated: "复购"
        case .new: "新客"
        case .prospect: "意向"
        case .lead: "线索"
        }
    }
}
