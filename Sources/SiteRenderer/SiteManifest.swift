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
/// never speaks for files of another build. An unreadable or foreign manifest reads as empty
/// (``read(directory:)``: every page is rendered) or as none (``readWhole(directory:)``: the
/// folder is not reused).
///
/// Read back, it is keyed by a 64-bit digest of each path (``key(_:)``) rather than the path,
/// which keeps a hundred thousand entries to a few megabytes. Two paths sharing a key could only
/// make a page miss its link: the 128-bit fingerprint, which names the customer, must match too.
enum SiteManifest {
    static let header = "portrait-manifest 1"

    /// The lookup key of a page path.
    static func key(_ path: String) -> UInt64 {
        var path = path
        return path.withUTF8 { Fingerprint.of(UnsafeRawBufferPointer($0)).low }
    }

    /// The manifest's bytes. Written as bytes (hex digits by table, one buffer sized up front):
    /// it is made after the last page, while nothing else runs.
    /// - Complexity: O(n log n) for n pages.
    static func bytes(_ entries: [(String, Fingerprint)]) -> [UInt8] {
        var lines = entries.filter { !$0.0.utf8.contains(where: { $0 == 10 || $0 == 13 }) }
        lines.sort { SitePaths.codePointOrder($0.0, $1.0) }
        var out: [UInt8] = []
        out.reserveCapacity(header.utf8.count + 1 + lines.reduce(0) { $0 + 34 + $1.0.utf8.count })
        out.append(contentsOf: header.utf8)
        out.append(10)
        let digits: StaticString = "0123456789abcdef"
        func hex(_ value: UInt64) {
            for shift in stride(from: 60, through: 0, by: -4) {
                out.append(digits.utf8Start[Int(value >> UInt64(shift) & 15)])
            }
        }
        for (path, fingerprint) in lines {
            hex(fingerprint.high)
            hex(fingerprint.low)
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: path.utf8)
            out.append(10)
        }
        return out
    }

    /// The manifest in the folder open as `directory`; empty when there is none or it is not one.
    static func read(directory: Int32) -> [UInt64: Fingerprint] {
        readWhole(directory: directory) ?? [:]
    }

    /// The manifest in the folder open as `directory`; nil when there is none or any line of it
    /// is not a manifest's (a folder whose manifest is not whole is not trusted).
    static func readWhole(directory: Int32) -> [UInt64: Fingerprint]? {
        let fd = openat(directory, SiteWriter.manifest, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return parseWhole(bytes)
    }

    static func parse(_ bytes: [UInt8]) -> [UInt64: Fingerprint] { parseWhole(bytes) ?? [:] }

    /// Reads lines with `memchr` (a rebuild reads two manifests of a hundred thousand lines each
    /// before it can start: about 0.05 s each with a generic line split and digit parse, 0.015 s now).
    static func parseWhole(_ bytes: [UInt8]) -> [UInt64: Fingerprint]? {
        bytes.withUnsafeBytes { raw -> [UInt64: Fingerprint]? in
            guard let base = raw.baseAddress, raw.last == 10 else { return nil }
            let headerEnd = header.utf8.count
            guard raw.count > headerEnd, raw[headerEnd] == 10,
                  UnsafeRawBufferPointer(rebasing: raw[..<headerEnd]).elementsEqual(header.utf8) else { return nil }
            var entries: [UInt64: Fingerprint] = [:]
            entries.reserveCapacity(raw.count / 60)
            var start = headerEnd + 1
            while start < raw.count {
                let end = memchr(base + start, 10, raw.count - start).map { UnsafeRawPointer($0) - base } ?? raw.count
                let line = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                start = end + 1
                guard line.count > 33, line[32] == UInt8(ascii: " ") else { return nil }
                guard let fingerprint = Fingerprint(hex: UnsafeRawBufferPointer(rebasing: line[0..<32])) else { return nil }
                entries[Fingerprint.of(UnsafeRawBufferPointer(rebasing: line[33...])).low] = fingerprint
            }
            return entries
        }
    }
}
