import CSystemShims
import Foundation
import Synchronization

/// Publishes a site all-or-nothing: files go into a staging folder beside the output, then
/// the two folders are swapped in one `renameat2(RENAME_EXCHANGE)`.
///
/// A killed or failed build leaves the previous site whole. A file whose bytes did not change
/// is hard-linked from the previous site instead of written, so its mtime is kept and the disk
/// does no work for it. Hidden entries at the top of the old site (`.gitkeep`, a `.git` of a
/// gh-pages checkout, `.htaccess`) are carried over.
package final class SiteWriter: @unchecked Sendable {
    package let output: String
    package let staging: String
    /// Folder of this writer inside the site (`teams/east/`), empty for the site itself.
    private let prefix: String
    private let shared: Shared
    /// Files written (bytes changed or new), over this writer and its scoped views.
    package var written: Int { shared.lock.withLock { shared.written } }
    /// Files linked from the previous site because their bytes did not change.
    package var unchanged: Int { shared.lock.withLock { shared.unchanged } }

    /// State shared by a writer and its scoped views.
    private final class Shared: @unchecked Sendable {
        let lock = NSLock()
        var createdDirectories: Set<String> = [""]
        var previousIsSite = false
        var written = 0
        var unchanged = 0
    }
    /// Set once the process is being interrupted: every later write throws, so no render thread
    /// recreates the staging folder while it is being removed.
    private static let stopped = Atomic<Bool>(false)

    /// Makes every writer refuse further writes (Ctrl-C); see `Interruption`.
    package static func stopAll() { stopped.store(true, ordering: .sequentiallyConsistent) }

    /// Name of the marker file that tells a Portrait site from any other folder.
    package static let marker = ".portrait-site"

    /// Prepares an empty staging folder; throws when `output` is a folder that is not a site.
    package init(output: String) throws {
        let trimmed = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        self.output = trimmed
        staging = SiteWriter.stagingPath(for: trimmed)
        prefix = ""
        shared = Shared()
        try checkOutput()
        try? FileManager.default.removeItem(atPath: staging)
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw SiteWriterError(path: staging, problem: "The staging folder cannot be created (\(error.localizedDescription)).",
                                  hint: "Make the folder holding \(trimmed) writable or choose another --out; the previous site is untouched.")
        }
    }

    /// The staging folder beside `output`: `site` is staged in `.site.staging`.
    package static func stagingPath(for output: String) -> String {
        let url = URL(fileURLWithPath: output)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".staging").path
    }

    /// Refuses to replace a non-empty folder that Portrait did not write (`--out .` must not
    /// swap away the working folder).
    private func checkOutput() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw SiteWriterError(path: output, problem: "The output path is a file, not a folder.", hint: "Choose another --out.")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        shared.previousIsSite = entries.contains(SiteWriter.marker)
        if !shared.previousIsSite && entries.contains(where: { !$0.hasPrefix(".") }) {
            throw SiteWriterError(path: output, problem: "The output folder holds files that Portrait did not write.",
                                  hint: "Choose an empty or new folder with --out, or remove its contents.")
        }
    }

    private init(scoping parent: SiteWriter, folder: String) {
        output = parent.output
        staging = parent.staging
        prefix = parent.prefix + folder + "/"
        shared = parent.shared
    }

    /// A writer for the folder `folder` of this site (a team's sub-site), sharing its staging
    /// folder: what it writes is published, or abandoned, with the rest.
    package func scoped(_ folder: String) -> SiteWriter {
        precondition(!folder.hasPrefix("/") && !folder.split(separator: "/").contains(".."), "unsafe site folder \(folder)")
        return SiteWriter(scoping: self, folder: folder)
    }

    /// Writes one file of the new site; safe to call from many tasks at once.
    /// - Parameter relativePath: relative, `/`-separated, from `SitePaths` (never `..` or absolute).
    package func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        precondition(!relativePath.hasPrefix("/") && !relativePath.split(separator: "/").contains(".."), "unsafe site path \(relativePath)")
        guard !SiteWriter.stopped.load(ordering: .sequentiallyConsistent) else {
            throw SiteWriterError(path: relativePath, problem: "The build was interrupted.", hint: "The previous site is untouched.")
        }
        let path = prefix + relativePath
        try makeParent(of: path)
        let target = staging + "/" + path
        if shared.previousIsSite, sameBytes(output + "/" + path, bytes), link(output + "/" + path, target) == 0 {
            shared.lock.withLock { shared.unchanged += 1 }
            return
        }
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw error(path, errno) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw error(path, errno)
            }
            offset += count
        }
        shared.lock.withLock { shared.written += 1 }
    }

    package func write(_ path: String, _ text: String) throws {
        try write(path, Array(text.utf8))
    }

    /// Swaps the staging folder in. Until this returns, the previous site is untouched.
    package func commit() throws {
        precondition(prefix.isEmpty, "commit the site's own writer, not a scoped view")
        try write(SiteWriter.marker, "Written by portrait. This folder is replaced whole on every build.\n")
        carryHiddenEntries()
        guard FileManager.default.fileExists(atPath: output) else {
            guard rename(staging, output) == 0 else { throw error(output, errno) }
            return
        }
        if portrait_exchange_paths(staging, output) != 0 {
            // A file system without RENAME_EXCHANGE: two renames, a moment without a site.
            let aside = staging + ".old"
            guard rename(output, aside) == 0 else { throw error(output, errno) }
            guard rename(staging, output) == 0 else {
                _ = rename(aside, output)
                throw error(output, errno)
            }
            try? FileManager.default.removeItem(atPath: aside)
            return
        }
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Removes the staging folder after a failure; the previous site stays as it was.
    package func abandon() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    private func carryHiddenEntries() {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        for name in entries where name.hasPrefix(".") && name != SiteWriter.marker {
            let from = output + "/" + name, to = staging + "/" + name
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: from, isDirectory: &isDirectory)
            if isDirectory.boolValue { _ = rename(from, to) } else { _ = link(from, to) }
        }
    }

    private func makeParent(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        if shared.lock.withLock({ shared.createdDirectories.contains(directory) }) { return }
        do {
            try FileManager.default.createDirectory(atPath: staging + "/" + directory, withIntermediateDirectories: true)
        } catch {
            throw SiteWriterError(path: staging + "/" + directory, problem: "A folder cannot be created (\(error.localizedDescription)).",
                                  hint: "Check free space and permissions of the output folder.")
        }
        _ = shared.lock.withLock { shared.createdDirectories.insert(directory) }
    }

    private func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.elementsEqual(bytes)
    }

    private func error(_ path: String, _ code: Int32) -> SiteWriterError {
        let reason = String(cString: strerror(code))
        let hint = code == ENOSPC ? "Free some disk space and build again; the previous site is untouched."
            : code == EROFS || code == EACCES ? "Make the output folder writable or choose another --out; the previous site is untouched."
            : "The previous site is untouched."
        return SiteWriterError(path: path, problem: "Writing the site failed (\(reason)).", hint: hint)
    }
}

/// The site could not be written: exit 2, the previous site kept.
package struct SiteWriterError: Error, Sendable, CustomStringConvertible {
    package var path: String
    package var problem: String
    package var hint: String

    package var description: String { "\(path): \(problem) \(hint)" }
}
