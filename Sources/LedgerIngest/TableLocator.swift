import Foundation
import LedgerModel

/// Finds the files of each table in the data folder.
///
/// A configured `file` (possibly a glob) must match something; otherwise `TABLE.csv`, then
/// `TABLE.xml`, matched case-insensitively, and CSV wins when both exist (precise-rules.md).
package enum TableLocator {
    /// File names relative to the data folder, in name order; empty when the table is absent.
    package static func files(for table: TableName, settings: IngestSettings) throws -> [String] {
        let files = try candidates(for: table, settings: settings)
        for file in files { try checkContained(file, in: settings.dataDirectory) }
        return files
    }

    private static func candidates(for table: TableName, settings: IngestSettings) throws -> [String] {
        let directory = settings.dataDirectory
        if let pattern = settings.table(table).file {
            let matches = try glob(pattern, in: directory)
            guard !matches.isEmpty else {
                throw IngestError(
                    file: pattern, problem: "The config names this file for the \(table.rawValue) table, but nothing in \(directory) matches it.",
                    hint: "Check tables.\(table.rawValue).file in portrait.yml, or remove it to use \(table.rawValue).csv.")
            }
            return matches
        }
        let names = try listing(of: directory)
        for ext in ["csv", "xml"] {
            if let name = names.first(where: { $0.lowercased() == "\(table.rawValue).\(ext)" }) {
                return [name]
            }
        }
        if let name = names.first(where: { $0.lowercased() == "\(table.rawValue).xlsx" }) {
            throw IngestError(
                file: name, problem: "XLSX workbooks are not read yet.",
                hint: "Save the sheet as CSV (UTF-8) as \(table.rawValue).csv in the same folder.")
        }
        return []
    }

    /// A table file must resolve inside the data folder: a symlink named `customers.csv`
    /// pointing at `/etc/passwd` or another user's folder is refused, not read. It must be a
    /// regular file: a folder, device or named pipe is refused before anything opens it
    /// (opening a pipe for reading waited for a writer for ever, found by fuzzing).
    static func checkContained(_ file: String, in directory: String) throws {
        guard let root = ResolvedPath.of(directory) else { return }
        guard let path = ResolvedPath.of(directory + "/" + file) else {
            throw IngestError(file: file, problem: "The file cannot be resolved (a broken link?).",
                              hint: "Replace it with the real file.")
        }
        guard ResolvedPath.lies(path, below: root) else {
            throw IngestError(file: file, problem: "This is a link to \(path), outside the data folder.",
                              hint: "Copy the file into the data folder instead of linking to it.")
        }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw IngestError(file: file, problem: "This is not a regular file.", hint: "Point the table at a CSV or XML file.")
        }
    }

    /// Names in `directory`, sorted; throws when it is missing or not a folder.
    static func listing(of directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
        guard exists, isDirectory.boolValue else {
            throw IngestError(
                file: directory, problem: exists ? "The data folder is a file, not a folder." : "The data folder does not exist.",
                hint: "Pass the folder holding customers.csv or orders.csv with --data, or run `portrait sample --customers 2000 --out data` to make one.")
        }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw IngestError(file: directory, problem: "The data folder cannot be listed (\(error.localizedDescription)).",
                              hint: "Check its permissions.")
        }
    }

    /// Matches `pattern` (`*` and `?` within each path component) below `directory`.
    ///
    /// A wildcard does not enter a folder through a symbolic link: a link to a folder inside
    /// the data folder reaches files the wildcard reaches anyway (two links to `.` made
    /// `*/*/…/reps.csv` read one file 2^n times, found by fuzzing), and files outside it are
    /// refused.
    static func glob(_ pattern: String, in directory: String) throws -> [String] {
        let components = pattern.split(separator: "/").map(String.init)
        var candidates = [""]
        for (position, component) in components.enumerated() {
            let isLast = position == components.count - 1
            var next: [String] = []
            for prefix in candidates {
                let folder = prefix.isEmpty ? directory : directory + "/" + prefix
                if !component.contains("*") && !component.contains("?") {
                    let path = prefix.isEmpty ? component : prefix + "/" + component
                    if FileManager.default.fileExists(atPath: directory + "/" + path) { next.append(path) }
                    continue
                }
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
                for name in names.sorted() where fnmatch(component, name, 0) == 0 && !name.hasPrefix(".") {
                    let path = prefix.isEmpty ? name : prefix + "/" + name
                    var isDirectory: ObjCBool = false
                    _ = FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory)
                    if !isLast && isSymbolicLink(directory + "/" + path) { continue }
                    if isLast != isDirectory.boolValue { next.append(path) }
                }
            }
            candidates = next
        }
        return candidates.sorted()
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
