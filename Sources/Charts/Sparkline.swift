/// A word-sized trend line with no axes, for table cells and KPI cards.
///
/// Scaled to its own min and max so the shape shows; the last point gets a dot so the eye finds
/// "now". The accessible description and the data table carry the actual numbers.
package struct Sparkline: Chart {
    let header: ChartHeader
    let values: [Double]
    let labels: [String]
    let area: Bool
    let width: Double
    let height: Double
    let format: ValueFormatter

    /// Creates a sparkline; `labels` (e.g. months) are used only in the data table.
    package init(
        id: String, title: String, description: String, values: [Double], labels: [String] = [],
        area: Bool = true, width: Double = 120, height: Double = 32,
        format: @escaping ValueFormatter = ChartFormat.plain, noDataText: String = "No data"
    ) {
        self.header = ChartHeader(id: id, title: title, description: description, noData: noDataText)
        self.values = values
        self.labels = labels
        self.area = area
        self.width = Swift.max(width, 24)
        self.height = Swift.max(height, 12)
        self.format = format
    }

    var isEmpty: Bool { !values.contains { $0.isFinite && $0 != 0 } }

    /// Columns: `[label header, value header]`; rows are labelled by `labels` or 1, 2, 3….
    package func dataTable(summary: String, headers: [String]) -> String {
        let rows: [(label: String, cells: [String])] = isEmpty ? [] : values.indices.map { index in
            (index < labels.count ? labels[index] : String(index + 1), [values[index].isFinite ? format(values[index]) : ""])
        }
        return DataTable(headers: DataTable.headers(defaults: ["", ""], overrides: headers),
                         rows: rows, emptyText: header.noData).html(summary: summary)
    }
}
