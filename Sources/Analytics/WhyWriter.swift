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
    // UTF-8, formatted once and appended to every text.
    private let meanR: [UInt8], meanF: [UInt8], meanM: [UInt8]
    private let boundA: [UInt8], boundB: [UInt8]

    package init(report: AnalyticsReport, locale: ExplanationLocale = .en) {
        self.report = report
        zh = locale == .zhCN
        meanR = Array((report.rfm.meanR?.formatted(decimals: 2) ?? "").utf8)
        meanF = Array((report.rfm.meanF?.formatted(decimals: 2) ?? "").utf8)
        meanM = Array((report.rfm.meanM?.formatted(decimals: 2) ?? "").utf8)
        boundA = Array(WhyWriter.percent(basisPoints: report.settings.thresholds.gradeAShareBasisPoints).utf8)
        boundB = Array(WhyWriter.percent(basisPoints: report.settings.thresholds.gradeBShareBasisPoints).utf8)
    }

    /// The text of the customer at `index` in `Ledger.customers`.
    package func text(customer index: Int) -> String {
        var bytes: [UInt8] = []
        write(customer: index, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of ``text(customer:)`` to `out`: the portraits and `customers.csv` write
    /// a text per customer, and appending the parts to one buffer allocates nothing per part
    /// where joining `String`s allocated for most of them. Literals are appended as
    /// `StaticString`s and the shared parts as bytes formatted once: appending a `String`'s
    /// `utf8` went through the generic sequence append, a quarter of this writer's time.
    package func write(customer index: Int, into out: inout [UInt8]) {
        let f = report.customers[index]
        out.reserveCapacity(out.count + 192)
        writeSegmentReason(f, into: &out)
        Self.append(zh ? "；" : "; ", to: &out)
        writeGradeReason(f, into: &out)
        Self.append(zh ? "；" : "; ", to: &out)
        writeStageReason(f, into: &out)
    }

    private func writeSegmentReason(_ f: CustomerFigures, into out: inout [UInt8]) {
        let name = zh ? f.segment.chineseName : f.segment.rawValue
        guard f.orders > 0 else {
            Self.append("F 0 → ", to: &out)
            return Self.append(text: name, to: &out)
        }
        switch report.settings.segmentModel {
        case .rf10:
            Self.append("R ", to: &out)
            Self.append(Int(f.rScore), to: &out)
            Self.append(", F ", to: &out)
            Self.append(Int(f.fScore), to: &out)
            Self.append(" → ", to: &out)
        case .cn8:
            let rfm = report.rfm
            let mean: StaticString = zh ? " 均值 " : " mean "
            let comma: StaticString = zh ? "，" : ", "
            func part(_ letter: UInt8, _ score: UInt8, _ high: Bool, _ avg: [UInt8]) {
                out.append(letter)
                out.append(UInt8(ascii: " "))
                Self.append(Int(score), to: &out)
                Self.append(high ? " ≥" : " <", to: &out)
                Self.append(mean, to: &out)
                out.append(contentsOf: avg)
            }
            part(UInt8(ascii: "R"), f.rScore, rfm.isHigh(r: f.rScore), meanR)
            Self.append(comma, to: &out)
            part(UInt8(ascii: "F"), f.fScore, rfm.isHigh(f: f.fScore), meanF)
            Self.append(comma, to: &out)
            part(UInt8(ascii: "M"), f.mScore, rfm.isHigh(m: f.mScore), meanM)
            Self.append(" → ", to: &out)
        }
        Self.append(text: name, to: &out)
    }

    private func writeGradeReason(_ f: CustomerFigures, into out: inout [UInt8]) {
        guard let grade = f.grade else {
            return Self.append(zh ? "无分级（潜在）：M 0" : "no grade (prospect): M 0", to: &out)
        }
        if zh {
            Self.append(text: grade.rawValue, to: &out)
            Self.append(" 类：排在前面的客户收入占 ", to: &out)
        } else {
            Self.append("grade ", to: &out)
            Self.append(text: grade.rawValue, to: &out)
            Self.append(": revenue ahead ", to: &out)
        }
        if let share = Ratio(f.revenueBefore * 100, report.grades.totalRevenue) {
            Self.append(twoDecimals: share, to: &out)
        } else {
            Self.append("0.00", to: &out)
        }
        out.append(UInt8(ascii: "%"))
        switch grade {
        case .a:
            Self.append(" < ", to: &out)
            out.append(contentsOf: boundA)
        case .b:
            Self.append(" ≥ ", to: &out)
            out.append(contentsOf: boundA)
            Self.append(zh ? "，< " : ", < ", to: &out)
            out.append(contentsOf: boundB)
        case .c:
            Self.append(" ≥ ", to: &out)
            out.append(contentsOf: boundB)
        }
    }

    private func writeStageReason(_ f: CustomerFigures, into out: inout [UInt8]) {
        let t = report.settings.thresholds
        if zh {
            Self.append("阶段 ", to: &out)
            Self.append(text: f.stage.chineseName, to: &out)
            Self.append("：", to: &out)
        } else {
            Self.append("stage ", to: &out)
            Self.append(text: f.stage.rawValue, to: &out)
            Self.append(": ", to: &out)
        }
        func recency(_ limit: Int) {
            Self.append("R ", to: &out)
            if let days = f.recencyDays { Self.append(Int(days), to: &out) }
            Self.append(" > ", to: &out)
            Self.append(limit, to: &out)
        }
        switch f.stage {
        case .churned: recency(t.churnDays)
        case .atRisk: recency(t.atRiskDays)
        case .loyal:
            Self.append("F ", to: &out)
            Self.append(Int(f.orders), to: &out)
            Self.append(" ≥ ", to: &out)
            Self.append(t.loyalOrders, to: &out)
        case .repeated:
            Self.append("F ", to: &out)
            Self.append(Int(f.orders), to: &out)
            Self.append(" ≥ 2", to: &out)
        case .new: Self.append("F 1", to: &out)
        case .prospect: Self.append(zh ? "F 0，有互动或商机" : "F 0 with an interaction or opportunity", to: &out)
        case .lead: Self.append(zh ? "F 0，无互动或商机" : "F 0, no interaction or opportunity", to: &out)
        }
    }

    @inline(__always)
    private static func append(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends a name (a segment's, a stage's): literals, so `withUTF8` copies nothing.
    @inline(__always)
    private static func append(text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Appends `ratio` as `formatted(decimals: 2)` writes it, without a `String` when its
    /// rounded value fits 64 bits (every share of revenue does).
    private static func append(twoDecimals ratio: Ratio, to out: inout [UInt8]) {
        guard let cents = Int64(exactly: ratio.scaled(decimals: 2)), cents != .min else {
            return append(text: ratio.formatted(decimals: 2), to: &out)
        }
        if cents < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = cents.magnitude
        append(Int(magnitude / 100), to: &out)
        let fraction = UInt8(magnitude % 100)
        let tail = (UInt8(ascii: "."), fraction / 10 &+ 0x30, fraction % 10 &+ 0x30)
        withUnsafeBytes(of: tail) { out.append(contentsOf: $0) }
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
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
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
