extension SVGWriter {
    /// Where each legend entry goes when `names` flow left to right within `maxWidth`.
    struct LegendLayout {
        var entries: [(x: Double, y: Double, name: String)] = []
        /// Height taken, zero when there is no legend.
        var height: Double = 0
        /// Width of the widest row.
        var width: Double = 0
    }

    /// Lays out swatch + name entries in rows 18 units high, wrapping at `maxWidth`.
    static func legendLayout(_ names: [String], maxWidth: Double) -> LegendLayout {
        var layout = LegendLayout()
        guard names.count > 1 else { return layout }
        var x = 0.0, row = 0.0
        for name in names {
            let textWidth = Swift.min(TextMetrics.width(name), 160)
            let width = 14 + textWidth + 16
            if x > 0 && x + width > maxWidth { x = 0; row += 1 }
            layout.entries.append((x, row * 18, name))
            x += width
            layout.width = Swift.max(layout.width, x - 16)
        }
        layout.height = (row + 1) * 18 + 6
        return layout
    }

    /// Draws a legend laid out by ``legendLayout(_:maxWidth:)`` with its top-left at (`x`, `y`),
    /// or with its top-right at (`right`, `y`) when `atEnd`.
    mutating func legend(_ layout: LegendLayout, left: Double, right: Double, y: Double, atEnd: Bool) {
        legend(layout, x: atEnd ? right - layout.width : left, y: y)
    }

    /// Draws a legend laid out by ``legendLayout(_:maxWidth:)`` with its top-left at (`x`, `y`).
    mutating func legend(_ layout: LegendLayout, x: Double, y: Double) {
        guard !layout.entries.isEmpty else { return }
        open("g", [("class", "legend")])
        for (index, entry) in layout.entries.enumerated() {
            element("rect", [("x", SVGWriter.n(x + entry.x)), ("y", SVGWriter.n(y + entry.y + 3)),
                             ("width", "10"), ("height", "10"), ("rx", "2")] + Palette.fill(index))
            label(entry.name, x: x + entry.x + 14, y: y + entry.y + 12, maxWidth: 160, Palette.Ink.muted)
        }
        close("g")
    }
}
