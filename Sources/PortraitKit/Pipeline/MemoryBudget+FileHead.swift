import Foundation

extension MemoryBudget {
    /// The first 64 KiB of a table file: enough to tell its kind without reading the rest.
    struct FileHead {
        let kind: InputKind

        init(path: String) {
            let handle = FileHandle(forReadingAtPath: path)
            let bytes = [UInt8]((try? handle?.read(upToCount: 65_536)) ?? Data())
            try? handle?.close()
            kind = Self.kind(path: path, head: bytes)
        }

        /// XML by name; a CSV is `convertedCSV` when it is not UTF-8 in its first 64 KiB (with
        /// or without a byte order mark, which is read past in place).
        static func kind(path: String, head: [UInt8]) -> InputKind {
            if path.lowercased().hasSuffix(".xml") { return .xml }
            // A character cut at the end of the sample is not an error: drop up to 3 trailing bytes.
            for cut in 0...min(3, head.count) where String(validating: head.dropLast(cut), as: UTF8.self) != nil {
                return .plainCSV
            }
            return .convertedCSV
        }
    }
}
