import LedgerModel

/// Writes the `why` texts: how each customer's segment, grade and stage follow from its figures.
///
/// Example (en): `R 5 ≥ mean 3.10, F 2 < mean 2.70, M 4 ≥ mean 3.00 → important_develop;
/// grade A: revenue ahead 42.10% < 80%; stage repeat: F 2 ≥ 2`. Means and shares are printed
/// with 2 decimals; the comparisons themselves were made on exact integers. The parts shared by
/// every customer (means, bounds) are formatted once, so a million texts cost one pass.
package struct WhyWriter: Sendable {
    private let report: AnalyticsReport
    private let zh: Bool
    private let meanR: String, meanF: String, meanM: String
    private let boundA: String, boundB: String

    package init(report: AnalyticsReport, locale: ExplanationLocale = .en) {
        self.report = report
        zh = locale == .zhCN
        meanR = report.rfm.meanR?.formatted(decimals: 2) ?? ""
        meanF = report.rfm.meanF?.formatted(decimals: 2) ?? ""
        meanM = report.rfm.meanM?.formatted(decimals: 2) ?? ""
        boundA = WhyWriter.percent(basisPoints: report.settings.thresholds.gradeAShareBasisPoints)
        boundB = WhyWriter.percent(basisPoints: report.settings.thresholds.gradeBShareBasisPoints)
    }

    /// The text of the customer at `index` in `Ledger.customers`.
    package func text(customer index: Int) -> String {
        let f = report.customers[index]
        return segmentReason(f) + (zh ? "；" : "; ") + gradeReason(f) + (zh ? "；" : "; ") + stageReason(f)
    }

    private func segmentReason(_ f: CustomerFigures) -> String {
        let name = zh ? f.segment.chineseName : f.segment.rawValue
        guard f.orders > 0 else { return "F 0 → " + name }
        switch report.settings.segmentModel {
        case .rf10:
            return "R \(f.rScore), F \(f.fScore) → " + name
        case .cn8:
            let rfm = report.rfm
            let mean = zh ? " 均值 " : " mean "
            let comma = zh ? "，" : ", "
            func part(_ letter: String, _ score: UInt8, _ high: Bool, _ avg: String) -> String {
                letter + " " + String(score) + (high ? " ≥" : " <") + mean + avg
            }
            return part("R", f.rScore, rfm.isHigh(r: f.rScore), meanR) + comma
                + part("F", f.fScore, rfm.isHigh(f: f.fScore), meanF) + comma
                + part("M", f.mScore, rfm.isHigh(m: f.mScore), meanM) + " → " + name
        }
    }

    private func gradeReason(_ f: CustomerFigures) -> String {
        guard let grade = f.grade else { return zh ? "无分级（潜在）：M 0" : "no grade (prospect): M 0" }
        let share = (Ratio(f.revenueBefore * 100, report.grades.totalRevenue)?
            .formatted(decimals: 2) ?? "0.00") + "%"
        let head = zh ? grade.rawValue + " 类：排在前面的客户收入占 " : "grade " + grade.rawValue + ": revenue ahead "
        switch grade {
        case .a: return head + share + " < " + boundA
        case .b: return head + share + " ≥ " + boundA + (zh ? "，< " : ", < ") + boundB
        case .c: return head + share + " ≥ " + boundB
        }
    }

    private func stageReason(_ f: CustomerFigures) -> String {
        let t = report.settings.thresholds
        let head = zh ? "阶段 " + f.stage.chineseName + "：" : "stage " + f.stage.rawValue + ": "
        let r = f.recencyDays.map { String($0) } ?? ""
        switch f.stage {
        case .churned: return head + "R " + r + " > " + String(t.churnDays)
        case .atRisk: return head + "R " + r + " > " + String(t.atRiskDays)
        case .loyal: return head + "F " + String(f.orders) + " ≥ " + String(t.loyalOrders)
        case .repeated: return head + "F " + String(f.orders) + " ≥ 2"
        case .new: return head + "F 1"
        case .prospect:
            return head + (zh ? "F 0，有互动或商机" : "F 0 with an interaction or opportunity")
        case .lead:
            return head + (zh ? "F 0，无互动或商机" : "F 0, no interaction or opportunity")
        }
    }

    /// Basis points as a percentage without trailing zeros: 8000 → `80%`, 8250 → `82.5%`.
    static func percent(basisPoints: Int) -> String {
        var text = Money.formatScaled(Int128(basisPoints), decimals: 2)
        while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "%"
    }
}
