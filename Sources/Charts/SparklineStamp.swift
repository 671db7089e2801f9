/// A sparkline drawn many times at one size, with one title, month labels and table headers,
/// only its values and description changing: the revenue line of every portrait page.
///
/// Writes the bytes of `Sparkline(…).figure(summary:headers:)` straight into a ``ByteBuffer``.
/// The markup that does not depend on the values (the `<svg>` head up to the description, the
/// attributes after each path, the empty state, the table head and row labels) is written once
/// here, through the same ``SVGWriter`` and ``DataTable`` code a ``Sparkline`` uses; per page
/// only the coordinates, the description and the cells are written. `SparklineStampTests`
/// checks it against ``Sparkline`` on random series.
///
/// The fixed parts live in a ``ByteArena`` the caller keeps; the stamp itself holds no
/// references, so render threads share it without reference counting.
package struct SparklineStamp: @unchecked Sendable {
    private let width: Double
    private let height: Double
    private let area: Bool
    /// `<figure class="chart-figure"><svg …><title …>…</title><desc id="…">`.
    private let head: ByteChunk
    /// From `</desc>` to the end of the empty-state figure, table included.
    private let emptyTail: ByteChunk
    /// `</desc>` and the area path's opening `<path d="`.
    private let descCloseArea: ByteChunk
    private let descClose: ByteChunk
    /// `" fill-opacity="0.14" class="s1" …/>`, `<path d="`, and so on: the fixed attributes.
    private let areaEnd: ByteChunk
    private let lineStart: ByteChunk
    private let lineEnd: ByteChunk
    private let circleStart: ByteChunk
    private let circleMiddle: ByteChunk
    private let circleEnd: ByteChunk
    /// `</svg>` and the data table up to its first row.
    private let tableHead: ByteChunk
    /// `<tr><th scope="row">LABEL</th><td class="num">` per label.
    private let rowHeads: UnsafeBufferPointer<ByteChunk>

    /// - Parameters:
    ///   - namespace: false leaves out `xmlns` on `<svg>` (HTML does not need it).
    package init(id: String, title: String, labels: [String], width: Double = 120, height: Double = 32,
                 area: Bool = true, noDataText: String, summary: String, headers: [String], namespace: Bool, arena: ByteArena) {
        let marker = "\u{1}"
        let header = ChartHeader(id: id, title: title, description: marker, noData: noDataText)
        self.width = Swift.max(width, 24)
        self.height = Swift.max(height, 12)
        self.area = area
        func bytes(_ text: String) -> ByteChunk { arena.chunk(text) }
        func figureStart(_ svg: String) -> String {
            let open = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            let trimmed = !namespace && svg.hasPrefix(open) ? "<svg " + svg.dropFirst(open.count) : svg
            return "<figure class=\"chart-figure\">" + trimmed
        }
        let table = DataTable(headers: DataTable.headers(defaults: ["", ""], overrides: headers), rows: [], emptyText: noDataText)
            .html(summary: summary)
        let emptyFigure = figureStart(SVGWriter.noData(header, kind: "sparkline", width: self.width, height: self.height))
            + table + "</figure>"
        let emptyParts = emptyFigure.pieces(marker)
        head = bytes(emptyParts[0])
        emptyTail = bytes(emptyParts[1])

        // The fixed parts of a drawn sparkline, cut out of one drawn with marker values.
        let drawn = SVGWriter.chart(header, kind: "sparkline", width: self.width, height: self.height) { svg in
            svg.element("path", [("d", marker), ("fill-opacity", "0.14")] + Palette.fill(0))
            svg.element("path", [("d", marker), ("fill", "none"), ("stroke-width", "1.5"),
                                 ("stroke-linejoin", "round"), ("stroke-linecap", "round")] + Palette.stroke(0))
            svg.element("circle", [("cx", marker), ("cy", marker), ("r", "2.5")] + Palette.fill(0))
        }
        let parts = figureStart(drawn).pieces(marker)
        precondition(parts.count == 6 && parts[0] == emptyParts[0], "sparkline markup changed; update SparklineStamp")
        // parts: head | desc | </desc><path d=" | area…<path d=" | line…<circle cx=" | " cy=" | "…/></svg>
        let areaPrefix = parts[1]
        let afterArea = parts[2].pieces("<path d=\"")
        descCloseArea = bytes(areaPrefix)
        descClose = bytes(String(areaPrefix.dropLast("<path d=\"".count)))
        areaEnd = bytes(afterArea[0])
        lineStart = bytes("<path d=\"")
        let afterLine = parts[3].pieces("<circle cx=\"")
        lineEnd = bytes(afterLine[0])
        circleStart = bytes("<circle cx=\"")
        circleMiddle = bytes(parts[4])
        let tail = parts[5]
        circleEnd = bytes(String(tail.dropLast("</svg>".count)))
        let tableOpen = table.pieces("<tr><td colspan=")[0]
        tableHead = bytes("</svg>" + tableOpen)
        rowHeads = arena.table(labels.map { bytes("<tr><th scope=\"row\">" + XML.escape($0) + "</th><td class=\"num\">") })
    }

    /// Appends the figure of `values`.
    /// - Parameters:
    ///   - description: appends the chart's description, escaped.
    ///   - format: appends one value as the table shows it, escaped.
    /// - Complexity: O(values), no allocation but the buffer's.
    package func write(values: [Double], into out: inout ByteBuffer,
                       description: (inout ByteBuffer) -> Void, format: (Double, inout ByteBuffer) -> Void) {
        out.append(head)
        description(&out)
        guard values.contains(where: { $0.isFinite && $0 != 0 }) else { return out.append(emptyTail) }
        var low = 0.0, high = 0.0, first = true
        for value in values where value.isFinite {
            if first {
                low = value
                high = value
                first = false
            } else {
                if value < low { low = value }
                if value > high { high = value }
            }
        }
        let pad = 3.0
        let plot = PlotRect(left: pad, top: pad, right: width - pad, bottom: height - pad)
        let count = values.count
        let step = count > 1 ? plot.width / Double(count - 1) : 0
        func x(_ index: Int) -> Double { count > 1 ? plot.left + step * Double(index) : plot.left + plot.width / 2 }
        func y(_ value: Double) -> Double { high > low ? plot.y((value - low) / (high - low)) : plot.y(0.5) }
        func point(_ a: Double, _ b: Double, into out: inout ByteBuffer) {
            ChartFormat.appendCoordinate(a, to: &out)
            out.append(UInt8(ascii: " "))
            ChartFormat.appendCoordinate(b, to: &out)
        }
        var firstIndex = -1, lastIndex = -1
        for index in values.indices where values[index].isFinite {
            if firstIndex < 0 { firstIndex = index }
            lastIndex = index
        }
        if area {
            out.append(descCloseArea)
            out.append(UInt8(ascii: "M"))
            point(x(firstIndex), plot.bottom, into: &out)
            for index in values.indices where values[index].isFinite {
                out.append(UInt8(ascii: "L"))
                point(x(index), y(values[index]), into: &out)
            }
            out.append(UInt8(ascii: "L"))
            point(x(lastIndex), plot.bottom, into: &out)
            out.append(UInt8(ascii: "Z"))
            out.append(areaEnd)
        } else {
            out.append(descClose)
        }
        out.append(lineStart)
        var fresh = true
        for index in values.indices {
            let value = values[index]
            guard value.isFinite else {
                fresh = true
                continue
            }
            out.append(fresh ? UInt8(ascii: "M") : UInt8(ascii: "L"))
            point(x(index), y(value), into: &out)
            fresh = false
        }
        out.append(lineEnd)
        out.append(circleStart)
        ChartFormat.appendCoordinate(x(lastIndex), to: &out)
        out.append(circleMiddle)
        ChartFormat.appendCoordinate(y(values[lastIndex]), to: &out)
        out.append(circleEnd)
        out.append(tableHead)
        for index in values.indices {
            if index < rowHeads.count {
                out.append(rowHeads[index])
            } else {
                out.append("<tr><th scope=\"row\">")
                out.append(decimal: index + 1)
                out.append("</th><td class=\"num\">")
            }
            if values[index].isFinite { format(values[index], &out) }
            out.append("</td></tr>")
        }
        out.append("</tbody></table></details></figure>")
    }
}

private extension String {
    /// The text between occurrences of `separator`, empty pieces kept.
    func pieces(_ separator: String) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}
