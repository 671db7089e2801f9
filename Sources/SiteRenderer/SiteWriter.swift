import CSystemShims
import Foundation
import LedgerModel
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
/// files were deleted: a rebuild creates new inodes only for the pages that changed.
///
/// **The swapped-out site is kept as the next build's staging folder** when this build linked
/// most of its files (it then shares their inodes and costs the disk little more than the
/// pages that changed). The next build starts from it instead of from an empty folder: a
/// file whose bytes or inputs match what that folder already holds (its own manifest says
/// which) costs no system call at all, one changed since is relinked from the current site,
/// and what the new site no longer has is removed at the end. A rebuild after one changed row
/// thus neither links a hundred thousand names into a new folder nor unlinks the old tree's
/// (at 100k customers on tmpfs, 0.3 s each). A file in that folder is never written in place:
/// it may be the same inode as the current site's, so a changed one is unlinked first. The
/// folder's manifest is removed before anything in it changes, so a build killed midway leaves
/// a folder the next build does not trust and empties. A build that wrote most of its files
/// removes the swapped-out site as before (keeping it would double the site's disk space).
///
/// Each file costs a few system calls on paths relative to the staging and previous folders
/// (`openat`, `write`, `close`; or `openat`, `fstat`, `read`, `linkat` for an unchanged one;
/// none for a page already in place in a reused staging folder), and the folders are created once.
package final class SiteWriter: @unchecked Sendable {
    package let output: String
    package let staging: String
    /// Whether `--out` was a symbolic link (``target(of:)``): the swapped-out site is then not
    /// kept beside the folder it leads to, which is likely a web server's (where a kept
    /// `.report.staging` would go on serving pages the new site no longer has).
    private let linked: Bool
    /// Folder of this writer inside the site (`teams/east/`), empty for the site itself.
    private let prefix: String
    private let shared: Shared
    /// Files written (bytes changed or new), over this writer and its scoped views.
    package var written: Int { shared.written.load(ordering: .relaxed) }
    /// Files linked from the previous site because their bytes or inputs did not change.
    package var unchanged: Int { shared.unchanged.load(ordering: .relaxed) }
    /// Pages whose inputs matched the previous build's: linked without being rendered.
    package var skipped: Int { shared.skipped.load(ordering: .relaxed) }
    /// Files of ``unchanged`` already in place in the reused staging folder: no system call.
    package var kept: Int { shared.kept.load(ordering: .relaxed) }
    /// Whether this build started from the site the previous build swapped out.
    package var reusedStaging: Bool { shared.reused }

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
        /// Files of this build without a fingerprint (exports, assets, the other pages).
        var unfingerprinted: [String] = []
        /// Whether the staging folder is the previous build's swapped-out site, and then its
        /// page fingerprints and its files (by ``SiteManifest/key(_:)``) and folders as found.
        var reused = false
        var stagingManifest: [UInt64: Fingerprint] = [:]
        var stagingFiles: Set<UInt64> = []
        var stagingFolders: [String] = []
        let written = Atomic<Int>(0)
        let unchanged = Atomic<Int>(0)
        let skipped = Atomic<Int>(0)
        let kept = Atomic<Int>(0)

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

    /// Whether `stopAll()` was called: the process is ending.
    package static var isStopping: Bool { stopped.load(ordering: .sequentiallyConsistent) }

    /// Name of the marker file that tells a Portrait site from any other folder.
    package static let marker = ".portrait-site"

    /// Name of the file holding each page's input fingerprint (``SiteManifest``).
    package static let manifest = ".portrait-manifest"

    /// Prepares an empty staging folder; throws when `output` is a folder that is not a site.
    /// When `output` is a symbolic link, the site goes where it leads (``target(of:)``).
    package init(output: String) throws {
        let trimmed = SiteWriter.target(of: output)
        self.output = trimmed
        staging = SiteWriter.stagingPath(forTarget: trimmed)
        linked = trimmed != SiteWriter.trimmed(output)
        prefix = ""
        shared = Shared()
        try checkOutput()
        if shared.previousIsSite { settleHiddenEntries() }
        if !(shared.previousIsSite && reuseStaging()) {
            FileTree.remove(staging)
            do {
                try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            } catch {
                throw SiteWriterError(path: staging, problem: "The staging folder cannot be created (\(error.localizedDescription)).",
                                      hint: "Make the folder holding \(trimmed) writable or choose another --out; the previous site is untouched.")
            }
            shared.stagingFD = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard shared.stagingFD >= 0 else { throw error(staging, errno) }
        }
        if shared.previousIsSite {
            shared.previousFD = open(trimmed, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if shared.previousFD >= 0 { shared.previousManifest = SiteManifest.read(directory: shared.previousFD) }
        }
    }

    /// Hidden entries at the top of a staging folder left beside the site were carried over
    /// from it (`.gitkeep`, a gh-pages `.git`): the commit carries the current site's over
    /// again. A folder the site no longer has (moved by a build killed before its swap) goes
    /// back into the site rather than being lost; the rest is removed.
    private func settleHiddenEntries() {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []
        for name in entries where name.hasPrefix(".") && name != SiteWriter.marker && name != SiteWriter.manifest {
            let from = staging + "/" + name, to = output + "/" + name
            var info = stat()
            if lstat(from, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, lstat(to, &info) != 0, errno == ENOENT,
               rename(from, to) == 0 { continue }
            FileTree.remove(from)
        }
    }

    /// Takes the staging folder left by the previous build (the site it swapped out) as this
    /// build's starting point, when it is whole: a Portrait site with its manifest, holding only
    /// files and folders (a symbolic link could lead a write outside the site). Reads the
    /// manifest, then removes it, so that a build killed from here on leaves a folder the next
    /// one does not trust. Lists the folder's files and folders. False when there is nothing to
    /// reuse.
    private func reuseStaging() -> Bool {
        let fd = open(staging, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        guard faccessat(fd, SiteWriter.marker, F_OK, AT_SYMLINK_NOFOLLOW) == 0,
              let manifest = SiteManifest.readWhole(directory: fd),
              unlinkat(fd, SiteWriter.manifest, 0) == 0 else {
            close(fd)
            return false
        }
        // Files by key only (no String per file); names are needed again only if some are stale.
        var files = Set<UInt64>(minimumCapacity: manifest.count + 64), folders: [String] = [], distinct = true
        let listed = FileTree.walk(fd) { path, type in
            switch type {
            case UInt8(DT_DIR): folders.append(String(decoding: path, as: UTF8.self))
            case UInt8(DT_REG): distinct = files.insert(Fingerprint.of(path).low).inserted && distinct
            default: return false
            }
            return true
        }
        // Two names with one key: the folder is not worth the doubt.
        guard listed && distinct else {
            close(fd)
            return false
        }
        shared.stagingFD = fd
        shared.stagingManifest = manifest
        shared.stagingFiles = files
        shared.stagingFolders = folders
        shared.createdDirectories.formUnion(folders)
        shared.reused = true
        return true
    }

    /// The staging folder beside the folder the site goes to: `site` is staged in
    /// `.site.staging`; a `site` linked to `/var/www/report` in `/var/www/.report.staging`.
    package static func stagingPath(for output: String) -> String { stagingPath(forTarget: target(of: output)) }

    /// The staging folder beside `target`, a path ``target(of:)`` gave.
    private static func stagingPath(forTarget target: String) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".staging").path
    }

    /// The folder a build of `output` publishes: `output` itself (without a trailing `/`), or,
    /// when it is a symbolic link, the folder it leads to, so that `site → /var/www/report`
    /// (a web server's folder linked into the project) is replaced and the link is kept. The
    /// swap renames folders, and renaming the link would replace it with a plain folder and
    /// leave the web server's folder as it was. A link to nothing yet leads to where the site
    /// will be made, through any chain of links (at most 40, as the kernel follows).
    package static func target(of output: String) -> String {
        var path = trimmed(output)
        for _ in 0..<40 {
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return path }
            if let resolved = ResolvedPath.of(path) { return resolved }
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return path }
            path = destination.hasPrefix("/") ? trimmed(destination)
                : trimmed(URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(destination).path)
        }
        return path
    }

    /// `output` without a trailing `/` (`site/` and `site` are one site).
    static func trimmed(_ output: String) -> String {
        var path = Substring(output)
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }

    /// Refuses to replace a non-empty folder that Portrait did not write (`--out .` must not
    /// swap away the working folder).
    private func checkOutput() throws {
        // ``target(of:)`` stops on a link only when the links go round in a loop.
        var link = stat()
        if lstat(output, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
            throw SiteWriterError(path: output, problem: "The output path is a symbolic link that leads round in a loop.",
                                  hint: "Point the link at a folder, remove it, or choose another --out.")
        }
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
        linked = parent.linked
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
        record(path, fingerprint)
        // A reused folder's file with other bytes is replaced below: linking and creating
        // both remove what is in the way first.
        if shared.reused, shared.stagingFiles.contains(SiteManifest.key(path)), sameBytes(path, bytes, in: shared.stagingFD) {
            shared.unchanged.add(1, ordering: .relaxed)
            shared.kept.add(1, ordering: .relaxed)
            return
        }
        if shared.previousFD >= 0, sameBytes(path, bytes, in: shared.previousFD), linkFromPrevious(path) {
            shared.unchanged.add(1, ordering: .relaxed)
            return
        }
        // A name in the staging folder is never opened for writing as it is (it may be the
        // current site's inode, in a reused folder or one that could not be emptied): O_EXCL,
        // and whatever is in the way is removed first.
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_EXCL
        var fd = openat(shared.stagingFD, path, flags, 0o644)
        if fd < 0 && errno == EEXIST {
            try removeFromStaging(path)
            fd = openat(shared.stagingFD, path, flags, 0o644)
        }
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
        try checkNotStopped(relativePath)
        let path = prefix + relativePath
        let key = SiteManifest.key(path)
        if shared.reused && shared.stagingFiles.contains(key) && shared.stagingManifest[key] == fingerprint {
            record(path, fingerprint)
            shared.unchanged.add(1, ordering: .relaxed)
            shared.skipped.add(1, ordering: .relaxed)
            shared.kept.add(1, ordering: .relaxed)
            return true
        }
        guard shared.previousFD >= 0, shared.previousManifest[key] == fingerprint else { return false }
        try makeParent(of: path)
        guard linkFromPrevious(path) else { return false }
        record(path, fingerprint)
        shared.unchanged.add(1, ordering: .relaxed)
        shared.skipped.add(1, ordering: .relaxed)
        return true
    }

    private func record(_ path: String, _ fingerprint: Fingerprint?) {
        shared.lock.withLock {
            if let fingerprint { shared.manifest.append((path, fingerprint)) } else { shared.unfingerprinted.append(path) }
        }
    }

    /// Hard-links the current site's file at `path` into the staging folder, in place of a file
    /// already there (a reused folder's older page, never written in place: it may be the live
    /// site's inode).
    private func linkFromPrevious(_ path: String) -> Bool {
        if linkat(shared.previousFD, path, shared.stagingFD, path, 0) == 0 { return true }
        guard errno == EEXIST, unlinkat(shared.stagingFD, path, 0) == 0 else { return false }
        return linkat(shared.previousFD, path, shared.stagingFD, path, 0) == 0
    }

    /// Removes what is at `path` in the staging folder before the name gets other bytes: a file
    /// may be the current site's inode, which must stay as it is until the swap.
    private func removeFromStaging(_ path: String) throws {
        if unlinkat(shared.stagingFD, path, 0) == 0 || errno == ENOENT { return }
        // A folder where this build has a file (the site's layout changed): removed whole.
        guard errno == EISDIR else { throw error(staging + "/" + path, errno) }
        FileTree.remove(staging + "/" + path)
        guard faccessat(shared.stagingFD, path, F_OK, AT_SYMLINK_NOFOLLOW) != 0 else { throw error(staging + "/" + path, EISDIR) }
    }

    private func checkNotStopped(_ path: String) throws {
        guard !SiteWriter.isStopping else {
            throw SiteWriterError(path: path, problem: "The build was interrupted.", hint: "The previous site is untouched.")
        }
    }

    /// Swaps the staging folder in. Until this returns, the previous site is untouched.
    package func commit() throws {
        precondition(prefix.isEmpty, "commit the site's own writer, not a scoped view")
        let entries = shared.lock.withLock { shared.manifest }
        try write(SiteWriter.manifest, SiteManifest.bytes(entries))
        try write(SiteWriter.marker, "Written by portrait. This folder is replaced whole on every build.\n")
        // From here to the swap, Ctrl-C's handler waits instead of removing the folder being
        // published (removing stale files may take a while); once it holds the lock first,
        // nothing is published.
        try SiteWriter.publishing.withLock {
            try checkNotStopped(output)
            if shared.reused { try removeStale() }
            carryHiddenEntries()
            guard FileManager.default.fileExists(atPath: output) else {
                guard rename(staging, output) == 0 else { throw error(output, errno) }
                return
            }
            // Keep the swapped-out site for the next build when at least three quarters of the
            // new one's files were linked or already in place (it then shares their inodes),
            // unless `--out` was a link (see ``linked``).
            let keep = !linked && written * 4 <= written + unchanged
            if portrait_exchange_paths(staging, output) != 0 {
                // A file system without RENAME_EXCHANGE: two renames, a moment without a site.
                let aside = staging + ".old"
                guard rename(output, aside) == 0 else { throw error(output, errno) }
                guard rename(staging, output) == 0 else {
                    _ = rename(aside, output)
                    throw error(output, errno)
                }
                if !(keep && rename(aside, staging) == 0) { FileTree.remove(aside) }
                return
            }
            if !keep { FileTree.remove(staging) }
        }
    }

    /// Held while a build publishes (``commit()``): Ctrl-C's handler takes it before removing
    /// the staging folder.
    private static let publishing = NSLock()

    /// Runs `body` when no build is between its last check for Ctrl-C and its swap.
    package static func whileNotPublishing(_ body: () -> Void) { publishing.withLock(body) }

    /// Removes from a reused staging folder what this build did not put there: pages of
    /// customers gone, a team sub-site no longer built, files a user added to the old site.
    private func removeStale() throws {
        let paths = shared.lock.withLock { shared.manifest.map(\.0) + shared.unfingerprinted }
        var produced = Set<UInt64>(minimumCapacity: paths.count), folders = Set<Substring>()
        var lastFolder: Substring = ""
        for path in paths {
            produced.insert(SiteManifest.key(path))
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            var folder = path[..<slash]
            guard folder != lastFolder else { continue }
            lastFolder = folder
            while folders.insert(folder).inserted, let up = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<up]
            }
        }
        // What cannot be removed fails the build (the previous site stays): it would be published.
        if !shared.stagingFiles.isSubset(of: produced) {
            var stale: [String] = []
            let listed = FileTree.walk(shared.stagingFD) { path, type in
                if type != UInt8(DT_DIR) && !produced.contains(Fingerprint.of(path).low) {
                    stale.append(String(decoding: path, as: UTF8.self))
                }
                return true
            }
            guard listed else { throw error(staging, EIO) }
            for path in stale where unlinkat(shared.stagingFD, path, 0) != 0 && errno != ENOENT {
                throw error(staging + "/" + path, errno)
            }
        }
        // Folders this build has no file in go whole (a team sub-site no longer built).
        // (A name listed as a folder may since have become one of this build's files.)
        func isFolder(_ path: String) -> Bool {
            var info = stat()
            return fstatat(shared.stagingFD, path, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFDIR
        }
        for folder in shared.stagingFolders where !folders.contains(Substring(folder)) && isFolder(folder) {
            FileTree.remove(staging + "/" + folder)
            guard !isFolder(folder) else { throw error(staging + "/" + folder, EACCES) }
        }
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
            var made = mkdirat(shared.stagingFD, partial, 0o755) == 0
            if !made && errno == EEXIST {
                // What is there may be a file left from another layout (a reused staging folder).
                var info = stat()
                made = fstatat(shared.stagingFD, partial, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFDIR
                    || unlinkat(shared.stagingFD, partial, 0) == 0 && mkdirat(shared.stagingFD, partial, 0o755) == 0
            }
            if !made {
                let code = errno
                throw SiteWriterError(path: staging + "/" + partial, problem: "A folder cannot be created (\(String(cString: strerror(code)))).",
                                      hint: "Check free space and permissions of the output folder.")
            }
            _ = shared.lock.withLock { shared.createdDirectories.insert(partial) }
        }
    }

    /// Whether the file at `path` of the folder open as `directory` holds exactly `bytes`, read 64 KB at a time
    /// (a 20 MB export is compared without a second 20 MB in memory).
    private func sameBytes(_ path: String, _ bytes: UnsafeRawBufferPointer, in directory: Int32) -> Bool {
        let fd = openat(directory, path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
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

    package init(path: String, problem: String, hint: String) {
        self.path = path
        self.problem = problem
        self.hint = hint
    }

    package var description: String { "\(path): \(problem) \(hint)" }
}
