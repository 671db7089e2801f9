/// Ordered stages (lead → won, or lifecycle stages) as centred bars narrowing with each step.
///
/// Each row shows the stage's value and the conversion from the previous stage, the figure a
/// manager actually asks about; the table adds conversion from the first stage.
package struct FunnelChart: Chart {
    let header: ChartHeader
    let stages: [ChartSlice]
    let format: ValueFormatter
    let percent: ValueFormatter

    /// Creates a funnel; `percent` writes conversion rates given as 0…1.
    package init(
        id: String, title: String, description: String, stages: [ChartSlice],
        format: @escaping ValueFormatter = ChartFormat.plain, percent: @escaping ValueFormatter = ChartFormat.percent,
        noDataText: String = "No data"
    ) {
        self.header = ChartHeader(id: id, title: title, description: description, noData: noDataText)
        self.stages = stages
        self.format = format
        self.percent = percent
    }

    /// Stage values with missing and negative ones read as zero.
    var values: [Double] { stages.map { $0.value.isFinite ? Swift.max($0.value, 0) : 0 } }

    var isEmpty: Bool { !values.contains { $0 > 0 } }

    /// Conversion from stage `index - 1` to `index`; `nil` for the first stage or after a zero.
    func stepRate(_ index: Int) -> Double? {
        guard index > 0, values[index - 1] > 0 else { return nil }
        return values[index] / values[index - 1]
    }

    /// Columns: `[stage header, value, from previous, from first]`; defaults `""`, `""`, `"%"`, `"%"`.
    package func dataTable(summary: String, headers: [String]) -> String {
        let first = values.first ?? 0
        let rows: [(label: String, cells: [String])] = isEmpty ? [] : stages.indices.map { index in
            (stages[index].label, [
                format(values[index]),
                stepRate(index).map(percent) ?? "",
                first > 0 ? percent(values[index] / first) : "",
            ])
        }
        return DataTable(headers: DataTable.headers(defaults: ["", "", "%", "%"], overrides: headers),
                         rows: rows, emptyText: header.noData).html(summary: summary)
    }
}
