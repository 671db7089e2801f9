/// A labelled amount: a donut slice, a funnel stage or a labelled bar.
package struct ChartSlice: Sendable, Equatable {
    package var label: String
    package var value: Double

    package init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}
