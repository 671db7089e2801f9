import Foundation
import LedgerModel

/// What the watched inputs look like on disk: every file below them with its size, modification time
/// and inode. Two stamps differ when a file was added, removed, replaced or written.
///
/// Polled twice a second rather than through inotify: the inputs are a handful of files, a
/// listing costs well under a millisecond, and polling sees files on any file system (network
/// shares, where many ledgers live, send no inotify events for other machines' writes).
package struct InputStamp: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        var path: String
        var size: Int64
        var changed: Int64
        var inode: UInt64
    }

    package private(set) var entries: [Entry] = []

    /// The stamp of `paths` (files or folders, existing or not); below a folder, hidden names
    /// and the `skipping` paths (the site being served and its staging folder) are left out.
    /// Both are compared with the links in them resolved, so a site reached through a link
    /// (`--out site` with `site → out/report`) is left out wherever the inputs reach it from.
    package init(of paths: [String], skipping: [String]) {
        let skipped = Set(skipping.map(InputStamp.resolved))
        for path in paths { add(InputStamp.resolved(path), skipped: skipped, isRoot: true) }
    }

    /// `path` absolute, with its links resolved when it exists.
    static func resolved(_ path: String) -> String {
        ResolvedPath.of(path) ?? URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private mutating func add(_ path: String, skipped: Set<String>, isRoot: Bool) {
        guard !skipped.contains(path) else { return }
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let linked = info.st_mode & S_IFMT == S_IFLNK
        if linked { guard stat(path, &info) == 0 else { return } }
        if info.st_mode & S_IFMT == S_IFDIR {
            // Linked folders are not entered, as table wildcards do not enter them; a folder
            // given by a link (`--data` naming one) is.
            guard !linked || isRoot else { return }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            for name in names where !name.hasPrefix(".") { add(path + "/" + name, skipped: skipped, isRoot: false) }
        } else {
            entries.append(Entry(path: path, size: Int64(info.st_size),
                                 changed: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                                 inode: UInt64(info.st_ino)))
        }
    }
}
