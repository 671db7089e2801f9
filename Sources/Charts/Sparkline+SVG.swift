extension Sparkline {
    /// The sparkline as inline SVG, or a small "no data" frame.
    package var svg: String {
        if isEmpty { return SVGWriter.noData(header, kind: "sparkline", width: width, height: height) }
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0
        let high = finite.max() ?? 0
        let pad = 3.0
        let plot = PlotRect(left: pad, top: pad, right: width - pad, bottom: height - pad)
        let step = values.count > 1 ? plot.width / Double(values.count - 1) : 0
        let xOf = { (index: Int) in values.count > 1 ? plot.left + step * Double(index) : plot.left + plot.width / 2 }
        let yOf = { (value: Double) in high > low ? plot.y((value - low) / (high - low)) : plot.y(0.5) }
        var points: [(x: Double, y: Double)] = []
        var line = ""
        var fresh = true
        for (index, value) in values.enumerated() {
            guard value.isFinite else { fresh = true; continue }
            points.append((xOf(index), yOf(value)))
            line += (fresh ? "M" : "L") + SVGWriter.n(xOf(index)) + " " + SVGWriter.n(yOf(value))
            fresh = false
        }

        return SVGWriter.chart(header, kind: "sparkline", width: width, height: height) { svg in
            if area, let first = points.first, let last = points.last {
                let d = "M" + SVGWriter.n(first.x) + " " + SVGWriter.n(plot.bottom)
                    + points.map { "L" + SVGWriter.n($0.x) + " " + SVGWriter.n($0.y) }.joined()
                    + "L" + SVGWriter.n(last.x) + " " + SVGWriter.n(plot.bottom) + "Z"
                svg.element("path", [("d", d), ("fill-opacity", "0.14")] + Palette.fill(0))
            }
            svg.element("path", [("d", line), ("fill", "none"), ("stroke-width", "1.5"),
                                 ("stroke-linejoin", "round"), ("stroke-linecap", "round")] + Palette.stroke(0))
            if let last = points.last {
                svg.element("circle", [("cx", SVGWriter.n(last.x)), ("cy", SVGWriter.n(last.y)), ("r", "2.5")] + Palette.fill(0))
            }
        }
    }
}
