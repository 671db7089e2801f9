extension FunnelChart {
    /// The chart as inline SVG, or the "no data" frame.
    package var svg: String {
        if isEmpty { return SVGWriter.noData(header, kind: "funnel") }
        let width = 640.0, rowHeight = 40.0, barHeight = 30.0
        let values = self.values
        let maximum = values.max() ?? 1
        let labelWidth = Swift.min(stages.map { TextMetrics.width($0.label) }.max() ?? 0, 150)
        let rateWidth = 64.0
        let valueWidth = (values.map { TextMetrics.width(format($0), fontSize: 13) }.max() ?? 0)
        let barLeft = 8 + labelWidth + 16
        let barRight = width - 8 - rateWidth - valueWidth - 16
        let center = (barLeft + barRight) / 2
        let height = rowHeight * Double(stages.count) + 8

        return SVGWriter.chart(header, kind: "funnel", width: width, height: height) { svg in
            svg.open("g", Palette.fill(0))
            for (index, stage) in stages.enumerated() {
                let barWidth = Swift.max((barRight - barLeft) * values[index] / maximum, 2)
                let y = 4 + rowHeight * Double(index) + (rowHeight - barHeight) / 2
                svg.element("rect", [
                    ("x", SVGWriter.n(center - barWidth / 2)), ("y", SVGWriter.n(y)),
                    ("width", SVGWriter.n(barWidth)), ("height", SVGWriter.n(barHeight)), ("rx", "3"),
                    ("fill-opacity", SVGWriter.n(1 - 0.5 * Double(index) / Double(Swift.max(stages.count - 1, 1)))),
                ], tooltip: stage.label + ": " + format(values[index]))
            }
            svg.close("g")
            for (index, stage) in stages.enumerated() {
                let baseline = 4 + rowHeight * (Double(index) + 0.5) + 4
                svg.label(stage.label, x: 8 + labelWidth, y: baseline, anchor: "end", maxWidth: labelWidth, Palette.Ink.text)
                svg.label(format(values[index]), x: width - 8 - rateWidth, y: baseline + 1, anchor: "end", fontSize: 13,
                          Palette.Ink.text + [("font-weight", "600")])
                if let rate = stepRate(index) {
                    svg.label("↓ " + percent(rate), x: width - 8, y: baseline, anchor: "end", Palette.Ink.muted)
                }
            }
        }
    }
}
