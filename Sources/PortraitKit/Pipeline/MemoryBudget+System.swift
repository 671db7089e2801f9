import Foundation

extension MemoryBudget {
    /// Memory this process may still use: the least of the kernel's `MemAvailable` and, for
    /// each cgroup (v2 or v1) on the way from this process's group to the root that sets a
    /// limit, that limit minus what the group uses; nil where neither can be read.
    ///
    /// A group's page cache that is inactive counts as free, as the kernel reclaims it before
    /// killing anyone (it is what `docker stats` leaves out too).
    package static func availableMemory() -> Int? {
        var candidates: [Int] = []
        if let kilobytes = keyedValue("MemAvailable", in: readText("/proc/meminfo")) {
            candidates.append(kilobytes * 1024)
        }
        for line in readText("/proc/self/cgroup")?.split(separator: "\n") ?? [] {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            if parts[0] == "0", parts[1].isEmpty {
                candidates += cgroupRoom(root: "/sys/fs/cgroup", path: String(parts[2]), limit: "memory.max",
                                         usage: "memory.current", inactive: "inactive_file")
            } else if parts[1].split(separator: ",").contains("memory") {
                candidates += cgroupRoom(root: "/sys/fs/cgroup/memory", path: String(parts[2]),
                                         limit: "memory.limit_in_bytes", usage: "memory.usage_in_bytes",
                                         inactive: "total_inactive_file")
            }
        }
        return candidates.min().map { max(0, $0) }
    }

    /// Limit minus usage of each group from `path` up to `root` that has a limit. A container
    /// may see its own group as the root, so the root itself is always looked at.
    private static func cgroupRoom(root: String, path: String, limit: String, usage: String, inactive: String) -> [Int] {
        var folders: [String] = []
        var components = path.split(separator: "/").map(String.init)
        while true {
            folders.append(([root] + components).joined(separator: "/"))
            if components.isEmpty { break }
            components.removeLast()
        }
        return folders.compactMap { folder -> Int? in
            guard let text = readText(folder + "/" + limit)?.trimmingCharacters(in: .whitespacesAndNewlines),
                  let bytes = Int(text), bytes < 1 << 60,
                  let used = readText(folder + "/" + usage).flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
            else { return nil }
            let reclaimable = keyedValue(inactive, in: readText(folder + "/memory.stat")) ?? 0
            return bytes - max(0, used - reclaimable)
        }
    }

    /// The number after `key` on its line of a `key: value` or `key value` file.
    private static func keyedValue(_ key: String, in text: String?) -> Int? {
        for line in text?.split(separator: "\n") ?? [] {
            let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "\t" })
            if words.count >= 2, words[0] == key { return Int(words[1]) }
        }
        return nil
    }

    private static func readText(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Bytes for `8G`, `512 MiB`, `1.5GB` or `1000000`; decimal units (K, M, G, T, with or
    /// without B) are powers of 1000, binary ones (KiB…) powers of 1024.
    package static func parseSize(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = trimmed.prefix { $0.isNumber || $0 == "." }
        let unit = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces).uppercased()
        guard let value = Double(number), value >= 0 else { return nil }
        let units: [String: Double] = [
            "": 1, "B": 1,
            "K": 1e3, "KB": 1e3, "M": 1e6, "MB": 1e6, "G": 1e9, "GB": 1e9, "T": 1e12, "TB": 1e12,
            "KIB": 1024, "MIB": 1_048_576, "GIB": 1_073_741_824, "TIB": 1_099_511_627_776,
        ]
        guard let scale = units[unit], value * scale < 9e18 else { return nil }
        return Int(value * scale)
    }

    /// `1.7 GB`, `340 MB`, `12 KB`: decimal units, three significant digits at most.
    static func format(_ bytes: Int) -> String {
        let value = Double(bytes)
        for (unit, scale) in [("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3)] where value >= scale {
            let scaled = value / scale
            let text = scaled >= 100 ? String(Int(scaled.rounded())) : String(format: scaled >= 10 ? "%.0f" : "%.1f", scaled)
            return text + " " + unit
        }
        return "\(bytes) bytes"
    }

    /// A value for `PORTRAIT_MEMORY_LIMIT` that lets an estimate of `bytes` through: whole GB.
    static func suggestion(_ bytes: Int) -> String {
        "\(Int((Double(bytes) / 1e9).rounded(.up)))G"
    }
}
