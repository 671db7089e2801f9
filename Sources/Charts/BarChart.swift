/// Bars per category: vertical or horizontal, one or more series, side by side or stacked.
///
/// The value axis always includes zero (bar length must be honest) and negative values grow
/// the other way from a darker zero line. Value labels are printed where they fit; the data
/// table always has every number.
package struct BarChart: Chart {
    /// Which way bars grow.
    package enum Orientation: Sendable { case vertical, horizontal }
    /// How several series share a category.
    package enum Layout: Sendable { case grouped, stacked }

    let header: ChartHeader
    let categories: [String]
    let series: [ChartSeries]
    let orientation: Orientation
    let layout: Layout
    let format: ValueFormatter
    let categoryTitle: String?
    let valueTitle: String?
    let height: Double?
    package let isOverTime: Bool

    /// Creates a bar chart of `series` over `categories`.
    ///
    /// - Parameters:
    ///   - id: unique on the page; the SVG's `<title>`/`<desc>` ids derive from it.
    ///   - title, description: the accessible name and description (`<title>`, `<desc>`).
    ///   - categoryTitle, valueTitle: optional axis titles.
    ///   - height: vertical charts only; horizontal charts grow 28 units per category.
    ///   - format: writes ticks, value labels and table cells.
    ///   - noDataText: shown when there is no series or every value is zero or missing.
    ///   - overTime: the categories are successive periods, latest last (``Chart/isOverTime``):
    ///     the legend (two series or more) goes at the top right, above the latest.
    package init(
        id: String, title: String, description: String,
        categories: [String], series: [ChartSeries],
        orientation: Orientation = .vertical, layout: Layout = .grouped,
        categoryTitle: String? = nil, valueTitle: String? = nil, height: Double? = nil,
        format: @escaping ValueFormatter = ChartFormat.plain, noDataText: String = "No data",
        overTime: Bool = false
    ) {
        self.header = ChartHeader(id: id, title: title, description: description, noData: noDataText)
        self.categories = categories
        self.series = series
        self.orientation = orientation
        self.layout = layout
        self.format = format
        self.categoryTitle = categoryTitle
        self.valueTitle = valueTitle
        self.height = height
        self.isOverTime = overTime
    }

    /// A single-series bar chart from labelled values; `seriesName` heads the table's value column.
    package init(
        id: String, title: String, description: String, bars: [ChartSlice], seriesName: String = "",
        orientation: Orientation = .vertical, categoryTitle: String? = nil, valueTitle: String? = nil,
        format: @escaping ValueFormatter = ChartFormat.plain, noDataText: String = "No data"
    ) {
        self.init(
            id: id, title: title, description: description,
            categories: bars.map(\.label), series: [ChartSeries(name: seriesName, values: bars.map(\.value))],
            orientation: orientation, categoryTitle: categoryTitle, valueTitle: valueTitle,
            format: format, noDataText: noDataText)
    }

    /// Columns: `[category header, one per series]`; defaults are `""` and the series names.
    package func dataTable(summary: String, headers: [String]) -> String {
        let defaults = [""] + series.map(\.name)
        var rows: [(label: String, cells: [String])] = []
        if !isEmpty {
            for (index, category) in categories.enumerated() {
                rows.append((category, series.map { $0.value(at: index).map(format) ?? "" }))
            }
        }
        return DataTable(headers: DataTable.headers(defaults: defaults, overrides: headers), rows: rows, emptyText: header.noData)
            .html(summary: summary)
    }

    /// True when there is nothing to draw: no category, no series, or every value zero or missing.
    var isEmpty: Bool {
        !categories.indices.contains { index in series.contains { ($0.value(at: index) ?? 0) != 0 } }
    }
}
