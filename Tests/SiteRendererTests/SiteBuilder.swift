import Analytics
import Foundation
import LedgerModel
@testable import SiteRenderer

/// Builds whole sites through ``SiteWriter`` the way the pipeline does (pages, exports,
/// commit), and reads them back, for the golden and incremental-build tests.
enum SiteBuilder {
    struct Counts {
        var written = 0, unchanged = 0, skipped = 0
    }

    @discardableResult
    static func build(_ content: SiteContent, into folder: String) throws -> Counts {
        let writer = try SiteWriter(output: folder)
        do {
            try SiteRenderer.render(content, into: writer)
            let why: ExplanationLocale = content.locale == .zhCN ? .zhCN : .en
            try writer.write("exports/customers.csv", Exports.customersCSV(report: content.report, ledger: content.ledger, locale: why))
            try writer.write("exports/reps.csv", Exports.repsCSV(report: content.report, ledger: content.ledger))
            try writer.write("exports/segments.csv", Exports.segmentsCSV(report: content.report, ledger: content.ledger))
            try writer.write("exports/findings.csv", Exports.findingsCSV(quality: content.quality))
            try writer.write("exports/summary.json", Exports.summaryJSON(report: content.report, quality: content.quality))
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
        return Counts(written: writer.written, unchanged: writer.unchanged, skipped: writer.skipped)
    }

    /// Path → bytes of every file under `root`.
    static func files(_ root: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue, let data = FileManager.default.contents(atPath: root + "/" + path) { result[path] = Array(data) }
        }
        return result
    }

    /// Inode numbers of the files by path, to tell a linked file from a rewritten one.
    static func inodes(_ root: String) -> [String: Int] {
        var result: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + path)
            guard attributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            if let inode = attributes?[.systemFileNumber] as? Int { result[path] = inode }
        }
        return result
    }

    /// The portrait paths of a site's files.
    static func portraits(_ files: [String: [UInt8]]) -> [String] {
        files.keys.filter { $0.hasPrefix("customers/") && $0 != "customers/index.html" }.sorted()
    }
}
