extension Histogram {
    /// The chart as inline SVG, or the "no data" frame.
    package var svg: String {
        if isEmpty { return SVGWriter.noData(header, kind: "histogram") }
        let width = 640.0
        let scale = NiceScale(min: 0, max: counts.indices.map(count).max() ?? 0)
        let tickWidth = scale.ticks.map { TextMetrics.width(format($0)) }.max() ?? 0
        let edgeHalf = Swift.min(TextMetrics.width(edgeFormat(edges[edges.count - 1])) / 2, 40)
        let plot = PlotRect(left: tickWidth + 16 + (countTitle == nil ? 0 : 18), top: 22,
                            right: width - Swift.max(edgeHalf, 12), bottom: height - 28 - (binTitle == nil ? 0 : 18))
        let first = edges[0], last = edges[edges.count - 1]
        let xOf = { (edge: Double) in plot.x((edge - first) / (last - first)) }
        let yOf = { (value: Double) in plot.y(scale.fraction(of: value)) }

        return SVGWriter.chart(header, kind: "histogram", width: width, height: height) { svg in
            svg.valueAxisLeft(ticks: scale.ticks, plot: plot, format: format, y: yOf)
            svg.open("g", Palette.fill(0))
            for index in counts.indices where count(index) > 0 {
                let left = xOf(edges[index]), right = xOf(edges[index + 1])
                let gap = Swift.min(1.5, (right - left) / 4)
                svg.element("rect", [
                    ("x", SVGWriter.n(left + gap / 2)), ("y", SVGWriter.n(yOf(count(index)))),
                    ("width", SVGWriter.n(right - left - gap)), ("height", SVGWriter.n(Swift.max(plot.bottom - yOf(count(index)), 0.5))),
                ], tooltip: binLabel(index) + ": " + format(count(index)))
            }
            svg.close("g")
            svg.baselineHorizontal(at: plot.bottom, plot: plot)
            svg.open("g", Palette.Ink.text + [("text-anchor", "middle"), ("font-size", "11")])
            for index in counts.indices where count(index) > 0 {
                let left = xOf(edges[index]), right = xOf(edges[index + 1])
                let text = format(count(index))
                guard TextMetrics.width(text, fontSize: 11) <= right - left - 2 else { continue }
                svg.label(text, x: (left + right) / 2, y: yOf(count(index)) - 5, fontSize: 11, inheritsSize: true)
            }
            svg.close("g")
            // Edge labels sit under the bin boundaries, thinned greedily so none overlap.
            svg.open("g", Palette.Ink.muted + [("text-anchor", "middle")])
            var lastRight = -Double.infinity
            for edge in edges {
                let text = edgeFormat(edge)
                let half = TextMetrics.width(text) / 2
                guard xOf(edge) - half > lastRight + 6 else { continue }
                svg.label(text, x: xOf(edge), y: plot.bottom + 18)
                lastRight = xOf(edge) + half
            }
            svg.close("g")
            svg.axisTitles(x: binTitle, y: countTitle, plot: plot, bottomY: height - 8)
        }
    }
}
