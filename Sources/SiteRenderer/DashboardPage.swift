import Analytics
import Charts
import LedgerModel

/// `index.html`: the KPI cards and the charts a manager reads first.
enum DashboardPage {
    static func render(_ site: SiteBuild) throws -> String {
        let s = site.s, fmt = site.fmt, report = site.report, summary = report.summary
        var page = site.page(.dashboard, title: s["dashboard.title"], root: "", kind: "dashboard")

        let funnel = report.lifecycle.funnel
        func step(_ code: String) -> Int { funnel.first { $0.step == code }?.count ?? 0 }
        let converted = step("converted"), repeated = step("repeat")
        let change = summary.revenueChange
        let trend = change.map { $0.numerator > 0 ? "up" : $0.numerator < 0 ? "down" : "flat" }
        let quality = site.content.quality
        var kpis: [[String: Any]] = [
            site.kpi(s["kpi.customers"], fmt.integer(summary.customers),
                     sub: s.format("kpi.customers.sub", fmt.integer(report.rfm.scored)), href: "customers/index.html"),
            site.kpi(s["kpi.active"], fmt.integer(summary.activeCustomers),
                     sub: s.format("kpi.active.sub", fmt.percent(Ratio(summary.activeCustomers, summary.customers)),
                                   String(report.settings.thresholds.atRiskDays))),
            site.kpi(s["kpi.new"], fmt.integer(summary.newCustomers), sub: s["kpi.in_period"]),
            site.kpi(s["kpi.revenue"], fmt.moneyCompact(summary.revenuePeriod),
                     sub: change == nil ? s["kpi.revenue.no_previous"] : s.format("kpi.revenue.sub", fmt.change(change)),
                     trend: trend, title: fmt.money(summary.revenuePeriod)),
            site.kpi(s["kpi.aov"], fmt.money(summary.aovPeriod), sub: s.format("kpi.aov.sub", fmt.integer(summary.ordersPeriod))),
            site.kpi(s["kpi.repeat"], fmt.percent(Ratio(repeated, converted)),
                     sub: s.format("kpi.repeat.sub", fmt.integer(repeated), fmt.integer(converted))),
            site.kpi(s["kpi.at_risk"], fmt.integer(report.lifecycle.count(.atRisk)),
                     sub: s.format("kpi.at_risk.sub", String(report.settings.thresholds.atRiskDays)), href: "lifecycle.html"),
        ]
        if site.ledger.source(.interactions).present {
            kpis.append(site.kpi(s["kpi.open_complaints"], fmt.integer(summary.openComplaints),
                                 sub: s["kpi.open_complaints.sub"], href: "service.html"))
        }
        kpis.append(site.kpi(s["kpi.quality"], quality.score.map { fmt.percent($0) } ?? "–",
                             sub: s.format("kpi.quality.sub", fmt.integer(quality.findings.count)), href: "quality.html"))
        page["kpis"] = kpis

        let months = site.monthLabels
        page["revenueChart"] = site.figure(LineChart(
            id: "revenue-trend", title: s["dashboard.revenue_trend"], description: s["dashboard.revenue_trend.desc"],
            categories: months,
            series: [ChartSeries(name: s["common.revenue"], values: summary.monthly.map { Double($0.revenue.micros) / 1e6 })],
            area: true, height: 260, format: site.moneyShort, noDataText: site.noData, overTime: true),
            headers: [s["common.month"]])
        page["newChart"] = site.figure(BarChart(
            id: "new-customers", title: s["dashboard.new_customers"], description: s["dashboard.new_customers.desc"],
            categories: months,
            series: [ChartSeries(name: s["dashboard.series.created"], values: site.digest.createdPerMonth.map(Double.init)),
                     ChartSeries(name: s["dashboard.series.first_purchase"], values: summary.monthly.map { Double($0.firstPurchases) })],
            height: 260, format: site.count, noDataText: site.noData, overTime: true),
            headers: [s["common.month"]])
        page["segmentChart"] = site.figure(DonutChart(
            id: "segments", title: s["dashboard.segments"], description: s["dashboard.segments.desc"],
            slices: summary.segmentCounts.filter { $0.count > 0 }.map { ChartSlice(label: site.segmentName($0.segment), value: Double($0.count)) },
            centerLabel: s["common.customers_unit"], format: site.count, percent: site.percentFormat, noDataText: site.noData),
            headers: [s["common.segment"], s["common.customers"], "%"])
        page["gradeChart"] = gradeChart(site)
        page["funnelChart"] = funnelChart(site, id: "funnel")
        page["industryChart"] = tallyChart(site, id: "industries", title: s["dashboard.industries"], site.digest.industries)
        page["regionChart"] = tallyChart(site, id: "regions", title: s["dashboard.regions"], site.digest.regions)

        if site.ledger.reps.isEmpty {
            page["repsMissing"] = site.missingTable(.reps) ?? ["missingTitle": s["team.no_reps"], "missingHint": s["missing.hint.reps"]]
        } else {
            let top = report.reps.sorted { $0.rank < $1.rank }.prefix(5)
            page["topReps"] = site.table(id: "top-reps", columns: [
                ("#", true), (s["common.rep"], false), (s["common.team"], false), (s["team.revenue_period"], true),
                (s["team.change"], true), (s["team.attainment"], true),
            ], rows: top.map { r in
                let rep = site.ledger.reps[Int(r.rep)]
                return site.row([
                    site.numberCell(r.rank), site.cell(rep.name, href: site.repHref(Int(r.rep), root: "")),
                    site.cell(rep.team ?? "–"), site.moneyCell(r.figures.revenuePeriod),
                    site.changeCell(r.figures.revenueChange), site.ratioCell(r.figures.quotaAttainment),
                ])
            }, sortable: false, nowrap: true)
        }
        return try site.renderPage("page-dashboard", page)
    }

    static func gradeChart(_ site: SiteBuild) -> String {
        let s = site.s, grades = site.report.grades
        let prospects = site.report.summary.customers - grades.counts.reduce(0, +)
        let bars = Grade.allCases.map { ChartSlice(label: s["grade.label." + $0.rawValue], value: Double(grades.count($0))) }
            + [ChartSlice(label: s["grade.none"], value: Double(prospects))]
        return site.figure(BarChart(
            id: "grades", title: s["dashboard.grades"], description: s["dashboard.grades.desc"], bars: bars,
            seriesName: s["common.customers"], orientation: .horizontal, format: site.count, noDataText: site.noData),
            headers: [s["common.grade"]])
    }

    static func funnelChart(_ site: SiteBuild, id: String) -> String {
        let s = site.s
        return site.figure(FunnelChart(
            id: id, title: s["lifecycle.funnel"], description: s["lifecycle.funnel.desc"],
            stages: site.report.lifecycle.funnel.map { ChartSlice(label: s["funnel." + $0.step], value: Double($0.count)) },
            format: site.count, percent: site.percentFormat, noDataText: site.noData),
            headers: [s["lifecycle.step"], s["common.customers"], s["lifecycle.from_previous"], s["lifecycle.from_first"]])
    }

    /// Horizontal bars of revenue for the top eight values of one customer attribute.
    static func tallyChart(_ site: SiteBuild, id: String, title: String, _ tallies: [LedgerDigest.Tally], byCount: Bool = false) -> String {
        let s = site.s
        let useCount = byCount || !tallies.prefix(8).contains { $0.revenue > .zero }
        let top = useCount
            ? Array(tallies.sorted { $0.customers != $1.customers ? $0.customers > $1.customers : SitePaths.codePointOrder($0.label, $1.label) }.prefix(8))
            : Array(tallies.prefix(8))
        return site.figure(BarChart(
            id: id, title: title, description: useCount ? s["chart.by_customers"] : s["chart.by_revenue"],
            bars: top.map { ChartSlice(label: $0.label, value: useCount ? Double($0.customers) : Double($0.revenue.micros) / 1e6) },
            seriesName: useCount ? s["common.customers"] : s["common.revenue"], orientation: .horizontal,
            format: useCount ? site.count : site.moneyShort, noDataText: site.noData))
    }
}
