import LedgerModel

/// Lifecycle stages, the funnel and the time-to-purchase medians (metrics.md "Lifecycle stage").
enum Lifecycle {
    /// Gives every customer its stage (first matching rule) and counts the funnel.
    /// - Complexity: one pass over the customers, then two sorts for the medians.
    static func assign(_ figures: inout [CustomerFigures], ledger: Ledger,
                       settings: AnalysisSettings) -> LifecycleSummary {
        let t = settings.thresholds
        var summary = LifecycleSummary()
        var engaged = 0, converted = 0, repeated = 0, loyal = 0
        for i in figures.indices {
            let stage = stage(of: figures[i], thresholds: t)
            figures[i].stage = stage
            summary.stageCounts[Stage.allCases.firstIndex(of: stage) ?? 0] += 1
            let f = figures[i]
            if f.isEngaged { engaged += 1 }
            if f.orders >= 1 { converted += 1 }
            if f.orders >= 2 { repeated += 1 }
            if f.orders >= 2, f.orders >= Int32(t.loyalOrders), let r = f.recencyDays, r <= t.atRiskDays { loyal += 1 }
            if let first = f.firstOrder, let created = ledger.customers[i].createdAt,
               created <= settings.asOf {
                summary.daysToFirstOrder.append(Int32(first - created))
            }
            if let first = f.firstOrder, let second = f.secondOrder {
                summary.daysToSecondOrder.append(Int32(second - first))
            }
        }
        summary.daysToFirstOrder.sort()
        summary.daysToSecondOrder.sort()
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

    /// Median of sorted values: the middle one, or the mean of the two middle ones.
    static func median<T: BinaryInteger>(_ sorted: [T]) -> Ratio? {
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        if sorted.count % 2 == 1 { return Ratio(Int128(sorted[mid]), 1) }
        return Ratio(Int128(sorted[mid - 1]) + Int128(sorted[mid]), 2)
    }
}
