extension DonutChart {
    /// The chart as inline SVG, or the "no data" frame.
    package var svg: String {
        let total = self.total
        guard total > 0 else { return SVGWriter.noData(header, kind: "donut") }
        let width = 640.0
        let rowHeight = 24.0
        let ringHeight = 220.0
        let height = Swift.max(ringHeight, Double(slices.count) * rowHeight + 24)
        let cx = 120.0, cy = height / 2, radius = 84.0, thickness = 26.0
        let circumference = 2 * Double.pi * radius
        let drawn = slices.filter { $0.value.isFinite && $0.value > 0 }
        let legendLeft = 264.0
        let valueRight = width - 72, percentRight = width - 8
        let valueWidth = slices.map { TextMetrics.width(format($0.value)) }.max() ?? 0
        let labelMax = valueRight - valueWidth - 16 - (legendLeft + 18)

        return SVGWriter.chart(header, kind: "donut", width: width, height: height) { svg in
            svg.open("g", [("transform", "rotate(-90 \(SVGWriter.n(cx)) \(SVGWriter.n(cy)))"), ("fill", "none"),
                           ("stroke-width", SVGWriter.n(thickness))])
            var offset = 0.0
            for (index, slice) in slices.enumerated() {
                guard slice.value.isFinite, slice.value > 0 else { continue }
                let length = slice.value / total * circumference
                let gap = drawn.count > 1 ? Swift.min(2, length / 2) : 0
                svg.element("circle", [
                    ("cx", SVGWriter.n(cx)), ("cy", SVGWriter.n(cy)), ("r", SVGWriter.n(radius)),
                    ("stroke-dasharray", SVGWriter.n(length - gap) + " " + SVGWriter.n(circumference)),
                    ("stroke-dashoffset", SVGWriter.n(-offset)),
                ] + Palette.stroke(index), tooltip: slice.label + ": " + format(slice.value) + " (" + percent(slice.value / total) + ")")
                offset += length
            }
            svg.close("g")
            svg.label(format(total), x: cx, y: centerLabel == nil ? cy + 7 : cy + 2, anchor: "middle",
                      maxWidth: 2 * (radius - thickness / 2) - 12, fontSize: 20, Palette.Ink.text + [("font-weight", "600")])
            if let centerLabel {
                svg.label(centerLabel, x: cx, y: cy + 20, anchor: "middle", maxWidth: 2 * (radius - thickness / 2) - 16, Palette.Ink.muted)
            }
            let top = (height - Double(slices.count) * rowHeight) / 2
            for (index, slice) in slices.enumerated() {
                let y = top + rowHeight * Double(index)
                svg.element("rect", [("x", SVGWriter.n(legendLeft)), ("y", SVGWriter.n(y + 7)), ("width", "10"), ("height", "10"), ("rx", "2")]
                            + Palette.fill(index))
                svg.label(slice.label, x: legendLeft + 18, y: y + 16, maxWidth: labelMax, Palette.Ink.text)
                svg.label(slice.value.isFinite ? format(slice.value) : "", x: valueRight, y: y + 16, anchor: "end", Palette.Ink.text)
                let share = slice.value.isFinite && slice.value > 0 ? percent(slice.value / total) : ""
                svg.label(share, x: percentRight, y: y + 16, anchor: "end", Palette.Ink.muted)
            }
        }
    }
}
