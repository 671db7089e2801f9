extension SVGWriter {
    /// Writes a complete `<svg>`: responsive `viewBox`, `role="img"`, and the labelled title and desc.
    ///
    /// Width is `100%` with no height, so the browser keeps the aspect ratio at any size; the
    /// font family is not set, so the page's font (and its CJK fallback) applies.
    static func chart(
        _ header: ChartHeader, kind: String, width: Double, height: Double,
        draw: (inout SVGWriter) -> Void
    ) -> String {
        var writer = SVGWriter()
        writer.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("viewBox", "0 0 \(n(width)) \(n(height))"),
            ("width", "100%"),
            ("class", "chart chart-\(kind)"),
            ("role", "img"),
            ("aria-labelledby", "\(header.id)-title \(header.id)-desc"),
            ("font-size", "12"),
        ])
        writer.open("title", [("id", "\(header.id)-title")])
        writer.text(header.title)
        writer.close("title")
        writer.open("desc", [("id", "\(header.id)-desc")])
        writer.text(header.description)
        writer.close("desc")
        draw(&writer)
        writer.close("svg")
        return writer.output
    }

    /// The empty state: a dashed frame with the caller's "no data" line centred in it.
    static func noData(_ header: ChartHeader, kind: String, width: Double = 640, height: Double = 120) -> String {
        chart(header, kind: kind, width: width, height: height) { svg in
            svg.element("rect", [
                ("x", "0.5"), ("y", "0.5"), ("width", n(width - 1)), ("height", n(height - 1)), ("rx", "6"),
                ("fill", "none"), ("stroke-dasharray", "4 4"),
            ] + Palette.Ink.grid)
            svg.label(header.noData, x: width / 2, y: height / 2 + 4, anchor: "middle",
                      maxWidth: width - 16, fontSize: height < 60 ? 10 : 13, Palette.Ink.muted)
        }
    }
}
