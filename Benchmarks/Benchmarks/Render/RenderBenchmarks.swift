import Analytics
import Benchmark
import Foundation
import LedgerIngest
import LedgerModel
import PortraitSample
import SiteRenderer

/// One benchmark per stage after ingest, on a ledger LedgerSampler writes once: analytics, the
/// pages of a fresh site, a rebuild with nothing changed, one with an order line changed, and
/// `customers.csv`.
///
/// `BENCH_CUSTOMERS` sets the size (default 20,000 customers); sites go to `BENCH_OUT` (default
/// /dev/shm, so the disk is out of the figures). The ledger is read and analysed once, outside
/// the measured part of the page benchmarks.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuUser, .cpuSystem, .mallocCountTotal, .peakMemoryResident, .throughput],
        timeUnits: .milliseconds,
        maxDuration: .seconds(30),
        maxIterations: 10
    )

    Benchmark("analytics: AnalyticsReport.compute") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(AnalyticsReport.compute(ledger: Fixture.ledger, settings: Fixture.settings))
        }
    }

    // The CPU cost of a portrait page (fingerprint and bytes), one thread, nothing written:
    // divide the time by BENCH_CUSTOMERS for the cost of one page.
    Benchmark("pages: every portrait rendered in memory, one thread") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SiteRenderer.renderPortraitsInMemory(Fixture.content))
        }
    }

    Benchmark("pages: every page into an empty site") { benchmark in
        var outputs: [String] = []
        for _ in benchmark.scaledIterations {
            let output = Fixture.freshFolder()
            try Fixture.build(Fixture.content, into: output)
            outputs.append(output)
        }
        benchmark.stopMeasurement()
        for output in outputs { Fixture.remove(output) }
    }

    Benchmark("pages: rebuild with nothing changed (portraits linked)") { benchmark in
        let output = Fixture.freshFolder()
        try Fixture.build(Fixture.content, into: output)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            try Fixture.build(Fixture.content, into: output)
        }
        benchmark.stopMeasurement()
        Fixture.remove(output)
    }

    Benchmark("pages: rebuild after one order line changed") { benchmark in
        let output = Fixture.freshFolder()
        try Fixture.build(Fixture.content, into: output)
        let changed = Fixture.changedContent
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            try Fixture.build(iteration % 2 == 0 ? changed : Fixture.content, into: output)
        }
        benchmark.stopMeasurement()
        Fixture.remove(output)
    }

    Benchmark("exports: customers.csv") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Exports.customersCSV(report: Fixture.content.report, ledger: Fixture.ledger, locale: .zhCN))
        }
    }
}

/// The generated ledger, read and analysed on first use and shared by every benchmark.
enum Fixture {
    static let customers = ProcessInfo.processInfo.environment["BENCH_CUSTOMERS"].flatMap(Int.init) ?? 20_000
    static let today = SampleOptions.defaultEnd + 30
    static let outputRoot = ProcessInfo.processInfo.environment["BENCH_OUT"] ?? "/dev/shm"

    static let directory: String = {
        let path = NSTemporaryDirectory() + "portrait-bench-\(customers)"
        if !FileManager.default.fileExists(atPath: path + "/interactions.csv") {
            _ = try! LedgerSampler.write(SampleOptions(customers: customers), to: path)
        }
        return path
    }()

    static let ledger: Ledger = try! LedgerReader.read(IngestSettings(dataDirectory: directory, today: today))

    static let settings = AnalysisSettings(
        asOf: AnalysisSettings.resolveAsOf(explicit: nil, ledger: ledger, today: today), today: today)

    static func content(_ ledger: Ledger) -> SiteContent {
        SiteContent(ledger: ledger, report: AnalyticsReport.compute(ledger: ledger, settings: settings),
                    quality: QualityAudit.audit(ledger, asOf: settings.asOf, staleDays: 90), locale: .zhCN, title: nil,
                    currency: "CNY", maskContacts: true, portraits: .all, templatesDirectory: nil, generatedOn: today)
    }

    static let content = content(ledger)

    /// The ledger with the first order line's amount 1.00 higher, as after an edit of one row.
    static let changedContent: SiteContent = {
        var changed = ledger
        if !changed.orderLines.isEmpty { changed.orderLines[0].amount += Money(units: 1) }
        if let order = changed.orders.firstIndex(where: { $0.lines.contains(0) }) { changed.orders[order].amount += Money(units: 1) }
        return content(changed)
    }()

    static func build(_ content: SiteContent, into output: String) throws {
        let writer = try SiteWriter(output: output)
        try SiteRenderer.render(content, into: writer)
        try writer.commit()
    }

    static func freshFolder() -> String { outputRoot + "/portrait-bench-site-" + UUID().uuidString }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
}
