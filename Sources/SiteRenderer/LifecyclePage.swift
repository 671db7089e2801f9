import Analytics
import Charts
import LedgerModel

/// `lifecycle.html`: stages, the funnel, time to first and second purchase, cohort retention.
enum LifecyclePage {
    /// Upper bounds (days, inclusive) of the time-to-purchase bins; the last bin is open.
    static let dayBins = [0, 7, 30, 60, 90, 180, 365]
    static let cohortRows = 12

    static func render(_ site: SiteBuild) throws -> String {
        let s = site.s, fmt = site.fmt, lifecycle = site.report.lifecycle
        var page = site.page(.lifecycle, title: s["lifecycle.title"], root: "", kind: "lifecycle")
        let t = site.report.settings.thresholds
        page["stageChart"] = site.figure(BarChart(
            id: "stages", title: s["lifecycle.stages"], description: s["lifecycle.stages.desc"],
            bars: Stage.allCases.map { ChartSlice(label: site.stageName($0), value: Double(lifecycle.count($0))) },
            seriesName: s["common.customers"], orientation: .horizontal, format: site.count, noDataText: site.noData),
            headers: [s["common.stage"]])
        page["stageRules"] = Stage.allCases.map { stage in
            ["stageName": site.stageName(stage), "stageClass": "stage stage-" + stage.rawValue,
             "rule": s.format("stage.rule." + stage.rawValue, String(t.churnDays), String(t.atRiskDays), String(t.loyalOrders)),
             "stageCount": fmt.integer(lifecycle.count(stage))]
        }
        page["funnelChart"] = DashboardPage.funnelChart(site, id: "funnel")
        page["kpis"] = [
            site.kpi(s["lifecycle.median_first"], lifecycle.medianDaysToFirstOrder.map { s.format("common.days_n", fmt.decimal($0, decimals: 1)) } ?? "–",
                     sub: s.format("lifecycle.based_on", fmt.integer(lifecycle.daysToFirstOrder.count))),
            site.kpi(s["lifecycle.median_second"], lifecycle.medianDaysToSecondOrder.map { s.format("common.days_n", fmt.decimal($0, decimals: 1)) } ?? "–",
                     sub: s.format("lifecycle.based_on", fmt.integer(lifecycle.daysToSecondOrder.count))),
        ]
        page["firstChart"] = daysChart(site, id: "days-to-first", title: s["lifecycle.days_first"], lifecycle.daysToFirstOrder)
        page["secondChart"] = daysChart(site, id: "days-to-second", title: s["lifecycle.days_second"], lifecycle.daysToSecondOrder)
        let before = lifecycle.daysToFirstOrder.prefix { $0 < 0 }.count
        if before > 0 { page["beforeNote"] = s.format("lifecycle.before_record", fmt.integer(before)) }

        let cohorts = site.report.cohorts.suffix(cohortRows)
        page["cohortChart"] = site.figure(Heatmap(
            id: "cohorts", title: s["lifecycle.cohorts"], description: s["lifecycle.cohorts.desc"],
            rows: cohorts.map { fmt.shortMonth($0.month) + " · " + fmt.integer($0.size) },
            columns: (0..<12).map { "M" + String($0) },
            values: cohorts.map { cohort in (0..<12).map { cohort.share($0)?.doubleValue } },
            maxValue: 1, columnTitle: s["lifecycle.months_since"], format: { fmt.percent($0, decimals: 0) }, noDataText: site.noData),
            headers: [s["lifecycle.cohort"]])
        return try site.renderPage("page-lifecycle", page)
    }

    /// Counts per day bin (`0`, `1–7`, `8–30`, … `366+`) as bars; negative values are left out.
    static func daysChart(_ site: SiteBuild, id: String, title: String, _ sorted: [Int32]) -> String {
        let s = site.s
        var counts = [Int](repeating: 0, count: dayBins.count + 1)
        for value in sorted where value >= 0 {
            let bin = dayBins.firstIndex { Int(value) <= $0 } ?? dayBins.count
            counts[bin] += 1
        }
        var labels: [String] = []
        for (i, upper) in dayBins.enumerated() {
            let lower = i == 0 ? 0 : dayBins[i - 1] + 1
            labels.append(lower == upper ? String(upper) : "\(lower)–\(upper)")
        }
        labels.append("\(dayBins.last! + 1)+")
        return site.figure(BarChart(
            id: id, title: title, description: s["lifecycle.days.desc"],
            categories: labels, series: [ChartSeries(name: s["common.customers"], values: counts.map(Double.init))],
            categoryTitle: s["lifecycle.days_axis"], height: 240, format: site.count, noDataText: site.noData),
            headers: [s["lifecycle.days_axis"]])
    }
}
