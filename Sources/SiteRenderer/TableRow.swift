/// One cell of a data table: text, and optionally a link, a badge, a sort key and a second line.
struct TableCell: Sendable {
    var text: String
    var href: String? = nil
    /// The value the table sorts by (`data-sort`), when the text does not sort well.
    var sort: String? = nil
    /// Badge classes (`grade grade-A`): the text is shown as a pill.
    var badge: String? = nil
    var numeric = false
    /// A small second line under the text (an id under a name).
    var sub: String? = nil
}

/// One row of a data table, written straight to HTML: `<tr data-…><td class="num" data-sort>…`.
///
/// Every value passes through `HTML.escape`. The markup matches what `table.mustache` wraps
/// (its `<tbody>`), and the classes it uses (`num`, `badge`, `cell-sub`) are styled in site.css.
struct TableRow: Sendable {
    var cells: [TableCell]
    /// `data-*` attributes for the filters (name, value).
    var attributes: [(String, String)] = []

    func write(to out: inout String) {
        out += "<tr"
        for (name, value) in attributes { out += " " + name + "=\"" + HTML.escape(value) + "\"" }
        out += ">"
        for cell in cells {
            out += cell.numeric ? "<td class=\"num\"" : "<td"
            if let sort = cell.sort { out += " data-sort=\"" + HTML.escape(sort) + "\"" }
            out += ">"
            if let badge = cell.badge { out += "<span class=\"badge " + HTML.escape(badge) + "\">" }
            if let href = cell.href {
                out += "<a href=\"" + HTML.escape(href) + "\">" + HTML.escape(cell.text) + "</a>"
            } else {
                out += HTML.escape(cell.text)
            }
            if cell.badge != nil { out += "</span>" }
            if let sub = cell.sub { out += "<span class=\"cell-sub\">" + HTML.escape(sub) + "</span>" }
            out += "</td>"
        }
        out += "</tr>\n"
    }
}
