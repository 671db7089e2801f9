import Foundation
import LedgerIngest
import LedgerModel

extension MemoryBudget {
    /// The first 64 KiB of a table file: enough to tell its kind, its header and its rows'
    /// typical length without reading the rest.
    struct FileHead {
        let bytes: [UInt8]
        let size: Int
        let kind: InputKind

        init(path: String, size: Int) {
            let handle = FileHandle(forReadingAtPath: path)
            bytes = [UInt8]((try? handle?.read(upToCount: 65_536)) ?? Data())
            try? handle?.close()
            self.size = size
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

        /// Rows below the header in the whole file, from the sample's rows and their length (a
        /// quoted line break counts as a row; the estimate errs high).
        var estimatedRows: Int {
            guard let headerEnd = bytes.firstIndex(of: 0x0A) else { return 0 }
            let body = bytes[(headerEnd + 1)...]
            let rows = body.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            guard rows > 0, size > bytes.count, let lastEnd = body.lastIndex(of: 0x0A) else { return rows }
            let sampled = Double(lastEnd - headerEnd)
            return Int((Double(size - headerEnd - 1) / sampled * Double(rows)).rounded(.up))
        }

        /// Header cells of a CSV that name no column of `table`, by alias or by `configured`
        /// (folded names from the config's `columns:`). The delimiter is whichever of `,` `;`
        /// tab `|` the header holds most of, as the reader detects it.
        func unknownColumns(of table: TableName, configured: Set<String>) -> Int {
            let end = bytes.firstIndex(of: 0x0A) ?? bytes.count
            guard let decoded = try? TextDecoding.decode(Array(bytes[..<end]), file: "") else { return 0 }
            let line = String(decoding: decoded.utf8, as: UTF8.self)
            let delimiter = [",", ";", "\t", "|"].max { line.components(separatedBy: $0).count < line.components(separatedBy: $1).count } ?? ","
            return line.components(separatedBy: delimiter)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r ")) }
                .filter { HeaderAliases.canonical($0, in: table) == nil && !configured.contains(HeaderAliases.fold($0)) }
                .count
        }
    }
}
