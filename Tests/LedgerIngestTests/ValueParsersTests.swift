import Foundation
import Testing
@testable import LedgerIngest

/// Missing-value tokens and the NFKC fold every parser starts from.
@Suite("Missing values and folding")
struct ValueParsersTests {
    @Test("Missing-value tokens match after trimming, case-insensitively", arguments: [
        "", " ", "\t", "NULL", "null", "Null", " NULL ", "N/A", "n/a", "NA", "na", "-", " - ",
        "无", " 无 ", "#N/A", "#n/a", "\u{3000}NULL\u{3000}", "\u{A0}N/A\u{A0}", "\u{FEFF}", "\u{FEFF}NA",
        "\r\n",
    ])
    func missing(cell: String) {
        #expect(ValueParsers.isMissing(cell))
    }

    @Test("Text that only looks empty is a value", arguments: [
        "none", "None", "nan", "NaN", "—", "--", "0", "N.A.", "NULLS", "无效", "#N/A!", "n / a", "x",
    ])
    func notMissing(cell: String) {
        #expect(!ValueParsers.isMissing(cell))
    }

    @Test("Folding trims and maps full-width forms to ASCII", arguments: [
        ("  abc  ", "abc"),
        ("abc", "abc"),
        ("\u{3000}２０２５－０３－０１\u{3000}", "2025-03-01"),
        ("ＡＢＣ　ｄｅｆ", "ABC def"),
        ("\u{FEFF}客户", "客户"),
        ("￥１，２３４．５０", "¥1,234.50"),
        ("\u{A0}x\u{A0}y\u{A0}", "x y"),
        ("①", "1"),
        ("ｶ", "カ"),
        ("\u{2003}em\u{2003}", "em"),
        ("Cafe\u{301}", "Café"),
        ("", ""),
    ])
    func fold(input: String, expected: String) {
        #expect(ValueParsers.fold(input) == expected)
    }

    @Test("The hand-made fold agrees with Foundation's NFKC", arguments: [
        "杭州云帆科技有限公司", "２０２５年３月１日", "￥１，２３４．５０", "Ｃｌｏｓｅｄ　Ｗｏｎ", "Müller, Zoë",
        "《客户》、【标签】。", "㈱株式会社", "ﬁnance", "x²", "Ⅻ", "가나다", "ＡＢＣ\u{301}",
    ])
    func agreesWithFoundation(text: String) {
        let reference = text.precomposedStringWithCompatibilityMapping
            .trimmingCharacters(in: .whitespaces)
        #expect(ValueParsers.fold(text) == reference)
    }
}

@Suite("Fast paths of the value parsers")
struct ValueParserFastPathTests {
    /// Every `YYYY-MM-DD` and `YYYY-MM-DD HH:MM` shape with good and bad parts, and near misses.
    static let dates: [String] = {
        var cells: [String] = []
        for year in ["2025", "2024", "0000", "9999", "20a5"] {
            for month in ["01", "02", "12", "13", "00", "1a"] {
                for day in ["01", "28", "29", "30", "31", "32", "00"] {
                    cells.append("\(year)-\(month)-\(day)")
                    for time in [" 00:00", " 23:59", " 24:00", " 12:60", "T08:30", "  08:30", " 8:30", " 08:3x", "_08:30"] {
                        cells.append("\(year)-\(month)-\(day)\(time)")
                    }
                }
            }
        }
        return cells + ["2025/01/01", "2025-1-01", "2025-01-1", "2025-01-01 08:30:00", "2025-01-01Z", "20250101", ""]
    }()

    @Test("Common date forms read at fixed offsets as the general scanner reads them")
    func datesAgree() {
        for cell in Self.dates {
            var text = cell
            let (fast, general) = text.withUTF8 { bytes in
                (ValueParsers.date(foldedBytes: bytes, order: .ymd),
                 ValueParsers.date(foldedBytes: bytes, order: .ymd, commonForms: false))
            }
            #expect(fast == general, "\(cell)")
        }
    }

    @Test("Plain amounts read in Int64 as the general scanner reads them", arguments: [
        "0", "-0", "1", "17061.77", "-120", "123456789012", "1234567890123", "999999999999.999999",
        "1.2345678", "1.", ".5", "-", "--1", "1,234.50", "0.000001", "12.3456789", "007", "1e5", "+5", "1.2万",
        "-999999999999.999999", "12 34", "1.23.4",
    ])
    func amountsAgree(cell: String) {
        var text = cell
        let (fast, general) = text.withUTF8 { bytes in
            (ValueParsers.amount(foldedBytes: bytes), ValueParsers.amount(foldedBytes: bytes, plainForms: false))
        }
        #expect(fast == general)
    }

    @Test("A cell that folds to itself is read from its bytes, others through the fold", arguments: [
        ("1.2万", true), ("2025年3月1日", true), ("¥1,234", true), ("Café", true), ("￥1234", false),
        ("１２３", false), ("a\u{00A0}b", false), ("e\u{301}", false), ("北京（总部）", false),
    ])
    func foldsToItself(cell: String, expected: Bool) {
        var text = cell
        #expect(text.withUTF8 { ValueParsers.foldsToItself($0) } == expected)
        #expect(text.withUTF8 { ValueParsers.foldsToItself($0) } == (ValueParsers.fold(cell) == cell) || !expected)
    }
}
