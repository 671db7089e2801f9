import Analytics
import Charts
import Dispatch
import Foundation
import LedgerModel

/// Renders the report site: every page, the stylesheet, the script and the search index.
package enum SiteRenderer {
    /// Renders every page and asset into the writer (exports are written by the pipeline).
    ///
    /// Templates are compiled once; pages render in parallel, each from the shared, read-only
    /// ``SiteBuild``. The output is a pure function of `content`: no clock, no randomness, no
    /// dictionary order reaches a page.
    /// - Complexity: O(rows) to prepare, then O(own rows) per portrait page.
    package static func render(_ content: SiteContent, into writer: SiteWriter) throws {
        let templates = try TemplateLibrary(directory: content.templatesDirectory)
        let site = try SiteBuild(content: content, templates: templates)
        try writer.write("assets/site.css", ChartStylesheet.css + (templates.files["assets/site.css"] ?? ""))
        try writer.write("assets/site.js", templates.files["assets/site.js"] ?? "")
        try writer.write("assets/search-index.js", SearchIndex.script(site))
        try renderPages(site, pages(site)) { try writer.write($0, $1) }
    }

    /// Renders every page to memory: path → HTML (tests and previews).
    static func renderAll(_ content: SiteContent) throws -> [String: String] {
        let templates = try TemplateLibrary(directory: content.templatesDirectory)
        let site = try SiteBuild(content: content, templates: templates)
        let out = PageBox()
        out.pages = [
            "assets/site.css": ChartStylesheet.css + (templates.files["assets/site.css"] ?? ""),
            "assets/site.js": templates.files["assets/site.js"] ?? "",
            "assets/search-index.js": SearchIndex.script(site),
        ]
        try renderPages(site, pages(site)) { path, text in out.set(path, text) }
        return out.pages
    }

    /// One page to render.
    enum Page: Sendable {
        case dashboard, customers, segments, segment(Segment), lifecycle, team, rep(Int), service, quality
        case portraits(Range<Int>)
    }

    static func pages(_ site: SiteBuild) -> [Page] {
        var pages: [Page] = [.dashboard, .customers, .segments, .lifecycle, .team, .service, .quality]
        pages += site.report.settings.segmentModel.segments.map { .segment($0) }
        pages += site.ledger.reps.indices.map { .rep($0) }
        let count = site.ledger.customers.count
        let chunk = 256
        for start in stride(from: 0, to: count, by: chunk) {
            pages.append(.portraits(start..<min(count, start + chunk)))
        }
        return pages
    }

    static func renderPages(_ site: SiteBuild, _ pages: [Page], write: @escaping @Sendable (String, String) throws -> Void) throws {
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            if errors.hasError { return }
            do {
                switch pages[index] {
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
                case .portraits(let range):
                    for customer in range where site.hasPortrait[customer] {
                        guard let file = site.customerPaths.file(site.ledger.customers[customer].id) else { continue }
                        try write("customers/" + file, PortraitPage.render(site, customer: customer))
                    }
                }
            } catch {
                errors.record(error, at: index)
            }
        }
        if let error = errors.first { throw error }
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

/// Pages rendered to memory by several threads.
final class PageBox: @unchecked Sendable {
    private let lock = NSLock()
    var pages: [String: String] = [:]

    func set(_ path: String, _ text: String) { lock.withLock { pages[path] = text } }
}
