import Foundation
import Testing
@testable import Charts

/// Writes every sample into one HTML page for looking at, when `CHARTS_GALLERY=/path.html` is set.
///
/// Not a check: a way to screenshot the charts (`chromium --headless --screenshot …`) after a change.
@Suite("Gallery")
struct GalleryTests {
    static func retention(_ row: Int, _ col: Int) -> Double {
        col == 0 ? 1 : 0.5 / Double(col) + 0.02 * Double(row % 3)
    }

    /// Awkward inputs worth eyeballing: many categories, long labels, many points.
    static let stress: [(name: String, chart: any Chart)] = {
        let regions = ["华东区", "华南区", "华北区", "西南区", "西北区", "东北区", "华中区", "港澳台及海外市场（含跨境电商渠道）"]
        let months = (1...24).map { "20\(25 + ($0 - 1) / 12)-\(String(format: "%02d", ($0 - 1) % 12 + 1))" }
        return [
            ("stress: vertical bar, long labels", BarChart(id: "s1", title: "t", description: "d",
                bars: regions.enumerated().map { ChartSlice(label: $0.element, value: Double(($0.offset * 7_919) % 500 + 20) * 1_000) },
                format: ChartSamples.wan)),
            ("stress: 24-month line", LineChart(id: "s2", title: "t", description: "d", categories: months,
                series: [ChartSeries(name: "x", values: months.indices.map { Double(($0 * 37) % 50 + 10) })], area: true)),
            ("stress: heatmap 12x12", Heatmap(id: "s3", title: "t", description: "d",
                rows: Array(months.prefix(12)), columns: (0..<12).map { "M\($0)" },
                values: (0..<12).map { (row: Int) -> [Double?] in (0..<(12 - row)).map { (col: Int) -> Double? in retention(row, col) } },
                maxValue: 1)),
            ("stress: 2000-point scatter", ScatterPlot(id: "s4", title: "t", description: "d",
                points: (0..<2000).map { ScatterPoint(x: Double(($0 * 37) % 720), y: Double(($0 * 7919) % 100_000)) },
                xTitle: "Days", yTitle: "Revenue", yFormat: ChartSamples.wan)),
            ("stress: 15 horizontal bars, grouped", BarChart(id: "s5", title: "t", description: "d",
                categories: (1...6).map { "销售代表\($0)号" },
                series: [ChartSeries(name: "目标", values: [100, 120, 90, 80, 150, 60].map { $0 * 1_000 }),
                         ChartSeries(name: "实际", values: [112, 87, 95, 40, 161, 0].map { $0 * 1_000 })],
                orientation: .horizontal, format: ChartSamples.wan)),
            ("stress: horizontal bars with negatives", BarChart(id: "s6", title: "t", description: "d",
                bars: [ChartSlice(label: "张伟", value: 42_000), ChartSlice(label: "李娜", value: -18_500),
                       ChartSlice(label: "王芳", value: 7_300), ChartSlice(label: "Liu Yang", value: -3_100)],
                orientation: .horizontal, format: ChartSamples.wan)),
        ]
    }()

    @Test("The sample gallery page is written when CHARTS_GALLERY names a file")
    func writeGallery() throws {
        guard let path = ProcessInfo.processInfo.environment["CHARTS_GALLERY"] else { return }
        var page = """
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Charts</title><style>
            body{font-family:-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#F6F8FA;margin:24px;color:#1F2937}
            .grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:20px}
            .card{background:#fff;border:1px solid #E5E7EB;border-radius:10px;padding:16px 18px}
            .card h2{font-size:14px;font-weight:600;margin:0 0 8px}
            @media (prefers-color-scheme:dark){body{background:#0B0F17;color:#E5E7EB}.card{background:#111827;border-color:#2F3542}}
            \(ChartStylesheet.css)</style></head><body><div class="grid">
            """
        for (name, chart) in ChartSamples.all {
            page += "<section class=\"card\"><h2>\(name)</h2>"
            if name == "sparkline" {
                page += "<p>C-10042 · ¥132,200 <span style=\"display:inline-block;width:120px;vertical-align:middle\">\(chart.svg)</span></p>"
                page += chart.dataTable(summary: "Show data", headers: ["Month", "Revenue"])
            } else {
                page += chart.figure(caption: nil, summary: "Show data", headers: [])
            }
            page += "</section>"
        }
        for (name, chart) in Self.stress {
            page += "<section class=\"card\"><h2>\(name)</h2>\(chart.figure(summary: "Show data"))</section>"
        }
        for (name, chart) in EmptyDataTests.empties.prefix(1) {
            page += "<section class=\"card\"><h2>\(name)</h2>\(chart.figure(summary: "查看数据"))</section>"
        }
        page += "</div></body></html>\n"
        try page.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
