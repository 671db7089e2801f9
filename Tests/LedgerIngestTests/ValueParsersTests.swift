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
