/// One step of the lifecycle funnel: its code, its count and its conversion from the step before.
package struct FunnelStep: Hashable, Sendable {
    /// `all`, `engaged`, `converted`, `repeat`, `loyal`.
    package var step: String
    package var count: Int
    /// count ÷ the previous step's count; nil for the first step and from a step of 0.
    package var conversion: Ratio?

    package init(step: String, count: Int, conversion: Ratio?) {
        self.step = step
        self.count = count
        self.conversion = conversion
    }
}
