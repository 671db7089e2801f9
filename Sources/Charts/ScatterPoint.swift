/// One dot on a scatter plot, with the label shown in its tooltip and table row.
package struct ScatterPoint: Sendable, Equatable {
    package var x: Double
    package var y: Double
    package var label: String

    package init(x: Double, y: Double, label: String = "") {
        self.x = x
        self.y = y
        self.label = label
    }
}
