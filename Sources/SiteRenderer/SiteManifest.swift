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
    /// it is made after the last page, on the rebuild's critical path.
    ///
    /// The lines are sorted by path in code-point order (UTF-8 byte order), equal paths in the
    /// order recorded, as a stable sort of the strings would: the paths' bytes are copied into
    /// one buffer, and each line is sorted by its first 16 bytes as two big-endian integers, the
    /// rest compared with `memcmp` only on a tie. Sorting 100k `String`s with a comparison of
    /// their storage took 0.05 s on one core, the longest part of the commit.
    /// - Complexity: O(n log n) for n pages.
    static func bytes(_ entries: [(String, Fingerprint)]) -> [UInt8] {
        var paths: [UInt8] = []
        var lines: [Line] = []
        lines.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() {
            var path = entry.0
            path.withUTF8 { bytes in
                guard !bytes.contains(where: { $0 == 10 || $0 == 13 }) else { return }
                lines.append(Line(path: bytes, start: paths.count, entry: Int32(position)))
                paths.append(contentsOf: bytes)
            }
        }
        paths.withUnsafeBufferPointer { all in
            lines.sort { a, b in
                if a.head != b.head { return a.head < b.head }
                if a.next != b.next { return a.next < b.next }
                // The bytes after the first 16 (none for a shorter path).
                let common = min(a.count, b.count) - 16
                if common > 0 {
                    let order = memcmp(all.baseAddress! + a.start + 16, all.baseAddress! + b.start + 16, common)
                    if order != 0 { return order < 0 }
                }
                if a.count != b.count { return a.count < b.count }
                return a.entry < b.entry
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(header.utf8.count + 1 + lines.count * 34 + paths.count)
        out.append(contentsOf: header.utf8)
        out.append(10)
        let digits: StaticString = "0123456789abcdef"
        func hex(_ value: UInt64) {
            for shift in stride(from: 60, through: 0, by: -4) {
                out.append(digits.utf8Start[Int(value >> UInt64(shift) & 15)])
            }
        }
        for line in lines {
            let fingerprint = entries[Int(line.entry)].1
            hex(fingerprint.high)
            hex(fingerprint.low)
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: paths[line.start..<(line.start + line.count)])
            out.append(10)
        }
        return out
    }

    /// A manifest line being sorted: its path's first 16 bytes as two big-endian integers (zero
    /// bytes past its end), where the path sits in the buffer of all paths, and its entry.
    private struct Line {
        var head: UInt64
        var next: UInt64
        var start: Int
        var count: Int
        var entry: Int32

        init(path: UnsafeBufferPointer<UInt8>, start: Int, entry: Int32) {
            var words: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &words) { raw in
                raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(path)[..<min(16, path.count)]))
            }
            head = UInt64(bigEndian: words.0)
            next = UInt64(bigEndian: words.1)
            self.start = start
            count = path.count
            self.entry = entry
        }
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
