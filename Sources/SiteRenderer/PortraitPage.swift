import Analytics
import Charts
import LedgerModel

/// `customers/ID.html`: one customer's portrait (客户画像), from the templates.
///
/// Reads only the customer's own rows (through ``LedgerDigest``), so a page costs the same in a
/// ledger of a hundred customers or a million. Long histories are cut to the latest
/// ``historyLimit`` rows to keep the page small; the exports have every row.
///
/// This is the page as the templates see it (a context of names and values); it is used when a
/// user's templates folder changes a portrait template. With the built-in templates,
/// ``PortraitWriter`` writes the same page directly.
enum PortraitPage {
    static let historyLimit = 20
    static let timelineLimit = 15

    /// The page from `page-portrait.mustache` inside the layout.
    static func render(_ site: SiteBuild, customer index: Int) throws -> String {
        try site.renderPortrait(context(site, customer: index), title: site.ledger.customers[index].name)
    }

    /// The template context of a customer's portrait.
    static func context(_ site: SiteBuild, customer index: Int) -> [String: Any] {
        let s = site.s, fmt = site.fmt, ledger = site.ledger, report = site.report
        let c = ledger.customers[index], f = report.customers[index]
        let root = "../"
        let settings = report.settings
        var page = site.portraitBase
        page["pageTitle"] = c.name

        // Identity
        page["name"] = c.name
        page["customerId"] = c.id
        page["initial"] = c.name.first.map { String($0) } ?? ""
        // The repeated parts of a portrait are written here rather than looped over in the
        // template: a hundred thousand pages cannot afford a template lookup per list item.
        var facts = ""
        func fact(_ key: String, _ value: String?, href: String? = nil) {
            guard let value, !value.isEmpty else { return }
            facts += "<div><dt>" + HTML.escape(s[key]) + "</dt><dd>"
            facts += href.map { "<a href=\"" + HTML.escape($0) + "\">" + HTML.escape(value) + "</a>" } ?? HTML.escape(value)
            facts += "</dd></div>\n"
        }
        fact("field.type", c.type.map { s["type." + $0.rawValue] })
        fact("field.industry", c.industry)
        fact("field.region", [c.region, c.city].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · "))
        fact("field.contact_name", c.contactName)
        fact("field.phone", c.phone.map { site.content.maskContacts ? ContactMask.phone($0) : $0 })
        fact("field.email", c.email.map { site.content.maskContacts ? ContactMask.email($0) : $0 })
        if let rep = c.owner.repIndex {
            fact("field.owner", ledger.reps[rep].name, href: site.repHref(rep, root: root))
        } else {
            fact("field.owner", c.ownerID)
        }
        fact("field.source", c.source)
        fact("field.created_at", c.createdAt.map { fmt.date($0) })
        page["factsHTML"] = facts
        if !c.tags.isEmpty {
            page["tagsHTML"] = c.tags.map { "<span class=\"tag\">" + HTML.escape($0) + "</span>" }.joined(separator: " ")
        }

        // Badges
        var badges = "<span class=\"badge grade grade-" + (f.grade?.rawValue ?? "none") + "\">"
            + HTML.escape(s["common.grade"] + " " + site.gradeName(f.grade)) + "</span> "
            + "<a class=\"badge seg\" href=\"" + site.segmentHref(f.segment, root: root) + "\">" + HTML.escape(site.segmentName(f.segment)) + "</a> "
            + "<span class=\"badge stage stage-" + f.stage.rawValue + "\">" + HTML.escape(site.stageName(f.stage)) + "</span>"
        if let ledgerGrade = c.grade, !ledgerGrade.isEmpty {
            badges += " <span class=\"badge ledger-grade\">" + HTML.escape(s.format("portrait.ledger_grade", ledgerGrade)) + "</span>"
        }
        page["badgesHTML"] = badges

        // Figures
        var kpis: [[String: Any]] = [
            site.kpi(s["portrait.revenue_total"], fmt.money(f.revenue), sub: s.format("portrait.orders_n", fmt.integer(Int(f.orders)))),
            site.kpi(s["portrait.revenue_period"], fmt.money(f.revenuePeriod), sub: s.format("portrait.orders_n", fmt.integer(Int(f.ordersPeriod)))),
            site.kpi(s["common.aov"], fmt.money(f.aov)),
            site.kpi(s["portrait.last_order"], fmt.date(f.lastOrder),
                     sub: f.recencyDays.map { s.format("common.days_ago", fmt.integer(Int($0))) }),
        ]
        if ledger.source(.interactions).present {
            kpis.append(site.kpi(s["portrait.last_contact"], fmt.date(f.lastContact),
                                 sub: f.daysSinceContact.map { s.format("common.days_ago", fmt.integer(Int($0))) }))
        }
        page["kpis"] = kpis

        // RFM
        if f.orders > 0 {
            var rfm = ""
            for (letter, score, key) in [("R", f.rScore, "portrait.rfm.r"), ("F", f.fScore, "portrait.rfm.f"), ("M", f.mScore, "portrait.rfm.m")] {
                let label = HTML.escape(s[key])
                rfm += "<div class=\"rfm-item\"><span class=\"rfm-letter\">" + letter + "</span><span class=\"meter level-\(score)\" role=\"img\" aria-label=\""
                    + label + " \(score)/5\"><i></i><i></i><i></i><i></i><i></i></span><span class=\"rfm-score\">\(score)</span><span class=\"rfm-label\">"
                    + label + "</span></div>\n"
            }
            page["rfmHTML"] = rfm
        }
        page["whyHTML"] = report.why(customer: index, locale: ExplanationLocale(rawValue: site.content.locale.rawValue) ?? .en)
            .split(separator: site.content.locale == .zhCN ? "；" : "; ").map { "<li>" + HTML.escape(String($0)) + "</li>" }.joined()
        let actions = nextActions(site, index)
        page["actionsHTML"] = actions.isEmpty ? false as Any
            : actions.map { "<li class=\"action action-" + $0.level + "\">" + HTML.escape($0.text) + "</li>" }.joined()

        // Orders: monthly revenue, history, category mix
        let summary = PortraitOrders(site, customer: index, uncategorised: s["common.uncategorised"])
        let orders = summary.rows
        page["sparkline"] = site.figure(Sparkline(
            id: "revenue-by-month", title: s["portrait.revenue_by_month"],
            description: s.format("portrait.revenue_by_month.desc", fmt.money(f.revenuePeriod)),
            values: summary.monthly, labels: site.monthNames, width: 320, height: 56,
            format: site.moneyShort, noDataText: s["portrait.no_orders_period"]),
            headers: [s["common.month"], s["common.revenue"]])
        page["orders"] = site.table(id: "orders", columns: [
            (s["common.date"], false), (s["portrait.order_id"], false), (s["portrait.products"], false),
            (s["common.amount"], true), (s["common.status"], false),
        ], rows: orders.prefix(historyLimit).map { row in
            let order = ledger.orders[Int(row)]
            var products: [String] = []
            // Three names are shown, and whether there are more: a fourth ends the search.
            for line in order.lines where products.count <= 3 {
                let l = ledger.orderLines[Int(line)]
                if let name = ledger.strings[l.product] ?? ledger.strings[l.category], !products.contains(name) { products.append(name) }
            }
            return site.row([
                site.dateCell(order.date), site.cell(order.id), site.cell(products.prefix(3).joined(separator: "、") + (products.count > 3 ? "…" : "")),
                site.moneyCell(order.amount),
                site.cell(s["status." + order.status.rawValue], badge: "status status-" + order.status.rawValue),
            ])
        }, empty: s["portrait.no_orders"],
           more: orders.count > historyLimit ? s.format("portrait.more_orders", fmt.integer(orders.count - historyLimit)) : nil)
        let mix = summary.mix
        if !mix.isEmpty {
            // A list with bars rather than a chart: the numbers are its text, and at a hundred
            // thousand pages a full bar chart per page is the largest cost of a portrait.
            let total = mix.reduce(Int64(0)) { $0 + $1.micros }, top = mix[0].micros
            var list = "<ul class=\"mix\">"
            for item in mix.prefix(6) {
                let width = max(1, Int((Double(item.micros) / Double(top) * 100).rounded()))
                list += "<li><span class=\"mix-label\">" + HTML.escape(item.label) + "</span><svg class=\"chart mix-bar\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"s1\" fill=\"#0072B2\" width=\"\(width)\" height=\"8\" rx=\"1\"/></svg><span class=\"mix-value\">"
                    + fmt.money(Money(micros: item.micros)) + "</span><span class=\"mix-share\">" + fmt.percent(Ratio(Int(item.micros), Int(total))) + "</span></li>"
            }
            if mix.count > 6 { list += "<li class=\"mix-more\">" + HTML.escape(s.format("portrait.more_categories", fmt.integer(mix.count - 6))) + "</li>" }
            page["categoryChart"] = list + "</ul>"
        }

        // Interactions
        if let missing = site.missingTable(.interactions) {
            page["interactionsMissing"] = missing
        } else {
            var rows = Array(site.rows.interactionsByCustomer[index].filter { ledger.interactions[Int($0)].date.day <= settings.asOf })
            rows.sort { a, b in
                let da = ledger.interactions[Int(a)].date, db = ledger.interactions[Int(b)].date
                return da != db ? da > db : a > b
            }
            var timeline = ""
            for row in rows.prefix(timelineLimit) {
                let it = ledger.interactions[Int(row)]
                var open = false, state: String?
                if it.kind == .complaint || it.kind == .service {
                    if let resolved = it.resolvedAt, resolved.day <= settings.asOf {
                        state = s.format("portrait.resolved_on", fmt.date(resolved.day))
                    } else {
                        state = s["portrait.open"]
                        open = true
                    }
                }
                timeline += "<li class=\"kind-" + (it.kind?.rawValue ?? "other") + (open ? " is-open" : "") + "\"><div class=\"timeline-head\"><time>"
                    + fmt.dateTime(it.date) + "</time> <span class=\"chip\">" + HTML.escape(site.channelName(it.channel))
                    + "</span> <span class=\"chip chip-kind\">" + HTML.escape(site.kindName(it.kind)) + "</span>"
                if it.satisfaction > 0 {
                    timeline += " <span class=\"chip chip-sat\">" + HTML.escape(s.format("portrait.satisfaction_n", String(it.satisfaction))) + "</span>"
                }
                if let state { timeline += " <span class=\"chip chip-state\">" + HTML.escape(state) + "</span>" }
                timeline += "</div>"
                if let summary = ledger.texts[it.summary], !summary.isEmpty {
                    timeline += "<p>" + HTML.escape(summary.count > 160 ? String(summary.prefix(160)) + "…" : summary) + "</p>"
                }
                timeline += "</li>\n"
            }
            page["timelineHTML"] = timeline
            page["hasTimeline"] = !rows.isEmpty
            if rows.count > timelineLimit {
                page["moreTimeline"] = s.format("portrait.more_interactions", fmt.integer(rows.count - timelineLimit))
            }
            let channels = report.channelMix(of: index).sorted { $0.count != $1.count ? $0.count > $1.count : $0.channel < $1.channel }
            if !channels.isEmpty {
                page["channelsHTML"] = channels.map { "<li><span>" + HTML.escape(site.channelName($0.channel)) + "</span> <b>" + fmt.integer($0.count) + "</b></li>" }.joined()
            }
            page["service"] = [
                site.kpi(s["portrait.complaints"], fmt.integer(Int(f.complaints))),
                site.kpi(s["portrait.open_complaints"], fmt.integer(Int(f.openComplaints))),
                site.kpi(s["portrait.satisfaction"], f.satisfaction.map { fmt.decimal($0, decimals: 1) + " / 5" } ?? "–"),
                site.kpi(s["portrait.preferred_channel"], f.preferredChannel.map { site.channelName($0) } ?? "–"),
            ]
        }

        // Opportunities
        if let missing = site.missingTable(.opportunities) {
            page["opportunitiesMissing"] = missing
        } else {
            let rows = site.rows.opportunitiesByCustomer[index].sorted { a, b in
                let oa = ledger.opportunities[Int(a)], ob = ledger.opportunities[Int(b)]
                let da = oa.createdAt ?? Day(raw: .min), db = ob.createdAt ?? Day(raw: .min)
                return da != db ? da > db : a > b
            }
            page["opportunities"] = site.table(id: "opportunities", columns: [
                (s["portrait.opportunity"], false), (s["common.stage"], false), (s["common.amount"], true),
                (s["field.created_at"], false), (s["portrait.closed_at"], false),
            ], rows: rows.prefix(historyLimit).map { row in
                let o = ledger.opportunities[Int(row)]
                return site.row([
                    site.cell(o.id),
                    site.cell(o.stage.map { s["opportunity." + $0.rawValue] } ?? s["common.unknown"],
                              badge: "opp opp-" + (o.stage?.rawValue ?? "open")),
                    o.amount.map { site.moneyCell($0) } ?? site.cell("–", num: true),
                    site.dateCell(o.createdAt), site.dateCell(o.closedAt),
                ])
            }, empty: s["portrait.no_opportunities"], sortable: false)
        }

        // Other fields
        var other = ""
        func otherField(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            other += "<div><dt>" + HTML.escape(label) + "</dt><dd>" + HTML.escape(value) + "</dd></div>\n"
        }
        otherField(s["field.customer_id"], c.id)
        otherField(s["field.address"], c.address)
        otherField(s["field.gender"], c.gender.map { s["gender." + $0.rawValue] })
        otherField(s["field.birth_date"], c.birthDate.map { fmt.date($0) })
        otherField(s["field.updated_at"], c.updatedAt.map { fmt.date($0) } ?? c.updatedAtCell)
        otherField(s["field.tenure"], f.tenureDays.map { s.format("common.days_n", fmt.integer(Int($0))) })
        otherField(s["field.top_category"], ledger.strings[f.topCategory])
        for field in c.extra { otherField(ledger.customerExtraColumns[Int(field.column)], field.value) }
        page["otherFieldsHTML"] = other
        page["hasOtherFields"] = !other.isEmpty
        page["sourceLine"] = s.format("portrait.source_line",
                                      ledger.source(.customers).files.indices.contains(Int(c.file)) ? ledger.source(.customers).files[Int(c.file)] : "–",
                                      String(c.line))
        page["hasService"] = page["service"] != nil
        return page
    }

    /// The "next action" hints: what the owner should do about this customer now.
    static func nextActions(_ site: SiteBuild, _ index: Int) -> [(text: String, level: String)] {
        let s = site.s, fmt = site.fmt, f = site.report.customers[index]
        let t = site.report.settings.thresholds
        let hasInteractions = site.ledger.source(.interactions).present
        let silence = f.daysSinceContact.map(Int.init)
        let silent = hasInteractions && (silence == nil || silence! > 45)
        var actions: [(String, String)] = []
        switch f.stage {
        case .atRisk:
            if silent {
                actions.append((silence.map { s.format("action.at_risk_silent", fmt.integer($0)) } ?? s["action.at_risk_never"], "urgent"))
            } else {
                actions.append((s.format("action.at_risk", fmt.integer(Int(f.recencyDays ?? 0))), "warn"))
            }
        case .churned:
            actions.append((s.format("action.churned", fmt.integer(Int(f.recencyDays ?? 0))), f.grade == .a ? "urgent" : "warn"))
        case .new:
            actions.append((s["action.new"], "info"))
        case .prospect:
            actions.append((f.hasOpportunity ? s["action.prospect_opportunity"] : s["action.prospect"], "info"))
        case .lead:
            actions.append((s["action.lead"], "info"))
        case .loyal, .repeated:
            if f.grade == .a, hasInteractions, silence.map({ $0 > t.followUpDays }) ?? true {
                actions.append((s.format("action.key_silent", silence.map { fmt.integer($0) } ?? "–"), "warn"))
            }
        }
        if f.openComplaints > 0 {
            actions.append((s.format("action.open_complaints", fmt.integer(Int(f.openComplaints))), "urgent"))
        }
        if let sat = f.satisfaction, sat < Ratio(3, 1)! {
            actions.append((s.format("action.low_satisfaction", fmt.decimal(sat, decimals: 1)), "warn"))
        }
        return actions
    }
}
