import Analytics
import Charts
import LedgerModel

/// Writes a whole portrait page, layout included, as `page-portrait.mustache` (with the `kpi`,
/// `table` and `missing` partials) inside `layout.mustache` would, straight into bytes.
///
/// A portrait page is the one page there are a hundred thousand of. This writer reads the
/// customer's rows and figures and appends UTF-8: the fixed markup and interface text come
/// prepared from ``PortraitMarkup``, numbers and dates are formatted into the buffer, values from
/// the data are escaped as they are copied. No page dictionary, no `String` per fragment: about
/// 17 µs of CPU a page, fingerprint included, where the `String` version took about 200.
///
/// It is used while the four templates are the built-in ones; once a user's templates folder
/// changes any of them, ``PortraitPage`` renders the templates instead (slower, exactly as
/// written). `PortraitWriterTests` checks that both give the same page, and that this writer
/// gives byte for byte what the `String` writer it replaced gave.
enum PortraitWriter {
    static let historyLimit = PortraitPage.historyLimit
    static let timelineLimit = PortraitPage.timelineLimit

    static func write(_ site: SiteBuild, customer index: Int, into out: inout ByteBuffer) {
        let m = site.markup, fmt = m.numbers
        let c = site.customers[index], f = site.figures[index]
        out.reserve(16_384)
        out.append(m.shellPrefix)
        out.append(escaping: c.name)
        out.append(m.shellMiddle)

        // Identity
        out.append(m.crumbs)
        out.append(escaping: c.id)
        out.append(m.identity)
        appendInitial(of: c.name, to: &out)
        out.append("</div>\n<div>\n<h1>")
        out.append(escaping: c.name)
        out.append("</h1>\n<p class=\"identity-id\">")
        out.append(escaping: c.id)
        out.append("</p>\n<p class=\"badges\">")
        out.append(m.gradeBadges[ordinal(f.grade)])
        out.append(m.segmentBadges[ordinal(f.segment)])
        out.append(m.stageBadges[ordinal(f.stage)])
        if let ledgerGrade = c.grade, !ledgerGrade.isEmpty {
            out.append(" <span class=\"badge ledger-grade\">")
            m.ledgerGrade.write(into: &out) { $0.append(escaping: ledgerGrade) }
            out.append("</span>")
        }
        out.append("</p>\n")
        if !c.tags.isEmpty {
            out.append("<p class=\"tags\">")
            for (n, tag) in c.tags.enumerated() {
                if n > 0 { out.append(UInt8(ascii: " ")) }
                out.append("<span class=\"tag\">")
                out.append(escaping: tag)
                out.append("</span>")
            }
            out.append("</p>\n")
        }
        out.append("</div>\n</div>\n<dl class=\"facts\">\n")
        writeFacts(site, m, c, into: &out)
        out.append("\n</dl>\n</section>\n")

        // Next actions
        let actionsStart = out.count
        out.append(m.actionsHead)
        if writeActions(site, m, f, into: &out) {
            out.append("</ul>\n</section>\n")
        } else {
            out.truncate(to: actionsStart)
        }

        // Figures
        out.append("<section class=\"kpis kpis-compact\">\n")
        kpi(m.kpiRevenueTotal, &out, value: { fmt.append(money: f.revenue, to: &$0) },
            sub: { out in m.ordersN.write(into: &out) { fmt.append(integer: Int(f.orders), to: &$0) } })
        kpi(m.kpiRevenuePeriod, &out, value: { fmt.append(money: f.revenuePeriod, to: &$0) },
            sub: { out in m.ordersN.write(into: &out) { fmt.append(integer: Int(f.ordersPeriod), to: &$0) } })
        kpi(m.kpiAOV, &out, value: { fmt.append(money: f.aov, to: &$0) })
        kpi(m.kpiLastOrder, &out, value: { fmt.append(date: f.lastOrder, to: &$0) },
            sub: f.recencyDays.map { days in { out in m.daysAgo.write(into: &out) { fmt.append(integer: Int(days), to: &$0) } } })
        if m.hasInteractions {
            kpi(m.kpiLastContact, &out, value: { fmt.append(date: f.lastContact, to: &$0) },
                sub: f.daysSinceContact.map { days in { out in m.daysAgo.write(into: &out) { fmt.append(integer: Int(days), to: &$0) } } })
        }

        // RFM and why
        out.append(m.scoresHead)
        if f.orders > 0 {
            out.append("<div class=\"rfm\">\n")
            func item(_ letter: UInt8, _ score: UInt8, _ label: ByteChunk, _ out: inout ByteBuffer) {
                out.append("<div class=\"rfm-item\"><span class=\"rfm-letter\">")
                out.append(letter)
                out.append("</span><span class=\"meter level-")
                out.append(digits: UInt(score))
                out.append("\" role=\"img\" aria-label=\"")
                out.append(label)
                out.append(UInt8(ascii: " "))
                out.append(digits: UInt(score))
                out.append("/5\"><i></i><i></i><i></i><i></i><i></i></span><span class=\"rfm-score\">")
                out.append(digits: UInt(score))
                out.append("</span><span class=\"rfm-label\">")
                out.append(label)
                out.append("</span></div>\n")
            }
            item(UInt8(ascii: "R"), f.rScore, m.rfmLabels[0], &out)
            item(UInt8(ascii: "F"), f.fScore, m.rfmLabels[1], &out)
            item(UInt8(ascii: "M"), f.mScore, m.rfmLabels[2], &out)
            out.append("</div>\n")
        } else {
            out.append(m.noScores)
        }
        out.append(m.whyHead)
        var why: [UInt8] = []
        site.why.write(customer: index, into: &why)
        appendWhy(why, separator: m.whySeparator, to: &out)
        out.append(m.revenueHead)

        // Orders: monthly revenue, category mix, history
        let summary = PortraitOrders(site, customer: index, uncategorised: m.uncategorised)
        m.sparkline.write(values: summary.monthly, into: &out,
                          description: { out in m.sparklineDescription.write(into: &out) { fmt.append(money: f.revenuePeriod, to: &$0) } },
                          format: { value, out in fmt.append(moneyCompact: value, to: &out) })
        out.append(UInt8(ascii: "\n"))
        writeCategoryMix(m, summary.mix, into: &out)
        out.append(m.purchasesHead)
        let orders = summary.rows
        out.append(m.ordersTableHead)
        for row in orders.prefix(historyLimit) { writeOrderRow(site, m, row, into: &out) }
        if orders.isEmpty { out.append(m.ordersEmpty) }
        out.append("</tbody>\n</table>\n</div>\n")
        if orders.count > historyLimit {
            out.append("<p class=\"table-more\">")
            m.moreOrders.write(into: &out) { fmt.append(integer: orders.count - historyLimit, to: &$0) }
            out.append("</p>")
        }
        out.append(UInt8(ascii: "\n"))

        // Interactions
        out.append(m.timelineHead)
        if let missing = m.interactionsMissing {
            out.append(missing)
        } else {
            writeTimeline(site, m, index, into: &out)
        }
        out.append(m.serviceHead)
        if let missing = m.interactionsMissing {
            out.append(missing)
        } else {
            out.append("<div class=\"mini-kpis\">")
            kpi(m.kpiComplaints, &out, value: { fmt.append(integer: Int(f.complaints), to: &$0) })
            kpi(m.kpiOpenComplaints, &out, value: { fmt.append(integer: Int(f.openComplaints), to: &$0) })
            kpi(m.kpiSatisfaction, &out, value: { out in
                if let satisfaction = f.satisfaction {
                    fmt.append(decimal: satisfaction, decimals: 1, to: &out)
                    out.append(" / 5")
                } else {
                    out.append("–")
                }
            })
            kpi(m.kpiPreferredChannel, &out, value: { out in
                if let channel = f.preferredChannel { out.append(m.channelNames[ordinal(channel)]) } else { out.append("–") }
            })
            out.append("</div>")
            writeChannelMix(site, m, index, into: &out)
        }

        // Opportunities
        out.append(m.opportunitiesHead)
        if let missing = m.opportunitiesMissing {
            out.append(missing)
        } else {
            writeOpportunities(site, m, index, into: &out)
        }
        out.append("\n</section>\n")

        // Other fields
        let otherStart = out.count
        out.append(m.otherFieldsHead)
        let fieldsStart = out.count
        writeOtherFields(site, m, c, f, into: &out)
        if out.count == fieldsStart {
            out.truncate(to: otherStart)
        } else {
            out.append("\n</dl>\n<p class=\"note\">")
            let file = Int(c.file), line = Int(c.line)
            m.sourceLine.write(into: &out) { n, out in
                if n == 0 {
                    let files = m.sourceFiles
                    out.append(escaping: files.indices.contains(file) ? files[file] : "–")
                } else {
                    out.append(decimal: line)
                }
            }
            out.append("</p>\n</section>\n")
        }
        out.append(m.shellSuffix)
    }

    // MARK: Parts

    /// `kpi.mustache` with no trend, hint or link: the label comes with `head`.
    @inline(__always)
    static func kpi(_ head: ByteChunk, _ out: inout ByteBuffer, value: (inout ByteBuffer) -> Void,
                    sub: ((inout ByteBuffer) -> Void)? = nil) {
        out.append(head)
        value(&out)
        out.append("</div>\n")
        if let sub {
            out.append("<div class=\"kpi-sub\">")
            sub(&out)
            out.append("</div>")
        }
        out.append("\n</div>\n")
    }

    /// The first character of the name (the avatar). A first scalar that no following scalar can
    /// join (ASCII or a CJK ideograph, followed by the same or nothing) is the first character;
    /// other names ask `String` for their first grapheme.
    static func appendInitial(of name: String, to out: inout ByteBuffer) {
        func simple(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            return (v >= 0x20 && v < 0x7F) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF)
        }
        var scalars = name.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return }
        if simple(first), scalars.next().map(simple) ?? true {
            out.append(escaping: String(first))
        } else if let character = name.first {
            out.append(escaping: String(character))
        }
    }

    /// One `<div><dt>…</dt><dd>` item of the facts or other-fields list: `head` opens it, `value`
    /// writes the value, and an item whose value comes out empty is taken back.
    static func item(_ head: ByteChunk, _ out: inout ByteBuffer, _ value: (inout ByteBuffer) -> Void) {
        let start = out.count
        out.append(head)
        let valueStart = out.count
        value(&out)
        if out.count == valueStart { return out.truncate(to: start) }
        out.append("</dd></div>\n")
    }

    static func writeFacts(_ site: SiteBuild, _ m: PortraitMarkup, _ c: Customer, into out: inout ByteBuffer) {
        if let type = c.type { item(m.factType, &out) { $0.append(m.typeNames[ordinal(type)]) } }
        if let industry = c.industry { item(m.factIndustry, &out) { $0.append(escaping: industry) } }
        let region = c.region ?? "", city = c.city ?? ""
        item(m.factRegion, &out) { out in
            out.append(escaping: region)
            if !region.isEmpty && !city.isEmpty { out.append(" · ") }
            out.append(escaping: city)
        }
        if let contact = c.contactName { item(m.factContact, &out) { $0.append(escaping: contact) } }
        let mask = site.content.maskContacts
        if let phone = c.phone {
            item(m.factPhone, &out) { mask ? ContactMask.append(phone: phone, to: &$0) : $0.append(escaping: phone) }
        }
        if let email = c.email {
            item(m.factEmail, &out) { mask ? ContactMask.append(email: email, to: &$0) : $0.append(escaping: email) }
        }
        if let rep = c.owner.repIndex {
            let name = site.reps[rep].name
            if !name.isEmpty {
                item(m.factOwner, &out) { out in
                    let href = m.repLinks[rep]
                    if href.count > 0 {
                        out.append("<a href=\"")
                        out.append(href)
                        out.append("\">")
                        out.append(escaping: name)
                        out.append("</a>")
                    } else {
                        out.append(escaping: name)
                    }
                }
            }
        } else if let owner = c.ownerID {
            item(m.factOwner, &out) { $0.append(escaping: owner) }
        }
        if let source = c.source { item(m.factSource, &out) { $0.append(escaping: source) } }
        if let created = c.createdAt {
            let fmt = m.numbers
            item(m.factCreated, &out) { fmt.append(date: created, to: &$0) }
        }
    }

    /// The "next action" hints (``PortraitPage/nextActions(_:_:)``) as list items; false when none.
    static func writeActions(_ site: SiteBuild, _ m: PortraitMarkup, _ f: CustomerFigures, into out: inout ByteBuffer) -> Bool {
        let fmt = m.numbers
        let t = site.settings.thresholds
        let hasInteractions = m.hasInteractions
        let silence = f.daysSinceContact.map(Int.init)
        let silent = hasInteractions && (silence == nil || silence! > 45)
        var any = false
        func item(_ level: StaticString, _ text: (inout ByteBuffer) -> Void) {
            out.append("<li class=\"action action-")
            out.append(level)
            out.append("\">")
            text(&out)
            out.append("</li>")
            any = true
        }
        func integer(_ value: Int) -> (inout ByteBuffer) -> Void { { fmt.append(integer: value, to: &$0) } }
        switch f.stage {
        case .atRisk:
            if silent {
                if let silence {
                    item("urgent") { m.actionAtRiskSilent.write(into: &$0, integer(silence)) }
                } else {
                    item("urgent") { $0.append(m.actionAtRiskNever) }
                }
            } else {
                item("warn") { m.actionAtRisk.write(into: &$0, integer(Int(f.recencyDays ?? 0))) }
            }
        case .churned:
            let text: (inout ByteBuffer) -> Void = { m.actionChurned.write(into: &$0, integer(Int(f.recencyDays ?? 0))) }
            if f.grade == .a { item("urgent", text) } else { item("warn", text) }
        case .new:
            item("info") { $0.append(m.actionNew) }
        case .prospect:
            item("info") { $0.append(f.hasOpportunity ? m.actionProspectOpportunity : m.actionProspect) }
        case .lead:
            item("info") { $0.append(m.actionLead) }
        case .loyal, .repeated:
            if f.grade == .a, hasInteractions, silence.map({ $0 > t.followUpDays }) ?? true {
                item("warn") { out in
                    m.actionKeySilent.write(into: &out) { out in
                        if let silence { fmt.append(integer: silence, to: &out) } else { out.append("–") }
                    }
                }
            }
        }
        if f.openComplaints > 0 {
            item("urgent") { m.actionOpenComplaints.write(into: &$0, integer(Int(f.openComplaints))) }
        }
        if let sat = f.satisfaction, sat < Ratio(3, 1)! {
            item("warn") { out in m.actionLowSatisfaction.write(into: &out) { fmt.append(decimal: sat, decimals: 1, to: &$0) } }
        }
        return any
    }

    /// The why text split at its separator (empty pieces dropped, as `split` does), one item each.
    static func appendWhy(_ text: [UInt8], separator chunk: ByteChunk, to out: inout ByteBuffer) {
        let separator = chunk.buffer
        text.withUnsafeBytes { raw in
            var start = 0, index = 0
            func piece(_ end: Int, _ out: inout ByteBuffer) {
                guard end > start else { return }
                out.append("<li>")
                out.append(escaping: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                out.append("</li>")
            }
            while index + separator.count <= raw.count {
                if raw[index] == separator[0], separator.indices.allSatisfy({ raw[index + $0] == separator[$0] }) {
                    piece(index, &out)
                    index += separator.count
                    start = index
                } else {
                    index += 1
                }
            }
            piece(raw.count, &out)
        }
    }

    static func writeCategoryMix(_ m: PortraitMarkup, _ mix: [(label: String, micros: Int64)], into out: inout ByteBuffer) {
        let fmt = m.numbers
        guard !mix.isEmpty else { return }
        // A list with bars rather than a chart: the numbers are its text, and at a hundred
        // thousand pages a full bar chart per page is the largest cost of a portrait.
        let total = mix.reduce(Int64(0)) { $0 + $1.micros }, top = mix[0].micros
        out.append(m.categoryHead)
        out.append("<ul class=\"mix\">")
        for item in mix.prefix(6) {
            let width = max(1, Int((Double(item.micros) / Double(top) * 100).rounded()))
            out.append("<li><span class=\"mix-label\">")
            out.append(escaping: item.label)
            out.append("</span><svg class=\"chart mix-bar\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"s1\" fill=\"#0072B2\" width=\"")
            out.append(decimal: width)
            out.append("\" height=\"8\" rx=\"1\"/></svg><span class=\"mix-value\">")
            fmt.append(money: Money(micros: item.micros), to: &out)
            out.append("</span><span class=\"mix-share\">")
            fmt.append(percent: Ratio(Int(item.micros), Int(total)), to: &out)
            out.append("</span></li>")
        }
        if mix.count > 6 {
            out.append("<li class=\"mix-more\">")
            m.moreCategories.write(into: &out) { fmt.append(integer: mix.count - 6, to: &$0) }
            out.append("</li>")
        }
        out.append("</ul>")
    }

    static func writeOrderRow(_ site: SiteBuild, _ m: PortraitMarkup, _ row: Int32, into out: inout ByteBuffer) {
        let fmt = m.numbers
        let order = site.orders[Int(row)]
        out.append("<tr><td data-sort=\"")
        ByteFormatter.append(iso: order.date, to: &out)
        out.append("\">")
        fmt.append(date: order.date, to: &out)
        out.append("</td><td>")
        out.append(escaping: order.id)
        out.append("</td><td>")
        // Up to three distinct product (else category) names. Pool ids are equal exactly when
        // the names are (the pool interns by String equality), so ids stand in for names.
        var shown: (Int32, Int32, Int32) = (-1, -1, -1)
        var distinct = 0
        for line in order.lines {
            let l = site.orderLines[Int(line)]
            let id = site.pool[l.product] != nil ? l.product : site.pool[l.category] != nil ? l.category : -1
            guard id >= 0, id != shown.0, id != shown.1, id != shown.2 else { continue }
            if distinct >= 3 {
                distinct += 1
                break
            }
            switch distinct {
            case 0: shown.0 = id
            case 1: shown.1 = id
            default: shown.2 = id
            }
            distinct += 1
        }
        for (n, id) in [shown.0, shown.1, shown.2].prefix(min(distinct, 3)).enumerated() {
            if n > 0 { out.append("、") }
            out.append(escaping: site.pool[id]!)
        }
        if distinct > 3 { out.append("…") }
        out.append("</td><td class=\"num\" data-sort=\"")
        ByteFormatter.append(plainMoney: order.amount, to: &out)
        out.append("\">")
        fmt.append(money: order.amount, to: &out)
        out.append("</td>")
        out.append(m.statusCells[ordinal(order.status)])
        out.append("</tr>\n")
    }

    static func writeTimeline(_ site: SiteBuild, _ m: PortraitMarkup, _ index: Int, into out: inout ByteBuffer) {
        let fmt = m.numbers
        let asOf = site.settings.asOf
        var rows: [Int32] = []
        for row in site.rows.interactionsByCustomer[index] where site.interactions[Int(row)].date.day <= asOf { rows.append(row) }
        guard !rows.isEmpty else { return out.append(m.noInteractions) }
        // `LocalDateTime`'s == (every field) and > (seconds) spelled out: the same order, without
        // a call into LedgerModel per comparison.
        let interactions = site.interactions
        rows.sort { a, b in
            let da = interactions[Int(a)].date, db = interactions[Int(b)].date
            let differ = da.day.raw != db.day.raw || da.secondOfDay != db.secondOfDay || da.hasTime != db.hasTime
            return differ ? Int64(da.day.raw) * 86_400 + Int64(da.secondOfDay) > Int64(db.day.raw) * 86_400 + Int64(db.secondOfDay) : a > b
        }
        out.append("<ol class=\"timeline\">\n")
        for row in rows.prefix(timelineLimit) {
            let it = site.interactions[Int(row)]
            out.append(m.kindItems[ordinal(it.kind)])
            var open = false, resolved: Day?
            let service = it.kind == .complaint || it.kind == .service
            if service {
                if let at = it.resolvedAt, at.day <= asOf { resolved = at.day } else { open = true }
            }
            out.append(open ? " is-open\"><div class=\"timeline-head\"><time>" as StaticString : "\"><div class=\"timeline-head\"><time>")
            fmt.append(dateTime: it.date, to: &out)
            out.append(m.channelChips[ordinal(it.channel)])
            out.append(m.kindChips[ordinal(it.kind)])
            if it.satisfaction > 0 {
                out.append(" <span class=\"chip chip-sat\">")
                m.satisfactionN.write(into: &out) { $0.append(decimal: Int(it.satisfaction)) }
                out.append("</span>")
            }
            if service {
                out.append(" <span class=\"chip chip-state\">")
                if let resolved {
                    m.resolvedOn.write(into: &out) { fmt.append(date: resolved, to: &$0) }
                } else {
                    out.append(m.openState)
                }
                out.append("</span>")
            }
            out.append("</div>")
            if !it.summary.isEmpty {
                out.append("<p>")
                site.texts.withUTF8(it.summary) { appendSummary($0, to: &out) }
                out.append("</p>")
            }
            out.append("</li>\n")
        }
        out.append("</ol>\n")
        if rows.count > timelineLimit {
            out.append("<p class=\"table-more\">")
            m.moreInteractions.write(into: &out) { fmt.append(integer: rows.count - timelineLimit, to: &$0) }
            out.append("</p>")
        }
    }

    /// An interaction summary cut to 160 characters plus `…`. Counting characters needs
    /// grapheme breaking, so it is done (on a `String`) only when the text has more than 160
    /// scalars (a character is at least one scalar); otherwise its bytes are copied as they are.
    static func appendSummary(_ summary: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        if summary.count > 160 {
            var scalars = 0
            for byte in summary where byte & 0xC0 != 0x80 { scalars += 1 }
            if scalars > 160 {
                let text = String(decoding: summary, as: UTF8.self)
                if text.count > 160 {
                    out.append(escaping: String(text.prefix(160)))
                    out.append("…")
                    return
                }
            }
        }
        out.append(escaping: UnsafeRawBufferPointer(summary))
    }

    static func writeChannelMix(_ site: SiteBuild, _ m: PortraitMarkup, _ index: Int, into out: inout ByteBuffer) {
        let fmt = m.numbers
        let width = Channel.allCases.count
        let counts = site.channelMix[(index * width)..<(index * width + width)]
        var any = false
        var done: UInt64 = 0
        // Most interactions first, ties by the channel's code (its raw value).
        while true {
            var best = -1
            for slot in 0..<width where done & (1 << slot) == 0 && counts[counts.startIndex + slot] > 0 {
                guard best >= 0 else {
                    best = slot
                    continue
                }
                let a = counts[counts.startIndex + slot], b = counts[counts.startIndex + best]
                if a > b || (a == b && PortraitWriter.channelCodeRank[slot] < PortraitWriter.channelCodeRank[best]) { best = slot }
            }
            guard best >= 0 else { break }
            done |= 1 << best
            if !any {
                out.append(m.channelMixHead)
                any = true
            }
            out.append("<li><span>")
            out.append(m.channelNames[best])
            out.append("</span> <b>")
            fmt.append(integer: Int(counts[counts.startIndex + best]), to: &out)
            out.append("</b></li>")
        }
        if any { out.append("</ul>") }
    }

    /// Each channel's position when the channels are sorted by raw value (`Channel.<`).
    static let channelCodeRank: [Int] = {
        let sorted = Channel.allCases.sorted()
        return Channel.allCases.map { channel in sorted.firstIndex(of: channel)! }
    }()

    static func writeOpportunities(_ site: SiteBuild, _ m: PortraitMarkup, _ index: Int, into out: inout ByteBuffer) {
        let fmt = m.numbers
        let opportunities = site.opportunities
        let rows = site.rows.opportunitiesByCustomer[index].sorted { a, b in
            let da = opportunities[Int(a)].createdAt?.raw ?? .min, db = opportunities[Int(b)].createdAt?.raw ?? .min
            return da != db ? da > db : a > b
        }
        out.append(m.opportunitiesTableHead)
        func dateCell(_ day: Day?, _ out: inout ByteBuffer) {
            out.append("<td data-sort=\"")
            if let day { ByteFormatter.append(iso: day, to: &out) }
            out.append("\">")
            fmt.append(date: day, to: &out)
            out.append("</td>")
        }
        for row in rows.prefix(historyLimit) {
            let o = site.opportunities[Int(row)]
            out.append("<tr><td>")
            out.append(escaping: o.id)
            out.append("</td>")
            out.append(m.opportunityStageCells[ordinal(o.stage)])
            if let amount = o.amount {
                out.append("<td class=\"num\" data-sort=\"")
                ByteFormatter.append(plainMoney: amount, to: &out)
                out.append("\">")
                fmt.append(money: amount, to: &out)
                out.append("</td>")
            } else {
                out.append("<td class=\"num\">–</td>")
            }
            dateCell(o.createdAt, &out)
            dateCell(o.closedAt, &out)
            out.append("</tr>\n")
        }
        if rows.isEmpty { out.append(m.opportunitiesEmpty) }
        out.append("</tbody>\n</table>\n</div>\n\n")
    }

    static func writeOtherFields(_ site: SiteBuild, _ m: PortraitMarkup, _ c: Customer, _ f: CustomerFigures,
                                 into out: inout ByteBuffer) {
        let fmt = m.numbers
        item(m.otherID, &out) { $0.append(escaping: c.id) }
        if let address = c.address { item(m.otherAddress, &out) { $0.append(escaping: address) } }
        if let gender = c.gender { item(m.otherGender, &out) { $0.append(m.genderNames[ordinal(gender)]) } }
        if let birth = c.birthDate { item(m.otherBirth, &out) { fmt.append(date: birth, to: &$0) } }
        if let updated = c.updatedAt {
            item(m.otherUpdated, &out) { fmt.append(date: updated, to: &$0) }
        } else if let cell = c.updatedAtCell {
            item(m.otherUpdated, &out) { $0.append(escaping: cell) }
        }
        if let tenure = f.tenureDays {
            item(m.otherTenure, &out) { out in m.daysN.write(into: &out) { fmt.append(integer: Int(tenure), to: &$0) } }
        }
        if let top = site.pool[f.topCategory] { item(m.otherTopCategory, &out) { $0.append(escaping: top) } }
        for field in c.extra {
            item(m.extraColumns[Int(field.column)], &out) { $0.append(escaping: field.value) }
        }
    }
}
