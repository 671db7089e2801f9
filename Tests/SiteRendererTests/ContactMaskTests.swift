@testable import SiteRenderer
import Testing

@Suite struct ContactMaskTests {
    static let phones: [(String, String)] = [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "+86 138****5678"),
        ("8613812345678", "86 138****5678"),
        ("0371-66267353", "0371-****7353"),
        ("010-12345678", "010-****5678"),
        ("+1 415 555 0100", "+141****0100"),
        ("12345", "****"),
        ("", ""),
    ]

    @Test(arguments: phones)
    func phoneNumbersKeepOnlyPrefixAndLastFourDigits(_ pair: (String, String)) {
        #expect(ContactMask.phone(pair.0) == pair.1)
    }

    @Test func emailKeepsTheFirstLetterAndTheDomain() {
        #expect(ContactMask.email("zhang.wei@example.com") == "z***@example.com")
        #expect(ContactMask.email("no-at-sign") == "***")
        #expect(ContactMask.email("@example.com") == "***")
    }

}
