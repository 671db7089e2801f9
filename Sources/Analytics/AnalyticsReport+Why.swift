import LedgerModel

extension AnalyticsReport {
    /// The `why` text of one customer: how its segment, grade and stage follow from its figures.
    ///
    /// Example (en): `R 5 ≥ mean 3.10, F 2 < mean 2.70, M 4 ≥ mean 3.00 → important_develop;
    /// grade A: revenue ahead 42.10% < 80%; stage repeat: F 2 ≥ 2`. Means and shares are
    /// printed with 2 decimals; the comparisons themselves were made on exact integers.
    package func why(customer index: Int, locale: ExplanationLocale = .en) -> String {
        let f = customers[index]
        let zh = locale == .zhCN
        return [segmentReason(f, zh: zh), gradeReason(f, zh: zh), stageReason(f, zh: zh)]
            .joined(separator: zh ? "；" : "; ")
    }

    private func segmentReason(_ f: CustomerFigures, zh: Bool) -> String {
        let name = zh ? f.segment.chineseName : f.segment.rawValue
        guard f.orders > 0 else { return "F 0 → " + name }
        switch settings.segmentModel {
        case .rf10:
            return "R \(f.rScore), F \(f.fScore) → " + name
        case .cn8:
            let mean = zh ? "均值" : "mean"
            func part(_ letter: String, _ score: UInt8, _ high: Bool, _ avg: Ratio?) -> String {
                "\(letter) \(score) \(high ? "≥" : "<") \(mean) \(avg?.formatted(decimals: 2) ?? "")"
            }
            let parts = [part("R", f.rScore, rfm.isHigh(r: f.rScore), rfm.meanR),
                         part("F", f.fScore, rfm.isHigh(f: f.fScore), rfm.meanF),
                         part("M", f.mScore, rfm.isHigh(m: f.mScore), rfm.meanM)]
            return parts.joined(separator: zh ? "，" : ", ") + " → " + name
        }
    }

    private func gradeReason(_ f: CustomerFigures, zh: Bool) -> String {
        guard let grade = f.grade else { return zh ? "无分级（潜在）：M 0" : "no grade (prospect): M 0" }
        let total = grades.totalRevenue
        let share = (Ratio(f.revenueBefore * 100, total)?.formatted(decimals: 2) ?? "0.00") + "%"
        let a = Self.percent(ppm: settings.thresholds.gradeASharePPM)
        let b = Self.percent(ppm: settings.thresholds.gradeBSharePPM)
        let head = zh ? "\(grade.rawValue) 类：排在前面的客户收入占 " : "grade \(grade.rawValue): revenue ahead "
        switch grade {
        case .a: return head + share + " < " + a
        case .b: return head + share + " ≥ " + a + (zh ? "，< " : ", < ") + b
        case .c: return head + share + " ≥ " + b
        }
    }

    private func stageReason(_ f: CustomerFigures, zh: Bool) -> String {
        let t = settings.thresholds
        let head = zh ? "阶段 \(f.stage.chineseName)：" : "stage \(f.stage.rawValue): "
        let r = f.recencyDays.map { String($0) } ?? ""
        switch f.stage {
        case .churned: return head + "R \(r) > \(t.churnDays)"
        case .atRisk: return head + "R \(r) > \(t.atRiskDays)"
        case .loyal: return head + "F \(f.orders) ≥ \(t.loyalOrders)"
        case .repeated: return head + "F \(f.orders) ≥ 2"
        case .new: return head + "F 1"
        case .prospect:
            return head + (zh ? "F 0，有互动或商机" : "F 0 with an interaction or opportunity")
        case .lead:
            return head + (zh ? "F 0，无互动或商机" : "F 0, no interaction or opportunity")
        }
    }

    /// Parts per million as a percentage without trailing zeros: 800 000 → `80%`, 825 000 → `82.5%`.
    static func percent(ppm: Int) -> String {
        var text = Money.formatScaled(Int128(ppm), decimals: 4)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "%"
    }
}
