import Analytics
import Charts
import LedgerModel

/// `quality.html`: the data-quality score, findings by rule and table, completeness, probable
/// duplicates, stale records and the first findings with file and line.
enum QualityPage {
    static let findingLimit = 200
    static let groupLimit = 50
    /// Members shown of one duplicate group: 100,000 customers sharing a placeholder phone
    /// number made one list item of 7.5 MB; the rest are counted, and all are in the findings
    /// export.
    static let memberLimit = 20

    static func render(_ site: SiteBuild) throws -> String {
        let s = site.s, fmt = site.fmt, quality = site.content.quality, ledger = site.ledger
        let root = ""
        var page = site.page(.quality, title: s["quality.title"], root: root, kind: "quality")
        let errors = quality.errorCount
        let warnings = quality.findings.count - errors
        let counts = quality.countsByRule
        let stale = counts.first { $0.rule == .staleRecord }?.count ?? 0
        page["kpis"] = [
            site.kpi(s["kpi.quality"], quality.score.map { fmt.percent($0) } ?? "–",
                     sub: s.format("quality.score.sub", fmt.integer(quality.cleanCustomerRows), fmt.integer(quality.customerRows))),
            site.kpi(s["quality.errors"], fmt.integer(errors), sub: s["quality.errors.sub"]),
            site.kpi(s["quality.warnings"], fmt.integer(warnings), sub: s["quality.warnings.sub"]),
            site.kpi(s["quality.duplicates"], fmt.integer(quality.duplicateGroups.count), sub: s["quality.duplicates.sub"]),
            site.kpi(s["quality.stale"], fmt.integer(stale), sub: s.format("quality.stale.sub", String(site.report.settings.thresholds.staleDays))),
        ]
        page["scoreLevel"] = quality.score.map { $0 >= 0.95 ? "good" : $0 >= 0.8 ? "fair" : "poor" } ?? "none"
        page["ruleChart"] = site.figure(BarChart(
            id: "rules", title: s["quality.by_rule"], description: s["quality.by_rule.desc"],
            bars: counts.filter { $0.count > 0 }.map { ChartSlice(label: site.ruleName($0.rule), value: Double($0.count)) },
            seriesName: s["quality.findings"], orientation: .horizontal, format: site.count, noDataText: s["quality.no_findings"]),
            headers: [s["quality.rule"]])
        page["ruleTable"] = site.table(id: "rule-table", columns: [
            (s["quality.rule"], false), (s["quality.severity"], false), (s["quality.findings"], true),
        ], rows: counts.map { item in
            site.row([site.cell(site.ruleName(item.rule), sub: item.rule.rawValue),
                      site.cell(s["severity." + item.rule.severity.rawValue], badge: "sev sev-" + item.rule.severity.rawValue),
                      site.numberCell(item.count)])
        }, sortable: false)
        var byTable = [TableName: (errors: Int, warnings: Int)]()
        let findings = quality.findings
        for index in findings.indices {
            var entry = byTable[findings[index].table] ?? (0, 0)
            if findings[index].severity == .error { entry.errors += 1 } else { entry.warnings += 1 }
            byTable[findings[index].table] = entry
        }
        page["tableTable"] = site.table(id: "by-table", columns: [
            (s["quality.table"], false), (s["quality.files"], false), (s["quality.rows"], true), (s["quality.used_rows"], true),
            (s["quality.errors"], true), (s["quality.warnings"], true),
        ], rows: TableName.allCases.map { table in
            let source = ledger.source(table)
            let entry = byTable[table] ?? (0, 0)
            return site.row([
                site.cell(site.tableName(table)),
                site.cell(source.present ? source.files.joined(separator: ", ")
                          : table == .customers && ledger.customersDerived ? s["quality.derived"] : s["quality.absent"]),
                site.numberCell(source.rows), site.numberCell(source.usedRows), site.numberCell(entry.errors), site.numberCell(entry.warnings),
            ])
        }, sortable: false)
        let rows = quality.customerRows
        page["completenessChart"] = site.figure(BarChart(
            id: "completeness", title: s["quality.completeness"], description: s["quality.completeness.desc"],
            bars: quality.completeness.map { ChartSlice(label: $0.column, value: rows == 0 ? 0 : Double($0.filled) / Double(rows)) },
            seriesName: s["quality.filled"], orientation: .horizontal, format: site.percentFormat, noDataText: site.noData),
            headers: [s["quality.column"]])
        // The members' positions come with the ledger's own groups, of which the report's are
        // the ids; `customerIndex` (a million ids hashed) only for an id they do not hold.
        // Customer ids are distinct as strings, so both give the same position.
        var positions: [String: Int32] = [:]
        for group in ledger.duplicateGroups.prefix(groupLimit) {
            for member in group.prefix(memberLimit) where ledger.customers.indices.contains(Int(member)) {
                positions[ledger.customers[Int(member)].id] = member
            }
        }
        page["duplicates"] = quality.duplicateGroups.prefix(groupLimit).enumerated().map { number, group in
            var item: [String: Any] = ["groupNumber": String(number + 1), "members": group.prefix(memberLimit).map { id -> [String: Any] in
                var m: [String: Any] = ["memberId": id]
                if let i = (positions[id] ?? ledger.customerIndex[id]).map(Int.init) {
                    m["memberName"] = ledger.customers[i].name
                    if let href = site.customerHref(i, root: root) { m["memberHref"] = href }
                }
                return m
            }]
            if group.count > memberLimit {
                item["moreMembers"] = s.format("quality.more_members", fmt.integer(group.count - memberLimit))
            }
            return item
        }
        page["hasDuplicates"] = !quality.duplicateGroups.isEmpty
        if quality.duplicateGroups.count > groupLimit {
            page["moreDuplicates"] = s.format("quality.more_groups", fmt.integer(quality.duplicateGroups.count - groupLimit))
        }
        let asOf = site.report.settings.asOf, staleDays = site.report.settings.thresholds.staleDays
        var staleRows: [(Day, Int)] = []
        for (i, c) in ledger.customers.enumerated() {
            if let updated = c.updatedAt, asOf - updated > staleDays { staleRows.append((updated, i)) }
        }
        staleRows.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        page["staleTable"] = site.table(id: "stale", columns: [
            (s["common.customer"], false), (s["common.owner"], false), (s["field.updated_at"], false), (s["quality.days_old"], true),
        ], rows: staleRows.prefix(groupLimit).map { updated, i in
            let c = ledger.customers[i]
            return site.row([site.cell(c.name, href: site.customerHref(i, root: root), sort: c.name, sub: c.id),
                             site.ownerCell(c, root: root), site.dateCell(updated), site.numberCell(asOf - updated)])
        }, empty: s["quality.no_stale"],
           more: staleRows.count > groupLimit ? s.format("quality.more_stale", fmt.integer(staleRows.count - groupLimit)) : nil)
        page["findings"] = site.table(id: "findings", columns: [
            (s["quality.file"], false), (s["quality.line"], true), (s["quality.column"], false), (s["quality.value"], false),
            (s["quality.rule"], false), (s["quality.message"], false),
        ], rows: quality.findings.prefix(findingLimit).map { f in
            site.row([
                site.cell(f.file), site.numberCell(f.line), site.cell(f.column), site.cell(f.value.count > 60 ? String(f.value.prefix(60)) + "…" : f.value),
                site.cell(site.ruleName(f.rule), badge: "sev sev-" + f.rule.severity.rawValue), site.cell(f.message),
            ])
        }, empty: s["quality.no_findings"],
           more: quality.findings.count > findingLimit ? s.format("quality.more_findings", fmt.integer(quality.findings.count - findingLimit)) : nil)
        return try site.renderPage("page-quality", page)
    }
}
