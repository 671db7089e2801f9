/// One or more series over ordered categories (usually months), as lines or filled areas.
///
/// Missing or non-finite values break the line instead of dropping to zero, so a month with no
/// data is not mistaken for a month with zero revenue.
package struct LineChart: Chart {
    let header: ChartHeader
    let categories: [String]
    let series: [ChartSeries]
    let area: Bool
    let includeZero: Bool
    let format: ValueFormatter
    let categoryTitle: String?
    let valueTitle: String?
    let height: Double
    package let isOverTime: Bool

    /// Creates a line chart.
    ///
    /// - Parameters:
    ///   - area: tint the area under the first series. Only the first: overlapping tints of
    ///     several series mix into a muddy grey and hide where the lines are.
    ///   - includeZero: start the value axis at zero (default, honest for amounts); turn off for
    ///     rates that move within a narrow band.
    ///   - noDataText: shown when there is no series or every value is zero or missing.
    ///   - overTime: the categories are successive periods, latest last, as ``BarChart``'s.
    package init(
        id: String, title: String, description: String,
        categories: [String], series: [ChartSeries], area: Bool = false, includeZero: Bool = true,
        categoryTitle: String? = nil, valueTitle: String? = nil, height: Double = 280,
        format: @escaping ValueFormatter = ChartFormat.plain, noDataText: String = "No data",
        overTime: Bool = false
    ) {
        self.header = ChartHeader(id: id, title: title, description: description, noData: noDataText)
        self.categories = categories
        self.series = series
        self.area = area
        self.includeZero = includeZero
        self.format = format
        self.categoryTitle = categoryTitle
        self.valueTitle = valueTitle
        self.height = height
        self.isOverTime = overTime
    }

    var isEmpty: Bool {
        !categories.indices.contains { index in series.contains { ($0.value(at: index) ?? 0) != 0 } }
    }

    /// Columns: `[category header, one per series]`; defaults are `""` and the series names.
    package func dataTable(summary: String, headers: [String]) -> String {
        let rows: [(label: String, cells: [String])] = isEmpty ? [] : categories.enumerated().map { index, category in
            (category, series.map { $0.value(at: index).map(format) ?? "" })
        }
        return DataTable(headers: DataTable.headers(defaults: [""] + series.map(\.name), overrides: headers),
                         rows: rows, emptyText: header.noData).html(summary: summary)
    }
}
