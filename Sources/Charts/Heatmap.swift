/// A grid of shares such as cohort retention: rows × columns, darker for higher, blanks allowed.
///
/// One hue with varying opacity reads correctly for colour-blind readers and in print; each cell
/// prints its value when the cell is wide enough, and always carries it as a tooltip.
package struct Heatmap: Chart {
    let header: ChartHeader
    let rows: [String]
    let columns: [String]
    let values: [[Double?]]
    let maxValue: Double?
    let columnTitle: String?
    let format: ValueFormatter

    /// Creates a heatmap.
    ///
    /// - Parameters:
    ///   - rows: row labels (e.g. cohort months); `columns`: column labels (e.g. "M0", "M1", …).
    ///   - values: `values[row][column]`; `nil`, missing or non-finite cells stay blank.
    ///   - maxValue: the value drawn darkest; defaults to the largest cell (use 1 for shares).
    ///   - columnTitle: a title over the column labels (e.g. "Months since first purchase").
    ///   - format: cell text; defaults to percentages of shares.
    package init(
        id: String, title: String, description: String, rows: [String], columns: [String], values: [[Double?]],
        maxValue: Double? = nil, columnTitle: String? = nil,
        format: @escaping ValueFormatter = ChartFormat.percent, noDataText: String = "No data"
    ) {
        self.header = ChartHeader(id: id, title: title, description: description, noData: noDataText)
        self.rows = rows
        self.columns = columns
        self.values = values
        self.maxValue = maxValue
        self.columnTitle = columnTitle
        self.format = format
    }

    /// The cell at (`row`, `column`), `nil` when blank.
    func cell(_ row: Int, _ column: Int) -> Double? {
        guard row < values.count, column < values[row].count, let value = values[row][column], value.isFinite else { return nil }
        return value
    }

    var isEmpty: Bool {
        !rows.indices.contains { row in columns.indices.contains { (cell(row, $0) ?? 0) != 0 } }
    }

    /// Columns: `[row header, one per column]`; defaults are `""` and the column labels.
    package func dataTable(summary: String, headers: [String]) -> String {
        let tableRows: [(label: String, cells: [String])] = isEmpty ? [] : rows.indices.map { row in
            (rows[row], columns.indices.map { cell(row, $0).map(format) ?? "" })
        }
        return DataTable(headers: DataTable.headers(defaults: [""] + columns, overrides: headers),
                         rows: tableRows, emptyText: header.noData).html(summary: summary)
    }
}
