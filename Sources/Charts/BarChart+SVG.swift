extension BarChart {
    /// The chart as inline SVG, or the "no data" frame.
    package var svg: String {
        if isEmpty { return SVGWriter.noData(header, kind: "bar") }
        return orientation == .vertical ? verticalSVG : horizontalSVG
    }

    /// Rectangle for one bar segment in value space: from `start` to `end` along the value axis.
    private struct Segment {
        var category: Int
        var series: Int
        var start: Double
        var end: Double
        var value: Double
    }

    /// Segments per bar plus the value range they span; stacked bars pile positives up and negatives down.
    private var segments: (items: [Segment], min: Double, max: Double) {
        var items: [Segment] = []
        var low = 0.0, high = 0.0
        for category in categories.indices {
            var positive = 0.0, negative = 0.0
            for (s, serie) in series.enumerated() {
                guard let value = serie.value(at: category), value != 0 else { continue }
                if layout == .stacked {
                    if value >= 0 {
                        items.append(Segment(category: category, series: s, start: positive, end: positive + value, value: value))
                        positive += value
                    } else {
                        items.append(Segment(category: category, series: s, start: negative, end: negative + value, value: value))
                        negative += value
                    }
                    low = Swift.min(low, negative); high = Swift.max(high, positive)
                } else {
                    items.append(Segment(category: category, series: s, start: 0, end: value, value: value))
                    low = Swift.min(low, value); high = Swift.max(high, value)
                }
            }
        }
        return (items, low, high)
    }

    /// Totals per category for stacked value labels; `nil` where the category is empty.
    private func total(_ category: Int) -> Double? {
        let values = series.compactMap { $0.value(at: category) }
        return values.isEmpty ? nil : values.reduce(0, +)
    }

    private func tooltip(_ segment: Segment) -> String {
        let name = series[segment.series].name
        let prefix = categories[segment.category] + (name.isEmpty || series.count == 1 ? "" : " · " + name)
        return prefix + ": " + format(segment.value)
    }

    private var verticalSVG: String {
        let width = 640.0, height = self.height ?? 300
        let (items, low, high) = segments
        let scale = NiceScale(min: low, max: high)
        let tickWidth = scale.ticks.map { TextMetrics.width(format($0)) }.max() ?? 0
        let legend = SVGWriter.legendLayout(series.map(\.name), maxWidth: width - 24)
        var plot = PlotRect(left: tickWidth + 16 + (valueTitle == nil ? 0 : 18), top: 12 + legend.height + 14,
                            right: width - 12, bottom: height - 28 - (categoryTitle == nil ? 0 : 18))
        plot.top = Swift.min(plot.top, plot.bottom - 40)
        let y = { (value: Double) in plot.y(scale.fraction(of: value)) }
        let band = plot.width / Double(categories.count)
        let groupWidth = Swift.min(band * 0.72, layout == .stacked || series.count == 1 ? 64 : 24 * Double(series.count))
        let barWidth = layout == .stacked ? groupWidth : groupWidth / Double(series.count)

        return SVGWriter.chart(header, kind: "bar", width: width, height: height) { svg in
            svg.legend(legend, left: plot.left, right: plot.right, y: 10, atEnd: isOverTime)
            svg.valueAxisLeft(ticks: scale.ticks, plot: plot, format: format, y: y)
            for s in series.indices {
                svg.open("g", Palette.fill(s))
                for segment in items where segment.series == s {
                    let center = plot.left + band * (Double(segment.category) + 0.5)
                    let x = center - groupWidth / 2 + (layout == .stacked ? 0 : barWidth * Double(s))
                    let top = Swift.min(y(segment.start), y(segment.end))
                    let gap = series.count > 1 && layout == .grouped ? Swift.min(2, barWidth * 0.15) : 0
                    svg.element("rect", [
                        ("x", SVGWriter.n(x + gap / 2)), ("y", SVGWriter.n(top)),
                        ("width", SVGWriter.n(barWidth - gap)), ("height", SVGWriter.n(Swift.max(abs(y(segment.end) - y(segment.start)), 0.5))),
                        layout == .stacked ? ("rx", nil) : ("rx", "2"),
                    ], tooltip: tooltip(segment))
                }
                svg.close("g")
            }
            svg.baselineHorizontal(at: y(0), plot: plot)
            // Value labels: one per bar when it fits, or the stack total.
            svg.open("g", Palette.Ink.text + [("text-anchor", "middle"), ("font-size", "11")])
            if layout == .stacked || series.count == 1 {
                for category in categories.indices {
                    guard let value = layout == .stacked ? total(category) : series[0].value(at: category), value != 0 else { continue }
                    let text = format(value)
                    guard TextMetrics.width(text, fontSize: 11) <= band - 2 else { continue }
                    let end = layout == .stacked ? (value >= 0 ? items.filter { $0.category == category && $0.end > 0 }.map(\.end).max() ?? 0
                                                                : items.filter { $0.category == category && $0.end < 0 }.map(\.end).min() ?? 0) : value
                    let center = plot.left + band * (Double(category) + 0.5)
                    svg.label(text, x: center, y: value >= 0 ? y(end) - 5 : y(end) + 13, fontSize: 11, inheritsSize: true)
                }
            } else {
                for segment in items where TextMetrics.width(format(segment.value), fontSize: 11) <= barWidth {
                    let center = plot.left + band * (Double(segment.category) + 0.5) - groupWidth / 2 + barWidth * (Double(segment.series) + 0.5)
                    svg.label(format(segment.value), x: center, y: segment.value >= 0 ? y(segment.end) - 5 : y(segment.end) + 13, fontSize: 11, inheritsSize: true)
                }
            }
            svg.close("g")
            let centers = categories.indices.map { plot.left + band * (Double($0) + 0.5) }
            svg.categoryAxisBottom(categories, centers: centers, band: band, y: plot.bottom + 18, shortenTo: 42)
            svg.axisTitles(x: categoryTitle, y: valueTitle, plot: plot, bottomY: height - 8)
        }
    }

    private var horizontalSVG: String {
        let width = 640.0
        let (items, low, high) = segments
        let scale = NiceScale(min: low, max: high)
        let legend = SVGWriter.legendLayout(series.map(\.name), maxWidth: width - 24)
        let stackedOrSingle = layout == .stacked || series.count == 1
        let rowHeight = stackedOrSingle ? 30.0 : Swift.max(30, 14 * Double(series.count) + 12)
        let barThickness = stackedOrSingle ? 18.0 : (rowHeight - 12) / Double(series.count)
        let labelWidth = Swift.min(categories.map { TextMetrics.width($0) }.max() ?? 0, 180)
        let valueLabels: [Double] = stackedOrSingle
            ? categories.indices.compactMap { layout == .stacked ? total($0) : series[0].value(at: $0) }
            : items.map(\.value)
        let valueWidth = (valueLabels.map { TextMetrics.width(format($0), fontSize: 11) }.max() ?? 0) + 8
        let top = 8 + legend.height
        let plotHeight = rowHeight * Double(categories.count)
        let bottomAxis: Double = 26 + (valueTitle == nil ? 0 : 18)
        let height = top + plotHeight + bottomAxis
        let plot = PlotRect(left: 8 + labelWidth + 10 + (low < 0 ? valueWidth : 0), top: top,
                            right: width - 8 - valueWidth, bottom: top + plotHeight)
        let x = { (value: Double) in plot.x(scale.fraction(of: value)) }

        return SVGWriter.chart(header, kind: "bar", width: width, height: height) { svg in
            svg.legend(legend, left: plot.left, right: plot.right, y: 8, atEnd: isOverTime)
            svg.valueAxisBottom(ticks: scale.ticks, plot: plot, format: format, x: x)
            for s in series.indices {
                svg.open("g", Palette.fill(s))
                for segment in items where segment.series == s {
                    let rowTop = plot.top + rowHeight * Double(segment.category)
                    let y = rowTop + (rowHeight - (stackedOrSingle ? barThickness : barThickness * Double(series.count))) / 2
                        + (stackedOrSingle ? 0 : barThickness * Double(s))
                    let gap = stackedOrSingle ? 0 : Swift.min(2, barThickness * 0.15)
                    let left = Swift.min(x(segment.start), x(segment.end))
                    svg.element("rect", [
                        ("x", SVGWriter.n(left)), ("y", SVGWriter.n(y + gap / 2)),
                        ("width", SVGWriter.n(Swift.max(abs(x(segment.end) - x(segment.start)), 0.5))),
                        ("height", SVGWriter.n(barThickness - gap)),
                        layout == .stacked ? ("rx", nil) : ("rx", "2"),
                    ], tooltip: tooltip(segment))
                }
                svg.close("g")
            }
            svg.baselineVertical(at: x(0), plot: plot)
            svg.open("g", Palette.Ink.text + [("font-size", "11")])
            if stackedOrSingle {
                for category in categories.indices {
                    guard let value = layout == .stacked ? total(category) : series[0].value(at: category), value != 0 else { continue }
                    let end = layout == .stacked ? (value >= 0 ? items.filter { $0.category == category && $0.end > 0 }.map(\.end).max() ?? 0
                                                                : items.filter { $0.category == category && $0.end < 0 }.map(\.end).min() ?? 0) : value
                    let cy = plot.top + rowHeight * (Double(category) + 0.5) + 4
                    svg.label(format(value), x: value >= 0 ? x(end) + 6 : x(end) - 6, y: cy,
                              anchor: value >= 0 ? "start" : "end", fontSize: 11, inheritsSize: true)
                }
            } else {
                for segment in items {
                    let rowTop = plot.top + rowHeight * Double(segment.category)
                    let cy = rowTop + (rowHeight - barThickness * Double(series.count)) / 2 + barThickness * (Double(segment.series) + 0.5) + 4
                    svg.label(format(segment.value), x: segment.value >= 0 ? x(segment.end) + 6 : x(segment.end) - 6, y: cy,
                              anchor: segment.value >= 0 ? "start" : "end", fontSize: 11, inheritsSize: true)
                }
            }
            svg.close("g")
            svg.open("g", Palette.Ink.text + [("text-anchor", "end")])
            for (index, category) in categories.enumerated() {
                svg.label(category, x: 8 + labelWidth, y: plot.top + rowHeight * (Double(index) + 0.5) + 4, maxWidth: labelWidth)
            }
            svg.close("g")
            svg.axisTitles(x: valueTitle, y: nil, plot: plot, bottomY: height - 6)
        }
    }
}
