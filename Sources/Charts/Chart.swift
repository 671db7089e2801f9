/// A chart that can draw itself as inline SVG and list its numbers as an HTML table.
///
/// Conforming types are plain values built from labels and numbers; rendering is a pure function
/// of them, so equal charts give equal bytes. The site renderer typically calls
/// ``figure(caption:summary:headers:)``, or ``svg`` and ``dataTable(summary:headers:)`` separately
/// when its template places them apart.
package protocol Chart: Sendable {
    /// The `<svg>` element, ready to inline into HTML.
    var svg: String { get }

    /// The chart's numbers as a closed `<details>` disclosure holding a `<table>`.
    ///
    /// - Parameters:
    ///   - summary: the disclosure text, e.g. "Show data" / "查看数据".
    ///   - headers: column headers; missing trailing ones fall back to each chart's defaults
    ///     (series names, column labels), documented on each chart type.
    func dataTable(summary: String, headers: [String]) -> String

    /// Whether the categories are successive periods (months), latest last. Such a chart's
    /// figure is marked `chart-over-time`, so a page can show its latest periods first where it
    /// scrolls sideways (a phone), and its legend sits above them, at the top right.
    var isOverTime: Bool { get }
}

extension Chart {
    package var isOverTime: Bool { false }

    /// The chart, an optional caption and its data table wrapped in one `<figure>`.
    ///
    /// This is what the site renderer puts on a page: the numbers travel with the picture.
    package func figure(caption: String? = nil, summary: String, headers: [String] = []) -> String {
        var out = (isOverTime ? "<figure class=\"chart-figure chart-over-time\">" : "<figure class=\"chart-figure\">") + svg
        if let caption, !caption.isEmpty {
            out += "<figcaption>" + XML.escape(caption) + "</figcaption>"
        }
        return out + dataTable(summary: summary, headers: headers) + "</figure>"
    }
}
