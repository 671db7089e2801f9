/// Pre-binned counts drawn as adjoining bars over their bin edges (e.g. days to second purchase).
///
/// Binning is the caller's job (Analytics knows the sensible bins); this only draws. Bar widths
/// follow the edges, so uneven bins are shown truthfully.
package struct Histogram: Chart {
    let header: ChartHeader
    let edges: [Double]
    let counts: [Double]
    let edgeFormat: ValueFormatter
    let format: ValueFormatter
    let binTitle: String?
    let countTitle: String?
    let height: Double

    /// Creates a histogram of `counts.count` bins; bin `i` spans `edges[i]..<edges[i + 1]`.
    ///
    /// Edges must be strictly increasing and one more than the counts, otherwise the chart is
    /// drawn as "no data" rather than guessed at.
    package init(
        id: String, title: String, description: String, edges: [Double], counts: [Double],
        binTitle: String? = nil, countTitle: String? = nil, height: Double = 260,
        edgeFormat: @escaping ValueFormatter = ChartFormat.plain, format: @escaping ValueFormatter = ChartFormat.plain,
        noDataText: String = "No data"
    ) {
        self.header = ChartHeader(id: id, title: title, description: description, noData: noDataText)
        self.edges = edges
        self.counts = counts
        self.edgeFormat = edgeFormat
        self.format = format
        self.binTitle = binTitle
        self.countTitle = countTitle
        self.height = height
    }

    var edgesAreValid: Bool {
        edges.count == counts.count + 1 && edges.allSatisfy(\.isFinite) && zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// Count of bin `index`, zero when negative or non-finite.
    func count(_ index: Int) -> Double { counts[index].isFinite ? Swift.max(counts[index], 0) : 0 }

    var isEmpty: Bool { !edgesAreValid || !counts.indices.contains { count($0) > 0 } }

    /// The text for a bin's range, `a–b`.
    func binLabel(_ index: Int) -> String { edgeFormat(edges[index]) + "–" + edgeFormat(edges[index + 1]) }

    /// Columns: `[bin header, count header]`; defaults `""` and `""`.
    package func dataTable(summary: String, headers: [String]) -> String {
        let rows: [(label: String, cells: [String])] = isEmpty ? [] : counts.indices.map { (binLabel($0), [format(count($0))]) }
        return DataTable(headers: DataTable.headers(defaults: ["", ""], overrides: headers),
                         rows: rows, emptyText: header.noData).html(summary: summary)
    }
}
