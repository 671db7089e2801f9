/// The numbers behind a chart as `<details><summary>…</summary><table>…</table></details>`.
///
/// Closed by default so the page stays calm, but one click (or a screen reader, or a browser with
/// CSS and JS off) gets the exact figures. All cells are escaped; numeric cells get `class="num"`.
struct DataTable {
    /// Column headers, first one over the row labels.
    var headers: [String]
    /// Rows: a label (a `<th scope="row">`) and formatted cells.
    var rows: [(label: String, cells: [String])]
    /// Shown as a single spanning row when `rows` is empty.
    var emptyText: String

    /// `overrides[i]` where the caller supplied one, else `defaults[i]`.
    static func headers(defaults: [String], overrides: [String]) -> [String] {
        defaults.indices.map { $0 < overrides.count ? overrides[$0] : defaults[$0] }
    }

    /// The HTML, with `summary` as the disclosure text.
    func html(summary: String) -> String {
        var out = "<details class=\"chart-data\"><summary>" + XML.escape(summary) + "</summary><table><thead><tr>"
        for header in headers { out += "<th scope=\"col\">" + XML.escape(header) + "</th>" }
        out += "</tr></thead><tbody>"
        if rows.isEmpty {
            out += "<tr><td colspan=\"\(Swift.max(headers.count, 1))\">" + XML.escape(emptyText) + "</td></tr>"
        }
        for row in rows {
            out += "<tr><th scope=\"row\">" + XML.escape(row.label) + "</th>"
            for cell in row.cells { out += "<td class=\"num\">" + XML.escape(cell) + "</td>" }
            out += "</tr>"
        }
        return out + "</tbody></table></details>"
    }
}
