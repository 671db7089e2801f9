import Foundation
import LedgerModel

/// Writes realistic sample ledgers (`portrait sample`) with known findings.
///
/// The ledger is deterministic for a seed, clean when `dirt` is 0 (no finding at all as of
/// T = `end`) and, when dirty, lists in the manifest exactly the findings the spec defines, so
/// that `portrait validate` can be checked against it. Streaming: memory stays at the
/// uniqueness sets (about 40 bytes per customer) plus the expected findings.
///
/// - Complexity: O(rows); about 15 rows per customer.
package enum LedgerSampler {
    /// Throws ``SampleError/folderInUse(path:entries:)`` when `directory` holds anything but
    /// hidden files: `portrait sample --out data` run in a project would otherwise replace
    /// the real ledger's tables, or mix a sample's with tables of other names.
    package static func checkFolderIsFree(_ directory: String) throws {
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        if !entries.isEmpty { throw SampleError.folderInUse(path: directory, entries: entries) }
    }

    /// Writes the five tables into `directory` (created when missing) and returns what was written.
    package static func write(_ options: SampleOptions, to directory: String) throws -> SampleManifest {
        guard options.customers >= 1 else {
            throw SampleError.invalidOptions("--customers must be at least 1")
        }
        guard options.dirt >= 0, options.dirt <= 1 else {
            throw SampleError.invalidOptions("--dirt must be between 0 and 1")
        }
        guard options.format == .csv || options.encoding == .utf8 else {
            throw SampleError.invalidOptions("GB18030 is for CSV only; XML samples are UTF-8")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw SampleError.cannotWrite(path: directory, errno: Int32((error as NSError).code))
        }
        let generator = try SampleGenerator(options: options, directory: directory)
        return try generator.run()
    }
}
