import CSystemShims
import Foundation
import Synchronization

/// Publishes a site all-or-nothing: files go into a staging folder beside the output, then
/// the two folders are swapped in one `renameat2(RENAME_EXCHANGE)`.
///
/// A killed or failed build leaves the previous site whole. A file whose bytes did not change
/// is hard-linked from the previous site instead of written, so its mtime is kept and the disk
/// does no work for it; so is a page whose inputs did not change (``linkUnchanged(_:fingerprint:)``),
/// which is then not even rendered. The fingerprints of the pages live in the site's hidden
/// ``manifest`` file. Hidden entries at the top of the old site (`.gitkeep`, a `.git` of a
/// gh-pages checkout, `.htaccess`) are carried over.
///
/// Linking rather than writing also spares ext4 the slow path it takes for minutes after many
/// files were deleted: a rebuild creates new inodes only for the pages that changed, and
/// removing the old tree frees only theirs.
///
/// Each file costs a few system calls on paths relative to the staging and previous folders
/// (`openat`, `write`, `close`; or `openat`, `fstat`, `read`, `linkat` for an unchanged one),
/// and the folders are created once.
package final class SiteWriter: @unchecked Sendable {
    package let output: String
    package let staging: String
    /// Folder of this writer inside the site (`teams/east/`), empty for the site itself.
    private let prefix: String
    private let shared: Shared
    /// Files written (bytes changed or new), over this writer and its scoped views.
    package var written: Int { shared.written.load(ordering: .relaxed) }
    /// Files linked from the previous site because their bytes or inputs did not change.
    package var unchanged: Int { shared.unchanged.load(ordering: .relaxed) }
    /// Pages whose inputs matched the previous build's: linked without being rendered.
    package var skipped: Int { shared.skipped.load(ordering: .relaxed) }

    /// State shared by a writer and its scoped views.
    private final class Shared: @unchecked Sendable {
        let lock = NSLock()
        var createdDirectories: Set<String> = [""]
        var previousIsSite = false
        /// Open folders: the staging folder, and the previous site (-1 when there is none).
        var stagingFD: Int32 = -1
        var previousFD: Int32 = -1
        /// The previous build's page fingerprints, by ``SiteManifest/key(_:)`` of the path.
        var previousManifest: [UInt64: Fingerprint] = [:]
        /// This build's, as pages are written or linked.
        var manifest: [(String, Fingerprint)] = []
        let written = Atomic<Int>(0)
        let unchanged = Atomic<Int>(0)
        let skipped = Atomic<Int>(0)

        deinit {
            if stagingFD >= 0 { close(stagingFD) }
            if previousFD >= 0 { close(previousFD) }
        }
    }
    /// Set once the process is being interrupted: every later write throws, so no render thread
    /// recreates the staging folder while it is being removed.
    private static let stopped = Atomic<Bool>(false)

    /// Makes every writer refuse further writes (Ctrl-C); see `Interruption`.
    package static func stopAll() { stopped.store(true, ordering: .sequentiallyConsistent) }

    /// Name of the marker file that tells a Portrait site from any other folder.
    package static let marker = ".portrait-site"

    /// Name of the file holding each page's input fingerprint (``SiteManifest``).
    package static let manifest = ".portrait-manifest"

    /// Prepares an empty staging folder; throws when `output` is a folder that is not a site.
    package init(output: String) throws {
        let trimmed = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        self.output = trimmed
        staging = SiteWriter.stagingPath(for: trimmed)
        prefix = ""
        shared = Shared()
        try checkOutput()
        FileTree.remove(staging)
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw SiteWriterError(path: staging, problem: "The staging folder cannot be created (\(error.localizedDescription)).",
                                  hint: "Make the folder holding \(trimmed) writable or choose another --out; the previous site is untouched.")
        }
        shared.stagingFD = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard shared.stagingFD >= 0 else { throw error(staging, errno) }
        if shared.previousIsSite {
            shared.previousFD = open(trimmed, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if shared.previousFD >= 0 { shared.previousManifest = SiteManifest.read(directory: shared.previousFD) }
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
        precondition(SiteWriter.isSafe(folder), "unsafe site folder \(folder)")
        return SiteWriter(scoping: self, folder: folder)
    }

    /// Writes one file of the new site; safe to call from many threads at once.
    /// - Parameters:
    ///   - relativePath: relative, `/`-separated, from `SitePaths` (never `..` or absolute).
    ///   - fingerprint: the page's input fingerprint, kept in the manifest for the next build.
    package func write(_ relativePath: String, _ bytes: UnsafeRawBufferPointer, fingerprint: Fingerprint? = nil) throws {
        precondition(SiteWriter.isSafe(relativePath), "unsafe site path \(relativePath)")
        try checkNotStopped(relativePath)
        let path = prefix + relativePath
        try makeParent(of: path)
        if let fingerprint { record(path, fingerprint) }
        if shared.previousFD >= 0, sameBytes(path, bytes), linkat(shared.previousFD, path, shared.stagingFD, path, 0) == 0 {
            shared.unchanged.add(1, ordering: .relaxed)
            return
        }
        let fd = openat(shared.stagingFD, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw error(staging + "/" + path, errno) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw error(staging + "/" + path, errno)
            }
            offset += count
        }
        shared.written.add(1, ordering: .relaxed)
    }

    package func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write(relativePath, $0) }
    }

    package func write(_ path: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try write(path, UnsafeRawBufferPointer($0)) }
    }

    /// Links the previous build's file at `relativePath` into the new site when the previous
    /// build recorded the same input `fingerprint` for it; false when the page must be rendered.
    package func linkUnchanged(_ relativePath: String, fingerprint: Fingerprint) throws -> Bool {
        guard shared.previousFD >= 0 else { return false }
        try checkNotStopped(relativePath)
        let path = prefix + relativePath
        guard shared.previousManifest[SiteManifest.key(path)] == fingerprint else { return false }
        try makeParent(of: path)
        guard linkat(shared.previousFD, path, shared.stagingFD, path, 0) == 0 else { return false }
        record(path, fingerprint)
        shared.unchanged.add(1, ordering: .relaxed)
        shared.skipped.add(1, ordering: .relaxed)
        return true
    }

    private func record(_ path: String, _ fingerprint: Fingerprint) {
        shared.lock.withLock { shared.manifest.append((path, fingerprint)) }
    }

    private func checkNotStopped(_ path: String) throws {
        guard !SiteWriter.stopped.load(ordering: .sequentiallyConsistent) else {
            throw SiteWriterError(path: path, problem: "The build was interrupted.", hint: "The previous site is untouched.")
        }
    }

    /// Swaps the staging folder in. Until this returns, the previous site is untouched.
    package func commit() throws {
        precondition(prefix.isEmpty, "commit the site's own writer, not a scoped view")
        let entries = shared.lock.withLock { shared.manifest }
        try write(SiteWriter.manifest, SiteManifest.bytes(entries))
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
            FileTree.remove(aside)
            return
        }
        FileTree.remove(staging)
    }

    /// Removes the staging folder after a failure; the previous site stays as it was.
    package func abandon() {
        FileTree.remove(staging)
    }

    private func carryHiddenEntries() {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        for name in entries where name.hasPrefix(".") && name != SiteWriter.marker && name != SiteWriter.manifest {
            let from = output + "/" + name, to = staging + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: from, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue { _ = rename(from, to) } else { _ = link(from, to) }
        }
    }

    /// Creates the folders of `path` in the staging folder, each once per build.
    private func makeParent(of path: String) throws {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let directory = String(path[..<slash])
        if shared.lock.withLock({ shared.createdDirectories.contains(directory) }) { return }
        var partial = ""
        for component in directory.split(separator: "/") {
            partial += partial.isEmpty ? String(component) : "/" + component
            if shared.lock.withLock({ shared.createdDirectories.contains(partial) }) { continue }
            if mkdirat(shared.stagingFD, partial, 0o755) != 0 && errno != EEXIST {
                let code = errno
                throw SiteWriterError(path: staging + "/" + partial, problem: "A folder cannot be created (\(String(cString: strerror(code)))).",
                                      hint: "Check free space and permissions of the output folder.")
            }
            _ = shared.lock.withLock { shared.createdDirectories.insert(partial) }
        }
    }

    /// Whether the previous site's file at `path` holds exactly `bytes`, read 64 KB at a time
    /// (a 20 MB export is compared without a second 20 MB in memory).
    private func sameBytes(_ path: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let fd = openat(shared.previousFD, path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        guard bytes.count > 0 else { return true }
        return withUnsafeTemporaryAllocation(byteCount: Swift.min(bytes.count, 1 << 16), alignment: 16) { buffer in
            var offset = 0
            while offset < bytes.count {
                let count = read(fd, buffer.baseAddress!, Swift.min(buffer.count, bytes.count - offset))
                if count < 0 && errno == EINTR { continue }
                guard count > 0, memcmp(buffer.baseAddress!, bytes.baseAddress! + offset, count) == 0 else { return false }
                offset += count
            }
            return true
        }
    }

    /// Relative, no `..` component, no empty path.
    static func isSafe(_ path: String) -> Bool {
        var componentStart = true, dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if componentStart && dots == 2 { return false }
                if componentStart && dots == 0 { return false }
                componentStart = true
                dots = 0
            } else if componentStart && byte == UInt8(ascii: ".") && dots < 2 {
                dots += 1
            } else {
                componentStart = false
            }
        }
        return !(componentStart && (dots == 2 || dots == 0))
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
