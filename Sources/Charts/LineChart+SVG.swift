extension LineChart {
    /// The chart as inline SVG, or the "no data" frame.
    package var svg: String {
        if isEmpty { return SVGWriter.noData(header, kind: "line") }
        let width = 640.0
        let values = series.flatMap { s in categories.indices.compactMap { s.value(at: $0) } }
        let scale = NiceScale(min: values.min() ?? 0, max: values.max() ?? 0, includeZero: includeZero)
        let tickWidth = scale.ticks.map { TextMetrics.width(format($0)) }.max() ?? 0
        let legend = SVGWriter.legendLayout(series.map(\.name), maxWidth: width - 24)
        let edge = Swift.min((TextMetrics.width(categories.first ?? "") / 2), 40)
        var plot = PlotRect(left: Swift.max(tickWidth + 16 + (valueTitle == nil ? 0 : 18), edge + 4), top: 16 + legend.height,
                            right: width - Swift.max(16, Swift.min(TextMetrics.width(categories.last ?? "") / 2, 40)),
                            bottom: height - 28 - (categoryTitle == nil ? 0 : 18))
        plot.top = Swift.min(plot.top, plot.bottom - 40)
        let count = categories.count
        let step = count > 1 ? plot.width / Double(count - 1) : 0
        let xOf = { (index: Int) in count > 1 ? plot.left + step * Double(index) : plot.left + plot.width / 2 }
        let yOf = { (value: Double) in plot.y(scale.fraction(of: value)) }
        let base = yOf(Swift.min(Swift.max(0, scale.lower), scale.upper))
        let showPoints = count <= 36

        return SVGWriter.chart(header, kind: "line", width: width, height: height) { svg in
            svg.legend(legend, left: plot.left, right: plot.right, y: 10, atEnd: isOverTime)
            svg.valueAxisLeft(ticks: scale.ticks, plot: plot, format: format, y: yOf)
            svg.baselineHorizontal(at: base, plot: plot)
            for (s, serie) in series.enumerated() {
                // Runs of consecutive present values; a gap starts a new run.
                var runs: [[(x: Double, y: Double)]] = [[]]
                for index in categories.indices {
                    if let value = serie.value(at: index) {
                        runs[runs.count - 1].append((xOf(index), yOf(value)))
                    } else if !runs[runs.count - 1].isEmpty {
                        runs.append([])
                    }
                }
                runs.removeAll { $0.isEmpty }
                if area && s == 0 {
                    var d = ""
                    for run in runs {
                        d += "M" + SVGWriter.n(run[0].x) + " " + SVGWriter.n(base)
                        for point in run { d += "L" + SVGWriter.n(point.x) + " " + SVGWriter.n(point.y) }
                        d += "L" + SVGWriter.n(run[run.count - 1].x) + " " + SVGWriter.n(base) + "Z"
                    }
                    svg.element("path", [("d", d), ("fill-opacity", "0.12")] + Palette.fill(s))
                }
                var d = ""
                for run in runs {
                    for (i, point) in run.enumerated() {
                        d += (i == 0 ? "M" : "L") + SVGWriter.n(point.x) + " " + SVGWriter.n(point.y)
                    }
                }
                svg.element("path", [("d", d), ("fill", "none"), ("stroke-width", "2"),
                                     ("stroke-linejoin", "round"), ("stroke-linecap", "round")] + Palette.stroke(s))
                // Points: visible dots on short series, isolated single points always.
                svg.open("g", Palette.fill(s))
                for index in categories.indices {
                    guard let value = serie.value(at: index) else { continue }
                    let isolated = serie.value(at: index - 1) == nil && serie.value(at: index + 1) == nil
                    guard showPoints || isolated else { continue }
                    let name = series.count > 1 && !serie.name.isEmpty ? " · " + serie.name : ""
                    svg.element("circle", [("cx", SVGWriter.n(xOf(index))), ("cy", SVGWriter.n(yOf(value))), ("r", "3")],
                                tooltip: categories[index] + name + ": " + format(value))
                }
                svg.close("g")
            }
            let centers = categories.indices.map(xOf)
            svg.categoryAxisBottom(categories, centers: centers, band: count > 1 ? step : plot.width, y: plot.bottom + 18)
            svg.axisTitles(x: categoryTitle, y: valueTitle, plot: plot, bottomY: height - 8)
        }
    }
}
