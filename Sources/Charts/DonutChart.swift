/// Shares of a whole as a ring with a legend listing each slice's value and percentage.
///
/// Slices are drawn as dashed circle strokes rather than arc paths: no trigonometry, exact at
/// 100%, and a few bytes each. Zero, negative and non-finite slices are left out of the ring
/// (they cannot be a share) but stay in the data table. Keep it to about eight slices; group
/// the rest into "Other" before calling.
package struct DonutChart: Chart {
    let header: ChartHeader
    let slices: [ChartSlice]
    let centerLabel: String?
    let format: ValueFormatter
    let percent: ValueFormatter

    /// Creates a donut chart.
    ///
    /// - Parameters:
    ///   - centerLabel: a short word under the total in the hole (e.g. "customers" / "客户").
    ///   - format: writes values and the total; `percent` writes shares given as 0…1.
    package init(
        id: String, title: String, description: String, slices: [ChartSlice], centerLabel: String? = nil,
        format: @escaping ValueFormatter = ChartFormat.plain, percent: @escaping ValueFormatter = ChartFormat.percent,
        noDataText: String = "No data"
    ) {
        self.header = ChartHeader(id: id, title: title, description: description, noData: noDataText)
        self.slices = slices
        self.centerLabel = centerLabel
        self.format = format
        self.percent = percent
    }

    var total: Double { slices.reduce(0) { $0 + ($1.value.isFinite && $1.value > 0 ? $1.value : 0) } }

    /// Columns: `[label header, value, share]`; defaults `""`, `""`, `"%"`.
    package func dataTable(summary: String, headers: [String]) -> String {
        let total = self.total
        let rows: [(label: String, cells: [String])] = total > 0 ? slices.map { slice in
            let share = slice.value.isFinite && slice.value > 0 ? percent(slice.value / total) : ""
            return (slice.label, [slice.value.isFinite ? format(slice.value) : "", share])
        } : []
        return DataTable(headers: DataTable.headers(defaults: ["", "", "%"], overrides: headers),
                         rows: rows, emptyText: header.noData).html(summary: summary)
    }
}
