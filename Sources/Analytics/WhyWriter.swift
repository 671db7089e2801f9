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
        var bytes: [UInt8] = []
        write(customer: index, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of ``text(customer:)`` to `out`: the portraits and `customers.csv` write
    /// a text per customer, and appending the parts to one buffer allocates nothing per part
    /// where joining `String`s allocated for most of them.
    package func write(customer index: Int, into out: inout [UInt8]) {
        let f = report.customers[index]
        out.reserveCapacity(out.count + 192)
        writeSegmentReason(f, into: &out)
        out.append(contentsOf: (zh ? "；" : "; ").utf8)
        writeGradeReason(f, into: &out)
        out.append(contentsOf: (zh ? "；" : "; ").utf8)
        writeStageReason(f, into: &out)
    }

    private func writeSegmentReason(_ f: CustomerFigures, into out: inout [UInt8]) {
        let name = zh ? f.segment.chineseName : f.segment.rawValue
        guard f.orders > 0 else {
            out.append(contentsOf: "F 0 → ".utf8)
            return out.append(contentsOf: name.utf8)
        }
        switch report.settings.segmentModel {
        case .rf10:
            out.append(contentsOf: "R ".utf8)
            WhyWriter.append(Int(f.rScore), to: &out)
            out.append(contentsOf: ", F ".utf8)
            WhyWriter.append(Int(f.fScore), to: &out)
            out.append(contentsOf: " → ".utf8)
        case .cn8:
            let rfm = report.rfm
            let mean = zh ? " 均值 " : " mean "
            let comma = zh ? "，" : ", "
            func part(_ letter: UInt8, _ score: UInt8, _ high: Bool, _ avg: String) {
                out.append(letter)
                out.append(UInt8(ascii: " "))
                WhyWriter.append(Int(score), to: &out)
                out.append(contentsOf: (high ? " ≥" : " <").utf8)
                out.append(contentsOf: mean.utf8)
                out.append(contentsOf: avg.utf8)
            }
            part(UInt8(ascii: "R"), f.rScore, rfm.isHigh(r: f.rScore), meanR)
            out.append(contentsOf: comma.utf8)
            part(UInt8(ascii: "F"), f.fScore, rfm.isHigh(f: f.fScore), meanF)
            out.append(contentsOf: comma.utf8)
            part(UInt8(ascii: "M"), f.mScore, rfm.isHigh(m: f.mScore), meanM)
            out.append(contentsOf: " → ".utf8)
        }
        out.append(contentsOf: name.utf8)
    }

    private func writeGradeReason(_ f: CustomerFigures, into out: inout [UInt8]) {
        guard let grade = f.grade else {
            return out.append(contentsOf: (zh ? "无分级（潜在）：M 0" : "no grade (prospect): M 0").utf8)
        }
        if zh {
            out.append(contentsOf: grade.rawValue.utf8)
            out.append(contentsOf: " 类：排在前面的客户收入占 ".utf8)
        } else {
            out.append(contentsOf: "grade ".utf8)
            out.append(contentsOf: grade.rawValue.utf8)
            out.append(contentsOf: ": revenue ahead ".utf8)
        }
        out.append(contentsOf: (Ratio(f.revenueBefore * 100, report.grades.totalRevenue)?.formatted(decimals: 2) ?? "0.00").utf8)
        out.append(UInt8(ascii: "%"))
        switch grade {
        case .a:
            out.append(contentsOf: " < ".utf8)
            out.append(contentsOf: boundA.utf8)
        case .b:
            out.append(contentsOf: " ≥ ".utf8)
            out.append(contentsOf: boundA.utf8)
            out.append(contentsOf: (zh ? "，< " : ", < ").utf8)
            out.append(contentsOf: boundB.utf8)
        case .c:
            out.append(contentsOf: " ≥ ".utf8)
            out.append(contentsOf: boundB.utf8)
        }
    }

    private func writeStageReason(_ f: CustomerFigures, into out: inout [UInt8]) {
        let t = report.settings.thresholds
        if zh {
            out.append(contentsOf: "阶段 ".utf8)
            out.append(contentsOf: f.stage.chineseName.utf8)
            out.append(contentsOf: "：".utf8)
        } else {
            out.append(contentsOf: "stage ".utf8)
            out.append(contentsOf: f.stage.rawValue.utf8)
            out.append(contentsOf: ": ".utf8)
        }
        func recency(_ limit: Int) {
            out.append(contentsOf: "R ".utf8)
            if let days = f.recencyDays { WhyWriter.append(Int(days), to: &out) }
            out.append(contentsOf: " > ".utf8)
            WhyWriter.append(limit, to: &out)
        }
        switch f.stage {
        case .churned: recency(t.churnDays)
        case .atRisk: recency(t.atRiskDays)
        case .loyal:
            out.append(contentsOf: "F ".utf8)
            WhyWriter.append(Int(f.orders), to: &out)
            out.append(contentsOf: " ≥ ".utf8)
            WhyWriter.append(t.loyalOrders, to: &out)
        case .repeated:
            out.append(contentsOf: "F ".utf8)
            WhyWriter.append(Int(f.orders), to: &out)
            out.append(contentsOf: " ≥ 2".utf8)
        case .new: out.append(contentsOf: "F 1".utf8)
        case .prospect: out.append(contentsOf: (zh ? "F 0，有互动或商机" : "F 0 with an interaction or opportunity").utf8)
        case .lead: out.append(contentsOf: (zh ? "F 0，无互动或商机" : "F 0, no interaction or opportunity").utf8)
        }
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    private static func append(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var rest = value.magnitude, count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                rest /= 10
                count += 1
            } while rest > 0
            out.append(contentsOf: buffer[(20 - count)...])
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
