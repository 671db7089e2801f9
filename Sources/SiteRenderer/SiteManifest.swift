import Foundation

/// The hidden file `.portrait-manifest` of a site: each page's input ``Fingerprint``, so the next
/// build links the pages whose inputs did not change instead of rendering them.
///
/// Text, one page a line, sorted by path so equal builds write equal files:
///
///     portrait-manifest 1
///     3f2a…(32 hex digits) customers/C000001.html
///
/// It is written into the staging folder and swapped in with the pages it describes, so it
/// never speaks for files of another build. An unreadable or foreign manifest reads as empty:
/// every page is rendered.
enum SiteManifest {
    static let header = "portrait-manifest 1"

    static func text(_ entries: [(String, Fingerprint)]) -> String {
        var lines = entries.filter { !$0.0.utf8.contains(where: { $0 == 10 || $0 == 13 }) }
        lines.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var text = header + "\n"
        text.reserveCapacity(lines.count * 64)
        for (path, fingerprint) in lines { text += fingerprint.description + " " + path + "\n" }
        return text
    }

    /// The manifest in the folder open as `directory`; empty when there is none or it is not one.
    static func read(directory: Int32) -> [String: Fingerprint] {
        let fd = openat(directory, SiteWriter.manifest, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return [:] }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return parse(bytes)
    }

    static func parse(_ bytes: [UInt8]) -> [String: Fingerprint] {
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: true)
        guard let first = lines.first, first.elementsEqual(header.utf8) else { return [:] }
        var entries: [String: Fingerprint] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines.dropFirst() {
            guard line.count > 33, line[line.startIndex + 32] == UInt8(ascii: " "),
                  let fingerprint = Fingerprint(hex: line[line.startIndex..<line.startIndex + 32]) else { return [:] }
            entries[String(decoding: line[(line.startIndex + 33)...], as: UTF8.self)] = fingerprint
        }
        return entries
    }
}
