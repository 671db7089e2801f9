/// One named row of numbers, aligned with a chart's categories.
///
/// Non-finite values (NaN, ±∞) are treated as missing: bars skip them and lines break there,
/// so no `NaN` ever reaches the SVG.
package struct ChartSeries: Sendable, Equatable {
    /// Legend and table header text, already localised by the caller.
    package var name: String
    /// One value per category; shorter arrays leave the remaining categories empty.
    package var values: [Double]

    package init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }

    /// The value at `index`, or `nil` when missing or non-finite.
    func value(at index: Int) -> Double? {
        guard index >= 0, index < values.count, values[index].isFinite else { return nil }
        return values[index]
    }
}
