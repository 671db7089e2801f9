extension Heatmap {
    /// The chart as inline SVG, or the "no data" frame.
    package var svg: String {
        if isEmpty { return SVGWriter.noData(header, kind: "heatmap") }
        let width = 640.0, cellHeight = 26.0
        let labelWidth = Swift.min(rows.map { TextMetrics.width($0) }.max() ?? 0, 120)
        let left = 8 + labelWidth + 10
        let cellWidth = Swift.min((width - 8 - left) / Double(Swift.max(columns.count, 1)), 64)
        let top = 8 + (columnTitle == nil ? 0 : 20) + 20.0
        let height = top + cellHeight * Double(rows.count) + 8
        let darkest = maxValue.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
            ?? rows.indices.flatMap { row in columns.indices.compactMap { cell(row, $0) } }.max() ?? 1
        let showText = columns.indices.allSatisfy { column in
            rows.indices.allSatisfy { row in cell(row, column).map { TextMetrics.width(format($0), fontSize: 11) <= cellWidth - 4 } ?? true }
        }

        return SVGWriter.chart(header, kind: "heatmap", width: width, height: height) { svg in
            if let columnTitle {
                svg.label(columnTitle, x: left, y: 20, maxWidth: width - left - 8, Palette.Ink.muted)
            }
            svg.open("g", Palette.Ink.muted + [("text-anchor", "middle")])
            let every = SVGWriter.thinning(count: columns.count, band: cellWidth, widest: columns.map { TextMetrics.width($0) }.max() ?? 0)
            for (column, text) in columns.enumerated() where column % every == 0 {
                svg.label(text, x: left + cellWidth * (Double(column) + 0.5), y: top - 8, maxWidth: cellWidth * Double(every) - 4)
            }
            svg.close("g")
            svg.open("g", Palette.Ink.text + [("text-anchor", "end")])
            for (row, text) in rows.enumerated() {
                svg.label(text, x: 8 + labelWidth, y: top + cellHeight * (Double(row) + 0.5) + 4, maxWidth: labelWidth)
            }
            svg.close("g")
            svg.open("g", Palette.fill(0))
            for row in rows.indices {
                for column in columns.indices {
                    guard let value = cell(row, column) else { continue }
                    let strength = Swift.min(Swift.max(value / darkest, 0), 1)
                    svg.element("rect", [
                        ("x", SVGWriter.n(left + cellWidth * Double(column) + 1)), ("y", SVGWriter.n(top + cellHeight * Double(row) + 1)),
                        ("width", SVGWriter.n(cellWidth - 2)), ("height", SVGWriter.n(cellHeight - 2)), ("rx", "2"),
                        ("fill-opacity", SVGWriter.n(0.06 + 0.94 * strength)),
                    ], tooltip: rows[row] + " · " + columns[column] + ": " + format(value))
                }
            }
            svg.close("g")
            guard showText else { return }
            svg.open("g", [("text-anchor", "middle"), ("font-size", "11")])
            for row in rows.indices {
                for column in columns.indices {
                    guard let value = cell(row, column) else { continue }
                    let strong = value / darkest > 0.5
                    svg.label(format(value), x: left + cellWidth * (Double(column) + 0.5), y: top + cellHeight * (Double(row) + 0.5) + 4,
                              fontSize: 11, inheritsSize: true, strong ? Palette.Ink.inverse : Palette.Ink.text)
                }
            }
            svg.close("g")
        }
    }
}
