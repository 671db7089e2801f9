import Charts
@testable import SiteRenderer
import Testing

/// The byte masks write what the `String` masks return, escaped.
@Suite struct ContactMaskBytesTests {
    static func bytes(_ body: (inout ByteBuffer) -> Void) -> String {
        var buffer = ByteBuffer(capacity: 8)
        body(&buffer)
        return buffer.string
    }

    static var phones: [String] {
        var values = VariedLedger.phones + ["+", "+8613812345678", "86 13812345678", "12345678901", "+12345678901", "0123-", "012-3456789",
                                            "01-23456789", "0571 - 88886666", "0-571-88886666", " \t ", "\r\n13812345678", "1381234567８"]
        var random = VariedLedger(seed: 3)
        let alphabet = Array("0123456789+- ()\t.x长\r\n#&<")
        for _ in 0..<20_000 {
            values.append(String((0..<random.next(24)).map { _ in random.pick(alphabet) }))
        }
        return values
    }

    @Test func maskedPhonesMatch() {
        for phone in Self.phones {
            #expect(Self.bytes { ContactMask.append(phone: phone, to: &$0) } == HTML.escape(ContactMask.phone(phone)), "«\(phone)»")
        }
    }

    @Test func maskedEmailsMatch() {
        var values = VariedLedger.emails + ["@", "a@", "\r@", "\r\n", "x\r\n@y", "<a>@b&c"]
        var random = VariedLedger(seed: 4)
        let alphabet = Array("ab@.\r\n<&é ")
        for _ in 0..<20_000 { values.append(String((0..<random.next(10)).map { _ in random.pick(alphabet) })) }
        for email in values {
            #expect(Self.bytes { ContactMask.append(email: email, to: &$0) } == HTML.escape(ContactMask.email(email)), "«\(email)»")
        }
    }

    @Test func escapingMatchesHTMLEscape() {
        for text in VariedLedger.texts + ["&<>\"'", "'''", "a&b<c>d\"e'f", String(repeating: "<&", count: 1000)] {
            #expect(Self.bytes { $0.append(escaping: text) } == HTML.escape(text))
        }
    }
}
