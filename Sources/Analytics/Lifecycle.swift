import LedgerModel

/// Lifecycle stages, the funnel and the time-to-purchase medians (metrics.md "Lifecycle stage").
enum Lifecycle {
    /// Gives every customer its stage (first matching rule) and counts the funnel.
    /// - Complexity: one pass over the customers, then two sorts for the medians.
    static func assign(_ figures: inout [CustomerFigures], settings: AnalysisSettings) -> LifecycleSummary {
        let t = settings.thresholds
        var summary = LifecycleSummary()
        var engaged = 0, converted = 0, repeated = 0, loyal = 0
        let stages = Stage.allCases
        var stageCounts = [Int](repeating: 0, count: stages.count)
        let asOf = settings.asOf.raw
        figures.withUnsafeMutableBufferPointer { fig in
            for i in fig.indices {
                let stage = stage(of: fig[i], thresholds: t)
                fig[i].stage = stage
                stageCounts[stages.firstIndex(of: stage) ?? 0] += 1
                let f = fig[i]
                if f.isEngaged { engaged += 1 }
                if f.orders >= 1 { converted += 1 }
                if f.orders >= 2 { repeated += 1 }
                if f.orders >= 2, f.orders >= Int32(t.loyalOrders), let r = f.recencyDays, r <= t.atRiskDays { loyal += 1 }
                // tenure = T − created_at, set exactly when created_at ≤ T.
                if let first = f.firstOrder, let tenure = f.tenureDays {
                    summary.daysToFirstOrder.append(first.raw - (asOf - tenure))
                }
                if let first = f.firstOrder, let second = f.secondOrder {
                    summary.daysToSecondOrder.append(second.raw - first.raw)
                }
            }
        }
        summary.stageCounts = stageCounts
        Lifecycle.sort(&summary.daysToFirstOrder)
        Lifecycle.sort(&summary.daysToSecondOrder)
        let counts = [("all", figures.count), ("engaged", engaged), ("converted", converted),
                      ("repeat", repeated), ("loyal", loyal)]
        for (k, (code, count)) in counts.enumerated() {
            let conversion = k == 0 ? nil : Ratio(count, counts[k - 1].1)
            summary.funnel.append(FunnelStep(step: code, count: count, conversion: conversion))
        }
        return summary
    }

    /// The first rule of metrics.md that matches.
    static func stage(of f: CustomerFigures, thresholds t: Thresholds) -> Stage {
        if f.orders >= 1, let r = f.recencyDays {
            if r > t.churnDays { return .churned }
            if r > t.atRiskDays { return .atRisk }
        }
        if f.orders >= Int32(t.loyalOrders) { return .loyal }
        if f.orders >= 2 { return .repeated }
        if f.orders == 1 { return .new }
        if f.interactions > 0 || f.hasOpportunity { return .prospect }
        return .lead
    }

    /// Sorts day counts ascending: by counting when they span few days (they are days within
    /// a ledger's years), else by comparison.
    /// - Complexity: O(n + span) or O(n log n).
    static func sort(_ values: inout [Int32]) {
        guard let low = values.min(), let high = values.max() else { return }
        let span = Int(high) - Int(low) + 1
        guard span <= 2 * values.count + 4096 else {
            values.sort()
            return
        }
        var counts = [Int](repeating: 0, count: span)
        for v in values { counts[Int(v) - Int(low)] += 1 }
        var k = 0
        values.withUnsafeMutableBufferPointer { out in
            for offset in 0..<span {
                let value = Int32(Int(low) + offset)
                for _ in 0..<counts[offset] {
                    out[k] = value
                    k += 1
                }
            }
        }
    }

    /// Median of sorted values: the middle one, or the mean of the two middle ones.
    static func median<T: BinaryInteger>(_ sorted: [T]) -> Ratio? {
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        if sorted.count % 2 == 1 { return Ratio(Int128(sorted[mid]), 1) }
        return Ratio(Int128(sorted[mid - 1]) + Int128(sorted[mid]), 2)
    }
}
