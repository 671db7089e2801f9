extension ScatterPlot {
    /// The chart as inline SVG, or the "no data" frame.
    package var svg: String {
        if isEmpty { return SVGWriter.noData(header, kind: "scatter") }
        let width = 640.0
        let shown = drawable
        let xs = shown.map(\.x), ys = shown.map(\.y)
        let xScale = NiceScale(min: xs.min() ?? 0, max: xs.max() ?? 0, targetTickCount: 6, includeZero: (xs.min() ?? 0) >= 0)
        let linear = NiceScale(min: ys.min() ?? 0, max: ys.max() ?? 0, includeZero: (ys.min() ?? 0) >= 0)
        let log = LogScale(min: ys.min() ?? 1, max: ys.max() ?? 1)
        let yTicks = yScale == .linear ? linear.ticks : log.ticks
        let yFraction = { (value: Double) in yScale == .linear ? linear.fraction(of: value) : log.fraction(of: value) }
        let tickWidth = yTicks.map { TextMetrics.width(yFormat($0)) }.max() ?? 0
        let plot = PlotRect(left: tickWidth + 16 + (yTitle == nil ? 0 : 18), top: 14,
                            right: width - 20, bottom: height - 28 - (xTitle == nil ? 0 : 18))
        let xOf = { (value: Double) in plot.x(xScale.fraction(of: value)) }
        let yOf = { (value: Double) in plot.y(yFraction(value)) }
        let withTooltips = shown.count <= tooltipLimit
        let opacity = shown.count > 400 ? "0.35" : shown.count > 100 ? "0.55" : "0.75"

        return SVGWriter.chart(header, kind: "scatter", width: width, height: height) { svg in
            svg.valueAxisLeft(ticks: yTicks, plot: plot, format: yFormat, y: yOf)
            svg.valueAxisBottom(ticks: xScale.ticks, plot: plot, format: xFormat, x: xOf)
            svg.baselineHorizontal(at: plot.bottom, plot: plot)
            svg.baselineVertical(at: plot.left, plot: plot)
            svg.open("g", Palette.fill(0) + [("fill-opacity", opacity)])
            for point in shown {
                let tip = withTooltips ? (point.label.isEmpty ? "" : point.label + ": ") + xFormat(point.x) + ", " + yFormat(point.y) : nil
                svg.element("circle", [("cx", SVGWriter.n(xOf(point.x))), ("cy", SVGWriter.n(yOf(point.y))), ("r", "3.5")], tooltip: tip)
            }
            svg.close("g")
            svg.axisTitles(x: xTitle, y: yTitle, plot: plot, bottomY: height - 8)
        }
    }
}
