/// Trimming of text cells as precise-rules.md defines it for missing-value tokens: ASCII
/// whitespace, U+3000 (ideographic space), NBSP and a stray BOM, at both ends.
///
/// Text is otherwise kept as written (no NFKC): a name is shown the way the ledger spells it.
enum CellText {
    static func trim(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              isSpace(first) || isSpace(last) else { return cell }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x3000, 0xA0, 0xFEFF: return true
        default: return false
        }
    }
}
