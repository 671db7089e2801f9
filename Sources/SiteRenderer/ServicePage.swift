import Analytics
import Charts
import LedgerModel

/// `service.html`: complaints and service requests, resolution times and satisfaction.
enum ServicePage {
    static let openLimit = 50
    /// Upper bounds (hours) of the resolution-time bins; the last bin is open.
    static let hourBins: [Double] = [4, 24, 72, 168, 720]

    static func render(_ site: SiteBuild) throws -> String {
        let s = site.s, fmt = site.fmt, digest = site.digest, ledger = site.ledger
        let root = ""
        var page = site.page(.service, title: s["service.title"], root: root, kind: "service")
        if let missing = site.missingTable(.interactions) {
            page["missing"] = missing
            return try site.renderPage("page-service", page)
        }
        let complaints = digest.complaintsPerMonth.reduce(0, +), requests = digest.servicePerMonth.reduce(0, +)
        let hours = digest.resolutionHours.sorted()
        let median: String = hours.isEmpty ? "–" : {
            let mid = hours.count / 2
            let value = hours.count % 2 == 1 ? hours[mid] : (hours[mid - 1] + hours[mid]) / 2
            return s.format("common.hours_n", fmt.number(value, decimals: 1))
        }()
        page["kpis"] = [
            site.kpi(s["service.complaints"], fmt.integer(complaints), sub: s["kpi.in_period"]),
            site.kpi(s["service.requests"], fmt.integer(requests), sub: s["kpi.in_period"]),
            site.kpi(s["kpi.open_complaints"], fmt.integer(site.report.summary.openComplaints), sub: s["kpi.open_complaints.sub"]),
            site.kpi(s["service.median_resolution"], median, sub: s.format("service.based_on", fmt.integer(hours.count))),
            site.kpi(s["service.resolved_share"], fmt.percent(Ratio(digest.serviceResolved, digest.serviceResolved + digest.serviceOpen)),
                     sub: s.format("service.resolved_open", fmt.integer(digest.serviceResolved), fmt.integer(digest.serviceOpen))),
        ]
        page["monthlyChart"] = site.figure(BarChart(
            id: "service-monthly", title: s["service.monthly"], description: s["service.monthly.desc"],
            categories: site.monthLabels,
            series: [ChartSeries(name: s["service.complaints"], values: digest.complaintsPerMonth.map(Double.init)),
                     ChartSeries(name: s["service.requests"], values: digest.servicePerMonth.map(Double.init))],
            layout: .stacked, height: 260, format: site.count, noDataText: site.noData, overTime: true),
            headers: [s["common.month"]])
        page["openChart"] = site.figure(DonutChart(
            id: "open-resolved", title: s["service.open_resolved"], description: s["service.open_resolved.desc"],
            slices: [ChartSlice(label: s["service.resolved"], value: Double(digest.serviceResolved)),
                     ChartSlice(label: s["service.open"], value: Double(digest.serviceOpen))],
            centerLabel: s["service.cases"], format: site.count, percent: site.percentFormat, noDataText: site.noData))
        var bins = [Int](repeating: 0, count: hourBins.count + 1)
        for h in hours { bins[hourBins.firstIndex { h <= $0 } ?? hourBins.count] += 1 }
        var labels: [String] = []
        for (i, upper) in hourBins.enumerated() {
            labels.append((i == 0 ? "0" : fmt.number(hourBins[i - 1])) + "–" + fmt.number(upper) + s["common.hours_unit"])
        }
        labels.append(fmt.number(hourBins.last!) + s["common.hours_unit"] + "+")
        page["resolutionChart"] = site.figure(BarChart(
            id: "resolution", title: s["service.resolution"], description: s["service.resolution.desc"],
            categories: labels, series: [ChartSeries(name: s["service.cases"], values: bins.map(Double.init))],
            height: 240, format: site.count, noDataText: site.noData),
            headers: [s["service.hours"]])
        let channels = (Channel.allCases.map { Optional($0) } + [nil]).enumerated().filter { digest.satisfactionByChannel[$0.offset].reduce(0, +) > 0 }
        page["satisfactionChart"] = site.figure(BarChart(
            id: "satisfaction", title: s["service.satisfaction"], description: s["service.satisfaction.desc"],
            categories: channels.map { site.channelName($0.element) },
            series: (1...5).map { score in
                ChartSeries(name: s.format("service.score", String(score)), values: channels.map { Double(digest.satisfactionByChannel[$0.offset][score - 1]) })
            },
            orientation: .horizontal, layout: .stacked, format: site.count, noDataText: site.noData),
            headers: [s["common.channel"]])
        let figures = site.report.customers
        page["openTable"] = site.table(id: "open-complaints", columns: [
            (s["common.date"], false), (s["common.customer"], false), (s["common.owner"], false),
            (s["common.channel"], false), (s["service.summary"], false), (s["service.age"], true),
        ], rows: digest.openComplaints.prefix(openLimit).map { row in
            let it = ledger.interactions[Int(row)]
            let i = Int(it.customer), c = ledger.customers[i]
            let age = site.report.settings.asOf - it.date.day
            let ownerCell: TableCell = it.owner.orElse(c.owner).repIndex.map { site.cell(ledger.reps[$0].name, href: site.repHref($0, root: root)) }
                ?? site.ownerCell(c, root: root)
            _ = figures
            return site.row([
                site.dateCell(it.date.day), site.cell(c.name, href: site.customerHref(i, root: root), sub: c.id), ownerCell,
                site.cell(site.channelName(it.channel)), site.cell(site.ledger.texts[it.summary].map { $0.count > 80 ? String($0.prefix(80)) + "…" : $0 } ?? "–"),
                site.numberCell(age),
            ])
        }, empty: s["service.no_open"],
           more: digest.openComplaints.count > openLimit ? s.format("service.more_open", fmt.integer(digest.openComplaints.count - openLimit)) : nil)
        return try site.renderPage("page-service", page)
    }
}
