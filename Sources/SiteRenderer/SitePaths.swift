import Analytics
import Foundation

/// The one rule that turns an id from the data into a file name inside `site/`.
///
/// A name keeps letters and digits of any script, `-` and `_`, and single `.`s after the first
/// character (never `..`); every other character (`/`, `\`, `:`, `%`, `#`, `?`, spaces, controls, bidi
/// marks…) becomes `_`. A name that had to change, or is longer than `maxBytes` UTF-8 bytes, or
/// is a Windows device name (`CON`, `NUL`, `COM1`…) or a page the folder already has (`index`),
/// gets a short hash of the original id, so two ids never share a file. Ids that differ only by
/// case would share a file on macOS and Windows: within such a group the first id in code-point
/// order keeps the plain name and the others get the hash.
package struct SitePaths: Sendable {
    /// Longest file stem in UTF-8 bytes before the hash suffix takes over.
    package static let maxBytes = 96
    private var stems: [String: String] = [:]

    /// Plans the file names of `ids` (one folder's pages) in one go.
    /// - Complexity: O(n) for n ids, plus O(k log k) for the k ids that share a name up to case;
    ///   one dictionary entry each.
    package init<S: Sequence>(ids: S, reserved: Set<String> = ["index"]) where S.Element == String {
        var candidates: [String: String] = [:]
        // Folded name → its first id; names taken by more than one id, with all of theirs.
        var firstByFolded: [String: String] = [:]
        // Sized once: grown step by step, a million ids rehashed every entry about twenty times.
        candidates.reserveCapacity(ids.underestimatedCount)
        firstByFolded.reserveCapacity(ids.underestimatedCount)
        var groups: [String: [String]] = [:]
        for id in ids where candidates[id] == nil {
            let stem = SitePaths.stem(for: id, reserved: reserved)
            candidates[id] = stem
            let folded = stem.lowercased()
            if let first = firstByFolded.updateValue(id, forKey: folded) {
                firstByFolded[folded] = first
                groups[folded, default: [first]].append(id)
            }
        }
        if !groups.isEmpty {
            var taken = Set(candidates.values.map { $0.lowercased() })
            for key in groups.keys.sorted(by: SitePaths.codePointOrder) {
                for id in groups[key]!.sorted(by: SitePaths.codePointOrder).dropFirst() {
                    var salt = 0
                    var stem = SitePaths.withHash(candidates[id]!, of: id, salt: salt)
                    while taken.contains(stem.lowercased()) {
                        salt += 1
                        stem = SitePaths.withHash(candidates[id]!, of: id, salt: salt)
                    }
                    taken.insert(stem.lowercased())
                    candidates[id] = stem
                }
            }
        }
        stems = candidates
    }

    /// The stem of each of `ids`, in order: what `SitePaths(ids:reserved:).stem` gives each.
    ///
    /// Ids that are all plain (``isPlain(_:reserved:)``, so ASCII) and distinct up to ASCII case
    /// are their own stems: that is checked with a 64-bit hash of each id's lowercase bytes in a
    /// table of hashes, not with dictionaries of strings (four `String` hashes per id, the
    /// longest part of a rebuild's wait for its preparation). Any two equal hashes, or one id
    /// that is not plain, and the stems are planned by ``init(ids:reserved:)``.
    /// - Complexity: O(n) for n ids.
    package static func stems(of ids: [String], reserved: Set<String> = ["index"]) -> [String] {
        if allPlainAndDistinct(ids, reserved: reserved) { return ids }
        let paths = SitePaths(ids: ids, reserved: reserved)
        return ids.map { paths.stem($0)! }
    }

    /// Whether every id is plain and no two are equal up to ASCII case (false also when two
    /// differ but their hashes do not).
    static func allPlainAndDistinct(_ ids: [String], reserved: Set<String>) -> Bool {
        var capacity = 16
        while capacity < ids.count * 2 { capacity *= 2 }
        let mask = capacity - 1
        // Open addressing on the hashes themselves; 0 marks an empty slot (a hash of 0 is made 1).
        var table = [UInt64](repeating: 0, count: capacity)
        for id in ids {
            guard isPlain(id, reserved: reserved) else { return false }
            var hash = fnv1a(id.utf8.lazy.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 })
            hash ^= hash >> 33
            hash &*= 0xff51_afd7_ed55_8ccd
            hash ^= hash >> 33
            if hash == 0 { hash = 1 }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table[slot] != 0 {
                if table[slot] == hash { return false }
                slot = (slot + 1) & mask
            }
            table[slot] = hash
        }
        return true
    }

    /// The planned stem of `id` (no extension); nil for an id that was not planned.
    package func stem(_ id: String) -> String? { stems[id] }

    /// `stem.html` for a planned id.
    package func file(_ id: String) -> String? { stems[id].map { $0 + ".html" } }

    /// The safe stem of one id on its own, before case collisions are considered.
    package static func stem(for id: String, reserved: Set<String> = ["index"]) -> String {
        isPlain(id, reserved: reserved) ? id : ruledStem(for: id, reserved: reserved)
    }

    /// ``stem(for:reserved:)`` by the rules, character by character.
    static func ruledStem(for id: String, reserved: Set<String>) -> String {
        var out = ""
        var changed = false
        for scalar in id.unicodeScalars {
            if isKept(scalar, first: out.isEmpty), !(scalar == "." && out.hasSuffix(".")) {
                out.unicodeScalars.append(scalar)
            } else {
                out.unicodeScalars.append("_")
                changed = true
            }
        }
        // Trailing dots and spaces vanish on Windows.
        while out.hasSuffix(".") {
            out.removeLast()
            changed = true
        }
        if out.isEmpty {
            out = "_"
            changed = true
        }
        let base = out.split(separator: ".", maxSplits: 1).first.map(String.init)?.uppercased() ?? ""
        if windowsDevices.contains(base) {
            // `CON.txt` is the device too: the name must not start with the device's name.
            out = "_" + out
            changed = true
        } else if reserved.contains(out.lowercased()) {
            changed = true
        }
        if out.utf8.count > maxBytes {
            var cut = ""
            for ch in out {
                if cut.utf8.count + ch.utf8.count > maxBytes - 12 { break }
                cut.append(ch)
            }
            out = cut
            changed = true
        }
        return changed ? withHash(out, of: id, salt: 0) : out
    }

    /// True for an id the rules keep as it is, decided on its bytes (most ids: `C000123`):
    /// ASCII letters, digits, `-`, `_` and single inner dots, not too long, and too long before
    /// its first dot to be a device name; one a reserved name could be goes the long way.
    static func isPlain(_ id: String, reserved: Set<String>) -> Bool {
        let bytes = id.utf8
        guard !bytes.isEmpty, bytes.count <= maxBytes, !reserved.contains(where: { $0.utf8.count == bytes.count }) else { return false }
        var previous: UInt8 = 0, base = 0, dotSeen = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"):
                if !dotSeen { base += 1 }
            case UInt8(ascii: "."):
                if previous == 0 || previous == UInt8(ascii: ".") { return false }
                dotSeen = true
            default:
                return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: ".") && base >= 5
    }

    private static let windowsDevices: Set<String> = {
        var names: Set<String> = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
        for n in 1...9 {
            names.insert("COM\(n)")
            names.insert("LPT\(n)")
        }
        return names
    }()

    private static func isKept(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return true
        case ".": return !first
        default:
            guard scalar.value >= 0x80 else { return false }
            let category = scalar.properties.generalCategory
            switch category {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return false
            }
        }
    }

    /// `stem-` plus ten hex digits of a 64-bit FNV-1a hash of the id (and salt).
    static func withHash(_ stem: String, of id: String, salt: Int) -> String {
        let hash = fnv1a(Array(id.utf8) + repeatElement(0xFF, count: salt))
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return stem + "-" + padded.prefix(10)
    }

    /// The 64-bit FNV-1a hash of `bytes`.
    static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// Code-point order (``Swift/String/codePointPrecedes(_:)``), as a sort predicate.
    static func codePointOrder(_ a: String, _ b: String) -> Bool {
        a.codePointPrecedes(b)
    }
}
