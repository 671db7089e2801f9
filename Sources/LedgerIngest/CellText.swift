/// Trimming of text cells as precise-rules.md defines it for missing-value tokens: ASCII
/// whitespace, U+3000 (ideographic space), NBSP and a stray BOM, at both ends.
///
/// Text is otherwise kept as written (no NFKC): a name is shown the way the ledger spells it.
enum CellText {
    static func trim(_ cell: String) -> String {
        guard let first = cell.utf8.first, let last = cell.utf8.last else { return cell }
        // Byte test first: a space can only start with ≤ 0x20, 0xC2 (NBSP), 0xE3 (U+3000) or
        // 0xEF (BOM), and end with ≤ 0x20, 0xA0, 0x80 or 0xBF. Most cells fail both.
        let mayStart = first <= 0x20 || first == 0xC2 || first == 0xE3 || first == 0xEF
        let mayEnd = last <= 0x20 || last == 0xA0 || last == 0x80 || last == 0xBF
        guard mayStart || mayEnd else { return cell }
        let scalars = cell.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return start == scalars.startIndex && end == scalars.endIndex ? cell : String(scalars[start..<end])
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x3000, 0xA0, 0xFEFF: return true
        default: return false
        }
    }
}
