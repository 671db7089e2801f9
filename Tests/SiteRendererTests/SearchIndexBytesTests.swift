import Charts
@testable import SiteRenderer
import Testing

/// The search index written as bytes is what the `String` rules make of it.
@Suite struct SearchIndexBytesTests {
    static var samples: [String] {
        var values = VariedLedger.texts + ["\u{2028}\u{2029}", "\u{0}\u{1F}\u{7F}", "\\\"'<>&", "\r\n\r\n\n\r", "a\r\n\u{301}", "\u{E2}\u{80}"]
        var random = VariedLedger(seed: 12)
        let alphabet = Array("a\t\n\r\\\"'<>&\u{0}\u{1}\u{7F}\u{2028}\u{2029}长é\u{301}😀 ")
        for _ in 0..<20_000 { values.append(String((0..<random.next(12)).map { _ in random.pick(alphabet) })) }
        return values
    }

    @Test func escapingMatchesJavaScriptString() {
        for text in Self.samples {
            var out = ByteBuffer(capacity: 8)
            var copy = text
            copy.withUTF8 { SearchIndex.appendJavaScriptEscaped(UnsafeRawBufferPointer($0), to: &out) }
            #expect(out.string == HTML.javaScriptString(text), "«\(text)»")
        }
    }

    @Test func cleaningMatchesTheCharacterRule() {
        for text in Self.samples {
            var out = ByteBuffer(capacity: 8)
            SearchIndex.appendClean(text, to: &out)
            #expect(out.string == SearchIndex.clean(text), "«\(text)»")
        }
    }
}
