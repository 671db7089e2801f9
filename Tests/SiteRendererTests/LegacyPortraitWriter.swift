@testable import SiteRenderer

/// The `String` portrait writer that ``PortraitWriter`` replaced, kept as the oracle: the byte
/// writer must give exactly its bytes. It writes the body of `page-portrait.mustache` from the
/// template context (``PortraitPage/context(_:customer:)``); ``page(_:customer:)`` puts it in the
/// layout as the build did.
enum LegacyPortraitWriter {
    /// The whole page, as the build wrote it before the byte writer.
    static func page(_ site: SiteBuild, customer index: Int) -> String {
        site.wrapPortrait(body(PortraitPage.context(site, customer: index), site.s), title: site.ledger.customers[index].name)
    }

    static func body(_ page: [String: Any], _ s: Strings) -> String {
        func str(_ key: String) -> String? { page[key] as? String }
        func text(_ key: String) -> String { HTML.escape(s[key]) }
        var out = ""
        out.reserveCapacity(16_000)
        out += "<nav class=\"crumbs\" aria-label=\"" + text("common.breadcrumb") + "\"><a href=\"index.html\">" + text("nav.customers")
            + "</a> / <span>" + HTML.escape(str("customerId") ?? "") + "</span></nav>\n"
        out += "<section class=\"identity card\">\n<div class=\"identity-main\">\n<div class=\"avatar\" aria-hidden=\"true\">"
            + HTML.escape(str("initial") ?? "") + "</div>\n<div>\n<h1>" + HTML.escape(str("name") ?? "") + "</h1>\n<p class=\"identity-id\">"
            + HTML.escape(str("customerId") ?? "") + "</p>\n<p class=\"badges\">" + (str("badgesHTML") ?? "") + "</p>\n"
        if let tags = str("tagsHTML") { out += "<p class=\"tags\">" + tags + "</p>\n" }
        out += "</div>\n</div>\n<dl class=\"facts\">\n" + (str("factsHTML") ?? "") + "\n</dl>\n</section>\n"
        if let actions = str("actionsHTML") {
            out += "<section class=\"actions\" aria-label=\"" + text("portrait.next_actions") + "\">\n<h2>" + text("portrait.next_actions")
                + "</h2>\n<ul>" + actions + "</ul>\n</section>\n"
        }
        out += "<section class=\"kpis kpis-compact\">\n"
        for kpi in page["kpis"] as? [[String: Any]] ?? [] { out += kpiHTML(kpi) }
        out += "\n</section>\n<div class=\"grid grid-2\">\n<section class=\"card\">\n<h2>" + text("portrait.scores") + "</h2>\n"
        if let rfm = str("rfmHTML") { out += "<div class=\"rfm\">\n" + rfm + "</div>\n" } else { out += "<p class=\"note\">" + text("portrait.no_scores") + "</p>\n" }
        out += "<h3>" + text("portrait.why") + "</h3>\n<ul class=\"why\">" + (str("whyHTML") ?? "") + "</ul>\n</section>\n<section class=\"card\">\n<h2>"
            + text("portrait.revenue_by_month") + "</h2>\n" + (str("sparkline") ?? "") + "\n"
        if let chart = str("categoryChart") { out += "<h3>" + text("portrait.category_mix") + "</h3>\n" + chart }
        out += "\n</section>\n</div>\n<section class=\"card\">\n<h2>" + text("portrait.purchases") + "</h2>\n"
        if let orders = page["orders"] as? [String: Any] { out += tableHTML(orders) }
        out += "\n</section>\n<div class=\"grid grid-2-1\">\n<section class=\"card\">\n<h2>" + text("portrait.timeline") + "</h2>\n"
        let missing = page["interactionsMissing"] as? [String: Any]
        if let missing { out += missingHTML(missing) }
        if page["hasTimeline"] as? Bool == true {
            out += "<ol class=\"timeline\">\n" + (str("timelineHTML") ?? "") + "</ol>\n"
            if let more = str("moreTimeline") { out += "<p class=\"table-more\">" + HTML.escape(more) + "</p>" }
        }
        if missing == nil, page["hasTimeline"] as? Bool != true { out += "<p class=\"note\">" + text("portrait.no_interactions") + "</p>" }
        out += "\n</section>\n<section class=\"card\">\n<h2>" + text("portrait.service") + "</h2>\n"
        if let missing { out += missingHTML(missing) }
        if let service = page["service"] as? [[String: Any]] {
            out += "<div class=\"mini-kpis\">"
            for kpi in service { out += kpiHTML(kpi) }
            out += "</div>"
        }
        if let channels = str("channelsHTML") {
            out += "\n<h3>" + text("portrait.channel_mix") + "</h3>\n<ul class=\"channel-mix\">" + channels + "</ul>"
        }
        out += "\n</section>\n</div>\n<section class=\"card\">\n<h2>" + text("portrait.opportunities") + "</h2>\n"
        if let missing = page["opportunitiesMissing"] as? [String: Any] { out += missingHTML(missing) }
        if let opportunities = page["opportunities"] as? [String: Any] { out += tableHTML(opportunities) }
        out += "\n</section>\n"
        if page["hasOtherFields"] as? Bool == true {
            out += "<section class=\"card\">\n<h2>" + text("portrait.other_fields") + "</h2>\n<dl class=\"fields\">\n"
                + (str("otherFieldsHTML") ?? "") + "\n</dl>\n<p class=\"note\">" + HTML.escape(str("sourceLine") ?? "") + "</p>\n</section>\n"
        }
        return out
    }

    /// `kpi.mustache`.
    static func kpiHTML(_ k: [String: Any]) -> String {
        var out = "<div class=\"kpi"
        if let trend = k["trend"] as? String { out += " trend-" + HTML.escape(trend) }
        out += "\">\n<div class=\"kpi-label\">" + HTML.escape(k["label"] as? String ?? "") + "</div>\n<div class=\"kpi-value\""
        if let hint = k["hint"] as? String { out += " title=\"" + HTML.escape(hint) + "\"" }
        let value = HTML.escape(k["value"] as? String ?? "")
        if let link = k["link"] as? String { out += "><a href=\"" + HTML.escape(link) + "\">" + value + "</a></div>\n" } else { out += ">" + value + "</div>\n" }
        if let sub = k["sub"] as? String { out += "<div class=\"kpi-sub\">" + HTML.escape(sub) + "</div>" }
        return out + "\n</div>\n"
    }

    /// `table.mustache`.
    static func tableHTML(_ t: [String: Any]) -> String {
        var out = "<div class=\"table-wrap\">\n<table id=\"" + HTML.escape(t["tableId"] as? String ?? "") + "\" class=\"data"
        if t["sortable"] as? Bool == true { out += " sortable" }
        if t["nowrap"] as? Bool == true { out += " nowrap" }
        out += "\">\n"
        if let caption = t["caption"] as? String { out += "<caption>" + HTML.escape(caption) + "</caption>" }
        out += "\n<thead>" + (t["headHTML"] as? String ?? "") + "</thead>\n<tbody>\n" + (t["rowsHTML"] as? String ?? "")
        if t["hasRows"] as? Bool != true {
            out += "\n<tr class=\"empty\"><td colspan=\"" + String(t["columnCount"] as? Int ?? 1) + "\">" + HTML.escape(t["emptyText"] as? String ?? "") + "</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"
        if let more = t["more"] as? String { out += "<p class=\"table-more\">" + HTML.escape(more) + "</p>" }
        return out + "\n"
    }

    /// `missing.mustache`.
    static func missingHTML(_ m: [String: Any]) -> String {
        "<div class=\"missing\">\n<p class=\"missing-title\">" + HTML.escape(m["missingTitle"] as? String ?? "")
            + "</p>\n<p class=\"missing-hint\">" + HTML.escape(m["missingHint"] as? String ?? "") + "</p>\n</div>\n"
    }
}
