/// Estimates rendered text width and shortens labels that would not fit.
///
/// The generator cannot measure fonts, so it counts columns: CJK and other wide characters take
/// two, everything else one, and a column is ``columnWidth`` of the font size. The estimate errs
/// wide for Latin text, so a label it accepts fits in practice.
enum TextMetrics {
    /// Width of one narrow column as a fraction of the font size.
    static let columnWidth = 0.58

    /// Estimated width in user units of `text` at `fontSize`.
    static func width(_ text: String, fontSize: Double = 12) -> Double {
        var columns = 0
        for character in text { columns += self.columns(of: character) }
        return Double(columns) * columnWidth * fontSize
    }

    /// `text` shortened to at most `maxWidth` with a trailing `…`, and whether it was shortened.
    static func truncate(_ text: String, toWidth maxWidth: Double, fontSize: Double = 12) -> (text: String, truncated: Bool) {
        if width(text, fontSize: fontSize) <= maxWidth { return (text, false) }
        let budget = maxWidth / (columnWidth * fontSize) - 1 // one column for the ellipsis
        var used = 0
        var result = ""
        for character in text {
            let next = columns(of: character)
            if Double(used + next) > budget { break }
            used += next
            result.append(character)
        }
        while result.last == " " { result.removeLast() }
        return (result + "…", true)
    }

    /// Two columns for East Asian wide and fullwidth characters, zero for combining marks, else one.
    static func columns(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let v = scalar.value
        if v < 0x1100 { return 1 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }
}
