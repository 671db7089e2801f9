extension SVGWriter {
    /// Horizontal gridlines at each tick with right-aligned labels left of the plot.
    ///
    /// The zero line, when inside the range, is drawn darker so negative bars read as such.
    mutating func valueAxisLeft(ticks: [Double], plot: PlotRect, format: ValueFormatter, y: (Double) -> Double) {
        open("g", Palette.Ink.grid + [("shape-rendering", "crispEdges")])
        for tick in ticks where tick != 0 {
            element("line", [("x1", SVGWriter.n(plot.left)), ("x2", SVGWriter.n(plot.right)),
                             ("y1", SVGWriter.n(y(tick))), ("y2", SVGWriter.n(y(tick)))])
        }
        close("g")
        open("g", Palette.Ink.muted + [("text-anchor", "end")])
        for tick in ticks {
            label(format(tick), x: plot.left - 8, y: y(tick) + 4)
        }
        close("g")
    }

    /// Vertical gridlines at each tick with centred labels under the plot.
    mutating func valueAxisBottom(ticks: [Double], plot: PlotRect, format: ValueFormatter, x: (Double) -> Double) {
        open("g", Palette.Ink.grid + [("shape-rendering", "crispEdges")])
        for tick in ticks where tick != 0 {
            element("line", [("x1", SVGWriter.n(x(tick))), ("x2", SVGWriter.n(x(tick))),
                             ("y1", SVGWriter.n(plot.top)), ("y2", SVGWriter.n(plot.bottom))])
        }
        close("g")
        open("g", Palette.Ink.muted + [("text-anchor", "middle")])
        var lastRight = -Double.infinity
        for tick in ticks {
            let text = format(tick)
            let half = TextMetrics.width(text) / 2
            guard x(tick) - half > lastRight + 4 else { continue }
            label(text, x: x(tick), y: plot.bottom + 18)
            lastRight = x(tick) + half
        }
        close("g")
    }

    /// A darker horizontal baseline across the plot at `y`.
    mutating func baselineHorizontal(at y: Double, plot: PlotRect) {
        element("line", [("x1", SVGWriter.n(plot.left)), ("x2", SVGWriter.n(plot.right)),
                         ("y1", SVGWriter.n(y)), ("y2", SVGWriter.n(y)), ("shape-rendering", "crispEdges")] + Palette.Ink.axis)
    }

    /// A darker vertical baseline down the plot at `x`.
    mutating func baselineVertical(at x: Double, plot: PlotRect) {
        element("line", [("x1", SVGWriter.n(x)), ("x2", SVGWriter.n(x)),
                         ("y1", SVGWriter.n(plot.top)), ("y2", SVGWriter.n(plot.bottom)), ("shape-rendering", "crispEdges")] + Palette.Ink.axis)
    }

    /// Axis titles: `x` centred under the plot at `bottomY`, `y` rotated along the left edge.
    mutating func axisTitles(x xTitle: String?, y yTitle: String?, plot: PlotRect, bottomY: Double) {
        if let xTitle, !xTitle.isEmpty {
            label(xTitle, x: plot.left + plot.width / 2, y: bottomY, anchor: "middle", maxWidth: plot.width, Palette.Ink.muted)
        }
        if let yTitle, !yTitle.isEmpty {
            let cx = 12.0, cy = plot.top + plot.height / 2
            label(yTitle, x: cx, y: cy, anchor: "middle", maxWidth: plot.height,
                  Palette.Ink.muted + [("transform", "rotate(-90 \(SVGWriter.n(cx)) \(SVGWriter.n(cy)))")])
        }
    }

    /// Category labels under evenly spaced positions, thinned to every k-th so none overlap.
    ///
    /// Each shown label is shortened to the room it has, keeping its full text as a tooltip.
    /// `shortenTo` caps the width thinning plans for: bars pass ~42 so every bar keeps a
    /// (shortened) label, while a time axis passes `nil` and shows every k-th whole date instead.
    mutating func categoryAxisBottom(_ labels: [String], centers: [Double], band: Double, y: Double, shortenTo: Double? = nil) {
        guard !labels.isEmpty else { return }
        let widest = Swift.min(labels.map { TextMetrics.width($0) }.max() ?? 0, shortenTo ?? .infinity)
        let every = SVGWriter.thinning(count: labels.count, band: band, widest: widest)
        open("g", Palette.Ink.muted + [("text-anchor", "middle")])
        for (index, text) in labels.enumerated() where index % every == 0 && index < centers.count {
            label(text, x: centers[index], y: y, maxWidth: band * Double(every) - 6)
        }
        close("g")
    }

    /// Shows every k-th of `count` labels so labels of `widest` width fit in `band` slots.
    ///
    /// Capped so that at least a handful of labels remain, shortened, rather than only one.
    static func thinning(count: Int, band: Double, widest: Double) -> Int {
        guard band > 0 else { return 1 }
        var every = 1
        while band * Double(every) < widest + 8 && every < Swift.max(1, count / 4) && band * Double(every) < 96 {
            every += 1
        }
        return every
    }
}
