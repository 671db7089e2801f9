import Analytics
import Foundation
import LedgerModel
import PortraitTestSupport
@testable import SiteRenderer
import Testing

/// A rebuild links the portraits whose inputs did not change and renders the others; whatever
/// changed, the rebuilt site is byte for byte a fresh build of the new inputs. A stale page
/// after a real change is the failure these tests exist for.
@Suite struct IncrementalBuildTests {
    /// Builds `before`, then rebuilds in place with `after`, and checks the result against a
    /// fresh build of `after`. Returns the rebuild's counts and the portraits whose bytes changed.
    static func rebuild(from before: SiteContent, to after: SiteContent,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (counts: SiteBuilder.Counts, changed: [String], portraits: Int) {
        let folder = TemporaryFolder("incremental")
        let site = folder.path + "/site", fresh = folder.path + "/fresh"
        try SiteBuilder.build(before, into: site)
        let old = SiteBuilder.files(site)
        let counts = try SiteBuilder.build(after, into: site)
        try SiteBuilder.build(after, into: fresh)
        let rebuilt = SiteBuilder.files(site), expected = SiteBuilder.files(fresh)
        #expect(rebuilt.keys.sorted() == expected.keys.sorted(), "the same files", sourceLocation: sourceLocation)
        let stale = expected.keys.filter { rebuilt[$0] != expected[$0] }.sorted()
        #expect(stale.isEmpty, "files differing from a fresh build: \(stale.prefix(5))", sourceLocation: sourceLocation)
        let portraits = SiteBuilder.portraits(expected)
        let changed = portraits.filter { old[$0] != expected[$0] }
        return (counts, changed, portraits.count)
    }

    static func content(_ ledger: Ledger, locale: SiteLocale = .zhCN, mask: Bool = true, asOf: Day = SiteFixture.asOf,
                        templates: String? = nil) -> SiteContent {
        var content = SiteFixture.content(locale: locale, mask: mask, ledger: ledger, templates: templates)
        if asOf != SiteFixture.asOf {
            let settings = AnalysisSettings(asOf: asOf, today: SiteFixture.day("2026-11-01"))
            content.report = AnalyticsReport.compute(ledger: ledger, settings: settings)
            content.quality = QualityAudit.audit(ledger, asOf: asOf, staleDays: 90)
        }
        return content
    }

    static var ledger: Ledger {
        var random = VariedLedger(seed: 21)
        var ledger = random.ledger(customers: 40, asOf: SiteFixture.asOf)
        ledger.customers[3].id = "C-REBUILD"
        ledger.customerIndex["C-REBUILD"] = 3
        return ledger
    }

    @Test func aRebuildWithNothingChangedRendersNoPortraitAndWritesNothing() throws {
        let content = Self.content(Self.ledger)
        let folder = TemporaryFolder("incremental")
        let first = try SiteBuilder.build(content, into: folder.path + "/site")
        let inodes = SiteBuilder.inodes(folder.path + "/site")
        let again = try SiteBuilder.build(content, into: folder.path + "/site")
        #expect(again.written == 0)
        #expect(again.unchanged == first.written)
        #expect(again.skipped == content.ledger.customers.count, "every portrait linked without rendering")
        #expect(SiteBuilder.inodes(folder.path + "/site") == inodes, "every file is the previous build's, linked")
    }

    @Test func changingAnOrderAmountRerendersThatCustomer() throws {
        var ledger = Self.ledger
        let before = Self.content(ledger)
        let row = try #require(ledger.orders.firstIndex { $0.customer == 3 && $0.isPurchase && $0.date <= SiteFixture.asOf })
        // Revenue comes from the order's lines; the order row's amount is what the page lists.
        ledger.orders[row].amount += Money(units: 1)
        ledger.orderLines[Int(ledger.orders[row].lines.lowerBound)].amount += Money(units: 1)
        let result = try Self.rebuild(from: before, to: Self.content(ledger))
        #expect(result.changed.contains("customers/C-REBUILD.html"))
        #expect(result.counts.skipped < result.portraits)
    }

    @Test func aLargeOrderMovesOtherCustomersSharesAndTheirPagesFollow() throws {
        var ledger = Self.ledger
        let before = Self.content(ledger)
        let row = try #require(ledger.orders.firstIndex { $0.customer == 3 && $0.isPurchase && $0.date <= SiteFixture.asOf })
        ledger.orders[row].amount = Money(units: 50_000_000)
        ledger.orderLines[Int(ledger.orders[row].lines.lowerBound)].amount = Money(units: 50_000_000)
        let result = try Self.rebuild(from: before, to: Self.content(ledger))
        #expect(result.changed.count > 3, "the why texts quote shares of total revenue")
    }

    @Test func changingAnInteractionTextRerendersOnlyThatCustomer() throws {
        var ledger = Self.ledger
        let before = Self.content(ledger)
        let row = try #require(ledger.interactions.firstIndex { $0.customer == 3 && $0.date.day <= SiteFixture.asOf })
        ledger.interactions[row].summary = ledger.texts.append("（已更新）新的沟通内容 <b>")
        let result = try Self.rebuild(from: before, to: Self.content(ledger))
        #expect(result.changed == ["customers/C-REBUILD.html"])
        #expect(result.counts.skipped == result.portraits - 1)
    }

    @Test func changingACustomersPhoneRerendersOnlyThatCustomer() throws {
        var ledger = Self.ledger
        let before = Self.content(ledger, mask: false)
        ledger.customers[3].phone = "13900000000"
        let result = try Self.rebuild(from: before, to: Self.content(ledger, mask: false))
        #expect(result.changed == ["customers/C-REBUILD.html"])
        #expect(result.counts.skipped == result.portraits - 1)
    }

    @Test func anOrderOfAnotherCustomerInsertedBeforeLeavesTheOthersLinked() throws {
        var ledger = Self.ledger
        let before = Self.content(ledger)
        // A non-purchase row: no revenue, score or share moves, but every later row index does.
        let line = Int32(ledger.orderLines.count)
        ledger.orderLines.append(OrderLine(date: SiteFixture.asOf - 3, amount: Money(units: 10)))
        ledger.orders.insert(Order(id: "NEW", customer: 0, owner: .none, date: SiteFixture.asOf - 3, amount: Money(units: 10),
                                   status: .cancelled, lines: line..<(line + 1), line: 99), at: 0)
        let result = try Self.rebuild(from: before, to: Self.content(ledger))
        #expect(result.counts.skipped >= result.portraits - 2, "row indices are not inputs; the rows are")
    }

    @Test func renamingARepRerendersEveryPortrait() throws {
        var ledger = Self.ledger
        let before = Self.content(ledger)
        ledger.reps[0].name = "新名字 <i>"
        let result = try Self.rebuild(from: before, to: Self.content(ledger))
        #expect(result.counts.skipped == 0)
        #expect(!result.changed.isEmpty)
    }

    @Test func changingTheLocaleMaskingOrAsOfRerendersEveryPortrait() throws {
        let ledger = Self.ledger
        let base = Self.content(ledger)
        for after in [Self.content(ledger, locale: .en), Self.content(ledger, mask: false),
                      Self.content(ledger, asOf: SiteFixture.asOf - 40)] {
            let result = try Self.rebuild(from: base, to: after)
            #expect(result.counts.skipped == 0)
            #expect(!result.changed.isEmpty)
        }
    }

    @Test func changingAStringOrATemplateRerendersEveryPortrait() throws {
        let ledger = Self.ledger
        let templates = TemporaryFolder("incremental-templates")
        let builtIn = Dictionary(uniqueKeysWithValues: DefaultTemplates.files.map { ($0.path, $0.text) })
        templates.write("strings/zh-CN.strings", builtIn["strings/zh-CN.strings"]!.replacingOccurrences(of: "portrait.scores = ", with: "portrait.scores = 新"))
        let strings = try Self.rebuild(from: Self.content(ledger), to: Self.content(ledger, templates: templates.path))
        #expect(strings.counts.skipped == 0)
        #expect(strings.changed.count == strings.portraits)

        // A changed portrait template: the templates render the portraits.
        let custom = TemporaryFolder("incremental-templates")
        custom.write("kpi.mustache", "<div class=\"my-kpi\">{{value}}</div>")
        let templated = try Self.rebuild(from: Self.content(ledger), to: Self.content(ledger, templates: custom.path))
        #expect(templated.counts.skipped == 0)
        #expect(templated.changed.count == templated.portraits)
        // And back: the built-in writer again, equal to a fresh build.
        _ = try Self.rebuild(from: Self.content(ledger, templates: custom.path), to: Self.content(ledger))
    }

    @Test func aPortraitMissingFromThePreviousSiteIsRenderedAgain() throws {
        let content = Self.content(Self.ledger)
        let folder = TemporaryFolder("incremental")
        try SiteBuilder.build(content, into: folder.path + "/site")
        try FileManager.default.removeItem(atPath: folder.path + "/site/customers/C-REBUILD.html")
        let again = try SiteBuilder.build(content, into: folder.path + "/site")
        #expect(again.skipped == content.ledger.customers.count - 1)
        #expect(folder.exists("site/customers/C-REBUILD.html"))
    }

    @Test func aForeignOrDamagedManifestMeansEveryPortraitIsRendered() throws {
        let content = Self.content(Self.ledger)
        for damage in ["", "portrait-manifest 1\nnot a line\n", "portrait-manifest 2\n", "garbage"] {
            let folder = TemporaryFolder("incremental")
            try SiteBuilder.build(content, into: folder.path + "/site")
            let before = SiteBuilder.files(folder.path + "/site")
            folder.write("site/" + SiteWriter.manifest, damage)
            let again = try SiteBuilder.build(content, into: folder.path + "/site")
            #expect(again.skipped == 0)
            #expect(SiteBuilder.files(folder.path + "/site") == before)
        }
    }

    @Test func manifestsReadBackAsWritten() {
        let entries = [("customers/b.html", Fingerprint(high: 1, low: 2)), ("customers/a.html", Fingerprint(high: .max, low: 0)),
                       ("teams/x/customers/长.html", Fingerprint(high: 0xDEAD_BEEF, low: 42)), ("bad\npath", Fingerprint(high: 3, low: 3))]
        let bytes = SiteManifest.bytes(entries)
        #expect(String(decoding: bytes, as: UTF8.self) == "portrait-manifest 1\nffffffffffffffff0000000000000000 customers/a.html\n"
            + "00000000000000010000000000000002 customers/b.html\n00000000deadbeef000000000000002a teams/x/customers/长.html\n")
        let read = SiteManifest.parse(bytes)
        #expect(read.count == 3)
        for (path, fingerprint) in entries.prefix(3) { #expect(read[SiteManifest.key(path)] == fingerprint) }
        #expect(SiteManifest.parseWhole(Array("portrait-manifest 1\n".utf8)) == [:], "a site without portraits")
        // Not whole: cut short, a digit that is not lowercase hex, a line without its path.
        #expect(SiteManifest.parseWhole(bytes.dropLast()) == nil)
        for damaged in ["portrait-manifest 1\nFFFFFFFFFFFFFFFF0000000000000000 customers/a.html\n",
                        "portrait-manifest 1\nffffffffffffffff000000000000000g customers/a.html\n",
                        "portrait-manifest 1\nffffffffffffffff0000000000000000\n", "portrait-manifest 1"] {
            #expect(SiteManifest.parseWhole(Array(damaged.utf8)) == nil, "\(damaged)")
        }
    }

    /// The manifest's lines are in code-point order of their paths, equal paths in the order
    /// recorded, and paths with a line break left out: what a stable sort of the strings gives.
    @Test func manifestLinesAreSortedAsTheirPathStrings() {
        var random = SplitMix64(seed: 12)
        let pieces = ["customers/", "C00", "c00", "1", "2", ".html", "segments/", "长", "é", "\u{0}", "/", "a", "zz", "\n",
                      "team/", "e\u{301}", "0123456789abcdef"]
        for round in 0..<200 {
            var entries: [(String, Fingerprint)] = []
            for n in 0..<Int(random.next() % (round % 10 == 0 ? 2000 : 40)) {
                var path = ""
                for _ in 0..<Int(1 + random.next() % 6) { path += pieces[Int(random.next() % UInt64(pieces.count))] }
                // Some paths twice, with other fingerprints: their recorded order must stay.
                if n > 0 && random.next() % 8 == 0 { path = entries[Int(random.next() % UInt64(entries.count))].0 }
                entries.append((path, Fingerprint(high: random.next(), low: random.next())))
            }
            let expected = entries.enumerated()
                .filter { !$0.element.0.utf8.contains(where: { $0 == 10 || $0 == 13 }) }
                .sorted { a, b in
                    let x = Array(a.element.0.utf8), y = Array(b.element.0.utf8)
                    return x == y ? a.offset < b.offset : x.lexicographicallyPrecedes(y)
                }
            var text = SiteManifest.header + "\n"
            for (_, entry) in expected {
                text += String(format: "%016llx%016llx ", entry.1.high, entry.1.low) + entry.0 + "\n"
            }
            #expect(SiteManifest.bytes(entries) == Array(text.utf8), "round \(round)")
        }
    }

    @Test func fingerprintsAreStableAndSensitive() {
        let empty = [UInt8]().withUnsafeBytes { Fingerprint.of($0) }
        var seen: Set<Fingerprint> = [empty]
        for length in 1..<200 {
            var bytes = [UInt8](repeating: 0, count: length)
            #expect(seen.insert(bytes.withUnsafeBytes { Fingerprint.of($0) }).inserted, "zeros \(length)")
            bytes[length - 1] = 1
            #expect(seen.insert(bytes.withUnsafeBytes { Fingerprint.of($0) }).inserted, "one \(length)")
        }
        #expect(Fingerprint(hex: Array(Fingerprint(high: 0x0123_4567_89AB_CDEF, low: 7).description.utf8))
                == Fingerprint(high: 0x0123_4567_89AB_CDEF, low: 7))
        // A fixed input gives a fixed digest on every machine and run: the manifest compares
        // digests made by different processes.
        #expect(Array("portrait".utf8).withUnsafeBytes { Fingerprint.of($0) }.description == Self.portraitDigest)
    }

    static let portraitDigest = "5e01eb8582ca0bdcfa5986fd2b70fc73"

    /// Fails when a type a portrait reads gains a field: add it to the fingerprint
    /// (`SiteBuild+Fingerprint.swift`), then update the count here.
    @Test func theFingerprintCoversEveryFieldOfWhatAPortraitReads() {
        func fields(_ value: Any) -> Int { Mirror(reflecting: value).children.count }
        #expect(fields(Customer(id: "", name: "", line: 0)) == 23)
        #expect(fields(CustomerFigures()) == 28)
        #expect(fields(Order(id: "", customer: 0, owner: .none, date: Day(raw: 0), amount: .zero, status: .completed, lines: 0..<0, line: 0)) == 8)
        #expect(fields(OrderLine(date: Day(raw: 0), amount: .zero)) == 5)
        #expect(fields(Interaction(customer: 0, owner: .none, date: LocalDateTime(day: Day(raw: 0)), line: 0)) == 9)
        #expect(fields(Opportunity(id: "", customer: 0, owner: .none, stage: nil, line: 0)) == 8)
        #expect(fields(Rep(id: "", name: "", line: 0)) == 7)
        #expect(fields(Thresholds()) == 7)
        #expect(fields(AnalysisSettings(asOf: Day(raw: 0), today: Day(raw: 0))) == 6)
        #expect(fields(SiteContent(ledger: Ledger(), report: AnalyticsReport.compute(ledger: Ledger(), settings: AnalysisSettings(asOf: Day(raw: 0), today: Day(raw: 0))),
                                   quality: QualityAudit.audit(Ledger(), asOf: Day(raw: 0), staleDays: 90), locale: .en, title: nil,
                                   currency: "", maskContacts: true, portraits: .all, templatesDirectory: nil, generatedOn: Day(raw: 0))) == 10)
    }
}
