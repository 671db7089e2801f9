@testable import Charts

/// Realistic sample charts shared by the snapshot tests and the gallery page.
enum ChartSamples {
    /// `12.3万`-style money, as the zh-CN site prints it.
    static let wan: ValueFormatter = { value in
        abs(value) >= 10_000 ? ChartFormat.grouped(value / 10_000, decimals: 1) + "万" : ChartFormat.grouped(value, decimals: 0)
    }
    static let yuan: ValueFormatter = { "¥" + ChartFormat.grouped($0, decimals: 2) }
    static let count: ValueFormatter = ChartFormat.number(decimals: 0)

    static let months = ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
                         "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]

    static let verticalBar = BarChart(
        id: "grade-bars", title: "客户等级分布", description: "各 ABC 等级的客户数量",
        bars: [ChartSlice(label: "A", value: 87), ChartSlice(label: "B", value: 214), ChartSlice(label: "C", value: 532)],
        seriesName: "客户数", valueTitle: "客户数", format: count)

    static let horizontalBar = BarChart(
        id: "top-industries", title: "Top industries by revenue", description: "Revenue in the last 12 months per industry",
        bars: [
            ChartSlice(label: "制造业", value: 1_284_300), ChartSlice(label: "批发和零售业", value: 963_120),
            ChartSlice(label: "信息传输、软件和信息技术服务业", value: 701_455.5), ChartSlice(label: "Construction", value: 402_000),
            ChartSlice(label: "交通运输、仓储和邮政业", value: 98_760),
        ],
        seriesName: "营收", orientation: .horizontal, format: wan)

    static let stackedBar = BarChart(
        id: "new-vs-returning", title: "New and returning revenue", description: "Monthly revenue split by new and returning customers",
        categories: Array(months.suffix(6)),
        series: [
            ChartSeries(name: "New", values: [120_000, 98_000, 143_500, 110_000, 87_000, 132_000]),
            ChartSeries(name: "Returning", values: [340_000, 362_000, 298_000, 410_500, 388_000, 402_300]),
        ],
        layout: .stacked, format: wan)

    static let groupedNegativeBar = BarChart(
        id: "revenue-change", title: "Revenue change by rep", description: "Change versus the previous period, per rep and quarter",
        categories: ["张伟", "李娜", "王芳", "Liu Yang"],
        series: [
            ChartSeries(name: "Q3", values: [42_000, -18_500, 7_300, -3_100]),
            ChartSeries(name: "Q4", values: [15_000, 9_800, -12_000, 22_400]),
        ],
        valueTitle: "Δ revenue", format: wan)

    static let line = LineChart(
        id: "revenue-trend", title: "月度营收趋势", description: "近 12 个月每月营收，本期与上年同期对比",
        categories: months,
        series: [
            ChartSeries(name: "本期", values: [412_000, 388_500, 301_200, 455_800, 498_100, 520_300,
                                             478_900, 502_600, 560_100, 610_400, 588_200, 634_900]),
            ChartSeries(name: "上年同期", values: [350_000, 362_100, 280_400, 390_000, 401_200, .nan,
                                               430_800, 445_600, 470_300, 512_000, 498_700, 530_100]),
        ],
        area: true, valueTitle: "营收", format: wan)

    static let donut = DonutChart(
        id: "segment-donut", title: "RFM segments", description: "Share of customers in each RFM segment",
        slices: [
            ChartSlice(label: "Champions", value: 124), ChartSlice(label: "Loyal", value: 248),
            ChartSlice(label: "Potential loyalists", value: 196), ChartSlice(label: "At risk", value: 88),
            ChartSlice(label: "Hibernating", value: 143), ChartSlice(label: "Lost", value: 61),
        ],
        centerLabel: "customers", format: count)

    static let funnel = FunnelChart(
        id: "lifecycle-funnel", title: "生命周期漏斗", description: "从线索到复购客户的转化",
        stages: [
            ChartSlice(label: "线索", value: 2_400), ChartSlice(label: "首次接触", value: 1_630),
            ChartSlice(label: "首单客户", value: 812), ChartSlice(label: "复购客户", value: 355),
            ChartSlice(label: "忠诚客户", value: 121),
        ],
        format: count)

    static let heatmap = Heatmap(
        id: "cohort-retention", title: "Cohort retention", description: "Share of each monthly cohort ordering again",
        rows: ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"],
        columns: ["M0", "M1", "M2", "M3", "M4", "M5"],
        values: [
            [1, 0.42, 0.31, 0.27, 0.22, 0.19],
            [1, 0.38, 0.29, 0.25, 0.2],
            [1, 0.45, 0.33, 0.26],
            [1, 0.4, nil],
            [1, 0.36],
            [1],
        ],
        maxValue: 1, columnTitle: "Months since first purchase")

    static let histogram = Histogram(
        id: "days-to-second", title: "Days to second purchase", description: "Customers by days between first and second order",
        edges: [0, 15, 30, 45, 60, 90, 120, 180, 365], counts: [142, 231, 188, 120, 96, 54, 31, 12],
        binTitle: "Days", countTitle: "Customers", format: count)

    static let sparkline = Sparkline(
        id: "c-10042-spark", title: "Revenue by month", description: "Monthly revenue of customer C-10042, last 12 months",
        values: [0, 12_000, 8_000, 0, 15_500, 21_000, 9_000, 0, 0, 18_200, 26_400, 22_100], labels: months, format: yuan)

    static let scatter = ScatterPlot(
        id: "recency-revenue", title: "Recency vs revenue", description: "Each dot is a customer: days since last order against revenue",
        points: (0..<60).map { index in
            let x = Double((index * 37) % 365)
            let y = Double(((index * 7919) % 997) + 1) * Double(1 + index % 5) * 97.3
            return ScatterPoint(x: x, y: y, label: "C-\(10000 + index)")
        },
        yScale: .logarithmic, xTitle: "Days since last order", yTitle: "Revenue", xFormat: count, yFormat: wan)

    /// Every sample with a file-friendly name, in gallery order.
    static let all: [(name: String, chart: any Chart)] = [
        ("bar-vertical", verticalBar), ("bar-horizontal", horizontalBar), ("bar-stacked", stackedBar),
        ("bar-grouped-negative", groupedNegativeBar), ("line-area", line), ("donut", donut), ("funnel", funnel),
        ("heatmap", heatmap), ("histogram", histogram), ("sparkline", sparkline), ("scatter-log", scatter),
    ]
}
