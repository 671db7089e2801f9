/// Stage counts, the funnel and the time-to-purchase medians of the lifecycle page.
package struct LifecycleSummary: Hashable, Sendable {
    /// Customers per stage, in `Stage.allCases` order.
    package var stageCounts: [Int] = Array(repeating: 0, count: Stage.allCases.count)
    package var funnel: [FunnelStep] = []
    /// Days from created_at to first_order, one per customer with both (sorted ascending,
    /// negative when the first order predates the record); the histogram's data.
    package var daysToFirstOrder: [Int32] = []
    /// Days from the first to the second purchase, one per customer with F ≥ 2 (sorted).
    package var daysToSecondOrder: [Int32] = []

    package init() {}

    package func count(_ stage: Stage) -> Int {
        stageCounts[Stage.allCases.firstIndex(of: stage) ?? 0]
    }

    /// Median of `daysToFirstOrder`; nil when empty.
    package var medianDaysToFirstOrder: Ratio? { Lifecycle.median(daysToFirstOrder) }
    /// Median of `daysToSecondOrder`; nil when empty.
    package var medianDaysToSecondOrder: Ratio? { Lifecycle.median(daysToSecondOrder) }
}
