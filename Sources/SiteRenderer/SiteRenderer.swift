import Analytics
import Charts
import Dispatch
import Foundation
import LedgerModel

/// Renders the report site: every page, the stylesheet, the script, the search index and the
/// user's own files from the templates' `assets/` folder.
package enum SiteRenderer {
    /// Renders every page and asset into the writer (exports are written by the pipeline).
    ///
    /// Templates are compiled once; pages render in parallel, each from the shared, read-only
    /// ``SiteBuild``. The output is a pure function of `content`: no clock, no randomness, no
    /// dictionary order reaches a page. A portrait whose inputs match the previous build's
    /// (its fingerprint in the site's manifest) is linked from the previous site, not rendered.
    /// - Parameter prepared: the ledger's part of the shared state, made from `content.ledger`
    ///   while the analytics ran (made here when nil).
    /// - Complexity: O(rows) to prepare, then O(own rows) per portrait page.
    /// - Parameter templates: the templates, read and compiled once for the company site and
    ///   every team sub-site of a build (read from `content.templatesDirectory` when nil).
    package static func render(_ content: SiteContent, templates: TemplateLibrary? = nil, prepared: SitePreparation? = nil,
                               into writer: SiteWriter) throws {
        let templates = try templates ?? TemplateLibrary(directory: content.templatesDirectory)
        let site = try SiteBuild(content: content, templates: templates, prepared: prepared)
        try renderPages(site, pages(site), into: writer)
    }

    /// Renders every page to memory: path → HTML (tests and previews).
    static func renderAll(_ content: SiteContent, prepared: SitePreparation? = nil) throws -> [String: String] {
        let templates = try TemplateLibrary(directory: content.templatesDirectory)
        let site = try SiteBuild(content: content, templates: templates, prepared: prepared)
        let out = PageBox()
        try renderPages(site, pages(site), into: out)
        return out.pages
    }

    /// Renders every portrait and its fingerprint on one thread and drops the bytes: the cost
    /// of a portrait page without the file system, for benchmarks. Returns the pages and bytes.
    package static func renderPortraitsInMemory(_ content: SiteContent) throws -> (pages: Int, bytes: Int) {
        let site = try SiteBuild(content: content, templates: TemplateLibrary(directory: content.templatesDirectory))
        let sink = CountingSink()
        try renderPortraits(site, 0..<site.customers.count, into: sink)
        return (sink.pages, sink.bytes)
    }

    /// One page (or asset, or run of portraits) to render.
    enum Page: Sendable {
        case searchIndex, stylesheet, script, userAssets
        case dashboard, customers, segments, segment(Segment), lifecycle, team, rep(Int), service, quality
        case portraits(Range<Int>)
    }

    /// The pages in the order they are handed out to the render threads. The customer list
    /// comes first: it makes the ``SiteBuild/digest``, while the other thread takes the pages
    /// that need no digest (the search index, the team pages, the assets) and the portraits.
    /// The other pages reading the digest (dashboard, segments, service: small) come after most
    /// of the portraits, when it is long made, so no thread waits for it; a few runs of
    /// portraits follow them, so no single page ends the stage alone.
    static func pages(_ site: SiteBuild) -> [Page] {
        var pages: [Page] = [.customers, .searchIndex, .team]
        pages += site.ledger.reps.indices.map { .rep($0) }
        pages += [.stylesheet, .script, .lifecycle, .quality]
        if !site.templates.assets.isEmpty { pages.append(.userAssets) }
        let count = site.ledger.customers.count
        let chunk = 256
        let portraits = stride(from: 0, to: count, by: chunk).map { Page.portraits($0..<min(count, $0 + chunk)) }
        let last = 8
        pages += portraits.dropLast(last)
        pages += [.dashboard, .segments]
        pages += site.report.settings.segmentModel.segments.map { .segment($0) }
        pages.append(.service)
        pages += portraits.suffix(last)
        return pages
    }

    static func renderPages(_ site: SiteBuild, _ pages: [Page], into sink: some PageSink) throws {
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            if errors.hasError { return }
            do {
                func write(_ path: String, _ text: String) throws {
                    var text = text
                    try text.withUTF8 { try sink.write(path, UnsafeRawBufferPointer($0), fingerprint: nil) }
                }
                switch pages[index] {
                case .searchIndex:
                    var buffer = ByteBuffer(capacity: site.customers.count * 56 + 64)
                    SearchIndex.write(site, into: &buffer)
                    try buffer.withBytes { try sink.write(TemplateLibrary.searchIndexPath, $0, fingerprint: nil) }
                case .stylesheet: try write("assets/site.css", ChartStylesheet.css + (site.templates.files["assets/site.css"] ?? ""))
                case .script: try write("assets/site.js", site.templates.files["assets/site.js"] ?? "")
                case .userAssets:
                    for asset in site.templates.assets {
                        try asset.bytes.withUnsafeBytes { try sink.write(asset.path, $0, fingerprint: nil) }
                    }
                case .dashboard: try write("index.html", DashboardPage.render(site))
                case .customers: try write("customers/index.html", CustomerListPage.render(site))
                case .segments: try write("segments/index.html", SegmentsPage.renderIndex(site))
                case .segment(let segment):
                    try write("segments/" + segment.rawValue + ".html", SegmentsPage.render(site, segment))
                case .lifecycle: try write("lifecycle.html", LifecyclePage.render(site))
                case .team: try write("team/index.html", TeamPage.renderIndex(site))
                case .rep(let rep):
                    if let file = site.repPaths.file(site.ledger.reps[rep].id) {
                        try write("team/" + file, TeamPage.render(site, rep: rep))
                    }
                case .service: try write("service.html", ServicePage.render(site))
                case .quality: try write("quality.html", QualityPage.render(site))
                case .portraits(let range): try renderPortraits(site, range, into: sink)
                }
            } catch {
                errors.record(error, at: index)
            }
        }
        if let error = errors.first { throw error }
    }

    /// The portraits of customers `range`: each linked from the previous build when its
    /// fingerprint is unchanged, else written into one buffer reused page after page.
    static func renderPortraits(_ site: SiteBuild, _ range: Range<Int>, into sink: some PageSink) throws {
        var buffer = ByteBuffer(capacity: 32_768)
        var fingerprints = FingerprintBuilder()
        let paths = site.portraitPaths
        for customer in range where site.hasPortrait[customer] {
            guard let path = paths[customer] else { continue }
            let fingerprint = site.portraitFingerprint(customer, using: &fingerprints)
            if try sink.reuse(path, fingerprint: fingerprint) { continue }
            buffer.removeAll()
            try site.writePortrait(customer: customer, into: &buffer)
            try buffer.withBytes { try sink.write(path, $0, fingerprint: fingerprint) }
        }
    }
}

/// Where rendered pages go: the site's ``SiteWriter``, or memory in tests.
protocol PageSink: Sendable {
    /// Stores one file; `fingerprint` is the page's input fingerprint, when it has one.
    func write(_ path: String, _ bytes: UnsafeRawBufferPointer, fingerprint: Fingerprint?) throws
    /// True when the page at `path` with these inputs is already in place (linked from the
    /// previous build) and need not be rendered.
    func reuse(_ path: String, fingerprint: Fingerprint) throws -> Bool
}

extension SiteWriter: PageSink {
    func reuse(_ path: String, fingerprint: Fingerprint) throws -> Bool {
        try linkUnchanged(path, fingerprint: fingerprint)
    }
}

/// The first error of a parallel render, by page order, so the same failure is reported each run.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [(Int, Error)] = []

    var hasError: Bool { lock.withLock { !errors.isEmpty } }

    func record(_ error: Error, at index: Int) { lock.withLock { errors.append((index, error)) } }

    var first: Error? { lock.withLock { errors.min { $0.0 < $1.0 }?.1 } }
}

/// Counts what it is given and keeps nothing (``SiteRenderer/renderPortraitsInMemory(_:)``).
final class CountingSink: PageSink, @unchecked Sendable {
    private(set) var pages = 0
    private(set) var bytes = 0

    func write(_ path: String, _ bytes: UnsafeRawBufferPointer, fingerprint: Fingerprint?) throws {
        pages += 1
        self.bytes += bytes.count
    }

    func reuse(_ path: String, fingerprint: Fingerprint) throws -> Bool { false }
}

/// Pages rendered to memory by several threads.
final class PageBox: PageSink, @unchecked Sendable {
    private let lock = NSLock()
    var pages: [String: String] = [:]

    func set(_ path: String, _ text: String) { lock.withLock { pages[path] = text } }

    func write(_ path: String, _ bytes: UnsafeRawBufferPointer, fingerprint: Fingerprint?) throws {
        set(path, String(decoding: bytes, as: UTF8.self))
    }

    func reuse(_ path: String, fingerprint: Fingerprint) throws -> Bool { false }
}
