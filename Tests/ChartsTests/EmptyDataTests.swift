import Testing
@testable import Charts

@Suite("Empty data")
struct EmptyDataTests {
    static let empties: [(name: String, chart: any Chart)] = [
        ("bar, no series", BarChart(id: "e", title: "t", description: "d", categories: ["a"], series: [], noDataText: "暂无数据")),
        ("bar, all zero", BarChart(id: "e", title: "t", description: "d", bars: [ChartSlice(label: "a", value: 0)], noDataText: "暂无数据")),
        ("bar, no categories", BarChart(id: "e", title: "t", description: "d", bars: [], noDataText: "暂无数据")),
        ("line, NaN only", LineChart(id: "e", title: "t", description: "d", categories: ["a", "b"],
                                     series: [ChartSeries(name: "s", values: [.nan, .infinity])], noDataText: "暂无数据")),
        ("donut, negative only", DonutChart(id: "e", title: "t", description: "d", slices: [ChartSlice(label: "a", value: -1)], noDataText: "暂无数据")),
        ("funnel, empty", FunnelChart(id: "e", title: "t", description: "d", stages: [], noDataText: "暂无数据")),
        ("heatmap, blank cells", Heatmap(id: "e", title: "t", description: "d", rows: ["r"], columns: ["c"], values: [[nil]], noDataText: "暂无数据")),
        ("histogram, bad edges", Histogram(id: "e", title: "t", description: "d", edges: [0, 0], counts: [3], noDataText: "暂无数据")),
        ("sparkline, zeros", Sparkline(id: "e", title: "t", description: "d", values: [0, 0, 0], noDataText: "暂无数据")),
        ("scatter, nothing placeable on log", ScatterPlot(id: "e", title: "t", description: "d", points: [ScatterPoint(x: 3, y: 0)],
                                                          yScale: .logarithmic, noDataText: "暂无数据")),
    ]

    @Test("Empty data renders the caller's no-data text, with no NaN", arguments: empties.indices)
    func noDataState(index: Int) {
        let (name, chart) = Self.empties[index]
        let svg = chart.svg
        #expect(svg.contains(">暂无数据</text>"), "\(name)")
        #expect(svg.contains("role=\"img\""), "\(name)")
        #expect(!containsNonFinite(svg), "\(name)")
        let table = chart.dataTable(summary: "数据", headers: [])
        #expect(table.contains("暂无数据</td>"), "\(name)")
    }

    @Test("The no-data state has its own golden file")
    func noDataGolden() {
        assertGolden(snapshotText(Self.empties[0].chart.figure(summary: "查看数据", headers: ["等级", "客户数"])), named: "no-data.html")
    }

    @Test("Negative bars grow down from a zero line inside the scale")
    func negativeBars() {
        let chart = BarChart(id: "n", title: "t", description: "d",
                             bars: [ChartSlice(label: "a", value: -40), ChartSlice(label: "b", value: 87)])
        let svg = chart.svg
        #expect(svg.contains(">-40<"))
        #expect(svg.contains(">100<") && svg.contains(">-40</text>"))
        #expect(!svg.contains("height=\"-"))
        #expect(!svg.contains("width=\"-"))
    }

    @Test("A single-slice donut and a single-point line still draw")
    func singletons() {
        let donut = DonutChart(id: "d", title: "t", description: "d", slices: [ChartSlice(label: "all", value: 5)])
        #expect(donut.svg.contains("<circle"))
        let line = LineChart(id: "l", title: "t", description: "d", categories: ["a"], series: [ChartSeries(name: "s", values: [5])])
        #expect(line.svg.contains("<circle"))
        #expect(!containsNonFinite(line.svg) && !containsNonFinite(donut.svg))
    }
}
import PortraitTestSupport
