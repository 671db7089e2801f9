/// x/y points such as recency (days) against revenue, optionally with a logarithmic y axis.
///
/// Revenue is heavily skewed, so `.logarithmic` spreads the crowd at the bottom; points it cannot
/// place (y ≤ 0) are left out of the plot but kept in the table.
package struct ScatterPlot: Chart {
    /// How the y axis maps values.
    package enum YScale: Sendable { case linear, logarithmic }

    let header: ChartHeader
    let points: [ScatterPoint]
    let yScale: YScale
    let xTitle: String?
    let yTitle: String?
    let xFormat: ValueFormatter
    let yFormat: ValueFormatter
    let tooltipLimit: Int
    let height: Double

    /// Creates a scatter plot.
    ///
    /// - Parameters:
    ///   - xTitle, yTitle: axis titles, e.g. "Days since last order" / "Revenue".
    ///   - tooltipLimit: per-point `<title>` tooltips are written only up to this many points;
    ///     each costs ~40 bytes, which adds up on a 20,000-customer page.
    package init(
        id: String, title: String, description: String, points: [ScatterPoint], yScale: YScale = .linear,
        xTitle: String? = nil, yTitle: String? = nil, height: Double = 320, tooltipLimit: Int = 500,
        xFormat: @escaping ValueFormatter = ChartFormat.plain, yFormat: @escaping ValueFormatter = ChartFormat.plain,
        noDataText: String = "No data"
    ) {
        self.header = ChartHeader(id: id, title: title, description: description, noData: noDataText)
        self.points = points
        self.yScale = yScale
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.xFormat = xFormat
        self.yFormat = yFormat
        self.tooltipLimit = tooltipLimit
        self.height = height
    }

    /// Points that can be drawn: finite, and with y > 0 on a log scale.
    var drawable: [ScatterPoint] {
        points.filter { $0.x.isFinite && $0.y.isFinite && (yScale == .linear || $0.y > 0) }
    }

    var isEmpty: Bool { !drawable.contains { $0.x != 0 || $0.y != 0 } }

    /// Columns: `[label header, x header, y header]`; defaults `""`, `"x"`, `"y"`.
    package func dataTable(summary: String, headers: [String]) -> String {
        let rows: [(label: String, cells: [String])] = isEmpty ? [] : points.map { point in
            (point.label, [point.x.isFinite ? xFormat(point.x) : "", point.y.isFinite ? yFormat(point.y) : ""])
        }
        return DataTable(headers: DataTable.headers(defaults: ["", xTitle ?? "x", yTitle ?? "y"], overrides: headers),
                         rows: rows, emptyText: header.noData).html(summary: summary)
    }
}
